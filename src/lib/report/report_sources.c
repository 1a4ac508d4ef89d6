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
#include "store/store.h"

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

/* What the imports of the span's calls, outages and measurements are marked in. */
struct span_marks {
	const struct sk_report *r;
	sk_time start, end;
	struct id_list *s;
};

/* A row's import, unless it is a measurement (@label) no KPI of the report reads. */
static enum sk_err mark_span_row(void *arg, int64_t import_id, const char *label)
{
	struct span_marks *m = arg;

	if (label && !label_used(m->r, label, m->start, m->end))
		return SK_OK;
	return id_list_add(m->s, import_id) ? SK_ERR_NOMEM : SK_OK;
}

/* Room for one more id in *ids. */
static int grow_ids(char ***ids, size_t n, size_t *cap)
{
	void *grown = *ids;

	if (array_reserve(&grown, cap, n + 1, sizeof(**ids)) < 0)
		return -1;
	*ids = grown;
	return 0;
}

/* The extra tickets behind the report, found one by one. */
struct extras {
	const struct sk_results *res;
	struct store_ticket_lookup *one;
	struct arena *a;
	struct id_list *s;
	char ***ids;
	size_t *n_ids, cap;
};

/* Add ticket @id (copied) to the extras and mark the import that wrote it. */
static enum sk_err add_extra(struct extras *x, const char *id)
{
	int64_t import_id;
	int failed = 0, found = store_ticket_lookup(x->one, id, &import_id);

	if (found < 0)
		return SK_ERR_DB;
	if (!found)
		return SK_OK;
	if (grow_ids(x->ids, *x->n_ids, &x->cap))
		return SK_ERR_NOMEM;
	(*x->ids)[(*x->n_ids)++] = arena_strdup(x->a, id, &failed);
	return failed || id_list_add(x->s, import_id) ? SK_ERR_NOMEM : SK_OK;
}

/* A ticket reported in the period: an extra when it is not in scope. */
static enum sk_err take_reported(void *arg, const char *id)
{
	struct extras *x = arg;

	return id && result_index(x->res, id) < 0 ? add_extra(x, id) : SK_OK;
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
	struct extras x = { res, NULL, a, s, ids, n_ids, 0 };
	size_t w = 0;
	enum sk_err rc = SK_OK;

	for (size_t i = 0; i < res->n && !rc; i++) {
		const struct sk_ticket *t = &res->r[i].ticket;

		if (t->import_id && id_list_add(s, t->import_id))
			rc = SK_ERR_NOMEM;
		for (size_t k = 0; k < t->n_child_imports && !rc; k++)
			if (id_list_add(s, t->child_imports[k]))
				rc = SK_ERR_NOMEM;
	}
	if (rc || (rc = store_ticket_lookup_open(db, &x.one, d)) ||
	    (rc = store_tickets_reported(db, r->period.start, r->period.end, take_reported, &x, d)))
		goto out;
	for (size_t i = 0; i < r->n_changes && !rc; i++)
		if (result_index(res, r->change_list[i].id) < 0)
			rc = add_extra(&x, r->change_list[i].id);
	for (size_t i = 0; i < r->n_complaints && !rc; i++)
		if (result_index(res, r->complaints[i].id) < 0)
			rc = add_extra(&x, r->complaints[i].id);
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
	store_ticket_lookup_close(x.one);
	return rc;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The report and arena an import row is named in. */
struct import_names {
	struct sk_report *r;
	struct arena *a;
	int failed;
};

static enum sk_err take_import(void *arg, const struct store_import_row *row)
{
	struct import_names *x = arg;
	struct sk_report *r = x->r;
	struct sk_report_import *im = &r->imports[r->n_imports];

	im->id = (long)row->id;
	im->file = arena_strdup(x->a, row->file, &x->failed);
	snprintf(im->sha256, sizeof(im->sha256), "%s", row->sha256);
	im->kind = arena_strdup(x->a, row->kind, &x->failed);
	im->profile = arena_strdup(x->a, row->profile, &x->failed);
	im->rows = row->rows;
	im->rejected = row->rejected;
	im->dst_gaps = row->dst_gaps;
	im->dst_folds = row->dst_folds;
	im->finished_at = row->finished_at;
	if (im->finished_at > r->generated_at)
		r->generated_at = im->finished_at;
	r->n_imports++;
	return SK_OK;
}

/* The rows of `imports` named in @s, by id; generated_at from them. */
static enum sk_err load_imports(struct sk_db *db, struct sk_report *r, struct arena *a,
				struct id_list *s, struct sk_diag *d)
{
	struct import_names x = { r, a, 0 };
	enum sk_err rc;

