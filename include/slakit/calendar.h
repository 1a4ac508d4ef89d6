/**
 * @file calendar.h
 * @brief Business-hour calendars and exact business-time arithmetic.
 *
 * A calendar is working intervals per weekday (several per day allowed), a
 * time zone, and a holiday set. It answers, exact to the second and across
 * DST changes: business seconds between two instants, the instant at which N
 * business seconds after a start are used up, and the next business moment.
 *
 * Every query costs O(log n) in the span: the calendar keeps a table of
 * cumulative business seconds per local day, built lazily for the years that
 * queries touch (so queries take a non-const calendar).
 *
 * Ownership: sk_calendar_new() allocates; sk_calendar_free() frees (NULL ok).
 * The calendar borrows its ::sk_tz and ::sk_holidays: they must outlive it.
 */
#ifndef SLAKIT_CALENDAR_H
#define SLAKIT_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/error.h"
#include "slakit/holidays.h"
#include "slakit/tz.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** Most working intervals one weekday can have. */
#define SK_MAX_INTERVALS 8

/** A working interval within a local day, in seconds after midnight. */
struct sk_interval {
	int start; /**< 0..86399 */
	int end;   /**< start+1..86400 (86400 = midnight at the end of the day) */
};

struct sk_calendar;

/** A business-time contribution of one local day (for derivations). */
struct sk_day_part {
	int64_t day;     /**< days since 1970-01-01 (local date) */
	sk_time from;    /**< first counted instant */
	sk_time to;      /**< end of the counted time */
	int64_t seconds; /**< business seconds counted on this day */
};

/**
 * A new calendar named @p name (copied) in zone @p tz with holidays @p hol
 * (may be NULL: no holidays). It has no working time until intervals are set.
 */
enum sk_err sk_calendar_new(const char *name, const struct sk_tz *tz,
			    struct sk_holidays *hol, struct sk_calendar **out);

/** Free a calendar; NULL is accepted. */
void sk_calendar_free(struct sk_calendar *cal);

/** The calendar's name. */
const char *sk_calendar_name(const struct sk_calendar *cal);

/** The calendar's zone. */
const struct sk_tz *sk_calendar_tz(const struct sk_calendar *cal);

/** The calendar's holidays (may be NULL). */
struct sk_holidays *sk_calendar_holidays(const struct sk_calendar *cal);

/**
 * Add working interval [@p start, @p end) (seconds after local midnight) to
 * weekday @p wday (0 = Monday). Intervals of a day must not overlap.
 */
enum sk_err sk_calendar_add_interval(struct sk_calendar *cal, int wday, int start,
				     int end, struct sk_diag *d);

/** Make every day 00:00-24:00 and ignore holidays (a 24x7 calendar). */
void sk_calendar_set_24x7(struct sk_calendar *cal);

/** 1 for a 24x7 calendar. */
int sk_calendar_is_24x7(const struct sk_calendar *cal);

/** The intervals of weekday @p wday; returns their count. */
size_t sk_calendar_intervals(const struct sk_calendar *cal, int wday,
			     const struct sk_interval **out);

/**
 * Set the length of one standard business day ("1 werkdag"). When never set,
 * it is the length most weekdays have (ties: the longest); 24 h for 24x7.
 */
void sk_calendar_set_standard_day(struct sk_calendar *cal, int64_t seconds);

/** The length of one standard business day in seconds. */
int64_t sk_calendar_standard_day(const struct sk_calendar *cal);

/**
 * Business seconds in [@p a, @p b); negative when @p b < @p a. Fails only
 * when an instant lies outside the years 1900-2199 or memory runs out.
 */
enum sk_err sk_calendar_between(struct sk_calendar *cal, sk_time a, sk_time b,
				int64_t *out);

/**
 * The first instant t >= @p start with between(start, t) == @p seconds: the
 * deadline of a target of @p seconds business seconds (>= 0) started at
 * @p start. A target that uses up a working day exactly ends at that
 * day's closing time, not at the next opening.
 */
enum sk_err sk_calendar_add(struct sk_calendar *cal, sk_time start, int64_t seconds,
			    sk_time *out);

/**
 * The deadline `eod+@p next`: the end (closing time) of the business day on
 * which a clock started at @p t starts, i.e. the local day of its first
 * business moment (sk_calendar_next_business(); so an instant outside
 * business hours belongs to the next business day), or of the @p next th
 * business day after that one (days without business time, weekends and
 * holidays, skipped). Fails like sk_calendar_add().
 */
enum sk_err sk_calendar_end_of_day(struct sk_calendar *cal, sk_time t, int64_t next,
				   sk_time *out);

/** The first instant >= @p t that is business time (@p t itself when it is). */
enum sk_err sk_calendar_next_business(struct sk_calendar *cal, sk_time t, sk_time *out);

/** 1 when instant @p t lies in business time. */
int sk_calendar_is_business(struct sk_calendar *cal, sk_time t);

/**
 * Business seconds of [@p a, @p b) split by local day, for an auditor's
 * derivation: fills up to @p max parts (days with 0 seconds left out) and
 * returns in @p *n how many there are in all.
 */
enum sk_err sk_calendar_split(struct sk_calendar *cal, sk_time a, sk_time b,
			      struct sk_day_part *parts, size_t max, size_t *n);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
