/*
 * Tests of duration.h: contract durations as written (units, words, blanks),
 * refusals, seconds for a given standard day, and the formatters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "slakit/duration.h"

/* Parse @text and expect @days standard days plus @seconds. */
static void expect(const char *text, int64_t days, int64_t seconds)
{
	struct sk_duration dur;
	struct sk_diag d;
	enum sk_err rc;

	memset(&dur, 0x5a, sizeof(dur));
	memset(&d, 0, sizeof(d));
	rc = sk_duration_parse(text, &dur, &d);
	if (rc != SK_OK)
		print_error("'%s': %s\n", text, d.msg);
	assert_int_equal(rc, SK_OK);
	assert_int_equal(dur.set, 1);
	assert_int_equal(dur.days, days);
	assert_int_equal(dur.seconds, seconds);
}

static void refuse(const char *text)
{
	struct sk_duration dur;
	struct sk_diag d;
	enum sk_err rc;

	memset(&d, 0, sizeof(d));
	rc = sk_duration_parse(text, &dur, &d);
	if (rc == SK_OK)
		print_error("'%s' was accepted\n", text);
	assert_int_not_equal(rc, SK_OK);
	assert_true(d.msg[0] != '\0');
	assert_int_not_equal(sk_duration_parse(text, &dur, NULL), SK_OK);
}

static void test_units(void **state)
{
	(void)state;
	expect("15m", 0, 900);
	expect("4h", 0, 14400);
	expect("1d", 1, 0);
	expect("2d", 2, 0);
	expect("1h30m", 0, 5400);
	expect("90s", 0, 90);
	expect("30min", 0, 1800);
	expect("1d4h", 1, 14400);
	expect("1h1m1s", 0, 3661);
	expect("48h", 0, 172800); /* hours stay hours: not 2 days */
	expect("120m", 0, 7200);
}

static void test_zero(void **state)
{
	(void)state;
	expect("0", 0, 0);
	expect("0m", 0, 0);
	expect("0h", 0, 0);
	expect("0d", 0, 0);
}

static void test_blanks(void **state)
{
	(void)state;
	expect("1h 30m", 0, 5400);
	expect(" 4h ", 0, 14400);
	expect("15 m", 0, 900);
	expect("1d 4h 30m", 1, 16200);
}

static void test_words(void **state)
{
	(void)state;
	/* Dutch. */
	expect("2 werkdagen", 2, 0);
	expect("1 werkdag", 1, 0);
	expect("4 uur", 0, 14400);
	expect("15 min", 0, 900);
	/* English. */
	expect("1 day", 1, 0);
	expect("2 days", 2, 0);
	expect("8 hours", 0, 28800);
	expect("1 hour", 0, 3600);
	expect("30 minutes", 0, 1800);
}

static void test_refusals(void **state)
{
	(void)state;
	refuse("");
	refuse("   ");
	refuse("abc");
	refuse("15");      /* a number without a unit (only a bare 0 is allowed) */
	refuse("15x");
	refuse("h");
	refuse("m15");
	refuse("-5m");
	refuse("4h junk");
	refuse("4 eeuwen");
	refuse("1.5h");
	refuse("99999999999999999999999h"); /* does not fit */
}

/* A day is one standard business day of the calendar: 9 h for 08:00-17:00. */
static void test_seconds(void **state)
{
	(void)state;
	const int64_t nine = 9 * 3600;
	struct sk_duration dur;

	assert_int_equal(sk_duration_parse("1d", &dur, NULL), SK_OK);
	assert_int_equal(sk_duration_seconds(&dur, nine), 32400);
	assert_int_equal(sk_duration_seconds(&dur, 86400), 86400);
	assert_int_equal(sk_duration_parse("2d", &dur, NULL), SK_OK);
	assert_int_equal(sk_duration_seconds(&dur, nine), 64800);
	assert_int_equal(sk_duration_parse("2 werkdagen", &dur, NULL), SK_OK);
	assert_int_equal(sk_duration_seconds(&dur, 8 * 3600), 57600);
	assert_int_equal(sk_duration_parse("1d4h", &dur, NULL), SK_OK);
	assert_int_equal(sk_duration_seconds(&dur, nine), 46800);
	assert_int_equal(sk_duration_parse("4h", &dur, NULL), SK_OK);
	assert_int_equal(sk_duration_seconds(&dur, nine), 14400);
	assert_int_equal(sk_duration_parse("15m", &dur, NULL), SK_OK);
	assert_int_equal(sk_duration_seconds(&dur, nine), 900);
	assert_int_equal(sk_duration_parse("0", &dur, NULL), SK_OK);
	assert_int_equal(sk_duration_seconds(&dur, nine), 0);
}

