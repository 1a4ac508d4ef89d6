#!/bin/sh
# The monthly service level report, ready for cron: import the latest
# exports, compute the verdicts, and write last month's SLR, or last
# quarter's in the first month of a quarter (January, April, July, October).
# Exits non-zero on the first failure, with the failing step on stderr; never
# reads standard input.
#
# usage: monthly-slr.sh -c CONTRACT -d DB -e EXPORTS -o OUTDIR
#                       [-b BINDIR] [-t YYYY-MM-DD] [-l nl|en] [-f "xlsx txt"]
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
#
# crontab, at 06:00 on the 3rd of every month:
#   0 6 3 * * /opt/slakit/scripts/monthly-slr.sh -c /etc/slakit/dhs.ini \
#       -d /var/lib/slakit/dhs.db -e /srv/exports/dhs -o /srv/slr/dhs
set -eu

usage() {
	sed -n '8,9p' "$0" | sed 's/^# //' >&2
	exit 2
}

contract= db= exports= out= bindir= today= lang= formats="xlsx txt"
while getopts c:d:e:o:b:t:l:f:h opt; do
	case $opt in
	c) contract=$OPTARG ;;
	d) db=$OPTARG ;;
	e) exports=$OPTARG ;;
	o) out=$OPTARG ;;
	b) bindir=$OPTARG ;;
	t) today=$OPTARG ;;
	l) lang=$OPTARG ;;
	f) formats=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] && [ -n "$contract" ] && [ -n "$db" ] && [ -n "$exports" ] && [ -n "$out" ] || usage

die() {
	echo "monthly-slr: $*" >&2
	exit 1
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
	[ -x "$bindir/$t" ] || die "$t not found in $bindir (give -b BINDIR)"
done
[ -r "$contract" ] || die "cannot read the contract '$contract'"
[ -d "$exports" ] || die "no exports directory '$exports'"
mkdir -p "$out" || die "cannot create '$out'"

# Which period: last month, or last quarter in a quarter's first month.
[ -n "$today" ] || today=$(date +%Y-%m-%d)
case $today in
[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]) ;;
*) die "-t takes YYYY-MM-DD, not '$today'" ;;
esac
year=${today%%-*}
month=${today#*-}
month=${month%%-*}
month=${month#0}
case $month in
1 | 4 | 7 | 10)
	q=$(((month - 1) / 3))
	if [ "$q" -eq 0 ]; then
		period=$((year - 1))-Q4
	else
		period=$year-Q$q
	fi
	;;
*) period=$(printf '%04d-%02d' "$year" $((month - 1))) ;;
esac

# Import every export, oldest first; stop at the first that fails.
list=$(ls -1tr "$exports" | grep '\.csv$' || true)
[ -n "$list" ] || die "no *.csv exports in '$exports'"
while IFS= read -r f; do
	case $f in
	*topdesk*) profile=topdesk ;;
	*servicenow*) profile=servicenow ;;
	*jira*) profile=jira ;;
	*zendesk*) profile=zendesk ;;
	*) profile=generic ;;
	esac
	"$bindir/sla-import" -d "$db" -c "$contract" --profile "$profile" "$exports/$f" </dev/null ||
		die "importing $exports/$f failed"
done <<EOF
$list
EOF

id=$(basename "$contract" .ini)

# The verdicts, stored for the auditor and kept beside the report.
"$bindir/sla-compute" -d "$db" -c "$contract" -p "$period" --format csv \
	>"$out/$id-$period-tickets.csv" </dev/null || die "sla-compute $period failed"

for f in $formats; do
	target=$out/$id-$period-slr.$f
	if [ -n "$lang" ]; then
		"$bindir/sla-report" -d "$db" -c "$contract" -p "$period" --lang "$lang" -o "$target" </dev/null ||
			die "sla-report $period $f failed"
	else
		"$bindir/sla-report" -d "$db" -c "$contract" -p "$period" -o "$target" </dev/null ||
			die "sla-report $period $f failed"
	fi
	echo "$target"
done
