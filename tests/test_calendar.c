/*
 * Tests of calendar.h: business-time arithmetic exact to the second.
 *
 * Calendars are built directly with sk_calendar_new()/add_interval()/
 * set_24x7(), never through a contract file. Expected values are worked out
 * by hand in the comments (and were cross-checked with an independent
 * brute-force count over Python's zoneinfo). Known failures of other
 * business-hour systems each have a test: a target longer than what is left
 * of the day, a deadline across midnight, spans of many months and years,
 * a zone whose DST change falls at midnight, explicit holiday sets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "slakit/calendar.h"
#include "slakit/holidays.h"
#include "slakit/tz.h"

#define H 3600
#define DAY 86400

/* ---- helpers ------------------------------------------------------------- */

/* Seconds since the epoch of a UTC civil time (independent of the library). */
static sk_time Z(int y, int m, int d, int hh, int mm, int ss)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (era * 146097 + doe - 719468) * 86400 + hh * 3600 + mm * 60 + ss;
}

static int64_t days(int y, int m, int d)
{
	return Z(y, m, d, 0, 0, 0) / DAY;
}

static struct sk_tz *ams, *sao;
static struct sk_holidays *nl, *nl_gf, *none;

/* Amsterdam wall-clock time (gap: moved forward; fold: first occurrence). */
static sk_time L(int y, int m, int d, int hh, int mm)
{
	struct sk_civil c = { y, m, d, hh, mm, 0 };

	return sk_tz_from_civil(ams, &c, NULL);
}

/* Sao Paulo wall-clock time. */
static sk_time S(int y, int m, int d, int hh, int mm)
{
	struct sk_civil c = { y, m, d, hh, mm, 0 };

	return sk_tz_from_civil(sao, &c, NULL);
}

static int64_t between(struct sk_calendar *cal, sk_time a, sk_time b)
{
	int64_t n = -1;

	assert_int_equal(sk_calendar_between(cal, a, b, &n), SK_OK);
	return n;
}

static sk_time add(struct sk_calendar *cal, sk_time start, int64_t secs)
{
	sk_time t = 0;

	assert_int_equal(sk_calendar_add(cal, start, secs, &t), SK_OK);
	return t;
}

static sk_time next(struct sk_calendar *cal, sk_time t)
{
	sk_time r = 0;

	assert_int_equal(sk_calendar_next_business(cal, t, &r), SK_OK);
	return r;
}

static struct sk_calendar *new_cal(const char *name, const struct sk_tz *tz,
				   struct sk_holidays *hol)
{
	struct sk_calendar *cal = NULL;

	assert_int_equal(sk_calendar_new(name, tz, hol, &cal), SK_OK);
	assert_non_null(cal);
	return cal;
}

static void hours(struct sk_calendar *cal, int wday, int from_h, int from_m, int to_h, int to_m)
{
	struct sk_diag d;

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_calendar_add_interval(cal, wday, from_h * H + from_m * 60,
						  to_h * H + to_m * 60, &d), SK_OK);
}

/* Mon-Fri from-to in @tz. */
static struct sk_calendar *weekdays(const struct sk_tz *tz, struct sk_holidays *hol,
				    int from_h, int to_h)
{
	struct sk_calendar *cal = new_cal("werkdag", tz, hol);

	for (int w = 0; w < 5; w++)
		hours(cal, w, from_h, 0, to_h, 0);
	return cal;
}

/* Mon-Fri 08:00-12:00 and 13:00-17:00. */
static struct sk_calendar *split_day(struct sk_holidays *hol)
{
	struct sk_calendar *cal = new_cal("gesplitst", ams, hol);

	for (int w = 0; w < 5; w++) {
		hours(cal, w, 8, 0, 12, 0);
		hours(cal, w, 13, 0, 17, 0);
	}
	return cal;
}

static struct sk_calendar *always(const struct sk_tz *tz, struct sk_holidays *hol)
{
	struct sk_calendar *cal = new_cal("24x7", tz, hol);

	sk_calendar_set_24x7(cal);
	return cal;
}

/* Every day 00:00-04:00 and 20:00-24:00: a night service. */
static struct sk_calendar *night(void)
{
	struct sk_calendar *cal = new_cal("nacht", ams, NULL);

	for (int w = 0; w < 7; w++) {
		hours(cal, w, 0, 0, 4, 0);
		hours(cal, w, 20, 0, 24, 0);
	}
	return cal;
}

static int setup(void **state)
{
	(void)state;
	struct sk_nl_options gf = { 1, SK_LIBERATION_EVERY };

	if (sk_tz_open("Europe/Amsterdam", &ams, NULL) != SK_OK ||
	    sk_tz_open("America/Sao_Paulo", &sao, NULL) != SK_OK)
		return -1;
	if (sk_holidays_new(&nl) != SK_OK || sk_holidays_new(&nl_gf) != SK_OK ||
	    sk_holidays_new(&none) != SK_OK)
		return -1;
	sk_holidays_use_nl(nl, NULL);
	sk_holidays_use_nl(nl_gf, &gf);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sk_holidays_free(nl);
	sk_holidays_free(nl_gf);
	sk_holidays_free(none);
	sk_tz_free(ams);
	sk_tz_free(sao);
	return 0;
}

/* ---- building a calendar -------------------------------------------------- */

static void test_accessors(void **state)
{
	(void)state;
	struct sk_calendar *cal = split_day(nl);
	const struct sk_interval *iv = NULL;

	assert_string_equal(sk_calendar_name(cal), "gesplitst");
	assert_ptr_equal(sk_calendar_tz(cal), ams);
	assert_ptr_equal(sk_calendar_holidays(cal), nl);
	assert_false(sk_calendar_is_24x7(cal));
	assert_int_equal(sk_calendar_intervals(cal, 0, &iv), 2);
	assert_int_equal(iv[0].start, 8 * H);
	assert_int_equal(iv[0].end, 12 * H);
	assert_int_equal(iv[1].start, 13 * H);
	assert_int_equal(iv[1].end, 17 * H);
	assert_int_equal(sk_calendar_intervals(cal, 5, &iv), 0);
	assert_int_equal(sk_calendar_intervals(cal, 6, &iv), 0);
	sk_calendar_free(cal);
	sk_calendar_free(NULL);

	cal = new_cal("x", ams, NULL);
	assert_null(sk_calendar_holidays(cal));
	sk_calendar_set_24x7(cal);
	assert_true(sk_calendar_is_24x7(cal));
	sk_calendar_free(cal);
}

static void test_interval_refusals(void **state)
{
	(void)state;
	struct sk_calendar *cal = new_cal("x", ams, NULL);
	struct sk_diag d;

	memset(&d, 0, sizeof(d));
	assert_int_not_equal(sk_calendar_add_interval(cal, 7, 9 * H, 17 * H, &d), SK_OK);
	assert_true(d.msg[0] != '\0');
	assert_int_not_equal(sk_calendar_add_interval(cal, -1, 9 * H, 17 * H, NULL), SK_OK);
	assert_int_not_equal(sk_calendar_add_interval(cal, 0, -1, 17 * H, NULL), SK_OK);
	assert_int_not_equal(sk_calendar_add_interval(cal, 0, 9 * H, DAY + 1, NULL), SK_OK);
	assert_int_not_equal(sk_calendar_add_interval(cal, 0, 17 * H, 9 * H, NULL), SK_OK);
	assert_int_not_equal(sk_calendar_add_interval(cal, 0, 9 * H, 9 * H, NULL), SK_OK);
	/* Overlap refused; touching allowed. */
	assert_int_equal(sk_calendar_add_interval(cal, 0, 9 * H, 12 * H, NULL), SK_OK);
	memset(&d, 0, sizeof(d));
	assert_int_not_equal(sk_calendar_add_interval(cal, 0, 11 * H, 13 * H, &d), SK_OK);
	assert_true(d.msg[0] != '\0');
	assert_int_not_equal(sk_calendar_add_interval(cal, 0, 8 * H, 18 * H, NULL), SK_OK);
	assert_int_equal(sk_calendar_add_interval(cal, 0, 12 * H, 13 * H, NULL), SK_OK);
	/* At most SK_MAX_INTERVALS a day. */
	for (int i = 0; i < SK_MAX_INTERVALS; i++)
		assert_int_equal(sk_calendar_add_interval(cal, 2, i * H, i * H + 60, NULL), SK_OK);
	assert_int_not_equal(sk_calendar_add_interval(cal, 2, 20 * H, 21 * H, NULL), SK_OK);
	sk_calendar_free(cal);
}

