#!/bin/sh
# End-to-end: the management summary on the samples, against figures derived
# by hand from the contract (samples/contracts/dhs.ini) and the other
# sections of the same reports, in text (nl, en), JSON and CSV; the audit
# annex holds what the first page no longer shows.
#
# usage: report_summary.sh BINDIR SRCDIR
set -u
LC_ALL=C
export LC_ALL
. "$2/tests/e2e/report_lib.sh"
report_setup "$@" || exit 1

report_samples "$bin" "$src" "$tmp" || { echo "FAIL: importing the samples"; exit 1; }
R() { "$bin/sla-report" -d "$tmp/dhs.db" -c "$src/samples/contracts/dhs.ini" "$@"; }
# The summary: from its heading to the next section's.
summary() { sed -n '/^Samenvatting$/,/^Prioriteiten$/p;/^Summary$/,/^Priorities$/p' "$1"; }
has() { grep -qF -- "$2" "$1" || fail "$3: no line with '$2'"; }

R -p 2027-Q1 -o "$tmp/q1.txt" || fail "Q1 text: exit $?"
summary "$tmp/q1.txt" >"$tmp/q1.sum"

# Total malus (staffel of dhs.ini: >= 95 0 %, >= 90 0.5 %, >= 80 1 %, else 2 % and escalation;
# invoice amounts from [domain.*]): servicedesk 79.63 -> 2 % x 18000.00 = 360.00; incident
# 78.79 -> 2 % x 15000.00 = 300.00; change 99.88, workplace 98.29, improvement 100.00 -> 0 %.
# 360.00 + 300.00 = 660.00, on the next quarter's invoice.
has "$tmp/q1.sum" "Malus totaal: € 660,00 op de factuur van 2027-Q2" "Q1 total malus"
# Colours: 2 % with escalation is red, 0 % green.
has "$tmp/q1.sum" "Servicedesk & Support                 79,63 rood    < 80,00    2 %     € 360,00" "Q1 servicedesk"
has "$tmp/q1.sum" "Change- & Configuratiebeheer          99,88 groen   ≥ 95,00    0 %       € 0,00" "Q1 change"
# Norms: 4 priorities x 2 clocks, all held to 100 % (the ticket KPIs' norm), none met: 0 of 8;
# servicedesk 0 of 4 (79.53 < 80, 50.41 < 70, 83.87 < 100, 1 < 2); servicedesk60 0 of 1
# (98.45 < 100); incident 1 of 4 (trend 100 >= 100); change 3 of 4 (cmdb 97.50 < 98);
# workplace 2 of 3 (patch 96.03 < 100); iam starts 2027-07-01 (its 3 norms do not apply);
# improvement 3 of 3; other 0 of 1 (onsite 90.91 < 100; complaints has no norm); the sso
# service is measured by iam.sso. 8+4+1+4+4+3+3+1 = 28 norms, 0+0+0+1+3+2+3+0 = 9 met.
has "$tmp/q1.sum" "9 van 28 normen gehaald" "Q1 norms met"
has "$tmp/q1.sum" "P1 Kritiek: reactie                         50,0 % < 100,0 %    niet gehaald" "Q1 P1 response (2 of 4)"
# Percentages at the contract's pct_decimals (1), KPIs and norms too: 0 failed changes of 3 % allowed.
has "$tmp/q1.sum" "Aantal failed changes                       0,0 % ≤ 3,0 %       gehaald" "Q1 failed changes (lower is better)"
grep -q "Account-provisioning-tijd" "$tmp/q1.sum" && fail "Q1: a norm of a domain that has not started"
# Open past the deadline at 2027-04-01 00:00, the breaches listed as still open:
# P1 DHS-0099; P2 DHS-0004, DHS-0017, M2701-0054; P3 DHS-0020, -0023, -0024, -0035, -0059,
# -0072, -0087, M2701-0039, M2701-0056; P4 DHS-0094, M2701-0047.
has "$tmp/q1.sum" "Open en over de termijn aan het eind van de periode: P1 1, P2 3, P3 9, P4 2 (totaal 15)" "Q1 overdue"
n=$(awk '/^Normoverschrijdingen/,/^Domeinen en malus/' "$tmp/q1.txt" | grep -c ' open  ')
[ "$n" = 15 ] || fail "Q1: $n breaches still open in the breaches list, the summary counts 15"
# The domains that escalate together, their reason said once (the line fits the page's width).
has "$tmp/q1.sum" "Escalaties: Servicedesk & Support, Incident- & Probleembeheer (staffel met escalatie)" "Q1 escalations"
# 2026-Q4 ends before the contract's start (2027-01-01): nothing to compare.
has "$tmp/q1.sum" "Vorige periode 4e kwartaal 2026 (2026-Q4): geen gegevens (vóór de start van het contract)" "Q1 previous"

