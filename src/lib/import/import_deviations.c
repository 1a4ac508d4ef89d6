/*
 * Deviations from the norms, explained, and the improvement actions taken
 * for them (halt-pve §10.1.3: "verklaard en voorzien van concrete
 * verbeteracties met eigenaar en datum"; DHS §9; cloudwise-dap §11.6). One
 * row per action, or one that only explains. What a row refers to is
 * checked against the contract here, so a typo is refused with its line
 * instead of leaving a deviation unexplained in the report.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import_priv.h"

static const char refers_help[] =
	"kpi:DOMAIN.KPI, domain:ID, priority:ID, priority:ID:response, priority:ID:resolution, "
	"service:ID or ticket:ID";

/* @s starts with @prefix (any case): what follows it, else NULL. */
static const char *after(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncasecmp(s, prefix, n) == 0 ? s + n : NULL;
}

/* What the row refers to, checked against the contract, into @out with the contract's ids. */
static enum sk_err refers_to(struct imp *x, char *out, size_t size)
{
	const struct sk_contract *c = x->c;
	const char *raw = imp_text(x, F_REFERS_TO), *s, *rest;
	char id[200];
	int i;

	while (*raw == ' ')
		raw++;
	if ((s = after(raw, "kpi:"))) {
		char kpi[300];
		enum sk_err rc = import_find_kpi(x, F_REFERS_TO, s, kpi, sizeof(kpi));

		if (rc)
			return rc;
		snprintf(out, size, "kpi:%s", kpi);
		return SK_OK;
	}
	if ((s = after(raw, "domain:"))) {
		for (size_t k = 0; k < c->n_domains; k++)
			if (word_eq(s, c->domains[k].id)) {
				snprintf(out, size, "domain:%s", c->domains[k].id);
				return SK_OK;
			}
		return imp_bad(x, F_REFERS_TO, "unknown domain '%s' (not in the contract)", s);
	}
	if ((s = after(raw, "service:"))) {
		if ((i = sk_contract_find_service(c, s)) < 0)
			return imp_bad(x, F_REFERS_TO, "unknown service '%s' (not in the contract)", s);
		snprintf(out, size, "service:%s", c->services[i].id);
		return SK_OK;
	}
	if ((s = after(raw, "priority:"))) {
		const char *clock = "";

		rest = strchr(s, ':');
		snprintf(id, sizeof(id), "%.*s", rest ? (int)(rest - s) : (int)strlen(s), s);
		if ((i = sk_contract_find_priority(c, id)) < 0)
			return imp_bad(x, F_REFERS_TO, "unknown priority '%s' (not in the contract)",
				       id);
		if (rest && word_eq(rest + 1, "response"))
			clock = ":response";
		else if (rest && word_eq(rest + 1, "resolution"))
			clock = ":resolution";
		else if (rest)
			return imp_bad(x, F_REFERS_TO, "'%s': after the priority comes response or "
				       "resolution, not '%s'", raw, rest + 1);
		snprintf(out, size, "priority:%s%s", c->priorities[i].id, clock);
		return SK_OK;
	}
	if ((s = after(raw, "ticket:"))) {
		size_t n = strlen(s);

		while (n && s[n - 1] == ' ')
			n--;
		if (!n)
			return imp_bad(x, F_REFERS_TO, "'%s' names no ticket", raw);
		snprintf(out, size, "ticket:%.*s", (int)n, s);
		return SK_OK;
	}
	return imp_bad(x, F_REFERS_TO, "cannot read '%s' as what the row refers to (%s)", raw,
		       refers_help);
}

/* A date: the start of its day in the contract's zone (a time of day is dropped). */
static enum sk_err day_of(struct imp *x, enum import_fid fi, sk_time *out, int *present)
{
	struct sk_civil cv;
	enum sk_err rc = imp_time(x, fi, out, present);

	if (rc || !*present)
		return rc;
	sk_tz_to_civil(x->c->tz, *out, &cv);
	cv.hour = cv.min = cv.sec = 0;
	*out = sk_tz_from_civil(x->c->tz, &cv, NULL);
	return SK_OK;
}

static const char *const open_words[] = { "open", "lopend", "in uitvoering", "in progress",
					  "todo", NULL };
