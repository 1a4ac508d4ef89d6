#!/bin/sh
# The monthly service level report, ready for cron: import the latest
# exports, compute the verdicts, and write last month's SLR; in the first
# month of a quarter (January, April, July, October) also last quarter's.
# Quiet on success but for the tools' warnings (-v lists what it wrote); on
# a failure it names the failing step on stderr and exits with that tool's
# status (1 bad data, 2 usage, 3 missing data, 4 system error, 5 a warning
# under -s). Every file appears whole or not at all, two runs on one database
# never overlap (a lock beside the database), and it never reads standard
# input.
#
# usage: monthly-slr.sh -c CONTRACT -d DB -e EXPORTS -o OUTDIR
#                       [-b BINDIR] [-t YYYY-MM-DD] [-l nl|en] [-f "xlsx txt"] [-s] [-v]
#
#   -c CONTRACT  the contract file (slakit-contract(5))
#   -d DB        the slakit database (created on the first run)
#   -e EXPORTS   a directory of CSV exports: every *.csv in it is imported,
#                oldest first, so the newest export of a ticket wins; a name
#                with topdesk, servicenow, jira or zendesk in it is read with
#                that profile, any other with the generic one (sla-import(1)).
#                Importing an export twice changes nothing.
#   -o OUTDIR    where the reports go: NAME-PERIOD-slr.FORMAT, and the
#                verdicts as NAME-PERIOD-tickets.csv (NAME: the contract
#                file's name without .ini)
#   -b BINDIR    where sla-import, sla-compute and sla-report are (default:
#                build/bin of this tree when there, else $PATH)
#   -t DATE      take DATE as today (default: today, local time)
#   -l LANG      the report's language (default: the contract's)
#   -f FORMATS   formats to write (default: "xlsx txt")
#   -s           strict: a period without any ticket is a failure (exit 3),
#                not a warning on stderr; and sla-report gets --strict: a KPI
#                without a value, or data older than the period's end, is a
#                failure (exit 5) and that report is not written
#   -v           print the path of every file written
#
# crontab, at 06:00 on the 3rd of every month:
#   0 6 3 * * /opt/slakit/scripts/monthly-slr.sh -c /etc/slakit/dhs.ini \
#       -d /var/lib/slakit/dhs.db -e /srv/exports/dhs -o /srv/slr/dhs
set -u

usage() {
	sed -n '12,13p' "$0" | sed 's/^# //' >&2
	exit 2
}

contract= db= exports= out= bindir= today= lang= formats="xlsx txt" strict=0 verbose=0
while getopts c:d:e:o:b:t:l:f:svh opt; do
	case $opt in
	c) contract=$OPTARG ;;
	d) db=$OPTARG ;;
	e) exports=$OPTARG ;;
	o) out=$OPTARG ;;
	b) bindir=$OPTARG ;;
	t) today=$OPTARG ;;
	l) lang=$OPTARG ;;
	f) formats=$OPTARG ;;
	s) strict=1 ;;
	v) verbose=1 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage
for o in "c:$contract" "d:$db" "e:$exports" "o:$out"; do
	[ -n "${o#?:}" ] || { echo "monthly-slr: missing -${o%%:*}" >&2; usage; }
done

# die STATUS MESSAGE: the failing step, with the status it failed with.
die() {
	status=$1
	shift
	echo "monthly-slr: $*" >&2
	exit "$status"
}

if [ -z "$bindir" ]; then
	top=$(cd "$(dirname "$0")/.." && pwd)
	if [ -x "$top/build/bin/sla-report" ]; then
		bindir=$top/build/bin
	else
		bindir=$(dirname "$(command -v sla-report || echo /nonexistent/sla-report)")
	fi
fi
for t in sla-import sla-compute sla-report; do
	[ -x "$bindir/$t" ] || die 2 "$t not found in $bindir (give -b BINDIR)"
done
[ -r "$contract" ] || die 2 "cannot read the contract '$contract'"
[ -d "$exports" ] || die 3 "no exports directory '$exports'"
mkdir -p "$out" || die 4 "cannot create '$out'"

