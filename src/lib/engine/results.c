/*
 * The verdicts of a period: load the tickets that can count in it, with
 * their history, compute each at the period's end, keep those in scope.
 * Tickets are read in one ordered query; their history and pauses follow
 * (results_children.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "engine.h"
#include "slakit/results.h"

/*
 * Tickets that may count in [?1 start, ?2 end): reported before the end and
 * not finished before the start. A ticket whose status history has something
 * at or after the start, or ends in a status that is neither resolved nor
 * closed (reopened, or resolved and then put on hold), may still be running,
 * whatever its resolution time says: compute decides (resolution_stop()).
 */
#define SCOPE \
	"t.reported_at < ?2 AND (COALESCE(t.resolved_at, t.closed_at) IS NULL" \
	" OR t.resolved_at >= ?1 OR t.closed_at >= ?1 OR t.responded_at >= ?1" \
	" OR EXISTS (SELECT 1 FROM ticket_events e2 WHERE e2.ticket_id = t.id AND e2.at >= ?1)" \
	" OR COALESCE((SELECT COALESCE(e3.meaning, '') FROM ticket_events e3" \
	"   WHERE e3.ticket_id = t.id ORDER BY e3.at DESC, e3.id DESC LIMIT 1), 'resolved')" \
	"  NOT IN ('resolved', 'closed'))"

void results_bind_matrix(sqlite3_stmt *st, const struct sk_contract *c)
{
	sqlite3_bind_text(st, 3, c->matrix.row_field ? c->matrix.row_field : "impact", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->matrix.column_field ? c->matrix.column_field : "urgency", -1,
			  SQLITE_STATIC);
}

sk_time results_col_time(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, i);
}

