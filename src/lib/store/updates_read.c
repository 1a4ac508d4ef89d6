/*
 * Updates to the customer as the database records them (the `updates` rows
 * an import wrote). A database from before schema version 5 has none: it
 * reads as having no update data, so every ticket's cadence is "not measured".
 */
#include <stdlib.h>
#include <string.h>

#include "tickets_priv.h"

enum sk_err store_has_updates(struct sk_db *db, int *has, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	*has = 0;
	if ((rc = sk_db_prepare(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
				"name = 'updates'", &st, d)))
		return rc;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*has = 1;
	else if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading the schema", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_updates(struct sk_db *db, const char *id,
			  enum sk_err (*fn)(void *arg, const struct store_update *u), void *arg,
			  struct sk_diag *d)
{
	enum { TICKET, AT, VISIBLE, CHANNEL };
	static const char *const sql =
		"SELECT ticket_id, at, visible, channel FROM updates "
		"WHERE ?1 IS NULL OR ticket_id = ?1 ORDER BY ticket_id, at, visible DESC";
	sqlite3_stmt *st = NULL;
	enum sk_err rc = SK_OK;
	int step = SQLITE_DONE;

	int has;

	/* A database older than version 5 has no updates: none to read. An
	 * error (out of memory) is one, never "no updates". */
	if ((rc = store_has_updates(db, &has, d)) || !has)
		return rc;
	if ((rc = sk_db_prepare(db, sql, &st, d)))
		return rc;
	if (id)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (rc == SK_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_update u = {
			.ticket = col_text(st, TICKET), .at = sqlite3_column_int64(st, AT),
			.visible = sqlite3_column_int(st, VISIBLE) != 0,
			.channel = col_text(st, CHANNEL),
		};

		rc = fn(arg, &u);
	}
	if (rc == SK_OK && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading updates", d);
	sqlite3_finalize(st);
	return rc;
}
