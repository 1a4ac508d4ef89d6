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

/* --- suppliers.c: hand-overs to the customer's suppliers (slakit/suppliers.h) --- */
#include "slakit/suppliers.h"

/*
 * The hand-overs of ticket @id (NULL: every ticket) evaluated at @as_of, with
 * the supplier's clocks; the priority of a ticket in @res (may be NULL) is the
 * one its verdict applied. Strings in @a; out->h is freed by suppliers_release().
 */
enum sk_err suppliers_collect(struct sk_db *db, struct sk_contract *c, const char *id,
			      const struct sk_results *res, sk_time as_of, struct arena *a,
			      struct sk_handovers *out, struct sk_diag *d);
void suppliers_release(struct sk_handovers *h);

/*
 * How result @r's business time (registration to resolution, or @as_of) was
 * spent, given its @n hand-overs @h; out->per_supplier is the caller's,
 * n_suppliers + 1 long.
 */
enum sk_err suppliers_split(struct sk_contract *c, const struct sk_result *r,
			    const struct sk_handover *h, size_t n, sk_time as_of,
			    struct sk_ticket_split *out);

/* --explain: the ticket's hand-overs, the supplier clocks and where its time went. */
enum sk_err suppliers_explain(struct sk_db *db, struct sk_contract *c, const struct sk_ticket *t,
			      const struct sk_verdict *v, sk_time as_of, FILE *fp,
			      struct sk_diag *d);

/*
 * KPI `supplier:ID`: of supplier @supplier's hand-overs decided in window @w
 * (evaluated at its end, priorities from @res), *@n and the *@in that met
 * the supplier's targets.
 */
enum sk_err suppliers_kpi(struct sk_db *db, struct sk_contract *c, int supplier,
			  const struct sk_period *w, const struct sk_results *res, long *n, long *in,
			  struct sk_diag *d);

/* With `supplier_pauses = yes`, ticket @id's imported hand-overs appended to its pauses. */
enum sk_err suppliers_add_pauses(struct sk_db *db, const struct sk_contract *c, const char *id,
				 struct sk_pause **ps, size_t *n, struct sk_diag *d);

#endif
