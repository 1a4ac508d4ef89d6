#!/bin/sh
# End-to-end test of the XLSX report with an independent reader (openpyxl,
# Debian's python3-openpyxl): every formula recalculates to its cached value;
# domain scores, malus, KPI cells equal sla-score's JSON; the tickets sheet
# equals sla-compute's CSV; figures are numbers with number formats; two runs
# give the same cells and properties; every part is deflated at the fastest
# level; every part of the zip is XML; the checker fails on a wrong figure; a
# ticket titled =HYPERLINK("x") stays a string (also in the CSV report); ticket
# text with control characters (VT, ESC in a category, which a chart's cached
# categories carry) leaves every part XML, escaped visibly (\x0b); a period of
# more than 4,096 verdicts (the tickets sheet is then written while they are
# computed) checks the same; every sheet prints landscape A4, one page wide,
# with print titles, a print area and page x of y, and no chart covers a table
# or is cut by a page break (a misprinted copy fails the checker); the tickets
# sheet prints its key columns readably, its status the ticket's state in the
# report's words.
#
# usage: report_xlsx.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
R=$bin/sla-report
contracts=$src/samples/contracts
check=$src/tests/e2e/report_xlsx_check.py
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }

. "$src/tests/e2e/report_lib.sh"
py=$(report_python)
if [ -z "$py" ]; then
	echo "FAIL: no python3 with openpyxl (Debian: python3-openpyxl; scripts/setup.sh installs it)"
	exit 1
fi

report_samples "$bin" "$src" "$tmp" || { echo "FAIL: importing the samples"; exit 1; }

for c in dhs cloudwise halt; do
	for p in 2027-01 2027-Q1; do
		x=$tmp/$c-$p.xlsx
		"$R" -d "$tmp/$c.db" -c "$contracts/$c.ini" -p $p -o "$x" || fail "$c $p: sla-report exit $?"
		# sla-score exits 3 when KPIs have no data; its JSON is complete all the same.
		"$bin/sla-score" -d "$tmp/$c.db" -c "$contracts/$c.ini" -p $p --format json >"$tmp/score.json" 2>/dev/null
		[ $? -le 3 ] || fail "$c $p: sla-score failed"
		"$bin/sla-compute" -d "$tmp/$c.db" -c "$contracts/$c.ini" -p $p --format csv --no-store \
			>"$tmp/compute.csv" || fail "$c $p: sla-compute exit $?"
		"$py" "$check" check "$x" "$tmp/score.json" "$tmp/compute.csv" || fail "$c $p: workbook check"
	done
done

# The suppliers' sheet (a sixth, in a contract with suppliers) prints like the others.
"$bin/sla-import" -d "$tmp/heutink.db" -c "$contracts/heutink.ini" -P topdesk \
	"$src/samples/exports/heutink-topdesk-tickets.csv" >/dev/null &&
	"$bin/sla-import" -d "$tmp/heutink.db" -c "$contracts/heutink.ini" \
		"$src/samples/exports/heutink-events.csv" "$src/samples/exports/heutink-handovers.csv" \
		>/dev/null || fail "heutink: import"
"$R" -d "$tmp/heutink.db" -c "$contracts/heutink.ini" -p 2027-Q1 -o "$tmp/heutink.xlsx" ||
	fail "heutink: sla-report exit $?"
"$py" "$check" print "$tmp/heutink.xlsx" || fail "heutink: the suppliers' sheet is not print-ready"
# Its hand-overs name a contract's supplier as the contract does ([supplier.internet] name =
# Glasvezel Noord (voorbeeld)), as the table above them; one it does not know as imported
# (H27-006, Microsoft).
"$py" - "$tmp/heutink.xlsx" <<'PY' || fail "heutink: hand-overs name suppliers by their ids"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Leveranciers"]
rows = [[c.value for c in r[:3]] for r in ws.iter_rows()]
head = rows.index(["melding", "leverancier", "referentie"])
names = {}
for r in rows[head + 1:]:
    if not r[0]:
        break
    names.setdefault(r[1], []).append(r[0])
