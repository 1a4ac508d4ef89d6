/*
 * An import's rows: a new row is inserted, a stored one (same key) updated
 * when a column differs and left alone otherwise, so a re-import changes
 * nothing. Keys a file must not repeat are remembered in temp.seen.
 */
#include <stdlib.h>
#include <string.h>

#include "import_store_priv.h"

enum sk_err store_import_open(struct sk_db *db, struct store_import **out, struct sk_diag *d)
{
	struct store_import *si;
	enum sk_err rc;

	*out = NULL;
	if (!(si = calloc(1, sizeof(*si))))
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
	si->db = db;
	si->h = sk_db_handle(db);
	if ((rc = sk_db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, "
			     "line INTEGER); DELETE FROM temp.seen", d)) ||
	    (rc = sk_db_prepare(db, "SELECT line FROM temp.seen WHERE key = ?1", &si->seen, d))) {
		store_import_close(si);
		return rc;
	}
	*out = si;
	return SK_OK;
}

void store_import_close(struct store_import *si)
{
	if (!si)
		return;
	sqlite3_finalize(si->seen);
	sqlite3_finalize(si->seen_add);
	for (int t = 0; t < STORE_TABLES; t++) {
		sqlite3_finalize(si->st[t].ins);
		sqlite3_finalize(si->st[t].sel);
		sqlite3_finalize(si->st[t].upd);
		sqlite3_finalize(si->st[t].hist);
		sqlite3_finalize(si->st[t].many);
	}
	sqlite3_finalize(si->stage);
	sqlite3_finalize(si->events);
	free(si);
}

/* The line that gave @key first in this file, 0: none, -1: a database error. */
static long seen(struct store_import *si, const char *key, struct sk_diag *d)
{
	sqlite3_stmt *st = si->seen;
	long first = 0;
	int r;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		first = (long)sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		first = (sk_db_fail(si->db, "check duplicates", d), -1);
	sqlite3_reset(st);
	return first;
}

/* The same, and remember @key at @line when it is new (one statement). */
static long seen_add(struct store_import *si, const char *key, long line, struct sk_diag *d)
{
	sqlite3_stmt *st;

	if (!si->seen_add && sk_db_prepare(si->db, "INSERT INTO temp.seen(key, line) VALUES "
					   "(?, ?) ON CONFLICT DO NOTHING", &si->seen_add, d))
		return -1;
	st = si->seen_add;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, line);
	if (sqlite3_step(st) != SQLITE_DONE)
		return (sk_db_fail(si->db, "record key", d), -1);
	return sqlite3_changes(si->h) ? 0 : seen(si, key, d);
}

/* Bind row @v of @tb, then import id and @line (and the order of arrival
 * when @seq) from parameter @k + 1 on; the next free parameter. */
static int bind_row(const struct store_import *si, sqlite3_stmt *st, int k,
		    const struct store_import_table *tb, const struct store_val *v, long line, int seq)
{
	for (int i = 0; i < tb->ncols; i++)
		store_import_bind(st, ++k, &v[i]);
	sqlite3_bind_int64(st, ++k, si->import_id);
	sqlite3_bind_int64(st, ++k, line);
	if (seq && tb->seq)
		sqlite3_bind_int64(st, ++k, STORE_SEQ(si->import_id, line));
	return k;
}

