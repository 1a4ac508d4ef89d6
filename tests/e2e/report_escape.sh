#!/bin/sh
# End-to-end: ticket text with terminal control sequences (an OSC that would
# retitle the terminal, a CSI, BEL, CR, a line break in a complaint title that
# would fake a report line, a C1 CSI) reaches no text output raw: the text
# report and sla-compute's text show it escaped (\x1b, \n, \u009b), and no
# output line holds a control byte other than the line end.
#
# usage: report_escape.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
c=$src/samples/contracts/dhs.ini
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

# A control byte other than LF, or a C1 control (UTF-8 C2 80..C2 9F), anywhere in file $1.
raw_controls() {
	tr -d '\n' <"$1" | LC_ALL=C grep -c "$(printf '[\001-\037\177]\\|\302[\200-\237]')"
}

"$bin/sla-import" -d "$tmp/c.db" -c "$c" "$src/tests/data/report/control-tickets.csv" ||
	{ echo "FAIL: importing control-tickets.csv"; exit 1; }

"$bin/sla-report" -d "$tmp/c.db" -c "$c" -p 2027-01 --allow-missing skip -o - >"$tmp/report.txt" ||
	fail "sla-report exit $?"
[ "$(raw_controls "$tmp/report.txt")" = 0 ] || fail "the text report holds raw control bytes"
grep -q 'motivatie: \\x1b\]0;pwned\\x07$' "$tmp/report.txt" || fail "uplift reason not escaped"
grep -q '^    Klacht\\x1b\]8;;http://x\\x07link\\n  P1 Kritiek' "$tmp/report.txt" ||
	fail "a line break in a complaint title is not shown as \\n"
grep -q '^  P1 Kritiek 9 9/9' "$tmp/report.txt" && fail "a complaint title fakes a priority line"
grep -q '^  Den\\nHaag  ' "$tmp/report.txt" || fail "location with a line break not escaped"
grep -q '^  Delft\\r  ' "$tmp/report.txt" || fail "location with CR not escaped"
grep -q '^  Net\\x0bwerk\\x1b\[31m  ' "$tmp/report.txt" || fail "category with VT and CSI not escaped"

"$bin/sla-compute" -d "$tmp/c.db" -c "$c" -p 2027-01 --no-store >"$tmp/compute.txt" ||
	fail "sla-compute exit $?"
[ "$(raw_controls "$tmp/compute.txt")" = 0 ] || fail "sla-compute's text holds raw control bytes"
grep -q '^CTL-2\\x1b\[2J ' "$tmp/compute.txt" || fail "sla-compute: ticket id not escaped"

# The escapes are for terminals only: JSON keeps the data as it is (escaped as JSON).
"$bin/sla-report" -d "$tmp/c.db" -c "$c" -p 2027-01 --allow-missing skip -o "$tmp/report.json" ||
	fail "sla-report json exit $?"
grep -q 'Net\\u000bwerk\\u001b\[31m' "$tmp/report.json" || fail "JSON: category not kept as data"

echo "report_escape: $failed failed"
[ "$failed" -eq 0 ]