assert set(names) == {"Glasvezel Noord (voorbeeld)", "Print & Copy Service (voorbeeld)",
                      "Digibord Partners (voorbeeld)", "Microsoft"}, sorted(names)
assert names["Microsoft"] == ["H27-006"] and "H27-001" in names["Glasvezel Noord (voorbeeld)"], names
PY

# The checker is not a rubber stamp: a score one point off must fail it.
"$bin/sla-score" -d "$tmp/dhs.db" -c "$contracts/dhs.ini" -p 2027-Q1 --format json >"$tmp/score.json" 2>/dev/null
sed 's/"score":\([0-9]*\)\./"score":1\1./' "$tmp/score.json" >"$tmp/wrong.json"
cmp -s "$tmp/score.json" "$tmp/wrong.json" && fail "could not make a wrong score file"
"$bin/sla-compute" -d "$tmp/dhs.db" -c "$contracts/dhs.ini" -p 2027-Q1 --format csv --no-store >"$tmp/compute.csv"
"$py" "$check" check "$tmp/dhs-2027-Q1.xlsx" "$tmp/wrong.json" "$tmp/compute.csv" >"$tmp/neg" 2>&1 &&
	fail "the checker accepted a wrong domain score"
grep -q 'FAIL .*score' "$tmp/neg" || fail "the checker did not name the wrong score"

# Nor for printing: a sheet turned to portrait, a summary allowed more than one page, another
# sheet squeezed onto one, a chart moved onto the tables, or the tickets sheet printing all
# its columns (at about a fifth of their size), fails it.
"$py" - "$tmp/dhs-2027-Q1.xlsx" "$tmp/misprint.xlsx" <<'PY'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as o:
    for i in z.infolist():
        data = z.read(i.filename)
        if i.filename == "xl/worksheets/sheet1.xml":
            data = data.replace(b'orientation="landscape"', b'orientation="portrait"')
            data = data.replace(b'<pageSetup paperSize="9"', b'<pageSetup paperSize="9" fitToHeight="0"')
        if i.filename == "xl/worksheets/sheet2.xml":
            data = data.replace(b'fitToHeight="0"', b'fitToHeight="1"')
        if i.filename == "xl/workbook.xml":
            # The tickets sheet printing every column again, unreadably small.
            data = re.sub(rb"(Tickets!\$A\$1:\$)[A-Z]+(\$\d+)", rb"\1AZ\2", data)
        if i.filename == "xl/drawings/drawing1.xml":
            data = re.sub(rb"<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\d+</xdr:row>",
                          b"<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row>",
                          data, count=1)
        o.writestr(i, data)
PY
"$py" "$check" check "$tmp/misprint.xlsx" "$tmp/score.json" "$tmp/compute.csv" >"$tmp/neg" 2>&1 &&
	fail "the checker accepted a misprinted workbook"
grep -q 'FAIL .*does not print landscape' "$tmp/neg" || fail "the checker did not name the portrait sheet"
grep -q 'FAIL .*sheet Overzicht is not fitted' "$tmp/neg" || fail "the checker did not name a sheet squeezed onto one page"
grep -q 'FAIL .*sheet Samenvatting is not fitted .*one page tall' "$tmp/neg" ||
	fail "the checker did not name a summary that may print on more than one page"
grep -q 'FAIL .*a chart on .* covers cell' "$tmp/neg" || fail "the checker did not name the chart on a table"
grep -q 'FAIL .*the tickets sheet prints all its [0-9]* columns' "$tmp/neg" ||
	fail "the checker did not name a tickets sheet printing all its columns"
grep -q 'FAIL .*the tickets sheet.s [0-9]* printed columns .* below 55 %' "$tmp/neg" ||
	fail "the checker did not name a tickets printout too small to read"

