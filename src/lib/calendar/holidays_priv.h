/* What ics.c needs from holidays.c beyond the public API. */
#ifndef SLAKIT_HOLIDAYS_PRIV_H
#define SLAKIT_HOLIDAYS_PRIV_H

#include "slakit/holidays.h"

/*
 * Add an event that recurs every year on the date of @first_day (days since
 * epoch), @span days long, from that year on, @count times (0: no limit) and
 * not after @until (days since epoch, INT64_MAX: no limit).
 */
enum sk_err holidays_add_yearly(struct sk_holidays *h, int64_t first_day, int span,
				   int count, int64_t until, const char *name);

/* Remove one day that a recurring event would otherwise close (EXDATE). */
enum sk_err holidays_add_exception(struct sk_holidays *h, int64_t day);

#endif
