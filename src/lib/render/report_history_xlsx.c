/*
 * The history sheet of the workbook: for the response and the resolution
 * clock a table of the periods (the last twelve months or four quarters and
 * the report's own period) with each priority's share within the norm, its
 * n (the tickets behind the share) and the norm, each header right above its
 * figures; the domain scores per period; under the tables a chart per clock
 * with a line per priority (the n in the table) and the norm as a line of its
 * own, and a chart of the domain scores, all within the print area. A
 * period before the contract's start or the first ticket shows "—" and is
 * left out of the charts (no 0 %). With a single period with data, each
 * priority's norm is a row under the table and the chart runs over the
 * priorities instead (one_period_chart()).
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
	lxw_row_t norm_row;    /* one period with data: the row of each priority's norm, else 0 */
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
	/* One period with data (the last: a contract's first): each priority's norm under its
	   share, for a chart over the priorities (prio_chart()). */
	if (first_data(r) == r->n_history - 1 && t->n_norms) {
		const struct sk_report_prio *now = r->history[r->n_history - 1].prio;

		xw_str(x, s, row, 0, w->norm, NULL);
		for (size_t p = 0; p < np; p++)
			if (now[p].has_norm)
				xw_dec(x, s, row, (lxw_col_t)(1 + p), now[p].norm, 1, x->pct_norm);
		t->norm_row = row++;
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
				xw_dec(x, s, row, (lxw_col_t)(1 + k), h->score[k], 0, x->score);
		}
	}
	row++;
	/* Each domain's name under the table, spilling to the right; on the table's page. */
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

/* The chart's y axis (0-100 %), title (@ns: its points show their n) and legend. */
static lxw_chart *compliance_axes(struct xw *x, lxw_chart *chart, int res, int ns)
{
	const struct history_words *hw = history_words_for(x->w->lang);
	const char *title = ns ? (res ? hw->resolution : hw->response)
			       : (res ? x->w->chart_resolution : x->w->chart_response);

	chart_title_set_name(chart, xw_text(x, title));
	chart_axis_set_min(chart->y_axis, 0);
	chart_axis_set_max(chart->y_axis, 1);
	chart_axis_set_num_format(chart->y_axis, "0%");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
	return chart;
}

/*
 * One period with data (a contract's first): a line through a single period
 * would hide the norm and pile the priorities' n labels on one spot. So the
 * priorities are the categories, as the trend has them for one month: a
 * point per priority labelled with its n (above or below, where fewer labels
 * meet the norm line), and
 * each priority's norm (the row under the table) a dashed line across them;
 * a single priority's norm is a mark of its own.
 */
static lxw_chart *one_period_chart(struct xw *x, struct sheet *s, lxw_chart *chart, int res,
				   const struct table *t)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	size_t np = c->n_priorities, last = r->n_history - 1;
	lxw_row_t data = t->head + (lxw_row_t)r->n_history;
	char cats[160], vals[160], a[48], b[48], name[96];
	lxw_chart_line none = { 0 }, mark = { 0 };
	lxw_chart_fill fill = { 0 };
	lxw_chart_series *ser;
	long ns[64];
	int over = 0, under = 0;

	none.none = 1;
	snprintf(cats, sizeof(cats), "=%s:%s", xw_ref(a, sizeof(a), s->name, t->head, 1, 1),
		 xw_ref(b, sizeof(b), NULL, t->head, (lxw_col_t)np, 1));
	/* The norm first, under the points. */
	snprintf(vals, sizeof(vals), "=%s:%s", xw_ref(a, sizeof(a), s->name, t->norm_row, 1, 1),
		 xw_ref(b, sizeof(b), NULL, t->norm_row, (lxw_col_t)np, 1));
	ser = chart_add_series(chart, cats, vals);
	if (ser) {
		chart_series_set_name(ser, xw_text(x, x->w->norm));
		xw_chart_norm_style(ser, 0);
		/* A single priority has no line to draw: a mark in the norm line's colour. */
		if (np == 1) {
			mark.color = fill.color = 0xC00000;
			chart_series_set_marker_type(ser, LXW_CHART_MARKER_LONG_DASH);
			chart_series_set_marker_size(ser, 12);
			chart_series_set_marker_line(ser, &mark);
			chart_series_set_marker_fill(ser, &fill);
		}
	}
	snprintf(vals, sizeof(vals), "=%s:%s", xw_ref(a, sizeof(a), s->name, data, 1, 1),
		 xw_ref(b, sizeof(b), NULL, data, (lxw_col_t)np, 1));
	ser = chart_add_series(chart, cats, vals);
	if (ser) {
		chart_series_set_name(ser, xw_text(x, report_period_name(x->w, &r->history[last].period,
									 name, sizeof(name))));
		chart_series_set_line(ser, &none);
		chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
		chart_series_set_marker_size(ser, 8);
		mark.color = fill.color = 0x1F4E79;
		chart_series_set_marker_line(ser, &mark);
		chart_series_set_marker_fill(ser, &fill);
	}
	for (size_t p = 0; p < np && p < 64; p++) {
		const struct sk_report_prio *pr = &r->history[last].prio[p];
		double d;

		ns[p] = history_n(pr, res);
		/* A label within a tenth of its norm, on the norm's side, is struck by its line. */
		if (!ns[p] || !pr->has_norm)
			continue;
		d = (double)history_within(pr, res) / (double)ns[p] - (double)pr->norm / 1e8;
		if (d >= 0 && d < 0.1)
			under++;
		else if (d < 0 && d > -0.1)
			over++;
	}
	xw_chart_n_labels(x, ser, ns, np < 64 ? np : 64);
	/* Above the points, or below them when fewer labels meet the norm line there. */
	if (ser && over > under)
		chart_series_set_labels_position(ser, LXW_CHART_LABEL_POSITION_BELOW);
	return compliance_axes(x, chart, res, 1);
}

