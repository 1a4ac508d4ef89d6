/*
 * The score's reads: the tickets its ticket-column KPIs count (one pass for
 * all of them, see engine/score_tickets.c), the phone log, imported
 * measurements and outages. The arithmetic stays in engine/.
 */
#include <stdint.h>

#include "store.h"

/* A time column, STORE_NO_TIME when NULL. */
static sk_time col_time(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? STORE_NO_TIME : sqlite3_column_int64(st, i);
}

/* A flag column: -1 when NULL, else whether it is 1. */
static int col_flag(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i) == 1;
}

/* The columns of KPI_TICKETS_SQL, in order. */
enum {
	KT_REPORTED, KT_RESOLVED, KT_CLOSED, KT_ESCALATED, KT_RCA, KT_TYPE,
	KT_CHANGE_TYPE, KT_PRIORITY, KT_CATEGORY, KT_FCR, KT_CAB, KT_FAILED, KT_ID
};

/* Only tickets with a time in the window can count for any rule. */
#define KPI_TICKETS_SQL \
	"SELECT reported_at, resolved_at, closed_at, escalated_at," \
	" rca_at, type, change_type, priority, category, first_contact_resolved," \
	" cab_approved, change_failed, id FROM tickets" \
	" WHERE (reported_at >= ?1 AND reported_at < ?2)" \
	" OR (COALESCE(resolved_at, closed_at) >= ?1 AND COALESCE(resolved_at, closed_at) < ?2)" \
	" OR (resolved_at >= ?1 AND resolved_at < ?2)" \
	" OR (escalated_at >= ?1 AND escalated_at < ?2)"

enum sk_err store_kpi_tickets(struct sk_db *db, sk_time start, sk_time end, store_kpi_ticket_fn fn,
			      void *arg, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	if ((rc = sk_db_prepare(db, KPI_TICKETS_SQL, &st, d)))
		return rc;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_kpi_ticket t;

		t.reported = sqlite3_column_int64(st, KT_REPORTED);
		t.resolved = col_time(st, KT_RESOLVED);
		t.closed = col_time(st, KT_CLOSED);
		t.escalated = col_time(st, KT_ESCALATED);
		t.rca = col_time(st, KT_RCA);
		t.type = (const char *)sqlite3_column_text(st, KT_TYPE);
		t.change_type = (const char *)sqlite3_column_text(st, KT_CHANGE_TYPE);
		t.priority = (const char *)sqlite3_column_text(st, KT_PRIORITY);
		t.category = (const char *)sqlite3_column_text(st, KT_CATEGORY);
		t.fcr = col_flag(st, KT_FCR);
		t.cab = col_flag(st, KT_CAB);
		t.failed = col_flag(st, KT_FAILED);
		t.id = (const char *)sqlite3_column_text(st, KT_ID);
		if (!t.type || !t.priority || !t.id) {
			rc = SK_ERR_NOMEM; /* NOT NULL columns: only a failed allocation gives NULL */
			break;
		}
		if ((rc = fn(arg, &t, d)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading tickets", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_calls_count(struct sk_db *db, sk_time start, sk_time end, int64_t within_secs,
			      long *n, long *in, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc = sk_db_prepare(db, "SELECT COUNT(*), COALESCE(SUM(answered = 1 AND wait_seconds <= ?3), 0)"
				       " FROM calls WHERE started_at >= ?1 AND started_at < ?2", &st, d);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	sqlite3_bind_int64(st, 3, within_secs);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = sk_db_fail(db, "counting", d);
	} else {
		*n = sqlite3_column_int64(st, 0);
		*in = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc;
}

int store_kpi_measurement(struct sk_db *db, const char *label, const char *full_id,
			  const char *kpi_id, sk_dec *value)
{
	sqlite3_stmt *st = NULL;
	int found = 0;

	int step;

	if (sk_db_prepare(db, "SELECT value_micro FROM kpi_measurements WHERE period = ?1"
			  " AND (kpi = ?2 OR kpi = ?3) ORDER BY kpi = ?2 DESC LIMIT 1", &st, NULL))
		return -1;
	sqlite3_bind_text(st, 1, label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, full_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kpi_id, -1, SQLITE_STATIC);
	/* A read that fails is not "no measurement": that would move money. */
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*value = sqlite3_column_int64(st, 0);
		found = 1;
	} else if (step != SQLITE_DONE) {
		found = -1;
	}
	sqlite3_finalize(st);
	return found;
}

/* The columns of OUTAGES_SQL, in order. */
enum { OU_START, OU_END, OU_PLANNED, OU_ANNOUNCED };

#define OUTAGES_SQL \
	"SELECT start_at, end_at, planned, announced_at FROM outages" \
	" WHERE lower(service) = lower(?3) AND end_at > ?1 AND start_at < ?2" \
	" ORDER BY start_at"

enum sk_err store_outages(struct sk_db *db, const char *service, sk_time start, sk_time end,
			  store_outage_fn fn, void *arg, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int step;

	if ((rc = sk_db_prepare(db, OUTAGES_SQL, &st, d)))
		return rc;
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	sqlite3_bind_text(st, 3, service, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_outage o;

		o.start = sqlite3_column_int64(st, OU_START);
		o.end = sqlite3_column_int64(st, OU_END);
		o.planned = sqlite3_column_int(st, OU_PLANNED);
		o.announced = col_time(st, OU_ANNOUNCED);
		if ((rc = fn(arg, &o)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading outages", d);
	sqlite3_finalize(st);
	return rc;
}
