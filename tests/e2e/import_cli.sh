#!/bin/sh
# End-to-end: the real sla-import on the files in tests/data/import: exit
# codes, messages, quiet success, the database after refusals, skip-bad,
# standard input, a locked database and a newer schema. Kills, read-only and
# full disks: import_faults.sh; the corpus of bad files: import_bad.sh.
# $1 = directory of the binaries, $2 = source tree.
set -u
I="$1/sla-import"
D="$2/tests/data/import"
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

cd "$D" || exit 1

"$I" --help >"$T/out" 2>&1
check "help exits 0" 0 $?
check "help starts with the synopsis" "usage: sla-import -d DB -c CONTRACT [--kind KIND] [--profile NAME] [--map FILE]" "$(head -1 "$T/out")"
"$I" -d "$T/a.db" tickets_ok.csv 2>"$T/err"
check "no contract exits 2" 2 $?
check "no contract message" "sla-import: missing -c/--contract" "$(head -1 "$T/err")"
"$I" -d "$T/a.db" -c "$C" --kind bogus tickets_ok.csv 2>"$T/err"
check "unknown kind exits 2" 2 $?
check "unknown kind message" "sla-import: unknown kind 'bogus'" "$(head -1 "$T/err")"

# Success is quiet, and the rows are there.
"$I" -d "$T/a.db" -c "$C" tickets_ok.csv >"$T/out" 2>&1
check "good file exits 0" 0 $?
check "good file is quiet" "" "$(cat "$T/out")"
check "tickets stored" 4 "$(q 'SELECT count(*) FROM tickets')"

# -v: one summary line, with the date order and the DST counts; a re-import
# changes nothing and leaves no trace, not even an imports row.
"$I" -v -d "$T/a.db" -c "$C" tickets_ok.csv >"$T/out" 2>&1
check "re-import exits 0" 0 $?
check "summary line" "sla-import: tickets_ok.csv: tickets (generic): 4 rows read, 0 inserted, 0 updated, 4 unchanged, 0 rejected; dates: day-month (line 3: 15-01-2027); DST: 1 gap, 1 fold; the same file as import 1: nothing changed, nothing stored" "$(cat "$T/out")"
check "re-import left history empty" 0 "$(q 'SELECT count(*) FROM ticket_history')"
check "re-import added no imports row" 1 "$(q 'SELECT count(*) FROM imports')"

# A bad row refuses the file: message with file, line, field; database unchanged.
before=$(q 'SELECT count(*) FROM imports; SELECT count(*) FROM tickets; SELECT total_changes()')
"$I" -d "$T/a.db" -c "$C" bad_date.csv >"$T/out" 2>"$T/err"
check "bad date exits 1" 1 $?
check "bad date message" "sla-import: bad_date.csv:3: 'reported_at': cannot read '31-02-2027' as a date" "$(head -1 "$T/err")"
check "bad date final line" "sla-import: bad_date.csv: 1 bad row of 3: nothing imported (--skip-bad imports the good rows)" "$(tail -1 "$T/err")"
check "database unchanged after refusal" "$before" "$(q 'SELECT count(*) FROM imports; SELECT count(*) FROM tickets; SELECT total_changes()')"
check "no B tickets" 0 "$(q "SELECT count(*) FROM tickets WHERE id LIKE 'B%'")"

# --skip-bad: the good rows go in, the bad one to the reject file.
"$I" -d "$T/a.db" -c "$C" --skip-bad --rejects "$T/rej.csv" bad_date.csv 2>"$T/err"
check "skip-bad exits 0" 0 $?
check "skip-bad says where" "sla-import: bad_date.csv: 1 bad row skipped, written to $T/rej.csv" "$(cat "$T/err")"
check "reject file" "line,reason,id,priority,reported_at
3,'reported_at': cannot read '31-02-2027' as a date,B2,P2,31-02-2027" "$(cat "$T/rej.csv")"
check "good rows of a skipped file" "B1 B3" "$(q "SELECT group_concat(id, ' ') FROM tickets WHERE id LIKE 'B%'")"
check "imports records the rejects" 1 "$(q "SELECT rows_rejected FROM imports WHERE file = 'bad_date.csv'")"

# Standard input, and an update with the old version kept.
"$I" -v -d "$T/a.db" -c "$C" - <tickets_v2.csv >"$T/out" 2>&1
check "stdin summary" "sla-import: -: tickets (generic): 2 rows read, 0 inserted, 1 updated, 1 unchanged, 0 rejected; dates: day-month (line 3: 15-01-2027); DST: 0 gaps, 0 folds; import 3" "$(cat "$T/out")"
check "history kept" "INC-002|resolved_at,status|In behandeling" "$(q 'SELECT id, changed, status FROM ticket_history')"

# Encodings and delimiters.
"$I" -d "$T/a.db" -c "$C" cp1252.csv 2>"$T/err"
check "windows-1252 refused as utf-8" 1 $?
check "encoding message" "sla-import: cp1252.csv:2: invalid UTF-8 byte 0xe9 at byte offset 59 (a Windows-1252 export? see --encoding)" "$(cat "$T/err")"
"$I" -d "$T/a.db" -c "$C" --encoding windows-1252 cp1252.csv
check "windows-1252 converted" "Café" "$(q "SELECT category FROM tickets WHERE id = 'A1'")"
"$I" -d "$T/a.db" -c "$C" --delimiter ';' --profile topdesk topdesk.csv
check "topdesk with ;" 2 "$(q "SELECT count(*) FROM tickets WHERE id LIKE 'M2701-%'")"

# Another writer holds the database: wait, then fail cleanly with exit 4.
# The holder keeps its lock until the import is over (however slow it starts,
# under valgrind too), at most a minute.
(printf 'BEGIN IMMEDIATE;\nDELETE FROM calls;\n.shell touch "%s/held"; i=0; while [ ! -e "%s/done" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done\nROLLBACK;\n' "$T" "$T" |
	sqlite3 "$T/a.db") &
holder=$!
i=0
while [ ! -e "$T/held" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
"$I" --wait 1 -d "$T/a.db" -c "$C" calls.csv 2>"$T/err"
locked=$?
touch "$T/done"
check "locked exits 4" 4 $locked
check "locked message" "sla-import: $T/a.db: database is locked by another process (waited 1 s); try again later" "$(cat "$T/err")"
wait "$holder"
"$I" -d "$T/a.db" -c "$C" calls.csv
check "after the lock: imported" 3 "$(q 'SELECT count(*) FROM calls')"

# A database from a newer slakit is refused, untouched.
sqlite3 "$T/new.db" 'CREATE TABLE x(a); PRAGMA user_version = 7'
"$I" -d "$T/new.db" -c "$C" calls.csv 2>"$T/err"
check "newer schema exits 4" 4 $?
check "newer schema message" "sla-import: $T/new.db: database schema version 7 is newer than this slakit understands (5): use a newer slakit" "$(cat "$T/err")"
check "newer schema untouched" "x" "$(sqlite3 "$T/new.db" "SELECT group_concat(name) FROM sqlite_master")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
