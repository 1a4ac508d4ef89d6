/*
 * The deviations of a report (slakit/deviations.h): every norm the report
 * shows as not met, with the explanations and improvement actions imported
 * for it (halt-pve §10.1.3, DHS §9, cloudwise-dap §11.6), and the rows that
 * refer to anything else, so that nothing imported for the period is left
 * out. Actions are judged at the period's end.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "store/store.h"

/* What the rows are gathered into. */
struct gather {
	struct sk_report *r;
	struct sk_report_deviations *v;
	size_t cap;
	int failed;
};

/* 1 when period @label lies within the report's period; 2 when it ends by its start. */
static int period_place(const struct sk_report *r, const char *label)
{
	struct sk_period p;

	if (sk_period_parse(label, r->contract->tz, &p, NULL) != SK_OK)
		return 0;
	if (p.start >= r->period.start && p.end <= r->period.end)
		return 1;
	return p.end <= r->period.start ? 2 : 0;
}

static enum sk_err take_row(void *arg, const struct store_deviation *row)
{
	struct gather *g = arg;
	struct sk_report *r = g->r;
	struct sk_report_action *x;
	int place = period_place(r, row->period);

	g->v->imported = 1;
	/* An earlier period's action counts while it was still open at this one's start. */
	if (!place || (place == 2 && (!row->action || (row->done && row->done_at < r->period.start))))
		return SK_OK;
	if (array_reserve((void **)&g->v->actions, &g->cap, g->v->n_actions + 1, sizeof(*x)))
		return SK_ERR_NOMEM;
	x = &g->v->actions[g->v->n_actions++];
	memset(x, 0, sizeof(*x));
	x->period = arena_strdup(r->arena, row->period, &g->failed);
	x->refers_to = arena_strdup(r->arena, row->refers_to, &g->failed);
	x->explanation = row->explanation ? arena_strdup(r->arena, row->explanation, &g->failed) : NULL;
	x->action = row->action ? arena_strdup(r->arena, row->action, &g->failed) : NULL;
	x->owner = row->owner ? arena_strdup(r->arena, row->owner, &g->failed) : NULL;
	x->due = row->due;
	x->done_at = row->done ? row->done_at : 0;
	x->earlier = place == 2;
	x->import_id = (long)row->import_id;
	x->line = (long)row->line;
	if (x->action) {
		/* Days start at local midnight, as the period's end does. */
		x->done = x->done_at && x->done_at < r->period.end;
		x->late = x->done && x->due && x->done_at > x->due;
		x->overdue = !x->done && x->due && x->due < r->period.end;
	}
	return g->failed ? SK_ERR_NOMEM : SK_OK;
}

static struct sk_report_deviation *add(struct gather *g, size_t *cap, const char *refers,
				       enum sk_deviation_kind kind)
{
	struct sk_report_deviations *v = g->v;
	struct sk_report_deviation *e;

	if (array_reserve((void **)&v->list, cap, v->n + 1, sizeof(*e)))
		return NULL;
	e = &v->list[v->n++];
	memset(e, 0, sizeof(*e));
	e->refers_to = arena_strdup(g->r->arena, refers, &g->failed);
	e->kind = kind;
	e->domain = e->kpi = e->priority = e->service = e->clock = -1;
	return g->failed ? NULL : e;
}

/* 1 when KPI score @ks has a value that misses its norm. */
static int kpi_missed(const struct sk_kpi_score *ks)
{
	return sk_kpi_met(ks) == 0;
}

/* The norms the report shows as not met: KPIs, priorities' clocks, services. */
static enum sk_err norms_missed(struct gather *g, size_t *cap)
{
	const struct sk_report *r = g->r;
	const struct sk_contract *c = r->contract;
	struct sk_report_deviation *e;
	char ref[320];

	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_domain_score *ds = &r->score->domains[i];

		/* A domain not yet started (DHS's IAM from 2027-07-01): its norms do not
		 * apply in the period, as the summary counts them. */
		if (report_domain_not_started(ds))
			continue;
		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			if (!kpi_missed(ks))
				continue;
			snprintf(ref, sizeof(ref), "kpi:%s.%s", ds->domain->id, ks->kpi->id);
			if (!(e = add(g, cap, ref, SK_DEV_KPI)))
				return SK_ERR_NOMEM;
			e->domain = (int)i;
			e->kpi = (int)k;
			e->pct = strcmp(ks->kpi->unit, "%") == 0;
			e->measured = ks->measured;
			e->norm = ks->norm_used;
		}
	}
	for (size_t i = 0; i < r->n_prio; i++) {
		const struct sk_report_prio *p = &r->prio[i];

		if (p->type >= 0 || !p->has_norm)
			continue;
		for (int clock = 0; clock < 2; clock++) {
			long n = clock ? p->resolution_n : p->response_n;
			long in = clock ? p->resolution_within : p->response_within;

			/* The exact fraction against the norm, as the table's verdict. */
			if (!n || (int64_t)in * 100 * SK_DEC_ONE >= (int64_t)p->norm * n)
				continue;
			snprintf(ref, sizeof(ref), "priority:%s:%s", c->priorities[p->priority].id,
				 clock ? "resolution" : "response");
			if (!(e = add(g, cap, ref, SK_DEV_PRIORITY)))
				return SK_ERR_NOMEM;
			e->priority = p->priority;
			e->clock = clock;
			e->pct = 1;
			e->measured = clock ? p->resolution_pct : p->response_pct;
			e->norm = p->norm;
		}
	}
	for (size_t i = 0; i < r->n_services; i++) {
		const struct sk_report_service *s = &r->services[i];

		if (!s->has_value || s->met)
			continue;
		snprintf(ref, sizeof(ref), "service:%s", s->service->id);
		if (!(e = add(g, cap, ref, SK_DEV_SERVICE)))
			return SK_ERR_NOMEM;
		e->service = (int)i;
		e->pct = 1;
		e->measured = s->availability;
		e->norm = s->service->norm;
	}
	return SK_OK;
}

