/*
 * The smaller kinds: status events, pauses, calls, outages and KPI values.
 * Each row is keyed (ticket+time+status, ticket+start, call id,
 * service+start, period+KPI) so a re-import finds it and changes nothing,
 * and a newer export with other values updates it.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import_priv.h"

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

enum sk_err sk_imp_upsert(struct sk_imp *x, const char *table, const char *const *cols,
			  int nkey, int ncols, const struct sk_row *row, int tried, struct sk_diag *d)
{
	const struct sk_val *v = row->v;
	const char *seq = sk_kind_ops_of(x->kind)->seq;
	char sql[2048];
	size_t n;
	enum sk_err rc;
	sqlite3_stmt *st;
	long first;
	int r, changed = 0;

	if (!x->st[0]) {
		/* Insert first: a new row (the common case) costs one lookup. */
		n = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (", table);
		for (int i = 0; i < ncols; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s,", cols[i]);
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "import_id,line%s%s) VALUES (",
				      seq ? "," : "", seq ? seq : "");
		for (int i = 0; i < ncols + 2 + !!seq; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s?%d", i ? "," : "", i + 1);
		snprintf(sql + n, sizeof(sql) - n, ") ON CONFLICT DO NOTHING");
		if ((rc = sk_db_prepare(x->db, sql, &x->st[0], d)))
			return rc;
		n = (size_t)snprintf(sql, sizeof(sql), "SELECT ");
		for (int i = nkey; i < ncols; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s,", cols[i]);
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "import_id,line FROM %s WHERE ",
				      table);
		for (int i = 0; i < nkey; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s=?%d", i ? " AND " : "",
					      cols[i], i + 1);
		if ((rc = sk_db_prepare(x->db, sql, &x->st[1], d)))
			return rc;
		n = (size_t)snprintf(sql, sizeof(sql), "UPDATE %s SET ", table);
		for (int i = nkey; i < ncols; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s=?%d,", cols[i], i + 1);
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "import_id=?%d,line=?%d WHERE ",
				      ncols + 1, ncols + 2);
		for (int i = 0; i < nkey; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s=?%d", i ? " AND " : "",
					      cols[i], i + 1);
		if ((rc = sk_db_prepare(x->db, sql, &x->st[2], d)))
			return rc;
	}
	st = x->st[0];
	if (!tried) {
		sqlite3_reset(st);
		for (int i = 0; i < ncols; i++)
			sk_val_bind(st, i + 1, &v[i]);
		sqlite3_bind_int64(st, ncols + 1, x->import_id);
		sqlite3_bind_int64(st, ncols + 2, x->line);
		if (seq)
			sqlite3_bind_int64(st, ncols + 3, SK_SEQ(x->import_id, x->line));
		if (sqlite3_step(st) != SQLITE_DONE)
			return sk_db_fail(x->db, "insert row", d);
		if (sqlite3_changes(x->h)) {
			x->res->inserted++;
			return SK_OK;
		}
	}
	st = x->st[1];
	sqlite3_reset(st);
	for (int i = 0; i < nkey; i++)
		sk_val_bind(st, i + 1, &v[i]);
	r = sqlite3_step(st);
	if (r != SQLITE_ROW)
		return sk_db_fail(x->db, "read row", d);
	/* Written by this import: by this row's own insert, or this file gave
	 * the key before (stored unchanged, a row keeps its old import:
	 * temp.seen knows it then). */
	if (sqlite3_column_int64(st, ncols - nkey) == x->import_id) {
		long line = (long)sqlite3_column_int64(st, ncols - nkey + 1);

		if (tried && line == x->line) {
			sqlite3_reset(st);
			x->res->inserted++;
			return SK_OK;
		}
		if (row->key) {
			sqlite3_reset(st);
			return sk_imp_duplicate(x, row, line);
		}
	}
	for (int i = nkey; i < ncols && !changed; i++)
		changed = sk_val_differs(st, i - nkey, &v[i]);
	sqlite3_reset(st);
	if (row->key) {
		first = changed ? sk_imp_seen(x, row->key, d) : sk_imp_seen_add(x, row->key, d);
		if (first)
			return first < 0 ? SK_ERR_DB : sk_imp_duplicate(x, row, first);
	}
	if (!changed) {
		x->res->unchanged++;
		return SK_OK;
	}
	st = x->st[2];
	sqlite3_reset(st);
	for (int i = 0; i < ncols; i++)
		sk_val_bind(st, i + 1, &v[i]);
	sqlite3_bind_int64(st, ncols + 1, x->import_id);
	sqlite3_bind_int64(st, ncols + 2, x->line);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(x->db, "update row", d);
	x->res->updated++;
	return SK_OK;
}

