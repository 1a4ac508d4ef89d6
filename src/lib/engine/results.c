/*
 * The verdicts of a period: load the tickets that can count in it, with
 * their history, compute each at the period's end, keep those in scope.
 * The store reads the tickets one by one in id order, each with its history
 * and pauses (store/tickets_read.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "engine.h"
#include "slakit/results.h"

void results_apply_history(const struct sk_contract *c, struct sk_ticket *t,
			   const struct store_history *h)
{
	t->initial_priority = h->has_first ? h->first : t->priority;
	t->highest_priority = t->priority;
	if (h->has_level)
		for (size_t i = 0; i < c->n_priorities; i++)
			if (c->priorities[i].level == h->level &&
			    h->level < c->priorities[t->priority].level)
				t->highest_priority = (int)i;
}

enum sk_err results_as_of(struct sk_db *db, sk_time end, sk_time *horizon, sk_time *as_of,
			  struct sk_diag *d)
{
	enum store_horizon from;
	enum sk_err rc;
	int found;

	/* Past the horizon the data says nothing: a clock running there has not
	 * been seen to stop or to run out, so it is judged where the data ends. */
	if ((rc = store_data_horizon(db, horizon, &from, d)))
		return rc;
	found = from != STORE_HORIZON_NONE;
	if (!found)
		*horizon = 0;
	*as_of = found && (!end || *horizon < end) ? *horizon + 1 : end;
	return SK_OK;
}

/* Growable array of results; one a store reads (@fixed) never moves. */
static int push_result(struct sk_results *r, size_t *cap, int fixed)
{
	void *grown = r->r;

	if (r->n < *cap)
		return 0;
	if (fixed || array_reserve(&grown, cap, r->n + 1, sizeof(*r->r)) < 0)
		return -1;
	r->r = grown;
	return 0;
}

/*
 * Room for every ticket of the database, so the array never moves under the
 * consumer: *cap, 0 when that much memory cannot be had (a huge database on a
 * small machine, or strict overcommit), and the array then grows as needed.
 */
static enum sk_err reserve_all(struct store_tickets *it, struct sk_results *r, size_t *cap,
			       struct sk_diag *d)
{
	int64_t total = 0;
	enum sk_err rc;

	if ((rc = store_tickets_total(it, &total, d)))
		return rc;
	/* Untouched pages of a large block cost no memory. */
	*cap = total > 0 ? (size_t)total : 1;
	if (*cap > SIZE_MAX / sizeof(*r->r) || !(r->r = malloc(*cap * sizeof(*r->r))))
		*cap = 0;
	return SK_OK;
}

/* Compute @res at @as_of; 1 when it belongs in the period's results. */
static enum sk_err judge(struct sk_contract *c, const struct sk_period *p, sk_time as_of,
			 struct sk_result *res, int *keep, struct sk_diag *d)
{
	struct sk_verdict *v = &res->v;
	const struct sk_ticket *t = &res->ticket;
	enum sk_err rc;

	*keep = 0;
	if ((rc = sk_compute_ticket(c, t, as_of, v, d)))
		return rc;
	res->response_counts = v->response.counts_at && sk_period_contains(p, v->response.counts_at);
	res->resolution_counts = v->resolution.counts_at &&
				 sk_period_contains(p, v->resolution.counts_at);
	res->onsite_counts = v->onsite.counts_at && sk_period_contains(p, v->onsite.counts_at);
	res->swap_counts = v->swap_counts_at && sk_period_contains(p, v->swap_counts_at);
	res->pending = v->response.state == SK_CLOCK_PENDING ||
		       v->resolution.state == SK_CLOCK_PENDING;
	/* A ticket with an impossible timeline, or a clock the contract leaves outside the
	 * agreement, has no clock to place it: list it where its times fall. */
	*keep = res->response_counts || res->resolution_counts || res->pending ||
		res->onsite_counts || res->swap_counts ||
		((v->flags & (SK_FLAG_IMPOSSIBLE | SK_FLAG_NOT_MEASURED)) &&
		 (sk_period_contains(p, t->reported_at) || sk_period_contains(p, t->resolved_at) ||
		  sk_period_contains(p, t->closed_at) || sk_period_contains(p, t->responded_at)));
	return SK_OK;
}

