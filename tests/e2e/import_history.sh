#!/bin/sh
# End-to-end (issue 14): how dates are read (one day-month order per file,
# said on the -v line; refused when it cannot be told), date errors once per
# column, --date-format checked, an older export never rolls tickets back,
# the same file again leaves no trace, a negative KPI measurement is refused
# and one contract per database. $1 = directory of the binaries, $2 = source tree.
set -u
I="$1/sla-import"
D="$2/tests/data/import"
S="$2/samples"
C="$D/contract.ini"
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
q() { sqlite3 "$T/a.db" "$1"; }

# Month first (US): 03-12-2027 is 12 March, the order said on the -v line.
printf 'id,priority,reported_at\nU1,P3,03-12-2027 10:00\nU2,P3,03-14-2027 09:00\n' >"$T/us.csv"
"$I" -v -d "$T/a.db" -c "$C" "$T/us.csv" >"$T/out" 2>&1
check "month first exits 0" 0 $?
check "month first read as such" "2027-03-12 09:00:00" "$(q "SELECT datetime(reported_at, 'unixepoch') FROM tickets WHERE id = 'U1'")"
check "the -v line says the order" "; dates: month-day (line 3: 03-14-2027); " "$(grep -o '; dates: [^;]*; ' "$T/out")"

# Every date ambiguous, nothing says the order: refused, naming --date-format.
printf 'id,priority,reported_at\nA1,P3,03-12-2027 10:00\n' >"$T/amb.csv"
"$I" -d "$T/a.db" -c "$C" "$T/amb.csv" 2>"$T/err"
check "ambiguous exits 1" 1 $?
check "ambiguous names --date-format" 1 "$(grep -c -- '--date-format' "$T/err")"
check "ambiguous: nothing stored" 0 "$(q "SELECT count(*) FROM tickets WHERE id = 'A1'")"
"$I" -d "$T/a.db" -c "$C" --date-format '%m-%d-%Y %H:%M' "$T/amb.csv"
check "with --date-format" "2027-03-12 09:00:00" "$(q "SELECT datetime(reported_at, 'unixepoch') FROM tickets WHERE id = 'A1'")"
"$I" -d "$T/a.db" -c "$C" --date-format '%Q' "$T/amb.csv" 2>"$T/err"
check "--date-format %Q exits 2" 2 $?
check "--date-format %Q message" "sla-import: --date-format: date format '%Q': unknown conversion '%Q' (known: %Y %y %m %b %d %H %M %S %p %z %%)" "$(head -1 "$T/err")"

# 97 bad dates in one column: one line with the count, then the summary.
{
	echo 'id,priority,reported_at'
	i=1
	while [ $i -le 97 ]; do echo "X$i,P3,2027-13-01 10:00"; i=$((i + 1)); done
} >"$T/bad.csv"
"$I" -d "$T/a.db" -c "$C" "$T/bad.csv" 2>"$T/err"
check "bad dates exit 1" 1 $?
check "bad dates: two lines" 2 "$(wc -l <"$T/err" | tr -d ' ')"
check "bad dates: once per column" "sla-import: $T/bad.csv:2: 'reported_at': cannot read '2027-13-01 10:00' as a date; 97 rows of this column have dates that cannot be read, the first on line 2, the last on line 98" "$(head -1 "$T/err")"

