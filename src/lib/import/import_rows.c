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

enum sk_err import_put(struct imp *x, enum store_table t, const struct store_val *v,
		       const char *key, const char *shown, int tried, long *ins, long *upd,
		       long *same, struct sk_diag *d)
{
	enum store_put did;
	long first;
	enum sk_err rc;

	if ((rc = store_row_put(x->si, t, v, x->line, key, tried, &did, &first, d)))
		return rc;
	switch (did) {
	case STORE_INSERTED:
		(*ins)++;
		break;
	case STORE_UPDATED:
		(*upd)++;
		break;
	case STORE_UNCHANGED:
		(*same)++;
		break;
	case STORE_OLDER:
		/* The stored version is newer: kept, and counted apart. */
		x->res->older++;
		break;
	case STORE_DUPLICATE: {
		struct import_row k = { .key = key, .shown = shown };

		return imp_duplicate(x, &k, first);
	}
	}
	return SK_OK;
}

/* A row of one of the smaller kinds, counted into x->res. */
static enum sk_err put(struct imp *x, enum store_table t, const struct import_row *r, int tried,
		       struct sk_diag *d)
{
	return import_put(x, t, r->v, r->key, r->shown, tried, &x->res->inserted,
			  &x->res->updated, &x->res->unchanged, d);
}

/* Check the kind's required fields. */
static enum sk_err required(struct imp *x)
{
	enum sk_err rc;

	for (int f = 0; f < F_COUNT; f++)
		if ((import_fields[f].required & KB(x->kind)) && (rc = imp_require(x, f)))
			return rc;
	return SK_OK;
}

/* The key "a<US>time" and how a message shows it ("a at 2027-..."). */
static void key_at(struct imp *x, struct import_row *r, const char *a, sk_time t)
{
	char b[32];

	snprintf(x->key, sizeof(x->key), "%s\x1f%lld", a, (long long)t);
	snprintf(x->shown, sizeof(x->shown), "%s at %s", a, import_fmt_local(x, t, b, sizeof(b)));
	r->key = x->key;
	r->shown = x->shown;
}

/* The end of an interval must not precede its start. */
static enum sk_err order(struct imp *x, enum import_fid fe, sk_time end, enum import_fid fs,
			 sk_time start)
{
	char b1[32], b2[32];

	if (end >= start)
		return SK_OK;
	return imp_bad(x, fe, "%s is before '%s' %s", import_fmt_local(x, end, b1, sizeof(b1)),
			  import_fields[fs].name, import_fmt_local(x, start, b2, sizeof(b2)));
}

static enum sk_err event_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	const char *meaning;
	sk_time at;
	int present;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = imp_time(x, F_AT, &at, &present)))
		return rc;
	set_text(&v[EC_TICKET_ID], imp_raw(x, F_TICKET_ID));
	set_int(&v[EC_AT], at, 1);
	set_text(&v[EC_STATUS], imp_text(x, F_STATUS));
	meaning = imp_status_meaning(x, v[EC_STATUS].s);
	set_int(&v[EC_PAUSE], meaning && strcmp(meaning, "paused") == 0, 1);
	set_text(&v[EC_MEANING], meaning);
	set_text(&v[EC_EXTRA], imp_extra(x));
	r->nv = EC_COUNT;
	return SK_OK;
}

/* The same event twice (real logs repeat rows) is one event: no key. */
static enum sk_err event_store(struct imp *x, const struct import_row *r, int tried,
			       struct sk_diag *d)
{
	return put(x, STORE_EVENTS, r, tried, d);
}

const struct kind_ops kind_events = {
	event_check, event_store, NULL, F_STATUS, "event", STORE_EVENTS
};

