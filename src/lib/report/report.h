/* report: gathering a report's figures, for the writers in render/ (not public API). */
#ifndef SLAKIT_REPORT_REPORT_H
#define SLAKIT_REPORT_REPORT_H

#include <stdio.h>

#include "base/base.h"
#include "engine/engine.h"
#include "slakit/report.h"

/* Flags that put a ticket on the "listed apart" list (uplifts have their own). */
#define REPORT_APART_FLAGS (SK_FLAG_WRONG_CHANNEL | SK_FLAG_MATRIX | SK_FLAG_IMPOSSIBLE | \
			    SK_FLAG_PRIORITY_CHANGED | SK_FLAG_REOPENED | SK_FLAG_CHANNEL_UNKNOWN)

/* --- gathering (report.c, report_sources.c, report_trend.c) --- */

/*
 * The read transaction a report is gathered in (store_read_begin()), by
 * sk_report_gather() and by sk_report_make() while it writes a workbook.
 */
#define REPORT_READ "report_read"

/* The most urgent priority (lowest level), -1 when the contract has none. */
int report_top_priority(const struct sk_contract *c);

/*
 * The tickets results_compute() leaves out of a period's results, kept
 * (report_others()) where the means or the open count need them: not
 * excluded, and open at the period's end, resolved in it or productive
 * again in it.
 */
struct report_others {
	const struct sk_period *period;
	struct sk_result *r;
	size_t n, cap;
};

/* The hook of results_compute_with() that fills @l (its arg). */
enum sk_err report_others_take(void *arg, const struct sk_result *x);

/*
 * Figures of priority @prio and @type (-1: all) over the results @res of
 * a period and the @n_others tickets judged for it beside them.
 */
void report_prio_figures(const struct sk_contract *c, const struct sk_results *res,
			 const struct sk_result *others, size_t n_others, int prio, int type,
			 struct sk_report_prio *out);

/*
 * sk_report_gather() in steps: an empty report of period @p; its verdicts
 * (with their titles), handed to @feed as they become final when @feed is
 * not NULL; then everything else, which changes none of the verdicts. So the
 * verdicts can be written while the rest is gathered (sk_report_make()).
 * The caller frees the report, also after a failure.
 */
struct results_feed;
struct sk_report *report_new(const struct sk_contract *c, const struct sk_period *p,
			     const struct sk_report_options *o);
enum sk_err report_gather_verdicts(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				   struct results_feed *feed, struct sk_diag *d);
enum sk_err report_gather_rest(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
			       const struct sk_report_options *o, struct sk_diag *d);

/*
 * The imports that fed the period (its tickets, their events and pauses,
 * calls, outages and measurements in the KPIs' windows) and generated_at. Runs after the other gatherers: it needs their tickets.
 */
enum sk_err report_gather_sources(struct sk_db *db, struct sk_report *r, struct arena *a,
				  struct sk_diag *d);

/* Availability of every contract service in the period. */
enum sk_err report_gather_services(struct sk_db *db, struct sk_report *r, struct sk_diag *d);

/* Changes, complaints and hand-overs, read from the tickets. */
enum sk_err report_gather_cases(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				struct arena *a, struct sk_diag *d);

/* Locations, categories, the top-3 and the months. */
enum sk_err report_gather_trend(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				struct arena *a, struct sk_diag *d);

/*
 * The deviations (report_deviations.c): r->deviations, left NULL when no
 * norm was missed and no row of a deviations import is for the period.
 * Runs after the score, the priorities and the services; the import ids of
 * its rows are added to @s (report_gather_sources()).
 */
enum sk_err report_gather_deviations(struct sk_db *db, struct sk_report *r, struct sk_diag *d);
void report_deviations_free(struct sk_report_deviations *v);
enum sk_err report_deviation_imports(const struct sk_report *r, struct id_list *s);
/* 1 when domain @ds starts after the period's start: its norms do not apply, the
 * summary does not count them and the deviations do not list them (report_summary.c). */
int report_domain_not_started(const struct sk_domain_score *ds);

/*
 * The history (report_history.c): the 12 months or 4 quarters before the
 * period, then the period itself. Runs after the score is computed.
 */
enum sk_err report_gather_history(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				  struct sk_diag *d);
void report_history_free(struct sk_report *r);

/*
 * The suppliers' section (report_suppliers.c): r->suppliers, left NULL when
 * the contract has no suppliers. Runs after the breaches are listed.
 */
enum sk_err report_gather_suppliers(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				    struct sk_diag *d);
void report_suppliers_free(struct sk_report_suppliers *s);

/* The breakdowns (report_breakdown.c): r->breakdown. Runs after the verdicts. */
enum sk_err report_gather_breakdown(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				    struct sk_diag *d);
void report_breakdown_free(struct sk_report_breakdown *b);

/*
 * The management summary (report_summary.c): r->summary, with the previous
 * period's figures gathered beside it. Runs last: it reads the score, the
 * priorities, the services and the verdicts.
 */
enum sk_err report_gather_summary(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				  const struct sk_report_options *o, struct sk_diag *d);
void report_summary_free(struct sk_report_summary *s);

/*
 * The status-update cadence and the responses' channel (report_cadence.c):
 * r->cadence, left NULL when no priority sets update_every or response_by.
 */
enum sk_err report_gather_cadence(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
				  struct sk_diag *d);
void report_cadence_free(struct sk_report_cadence *k);

/*
 * The imports of the updates of the results' tickets and of the @n other
 * tickets @ids that fed the period, into @s; none when no priority measures
 * the cadence (report_gather_sources()).
 */
enum sk_err report_cadence_imports(struct sk_db *db, const struct sk_report *r, char *const *ids,
				   size_t n, struct id_list *s, struct sk_diag *d);

/* The cadence of result @result (index into r->results), NULL when none is judged. */
const struct sk_cadence *report_cadence_of(const struct sk_report *r, size_t result);

/*
 * The instant the report's figures are judged at: the period's end, or the
 * instant after the data's horizon when that comes first (the verdicts'
 * as_of), so supplier clocks and complaints stop where the desk's clocks do.
 */
static inline sk_time report_until(const struct sk_report *r)
{
	return r->results && r->results->as_of ? r->results->as_of : r->period.end;
}

#endif
