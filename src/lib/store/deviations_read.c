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
	int found = 0;

	if (sqlite3_prepare_v2(sk_db_handle(db), "SELECT 1 FROM pragma_table_info('deviations') "
			       "WHERE name = 'refers_to'", -1, &st, NULL) == SQLITE_OK)
		found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
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
	int step;

	if (!store_has_deviations(db))
		return SK_OK;
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
				     struct sk_diag *d)
{
	/* One action however many periods' rows repeat it. */
	static const char *const sql =
		"SELECT count(*) FROM (SELECT DISTINCT refers_to, action FROM deviations "
		"WHERE action <> '' AND status = 'done' AND done_at >= ?1 AND done_at < ?2)";
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	*n = 0;
	if (!store_has_deviations(db))
		return SK_OK;
	if ((rc = sk_db_prepare(db, sql, &st, d)))
		return rc;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	else
		rc = sk_db_fail(db, "counting improvement actions", d);
	sqlite3_finalize(st);
	return rc;
}
