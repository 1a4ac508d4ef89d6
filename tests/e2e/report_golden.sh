#!/bin/sh
# End-to-end: the text SLR of the samples, byte for byte against the golden
# files in tests/data/report/ (Dutch quarterly for dhs and cloudwise, English
# monthly for halt), and the same bytes on a second run. The import times are
# pinned (report_lib.sh), so the files depend on the data only.
#
# usage: report_golden.sh BINDIR SRCDIR
# With SK_UPDATE_GOLDEN=1 the golden files are rewritten instead (then review
# the diff: every figure in them is a claim).
set -u
LC_ALL=C
export LC_ALL
bin=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
gold=$src/tests/data/report
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }
. "$src/tests/e2e/report_lib.sh"

report_samples "$bin" "$src" "$tmp" || { echo "FAIL: importing the samples"; exit 1; }

# name contract period extra-options
while read -r name c p opts; do
	# shellcheck disable=SC2086
	"$bin/sla-report" -d "$tmp/$c.db" -c "$src/samples/contracts/$c.ini" -p "$p" $opts -o "$tmp/$name" ||
		fail "$name: sla-report exit $?"
	# shellcheck disable=SC2086
	"$bin/sla-report" -d "$tmp/$c.db" -c "$src/samples/contracts/$c.ini" -p "$p" $opts -o - >"$tmp/$name.2" ||
		fail "$name: sla-report -o - exit $?"
	cmp -s "$tmp/$name" "$tmp/$name.2" || fail "$name: a second run (to standard output) differs"
	if [ "${SK_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$tmp/$name" "$gold/$name"
		echo "updated $gold/$name"
	elif ! cmp -s "$gold/$name" "$tmp/$name"; then
		fail "$name differs from the golden file:"
		diff -u "$gold/$name" "$tmp/$name" | head -40
	fi
done <<LIST
dhs-2027-Q1.txt dhs 2027-Q1
cloudwise-2027-Q1.txt cloudwise 2027-Q1
halt-2027-01.en.txt halt 2027-01 --lang en
LIST

echo "report_golden: $failed failed"
[ "$failed" -eq 0 ]
