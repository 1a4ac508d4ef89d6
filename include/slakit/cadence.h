/**
 * @file cadence.h
 * @brief Status-update cadence (updates to the customer while a ticket runs)
 * and the channel of the response.
 *
 * A priority with `update_every` owes the customer an update at least that
 * often, from the response to the resolution: no gap from the response to
 * the first update the customer saw, between two such updates, or from the
 * last one to the resolution (or, still open, to the evaluation instant) may
 * be longer than the interval, counted in business time of the priority's
 * calendar with the ticket's pauses left out (a pause stops the gap's clock).
 * Without a response time the cadence runs from the first update the
 * customer saw. Updates come from the `updates` import kind; internal notes
 * (not visible to the customer) do not count as updates, but they are
 * update data: a ticket without any update row is "not measured", never
 * held. `update_every = agreed` (updates on a date agreed per ticket, which
 * no export records) is shown as agreed and not measured.
 *
 * The response's channel is the channel of the ticket's first update (visible
 * or internal) when that update was made no later than one minute after the
 * response time; otherwise it is not known and nothing is flagged. A
 * priority with `response_by` flags a known channel that differs.
 */
#ifndef SLAKIT_CADENCE_H
#define SLAKIT_CADENCE_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/compute.h"
#include "slakit/decimal.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What came of a ticket's cadence. */
enum sk_cadence_state {
	SK_CADENCE_NA = 0,        /**< its priority sets no update interval */
	SK_CADENCE_AGREED,        /**< `update_every = agreed`: not measured */
	SK_CADENCE_NOT_MEASURED,  /**< no update data for the ticket (or no response and no
				       update the customer saw, so no start) */
	SK_CADENCE_HELD,          /**< resolved, every gap within the interval */
	SK_CADENCE_LATE,          /**< a gap longer than the interval */
	SK_CADENCE_RUNNING        /**< still open, no gap over the interval so far */
};

/** Where a gap starts or ends. */
enum sk_gap_end {
	SK_GAP_RESPONSE = 0,      /**< the response (or the first update without one) */
	SK_GAP_UPDATE,            /**< an update the customer saw */
	SK_GAP_RESOLUTION,        /**< the resolution */
	SK_GAP_RUNNING            /**< the evaluation instant: still open */
};

/** One gap between updates. */
struct sk_update_gap {
	sk_time from, to;
	enum sk_gap_end from_kind, to_kind;
	int64_t business;         /**< business seconds of the priority's calendar, pauses out */
	int64_t paused;           /**< business seconds of pauses left out */
	int late;                 /**< 1: business > the interval */
};

/** The cadence of one ticket. */
struct sk_cadence {
	const char *ticket;       /**< ticket id (the results' string) */
	size_t result;            /**< index into the results */
	int priority;             /**< the priority its verdict applied */
	enum sk_cadence_state state;
	int64_t interval;         /**< business seconds allowed, 0 when not measured */
	sk_time from;             /**< the cadence's start, 0: none */
	sk_time until;            /**< resolution, 0: still open at the evaluation instant */
	long updates;             /**< updates the customer saw from start to end */
	long internal;            /**< internal notes of the ticket (not counted as updates) */
	struct sk_update_gap *gaps; /**< in time order (owned by the set) */
	size_t n_gaps;
	long late;                /**< gaps over the interval */
	int64_t longest;          /**< the longest gap's business seconds, -1: none */
	const char *response_channel; /**< the response's channel, NULL: not known */
	int response_wrong;       /**< 1: the priority's `response_by` asks another channel */
};

/** The cadence of every ticket of a result set whose priority measures it. */
struct sk_cadences {
	struct sk_cadence *t;     /**< by ticket id */
	size_t n;
	sk_time as_of;            /**< evaluated at */
};

/** One priority's figures in the report. */
struct sk_report_cadence_prio {
	int priority;             /**< contract index */
	int agreed;               /**< `update_every = agreed`: nothing measured */
	int64_t interval;         /**< business seconds, 0 when agreed */
	long tickets;             /**< tickets of the priority in the period */
	long held, late, running, not_measured;
	sk_dec pct;               /**< held / (held + late) × 100 at pct_decimals; 0: none */
	int has_pct;              /**< 0: nothing decided */
};

/** The cadence part of a report (NULL when the contract measures none). */
struct sk_report_cadence {
	struct sk_cadences all;   /**< per ticket */
	struct sk_report_cadence_prio *p; /**< per priority with update_every or response_by */
	size_t n_p;
	long late_gaps;           /**< late gaps in all */
	long wrong_channel;       /**< responses not by the channel asked */
};

#ifdef __cplusplus
}
#endif
#endif
