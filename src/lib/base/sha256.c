/*
 * SHA-256 through libcrypto (already loaded by libxlsxwriter, which uses its
 * MD5_* functions the same way). Reports name the contract and every input
 * by this hash, so an auditor can prove which files made a figure.
 *
 * The low-level SHA256_* functions, deprecated in OpenSSL 3, and not EVP:
 * EVP fetches the digest through the library context, and when one of the
 * allocations of libcrypto 3.0's one-time set-up fails, every later fetch
 * dereferences a NULL lock (an out-of-memory became a crash). These need no
 * context and allocate nothing; the state is ours.
 */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/sha.h>

#include "base.h"

int sha256_init(struct sha256 *s)
{
	SHA256_CTX *ctx = malloc(sizeof(*ctx));

	s->ctx = ctx;
	if (!ctx)
		return -1;
	if (SHA256_Init(ctx) != 1) {
		sha256_release(s);
		return -1;
	}
	return 0;
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	if (s->ctx && n)
		SHA256_Update(s->ctx, data, n);
}

void sha256_final_hex(struct sha256 *s, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[SHA256_DIGEST_LENGTH];
	unsigned int len = SHA256_DIGEST_LENGTH;

	hex[0] = '\0';
	if (!s->ctx || SHA256_Final(md, s->ctx) != 1) {
		sha256_release(s);
		return;
	}
	for (unsigned int i = 0; i < len; i++) {
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
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot open: %s", strerror(errno));
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
	if (!hex[0])
		rc = sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "cannot hash: out of memory");
out:
	sha256_release(&s);
	fclose(fp);
	return rc;
}
