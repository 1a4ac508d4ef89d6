/* The management summary and the audit annex in every format (report_summary_*.c). */
#ifndef SLAKIT_REPORT_SUMMARY_PRIV_H
#define SLAKIT_REPORT_SUMMARY_PRIV_H

#include "render_priv.h"

/* Their words in one language. */
struct summary_words {
	const char *title, *annex, *domain, *score, *colour, *step, *malus, *malus_eur, *previous,
		*change, *colours[4], *colour_note, *norm, *measured, *verdict, *met, *not_met,
		*no_data, *norm_met, *norms_met, *norms_no_data, *prev_norms, *prev_period, *prev_none,
		*prev_before_start, *malus_total, *malus_unpriced, *escalations, *esc_domain,
		*esc_complaint, *overdue, *overdue_horizon, *overdue_total, *overdue_earlier, *points,
		*availability,
		*sheet, *sheet_annex, *currency, *change_note, *escalation, *no_data_list, *text_note,
		*per_priority_note, *malus_unscored, *malus_none;
	/* Whom the priority lines count, and the ticket KPIs that count fewer. */
	const char *text_note_now, *population, *per_type, *per_prio, *unscored_group, *and, *counts_only,
		*count_only, *of_prio, *malus_on, *malus_on_many, *score_on, *score_on_many;
	int prio_first;            /* of_prio takes the priority first ("P1 incident") */
	/* The places of the percentages (summary_places_text()). */
	const char *decimals_rule, *place, *places;
};

/* The words for @lang ("nl", else English). */
const struct summary_words *summary_words_for(const char *lang);

/* "€ 1.234,56" (nl) or "EUR 1,234.56" (en). */
char *summary_money(const struct summary_words *sw, const struct report_words *w, int64_t cents,
		    char *buf, size_t size);

/* A domain's name, its id when the contract gives none. */
static inline const char *summary_domain_name(const struct sk_domain *d)
{
	return d->name ? d->name : d->id;
}

/* The staffel step a domain reached: "≥ 90,00", or "< 80,00" for the lowest from 0. */
char *summary_step_text(const struct sk_report *r, const struct report_words *w,
			const struct sk_domain_score *ds, char *buf, size_t size);

/* The label of a norm: "P2 Hoog: reactie", the KPI's name, the service's name. */
char *summary_norm_label(const struct sk_report *r, const struct report_words *w,
			 const struct summary_words *sw, const struct sk_summary_norm *n, char *buf,
			 size_t size);

/*
 * A norm's value as text with the places its verdict needs ("45,5 %",
 * "<98 %" when no places show it), @v the period's value; @decimals gets
 * the places shown (-1: a bound or no value).
 */
/* The places of the change between @n's values: the more of the two values' places
 * as summary_value_text() shows them, else the default of percentages or 2. */
int summary_change_places(const struct sk_report *r, const struct report_words *w,
			  const struct sk_summary_norm *n);

/* Places after the mark in the shortest exact form of @v ("99.75": 2). */
int summary_places(sk_dec v);

char *summary_value_text(const struct sk_report *r, const struct report_words *w,
			 const struct sk_summary_norm *n, const struct sk_summary_value *v,
			 int *decimals, char *buf, size_t size);

/*
 * Whom the priority lines count: "Prioriteiten: alle typen (storing, verzoek,
 * wijziging), elk tegen de termijn voor zijn type", and the ticket KPIs that
 * measure the same clocks per priority on fewer tickets (a `type=` or
 * `priority=` that leaves out tickets the priority lines count): "Reactietijd
 * per prioriteit telt alleen storing en probleem; daarop is de malus
 * gebaseerd". "" when the summary has no priority lines, or they count one
 * type and no KPI counts fewer. A general rule from the contract's KPI
 * sources: the two figures for one priority differ for a reason the reader
 * sees.
 */
char *summary_population_text(const struct sk_report *r, const struct report_words *w,
			      const struct summary_words *sw, char *buf, size_t size);
char *summary_subset_text(const struct sk_report *r, const struct report_words *w,
			  const struct summary_words *sw, char *buf, size_t size);

/*
 * The places of the measured column: percentages with the contract's
 * pct_decimals, more only where rounding would put a value on the wrong side
 * of its norm (report_figure()). The rule in words when some value shows
 * more places (or a bound), else "".
 */
char *summary_places_text(const struct sk_report *r, const struct report_words *w,
			  const struct summary_words *sw, char *buf, size_t size);

/* "45,5 % < 95 %", "99,875 % ≥ 99,8 %", "1 < 2": the value against the norm. */
char *summary_against_text(const struct sk_report *r, const struct report_words *w,
			   const struct sk_summary_norm *n, char *buf, size_t size);

/* "+4,5" / "-1": this period's value less the previous one's; "—" when either is missing. */
char *summary_change_text(const struct sk_report *r, const struct report_words *w,
			  const struct summary_words *sw, const struct sk_summary_norm *n, char *buf,
			  size_t size);

/* The summary as text (the report's first section), CSV rows and a JSON member. */
void report_summary_text(FILE *fp, const struct sk_report *r, const char *lang);
void report_summary_csv(FILE *fp, const struct sk_report *r);
void report_summary_json(FILE *fp, const struct sk_report *r);

#endif
