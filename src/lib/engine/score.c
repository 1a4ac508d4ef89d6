/*
 * The money part: % of norm per KPI, weighted domain scores, the staffel
 * and the malus in cents. Exact decimal arithmetic throughout: every
 * rounding is half-up on the true value, as an auditor with a calculator
 * does it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "score_priv.h"
#include "store/store.h"

const char *sk_value_origin_name(enum sk_value_origin o)
{
	switch (o) {
	case SK_ORIGIN_TICKETS: return "tickets";
	case SK_ORIGIN_CALLS: return "calls";
	case SK_ORIGIN_OUTAGES: return "outages";
	case SK_ORIGIN_MANUAL: return "kpi measurement";
	case SK_ORIGIN_GIVEN: return "given";
	case SK_ORIGIN_ACTIONS: return "actions";
	case SK_ORIGIN_MISSING: break;
	}
	return "missing";
}

static i128 pow10i(int n)
{
	i128 v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

/* n / d rounded half-up (away from zero); d > 0. */
static i128 div_half_up(i128 n, i128 d)
{
	i128 q = n / d, r = n % d;

	if (r < 0)
		r = -r;
	if (2 * r >= d)
		q += n < 0 ? -1 : 1;
	return q;
}

enum sk_err score_pct(const struct fraction *f, sk_dec norm, enum sk_direction dir, int decimals,
		      sk_dec *out)
{
	i128 scale = pow10i(decimals), v;

	if (decimals < 0 || decimals > 6 || f->den <= 0)
		return SK_ERR_RANGE;
	if (dir == SK_HIGHER_IS_BETTER) {
		/* (num/den) / (norm/1e6) * 100, at `decimals` places */
		if (norm <= 0)
			return SK_ERR_RANGE;
		v = div_half_up(f->num * SK_DEC_ONE * 100 * scale, f->den * (i128)norm);
	} else {
		/* (norm/1e6) / (num/den) * 100; nothing measured is the best there is */
		if (f->num == 0) {
			*out = SK_DEC(100);
			return SK_OK;
		}
		v = div_half_up((i128)norm * f->den * 100 * scale, f->num * SK_DEC_ONE);
	}
	*out = (sk_dec)(v * pow10i(6 - decimals));
	return SK_OK;
}

enum sk_err sk_pct_of_norm(sk_dec measured, sk_dec norm, enum sk_direction dir, int decimals,
			   sk_dec *out)
{
	struct fraction f = { measured, SK_DEC_ONE };

	return score_pct(&f, norm, dir, decimals, out);
}

/*
 * % of norm of KPI @k's value @f against @norm by its `score` formula: as
 * score_pct() by direction, or for `success` the share that succeeded,
 * (100 - measured) / (100 - norm), as higher is better.
 */
static enum sk_err kpi_pct(const struct sk_kpi *k, const struct fraction *f, sk_dec norm,
			   int decimals, sk_dec *out)
{
	struct fraction ok;

	if (k->score != SK_SCORE_SUCCESS)
		return score_pct(f, norm, k->direction, decimals, out);
	ok.num = f->den * 100 - f->num;
	ok.den = f->den;
	if (ok.num < 0)
		ok.num = 0; /* more than 100 % failed cannot be: none succeeded */
	return score_pct(&ok, SK_DEC(100) - norm, SK_HIGHER_IS_BETTER, decimals, out);
}

enum sk_err sk_kpi_pct_of_norm(const struct sk_kpi *k, sk_dec measured, sk_dec norm, int decimals,
			       sk_dec *out)
{
	struct fraction f = { measured, SK_DEC_ONE };

	return kpi_pct(k, &f, norm, decimals, out);
}

int sk_kpi_norms_per_priority(const struct sk_kpi_score *ks)
{
	for (size_t q = 0; q < ks->n_parts; q++)
		if (ks->parts[q].norm != ks->norm_used)
			return 1;
	return 0;
}

