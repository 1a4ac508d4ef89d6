#!/bin/sh
# End-to-end test of the report's history (issue 17): a small database of six
# tickets over January to March 2027 under a contract that starts on
# 2026-11-01, every figure derived by hand below.
#
# Around the clock, P1 response 1h / resolution 4h (norm 90), P2 4h / 1d (norm 80):
#   H1 P1 01-05 10:00, responded 10:30 (0:30 in), resolved 12:00 (2h in)
#   H2 P1 01-06 10:00, responded 12:00 (2h: late), resolved 13:00 (3h in)
#   H3 P2 02-03 09:00, responded 10:00 (1h in),    resolved 02-05 09:00 (48h: late)
#   H4 P1 03-02 08:00, responded 08:20 (in),       resolved 10:00 (2h in)
#   H5 P2 03-03 08:00, responded 09:00 (1h in),    resolved 20:00 (12h in)
#   H6 P2 03-04 08:00, responded 13:00 (5h: late), resolved 18:00 (10h in)
# January:  P1 response 1/2 = 50,0 %, resolution 2/2 = 100,0 %; P2 none
# February: P1 none;  P2 response 1/1 = 100,0 %, resolution 0/1 = 0,0 %
# March:    P1 1/1 = 100,0 % both; P2 response 1/2 = 50,0 %, resolution 2/2
# Domain desk (resolution KPI, norm 100; the manual KPI skipped): its value is
# the share of resolution clocks within: January 2/2, February 0/1, March 3/3,
# so the scores are 100,00, 0,00 and 100,00.
# March 2026 to October 2026 lie before the contract, November and December
# before the first ticket: "—", never 0 %. Quarterly: Q1 2027 P1 response 2/3 =
# 66,7 %, P2 response 2/3 = 66,7 %; the four quarters of 2026 "—".
#
# usage: report_history.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
data=$src/tests/data/history
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

c=$data/contract.ini
db=$tmp/h.db
"$bin/sla-import" -d "$db" -c "$c" "$data/tickets.csv" >/dev/null 2>&1 || fail "import"

"$bin/sla-report" -d "$db" -c "$c" -p 2027-03 -o "$tmp/m.txt" --allow-missing skip 2>/dev/null ||
	fail "monthly text report"
# expect LINE: the text report holds LINE (blanks squeezed).
expect() {
	tr -s ' ' <"$1" | grep -qxF "$2" || fail "$1: no line '$2'"
}
t=$tmp/m.txt
expect "$t" "Historie: de laatste twaalf maanden en deze maand"
expect "$t" " norm 90 % 80 %"
expect "$t" " maart 2026 — —"
expect "$t" " oktober 2026 — —"
expect "$t" " december 2026 — —"
expect "$t" " januari 2027 50,0 % (2) - (0)"
expect "$t" " februari 2027 - (0) 100,0 % (1)"
expect "$t" " maart 2027 100,0 % (1) 50,0 % (2)"
expect "$t" " januari 2027 100,0 % (2) - (0)"
expect "$t" " februari 2027 - (0) 0,0 % (1)"
expect "$t" " maart 2027 100,0 % (1) 100,0 % (2)"
# The scores: a row per domain by its name ([domain.desk] name = Servicedesk), the
# months as columns, seven to a block: 2026-03 .. 2026-09, then 2026-10 .. 2027-03.
expect "$t" " domein 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09"
expect "$t" " Servicedesk — — — — — — —"
expect "$t" " domein 2026-10 2026-11 2026-12 2027-01 2027-02 2027-03"
expect "$t" " Servicedesk — — — 100,00 0,00 100,00"
# In the history (the summary's "vorige" column shows February's 0,0 % too).
[ "$(sed -n '/^Historie/,$p' "$t" | grep -c ' 0,0 %')" = 1 ] ||
	fail "a 0,0 % other than February's P2 resolution"
# The summary's previous period is February, as the history has it.
expect "$t" " P2 Hoog: oplossing 100,0 % ≥ 80,0 % gehaald 0,0 % +100,0"
# Thirteen months in each of the two tables per clock.
[ "$(grep -c '^  [a-z]* 202[67] ' "$t")" -ge 26 ] || fail "not 13 months per table"

