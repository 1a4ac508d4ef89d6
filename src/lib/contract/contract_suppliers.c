/*
 * The customer's other suppliers under a Single Point of Contact service
 * ([supplier.ID]): their targets per priority, resolved once the priorities
 * are known, their calendars, the status words that mean "with a supplier",
 * and what a loaded contract answers about them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "contract_priv.h"

enum sk_err contract_supplier_target_key(struct loader *ld, size_t supplier,
					 const struct ini_entry *e, int resolution)
{
	struct sup_target *t;
	enum sk_err rc;

	if (!ld_grow((void **)&ld->sup_targets, &ld->cap_sup_targets, ld->n_sup_targets,
		     sizeof(*ld->sup_targets)))
		return ld_nomem(ld);
	t = &ld->sup_targets[ld->n_sup_targets];
	memset(t, 0, sizeof(*t));
	if ((rc = ld_read_target(ld, e, &t->d)))
		return rc;
	t->supplier = supplier;
	t->resolution = resolution;
	t->line = e->line;
	t->key = e->key;
	if (!(t->priority = ld_strdup(strchr(e->key, '.') + 1)))
		return ld_nomem(ld);
	ld->n_sup_targets++;
	return SK_OK;
}

/* 1 when @s is in @list (any case). */
static int listed(char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i], s) == 0)
			return 1;
	return 0;
}

/* A word that means "with a supplier" cannot also mean the ticket is done. */
static enum sk_err check_status_word(struct loader *ld, long line, const char *key,
				     const char *w)
{
	const struct sk_rules *r = &ld->c->rules;

	if (listed(r->resolved_statuses, r->n_resolved_statuses, w) ||
	    listed(r->closed_statuses, r->n_closed_statuses, w))
		return ld_fail(ld, line, key, "'%s' is also a resolved or closed status", w);
	return SK_OK;
}

/* The line of @key in the section at @sec_line, else @sec_line. */
static long line_of(const struct loader *ld, long sec_line, const char *key)
{
	const struct ini_entry *e = ld_entry(ld_section_at(ld, sec_line), key);

	return e ? e->line : sec_line;
}

/* Its calendar: its own hours, the one it names, or the contract's default. */
static enum sk_err supplier_calendar(struct loader *ld, struct sk_supplier *su)
{
	const struct ini_entry *e = ld_entry(ld_section_at(ld, su->line), "calendar");

	if (e && su->calendar >= 0)
		return ld_fail(ld, e->line, e->key,
			       "supplier '%s' has hours of its own in its section: name a "
			       "calendar or give hours, not both", su->id);
	if (su->calendar >= 0)
		return SK_OK;
	if (!e) {
		su->calendar = ld->c->default_calendar;
		return SK_OK;
	}
	su->calendar = sk_contract_find_calendar(ld->c, e->value);
	if (su->calendar < 0)
		return ld_fail(ld, e->line, e->key, "no calendar '%s' (define [calendar.%s])",
			       e->value, e->value);
	return SK_OK;
}

enum sk_err contract_check_suppliers(struct loader *ld)
{
	struct sk_contract *c = ld->c;
	const struct sk_rules *r = &c->rules;
	long rl = 0;
	enum sk_err rc;

