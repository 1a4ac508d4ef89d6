#!/bin/sh
# End-to-end: every tool when an allocation fails. tests/faults/failmalloc.c
# (LD_PRELOAD) refuses the Nth malloc, calloc, realloc, strdup or strndup of
# a run, counted over the whole process: slakit, SQLite, libxlsxwriter, libc.
# For each tool on the samples a run without faults gives the reference
# output and the number of allocations; then runs with N spread over that
# whole number (every N when there are few, evenly spaced values else) must
# each either give exactly the reference (stdout, output file, database, exit
# status) or exit 4 with a message on stderr (not "success"), no output file
# or temporary file left beside it, and the database as it was before (for
# sla-compute, which prints after it has stored: or as after a full run).
# Not under SLAKIT_SANITIZE (the library is not built then): exit 77, skipped.
#
# usage: alloc_faults.sh BINDIR SRCDIR
# SK_ALLOC_RUNS=K: at most K values of N per tool (default 200; 0 = every N).
# SK_ALLOC_ONLY=NAME: only that tool's runs (import, compute, score, ...).
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
lib=$bin/libfailmalloc.so
if [ ! -f "$lib" ]; then
	echo "skipped: no $lib (not built with SLAKIT_SANITIZE)"
	exit 77
fi
runs=${SK_ALLOC_RUNS:-200}
contracts=$src/samples/contracts
exports=$src/samples/exports
# In memory where there is a tmpfs: a run's commits need not wait for a disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	tmp=$(mktemp -d -p /dev/shm) || exit 1
else
	tmp=$(mktemp -d) || exit 1
fi
trap 'rm -rf "$tmp"' EXIT INT TERM

. "$src/tests/e2e/report_lib.sh"
report_samples "$bin" "$src" "$tmp" || { echo "FAIL: importing the samples"; exit 1; }
# A database of DHS's tickets only, for the import of its events.
"$bin/sla-import" -d "$tmp/tickets.db" -c "$contracts/dhs.ini" "$exports/dhs-tickets.csv" ||
	{ echo "FAIL: importing the tickets"; exit 1; }

# The content of a database; the import's clock times pinned (on the copy
# only), as they differ from run to run.
state() {
	[ -f "$1" ] || { echo none; return; }
	sqlite3 "$1" "UPDATE imports SET started_at = 0, finished_at = 0" .dump | cksum
}

# The tools, each run in a directory of its own, $W: stdout to $W/out,
# stderr to $W/err, an output file as $W/report.*, a database as $W/db.
# prepare_NAME makes $W ready (a fresh copy of the database).
prepare_none() { :; }
prepare_tickets() { cp "$tmp/tickets.db" "$W/db"; }
prepare_cloudwise() { cp "$tmp/cloudwise.db" "$W/db"; }
run_import() {
	"$bin/sla-import" -d "$W/db" -c "$contracts/dhs.ini" "$exports/dhs-events.csv"
}
run_compute() {
	"$bin/sla-compute" -d "$W/db" -c "$contracts/cloudwise.ini" -p 2027-01
}
run_score() {
	"$bin/sla-score" -d "$tmp/dhs.db" -c "$contracts/dhs.ini" -p 2027-Q1
}
run_report_text() {
	"$bin/sla-report" -d "$tmp/dhs.db" -c "$contracts/dhs.ini" -p 2027-Q1 -o "$W/report.txt"
}
run_report_xlsx() {
	"$bin/sla-report" -d "$tmp/halt.db" -c "$contracts/halt.ini" -p 2027-01 -o "$W/report.xlsx"
}
run_calendar_add() {
	"$bin/sla-calendar" -c "$contracts/dhs.ini" add '2027-04-26 16:00' 1d
}
run_calendar_holidays() {
	"$bin/sla-calendar" -c "$contracts/halt.ini" holidays 2027
}

# One run of NAME in $W with allocation N refused (0: none, and count).
run_one() { # name prepare N
	rm -rf "$W"
	mkdir "$W"
	"prepare_$2"
	SK_FAIL_AT=$3 SK_FAIL_COUNT=1 LD_PRELOAD=$lib "run_$1" >"$W/out" 2>"$W/err"
	echo $? >"$W/rc"
}

# What a run left: exit status, stdout, files (names and bytes), database.
outcome() {
	cat "$W/rc"
	cksum <"$W/out"
	(cd "$W" && for f in *; do
		case $f in out | err | rc | got | db | db-*) ;; *) printf '%s ' "$f"; cksum <"$f" ;; esac
	done)
	state "$W/db"
}

