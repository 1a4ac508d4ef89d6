/*
 * Tests of holidays.h: Easter 1900-2199 against the published ASSA table in
 * data/easter-1900-2199.txt, every day of the built-in `nl` set for several
 * years and options, explicit closed days, and iCalendar files in data/ics/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "slakit/holidays.h"

/* Days since 1970-01-01 (Hinnant's days_from_civil, independent of the library). */
static int64_t days(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* Path of a file in tests/data (SK_TESTDATA, or ./data when run by hand). */
static const char *data_path(const char *name)
{
	static char buf[1024];
	const char *dir = getenv("SK_TESTDATA");

	snprintf(buf, sizeof(buf), "%s/%s", dir && *dir ? dir : "data", name);
	return buf;
}

/* One expected closed day. */
struct want {
	int m, d;
	const char *name;
};

/* sk_holidays_year(@year) must be exactly @w (sorted, with these names). */
static void expect_year(struct sk_holidays *h, int year, const struct want *w, size_t n)
{
	const struct sk_holiday *got = NULL;
	size_t ngot = 0;

	assert_int_equal(sk_holidays_year(h, year, &got, &ngot), SK_OK);
	if (ngot != n) {
		for (size_t i = 0; i < ngot; i++)
			print_error("%d: got day %lld %s\n", year, (long long)got[i].day,
				    got[i].name);
	}
	assert_int_equal(ngot, n);
	for (size_t i = 0; i < n; i++) {
		if (got[i].day != days(year, w[i].m, w[i].d))
			print_error("%d: entry %zu: want %02d-%02d %s\n", year, i, w[i].m,
				    w[i].d, w[i].name);
		assert_int_equal(got[i].day, days(year, w[i].m, w[i].d));
		assert_non_null(got[i].name);
		assert_string_equal(got[i].name, w[i].name);
		assert_true(sk_holidays_contains(h, got[i].day));
	}
}

static struct sk_holidays *nl_set(int good_friday, enum sk_liberation lib)
{
	struct sk_holidays *h = NULL;
	struct sk_nl_options opt = { good_friday, lib };

	assert_int_equal(sk_holidays_new(&h), SK_OK);
	assert_non_null(h);
	sk_holidays_use_nl(h, &opt);
	return h;
}

static void test_easter_published_table(void **state)
{
	(void)state;
	FILE *fp = fopen(data_path("easter-1900-2199.txt"), "r");
	char line[512];
	int seen[300] = { 0 };
	int count = 0;

	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp)) {
		const char *p = line;
		int day, year, used;
		char month[16];

		if (line[0] == '#')
			continue;
		/* Up to four "15th April 1900" entries a line. */
		while (sscanf(p, "%d%*[a-z] %15s %d%n", &day, month, &year, &used) == 3) {
			int want_m = strcmp(month, "March") == 0 ? 3 : 4;
			int m = 0, d = 0;

			assert_true(strcmp(month, "March") == 0 || strcmp(month, "April") == 0);
			assert_in_range(year, 1900, 2199);
			assert_int_equal(seen[year - 1900], 0);
			seen[year - 1900] = 1;
			sk_easter(year, &m, &d);
			if (m != want_m || d != day)
				print_error("Easter %d: want %d-%d, got %d-%d\n", year, want_m,
					    day, m, d);
			assert_int_equal(m, want_m);
			assert_int_equal(d, day);
			count++;
			p += used;
		}
	}
	fclose(fp);
	assert_int_equal(count, 300); /* every year 1900-2199, once */
}

/*
 * 2027: Easter 28 March. Nieuwjaarsdag Fri 1 Jan, Tweede Paasdag Mon 29 Mar,
 * Koningsdag Tue 27 Apr, Bevrijdingsdag Wed 5 May, Hemelvaartsdag Thu 6 May
 * (Easter + 39), Tweede Pinksterdag Mon 17 May (Easter + 50), Kerst Sat 25
 * and Sun 26 Dec. Defaults: no Goede Vrijdag, 5 mei every year.
 */
