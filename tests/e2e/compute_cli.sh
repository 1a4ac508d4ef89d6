#!/bin/sh
# End-to-end test of sla-compute: import tickets and status history with the
# real sla-import, compute January 2027, compare the CSV with the expected file
# byte for byte, run it twice (same bytes), check the stored results with
# sqlite3, --only-breached, --explain, and the usage errors.
#
# usage: compute_cli.sh BINDIR SRCDIR
#
# The expected values in tests/data/compute/expected-2027-01.csv are worked out
# by hand on tests/data/compute/contract.ini (office Mon-Fri 08:00-17:00, nl):
#  C-1 P2 Fri 16:55 -> Mon 10:00: 5 min + 2 h = 7500 s <= 4 h; resolved Mon 16:00:
#      5 min + 8 h = 29100 s <= 1d (32400 s); deadlines Mon 11:55 and Mon 16:55.
#  C-2 P1 by portal: excluded (wrong channel), still computed: 20 min > 15 min.
#  C-3 P3 open: 7 h by the end of January, deadlines in February: pending.
#  C-4 P3 response 1d = 9 h from 20 Jan 09:00: 8 h that day, 1 h on the 21st ->
#      21 Jan 09:00. It waits for the customer from 20 Jan 10:00 to 9 Feb 09:00
#      (70 business hours by 1 Feb): resolution pending at the end of January;
#      its 27 h: 1 h on 20 Jan, then 8 + 9 + 9 h from 9 Feb -> 11 Feb 17:00.
#  C-5 P1 at 18:00 by phone: the evening calendar (17-22), 1 h response: 40 min.
#      Resolution on the office calendar: 08:00-10:00 on the 13th = 2 h.
#  C-6 reported 31 Dec 16:00: response (10 min) counts in December, resolution
#      (1 h on 31 Dec, 1 Jan closed, 2 h on 4 Jan = 3 h) in January.
#  C-7 is February only: not in January's scope.
#  C-8 P2 reported 30 Dec 09:00, 1d deadline 31 Dec 09:00, resolved 5 Jan:
#      breached in December and counted there only (17 h by the end of
#      December), not again in January.
set -u
LC_ALL=C
export LC_ALL
bin=$1
src=$2
data=$src/tests/data/compute
contract=$data/contract.ini
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/t.db
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

"$bin/sla-import" -d "$db" -c "$contract" "$data/tickets.csv" || fail "import tickets"
"$bin/sla-import" -d "$db" -c "$contract" --kind events "$data/events.csv" || fail "import events"

"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --format csv >"$tmp/out1.csv" 2>"$tmp/err"
[ $? -eq 0 ] || fail "compute exit status"
[ -s "$tmp/err" ] && fail "compute wrote to stderr: $(cat "$tmp/err")"
cmp -s "$tmp/out1.csv" "$data/expected-2027-01.csv" || {
	fail "CSV differs from expected"
	diff "$data/expected-2027-01.csv" "$tmp/out1.csv"
}
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --format csv >"$tmp/out2.csv"
cmp -s "$tmp/out1.csv" "$tmp/out2.csv" || fail "second run differs"

# The stored results agree with the printed ones.
n=$(sqlite3 "$db" "SELECT COUNT(*) FROM ticket_results_v WHERE period = '2027-01'")
[ "$n" = 6 ] || fail "stored $n results, want 6"
"$bin/sla-compute" -d "$db" -c "$contract" -p 2026-12 --format csv --no-store >"$tmp/dec.csv"
grep -q '^C-8,incident,P2,600,14400,1,61200,32400,0,.*,2026-12,2026-12,decided,' "$tmp/dec.csv" ||
	fail "C-8 must be breached in December: $(grep '^C-8' "$tmp/dec.csv")"
s=$(sqlite3 "$db" "SELECT response_seconds, response_state, resolution_state FROM ticket_results_v WHERE ticket_id = 'C-1' AND period = '2027-01'")
[ "$s" = "7500|met|met" ] || fail "stored C-1: $s"