# Check one run with N refused against the reference in $tmp/$1.ref.
check_one() { # name prepare N
	run_one "$1" "$2" "$3"
	rc=$(cat "$W/rc")
	from=$(sed -n 's/^failmalloc: refused allocation [0-9]* from //p' "$W/err")
	sed -i '/^failmalloc: /d' "$W/err"
	# libxlsxwriter 1.1 (and the libminizip it calls) dereference some of
	# their own allocations that failed (lxw_escape_data, lxw_worksheet_new),
	# and some it lets pass, closing a workbook without a part or a cell and
	# saying all went well. Not slakit's to mend (what it can see, xw_keep()
	# catches): counted, not failed.
	case $from in
	libxlsxwriter.so* | libminizip.so*)
		outcome >"$W/got"
		[ "$rc" = 0 ] && cmp -s "$W/got" "$tmp/$1.ref" && return 0 # its noise on stderr
		if [ "$rc" -ge 128 ] || [ "$rc" = 0 ]; then
			echo "$1 N=$3" >>"$tmp/lxw"
			return 0
		fi
		;;
	esac
	if [ "$rc" = "$(head -n 1 "$tmp/$1.ref")" ]; then
		outcome >"$W/got"
		cmp -s "$W/got" "$tmp/$1.ref" && cmp -s "$W/err" "$tmp/$1.err" && return 0
		echo "FAIL: $1 N=$3 (refused in ${from:-none}): exit $rc but not the reference output"
		diff "$tmp/$1.ref" "$W/got" | sed 's/^/    /'
		diff "$tmp/$1.err" "$W/err" | sed 's/^/    /' | head -n 5
		return 1
	fi
	why=
	[ "$rc" = 4 ] || why="exit $rc, not 4 or $(head -n 1 "$tmp/$1.ref");"
	[ -s "$W/err" ] || why="$why no message;"
	grep -q success "$W/err" && why="$why message says success;"
	left=$(cd "$W" && ls | grep -v -x -e out -e err -e rc -e got -e "db.*")
	[ -n "$left" ] && why="$why left $(echo $left);"
	now=$(state "$W/db")
	# sla-compute prints the verdicts after they are stored: its summary may
	# then find no memory, with the new run complete (never part of it).
	[ "$1" = compute ] && [ "$now" = "$(tail -n 1 "$tmp/$1.ref")" ] && now=$(cat "$tmp/$1.before")
	[ "$now" = "$(cat "$tmp/$1.before")" ] || why="$why database changed;"
	[ -z "$why" ] && return 0
	echo "FAIL: $1 N=$3 (refused in ${from:-none}): $why"
	sed 's/^/    /' "$W/err" | head -n 3
	return 1
}

# The values of N for a run of COUNT allocations: every one, or RUNS spread
# evenly from 1 to COUNT (starting at a different place for each tool).
spread() { # count seed
	awk -v n="$1" -v k="$runs" -v s="$2" 'BEGIN {
		if (k == 0 || n <= k) { for (i = 1; i <= n; i++) print i; exit }
		for (i = 0; i < k; i++) print int((i + (s % 7 + 1) / 8) * n / k) + 1 }'
}

failed=0
seed=0
for t in import:tickets compute:cloudwise score:none report_text:none report_xlsx:none \
	calendar_add:none calendar_holidays:none; do
	name=${t%%:*}
	prep=${t#*:}
	seed=$((seed + 1))
	case ${SK_ALLOC_ONLY:-$name} in "$name") ;; *) continue ;; esac
	W=$tmp/$name.w
	mkdir "$W"
	"prepare_$prep"
	state "$W/db" >"$tmp/$name.before"
	run_one "$name" "$prep" 0
	count=$(sed -n 's/^failmalloc: \([0-9]*\) allocations$/\1/p' "$W/err")
	sed -i '/^failmalloc: [0-9]* allocations$/d' "$W/err"
	cp "$W/err" "$tmp/$name.err"
	outcome >"$tmp/$name.ref"
	if [ -z "$count" ] || [ "$(head -n 1 "$tmp/$name.ref")" -gt 3 ]; then
		echo "FAIL: $name: the run without faults: exit $(head -n 1 "$tmp/$name.ref")"
		cat "$W/err"
		failed=$((failed + 1))
		continue
	fi
	if [ "$prep" != none ] && [ "$(tail -n 1 "$tmp/$name.ref")" = "$(cat "$tmp/$name.before")" ]; then
		echo "FAIL: $name: the run without faults leaves the database as it was: nothing to compare"
		failed=$((failed + 1))
	fi
	# Two workers, each on every other N.
	spread "$count" "$seed" >"$tmp/$name.n"
	for k in 0 1; do
		(
			W=$tmp/$name.w$k
			bad=0
			for n in $(awk -v k=$k 'NR % 2 == k' "$tmp/$name.n"); do
				check_one "$name" "$prep" "$n" || bad=$((bad + 1))
			done
			echo $bad >"$tmp/$name.bad$k"
		) &
	done
	wait
	bad=$(($(cat "$tmp/$name.bad0") + $(cat "$tmp/$name.bad1")))
	lxw=$(grep -c "^$name " "$tmp/lxw" 2>/dev/null)
	[ "${lxw:-0}" -gt 0 ] || lxw=
	echo "$name: $count allocations, $(wc -l <"$tmp/$name.n") runs, $bad failed${lxw:+ ($lxw more crashed or wrote a wrong workbook inside libxlsxwriter)}"
	failed=$((failed + bad))
done
[ "$failed" -eq 0 ]
