/*
 * Deviations from the norms, explained, and the improvement actions taken
 * for them, as `sla-import --kind deviations` stored them. A database from
 * before schema version 5 has none: it reads as having no rows.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets_priv.h"

int store_has_deviations(struct sk_db *db)
{
	sqlite3_stmt *st = NULL;
	int found = -1, step;

	if (sqlite3_prepare_v2(sk_db_handle(db), "SELECT 1 FROM pragma_table_info('deviations') "
			       "WHERE name = 'refers_to'", -1, &st, NULL) == SQLITE_OK) {
		step = sqlite3_step(st);
		found = step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	return found;
}

/* Whether there is a table to read: 1, 0, or an error (out of memory) in @d. */
static enum sk_err has_table(struct sk_db *db, int *has, struct sk_diag *d)
{
	*has = store_has_deviations(db);
	return *has < 0 ? sk_db_fail(db, "reading the schema", d) : SK_OK;
}

enum sk_err store_deviations(struct sk_db *db,
			     enum sk_err (*fn)(void *arg, const struct store_deviation *r), void *arg,
			     struct sk_diag *d)
{
	enum { PERIOD, REFERS, ACTION, EXPL, OWNER, DUE, STATUS, DONE, IMPORT, LINE };
	static const char *const sql =
		"SELECT period, refers_to, action, explanation, owner, due_at, status, done_at, "
		"import_id, line FROM deviations ORDER BY refers_to, period, import_id, line";
	sqlite3_stmt *st = NULL;
	enum sk_err rc = SK_OK;
	int step, has;

	if ((rc = has_table(db, &has, d)) || !has)
		return rc;
	if ((rc = sk_db_prepare(db, sql, &st, d)))
		return rc;
	while (rc == SK_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_deviation r = {
			.period = col_text(st, PERIOD), .refers_to = col_text(st, REFERS),
			.action = col_text(st, ACTION), .explanation = col_text(st, EXPL),
			.owner = col_text(st, OWNER), .due = col_time(st, DUE),
			.done = strcmp(col_text(st, STATUS), "done") == 0,
			.done_at = col_time(st, DONE), .import_id = sqlite3_column_int64(st, IMPORT),
			.line = sqlite3_column_int64(st, LINE),
		};

		if (r.action && !*r.action)
			r.action = NULL;
		rc = fn(arg, &r);
	}
	if (rc == SK_OK && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading deviations", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_count_actions_done(struct sk_db *db, sk_time start, sk_time end, long *n,
				     long *rows, struct sk_diag *d)
{
	/* One action however many periods' rows repeat it. */
	static const char *const sql =
		"SELECT (SELECT count(*) FROM (SELECT DISTINCT refers_to, action FROM deviations "
		"WHERE action <> '' AND status = 'done' AND done_at >= ?1 AND done_at < ?2)), "
		"(SELECT count(*) FROM deviations)";
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int has;

	*n = *rows = 0;
	if ((rc = has_table(db, &has, d)) || !has)
		return rc;
	if ((rc = sk_db_prepare(db, sql, &st, d)))
		return rc;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*n = (long)sqlite3_column_int64(st, 0);
		*rows = (long)sqlite3_column_int64(st, 1);
	}
	else
		rc = sk_db_fail(db, "counting improvement actions", d);
	sqlite3_finalize(st);
	return rc;
}
