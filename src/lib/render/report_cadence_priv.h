/* The status-update cadence section of a report in every format (report_cadence_*.c). */
#ifndef SLAKIT_REPORT_CADENCE_PRIV_H
#define SLAKIT_REPORT_CADENCE_PRIV_H

#include "render_priv.h"

/* Its words in one language. */
struct cadence_words {
	const char *title, *intro, *intro2, *priority, *interval, *tickets, *held, *late, *open,
		*not_measured, *pct, *agreed, *late_gaps, *ticket, *from, *to, *gap, *allowed,
		*paused, *still_open, *none, *wrong_title, *asked, *made, *unknown_note,
		*not_measured_note, *not_measured_note2, *sheet, *response_not,
		*h_paused, *h_asked, *h_made;
	const char *ends[4];        /* by enum sk_gap_end: response, update, resolution, now */
	const char *by[6];          /* phone, portal, email, chat, walk-in, other: "telefonisch" */
};

/* The words for @lang ("nl", else English). */
const struct cadence_words *cadence_words_for(const char *lang);

/* "telefonisch" / "by phone" for channel word @ch ("phone"...); @ch itself when unknown. */
const char *cadence_by(const struct cadence_words *cw, const char *ch);

/*
 * The P1 list's note on result @result: "reactie niet telefonisch (per e-mail)"
 * when its response was made by another channel than its priority asks;
 * NULL otherwise. In @buf.
 */
const char *report_cadence_p1_note(const struct sk_report *r, size_t result, const char *lang,
				   char *buf, size_t size);

/* The section in text, CSV (section,key,field,value rows), JSON (`,"cadence":{...}`). */
void report_cadence_text(FILE *fp, const struct sk_report *r, const char *lang);
void report_cadence_csv(FILE *fp, const struct sk_report *r);
void report_cadence_json(FILE *fp, const struct sk_report *r);
/* The P1 list's response channel fields, in CSV rows / as JSON members (",..."). */
void report_cadence_p1_csv(FILE *fp, const struct sk_report *r, size_t result);
void report_cadence_p1_json(FILE *fp, const struct sk_report *r, size_t result);

#endif