/*
 * Read the tickets that may count in the period in id order, each with its
 * history, compute it and keep it when it counts: one pass, so a store fed
 * with the verdicts (@feed) works beside it from the first ticket on. Without
 * the room reserved for all, the feed gets them all at its end instead.
 */
static enum sk_err run(struct sk_db *db, struct sk_contract *c, struct sk_results *r,
		       struct results_feed *feed, unsigned flags,
		       const struct results_others *others, struct sk_diag *d)
{
	struct store_tickets *it = NULL;
	size_t cap = 0;
	enum sk_err rc;
	int fixed = 0;

	if ((rc = store_tickets_open(db, c, &r->period,
				     (flags & RESULTS_TITLES) ? STORE_TICKETS_TITLES : 0,
				     sk_compute_classify_event, r->arena, &it, d)) ||
	    (feed && (rc = reserve_all(it, r, &cap, d))))
		goto out;
	fixed = cap > 0;
	for (;;) {
		struct sk_result res;
		struct store_history h;
		int more, keep;

		memset(&res, 0, sizeof(res));
		if ((rc = store_tickets_next(it, &res.ticket, &h, &more, d)) || !more)
			goto out;
		results_apply_history(c, &res.ticket, &h);
		if ((rc = judge(c, &r->period, r->as_of, &res, &keep, d)))
			goto out;
		if (!keep) {
			/* Judged but not counting here: the report's means and open tickets still see it. */
			if (others)
				rc = others->fn(others->arg, &res);
			sk_verdict_release(&res.v);
			if (rc)
				goto out;
			continue;
		}
		/* Read into the store's buffers; the verdict holds what they gave. */
		res.ticket.events = NULL;
		res.ticket.n_events = 0;
		res.ticket.pauses = NULL;
		res.ticket.n_pauses = 0;
		if (push_result(r, &cap, fixed)) {
			sk_verdict_release(&res.v);
			rc = SK_ERR_NOMEM;
			goto out;
		}
		r->r[r->n++] = res;
		if (fixed)
			results_feed_publish(feed, r, r->n);
	}
out:
	store_tickets_close(it);
	return rc;
}

enum sk_err sk_results_compute(struct sk_db *db, struct sk_contract *c,
			       const struct sk_period *p, struct sk_results **out,
			       struct sk_diag *d)
{
	return results_compute(db, c, p, out, d, NULL, 0);
}

enum sk_err results_compute(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			    struct sk_results **out, struct sk_diag *d, struct results_feed *feed,
			    unsigned flags)
{
	return results_compute_with(db, c, p, out, d, feed, flags, NULL);
}

enum sk_err results_compute_with(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
				 struct sk_results **out, struct sk_diag *d,
				 struct results_feed *feed, unsigned flags,
				 const struct results_others *others)
{
	struct sk_results *r = calloc(1, sizeof(*r));
	struct arena *a = arena_new();
	enum sk_err rc;

	*out = NULL;
	if (!r || !a) {
		free(r);
		arena_free(a);
		return diag_ensure(d, SK_ERR_NOMEM);
	}
	r->period = *p;
	r->contract = c;
	r->arena = a;
	if ((rc = results_as_of(db, p->end, &r->horizon, &r->as_of, d)) == SK_OK) {
		if (flags & RESULTS_AT_END)
			r->as_of = p->end;
		rc = run(db, c, r, feed, flags, others, d);
	}
	if (rc) {
		sk_results_free(r);
		return diag_ensure(d, rc);
	}
	*out = r;
	return SK_OK;
}

void sk_results_free(struct sk_results *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		sk_verdict_release(&r->r[i].v);
	free(r->r);
	arena_free(r->arena);
	free(r);
}

/*
 * The latest instant ticket @t names (its times, status changes, pauses),
 * when it is finished: resolved or closed, its last status change (if any) a
 * resolved or closed status, no pause open. Its clocks are decided by then
 * (a clock stops at the latest at the resolution, a breach counts at the
 * deadline it passed), so no clock of it counts in a period that starts
 * after that instant. 0 when it may still run.
 */
