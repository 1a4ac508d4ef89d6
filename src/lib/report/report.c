/*
 * Gathering a report once, for every writer: the verdicts and the score of
 * the period, the figures per priority and type, and the tickets listed one
 * by one. The sources, the cases (changes, complaints) and the trend are
 * gathered in their own files.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report.h"
#include "slakit/version.h"
#include "store/store.h"

int sk_report_format_parse(const char *word)
{
	if (!word)
		return -1;
	if (strcasecmp(word, "text") == 0 || strcasecmp(word, "txt") == 0)
		return SK_REPORT_TEXT;
	if (strcasecmp(word, "csv") == 0)
		return SK_REPORT_CSV;
	if (strcasecmp(word, "json") == 0)
		return SK_REPORT_JSON;
	if (strcasecmp(word, "xlsx") == 0)
		return SK_REPORT_XLSX;
	return -1;
}

int sk_report_format_for_path(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;

	if (!dot || strchr(dot, '/'))
		return -1;
	return sk_report_format_parse(dot + 1);
}

/* The norm tickets of priority @p are held to: its own, else a ticket KPI's. */
static int prio_norm(const struct sk_contract *c, int p, sk_dec *norm)
{
	if (c->priorities[p].has_norm) {
		*norm = c->priorities[p].norm;
		return 1;
	}
	for (size_t i = 0; i < c->n_domains; i++)
		for (size_t k = 0; k < c->domains[i].n_kpis; k++) {
			const struct sk_kpi *kp = &c->domains[i].kpis[k];

			if ((kp->source_kind == SK_SRC_RESPONSE || kp->source_kind == SK_SRC_RESOLUTION) &&
			    kp->has_norm) {
				*norm = kp->norm;
				return 1;
			}
		}
	return 0;
}

/* within / n >= norm %, exactly (no rounding decides a verdict). */
static int reaches(long within, long n, sk_dec norm)
{
	return (int64_t)within * 100 * SK_DEC_ONE >= (int64_t)norm * n;
}

/* Mean of @sum over @n, half-up to a whole second; -1 when n is 0. */
static int64_t mean_seconds(int64_t sum, long n)
{
	return n ? (sum + n / 2) / n : -1;
}

int report_top_priority(const struct sk_contract *c)
{
	int top = -1;

	for (size_t p = 0; p < c->n_priorities; p++)
		if (top < 0 || c->priorities[p].level < c->priorities[top].level)
			top = (int)p;
	return top;
}

/* 1 when @t lies in @p. */
static int within_period(const struct sk_period *p, sk_time t)
{
	return t >= p->start && t < p->end;
}

/*
 * Whether the verdict @v of a ticket reported at @reported was resolved in
 * @p: mttr_wall is set only for a resolution at or before the period's end.
 */
static int resolved_in(const struct sk_period *p, const struct sk_verdict *v, sk_time reported)
{
	return v->mttr_wall >= 0 && within_period(p, reported + v->mttr_wall);
}

static int productive_in(const struct sk_period *p, const struct sk_verdict *v, sk_time reported)
{
	return v->mttp_wall >= 0 && within_period(p, reported + v->mttp_wall);
}

enum sk_err report_others_take(void *arg, const struct sk_result *x)
{
	static char empty[1];
	struct report_others *l = arg;
	const struct sk_verdict *v = &x->v;
	struct sk_result *k;
	void *grown;

	if (v->excluded || !(v->mttr_wall < 0 || resolved_in(l->period, v, x->ticket.reported_at) ||
			     productive_in(l->period, v, x->ticket.reported_at)))
		return SK_OK;
	grown = l->r;
	if (array_reserve(&grown, &l->cap, l->n + 1, sizeof(*l->r)) < 0)
		return SK_ERR_NOMEM;
	l->r = grown;
	/* The verdict is released after the call: keep none of what it owns. */
	k = &l->r[l->n++];
	*k = *x;
	k->v.pauses = NULL;
	k->v.n_pauses = 0;
	k->v.reason = empty;
	k->ticket.events = NULL;
	k->ticket.n_events = 0;
	k->ticket.pauses = NULL;
	k->ticket.n_pauses = 0;
	return SK_OK;
}

