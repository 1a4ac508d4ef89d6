/*
 * What the parts of the XLSX writer share: the writer's state, the sheets,
 * and the cell helpers that keep the workbook's rules (numbers as numbers
 * with formats, text always as string cells, the first error kept).
 */
#ifndef SLAKIT_REPORT_XLSX_PRIV_H
#define SLAKIT_REPORT_XLSX_PRIV_H

#include <xlsxwriter.h>

#include "render_priv.h"

/* Sheets, in workbook order. */
enum { SH_SUMMARY, SH_PRIO, SH_DOMAINS, SH_TICKETS, SH_TREND, SH_COUNT };

/* Widest column the writer sets, in characters; columns it tracks. */
#define MAX_WIDTH 60.0
#define MAX_COLS 48

/* One sheet being written and the widths its columns need. */
struct sheet {
	lxw_worksheet *ws;
	const char *name;
	double width[MAX_COLS];
	/* Printing (report_xlsx_print.c): blocks of rows to keep on one page (a table, a
	   chart: first row, rows), page breaks (0-ended), how far the charts reach. */
	lxw_row_t block[64][2];
	int n_blocks;
	lxw_row_t breaks[65];
	lxw_row_t chart_rows;
	double chart_px;
	lxw_col_t chart_cols;
	/* Columns printed (0: all, as far as the cells and charts reach) and a note for the
	   page's header saying the sheet holds more (the tickets sheet). */
	lxw_col_t print_cols;
	char print_note[160];
	/* Rows made taller for wrapped text (xw_row_lines()): row, lines; page breaks count them. */
	lxw_row_t tall[256][2];
	int n_tall;
};

/* The writer's state: formats, sheets, the first error. */
struct xw {
	lxw_workbook *wb;
	const struct sk_report *r;
	const struct report_words *w;
	struct sheet sh[SH_COUNT];
	lxw_error err;
	lxw_format *title, *bold, *head, *head_num, *wrap, *pct, *pct2, *pct_norm, *score, *points, *target_lt, *target_le, *norm_ge, *euro, *dt, *date,
		*dur, *count, *num, *yesno, *red, *green;
	lxw_row_t *score_row;  /* per domain: the row of its score on the domains sheet, 0: none */
	struct arena *texts;   /* escaped copies made by xw_text(), freed with the workbook */
	lxw_format *figure[3][7]; /* percent formats by bound (none, '<', '>') and places */
	lxw_format *head_wrap, *head_num_wrap; /* the tickets sheet's header, on two lines */
	lxw_format *right;        /* text right-aligned (the domains sheet's ≥ before its norm) */
	lxw_format *wrap_top;     /* wrapped from the top (the history sheet's notes) */
	lxw_format *dt_left;      /* a date-time left-aligned, among text values (a heading block) */
	lxw_format *dash;         /* text right-aligned over the figures' space ("—": no figure) */
	struct sheet suppliers;   /* the suppliers' sheet (ws NULL: the contract has none) */
	struct sheet brief;       /* the management summary, the first sheet (report_summary_xlsx.c) */
	struct sheet annex;       /* the audit annex, the last sheet */
	struct sheet deviations;  /* the deviations' sheet (ws NULL: the report has none) */
	struct sheet cadence;     /* the status updates' sheet (ws NULL: nothing measured) */
	struct sheet onsite;      /* onsite visits and swaps (ws NULL: the contract measures none) */
	struct sheet history;     /* the history sheet (ws NULL: neither month nor quarter) */
	struct sheet breakdown;   /* the breakdowns' sheet, after the others */
};

/* The management summary and the annex (report_summary_xlsx.c): xw_summary_add() adds
 * the summary before every other sheet, xw_annex_add() the annex after all of them;
 * xw_sheet_brief() and xw_sheet_annex() write them once the report is gathered. */
void xw_summary_add(struct xw *x);
void xw_annex_add(struct xw *x);
void xw_sheet_brief(struct xw *x);
void xw_sheet_annex(struct xw *x, struct sheet *s, const char *title);

/* The report's title, contract, parties, period, data horizon and due date from @row
 * (report_xlsx_domains.c); returns the row after them. */
lxw_row_t xw_report_header(struct xw *x, struct sheet *s, lxw_row_t row);

/* The suppliers' sheet (report_suppliers_xlsx.c): added after the others when the
 * contract has suppliers, written once the report is gathered. */
void xw_suppliers_add(struct xw *x);
void xw_sheet_suppliers(struct xw *x);

/* The deviations' sheet (report_deviations_xlsx.c), when the report has
 * deviations: added before the annex, then written, sized and set up for printing. */
