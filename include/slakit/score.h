/**
 * @file score.h
 * @brief KPI values, % of norm, weighted domain scores, the malus staffel and euros.
 *
 * For a period and a contract: the measured value of every KPI (from the
 * computed tickets, the phone log, the outages, an imported measurement, or
 * a value given by the caller), its % of norm, the weighted domain score,
 * the staffel step and the malus in cents on the following quarter's
 * invoice. Every step is kept so that it can be printed and redone by hand.
 *
 * Arithmetic is exact decimal (::sk_dec): per-KPI % of norm is rounded
 * half-up to the contract's pct_decimals before weighting, the domain score
 * to score_decimals; money is integer cents, rounded half-up.
 *
 * Ownership: sk_score_compute() allocates the ::sk_score and all in it;
 * sk_score_free() frees it (NULL is accepted). The input is borrowed.
 */
#ifndef SLAKIT_SCORE_H
#define SLAKIT_SCORE_H

#include <stdio.h>

#include "slakit/contract.h"
#include "slakit/db.h"
#include "slakit/decimal.h"
#include "slakit/period.h"
#include "slakit/results.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** Where a KPI's measured value came from. */
enum sk_value_origin {
	SK_ORIGIN_MISSING = 0, /**< no data: the domain is incomplete */
	SK_ORIGIN_TICKETS,     /**< computed tickets */
	SK_ORIGIN_CALLS,       /**< the phone platform log */
	SK_ORIGIN_OUTAGES,     /**< outages against the service window */
	SK_ORIGIN_MANUAL,      /**< an imported kpi measurement */
	SK_ORIGIN_GIVEN,       /**< given on the command line (--kpi) */
	SK_ORIGIN_ACTIONS      /**< improvement actions done (the deviations import) */
};

/** "tickets", "calls", "outages", "kpi measurement", "given", "actions", "missing". */
const char *sk_value_origin_name(enum sk_value_origin o);

/** What to do with a KPI that has no data. */
enum sk_missing_rule {
	SK_MISSING_REFUSE = 0, /**< fail (default): never silently 0 % or 100 % */
	SK_MISSING_ZERO,       /**< count it as 0 % of norm, and say so */
	SK_MISSING_SKIP        /**< leave it out and scale the other weights, and say so */
};

/** One priority's share of a ticket KPI. */
struct sk_priority_part {
	int priority;   /**< contract priority index */
	long n;         /**< tickets counted */
	long within;    /**< of which within target */
	sk_dec measured;/**< within / n * 100 */
	sk_dec norm;    /**< the priority's norm (or the KPI's) */
	sk_dec pct;     /**< % of norm, rounded and capped */
};

/** One KPI's figures. */
struct sk_kpi_score {
	const struct sk_kpi *kpi;
	enum sk_value_origin origin;
	int has_value;
	sk_dec measured;            /**< in the KPI's unit */
	long n, within;             /**< counts behind a share, when it is one */
	char window[16];            /**< the period the value covers, e.g. 2027-H1 */
	int window_months;          /**< its length in months */
	char detail[256];           /**< how it was measured, for people */
	sk_dec norm_used;           /**< the norm for the window: as written, or pro rata */
	int pro_rata;               /**< norm_used was scaled from the contract's norm */
	int has_pct;
	sk_dec pct_raw;             /**< % of norm rounded, before the cap */
	sk_dec pct;                 /**< % of norm used (capped when the contract caps) */
	int capped;
	int scored;                 /**< counts in the domain score */
	sk_dec weight;              /**< weight as written, % */
	sk_dec weight_used;         /**< weight after normalisation/skipping, % (6 decimals) */
	sk_dec contribution;        /**< pct * weight_used / 100 (6 decimals) */
	struct sk_priority_part parts[16]; /**< ticket KPIs per priority */
	size_t n_parts;
};

/** One domain's figures. */
struct sk_domain_score {
	const struct sk_domain *domain;
	int scored;                 /**< 0: shown, not scored; see reason */
	char reason[256];           /**< why not scored, or what was assumed */
	int complete;               /**< every scored KPI has a value */
	int normalised;             /**< weights were scaled to 100 % */
	sk_dec weight_sum;          /**< sum of the weights of the KPIs scored */
	sk_dec score_raw;           /**< sum of contributions (6 decimals) */
	sk_dec score;               /**< rounded to score_decimals */
	int step;                   /**< staffel step index, -1: none */
	sk_dec malus;               /**< malus % */
	int escalation;
	int has_invoice;
	int64_t invoice_cents;      /**< the quarter's invoice amount of the service */
	char invoice_source[32];    /**< "contract" or the invoice file */
	int64_t malus_cents;        /**< malus % of the invoice, half-up to the cent */
	char applies_to[16];        /**< the quarter whose invoice the malus goes on */
	struct sk_kpi_score *kpis;
	size_t n_kpis;
};

