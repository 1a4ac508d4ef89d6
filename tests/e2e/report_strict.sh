#!/bin/sh
# End-to-end test of the warnings and --strict (issue 17): sla-report and
# sla-score say on stderr, one line each, which KPIs the contract scores have
# no value ("missing KPIs") and when the data end before the period does
# ("data older than the period's end"); --strict makes either a failure with
# exit 5 and nothing written; monthly-slr.sh -s passes it on.
# The data (tests/data/history) reach up to 2027-03-04 18:00: February ends
# before that, March after it; desk.training is a manual KPI without data.
#
# usage: report_strict.sh BINDIR SRCDIR
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
missing="warning: missing KPIs for 2027-02: desk.training"
older="warning: data older than the period's end: the data reach up to 2027-03-04T18:00:00, period 2027-03 ends 2027-04-01T00:00:00"

# Nothing to warn of: February with the manual KPI given; --strict changes nothing.
"$bin/sla-report" -d "$db" -c "$c" -p 2027-02 --kpi desk.training=2 --strict -o "$tmp/ok.txt" \
	2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] || fail "clean period with --strict: exit $rc"
[ -s "$tmp/ok.txt" ] || fail "clean period with --strict: no report"
[ -s "$tmp/err" ] && fail "clean period warned: $(cat "$tmp/err")"

# A missing KPI: a warning, the report written (also with --allow-missing).
for how in "" "--allow-missing skip"; do
	"$bin/sla-report" -d "$db" -c "$c" -p 2027-02 $how -o "$tmp/w.txt" 2>"$tmp/err" ||
		fail "missing KPI without --strict ($how): exit $?"
	[ -s "$tmp/w.txt" ] || fail "missing KPI without --strict ($how): no report"
	[ "$(cat "$tmp/err")" = "sla-report: $missing" ] || fail "report warning ($how): $(cat "$tmp/err")"
	rm -f "$tmp/w.txt"
done
# ... and the report itself lists it.
# By its name in its domain ([domain.desk] name = Servicedesk, [kpi.desk.training] name = Training).
"$bin/sla-report" -d "$db" -c "$c" -p 2027-02 -o - 2>/dev/null | grep -q '^  Servicedesk: Training ' ||
	fail "the report does not name the missing KPI"

# --strict: exit 5, nothing written, not even over an old report.
echo old >"$tmp/s.txt"
"$bin/sla-report" -d "$db" -c "$c" -p 2027-02 --strict -o "$tmp/s.txt" 2>"$tmp/err"
rc=$?
[ $rc -eq 5 ] || fail "missing KPI with --strict: exit $rc"
[ "$(cat "$tmp/s.txt")" = old ] || fail "missing KPI with --strict: the report was written"
grep -qxF "sla-report: $missing" "$tmp/err" || fail "strict: $(cat "$tmp/err")"
"$bin/sla-report" -d "$db" -c "$c" -p 2027-02 --strict -o - >"$tmp/out" 2>/dev/null
[ -s "$tmp/out" ] && fail "--strict -o - wrote to standard output"
ls "$tmp" | grep -q '\.tmp' && fail "a temporary file left behind"

# Data older than the period's end: its own warning, exit 5 under --strict.
"$bin/sla-report" -d "$db" -c "$c" -p 2027-03 --kpi desk.training=2 -o "$tmp/m.txt" 2>"$tmp/err" ||
	fail "old data without --strict: exit $?"
[ "$(cat "$tmp/err")" = "sla-report: $older" ] || fail "horizon warning: $(cat "$tmp/err")"
rm -f "$tmp/m.txt"
"$bin/sla-report" -d "$db" -c "$c" -p 2027-03 --kpi desk.training=2 --strict -o "$tmp/m.xlsx" \
	2>"$tmp/err"
rc=$?
[ $rc -eq 5 ] || fail "old data with --strict: exit $rc"
[ -e "$tmp/m.xlsx" ] && fail "old data with --strict: a workbook was written"

# sla-score: the same two warnings; --strict: exit 5 and no score on stdout.
"$bin/sla-score" -d "$db" -c "$c" -p 2027-02 --kpi desk.training=2 --strict >"$tmp/out" 2>"$tmp/err" ||
	fail "score, clean period with --strict: exit $?"
[ -s "$tmp/out" ] || fail "score, clean period: no output"
[ -s "$tmp/err" ] && fail "score, clean period warned: $(cat "$tmp/err")"
"$bin/sla-score" -d "$db" -c "$c" -p 2027-02 --allow-missing skip >"$tmp/out" 2>"$tmp/err" ||
	fail "score, missing KPI skipped: exit $?"
[ "$(cat "$tmp/err")" = "sla-score: $missing" ] || fail "score warning: $(cat "$tmp/err")"
"$bin/sla-score" -d "$db" -c "$c" -p 2027-02 --allow-missing skip --strict >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 5 ] || fail "score, missing KPI with --strict: exit $rc"
[ -s "$tmp/out" ] && fail "score with --strict wrote its score"
"$bin/sla-score" -d "$db" -c "$c" -p 2027-03 --kpi desk.training=2 >"$tmp/out" 2>"$tmp/err" ||
	fail "score, old data: exit $?"
[ "$(cat "$tmp/err")" = "sla-score: $older" ] || fail "score horizon warning: $(cat "$tmp/err")"
"$bin/sla-score" -d "$db" -c "$c" -p 2027-03 --kpi desk.training=2 --strict >"$tmp/out" 2>/dev/null
rc=$?
[ $rc -eq 5 ] || fail "score, old data with --strict: exit $rc"

# monthly-slr.sh: without -s the warnings pass through and the report is written;
# with -s sla-report's exit 5 is the job's, and that report is not written.
mkdir "$tmp/ex"
cp "$data/tickets.csv" "$tmp/ex/"
sh "$src/scripts/monthly-slr.sh" -b "$bin" -c "$c" -d "$tmp/j.db" -e "$tmp/ex" -o "$tmp/o" \
	-t 2027-03-10 -f txt </dev/null >/dev/null 2>"$tmp/err" || fail "monthly-slr: exit $?"
grep -q "sla-report: warning: missing KPIs for 2027-02" "$tmp/err" || fail "monthly-slr: $(cat "$tmp/err")"
[ -s "$tmp/o/contract-2027-02-slr.txt" ] || fail "monthly-slr: no report"
rm -rf "$tmp/o"
sh "$src/scripts/monthly-slr.sh" -s -b "$bin" -c "$c" -d "$tmp/j.db" -e "$tmp/ex" -o "$tmp/o" \
	-t 2027-03-10 -f txt </dev/null >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 5 ] || fail "monthly-slr -s: exit $rc: $(cat "$tmp/err")"
[ -e "$tmp/o/contract-2027-02-slr.txt" ] && fail "monthly-slr -s: the report was written"
[ $failed -eq 0 ] || exit 1
echo "report_strict: ok"
