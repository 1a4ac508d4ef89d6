/**
 * @file report.h
 * @brief The monthly and quarterly service level report (SLR).
 *
 * sk_report_gather() collects the whole content of a period's report once:
 * the per-ticket verdicts (sk_results_compute()), the domain scores
 * (sk_score_compute()), the imports that fed the period, the figures per
 * priority and type, the tickets listed one by one (P1s, P1-uplifts, tickets
 * listed apart, breached clocks), availability per service, changes,
 * complaints, escalations, the trend (per location and category, the top-3
 * recurring incident categories, month by month) and when the SLR is due.
 * The writers (text, CSV, JSON, XLSX) only lay that content out, so every
 * format shows the same figures.
 *
 * Determinism: nothing comes from the wall clock. "Generated at" is the
 * latest finish time of the imports that fed the period (the data's own
 * age), and the XLSX document's creation time is that same instant, so the
 * same database, contract and period give the same bytes of text and the
 * same cells and properties of XLSX.
 *
 * Ownership: sk_report_gather() allocates the ::sk_report and everything in
 * it (the results and the score included); sk_report_free() frees it (NULL
 * is accepted). The contract is borrowed and must outlive the report.
 */
#ifndef SLAKIT_REPORT_H
#define SLAKIT_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "slakit/contract.h"
#include "slakit/db.h"
#include "slakit/decimal.h"
#include "slakit/deviations.h"
#include "slakit/period.h"
#include "slakit/results.h"
#include "slakit/score.h"
#include "slakit/summary.h"
#include "slakit/cadence.h"
#include "slakit/suppliers.h"
#include "slakit/breakdown.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** Output formats of a report. */
enum sk_report_format {
	SK_REPORT_TEXT = 0, /**< aligned columns, at most 100 wide, UTF-8 */
	SK_REPORT_CSV,      /**< one row per figure: section, item, measure, value, unit */
	SK_REPORT_JSON,     /**< the whole content as one object */
	SK_REPORT_XLSX      /**< a workbook with formulas, number formats and charts */
};

/** The format named @p word ("text", "txt", "csv", "json", "xlsx"); -1 when unknown. */
int sk_report_format_parse(const char *word);

/**
 * The format a file name asks for by its extension (.txt, .csv, .json,
 * .xlsx, any case); -1 when the extension says nothing ("-" included).
 */
int sk_report_format_for_path(const char *path);

/** What sk_report_gather() works from, besides database, contract and period. */
struct sk_report_options {
	enum sk_missing_rule missing;     /**< KPIs without data (default: shown as missing) */
	const struct sk_given *given;     /**< KPI values given by the caller, may be NULL */
	size_t n_given;
	const struct sk_invoice *invoices;/**< invoice amounts, may be NULL (the contract's then) */
	size_t n_invoices;
	const char *invoice_file;         /**< name shown as the amounts' source */
};

/** An import that fed the period (a row of the `imports` table). */
/** A status that stopped the clock, as an import stored it: from the contract's
 * pause_statuses or the import profile's words (an auditor checks both). */
struct sk_report_pause_status {
	const char *status;      /**< the status text as exported */
	long events;             /**< how many status changes of the file entered it */
};

struct sk_report_import {
	long id;                 /**< imports.id */
	char *file;              /**< file name as imported */
	char sha256[65];         /**< SHA-256 of the file */
	char *kind;              /**< tickets, events, pauses, calls, outages, kpi, eventlog */
	char *profile;           /**< generic, topdesk, ... */
	long rows;               /**< data rows read */
	long rejected;           /**< rows rejected (--skip-bad) */
	long dst_gaps;           /**< local times in a DST gap, moved forward */
	long dst_folds;          /**< local times in a DST fold, first one taken */
	sk_time finished_at;     /**< when the import finished (UTC) */
	struct sk_report_pause_status *pause_statuses; /**< the statuses of this file's status
				      history that stopped the clock, by status (in the arena) */
	size_t n_pause_statuses;
};

