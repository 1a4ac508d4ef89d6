# Sourced by the report_*.sh tests: build the sample databases as the demo
# does, with the import times pinned, so "generated at" (the latest import)
# and everything else in a report depend on the data only.
#
# report_samples BINDIR SRCDIR DIR: writes DIR/dhs.db, DIR/cloudwise.db and
# DIR/halt.db; returns non-zero when an import fails.
#
# report_setup BINDIR SRCDIR: the report tests' common start: bin and src as
# absolute paths, tmp a directory removed on exit, failed=0 and fail MESSAGE
# (counts and prints a failure); returns non-zero when a directory is wrong.
#
# report_python: prints a python3 that has openpyxl (Debian's lives with
# Debian's python3, which may not be first on PATH), or nothing.

# 2027-04-01 06:00 UTC, then one minute per import.
REPORT_PINNED=1806559200

report_samples() {
	_b=$1/sla-import
	_c=$2/samples/contracts
	_dir=$3
	(
		cd "$2/samples/exports" || exit 1
		for c in dhs cloudwise halt; do
			"$_b" -d "$_dir/$c.db" -c "$_c/$c.ini" $c-tickets.csv $c-events.csv $c-pauses.csv || exit 1
		done
		"$_b" -d "$_dir/dhs.db" -c "$_c/dhs.ini" --profile topdesk dhs-topdesk-tickets.csv &&
			"$_b" -d "$_dir/dhs.db" -c "$_c/dhs.ini" dhs-calls.csv dhs-outages.csv dhs-kpi.csv \
				dhs-deviations.csv &&
			"$_b" -d "$_dir/cloudwise.db" -c "$_c/cloudwise.ini" --profile servicenow \
				cloudwise-servicenow-incidents.csv &&
			"$_b" -d "$_dir/cloudwise.db" -c "$_c/cloudwise.ini" --profile jira cloudwise-jira-issues.csv &&
			"$_b" -d "$_dir/halt.db" -c "$_c/halt.ini" --profile zendesk halt-zendesk-tickets.csv &&
			"$_b" -d "$_dir/halt.db" -c "$_c/halt.ini" halt-outages.csv halt-kpi.csv \
				halt-deviations.csv &&
			"$_b" -d "$_dir/halt.db" -c "$_c/halt.ini" --kind updates halt-updates.csv
	) || return 1
	for c in dhs cloudwise halt; do
		sqlite3 "$_dir/$c.db" "UPDATE imports SET started_at = $REPORT_PINNED + 60 * id,
			finished_at = $REPORT_PINNED + 60 * id + 5" || return 1
	done
}

report_python() {
	for _p in python3 /usr/bin/python3; do
		if command -v "$_p" >/dev/null 2>&1 && "$_p" -c 'import openpyxl' 2>/dev/null; then
			echo "$_p"
			return 0
		fi
	done
	return 1
}

report_setup() {
	bin=$(cd "$1" && pwd) || return 1
	src=$(cd "$2" && pwd) || return 1
	tmp=$(mktemp -d) || return 1
	trap 'rm -rf "$tmp"' EXIT INT TERM
	failed=0
	fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }
}
