/*
 * Tests of datetime.h: every form sk_datetime_parse() promises, offsets,
 * fractions, Dutch dates, refusals with a reason, sk_datetime_parse_fmt(),
 * resolving in a zone, and the three formatters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "slakit/datetime.h"
#include "slakit/tz.h"

/* Seconds since the epoch of a UTC civil time (independent of the library). */
static sk_time utc(int y, int m, int d, int hh, int mm, int ss)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (era * 146097 + doe - 719468) * 86400 + hh * 3600 + mm * 60 + ss;
}

static struct sk_tz *ams;
static struct sk_tz *sao;

static int setup(void **state)
{
	(void)state;
	if (sk_tz_open("Europe/Amsterdam", &ams, NULL) != SK_OK)
		return -1;
	if (sk_tz_open("America/Sao_Paulo", &sao, NULL) != SK_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sk_tz_free(ams);
	sk_tz_free(sao);
	return 0;
}

/* Parse @text and check every field of the result. */
static void expect(const char *text, int y, int mo, int d, int h, int mi, int s,
		   int has_time, int has_offset, int offset)
{
	struct sk_datetime dt;
	struct sk_diag diag;
	enum sk_err rc;

	memset(&dt, 0x5a, sizeof(dt));
	memset(&diag, 0, sizeof(diag));
	rc = sk_datetime_parse(text, &dt, &diag);
	if (rc != SK_OK)
		print_error("'%s': %s\n", text, diag.msg);
	assert_int_equal(rc, SK_OK);
	assert_int_equal(dt.civil.year, y);
	assert_int_equal(dt.civil.month, mo);
	assert_int_equal(dt.civil.day, d);
	assert_int_equal(dt.civil.hour, h);
	assert_int_equal(dt.civil.min, mi);
	assert_int_equal(dt.civil.sec, s);
	assert_int_equal(dt.has_time, has_time);
	assert_int_equal(dt.has_offset, has_offset);
	if (has_offset)
		assert_int_equal(dt.offset, offset);
}

/* Parse @text and expect @want, with a reason in the diagnostic. */
static void refuse(const char *text, enum sk_err want)
{
	struct sk_datetime dt;
	struct sk_diag diag;
	enum sk_err rc;

	memset(&diag, 0, sizeof(diag));
	rc = sk_datetime_parse(text, &dt, &diag);
	if (rc != want)
		print_error("'%s': got %d, want %d\n", text, (int)rc, (int)want);
	assert_int_equal(rc, want);
	assert_true(diag.msg[0] != '\0');
	/* NULL diagnostic is allowed too. */
	assert_int_equal(sk_datetime_parse(text, &dt, NULL), want);
}

static void test_iso_forms(void **state)
{
	(void)state;
	expect("2027-03-01 09:05", 2027, 3, 1, 9, 5, 0, 1, 0, 0);
	expect("2027-03-01T09:05", 2027, 3, 1, 9, 5, 0, 1, 0, 0);
	expect("2027-03-01 09:05:07", 2027, 3, 1, 9, 5, 7, 1, 0, 0);
	expect("2027-03-01T09:05:07", 2027, 3, 1, 9, 5, 7, 1, 0, 0);
	expect("2027-12-31T23:59:59", 2027, 12, 31, 23, 59, 59, 1, 0, 0);
	expect("2028-02-29 00:00", 2028, 2, 29, 0, 0, 0, 1, 0, 0);
	/* Leading and trailing blanks are ignored. */
	expect("  2027-03-01 09:05  ", 2027, 3, 1, 9, 5, 0, 1, 0, 0);
	expect("\t2027-03-01T09:05:07\t", 2027, 3, 1, 9, 5, 7, 1, 0, 0);
}

static void test_fractions_dropped(void **state)
{
	(void)state;
	expect("2027-03-01 09:05:07.123", 2027, 3, 1, 9, 5, 7, 1, 0, 0);
	expect("2027-03-01T09:05:07.999", 2027, 3, 1, 9, 5, 7, 1, 0, 0);
	expect("2027-03-01T09:05:07.5", 2027, 3, 1, 9, 5, 7, 1, 0, 0);
	expect("2027-03-01T09:05:07.123456Z", 2027, 3, 1, 9, 5, 7, 1, 1, 0);
	expect("2027-03-01T09:05:07.250+01:00", 2027, 3, 1, 9, 5, 7, 1, 1, 3600);
}

static void test_offsets(void **state)
{
	(void)state;
	expect("2027-03-01T09:05:07Z", 2027, 3, 1, 9, 5, 7, 1, 1, 0);
	expect("2027-03-01 09:05Z", 2027, 3, 1, 9, 5, 0, 1, 1, 0);
	expect("2027-03-01T09:05:07+01:00", 2027, 3, 1, 9, 5, 7, 1, 1, 3600);
	expect("2027-03-01T09:05:07+0100", 2027, 3, 1, 9, 5, 7, 1, 1, 3600);
	expect("2027-03-01T09:05:07+01", 2027, 3, 1, 9, 5, 7, 1, 1, 3600);
	expect("2027-07-01T09:05:07+02:00", 2027, 7, 1, 9, 5, 7, 1, 1, 7200);
	expect("2027-03-01T09:05:07-03:00", 2027, 3, 1, 9, 5, 7, 1, 1, -10800);
	expect("2027-03-01T09:05:07-0330", 2027, 3, 1, 9, 5, 7, 1, 1, -12600);
	expect("2027-03-01T09:05:07+05:30", 2027, 3, 1, 9, 5, 7, 1, 1, 19800);
	expect("2027-03-01 09:05:07+00:00", 2027, 3, 1, 9, 5, 7, 1, 1, 0);
}

static void test_dutch_forms(void **state)
{
	(void)state;
	expect("01-03-2027 09:05", 2027, 3, 1, 9, 5, 0, 1, 0, 0);
	expect("01-03-2027 09:05:07", 2027, 3, 1, 9, 5, 7, 1, 0, 0);
	expect("1-3-2027 9:05", 2027, 3, 1, 9, 5, 0, 1, 0, 0);
	/* DD before MM: 3/1/2027 is 3 January. */
	expect("3/1/2027 9:05", 2027, 1, 3, 9, 5, 0, 1, 0, 0);
	expect("03/01/2027 09:05:30", 2027, 1, 3, 9, 5, 30, 1, 0, 0);
	expect("3.1.2027 9:05", 2027, 1, 3, 9, 5, 0, 1, 0, 0);
	expect("31.12.2027 23:59:59", 2027, 12, 31, 23, 59, 59, 1, 0, 0);
	expect("29-02-2028 12:00", 2028, 2, 29, 12, 0, 0, 1, 0, 0);
	expect("13-1-2027 0:00", 2027, 1, 13, 0, 0, 0, 1, 0, 0);
}

static void test_date_alone(void **state)
{
	(void)state;
	expect("2027-03-01", 2027, 3, 1, 0, 0, 0, 0, 0, 0);
	expect("01-03-2027", 2027, 3, 1, 0, 0, 0, 0, 0, 0);
	expect("1-3-2027", 2027, 3, 1, 0, 0, 0, 0, 0, 0);
	expect("3/1/2027", 2027, 1, 3, 0, 0, 0, 0, 0, 0);
	expect(" 29-02-2028 ", 2028, 2, 29, 0, 0, 0, 0, 0, 0);
}

static void test_refusals(void **state)
{
	(void)state;
	/* Unreadable text. */
	refuse("", SK_ERR_SYNTAX);
	refuse("   ", SK_ERR_SYNTAX);
	refuse("hello", SK_ERR_SYNTAX);
	refuse("2027-03-01 09:05 junk", SK_ERR_SYNTAX);
	refuse("2027-03-01X09:05", SK_ERR_SYNTAX);
	refuse("2027/03", SK_ERR_SYNTAX);
	refuse("2027-03-01 9", SK_ERR_SYNTAX);
	refuse("2027-03-01T09:05:07+", SK_ERR_SYNTAX);
	refuse("next tuesday", SK_ERR_SYNTAX);
	/* Readable, but no such date or time. */
	refuse("31-02-2027", SK_ERR_RANGE);
	refuse("31-02-2027 10:00", SK_ERR_RANGE);
	refuse("2027-02-29", SK_ERR_RANGE);
	refuse("29-02-2100", SK_ERR_RANGE);
	refuse("2027-13-01 00:00", SK_ERR_RANGE);
	refuse("2027-00-10 00:00", SK_ERR_RANGE);
	refuse("2027-04-31 00:00", SK_ERR_RANGE);
	refuse("00-01-2027", SK_ERR_RANGE);
	refuse("2027-03-01 25:00", SK_ERR_RANGE);
	refuse("2027-03-01 09:60", SK_ERR_RANGE);
	refuse("2027-03-01 09:05:60", SK_ERR_RANGE);
}

static void test_refusal_diagnostic(void **state)
{
	(void)state;
	struct sk_datetime dt;
	struct sk_diag d;

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_datetime_parse("31-02-2027", &dt, &d), SK_ERR_RANGE);
	/* The library leaves file and line to the caller. */
	assert_string_equal(d.file, "");
	assert_int_equal(d.line, 0);
	/* The reason is lowercase and has no final period (STYLE.md). */
	size_t n = strlen(d.msg);
	assert_true(n > 0);
	assert_true(d.msg[n - 1] != '.');
}

