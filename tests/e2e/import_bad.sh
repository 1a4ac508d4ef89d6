#!/bin/sh
# End-to-end: the corpus of bad files in tests/data/bad. Each NAME.expect
# names its input and says, exactly, what sla-import must answer:
#   # input: FILE            the file, in tests/data/bad
#   # args: ARGS             more options (optional)
#   # exit: N                the exit status
#   # stdout: LINE           standard output, line by line (optional)
#   # sql: QUERY => VALUE    what the database then holds (optional)
#   # compute: TEXT => HEAD  the sla-compute CSV line with TEXT starts with HEAD
#                            (its standard error included)
#   # rejects: LINE          the reject file (--rejects is added), line by line;
#                            '-' alone: there is none
#   other lines              standard error, exactly (the reject file's path
#                            shown as REJECTS)
# Every import runs on a copy of a database that already holds tickets; a
# refused file must leave it exactly as it was (same dump, integrity ok).
# Two cases are made here rather than kept in the tree: a 10 MB value, and a
# quote left open at the top of a large file.
# $1 = directory of the binaries, $2 = source tree. SK_E2E_WRAP, when set,
# runs every binary under it (e.g. valgrind; see scripts/test.sh).
set -u
W=${SK_E2E_WRAP:-}
I="$1/sla-import"
K="$1/sla-compute"
D="$2/tests/data/bad"
C="$2/tests/data/import/contract.ini"
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
state() { sqlite3 "$1" .dump | cksum; }

# The database every case starts from: four tickets, one import.
$W "$I" -d "$T/base.db" -c "$C" "$2/tests/data/import/tickets_ok.csv" || exit 1

# case NAME DIR EXPECT: run the case described by EXPECT on a file in DIR.
run_case() {
	name=$1 dir=$2 exp=$3
	input=$(sed -n 's/^# input: //p' "$exp")
	args=$(sed -n 's/^# args: //p' "$exp")
	want_exit=$(sed -n 's/^# exit: //p' "$exp")
	want_rejects=$(sed -n 's/^# rejects: //p' "$exp")
	rm -f "$T/db.db" "$T/db.db-wal" "$T/db.db-shm" "$T/rejects.csv"
	cp "$T/base.db" "$T/db.db"
	before=$(state "$T/db.db")
	[ -n "$want_rejects" ] && args="$args --rejects $T/rejects.csv"
	# shellcheck disable=SC2086
	(cd "$dir" && $W "$I" -d "$T/db.db" -c "$C" $args "$input" >"$T/out" 2>"$T/err")
	check "$name: exit status" "$want_exit" "$?"
	check "$name: message" "$(grep -v '^# ' "$exp")" "$(sed "s|$T/rejects.csv|REJECTS|g" "$T/err")"
	if [ "$want_rejects" = - ]; then
		check "$name: no reject file" absent "$([ -e "$T/rejects.csv" ] && echo present || echo absent)"
	elif [ -n "$want_rejects" ]; then
		check "$name: reject file" "$want_rejects" "$(cat "$T/rejects.csv" 2>&1)"
	fi
	check "$name: output" "$(sed -n 's/^# stdout: //p' "$exp")" "$(cat "$T/out")"
	if [ "$want_exit" != 0 ]; then
		check "$name: database unchanged" "$before" "$(state "$T/db.db")"
	fi
	check "$name: database sound" ok "$(sqlite3 "$T/db.db" 'PRAGMA integrity_check')"
	sed -n 's/^# sql: //p' "$exp" | while IFS= read -r line; do
		query=${line%% => *}
		echo "$query => $(sqlite3 "$T/db.db" "$query")" >>"$T/sql"
	done
	if [ -s "$T/sql" ]; then
		check "$name: database holds" "$(sed -n 's/^# sql: //p' "$exp")" "$(cat "$T/sql")"
		rm -f "$T/sql"
	fi
	sed -n 's/^# compute: //p' "$exp" | while IFS= read -r line; do
		text=${line%% => *}
		head=${line#* => }
		$W "$K" -d "$T/db.db" -c "$C" -p 2027-01 --format csv --no-store >"$T/csv" 2>&1
		got=$(grep -F -- "$text" "$T/csv" | head -1)
		case "$got" in
		"$head"*) echo "ok" >>"$T/compute" ;;
		*) echo "'$text': $got" >>"$T/compute" ;;
		esac
	done
	if [ -s "$T/compute" ]; then
		check "$name: sla-compute keeps text text" ok "$(sort -u "$T/compute")"
		rm -f "$T/compute"
	fi
}

for exp in "$D"/*.expect; do
	run_case "$(basename "$exp" .expect)" "$D" "$exp"
done

# A 10 MB value: refused at 1 MiB, memory bounded.
{
	echo "id,priority,reported_at,title"
	printf 'X1,P2,2027-01-05 09:00,'
	head -c 10485760 /dev/zero | tr '\0' 'x'
	echo
} >"$T/big_field.csv"
printf '%s\n' "# input: big_field.csv" "# exit: 1" \
	"sla-import: big_field.csv:2: 'title': value longer than 1048576 bytes" >"$T/big_field.expect"
run_case big_field "$T" "$T/big_field.expect"

# A quote opened on line 2 and never closed swallows the rest of the file:
# refused once the value passes 1 MiB, not when the file ends.
awk 'BEGIN { print "id,priority,reported_at,title"; print "Q1,P2,2027-01-05 09:00,\"Printer"
	for (i = 0; i < 200000; i++) printf "Q%d,P3,2027-01-05 10:00,Scherm\n", i }' >"$T/open_quote.csv"
printf '%s\n' "# input: open_quote.csv" "# exit: 1" \
	"sla-import: open_quote.csv:2: 'title': value longer than 1048576 bytes (a quote that is never closed?)" \
	>"$T/open_quote.expect"
run_case open_quote "$T" "$T/open_quote.expect"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
