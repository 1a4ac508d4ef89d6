#!/bin/sh
# End-to-end test of sla-compute --at-risk: the running clocks already over
# their target (overdue, first) and those that have used at least the
# contract's at_risk_share of it, with the business time used and left
# ("over by" when overdue) and the deadline, the least time left first.
#
# usage: at_risk_cli.sh BINDIR SRCDIR
#
# tests/data/atrisk/contract.ini: office Mon-Fri 08:00-17:00 (9 h a day);
# P1 resolution 4 h, P2 response 4 h and resolution 1d = 9 h, P3 response
# 1d = 9 h and resolution 3d = 27 h. Mon 1 March 2027 .. Wed 3 March.
# At Wed 3 March 12:00:
#  A-1 P2 from Wed 09:00: resolution 3 h of 9 h = 33.3 %: not at risk.
#  A-2 P2 from Tue 11:00: 6 h Tue + 4 h Wed = 10 h > 9 h: overdue, over by
#      1 h (36000 - 32400 = 3600 s), 10/9 = 111.1 %; deadline Tue 11:00 + 6 h
#      (to 17:00) + 3 h Wed = Wed 11:00. Its clocks decided nothing pending
#      at 12:00 (the response met, the resolution breached at 11:00), yet it
#      is listed: the clock still runs.
#  A-3 P2 from Tue 15:00: 2 h Tue + 4 h Wed = 6 h of 9 h = 66.6 %; left 3 h,
#      deadline Wed 15:00 (below 75 %, listed at 50 %).
#  A-4 P1 from Wed 09:00: 3 h of 4 h = 75.0 % (the share itself counts); left
#      1 h, deadline Wed 13:00.
#  A-5 P3 from Mon 08:00, no response: the response (9 h by Mon 17:00) still
#      runs and is overdue: 9 + 9 + 4 = 22 h = 79200 s of 9 h = 32400 s, over
#      by 13 h = 46800 s, 244.4 % (22/9 = 2.444), listed first (most over);
#      resolution 9 + 9 + 4 = 22 h of 27 h = 81.4 % (22/27 = 0.8148); left 5 h,
#      deadline Wed 17:00.
#  A-6 P3 from Mon 08:00, waiting for the customer since Wed 10:00 (open pause):
#      9 + 9 + 2 = 20 h of 27 h = 74.0 % (20/27 = 0.7407); no deadline while
#      paused (listed at 50 %, last).
#  A-7 resolved Wed 11:00: stopped, not listed.
#  A-9 P2 from Wed 09:00, no response yet: response 3 h of 4 h = 75.0 %, left
#      1 h, deadline 13:00; its resolution 3 h of 9 h is not at risk.
# The data's horizon is Wed 11:00 (A-7's resolution): by default the clocks
# are judged there: A-2 9 h of 9 h = 100 % (met up to the target itself, so
# not late yet: at risk), left 0, deadline 11:00; A-5 21 h of 27 h = 77.7 %,
# left 6 h; A-5's response 21 h of 9 h, over by 12 h = 43200 s, 233.3 %;
# A-4 and A-9 2 h of 4 h = 50 %: not at 75 %.
set -u
LC_ALL=C
export LC_ALL
bin=$1
src=$2
data=$src/tests/data/atrisk
contract=$data/contract.ini
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/t.db
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

"$bin/sla-import" -d "$db" -c "$contract" "$data/tickets.csv" >/dev/null || fail "import tickets"
"$bin/sla-import" -d "$db" -c "$contract" --kind events "$data/events.csv" >/dev/null ||
	fail "import events"
sed 's/^at_risk_share = 75$/at_risk_share = 50/' "$contract" >"$tmp/c50.ini"
grep -q '^at_risk_share = 50$' "$tmp/c50.ini" || fail "the 50 % copy of the contract"

# At 12:00 (after the horizon: said on stderr), 75 %.
"$bin/sla-compute" -d "$db" -c "$contract" --at-risk --at '2027-03-03 12:00' --format csv \
	>"$tmp/at12.csv" 2>"$tmp/at12.err"
