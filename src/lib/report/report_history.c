/*
 * The history beside the report's period: a monthly report's last twelve
 * months, a quarterly report's last four quarters, each computed from the
 * database as the report's own period is (verdicts, then the score over
 * them), and the period itself last. A period that ends before the contract
 * starts or before the first ticket has no figures: the writers show "—"
 * there, never 0 %.
 */
#include <stdio.h>
#include <stdlib.h>

#include "report.h"
#include "store/store.h"

/* Periods before the report's own in a history (and so n_history - 1). */
#define HISTORY_MONTHS 12
#define HISTORY_QUARTERS 4

/* The period @back periods before @p (a month or a quarter). */
static void period_back(const struct sk_period *p, int back, const struct sk_tz *tz,
			struct sk_period *out)
{
	int months = p->year * 12 + p->first_month - 1 - back * p->months;

	if (p->kind == SK_PERIOD_MONTH) {
		sk_period_month(months / 12, months % 12 + 1, tz, out);
	} else {
		char label[16];
		struct sk_diag d;

		snprintf(label, sizeof(label), "%04d-Q%d", months / 12, months % 12 / 3 + 1);
		sk_period_parse(label, tz, out, &d);
	}
}

/* The contract's start as an instant; 0 when it names none. */
static sk_time contract_start(const struct sk_contract *c)
{
	struct sk_civil sc = { 0 };

	if (!c->has_start)
		return 0;
	sk_civil_from_days(c->start_day, &sc.year, &sc.month, &sc.day);
	return sk_tz_from_civil(c->tz, &sc, NULL);
}

/* The figures of one period from its verdicts (@others: those judged beside them). */
static enum sk_err take_figures(struct sk_report *r, struct sk_report_past *h,
				const struct sk_results *res, const struct sk_result *others,
				size_t n_others, const struct sk_score *s)
{
	const struct sk_contract *c = r->contract;
	size_t nd = r->score ? r->score->n_domains : 0;

	h->prio = calloc(c->n_priorities ? c->n_priorities : 1, sizeof(*h->prio));
	h->scored = calloc(nd ? nd : 1, sizeof(*h->scored));
	h->score = calloc(nd ? nd : 1, sizeof(*h->score));
	if (!h->prio || !h->scored || !h->score)
		return SK_ERR_NOMEM;
	for (size_t p = 0; p < c->n_priorities; p++)
		report_prio_figures(c, res, others, n_others, (int)p, -1, &h->prio[p]);
	/* The same domains in the same order: both scores come from one contract. */
	for (size_t i = 0; s && i < nd && i < s->n_domains; i++) {
		h->scored[i] = s->domains[i].scored;
		h->score[i] = s->domains[i].score;
	}
	return SK_OK;
}

/* One earlier period: its verdicts, their figures and its domain scores. */
static enum sk_err gather_past(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
			       struct sk_report_past *h, struct sk_diag *d)
{
	struct report_others l = { &h->period, NULL, 0, 0 };
	struct results_others others = { report_others_take, &l };
	struct sk_results *res = NULL;
	struct sk_score *s = NULL;
	enum sk_err rc;

	rc = results_compute_with(db, c, &h->period, &res, d, NULL, 0, &others);
	if (!rc) {
		/* Scored as sla-score scores it, without the values given for the report's
		   own period (--kpi) and over the verdicts just computed. */
		struct sk_score_input in = { db, NULL, 0, NULL, 0, NULL, 0, NULL, r->missing, &res, 1 };

		rc = sk_score_compute(c, &h->period, &in, &s, d);
	}
	if (!rc)
		rc = take_figures(r, h, res, l.r, l.n, s);
	sk_score_free(s);
	sk_results_free(res);
	free(l.r);
	return rc;
}

enum sk_err report_gather_history(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				  struct sk_diag *d)
{
	int back = r->period.kind == SK_PERIOD_MONTH ? HISTORY_MONTHS
		   : r->period.kind == SK_PERIOD_QUARTER ? HISTORY_QUARTERS : -1;
	sk_time first, start = contract_start(c);
	enum sk_err rc;

	if (back < 0)
		return SK_OK;
	if ((rc = store_first_reported(db, &first, d)))
		return rc;
	r->history = calloc((size_t)back + 1, sizeof(*r->history));
	if (!r->history)
		return SK_ERR_NOMEM;
	for (int i = back; i >= 0; i--) {
		struct sk_report_past *h = &r->history[r->n_history++];

		if (i == 0) {
			/* The report's own period: its figures are already there. */
			h->period = r->period;
			h->has_data = 1;
			rc = take_figures(r, h, r->results, r->others, r->n_others, r->score);
		} else {
			period_back(&r->period, i, c->tz, &h->period);
			h->has_data = first && h->period.end > first && h->period.end > start;
			rc = h->has_data ? gather_past(db, c, r, h, d) : SK_OK;
		}
		if (rc)
			return rc;
	}
	return SK_OK;
}

void report_history_free(struct sk_report *r)
{
	for (size_t i = 0; i < r->n_history; i++) {
		free(r->history[i].prio);
		free(r->history[i].scored);
		free(r->history[i].score);
	}
	free(r->history);
}
