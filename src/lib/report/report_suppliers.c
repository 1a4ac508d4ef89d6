/*
 * The suppliers' part of a report (slakit/suppliers.h): per supplier its
 * hand-overs decided in the period, how many met its own targets, the
 * business time they held the ticket (mean and median), the breaches; the
 * share of the desk's breaches in which a supplier held the ticket; how each
 * ticket's time was spent; and the quarterly scorecard.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static int by_seconds(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* 1 when @h belongs in the period: decided or ended in it, or still running at its end. */
static int in_scope(const struct sk_handover *h, const struct sk_period *p)
{
	if (h->counts_at)
		return sk_period_contains(p, h->counts_at);
	return h->start < p->end && (h->state == SK_CLOCK_PENDING || !h->end);
}

/* The figures of supplier @s (-1: those not in the contract) over window @w. */
static enum sk_err figures(const struct sk_contract *c, const struct sk_handovers *all, int s,
			   const struct sk_period *w, struct sk_supplier_figures *f)
{
	int64_t *secs = malloc((all->n + 1) * sizeof(*secs));

	if (!secs)
		return SK_ERR_NOMEM;
	memset(f, 0, sizeof(*f));
	f->mean = f->median = -1;
	for (size_t i = 0; i < all->n; i++) {
		const struct sk_handover *h = &all->h[i];

		if (h->supplier != s)
			continue;
		if (h->counts_at && sk_period_contains(w, h->counts_at)) {
			if (h->state == SK_CLOCK_MET || h->state == SK_CLOCK_BREACHED) {
				f->handovers++;
				f->within += h->state == SK_CLOCK_MET;
			} else {
				f->without_target++;
			}
		} else if (!h->counts_at && h->start < w->end) {
			f->pending++;
		}
		/* Time: hand-overs that ended in the window. */
		if (h->end && sk_period_contains(w, h->end) && h->end <= all->as_of) {
			secs[f->timed++] = h->business;
			f->business += h->business;
		}
	}
	if (f->handovers)
		sk_dec_percent(SK_DEC(f->within), SK_DEC(f->handovers), c->rules.pct_decimals, &f->pct);
	if (f->timed) {
		qsort(secs, (size_t)f->timed, sizeof(*secs), by_seconds);
		f->mean = f->business / f->timed;
		f->median = secs[(f->timed - 1) / 2];
	}
	free(secs);
	return SK_OK;
}

/* The quarters the period spans (a month: its quarter; a year: four). */
static enum sk_err quarters(const struct sk_contract *c, struct sk_report_suppliers *s,
			    const struct sk_period *p)
{
	int first = (p->first_month - 1) / 3, last = (p->first_month + p->months - 2) / 3;

	s->n_quarters = (size_t)(last - first + 1);
	if (!(s->quarters = calloc(s->n_quarters, sizeof(*s->quarters))))
		return SK_ERR_NOMEM;
	for (int q = first; q <= last; q++) {
		char label[32];
		struct sk_period *out = &s->quarters[q - first];

		snprintf(label, sizeof(label), "%04d-Q%d", p->year, q + 1);
		if (sk_period_parse(label, c->tz, out, NULL) != SK_OK)
			return SK_ERR_RANGE;
		/* Only what the period itself holds. */
		if (out->start < p->start)
			out->start = p->start;
		if (out->end > p->end)
			out->end = p->end;
	}
	return SK_OK;
}

/* Whether a supplier held result @x's ticket while the clock of @b ran. */
static int held(const struct sk_report_suppliers *s, const struct sk_result *x,
		const struct sk_report_breach *b, sk_time as_of)
{
	const struct sk_clock *k = b->resolution ? &x->v.resolution : &x->v.response;
	sk_time lo = k->start, hi = k->stop ? k->stop : as_of;

	for (size_t i = 0; i < s->all.n; i++) {
		const struct sk_handover *h = &s->all.h[i];

		if (strcmp(h->ticket, x->ticket.id) == 0 && h->start < hi && (!h->end || h->end > lo))
			return 1;
	}
	return 0;
}