static void test_standard_day(void **state)
{
	(void)state;
	struct sk_calendar *a = weekdays(ams, nl, 9, 17);
	struct sk_calendar *b = split_day(nl);
	struct sk_calendar *c = always(ams, nl);
	struct sk_calendar *e = weekdays(ams, nl, 8, 17);
	struct sk_calendar *f = new_cal("mixed", ams, NULL);

	assert_int_equal(sk_calendar_standard_day(a), 8 * H);
	assert_int_equal(sk_calendar_standard_day(b), 8 * H);
	assert_int_equal(sk_calendar_standard_day(c), 24 * H);
	assert_int_equal(sk_calendar_standard_day(e), 9 * H);
	sk_calendar_set_standard_day(e, 8 * H);
	assert_int_equal(sk_calendar_standard_day(e), 8 * H);
	/* Mon, Tue 6 h; Wed, Thu 8 h; Fri 4 h: a tie, the longest wins. */
	hours(f, 0, 9, 0, 15, 0);
	hours(f, 1, 9, 0, 15, 0);
	hours(f, 2, 9, 0, 17, 0);
	hours(f, 3, 9, 0, 17, 0);
	hours(f, 4, 9, 0, 13, 0);
	assert_int_equal(sk_calendar_standard_day(f), 8 * H);
	sk_calendar_free(a);
	sk_calendar_free(b);
	sk_calendar_free(c);
	sk_calendar_free(e);
	sk_calendar_free(f);
}

/* ---- 9-to-5 ---------------------------------------------------------------- */

static void test_basic_between(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);

	/* Mon 4 January 2027. */
	assert_int_equal(between(cal, L(2027, 1, 4, 10, 0), L(2027, 1, 4, 12, 0)), 2 * H);
	assert_int_equal(between(cal, L(2027, 1, 4, 9, 0), L(2027, 1, 4, 17, 0)), 8 * H);
	/* Start before hours, end after hours. */
	assert_int_equal(between(cal, L(2027, 1, 4, 7, 0), L(2027, 1, 4, 10, 0)), 1 * H);
	assert_int_equal(between(cal, L(2027, 1, 4, 16, 0), L(2027, 1, 4, 20, 0)), 1 * H);
	assert_int_equal(between(cal, L(2027, 1, 4, 6, 0), L(2027, 1, 4, 23, 0)), 8 * H);
	/* Both outside hours, a night between. */
	assert_int_equal(between(cal, L(2027, 1, 4, 18, 0), L(2027, 1, 5, 8, 0)), 0);
	/* Over a weekend: Fri 8 Jan 16:00 - Mon 11 Jan 10:00. */
	assert_int_equal(between(cal, L(2027, 1, 8, 16, 0), L(2027, 1, 11, 10, 0)), 2 * H);
	/* Weekend only. */
	assert_int_equal(between(cal, L(2027, 1, 9, 10, 0), L(2027, 1, 10, 15, 0)), 0);
	/* Seconds count. */
	assert_int_equal(between(cal, L(2027, 1, 4, 9, 0) - 1, L(2027, 1, 4, 9, 0) + 1), 1);
	assert_int_equal(between(cal, L(2027, 1, 4, 17, 0) - 1, L(2027, 1, 4, 17, 0) + 1), 1);
	/* Reversed spans are negative. */
	assert_int_equal(between(cal, L(2027, 1, 11, 10, 0), L(2027, 1, 8, 16, 0)), -2 * H);
	sk_calendar_free(cal);
}

/* A pause of zero length, and targets of zero. */
static void test_zero_length(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	const sk_time ts[] = {
		L(2027, 1, 4, 10, 0),  /* in hours */
		L(2027, 1, 4, 9, 0),   /* at opening */
		L(2027, 1, 4, 17, 0),  /* at closing */
		L(2027, 1, 9, 12, 0),  /* Saturday */
		L(2027, 4, 27, 12, 0), /* Koningsdag */
		L(2027, 3, 28, 2, 30), /* in the DST gap (moved to 03:30) */
	};

	for (size_t i = 0; i < sizeof(ts) / sizeof(ts[0]); i++) {
		assert_int_equal(between(cal, ts[i], ts[i]), 0);
		/* The first instant t >= start with between(start, t) == 0 is start. */
		assert_int_equal(add(cal, ts[i], 0), ts[i]);
	}
	sk_calendar_free(cal);
}

/* A target that uses up the day exactly ends at closing time, not the next
 * opening; one second more goes to the next working day. */
static void test_add_ends_at_closing(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);

	assert_int_equal(add(cal, L(2027, 1, 4, 16, 0), 1 * H), L(2027, 1, 4, 17, 0));
	assert_int_equal(add(cal, L(2027, 1, 4, 9, 0), 8 * H), L(2027, 1, 4, 17, 0));
	assert_int_equal(add(cal, L(2027, 1, 4, 16, 0), 1 * H + 1), L(2027, 1, 5, 9, 0) + 1);
	/* Friday closing, then Monday. */
	assert_int_equal(add(cal, L(2027, 1, 8, 16, 0), 1 * H), L(2027, 1, 8, 17, 0));
	assert_int_equal(add(cal, L(2027, 1, 8, 17, 0), 1), L(2027, 1, 11, 9, 0) + 1);
	/* Starting outside hours: the clock runs from the next opening. */
	assert_int_equal(add(cal, L(2027, 1, 4, 7, 0), 15 * 60), L(2027, 1, 4, 9, 15));
	assert_int_equal(add(cal, L(2027, 1, 9, 12, 0), 4 * H), L(2027, 1, 11, 13, 0));
	assert_int_equal(add(cal, L(2027, 1, 4, 20, 0), 8 * H), L(2027, 1, 5, 17, 0));
	sk_calendar_free(cal);
}

/*
 * A target longer than what is left of the working day. 9-to-5: Fri 16:00 +
 * 2 h = 1 h on Friday + 1 h from Monday 09:00 = Mon 10:00. On 08:00-17:00
 * the same target ends Mon 09:00.
 */