static void test_nl_2027_defaults(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 3, 29, "Tweede Paasdag" },
		{ 4, 27, "Koningsdag" },         { 5, 5, "Bevrijdingsdag" },
		{ 5, 6, "Hemelvaartsdag" },      { 5, 17, "Tweede Pinksterdag" },
		{ 12, 25, "Eerste Kerstdag" },   { 12, 26, "Tweede Kerstdag" },
	};

	assert_int_equal(sk_holidays_new(&h), SK_OK);
	sk_holidays_use_nl(h, NULL);
	expect_year(h, 2027, w, sizeof(w) / sizeof(w[0]));
	assert_false(sk_holidays_contains(h, days(2027, 3, 26)));  /* Goede Vrijdag: off */
	assert_false(sk_holidays_contains(h, days(2027, 3, 28)));  /* Eerste Paasdag: a Sunday, not listed */
	assert_false(sk_holidays_contains(h, days(2027, 5, 16)));  /* Eerste Pinksterdag */
	assert_false(sk_holidays_contains(h, days(2027, 12, 31)));
	assert_false(sk_holidays_contains(h, days(2027, 4, 26)));
	sk_holidays_free(h);
}

static void test_nl_2027_good_friday(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(1, SK_LIBERATION_EVERY);
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 3, 26, "Goede Vrijdag" },
		{ 3, 29, "Tweede Paasdag" },     { 4, 27, "Koningsdag" },
		{ 5, 5, "Bevrijdingsdag" },      { 5, 6, "Hemelvaartsdag" },
		{ 5, 17, "Tweede Pinksterdag" }, { 12, 25, "Eerste Kerstdag" },
		{ 12, 26, "Tweede Kerstdag" },
	};

	expect_year(h, 2027, w, sizeof(w) / sizeof(w[0]));
	sk_holidays_free(h);
}

/* 2013, the last Koninginnedag: Tue 30 April. Easter 31 March. */
static void test_nl_2013_koninginnedag(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(1, SK_LIBERATION_EVERY);
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 3, 29, "Goede Vrijdag" },
		{ 4, 1, "Tweede Paasdag" },      { 4, 30, "Koninginnedag" },
		{ 5, 5, "Bevrijdingsdag" },      { 5, 9, "Hemelvaartsdag" },
		{ 5, 20, "Tweede Pinksterdag" }, { 12, 25, "Eerste Kerstdag" },
		{ 12, 26, "Tweede Kerstdag" },
	};

	expect_year(h, 2013, w, sizeof(w) / sizeof(w[0]));
	sk_holidays_free(h);
}

/*
 * 2014, the first Koningsdag: 27 April 2014 was a Sunday, so it was held on
 * Saturday 26 April. Easter 20 April.
 */
static void test_nl_2014_first_koningsdag(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(0, SK_LIBERATION_EVERY);
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 4, 21, "Tweede Paasdag" },
		{ 4, 26, "Koningsdag" },         { 5, 5, "Bevrijdingsdag" },
		{ 5, 29, "Hemelvaartsdag" },     { 6, 9, "Tweede Pinksterdag" },
		{ 12, 25, "Eerste Kerstdag" },   { 12, 26, "Tweede Kerstdag" },
	};

	expect_year(h, 2014, w, sizeof(w) / sizeof(w[0]));
	assert_false(sk_holidays_contains(h, days(2014, 4, 27)));
	assert_false(sk_holidays_contains(h, days(2014, 4, 30)));
	sk_holidays_free(h);
}

/* 2025: 27 April a Sunday -> Koningsdag Sat 26 April; Easter 20 April; a
 * lustrum year, so 5 mei is off under every option but "never". */
static void test_nl_2025(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(1, SK_LIBERATION_LUSTRUM);
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 4, 18, "Goede Vrijdag" },
		{ 4, 21, "Tweede Paasdag" },     { 4, 26, "Koningsdag" },
		{ 5, 5, "Bevrijdingsdag" },      { 5, 29, "Hemelvaartsdag" },
		{ 6, 9, "Tweede Pinksterdag" },  { 12, 25, "Eerste Kerstdag" },
		{ 12, 26, "Tweede Kerstdag" },
	};

	expect_year(h, 2025, w, sizeof(w) / sizeof(w[0]));
	sk_holidays_free(h);
}

/* 2028: Easter 16 April; Koningsdag Thu 27 April; Nieuwjaarsdag a Saturday. */
static void test_nl_2028(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(0, SK_LIBERATION_EVERY);
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 4, 17, "Tweede Paasdag" },
		{ 4, 27, "Koningsdag" },         { 5, 5, "Bevrijdingsdag" },
		{ 5, 25, "Hemelvaartsdag" },     { 6, 5, "Tweede Pinksterdag" },
		{ 12, 25, "Eerste Kerstdag" },   { 12, 26, "Tweede Kerstdag" },
	};

	expect_year(h, 2028, w, sizeof(w) / sizeof(w[0]));
	sk_holidays_free(h);
}

