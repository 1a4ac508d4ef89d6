/* Option parsing, --help and diagnostics shared by the tools. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tool.h"
#include "slakit/datetime.h"
#include "slakit/db.h"
#include "slakit/period.h"
#include "slakit/score.h"

#define MAX_OPTS 64

void tool_usage(const struct tool *t, FILE *fp)
{
	const char *s = t->synopsis;
	int first = 1;

	/* Each synopsis line gets "usage:" or the same indent, like a man page. */
	while (*s) {
		const char *nl = strchr(s, '\n');
		int len = nl ? (int)(nl - s) : (int)strlen(s);

		fprintf(fp, "%s %.*s\n", first ? "usage:" : "      ", len, s);
		first = 0;
		s += len + (nl ? 1 : 0);
	}
	fprintf(fp, "\n%s\n\noptions:\n", t->summary);
	for (const struct tool_opt *o = t->opts; o && o->name; o++) {
		char left[64];

		if (o->key == 'd')
			snprintf(left, sizeof(left), "-d, --db, --database %s", o->arg);
		else if (o->key < 256)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->key, o->name,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(fp, "  %-28s %s\n", left, o->help);
	}
	fprintf(fp, "  %-28s %s\n", "-h, --help", "show this help and exit");
	fprintf(fp, "  %-28s %s\n", "-V, --version", "show the version and exit");
	if (t->epilog)
		fprintf(fp, "\n%s", t->epilog);
}

int tool_misuse(const struct tool *t, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", t->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", t->name);
	return EXIT_USAGE;
}

void tool_diag(const struct tool *t, const struct sk_diag *d)
{
	char buf[2048];

	fprintf(stderr, "%s: %s\n", t->name, sk_diag_format(d, buf, sizeof(buf)));
}

void tool_error(const struct tool *t, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", t->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int tool_exit_for(enum sk_err err)
{
	switch (err) {
	case SK_OK: return EXIT_OK;
	case SK_ERR_USAGE: return EXIT_USAGE;
	case SK_ERR_MISSING: return EXIT_MISSING;
	case SK_ERR_NOMEM: case SK_ERR_IO: case SK_ERR_DB: return EXIT_SYSTEM;
	default: return EXIT_BADDATA;
	}
}

int tool_fail(const struct tool *t, enum sk_err err, const struct sk_diag *d)
{
	if (d && d->err == err && err != SK_OK)
		tool_diag(t, d);
	else
		tool_error(t, "%s", sk_strerror(err));
	return tool_exit_for(err);
}

int tool_parse(const struct tool *t, int argc, char **argv, tool_opt_fn fn,
	       void *ctx, int *first)
{
	struct option lopts[MAX_OPTS + 4];
	char sopts[MAX_OPTS * 2 + 8];
	size_t nl = 0, ns = 0;
	int c, rc;

	/* "+" stops at the first operand so "between -1 ..." style args survive. */
	sopts[ns++] = '+';
	sopts[ns++] = ':';
	for (const struct tool_opt *o = t->opts; o && o->name && nl < MAX_OPTS; o++) {
		lopts[nl++] = (struct option){ o->name, o->arg ? required_argument : no_argument,
					      NULL, o->key };
		/* The database option has both names in every tool. */
		if (o->key == 'd')
			lopts[nl++] = (struct option){ strcmp(o->name, "db") ? "db" : "database",
						      required_argument, NULL, 'd' };
		if (o->key < 256) {
			sopts[ns++] = (char)o->key;
			if (o->arg)
				sopts[ns++] = ':';
		}
	}
	lopts[nl++] = (struct option){ "help", no_argument, NULL, 'h' };
	lopts[nl++] = (struct option){ "version", no_argument, NULL, 'V' };
	lopts[nl] = (struct option){ NULL, 0, NULL, 0 };
	sopts[ns++] = 'h';
	sopts[ns++] = 'V';
	sopts[ns] = '\0';

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, sopts, lopts, NULL)) != -1) {
		if (c == 'h' || c == 'V') {
			if (c == 'h')
				tool_usage(t, stdout);
			else
				printf("%s (slakit) %s\n", t->name, sk_version());
			/* Help that did not reach its reader is a failure, as any output is. */
			if (fflush(stdout) != 0 || ferror(stdout)) {
				tool_error(t, "cannot write to standard output");
				return EXIT_SYSTEM;
			}
			return EXIT_OK;
		}
		if (c == '?' && optopt == 'p')
			return tool_misuse(t, "unknown option '-p': -p is the period, which %s does "
					   "not take", t->name);
		if (c == '?')
			return optopt ? tool_misuse(t, "unknown option '-%c'", optopt)
				      : tool_misuse(t, "unknown option '%s'", argv[optind - 1]);
		if (c == ':')
			return tool_misuse(t, "option '%s' needs an argument", argv[optind - 1]);
		rc = fn(c, optarg, ctx);
		if (rc)
			return rc;
	}
	*first = optind;
	return -1;
}