/** Figures of one priority, for one ticket type or for all types. */
struct sk_report_prio {
	int priority;            /**< contract priority index */
	int type;                /**< ::sk_ticket_type, or -1: all types together */
	long tickets;            /**< tickets with a clock that counts in the period (not excluded) */
	long open;               /**< tickets still open (not resolved) at the period's end,
				      whenever they were reported (not excluded) */
	long pending;            /**< tickets with a clock still undecided at the period's end
				      (not excluded) */
	long response_n;         /**< response clocks decided in the period */
	long response_within;    /**< of which met */
	long resolution_n;       /**< resolution clocks decided in the period */
	long resolution_within;  /**< of which met */
	sk_dec response_pct;     /**< within / n × 100, at pct_decimals (0 when n = 0) */
	sk_dec resolution_pct;   /**< the same for resolution */
	int has_norm;            /**< 1: a norm applies (the priority's, else the ticket KPI's) */
	sk_dec norm;             /**< that norm, % of tickets within target */
	int met;                 /**< 1: both shares reach the norm, 0: not, -1: no norm or nothing decided */
	int64_t mttr;            /**< mean business seconds to resolution (pauses out), -1: none */
	int64_t mttr_wall;       /**< mean wall-clock seconds report → resolution, -1: none */
	long mttr_n;             /**< tickets averaged: every ticket resolved in the period,
				      whatever period its verdict counted in */
	int64_t mttp;            /**< mean business seconds report → productive again, -1: none */
	int64_t mttp_wall;       /**< the same on the wall clock, -1: none */
	long mttp_n;             /**< tickets averaged: productive again in the period */
	long response_unmeasured; /**< of @ref tickets, those whose export gives no response
				       time: their response is not measured (not in response_n) */
};

/** A clock that was breached in the period. */
struct sk_report_breach {
	size_t result;           /**< index into sk_report::results->r */
	int resolution;          /**< 0: the response clock, 1: the resolution clock */
	int64_t late;            /**< business seconds beyond the target at its stop (or period end) */
};

/** Availability of one contract service in the period. */
struct sk_report_service {
	const struct sk_service *service; /**< borrowed from the contract */
	int has_value;           /**< 0: no value (see no_data; else the service window is
				      empty in the period) */
	int no_data;             /**< 1: no outage reported for the service in the period, and
				      the contract does not say that none reported means none
				      occurred: shown as "no data", never as 100 % */
	int assumed;             /**< 1: no outage reported, 100 % by the contract's
				      `no_outages_means = available` */
	sk_dec availability;     /**< (window - down) / window × 100, 6 decimals */
	int64_t window;          /**< service-window seconds in the period */
	int64_t down;            /**< of which down (unplanned, or maintenance the contract's
				      rule does not leave out) */
	long outages;            /**< outages counted */
	long planned;            /**< planned maintenance left out: announced by the
				      service's notice and wholly outside maintenance_outside */
	int met;                 /**< 1: availability >= norm (the outages KPI's rule) */
};

/** A name with a number of tickets (location, category). */
struct sk_report_count {
	char *name;              /**< as exported; "" when the export left it empty */
	long n;                  /**< tickets reported in the period */
};

/**
 * A change or a complaint active in the period: reported before its end and
 * not solved before its start. Read from the tickets themselves, because
 * these types often have no response or resolution target (and so no
 * verdict).
 */
struct sk_report_case {
	char *id;                /**< ticket id */
	char *title;             /**< title from the export, or NULL */
	char *category;          /**< may be NULL */
	char *location;          /**< may be NULL */
	char *change_type;       /**< changes: standard, normal, emergency, or NULL */
	int priority;            /**< contract priority index */
	sk_time reported_at;
	sk_time planned_at;      /**< changes: planned date, 0 when none */
	sk_time solved_at;       /**< resolved (else closed) before the period's end, 0: open */
	int cab_approved;        /**< changes: 1, 0, -1 unknown */
	int failed;              /**< changes: 1, 0, -1 unknown */
	int64_t business;        /**< business seconds report → solved (or period end); for
				      complaints on the complaint KPI's calendar with the
				      pauses left out as sla-compute counts them: the time the
				      tickets:complaint KPI and the escalations use */
	int64_t paused;          /**< complaints: the business seconds left out as paused */
	int has_limit;           /**< complaints: 1 when a tickets:complaint KPI gives a limit */
	int64_t limit;           /**< that limit in business seconds */
	int within;              /**< complaints: solved within the limit */
	int level;               /**< complaints: the escalation ladder's level reached by the
				      period's end (rules complaint_management and
				      complaint_directors): 1 department, 2 management,
				      3 directors; 0 when the contract sets no ladder */
	sk_time management_at;   /**< complaints: when it reached management level, 0: not */
	sk_time directors_at;    /**< complaints: when it reached director level, 0: not */
};