static enum sk_err pause_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	sk_time start, end;
	int has_end, present;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = imp_time(x, F_START, &start, &present)) ||
	    (rc = imp_time(x, F_END, &end, &has_end)))
		return rc;
	if (has_end && (rc = order(x, F_END, end, F_START, start)))
		return rc;
	set_text(&v[PC_TICKET_ID], imp_raw(x, F_TICKET_ID));
	set_int(&v[PC_START], start, 1);
	set_int(&v[PC_END], end, has_end);
	set_text(&v[PC_REASON], imp_text(x, F_REASON));
	r->nv = PC_COUNT;
	key_at(x, r, v[PC_TICKET_ID].s, start);
	return SK_OK;
}

static enum sk_err pause_store(struct imp *x, const struct import_row *r, int tried,
			       struct sk_diag *d)
{
	return put(x, STORE_PAUSES, r, tried, d);
}

const struct kind_ops kind_pauses = {
	pause_check, pause_store, NULL, F_START, "pause", STORE_PAUSES
};

static enum sk_err call_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	sk_time at;
	long long wait;
	int answered, present;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = imp_time(x, F_STARTED, &at, &present)) ||
	    (rc = imp_seconds(x, F_WAIT, &wait, &present)) ||
	    (rc = imp_bool(x, F_ANSWERED, &answered, &present)))
		return rc;
	set_text(&v[CC_CALL_ID], imp_raw(x, F_CALL_ID));
	set_int(&v[CC_STARTED], at, 1);
	set_int(&v[CC_WAIT], wait, 1);
	set_int(&v[CC_ANSWERED], answered, 1);
	set_text(&v[CC_QUEUE], imp_text(x, F_QUEUE));
	set_text(&v[CC_EXTRA], imp_extra(x));
	r->nv = CC_COUNT;
	r->key = v[CC_CALL_ID].s;
	return SK_OK;
}

static enum sk_err call_store(struct imp *x, const struct import_row *r, int tried,
			       struct sk_diag *d)
{
	return put(x, STORE_CALLS, r, tried, d);
}

const struct kind_ops kind_calls = {
	call_check, call_store, NULL, F_CALL_ID, "call id", STORE_CALLS
};

static enum sk_err outage_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	sk_time start, end, ann;
	int planned, has_planned, has_ann, present;
	const char *svc;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = imp_time(x, F_START, &start, &present)) ||
	    (rc = imp_time(x, F_END, &end, &present)) ||
	    (rc = imp_bool(x, F_PLANNED, &planned, &has_planned)) ||
	    (rc = imp_time(x, F_ANNOUNCED, &ann, &has_ann)) ||
	    (rc = order(x, F_END, end, F_START, start)))
		return rc;
	svc = imp_text(x, F_SERVICE);
	/* A contract that lists its services names the only ones measured. */
	if (x->c->n_services) {
		const char *id = NULL;

		for (size_t i = 0; i < x->c->n_services && !id; i++)
			if (word_eq(svc, x->c->services[i].id) ||
			    (x->c->services[i].name && word_eq(svc, x->c->services[i].name)))
				id = x->c->services[i].id;
		if (!id)
			return imp_bad(x, F_SERVICE, "unknown service '%s' (the contract "
					  "has %s%s)", svc, x->c->services[0].id,
					  x->c->n_services > 1 ? " ..." : "");
		svc = id;
	}
	set_text(&v[OC_SERVICE], svc);
	set_int(&v[OC_START], start, 1);
	set_int(&v[OC_END], end, 1);
	set_int(&v[OC_PLANNED], planned, 1);
	set_int(&v[OC_ANNOUNCED], ann, has_ann);
	set_text(&v[OC_DESCRIPTION], imp_text(x, F_DESCRIPTION));
	set_text(&v[OC_EXTRA], imp_extra(x));
	r->nv = OC_COUNT;
	key_at(x, r, svc, start);
	return SK_OK;
}

static enum sk_err outage_store(struct imp *x, const struct import_row *r, int tried,
			       struct sk_diag *d)
{
	return put(x, STORE_OUTAGES, r, tried, d);
}

const struct kind_ops kind_outages = {
	outage_check, outage_store, NULL, F_START, "outage", STORE_OUTAGES
};

int import_read_period(const char *s, char *out, size_t size)
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

