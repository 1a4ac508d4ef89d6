/*
 * What every slakit tool shares: an option table that drives both parsing and
 * --help, named exit codes, and one way to print a diagnostic.
 */
#ifndef SLAKIT_TOOL_H
#define SLAKIT_TOOL_H

#include <stdio.h>

#include "slakit.h"

/* Exit codes, the same for every tool (documented in each man page). */
enum tool_exit {
	EXIT_OK = 0,      /* success */
	EXIT_BADDATA = 1, /* the input (file, contract, row) is wrong */
	EXIT_USAGE = 2,   /* the command line is wrong */
	EXIT_MISSING = 3, /* data a figure needs is missing */
	EXIT_SYSTEM = 4,  /* out of memory, I/O, database locked */
	EXIT_STRICT = 5   /* --strict: a warning (missing KPIs, data older than the period's
			     end) made the run fail; nothing was written */
};

/* One option of a tool. */
struct tool_opt {
	int key;              /* short letter, or a value >= 256 for long-only */
	const char *name;     /* long name without "--" */
	const char *arg;      /* argument name shown in --help, NULL for a flag */
	const char *help;     /* one line for --help */
};

/* A tool's identity and options; opts ends with a zeroed entry. */
struct tool {
	const char *name;     /* "sla-calendar" */
	const char *synopsis; /* usage lines as in the man page SYNOPSIS, '\n'-separated */
	const char *summary;  /* one sentence */
	const char *epilog;   /* text after the options, may be NULL */
	const struct tool_opt *opts;
};

/* Called for each option met; return 0 to go on, or an exit code to stop. */
typedef int (*tool_opt_fn)(int key, const char *arg, void *ctx);

/*
 * Parse argv by @t's table (plus -h/--help and -V/--version, handled here).
 * Returns -1 and the index of the first operand in *first when parsing went
 * through, or the exit code to exit with (EXIT_OK after --help/--version,
 * EXIT_USAGE after a misuse, already reported on stderr).
 */
int tool_parse(const struct tool *t, int argc, char **argv, tool_opt_fn fn,
	       void *ctx, int *first);

/* Print the usage (synopsis, summary, options) to @fp. */
void tool_usage(const struct tool *t, FILE *fp);

/* Report a misuse on stderr and point at --help; returns EXIT_USAGE. */
int tool_misuse(const struct tool *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print "tool: file:line: 'field': reason" on stderr. */
void tool_diag(const struct tool *t, const struct sk_diag *d);

/* Print "tool: message" on stderr. */
void tool_error(const struct tool *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The exit code that fits a library error. */
int tool_exit_for(enum sk_err err);

/*
 * Report the library's failure @err on stderr and return its exit code. The
 * code returned decides: @d is printed when it was filled with that code,
 * else the code's own text (a diagnostic may be left from a problem that
 * was got over, or not filled at all).
 */
int tool_fail(const struct tool *t, enum sk_err err, const struct sk_diag *d);

/*
 * Report a required option that was not given: "tool: missing -p/--period"
 * and a pointer at --help; returns EXIT_USAGE. @what names the option as the
 * user types it ("-p/--period").
 */
int tool_missing(const struct tool *t, const char *what);

/*
 * Open the database @path with sk_db_open()'s @flags. Without SK_DB_CREATE a
 * file that does not exist is "tool: DB: no such database" (EXIT_MISSING),
 * not SQLite's "unable to open database file". Returns 0, or the exit code
 * after reporting.
 */
int tool_db_open(const struct tool *t, const char *path, int flags, struct sk_db **db);

/*
 * Parse the period @text in zone @tz into @p and refuse, naming it, a period
 * that reaches past the years the calendars cover (1900-2199): without this
 * it would fail later on whatever ticket or window met the edge first.
 * Returns 0, or EXIT_USAGE after reporting.
 */
int tool_period(const struct tool *t, const char *text, const struct sk_tz *tz,
		struct sk_period *p);

/* Values given with --kpi ID=VALUE (sla-score, sla-report); ids owned here. */
struct tool_given {
	struct sk_given v[64];
	char *ids[64];
	size_t n;
};

/* Read one --kpi ID=VALUE into @g; 0, or EXIT_USAGE after reporting. */
int tool_opt_kpi(const struct tool *t, const char *arg, struct tool_given *g);

/* Free the ids of @g (NULL is accepted). */
void tool_given_release(struct tool_given *g);

/* Read --allow-missing zero|skip; 0, or EXIT_USAGE after reporting. */
int tool_opt_missing(const struct tool *t, const char *arg, enum sk_missing_rule *out);

/* Read --format text|csv|json; 0, or EXIT_USAGE after reporting. */
int tool_opt_format(const struct tool *t, const char *arg, enum sk_format *out);

/* Read --lang nl|en; 0, or EXIT_USAGE after reporting. */
int tool_opt_lang(const struct tool *t, const char *arg, const char **out);

/*
 * The warnings --strict turns into failures (sla-report, sla-score), each one
 * line on stderr naming what: "tool: warning: missing KPIs for 2027-03: a.b,
 * c.d" when a KPI the contract scores has no value for the period (whatever
 * --allow-missing then does with it), and "tool: warning: data older than
 * the period's end: ..." when the data's @horizon (sk_db_horizon(), 0: no
 * data) lies before the end of @p. Each returns 1 when it warned.
 */
int tool_warn_missing(const struct tool *t, const struct sk_score *s);
int tool_warn_horizon(const struct tool *t, int64_t horizon, const struct sk_period *p,
		      const struct sk_tz *tz);

/* After warnings under --strict: say that nothing was written; returns EXIT_STRICT. */
int tool_strict_fail(const struct tool *t, int warnings);

#endif
