#!/bin/sh
# The demo: set up and build, then run the main job on the sample data in
# samples/ for each of the three sample contracts: import the exports into a
# database, compute the ticket verdicts of January-March 2027 and of Q1,
# score Q1 (KPIs, domain scores, staffel, malus), and write the monthly and
# quarterly service level reports in every format (XLSX, text, CSV, JSON).
# The fourth, heutink, is the Single Point of Contact service: hand-overs to
# the school's suppliers (a TOPdesk export with its supplier column, status
# history and an import of hand-overs), with an --explain of one of them.
# Everything lands in out/demo/.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/setup.sh"

bin=$top/build/bin
samples=$top/samples
out=$top/out/demo
rm -rf "$out"
mkdir -p "$out"

ex=$samples/exports
for c in dhs cloudwise halt heutink; do
	db=$out/$c.db
	contract=$samples/contracts/$c.ini
	# Generic exports of each contract, then the profile-specific ones.
	if [ $c != heutink ]; then
		"$bin/sla-import" -v -d "$db" -c "$contract" "$ex/$c-tickets.csv" "$ex/$c-events.csv" "$ex/$c-pauses.csv"
	fi
	case $c in
	dhs)
		"$bin/sla-import" -v -d "$db" -c "$contract" --profile topdesk "$ex/dhs-topdesk-tickets.csv"
		"$bin/sla-import" -v -d "$db" -c "$contract" "$ex/dhs-calls.csv" "$ex/dhs-outages.csv" "$ex/dhs-kpi.csv"
		# Deviations explained, with improvement actions (they count for improvement.actions).
		"$bin/sla-import" -v -d "$db" -c "$contract" "$ex/dhs-deviations.csv"
		;;
	cloudwise)
		"$bin/sla-import" -v -d "$db" -c "$contract" --profile servicenow "$ex/cloudwise-servicenow-incidents.csv"
		"$bin/sla-import" -v -d "$db" -c "$contract" --profile jira "$ex/cloudwise-jira-issues.csv"
		;;
	halt)
		"$bin/sla-import" -v -d "$db" -c "$contract" --profile zendesk "$ex/halt-zendesk-tickets.csv"
		"$bin/sla-import" -v -d "$db" -c "$contract" "$ex/halt-outages.csv" "$ex/halt-kpi.csv"
		"$bin/sla-import" -v -d "$db" -c "$contract" "$ex/halt-deviations.csv"
		# Updates to the customer (status-update cadence, §10.1): one late gap, a
		# P1 response by email, a P1 without update data.
		"$bin/sla-import" -v -d "$db" -c "$contract" --kind updates "$ex/halt-updates.csv"
		"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-01 --explain HALT-0020 \
			>"$out/halt-explain-HALT-0020.txt"
		;;
	heutink)
		"$bin/sla-import" -v -d "$db" -c "$contract" --profile topdesk "$ex/heutink-topdesk-tickets.csv"
		"$bin/sla-import" -v -d "$db" -c "$contract" "$ex/heutink-events.csv" "$ex/heutink-handovers.csv"
		# A ticket with the internet provider and the printer supplier at once.
		"$bin/sla-compute" -d "$db" -c "$contract" -p 2027-Q1 --explain H27-011 \
			>"$out/heutink-explain-H27-011.txt"
		;;
	esac

	for p in 2027-01 2027-02 2027-03 2027-Q1; do
		"$bin/sla-compute" -d "$db" -c "$contract" -p $p --format csv >"$out/$c-$p-tickets.csv"
		"$bin/sla-compute" -d "$db" -c "$contract" -p $p >"$out/$c-$p-tickets.txt"
	done

	# A KPI the samples hold no data for is shown as missing (exit 3 otherwise):
	# the demo asks to leave such KPIs out and says so in the output.
	"$bin/sla-score" -d "$db" -c "$contract" -p 2027-Q1 --allow-missing skip >"$out/$c-2027-Q1-score.txt"
	"$bin/sla-score" -d "$db" -c "$contract" -p 2027-Q1 --allow-missing skip --format json \
		>"$out/$c-2027-Q1-score.json"

	for p in 2027-01 2027-02 2027-03 2027-Q1; do
		for f in xlsx txt csv json; do
			"$bin/sla-report" -d "$db" -c "$contract" -p $p -o "$out/$c-$p-slr.$f"
		done
	done
done

# The calendar on its own: the werkdag deadline of a P3 reported on Friday afternoon.
"$bin/sla-calendar" -c "$samples/contracts/cloudwise.ini" add '2027-01-08 16:30' 1d >"$out/calendar-example.txt"
"$bin/sla-calendar" -c "$samples/contracts/dhs.ini" holidays 2027 >>"$out/calendar-example.txt"

echo
echo "demo: results in $out"
ls "$out"
echo
# The start of the main product: De Haagse Scholen's quarterly SLR, through its
# management summary (up to the next section's heading).
if [ -f "$out/dhs-2027-Q1-slr.txt" ]; then
	awk '/^Prioriteiten$/ { exit } { print }' "$out/dhs-2027-Q1-slr.txt"
else
	sed -n '1,40p' "$out/dhs-2027-Q1-score.txt"
fi
