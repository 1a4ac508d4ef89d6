/*
 * The tables an import writes, their columns named once (by the enums in
 * store.h), and the statements that write them, made from those names.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_store_priv.h"

static const char *const ticket_cols[TC_COUNT] = {
	[TC_ID] = "id", [TC_TYPE] = "type", [TC_PRIORITY] = "priority",
	[TC_LEVEL] = "priority_level", [TC_RAW] = "priority_raw", [TC_IMPACT] = "impact",
	[TC_URGENCY] = "urgency", [TC_REPORTED] = "reported_at", [TC_RESPONDED] = "responded_at",
	[TC_RESOLVED] = "resolved_at", [TC_CLOSED] = "closed_at",
	[TC_PRODUCTIVE] = "productive_at", [TC_ESCALATED] = "escalated_at",
	[TC_ONSITE] = "onsite_at", [TC_RCA] = "rca_at", [TC_PLANNED] = "planned_at",
	[TC_CATEGORY] = "category", [TC_LOCATION] = "location", [TC_CHANNEL] = "channel",
	[TC_FCR] = "first_contact_resolved", [TC_UPLIFT] = "p1_uplift",
	[TC_UPLIFT_REASON] = "uplift_reason", [TC_CHANGE_TYPE] = "change_type",
	[TC_CAB] = "cab_approved", [TC_FAILED] = "change_failed", [TC_STATUS] = "status",
	[TC_UPDATED] = "updated_at", [TC_EXTRA] = "extra", [TC_SUPPLIER] = "supplier",
	[TC_SWAP_REQUESTED] = "swap_requested_at", [TC_SWAP] = "swap_at",
	[TC_EMERGENCY] = "emergency_at",
	[TC_ASSIGNMENT_GROUP] = "assignment_group",
};

static const char *const event_cols[EC_COUNT] = {
	[EC_TICKET_ID] = "ticket_id", [EC_AT] = "at", [EC_STATUS] = "status",
	[EC_PAUSE] = "pause", [EC_MEANING] = "meaning", [EC_EXTRA] = "extra",
};

static const char *const pause_cols[PC_COUNT] = {
	[PC_TICKET_ID] = "ticket_id", [PC_START] = "start_at", [PC_END] = "end_at",
	[PC_REASON] = "reason",
};

static const char *const call_cols[CC_COUNT] = {
	[CC_CALL_ID] = "call_id", [CC_STARTED] = "started_at", [CC_WAIT] = "wait_seconds",
	[CC_ANSWERED] = "answered", [CC_QUEUE] = "queue", [CC_EXTRA] = "extra",
};

static const char *const outage_cols[OC_COUNT] = {
	[OC_SERVICE] = "service", [OC_START] = "start_at", [OC_END] = "end_at",
	[OC_PLANNED] = "planned", [OC_ANNOUNCED] = "announced_at",
	[OC_DESCRIPTION] = "description", [OC_EXTRA] = "extra",
};

static const char *const kpi_cols[KC_COUNT] = {
	[KC_PERIOD] = "period", [KC_KPI] = "kpi", [KC_VALUE] = "value",
	[KC_VALUE_MICRO] = "value_micro", [KC_NOTE] = "note",
};

static const char *const handover_cols[HC_COUNT] = {
	[HC_TICKET_ID] = "ticket_id", [HC_SUPPLIER] = "supplier", [HC_START] = "start_at",
	[HC_END] = "end_at", [HC_RESPONDED] = "responded_at", [HC_REF] = "supplier_ref",
	[HC_EXTRA] = "extra",
};

static const char *const deviation_cols[DC_COUNT] = {
	[DC_PERIOD] = "period", [DC_REFERS_TO] = "refers_to", [DC_ACTION] = "action",
	[DC_EXPLANATION] = "explanation", [DC_OWNER] = "owner", [DC_DUE] = "due_at",
	[DC_STATUS] = "status", [DC_DONE] = "done_at",
};

static const char *const update_cols[UC_COUNT] = {
	[UC_TICKET_ID] = "ticket_id", [UC_AT] = "at", [UC_VISIBLE] = "visible",
	[UC_CHANNEL] = "channel", [UC_EXTRA] = "extra",
};

const struct store_import_table store_import_tables[STORE_TABLES] = {
	[STORE_TICKETS] = { "tickets", "ticket", ticket_cols, TC_COUNT, 1, NULL, "ticket_history",
			    TC_UPDATED },
	[STORE_EVENTS] = { "ticket_events", "row", event_cols, EC_COUNT, 3, "id", NULL, -1 },
	[STORE_PAUSES] = { "pauses", "row", pause_cols, PC_COUNT, 2, NULL, NULL, -1 },
	[STORE_CALLS] = { "calls", "row", call_cols, CC_COUNT, 1, NULL, NULL, -1 },
	[STORE_OUTAGES] = { "outages", "row", outage_cols, OC_COUNT, 2, NULL, NULL, -1 },
	[STORE_KPI] = { "kpi_measurements", "row", kpi_cols, KC_COUNT, 2, NULL, NULL, -1 },
	[STORE_HANDOVERS] = { "handovers", "row", handover_cols, HC_COUNT, 3, NULL, NULL, -1 },
	[STORE_DEVIATIONS] = { "deviations", "row", deviation_cols, DC_COUNT, 3, NULL, NULL, -1 },
	[STORE_UPDATES] = { "updates", "row", update_cols, UC_COUNT, 3, NULL, NULL, -1 },
};

void store_import_bind(sqlite3_stmt *st, int i, const struct store_val *v)
{
	if (v->type == STORE_INT)
		sqlite3_bind_int64(st, i, v->i);
	else if (v->type == STORE_TEXT)
		sqlite3_bind_text(st, i, v->s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

enum sk_err store_import_fail(struct store_import *si, const char *verb, const char *what,
			struct sk_diag *d)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s %s", verb, what);
	return sk_db_fail(si->db, buf, d);
}

/* A statement's text as it is written; on out of memory it stays failed. */
struct sql {
	struct buf b;
	int failed;
};

