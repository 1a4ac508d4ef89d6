#!/bin/sh
# A workaround stops the resolution clock where the contract says so
# ([priority.ID] workaround_stops = yes, Halt §10.1 P1), MTTR still runs to
# the resolution itself, the KPI source tickets:mttp computes MTTP from
# the tickets' productive_at, and a resolution KPI with both_clocks = yes
# counts a ticket within only when its response was not late either.
#
# usage: workaround_mttp.sh BINDIR SRCDIR
#
# tests/data/workaround: office Mon-Fri 08:00-17:00; P1 resolution 4 h with
# workaround_stops = yes, P2 1d = 9 h without. Mon 1 March 2027:
#  W-1 P1 09:00, productive 12:00, resolved 15:00: the clock stops at 12:00,
#      3 h <= 4 h, met (without the key: 6 h, breached). MTTR 6 h, MTTP 3 h.
#  W-2 P1 09:00, productive 14:00, resolved Tue 10:00: stops at 14:00, 5 h,
#      breached (without: 8 + 2 = 10 h). MTTR 10 h, MTTP 5 h.
#  W-3 P2 10:00, productive 11:00, resolved Tue 12:00: P2 has no such key:
#      7 + 4 = 11 h > 9 h, breached. MTTP 1 h.
#  W-4 P1 Tue 09:00, no productive time, resolved 12:00: 3 h, met.
#  W-5 P1 09:00, resolved 12:00, productive Tue 09:00 (after the resolution:
#      the resolution stops the clock): 3 h, met. MTTP 8 + 1 = 9 h.
# P1 MTTR: 6, 10, 3, 3 h: mean 22 / 4 = 5:30, median (3 + 6) / 2 = 4:30, with
# or without the key. MTTP, tickets productive again in March: W-1, W-2, W-3,
# W-5: (3 + 5 + 1 + 9) / 4 = 4.5 h, against a norm of 4 h (lower is better):
# 4 / 4.5 = 0.8888... -> 88.9 % of norm; priority=P1: (3 + 5 + 9) / 3 =
# 5.666... -> 5.67 h.
#  W-6 P2 Wed 3 March 08:00, responded 13:00 (5 h > 4 h: late), resolved
#      15:00 (7 h <= 9 h: in time), no productive time.
# Resolution KPI, norm 90 %, per priority, combined by count: per clock P1 3 of
# 4 (W-2 late) = 75 % -> 83.3 % of norm, P2 1 of 2 (W-3 late, W-6 in time) =
# 50 % -> 55.6 %: (83.3 x 4 + 55.6 x 2) / 6 = 74.07 -> 74.1; with
# both_clocks = yes W-6's late response makes P2 0 of 2 -> 0.0 %:
# 83.3 x 4 / 6 = 55.53 -> 55.5, 3 of 6 tickets.
set -u
LC_ALL=C
export LC_ALL
bin=$1
src=$2
data=$src/tests/data/workaround
contract=$data/contract.ini
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/t.db
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

"$bin/sla-import" -d "$db" -c "$contract" "$data/tickets.csv" >/dev/null || fail "import"
grep -v '^workaround_stops = yes$' "$contract" >"$tmp/no.ini"

"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-03 --no-store --format csv >"$tmp/yes.csv" ||
	fail "compute"
"$bin/sla-compute" -d "$db" -c "$tmp/no.ini" -p 2027-03 --no-store --format csv >"$tmp/no.csv" ||
	fail "compute without the key"
cut -d, -f1,7-9 "$tmp/yes.csv" >"$tmp/yes.cut"
cat >"$tmp/want-yes" <<'CSV'
id,resolution_seconds,resolution_target_seconds,resolution_met
W-1,10800,14400,1
W-2,18000,14400,0
W-3,39600,32400,0
W-4,10800,14400,1
W-5,10800,14400,1
W-6,25200,32400,1
CSV
cmp -s "$tmp/yes.cut" "$tmp/want-yes" || { fail "workaround_stops = yes"; diff "$tmp/want-yes" "$tmp/yes.cut"; }
cut -d, -f1,7-9 "$tmp/no.csv" >"$tmp/no.cut"
cat >"$tmp/want-no" <<'CSV'
id,resolution_seconds,resolution_target_seconds,resolution_met
W-1,21600,14400,0
W-2,36000,14400,0
W-3,39600,32400,0
W-4,10800,14400,1
W-5,10800,14400,1
W-6,25200,32400,1
CSV
cmp -s "$tmp/no.cut" "$tmp/want-no" || { fail "without workaround_stops"; diff "$tmp/want-no" "$tmp/no.cut"; }

