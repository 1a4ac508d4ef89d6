/**
 * @file decimal.h
 * @brief Exact decimal numbers for norms, percentages, weights and money.
 *
 * An ::sk_dec is an integer count of millionths (6 decimals), so "93.75" is
 * 93750000 and rounding half-up to one decimal gives exactly 93.8, as a
 * person with a calculator does it, never at the mercy of binary floating
 * point. Money is kept apart, in integer cents (int64_t).
 */
#ifndef SLAKIT_DECIMAL_H
#define SLAKIT_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** A decimal number in millionths. */
typedef int64_t sk_dec;

/** One, as an ::sk_dec. */
#define SK_DEC_ONE INT64_C(1000000)

/** An integer as an ::sk_dec. */
#define SK_DEC(n) ((sk_dec)(n) * SK_DEC_ONE)

/**
 * Parse `93.8`, `93,8`, `-2`, `99,75 %` (a trailing `%` and blanks are
 * allowed) with at most 6 decimals. SK_ERR_SYNTAX otherwise.
 */
enum sk_err sk_dec_parse(const char *text, sk_dec *out, struct sk_diag *d);

/** Round @p v half-up (away from zero on .5) to @p decimals (0..6) places. */
sk_dec sk_dec_round(sk_dec v, int decimals);

/** @p a * @p b, rounded half-up to 6 decimals. */
sk_dec sk_dec_mul(sk_dec a, sk_dec b);

/**
 * @p a / @p b, rounded half-up to 6 decimals; SK_ERR_RANGE when @p b is 0.
 * Exact: the rounding looks at the true remainder, not at a float.
 */
enum sk_err sk_dec_div(sk_dec a, sk_dec b, sk_dec *out);

/**
 * @p num / @p den * 100 rounded half-up to @p decimals places, computed on the
 * exact fraction (so 75/80 gives 93.8 and 68/70 gives 97.1 at one decimal).
 */
enum sk_err sk_dec_percent(sk_dec num, sk_dec den, int decimals, sk_dec *out);

/**
 * Write @p v with exactly @p decimals places and decimal mark @p mark ('.'
 * or ',') into @p buf. Returns @p buf.
 */
char *sk_dec_format(sk_dec v, int decimals, char mark, char *buf, size_t size);

/** Write @p v with the fewest decimals that show it exactly ("98", "93.75"). */
char *sk_dec_format_short(sk_dec v, char mark, char *buf, size_t size);

/** Parse an amount in euros (`12345.67`, `12.345,67`, `€ 1.000`) into cents. */
enum sk_err sk_cents_parse(const char *text, int64_t *out, struct sk_diag *d);

/** @p cents * @p percent / 100, rounded half-up to a whole cent. */
int64_t sk_cents_percent(int64_t cents, sk_dec percent);

/** Write cents as `1234.50` (mark '.') or `1.234,50` (mark ','). */
char *sk_cents_format(int64_t cents, char mark, char *buf, size_t size);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