static void add(struct sql *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct sql *q, const char *fmt, ...)
{
	va_list ap;

	if (q->failed)
		return;
	va_start(ap, fmt);
	q->failed = buf_vprintf(&q->b, fmt, ap) < 0;
	va_end(ap);
}

/* Prepare the text of @q into @st and free it. */
static enum sk_err prepare(struct store_import *si, struct sql *q, sqlite3_stmt **st,
			   struct sk_diag *d)
{
	enum sk_err rc = q->failed || !q->b.s
			 ? sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory")
			 : sk_db_prepare(si->db, q->b.s, st, d);

	buf_release(&q->b);
	*q = (struct sql){ 0 };
	return rc;
}

/* "WHERE k1=?1 AND k2=?2": the key columns, bound as the row's first values. */
static void where_key(struct sql *q, const struct store_import_table *tb, int first)
{
	add(q, " WHERE ");
	for (int i = 0; i < tb->nkey; i++)
		add(q, "%s%s=?%d", i ? " AND " : "", tb->cols[i], first + i);
}

enum sk_err store_import_prepare(struct store_import *si, enum store_table t, struct sk_diag *d)
{
	const struct store_import_table *tb = &store_import_tables[t];
	struct store_import_stmts *s = &si->st[t];
	struct sql q = { 0 };
	enum sk_err rc;

	if (s->ins)
		return SK_OK;
	/* Insert first: a new row (the common case) costs one lookup. Its
	 * parameters: the columns, import_id, line, then the order of arrival. */
	add(&q, "INSERT INTO %s (", tb->name);
	for (int i = 0; i < tb->ncols; i++)
		add(&q, "%s,", tb->cols[i]);
	add(&q, "import_id,line%s%s) VALUES (", tb->seq ? "," : "", tb->seq ? tb->seq : "");
	for (int i = 0; i < tb->ncols + 2 + !!tb->seq; i++)
		add(&q, "%s?%d", i ? "," : "", i + 1);
	add(&q, ") ON CONFLICT DO NOTHING");
	if ((rc = prepare(si, &q, &s->ins, d)))
		return rc;

	/* The stored row: its other columns, then the import and line that wrote
	 * it, and that import's horizon (what the row is as of, without a time
	 * of its own). */
	add(&q, "SELECT ");
	for (int i = tb->nkey; i < tb->ncols; i++)
		add(&q, "%s,", tb->cols[i]);
	add(&q, "import_id,line,(SELECT horizon FROM imports WHERE imports.id = %s.import_id) "
	    "FROM %s", tb->name, tb->name);
	where_key(&q, tb, 1);
	if ((rc = prepare(si, &q, &s->sel, d)))
		return rc;

	/* Parameters as the insert's, without the order of arrival (it stays). */
	add(&q, "UPDATE %s SET ", tb->name);
	for (int i = tb->nkey; i < tb->ncols; i++)
		add(&q, "%s=?%d,", tb->cols[i], i + 1);
	add(&q, "import_id=?%d,line=?%d", tb->ncols + 1, tb->ncols + 2);
	where_key(&q, tb, 1);
	if ((rc = prepare(si, &q, &s->upd, d)))
		return rc;

	if (!tb->history)
		return SK_OK;
	/* ?1 the import that supersedes it, ?2 the columns it changes, then the key. */
	add(&q, "INSERT INTO %s (superseded_by,changed", tb->history);
	for (int i = 0; i < tb->ncols; i++)
		add(&q, ",%s", tb->cols[i]);
	add(&q, ",import_id,line) SELECT ?1,?2");
	for (int i = 0; i < tb->ncols; i++)
		add(&q, ",%s", tb->cols[i]);
	add(&q, ",import_id,line FROM %s", tb->name);
	where_key(&q, tb, 3);
	return prepare(si, &q, &s->hist, d);
}

enum sk_err store_import_prepare_many(struct store_import *si, enum store_table t,
				      struct sk_diag *d)
{
	const struct store_import_table *tb = &store_import_tables[t];
	struct sql q = { 0 };
	int k = 0, per = tb->ncols + 2 + !!tb->seq;

	if (si->st[t].many)
		return SK_OK;
	add(&q, "INSERT INTO %s (", tb->name);
	for (int i = 0; i < tb->ncols; i++)
		add(&q, "%s,", tb->cols[i]);
	add(&q, "import_id,line%s%s) VALUES ", tb->seq ? "," : "", tb->seq ? tb->seq : "");
	for (int r = 0; r < STORE_INSERT_MANY; r++)
		for (int i = 0; i < per; i++)
			add(&q, "%s?%d%s", i ? "," : r ? ",(" : "(", ++k, i == per - 1 ? ")" : "");
	add(&q, " ON CONFLICT DO NOTHING");
	return prepare(si, &q, &si->st[t].many, d);
}
