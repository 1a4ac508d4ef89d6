#!/bin/sh
# End-to-end test of sla-report's command line: --help and --version, usage
# errors (exit 2), bad input (exit 1), system errors (exit 4); the reports of
# the three sample contracts for January-March 2027 and Q1 in every format
# (the demo), with the format from the extension or --format; -o - writes the
# same bytes as a file; text at most 100 columns; JSON that parses; the same
# bytes on a second run; no temporary file left behind; a report with missing
# KPIs is still made and says so.
#
# usage: report_cli.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
R=$bin/sla-report
contracts=$src/samples/contracts
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }
expect() { # code description command...
	want=$1
	what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
}
. "$src/tests/e2e/report_lib.sh"
report_samples "$bin" "$src" "$tmp" || { echo "FAIL: importing the samples"; exit 1; }
db=$tmp/dhs.db
dhs=$contracts/dhs.ini

# --help and --version
expect 0 "--help" "$R" --help
grep -q '^usage: sla-report -d DB -c CONTRACT -p PERIOD -o FILE' "$tmp/out" || fail "--help: no usage line"
grep -q -- '--allow-missing' "$tmp/out" || fail "--help does not list --allow-missing"
expect 0 "--version" "$R" --version
grep -q '^sla-report (slakit) ' "$tmp/out" || fail "--version: $(cat "$tmp/out")"

# Usage errors: exit 2 and a message that points at --help.
expect 2 "no arguments" "$R"
grep -q "Try 'sla-report --help'" "$tmp/err" || fail "usage error without a pointer to --help"
expect 2 "no output" "$R" -d "$db" -c "$dhs" -p 2027-01
expect 2 "unknown format" "$R" -d "$db" -c "$dhs" -p 2027-01 -o - --format pdf
expect 2 "unknown extension" "$R" -d "$db" -c "$dhs" -p 2027-01 -o "$tmp/r.pdf"
expect 2 "xlsx to standard output" "$R" -d "$db" -c "$dhs" -p 2027-01 -o - --format xlsx
expect 2 "unknown language" "$R" -d "$db" -c "$dhs" -p 2027-01 -o - --lang de
expect 2 "bad period" "$R" -d "$db" -c "$dhs" -p 2027-13 -o -
expect 2 "an operand" "$R" -d "$db" -c "$dhs" -p 2027-01 -o - extra
expect 2 "bad --allow-missing" "$R" -d "$db" -c "$dhs" -p 2027-01 -o - --allow-missing maybe
expect 2 "unknown --kpi" "$R" -d "$db" -c "$dhs" -p 2027-01 -o - --kpi nosuch.kpi=1
# A workbook's tickets sheet is written while the rest is gathered; a failure
# in the rest leaves neither the workbook nor its temporary file.
mkdir "$tmp/kpi"
expect 2 "unknown --kpi, xlsx" "$R" -d "$db" -c "$dhs" -p 2027-01 -o "$tmp/kpi/r.xlsx" --kpi nosuch.kpi=1
grep -q "has no KPI 'nosuch.kpi'" "$tmp/err" || fail "unknown --kpi, xlsx: $(cat "$tmp/err")"
[ -z "$(ls -A "$tmp/kpi")" ] || fail "unknown --kpi, xlsx: left $(ls -A "$tmp/kpi")"

# Bad input: exit 1; the system: exit 4. Nothing is written then.
expect 1 "bad contract" "$R" -d "$db" -c "$src/tests/data/contracts/bad_bool.ini" -p 2027-01 -o "$tmp/bad.txt"
[ ! -e "$tmp/bad.txt" ] || fail "bad contract: a report was written"
expect 3 "missing database" "$R" -d "$tmp/nosuch.db" -c "$dhs" -p 2027-01 -o "$tmp/bad.txt"
grep -qx "sla-report: $tmp/nosuch.db: no such database" "$tmp/err" ||
	fail "missing database: $(cat "$tmp/err")"
[ ! -e "$tmp/nosuch.db" ] || fail "missing database: a database was made"
expect 4 "unwritable output" "$R" -d "$db" -c "$dhs" -p 2027-01 -o "$tmp/no/such/dir/r.txt"

# Every sample contract, every month of Q1 and the quarter, every format (the demo).
for c in dhs cloudwise halt; do
	for p in 2027-01 2027-02 2027-03 2027-Q1; do
		for f in xlsx txt csv json; do
			out=$tmp/$c-$p.$f
			expect 0 "$c $p $f" "$R" -d "$tmp/$c.db" -c "$contracts/$c.ini" -p $p -o "$out"
			[ -s "$out" ] || fail "$c $p $f: empty or missing"
		done
		head -1 "$tmp/$c-$p.csv" | grep -qx 'section,key,field,value' || fail "$c $p: CSV header"
		# The text fits 100 columns (characters, not bytes: the text is UTF-8).
		long=$(python3 -c 'import sys
print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$tmp/$c-$p.txt")
		[ "$long" -le 100 ] || fail "$c $p: a text line of $long columns"
		python3 -m json.tool "$tmp/$c-$p.json" >/dev/null || fail "$c $p: JSON does not parse"
		python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).testzip()' "$tmp/$c-$p.xlsx" ||
			fail "$c $p: XLSX is not a zip"
	done
done
ls "$tmp" | grep -q '\.tmp' && fail "temporary files left: $(ls "$tmp" | grep '\.tmp')"

