/*
 * SHA-256 through nettle. Reports name the contract and every input by this
 * hash, so an auditor can prove which files made a figure.
 *
 * Not libcrypto: its EVP interface fetches the digest through a library
 * context, and when one of the allocations of libcrypto 3.0's one-time
 * set-up fails, every later fetch dereferences a NULL lock (an out of
 * memory became a crash; tests/e2e/alloc_faults.sh found it), while its
 * context-free SHA256_* functions are deprecated. nettle's SHA-256 keeps its
 * state in a struct we own and allocates nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

#include <nettle/sha2.h>

/* nettle names its functions through macros that our own names would meet. */
#undef sha256_init
#undef sha256_update
#undef sha256_digest

int sha256_init(struct sha256 *s)
{
	struct sha256_ctx *ctx = malloc(sizeof(*ctx));

	s->ctx = ctx;
	if (!ctx)
		return -1;
	nettle_sha256_init(ctx);
	return 0;
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	if (s->ctx && n)
		nettle_sha256_update(s->ctx, n, data);
}

void sha256_final_hex(struct sha256 *s, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t md[SHA256_DIGEST_SIZE];

	hex[0] = '\0';
	if (!s->ctx)
		return;
	nettle_sha256_digest(s->ctx, sizeof(md), md);
	for (size_t i = 0; i < sizeof(md); i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
	sha256_release(s);
}

void sha256_release(struct sha256 *s)
{
	free(s->ctx);
	s->ctx = NULL;
}

enum sk_err sha256_file(const char *path, char hex[65], struct sk_diag *d)
{
	struct sha256 s = { 0 };
	unsigned char buf[16384];
	enum sk_err rc = SK_OK;
	FILE *fp;
	size_t got;

	hex[0] = '\0';
	fp = fopen(path, "rb");
	if (!fp)
		return sk_diag_set(d, errno == ENOMEM ? SK_ERR_NOMEM : SK_ERR_IO, path, 0, NULL,
				   "cannot open: %s", strerror(errno));
	if (sha256_init(&s) < 0) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
		goto out;
	}
	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		sha256_update(&s, buf, got);
	if (ferror(fp)) {
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot read: %s", strerror(errno));
		goto out;
	}
	sha256_final_hex(&s, hex);
out:
	sha256_release(&s);
	fclose(fp);
	return rc;
}
