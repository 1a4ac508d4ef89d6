/*
 * Hand-overs to the customer's suppliers (slakit/suppliers.h): collected from
 * the imported hand-overs and the status history, each with the supplier's
 * own clocks on the supplier's calendar; how a ticket's business time was
 * spent between the desk, the customer and the suppliers; and the part of
 * --explain that shows them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine.h"
#include "slakit/datetime.h"

/* What collecting needs at hand while the store calls back. */
struct collect {
	struct sk_contract *c;
	struct arena *a;
	struct sk_handovers *out;
	size_t cap;
	const char **imported;     /* tickets with imported hand-overs, in read order */
	size_t n_imported, cap_imported;
	const char *ticket;        /* status walk: the ticket being read */
	int skip;                  /* 1: that ticket's hand-overs are imported */
	long open;                 /* index of its open hand-over, -1: none */
	int failed;
};

/* A new zeroed hand-over at the end of the list; NULL when out of memory. */
static struct sk_handover *push(struct collect *k)
{
	struct sk_handovers *o = k->out;

	void *grown = o->h;

	if (array_reserve(&grown, &k->cap, o->n + 1, sizeof(*o->h)) < 0)
		return NULL;
	o->h = grown;
	memset(&o->h[o->n], 0, sizeof(o->h[0]));
	o->h[o->n].priority = -1;
	return &o->h[o->n++];
}

/* The contract's name for a supplier the data names, or the name as recorded. */
static void name_supplier(struct collect *k, struct sk_handover *h, const char *name)
{
	h->supplier = sk_contract_find_supplier(k->c, name);
	h->supplier_name = h->supplier >= 0 ? k->c->suppliers[h->supplier].id
					    : arena_word(k->a, name ? name : "?", &k->failed);
}

static enum sk_err take_imported(void *arg, const struct store_handover *r)
{
	struct collect *k = arg;
	struct sk_handover *h = push(k);

	if (!h)
		return SK_ERR_NOMEM;
	h->ticket = arena_word(k->a, r->ticket, &k->failed);
	name_supplier(k, h, r->supplier);
	h->ref = arena_strdup(k->a, r->ref, &k->failed);
	h->priority = r->priority ? sk_contract_find_priority(k->c, r->priority) : -1;
	h->start = r->start;
	h->end = r->end;
	h->responded = r->responded;
	if (!k->n_imported || strcmp(k->imported[k->n_imported - 1], h->ticket) != 0) {
		void *grown = (void *)k->imported;

		if (array_reserve(&grown, &k->cap_imported, k->n_imported + 1,
				  sizeof(*k->imported)) < 0)
			return SK_ERR_NOMEM;
		k->imported = grown;
		k->imported[k->n_imported++] = h->ticket;
	}
	return k->failed ? SK_ERR_NOMEM : SK_OK;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * One status event: a run of statuses that mean the same supplier is one
 * hand-over, from its first status to the first status that does not.
 */
static enum sk_err take_status(void *arg, const struct store_status_row *r)
{
	struct collect *k = arg;
	int s = sk_contract_supplier_status(k->c, r->status);
	struct sk_handover *h, probe;

	if (!k->ticket || strcmp(k->ticket, r->ticket) != 0) {
		const char *key = r->ticket;

		k->ticket = arena_word(k->a, r->ticket, &k->failed);
		k->open = -1;
		k->skip = k->n_imported && bsearch(&key, k->imported, k->n_imported,
						   sizeof(*k->imported), by_string) != NULL;
	}
	if (k->failed)
		return SK_ERR_NOMEM;
	if (k->skip)
		return SK_OK;
	memset(&probe, 0, sizeof(probe));
	if (s != SK_SUPPLIER_NONE) {
		if (s >= 0) {
			probe.supplier = s;
			probe.supplier_name = k->c->suppliers[s].id;
		} else {
			name_supplier(k, &probe, r->supplier);
			if (k->failed)
				return SK_ERR_NOMEM;
		}
	}
	if (k->open >= 0) {
		h = &k->out->h[k->open];
		if (s != SK_SUPPLIER_NONE && h->supplier == probe.supplier &&
		    strcmp(h->supplier_name, probe.supplier_name) == 0)
			return SK_OK; /* still with the same supplier */
		h->end = r->at;
		k->open = -1;
	}
	if (s == SK_SUPPLIER_NONE)
		return SK_OK;
	if (!(h = push(k)))
		return SK_ERR_NOMEM;
	h->ticket = k->ticket;
	h->supplier = probe.supplier;
	h->supplier_name = probe.supplier_name;
	h->from_status = 1;
	h->priority = r->priority ? sk_contract_find_priority(k->c, r->priority) : -1;
	h->start = r->at;
	k->open = (long)(k->out->n - 1);
	return k->failed ? SK_ERR_NOMEM : SK_OK;
}

static int by_ticket_start(const void *a, const void *b)
{
	const struct sk_handover *x = a, *y = b;
	int c = strcmp(x->ticket, y->ticket);

	if (c)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->supplier_name, y->supplier_name);
}

