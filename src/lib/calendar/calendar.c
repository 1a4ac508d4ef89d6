/*
 * Business-hour calendars. Working intervals are local wall-clock times per
 * weekday; each day's intervals become UTC instants through the zone, so DST
 * days come out right (a 9-to-5 day stays 9 h, a 24x7 day has 23 or 25 h).
 * A table of cumulative business seconds per local day makes every query a
 * lookup plus a binary search, whatever the span.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "slakit/calendar.h"

#define PAD_DAYS (4 * 366)  /* grow the table generously: rebuilds stay rare */

/* A day's business time as UTC instants. */
struct span {
	sk_time s, e;
};

struct sk_calendar {
	char *name;
	const struct sk_tz *tz;
	struct sk_holidays *hol;                          /* borrowed, may be NULL */
	struct sk_interval iv[7][SK_MAX_INTERVALS];       /* per weekday, sorted */
	size_t niv[7];
	int is24x7;
	int64_t std_day;                                  /* 0 = derive */
	int64_t day0;                                     /* first day in the table */
	size_t ndays;                                     /* days in the table */
	int64_t *cum;                                     /* ndays + 1 cumulative sums */
	unsigned char *closed;                            /* ndays flags: a holiday */
	struct span *spans;                               /* every day's spans, in day order */
	uint32_t *span_first;                             /* ndays + 1 offsets into spans */
};

/* 1900-01-01 and 2199-12-31 as days since 1970-01-01 (test_calendar checks them);
 * constants, as every business-time query asks. */
#define MIN_DAY INT64_C(-25567)
#define MAX_DAY INT64_C(84005)

static int64_t min_day(void)
{
	return MIN_DAY;
}

static int64_t max_day(void)
{
	return MAX_DAY;
}

enum sk_err sk_calendar_new(const char *name, const struct sk_tz *tz,
			    struct sk_holidays *hol, struct sk_calendar **out)
{
	struct sk_calendar *cal = calloc(1, sizeof(*cal));

	*out = NULL;
	if (!cal || !(cal->name = strdup(name ? name : ""))) {
		free(cal);
		return SK_ERR_NOMEM;
	}
	cal->tz = tz;
	cal->hol = hol;
	*out = cal;
	return SK_OK;
}

void sk_calendar_free(struct sk_calendar *cal)
{
	if (!cal)
		return;
	free(cal->name);
	free(cal->cum);
	free(cal->closed);
	free(cal->spans);
	free(cal->span_first);
	free(cal);
}

const char *sk_calendar_name(const struct sk_calendar *cal)
{
	return cal->name;
}

const struct sk_tz *sk_calendar_tz(const struct sk_calendar *cal)
{
	return cal->tz;
}

struct sk_holidays *sk_calendar_holidays(const struct sk_calendar *cal)
{
	return cal->hol;
}

static void invalidate(struct sk_calendar *cal)
{
	free(cal->cum);
	free(cal->closed);
	free(cal->spans);
	free(cal->span_first);
	cal->cum = NULL;
	cal->closed = NULL;
	cal->spans = NULL;
	cal->span_first = NULL;
	cal->ndays = 0;
}

enum sk_err sk_calendar_add_interval(struct sk_calendar *cal, int wday, int start, int end,
				     struct sk_diag *d)
{
	size_t n, i;

	if (wday < 0 || wday > 6)
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL, "weekday %d does not exist", wday);
	if (start < 0 || end > 86400 || start >= end)
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
				   "interval %02d:%02d-%02d:%02d is empty or not within one day",
				   start / 3600, start / 60 % 60, end / 3600, end / 60 % 60);
	n = cal->niv[wday];
	if (n == SK_MAX_INTERVALS)
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
				   "more than %d intervals on one day", SK_MAX_INTERVALS);
	for (i = 0; i < n; i++)
		if (start < cal->iv[wday][i].end && cal->iv[wday][i].start < end)
			return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL,
					   "interval %02d:%02d-%02d:%02d overlaps another",
					   start / 3600, start / 60 % 60, end / 3600, end / 60 % 60);
	for (i = n; i > 0 && cal->iv[wday][i - 1].start > start; i--)
		cal->iv[wday][i] = cal->iv[wday][i - 1];
	cal->iv[wday][i] = (struct sk_interval){ start, end };
	cal->niv[wday] = n + 1;
	cal->is24x7 = 0;
	invalidate(cal);
	return SK_OK;
}