# A store that fails halfway (a trigger refuses C-5's row, after others went in)
# leaves the stored run as it was: the verdicts are not half stored. They are
# printed first (a run whose output cannot be written stores nothing), so the
# message says they were not stored.
sqlite3 "$db" "SELECT * FROM ticket_results_v ORDER BY ticket_id" >"$tmp/before.txt"
sqlite3 "$db" "CREATE TRIGGER refuse_c5 BEFORE INSERT ON ticket_results WHEN NEW.ticket_id = 'C-5'
	BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;" || fail "create trigger"
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --format csv >"$tmp/half.csv" 2>"$tmp/half.err"
[ $? -ne 0 ] || fail "a failed store must fail the command"
grep -q 'storing results' "$tmp/half.err" || fail "failed store: message: $(cat "$tmp/half.err")"
grep -q 'not stored' "$tmp/half.err" || fail "failed store: does not say the results were not stored"
sqlite3 "$db" "DROP TRIGGER refuse_c5"
sqlite3 "$db" "SELECT * FROM ticket_results_v ORDER BY ticket_id" | cmp -s - "$tmp/before.txt" ||
	fail "a failed store changed the stored run"
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity after a failed store"

# The deadline of C-1's response, independently from sla-calendar.
dl=$("$bin/sla-calendar" -c "$contract" add '2027-01-08 16:55' 4h)
grep -q "^C-1,.*,$dl," "$tmp/out1.csv" || fail "C-1 deadline is not sla-calendar's $dl"

# Only breached: C-2 (response 20 min > 15 min).
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --format csv --only-breached --no-store >"$tmp/b.csv"
ids=$(tail -n +2 "$tmp/b.csv" | cut -d, -f1 | tr '\n' ' ')
[ "$ids" = "C-2 " ] || fail "only-breached gives '$ids'"

# JSON names every ticket once.
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --format json --no-store >"$tmp/j.json"
[ "$(grep -o '"id":"C-[0-9]"' "$tmp/j.json" | wc -l)" -eq 6 ] || fail "json ticket count"

# The per-priority summary: P2 in January has C-1's response (C-6's counted in
# December) and the resolutions of C-1 (29100 s, 3 days less 55 min on the
# wall) and C-6 (10800 s, 31 Dec 16:00 -> 4 Jan 10:00 = 324000 s).
grep -q '"priority":"P2","response_counted":1,"response_met":1,"resolution_counted":2,"resolution_met":2,"mttr_tickets":2,"mttr_business_mean":19950,"mttr_business_median":19950,"mttr_wall_mean":289950,' "$tmp/j.json" ||
	fail "P2 summary: $(grep '"priority":"P2"' "$tmp/j.json")"

# February: C-7 is in scope, C-1 is not.
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-02 --format csv --no-store >"$tmp/feb.csv"
grep -q '^C-7,' "$tmp/feb.csv" || fail "C-7 missing in February"
grep -q '^C-1,' "$tmp/feb.csv" && fail "C-1 counted again in February"

# --explain shows the pause, the deadline and the verdict.
"$bin/sla-compute" -d "$db" -c "$contract" --explain C-4 -p 2027-01 >"$tmp/x.txt" || fail "explain exit"
grep -q 'Waiting for customer  (pauses the clock: contract pause_statuses)' "$tmp/x.txt" ||
	fail "explain: pause"
grep -q 'from: status in the contract.s pause_statuses' "$tmp/x.txt" || fail "explain: pause origin"
grep -q 'deadline    2027-02-11 17:00:00+01:00' "$tmp/x.txt" || fail "explain: deadline"
grep -q 'verdict     pending' "$tmp/x.txt" || fail "explain: verdict"
"$bin/sla-compute" -d "$db" -c "$contract" --explain NOPE >/dev/null 2>"$tmp/e"
[ $? -eq 1 ] || fail "explain of an unknown ticket must exit 1"
grep -q "no ticket 'NOPE'" "$tmp/e" || fail "explain unknown: message"

