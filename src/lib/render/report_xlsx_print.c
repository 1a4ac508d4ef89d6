/*
 * How the workbook's sheets print, so that a contract manager can send a
 * sheet as it comes out of the printer: landscape A4, one page wide and as
 * many tall as it needs, the sheet's top rows on every page, the client, the
 * period and "page x of y" in the page's header and footer, and charts placed
 * under the tables on pages of their own rows, never cut by a page break.
 */
#include <string.h>

#include "report_xlsx_priv.h"

/* Landscape A4 less the margins set below, in points (1/72 inch). */
#define PAGE_WIDTH_PT ((11.69 - 2 * 0.4) * 72)
#define PAGE_HEIGHT_PT ((8.27 - 2 * 0.7) * 72)
/* A row at the default height (15 pt) is 20 pixels; a pixel is 0.75 pt. */
#define ROW_PT 15.0
#define PX_PT 0.75
/* A chart's rows, the first left empty above it; its size at 100 % in pixels. */
#define CHART_ROWS 14
#define CHART_HEIGHT_PX ((CHART_ROWS - 1) * 20)
#define CHART_MIN_WIDTH_PX 480
#define CHART_MAX_WIDTH_PX 960
/* libxlsxwriter's own chart size, which x_scale and y_scale multiply. */
#define CHART_DEFAULT_W 480.0
#define CHART_DEFAULT_H 288.0

/* A column's width in pixels as Excel draws it (Calibri 11: 7 pixels a character, 5 of padding). */
static double col_px(const struct sheet *s, lxw_col_t col)
{
	double w = col < MAX_COLS ? s->width[col] : 0;

	if (w <= 0)
		return 64;  /* the default 8.43 characters */
	if (w > MAX_WIDTH)
		w = MAX_WIDTH;
	return (double)(int)(w * 7 + 5 + 0.5);
}

/* The cells' last column, or -1 for an empty sheet; the last printed when fewer print. */
static int last_col(const struct sheet *s)
{
	int last = s->ws->dim_rowmin > s->ws->dim_rowmax ? -1 : (int)s->ws->dim_colmax;

	return s->print_cols && (int)s->print_cols - 1 < last ? (int)s->print_cols - 1 : last;
}

/* The sheet's width in pixels up to its last column (the charts included). */
static double sheet_px(const struct sheet *s)
{
	double px = 0;
	int last = last_col(s);

	if ((int)s->chart_cols - 1 > last)
		last = (int)s->chart_cols - 1;
	for (int col = 0; col <= last; col++)
		px += col_px(s, (lxw_col_t)col);
	return px;
}

/*
 * Rows that fit on a page below @repeated repeated rows, as fitting the
 * sheet to the page's width shrinks them; a twentieth kept free, as printers
 * and spreadsheets measure fonts a little differently.
 */
static long rows_per_page(const struct sheet *s, lxw_row_t repeated)
{
	double scale = 1.0, px = sheet_px(s);

	if (px * PX_PT > PAGE_WIDTH_PT)
		scale = PAGE_WIDTH_PT / (px * PX_PT);
	return (long)(PAGE_HEIGHT_PT * 0.95 / (ROW_PT * scale)) - (long)repeated;
}

