#!/usr/bin/python3
"""Check an SLR workbook written by sla-report with an independent reader.

    report_xlsx_check.py check REPORT.xlsx SCORE.json COMPUTE.csv
        Recalculate every formula of the workbook from its plain values (a
        small evaluator of the functions sla-report uses) and compare with the
        cached values; compare the domain scores, malus and KPI cells with
        sla-score's JSON and the tickets sheet with sla-compute's CSV; check
        that numbers are numeric cells with number formats; that every sheet
        prints (landscape A4, one page wide, print titles and area, a header
        and footer with page x of y) and that no chart covers a table's
        cells, leaves the print area or is cut by a page break; that the
        tickets sheet prints its key columns readably (check_tickets_print)
        and that no chart hides its norm or piles up its labels
        (check_charts).
    report_xlsx_check.py dump REPORT.xlsx
        Print every cell (value, type, number format) and the document
        properties, one per line, for comparing two runs.
    report_xlsx_check.py xml REPORT.xlsx
        Parse every part of the zip as XML (the check does it too): a control
        character written raw leaves a part that Excel must repair.
    report_xlsx_check.py print REPORT.xlsx
        Every part XML and every sheet print-ready, in any workbook (a sixth
        sheet, such as the suppliers', too).
    report_xlsx_check.py string REPORT.xlsx TEXT
        Succeed when TEXT is in a string cell of the tickets sheet and the
        workbook has no formula that contains it.

Exit status 0 when all checks pass, 1 otherwise (each failure on a line).
"""
import csv
import json
import os
import re
import sys
import xml.dom.minidom
import zipfile
from decimal import Decimal, ROUND_HALF_UP

import openpyxl

failures = []

# The sheets by their names (nl, en): other sheets may come between them, but the
# management summary is the first sheet and the audit annex the last.
SHEETS = {
    "summary": ("Samenvatting", "Summary"),
    "overview": ("Overzicht", "Overview"),
    "priorities": ("Prioriteiten", "Priorities"),
    "domains": ("Domeinen & malus", "Domains & malus"),
    "tickets": ("Tickets",),
    "trend": ("Trend",),
    "annex": ("Verantwoording", "Audit trail"),
}


def sheet(wb, key):
    """The worksheet of @key in openpyxl workbook @wb (a KeyError names it when absent)."""
    for name in SHEETS[key]:
        if name in wb.sheetnames:
            return wb[name]
    raise KeyError("the workbook has no %s sheet (%s)" % (key, " or ".join(SHEETS[key])))


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


# ---- a small formula evaluator -------------------------------------------

TOKEN = re.compile(r"""\s*(?:
    (?P<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?) |
    (?P<str>"(?:[^"]|"")*") |
    (?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?) |
    (?P<func>[A-Z][A-Z0-9.]*)\( |
    (?P<op>>=|<=|<>|[-+*/=<>(),])
)""", re.X)


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(text):
    sheet = None
    if "!" in text:
        sheet, text = text.rsplit("!", 1)
        if sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
    text = text.replace("$", "")
    parts = text.split(":")
    cells = []
    for p in parts:
        m = re.fullmatch(r"([A-Z]+)(\d+)", p)
        cells.append((int(m.group(2)), col_index(m.group(1))))
    return sheet, cells


def excel_round(x, n):
    # Excel rounds the 15 significant digits it shows, half away from zero.
    d = Decimal(repr(float("%.15g" % x)))
    q = Decimal(1).scaleb(-n)
    if d < 0:
        return -float((-d).quantize(q, rounding=ROUND_HALF_UP))
    return float(d.quantize(q, rounding=ROUND_HALF_UP))


class Book:
    """A workbook read twice: formulas, and the values cached with them."""

    def __init__(self, path):
        self.f = openpyxl.load_workbook(path)                  # formulas
        self.v = openpyxl.load_workbook(path, data_only=True)  # cached values
        self.memo = {}

    def value(self, sheet, row, col):
        """A cell's value, formulas recalculated (recursively) from the plain cells."""
        key = (sheet, row, col)
        if key not in self.memo:
            cell = self.f[sheet].cell(row=row, column=col)
            v = cell.value
            if isinstance(v, str) and v.startswith("=") and cell.data_type == "f":
                v = self.run(Parser(v[1:]).parse(), sheet)
            self.memo[key] = v
        return self.memo[key]

    def run(self, node, sheet):
        kind = node[0]
        if kind in ("num", "str"):
            return node[1]
        if kind == "neg":
            return -self.run(node[1], sheet)
        if kind == "ref":
            ref_sheet, cells = split_ref(node[1])
            ref_sheet = ref_sheet or sheet
            if len(cells) == 1:
                v = self.value(ref_sheet, *cells[0])
                return 0.0 if v is None else v
            (r0, c0), (r1, c1) = cells
            return [self.value(ref_sheet, r, c) for r in range(r0, r1 + 1)
                    for c in range(c0, c1 + 1)]
        if kind == "bin":
            op, a, b = node[1], self.run(node[2], sheet), self.run(node[3], sheet)
            return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
                    "/": lambda: a / b, ">=": lambda: a >= b, "<=": lambda: a <= b,
                    "<>": lambda: a != b, "=": lambda: a == b, "<": lambda: a < b,
                    ">": lambda: a > b}[op]()
        if kind == "call":
            return self.call(node[1], node[2], sheet)
        raise ValueError("unknown node %r" % (node,))

    def call(self, name, args, sheet):
        if name == "IF":
            # Only the branch taken is evaluated, as in a spreadsheet.
            if self.run(args[0], sheet):
                return self.run(args[1], sheet)
            return self.run(args[2], sheet) if len(args) > 2 else False
        vals = [self.run(a, sheet) for a in args]

        def nums(a):
            out = []
            for x in a:
                out.extend(x if isinstance(x, list) else [x])
            return [x for x in out if isinstance(x, (int, float)) and not isinstance(x, bool)]

        if name == "ROUND":
            return excel_round(vals[0], int(vals[1]))
        if name == "MIN":
            return min(nums(vals))
        if name == "MAX":
            return max(nums(vals))
        if name == "SUM":
            return sum(nums(vals))
        if name == "AVERAGE":
            v = nums(vals)
            return sum(v) / len(v)
        if name == "SUMPRODUCT":
            cols = [[(x if isinstance(x, (int, float)) else 0.0) for x in a] for a in vals]
            total = 0.0
            for row in zip(*cols):
                p = 1.0
                for x in row:
                    p *= x
                total += p
            return total
        raise ValueError("function %s is not known to the checker" % name)