static sk_time finished_by(const struct sk_contract *c, const struct sk_ticket *t)
{
	sk_time last = t->reported_at;

	if (!t->resolved_at && !t->closed_at)
		return 0;
	if (t->n_events) {
		const struct sk_status_event *e = &t->events[t->n_events - 1];
		unsigned kind = (e->kind & SK_STATUS_CLASSIFIED) ? e->kind
			       : sk_compute_classify_status(c, e->status);

		if (!(kind & SK_STATUS_DONE))
			return 0;
	}
	for (size_t i = 0; i < t->n_events; i++)
		last = t->events[i].at > last ? t->events[i].at : last;
	for (size_t i = 0; i < t->n_pauses; i++) {
		if (!t->pauses[i].end)
			return 0;
		last = t->pauses[i].start > last ? t->pauses[i].start : last;
		last = t->pauses[i].end > last ? t->pauses[i].end : last;
	}
	last = t->responded_at > last ? t->responded_at : last;
	last = t->resolved_at > last ? t->resolved_at : last;
	last = t->closed_at > last ? t->closed_at : last;
	return last;
}

/*
 * results_compute_span(): each ticket of the span read once, judged at each
 * period's instant as that period's own computation judges it (judge()),
 * and kept in each period whose response or resolution it counts in.
 */
enum sk_err results_compute_span(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
				 size_t n, struct sk_results **out, struct sk_diag *d)
{
	struct store_tickets *it = NULL;
	struct sk_period span;
	struct arena *a = arena_new();
	size_t *cap = calloc(n ? n : 1, sizeof(*cap));
	enum sk_err rc = SK_OK;

	for (size_t i = 0; i < n; i++)
		out[i] = NULL;
	if (!a || !cap) {
		rc = SK_ERR_NOMEM;
		goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		if (!(out[i] = calloc(1, sizeof(*out[i])))) {
			rc = SK_ERR_NOMEM;
			goto fail;
		}
		out[i]->period = p[i];
		out[i]->contract = c;
		if ((rc = results_as_of(db, p[i].end, &out[i]->horizon, &out[i]->as_of, d)))
			goto fail;
	}
	if (!n)
		goto done;
	/* The tickets that may count in any of the periods: those of each period are among them. */
	span = p[0];
	span.end = p[n - 1].end;
	if ((rc = store_tickets_open(db, c, &span, 0, sk_compute_classify_event, a, &it, d)))
		goto fail;
	for (;;) {
		struct sk_result res;
		struct store_history h;
		sk_time done_by;
		int more;

		memset(&res, 0, sizeof(res));
		if ((rc = store_tickets_next(it, &res.ticket, &h, &more, d)))
			goto fail;
		if (!more)
			break;
		results_apply_history(c, &res.ticket, &h);
		done_by = finished_by(c, &res.ticket);
		for (size_t i = 0; i < n; i++) {
			struct sk_result x = res;
			int keep;

			/* Reported after the period: it is not among that period's tickets;
			 * finished before it starts: nothing of it counts there. */
			if (res.ticket.reported_at >= p[i].end)
				continue;
			if (done_by && done_by < p[i].start)
				break;
			if ((rc = judge(c, &p[i], out[i]->as_of, &x, &keep, d)))
				goto fail;
			if (!x.response_counts && !x.resolution_counts) {
				sk_verdict_release(&x.v);
				continue;
			}
			x.ticket.events = NULL;
			x.ticket.n_events = 0;
			x.ticket.pauses = NULL;
			x.ticket.n_pauses = 0;
			/* Kept for its clocks: a year of periods is held at once. */
			sk_verdict_release(&x.v);
			if (push_result(out[i], &cap[i], 0)) {
				sk_verdict_release(&x.v);
				rc = SK_ERR_NOMEM;
				goto fail;
			}
			out[i]->r[out[i]->n++] = x;
		}
	}
done:
	store_tickets_close(it);
	free(cap);
	/* The tickets' strings live as long as the last set. */
	if (n)
		out[n - 1]->arena = a;
	else
		arena_free(a);
	return SK_OK;
fail:
	store_tickets_close(it);
	free(cap);
	for (size_t i = 0; i < n; i++) {
		sk_results_free(out[i]);
		out[i] = NULL;
	}
	arena_free(a);
	return diag_ensure(d, rc);
}