static void test_target_longer_than_rest_of_day(void **state)
{
	(void)state;
	struct sk_calendar *c9 = weekdays(ams, nl, 9, 17);
	struct sk_calendar *c8 = weekdays(ams, nl, 8, 17);

	assert_int_equal(add(c9, L(2027, 1, 8, 16, 0), 2 * H), L(2027, 1, 11, 10, 0));
	assert_int_equal(add(c8, L(2027, 1, 8, 16, 0), 2 * H), L(2027, 1, 11, 9, 0));
	/* 4 h resolution started Thu 15:00 on 9-to-5: 2 h Thu, 2 h Fri -> Fri 11:00. */
	assert_int_equal(add(c9, L(2027, 1, 7, 15, 0), 4 * H), L(2027, 1, 8, 11, 0));
	/* Two working days (2 x 8 h) from Wed 14:00 -> Fri 14:00. */
	assert_int_equal(add(c9, L(2027, 1, 6, 14, 0), 16 * H), L(2027, 1, 8, 14, 0));
	/* A whole week of hours from Mon 09:00 ends Fri 17:00. */
	assert_int_equal(add(c9, L(2027, 1, 4, 9, 0), 40 * H), L(2027, 1, 8, 17, 0));
	sk_calendar_free(c9);
	sk_calendar_free(c8);
}

/* Spans that start, end or lie on holidays. 2027: Koningsdag Tue 27 Apr,
 * Bevrijdingsdag Wed 5 May, Hemelvaartsdag Thu 6 May, Tweede Paasdag Mon 29
 * Mar; Goede Vrijdag (Fri 26 Mar) only with the option. */
static void test_holidays_in_spans(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	struct sk_calendar *gf = weekdays(ams, nl_gf, 9, 17);

	assert_int_equal(between(cal, L(2027, 4, 27, 9, 0), L(2027, 4, 27, 17, 0)), 0);
	assert_int_equal(between(cal, L(2027, 4, 27, 10, 0), L(2027, 4, 28, 10, 0)), 1 * H);
	assert_int_equal(between(cal, L(2027, 4, 26, 16, 0), L(2027, 4, 27, 12, 0)), 1 * H);
	assert_int_equal(between(cal, L(2027, 5, 4, 16, 0), L(2027, 5, 7, 10, 0)), 2 * H);
	assert_int_equal(add(cal, L(2027, 5, 4, 16, 0), 2 * H), L(2027, 5, 7, 10, 0));
	assert_int_equal(add(cal, L(2027, 4, 27, 10, 0), 1 * H), L(2027, 4, 28, 10, 0));
	/* Easter: Fri 26 Mar 16:00 + 2 h -> Tue 30 Mar 10:00 (Mon is Tweede
	 * Paasdag); with Goede Vrijdag closed: Tue 11:00. */
	assert_int_equal(add(cal, L(2027, 3, 26, 16, 0), 2 * H), L(2027, 3, 30, 10, 0));
	assert_int_equal(add(gf, L(2027, 3, 26, 16, 0), 2 * H), L(2027, 3, 30, 11, 0));
	assert_int_equal(between(cal, L(2027, 3, 25, 9, 0), L(2027, 3, 31, 9, 0)), 24 * H);
	assert_int_equal(between(gf, L(2027, 3, 25, 9, 0), L(2027, 3, 31, 9, 0)), 16 * H);
	/* No holiday set: Koningsdag is a working day. */
	struct sk_calendar *bare = weekdays(ams, NULL, 9, 17);
	assert_int_equal(between(bare, L(2027, 4, 27, 9, 0), L(2027, 4, 27, 17, 0)), 8 * H);
	sk_calendar_free(bare);
	sk_calendar_free(cal);
	sk_calendar_free(gf);
}

/* Across new year: 2027 ends on a working Friday; 1 Jan 2027 is a Friday
 * holiday. */
static void test_across_new_year(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);

	/* Thu 30 Dec 16:00 -> Mon 3 Jan 2028 10:00: 1 h + 8 h (Fri 31) + 1 h. */
	assert_int_equal(between(cal, L(2027, 12, 30, 16, 0), L(2028, 1, 3, 10, 0)), 10 * H);
	assert_int_equal(add(cal, L(2027, 12, 30, 16, 0), 10 * H), L(2028, 1, 3, 10, 0));
	/* Thu 31 Dec 2026 16:00 + 2 h: Fri 1 Jan is Nieuwjaarsdag -> Mon 4 Jan 10:00. */
	assert_int_equal(add(cal, L(2026, 12, 31, 16, 0), 2 * H), L(2027, 1, 4, 10, 0));
	assert_int_equal(between(cal, L(2026, 12, 31, 16, 0), L(2027, 1, 4, 10, 0)), 2 * H);
	/* Christmas 2028: Mon 25 and Tue 26 Dec; Fri 22 Dec 16:00 + 2 h -> Wed 27 10:00. */
	assert_int_equal(add(cal, L(2028, 12, 22, 16, 0), 2 * H), L(2028, 12, 27, 10, 0));
	sk_calendar_free(cal);
}

static void test_next_business(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);

	assert_int_equal(next(cal, L(2027, 1, 4, 10, 0)), L(2027, 1, 4, 10, 0));
	assert_int_equal(next(cal, L(2027, 1, 4, 9, 0)), L(2027, 1, 4, 9, 0));
	assert_int_equal(next(cal, L(2027, 1, 4, 8, 0)), L(2027, 1, 4, 9, 0));
	assert_int_equal(next(cal, L(2027, 1, 4, 17, 0)), L(2027, 1, 5, 9, 0));
	assert_int_equal(next(cal, L(2027, 1, 8, 17, 0)), L(2027, 1, 11, 9, 0));
	assert_int_equal(next(cal, L(2027, 1, 9, 12, 0)), L(2027, 1, 11, 9, 0));
	assert_int_equal(next(cal, L(2027, 4, 27, 10, 0)), L(2027, 4, 28, 9, 0));
	assert_int_equal(next(cal, L(2027, 5, 4, 17, 30)), L(2027, 5, 7, 9, 0));
	assert_int_equal(next(cal, L(2026, 12, 31, 17, 0)), L(2027, 1, 4, 9, 0));

	assert_true(sk_calendar_is_business(cal, L(2027, 1, 4, 9, 0)));
	assert_false(sk_calendar_is_business(cal, L(2027, 1, 4, 9, 0) - 1));
	assert_true(sk_calendar_is_business(cal, L(2027, 1, 4, 17, 0) - 1));
	assert_false(sk_calendar_is_business(cal, L(2027, 1, 4, 17, 0)));
	assert_false(sk_calendar_is_business(cal, L(2027, 1, 9, 12, 0)));
	assert_false(sk_calendar_is_business(cal, L(2027, 4, 27, 12, 0)));
	sk_calendar_free(cal);
}

static sk_time eod(struct sk_calendar *cal, sk_time t, int64_t n)
{
	sk_time r = 0;

	assert_int_equal(sk_calendar_end_of_day(cal, t, n, &r), SK_OK);
	return r;
}

/*
 * `eod` and `eod+N`: the closing time of the business day the clock starts on
 * (its first business moment's day), or of the Nth business day after it.
 * 2027: Mon 4 Jan; Fri 8 Jan; Koningsdag Tue 27 Apr; Bevrijdingsdag Wed 5 May
 * and Hemelvaart Thu 6 May; Nieuwjaarsdag Fri 1 Jan.
 */