static void test_resolve(void **state)
{
	(void)state;
	struct sk_datetime dt;
	enum sk_local_kind kind;

	/* Local to the zone: 12:00 CET is 11:00Z. */
	assert_int_equal(sk_datetime_parse("2027-01-15 12:00", &dt, NULL), SK_OK);
	assert_int_equal(sk_datetime_resolve(&dt, ams, &kind), utc(2027, 1, 15, 11, 0, 0));
	assert_int_equal(kind, SK_LOCAL_EXACT);
	assert_int_equal(sk_datetime_resolve(&dt, sao, NULL), utc(2027, 1, 15, 15, 0, 0));

	/* An offset in the text wins over the zone. */
	assert_int_equal(sk_datetime_parse("2027-01-15T12:00:00-03:00", &dt, NULL), SK_OK);
	assert_int_equal(sk_datetime_resolve(&dt, ams, NULL), utc(2027, 1, 15, 15, 0, 0));
	assert_int_equal(sk_datetime_parse("2027-01-15T12:00:00Z", &dt, NULL), SK_OK);
	assert_int_equal(sk_datetime_resolve(&dt, ams, NULL), utc(2027, 1, 15, 12, 0, 0));
	/* 02:30+01:00 on the spring-forward night is a real instant. */
	assert_int_equal(sk_datetime_parse("2027-03-28T02:30:00+01:00", &dt, NULL), SK_OK);
	assert_int_equal(sk_datetime_resolve(&dt, ams, NULL), utc(2027, 3, 28, 1, 30, 0));

	/* Gap and fold rules of sk_tz_from_civil(). */
	assert_int_equal(sk_datetime_parse("2027-03-28 02:30", &dt, NULL), SK_OK);
	assert_int_equal(sk_datetime_resolve(&dt, ams, &kind), utc(2027, 3, 28, 1, 30, 0));
	assert_int_equal(kind, SK_LOCAL_GAP);
	assert_int_equal(sk_datetime_parse("31-10-2027 2:30", &dt, NULL), SK_OK);
	assert_int_equal(sk_datetime_resolve(&dt, ams, &kind), utc(2027, 10, 31, 0, 30, 0));
	assert_int_equal(kind, SK_LOCAL_FOLD);

	/* A date alone is midnight local. */
	assert_int_equal(sk_datetime_parse("2027-07-01", &dt, NULL), SK_OK);
	assert_int_equal(sk_datetime_resolve(&dt, ams, NULL), utc(2027, 6, 30, 22, 0, 0));
}

