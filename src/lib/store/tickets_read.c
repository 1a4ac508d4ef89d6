/*
 * The tickets compute reads: a period's, in id order, each with its history
 * (children_read.c), in one read transaction; one ticket alone for --explain.
 * Each column read is named once, beside its place in the query.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "tickets_priv.h"

/* Above this share (of the time the tickets span, covered by the period), one scan
 * beats a lookup per ticket. */
#define SCAN_SHARE_PERCENT 20

/*
 * The columns a ticket is filled from (alias t), after t.id, each with its
 * position. The matrix's row and column fields are bound as ?3 and ?4
 * (bind_matrix()): impact/urgency, or any column the export had (kept in
 * `extra`), such as Cloudwise's number of users.
 */
#define TICKET_COLUMNS(X, RESP, SWAP) \
	X(COL_TYPE, "t.type") \
	X(COL_PRIORITY, "t.priority") \
	X(COL_MATRIX_ROW, \
	  "COALESCE(CASE lower(?3) WHEN 'impact' THEN t.impact WHEN 'urgency' THEN t.urgency END," \
	  " json_extract(t.extra, '$.\"' || ?3 || '\"'))") \
	X(COL_MATRIX_COLUMN, \
	  "COALESCE(CASE lower(?4) WHEN 'impact' THEN t.impact WHEN 'urgency' THEN t.urgency END," \
	  " json_extract(t.extra, '$.\"' || ?4 || '\"'))") \
	X(COL_CHANNEL, "t.channel") \
	X(COL_CATEGORY, "t.category") \
	X(COL_LOCATION, "t.location") \
	X(COL_STATUS, "t.status") \
	X(COL_REPORTED, "t.reported_at") \
	X(COL_RESPONDED, "t.responded_at") \
	X(COL_RESOLVED, "t.resolved_at") \
	X(COL_CLOSED, "t.closed_at") \
	X(COL_PRODUCTIVE, "t.productive_at") \
	X(COL_ESCALATED, "t.escalated_at") \
	X(COL_ONSITE, "t.onsite_at") \
	X(COL_RCA, "t.rca_at") \
	X(COL_PLANNED, "t.planned_at") \
	X(COL_FCR, "t.first_contact_resolved") \
	X(COL_P1_UPLIFT, "t.p1_uplift") \
	X(COL_UPLIFT_REASON, "t.uplift_reason") \
	X(COL_CHANGE_TYPE, "t.change_type") \
	X(COL_CAB_APPROVED, "t.cab_approved") \
	X(COL_CHANGE_FAILED, "t.change_failed") \
	X(COL_IMPORT, "t.import_id") \
	X(COL_NO_RESPONSE_DATA, RESP) \
	X(COL_SWAP_REQUESTED, SWAP "swap_requested_at") \
	X(COL_SWAP, SWAP "swap_at") \
	X(COL_EMERGENCY, SWAP "emergency_at")

/* 1 when the import that wrote the ticket's version had no response times
 * (imports.response_column, from schema version 4 on; before it: not known). */
#define RESP_V4 "(SELECT i.response_column = 0 FROM imports i WHERE i.id = t.import_id)"
#define RESP_OLD "NULL"
/* The swap columns (schema version 5 on); before it: none, NULL. */
#define SWAP_V5 "t."
#define SWAP_OLD "NULL AS "
/* Which of the statements below a database of schema @v reads: before 4, 4, 5 on. */
#define SCHEMA_INDEX(v) ((v) >= 5 ? 2 : (v) >= 4)

#define AS_ENUM(name, sql) name,
#define AS_SQL(name, sql) ", " sql

/* "SELECT " TICKET_SELECT(RESP_V4, SWAP_V5) ... : a ticket's columns, then the caller's
 * (from COL_END on). */
#define TICKET_SELECT(resp, swap) "t.id" TICKET_COLUMNS(AS_SQL, resp, swap)

