/*
 * The history sheet of the workbook: for the response and the resolution
 * clock a table of the periods (the last twelve months or four quarters and
 * the report's own period) with each priority's share within the norm, its
 * n (the tickets behind the share) and the norm, each header right above its
 * figures; the domain scores per period; under the tables a chart per clock
 * with a line per priority labelled with its n and the norm as a line of its
 * own, and a chart of the domain scores, all within the print area. A
 * period before the contract's start or the first ticket shows "—" and is
 * left out of the charts (no 0 %).
 */
#include <stdio.h>
#include <string.h>

#include "report_history_priv.h"
#include "report_xlsx_priv.h"

void xw_history_add(struct xw *x)
{
	const struct history_words *hw = history_words_for(x->w->lang);
	enum sk_period_kind k = x->r->period.kind;

	if (k != SK_PERIOD_MONTH && k != SK_PERIOD_QUARTER)
		return;
	x->history.name = xw_text(x, hw->sheet);
	x->history.ws = workbook_add_worksheet(x->wb, x->history.name);
	if (!x->history.ws)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

/* The first period with figures; n_history when none. */
static size_t first_data(const struct sk_report *r)
{
	size_t i = 0;

	while (i < r->n_history && !r->history[i].has_data)
		i++;
	return i;
}

/* Distinct norms among the priorities (of the report's own period), the first priority of each. */
static size_t norms_of(const struct sk_report *r, size_t *first, size_t max)
{
	const struct sk_report_prio *now = r->history[r->n_history - 1].prio;
	size_t n = 0;

	for (size_t p = 0; p < r->contract->n_priorities && n < max; p++) {
		size_t k = 0;

		if (!now[p].has_norm)
			continue;
		while (k < n && now[first[k]].norm != now[p].norm)
			k++;
		if (k == n)
			first[n++] = p;
	}
	return n;
}

/* "norm P1/P2": the priorities that share norm @k. */
static char *norm_name(const struct xw *x, const size_t *first, size_t k, char *buf, size_t size)
{
	const struct sk_report *r = x->r;
	const struct sk_report_prio *now = r->history[r->n_history - 1].prio;
	size_t n = (size_t)snprintf(buf, size, "%s ", x->w->norm);
	int any = 0;

	for (size_t p = 0; p < r->contract->n_priorities && n < size; p++)
		if (now[p].has_norm && now[p].norm == now[first[k]].norm)
			n += (size_t)snprintf(buf + n, size - n, "%s%s", any++ ? "/" : "",
					      r->contract->priorities[p].id);
	return buf;
}

/* Where a clock's table is: its header row; the columns follow from the priorities. */
struct table {
	lxw_format *dash;      /* "—": right-aligned like the figures */
	lxw_row_t head;
	size_t norms[MAX_COLS];
	size_t n_norms;
};

/*
 * A row per period: A the period, then per priority its share (blank when
 * no clock was decided, "—" before the data), then per priority its n, then
 * the norms (one column per distinct norm, constant down the rows: the
 * chart's norm line). Returns the row after the table.
 */
static lxw_row_t prio_table(struct xw *x, struct sheet *s, lxw_row_t row, int res, struct table *t)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	const struct history_words *hw = history_words_for(w->lang);
	size_t np = c->n_priorities;
	lxw_row_t first = row;
	char name[96];

	xw_str_spill(x, s, row++, 0, res ? hw->resolution : hw->response, x->bold);
	xw_str(x, s, row, 0, r->period.kind == SK_PERIOD_MONTH ? w->month : w->period, x->head);
	for (size_t p = 0; p < np; p++) {
		xw_str(x, s, row, (lxw_col_t)(1 + p), c->priorities[p].id, x->head_num);
		snprintf(name, sizeof(name), "n %s", c->priorities[p].id);
		xw_str(x, s, row, (lxw_col_t)(1 + np + p), name, x->head_num);
	}
	for (size_t k = 0; k < t->n_norms; k++)
		xw_str(x, s, row, (lxw_col_t)(1 + 2 * np + k), norm_name(x, t->norms, k, name, sizeof(name)),
		       x->head_num);
	t->head = row++;
	for (size_t i = 0; i < r->n_history; i++, row++) {
		const struct sk_report_past *h = &r->history[i];

		xw_str(x, s, row, 0, report_period_name(w, &h->period, name, sizeof(name)), NULL);
		for (size_t p = 0; p < np; p++) {
			long n;

			if (!h->has_data) {
				xw_str(x, s, row, (lxw_col_t)(1 + p), HISTORY_NO_DATA, t->dash);
				xw_str(x, s, row, (lxw_col_t)(1 + np + p), HISTORY_NO_DATA, t->dash);
				continue;
			}
			n = history_n(&h->prio[p], res);
			if (n)
				xw_num(x, s, row, (lxw_col_t)(1 + p),
				       (double)history_within(&h->prio[p], res) / (double)n, x->pct);
			xw_num(x, s, row, (lxw_col_t)(1 + np + p), (double)n, x->count);
		}
		for (size_t k = 0; k < t->n_norms; k++)
			xw_dec(x, s, row, (lxw_col_t)(1 + 2 * np + k),
			       r->history[r->n_history - 1].prio[t->norms[k]].norm, 1, x->pct_norm);
	}
	xw_print_keep(s, first, row);
	return row + 1;
}

