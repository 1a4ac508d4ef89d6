#!/bin/sh
# End-to-end test of sla-calendar: runs the real binary on the contracts in
# tests/data/contracts-e2e/ and samples/contracts/, and compares stdout and
# the exit status exactly (and that errors go to stderr, with nothing on stdout).
#
# usage: calendar_cli.sh BINDIR SRCDIR
#
# Expected values are worked out by hand in the comments. werkdag.ini's
# default calendar is Mon-Fri 08:00-17:00 in Europe/Amsterdam with the nl
# holidays (5 mei every year, no Goede Vrijdag): a standard day of 9 h.

set -u
LC_ALL=C
export LC_ALL

if [ $# -ne 2 ]; then
	echo "usage: $0 BINDIR SRCDIR" >&2
	exit 2
fi
bin=$1/sla-calendar
src=$2
data=$src/tests/data/contracts-e2e
W=$data/werkdag.ini
SP=$data/saopaulo.ini
tab=$(printf '\t')

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

tests=0
failed=0

fail() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n' "$*"
}

# ok WANT_STDOUT ARGS...: exit 0, stdout exactly WANT_STDOUT (plus a newline
# when not empty), nothing on stderr.
ok() {
	want=$1
	shift
	tests=$((tests + 1))
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ -n "$want" ]; then
		printf '%s\n' "$want" >"$tmp/want"
	else
		: >"$tmp/want"
	fi
	if [ $status -ne 0 ]; then
		fail "sla-calendar $*: exit $status, want 0; stderr: $(cat "$tmp/err")"
	elif ! cmp -s "$tmp/want" "$tmp/out"; then
		fail "sla-calendar $*: stdout differs"
		diff "$tmp/want" "$tmp/out" | sed 's/^/    /'
	elif [ -s "$tmp/err" ]; then
		fail "sla-calendar $*: unexpected stderr: $(cat "$tmp/err")"
	fi
}

# err STATUS PATTERN ARGS...: exit STATUS, empty stdout, stderr starting with
# "sla-calendar: " and containing PATTERN (a fixed string; "" for any).
err() {
	want_status=$1
	pattern=$2
	shift 2
	tests=$((tests + 1))
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ $status -ne "$want_status" ]; then
		fail "sla-calendar $*: exit $status, want $want_status; stderr: $(cat "$tmp/err")"
	elif [ -s "$tmp/out" ]; then
		fail "sla-calendar $*: stdout should be empty: $(cat "$tmp/out")"
	elif ! head -n 1 "$tmp/err" | grep -q '^sla-calendar: '; then
		fail "sla-calendar $*: stderr does not start with 'sla-calendar: ': $(cat "$tmp/err")"
	elif [ -n "$pattern" ] && ! grep -qF -- "$pattern" "$tmp/err"; then
		fail "sla-calendar $*: stderr lacks '$pattern': $(cat "$tmp/err")"
	fi
}

# ---- between ----------------------------------------------------------------

# Fri 8 Jan 2027 16:00 - Mon 11 Jan 10:00: 1 h Friday + 2 h Monday = 10800 s.
ok 10800 -c "$W" between "2027-01-08 16:00" "2027-01-11 10:00"
ok 10800 -c "$W" between "2027-01-08T16:00" "2027-01-11T10:00:00"
ok 10800 -c "$W" between "08-01-2027 16:00" "11-01-2027 10:00"
ok 10800 -c "$W" between "8-1-2027 16:00:00" "11-1-2027 10:00"
# With offsets: 15:00Z and 09:00Z are 16:00 and 10:00 CET.
ok 10800 -c "$W" between "2027-01-08T15:00:00Z" "2027-01-11T09:00:00Z"
ok 10800 -c "$W" between "2027-01-08T16:00:00+01:00" "2027-01-11T10:00+01:00"
ok 10800 -c "$W" between "2027-01-08T12:00:00-03:00" "2027-01-11T10:00:00+01:00"
# Reversed: negative.
ok -10800 -c "$W" between "2027-01-11 10:00" "2027-01-08 16:00"
# Zero length, and a span with no business time in it.
ok 0 -c "$W" between "2027-01-04 10:00" "2027-01-04 10:00"
ok 0 -c "$W" between "2027-01-09 10:00" "2027-01-10 18:00"
# Easter 2027: Fri 26 Mar 08:00 - Wed 31 Mar 08:00: Friday 9 h, Monday is
# Tweede Paasdag, Tuesday 9 h = 64800 s.
ok 64800 -c "$W" between "2027-03-26 08:00" "2027-03-31 08:00"
# The whole of 2027: 261 weekdays less 6 holidays on weekdays (1 Jan, 29 Mar,
# 27 Apr, 5 May, 6 May, 17 May) = 255 days x 9 h = 8262000 s.
ok 8262000 -c "$W" between "2027-01-01 00:00" "2028-01-01 00:00"
ok 8262000 -c "$W" between "01-01-2027 00:00" "01-01-2028 00:00"

