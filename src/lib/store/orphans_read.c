/*
 * Events, pauses, hand-overs and updates whose ticket the database does not
 * hold. Such an export may come before its tickets' (the schema allows it),
 * but until the ticket comes those rows count for nothing: sla-compute says
 * so. A database from before the hand-overs (version 4) or the updates
 * (version 5) table has none of those.
 */
#include <stdio.h>
#include <stdlib.h>

#include "store.h"
#include "tickets_priv.h"

/* Per ticket first (the ticket_id index is read in order, and each ticket
 * is looked up once), the kinds side by side; ids in binary order, so the
 * same data gives the same line. */
#define ORPHANS_HEAD \
	"SELECT ticket_id, sum(e), sum(p), sum(h), sum(u) FROM (" \
	" SELECT ticket_id, count(*) AS e, 0 AS p, 0 AS h, 0 AS u FROM ticket_events" \
	" GROUP BY ticket_id" \
	" UNION ALL SELECT ticket_id, 0, count(*), 0, 0 FROM pauses GROUP BY ticket_id"
#define ORPHANS_HANDOVERS \
	" UNION ALL SELECT ticket_id, 0, 0, count(*), 0 FROM handovers GROUP BY ticket_id"
#define ORPHANS_UPDATES \
	" UNION ALL SELECT ticket_id, 0, 0, 0, count(*) FROM updates GROUP BY ticket_id"
#define ORPHANS_TAIL \
	") WHERE ticket_id NOT IN (SELECT id FROM tickets) GROUP BY ticket_id ORDER BY ticket_id"

enum sk_err store_orphans(struct sk_db *db, struct store_orphans *o, size_t max,
			  store_orphan_fn fn, void *arg, struct sk_diag *d)
{
	char sql[sizeof(ORPHANS_HEAD ORPHANS_HANDOVERS ORPHANS_UPDATES ORPHANS_TAIL)];
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step, handovers, updates;

	o->events = o->pauses = o->handovers = o->updates = o->tickets = 0;
	if ((rc = store_has_handovers(db, &handovers, d)) ||
	    (rc = store_has_updates(db, &updates, d)))
		return rc;
	snprintf(sql, sizeof(sql), "%s%s%s%s", ORPHANS_HEAD, handovers ? ORPHANS_HANDOVERS : "",
		 updates ? ORPHANS_UPDATES : "", ORPHANS_TAIL);
	if ((rc = sk_db_prepare(db, sql, &st, d)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		o->events += (long)sqlite3_column_int64(st, 1);
		o->pauses += (long)sqlite3_column_int64(st, 2);
		o->handovers += (long)sqlite3_column_int64(st, 3);
		o->updates += (long)sqlite3_column_int64(st, 4);
		if ((size_t)o->tickets++ < max && fn)
			fn(arg, col_text(st, 0));
	}
	if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading the rows of tickets not in the database", d);
	sqlite3_finalize(st);
	return rc;
}
