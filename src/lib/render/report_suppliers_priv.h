/* The suppliers' section of a report in every format (report_suppliers_*.c). */
#ifndef SLAKIT_REPORT_SUPPLIERS_PRIV_H
#define SLAKIT_REPORT_SUPPLIERS_PRIV_H

#include "render_priv.h"

/* Its words in one language. */
struct supplier_words {
	const char *title, *supplier, *handovers, *within, *pct, *pending, *no_target, *time,
		*mean, *median, *products, *contact, *mandates, *technical, *privacy, *financial,
		*breaches, *ticket, *from, *to, *clock, *target, *elapsed, *response, *resolution,
		*held, *held_of, *splits, *desk, *customer, *suppliers, *per_supplier, *scorecard, *others,
		*none,
		*open, *ref, *sheet, *handovers_title, *no_target_note, *splits_note,
		*overlap_note;
};

/* The words for @lang ("nl", else English). */
const struct supplier_words *supplier_words_for(const char *lang);

/* The section in text, CSV (section,key,field,value rows), JSON (`,"suppliers":{...}`). */
void report_suppliers_text(FILE *fp, const struct sk_report *r, const char *lang);
void report_suppliers_csv(FILE *fp, const struct sk_report *r);
void report_suppliers_json(FILE *fp, const struct sk_report *r);

/* The breached clock of @h that decided its verdict (resolution when both). */
const struct sk_clock *report_supplier_breached_clock(const struct sk_handover *h, int *resolution);

#endif
