/*
 * The first pass over an export, before any row is stored: how its dates
 * are read and how far its data reaches.
 *
 * A date written day and month in numbers (03-04-2027) reads two ways. The
 * order is decided for the whole file, never row by row: from the date
 * format (--date-format or the map), else from the rows whose first or
 * second number is above 12, else from the profile (TOPdesk writes
 * dd-mm-jjjj). A file with rows of both kinds, or with only ambiguous rows
 * and nothing that says the order, is refused: guessing swaps day and month
 * silently.
 *
 * The horizon is the latest time any row holds (planned dates left out: a
 * plan is not data). It goes into the imports row, and it is what the
 * file's rows are as of when they have no update time of their own: an
 * older export never replaces a newer row (store_row_put()).
 *
 * The reader streams, so this is a second read of the file; standard input
 * is copied to a temporary file first.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"
#include "import_priv.h"

/* The conversions sk_datetime_parse_fmt() knows. */
static const char conversions[] = "YymdHMSbpz%";

enum sk_err sk_import_date_format_check(const char *fmt, struct sk_diag *d)
{
	int year = 0, month = 0, day = 0;

	if (!fmt || !*fmt)
		return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL, "empty date format");
	for (const char *f = fmt; *f; f++) {
		if (*f != '%')
			continue;
		if (!*++f || !strchr(conversions, *f))
			return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL,
					   "date format '%s': unknown conversion '%%%c' (known: "
					   "%%Y %%y %%m %%b %%d %%H %%M %%S %%p %%z %%%%)", fmt,
					   *f ? *f : ' ');
		year |= *f == 'Y' || *f == 'y';
		month |= *f == 'm' || *f == 'b';
		day |= *f == 'd';
	}
	if (!year || !month || !day)
		return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL, "date format '%s' has no %s: "
				   "it needs a year (%%Y or %%y), a month (%%m or %%b) and a day "
				   "(%%d)", fmt, !year ? "year" : !month ? "month" : "day");
	return SK_OK;
}

/* 1 when @p s is written like 03-04-2027 (one or two digits, a separator,
 * one or two digits, the same separator, four digits, then the time if
 * any): the shape sk_datetime_parse() reads day first. The two numbers in
 * *a and *b; the offset of the second in *at. */
