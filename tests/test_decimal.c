/* Exact decimals: parsing, half-up rounding on true remainders, money. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "slakit/decimal.h"

static sk_dec parse_ok(const char *s)
{
	sk_dec v = -1;
	struct sk_diag d;

	assert_int_equal(sk_dec_parse(s, &v, &d), SK_OK);
	return v;
}

static void test_parse(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("93.8"), 93800000);
	assert_int_equal(parse_ok("93,8"), 93800000);
	assert_int_equal(parse_ok("-2"), -2000000);
	assert_int_equal(parse_ok("+2.5"), 2500000);
	assert_int_equal(parse_ok("99,75 %"), 99750000);
	assert_int_equal(parse_ok("99.8%"), 99800000);
	assert_int_equal(parse_ok("  7  "), 7000000);
	assert_int_equal(parse_ok("0.000001"), 1);
	assert_int_equal(parse_ok("100"), SK_DEC(100));
	assert_int_equal(parse_ok(".5"), 500000);
	assert_int_equal(parse_ok("-0,25"), -250000);
}

static void test_parse_errors(void **state)
{
	struct sk_diag d;
	sk_dec v;

	(void)state;
	assert_int_equal(sk_dec_parse("", &v, &d), SK_ERR_SYNTAX);
	assert_string_equal(d.msg, "cannot read '' as a number");
	assert_int_equal(sk_dec_parse("abc", &v, &d), SK_ERR_SYNTAX);
	assert_string_equal(d.msg, "cannot read 'abc' as a number");
	assert_int_equal(sk_dec_parse("1.2.3", &v, &d), SK_ERR_SYNTAX);
	assert_int_equal(sk_dec_parse("1 2", &v, &d), SK_ERR_SYNTAX);
	assert_int_equal(sk_dec_parse("%", &v, &d), SK_ERR_SYNTAX);
	assert_int_equal(sk_dec_parse("12a", &v, &d), SK_ERR_SYNTAX);
	assert_int_equal(sk_dec_parse("1.2345678", &v, &d), SK_ERR_SYNTAX);
	assert_string_equal(d.msg, "'1.2345678' has more than 6 decimals");
	assert_int_equal(sk_dec_parse("10000000000000", &v, &d), SK_ERR_RANGE);
	assert_int_equal(d.line, 0);
	/* A NULL diagnostic is allowed. */
	assert_int_equal(sk_dec_parse("x", &v, NULL), SK_ERR_SYNTAX);
}

static void test_round(void **state)
{
	(void)state;
	assert_int_equal(sk_dec_round(93750000, 1), 93800000);
	assert_int_equal(sk_dec_round(93749999, 1), 93700000);
	assert_int_equal(sk_dec_round(-93750000, 1), -93800000);
	/* x.xx5 rounds up: 1.005 and 2.675, which binary floating point gets wrong. */
	assert_int_equal(sk_dec_round(1005000, 2), 1010000);
	assert_int_equal(sk_dec_round(2675000, 2), 2680000);
	assert_int_equal(sk_dec_round(500000, 0), 1000000);
	assert_int_equal(sk_dec_round(499999, 0), 0);
	assert_int_equal(sk_dec_round(-500000, 0), -1000000);
	assert_int_equal(sk_dec_round(123456789, 6), 123456789);
	assert_int_equal(sk_dec_round(91790000, 2), 91790000);
}