[ $? -eq 0 ] || fail "--at-risk exit status"
cat >"$tmp/want12.csv" <<'CSV'
id,priority,clock,state,used_seconds,target_seconds,used_percent,left_seconds,deadline,at
A-5,P3,response,overdue,79200,32400,244.4,-46800,2027-03-01T17:00:00,2027-03-03T12:00:00
A-2,P2,resolution,overdue,36000,32400,111.1,-3600,2027-03-03T11:00:00,2027-03-03T12:00:00
A-4,P1,resolution,at-risk,10800,14400,75.0,3600,2027-03-03T13:00:00,2027-03-03T12:00:00
A-9,P2,response,at-risk,10800,14400,75.0,3600,2027-03-03T13:00:00,2027-03-03T12:00:00
A-5,P3,resolution,at-risk,79200,97200,81.4,18000,2027-03-03T17:00:00,2027-03-03T12:00:00
CSV
cmp -s "$tmp/at12.csv" "$tmp/want12.csv" || { fail "at 12:00, 75 %"; diff "$tmp/want12.csv" "$tmp/at12.csv"; }
grep -q "warning: --at lies after the data's horizon (2027-03-03T11:00:00)" "$tmp/at12.err" ||
	fail "no warning past the horizon: $(cat "$tmp/at12.err")"

# The contract's share decides: at 50 % A-3 and the paused A-6 come in.
"$bin/sla-compute" -d "$db" -c "$tmp/c50.ini" --at-risk --at '2027-03-03 12:00' --format csv \
	>"$tmp/at12-50.csv" 2>/dev/null || fail "--at-risk at 50 %"
cat >"$tmp/want12-50.csv" <<'CSV'
id,priority,clock,state,used_seconds,target_seconds,used_percent,left_seconds,deadline,at
A-5,P3,response,overdue,79200,32400,244.4,-46800,2027-03-01T17:00:00,2027-03-03T12:00:00
A-2,P2,resolution,overdue,36000,32400,111.1,-3600,2027-03-03T11:00:00,2027-03-03T12:00:00
A-4,P1,resolution,at-risk,10800,14400,75.0,3600,2027-03-03T13:00:00,2027-03-03T12:00:00
A-9,P2,response,at-risk,10800,14400,75.0,3600,2027-03-03T13:00:00,2027-03-03T12:00:00
A-3,P2,resolution,at-risk,21600,32400,66.6,10800,2027-03-03T15:00:00,2027-03-03T12:00:00
A-5,P3,resolution,at-risk,79200,97200,81.4,18000,2027-03-03T17:00:00,2027-03-03T12:00:00
A-6,P3,resolution,at-risk,72000,97200,74.0,25200,,2027-03-03T12:00:00
CSV
cmp -s "$tmp/at12-50.csv" "$tmp/want12-50.csv" || { fail "at 12:00, 50 %"; diff "$tmp/want12-50.csv" "$tmp/at12-50.csv"; }

# Text and JSON say the same.
"$bin/sla-compute" -d "$db" -c "$tmp/c50.ini" --at-risk --at '2027-03-03 12:00' >"$tmp/at12.txt" 2>/dev/null
grep -q '^A-6  *P3  resolution at-risk  20:00:00  27:00:00   74.0  *7:00:00  paused (open pause)$' "$tmp/at12.txt" ||
	fail "text A-6: $(grep '^A-6' "$tmp/at12.txt")"
grep -q '^A-2  *P2  resolution overdue  10:00:00   9:00:00  111.1  *over by 1:00:00  2027-03-03T11:00:00$' \
	"$tmp/at12.txt" || fail "text A-2: $(grep '^A-2' "$tmp/at12.txt")"
grep -q '^A-5  *P3  response   overdue  22:00:00   9:00:00  244.4  *over by 13:00:00  2027-03-01T17:00:00$' \
	"$tmp/at12.txt" || fail "text A-5: $(grep '^A-5' "$tmp/at12.txt")"
sed -n 4p "$tmp/at12.txt" | grep -q '^A-5 .* response ' || fail "text: A-5's response not first"
grep -q '^clocks overdue or at risk at 2027-03-03T12:00:00 (overdue: over the target; at risk: 50 % or more of it used)$' "$tmp/at12.txt" ||
	fail "text heading: $(head -1 "$tmp/at12.txt")"
"$bin/sla-compute" -d "$db" -c "$contract" --at-risk --at '2027-03-03 12:00' --format json \
	>"$tmp/at12.json" 2>/dev/null
