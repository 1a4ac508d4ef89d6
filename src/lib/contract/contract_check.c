/*
 * The checks that need the whole file: names that refer to other sections,
 * calendars built once the zone is known, the priority matrix, KPIs placed in
 * their domains, weights, the staffel. Each failure names the line to fix.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "contract_priv.h"

#define DEFAULT_ZONE "Europe/Amsterdam"

/* The line of @key in the section that starts at @sec_line, else @sec_line. */
static long key_line(const struct loader *ld, long sec_line, const char *key)
{
	const struct ini_entry *e = ld_entry(ld_section_at(ld, sec_line), key);

	return e ? e->line : sec_line;
}

/*
 * The calendar that @key of the section at @sec_line names; @dflt when the
 * key is absent.
 */
static enum sk_err calendar_ref(struct loader *ld, long sec_line, const char *key, int dflt,
				int *out)
{
	const struct ini_entry *e = ld_entry(ld_section_at(ld, sec_line), key);

	*out = dflt;
	if (!e)
		return SK_OK;
	*out = sk_contract_find_calendar(ld->c, e->value);
	if (*out < 0)
		return ld_fail(ld, e->line, e->key, "no calendar '%s' (define [calendar.%s])",
				  e->value, e->value);
	return SK_OK;
}

/* [contract] is there and has an id; name, language and zone get their defaults. */
static enum sk_err check_contract(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	struct sk_diag in;

	if (!ld->has_contract)
		return ld_fail(ld, 0, NULL, "no [contract] section");
	if (!c->id)
		return ld_fail(ld, ld->contract_line, "id", "[contract] needs an id");
	if (!c->name && !(c->name = ld_strdup(c->id)))
		return ld_nomem(ld);
	if (!c->language && !(c->language = ld_strdup("nl")))
		return ld_nomem(ld);
	if (!c->tz) {
		sk_diag_clear(&in);
		if (sk_tz_open(DEFAULT_ZONE, &c->tz, &in) != SK_OK)
			return in.err == SK_ERR_NOMEM ? ld_nomem(ld) : ld_fail(ld, ld->contract_line, "timezone",
					  "the default zone: %s", in.msg);
	}
	return SK_OK;
}

/* Holidays of one calendar: the Dutch set, extra closed days, .ics files. */
static enum sk_err build_holidays(struct loader *ld, struct cal_spec *sp,
				  struct sk_contract_calendar *cc)
{
	struct sk_diag in;
	enum sk_err rc;

	if (sk_holidays_new(&cc->hol) != SK_OK)
		return ld_nomem(ld);
	if (sp->nl)
		sk_holidays_use_nl(cc->hol, &sp->nlopt);
	for (size_t i = 0; i < sp->n_closed; i++)
		if (sk_holidays_add(cc->hol, sp->closed[i].day, sp->closed[i].name) != SK_OK)
			return ld_nomem(ld);
	for (size_t i = 0; i < sp->n_ics; i++) {
		const char *p = sp->ics[i].path;
		char *full = malloc(strlen(ld->dir) + strlen(p) + 1);

		if (!full)
			return ld_nomem(ld);
		/* Relative to the contract file, so a contract travels with its .ics. */
		strcpy(full, p[0] == '/' ? "" : ld->dir);
		strcat(full, p);
		sk_diag_clear(&in);
		rc = sk_holidays_add_ics(cc->hol, full, &in);
		free(full);
		if (rc == SK_ERR_NOMEM)
			return ld_nomem(ld);
		if (rc != SK_OK) {
			/* A fault inside the .ics names its own line; an unreadable file ours. */
			if (in.line > 0) {
				if (ld->d)
					*ld->d = in;
				return rc;
			}
			return ld_fail(ld, sp->ics[i].line, "ics", "%s: %s", p, in.msg);
		}
	}
	return SK_OK;
}