# One run at a time on a database: a second one fails at once.
tmpfile= lockdir=
trap '[ -z "$tmpfile" ] || rm -f "$tmpfile" "$tmpfile.err"; [ -z "$lockdir" ] || rmdir "$lockdir" 2>/dev/null; :' EXIT
trap 'exit 4' INT TERM HUP
lock=$db.monthly-slr.lock
if command -v flock >/dev/null 2>&1; then
	exec 9>"$lock" || die 4 "cannot create the lock '$lock'"
	flock -n 9 || die 4 "another run holds '$lock'"
else
	mkdir "$lock.d" 2>/dev/null || die 4 "another run holds '$lock.d' (remove it if none runs)"
	lockdir=$lock.d
fi

# Which periods: last month, and last quarter in a quarter's first month.
[ -n "$today" ] || today=$(date +%Y-%m-%d)
case $today in
[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]) ;;
*) die 2 "-t takes YYYY-MM-DD, not '$today'" ;;
esac
year=${today%%-*}
month=${today#*-}
month=${month%%-*}
month=${month#0}
[ "$month" -ge 1 ] && [ "$month" -le 12 ] || die 2 "-t takes YYYY-MM-DD, not '$today'"
if [ "$month" -eq 1 ]; then
	periods=$((year - 1))-12
else
	periods=$(printf '%04d-%02d' "$year" $((month - 1)))
fi
case $month in
1) periods="$periods $((year - 1))-Q4" ;;
4 | 7 | 10) periods="$periods $year-Q$(((month - 1) / 3))" ;;
esac

# Import every export, oldest first; stop at the first that fails.
list=$(ls -1tr "$exports" | grep '\.csv$' || true)
[ -n "$list" ] || die 3 "no *.csv exports in '$exports'"
while IFS= read -r f; do
	case $f in
	*topdesk*) profile=topdesk ;;
	*servicenow*) profile=servicenow ;;
	*jira*) profile=jira ;;
	*zendesk*) profile=zendesk ;;
	*) profile=generic ;;
	esac
	"$bindir/sla-import" -d "$db" -c "$contract" --profile "$profile" "$exports/$f" \
		</dev/null >/dev/null || die $? "importing $exports/$f failed"
done <<EOF
$list
EOF

id=$(basename "$contract" .ini)
allow_empty=--allow-empty
[ "$strict" -eq 0 ] || allow_empty=

for period in $periods; do
	# The verdicts, stored for the auditor and kept beside the report.
	target=$out/$id-$period-tickets.csv
	tmpfile=$target.tmp$$
	# The tools refuse a period without any ticket (exit 3) unless told it is
	# expected: strict lets them refuse, else the run warns and goes on.
	"$bindir/sla-compute" -d "$db" -c "$contract" -p "$period" --format csv $allow_empty \
		>"$tmpfile" 2>"$tmpfile.err" </dev/null
	status=$?
	if [ "$status" -eq 3 ] && [ "$strict" -eq 1 ] && grep -q 'no tickets in period' "$tmpfile.err"; then
		rm -f "$tmpfile.err"
		die 3 "$period: no tickets in the period (-s)"
	fi
	cat "$tmpfile.err" >&2
	rm -f "$tmpfile.err"
	[ "$status" -eq 0 ] || die "$status" "sla-compute $period failed"
	if [ "$(wc -l <"$tmpfile")" -le 1 ]; then
		echo "monthly-slr: warning: $period: no tickets in the period" >&2
	fi
	mv -f "$tmpfile" "$target" || die 4 "cannot write '$target'"
	tmpfile=
	[ "$verbose" -eq 0 ] || echo "$target"

	for f in $formats; do
		target=$out/$id-$period-slr.$f
		set -- -d "$db" -c "$contract" -p "$period" -o "$target" $allow_empty
		[ -z "$lang" ] || set -- "$@" --lang "$lang"
		[ "$strict" -eq 0 ] || set -- "$@" --strict
		# sla-report writes beside the target and renames: whole or nothing.
		"$bindir/sla-report" "$@" </dev/null >/dev/null || die $? "sla-report $period $f failed"
		[ "$verbose" -eq 0 ] || echo "$target"
	done
done