# Cloudwise's priority matrix reads a column the generic profile does not know
# (users affected, kept with the ticket): down-edu with 45 users is P1, not P3;
# down-edu with 5 users is P2, as filed.
cw=$src/samples/contracts/cloudwise.ini
printf 'id,type,priority,reported_at,responded_at,impact,users,channel\nX-1,incident,P3,2027-01-12 10:00,2027-01-12 10:05,down-edu,45,phone\nX-2,incident,P2,2027-01-12 10:00,2027-01-12 10:05,down-edu,5,phone\n' >"$tmp/cw.csv"
"$bin/sla-import" -d "$tmp/cw.db" -c "$cw" "$tmp/cw.csv" || fail "import cloudwise"
"$bin/sla-compute" -d "$tmp/cw.db" -c "$cw" -p 2027-01 --format csv --no-store >"$tmp/cw.out"
grep -q '^X-1,.*,matrix-mismatch,' "$tmp/cw.out" || fail "X-1 must be a matrix mismatch"
grep -q '^X-2,.*,[a-z]*,0,,[a-z]*$' "$tmp/cw.out" || fail "X-2 matches the matrix"

# Earlier versions of a ticket (re-imports that changed its priority: P3, then
# P1, now P2) decide the priority under priority = initial (P3) and highest (P1);
# the default, final, takes P2. Both ways of reading the history: one scan when
# the period holds most tickets (hist.db), a lookup per ticket when it holds few
# of them (hist2.db, with ten tickets resolved in 2026).
for v in P3 P1 P2; do
	printf 'id,type,priority,reported_at,channel\nH-1,incident,%s,2027-01-12 10:00,phone\n' "$v" >"$tmp/h-$v.csv"
done
printf 'id,type,priority,reported_at,resolved_at,channel\n' >"$tmp/old.csv"
for i in 1 2 3 4 5 6 7 8 9 10; do
	printf 'O-%s,incident,P3,2026-03-0%s 10:00,2026-03-0%s 12:00,phone\n' "$i" "$((i % 9 + 1))" "$((i % 9 + 1))" >>"$tmp/old.csv"
done
"$bin/sla-import" -d "$tmp/hist2.db" -c "$contract" "$tmp/old.csv" || fail "import 2026 tickets"
for v in P3 P1 P2; do
	for h in hist hist2; do
		"$bin/sla-import" -d "$tmp/$h.db" -c "$contract" "$tmp/h-$v.csv" || fail "import H-1 as $v"
	done
done
for rule in final:P2 initial:P3 highest:P1; do
	sed "s/^\[rules\]/[rules]\npriority = ${rule%%:*}/" "$contract" >"$tmp/rule.ini"
	for h in hist hist2; do
		"$bin/sla-compute" -d "$tmp/$h.db" -c "$tmp/rule.ini" -p 2027-01 --format csv --no-store >"$tmp/h.out" ||
			fail "compute $h under priority = ${rule%%:*}"
		grep -q "^H-1,incident,${rule#*:}," "$tmp/h.out" ||
			fail "$h: priority = ${rule%%:*} must apply ${rule#*:}: $(grep '^H-1' "$tmp/h.out")"
	done
done

# The export calls these resolved on 31 March 12:00, but their history says
# otherwise: resolved on the 30th, then taken up again on the 31st (R-1, In
# progress) or put on hold (R-2). R-1 runs on (its 27 h less the 8 h it stood
# resolved run out in April: a breach counted in April, once the data reaches
# past its deadline, R-9 of 3 May); R-2 waits, pending. R-3's history ends
# resolved: met in March, not in April's scope. Before R-9 the data stops on
# 31 March 12:00 (its horizon): April's R-1 is pending, not breached.
printf 'id,type,priority,reported_at,resolved_at,channel\n' >"$tmp/r.csv"
printf 'ticket_id,at,status\n' >"$tmp/re.csv"
for t in R-1:'In progress' R-2:'Waiting for customer' R-3:Resolved; do
	id=${t%%:*}
	printf '%s,incident,P3,2027-03-29 09:00,2027-03-31 12:00,phone\n' "$id" >>"$tmp/r.csv"
	printf '%s,2027-03-29 09:00,New\n%s,2027-03-30 10:00,Resolved\n' "$id" "$id" >>"$tmp/re.csv"
	[ "${t#*:}" = Resolved ] || printf '%s,2027-03-31 09:00,%s\n' "$id" "${t#*:}" >>"$tmp/re.csv"
