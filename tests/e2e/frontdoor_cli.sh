#!/bin/sh
# End-to-end test of what the five tools share at their front door: -d/--db
# and --database in every tool, -p always the period (sla-import's profile is
# -P), a missing option named, a database that does not exist is "no such
# database" (exit 3); compute, score and report refuse another contract's
# database; a period without any ticket is exit 3 unless --allow-empty;
# sla-compute stores nothing when its output cannot be written; stale report
# temporary files are removed, and a report killed by SIGTERM leaves none;
# --help and --version fail when they cannot write; a period past 2199 is
# refused up front, naming it.
#
# usage: frontdoor_cli.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
contracts=$src/samples/contracts
exports=$src/samples/exports
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }
# expect CODE WHAT COMMAND...: stdout in $tmp/out, stderr in $tmp/err
expect() {
	want=$1
	what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
}
dhs=$contracts/dhs.ini
halt=$contracts/halt.ini
db=$tmp/dhs.db

# --- the database option has both names; sla-import's profile is -P -------------
expect 0 "import --db" "$bin/sla-import" --db "$db" -c "$dhs" "$exports/dhs-tickets.csv"
expect 0 "import --database -P" "$bin/sla-import" --database "$db" -c "$dhs" -P topdesk \
	"$exports/dhs-topdesk-tickets.csv"
expect 2 "import -p" "$bin/sla-import" -d "$db" -c "$dhs" -p topdesk "$exports/dhs-topdesk-tickets.csv"
grep -q "'-p': -p is the period" "$tmp/err" || fail "import -p: $(cat "$tmp/err")"
expect 0 "sla-compute --database" "$bin/sla-compute" --database "$db" -c "$dhs" -p 2027-01 --no-store
expect 0 "sla-score --db" "$bin/sla-score" --db "$db" -c "$dhs" -p 2027-01 --allow-missing skip
expect 0 "report --database" "$bin/sla-report" --database "$db" -c "$dhs" -p 2027-01 -o -
for t in sla-import sla-compute sla-score sla-report; do
	"$bin/$t" --help >"$tmp/out" || fail "$t --help"
	grep -q -- '-d, --db, --database DB' "$tmp/out" || fail "$t --help: no '-d, --db, --database DB'"
done
"$bin/sla-import" --help | grep -q -- '-P, --profile NAME' || fail "sla-import --help: no -P"

# --- a missing option is named ------------------------------------------------
expect 2 "report without -p" "$bin/sla-report" -d "$db" -c "$dhs" -o -
grep -qx 'sla-report: missing -p/--period' "$tmp/err" || fail "report without -p: $(cat "$tmp/err")"
expect 2 "report without -d" "$bin/sla-report" -c "$dhs" -p 2027-01 -o -
grep -qx 'sla-report: missing -d/--db' "$tmp/err" || fail "report without -d: $(cat "$tmp/err")"
expect 2 "compute without -c" "$bin/sla-compute" -d "$db" -p 2027-01
grep -qx 'sla-compute: missing -c/--contract' "$tmp/err" || fail "compute without -c: $(cat "$tmp/err")"
expect 2 "score without -p" "$bin/sla-score" -d "$db" -c "$dhs"
grep -qx 'sla-score: missing -p/--period' "$tmp/err" || fail "score without -p: $(cat "$tmp/err")"
expect 2 "import without -d" "$bin/sla-import" -c "$dhs" "$exports/dhs-tickets.csv"
grep -qx 'sla-import: missing -d/--db' "$tmp/err" || fail "import without -d: $(cat "$tmp/err")"
expect 2 "calendar without -c" "$bin/sla-calendar" holidays 2027
grep -qx 'sla-calendar: missing -c/--contract' "$tmp/err" || fail "calendar without -c: $(cat "$tmp/err")"

# --- a database that does not exist ---------------------------------------------
for t in sla-compute sla-score; do
	expect 3 "$t nosuch.db" "$bin/$t" -d "$tmp/nosuch.db" -c "$dhs" -p 2027-01
	grep -qx "$t: $tmp/nosuch.db: no such database" "$tmp/err" || fail "$t nosuch.db: $(cat "$tmp/err")"
