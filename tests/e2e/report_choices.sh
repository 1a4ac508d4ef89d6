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
# Debian's openpyxl lives with Debian's python3, which may not be first on PATH.
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	fail "no python3 with openpyxl (Debian: python3-openpyxl; scripts/setup.sh installs it)"
else
	"$py" "$src/tests/e2e/report_xlsx_check.py" print "$tmp/r.xlsx" >"$tmp/chk" 2>&1 ||
		fail "xlsx no longer print-ready: $(head -3 "$tmp/chk")"
fi

# Without the section: no choice anywhere, and JSON's list is empty.
"$bin/sla-report" -d "$tmp/t.db" -c "$tmp/plain.ini" -p 2027-01 -o "$tmp/p.json" 2>/dev/null ||
	fail "plain report"
grep -q '"choices":\[\]' "$tmp/p.json" || fail "plain json: choices not empty"

[ $failed -eq 0 ] || { echo "$failed failure(s)"; exit 1; }
echo "report_choices: ok"