class Parser:
    """Formula text to a tree: comparison, + -, * /, unary -, calls, refs, literals."""

    def __init__(self, text):
        self.toks = []
        pos = 0
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError("cannot read formula %r at %d" % (text, pos))
            self.toks.append((m.lastgroup, m.group(m.lastgroup)))
            pos = m.end()
        self.i = 0
        self.text = text

    def parse(self):
        node = self.comparison()
        if self.i != len(self.toks):
            raise ValueError("trailing tokens in %r" % self.text)
        return node

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def comparison(self):
        a = self.additive()
        kind, op = self.peek()
        if kind == "op" and op in (">=", "<=", "<>", "=", "<", ">"):
            self.take()
            return ("bin", op, a, self.additive())
        return a

    def additive(self):
        a = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            a = ("bin", self.take()[1], a, self.term())
        return a

    def term(self):
        a = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            a = ("bin", self.take()[1], a, self.factor())
        return a

    def factor(self):
        kind, text = self.take()
        if kind == "num":
            return ("num", float(text))
        if kind == "str":
            return ("str", text[1:-1].replace('""', '"'))
        if kind == "op" and text == "-":
            return ("neg", self.factor())
        if kind == "op" and text == "(":
            v = self.comparison()
            self.take()
            return v
        if kind == "ref":
            return ("ref", text)
        if kind == "func":
            args = []
            if self.peek() != ("op", ")"):
                while True:
                    args.append(self.comparison())
                    if self.peek() != ("op", ","):
                        break
                    self.take()
            self.take()
            return ("call", text, args)
        raise ValueError("unexpected %r in %r" % (text, self.text))


def recalculate(book):
    """Every formula recomputed from the plain cells equals its cached value."""
    n = 0
    for ws in book.f.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                n += 1
                try:
                    got = book.value(ws.title, cell.row, cell.column)
                except (ValueError, ZeroDivisionError, TypeError) as e:
                    fail("%s!%s %s cannot be recalculated: %s" % (ws.title, cell.coordinate, cell.value, e))
                    continue
                cached = book.v[ws.title][cell.coordinate].value
                if isinstance(got, bool):
                    got = float(got)
                if cached is None or abs(float(got) - float(cached)) > 1e-9:
                    fail("%s!%s %s recalculates to %r, cached %r" % (ws.title, cell.coordinate,
                                                                    cell.value, got, cached))
    if n == 0:
        fail("the workbook has no formulas")
    return n


# ---- comparisons with sla-score and sla-compute ----------------------------

def find_rows(ws, col, pred):
    return [c.row for c in ws[col] if isinstance(c.value, str) and pred(c.value)]