int sk_kpi_part_met(const struct sk_kpi_score *ks, size_t q)
{
	const struct sk_priority_part *pp = &ks->parts[q];
	int lower = ks->kpi->direction == SK_LOWER_IS_BETTER;
	/* within / n against norm / 100, exactly: within * 100 vs norm * n. */
	i128 got = (i128)pp->within * 100 * SK_DEC_ONE, want = (i128)pp->norm * pp->n;

	if (!pp->n)
		return -1;
	return lower ? got <= want : got >= want;
}

int sk_kpi_met(const struct sk_kpi_score *ks)
{
	const struct sk_kpi *k = ks->kpi;
	int lower = k->direction == SK_LOWER_IS_BETTER;

	if (!ks->has_value || !k->has_norm)
		return -1;
	if (!sk_kpi_norms_per_priority(ks))
		return lower ? ks->measured <= ks->norm_used : ks->measured >= ks->norm_used;
	for (size_t q = 0; q < ks->n_parts; q++)
		if (sk_kpi_part_met(ks, q) == 0)
			return 0;
	return 1;
}

int sk_staffel_step(const struct sk_contract *c, sk_dec score)
{
	/* Steps are sorted by threshold, highest first: the first one reached applies. */
	for (size_t i = 0; i < c->n_staffel; i++)
		if (score >= c->staffel[i].min_score)
			return (int)i;
	return c->n_staffel ? (int)c->n_staffel - 1 : -1;
}

void sk_score_free(struct sk_score *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_domains; i++)
		free(s->domains[i].kpis);
	free(s->domains);
	free(s);
}

/* The value given for KPI @k of domain @dom, if any: "kpi" or "domain.kpi". */
static const struct sk_given *find_given(const struct sk_score_input *in, const struct sk_domain *dom,
					 const struct sk_kpi *k)
{
	size_t dl = strlen(dom->id);

	for (size_t i = 0; i < in->n_given; i++) {
		const char *id = in->given[i].id;

		if (strcasecmp(id, k->id) == 0 ||
		    (strncasecmp(id, dom->id, dl) == 0 && id[dl] == '.' && strcasecmp(id + dl + 1, k->id) == 0))
			return &in->given[i];
	}
	return NULL;
}

/* Every --kpi and --domain id must name something: a typo must not pass silently. */
static enum sk_err check_ids(const struct sk_contract *c, const struct sk_score_input *in,
			     struct sk_diag *d)
{
	for (size_t i = 0; i < in->n_domains; i++)
		if (!sk_contract_find_domain(c, in->domains[i]))
			return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL, "contract %s has no domain '%s'",
					   c->path, in->domains[i]);
	for (size_t i = 0; i < in->n_given; i++) {
		int found = 0;

		for (size_t j = 0; j < c->n_domains && !found; j++)
			for (size_t k = 0; k < c->domains[j].n_kpis && !found; k++)
				found = find_given(&(struct sk_score_input){ .given = &in->given[i], .n_given = 1 },
						   &c->domains[j], &c->domains[j].kpis[k]) != NULL;
		if (!found)
			return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL, "contract %s has no KPI '%s'",
					   c->path, in->given[i].id);
	}
	return SK_OK;
}

static int selected(const struct sk_score_input *in, const struct sk_domain *dom)
{
	if (!in->n_domains)
		return 1;
	for (size_t i = 0; i < in->n_domains; i++)
		if (strcasecmp(in->domains[i], dom->id) == 0)
			return 1;
	return 0;
}

/* Figures of one KPI: its value, and its % of norm when it has one. */
static enum sk_err score_kpi(struct sk_contract *c, const struct sk_domain *dom, const struct sk_kpi *k,
			     const struct sk_period *p, const struct sk_score_input *in,
			     struct score_cache *cache, struct sk_kpi_score *ks, struct sk_diag *d)
{
	const struct sk_given *g = find_given(in, dom, k);
	struct sk_period w;
	struct fraction f = { 0, 1 };
	enum sk_err rc;