# -o - is the text; --format beats the extension; the same bytes on a second run.
expect 0 "-o -" "$R" -d "$db" -c "$dhs" -p 2027-Q1 -o -
cmp -s "$tmp/out" "$tmp/dhs-2027-Q1.txt" || fail "-o - differs from the .txt file"
expect 0 "--format json -o -" "$R" -d "$db" -c "$dhs" -p 2027-Q1 --format json -o -
cmp -s "$tmp/out" "$tmp/dhs-2027-Q1.json" || fail "--format json -o - differs from the .json file"
expect 0 "--format csv on a .txt name" "$R" -d "$db" -c "$dhs" -p 2027-Q1 --format csv -o "$tmp/as-csv.txt"
cmp -s "$tmp/as-csv.txt" "$tmp/dhs-2027-Q1.csv" || fail "--format csv did not beat the extension"
expect 0 "second xlsx" "$R" -d "$db" -c "$dhs" -p 2027-Q1 -o "$tmp/again.xlsx"
cmp -s "$tmp/again.xlsx" "$tmp/dhs-2027-Q1.xlsx" || fail "a second XLSX run differs in its bytes"

# Dutch by default (the contract's language), English on request.
grep -q '^Servicelevelrapportage 2027-Q1' "$tmp/dhs-2027-Q1.txt" || fail "dhs text is not Dutch"
grep -q '93,8 %\|[0-9],[0-9] %' "$tmp/dhs-2027-Q1.txt" || fail "dhs text has no Dutch percentages"
expect 0 "--lang en" "$R" -d "$db" -c "$dhs" -p 2027-Q1 --lang en -o -
grep -q '^Service level report 2027-Q1' "$tmp/out" || fail "--lang en: not English"
grep -q '[0-9]\.[0-9] %' "$tmp/out" || fail "--lang en: no decimal points"

# The header names the contract's and every input's SHA-256.
sha=$(sha256sum "$dhs" | cut -d' ' -f1)
grep -q "$sha" "$tmp/dhs-2027-Q1.txt" || fail "the contract's SHA-256 is not in the report"
for f in dhs-tickets.csv dhs-calls.csv dhs-kpi.csv; do
	s=$(sha256sum "$src/samples/exports/$f" | cut -d' ' -f1)
	grep -q "$s" "$tmp/dhs-2027-Q1.txt" || fail "the SHA-256 of $f is not in the report"
done
grep -q 'SLR uiterlijk     2027-04-07 17:00' "$tmp/dhs-2027-Q1.txt" ||
	fail "SLR due date: $(grep 'SLR uiterlijk' "$tmp/dhs-2027-Q1.txt")"

# Missing KPIs do not stop a report: January has quarterly KPIs without data.
grep -q '^Ontbrekende gegevens' "$tmp/dhs-2027-01.txt" || fail "dhs January: missing KPIs not reported"
# By name in its domain, not by the ids incident.trend.
grep -q 'Incident- & Probleembeheer: Trendrapportage incidenten' "$tmp/dhs-2027-01.txt" ||
	fail "dhs January: incident.trend not named as missing"
# Said for the client: what is missing and who supplies it, not how to run the tool.
tr '\n' ' ' <"$tmp/dhs-2027-01.txt" | tr -s ' ' >"$tmp/flat"
grep -qF 'Incident- & Probleembeheer: Trendrapportage incidenten (top-3 herhalende issues) (meetperiode 2027-01) ontbreekt: de meting; aan te leveren door de leverancier (Opdrachtnemer (nog te selecteren))' "$tmp/flat" ||
	fail "dhs January: incident.trend does not say what is missing and who supplies it"
grep -qF 'Incident- & Probleembeheer: Root-cause-analyse bij P1-incidenten (meetperiode 2027-01): geen tickets om dit te meten' "$tmp/flat" ||
	fail "dhs January: incident.rca does not say there were no tickets to measure"
grep -qe '--kpi\|sla-import' "$tmp/dhs-2027-01.txt" && fail "dhs January: the client is told how to run the tool"
expect 0 "--allow-missing skip" "$R" -d "$db" -c "$dhs" -p 2027-01 --allow-missing skip -o -
grep -q '^Ontbrekende gegevens' "$tmp/out" && fail "--allow-missing skip: still missing"
grep -q 'KPI.s zonder gegevens weggelaten' "$tmp/out" || fail "--allow-missing skip: not said"

# The annex names, per import, the statuses that stopped the clock and how
# often: dhs-events.csv enters 'Wacht op klant' (the contract's pause_statuses)
# on as many rows as grep counts in the export.
n=$(grep -c ',Wacht op klant$' "$src/samples/exports/dhs-events.csv")
[ "$n" -gt 0 ] || fail "dhs-events.csv has no 'Wacht op klant' row"
grep -A2 '^  2 dhs-events.csv' "$tmp/dhs-2027-Q1.txt" | grep -qF "    statussen die de klok stopten: 'Wacht op klant' (${n}×)" ||
	fail "annex: the pause status of dhs-events.csv: $(grep -A2 '^  2 dhs-events.csv' "$tmp/dhs-2027-Q1.txt")"
grep -A2 '^  1 dhs-tickets.csv' "$tmp/dhs-2027-Q1.txt" | grep -q 'klok stopten' &&
	fail "annex: a pause status listed under dhs-tickets.csv, which has no status history"
expect 0 "CSV to stdout" "$R" -d "$db" -c "$dhs" -p 2027-Q1 --format csv -o -
grep -qxF "import,2,pause_status:Wacht op klant,$n" "$tmp/out" || fail "CSV: no pause_status row for import 2"
expect 0 "JSON to stdout" "$R" -d "$db" -c "$dhs" -p 2027-Q1 --format json -o -
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
got = {i["file"]: i["pause_statuses"] for i in d["imports"]}
sys.exit(got.get("dhs-events.csv") != [{"status": "Wacht op klant", "events": int(sys.argv[2])}]
         or got.get("dhs-tickets.csv") != [])' "$tmp/out" "$n" || fail "JSON: pause_statuses of the imports"

echo "report_cli: $failed failed"
[ "$failed" -eq 0 ]
