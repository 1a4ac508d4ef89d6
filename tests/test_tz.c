/*
 * Tests of tz.h: zones read from the system tz database, offsets either side
 * of DST changes, the gap and fold rules, the POSIX footer rule for years the
 * TZif table does not list, and the civil-date helpers.
 *
 * Expected instants are written out by hand (see the comments) or computed
 * with utc() below, which is independent of the library.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "slakit/tz.h"

/* Seconds since the epoch of a UTC civil time (Hinnant's days_from_civil). */
static sk_time utc(int y, int m, int d, int hh, int mm, int ss)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	int64_t days = era * 146097 + doe - 719468;

	return days * 86400 + hh * 3600 + mm * 60 + ss;
}

static struct sk_tz *open_zone(const char *name)
{
	struct sk_tz *tz = NULL;
	struct sk_diag d;

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_tz_open(name, &tz, &d), SK_OK);
	assert_non_null(tz);
	return tz;
}

/* Local civil time -> instant, checking the kind reported. */
static sk_time local(const struct sk_tz *tz, int y, int m, int d, int hh, int mm,
		     int ss, enum sk_local_kind want)
{
	struct sk_civil c = { y, m, d, hh, mm, ss };
	enum sk_local_kind kind = (enum sk_local_kind)-1;
	sk_time t = sk_tz_from_civil(tz, &c, &kind);

	assert_int_equal(kind, want);
	return t;
}

static void assert_civil(const struct sk_tz *tz, sk_time t, int y, int m, int d,
			 int hh, int mm, int ss)
{
	struct sk_civil c;

	memset(&c, 0, sizeof(c));
	sk_tz_to_civil(tz, t, &c);
	assert_int_equal(c.year, y);
	assert_int_equal(c.month, m);
	assert_int_equal(c.day, d);
	assert_int_equal(c.hour, hh);
	assert_int_equal(c.min, mm);
	assert_int_equal(c.sec, ss);
}

static void test_open_known_zones(void **state)
{
	(void)state;
	const char *names[] = { "Europe/Amsterdam", "UTC", "America/Sao_Paulo" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct sk_tz *tz = open_zone(names[i]);

		assert_string_equal(sk_tz_name(tz), names[i]);
		sk_tz_free(tz);
	}
	sk_tz_free(NULL); /* NULL is accepted */
}

static void test_open_refused(void **state)
{
	(void)state;
	/* Unknown names, names that climb out of the tz directory, a directory,
	 * and a file in the tz directory that is not TZif: all SK_ERR_TZ. */
	const char *bad[] = {
		"Europe/Nowhere", "../../etc/passwd", "Europe/../UTC", "..",
		"Europe", "", "/etc/passwd", "zone1970.tab",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sk_tz *tz = NULL;
		struct sk_diag d;

		memset(&d, 0, sizeof(d));
		assert_int_equal(sk_tz_open(bad[i], &tz, &d), SK_ERR_TZ);
		assert_null(tz);
		assert_true(d.msg[0] != '\0');
	}
}

static void test_utc_zone(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("UTC");
	sk_time t = utc(2027, 3, 28, 1, 30, 0);

	assert_int_equal(sk_tz_offset(tz, t), 0);
	assert_int_equal(sk_tz_offset(tz, utc(2150, 7, 1, 0, 0, 0)), 0);
	assert_civil(tz, t, 2027, 3, 28, 1, 30, 0);
	assert_int_equal(local(tz, 2027, 3, 28, 2, 30, 0, SK_LOCAL_EXACT), utc(2027, 3, 28, 2, 30, 0));
	sk_tz_free(tz);
}

/*
 * Europe/Amsterdam 2027: CEST from the last Sunday of March (28 March) at
 * 01:00Z, CET again from the last Sunday of October (31 October) at 01:00Z.
 */
static void test_amsterdam_offsets_2027(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("Europe/Amsterdam");

	assert_int_equal(sk_tz_offset(tz, utc(2027, 1, 15, 12, 0, 0)), 3600);
	assert_int_equal(sk_tz_offset(tz, utc(2027, 3, 28, 0, 59, 59)), 3600);
	assert_int_equal(sk_tz_offset(tz, utc(2027, 3, 28, 1, 0, 0)), 7200);
	assert_int_equal(sk_tz_offset(tz, utc(2027, 7, 1, 12, 0, 0)), 7200);
	assert_int_equal(sk_tz_offset(tz, utc(2027, 10, 31, 0, 59, 59)), 7200);
	assert_int_equal(sk_tz_offset(tz, utc(2027, 10, 31, 1, 0, 0)), 3600);

	/* Wall clock either side of the changes. */
	assert_civil(tz, utc(2027, 3, 28, 0, 59, 59), 2027, 3, 28, 1, 59, 59);
	assert_civil(tz, utc(2027, 3, 28, 1, 0, 0), 2027, 3, 28, 3, 0, 0);
	assert_civil(tz, utc(2027, 10, 31, 0, 30, 0), 2027, 10, 31, 2, 30, 0);
	assert_civil(tz, utc(2027, 10, 31, 1, 30, 0), 2027, 10, 31, 2, 30, 0);
	assert_civil(tz, utc(2027, 12, 31, 23, 0, 0), 2028, 1, 1, 0, 0, 0);
	sk_tz_free(tz);
}

