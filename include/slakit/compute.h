/**
 * @file compute.h
 * @brief Per-ticket SLA verdicts: clocks, pauses, targets, deadlines, flags.
 *
 * The rules (each a contract setting where it says so; sla-compute(1) RULES):
 *  - every clock starts at the first business moment at or after registration
 *    (the resolution clock at the response instead when the contract says
 *    `resolution_start = responded`);
 *  - pauses come from status history (the contract's pausing statuses; time
 *    between a resolution and a reopen counts as paused too) and from explicit
 *    intervals; they are merged and remove only business time of the
 *    priority's calendar; they stop the resolution clock, not the response;
 *  - the deadline is the instant at which the target's business seconds run
 *    out, pauses skipped;
 *  - a status means what the contract's lists (pause_statuses,
 *    resolved_statuses, closed_statuses, working_statuses) say of it; a word
 *    they do not name means what its import stored (the map's [statuses]);
 *  - a P1-uplift is measured as the most urgent priority from registration;
 *  - a target written `none` is not measured (SK_FLAG_NOT_MEASURED), nor is
 *    the response of a ticket whose export has no response time
 *    (SK_FLAG_RESPONSE_UNMEASURED): both clocks SK_CLOCK_NA;
 *  - a clock that stopped by its deadline is met and counts in the period in
 *    which it stopped; one that stopped later, or is still running past its
 *    deadline at the evaluation instant, is breached and counts in the period
 *    in which its target was first exceeded (once, in no later period); the
 *    rest is pending;
 *  - an onsite visit is held to the priority's `onsite` target (or, with
 *    `onsite_default = resolution`, to the ticket's resolution target) from
 *    registration, without pauses; only a visit made by the evaluation instant
 *    has a verdict, and it counts in the period of the visit;
 *  - a device swap is held to the priority's `swap` target, and an emergency
 *    workplace to its `swap_emergency` target, both from the swap request
 *    (else registration); either in time meets the swap.
 *
 * Ownership: sk_compute_ticket() fills a caller-owned ::sk_verdict and may
 * allocate inside it; sk_verdict_release() frees that (NULL is accepted).
 */
#ifndef SLAKIT_COMPUTE_H
#define SLAKIT_COMPUTE_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/calendar.h"
#include "slakit/contract.h"
#include "slakit/error.h"
#include "slakit/ticket.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** End of a merged pause that has not ended in the data (still waiting). */
#define SK_PAUSE_OPEN (INT64_MAX / 4)

/** State of one clock. */
enum sk_clock_state {
	SK_CLOCK_NA = 0,   /**< no target applies */
	SK_CLOCK_MET,      /**< stopped within target */
	SK_CLOCK_BREACHED, /**< stopped late, or running past its deadline */
	SK_CLOCK_PENDING   /**< running, deadline not yet passed (or unknown while paused) */
};

/** One clock of a ticket (response or resolution). */
struct sk_clock {
	enum sk_clock_state state;
	int calendar;          /**< contract calendar index used */
	sk_time start;         /**< clock start (first business moment) */
	sk_time stop;          /**< when it stopped, 0 when still running */
	int64_t elapsed;       /**< business seconds counted, pauses excluded */
	int64_t paused;        /**< business seconds paused */
	int64_t target;        /**< business seconds allowed */
	int below;             /**< 1: met only below the target (contract `< 15min`);
				    0: met up to and at it */
	sk_time deadline;      /**< when the target runs out, 0 when unknown */
	sk_time counts_at;     /**< instant deciding the period: the stop (met) or the first
				    second over the target (breached); 0: pending */
};

/** Why a ticket is listed apart. */
enum sk_flag {
	SK_FLAG_WRONG_CHANNEL = 1 << 0,   /**< priority requires another channel (P1 by phone) */
	SK_FLAG_UPLIFT = 1 << 1,          /**< P1-uplift for one employee */
	SK_FLAG_MATRIX = 1 << 2,          /**< priority differs from the priority matrix */
	SK_FLAG_REOPENED = 1 << 3,        /**< reopened after resolution */
	SK_FLAG_IMPOSSIBLE = 1 << 4,      /**< timeline that cannot be (response before report...) */
	SK_FLAG_PRIORITY_CHANGED = 1 << 5,/**< priority changed during its life */
	SK_FLAG_AFTER_HOURS = 1 << 6,     /**< response measured on the after-hours calendar */
	SK_FLAG_NO_RESPONSE = 1 << 7,     /**< resolution clock from registration: no response time */
	SK_FLAG_CHANNEL_UNKNOWN = 1 << 8, /**< the priority requires a channel the export does not record */
	SK_FLAG_NOT_MEASURED = 1 << 9,    /**< a target is `none`: that clock is outside the
					       agreement (both: excluded, listed apart) */
	SK_FLAG_RESPONSE_UNMEASURED = 1 << 10, /**< its export has no response time: the
					       response is not measured (not a breach) */
	SK_FLAG_UPLIFT_UNMOTIVATED = 1 << 11   /**< P1-uplift without a recorded motivation */
};