/* Every [calendar.NAME] into holidays and an sk_calendar; then the default calendar. */
static enum sk_err build_calendars(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	struct sk_diag in;
	enum sk_err rc;

	if (c->n_calendars == 0)
		return ld_fail(ld, 0, NULL,
				  "no [calendar.NAME] section: a contract needs at least one calendar");
	for (size_t i = 0; i < c->n_calendars; i++) {
		struct cal_spec *sp = &ld->specs[i];
		struct sk_contract_calendar *cc = &c->calendars[i];
		int any = 0;

		for (int w = 0; w < 7; w++)
			if (sp->day_line[w] && !sp->is_24x7)
				any |= sp->n_iv[w] > 0;
		if (sp->is_24x7) {
			for (int w = 0; w < 7; w++)
				if (sp->day_line[w])
					return ld_fail(ld, sp->line_24x7, "24x7",
							  "a 24x7 calendar cannot also set weekday "
							  "hours (line %ld)", sp->day_line[w]);
			if (sp->holidays_line && sp->nl)
				return ld_fail(ld, sp->holidays_line, "holidays",
						  "a 24x7 calendar has no holidays (leave this out "
						  "or set holidays = none)");
			if (sp->n_closed)
				return ld_fail(ld, sp->closed[0].line, "closed",
						  "a 24x7 calendar has no closed days");
			if (sp->n_ics)
				return ld_fail(ld, sp->ics[0].line, "ics",
						  "a 24x7 calendar has no holidays");
			sp->nl = 0;
		} else if (!any) {
			return ld_fail(ld, cc->line, NULL,
					  "calendar '%s' has no working hours (set mon..sun, e.g. "
					  "mon-fri = 08:00-17:00, or 24x7 = yes)", cc->name);
		}
		if (!sp->nl && sp->good_friday_line)
			return ld_fail(ld, sp->good_friday_line, "good_friday",
					  "only applies with holidays = nl");
		if (!sp->nl && sp->liberation_line)
			return ld_fail(ld, sp->liberation_line, "liberation_day",
					  "only applies with holidays = nl");
		rc = build_holidays(ld, sp, cc);
		if (rc != SK_OK)
			return rc;
		if (sk_calendar_new(cc->name, c->tz, cc->hol, &cc->cal) != SK_OK)
			return ld_nomem(ld);
		if (sp->is_24x7)
			sk_calendar_set_24x7(cc->cal);
		for (int w = 0; w < 7 && !sp->is_24x7; w++)
			for (size_t k = 0; k < sp->n_iv[w]; k++) {
				sk_diag_clear(&in);
				rc = sk_calendar_add_interval(cc->cal, w, sp->iv[w][k].start,
							      sp->iv[w][k].end, &in);
				if (rc == SK_ERR_NOMEM)
					return ld_nomem(ld);
				if (rc != SK_OK)
					return ld_fail(ld, sp->day_line[w], NULL, "%s", in.msg);
			}
		if (sp->standard_day)
			sk_calendar_set_standard_day(cc->cal, sp->standard_day);
	}
	{
		const struct ini_section *s = ld_section_at(ld, ld->contract_line);

		rc = calendar_ref(ld, s ? s->line : 0, "calendar", 0, &c->default_calendar);
	}
	return rc;
}

/* Every word that names a priority must name only that one. */
static enum sk_err check_priority_words(struct loader *ld, size_t i)
{
	const struct sk_priority *pr = &ld->c->priorities[i];
	int other;

	for (size_t j = 0; j < pr->n_aliases; j++) {
		other = sk_contract_find_priority(ld->c, pr->aliases[j]);
		if (other < 0)
			return ld_fail(ld, key_line(ld, pr->line, "aliases"), "aliases",
					  "'%.40s' cannot name a priority", pr->aliases[j]);
		if (other != (int)i)
			return ld_fail(ld, key_line(ld, pr->line, "aliases"), "aliases",
					  "'%s' already names priority '%s'", pr->aliases[j],
					  ld->c->priorities[other].id);
	}
	if (pr->name) {
		other = sk_contract_find_priority(ld->c, pr->name);
		if (other < 0)
			return ld_fail(ld, key_line(ld, pr->line, "name"), "name",
					  "'%.40s' cannot name a priority", pr->name);
		if (other != (int)i)
			return ld_fail(ld, key_line(ld, pr->line, "name"), "name",
					  "'%s' already names priority '%s'", pr->name,
					  ld->c->priorities[other].id);
	}
	return SK_OK;
}

/* Calendars named, after-hours pairs complete, at least one target, unique words. */
static enum sk_err check_priorities(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	enum sk_err rc;

	for (size_t i = 0; i < c->n_priorities; i++) {
		struct sk_priority *pr = &c->priorities[i];
		int any = 0;

		rc = calendar_ref(ld, pr->line, "calendar", c->default_calendar, &pr->calendar);
		if (rc == SK_OK)
			rc = calendar_ref(ld, pr->line, "after_hours_calendar", -1,
					  &pr->after_hours_calendar);
		if (rc != SK_OK)
			return rc;
		if (pr->after_hours_calendar >= 0 && !pr->after_hours_response.set)
			return ld_fail(ld, key_line(ld, pr->line, "after_hours_calendar"),
					  "after_hours_calendar",
					  "needs after_hours_response: the response target on that "
					  "calendar");
		if (pr->after_hours_calendar < 0 && pr->after_hours_response.set)
			return ld_fail(ld, key_line(ld, pr->line, "after_hours_response"),
					  "after_hours_response",
					  "needs after_hours_calendar: the calendar it applies on");
		if (pr->swap_emergency.set && !pr->swap.set)
			return ld_fail(ld, key_line(ld, pr->line, "swap_emergency"), "swap_emergency",
					  "needs swap: an emergency workplace stands in for a device "
					  "swap, which has its own target");
		for (int t = 0; t < SK_TICKET_TYPES; t++)
			any |= pr->response[t].set | pr->resolution[t].set;
		for (int t = 0; t < SK_CHANGE_TYPES; t++)
			any |= pr->response_change[t].set | pr->resolution_change[t].set;
		if (!any)
			return ld_fail(ld, pr->line, NULL,
					  "priority '%s' has no targets (set response and resolution, "
					  "or per type, e.g. resolution.incident)", pr->id);
		rc = check_priority_words(ld, i);
		if (rc != SK_OK)
			return rc;
	}
	return SK_OK;
}

