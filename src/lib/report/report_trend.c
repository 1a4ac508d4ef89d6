/*
 * The parts of the report read straight from the tickets rather than from
 * the verdicts: changes and complaints (types that often have no target),
 * hand-overs, and the trend: tickets per location and category, the top-3
 * recurring incident categories, and the period month by month.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "store/store.h"

/* The limit of the contract's complaint KPI, on its calendar; 0 when none. */
static int complaint_limit(const struct sk_contract *c, int *cal, int64_t *limit)
{
	for (size_t i = 0; i < c->n_domains; i++)
		for (size_t k = 0; k < c->domains[i].n_kpis; k++) {
			const struct sk_kpi *kp = &c->domains[i].kpis[k];

			if (kp->source_kind != SK_SRC_COMPLAINT || !kp->within.set)
				continue;
			*cal = kp->source_calendar >= 0 ? kp->source_calendar : c->default_calendar;
			*limit = sk_contract_seconds(c, *cal, &kp->within);
			return 1;
		}
	return 0;
}

static int push_case(struct sk_report_case **list, size_t *n, const struct sk_report_case *k)
{
	struct sk_report_case *nl = realloc(*list, (*n + 1) * sizeof(**list));

	if (!nl)
		return -1;
	nl[(*n)++] = *k;
	*list = nl;
	return 0;
}

/* Fill one case from a row of the store. */
static int read_case(const struct sk_report *r, const struct store_case *row, struct arena *a,
		     struct sk_report_case *k, int cal)
{
	const struct sk_contract *c = r->contract;
	int failed = 0;

	memset(k, 0, sizeof(*k));
	k->id = arena_strdup(a, row->id, &failed);
	k->priority = sk_contract_find_priority(c, row->priority);
	k->reported_at = row->reported;
	k->solved_at = row->resolved ? row->resolved : row->closed;
	if (k->solved_at >= r->period.end)
		k->solved_at = 0; /* solved after the period: open at its end */
	k->planned_at = row->planned;
	k->category = arena_strdup(a, row->category, &failed);
	k->location = arena_strdup(a, row->location, &failed);
	k->change_type = arena_strdup(a, row->change_type, &failed);
	k->cab_approved = row->cab_approved;
	k->failed = row->failed;
	k->title = arena_strdup(a, row->title, &failed);
	if (sk_calendar_between(c->calendars[cal].cal, k->reported_at,
				k->solved_at ? k->solved_at : r->period.end, &k->business))
		k->business = 0;
	return failed ? -1 : 0;
}

/* What the cases are gathered into. */
struct cases {
	struct sk_report *r;
	struct arena *a;
	int cal;           /* the complaint KPI's calendar */
	int has_limit;
	int64_t limit;
};

/* One change or complaint: listed, and a change counted. */
static enum sk_err take_case(void *arg, const struct store_case *row)
{
	struct cases *cs = arg;
	struct sk_report *r = cs->r;
	int complaint = strcmp(row->type, "complaint") == 0;
	struct sk_report_case k;

	if (read_case(r, row, cs->a, &k, complaint ? cs->cal : r->contract->default_calendar))
		return SK_ERR_NOMEM;
	if (complaint) {
		/* Its time and verdict come after the walk (complaint_times()). */
		k.has_limit = cs->has_limit;
		k.limit = cs->limit;
		return push_case(&r->complaints, &r->n_complaints, &k) ? SK_ERR_NOMEM : SK_OK;
	}
	r->changes.total++;
	if (!k.change_type)
		r->changes.untyped++;
	else if (strcmp(k.change_type, "standard") == 0)
		r->changes.standard++;
	else if (strcmp(k.change_type, "emergency") == 0)
		r->changes.emergency++;
	else
		r->changes.normal++;
	r->changes.cab_approved += k.change_type && strcmp(k.change_type, "standard") != 0 &&
				   k.cab_approved == 1;
	r->changes.failed += k.failed == 1;
	r->changes.solved += k.solved_at != 0;
	return push_case(&r->change_list, &r->n_changes, &k) ? SK_ERR_NOMEM : SK_OK;
}

/*
 * Each complaint's time and whether it is within its limit, as the
 * tickets:complaint KPI and sla-compute count it (score_complaint_time():
 * pauses left out), at the period's end; the escalations read the same.
 */
static enum sk_err complaint_times(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				   int cal, struct sk_diag *d)
{
	enum sk_err rc;

	for (size_t i = 0; i < r->n_complaints; i++) {
		struct sk_report_case *k = &r->complaints[i];
		struct score_complaint t;

		if ((rc = score_complaint_time(db, c, k->id, cal, report_until(r), &t, d)))
			return rc;
		k->solved_at = t.solved;
		k->business = t.business;
		k->paused = t.paused;
		k->within = k->has_limit && k->solved_at && k->business <= k->limit;
		k->level = t.level;
		k->management_at = t.management_at;
		k->directors_at = t.directors_at;
	}
	r->ladder[0] = sk_contract_seconds(c, cal, &c->rules.complaint_management);
	r->ladder[1] = sk_contract_seconds(c, cal, &c->rules.complaint_directors);
	return SK_OK;
}