/* Count ticket @x (of the results or beside them) into @out. */
static void tally(const struct sk_period *p, const struct sk_result *x, struct sk_report_prio *out,
		  int64_t sums[4])
{
	const struct sk_verdict *v = &x->v;
	sk_time reported = x->ticket.reported_at;
	int rs, rv;

	/* Listed apart: in none of the row's columns (wrong_channel = separate). */
	if (v->excluded)
		return;
	out->pending += x->pending;
	/* Not resolved at the period's end (mttr_wall is set only for a resolution by then). */
	out->open += v->mttr_wall < 0;
	rs = x->response_counts &&
	     (v->response.state == SK_CLOCK_MET || v->response.state == SK_CLOCK_BREACHED);
	rv = x->resolution_counts &&
	     (v->resolution.state == SK_CLOCK_MET || v->resolution.state == SK_CLOCK_BREACHED);
	if (rs || rv)
		out->tickets++;
	if ((rs || rv) && (v->flags & SK_FLAG_RESPONSE_UNMEASURED))
		out->response_unmeasured++;
	if (rs) {
		out->response_n++;
		out->response_within += v->response.state == SK_CLOCK_MET;
	}
	if (rv) {
		out->resolution_n++;
		out->resolution_within += v->resolution.state == SK_CLOCK_MET;
	}
	/*
	 * Means over the tickets that stopped in the period, whatever period
	 * their verdict counted in: a breach that counted last month is still
	 * one of this month's resolutions.
	 */
	if (v->resolution.stop && resolved_in(p, v, reported)) {
		sums[0] += v->mttr_business;
		sums[1] += v->mttr_wall;
		out->mttr_n++;
	}
	if (productive_in(p, v, reported)) {
		sums[2] += v->mttp_business;
		sums[3] += v->mttp_wall;
		out->mttp_n++;
	}
}

void report_prio_figures(const struct sk_contract *c, const struct sk_results *res,
			 const struct sk_result *others, size_t n_others, int prio, int type,
			 struct sk_report_prio *out)
{
	int64_t sums[4] = { 0, 0, 0, 0 };
	int decimals = c->rules.pct_decimals;

	memset(out, 0, sizeof(*out));
	out->priority = prio;
	out->type = type;
	for (size_t i = 0; i < res->n + n_others; i++) {
		const struct sk_result *x = i < res->n ? &res->r[i] : &others[i - res->n];

		if (x->v.priority == prio && (type < 0 || (int)x->ticket.type == type))
			tally(&res->period, x, out, sums);
	}
	if (out->response_n)
		sk_dec_percent(SK_DEC(out->response_within), SK_DEC(out->response_n), decimals,
			       &out->response_pct);
	if (out->resolution_n)
		sk_dec_percent(SK_DEC(out->resolution_within), SK_DEC(out->resolution_n), decimals,
			       &out->resolution_pct);
	out->has_norm = prio_norm(c, prio, &out->norm);
	out->met = -1;
	if (out->has_norm && (out->response_n || out->resolution_n))
		out->met = (!out->response_n || reaches(out->response_within, out->response_n, out->norm)) &&
			   (!out->resolution_n ||
			    reaches(out->resolution_within, out->resolution_n, out->norm));
	out->mttr = mean_seconds(sums[0], out->mttr_n);
	out->mttr_wall = mean_seconds(sums[1], out->mttr_n);
	out->mttp = mean_seconds(sums[2], out->mttp_n);
	out->mttp_wall = mean_seconds(sums[3], out->mttp_n);
}

/* Per priority: all types together, then every type that has tickets. */
static enum sk_err gather_prio(struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	size_t max = c->n_priorities * (SK_TICKET_TYPES + 1);

	r->prio = calloc(max ? max : 1, sizeof(*r->prio));
	if (!r->prio)
		return SK_ERR_NOMEM;
	for (size_t p = 0; p < c->n_priorities; p++) {
		report_prio_figures(c, r->results, r->others, r->n_others, (int)p, -1,
				    &r->prio[r->n_prio++]);
		for (int t = 0; t < SK_TICKET_TYPES; t++) {
			struct sk_report_prio *row = &r->prio[r->n_prio];

			report_prio_figures(c, r->results, r->others, r->n_others, (int)p, t, row);
			if (row->tickets || row->open || row->pending || row->mttr_n || row->mttp_n)
				r->n_prio++;
		}
	}
	return SK_OK;
}

static int push_index(size_t **list, size_t *n, size_t i)
{
	size_t *nl = realloc(*list, (*n + 1) * sizeof(**list));

	if (!nl)
		return -1;
	nl[(*n)++] = i;
	*list = nl;
	return 0;
}

static int push_breach(struct sk_report *r, size_t i, int resolution, const struct sk_clock *k)
{
	struct sk_report_breach *nb = realloc(r->breaches, (r->n_breaches + 1) * sizeof(*nb));

	if (!nb)
		return -1;
	r->breaches = nb;
	nb[r->n_breaches].result = i;
	nb[r->n_breaches].resolution = resolution;
	nb[r->n_breaches].late = k->elapsed - k->target;
	r->n_breaches++;
	return 0;
}