python3 - "$tmp/at12.json" <<'PY' || fail "JSON"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["at"] == "2027-03-03T12:00:00" and j["share"] == 75, j
got = [(c["id"], c["clock"], c["overdue"], c["used_seconds"], c["left_seconds"], c["deadline"])
       for c in j["clocks"]]
want = [("A-5", "response", True, 79200, -46800, "2027-03-01T17:00:00"),
        ("A-2", "resolution", True, 36000, -3600, "2027-03-03T11:00:00"),
        ("A-4", "resolution", False, 10800, 3600, "2027-03-03T13:00:00"),
        ("A-9", "response", False, 10800, 3600, "2027-03-03T13:00:00"),
        ("A-5", "resolution", False, 79200, 18000, "2027-03-03T17:00:00")]
assert got == want, got
PY

# By default at the data's horizon (Wed 11:00), without a warning.
"$bin/sla-compute" -d "$db" -c "$contract" --at-risk --format csv >"$tmp/hz.csv" 2>"$tmp/hz.err" ||
	fail "--at-risk at the horizon"
[ -s "$tmp/hz.err" ] && fail "stderr at the horizon: $(cat "$tmp/hz.err")"
cat >"$tmp/wanthz.csv" <<'CSV'
id,priority,clock,state,used_seconds,target_seconds,used_percent,left_seconds,deadline,at
A-5,P3,response,overdue,75600,32400,233.3,-43200,2027-03-01T17:00:00,2027-03-03T11:00:00
A-2,P2,resolution,at-risk,32400,32400,100.0,0,2027-03-03T11:00:00,2027-03-03T11:00:00
A-5,P3,resolution,at-risk,75600,97200,77.7,21600,2027-03-03T17:00:00,2027-03-03T11:00:00
CSV
cmp -s "$tmp/hz.csv" "$tmp/wanthz.csv" || { fail "at the horizon"; diff "$tmp/wanthz.csv" "$tmp/hz.csv"; }

# Nothing at risk: exit 0 and no output at all (text, CSV); JSON an empty list.
for f in text csv; do
	"$bin/sla-compute" -d "$db" -c "$contract" --at-risk --at '2027-03-01 08:00' --format $f \
		>"$tmp/none.$f" 2>"$tmp/none.err"
	[ $? -eq 0 ] || fail "nothing at risk ($f): exit status"
	[ -s "$tmp/none.$f" ] && fail "nothing at risk ($f): output $(cat "$tmp/none.$f")"
	[ -s "$tmp/none.err" ] && fail "nothing at risk ($f): stderr $(cat "$tmp/none.err")"
done
"$bin/sla-compute" -d "$db" -c "$contract" --at-risk --at '2027-03-01 08:00' --format json >"$tmp/none.json"
grep -q '"clocks":\[\]}$' "$tmp/none.json" || fail "nothing at risk (json): $(cat "$tmp/none.json")"

# It stores nothing.
n=$(sqlite3 "$db" "SELECT COUNT(*) FROM result_runs")
[ "$n" = 0 ] || fail "--at-risk stored $n runs"

# Usage.
"$bin/sla-compute" -d "$db" -c "$contract" --at '2027-03-03 12:00' -p 2027-03 >/dev/null 2>&1
[ $? -eq 2 ] || fail "--at without --at-risk must be a usage error"
"$bin/sla-compute" -d "$db" -c "$contract" --at-risk -p 2027-03 >/dev/null 2>&1
[ $? -eq 2 ] || fail "--at-risk with -p must be a usage error"
"$bin/sla-compute" -d "$db" -c "$contract" --at-risk --at 'gisteren' >/dev/null 2>"$tmp/bad.err"
[ $? -eq 2 ] || fail "a bad --at must be a usage error"
grep -q -- '--at' "$tmp/bad.err" || fail "bad --at message: $(cat "$tmp/bad.err")"

# A database with status events only: nothing runs, nothing is at risk.
"$bin/sla-import" -d "$tmp/ev.db" -c "$contract" --kind events "$data/events.csv" >/dev/null 2>&1 ||
	fail "import events alone"
"$bin/sla-compute" -d "$tmp/ev.db" -c "$contract" --at-risk >"$tmp/ev.out" 2>&1 ||
	fail "events only: exit status"
[ -s "$tmp/ev.out" ] && fail "events only: output $(cat "$tmp/ev.out")"

[ $failed -eq 0 ] || { echo "$failed failure(s)"; exit 1; }
echo "at_risk_cli: ok"
