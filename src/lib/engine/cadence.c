/*
 * Status-update cadence (slakit/cadence.h): the gaps between the updates a
 * customer saw, from the response to the resolution, in business time of the
 * priority's calendar with the ticket's pauses left out; the response's
 * channel against the priority's `response_by`; and the part of --explain
 * that shows them.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "slakit/datetime.h"

/* An update as read, its strings in the arena. */
struct upd {
	const char *ticket, *channel;
	sk_time at;
	int visible;
};

struct read_all {
	struct arena *a;
	struct upd *u;
	size_t n, cap;
	int failed;
};

static enum sk_err take_update(void *arg, const struct store_update *r)
{
	struct read_all *k = arg;
	void *grown = k->u;

	if (array_reserve(&grown, &k->cap, k->n + 1, sizeof(*k->u)) < 0)
		return SK_ERR_NOMEM;
	k->u = grown;
	k->u[k->n].ticket = arena_word(k->a, r->ticket, &k->failed);
	k->u[k->n].channel = r->channel ? arena_word(k->a, r->channel, &k->failed) : NULL;
	k->u[k->n].at = r->at;
	k->u[k->n].visible = r->visible;
	k->n++;
	return k->failed ? SK_ERR_NOMEM : SK_OK;
}

/* The first update of ticket @id in @u (sorted by ticket), and how many it has. */
static const struct upd *updates_of(const struct upd *u, size_t n, const char *id, size_t *count)
{
	size_t lo = 0, hi = n, end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(u[mid].ticket, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < n && strcmp(u[end].ticket, id) == 0; end++)
		;
	*count = end - lo;
	return u + lo;
}

/* Business seconds of [@a, @b) on @cal, and of those the ones inside the pauses. */
static enum sk_err gap_time(struct sk_calendar *cal, const struct sk_pause *ps, size_t np,
			    sk_time a, sk_time b, int64_t *business, int64_t *paused)
{
	int64_t all, in;
	enum sk_err rc;

	*business = *paused = 0;
	if (b <= a)
		return SK_OK;
	if ((rc = sk_calendar_between(cal, a, b, &all)))
		return rc;
	/* The verdict's pauses are merged: they do not overlap. */
	for (size_t i = 0; i < np; i++) {
		sk_time s = ps[i].start < a ? a : ps[i].start;
		sk_time e = !ps[i].end || ps[i].end == SK_PAUSE_OPEN || ps[i].end > b ? b : ps[i].end;

		if (e <= s)
			continue;
		if ((rc = sk_calendar_between(cal, s, e, &in)))
			return rc;
		*paused += in;
	}
	*business = all - *paused;
	return SK_OK;
}

static enum sk_err add_gap(struct sk_cadence *k, size_t *cap, struct sk_calendar *cal,
			   const struct sk_verdict *v, sk_time from, enum sk_gap_end fk, sk_time to,
			   enum sk_gap_end tk)
{
	struct sk_update_gap *g;
	void *grown = k->gaps;
	enum sk_err rc;

	if (array_reserve(&grown, cap, k->n_gaps + 1, sizeof(*k->gaps)) < 0)
		return SK_ERR_NOMEM;
	k->gaps = grown;
	g = &k->gaps[k->n_gaps++];
	memset(g, 0, sizeof(*g));
	g->from = from;
	g->to = to;
	g->from_kind = fk;
	g->to_kind = tk;
	if ((rc = gap_time(cal, v->pauses, v->n_pauses, from, to, &g->business, &g->paused)))
		return rc;
	g->late = g->business > k->interval;
	k->late += g->late;
	if (g->business > k->longest)
		k->longest = g->business;
	return SK_OK;
}

