/*
 * Measured KPI values from the data: computed tickets, the phone log, the
 * outages, and measurements imported for the KPI. Each value is an exact
 * fraction with the counts behind it, so the report can show "43 of 50".
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine.h"
#include "score_priv.h"
#include "store/store.h"
#include "engine.h"

void score_window(const struct sk_kpi *k, const struct sk_period *p, const struct sk_tz *tz,
		  struct sk_period *out)
{
	static const int months[] = { 1, 3, 6, 12, 1 };
	int want = months[k->frequency];
	char label[32];

	/* A KPI measured over a longer time than the report uses its own window. */
	if (want <= p->months) {
		*out = *p;
		return;
	}
	if (want == 3)
		snprintf(label, sizeof(label), "%04d-Q%d", p->year, (p->first_month - 1) / 3 + 1);
	else if (want == 6)
		snprintf(label, sizeof(label), "%04d-H%d", p->year, p->first_month <= 6 ? 1 : 2);
	else
		snprintf(label, sizeof(label), "%04d", p->year);
	sk_period_parse(label, tz, out, NULL);
}

/* Results of window @w, computed once and kept in @cache. */
static enum sk_err cached_results(struct sk_db *db, struct sk_contract *c, const struct sk_period *w,
				  struct score_cache *cache, struct sk_results **out,
				  struct sk_diag *d)
{
	enum sk_err rc;

	for (size_t i = 0; i < cache->n; i++)
		if (strcmp(cache->r[i]->period.label, w->label) == 0) {
			*out = cache->r[i];
			return SK_OK;
		}
	if (cache->n == sizeof(cache->r) / sizeof(cache->r[0]))
		return SK_ERR_NOMEM;
	if ((rc = sk_results_compute(db, c, w, out, d)))
		return rc;
	cache->owned[cache->n] = 1;
	cache->r[cache->n++] = *out;
	return SK_OK;
}

/* " of incident, problem tickets" for a KPI that counts some types only; "" for all. */
static const char *types_of(const struct sk_kpi *k, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int t = 0; t < SK_TICKET_TYPES && k->source_types && n < size; t++)
		if (k->source_types & (1u << t))
			n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : " of ",
					      sk_ticket_type_name((enum sk_ticket_type)t));
	if (k->source_types && n < size)
		snprintf(buf + n, size - n, " tickets");
	return buf;
}

/* The verdict of @x a verdict-based KPI of @kind counts, and whether it counts in the period. */
static enum sk_clock_state kpi_verdict(enum sk_source kind, const struct sk_result *x, int *counts)
{
	switch (kind) {
	case SK_SRC_RESOLUTION:
		*counts = x->resolution_counts;
		return x->v.resolution.state;
	case SK_SRC_ONSITE:
		*counts = x->onsite_counts;
		return x->v.onsite.state;
	case SK_SRC_SWAP:
		*counts = x->swap_counts;
		return x->v.swap_state;
	default:
		*counts = x->response_counts;
		return x->v.response.state;
	}
}

/* The norm of priority @p for KPI @k: the priority's own for its visits or tickets, else the KPI's. */
static sk_dec part_norm(const struct sk_contract *c, const struct sk_kpi *k, size_t p)
{
	const struct sk_priority *pr = &c->priorities[p];

	if (k->source_kind == SK_SRC_ONSITE && pr->has_onsite_norm)
		return pr->onsite_norm;
	if (k->source_kind == SK_SRC_SWAP && pr->has_swap_norm)
		return pr->swap_norm;
	return pr->has_norm ? pr->norm : k->norm;
}

/*
 * Share of verdict clocks within target, per priority: response, resolution
 * or onsite visit (one computation: the verdicts of compute.c).
 */
static enum sk_err from_clocks(struct sk_db *db, struct sk_contract *c, const struct sk_kpi *k,
			       const struct sk_period *w, struct score_cache *cache,
			       struct sk_kpi_score *ks, struct sk_diag *d)
{
	struct sk_results *r;
	char types[96];
	long n[64] = { 0 }, in[64] = { 0 }, excluded = 0;
	enum sk_err rc = cached_results(db, c, w, cache, &r, d);
	static const char *const what[] = {
		[SK_SRC_RESPONSE] = "response clocks", [SK_SRC_RESOLUTION] = "resolution clocks",
		[SK_SRC_ONSITE] = "onsite visits", [SK_SRC_SWAP] = "device swaps",
	};

