/**
 * @file tz.h
 * @brief Time zones from the system tz database (TZif files), without touching TZ.
 *
 * A ::sk_tz is read once from `$TZDIR/NAME` (default /usr/share/zoneinfo) and
 * expanded into a table of UTC offsets up to the year 2200, so every lookup is
 * a binary search and no global state (the TZ variable) is ever changed.
 *
 * Ownership: sk_tz_open() allocates; sk_tz_free() frees (NULL is accepted).
 */
#ifndef SLAKIT_TZ_H
#define SLAKIT_TZ_H

#include <stdint.h>

#include "slakit/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** Seconds since 1970-01-01T00:00:00Z; slakit's only internal notion of time. */
typedef int64_t sk_time;

/** A time zone: an IANA name and its UTC offsets. Opaque. */
struct sk_tz;

/** How a local time was mapped to an instant. */
enum sk_local_kind {
	SK_LOCAL_EXACT = 0, /**< the local time exists exactly once */
	SK_LOCAL_GAP,       /**< skipped by a DST change: moved forward by the gap */
	SK_LOCAL_FOLD       /**< happens twice: the first (earlier) instant is taken */
};

/** A civil (wall-clock) date and time, no zone attached. */
struct sk_civil {
	int year;   /**< e.g. 2027 */
	int month;  /**< 1..12 */
	int day;    /**< 1..31 */
	int hour;   /**< 0..23 (24 only as "end of day" in calendars) */
	int min;    /**< 0..59 */
	int sec;    /**< 0..59 */
};

/**
 * Open the zone @p name ("Europe/Amsterdam", "UTC", "America/Sao_Paulo").
 * Names with "..", or that are not a TZif file, are refused with SK_ERR_TZ.
 */
enum sk_err sk_tz_open(const char *name, struct sk_tz **out, struct sk_diag *d);

/** Free a zone; NULL is accepted. */
void sk_tz_free(struct sk_tz *tz);

/** The IANA name the zone was opened with. */
const char *sk_tz_name(const struct sk_tz *tz);

/** UTC offset in seconds (east positive) in force at instant @p t. */
int sk_tz_offset(const struct sk_tz *tz, sk_time t);

/** Wall-clock time at instant @p t in zone @p tz. */
void sk_tz_to_civil(const struct sk_tz *tz, sk_time t, struct sk_civil *out);

/**
 * The instant of the local time @p c in @p tz. In a DST gap the time is moved
 * forward by the length of the gap (02:30 on the spring-forward night in
 * Europe/Amsterdam becomes 03:30 CEST); in a fold the first occurrence is
 * taken (02:30 on the fall-back night is 02:30 CEST). @p kind (may be NULL)
 * tells which case applied. Hour 24:00 means midnight of the next day.
 */
sk_time sk_tz_from_civil(const struct sk_tz *tz, const struct sk_civil *c,
			 enum sk_local_kind *kind);

/** Days since 1970-01-01 of a proleptic Gregorian date. */
int64_t sk_days_from_civil(int year, int month, int day);

/** The date of day number @p days (inverse of sk_days_from_civil()). */
void sk_civil_from_days(int64_t days, int *year, int *month, int *day);

/** Day of week of day number @p days: 0 = Monday ... 6 = Sunday. */
int sk_weekday(int64_t days);

/** 1 when @p year/@p month/@p day is a real date (31-02 is not). */
int sk_date_valid(int year, int month, int day);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