# ---- add --------------------------------------------------------------------

# A target longer than what is left of the day: Fri 16:00 + 2 h = 1 h Friday
# and 1 h from Monday 08:00.
ok 2027-01-11T09:00:00 -c "$W" add "2027-01-08 16:00" 2h
# 1d is one standard day (9 h): 1 h Friday, 8 h Monday from 08:00.
ok 2027-01-11T16:00:00 -c "$W" add "2027-01-08 16:00" 1d
ok 2027-01-11T16:00:00 -c "$W" add "08-01-2027 16:00" "1 werkdag"
# A target that uses up the day ends at closing time, not at the next opening.
ok 2027-01-04T17:00:00 -c "$W" add "2027-01-04 16:00" 1h
ok 2027-01-04T08:15:00 -c "$W" add "2027-01-04 07:00" 15m
ok 2027-01-04T10:30:00 -c "$W" add "2027-01-04 09:00" 1h30m
# Over Tweede Paasdag: Fri 26 Mar 16:00 + 2 h -> Tue 30 Mar 09:00 (CEST).
ok 2027-03-30T09:00:00 -c "$W" add "2027-03-26 16:00" 2h
# Across new year: Thu 30 Dec 16:00 + 2 d (18 h): 1 h + 9 h Fri 31 Dec, then
# 8 h from Mon 3 Jan 2028 08:00.
ok 2028-01-03T16:00:00 -c "$W" add "2027-12-30 16:00" "2 werkdagen"
# Many months: 100 working days of 9 h from Mon 4 Jan 08:00 end at the close
# of the 100th working day, Fri 28 May 2027.
ok 2027-05-28T17:00:00 -c "$W" add "2027-01-04 08:00" 100d
# The DST gap: 02:30 on 28 March 2027 does not exist; it is moved forward by
# the gap to 03:30 CEST, and a zero target ends where it starts.
ok 2027-03-28T03:30:00 -c "$W" add "2027-03-28 02:30" 0
# Input with an offset, output in local time: 08:00Z is 09:00 CET.
ok 2027-01-04T10:00:00 -c "$W" add "2027-01-04T08:00:00Z" 1h
# End-of-day deadlines (08:00-17:00): the same business day's closing time, or
# the Nth business day's after it. Fri 8 Jan 16:00: eod Fri 17:00, eod+1 Mon
# 11 Jan 17:00. After closing (or on Saturday) the clock starts on Monday,
# which is then the same day: eod Mon 17:00, eod+1 Tue 12 Jan 17:00.
ok 2027-01-08T17:00:00 -c "$W" add "2027-01-08 16:00" eod
ok 2027-01-11T17:00:00 -c "$W" add "2027-01-08 16:00" eod+1
ok 2027-01-11T17:00:00 -c "$W" add "2027-01-08 17:00" eod
ok 2027-01-12T17:00:00 -c "$W" add "2027-01-09 12:00" "eod + 1"
# Over Easter: Fri 26 Mar 16:00 eod+1 skips Tweede Paasdag (Mon 29): Tue 30 Mar.
ok 2027-03-30T17:00:00 -c "$W" add "2027-03-26 16:00" eod+1

# ---- next -------------------------------------------------------------------

