#!/bin/sh
# The library's folders depend one way (src/lib/README), held on the built
# objects and the sources:
#  1. every symbol an object of folder F uses from the library is defined in
#     F or a folder below it;
#  2. SQLite is called (sqlite3_* symbols) and SQL text written (SELECT,
#     INSERT, UPDATE, DELETE, sqlite3_prepare) only in src/lib/store/;
#  3. every global symbol named sk_* is declared in a public header
#     (include/slakit/*.h): private functions carry other names.
# usage: layer_check.sh BUILDDIR SRCDIR
set -u
build=$1
src=$2
layers="base time calendar contract store import engine report render"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

i=0
for l in $layers; do
	i=$((i + 1))
	# The folder's objects as CMake lists them (src/lib/CMakeLists.txt).
	[ -r "$build/layers/$l.objects" ] || { echo "FAIL: no $build/layers/$l.objects"; exit 1; }
	objs=$(cat "$build/layers/$l.objects")
	[ -n "$objs" ] || fail "folder $l has no objects"
	# shellcheck disable=SC2086
	nm -g --defined-only $objs 2>/dev/null | awk 'NF==3 {print $3}' | sort -u >"$tmp/def.$i"
	echo "$l" >"$tmp/name.$i"
	for o in $objs; do
		nm -u "$o" | awk '{print $2}' | sed "s|^|$(basename "$o" .o) |"
	done >"$tmp/undef.$i"
done
n=$i
i=1
while [ "$i" -le "$n" ]; do
	l=$(cat "$tmp/name.$i")
	j=$((i + 1))
	while [ "$j" -le "$n" ]; do
		u=$(cat "$tmp/name.$j")
		awk 'NR==FNR {d[$1]=1; next} ($2 in d) {print $1 " uses " $2}' "$tmp/def.$j" "$tmp/undef.$i" |
		while read -r line; do
			echo "FAIL: $l/$line, defined in $u/"
		done
		j=$((j + 1))
	done
	if [ "$l" != store ]; then
		grep ' sqlite3_' "$tmp/undef.$i" | while read -r o s; do
			echo "FAIL: $l/$o calls $s (SQLite belongs to store/)"
		done
	fi
	i=$((i + 1))
done >"$tmp/sym"
if [ -s "$tmp/sym" ]; then
	cat "$tmp/sym"
	fails=$((fails + $(wc -l <"$tmp/sym")))
fi

# SQL text outside store/ (string literals with the statements' keywords).
grep -rnE '"[^"]*\b(SELECT|INSERT|UPDATE|DELETE|SAVEPOINT|RELEASE|PRAGMA)\b|sqlite3_prepare' \
	"$src/src/lib" --include='*.c' --include='*.h' | grep -v "^$src/src/lib/store/" >"$tmp/sql"
if [ -s "$tmp/sql" ]; then
	sed "s|^$src/||; s|^|FAIL: SQL outside store/: |" "$tmp/sql" | cut -c1-160
	fails=$((fails + $(wc -l <"$tmp/sql")))
fi

# sk_ names: public API only.
cat "$src"/include/slakit/*.h "$src"/include/slakit.h >"$tmp/public"
cat "$tmp"/def.* | grep '^sk_' | sort -u | while read -r s; do
	grep -qw "$s" "$tmp/public" || echo "FAIL: $s is not public API but is named sk_"
done >"$tmp/names"
if [ -s "$tmp/names" ]; then
	cat "$tmp/names"
	fails=$((fails + $(wc -l <"$tmp/names")))
fi

[ "$fails" -eq 0 ] || { echo "layer_check: $fails failed"; exit 1; }
echo "layer_check: ok"
