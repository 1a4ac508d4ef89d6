/**
 * @file results.h
 * @brief The verdicts of one reporting period, computed from the database.
 *
 * sk_results_compute() reads every ticket that can count in the period
 * (with its status history, pauses and earlier versions), computes its
 * verdict evaluated at the period's end (or just after the data's horizon,
 * when the data stops before it), and keeps those in scope: a clock
 * that counts in the period, or a ticket reported before the period's end
 * whose clocks are still pending then. sk_results_store() writes them to the
 * `ticket_results` table under a `result_runs` row per period and contract
 * SHA-256 (the view `ticket_results_v` joins them), so an auditor with
 * sqlite3 reads the figures sla-score and sla-report compute the same way.
 *
 * Ownership: sk_results_compute() allocates the set and everything in it;
 * sk_results_free() frees it (NULL is accepted).
 */
#ifndef SLAKIT_RESULTS_H
#define SLAKIT_RESULTS_H

#include <stdio.h>

#include "slakit/compute.h"
#include "slakit/contract.h"
#include "slakit/db.h"
#include "slakit/period.h"
#include "slakit/ticket.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** One ticket in scope and its verdict. */
struct sk_result {
	struct sk_ticket ticket;     /**< as loaded (strings owned by the set); its status
					  events and pauses are not kept (NULL, 0): the
					  verdict's pauses hold what they gave */
	struct sk_verdict v;         /**< verdict at the period's end */
	int response_counts;         /**< 1: the response counts in this period */
	int resolution_counts;       /**< 1: the resolution counts in this period */
	int pending;                 /**< 1: some clock is still pending at the period's end */
	int onsite_counts;           /**< 1: the onsite visit's verdict counts in this period */
	int swap_counts;             /**< 1: the device swap's verdict counts in this period */
};

/** The results of one period. */
struct sk_results {
	struct sk_period period;
	sk_time horizon;             /**< the data's horizon: the latest instant the ticket data
					  covers (imports.horizon, else its latest time); 0
					  when the database has no tickets */
	sk_time as_of;               /**< when the clocks were judged: the period's end, or the
					  instant after the horizon when that comes first (a
					  clock still running then whose deadline lies beyond
					  it is pending, not breached) */
	struct sk_result *r;         /**< sorted by ticket id */
	size_t n;
	struct sk_contract *contract; /**< borrowed */
	void *arena;                 /**< private: the tickets' strings and import ids */
};

/** Compute the verdicts of period @p p from database @p db. */
enum sk_err sk_results_compute(struct sk_db *db, struct sk_contract *c,
			       const struct sk_period *p, struct sk_results **out,
			       struct sk_diag *d);

/** Replace the stored results of this period and contract by @p r. */
enum sk_err sk_results_store(struct sk_db *db, const struct sk_results *r, struct sk_diag *d);

/**
 * sk_results_compute() and sk_results_store() at once: the store runs beside
 * the computation on a second connection to the same database file (and in
 * one go after it for a database without a file). The stored run is replaced
 * whole or not at all; on failure nothing is returned in @p out.
 */
enum sk_err sk_results_compute_store(struct sk_db *db, struct sk_contract *c,
				     const struct sk_period *p, struct sk_results **out,
				     struct sk_diag *d);

/** Free a result set; NULL is accepted. */
void sk_results_free(struct sk_results *r);

/** Output formats of sk_results_write(). */
enum sk_format {
	SK_FORMAT_TEXT = 0,
	SK_FORMAT_CSV,
	SK_FORMAT_JSON
};

/**
 * Write one row per result (only breached ones when @p only_breached) to
 * @p fp. CSV starts with a header; the same results give the same bytes.
 * Returns SK_ERR_NOMEM, having written nothing, when memory runs out, and
 * SK_ERR_IO when @p fp has an error.
 */
enum sk_err sk_results_write(const struct sk_results *r, enum sk_format fmt, int only_breached,
			     FILE *fp);

/**
 * When the database holds status events or pauses of tickets it does not
 * hold (they count for nothing until the ticket is imported), write one
 * line to @p fp: "TOOL: warning: ", their counts and the first ticket ids.
 * Nothing when there are none.
 */
enum sk_err sk_results_note_orphans(struct sk_db *db, const char *tool, FILE *fp,
				    struct sk_diag *d);

/**
 * Load ticket @p id and explain its verdict step by step (imported fields,
 * calendar, clock start, pauses as imported and as counted, business seconds
 * per day, target, deadline, verdict, period, flags) to @p fp. The verdict is
 * evaluated at @p as_of (0: just after the data's horizon), never after the
 * data's horizon. @p id may differ from the ticket's in blanks ("49 614"):
 * the output says which id it used.
 */
enum sk_err sk_results_explain(struct sk_db *db, struct sk_contract *c, const char *id,
			       sk_time as_of, FILE *fp, struct sk_diag *d);

/**
 * The tickets with a clock at risk or overdue at @p at (0: at the data's
 * horizon): a response or resolution clock still running then that has used
 * at least the contract's `at_risk_share` (default 75 %) of its target, or
 * is already over it (overdue: sk_clock_overdue()). The clocks are judged at @p at, also past the data's horizon (they are
 * taken to run on: nothing after the horizon is known). Tickets excluded from
 * the figures are left out. The set's period is the empty one at @p at
 * (label "at-risk") and its `as_of` is @p at; it is written by
 * sk_results_write_at_risk() and never stored. SK_ERR_MISSING when @p at is
 * 0 and the database has no data horizon (nothing imported).
 */
enum sk_err sk_results_at_risk(struct sk_db *db, struct sk_contract *c, sk_time at,
			       struct sk_results **out, struct sk_diag *d);

/** 1 when clock @p k of a result judged at the set's `as_of` is at risk: running,
 *  not over its target, at least `at_risk_share` of it used. */
int sk_clock_at_risk(const struct sk_contract *c, const struct sk_clock *k);

/** 1 when clock @p k of a result judged at the set's `as_of` is overdue: over its
 *  target (breached) and still running then. */
int sk_clock_overdue(const struct sk_clock *k);

/**
 * Write the clocks overdue and at risk of @p r (sk_results_at_risk()): the
 * overdue ones first, then the least time left first: ticket, priority,
 * clock, state (overdue or at risk), business time used, target, the share
 * used, business time left (negative when overdue; text: "over by") and the
 * deadline (none while a pause still open in the data holds it). Text and
 * CSV write nothing at all when no clock is overdue or at risk (CSV's header comes with the first row); JSON writes an object
 * with an empty list.
 */
enum sk_err sk_results_write_at_risk(const struct sk_results *r, enum sk_format fmt, FILE *fp);

/** "met", "breached", "pending" or "n/a". */
const char *sk_clock_state_name(enum sk_clock_state s);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