/* "1-2", ">30", ">=31", "31+" or "5" into a bucket; 0 when unreadable. */
static int parse_bucket(const char *s, long *lo, long *hi)
{
	char *end;

	if (s[0] == '>') {
		int eq = s[1] == '=';

		if (!isdigit((unsigned char)s[1 + eq]))
			return 0;
		*lo = strtol(s + 1 + eq, &end, 10) + (eq ? 0 : 1);
		*hi = -1;
		return *end == '\0';
	}
	if (!isdigit((unsigned char)s[0]))
		return 0;
	*lo = strtol(s, &end, 10);
	if (*end == '+' && end[1] == '\0') {
		*hi = -1;
		return 1;
	}
	if (*end == '\0') {
		*hi = *lo;
		return 1;
	}
	if (*end != '-' || !isdigit((unsigned char)end[1]))
		return 0;
	*hi = strtol(end + 1, &end, 10);
	return *end == '\0' && *hi >= *lo;
}

/* Split @v at blanks into at most @max words (in place); returns the count. */
static int words(char *v, char **w, int max)
{
	int n = 0;

	for (char *p = v; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			*p++ = '\0';
		if (!*p)
			break;
		if (n == max)
			return max + 1;
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
	}
	return n;
}

/* Bucket label the column value @v names (case-insensitive), NULL when none. */
static const struct sk_matrix_bucket *find_bucket(const struct sk_matrix *m, const char *v)
{
	for (size_t i = 0; i < m->n_buckets; i++)
		if (strcasecmp(m->buckets[i].label, v) == 0)
			return &m->buckets[i];
	return NULL;
}

/* 1 when @s is among the @n strings of @v, any case. */
static int in_list(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(v[i], s) == 0)
			return 1;
	return 0;
}

/* Is every row × column cell there? Rows and columns as the entries (or buckets) name them. */
static enum sk_err matrix_complete(struct loader *ld, const struct ini_section *s)
{
	struct sk_matrix *m = &ld->c->matrix;
	char **rows = calloc(m->n_entries, sizeof(*rows));
	char **cols = calloc(m->n_entries + m->n_buckets, sizeof(*cols));
	size_t nr = 0, nc = 0;
	enum sk_err rc = SK_OK;

	if (!rows || !cols) {
		rc = ld_nomem(ld);
		goto out;
	}
	for (size_t i = 0; i < m->n_buckets; i++)
		cols[nc++] = m->buckets[i].label;
	for (size_t i = 0; i < m->n_entries; i++) {
		if (!in_list(rows, nr, m->entries[i].row))
			rows[nr++] = m->entries[i].row;
		if (!in_list(cols, nc, m->entries[i].column))
			cols[nc++] = m->entries[i].column;
	}
	for (size_t r = 0; r < nr && rc == SK_OK; r++)
		for (size_t k = 0; k < nc && rc == SK_OK; k++) {
			size_t i;

			for (i = 0; i < m->n_entries; i++)
				if (strcasecmp(m->entries[i].row, rows[r]) == 0 &&
				    strcasecmp(m->entries[i].column, cols[k]) == 0)
					break;
			if (i == m->n_entries)
				rc = ld_fail(ld, s->line, NULL,
						"the matrix has no entry for %s '%s' and %s '%s'",
						m->row_field, rows[r], m->column_field, cols[k]);
		}
	/* An alias must lead to a value the matrix uses. */
	for (size_t i = 0; i < m->n_aliases && rc == SK_OK; i++)
		if (!in_list(rows, nr, m->aliases[i].value) && !in_list(cols, nc, m->aliases[i].value))
			rc = ld_fail(ld, key_line(ld, s->line, "alias"), "alias",
					"'%s' stands for '%s', which is no row or column of the matrix",
					m->aliases[i].word, m->aliases[i].value);
out:
	free(rows);
	free(cols);
	return rc;
}

/* `entry = ROW COLUMN PRIORITY`: one cell, set once; ld->matrix_lines remembers where. */
enum sk_err contract_matrix_entry(struct loader *ld, const struct ini_entry *e)
{
	struct sk_matrix *m = &ld->c->matrix;
	long *lines = ld->matrix_lines;
	char *copy = ld_strdup(e->value), *w[4];
	size_t cap = m->n_entries;
	enum sk_err rc = SK_OK;
	int prio;

	if (!copy)
		return ld_nomem(ld);
	if (words(copy, w, 3) != 3) {
		rc = ld_fail(ld, e->line, e->key,
				"expected a row value, a column value and a priority (like H M P2), "
				"not '%s'", e->value);
		goto out;
	}
	prio = sk_contract_find_priority(ld->c, w[2]);
	if (prio < 0) {
		rc = ld_fail(ld, e->line, e->key, "no priority '%s'", w[2]);
		goto out;
	}
	if (m->n_buckets && !find_bucket(m, w[1])) {
		rc = ld_fail(ld, e->line, e->key,
				"column '%s' is not one of the buckets (from bucket = ...)", w[1]);
		goto out;
	}
	for (size_t i = 0; i < m->n_entries; i++)
		if (strcasecmp(m->entries[i].row, w[0]) == 0 &&
		    strcasecmp(m->entries[i].column, w[1]) == 0) {
			rc = ld_fail(ld, e->line, e->key, "cell %s %s is already set at line %ld",
					w[0], w[1], lines[i]);
			goto out;
		}
	if (!ld_grow((void **)&m->entries, &cap, m->n_entries, sizeof(*m->entries))) {
		rc = ld_nomem(ld);
		goto out;
	}
	m->entries[m->n_entries].priority = prio;
	m->entries[m->n_entries].row = ld_strdup(w[0]);
	m->entries[m->n_entries].column = ld_strdup(w[1]);
	lines[m->n_entries] = e->line;
	m->n_entries++;
	if (!m->entries[m->n_entries - 1].row || !m->entries[m->n_entries - 1].column)
		rc = ld_nomem(ld);
out:
	free(copy);
	return rc;
}

