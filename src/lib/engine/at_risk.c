/*
 * Clocks at risk (sla-compute --at-risk): the tickets whose response or
 * resolution clock still runs at an instant and has used at least the
 * contract's warning share of its target. The verdicts of an empty period
 * at that instant (results.c), judged there, narrowed to those at risk.
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

/* Keep the results of @r with a clock at risk, in their order; release the others. */
static void keep_at_risk(struct sk_results *r)
{
	const struct sk_contract *c = r->contract;
	size_t w = 0;

	for (size_t i = 0; i < r->n; i++) {
		struct sk_result *x = &r->r[i];

		if (!x->v.excluded && (sk_clock_at_risk(c, &x->v.response) ||
				       sk_clock_at_risk(c, &x->v.resolution)))
			r->r[w++] = *x;
		else
			sk_verdict_release(&x->v);
	}
	r->n = w;
}

enum sk_err sk_results_at_risk(struct sk_db *db, struct sk_contract *c, sk_time at,
			       struct sk_results **out, struct sk_diag *d)
{
	struct sk_period p;
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
	 * are the ones with a clock still running there.
	 */
	memset(&p, 0, sizeof(p));
	p.start = p.end = at;
	memcpy(p.label, "at-risk", sizeof("at-risk"));
	if ((rc = results_compute(db, c, &p, out, d, NULL, RESULTS_AT_END)))
		return rc;
	keep_at_risk(*out);
	return SK_OK;
}