/* 1 when the contract has a status word that means "with a supplier". */
static int has_supplier_statuses(const struct sk_contract *c)
{
	if (c->rules.n_supplier_statuses)
		return 1;
	for (size_t i = 0; i < c->n_suppliers; i++)
		if (c->suppliers[i].n_statuses)
			return 1;
	return 0;
}

/*
 * One supplier clock from @from to @stop (0: running), without pauses: the
 * rules of the desk's clocks (compute.h) on the supplier's calendar.
 */
static enum sk_err supplier_clock(struct sk_calendar *cal, int ci, sk_time from, sk_time stop,
				  int64_t target, int below, sk_time as_of, struct sk_clock *k)
{
	int64_t limit = below && target > 0 ? target - 1 : target;
	int running = !stop || stop > as_of;
	sk_time end = running ? as_of : stop, over;
	enum sk_err rc;

	memset(k, 0, sizeof(*k));
	k->calendar = ci;
	k->target = target;
	k->below = below && target > 0;
	if ((rc = sk_calendar_next_business(cal, from, &k->start)))
		return rc;
	k->stop = running ? 0 : stop;
	if (end < from)
		end = from;
	if ((rc = sk_calendar_between(cal, from, end, &k->elapsed)) ||
	    (rc = sk_calendar_add(cal, from, target, &k->deadline)))
		return rc;
	if (!running && k->elapsed <= limit) {
		k->state = SK_CLOCK_MET;
		k->counts_at = stop;
	} else if (!running || k->elapsed > limit) {
		k->state = SK_CLOCK_BREACHED;
		if ((rc = sk_calendar_add(cal, from, limit + 1, &over)))
			return rc;
		k->counts_at = over - 1;
	} else {
		k->state = SK_CLOCK_PENDING;
	}
	return SK_OK;
}