/* `bucket = RANGE`: a numeric column bucket that overlaps no other. */
enum sk_err contract_matrix_bucket(struct loader *ld, const struct ini_entry *e)
{
	struct sk_matrix *m = &ld->c->matrix;
	size_t cap = m->n_buckets;
	long lo, hi;

	if (!parse_bucket(e->value, &lo, &hi))
		return ld_fail(ld, e->line, e->key,
				  "cannot read '%s' as a range of numbers (like 1-2, 3-10 or >30)",
				  e->value);
	for (size_t i = 0; i < m->n_buckets; i++) {
		const struct sk_matrix_bucket *b = &m->buckets[i];

		if ((b->hi < 0 || lo <= b->hi) && (hi < 0 || hi >= b->lo))
			return ld_fail(ld, e->line, e->key, "'%s' overlaps bucket '%s'",
					  e->value, b->label);
	}
	if (!ld_grow((void **)&m->buckets, &cap, m->n_buckets, sizeof(*m->buckets)))
		return ld_nomem(ld);
	m->buckets[m->n_buckets].lo = lo;
	m->buckets[m->n_buckets].hi = hi;
	if (!(m->buckets[m->n_buckets++].label = ld_strdup(e->value)))
		return ld_nomem(ld);
	return SK_OK;
}

/* `alias = WORDS VALUE`: the last word is the value, the words before it the alias. */
enum sk_err contract_matrix_alias(struct loader *ld, const struct ini_entry *e)
{
	struct sk_matrix *m = &ld->c->matrix;
	size_t cap = m->n_aliases;
	const char *sp = strrchr(e->value, ' ');
	const char *tab = strrchr(e->value, '\t');
	struct sk_matrix_alias *a;
	size_t wl;

	if (tab && (!sp || tab > sp))
		sp = tab;
	if (!sp || !ld_plain_word(sp + 1))
		return ld_fail(ld, e->line, e->key,
				  "expected a word and the value it stands for (like Hoog H), "
				  "not '%s'", e->value);
	wl = (size_t)(sp - e->value);
	while (wl > 0 && (e->value[wl - 1] == ' ' || e->value[wl - 1] == '\t'))
		wl--;
	for (size_t i = 0; i < m->n_aliases; i++)
		if (strlen(m->aliases[i].word) == wl &&
		    strncasecmp(m->aliases[i].word, e->value, wl) == 0)
			return ld_fail(ld, e->line, e->key, "'%s' is already an alias",
					  m->aliases[i].word);
	if (!ld_grow((void **)&m->aliases, &cap, m->n_aliases, sizeof(*m->aliases)))
		return ld_nomem(ld);
	a = &m->aliases[m->n_aliases++];
	a->word = malloc(wl + 1);
	a->value = ld_strdup(sp + 1);
	if (!a->word || !a->value)
		return ld_nomem(ld);
	memcpy(a->word, e->value, wl);
	a->word[wl] = '\0';
	return SK_OK;
}

/* `row = FIELD`, `column = FIELD`: the ticket fields the matrix looks at. */
enum sk_err contract_matrix_field(struct loader *ld, const struct ini_entry *e)
{
	struct sk_matrix *m = &ld->c->matrix;
	char **field = ld_same(e->key, "row") ? &m->row_field : &m->column_field;

	if (!ld_plain_word(e->value))
		return ld_fail(ld, e->line, e->key,
				  "a field name is one word, like impact, not '%s'", e->value);
	free(*field);
	return (*field = ld_strdup(e->value)) ? SK_OK : ld_nomem(ld);
}

/* [matrix], read here because its entries name priorities. */
static enum sk_err read_matrix(struct loader *ld)
{
	struct sk_matrix *m = &ld->c->matrix;
	const struct ini_section *s = NULL;
	enum sk_err rc;

	for (size_t i = 0; i < ld->n_sec; i++)
		if (strcmp(ld->sec[i].name, "matrix") == 0)
			s = &ld->sec[i];
	if (!s)
		return SK_OK;
	ld->matrix_lines = calloc(s->n + 1, sizeof(*ld->matrix_lines));
	if (!ld->matrix_lines)
		return ld_nomem(ld);
	/* Buckets first, so an entry can be checked against them wherever it stands. */
	rc = contract_read_matrix_keys(ld, s, 1);
	if (rc == SK_OK)
		rc = contract_read_matrix_keys(ld, s, 2);
	if (rc == SK_OK && m->n_entries == 0)
		rc = ld_fail(ld, s->line, NULL, "the matrix has no entry lines");
	if (rc == SK_OK && (!m->row_field || !m->column_field))
		rc = ld_fail(ld, s->line, NULL,
				"the matrix needs row = FIELD and column = FIELD");
	if (rc == SK_OK)
		rc = matrix_complete(ld, s);
	return rc;
}