# English, quarterly.
"$bin/sla-report" -d "$db" -c "$c" -p 2027-Q1 -o "$tmp/q.txt" --lang en --allow-missing skip \
	2>/dev/null || fail "quarterly report"
expect "$tmp/q.txt" "History: the last four quarters and this quarter"
expect "$tmp/q.txt" " Q4 2026 — —"
expect "$tmp/q.txt" " Q1 2027 66.7 % (3) 66.7 % (3)"

# CSV and JSON: the same figures; a period without data has none at all.
"$bin/sla-report" -d "$db" -c "$c" -p 2027-03 -o "$tmp/m.csv" --allow-missing skip 2>/dev/null ||
	fail "CSV report"
for line in "history,2026-12,data,0" "history,2027-02,data,1" \
	"history_priority,2027-01/P1,response_n,2" "history_priority,2027-01/P1,response_within,1" \
	"history_priority,2027-01/P1,response_pct,50.0" "history_priority,2027-02/P2,resolution_pct,0.0" \
	"history_priority,2027-02/P2,norm,80" "history_domain,2027-02/desk,score,0.00" \
	"history_domain,2027-03/desk,score,100.00"; do
	grep -qxF "$line" "$tmp/m.csv" || fail "CSV: no '$line'"
done
grep -q '^history_priority,2026-' "$tmp/m.csv" && fail "CSV: figures for a period without data"
"$bin/sla-report" -d "$db" -c "$c" -p 2027-03 -o "$tmp/m.json" --allow-missing skip 2>/dev/null ||
	fail "JSON report"
python3 - "$tmp/m.json" <<'PY' || fail "JSON history"
import json, sys
h = json.load(open(sys.argv[1]))["history"]
p = h["periods"]
assert h["kind"] == "month" and len(p) == 13, (h["kind"], len(p))
assert [x["period"] for x in p][0] == "2026-03" and p[-1]["period"] == "2027-03"
assert not any(x["data"] for x in p[:10]) and "priorities" not in p[9]
jan = p[10]["priorities"][0]
assert (jan["response_n"], jan["response_within"], jan["response_pct"]) == (2, 1, 50.0), jan
assert p[11]["domains"][0]["score"] == 0 and p[12]["domains"][0]["score"] == 100
PY

# XLSX: a history sheet that prints like the others.
"$bin/sla-report" -d "$db" -c "$c" -p 2027-03 -o "$tmp/m.xlsx" --allow-missing skip 2>/dev/null ||
	fail "XLSX report"