/* "kpi:d.k" -> "domain:d", "priority:P:clock" -> "priority:P" into @out; 0 when none. */
static int parent_of(const char *ref, char *out, size_t size)
{
	const char *dot, *colon;

	if (strncmp(ref, "kpi:", 4) == 0 && (dot = strchr(ref + 4, '.')))
		return snprintf(out, size, "domain:%.*s", (int)(dot - ref - 4), ref + 4) > 0;
	if (strncmp(ref, "priority:", 9) == 0 && (colon = strchr(ref + 9, ':')))
		return snprintf(out, size, "priority:%.*s", (int)(colon - ref - 9), ref + 9) > 0;
	return 0;
}

/* Rows that refer to @ref go to @e; @used marks them taken. */
static enum sk_err attach(struct sk_report_deviations *v, struct sk_report_deviation *e,
			  const char *ref, unsigned char *used)
{
	for (size_t i = 0; i < v->n_actions; i++) {
		const struct sk_report_action *x = &v->actions[i];
		size_t *nr;

		if (strcmp(x->refers_to, ref) != 0)
			continue;
		if (!(nr = realloc(e->rows, (e->n_rows + 1) * sizeof(*e->rows))))
			return SK_ERR_NOMEM;
		e->rows = nr;
		e->rows[e->n_rows++] = i;
		/* An earlier period's explanation does not explain this one. */
		e->explained |= x->explanation && !x->earlier;
		used[i] = 1;
	}
	return SK_OK;
}

/* The kind a row's refers_to names (the import wrote one of these prefixes). */
static enum sk_deviation_kind kind_of(const char *ref)
{
	static const char *const prefix[] = { "kpi:", "domain:", "priority:", "service:", "ticket:" };

	for (int k = 0; k < 5; k++)
		if (strncmp(ref, prefix[k], strlen(prefix[k])) == 0)
			return (enum sk_deviation_kind)k;
	return SK_DEV_TICKET;
}

enum sk_err report_gather_deviations(struct sk_db *db, struct sk_report *r, struct sk_diag *d)
{
	struct sk_report_deviations *v = calloc(1, sizeof(*v));
	struct gather g = { r, v, 0, 0 };
	unsigned char *used = NULL;
	size_t cap = 0, missed;
	char parent[320];
	enum sk_err rc;

	if (!v)
		return SK_ERR_NOMEM;
	r->deviations = v;
	if ((rc = store_deviations(db, take_row, &g, d)) || (rc = norms_missed(&g, &cap)))
		return rc;
	if (!v->n && !v->n_actions) {
		/* Nothing missed, nothing to say: the report stays as it was. */
		report_deviations_free(v);
		r->deviations = NULL;
		return SK_OK;
	}
	if (!(used = calloc(v->n_actions ? v->n_actions : 1, 1)))
		return SK_ERR_NOMEM;
	missed = v->n;
	/* Each norm missed: its own rows, then its domain's or priority's. */
	for (size_t i = 0; i < missed; i++) {
		struct sk_report_deviation *e = &v->list[i];

		if ((rc = attach(v, e, e->refers_to, used)))
			goto out;
		if (parent_of(e->refers_to, parent, sizeof(parent)) &&
		    (rc = attach(v, e, parent, used)))
			goto out;
		e->not_met = 1;
		v->not_met++;
		v->unexplained += !e->explained;
	}
	/* The rows no norm missed took, one entry per thing they refer to. */
	for (size_t i = 0; i < v->n_actions; i++) {
		struct sk_report_deviation *e;

		if (used[i])
			continue;
		if (!(e = add(&g, &cap, v->actions[i].refers_to, kind_of(v->actions[i].refers_to)))) {
			rc = SK_ERR_NOMEM;
			goto out;
		}
		if ((rc = attach(v, e, e->refers_to, used)))
			goto out;
	}
	/* Each action once, however many periods' rows repeat it (as the actions KPI counts). */
	for (size_t i = 0; i < v->n_actions; i++) {
		const struct sk_report_action *x = &v->actions[i];
		int in = x->done && x->done_at >= r->period.start, seen[3] = { 0, 0, 0 };

		if (!x->action)
			continue;
		for (size_t j = 0; j < i; j++) {
			const struct sk_report_action *y = &v->actions[j];

			if (!y->action || strcmp(y->action, x->action) != 0 ||
			    strcmp(y->refers_to, x->refers_to) != 0)
				continue;
			seen[0] |= !y->done;
			seen[1] |= y->overdue;
			seen[2] |= y->done && y->done_at >= r->period.start;
		}
		v->open += !x->done && !seen[0];
		v->overdue += x->overdue && !seen[1];
		v->done += in && !seen[2];
	}
out:
	free(used);
	return rc;
}

void report_deviations_free(struct sk_report_deviations *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++)
		free(v->list[i].rows);
	free(v->list);
	free(v->actions);
	free(v);
}

enum sk_err report_deviation_imports(const struct sk_report *r, struct id_list *s)
{
	const struct sk_report_deviations *v = r->deviations;

	for (size_t i = 0; v && i < v->n_actions; i++)
		if (id_list_add(s, v->actions[i].import_id))
			return SK_ERR_NOMEM;
	return SK_OK;
}