static void test_percent(void **state)
{
	sk_dec v;

	(void)state;
	/* dhs-sla-guideline.txt §9, domain 1: the worked example. */
	assert_int_equal(sk_dec_percent(SK_DEC(75), SK_DEC(80), 1, &v), SK_OK);
	assert_int_equal(v, 93800000);
	assert_int_equal(sk_dec_percent(SK_DEC(68), SK_DEC(70), 1, &v), SK_OK);
	assert_int_equal(v, 97100000);
	assert_int_equal(sk_dec_percent(SK_DEC(98), SK_DEC(100), 1, &v), SK_OK);
	assert_int_equal(v, 98000000);
	assert_int_equal(sk_dec_percent(SK_DEC(1), SK_DEC(2), 1, &v), SK_OK);
	assert_int_equal(v, 50000000);
	assert_int_equal(sk_dec_percent(SK_DEC(68), SK_DEC(70), 6, &v), SK_OK);
	assert_int_equal(v, 97142857);
	assert_int_equal(sk_dec_percent(SK_DEC(2), SK_DEC(3), 2, &v), SK_OK);
	assert_int_equal(v, 66670000);
	assert_int_equal(sk_dec_percent(SK_DEC(1), SK_DEC(8), 0, &v), SK_OK);
	assert_int_equal(v, 13000000);
	/* Lower is better: norm / measured, e.g. 3 % norm, 4 % failed changes. */
	assert_int_equal(sk_dec_percent(SK_DEC(3), SK_DEC(4), 1, &v), SK_OK);
	assert_int_equal(v, 75000000);
	/*
	 * 24.69 / 200.000001 * 100 = 12.34499993...: rounded once it is 12.34;
	 * rounded first to 6 places (12.345000) and then to 2 it would be 12.35.
	 */
	assert_int_equal(sk_dec_percent(24690000, 200000001, 2, &v), SK_OK);
	assert_int_equal(v, 12340000);
	assert_int_equal(sk_dec_percent(SK_DEC(1), 0, 1, &v), SK_ERR_RANGE);
	assert_int_equal(sk_dec_percent(SK_DEC(1), SK_DEC(2), 7, &v), SK_ERR_RANGE);
	assert_int_equal(sk_dec_percent(SK_DEC(1), SK_DEC(2), -1, &v), SK_ERR_RANGE);
}

static void test_mul_div(void **state)
{
	sk_dec v, sum;

	(void)state;
	/* (93,8×0,25) + (97,1×0,40) + (98×0,25) + (50×0,10) = 91,79 */
	sum = sk_dec_mul(93800000, 250000);
	assert_int_equal(sum, 23450000);
	sum += sk_dec_mul(97100000, 400000);
	sum += sk_dec_mul(SK_DEC(98), 250000);
	sum += sk_dec_mul(SK_DEC(50), 100000);
	assert_int_equal(sk_dec_round(sum, 2), 91790000);
	assert_int_equal(sk_dec_mul(1, 500000), 1);   /* 0.0000005 rounds up */
	assert_int_equal(sk_dec_mul(1, 499999), 0);
	assert_int_equal(sk_dec_mul(-1, 500000), -1);
	assert_int_equal(sk_dec_div(SK_DEC(1), SK_DEC(3), &v), SK_OK);
	assert_int_equal(v, 333333);
	assert_int_equal(sk_dec_div(SK_DEC(2), SK_DEC(3), &v), SK_OK);
	assert_int_equal(v, 666667);
	assert_int_equal(sk_dec_div(SK_DEC(-2), SK_DEC(3), &v), SK_OK);
	assert_int_equal(v, -666667);
	/* Scaling the DHS workplace weights (105 %) back to 100: 45/105. */
	assert_int_equal(sk_dec_div(SK_DEC(45) * 100, SK_DEC(105), &v), SK_OK);
	assert_int_equal(v, 42857143);
	assert_int_equal(sk_dec_div(SK_DEC(1), 0, &v), SK_ERR_RANGE);
}

