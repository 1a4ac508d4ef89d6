/* base/text_escape.c: control characters and bytes that are not UTF-8 shown, never passed on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/base.h"

static const char *esc(const char *s, unsigned flags)
{
	static char buf[256];

	text_escape(buf, sizeof(buf), s, flags);
	return buf;
}

/* What text_write_escaped() puts on a stream. */
static const char *written(const char *s)
{
	static char buf[256];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");

	assert_non_null(fp);
	text_write_escaped(fp, s);
	fclose(fp);
	return buf;
}

static void test_terminal(void **state)
{
	(void)state;
	assert_string_equal(esc("Netwerk", 0), "Netwerk");
	assert_string_equal(esc("", 0), "");
	assert_string_equal(esc(NULL, 0), "");
	/* An OSC that would retitle the terminal, a CSI that would clear it. */
	assert_string_equal(esc("a\033]0;pwned\007b", 0), "a\\x1b]0;pwned\\x07b");
	assert_string_equal(esc("x\033[2J", 0), "x\\x1b[2J");
	/* Line breaks and tabs shown, so a category cannot fake a report line. */
	assert_string_equal(esc("Den\nHaag\r\tx", 0), "Den\\nHaag\\r\\tx");
	assert_string_equal(esc("v\vt\x7f", 0), "v\\x0bt\\x7f");
	/* C1 controls (CSI U+009B) by code point; other UTF-8 passes. */
	assert_string_equal(esc("\xc2\x9b" "31m", 0), "\\u009b31m");
	assert_string_equal(esc("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 0),
			    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	/* Bytes that are not UTF-8: stray, overlong, surrogate, truncated, past U+10FFFF. */
	assert_string_equal(esc("a\xff" "b", 0), "a\\xffb");
	assert_string_equal(esc("\xc0\xaf", 0), "\\xc0\\xaf");
	assert_string_equal(esc("\xed\xa0\x80", 0), "\\xed\\xa0\\x80");
	assert_string_equal(esc("\xe2\x82", 0), "\\xe2\\x82");
	assert_string_equal(esc("\xf4\x90\x80\x80", 0), "\\xf4\\x90\\x80\\x80");
	assert_string_equal(esc("\xef\xbf\xbe", 0), "\\ufffe");
	/* The backslash itself passes: the escape is for showing. */
	assert_string_equal(esc("a\\nb", 0), "a\\nb");
	assert_string_equal(written("T\033]0;x\007\n"), "T\\x1b]0;x\\x07\\n");
	assert_string_equal(written("plain"), "plain");
	assert_int_equal(text_needs_escape("plain \xc3\xa9", 0), 0);
	assert_int_equal(text_needs_escape("a\nb", 0), 1);
	assert_int_equal(text_needs_escape(NULL, 0), 0);
}

static void test_xml(void **state)
{
	(void)state;
	/* XML keeps TAB, LF, CR; every other control is escaped. */
	assert_string_equal(esc("Den\nHaag\r\tx", TEXT_KEEP_LINES), "Den\nHaag\r\tx");
	assert_string_equal(esc("Net\vwerk\033[31m", TEXT_KEEP_LINES), "Net\\x0bwerk\\x1b[31m");
	assert_int_equal(text_needs_escape("a\nb\tc", TEXT_KEEP_LINES), 0);
	assert_int_equal(text_needs_escape("a\vb", TEXT_KEEP_LINES), 1);
}

static void test_cut(void **state)
{
	char buf[6];

	(void)state;
	/* Never half an escape or half a character. */
	assert_int_equal(text_escape(buf, sizeof(buf), "ab\033cd", 0), 2);
	assert_string_equal(buf, "ab");
	assert_int_equal(text_escape(buf, sizeof(buf), "abc\xc3\xa9xyz", 0), 5);
	assert_string_equal(buf, "abc\xc3\xa9");
	assert_int_equal(text_escape(buf, 4, "abc\xc3\xa9", 0), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(text_escape(buf, 0, "abc", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terminal),
		cmocka_unit_test(test_xml),
		cmocka_unit_test(test_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
