/* engine: what the folders above it (report, render) use of the computation. */
#ifndef SLAKIT_ENGINE_H
#define SLAKIT_ENGINE_H

#include "base/base.h"
#include "contract/contract.h"
#include "slakit/results.h"
#include "store/store.h"

/*
 * Weigh what the ticket's earlier versions say (@h, store_history): its
 * first priority (the current one when it has none) and, when the versions
 * name levels, its most urgent priority.
 */
void results_apply_history(const struct sk_contract *c, struct sk_ticket *t,
			   const struct store_history *h);

/*
 * The data's horizon (store_data_horizon(), 0 when no tickets) and the instant
 * clocks are judged at for a period ending at @end: @end, or the instant
 * after the horizon when that comes first (end = 0: always the latter).
 */
enum sk_err results_as_of(struct sk_db *db, sk_time end, sk_time *horizon, sk_time *as_of,
			  struct sk_diag *d);

/* What results_compute() reads beside the verdicts. */
enum {
	RESULTS_TITLES = 1,  /* each ticket's title (sk_ticket::title), for reports */
	RESULTS_AT_END = 2   /* judge at the period's end even past the data's horizon
				(sla-compute --at-risk --at TIME: the clocks run on) */
};

/*
 * sk_results_compute(), handing each final verdict to @feed when not NULL,
 * and reading what @flags ask for.
 */
enum sk_err results_compute(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			    struct sk_results **out, struct sk_diag *d, struct results_feed *feed,
			    unsigned flags);

/*
 * The tickets results_compute() judges for a period but leaves out of its
 * results, because none of their clocks counts in it (a ticket resolved in
 * the period whose breach counted in an earlier one; a ticket still open
 * whose clocks were decided before): handed to @fn with their verdict,
 * which is released after the call (copy what is needed; the ticket's
 * strings live as long as the results). A non-zero return stops the
 * computation with it.
 */
struct results_others {
	enum sk_err (*fn)(void *arg, const struct sk_result *x);
	void *arg;
};

/* results_compute(), handing the tickets it leaves out to @others when not NULL. */
enum sk_err results_compute_with(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
				 struct sk_results **out, struct sk_diag *d,
				 struct results_feed *feed, unsigned flags,
				 const struct results_others *others);

/*
 * The verdicts of @n consecutive periods @p (oldest first) in one pass over
 * the tickets of their span, for a report's history: out[i] holds the
 * tickets whose response or resolution counts in p[i], each judged at that
 * period's instant exactly as results_compute() of p[i] judges it (so its
 * response and resolution figures, and the score's response and resolution
 * KPIs over it, are those of p[i] computed alone); not the tickets that
 * only run on or are listed for their times there, and the verdicts without
 * their pauses and reason (sk_verdict_release()). The tickets' strings
 * belong to out[n - 1]: free it last.
 */
enum sk_err results_compute_span(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
				 size_t n, struct sk_results **out, struct sk_diag *d);

/*
 * Availability of a service over a window (score_availability.c): the one
 * computation the outages KPI and the report's table of services read.
 */
enum score_avail_state {
	SCORE_AVAIL_VALUE = 0,    /* a value: (window - down) / window */
	SCORE_AVAIL_EMPTY,        /* the service window has no time in the window */
	SCORE_AVAIL_NO_DATA       /* no outage reported, and the contract does not say that
				     none reported means none occurred */
};

struct score_availability {
	enum score_avail_state state;
	int assumed;              /* 1: no outage reported, 100 % by `no_outages_means = available` */
	int64_t window;           /* service-window seconds in the window */
	int64_t down;             /* of which down: outages merged, maintenance not left out */
	long reported;            /* outage rows of the service in the window */
	long outages;             /* of which counted */
	long excused;             /* of which planned maintenance left out by the contract's rule */
	int met;                  /* a value that reaches the service's norm */
};

enum sk_err score_availability(struct sk_db *db, const struct sk_contract *c,
			       const struct sk_service *svc, const struct sk_period *w,
			       struct score_availability *out, struct sk_diag *d);

/* A complaint's time (score_complaint.c). */
struct score_complaint {
	sk_time solved;           /* when sla-compute's resolution stops, by the instant asked
				     about; 0: still open then */
	int64_t business;         /* business seconds from the report to solved (else to that
				     instant), the pauses as sla-compute counts them left out */
	int64_t paused;           /* the business seconds left out */
	int level;                /* the escalation ladder (rules complaint_management and
				     complaint_directors): 1 department, 2 management, 3 directors;
				     0 when the contract sets no ladder */
	sk_time management_at;    /* when its business time passed complaint_management; 0: not */
	sk_time directors_at;     /* when it passed complaint_directors; 0: not */
};