static void test_time_parse(void **state)
{
	(void)state;
	sk_time t = 0;
	enum sk_local_kind kind;
	struct sk_diag d;

	assert_int_equal(sk_time_parse("28-03-2027 02:30", ams, &t, &kind, NULL), SK_OK);
	assert_int_equal(t, utc(2027, 3, 28, 1, 30, 0));
	assert_int_equal(kind, SK_LOCAL_GAP);
	assert_int_equal(sk_time_parse("2027-03-01T09:05:07Z", ams, &t, NULL, NULL), SK_OK);
	assert_int_equal(t, utc(2027, 3, 1, 9, 5, 7));
	assert_int_equal(sk_time_parse("2018-11-04 00:00", sao, &t, &kind, NULL), SK_OK);
	assert_int_equal(t, utc(2018, 11, 4, 3, 0, 0));
	assert_int_equal(kind, SK_LOCAL_GAP);

	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_time_parse("31-02-2027 10:00", ams, &t, NULL, &d), SK_ERR_RANGE);
	assert_true(d.msg[0] != '\0');
	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_time_parse("gisteren", ams, &t, NULL, &d), SK_ERR_SYNTAX);
	assert_true(d.msg[0] != '\0');
}

/* Parse with a format and check the fields. */
static void expect_fmt(const char *text, const char *fmt, int y, int mo, int d, int h,
		       int mi, int s)
{
	struct sk_datetime dt;
	struct sk_diag diag;
	enum sk_err rc;

	memset(&diag, 0, sizeof(diag));
	rc = sk_datetime_parse_fmt(text, fmt, &dt, &diag);
	if (rc != SK_OK)
		print_error("'%s' with '%s': %s\n", text, fmt, diag.msg);
	assert_int_equal(rc, SK_OK);
	assert_int_equal(dt.civil.year, y);
	assert_int_equal(dt.civil.month, mo);
	assert_int_equal(dt.civil.day, d);
	assert_int_equal(dt.civil.hour, h);
	assert_int_equal(dt.civil.min, mi);
	assert_int_equal(dt.civil.sec, s);
}