static void test_end_of_day(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	struct sk_calendar *sp = split_day(nl);
	struct sk_calendar *all = always(ams, NULL);
	sk_time r = 0;

	assert_int_equal(eod(cal, L(2027, 1, 4, 10, 0), 0), L(2027, 1, 4, 17, 0));
	assert_int_equal(eod(cal, L(2027, 1, 4, 10, 0), 1), L(2027, 1, 5, 17, 0));
	assert_int_equal(eod(cal, L(2027, 1, 4, 10, 0), 5), L(2027, 1, 11, 17, 0));
	/* The last business second of Friday is still Friday; its closing time is not. */
	assert_int_equal(eod(cal, L(2027, 1, 8, 17, 0) - 1, 0), L(2027, 1, 8, 17, 0));
	assert_int_equal(eod(cal, L(2027, 1, 8, 17, 0) - 1, 1), L(2027, 1, 11, 17, 0));
	/* Outside business hours the clock starts on the next business day: that day's end
	 * is "the same day" (Friday evening, Saturday, early Monday all give Monday). */
	assert_int_equal(eod(cal, L(2027, 1, 8, 17, 0), 0), L(2027, 1, 11, 17, 0));
	assert_int_equal(eod(cal, L(2027, 1, 8, 17, 0), 1), L(2027, 1, 12, 17, 0));
	assert_int_equal(eod(cal, L(2027, 1, 9, 12, 0), 0), L(2027, 1, 11, 17, 0));
	assert_int_equal(eod(cal, L(2027, 1, 11, 7, 0), 0), L(2027, 1, 11, 17, 0));
	/* Holidays are no business days: Mon 26 Apr + 1 -> Wed 28 Apr; Tue 4 May after
	 * hours -> Fri 7 May; Thu 31 Dec 2026 + 1 -> Mon 4 Jan 2027. */
	assert_int_equal(eod(cal, L(2027, 4, 26, 16, 0), 1), L(2027, 4, 28, 17, 0));
	assert_int_equal(eod(cal, L(2027, 5, 4, 17, 30), 0), L(2027, 5, 7, 17, 0));
	assert_int_equal(eod(cal, L(2027, 5, 4, 12, 0), 1), L(2027, 5, 7, 17, 0));
	assert_int_equal(eod(cal, L(2026, 12, 31, 16, 0), 1), L(2027, 1, 4, 17, 0));
	/* As a target: Fri 16:00 + eod+1 is 1 h + 8 h of business time. */
	assert_int_equal(between(cal, L(2027, 1, 8, 16, 0), eod(cal, L(2027, 1, 8, 16, 0), 1)), 9 * H);
	/* A split day ends at its last interval's end, also from the lunch break. */
	assert_int_equal(eod(sp, L(2027, 1, 4, 12, 30), 0), L(2027, 1, 4, 17, 0));
	assert_int_equal(eod(sp, L(2027, 1, 4, 9, 0), 1), L(2027, 1, 5, 17, 0));
	/* Around the clock: the local midnight after the day, 23 h on the spring DST day. */
	assert_int_equal(eod(all, L(2027, 1, 6, 15, 0), 0), L(2027, 1, 7, 0, 0));
	assert_int_equal(eod(all, L(2027, 3, 28, 1, 0), 0), L(2027, 3, 29, 0, 0));
	assert_int_equal(between(all, L(2027, 3, 28, 0, 0), L(2027, 3, 29, 0, 0)), 23 * H);
	assert_int_equal(sk_calendar_end_of_day(cal, L(2027, 1, 4, 10, 0), -1, &r), SK_ERR_RANGE);
	sk_calendar_free(cal);
	sk_calendar_free(sp);
	sk_calendar_free(all);
}

/* ---- a split day ------------------------------------------------------------ */

static void test_split_day(void **state)
{
	(void)state;
	struct sk_calendar *cal = split_day(nl);

	assert_int_equal(between(cal, L(2027, 1, 4, 11, 0), L(2027, 1, 4, 14, 0)), 2 * H);
	assert_int_equal(between(cal, L(2027, 1, 4, 12, 0), L(2027, 1, 4, 13, 0)), 0);
	assert_int_equal(between(cal, L(2027, 1, 4, 12, 15), L(2027, 1, 4, 12, 45)), 0);
	assert_int_equal(between(cal, L(2027, 1, 4, 0, 0), L(2027, 1, 5, 0, 0)), 8 * H);
	/* 11:00 + 2 h skips lunch -> 14:00; + 1 h ends at 12:00, not 13:00. */
	assert_int_equal(add(cal, L(2027, 1, 4, 11, 0), 2 * H), L(2027, 1, 4, 14, 0));
	assert_int_equal(add(cal, L(2027, 1, 4, 11, 0), 1 * H), L(2027, 1, 4, 12, 0));
	assert_int_equal(add(cal, L(2027, 1, 4, 11, 0), 1 * H + 1), L(2027, 1, 4, 13, 0) + 1);
	assert_int_equal(add(cal, L(2027, 1, 4, 12, 30), 15 * 60), L(2027, 1, 4, 13, 15));
	/* Fri 16:00 + 2 h -> Mon 09:00 (08:00-09:00 is the second hour). */
	assert_int_equal(add(cal, L(2027, 1, 8, 16, 0), 2 * H), L(2027, 1, 11, 9, 0));
	assert_int_equal(next(cal, L(2027, 1, 4, 12, 30)), L(2027, 1, 4, 13, 0));
	assert_false(sk_calendar_is_business(cal, L(2027, 1, 4, 12, 30)));
	assert_true(sk_calendar_is_business(cal, L(2027, 1, 4, 13, 0)));
	sk_calendar_free(cal);
}

/* ---- DST -------------------------------------------------------------------- */

/* A 24x7 calendar has a 23-hour day on 28 March 2027 and a 25-hour day on
 * 31 October 2027, and ignores holidays. */
static void test_24x7_dst_days(void **state)
{
	(void)state;
	struct sk_calendar *cal = always(ams, nl);
	struct sk_day_part parts[8];
	size_t n = 0;

	assert_int_equal(between(cal, L(2027, 3, 28, 0, 0), L(2027, 3, 29, 0, 0)), 23 * H);
	assert_int_equal(between(cal, L(2027, 10, 31, 0, 0), L(2027, 11, 1, 0, 0)), 25 * H);
	assert_int_equal(between(cal, L(2027, 3, 27, 0, 0), L(2027, 3, 28, 0, 0)), 24 * H);
	/* Over Christmas (holidays ignored). */
	assert_int_equal(between(cal, L(2027, 12, 24, 12, 0), L(2027, 12, 27, 12, 0)), 72 * H);
	/* add counts real seconds: midnight + 24 h on the short day is 01:00. */
	assert_int_equal(add(cal, L(2027, 3, 28, 0, 0), DAY), L(2027, 3, 29, 1, 0));
	assert_int_equal(add(cal, L(2027, 10, 31, 0, 0), DAY), L(2027, 10, 31, 23, 0));
	assert_int_equal(add(cal, L(2027, 3, 28, 1, 30), H), Z(2027, 3, 28, 1, 30, 0)); /* 03:30 CEST */
	assert_int_equal(next(cal, L(2027, 12, 25, 3, 0)), L(2027, 12, 25, 3, 0));
	/* Split per day: the short and the long day. */
	assert_int_equal(sk_calendar_split(cal, L(2027, 3, 27, 0, 0), L(2027, 3, 30, 0, 0),
					   parts, 8, &n), SK_OK);
	assert_int_equal(n, 3);
	assert_int_equal(parts[0].day, days(2027, 3, 27));
	assert_int_equal(parts[0].seconds, 24 * H);
	assert_int_equal(parts[1].day, days(2027, 3, 28));
	assert_int_equal(parts[1].seconds, 23 * H);
	assert_int_equal(parts[2].seconds, 24 * H);
	assert_int_equal(sk_calendar_split(cal, L(2027, 10, 31, 0, 0), L(2027, 11, 1, 0, 0),
					   parts, 8, &n), SK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(parts[0].day, days(2027, 10, 31));
	assert_int_equal(parts[0].seconds, 25 * H);
	sk_calendar_free(cal);
}

/*
 * 9-to-5 around the DST weekends: the hours are local, so a working day is
 * 8 h before and after. Fri 26 Mar 2027 09:00 CET = 08:00Z; Tue 30 Mar 09:00
 * CEST = 07:00Z (Mon 29 is Tweede Paasdag). Fri 29 Oct 09:00 CEST = 07:00Z;
 * Mon 1 Nov 17:00 CET = 16:00Z.
 */
static void test_9to5_dst(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);

	assert_int_equal(between(cal, Z(2027, 3, 26, 8, 0, 0), Z(2027, 3, 26, 16, 0, 0)), 8 * H);
	assert_int_equal(between(cal, Z(2027, 3, 30, 7, 0, 0), Z(2027, 3, 30, 15, 0, 0)), 8 * H);
	assert_int_equal(between(cal, Z(2027, 3, 26, 8, 0, 0), Z(2027, 3, 30, 15, 0, 0)), 16 * H);
	assert_int_equal(add(cal, Z(2027, 3, 26, 15, 0, 0), 2 * H), Z(2027, 3, 30, 8, 0, 0));
	assert_int_equal(between(cal, Z(2027, 10, 29, 7, 0, 0), Z(2027, 11, 1, 16, 0, 0)), 16 * H);
	assert_int_equal(add(cal, Z(2027, 10, 29, 14, 0, 0), 2 * H), Z(2027, 11, 1, 9, 0, 0));
	assert_int_equal(next(cal, Z(2027, 10, 29, 15, 0, 0)), Z(2027, 11, 1, 8, 0, 0));
	sk_calendar_free(cal);
}