# First page for the client, annex for the auditor: no hash, file or setting before the annex.
sed -n '1,/^Prioriteiten$/p' "$tmp/q1.txt" >"$tmp/first"
grep -Eq '[0-9a-f]{64}|dhs\.ini|cap = |weights = |slakit-versie' "$tmp/first" &&
	fail "the first page shows hashes, files or settings: $(grep -E '[0-9a-f]{64}|dhs\.ini|cap = |weights = ' "$tmp/first" | head -2)"
sed -n '/^Bijlage: verantwoording$/,$p' "$tmp/q1.txt" >"$tmp/annex"
has "$tmp/annex" "Contract          dhs (dhs.ini)" "annex contract file"
has "$tmp/annex" "  cap = yes" "annex settings"
has "$tmp/annex" "  1 dhs-tickets.csv: tickets, generic" "annex imports"
grep -Eq '^SHA-256 contract  [0-9a-f]{64}$' "$tmp/annex" || fail "annex: no contract hash"
# A path given to sla-import shows as its base name.
"$bin/sla-import" -d "$tmp/path.db" -c "$src/samples/contracts/dhs.ini" \
	"$src/samples/exports/dhs-tickets.csv" >/dev/null 2>&1 || fail "import with a path"
"$bin/sla-report" -d "$tmp/path.db" -c "$src/samples/contracts/dhs.ini" -p 2027-Q1 \
	--allow-missing skip -o "$tmp/path.txt" 2>/dev/null
grep -q "$src" "$tmp/path.txt" && fail "a server path is in the report"
has "$tmp/path.txt" "  1 dhs-tickets.csv: tickets, generic" "base name of an import given with a path"
# The same in JSON and CSV (their inputs list gave the file as imported, path and all).
for f in json csv; do
	"$bin/sla-report" -d "$tmp/path.db" -c "$src/samples/contracts/dhs.ini" -p 2027-Q1 \
		--allow-missing skip -o "$tmp/path.$f" 2>/dev/null || fail "path $f: exit $?"
	grep -q "$src" "$tmp/path.$f" && fail "a server path is in the $f report"
done
grep -q '^import,1,file,dhs-tickets.csv$' "$tmp/path.csv" || fail "CSV: base name of the import"
python3 - "$tmp/path.json" <<'PY' || fail "JSON: base name of the import"
import json, sys
r = json.load(open(sys.argv[1]))
files = [i["file"] for i in r["imports"]]
assert files == ["dhs-tickets.csv"], files
PY

# Amber: training given as 2 (of 2): 99.4 x 0.25 + 72.0 x 0.4 + 83.9 x 0.25 + 100.0 x 0.1
# = 84.625 -> 84.63 >= 80: 1 % of 18000.00 = 180.00, no escalation; total 180.00 + 300.00.
R -p 2027-Q1 --kpi servicedesk.training=2 -o "$tmp/amber.txt" || fail "amber: exit $?"
has "$tmp/amber.txt" "Servicedesk & Support                 84,63 oranje  ≥ 80,00    1 %     € 180,00" "amber"
has "$tmp/amber.txt" "Malus totaal: € 480,00 op de factuur van 2027-Q2" "amber total"

# Red without escalation: the lowest step of a staffel that escalates nowhere (79.63 and
# 78.79 are below 80); and red at a step that escalates though it is not the lowest (84.63).
sed 's/^step = 0 2 escalate/step = 0 2/' "$src/samples/contracts/dhs.ini" >"$tmp/noesc.ini"
"$bin/sla-report" -d "$tmp/dhs.db" -c "$tmp/noesc.ini" -p 2027-Q1 -o "$tmp/noesc.txt" ||
	fail "no escalation: exit $?"
