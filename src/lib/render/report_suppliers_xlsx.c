/*
 * The suppliers' sheet of the workbook: per supplier its figures (the share
 * within target as a formula over the counts beside it), the share of the
 * desk's breaches a supplier held, the quarterly scorecard, every hand-over
 * with the supplier's clocks, and where each ticket's time went.
 */
#include <stdio.h>
#include <string.h>

#include "report_suppliers_priv.h"
#include "report_xlsx_priv.h"

/* The sheet exists when the report can have the section (known before it is gathered). */
static int wanted(const struct sk_report *r)
{
	return r->contract->n_suppliers || r->contract->rules.n_supplier_statuses;
}

void xw_suppliers_add(struct xw *x)
{
	const struct supplier_words *sw = supplier_words_for(x->w->lang);

	if (!wanted(x->r))
		return;
	x->suppliers.name = xw_text(x, sw->sheet);
	x->suppliers.ws = workbook_add_worksheet(x->wb, x->suppliers.name);
	if (!x->suppliers.ws)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

/* Within / hand-overs as a formula on cells @n_col and @in_col of @row. */
static void share(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, lxw_col_t n_col,
		  lxw_col_t in_col, const struct sk_supplier_figures *f)
{
	char n[32], in[32], formula[96];

	if (!f->handovers)
		return;
	snprintf(formula, sizeof(formula), "=%s/%s", xw_ref(in, sizeof(in), NULL, row, in_col, 0),
		 xw_ref(n, sizeof(n), NULL, row, n_col, 0));
	xw_formula(x, s, row, col, formula, x->pct, (double)f->pct / 1e8);
}

void xw_sheet_suppliers(struct xw *x)
{
	const struct sk_report *r = x->r;
	const struct sk_report_suppliers *sp = r->suppliers;
	const struct supplier_words *sw = supplier_words_for(x->w->lang);
	struct sheet *s = &x->suppliers;
	lxw_row_t row = 0;

	if (!s->ws || !sp)
		return;
	xw_str(x, s, row++, 0, sw->title, x->title);
	row++;
	{
		/* Column B stays free: the name fills A and B, so the figures keep their columns. */
		const char *head[9] = { sw->supplier, "", sw->handovers, sw->within,
					sw->pct, sw->pending, sw->time, sw->mean, sw->median };

		xw_header_aligned(x, s, row++, head, 9, "ttnnnnnnn");
	}
	for (size_t i = 0; i < sp->n; i++, row++) {
		const struct sk_report_supplier *rs = &sp->s[i];
		const struct sk_supplier_figures *f = &rs->fig;

		xw_str(x, s, row, 0, rs->supplier >= 0 ? rs->name : sw->others, NULL);
		xw_num(x, s, row, 2, (double)f->handovers, x->count);
		xw_num(x, s, row, 3, (double)f->within, x->count);
		share(x, s, row, 4, 2, 3, f);
		xw_num(x, s, row, 5, (double)f->pending, x->count);
		xw_dur(x, s, row, 6, f->business);
		if (f->mean >= 0) {
			xw_dur(x, s, row, 7, f->mean);
			xw_dur(x, s, row, 8, f->median);
		}
	}
	row++;
	xw_str(x, s, row, 0, sw->held, x->bold);
	xw_num(x, s, row, 2, (double)sp->desk_breaches, x->count);
	xw_num(x, s, row, 3, (double)sp->desk_breaches_held, x->count);
	if (sp->desk_breaches) {
		char n[32], in[32], formula[96];

		snprintf(formula, sizeof(formula), "=%s/%s", xw_ref(in, sizeof(in), NULL, row, 3, 0),
			 xw_ref(n, sizeof(n), NULL, row, 2, 0));
		xw_formula(x, s, row, 4, formula, x->pct, (double)sp->held_pct / 1e8);
	}
	row += 2;

	xw_str(x, s, row++, 0, sw->scorecard, x->bold);
	for (size_t q = 0; q < sp->n_quarters; q++) {
		const char *head[4] = { sp->quarters[q].label, sw->handovers, sw->within, sw->pct };

		xw_header_aligned(x, s, row++, head, 4, "tnnn");
		for (size_t i = 0; i < sp->n; i++, row++) {
			const struct sk_report_supplier *rs = &sp->s[i];

			xw_str(x, s, row, 0, rs->supplier >= 0 ? rs->name : sw->others, NULL);
			xw_num(x, s, row, 1, (double)rs->quarters[q].handovers, x->count);
			xw_num(x, s, row, 2, (double)rs->quarters[q].within, x->count);
			share(x, s, row, 3, 1, 2, &rs->quarters[q]);
		}
		row++;
	}

	xw_str(x, s, row++, 0, sw->handovers_title, x->bold);
	{
		const char *head[10] = { sw->ticket, sw->supplier, sw->ref, sw->from, sw->to,
					 sw->elapsed, sw->response, sw->resolution, sw->clock, "" };

		xw_header_aligned(x, s, row++, head, 9, "tttnnnttt");
	}
	for (size_t i = 0; i < sp->all.n; i++, row++) {
		const struct sk_handover *h = &sp->all.h[i];

		xw_str(x, s, row, 0, h->ticket, NULL);
		/* The contract's name for a supplier it knows ("KPN Zakelijk"), as in the
		   table above; else the name as imported. */
		xw_str(x, s, row, 1, h->supplier >= 0 && (size_t)h->supplier < r->contract->n_suppliers
				     ? r->contract->suppliers[h->supplier].name : h->supplier_name, NULL);
		xw_str(x, s, row, 2, h->ref, NULL);
		xw_time(x, s, row, 3, h->start, x->dt);
		xw_time(x, s, row, 4, h->end, x->dt);
		xw_dur(x, s, row, 5, h->business);
		xw_str(x, s, row, 6, report_state_word(x->w, h->response.state), NULL);
		xw_str(x, s, row, 7, report_state_word(x->w, h->resolution.state), NULL);
		xw_str(x, s, row, 8, report_state_word(x->w, h->state), NULL);
	}
	row++;

	xw_str(x, s, row++, 0, sw->splits, x->bold);
	{
		const char *head[4] = { sw->ticket, sw->desk, sw->customer, sw->suppliers };

		xw_header_aligned(x, s, row++, head, 4, "tnnn");
	}
	for (size_t i = 0; i < sp->n_splits; i++, row++) {
		const struct sk_ticket_split *t = &sp->splits[i];

		xw_str(x, s, row, 0, r->results->r[t->result].ticket.id, NULL);
		xw_dur(x, s, row, 1, t->desk);
		xw_dur(x, s, row, 2, t->customer);
		xw_dur(x, s, row, 3, t->suppliers);
	}
	xw_set_widths(x, s);
}