/*
 * Hours on the DST night itself, Sundays 01:00-04:00 (Amsterdam): on 28 March
 * 2027 that is 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) = 2 h; on 31 October
 * 01:00 CEST (23:00Z) to 04:00 CET (03:00Z) = 4 h; a normal Sunday 3 h.
 * Hours 02:00-03:00 do not exist on 28 March (0 s; both ends map to 01:00Z)
 * and happen twice on 31 October (02:00 CEST = 00:00Z to 03:00 CET = 02:00Z).
 */
static void test_hours_on_dst_night(void **state)
{
	(void)state;
	struct sk_calendar *a = new_cal("zondagnacht", ams, NULL);
	struct sk_calendar *b = new_cal("twee-uur", ams, NULL);

	hours(a, 6, 1, 0, 4, 0);
	hours(b, 6, 2, 0, 3, 0);
	assert_int_equal(between(a, L(2027, 3, 27, 12, 0), L(2027, 3, 29, 0, 0)), 2 * H);
	assert_int_equal(between(a, L(2027, 10, 30, 12, 0), L(2027, 11, 1, 0, 0)), 4 * H);
	assert_int_equal(between(a, L(2027, 4, 3, 12, 0), L(2027, 4, 5, 0, 0)), 3 * H);
	assert_int_equal(add(a, L(2027, 3, 27, 12, 0), 2 * H), Z(2027, 3, 28, 2, 0, 0));
	assert_int_equal(add(a, L(2027, 3, 27, 12, 0), 1 * H + 1), Z(2027, 3, 28, 1, 0, 1));
	assert_int_equal(add(a, L(2027, 10, 30, 12, 0), 4 * H), Z(2027, 10, 31, 3, 0, 0));
	assert_int_equal(next(a, L(2027, 3, 27, 12, 0)), Z(2027, 3, 28, 0, 0, 0));
	assert_int_equal(next(a, L(2027, 10, 30, 12, 0)), Z(2027, 10, 30, 23, 0, 0));
	assert_int_equal(between(b, L(2027, 3, 27, 12, 0), L(2027, 3, 29, 0, 0)), 0);
	assert_int_equal(between(b, L(2027, 10, 30, 12, 0), L(2027, 11, 1, 0, 0)), 2 * H);
	assert_int_equal(between(b, L(2027, 4, 3, 12, 0), L(2027, 4, 5, 0, 0)), 1 * H);
	sk_calendar_free(a);
	sk_calendar_free(b);
}

/*
 * America/Sao_Paulo changed at midnight. 2018-11-04 (Sunday) started at 01:00
 * -02 (03:00Z): a 23-hour day. 2019-02-16 (Saturday) ran from 00:00 -02
 * (02:00Z) to 2019-02-17 00:00 -03 (03:00Z): a 25-hour day.
 */