static int col_flag(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

const char *results_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

void results_apply_history(const struct sk_contract *c, struct sk_ticket *t, const char *first,
			   int has_level, int level)
{
	results_apply_history_index(c, t, first ? sk_contract_find_priority(c, first) : t->priority,
				    has_level, level);
}

void results_apply_history_index(const struct sk_contract *c, struct sk_ticket *t, int first,
				 int has_level, int level)
{
	t->initial_priority = first;
	t->highest_priority = t->priority;
	if (has_level)
		for (size_t i = 0; i < c->n_priorities; i++)
			if (c->priorities[i].level == level && level < c->priorities[t->priority].level)
				t->highest_priority = (int)i;
}

/* Fill @t from a row of TICKET_COLUMNS; strings are copied into @a. */
enum sk_err results_read_ticket(sqlite3_stmt *st, const struct sk_contract *c, struct arena *a,
				struct sk_ticket *t, struct sk_diag *d)
{
	int failed = 0, type;
	const char *prio = results_col_text(st, 2), *first = results_col_text(st, 24);

	memset(t, 0, sizeof(*t));
	t->id = arena_strdup(a, results_col_text(st, 0), &failed);
	type = sk_ticket_type_parse(results_col_text(st, 1));
	t->type = type < 0 ? SK_TICKET_INCIDENT : (enum sk_ticket_type)type;
	t->priority = sk_contract_find_priority(c, prio);
	if (t->priority < 0)
		return sk_diag_set(d, SK_ERR_DATA, NULL, 0, t->id ? t->id : "",
				   "priority '%s' is not in contract %s", prio ? prio : "", c->path);
	results_apply_history(c, t, first, sqlite3_column_type(st, 25) != SQLITE_NULL,
			      sqlite3_column_int(st, 25));
	t->impact = arena_word(a, results_col_text(st, 3), &failed);
	t->urgency = arena_word(a, results_col_text(st, 4), &failed);
	t->channel = arena_word(a, results_col_text(st, 5), &failed);
	t->category = arena_word(a, results_col_text(st, 6), &failed);
	t->location = arena_word(a, results_col_text(st, 7), &failed);
	t->status = arena_word(a, results_col_text(st, 8), &failed);
	t->reported_at = results_col_time(st, 9);
	t->responded_at = results_col_time(st, 10);
	t->resolved_at = results_col_time(st, 11);
	t->closed_at = results_col_time(st, 12);
	t->productive_at = results_col_time(st, 13);
	t->escalated_at = results_col_time(st, 14);
	t->onsite_at = results_col_time(st, 15);
	t->rca_at = results_col_time(st, 16);
	t->planned_at = results_col_time(st, 17);
	t->fcr = col_flag(st, 18);
	t->p1_uplift = col_flag(st, 19) == 1;
	t->uplift_reason = arena_strdup(a, results_col_text(st, 20), &failed);
	t->change_type = arena_word(a, results_col_text(st, 21), &failed);
	t->cab_approved = col_flag(st, 22);
	t->change_failed = col_flag(st, 23);
	t->import_id = sqlite3_column_int64(st, 26);
	if (sqlite3_column_type(st, 27) == SQLITE_TEXT)
		t->title = arena_strdup(a, results_col_text(st, 27), &failed);
	return failed ? SK_ERR_NOMEM : SK_OK;
}

/* Growable array of results; one a store reads (@fixed) never moves. */
static int push_result(struct sk_results *r, size_t *cap, int fixed)
{
	if (r->n == *cap) {
		if (fixed)
			return -1;
		size_t nc = *cap ? *cap * 2 : 1024;
		struct sk_result *nr = realloc(r->r, nc * sizeof(*nr));

		if (!nr)
			return -1;
		r->r = nr;
		*cap = nc;
	}
	return 0;
}

/*
 * Room for every ticket of the database, so the array never moves under the
 * consumer: *cap, 0 when that much memory cannot be had (a huge database on a
 * small machine, or strict overcommit), and the array then grows as needed.
 */
static enum sk_err reserve_all(struct sk_db *db, struct sk_results *r, size_t *cap,
			       struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	sqlite3_int64 total = 0;
	enum sk_err rc;

	if ((rc = sk_db_prepare(db, "SELECT count(*) FROM tickets", &st, d)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		total = sqlite3_column_int64(st, 0);
	else
		rc = sk_db_fail(db, "counting tickets", d);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	/* Untouched pages of a large block cost no memory. */
	*cap = total > 0 ? (size_t)total : 1;
	if (*cap > SIZE_MAX / sizeof(*r->r) || !(r->r = malloc(*cap * sizeof(*r->r))))
		*cap = 0;
	return SK_OK;
}

/* Compute @res at the period's end; 1 when it belongs in the period's results. */
static enum sk_err judge(struct sk_contract *c, const struct sk_period *p, struct sk_result *res,
			 int *keep, struct sk_diag *d)
{
	struct sk_verdict *v = &res->v;
	const struct sk_ticket *t = &res->ticket;
	enum sk_err rc;

	*keep = 0;
	if ((rc = sk_compute_ticket(c, t, p->end, v, d)))
		return rc;
	res->response_counts = v->response.counts_at && sk_period_contains(p, v->response.counts_at);
	res->resolution_counts = v->resolution.counts_at &&
				 sk_period_contains(p, v->resolution.counts_at);
	res->pending = v->response.state == SK_CLOCK_PENDING ||
		       v->resolution.state == SK_CLOCK_PENDING;
	/* A ticket with an impossible timeline has no clocks: list it where its times fall. */
	*keep = res->response_counts || res->resolution_counts || res->pending ||
		((v->flags & SK_FLAG_IMPOSSIBLE) &&
		 (sk_period_contains(p, t->reported_at) || sk_period_contains(p, t->resolved_at) ||
		  sk_period_contains(p, t->closed_at) || sk_period_contains(p, t->responded_at)));
	if (!*keep)
		sk_verdict_release(v);
	return SK_OK;
}

/*
 * Read the tickets that may count in the period in id order, each with its
 * history, compute it and keep it when it counts: one pass, so a store fed
 * with the verdicts (@feed) works beside it from the first ticket on. Without
 * the room reserved for all, the feed gets them all at its end instead.
 */
static enum sk_err run(struct sk_db *db, struct sk_contract *c, struct sk_results *r,
		       struct results_feed *feed, unsigned flags, struct sk_diag *d)
{
	/* For a large share of all tickets, the id index gives them in order without
	 * sorting (the + keeps the planner off the reported_at index). */
#define TICKETS_OF(title, plus) \
	"SELECT " TICKET_BASE_COLUMNS ", NULL, NULL, t.import_id, " title \
	" FROM tickets t WHERE " plus SCOPE " ORDER BY t.id"
	static const char *const sql[2][2] = {
		{ TICKETS_OF("NULL", ""), TICKETS_OF("NULL", "+") },
		{ TICKETS_OF(TICKET_TITLE_SQL, ""), TICKETS_OF(TICKET_TITLE_SQL, "+") },
	};
#undef TICKETS_OF
	struct results_children *ch = NULL;
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	enum sk_err rc;
	int scan, step, fixed = 0;

	if ((rc = results_prefer_scan_period(db, &r->period, &scan, d)) ||
	    (feed && (rc = reserve_all(db, r, &cap, d))))
		goto out;
	fixed = cap > 0;
	if ((rc = sk_db_prepare(db, sql[(flags & RESULTS_TITLES) != 0][scan], &st, d)) ||
	    (rc = results_children_open(db, c, r->arena, scan, &ch, d)))
		goto out;
	sqlite3_bind_int64(st, 1, r->period.start);
	sqlite3_bind_int64(st, 2, r->period.end);
	results_bind_matrix(st, c);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct sk_result res;
		int keep;

		memset(&res, 0, sizeof(res));
		if ((rc = results_read_ticket(st, c, r->arena, &res.ticket, d)) ||
		    (rc = results_children_read(db, ch, &res.ticket, d)) ||
		    (rc = judge(c, &r->period, &res, &keep, d)))
			goto out;
		if (!keep)
			continue;
		/* Read into the children's buffers; the verdict holds what they gave. */
		res.ticket.events = NULL;
		res.ticket.n_events = 0;
		res.ticket.pauses = NULL;
		res.ticket.n_pauses = 0;
		if (push_result(r, &cap, fixed)) {
			sk_verdict_release(&res.v);
			rc = SK_ERR_NOMEM;
			goto out;
		}
		r->r[r->n++] = res;
		if (fixed)
			results_feed_publish(feed, r, r->n);
	}
	if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading tickets", d);
out:
	results_children_close(ch);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err sk_results_compute(struct sk_db *db, struct sk_contract *c,
			       const struct sk_period *p, struct sk_results **out,
			       struct sk_diag *d)
{
	return results_compute(db, c, p, out, d, NULL, 0);
}

enum sk_err results_compute(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			    struct sk_results **out, struct sk_diag *d, struct results_feed *feed,
			    unsigned flags)
{
	struct sk_results *r = calloc(1, sizeof(*r));
	struct arena *a = arena_new();
	enum sk_err rc;

	*out = NULL;
	if (!r || !a) {
		free(r);
		arena_free(a);
		return diag_ensure(d, SK_ERR_NOMEM);
	}
	r->period = *p;
	r->contract = c;
	r->arena = a;
	/* One read transaction: one snapshot for all reads (an import running
	 * meanwhile is seen whole or not at all), and no lock taken per lookup. */
	if ((rc = sk_db_exec(db, "SAVEPOINT results_read", d)) == SK_OK) {
		rc = run(db, c, r, feed, flags, d);
		sk_db_exec(db, "RELEASE results_read", NULL);
	}
	if (rc) {
		sk_results_free(r);
		return diag_ensure(d, rc);
	}
	*out = r;
	return SK_OK;
}

void sk_results_free(struct sk_results *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		sk_verdict_release(&r->r[i].v);
	free(r->r);
	arena_free(r->arena);
	free(r);
}