# Nor for alignment and cut text (issue 17): a header left-aligned over its figures, a '—'
# left-aligned and a previous score left empty on the summary, a heading date-time right-
# aligned, a long line past the printed edge, a title column empty in every row, the note
# on the pending clocks missing: each named (openpyxl rewrites the file: its charts go, and
# the checker says so too).
"$py" - "$tmp/dhs-2027-Q1.xlsx" "$tmp/misaligned.xlsx" <<'PY'
import sys, openpyxl
from openpyxl.styles import Alignment
wb = openpyxl.load_workbook(sys.argv[1])
ov, su, pr = wb["Overzicht"], wb["Samenvatting"], wb["Prioriteiten"]
for row in ov.iter_rows():
    for c in row:
        if c.value == "gemeten":
            c.alignment = Alignment(horizontal="left")
        if c.value == "CAB-goedgekeurd" and c.row > 1 and ov.cell(c.row, 1).value == "ticket":
            ov.cell(c.row, 2).value = "titel"
            r = c.row + 1
            while ov.cell(r, 1).value is not None:
                ov.cell(r, 2).value = None
                r += 1
ov["A1"].value = "x " * 300
dash = [c for row in su.iter_rows() for c in row if c.value == "\u2014"]
dash[-1].alignment = Alignment(horizontal="left")
head = [c for c in su["A"] if c.value == "domein"][0].row
su.cell(head + 1, 8).value = None
for c in su["A"]:
    if c.value == "SLR uiterlijk":
        su.cell(c.row, 2).alignment = Alignment(horizontal="right")
for c in pr["A"]:
    if isinstance(c.value, str) and c.value.startswith("lopende klokken: "):
        c.value = None
wb.save(sys.argv[2])
PY
"$py" "$check" check "$tmp/misaligned.xlsx" "$tmp/score.json" "$tmp/compute.csv" >"$tmp/neg" 2>&1 &&
	fail "the checker accepted a misaligned workbook"
grep -q "FAIL .*Overzicht!D[0-9]*: header 'gemeten' is not right-aligned" "$tmp/neg" ||
	fail "the checker did not name a header left of its figures"
grep -q "FAIL .*summary!.*a '—' under a right-aligned header is not right-aligned" "$tmp/neg" ||
	fail "the checker did not name a '—' away from its column's figures"
grep -q "FAIL .*summary!H[0-9]*: vorige left empty" "$tmp/neg" ||
	fail "the checker did not name an empty previous score"
grep -q "FAIL .*summary!B[0-9]* (SLR uiterlijk) is not left-aligned" "$tmp/neg" ||
	fail "the checker did not name a heading date-time aligned apart"
grep -q "FAIL .*Overzicht!A1 (600 characters) runs past the printed width" "$tmp/neg" ||
	fail "the checker did not name text past the printed edge"
grep -q "FAIL .*Overzicht!B[0-9]*: column 'titel' is empty in every row" "$tmp/neg" ||
	fail "the checker did not name an empty title column"
grep -q "FAIL .*Prioriteiten!Q2: no note under the table says what 'lopende klokken' counts" "$tmp/neg" ||
	fail "the checker did not name the missing note on the pending clocks"

# A client whose name holds header codes ("&G" asks for a picture, libxlsxwriter then
# refuses the header) prints under its own name on every sheet.
sed 's/^customer *=.*/customer = Bakker \&G \& Zn [\&Picture]/' "$contracts/halt.ini" >"$tmp/amp.ini"
"$R" -d "$tmp/halt.db" -c "$tmp/amp.ini" -p 2027-01 -o "$tmp/amp.xlsx" 2>"$tmp/err" ||
	fail "a client named with '&G': sla-report exit $? $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "a client named with '&G': $(cat "$tmp/err")"
"$py" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
heads = [z.read(n).decode() for n in names]
sys.exit(len(names) != 12 or not all("Bakker \uff06G &amp;&amp; Zn" in h for h in heads))' "$tmp/amp.xlsx" ||
	fail "a client named with '&G' is not in every sheet's header"
# A plain '&' prints as itself ("&&" in a footer; the fullwidth one shows as a box).
"$py" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
foot = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
sys.exit(not any("Domeinen &amp;&amp; malus" in f for f in foot) or any("\uff06 malus" in f for f in foot))' "$tmp/amp.xlsx" ||
	fail "the domains sheet's footer does not print 'Domeinen & malus'"