void sk_calendar_set_24x7(struct sk_calendar *cal)
{
	for (int w = 0; w < 7; w++) {
		cal->iv[w][0] = (struct sk_interval){ 0, 86400 };
		cal->niv[w] = 1;
	}
	cal->is24x7 = 1;
	invalidate(cal);
}

int sk_calendar_is_24x7(const struct sk_calendar *cal)
{
	return cal->is24x7;
}

size_t sk_calendar_intervals(const struct sk_calendar *cal, int wday,
			     const struct sk_interval **out)
{
	*out = cal->iv[wday];
	return cal->niv[wday];
}

void sk_calendar_set_standard_day(struct sk_calendar *cal, int64_t seconds)
{
	cal->std_day = seconds;
}

static int64_t weekday_length(const struct sk_calendar *cal, int w)
{
	int64_t len = 0;

	for (size_t i = 0; i < cal->niv[w]; i++)
		len += cal->iv[w][i].end - cal->iv[w][i].start;
	return len;
}

int64_t sk_calendar_standard_day(const struct sk_calendar *cal)
{
	int64_t best = 0;
	int best_count = 0;

	if (cal->std_day > 0)
		return cal->std_day;
	if (cal->is24x7)
		return 86400;
	/* The length most working weekdays have; ties go to the longer one. */
	for (int w = 0; w < 7; w++) {
		int64_t len = weekday_length(cal, w);
		int count = 0;

		if (!len)
			continue;
		for (int v = 0; v < 7; v++)
			count += weekday_length(cal, v) == len;
		if (count > best_count || (count == best_count && len > best)) {
			best = len;
			best_count = count;
		}
	}
	return best;
}

static sk_time local_instant(const struct sk_calendar *cal, int64_t day, int secs)
{
	struct sk_civil c;

	/* 24:00 is the next day's midnight, so adjacent days tile exactly. */
	if (secs >= 86400) {
		day += secs / 86400;
		secs %= 86400;
	}
	sk_civil_from_days(day, &c.year, &c.month, &c.day);
	c.hour = secs / 3600;
	c.min = secs / 60 % 60;
	c.sec = secs % 60;
	return sk_tz_from_civil(cal->tz, &c, NULL);
}

/* The business spans of local day @day; @closed says it is a holiday. */
static size_t day_spans(const struct sk_calendar *cal, int64_t day, int closed,
			struct span *out)
{
	int w = sk_weekday(day);
	size_t n = 0;
	sk_time prev = INT64_MIN;

	if (closed && !cal->is24x7)
		return 0;
	for (size_t i = 0; i < cal->niv[w]; i++) {
		sk_time s = local_instant(cal, day, cal->iv[w][i].start);
		sk_time e = local_instant(cal, day, cal->iv[w][i].end);

		/* A fold can make wall-clock intervals touch twice: never count twice. */
		if (s < prev)
			s = prev;
		if (e > s) {
			out[n++] = (struct span){ s, e };
			prev = e;
		}
	}
	return n;
}

static int day_closed(struct sk_calendar *cal, int64_t day)
{
	/* The table remembers holidays, so a query never regenerates a year's list. */
	if (cal->closed && day >= cal->day0 && day < cal->day0 + (int64_t)cal->ndays)
		return cal->closed[day - cal->day0];
	return cal->hol && !cal->is24x7 && sk_holidays_contains(cal->hol, day);
}

/* Build the table for days [lo, hi]. */
static enum sk_err build(struct sk_calendar *cal, int64_t lo, int64_t hi)
{
	size_t n = (size_t)(hi - lo + 1);
	int64_t *cum = malloc((n + 1) * sizeof(*cum));
	unsigned char *flags = malloc(n);
	uint32_t *first = malloc((n + 1) * sizeof(*first));
	struct span *spans = NULL;
	size_t nspans = 0, cap = 0;
	const struct sk_holiday *hl = NULL;
	size_t nh = 0, hi_idx = 0;
	int year = 0;
	struct span sp[SK_MAX_INTERVALS];

	if (!cum || !flags || !first)
		goto nomem;
	cum[0] = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t day = lo + (int64_t)i;
		int closed = 0, y, m, d;
		int64_t total = 0;

		if (cal->hol && !cal->is24x7) {
			sk_civil_from_days(day, &y, &m, &d);
			if (y != year) {
				if (sk_holidays_year(cal->hol, y, &hl, &nh) != SK_OK)
					goto nomem;
				year = y;
				hi_idx = 0;
			}
			while (hi_idx < nh && hl[hi_idx].day < day)
				hi_idx++;
			closed = hi_idx < nh && hl[hi_idx].day == day;
		}
		size_t k = day_spans(cal, day, closed, sp);

