/*
 * Clocks at risk (sla-compute --at-risk): the tickets whose response or
 * resolution clock still runs at an instant and has used at least the
 * contract's warning share of its target, or is already over it (overdue).
 * The verdicts of an empty period at that instant (results.c), judged
 * there, narrowed to those at risk or overdue.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "engine.h"
#include "slakit/results.h"

int sk_clock_at_risk(const struct sk_contract *c, const struct sk_clock *k)
{
	/* used / target >= share / 100, in integers: elapsed * 100 * ONE >= share * target.
	 * Both sides stay below 2^63: calendars end in 2199, so a clock has under 10^10 s. */
	return k->state == SK_CLOCK_PENDING && k->target > 0 && k->elapsed >= 0 &&
	       k->elapsed * 100 * SK_DEC_ONE >= c->rules.at_risk_share * k->target;
}

int sk_clock_overdue(const struct sk_clock *k)
{
	/* Over its target and not stopped by the instant judged: still running, late. */
	return k->state == SK_CLOCK_BREACHED && !k->stop && k->target > 0;
}

/* Keep the results of @r with a clock at risk or overdue, in their order; release the others. */
static void keep_at_risk(struct sk_results *r)
{
	const struct sk_contract *c = r->contract;
	size_t w = 0;

	for (size_t i = 0; i < r->n; i++) {
		struct sk_result *x = &r->r[i];

		if (!x->v.excluded && (sk_clock_at_risk(c, &x->v.response) ||
				       sk_clock_at_risk(c, &x->v.resolution) ||
				       sk_clock_overdue(&x->v.response) ||
				       sk_clock_overdue(&x->v.resolution)))
			r->r[w++] = *x;
		else
			sk_verdict_release(&x->v);
	}
	r->n = w;
}

/* The tickets the empty period leaves out (no clock pending or counting there) but with
 * a clock overdue: a breach decided earlier whose clock still runs. */
struct overdue_list {
	struct sk_result *r;
	size_t n, cap;
};

static int is_overdue(const struct sk_result *x)
{
	return !x->v.excluded &&
	       (sk_clock_overdue(&x->v.response) || sk_clock_overdue(&x->v.resolution));
}

static enum sk_err take_overdue(void *arg, const struct sk_result *x)
{
	struct overdue_list *l = arg;
	struct sk_result *y;
	void *grown = l->r;

	if (!is_overdue(x))
		return SK_OK;
	if (array_reserve(&grown, &l->cap, l->n + 1, sizeof(*l->r)) < 0)
		return SK_ERR_NOMEM;
	l->r = grown;
	y = &l->r[l->n];
	*y = *x;
	/* The ticket's events and pauses are the store's buffers, not kept (as in the
	 * results); the verdict is released after the call: its reason and pauses copied. */
	y->ticket.events = NULL;
	y->ticket.n_events = 0;
	y->ticket.pauses = NULL;
	y->ticket.n_pauses = 0;
	y->v.pauses = NULL;
	y->v.n_pauses = 0;
	if (!(y->v.reason = strdup(x->v.reason ? x->v.reason : "")))
		return SK_ERR_NOMEM;
	if (x->v.n_pauses) {
		if (!(y->v.pauses = malloc(x->v.n_pauses * sizeof(*x->v.pauses)))) {
			free(y->v.reason);
			return SK_ERR_NOMEM;
		}
		memcpy(y->v.pauses, x->v.pauses, x->v.n_pauses * sizeof(*x->v.pauses));
		y->v.n_pauses = x->v.n_pauses;
	}
	l->n++;
	return SK_OK;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct sk_result *)a)->ticket.id,
		      ((const struct sk_result *)b)->ticket.id);
}

/* Move the overdue tickets of @l into @r, keeping it sorted by ticket id; @l is emptied. */
static enum sk_err merge_overdue(struct sk_results *r, struct overdue_list *l)
{
	struct sk_result *grown;

	if (!l->n)
		return SK_OK;
	if (!(grown = realloc(r->r, (r->n + l->n) * sizeof(*r->r))))
		return SK_ERR_NOMEM;
	r->r = grown;
	memcpy(r->r + r->n, l->r, l->n * sizeof(*l->r));
	r->n += l->n;
	l->n = 0;
	qsort(r->r, r->n, sizeof(*r->r), by_id);
	return SK_OK;
}

static void overdue_free(struct overdue_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		sk_verdict_release(&l->r[i].v);
	free(l->r);
}

enum sk_err sk_results_at_risk(struct sk_db *db, struct sk_contract *c, sk_time at,
			       struct sk_results **out, struct sk_diag *d)
{
	struct sk_period p;
	struct overdue_list late = { NULL, 0, 0 };
	struct results_others others = { take_overdue, &late };
	sk_time horizon = 0, as_of = 0;
	enum sk_err rc;

	*out = NULL;
	if (!at) {
		if ((rc = results_as_of(db, 0, &horizon, &as_of, d)))
			return diag_ensure(d, rc);
		if (!horizon)
			return sk_diag_set(d, SK_ERR_MISSING, NULL, 0, NULL,
					   "the database holds no ticket data: no instant to judge "
					   "the clocks at (give --at TIME)");
		at = horizon;
	}
	/*
	 * The empty period [at, at): the tickets reported before it and not finished
	 * before it (store SCOPE), judged at it; none counts in it, so those kept
	 * are the ones with a clock still pending there, and those left out (to
	 * @others) include the ones whose only running clocks are already late.
	 */
	memset(&p, 0, sizeof(p));
	p.start = p.end = at;
	memcpy(p.label, "at-risk", sizeof("at-risk"));
	if ((rc = results_compute_with(db, c, &p, out, d, NULL, RESULTS_AT_END, &others))) {
		overdue_free(&late);
		return rc;
	}
	keep_at_risk(*out);
	rc = merge_overdue(*out, &late);
	overdue_free(&late);
	if (rc) {
		sk_results_free(*out);
		*out = NULL;
		return diag_ensure(d, rc);
	}
	return SK_OK;
}