enum sk_err report_gather_cases(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				struct arena *a, struct sk_diag *d)
{
	struct cases cs = { r, a, r->contract->default_calendar, 0, 0 };
	enum sk_err rc;

	cs.has_limit = complaint_limit(r->contract, &cs.cal, &cs.limit);
	/* Active in the period: reported before its end, not solved before its start. */
	if ((rc = store_cases(db, r->period.start, r->period.end, take_case, &cs, d)) ||
	    (rc = complaint_times(db, c, r, cs.cal, d)))
		return rc;
	return store_count_escalated(db, r->period.start, r->period.end, &r->handovers, d);
}

/* Names and counts as the store hands them over. */
struct count_list {
	struct arena *a;
	struct sk_report_count **out;
	size_t *n, cap;
};

static enum sk_err take_count(void *arg, const char *name, long n)
{
	struct count_list *l = arg;
	int failed = 0;

	void *grown = *l->out;

	if (array_reserve(&grown, &l->cap, *l->n + 1, sizeof(**l->out)) < 0)
		return SK_ERR_NOMEM;
	*l->out = grown;
	(*l->out)[*l->n].name = arena_strdup(l->a, name, &failed);
	(*l->out)[*l->n].n = n;
	(*l->n)++;
	return failed ? SK_ERR_NOMEM : SK_OK;
}

/* Tickets reported in @p counted @by name. */
static enum sk_err counts(struct sk_db *db, enum store_group by, const struct sk_period *p,
			  struct arena *a, struct sk_report_count **out, size_t *n,
			  struct sk_diag *d)
{
	struct count_list l = { a, out, n, 0 };

	return store_count_tickets_by(db, by, p->start, p->end, take_count, &l, d);
}

/* One month: its volume, the figures per priority and the breached clocks. */
static enum sk_err gather_month(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				struct sk_report_month *m, struct arena *a, struct sk_diag *d)
{
	struct sk_results *res = r->results;
	struct report_others l = { &m->period, NULL, 0, 0 };
	struct results_others others = { report_others_take, &l };
	const struct sk_result *other = r->others;
	size_t n_other = r->n_others;
	struct sk_report_count *cat = NULL;
	size_t n_cat = 0;
	enum sk_err rc = SK_OK;

	m->prio = calloc(c->n_priorities ? c->n_priorities : 1, sizeof(*m->prio));
	m->category = calloc(r->n_categories ? r->n_categories : 1, sizeof(*m->category));
	if (!m->prio || !m->category)
		return SK_ERR_NOMEM;
	/* A monthly report's only month is the report itself. */
	if (r->period.months != 1) {
		rc = results_compute_with(db, c, &m->period, &res, d, NULL, 0, &others);
		other = l.r;
		n_other = l.n;
		if (rc) {
			free(l.r);
			return rc;
		}
	}
	for (size_t p = 0; p < c->n_priorities; p++)
		report_prio_figures(c, res, other, n_other, (int)p, -1, &m->prio[p]);
	free(l.r);
	for (size_t i = 0; i < res->n; i++) {
		const struct sk_result *x = &res->r[i];

		if (x->v.excluded)
			continue;
		m->breached += x->response_counts && x->v.response.state == SK_CLOCK_BREACHED;
		m->breached += x->resolution_counts && x->v.resolution.state == SK_CLOCK_BREACHED;
	}
	if (res != r->results)
		sk_results_free(res);
	if ((rc = counts(db, STORE_BY_CATEGORY_ANY, &m->period, a, &cat, &n_cat, d)))
		goto out;
	for (size_t i = 0; i < n_cat; i++) {
		m->reported += cat[i].n;
		for (size_t j = 0; j < r->n_categories; j++)
			if (strcmp(cat[i].name, r->categories[j].name) == 0)
				m->category[j] = cat[i].n;
	}
out:
	free(cat);
	return rc;
}

enum sk_err report_gather_trend(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				struct arena *a, struct sk_diag *d)
{
	enum sk_err rc;

	if ((rc = counts(db, STORE_BY_LOCATION, &r->period, a, &r->locations, &r->n_locations, d)) ||
	    (rc = counts(db, STORE_BY_CATEGORY, &r->period, a, &r->categories, &r->n_categories, d)) ||
	    (rc = counts(db, STORE_TOP_INCIDENT_CATEGORIES, &r->period, a, &r->recurring,
			 &r->n_recurring, d)))
		return rc;
	for (size_t i = 0; i < r->n_locations; i++)
		r->reported += r->locations[i].n;
	r->months = calloc((size_t)r->period.months, sizeof(*r->months));
	if (!r->months)
		return SK_ERR_NOMEM;
	for (int i = 0; i < r->period.months; i++) {
		struct sk_report_month *m = &r->months[r->n_months++];

		sk_period_nth_month(&r->period, i, c->tz, &m->period);
		if ((rc = gather_month(db, c, r, m, a, d)))
			return rc;
	}
	return SK_OK;
}
