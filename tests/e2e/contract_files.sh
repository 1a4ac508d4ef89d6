#!/bin/sh
# End-to-end: the contract file and its .ics files as the tools see them.
# Only regular files are read (a pipe or a device used to hang), keys that
# nothing measures and indented keys are refused with FILE:LINE, and a
# reminder inside an .ics event does not stop the contract from loading.
# Each refusal exits 1, like any contract error, with one line on stderr.
#
# usage: contract_files.sh BINDIR SRCDIR

set -u
LC_ALL=C
export LC_ALL

if [ $# -ne 2 ]; then
	echo "usage: $0 BINDIR SRCDIR" >&2
	exit 2
fi
bin=$1/sla-calendar
data=$2/tests/data/contracts

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

tests=0
failed=0

fail() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n' "$*"
}

# refused CONTRACT WANT_STDERR: exit 1 within a minute, stderr exactly that line.
refused() {
	tests=$((tests + 1))
	timeout 60 "$bin" -c "$1" holidays 2027 >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ $status -ne 1 ] || [ -s "$tmp/out" ] || [ "$(cat "$tmp/err")" != "$2" ]; then
		fail "$1: exit $status (want 1); stderr: $(cat "$tmp/err"); want: $2"
	fi
}

refused /dev/zero "sla-calendar: /dev/zero: a character device, not a regular file: not a contract file"
refused "$tmp" "sla-calendar: $tmp: a directory, not a regular file: not a contract file"
mkfifo "$tmp/fifo.ini"
refused "$tmp/fifo.ini" "sla-calendar: $tmp/fifo.ini: a pipe, not a regular file: not a contract file"

mkfifo "$tmp/fifo.ics"
printf '[contract]\nid = mini\n\n[calendar.werkdag]\nmon-fri = 08:00-17:00\nics = fifo.ics\n\n[priority.P1]\nresponse = 15m\nresolution = 4h\n' >"$tmp/ics.ini"
refused "$tmp/ics.ini" "sla-calendar: $tmp/ics.ini:6: 'ics': fifo.ics: a pipe, not a regular file: not an iCalendar file"
refused "$data/ics_dev_zero.ini" "sla-calendar: $data/ics_dev_zero.ini:6: 'ics': /dev/zero: a character device, not a regular file: not an iCalendar file"

refused "$data/indented_text_key.ini" "sla-calendar: $data/indented_text_key.ini:14: 'response': this indented line looks like a key of [priority.P2]: start it at the beginning of the line (indented, it would be read as more of 'name' from line 13)"
refused "$data/ics_count0.ini" "sla-calendar: $data/count0.ics:7: 'RRULE': cannot read 'FREQ=YEARLY;COUNT=0': COUNT is a whole number from 1"

# A reminder inside the event: the contract loads and the day keeps its name.
tests=$((tests + 1))
"$bin" -c "$data/ics_valarm.ini" holidays 2027 >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -ne 0 ] || [ -s "$tmp/err" ] || ! grep -qx "2027-03-15	Studiedag" "$tmp/out"; then
	fail "ics_valarm.ini: exit $status; stderr: $(cat "$tmp/err")"
fi

echo "contract_files: $tests checks, $failed failed"
[ $failed -eq 0 ]