has "$tmp/noesc.txt" "Servicedesk & Support                 79,63 rood    < 80,00    2 %" "lowest step is red"
has "$tmp/noesc.txt" "  Escalaties: geen" "no escalation in the summary"
sed 's/^step = 80.00 1$/step = 80.00 1 escalate/' "$src/samples/contracts/dhs.ini" >"$tmp/esc80.ini"
"$bin/sla-report" -d "$tmp/dhs.db" -c "$tmp/esc80.ini" -p 2027-Q1 --kpi servicedesk.training=2 \
	-o "$tmp/esc80.txt" || fail "escalation at 80: exit $?"
has "$tmp/esc80.txt" "Servicedesk & Support                 84,63 rood    ≥ 80,00    1 %" "escalating step is red"

# English, with an invoice amount over a thousand: 2 % of 123456.78 = 2469.1356 -> 2469.14;
# with incident's 300.00: 2769.14.
printf 'period,domain,amount\n2027-Q1,servicedesk,123456.78\n' >"$tmp/inv.csv"
R -p 2027-Q1 --invoice "$tmp/inv.csv" --lang en -o "$tmp/en.txt" || fail "en: exit $?"
has "$tmp/en.txt" "Total penalty: EUR 2,769.14 on the invoice of 2027-Q2" "en total malus"
has "$tmp/en.txt" "9 of 28 norms met" "en norms met"
R -p 2027-Q1 --invoice "$tmp/inv.csv" -o "$tmp/nl.txt"
has "$tmp/nl.txt" "Malus totaal: € 2.769,14 op de factuur van 2027-Q2" "nl thousands"

# The previous period: March against February, February's figures as its own report has them.
R -p 2027-03 -o "$tmp/mar.txt" || fail "March: exit $?"
R -p 2027-02 -o "$tmp/feb.json" || fail "February JSON: exit $?"
R -p 2027-03 -o "$tmp/mar.json" || fail "March JSON: exit $?"
R -p 2027-03 -o "$tmp/mar.csv" || fail "March CSV: exit $?"
summary "$tmp/mar.txt" >"$tmp/mar.sum"
has "$tmp/mar.sum" "Vorige periode ter vergelijking: februari 2027 (2027-02)" "March previous"
# P1 response: March 2 of 3 = 66.7 %, February 0 of 1 = 0.0 %: +66.7 points.
has "$tmp/mar.sum" "P1 Kritiek: reactie                         66,7 % < 100,0 %    niet gehaald      0,0 %      +66,7" "March P1 response"
# The same period end as Q1: the same open tickets past their deadline, though most of them
# were breached (and listed) in January or February: of the 15, seven have their deadline
# before 2027-03-01 (P2 DHS-0004, DHS-0017; P3 DHS-0020, -0023, -0024, -0035, -0059); the
# other eight are in March's breaches table.
has "$tmp/mar.sum" "P1 1, P2 3, P3 9, P4 2 (totaal 15, waarvan 7" "March overdue"
python3 - "$tmp/feb.json" "$tmp/mar.json" <<'PY' || fail "March JSON summary against February's report"
import json, sys
feb, mar = (json.load(open(p)) for p in sys.argv[1:3])
s = mar["summary"]
assert s["previous_period"] == "2027-02" and s["previous_has_data"], s["previous_period"]
# Each domain's previous score is February's own score.
scores = {d["id"]: d["score"] for d in feb["score"]["domains"] if d["scored"]}
for d in s["domains"]:
    want = scores.get(d["id"])
    got = d["previous_score"]
    assert (want is None and got is None) or float(want) == float(got), (d["id"], want, got)
# Each priority norm's previous share is February's priority figure.
prio = {p["priority"]: p for p in feb["priorities"] if p["type"] is None}
for n in s["norms"]:
    if n["kind"] != "priority":
        continue
    pid, clock = n["id"].split("/")
    f = prio[pid]
    if f[clock + "_n"] == 0:
        assert n["previous"] is None, n
    else:
        assert (n["previous"]["within"], n["previous"]["n"]) == (f[clock + "_within"],
                                                              f[clock + "_n"]), (n, f)
