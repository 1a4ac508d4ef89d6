#!/bin/sh
# End-to-end: every sample export in samples/exports imports into a database
# per sample contract, with the profile its name says; a second run changes
# nothing. $1 = directory of the binaries, $2 = source tree.
set -u
I="$1/sla-import"
S="$2/samples"
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

cd "$S/exports" || exit 1
for round in 1 2; do
	for c in dhs cloudwise halt; do
		"$I" -d "$T/$c.db" -c "$S/contracts/$c.ini" $c-tickets.csv $c-events.csv $c-pauses.csv
		check "$c generic exports, round $round" 0 $?
	done
	"$I" -d "$T/dhs.db" -c "$S/contracts/dhs.ini" --profile topdesk dhs-topdesk-tickets.csv &&
		"$I" -d "$T/dhs.db" -c "$S/contracts/dhs.ini" dhs-calls.csv dhs-outages.csv dhs-kpi.csv \
			dhs-deviations.csv
	check "dhs topdesk, calls, outages, kpi, deviations, round $round" 0 $?
	"$I" -d "$T/cloudwise.db" -c "$S/contracts/cloudwise.ini" --profile servicenow cloudwise-servicenow-incidents.csv &&
		"$I" -d "$T/cloudwise.db" -c "$S/contracts/cloudwise.ini" --profile jira cloudwise-jira-issues.csv
	check "cloudwise servicenow and jira, round $round" 0 $?
	"$I" -d "$T/halt.db" -c "$S/contracts/halt.ini" --profile zendesk halt-zendesk-tickets.csv &&
		"$I" -d "$T/halt.db" -c "$S/contracts/halt.ini" halt-outages.csv halt-kpi.csv \
			halt-deviations.csv &&
		"$I" -d "$T/halt.db" -c "$S/contracts/halt.ini" --kind updates halt-updates.csv
	check "halt zendesk, outages, kpi, deviations, updates, round $round" 0 $?
done

check "dhs tickets" 203 "$(sqlite3 "$T/dhs.db" 'SELECT count(*) FROM tickets')"
# The same files again leave no trace, not even imports rows.
check "dhs second round changed nothing" "8 0" "$(sqlite3 "$T/dhs.db" "SELECT count(*), (SELECT count(*) FROM ticket_history) FROM imports" | tr '|' ' ')"
check "dhs DST: a gap in March, folds in October" "1 2" "$(sqlite3 "$T/dhs.db" "SELECT dst_gaps, dst_folds FROM imports WHERE id = 1" | tr '|' ' ')"
check "dhs calls in Q1 2027" 1812 "$(sqlite3 "$T/dhs.db" "SELECT count(*) FROM calls WHERE started_at >= strftime('%s', '2027-01-01') AND started_at < strftime('%s', '2027-04-01')")"
check "dhs pauses from events" 1 "$(sqlite3 "$T/dhs.db" "SELECT count(*) > 10 FROM ticket_events WHERE pause = 1")"
# 193: CW-0143, the complaint that climbs the escalation ladder (cloudwise-dap §11.4).
check "cloudwise tickets" 193 "$(sqlite3 "$T/cloudwise.db" 'SELECT count(*) FROM tickets')"
check "halt tickets and outages" "167 7" "$(sqlite3 "$T/halt.db" "SELECT (SELECT count(*) FROM tickets), (SELECT count(*) FROM outages)" | tr '|' ' ')"
# Deviations: one row per action (or explanation); the Dutch headers of Halt's file.
check "deviations rows: dhs, halt" "6 2" "$(sqlite3 "$T/dhs.db" 'SELECT count(*) FROM deviations') $(sqlite3 "$T/halt.db" 'SELECT count(*) FROM deviations')"
check "halt planned maintenance" 3 "$(sqlite3 "$T/halt.db" 'SELECT sum(planned) FROM outages')"
check "halt updates: 17 seen by the customer, 1 internal" "17 1" "$(sqlite3 "$T/halt.db" "SELECT sum(visible), sum(1 - visible) FROM updates" | tr "|" " ")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