/* Each service has a norm and a service window that exists. */
static enum sk_err check_services(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	enum sk_err rc;

	for (size_t i = 0; i < c->n_services; i++) {
		struct sk_service *sv = &c->services[i];

		rc = calendar_ref(ld, sv->line, "calendar", c->default_calendar, &sv->calendar);
		if (rc == SK_OK)
			rc = calendar_ref(ld, sv->line, "maintenance_outside", c->default_calendar,
					  &sv->maintenance_calendar);
		if (rc != SK_OK)
			return rc;
		if (!ld_entry(ld_section_at(ld, sv->line), "norm"))
			return ld_fail(ld, sv->line, "norm", "service '%s' has no norm", sv->id);
		if (sv->norm <= 0)
			return ld_fail(ld, key_line(ld, sv->line, "norm"), "norm",
					  "an availability norm lies above 0 %%");
		if (!sv->name && !(sv->name = ld_strdup(sv->id)))
			return ld_nomem(ld);
	}
	return SK_OK;
}

/* Which parameters each source takes: `within` required (2), allowed (1), or not (0). */
static int source_within(enum sk_source s)
{
	switch (s) {
	case SK_SRC_RCA: case SK_SRC_HANDOVER: case SK_SRC_STANDARD_CHANGE:
	case SK_SRC_COMPLAINT: case SK_SRC_PROVISIONING: case SK_SRC_CALLS:
		return 2;
	default:
		return 0;
	}
}

/* 1 for the tickets:... sources, which may take priority=. */
static int source_is_tickets(enum sk_source s)
{
	return s != SK_SRC_MANUAL && s != SK_SRC_CALLS && s != SK_SRC_OUTAGES &&
	       s != SK_SRC_SUPPLIER && s != SK_SRC_ACTIONS;
}

/* The parameters of a KPI source against what the source takes, and what they name. */
static enum sk_err check_source(struct loader *ld, struct kpi_tmp *t)
{
	struct sk_contract *c = ld->c;
	struct sk_kpi *k = &t->k;
	const char *what = sk_source_name(k->source_kind);
	long line = t->source_line;

	if (!k->source) {
		k->source_kind = SK_SRC_MANUAL;
		if (!(k->source = ld_strdup("manual")))
			return ld_nomem(ld);
	}
	if (source_within(k->source_kind) == 2 && !k->within.set)
		return ld_fail(ld, line, "source", "%s needs within=DURATION (like within=5d)",
				  what);
	if (source_within(k->source_kind) == 0 && k->within.set)
		return ld_fail(ld, line, "source", "%s takes no within=", what);
	if (t->p_priority && !source_is_tickets(k->source_kind))
		return ld_fail(ld, line, "source", "%s takes no priority=", what);
	/* The other ticket sources count one type by their definition (RCA: incidents). */
	if (k->source_types && k->source_kind != SK_SRC_RESPONSE &&
	    k->source_kind != SK_SRC_RESOLUTION)
		return ld_fail(ld, line, "source", "%s takes no type=", what);
	if (t->p_calendar && (source_within(k->source_kind) == 0 ||
			      k->source_kind == SK_SRC_CALLS))
		return ld_fail(ld, line, "source", "%s takes no calendar=", what);
	if (t->p_priority) {
		k->source_priority = sk_contract_find_priority(c, t->p_priority);
		if (k->source_priority < 0)
			return ld_fail(ld, line, "source", "no priority '%s'", t->p_priority);
	} else if (k->source_kind == SK_SRC_RCA && c->n_priorities) {
		k->source_priority = 0; /* an RCA is owed for the most urgent priority */
	}
	if (k->source_kind == SK_SRC_CADENCE) {
		int any = 0;

		for (size_t i = 0; i < c->n_priorities; i++)
			if ((k->source_priority < 0 || k->source_priority == (int)i) &&
			    c->priorities[i].update_every.set)
				any = 1;
		if (!any && k->source_priority >= 0)
			return ld_fail(ld, line, "source", "tickets:cadence needs update_every = "
				       "DURATION in [priority.%s]", c->priorities[k->source_priority].id);
		if (!any)
			return ld_fail(ld, line, "source", "tickets:cadence needs update_every = "
				       "DURATION in a [priority.ID]");
	}
	if (k->source_kind == SK_SRC_RCA && c->n_priorities == 0)
		return ld_fail(ld, line, "source", "tickets:rca needs a [priority.ID] section");
	if (t->p_calendar) {
		k->source_calendar = sk_contract_find_calendar(c, t->p_calendar);
		if (k->source_calendar < 0)
			return ld_fail(ld, line, "source", "no calendar '%s' (define [calendar.%s])",
					  t->p_calendar, t->p_calendar);
	} else if (source_within(k->source_kind) && k->source_kind != SK_SRC_CALLS) {
		k->source_calendar = c->default_calendar;
	}
	if (t->p_supplier) {
		k->source_supplier = sk_contract_find_supplier(c, t->p_supplier);
		if (k->source_supplier < 0)
			return ld_fail(ld, line, "source", "no supplier '%s' (define [supplier.%s])",
					  t->p_supplier, t->p_supplier);
	}
	if (t->p_service) {
		k->source_service = sk_contract_find_service(c, t->p_service);
		if (k->source_service < 0)
			return ld_fail(ld, line, "source", "no service '%s' (define [service.%s])",
					  t->p_service, t->p_service);
	}
	/* Improvement actions are counted (DHS §9 domain 6: ">= 2 per kwartaal"). */
	if (k->source_kind == SK_SRC_ACTIONS && strcmp(k->unit, "count") != 0)
		return ld_fail(ld, t->unit_line ? t->unit_line : line, "unit",
			       "actions counts improvement actions, so its unit is count, not '%s'",
			       k->unit);
	/* A time, not a share: in hours, and shorter is better. */
	if (k->source_kind == SK_SRC_MTTP && strcmp(k->unit, "hours") != 0)
		return ld_fail(ld, t->unit_line ? t->unit_line : line, "unit",
			       "tickets:mttp measures a mean time: set unit = hours");
	if (k->source_kind == SK_SRC_MTTP && k->direction != SK_LOWER_IS_BETTER)
		return ld_fail(ld, t->direction_line ? t->direction_line : line, "direction",
			       "a shorter time to productivity is better: set direction = lower");
	if (k->source_kind != SK_SRC_MANUAL && k->source_kind != SK_SRC_ACTIONS &&
	    k->source_kind != SK_SRC_MTTP &&
	    strcmp(k->unit, "%") != 0)
		return ld_fail(ld, t->unit_line ? t->unit_line : line, "unit",
				  "%s measures a share, so its unit is %%, not '%s'", what, k->unit);
	/* A visit or swap is judged against the priorities' targets: without any, nothing. */
	if (k->source_kind == SK_SRC_ONSITE || k->source_kind == SK_SRC_SWAP) {
		int any = k->source_kind == SK_SRC_ONSITE && c->rules.onsite_resolution;

		for (size_t p = 0; p < c->n_priorities; p++)
			if (k->source_priority < 0 || (size_t)k->source_priority == p)
				any |= k->source_kind == SK_SRC_ONSITE ? c->priorities[p].onsite.set
					: c->priorities[p].swap.set;
		if (!any)
			return ld_fail(ld, line, "source", k->source_kind == SK_SRC_ONSITE
				       ? "tickets:onsite needs an onsite target of a priority, or "
				       "[rules] onsite_default = resolution"
				       : "tickets:swap needs a swap target of a priority");
	}
	if (k->source_kind == SK_SRC_FAILED_CHANGE && k->direction != SK_LOWER_IS_BETTER)
		return ld_fail(ld, t->direction_line ? t->direction_line : line, "direction",
				  "fewer failed changes is better: set direction = lower");
	return SK_OK;
}

