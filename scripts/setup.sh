#!/bin/sh
# Set up a fresh Debian machine and build slakit into build/.
# Installs the Debian packages that are missing (apt-get, non-interactive,
# as root or through password-less sudo), then configures and builds with CMake.
# Idempotent: on a prepared machine it only rebuilds what changed.
#
#   scripts/setup.sh              # release build in build/
#   scripts/setup.sh --sanitize   # ASan + UBSan build in build-sanitize/
#   scripts/setup.sh --valgrind   # build-valgrind/: end-to-end tests also under valgrind
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
cmake_args=""
case "${1:-}" in
--sanitize) build="$top/build-sanitize"; cmake_args="-DSLAKIT_SANITIZE=ON" ;;
--valgrind) build="$top/build-valgrind"; cmake_args="-DSLAKIT_VALGRIND=ON" ;;
"") ;;
*) echo "usage: scripts/setup.sh [--sanitize | --valgrind]" >&2; exit 2 ;;
esac

# What the build, the tests and the demo need, as Debian package names
# (valgrind for the memcheck run of the tests, time for scripts/bench.sh).
packages="gcc make cmake pkg-config libc6-dev libcsv-dev libsqlite3-dev sqlite3
libcmocka-dev libxlsxwriter-dev libinih-dev nettle-dev libminizip-dev tzdata python3-openpyxl valgrind time"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	echo "setup: installing$missing" >&2
	if [ "$(id -u)" -eq 0 ]; then
		as_root=""
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		as_root="sudo -n"
	else
		echo "setup: missing packages:$missing; run as root or install them with apt-get" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$as_root apt-get update -qq </dev/null
	# shellcheck disable=SC2086
	$as_root apt-get install -y -qq --no-install-recommends $missing </dev/null >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
# shellcheck disable=SC2086
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo $cmake_args >/dev/null
cmake --build "$build" -j "$jobs" >/dev/null
echo "setup: built $build/bin" >&2