static void test_parse_fmt(void **state)
{
	(void)state;
	struct sk_datetime dt;

	expect_fmt("2027-03-01 09:05:07", "%Y-%m-%d %H:%M:%S", 2027, 3, 1, 9, 5, 7);
	expect_fmt("03/01/2027 09:05", "%d/%m/%Y %H:%M", 2027, 1, 3, 9, 5, 0);
	/* Leading zeros optional. */
	expect_fmt("3/1/2027 9:05", "%d/%m/%Y %H:%M", 2027, 1, 3, 9, 5, 0);
	/* US order is possible when the format says so. */
	expect_fmt("1/3/2027 9:05", "%m/%d/%Y %H:%M", 2027, 1, 3, 9, 5, 0);
	/* Two-digit years: 19xx above 68, else 20xx. */
	expect_fmt("01-03-27 10:00", "%d-%m-%y %H:%M", 2027, 3, 1, 10, 0, 0);
	expect_fmt("01-03-69 10:00", "%d-%m-%y %H:%M", 1969, 3, 1, 10, 0, 0);
	expect_fmt("01-03-99 10:00", "%d-%m-%y %H:%M", 1999, 3, 1, 10, 0, 0);
	expect_fmt("01-03-68 10:00", "%d-%m-%y %H:%M", 2068, 3, 1, 10, 0, 0);
	expect_fmt("01-03-00 10:00", "%d-%m-%y %H:%M", 2000, 3, 1, 10, 0, 0);
	/* Month abbreviations, English and Dutch. */
	expect_fmt("03-Mar-2027 10:00", "%d-%b-%Y %H:%M", 2027, 3, 3, 10, 0, 0);
	expect_fmt("03-mrt-2027 10:00", "%d-%b-%Y %H:%M", 2027, 3, 3, 10, 0, 0);
	expect_fmt("3 May 2027 10:00", "%d %b %Y %H:%M", 2027, 5, 3, 10, 0, 0);
	expect_fmt("3 mei 2027 10:00", "%d %b %Y %H:%M", 2027, 5, 3, 10, 0, 0);
	expect_fmt("3 Oct 2027 10:00", "%d %b %Y %H:%M", 2027, 10, 3, 10, 0, 0);
	expect_fmt("3 okt 2027 10:00", "%d %b %Y %H:%M", 2027, 10, 3, 10, 0, 0);
	expect_fmt("3 Dec 2027 10:00", "%d %b %Y %H:%M", 2027, 12, 3, 10, 0, 0);
	/* AM/PM. */
	expect_fmt("03/01/2027 9:05 PM", "%d/%m/%Y %H:%M %p", 2027, 1, 3, 21, 5, 0);
	expect_fmt("03/01/2027 9:05 AM", "%d/%m/%Y %H:%M %p", 2027, 1, 3, 9, 5, 0);
	expect_fmt("03/01/2027 12:05 AM", "%d/%m/%Y %H:%M %p", 2027, 1, 3, 0, 5, 0);
	expect_fmt("03/01/2027 12:05 PM", "%d/%m/%Y %H:%M %p", 2027, 1, 3, 12, 5, 0);
	/* %% is a literal percent sign. */
	expect_fmt("100% 2027-03-01", "100%% %Y-%m-%d", 2027, 3, 1, 0, 0, 0);

	/* %z: an offset. */
	assert_int_equal(sk_datetime_parse_fmt("2027-03-01 09:05 +0100", "%Y-%m-%d %H:%M %z",
					       &dt, NULL), SK_OK);
	assert_int_equal(dt.has_offset, 1);
	assert_int_equal(dt.offset, 3600);
	assert_int_equal(sk_datetime_parse_fmt("2027-03-01 09:05 -03:00", "%Y-%m-%d %H:%M %z",
					       &dt, NULL), SK_OK);
	assert_int_equal(dt.has_offset, 1);
	assert_int_equal(dt.offset, -10800);
	assert_int_equal(sk_datetime_parse_fmt("2027-03-01 09:05", "%Y-%m-%d %H:%M", &dt, NULL),
			 SK_OK);
	assert_int_equal(dt.has_offset, 0);
}