/* 5 mei: every year / every fifth year (2025, 2030...) / never. */
static void test_nl_liberation_options(void **state)
{
	(void)state;
	struct sk_holidays *every = nl_set(0, SK_LIBERATION_EVERY);
	struct sk_holidays *lustrum = nl_set(0, SK_LIBERATION_LUSTRUM);
	struct sk_holidays *never = nl_set(0, SK_LIBERATION_NEVER);

	for (int y = 2020; y <= 2040; y++) {
		int64_t d = days(y, 5, 5);

		assert_true(sk_holidays_contains(every, d));
		assert_int_equal(sk_holidays_contains(lustrum, d) != 0, y % 5 == 0);
		assert_false(sk_holidays_contains(never, d));
	}

	/* 2027 under "never": the 2027 list without Bevrijdingsdag. */
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 3, 29, "Tweede Paasdag" },
		{ 4, 27, "Koningsdag" },         { 5, 6, "Hemelvaartsdag" },
		{ 5, 17, "Tweede Pinksterdag" }, { 12, 25, "Eerste Kerstdag" },
		{ 12, 26, "Tweede Kerstdag" },
	};
	expect_year(never, 2027, w, sizeof(w) / sizeof(w[0]));
	expect_year(lustrum, 2027, w, sizeof(w) / sizeof(w[0]));

	sk_holidays_free(every);
	sk_holidays_free(lustrum);
	sk_holidays_free(never);
}

static int cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/*
 * The Easter-bound days follow Easter in every year 1900-2199: Goede Vrijdag
 * = Easter - 2, Tweede Paasdag = + 1, Hemelvaartsdag = + 39, Tweede
 * Pinksterdag = + 50; the fixed days are there every year. From 2014 the
 * whole list is known: Koningsdag is 27 April, or 26 April when the 27th is
 * a Sunday. Days two rules share are listed once (Hemelvaartsdag falls on
 * 5 mei when Easter is 27 March: 2016, 2157...).
 */
static void test_nl_every_year(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(1, SK_LIBERATION_EVERY);

	for (int y = 1900; y <= 2199; y++) {
		int m, d;
		int64_t e;
		const struct sk_holiday *got;
		size_t n;

		sk_easter(y, &m, &d);
		e = days(y, m, d);
		assert_true(sk_holidays_contains(h, e - 2));
		assert_true(sk_holidays_contains(h, e + 1));
		assert_true(sk_holidays_contains(h, e + 39));
		assert_true(sk_holidays_contains(h, e + 50));
		assert_false(sk_holidays_contains(h, e - 1));
		assert_false(sk_holidays_contains(h, e + 49));
		assert_true(sk_holidays_contains(h, days(y, 1, 1)));
		if (y >= 2000) /* 5 mei has been a day off every year only since 1990 */
			assert_true(sk_holidays_contains(h, days(y, 5, 5)));
		assert_true(sk_holidays_contains(h, days(y, 12, 25)));
		assert_true(sk_holidays_contains(h, days(y, 12, 26)));
		assert_false(sk_holidays_contains(h, days(y, 12, 24)));
		assert_false(sk_holidays_contains(h, days(y, 12, 31)));
		assert_false(sk_holidays_contains(h, days(y, 1, 2)));

		assert_int_equal(sk_holidays_year(h, y, &got, &n), SK_OK);
		for (size_t i = 1; i < n; i++)
			assert_true(got[i - 1].day < got[i].day);
		if (y < 2014)
			continue;

		int64_t k = days(y, 4, 27);
		int64_t want[9];
		size_t nw = 0;

		if ((k + 3) % 7 == 6) /* 1970-01-01 was a Thursday (3) */
			k--;
		int64_t all[9] = { days(y, 1, 1), e - 2, e + 1, k, days(y, 5, 5), e + 39, e + 50,
				   days(y, 12, 25), days(y, 12, 26) };
		qsort(all, 9, sizeof(all[0]), cmp_day);
		for (size_t i = 0; i < 9; i++)
			if (nw == 0 || want[nw - 1] != all[i])
				want[nw++] = all[i];
		if (n != nw)
			print_error("%d: %zu days, want %zu\n", y, n, nw);
		assert_int_equal(n, nw);
		for (size_t i = 0; i < nw; i++)
			assert_int_equal(got[i].day, want[i]);
	}
	sk_holidays_free(h);
}