def check_domains(book, score):
    fws = sheet(book.f, "domains")
    vws = sheet(book.v, "domains")
    # A domain's heading names it ("Domein Servicedesk & Support"), no id.
    heads = {"Domein " + d["name"]: d["id"] for d in score["domains"]}
    heads.update({"Domain " + d["name"]: d["id"] for d in score["domains"]})
    titles = {}
    for c in fws["A"]:
        if isinstance(c.value, str) and c.value in heads:
            titles[heads[c.value]] = c.row
    checked = 0
    for dom in score["domains"]:
        top = titles.get(dom["id"])
        if top is None:
            fail("domain %s is not on the domains sheet" % dom["id"])
            continue
        nxt = min([r for r in titles.values() if r > top] + [fws.max_row + 1])
        # KPI rows: column A holds the KPI's name.
        for k in dom["kpis"]:
            rows = [r for r in range(top + 2, nxt) if fws.cell(r, 1).value == k["name"]]
            if len(rows) != 1:
                fail("%s.%s: %d rows" % (dom["id"], k["id"], len(rows)))
                continue
            r = rows[0]
            pct = vws.cell(r, 8).value
            if k["pct_of_norm"] is None:
                if pct is not None:
                    fail("%s.%s: %% of norm %r, sla-score has none" % (dom["id"], k["id"], pct))
            elif pct is None or round(pct * 100, 6) != round(float(k["pct_of_norm"]), 6):
                fail("%s.%s: %% of norm %r, sla-score %s" % (dom["id"], k["id"], pct, k["pct_of_norm"]))
            else:
                checked += 1
            meas = vws.cell(r, 5).value
            if k["measured"] is not None:
                scale = 100 if k["unit"] == "%" else 1
                if not isinstance(meas, (int, float)) or abs(meas * scale - k["measured"]) > 5e-7:
                    fail("%s.%s: measured %r, sla-score %s" % (dom["id"], k["id"], meas, k["measured"]))
                elif "%" not in fws.cell(r, 5).number_format and k["unit"] == "%":
                    fail("%s.%s: measured without a percent format" % (dom["id"], k["id"]))
            if k["contribution"] is not None:
                # Contributions and scores are points out of 100, not percentages.
                con = vws.cell(r, 12).value
                if con is None or abs(con - k["contribution"]) > 5e-7:
                    fail("%s.%s: contribution %r, sla-score %s" % (dom["id"], k["id"], con,
                                                                    k["contribution"]))
        score_rows = [r for r in range(top, nxt) if fws.cell(r, 1).value in ("Domeinscore", "Domain score")]
        if not dom["scored"]:
            if score_rows:
                fail("%s: not scored by sla-score, scored in the workbook" % dom["id"])
            continue
        if len(score_rows) != 1:
            fail("%s: %d score rows" % (dom["id"], len(score_rows)))
            continue
        r = score_rows[0]
        cell = fws.cell(r, 12)
        if cell.data_type != "f" or "SUM(" not in cell.value:
            fail("%s: the domain score is not a formula over the KPI cells: %r" % (dom["id"], cell.value))
        got = vws.cell(r, 12).value
        if got is None or round(got, 6) != round(float(dom["score"]), 6):
            fail("%s: score %r, sla-score %s" % (dom["id"], got, dom["score"]))
        elif "%" in cell.number_format:
            fail("%s: the domain score is shown as a percentage (%r), not in points" % (dom["id"], cell.number_format))
        else:
            checked += 1
        recomputed = book.value(fws.title, r, 12)
        if round(recomputed, 6) != round(float(dom["score"]), 6):
            fail("%s: score recalculates to %r, sla-score %s" % (dom["id"], recomputed, dom["score"]))
        malus = vws.cell(r + 1, 12).value
        if malus is None or round(malus * 100, 6) != round(float(dom["malus_percent"]), 6):
            fail("%s: malus %r %%, sla-score %s" % (dom["id"], malus, dom["malus_percent"]))
        if "malus_cents" in dom:
            euros = vws.cell(r + 4, 12).value
            fmt = fws.cell(r + 4, 12).number_format
            if euros is None or round(euros * 100) != dom["malus_cents"]:
                fail("%s: malus %r EUR, sla-score %s cents" % (dom["id"], euros, dom["malus_cents"]))
            if "€" not in fmt:
                fail("%s: malus in euros without a euro format (%r)" % (dom["id"], fmt))
            inv = vws.cell(r + 3, 12).value
            if inv is None or round(inv * 100) != dom["invoice_cents"]:
                fail("%s: invoice %r, sla-score %s cents" % (dom["id"], inv, dom["invoice_cents"]))
    if checked == 0:
        fail("no domain figure was compared")
    return checked


HASH = re.compile(r"[0-9a-f]{64}")


def check_summary(book):
    """The summary sheet is for the client: no hashes, server paths or raw settings
    (those are in the annex, which names the contract's hash); its total malus
    is the sum of the domains' euros above it."""
    ws = sheet(book.v, "summary")
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if isinstance(v, str) and (HASH.search(v) or "/" in v and ".ini" in v
                                       or v.startswith(("cap", "weights", "sha256"))):
                fail("summary!%s: %r belongs in the annex" % (c.coordinate, v))
    annex = sheet(book.v, "annex")
    if not any(isinstance(c.value, str) and HASH.fullmatch(c.value)
               for row in annex.iter_rows() for c in row):
        fail("the annex names no SHA-256")
    total = [c.row for c in ws["A"] if c.value in ("Malus totaal", "Total malus")]
    if len(total) != 1:
        fail("summary: %d total malus rows" % len(total))
        return
    t = ws.cell(total[0], 6).value
    if isinstance(t, (int, float)):
        euros = [ws.cell(r, 6).value for r in range(1, total[0])]
        euros = [e for e in euros if isinstance(e, (int, float))]
        if abs(sum(euros) - t) > 0.004:
            fail("summary: total malus %r, the domains' euros add to %r" % (t, sum(euros)))


def check_summary_layout(path, book):
    """The summary sheet lines up as the text does: the heading block's values (the
    date-times of "Stand gegevens" and "SLR uiterlijk" among texts) all left-aligned;
    in its tables a "—" (no figure) right-aligned under its right-aligned header; the
    domain table's vorige/verschil filled ("—" without a previous score) on every row
    with a score, as the text has them."""
    ws = sheet(book.f, "summary")
    wv = sheet(book.v, "summary")
    heads = [r[0].row for r in ws.iter_rows() if any(is_head(c) for c in r)]
    if not heads:
        fail("%s: the summary sheet has no table" % path)
        return
    for r in range(2, heads[0]):
        a, b = ws.cell(r, 1), ws.cell(r, 2)
        if a.value is None or not (a.font and a.font.b) or b.value is None:
            continue
        if not (b.alignment and b.alignment.horizontal == "left") and wv.cell(r, 2).data_type in ("n", "d"):
            fail("%s: summary!%s (%s) is not left-aligned like the other values of the heading"
                 % (path, b.coordinate, a.value))
    for h in heads:
        cols = {c.value: c.column for c in ws[h] if is_head(c) and c.value}
        right = {c.column for c in ws[h] if is_head(c) and c.alignment.horizontal == "right"}
        r = h + 1
        while r <= ws.max_row and any(ws.cell(r, c).value is not None for c in range(1, max(cols.values()) + 1)):
            for col in right:
                c = ws.cell(r, col)
                if c.value == "—" and not (c.alignment and c.alignment.horizontal == "right"):
                    fail("%s: summary!%s: a '—' under a right-aligned header is not right-aligned"
                         % (path, c.coordinate))
            score = ws.cell(r, cols["score"]).value if "score" in cols else None
            if isinstance(score, (int, float)) or isinstance(score, str) and score.startswith("="):
                for name in ("vorige", "verschil", "previous", "change"):
                    if name in cols and ws.cell(r, cols[name]).value is None:
                        fail("%s: summary!%s: %s left empty (the text shows a figure or '—')"
                             % (path, ws.cell(r, cols[name]).coordinate, name))
            r += 1


