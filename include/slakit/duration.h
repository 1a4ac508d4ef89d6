/**
 * @file duration.h
 * @brief Contract durations: `15m`, `4h`, `1d`, `2d`, `1h30m`, `90s`.
 *
 * Hours, minutes and seconds are business seconds of the calendar that uses
 * them; a day (`d`, also `werkdag`/`werkdagen`) is one standard business day
 * of that calendar (9 h for 08:00-17:00), so a duration stays symbolic until a
 * calendar resolves it.
 */
#ifndef SLAKIT_DURATION_H
#define SLAKIT_DURATION_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** A duration as written: whole standard days plus seconds. */
struct sk_duration {
	int set;         /**< 0: no duration given (target does not apply) */
	int64_t days;    /**< standard business days */
	int64_t seconds; /**< business seconds on top */
	int below;       /**< a target written `< 15min`: met only below it, the limit
			      itself is over; 0 (`15min`, `<= 15min`): met up to it */
	int eod;         /**< 1: a deadline, not a length (`eod`, `eod+N`): by the end of
			      the business day on which the clock starts, or of the
			      @ref eod_next th business day after it (days and seconds 0);
			      sk_calendar_end_of_day() places it */
	int64_t eod_next; /**< N of `eod+N` (0 for `eod`) */
};

/**
 * Parse @p text: one or more `<number><unit>` with unit d, h, m (or min), s,
 * optional blanks between; a bare `0` is zero. Dutch and English words are
 * accepted (`2 werkdagen`, `4 uur`, `15 min`, `1 day`, `8 hours`).
 * `eod` and `eod+N` (N up to 999) are deadlines at the end of a business
 * day (::sk_duration eod): a contract accepts them for ticket targets only.
 */
enum sk_err sk_duration_parse(const char *text, struct sk_duration *out,
			      struct sk_diag *d);

/** Seconds of @p dur when one day is @p day_seconds long (0 for an `eod` deadline,
 *  whose length depends on when its clock starts). */
int64_t sk_duration_seconds(const struct sk_duration *dur, int64_t day_seconds);

/** Write @p dur back as the shortest text (`1d`, `4h`, `1h30m`, `eod+1`) into @p buf. */
char *sk_duration_format(const struct sk_duration *dur, char *buf, size_t size);

/** Write @p seconds as `H:MM:SS` (hours may exceed 24) into @p buf. */
char *sk_seconds_format(int64_t seconds, char *buf, size_t size);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