static void test_parse_fmt_refusals(void **state)
{
	(void)state;
	struct sk_datetime dt;
	struct sk_diag d;

	memset(&d, 0, sizeof(d));
	/* A literal that does not match. */
	assert_int_equal(sk_datetime_parse_fmt("2027/03/01", "%Y-%m-%d", &dt, &d), SK_ERR_SYNTAX);
	assert_true(d.msg[0] != '\0');
	/* Text left over, or missing. */
	assert_int_equal(sk_datetime_parse_fmt("2027-03-01 10:00", "%Y-%m-%d", &dt, NULL),
			 SK_ERR_SYNTAX);
	assert_int_equal(sk_datetime_parse_fmt("2027-03", "%Y-%m-%d", &dt, NULL), SK_ERR_SYNTAX);
	/* Not a month name. */
	assert_int_equal(sk_datetime_parse_fmt("3 Foo 2027", "%d %b %Y", &dt, NULL), SK_ERR_SYNTAX);
	/* Read, but no such date. */
	memset(&d, 0, sizeof(d));
	assert_int_equal(sk_datetime_parse_fmt("31/02/2027", "%d/%m/%Y", &dt, &d), SK_ERR_RANGE);
	assert_true(d.msg[0] != '\0');
	assert_int_equal(sk_datetime_parse_fmt("29 Feb 2027", "%d %b %Y", &dt, NULL), SK_ERR_RANGE);
}

static void test_format_local(void **state)
{
	(void)state;
	char buf[64];

	assert_ptr_equal(sk_time_format_local(utc(2027, 3, 28, 1, 30, 0), ams, buf, sizeof(buf)), buf);
	assert_string_equal(buf, "2027-03-28T03:30:00");
	sk_time_format_local(utc(2027, 3, 28, 0, 59, 59), ams, buf, sizeof(buf));
	assert_string_equal(buf, "2027-03-28T01:59:59");
	sk_time_format_local(utc(2027, 12, 31, 23, 0, 0), ams, buf, sizeof(buf));
	assert_string_equal(buf, "2028-01-01T00:00:00");
	sk_time_format_local(utc(2018, 11, 4, 3, 0, 0), sao, buf, sizeof(buf));
	assert_string_equal(buf, "2018-11-04T01:00:00");
	/* The documented minimum size is enough. */
	char small[20];
	sk_time_format_local(utc(2027, 1, 4, 8, 0, 0), ams, small, sizeof(small));
	assert_string_equal(small, "2027-01-04T09:00:00");
	/* Written by hand for speed: the edges of the digits, and the years around them. */
	sk_time_format_local(utc(1900, 1, 1, 0, 0, 0), ams, buf, sizeof(buf));
	assert_string_equal(buf, "1900-01-01T00:19:32");
	sk_time_format_local(utc(2199, 12, 31, 22, 59, 59), ams, buf, sizeof(buf));
	assert_string_equal(buf, "2199-12-31T23:59:59");
	sk_time_format_local(utc(999, 7, 9, 10, 5, 6), ams, buf, sizeof(buf));
	assert_string_equal(buf, "0999-07-09T10:24:38");
	/* The calendar's table bounds are these days (calendar.c keeps them as constants). */
	assert_int_equal(sk_days_from_civil(1900, 1, 1), -25567);
	assert_int_equal(sk_days_from_civil(2199, 12, 31), 84005);
}