done
"$bin/sla-import" -d "$tmp/r.db" -c "$contract" "$tmp/r.csv" || fail "import R tickets"
"$bin/sla-import" -d "$tmp/r.db" -c "$contract" --kind events "$tmp/re.csv" || fail "import R events"
"$bin/sla-compute" -d "$tmp/r.db" -c "$contract" -p 2027-04 --format csv --no-store >"$tmp/r.out"
grep -q '^R-1,.*,28800,,,pending,' "$tmp/r.out" ||
	fail "R-1 must be pending in April, past the data's horizon: $(grep '^R-1' "$tmp/r.out")"
"$bin/sla-compute" -d "$tmp/r.db" -c "$contract" --explain R-1 -p 2027-04 >"$tmp/rx.txt"
grep -q "^evaluated at 2027-03-31 12:00:01+02:00 (just after the data's horizon, 2027-03-31 12:00:00+02:00)" \
	"$tmp/rx.txt" || fail "explain R-1: horizon: $(grep evaluated "$tmp/rx.txt")"
# An import that says it covers more (imports.horizon: an export made on
# 1 May) moves the horizon past R-1's deadline: breached in April.
cp "$tmp/r.db" "$tmp/rh.db"
sqlite3 "$tmp/rh.db" "UPDATE imports SET horizon = $(date -d '2027-05-01T00:00:00+02:00' +%s) WHERE kind = 'tickets'"
"$bin/sla-compute" -d "$tmp/rh.db" -c "$contract" -p 2027-04 --format csv --no-store >"$tmp/rh.out"
grep -q '^R-1,.*,28800,,2027-04,decided,' "$tmp/rh.out" ||
	fail "R-1 must be breached in April once an import covers it: $(grep '^R-1' "$tmp/rh.out")"
printf 'id,type,priority,reported_at,resolved_at,channel\nR-9,incident,P3,2027-05-03 09:00,,phone\n' >"$tmp/r9.csv"
"$bin/sla-import" -d "$tmp/r.db" -c "$contract" "$tmp/r9.csv" || fail "import R-9"
"$bin/sla-compute" -d "$tmp/r.db" -c "$contract" -p 2027-04 --format csv --no-store >"$tmp/r.out"
grep -q '^R-1,.*,28800,,2027-04,decided,' "$tmp/r.out" ||
	fail "R-1 (reopened) must be breached in April: $(cat "$tmp/r.out")"
grep -q '^R-2,.*,pending,' "$tmp/r.out" || fail "R-2 (on hold after resolution) must be pending in April"
grep -q '^R-3,' "$tmp/r.out" && fail "R-3 (resolved in March) is not in April's scope"

# A pause named only in a map ([statuses] paused = Wait - User, not in the
# contract's pause_statuses) stops the clock: M-1 is resolved Tue 12 Jan 09:00
# after Mon 11 Jan 09:00 (9 business hours), 10:00-14:00 waiting for the user
# (4 h): 18000 s counted, 14400 s paused. The contract's words still decide
# those it names: "Waiting for customer" pauses whatever the map says
# (M-2: 10:00-11:00, 1 h), and "Resolved" stops the clock.
cat >"$tmp/m.map" <<'MAP'
[map]
kind = eventlog
[columns]
id = Number
at = When
status = State
priority = Priority
type = Type
channel = Channel
[statuses]
paused = Wait - User
working = Waiting for customer
responded = In Progress
resolved = Resolved
MAP
printf 'Number,When,State,Priority,Type,Channel\n' >"$tmp/m.csv"
for r in 'M-1,2027-01-11 09:00,New' 'M-1,2027-01-11 10:00,Wait - User' 'M-1,2027-01-11 14:00,In Progress' \
	'M-1,2027-01-12 09:00,Resolved' 'M-2,2027-01-11 09:00,New' 'M-2,2027-01-11 10:00,Waiting for customer' \
	'M-2,2027-01-11 11:00,In Progress' 'M-2,2027-01-11 15:00,Resolved'; do
	printf '%s,P3,incident,phone\n' "$r" >>"$tmp/m.csv"
done
"$bin/sla-import" -d "$tmp/m.db" -c "$contract" --map "$tmp/m.map" "$tmp/m.csv" >/dev/null || fail "import map log"
"$bin/sla-compute" -d "$tmp/m.db" -c "$contract" -p 2027-01 --format csv --no-store >"$tmp/m.out"
grep -q '^M-1,incident,P3,18000,32400,1,18000,97200,1,.*,14400,2027-01,2027-01,decided,0,,office$' "$tmp/m.out" ||
	fail "M-1: the map's pause must count: $(grep '^M-1' "$tmp/m.out")"
