#!/bin/sh
# Build the libFuzzer harnesses (clang, ASan + UBSan) into build-fuzz/ and run
# each for SECONDS (default 60) on a corpus seeded from samples/ and
# tests/data/. Exits non-zero when a harness crashes; the input that did it is
# in build-fuzz/crashes/. The corpora grow in build-fuzz/corpus/ from run to run.
#
#   scripts/fuzz.sh [SECONDS] [import|datetime|duration|contract|ics]...
#
# Needs clang and its runtime (Debian: clang, libclang-rt-14-dev), installed
# here when missing, as scripts/setup.sh does for the normal build.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build-fuzz"
secs=${1:-60}
case "$secs" in
'' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [NAME]..." >&2; exit 2 ;;
esac
[ $# -gt 0 ] && shift
names=${*:-import datetime duration contract ics}

missing=""
for p in clang libclang-rt-14-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "fuzz: missing packages:$missing; run as root or install them with apt-get" >&2
		exit 1
	fi
	echo "fuzz: installing$missing" >&2
	DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing </dev/null >/dev/null
fi
# The libraries come with the normal build's packages.
pkg-config --exists sqlite3 inih xlsxwriter && [ -f /usr/include/csv.h ] || "$top/scripts/setup.sh"
cmake -S "$top" -B "$build" -DCMAKE_C_COMPILER=clang -DSLAKIT_FUZZ=ON \
	-DSLAKIT_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

# seed NAME FILE...: copy seeds into the seed directory of NAME.
seed() {
	dir="$build/seeds/$1"
	shift
	mkdir -p "$dir"
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"
	done
	return 0
}
rm -rf "$build/seeds"
# Import: the option byte (0 = detect everything) before each export.
mkdir -p "$build/seeds/import"
for f in "$top"/samples/exports/*.csv "$top"/tests/data/import/*.csv "$top"/tests/data/bad/*.csv \
	"$top"/tests/data/real/*.csv "$top"/tests/data/compute/*.csv; do
	[ -f "$f" ] || continue
	{ printf '\000'; head -c 16384 "$f"; } >"$build/seeds/import/$(basename "$f")"
done
seed contract "$top"/samples/contracts/*.ini "$top"/tests/data/contracts/*.ini \
	"$top"/tests/data/contracts-e2e/*.ini "$top"/tests/data/compute/*.ini
seed ics "$top"/tests/data/ics/*.ics "$top"/tests/data/contracts/*.ics
mkdir -p "$build/seeds/datetime" "$build/seeds/duration"
i=0
for s in "2027-01-05 09:00" "2027-01-05T09:00:00+01:00" "2027-03-28 02:30" "2027-10-31 02:30" \
	"05-01-2027 10:00" "3/1/2027 9:05" "31-02-2027" "2027-01-05 09:00:00.123Z" "2027-01-05" \
	"%d/%b/%y %I:%M %p
05/Jan/27 9:05 AM" "%m/%d/%Y %H:%M
01/05/2027 09:00" "%Y-%m-%d %H:%M:%S %z
2027-01-05 09:05:00 +0100"; do
	i=$((i + 1))
	printf '%s' "$s" >"$build/seeds/datetime/$i"
done
i=0
for s in 15m 4h 1d 2d 1h30m 90s 0 "2 werkdagen" "4 uur" "15 min" "1 day" "8 hours"; do
	i=$((i + 1))
	printf '%s' "$s" >"$build/seeds/duration/$i"
done

mkdir -p "$build/crashes"
rc=0
for n in $names; do
	exe="$build/bin/fuzz_$n"
	if [ ! -x "$exe" ]; then
		echo "fuzz: no harness '$n'" >&2
		exit 2
	fi
	mkdir -p "$build/corpus/$n"
	echo "fuzz: $n for ${secs}s" >&2
	if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$exe" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-dict="$top/tests/fuzz/$n.dict" -artifact_prefix="$build/crashes/$n-" \
		"$build/corpus/$n" "$build/seeds/$n" >"$build/$n.log" 2>&1; then
		echo "fuzz: $n crashed; see $build/$n.log and $build/crashes/" >&2
		grep -E '^(==|SUMMARY|artifact_prefix|Test unit written)' "$build/$n.log" | head -20 >&2
		rc=1
	else
		grep -E '^stat::number_of_executed_units|^Done' "$build/$n.log" | tail -1 >&2
	fi
done
exit "$rc"
