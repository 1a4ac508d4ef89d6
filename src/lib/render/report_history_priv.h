/* The history section of a report in every format (report_history_*.c). */
#ifndef SLAKIT_REPORT_HISTORY_PRIV_H
#define SLAKIT_REPORT_HISTORY_PRIV_H

#include "render_priv.h"

/* Its words in one language. */
struct history_words {
	const char *title_month, *title_quarter, *response, *resolution, *scores, *no_data_note,
		*n_note, *not_scored_note, *blank_note, *norm, *sheet, *chart_scores, *tickets,
		*domain;
};

/* The words for @lang ("nl", else English). */
const struct history_words *history_words_for(const char *lang);

/* What a period's share shows: "—" before the data, "-" without clocks. */
#define HISTORY_NO_DATA "\xe2\x80\x94"

/* The share of priority @p in history period @h: response, or resolution when @res. */
static inline long history_n(const struct sk_report_prio *pr, int res)
{
	return res ? pr->resolution_n : pr->response_n;
}
static inline long history_within(const struct sk_report_prio *pr, int res)
{
	return res ? pr->resolution_within : pr->response_within;
}
static inline sk_dec history_pct(const struct sk_report_prio *pr, int res)
{
	return res ? pr->resolution_pct : pr->response_pct;
}

/* The section in text, CSV (section,key,field,value rows), JSON (`,"history":{...}`). */
void report_history_text(FILE *fp, const struct sk_report *r, const struct report_words *w);
void report_history_csv(FILE *fp, const struct sk_report *r);
void report_history_json(FILE *fp, const struct sk_report *r);

#endif