/* Check the kind's required fields. */
static enum sk_err required(struct sk_imp *x)
{
	enum sk_err rc;

	for (int f = 0; f < F_COUNT; f++)
		if ((sk_fields[f].required & KB(x->kind)) && (rc = sk_imp_require(x, f)))
			return rc;
	return SK_OK;
}

/* The key "a<US>time" and how a message shows it ("a at 2027-..."). */
static void key_at(struct sk_imp *x, struct sk_row *r, const char *a, sk_time t)
{
	char b[32];

	snprintf(x->key, sizeof(x->key), "%s\x1f%lld", a, (long long)t);
	snprintf(x->shown, sizeof(x->shown), "%s at %s", a, sk_fmt_local(x, t, b, sizeof(b)));
	r->key = x->key;
	r->shown = x->shown;
}

/* The end of an interval must not precede its start. */
static enum sk_err order(struct sk_imp *x, enum sk_fid fe, sk_time end, enum sk_fid fs,
			 sk_time start)
{
	char b1[32], b2[32];

	if (end >= start)
		return SK_OK;
	return sk_imp_bad(x, fe, "%s is before '%s' %s", sk_fmt_local(x, end, b1, sizeof(b1)),
			  sk_fields[fs].name, sk_fmt_local(x, start, b2, sizeof(b2)));
}

static const char *const event_cols[] = {
	"ticket_id", "at", "status", "pause", "meaning", "extra"
};

static enum sk_err event_check(struct sk_imp *x, struct sk_row *r)
{
	struct sk_val *v = r->v;
	const char *meaning;
	sk_time at;
	int present;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = sk_imp_time(x, F_AT, &at, &present)))
		return rc;
	set_text(&v[0], sk_imp_raw(x, F_TICKET_ID));
	set_int(&v[1], at, 1);
	set_text(&v[2], sk_imp_text(x, F_STATUS));
	meaning = sk_imp_status_meaning(x, v[2].s);
	set_int(&v[3], meaning && strcmp(meaning, "paused") == 0, 1);
	set_text(&v[4], meaning);
	set_text(&v[5], sk_imp_extra(x));
	r->nv = 6;
	return SK_OK;
}

/* The same event twice (real logs repeat rows) is one event: no key. */
static enum sk_err event_store(struct sk_imp *x, const struct sk_row *r, int tried,
			       struct sk_diag *d)
{
	return sk_imp_upsert(x, "ticket_events", event_cols, 3, 6, r, tried, d);
}

const struct sk_kind_ops sk_kind_events = {
	event_check, event_store, NULL, F_STATUS, "event", "ticket_events", event_cols, 6, 3, "id"
};

static const char *const pause_cols[] = { "ticket_id", "start_at", "end_at", "reason" };

static enum sk_err pause_check(struct sk_imp *x, struct sk_row *r)
{
	struct sk_val *v = r->v;
	sk_time start, end;
	int has_end, present;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = sk_imp_time(x, F_START, &start, &present)) ||
	    (rc = sk_imp_time(x, F_END, &end, &has_end)))
		return rc;
	if (has_end && (rc = order(x, F_END, end, F_START, start)))
		return rc;
	set_text(&v[0], sk_imp_raw(x, F_TICKET_ID));
	set_int(&v[1], start, 1);
	set_int(&v[2], end, has_end);
	set_text(&v[3], sk_imp_text(x, F_REASON));
	r->nv = 4;
	key_at(x, r, v[0].s, start);
	return SK_OK;
}