int tool_opt_kpi(const struct tool *t, const char *arg, struct tool_given *g)
{
	const char *eq = strchr(arg, '=');
	struct sk_diag why;
	sk_dec v;

	if (!eq || eq == arg)
		return tool_misuse(t, "--kpi takes ID=VALUE, not '%s'", arg);
	if (g->n == sizeof(g->v) / sizeof(g->v[0]))
		return tool_misuse(t, "too many --kpi options");
	if (sk_dec_parse(eq + 1, &v, NULL) != SK_OK)
		return tool_misuse(t, "--kpi %s: cannot read '%s' as a number", arg, eq + 1);
	if (sk_kpi_value_check(v, &why) != SK_OK)
		return tool_misuse(t, "--kpi %s: %s", arg, why.msg);
	g->ids[g->n] = strndup(arg, (size_t)(eq - arg));
	if (!g->ids[g->n]) {
		tool_error(t, "out of memory");
		return EXIT_SYSTEM;
	}
	g->v[g->n].id = g->ids[g->n];
	g->v[g->n].value = v;
	g->n++;
	return 0;
}

void tool_given_release(struct tool_given *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++)
		free(g->ids[i]);
	g->n = 0;
}

int tool_opt_missing(const struct tool *t, const char *arg, enum sk_missing_rule *out)
{
	if (strcmp(arg, "zero") == 0)
		*out = SK_MISSING_ZERO;
	else if (strcmp(arg, "skip") == 0)
		*out = SK_MISSING_SKIP;
	else
		return tool_misuse(t, "--allow-missing takes 'zero' or 'skip', not '%s'", arg);
	return 0;
}

int tool_opt_lang(const struct tool *t, const char *arg, const char **out)
{
	if (strcmp(arg, "nl") && strcmp(arg, "en"))
		return tool_misuse(t, "unknown language '%s' (nl or en)", arg);
	*out = arg;
	return 0;
}

int tool_opt_format(const struct tool *t, const char *arg, enum sk_format *out)
{
	if (strcmp(arg, "text") == 0)
		*out = SK_FORMAT_TEXT;
	else if (strcmp(arg, "csv") == 0)
		*out = SK_FORMAT_CSV;
	else if (strcmp(arg, "json") == 0)
		*out = SK_FORMAT_JSON;
	else
		return tool_misuse(t, "unknown format '%s' (text, csv or json)", arg);
	return 0;
}

int tool_missing(const struct tool *t, const char *what)
{
	return tool_misuse(t, "missing %s", what);
}

int tool_db_open(const struct tool *t, const char *path, int flags, struct sk_db **db)
{
	struct sk_diag d;
	struct stat st;
	enum sk_err err;

	/* Only sla-import makes a database; elsewhere a typo must not look like an SQLite fault. */
	if (!(flags & SK_DB_CREATE) && stat(path, &st) != 0 && errno == ENOENT) {
		tool_error(t, "%s: no such database", path);
		return EXIT_MISSING;
	}
	sk_diag_clear(&d);
	if ((err = sk_db_open(path, flags, db, &d)) != SK_OK)
		return tool_fail(t, err, &d);
	return 0;
}

int tool_period(const struct tool *t, const char *text, const struct sk_tz *tz,
		struct sk_period *p)
{
	struct sk_diag d;
	int end_year;

	sk_diag_clear(&d);
	if (sk_period_parse(text, tz, p, &d) != SK_OK)
		return tool_misuse(t, "%s", d.msg);
	/* The period ends at local midnight after its last day: December 2199 ends in 2200. */
	end_year = p->year + (p->first_month - 1 + p->months) / 12;
	if (p->year < 1900 || end_year > 2199)
		return tool_misuse(t, "period %s: it %s outside the years the calendars cover "
				   "(1900-2199)", p->label, p->year < 1900 ? "starts" : "ends");
	return 0;
}

int tool_warn_missing(const struct tool *t, const struct sk_score *s)
{
	char list[1024];
	size_t n = 0;
	int count = 0;

	list[0] = '\0';
	for (size_t i = 0; s && i < s->n_domains; i++) {
		const struct sk_domain_score *ds = &s->domains[i];

		/* A domain that is not scored, or not yet (its start), needs no value. */
		if (!ds->domain->scored || strstr(ds->reason, "starts on"))
			continue;
		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			if (ks->has_value || !ks->kpi->has_weight || !ks->kpi->has_norm)
				continue;
			if (n < sizeof(list))
				n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s.%s", count ? ", " : "",
						      ds->domain->id, ks->kpi->id);
			count++;
		}
	}
	if (!count)
		return 0;
	tool_error(t, "warning: missing KPIs for %s: %s", s->period.label, list);
	return 1;
}

int tool_warn_horizon(const struct tool *t, int64_t horizon, const struct sk_period *p,
		      const struct sk_tz *tz)
{
	char a[40], b[40];

	/* The horizon is the last instant covered; the period's end the first one after it. */
	if (!horizon || horizon >= p->end - 1)
		return 0;
	tool_error(t, "warning: data older than the period's end: the data reach up to %s, period %s "
		   "ends %s", sk_time_format_local(horizon, tz, a, sizeof(a)), p->label,
		   sk_time_format_local(p->end, tz, b, sizeof(b)));
	return 1;
}

int tool_strict_fail(const struct tool *t, int warnings)
{
	tool_error(t, "--strict: %d warning%s, nothing written", warnings, warnings == 1 ? "" : "s");
	return EXIT_STRICT;
}
