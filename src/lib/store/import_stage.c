/*
 * An event log's tickets: each row's ticket fields are staged in a
 * temporary table (the latest row of a ticket wins), so the rows of one
 * ticket may come in any order and memory does not grow with the file; at
 * the end the import walks the staged tickets and each one's status events.
 */
#include <stdio.h>

#include "import_store_priv.h"

/* temp.stage's columns: the ticket id, the time of the row that gave the
 * fields, the ticket's first line, then its other fields v1 .. v(TC_COUNT-1)
 * (the tickets table's columns after id, in order; made from TC_COUNT). */
enum { SG_ID, SG_AT, SG_FIRST_LINE, SG_FIELDS };

static enum sk_err prepare(struct store_import *si, struct sk_diag *d)
{
	char sql[8192];
	size_t n;
	enum sk_err rc;

	if (si->stage)
		return SK_OK;
	n = (size_t)snprintf(sql, sizeof(sql), "CREATE TEMP TABLE IF NOT EXISTS stage ("
			     "id TEXT PRIMARY KEY, at INTEGER, first_line INTEGER");
	for (int i = 1; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, ",v%d", i);
	snprintf(sql + n, sizeof(sql) - n, "); DELETE FROM temp.stage");
	if ((rc = sk_db_exec(si->db, sql, d)))
		return rc;
	/* The latest row of a ticket gives its fields; the first line stays. */
	n = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO temp.stage VALUES (?1,?2,?3");
	for (int i = 1; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, ",?%d", i + SG_FIELDS);
	n += (size_t)snprintf(sql + n, sizeof(sql) - n, ") ON CONFLICT(id) DO UPDATE SET "
			      "first_line = min(first_line, excluded.first_line)");
	for (int i = 1; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n,
				      ", v%d = CASE WHEN excluded.at >= at THEN excluded.v%d ELSE v%d END",
				      i, i, i);
	snprintf(sql + n, sizeof(sql) - n, ", at = max(at, excluded.at)");
	if ((rc = sk_db_prepare(si->db, sql, &si->stage, d)))
		return rc;
	return sk_db_prepare(si->db, "SELECT at, status, meaning FROM ticket_events "
			     "WHERE ticket_id = ?1 ORDER BY at, id", &si->events, d);
}

enum sk_err store_stage_put(struct store_import *si, const struct store_val v[TC_COUNT], sk_time at,
			    long line, struct sk_diag *d)
{
	sqlite3_stmt *st;
	enum sk_err rc;

	if ((rc = prepare(si, d)))
		return rc;
	st = si->stage;
	sqlite3_reset(st);
	store_import_bind(st, SG_ID + 1, &v[TC_ID]);
	sqlite3_bind_int64(st, SG_AT + 1, at);
	sqlite3_bind_int64(st, SG_FIRST_LINE + 1, line);
	for (int i = 1; i < TC_COUNT; i++)
		store_import_bind(st, i + SG_FIELDS, &v[i]);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(si->db, "stage ticket", d);
	return SK_OK;
}

/* Column @col of @st into @v (text valid until the next step). */
static void get_val(sqlite3_stmt *st, int col, struct store_val *v)
{
	switch (sqlite3_column_type(st, col)) {
	case SQLITE_INTEGER:
		v->type = STORE_INT;
		v->i = sqlite3_column_int64(st, col);
		break;
	case SQLITE_TEXT:
		v->type = STORE_TEXT;
		v->s = (const char *)sqlite3_column_text(st, col);
		break;
	default:
		v->type = STORE_NULL;
		break;
	}
}

enum sk_err store_stage_each(struct store_import *si,
			     enum sk_err (*fn)(void *ctx, struct store_val v[TC_COUNT], long first_line,
					       struct sk_diag *d),
			     void *ctx, struct sk_diag *d)
{
	sqlite3_stmt *sel = NULL;
	struct store_val v[TC_COUNT];
	enum sk_err rc;
	int r;

	if ((rc = prepare(si, d)))
		return rc;
	if ((rc = sk_db_prepare(si->db, "SELECT * FROM temp.stage ORDER BY first_line", &sel, d)))
		return rc;
	while ((r = sqlite3_step(sel)) == SQLITE_ROW) {
		get_val(sel, SG_ID, &v[TC_ID]);
		for (int i = 1; i < TC_COUNT; i++)
			get_val(sel, i - 1 + SG_FIELDS, &v[i]);
		if ((rc = fn(ctx, v, (long)sqlite3_column_int64(sel, SG_FIRST_LINE), d)))
			goto out;
	}
	if (r != SQLITE_DONE)
		rc = sk_db_fail(si->db, "read staged tickets", d);
out:
	sqlite3_finalize(sel);
	return rc;
}

enum sk_err store_ticket_events(struct store_import *si, const struct store_val *id,
				void (*fn)(void *ctx, sk_time at, const char *status,
					   const char *meaning),
				void *ctx, struct sk_diag *d)
{
	sqlite3_stmt *st;
	enum sk_err rc;
	int r;

	if ((rc = prepare(si, d)))
		return rc;
	st = si->events;
	sqlite3_reset(st);
	store_import_bind(st, 1, id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		   (const char *)sqlite3_column_text(st, 2));
	sqlite3_reset(st);
	if (r != SQLITE_DONE)
		return sk_db_fail(si->db, "read status history", d);
	return SK_OK;
}