	memset(ks, 0, sizeof(*ks));
	ks->kpi = k;
	ks->weight = k->has_weight ? k->weight : 0;
	score_window(k, p, c->tz, &w);
	snprintf(ks->window, sizeof(ks->window), "%s", w.label);
	ks->window_months = w.months;
	ks->norm_used = k->norm;
	if (k->has_norm && k->pro_rata && k->norm_months != w.months) {
		ks->pro_rata = 1; /* norm x months measured / months the norm is written for */
		ks->norm_used = (sk_dec)div_half_up((i128)k->norm * w.months, k->norm_months);
	}
	if (g) {
		ks->origin = SK_ORIGIN_GIVEN;
		f.num = g->value;
		f.den = SK_DEC_ONE;
		snprintf(ks->detail, sizeof(ks->detail), "given on the command line");
	} else if (in->db) {
		if ((rc = score_read_value(in->db, c, k, &w, cache, ks, &f, d)))
			return rc;
	} else {
		snprintf(ks->detail, sizeof(ks->detail), "no database and no --kpi value");
	}
	if (ks->origin == SK_ORIGIN_MISSING)
		return SK_OK;
	ks->has_value = 1;
	ks->measured = (sk_dec)div_half_up(f.num * SK_DEC_ONE, f.den);
	if (!k->has_norm)
		return SK_OK;
	if (ks->pro_rata) {
		/* The % comes from the exact fraction: value x norm months / window months
		 * against the norm as written, so no rounded norm_used enters it. */
		f.num *= k->norm_months;
		f.den *= w.months;
	}
	if (ks->n_parts) {
		/* Ticket KPIs with per-priority norms: combine per contract rule. */
		i128 sum = 0, n = 0;
		sk_dec worst = SK_DEC(1000000);

		for (size_t i = 0; i < ks->n_parts; i++) {
			struct sk_priority_part *pp = &ks->parts[i];
			struct fraction pf = { (i128)pp->within * 100, pp->n };

			if ((rc = kpi_pct(k, &pf, pp->norm, c->rules.pct_decimals, &pp->pct)))
				return rc;
			if (c->rules.cap && pp->pct > SK_DEC(100))
				pp->pct = SK_DEC(100);
			sum += c->rules.aggregate == SK_AGG_COUNT ? (i128)pp->pct * pp->n : pp->pct;
			n += c->rules.aggregate == SK_AGG_COUNT ? pp->n : 1;
			if (pp->pct < worst)
				worst = pp->pct;
		}
		ks->pct_raw = c->rules.aggregate == SK_AGG_WORST ? worst
			      : (sk_dec)(div_half_up(sum, n * pow10i(6 - c->rules.pct_decimals)) *
					 pow10i(6 - c->rules.pct_decimals));
	} else if ((rc = kpi_pct(k, &f, k->norm, c->rules.pct_decimals, &ks->pct_raw))) {
		return sk_diag_set(d, SK_ERR_RANGE, c->path, k->line, "norm",
				   "KPI '%s': %% of norm cannot be computed with norm 0", k->id);
	}
	ks->has_pct = 1;
	ks->pct = ks->pct_raw;
	if (c->rules.cap && ks->pct > SK_DEC(100)) {
		ks->pct = SK_DEC(100);
		ks->capped = 1;
	}
	return SK_OK;
}

