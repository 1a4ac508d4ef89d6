#!/bin/sh
# End-to-end: sla-import when things go wrong around it. Killed (SIGKILL) in
# the middle of a file and at moments spread over a whole import; a second
# import while one is running; a read-only database file and directory; a
# full disk (a small tmpfs when root may mount one, else a file size limit).
# After each, the database is as it was (or, for a kill after the commit, as
# after the import: never in between) and PRAGMA integrity_check says ok.
# A database locked by sqlite3 and one from a newer schema: import_cli.sh.
# $1 = directory of the binaries, $2 = source tree.
set -u
I="$1/sla-import"
D="$2/tests/data/import"
C="$D/contract.ini"
T=$(mktemp -d)
chmod 755 "$T"
cleanup() {
	[ -n "${writer:-}" ] && kill "$writer" 2>/dev/null
	mountpoint -q "$T/full" 2>/dev/null && umount "$T/full"
	chmod -R u+w "$T" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
pass=0
fail=0

check() { # name expected actual
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
	else
		printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"
		fail=$((fail + 1))
	fi
}
match() { # name pattern actual
	# shellcheck disable=SC2254
	case "$3" in
	$2) pass=$((pass + 1)) ;;
	*) printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"; fail=$((fail + 1)) ;;
	esac
}
state() { sqlite3 "$1" .dump | cksum; }
tickets() { sqlite3 "$1" 'SELECT count(*), total(reported_at), group_concat(DISTINCT import_id) FROM tickets'; }
sound() { sqlite3 "$1" 'PRAGMA integrity_check'; }
rows() { # N: an export of N tickets
	awk -v n="$1" 'BEGIN { print "id,priority,reported_at,title"
		for (i = 0; i < n; i++) printf "K%d,P%d,2027-02-%02d 09:%02d,Storing %d\n", i, i % 4 + 1, i % 28 + 1, i % 60, i }'
}

# Smaller under valgrind (SK_REAL_BIN is set there), where it runs ~50x slower.
n=300000
[ -n "${SK_REAL_BIN:-}" ] && n=50000
rows "$n" >"$T/big.csv"
"$I" -d "$T/a.db" -c "$C" "$D/tickets_ok.csv" || exit 1

# Killed in the middle of a file: the export comes through a pipe that stays
# open, so when the writer has handed over 200,000 rows the import is busy
# with them and cannot have reached the end.
mkfifo "$T/fifo"
before=$(state "$T/a.db")
mkdir "$T/tmp"
TMPDIR="$T/tmp" "$I" -d "$T/a.db" -c "$C" - <"$T/fifo" 2>"$T/err" &
pid=$!
exec 3>"$T/fifo"
rows 200000 >&3
kill -9 "$pid"
wait "$pid" 2>/dev/null
exec 3>&-
check "killed mid-file: database as before" "$before" "$(state "$T/a.db")"
# The rows went through the copy of standard input in TMPDIR (the writer
# could only hand them over once the import had read them): a kill leaves
# no copy behind.
# (Only slakit's files: under valgrind its own pipes are in TMPDIR too.)
check "killed mid-file: no copy of standard input left" "" "$(ls -A "$T/tmp" | grep '^slakit-stdin')"
check "killed mid-file: database sound" ok "$(sound "$T/a.db")"

# Killed at moments spread over a whole import: each time the database is
# as before or as after, never half of it.
cp "$T/a.db" "$T/done.db"
"$I" -d "$T/done.db" -c "$C" "$T/big.csv" || exit 1
after=$(tickets "$T/done.db")
before=$(tickets "$T/a.db")
for delay in 0.1 0.3 0.6 1 1.5 2 3; do
	rm -f "$T/k.db" "$T/k.db-wal" "$T/k.db-shm"
	cp "$T/a.db" "$T/k.db"
	"$I" -d "$T/k.db" -c "$C" "$T/big.csv" 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	now=$(tickets "$T/k.db")
	[ "$now" = "$after" ] && now=$before   # finished before the kill: fine too
	check "killed after ${delay}s: before or after, not between" "$before" "$now"
	check "killed after ${delay}s: database sound" ok "$(sound "$T/k.db")"