done
expect 3 "sla-report nosuch.db" "$bin/sla-report" -d "$tmp/nosuch.db" -c "$dhs" -p 2027-01 -o -
grep -qx "sla-report: $tmp/nosuch.db: no such database" "$tmp/err" || fail "report nosuch.db: $(cat "$tmp/err")"
expect 3 "compute --explain nosuch.db" "$bin/sla-compute" -d "$tmp/nosuch.db" -c "$dhs" --explain X
[ ! -e "$tmp/nosuch.db" ] || fail "a tool made nosuch.db"

# --- another contract's database is refused, and left as it was ----------------
"$bin/sla-compute" -d "$db" -c "$dhs" -p 2027-01 >/dev/null || fail "compute DHS"
sqlite3 "$db" .dump >"$tmp/before.sql"
for t in sla-compute sla-score; do
	expect 2 "$t halt on DHS" "$bin/$t" -d "$db" -c "$halt" -p 2027-01
	grep -q "belongs to contract 'dhs'.*not 'halt'\|belongs to contract '[^']*', not '[^']*'" "$tmp/err" ||
		fail "$t halt on DHS: $(cat "$tmp/err")"
done
expect 2 "sla-report halt on DHS" "$bin/sla-report" -d "$db" -c "$halt" -p 2027-01 -o "$tmp/halt.txt"
grep -q "belongs to contract '[^']*', not '[^']*'" "$tmp/err" || fail "report halt on DHS: $(cat "$tmp/err")"
[ ! -e "$tmp/halt.txt" ] || fail "report halt on DHS: a report was written"
sqlite3 "$db" .dump | cmp -s - "$tmp/before.sql" || fail "a refused contract changed the database"

# --- a period without any ticket ------------------------------------------------
expect 3 "compute empty period" "$bin/sla-compute" -d "$db" -c "$dhs" -p 2030-01
grep -q 'no tickets in period 2030-01' "$tmp/err" || fail "compute empty period: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "compute empty period: printed $(head -3 "$tmp/out")"
n=$(sqlite3 "$db" "SELECT COUNT(*) FROM result_runs WHERE period = '2030-01'")
[ "$n" = 0 ] || fail "compute empty period: stored a run"
expect 0 "compute empty period --allow-empty" "$bin/sla-compute" -d "$db" -c "$dhs" -p 2030-01 --allow-empty
grep -q '0 tickets' "$tmp/out" || fail "compute --allow-empty: $(cat "$tmp/out")"
echo old >"$tmp/empty.txt"
expect 3 "report empty period" "$bin/sla-report" -d "$db" -c "$dhs" -p 2030-01 -o "$tmp/empty.txt"
grep -q 'no tickets in period 2030-01' "$tmp/err" || fail "report empty period: $(cat "$tmp/err")"
[ "$(cat "$tmp/empty.txt")" = old ] || fail "report empty period: the old report was replaced"
expect 0 "report empty period --allow-empty" "$bin/sla-report" -d "$db" -c "$dhs" -p 2030-01 \
	-o "$tmp/empty.txt" --allow-empty
[ "$(cat "$tmp/empty.txt")" != old ] || fail "report --allow-empty: no report written"
# An empty database: the same.
printf 'id,priority,reported_at\n' >"$tmp/none.csv"
"$bin/sla-import" -d "$tmp/none.db" -c "$dhs" --allow-empty "$tmp/none.csv" 2>"$tmp/err" ||
	fail "import empty: $(cat "$tmp/err")"
expect 3 "compute empty database" "$bin/sla-compute" -d "$tmp/none.db" -c "$dhs" -p 2027-01 --no-store
expect 3 "report empty database" "$bin/sla-report" -d "$tmp/none.db" -c "$dhs" -p 2027-01 -o -
# A period whose tickets are all still undecided is not empty: a ticket
# reported at the end of March 2027 counts as pending in March.
printf 'id,priority,reported_at\nPEND-1,P2,2027-03-31 16:00\n' >"$tmp/pend.csv"
"$bin/sla-import" -d "$tmp/pend.db" -c "$dhs" "$tmp/pend.csv" >/dev/null 2>"$tmp/err" ||
	fail "import pending: $(cat "$tmp/err")"