# Met and judged add up; every met norm reaches its norm in its direction.
norms = [n for n in s["norms"] if n["value"] is not None]
assert s["norms_judged"] == len(norms) and s["norms_met"] == sum(n["value"]["met"] for n in norms)
for n in norms:
    v, t = n["value"]["value"], n["norm"]
    assert n["value"]["met"] == (v <= t if n["direction"] == "lower" else v >= t), n
assert s["overdue_total"] == 15 and s["overdue"] == {"P1": 1, "P2": 3, "P3": 9, "P4": 2}, s["overdue"]
PY
grep -q '^summary,2027-03,previous_period,2027-02$' "$tmp/mar.csv" || fail "CSV: previous period"
grep -q '^summary_norm,P1/response,previous_value,0$' "$tmp/mar.csv" || fail "CSV: P1 response in February"
grep -q '^summary,2027-03,overdue_total,15$' "$tmp/mar.csv" || fail "CSV: overdue"

# Q1's JSON: the total malus is the sum of the domains' malus, in cents.
R -p 2027-Q1 -o "$tmp/q1.json" || fail "Q1 JSON: exit $?"
python3 - "$tmp/q1.json" <<'PY' || fail "Q1 JSON total malus"
import json, sys
r = json.load(open(sys.argv[1]))
total = sum(d.get("malus_cents", 0) for d in r["score"]["domains"] if d["scored"])
assert r["summary"]["malus_cents"] == total == 66000, (r["summary"]["malus_cents"], total)
assert r["summary"]["norms_met"] == 9 and r["summary"]["norms_judged"] == 28
colours = {d["id"]: d["colour"] for d in r["summary"]["domains"]}
assert colours == {"servicedesk": "red", "servicedesk60": "none", "incident": "red",
                   "change": "green", "workplace": "green", "iam": "none",
                   "improvement": "green", "other": "none"}, colours
PY

# The summary's previous period and the history's are gathered apart (report_summary.c:
# the previous period's verdicts, score and services as its own report; report_history.c:
# the past periods in one pass over the tickets): both must give the same figures. Per
# sample and month, each priority's previous response and resolution within/n and each
# domain's previous score equal the history's entry for the period before.
for c in dhs cloudwise halt; do
	for p in 2027-02 2027-03; do
		"$bin/sla-report" -d "$tmp/$c.db" -c "$src/samples/contracts/$c.ini" -p $p \
			-o "$tmp/prev.json" 2>/dev/null || { fail "$c $p JSON: exit $?"; continue; }
		python3 - "$tmp/prev.json" "$c $p" <<'PY' || fail "$c $p: summary's previous period differs from the history's"
import json, sys
r = json.load(open(sys.argv[1]))
s, hist = r["summary"], r["history"]["periods"]
h = hist[-2]
assert h["period"] == s["previous_period"] and h["data"] and s["previous_has_data"], (h["period"], s)
prio = {p["priority"]: p for p in h["priorities"]}
compared = 0
for n in s["norms"]:
    if n["kind"] != "priority":
        continue
    pid, clock = n["id"].split("/")
    f = prio[pid]
    if f[clock + "_n"] == 0:
        assert n["previous"] is None, (n, f)
    else:
        assert (n["previous"]["within"], n["previous"]["n"]) == (f[clock + "_within"],
                                                              f[clock + "_n"]), (n, f)
        compared += 1
scores = {d["domain"]: d["score"] for d in h["domains"]}
for d in s["domains"]:
    want, got = scores[d["id"]], d["previous_score"]
    assert (want is None and got is None) or float(want) == float(got), (d["id"], want, got)
# Cloudwise holds its priorities to no norm: only its domains compare.
assert compared >= 4 or not any(n["kind"] == "priority" for n in s["norms"]), (sys.argv[2], compared)
PY
	done
done

# One printed page (A4 portrait): from the title through the summary's last line at most 64
# lines of at most 100 columns, for every sample contract, period and language. Before the
# summary was made compact (issue 17), DHS Q1 took 71 lines and Halt 78.
(
	cd "$src/samples/exports" &&
		"$bin/sla-import" -d "$tmp/heutink.db" -c ../contracts/heutink.ini --profile topdesk \
			heutink-topdesk-tickets.csv &&
		"$bin/sla-import" -d "$tmp/heutink.db" -c ../contracts/heutink.ini heutink-events.csv \
			heutink-handovers.csv
) >/dev/null || fail "importing the heutink sample"
for c in dhs cloudwise halt heutink; do
	for p in 2027-01 2027-02 2027-03 2027-Q1; do
		for l in nl en; do
			"$bin/sla-report" -d "$tmp/$c.db" -c "$src/samples/contracts/$c.ini" -p $p --lang $l \
				-o "$tmp/page.txt" 2>/dev/null || { fail "$c $p $l: exit $?"; continue; }
			python3 - "$tmp/page.txt" "$c $p $l" <<'PY' || fail "$c $p $l: the summary is not one page"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