ok 2027-01-11T08:00:00 -c "$W" next "2027-01-09 12:00"
ok 2027-01-04T10:00:30 -c "$W" next "2027-01-04 10:00:30"
ok 2027-01-05T08:00:00 -c "$W" next "2027-01-04 17:00"
ok 2027-04-28T08:00:00 -c "$W" next "27-04-2027 10:00"
ok 2027-01-04T08:00:00 -c "$W" next "2026-12-31 17:00"

# ---- holidays ---------------------------------------------------------------

ok "2027-01-01${tab}Nieuwjaarsdag
2027-03-29${tab}Tweede Paasdag
2027-04-27${tab}Koningsdag
2027-05-05${tab}Bevrijdingsdag
2027-05-06${tab}Hemelvaartsdag
2027-05-17${tab}Tweede Pinksterdag
2027-12-25${tab}Eerste Kerstdag
2027-12-26${tab}Tweede Kerstdag" -c "$W" holidays 2027

# 2013: the last Koninginnedag (Tue 30 April); Easter 31 March.
ok "2013-01-01${tab}Nieuwjaarsdag
2013-04-01${tab}Tweede Paasdag
2013-04-30${tab}Koninginnedag
2013-05-05${tab}Bevrijdingsdag
2013-05-09${tab}Hemelvaartsdag
2013-05-20${tab}Tweede Pinksterdag
2013-12-25${tab}Eerste Kerstdag
2013-12-26${tab}Tweede Kerstdag" -c "$W" holidays 2013

# 2014: the first Koningsdag; 27 April was a Sunday, so Saturday 26 April.
ok "2014-01-01${tab}Nieuwjaarsdag
2014-04-21${tab}Tweede Paasdag
2014-04-26${tab}Koningsdag
2014-05-05${tab}Bevrijdingsdag
2014-05-29${tab}Hemelvaartsdag
2014-06-09${tab}Tweede Pinksterdag
2014-12-25${tab}Eerste Kerstdag
2014-12-26${tab}Tweede Kerstdag" -c "$W" holidays 2014

# ---- other calendars of the contract -----------------------------------------

# gesplitst: 08:00-12:00, 13:00-17:00, Goede Vrijdag closed, 5 mei only in
# lustrum years (not 2027), and two closed days (one without a name).
ok "2027-01-01${tab}Nieuwjaarsdag
2027-03-26${tab}Goede Vrijdag
2027-03-29${tab}Tweede Paasdag
2027-04-27${tab}Koningsdag
2027-05-06${tab}Hemelvaartsdag
2027-05-17${tab}Tweede Pinksterdag
2027-07-01${tab}Bedrijfsuitje
2027-12-25${tab}Eerste Kerstdag
2027-12-26${tab}Tweede Kerstdag
2027-12-31${tab}gesloten" -c "$W" --calendar gesplitst holidays 2027
ok 7200 -c "$W" --calendar gesplitst between "2027-01-04 11:00" "2027-01-04 14:00"
ok 2027-01-04T14:00:00 -c "$W" --calendar gesplitst add "2027-01-04 11:00" 2h
ok 2027-01-04T12:00:00 -c "$W" --calendar gesplitst add "2027-01-04 11:00" 1h
ok 2027-01-04T13:00:00 -c "$W" --calendar gesplitst next "2027-01-04 12:30"
# Goede Vrijdag and Tweede Paasdag closed: only Tuesday's 8 h.
ok 28800 -c "$W" --calendar gesplitst between "2027-03-26 08:00" "2027-03-31 08:00"
# Its standard day is 8 h.
ok 2027-01-04T17:00:00 -c "$W" --calendar gesplitst add "2027-01-04 08:00" 1d

# avond: Mon-Fri 16:00-24:00. A deadline across midnight: Mon 23:00 + 2 h =
# 1 h Monday, 1 h from Tuesday 16:00.
ok 2027-01-05T17:00:00 -c "$W" --calendar avond add "2027-01-04 23:00" 2h
ok 2027-01-05T00:00:00 -c "$W" --calendar avond add "2027-01-04 23:00" 1h
ok 2027-01-11T17:00:00 -c "$W" --calendar avond add "2027-01-08 23:00" 2h

