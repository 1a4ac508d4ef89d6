/*
 * The KPIs counted from ticket columns (first-contact resolution, CAB
 * approval, failed and standard changes, hand-overs, RCAs, complaints,
 * provisioning), all of a score in one pass over the tickets. Onsite visits
 * are verdicts (compute.c), counted with the clocks in score_values.c.
 * Each was its own query before, and each read every ticket, as nothing
 * indexes when a ticket was finished, escalated or visited: eight passes
 * over a million tickets for one monthly report. The queries' conditions
 * are the rules below, once, in C.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "score_priv.h"
#include "store/store.h"

/* A NULL time column. */
#define NO_TIME STORE_NO_TIME

/* The columns of one ticket the rules look at. */
struct row {
	const char *id;
	sk_time reported, resolved, closed, escalated, rca;
	sk_time finished;          /* resolved, else closed: when it was solved */
	const char *type;
	const char *change_type;   /* NULL when none */
	const char *priority;
	const char *category;      /* NULL when none */
	int fcr, cab, failed;      /* -1: NULL */
};

int score_counts_tickets(enum sk_source kind)
{
	switch (kind) {
	case SK_SRC_FCR:
	case SK_SRC_CAB:
	case SK_SRC_FAILED_CHANGE:
	case SK_SRC_HANDOVER:
	case SK_SRC_RCA:
	case SK_SRC_STANDARD_CHANGE:
	case SK_SRC_COMPLAINT:
	case SK_SRC_PROVISIONING:
		return 1;
	default:
		return 0;
	}
}

static int in_window(sk_time t, const struct sk_period *w)
{
	return t != NO_TIME && t >= w->start && t < w->end;
}

static int same(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

/* Whether @hay holds @needle, ASCII letters in either case (SQLite's LIKE). */
static int contains_ascii_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; hay && *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] && (hay[i] | 0x20) == needle[i] &&
		       ((hay[i] >= 'a' && hay[i] <= 'z') || (hay[i] >= 'A' && hay[i] <= 'Z')))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The KPI's `priority=`, when it narrows the tickets (tickets:rca has its own). */
static int priority_ok(const struct sk_contract *c, const struct sk_kpi *k, const struct row *r)
{
	if (k->source_priority < 0 || k->source_kind == SK_SRC_RCA)
		return 1;
	return strcmp(r->priority, c->priorities[k->source_priority].id) == 0;
}

/*
 * Whether row @r counts for the KPI of @t; when it does, *from and *to are
 * the times whose business time is held against the limit (to NO_TIME: the
 * thing never happened, so not in time), or *yes says it is "within" for a
 * KPI without a limit.
 */
static int rule(const struct sk_contract *c, const struct ticket_count *t, const struct row *r,
		sk_time *from, sk_time *to, int *yes)
{
	const struct sk_kpi *k = t->kpi;
	const struct sk_period *w = &t->window;

	*from = r->reported;
	*to = r->finished;
	*yes = -1;
	switch (k->source_kind) {
	case SK_SRC_FCR:
		if (r->fcr < 0 || !in_window(r->finished, w))
			return 0;
		*yes = r->fcr;
		break;
	case SK_SRC_CAB:
		if (!same(r->type, "change") ||
		    !(same(r->change_type, "normal") || same(r->change_type, "emergency")) ||
		    !in_window(r->reported, w))
			return 0;
		*yes = r->cab == 1;
		break;
	case SK_SRC_FAILED_CHANGE:
		if (!same(r->type, "change") || !in_window(r->finished, w))
			return 0;
		*yes = r->failed == 1;
		break;
	case SK_SRC_HANDOVER:
		if (!in_window(r->escalated, w))
			return 0;
		*to = r->escalated;
		break;
	case SK_SRC_RCA:
		if (!same(r->type, "incident") || !in_window(r->resolved, w) ||
		    strcmp(r->priority, c->priorities[k->source_priority >= 0 ? k->source_priority : 0].id))
			return 0;
		*from = r->resolved;
		*to = r->rca;
		break;
	case SK_SRC_STANDARD_CHANGE:
		if (!same(r->type, "change") || !same(r->change_type, "standard") ||
		    !in_window(r->finished, w))
			return 0;
		break;
	case SK_SRC_COMPLAINT:
		if (!same(r->type, "complaint") || !in_window(r->finished, w))
			return 0;
		break;
	case SK_SRC_PROVISIONING:
		if (!same(r->type, "request") || !in_window(r->finished, w) ||
		    !(contains_ascii_nocase(r->category, "account") ||
		      contains_ascii_nocase(r->category, "provision")))
			return 0;
		break;
	default:
		return 0;
	}
	return priority_ok(c, k, r);
}

/* A complaint counted in the pass, whose time is worked out after it (score_complaint_time()). */
struct complaint {
	size_t count;      /* index into the counts */
	char *id;
};

/* What the pass over the tickets counts into. */
struct pass {
	struct sk_contract *c;
	struct score_cache *cache;
	struct complaint *complaints;
	size_t n_complaints, cap;
};

/* Keep complaint @id of count @i for after the pass (which holds the store's statement). */
static enum sk_err defer_complaint(struct pass *p, size_t i, const char *id)
{
	void *grown = p->complaints;

