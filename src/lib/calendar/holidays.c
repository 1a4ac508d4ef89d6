/*
 * Holiday sets: the Dutch statutory days of the Algemene termijnenwet,
 * explicit closed days, and yearly events read from iCalendar files.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "holidays_priv.h"
#include "slakit/tz.h"

struct named_day {
	int64_t day;
	char *name;
};

struct yearly {
	int64_t first;   /* first occurrence (days since epoch) */
	int span;        /* days per occurrence */
	int count;       /* occurrences, 0 = unlimited */
	int64_t until;   /* last allowed start day */
	char *name;
};

struct sk_holidays {
	int nl;                      /* built-in Dutch set on */
	struct sk_nl_options nlopt;
	struct named_day *days;      /* explicit closed days */
	size_t n_days, cap_days;
	struct yearly *yearly;       /* recurring .ics events */
	size_t n_yearly, cap_yearly;
	int64_t *except;             /* EXDATE days */
	size_t n_except, cap_except;
	struct sk_holiday *year;     /* answer of the last sk_holidays_year() */
	size_t n_year, cap_year;
	int year_of;                 /* which year `year` holds, 0 = none */
};

enum sk_err sk_holidays_new(struct sk_holidays **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? SK_OK : SK_ERR_NOMEM;
}

void sk_holidays_free(struct sk_holidays *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->n_days; i++)
		free(h->days[i].name);
	for (size_t i = 0; i < h->n_yearly; i++)
		free(h->yearly[i].name);
	free(h->days);
	free(h->yearly);
	free(h->except);
	free(h->year);
	free(h);
}

void sk_holidays_use_nl(struct sk_holidays *h, const struct sk_nl_options *opt)
{
	h->nl = 1;
	if (opt)
		h->nlopt = *opt;
	else
		memset(&h->nlopt, 0, sizeof(h->nlopt));
	h->year_of = 0;
}

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	return array_reserve(&p, cap, n + 1, size) == 0 ? p : NULL;
}

enum sk_err sk_holidays_add(struct sk_holidays *h, int64_t day, const char *name)
{
	struct named_day *nd = grow(h->days, &h->cap_days, h->n_days, sizeof(*nd));
	char *copy = strdup(name && *name ? name : "gesloten");

	if (!nd || !copy) {
		free(copy);
		if (nd)
			h->days = nd;
		return SK_ERR_NOMEM;
	}
	h->days = nd;
	h->days[h->n_days++] = (struct named_day){ day, copy };
	h->year_of = 0;
	return SK_OK;
}

enum sk_err holidays_add_yearly(struct sk_holidays *h, int64_t first_day, int span,
				   int count, int64_t until, const char *name)
{
	struct yearly *y = grow(h->yearly, &h->cap_yearly, h->n_yearly, sizeof(*y));
	char *copy = strdup(name && *name ? name : "gesloten");

	if (!y || !copy) {
		free(copy);
		if (y)
			h->yearly = y;
		return SK_ERR_NOMEM;
	}
	h->yearly = y;
	h->yearly[h->n_yearly++] = (struct yearly){ first_day, span < 1 ? 1 : span, count,
						    until, copy };
	h->year_of = 0;
	return SK_OK;
}

enum sk_err holidays_add_exception(struct sk_holidays *h, int64_t day)
{
	int64_t *e = grow(h->except, &h->cap_except, h->n_except, sizeof(*e));

	if (!e)
		return SK_ERR_NOMEM;
	h->except = e;
	h->except[h->n_except++] = day;
	h->year_of = 0;
	return SK_OK;
}

void sk_easter(int year, int *month, int *day)
{
	/* The anonymous Gregorian algorithm (Meeus, Jones, Butcher). */
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int hh = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - hh - k) % 7;
	int m = (a + 11 * hh + 22 * l) / 451;

	*month = (hh + l - 7 * m + 114) / 31;
	*day = (hh + l - 7 * m + 114) % 31 + 1;
}

static int put(struct sk_holidays *h, int64_t day, const char *name)
{
	struct sk_holiday *y = grow(h->year, &h->cap_year, h->n_year, sizeof(*y));

	if (!y)
		return -1;
	h->year = y;
	h->year[h->n_year++] = (struct sk_holiday){ day, name };
	return 0;
}

