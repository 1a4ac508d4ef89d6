/*
 * The breakdowns' sheet of the workbook: compliance per category, location
 * and resolver group (each share a formula over the counts beside it), open
 * tickets by age, the time paused, and median and 90th percentile beside the
 * mean. Each table is kept on one printed page where it fits.
 */
#include <stdio.h>

#include "report_breakdown_priv.h"
#include "report_xlsx_priv.h"

void xw_breakdown_add(struct xw *x)
{
	const struct breakdown_words *bw = breakdown_words_for(x->w->lang);

	x->breakdown.name = xw_text(x, bw->sheet);
	x->breakdown.ws = workbook_add_worksheet(x->wb, x->breakdown.name);
	if (!x->breakdown.ws)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

/* Within / n as a formula on cells @n_col and @in_col of @row, its exact value
 * cached; blank when n is 0. */
static void share(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, lxw_col_t n_col,
		  lxw_col_t in_col, long within, long n)
{
	char a[32], b[32], formula[96];

	if (!n)
		return;
	snprintf(formula, sizeof(formula), "=%s/%s", xw_ref(a, sizeof(a), NULL, row, in_col, 0),
		 xw_ref(b, sizeof(b), NULL, row, n_col, 0));
	xw_formula(x, s, row, col, formula, x->pct, (double)within / (double)n);
}

/* Characters of a note's line: within the printed width of the sheet's tables. */
#define NOTE_WIDTH 110

/* A note under a table, a line of at most NOTE_WIDTH characters per row
 * (cut at blanks), each spilling to the right; the row after it. */
static lxw_row_t note(struct xw *x, struct sheet *s, lxw_row_t row, const char *text)
{
	char line[NOTE_WIDTH * 4 + 1];

	while (*text) {
		size_t n = 0, cut = 0, chars = 0;

		while (text[n] && chars < NOTE_WIDTH) {
			if (text[n] == ' ')
				cut = n;
			/* UTF-8: count only the first byte of a character. */
			chars += ((unsigned char)text[n] & 0xc0) != 0x80;
			n++;
		}
		if (text[n] && cut)
			n = cut;
		snprintf(line, sizeof(line), "%.*s", (int)n, text);
		xw_str_spill(x, s, row++, 0, line, NULL);
		text += n;
		while (*text == ' ')
			text++;
	}
	return row;
}

static lxw_row_t dimension(struct xw *x, struct sheet *s, lxw_row_t row, int dim)
{
	const struct breakdown_words *bw = breakdown_words_for(x->w->lang);
	const struct sk_breakdown_table *t = &x->r->breakdown->dims[dim];
	lxw_row_t first = row;

	xw_str(x, s, row++, 0, bw->dim_title[dim], x->bold);
	if (dim == SK_BREAKDOWN_GROUP && !t->recorded)
		return note(x, s, row, bw->no_groups) + 1;
	{
		const char *head[8] = { bw->dim_col[dim], bw->tickets, bw->response_n,
					bw->response_within, bw->pct, bw->resolution_n,
					bw->resolution_within, bw->pct };

		xw_header_aligned(x, s, row++, head, 8, "snnnnnnn");
	}
	for (size_t i = 0; i < t->n; i++, row++) {
		const struct sk_breakdown_row *r = &t->rows[i];

		xw_str(x, s, row, 0, r->name[0] ? r->name : bw->empty[dim], NULL);
		xw_num(x, s, row, 1, (double)r->tickets, x->count);
		xw_num(x, s, row, 2, (double)r->response_n, x->count);
		xw_num(x, s, row, 3, (double)r->response_within, x->count);
		share(x, s, row, 4, 2, 3, r->response_within, r->response_n);
		xw_num(x, s, row, 5, (double)r->resolution_n, x->count);
		xw_num(x, s, row, 6, (double)r->resolution_within, x->count);
		share(x, s, row, 7, 5, 6, r->resolution_within, r->resolution_n);
	}
	xw_print_keep(s, first, row);
	return row + 1;
}

static lxw_row_t backlog(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct breakdown_words *bw = breakdown_words_for(x->w->lang);
	const struct sk_report_breakdown *b = x->r->breakdown;
	lxw_row_t first = row;
	char line[256], at[48];

	xw_str(x, s, row++, 0, bw->backlog, x->bold);
	{
		const char *head[7] = { bw->priority, bw->open, bw->age_long[0], bw->age_long[1],
					bw->age_long[2], bw->age_long[3], bw->oldest };

		xw_header_aligned(x, s, row++, head, 7, "snnnnnn");
	}
	for (size_t p = 0; p < b->n_prio; p++, row++) {
		const struct sk_breakdown_prio *q = &b->prio[p];
		char label[128];

		xw_str(x, s, row, 0, report_prio_label(x->r->contract, q->priority, label,
						       sizeof(label)), NULL);
		xw_num(x, s, row, 1, (double)q->open, x->count);
		for (int k = 0; k < SK_AGE_BUCKETS; k++)
			xw_num(x, s, row, (lxw_col_t)(2 + k), (double)q->age[k], x->count);
		if (q->oldest >= 0)
			xw_dur(x, s, row, 6, q->oldest);
	}
	xw_print_keep(s, first, row);
	row = note(x, s, row, bw->backlog_note);
	if (b->backlog_at_horizon) {
		snprintf(line, sizeof(line), bw->at_horizon,
			 report_time(x->r, b->backlog_at - 1, at, sizeof(at)));
		row = note(x, s, row, line);
	} else {
		row = note(x, s, row, bw->at_end);
	}
	return row + 1;
}

static lxw_row_t paused(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct breakdown_words *bw = breakdown_words_for(x->w->lang);
	const struct sk_report_breakdown *b = x->r->breakdown;
	lxw_row_t first = row;

	xw_str(x, s, row++, 0, bw->paused, x->bold);
	{
		const char *head[5] = { bw->priority, bw->decided, bw->with_pause, bw->total,
					bw->mean };

		xw_header_aligned(x, s, row++, head, 5, "snnnn");
	}
	for (size_t p = 0; p < b->n_prio; p++, row++) {
		const struct sk_breakdown_prio *q = &b->prio[p];
		char label[128];

		xw_str(x, s, row, 0, report_prio_label(x->r->contract, q->priority, label,
						       sizeof(label)), NULL);
		xw_num(x, s, row, 1, (double)q->paused_n, x->count);
		xw_num(x, s, row, 2, (double)q->paused_tickets, x->count);
		xw_dur(x, s, row, 3, q->paused_total);
		if (q->paused_mean >= 0)
			xw_dur(x, s, row, 4, q->paused_mean);
	}
	xw_print_keep(s, first, row);
	return note(x, s, row, bw->paused_note) + 1;
}

static lxw_row_t times(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct breakdown_words *bw = breakdown_words_for(x->w->lang);
	const struct sk_report_breakdown *b = x->r->breakdown;
	lxw_row_t first = row;

	xw_str(x, s, row++, 0, bw->times, x->bold);
	{
		const char *head[6] = { bw->priority, bw->clock, bw->count, bw->mean, bw->median,
					bw->p90 };

		xw_header_aligned(x, s, row++, head, 6, "ssnnnn");
	}
	for (size_t p = 0; p < b->n_prio; p++) {
		const struct sk_breakdown_prio *q = &b->prio[p];
		char label[128];

		for (int k = 0; k < 2; k++, row++) {
			long n = k ? q->resolution_n : q->response_n;
			int64_t m[3] = { k ? q->resolution_mean : q->response_mean,
					 k ? q->resolution_median : q->response_median,
					 k ? q->resolution_p90 : q->response_p90 };

			xw_str(x, s, row, 0, report_prio_label(x->r->contract, q->priority, label,
							       sizeof(label)), NULL);
			xw_str(x, s, row, 1, k ? bw->resolution : bw->response, NULL);
			xw_num(x, s, row, 2, (double)n, x->count);
			for (int i = 0; i < 3; i++)
				if (m[i] >= 0)
					xw_dur(x, s, row, (lxw_col_t)(3 + i), m[i]);
		}
	}
	xw_print_keep(s, first, row);
	return note(x, s, row, bw->times_note) + 1;
}

void xw_sheet_breakdown(struct xw *x)
{
	const struct breakdown_words *bw = breakdown_words_for(x->w->lang);
	struct sheet *s = &x->breakdown;
	lxw_row_t row = 0;

	if (!s->ws || !x->r->breakdown)
		return;
	xw_str(x, s, row++, 0, bw->title, x->title);
	row++;
	for (int dim = 0; dim < SK_BREAKDOWN_DIMS; dim++)
		row = dimension(x, s, row, dim);
	row = note(x, s, row - 1, bw->population) + 1;
	row = backlog(x, s, row);
	row = paused(x, s, row);
	times(x, s, row);
	xw_set_widths(x, s);
}
