/*
 * The management summary (slakit/summary.h): every contract norm with its
 * value and verdict, this period and the previous one; the domains' colours
 * from their staffel step; the total malus; the open tickets past their
 * deadline. The previous period is gathered here, through the same
 * functions as the report itself (verdicts, score, availability), so its
 * figures are the ones its own report shows.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

const char *sk_summary_colour_name(enum sk_summary_colour c)
{
	switch (c) {
	case SK_COLOUR_GREEN:
		return "green";
	case SK_COLOUR_AMBER:
		return "amber";
	case SK_COLOUR_RED:
		return "red";
	default:
		return "none";
	}
}

/* The period of the same kind before @p (the month before, the quarter before...). */
static enum sk_err previous_period(const struct sk_contract *c, const struct sk_period *p,
				   struct sk_period *out, struct sk_diag *d)
{
	char label[32];
	int y = p->year, i = p->index - 1;

	switch (p->kind) {
	case SK_PERIOD_MONTH:
		if (i < 1)
			y--, i = 12;
		snprintf(label, sizeof(label), "%04d-%02d", y, i);
		break;
	case SK_PERIOD_QUARTER:
		if (i < 1)
			y--, i = 4;
		snprintf(label, sizeof(label), "%04d-Q%d", y, i);
		break;
	case SK_PERIOD_HALF:
		if (i < 1)
			y--, i = 2;
		snprintf(label, sizeof(label), "%04d-H%d", y, i);
		break;
	default:
		snprintf(label, sizeof(label), "%04d", y - 1);
		break;
	}
	return sk_period_parse(label, c->tz, out, d);
}

/* 1 when the previous period has figures: it ends after the contract starts and
 * starts before the data's horizon. */
static int previous_has_data(const struct sk_contract *c, const struct sk_report *r,
			     struct sk_report_summary *s)
{
	if (c->has_start) {
		struct sk_civil sc = { 0 };

		sk_civil_from_days(c->start_day, &sc.year, &sc.month, &sc.day);
		if (s->previous.end <= sk_tz_from_civil(c->tz, &sc, NULL)) {
			s->before_start = 1;
			return 0;
		}
	}
	return r->horizon_source && r->horizon >= s->previous.start;
}

/* The colour of a domain's staffel step (see enum sk_summary_colour). */
static enum sk_summary_colour colour_of(const struct sk_contract *c,
				       const struct sk_domain_score *ds)
{
	const struct sk_staffel_step *st;

	if (!ds->scored || ds->step < 0 || (size_t)ds->step >= c->n_staffel)
		return SK_COLOUR_NONE;
	st = &c->staffel[ds->step];
	if (st->malus == 0)
		return SK_COLOUR_GREEN;
	if (st->escalate || ds->escalation || (size_t)ds->step == c->n_staffel - 1)
		return SK_COLOUR_RED;
	return SK_COLOUR_AMBER;
}

/* A share of tickets: within / n as a percentage at 6 places, met on the exact fraction. */
static void share(long within, long n, sk_dec norm, struct sk_summary_value *v)
{
	memset(v, 0, sizeof(*v));
	v->met = -1;
	if (!n)
		return;
	v->has_value = 1;
	v->within = within;
	v->n = n;
	sk_dec_percent(SK_DEC(within), SK_DEC(n), 6, &v->value);
	v->met = (int64_t)within * 100 * SK_DEC_ONE >= (int64_t)norm * n;
}

/* A KPI's value against its norm for the window, in its direction. */
static void kpi_value(const struct sk_kpi_score *ks, struct sk_summary_value *v)
{
	memset(v, 0, sizeof(*v));
	v->met = -1;
	if (!ks->has_value)
		return;
	v->has_value = 1;
	v->value = ks->measured;
	v->within = ks->within;
	v->n = ks->n;
	v->met = sk_kpi_met(ks);
}

static void service_value(const struct sk_report_service *s, struct sk_summary_value *v)
{
	memset(v, 0, sizeof(*v));
	v->met = -1;
	if (!s->has_value)
		return;
	v->has_value = 1;
	v->value = s->availability;
	v->met = s->met;
}

/* 1 when a KPI of the contract measures service @i (outages:ID). */
static int service_has_kpi(const struct sk_contract *c, size_t i)
{
	for (size_t dd = 0; dd < c->n_domains; dd++)
		for (size_t k = 0; k < c->domains[dd].n_kpis; k++)
			if (c->domains[dd].kpis[k].source_kind == SK_SRC_OUTAGES &&
			    c->domains[dd].kpis[k].source_service == (int)i)
				return 1;
	return 0;
}