/** Changes in the period, counted. */
struct sk_report_changes {
	long total;              /**< change tickets */
	long standard;           /**< change_type standard */
	long normal;             /**< change_type normal */
	long emergency;          /**< change_type emergency */
	long untyped;            /**< no change_type */
	long cab_approved;       /**< non-standard ones approved by the CAB */
	long failed;             /**< marked failed */
	long solved;             /**< solved by the period's end */
};

/** One month of the period (the trend; a monthly report has one). */
struct sk_report_month {
	struct sk_period period;
	long reported;           /**< tickets reported in the month */
	long breached;           /**< clocks breached that count in the month */
	struct sk_report_prio *prio; /**< one per contract priority, all types together */
	long *category;          /**< tickets per sk_report::categories entry */
};

/**
 * One period of the history: a month of a monthly report's last twelve, a
 * quarter of a quarterly report's last four, or the report's own period,
 * computed from the database as sla-compute and sla-score would compute it
 * (never from stored reports).
 */
struct sk_report_past {
	struct sk_period period;
	int has_data;            /**< 0: the period ends before the contract's start or
				      before the first ticket: no figures, shown as "—" */
	struct sk_report_prio *prio; /**< one per contract priority, all types together
					  (response and resolution compliance, n, norm) */
	int *scored;             /**< per domain of sk_report::score: 1 when scored */
	sk_dec *score;           /**< that domain's score in the period */
};

/** A domain escalation or other reason to escalate. */
struct sk_report_escalation {
	int kind;                /**< 0: staffel step of a domain, 1: complaint beyond its limit,
				      or, with an escalation ladder, at management level or above */
	size_t index;            /**< index into score->domains, or into complaints */
};