	if (s->n)
		qsort(s->ids, s->n, sizeof(*s->ids), cmp_id);
	r->imports = calloc(s->n ? s->n : 1, sizeof(*r->imports));
	if (!r->imports)
		return SK_ERR_NOMEM;
	r->generated_at = 0;
	if ((rc = store_imports(db, s->ids, s->n, take_import, &x, d)))
		return rc;
	/* No import fed it: the data is as old as the period. */
	if (!r->n_imports)
		r->generated_at = r->period.end;
	return x.failed ? SK_ERR_NOMEM : SK_OK;
}

/* The pause statuses of the imports named in the report, gathered in one
 * pass over the status history (by import, then status) into one array,
 * of which each import gets its slice. */
struct pause_take {
	struct sk_report *r;
	struct arena *a;
	struct sk_report_pause_status *all;
	size_t *first;           /* per import: index of its first status in all */
	size_t n, cap;
	int failed;
};

static int cmp_import(const void *key, const void *elem)
{
	long id = *(const long *)key, other = ((const struct sk_report_import *)elem)->id;

	return (id > other) - (id < other);
}

static enum sk_err take_pause_status(void *arg, int64_t import_id, const char *status, long events)
{
	struct pause_take *x = arg;
	long id = (long)import_id;
	struct sk_report_import *im = bsearch(&id, x->r->imports, x->r->n_imports,
					      sizeof(*x->r->imports), cmp_import);

	if (!im)
		return SK_OK; /* an import that did not feed the period */
	if (array_reserve((void **)&x->all, &x->cap, x->n + 1, sizeof(*x->all)))
		return SK_ERR_NOMEM;
	x->all[x->n].status = arena_strdup(x->a, status, &x->failed);
	x->all[x->n].events = events;
	if (!im->n_pause_statuses++)
		x->first[im - x->r->imports] = x->n;
	x->n++;
	return SK_OK;
}

static enum sk_err load_pause_statuses(struct sk_db *db, struct sk_report *r, struct arena *a,
				       struct sk_diag *d)
{
	struct pause_take x = { r, a, NULL, NULL, 0, 0, 0 };
	struct sk_report_pause_status *kept = NULL;
	enum sk_err rc;

	if (!r->n_imports)
		return SK_OK;
	if (!(x.first = calloc(r->n_imports, sizeof(*x.first))))
		return SK_ERR_NOMEM;
	rc = store_import_pause_statuses(db, take_pause_status, &x, d);
	if (!rc && x.n && !(kept = arena_alloc(a, x.n * sizeof(*kept))))
		rc = SK_ERR_NOMEM;
	for (size_t i = 0; i < r->n_imports; i++) {
		struct sk_report_import *im = &r->imports[i];

		im->pause_statuses = kept && im->n_pause_statuses ? kept + x.first[i] : NULL;
		if (!im->pause_statuses)
			im->n_pause_statuses = 0;
	}
	if (kept)
		memcpy(kept, x.all, x.n * sizeof(*kept));
	free(x.all);
	free(x.first);
	return rc ? rc : x.failed ? SK_ERR_NOMEM : SK_OK;
}

enum sk_err report_gather_sources(struct sk_db *db, struct sk_report *r, struct arena *a,
				  struct sk_diag *d)
{
	struct id_list s = { NULL, 0, 0 };
	char **ids = NULL;
	size_t n_ids = 0;
	struct span_marks marks = { r, 0, 0, &s };
	enum sk_err rc;

	report_span(r, &marks.start, &marks.end);
	if ((rc = gather_tickets(db, r, a, &s, &ids, &n_ids, d)) ||
	    (rc = report_deviation_imports(r, &s)))
		goto out;
	if ((rc = store_child_imports(db, ids, n_ids, &s, d)) ||
	    (rc = report_cadence_imports(db, r, ids, n_ids, &s, d)))
		goto out;
	for (int src = STORE_SPAN_CALLS; src <= STORE_SPAN_MEASUREMENTS && !rc; src++)
		rc = store_span_imports(db, (enum store_span_source)src, marks.start, marks.end,
					mark_span_row, &marks, d);
	if (rc)
		goto out;
	if (!(rc = load_imports(db, r, a, &s, d)))
		rc = load_pause_statuses(db, r, a, d);
out:
	free(ids);
	id_list_release(&s);
	return rc;
}

/* Availability of service @svc over the period: the outages KPI's computation. */
static enum sk_err service_availability(struct sk_db *db, const struct sk_report *r,
					const struct sk_service *svc, struct sk_report_service *out,
					struct sk_diag *d)
{
	struct score_availability av;
	enum sk_err rc;

	memset(out, 0, sizeof(*out));
	out->service = svc;
	if ((rc = score_availability(db, r->contract, svc, &r->period, &av, d)))
		return rc;
	out->window = av.window;
	out->down = av.down;
	out->outages = av.outages;
	out->planned = av.excused;
	out->no_data = av.state == SCORE_AVAIL_NO_DATA;
	out->assumed = av.assumed;
	if (av.state != SCORE_AVAIL_VALUE)
		return SK_OK;
	out->has_value = 1;
	sk_dec_percent(SK_DEC(av.window - av.down), SK_DEC(av.window), 6, &out->availability);
	out->met = av.met;
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
