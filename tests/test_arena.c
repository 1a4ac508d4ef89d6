/*
 * The result sets' allocator: copies, shared words, alignment after packed
 * strings, and a vocabulary larger than the table of words.
 */
#include <setjmp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "base/base.h"

static void test_strdup(void **state)
{
	struct arena *a = arena_new();
	int failed = 0;
	char *x, *y;

	(void)state;
	assert_non_null(a);
	assert_null(arena_strdup(a, NULL, &failed));
	x = arena_strdup(a, "INC-1", &failed);
	y = arena_strdup(a, "INC-1", &failed);
	assert_string_equal(x, "INC-1");
	assert_string_equal(y, "INC-1");
	assert_ptr_not_equal(x, y); /* a copy each: ids are not words */
	/* Strings are packed: the second starts right after the first's end. */
	assert_ptr_equal(y, x + 6);
	assert_int_equal(failed, 0);
	arena_free(a);
}

/* Blocks of any type stay aligned after strings of odd lengths. */
static void test_alignment(void **state)
{
	struct arena *a = arena_new();
	int failed = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		long double *p;

		arena_strdup(a, i % 2 ? "abc" : "abcdefg", &failed);
		p = arena_alloc(a, sizeof(*p) * (size_t)(1 + i % 5));
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
		*p = i; /* UBSan and ASan see a misaligned or short block */
	}
	/* Larger than a block. */
	assert_non_null(memset(arena_alloc(a, 200000), 1, 200000));
	assert_string_equal(arena_strdup(a, "after", &failed), "after");
	assert_int_equal(failed, 0);
	arena_free(a);
}

static void test_words(void **state)
{
	struct arena *a = arena_new();
	int failed = 0;
	char buf[32];
	const char *phone, *first[100];

	(void)state;
	assert_null(arena_word(a, NULL, &failed));
	snprintf(buf, sizeof(buf), "phone");
	phone = arena_word(a, buf, &failed);
	assert_ptr_not_equal(phone, buf);          /* a copy, not the caller's buffer */
	snprintf(buf, sizeof(buf), "portal");
	assert_string_equal(phone, "phone");
	assert_ptr_equal(arena_word(a, "phone", &failed), phone);
	assert_string_equal(arena_word(a, buf, &failed), "portal");
	assert_ptr_not_equal(arena_word(a, "Phone", &failed), phone); /* case counts */
	assert_ptr_equal(arena_word(a, "", &failed), arena_word(a, "", &failed));
	/* Ten thousand distinct words: more than the table holds; each comes back
	 * equal, and the first ones are still shared. */
	for (int i = 0; i < 10000; i++) {
		const char *w;

		snprintf(buf, sizeof(buf), "category %d", i);
		w = arena_word(a, buf, &failed);
		assert_string_equal(w, buf);
		if (i < 100)
			first[i] = w;
	}
	for (int i = 0; i < 100; i++) {
		snprintf(buf, sizeof(buf), "category %d", i);
		assert_ptr_equal(arena_word(a, buf, &failed), first[i]);
	}
	snprintf(buf, sizeof(buf), "category %d", 9999);
	assert_string_equal(arena_word(a, buf, &failed), buf);
	assert_ptr_equal(arena_word(a, "phone", &failed), phone);
	assert_int_equal(failed, 0);
	arena_free(a);
}

/* arena.c's hash (FNV-1a), to make words that all want the same slot. */
static unsigned slot_of(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h & 4095;
}

/* A hundred words of one slot: longer than a search may go. Each still comes
 * back equal, and the first ones are shared. */
static void test_colliding_words(void **state)
{
	struct arena *a = arena_new();
	static char words[100][16];
	const char *got[100];
	int failed = 0, n = 0;

	(void)state;
	for (int i = 0; n < 100; i++) {
		snprintf(words[n], sizeof(words[n]), "w%d", i);
		if (slot_of(words[n]) == slot_of("w0"))
			n++;
	}
	for (int i = 0; i < 100; i++) {
		got[i] = arena_word(a, words[i], &failed);
		assert_string_equal(got[i], words[i]);
	}
	for (int i = 0; i < 100; i++) {
		const char *again = arena_word(a, words[i], &failed);

		assert_string_equal(again, words[i]);
		if (i < 10)
			assert_ptr_equal(again, got[i]);
	}
	assert_int_equal(failed, 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strdup),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_colliding_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