grep -q '^M-2,incident,P3,7200,32400,1,18000,97200,1,.*,3600,2027-01,2027-01,decided,0,,office$' "$tmp/m.out" ||
	fail "M-2: the contract's pause must count: $(grep '^M-2' "$tmp/m.out")"
"$bin/sla-compute" -d "$tmp/m.db" -c "$contract" --explain M-1 -p 2027-01 >"$tmp/mx.txt"
grep -q 'Wait - User  (pauses the clock: map at import)' "$tmp/mx.txt" || fail "explain M-1: status"
grep -q 'from: status the import stored as paused (its map)' "$tmp/mx.txt" || fail "explain M-1: origin"

# An export without a response column: the response is not measured (no
# breach), flagged; --explain says so. N-2 (P1 by phone, 15 min) resolved
# after 2 h: its response stopped at the resolution was a 2 h breach before.
printf 'id,type,priority,reported_at,resolved_at,channel\nN-1,incident,P2,2027-01-12 09:00,2027-01-12 12:00,phone\nN-2,incident,P1,2027-01-12 09:00,2027-01-12 11:00,phone\n' >"$tmp/n.csv"
"$bin/sla-import" -d "$tmp/n.db" -c "$contract" "$tmp/n.csv" >/dev/null || fail "import N tickets"
"$bin/sla-compute" -d "$tmp/n.db" -c "$contract" -p 2027-01 --format csv --no-store >"$tmp/n.out"
grep -q '^N-2,incident,P1,,,,7200,14400,1,.*,decided,0,response-not-measured,office$' "$tmp/n.out" ||
	fail "N-2: response must be not measured: $(grep '^N-2' "$tmp/n.out")"
"$bin/sla-compute" -d "$tmp/n.db" -c "$contract" -p 2027-01 --only-breached --format csv --no-store |
	grep -q '^N-' && fail "N tickets must not be response breaches"
"$bin/sla-compute" -d "$tmp/n.db" -c "$contract" --explain N-2 >"$tmp/nx.txt"
grep -q 'not measured: the export this ticket came from has no response time' "$tmp/nx.txt" ||
	fail "explain N-2: response not measured"
# With a response column, an empty response stops at the resolution, as before.
printf 'id,type,priority,reported_at,responded_at,resolved_at,channel\nN-3,incident,P1,2027-01-12 09:00,,2027-01-12 11:00,phone\n' >"$tmp/n3.csv"
"$bin/sla-import" -d "$tmp/n.db" -c "$contract" "$tmp/n3.csv" >/dev/null || fail "import N-3"
"$bin/sla-compute" -d "$tmp/n.db" -c "$contract" --explain N-3 >"$tmp/nx3.txt"
grep -q 'stops       2027-01-12 11:00:00+01:00 (no response time: the first resolution' "$tmp/nx3.txt" ||
	fail "explain N-3: which time stopped the response"

# --explain finds "49 614" as 49614 and the other way round, and says which id it used.
printf 'id,type,priority,reported_at,responded_at,channel\n49 614,incident,P3,2027-01-12 09:00,2027-01-12 09:30,phone\n' >"$tmp/sp.csv"
"$bin/sla-import" -d "$tmp/n.db" -c "$contract" "$tmp/sp.csv" >/dev/null || fail "import 49 614"
"$bin/sla-compute" -d "$tmp/n.db" -c "$contract" --explain 49614 >"$tmp/sp.txt" || fail "explain 49614"
grep -q "^ticket 49 614, " "$tmp/sp.txt" || fail "explain 49614: ticket line"
grep -q "asked for '49614'" "$tmp/sp.txt" || fail "explain 49614: which id"

# Usage errors exit 2.
"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-13 >/dev/null 2>&1
[ $? -eq 2 ] || fail "bad period must exit 2"
"$bin/sla-compute" -d "$db" -c "$contract" >/dev/null 2>&1
[ $? -eq 2 ] || fail "missing period must exit 2"
"$bin/sla-compute" --help | grep -q '^usage: sla-compute' || fail "--help"

[ $failed -eq 0 ] && echo "compute_cli: all checks passed"
[ $failed -eq 0 ]