/*
 * Compliance over the periods with data: a line per priority, a line per
 * norm; one period alone: one_period_chart(). No n labels: where lines meet
 * (two priorities at 100 %) they printed on top of each other; the table
 * above has each period's n.
 */
static lxw_chart *prio_chart(struct xw *x, struct sheet *s, int res, const struct table *t, size_t from)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	size_t np = c->n_priorities, n = r->n_history;
	char cats[160], vals[160], name[96];
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);

	if (!chart) {
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	if (t->norm_row)
		return one_period_chart(x, s, chart, res, t);
	range(cats, sizeof(cats), s, t->head, from, n, 0);
	for (size_t p = 0; p < np; p++) {
		lxw_chart_series *ser = chart_add_series(chart, cats, range(vals, sizeof(vals), s, t->head,
									    from, n, (lxw_col_t)(1 + p)));

		if (ser) {
			chart_series_set_name(ser, xw_text(x, c->priorities[p].id));
			chart_series_set_marker_type(ser, LXW_CHART_MARKER_AUTOMATIC);
		}
	}
	for (size_t k = 0; k < t->n_norms; k++) {
		lxw_chart_series *ser = chart_add_series(chart, cats, range(vals, sizeof(vals), s, t->head,
									    from, n,
									    (lxw_col_t)(1 + 2 * np + k)));

		if (ser)
			chart_series_set_name(ser, xw_text(x, norm_name(x, t->norms, k, name, sizeof(name))));
		xw_chart_norm_style(ser, (int)k);
	}
	return compliance_axes(x, chart, res, 0);
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

/*
 * A note under the title, across the tables' columns and wrapped within them
 * (its row as tall as its lines): spilling to the right, a long one ran past
 * the printed page's edge ("... of niet in het c"). Written once the tables
 * have set the widths.
 */
static void note(struct xw *x, struct sheet *s, lxw_row_t row, const char *text)
{
	lxw_col_t last = s->ws->dim_colmax < MAX_COLS ? s->ws->dim_colmax : MAX_COLS - 1;
	double width = 0;

	for (lxw_col_t c = 0; c <= last; c++)
		width += s->width[c] <= 0 ? 8.43 : s->width[c] > MAX_WIDTH ? MAX_WIDTH : s->width[c];
	if (last == 0 || xw_wrap_lines(text, width) <= 1) {
		xw_str_spill(x, s, row, 0, text, NULL);
		return;
	}
	if (!x->wrap_top && (x->wrap_top = workbook_add_format(x->wb))) {
		format_set_text_wrap(x->wrap_top);
		format_set_align(x->wrap_top, LXW_ALIGN_VERTICAL_TOP);
	}
	xw_keep(x, worksheet_merge_range(s->ws, row, 0, row, last, xw_text(x, text), x->wrap_top));
	xw_row_lines(x, s, row, xw_wrap_lines(text, width));
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
	/* The notes' rows: written once the tables' widths are known (notes()). */
	row += 2;
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
	note(x, s, 1, hw->no_data_note);
	note(x, s, 2, hw->blank_note);
	xw_set_widths(x, s);
}