static const char *const done_words[] = { "done", "gereed", "afgerond", "uitgevoerd",
					  "gerealiseerd", "klaar", "closed", NULL };

/* The action's status: 1 done, 0 open, -1 none given; SK_ERR_DATA for another word. */
static enum sk_err status_of(struct imp *x, int *out)
{
	const char *s = imp_text(x, F_STATUS);

	*out = -1;
	if (!s)
		return SK_OK;
	for (int i = 0; open_words[i]; i++)
		if (word_eq(s, open_words[i])) {
			*out = 0;
			return SK_OK;
		}
	for (int i = 0; done_words[i]; i++)
		if (word_eq(s, done_words[i])) {
			*out = 1;
			return SK_OK;
		}
	return imp_bad(x, F_STATUS, "unknown status '%s' (expected open or done)", s);
}

static enum sk_err deviation_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	char *period = x->text[0], *refers = x->text[1];
	const char *expl, *action, *owner;
	sk_time due, done;
	int has_due, has_done, status;
	enum sk_err rc;

	for (int f = 0; f < F_COUNT; f++)
		if ((import_fields[f].required & KB(x->kind)) && (rc = imp_require(x, f)))
			return rc;
	if (!import_read_period(imp_raw(x, F_PERIOD), period, sizeof(x->text[0])))
		return imp_bad(x, F_PERIOD, "cannot read '%s' as a period (2027-01, 2027-Q1, "
			       "2027-H1, 2027)", imp_raw(x, F_PERIOD));
	if ((rc = refers_to(x, refers, sizeof(x->text[1]))) ||
	    (rc = day_of(x, F_DUE, &due, &has_due)) || (rc = day_of(x, F_DONE, &done, &has_done)) ||
	    (rc = status_of(x, &status)))
		return rc;
	expl = imp_text(x, F_EXPLANATION);
	action = imp_text(x, F_ACTION);
	owner = imp_text(x, F_OWNER);
	if (!expl && !action)
		return imp_bad(x, F_EXPLANATION, "the row gives neither an explanation nor an "
			       "action");
	/* Owner, date and status are an action's: an explanation alone has none. */
	if (!action) {
		enum import_fid f = owner ? F_OWNER : has_due ? F_DUE : status >= 0 ? F_STATUS
					: has_done ? F_DONE : F_COUNT;

		if (f != F_COUNT)
			return imp_bad(x, f, "'%s' belongs to an action, and the row has none",
				       import_fields[f].name);
	}
	/* Done is a date: a status "done" without it cannot say in which period. */
	if (status == 1 && !has_done)
		return imp_bad(x, F_DONE, "status done needs the date it was done");
	if (status == 0 && has_done)
		return imp_bad(x, F_STATUS, "status open, but done on %s",
			       imp_raw(x, F_DONE));
	set_text(&v[DC_PERIOD], period);
	set_text(&v[DC_REFERS_TO], refers);
	set_text(&v[DC_ACTION], action ? action : "");
	set_text(&v[DC_EXPLANATION], expl);
	set_text(&v[DC_OWNER], owner);
	set_int(&v[DC_DUE], due, has_due);
	set_text(&v[DC_STATUS], has_done ? "done" : "open");
	set_int(&v[DC_DONE], done, has_done);
	r->nv = DC_COUNT;
	snprintf(x->key, sizeof(x->key), "%s\x1f%s\x1f%s", period, refers, action ? action : "");
	snprintf(x->shown, sizeof(x->shown), "%s for %s%s%.200s%s", refers, period,
		 action ? " (action '" : "", action ? action : "", action ? "')" : "");
	r->key = x->key;
	r->shown = x->shown;
	return SK_OK;
}

static enum sk_err deviation_store(struct imp *x, const struct import_row *r, int tried,
				   struct sk_diag *d)
{
	return import_put(x, STORE_DEVIATIONS, r->v, r->key, r->shown, tried, &x->res->inserted,
			  &x->res->updated, &x->res->unchanged, d);
}

const struct kind_ops kind_deviations = {
	deviation_check, deviation_store, NULL, F_REFERS_TO, "deviation", STORE_DEVIATIONS
};
