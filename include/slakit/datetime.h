/**
 * @file datetime.h
 * @brief Reading and writing dates and times as people and exports write them.
 *
 * Accepted by sk_datetime_parse():
 *  - `YYYY-MM-DD HH:MM[:SS[.fff]]` and `YYYY-MM-DDTHH:MM[:SS[.fff]]`, optionally
 *    followed by `Z`, `±HH:MM`, `±HHMM` or `±HH` (an offset makes the time absolute);
 *  - `DD-MM-YYYY HH:MM[:SS]` (Dutch), also with `/` or `.` between the parts and
 *    without leading zeros (`3/1/2027 9:05`);
 *  - a date alone (`YYYY-MM-DD`, `DD-MM-YYYY`) meaning 00:00:00.
 * Fractions of a second are read and dropped (slakit counts whole seconds).
 * Times without an offset are local to the zone given when resolving.
 */
#ifndef SLAKIT_DATETIME_H
#define SLAKIT_DATETIME_H

#include <stddef.h>

#include "slakit/error.h"
#include "slakit/tz.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** A parsed date-time: civil fields, and an offset when the text had one. */
struct sk_datetime {
	struct sk_civil civil; /**< the fields as written */
	int has_offset;        /**< 1 when the text carried Z or ±HH:MM */
	int offset;            /**< that offset in seconds east of UTC */
	int has_time;          /**< 0 when only a date was given */
};

/**
 * Parse @p text (leading/trailing blanks ignored) into @p out. On failure
 * returns SK_ERR_SYNTAX (unreadable) or SK_ERR_RANGE (no such date or time,
 * e.g. 31-02-2027) with a reason in @p d (may be NULL; file and line are
 * left for the caller to fill).
 */
enum sk_err sk_datetime_parse(const char *text, struct sk_datetime *out,
			      struct sk_diag *d);

/**
 * Parse @p text with an explicit strptime-like @p fmt: `%Y %m %d %H %M %S`
 * (numbers, leading zeros optional), `%y` (two-digit year, 19xx above 68),
 * `%b` (English or Dutch month abbreviation), `%p` (AM/PM), `%z` (offset),
 * `%%`; any other character must match itself.
 */
enum sk_err sk_datetime_parse_fmt(const char *text, const char *fmt,
				  struct sk_datetime *out, struct sk_diag *d);

/**
 * The instant @p dt stands for: its own offset if it has one, otherwise the
 * local time in @p tz (gap and fold rules of sk_tz_from_civil(); @p kind may
 * be NULL).
 */
sk_time sk_datetime_resolve(const struct sk_datetime *dt, const struct sk_tz *tz,
			    enum sk_local_kind *kind);

/** Parse and resolve in one step. */
enum sk_err sk_time_parse(const char *text, const struct sk_tz *tz, sk_time *out,
			  enum sk_local_kind *kind, struct sk_diag *d);

/** Write @p t as local `YYYY-MM-DDTHH:MM:SS` in @p tz into @p buf (>= 20 bytes). */
char *sk_time_format_local(sk_time t, const struct sk_tz *tz, char *buf, size_t size);

/** Write @p t as local `YYYY-MM-DD HH:MM:SS±HH:MM` in @p tz (>= 26 bytes). */
char *sk_time_format_offset(sk_time t, const struct sk_tz *tz, char *buf, size_t size);

/** Write @p t as `YYYY-MM-DDTHH:MM:SSZ` (>= 21 bytes). */
char *sk_time_format_utc(sk_time t, char *buf, size_t size);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