/*
 * Before 2014 Koninginnedag was held on 29 April when 30 April fell on a
 * Sunday (Besluit van 1980; 2006: Saturday 29 April).
 */
static void test_nl_2006_koninginnedag_sunday(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(0, SK_LIBERATION_EVERY);

	assert_true(sk_holidays_contains(h, days(2006, 4, 29)));
	assert_false(sk_holidays_contains(h, days(2006, 4, 30)));
	assert_true(sk_holidays_contains(h, days(2013, 4, 30)));
	sk_holidays_free(h);
}

static void test_explicit_days(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	const struct sk_holiday *got;
	size_t n;

	assert_int_equal(sk_holidays_new(&h), SK_OK);
	/* An empty set closes nothing. */
	assert_int_equal(sk_holidays_year(h, 2027, &got, &n), SK_OK);
	assert_int_equal(n, 0);
	assert_false(sk_holidays_contains(h, days(2027, 1, 1)));

	/* Added out of order; duplicates merged, first name kept. */
	char name[32];
	strcpy(name, "Brugdag");
	assert_int_equal(sk_holidays_add(h, days(2027, 5, 7), name), SK_OK);
	strcpy(name, "overwritten"); /* names are copied */
	assert_int_equal(sk_holidays_add(h, days(2027, 3, 3), "Storingsdag"), SK_OK);
	assert_int_equal(sk_holidays_add(h, days(2027, 3, 3), "Tweede naam"), SK_OK);
	assert_int_equal(sk_holidays_add(h, days(2027, 12, 31), NULL), SK_OK);
	assert_int_equal(sk_holidays_add(h, days(2028, 1, 3), "Volgend jaar"), SK_OK);

	const struct want w[] = {
		{ 3, 3, "Storingsdag" }, { 5, 7, "Brugdag" }, { 12, 31, "gesloten" },
	};
	expect_year(h, 2027, w, sizeof(w) / sizeof(w[0]));
	const struct want w28[] = { { 1, 3, "Volgend jaar" } };
	expect_year(h, 2028, w28, 1);
	assert_false(sk_holidays_contains(h, days(2027, 3, 4)));
	assert_false(sk_holidays_contains(h, days(2026, 3, 3)));
	sk_holidays_free(h);
	sk_holidays_free(NULL);
}

/* Explicit days together with the nl rules: merged and sorted. */
static void test_explicit_with_nl(void **state)
{
	(void)state;
	struct sk_holidays *h = nl_set(0, SK_LIBERATION_NEVER);

	assert_int_equal(sk_holidays_add(h, days(2027, 5, 7), "Brugdag"), SK_OK);
	assert_int_equal(sk_holidays_add(h, days(2027, 12, 24), "Kerstavond"), SK_OK);
	const struct want w[] = {
		{ 1, 1, "Nieuwjaarsdag" },       { 3, 29, "Tweede Paasdag" },
		{ 4, 27, "Koningsdag" },         { 5, 6, "Hemelvaartsdag" },
		{ 5, 7, "Brugdag" },             { 5, 17, "Tweede Pinksterdag" },
		{ 12, 24, "Kerstavond" },        { 12, 25, "Eerste Kerstdag" },
		{ 12, 26, "Tweede Kerstdag" },
	};
	expect_year(h, 2027, w, sizeof(w) / sizeof(w[0]));
	sk_holidays_free(h);
}

static void test_ics_all_day_events(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	struct sk_diag d;
	enum sk_err rc;

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_holidays_new(&h), SK_OK);
	rc = sk_holidays_add_ics(h, data_path("ics/closed-2027.ics"), &d);
	if (rc != SK_OK)
		print_error("%s:%ld: %s\n", d.file, d.line, d.msg);
	assert_int_equal(rc, SK_OK);

	const struct want w[] = {
		{ 3, 18, "Jubileum" },                   /* yearly, COUNT=3 from 2025 */
		{ 6, 1, "Dag van de dienstverlening" },  /* yearly, no end */
		{ 7, 1, "Bedrijfsuitje" },               /* one day, no DTEND */
		{ 8, 2, "Verhuizing" },                  /* DURATION:P2D */
		{ 8, 3, "Verhuizing" },
		{ 9, 10, "Studiedag van de afdeling" },  /* folded SUMMARY */
		{ 10, 15, "Sluiting, kantoor Utrecht" }, /* escaped comma */
		{ 11, 11, "Sint Maarten" },              /* yearly, UNTIL 2028 */
		{ 12, 27, "Kerstsluiting" },             /* DTEND is exclusive: 27-29 */
		{ 12, 28, "Kerstsluiting" },
		{ 12, 29, "Kerstsluiting" },
	};
	expect_year(h, 2027, w, sizeof(w) / sizeof(w[0]));
	assert_false(sk_holidays_contains(h, days(2027, 12, 30)));
	assert_false(sk_holidays_contains(h, days(2027, 8, 4)));
	assert_false(sk_holidays_contains(h, days(2027, 7, 2)));

	const struct want w25[] = { { 3, 18, "Jubileum" }, { 6, 1, "Dag van de dienstverlening" } };
	expect_year(h, 2025, w25, 2);
	const struct want w28[] = { { 6, 1, "Dag van de dienstverlening" }, { 11, 11, "Sint Maarten" } };
	expect_year(h, 2028, w28, 2);
	const struct want w29[] = { { 6, 1, "Dag van de dienstverlening" } };
	expect_year(h, 2029, w29, 1);
	expect_year(h, 2150, w29, 1);
	expect_year(h, 2019, NULL, 0);
	sk_holidays_free(h);
}