# MTTR runs to the resolution either way; MTTP from productive_at.
for c in "$contract" "$tmp/no.ini"; do
	"$bin/sla-compute" -d "$db" -c "$c" -p 2027-03 --no-store >"$tmp/sum.txt" || fail "compute text"
	grep -q '^P1  *4/4  *[0-9]/4    5:30:00 /   4:30:00   5:40:00 /   5:00:00$' "$tmp/sum.txt" ||
		fail "P1 MTTR/MTTP ($c): $(grep '^P1 ' "$tmp/sum.txt")"
done

# --explain says which time stopped the clock, and why.
"$bin/sla-compute" -d "$db" -c "$contract" --explain W-1 >"$tmp/x.txt" || fail "explain"
grep -q 'productive again: a workaround (contract: workaround_stops = yes)' "$tmp/x.txt" ||
	fail "explain W-1 does not name the workaround"
grep -q 'reason: resolution clock stopped at the workaround' "$tmp/x.txt" || fail "explain W-1: reason"

# The MTTP KPI, computed.
"$bin/sla-score" -d "$db" -c "$contract" -p 2027-03 --format json >"$tmp/s.json" 2>/dev/null
python3 - "$tmp/s.json" <<'PY' || fail "MTTP KPI"
import json, sys
j = json.load(open(sys.argv[1]))
k = {x["id"]: x for d in j["domains"] for x in d["kpis"]}
assert k["mttp"]["measured"] == 4.5 and k["mttp"]["pct_of_norm"] == 88.9, k["mttp"]
assert k["mttp"]["source"] == "tickets", k["mttp"]
assert k["mttp_p1"]["measured"] == 5.67, k["mttp_p1"]
r, b = k["resolution"], k["resolution_both"]
assert r["pct_of_norm"] == 74.1 and b["pct_of_norm"] == 55.5, (r, b)
assert [(p["priority"], p["tickets"], p["within"]) for p in r["priorities"]] == [("P1", 4, 3), ("P2", 2, 1)], r
assert [(p["priority"], p["tickets"], p["within"]) for p in b["priorities"]] == [("P1", 4, 3), ("P2", 2, 0)], b
assert b["detail"] == "3 of 6 tickets resolved within target with their response not late", b
PY
"$bin/sla-report" -d "$db" -c "$contract" -p 2027-03 -o "$tmp/r.txt" 2>/dev/null || fail "report"
grep -q 'mean business time to productive again over 4 tickets that were productive again in 2027-03' "$tmp/r.txt" ||
	fail "report: MTTP detail: $(grep -A2 '^  mttp ' "$tmp/r.txt")"
"$bin/sla-report" -d "$db" -c "$contract" -p 2027-03 --lang nl -o "$tmp/nl.txt" 2>/dev/null ||
	fail "report nl"
grep -q 'gemiddelde werktijd tot weer productief van 4 tickets' "$tmp/nl.txt" || fail "report nl: MTTP detail"
grep -q '3 van 6 tickets binnen de oplosnorm en zonder te late reactie' "$tmp/nl.txt" ||
	fail "report nl: both_clocks detail"

# A month without a ticket productive again has no MTTP: no data, not 0.
"$bin/sla-score" -d "$db" -c "$contract" -p 2027-04 --format json >"$tmp/apr.json" 2>/dev/null
python3 - "$tmp/apr.json" <<'PY' || fail "MTTP in April"
import json, sys
j = json.load(open(sys.argv[1]))
k = {x["id"]: x for d in j["domains"] for x in d["kpis"]}
assert k["mttp"]["measured"] is None, k["mttp"]
PY

# both_clocks goes with tickets:resolution only.
sed 's/^source = tickets:resolution$/source = tickets:response/' "$contract" >"$tmp/bad2.ini"
"$bin/sla-compute" -d "$db" -c "$tmp/bad2.ini" -p 2027-03 --no-store >/dev/null 2>"$tmp/bad2.err"
[ $? -eq 1 ] || fail "both_clocks on tickets:response must be refused"
grep -q "'both_clocks': both_clocks counts a ticket within only when" "$tmp/bad2.err" ||
	fail "both_clocks message: $(cat "$tmp/bad2.err")"

# tickets:mttp is a time: unit hours and direction lower, else refused with the line.
sed 's/^unit = hours$/unit = %/' "$contract" >"$tmp/bad.ini"
"$bin/sla-compute" -d "$db" -c "$tmp/bad.ini" -p 2027-03 --no-store >/dev/null 2>"$tmp/bad.err"
[ $? -eq 1 ] || fail "unit % for tickets:mttp must be refused"
grep -q "bad.ini:[0-9]*: 'unit': tickets:mttp measures a mean time: set unit = hours" "$tmp/bad.err" ||
	fail "unit message: $(cat "$tmp/bad.err")"

[ $failed -eq 0 ] || { echo "$failed failure(s)"; exit 1; }
echo "workaround_mttp: ok"
