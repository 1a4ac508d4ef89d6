/*
 * Holidays from iCalendar (RFC 5545) files, as other ticket systems import
 * them: all-day VEVENTs, multi-day spans, yearly recurrence, exceptions.
 * Anything that would change which days are closed and that we cannot follow
 * exactly is refused with its line number rather than guessed at.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "holidays_priv.h"
#include "slakit/tz.h"

#define MAX_LINE 4096

struct event {
	long line;          /* line of BEGIN:VEVENT */
	int64_t start, end; /* days; end exclusive, 0 = unset */
	int has_start, has_end;
	int duration_days;  /* from DURATION, -1 = unset */
	int yearly, count;
	int64_t until;
	int cancelled;
	char summary[256];
	int64_t exdates[64];
	int n_ex;
};

/* Read one unfolded content line; *lineno is the line it starts on. */
static int read_unfolded(FILE *fp, char *buf, size_t size, long *lineno, long *next)
{
	size_t n = 0;
	int c;

	*lineno = *next;
	for (;;) {
		c = getc(fp);
		if (c == EOF)
			break;
		if (c == '\r')
			continue;
		if (c == '\n') {
			(*next)++;
			c = getc(fp);
			if (c == ' ' || c == '\t')
				continue; /* a folded line goes on */
			if (c != EOF)
				ungetc(c, fp);
			break;
		}
		if (n + 1 < size)
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	return n > 0 || c != EOF;
}

/* YYYYMMDD at the start of s (a DATE or the date of a DATE-TIME). */
static int ics_date(const char *s, int64_t *day)
{
	int y, m, d;

	for (int i = 0; i < 8; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[4] - '0') * 10 + (s[5] - '0');
	d = (s[6] - '0') * 10 + (s[7] - '0');
	if (!sk_date_valid(y, m, d))
		return -1;
	*day = sk_days_from_civil(y, m, d);
	return 0;
}

static void unescape(char *dst, size_t size, const char *src)
{
	size_t n = 0;

	for (; *src && n + 1 < size; src++) {
		if (*src == '\\' && src[1]) {
			src++;
			dst[n++] = (*src == 'n' || *src == 'N') ? ' ' : *src;
		} else {
			dst[n++] = *src;
		}
	}
	dst[n] = '\0';
}

static enum sk_err parse_rrule(struct event *ev, const char *v, const char *path, long line,
			       struct sk_diag *d)
{
	char buf[512], *save = NULL, *part;
	int sm = 0, sd = 0, y;

	if (ev->has_start)
		sk_civil_from_days(ev->start, &y, &sm, &sd);
	snprintf(buf, sizeof(buf), "%s", v);
	for (part = strtok_r(buf, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(part, '=');

		if (!eq)
			goto unsupported;
		*eq++ = '\0';
		if (strcasecmp(part, "FREQ") == 0) {
			if (strcasecmp(eq, "YEARLY") != 0)
				goto unsupported;
			ev->yearly = 1;
		} else if (strcasecmp(part, "COUNT") == 0) {
			ev->count = atoi(eq);
		} else if (strcasecmp(part, "UNTIL") == 0) {
			if (ics_date(eq, &ev->until))
				goto unsupported;
		} else if (strcasecmp(part, "INTERVAL") == 0) {
			if (atoi(eq) != 1)
				goto unsupported;
		} else if (strcasecmp(part, "BYMONTH") == 0) {
			/* Redundant with DTSTART is fine; anything else changes the days. */
			if (atoi(eq) != sm)
				goto unsupported;
		} else if (strcasecmp(part, "BYMONTHDAY") == 0) {
			if (atoi(eq) != sd)
				goto unsupported;
		} else if (strcasecmp(part, "WKST") != 0) {
			goto unsupported;
		}
	}
	if (!ev->yearly)
		goto unsupported;
	return SK_OK;
unsupported:
	return sk_diag_set(d, SK_ERR_SYNTAX, path, line, "RRULE",
			   "unsupported recurrence '%s' (only FREQ=YEARLY on the start date, "
			   "with COUNT or UNTIL)", v);
}

static enum sk_err add_event(struct sk_holidays *h, struct event *ev, const char *path,
			     struct sk_diag *d)
{
	int span;
	enum sk_err rc = SK_OK;

	if (!ev->has_start)
		return sk_diag_set(d, SK_ERR_SYNTAX, path, ev->line, "DTSTART",
				   "event without a start date");
	if (ev->cancelled)
		return SK_OK;
	span = ev->has_end ? (int)(ev->end - ev->start)
	       : ev->duration_days > 0 ? ev->duration_days : 1;
	if (span < 1 || span > 366)
		return sk_diag_set(d, SK_ERR_RANGE, path, ev->line, "DTEND",
				   "event ends before it starts or lasts over a year");
	if (ev->yearly) {
		rc = sk_holidays_add_yearly(h, ev->start, span, ev->count,
					    ev->until ? ev->until : INT64_MAX, ev->summary);
	} else {
		for (int k = 0; k < span && rc == SK_OK; k++)
			rc = sk_holidays_add(h, ev->start + k, ev->summary);
	}
	for (int i = 0; i < ev->n_ex && rc == SK_OK; i++)
		rc = sk_holidays_add_exception(h, ev->exdates[i]);
	return rc;
}

enum sk_err sk_holidays_add_ics(struct sk_holidays *h, const char *path, struct sk_diag *d)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	long lineno = 0, next = 1;
	struct event ev;
	int in_event = 0, seen_calendar = 0;
	enum sk_err rc = SK_OK;

	if (!fp)
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot open: %s", strerror(errno));
	line = malloc(MAX_LINE);
	if (!line) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	while (read_unfolded(fp, line, MAX_LINE, &lineno, &next)) {
		char *colon = strchr(line, ':'), *name = line, *params, *value;

		if (!line[0])
			continue;
		if (!colon) {
			rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, NULL,
					 "not an iCalendar line (no ':')");
			goto out;
		}
		*colon = '\0';
		value = colon + 1;
		params = strchr(name, ';');
		if (params)
			*params++ = '\0';
		if (strcasecmp(name, "BEGIN") == 0 && strcasecmp(value, "VCALENDAR") == 0) {
			seen_calendar = 1;
		} else if (strcasecmp(name, "BEGIN") == 0 && strcasecmp(value, "VEVENT") == 0) {
			memset(&ev, 0, sizeof(ev));
			ev.line = lineno;
			ev.duration_days = -1;
			in_event = 1;
		} else if (strcasecmp(name, "END") == 0 && strcasecmp(value, "VEVENT") == 0) {
			if (!in_event) {
				rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, NULL,
						 "END:VEVENT without BEGIN:VEVENT");
				goto out;
			}
			in_event = 0;
			if ((rc = add_event(h, &ev, path, d)) != SK_OK)
				goto out;
		} else if (!in_event) {
			continue;
		} else if (strcasecmp(name, "DTSTART") == 0 || strcasecmp(name, "DTEND") == 0) {
			int64_t day;

			if (ics_date(value, &day)) {
				rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, name,
						 "cannot read '%s' as a date (YYYYMMDD)", value);
				goto out;
			}
			if (toupper((unsigned char)name[2]) == 'S') {
				ev.start = day;
				ev.has_start = 1;
			} else {
				/* A timed end on a later day still closes that day. */
				ev.end = day + (strlen(value) > 8 && strcmp(value + 8, "T000000") != 0 &&
						strcmp(value + 8, "T000000Z") != 0);
				ev.has_end = 1;
			}
		} else if (strcasecmp(name, "DURATION") == 0) {
			int n = 0;
			char unit = 0;

			if (sscanf(value, "P%d%c", &n, &unit) != 2 || (unit != 'D' && unit != 'W')) {
				rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, name,
						 "unsupported duration '%s' (only PnD or PnW)", value);
				goto out;
			}
			ev.duration_days = unit == 'W' ? n * 7 : n;
		} else if (strcasecmp(name, "SUMMARY") == 0) {
			unescape(ev.summary, sizeof(ev.summary), value);
		} else if (strcasecmp(name, "STATUS") == 0) {
			ev.cancelled = strcasecmp(value, "CANCELLED") == 0;
		} else if (strcasecmp(name, "RRULE") == 0) {
			if ((rc = parse_rrule(&ev, value, path, lineno, d)) != SK_OK)
				goto out;
		} else if (strcasecmp(name, "RDATE") == 0) {
			rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, name,
					 "RDATE is not supported: list the dates as events");
			goto out;
		} else if (strcasecmp(name, "EXDATE") == 0) {
			char *save = NULL;

			for (char *v = strtok_r(value, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
				if (ev.n_ex == 64 || ics_date(v, &ev.exdates[ev.n_ex])) {
					rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, name,
							 "cannot read '%s' as a date", v);
					goto out;
				}
				ev.n_ex++;
			}
		}
	}
	if (ferror(fp)) {
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (in_event) {
		rc = sk_diag_set(d, SK_ERR_SYNTAX, path, ev.line, NULL,
				 "BEGIN:VEVENT without END:VEVENT");
		goto out;
	}
	if (!seen_calendar)
		rc = sk_diag_set(d, SK_ERR_SYNTAX, path, 1, NULL,
				 "not an iCalendar file (no BEGIN:VCALENDAR)");
out:
	free(line);
	fclose(fp);
	return rc;
}
