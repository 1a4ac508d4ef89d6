/*
 * The status-update sheet of the workbook: per priority the tickets whose
 * cadence held (the share a formula over the counts beside it), every gap
 * over the interval, and the responses not made by the channel the priority
 * asks. The P1 list on the priorities sheet marks those responses too.
 */
#include <stdio.h>
#include <string.h>

#include "report_cadence_priv.h"
#include "report_xlsx_priv.h"

/* The sheet exists when the report can have the section (known before it is gathered). */
void xw_cadence_add(struct xw *x)
{
	const struct cadence_words *cw = cadence_words_for(x->w->lang);

	if (!cadence_in_contract(x->r->contract))
		return;
	x->cadence.name = xw_text(x, cw->sheet);
	x->cadence.ws = workbook_add_worksheet(x->wb, x->cadence.name);
	if (!x->cadence.ws)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

void xw_sheet_cadence(struct xw *x)
{
	const struct sk_report *r = x->r;
	const struct sk_report_cadence *k = r->cadence;
	const struct sk_contract *c = r->contract;
	const struct cadence_words *cw = cadence_words_for(x->w->lang);
	struct sheet *s = &x->cadence;
	lxw_row_t row = 0, start;

	if (!s->ws || !k)
		return;
	xw_str(x, s, row++, 0, cw->title, x->title);
	xw_str(x, s, row++, 0, cw->intro, NULL);
	xw_str(x, s, row++, 0, cw->intro2, NULL);
	row++;
	start = row;
	{
		const char *head[8] = { cw->priority, cw->interval, cw->tickets, cw->held, cw->late,
					cw->open, cw->not_measured, cw->pct };

		xw_header_aligned(x, s, row++, head, 8, "tnnnnnnn");
	}
	for (size_t i = 0; i < k->n_p; i++, row++) {
		const struct sk_report_cadence_prio *f = &k->p[i];
		char label[128];

		xw_str(x, s, row, 0, report_prio_label(c, f->priority, label, sizeof(label)), NULL);
		if (f->agreed)
			xw_str(x, s, row, 1, cw->agreed, NULL);
		else
			xw_dur(x, s, row, 1, f->interval);
		xw_num(x, s, row, 2, (double)f->tickets, x->count);
		if (!f->agreed) {
			xw_num(x, s, row, 3, (double)f->held, x->count);
			xw_num(x, s, row, 4, (double)f->late, x->count);
			xw_num(x, s, row, 5, (double)f->running, x->count);
		}
		xw_num(x, s, row, 6, (double)f->not_measured, x->count);
		if (f->has_pct) {
			char h[32], l[32], formula[96];

			snprintf(formula, sizeof(formula), "=%s/(%s+%s)",
				 xw_ref(h, sizeof(h), NULL, row, 3, 0),
				 xw_ref(h, sizeof(h), NULL, row, 3, 0),
				 xw_ref(l, sizeof(l), NULL, row, 4, 0));
			xw_formula(x, s, row, 7, formula, x->pct, (double)f->pct / 1e8);
		}
	}
	xw_str(x, s, row++, 0, cw->not_measured_note, NULL);
	xw_str(x, s, row++, 0, cw->not_measured_note2, NULL);
	xw_print_keep(s, start, row++);

	start = row;
	xw_str(x, s, row++, 0, cw->late_gaps, x->bold);
	{
		const char *head[7] = { cw->ticket, cw->priority, cw->from, cw->to, cw->gap,
					cw->allowed, cw->h_paused };

		xw_header_aligned(x, s, row++, head, 7, "ttnnnnn");
	}
	for (size_t i = 0; i < k->all.n; i++) {
		const struct sk_cadence *t = &k->all.t[i];

		for (size_t g = 0; g < t->n_gaps; g++) {
			const struct sk_update_gap *gp = &t->gaps[g];

			if (!gp->late)
				continue;
			xw_str(x, s, row, 0, t->ticket, NULL);
			xw_str(x, s, row, 1, c->priorities[t->priority].id, NULL);
			xw_time(x, s, row, 2, gp->from, x->dt);
			xw_time(x, s, row, 3, gp->to, x->dt);
			xw_dur(x, s, row, 4, gp->business);
			xw_dur(x, s, row, 5, t->interval);
			xw_dur(x, s, row, 6, gp->paused);
			row++;
		}
	}
	if (!k->late_gaps)
		xw_str(x, s, row++, 0, cw->none, NULL);
	xw_print_keep(s, start, row++);

	start = row;
	xw_str(x, s, row++, 0, cw->wrong_title, x->bold);
	{
		const char *head[4] = { cw->ticket, cw->priority, cw->h_asked, cw->h_made };

		xw_header(x, s, row++, head, 4);
	}
	for (size_t i = 0; i < k->all.n; i++) {
		const struct sk_cadence *t = &k->all.t[i];

		if (!t->response_wrong)
			continue;
		xw_str(x, s, row, 0, t->ticket, NULL);
		xw_str(x, s, row, 1, c->priorities[t->priority].id, NULL);
		xw_str(x, s, row, 2, cadence_by(cw, c->priorities[t->priority].response_by), NULL);
		xw_str(x, s, row, 3, cadence_by(cw, t->response_channel), NULL);
		row++;
	}
	if (!k->wrong_channel)
		xw_str(x, s, row++, 0, cw->none, NULL);
	xw_print_keep(s, start, row);
	xw_set_widths(x, s);
}
