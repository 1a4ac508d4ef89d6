/*
 * Holidays from iCalendar (RFC 5545) files, as other ticket systems import
 * them: all-day VEVENTs, multi-day spans, yearly recurrence, exceptions.
 * Anything that would change which days are closed and that we cannot follow
 * exactly is refused with its line number rather than guessed at. Components
 * we do not read (a VALARM inside an event, a VTIMEZONE) are skipped whole,
 * so their properties never touch the event around them.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "holidays_priv.h"
#include "slakit/tz.h"

#define MAX_LINE 4096

/* A holiday file of many years is some kilobytes; anything far larger is not one. */
#define MAX_ICS_BYTES (16L << 20)

/* Components may nest (VCALENDAR, VEVENT, VALARM); deeper than this is no calendar. */
#define MAX_DEPTH 8

struct event {
	long line;          /* line of BEGIN:VEVENT */
	int64_t start, end; /* days; end exclusive, 0 = unset */
	int has_start, has_end;
	int duration_days;  /* from DURATION, -1 = unset */
	int yearly, count;
	int64_t until;
	long rrule_line;    /* 0: no RRULE */
	int bymonth, bymonthday; /* 0: not given */
	int cancelled;
	char summary[256];
	int64_t exdates[64];
	int n_ex;
};

/*
 * Read one unfolded content line; *lineno is the line it starts on. *left
 * counts down the bytes still allowed (a file that grows while it is read).
 */
static int read_unfolded(FILE *fp, char *buf, size_t size, long *lineno, long *next, long *left)
{
	size_t n = 0;
	int c;

	*lineno = *next;
	for (;;) {
		c = getc(fp);
		if (c == EOF)
			break;
		if (--*left < 0) {
			c = EOF;
			break;
		}
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

/* A whole number from 1 to @max, digits only: "2x", "0" and "" are no count. */
static int positive(const char *s, int max)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s - '0');
		if (v > max)
			return -1;
	}
	return v >= 1 ? (int)v : -1;
}

