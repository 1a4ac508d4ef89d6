/*
 * Tickets: read a row into the columns of the tickets table, check it, and
 * store it. A ticket already stored with the same values is left alone (so a
 * re-import changes nothing); one with other values is updated and its old
 * version copied to ticket_history with the columns that changed.
 */
#include <stdio.h>
#include <string.h>

#include "import_priv.h"

/* Time fields and their columns; all but planned_at (the last) must not precede reporting. */
static const struct { enum import_fid f; int tc; } times[] = {
	{ F_REPORTED, TC_REPORTED }, { F_RESPONDED, TC_RESPONDED },
	{ F_RESOLVED, TC_RESOLVED }, { F_CLOSED, TC_CLOSED },
	{ F_PRODUCTIVE, TC_PRODUCTIVE }, { F_ESCALATED, TC_ESCALATED },
	{ F_ONSITE, TC_ONSITE }, { F_RCA, TC_RCA },
	{ F_SWAP_REQUESTED, TC_SWAP_REQUESTED }, { F_SWAP, TC_SWAP }, { F_EMERGENCY, TC_EMERGENCY },
	{ F_PLANNED_AT, TC_PLANNED },
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

const char *imp_channel_word(const char *s)
{
	const char *w = NULL;

	/* The channel's own name, else a word for it (no word is a name). */
	for (size_t i = 0; channels[i] && !w; i++)
		if (word_eq(s, channels[i]))
			w = channels[i];
	for (size_t i = 0; !w && i < sizeof(channel_words) / sizeof(channel_words[0]); i++)
		if (word_eq(s, channel_words[i].word))
			s = channel_words[i].value;
	for (size_t i = 0; channels[i] && !w; i++)
		if (word_eq(s, channels[i]))
			w = channels[i];
	return w;
}

static const char *const change_types[] = { "standard", "normal", "emergency", NULL };

static const struct { const char *word, *value; } change_words[] = {
	{ "standaard", "standard" }, { "normaal", "normal" }, { "spoed", "emergency" },
	{ "urgent", "emergency" }, { "nood", "emergency" },
};

/* A yes/no field into a column. */
static enum sk_err get_bool(struct imp *x, enum import_fid f, struct store_val *v)
{
	int b, present;
	enum sk_err rc = imp_bool(x, f, &b, &present);

	set_int(v, b, present);
	return rc;
}

enum sk_err imp_ticket_fields(struct imp *x, struct store_val v[TC_COUNT])
{
	const char *s;
	int p, present, t;
	sk_time tm;
	enum sk_err rc;

	for (int i = 0; i < TC_COUNT; i++)
		set_text(&v[i], NULL);
	for (int f = 0; f < F_COUNT; f++)
		if ((import_fields[f].required & KB(x->kind)) && (rc = imp_require(x, f)))
			return rc;
	set_text(&v[TC_ID], imp_raw(x, F_ID));

	s = imp_text(x, F_TYPE);
	t = s ? sk_ticket_type_parse(s) : SK_TICKET_INCIDENT;
	if (t < 0)
		return imp_bad(x, F_TYPE, "unknown ticket type '%s' (incident, request, "
				  "change, problem, complaint)", s);
	set_text(&v[TC_TYPE], sk_ticket_type_name((enum sk_ticket_type)t));

	if ((rc = imp_priority(x, F_PRIORITY, &p, &present)))
		return rc;
	set_text(&v[TC_PRIORITY], x->c->priorities[p].id);
	set_int(&v[TC_LEVEL], x->c->priorities[p].level, 1);
	set_text(&v[TC_RAW], imp_raw(x, F_PRIORITY));
	set_text(&v[TC_IMPACT], imp_text(x, F_IMPACT));
	set_text(&v[TC_URGENCY], imp_text(x, F_URGENCY));

	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		if ((rc = imp_time(x, times[i].f, &tm, &present)))
			return rc;
		set_int(&v[times[i].tc], tm, present);
	}
	for (size_t i = 1; i + 1 < sizeof(times) / sizeof(times[0]); i++) {
		const struct store_val *a = &v[times[i].tc], *r = &v[TC_REPORTED];
		char b1[32], b2[32];

		if (a->type == STORE_INT && r->type == STORE_INT && a->i < r->i)
			return imp_bad(x, times[i].f, "%s is before 'reported_at' %s",
					  import_fmt_local(x, a->i, b1, sizeof(b1)),
					  import_fmt_local(x, r->i, b2, sizeof(b2)));
	}

	set_text(&v[TC_CATEGORY], imp_text(x, F_CATEGORY));
	set_text(&v[TC_LOCATION], imp_text(x, F_LOCATION));

	s = imp_text(x, F_CHANNEL);
	if (s) {
		const char *w = imp_channel_word(s);

		if (!w)
			return imp_bad(x, F_CHANNEL, "unknown channel '%s' (phone, portal, "
					  "email, chat, walk-in, other)", s);
		s = w;
	}
	set_text(&v[TC_CHANNEL], s);

	if ((rc = get_bool(x, F_FCR, &v[TC_FCR])) || (rc = get_bool(x, F_UPLIFT, &v[TC_UPLIFT])) ||
	    (rc = get_bool(x, F_CAB, &v[TC_CAB])) || (rc = get_bool(x, F_FAILED, &v[TC_FAILED])))
		return rc;
	if (v[TC_UPLIFT].type == STORE_NULL)
		set_int(&v[TC_UPLIFT], 0, 1);
	set_text(&v[TC_UPLIFT_REASON], imp_text(x, F_UPLIFT_REASON));

	s = imp_text(x, F_CHANGE_TYPE);
	for (size_t i = 0; s && i < sizeof(change_words) / sizeof(change_words[0]); i++)
		if (word_eq(s, change_words[i].word))
			s = change_words[i].value;
	if (s) {
		const char *w = NULL;

		for (size_t i = 0; change_types[i]; i++)
			if (word_eq(s, change_types[i]))
				w = change_types[i];
		if (!w)
			return imp_bad(x, F_CHANGE_TYPE, "unknown change type '%s' "
					  "(standard, normal, emergency)", s);
		s = w;
	}
	set_text(&v[TC_CHANGE_TYPE], s);
	set_text(&v[TC_STATUS], imp_text(x, F_STATUS));
	/* When the export last changed the ticket: an older row never replaces a
	 * newer one (store_row_put()). */
	if ((rc = imp_time(x, F_UPDATED, &tm, &present)))
		return rc;
	set_int(&v[TC_UPDATED], tm, present);
	set_text(&v[TC_EXTRA], imp_extra(x));
	/* The contract's id for a supplier it knows, else the name as written. */
	s = imp_text(x, F_SUPPLIER);
	if (s && (t = sk_contract_find_supplier(x->c, s)) >= 0)
		s = x->c->suppliers[t].id;
	set_text(&v[TC_SUPPLIER], s);
	set_text(&v[TC_ASSIGNMENT_GROUP], imp_text(x, F_ASSIGNMENT_GROUP));
	return SK_OK;
}

static enum sk_err ticket_check(struct imp *x, struct import_row *r)
{
	r->nv = TC_COUNT;
	return imp_ticket_fields(x, r->v);
}

static enum sk_err ticket_store(struct imp *x, const struct import_row *r, int tried,
				struct sk_diag *d)
{
	/* A ticket id must not repeat in one file. */
	return import_put(x, STORE_TICKETS, r->v, r->v[TC_ID].s, NULL, tried, &x->res->inserted,
			  &x->res->updated, &x->res->unchanged, d);
}

const struct kind_ops kind_tickets = {
	ticket_check, ticket_store, NULL, F_ID, "ticket id", STORE_TICKETS
};