/* A row per period, a column per domain: its score, blank when not scored, "—" before the data. */
static lxw_row_t score_table(struct xw *x, struct sheet *s, lxw_row_t row, const struct table *t,
			     lxw_row_t *head)
{
	const struct sk_report *r = x->r;
	const struct report_words *w = x->w;
	const struct history_words *hw = history_words_for(w->lang);
	size_t nd = r->score->n_domains < MAX_COLS - 1 ? r->score->n_domains : MAX_COLS - 1;
	lxw_row_t first = row;
	char name[96];

	xw_str_spill(x, s, row++, 0, hw->scores, x->bold);
	xw_str(x, s, row, 0, r->period.kind == SK_PERIOD_MONTH ? w->month : w->period, x->head);
	/* Domains numbered, their names under the table: a name is too long for a head. */
	for (size_t k = 0; k < nd; k++) {
		snprintf(name, sizeof(name), "%zu", k + 1);
		xw_str(x, s, row, (lxw_col_t)(1 + k), name, x->head_num);
	}
	*head = row++;
	for (size_t i = 0; i < r->n_history; i++, row++) {
		const struct sk_report_past *h = &r->history[i];

		xw_str(x, s, row, 0, report_period_name(w, &h->period, name, sizeof(name)), NULL);
		for (size_t k = 0; k < nd; k++) {
			if (!h->has_data)
				xw_str(x, s, row, (lxw_col_t)(1 + k), HISTORY_NO_DATA, t->dash);
			else if (h->scored[k]) /* else blank: a gap in the chart, not 0 */
				xw_dec(x, s, row, (lxw_col_t)(1 + k), h->score[k], 1, x->score);
		}
	}
	xw_print_keep(s, first, row);
	row++;
	/* Each domain's name under the table, spilling to the right. */
	first = row;
	for (size_t k = 0; k < nd; k++, row++) {
		snprintf(name, sizeof(name), "%zu: ", k + 1);
		xw_str_spill(x, s, row, 0, name, NULL);
		xw_str_spill(x, s, row, 1, r->score->domains[k].domain->name, NULL);
	}
	xw_print_keep(s, first, row);
	return row + 1;
}

/* The range of column @col over the rows with data of the table headed at @head. */
static char *range(char *buf, size_t size, const struct sheet *s, lxw_row_t head, size_t from,
		   size_t n, lxw_col_t col)
{
	char a[48], b[48];

	snprintf(buf, size, "=%s:%s", xw_ref(a, sizeof(a), s->name, head + 1 + (lxw_row_t)from, col, 1),
		 xw_ref(b, sizeof(b), NULL, head + (lxw_row_t)n, col, 1));
	return buf;
}

