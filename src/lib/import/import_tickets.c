/*
 * Tickets: read a row into the columns of the tickets table, check it, and
 * store it. A ticket already stored with the same values is left alone (so a
 * re-import changes nothing); one with other values is updated and its old
 * version copied to ticket_history with the columns that changed.
 */
#include <stdio.h>
#include <string.h>

#include "import_priv.h"

static const char *const tcol[TC_COUNT] = {
	"id", "type", "priority", "priority_level", "priority_raw", "impact",
	"urgency", "reported_at", "responded_at", "resolved_at", "closed_at",
	"productive_at", "escalated_at", "onsite_at", "rca_at", "planned_at",
	"category", "location", "channel", "first_contact_resolved", "p1_uplift",
	"uplift_reason", "change_type", "cab_approved", "change_failed", "status",
	"extra"
};

/* Time fields and their columns; all but planned_at must not precede reporting. */
static const struct { enum sk_fid f; int tc; } times[] = {
	{ F_REPORTED, TC_REPORTED }, { F_RESPONDED, TC_RESPONDED },
	{ F_RESOLVED, TC_RESOLVED }, { F_CLOSED, TC_CLOSED },
	{ F_PRODUCTIVE, TC_PRODUCTIVE }, { F_ESCALATED, TC_ESCALATED },
	{ F_ONSITE, TC_ONSITE }, { F_RCA, TC_RCA }, { F_PLANNED_AT, TC_PLANNED },
};

static const char *const channels[] = {
	"phone", "portal", "email", "chat", "walk-in", "other", NULL
};

/* Channel words from Dutch and English exports. */
static const struct { const char *word, *value; } channel_words[] = {
	{ "telefoon", "phone" }, { "telefonisch", "phone" }, { "telephone", "phone" },
	{ "tel", "phone" }, { "call", "phone" }, { "phone call", "phone" },
	{ "voice", "phone" }, { "web", "portal" }, { "selfservice", "portal" },
	{ "self-service", "portal" }, { "self service", "portal" },
	{ "zelfservice", "portal" }, { "selfserviceportal", "portal" },
	{ "selfservice portal", "portal" }, { "webformulier", "portal" },
	{ "web form", "portal" }, { "e-mail", "email" }, { "mail", "email" },
	{ "live chat", "chat" }, { "balie", "walk-in" }, { "walk in", "walk-in" },
	{ "bezoek", "walk-in" }, { "persoonlijk", "walk-in" }, { "overig", "other" },
	{ "anders", "other" }, { "monitoring", "other" },
};

static const char *const change_types[] = { "standard", "normal", "emergency", NULL };

static const struct { const char *word, *value; } change_words[] = {
	{ "standaard", "standard" }, { "normaal", "normal" }, { "spoed", "emergency" },
	{ "urgent", "emergency" }, { "nood", "emergency" },
};

static void set_text(struct sk_val *v, const char *s)
{
	v->type = s ? SQLITE_TEXT : SQLITE_NULL;
	v->s = s;
}

static void set_int(struct sk_val *v, long long i, int present)
{
	v->type = present ? SQLITE_INTEGER : SQLITE_NULL;
	v->i = i;
}

/* A yes/no field into a column. */
static enum sk_err get_bool(struct sk_imp *x, enum sk_fid f, struct sk_val *v)
{
	int b, present;
	enum sk_err rc = sk_imp_bool(x, f, &b, &present);

	set_int(v, b, present);
	return rc;
}

enum sk_err sk_imp_ticket_fields(struct sk_imp *x, struct sk_val v[TC_COUNT])
{
	const char *s;
	int p, present, t;
	sk_time tm;
	enum sk_err rc;

	for (int i = 0; i < TC_COUNT; i++)
		set_text(&v[i], NULL);
	for (int f = 0; f < F_COUNT; f++)
		if ((sk_fields[f].required & KB(x->kind)) && (rc = sk_imp_require(x, f)))
			return rc;
	set_text(&v[TC_ID], sk_imp_raw(x, F_ID));

