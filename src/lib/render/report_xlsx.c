/*
 * The report as an XLSX workbook (libxlsxwriter): a summary, the priorities,
 * the domains and malus with the whole derivation as formulas (cached values
 * equal to sla-score's, so the file reads right before any recalculation),
 * every ticket in scope, and the trend with native charts.
 *
 * Rules kept throughout: numbers are numeric cells with a number format
 * (percentages as fractions with a % format, instants as Excel date-times in
 * the contract's zone, durations as [h]:mm, money in euros), never text;
 * text from the tickets goes through worksheet_write_string() only, so a
 * title like =HYPERLINK("x") stays a string; nothing comes from the clock
 * (the document's creation time is the report's generated_at).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report_xlsx_priv.h"

const char *xw_text(struct xw *x, const char *s)
{
	size_t size;
	char *copy;

	if (!s || !text_needs_escape(s, TEXT_KEEP_LINES))
		return s;
	/* Each byte becomes at most four ("\xff"). */
	size = 4 * strlen(s) + 1;
	copy = x->texts ? arena_alloc(x->texts, size) : NULL;
	if (!copy) {
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return "";
	}
	text_escape(copy, size, s, TEXT_KEEP_LINES);
	return copy;
}

void xw_keep(struct xw *x, lxw_error e)
{
	/* libxlsxwriter drops a cell it found no memory for and still says LXW_NO_ERROR. */
	if (e == LXW_NO_ERROR && errno == ENOMEM)
		e = LXW_ERROR_MEMORY_MALLOC_FAILED;
	errno = 0;
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

void xw_fit(struct sheet *s, lxw_col_t col, double chars)
{
	if (col < MAX_COLS && chars > s->width[col])
		s->width[col] = chars;
}

/* A cell reference like "H5" or "$H$5", with the sheet when @sheet is given. */
char *xw_ref(char *buf, size_t size, const char *sheet, lxw_row_t row, lxw_col_t col, int abs)
{
	char letters[8];
	int n = 0;
	unsigned c = (unsigned)col + 1;
	char rev[8];

	while (c > 0 && n < 7) {
		rev[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		letters[i] = rev[n - 1 - i];
	letters[n] = '\0';
	if (sheet)
		snprintf(buf, size, "'%s'!%s%s%s%u", sheet, abs ? "$" : "", letters, abs ? "$" : "",
			 (unsigned)row + 1);
	else
		snprintf(buf, size, "%s%s%s%u", abs ? "$" : "", letters, abs ? "$" : "", (unsigned)row + 1);
	return buf;
}

/* Text, always as a string cell (never a formula); NULL or "" leaves the cell blank. */
void xw_str(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
	    lxw_format *f)
{
	if (!text || !text[0]) {
		if (f)
			xw_keep(x, worksheet_write_blank(s->ws, row, col, f));
		return;
	}
	text = xw_text(x, text);
	xw_keep(x, worksheet_write_string(s->ws, row, col, text, f));
	xw_fit(s, col, (double)report_width(text) + 2);
}

void xw_str_spill(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
		  lxw_format *f)
{
	if (text && text[0])
		xw_keep(x, worksheet_write_string(s->ws, row, col, xw_text(x, text), f));
}

void xw_num(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, double v,
	    lxw_format *f)
{
	xw_keep(x, worksheet_write_number(s->ws, row, col, v, f));
	xw_fit(s, col, 10);
}

/* An exact decimal as a number; @percent divides by 100 for a % format. */
void xw_dec(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, sk_dec v,
	    int percent, lxw_format *f)
{
	/* One correctly rounded division gives the double nearest to the decimal. */
	xw_num(x, s, row, col, (double)v / (percent ? 1e8 : 1e6), f);
}

/* An instant as an Excel date-time in the contract's zone; 0 leaves the cell blank. */
void xw_time(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, sk_time t,
	     lxw_format *f)
{
	struct sk_civil c;
	double serial;

	if (!t)
		return;
	sk_tz_to_civil(x->r->contract->tz, t, &c);
	serial = (double)(sk_days_from_civil(c.year, c.month, c.day) - sk_days_from_civil(1899, 12, 30)) +
		 (double)(c.hour * 3600 + c.min * 60 + c.sec) / 86400.0;
	xw_keep(x, worksheet_write_number(s->ws, row, col, serial, f));
	/* "2027-01-14 01:09" and a margin, so that the next column's text does not touch it. */
	xw_fit(s, col, f == x->date ? 12 : 18);
}

/* A duration in seconds as a fraction of a day, shown [h]:mm. */
void xw_dur(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, int64_t secs)
{
	xw_num(x, s, row, col, (double)secs / 86400.0, x->dur);
}

void xw_target(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
	       const struct sk_clock *k)
{
	xw_num(x, s, row, col, (double)k->target / 86400.0, k->below ? x->target_lt : x->target_le);
}

void xw_formula(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
		const char *formula, lxw_format *f, double cached)
{
	xw_keep(x, worksheet_write_formula_num(s->ws, row, col, formula, f, cached));
	xw_fit(s, col, 10);
}

/* A header row of @n titles. */
void xw_header(struct xw *x, struct sheet *s, lxw_row_t row, const char *const *titles, int n)
{
	for (int i = 0; i < n; i++)
		xw_str(x, s, row, (lxw_col_t)i, titles[i], x->head);
}

void xw_header_aligned(struct xw *x, struct sheet *s, lxw_row_t row, const char *const *titles,
		       int n, const char *kinds)
{
	for (int i = 0; i < n; i++)
		xw_str(x, s, row, (lxw_col_t)i, titles[i], kinds[i] == 'n' ? x->head_num : x->head);
}

const char *xw_yes_no(const struct report_words *w, int v)
{
	return v < 0 ? w->na : v ? w->yes : w->no;
}

/* Red when a cell equals @bad, green when it equals @good (text cells). */
void xw_colour_words(struct xw *x, struct sheet *s, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		     lxw_col_t c1, const char *bad, const char *good)
{
	lxw_conditional_format cf;
	char q[64];

	if (r1 < r0)
		return;
	memset(&cf, 0, sizeof(cf));
	cf.type = LXW_CONDITIONAL_TYPE_CELL;
	cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
	snprintf(q, sizeof(q), "\"%s\"", xw_text(x, bad));
	cf.value_string = q;
	cf.format = x->red;
	xw_keep(x, worksheet_conditional_format_range(s->ws, r0, c0, r1, c1, &cf));
	snprintf(q, sizeof(q), "\"%s\"", xw_text(x, good));
	cf.format = x->green;
	xw_keep(x, worksheet_conditional_format_range(s->ws, r0, c0, r1, c1, &cf));
}

/*
 * Red or green by formulas written for the range's top-left row (Excel moves
 * them down the range): the cell in @cell_col below 1 (100 %), or below the
 * norm in @norm_col when @against_norm.
 */
void xw_colour_formula(struct xw *x, struct sheet *s, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		       lxw_col_t c1, lxw_col_t cell_col, lxw_col_t norm_col, int against_norm)
{
	lxw_conditional_format cf;
	char a[32], n[32], bad[160], good[160];

	if (r1 < r0)
		return;
	xw_ref(a, sizeof(a), NULL, r0, cell_col, 0);
	xw_ref(n, sizeof(n), NULL, r0, norm_col, 0);
	/* Fix the columns, keep the rows relative: "$H5". */
	memmove(a + 1, a, strlen(a) + 1);
	a[0] = '$';
	memmove(n + 1, n, strlen(n) + 1);
	n[0] = '$';
	if (against_norm) {
		snprintf(bad, sizeof(bad), "=AND(ISNUMBER(%s),ISNUMBER(%s),%s<%s)", a, n, a, n);
		snprintf(good, sizeof(good), "=AND(ISNUMBER(%s),ISNUMBER(%s),%s>=%s)", a, n, a, n);
	} else {
		snprintf(bad, sizeof(bad), "=AND(ISNUMBER(%s),%s<1)", a, a);
		snprintf(good, sizeof(good), "=AND(ISNUMBER(%s),%s>=1)", a, a);
	}
	memset(&cf, 0, sizeof(cf));
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = bad;
	cf.format = x->red;
	xw_keep(x, worksheet_conditional_format_range(s->ws, r0, c0, r1, c1, &cf));
	cf.value_string = good;
	cf.format = x->green;
	xw_keep(x, worksheet_conditional_format_range(s->ws, r0, c0, r1, c1, &cf));
}

/*
 * A format; a number format gets a space after the figure ("_)" keeps the
 * width of a ')'), so that a right-aligned figure does not run into the
 * text of the next column ("2027-01-14 01:09ja").
 */
static lxw_format *format(struct xw *x, const char *num_format, int bold)
{
	lxw_format *f = workbook_add_format(x->wb);
	char nf[80];

	if (f && num_format) {
		snprintf(nf, sizeof(nf), "%s_)", num_format);
		format_set_num_format(f, nf);
	}
	if (f && bold)
		format_set_bold(f);
	return f;
}

/* "0.0%" with the contract's decimals. */
static lxw_format *pct_format(struct xw *x, int decimals)
{
	char nf[16] = "0";

	if (decimals > 0) {
		strcat(nf, ".");
		for (int i = 0; i < decimals && i < 6; i++)
			strcat(nf, "0");
	}
	strcat(nf, "%");
	return format(x, nf, 0);
}

/* A number of points with @decimals places ("0.00"). */
static lxw_format *points_format(struct xw *x, int decimals)
{
	char nf[16] = "0";

	if (decimals > 0) {
		strcat(nf, ".");
		for (int i = 0; i < decimals && i < 6; i++)
			strcat(nf, "0");
	}
	return format(x, nf, 0);
}

lxw_format *xw_figure_format(struct xw *x, const struct report_figure *f, int decimals,
			     lxw_format *usual)
{
	int b = f->bound == '<' ? 1 : f->bound == '>' ? 2 : 0;
	int d = b ? REPORT_MAX_DECIMALS : f->decimals;
	char nf[32];

	if (!b && d == decimals)
		return usual;
	if (d < 0 || d > 6)
		d = 6;
	if (!x->figure[b][d]) {
		snprintf(nf, sizeof(nf), "%s0%s%.*s%%", b == 1 ? "\"<\"" : b == 2 ? "\">\"" : "",
			 d ? "." : "", d, "000000");
		x->figure[b][d] = format(x, nf, 0);
	}
	return x->figure[b][d] ? x->figure[b][d] : usual;
}

static void make_formats(struct xw *x)
{
	const struct sk_rules *ru = &x->r->contract->rules;

	x->title = format(x, NULL, 1);
	format_set_font_size(x->title, 14);
	x->bold = format(x, NULL, 1);
	x->head = format(x, NULL, 1);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	format_set_bg_color(x->head, 0xD9E1F2);
	x->head_num = format(x, NULL, 1);
	format_set_bottom(x->head_num, LXW_BORDER_THIN);
	format_set_bg_color(x->head_num, 0xD9E1F2);
	format_set_align(x->head_num, LXW_ALIGN_RIGHT);
	format_set_indent(x->head_num, 1);  /* over the figures' space ("_)" below) */
	x->wrap = format(x, NULL, 0);
	format_set_text_wrap(x->wrap);
	x->pct = pct_format(x, ru->pct_decimals);
	x->pct2 = pct_format(x, 2);
	x->pct_norm = format(x, "0.0##%", 0);
	/* Domain scores and contributions are points out of 100, not percentages. */
	x->score = points_format(x, ru->score_decimals);
	format_set_bold(x->score);
	x->points = points_format(x, 2);
	/* A clock's target keeps its comparison: met below it (< 0:15) or up to it (≤ 0:15). */
	x->target_lt = format(x, "\"< \"[h]:mm", 0);
	x->target_le = format(x, "\"≤ \"[h]:mm", 0);
	/* A priority's norm: a share the clocks must reach. */
	x->norm_ge = format(x, "\"≥ \"0.0##%", 0);
	x->euro = format(x, "\"€\" #,##0.00", 0);
	x->dt = format(x, "yyyy-mm-dd hh:mm", 0);
	x->date = format(x, "yyyy-mm-dd", 0);
	/* The heading block's date-times line up with the text values beside them. */
	if ((x->dt_left = workbook_add_format(x->wb))) {
		format_set_num_format(x->dt_left, "yyyy-mm-dd hh:mm");
		format_set_align(x->dt_left, LXW_ALIGN_LEFT);
	}
	/* "—" where a column of figures has none: at their right edge, as head_num. */
	if ((x->dash = workbook_add_format(x->wb))) {
		format_set_align(x->dash, LXW_ALIGN_RIGHT);
		format_set_indent(x->dash, 1);
	}
	x->dur = format(x, "[h]:mm", 0);
	x->count = format(x, "0", 0);
	x->num = format(x, "0.######", 0);
	x->yesno = format(x, NULL, 0);
	x->red = workbook_add_format(x->wb);
	format_set_font_color(x->red, 0x9C0006);
	format_set_bg_color(x->red, 0xFFC7CE);
	x->green = workbook_add_format(x->wb);
	format_set_font_color(x->green, 0x006100);
	format_set_bg_color(x->green, 0xC6EFCE);
	{
		/* 1 shows as yes, 0 as no: an escalation flag that is still a number. */
		char nf[64];

		snprintf(nf, sizeof(nf), "\"%s\";\"%s\";\"%s\"", xw_text(x, x->w->yes),
			 xw_text(x, x->w->yes), xw_text(x, x->w->no));
		format_set_num_format(x->yesno, nf);
	}
}
/* ---- the workbook ---- */

void xw_set_widths(struct xw *x, struct sheet *s)
{
	for (lxw_col_t col = 0; col < MAX_COLS; col++)
		if (s->width[col] > 0)
			xw_keep(x, worksheet_set_column(s->ws, col, col, s->width[col] > MAX_WIDTH
						     ? MAX_WIDTH : s->width[col], NULL));
}

/* Document properties from the report only, so the same inputs give the same file. */
static void set_properties(struct xw *x)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	char title[256], author[64], comments[256];
	lxw_doc_properties props;

	memset(&props, 0, sizeof(props));
	snprintf(title, sizeof(title), "%s %s %s", x->w->title, c->id, r->period.label);
	snprintf(author, sizeof(author), "slakit %s", r->version);
	snprintf(comments, sizeof(comments), "contract sha256 %s", c->sha256);
	/* The fields are not const; workbook_set_properties() copies them. */
	props.title = (char *)xw_text(x, title);
	props.subject = (char *)xw_text(x, c->name);
	props.author = (char *)xw_text(x, author);
	props.company = (char *)xw_text(x, c->supplier);
	props.comments = (char *)xw_text(x, comments);
	props.created = (time_t)r->generated_at;
	xw_keep(x, workbook_set_properties(x->wb, &props));
	xw_keep(x, workbook_set_custom_property_string(x->wb, "slakit.contract_sha256",
						       xw_text(x, c->sha256)));
	xw_keep(x, workbook_set_custom_property_string(x->wb, "slakit.period",
						       xw_text(x, r->period.label)));
	xw_keep(x, workbook_set_custom_property_string(x->wb, "slakit.version", xw_text(x, r->version)));
}

/*
 * The big sheets are streamed: libxlsxwriter's constant_memory writes each
 * row out as the next one starts, instead of keeping every cell until the
 * workbook closes. For a month of ~80,000 tickets that takes a quarter off
 * the writing time and two thirds off the memory. Their text becomes inline
 * strings instead of shared ones: the same cell values, a file ~1.5 %
 * larger. Rows must then be written top to bottom; a cell above the current
 * row is refused and fails the report (xw_keep), it is never dropped.
 * The domains sheet stays in memory, as it writes a KPI's % of norm after
 * its per-priority rows and the weights after all KPIs; so does the trend,
 * whose charts libxlsxwriter can give cached values only from cells it
 * still holds. Both are small.
 */
static const uint8_t streamed[SH_COUNT] = { [SH_SUMMARY] = 1, [SH_PRIO] = 1, [SH_TICKETS] = 1 };

enum sk_err xlsx_open(struct xw *x, const struct sk_report *r, const char *lang, const char *path,
		      struct sk_diag *d)
{
	lxw_workbook_options opt = { 0, NULL, 0 };
	const char *names[SH_COUNT];

	memset(x, 0, sizeof(*x));
	errno = 0; /* xw_keep() reads it */
	x->r = r;
	x->w = report_words_for(report_lang(r, lang));
	x->texts = arena_new();
	if (!x->texts)
		return sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
	names[SH_SUMMARY] = x->w->sheet_summary;
	names[SH_PRIO] = x->w->sheet_priorities;
	names[SH_DOMAINS] = x->w->sheet_domains;
	names[SH_TICKETS] = x->w->sheet_tickets;
	names[SH_TREND] = x->w->sheet_trend;
	x->wb = workbook_new_opt(path, &opt);
	if (!x->wb) {
		arena_free(x->texts);
		x->texts = NULL;
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot create the workbook");
	}
	xw_summary_add(x);
	for (int i = 0; i < SH_COUNT; i++) {
		x->sh[i].name = xw_text(x, names[i]);
		/* Read as each sheet is added: one workbook holds both kinds. */
		x->wb->options.constant_memory = streamed[i];
		x->sh[i].ws = workbook_add_worksheet(x->wb, x->sh[i].name);
		if (!x->sh[i].ws)
			xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	}
	x->wb->options.constant_memory = 0;
	xw_history_add(x);
	xw_suppliers_add(x);
	xw_onsite_add(x);
	xw_cadence_add(x);
	xw_deviations_add(x);
	xw_breakdown_add(x);
	xw_annex_add(x);  /* the last sheet: add any other sheet before this line */
	make_formats(x);
	return SK_OK;
}

enum sk_err xlsx_finish(struct xw *x, const char *path, struct sk_diag *d)
{
	const struct sk_report *r = x->r;
	lxw_error closed;

	x->score_row = calloc(r->score->n_domains ? r->score->n_domains : 1, sizeof(*x->score_row));
	if (!x->score_row)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	if (x->err == LXW_NO_ERROR) {
		/* Domains first: the summary refers to their score cells. */
		xw_sheet_domains(x);
		xw_sheet_brief(x);
		xw_sheet_summary(x);
		xw_sheet_priorities(x);
		xw_sheet_trend(x);
		xw_sheet_history(x);
		xw_sheet_suppliers(x);
		xw_sheet_cadence(x);
		xw_sheet_onsite(x);
		xw_sheet_breakdown(x);
		for (int i = 0; i < SH_COUNT; i++)
			xw_set_widths(x, &x->sh[i]);
		set_properties(x);
		/* Each sheet's title row (the tickets sheet's column header) on every page. */
		for (int i = 0; i < SH_COUNT; i++)
			xw_print_sheet(x, &x->sh[i], 0, 0);
		if (x->history.ws)
			xw_print_sheet(x, &x->history, 0, 0);
		if (x->suppliers.ws)
			xw_print_sheet(x, &x->suppliers, 0, 0);
		if (x->cadence.ws)
			xw_print_sheet(x, &x->cadence, 0, 0);
		xw_sheet_deviations(x);
		if (x->onsite.ws)
			xw_print_sheet(x, &x->onsite, 0, 0);
		if (x->breakdown.ws)
			xw_print_sheet(x, &x->breakdown, 0, 0);
	}
	errno = 0;
	if ((closed = workbook_close(x->wb)) == LXW_NO_ERROR && errno == ENOMEM)
		closed = LXW_ERROR_MEMORY_MALLOC_FAILED; /* a part left out, as in xw_keep() */
	x->wb = NULL;
	free(x->score_row);
	x->score_row = NULL;
	arena_free(x->texts);
	x->texts = NULL;
	if (x->err != LXW_NO_ERROR)
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot write the workbook: %s",
				   lxw_strerror(x->err));
	if (closed != LXW_NO_ERROR)
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot write the workbook: %s",
				   lxw_strerror(closed));
	return SK_OK;
}

void xlsx_abandon(struct xw *x)
{
	if (x->wb)
		workbook_close(x->wb);
	x->wb = NULL;
	arena_free(x->texts);
	x->texts = NULL;
}

enum sk_err sk_report_write_xlsx(const struct sk_report *r, const char *lang, const char *path,
				 struct sk_diag *d)
{
	struct xw x;
	enum sk_err rc = xlsx_open(&x, r, lang, path, d);

	if (rc)
		return rc;
	xw_sheet_tickets(&x);
	return xlsx_finish(&x, path, d);
}