def secs(v):
    """Seconds of a duration cell (openpyxl reads [h]:mm cells as timedelta)."""
    if v is None:
        return None
    if hasattr(v, "total_seconds"):
        return int(round(v.total_seconds()))
    return int(round(v * 86400))


def check_tickets(book, compute_csv):
    ws = sheet(book.f, "tickets")
    head = [c.value for c in ws[1]]
    if ws.auto_filter.ref is None or not ws.auto_filter.ref.startswith("A1:"):
        fail("tickets sheet has no autofilter on its header (%r)" % ws.auto_filter.ref)
    if ws.freeze_panes not in ("B2", "A2"):
        fail("tickets sheet header is not frozen (%r)" % ws.freeze_panes)
    rows = {}
    for r in range(2, ws.max_row + 1):
        tid = ws.cell(r, 1).value
        if tid is not None:
            rows[str(tid)] = r
    with open(compute_csv, newline="") as f:
        expected = list(csv.DictReader(f))
    if set(rows) != set(e["id"] for e in expected):
        fail("tickets sheet has %d tickets, sla-compute %d; differ: %s" % (
            len(rows), len(expected), sorted(set(rows) ^ set(e["id"] for e in expected))[:5]))
    # Columns by position, as sla-report writes them (the printed ones first).
    prio, rs_el, rs_tg, rv_el, rv_tg, excl, reported = 4, 8, 9, 11, 12, 14, 6
    n = 0
    for e in expected:
        r = rows.get(e["id"])
        if r is None:
            continue
        n += 1
        got = {
            "priority": ws.cell(r, prio).value,
            "response_seconds": secs(ws.cell(r, rs_el).value),
            "response_target_seconds": secs(ws.cell(r, rs_tg).value),
            "resolution_seconds": secs(ws.cell(r, rv_el).value),
            "resolution_target_seconds": secs(ws.cell(r, rv_tg).value),
        }
        for k, v in got.items():
            want = e[k]
            want = (int(want) if want != "" else None) if k != "priority" else want
            if v != want:
                fail("ticket %s %s: workbook %r, sla-compute %r" % (e["id"], k, v, want))
        if (ws.cell(r, excl).value in ("ja", "yes")) != (e["excluded"] == "1"):
            fail("ticket %s excluded: workbook %r, sla-compute %r" % (e["id"], ws.cell(r, excl).value,
                                                                     e["excluded"]))
        # The onsite visit's and the swap's columns after the calendar, where the
        # contract measures them (sla-compute's CSV has them then too).
        dur_cols = [rs_el, rs_tg, rv_el, rv_tg]
        col = 33
        for kind in ("onsite", "swap"):
            if kind + "_seconds" not in e:
                continue
            if ws.cell(1, col).value is None:
                fail("tickets sheet has no %s columns (sla-compute has)" % kind)
            for k, at in (("_seconds", col), ("_target_seconds", col + 1)):
                want = int(e[kind + k]) if e[kind + k] != "" else None
                if secs(ws.cell(r, at).value) != want:
                    fail("ticket %s %s%s: workbook %r, sla-compute %r" % (
                        e["id"], kind, k, secs(ws.cell(r, at).value), want))
            dur_cols += [col, col + 1]
            col += 5
        for col in dur_cols:
            c = ws.cell(r, col)
            if c.value is not None and (c.data_type not in ("n", "d") or "h]" not in c.number_format):
                fail("ticket %s column %s: %r is not a duration cell" % (e["id"], head[col - 1], c.value))
        c = ws.cell(r, reported)
        if c.data_type not in ("n", "d") or "yyyy" not in c.number_format:
            fail("ticket %s reported: %r (%s) is not a date-time cell" % (e["id"], c.value, c.number_format))
    return n


NUMERIC_TEXT = re.compile(r"\s*[-+]?(€\s*)?\d+([.,]\d+)*\s*%?\s*")


def check_formats(book):
    """Figures are numbers with number formats: no percentage or amount written as text."""
    bad = 0
    for ws in book.f.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if (c.data_type == "s" and isinstance(c.value, str) and NUMERIC_TEXT.fullmatch(c.value)
                        and ("%" in c.value or "€" in c.value)):
                    fail("%s!%s: figure %r written as text" % (ws.title, c.coordinate, c.value))
                    bad += 1
    pr = sheet(book.f, "priorities")
    pct = [c for c in pr["F"][2:] if isinstance(c.value, float)]
    if not pct or any("%" not in c.number_format for c in pct):
        fail("priorities sheet: shares are not percent cells")
    return bad


HEAD_FILL = "D9E1F2"


def is_head(c):
    """A table's header cell: bold on the header's blue."""
    fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fgColor is not None else None
    return bool(c.font and c.font.b and isinstance(fill, str) and fill.upper().endswith(HEAD_FILL))


