/*
 * Event logs: one row per update of a ticket, the ticket's fields repeated on
 * each row. Every row becomes a status event; the ticket's fields are staged
 * in a temporary table (the latest row wins), so the rows of one ticket may
 * come in any order and memory does not grow with the file. At the end each
 * staged ticket gets its times from its whole status history:
 *  - reported_at: the first event (unless a column gives it);
 *  - responded_at: the first event whose status means responded or resolved;
 *  - resolved_at / closed_at: the start of the final run of resolved/closed
 *    statuses (a later other status reopens the ticket); closed implies
 *    resolved when no resolved status came before it.
 */
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"

enum { ST_EVENT = 4, ST_STAGE = 5, ST_HISTORY = 6 };

static enum sk_err prepare(struct sk_imp *x, struct sk_diag *d)
{
	char sql[8192];
	size_t n;
	enum sk_err rc;

	if (x->st[ST_STAGE])
		return SK_OK;
	if ((rc = sk_db_exec(x->db, "CREATE TEMP TABLE IF NOT EXISTS stage ("
			     "id TEXT PRIMARY KEY, at INTEGER, first_line INTEGER, "
			     "v1,v2,v3,v4,v5,v6,v7,v8,v9,v10,v11,v12,v13,v14,v15,v16,v17,"
			     "v18,v19,v20,v21,v22,v23,v24,v25,v26); DELETE FROM temp.stage", d)))
		return rc;
	/* The latest row of a ticket gives its fields; the first line stays. */
	n = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO temp.stage VALUES (?1,?2,?3");
	for (int i = 1; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, ",?%d", i + 3);
	n += (size_t)snprintf(sql + n, sizeof(sql) - n, ") ON CONFLICT(id) DO UPDATE SET "
			      "first_line = min(first_line, excluded.first_line)");
	for (int i = 1; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n,
				      ", v%d = CASE WHEN excluded.at >= at THEN excluded.v%d ELSE v%d END",
				      i, i, i);
	snprintf(sql + n, sizeof(sql) - n, ", at = max(at, excluded.at)");
	if ((rc = sk_db_prepare(x->db, sql, &x->st[ST_STAGE], d)))
		return rc;
	if ((rc = sk_db_prepare(x->db, "INSERT INTO ticket_events (ticket_id, at, status, "
				"pause, meaning, extra, import_id, line, id) VALUES (?1,?2,?3,?4,?5,?6,?7,"
				"?8,?9) ON CONFLICT (ticket_id, at, status) DO NOTHING",
				&x->st[ST_EVENT], d)))
		return rc;
	return sk_db_prepare(x->db, "SELECT at, status, meaning FROM ticket_events "
			     "WHERE ticket_id = ?1 ORDER BY at, id", &x->st[ST_HISTORY], d);
}

/* A row: the ticket's fields, then the event's time, status and meaning. */
enum { EV_AT = TC_COUNT, EV_STATUS, EV_MEANING, EV_COUNT };

static enum sk_err eventlog_check(struct sk_imp *x, struct sk_row *r)
{
	struct sk_val *v = r->v;
	const char *meaning, *status;
	sk_time at;
	int present;
	enum sk_err rc;

	if ((rc = sk_imp_ticket_fields(x, v)) || (rc = sk_imp_time(x, F_AT, &at, &present)))
		return rc;
	status = sk_imp_text(x, F_STATUS);
	meaning = sk_imp_status_meaning(x, status);
	v[EV_AT] = (struct sk_val){ SQLITE_INTEGER, at, NULL };
	v[EV_STATUS] = (struct sk_val){ SQLITE_TEXT, 0, status };
	v[EV_MEANING] = (struct sk_val){ meaning ? SQLITE_TEXT : SQLITE_NULL, 0, meaning };
	r->nv = EV_COUNT;
	return SK_OK;
}

static enum sk_err eventlog_store(struct sk_imp *x, const struct sk_row *r, int tried,
			     struct sk_diag *d)
{
	const struct sk_val *v = r->v;
	const char *meaning = v[EV_MEANING].type == SQLITE_TEXT ? v[EV_MEANING].s : NULL;
	enum sk_err rc;
	sqlite3_stmt *st;

	(void)tried; /* never: an event log's rows are stored one by one */
	if ((rc = prepare(x, d)))
		return rc;
	st = x->st[ST_EVENT];
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, v[TC_ID].s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, v[EV_AT].i);
	sqlite3_bind_text(st, 3, v[EV_STATUS].s, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, meaning && strcmp(meaning, "paused") == 0);
	if (meaning)
		sqlite3_bind_text(st, 5, meaning, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 5);
	sk_val_bind(st, 6, &v[TC_EXTRA]);
	sqlite3_bind_int64(st, 7, x->import_id);
	sqlite3_bind_int64(st, 8, x->line);
	sqlite3_bind_int64(st, 9, SK_SEQ(x->import_id, x->line));
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(x->db, "insert event", d);
	/* An event already stored (or repeated in the file) is one event. */
	if (sqlite3_changes(x->h))
		x->res->inserted++;
	else
		x->res->unchanged++;