/* P1s, uplifts, tickets listed apart and breached clocks, in ticket order. */
static enum sk_err gather_lists(struct sk_report *r)
{
	int top = report_top_priority(r->contract);

	for (size_t i = 0; i < r->results->n; i++) {
		const struct sk_result *x = &r->results->r[i];
		const struct sk_verdict *v = &x->v;

		if (v->priority == top && push_index(&r->p1, &r->n_p1, i))
			return SK_ERR_NOMEM;
		if ((v->flags & SK_FLAG_UPLIFT) && push_index(&r->uplifts, &r->n_uplifts, i))
			return SK_ERR_NOMEM;
		if ((v->excluded || (v->flags & REPORT_APART_FLAGS)) &&
		    push_index(&r->apart, &r->n_apart, i))
			return SK_ERR_NOMEM;
		if (v->excluded)
			continue;
		if (x->response_counts && v->response.state == SK_CLOCK_BREACHED &&
		    push_breach(r, i, 0, &v->response))
			return SK_ERR_NOMEM;
		if (x->resolution_counts && v->resolution.state == SK_CLOCK_BREACHED &&
		    push_breach(r, i, 1, &v->resolution))
			return SK_ERR_NOMEM;
	}
	return SK_OK;
}

/* Domains whose staffel step escalates, and complaints beyond their limit or ladder step. */
static enum sk_err gather_escalations(struct sk_report *r)
{
	size_t max = r->score->n_domains + r->n_complaints;

	r->escalations = calloc(max ? max : 1, sizeof(*r->escalations));
	if (!r->escalations)
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < r->score->n_domains; i++)
		if (r->score->domains[i].scored && r->score->domains[i].escalation)
			r->escalations[r->n_escalations++] = (struct sk_report_escalation){ 0, i };
	for (size_t i = 0; i < r->n_complaints; i++) {
		const struct sk_report_case *k = &r->complaints[i];

		/* With a ladder its steps decide; without one, the complaint KPI's limit. */
		if (k->level ? k->level >= 2 : k->has_limit && k->business > k->limit)
			r->escalations[r->n_escalations++] = (struct sk_report_escalation){ 1, i };
	}
	return SK_OK;
}

/* The SLR is due report_due_days werkdagen after the period, at the close of that day. */
static enum sk_err gather_due(struct sk_report *r, struct sk_diag *d)
{
	const struct sk_contract *c = r->contract;
	struct sk_calendar *cal = c->calendars[c->default_calendar].cal;
	int64_t secs = (int64_t)c->rules.report_due_days * sk_calendar_standard_day(cal);

	if (sk_calendar_add(cal, r->period.end, secs, &r->due))
		return sk_diag_set(d, SK_ERR_RANGE, c->path, 0, "report_due_days",
				   "the SLR due date of %s lies outside 1900-2199", r->period.label);
	return SK_OK;
}

/* Options of a report gathered without any. */
static const struct sk_report_options none = { SK_MISSING_REFUSE, NULL, 0, NULL, 0, NULL };

struct sk_report *report_new(const struct sk_contract *c, const struct sk_period *p,
			     const struct sk_report_options *o)
{
	struct sk_report *r = calloc(1, sizeof(*r));

	if (!r || !(r->arena = arena_new())) {
		free(r);
		return NULL;
	}
	r->contract = c;
	r->period = *p;
	r->missing = (o ? o : &none)->missing;
	snprintf(r->version, sizeof(r->version), "%s", sk_version());
	return r;
}

/*
 * A period that ends before the contract starts has nothing to report: it
 * is refused rather than shown as a report of nothing ([contract] start).
 */
static enum sk_err check_contract_start(const struct sk_contract *c, const struct sk_period *p,
					struct sk_diag *d)
{
	struct sk_civil sc = { 0 };
	sk_time start;

	if (!c->has_start)
		return SK_OK;
	sk_civil_from_days(c->start_day, &sc.year, &sc.month, &sc.day);
	start = sk_tz_from_civil(c->tz, &sc, NULL);
	if (p->end > start)
		return SK_OK;
	return sk_diag_set(d, SK_ERR_USAGE, c->path, 0, "start",
			   "period %s ends before the contract starts (%04d-%02d-%02d, [contract] start)",
			   p->label, sc.year, sc.month, sc.day);
}