static void test_format(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(sk_dec_format(93800000, 1, '.', buf, sizeof(buf)), "93.8");
	assert_string_equal(sk_dec_format(93800000, 1, ',', buf, sizeof(buf)), "93,8");
	assert_string_equal(sk_dec_format(91790000, 2, ',', buf, sizeof(buf)), "91,79");
	assert_string_equal(sk_dec_format(93750000, 1, '.', buf, sizeof(buf)), "93.8");
	assert_string_equal(sk_dec_format(SK_DEC(98), 0, '.', buf, sizeof(buf)), "98");
	assert_string_equal(sk_dec_format(SK_DEC(98), 2, '.', buf, sizeof(buf)), "98.00");
	assert_string_equal(sk_dec_format(-500000, 0, '.', buf, sizeof(buf)), "-1");
	assert_string_equal(sk_dec_format(-40000, 1, '.', buf, sizeof(buf)), "0.0");
	assert_string_equal(sk_dec_format(1, 6, '.', buf, sizeof(buf)), "0.000001");
	assert_string_equal(sk_dec_format(SK_DEC(1234567), 0, '.', buf, sizeof(buf)), "1234567");
	/* Too small a buffer truncates, always terminated. */
	assert_string_equal(sk_dec_format(91790000, 2, '.', buf, 4), "91.");
	assert_string_equal(sk_dec_format_short(SK_DEC(98), '.', buf, sizeof(buf)), "98");
	assert_string_equal(sk_dec_format_short(93750000, ',', buf, sizeof(buf)), "93,75");
	assert_string_equal(sk_dec_format_short(1, '.', buf, sizeof(buf)), "0.000001");
	assert_string_equal(sk_dec_format_short(-2500000, '.', buf, sizeof(buf)), "-2.5");
	assert_string_equal(sk_dec_format_short(0, '.', buf, sizeof(buf)), "0");
}

static int64_t cents_ok(const char *s)
{
	int64_t v = -1;
	struct sk_diag d;

	assert_int_equal(sk_cents_parse(s, &v, &d), SK_OK);
	return v;
}

static void test_cents(void **state)
{
	struct sk_diag d;
	int64_t v;
	char buf[64];

	(void)state;
	assert_int_equal(cents_ok("12345.67"), 1234567);
	assert_int_equal(cents_ok("12.345,67"), 1234567);
	assert_int_equal(cents_ok("1,234.50"), 123450);
	assert_int_equal(cents_ok("\xe2\x82\xac 1.000"), 100000);
	assert_int_equal(cents_ok("EUR 250"), 25000);
	assert_int_equal(cents_ok("12,5"), 1250);
	assert_int_equal(cents_ok("-12,50"), -1250);
	assert_int_equal(cents_ok("\xe2\x82\xac 100,-"), 10000);
	assert_int_equal(cents_ok("1.234.567,89"), 123456789);
	assert_int_equal(cents_ok("0.05"), 5);
	assert_int_equal(sk_cents_parse("12.34.5", &v, &d), SK_ERR_SYNTAX);
	assert_string_equal(d.msg, "cannot read '12.34.5' as an amount in euros "
				   "(like 12500.00 or 12.500,00)");
	assert_int_equal(sk_cents_parse("1.2345", &v, &d), SK_ERR_SYNTAX);
	assert_int_equal(sk_cents_parse("abc", &v, &d), SK_ERR_SYNTAX);
	assert_int_equal(sk_cents_parse("", &v, &d), SK_ERR_SYNTAX);
	assert_int_equal(sk_cents_parse("12.345", &v, &d), SK_OK); /* a thousands mark */
	assert_int_equal(v, 1234500);
	assert_int_equal(sk_cents_parse("12,3456", &v, &d), SK_ERR_SYNTAX);

	/* 0,5 % of € 18.000,00 is € 90,00; 0,5 % of € 1.234,57 is € 6,17285 -> 6,17. */
	assert_int_equal(sk_cents_percent(1800000, 500000), 9000);
	assert_int_equal(sk_cents_percent(123457, 500000), 617);
	assert_int_equal(sk_cents_percent(333, 1500000), 5);  /* 4.995 -> 5 */
	assert_int_equal(sk_cents_percent(-333, 1500000), -5);
	assert_int_equal(sk_cents_percent(2400000, SK_DEC(2)), 48000);

	assert_string_equal(sk_cents_format(1234567, '.', buf, sizeof(buf)), "12345.67");
	assert_string_equal(sk_cents_format(1234567, ',', buf, sizeof(buf)), "12.345,67");
	assert_string_equal(sk_cents_format(100000000, ',', buf, sizeof(buf)), "1.000.000,00");
	assert_string_equal(sk_cents_format(-5, '.', buf, sizeof(buf)), "-0.05");
	assert_string_equal(sk_cents_format(0, ',', buf, sizeof(buf)), "0,00");
	assert_string_equal(sk_cents_format(99999, ',', buf, sizeof(buf)), "999,99");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_mul_div),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_cents),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