	if (rc)
		return rc;
	for (size_t i = 0; i < r->n; i++) {
		const struct sk_result *x = &r->r[i];
		int counts;
		enum sk_clock_state state = kpi_verdict(k->source_kind, x, &counts);

		if (!counts || (state != SK_CLOCK_MET && state != SK_CLOCK_BREACHED))
			continue;
		if (k->source_types && !(k->source_types & (1u << x->ticket.type)))
			continue;
		if (x->v.excluded) {
			excluded++;
			continue;
		}
		if (k->source_priority >= 0 && x->v.priority != k->source_priority)
			continue;
		if (x->v.priority < 64) {
			n[x->v.priority]++;
			/* both_clocks: a ticket is within when its response was not late either
			 * (a response not measured, or outside the agreement, cannot make it late). */
			in[x->v.priority] += state == SK_CLOCK_MET &&
					     !(k->both_clocks && x->v.response.state == SK_CLOCK_BREACHED);
		}
	}
	for (size_t p = 0; p < c->n_priorities && p < 64 && ks->n_parts < 16; p++) {
		struct sk_priority_part *pp;

		if (!n[p])
			continue;
		pp = &ks->parts[ks->n_parts++];
		pp->priority = (int)p;
		pp->n = n[p];
		pp->within = in[p];
		pp->norm = part_norm(c, k, p);
		/* Half-up, like every other figure. */
		pp->measured = (sk_dec)(((i128)in[p] * 200 * SK_DEC_ONE + n[p]) / (2 * (i128)n[p]));
		ks->n += n[p];
		ks->within += in[p];
	}
	if (k->both_clocks)
		snprintf(ks->detail, sizeof(ks->detail), "%ld of %ld tickets%s resolved within target "
			 "with their response not late%s", ks->within, ks->n,
			 types_of(k, types, sizeof(types)),
			 excluded ? " (tickets listed apart not counted)" : "");
	else
		snprintf(ks->detail, sizeof(ks->detail), "%ld of %ld %s%s within target%s", ks->within,
			 ks->n, what[k->source_kind], types_of(k, types, sizeof(types)),
			 excluded ? " (tickets listed apart not counted)" : "");
	return SK_OK;
}

/* Sums of the MTTP of tickets productive again in a window (those beside the results too). */
struct mttp_sum {
	const struct sk_kpi *k;
	const struct sk_period *w;
	i128 business;             /* seconds */
	long n;
};

static void mttp_add(struct mttp_sum *s, const struct sk_result *x)
{
	const struct sk_verdict *v = &x->v;
	sk_time back = x->ticket.reported_at + v->mttp_wall;

	/* As the report's MTTP: not listed apart, productive again in the window. */
	if (v->excluded || v->mttp_wall < 0 || v->mttp_business < 0 || back < s->w->start ||
	    back >= s->w->end)
		return;
	if (s->k->source_priority >= 0 && v->priority != s->k->source_priority)
		return;
	s->business += v->mttp_business;
	s->n++;
}

static enum sk_err mttp_other(void *arg, const struct sk_result *x)
{
	mttp_add(arg, x);
	return SK_OK;
}

/*
 * tickets:mttp: the mean business time from registration to productive again
 * of the tickets productive again in the window, whichever period their
 * verdict counts in (so the computation sees the tickets beside the results).
 */
static enum sk_err from_mttp(struct sk_db *db, struct sk_contract *c, const struct sk_kpi *k,
			     const struct sk_period *w, struct sk_kpi_score *ks, struct fraction *f,
			     struct sk_diag *d)
{
	struct mttp_sum s = { k, w, 0, 0 };
	struct results_others others = { mttp_other, &s };
	struct sk_results *r = NULL;
	enum sk_err rc;

	if ((rc = results_compute_with(db, c, w, &r, d, NULL, 0, &others)))
		return rc;
	for (size_t i = 0; i < r->n; i++)
		mttp_add(&s, &r->r[i]);
	sk_results_free(r);
	if (!s.n) {
		snprintf(ks->detail, sizeof(ks->detail), "no ticket productive again in %s",
			 w->label);
		return SK_OK;
	}
	ks->n = s.n;
	ks->origin = SK_ORIGIN_TICKETS;
	snprintf(ks->detail, sizeof(ks->detail), "mean business time to productive again over %ld "
		 "ticket%s productive again in %s", s.n, s.n == 1 ? " that was" : "s that were",
		 w->label);
	/* Hours to two decimals (36 s), half-up: the mean as the report prints it. */
	f->num = (s.business * 200 + (i128)s.n * 3600) / ((i128)s.n * 7200);
	f->den = 100;
	return SK_OK;
}