/* The result of ticket @id in @res, NULL when it is not in scope. */
static const struct sk_result *find_result(const struct sk_results *res, const char *id)
{
	size_t lo = 0, hi = res ? res->n : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(res->r[mid].ticket.id, id);

		if (!c)
			return &res->r[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The supplier's clocks of @h and its verdict, at @as_of. */
static enum sk_err judge(struct sk_contract *c, struct sk_handover *h, sk_time as_of)
{
	struct sk_clock *k[2] = { &h->response, &h->resolution };
	int ci = h->supplier >= 0 ? c->suppliers[h->supplier].calendar : c->default_calendar;
	struct sk_calendar *cal = c->calendars[ci].cal;
	sk_time end = h->end && h->end <= as_of ? h->end : as_of;
	enum sk_err rc;

	if ((rc = sk_calendar_between(cal, h->start, end > h->start ? end : h->start,
				      &h->business)))
		return rc;
	h->state = SK_CLOCK_NA;
	h->counts_at = h->end && h->end <= as_of ? h->end : 0;
	for (int res = 0; res < 2; res++) {
		int set, below;
		int64_t target = sk_contract_supplier_target(c, h->supplier, h->priority, res, &set,
							     &below);
		sk_time stop = res ? h->end : h->responded ? h->responded : h->end;

		k[res]->state = SK_CLOCK_NA;
		k[res]->calendar = ci;
		if (!set)
			continue;
		if ((rc = supplier_clock(cal, ci, h->start, stop, target, below, as_of, k[res])))
			return rc;
	}
	for (int i = 0; i < 2; i++)
		if (k[i]->state == SK_CLOCK_BREACHED &&
		    (h->state != SK_CLOCK_BREACHED || k[i]->counts_at < h->counts_at)) {
			h->state = SK_CLOCK_BREACHED;
			h->counts_at = k[i]->counts_at;
		}
	if (h->state == SK_CLOCK_BREACHED)
		return SK_OK;
	for (int i = 0; i < 2; i++)
		if (k[i]->state == SK_CLOCK_PENDING) {
			h->state = SK_CLOCK_PENDING;
			h->counts_at = 0;
			return SK_OK;
		}
	for (int i = 0; i < 2; i++)
		if (k[i]->state == SK_CLOCK_MET) {
			if (h->state != SK_CLOCK_MET || k[i]->counts_at > h->counts_at)
				h->counts_at = k[i]->counts_at;
			h->state = SK_CLOCK_MET;
		}
	return SK_OK;
}

enum sk_err suppliers_collect(struct sk_db *db, struct sk_contract *c, const char *id,
			      const struct sk_results *res, sk_time as_of, struct arena *a,
			      struct sk_handovers *out, struct sk_diag *d)
{
	struct collect k;
	enum sk_err rc;

	memset(out, 0, sizeof(*out));
	memset(&k, 0, sizeof(k));
	out->as_of = as_of;
	k.c = c;
	k.a = a;
	k.out = out;
	k.open = -1;
	if ((rc = store_handovers(db, id, take_imported, &k, d)))
		goto out;
	if (k.n_imported) /* qsort() takes no NULL array, even of none */
		qsort(k.imported, k.n_imported, sizeof(*k.imported), by_string);
	if (has_supplier_statuses(c) &&
	    (rc = store_supplier_statuses(db, id, take_status, &k, d)))
		goto out;
	if (out->n)
		qsort(out->h, out->n, sizeof(*out->h), by_ticket_start);
	for (size_t i = 0; i < out->n && rc == SK_OK; i++) {
		struct sk_handover *h = &out->h[i];
		const struct sk_result *r = find_result(res, h->ticket);

		/* The priority the desk's verdict applied, else the ticket's own. */
		if (r)
			h->priority = r->v.priority;
		if (h->start > as_of) {
			h->state = SK_CLOCK_NA;
			continue;
		}
		rc = judge(c, h, as_of);
	}
out:
	free(k.imported);
	if (rc)
		suppliers_release(out);
	return rc;
}

void suppliers_release(struct sk_handovers *h)
{
	if (!h)
		return;
	free(h->h);
	h->h = NULL;
	h->n = 0;
}

/* ---- how a ticket's time was spent ---- */

static int by_pause_start(const void *a, const void *b)
{
	const struct sk_pause *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/*
 * Business seconds of the union of @iv (@n intervals, sorted here, end 0 or
 * SK_PAUSE_OPEN: open) clipped to [@lo, @hi).
 */
static enum sk_err measure(struct sk_calendar *cal, struct sk_pause *iv, size_t n, sk_time lo,
			   sk_time hi, int64_t *out)
{
	sk_time cs = 0, ce = 0;
	int have = 0;
	enum sk_err rc;
	int64_t b;

	*out = 0;
	if (n)
		qsort(iv, n, sizeof(*iv), by_pause_start);
	for (size_t i = 0; i <= n; i++) {
		sk_time s = 0, e = 0;

		if (i < n) {
			s = iv[i].start < lo ? lo : iv[i].start;
			e = !iv[i].end || iv[i].end == SK_PAUSE_OPEN || iv[i].end > hi ? hi : iv[i].end;
			if (e <= s)
				continue;
			if (have && s <= ce) {
				if (e > ce)
					ce = e;
				continue;
			}
		}
		if (have) {
			if ((rc = sk_calendar_between(cal, cs, ce, &b)))
				return rc;
			*out += b;
		}
		cs = s;
		ce = e;
		have = i < n;
	}
	return SK_OK;
}

enum sk_err suppliers_split(struct sk_contract *c, const struct sk_result *r,
			    const struct sk_handover *h, size_t n, sk_time as_of,
			    struct sk_ticket_split *out)
{
	const struct sk_ticket *t = &r->ticket;
	const struct sk_verdict *v = &r->v;
	struct sk_calendar *cal = c->calendars[c->priorities[v->priority].calendar].cal;
	sk_time lo = t->reported_at, hi;
	struct sk_pause *iv = malloc((n + v->n_pauses + 1) * sizeof(*iv));
	int64_t both = 0;
	enum sk_err rc = SK_OK;
	size_t m;

	if (!iv)
		return SK_ERR_NOMEM;
	hi = v->resolution.state != SK_CLOCK_NA ? v->resolution.stop
	     : t->resolved_at ? t->resolved_at : t->closed_at;
	if (!hi || hi > as_of)
		hi = as_of;
	out->total = out->desk = out->customer = out->suppliers = 0;
	if (hi < lo)
		hi = lo;
	if ((rc = sk_calendar_between(cal, lo, hi, &out->total)))
		goto out;
	for (size_t s = 0; s <= c->n_suppliers; s++) {
		m = 0;
		for (size_t i = 0; i < n; i++)
			if (h[i].supplier == (s < c->n_suppliers ? (int)s : -1))
				iv[m++] = (struct sk_pause){ h[i].start, h[i].end };
		if ((rc = measure(cal, iv, m, lo, hi, &out->per_supplier[s])))
			goto out;
	}
	for (m = 0; m < n; m++)
		iv[m] = (struct sk_pause){ h[m].start, h[m].end };
	if ((rc = measure(cal, iv, m, lo, hi, &out->suppliers)))
		goto out;
	if (v->n_pauses)
		memcpy(iv + m, v->pauses, v->n_pauses * sizeof(*iv));
	if ((rc = measure(cal, iv, m + v->n_pauses, lo, hi, &both)))
		goto out;
	out->customer = both - out->suppliers;
	out->desk = out->total - both;
out:
	free(iv);
	return rc;
}

/* ---- --explain ---- */


static void explain_supplier_clock(FILE *fp, const struct sk_contract *c, const char *name,
				   const struct sk_clock *k, const char *stop_what)
{
	char b1[40], b2[40], b3[40];

	if (k->state == SK_CLOCK_NA) {
		fprintf(fp, "    %-10s no target for this priority\n", name);
		return;
	}
	fprintf(fp, "    %-10s target %s%s, deadline %s\n", name, k->below ? "below " : "",
		sk_seconds_format(k->target, b1, sizeof(b1)), explain_when(k->deadline, c->tz, b2, sizeof(b2)));
	fprintf(fp, "               %s %s, %s business: %s\n",
		k->stop ? "stopped" : "running at", k->stop ? explain_when(k->stop, c->tz, b3, sizeof(b3))
		: "the evaluation time", sk_seconds_format(k->elapsed, b1, sizeof(b1)),
		sk_clock_state_name(k->state));
	if (k->stop)
		fprintf(fp, "               (%s)\n", stop_what);
}

enum sk_err suppliers_explain(struct sk_db *db, struct sk_contract *c, const struct sk_ticket *t,
			      const struct sk_verdict *v, sk_time as_of, FILE *fp, struct sk_diag *d)
{
	struct arena *a = arena_new();
	struct sk_handovers all;
	struct sk_result res = { .ticket = *t, .v = *v }, *r = &res;
	struct sk_results one;
	struct sk_ticket_split sp;
	int64_t *per = NULL;
	char b1[40], b2[40];
	enum sk_err rc;

	if (!a)
		return SK_ERR_NOMEM;
	memset(&one, 0, sizeof(one));
	one.r = r;
	one.n = 1;
	if ((rc = suppliers_collect(db, c, r->ticket.id, &one, as_of, a, &all, d)))
		goto out;
	if (!all.n && !c->n_suppliers)
		goto out; /* a contract without suppliers says nothing of them */
	fputs("\nhand-overs to suppliers\n", fp);
	if (!all.n)
		fputs("  (none)\n", fp);
	for (size_t i = 0; i < all.n; i++) {
		const struct sk_handover *h = &all.h[i];
		int ci = h->resolution.calendar;

		fprintf(fp, "  %s%s%s%s, %s%s%s\n", h->supplier_name,
			h->supplier >= 0 ? " (" : " (not a supplier of the contract",
			h->supplier >= 0 ? c->suppliers[h->supplier].name : "", ")",
			h->from_status ? "from status history" : "imported",
			h->ref ? ", reference " : "", h->ref ? h->ref : "");
		fprintf(fp, "    %s .. %s on calendar %s\n", explain_when(h->start, c->tz, b1, sizeof(b1)),
			h->end ? explain_when(h->end, c->tz, b2, sizeof(b2)) : "(still with the supplier)",
			c->calendars[ci].name);
		fprintf(fp, "    with the supplier %s business\n",
			sk_seconds_format(h->business, b1, sizeof(b1)));
		explain_supplier_clock(fp, c, "response", &h->response,
				       h->responded ? "the supplier's response"
				       : "no response recorded: the end of the hand-over");
		explain_supplier_clock(fp, c, "resolution", &h->resolution, "the end of the hand-over");
		fprintf(fp, "    verdict: %s\n", sk_clock_state_name(h->state));
	}
	if (!(per = calloc(c->n_suppliers + 1, sizeof(*per)))) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	sp.per_supplier = per;
	if ((rc = suppliers_split(c, r, all.h, all.n, as_of, &sp)))
		goto out;
	fprintf(fp, "time spent (business time of calendar %s, registration to resolution)\n",
		c->calendars[c->priorities[r->v.priority].calendar].name);
	fprintf(fp, "  with the desk      %s\n", sk_seconds_format(sp.desk, b1, sizeof(b1)));
	fprintf(fp, "  with the customer  %s\n", sk_seconds_format(sp.customer, b1, sizeof(b1)));
	fprintf(fp, "  with suppliers     %s\n", sk_seconds_format(sp.suppliers, b1, sizeof(b1)));
	for (size_t s = 0; s <= c->n_suppliers; s++)
		if (per[s])
			fprintf(fp, "    %-16s %s\n", s < c->n_suppliers ? c->suppliers[s].id
				: "(others)", sk_seconds_format(per[s], b1, sizeof(b1)));
	if (c->rules.supplier_pauses)
		fputs("  (supplier_pauses = yes: the desk's clock stood still meanwhile)\n", fp);
out:
	free(per);
	suppliers_release(&all);
	arena_free(a);
	return rc;
}

enum sk_err suppliers_add_pauses(struct sk_db *db, const struct sk_contract *c, const char *id,
				 struct sk_pause **ps, size_t *n, struct sk_diag *d)
{
	return c->rules.supplier_pauses ? store_handover_pauses(db, id, ps, n, d) : SK_OK;
}

enum sk_err suppliers_kpi(struct sk_db *db, struct sk_contract *c, int supplier,
			  const struct sk_period *w, const struct sk_results *res, long *n, long *in,
			  struct sk_diag *d)
{
	struct arena *a = arena_new();
	struct sk_handovers all;
	enum sk_err rc;

	*n = *in = 0;
	if (!a)
		return SK_ERR_NOMEM;
	/* Judged where the verdicts are: at the window's end, or where the data ends. */
	if ((rc = suppliers_collect(db, c, NULL, res, res && res->as_of ? res->as_of : w->end, a,
				    &all, d)))
		goto out;
	for (size_t i = 0; i < all.n; i++) {
		const struct sk_handover *h = &all.h[i];

		if (h->supplier != supplier || !sk_period_contains(w, h->counts_at) ||
		    (h->state != SK_CLOCK_MET && h->state != SK_CLOCK_BREACHED))
			continue;
		(*n)++;
		*in += h->state == SK_CLOCK_MET;
	}
out:
	suppliers_release(&all);
	arena_free(a);
	return rc;
}
