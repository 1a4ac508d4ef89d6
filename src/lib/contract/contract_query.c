/* What a loaded contract answers: ticket types, priorities, the matrix, targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "contract_priv.h"

static const char *const type_names[SK_TICKET_TYPES] = {
	"incident", "request", "change", "problem", "complaint",
};

const char *sk_ticket_type_name(enum sk_ticket_type t)
{
	return (unsigned)t < SK_TICKET_TYPES ? type_names[t] : "unknown";
}

static const char *const change_names[SK_CHANGE_TYPES] = { "standard", "normal", "emergency" };

const char *sk_change_type_name(enum sk_change_type t)
{
	return (unsigned)t < SK_CHANGE_TYPES ? change_names[t] : "unknown";
}

int sk_change_type_parse(const char *word)
{
	for (int i = 0; word && i < SK_CHANGE_TYPES; i++)
		if (strcasecmp(word, change_names[i]) == 0)
			return i;
	return -1;
}

/* @s without surrounding blanks, copied into @buf; NULL when NULL or too long. Called per
 * ticket and per status event, so no printf. */
static char *trimmed_copy(const char *s, char *buf, size_t size)
{
	size_t n;

	if (!s || (n = strlen(s)) >= size)
		return NULL;
	memcpy(buf, s, n + 1);
	return ld_trim(buf);
}

int sk_ticket_type_parse(const char *word)
{
	static const struct {
		const char *w;
		enum sk_ticket_type t;
	} words[] = {
		{ "incident", SK_TICKET_INCIDENT }, { "storing", SK_TICKET_INCIDENT },
		{ "verstoring", SK_TICKET_INCIDENT },
		{ "request", SK_TICKET_REQUEST }, { "service request", SK_TICKET_REQUEST },
		{ "service-request", SK_TICKET_REQUEST }, { "servicerequest", SK_TICKET_REQUEST },
		{ "serviceverzoek", SK_TICKET_REQUEST }, { "verzoek", SK_TICKET_REQUEST },
		{ "aanvraag", SK_TICKET_REQUEST },
		{ "change", SK_TICKET_CHANGE }, { "wijziging", SK_TICKET_CHANGE },
		{ "wijzigingsverzoek", SK_TICKET_CHANGE },
		{ "problem", SK_TICKET_PROBLEM }, { "probleem", SK_TICKET_PROBLEM },
		{ "complaint", SK_TICKET_COMPLAINT }, { "klacht", SK_TICKET_COMPLAINT },
	};
	char buf[64];
	char *w;

	if (!(w = trimmed_copy(word, buf, sizeof(buf))))
		return -1;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(w, words[i].w) == 0)
			return (int)words[i].t;
	return -1;
}

/* @a (length @n, not terminated) equals the string @b, ignoring case. */
static int same_word(const char *a, size_t n, const char *b)
{
	return b && strlen(b) == n && strncasecmp(a, b, n) == 0;
}

int sk_contract_find_priority(const struct sk_contract *c, const char *word)
{
	const char *w;
	size_t n, i, j;

	if (!c || !word)
		return -1;
	/* Blanks around the word do not count; any length is looked up. */
	w = word;
	while (*w == ' ' || *w == '\t')
		w++;
	n = strlen(w);
	while (n && (w[n - 1] == ' ' || w[n - 1] == '\t' || w[n - 1] == '\r' || w[n - 1] == '\n'))
		n--;
	if (!n)
		return -1;
	for (i = 0; i < c->n_priorities; i++)
		if (same_word(w, n, c->priorities[i].id))
			return (int)i;
	for (i = 0; i < c->n_priorities; i++) {
		for (j = 0; j < c->priorities[i].n_aliases; j++)
			if (same_word(w, n, c->priorities[i].aliases[j]))
				return (int)i;
		if (same_word(w, n, c->priorities[i].name))
			return (int)i;
	}
	/* A bare number is the level: "1" is the most urgent priority. */
	if (strspn(w, "0123456789") >= n && n < 10) {
		long n_level = strtol(w, NULL, 10);

		if (n_level >= 1 && (size_t)n_level <= c->n_priorities)
			return (int)n_level - 1;
	}
	return -1;
}

int sk_contract_find_calendar(const struct sk_contract *c, const char *name)
{
	if (!c || !name)
		return -1;
	for (size_t i = 0; i < c->n_calendars; i++)
		if (strcasecmp(c->calendars[i].name, name) == 0)
			return (int)i;
	return -1;
}

