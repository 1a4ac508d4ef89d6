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

/*
 * The earlier periods with data, h[0..n): their verdicts in one pass over the
 * tickets of their span (results_compute_span(): each period's response and
 * resolution clocks as its own computation gives them, at a twelfth of the
 * cost of twelve), then each period's figures and its score over them,
 * scored as sla-score scores it, without the values given for the report's
 * own period (--kpi).
 */
static enum sk_err gather_past(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
			       struct sk_report_past *h, size_t n, struct sk_diag *d)
{
	struct sk_period *p = calloc(n ? n : 1, sizeof(*p));
	struct sk_results **res = calloc(n ? n : 1, sizeof(*res));
	enum sk_err rc = SK_ERR_NOMEM;

	if (!p || !res)
		goto out;
	for (size_t i = 0; i < n; i++)
		p[i] = h[i].period;
	if ((rc = results_compute_span(db, c, p, n, res, d)))
		goto out;
	for (size_t i = 0; i < n && !rc; i++) {
		struct sk_score_input in = { db, NULL, 0, NULL, 0, NULL, 0, NULL, r->missing, &res[i], 1 };
		struct sk_score *s = NULL;

		if (!(rc = sk_score_compute(c, &h[i].period, &in, &s, d)))
			rc = take_figures(r, &h[i], res[i], NULL, 0, s);
		sk_score_free(s);
	}
	/* The last set holds the tickets' strings: freed last. */
	for (size_t i = 0; i < n; i++)
		sk_results_free(res[i]);
out:
	free(res);
	free(p);
	return rc;
}

/*
 * The earlier periods with data in groups of HISTORY_PASS: one pass over the
 * tickets per group, so that a year of verdicts is never held at once
 * (December's report on a year of 240,000 tickets: 270 MB in one pass, 190
 * MB in two, for about a tenth more time; 170 MB in three).
 */
#define HISTORY_PASS 6

static enum sk_err gather_passes(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				 struct sk_report_past *h, size_t n, struct sk_diag *d)
{
	enum sk_err rc = SK_OK;

	for (size_t i = 0; i < n && !rc; i += HISTORY_PASS)
		rc = gather_past(db, c, r, h + i, n - i < HISTORY_PASS ? n - i : HISTORY_PASS, d);
	return rc;
}

enum sk_err report_gather_history(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				  struct sk_diag *d)
{
	int back = r->period.kind == SK_PERIOD_MONTH ? HISTORY_MONTHS
		   : r->period.kind == SK_PERIOD_QUARTER ? HISTORY_QUARTERS : -1;
	sk_time first, start = contract_start(c);
	size_t from;
	enum sk_err rc;

	if (back < 0)
		return SK_OK;
	if ((rc = store_first_reported(db, &first, d)))
		return rc;
	r->history = calloc((size_t)back + 1, sizeof(*r->history));
	if (!r->history)
		return SK_ERR_NOMEM;
	r->n_history = (size_t)back + 1;
	for (int i = back; i > 0; i--) {
		struct sk_report_past *h = &r->history[back - i];

		period_back(&r->period, i, c->tz, &h->period);
		h->has_data = first && h->period.end > first && h->period.end > start;
	}
	/* The report's own period: its figures are already there. */
	r->history[back].period = r->period;
	r->history[back].has_data = 1;
	if ((rc = take_figures(r, &r->history[back], r->results, r->others, r->n_others, r->score)))
		return rc;
	/* Periods with data follow those without: each later one ends later. */
	for (from = 0; from < (size_t)back && !r->history[from].has_data; from++)
		;
	return from < (size_t)back ? gather_passes(db, c, r, &r->history[from], (size_t)back - from, d)
				   : SK_OK;
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
