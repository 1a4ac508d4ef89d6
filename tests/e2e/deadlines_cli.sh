#!/bin/sh
# End-to-end test of device swaps and end-of-day deadlines (Halt §10.1.5) on
# the Halt sample: sla-import reads the swap columns, sla-score counts the
# tickets:swap KPI per priority, sla-compute --explain derives a swap, a bad
# swap time is refused with file, line and column, and a database of schema
# version 4 (without the swap columns) is still read; sla-report lists the
# late swap in its onsite and swaps section.
#
# usage: deadlines_cli.sh BINDIR SRCDIR
#
# Hand-derived (samples/contracts/halt.ini, kantoor Mon-Fri 08:00-17:00, nl):
#  HALT-0020 P1, asked Wed 20 Jan 08:40: swap = eod (Wed 17:00), device Thu
#      21 Jan 11:00: late; swap_emergency = 4h (Wed 12:40), loaner Wed 10:30
#      (1:50): in time, so the swap is met, counted Wed 20 Jan 10:30.
#  HALT-0025 P2, no request time: from registration Sat 23 Jan 08:47, the clock
#      starts Mon 25 Jan 08:00; eod+1 is Tue 26 Jan 17:00; device Sat 23 Jan
#      13:20: 0 business seconds, met.
#  HALT-0006 P3, asked Mon 11 Jan 09:00: swap = 2d = 18 h: Mon 8 h + Tue 9 h +
#      Wed 1 h -> Wed 13 Jan 09:00; device Thu 14 Jan 10:00: late (10 h over),
#      counted where the target ran out, January.
#  January: 2 of 3 swaps in time; P1 1 of 1, P2 1 of 1, P3 0 of 1.
set -u
LC_ALL=C
export LC_ALL
bin=$1
src=$2
contract=$src/samples/contracts/halt.ini
tickets=$src/samples/exports/halt-tickets.csv
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/h.db
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }
has() { case $2 in *"$3"*) ;; *) fail "$1: '$3' not in: $2" ;; esac; }

"$bin/sla-import" -d "$db" -c "$contract" "$tickets" >/dev/null || fail "import halt tickets"

out=$("$bin/sla-score" -d "$db" -c "$contract" -p 2027-01 --domain incidents --format json 2>&1)
has "swap KPI" "$out" '"detail":"2 of 3 device swaps within target"'
has "swap parts" "$out" '"priorities":[{"priority":"P1","tickets":1,"within":1,"norm":98,"pct_of_norm":100.0},{"priority":"P2","tickets":1,"within":1,"norm":95,"pct_of_norm":100.0},{"priority":"P3","tickets":1,"within":0,"norm":90,"pct_of_norm":0.0}]'
has "swap % of norm" "$out" '"id":"swap","name":"Apparaatvervanging binnen norm","measured":66.666667,"norm":100'
has "onsite parts" "$out" '"detail":"2 of 2 onsite visits within target"' 

out=$("$bin/sla-compute" -d "$db" -c "$contract" --explain HALT-0020 2>&1)
has "explain targets" "$out" "device swap targets (priority P1): swap eod, emergency workplace 4h"
has "explain swap deadline" "$out" "deadline    2027-01-20 17:00:00+01:00"
has "explain loaner deadline" "$out" "deadline    2027-01-20 12:40:00+01:00"
has "explain verdict" "$out" "swap verdict  met"
out=$("$bin/sla-compute" -d "$db" -c "$contract" --explain HALT-0025 2>&1)
has "explain from registration" "$out" "reported: the export has no swap request time"
has "explain eod+1" "$out" "deadline    2027-01-26 17:00:00+01:00"
out=$("$bin/sla-compute" -d "$db" -c "$contract" --explain HALT-0006 2>&1)
has "explain 2d" "$out" "deadline    2027-01-13 09:00:00+01:00"
has "explain late" "$out" "swap verdict  breached"
has "explain placed" "$out" "counts in   2027-01 (the month the last target ran out)"