# v1, v2, v1 again: R1 stays P2 and resolved; the third round adds nothing.
printf 'id,priority,reported_at,resolved_at,status\nR1,P3,2027-03-02 09:00,,Open\nR2,P4,2027-03-13 09:00,,Open\n' >"$T/v1.csv"
printf 'id,priority,reported_at,resolved_at,status\nR1,P2,2027-03-02 09:00,2027-03-20 10:00,Opgelost\nR2,P4,2027-03-13 09:00,,Open\n' >"$T/v2.csv"
"$I" -d "$T/b.db" -c "$C" "$T/v1.csv" && "$I" -d "$T/b.db" -c "$C" "$T/v2.csv"
before=$(sqlite3 "$T/b.db" 'SELECT count(*) FROM imports; SELECT count(*) FROM ticket_history; SELECT total_changes()')
"$I" -v -d "$T/b.db" -c "$C" "$T/v1.csv" >"$T/out" 2>&1
check "older export exits 0" 0 $?
check "older export line" "sla-import: $T/v1.csv: tickets (generic): 2 rows read, 0 inserted, 0 updated, 1 unchanged, 0 rejected, 1 kept as stored (older than it); DST: 0 gaps, 0 folds; the same file as import 1: nothing changed, nothing stored" "$(cat "$T/out")"
check "R1 not rolled back" "P2|Opgelost" "$(sqlite3 "$T/b.db" "SELECT priority, status FROM tickets WHERE id = 'R1'")"
check "older export: database unchanged" "$before" "$(sqlite3 "$T/b.db" 'SELECT count(*) FROM imports; SELECT count(*) FROM ticket_history; SELECT total_changes()')"
# An older row in another file (other bytes, on standard input) is kept too.
sed 's/^R1,P3/R1,P4/' "$T/v1.csv" >"$T/v1b.csv"
"$I" -v -d "$T/b.db" -c "$C" - <"$T/v1b.csv" >"$T/out" 2>&1
check "older row from stdin" "1 unchanged, 0 rejected, 1 kept" "$(grep -o '1 unchanged, 0 rejected, [0-9] kept' "$T/out")"
check "R1 still P2" "P2" "$(sqlite3 "$T/b.db" "SELECT priority FROM tickets WHERE id = 'R1'")"
check "imports record contract and horizon" "importtest|2027-03-20 09:00:00" "$(sqlite3 "$T/b.db" "SELECT contract_id, datetime(horizon, 'unixepoch') FROM imports WHERE id = 2")"

# v1, then v2 with the same latest time (a tie goes to the later import),
# then v1 again: the same file read the same way stores nothing, so v2's
# correction stays (the tie would otherwise hand R1 back to v1).
printf 'id,priority,reported_at\nR1,P3,2027-03-02 09:00\n' >"$T/t1.csv"
printf 'id,priority,reported_at\nR1,P2,2027-03-02 09:00\n' >"$T/t2.csv"
"$I" -d "$T/t.db" -c "$C" "$T/t1.csv" && "$I" -d "$T/t.db" -c "$C" "$T/t2.csv"
"$I" -v -d "$T/t.db" -c "$C" "$T/t1.csv" >"$T/out" 2>&1
check "tie, old file again: exits 0" 0 $?
check "tie, old file again: R1 keeps v2's priority" "P2" "$(sqlite3 "$T/t.db" "SELECT priority FROM tickets WHERE id = 'R1'")"
check "tie, old file again: no import row" 2 "$(sqlite3 "$T/t.db" "SELECT count(*) FROM imports")"
check "tie, old file again: said" 1 "$(grep -c 'the same file as import 1: nothing changed, nothing stored' "$T/out")"

# A negative KPI measurement is refused as sla-score --kpi refuses it.
printf 'period,kpi,value\n2027-01,satisfaction.endusers,-5\n' >"$T/kpi.csv"
"$I" -d "$T/h.db" -c "$S/contracts/halt.ini" "$T/kpi.csv" 2>"$T/err"
check "negative KPI exits 1" 1 $?
check "negative KPI message" "sla-import: $T/kpi.csv:2: 'value': cannot use '-5': a measured value cannot be negative" "$(head -1 "$T/err")"

# One contract per database: De Haagse Scholen's tickets stay out of Halt's.
"$I" -d "$T/h.db" -c "$S/contracts/halt.ini" "$S/exports/halt-tickets.csv" || exit 1
before=$(sqlite3 "$T/h.db" 'SELECT count(*) FROM tickets; SELECT count(*) FROM imports; SELECT total_changes()')
"$I" -d "$T/h.db" -c "$S/contracts/dhs.ini" "$S/exports/dhs-tickets.csv" 2>"$T/err"
check "other contract exits 2" 2 $?
check "other contract message" "sla-import: $T/h.db: this database belongs to contract 'halt', not 'dhs': one database per contract" "$(cat "$T/err")"
check "other contract: database unchanged" "$before" "$(sqlite3 "$T/h.db" 'SELECT count(*) FROM tickets; SELECT count(*) FROM imports; SELECT total_changes()')"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