/* "domain.kpi", or a KPI id the contract uses once, into @out as domain.kpi. */
enum sk_err import_find_kpi(struct imp *x, enum import_fid fi, const char *name, char *out,
			    size_t size)
{
	const char *dot = strchr(name, '.');
	int found = 0;

	for (size_t i = 0; i < x->c->n_domains; i++) {
		const struct sk_domain *dm = &x->c->domains[i];

		for (size_t j = 0; j < dm->n_kpis; j++) {
			const char *id = dm->kpis[j].id;
			int hit = dot ? (strlen(dm->id) == (size_t)(dot - name) &&
					 strncasecmp(dm->id, name, (size_t)(dot - name)) == 0 &&
					 word_eq(dot + 1, id))
				      : word_eq(name, id);

			if (hit) {
				snprintf(out, size, "%s.%s", dm->id, id);
				found++;
			}
		}
	}
	if (!found)
		return imp_bad(x, fi, "unknown KPI '%s' (not in the contract)", name);
	if (found > 1)
		return imp_bad(x, fi, "KPI '%s' is in more than one domain: write it as domain.kpi",
			       name);
	return SK_OK;
}

static enum sk_err kpi_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	char *period = x->text[0], *kpi = x->text[1], *num = x->text[2];
	const char *name;
	sk_dec value;
	int present;
	enum sk_err rc;

	if ((rc = required(x)))
		return rc;
	if (!import_read_period(imp_raw(x, F_PERIOD), period, sizeof(x->text[0])))
		return imp_bad(x, F_PERIOD, "cannot read '%s' as a period (2027-01, "
				  "2027-Q1, 2027-H1, 2027)", imp_raw(x, F_PERIOD));
	name = imp_text(x, F_KPI);
	snprintf(kpi, sizeof(x->text[1]), "%s", name);
	if (x->c->n_domains && (rc = import_find_kpi(x, F_KPI, name, kpi, sizeof(x->text[1]))))
		return rc;
	if ((rc = imp_dec(x, F_VALUE, &value, &present)))
		return rc;
	/* The checks sla-score --kpi makes: the same value is refused either way. */
	{
		struct sk_diag why;

		if (sk_kpi_value_check(value, &why))
			return imp_bad(x, F_VALUE, "cannot use '%s': %s", imp_raw(x, F_VALUE),
				       why.msg);
	}
	sk_dec_format_short(value, '.', num, sizeof(x->text[2]));
	set_text(&v[KC_PERIOD], period);
	set_text(&v[KC_KPI], kpi);
	set_text(&v[KC_VALUE], num);
	set_int(&v[KC_VALUE_MICRO], value, 1);
	set_text(&v[KC_NOTE], imp_text(x, F_NOTE));
	r->nv = KC_COUNT;
	snprintf(x->key, sizeof(x->key), "%s\x1f%s", period, kpi);
	snprintf(x->shown, sizeof(x->shown), "%s for %s", kpi, period);
	r->key = x->key;
	r->shown = x->shown;
	return SK_OK;
}

static enum sk_err kpi_store(struct imp *x, const struct import_row *r, int tried,
			       struct sk_diag *d)
{
	return put(x, STORE_KPI, r, tried, d);
}

const struct kind_ops kind_kpi = {
	kpi_check, kpi_store, NULL, F_KPI, "measurement", STORE_KPI
};

/*
 * A hand-over to one of the customer's suppliers. A contract with
 * [supplier.ID] sections names the only suppliers there are (by id or
 * name); the row stores the id.
 */