static void test_format(void **state)
{
	(void)state;
	char buf[64];
	struct sk_duration d1 = { 1, 1, 0, 0, 0, 0 }, h4 = { 1, 0, 14400, 0, 0, 0 }, hm = { 1, 0, 5400, 0, 0, 0 };
	struct sk_duration m15 = { 1, 0, 900, 0, 0, 0 };

	assert_ptr_equal(sk_duration_format(&d1, buf, sizeof(buf)), buf);
	assert_string_equal(buf, "1d");
	assert_string_equal(sk_duration_format(&h4, buf, sizeof(buf)), "4h");
	assert_string_equal(sk_duration_format(&hm, buf, sizeof(buf)), "1h30m");
	assert_string_equal(sk_duration_format(&m15, buf, sizeof(buf)), "15m");
}

/* Whatever sk_duration_format() writes, sk_duration_parse() reads back. */
static void test_format_round_trip(void **state)
{
	(void)state;
	const struct sk_duration cases[] = {
		{ 1, 0, 0, 0, 0, 0 }, { 1, 1, 0, 0, 0, 0 }, { 1, 2, 0, 0, 0, 0 }, { 1, 0, 1, 0, 0, 0 }, { 1, 0, 59, 0, 0, 0 },
		{ 1, 0, 90, 0, 0, 0 }, { 1, 0, 3599, 0, 0, 0 }, { 1, 0, 3600, 0, 0, 0 }, { 1, 0, 3661, 0, 0, 0 },
		{ 1, 0, 86400, 0, 0, 0 }, { 1, 3, 5400, 0, 0, 0 }, { 1, 10, 61, 0, 0, 0 }, { 1, 0, 1000000, 0, 0, 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char buf[64];
		struct sk_duration back;

		sk_duration_format(&cases[i], buf, sizeof(buf));
		assert_int_equal(sk_duration_parse(buf, &back, NULL), SK_OK);
		assert_int_equal(back.days, cases[i].days);
		assert_int_equal(back.seconds, cases[i].seconds);
	}
}

/* `eod`, `eod+N`: a deadline at the end of a business day, not a length. */
static void test_eod(void **state)
{
	(void)state;
	struct sk_duration dur;
	char buf[32];
	static const struct { const char *text; int64_t next; } ok[] = {
		{ "eod", 0 }, { "EOD", 0 }, { "eod+1", 1 }, { "eod + 2", 2 }, { "  eod+10  ", 10 },
		{ "eod+999", 999 },
	};

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		memset(&dur, 0x5a, sizeof(dur));
		assert_int_equal(sk_duration_parse(ok[i].text, &dur, NULL), SK_OK);
		assert_int_equal(dur.set, 1);
		assert_int_equal(dur.eod, 1);
		assert_int_equal(dur.eod_next, ok[i].next);
		/* No length: a calendar places it (sk_calendar_end_of_day()). */
		assert_int_equal(sk_duration_seconds(&dur, 9 * 3600), 0);
	}
	assert_int_equal(sk_duration_parse("4h", &dur, NULL), SK_OK);
	assert_int_equal(dur.eod, 0);
	assert_int_equal(sk_duration_parse("eod+1", &dur, NULL), SK_OK);
	assert_string_equal(sk_duration_format(&dur, buf, sizeof(buf)), "eod+1");
	assert_int_equal(sk_duration_parse("eod", &dur, NULL), SK_OK);
	assert_string_equal(sk_duration_format(&dur, buf, sizeof(buf)), "eod");
	refuse("eod+");
	refuse("eod-1");
	refuse("eod+1d");
	refuse("eod 4h");
	refuse("4h eod");
	refuse("eods");
	refuse("eod+1000");
}

static void test_seconds_format(void **state)
{
	(void)state;
	char buf[32];

	assert_ptr_equal(sk_seconds_format(0, buf, sizeof(buf)), buf);
	assert_string_equal(buf, "0:00:00");
	assert_string_equal(sk_seconds_format(59, buf, sizeof(buf)), "0:00:59");
	assert_string_equal(sk_seconds_format(3661, buf, sizeof(buf)), "1:01:01");
	assert_string_equal(sk_seconds_format(32400, buf, sizeof(buf)), "9:00:00");
	/* Hours may exceed 24. */
	assert_string_equal(sk_seconds_format(90000, buf, sizeof(buf)), "25:00:00");
	assert_string_equal(sk_seconds_format(7344000, buf, sizeof(buf)), "2040:00:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_zero),
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_seconds),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_eod),
		cmocka_unit_test(test_seconds_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