/* An imported measurement for window @label; 1 when found. */
static int measurement(struct sk_db *db, const struct sk_contract *c, const struct sk_kpi *k,
		       const char *label, sk_dec *value)
{
	char full[256];

	/* Stored as domain.kpi; a bare kpi id is accepted when it is unambiguous. */
	for (size_t i = 0; i < c->n_domains; i++)
		for (size_t j = 0; j < c->domains[i].n_kpis; j++)
			if (&c->domains[i].kpis[j] == k)
				snprintf(full, sizeof(full), "%s.%s", c->domains[i].id, k->id);
	return store_kpi_measurement(db, label, full, k->id, value);
}

/*
 * An imported measurement: the window's own, or the mean of its months'
 * ones. Leaves @ks untouched and returns 0 when there is none, -1 on a
 * database error.
 */
static int from_measurements(struct sk_db *db, struct sk_contract *c, const struct sk_kpi *k,
			     const struct sk_period *w, struct sk_kpi_score *ks, struct fraction *f)
{
	sk_dec v, sum = 0;
	int found = 0;

	if ((found = measurement(db, c, k, w->label, &v)) < 0)
		return -1;
	if (found) {
		ks->origin = SK_ORIGIN_MANUAL;
		f->num = v;
		f->den = SK_DEC_ONE;
		snprintf(ks->detail, sizeof(ks->detail), "measured for %s", w->label);
		return 1;
	}
	for (int i = 0; i < w->months && w->months > 1; i++) {
		struct sk_period m;

		sk_period_nth_month(w, i, c->tz, &m);
		int one = measurement(db, c, k, m.label, &v);

		if (one < 0)
			return -1;
		sum += one ? v : 0;
		found += one;
	}
	if (found) {
		ks->origin = SK_ORIGIN_MANUAL;
		f->num = sum;
		f->den = (i128)found * SK_DEC_ONE;
		snprintf(ks->detail, sizeof(ks->detail), "mean of %d monthly measurement%s in %s%s", found,
			 found == 1 ? "" : "s", w->label, found < w->months ? " (months missing)" : "");
		return 1;
	}
	return 0;
}

/* Availability of a service within its service window (score_availability()). */
static enum sk_err from_outages(struct sk_db *db, struct sk_contract *c, const struct sk_kpi *k,
				const struct sk_period *w, struct sk_kpi_score *ks, struct fraction *f,
				struct sk_diag *d)
{
	const struct sk_service *svc = &c->services[k->source_service];
	struct score_availability av;
	enum sk_err rc;

	if ((rc = score_availability(db, c, svc, w, &av, d)))
		return rc;
	if (av.state == SCORE_AVAIL_EMPTY) {
		snprintf(ks->detail, sizeof(ks->detail), "service window of %s is empty in %s", svc->id, w->label);
		return SK_OK;
	}
	if (av.state == SCORE_AVAIL_NO_DATA) {
		snprintf(ks->detail, sizeof(ks->detail),
			 "%s: no outage reported in %s, so no data (the contract does not say that "
			 "none reported means none occurred: no_outages_means)", svc->id, w->label);
		return SK_OK;
	}
	ks->origin = SK_ORIGIN_OUTAGES;
	f->num = (i128)(av.window - av.down) * 100;
	f->den = av.window;
	if (av.assumed)
		snprintf(ks->detail, sizeof(ks->detail),
			 "%s: no outage reported in %s, available by the contract "
			 "(no_outages_means = available)", svc->id, w->label);
	else
		snprintf(ks->detail, sizeof(ks->detail),
			 "%s: %lld of %lld service-window seconds down in %s (%ld outage%s counted; %ld "
			 "announced maintenance window%s left out)", svc->id, (long long)av.down,
			 (long long)av.window, w->label, av.outages, av.outages == 1 ? "" : "s",
			 av.excused, av.excused == 1 ? "" : "s");
	return SK_OK;
}

/* What a ticket-column KPI counts, for its detail line ("3 of 4 %s in 2027-Q1"). */
static const char *const ticket_words[] = {
	[SK_SRC_FCR] = "tickets resolved at first contact",
	[SK_SRC_CAB] = "non-standard changes CAB-approved",
	[SK_SRC_FAILED_CHANGE] = "changes failed",
	[SK_SRC_HANDOVER] = "hand-overs in time",
	[SK_SRC_RCA] = "RCAs delivered in time",
	[SK_SRC_STANDARD_CHANGE] = "standard changes in time",
	[SK_SRC_COMPLAINT] = "complaints resolved in time",
	[SK_SRC_PROVISIONING] = "accounts provisioned in time",
};