		flags[i] = (unsigned char)closed;
		first[i] = (uint32_t)nspans;
		if (nspans + k > cap) {
			void *grown = spans;

			if (array_reserve(&grown, &cap, nspans + k, sizeof(*spans)) < 0)
				goto nomem;
			spans = grown;
		}
		/* Keep the spans: queries then never convert wall-clock times again. */
		for (size_t j = 0; j < k; j++) {
			total += sp[j].e - sp[j].s;
			spans[nspans++] = sp[j];
		}
		cum[i + 1] = cum[i] + total;
	}
	first[n] = (uint32_t)nspans;
	free(cal->cum);
	free(cal->closed);
	free(cal->spans);
	free(cal->span_first);
	cal->cum = cum;
	cal->closed = flags;
	cal->spans = spans;
	cal->span_first = first;
	cal->day0 = lo;
	cal->ndays = n;
	return SK_OK;
nomem:
	free(cum);
	free(flags);
	free(first);
	free(spans);
	return SK_ERR_NOMEM;
}

/* The spans of @day: from the table when it covers the day, else computed into @buf. */
static size_t spans_of(struct sk_calendar *cal, int64_t day, struct span *buf,
		       const struct span **out)
{
	if (cal->spans && day >= cal->day0 && day < cal->day0 + (int64_t)cal->ndays) {
		size_t i = (size_t)(day - cal->day0);

		*out = cal->spans + cal->span_first[i];
		return cal->span_first[i + 1] - cal->span_first[i];
	}
	*out = buf;
	return day_spans(cal, day, day_closed(cal, day), buf);
}

/* Make the table cover days [lo, hi]. */
static enum sk_err ensure(struct sk_calendar *cal, int64_t lo, int64_t hi)
{
	if (lo < min_day() || hi > max_day())
		return SK_ERR_RANGE;
	if (cal->cum && lo >= cal->day0 && hi < cal->day0 + (int64_t)cal->ndays)
		return SK_OK;
	if (cal->cum) {
		if (cal->day0 < lo)
			lo = cal->day0;
		if (cal->day0 + (int64_t)cal->ndays - 1 > hi)
			hi = cal->day0 + (int64_t)cal->ndays - 1;
	}
	lo -= PAD_DAYS;
	hi += PAD_DAYS;
	if (lo < min_day())
		lo = min_day();
	if (hi > max_day())
		hi = max_day();
	return build(cal, lo, hi);
}

static int64_t day_of(const struct sk_calendar *cal, sk_time t)
{
	sk_time l = t + sk_tz_offset(cal->tz, t);

	return l / 86400 - (l % 86400 < 0);
}

/* Business seconds from the table's origin to instant t. */
static enum sk_err cum_at(struct sk_calendar *cal, sk_time t, int64_t *out)
{
	int64_t day = day_of(cal, t);
	struct span buf[SK_MAX_INTERVALS];
	const struct span *sp;
	enum sk_err rc = ensure(cal, day, day);
	int64_t c;
	size_t n;

	if (rc)
		return rc;
	c = cal->cum[day - cal->day0];
	n = spans_of(cal, day, buf, &sp);
	for (size_t i = 0; i < n; i++)
		if (t > sp[i].s)
			c += (t < sp[i].e ? t : sp[i].e) - sp[i].s;
	*out = c;
	return SK_OK;
}

enum sk_err sk_calendar_between(struct sk_calendar *cal, sk_time a, sk_time b, int64_t *out)
{
	int64_t ca, cb;
	enum sk_err rc;

	/* Both ends first, so a growing table cannot shift one origin under the other. */
	if ((rc = ensure(cal, day_of(cal, a < b ? a : b), day_of(cal, a < b ? b : a))))
		return rc;
	if ((rc = cum_at(cal, a, &ca)) || (rc = cum_at(cal, b, &cb)))
		return rc;
	*out = cb - ca;
	return SK_OK;
}

static int has_working_time(const struct sk_calendar *cal)
{
	for (int w = 0; w < 7; w++)
		if (cal->niv[w])
			return 1;
	return 0;
}

