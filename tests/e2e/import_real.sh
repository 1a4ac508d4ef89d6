#!/bin/sh
# End-to-end: the cut-down real event logs (tests/data/real) import completely
# with the maps shipped in samples/maps, and what they give is consistent.
# $1 = directory of the binaries, $2 = source tree.
set -u
I="$1/sla-import"
S="$2"
C="$S/tests/data/import/contract.ini"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

check() { # name expected actual
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
	else
		printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"
		fail=$((fail + 1))
	fi
}
q() { sqlite3 "$T/r.db" "$1"; }

cd "$S/tests/data/real" || exit 1
"$I" -v -d "$T/r.db" -c "$C" --map "$S/samples/maps/bpi2013-volvo.map" bpi2013-volvo-subset.csv >"$T/out" 2>&1
check "bpi exits 0" 0 $?
check "bpi summary" "sla-import: bpi2013-volvo-subset.csv: eventlog (generic): 891 rows read, 891 inserted, 0 updated, 0 unchanged, 0 rejected; tickets: 46 new, 0 updated, 0 unchanged; DST: 0 gaps, 0 folds; import 1" "$(cat "$T/out")"
"$I" -v -d "$T/r.db" -c "$C" --map "$S/samples/maps/helpdesk-eventlog.map" helpdesk-eventlog-subset.csv >"$T/out" 2>&1
check "helpdesk exits 0" 0 $?
check "helpdesk summary (repeated rows are one event)" "sla-import: helpdesk-eventlog-subset.csv: eventlog (generic): 452 rows read, 437 inserted, 0 updated, 15 unchanged, 0 rejected; tickets: 90 new, 0 updated, 0 unchanged; DST: 0 gaps, 0 folds; import 2" "$(cat "$T/out")"

# The damaged names are kept as they are, valid UTF-8.
check "damaged encoding kept" 1 "$(q "SELECT count(*) > 0 FROM ticket_events WHERE extra LIKE '%Bjˆrn%'")"
# Impact words became priorities; the Major incident is a P1.
check "bpi priorities" "P1|1 P2|2 P3|38 P4|5" "$(q "SELECT group_concat(p, ' ') FROM (SELECT priority || '|' || count(*) AS p FROM tickets WHERE import_id = 1 GROUP BY priority)")"
# Consistent times: never negative, every event inside the ticket's life.
check "no negative durations" 0 "$(q 'SELECT count(*) FROM tickets WHERE responded_at < reported_at OR resolved_at < reported_at OR closed_at < resolved_at')"
check "events not before reporting" 0 "$(q 'SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.at < t.reported_at')"
check "wait states are pauses" 1 "$(q "SELECT count(*) > 0 AND min(status LIKE 'Wait%') FROM ticket_events WHERE pause = 1 AND import_id = 1")"
check "helpdesk Wait is a pause" 1 "$(q "SELECT count(*) > 0 AND min(status = 'Wait') FROM ticket_events WHERE pause = 1 AND import_id = 2")"
# Mixed offsets: +03:00 is read as written (08:52:27+02:00 is 06:52:27Z).
check "offsets honoured" "2010-01-29 06:52:27" "$(q "SELECT datetime(responded_at, 'unixepoch') FROM tickets WHERE id = 'Case3608'")"
# A second import of the same logs changes nothing.
"$I" -v -d "$T/r.db" -c "$C" --map "$S/samples/maps/helpdesk-eventlog.map" helpdesk-eventlog-subset.csv >"$T/out" 2>&1
check "helpdesk again" "sla-import: helpdesk-eventlog-subset.csv: eventlog (generic): 452 rows read, 0 inserted, 0 updated, 452 unchanged, 0 rejected; tickets: 0 new, 0 updated, 90 unchanged; DST: 0 gaps, 0 folds; the same file as import 2: nothing changed, nothing stored" "$(cat "$T/out")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