# Determinism: two runs give the same cells, formats and properties.
"$R" -d "$tmp/dhs.db" -c "$contracts/dhs.ini" -p 2027-Q1 -o "$tmp/again.xlsx"
"$py" "$check" dump "$tmp/dhs-2027-Q1.xlsx" >"$tmp/dump1" || fail "dump 1"
"$py" "$check" dump "$tmp/again.xlsx" >"$tmp/dump2" || fail "dump 2"
cmp -s "$tmp/dump1" "$tmp/dump2" || { fail "two runs differ"; diff "$tmp/dump1" "$tmp/dump2" | head; }
grep -q '^properties .* 2027-04-01 06:' "$tmp/dump1" ||
	fail "creation time is not the latest import: $(head -1 "$tmp/dump1")"

# The workbook's words: the result against the staffel, the step applied, targets with
# their comparison, no machine words (flag names, --kpi, "calendar", a note on the XLSX).
for want in "'Domeinscore 79,63 < 80,00 → 2 % malus en escalatie'" "'← toegepast'" "'telefoon'" \
	"'klacht 4: zonder klok die in deze periode meetelt (nog lopend of zonder norm)'" \
	"\"< \"[h]:mm"; do
	grep -qF -- "$want" "$tmp/dump1" || fail "workbook: no $want"
done
# (The audit annex, the last sheet, names seeds, files and keys on purpose.)
grep -v '^Verantwoording ' "$tmp/dump1" >"$tmp/client1"
for old in matrix-mismatch wrong-channel --kpi klokuren "'calendar'" "'profile'" "'phone'" "§"; do
	grep -qF -- "$old" "$tmp/client1" && fail "workbook: still $old"
done

# A long explanation on the domains sheet wraps within its column, its row made tall for it,
# so it prints on the page (it ran past the page's right edge).
"$py" -c 'import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Domeinen & malus"]
long = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and len(c.value) > 70
        and c.column > 10]
bad = [c.coordinate for c in long if not (c.alignment.wrap_text and
       (ws.row_dimensions[c.row].height or 0) >= 30)]
sys.exit(not long or bool(bad))' "$tmp/dhs-2027-Q1.xlsx" ||
	fail "a long explanation on the domains sheet does not wrap within the page"

# English sheet names on request.
"$R" -d "$tmp/halt.db" -c "$contracts/halt.ini" -p 2027-01 --lang en -o "$tmp/en.xlsx"
"$py" -c 'import sys, openpyxl
names = openpyxl.load_workbook(sys.argv[1]).sheetnames
sys.exit(names != ["Summary", "Overview", "Priorities", "Domains & penalties", "Tickets", "Trend",
                  "History", "Onsite", "Status updates", "Deviations",
                  "Breakdowns", "Audit trail"])' "$tmp/en.xlsx" ||
	fail "English sheet names"
"$py" "$check" print "$tmp/en.xlsx" || fail "halt: the onsite sheet is not print-ready"

# Column heads in the client's words: a ticket's priority is "prioriteit" (the sheet is
# "Prioriteiten"), the priority by the matrix "volgens matrix"; on the domains sheet the
# operator stands before its norm (≥ 80,0 %) and only beside a norm; the malus rows are
# "malus %" and "malus €" (English "penalty %", "penalty EUR", never "malus").
"$R" -d "$tmp/dhs.db" -c "$contracts/dhs.ini" -p 2027-Q1 --lang en -o "$tmp/dhs-en.xlsx"
"$py" - "$tmp/dhs-2027-Q1.xlsx" "$tmp/dhs-en.xlsx" <<'PY' || fail "workbook heads: priority, matrix, operator, malus"
import sys, openpyxl
words = {"nl": ("prioriteit", "volgens matrix", "malus %", "malus €", "Prioriteiten"),
         "en": ("priority", "per matrix", "penalty %", "penalty EUR", "Priorities")}
