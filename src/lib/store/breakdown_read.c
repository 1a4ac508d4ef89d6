/*
 * What the report's breakdowns read beside the verdicts: each ticket's
 * resolver group (tickets.assignment_group, schema version 5). A database of
 * an older schema, read as it is, has no resolver groups.
 */
#include "tickets_priv.h"

enum sk_err store_has_groups(struct sk_db *db, int *has, struct sk_diag *d)
{
	return store_column_exists(db, "tickets", "assignment_group", has, d);
}

enum sk_err store_assignment_groups(struct sk_db *db, sk_time before,
				    enum sk_err (*fn)(void *arg, const char *id, const char *group),
				    void *arg, struct sk_diag *d)
{
	enum { ID, GROUP };
	static const char *const sql =
		"SELECT id, assignment_group FROM tickets WHERE reported_at < ?1 "
		"AND assignment_group IS NOT NULL AND assignment_group <> '' ORDER BY id";
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step, has;

	if ((rc = store_has_groups(db, &has, d)) || !has)
		return rc;
	if ((rc = sk_db_prepare(db, sql, &st, d)))
		return rc;
	sqlite3_bind_int64(st, 1, before);
	while (rc == SK_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = fn(arg, col_text(st, ID), col_text(st, GROUP));
	if (rc == SK_OK && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading the tickets' resolver groups", d);
	sqlite3_finalize(st);
	return rc;
}
