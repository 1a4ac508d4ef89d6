#!/bin/sh
# Set up, build and run every test through ctest: first the normal build,
# then the same suite under AddressSanitizer + UndefinedBehaviorSanitizer,
# then the end-to-end tests under valgrind's memcheck (no errors, no leaks).
#
#   scripts/test.sh            # all three
#   scripts/test.sh --fast     # the normal build only
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
fast=0
case "${1:-}" in
--fast) fast=1 ;;
"") ;;
*) echo "usage: scripts/test.sh [--fast]" >&2; exit 2 ;;
esac

"$top/scripts/setup.sh"
ctest --test-dir "$top/build" --output-on-failure -j "$jobs" </dev/null

if [ "$fast" -eq 0 ]; then
	"$top/scripts/setup.sh" --sanitize
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --test-dir "$top/build-sanitize" --output-on-failure -j "$jobs" </dev/null
	"$top/scripts/setup.sh" --valgrind
	ctest --test-dir "$top/build-valgrind" -L valgrind --output-on-failure -j "$jobs" </dev/null
fi
echo "test: all tests passed" >&2
