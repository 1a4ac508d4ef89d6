#!/bin/sh
# Speed and memory at the scale of a large managed-service provider: generate
# N tickets (default 1,000,000) with status history and pauses over 2027, then
# time each step and print wall time, rows per second and peak memory (RSS).
# (A month of a year of N tickets holds about N/12; the last lines scale the
# year's computation to 1,000,000 tickets and the monthly report to 100,000,
# the sizes of the targets. The year is computed on a fresh copy of the
# database, which has no stored run to replace, and again on one that has.)
# The import is shown next to sqlite3's own .import of the same file, the
# floor it is measured against. Figures only: nothing here passes or fails.
#
#   scripts/bench.sh [N]          # BENCH_DIR=DIR keeps the files in DIR
#
# Needs /usr/bin/time (Debian package 'time') and sqlite3; scripts/setup.sh
# installs both and builds build/.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000000}
case "$n" in
'' | *[!0-9]*) echo "usage: scripts/bench.sh [N]" >&2; exit 2 ;;
esac
"$top/scripts/setup.sh"
bin="$top/build/bin"
contract="$top/samples/contracts/dhs.ini"
if [ -n "${BENCH_DIR:-}" ]; then
	dir=$BENCH_DIR
	mkdir -p "$dir"
else
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
fi

repeat=1
before=
# run LABEL ROWS CMD...: time CMD (output to $dir/out), print one line.
# With repeat=n set, CMD runs n times and the line gives the median wall
# time (this VM's timings vary by a fifth from run to run); with before=SH
# set, SH runs (untimed) before each run.
run() {
	label=$1 rows=$2
	shift 2
	: >"$dir/times"
	i=0
	while [ "$i" -lt "$repeat" ]; do
		# Untimed: $before (a fresh copy of the database), then the written
		# pages of the step before go to disk, not during this one.
		[ -z "$before" ] || eval "$before"
		sync
		if ! /usr/bin/time -f '%e %M' -o "$dir/time" "$@" >"$dir/out" 2>"$dir/err"; then
			printf '%-34s failed: %s\n' "$label" "$(tail -1 "$dir/err")"
			return 1
		fi
		tail -1 "$dir/time" >>"$dir/times"
		i=$((i + 1))
	done
	set -- $(sort -n "$dir/times" | awk '{ t[NR] = $1; if ($2 > k) k = $2 }
		END { print t[int((NR + 1) / 2)], k, NR }')
	awk -v l="$label" -v r="$rows" -v s="$1" -v k="$2" -v n="$3" 'BEGIN {
		speed = s > 0 ? sprintf("%.0f", r / s) : "-"
		printf "%-34s %8.2f s %10s rows/s %7.0f MB%s\n", l, s, speed, k / 1024,
			(n > 1 ? sprintf("  (median of %d)", n) : "") }'
	echo "$1" >"$dir/last"
	echo "$2" >"$dir/last_rss"
}

echo "bench: generating $n tickets in $dir" >&2
awk -v n="$n" -v dir="$dir" -f "$top/scripts/bench-gen.awk"
tickets=$n
events=$(($(wc -l <"$dir/events.csv") - 1))
pauses=$(($(wc -l <"$dir/pauses.csv") - 1))
tenth=$((n / 10))
half=$((n / 2))
head -n $((tenth + 1)) "$dir/tickets.csv" >"$dir/tickets-tenth.csv"
head -n $((half + 1)) "$dir/tickets.csv" >"$dir/tickets-half.csv"
echo "bench: $tickets tickets ($(($(wc -c <"$dir/tickets.csv") / 1048576)) MB), $events events, $pauses pauses" >&2

printf '%-34s %10s %17s %10s\n' step "wall" "speed" "peak RSS"
rm -f "$dir/floor.db"
run "sqlite3 .import tickets (floor)" "$tickets" sqlite3 "$dir/floor.db" ".import --csv $dir/tickets.csv tickets"
floor_t=$(cat "$dir/last")
run "sqlite3 .import events (floor)" "$events" sqlite3 "$dir/floor.db" ".import --csv $dir/events.csv ticket_events"
floor_e=$(cat "$dir/last")
rm -f "$dir/floor.db"

