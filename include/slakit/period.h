/**
 * @file period.h
 * @brief Reporting periods: a month, a quarter, a half year or a year.
 *
 * Periods run from local midnight on their first day to local midnight after
 * their last day, in the contract's zone.
 */
#ifndef SLAKIT_PERIOD_H
#define SLAKIT_PERIOD_H

#include <stddef.h>

#include "slakit/error.h"
#include "slakit/tz.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** The length of a period. */
enum sk_period_kind {
	SK_PERIOD_MONTH = 0,
	SK_PERIOD_QUARTER,
	SK_PERIOD_HALF,
	SK_PERIOD_YEAR
};

/** A period and its instants. */
struct sk_period {
	enum sk_period_kind kind;
	int year;
	int index;          /**< month 1-12, quarter 1-4, half 1-2, or 1 for a year */
	int first_month;    /**< 1..12 */
	int months;         /**< 1, 3, 6 or 12 */
	sk_time start;      /**< local midnight of the first day */
	sk_time end;        /**< local midnight after the last day (exclusive) */
	char label[16];     /**< "2027-01", "2027-Q1", "2027-H1", "2027" */
};

/**
 * Parse `2027-01`, `2027-Q1`, `2027-H1` or `2027` and place it in zone @p tz.
 * SK_ERR_SYNTAX with a reason in @p d otherwise.
 */
enum sk_err sk_period_parse(const char *text, const struct sk_tz *tz, struct sk_period *out,
			    struct sk_diag *d);

/** The month period @p year-@p month in @p tz. */
void sk_period_month(int year, int month, const struct sk_tz *tz, struct sk_period *out);

/** The month (1-based index @p i < months) within period @p p. */
void sk_period_nth_month(const struct sk_period *p, int i, const struct sk_tz *tz,
			 struct sk_period *out);

/** The quarter a period lies in (for a month: its quarter). */
void sk_period_quarter_of(const struct sk_period *p, const struct sk_tz *tz,
			  struct sk_period *out);

/** The period of the same kind that follows @p p. */
void sk_period_next(const struct sk_period *p, const struct sk_tz *tz, struct sk_period *out);

/** 1 when instant @p t lies in @p p. */
int sk_period_contains(const struct sk_period *p, sk_time t);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
