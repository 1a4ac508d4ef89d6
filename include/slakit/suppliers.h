/**
 * @file suppliers.h
 * @brief Hand-overs to the customer's other suppliers (Single Point of Contact).
 *
 * A ticket is with a supplier during a hand-over: imported (`handovers`
 * kind), or read from status history (a status of `[supplier.ID] statuses`,
 * or one of `[rules] supplier_statuses` with the ticket's supplier column),
 * from that status until the next one that does not mean that supplier. A
 * ticket with imported hand-overs takes those only. Each hand-over has the
 * supplier's own clocks, on the supplier's calendar against its target for
 * the ticket's priority: the response clock stops at the supplier's response
 * (else at the hand-over's end), the resolution clock at the end.
 *
 * Ownership: the report (sk_report::suppliers) owns these; strings live in
 * the report's memory.
 */
#ifndef SLAKIT_SUPPLIERS_H
#define SLAKIT_SUPPLIERS_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/compute.h"
#include "slakit/decimal.h"
#include "slakit/period.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One hand-over of a ticket to a supplier, with the supplier's clocks. */
struct sk_handover {
	const char *ticket;        /**< ticket id */
	int supplier;              /**< contract supplier index, -1: not one of the contract's */
	const char *supplier_name; /**< the supplier as recorded (its id when known) */
	const char *ref;           /**< the supplier's own reference, NULL when none */
	int from_status;           /**< 1: read from status history, 0: imported */
	int priority;              /**< the ticket's priority index, -1 when unknown */
	sk_time start;             /**< handed to the supplier */
	sk_time end;               /**< back with the desk, 0: still with the supplier */
	sk_time responded;         /**< the supplier's response, 0: not recorded */
	struct sk_clock response;  /**< on the supplier's calendar; SK_CLOCK_NA without target */
	struct sk_clock resolution;
	enum sk_clock_state state; /**< breached when a clock is, else pending when one is,
				        else met when one is, else n/a */
	sk_time counts_at;         /**< the instant deciding its period (see sk_clock), for n/a
				        the end; 0: pending or still open */
	int64_t business;          /**< business seconds of the supplier's calendar with it
				        (to its end or the evaluation instant) */
};

/** The hand-overs of one evaluation (a period's, or one ticket's). */
struct sk_handovers {
	struct sk_handover *h;     /**< by ticket, start, supplier */
	size_t n;
	sk_time as_of;             /**< evaluated at */
};

/** How one ticket's business time was spent, on its priority's calendar. */
struct sk_ticket_split {
	size_t result;             /**< index into the results */
	int64_t total;             /**< registration to resolution (or the period's end) */
	int64_t desk;              /**< with the desk: neither paused nor with a supplier */
	int64_t customer;          /**< paused, not with a supplier (the customer) */
	int64_t suppliers;         /**< with any supplier (overlaps counted once) */
	int64_t *per_supplier;     /**< per contract supplier, then one for suppliers not in
				        the contract (n_suppliers + 1) */
};

/** One supplier's figures in a period or a quarter of it. */
struct sk_supplier_figures {
	long handovers;            /**< hand-overs decided (met or breached) in the window */
	long within;               /**< of which met */
	long pending;              /**< still running at the window's end */
	long without_target;       /**< ended in the window, no target applies */
	sk_dec pct;                /**< within / handovers × 100 at pct_decimals; 0 when none */
	long timed;                /**< ended hand-overs whose time is averaged */
	int64_t business;          /**< their business seconds together */
	int64_t mean;              /**< mean business seconds, -1 when none */
	int64_t median;            /**< median (the lower middle of an even count), -1: none */
};

/** A supplier's section of the report. */
struct sk_report_supplier {
	int supplier;              /**< contract index, -1: suppliers not in the contract */
	const char *name;          /**< as shown */
	struct sk_supplier_figures fig;
	size_t *breaches;          /**< indexes into sk_report_suppliers::all.h of its breached
				        hand-overs counted in the period */
	size_t n_breaches;
	struct sk_supplier_figures *quarters; /**< one per sk_report_suppliers::quarters */
};

/** The suppliers' part of a report. */
struct sk_report_suppliers {
	struct sk_handovers all;   /**< every hand-over in the period's scope */
	struct sk_report_supplier *s; /**< per contract supplier in contract order, then the
					   unknown ones when there are any */
	size_t n;
	struct sk_ticket_split *splits; /**< per ticket in the results with a hand-over */
	size_t n_splits;
	long desk_breaches;        /**< the desk's breached clocks counted in the period */
	long desk_breaches_held;   /**< of which a supplier held the ticket while the clock ran */
	sk_dec held_pct;           /**< that share × 100 at pct_decimals */
	struct sk_period *quarters;/**< the quarters of the period (scorecard columns) */
	size_t n_quarters;
};

#ifdef __cplusplus
}
#endif
#endif
