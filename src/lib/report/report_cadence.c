/*
 * The status-update cadence part of a report (slakit/cadence.h): per
 * priority the tickets whose cadence was decided in the period (resolved in
 * it), how many held and how many had a late gap, those still open and
 * those not measured; and the responses not made by the channel the
 * priority asks (the P1 list marks them).
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The instant a ticket's cadence is decided: its resolution (else closing), 0: open. */
static sk_time decided_at(const struct sk_report *r, const struct sk_cadence *k)
{
	const struct sk_ticket *t = &r->results->r[k->result].ticket;
	sk_time end = k->until ? k->until : t->resolved_at ? t->resolved_at : t->closed_at;

	return end && end <= report_until(r) ? end : 0;
}

/* 1 when @k belongs in the period: decided in it, or still open at its end. */
static int in_period(const struct sk_report *r, const struct sk_cadence *k)
{
	sk_time end = decided_at(r, k);

	return end ? sk_period_contains(&r->period, end) : 1;
}

enum sk_err report_gather_cadence(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				  struct sk_diag *d)
{
	struct sk_report_cadence *k;
	size_t keep = 0;
	enum sk_err rc;

	if (!cadence_in_contract(c) || !r->results)
		return SK_OK;
	if (!(k = r->cadence = calloc(1, sizeof(*k))) ||
	    !(k->p = calloc(c->n_priorities, sizeof(*k->p))))
		return SK_ERR_NOMEM;
	if ((rc = cadence_collect(db, c, NULL, r->results, report_until(r), r->arena, &k->all, d)))
		return rc;
	/* Only the tickets of this period; the rest count in another one. */
	for (size_t i = 0; i < k->all.n; i++) {
		if (in_period(r, &k->all.t[i])) {
			k->all.t[keep++] = k->all.t[i];
			continue;
		}
		free(k->all.t[i].gaps);
	}
	k->all.n = keep;
	for (size_t p = 0; p < c->n_priorities; p++) {
		const struct sk_priority *pr = &c->priorities[p];
		struct sk_report_cadence_prio *f = &k->p[k->n_p];

		if (!pr->update_every.set && !pr->update_agreed)
			continue;
		k->n_p++;
		f->priority = (int)p;
		f->agreed = pr->update_agreed;
		if (pr->update_every.set)
			f->interval = sk_duration_seconds(
				&pr->update_every,
				sk_calendar_standard_day(c->calendars[pr->calendar].cal));
		for (size_t i = 0; i < k->all.n; i++) {
			const struct sk_cadence *t = &k->all.t[i];
			int open = !decided_at(r, t);

			if (t->priority != (int)p)
				continue;
			f->tickets++;
			if (t->state == SK_CADENCE_NOT_MEASURED || t->state == SK_CADENCE_AGREED)
				f->not_measured++;
			else if (open)
				f->running++;
			else if (t->state == SK_CADENCE_HELD)
				f->held++;
			else if (t->state == SK_CADENCE_LATE)
				f->late++;
		}
		if (f->held + f->late) {
			f->has_pct = 1;
			sk_dec_percent(SK_DEC(f->held), SK_DEC(f->held + f->late),
				       c->rules.pct_decimals, &f->pct);
		}
	}
	for (size_t i = 0; i < k->all.n; i++) {
		for (size_t g = 0; g < k->all.t[i].n_gaps; g++)
			k->late_gaps += k->all.t[i].gaps[g].late;
		k->wrong_channel += k->all.t[i].response_wrong;
	}
	return SK_OK;
}

enum sk_err report_cadence_imports(struct sk_db *db, const struct sk_report *r, char *const *ids,
				   size_t n, struct id_list *s, struct sk_diag *d)
{
	size_t m = r->results ? r->results->n : 0;
	char **all;
	enum sk_err rc;

	if (!cadence_in_contract(r->contract) || !(m + n))
		return SK_OK;
	if (!(all = malloc((m + n) * sizeof(*all))))
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < m; i++)
		all[i] = (char *)r->results->r[i].ticket.id; /* only read */
	for (size_t i = 0; i < n; i++)
		all[m + i] = ids[i];
	rc = store_update_imports(db, all, m + n, s, d);
	free(all);
	return rc;
}

void report_cadence_free(struct sk_report_cadence *k)
{
	if (!k)
		return;
	cadence_release(&k->all);
	free(k->p);
	free(k);
}

const struct sk_cadence *report_cadence_of(const struct sk_report *r, size_t result)
{
	const struct sk_cadences *s = r->cadence ? &r->cadence->all : NULL;
	size_t lo = 0, hi = s ? s->n : 0;

	/* The cadences are in result order. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->t[mid].result == result)
			return &s->t[mid];
		if (s->t[mid].result < result)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