void xw_deviations_add(struct xw *x);
void xw_sheet_deviations(struct xw *x);
/* The status updates' sheet (report_cadence_xlsx.c): added after the others when a
 * priority sets update_every or response_by, written once the report is gathered. */
void xw_cadence_add(struct xw *x);
void xw_sheet_cadence(struct xw *x);
/* The onsite visits' and device swaps' sheet (report_onsite_xlsx.c), likewise. */
void xw_onsite_add(struct xw *x);
void xw_sheet_onsite(struct xw *x);
/* The history sheet (report_history_xlsx.c): added after the trend for a monthly or
 * quarterly report, written once the report is gathered. */
void xw_history_add(struct xw *x);
void xw_sheet_history(struct xw *x);

/* Charts (report_xlsx_tickets.c): each point of @ser labelled "n=12" from @ns (@n points);
 * a norm series (@k: which norm) drawn as a dashed line without markers. */
void xw_chart_n_labels(struct xw *x, lxw_chart_series *ser, const long *ns, size_t n);
void xw_chart_norm_style(lxw_chart_series *ser, int k);
/* The breakdowns' sheet (report_breakdown_xlsx.c): added last, written once the
 * report is gathered. */
void xw_breakdown_add(struct xw *x);
void xw_sheet_breakdown(struct xw *x);

/* Columns of the domains sheet. */
enum { D_ID, D_NAME, D_N, D_WITHIN, D_MEASURED, D_DIR, D_NORM, D_PCT, D_WEIGHT, D_WSCORE, D_WUSED,
       D_CONTRIB, D_SOURCE, D_WINDOW, D_DETAIL, D_COLS };

/*
 * Every string that goes into the workbook (cells, chart titles and series
 * names, sheet names, document properties, format words) passes here: @s
 * itself when it is clean, else a copy with control characters other than
 * TAB, LF and CR, and bytes that are not UTF-8, written as visible escapes
 * (text_escape(): ESC as \x1b). XML 1.0 cannot hold them: raw, they left
 * the chart parts unreadable. NULL stays NULL.
 */
const char *xw_text(struct xw *x, const char *s);

/*
 * The percent format that shows figure @f (report_figure()) with its places,
 * or as the bound it is ("<"0.0000%); @usual when @f needs nothing more
 * than its @decimals.
 */
lxw_format *xw_figure_format(struct xw *x, const struct report_figure *f, int decimals,
			     lxw_format *usual);

/* Keep the first error of a libxlsxwriter call. */
void xw_keep(struct xw *x, lxw_error e);

/* Make column @col of @s at least @chars wide. */
void xw_fit(struct sheet *s, lxw_col_t col, double chars);

/* A cell reference like "H5" or "$H$5", with the quoted sheet name when @sheet is given. */
char *xw_ref(char *buf, size_t size, const char *sheet, lxw_row_t row, lxw_col_t col, int abs);

/* Text, always as a string cell (never a formula); NULL or "" leaves the cell blank. */
void xw_str(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
	    lxw_format *f);

/*
 * Text in a table's last column that may spill into the empty cells to its
 * right: unlike xw_str() it does not widen its column, which another table
 * above or below uses for figures.
 */
void xw_str_spill(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
		  lxw_format *f);

/* Notes under the priorities sheet's breaches table from @row on (a breach late by
 * 0:00, the open ones past their deadline since an earlier period); returns the row after them
 * (report_breach_notes_xlsx.c). */
lxw_row_t xw_breach_notes(struct xw *x, struct sheet *s, lxw_row_t row);

/* A number with format @f. */
void xw_num(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, double v, lxw_format *f);

/* An exact decimal as a number; @percent divides by 100 for a % format. */
void xw_dec(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, sk_dec v, int percent,
	    lxw_format *f);

/* An instant as an Excel date-time in the contract's zone; 0 leaves the cell blank. */
/* A clock's target as a duration shown with its comparison ("< 0:15", "≤ 0:15"). */
void xw_target(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
	       const struct sk_clock *k);
void xw_time(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, sk_time t, lxw_format *f);

/* A duration in seconds as a fraction of a day, shown [h]:mm. */
void xw_dur(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, int64_t secs);

/* A formula with its value cached, so the file reads right before any recalculation. */
void xw_formula(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, const char *formula,
		lxw_format *f, double cached);

/* A header row of @n titles. */
void xw_header(struct xw *x, struct sheet *s, lxw_row_t row, const char *const *titles, int n);

/*
 * A header row of @n titles, right-aligned over the columns whose @kinds
 * letter is 'n' (numbers, dates, durations: right-aligned cells), so that a
 * header sits over its figures however wide the column.
 */