/* The cadence of result @r with its @n updates @u, at @as_of. */
static enum sk_err judge(struct sk_contract *c, const struct sk_result *r, const struct upd *u,
			 size_t n, sk_time as_of, struct sk_cadence *k)
{
	const struct sk_ticket *t = &r->ticket;
	const struct sk_priority *pr = &c->priorities[r->v.priority];
	struct sk_calendar *cal = c->calendars[pr->calendar].cal;
	sk_time start = t->responded_at, end = t->resolved_at ? t->resolved_at : t->closed_at, last;
	enum sk_gap_end last_kind = SK_GAP_RESPONSE;
	size_t cap = 0, i;
	enum sk_err rc;

	k->longest = -1;
	for (i = 0; i < n; i++)
		k->internal += !u[i].visible;
	/* The response's channel: the first update, made by the response (a minute's grace). */
	if (n && t->responded_at && u[0].at <= t->responded_at + 60) {
		k->response_channel = u[0].channel;
		k->response_wrong = pr->response_by && u[0].channel &&
				    strcmp(pr->response_by, u[0].channel) != 0;
	}
	if (pr->update_agreed) {
		k->state = SK_CADENCE_AGREED;
		return SK_OK;
	}
	if (!pr->update_every.set) {
		k->state = SK_CADENCE_NA;
		return SK_OK;
	}
	k->interval = sk_duration_seconds(&pr->update_every, sk_calendar_standard_day(cal));
	if (!start)
		for (i = 0; i < n && !start; i++)
			if (u[i].visible && u[i].at >= t->reported_at)
				start = u[i].at;
	if (!n || !start) {
		k->state = SK_CADENCE_NOT_MEASURED;
		return SK_OK;
	}
	if (start > as_of) { /* responded after the evaluation instant: not started yet */
		k->state = SK_CADENCE_RUNNING;
		return SK_OK;
	}
	k->from = start;
	if (end && end < start)
		end = start;
	k->until = end && end <= as_of ? end : 0;
	last = start;
	for (i = 0; i < n; i++) {
		if (!u[i].visible || u[i].at <= start || u[i].at > as_of || (k->until && u[i].at > end))
			continue;
		k->updates++;
		if ((rc = add_gap(k, &cap, cal, &r->v, last, last_kind, u[i].at, SK_GAP_UPDATE)))
			return rc;
		last = u[i].at;
		last_kind = SK_GAP_UPDATE;
	}
	if (k->until) {
		if (k->until > last &&
		    (rc = add_gap(k, &cap, cal, &r->v, last, last_kind, k->until, SK_GAP_RESOLUTION)))
			return rc;
	} else if (as_of > last &&
		   (rc = add_gap(k, &cap, cal, &r->v, last, last_kind, as_of, SK_GAP_RUNNING))) {
		return rc;
	}
	k->state = k->late ? SK_CADENCE_LATE : k->until ? SK_CADENCE_HELD : SK_CADENCE_RUNNING;
	return SK_OK;
}

/* 1 when priority @p measures the cadence or the response's channel. */
static int measures(const struct sk_priority *p)
{
	return p->update_every.set || p->update_agreed || p->response_by;
}

int cadence_in_contract(const struct sk_contract *c)
{
	for (size_t i = 0; i < c->n_priorities; i++)
		if (measures(&c->priorities[i]))
			return 1;
	return 0;
}

enum sk_err cadence_collect(struct sk_db *db, struct sk_contract *c, const char *id,
			    const struct sk_results *res, sk_time as_of, struct arena *a,
			    struct sk_cadences *out, struct sk_diag *d)
{
	struct read_all k = { .a = a };
	enum sk_err rc;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	out->as_of = as_of;
	if (!cadence_in_contract(c) || !res || !res->n)
		return SK_OK;
	if ((rc = store_updates(db, id, take_update, &k, d)))
		goto out;
	for (size_t i = 0; i < res->n && rc == SK_OK; i++) {
		const struct sk_result *r = &res->r[i];
		const struct upd *u;
		struct sk_cadence *e;
		size_t n;
		void *grown = out->t;

		if (r->v.excluded || r->v.priority < 0 || !measures(&c->priorities[r->v.priority]))
			continue;
		if (array_reserve(&grown, &cap, out->n + 1, sizeof(*out->t)) < 0) {
			rc = SK_ERR_NOMEM;
			break;
		}
		out->t = grown;
		e = &out->t[out->n++];
		memset(e, 0, sizeof(*e));
		e->ticket = r->ticket.id;
		e->result = i;
		e->priority = r->v.priority;
		u = updates_of(k.u, k.n, r->ticket.id, &n);
		rc = judge(c, r, u, n, as_of, e);
	}
	if (rc == SK_ERR_RANGE)
		rc = sk_diag_set(d, rc, NULL, 0, NULL, "times outside the years 1900-2199");
	else if (rc && rc != SK_ERR_DB)
		rc = sk_diag_set(d, rc, NULL, 0, NULL, "%s", sk_strerror(rc));
out:
	free(k.u);
	if (rc)
		cadence_release(out);
	return rc;
}

void cadence_release(struct sk_cadences *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->t[i].gaps);
	free(s->t);
	s->t = NULL;
	s->n = 0;
}

const char *cadence_state_name(enum sk_cadence_state s)
{
	static const char *const names[] = { "n/a", "agreed", "not measured", "held", "late",
					     "running" };

	return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : "?";
}