/* A DATE or a DATE-TIME (YYYYMMDD, YYYYMMDDTHHMMSS, ...Z), nothing after it. */
static int ics_date_only(const char *s, int64_t *day)
{
	if (ics_date(s, day))
		return -1;
	s += 8;
	if (!*s)
		return 0;
	if (*s != 'T')
		return -1;
	for (int i = 1; i <= 6; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	return s[7] == '\0' || (s[7] == 'Z' && s[8] == '\0') ? 0 : -1;
}

/*
 * RRULE: only FREQ=YEARLY on the start date, with COUNT or UNTIL; each part
 * once and its value read whole, so `COUNT=2x` or `BYMONTH=4,5` is refused
 * rather than read as 2 or April. BYMONTH and BYMONTHDAY are checked against
 * DTSTART once the event ends, wherever the two stand in it.
 */
static enum sk_err parse_rrule(struct event *ev, const char *v, const char *path, long line,
			       struct sk_diag *d)
{
	char buf[512], *save = NULL, *part;
	const char *bad = NULL;
	unsigned seen = 0;

	if (ev->rrule_line)
		return sk_diag_set(d, SK_ERR_SYNTAX, path, line, "RRULE",
				   "a second RRULE in one event (line %ld) is not supported",
				   ev->rrule_line);
	ev->rrule_line = line;
	if (strlen(v) >= sizeof(buf))
		goto unsupported;
	snprintf(buf, sizeof(buf), "%s", v);
	for (part = strtok_r(buf, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
		static const char *const names[] = {
			"FREQ", "COUNT", "UNTIL", "INTERVAL", "BYMONTH", "BYMONTHDAY", "WKST",
		};
		char *eq = strchr(part, '=');
		unsigned i;

		if (!eq)
			goto unsupported;
		*eq++ = '\0';
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strcasecmp(part, names[i]) == 0)
				break;
		if (i == sizeof(names) / sizeof(names[0]))
			goto unsupported;
		if (seen & (1u << i)) {
			bad = "a part given twice";
			goto malformed;
		}
		seen |= 1u << i;
		switch (i) {
		case 0: /* FREQ */
			if (strcasecmp(eq, "YEARLY") != 0)
				goto unsupported;
			ev->yearly = 1;
			break;
		case 1: /* COUNT: how many times, at least once */
			if ((ev->count = positive(eq, 100000)) < 0) {
				bad = "COUNT is a whole number from 1";
				goto malformed;
			}
			break;
		case 2: /* UNTIL */
			if (ics_date_only(eq, &ev->until)) {
				bad = "UNTIL is a date (YYYYMMDD) or a date and time";
				goto malformed;
			}
			break;
		case 3: /* INTERVAL: every year only */
			if (positive(eq, 100000) < 0) {
				bad = "INTERVAL is a whole number from 1";
				goto malformed;
			}
			if (positive(eq, 1) != 1)
				goto unsupported;
			break;
		case 4: /* BYMONTH: the month of DTSTART, one */
			if ((ev->bymonth = positive(eq, 12)) < 0) {
				bad = "BYMONTH is one month from 1 to 12 here";
				goto malformed;
			}
			break;
		case 5: /* BYMONTHDAY: the day of DTSTART, one */
			if ((ev->bymonthday = positive(eq, 31)) < 0) {
				bad = "BYMONTHDAY is one day from 1 to 31 here";
				goto malformed;
			}
			break;
		default: /* WKST: no effect on a yearly date */
			break;
		}
	}
	if (!ev->yearly)
		goto unsupported;
	if ((seen & 2u) && (seen & 4u)) {
		bad = "COUNT and UNTIL together";
		goto malformed;
	}
	return SK_OK;
malformed:
	return sk_diag_set(d, SK_ERR_SYNTAX, path, line, "RRULE", "cannot read '%s': %s", v, bad);
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
	if (ev->rrule_line) {
		int y, m, dd;

		/* Redundant with DTSTART is fine; anything else changes the days. */
		sk_civil_from_days(ev->start, &y, &m, &dd);
		if ((ev->bymonth && ev->bymonth != m) || (ev->bymonthday && ev->bymonthday != dd))
			return sk_diag_set(d, SK_ERR_SYNTAX, path, ev->rrule_line, "RRULE",
					   "unsupported recurrence (only FREQ=YEARLY on the start "
					   "date, with COUNT or UNTIL): BYMONTH or BYMONTHDAY is not "
					   "the date of DTSTART");
	}
	if (ev->cancelled)
		return SK_OK;
	span = ev->has_end ? (int)(ev->end - ev->start)
	       : ev->duration_days > 0 ? ev->duration_days : 1;
	if (span < 1 || span > 366)
		return sk_diag_set(d, SK_ERR_RANGE, path, ev->line, "DTEND",
				   "event ends before it starts or lasts over a year");
	if (ev->yearly) {
		rc = holidays_add_yearly(h, ev->start, span, ev->count,
					    ev->until ? ev->until : INT64_MAX, ev->summary);
	} else {
		for (int k = 0; k < span && rc == SK_OK; k++)
			rc = sk_holidays_add(h, ev->start + k, ev->summary);
	}
	for (int i = 0; i < ev->n_ex && rc == SK_OK; i++)
		rc = holidays_add_exception(h, ev->exdates[i]);
	return rc;
}

enum sk_err sk_holidays_add_ics(struct sk_holidays *h, const char *path, struct sk_diag *d)
{
	FILE *fp = NULL;
	char *line = NULL;
	long lineno = 0, next = 1, left = MAX_ICS_BYTES;
	struct event ev;
	struct { char name[64]; long line; } open_comp[MAX_DEPTH];
	int depth = 0, event_depth = 0, seen_calendar = 0; /* event_depth 0: not in an event */
	enum sk_err rc;

	/* A pipe or a device (ics = /dev/zero) would hang or never end. */
	rc = input_file_open(path, MAX_ICS_BYTES, "an iCalendar file", SK_ERR_DATA, &fp, d);
	if (rc != SK_OK)
		return rc;
	line = malloc(MAX_LINE);
	if (!line) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	while (read_unfolded(fp, line, MAX_LINE, &lineno, &next, &left)) {
		char comp[64];

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
		snprintf(comp, sizeof(comp), "%s", value);
		if (strcasecmp(name, "BEGIN") == 0) {
			if (depth == MAX_DEPTH) {
				rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, NULL,
						 "components nested more than %d deep", MAX_DEPTH);
				goto out;
			}
			if (strcasecmp(comp, "VCALENDAR") == 0) {
				seen_calendar = 1;
			} else if (strcasecmp(comp, "VEVENT") == 0) {
				if (event_depth) {
					rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, NULL,
							 "BEGIN:VEVENT inside the event of line %ld",
							 ev.line);
					goto out;
				}
				memset(&ev, 0, sizeof(ev));
				ev.line = lineno;
				ev.duration_days = -1;
				event_depth = depth + 1;
			}
			/* Any other component (VALARM, VTIMEZONE, X-...) is skipped to its END. */
			memcpy(open_comp[depth].name, comp, sizeof(comp));
			open_comp[depth++].line = lineno;
			continue;
		}
		if (strcasecmp(name, "END") == 0) {
			if (depth == 0) {
				rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, NULL,
						 "END:%s without BEGIN:%s", comp, comp);
				goto out;
			}
			if (strcasecmp(open_comp[depth - 1].name, comp) != 0) {
				rc = sk_diag_set(d, SK_ERR_SYNTAX, path, lineno, NULL,
						 "END:%s while BEGIN:%s of line %ld is still open",
						 comp, open_comp[depth - 1].name,
						 open_comp[depth - 1].line);
				goto out;
			}
			if (depth-- == event_depth) {
				event_depth = 0;
				if ((rc = add_event(h, &ev, path, d)) != SK_OK)
					goto out;
			}
			continue;
		}
		/* Only the event's own properties, not those of an alarm inside it. */
		if (!event_depth || depth != event_depth) {
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
	if (left < 0) {
		rc = sk_diag_set(d, SK_ERR_DATA, path, 0, NULL,
				 "larger than %ld bytes: not an iCalendar file", MAX_ICS_BYTES);
		goto out;
	}
	if (event_depth) {
		rc = sk_diag_set(d, SK_ERR_SYNTAX, path, ev.line, NULL,
				 "BEGIN:VEVENT without END:VEVENT");
		goto out;
	}
	if (depth) {
		/* A file cut short may have lost events after the cut. */
		rc = sk_diag_set(d, SK_ERR_SYNTAX, path, open_comp[depth - 1].line, NULL,
				 "BEGIN:%s without END:%s (is the file cut short?)",
				 open_comp[depth - 1].name, open_comp[depth - 1].name);
		goto out;
	}
	if (!seen_calendar)
		rc = sk_diag_set(d, SK_ERR_SYNTAX, path, 1, NULL,
				 "not an iCalendar file (no BEGIN:VCALENDAR)");
out:
	free(line);
	if (fp)
		fclose(fp);
	return rc;
}