/* `score`: a formula that fits the KPI's direction (and for success its unit and norm). */
static enum sk_err check_score(struct loader *ld, const struct kpi_tmp *t)
{
	const struct sk_kpi *k = &t->k;

	if (k->score == SK_SCORE_RATIO && k->direction != SK_HIGHER_IS_BETTER)
		return ld_fail(ld, t->score_line, "score",
			       "ratio (measured / norm) scores a KPI where higher is better; this one "
			       "has direction = lower (inverse or success)");
	if ((k->score == SK_SCORE_INVERSE || k->score == SK_SCORE_SUCCESS) &&
	    k->direction != SK_LOWER_IS_BETTER)
		return ld_fail(ld, t->score_line, "score",
			       "%s scores a KPI where lower is better: set direction = lower",
			       k->score == SK_SCORE_INVERSE ? "inverse" : "success");
	if (k->both_clocks && k->source_kind != SK_SRC_RESOLUTION)
		return ld_fail(ld, t->both_clocks_line, "both_clocks",
			       "both_clocks counts a ticket within only when its response was in "
			       "time too: it goes with source = tickets:resolution");
	if (k->score == SK_SCORE_SUCCESS &&
	    (strcmp(k->unit, "%") != 0 || !k->has_norm || k->norm >= SK_DEC(100)))
		return ld_fail(ld, t->score_line, "score",
			       "success scores (100 - measured) / (100 - norm): it needs unit = %% "
			       "and a norm below 100");
	return SK_OK;
}

/* Move each KPI into its domain, in file order. */
static enum sk_err attach_kpis(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	enum sk_err rc;

	for (size_t i = 0; i < ld->n_kpis; i++) {
		struct kpi_tmp *t = &ld->kpis[i];
		struct sk_domain *dm = NULL;
		size_t cap;

		for (size_t j = 0; j < c->n_domains; j++)
			if (strcasecmp(c->domains[j].id, t->domain) == 0)
				dm = &c->domains[j];
		if (!dm)
			return ld_fail(ld, t->k.line, NULL,
					  "KPI '%s' belongs to domain '%s', which has no "
					  "[domain.%s] section", t->k.id, t->domain, t->domain);
		if (!t->k.unit && !(t->k.unit = ld_strdup("%")))
			return ld_nomem(ld);
		if (!t->k.name && !(t->k.name = ld_strdup(t->k.id)))
			return ld_nomem(ld);
		if (t->k.has_norm && (t->k.norm < 0 ||
				      (strcmp(t->k.unit, "%") == 0 && t->k.norm > SK_DEC(100))))
			return ld_fail(ld, t->norm_line, "norm",
					  "a norm lies from 0 to 100 %% (or set another unit)");
		/* A share is the same over any window; only a count per time scales. */
		if (t->k.pro_rata && (!t->k.norm_months || strcmp(t->k.unit, "count") != 0))
			return ld_fail(ld, t->pro_rata_line, "pro_rata",
					  "pro rata scales a count norm to the window measured: it needs "
					  "unit = count and norm_per = month, quarter, halfyear or year");
		rc = check_source(ld, t);
		if (rc != SK_OK)
			return rc;
		if ((rc = check_score(ld, t)) != SK_OK)
			return rc;
		cap = dm->n_kpis;
		if (!ld_grow((void **)&dm->kpis, &cap, dm->n_kpis, sizeof(*dm->kpis)))
			return ld_nomem(ld);
		dm->kpis[dm->n_kpis++] = t->k;
		memset(&t->k, 0, sizeof(t->k)); /* the domain owns it now */
	}
	return SK_OK;
}