/* ---- --explain ---- */


static const char *const end_names[] = { "response", "update", "resolution", "now" };

enum sk_err cadence_explain(struct sk_db *db, struct sk_contract *c, const struct sk_ticket *t,
			    const struct sk_verdict *v, sk_time as_of, FILE *fp, struct sk_diag *d)
{
	struct arena *a;
	struct sk_result res = { .ticket = *t, .v = *v };
	struct sk_results one;
	struct sk_cadences all;
	const struct sk_priority *pr;
	char b1[40], b2[40], b3[40];
	enum sk_err rc;

	if (v->priority < 0 || !measures(pr = &c->priorities[v->priority]) || v->excluded)
		return SK_OK;
	if (!(a = arena_new()))
		return SK_ERR_NOMEM;
	memset(&one, 0, sizeof(one));
	one.r = &res;
	one.n = 1;
	if ((rc = cadence_collect(db, c, t->id, &one, as_of, a, &all, d)) || !all.n)
		goto out;
	{
		const struct sk_cadence *k = &all.t[0];

		fputs("\nupdates to the customer\n", fp);
		if (pr->update_agreed)
			fputs("  update_every = agreed: on a date agreed per ticket, not measured\n", fp);
		else if (pr->update_every.set)
			fprintf(fp, "  every %s business of calendar %s, pauses left out\n",
				sk_seconds_format(k->interval, b1, sizeof(b1)),
				c->calendars[pr->calendar].name);
		if (k->state == SK_CADENCE_NOT_MEASURED)
			fprintf(fp, "  not measured: %s\n", k->internal
				? "no response time and no update the customer saw"
				: "no update data for this ticket");
		if (k->from)
			fprintf(fp, "  from %s (%s) to %s\n", explain_when(k->from, c->tz, b1, sizeof(b1)),
				t->responded_at ? "the response" : "the first update, no response time",
				k->until ? explain_when(k->until, c->tz, b2, sizeof(b2))
				: "the evaluation time (still open)");
		if (k->from || k->internal)
			fprintf(fp, "  %ld update%s the customer saw, %ld internal note%s\n", k->updates,
				k->updates == 1 ? "" : "s", k->internal, k->internal == 1 ? "" : "s");
		for (size_t i = 0; i < k->n_gaps; i++) {
			const struct sk_update_gap *g = &k->gaps[i];

			fprintf(fp, "  gap %-10s %s .. %-10s %s: %s business", end_names[g->from_kind],
				explain_when(g->from, c->tz, b1, sizeof(b1)), end_names[g->to_kind],
				explain_when(g->to, c->tz, b2, sizeof(b2)),
				sk_seconds_format(g->business, b3, sizeof(b3)));
			if (g->paused)
				fprintf(fp, " (paused %s left out)",
					sk_seconds_format(g->paused, b3, sizeof(b3)));
			fputs(g->late ? ", LATE\n" : "\n", fp);
		}
		if (pr->update_every.set)
			fprintf(fp, "  cadence: %s\n", cadence_state_name(k->state));
		if (pr->response_by)
			fprintf(fp, "  response by %s: %s%s\n", pr->response_by,
				k->response_channel ? k->response_channel : "channel not recorded",
				k->response_wrong ? " (not by the channel asked)" : "");
	}
	rc = ferror(fp) ? SK_ERR_IO : SK_OK;
out:
	cadence_release(&all);
	arena_free(a);
	return rc;
}

enum sk_err cadence_kpi(struct sk_db *db, struct sk_contract *c, const struct sk_period *w,
			const struct sk_results *res, int prio, long *n, long *in, struct sk_diag *d)
{
	struct arena *a = arena_new();
	struct sk_cadences all;
	enum sk_err rc;

	*n = *in = 0;
	if (!a)
		return SK_ERR_NOMEM;
	if ((rc = cadence_collect(db, c, NULL, res, res && res->as_of ? res->as_of : w->end, a,
				  &all, d)))
		goto out;
	for (size_t i = 0; i < all.n; i++) {
		const struct sk_cadence *k = &all.t[i];

		/* Decided in the window: resolved in it (a ticket still open is not yet). */
		if ((prio >= 0 && k->priority != prio) || !k->until ||
		    !sk_period_contains(w, k->until) ||
		    (k->state != SK_CADENCE_HELD && k->state != SK_CADENCE_LATE))
			continue;
		(*n)++;
		*in += k->state == SK_CADENCE_HELD;
	}
out:
	cadence_release(&all);
	arena_free(a);
	return rc;
}
