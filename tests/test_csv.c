/* The streaming CSV reader: quoting, line numbers, BOM, encodings, bad bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "import/csvread.h"

static char *path(const char *name)
{
	static char buf[1024];
	const char *dir = getenv("SK_TESTDATA");

	snprintf(buf, sizeof(buf), "%s/import/%s", dir ? dir : "data", name);
	return buf;
}

/* Read the first error of a file (header and rows), with its formatted text. */
static enum sk_err read_all(const char *name, enum sk_encoding enc, char *msg, size_t size)
{
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;
	enum sk_err rc;

	sk_diag_clear(&d);
	rc = csvread_open(path(name), name, 0, enc, &r, &d);
	while (!rc && !(rc = csvread_next(r, &row, &d)) && row.n)
		;
	sk_diag_format(&d, msg, size);
	csvread_close(r);
	return rc;
}

static void test_quoted_crlf_bom(void **state)
{
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;
	char hex[65];

	(void)state;
	assert_int_equal(csvread_open(path("quoted_crlf_bom.csv"), "q", 0, SK_ENC_UTF8, &r, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.n, 3);
	assert_string_equal(row.f[0], "id"); /* the BOM is gone */
	assert_int_equal(row.line, 1);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.line, 2);
	assert_string_equal(row.f[2], "comma, inside");
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.line, 3); /* a record over two lines reports its first */
	assert_string_equal(row.f[2], "two\r\nlines and \"quotes\"");
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.line, 5);
	assert_int_equal(row.n, 3);
	assert_string_equal(row.f[2], "last"); /* no final newline */
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.n, 0);
	assert_int_equal(csvread_delimiter(r), ',');
	assert_int_equal(csvread_finish_hash(r, hex, &d), SK_OK);
	assert_string_equal(hex, "7d8069edfcae751a472a1477a3eb29f77074c720ceb26163917a6e8383a4e038");
	csvread_close(r);
}