for path, lang in zip(sys.argv[1:], ("nl", "en")):
    prio, matrix, pct, eur, sheetname = words[lang]
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[2]
    assert ws.title == sheetname and ws["A2"].value == prio, (ws.title, ws["A2"].value)
    heads = [r for r in ws.iter_rows() if r[0].value == "ticket" and r[1].value == prio]
    assert len(heads) == 2 and heads[0][2].value == matrix, [[c.value for c in r[:3]] for r in heads]
    cells = [c for r in ws.iter_rows(min_row=2) for c in r]
    assert not [c.coordinate for c in cells if c.value == sheetname], "a column headed " + sheetname
    dom = wb.worksheets[3]
    kpis = [r for r in dom.iter_rows() if r[5].value in ("≥", "≤")]
    assert kpis and all(isinstance(r[6].value, (int, float)) for r in kpis), \
        [[c.value for c in r[4:8]] for r in kpis if not isinstance(r[6].value, (int, float))]
    labels = [r[0].value for r in dom.iter_rows() if isinstance(r[0].value, str)]
    # One pair for each of dhs's five scored domains.
    assert labels.count(pct) == labels.count(eur) == 5, (labels.count(pct), labels.count(eur))
    assert not [l for l in labels if l.lower().startswith(("malus", "staffel"))] if lang == "en" \
        else "Malus" not in labels, [l for l in labels if "alus" in l]
PY

# The tickets sheet's status: the ticket's state at January's end in the report's words,
# the export's status in the last column (states-tickets.csv, P3, all reported 2027-01-05):
#   ST-1 no resolution                          -> open
#   ST-2 no resolution, a pause from 01-20 on   -> in de wacht
#   ST-3 resolved 01-06, status "solved"        -> opgelost (resolved 2027-01-06 10:00)
#   ST-4 resolved 01-06, closed 01-08           -> gesloten
#   ST-5 resolved 02-03, closed 02-05 (export: "Gesloten")  -> open at January's end;
#        its title of 69 characters wraps onto two lines of the printed 40-wide column.
"$bin/sla-import" -d "$tmp/states.db" -c "$contracts/dhs.ini" "$src/tests/data/report/states-tickets.csv" \
	"$src/tests/data/report/states-pauses.csv" >/dev/null || fail "importing states-tickets.csv"
for lang in nl en; do
	"$R" -d "$tmp/states.db" -c "$contracts/dhs.ini" -p 2027-01 --lang $lang --allow-missing skip \
		-o "$tmp/states-$lang.xlsx" 2>/dev/null || fail "states $lang: sla-report exit $?"
done
"$py" - "$tmp/states-nl.xlsx" "$tmp/states-en.xlsx" <<'PY' || fail "the tickets sheet's status is not the ticket's state"
import sys, datetime, openpyxl
want = {"nl": ["open", "in de wacht", "opgelost", "gesloten", "open"],
        "en": ["open", "on hold", "resolved", "closed", "open"]}