	if (array_reserve(&grown, &p->cap, p->n_complaints + 1, sizeof(*p->complaints)) < 0)
		return SK_ERR_NOMEM;
	p->complaints = grown;
	if (!(p->complaints[p->n_complaints].id = strdup(id)))
		return SK_ERR_NOMEM;
	p->complaints[p->n_complaints++].count = i;
	return SK_OK;
}

/* Count row @r for every KPI it belongs to. */
static enum sk_err count_row(struct pass *p, const struct row *r, struct sk_diag *d)
{
	struct sk_contract *c = p->c;
	struct ticket_count *t = p->cache->counts;
	size_t n = p->cache->n_counts;

	for (size_t i = 0; i < n; i++) {
		sk_time from, to;
		int64_t limit, secs;
		int yes, cal;
		enum sk_err err;

		if (!rule(c, &t[i], r, &from, &to, &yes))
			continue;
		if (yes >= 0) {
			t[i].n++;
			t[i].within += yes;
			continue;
		}
		cal = t[i].calendar;
		limit = t[i].limit;
		t[i].n++;
		/* A complaint's time is the one the report shows, pauses left out. */
		if (t[i].kpi->source_kind == SK_SRC_COMPLAINT) {
			enum sk_err rc = defer_complaint(p, i, r->id);

			if (rc)
				return rc;
			continue;
		}
		if (to == NO_TIME)
			continue;
		if ((err = sk_calendar_between(c->calendars[cal].cal, from, to, &secs)) == SK_ERR_NOMEM)
			return sk_diag_set(d, err, NULL, 0, NULL, "out of memory");
		if (err)
			return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL, "ticket times outside 1900-2199");
		t[i].within += secs <= limit;
	}
	return SK_OK;
}

/* The KPIs of the contract counted from ticket columns, each with the window it has in @p. */
static enum sk_err list_kpis(struct sk_contract *c, const struct sk_period *p,
			     struct score_cache *cache)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n_domains; i++)
		for (size_t j = 0; j < c->domains[i].n_kpis; j++)
			n += score_counts_tickets(c->domains[i].kpis[j].source_kind);
	cache->counts = calloc(n ? n : 1, sizeof(*cache->counts));
	if (!cache->counts)
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < c->n_domains; i++)
		for (size_t j = 0; j < c->domains[i].n_kpis; j++) {
			const struct sk_kpi *k = &c->domains[i].kpis[j];
			struct ticket_count *t = &cache->counts[cache->n_counts];

			if (!score_counts_tickets(k->source_kind))
				continue;
			t->kpi = k;
			score_window(k, p, c->tz, &t->window);
			t->calendar = k->source_calendar >= 0 ? k->source_calendar : c->default_calendar;
			t->limit = k->within.set ? sk_contract_seconds(c, t->calendar, &k->within) : 0;
			cache->n_counts++;
		}
	return SK_OK;
}

/* One ticket of the pass, counted for every KPI it belongs to. */
static enum sk_err take_ticket(void *arg, const struct store_kpi_ticket *t, struct sk_diag *d)
{
	struct pass *p = arg;
	struct row r;

	r.id = t->id;
	r.reported = t->reported;
	r.resolved = t->resolved;
	r.closed = t->closed;
	r.escalated = t->escalated;
	r.rca = t->rca;
	r.finished = r.resolved != NO_TIME ? r.resolved : r.closed;
	r.type = t->type;
	r.change_type = t->change_type;
	r.priority = t->priority;
	r.category = t->category;
	r.fcr = t->fcr;
	r.cab = t->cab;
	r.failed = t->failed;
	return count_row(p, &r, d);
}

enum sk_err score_count_tickets(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
				struct score_cache *cache, struct sk_diag *d)
{
	struct pass pass = { c, cache, NULL, 0, 0 };
	sk_time start = INT64_MAX, end = INT64_MIN;
	enum sk_err rc;

	if (cache->counted)
		return SK_OK;
	if ((rc = list_kpis(c, p, cache)))
		return rc;
	cache->counted = 1;
	if (!cache->n_counts)
		return SK_OK;
	for (size_t i = 0; i < cache->n_counts; i++) {
		if (cache->counts[i].window.start < start)
			start = cache->counts[i].window.start;
		if (cache->counts[i].window.end > end)
			end = cache->counts[i].window.end;
	}
	/* Only tickets with a time in the widest window can count for any rule. */
	rc = store_kpi_tickets(db, start, end, take_ticket, &pass, d);
	for (size_t i = 0; i < pass.n_complaints && !rc; i++) {
		struct ticket_count *t = &cache->counts[pass.complaints[i].count];
		struct score_complaint k;
		sk_time horizon, until;

		/* Where the data ends, as the verdicts are judged: not past it. */
		if (!(rc = results_as_of(db, t->window.end, &horizon, &until, d)) &&
		    !(rc = score_complaint_time(db, c, pass.complaints[i].id, t->calendar, until,
						&k, d)))
			t->within += k.solved && k.business <= t->limit;
	}
	for (size_t i = 0; i < pass.n_complaints; i++)
		free(pass.complaints[i].id);
	free(pass.complaints);
	return rc;
}

const struct ticket_count *score_ticket_count(const struct score_cache *cache,
					      const struct sk_kpi *k)
{
	for (size_t i = 0; i < cache->n_counts; i++)
		if (cache->counts[i].kpi == k)
			return &cache->counts[i];
	return NULL;
}