/* The Dutch statutory days of one year (Algemene termijnenwet, art. 3). */
static int nl_year(struct sk_holidays *h, int y)
{
	int em, ed, rc = 0;
	int64_t easter, kd;

	sk_easter(y, &em, &ed);
	easter = sk_days_from_civil(y, em, ed);
	rc |= put(h, sk_days_from_civil(y, 1, 1), "Nieuwjaarsdag");
	if (h->nlopt.good_friday)
		rc |= put(h, easter - 2, "Goede Vrijdag");
	rc |= put(h, easter + 1, "Tweede Paasdag");
	/* The monarch's birthday: moved off a Sunday, the rules differ per era. */
	if (y >= 2014) {
		kd = sk_days_from_civil(y, 4, 27);
		rc |= put(h, sk_weekday(kd) == 6 ? kd - 1 : kd, "Koningsdag");
	} else if (y >= 1949) {
		kd = sk_days_from_civil(y, 4, 30);
		if (sk_weekday(kd) == 6)
			kd = y >= 1980 ? kd - 1 : kd + 1;
		rc |= put(h, kd, "Koninginnedag");
	} else if (y >= 1891) {
		kd = sk_days_from_civil(y, 8, 31);
		rc |= put(h, sk_weekday(kd) == 6 ? kd + 1 : kd, "Koninginnedag");
	}
	if (y >= 1945 && (h->nlopt.liberation == SK_LIBERATION_EVERY ||
			  (h->nlopt.liberation == SK_LIBERATION_LUSTRUM && y % 5 == 0)))
		rc |= put(h, sk_days_from_civil(y, 5, 5), "Bevrijdingsdag");
	rc |= put(h, easter + 39, "Hemelvaartsdag");
	rc |= put(h, easter + 50, "Tweede Pinksterdag");
	rc |= put(h, sk_days_from_civil(y, 12, 25), "Eerste Kerstdag");
	rc |= put(h, sk_days_from_civil(y, 12, 26), "Tweede Kerstdag");
	return rc;
}

static int by_day(const void *a, const void *b)
{
	const struct sk_holiday *x = a, *y = b;

	return x->day < y->day ? -1 : x->day > y->day;
}

enum sk_err sk_holidays_year(struct sk_holidays *h, int year,
			     const struct sk_holiday **out, size_t *n)
{
	int64_t lo = sk_days_from_civil(year, 1, 1), hi = sk_days_from_civil(year + 1, 1, 1);
	size_t w = 0;

	if (h->year_of == year && year != 0)
		goto done;
	h->n_year = 0;
	h->year_of = 0;
	if (h->nl && nl_year(h, year))
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < h->n_days; i++)
		if (h->days[i].day >= lo && h->days[i].day < hi && put(h, h->days[i].day, h->days[i].name))
			return SK_ERR_NOMEM;
	for (size_t i = 0; i < h->n_yearly; i++) {
		const struct yearly *r = &h->yearly[i];
		int fy, fm, fd;

		sk_civil_from_days(r->first, &fy, &fm, &fd);
		/* The occurrence that starts in this year or began late last year. */
		for (int oy = year - 1; oy <= year; oy++) {
			int64_t start;

			if (oy < fy || (r->count && oy - fy >= r->count))
				continue;
			if (fm == 2 && fd == 29 && !sk_date_valid(oy, 2, 29))
				continue;
			start = sk_days_from_civil(oy, fm, fd);
			if (start > r->until)
				continue;
			for (int k = 0; k < r->span; k++)
				if (start + k >= lo && start + k < hi && put(h, start + k, r->name))
					return SK_ERR_NOMEM;
		}
	}
	/*
	 * Sort (stable, so "first name kept" means the first one added: the
	 * statutory name, then explicit days, then .ics events), merge
	 * duplicates, drop EXDATE days. A year has a few dozen days at most.
	 */
	for (size_t i = 1; i < h->n_year; i++) {
		struct sk_holiday x = h->year[i];
		size_t j = i;

		for (; j > 0 && by_day(&h->year[j - 1], &x) > 0; j--)
			h->year[j] = h->year[j - 1];
		h->year[j] = x;
	}
	for (size_t i = 0; i < h->n_year; i++) {
		int skip = w > 0 && h->year[w - 1].day == h->year[i].day;

		for (size_t e = 0; e < h->n_except && !skip; e++)
			skip = h->except[e] == h->year[i].day;
		if (!skip)
			h->year[w++] = h->year[i];
	}
	h->n_year = w;
	h->year_of = year;
done:
	*out = h->year;
	*n = h->n_year;
	return SK_OK;
}

int sk_holidays_contains(struct sk_holidays *h, int64_t day)
{
	const struct sk_holiday *list;
	size_t n;
	int y, m, d;

	sk_civil_from_days(day, &y, &m, &d);
	if (sk_holidays_year(h, y, &list, &n) != SK_OK)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].day == day)
			return 1;
	return 0;
}
