/*
 * sk_results_compute_store(): a period's verdicts computed and stored at
 * once. The store (store/results_store.c) runs beside the computation on a
 * second connection and a thread of its own, fed each verdict once it is
 * final; a failure on either side leaves the old run as it was.
 */
#include "engine.h"
#include "store/store.h"

/* One after the other, on one connection. */
static enum sk_err compute_then_store(struct sk_db *db, struct sk_contract *c,
				      const struct sk_period *p, struct sk_results **out,
				      struct sk_diag *d)
{
	enum sk_err rc;

	if ((rc = sk_results_compute(db, c, p, out, d)))
		return rc;
	if ((rc = sk_results_store(db, *out, d))) {
		sk_results_free(*out);
		*out = NULL;
	}
	return rc;
}

enum sk_err sk_results_compute_store(struct sk_db *db, struct sk_contract *c,
				     const struct sk_period *p, struct sk_results **out,
				     struct sk_diag *d)
{
	struct store_results *s;
	enum sk_err rc, src;

	*out = NULL;
	if (store_results_start(db, c, p->label, &s) != SK_OK)
		return compute_then_store(db, c, p, out, d);
	rc = results_compute(db, c, p, out, d, store_results_feed(s), 0);
	src = store_results_finish(db, s, *out, rc == SK_OK, rc == SK_OK ? d : NULL);
	if (rc == SK_OK && src != SK_OK) {
		rc = src;
		sk_results_free(*out);
		*out = NULL;
	}
	return rc;
}