static enum sk_err pause_store(struct sk_imp *x, const struct sk_row *r, int tried,
			       struct sk_diag *d)
{
	return sk_imp_upsert(x, "pauses", pause_cols, 2, 4, r, tried, d);
}

const struct sk_kind_ops sk_kind_pauses = {
	pause_check, pause_store, NULL, F_START, "pause", "pauses", pause_cols, 4, 2, NULL
};

static const char *const call_cols[] = {
	"call_id", "started_at", "wait_seconds", "answered", "queue", "extra"
};

static enum sk_err call_check(struct sk_imp *x, struct sk_row *r)
{
	struct sk_val *v = r->v;
	sk_time at;
	long long wait;
	int answered, present;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = sk_imp_time(x, F_STARTED, &at, &present)) ||
	    (rc = sk_imp_seconds(x, F_WAIT, &wait, &present)) ||
	    (rc = sk_imp_bool(x, F_ANSWERED, &answered, &present)))
		return rc;
	set_text(&v[0], sk_imp_raw(x, F_CALL_ID));
	set_int(&v[1], at, 1);
	set_int(&v[2], wait, 1);
	set_int(&v[3], answered, 1);
	set_text(&v[4], sk_imp_text(x, F_QUEUE));
	set_text(&v[5], sk_imp_extra(x));
	r->nv = 6;
	r->key = v[0].s;
	return SK_OK;
}

static enum sk_err call_store(struct sk_imp *x, const struct sk_row *r, int tried,
			       struct sk_diag *d)
{
	return sk_imp_upsert(x, "calls", call_cols, 1, 6, r, tried, d);
}

const struct sk_kind_ops sk_kind_calls = {
	call_check, call_store, NULL, F_CALL_ID, "call id", "calls", call_cols, 6, 1, NULL
};

static const char *const outage_cols[] = {
	"service", "start_at", "end_at", "planned", "announced_at", "description", "extra"
};

static enum sk_err outage_check(struct sk_imp *x, struct sk_row *r)
{
	struct sk_val *v = r->v;
	sk_time start, end, ann;
	int planned, has_planned, has_ann, present;
	const char *svc;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = sk_imp_time(x, F_START, &start, &present)) ||
	    (rc = sk_imp_time(x, F_END, &end, &present)) ||
	    (rc = sk_imp_bool(x, F_PLANNED, &planned, &has_planned)) ||
	    (rc = sk_imp_time(x, F_ANNOUNCED, &ann, &has_ann)) ||
	    (rc = order(x, F_END, end, F_START, start)))
		return rc;
	svc = sk_imp_text(x, F_SERVICE);
	/* A contract that lists its services names the only ones measured. */
	if (x->c->n_services) {
		const char *id = NULL;

		for (size_t i = 0; i < x->c->n_services && !id; i++)
			if (sk_word_eq(svc, x->c->services[i].id) ||
			    (x->c->services[i].name && sk_word_eq(svc, x->c->services[i].name)))
				id = x->c->services[i].id;
		if (!id)
			return sk_imp_bad(x, F_SERVICE, "unknown service '%s' (the contract "
					  "has %s%s)", svc, x->c->services[0].id,
					  x->c->n_services > 1 ? " ..." : "");
		svc = id;
	}
	set_text(&v[0], svc);
	set_int(&v[1], start, 1);
	set_int(&v[2], end, 1);
	set_int(&v[3], planned, 1);
	set_int(&v[4], ann, has_ann);
	set_text(&v[5], sk_imp_text(x, F_DESCRIPTION));
	set_text(&v[6], sk_imp_extra(x));
	r->nv = 7;
	key_at(x, r, svc, start);
	return SK_OK;
}

static enum sk_err outage_store(struct sk_imp *x, const struct sk_row *r, int tried,
			       struct sk_diag *d)
{
	return sk_imp_upsert(x, "outages", outage_cols, 2, 7, r, tried, d);
}

const struct sk_kind_ops sk_kind_outages = {
	outage_check, outage_store, NULL, F_START, "outage", "outages", outage_cols, 7, 2, NULL
};