enum sk_err score_read_value(struct sk_db *db, struct sk_contract *c, const struct sk_kpi *k,
			     const struct sk_period *w, struct score_cache *cache,
			     struct sk_kpi_score *ks, struct fraction *f, struct sk_diag *d)
{
	const struct ticket_count *t;
	long n = 0, in = 0;
	enum sk_err rc = SK_OK;
	const char *what = NULL;
	int m;

	/* An imported measurement supplies a manual KPI and replaces a computed one. */
	if ((m = from_measurements(db, c, k, w, ks, f)) < 0)
		return sk_db_fail(db, "reading measurements", d);
	if (m) {
		if (k->source_kind != SK_SRC_MANUAL) {
			size_t l = strlen(ks->detail);

			snprintf(ks->detail + l, sizeof(ks->detail) - l, " (replaces the %s value)",
				 sk_source_name(k->source_kind));
		}
		return SK_OK;
	}
	switch (k->source_kind) {
	case SK_SRC_MANUAL:
		snprintf(ks->detail, sizeof(ks->detail), "no measurement for %s", w->label);
		return SK_OK;
	case SK_SRC_OUTAGES:
		return from_outages(db, c, k, w, ks, f, d);
	case SK_SRC_CALLS:
		rc = store_calls_count(db, w->start, w->end, k->within.seconds, &n, &in, d);
		what = "calls answered in time";
		break;
	case SK_SRC_ACTIONS: {
		long rows;

		if ((rc = store_count_actions_done(db, w->start, w->end, &n, &rows, d)))
			return rc;
		/* No deviations imported at all: no data, not zero actions. */
		if (!rows) {
			snprintf(ks->detail, sizeof(ks->detail), "no deviations imported (sla-import "
				 "--kind deviations) for %s", w->label);
			return SK_OK;
		}
		ks->origin = SK_ORIGIN_ACTIONS;
		ks->n = ks->within = n;
		snprintf(ks->detail, sizeof(ks->detail), "%ld improvement action%s done in %s", n,
			 n == 1 ? "" : "s", w->label);
		f->num = n;
		f->den = 1;
		return SK_OK;
	}
	case SK_SRC_SUPPLIER: {
		struct sk_results *r;

		if ((rc = cached_results(db, c, w, cache, &r, d)) == SK_OK)
			rc = suppliers_kpi(db, c, k->source_supplier, w, r, &n, &in, d);
		what = "hand-overs within the supplier's targets";
		break;
	}
	case SK_SRC_CADENCE: {
		struct sk_results *r;

		if ((rc = cached_results(db, c, w, cache, &r, d)) == SK_OK)
			rc = cadence_kpi(db, c, w, r, k->source_priority, &n, &in, d);
		what = "tickets whose status updates held their interval";
		break;
	}
	case SK_SRC_MTTP:
		return from_mttp(db, c, k, w, ks, f, d);
	case SK_SRC_RESPONSE:
	case SK_SRC_RESOLUTION:
	case SK_SRC_ONSITE:
	case SK_SRC_SWAP:
		if ((rc = from_clocks(db, c, k, w, cache, ks, d)))
			return rc;
		n = ks->n;
		in = ks->within;
		if (n)
			goto share;
		ks->n_parts = 0;
		snprintf(ks->detail, sizeof(ks->detail), "no %s decided in %s",
			 k->source_kind == SK_SRC_ONSITE ? "onsite visits"
			 : k->source_kind == SK_SRC_SWAP ? "device swaps" : "ticket clocks", w->label);
		return SK_OK;
	default:
		if (!score_counts_tickets(k->source_kind))
			break;
		if ((rc = score_count_tickets(db, c, cache->period, cache, d)))
			return rc;
		if ((t = score_ticket_count(cache, k))) {
			n = t->n;
			in = t->within;
		}
		what = ticket_words[k->source_kind];
		break;
	}
	if (rc)
		return rc;
	if (!n) {
		snprintf(ks->detail, sizeof(ks->detail), "no data for %s in %s", what ? what : "this KPI",
			 w->label);
		return SK_OK;
	}
	ks->n = n;
	ks->within = in;
	snprintf(ks->detail, sizeof(ks->detail), "%ld of %ld %s in %s", in, n, what, w->label);
share:
	ks->origin = k->source_kind == SK_SRC_CALLS ? SK_ORIGIN_CALLS : SK_ORIGIN_TICKETS;
	f->num = (i128)in * 100;
	f->den = n;
	return SK_OK;
}