# The section after the summary: the first heading (a line underlined with dashes) after it.
start = next(i for i, l in enumerate(lines) if l in ("Samenvatting", "Summary"))
nxt = next(i for i in range(start + 2, len(lines)) if lines[i] and set(lines[i]) == {"-"}) - 1
end = max(i for i in range(nxt) if lines[i].strip())   # the summary's last line (0-based)
wide = [l for l in lines[:end + 1] if len(l) > 100]
assert end + 1 <= 64 and not wide, (sys.argv[2], end + 1, wide[:1])
PY
		done
	done
done

# Halt Q1: the end users' mark is the mean of three months (8,1 8,0 8,1 = 8,066667), shown to
# two places against its norm; a domain the contract does not score says so; a quarter whose
# domains are not scored does not read as "no malus".
"$bin/sla-report" -d "$tmp/halt.db" -c "$src/samples/contracts/halt.ini" -p 2027-Q1 \
	-o "$tmp/hq1.txt" 2>/dev/null || fail "halt Q1: exit $?"
has "$tmp/hq1.txt" "                                              8,07 ≥ 8,00         gehaald" "halt Q1 mean mark"
# halt.ini shows five domains without scoring them (scored = no, no note of their own): one
# line names them together; Incidentafhandeling has a note and keeps a line of its own.
has "$tmp/hq1.txt" "  Beschikbaarheid; Change Management; Continuïteitsbeheer / Back-up & Recovery; Klanttevredenheid;" "halt Q1 unscored domains together"
has "$tmp/hq1.txt" "    Experience Level Agreements (XLA): niet gescoord, het contract scoort deze domeinen niet" "halt Q1 why"
has "$tmp/hq1.txt" "  Incidentafhandeling                 niet gescoord" "halt Q1 a domain with a note of its own"
grep -q "8,066667" "$tmp/hq1.txt" && fail "halt Q1: the mean mark at six places"

# Issue 17: two figures for one norm. DHS Q1 P2 reactie counts all 26 P2 tickets, each type
# against its own target of [priority.P2]: 25/26 = 96.2 %; the KPI "Reactietijd per
# prioriteit" (tickets:response type=incident,problem) counts the 17 incidents: 16/17 = 94.1 %,
# and it is the KPI that scores the domain and so the malus. The summary says whom each counts.
has "$tmp/q1.sum" "  9 van 28 normen gehaald; P1–P4: storing, verzoek en wijziging, elk met de termijn van zijn type" "Q1 whom the priority lines count"
has "$tmp/q1.sum" "  Reactietijd per prioriteit en Oplostijd per prioriteit tellen alleen storing en probleem; daarop" "Q1 KPIs that count fewer"
has "$tmp/q1.sum" "    is de malus gebaseerd" "Q1 the malus rests on the KPIs"
summary "$tmp/en.txt" >"$tmp/en.sum"
has "$tmp/en.sum" "  9 of 28 norms met; P1–P4: incident, request and change, each against the target for its type" "en whom the priority lines count"
has "$tmp/en.sum" "  Reactietijd per prioriteit and Oplostijd per prioriteit count only incident and problem; the" "en KPIs that count fewer"
has "$tmp/en.sum" "    penalty is based on them" "en the penalty rests on the KPIs"
# The rule is the contract's, not DHS's: a type= that leaves out no type the priority lines
# count says nothing; a priority= does, with its priority.
sed 's/ type=incident,problem$/ type=incident,problem,request,change/' "$src/samples/contracts/dhs.ini" >"$tmp/alltypes.ini"
grep -q 'type=incident,problem,request,change$' "$tmp/alltypes.ini" || fail "alltypes.ini: no type= changed"
"$bin/sla-report" -d "$tmp/dhs.db" -c "$tmp/alltypes.ini" -p 2027-Q1 -o "$tmp/alltypes.txt" ||
	fail "all types: exit $?"