enum ticket_column {
	COL_ID,
	TICKET_COLUMNS(AS_ENUM, "", "")
	COL_END            /* the first column a query adds after the ticket's */
};

/* A period's tickets: then the title, or NULL when not asked for. */
enum { COL_TITLE = COL_END };

/* One ticket alone: then what its earlier versions say, and the priority as exported. */
#define FIRST_PRIORITY_SQL \
	"(SELECT h.priority FROM ticket_history h WHERE h.id = t.id ORDER BY h.history_id LIMIT 1)"
#define MOST_URGENT_SQL "(SELECT MIN(h.priority_level) FROM ticket_history h WHERE h.id = t.id)"
enum { COL_FIRST_PRIORITY = COL_END, COL_MOST_URGENT, COL_PRIORITY_RAW };

/*
 * Tickets that may count in [?1 start, ?2 end): reported before the end and
 * not finished before the start. A ticket whose status history has something
 * at or after the start, or ends in a status that is neither resolved nor
 * closed (reopened, or resolved and then put on hold), may still be running,
 * whatever its resolution time says: compute decides (resolution_stop()).
 * A ticket visited onsite in the period has a verdict there, finished or not.
 */
#define SCOPE \
	"t.reported_at < ?2 AND (COALESCE(t.resolved_at, t.closed_at) IS NULL" \
	" OR t.resolved_at >= ?1 OR t.closed_at >= ?1 OR t.responded_at >= ?1" \
	" OR t.onsite_at >= ?1" \
	" OR EXISTS (SELECT 1 FROM ticket_events e2 WHERE e2.ticket_id = t.id AND e2.at >= ?1)" \
	" OR COALESCE((SELECT COALESCE(e3.meaning, '') FROM ticket_events e3" \
	"   WHERE e3.ticket_id = t.id ORDER BY e3.at DESC, e3.id DESC LIMIT 1), 'resolved')" \
	"  NOT IN ('resolved', 'closed'))"

struct store_tickets {
	struct sk_db *db;
	const struct sk_contract *c;
	struct arena *a;             /* where the tickets' strings go */
	sqlite3_stmt *st;            /* the period's tickets */
	struct store_children *ch;   /* their child rows */
	int titles;                  /* 1: COL_TITLE holds the title */
	int reading;                 /* 1: inside the read transaction */
	int done;                    /* 1: st gave its last row */
};

/* Bind ?3 and ?4 of the ticket columns to the contract's matrix fields. */
static void bind_matrix(sqlite3_stmt *st, const struct sk_contract *c)
{
	sqlite3_bind_text(st, 3, c->matrix.row_field ? c->matrix.row_field : "impact", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->matrix.column_field ? c->matrix.column_field : "urgency", -1,
			  SQLITE_STATIC);
}