expect 0 "compute, only pending tickets" "$bin/sla-compute" -d "$tmp/pend.db" -c "$dhs" -p 2027-03 --no-store
expect 0 "report, only pending tickets" "$bin/sla-report" -d "$tmp/pend.db" -c "$dhs" -p 2027-03 -o - --allow-missing skip

# --- sla-compute stores nothing when its output cannot be written ----------------
if [ -w /dev/full ]; then
	sqlite3 "$db" "SELECT * FROM ticket_results_v WHERE period = '2027-02'" >"$tmp/runs.before"
	sqlite3 "$db" "SELECT COUNT(*) FROM result_runs" >>"$tmp/runs.before"
	"$bin/sla-compute" -d "$db" -c "$dhs" -p 2027-02 >/dev/full 2>"$tmp/err"
	[ $? -eq 4 ] || fail "compute >/dev/full: exit not 4 ($(cat "$tmp/err"))"
	sqlite3 "$db" "SELECT * FROM ticket_results_v WHERE period = '2027-02'" >"$tmp/runs.after"
	sqlite3 "$db" "SELECT COUNT(*) FROM result_runs" >>"$tmp/runs.after"
	cmp -s "$tmp/runs.before" "$tmp/runs.after" || fail "compute >/dev/full changed the stored run"
	# --help and --version that cannot be written fail.
	for t in sla-import sla-compute sla-score sla-report sla-calendar; do
		for o in --help --version; do
			"$bin/$t" $o >/dev/full 2>"$tmp/err"
			[ $? -eq 4 ] || fail "$t $o >/dev/full: exit not 4"
			grep -q "^$t: cannot write" "$tmp/err" || fail "$t $o >/dev/full: $(cat "$tmp/err")"
		done
	done
fi

# --- stale temporary files of a report ------------------------------------------
mkdir "$tmp/rep"
sh -c 'exit 0' &
dead=$!
wait "$dead"
: >"$tmp/rep/r.txt.tmp$dead.0"
: >"$tmp/rep/r.txt.tmp$dead.1"
: >"$tmp/rep/r.txt.tmp$$.0"          # a run still going: left alone
: >"$tmp/rep/other.txt.tmp$dead.0"   # another output's: left alone
expect 0 "report beside stale temps" "$bin/sla-report" -d "$db" -c "$dhs" -p 2027-01 -o "$tmp/rep/r.txt"
[ ! -e "$tmp/rep/r.txt.tmp$dead.0" ] && [ ! -e "$tmp/rep/r.txt.tmp$dead.1" ] ||
	fail "stale temp files stay: $(ls "$tmp/rep")"
[ -e "$tmp/rep/r.txt.tmp$$.0" ] || fail "a live run's temp file was removed"
[ -e "$tmp/rep/other.txt.tmp$dead.0" ] || fail "another output's temp file was removed"
rm -f "$tmp/rep/"*.tmp*
# SIGTERM while the workbook is written: its temporary file goes with it.
"$bin/sla-report" -d "$db" -c "$dhs" -p 2027-Q1 -o "$tmp/rep/q.xlsx" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 2000 ] && ! ls "$tmp/rep/" | grep -q '^q.xlsx.tmp'; do
	i=$((i + 1))
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
st=$?
if [ "$st" -ne 0 ]; then
	[ "$st" -eq 143 ] || fail "SIGTERM: exit $st, expected 143"
	left=$(ls "$tmp/rep" | grep 'tmp' || true)
	[ -z "$left" ] || fail "SIGTERM left $left"
fi

# --- a period past the calendars' range -------------------------------------------
for p in 2199-12 2199-Q4 2199-H2 2199; do
	for t in sla-compute sla-score; do
		expect 2 "$t -p $p" "$bin/$t" -d "$db" -c "$dhs" -p "$p"
		grep -q "period $p: it ends outside the years the calendars cover (1900-2199)" "$tmp/err" ||
			fail "$t -p $p: $(cat "$tmp/err")"
	done
	expect 2 "sla-report -p $p" "$bin/sla-report" -d "$db" -c "$dhs" -p "$p" -o -
done
expect 3 "compute -p 2199-11 (in range, no tickets)" "$bin/sla-compute" -d "$db" -c "$dhs" -p 2199-11 --no-store

[ "$failed" -eq 0 ] || { echo "frontdoor_cli: $failed failed"; exit 1; }
echo "frontdoor_cli: ok"
