/*
 * The report's reads straight from the tables: changes and complaints,
 * hand-overs, tickets counted by location and category, and the imports
 * behind the figures. What the report makes of them stays in report/.
 */
#include <stdlib.h>

#include "store.h"
#include "tickets_priv.h"

/* Prepare @sql with [@start, @end) bound to ?1 and ?2. */
static enum sk_err prepare_span(struct sk_db *db, const char *sql, sk_time start, sk_time end,
				sqlite3_stmt **st, struct sk_diag *d)
{
	enum sk_err rc = sk_db_prepare(db, sql, st, d);

	if (rc)
		return rc;
	sqlite3_bind_int64(*st, 1, start);
	sqlite3_bind_int64(*st, 2, end);
	return SK_OK;
}

static int col_flag(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

/* The columns of CASES_SQL, in order. */
enum {
	CS_ID, CS_TYPE, CS_PRIORITY, CS_REPORTED, CS_RESOLVED, CS_CLOSED, CS_PLANNED, CS_CATEGORY,
	CS_LOCATION, CS_CHANGE_TYPE, CS_CAB, CS_FAILED, CS_TITLE
};

/*
 * One pass over the table and a sort of the few rows found: the id index
 * (for the order) or the reported_at one (for "before the end", nearly every
 * ticket when the period is recent) would fetch each row by lookup, several
 * times slower (the + keeps the planner off both).
 */
#define CASES_SQL \
	"SELECT id, type, priority, reported_at, resolved_at, closed_at," \
	" planned_at, category, location, change_type, cab_approved, change_failed, " \
	TICKET_TITLE_SQL " FROM tickets WHERE (type = 'change' OR type = 'complaint')" \
	" AND +reported_at < ?2 AND COALESCE(resolved_at, closed_at, ?2) >= ?1" \
	" ORDER BY +id"

enum sk_err store_cases(struct sk_db *db, sk_time start, sk_time end, store_case_fn fn, void *arg,
			struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	if ((rc = prepare_span(db, CASES_SQL, start, end, &st, d)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_case k;

		k.id = col_text(st, CS_ID);
		k.type = col_text(st, CS_TYPE);
		k.priority = col_text(st, CS_PRIORITY);
		k.reported = sqlite3_column_int64(st, CS_REPORTED);
		k.resolved = sqlite3_column_int64(st, CS_RESOLVED);
		k.closed = sqlite3_column_int64(st, CS_CLOSED);
		k.planned = sqlite3_column_int64(st, CS_PLANNED);
		k.category = col_text(st, CS_CATEGORY);
		k.location = col_text(st, CS_LOCATION);
		k.change_type = col_text(st, CS_CHANGE_TYPE);
		k.cab_approved = col_flag(st, CS_CAB);
		k.failed = col_flag(st, CS_FAILED);
		k.title = col_text(st, CS_TITLE);
		if ((rc = fn(arg, &k)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading changes and complaints", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_count_escalated(struct sk_db *db, sk_time start, sk_time end, long *n,
				  struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	if ((rc = prepare_span(db, "SELECT count(*) FROM tickets WHERE escalated_at >= ?1"
			       " AND escalated_at < ?2", start, end, &st, d)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	else
		rc = sk_db_fail(db, "counting hand-overs", d);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The queries of enum store_group; column 0 the name, 1 the count. Ties by
 * name in binary order, so the same data gives the same lines.
 */
static const char *const group_sql[] = {
	[STORE_BY_LOCATION] = "SELECT COALESCE(location, ''), count(*) FROM tickets"
			      " WHERE reported_at >= ?1 AND reported_at < ?2 GROUP BY 1 ORDER BY 2 DESC, 1",
	[STORE_BY_CATEGORY] = "SELECT COALESCE(category, ''), count(*) FROM tickets"
			      " WHERE reported_at >= ?1 AND reported_at < ?2 GROUP BY 1 ORDER BY 2 DESC, 1",
	[STORE_BY_CATEGORY_ANY] = "SELECT COALESCE(category, ''), count(*) FROM tickets"
				  " WHERE reported_at >= ?1 AND reported_at < ?2 GROUP BY 1",
	[STORE_TOP_INCIDENT_CATEGORIES] = "SELECT category, count(*) FROM tickets WHERE reported_at >= ?1"
					  " AND reported_at < ?2 AND type = 'incident' AND category IS NOT NULL"
					  " AND category <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3",
};

enum sk_err store_count_tickets_by(struct sk_db *db, enum store_group by, sk_time start,
				   sk_time end, store_group_fn fn, void *arg, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	if ((rc = prepare_span(db, group_sql[by], start, end, &st, d)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = fn(arg, col_text(st, 0), (long)sqlite3_column_int64(st, 1))))
			break;
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "counting tickets", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_tickets_reported(struct sk_db *db, sk_time start, sk_time end,
				   enum sk_err (*fn)(void *arg, const char *id), void *arg,
				   struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	if ((rc = prepare_span(db, "SELECT id FROM tickets WHERE reported_at >= ?1 AND reported_at < ?2",
			       start, end, &st, d)))
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = fn(arg, col_text(st, 0))))
			break;
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading tickets", d);
	sqlite3_finalize(st);
	return rc;
}

struct store_ticket_lookup {
	sqlite3_stmt *st;
};

enum sk_err store_ticket_lookup_open(struct sk_db *db, struct store_ticket_lookup **out,
				     struct sk_diag *d)
{
	struct store_ticket_lookup *l = calloc(1, sizeof(*l));
	enum sk_err rc;

	*out = NULL;
	if (!l)
		return SK_ERR_NOMEM;
	if ((rc = sk_db_prepare(db, "SELECT import_id FROM tickets WHERE id = ?1", &l->st, d))) {
		free(l);
		return rc;
	}
	*out = l;
	return SK_OK;
}

int store_ticket_lookup(struct store_ticket_lookup *l, const char *id, int64_t *import_id)
{
	sqlite3_reset(l->st);
	sqlite3_bind_text(l->st, 1, id, -1, SQLITE_STATIC);
	int step = sqlite3_step(l->st);

	if (step == SQLITE_DONE)
		return 0;
	if (step != SQLITE_ROW)
		return -1;
	*import_id = sqlite3_column_int64(l->st, 0);
	return 1;
}

void store_ticket_lookup_close(struct store_ticket_lookup *l)
{
	if (!l)
		return;
	sqlite3_finalize(l->st);
	free(l);
}

/* The child tables whose rows name the import that wrote them. */
static const char *const child_sql[] = {
	"SELECT import_id FROM ticket_events WHERE ticket_id = ?1",
	"SELECT import_id FROM pauses WHERE ticket_id = ?1",
	"SELECT import_id FROM updates WHERE ticket_id = ?1",   /* schema version 5 on */
};

/* Every import that wrote a row of child table @table for a ticket in @ids. */
static enum sk_err child_rows(struct sk_db *db, int table, char *const *ids, size_t n,
			      struct id_list *s, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	if (!n)
		return SK_OK;
	if ((rc = sk_db_prepare(db, child_sql[table], &st, d)))
		return rc;
	for (size_t k = 0; k < n && rc == SK_OK; k++) {
		int step;

		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, ids[k], -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			if (id_list_add(s, sqlite3_column_int64(st, 0))) {
				rc = SK_ERR_NOMEM;
				break;
			}
		if (rc == SK_OK && step != SQLITE_DONE)
			rc = sk_db_fail(db, "finding the imports of the period", d);
	}
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_child_imports(struct sk_db *db, char *const *ids, size_t n, struct id_list *s,
				struct sk_diag *d)
{
	enum sk_err rc = child_rows(db, 0, ids, n, s, d);

	return rc ? rc : child_rows(db, 1, ids, n, s, d);
}

enum sk_err store_update_imports(struct sk_db *db, char *const *ids, size_t n, struct id_list *s,
				 struct sk_diag *d)
{
	int has;
	enum sk_err rc = store_has_updates(db, &has, d);

	/* A database older than version 5 has no updates table. */
	return rc || !has ? rc : child_rows(db, 2, ids, n, s, d);
}

/* The queries of enum store_span_source: column 0 import_id, 1 the period label or NULL. */
static const char *const span_sql[] = {
	[STORE_SPAN_CALLS] = "SELECT DISTINCT import_id, NULL FROM calls"
			     " WHERE started_at >= ?1 AND started_at < ?2",
	[STORE_SPAN_OUTAGES] = "SELECT DISTINCT import_id, NULL FROM outages"
			       " WHERE end_at > ?1 AND start_at < ?2",
	[STORE_SPAN_MEASUREMENTS] = "SELECT DISTINCT import_id, period FROM kpi_measurements",
};

enum sk_err store_span_imports(struct sk_db *db, enum store_span_source src, sk_time start,
			       sk_time end, enum sk_err (*fn)(void *arg, int64_t import_id,
							      const char *label),
			       void *arg, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc = sk_db_prepare(db, span_sql[src], &st, d);
	int step;

	if (rc)
		return rc;
	if (sqlite3_bind_parameter_count(st) >= 2) {
		sqlite3_bind_int64(st, 1, start);
		sqlite3_bind_int64(st, 2, end);
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = fn(arg, sqlite3_column_int64(st, 0), col_text(st, 1))))
			break;
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "finding the imports of the period", d);
	sqlite3_finalize(st);
	return rc;
}

/* The columns of IMPORT_SQL, in order. */
enum {
	IM_FILE, IM_SHA256, IM_KIND, IM_PROFILE, IM_ROWS, IM_REJECTED, IM_DST_GAPS, IM_DST_FOLDS,
	IM_FINISHED
};

#define IMPORT_SQL \
	"SELECT file, sha256, kind, profile, rows_read, rows_rejected," \
	" dst_gaps, dst_folds, finished_at FROM imports WHERE id = ?1"

enum sk_err store_imports(struct sk_db *db, const int64_t *ids, size_t n,
			  enum sk_err (*fn)(void *arg, const struct store_import_row *im), void *arg,
			  struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	if ((rc = sk_db_prepare(db, IMPORT_SQL, &st, d)))
		return rc;
	for (size_t i = 0; i < n && !rc; i++) {
		struct store_import_row im;

		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, ids[i]);
		int step = sqlite3_step(st);

		if (step == SQLITE_DONE)
			continue; /* a row pointing at a missing import: nothing to name */
		if (step != SQLITE_ROW) {
			rc = sk_db_fail(db, "reading imports", d);
			break;
		}
		im.id = ids[i];
		im.file = col_text(st, IM_FILE);
		im.sha256 = col_text(st, IM_SHA256);
		im.kind = col_text(st, IM_KIND);
		im.profile = col_text(st, IM_PROFILE);
		im.rows = (long)sqlite3_column_int64(st, IM_ROWS);
		im.rejected = (long)sqlite3_column_int64(st, IM_REJECTED);
		im.dst_gaps = (long)sqlite3_column_int64(st, IM_DST_GAPS);
		im.dst_folds = (long)sqlite3_column_int64(st, IM_DST_FOLDS);
		im.finished_at = sqlite3_column_int64(st, IM_FINISHED);
		rc = fn(arg, &im);
	}
	sqlite3_finalize(st);
	return rc;
}

#define PAUSE_STATUS_SQL \
	"SELECT import_id, status, count(*) FROM ticket_events WHERE pause = 1" \
	" GROUP BY import_id, status ORDER BY import_id, status"

enum sk_err store_import_pause_statuses(struct sk_db *db,
					enum sk_err (*fn)(void *arg, int64_t import_id,
							  const char *status, long events),
					void *arg, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	if ((rc = sk_db_prepare(db, PAUSE_STATUS_SQL, &st, d)))
		return rc;
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = fn(arg, sqlite3_column_int64(st, 0), col_text(st, 1),
			(long)sqlite3_column_int64(st, 2));
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading the statuses that stopped the clock", d);
	sqlite3_finalize(st);
	return rc;
}

/* The latest instant any row of the data names (tickets, status events, pauses, outages, calls). */
#define LATEST_SQL \
	"SELECT MAX(m) FROM (" \
	" SELECT MAX(MAX(reported_at), COALESCE(MAX(responded_at), 0), COALESCE(MAX(resolved_at), 0)," \
	"  COALESCE(MAX(closed_at), 0)) AS m FROM tickets" \
	" UNION ALL SELECT MAX(at) FROM ticket_events" \
	" UNION ALL SELECT MAX(MAX(start_at), COALESCE(MAX(end_at), 0)) FROM pauses" \
	" UNION ALL SELECT MAX(end_at) FROM outages" \
	" UNION ALL SELECT MAX(started_at) FROM calls)"