/* How each ticket in the results with a hand-over spent its time. */
static enum sk_err splits(struct sk_contract *c, struct sk_report *r, struct sk_report_suppliers *s,
			  const struct sk_handovers *all)
{
	const struct sk_results *res = r->results;
	size_t j = 0;
	enum sk_err rc;

	if (!all->n)
		return SK_OK;
	if (!(s->splits = calloc(res->n, sizeof(*s->splits))))
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < res->n; i++) {
		const char *id = res->r[i].ticket.id;
		struct sk_ticket_split *sp;
		size_t k;

		while (j < all->n && strcmp(all->h[j].ticket, id) < 0)
			j++;
		for (k = j; k < all->n && strcmp(all->h[k].ticket, id) == 0; k++)
			;
		if (k == j || res->r[i].v.excluded || (res->r[i].v.flags & SK_FLAG_IMPOSSIBLE))
			continue;
		sp = &s->splits[s->n_splits++];
		sp->result = i;
		if (!(sp->per_supplier = arena_alloc(r->arena, (c->n_suppliers + 1) *
						     sizeof(*sp->per_supplier))))
			return SK_ERR_NOMEM;
		if ((rc = suppliers_split(c, &res->r[i], &all->h[j], k - j, report_until(r), sp)))
			return rc;
		j = k;
	}
	return SK_OK;
}

enum sk_err report_gather_suppliers(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				    struct sk_diag *d)
{
	struct sk_report_suppliers *s;
	struct sk_handovers all;
	int unknown = 0;
	enum sk_err rc;

	/* A contract without suppliers has no such section: its reports stay as they were. */
	if (!c->n_suppliers && !c->rules.n_supplier_statuses)
		return SK_OK;
	if (!(s = calloc(1, sizeof(*s))))
		return SK_ERR_NOMEM;
	r->suppliers = s;
	if ((rc = suppliers_collect(db, c, NULL, r->results, report_until(r), r->arena, &all, d)))
		return rc;
	if ((rc = splits(c, r, s, &all)))
		goto out;
	/* Keep the hand-overs of the period. */
	if (!(s->all.h = malloc((all.n + 1) * sizeof(*s->all.h)))) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	s->all.as_of = all.as_of;
	for (size_t i = 0; i < all.n; i++)
		if (in_scope(&all.h[i], &r->period)) {
			s->all.h[s->all.n++] = all.h[i];
			unknown |= all.h[i].supplier < 0;
		}
	if ((rc = quarters(c, s, &r->period)))
		goto out;
	s->n = c->n_suppliers + (size_t)unknown;
	if (!(s->s = calloc(s->n + 1, sizeof(*s->s)))) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < s->n && rc == SK_OK; i++) {
		struct sk_report_supplier *x = &s->s[i];

		x->supplier = i < c->n_suppliers ? (int)i : -1;
		x->name = x->supplier >= 0 ? c->suppliers[i].name : NULL;
		if ((rc = figures(c, &s->all, x->supplier, &r->period, &x->fig)))
			break;
		if (!(x->quarters = calloc(s->n_quarters, sizeof(*x->quarters))) ||
		    !(x->breaches = calloc(s->all.n + 1, sizeof(*x->breaches)))) {
			rc = SK_ERR_NOMEM;
			break;
		}
		for (size_t q = 0; q < s->n_quarters && rc == SK_OK; q++)
			rc = figures(c, &s->all, x->supplier, &s->quarters[q], &x->quarters[q]);
		for (size_t h = 0; h < s->all.n; h++)
			if (s->all.h[h].supplier == x->supplier &&
			    s->all.h[h].state == SK_CLOCK_BREACHED)
				x->breaches[x->n_breaches++] = h;
	}
	if (rc)
		goto out;
	/* The desk's breaches, and in how many a supplier held the ticket meanwhile. */
	s->desk_breaches = (long)r->n_breaches;
	for (size_t i = 0; i < r->n_breaches; i++)
		s->desk_breaches_held += held(s, &r->results->r[r->breaches[i].result],
					      &r->breaches[i], report_until(r));
	if (s->desk_breaches)
		sk_dec_percent(SK_DEC(s->desk_breaches_held), SK_DEC(s->desk_breaches),
			       c->rules.pct_decimals, &s->held_pct);
out:
	suppliers_release(&all);
	return rc;
}

void report_suppliers_free(struct sk_report_suppliers *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->s[i].breaches);
		free(s->s[i].quarters);
	}
	free(s->s);
	free(s->splits);
	free(s->quarters);
	free(s->all.h);
	free(s);
}