/* "2027-01", "2027-Q1" (or K1), "2027-H1", "2027" into @p out; 0 when not a period. */
static int read_period(const char *s, char *out, size_t size)
{
	int y, k;
	char c, tail;

	while (*s == ' ')
		s++;
	if (sscanf(s, "%4d-%c%d%c", &y, &c, &k, &tail) == 3 && y >= 1970 && y <= 2200) {
		c = (char)toupper((unsigned char)c);
		if ((c == 'Q' || c == 'K') && k >= 1 && k <= 4)
			return snprintf(out, size, "%04d-Q%d", y, k) > 0;
		if (c == 'H' && k >= 1 && k <= 2)
			return snprintf(out, size, "%04d-H%d", y, k) > 0;
	}
	if (sscanf(s, "%4d-%2d%c", &y, &k, &tail) == 2 && strlen(s) == 7 &&
	    y >= 1970 && y <= 2200 && k >= 1 && k <= 12)
		return snprintf(out, size, "%04d-%02d", y, k) > 0;
	if (sscanf(s, "%4d%c", &y, &tail) == 1 && strlen(s) == 4 && y >= 1970 && y <= 2200)
		return snprintf(out, size, "%04d", y) > 0;
	return 0;
}

static const char *const kpi_cols[] = { "period", "kpi", "value", "value_micro", "note" };

static enum sk_err kpi_check(struct sk_imp *x, struct sk_row *r)
{
	struct sk_val *v = r->v;
	char *period = x->text[0], *kpi = x->text[1], *num = x->text[2];
	const char *name, *dot;
	sk_dec value;
	int present, found = 0;
	enum sk_err rc;

	if ((rc = required(x)))
		return rc;
	if (!read_period(sk_imp_raw(x, F_PERIOD), period, sizeof(x->text[0])))
		return sk_imp_bad(x, F_PERIOD, "cannot read '%s' as a period (2027-01, "
				  "2027-Q1, 2027-H1, 2027)", sk_imp_raw(x, F_PERIOD));
	name = sk_imp_text(x, F_KPI);
	snprintf(kpi, sizeof(x->text[1]), "%s", name);
	/* "domain.kpi", or a KPI id the contract uses once. */
	if (x->c->n_domains) {
		dot = strchr(name, '.');
		for (size_t i = 0; i < x->c->n_domains; i++) {
			const struct sk_domain *dm = &x->c->domains[i];

			for (size_t j = 0; j < dm->n_kpis; j++) {
				const char *id = dm->kpis[j].id;
				int hit = dot ? (strlen(dm->id) == (size_t)(dot - name) &&
						 strncasecmp(dm->id, name, (size_t)(dot - name)) == 0 &&
						 sk_word_eq(dot + 1, id))
					      : sk_word_eq(name, id);

				if (hit) {
					snprintf(kpi, sizeof(x->text[1]), "%s.%s", dm->id, id);
					found++;
				}
			}
		}
		if (!found)
			return sk_imp_bad(x, F_KPI, "unknown KPI '%s' (not in the contract)", name);
		if (found > 1)
			return sk_imp_bad(x, F_KPI, "KPI '%s' is in more than one domain: "
					  "write it as domain.kpi", name);
	}
	if ((rc = sk_imp_dec(x, F_VALUE, &value, &present)))
		return rc;
	sk_dec_format_short(value, '.', num, sizeof(x->text[2]));
	set_text(&v[0], period);
	set_text(&v[1], kpi);
	set_text(&v[2], num);
	set_int(&v[3], value, 1);
	set_text(&v[4], sk_imp_text(x, F_NOTE));
	r->nv = 5;
	snprintf(x->key, sizeof(x->key), "%s\x1f%s", period, kpi);
	snprintf(x->shown, sizeof(x->shown), "%s for %s", kpi, period);
	r->key = x->key;
	r->shown = x->shown;
	return SK_OK;
}

static enum sk_err kpi_store(struct sk_imp *x, const struct sk_row *r, int tried,
			       struct sk_diag *d)
{
	return sk_imp_upsert(x, "kpi_measurements", kpi_cols, 2, 5, r, tried, d);
}

const struct sk_kind_ops sk_kind_kpi = {
	kpi_check, kpi_store, NULL, F_KPI, "measurement", "kpi_measurements", kpi_cols, 5, 2, NULL
};