def check_head_alignment(path, book):
    """A header sits over its figures: over a column whose cells below hold numbers, dates
    or durations (right-aligned unless a cell says otherwise), the header is right-aligned
    too; left, it stands at the far side of a wide column from its figures. The table's
    body: the rows below the header up to the first row empty across its columns."""
    for ws in book.f.worksheets:
        wv = book.v[ws.title]
        for row in ws.iter_rows():
            heads = [c for c in row if is_head(c)]
            if not heads:
                continue
            c0, c1 = heads[0].column, heads[-1].column
            r = heads[0].row + 1
            body = []
            while r <= ws.max_row and any(ws.cell(r, col).value is not None
                                          for col in range(c0, c1 + 1)):
                body.append(r)
                r += 1
            for h in heads:
                if h.value is None or (h.alignment and h.alignment.horizontal == "right"):
                    continue
                for r in body:
                    c, v = ws.cell(r, h.column), wv.cell(r, h.column)
                    if (v.value is not None and v.data_type in ("n", "d")
                            and not isinstance(v.value, bool) and not is_head(c)
                            and not (c.alignment and c.alignment.horizontal in ("left", "center"))):
                        fail("%s: %s!%s: header %r is not right-aligned over the figures below it (%s)"
                             % (path, ws.title, h.coordinate, h.value, c.coordinate))
                        break


def check_empty_columns(path, book):
    """No table has a title column ("titel", "title") empty in every row, an export
    without titles: the column is left out. (Other columns may be blank in every row
    of a table for a reason its rows or notes give: an unscored domain's weights.)
    Over the tables of every sheet but the tickets sheet, whose columns are the
    export's."""
    for ws in book.f.worksheets:
        if ws.title in SHEETS["tickets"]:
            continue
        for row in ws.iter_rows():
            heads = [c for c in row if is_head(c)]
            if not heads:
                continue
            c0, c1 = heads[0].column, heads[-1].column
            body, r = [], heads[0].row + 1
            while r <= ws.max_row and any(ws.cell(r, col).value is not None
                                          for col in range(c0, c1 + 1)):
                body.append(r)
                r += 1
            if not body:
                continue
            for h in heads:
                if (h.value in ("titel", "title")
                        and all(ws.cell(r, h.column).value is None for r in body)):
                    fail("%s: %s!%s: column %r is empty in every row of its table"
                         % (path, ws.title, h.coordinate, h.value))


def check_priority_notes(path, book):
    """The priorities table's counts of tickets at the period's end ("open", "lopende
    klokken") are each said in a note under the table, starting with the header's word."""
    ws = sheet(book.f, "priorities")
    heads = [c for c in ws[2] if is_head(c)]
    notes = [c.value for c in ws["A"][2:] if isinstance(c.value, str)]
    for h in heads:
        if h.value in ("open", "lopende klokken", "pending clocks"):
            if not any(n.startswith(h.value + ": ") for n in notes):
                fail("%s: %s!%s: no note under the table says what %r counts"
                     % (path, ws.title, h.coordinate, h.value))


def check_deflate(path):
    """Every part deflated at zlib's fastest level (minizip marks it in the general-purpose
    flags: bits 1 and 2 both set); level 6 would mean slakit's xlsx_deflate.c was not used."""
    with zipfile.ZipFile(path) as z:
        for i in z.infolist():
            if i.compress_type != zipfile.ZIP_DEFLATED or i.flag_bits & 6 != 6:
                fail("%s: part %s not deflated at the fastest level (method %d, flags %#x)"
                     % (path, i.filename, i.compress_type, i.flag_bits))