static void test_semicolon_detected(void **state)
{
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;

	(void)state;
	assert_int_equal(csvread_open(path("semicolon.csv"), "s", 0, SK_ENC_UTF8, &r, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.n, 3);
	assert_int_equal(csvread_delimiter(r), ';');
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_string_equal(row.f[2], "05-01-2027 09:00");
	csvread_close(r);
}

static void test_bad_bytes(void **state)
{
	char msg[2048];

	(void)state;
	assert_int_equal(read_all("nul_byte.csv", SK_ENC_UTF8, msg, sizeof(msg)), SK_ERR_DATA);
	assert_string_equal(msg, "nul_byte.csv:3: NUL byte at byte offset 51: not a text export");
	assert_int_equal(read_all("cp1252.csv", SK_ENC_UTF8, msg, sizeof(msg)), SK_ERR_DATA);
	assert_string_equal(msg, "cp1252.csv:2: invalid UTF-8 byte 0xe9 at byte offset 59 "
			    "(a Windows-1252 export? see --encoding)");
	assert_int_equal(read_all("unterminated.csv", SK_ENC_UTF8, msg, sizeof(msg)), SK_ERR_DATA);
	assert_string_equal(msg, "unterminated.csv:2: quoted field not closed before the end "
			    "of the file");
}

static void test_windows_1252(void **state)
{
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;

	(void)state;
	assert_int_equal(csvread_open(path("cp1252.csv"), "c", 0, SK_ENC_CP1252, &r, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_string_equal(row.f[3], "Caf\xc3\xa9");
	csvread_close(r);
}

/* Write @p n bytes to a temporary file; its path (static). */
static const char *temp_file(const char *data, size_t n)
{
	static char name[64];
	FILE *fp;

	snprintf(name, sizeof(name), "/tmp/sk_test_csv_%ld.csv", (long)getpid());
	fp = fopen(name, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	fclose(fp);
	return name;
}

/* A line longer than the read buffer, with 2-, 3- and 4-byte characters
 * across every block boundary, reads back whole; lines go on counting. */
static void test_long_lines(void **state)
{
	static const char *const chars[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "x" };
	size_t cap = 3 * SK_CSV_BUFFER + 4096, n = 0, vlen;
	char *buf = malloc(cap), *value, hex[65];
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;

	(void)state;
	assert_non_null(buf);
	n += (size_t)sprintf(buf, "id,text\n1,");
	value = buf + n;
	for (int i = 0; n + 8 < 2 * SK_CSV_BUFFER + 1000; i++) {
		const char *c = chars[i % 4];

		memcpy(buf + n, c, strlen(c));
		n += strlen(c);
	}
	vlen = (size_t)(buf + n - value);
	n += (size_t)sprintf(buf + n, "\n2,kort\n");
	assert_int_equal(csvread_open(temp_file(buf, n), "long.csv", 0, SK_ENC_UTF8, &r, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.line, 2);
	assert_int_equal(strlen(row.f[1]), vlen);
	assert_memory_equal(row.f[1], value, vlen);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.line, 3);
	assert_string_equal(row.f[1], "kort");
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.n, 0);
	assert_int_equal(csvread_finish_hash(r, hex, &d), SK_OK);
	csvread_close(r);
	unlink(temp_file("", 0));
	free(buf);
}

/* Lines end in LF, CRLF or a lone CR, also mixed in one file: rows are
 * numbered by the line they start on, a quoted CRLF counting as a line. */
static void test_cr_line_numbers(void **state)
{
	static const char data[] = "id,text\r1,a\r2,b\r\n3,\"x\r\ny\"\r4,d\r\r5,e";
	static const long want[] = { 1, 2, 3, 4, 6, 8 };
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;

	(void)state;
	assert_int_equal(csvread_open(temp_file(data, sizeof(data) - 1), "cr.csv", 0,
				      SK_ENC_UTF8, &r, &d), SK_OK);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_int_equal(csvread_next(r, &row, &d), SK_OK);
		assert_int_equal(row.n, 2);
		assert_int_equal(row.line, want[i]);
	}
	assert_string_equal(row.f[1], "e");
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(row.n, 0);
	csvread_close(r);
	unlink(temp_file("", 0));
}

/* A CR that ends a line longer than the read buffer exactly at the
 * buffer's end: a lone CR ends the line, a CR whose LF comes in the next
 * read does not end two. */
static void test_cr_at_buffer_end(void **state)
{
	static const char *const tails[] = { "2,b\r", "\n2,b\n" };
	size_t n = 8 + SK_CSV_BUFFER + 16;
	char *buf = malloc(n);
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;

	(void)state;
	assert_non_null(buf);
	for (int t = 0; t < 2; t++) {
		size_t k = 0;

		k += (size_t)sprintf(buf, "id,text\n1,");
		memset(buf + k, 'x', 8 + SK_CSV_BUFFER - 1 - k);
		k = 8 + SK_CSV_BUFFER - 1;
		buf[k++] = '\r';
		memcpy(buf + k, tails[t], strlen(tails[t]));
		k += strlen(tails[t]);
		assert_int_equal(csvread_open(temp_file(buf, k), "long.csv", 0, SK_ENC_UTF8, &r,
					      &d), SK_OK);
		assert_int_equal(csvread_next(r, &row, &d), SK_OK);
		assert_int_equal(csvread_next(r, &row, &d), SK_OK);
		assert_int_equal(row.line, 2);
		assert_int_equal(strlen(row.f[1]), SK_CSV_BUFFER - 3);
		assert_int_equal(csvread_next(r, &row, &d), SK_OK);
		assert_int_equal(row.n, 2);
		assert_string_equal(row.f[1], "b");
		assert_int_equal(row.line, 3);
		csvread_close(r);
	}
	unlink(temp_file("", 0));
	free(buf);
}

/* What no export holds: a value over 1 MiB (a quote never closed, named by
 * its column), UTF-16 text. Memory stays bounded: the reader stops there. */
static void test_limits(void **state)
{
	size_t n = 2 * SK_CSV_MAX_FIELD;
	char *buf = malloc(n + 64), msg[2048];
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_diag d;
	size_t k;

	(void)state;
	assert_non_null(buf);
	k = (size_t)sprintf(buf, "id,title\nA1,\"");
	memset(buf + k, 'x', n - k);
	sk_diag_clear(&d);
	assert_int_equal(csvread_open(temp_file(buf, n), "q.csv", 0, SK_ENC_UTF8, &r, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_ERR_DATA);
	assert_string_equal(sk_diag_format(&d, msg, sizeof(msg)), "q.csv:2: 'title': value "
			    "longer than 1048576 bytes (a quote that is never closed?)");
	csvread_close(r);

	memcpy(buf, "\xff\xfei\0d\0\n\0", 8);
	sk_diag_clear(&d);
	assert_int_equal(csvread_open(temp_file(buf, 8), "u.csv", 0, SK_ENC_UTF8, &r, &d), SK_OK);
	assert_int_equal(csvread_next(r, &row, &d), SK_ERR_DATA);
	assert_string_equal(sk_diag_format(&d, msg, sizeof(msg)), "u.csv:1: UTF-16 text (byte "
			    "order mark FF FE): save the export as CSV in UTF-8");
	csvread_close(r);
	unlink(temp_file("", 0));
	free(buf);
}

static void test_write_field(void **state)
{
	char buf[256] = "";
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	(void)state;
	csv_write_field(fp, "plain", ',');
	fputc('|', fp);
	csv_write_field(fp, "a,b", ',');
	fputc('|', fp);
	csv_write_field(fp, "say \"hi\"", ';');
	fclose(fp);
	assert_string_equal(buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoted_crlf_bom),
		cmocka_unit_test(test_semicolon_detected),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_cr_line_numbers),
		cmocka_unit_test(test_cr_at_buffer_end),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_write_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