export = ["In behandeling", "Wacht op klant", "solved", "Gesloten", "Gesloten"]
for path, lang in zip(sys.argv[1:], ("nl", "en")):
    ws = openpyxl.load_workbook(path)["Tickets"]
    head = [c.value for c in ws[1]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == ["ST-1", "ST-2", "ST-3", "ST-4", "ST-5"], rows
    assert head[4] == "status" and [r[4] for r in rows] == want[lang], (lang, [r[4] for r in rows])
    assert head[-1] == ("status in de export" if lang == "nl" else "status in the export"), head
    assert [r[-1] for r in rows] == export, [r[-1] for r in rows]
    assert rows[2][6] == datetime.datetime(2027, 1, 6, 10, 0) and rows[4][6] is None, rows
    assert ws["B6"].alignment.wrap_text and ws.row_dimensions[6].height == 30, ws.row_dimensions[6].height
    assert not ws["B5"].alignment.wrap_text and ws.row_dimensions[5].height is None
PY

# Ticket text that looks like a formula stays text: XLSX and CSV.
"$bin/sla-import" -d "$tmp/inject.db" -c "$contracts/dhs.ini" "$src/tests/data/report/inject-tickets.csv" ||
	fail "importing inject-tickets.csv"
"$R" -d "$tmp/inject.db" -c "$contracts/dhs.ini" -p 2027-01 -o "$tmp/inject.xlsx" || fail "inject report"
"$py" "$check" string "$tmp/inject.xlsx" '=HYPERLINK("x")' || fail '=HYPERLINK("x") became a formula'
"$py" "$check" string "$tmp/inject.xlsx" "-cmd|' /C calc'!A0" || fail "-cmd|... became a formula"
"$py" "$check" string "$tmp/inject.xlsx" '+31 70 123' || fail "+31 70 123 became a formula"
"$R" -d "$tmp/inject.db" -c "$contracts/dhs.ini" -p 2027-01 -o "$tmp/inject.csv" || fail "inject csv"
grep -q '"'"'"'=HYPERLINK(""x"")"' "$tmp/inject.csv" || fail "CSV: =HYPERLINK not quoted with an apostrophe"
grep -q '^[^"]*,=' "$tmp/inject.csv" && fail "CSV: a field starts with ="

# Control characters in ticket text: escaped in cells, charts and all (a raw VT or ESC
# made xl/charts/chart3.xml no XML, exit 0 all the same).
ctl=$src/tests/data/report/control-tickets.csv
"$bin/sla-import" -d "$tmp/ctl.db" -c "$contracts/dhs.ini" "$ctl" || fail "importing control-tickets.csv"
"$R" -d "$tmp/ctl.db" -c "$contracts/dhs.ini" -p 2027-01 --allow-missing skip -o "$tmp/ctl.xlsx" ||
	fail "control characters: sla-report exit $?"
"$py" "$check" xml "$tmp/ctl.xlsx" || fail "control characters: a part is not XML"
"$bin/sla-score" -d "$tmp/ctl.db" -c "$contracts/dhs.ini" -p 2027-01 --format json \
	--allow-missing skip >"$tmp/score.json" 2>/dev/null
"$bin/sla-compute" -d "$tmp/ctl.db" -c "$contracts/dhs.ini" -p 2027-01 --format csv --no-store \
	>"$tmp/compute.csv" || fail "control characters: sla-compute exit $?"
# The ticket ids differ from sla-compute's as the workbook shows them escaped (CTL-2\x1b[2J).
sed "s/$(printf '\033')/\\\\x1b/" "$tmp/compute.csv" >"$tmp/compute-shown.csv"
"$py" "$check" check "$tmp/ctl.xlsx" "$tmp/score.json" "$tmp/compute-shown.csv" ||
	fail "control characters: workbook check"
"$py" "$check" string "$tmp/ctl.xlsx" 'Net\x0bwerk\x1b[31m' || fail "control characters: category not escaped"
"$py" "$check" string "$tmp/ctl.xlsx" "$(printf 'Den\nHaag')" || fail "control characters: LF not kept"
"$py" -c 'import sys, zipfile
sys.exit("Net\\x0bwerk" not in zipfile.ZipFile(sys.argv[1]).read("xl/charts/chart3.xml").decode())' \
	"$tmp/ctl.xlsx" ||
	fail "control characters: the category chart does not show the escaped category"

# More verdicts than two batches of the feed (4,096 each): the tickets sheet written row
# by row while they are computed equals sla-compute's CSV all the same.
mkdir "$tmp/big"
awk -v n=20000 -v dir="$tmp/big" -f "$src/scripts/bench-gen.awk" || fail "generating 20,000 tickets"
(cd "$tmp/big" && "$bin/sla-import" -d big.db -c "$contracts/dhs.ini" tickets.csv events.csv pauses.csv) ||
	fail "importing 20,000 tickets"
"$R" -d "$tmp/big/big.db" -c "$contracts/dhs.ini" -p 2027-H1 -o "$tmp/big.xlsx" --allow-missing skip ||
	fail "big: sla-report exit $?"
"$bin/sla-score" -d "$tmp/big/big.db" -c "$contracts/dhs.ini" -p 2027-H1 --format json \
	--allow-missing skip >"$tmp/score.json" 2>/dev/null
"$bin/sla-compute" -d "$tmp/big/big.db" -c "$contracts/dhs.ini" -p 2027-H1 --format csv --no-store \
	>"$tmp/compute.csv" || fail "big: sla-compute exit $?"
[ "$(wc -l <"$tmp/compute.csv")" -gt 8200 ] || fail "big: only $(wc -l <"$tmp/compute.csv") verdicts"
"$py" "$check" check "$tmp/big.xlsx" "$tmp/score.json" "$tmp/compute.csv" || fail "big: workbook check"

echo "report_xlsx: $failed failed"
[ "$failed" -eq 0 ]