summary "$tmp/alltypes.txt" | grep -q "tellen alleen\|telt alleen" &&
	fail "all types: a KPI that counts every type the priority lines count is said to count fewer"
sed 's/^source = tickets:response type=incident,problem$/source = tickets:response type=incident,problem priority=P2/' \
	"$src/samples/contracts/dhs.ini" >"$tmp/p2.ini"
"$bin/sla-report" -d "$tmp/dhs.db" -c "$tmp/p2.ini" -p 2027-Q1 -o "$tmp/p2.txt" || fail "priority=P2: exit $?"
has "$tmp/p2.txt" "  Reactietijd per prioriteit telt alleen storing en probleem van P2; daarop is de malus gebaseerd;" "priority= named"
# Halt's ticket KPIs count every type (no type=, no priority=): no such sentence; its
# priorities have one target for all their types.
summary "$tmp/hq1.txt" >"$tmp/hq1.sum"
has "$tmp/hq1.sum" "; P1–P4: storing, verzoek en klacht, één termijn per" "halt Q1 whom the priority lines count"
has "$tmp/hq1.sum" "    prioriteit" "halt Q1: one target for all types"
grep -q "telt alleen\|tellen alleen" "$tmp/hq1.sum" && fail "halt Q1: a KPI that counts every ticket is said to count fewer"

# One rule for the places of the measured column: every percentage, of priorities and KPIs
# and their norms, with the contract's pct_decimals (dhs.ini: 1); no legend about more places
# when none shows.
python3 - "$tmp/q1.sum" <<'PY' || fail "Q1: percentages of the measured column with other than one place"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
head = next(i for i, l in enumerate(lines) if l.startswith("  norm ") and "gemeten tegen norm" in l)
start = lines[head].index("gemeten tegen norm")
cells = []
rest = lines[head + 1:]
for i, l in enumerate(rest):
    if not l.strip():
        break
    if len(l) > start and (l[start].isdigit() or l[start] in "<>—") and l[start - 1] == " ":
        cells.append(l[start:start + 19])
    elif i + 1 < len(rest) and rest[i + 1][:start].strip() == "" and rest[i + 1].strip():
        continue            # a long name on a line of its own, its figures on the next
    else:
        break               # the notes under the table
pcts = [p for c in cells for p in re.findall(r"\d+(?:,(\d+))? %", c)]
# 28 norms, 26 of them percentages, each with its norm: 52.
assert len(pcts) == 52, (len(cells), len(pcts))
assert all(len(p) == 1 for p in pcts), [c for c in cells if re.search(r"\d+(,\d\d+)? %", c)]
PY
grep -q "decimaal, meer waar" "$tmp/q1.sum" && fail "Q1: the legend of more places without such a value"
# 79.96 % against 80 %: at one place 80.0, which would read as reaching the norm it misses;
# two places, 79.96 < 80.0, and the legend says why. 79.94 reads 79.9 at one place: no more.
R -p 2027-Q1 --kpi servicedesk.reachability=79.96 -o "$tmp/r7996.txt" || fail "79.96: exit $?"
has "$tmp/r7996.txt" "  Bereikbaarheid servicedesk                  79,96 % < 80,0 %    niet gehaald" "79.96 against 80"
has "$tmp/r7996.txt" "percentages op 1 decimaal, meer waar afronden zou misleiden" "legend of more places"
grep -q "Bereikbaarheid servicedesk  *80,0 %" "$tmp/r7996.txt" && fail "79.96 reads as 80,0 %"
R -p 2027-Q1 --kpi servicedesk.reachability=79.96 --lang en -o "$tmp/r7996en.txt" || fail "79.96 en: exit $?"
has "$tmp/r7996en.txt" "to 1 decimal place, more where rounding would mislead" "en legend of more places"
R -p 2027-Q1 --kpi servicedesk.reachability=79.94 -o "$tmp/r7994.txt" || fail "79.94: exit $?"
has "$tmp/r7994.txt" "  Bereikbaarheid servicedesk                  79,9 % < 80,0 %     niet gehaald" "79.94 against 80"
grep -q "decimaal, meer waar" "$tmp/r7994.txt" && fail "79.94: the legend of more places without such a value"
# pct_decimals is the contract's: at 2, 79.53 % and P1's 2 of 4 = 50.00 %.
sed 's/^pct_decimals = 1 /pct_decimals = 2 /' "$src/samples/contracts/dhs.ini" >"$tmp/pct2.ini"
"$bin/sla-report" -d "$tmp/dhs.db" -c "$tmp/pct2.ini" -p 2027-Q1 -o "$tmp/pct2.txt" || fail "pct_decimals 2: exit $?"
has "$tmp/pct2.txt" "  Bereikbaarheid servicedesk                  79,53 % < 80,00 %   niet gehaald" "pct_decimals 2: KPI"
has "$tmp/pct2.txt" "  P1 Kritiek: reactie                         50,00 % < 100,00 %  niet gehaald" "pct_decimals 2: priority"