	s = sk_imp_text(x, F_TYPE);
	t = s ? sk_ticket_type_parse(s) : SK_TICKET_INCIDENT;
	if (t < 0)
		return sk_imp_bad(x, F_TYPE, "unknown ticket type '%s' (incident, request, "
				  "change, problem, complaint)", s);
	set_text(&v[TC_TYPE], sk_ticket_type_name((enum sk_ticket_type)t));

	if ((rc = sk_imp_priority(x, F_PRIORITY, &p, &present)))
		return rc;
	set_text(&v[TC_PRIORITY], x->c->priorities[p].id);
	set_int(&v[TC_LEVEL], x->c->priorities[p].level, 1);
	set_text(&v[TC_RAW], sk_imp_raw(x, F_PRIORITY));
	set_text(&v[TC_IMPACT], sk_imp_text(x, F_IMPACT));
	set_text(&v[TC_URGENCY], sk_imp_text(x, F_URGENCY));

	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		if ((rc = sk_imp_time(x, times[i].f, &tm, &present)))
			return rc;
		set_int(&v[times[i].tc], tm, present);
	}
	for (size_t i = 1; i + 1 < sizeof(times) / sizeof(times[0]); i++) {
		const struct sk_val *a = &v[times[i].tc], *r = &v[TC_REPORTED];
		char b1[32], b2[32];

		if (a->type == SQLITE_INTEGER && r->type == SQLITE_INTEGER && a->i < r->i)
			return sk_imp_bad(x, times[i].f, "%s is before 'reported_at' %s",
					  sk_fmt_local(x, a->i, b1, sizeof(b1)),
					  sk_fmt_local(x, r->i, b2, sizeof(b2)));
	}

	set_text(&v[TC_CATEGORY], sk_imp_text(x, F_CATEGORY));
	set_text(&v[TC_LOCATION], sk_imp_text(x, F_LOCATION));

	s = sk_imp_text(x, F_CHANNEL);
	if (s) {
		const char *w = NULL;

		/* The channel's own name, else a word for it (no word is a name). */
		for (size_t i = 0; channels[i] && !w; i++)
			if (sk_word_eq(s, channels[i]))
				w = channels[i];
		for (size_t i = 0; !w && i < sizeof(channel_words) / sizeof(channel_words[0]); i++)
			if (sk_word_eq(s, channel_words[i].word))
				s = channel_words[i].value;
		for (size_t i = 0; channels[i] && !w; i++)
			if (sk_word_eq(s, channels[i]))
				w = channels[i];
		if (!w)
			return sk_imp_bad(x, F_CHANNEL, "unknown channel '%s' (phone, portal, "
					  "email, chat, walk-in, other)", s);
		s = w;
	}
	set_text(&v[TC_CHANNEL], s);

	if ((rc = get_bool(x, F_FCR, &v[TC_FCR])) || (rc = get_bool(x, F_UPLIFT, &v[TC_UPLIFT])) ||
	    (rc = get_bool(x, F_CAB, &v[TC_CAB])) || (rc = get_bool(x, F_FAILED, &v[TC_FAILED])))
		return rc;
	if (v[TC_UPLIFT].type == SQLITE_NULL)
		set_int(&v[TC_UPLIFT], 0, 1);
	set_text(&v[TC_UPLIFT_REASON], sk_imp_text(x, F_UPLIFT_REASON));

	s = sk_imp_text(x, F_CHANGE_TYPE);
	for (size_t i = 0; s && i < sizeof(change_words) / sizeof(change_words[0]); i++)
		if (sk_word_eq(s, change_words[i].word))
			s = change_words[i].value;
	if (s) {
		const char *w = NULL;

		for (size_t i = 0; change_types[i]; i++)
			if (sk_word_eq(s, change_types[i]))
				w = change_types[i];
		if (!w)
			return sk_imp_bad(x, F_CHANGE_TYPE, "unknown change type '%s' "
					  "(standard, normal, emergency)", s);
		s = w;
	}
	set_text(&v[TC_CHANGE_TYPE], s);
	set_text(&v[TC_STATUS], sk_imp_text(x, F_STATUS));
	set_text(&v[TC_EXTRA], sk_imp_extra(x));
	return SK_OK;
}