/*
 * The time of complaint @id on calendar @cal (the complaint KPI's) as it
 * stands at @until: the one computation behind the tickets:complaint KPI,
 * the report's complaints and its escalations.
 */
enum sk_err score_complaint_time(struct sk_db *db, struct sk_contract *c, const char *id, int cal,
				 sk_time until, struct score_complaint *out, struct sk_diag *d);

/* --explain's instants: @t with its UTC offset in @tz, "-" for 0 (explain.c). */
const char *explain_when(sk_time t, const struct sk_tz *tz, char *buf, size_t size);

/* --- suppliers.c: hand-overs to the customer's suppliers (slakit/suppliers.h) --- */
#include "slakit/suppliers.h"

/*
 * The hand-overs of ticket @id (NULL: every ticket) evaluated at @as_of, with
 * the supplier's clocks; the priority of a ticket in @res (may be NULL) is the
 * one its verdict applied. Strings in @a; out->h is freed by suppliers_release().
 */
enum sk_err suppliers_collect(struct sk_db *db, struct sk_contract *c, const char *id,
			      const struct sk_results *res, sk_time as_of, struct arena *a,
			      struct sk_handovers *out, struct sk_diag *d);
void suppliers_release(struct sk_handovers *h);

/*
 * How result @r's business time (registration to resolution, or @as_of) was
 * spent, given its @n hand-overs @h; out->per_supplier is the caller's,
 * n_suppliers + 1 long.
 */
enum sk_err suppliers_split(struct sk_contract *c, const struct sk_result *r,
			    const struct sk_handover *h, size_t n, sk_time as_of,
			    struct sk_ticket_split *out);

/* --explain: the ticket's hand-overs, the supplier clocks and where its time went. */
enum sk_err suppliers_explain(struct sk_db *db, struct sk_contract *c, const struct sk_ticket *t,
			      const struct sk_verdict *v, sk_time as_of, FILE *fp,
			      struct sk_diag *d);

/*
 * KPI `supplier:ID`: of supplier @supplier's hand-overs decided in window @w
 * (evaluated at its end, priorities from @res), *@n and the *@in that met
 * the supplier's targets.
 */
enum sk_err suppliers_kpi(struct sk_db *db, struct sk_contract *c, int supplier,
			  const struct sk_period *w, const struct sk_results *res, long *n, long *in,
			  struct sk_diag *d);

/* With `supplier_pauses = yes`, ticket @id's imported hand-overs appended to its pauses. */
enum sk_err suppliers_add_pauses(struct sk_db *db, const struct sk_contract *c, const char *id,
				 struct sk_pause **ps, size_t *n, struct sk_diag *d);

/* --- cadence.c: updates to the customer and the response's channel (slakit/cadence.h) --- */
#include "slakit/cadence.h"

/* 1 when a priority of @c sets update_every or response_by. */
int cadence_in_contract(const struct sk_contract *c);

/*
 * The cadence of every result of @res (ticket @id's only when not NULL)
 * whose priority measures it, judged at @as_of. Strings in @a and @res;
 * out is freed by cadence_release().
 */
enum sk_err cadence_collect(struct sk_db *db, struct sk_contract *c, const char *id,
			    const struct sk_results *res, sk_time as_of, struct arena *a,
			    struct sk_cadences *out, struct sk_diag *d);
void cadence_release(struct sk_cadences *s);

/* "held", "late", "not measured", ... */
const char *cadence_state_name(enum sk_cadence_state s);

/* --explain: the gaps between the ticket's updates and the response's channel. */
enum sk_err cadence_explain(struct sk_db *db, struct sk_contract *c, const struct sk_ticket *t,
			    const struct sk_verdict *v, sk_time as_of, FILE *fp,
			    struct sk_diag *d);

/*
 * KPI `tickets:cadence`: of the results @res (priority @prio, -1: all) whose
 * cadence was decided (held or late) at the window's end, *@n and *@in held.
 */
enum sk_err cadence_kpi(struct sk_db *db, struct sk_contract *c, const struct sk_period *w,
			const struct sk_results *res, int prio, long *n, long *in,
			struct sk_diag *d);

#endif
