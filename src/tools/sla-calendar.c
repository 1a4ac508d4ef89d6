/* sla-calendar: business-hour arithmetic on a contract's calendar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"

enum { OPT_CALENDAR = 256 };

static const struct tool_opt opts[] = {
	{ 'c', "contract", "CONTRACT", "contract file (INI, see slakit-contract(5))" },
	{ OPT_CALENDAR, "calendar", "NAME", "calendar of the contract (default: its default calendar)" },
	{ 0, NULL, NULL, NULL }
};

static const struct tool tool = {
	"sla-calendar",
	"sla-calendar -c CONTRACT [--calendar NAME] between START END\n"
	"sla-calendar -c CONTRACT [--calendar NAME] add START DURATION\n"
	"sla-calendar -c CONTRACT [--calendar NAME] next START\n"
	"sla-calendar -c CONTRACT [--calendar NAME] holidays YEAR",
	"Business-time arithmetic on a contract's calendar, exact to the second.",
	"commands:\n"
	"  between START END     business seconds from START to END\n"
	"  add START DURATION    the deadline: local time when DURATION (15m, 4h, 1d) is used up,\n"
	"                        or the end of the business day (eod) or the Nth after it (eod+N)\n"
	"  next START            the first business moment at or after START\n"
	"  holidays YEAR         the closed days of YEAR: date, a tab, the name\n"
	"\nSTART and END: 'YYYY-MM-DD HH:MM[:SS]', 'YYYY-MM-DDTHH:MM[:SS]' with optional Z or\n"
	"+HH:MM, or 'DD-MM-YYYY HH:MM[:SS]'; without an offset, local to the contract's zone.\n",
	opts
};

struct args {
	const char *contract;
	const char *calendar;
};

static int on_opt(int key, const char *arg, void *ctx)
{
	struct args *a = ctx;

	if (key == 'c')
		a->contract = arg;
	else if (key == OPT_CALENDAR)
		a->calendar = arg;
	return 0;
}

/* The calendar functions fill no diagnostic; out of memory is theirs to return. */
static int out_of_memory(void)
{
	tool_error(&tool, "%s", sk_strerror(SK_ERR_NOMEM));
	return EXIT_SYSTEM;
}

/* Parse an instant given on the command line; reports and returns non-zero on failure. */
static int read_time(const char *what, const char *text, const struct sk_tz *tz, sk_time *t)
{
	struct sk_diag d;

	sk_diag_clear(&d);
	if (sk_time_parse(text, tz, t, NULL, &d) != SK_OK) {
		snprintf(d.field, sizeof(d.field), "%s", what);
		tool_diag(&tool, &d);
		return EXIT_BADDATA;
	}
	return 0;
}

static int cmd_between(struct sk_calendar *cal, char **argv)
{
	sk_time a, b;
	int64_t secs;
	enum sk_err err;
	int rc;

	if ((rc = read_time("START", argv[0], sk_calendar_tz(cal), &a)) ||
	    (rc = read_time("END", argv[1], sk_calendar_tz(cal), &b)))
		return rc;
	err = sk_calendar_between(cal, a, b, &secs);
	if (err == SK_ERR_NOMEM)
		return out_of_memory();
	if (err != SK_OK) {
		tool_error(&tool, "'%s' to '%s': outside the years 1900-2199", argv[0], argv[1]);
		return EXIT_BADDATA;
	}
	printf("%lld\n", (long long)secs);
	return EXIT_OK;
}

static int cmd_add(struct sk_calendar *cal, char **argv)
{
	struct sk_duration dur;
	struct sk_diag d;
	sk_time start, end;
	char buf[32];
	enum sk_err err;
	int rc;

	if ((rc = read_time("START", argv[0], sk_calendar_tz(cal), &start)))
		return rc;
	sk_diag_clear(&d);
	if (sk_duration_parse(argv[1], &dur, &d) != SK_OK) {
		snprintf(d.field, sizeof(d.field), "DURATION");
		tool_diag(&tool, &d);
		return EXIT_BADDATA;
	}
	if (dur.eod)
		err = sk_calendar_end_of_day(cal, start, dur.eod_next, &end);
	else
		err = sk_calendar_add(cal, start,
				      sk_duration_seconds(&dur, sk_calendar_standard_day(cal)), &end);
	if (err == SK_ERR_NOMEM)
		return out_of_memory();
	if (err == SK_ERR_CALENDAR) {
		tool_error(&tool, "calendar '%s' has no business hours", sk_calendar_name(cal));
		return EXIT_BADDATA;
	}
	if (err != SK_OK) {
		tool_error(&tool, "'%s' plus '%s': beyond the years 1900-2199", argv[0], argv[1]);
		return EXIT_BADDATA;
	}
	printf("%s\n", sk_time_format_local(end, sk_calendar_tz(cal), buf, sizeof(buf)));
	return EXIT_OK;
}