/* Weights rule, and for scored domains: KPIs, weights, norms, a staffel, sum 100. */
static enum sk_err check_domains(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	char sum[48];

	for (size_t i = 0; i < c->n_domains; i++) {
		struct sk_domain *dm = &c->domains[i];
		long last_weight = 0;

		if (!ld_entry(ld_section_at(ld, dm->line), "weights"))
			dm->weights = c->rules.weights;
		if (!dm->name && !(dm->name = ld_strdup(dm->id)))
			return ld_nomem(ld);
		dm->weight_sum = 0;
		for (size_t j = 0; j < dm->n_kpis; j++) {
			const struct sk_kpi *k = &dm->kpis[j];
			long wl = key_line(ld, k->line, "weight");

			if (k->has_weight) {
				dm->weight_sum += k->weight;
				if (wl > last_weight)
					last_weight = wl;
			}
			if (!dm->scored)
				continue;
			if (!k->has_weight)
				return ld_fail(ld, k->line, "weight",
						  "KPI '%s' of scored domain '%s' has no weight "
						  "(or set scored = no on the domain)", k->id, dm->id);
			if (!k->has_norm)
				return ld_fail(ld, k->line, "norm",
						  "KPI '%s' of scored domain '%s' has no norm "
						  "(or set scored = no on the domain)", k->id, dm->id);
			if (k->norm <= 0)
				return ld_fail(ld, key_line(ld, k->line, "norm"), "norm",
						  "a scored KPI needs a norm above 0");
		}
		if (!dm->scored)
			continue;
		if (dm->n_kpis == 0)
			return ld_fail(ld, dm->line, NULL,
					  "domain '%s' is scored but has no KPIs (add [kpi.%s.ID] "
					  "or set scored = no)", dm->id, dm->id);
		if (c->n_staffel == 0)
			return ld_fail(ld, dm->line, NULL,
					  "domain '%s' is scored but the contract has no [staffel]",
					  dm->id);
		sk_dec_format_short(dm->weight_sum, '.', sum, sizeof(sum));
		if (dm->weight_sum == 0)
			return ld_fail(ld, last_weight, "weight",
					  "weights of domain '%s' add up to 0", dm->id);
		if (dm->weight_sum != SK_DEC(100) && dm->weights == SK_WEIGHTS_REFUSE)
			return ld_fail(ld, last_weight, "weight",
					  "weights of domain '%s' add up to %s, not 100 "
					  "(set weights = normalise to scale them)", dm->id, sum);
	}
	return SK_OK;
}

/* A step at 0, and no lower step with less malus than a higher one. */
static enum sk_err check_staffel(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	const struct ini_section *s = NULL;
	char a[48], b[48];

	for (size_t i = 0; i < ld->n_sec; i++)
		if (strcmp(ld->sec[i].name, "staffel") == 0)
			s = &ld->sec[i];
	if (!s)
		return SK_OK;
	if (c->n_staffel == 0)
		return ld_fail(ld, s->line, NULL, "the staffel has no step lines");
	if (c->staffel[c->n_staffel - 1].min_score != 0)
		return ld_fail(ld, s->line, "step",
				  "no step starts at 0, so low scores would have no malus "
				  "(add step = 0 MALUS)");
	for (size_t i = 1; i < c->n_staffel; i++)
		if (c->staffel[i].malus < c->staffel[i - 1].malus) {
			sk_dec_format_short(c->staffel[i].min_score, '.', a, sizeof(a));
			sk_dec_format_short(c->staffel[i - 1].min_score, '.', b, sizeof(b));
			return ld_fail(ld, s->line, "step",
					  "the step from %s gives less malus than the step from %s",
					  a, b);
		}
	return SK_OK;
}

/* Status lists that contradict each other. */
static enum sk_err check_rules(struct loader *ld)
{
	const struct sk_rules *r = &ld->c->rules;
	const struct ini_section *s = NULL;