/* Weights, contributions, score, staffel and euros of one domain. */
static void finish_domain(const struct sk_contract *c, const struct sk_period *p,
			  const struct sk_score_input *in, struct sk_domain_score *ds, struct sk_score *s)
{
	const struct sk_domain *dom = ds->domain;
	i128 wsum = 0, total = 0;
	int missing = 0, skipped = 0;
	struct sk_period q, next;

	for (size_t i = 0; i < ds->n_kpis; i++) {
		struct sk_kpi_score *ks = &ds->kpis[i];

		if (!ks->kpi->has_weight || !ks->kpi->has_norm)
			continue;
		if (!ks->has_pct) {
			if (in->missing == SK_MISSING_ZERO) {
				ks->has_pct = 1;
				ks->pct = ks->pct_raw = 0;
				snprintf(ks->detail + strlen(ks->detail), sizeof(ks->detail) - strlen(ks->detail),
					 "%scounted as 0 %% (--allow-missing zero)", ks->detail[0] ? "; " : "");
			} else if (in->missing == SK_MISSING_SKIP) {
				skipped++;
				continue;
			} else {
				missing++;
				continue;
			}
		}
		ks->scored = 1;
		wsum += ks->weight;
	}
	s->n_missing += missing;
	if (missing) {
		/* No score: no KPI contributes to one, so none shows a contribution. */
		for (size_t i = 0; i < ds->n_kpis; i++)
			ds->kpis[i].scored = 0;
		snprintf(ds->reason, sizeof(ds->reason), "incomplete: %d KPI%s without data", missing,
			 missing == 1 ? "" : "s");
		ds->scored = 0;
		return;
	}
	if (wsum == 0) {
		snprintf(ds->reason, sizeof(ds->reason), "no KPI with a value and a weight");
		ds->scored = 0;
		return;
	}
	/* Weights that do not add up to 100: scaled (contract says normalise, or KPIs were skipped). */
	ds->weight_sum = (sk_dec)wsum;
	ds->normalised = wsum != SK_DEC(100);
	for (size_t i = 0; i < ds->n_kpis; i++) {
		struct sk_kpi_score *ks = &ds->kpis[i];

		if (!ks->scored)
			continue;
		ks->weight_used = (sk_dec)div_half_up((i128)ks->weight * SK_DEC(100), wsum);
		ks->contribution = (sk_dec)div_half_up((i128)ks->pct * ks->weight, wsum);
		total += (i128)ks->pct * ks->weight;
	}
	if (ds->normalised)
		snprintf(ds->reason, sizeof(ds->reason), "%s: weights add up to %lld.%02lld %%, scaled to 100 %%",
			 skipped ? "KPIs without data left out (--allow-missing skip)"
				 : "weights = normalise",
			 (long long)(wsum / SK_DEC_ONE), (long long)(wsum % SK_DEC_ONE / 10000));
	/* The score from the exact sum, not from the rounded contributions. */
	ds->score_raw = (sk_dec)div_half_up(total, wsum);
	ds->score = (sk_dec)(div_half_up(total * pow10i(c->rules.score_decimals), wsum * SK_DEC_ONE) *
			     pow10i(6 - c->rules.score_decimals));
	ds->step = sk_staffel_step(c, ds->score);
	if (ds->step >= 0) {
		ds->malus = c->staffel[ds->step].malus;
		ds->escalation = c->staffel[ds->step].escalate;
	}

	/* The malus goes on the next quarter's invoice of the domain's service. */
	sk_period_quarter_of(p, c->tz, &q);
	sk_period_next(&q, c->tz, &next);
	snprintf(ds->applies_to, sizeof(ds->applies_to), "%s", next.label);
	for (size_t i = 0; i < in->n_invoices; i++)
		if (strcasecmp(in->invoices[i].period, q.label) == 0 &&
		    strcasecmp(in->invoices[i].domain, dom->id) == 0) {
			ds->has_invoice = 1;
			ds->invoice_cents = in->invoices[i].cents;
			snprintf(ds->invoice_source, sizeof(ds->invoice_source), "%.31s",
				 in->invoice_file ? in->invoice_file : "invoice file");
		}
	if (!ds->has_invoice && dom->has_invoice) {
		ds->has_invoice = 1;
		ds->invoice_cents = dom->invoice_cents;
		snprintf(ds->invoice_source, sizeof(ds->invoice_source), "contract");
	}
	/* Euros only for a whole quarter: the malus is settled per quarter. */
	if (p->kind != SK_PERIOD_QUARTER)
		ds->has_invoice = 0;
	if (ds->has_invoice)
		ds->malus_cents = sk_cents_percent(ds->invoice_cents, ds->malus);
}

