/* What the KPI value readers share with the score arithmetic. */
#ifndef SLAKIT_SCORE_PRIV_H
#define SLAKIT_SCORE_PRIV_H

#include "slakit/score.h"

/* 128-bit integers: products of millionths overflow 64 bits. */
__extension__ typedef __int128 i128;

/* A measured value as an exact fraction num/den (den > 0) in the KPI's unit. */
struct fraction {
	i128 num;
	i128 den;
};

/* Results of the periods KPIs need, computed once per score. */
struct results_cache {
	struct sk_results *r[8];
	int owned[8];      /* 0: the caller's (sk_score_input::results), not freed here */
	size_t n;
};

/* The period a KPI of frequency @f is measured over when reporting @p. */
void score_window(const struct sk_kpi *k, const struct sk_period *p, const struct sk_tz *tz,
		  struct sk_period *out);

/*
 * Fill @ks (origin, value as @f, counts, detail, parts) for KPI @k in window
 * @w from the database. Leaves origin SK_ORIGIN_MISSING (and says why in
 * detail) when there is no data.
 */
enum sk_err score_read_value(struct sk_db *db, struct sk_contract *c, const struct sk_kpi *k,
			     const struct sk_period *w, struct results_cache *cache,
			     struct sk_kpi_score *ks, struct fraction *f, struct sk_diag *d);

/* % of norm of the fraction @f against @norm, rounded half-up to @decimals. */
enum sk_err score_pct(const struct fraction *f, sk_dec norm, enum sk_direction dir, int decimals,
		      sk_dec *out);

#endif