rm -f "$dir/tenth.db"*
run "sla-import tickets (N/10)" "$tenth" "$bin/sla-import" -d "$dir/tenth.db" -c "$contract" "$dir/tickets-tenth.csv"
rss_tenth=$(cat "$dir/last_rss")
rm -f "$dir/tenth.db"*
run "sla-import tickets (N/2)" "$half" "$bin/sla-import" -d "$dir/tenth.db" -c "$contract" "$dir/tickets-half.csv"
rss_half=$(cat "$dir/last_rss")
rm -f "$dir/tenth.db"*
rm -f "$dir/bench.db"*
run "sla-import tickets" "$tickets" "$bin/sla-import" -d "$dir/bench.db" -c "$contract" "$dir/tickets.csv"
imp_t=$(cat "$dir/last")
rss_all=$(cat "$dir/last_rss")
run "sla-import events" "$events" "$bin/sla-import" -d "$dir/bench.db" -c "$contract" "$dir/events.csv"
imp_e=$(cat "$dir/last")
run "sla-import pauses" "$pauses" "$bin/sla-import" -d "$dir/bench.db" -c "$contract" "$dir/pauses.csv"
run "sla-import tickets again (no-op)" "$tickets" "$bin/sla-import" -d "$dir/bench.db" -c "$contract" "$dir/tickets.csv"
awk -v a="$imp_t" -v b="$floor_t" -v c="$imp_e" -v d="$floor_e" 'BEGIN {
	printf "%-34s %8.2fx tickets, %.2fx events (target: 1.5x)\n", "import / sqlite3 .import", a / b, c / d }'
# The page cache (64 MiB, db.c) fills with the first few hundred thousand
# tickets; after that the import's memory stays where it is.
awk -v a="$rss_tenth" -v b="$rss_half" -v c="$rss_all" 'BEGIN {
	printf "%-34s %.0f MB at N/10, %.0f MB at N/2, %.0f MB at N (bounded by the 64 MiB page cache)\n",
		"import peak RSS", a / 1024, b / 1024, c / 1024 }'

# The first run on a database has no stored run to replace, and the file
# grows: each of the three runs is on a fresh copy of the imported database.
repeat=3
before='rm -f "$dir/first.db"*; cp "$dir/bench.db" "$dir/first.db"'
run "sla-compute -p 2027, first run" "$tickets" "$bin/sla-compute" -d "$dir/first.db" -c "$contract" -p 2027 --format csv
first_t=$(cat "$dir/last")
before=
rm -f "$dir/first.db"*
repeat=1
run "sla-compute -p 2027 (stores the run)" "$tickets" "$bin/sla-compute" -d "$dir/bench.db" -c "$contract" -p 2027 --format csv >/dev/null
repeat=3
run "sla-compute -p 2027, recomputed" "$tickets" "$bin/sla-compute" -d "$dir/bench.db" -c "$contract" -p 2027 --format csv
repeat=1
year_t=$(cat "$dir/last")
run "sla-compute -p 2027 --no-store" "$tickets" "$bin/sla-compute" -d "$dir/bench.db" -c "$contract" -p 2027 --format csv --no-store
run "sla-compute -p 2027-03 (a month)" "$((tickets / 12))" "$bin/sla-compute" -d "$dir/bench.db" -c "$contract" -p 2027-03 --format csv
run "sla-score -p 2027-Q1" "$((tickets / 4))" "$bin/sla-score" -d "$dir/bench.db" -c "$contract" -p 2027-Q1 --allow-missing skip
month=$(sqlite3 "$dir/bench.db" "SELECT tickets FROM result_runs WHERE period = '2027-03'")
run "sla-report -p 2027-03 text" "$month" "$bin/sla-report" -d "$dir/bench.db" \
	-c "$contract" -p 2027-03 --format text -o "$dir/report.txt" --allow-missing skip
repeat=3
run "sla-report -p 2027-03 xlsx" "$month" "$bin/sla-report" -d "$dir/bench.db" \
	-c "$contract" -p 2027-03 --format xlsx -o "$dir/report.xlsx" --allow-missing skip
repeat=1
report_t=$(cat "$dir/last")
# December's report: its history holds eleven months of data (computed in one pass).
dec=$(sqlite3 "$dir/bench.db" "SELECT count(*) FROM tickets WHERE reported_at >= strftime('%s', '2027-12-01')")
run "sla-report -p 2027-12 text (history)" "$dec" "$bin/sla-report" -d "$dir/bench.db" \
	-c "$contract" -p 2027-12 --format text -o "$dir/report-12.txt" --allow-missing skip
# The targets scale with the size: a year of N tickets against 1,000,000 in 5 s,
# a month's report against 100,000 tickets in 5 s.
awk -v f="$first_t" -v y="$year_t" -v n="$tickets" -v r="$report_t" -v m="$month" 'BEGIN {
	printf "%-34s %8.2f s first run, %.2f s recomputed, per 1,000,000 tickets (target: < 5 s)\n",
		"compute a year, scaled", f * 1000000 / n, y * 1000000 / n
	printf "%-34s %8.2f s per 100,000 tickets in the month (target: < 5 s)\n", "monthly xlsx report, scaled", (m > 0 ? r * 100000 / m : 0) }'

echo
echo "business-time queries by span (bench_calendar):"
"$top/build/bin/bench_calendar"
