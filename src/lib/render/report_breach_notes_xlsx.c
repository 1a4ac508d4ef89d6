/*
 * Notes under the breaches table of the workbook's priorities sheet, as the
 * text report has them: why a breach shown as late by 0:00 is late, and the
 * tickets still open past their deadline that the summary counts but whose
 * breach an earlier period counted (past their deadline since before it).
 */
#include <stdio.h>

#include "report_xlsx_priv.h"

lxw_row_t xw_breach_notes(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct sk_report *r = x->r;
	const struct sk_report_summary *sm = r->summary;
	char line[1200], list[1024];
	size_t n = 0;

	for (size_t i = 0; i < r->n_breaches; i++) {
		const struct sk_report_breach *br = &r->breaches[i];
		const struct sk_result *t = &r->results->r[br->result];
		const struct sk_clock *k = br->resolution ? &t->v.resolution : &t->v.response;
		const char *note = report_late_note(x->w, k, br->late);

		if (!note)
			continue;
		snprintf(line, sizeof(line), "%s %s: %s", t->ticket.id,
			 br->resolution ? x->w->resolution : x->w->response, note);
		xw_str_spill(x, s, row++, 0, line, NULL);
	}
	if (!sm || !sm->n_overdue_earlier)
		return row;
	list[0] = '\0';
	for (size_t i = 0; i < sm->n_overdue_earlier && n < sizeof(list); i++) {
		const struct sk_result *t = &r->others[sm->overdue_earlier[i]];

		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s (%s)", i ? ", " : "",
				      t->ticket.id, r->contract->priorities[t->v.priority].id);
	}
	snprintf(line, sizeof(line), x->w->overdue_earlier, list);
	xw_str_spill(x, s, row++, 0, line, NULL);
	return row;
}