/* The domains of @s: each KPI's figures, then the domain's score and malus. */
static enum sk_err score_domains(struct sk_contract *c, const struct sk_period *p,
				 const struct sk_score_input *in, struct score_cache *cache,
				 struct sk_score *s, struct sk_diag *d)
{
	enum sk_err rc;

	s->domains = calloc(c->n_domains ? c->n_domains : 1, sizeof(*s->domains));
	if (!s->domains)
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < c->n_domains; i++) {
		const struct sk_domain *dom = &c->domains[i];
		struct sk_domain_score *ds;

		if (!selected(in, dom))
			continue;
		ds = &s->domains[s->n_domains++];
		ds->domain = dom;
		ds->step = -1;
		ds->scored = dom->scored;
		ds->kpis = calloc(dom->n_kpis ? dom->n_kpis : 1, sizeof(*ds->kpis));
		if (!ds->kpis)
			return SK_ERR_NOMEM;
		ds->n_kpis = dom->n_kpis;
		if (!dom->scored) {
			snprintf(ds->reason, sizeof(ds->reason), "not scored: %s",
				 dom->note ? dom->note : "the contract gives it no weights");
		}
		if (dom->scored && dom->has_start) {
			struct sk_civil sc = { 0 };
			sk_time start;

			sk_civil_from_days(dom->start_day, &sc.year, &sc.month, &sc.day);
			start = sk_tz_from_civil(c->tz, &sc, NULL);
			if (p->start < start) {
				ds->scored = 0;
				snprintf(ds->reason, sizeof(ds->reason),
					 "not scored: the domain starts on %04d-%02d-%02d", sc.year, sc.month, sc.day);
			}
		}
		ds->complete = 1;
		for (size_t k = 0; k < dom->n_kpis; k++) {
			if ((rc = score_kpi(c, dom, &dom->kpis[k], p, in, cache, &ds->kpis[k], d)))
				return rc;
			if (!ds->kpis[k].has_value && dom->kpis[k].has_weight)
				ds->complete = 0;
		}
		if (ds->scored)
			finish_domain(c, p, in, ds, s);
	}
	return SK_OK;
}

void score_cache_release(struct score_cache *cache)
{
	for (size_t i = 0; i < cache->n; i++)
		if (cache->owned[i])
			sk_results_free(cache->r[i]);
	free(cache->counts);
	memset(cache, 0, sizeof(*cache));
}

enum sk_err sk_score_compute(struct sk_contract *c, const struct sk_period *p,
			     const struct sk_score_input *in, struct sk_score **out,
			     struct sk_diag *d)
{
	struct sk_score *s = calloc(1, sizeof(*s));
	struct score_cache cache;
	enum sk_err rc = SK_OK;

	*out = NULL;
	if (!s)
		return SK_ERR_NOMEM;
	memset(&cache, 0, sizeof(cache));
	cache.period = p;
	for (size_t i = 0; i < in->n_results && cache.n < sizeof(cache.r) / sizeof(cache.r[0]); i++)
		if (in->results[i])
			cache.r[cache.n++] = in->results[i];
	s->period = *p;
	s->contract = c;
	s->missing_rule = in->missing;
	if ((rc = check_ids(c, in, d)))
		goto fail;
	/* One read transaction: every KPI from the same state of the database. */
	if (in->db && (rc = store_read_begin(in->db, "score_read", d)))
		goto fail;
	rc = score_domains(c, p, in, &cache, s, d);
	if (in->db)
		store_read_end(in->db, "score_read");
	if (rc)
		goto fail;
	score_cache_release(&cache);
	*out = s;
	return SK_OK;
fail:
	score_cache_release(&cache);
	sk_score_free(s);
	return diag_ensure(d, rc);
}