enum sk_err store_row_add(struct store_import *si, enum store_table t, const struct store_val *v,
			  long line, int *added, struct sk_diag *d)
{
	const struct store_import_table *tb = &store_import_tables[t];
	sqlite3_stmt *st;
	enum sk_err rc;

	if ((rc = store_import_prepare(si, t, d)))
		return rc;
	st = si->st[t].ins;
	sqlite3_reset(st);
	bind_row(si, st, 0, tb, v, line, 1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_import_fail(si, "insert", tb->what, d);
	*added = sqlite3_changes(si->h) != 0;
	return SK_OK;
}

enum sk_err store_rows_insert_many(struct store_import *si, enum store_table t,
				   const struct store_val *const rows[STORE_INSERT_MANY],
				   const long lines[STORE_INSERT_MANY], int *all, struct sk_diag *d)
{
	const struct store_import_table *tb = &store_import_tables[t];
	sqlite3_stmt *st;
	enum sk_err rc;
	int k = 0;

	if ((rc = store_import_prepare_many(si, t, d)))
		return rc;
	st = si->st[t].many;
	sqlite3_reset(st);
	for (int j = 0; j < STORE_INSERT_MANY; j++)
		k = bind_row(si, st, k, tb, rows[j], lines[j], 1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(si->db, "insert rows", d);
	*all = sqlite3_changes(si->h) == STORE_INSERT_MANY;
	return SK_OK;
}

/* 1 when the stored column @col of @st differs from @v. */
static int differs(sqlite3_stmt *st, int col, const struct store_val *v)
{
	switch (sqlite3_column_type(st, col)) {
	case SQLITE_INTEGER:
		return v->type != STORE_INT || sqlite3_column_int64(st, col) != v->i;
	case SQLITE_TEXT:
		return v->type != STORE_TEXT ||
		       strcmp((const char *)sqlite3_column_text(st, col), v->s) != 0;
	case SQLITE_NULL:
		return v->type != STORE_NULL;
	default:
		return 1;
	}
}

/* Which columns of the stored row in @st (from column 0: those after the
 * key) differ from @v: 1 when any. With a history, their names go to
 * si->changed, comma-separated. */
static int changes(struct store_import *si, const struct store_import_table *tb, sqlite3_stmt *st,
		   const struct store_val *v)
{
	size_t n = 0;
	int any = 0;

	si->changed[0] = '\0';
	for (int i = tb->nkey; i < tb->ncols; i++) {
		if (!differs(st, i - tb->nkey, &v[i]))
			continue;
		any = 1;
		if (!tb->history)
			break;
		/* The names of all columns fit (store_import_tables.c); cut, never overrun. */
		if (n < sizeof(si->changed))
			n += (size_t)snprintf(si->changed + n, sizeof(si->changed) - n, "%s%s",
					      n ? "," : "", tb->cols[i]);
	}
	return any;
}

/* 1 when the stored row in @st (other columns from 0, then import_id, line,
 * horizon) is newer than @v: each is as of its own update time if it has
 * one, else its import's horizon; unknown on either side is never older, so
 * the later import wins as it always did. */
static int older(const struct store_import *si, const struct store_import_table *tb,
		 sqlite3_stmt *st, const struct store_val *v)
{
	const int nother = tb->ncols - tb->nkey;
	const int own = tb->updated >= 0 ? tb->updated - tb->nkey : -1;
	sk_time mine, theirs;

	if (own >= 0 && v[tb->updated].type == STORE_INT)
		mine = v[tb->updated].i;
	else if (si->has_horizon)
		mine = si->horizon;
	else
		return 0;
	if (own >= 0 && sqlite3_column_type(st, own) == SQLITE_INTEGER)
		theirs = sqlite3_column_int64(st, own);
	else if (sqlite3_column_type(st, nother + 2) == SQLITE_INTEGER)
		theirs = sqlite3_column_int64(st, nother + 2);
	else
		return 0;
	return mine < theirs;
}

enum sk_err store_row_put(struct store_import *si, enum store_table t, const struct store_val *v,
			  long line, const char *key, int tried, enum store_put *did, long *first,
			  struct sk_diag *d)
{
	const struct store_import_table *tb = &store_import_tables[t];
	const struct store_import_stmts *s = &si->st[t];
	const int nother = tb->ncols - tb->nkey;    /* sel: other columns, import_id, line */
	sqlite3_stmt *st;
	enum sk_err rc;
	long at;
	int changed, added, old = 0;

	*first = 0;
	if (!tried) {
		if ((rc = store_row_add(si, t, v, line, &added, d)))
			return rc;
		if (added) {
			*did = STORE_INSERTED;
			return SK_OK;
		}
	} else if ((rc = store_import_prepare(si, t, d))) {
		return rc;
	}
	st = s->sel;
	sqlite3_reset(st);
	for (int i = 0; i < tb->nkey; i++)
		store_import_bind(st, i + 1, &v[i]);
	if (sqlite3_step(st) != SQLITE_ROW)
		return store_import_fail(si, "read", tb->what, d);
	/* Written by this import: by this row's own insert, or this file gave
	 * the key before (stored unchanged, a row keeps its old import:
	 * temp.seen knows it then). */
	if (sqlite3_column_int64(st, nother) == si->import_id) {
		at = (long)sqlite3_column_int64(st, nother + 1);
		if (tried && at == line) {
			sqlite3_reset(st);
			*did = STORE_INSERTED;
			return SK_OK;
		}
		if (key) {
			sqlite3_reset(st);
			*did = STORE_DUPLICATE;
			*first = at;
			return SK_OK;
		}
	}
	changed = changes(si, tb, st, v);
	/* An older version is kept as it is: for the duplicate check it is a row
	 * this file gave unchanged. */
	if (changed && older(si, tb, st, v))
		changed = 0, old = 1;
	sqlite3_reset(st);
	if (key) {
		at = changed ? seen(si, key, d) : seen_add(si, key, line, d);
		if (at < 0)
			return SK_ERR_DB;
		if (at) {
			*did = STORE_DUPLICATE;
			*first = at;
			return SK_OK;
		}
	}
	if (!changed) {
		*did = old ? STORE_OLDER : STORE_UNCHANGED;
		return SK_OK;
	}
	if (tb->history) {
		st = s->hist;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, si->import_id);
		sqlite3_bind_text(st, 2, si->changed, -1, SQLITE_STATIC);
		for (int i = 0; i < tb->nkey; i++)
			store_import_bind(st, i + 3, &v[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_import_fail(si, "keep", "ticket history", d);
	}
	st = s->upd;
	sqlite3_reset(st);
	bind_row(si, st, 0, tb, v, line, 0);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_import_fail(si, "update", tb->what, d);
	*did = STORE_UPDATED;
	return SK_OK;
}
