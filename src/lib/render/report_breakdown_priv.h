/* The breakdowns' section of a report in every format (report_breakdown_*.c). */
#ifndef SLAKIT_REPORT_BREAKDOWN_PRIV_H
#define SLAKIT_REPORT_BREAKDOWN_PRIV_H

#include "render_priv.h"

/* Its words in one language. */
struct breakdown_words {
	const char *title, *dim_title[SK_BREAKDOWN_DIMS], *dim_col[SK_BREAKDOWN_DIMS],
		*population, *no_groups, *empty[SK_BREAKDOWN_DIMS], *tickets, *response_within, *resolution_within,
		*backlog, *backlog_note, *at_end, *at_horizon, *ages, *age[SK_AGE_BUCKETS],
		*priority, *open, *oldest, *paused, *paused_note, *decided, *with_pause, *total,
		*mean, *times, *times_note, *clock, *count, *median, *p90, *response, *resolution,
		*none, *sheet, *response_n, *resolution_n, *pct, *age_long[SK_AGE_BUCKETS];
};

/* The words for @lang ("nl", else English). */
const struct breakdown_words *breakdown_words_for(const char *lang);

/* The section in text, CSV (section,key,field,value rows), JSON (`,"breakdown":{...}`). */
void report_breakdown_text(FILE *fp, const struct sk_report *r, const char *lang);
void report_breakdown_csv(FILE *fp, const struct sk_report *r);
void report_breakdown_json(FILE *fp, const struct sk_report *r);

/* The JSON and CSV names of the dimensions and age buckets. */
extern const char *const breakdown_dim_key[SK_BREAKDOWN_DIMS];
extern const char *const breakdown_age_key[SK_AGE_BUCKETS];

#endif