py=python3
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && py=/usr/bin/python3
"$py" "$src/tests/e2e/report_xlsx_check.py" print "$tmp/m.xlsx" >/dev/null || fail "XLSX print check"
"$py" - "$tmp/m.xlsx" <<'PY' || fail "XLSX history sheet"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Historie"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
head = next(i for i, r in enumerate(rows) if r[0] == "maand")
assert rows[head][1:6] == ["P1", "P2", "n P1", "n P2", "norm P1"], rows[head]
jan = rows[head + 11]
assert jan[0] == "januari 2027" and jan[1] == 0.5 and jan[3] == 2 and jan[4] == 0, jan
assert rows[head + 1][1] == "\u2014", rows[head + 1]
assert len(ws._charts) == 3, len(ws._charts)
# The score table in points, as every other sheet has them (the desk: February 0, March 100).
heads = [i for i, r in enumerate(rows) if r[0] == "maand"]
scores = {r[0]: r[1] for r in rows[heads[2] + 1:heads[2] + 14]}
assert scores["februari 2027"] == 0 and scores["maart 2027"] == 100, scores
PY
# Three months with data: lines over the months, no n labels (the lines meet at 100 % and
# their labels printed on top of each other; the table has the n).
"$py" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
charts = [z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
hist = [c for c in charts if "januari 2027" in c and "binnen norm per prioriteit" in c]
sys.exit(len(hist) != 2 or any("<c:dLbls>" in c for c in hist))' "$tmp/m.xlsx" ||
	fail "XLSX: the monthly history charts carry n labels"
# The quarter is the first with data, a single point: each priority's norm under the table
# (P1 90 %, P2 80 %), and the chart runs over the priorities: a point per priority labelled
# with its n (Q1 2027: P1 3 responses, P2 3), the norm a line across P1 and P2.
"$bin/sla-report" -d "$db" -c "$c" -p 2027-Q1 -o "$tmp/q.xlsx" --allow-missing skip 2>/dev/null ||
	fail "XLSX quarterly report"
"$py" "$src/tests/e2e/report_xlsx_check.py" print "$tmp/q.xlsx" >/dev/null || fail "XLSX Q1 print check"
"$py" - "$tmp/q.xlsx" <<'PY' || fail "XLSX Q1 history: one period's chart"
import re, sys, zipfile, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Historie"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
head = next(i for i, r in enumerate(rows) if r[0] == "Periode")
assert rows[head + 5][0] == "1e kwartaal 2027" and rows[head + 5][3:5] == [3, 3], rows[head + 5]
assert rows[head + 6][:3] == ["norm", 0.9, 0.8], rows[head + 6]
z = zipfile.ZipFile(sys.argv[1])
chart = next(z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")
             and "Reactie binnen norm, % (aantal tickets)" in z.read(n).decode())
sers = re.findall(r"<c:ser>(.*?)</c:ser>", chart)
names = [re.search(r"<c:tx><c:v>(.*?)</c:v>", x).group(1) for x in sers]
assert names == ["norm", "1e kwartaal 2027"], names
for x in sers:
    assert re.findall(r"<c:cat>.*?<c:v>(.*?)</c:v>.*?<c:v>(.*?)</c:v>", x) == [("P1", "P2")], x
assert "n=3" in sers[1] and "<c:dLbls>" not in sers[0], sers
PY
# On the samples: each month of March's history, and each quarter of a quarterly
# history, is what that period's own report says (the history computes its
# periods in one pass over the tickets: the same clocks, the same scores).
for k in dhs cloudwise halt; do
	kdb=$tmp/$k.db
	for f in "$src/samples/exports/$k"-*.csv; do
		case $f in
		*topdesk*) prof=topdesk ;; *servicenow*) prof=servicenow ;; *jira*) prof=jira ;;
		*zendesk*) prof=zendesk ;; *) prof=generic ;;
		esac
		"$bin/sla-import" -d "$kdb" -c "$src/samples/contracts/$k.ini" -P "$prof" "$f" \
			>/dev/null 2>&1 || fail "$k: import $f"
	done
	# September's history takes two passes (six months each): February in the first,
	# July and August in the second.
	for set in "2027-03 2027-01 2027-02" "2027-09 2027-02 2027-07 2027-08" "2027-Q2 2027-Q1"; do
		# shellcheck disable=SC2086
		set -- $set
		per=$1
		shift
		"$bin/sla-report" -d "$kdb" -c "$src/samples/contracts/$k.ini" -p "$per" -o "$tmp/h.csv" \
			--allow-missing skip --allow-empty 2>/dev/null || fail "$k $per: report"
		for m in "$@"; do
			"$bin/sla-report" -d "$kdb" -c "$src/samples/contracts/$k.ini" -p "$m" -o "$tmp/p.csv" \
				--allow-missing skip --allow-empty 2>/dev/null || fail "$k $m: report"
			for f in response_n response_within resolution_n resolution_within; do
				grep "^priority,[^/,]*,$f," "$tmp/p.csv" | sed 's/^priority,//' | sort >"$tmp/a"
				grep "^history_priority,$m/[^,]*,$f," "$tmp/h.csv" |
					sed "s|^history_priority,$m/||" | sort >"$tmp/b"
				[ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" ||
					fail "$k: $m's $f in $per's history: $(diff "$tmp/a" "$tmp/b" | head -3)"
			done
			grep "^domain,[^,]*,score," "$tmp/p.csv" | sed 's/^domain,//; s/,score,/,/' | sort >"$tmp/a"
			grep "^history_domain,$m/[^,]*,score,." "$tmp/h.csv" |
				sed "s|^history_domain,$m/||; s/,score,/,/" | sort >"$tmp/b"
			cmp -s "$tmp/a" "$tmp/b" || fail "$k: $m's scores in $per's history: $(diff "$tmp/a" "$tmp/b" | head -3)"
		done
	done
done
[ $failed -eq 0 ] || exit 1
echo "report_history: ok"
