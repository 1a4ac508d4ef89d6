/*
 * Events and pauses whose ticket the database does not hold. An events or
 * pauses export may come before its tickets' (the schema allows it), but
 * until the ticket comes those rows count for nothing: sla-compute says so.
 */
#include <stdlib.h>

#include "store.h"
#include "tickets_priv.h"

/* Per ticket first (the ticket_id index is read in order, and each ticket
 * is looked up once), events and pauses side by side; ids in binary order,
 * so the same data gives the same line. */
#define ORPHANS_SQL \
	"SELECT ticket_id, sum(e), sum(p) FROM (" \
	" SELECT ticket_id, count(*) AS e, 0 AS p FROM ticket_events GROUP BY ticket_id" \
	" UNION ALL SELECT ticket_id, 0, count(*) FROM pauses GROUP BY ticket_id)" \
	" WHERE ticket_id NOT IN (SELECT id FROM tickets) GROUP BY ticket_id ORDER BY ticket_id"

enum sk_err store_orphans(struct sk_db *db, struct store_orphans *o, size_t max,
			  store_orphan_fn fn, void *arg, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	o->events = o->pauses = o->tickets = 0;
	if ((rc = sk_db_prepare(db, ORPHANS_SQL, &st, d)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		o->events += (long)sqlite3_column_int64(st, 1);
		o->pauses += (long)sqlite3_column_int64(st, 2);
		if ((size_t)o->tickets++ < max && fn)
			fn(arg, col_text(st, 0));
	}
	if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading events of tickets not in the database", d);
	sqlite3_finalize(st);
	return rc;
}
