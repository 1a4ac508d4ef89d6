/* The onsite visits' and device swaps' section of a report in every format (report_onsite*.c). */
#ifndef SLAKIT_REPORT_ONSITE_PRIV_H
#define SLAKIT_REPORT_ONSITE_PRIV_H

#include "render_priv.h"

/* The two kinds the section shows: onsite visits (Halt §10.1.3), device swaps (§10.1.5). */
enum onsite_kind { ONSITE_VISIT, ONSITE_SWAP, ONSITE_KINDS };

/* Its words in one language. */
struct onsite_words {
	const char *title, *kind[ONSITE_KINDS], *priority, *n, *within, *pct, *norm, *late,
		*ticket, *start, *deadline, *done, *over, *open, *none, *sheet;
	const char *one[ONSITE_KINDS];  /* one of the kind, in a column header ("Device swap") */
};

/* The words for @lang ("nl", else English). */
const struct onsite_words *onsite_words_for(const char *lang);

/* 1 when the contract measures @kind (a target, or onsite_default = resolution). */
int report_onsite_wanted(const struct sk_contract *c, enum onsite_kind kind);

/* Per priority: verdicts counted in the period (*n) and in time (*in); arrays of n_priorities. */
void report_onsite_counts(const struct sk_report *r, enum onsite_kind kind, long *n, long *in);

/* Priority @p's norm for @kind (its own, else its norm, else the norm of the contract's
 * first KPI of that kind, as that KPI's parts have it); 0 when there is none. */
int report_onsite_norm(const struct sk_contract *c, enum onsite_kind kind, size_t p, sk_dec *norm);

/* A late one of @kind: result @x breached, counted in the period, not listed apart. */
int report_onsite_late(const struct sk_result *x, enum onsite_kind kind);

/* What a late one shows: the clock that ran out, its start and when it was done (0: open). */
const struct sk_clock *report_onsite_clock(const struct sk_result *x, enum onsite_kind kind,
					   sk_time *start, sk_time *done);

/* The section in text, CSV (section,key,field,value rows), JSON (`,"onsite":{...}`). */
void report_onsite_text(FILE *fp, const struct sk_report *r, const char *lang);
void report_onsite_csv(FILE *fp, const struct sk_report *r);
void report_onsite_json(FILE *fp, const struct sk_report *r);

#endif
