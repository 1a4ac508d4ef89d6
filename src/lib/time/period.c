/* Reporting periods in the contract's zone. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slakit/period.h"

static sk_time local_midnight(const struct sk_tz *tz, int year, int month)
{
	struct sk_civil c = { year, month, 1, 0, 0, 0 };

	while (c.month > 12) {
		c.month -= 12;
		c.year++;
	}
	return sk_tz_from_civil(tz, &c, NULL);
}

static void fill(struct sk_period *p, enum sk_period_kind kind, int year, int index,
		 const struct sk_tz *tz)
{
	static const int months[] = { 1, 3, 6, 12 };

	p->kind = kind;
	p->year = year;
	p->index = index;
	p->months = months[kind];
	p->first_month = (index - 1) * p->months + 1;
	p->start = local_midnight(tz, year, p->first_month);
	p->end = local_midnight(tz, year, p->first_month + p->months);
	switch (kind) {
	case SK_PERIOD_MONTH: snprintf(p->label, sizeof(p->label), "%04d-%02d", year, index); break;
	case SK_PERIOD_QUARTER: snprintf(p->label, sizeof(p->label), "%04d-Q%d", year, index); break;
	case SK_PERIOD_HALF: snprintf(p->label, sizeof(p->label), "%04d-H%d", year, index); break;
	case SK_PERIOD_YEAR: snprintf(p->label, sizeof(p->label), "%04d", year); break;
	}
}

enum sk_err sk_period_parse(const char *text, const struct sk_tz *tz, struct sk_period *out,
			    struct sk_diag *d)
{
	int year = 0, n = 0;
	const char *p = text;

	while (n < 4 && isdigit((unsigned char)p[n])) {
		year = year * 10 + (p[n] - '0');
		n++;
	}
	if (n != 4 || year < 1900 || year > 2199)
		goto bad;
	p += 4;
	if (!*p) {
		fill(out, SK_PERIOD_YEAR, year, 1, tz);
		return SK_OK;
	}
	if (*p++ != '-')
		goto bad;
	if ((p[0] == 'Q' || p[0] == 'q') && p[1] >= '1' && p[1] <= '4' && !p[2]) {
		fill(out, SK_PERIOD_QUARTER, year, p[1] - '0', tz);
		return SK_OK;
	}
	if ((p[0] == 'H' || p[0] == 'h') && p[1] >= '1' && p[1] <= '2' && !p[2]) {
		fill(out, SK_PERIOD_HALF, year, p[1] - '0', tz);
		return SK_OK;
	}
	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && !p[2]) {
		int m = (p[0] - '0') * 10 + (p[1] - '0');

		if (m >= 1 && m <= 12) {
			fill(out, SK_PERIOD_MONTH, year, m, tz);
			return SK_OK;
		}
	}
bad:
	return sk_diag_set(d, SK_ERR_SYNTAX, NULL, 0, NULL,
			   "cannot read '%s' as a period (2027-01, 2027-Q1, 2027-H1 or 2027)", text);
}

void sk_period_month(int year, int month, const struct sk_tz *tz, struct sk_period *out)
{
	fill(out, SK_PERIOD_MONTH, year, month, tz);
}

void sk_period_nth_month(const struct sk_period *p, int i, const struct sk_tz *tz,
			 struct sk_period *out)
{
	fill(out, SK_PERIOD_MONTH, p->year, p->first_month + i, tz);
}

void sk_period_quarter_of(const struct sk_period *p, const struct sk_tz *tz,
			  struct sk_period *out)
{
	fill(out, SK_PERIOD_QUARTER, p->year, (p->first_month - 1) / 3 + 1, tz);
}

void sk_period_next(const struct sk_period *p, const struct sk_tz *tz, struct sk_period *out)
{
	int per_year = 12 / p->months;

	if (p->index < per_year)
		fill(out, p->kind, p->year, p->index + 1, tz);
	else
		fill(out, p->kind, p->year + 1, 1, tz);
}

int sk_period_contains(const struct sk_period *p, sk_time t)
{
	return t >= p->start && t < p->end;
}
