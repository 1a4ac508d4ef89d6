/**
 * @file holidays.h
 * @brief Holiday sets: the Dutch statutory days, explicit dates and iCalendar files.
 *
 * A ::sk_holidays holds rules (the built-in `nl` set with its options) and
 * explicit dates (extra closed days, days read from .ics files). Calendars ask
 * it which days of a year are closed.
 *
 * Ownership: sk_holidays_new() allocates; sk_holidays_free() frees (NULL ok).
 * Names passed in are copied.
 */
#ifndef SLAKIT_HOLIDAYS_H
#define SLAKIT_HOLIDAYS_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** When 5 mei (Bevrijdingsdag) is a day off in the `nl` set. */
enum sk_liberation {
	SK_LIBERATION_EVERY = 0, /**< every year, as the Algemene termijnenwet lists it */
	SK_LIBERATION_LUSTRUM,   /**< every fifth year (2025, 2030, ...), as many CAOs do */
	SK_LIBERATION_NEVER      /**< never */
};

/** Options of the built-in Dutch set. */
struct sk_nl_options {
	int good_friday;                 /**< 1: Goede Vrijdag is closed too */
	enum sk_liberation liberation;   /**< 5 mei rule */
};

/** One closed day. */
struct sk_holiday {
	int64_t day;      /**< days since 1970-01-01 */
	const char *name; /**< owned by the set */
};

struct sk_holidays;

/** An empty set. */
enum sk_err sk_holidays_new(struct sk_holidays **out);

/** Free a set; NULL is accepted. */
void sk_holidays_free(struct sk_holidays *h);

/** Turn the built-in Dutch statutory set on, with @p opt (NULL: defaults). */
void sk_holidays_use_nl(struct sk_holidays *h, const struct sk_nl_options *opt);

/** Add one explicit closed day (@p name may be NULL: "gesloten"). */
enum sk_err sk_holidays_add(struct sk_holidays *h, int64_t day, const char *name);

/**
 * Add the all-day events of an iCalendar file (VEVENT with DTSTART, optional
 * DTEND or DURATION in days, SUMMARY, and RRULE:FREQ=YEARLY with optional
 * COUNT/UNTIL). Other recurrence rules are refused with the line number.
 */
enum sk_err sk_holidays_add_ics(struct sk_holidays *h, const char *path,
				struct sk_diag *d);

/**
 * The closed days of @p year, sorted by day, duplicates merged (first name
 * kept). Fills @p *out (owned by @p h, valid until the next call) and @p *n.
 */
enum sk_err sk_holidays_year(struct sk_holidays *h, int year,
			     const struct sk_holiday **out, size_t *n);

/** 1 when day @p day is closed. */
int sk_holidays_contains(struct sk_holidays *h, int64_t day);

/** Easter Sunday of @p year (Gregorian computus), as month and day. */
void sk_easter(int year, int *month, int *day);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