/* A domain that has not started in the period: its norms do not apply yet
 * (the summary leaves them out, and so do the deviations). */
int report_domain_not_started(const struct sk_domain_score *ds)
{
	return ds->domain->has_start && strstr(ds->reason, "starts on") != NULL;
}

static struct sk_summary_norm *push(struct sk_report_summary *s, size_t *cap)
{
	void *grown = s->norms;

	if (array_reserve(&grown, cap, s->n_norms + 1, sizeof(*s->norms)) < 0)
		return NULL;
	s->norms = grown;
	memset(&s->norms[s->n_norms], 0, sizeof(*s->norms));
	s->norms[s->n_norms].priority = -1;
	return &s->norms[s->n_norms++];
}

/*
 * The norms, with this period's values (@r) and the previous one's (@pr,
 * NULL when it has none).
 */
static enum sk_err gather_norms(const struct sk_contract *c, const struct sk_report *r,
				const struct sk_report *pr, struct sk_report_summary *s)
{
	size_t cap = 0;

	for (size_t i = 0; i < r->n_prio; i++) {
		const struct sk_report_prio *p = &r->prio[i];
		struct sk_report_prio q;

		if (p->type >= 0 || !p->has_norm)
			continue;
		if (pr)
			report_prio_figures(c, pr->results, pr->others, pr->n_others, p->priority, -1, &q);
		for (int res = 0; res < 2; res++) {
			struct sk_summary_norm *n = push(s, &cap);

			if (!n)
				return SK_ERR_NOMEM;
			n->kind = SK_NORM_PRIORITY;
			n->priority = p->priority;
			n->resolution = res;
			n->direction = SK_HIGHER_IS_BETTER;
			n->norm = p->norm;
			n->percent = 1;
			share(res ? p->resolution_within : p->response_within,
			      res ? p->resolution_n : p->response_n, p->norm, &n->now);
			if (pr && q.has_norm)
				share(res ? q.resolution_within : q.response_within,
				      res ? q.resolution_n : q.response_n, q.norm, &n->prev);
			else
				share(0, 0, 0, &n->prev);
		}
	}
	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_domain_score *ds = &r->score->domains[i];

		if (report_domain_not_started(ds))
			continue;
		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];
			struct sk_summary_norm *n;

			if (!ks->kpi->has_norm)
				continue;
			if (!(n = push(s, &cap)))
				return SK_ERR_NOMEM;
			n->kind = SK_NORM_KPI;
			n->domain = i;
			n->kpi = k;
			n->direction = ks->kpi->direction;
			n->norm = ks->norm_used;
			n->percent = ks->kpi->unit && strcmp(ks->kpi->unit, "%") == 0;
			n->per_priority = sk_kpi_norms_per_priority(ks);
			kpi_value(ks, &n->now);
			if (pr && i < pr->score->n_domains && k < pr->score->domains[i].n_kpis &&
			    !report_domain_not_started(&pr->score->domains[i]))
				kpi_value(&pr->score->domains[i].kpis[k], &n->prev);
			else
				share(0, 0, 0, &n->prev);
		}
	}
	for (size_t i = 0; i < r->n_services; i++) {
		struct sk_summary_norm *n;

		if (service_has_kpi(c, i))
			continue;
		if (!(n = push(s, &cap)))
			return SK_ERR_NOMEM;
		n->kind = SK_NORM_SERVICE;
		n->service = i;
		n->direction = SK_HIGHER_IS_BETTER;
		n->norm = r->services[i].service->norm;
		n->percent = 1;
		service_value(&r->services[i], &n->now);
		if (pr && i < pr->n_services)
			service_value(&pr->services[i], &n->prev);
		else
			share(0, 0, 0, &n->prev);
	}
	for (size_t i = 0; i < s->n_norms; i++) {
		const struct sk_summary_norm *n = &s->norms[i];

		if (n->now.has_value && n->now.met >= 0) {
			s->judged++;
			s->met += n->now.met;
		} else {
			s->no_data++;
		}
		if (n->prev.has_value && n->prev.met >= 0) {
			s->prev_judged++;
			s->prev_met += n->prev.met;
		}
	}
	return SK_OK;
}

static void gather_domains(const struct sk_contract *c, const struct sk_report *r,
			   const struct sk_report *pr, struct sk_report_summary *s)
{
	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_domain_score *ds = &r->score->domains[i];
		struct sk_summary_domain *sd = &s->domains[i];

		sd->colour = colour_of(c, ds);
		if (pr && i < pr->score->n_domains && pr->score->domains[i].scored) {
			sd->prev_scored = 1;
			sd->prev_score = pr->score->domains[i].score;
			sd->prev_colour = colour_of(c, &pr->score->domains[i]);
		}
		if (!ds->scored || ds->step < 0)
			continue;
		s->malus_domains++;
		if (ds->has_invoice) {
			s->malus_cents += ds->malus_cents;
			s->malus_priced++;
		} else if (ds->malus > 0) {
			s->malus_unpriced++;
		}
	}
}