static void test_amsterdam_exact(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("Europe/Amsterdam");

	assert_int_equal(local(tz, 2027, 1, 15, 12, 0, 0, SK_LOCAL_EXACT), utc(2027, 1, 15, 11, 0, 0));
	assert_int_equal(local(tz, 2027, 7, 1, 9, 0, 0, SK_LOCAL_EXACT), utc(2027, 7, 1, 7, 0, 0));
	/* Just before and just after the gap. */
	assert_int_equal(local(tz, 2027, 3, 28, 1, 59, 59, SK_LOCAL_EXACT), utc(2027, 3, 28, 0, 59, 59));
	assert_int_equal(local(tz, 2027, 3, 28, 3, 0, 0, SK_LOCAL_EXACT), utc(2027, 3, 28, 1, 0, 0));
	/* Just before and just after the fold (02:00-03:00 happens twice). */
	assert_int_equal(local(tz, 2027, 10, 31, 1, 59, 59, SK_LOCAL_EXACT), utc(2027, 10, 30, 23, 59, 59));
	assert_int_equal(local(tz, 2027, 10, 31, 3, 0, 0, SK_LOCAL_EXACT), utc(2027, 10, 31, 2, 0, 0));
	/* kind may be NULL. */
	struct sk_civil c = { 2027, 1, 15, 12, 0, 0 };
	assert_int_equal(sk_tz_from_civil(tz, &c, NULL), utc(2027, 1, 15, 11, 0, 0));
	sk_tz_free(tz);
}

/* 02:30 on 28 March 2027 does not exist: moved forward by the gap (1 h) to
 * 03:30 CEST, which is 01:30Z. */
static void test_amsterdam_gap(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("Europe/Amsterdam");

	assert_int_equal(local(tz, 2027, 3, 28, 2, 30, 0, SK_LOCAL_GAP), utc(2027, 3, 28, 1, 30, 0));
	assert_int_equal(local(tz, 2027, 3, 28, 2, 0, 0, SK_LOCAL_GAP), utc(2027, 3, 28, 1, 0, 0));
	assert_int_equal(local(tz, 2027, 3, 28, 2, 59, 59, SK_LOCAL_GAP), utc(2027, 3, 28, 1, 59, 59));
	sk_tz_free(tz);
}

/* 02:30 on 31 October 2027 happens twice: the first, 02:30 CEST = 00:30Z. */
static void test_amsterdam_fold(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("Europe/Amsterdam");

	assert_int_equal(local(tz, 2027, 10, 31, 2, 30, 0, SK_LOCAL_FOLD), utc(2027, 10, 31, 0, 30, 0));
	assert_int_equal(local(tz, 2027, 10, 31, 2, 0, 0, SK_LOCAL_FOLD), utc(2027, 10, 31, 0, 0, 0));
	assert_int_equal(local(tz, 2027, 10, 31, 2, 59, 59, SK_LOCAL_FOLD), utc(2027, 10, 31, 0, 59, 59));
	sk_tz_free(tz);
}

/* Hour 24:00 is midnight at the end of the day. */
static void test_hour_24(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("Europe/Amsterdam");

	assert_int_equal(local(tz, 2027, 12, 31, 24, 0, 0, SK_LOCAL_EXACT), utc(2027, 12, 31, 23, 0, 0));
	/* The end of the 25-hour day 31 October 2027 is 1 November 00:00 CET. */
	assert_int_equal(local(tz, 2027, 10, 31, 24, 0, 0, SK_LOCAL_EXACT), utc(2027, 10, 31, 23, 0, 0));
	sk_tz_free(tz);
}

/*
 * After 2037 the TZif table ends and the footer's POSIX rule
 * (CET-1CEST,M3.5.0,M10.5.0/3) applies: the last Sundays of March and October.
 * 2038: 28 March / 31 October; 2050: 27 March / 30 October;
 * 2150: 29 March / 25 October; 2199: 31 March / 27 October.
 */
