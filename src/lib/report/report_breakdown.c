/*
 * The breakdowns of a report (slakit/breakdown.h): compliance per category,
 * location and resolver group; the backlog of open tickets by age; the time
 * paused; median and 90th percentile beside the mean. All from the verdicts
 * the priority table counts, so every total here equals one there.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "store/store.h"

/* A ticket's resolver group, read beside the verdicts (id order). */
struct group_of {
	const char *id, *group;
};

struct groups {
	struct group_of *g;
	size_t n, cap;
	struct arena *a;
};

static enum sk_err take_group(void *arg, const char *id, const char *group)
{
	struct groups *l = arg;
	void *grown = l->g;
	int failed = 0;

	if (array_reserve(&grown, &l->cap, l->n + 1, sizeof(*l->g)) < 0)
		return SK_ERR_NOMEM;
	l->g = grown;
	l->g[l->n].id = arena_strdup(l->a, id, &failed);
	l->g[l->n].group = arena_word(l->a, group, &failed);
	if (failed)
		return SK_ERR_NOMEM;
	l->n++;
	return SK_OK;
}

static int by_id(const void *key, const void *elem)
{
	return strcmp(key, ((const struct group_of *)elem)->id);
}

/* The resolver group of ticket @id, "" when it has none. */
static const char *group_of(const struct groups *l, const char *id)
{
	const struct group_of *g = l->n ? bsearch(id, l->g, l->n, sizeof(*l->g), by_id) : NULL;

	return g ? g->group : "";
}

/* A counted ticket with its value in one dimension, for sorting by value. */
struct valued {
	const char *name;
	const struct sk_result *x;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct valued *)a)->name, ((const struct valued *)b)->name);
}