/* Prepare the four ticket statements once per import. */
static enum sk_err prepare(struct sk_imp *x, struct sk_diag *d)
{
	char sql[8192];
	size_t n;
	enum sk_err rc;

	if (x->st[0])
		return SK_OK;
	/* The stored ticket: its columns, then the import and line that wrote it. */
	n = (size_t)snprintf(sql, sizeof(sql), "SELECT ");
	for (int i = 1; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s,", tcol[i]);
	snprintf(sql + n, sizeof(sql) - n, "import_id,line FROM tickets WHERE id = ?1");
	if ((rc = sk_db_prepare(x->db, sql, &x->st[0], d)))
		return rc;

	n = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO tickets (");
	for (int i = 0; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s,", tcol[i]);
	n += (size_t)snprintf(sql + n, sizeof(sql) - n, "import_id,line) VALUES (");
	for (int i = 0; i < TC_COUNT + 2; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s?%d", i ? "," : "", i + 1);
	snprintf(sql + n, sizeof(sql) - n, ") ON CONFLICT (id) DO NOTHING");
	if ((rc = sk_db_prepare(x->db, sql, &x->st[1], d)))
		return rc;

	n = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO ticket_history "
			     "(superseded_by,changed");
	for (int i = 0; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, ",%s", tcol[i]);
	n += (size_t)snprintf(sql + n, sizeof(sql) - n, ",import_id,line) SELECT ?1,?2");
	for (int i = 0; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, ",%s", tcol[i]);
	snprintf(sql + n, sizeof(sql) - n, ",import_id,line FROM tickets WHERE id = ?3");
	if ((rc = sk_db_prepare(x->db, sql, &x->st[2], d)))
		return rc;

	n = (size_t)snprintf(sql, sizeof(sql), "UPDATE tickets SET ");
	for (int i = 1; i < TC_COUNT; i++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s=?%d,", tcol[i], i + 1);
	snprintf(sql + n, sizeof(sql) - n, "import_id=?%d,line=?%d WHERE id=?1",
		 TC_COUNT + 1, TC_COUNT + 2);
	return sk_db_prepare(x->db, sql, &x->st[3], d);
}

void sk_val_bind(sqlite3_stmt *st, int i, const struct sk_val *v)
{
	if (v->type == SQLITE_INTEGER)
		sqlite3_bind_int64(st, i, v->i);
	else if (v->type == SQLITE_TEXT)
		sqlite3_bind_text(st, i, v->s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* 1 when the stored column @p col of @p st differs from @p v. */
int sk_val_differs(sqlite3_stmt *st, int col, const struct sk_val *v)
{
	int t = sqlite3_column_type(st, col);

	if (t != v->type)
		return 1;
	if (t == SQLITE_INTEGER)
		return sqlite3_column_int64(st, col) != v->i;
	if (t == SQLITE_TEXT)
		return strcmp((const char *)sqlite3_column_text(st, col), v->s) != 0;
	return 0;
}

enum sk_err sk_imp_ticket_store(struct sk_imp *x, const struct sk_val v[TC_COUNT], int dup,
				int tried, long *ins, long *upd, long *same, struct sk_diag *d)
{
	sqlite3_stmt *sel, *st;
	enum sk_err rc;
	long first = 0;
	int r;

	if ((rc = prepare(x, d)))
		return rc;
	/* Try the insert first: a new ticket (the common case) costs one lookup. */
	st = x->st[1];
	if (!tried) {
		sqlite3_reset(st);
		for (int i = 0; i < TC_COUNT; i++)
			sk_val_bind(st, i + 1, &v[i]);
		sqlite3_bind_int64(st, TC_COUNT + 1, x->import_id);
		sqlite3_bind_int64(st, TC_COUNT + 2, x->line);
		if (sqlite3_step(st) != SQLITE_DONE)
			return sk_db_fail(x->db, "insert ticket", d);
		if (sqlite3_changes(x->h)) {
			(*ins)++;
			return SK_OK;
		}
	}
	sel = x->st[0];
	sqlite3_reset(sel);
	sk_val_bind(sel, 1, &v[TC_ID]);
	r = sqlite3_step(sel);
	if (r != SQLITE_ROW)
		return sk_db_fail(x->db, "read ticket", d);
	/* Written by this import: by this row's own insert, or this file gave
	 * the ticket before (stored unchanged, a ticket keeps its old import:
	 * temp.seen knows it then). */
	if (sqlite3_column_int64(sel, TC_COUNT - 1) == x->import_id) {
		long line = (long)sqlite3_column_int64(sel, TC_COUNT);

		if (tried && line == x->line) {
			sqlite3_reset(sel);
			(*ins)++;
			return SK_OK;
		}
		if (dup) {
			struct sk_row k = { .key = v[TC_ID].s };

			sqlite3_reset(sel);
			return sk_imp_duplicate(x, &k, line);
		}
	}
	/* Which columns change; none: the same ticket again. */
	x->scratch.len = 0;
	sk_buf_add(&x->scratch, "", 0);
	for (int i = 1; i < TC_COUNT; i++)
		if (sk_val_differs(sel, i - 1, &v[i])) {
			if (x->scratch.len)
				sk_buf_add(&x->scratch, ",", 1);
			sk_buf_add(&x->scratch, tcol[i], strlen(tcol[i]));
		}
	sqlite3_reset(sel);
	if (dup)
		first = !x->scratch.len ? sk_imp_seen_add(x, v[TC_ID].s, d)
					: sk_imp_seen(x, v[TC_ID].s, d);
	if (first < 0)
		return SK_ERR_DB;
	if (first) {
		struct sk_row k = { .key = v[TC_ID].s };

		return sk_imp_duplicate(x, &k, first);
	}
	if (!x->scratch.len) {
		(*same)++;
		return SK_OK;
	}
	st = x->st[2];
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, x->import_id);
	sqlite3_bind_text(st, 2, x->scratch.s, -1, SQLITE_STATIC);
	sk_val_bind(st, 3, &v[TC_ID]);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(x->db, "keep ticket history", d);
	st = x->st[3];
	sqlite3_reset(st);
	for (int i = 0; i < TC_COUNT; i++)
		sk_val_bind(st, i + 1, &v[i]);
	sqlite3_bind_int64(st, TC_COUNT + 1, x->import_id);
	sqlite3_bind_int64(st, TC_COUNT + 2, x->line);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(x->db, "update ticket", d);
	(*upd)++;
	return SK_OK;
}

void sk_imp_ticket_done(struct sk_imp *x)
{
	for (int i = 0; i < 4; i++) {
		sqlite3_finalize(x->st[i]);
		x->st[i] = NULL;
	}
}

static enum sk_err ticket_check(struct sk_imp *x, struct sk_row *r)
{
	r->nv = TC_COUNT;
	return sk_imp_ticket_fields(x, r->v);
}

static enum sk_err ticket_store(struct sk_imp *x, const struct sk_row *r, int tried,
				struct sk_diag *d)
{
	return sk_imp_ticket_store(x, r->v, 1, tried, &x->res->inserted, &x->res->updated,
				   &x->res->unchanged, d);
}

const struct sk_kind_ops sk_kind_tickets = {
	ticket_check, ticket_store, NULL, F_ID, "ticket id", "tickets", tcol, TC_COUNT, 1, NULL
};