static int cmd_next(struct sk_calendar *cal, char **argv)
{
	sk_time t, next;
	char buf[32];
	enum sk_err err;
	int rc;

	if ((rc = read_time("START", argv[0], sk_calendar_tz(cal), &t)))
		return rc;
	err = sk_calendar_next_business(cal, t, &next);
	if (err == SK_ERR_NOMEM)
		return out_of_memory();
	if (err != SK_OK) {
		tool_error(&tool, err == SK_ERR_CALENDAR ? "calendar '%s' has no business hours"
				  : "calendar '%s': no business time before the year 2200",
			   sk_calendar_name(cal));
		return EXIT_BADDATA;
	}
	printf("%s\n", sk_time_format_local(next, sk_calendar_tz(cal), buf, sizeof(buf)));
	return EXIT_OK;
}

static int cmd_holidays(struct sk_calendar *cal, const char *arg)
{
	const struct sk_holiday *list;
	struct sk_holidays *hol = sk_calendar_holidays(cal);
	char *end;
	long year = strtol(arg, &end, 10);
	size_t n = 0;

	if (*end || end == arg || year < 1900 || year > 2199)
		return tool_misuse(&tool, "YEAR must be a year from 1900 to 2199, not '%s'", arg);
	if (!hol || sk_calendar_is_24x7(cal))
		return EXIT_OK;
	if (sk_holidays_year(hol, (int)year, &list, &n) != SK_OK)
		return out_of_memory();
	for (size_t i = 0; i < n; i++) {
		int y, m, d;

		sk_civil_from_days(list[i].day, &y, &m, &d);
		printf("%04d-%02d-%02d\t%s\n", y, m, d, list[i].name);
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	struct args a = { NULL, NULL };
	struct sk_contract *c = NULL;
	struct sk_calendar *cal;
	struct sk_diag d;
	enum sk_err err;
	const char *cmd;
	int first, rc, idx, nargs;

	rc = tool_parse(&tool, argc, argv, on_opt, &a, &first);
	if (rc >= 0)
		return rc;
	if (!a.contract)
		return tool_missing(&tool, "-c/--contract");
	if (first >= argc)
		return tool_misuse(&tool, "a command is needed: between, add, next or holidays");
	cmd = argv[first];
	nargs = argc - first - 1;
	if (!((strcmp(cmd, "between") == 0 && nargs == 2) || (strcmp(cmd, "add") == 0 && nargs == 2) ||
	      (strcmp(cmd, "next") == 0 && nargs == 1) || (strcmp(cmd, "holidays") == 0 && nargs == 1))) {
		if (strcmp(cmd, "between") && strcmp(cmd, "add") && strcmp(cmd, "next") &&
		    strcmp(cmd, "holidays"))
			return tool_misuse(&tool, "unknown command '%s'", cmd);
		return tool_misuse(&tool, "wrong number of arguments for '%s'", cmd);
	}
	sk_diag_clear(&d);
	if ((err = sk_contract_load(a.contract, &c, &d)) != SK_OK)
		return tool_fail(&tool, err, &d);
	idx = a.calendar ? sk_contract_find_calendar(c, a.calendar) : c->default_calendar;
	if (idx < 0) {
		tool_error(&tool, "%s: no calendar '%s'", a.contract, a.calendar);
		rc = EXIT_BADDATA;
		goto out;
	}
	cal = c->calendars[idx].cal;
	if (strcmp(cmd, "between") == 0)
		rc = cmd_between(cal, argv + first + 1);
	else if (strcmp(cmd, "add") == 0)
		rc = cmd_add(cal, argv + first + 1);
	else if (strcmp(cmd, "next") == 0)
		rc = cmd_next(cal, argv + first + 1);
	else
		rc = cmd_holidays(cal, argv[first + 1]);
	if (rc == EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
		tool_error(&tool, "cannot write to standard output");
		rc = EXIT_SYSTEM;
	}
out:
	sk_contract_free(c);
	return rc;
}
