/*
 * Where the report's figures come from: the imports that fed the period
 * (so the report can name every input file by its SHA-256), and the
 * availability of the contract's services.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "report.h"
#include "engine/engine.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Index of ticket @id in the results (sorted by id), -1 when not in scope. */
static long result_index(const struct sk_results *res, const char *id)
{
	size_t lo = 0, hi = res->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(res->r[mid].ticket.id, id);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The span every figure of the report looks at: the period and each KPI's window. */
static void report_span(const struct sk_report *r, sk_time *start, sk_time *end)
{
	*start = r->period.start;
	*end = r->period.end;
	for (size_t i = 0; i < r->score->n_domains; i++)
		for (size_t k = 0; k < r->score->domains[i].n_kpis; k++) {
			struct sk_period w;

			if (sk_period_parse(r->score->domains[i].kpis[k].window, r->contract->tz, &w,
					    NULL) != SK_OK)
				continue;
			if (w.start < *start)
				*start = w.start;
			if (w.end > *end)
				*end = w.end;
		}
}

/* 1 when a measurement for @label is one a KPI of the report reads. */
static int label_used(const struct sk_report *r, const char *label, sk_time start, sk_time end)
{
	struct sk_period w;

	for (size_t i = 0; i < r->score->n_domains; i++)
		for (size_t k = 0; k < r->score->domains[i].n_kpis; k++)
			if (strcmp(r->score->domains[i].kpis[k].window, label) == 0)
				return 1;
	/* Monthly measurements are averaged over a longer window. */
	return strlen(label) == 7 && sk_period_parse(label, r->contract->tz, &w, NULL) == SK_OK &&
	       w.start >= start && w.end <= end;
}

/* The child tables whose rows name the import that wrote them. */
static const char *const child_sql[] = {
	"SELECT import_id FROM ticket_events WHERE ticket_id = ?1",
	"SELECT import_id FROM pauses WHERE ticket_id = ?1",
};

/* Every import that wrote a row of child table @table for a ticket in @ids. */
static enum sk_err mark_ticket_rows(struct sk_db *db, int table, char **ids, size_t n,
				    struct id_list *s, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	if (!n)
		return SK_OK;
	if ((rc = sk_db_prepare(db, child_sql[table], &st, d)))
		return rc;
	for (size_t k = 0; k < n && rc == SK_OK; k++) {
		int step;

		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, ids[k], -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			if (id_list_add(s, sqlite3_column_int64(st, 0))) {
				rc = SK_ERR_NOMEM;
				break;
			}
		if (rc == SK_OK && step != SQLITE_DONE)
			rc = sk_db_fail(db, "finding the imports of the period", d);
	}
	sqlite3_finalize(st);
	return rc;
}

/* import_ids of rows of @sql (span bound to ?1, ?2), column 0 = import_id, 1 = label or NULL. */
static enum sk_err mark_span_rows(struct sk_db *db, const struct sk_report *r, const char *sql,
				  sk_time start, sk_time end, struct id_list *s,
				  struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc = sk_db_prepare(db, sql, &st, d);
	int step;

	if (rc)
		return rc;
	if (sqlite3_bind_parameter_count(st) >= 2) {
		sqlite3_bind_int64(st, 1, start);
		sqlite3_bind_int64(st, 2, end);
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *label = (const char *)sqlite3_column_text(st, 1);

		if (sqlite3_column_type(st, 1) != SQLITE_NULL && !label_used(r, label, start, end))
			continue;
		if (id_list_add(s, sqlite3_column_int64(st, 0))) {
			rc = SK_ERR_NOMEM;
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "finding the imports of the period", d);
	sqlite3_finalize(st);
	return rc;
}

/* Room for one more id in *ids. */
static int grow_ids(char ***ids, size_t n, size_t *cap)
{
	if (n == *cap) {
		size_t nc = *cap ? *cap * 2 : 256;
		char **ni = realloc(*ids, nc * sizeof(*ni));

		if (!ni)
			return -1;
		*ids = ni;
		*cap = nc;
	}
	return 0;
}

/* Add ticket @id (copied) to the extras and mark the import that wrote it. */
static enum sk_err add_extra(sqlite3_stmt *one, const char *id, struct arena *a,
			     struct id_list *s, char ***ids, size_t *n_ids, size_t *cap)
{
	int failed = 0;

	sqlite3_reset(one);
	sqlite3_bind_text(one, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(one) != SQLITE_ROW)
		return SK_OK;
	if (grow_ids(ids, *n_ids, cap))
		return SK_ERR_NOMEM;
	(*ids)[(*n_ids)++] = arena_strdup(a, id, &failed);
	return failed || id_list_add(s, sqlite3_column_int64(one, 0)) ? SK_ERR_NOMEM : SK_OK;
}

/*
 * The tickets behind the report. Those in scope came with their imports
 * (results_compute()); the few others that fed it, reported in the period
 * but not counting in it, or listed as cases, are looked up, and returned in
 * @ids for their events and pauses.
 */
static enum sk_err gather_tickets(struct sk_db *db, struct sk_report *r, struct arena *a,
				  struct id_list *s, char ***ids, size_t *n_ids,
				  struct sk_diag *d)
{
	const struct sk_results *res = r->results;
	sqlite3_stmt *one = NULL, *rep = NULL;
	size_t cap = 0, w = 0;
	enum sk_err rc = SK_OK;
	int step;

	for (size_t i = 0; i < res->n && !rc; i++) {
		const struct sk_ticket *t = &res->r[i].ticket;

		if (t->import_id && id_list_add(s, t->import_id))
			rc = SK_ERR_NOMEM;
		for (size_t k = 0; k < t->n_child_imports && !rc; k++)
			if (id_list_add(s, t->child_imports[k]))
				rc = SK_ERR_NOMEM;
	}
	if (rc ||
	    (rc = sk_db_prepare(db, "SELECT import_id FROM tickets WHERE id = ?1", &one, d)) ||
	    (rc = sk_db_prepare(db, "SELECT id FROM tickets WHERE reported_at >= ?1 AND reported_at < ?2",
				&rep, d)))
		goto out;
	sqlite3_bind_int64(rep, 1, r->period.start);
	sqlite3_bind_int64(rep, 2, r->period.end);
	while (!rc && (step = sqlite3_step(rep)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(rep, 0);

		if (id && result_index(res, id) < 0)
			rc = add_extra(one, id, a, s, ids, n_ids, &cap);
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading tickets", d);
	for (size_t i = 0; i < r->n_changes && !rc; i++)
		if (result_index(res, r->change_list[i].id) < 0)
			rc = add_extra(one, r->change_list[i].id, a, s, ids, n_ids, &cap);
	for (size_t i = 0; i < r->n_complaints && !rc; i++)
		if (result_index(res, r->complaints[i].id) < 0)
			rc = add_extra(one, r->complaints[i].id, a, s, ids, n_ids, &cap);
	if (rc)
		goto out;
	/* Once each. */
	if (*n_ids > 1)
		qsort(*ids, *n_ids, sizeof(**ids), cmp_str);
	for (size_t i = 0; i < *n_ids; i++)
		if (!w || strcmp((*ids)[w - 1], (*ids)[i]) != 0)
			(*ids)[w++] = (*ids)[i];
	*n_ids = w;
out:
	sqlite3_finalize(one);
	sqlite3_finalize(rep);
	return rc;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The rows of `imports` named in @s, by id; generated_at from them. */
static enum sk_err load_imports(struct sk_db *db, struct sk_report *r, struct arena *a,
				struct id_list *s, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int failed = 0;

	if (s->n)
		qsort(s->ids, s->n, sizeof(*s->ids), cmp_id);
	r->imports = calloc(s->n ? s->n : 1, sizeof(*r->imports));
	if (!r->imports)
		return SK_ERR_NOMEM;
	r->generated_at = 0;
	if ((rc = sk_db_prepare(db, "SELECT file, sha256, kind, profile, rows_read, rows_rejected,"
				" dst_gaps, dst_folds, finished_at FROM imports WHERE id = ?1", &st, d)))
		return rc;
	for (size_t i = 0; i < s->n; i++) {
		struct sk_report_import *im = &r->imports[r->n_imports];

		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, s->ids[i]);
		int step = sqlite3_step(st);

		if (step == SQLITE_DONE)
			continue; /* a row pointing at a missing import: nothing to name */
		if (step != SQLITE_ROW) {
			sqlite3_finalize(st);
			return sk_db_fail(db, "reading imports", d);
		}
		im->id = (long)s->ids[i];
		im->file = arena_strdup(a, (const char *)sqlite3_column_text(st, 0), &failed);
		snprintf(im->sha256, sizeof(im->sha256), "%s", (const char *)sqlite3_column_text(st, 1));
		im->kind = arena_strdup(a, (const char *)sqlite3_column_text(st, 2), &failed);
		im->profile = arena_strdup(a, (const char *)sqlite3_column_text(st, 3), &failed);
		im->rows = (long)sqlite3_column_int64(st, 4);
		im->rejected = (long)sqlite3_column_int64(st, 5);
		im->dst_gaps = (long)sqlite3_column_int64(st, 6);
		im->dst_folds = (long)sqlite3_column_int64(st, 7);
		im->finished_at = sqlite3_column_int64(st, 8);
		if (im->finished_at > r->generated_at)
			r->generated_at = im->finished_at;
		r->n_imports++;
	}
	sqlite3_finalize(st);
	/* No import fed it: the data is as old as the period. */
	if (!r->n_imports)
		r->generated_at = r->period.end;
	return failed ? SK_ERR_NOMEM : SK_OK;
}

enum sk_err report_gather_sources(struct sk_db *db, struct sk_report *r, struct arena *a,
				  struct sk_diag *d)
{
	struct id_list s = { NULL, 0, 0 };
	char **ids = NULL;
	size_t n_ids = 0;
	sk_time start, end;
	enum sk_err rc;

	report_span(r, &start, &end);
	if ((rc = gather_tickets(db, r, a, &s, &ids, &n_ids, d)))
		goto out;
	if ((rc = mark_ticket_rows(db, 0, ids, n_ids, &s, d)) ||
	    (rc = mark_ticket_rows(db, 1, ids, n_ids, &s, d)) ||
	    (rc = mark_span_rows(db, r, "SELECT DISTINCT import_id, NULL FROM calls"
				 " WHERE started_at >= ?1 AND started_at < ?2", start, end, &s, d)) ||
	    (rc = mark_span_rows(db, r, "SELECT DISTINCT import_id, NULL FROM outages"
				 " WHERE end_at > ?1 AND start_at < ?2", start, end, &s, d)) ||
	    (rc = mark_span_rows(db, r, "SELECT DISTINCT import_id, period FROM kpi_measurements",
				 start, end, &s, d)))
		goto out;
	rc = load_imports(db, r, a, &s, d);
out:
	free(ids);
	id_list_release(&s);
	return rc;
}

/* Availability of service @svc over the period, as sla-score measures it. */
static enum sk_err service_availability(struct sk_db *db, const struct sk_report *r,
					const struct sk_service *svc, struct sk_report_service *out,
					struct sk_diag *d)
{
	const struct sk_contract *c = r->contract;
	struct sk_calendar *cal = c->calendars[svc->calendar].cal;
	int64_t notice = svc->notice.set ? sk_duration_seconds(&svc->notice, 86400) : 0, secs;
	sk_time ms = 0, me = 0;
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	memset(out, 0, sizeof(*out));
	out->service = svc;
	if (sk_calendar_between(cal, r->period.start, r->period.end, &out->window))
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL, "period outside 1900-2199");
	/* Same rule as the outages KPI: announced planned maintenance does not count, overlaps merge. */
	if ((rc = sk_db_prepare(db, "SELECT start_at, end_at, planned = 1 AND announced_at IS NOT NULL"
				" AND start_at - announced_at >= ?4 FROM outages"
				" WHERE lower(service) = lower(?3) AND end_at > ?1 AND start_at < ?2"
				" ORDER BY start_at", &st, d)))
		return rc;
	sqlite3_bind_int64(st, 1, r->period.start);
	sqlite3_bind_int64(st, 2, r->period.end);
	sqlite3_bind_text(st, 3, svc->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, notice);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		sk_time s = sqlite3_column_int64(st, 0), e = sqlite3_column_int64(st, 1);

		if (sqlite3_column_int(st, 2)) {
			out->planned++;
			continue;
		}
		s = s < r->period.start ? r->period.start : s;
		e = e > r->period.end ? r->period.end : e;
		out->outages++;
		if (me && s <= me) {
			if (e > me)
				me = e;
			continue;
		}
		if (me && sk_calendar_between(cal, ms, me, &secs) == SK_OK)
			out->down += secs;
		ms = s;
		me = e;
	}
	if (me && sk_calendar_between(cal, ms, me, &secs) == SK_OK)
		out->down += secs;
	if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading outages", d);
	sqlite3_finalize(st);
	if (rc || out->window <= 0)
		return rc;
	out->has_value = 1;
	sk_dec_percent(SK_DEC(out->window - out->down), SK_DEC(out->window), 6, &out->availability);
	/* Fits 64 bits: a year has fewer than 2^25 seconds, a norm at most 100e6. */
	out->met = (out->window - out->down) * 100 * SK_DEC_ONE >= svc->norm * out->window;
	return SK_OK;
}

enum sk_err report_gather_services(struct sk_db *db, struct sk_report *r, struct sk_diag *d)
{
	const struct sk_contract *c = r->contract;
	enum sk_err rc;

	r->services = calloc(c->n_services ? c->n_services : 1, sizeof(*r->services));
	if (!r->services)
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < c->n_services; i++) {
		if ((rc = service_availability(db, r, &c->services[i], &r->services[i], d)))
			return rc;
		r->n_services++;
	}
	return SK_OK;
}