static void test_amsterdam_after_2037(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("Europe/Amsterdam");
	const struct { int y, md, od; } years[] = {
		{ 2037, 29, 25 }, { 2038, 28, 31 }, { 2050, 27, 30 },
		{ 2150, 29, 25 }, { 2199, 31, 27 },
	};

	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		int y = years[i].y;

		assert_int_equal(sk_tz_offset(tz, utc(y, 3, years[i].md, 0, 59, 59)), 3600);
		assert_int_equal(sk_tz_offset(tz, utc(y, 3, years[i].md, 1, 0, 0)), 7200);
		assert_int_equal(sk_tz_offset(tz, utc(y, 10, years[i].od, 0, 59, 59)), 7200);
		assert_int_equal(sk_tz_offset(tz, utc(y, 10, years[i].od, 1, 0, 0)), 3600);
		/* The week before is still winter/summer time. */
		assert_int_equal(sk_tz_offset(tz, utc(y, 3, years[i].md - 7, 12, 0, 0)), 3600);
		assert_int_equal(sk_tz_offset(tz, utc(y, 10, years[i].od - 7, 12, 0, 0)), 7200);
		assert_int_equal(local(tz, y, 3, years[i].md, 2, 30, 0, SK_LOCAL_GAP),
				 utc(y, 3, years[i].md, 1, 30, 0));
		assert_int_equal(local(tz, y, 10, years[i].od, 2, 30, 0, SK_LOCAL_FOLD),
				 utc(y, 10, years[i].od, 0, 30, 0));
	}
	sk_tz_free(tz);
}

/*
 * America/Sao_Paulo changed at local midnight. On 4 November 2018 clocks went
 * from 00:00 -03 to 01:00 -02 (at 03:00Z): 00:00-00:59 did not exist. On
 * 17 February 2019 clocks went from 00:00 -02 back to 23:00 -03 on the 16th
 * (at 02:00Z): 16 February 23:00-23:59 happened twice, and 17 February 00:00
 * happened once (at -03, 03:00Z). Brazil has had no DST since 2019.
 */
static void test_sao_paulo_midnight(void **state)
{
	(void)state;
	struct sk_tz *tz = open_zone("America/Sao_Paulo");

	assert_int_equal(sk_tz_offset(tz, utc(2018, 11, 4, 2, 59, 59)), -3 * 3600);
	assert_int_equal(sk_tz_offset(tz, utc(2018, 11, 4, 3, 0, 0)), -2 * 3600);
	assert_int_equal(sk_tz_offset(tz, utc(2019, 2, 17, 1, 59, 59)), -2 * 3600);
	assert_int_equal(sk_tz_offset(tz, utc(2019, 2, 17, 2, 0, 0)), -3 * 3600);
	assert_int_equal(sk_tz_offset(tz, utc(2027, 1, 15, 12, 0, 0)), -3 * 3600);
	assert_int_equal(sk_tz_offset(tz, utc(2150, 1, 15, 12, 0, 0)), -3 * 3600);

	/* The gap: midnight moves forward by the gap to 01:00 -02 = 03:00Z. */
	assert_int_equal(local(tz, 2018, 11, 4, 0, 0, 0, SK_LOCAL_GAP), utc(2018, 11, 4, 3, 0, 0));
	assert_int_equal(local(tz, 2018, 11, 4, 0, 30, 0, SK_LOCAL_GAP), utc(2018, 11, 4, 3, 30, 0));
	assert_int_equal(local(tz, 2018, 11, 4, 1, 0, 0, SK_LOCAL_EXACT), utc(2018, 11, 4, 3, 0, 0));
	assert_int_equal(local(tz, 2018, 11, 3, 23, 59, 59, SK_LOCAL_EXACT), utc(2018, 11, 4, 2, 59, 59));
	assert_civil(tz, utc(2018, 11, 4, 3, 0, 0), 2018, 11, 4, 1, 0, 0);

	/* The fold: 16 February 23:30 first at -02 (01:30Z), again at -03. */
	assert_int_equal(local(tz, 2019, 2, 16, 23, 30, 0, SK_LOCAL_FOLD), utc(2019, 2, 17, 1, 30, 0));
	assert_int_equal(local(tz, 2019, 2, 16, 23, 0, 0, SK_LOCAL_FOLD), utc(2019, 2, 17, 1, 0, 0));
	assert_int_equal(local(tz, 2019, 2, 17, 0, 0, 0, SK_LOCAL_EXACT), utc(2019, 2, 17, 3, 0, 0));
	assert_int_equal(local(tz, 2019, 2, 16, 22, 59, 59, SK_LOCAL_EXACT), utc(2019, 2, 17, 0, 59, 59));
	assert_civil(tz, utc(2019, 2, 17, 1, 30, 0), 2019, 2, 16, 23, 30, 0);
	assert_civil(tz, utc(2019, 2, 17, 2, 30, 0), 2019, 2, 16, 23, 30, 0);
	sk_tz_free(tz);
}