# sluiting: closed days only from ../ics/closed-2027.ics (path relative to
# the contract): all-day events, DTEND, DURATION, a folded and an escaped
# SUMMARY, yearly events with COUNT, UNTIL and no end.
ok "2027-03-18${tab}Jubileum
2027-06-01${tab}Dag van de dienstverlening
2027-07-01${tab}Bedrijfsuitje
2027-08-02${tab}Verhuizing
2027-08-03${tab}Verhuizing
2027-09-10${tab}Studiedag van de afdeling
2027-10-15${tab}Sluiting, kantoor Utrecht
2027-11-11${tab}Sint Maarten
2027-12-27${tab}Kerstsluiting
2027-12-28${tab}Kerstsluiting
2027-12-29${tab}Kerstsluiting" -c "$W" --calendar sluiting holidays 2027
# Fri 24 Dec 16:00 - Thu 30 Dec 10:00: 1 h, Kerstsluiting 27-29 Dec, 2 h.
ok 10800 -c "$W" --calendar sluiting between "2027-12-24 16:00" "2027-12-30 10:00"

# altijd: 24x7. 28 March 2027 has 23 hours, 31 October 25.
ok 82800 -c "$W" --calendar altijd between "2027-03-28 00:00" "2027-03-29 00:00"
ok 90000 -c "$W" --calendar altijd between "2027-10-31 00:00" "2027-11-01 00:00"
ok 86400 -c "$W" --calendar altijd between "2027-03-27 00:00" "2027-03-28 00:00"
# 1d on 24x7 is 24 h of real time: midnight + 24 h on the short day is 01:00.
ok 2027-03-29T01:00:00 -c "$W" --calendar altijd add "2027-03-28 00:00" 1d
# 01:30 CEST (23:30Z) + 2 h = 01:30Z = 02:30 CET, after the fold.
ok 2027-10-31T02:30:00 -c "$W" --calendar altijd add "2027-10-31 01:30" 2h
# Holidays do not close a 24x7 calendar: none are listed.
ok "" -c "$W" --calendar altijd holidays 2027

# ---- a zone whose DST changes fell at midnight ---------------------------------

# America/Sao_Paulo: 4 Nov 2018 began at 01:00 -02 (23 h); 16 Feb 2019 ended
# at 00:00 -03 on the 17th (25 h).
ok 82800 -c "$SP" between "2018-11-04 00:00" "2018-11-05 00:00"
ok 90000 -c "$SP" between "2019-02-16 00:00" "2019-02-17 00:00"
ok 86400 -c "$SP" between "2027-01-04 00:00" "2027-01-05 00:00"
# 23:30 -03 (02:30Z) + 1 h = 03:30Z = 01:30 -02 on 4 November.
ok 2018-11-04T01:30:00 -c "$SP" add "2018-11-03 23:30" 1h
# Midnight that did not exist moves forward to 01:00.
ok 2018-11-04T01:00:00 -c "$SP" next "2018-11-04 00:00"
# kantoor: 9-to-5 without holidays. Fri 2 Nov 16:00 + 2 h -> Mon 5 Nov 10:00.
ok 2018-11-05T10:00:00 -c "$SP" --calendar kantoor add "2018-11-02 16:00" 2h
ok "" -c "$SP" --calendar kantoor holidays 2027

# ---- errors -------------------------------------------------------------------

