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

/* A KPI counted from ticket columns, over its window (score_tickets.c). */
struct ticket_count {
	const struct sk_kpi *kpi;
	struct sk_period window;
	int calendar;      /* the calendar `within` is measured on */
	int64_t limit;     /* `within` in seconds on that calendar; 0 when unset */
	long n;            /* tickets counted */
	long within;       /* of which in time (or solved at first contact, approved, failed) */
};

/* What the KPIs of one score share, computed once. */
struct score_cache {
	const struct sk_period *period; /* the period scored */
	struct sk_results *r[8];        /* results of the windows ticket clocks need */
	int owned[8];      /* 0: the caller's (sk_score_input::results), not freed here */
	size_t n;
	struct ticket_count *counts;    /* every ticket-column KPI, once counted; freed here */
	size_t n_counts;
	int counted;       /* counts filled (score_count_tickets ran) */
};

/* Free what @cache owns (not @cache itself). */
void score_cache_release(struct score_cache *cache);

/* Whether a KPI of source @kind is counted from ticket columns by score_count_tickets(). */
int score_counts_tickets(enum sk_source kind);

/*
 * Count every ticket-column KPI of @c in its window of period @p, in one
 * pass over the tickets, into @cache (once: later calls return at once).
 */
enum sk_err score_count_tickets(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
				struct score_cache *cache, struct sk_diag *d);

/* The count of KPI @k from score_count_tickets(); NULL when it has none. */
const struct ticket_count *score_ticket_count(const struct score_cache *cache,
					      const struct sk_kpi *k);

/* The period a KPI of frequency @f is measured over when reporting @p. */
void score_window(const struct sk_kpi *k, const struct sk_period *p, const struct sk_tz *tz,
		  struct sk_period *out);

/*
 * Fill @ks (origin, value as @f, counts, detail, parts) for KPI @k in window
 * @w from the database. Leaves origin SK_ORIGIN_MISSING (and says why in
 * detail) when there is no data.
 */
enum sk_err score_read_value(struct sk_db *db, struct sk_contract *c, const struct sk_kpi *k,
			     const struct sk_period *w, struct score_cache *cache,
			     struct sk_kpi_score *ks, struct fraction *f, struct sk_diag *d);

/* % of norm of the fraction @f against @norm, rounded half-up to @decimals. */
enum sk_err score_pct(const struct fraction *f, sk_dec norm, enum sk_direction dir, int decimals,
		      sk_dec *out);

#endif