/* to_civil then from_civil gives back the instant, except the second
 * occurrence of a folded hour (which maps to the first). */
static void test_round_trip_hourly(void **state)
{
	(void)state;
	const char *names[] = { "Europe/Amsterdam", "America/Sao_Paulo", "UTC" };

	for (size_t z = 0; z < 3; z++) {
		struct sk_tz *tz = open_zone(names[z]);

		for (sk_time t = utc(2017, 1, 1, 0, 0, 0); t < utc(2030, 1, 1, 0, 0, 0); t += 3593) {
			struct sk_civil c;
			enum sk_local_kind kind;
			sk_time back;

			sk_tz_to_civil(tz, t, &c);
			back = sk_tz_from_civil(tz, &c, &kind);
			assert_true(kind != SK_LOCAL_GAP);
			if (kind == SK_LOCAL_FOLD)
				assert_true(back == t || back == t - 3600);
			else
				assert_int_equal(back, t);
		}
		sk_tz_free(tz);
	}
}

static void test_days_from_civil(void **state)
{
	(void)state;
	assert_int_equal(sk_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(sk_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(sk_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(sk_days_from_civil(2027, 3, 28), 20905);
	assert_int_equal(sk_days_from_civil(1900, 1, 1), -25567);
	assert_int_equal(sk_days_from_civil(2199, 12, 31), 84005);

	/* Round trip over every day of 1600-2400, and the days follow each other. */
	int64_t prev = sk_days_from_civil(1599, 12, 31);
	for (int y = 1600; y <= 2400; y++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= 31; d++) {
				int yy, mm, dd;
				int64_t n;

				if (!sk_date_valid(y, m, d))
					continue;
				n = sk_days_from_civil(y, m, d);
				assert_int_equal(n, prev + 1);
				assert_int_equal(n * 86400, utc(y, m, d, 0, 0, 0));
				sk_civil_from_days(n, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, m);
				assert_int_equal(dd, d);
				prev = n;
			}
		}
	}
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(sk_weekday(0), 3);                                /* Thu 1970-01-01 */
	assert_int_equal(sk_weekday(-1), 2);                               /* Wed 1969-12-31 */
	assert_int_equal(sk_weekday(sk_days_from_civil(2027, 3, 28)), 6);  /* Sunday */
	assert_int_equal(sk_weekday(sk_days_from_civil(2027, 1, 1)), 4);   /* Friday */
	assert_int_equal(sk_weekday(sk_days_from_civil(2027, 1, 4)), 0);   /* Monday */
	assert_int_equal(sk_weekday(sk_days_from_civil(1900, 1, 1)), 0);   /* Monday */
	assert_int_equal(sk_weekday(sk_days_from_civil(2014, 4, 27)), 6);  /* Sunday */
	assert_int_equal(sk_weekday(sk_days_from_civil(2199, 12, 31)), 1); /* Tuesday */
	for (int64_t n = -30000; n < 90000; n++)
		assert_int_equal(sk_weekday(n + 1), (sk_weekday(n) + 1) % 7);
}

static void test_date_valid(void **state)
{
	(void)state;
	assert_false(sk_date_valid(2027, 2, 31));
	assert_false(sk_date_valid(2027, 2, 29));
	assert_true(sk_date_valid(2028, 2, 29));
	assert_true(sk_date_valid(2000, 2, 29));
	assert_false(sk_date_valid(2100, 2, 29));
	assert_false(sk_date_valid(1900, 2, 29));
	assert_true(sk_date_valid(2027, 12, 31));
	assert_false(sk_date_valid(2027, 4, 31));
	assert_false(sk_date_valid(2027, 13, 1));
	assert_false(sk_date_valid(2027, 0, 1));
	assert_false(sk_date_valid(2027, 1, 0));
	assert_false(sk_date_valid(2027, 1, 32));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_known_zones),
		cmocka_unit_test(test_open_refused),
		cmocka_unit_test(test_utc_zone),
		cmocka_unit_test(test_amsterdam_offsets_2027),
		cmocka_unit_test(test_amsterdam_exact),
		cmocka_unit_test(test_amsterdam_gap),
		cmocka_unit_test(test_amsterdam_fold),
		cmocka_unit_test(test_hour_24),
		cmocka_unit_test(test_amsterdam_after_2037),
		cmocka_unit_test(test_sao_paulo_midnight),
		cmocka_unit_test(test_round_trip_hourly),
		cmocka_unit_test(test_days_from_civil),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_date_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