/* Compliance over the periods with data: a line per priority labelled with n, a line per norm. */
static lxw_chart *prio_chart(struct xw *x, struct sheet *s, int res, const struct table *t, size_t from)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct history_words *hw = history_words_for(x->w->lang);
	size_t np = c->n_priorities, n = r->n_history;
	char cats[160], vals[160], name[96];
	long ns[64];
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);

	if (!chart) {
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	range(cats, sizeof(cats), s, t->head, from, n, 0);
	for (size_t p = 0; p < np; p++) {
		lxw_chart_series *ser = chart_add_series(chart, cats, range(vals, sizeof(vals), s, t->head,
									    from, n, (lxw_col_t)(1 + p)));
		size_t k = 0;

		if (ser) {
			chart_series_set_name(ser, xw_text(x, c->priorities[p].id));
			chart_series_set_marker_type(ser, LXW_CHART_MARKER_AUTOMATIC);
		}
		for (size_t i = from; i < n && k < 64; i++)
			ns[k++] = history_n(&r->history[i].prio[p], res);
		xw_chart_n_labels(x, ser, ns, k);
	}
	for (size_t k = 0; k < t->n_norms; k++) {
		lxw_chart_series *ser = chart_add_series(chart, cats, range(vals, sizeof(vals), s, t->head,
									    from, n,
									    (lxw_col_t)(1 + 2 * np + k)));

		if (ser)
			chart_series_set_name(ser, xw_text(x, norm_name(x, t->norms, k, name, sizeof(name))));
		xw_chart_norm_style(ser, (int)k);
	}
	chart_title_set_name(chart, xw_text(x, res ? hw->resolution : hw->response));
	chart_axis_set_min(chart->y_axis, 0);
	chart_axis_set_max(chart->y_axis, 1);
	chart_axis_set_num_format(chart->y_axis, "0%");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
	return chart;
}

/* The domain scores over the periods with data, a line per domain with a score. */
static lxw_chart *score_chart(struct xw *x, struct sheet *s, lxw_row_t head, size_t from)
{
	const struct sk_report *r = x->r;
	const struct history_words *hw = history_words_for(x->w->lang);
	size_t nd = r->score->n_domains < MAX_COLS - 1 ? r->score->n_domains : MAX_COLS - 1;
	size_t n = r->n_history, lines = 0;
	char cats[160], vals[160];
	lxw_chart *chart;

	for (size_t k = 0; k < nd; k++)
		for (size_t i = from; i < n; i++)
			lines += r->history[i].scored[k];
	if (!lines)
		return NULL;
	chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
	if (!chart) {
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	range(cats, sizeof(cats), s, head, from, n, 0);
	for (size_t k = 0; k < nd; k++) {
		int any = 0;
		lxw_chart_series *ser;

		for (size_t i = from; i < n; i++)
			any |= r->history[i].scored[k];
		if (!any)
			continue;
		ser = chart_add_series(chart, cats, range(vals, sizeof(vals), s, head, from, n,
							  (lxw_col_t)(1 + k)));
		if (ser) {
			chart_series_set_name(ser, xw_text(x, r->score->domains[k].domain->name));
			chart_series_set_marker_type(ser, LXW_CHART_MARKER_AUTOMATIC);
		}
	}
	chart_title_set_name(chart, xw_text(x, hw->chart_scores));
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
	return chart;
}

void xw_sheet_history(struct xw *x)
{
	const struct sk_report *r = x->r;
	const struct history_words *hw = history_words_for(x->w->lang);
	struct sheet *s = &x->history;
	struct table t[2];
	lxw_row_t row = 0, score_head = 0;
	size_t from = first_data(r);

	if (!s->ws || !r->n_history || r->contract->n_priorities * 2 + 1 > MAX_COLS - 8)
		return;
	memset(t, 0, sizeof(t));
	t[0].dash = t[1].dash = workbook_add_format(x->wb);
	if (!t[0].dash) {
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	format_set_align(t[0].dash, LXW_ALIGN_RIGHT);
	format_set_indent(t[0].dash, 1);
	xw_str_spill(x, s, row++, 0, r->period.kind == SK_PERIOD_MONTH ? hw->title_month
				     : hw->title_quarter, x->title);
	xw_str_spill(x, s, row++, 0, hw->no_data_note, NULL);
	xw_str_spill(x, s, row++, 0, hw->blank_note, NULL);
	row++;
	for (int res = 0; res < 2; res++) {
		t[res].n_norms = norms_of(r, t[res].norms, 8);
		row = prio_table(x, s, row, res, &t[res]);
	}
	if (r->score->n_domains)
		row = score_table(x, s, row, &t[0], &score_head);
	/* The charts once the tables are written: as wide as they are. */
	for (int res = 0; res < 2 && from < r->n_history && r->contract->n_priorities; res++) {
		lxw_chart *chart = prio_chart(x, s, res, &t[res], from);

		if (!chart)
			return;
		row = xw_print_chart(x, s, row, chart);
	}
	if (r->score->n_domains && from < r->n_history) {
		lxw_chart *chart = score_chart(x, s, score_head, from);

		if (chart)
			row = xw_print_chart(x, s, row, chart);
	}
	xw_set_widths(x, s);
}