/* A yearly closing from 30 December to 1 January: each year's list holds
 * 1 January (from the year before) and 30-31 December. */
static void test_ics_yearly_over_new_year(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	struct sk_diag d;

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_holidays_new(&h), SK_OK);
	assert_int_equal(sk_holidays_add_ics(h, data_path("ics/yearly-span.ics"), &d), SK_OK);
	const struct want w[] = {
		{ 1, 1, "Jaarwisseling" }, { 12, 30, "Jaarwisseling" }, { 12, 31, "Jaarwisseling" },
	};
	expect_year(h, 2027, w, sizeof(w) / sizeof(w[0]));
	assert_false(sk_holidays_contains(h, days(2027, 1, 2)));
	assert_false(sk_holidays_contains(h, days(2024, 1, 1))); /* before the first one */
	assert_true(sk_holidays_contains(h, days(2024, 12, 30)));
	sk_holidays_free(h);
}

/* An Outlook export: VTIMEZONE (with its own RRULEs) and VALARM are not
 * holidays and must not be refused. */
static void test_ics_outlook_export(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	struct sk_diag d;
	enum sk_err rc;

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_holidays_new(&h), SK_OK);
	rc = sk_holidays_add_ics(h, data_path("ics/outlook.ics"), &d);
	if (rc != SK_OK)
		print_error("%s:%ld: %s\n", d.file, d.line, d.msg);
	assert_int_equal(rc, SK_OK);
	const struct want w[] = { { 6, 21, "Teamdag" } };
	expect_year(h, 2027, w, 1);
	sk_holidays_free(h);
}

/* Unix line ends and a folded line work as well as CRLF. */
static void test_ics_lf_only(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;

	assert_int_equal(sk_holidays_new(&h), SK_OK);
	assert_int_equal(sk_holidays_add_ics(h, data_path("ics/lf-only.ics"), NULL), SK_OK);
	const struct want w[] = { { 5, 3, "Meivakantie (extra)" }, { 5, 4, "Meivakantie (extra)" } };
	expect_year(h, 2027, w, 2);
	sk_holidays_free(h);
}

/* Other recurrence rules are refused with the file and the line of the RRULE. */
static void test_ics_unsupported_rrule(void **state)
{
	(void)state;
	const struct { const char *file; long line; } cases[] = {
		{ "ics/unsupported-rrule.ics", 7 },  /* FREQ=WEEKLY */
		{ "ics/unsupported-byday.ics", 12 }, /* FREQ=YEARLY;BYMONTH=4;BYDAY=4SU */
	};

	for (size_t i = 0; i < 2; i++) {
		struct sk_holidays *h = NULL;
		struct sk_diag d;
		const char *base = strrchr(cases[i].file, '/') + 1;

		memset(&d, 0, sizeof(d));
		assert_int_equal(sk_holidays_new(&h), SK_OK);
		assert_int_not_equal(sk_holidays_add_ics(h, data_path(cases[i].file), &d), SK_OK);
		assert_int_equal(d.line, cases[i].line);
		assert_non_null(strstr(d.file, base));
		assert_true(d.msg[0] != '\0');
		sk_holidays_free(h);
	}
}