# The same places on the workbook's summary sheet: number formats.
py=$(report_python)
if [ -z "$py" ]; then
	fail "no python3 with openpyxl (Debian: python3-openpyxl; scripts/setup.sh installs it)"
else
	R -p 2027-Q1 --kpi servicedesk.reachability=79.96 -o "$tmp/r7996.xlsx" || fail "79.96 xlsx: exit $?"
	"$py" - "$tmp/r7996.xlsx" <<'PY' || fail "XLSX summary: places of the measured column"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
def fmt(label, col):
    return ws.cell(rows[label], col).number_format.replace("_)", "")
# Value (B) and norm (D): 79.96 % needs two places, its norm 80 % the contract's one.
assert fmt("Bereikbaarheid servicedesk", 2) == "0.00%", fmt("Bereikbaarheid servicedesk", 2)
assert fmt("Bereikbaarheid servicedesk", 4) == "0.0%", fmt("Bereikbaarheid servicedesk", 4)
for label in ("P2 Hoog: reactie", "Eerste-contact-oplossingspercentage (FCR)",
              "Reactietijd per prioriteit"):
    assert fmt(label, 2) == "0.0%" and fmt(label, 4) == "0.0%", (label, fmt(label, 2), fmt(label, 4))
texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
assert any(t.startswith("Reactietijd per prioriteit en Oplostijd per prioriteit tellen alleen "
                        "storing en probleem; daarop is de malus gebaseerd") for t in texts), "subset"
assert any(t.startswith("P1–P4: storing, verzoek en wijziging") for t in texts), "population"
assert any(t.startswith("percentages op 1 decimaal") for t in texts), "legend"
PY
fi

# A share below 100 % never reads as 100,0 %: Halt Q1, Microsoft 365 on the 24/7 calendar:
# 2027-01-01 00:00 to 2027-04-01 00:00 local, 90 days less the DST hour of 28 March =
# 2159 h = 7,772,400 s; down 51 min = 3,060 s (14 January; the 28 March outage was announced
# maintenance, left out): 7,769,340 / 7,772,400 = 99,9606 %, at pct_decimals = 1 "100,0 %".
H() { "$bin/sla-report" -d "$tmp/halt.db" -c "$src/samples/contracts/halt.ini" "$@"; }
H -p 2027-Q1 -o "$tmp/halt-q1.txt" 2>/dev/null || fail "halt Q1 text: exit $?"
summary "$tmp/halt-q1.txt" >"$tmp/halt-q1.sum"
has "$tmp/halt-q1.sum" "  Microsoft 365                               99,96 % ≥ 99,8 %    gehaald" "99,96 % is not 100,0 %"
has "$tmp/halt-q1.sum" "percentages op 1 decimaal, meer waar afronden zou misleiden" "the legend says so"
# unit = hours says so beside the number and its norm (halt.ini: [kpi.continuity.rto_uitwijk]
# unit = hours, norm = 4, lower is better); with unit = count it is a bare number.
H -p 2027-02 --kpi continuity.rto_uitwijk=3.5 -o "$tmp/rto.txt" 2>/dev/null || fail "halt rto: exit $?"
summary "$tmp/rto.txt" >"$tmp/rto.sum"
has "$tmp/rto.sum" "  RTO uitwijk (opstarttijd bij calamiteit)    3,5 uur ≤ 4,0 uur   gehaald" "hours in the summary"
has "$tmp/rto.txt" "3,5 uur        ≤ 4 uur" "hours in the KPI table"
H -p 2027-02 --kpi continuity.rto_uitwijk=3.5 --lang en -o "$tmp/rto-en.txt" 2>/dev/null
has "$tmp/rto-en.txt" "  RTO uitwijk (opstarttijd bij calamiteit)    3.5 h ≤ 4.0 h" "hours in English"
awk '/^\[kpi.continuity.rto_uitwijk\]/ { k = 1 } /^\[/ && !/rto_uitwijk/ { k = 0 }
     k && /^unit = hours/ { print "unit = count"; next } { print }' \
	"$src/samples/contracts/halt.ini" >"$tmp/count.ini"