static void test_sao_paulo_midnight_dst(void **state)
{
	(void)state;
	struct sk_calendar *all = new_cal("alle-dagen", sao, NULL);
	struct sk_calendar *sun = new_cal("zondagochtend", sao, NULL);
	struct sk_calendar *sat = new_cal("zaterdagavond", sao, NULL);
	struct sk_calendar *wk = weekdays(sao, NULL, 9, 17);
	struct sk_day_part parts[8];
	size_t n = 0;

	for (int w = 0; w < 7; w++)
		hours(all, w, 0, 0, 24, 0);
	hours(sun, 6, 0, 0, 8, 0);
	hours(sat, 5, 20, 0, 24, 0);

	/* Midnight that did not exist is moved forward to 01:00 -02. */
	assert_int_equal(S(2018, 11, 4, 0, 0), Z(2018, 11, 4, 3, 0, 0));
	assert_int_equal(between(all, Z(2018, 11, 4, 3, 0, 0), Z(2018, 11, 5, 2, 0, 0)), 23 * H);
	assert_int_equal(between(all, S(2018, 11, 4, 0, 0), S(2018, 11, 5, 0, 0)), 23 * H);
	assert_int_equal(between(all, Z(2019, 2, 16, 2, 0, 0), Z(2019, 2, 17, 3, 0, 0)), 25 * H);
	assert_int_equal(sk_calendar_split(all, Z(2018, 11, 3, 3, 0, 0), Z(2018, 11, 6, 2, 0, 0),
					   parts, 8, &n), SK_OK);
	assert_int_equal(n, 3);
	assert_int_equal(parts[0].day, days(2018, 11, 3));
	assert_int_equal(parts[0].seconds, 24 * H);
	assert_int_equal(parts[1].day, days(2018, 11, 4));
	assert_int_equal(parts[1].seconds, 23 * H);
	assert_int_equal(parts[1].from, Z(2018, 11, 4, 3, 0, 0));
	assert_int_equal(parts[2].day, days(2018, 11, 5));
	assert_int_equal(parts[2].seconds, 24 * H);
	assert_int_equal(sk_calendar_split(all, Z(2019, 2, 16, 2, 0, 0), Z(2019, 2, 17, 3, 0, 0),
					   parts, 8, &n), SK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(parts[0].day, days(2019, 2, 16));
	assert_int_equal(parts[0].seconds, 25 * H);

	/* Sunday 00:00-08:00 on 4 Nov 2018: 01:00 -02 (03:00Z) to 08:00 -02 (10:00Z). */
	assert_int_equal(between(sun, Z(2018, 11, 3, 12, 0, 0), Z(2018, 11, 5, 12, 0, 0)), 7 * H);
	assert_int_equal(next(sun, Z(2018, 11, 4, 2, 0, 0)), Z(2018, 11, 4, 3, 0, 0));
	assert_int_equal(add(sun, Z(2018, 11, 4, 2, 0, 0), 7 * H), Z(2018, 11, 4, 10, 0, 0));
	/* 17 Feb 2019: 00:00 -03 (03:00Z) to 08:00 -03 (11:00Z): 8 h. */
	assert_int_equal(between(sun, Z(2019, 2, 16, 12, 0, 0), Z(2019, 2, 18, 12, 0, 0)), 8 * H);
	/* Saturday 20:00-24:00 on 16 Feb 2019: 22:00Z to 03:00Z: 5 h. */
	assert_int_equal(between(sat, Z(2019, 2, 16, 12, 0, 0), Z(2019, 2, 17, 12, 0, 0)), 5 * H);
	assert_int_equal(add(sat, Z(2019, 2, 16, 12, 0, 0), 5 * H), Z(2019, 2, 17, 3, 0, 0));

	/* 9-to-5 over the weekend of 4 Nov 2018: Fri 16:00 -03 + 2 h -> Mon 10:00 -02. */
	assert_int_equal(add(wk, S(2018, 11, 2, 16, 0), 2 * H), Z(2018, 11, 5, 12, 0, 0));
	assert_int_equal(between(wk, Z(2018, 11, 2, 12, 0, 0), Z(2018, 11, 5, 19, 0, 0)), 16 * H);
	sk_calendar_free(all);
	sk_calendar_free(sun);
	sk_calendar_free(sat);
	sk_calendar_free(wk);
}

/* ---- evening hours: deadlines that cross midnight --------------------------- */

static void test_deadline_across_midnight(void **state)
{
	(void)state;
	struct sk_calendar *cal = night();
	struct sk_calendar *eve = new_cal("avond", ams, nl);

	for (int w = 0; w < 5; w++)
		hours(eve, w, 16, 0, 24, 0);

	/* Night service: Mon 23:00 + 2 h -> Tue 01:00; 22:00-03:00 is 5 h. */
	assert_int_equal(add(cal, L(2027, 1, 4, 23, 0), 2 * H), L(2027, 1, 5, 1, 0));
	assert_int_equal(between(cal, L(2027, 1, 4, 22, 0), L(2027, 1, 5, 3, 0)), 5 * H);
	assert_int_equal(add(cal, L(2027, 1, 4, 23, 0), 1 * H), L(2027, 1, 5, 0, 0));
	assert_int_equal(add(cal, L(2027, 1, 4, 3, 0), 2 * H), L(2027, 1, 4, 21, 0));
	assert_int_equal(between(cal, L(2027, 1, 4, 0, 0), L(2027, 1, 5, 0, 0)), 8 * H);
	/* Over the spring-forward night: Sat 23:00 + 3 h = 1 h Saturday, then
	 * Sunday 00:00 CET (23:00Z) + 2 h = 01:00Z = 03:00 CEST. */
	assert_int_equal(add(cal, L(2027, 3, 27, 23, 0), 3 * H), Z(2027, 3, 28, 1, 0, 0));
	assert_int_equal(between(cal, L(2027, 3, 28, 0, 0), L(2027, 3, 29, 0, 0)), 7 * H);
	/* Evening desk Mon-Fri 16:00-24:00: Mon 23:00 + 2 h -> Tue 17:00;
	 * Fri 23:00 + 2 h -> Mon 17:00. */
	assert_int_equal(add(eve, L(2027, 1, 4, 23, 0), 2 * H), L(2027, 1, 5, 17, 0));
	assert_int_equal(add(eve, L(2027, 1, 8, 23, 0), 2 * H), L(2027, 1, 11, 17, 0));
	assert_int_equal(add(eve, L(2027, 1, 4, 23, 0), 1 * H), L(2027, 1, 5, 0, 0));
	assert_int_equal(next(eve, L(2027, 1, 5, 0, 0)), L(2027, 1, 5, 16, 0));
	sk_calendar_free(cal);
	sk_calendar_free(eve);
}

/* ---- long spans --------------------------------------------------------------- */

/*
 * 2027 on a 9-to-5 nl calendar. 2027 starts on a Friday and has 365 days:
 * 52 weeks and one Friday, so 261 weekdays. nl holidays on weekdays: Fri 1 Jan,
 * Mon 29 Mar, Tue 27 Apr, Wed 5 May, Thu 6 May, Mon 17 May (Kerst is on Sat
 * and Sun): 6. 255 working days x 8 h = 7 344 000 s; with Goede Vrijdag (Fri
 * 26 Mar) 254 days = 7 315 200 s.
 */
static void test_full_year_2027(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	struct sk_calendar *gf = weekdays(ams, nl_gf, 9, 17);

	assert_int_equal(between(cal, L(2027, 1, 1, 0, 0), L(2028, 1, 1, 0, 0)), 255 * 8 * H);
	assert_int_equal(between(cal, L(2027, 1, 1, 0, 0), L(2028, 1, 1, 0, 0)), 7344000);
	assert_int_equal(between(gf, L(2027, 1, 1, 0, 0), L(2028, 1, 1, 0, 0)), 7315200);
	/* The deadline of a full year's hours is the close of 31 Dec 2027. */
	assert_int_equal(add(cal, L(2027, 1, 1, 0, 0), 7344000), L(2027, 12, 31, 17, 0));
	sk_calendar_free(cal);
	sk_calendar_free(gf);
}

/* More than 30 days: 100 working days of 8 h from Mon 4 Jan 2027 09:00 end
 * at the close of the 100th working day, Fri 28 May 2027 (January 20,
 * February 20, March 22, April 21 working days, and 17 in May up to the 28th:
 * 5, 6 and 17 May are holidays). */
static void test_many_months(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);

	assert_int_equal(add(cal, L(2027, 1, 4, 9, 0), 100 * 8 * H), L(2027, 5, 28, 17, 0));
	assert_int_equal(between(cal, L(2027, 1, 4, 9, 0), L(2027, 5, 28, 17, 0)), 100 * 8 * H);
	assert_int_equal(between(cal, L(2027, 1, 1, 0, 0), L(2027, 2, 1, 0, 0)), 20 * 8 * H);
	assert_int_equal(between(cal, L(2027, 2, 1, 0, 0), L(2027, 3, 1, 0, 0)), 20 * 8 * H);
	assert_int_equal(between(cal, L(2027, 3, 1, 0, 0), L(2027, 4, 1, 0, 0)), 22 * 8 * H);
	assert_int_equal(between(cal, L(2027, 4, 1, 0, 0), L(2027, 5, 1, 0, 0)), 21 * 8 * H);
	assert_int_equal(between(cal, L(2027, 5, 1, 0, 0), L(2027, 5, 29, 0, 0)), 17 * 8 * H);
	sk_calendar_free(cal);
}

/*
 * Ten years, 2027-01-01 to 2037-01-01, 9-to-5 nl: working days per year
 * 2027 255, 2028 253, 2029 254, 2030 255, 2031 254, 2032 256, 2033 254,
 * 2034 253, 2035 254, 2036 255 = 2543 days (2609 weekdays less 66 holidays
 * on weekdays) x 28 800 s = 73 238 400 s.
 */
static void test_ten_years(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	struct sk_calendar *all = always(ams, nl);
	const int per_year[] = { 255, 253, 254, 255, 254, 256, 254, 253, 254, 255 };

	assert_int_equal(between(cal, L(2027, 1, 1, 0, 0), L(2037, 1, 1, 0, 0)), 73238400);
	for (int i = 0; i < 10; i++)
		assert_int_equal(between(cal, L(2027 + i, 1, 1, 0, 0), L(2028 + i, 1, 1, 0, 0)),
				 (int64_t)per_year[i] * 8 * H);
	/* Wed 31 Dec 2036 is a working day: the deadline is its close. */
	assert_int_equal(add(cal, L(2027, 1, 1, 0, 0), 73238400), L(2036, 12, 31, 17, 0));
	/* 24x7 over ten years is the elapsed time. */
	assert_int_equal(between(all, L(2027, 1, 1, 0, 0), L(2037, 1, 1, 0, 0)),
			 L(2037, 1, 1, 0, 0) - L(2027, 1, 1, 0, 0));
	assert_int_equal(L(2037, 1, 1, 0, 0) - L(2027, 1, 1, 0, 0), (int64_t)3653 * DAY);
	sk_calendar_free(cal);
	sk_calendar_free(all);
}