	for (size_t i = 0; i < ld->n_sec; i++)
		if (strcmp(ld->sec[i].name, "rules") == 0)
			rl = line_of(ld, ld->sec[i].line, "supplier_statuses");
	for (size_t i = 0; i < r->n_supplier_statuses; i++)
		if ((rc = check_status_word(ld, rl, "supplier_statuses", r->supplier_statuses[i])))
			return rc;
	for (size_t i = 0; i < c->n_suppliers; i++) {
		struct sk_supplier *su = &c->suppliers[i];
		long sl = line_of(ld, su->line, "statuses");

		if (!su->name && !(su->name = ld_strdup(su->id)))
			return ld_nomem(ld);
		if ((rc = supplier_calendar(ld, su)))
			return rc;
		if (c->n_priorities &&
		    (!(su->response_by = calloc(c->n_priorities, sizeof(*su->response_by))) ||
		     !(su->resolution_by = calloc(c->n_priorities, sizeof(*su->resolution_by)))))
			return ld_nomem(ld);
		for (size_t p = 0; p < c->n_priorities; p++) {
			su->response_by[p] = su->response;
			su->resolution_by[p] = su->resolution;
		}
		for (size_t j = 0; j < su->n_statuses; j++) {
			const char *w = su->statuses[j];

			if ((rc = check_status_word(ld, sl, "statuses", w)))
				return rc;
			if (listed(r->supplier_statuses, r->n_supplier_statuses, w))
				return ld_fail(ld, sl, "statuses", "'%s' is also one of [rules] "
					       "supplier_statuses, which name no supplier", w);
			for (size_t k = 0; k < i; k++)
				if (listed(c->suppliers[k].statuses, c->suppliers[k].n_statuses, w))
					return ld_fail(ld, sl, "statuses", "'%s' already means "
						       "supplier '%s'", w, c->suppliers[k].id);
		}
	}
	/* Per-priority targets override the supplier's plain ones, in any order. */
	for (size_t i = 0; i < ld->n_sup_targets; i++) {
		const struct sup_target *t = &ld->sup_targets[i];
		struct sk_supplier *su = &c->suppliers[t->supplier];
		int p = sk_contract_find_priority(c, t->priority);

		if (p < 0)
			return ld_fail(ld, t->line, t->key, "no priority '%s' (define "
				       "[priority.%s])", t->priority, t->priority);
		(t->resolution ? su->resolution_by : su->response_by)[p] = t->d;
	}
	return SK_OK;
}

void contract_free_suppliers(struct sk_contract *c)
{
	for (size_t i = 0; i < c->n_suppliers; i++) {
		struct sk_supplier *su = &c->suppliers[i];

		free(su->id);
		free(su->name);
		free(su->products);
		free(su->contact);
		free(su->mandate_technical);
		free(su->mandate_privacy);
		free(su->mandate_financial);
		for (size_t j = 0; j < su->n_statuses; j++)
			free(su->statuses[j]);
		free(su->statuses);
		free(su->response_by);
		free(su->resolution_by);
	}
	free(c->suppliers);
	for (size_t i = 0; i < c->rules.n_supplier_statuses; i++)
		free(c->rules.supplier_statuses[i]);
	free(c->rules.supplier_statuses);
}

int sk_contract_find_supplier(const struct sk_contract *c, const char *word)
{
	if (!c || !word)
		return -1;
	for (size_t i = 0; i < c->n_suppliers; i++)
		if (strcasecmp(c->suppliers[i].id, word) == 0)
			return (int)i;
	for (size_t i = 0; i < c->n_suppliers; i++)
		if (c->suppliers[i].name && strcasecmp(c->suppliers[i].name, word) == 0)
			return (int)i;
	return -1;
}

int sk_contract_supplier_status(const struct sk_contract *c, const char *status)
{
	char buf[256];
	size_t n;
	char *s;

	if (!c || !status || (n = strlen(status)) >= sizeof(buf))
		return SK_SUPPLIER_NONE;
	memcpy(buf, status, n + 1);
	s = ld_trim(buf);
	for (size_t i = 0; i < c->n_suppliers; i++)
		if (listed(c->suppliers[i].statuses, c->suppliers[i].n_statuses, s))
			return (int)i;
	if (listed(c->rules.supplier_statuses, c->rules.n_supplier_statuses, s))
		return SK_SUPPLIER_ANY;
	return SK_SUPPLIER_NONE;
}

int64_t sk_contract_supplier_target(const struct sk_contract *c, int s, int p, int resolution,
				    int *set, int *below)
{
	const struct sk_supplier *su;
	const struct sk_duration *dur;

	if (set)
		*set = 0;
	if (below)
		*below = 0;
	if (!c || s < 0 || (size_t)s >= c->n_suppliers || p < 0 || (size_t)p >= c->n_priorities)
		return 0;
	su = &c->suppliers[s];
	dur = resolution ? &su->resolution_by[p] : &su->response_by[p];
	if (!dur->set)
		return 0;
	if (set)
		*set = 1;
	if (below)
		*below = dur->below;
	return sk_contract_seconds(c, su->calendar, dur);
}