int sk_contract_find_service(const struct sk_contract *c, const char *id)
{
	if (!c || !id)
		return -1;
	for (size_t i = 0; i < c->n_services; i++)
		if (strcasecmp(c->services[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct sk_domain *sk_contract_find_domain(const struct sk_contract *c, const char *id)
{
	if (!c || !id)
		return NULL;
	for (size_t i = 0; i < c->n_domains; i++)
		if (strcasecmp(c->domains[i].id, id) == 0)
			return &c->domains[i];
	return NULL;
}

/* A matrix value as its canonical form: aliases mapped, otherwise itself. */
static const char *matrix_value(const struct sk_matrix *m, const char *v)
{
	for (size_t i = 0; i < m->n_aliases; i++)
		if (strcasecmp(m->aliases[i].word, v) == 0)
			return m->aliases[i].value;
	return v;
}

int sk_contract_matrix_priority(const struct sk_contract *c, const char *row,
				const char *column)
{
	const struct sk_matrix *m;
	char rb[128], cb[128], *rt, *ct;
	const char *r, *col;

	if (!c || !(rt = trimmed_copy(row, rb, sizeof(rb))) || !(ct = trimmed_copy(column, cb, sizeof(cb))))
		return -1;
	m = &c->matrix;
	r = matrix_value(m, rt);
	col = matrix_value(m, ct);
	/* A number in a bucketed column falls into its bucket. */
	if (m->n_buckets && *col && strspn(col, "0123456789") == strlen(col)) {
		long v = strtol(col, NULL, 10);

		col = NULL;
		for (size_t i = 0; i < m->n_buckets; i++)
			if (v >= m->buckets[i].lo && (m->buckets[i].hi < 0 || v <= m->buckets[i].hi)) {
				col = m->buckets[i].label;
				break;
			}
		if (!col)
			return -1;
	}
	for (size_t i = 0; i < m->n_entries; i++)
		if (strcasecmp(m->entries[i].row, r) == 0 &&
		    strcasecmp(m->entries[i].column, col) == 0)
			return m->entries[i].priority;
	return -1;
}

int64_t sk_contract_seconds(const struct sk_contract *c, int calendar,
			    const struct sk_duration *dur)
{
	if (!c || !dur || !dur->set || calendar < 0 || (size_t)calendar >= c->n_calendars ||
	    !c->calendars[calendar].cal)
		return 0;
	return sk_duration_seconds(dur, sk_calendar_standard_day(c->calendars[calendar].cal));
}

int64_t sk_contract_target(const struct sk_contract *c, int p, enum sk_ticket_type t,
			   int resolution, int *set)
{
	const struct sk_priority *pr;
	const struct sk_duration *dur;

	if (set)
		*set = 0;
	if (!c || p < 0 || (size_t)p >= c->n_priorities || (unsigned)t >= SK_TICKET_TYPES)
		return 0;
	pr = &c->priorities[p];
	dur = resolution ? &pr->resolution[t] : &pr->response[t];
	if (!dur->set)
		return 0;
	if (set)
		*set = 1;
	return sk_contract_seconds(c, pr->calendar, dur);
}

int sk_contract_ticket_target(const struct sk_contract *c, int p, enum sk_ticket_type t,
			      int change, int resolution, struct sk_target *out)
{
	const char *kind = resolution ? "resolution" : "response";
	const struct sk_priority *pr;
	const struct sk_duration *dur = NULL;
	unsigned none;

	memset(out, 0, sizeof(*out));
	if (!c || p < 0 || (size_t)p >= c->n_priorities || (unsigned)t >= SK_TICKET_TYPES)
		return 0;
	pr = &c->priorities[p];
	/* The most specific key that says something: change type, ticket type, all types
	 * (the plain key was spread over the types that had none when it was read). */
	if (t == SK_TICKET_CHANGE && change >= 0 && change < SK_CHANGE_TYPES) {
		none = resolution ? pr->resolution_change_none : pr->response_change_none;
		dur = resolution ? &pr->resolution_change[change] : &pr->response_change[change];
		if (dur->set || (none & (1u << change))) {
			snprintf(out->key, sizeof(out->key), "%s.change.%s", kind, change_names[change]);
			out->none = !dur->set;
			goto done;
		}
	}
	none = resolution ? pr->resolution_none : pr->response_none;
	dur = resolution ? &pr->resolution[t] : &pr->response[t];
	if (dur->set || (none & (1u << t))) {
		snprintf(out->key, sizeof(out->key), "%s.%s", kind, type_names[t]);
		out->none = !dur->set;
	}
done:
	if (dur && dur->set) {
		out->set = 1;
		out->dur = dur;
		out->seconds = sk_contract_seconds(c, pr->calendar, dur);
	}
	return out->set;
}

int sk_contract_is_pause_status(const struct sk_contract *c, const char *status)
{
	char buf[256];
	char *s;

	if (!c || !(s = trimmed_copy(status, buf, sizeof(buf))))
		return 0;
	for (size_t i = 0; i < c->rules.n_pause_statuses; i++)
		if (strcasecmp(c->rules.pause_statuses[i], s) == 0)
			return 1;
	return c->rules.supplier_pauses && sk_contract_supplier_status(c, s) != SK_SUPPLIER_NONE;
}

int sk_contract_names_status(const struct sk_contract *c, const char *status)
{
	const struct sk_rules *r;
	char buf[256];
	char *s;
	char *const *lists[] = { NULL, NULL, NULL, NULL };
	size_t counts[4];

	if (!c || !(s = trimmed_copy(status, buf, sizeof(buf))))
		return 0;
	r = &c->rules;
	lists[0] = r->pause_statuses, counts[0] = r->n_pause_statuses;
	lists[1] = r->resolved_statuses, counts[1] = r->n_resolved_statuses;
	lists[2] = r->closed_statuses, counts[2] = r->n_closed_statuses;
	lists[3] = r->working_statuses, counts[3] = r->n_working_statuses;
	for (size_t l = 0; l < 4; l++)
		for (size_t i = 0; i < counts[l]; i++)
			if (strcasecmp(lists[l][i], s) == 0)
				return 1;
	return 0;
}