/** The score of a period. */
struct sk_score {
	struct sk_period period;
	const struct sk_contract *contract;
	struct sk_domain_score *domains;
	size_t n_domains;
	enum sk_missing_rule missing_rule;
	int n_missing;              /**< KPIs without data (in scored domains) */
};

/** One value given by the caller (--kpi ID=VALUE); id is "kpi" or "domain.kpi". */
struct sk_given {
	const char *id;
	sk_dec value;
};

/** One invoice amount (--invoice FILE rows). */
struct sk_invoice {
	char period[16];   /**< quarter label, e.g. 2027-Q1 */
	char domain[64];   /**< domain id */
	int64_t cents;
};

/** What sk_score_compute() works from. */
struct sk_score_input {
	struct sk_db *db;                 /**< may be NULL when every KPI is given */
	const struct sk_given *given;
	size_t n_given;
	const char *const *domains;       /**< only these domain ids (n_domains 0: all) */
	size_t n_domains;
	const struct sk_invoice *invoices;
	size_t n_invoices;
	const char *invoice_file;         /**< name shown as the amounts' source */
	enum sk_missing_rule missing;
	struct sk_results *const *results;/**< verdicts already computed (borrowed): a KPI
					       window among them is not computed again */
	size_t n_results;
};

/**
 * Score period @p p. Returns SK_OK also when KPIs are missing (see
 * sk_score::n_missing); fails on unknown --kpi or --domain ids (SK_ERR_USAGE),
 * database errors, or out of memory.
 */
enum sk_err sk_score_compute(struct sk_contract *c, const struct sk_period *p,
			     const struct sk_score_input *in, struct sk_score **out,
			     struct sk_diag *d);

/** Free a score; NULL is accepted. */
void sk_score_free(struct sk_score *s);

/** Read an invoice file (CSV `period,domain,amount`, header first). */
enum sk_err sk_invoices_read(const char *path, struct sk_invoice **out, size_t *n,
			     struct sk_diag *d);

/**
 * % of norm of KPI @p k's value @p measured against @p norm by the KPI's
 * `score` formula (sk_pct_of_norm() by its direction, or the success share
 * (100 - measured) / (100 - norm)), rounded half-up to @p decimals. Not capped.
 */
enum sk_err sk_kpi_pct_of_norm(const struct sk_kpi *k, sk_dec measured, sk_dec norm,
			       int decimals, sk_dec *out);

/**
 * % of norm of @p measured against @p norm in @p dir, rounded half-up to
 * @p decimals; lower-is-better with measured 0 gives 100. Not capped.
 */
enum sk_err sk_pct_of_norm(sk_dec measured, sk_dec norm, enum sk_direction dir, int decimals,
			   sk_dec *out);

/** 1 when the KPI's norms differ per priority (Halt: 98/95/90/90), so no one norm is its. */
int sk_kpi_norms_per_priority(const struct sk_kpi_score *ks);

/**
 * Whether a KPI met its norm in its window: 1 met, 0 not met, -1 no value or
 * no norm. With norms per priority, met when every priority met its own (on
 * the exact fraction within / n), never the overall share against a norm the
 * contract does not have. The summary, the deviations and the text share it.
 */
int sk_kpi_met(const struct sk_kpi_score *ks);

/** Part @q of a KPI with norms per priority (parts[q]) against its own norm:
 * 1 met, 0 not met, -1 no tickets. The rule sk_kpi_met() applies per priority. */
int sk_kpi_part_met(const struct sk_kpi_score *ks, size_t q);

/** The staffel step index for @p score (-1 when the staffel is empty). */
int sk_staffel_step(const struct sk_contract *c, sk_dec score);

/** Write the score as text (language "nl" or "en"), CSV or JSON. */
enum sk_err sk_score_write(const struct sk_score *s, enum sk_format fmt, const char *lang,
			   FILE *fp);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