static void test_ics_missing_file(void **state)
{
	(void)state;
	struct sk_holidays *h = NULL;
	struct sk_diag d;

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_holidays_new(&h), SK_OK);
	assert_int_equal(sk_holidays_add_ics(h, data_path("ics/no-such-file.ics"), &d), SK_ERR_IO);
	assert_non_null(strstr(d.file, "no-such-file.ics"));
	sk_holidays_free(h);
}

/* Write an event on 15 March 2027 with @rrule (line 6, or line 4 before DTSTART). */
static const char *write_rrule_ics(const char *dir, const char *rrule, int rrule_first)
{
	static char path[1024];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/rrule.ics", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n");
	if (rrule_first)
		fprintf(fp, "RRULE:%s\r\nDTSTART;VALUE=DATE:20270315\r\n", rrule);
	else
		fprintf(fp, "DTSTART;VALUE=DATE:20270315\r\nSUMMARY:Jubileum\r\nRRULE:%s\r\n", rrule);
	fprintf(fp, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	assert_int_equal(fclose(fp), 0);
	return path;
}

/*
 * A recurrence is read whole or refused with its line: COUNT=2x is not 2,
 * BYMONTH=3,4 is not March, COUNT=0 closes nothing the file meant to close.
 */
static void test_ics_rrule_values(void **state)
{
	static const char *const refused[] = {
		"FREQ=YEARLY;COUNT=0", "FREQ=YEARLY;COUNT=2x", "FREQ=YEARLY;COUNT=",
		"FREQ=YEARLY;COUNT=-1", "FREQ=YEARLY;BYMONTH=3,4", "FREQ=YEARLY;BYMONTH=4",
		"FREQ=YEARLY;BYMONTHDAY=15x", "FREQ=YEARLY;INTERVAL=1x", "FREQ=YEARLY;INTERVAL=2",
		"FREQ=YEARLY;UNTIL=2028", "FREQ=YEARLY;UNTIL=20281111junk",
		"FREQ=YEARLY;COUNT=2;COUNT=3", "FREQ=YEARLY;COUNT=2;UNTIL=20300101", "COUNT=2",
	};
	char dir[] = "/tmp/sk-rrule-XXXXXX", cmd[64];

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		struct sk_holidays *h = NULL;
		struct sk_diag d;

		memset(&d, 0, sizeof(d));
		assert_int_equal(sk_holidays_new(&h), SK_OK);
		if (sk_holidays_add_ics(h, write_rrule_ics(dir, refused[i], 0), &d) != SK_ERR_SYNTAX)
			fail_msg("RRULE:%s was not refused", refused[i]);
		assert_int_equal(d.line, 6);
		assert_string_equal(d.field, "RRULE");
		sk_holidays_free(h);
	}
	/* Read whole, these still work; BYMONTH is checked once DTSTART is known. */
	for (int first = 0; first < 2; first++) {
		struct sk_holidays *h = NULL;
		struct sk_diag d;

		assert_int_equal(sk_holidays_new(&h), SK_OK);
		assert_int_equal(sk_holidays_add_ics(h, write_rrule_ics(dir, first ?
					"FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15;COUNT=2" :
					"FREQ=YEARLY;INTERVAL=1;UNTIL=20281231T235959Z", first), &d),
				 SK_OK);
		assert_true(sk_holidays_contains(h, days(2027, 3, 15)));
		assert_true(sk_holidays_contains(h, days(2028, 3, 15)));
		assert_false(sk_holidays_contains(h, days(2029, 3, 15)));
		sk_holidays_free(h);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter_published_table),
		cmocka_unit_test(test_nl_2027_defaults),
		cmocka_unit_test(test_nl_2027_good_friday),
		cmocka_unit_test(test_nl_2013_koninginnedag),
		cmocka_unit_test(test_nl_2014_first_koningsdag),
		cmocka_unit_test(test_nl_2025),
		cmocka_unit_test(test_nl_2028),
		cmocka_unit_test(test_nl_liberation_options),
		cmocka_unit_test(test_nl_every_year),
		cmocka_unit_test(test_nl_2006_koninginnedag_sunday),
		cmocka_unit_test(test_explicit_days),
		cmocka_unit_test(test_explicit_with_nl),
		cmocka_unit_test(test_ics_all_day_events),
		cmocka_unit_test(test_ics_yearly_over_new_year),
		cmocka_unit_test(test_ics_outlook_export),
		cmocka_unit_test(test_ics_lf_only),
		cmocka_unit_test(test_ics_unsupported_rrule),
		cmocka_unit_test(test_ics_missing_file),
		cmocka_unit_test(test_ics_rrule_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
