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
			  int nkey, int ncols, const struct sk_val *v, struct sk_diag *d)
{
	char sql[2048];
	size_t n;
	enum sk_err rc;
	int r, changed = 0;

	if (!x->st[0]) {
		n = (size_t)snprintf(sql, sizeof(sql), "SELECT ");
		for (int i = nkey; i < ncols; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s", i > nkey ? "," : "", cols[i]);
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, " FROM %s WHERE ", table);
		for (int i = 0; i < nkey; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s=?%d", i ? " AND " : "",
					      cols[i], i + 1);
		if ((rc = sk_db_prepare(x->db, sql, &x->st[0], d)))
			return rc;
		n = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (", table);
		for (int i = 0; i < ncols; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s,", cols[i]);
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "import_id,line) VALUES (");
		for (int i = 0; i < ncols + 2; i++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s?%d", i ? "," : "", i + 1);
		snprintf(sql + n, sizeof(sql) - n, ")");
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
	sqlite3_reset(x->st[0]);
	for (int i = 0; i < nkey; i++)
		sk_val_bind(x->st[0], i + 1, &v[i]);
	r = sqlite3_step(x->st[0]);
	if (r == SQLITE_ROW) {
		for (int i = nkey; i < ncols && !changed; i++)
			changed = sk_val_differs(x->st[0], i - nkey, &v[i]);
		sqlite3_reset(x->st[0]);
		if (!changed) {
			x->res->unchanged++;
			return SK_OK;
		}
	} else if (r != SQLITE_DONE) {
		return sk_db_fail(x->db, "read row", d);
	}
	sqlite3_stmt *st = x->st[r == SQLITE_ROW ? 2 : 1];

	sqlite3_reset(st);
	for (int i = 0; i < ncols; i++)
		sk_val_bind(st, i + 1, &v[i]);
	sqlite3_bind_int64(st, ncols + 1, x->import_id);
	sqlite3_bind_int64(st, ncols + 2, x->line);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sk_db_fail(x->db, r == SQLITE_ROW ? "update row" : "insert row", d);
	if (r == SQLITE_ROW)
		x->res->updated++;
	else
		x->res->inserted++;
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

/* Key text of several parts, for the duplicate check. */
static const char *key2(struct sk_imp *x, const char *a, long long b, const char *c)
{
	char num[32];

	x->scratch.len = 0;
	sk_buf_add(&x->scratch, a, strlen(a));
	sk_buf_add(&x->scratch, "\x1f", 1);
	snprintf(num, sizeof(num), "%lld", b);
	sk_buf_add(&x->scratch, c ? c : num, strlen(c ? c : num));
	return x->scratch.s;
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

enum sk_err sk_imp_event_row(struct sk_imp *x, struct sk_diag *d)
{
	static const char *const cols[] = {
		"ticket_id", "at", "status", "pause", "meaning", "extra"
	};
	struct sk_val v[6];
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
	if (x->bad)
		return SK_OK;
	/* The same event twice (real logs repeat rows) is one event. */
	return sk_imp_upsert(x, "ticket_events", cols, 3, 6, v, d);
}

enum sk_err sk_imp_pause_row(struct sk_imp *x, struct sk_diag *d)
{
	static const char *const cols[] = { "ticket_id", "start_at", "end_at", "reason" };
	struct sk_val v[4];
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
	{
		char shown[300], b[32];

		snprintf(shown, sizeof(shown), "%s at %s", v[0].s, sk_fmt_local(x, start, b, sizeof(b)));
		if ((rc = sk_imp_seen(x, key2(x, v[0].s, start, NULL), shown, F_START, "pause", d)))
			return rc;
	}
	return x->bad ? SK_OK : sk_imp_upsert(x, "pauses", cols, 2, 4, v, d);
}

enum sk_err sk_imp_call_row(struct sk_imp *x, struct sk_diag *d)
{
	static const char *const cols[] = {
		"call_id", "started_at", "wait_seconds", "answered", "queue", "extra"
	};
	struct sk_val v[6];
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
	if ((rc = sk_imp_seen(x, v[0].s, NULL, F_CALL_ID, "call id", d)))
		return rc;
	return x->bad ? SK_OK : sk_imp_upsert(x, "calls", cols, 1, 6, v, d);
}

enum sk_err sk_imp_outage_row(struct sk_imp *x, struct sk_diag *d)
{
	static const char *const cols[] = {
		"service", "start_at", "end_at", "planned", "announced_at", "description", "extra"
	};
	struct sk_val v[7];
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
	{
		char shown[300], b[32];

		snprintf(shown, sizeof(shown), "%s at %s", svc, sk_fmt_local(x, start, b, sizeof(b)));
		if ((rc = sk_imp_seen(x, key2(x, svc, start, NULL), shown, F_START, "outage", d)))
			return rc;
	}
	return x->bad ? SK_OK : sk_imp_upsert(x, "outages", cols, 2, 7, v, d);
}

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

enum sk_err sk_imp_kpi_row(struct sk_imp *x, struct sk_diag *d)
{
	static const char *const cols[] = { "period", "kpi", "value", "value_micro", "note" };
	struct sk_val v[5];
	char period[16], kpi[256], num[48];
	const char *name, *dot;
	sk_dec value;
	int present, found = 0;
	enum sk_err rc;

	if ((rc = required(x)))
		return rc;
	if (!read_period(sk_imp_raw(x, F_PERIOD), period, sizeof(period)))
		return sk_imp_bad(x, F_PERIOD, "cannot read '%s' as a period (2027-01, "
				  "2027-Q1, 2027-H1, 2027)", sk_imp_raw(x, F_PERIOD));
	name = sk_imp_text(x, F_KPI);
	snprintf(kpi, sizeof(kpi), "%s", name);
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
					snprintf(kpi, sizeof(kpi), "%s.%s", dm->id, id);
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
	sk_dec_format_short(value, '.', num, sizeof(num));
	set_text(&v[0], period);
	set_text(&v[1], kpi);
	set_text(&v[2], num);
	set_int(&v[3], value, 1);
	set_text(&v[4], sk_imp_text(x, F_NOTE));
	{
		char key[300], shown[300];

		snprintf(key, sizeof(key), "%s\x1f%s", period, kpi);
		snprintf(shown, sizeof(shown), "%s for %s", kpi, period);
		if ((rc = sk_imp_seen(x, key, shown, F_KPI, "measurement", d)))
			return rc;
	}
	return x->bad ? SK_OK : sk_imp_upsert(x, "kpi_measurements", cols, 2, 5, v, d);
}