static enum sk_err handover_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	sk_time start, end, resp;
	int has_end, has_resp, present, s;
	const char *sup;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = imp_time(x, F_START, &start, &present)) ||
	    (rc = imp_time(x, F_END, &end, &has_end)) ||
	    (rc = imp_time(x, F_RESPONDED, &resp, &has_resp)))
		return rc;
	if (has_end && (rc = order(x, F_END, end, F_START, start)))
		return rc;
	if (has_resp && (rc = order(x, F_RESPONDED, resp, F_START, start)))
		return rc;
	sup = imp_text(x, F_SUPPLIER);
	if (x->c->n_suppliers) {
		if ((s = sk_contract_find_supplier(x->c, sup)) < 0)
			return imp_bad(x, F_SUPPLIER, "unknown supplier '%s' (the contract has "
				       "%s%s)", sup, x->c->suppliers[0].id,
				       x->c->n_suppliers > 1 ? " ..." : "");
		sup = x->c->suppliers[s].id;
	}
	set_text(&v[HC_TICKET_ID], imp_raw(x, F_TICKET_ID));
	set_text(&v[HC_SUPPLIER], sup);
	set_int(&v[HC_START], start, 1);
	set_int(&v[HC_END], end, has_end);
	set_int(&v[HC_RESPONDED], resp, has_resp);
	set_text(&v[HC_REF], imp_text(x, F_SUPPLIER_REF));
	set_text(&v[HC_EXTRA], imp_extra(x));
	r->nv = HC_COUNT;
	snprintf(x->text[0], sizeof(x->text[0]), "%s to %s", v[HC_TICKET_ID].s, sup);
	key_at(x, r, x->text[0], start);
	return SK_OK;
}

static enum sk_err handover_store(struct imp *x, const struct import_row *r, int tried,
				  struct sk_diag *d)
{
	return put(x, STORE_HANDOVERS, r, tried, d);
}

const struct kind_ops kind_handovers = {
	handover_check, handover_store, NULL, F_START, "hand-over", STORE_HANDOVERS
};

/*
 * An update the customer could see, or an internal note (stored too: a ticket
 * with only internal notes has update data, and no update the customer saw).
 * Visibility: `visible` (yes/no, or ServiceNow's journal element: comments is
 * visible, work_notes is not), else `hidden` (TOPdesk's "Onzichtbaar voor
 * aanmelder", Jira's "Internal"); neither: visible.
 */
static const char *const visible_words[] = { "comments", "comment", "public", "openbaar", NULL };
static const char *const internal_words[] = { "work_notes", "work notes", "worknotes",
					       "internal", "intern", "private", NULL };

static int word_in(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (word_eq(s, words[i]))
			return 1;
	return 0;
}

static enum sk_err update_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	const char *s, *ch = NULL;
	sk_time at;
	int present, visible = 1, b;
	enum sk_err rc;

	if ((rc = required(x)) || (rc = imp_time(x, F_AT, &at, &present)))
		return rc;
	s = imp_text(x, F_VISIBLE);
	if (s && word_in(s, visible_words)) {
		visible = 1;
	} else if (s && word_in(s, internal_words)) {
		visible = 0;
	} else if (s) {
		if ((rc = imp_bool(x, F_VISIBLE, &b, &present)))
			return rc;
		visible = b;
	} else {
		if ((rc = imp_bool(x, F_HIDDEN, &b, &present)))
			return rc;
		if (present)
			visible = !b;
	}
	if ((s = imp_text(x, F_CHANNEL)) && !(ch = imp_channel_word(s)))
		return imp_bad(x, F_CHANNEL, "unknown channel '%s' (phone, portal, email, chat, "
			       "walk-in, other)", s);
	set_text(&v[UC_TICKET_ID], imp_raw(x, F_TICKET_ID));
	set_int(&v[UC_AT], at, 1);
	set_int(&v[UC_VISIBLE], visible, 1);
	set_text(&v[UC_CHANNEL], ch);
	set_text(&v[UC_EXTRA], imp_extra(x));
	r->nv = UC_COUNT;
	snprintf(x->text[0], sizeof(x->text[0]), "%s (%s)", v[UC_TICKET_ID].s,
		 visible ? "visible" : "internal");
	key_at(x, r, x->text[0], at);
	return SK_OK;
}

static enum sk_err update_store(struct imp *x, const struct import_row *r, int tried,
				struct sk_diag *d)
{
	return put(x, STORE_UPDATES, r, tried, d);
}

const struct kind_ops kind_updates = {
	update_check, update_store, NULL, F_AT, "update", STORE_UPDATES
};