	for (size_t i = 0; i < ld->n_sec; i++)
		if (strcmp(ld->sec[i].name, "rules") == 0)
			s = &ld->sec[i];
	/* A status cannot both stop the clock and end the ticket. */
	for (size_t i = 0; i < r->n_pause_statuses; i++) {
		if (in_list(r->resolved_statuses, r->n_resolved_statuses, r->pause_statuses[i]))
			return ld_fail(ld, key_line(ld, s->line, "resolved_statuses"),
					  "resolved_statuses", "'%s' is also a pause status",
					  r->pause_statuses[i]);
		if (in_list(r->closed_statuses, r->n_closed_statuses, r->pause_statuses[i]))
			return ld_fail(ld, key_line(ld, s->line, "closed_statuses"),
					  "closed_statuses", "'%s' is also a pause status",
					  r->pause_statuses[i]);
	}
	/* Work going on is neither a pause nor an end. */
	for (size_t i = 0; i < r->n_working_statuses; i++)
		if (in_list(r->pause_statuses, r->n_pause_statuses, r->working_statuses[i]) ||
		    in_list(r->resolved_statuses, r->n_resolved_statuses, r->working_statuses[i]) ||
		    in_list(r->closed_statuses, r->n_closed_statuses, r->working_statuses[i]))
			return ld_fail(ld, key_line(ld, s->line, "working_statuses"),
					  "working_statuses", "'%s' is also a pause, resolved or "
					  "closed status", r->working_statuses[i]);
	/* The ladder climbs: director level comes after management level (dap §11.4). */
	if (r->complaint_management.set && r->complaint_directors.set) {
		const struct sk_contract *c = ld->c;
		int cal = -1;

		/* On the calendar the report times complaints on: the first complaint KPI's. */
		for (size_t i = 0; i < c->n_domains && cal < 0; i++)
			for (size_t k = 0; k < c->domains[i].n_kpis && cal < 0; k++) {
				const struct sk_kpi *kp = &c->domains[i].kpis[k];

				if (kp->source_kind == SK_SRC_COMPLAINT && kp->within.set)
					cal = kp->source_calendar >= 0 ? kp->source_calendar
								       : c->default_calendar;
			}
		if (cal < 0)
			cal = c->default_calendar;
		if (sk_contract_seconds(c, cal, &r->complaint_directors) <=
		    sk_contract_seconds(c, cal, &r->complaint_management))
			return ld_fail(ld, key_line(ld, s->line, "complaint_directors"),
				       "complaint_directors", "must be longer than complaint_management");
	}
	return SK_OK;
}

/* In the order that later checks need: zone, calendars, priorities, matrix, ... */
static int by_interval_start(const void *a, const void *b)
{
	const struct sk_interval *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/*
 * A priority with an after-hours (consignatie) calendar: a ticket reported in
 * those hours has its response counted on both calendars together, so an hour
 * that runs out of the evening goes on at the next opening, not the next evening.
 */
static enum sk_err build_after_hours(struct loader *ld)
{
	struct sk_contract *c = ld->c;

	for (size_t i = 0; i < c->n_priorities; i++) {
		struct sk_priority *pr = &c->priorities[i];
		const struct sk_contract_calendar *base, *eve;
		char name[256];

		if (pr->after_hours_calendar < 0)
			continue;
		base = &c->calendars[pr->calendar];
		eve = &c->calendars[pr->after_hours_calendar];
		snprintf(name, sizeof(name), "%s+%s", base->name, eve->name);
		if (sk_calendar_new(name, c->tz, base->hol, &pr->after_hours_union) != SK_OK)
			return ld_nomem(ld);
		for (int w = 0; w < 7; w++) {
			struct sk_interval iv[2 * SK_MAX_INTERVALS];
			const struct sk_interval *a, *b;
			size_t na = sk_calendar_intervals(base->cal, w, &a);
			size_t nb = sk_calendar_intervals(eve->cal, w, &b);
			size_t n = 0, m = 0;

			memcpy(iv, a, na * sizeof(*iv));
			memcpy(iv + na, b, nb * sizeof(*iv));
			qsort(iv, na + nb, sizeof(*iv), by_interval_start);
			/* Merge what overlaps or touches (17:00 closes one, opens the other). */
			for (size_t k = 0; k < na + nb; k++) {
				if (m && iv[k].start <= iv[m - 1].end) {
					if (iv[k].end > iv[m - 1].end)
						iv[m - 1].end = iv[k].end;
				} else {
					iv[m++] = iv[k];
				}
			}
			if (m > SK_MAX_INTERVALS)
				return ld_fail(ld, pr->line, "after_hours_calendar",
						  "calendars '%s' and '%s' together have more than %d "
						  "working intervals on one day", base->name, eve->name,
						  SK_MAX_INTERVALS);
			for (n = 0; n < m; n++)
				if (sk_calendar_add_interval(pr->after_hours_union, w, iv[n].start, iv[n].end,
							     NULL) != SK_OK)
					return ld_fail(ld, pr->line, "after_hours_calendar",
							  "cannot combine calendars '%s' and '%s'",
							  base->name, eve->name);
		}
		sk_calendar_set_standard_day(pr->after_hours_union,
					     sk_calendar_standard_day(base->cal));
	}
	return SK_OK;
}

enum sk_err contract_check(struct loader *ld)
{
	enum sk_err rc;

	rc = check_contract(ld);
	if (rc == SK_OK)
		rc = build_calendars(ld);
	if (rc == SK_OK)
		rc = check_priorities(ld);
	if (rc == SK_OK)
		rc = build_after_hours(ld);
	if (rc == SK_OK)
		rc = read_matrix(ld);
	if (rc == SK_OK)
		rc = check_services(ld);
	if (rc == SK_OK)
		rc = attach_kpis(ld);
	if (rc == SK_OK)
		rc = check_domains(ld);
	if (rc == SK_OK)
		rc = check_staffel(ld);
	if (rc == SK_OK)
		rc = check_rules(ld);
	if (rc == SK_OK)
		rc = contract_check_suppliers(ld);
	if (rc == SK_OK)
		rc = contract_check_choices(ld);
	return rc;
}