void xw_header_aligned(struct xw *x, struct sheet *s, lxw_row_t row, const char *const *titles,
		       int n, const char *kinds);

/* "ja", "nee" or "n.v.t." (1, 0, -1) in the report's words. */
const char *xw_yes_no(const struct report_words *w, int v);

/* Red when a text cell of the range equals @bad, green when it equals @good. */
void xw_colour_words(struct xw *x, struct sheet *s, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		     lxw_col_t c1, const char *bad, const char *good);

/* Red below 100 % (or below the norm in @norm_col when @against_norm), green otherwise. */
void xw_colour_formula(struct xw *x, struct sheet *s, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		       lxw_col_t c1, lxw_col_t cell_col, lxw_col_t norm_col, int against_norm);


/*
 * The sheets: domains first (the summary refers to their score cells).
 * Summary, priorities and tickets are streamed (see report_xlsx.c): each
 * writes its rows strictly top to bottom, any order within a row.
 */
void xw_sheet_domains(struct xw *x);
void xw_sheet_summary(struct xw *x);
void xw_sheet_priorities(struct xw *x);
void xw_sheet_tickets(struct xw *x);

/* The tickets sheet a row at a time, as verdicts come (xw_sheet_tickets() is all three). */
void xw_tickets_head(struct xw *x);
/* @t is results->r[i], its clocks judged at @as_of (results->as_of) */
void xw_tickets_row(struct xw *x, size_t i, const struct sk_result *t, sk_time as_of);
void xw_tickets_tail(struct xw *x, size_t n);                            /* n: all verdicts */
void xw_sheet_trend(struct xw *x);

/*
 * Printing (report_xlsx_print.c). xw_print_keep() asks to print rows
 * @first..@end-1 (a table) on one page: a page break goes before them when
 * they would cross the page's end. xw_print_chart() inserts @chart at @row,
 * column A, as wide as the tables above it and kept on one page; returns
 * the row after it. xw_print_sheet() sets up the page of @s once its cells,
 * widths and charts are written: landscape A4, one page wide, rows
 * @repeat_first..@repeat_last on every page, print area, page breaks, the
 * header and footer.
 */
void xw_print_keep(struct sheet *s, lxw_row_t first, lxw_row_t end);

/*
 * Wrapped text. xw_wrap_lines() is the lines @text takes in a column @width
 * characters wide, wrapped at spaces (a longer word broken), on the safe side. xw_row_lines() makes row @row of @s tall enough for @lines
 * lines, never lower than a cell of the same row asked before (the cells of a
 * row written one after another). xw_str_wrap() writes @text in a column at
 * most @width wide: when it may not fit on one line there, wrapped, the column
 * made @width wide and the row raised for its lines.
 */
int xw_wrap_lines(const char *text, double width);
void xw_row_lines(struct xw *x, struct sheet *s, lxw_row_t row, int lines);
void xw_str_wrap(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
		 double width);

/*
 * Text in a table's last column that would spill past the printed edge:
 * xw_str_wrap_right() writes @text at @col as xw_str_spill() does when it fits
 * on one line in the columns from @col to the last one written so far, else
 * wrapped in a range merged across them (from the top), the row raised for its
 * lines. Only cells of @row left of @col may hold values.
 */
void xw_str_wrap_right(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
		       const char *text);

/* The widths the writer tracked for @s's columns, at most MAX_WIDTH (report_xlsx.c). */
void xw_set_widths(struct xw *x, struct sheet *s);
lxw_row_t xw_print_chart(struct xw *x, struct sheet *s, lxw_row_t row, lxw_chart *chart);
void xw_print_sheet(struct xw *x, struct sheet *s, lxw_row_t repeat_first, lxw_row_t repeat_last);

/*
 * sk_report_write_xlsx() in steps, so that the tickets sheet can be written
 * while the report is still being gathered (on another thread: a row reads
 * only its verdict, the contract's priorities, calendar names and time zone,
 * and no calendar table, which grows as it is queried).
 * xlsx_open() makes the workbook, its sheets and formats; then the tickets
 * sheet is written (xw_sheet_tickets() or row by row); xlsx_finish() writes
 * the others, once the report is complete, and closes the workbook.
 * xlsx_abandon() closes a workbook that will not be finished (the caller
 * removes the file).
 */
enum sk_err xlsx_open(struct xw *x, const struct sk_report *r, const char *lang, const char *path,
		      struct sk_diag *d);
enum sk_err xlsx_finish(struct xw *x, const char *path, struct sk_diag *d);
void xlsx_abandon(struct xw *x);

#endif
