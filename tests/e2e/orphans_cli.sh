#!/bin/sh
# End-to-end: rows for tickets the database does not hold, of every kind
# that names a ticket: status events, pauses, hand-overs and updates. The
# import stores them (the tickets may come later) but says how many count
# for nothing yet; sla-compute says it again for all kinds together.
#
# usage: orphans_cli.sh BINDIR SRCDIR
#
# The tickets: tests/data/atrisk (A-1 .. A-9). Not in the database:
#  events     X-1 twice                              2 status events, 1 ticket
#  pauses     X-1, X-2                               2 pauses, 2 tickets
#  hand-overs X-2 twice, X-3 (and A-2: known)        2 + 1 = 3 hand-overs, 2 tickets
#  updates    X-4 (and A-1: known)                   1 update, 1 ticket
# Together: X-1, X-2, X-3, X-4 = 4 tickets.
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
data=$src/tests/data/atrisk
contract=$data/contract.ini
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/t.db
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

"$bin/sla-import" -d "$db" -c "$contract" "$data/tickets.csv" >/dev/null 2>&1 || fail "import tickets"

cat >"$tmp/events.csv" <<'CSV'
ticket_id,at,status
X-1,2027-03-01 09:00,In progress
X-1,2027-03-01 10:00,Resolved
CSV
cat >"$tmp/pauses.csv" <<'CSV'
ticket_id,start,end
X-1,2027-03-01 09:10,2027-03-01 09:20
X-2,2027-03-02 09:00,2027-03-02 10:00
CSV
cat >"$tmp/handovers.csv" <<'CSV'
ticket_id,supplier,start,end
A-2,printing,2027-03-02 12:00,2027-03-02 13:00
X-2,printing,2027-03-02 09:00,2027-03-02 10:00
X-2,internet,2027-03-02 11:00,2027-03-02 12:00
X-3,printing,2027-03-02 09:00,
CSV
cat >"$tmp/updates.csv" <<'CSV'
ticket_id,at,visible
A-1,2027-03-03 10:00,yes
X-4,2027-03-03 10:00,yes
CSV

# imp KIND WANT: the import's warning on standard error, exactly.
imp() {
	(cd "$tmp" && "$bin/sla-import" -d "$db" -c "$contract" --kind "$1" "$1.csv") >/dev/null 2>"$tmp/$1.err"
	[ $? -eq 0 ] || fail "import $1: exit status ($(cat "$tmp/$1.err"))"
	[ "$(cat "$tmp/$1.err")" = "$2" ] || fail "import $1: got '$(cat "$tmp/$1.err")', want '$2'"
}
imp events "sla-import: events.csv: warning: 2 events are for tickets not in the database (X-1): they count for nothing until those tickets are imported"
imp pauses "sla-import: pauses.csv: warning: 2 pauses are for tickets not in the database (X-1, X-2): they count for nothing until those tickets are imported"
imp handovers "sla-import: handovers.csv: warning: 3 hand-overs are for tickets not in the database (X-2, X-3): they count for nothing until those tickets are imported"
imp updates "sla-import: updates.csv: warning: 1 update is for tickets not in the database (X-4): they count for nothing until those tickets are imported"

# Stored all the same: they count once the tickets come.
n=$(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM handovers WHERE ticket_id LIKE 'X-%') || ',' ||
	(SELECT COUNT(*) FROM updates WHERE ticket_id LIKE 'X-%')")
[ "$n" = "3,1" ] || fail "stored hand-overs, updates of unknown tickets: $n"

# sla-compute: all kinds in one line.
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-03 --no-store --format csv >/dev/null 2>"$tmp/compute.err" ||
	fail "sla-compute: exit status ($(cat "$tmp/compute.err"))"
want="sla-compute: warning: 2 status events, 2 pauses, 3 hand-overs and 1 update of 4 tickets not in the database (X-1, X-2, X-3, X-4): not counted until they are imported"
grep -qxF "$want" "$tmp/compute.err" || fail "sla-compute: got '$(cat "$tmp/compute.err")'"

# Hand-overs and updates alone (X-1's events and pauses deleted): "and" between two.
sqlite3 "$db" "DELETE FROM ticket_events WHERE ticket_id LIKE 'X-%'; DELETE FROM pauses WHERE ticket_id LIKE 'X-%'"
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-03 --no-store --format csv >/dev/null 2>"$tmp/compute2.err" ||
	fail "sla-compute (2): exit status"
want="sla-compute: warning: 3 hand-overs and 1 update of 3 tickets not in the database (X-2, X-3, X-4): not counted until they are imported"
grep -qxF "$want" "$tmp/compute2.err" || fail "sla-compute (2): got '$(cat "$tmp/compute2.err")'"

# Once the tickets come, nothing is said.
cat >"$tmp/more.csv" <<'CSV'
id,type,priority,reported_at,responded_at,resolved_at
X-2,incident,P2,2027-03-02 08:30,2027-03-02 08:40,2027-03-02 16:00
X-3,incident,P2,2027-03-02 08:30,2027-03-02 08:40,2027-03-02 16:00
X-4,incident,P2,2027-03-03 08:30,2027-03-03 08:40,2027-03-03 16:00
CSV
"$bin/sla-import" -d "$db" -c "$contract" "$tmp/more.csv" >/dev/null 2>&1 || fail "import the tickets"
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-03 --no-store --format csv >/dev/null 2>"$tmp/compute3.err" ||
	fail "sla-compute (3): exit status"
[ -s "$tmp/compute3.err" ] && fail "sla-compute (3): said '$(cat "$tmp/compute3.err")'"

[ $failed -eq 0 ] || { echo "$failed failure(s)"; exit 1; }
echo "orphans_cli: ok"