# sla-compute's JSON: the swap's verdict with its two clocks (HALT-0006: 28 h of 18 h).
out=$("$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --format json --no-store 2>&1)
has "compute json swap" "$out" '"swap":{"state":"breached","counts_in_period":true,"from_registration":false,"device":{"state":"breached","seconds":100800,"target_seconds":64800,"paused_seconds":0,"deadline":"2027-01-13T09:00:00","met":false,"counts_in_period":true},"emergency":{"state":"n/a"}}'
has "compute json loaner" "$out" '"emergency":{"state":"met","seconds":6600,"target_seconds":14400'

# sla-compute's CSV: the onsite visit's and the swap's columns (the contract
# measures both), as the response's: seconds, target, met, deadline, period.
#  HALT-0010 P2 onsite = 8h, reported Wed 13 Jan 12:14, visit 17:24 (after
#      17:00): 12:14-17:00 = 4:46 = 17160 s of 28800, met; deadline 4:46 Wed +
#      3:14 Thu = Thu 14 Jan 11:14. No swap: empty swap fields.
#  HALT-0006: device 28 h = 100800 s of 18 h = 64800 (see above), not met,
#      deadline Wed 13 Jan 09:00, January; no onsite visit: empty.
#  HALT-0020: the device's clock 40800 s of 30000 (Wed 08:40-17:00 = 8:20 =
#      30000; + Thu 08:00-11:00 = 10800), yet met by the loaner.
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --format csv --no-store >"$tmp/c.csv" 2>&1 ||
	fail "compute csv"
head -1 "$tmp/c.csv" | grep -q ',calendar,onsite_seconds,onsite_target_seconds,onsite_met,onsite_deadline,onsite_period,swap_seconds,swap_target_seconds,swap_met,swap_deadline,swap_period$' ||
	fail "compute csv header: $(head -1 "$tmp/c.csv")"
has "csv onsite" "$(grep '^HALT-0010,' "$tmp/c.csv")" ',kantoor,17160,28800,1,2027-01-14T11:14:00,2027-01,,,,,'
has "csv swap late" "$(grep '^HALT-0006,' "$tmp/c.csv")" ',kantoor,,,,,,100800,64800,0,2027-01-13T09:00:00,2027-01'
has "csv swap by loaner" "$(grep '^HALT-0020,' "$tmp/c.csv")" ',kantoor,,,,,,40800,30000,1,2027-01-20T17:00:00,2027-01'

# The stored verdicts (ticket_results_v) carry the swap's too.
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 >/dev/null || fail "compute and store"
got=$(sqlite3 "$db" "SELECT ticket_id, swap_state, swap_counts, swap_seconds, swap_target_seconds,
	emergency_seconds FROM ticket_results_v WHERE period = '2027-01' AND swap_state <> 'n/a'
	ORDER BY ticket_id" | tr '\n' ' ')
[ "$got" = "HALT-0006|breached|1|100800|64800| HALT-0020|met|1|40800|30000|6600 HALT-0025|met|1|0|64800| " ] ||
	fail "stored swaps: $got"

# The report's section: per priority against its norm, the late swap listed.
"$bin/sla-report" -d "$db" -c "$contract" -p 2027-01 --format csv -o "$tmp/r.csv" \
	--allow-missing skip || fail "report csv"
out=$(cat "$tmp/r.csv")
has "report swap P3" "$out" "swap,P3,count,1
swap,P3,in_time,0
swap,P3,pct,0.0
swap,P3,norm,90"
has "report late swap" "$out" "swap_late,HALT-0006,deadline,2027-01-13 09:00
swap_late,HALT-0006,done,2027-01-14 10:00
swap_late,HALT-0006,late_seconds,36000"
has "report onsite P2" "$out" "onsite,P2,count,2
onsite,P2,in_time,2"
# In text, lower-case column heads and business h:mm as the other sections: HALT-0006 took
# 28 h of its 18 h (100800 - 64800 = 36000 s), late by 10:00 (was 10:00:00, heads "Aantal").
"$bin/sla-report" -d "$db" -c "$contract" -p 2027-01 -o "$tmp/r.txt" --allow-missing skip ||
	fail "report text"
"$bin/sla-report" -d "$db" -c "$contract" -p 2027-01 --lang en -o "$tmp/r.en.txt" \
	--allow-missing skip || fail "report text en"
out=$(cat "$tmp/r.txt")
has "text swap heads" "$out" "  prioriteit     aantal  op tijd         %    norm"
has "text late heads" "$out" "  melding             vanaf            uiterlijk        gereed           te laat met"
has "text late swap" "$out" "  HALT-0006      P3   2027-01-11 09:00 2027-01-13 09:00 2027-01-14 10:00 10:00
"
out=$(cat "$tmp/r.en.txt")
has "en swap heads" "$out" "  priority        count  in time         %    norm"
has "en late heads" "$out" "  ticket              from             deadline         done             late by"

# The swap columns by a map's [columns] and by the TOPdesk profile's Dutch names.
printf '[map]\nkind = tickets\n[columns]\nid = Nr\nreported_at = Gemeld\npriority = Prio\nswap_at = Nieuwe laptop geleverd\n' >"$tmp/s.map"
printf 'Nr,Gemeld,Prio,Nieuwe laptop geleverd\nX-1,2027-01-04 09:00,P2,2027-01-05 16:00\n' >"$tmp/s.csv"
"$bin/sla-import" -d "$tmp/s.db" -c "$contract" --map "$tmp/s.map" "$tmp/s.csv" >/dev/null || fail "import by map"
out=$("$bin/sla-compute" -d "$tmp/s.db" -c "$contract" --explain X-1 2>&1)
has "map swap_at" "$out" "swapped     2027-01-05 16:00:00+01:00"
has "map verdict" "$out" "swap verdict  met"
printf 'Incidentnummer,Aanmelddatum,Prioriteit,Vervanging aangevraagd,Vervangend apparaat geleverd,Noodwerkplek gereed\nX-2,04-01-2027 09:00,P1,04-01-2027 09:30,06-01-2027 16:00,04-01-2027 12:00\n' >"$tmp/t.csv"
"$bin/sla-import" -d "$tmp/s.db" -c "$contract" -P topdesk "$tmp/t.csv" >/dev/null || fail "import topdesk"
out=$("$bin/sla-compute" -d "$tmp/s.db" -c "$contract" --explain X-2 2>&1)
has "topdesk asked" "$out" "swap asked  2027-01-04 09:30:00+01:00"
has "topdesk loaner" "$out" "emergency   2027-01-04 12:00:00+01:00"

# A bad swap time: refused with file, line and column; nothing stored.
printf 'id,type,priority,reported_at,swap_at\nS-1,incident,P2,2027-01-04 09:00,2027-01-04 10:00\nS-2,incident,P2,2027-01-04 09:00,2027-01-03 10:00\n' >"$tmp/bad.csv"
if "$bin/sla-import" -d "$tmp/bad.db" -c "$contract" "$tmp/bad.csv" 2>"$tmp/err"; then
	fail "a swap before the report must be refused"
fi
has "bad swap message" "$(cat "$tmp/err")" "bad.csv:3: 'swap_at'"

# Schema version 4 (no swap columns), read as it is: the swaps are unknown.
cp "$db" "$tmp/v4.db"
sqlite3 "$tmp/v4.db" "ALTER TABLE tickets DROP COLUMN swap_requested_at;
ALTER TABLE tickets DROP COLUMN swap_at; ALTER TABLE tickets DROP COLUMN emergency_at;
PRAGMA user_version = 4;" || fail "make a version 4 database"
out=$("$bin/sla-score" -d "$tmp/v4.db" -c "$contract" -p 2027-01 --domain incidents --lang en 2>&1)
has "v4 read" "$out" "no device swaps decided in 2027-01"
has "v4 other KPIs" "$out" "2 of 2 onsite visits within target"
[ "$(sqlite3 "$tmp/v4.db" 'PRAGMA user_version')" = 4 ] || fail "reading must not upgrade"

if [ "$failed" -ne 0 ]; then
	printf '%d failed\n' "$failed"
	exit 1
fi
exit 0