/* The data's horizon, and whether the period ends after it. */
static enum sk_err gather_horizon(struct sk_db *db, struct sk_report *r, struct sk_diag *d)
{
	enum store_horizon from;
	enum sk_err rc = store_data_horizon(db, &r->horizon, &from, d);

	if (rc)
		return rc;
	r->horizon_source = from == STORE_HORIZON_IMPORTS ? 1 : from == STORE_HORIZON_DATA ? 2 : 0;
	/* The horizon is the last instant covered; the period's end is the first one after it. */
	r->beyond_horizon = r->horizon_source && r->horizon < r->period.end - 1;
	return SK_OK;
}

enum sk_err report_gather_verdicts(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				   struct results_feed *feed, struct sk_diag *d)
{
	struct report_others l = { &r->period, NULL, 0, 0 };
	struct results_others others = { report_others_take, &l };
	enum sk_err rc;

	if ((rc = check_contract_start(c, &r->period, d)))
		return rc;
	rc = results_compute_with(db, c, &r->period, &r->results, d, feed, RESULTS_TITLES, &others);
	r->others = l.r;
	r->n_others = l.n;
	return rc;
}

enum sk_err report_gather_rest(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
			       const struct sk_report_options *o, struct sk_diag *d)
{
	struct arena *a = r->arena;
	enum sk_err rc;

	if (!o)
		o = &none;
	{
		/* The score's ticket KPIs of this period use the same verdicts. */
		struct sk_score_input in = { db, o->given, o->n_given, NULL, 0, o->invoices,
					     o->n_invoices, o->invoice_file, o->missing,
					     &r->results, 1 };

		if ((rc = sk_score_compute(c, &r->period, &in, &r->score, d)))
			goto fail;
	}
	if ((rc = gather_prio(r)) || (rc = gather_lists(r)) ||
	    (rc = report_gather_services(db, r, d)) ||
	    (rc = report_gather_cases(db, c, r, a, d)) ||
	    (rc = report_gather_trend(db, c, r, a, d)) ||
	    (rc = report_gather_deviations(db, r, d)) ||
	    (rc = report_gather_history(db, c, r, d)) ||
	    (rc = report_gather_sources(db, r, a, d)) ||
	    (rc = gather_escalations(r)) || (rc = gather_due(r, d)) ||
	    (rc = gather_horizon(db, r, d)) ||
	    (rc = report_gather_suppliers(db, c, r, d)) ||
	    (rc = report_gather_cadence(db, c, r, d)) ||
	    (rc = report_gather_breakdown(db, c, r, d)) ||
	    (rc = report_gather_summary(db, c, r, o, d)))
		goto fail;
	return SK_OK;
fail:
	if (rc == SK_ERR_NOMEM && d && !d->msg[0])
		sk_diag_set(d, rc, NULL, 0, NULL, "out of memory while gathering the report");
	return rc;
}

enum sk_err sk_report_gather(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			     const struct sk_report_options *o, struct sk_report **out,
			     struct sk_diag *d)
{
	struct sk_report *r = report_new(c, p, o);
	enum sk_err rc;

	*out = NULL;
	if (!r)
		return diag_ensure(d, SK_ERR_NOMEM);
	/* One read transaction: every figure from the same state of the database,
	 * even when an import commits while the report is gathered. */
	if (!(rc = store_read_begin(db, REPORT_READ, d))) {
		if (!(rc = report_gather_verdicts(db, c, r, NULL, d)))
			rc = report_gather_rest(db, c, r, o, d);
		store_read_end(db, REPORT_READ);
	}
	if (rc) {
		sk_report_free(r);
		return diag_ensure(d, rc);
	}
	*out = r;
	return SK_OK;
}

void sk_report_free(struct sk_report *r)
{
	if (!r)
		return;
	sk_results_free(r->results);
	free(r->others);
	sk_score_free(r->score);
	free(r->imports);
	free(r->prio);
	free(r->p1);
	free(r->uplifts);
	free(r->apart);
	free(r->breaches);
	free(r->services);
	free(r->change_list);
	free(r->complaints);
	free(r->escalations);
	free(r->locations);
	free(r->categories);
	free(r->recurring);
	for (size_t i = 0; i < r->n_months; i++) {
		free(r->months[i].prio);
		free(r->months[i].category);
	}
	free(r->months);
	report_history_free(r);
	report_suppliers_free(r->suppliers);
	report_summary_free(r->summary);
	report_deviations_free(r->deviations);
	report_cadence_free(r->cadence);
	report_breakdown_free(r->breakdown);
	arena_free(r->arena);
	free(r);
}
