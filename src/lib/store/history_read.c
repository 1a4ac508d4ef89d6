/*
 * What the report's history and the tools' warnings read of the data as a
 * whole: when the tickets begin, and the data's horizon for the public API.
 */
#include "store.h"
#include "tickets_priv.h"

enum sk_err store_first_reported(struct sk_db *db, sk_time *first, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	*first = 0;
	/* One index lookup (reported_at is indexed for the period's tickets). */
	if ((rc = sk_db_prepare(db, "SELECT min(reported_at) FROM tickets", &st, d)))
		return rc;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*first = sqlite3_column_int64(st, 0);
	else if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading when the tickets begin", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err sk_db_horizon(struct sk_db *db, int64_t *horizon, struct sk_diag *d)
{
	enum store_horizon from;
	sk_time h = 0;
	enum sk_err rc = store_data_horizon(db, &h, &from, d);

	*horizon = rc || from == STORE_HORIZON_NONE ? 0 : h;
	return rc;
}
