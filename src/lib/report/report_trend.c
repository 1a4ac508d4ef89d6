/*
 * The parts of the report read straight from the tickets rather than from
 * the verdicts: changes and complaints (types that often have no target),
 * hand-overs, and the trend: tickets per location and category, the top-3
 * recurring incident categories, and the period month by month.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Bind the period to ?1 and ?2 of a fresh statement. */
static enum sk_err prepare_span(struct sk_db *db, const char *sql, const struct sk_period *p,
				sqlite3_stmt **st, struct sk_diag *d)
{
	enum sk_err rc = sk_db_prepare(db, sql, st, d);

	if (rc)
		return rc;
	sqlite3_bind_int64(*st, 1, p->start);
	sqlite3_bind_int64(*st, 2, p->end);
	return SK_OK;
}

static int col_flag(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

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

/* Fill one case from a row of the cases query. */
static int read_case(const struct sk_report *r, sqlite3_stmt *st, struct arena *a,
		     struct sk_report_case *k, int cal)
{
	const struct sk_contract *c = r->contract;
	sk_time res = sqlite3_column_int64(st, 4), clo = sqlite3_column_int64(st, 5);
	int failed = 0;

	memset(k, 0, sizeof(*k));
	k->id = arena_strdup(a, (const char *)sqlite3_column_text(st, 0), &failed);
	k->priority = sk_contract_find_priority(c, (const char *)sqlite3_column_text(st, 2));
	k->reported_at = sqlite3_column_int64(st, 3);
	k->solved_at = res ? res : clo;
	if (k->solved_at >= r->period.end)
		k->solved_at = 0; /* solved after the period: open at its end */
	k->planned_at = sqlite3_column_int64(st, 6);
	k->category = arena_strdup(a, (const char *)sqlite3_column_text(st, 7), &failed);
	k->location = arena_strdup(a, (const char *)sqlite3_column_text(st, 8), &failed);
	k->change_type = arena_strdup(a, (const char *)sqlite3_column_text(st, 9), &failed);
	k->cab_approved = col_flag(st, 10);
	k->failed = col_flag(st, 11);
	k->title = arena_strdup(a, (const char *)sqlite3_column_text(st, 12), &failed);
	if (sk_calendar_between(c->calendars[cal].cal, k->reported_at,
				k->solved_at ? k->solved_at : r->period.end, &k->business))
		k->business = 0;
	return failed ? -1 : 0;
}

enum sk_err report_gather_cases(struct sk_db *db, struct sk_report *r, struct arena *a,
				struct sk_diag *d)
{
	const struct sk_contract *c = r->contract;
	sqlite3_stmt *st = NULL;
	int cal = c->default_calendar, step;
	int64_t limit = 0;
	int has_limit = complaint_limit(c, &cal, &limit);
	enum sk_err rc;

	/*
	 * Active in the period: reported before its end, not solved before its
	 * start. One pass over the table and a sort of the few rows found: the id
	 * index (for the order) or the reported_at one (for "before the end",
	 * nearly every ticket when the period is recent) would fetch each row by
	 * lookup, several times slower (the + keeps the planner off both).
	 */
	if ((rc = prepare_span(db, "SELECT id, type, priority, reported_at, resolved_at, closed_at,"
			       " planned_at, category, location, change_type, cab_approved, change_failed, "
			       TICKET_TITLE_SQL " FROM tickets WHERE (type = 'change' OR type = 'complaint')"
			       " AND +reported_at < ?2 AND COALESCE(resolved_at, closed_at, ?2) >= ?1"
			       " ORDER BY +id", &r->period, &st, d)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int complaint = strcmp((const char *)sqlite3_column_text(st, 1), "complaint") == 0;
		struct sk_report_case k;

		if (read_case(r, st, a, &k, complaint ? cal : c->default_calendar)) {
			rc = SK_ERR_NOMEM;
			break;
		}
		if (complaint) {
			k.has_limit = has_limit;
			k.limit = limit;
			k.within = has_limit && k.solved_at && k.business <= limit;
			if (push_case(&r->complaints, &r->n_complaints, &k)) {
				rc = SK_ERR_NOMEM;
				break;
			}
			continue;
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
		if (push_case(&r->change_list, &r->n_changes, &k)) {
			rc = SK_ERR_NOMEM;
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading changes and complaints", d);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if ((rc = prepare_span(db, "SELECT count(*) FROM tickets WHERE escalated_at >= ?1"
			       " AND escalated_at < ?2", &r->period, &st, d)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		r->handovers = (long)sqlite3_column_int64(st, 0);
	else
		rc = sk_db_fail(db, "counting hand-overs", d);
	sqlite3_finalize(st);
	return rc;
}

/* Names and counts of a GROUP BY query over the period. */
static enum sk_err counts(struct sk_db *db, const char *sql, const struct sk_period *p,
			  struct arena *a, struct sk_report_count **out, size_t *n,
			  struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int step, failed = 0;
	enum sk_err rc = prepare_span(db, sql, p, &st, d);

	if (rc)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct sk_report_count *nl = realloc(*out, nc * sizeof(*nl));

			if (!nl) {
				rc = SK_ERR_NOMEM;
				break;
			}
			*out = nl;
			cap = nc;
		}
		(*out)[*n].name = arena_strdup(a, (const char *)sqlite3_column_text(st, 0), &failed);
		(*out)[*n].n = (long)sqlite3_column_int64(st, 1);
		(*n)++;
		if (failed) {
			rc = SK_ERR_NOMEM;
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "counting tickets", d);
	sqlite3_finalize(st);
	return rc;
}

/* One month: its volume, the figures per priority and the breached clocks. */
static enum sk_err gather_month(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				struct sk_report_month *m, struct arena *a, struct sk_diag *d)
{
	struct sk_results *res = r->results;
	struct sk_report_count *cat = NULL;
	size_t n_cat = 0;
	enum sk_err rc = SK_OK;

	m->prio = calloc(c->n_priorities ? c->n_priorities : 1, sizeof(*m->prio));
	m->category = calloc(r->n_categories ? r->n_categories : 1, sizeof(*m->category));
	if (!m->prio || !m->category)
		return SK_ERR_NOMEM;
	/* A monthly report's only month is the report itself. */
	if (r->period.months != 1 && (rc = sk_results_compute(db, c, &m->period, &res, d)))
		return rc;
	for (size_t p = 0; p < c->n_priorities; p++)
		report_prio_figures(c, res, (int)p, -1, &m->prio[p]);
	for (size_t i = 0; i < res->n; i++) {
		const struct sk_result *x = &res->r[i];

		if (x->v.excluded)
			continue;
		m->breached += x->response_counts && x->v.response.state == SK_CLOCK_BREACHED;
		m->breached += x->resolution_counts && x->v.resolution.state == SK_CLOCK_BREACHED;
	}
	if (res != r->results)
		sk_results_free(res);
	if ((rc = counts(db, "SELECT COALESCE(category, ''), count(*) FROM tickets"
			 " WHERE reported_at >= ?1 AND reported_at < ?2 GROUP BY 1", &m->period, a,
			 &cat, &n_cat, d)))
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

	/* Ties by name in binary order, so the same data gives the same lines. */
	if ((rc = counts(db, "SELECT COALESCE(location, ''), count(*) FROM tickets"
			 " WHERE reported_at >= ?1 AND reported_at < ?2 GROUP BY 1 ORDER BY 2 DESC, 1",
			 &r->period, a, &r->locations, &r->n_locations, d)) ||
	    (rc = counts(db, "SELECT COALESCE(category, ''), count(*) FROM tickets"
			 " WHERE reported_at >= ?1 AND reported_at < ?2 GROUP BY 1 ORDER BY 2 DESC, 1",
			 &r->period, a, &r->categories, &r->n_categories, d)) ||
	    (rc = counts(db, "SELECT category, count(*) FROM tickets WHERE reported_at >= ?1"
			 " AND reported_at < ?2 AND type = 'incident' AND category IS NOT NULL"
			 " AND category <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3",
			 &r->period, a, &r->recurring, &r->n_recurring, d)))
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
