#!/bin/sh
# A reading chosen between clauses ([choice.ID], slakit-contract(5)) is printed
# with the decisions applied in every report format: text (nl and en words),
# CSV, JSON and XLSX, with its clauses, reading and seed reference; a report
# of the contract without the section prints none.
#
# usage: report_choices.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
bin=$1
src=$2
data=$src/tests/data/compute
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }
. "$src/tests/e2e/report_lib.sh"

cp "$data/contract.ini" "$tmp/plain.ini"
cp "$data/contract.ini" "$tmp/c.ini"
cat >>"$tmp/c.ini" <<'INI'

[choice.p3-days]
clause = §3 zegt binnen 3 werkdagen,
  bijlage B zegt 4 werkdagen
reading = 3 werkdagen (de strengere)
seed = §3 en bijlage B
INI
"$bin/sla-import" -d "$tmp/t.db" -c "$tmp/c.ini" "$data/tickets.csv" >/dev/null || fail "import"
for f in txt csv json xlsx; do
	"$bin/sla-report" -d "$tmp/t.db" -c "$tmp/c.ini" -p 2027-01 -o "$tmp/r.$f" 2>"$tmp/err" ||
		fail "report $f: $(cat "$tmp/err")"
done
"$bin/sla-report" -d "$tmp/t.db" -c "$tmp/c.ini" -p 2027-01 --lang nl -o "$tmp/nl.txt" 2>/dev/null ||
	fail "report nl"

grep -q '^  Choice p3-days (source: §3 en bijlage B)$' "$tmp/r.txt" || fail "text: choice heading"
grep -q '^    clauses: §3 zegt binnen 3 werkdagen, bijlage B zegt 4 werkdagen$' "$tmp/r.txt" ||
	fail "text: clauses"
grep -q '^    reading applied: 3 werkdagen (de strengere)$' "$tmp/r.txt" || fail "text: reading"
grep -q '^  Keuze p3-days (bron: §3 en bijlage B)$' "$tmp/nl.txt" || fail "text nl: heading"
grep -q '^    gekozen lezing: 3 werkdagen (de strengere)$' "$tmp/nl.txt" || fail "text nl: reading"

grep -qx 'choice,p3-days,clause,"§3 zegt binnen 3 werkdagen, bijlage B zegt 4 werkdagen"' "$tmp/r.csv" ||
	fail "csv: clause"
grep -qx 'choice,p3-days,reading,3 werkdagen (de strengere)' "$tmp/r.csv" || fail "csv: reading"
grep -qx 'choice,p3-days,seed,§3 en bijlage B' "$tmp/r.csv" || fail "csv: seed"

python3 - "$tmp/r.json" "$tmp/r.xlsx" <<'PY' || fail "json or xlsx"
import json, sys, zipfile
j = json.load(open(sys.argv[1], encoding="utf-8"))
assert j["decisions"]["choices"] == [{
    "id": "p3-days", "clause": "§3 zegt binnen 3 werkdagen, bijlage B zegt 4 werkdagen",
    "reading": "3 werkdagen (de strengere)", "seed": "§3 en bijlage B"}], j["decisions"]
z = zipfile.ZipFile(sys.argv[2])
sheets = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/"))
for want in ("Choice p3-days", "source: §3 en bijlage B",
             "clauses: §3 zegt binnen 3 werkdagen, bijlage B zegt 4 werkdagen",
             "reading applied: 3 werkdagen (de strengere)"):
    assert want in sheets, want
PY
py=$(report_python)
if [ -z "$py" ]; then
	fail "no python3 with openpyxl (Debian: python3-openpyxl; scripts/setup.sh installs it)"
else
	"$py" "$src/tests/e2e/report_xlsx_check.py" print "$tmp/r.xlsx" >"$tmp/chk" 2>&1 ||
		fail "xlsx no longer print-ready: $(head -3 "$tmp/chk")"
fi

# A formula chosen by a key: `score = success` for a lower-is-better share.
# 10.2 % failed against a norm of 3 %: (100 - 10.2) / (100 - 3) = 89.8 / 97 =
# 0.92577... -> 92.6 % of norm; the default inverse reading, 3 / 10.2 =
# 0.29411... -> 29.4 %. sla-score, the SLR's text and its workbook's formulas agree.
cat >>"$tmp/c.ini" <<'INI'

[domain.change]
invoice = 1000.00

[kpi.change.failed]
source = manual
direction = lower
score = success
norm = 3
weight = 100
frequency = monthly

[staffel]
step = 95 0
step = 0 1
INI
sed 's/^score = success$/score = inverse/' "$tmp/c.ini" >"$tmp/inv.ini"
"$bin/sla-score" -d "$tmp/t.db" -c "$tmp/c.ini" -p 2027-01 --kpi change.failed=10.2 --format json \
	>"$tmp/s.json" 2>/dev/null
"$bin/sla-score" -d "$tmp/t.db" -c "$tmp/inv.ini" -p 2027-01 --kpi change.failed=10.2 --format json \
	>"$tmp/inv.json" 2>/dev/null
tr -d '\n' <"$tmp/s.json" | grep -q '"id":"failed",[^}]*"pct_of_norm":92.6,"capped":false,"score_rule":"success"' ||
	fail "sla-score success: $(cat "$tmp/s.json")"
tr -d '\n' <"$tmp/inv.json" | grep -q '"id":"failed",[^}]*"pct_of_norm":29.4,"capped":false,"score_rule":"inverse"' ||
	fail "sla-score inverse: $(cat "$tmp/inv.json")"
"$bin/sla-report" -d "$tmp/t.db" -c "$tmp/c.ini" -p 2027-01 --kpi change.failed=10.2 -o "$tmp/k.txt" ||
	fail "report with the KPI"
grep -q 'failed .*92.6' "$tmp/k.txt" || fail "report text: no 92.6 for failed: $(grep failed "$tmp/k.txt")"
"$bin/sla-report" -d "$tmp/t.db" -c "$tmp/c.ini" -p 2027-01 --kpi change.failed=10.2 -o "$tmp/k.xlsx" ||
	fail "workbook with the KPI"
# The workbook's % of norm is a live formula: (1 - measured) / (1 - norm) on its cells.
python3 - "$tmp/k.xlsx" <<'PY' || fail "workbook formula for score = success"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in z.namelist():
    if not name.startswith("xl/worksheets/sheet"):
        continue
    xml = z.read(name).decode("utf-8")
    m = re.search(r'<f>MIN\(1,ROUND\(MAX\(0,1-([A-Z]+[0-9]+)\)/\(1-([A-Z]+[0-9]+)\),3\)\)</f><v>([^<]*)</v>', xml)
    if not m:
        continue
    def value(ref):
        return float(re.search(r'<c r="%s"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>' % ref, xml).group(1))
    measured, norm, cached = value(m.group(1)), value(m.group(2)), float(m.group(3))
    assert abs(measured - 0.102) < 1e-12 and abs(norm - 0.03) < 1e-12, (measured, norm)
    assert cached == 0.926 and round((1 - measured) / (1 - norm), 3) == cached, cached
    break
else:
    raise SystemExit("no success formula in the workbook")
PY

# Without the section: no choice anywhere, and JSON's list is empty.
"$bin/sla-report" -d "$tmp/t.db" -c "$tmp/plain.ini" -p 2027-01 -o "$tmp/p.json" 2>/dev/null ||
	fail "plain report"
grep -q '"choices":\[\]' "$tmp/p.json" || fail "plain json: choices not empty"

[ $failed -eq 0 ] || { echo "$failed failure(s)"; exit 1; }
echo "report_choices: ok"