/* ---- explicit holiday sets ------------------------------------------------------ */

static void test_explicit_holiday_set(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	struct sk_calendar *cal;

	assert_int_equal(sk_holidays_new(&h), SK_OK);
	assert_int_equal(sk_holidays_add(h, days(2027, 3, 3), "Storing"), SK_OK);
	assert_int_equal(sk_holidays_add(h, days(2027, 3, 4), NULL), SK_OK);
	cal = weekdays(ams, h, 9, 17);
	/* Tue 2 Mar 16:00 -> Fri 5 Mar 10:00: Wed and Thu closed. */
	assert_int_equal(between(cal, L(2027, 3, 2, 16, 0), L(2027, 3, 5, 10, 0)), 2 * H);
	assert_int_equal(add(cal, L(2027, 3, 2, 16, 0), 2 * H), L(2027, 3, 5, 10, 0));
	assert_int_equal(next(cal, L(2027, 3, 3, 10, 0)), L(2027, 3, 5, 9, 0));
	/* Not the nl days: Tweede Paasdag is a working day here. */
	assert_int_equal(between(cal, L(2027, 3, 29, 9, 0), L(2027, 3, 29, 17, 0)), 8 * H);
	sk_calendar_free(cal);
	sk_holidays_free(h);
}

/* Holidays from an .ics file: Kerstsluiting Mon 27 - Wed 29 Dec 2027. */
static void test_ics_holiday_set(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	struct sk_calendar *cal;
	char path[1024];
	const char *dir = getenv("SK_TESTDATA");

	snprintf(path, sizeof(path), "%s/ics/closed-2027.ics", dir && *dir ? dir : "data");
	assert_int_equal(sk_holidays_new(&h), SK_OK);
	assert_int_equal(sk_holidays_add_ics(h, path, NULL), SK_OK);
	cal = weekdays(ams, h, 9, 17);
	assert_int_equal(between(cal, L(2027, 12, 24, 16, 0), L(2027, 12, 30, 10, 0)), 2 * H);
	assert_int_equal(add(cal, L(2027, 12, 24, 16, 0), 2 * H), L(2027, 12, 30, 10, 0));
	sk_calendar_free(cal);
	sk_holidays_free(h);
}

/* ---- split per day ------------------------------------------------------------ */

static void test_split_parts(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	struct sk_day_part parts[16];
	size_t n = 0;

	/* Mon 4 Jan 10:00 -> Wed 6 Jan 11:00: 7 h, 8 h, 2 h. */
	assert_int_equal(sk_calendar_split(cal, L(2027, 1, 4, 10, 0), L(2027, 1, 6, 11, 0),
					   parts, 16, &n), SK_OK);
	assert_int_equal(n, 3);
	assert_int_equal(parts[0].day, days(2027, 1, 4));
	assert_int_equal(parts[0].from, L(2027, 1, 4, 10, 0));
	assert_int_equal(parts[0].to, L(2027, 1, 4, 17, 0));
	assert_int_equal(parts[0].seconds, 7 * H);
	assert_int_equal(parts[1].day, days(2027, 1, 5));
	assert_int_equal(parts[1].from, L(2027, 1, 5, 9, 0));
	assert_int_equal(parts[1].to, L(2027, 1, 5, 17, 0));
	assert_int_equal(parts[1].seconds, 8 * H);
	assert_int_equal(parts[2].day, days(2027, 1, 6));
	assert_int_equal(parts[2].from, L(2027, 1, 6, 9, 0));
	assert_int_equal(parts[2].to, L(2027, 1, 6, 11, 0));
	assert_int_equal(parts[2].seconds, 2 * H);

	/* Two weeks, only 3 slots: 10 working days in all, the first 3 filled. */
	memset(parts, 0, sizeof(parts));
	assert_int_equal(sk_calendar_split(cal, L(2027, 1, 4, 0, 0), L(2027, 1, 18, 0, 0),
					   parts, 3, &n), SK_OK);
	assert_int_equal(n, 10);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(parts[i].day, days(2027, 1, 4 + i));
		assert_int_equal(parts[i].seconds, 8 * H);
	}
	assert_int_equal(parts[3].seconds, 0); /* untouched */

	/* Holidays and weekends are left out: Koningsdag week. */
	assert_int_equal(sk_calendar_split(cal, L(2027, 4, 24, 0, 0), L(2027, 5, 1, 0, 0),
					   parts, 16, &n), SK_OK);
	assert_int_equal(n, 4);
	assert_int_equal(parts[0].day, days(2027, 4, 26));
	assert_int_equal(parts[1].day, days(2027, 4, 28));
	/* Nothing to split. */
	assert_int_equal(sk_calendar_split(cal, L(2027, 1, 9, 0, 0), L(2027, 1, 10, 0, 0),
					   parts, 16, &n), SK_OK);
	assert_int_equal(n, 0);
	sk_calendar_free(cal);
}

/* ---- limits ------------------------------------------------------------------- */

static void test_no_business_time(void **state)
{
	(void)state;
	struct sk_calendar *cal = new_cal("leeg", ams, NULL);
	sk_time t = 0;

	assert_int_equal(between(cal, L(2027, 1, 1, 0, 0), L(2028, 1, 1, 0, 0)), 0);
	assert_int_equal(sk_calendar_add(cal, L(2027, 1, 4, 9, 0), H, &t), SK_ERR_CALENDAR);
	assert_int_equal(sk_calendar_next_business(cal, L(2027, 1, 4, 9, 0), &t), SK_ERR_CALENDAR);
	assert_false(sk_calendar_is_business(cal, L(2027, 1, 4, 9, 0)));
	sk_calendar_free(cal);
}

static void test_outside_1900_2199(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	int64_t n;
	sk_time t;

	assert_int_not_equal(sk_calendar_between(cal, Z(1899, 6, 1, 0, 0, 0), Z(2000, 1, 1, 0, 0, 0), &n), SK_OK);
	assert_int_not_equal(sk_calendar_between(cal, Z(2000, 1, 1, 0, 0, 0), Z(2200, 6, 1, 0, 0, 0), &n), SK_OK);
	/* A deadline that would land after 2199. */
	assert_int_not_equal(sk_calendar_add(cal, L(2199, 12, 30, 9, 0), 100 * H, &t), SK_OK);
	/* The edges of the range work (Mon 1 Jan 1900 is Nieuwjaarsdag; Tue-Wed). */
	assert_int_equal(between(cal, L(1900, 1, 2, 12, 0), L(1900, 1, 3, 12, 0)), 8 * H);
	assert_int_equal(between(cal, L(2199, 12, 30, 9, 0), L(2199, 12, 31, 17, 0)), 16 * H);
	sk_calendar_free(cal);
}

/* ---- properties on thousands of random spans ---------------------------------- */