static void test_format_offset(void **state)
{
	(void)state;
	char buf[64];

	assert_ptr_equal(sk_time_format_offset(utc(2027, 3, 28, 1, 30, 0), ams, buf, sizeof(buf)), buf);
	assert_string_equal(buf, "2027-03-28 03:30:00+02:00");
	sk_time_format_offset(utc(2027, 1, 4, 8, 0, 0), ams, buf, sizeof(buf));
	assert_string_equal(buf, "2027-01-04 09:00:00+01:00");
	/* The two 02:30s of the fall-back night are told apart by the offset. */
	sk_time_format_offset(utc(2027, 10, 31, 0, 30, 0), ams, buf, sizeof(buf));
	assert_string_equal(buf, "2027-10-31 02:30:00+02:00");
	sk_time_format_offset(utc(2027, 10, 31, 1, 30, 0), ams, buf, sizeof(buf));
	assert_string_equal(buf, "2027-10-31 02:30:00+01:00");
	sk_time_format_offset(utc(2027, 1, 15, 15, 0, 0), sao, buf, sizeof(buf));
	assert_string_equal(buf, "2027-01-15 12:00:00-03:00");
	char small[26];
	sk_time_format_offset(utc(2027, 1, 15, 15, 0, 0), sao, small, sizeof(small));
	assert_string_equal(small, "2027-01-15 12:00:00-03:00");
}

static void test_format_utc(void **state)
{
	(void)state;
	char buf[21];

	assert_ptr_equal(sk_time_format_utc(utc(2027, 3, 28, 1, 30, 0), buf, sizeof(buf)), buf);
	assert_string_equal(buf, "2027-03-28T01:30:00Z");
	sk_time_format_utc(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	sk_time_format_utc(utc(1900, 1, 1, 0, 0, 0), buf, sizeof(buf));
	assert_string_equal(buf, "1900-01-01T00:00:00Z");
	sk_time_format_utc(utc(2199, 12, 31, 23, 59, 59), buf, sizeof(buf));
	assert_string_equal(buf, "2199-12-31T23:59:59Z");
}

/* What the formatters write, the parser reads back to the same instant. */
static void test_format_parse_round_trip(void **state)
{
	(void)state;
	char buf[64];

	for (sk_time t = utc(2017, 1, 1, 0, 0, 0); t < utc(2031, 1, 1, 0, 0, 0); t += 7919) {
		sk_time back = 0;

		sk_time_format_offset(t, ams, buf, sizeof(buf));
		assert_int_equal(sk_time_parse(buf, sao, &back, NULL, NULL), SK_OK);
		assert_int_equal(back, t);
		sk_time_format_offset(t, sao, buf, sizeof(buf));
		assert_int_equal(sk_time_parse(buf, sao, &back, NULL, NULL), SK_OK);
		assert_int_equal(back, t);
		sk_time_format_utc(t, buf, sizeof(buf));
		assert_int_equal(sk_time_parse(buf, ams, &back, NULL, NULL), SK_OK);
		assert_int_equal(back, t);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_forms),
		cmocka_unit_test(test_fractions_dropped),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_dutch_forms),
		cmocka_unit_test(test_date_alone),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_refusal_diagnostic),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_time_parse),
		cmocka_unit_test(test_parse_fmt),
		cmocka_unit_test(test_parse_fmt_refusals),
		cmocka_unit_test(test_format_local),
		cmocka_unit_test(test_format_offset),
		cmocka_unit_test(test_format_utc),
		cmocka_unit_test(test_format_parse_round_trip),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
