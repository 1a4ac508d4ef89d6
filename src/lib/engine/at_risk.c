/*
 * Clocks at risk (sla-compute --at-risk): the tickets whose response or
 * resolution clock still runs at an instant and has used at least the
 * contract's warning share of its target. The same verdicts as a period's
 * (sk_compute_ticket()), judged at that instant.
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

/* Read every ticket that may be running at r->as_of, keep those with a clock at risk. */
static enum sk_err gather(struct sk_db *db, struct sk_contract *c, struct sk_results *r,
			  struct sk_diag *d)
{
	struct store_tickets *it = NULL;
	size_t cap = 0;
	enum sk_err rc;

	if ((rc = store_tickets_open(db, c, &r->period, 0, sk_compute_classify_event, r->arena,
				     &it, d)))
		goto out;
	for (;;) {
		struct sk_result res;
		struct store_history h;
		int more;

		memset(&res, 0, sizeof(res));
		if ((rc = store_tickets_next(it, &res.ticket, &h, &more, d)) || !more)
			goto out;
		results_apply_history(c, &res.ticket, &h);
		if ((rc = sk_compute_ticket(c, &res.ticket, r->as_of, &res.v, d)))
			goto out;
		res.pending = 1;
		if (res.v.excluded || (!sk_clock_at_risk(c, &res.v.response) &&
				       !sk_clock_at_risk(c, &res.v.resolution))) {
			sk_verdict_release(&res.v);
			continue;
		}
		/* Read into the store's buffers; the verdict holds what they gave. */
		res.ticket.events = NULL;
		res.ticket.n_events = 0;
		res.ticket.pauses = NULL;
		res.ticket.n_pauses = 0;
		if (r->n == cap) {
			void *grown = r->r;

			if (array_reserve(&grown, &cap, r->n + 1, sizeof(*r->r)) < 0) {
				sk_verdict_release(&res.v);
				rc = SK_ERR_NOMEM;
				goto out;
			}
			r->r = grown;
		}
		r->r[r->n++] = res;
	}
out:
	store_tickets_close(it);
	return rc;
}

enum sk_err sk_results_at_risk(struct sk_db *db, struct sk_contract *c, sk_time at,
			       struct sk_results **out, struct sk_diag *d)
{
	struct sk_results *r = calloc(1, sizeof(*r));
	struct arena *a = arena_new();
	sk_time horizon = 0, as_of = 0;
	enum sk_err rc;

	*out = NULL;
	if (!r || !a) {
		free(r);
		arena_free(a);
		return diag_ensure(d, SK_ERR_NOMEM);
	}
	r->contract = c;
	r->arena = a;
	if ((rc = results_as_of(db, 0, &horizon, &as_of, d)))
		goto fail;
	if (!at && !horizon) {
		rc = sk_diag_set(d, SK_ERR_MISSING, NULL, 0, NULL,
				 "the database holds no tickets: no instant to judge the clocks at "
				 "(give --at TIME)");
		goto fail;
	}
	r->horizon = horizon;
	r->as_of = at ? at : horizon;
	/* The tickets reported by then and not finished before it (store SCOPE). */
	r->period.start = r->as_of;
	r->period.end = r->as_of + 1;
	memcpy(r->period.label, "at-risk", sizeof("at-risk"));
	if ((rc = gather(db, c, r, d)))
		goto fail;
	*out = r;
	return SK_OK;
fail:
	sk_results_free(r);
	return diag_ensure(d, rc);
}
