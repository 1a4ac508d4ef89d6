#!/usr/bin/env python3
"""Client text holds no contract ids and no machine words (report_words.sh).

usage: report_words_check.py CONTRACT.ini LANG REPORT.txt|REPORT.xlsx|REPORT.json

A contract's ids (the suffixes of its [domain.*], [kpi.*.*], [service.*],
[calendar.*] and [supplier.*] sections) are the author's keys, not words for the
client. In a text report's client part (everything before the audit annex's
heading, "Bijlage:" or "Annex:") no id may stand as a word, unless it is an
ordinary word of the report's language or a word of a name the contract gives
(then it is still refused where it stands as an id: "Domein incident",
"kalender werkdag", "[domain:incident"). An id with a dot, an underscore or a
digit is never a word. Machine words are refused too: snake_case, "--",
"[kind:". In English "staffel" and "malus" are refused (penalty scale, penalty);
in Dutch "phone", "solved", "email", "call(s)". An XLSX report: the same over
the cells of its domains and history sheets. A JSON report in Dutch: no KPI's
detail in English. Exit 1 and one line per finding otherwise.
"""
import json
import re
import sys

ini, lang, report = sys.argv[1], sys.argv[2], sys.argv[3]

ids = {}        # id -> kind
names = []      # every name/label the contract gives (client words)
for line in open(ini, encoding="utf-8"):
    s = line.split(";", 1)[0].strip()
    m = re.match(r"\[(domain|service|calendar|kpi|supplier)\.([^\]]+)\]$", s)
    if m:
        kind, rest = m.groups()
        if kind == "kpi":
            dom, kpi = rest.split(".", 1)
            ids[kpi] = "KPI"
            ids[rest] = "KPI"
        else:
            ids[rest] = kind
        continue
    m = re.match(r"(name|label|description|title|note)\s*=\s*(.*)$", s)
    if m:
        names.append(m.group(2).lower())

# Ordinary words of the report's own language that happen to be ids too:
# they may appear as words, but never in the id-shaped places checked below.
ordinary = {
    "nl": {"oplossing", "updates", "internet", "servicedesk", "altijd", "kantoor", "werkdag", "dienst", "klachten", "leveranciers",
           "trend"},
    "en": {"servicedesk", "other", "availability", "changes", "change", "incidents", "incident",
           "continuity", "workplace", "actions", "reports", "meetings", "standard",
           "failed", "minor", "general", "contact", "updates", "response",
           "resolution", "training", "trend", "onsite", "backup", "printing",
           "internet", "network", "telephony", "satisfaction", "improvement"},
}[lang]

if report.endswith(".json"):
    j = json.load(open(report, encoding="utf-8"))
    bad = [(d["id"], k["id"], k["detail"]) for d in j["score"]["domains"] for k in d["kpis"]
           if lang == "nl" and re.search(r"\b(of|in time|within target|reported|solved)\b",
                                         k["detail"])]
    for b in bad:
        print("%s: %s.%s: detail in English in a Dutch report: %s" % ((report,) + b))
    sys.exit(1 if bad else 0)
if report.endswith(".xlsx"):
    import openpyxl
    wb = openpyxl.load_workbook(report, read_only=True)
    lines = []
    for ws in wb.worksheets:
        if ws.title not in ("Domeinen & malus", "Domains & penalties", "Historie", "History"):
            continue
        for r in ws.iter_rows(values_only=True):
            lines.append(" ".join(str(v) for v in r if isinstance(v, str)))
    client = "\n".join(lines)
else:
    text = open(report, encoding="utf-8").read()
    cut = re.search(r"^(Bijlage|Annex): ", text, re.M)
    client = text[:cut.start()] if cut else text
findings = []

def word_in_names(w):
    return any(re.search(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])", n)
               for n in names)

for n, line in enumerate(client.splitlines(), 1):
    for ident, kind in ids.items():
        pat = r"(?<![\w.-])" + re.escape(ident) + r"(?![\w-]|\.\w)"
        if not re.search(pat, line):
            continue
        shaped = re.search(r"(Domein|Domain|kalender|calendar|KPI|dienst|service)\s+"
                           + re.escape(ident) + r"\b|\[\w+:" + re.escape(ident), line)
        if shaped and word_in_names(shaped.group(0)):
            shaped = None
        if not shaped and ("." not in ident and "_" not in ident
                           and not re.search(r"\d", ident)):
            if ident in ordinary or word_in_names(ident):
                continue
        findings.append("%d: %s id '%s': %s" % (n, kind, ident, line.strip()))
    for m in re.finditer(r"(?<![\w.-])[a-z]+_[a-z_]+\b|(?<![-\w])--(?!-)|"
                         r"matrix-mismatch|\[(domain|priority|service|ticket|kpi):", line):
        findings.append("%d: machine word '%s': %s" % (n, m.group(0), line.strip()))
    if lang == "nl":
        for m in re.finditer(r"\b(phone|solved|email|calls?)\b", line):
            findings.append("%d: English word '%s' in Dutch: %s" % (n, m.group(0), line.strip()))
    if lang == "en":
        for m in re.finditer(r"(?i)\b(staffel|malus)\b", line):
            findings.append("%d: Dutch term '%s' in English: %s" % (n, m.group(0), line.strip()))

for f in findings:
    print("%s: %s" % (report, f))
sys.exit(1 if findings else 0)