/* A yes/no column: -1 when NULL (unknown). */
static int col_flag(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

/*
 * Fill @t from a row that starts with the ticket's columns; strings copied
 * into @a, words of a small vocabulary shared. Its earlier versions, events
 * and pauses are left empty.
 */
static enum sk_err fill_ticket(sqlite3_stmt *st, const struct sk_contract *c, struct arena *a,
			       struct sk_ticket *t, struct sk_diag *d)
{
	int failed = 0, type;
	const char *prio = col_text(st, COL_PRIORITY);

	memset(t, 0, sizeof(*t));
	t->id = arena_strdup(a, col_text(st, COL_ID), &failed);
	type = sk_ticket_type_parse(col_text(st, COL_TYPE));
	t->type = type < 0 ? SK_TICKET_INCIDENT : (enum sk_ticket_type)type;
	t->priority = sk_contract_find_priority(c, prio);
	if (t->priority < 0)
		return sk_diag_set(d, SK_ERR_DATA, NULL, 0, t->id ? t->id : "",
				   "priority '%s' is not in contract %s", prio ? prio : "", c->path);
	t->impact = arena_word(a, col_text(st, COL_MATRIX_ROW), &failed);
	t->urgency = arena_word(a, col_text(st, COL_MATRIX_COLUMN), &failed);
	t->channel = arena_word(a, col_text(st, COL_CHANNEL), &failed);
	t->category = arena_word(a, col_text(st, COL_CATEGORY), &failed);
	t->location = arena_word(a, col_text(st, COL_LOCATION), &failed);
	t->status = arena_word(a, col_text(st, COL_STATUS), &failed);
	t->reported_at = col_time(st, COL_REPORTED);
	t->responded_at = col_time(st, COL_RESPONDED);
	t->resolved_at = col_time(st, COL_RESOLVED);
	t->closed_at = col_time(st, COL_CLOSED);
	t->productive_at = col_time(st, COL_PRODUCTIVE);
	t->escalated_at = col_time(st, COL_ESCALATED);
	t->onsite_at = col_time(st, COL_ONSITE);
	t->rca_at = col_time(st, COL_RCA);
	t->planned_at = col_time(st, COL_PLANNED);
	t->fcr = col_flag(st, COL_FCR);
	t->p1_uplift = col_flag(st, COL_P1_UPLIFT) == 1;
	t->uplift_reason = arena_strdup(a, col_text(st, COL_UPLIFT_REASON), &failed);
	t->change_type = arena_word(a, col_text(st, COL_CHANGE_TYPE), &failed);
	t->cab_approved = col_flag(st, COL_CAB_APPROVED);
	t->change_failed = col_flag(st, COL_CHANGE_FAILED);
	t->import_id = sqlite3_column_int64(st, COL_IMPORT);
	t->no_response_data = col_flag(st, COL_NO_RESPONSE_DATA) == 1;
	t->swap_requested_at = col_time(st, COL_SWAP_REQUESTED);
	t->swap_at = col_time(st, COL_SWAP);
	t->emergency_at = col_time(st, COL_EMERGENCY);
	return failed ? SK_ERR_NOMEM : SK_OK;
}

/* The database's schema version: a version 3 database is read as it is. */
static enum sk_err schema_version(struct sk_db *db, int *version, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	*version = 0;
	if ((rc = sk_db_prepare(db, "PRAGMA user_version", &st, d)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	else
		rc = sk_db_fail(db, "reading the schema version", d);
	sqlite3_finalize(st);
	return rc;
}

/*
 * Whether a period's tickets are better read by scans: when the period covers
 * a large share of the time the tickets were reported in.
 */
static enum sk_err prefer_scan(struct sk_db *db, const struct sk_period *p, int *scan,
			       struct sk_diag *d)
{
	enum { LO, HI };
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	*scan = 1;
	/* Two index lookups (one query with both min and max would scan the table):
	 * how much of the time the tickets span the period covers. */
	if ((rc = sk_db_prepare(db, "SELECT (SELECT min(reported_at) FROM tickets),"
				" (SELECT max(reported_at) FROM tickets)", &st, d)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, LO) != SQLITE_NULL) {
		sk_time lo = sqlite3_column_int64(st, LO), hi = sqlite3_column_int64(st, HI) + 1;
		sk_time from = p->start > lo ? p->start : lo, to = p->end < hi ? p->end : hi;
		double share = to > from ? (double)(to - from) / (double)(hi - lo) : 0;

		*scan = share * 100 >= SCAN_SHARE_PERCENT;
	}
	sqlite3_finalize(st);
	return SK_OK;
}

enum sk_err store_tickets_open(struct sk_db *db, const struct sk_contract *c,
			       const struct sk_period *p, unsigned flags, store_classify_fn classify,
			       struct arena *a, struct store_tickets **out, struct sk_diag *d)
{
	/* For a large share of all tickets, the id index gives them in order without
	 * sorting (the + keeps the planner off the reported_at index). */
#define TICKETS_OF(resp, swap, title, plus) \
	"SELECT " TICKET_SELECT(resp, swap) ", " title " FROM tickets t WHERE " plus SCOPE \
	" ORDER BY t.id"
#define VERSION_OF(resp, swap) \
	{ { TICKETS_OF(resp, swap, "NULL", ""), TICKETS_OF(resp, swap, "NULL", "+") }, \
	  { TICKETS_OF(resp, swap, TICKET_TITLE_SQL, ""), \
	    TICKETS_OF(resp, swap, TICKET_TITLE_SQL, "+") } }
	static const char *const sql[3][2][2] = {
		VERSION_OF(RESP_OLD, SWAP_OLD), VERSION_OF(RESP_V4, SWAP_OLD),
		VERSION_OF(RESP_V4, SWAP_V5),
	};
#undef VERSION_OF
#undef TICKETS_OF
	struct store_tickets *it = calloc(1, sizeof(*it));
	enum sk_err rc;
	int scan, version;

	*out = NULL;
	if (!it)
		return SK_ERR_NOMEM;
	it->db = db;
	it->c = c;
	it->a = a;
	it->titles = (flags & STORE_TICKETS_TITLES) != 0;
	/* One read transaction: one snapshot for all reads (an import running
	 * meanwhile is seen whole or not at all), and no lock taken per lookup. */
	if ((rc = store_read_begin(db, "results_read", d)))
		goto out;
	it->reading = 1;
	if ((rc = prefer_scan(db, p, &scan, d)) ||
	    (rc = schema_version(db, &version, d)) ||
	    (rc = sk_db_prepare(db, sql[SCHEMA_INDEX(version)][it->titles][scan], &it->st, d)) ||
	    (rc = store_children_open(db, c, classify, a, scan, &it->ch, d)))
		goto out;
	sqlite3_bind_int64(it->st, 1, p->start);
	sqlite3_bind_int64(it->st, 2, p->end);
	bind_matrix(it->st, c);
out:
	if (rc) {
		store_tickets_close(it);
		return rc;
	}
	*out = it;
	return SK_OK;
}

enum sk_err store_tickets_total(struct store_tickets *it, int64_t *n, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	*n = 0;
	if ((rc = sk_db_prepare(it->db, "SELECT count(*) FROM tickets", &st, d)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = sk_db_fail(it->db, "counting tickets", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_tickets_next(struct store_tickets *it, struct sk_ticket *t,
			       struct store_history *h, int *more, struct sk_diag *d)
{
	enum sk_err rc;
	int step, failed = 0;

	*more = 0;
	memset(h, 0, sizeof(*h));
	if (it->done)
		return SK_OK;
	if ((step = sqlite3_step(it->st)) != SQLITE_ROW) {
		it->done = 1;
		return step == SQLITE_DONE ? SK_OK : sk_db_fail(it->db, "reading tickets", d);
	}
	if ((rc = fill_ticket(it->st, it->c, it->a, t, d)))
		return rc;
	if (it->titles && sqlite3_column_type(it->st, COL_TITLE) == SQLITE_TEXT) {
		t->title = arena_strdup(it->a, col_text(it->st, COL_TITLE), &failed);
		if (failed)
			return SK_ERR_NOMEM;
	}
	if ((rc = store_children_read(it->ch, t, h, d)))
		return rc;
	*more = 1;
	return SK_OK;
}

void store_tickets_close(struct store_tickets *it)
{
	if (!it)
		return;
	store_children_close(it->ch);
	sqlite3_finalize(it->st);
	if (it->reading)
		store_read_end(it->db, "results_read");
	free(it);
}

enum sk_err store_ticket_read(struct sk_db *db, const struct sk_contract *c, const char *id,
			      struct arena *a, struct sk_ticket *t, struct store_history *h,
			      char *raw, size_t size, struct sk_diag *d)
{
#define ONE_TICKET(resp, swap) "SELECT " TICKET_SELECT(resp, swap) ", " FIRST_PRIORITY_SQL ", " \
	MOST_URGENT_SQL ", t.priority_raw FROM tickets t WHERE t.id = ?1"
	static const char *const sql[3] = { ONE_TICKET(RESP_OLD, SWAP_OLD),
					    ONE_TICKET(RESP_V4, SWAP_OLD),
					    ONE_TICKET(RESP_V4, SWAP_V5) };
#undef ONE_TICKET
	sqlite3_stmt *st = NULL;
	const char *r;
	enum sk_err rc;
	int version, step;

	memset(h, 0, sizeof(*h));
	if ((rc = schema_version(db, &version, d)) ||
	    (rc = sk_db_prepare(db, sql[SCHEMA_INDEX(version)], &st, d)))
		goto out;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	bind_matrix(st, c);
	if ((step = sqlite3_step(st)) != SQLITE_ROW) {
		rc = step == SQLITE_DONE
		     ? sk_diag_set(d, SK_ERR_NOTFOUND, sk_db_path(db), 0, NULL, "no ticket '%s'", id)
		     : sk_db_fail(db, "reading the ticket", d);
		goto out;
	}
	if ((rc = fill_ticket(st, c, a, t, d)))
		goto out;
	if (sqlite3_column_type(st, COL_FIRST_PRIORITY) != SQLITE_NULL) {
		h->has_first = 1;
		h->first = sk_contract_find_priority(c, col_text(st, COL_FIRST_PRIORITY));
	}
	if (sqlite3_column_type(st, COL_MOST_URGENT) != SQLITE_NULL) {
		h->has_level = 1;
		h->level = sqlite3_column_int(st, COL_MOST_URGENT);
	}
	r = col_text(st, COL_PRIORITY_RAW);
	snprintf(raw, size, "%s", r ? r : "");
out:
	sqlite3_finalize(st);
	return rc;
}

/* Blanks an id may carry (space, tab, no-break space, narrow no-break space, thin
 * space): SQL that removes them from column @col. */
#define WITHOUT_BLANKS(col) \
	"replace(replace(replace(replace(replace(" col ", ' ', ''), char(9), ''), char(160), '')," \
	" char(8239), ''), char(8201), '')"

/* @s without the blanks WITHOUT_BLANKS removes, into @out (@size bytes, cut). */
static void strip_blanks(const char *s, char *out, size_t size)
{
	size_t n = 0;

	while (*s && n + 1 < size) {
		const unsigned char *u = (const unsigned char *)s;

		if (*s == ' ' || *s == '\t')
			s++;
		else if (u[0] == 0xc2 && u[1] == 0xa0)
			s += 2;
		else if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89))
			s += 3;
		else
			out[n++] = *s++;
	}
	out[n] = '\0';
}

enum sk_err store_ticket_find_id(struct sk_db *db, const char *id, char *found, size_t size,
				 struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	char bare[256];
	enum sk_err rc;
	int step, n = 0;

	found[0] = '\0';
	if ((rc = sk_db_prepare(db, "SELECT id FROM tickets WHERE id = ?1", &st, d)))
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		snprintf(found, size, "%s", id);
		sqlite3_finalize(st);
		return SK_OK;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (step != SQLITE_DONE)
		return sk_db_fail(db, "looking up the ticket", d);
	/* "49 614" for 49614 and the other way round: compare without blanks. */
	strip_blanks(id, bare, sizeof(bare));
	if (!bare[0] || (rc = sk_db_prepare(db, "SELECT id FROM tickets WHERE "
					    WITHOUT_BLANKS("id") " = ?1 ORDER BY id LIMIT 2",
					    &st, d)))
		goto out;
	sqlite3_bind_text(st, 1, bare, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *got = col_text(st, 0);

		if (n++ == 0)
			snprintf(found, size, "%s", got ? got : "");
		else
			rc = sk_diag_set(d, SK_ERR_NOTFOUND, sk_db_path(db), 0, NULL,
					 "no ticket '%s'; '%s' and '%s' both match it without "
					 "blanks: give the id exactly", id, found, got ? got : "");
	}
	if (!rc && step != SQLITE_DONE)
		rc = sk_db_fail(db, "looking up the ticket", d);
out:
	sqlite3_finalize(st);
	if (!rc && !found[0])
		rc = sk_diag_set(d, SK_ERR_NOTFOUND, sk_db_path(db), 0, NULL, "no ticket '%s'", id);
	if (rc)
		found[0] = '\0';
	return rc;
}

enum sk_err store_tickets_latest(struct sk_db *db, sk_time *latest, int *found,
				 struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	*latest = 0;
	*found = 0;
	if ((rc = sk_db_prepare(db, "SELECT MAX(m) FROM (SELECT MAX(MAX(reported_at),"
				" COALESCE(MAX(responded_at),0), COALESCE(MAX(resolved_at),0),"
				" COALESCE(MAX(closed_at),0)) AS m FROM tickets"
				" UNION ALL SELECT COALESCE(MAX(at),0) FROM ticket_events)", &st, d)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*found = 1;
		*latest = sqlite3_column_int64(st, 0);
	} else {
		rc = sk_db_fail(db, "reading the latest time", d);
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * What the ticket, event and pause files say they cover (imports.horizon, an
 * export time beyond their last row): *all = 1 when every such import says it.
 * Calls, outages and KPI files say nothing of the tickets.
 */
static enum sk_err imports_horizon(struct sk_db *db, sk_time *h, int *found, int *all,
				   struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	*found = *all = 0;
	if ((rc = sk_db_prepare(db, "SELECT MAX(horizon), COUNT(*), COUNT(horizon) FROM imports"
				" WHERE kind = 'tickets' OR kind = 'events' OR kind = 'eventlog'"
				" OR kind = 'pauses'", &st, d)))
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = sk_db_fail(db, "reading the data's horizon", d);
	} else if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*h = sqlite3_column_int64(st, 0);
		*found = 1;
		*all = sqlite3_column_int64(st, 1) == sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_data_horizon(struct sk_db *db, sk_time *horizon, enum store_horizon *from,
			       struct sk_diag *d)
{
	/* Every instant a ticket file states as having happened (not planned_at, a
	 * plan), every status change and every pause's start and end. */
	static const char *const latest_sql =
		"SELECT MAX(m) FROM (SELECT MAX(MAX(reported_at), COALESCE(MAX(responded_at), 0),"
		" COALESCE(MAX(resolved_at), 0), COALESCE(MAX(closed_at), 0),"
		" COALESCE(MAX(productive_at), 0), COALESCE(MAX(escalated_at), 0),"
		" COALESCE(MAX(onsite_at), 0), COALESCE(MAX(rca_at), 0)) AS m FROM tickets"
		" UNION ALL SELECT MAX(at) FROM ticket_events"
		" UNION ALL SELECT MAX(MAX(start_at), COALESCE(MAX(end_at), 0)) FROM pauses)";
	sqlite3_stmt *st = NULL;
	sk_time stated = 0;
	enum sk_err rc;
	int version, said = 0, all = 0;

	*horizon = 0;
	*from = STORE_HORIZON_NONE;
	if ((rc = schema_version(db, &version, d)) ||
	    (version >= 4 && (rc = imports_horizon(db, &stated, &said, &all, d))))
		return rc;
	/* Every import says what it covers: no need to read the tables for it
	 * (the status history is the largest of them). */
	if (said && all) {
		*horizon = stated;
		*from = STORE_HORIZON_IMPORTS;
		return SK_OK;
	}
	if ((rc = sk_db_prepare(db, latest_sql, &st, d)))
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = sk_db_fail(db, "reading the data's horizon", d);
	else if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*horizon = sqlite3_column_int64(st, 0);
		*from = STORE_HORIZON_DATA;
	}
	sqlite3_finalize(st);
	if (!rc && said && (*from == STORE_HORIZON_NONE || stated > *horizon)) {
		*horizon = stated;
		*from = STORE_HORIZON_IMPORTS;
	}
	return rc;
}