/* Most tickets first, then by name; the empty value last. */
static int by_tickets(const void *a, const void *b)
{
	const struct sk_breakdown_row *x = a, *y = b;

	if (!x->name[0] != !y->name[0])
		return !x->name[0] ? 1 : -1;
	if (x->tickets != y->tickets)
		return x->tickets > y->tickets ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int by_seconds(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Mean (half-up to a second), median and 90th percentile (nearest rank) of @n seconds. */
static void spread(int64_t *secs, long n, int64_t *mean, int64_t *median, int64_t *p90)
{
	int64_t sum = 0;

	*mean = *median = *p90 = -1;
	if (!n)
		return;
	for (long i = 0; i < n; i++)
		sum += secs[i];
	qsort(secs, (size_t)n, sizeof(*secs), by_seconds);
	*mean = (sum + n / 2) / n;
	/* Nearest rank: the value at rank ceil(q × n); the median is the lower middle. */
	*median = secs[(n + 1) / 2 - 1];
	*p90 = secs[(9 * n + 9) / 10 - 1];
}

static int in_period(const struct sk_period *p, sk_time t)
{
	return t >= p->start && t < p->end;
}

/* The clock decided in the period: met or breached, and it counts here (as the priority table). */
static int decided(int counts, const struct sk_clock *k)
{
	return counts && (k->state == SK_CLOCK_MET || k->state == SK_CLOCK_BREACHED);
}

/* Every verdict of the period: the results, then the tickets judged beside them. */
static const struct sk_result *nth(const struct sk_report *r, size_t i)
{
	return i < r->results->n ? &r->results->r[i] : &r->others[i - r->results->n];
}

/*
 * Compliance per value of each dimension: the counted tickets sorted by
 * value, each run of one value a row (n log n, whatever the number of
 * distinct values).
 */
static enum sk_err dims(struct sk_report *r, struct sk_report_breakdown *b, const struct groups *g)
{
	const struct sk_contract *c = r->contract;
	size_t total = r->results->n + r->n_others;
	struct valued *v = malloc((total + 1) * sizeof(*v));

	if (!v)
		return SK_ERR_NOMEM;
	for (int dim = 0; dim < SK_BREAKDOWN_DIMS; dim++) {
		struct sk_breakdown_table *t = &b->dims[dim];
		size_t n = 0, rows = 0;

		for (size_t i = 0; i < total; i++) {
			const struct sk_result *x = nth(r, i);
			const char *name = dim == SK_BREAKDOWN_CATEGORY ? x->ticket.category
					   : dim == SK_BREAKDOWN_LOCATION ? x->ticket.location
					   : group_of(g, x->ticket.id);

			if (name && name[0])
				t->recorded = 1;
			if (x->v.excluded || !(decided(x->response_counts, &x->v.response) ||
					       decided(x->resolution_counts, &x->v.resolution)))
				continue;
			v[n].name = name ? name : "";
			v[n++].x = x;
		}
		if (n)
			qsort(v, n, sizeof(*v), by_name);
		for (size_t i = 0; i < n; i++)
			rows += i == 0 || strcmp(v[i].name, v[i - 1].name) != 0;
		if (!(t->rows = calloc(rows + 1, sizeof(*t->rows)))) {
			free(v);
			return SK_ERR_NOMEM;
		}
		for (size_t i = 0; i < n; i++) {
			const struct sk_verdict *k = &v[i].x->v;
			int rs = decided(v[i].x->response_counts, &k->response);
			int rv = decided(v[i].x->resolution_counts, &k->resolution);
			struct sk_breakdown_row *row;

			if (i == 0 || strcmp(v[i].name, v[i - 1].name) != 0)
				t->rows[t->n++].name = v[i].name;
			row = &t->rows[t->n - 1];
			row->tickets++;
			row->response_n += rs;
			row->response_within += rs && k->response.state == SK_CLOCK_MET;
			row->resolution_n += rv;
			row->resolution_within += rv && k->resolution.state == SK_CLOCK_MET;
		}
		if (t->n)
			qsort(t->rows, t->n, sizeof(*t->rows), by_tickets);
		for (size_t i = 0; i < t->n; i++) {
			struct sk_breakdown_row *row = &t->rows[i];

			if (row->response_n)
				sk_dec_percent(SK_DEC(row->response_within), SK_DEC(row->response_n),
					       c->rules.pct_decimals, &row->response_pct);
			if (row->resolution_n)
				sk_dec_percent(SK_DEC(row->resolution_within), SK_DEC(row->resolution_n),
					       c->rules.pct_decimals, &row->resolution_pct);
		}
	}
	free(v);
	if (!b->dims[SK_BREAKDOWN_GROUP].recorded)
		b->dims[SK_BREAKDOWN_GROUP].recorded = g->n > 0;
	return SK_OK;
}

/* Backlog, paused time and the spread of the times of priority @p. */
static enum sk_err prio(struct sk_contract *c, struct sk_report *r, struct sk_report_breakdown *b,
			int p, int64_t *resp, int64_t *res)
{
	struct sk_breakdown_prio *out = &b->prio[p];
	const struct sk_period *per = &r->period;
	size_t total = r->results->n + r->n_others;
	const struct sk_priority *pr = &c->priorities[p];

	out->priority = p;
	out->oldest = -1;
	out->day = sk_calendar_standard_day(c->calendars[pr->calendar].cal);
	for (size_t i = 0; i < total; i++) {
		const struct sk_result *x = nth(r, i);
		const struct sk_verdict *v = &x->v;
		sk_time reported = x->ticket.reported_at;

		if (v->priority != p || v->excluded)
			continue;
		/* Open then: not resolved by the period's end (the priority table's open). */
		if (v->mttr_wall < 0) {
			int64_t age = 0;
			int bucket;
			enum sk_err rc;

			if (b->backlog_at > reported &&
			    (rc = sk_calendar_between(c->calendars[pr->calendar].cal, reported,
						      b->backlog_at, &age)))
				return rc;
			bucket = age < out->day ? SK_AGE_UNDER_1 : age < 5 * out->day ? SK_AGE_1_5
				 : age < 20 * out->day ? SK_AGE_5_20 : SK_AGE_20_UP;
			out->open++;
			out->age[bucket]++;
			if (age > out->oldest)
				out->oldest = age;
		}
		if (decided(x->resolution_counts, &v->resolution)) {
			out->paused_n++;
			out->paused_tickets += v->resolution.paused > 0;
			out->paused_total += v->resolution.paused;
		}
		if (v->response.stop && in_period(per, v->response.stop) &&
		    (v->response.state == SK_CLOCK_MET || v->response.state == SK_CLOCK_BREACHED))
			resp[out->response_n++] = v->response.elapsed;
		/* As the priority table's MTTR: resolved in the period, whatever period
		 * its verdict counted in. */
		if (v->resolution.stop && v->mttr_wall >= 0 && in_period(per, reported + v->mttr_wall))
			res[out->resolution_n++] = v->resolution.elapsed;
	}
	out->paused_mean = out->paused_n ? (out->paused_total + out->paused_n / 2) / out->paused_n
					 : -1;
	spread(resp, out->response_n, &out->response_mean, &out->response_median,
	       &out->response_p90);
	spread(res, out->resolution_n, &out->resolution_mean, &out->resolution_median,
	       &out->resolution_p90);
	return SK_OK;
}

enum sk_err report_gather_breakdown(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				    struct sk_diag *d)
{
	struct groups g = { NULL, 0, 0, r->arena };
	size_t total = r->results->n + r->n_others;
	int64_t *resp = NULL, *res = NULL;
	struct sk_report_breakdown *b;
	enum sk_err rc;

	if (!(b = calloc(1, sizeof(*b))))
		return SK_ERR_NOMEM;
	r->breakdown = b;
	b->backlog_at = report_until(r);
	b->backlog_at_horizon = b->backlog_at < r->period.end;
	if ((rc = store_assignment_groups(db, r->period.end, take_group, &g, d)) ||
	    (rc = dims(r, b, &g)))
		goto out;
	b->n_prio = c->n_priorities;
	if (!(b->prio = calloc(b->n_prio + 1, sizeof(*b->prio))) ||
	    !(resp = malloc((total + 1) * sizeof(*resp))) ||
	    !(res = malloc((total + 1) * sizeof(*res)))) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	for (size_t p = 0; p < b->n_prio && rc == SK_OK; p++)
		rc = prio(c, r, b, (int)p, resp, res);
out:
	free(resp);
	free(res);
	free(g.g);
	return rc;
}

void report_breakdown_free(struct sk_report_breakdown *b)
{
	if (!b)
		return;
	for (int i = 0; i < SK_BREAKDOWN_DIMS; i++)
		free(b->dims[i].rows);
	free(b->prio);
	free(b);
}