/* splitmix64: a fixed seed gives the same spans on every machine. */
static uint64_t rng_state = 0x5eed2027u;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static int64_t rnd_range(int64_t lo, int64_t hi) /* [lo, hi] */
{
	return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

/* A random target: mostly short, some long, some whole hours. */
static int64_t rnd_target(void)
{
	switch (rnd() % 5) {
	case 0: return rnd_range(0, 3600);
	case 1: return rnd_range(0, 40 * H);
	case 2: return rnd_range(0, 400 * H);
	case 3: return rnd_range(0, 100) * H;
	default: return rnd_range(0, 4000 * H);
	}
}

static sk_time rnd_instant(void)
{
	/* 2017-2030: includes the Sao Paulo DST years and many DST nights. */
	return rnd_range(Z(2017, 1, 1, 0, 0, 0), Z(2030, 1, 1, 0, 0, 0));
}

#define N_RANDOM 2000

static void check_properties(struct sk_calendar *cal)
{
	struct sk_day_part parts[128];

	for (int i = 0; i < N_RANDOM; i++) {
		sk_time start = rnd_instant();
		int64_t want = rnd_target();
		sk_time t = add(cal, start, want);

		/* between(start, add(start, N)) == N, and add gives the FIRST such
		 * instant: one second earlier is one business second short. */
		assert_true(t >= start);
		if (between(cal, start, t) != want)
			print_error("%s: start %lld + %lld -> %lld\n", sk_calendar_name(cal),
				    (long long)start, (long long)want, (long long)t);
		assert_int_equal(between(cal, start, t), want);
		if (want > 0) {
			assert_int_equal(between(cal, start, t - 1), want - 1);
			assert_true(sk_calendar_is_business(cal, t - 1));
		} else {
			assert_int_equal(t, start);
		}

		/* For a <= b: add(a, between(a, b)) <= b with the same business time. */
		sk_time a = rnd_instant();
		sk_time b = a + rnd_range(0, 60 * (int64_t)DAY);
		int64_t s = between(cal, a, b);
		sk_time u = add(cal, a, s);

		assert_true(s >= 0 && s <= b - a);
		assert_true(u >= a && u <= b);
		assert_int_equal(between(cal, a, u), s);
		assert_int_equal(between(cal, u, b), 0);
		assert_int_equal(between(cal, b, a), -s);

		/* Additivity over a random middle point (in any order). */
		sk_time c = rnd_instant();
		assert_int_equal(between(cal, a, c), between(cal, a, b) + between(cal, b, c));

		/* The per-day split sums to between. */
		size_t n = 0;
		int64_t sum = 0;
		assert_int_equal(sk_calendar_split(cal, a, b, parts, 128, &n), SK_OK);
		assert_true(n <= 128);
		for (size_t k = 0; k < n; k++) {
			struct sk_civil cv;

			assert_true(parts[k].seconds > 0);
			assert_true(parts[k].from >= a && parts[k].to <= b);
			assert_true(parts[k].from < parts[k].to);
			assert_int_equal(between(cal, parts[k].from, parts[k].to), parts[k].seconds);
			if (k > 0)
				assert_true(parts[k - 1].day < parts[k].day);
			sk_tz_to_civil(sk_calendar_tz(cal), parts[k].from, &cv);
			assert_int_equal(days(cv.year, cv.month, cv.day), parts[k].day);
			sum += parts[k].seconds;
		}
		assert_int_equal(sum, s);

		/* next_business: the first business instant at or after t. */
		sk_time r = next(cal, start);
		assert_true(r >= start);
		assert_true(sk_calendar_is_business(cal, r));
		assert_int_equal(between(cal, start, r), 0);
		if (r > start)
			assert_false(sk_calendar_is_business(cal, r - 1));
		else
			assert_true(sk_calendar_is_business(cal, start));
	}
}

static void test_property_9to5(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);

	check_properties(cal);
	sk_calendar_free(cal);
}

static void test_property_split(void **state)
{
	(void)state;
	struct sk_calendar *cal = split_day(nl_gf);

	check_properties(cal);
	sk_calendar_free(cal);
}

static void test_property_24x7(void **state)
{
	(void)state;
	struct sk_calendar *cal = always(ams, nl);

	check_properties(cal);
	for (int i = 0; i < N_RANDOM; i++) {
		sk_time a = rnd_instant(), b = rnd_instant();
		int64_t n = rnd_target();

		assert_int_equal(between(cal, a, b), b - a);
		assert_int_equal(add(cal, a, n), a + n);
	}
	sk_calendar_free(cal);
}

static void test_property_night(void **state)
{
	(void)state;
	struct sk_calendar *cal = night();

	check_properties(cal);
	sk_calendar_free(cal);
}

/* Sao Paulo, with DST hours on Sunday mornings and Saturday evenings. */
static void test_property_sao_paulo(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	struct sk_calendar *cal;

	assert_int_equal(sk_holidays_new(&h), SK_OK);
	for (int y = 2017; y <= 2030; y++) {
		assert_int_equal(sk_holidays_add(h, days(y, 1, 1), "Confraternização"), SK_OK);
		assert_int_equal(sk_holidays_add(h, days(y, 11, 15), "Proclamação"), SK_OK);
	}
	cal = weekdays(sao, h, 8, 18);
	hours(cal, 5, 20, 0, 24, 0);
	hours(cal, 6, 0, 0, 2, 0);
	check_properties(cal);
	sk_calendar_free(cal);
	sk_holidays_free(h);
}

/*
 * Cost does not grow with the span: 100 000 queries over spans of up to
 * three centuries must take about what short ones take. Stepping day by day
 * would need billions of steps here.
 */
static void test_cost_independent_of_span(void **state)
{
	(void)state;
	struct sk_calendar *cal = weekdays(ams, nl, 9, 17);
	const sk_time lo = Z(1900, 1, 2, 0, 0, 0), hi = Z(2199, 12, 30, 0, 0, 0);
	clock_t t0;
	double secs;
	int64_t total = 0;

	/* Warm up: let the calendar build its tables. */
	total += between(cal, lo, hi);
	t0 = clock();
	for (int i = 0; i < 100000; i++) {
		sk_time a = rnd_range(lo, hi), b = rnd_range(lo, hi);

		total += between(cal, a, b);
	}
	for (int i = 0; i < 20000; i++) {
		sk_time a = rnd_range(lo, Z(2100, 1, 1, 0, 0, 0));
		sk_time t;

		assert_int_equal(sk_calendar_add(cal, a, rnd_range(0, 50 * 255) * 8 * H, &t), SK_OK);
	}
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	print_message("120000 long-span queries: %.3f s (checksum %lld)\n", secs, (long long)total);
	assert_true(secs < 5.0);
	sk_calendar_free(cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_interval_refusals),
		cmocka_unit_test(test_standard_day),
		cmocka_unit_test(test_basic_between),
		cmocka_unit_test(test_zero_length),
		cmocka_unit_test(test_add_ends_at_closing),
		cmocka_unit_test(test_target_longer_than_rest_of_day),
		cmocka_unit_test(test_holidays_in_spans),
		cmocka_unit_test(test_across_new_year),
		cmocka_unit_test(test_next_business),
		cmocka_unit_test(test_end_of_day),
		cmocka_unit_test(test_split_day),
		cmocka_unit_test(test_24x7_dst_days),
		cmocka_unit_test(test_9to5_dst),
		cmocka_unit_test(test_hours_on_dst_night),
		cmocka_unit_test(test_sao_paulo_midnight_dst),
		cmocka_unit_test(test_deadline_across_midnight),
		cmocka_unit_test(test_full_year_2027),
		cmocka_unit_test(test_many_months),
		cmocka_unit_test(test_ten_years),
		cmocka_unit_test(test_explicit_holiday_set),
		cmocka_unit_test(test_ics_holiday_set),
		cmocka_unit_test(test_split_parts),
		cmocka_unit_test(test_no_business_time),
		cmocka_unit_test(test_outside_1900_2199),
		cmocka_unit_test(test_property_9to5),
		cmocka_unit_test(test_property_split),
		cmocka_unit_test(test_property_24x7),
		cmocka_unit_test(test_property_night),
		cmocka_unit_test(test_property_sao_paulo),
		cmocka_unit_test(test_cost_independent_of_span),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
