/* engine: what the folders above it (report, render) use of the computation. */
#ifndef SLAKIT_ENGINE_H
#define SLAKIT_ENGINE_H

#include "base/base.h"
#include "contract/contract.h"
#include "slakit/results.h"
#include "store/store.h"

/*
 * Weigh what the ticket's earlier versions say (@h, store_history): its
 * first priority (the current one when it has none) and, when the versions
 * name levels, its most urgent priority.
 */
void results_apply_history(const struct sk_contract *c, struct sk_ticket *t,
			   const struct store_history *h);

/*
 * The data's horizon (store_data_horizon(), 0 when no tickets) and the instant
 * clocks are judged at for a period ending at @end: @end, or the instant
 * after the horizon when that comes first (end = 0: always the latter).
 */
enum sk_err results_as_of(struct sk_db *db, sk_time end, sk_time *horizon, sk_time *as_of,
			  struct sk_diag *d);

/* What results_compute() reads beside the verdicts. */
enum {
	RESULTS_TITLES = 1   /* each ticket's title (sk_ticket::title), for reports */
};

/*
 * sk_results_compute(), handing each final verdict to @feed when not NULL,
 * and reading what @flags ask for.
 */
enum sk_err results_compute(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			    struct sk_results **out, struct sk_diag *d, struct results_feed *feed,
			    unsigned flags);

#endif
