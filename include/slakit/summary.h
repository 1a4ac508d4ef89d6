/**
 * @file summary.h
 * @brief The management summary of a report: every norm, met or not, against
 * the previous period; the domains' colours, staffel steps and malus; the
 * open tickets past their deadline.
 *
 * sk_report_gather() fills sk_report::summary from the figures it gathered
 * and from the same figures computed for the previous period (the month or
 * quarter before, read from the same database through the same functions).
 * The writers put it first: the first page of the text report, the first
 * sheet of the workbook, a "summary" object in JSON, "summary" rows in CSV.
 *
 * Ownership: the summary belongs to its report (sk_report_free()).
 */
#ifndef SLAKIT_SUMMARY_H
#define SLAKIT_SUMMARY_H

#include <stdint.h>

#include "slakit/contract.h"
#include "slakit/decimal.h"
#include "slakit/period.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A domain's colour, from the staffel step its score reached: green, a step
 * without malus; amber, a step with malus and without escalation; red, a
 * step with escalation, or the worst step (the lowest) when it carries malus.
 */
enum sk_summary_colour {
	SK_COLOUR_NONE = 0,  /**< not scored, or no staffel */
	SK_COLOUR_GREEN,
	SK_COLOUR_AMBER,
	SK_COLOUR_RED
};

/** What a norm of the summary is. */
enum sk_summary_kind {
	SK_NORM_PRIORITY = 0, /**< a priority's share within target (response or resolution) */
	SK_NORM_KPI,          /**< a KPI with a norm, in any domain (scored or not) */
	SK_NORM_SERVICE       /**< a service's availability no KPI measures */
};

/** One measurement of a norm, in a period. */
struct sk_summary_value {
	int has_value;           /**< 0: no data in the period (shown as "—") */
	sk_dec value;            /**< in the norm's unit (% for shares), 6 decimals */
	long within, n;          /**< shares of tickets: the counts (n 0 otherwise) */
	int met;                 /**< 1 met, 0 not, -1 no data */
};

/** One contract norm, this period and the previous one. */
struct sk_summary_norm {
	enum sk_summary_kind kind;
	int priority;            /**< SK_NORM_PRIORITY: contract priority index, else -1 */
	int resolution;          /**< SK_NORM_PRIORITY: 0 response, 1 resolution */
	size_t domain, kpi;      /**< SK_NORM_KPI: index into score->domains, and its kpis */
	size_t service;          /**< SK_NORM_SERVICE: index into the contract's services */
	enum sk_direction direction; /**< which way is better */
	sk_dec norm;             /**< the norm (the KPI's for the window: as written or pro rata) */
	int percent;             /**< 1: the value is a percentage */
	int per_priority;        /**< SK_NORM_KPI with norms of its own per priority (Halt
				      98/95/90/90): met when each priority met its own, so no
				      one norm is shown beside the value */
	struct sk_summary_value now, prev;
};

/** One domain of the summary (the same order as score->domains). */
struct sk_summary_domain {
	enum sk_summary_colour colour;
	int prev_scored;         /**< 1: the previous period has a score */
	sk_dec prev_score;       /**< that score */
	enum sk_summary_colour prev_colour;
};

/** The summary of a report. */
struct sk_report_summary {
	struct sk_period previous;   /**< the month or quarter (half, year) before */
	int has_previous;            /**< 0: the previous period ends before the contract
					  starts, or lies beyond the data: no figures */
	int before_start;            /**< 1: the previous period ends before the contract starts */
	struct sk_summary_norm *norms; /**< priorities (response, resolution), then the KPIs
					    by domain, then services no KPI measures */
	size_t n_norms;
	long met, judged, no_data;   /**< norms met, norms with a value, norms without one */
	long prev_met, prev_judged;  /**< the same in the previous period */
	struct sk_summary_domain *domains; /**< one per score domain */
	int64_t malus_cents;         /**< total malus of the scored domains with an invoice amount */
	int malus_priced;            /**< domains whose malus is priced in euros */
	int malus_domains;           /**< scored domains with a staffel step; 0: no malus was
					  determined, the total is none (shown "—"), not 0 */
	int malus_unpriced;          /**< scored domains with a malus step but no amount (a
					  month, or no invoice amount known) */
	long *overdue;               /**< per contract priority: tickets still open with a clock
					  past its deadline at @ref overdue_at */
	long overdue_total;
	size_t *overdue_earlier;     /**< of those, the ones past their deadline since before
					  the period (their breach counted in an earlier one):
					  indices into sk_report::others, by ticket id */
	size_t n_overdue_earlier;
	int64_t overdue_at;          /**< the period's end, or the instant after the data's
					  horizon when that comes first */
};

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** "green", "amber", "red" or "none". */
const char *sk_summary_colour_name(enum sk_summary_colour c);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