# Bad data: exit 1, the reason on stderr naming the argument.
err 1 "31-02-2027" -c "$W" between "31-02-2027 10:00" "2027-03-01 10:00"
err 1 "START" -c "$W" between "31-02-2027 10:00" "2027-03-01 10:00"
err 1 "END" -c "$W" between "2027-03-01 10:00" "gisteren"
err 1 "2027-02-29" -c "$W" add "2027-02-29 10:00" 1h
err 1 "DURATION" -c "$W" add "2027-03-01 10:00" 4x
err 1 "" -c "$W" next "2027-13-01 10:00"
err 1 "" -c "$W" between "1899-12-31 00:00" "2000-01-01 00:00"
err 1 "nosuch" -c "$W" --calendar nosuch holidays 2027
# A wrong contract is refused with file:line and the key.
err 1 "bad-key.ini:9: 'openingstijden'" -c "$data/bad-key.ini" holidays 2027
# An .ics with a weekly event: refused, naming the .ics file and its line.
err 1 "unsupported-rrule.ics:7" -c "$data/bad-ics.ini" holidays 2027
# A contract that is not there.
tests=$((tests + 1))
"$bin" -c "$data/no-such-contract.ini" holidays 2027 >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -eq 0 ] || [ $status -eq 2 ] || [ -s "$tmp/out" ] ||
   ! grep -qF "no-such-contract.ini" "$tmp/err"; then
	fail "missing contract: exit $status; stderr: $(cat "$tmp/err")"
fi

# Usage errors: exit 2.
err 2 "" between "2027-01-01 00:00" "2027-01-02 00:00"
err 2 "" -c "$W"
err 2 "frobnicate" -c "$W" frobnicate 2027
err 2 "" -c "$W" between "2027-01-01 00:00"
err 2 "" -c "$W" between "2027-01-01 00:00" "2027-01-02 00:00" "2027-01-03 00:00"
err 2 "" -c "$W" add "2027-01-01 00:00"
err 2 "" -c "$W" next
err 2 "" -c "$W" holidays
err 2 "" -c "$W" holidays 1800
err 2 "" -c "$W" holidays twintig
err 2 "" --bogus -c "$W" holidays 2027
err 2 "" -c
err 2 "" --calendar

# ---- --help and --version ---------------------------------------------------------

synopsis="usage: sla-calendar -c CONTRACT [--calendar NAME] between START END
       sla-calendar -c CONTRACT [--calendar NAME] add START DURATION
       sla-calendar -c CONTRACT [--calendar NAME] next START
       sla-calendar -c CONTRACT [--calendar NAME] holidays YEAR"
for opt in --help -h; do
	tests=$((tests + 1))
	"$bin" $opt >"$tmp/out" 2>"$tmp/err"
	status=$?
	printf '%s\n' "$synopsis" >"$tmp/want"
	head -n 4 "$tmp/out" >"$tmp/head"
	if [ $status -ne 0 ] || [ -s "$tmp/err" ] || ! cmp -s "$tmp/want" "$tmp/head"; then
		fail "sla-calendar $opt: exit $status; stdout:"
		sed 's/^/    /' "$tmp/out"
	fi
	for word in between add next holidays --calendar --contract --version; do
		grep -qF -- "$word" "$tmp/out" || fail "sla-calendar $opt: help lacks '$word'"
	done
done
# --help wins over a missing contract and a command.
ok "$(cat "$tmp/out")" --help between x y

tests=$((tests + 1))
"$bin" --version >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -ne 0 ] || [ -s "$tmp/err" ] ||
   ! grep -qE '^sla-calendar \(slakit\) [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" ||
   [ "$(wc -l <"$tmp/out")" -ne 1 ]; then
	fail "sla-calendar --version: exit $status; stdout: $(cat "$tmp/out")"
fi

# ---- the sample contracts -------------------------------------------------------

samples=$src/samples/contracts

# The default calendar of each sample is Mon-Fri 08:00-17:00 with the nl
# holidays (no Goede Vrijdag, 5 mei every year) and a standard day of 9 h:
# dhs.ini [calendar.werkdag] (dhs-sla-guideline.txt §4.1 "werkdagen 08.00 -
# 17.00 uur"), cloudwise.ini [calendar.werkdag] (cloudwise-sla-summary.txt §3
# "ma-vr 08:00-17:00"), halt.ini [calendar.kantoor] (seed silent: office hours).
for name in dhs cloudwise halt; do
	D=$samples/$name.ini
	if [ ! -f "$D" ]; then
		fail "$D is missing"
		continue
	fi
	ok "2027-01-01${tab}Nieuwjaarsdag