int xw_wrap_lines(const char *text, double width)
{
	/* A width counts the '0' of Calibri, wider than most letters (in LibreOffice's
	   DejaVu Sans too): a line holds at least as many, one kept for the padding. */
	long room = (long)width - 1, used = 0, lines = 1;

	if (room < 4)
		room = 4;
	for (const char *p = text ? text : ""; *p;) {
		long word = 0;

		if (*p == '\n') {
			lines++, used = 0, p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		for (; *p && *p != ' ' && *p != '\n'; p++)
			word += ((unsigned char)*p & 0xC0) != 0x80;
		if (used && used + 1 + word > room)
			lines++, used = 0;
		if (used)
			used++;
		used += word;
		while (used > room)  /* a word longer than the line */
			lines++, used -= room;
	}
	return (int)lines;
}

void xw_row_lines(struct xw *x, struct sheet *s, lxw_row_t row, int lines)
{
	int n = s->n_tall;

	if (lines <= 1)
		return;
	if (n && s->tall[n - 1][0] == row) {
		if ((int)s->tall[n - 1][1] >= lines)
			return;
		s->tall[n - 1][1] = (lxw_row_t)lines;
	} else if (n < (int)(sizeof(s->tall) / sizeof(s->tall[0]))) {
		s->tall[n][0] = row;
		s->tall[n][1] = (lxw_row_t)lines;
		s->n_tall++;
	}
	xw_keep(x, worksheet_set_row(s->ws, row, ROW_PT * lines, NULL));
}

void xw_str_wrap(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
		 double width)
{
	double need;

	if (!text || !text[0])
		return;
	text = xw_text(x, text);
	need = (double)report_width(text) + 2;
	if (xw_wrap_lines(text, width) <= 1 && need <= width) {
		xw_str(x, s, row, col, text, NULL);
		return;
	}
	xw_keep(x, worksheet_write_string(s->ws, row, col, text, x->wrap));
	xw_fit(s, col, width);
	/* At @width: a wider column (another cell's text) may be narrowed to it after. */
	xw_row_lines(x, s, row, xw_wrap_lines(text, width));
}

void xw_str_wrap_right(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
		       const char *text)
{
	lxw_col_t last = s->ws->dim_colmax < MAX_COLS ? s->ws->dim_colmax : MAX_COLS - 1;
	double width = 0;
	int lines;

	if (!text || !text[0])
		return;
	text = xw_text(x, text);
	/* The columns as wide as the writer tracked them so far: wider later, the text
	   takes no more lines than counted here. */
	for (lxw_col_t c = col; c <= last; c++)
		width += s->width[c] <= 0 ? 8.43 : s->width[c] > MAX_WIDTH ? MAX_WIDTH : s->width[c];
	lines = xw_wrap_lines(text, width);
	if (last <= col || (lines <= 1 && (double)report_width(text) + 2 <= width)) {
		if (last <= col)
			xw_str_wrap(x, s, row, col, text, MAX_WIDTH);
		else
			xw_keep(x, worksheet_write_string(s->ws, row, col, text, NULL));
		return;
	}
	if (!x->wrap_top && (x->wrap_top = workbook_add_format(x->wb))) {
		format_set_text_wrap(x->wrap_top);
		format_set_align(x->wrap_top, LXW_ALIGN_VERTICAL_TOP);
	}
	xw_keep(x, worksheet_merge_range(s->ws, row, col, row, last, text, x->wrap_top));
	xw_row_lines(x, s, row, lines);
}

void xw_print_keep(struct sheet *s, lxw_row_t first, lxw_row_t end)
{
	if (end > first && s->n_blocks < (int)(sizeof(s->block) / sizeof(s->block[0]))) {
		s->block[s->n_blocks][0] = first;
		s->block[s->n_blocks][1] = end - first;
		s->n_blocks++;
	}
}

/*
 * Page breaks before each block that would cross the page's end. Pages are
 * counted from the last break only: after a block longer than a page,
 * where the spreadsheet breaks it is not known exactly, so the next block
 * starts a page of its own.
 */
/* Rows @first..@end-1 counted in lines: a row made taller (xw_row_lines()) counts its lines. */
static long lines_of(const struct sheet *s, lxw_row_t first, lxw_row_t end)
{
	long n = (long)end - (long)first;

	for (int i = 0; i < s->n_tall; i++)
		if (s->tall[i][0] >= first && s->tall[i][0] < end)
			n += (long)s->tall[i][1] - 1;
	return n;
}

static int page_breaks(const struct sheet *s, lxw_row_t *breaks, int max, lxw_row_t repeated)
{
	long per_page = rows_per_page(s, repeated);
	lxw_row_t top = 0;
	int n = 0, unknown = 0;

	for (int i = 0; i < s->n_blocks && n < max; i++) {
		lxw_row_t first = s->block[i][0], rows = s->block[i][1];
		long down = lines_of(s, top, first + rows);

		if (first > top && (unknown || down > per_page)) {
			breaks[n++] = first;
			top = first;
			unknown = 0;
			down = lines_of(s, top, first + rows);
		}
		if (down > per_page)
			unknown = 1;
	}
	return n;
}

lxw_row_t xw_print_chart(struct xw *x, struct sheet *s, lxw_row_t row, lxw_chart *chart)
{
	lxw_chart_options opt;
	double width = 0;

	/* As wide as the tables above it, within bounds, so that it widens the page the least. */
	for (int c = 0; c <= last_col(s); c++)
		width += col_px(s, (lxw_col_t)c);
	if (width < CHART_MIN_WIDTH_PX)
		width = CHART_MIN_WIDTH_PX;
	if (width > CHART_MAX_WIDTH_PX)
		width = CHART_MAX_WIDTH_PX;
	memset(&opt, 0, sizeof(opt));
	opt.x_scale = width / CHART_DEFAULT_W;
	opt.y_scale = CHART_HEIGHT_PX / CHART_DEFAULT_H;
	opt.object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE;
	/* Its empty row above it: a chart starting right at a page break drew its top
	   edge at the foot of the page before (LibreOffice). */
	xw_keep(x, worksheet_insert_chart_opt(s->ws, row + 1, 0, chart, &opt));
	/* The columns it covers are known once the widths are final (xw_print_sheet). */
	if (width > s->chart_px)
		s->chart_px = width;
	s->chart_rows = row + CHART_ROWS;
	xw_print_keep(s, row, row + CHART_ROWS);
	return row + CHART_ROWS;
}

/*
 * Header and footer text: '&' starts a code there, and libxlsxwriter
 * refuses a text with "&G" or "&[Picture]" in it (no image given) even when
 * written "&&G", and then frees twice. So '&' is written "&&" (an ampersand
 * as printed), except before a G or '[', where it becomes the fullwidth
 * ampersand (U+FF06), no code (common fonts print that one as a box, so only
 * there: "Domeinen & malus" prints as it reads). Each part
 * is cut at a character's start, so that the whole stays within the 255
 * characters Excel takes.
 */
static size_t hf_add(char *buf, size_t n, size_t size, const char *code, const char *text,
		     size_t max)
{
	size_t start;

	n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s", code);
	start = n;
	for (const char *p = text ? text : ""; *p && n + 4 < size; p++) {
		/* Room for a whole character (at most 4 bytes) before each one starts. */
		if (((unsigned char)*p & 0xC0) != 0x80 && n - start + 4 > max)
			break;
		if (*p == '&' && (p[1] == 'G' || p[1] == 'g' || p[1] == '[')) {
			memcpy(buf + n, "\xEF\xBC\x86", 3);
			n += 3;
		} else if (*p == '&') {
			memcpy(buf + n, "&&", 2);
			n += 2;
		} else {
			buf[n++] = *p;
		}
	}
	if (n < size)
		buf[n] = '\0';
	return n;
}

void xw_print_sheet(struct xw *x, struct sheet *s, lxw_row_t repeat_first, lxw_row_t repeat_last)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	lxw_header_footer_options hf;
	char head[512], foot[512], name[64], period[128];
	lxw_row_t rows = s->ws->dim_rowmin > s->ws->dim_rowmax ? 0 : s->ws->dim_rowmax;
	int cols = last_col(s);
	size_t n;

	memset(&hf, 0, sizeof(hf));
	hf.margin = 0.3;
	/* The column that holds a chart's right edge, with the widths as set. */
	if (s->chart_px > 0) {
		double px = 0;
		lxw_col_t col = 0;

		while (col < LXW_COL_MAX - 1 && px + col_px(s, col) <= s->chart_px)
			px += col_px(s, col++);
		s->chart_cols = col + 1;
	}
	worksheet_set_landscape(s->ws);
	worksheet_set_paper(s->ws, 9);  /* A4 */
	worksheet_fit_to_pages(s->ws, 1, 0);
	worksheet_set_margins(s->ws, 0.4, 0.4, 0.7, 0.7);
	xw_keep(x, worksheet_repeat_rows(s->ws, repeat_first, repeat_last));
	if (s->chart_rows > rows + 1)
		rows = s->chart_rows - 1;
	if ((int)s->chart_cols - 1 > cols)
		cols = (int)s->chart_cols - 1;
	xw_keep(x, worksheet_print_area(s->ws, 0, 0, rows, (lxw_col_t)(cols < 0 ? 0 : cols)));
	n = (size_t)page_breaks(s, s->breaks, (int)(sizeof(s->breaks) / sizeof(s->breaks[0])) - 1,
				repeat_last - repeat_first + 1);
	if (n) {
		s->breaks[n] = 0;  /* the list's end */
		xw_keep(x, worksheet_set_h_pagebreaks(s->ws, s->breaks));
	}
	/* Header: the client left, the period right; footer: the contract, the sheet, page x of y. */
	snprintf(period, sizeof(period), "%s (%s)", r->period.label,
		 report_period_name(w, &r->period, name, sizeof(name)));
	/* A note on what prints in the middle (the three within Excel's 255 characters). */
	n = hf_add(head, 0, sizeof(head), "&L", xw_text(x, c->customer ? c->customer : c->name),
		   s->print_note[0] ? 90 : 110);
	if (s->print_note[0])
		n = hf_add(head, n, sizeof(head), "&C", xw_text(x, s->print_note), 80);
	hf_add(head, n, sizeof(head), "&R", xw_text(x, period), s->print_note[0] ? 60 : 110);
	n = hf_add(foot, 0, sizeof(foot), "&L", xw_text(x, c->name), 110);
	n = hf_add(foot, n, sizeof(foot), "&C", xw_text(x, s->name), 60);
	snprintf(foot + n, sizeof(foot) - n, "&R%s &P %s &N",
		 strcmp(w->lang, "nl") == 0 ? "pagina" : "page", w->of);
	xw_keep(x, worksheet_set_header_opt(s->ws, head, &hf));
	xw_keep(x, worksheet_set_footer_opt(s->ws, foot, &hf));
}
