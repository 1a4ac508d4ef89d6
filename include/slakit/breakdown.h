/**
 * @file breakdown.h
 * @brief The breakdowns contract managers ask for beside the priority table.
 *
 * Compliance per category, per location and per resolver group (the same
 * population as the priority table: tickets not listed apart whose response
 * or resolution clock was decided, met or breached, in the period; summed
 * over the values of one dimension they give the priority table's totals).
 * The backlog at the period's end (or at the data's horizon when that comes
 * first): tickets not listed apart and not resolved then, per priority, by
 * age in werkdagen of business time since registration on the priority's
 * calendar (pauses not left out: the age is how long the user has waited in
 * business hours). Per priority the time paused of the resolution clocks
 * decided in the period, and the median and 90th percentile beside the mean
 * of the response and resolution times (business time, pauses left out) of
 * the clocks that stopped in the period.
 *
 * Ownership: the report (sk_report::breakdown) owns all of it.
 */
#ifndef SLAKIT_BREAKDOWN_H
#define SLAKIT_BREAKDOWN_H

#include <stddef.h>
#include <stdint.h>

#include "slakit/decimal.h"
#include "slakit/tz.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The dimensions compliance is broken down by. */
enum sk_breakdown_dim {
	SK_BREAKDOWN_CATEGORY = 0, /**< tickets.category */
	SK_BREAKDOWN_LOCATION,     /**< tickets.location */
	SK_BREAKDOWN_GROUP,        /**< tickets.assignment_group, the resolver group */
	SK_BREAKDOWN_DIMS
};

/** Compliance of the tickets with one value of a dimension. */
struct sk_breakdown_row {
	const char *name;        /**< as exported; "" when the export left it empty */
	long tickets;            /**< tickets with a clock decided in the period */
	long response_n;         /**< response clocks decided in the period */
	long response_within;    /**< of which met */
	long resolution_n;       /**< resolution clocks decided in the period */
	long resolution_within;  /**< of which met */
	sk_dec response_pct;     /**< within / n × 100 at pct_decimals; 0 when n = 0 */
	sk_dec resolution_pct;   /**< the same for resolution */
};

/** One dimension: its values by tickets (most first), then name; empty last. */
struct sk_breakdown_table {
	struct sk_breakdown_row *rows;
	size_t n;
	int recorded;            /**< 1: some ticket of the data has a value (for the
				      resolver group: the exports carry the column) */
};

/** Age buckets of the backlog, in werkdagen of the priority's calendar. */
enum sk_backlog_age {
	SK_AGE_UNDER_1 = 0,      /**< less than 1 werkdag */
	SK_AGE_1_5,              /**< 1 up to 5 werkdagen */
	SK_AGE_5_20,             /**< 5 up to 20 werkdagen */
	SK_AGE_20_UP,            /**< 20 werkdagen or more */
	SK_AGE_BUCKETS
};

/** The per-priority breakdown figures. */
struct sk_breakdown_prio {
	int priority;            /**< contract priority index */
	/* Backlog at sk_report_breakdown::backlog_at. */
	long open;               /**< tickets open then (as the priority table's open) */
	long age[SK_AGE_BUCKETS];/**< of which per age bucket */
	int64_t oldest;          /**< business seconds of the oldest, -1 when none open */
	int64_t day;             /**< seconds of one werkdag on the priority's calendar */
	/* Paused time of the resolution clocks decided in the period. */
	long paused_n;           /**< resolution clocks decided (the mean's divisor) */
	long paused_tickets;     /**< of which paused at all */
	int64_t paused_total;    /**< business seconds paused together */
	int64_t paused_mean;     /**< total / paused_n, half-up to a second; -1 when none */
	/* Response and resolution times, business seconds, pauses left out. */
	long response_n;         /**< response clocks that stopped in the period */
	int64_t response_mean, response_median, response_p90; /**< -1 when none */
	long resolution_n;       /**< resolution clocks that stopped in the period */
	int64_t resolution_mean, resolution_median, resolution_p90; /**< -1 when none */
};

/** The breakdowns of a report. */
struct sk_report_breakdown {
	struct sk_breakdown_table dims[SK_BREAKDOWN_DIMS];
	sk_time backlog_at;      /**< the instant the backlog is taken at */
	int backlog_at_horizon;  /**< 1: the data's horizon, before the period's end */
	struct sk_breakdown_prio *prio; /**< one per contract priority, in contract order */
	size_t n_prio;
};

#ifdef __cplusplus
}
#endif
#endif