static int numeric_dmy(const char *s, int *a, int *b, size_t *at)
{
	size_t i = 0, n;
	char sep;

	while (s[i] == ' ' || s[i] == '\t')
		i++;
	for (n = 0, *a = 0; n < 2 && isdigit((unsigned char)s[i]); n++, i++)
		*a = *a * 10 + (s[i] - '0');
	if (!n || isdigit((unsigned char)s[i]) || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
		return 0;
	sep = s[i++];
	*at = i;
	for (n = 0, *b = 0; n < 2 && isdigit((unsigned char)s[i]); n++, i++)
		*b = *b * 10 + (s[i] - '0');
	if (!n || s[i] != sep)
		return 0;
	i++;
	for (n = 0; n < 4 && isdigit((unsigned char)s[i]); n++, i++)
		;
	return n == 4 && !isdigit((unsigned char)s[i]);
}

/* 1 when @p s starts like an ISO date (YYYY-MM-DD), which no format can mean otherwise. */
static int iso_like(const char *s)
{
	while (*s == ' ')
		s++;
	return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && s[4] == '-';
}

/* Read @p s in day-month order @p order (standard forms, then the profile's). */
static enum sk_err read_ordered(const struct imp *x, enum import_order order, const char *s,
				struct sk_datetime *dt)
{
	enum sk_err rc;
	int a, b;
	size_t at;

	/* Month first: the same text with its first two numbers swapped. */
	if (order == ORDER_MONTH_FIRST && numeric_dmy(s, &a, &b, &at)) {
		char buf[160];
		size_t lead = 0, len = strlen(s);
		const char *p = s;

		if (len >= sizeof(buf))
			return SK_ERR_SYNTAX;
		while (*p == ' ' || *p == '\t')
			p++, lead++;
		/* "m<sep>d<sep>rest" becomes "d<sep>m<sep>rest". */
		{
			size_t la = at - lead - 1, lb = strcspn(s + at, "-/.");

			memcpy(buf, s + at, lb);
			buf[lb] = s[at - 1];
			memcpy(buf + lb + 1, p, la);
			snprintf(buf + lb + 1 + la, sizeof(buf) - lb - 1 - la, "%s", s + at + lb);
		}
		return sk_datetime_parse(buf, dt, NULL);
	}
	rc = sk_datetime_parse(s, dt, NULL);
	for (const char *const *f = x->prof->date_formats; rc && *f; f++)
		rc = sk_datetime_parse_fmt(s, *f, dt, NULL);
	return rc;
}

enum sk_err import_read_date(const struct imp *x, const char *s, struct sk_datetime *dt)
{
	enum sk_err rc;

	/* An explicit format is the only reading, except ISO dates, which are
	 * never ambiguous. */
	if (x->date_format) {
		rc = sk_datetime_parse_fmt(s, x->date_format, dt, NULL);
		if (rc && iso_like(s))
			rc = sk_datetime_parse(s, dt, NULL);
		return rc;
	}
	return read_ordered(x, x->dates ? x->dates->order : ORDER_NONE, s, dt);
}

/* What the first pass saw of one kind of date: its first row. */
struct seen {
	long line;
	char text[48];
};

static void see(struct seen *s, long line, const char *text)
{
	if (s->line)
		return;
	s->line = line;
	while (*text == ' ')
		text++;
	snprintf(s->text, sizeof(s->text), "%.*s", (int)strcspn(text, " T"), text);
}

/* The latest time of the file as read in @p order; *has: 1 when any. */
static void reach(const struct imp *x, enum import_order order, const char *s, sk_time *max,
		  int *has)
{
	struct sk_datetime dt;
	sk_time t;

	if (x->date_format ? import_read_date(x, s, &dt) : read_ordered(x, order, s, &dt))
		return;
	if (dt.civil.year < 1900 || dt.civil.year > 2199)
		return;
	t = sk_datetime_resolve(&dt, x->c->tz, NULL);
	if (!*has || t > *max)
		*max = t;
	*has = 1;
}

enum sk_err import_scan(struct imp *x, const char *path, char delim, int enc, struct sk_diag *d)
{
	struct import_dates *dt = x->dates;
	struct csvread *csv = NULL;
	struct csvread_row row;
	struct sk_diag rd;
	struct seen day = { 0 }, month = { 0 }, either = { 0 };
	sk_time max[2] = { 0, 0 };
	int has[2] = { 0, 0 }, any = 0;
	enum sk_err rc;

	for (int f = 0; f < F_COUNT; f++)
		any |= import_fields[f].type == FT_TIME && x->col[f] >= 0;
	if (!any)
		return SK_OK;
	if ((rc = csvread_open(path, x->name, delim, enc, &csv, d)))
		return rc;
	/* The header, then the rows. Bad bytes end the pass (the second pass
	 * meets them and says where); a failure of the machine ends the import,
	 * or the order and the horizon would come from part of the file. */
	if ((rc = csvread_next(csv, &row, &rd)) || row.n == 0)
		goto decide;
	while (!(rc = csvread_next(csv, &row, &rd)) && row.n > 0) {
		if (row.n != x->ncols)
			continue;
		x->f = row.f;
		x->n = row.n;
		for (int f = 0; f < F_COUNT; f++) {
			const char *s;
			int a, b;
			size_t at;

			if (import_fields[f].type != FT_TIME || x->col[f] < 0 || !(s = imp_raw(x, f)))
				continue;
			if (!x->date_format && numeric_dmy(s, &a, &b, &at)) {
				if (a > 12 && b <= 12)
					see(&day, row.line, s);
				else if (b > 12 && a <= 12)
					see(&month, row.line, s);
				else if (a <= 12 && b <= 12)
					see(&either, row.line, s);
			}
			/* A planned or due date is a plan, not data the export covers. */
			if (f == F_PLANNED_AT || f == F_DUE)
				continue;
			reach(x, ORDER_DAY_FIRST, s, &max[0], &has[0]);
			reach(x, ORDER_MONTH_FIRST, s, &max[1], &has[1]);
		}
	}
decide:
	x->f = NULL;
	x->n = 0;
	csvread_close(csv);
	if (rc == SK_ERR_NOMEM || rc == SK_ERR_IO) {
		*d = rd;
		return rc;
	}
	if (x->date_format) {
		snprintf(x->res->dates, sizeof(x->res->dates), "as the date format '%s'",
			 x->date_format);
		dt->order = ORDER_NONE;
	} else if (day.line && month.line) {
		return sk_diag_set(d, SK_ERR_DATA, x->name, month.line, NULL,
				   "dates are written both day first (line %ld: %s) and month first "
				   "(line %ld: %s): refused, as either reading swaps day and month of "
				   "some rows; give --date-format", day.line, day.text, month.line,
				   month.text);
	} else if (day.line) {
		dt->order = ORDER_DAY_FIRST;
		snprintf(x->res->dates, sizeof(x->res->dates), "day-month (line %ld: %s)",
			 day.line, day.text);
	} else if (month.line) {
		dt->order = ORDER_MONTH_FIRST;
		snprintf(x->res->dates, sizeof(x->res->dates), "month-day (line %ld: %s)",
			 month.line, month.text);
	} else if (either.line && x->prof->day_first) {
		dt->order = ORDER_DAY_FIRST;
		snprintf(x->res->dates, sizeof(x->res->dates), "day-month (profile %s)",
			 x->prof->name);
	} else if (either.line) {
		return sk_diag_set(d, SK_ERR_DATA, x->name, either.line, NULL,
				   "cannot tell whether dates like '%s' are day-month or month-day: "
				   "no row has a day or month above 12; give --date-format (e.g. "
				   "'%%d-%%m-%%Y %%H:%%M' or '%%m-%%d-%%Y %%H:%%M')", either.text);
	}
	{
		int k = dt->order == ORDER_MONTH_FIRST;

		dt->has_horizon = x->res->has_horizon = has[k];
		dt->horizon = x->res->horizon = max[k];
	}
	return SK_OK;
}

enum sk_err import_spool_stdin(int *fd, char *path, size_t size, struct sk_diag *d)
{
	const char *tmp = getenv("TMPDIR");
	char buf[65536];
	ssize_t n = 0;
	int e = 0;

	snprintf(path, size, "%s/slakit-stdin-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((*fd = mkstemp(path)) < 0) {
		e = errno;
		path[0] = '\0';
		return sk_diag_set(d, SK_ERR_IO, NULL, 0, NULL, "cannot make a temporary file "
				   "for standard input (TMPDIR): %s", strerror(e));
	}
	/* Unlinked at once: however the run ends (a signal, kill -9, a crash)
	 * nothing is left behind in TMPDIR. The file lives on through the
	 * descriptor and is reopened as /dev/fd/N, so the two readers of
	 * import_scan() and the import each have an offset of their own. */
	unlink(path);
	snprintf(path, size, "/dev/fd/%d", *fd);
	while (!e && (n = read(STDIN_FILENO, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno != EINTR)
				e = errno;
			continue;
		}
		for (ssize_t off = 0, w; !e && off < n; off += w > 0 ? w : 0)
			if ((w = write(*fd, buf + off, (size_t)(n - off))) < 0 && errno != EINTR)
				e = errno;
	}
	if (e) {
		close(*fd);
		*fd = -1;
		path[0] = '\0';
		return sk_diag_set(d, SK_ERR_IO, "-", 0, NULL, "cannot copy standard input to a "
				   "temporary file: %s", strerror(e));
	}
	return SK_OK;
}

int import_dates_hold(struct imp *x)
{
	struct import_dates *dt = x->dates;
	struct import_date_errors *e;
	int f;

	if (!dt || x->rd.err != SK_ERR_SYNTAX)
		return 0;
	for (f = 0; f < F_COUNT; f++)
		if (strcmp(x->rd.field, import_fields[f].name) == 0)
			break;
	if (f == F_COUNT)
		return 0;
	e = &dt->err[f];
	if (!e->n++) {
		e->first = x->rd;
		dt->held[dt->nheld++] = f;
	}
	e->last = x->rd.line;
	return 1;
}

void import_dates_report(struct imp *x)
{
	struct import_dates *dt = x->dates;

	if (!dt)
		return;
	for (int i = 0; i < dt->nheld; i++) {
		struct import_date_errors *e = &dt->err[dt->held[i]];
		struct sk_diag r = e->first;
		size_t n = strlen(r.msg);

		r.err = SK_ERR_DATA;
		if (e->n > 1)
			snprintf(r.msg + n, sizeof(r.msg) - n, "; %ld rows of this column have dates "
				 "that cannot be read, the first on line %ld, the last on line %ld",
				 e->n, e->first.line, e->last);
		if (x->o->on_bad_row)
			x->o->on_bad_row(x->o->ctx, &r);
	}
	dt->nheld = 0;
}