2027-03-29${tab}Tweede Paasdag
2027-04-27${tab}Koningsdag
2027-05-05${tab}Bevrijdingsdag
2027-05-06${tab}Hemelvaartsdag
2027-05-17${tab}Tweede Pinksterdag
2027-12-25${tab}Eerste Kerstdag
2027-12-26${tab}Tweede Kerstdag" -c "$D" holidays 2027
	ok 8262000 -c "$D" between "2027-01-01 00:00" "2028-01-01 00:00"
	ok 10800 -c "$D" between "2027-01-08 16:00" "2027-01-11 10:00"
	# A 2 h resolution reported Fri 16:00 is due Mon 09:00.
	ok 2027-01-11T09:00:00 -c "$D" add "2027-01-08 16:00" 2h
	ok 2027-01-11T16:00:00 -c "$D" add "2027-01-08 16:00" 1d
	ok 2027-01-11T08:00:00 -c "$D" next "2027-01-09 12:00"
done

# cloudwise.ini [calendar.consignatie]: Mon-Fri 17:00-22:00 (cloudwise-dap.txt
# §5.6.2). Mon 21:30 + 1 h = 30 min Monday, 30 min from Tuesday 17:00;
# Fri 21:00 + 2 h -> Mon 18:00.
if [ -f "$samples/cloudwise.ini" ]; then
	D=$samples/cloudwise.ini
	ok 2027-01-05T17:30:00 -c "$D" --calendar consignatie add "2027-01-04 21:30" 1h
	ok 2027-01-11T18:00:00 -c "$D" --calendar consignatie add "2027-01-08 21:00" 2h
	# [calendar.servicevenster]: Mon-Fri 07:00-19:00 (cloudwise-sla-summary.txt §5).
	ok 43200 -c "$D" --calendar servicevenster between "2027-01-04 00:00" "2027-01-05 00:00"
fi

# halt.ini [calendar.altijd]: 24x7 (§2.1.4): the 23-hour day of 28 March 2027.
if [ -f "$samples/halt.ini" ]; then
	ok 82800 -c "$samples/halt.ini" --calendar altijd between "2027-03-28 00:00" "2027-03-29 00:00"
fi

# Every sample contract loads, and every one of its calendars answers with
# well-formed output.
for f in "$samples"/*.ini; do
	[ -f "$f" ] || continue
	tests=$((tests + 1))
	if ! "$bin" -c "$f" holidays 2027 >"$tmp/out" 2>"$tmp/err"; then
		fail "$f: holidays 2027: $(cat "$tmp/err")"
		continue
	fi
	if grep -qvE "^2027-[0-9]{2}-[0-9]{2}${tab}[^${tab}]+\$" "$tmp/out"; then
		fail "$f: holidays 2027: malformed line(s):"
		sed 's/^/    /' "$tmp/out"
	fi
	if ! sort -c "$tmp/out" 2>/dev/null; then
		fail "$f: holidays 2027 are not sorted"
	fi
	for cmd in "between|2027-01-04 00:00|2027-02-01 00:00|^[0-9]+\$" \
		   "add|2027-01-08 16:00|4h|^2027-01-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\$" \
		   "next|2027-01-09 12:00||^2027-01-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\$"; do
		c=$(echo "$cmd" | cut -d'|' -f1)
		a1=$(echo "$cmd" | cut -d'|' -f2)
		a2=$(echo "$cmd" | cut -d'|' -f3)
		re=$(echo "$cmd" | cut -d'|' -f4)
		tests=$((tests + 1))
		if [ -n "$a2" ]; then
			"$bin" -c "$f" "$c" "$a1" "$a2" >"$tmp/out" 2>"$tmp/err"
		else
			"$bin" -c "$f" "$c" "$a1" >"$tmp/out" 2>"$tmp/err"
		fi
		status=$?
		if [ $status -ne 0 ] || ! grep -qE "$re" "$tmp/out" || [ "$(wc -l <"$tmp/out")" -ne 1 ]; then
			fail "$f: $c: exit $status; stdout: $(cat "$tmp/out"); stderr: $(cat "$tmp/err")"
		fi
	done
done

echo "calendar_cli: $tests checks, $failed failed"
[ $failed -eq 0 ]
