/* The deviations' section of a report in every format (report_deviations_*.c). */
#ifndef SLAKIT_REPORT_DEVIATIONS_PRIV_H
#define SLAKIT_REPORT_DEVIATIONS_PRIV_H

#include "render_priv.h"

/* Its words in one language. */
struct deviation_words {
	const char *title, *summary, *summary_actions, *unexplained, *none_missed,
		*none_imported, *explanation, *action, *owner, *due, *done, *done_late, *open, *overdue, *after_period,
		*others, *earlier, *kpi, *domain, *service, *ticket, *availability, *against,
		*within_norm, *sheet, *what, *measured, *norm, *norms, *state,
		*period, *status, *explained, *for_, *the_domain, *the_service, *the_ticket,
		*per_priority, *missed;
};

/* The words for @lang ("nl", else English). */
const struct deviation_words *deviation_words_for(const char *lang);

/* What deviation @e is about, for people: "KPI Eerste-contact... (Servicedesk & Support)". */
char *report_deviation_label(const struct sk_report *r, const struct report_words *w,
			     const struct deviation_words *dw, const struct sk_report_deviation *e,
			     char *buf, size_t size);

/* A row's reference ("domain:incident", "priority:P2:response", "kpi:D.K", "service:S",
 * "ticket:T") in the client's words, by the contract's names: "domein Incident- &
 * Probleembeheer" ("het domein ..." when @article), "P2 Hoog, reactie", "KPI Naam
 * (Domein)"; as imported when the contract does not know it. */
char *report_refers_text(const struct sk_report *r, const struct report_words *w,
			 const struct deviation_words *dw, const char *ref, int article,
			 char *buf, size_t size);

/* The KPI score of @e when its norms differ per priority (Halt: 98/95/90/90): no
 * one norm is its, so none is shown; NULL otherwise. */
const struct sk_kpi_score *report_deviation_per_priority(const struct sk_report *r,
							 const struct sk_report_deviation *e);

/* For such a KPI the priorities below their own norm (sk_kpi_part_met):
 * "norm per prioriteit; niet gehaald: P2 75,0 % < 95 %"; "" otherwise. */
char *report_deviation_priorities(const struct sk_report *r, const struct report_words *w,
				  const struct deviation_words *dw,
				  const struct sk_report_deviation *e, char *buf, size_t size);

/* Its measured value and norm: "50,41 % bij norm 70 %" (not_met only, else ""); for
 * norms per priority "95,35 %, norm per prioriteit; niet gehaald: P2 75,0 % < 95 %". */
char *report_deviation_figures(const struct sk_report *r, const struct report_words *w,
			       const struct deviation_words *dw,
			       const struct sk_report_deviation *e, char *buf, size_t size);

/* "20 normen niet gehaald, waarvan 18 onverklaard; verbeteracties: ..." */
char *report_deviations_summary(const struct deviation_words *dw,
				const struct sk_report_deviations *v, char *buf, size_t size);

/* An action's state at the period's end: "gereed 2027-02-10", "open, verlopen", ... */
char *report_action_state(const struct sk_report *r, const struct deviation_words *dw,
			  const struct sk_report_action *x, char *buf, size_t size);

/* A date (the start of a day) as YYYY-MM-DD in the contract's zone. */
char *report_day(const struct sk_report *r, sk_time t, char *buf, size_t size);

/* The section in text, CSV (section,key,field,value rows), JSON (`,"deviations":{...}`);
 * nothing when the report has none. */
void report_deviations_text(FILE *fp, const struct sk_report *r, const char *lang);
void report_deviations_csv(FILE *fp, const struct sk_report *r);
void report_deviations_json(FILE *fp, const struct sk_report *r);

#endif