done

# Two imports at once (cron overlapping a user): the second waits for the
# first, gives up cleanly after --wait, and goes in once the first is done.
"$I" -d "$T/a.db" -c "$C" - <"$T/fifo" 2>"$T/err1" &
pid=$!
exec 3>"$T/fifo"
rows 1000 >&3
sleep 1
"$I" --wait 1 -d "$T/a.db" -c "$C" "$D/calls.csv" 2>"$T/err2"
check "second import while one runs: exit 4" 4 "$?"
check "second import while one runs: message" "sla-import: $T/a.db: database is locked by another process (waited 1 s); try again later" "$(cat "$T/err2")"
exec 3>&-
wait "$pid"
check "first import finishes" "0 " "$? $(cat "$T/err1")"
"$I" --wait 5 -d "$T/a.db" -c "$C" "$D/calls.csv"
check "second import afterwards" 3 "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM calls')"
check "both imports logged" 3 "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM imports')"

# Read-only database file and directory. Root may write anything, so then
# the import runs as nobody.
as_user=""
if [ "$(id -u)" -eq 0 ]; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups --"
	# nobody must reach the binaries and the tree (not so under /root)
	if ! command -v setpriv >/dev/null 2>&1 ||
		! $as_user "$I" --help >/dev/null 2>&1 || ! $as_user test -r "$C"; then
		as_user=skip
	fi
fi
if [ "$as_user" = skip ]; then
	echo "skipped: read-only database (root, and nobody cannot run the tools here)"
else
	mkdir "$T/ro"
	cp "$T/a.db" "$T/ro/a.db"
	[ "$(id -u)" -eq 0 ] && chown -R 65534:65534 "$T/ro"
	before=$(state "$T/ro/a.db")
	chmod 444 "$T/ro/a.db"
	$as_user "$I" -d "$T/ro/a.db" -c "$C" "$D/pauses.csv" 2>"$T/err"
	check "read-only file: exit 4" 4 "$?"
	check "read-only file: message" "sla-import: $T/ro/a.db: the database file is read-only: cannot write to it" "$(cat "$T/err")"
	chmod 644 "$T/ro/a.db"
	chmod 555 "$T/ro"
	$as_user "$I" -d "$T/ro/a.db" -c "$C" "$D/pauses.csv" 2>"$T/err"
	check "read-only directory: exit 4" 4 "$?"
	check "read-only directory: message" "sla-import: $T/ro/a.db: its directory '$T/ro' is read-only: SQLite keeps its write-ahead log beside the database" "$(cat "$T/err")"
	chmod 755 "$T/ro"
	check "read-only: database as before" "$before" "$(state "$T/ro/a.db")"
fi

# A full disk: a 1 MB tmpfs when root may mount one; and always a file size
# limit (ulimit -f, SIGXFSZ ignored), which makes every write past it fail.
mkdir "$T/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$T/full" 2>/dev/null; then
	cp "$T/a.db" "$T/full/a.db"
	before=$(state "$T/full/a.db")
	"$I" -d "$T/full/a.db" -c "$C" "$T/big.csv" 2>"$T/err"
	check "disk full: exit 4" 4 "$?"
	match "disk full: message" "sla-import: $T/full/a.db: *: the disk is full; nothing imported" "$(cat "$T/err")"
	check "disk full: database as before" "$before" "$(state "$T/full/a.db")"
	check "disk full: database sound" ok "$(sound "$T/full/a.db")"
	umount "$T/full"
else
	echo "skipped: full tmpfs (needs root and mount)"
fi
cp "$T/a.db" "$T/limit.db"
before=$(state "$T/limit.db")
(
	trap '' XFSZ
	ulimit -f 1000
	exec "$I" -d "$T/limit.db" -c "$C" "$T/big.csv"
) 2>"$T/err"
check "file size limit: exit 4" 4 "$?"
match "file size limit: message" "sla-import: $T/limit.db: *; nothing imported" "$(cat "$T/err")"
check "file size limit: database as before" "$before" "$(state "$T/limit.db")"
check "file size limit: database sound" ok "$(sound "$T/limit.db")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