/* Open tickets with a clock still running past its deadline when the clocks were judged. */
static int overdue_one(const struct sk_contract *c, const struct sk_result *x,
		       struct sk_report_summary *s)
{
	const struct sk_verdict *v = &x->v;

	if (v->excluded || v->priority < 0 || (size_t)v->priority >= c->n_priorities)
		return 0;
	if ((v->response.state == SK_CLOCK_BREACHED && !v->response.stop) ||
	    (v->resolution.state == SK_CLOCK_BREACHED && !v->resolution.stop)) {
		s->overdue[v->priority]++;
		s->overdue_total++;
		return 1;
	}
	return 0;
}

/* A clock breached and still running whose deadline passed before @start. */
static int overdue_before(const struct sk_verdict *v, sk_time start)
{
	return (v->response.state == SK_CLOCK_BREACHED && !v->response.stop &&
		v->response.deadline < start) ||
	       (v->resolution.state == SK_CLOCK_BREACHED && !v->resolution.stop &&
		v->resolution.deadline < start);
}

/* The previous period's verdicts, score and services, as the report gathers its own. */
static enum sk_err gather_previous(struct sk_db *db, struct sk_contract *c,
				   const struct sk_report_options *o, struct sk_report *pr,
				   struct sk_diag *d)
{
	struct sk_score_input in = { db, NULL, 0, NULL, 0, NULL, 0, NULL, SK_MISSING_REFUSE,
				     NULL, 1 };
	enum sk_err rc;

	if (o) {
		/* Values given on the command line are this period's, not the previous one's. */
		in.invoices = o->invoices;
		in.n_invoices = o->n_invoices;
		in.invoice_file = o->invoice_file;
		in.missing = o->missing;
	}
	if ((rc = report_gather_verdicts(db, c, pr, NULL, d)))
		return rc;
	in.results = &pr->results;
	if ((rc = sk_score_compute(c, &pr->period, &in, &pr->score, d)))
		return rc;
	return report_gather_services(db, pr, d);
}

enum sk_err report_gather_summary(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				  const struct sk_report_options *o, struct sk_diag *d)
{
	struct sk_report_summary *s = calloc(1, sizeof(*s));
	struct sk_report *pr = NULL;
	enum sk_err rc;

	if (!s)
		return SK_ERR_NOMEM;
	r->summary = s;
	s->domains = calloc(r->score->n_domains ? r->score->n_domains : 1, sizeof(*s->domains));
	s->overdue = calloc(c->n_priorities ? c->n_priorities : 1, sizeof(*s->overdue));
	if (!s->domains || !s->overdue)
		return SK_ERR_NOMEM;
	if ((rc = previous_period(c, &r->period, &s->previous, d)))
		return rc;
	s->has_previous = previous_has_data(c, r, s);
	if (s->has_previous) {
		if (!(pr = report_new(c, &s->previous, o)))
			return SK_ERR_NOMEM;
		if ((rc = gather_previous(db, c, o, pr, d)))
			goto out;
	}
	if ((rc = gather_norms(c, r, pr, s)))
		goto out;
	gather_domains(c, r, pr, s);
	/* A previous period without a single figure (before the first data) has no data. */
	if (s->has_previous && !s->prev_judged) {
		int scored = 0;

		for (size_t i = 0; i < r->score->n_domains; i++)
			scored |= s->domains[i].prev_scored;
		s->has_previous = scored;
	}
	s->overdue_at = report_until(r);
	for (size_t i = 0; i < r->results->n; i++)
		overdue_one(c, &r->results->r[i], s);
	/* The open ones past their deadline since before the period: their breach counted
	 * (and was listed) in an earlier period, so the breaches section names them apart. */
	s->overdue_earlier = calloc(r->n_others ? r->n_others : 1, sizeof(*s->overdue_earlier));
	if (!s->overdue_earlier) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < r->n_others; i++)
		if (overdue_one(c, &r->others[i], s) && overdue_before(&r->others[i].v, r->period.start))
			s->overdue_earlier[s->n_overdue_earlier++] = i;
out:
	sk_report_free(pr);
	return rc;
}

void report_summary_free(struct sk_report_summary *s)
{
	if (!s)
		return;
	free(s->norms);
	free(s->domains);
	free(s->overdue);
	free(s->overdue_earlier);
	free(s);
}
