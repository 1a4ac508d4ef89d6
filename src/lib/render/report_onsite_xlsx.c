/*
 * The onsite visits' and device swaps' sheet of the workbook: per priority
 * the count, those in time, the share as a formula over them and the norm;
 * then every late one with its ticket (report_onsite.c says what counts).
 */
#include <stdio.h>

#include "report_onsite_priv.h"
#include "report_xlsx_priv.h"

void xw_onsite_add(struct xw *x)
{
	const struct onsite_words *ow = onsite_words_for(x->w->lang);

	if (!report_onsite_wanted(x->r->contract, ONSITE_VISIT) &&
	    !report_onsite_wanted(x->r->contract, ONSITE_SWAP))
		return;
	x->onsite.name = xw_text(x, ow->sheet);
	x->onsite.ws = workbook_add_worksheet(x->wb, x->onsite.name);
	if (!x->onsite.ws)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

/* One kind's tables from @row on; the row after them. */
static lxw_row_t sheet_kind(struct xw *x, struct sheet *s, lxw_row_t row, enum onsite_kind kind,
			    long *n, long *in)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct onsite_words *ow = onsite_words_for(x->w->lang);
	const char *head[5] = { ow->priority, ow->n, ow->within, ow->pct, ow->norm };
	const char *late_head[6] = { ow->ticket, ow->priority, ow->start, ow->deadline, ow->done,
				     ow->over };
	int any = 0;

	xw_str(x, s, row++, 0, ow->kind[kind], x->bold);
	xw_header_aligned(x, s, row++, head, 5, "tnnnn");
	report_onsite_counts(r, kind, n, in);
	for (size_t p = 0; p < c->n_priorities; p++, row++) {
		sk_dec nv;

		xw_str(x, s, row, 0, c->priorities[p].id, NULL);
		xw_num(x, s, row, 1, (double)n[p], x->count);
		xw_num(x, s, row, 2, (double)in[p], x->count);
		if (n[p]) {
			char a[32], b[32], formula[96];

			snprintf(formula, sizeof(formula), "=%s/%s",
				 xw_ref(a, sizeof(a), NULL, row, 2, 0), xw_ref(b, sizeof(b), NULL, row, 1, 0));
			xw_formula(x, s, row, 3, formula, x->pct, (double)in[p] / (double)n[p]);
		}
		if (report_onsite_norm(c, kind, p, &nv))
			xw_num(x, s, row, 4, (double)nv / (100.0 * SK_DEC_ONE), x->pct);
	}
	row++;
	for (size_t i = 0; r->results && i < r->results->n; i++) {
		const struct sk_result *xr = &r->results->r[i];
		const struct sk_clock *k;
		sk_time start, done;

		if (!report_onsite_late(xr, kind))
			continue;
		if (!any++) {
			xw_str(x, s, row++, 0, ow->late, x->bold);
			xw_header_aligned(x, s, row++, late_head, 6, "ttnnnn");
		}
		k = report_onsite_clock(xr, kind, &start, &done);
		xw_str(x, s, row, 0, xr->ticket.id, NULL);
		xw_str(x, s, row, 1, c->priorities[xr->v.priority].id, NULL);
		xw_time(x, s, row, 2, start, x->dt);
		xw_time(x, s, row, 3, k->deadline, x->dt);
		if (done)
			xw_time(x, s, row, 4, done, x->dt);
		else
			xw_str(x, s, row, 4, ow->open, NULL);
		xw_dur(x, s, row++, 5, k->elapsed - k->target);
	}
	if (!any)
		xw_str(x, s, row++, 0, ow->late, NULL), xw_str(x, s, row - 1, 1, ow->none, NULL);
	return row + 1;
}

void xw_sheet_onsite(struct xw *x)
{
	const struct onsite_words *ow = onsite_words_for(x->w->lang);
	struct sheet *s = &x->onsite;
	size_t np = x->r->contract->n_priorities;
	long n[np ? np : 1], in[np ? np : 1];
	lxw_row_t row = 0;

	if (!s->ws)
		return;
	xw_str(x, s, row++, 0, ow->title, x->title);
	row++;
	for (int k = 0; k < ONSITE_KINDS; k++)
		if (report_onsite_wanted(x->r->contract, (enum onsite_kind)k))
			row = sheet_kind(x, s, row, (enum onsite_kind)k, n, in);
	xw_set_widths(x, s);
}