enum sk_err sk_calendar_add(struct sk_calendar *cal, sk_time start, int64_t seconds,
			    sk_time *out)
{
	struct span buf[SK_MAX_INTERVALS];
	const struct span *sp;
	int64_t c, target, rem;
	size_t lo, hi, n;
	enum sk_err rc;

	if (seconds < 0)
		return SK_ERR_RANGE;
	if (seconds == 0) {
		*out = start;
		return SK_OK;
	}
	if (!has_working_time(cal))
		return SK_ERR_CALENDAR;
	for (;;) {
		if ((rc = cum_at(cal, start, &c)))
			return rc;
		target = c + seconds;
		if (target <= cal->cum[cal->ndays])
			break;
		/* Not enough business time in the table: grow it forward and retry. */
		int64_t last = cal->day0 + (int64_t)cal->ndays - 1;

		if (last >= max_day())
			return SK_ERR_RANGE;
		int64_t per_day = sk_calendar_standard_day(cal) ? sk_calendar_standard_day(cal) : 1;
		int64_t need = (target - cal->cum[cal->ndays]) / per_day * 2 + 14;

		if ((rc = ensure(cal, last, last + need > max_day() ? max_day() : last + need)))
			return rc;
	}
	/* The first day whose cumulative end reaches the target. */
	lo = 0;
	hi = cal->ndays - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->cum[mid + 1] >= target)
			hi = mid;
		else
			lo = mid + 1;
	}
	rem = target - cal->cum[lo];
	n = spans_of(cal, cal->day0 + (int64_t)lo, buf, &sp);
	for (size_t i = 0; i < n; i++) {
		int64_t len = sp[i].e - sp[i].s;

		if (rem <= len) {
			*out = sp[i].s + rem;
			return SK_OK;
		}
		rem -= len;
	}
	return SK_ERR_CALENDAR; /* unreachable: the table and the spans agree */
}

enum sk_err sk_calendar_next_business(struct sk_calendar *cal, sk_time t, sk_time *out)
{
	sk_time one;
	enum sk_err rc = sk_calendar_add(cal, t, 1, &one);

	/* The instant one business second is used up, minus that second. */
	if (rc == SK_OK)
		*out = one - 1;
	return rc;
}

enum sk_err sk_calendar_end_of_day(struct sk_calendar *cal, sk_time t, int64_t next,
				   sk_time *out)
{
	struct span buf[SK_MAX_INTERVALS];
	const struct span *sp;
	sk_time start;
	int64_t day;
	size_t n;
	enum sk_err rc;

	if (next < 0)
		return SK_ERR_RANGE;
	if ((rc = sk_calendar_next_business(cal, t, &start)))
		return rc;
	/* The day of the first business moment, then business days only (the table knows). */
	for (day = day_of(cal, start);; day++) {
		if ((rc = ensure(cal, day, day)))
			return rc;
		if (cal->cum[day - cal->day0 + 1] > cal->cum[day - cal->day0] && next-- == 0)
			break;
	}
	n = spans_of(cal, day, buf, &sp);
	if (!n)
		return SK_ERR_CALENDAR; /* unreachable: the day has business time */
	*out = sp[n - 1].e;
	return SK_OK;
}

int sk_calendar_is_business(struct sk_calendar *cal, sk_time t)
{
	struct span buf[SK_MAX_INTERVALS];
	const struct span *sp;
	size_t n = spans_of(cal, day_of(cal, t), buf, &sp);

	for (size_t i = 0; i < n; i++)
		if (t >= sp[i].s && t < sp[i].e)
			return 1;
	return 0;
}

enum sk_err sk_calendar_split(struct sk_calendar *cal, sk_time a, sk_time b,
			      struct sk_day_part *parts, size_t max, size_t *n)
{
	struct span buf[SK_MAX_INTERVALS];
	const struct span *sp;
	int64_t first, last;
	enum sk_err rc;

	*n = 0;
	if (b <= a)
		return SK_OK;
	first = day_of(cal, a);
	last = day_of(cal, b);
	if ((rc = ensure(cal, first, last)))
		return rc;
	for (int64_t day = first; day <= last; day++) {
		struct sk_day_part p = { day, 0, 0, 0 };
		size_t k;

		if (cal->cum[day - cal->day0 + 1] == cal->cum[day - cal->day0])
			continue;
		k = spans_of(cal, day, buf, &sp);
		for (size_t i = 0; i < k; i++) {
			sk_time s = sp[i].s > a ? sp[i].s : a;
			sk_time e = sp[i].e < b ? sp[i].e : b;

			if (e <= s)
				continue;
			if (!p.seconds)
				p.from = s;
			p.to = e;
			p.seconds += e - s;
		}
		if (!p.seconds)
			continue;
		if (*n < max)
			parts[*n] = p;
		(*n)++;
	}
	return SK_OK;
}