def check_xml(path):
    """Every part of the zip is well-formed XML (XML 1.0 has no room for ESC or VT):
    openpyxl reads only some parts, and Excel asks to repair a workbook with one bad."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for name in names:
            try:
                xml.dom.minidom.parseString(z.read(name))
            except Exception as e:  # expat's ExpatError, or a part that is not text at all
                fail("%s: part %s is not XML: %s" % (path, name, e))
    if not names:
        fail("%s: no parts" % path)
    return len(names)


# ---- printing ---------------------------------------------------------------

def _xml(z, name):
    return xml.dom.minidom.parseString(z.read(name))


def _rels(z, part):
    """Relationship targets of a part, by id, as paths in the zip."""
    d, f = part.rsplit("/", 1)
    name = "%s/_rels/%s.rels" % (d, f)
    if name not in z.namelist():
        return {}
    out = {}
    for r in _xml(z, name).getElementsByTagName("Relationship"):
        t = r.getAttribute("Target")
        parts = (d + "/" + t).split("/") if not t.startswith("/") else t[1:].split("/")
        norm = []
        for p in parts:
            if p == "..":
                norm.pop()
            elif p not in ("", "."):
                norm.append(p)
        out[r.getAttribute("Id")] = "/".join(norm)
    return out


def _range_rows_cols(ref):
    """'Sheet'!$A$1:$J$99 -> (r0, c0, r1, c1), 1-based."""
    ref = ref.rsplit("!", 1)[-1].replace("$", "")
    a, _, b = ref.partition(":")
    b = b or a  # one cell
    m0 = re.fullmatch(r"([A-Z]+)(\d+)", a)
    m1 = re.fullmatch(r"([A-Z]+)(\d+)", b)
    return int(m0.group(2)), col_index(m0.group(1)), int(m1.group(2)), col_index(m1.group(1))


def check_print(path, book):
    """Every sheet prints as a client reads it: landscape A4, fitted to one page wide,
    print titles and a print area, a header and footer with page x of y (&P, &N); each
    chart beside no cell with a value, inside the print area and not cut by a row break."""
    z = zipfile.ZipFile(path)
    wb = _xml(z, "xl/workbook.xml")
    rels = _rels(z, "xl/workbook.xml")
    names = {}
    for dn in wb.getElementsByTagName("definedName"):
        names[(dn.getAttribute("name"), dn.getAttribute("localSheetId"))] = dn.firstChild.data
    checked = 0
    head_of = {}
    for i, sh in enumerate(wb.getElementsByTagName("sheet")):
        title = sh.getAttribute("name")
        part = rels[sh.getAttribute("r:id")]
        doc = _xml(z, part)
        ps = doc.getElementsByTagName("pageSetup")
        ps = ps[0] if ps else None
        if ps is None or ps.getAttribute("orientation") != "landscape":
            fail("%s: sheet %s does not print landscape" % (path, title))
        if ps is None or ps.getAttribute("paperSize") != "9":
            fail("%s: sheet %s does not print on A4 (paperSize 9)" % (path, title))
        fit = doc.getElementsByTagName("pageSetUpPr")
        # The management summary prints on one page; every other sheet one page wide.
        tall = "1" if title in SHEETS["summary"] else "0"
        if (not fit or fit[0].getAttribute("fitToPage") not in ("1", "true") or ps is None
                or ps.getAttribute("fitToWidth") not in ("", "1")
                or ps.getAttribute("fitToHeight") not in ((tall, "") if tall == "1" else (tall,))):
            fail("%s: sheet %s is not fitted to one page wide (%s)" % (
                path, title, "and one page tall" if tall == "1" else "any number tall"))
        if ("_xlnm.Print_Titles", str(i)) not in names:
            fail("%s: sheet %s repeats no rows on each page (no _xlnm.Print_Titles)" % (path, title))
        area = names.get(("_xlnm.Print_Area", str(i)))
        if area is None:
            fail("%s: sheet %s has no print area" % (path, title))
        hf = doc.getElementsByTagName("headerFooter")
        head = foot = ""
        if hf:
            for e in hf[0].getElementsByTagName("oddHeader"):
                head = e.firstChild.data if e.firstChild else ""
            for e in hf[0].getElementsByTagName("oddFooter"):
                foot = e.firstChild.data if e.firstChild else ""
        if "&P" not in head + foot or "&N" not in head + foot:
            fail("%s: sheet %s has no page x of y (&P, &N) in its header or footer: %r %r"
                 % (path, title, head, foot))
        if not head.strip() or not foot.strip():
            fail("%s: sheet %s lacks a header or a footer" % (path, title))
        head_of[title] = head
        if title not in SHEETS["tickets"]:
            check_wrapped_rows(path, book.f[title])
            if area is not None:
                check_print_edge(path, book.f[title], area)
            # The deviations' sheet wraps its text columns to print at a readable scale.
            scale = print_scale(book.f[title])
            if title in ("Afwijkingen", "Deviations") and scale < 0.55:
                fail("%s: sheet %s prints at %d %%, too small to read (at least 55 %%)"
                     % (path, title, round(scale * 100)))
        breaks = [int(b.getAttribute("id")) for b in doc.getElementsByTagName("brk")
                  if b.parentNode.tagName == "rowBreaks"]
        # Charts: their anchors (0-based rows and columns) against the cells with values.
        ws = book.v[title]
        srels = _rels(z, part)
        for d in doc.getElementsByTagName("drawing"):
            drawing = srels[d.getAttribute("r:id")]
            for anchor in _xml(z, drawing).getElementsByTagName("xdr:twoCellAnchor"):
                def pos(tag):
                    e = anchor.getElementsByTagName(tag)[0]
                    val = lambda t: int(e.getElementsByTagName(t)[0].firstChild.data)
                    return val("xdr:row"), val("xdr:col"), val("xdr:rowOff")
                (r0, c0, _), (r1, c1, off1) = pos("xdr:from"), pos("xdr:to")
                last = r1 if off1 else r1 - 1
                for r in range(r0 + 1, last + 2):
                    for c in range(c0 + 1, c1 + 2):
                        if ws.cell(r, c).value is not None:
                            fail("%s: a chart on %s (rows %d-%d) covers cell %s" % (
                                path, title, r0 + 1, last + 1, ws.cell(r, c).coordinate))
                if area is not None:
                    ar0, ac0, ar1, ac1 = _range_rows_cols(area)
                    if r0 + 1 < ar0 or last + 1 > ar1 or c0 + 1 < ac0 or c1 + 1 > ac1:
                        fail("%s: a chart on %s (rows %d-%d, columns %d-%d) is outside the print area %s"
                             % (path, title, r0 + 1, last + 1, c0 + 1, c1 + 1, area))
                # A break before 0-based row k cuts the chart when it starts above k and reaches k.
                # One starting right at a break draws its top edge at the foot of the page
                # before (LibreOffice): an empty row above it on its page.
                for k in breaks:
                    if r0 == k:
                        fail("%s: a chart on %s starts right at a page break (row %d): its top "
                             "edge prints at the foot of the page before" % (path, title, k + 1))
                    elif r0 < k <= last:
                        fail("%s: a page break before row %d cuts a chart on %s (rows %d-%d)"
                             % (path, k + 1, title, r0 + 1, last + 1))
                checked += 1
    if any(n in SHEETS["tickets"] for n in book.f.sheetnames):
        check_tickets_print(path, book, names, head_of)
    check_charts(path)
    return checked


def cells_width(ws, first, last):
    """Columns @first..@last (1-based) wide together, in characters."""
    width = 0
    for col in range(first, last + 1):
        dim = ws.column_dimensions.get(openpyxl.utils.get_column_letter(col))
        width += dim.width if dim is not None and dim.width else 8.43
    return width


def merged_to(ws, c):
    """The last column of the merged range cell @c starts, or its own."""
    for m in ws.merged_cells.ranges:
        if m.min_row == c.row and m.min_col == c.column:
            return m.max_col
    return c.column


def check_print_edge(path, ws, area):
    """Text that is not wrapped, spilling to the right, ends within the print area: a
    line longer than the printed columns are wide is cut at the page's edge. Counted
    leniently, a character a column width (a '0' of Calibri, wider than most)."""
    _, ac0, _, ac1 = _range_rows_cols(area)
    for row in ws.iter_rows():
        for c in row:
            if (not isinstance(c.value, str) or c.value.startswith("=")
                    or (c.alignment and c.alignment.wrap_text)
                    or c.column < ac0 or c.column > ac1):
                continue
            # Only a cell with nothing to its right spills (a neighbour cuts it on screen too).
            if any(ws.cell(c.row, col).value is not None for col in range(c.column + 1, ac1 + 1)):
                continue
            room = cells_width(ws, c.column, ac1)
            if len(c.value) > room:
                fail("%s: %s!%s (%d characters) runs past the printed width (%d): %r"
                     % (path, ws.title, c.coordinate, len(c.value), room, c.value[:60]))


def check_wrapped_rows(path, ws):
    """A cell that wraps has a row tall enough for its lines (15 points a line), counted
    leniently (as many characters a line as the column is wide): a row left at the default
    height prints its lines over the rows above it."""
    for row in ws.iter_rows():
        for c in row:
            if not isinstance(c.value, str) or not c.alignment or not c.alignment.wrap_text:
                continue
            width = cells_width(ws, c.column, merged_to(ws, c))
            lines, used = 1, 0
            for word in c.value.split(" "):
                if used and used + 1 + len(word) > width:
                    lines, used = lines + 1, 0
                used += (1 if used else 0) + len(word)
            height = ws.row_dimensions[c.row].height or 15
            if height < 15 * lines - 0.5:
                fail("%s: %s!%s wraps to %d lines in a row %g points tall: %r"
                     % (path, ws.title, c.coordinate, lines, height, c.value[:60]))


def print_scale(ws):
    """The scale a sheet prints at, fitted one page wide (landscape A4 less 0.4" margins,
    as report_xlsx_print.c sets them; a column of w characters is w * 7 + 5 pixels)."""
    px = 0
    for col in range(1, ws.max_column + 1):
        dim = ws.column_dimensions.get(openpyxl.utils.get_column_letter(col))
        px += int(dim.width * 7 + 5.5) if dim is not None and dim.width else 64
    scale = min(1.0, (11.69 - 0.8) * 72 / (px * 0.75))
    return scale


def check_charts(path):
    """Every chart reads: a norm (a series named "norm ...") over a single category is a
    line through one point, invisible unless marked; and the n labels of two lines never
    share a place (the lines meet where priorities reach the same share: two priorities at
    100 %% printed "n=38" over "n=39")."""
    z = zipfile.ZipFile(path)
    for name in sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)):
        doc = _xml(z, name)
        title = "".join(t.firstChild.data for t in doc.getElementsByTagName("a:t")[:1] if t.firstChild)
        places = {}
        for ser in doc.getElementsByTagName("c:ser"):
            tx = ser.getElementsByTagName("c:tx")
            v = tx[0].getElementsByTagName("c:v") if tx else []
            sname = v[0].firstChild.data if v and v[0].firstChild else ""
            cat = ser.getElementsByTagName("c:cat")
            count = cat[0].getElementsByTagName("c:ptCount") if cat else []
            cats = int(count[0].getAttribute("val")) if count else 0
            if sname.startswith("norm") and cats == 1:
                sym = [m.getAttribute("val") for m in ser.getElementsByTagName("c:symbol")]
                if not sym or sym[0] == "none":
                    fail("%s: chart %r draws %r through one category without a mark: no norm shows"
                         % (path, title, sname))
            labels = [l for l in ser.getElementsByTagName("c:dLbls")]
            if labels and any(e.getAttribute("val") == "1"
                              for e in labels[0].getElementsByTagName("c:showVal")):
                pos = [e.getAttribute("val") for e in labels[0].childNodes
                       if e.nodeName == "c:dLblPos"]
                places.setdefault(pos[0] if pos else "", []).append(sname)
        for pos, series in places.items():
            if len(series) > 1:
                fail("%s: chart %r labels the points of %s at the same place (%s): they overlap"
                     % (path, title, ", ".join(series), pos or "default"))


# The tickets sheet's printout: landscape A4 less the 0.4" margins, in pixels at 100 %
# (96 a inch), and the smallest scale fitting its printed columns to it may take.
PAGE_WIDTH_PX = (11.69 - 2 * 0.4) * 96
MIN_PRINT_SCALE = 0.55
# The ticket's state in the report's words; the export's own status only in its last column.
TICKET_STATES = {"open", "in de wacht", "opgelost", "gesloten", "on hold", "resolved", "closed"}
EXPORT_STATUS = ("status in de export", "status in the export")


def check_tickets_print(path, book, names, head_of):
    """The tickets sheet prints its key columns readably: a print area of the first
    columns (the ticket, its state, the clocks' time, target and verdict), the others
    and the export's status to the right of it; the printed columns fit one page wide
    at MIN_PRINT_SCALE or more (Excel's column width: 7 pixels a character and 5);
    the page's header says the sheet holds all its columns; the state column holds
    the report's words only."""
    ws = sheet(book.f, "tickets")
    i = book.f.sheetnames.index(ws.title)
    area = names.get(("_xlnm.Print_Area", str(i)))
    if area is None:
        return  # check_print() named it
    r0, c0, r1, c1 = _range_rows_cols(area)
    head = [c.value for c in ws[1]]
    if c1 >= ws.max_column:
        fail("%s: the tickets sheet prints all its %d columns (%s), not its key columns"
             % (path, ws.max_column, area))
    printed = head[c0 - 1:c1]
    for want in (("ticket",), ("status",), ("reactie status", "response status"),
                 ("oplossing status", "resolution status")):
        if not any(h in want for h in printed):
            fail("%s: the tickets sheet's printout has no column %s (%s)" % (path, want[0], area))
    z = zipfile.ZipFile(path)
    part = _rels(z, "xl/workbook.xml")[
        _xml(z, "xl/workbook.xml").getElementsByTagName("sheet")[i].getAttribute("r:id")]
    doc = _xml(z, part)
    widths = {}
    for col in doc.getElementsByTagName("col"):
        for c in range(int(col.getAttribute("min")), int(col.getAttribute("max")) + 1):
            widths[c] = float(col.getAttribute("width"))
    px = sum(int(widths.get(c, 8.43 + 0.71) * 7 + 0.5) for c in range(c0, c1 + 1))
    scale = min(1.0, PAGE_WIDTH_PX / px)
    if scale < MIN_PRINT_SCALE:
        fail("%s: the tickets sheet's %d printed columns are %d pixels wide: printed at %.0f %%, "
             "below %.0f %%" % (path, c1 - c0 + 1, px, scale * 100, MIN_PRINT_SCALE * 100))
    note = head_of.get(ws.title, "")
    if "&C" not in note or str(ws.max_column) not in note.split("&C", 1)[1].split("&R")[0]:
        fail("%s: the tickets sheet's page header does not say the sheet holds all %d columns: %r"
             % (path, ws.max_column, note))
    state = head.index("status") + 1 if "status" in head else None
    if state is None or state > c1:
        fail("%s: the tickets sheet has no printed status column" % path)
    else:
        words = set(ws.cell(r, state).value for r in range(2, ws.max_row + 1)) - {None}
        if not words <= TICKET_STATES:
            fail("%s: the tickets sheet's status column holds other words than the report's: %s"
                 % (path, sorted(words - TICKET_STATES)))
    if head[-1] not in EXPORT_STATUS:
        fail("%s: the tickets sheet's last column is %r, not the export's status" % (path, head[-1]))


def check(path, score_json, compute_csv):
    # Only where the build links xlsx_deflate.c (CMake says so at configure time).
    if os.environ.get("SK_XLSX_FAST", "1") == "1":
        check_deflate(path)
    check_xml(path)
    book = Book(path)
    with open(score_json) as f:
        score = json.load(f)
    names = book.f.sheetnames
    try:
        for key in SHEETS:
            sheet(book.f, key)
    except KeyError as e:
        fail(str(e))
        return
    if names[0] not in SHEETS["summary"]:
        fail("the first sheet is %r, not the summary" % names[0])
    if names[-1] not in SHEETS["annex"]:
        fail("the last sheet is %r, not the audit annex" % names[-1])
    check_summary(book)
    n = recalculate(book)
    d = check_domains(book, score)
    t = check_tickets(book, compute_csv)
    check_formats(book)
    trend = sheet(book.f, "trend")
    if len(trend._charts) < 3:
        fail("trend sheet has %d charts, expected 3" % len(trend._charts))
    if book.f.properties.created is None:
        fail("no creation time in the document properties")
    check_head_alignment(path, book)
    check_summary_layout(path, book)
    check_empty_columns(path, book)
    check_priority_notes(path, book)
    charts = check_print(path, book)
    if charts < 3:
        fail("%d charts placed, expected 3" % charts)
    print("%s: %d formulas recalculated, %d domain figures and %d tickets compared, %d charts placed"
          % (path, n, d, t, charts))


def dump(path):
    wb = openpyxl.load_workbook(path)
    wv = openpyxl.load_workbook(path, data_only=True)
    p = wb.properties
    print("properties", p.title, p.subject, p.creator, p.created, p.modified, p.description)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                print(ws.title, c.coordinate, c.data_type, repr(c.value),
                      repr(wv[ws.title][c.coordinate].value), c.number_format)


def string(path, text):
    wb = openpyxl.load_workbook(path)
    ws = sheet(wb, "tickets")
    found = [c for row in ws.iter_rows() for c in row if c.value == text]
    if not found:
        fail("%r is not in the tickets sheet" % text)
    for c in found:
        if c.data_type != "s":
            fail("%s: %r has type %s, not a string" % (c.coordinate, text, c.data_type))
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                for f in re.findall(r"<f>(.*?)</f>", xml):
                    if "HYPERLINK" in f or text in f:
                        fail("%s has a formula %r" % (name, f))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "check":
        check(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "xml":
        n = check_xml(sys.argv[2])
        if not failures:
            print("%s: %d parts parsed as XML" % (sys.argv[2], n))
    elif len(sys.argv) == 3 and sys.argv[1] == "print":
        # Any workbook (other sheets too, such as the suppliers'): XML and page setup.
        check_xml(sys.argv[2])
        book = Book(sys.argv[2])
        check_print(sys.argv[2], book)
        check_head_alignment(sys.argv[2], book)
        check_empty_columns(sys.argv[2], book)
        if not failures:
            print("%s: every part XML, every sheet print-ready" % sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "string":
        string(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
