/* SHA-256: the FIPS 180-4 examples, block boundaries, chunked input, files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/base.h"

static const char *hash(const void *data, size_t n, char hex[65])
{
	struct sha256 s = { 0 };

	sha256_init(&s);
	sha256_update(&s, data, n);
	sha256_final_hex(&s, hex);
	return hex;
}

static void test_fips_examples(void **state)
{
	char hex[65];
	const char *two_blocks = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
				 "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

	(void)state;
	assert_string_equal(hash("", 0, hex),
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(hash("abc", 3, hex),
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_string_equal(
		hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex),
		"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_string_equal(hash(two_blocks, strlen(two_blocks), hex),
			    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void **state)
{
	struct sha256 s = { 0 };
	char block[1000], hex[65];

	(void)state;
	memset(block, 'a', sizeof(block));
	sha256_init(&s);
	for (int i = 0; i < 1000; i++)
		sha256_update(&s, block, sizeof(block));
	sha256_final_hex(&s, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Lengths around the 56- and 64-byte padding edges, fed whole and byte by byte. */
static void test_boundaries(void **state)
{
	static const struct {
		size_t n;
		const char *hex;
	} cases[] = {
		{ 55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b" },
		{ 56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27" },
		{ 63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055" },
		{ 64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241" },
		{ 65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e" },
		{ 119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e" },
		{ 120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5" },
		{ 127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07" },
		{ 128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6" },
	};
	unsigned char data[128];
	char hex[65];

	(void)state;
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)((i * 7 + 3) & 255);
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct sha256 s = { 0 };

		assert_string_equal(hash(data, cases[c].n, hex), cases[c].hex);
		sha256_init(&s);
		for (size_t i = 0; i < cases[c].n; i++)
			sha256_update(&s, data + i, 1);
		sha256_final_hex(&s, hex);
		assert_string_equal(hex, cases[c].hex);
		/* Uneven chunks that straddle the block edge. */
		sha256_init(&s);
		sha256_update(&s, data, cases[c].n / 3);
		sha256_update(&s, data + cases[c].n / 3, 0);
		sha256_update(&s, data + cases[c].n / 3, cases[c].n - cases[c].n / 3);
		sha256_final_hex(&s, hex);
		assert_string_equal(hex, cases[c].hex);
	}
}

static const char *data_path(const char *name, char *buf, size_t size)
{
	const char *dir = getenv("SK_TESTDATA");

	snprintf(buf, size, "%s/%s", dir && *dir ? dir : "data", name);
	return buf;
}

static void test_file(void **state)
{
	char path[1024], hex[65];
	struct sk_diag d;

	(void)state;
	assert_int_equal(sha256_file(data_path("sha256/abc.txt", path, sizeof(path)), hex, &d),
			 SK_OK);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(sha256_file(data_path("sha256/empty.txt", path, sizeof(path)), hex,
					&d), SK_OK);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	data_path("sha256/no-such-file", path, sizeof(path));
	assert_int_equal(sha256_file(path, hex, &d), SK_ERR_IO);
	assert_string_equal(d.file, path);
	assert_int_equal(d.line, 0);
	assert_string_equal(d.msg, "cannot open: No such file or directory");
	assert_string_equal(hex, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fips_examples),
		cmocka_unit_test(test_million_a),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