"$bin/sla-report" -d "$tmp/halt.db" -c "$tmp/count.ini" -p 2027-02 --kpi continuity.rto_uitwijk=3.5 \
	-o "$tmp/count.txt" 2>/dev/null || fail "halt unit = count: exit $?"
has "$tmp/count.txt" "  RTO uitwijk (opstarttijd bij calamiteit)    3,5 ≤ 4,0           gehaald" "a count has no unit"

# The workbook's summary likewise (halt 2027-02, RTO 3.5 given): hours with their unit, beside
# a norm of 4 with the value's one place ("3,5 uur", "4,0 uur"); the change in percentage
# points with its sign, as the text: P2 reactie 75,0 % against January's 71,4 % (71.43):
# 75.0 - 71.43 = +3.57, at the text's one place +3,6 (no "%": a change of 3.6
# points is not 3.6 %); each norm on one row, none wrapped, a long name within column A.
if [ -n "$py" ]; then
	H -p 2027-02 --kpi continuity.rto_uitwijk=3.5 -o "$tmp/rto.xlsx" 2>/dev/null || fail "halt rto xlsx: exit $?"
	has "$tmp/rto.txt" "  P2 Hoog: reactie                            75,0 % < 95,0 %     niet gehaald     71,4 %       +3,6" \
		"the text's change for P2 reactie"
	"$py" - "$tmp/rto.xlsx" <<'PY' || fail "XLSX summary: units, change in points, one row a norm"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws, cached = wb.worksheets[0], openpyxl.load_workbook(sys.argv[1], data_only=True).worksheets[0]
rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
fmt = lambda label, col: ws.cell(rows[label], col).number_format.replace("_)", "")
rto = "RTO uitwijk (opstarttijd bij calamiteit)"
assert fmt(rto, 2) == '0.0" uur"' and fmt(rto, 4) == '0.0" uur"', (fmt(rto, 2), fmt(rto, 4))
assert fmt("RTO restore (restoretijd bij herstel)", 4) == '0" uur"'
p2 = rows["P2 Hoog: reactie"]
assert ws.cell(rows["norm"], 7).value == "verschil", ws.cell(rows["norm"], 7).value
change = cached.cell(p2, 7).value
assert abs(change - 3.6) < 1e-9, change
assert "%" not in fmt("P2 Hoog: reactie", 7) and fmt("P2 Hoog: reactie", 7).startswith("+0.0;-0.0;"), \
    fmt("P2 Hoog: reactie", 7)
first, last = rows["norm"] + 1, rows["D. Informatievoorziening"]
for r in range(first, last + 1):
    c = ws.cell(r, 1)
    assert c.value, "a blank row %d in the norm table" % r
    assert not (c.alignment and c.alignment.wrap_text), "norm %r wraps" % c.value
    assert ws.row_dimensions[r].height in (None, 15), (r, ws.row_dimensions[r].height)
long = max(len(ws.cell(r, 1).value) for r in range(first, last + 1))
assert ws.column_dimensions["A"].width >= long + 2, (ws.column_dimensions["A"].width, long)
PY
fi

# One norm is one norm: Cloudwise judges a single norm (complaints within 2 working days).
"$bin/sla-report" -d "$tmp/cloudwise.db" -c "$src/samples/contracts/cloudwise.ini" -p 2027-02 \
	-o "$tmp/cw.txt" 2>/dev/null || fail "cloudwise February: exit $?"
has "$tmp/cw.txt" "  1 van 1 norm gehaald;" "one norm in the singular"

echo "report_summary: $failed failed"
[ "$failed" -eq 0 ]