/** A whole report. */
struct sk_report {
	const struct sk_contract *contract; /**< borrowed */
	struct sk_period period;
	sk_time generated_at;    /**< latest finish of the imports that fed it; period end when none */
	sk_time horizon;         /**< the data's horizon: the latest time the imports cover
				      (imports.horizon), else the latest time in the data;
				      0 when the database holds no data */
	int horizon_source;      /**< 0: no data, 1: imports.horizon, 2: the latest time in
				      the data (a database made before imports.horizon) */
	int beyond_horizon;      /**< 1: the period ends after the horizon, so what happened
				      after it is missing from the report */
	sk_time due;             /**< the SLR is due: report_due_days werkdagen after the period */
	char version[16];        /**< slakit version */
	struct sk_results *results; /**< every ticket in scope, sorted by id, with its title (owned) */
	struct sk_result *others; /**< private: the tickets judged for the period whose clocks
				       count in another one, for the means and the open count
				       (verdicts without pauses or reason) */
	size_t n_others;
	struct sk_score *score;  /**< the domains (owned) */
	enum sk_missing_rule missing; /**< rule applied to KPIs without data */
	struct sk_report_import *imports; /**< imports that fed the period, by id */
	size_t n_imports;
	struct sk_report_prio *prio; /**< per priority: all types, then each type with tickets */
	size_t n_prio;
	size_t *p1;              /**< results of the most urgent priority */
	size_t n_p1;
	size_t *uplifts;         /**< results flagged P1-uplift */
	size_t n_uplifts;
	size_t *apart;           /**< results excluded or flagged (channel, matrix, priority, reopen) */
	size_t n_apart;
	struct sk_report_breach *breaches; /**< by ticket id, response before resolution */
	size_t n_breaches;
	struct sk_report_service *services; /**< per contract service, in contract order */
	size_t n_services;
	struct sk_report_changes changes;
	struct sk_report_case *change_list;  /**< changes by id */
	size_t n_changes;
	struct sk_report_case *complaints;   /**< complaints by id */
	size_t n_complaints;
	int64_t ladder[2];       /**< the escalation ladder in business seconds on the
				      complaints' calendar: management, directors; 0: no step */
	long handovers;          /**< tickets handed to 2nd/3rd line in the period */
	struct sk_report_escalation *escalations;
	size_t n_escalations;
	long reported;           /**< tickets reported in the period */
	struct sk_report_count *locations;  /**< by count, then name */
	size_t n_locations;
	struct sk_report_count *categories; /**< by count, then name */
	size_t n_categories;
	struct sk_report_count *recurring;  /**< top-3 incident categories */
	size_t n_recurring;
	struct sk_report_month *months;     /**< each month of the period */
	size_t n_months;
	struct sk_report_past *history;     /**< monthly report: the 12 months before it,
					         quarterly: the 4 quarters before it, oldest
					         first, then the period itself; empty for
					         other periods */
	size_t n_history;
	struct sk_report_suppliers *suppliers; /**< hand-overs to the customer's suppliers
						    (slakit/suppliers.h); NULL when the
						    contract names none (owned) */
	struct sk_report_summary *summary; /**< the management summary (slakit/summary.h),
					        the previous period beside it (owned) */
	struct sk_report_deviations *deviations; /**< norms not met, explanations and
						      improvement actions (slakit/deviations.h);
						      NULL when no norm was missed and nothing
						      was imported for the period (owned) */
	struct sk_report_cadence *cadence; /**< status-update cadence and the responses'
					       channel (slakit/cadence.h); NULL when no
					       priority sets update_every or response_by
					       (owned) */
	struct sk_report_breakdown *breakdown; /**< compliance per category, location and
						    resolver group, backlog by age, paused
						    time, median and P90 (slakit/breakdown.h;
						    owned) */
	void *arena;             /**< private: strings */
};

/**
 * Gather the report of period @p p under contract @p c from database @p db
 * (opened read-only is enough; nothing is written). KPIs without data do not
 * make it fail: they are kept as missing (see sk_score::n_missing) and the
 * writers say so. Fails on database errors, unknown --kpi ids (SK_ERR_USAGE)
 * or out of memory.
 */
enum sk_err sk_report_gather(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			     const struct sk_report_options *o, struct sk_report **out,
			     struct sk_diag *d);

/** Free a report; NULL is accepted. */
void sk_report_free(struct sk_report *r);

/**
 * Write @p r as text, CSV or JSON to @p fp in language @p lang ("nl" or
 * "en"; NULL: the contract's). Dutch text uses Dutch words and a decimal
 * comma. SK_ERR_USAGE for SK_REPORT_XLSX (a workbook needs a file name).
 */
enum sk_err sk_report_write(const struct sk_report *r, enum sk_report_format fmt, const char *lang,
			    FILE *fp, struct sk_diag *d);

/** Write @p r as an XLSX workbook to the file @p path. */
enum sk_err sk_report_write_xlsx(const struct sk_report *r, const char *lang, const char *path,
				 struct sk_diag *d);

/**
 * Write @p r in format @p fmt to the file @p path, atomically: into a
 * temporary file beside it, renamed over @p path only when complete, so a
 * reader (or a cron mail) never sees half a report.
 */
enum sk_err sk_report_save(const struct sk_report *r, enum sk_report_format fmt, const char *lang,
			   const char *path, struct sk_diag *d);

/**
 * sk_report_gather() and sk_report_save() in one call, with the same result.
 * For SK_REPORT_XLSX the two overlap: the tickets sheet is written on a
 * second thread while the rest of the report is gathered. On success
 * @p out receives the report (free it with sk_report_free()); on failure
 * it is NULL and @p path is untouched.
 */
enum sk_err sk_report_make(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			   const struct sk_report_options *o, enum sk_report_format fmt,
			   const char *lang, const char *path, struct sk_report **out,
			   struct sk_diag *d);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