/** Number of flags in ::sk_flag. */
#define SK_FLAG_COUNT 12

/** Short English name of a flag bit ("wrong-channel", "uplift"...). */
const char *sk_flag_name(unsigned flag);

/** The verdict on one ticket. */
struct sk_verdict {
	int priority;          /**< priority applied (contract rule: final/initial/highest) */
	int matrix_priority;   /**< what the matrix gives, -1 when it cannot tell */
	unsigned flags;        /**< ::sk_flag bits */
	int excluded;          /**< 1: not in the figures (listed apart) */
	char *reason;          /**< why flagged or excluded, for people; "" when nothing
				    to say, never NULL once computed (owned) */
	struct sk_clock response;
	struct sk_clock resolution;
	struct sk_pause *pauses;  /**< merged pauses, real ends or SK_PAUSE_OPEN (owned) */
	size_t n_pauses;
	int64_t onsite_elapsed;   /**< business seconds to onsite, -1 when n/a */
	int onsite_met;           /**< 1, 0, -1 n/a */
	struct sk_clock onsite;   /**< the onsite visit: from registration to the visit on the
				       priority's calendar, no pauses; SK_CLOCK_NA without a
				       visit by the evaluation instant or without a target.
				       Decided by the visit: counts_at is the visit's time */
	int onsite_from_resolution; /**< 1: held to the resolution target (the priority has
				       no onsite target; `onsite_default = resolution`) */
	struct sk_clock swap;     /**< the device swap (Halt §10.1.5): from the swap request
				       (else registration) to a working replacement, against
				       the priority's `swap` target, no pauses; SK_CLOCK_NA
				       when the priority has none or no swap is known */
	struct sk_clock emergency; /**< an emergency workplace, from the same start against
				       `swap_emergency`; SK_CLOCK_NA without that target */
	enum sk_clock_state swap_state; /**< the swap's verdict: met when the device or the
				       emergency workplace came in time; pending while either
				       still can; else breached */
	sk_time swap_counts_at;   /**< the instant that places the swap's verdict in a period
				       (0: pending or none): see sla-compute(1) */
	int swap_from_report;     /**< 1: no swap request time: measured from registration */
	int64_t mttr_wall;        /**< resolved - reported in seconds, -1 when open */
	int64_t mttr_business;    /**< business seconds to the resolution, the clock's pauses
				       left out (the resolution clock's elapsed, unless a
				       workaround stopped that earlier), -1 when open or
				       without a resolution clock */
	int64_t mttp_business;    /**< business seconds to productive, -1 when unknown */
	int64_t mttp_wall;        /**< productive - reported, -1 when unknown */
};

/**
 * Compute the verdict on ticket @p t under contract @p c, evaluated at
 * instant @p as_of (usually the end of the reporting period: clocks running
 * then are breached or pending). Fails only on impossible input the import
 * should have refused, or out of memory.
 */
enum sk_err sk_compute_ticket(struct sk_contract *c, const struct sk_ticket *t, sk_time as_of,
			      struct sk_verdict *v, struct sk_diag *d);

/**
 * ::sk_status_kind bits of @p status under contract @p c (with
 * SK_STATUS_CLASSIFIED), for loaders that classify each distinct status once.
 * The contract's lists only: sk_compute_classify_event() adds what the
 * import stored.
 */
unsigned sk_compute_classify_status(const struct sk_contract *c, const char *status);

/**
 * ::sk_status_kind bits of a status event: the contract's lists when they
 * name @p status, else @p imported (what the import stored, ::sk_status_event)
 * with SK_STATUS_BY_IMPORT. The one place a status gets its meaning.
 */
unsigned sk_compute_classify_event(const struct sk_contract *c, const char *status,
				   unsigned imported);

/** Free what a verdict holds; NULL is accepted. */
void sk_verdict_release(struct sk_verdict *v);

/**
 * The business seconds of [@p from, @p to) on the calendar of priority @p p,
 * for the KPIs measured on tickets (hand-over, RCA, onsite); -1 when either
 * instant is missing.
 */
int64_t sk_compute_business(struct sk_contract *c, int p, sk_time from, sk_time to);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
