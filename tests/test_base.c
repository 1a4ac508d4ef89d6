/*
 * base/: the one growable array and buffer, the one JSON escaper and CSV
 * writer, and invoice files read through the one CSV reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/base.h"
#include "slakit/score.h"

static void test_array_reserve(void **state)
{
	int *a = NULL;
	void *p = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(array_reserve(&p, &cap, 3, sizeof(int)), 0);
	assert_true(cap >= 3);
	a = p;
	for (size_t i = 0; i < cap; i++)
		assert_int_equal(a[i], 0); /* new slots are zeroed */
	assert_int_equal(array_reserve(&p, &cap, 1000, sizeof(int)), 0);
	assert_true(cap >= 1000);
	/* Too large: refused, the array as it was. */
	assert_int_equal(array_reserve(&p, &cap, SIZE_MAX / 2, sizeof(int)), -1);
	assert_true(cap >= 1000 && cap < SIZE_MAX / 4);
	free(p);
}

static void test_buf(void **state)
{
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(buf_add(&b, "ab", 2), 0);
	buf_json_str(&b, "q\"\\\x01\x7f");
	assert_string_equal(b.s, "ab\"q\\\"\\\\\\u0001\\u007f\"");
	buf_release(&b);
	assert_null(b.s);
}

/* What a stream gets from the JSON and CSV writers. */
static const char *written(void (*write)(FILE *, const char *), const char *s, char *out,
			   size_t size)
{
	FILE *fp = fmemopen(out, size, "w");

	write(fp, s);
	fclose(fp);
	return out;
}

static void csv_comma(FILE *fp, const char *s)
{
	csv_write_field(fp, s, ',');
}

static void test_writers(void **state)
{
	char out[128];

	(void)state;
	assert_string_equal(written(json_write_string, "a\nb", out, sizeof(out)), "\"a\\u000ab\"");
	assert_string_equal(written(json_write_string, NULL, out, sizeof(out)), "\"\"");
	assert_string_equal(written(csv_comma, "plain", out, sizeof(out)), "plain");
	assert_string_equal(written(csv_comma, "a,b", out, sizeof(out)), "\"a,b\"");
	/* The formula guard: none of these may be evaluated by a spreadsheet. */
	assert_string_equal(written(csv_comma, "=1+1", out, sizeof(out)), "\"'=1+1\"");
	assert_string_equal(written(csv_comma, "@SUM(1)", out, sizeof(out)), "\"'@SUM(1)\"");
	assert_string_equal(written(csv_comma, "=cmd|x!A1", out, sizeof(out)), "\"'=cmd|x!A1\"");
	assert_string_equal(written(csv_comma, "\tx", out, sizeof(out)), "\"'\tx\"");
	assert_string_equal(written(csv_comma, "\rx", out, sizeof(out)), "\"'\rx\"");
	assert_string_equal(written(csv_comma, "-5", out, sizeof(out)), "\"'-5\"");
}

/* A file of @text in the test's temporary directory. */
static const char *file_of(const char *name, const char *text, char *path, size_t size)
{
	FILE *fp;

	snprintf(path, size, "%s/%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void test_invoices(void **state)
{
	struct sk_invoice *inv = NULL;
	struct sk_diag d;
	char path[512];
	size_t n = 0;

	(void)state;
	/* A BOM, ';' between fields and a decimal comma, as Dutch spreadsheets write. */
	assert_int_equal(sk_invoices_read(file_of("sk-inv1.csv",
						  "\xef\xbb\xbfperiod;domain;amount\r\n"
						  "2027-Q1;servicedesk;20.000,00\r\n"
						  "2027-Q1;\"incident\";1000,05\r\n",
						  path, sizeof(path)), &inv, &n, &d), SK_OK);
	assert_int_equal(n, 2);
	assert_string_equal(inv[1].domain, "incident");
	assert_int_equal(inv[0].cents, 2000000);
	assert_int_equal(inv[1].cents, 100005);
	free(inv);
	/* Bytes that are not UTF-8 are refused with the line, as in an export. */
	assert_int_equal(sk_invoices_read(file_of("sk-inv2.csv",
						  "period,domain,amount\n2027-Q1,s\xff,1\n",
						  path, sizeof(path)), &inv, &n, &d), SK_ERR_DATA);
	assert_int_equal(d.line, 2);
	assert_int_equal(sk_invoices_read(file_of("sk-inv3.csv", "period,domain,amount\n2027-Q1,s\n",
						  path, sizeof(path)), &inv, &n, &d), SK_ERR_DATA);
	assert_non_null(strstr(d.msg, "2 fields where 3 were expected"));
	assert_int_equal(sk_invoices_read(file_of("sk-inv4.csv", "quarter,domain,amount\n",
						  path, sizeof(path)), &inv, &n, &d), SK_ERR_DATA);
	assert_int_equal(d.line, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_array_reserve),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_writers),
		cmocka_unit_test(test_invoices),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
