#!/bin/sh
# End-to-end: the breakdowns on the samples, in text, CSV and JSON.
# De Haagse Scholen's TOPdesk export names its resolver group (Operatorgroep);
# the six tickets of group Servicedesk in 2027-Q1, worked out by hand on the
# werkdag calendar (mon-fri 08:00-17:00):
#   M2701-0004 P3 Thu 07-01 11:28, responded 14:38: 3:10 >= 2h breached; resolved
#              Fri 05:40 (before hours): 5:32 < 16h met
#   M2701-0010 P4 Wed 20-01 07:35 (clock 08:00), responded 17:52: 9:00 >= 8h breached;
#              resolved Sat 23-01: 27:00 < 40h met
#   M2701-0020 P2 Mon 01-02 14:20, responded 14:47: 0:27 < 60m met; resolved 19:11:
#              2:40 < 4h met
#   M2701-0035 P3 Tue 23-02 11:01, responded 15:10: 4:09 breached; resolved 20:50: 5:59 met
#   M2701-0040 P3 Sat 27-02 15:00 (clock Mon 08:00), responded Sat, resolved Sun: 0:00
#              both met
#   M2701-0044 P3 Tue 09-03 12:34, responded 14:51: 2:17 breached; resolved Wed 23:19:
#              4:26 + 9:00 = 13:26 met
# so 6 tickets, response 2/6 (33,3 %), resolution 6/6. Every dimension adds up
# to the priority table (JSON), and a database whose exports name no group
# says so.
#
# usage: report_breakdown.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
. "$2/tests/e2e/report_lib.sh"
report_setup "$@" || exit 1

report_samples "$bin" "$src" "$tmp" || { echo "FAIL: importing the samples"; exit 1; }
dhs=$src/samples/contracts/dhs.ini
for f in txt csv json; do
	"$bin/sla-report" -d "$tmp/dhs.db" -c "$dhs" -p 2027-Q1 -o "$tmp/q1.$f" ||
		fail "sla-report $f exit $?"
done

grep -q '^Naleving per behandelgroep$' "$tmp/q1.txt" || fail "text: no resolver group section"
grep -q '^  Servicedesk  *6  *2/6 33,3 %  *6/6 100,0 %$' "$tmp/q1.txt" ||
	fail "text: Servicedesk is not 6 tickets, 2/6 and 6/6"
grep -q '^breakdown_resolver_group,Servicedesk,tickets,6$' "$tmp/q1.csv" ||
	fail "csv: Servicedesk tickets"
grep -q '^breakdown_resolver_group,Servicedesk,response_within,2$' "$tmp/q1.csv" ||
	fail "csv: Servicedesk response within"
grep -q '^breakdown_resolver_group,Servicedesk,resolution_within,6$' "$tmp/q1.csv" ||
	fail "csv: Servicedesk resolution within"

# JSON: each dimension's tickets and clocks add up to the priority table (all
# types), the backlog to its open column, the resolution mean to its MTTR.
python3 - "$tmp/q1.json" <<'PY' || fail "json: breakdowns do not add up to the priority table"
import json, sys
r = json.load(open(sys.argv[1]))
b = r["breakdown"]
prios = [p for p in r["priorities"] if p["type"] is None]
for k in ("tickets", "response_n", "resolution_n"):
    want = sum(p[k] for p in prios)
    for dim in ("category", "location", "resolver_group"):
        got = sum(x[k] for x in b[dim]["rows"])
        assert got == want, (dim, k, got, want)
assert b["resolver_group"]["recorded"] is True
g = {x["name"]: x for x in b["resolver_group"]["rows"]}["Servicedesk"]
assert (g["tickets"], g["response_within"], g["response_n"], g["resolution_within"]) == (6, 2, 6, 6), g
for p, q in zip(prios, b["priorities"]):
    assert p["priority"] == q["priority"]
    assert p["open"] == q["open"] == sum(q["age"].values()), (p, q)
    assert p.get("mttr_business_seconds") == q["resolution_mean_seconds"], (p, q)
PY

# Only generic exports, without the column: the report says there is no group.
"$bin/sla-import" -d "$tmp/plain.db" -c "$dhs" "$src/samples/exports/dhs-tickets.csv" ||
	fail "import plain"
"$bin/sla-report" -d "$tmp/plain.db" -c "$dhs" -p 2027-Q1 -o "$tmp/plain.txt" || fail "report plain"
grep -q '^  De geïmporteerde exports noemen geen behandelgroep\.$' "$tmp/plain.txt" ||
	fail "text: no note that the exports name no resolver group"
"$bin/sla-report" -d "$tmp/plain.db" -c "$dhs" -p 2027-Q1 --lang en -o "$tmp/plain.en.txt" ||
	fail "report plain en"
grep -q '^  The imported exports name no resolver group\.$' "$tmp/plain.en.txt" ||
	fail "text en: no note that the exports name no resolver group"

echo "report_breakdown: $failed failed"
[ "$failed" -eq 0 ]