	st = x->st[ST_STAGE];
	sqlite3_reset(st);
	sk_val_bind(st, 1, &v[TC_ID]);
	sqlite3_bind_int64(st, 2, v[EV_AT].i);
	sqlite3_bind_int64(st, 3, x->line);
	for (int i = 1; i < TC_COUNT; i++)
		sk_val_bind(st, i + 3, &v[i]);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(x->db, "stage ticket", d);
	return SK_OK;
}

/* Read column @p col of @p st into @p v (text stays valid until the next step). */
static void get_val(sqlite3_stmt *st, int col, struct sk_val *v)
{
	v->type = sqlite3_column_type(st, col);
	if (v->type == SQLITE_INTEGER)
		v->i = sqlite3_column_int64(st, col);
	else if (v->type == SQLITE_TEXT)
		v->s = (const char *)sqlite3_column_text(st, col);
	else
		v->type = SQLITE_NULL;
}

/* Times from the status history of ticket @p v[TC_ID]. */
static enum sk_err derive(struct sk_imp *x, struct sk_val *v, struct sk_buf *status,
			  struct sk_diag *d)
{
	sqlite3_stmt *st = x->st[ST_HISTORY];
	long long first = 0, responded = 0, resolved = 0, closed = 0;
	int any = 0, has_resp = 0, has_res = 0, has_clo = 0, r;

	sqlite3_reset(st);
	sk_val_bind(st, 1, &v[TC_ID]);
	status->len = 0;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		long long at = sqlite3_column_int64(st, 0);
		const char *m = (const char *)sqlite3_column_text(st, 2);
		const char *s = (const char *)sqlite3_column_text(st, 1);
		int is_res = m && strcmp(m, "resolved") == 0;
		int is_clo = m && strcmp(m, "closed") == 0;

		if (!any)
			first = at;
		any = 1;
		if (!has_resp && m && (is_res || strcmp(m, "responded") == 0)) {
			responded = at;
			has_resp = 1;
		}
		if (is_res || is_clo) {
			if (!has_res) {
				resolved = at;
				has_res = 1;
			}
			if (is_clo && !has_clo) {
				closed = at;
				has_clo = 1;
			}
		} else {
			has_res = has_clo = 0; /* reopened */
		}
		status->len = 0;
		sk_buf_add(status, s, strlen(s));
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE)
		return sk_db_fail(x->db, "read status history", d);
	if (v[TC_REPORTED].type == SQLITE_NULL && any) {
		v[TC_REPORTED].type = SQLITE_INTEGER;
		v[TC_REPORTED].i = first;
	}
	if (v[TC_RESPONDED].type == SQLITE_NULL && has_resp) {
		v[TC_RESPONDED].type = SQLITE_INTEGER;
		v[TC_RESPONDED].i = responded;
	}
	if (v[TC_RESOLVED].type == SQLITE_NULL && has_res) {
		v[TC_RESOLVED].type = SQLITE_INTEGER;
		v[TC_RESOLVED].i = resolved;
	}
	if (v[TC_CLOSED].type == SQLITE_NULL && has_clo) {
		v[TC_CLOSED].type = SQLITE_INTEGER;
		v[TC_CLOSED].i = closed;
	}
	if (status->len) {
		v[TC_STATUS].type = SQLITE_TEXT;
		v[TC_STATUS].s = status->s;
	}
	return SK_OK;
}

static enum sk_err eventlog_finish(struct sk_imp *x, struct sk_diag *d)
{
	sqlite3_stmt *sel = NULL;
	struct sk_buf status = { 0 };
	struct sk_val v[TC_COUNT];
	enum sk_err rc;
	int r;

	if (x->bad)
		return SK_OK;
	if ((rc = prepare(x, d)))
		return rc;
	if ((rc = sk_db_prepare(x->db, "SELECT * FROM temp.stage ORDER BY first_line", &sel, d)))
		return rc;
	while ((r = sqlite3_step(sel)) == SQLITE_ROW) {
		get_val(sel, 0, &v[TC_ID]);
		for (int i = 1; i < TC_COUNT; i++)
			get_val(sel, i + 2, &v[i]);
		x->line = (long)sqlite3_column_int64(sel, 2);
		if ((rc = derive(x, v, &status, d)))
			goto out;
		rc = sk_imp_ticket_store(x, v, 0, 0, &x->res->tickets_inserted,
					 &x->res->tickets_updated, &x->res->tickets_unchanged, d);
		if (rc)
			goto out;
	}
	if (r != SQLITE_DONE)
		rc = sk_db_fail(x->db, "read staged tickets", d);
out:
	sqlite3_finalize(sel);
	free(status.s);
	return rc;
}

const struct sk_kind_ops sk_kind_eventlog = {
	eventlog_check, eventlog_store, eventlog_finish, F_ID, "ticket", NULL, NULL, 0, 0, NULL
};
