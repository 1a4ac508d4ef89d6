/**
 * @file deviations.h
 * @brief Norms not met in a report, their explanations and improvement actions.
 *
 * Explanations and actions are imported (`sla-import --kind deviations`),
 * one row per action or one that only explains, each referring to a KPI
 * (`kpi:DOMAIN.KPI`), a domain (`domain:ID`), a priority's norm
 * (`priority:ID:response`, `priority:ID:resolution`, or `priority:ID` for
 * both), a service (`service:ID`) or a ticket (`ticket:ID`), for a period.
 * A report takes the rows whose period lies within its own, and the actions
 * of earlier periods still open at its start. Every norm the report shows
 * as not met is a deviation: a KPI below its norm (above it when lower is
 * better), a priority's share of response or resolution clocks within
 * target below the priority's norm, a service's availability below its
 * norm. Each lists the rows that refer to it, to its domain or to its
 * priority as a whole, and is unexplained when none of them explains.
 * Actions are judged at the period's end: done by then, done after their
 * due date (late), or overdue (not done and the due date passed).
 *
 * Ownership: the report (sk_report::deviations) owns these; strings live in
 * the report's memory.
 */
#ifndef SLAKIT_DEVIATIONS_H
#define SLAKIT_DEVIATIONS_H

#include <stddef.h>

#include "slakit/decimal.h"
#include "slakit/period.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a deviation is about. */
enum sk_deviation_kind {
	SK_DEV_KPI = 0,    /**< `kpi:DOMAIN.KPI` */
	SK_DEV_DOMAIN,     /**< `domain:ID` */
	SK_DEV_PRIORITY,   /**< `priority:ID[:response|:resolution]` */
	SK_DEV_SERVICE,    /**< `service:ID` */
	SK_DEV_TICKET      /**< `ticket:ID` */
};

/** One imported row: an explanation, an improvement action, or both. */
struct sk_report_action {
	const char *period;        /**< the row's period, e.g. "2027-Q1" */
	const char *refers_to;     /**< as stored, e.g. "kpi:servicedesk.fcr" */
	const char *explanation;   /**< NULL when none */
	const char *action;        /**< NULL: the row only explains */
	const char *owner;         /**< NULL when none */
	sk_time due;               /**< start of the due day, 0: none */
	sk_time done_at;           /**< start of the day it was done, as imported; 0: not done */
	int done;                  /**< done by the period's end */
	int late;                  /**< done by the period's end, after its due date */
	int overdue;               /**< not done by the period's end, and its due date passed
				        by then */
	int earlier;               /**< from an earlier period, still open at this one's start */
	long import_id;            /**< the import that wrote it */
	long line;                 /**< its line in that file */
};

/** A norm not met in the period, or something the rows refer to. */
struct sk_report_deviation {
	const char *refers_to;     /**< "kpi:servicedesk.fcr", "priority:P1:response", ... */
	enum sk_deviation_kind kind;
	int not_met;               /**< 1: a norm of the report not met; 0: rows about
				        something else (a norm met, a domain, a ticket) */
	int domain, kpi;           /**< SK_DEV_KPI: indexes into sk_score::domains and its
				        kpis; SK_DEV_DOMAIN: domain; else -1 */
	int priority;              /**< SK_DEV_PRIORITY: contract priority index, else -1 */
	int clock;                 /**< SK_DEV_PRIORITY: 0 response, 1 resolution, -1 both */
	int service;               /**< SK_DEV_SERVICE: index into sk_report::services, else -1 */
	int pct;                   /**< 1: measured and norm are percentages */
	sk_dec measured;           /**< not_met: what was measured (percentages at 6 decimals
				        for KPIs and services, at pct_decimals for priorities) */
	sk_dec norm;               /**< not_met: the norm it was judged by */
	size_t *rows;              /**< indexes into sk_report_deviations::actions: its own
				        rows, then those of its domain or of its priority */
	size_t n_rows;
	int explained;             /**< 1: one of its rows gives an explanation */
};

/** The deviations of a report. */
struct sk_report_deviations {
	struct sk_report_deviation *list; /**< norms not met (KPIs in contract order, then
					       priorities, then services), then the others by
					       refers_to */
	size_t n;
	struct sk_report_action *actions; /**< the rows taken, by refers_to and period */
	size_t n_actions;
	long not_met;              /**< deviations: norms not met */
	long unexplained;          /**< of which without an explanation */
	long open;                 /**< actions not done by the period's end */
	long overdue;              /**< of which overdue */
	long done;                 /**< actions done in the period */
	int imported;              /**< 1: the database holds rows of a deviations import */
};

#ifdef __cplusplus
}
#endif
#endif
