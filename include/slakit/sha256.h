/**
 * @file sha256.h
 * @brief SHA-256 (FIPS 180-4) of files and buffers, for contract and import hashes.
 *
 * Small enough to carry in the library rather than pull in a crypto
 * dependency for one hash.
 */
#ifndef SLAKIT_SHA256_H
#define SLAKIT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Running SHA-256 state; initialise with sk_sha256_init(). */
struct sk_sha256 {
	uint32_t h[8];        /**< chaining value */
	uint64_t len;         /**< bytes hashed so far */
	unsigned char buf[64];/**< partial block */
	size_t nbuf;          /**< bytes in buf */
};

/** Start a new hash. */
void sk_sha256_init(struct sk_sha256 *s);

/** Add @p n bytes. */
void sk_sha256_update(struct sk_sha256 *s, const void *data, size_t n);

/** Finish and write 64 lowercase hex digits plus NUL into @p hex (65 bytes). */
void sk_sha256_final_hex(struct sk_sha256 *s, char hex[65]);

/** Hash a whole file (@p path "-" is not accepted here). */
enum sk_err sk_sha256_file(const char *path, char hex[65], struct sk_diag *d);

#ifdef __cplusplus
}
#endif
#endif
