/*
 * Hand-overs to the customer's suppliers as the database records them: the
 * `handovers` rows an import wrote, and the status history with each
 * ticket's supplier column, from which the engine finds the runs of statuses
 * that mean "with a supplier". A database from before schema version 4 has
 * neither: it reads as having no hand-overs.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets_priv.h"

enum sk_err store_column_exists(struct sk_db *db, const char *table, const char *col,
				int *found, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	*found = 0;
	if ((rc = sk_db_prepare(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", &st, d)))
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*found = 1;
	else if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading the schema", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_has_handovers(struct sk_db *db, int *has, struct sk_diag *d)
{
	/* A failed read (out of memory) is an error, never "no hand-overs". */
	return store_column_exists(db, "handovers", "supplier", has, d);
}

enum sk_err store_handovers(struct sk_db *db, const char *id,
			    enum sk_err (*fn)(void *arg, const struct store_handover *h), void *arg,
			    struct sk_diag *d)
{
	enum { TICKET, SUPPLIER, START, END, RESPONDED, REF, IMPORT, PRIORITY };
	static const char *const sql =
		"SELECT h.ticket_id, h.supplier, h.start_at, h.end_at, h.responded_at, "
		"h.supplier_ref, h.import_id, t.priority FROM handovers h "
		"LEFT JOIN tickets t ON t.id = h.ticket_id "
		"WHERE ?1 IS NULL OR h.ticket_id = ?1 ORDER BY h.ticket_id, h.start_at, h.supplier";
	sqlite3_stmt *st = NULL;
	enum sk_err rc = SK_OK;
	int step, has;

	if ((rc = store_has_handovers(db, &has, d)) || !has)
		return rc;
	if ((rc = sk_db_prepare(db, sql, &st, d)))
		return rc;
	if (id)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (rc == SK_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_handover h = {
			.ticket = col_text(st, TICKET), .supplier = col_text(st, SUPPLIER),
			.start = sqlite3_column_int64(st, START), .end = col_time(st, END),
			.responded = col_time(st, RESPONDED), .ref = col_text(st, REF),
			.import_id = sqlite3_column_int64(st, IMPORT),
			.priority = col_text(st, PRIORITY),
		};

		rc = fn(arg, &h);
	}
	if (rc == SK_OK && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading hand-overs", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_supplier_statuses(struct sk_db *db, const char *id,
				    enum sk_err (*fn)(void *arg, const struct store_status_row *r),
				    void *arg, struct sk_diag *d)
{
	enum { TICKET, AT, STATUS, SUPPLIER, PRIORITY };
	/* Without the supplier column (a database older than version 4), NULL. */
	static const char *const with =
		"SELECT e.ticket_id, e.at, e.status, t.supplier, t.priority FROM ticket_events e "
		"LEFT JOIN tickets t ON t.id = e.ticket_id WHERE ?1 IS NULL OR e.ticket_id = ?1 "
		"ORDER BY e.ticket_id, e.at, e.id";
	static const char *const without =
		"SELECT e.ticket_id, e.at, e.status, NULL, t.priority FROM ticket_events e "
		"LEFT JOIN tickets t ON t.id = e.ticket_id WHERE ?1 IS NULL OR e.ticket_id = ?1 "
		"ORDER BY e.ticket_id, e.at, e.id";
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step, has;

	if ((rc = store_column_exists(db, "tickets", "supplier", &has, d)) ||
	    (rc = sk_db_prepare(db, has ? with : without, &st, d)))
		return rc;
	if (id)
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (rc == SK_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_status_row r = {
			.ticket = col_text(st, TICKET), .at = sqlite3_column_int64(st, AT),
			.status = col_text(st, STATUS), .supplier = col_text(st, SUPPLIER),
			.priority = col_text(st, PRIORITY),
		};

		rc = fn(arg, &r);
	}
	if (rc == SK_OK && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading status history", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_handover_pauses(struct sk_db *db, const char *id, struct sk_pause **ps,
				  size_t *n, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step, has;

	if ((rc = store_has_handovers(db, &has, d)) || !has)
		return rc;
	if ((rc = sk_db_prepare(db, "SELECT start_at, end_at FROM handovers WHERE ticket_id = ?1 "
				"ORDER BY start_at", &st, d)))
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct sk_pause *more = realloc(*ps, (*n + 1) * sizeof(**ps));

		if (!more) {
			rc = SK_ERR_NOMEM;
			break;
		}
		*ps = more;
		(*ps)[*n].start = sqlite3_column_int64(st, 0);
		(*ps)[(*n)++].end = col_time(st, 1);
	}
	if (rc == SK_OK && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading hand-overs", d);
	sqlite3_finalize(st);
	return rc;
}
