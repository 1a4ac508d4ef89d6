/*
 * The deviations' sheet of the workbook, added last when the report has
 * deviations: each norm not met with its measured value and norm, whether it
 * is explained, and its explanations and improvement actions one per row,
 * then the rows about anything else.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "report_deviations_priv.h"
#include "report_xlsx_priv.h"

/* Each norm by its name: the reference as imported (kpi:servicedesk.reachability),
 * the key an author of the deviations file uses, is not a word for the client
 * (the CSV and JSON keep it). */
enum { C_WHAT, C_MEASURED, C_NORM, C_EXPLAINED, C_PERIOD, C_EXPLANATION, C_ACTION,
       C_OWNER, C_DUE, C_STATE, C_COLS };

/* The wrapping text columns (norm, explanation, action), in characters: wide enough to
 * read, narrow enough that the sheet prints one page wide at a readable scale. */
#define TEXT_WIDTH 34.0

/* Measured value or norm @v of @e: a percentage, or a plain number. */
static void figure(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
		   const struct sk_report_deviation *e, sk_dec v)
{
	xw_dec(x, s, row, col, v, e->pct, e->pct ? x->pct2 : x->num);
}

static lxw_row_t rows_of(struct xw *x, struct sheet *s, lxw_row_t row,
			 const struct deviation_words *dw, const struct sk_report_deviation *e)
{
	const struct sk_report *r = x->r;
	char st[128], about[512], text[4096];

	for (size_t k = 0; k < e->n_rows; k++, row++) {
		const struct sk_report_action *a = &r->deviations->actions[e->rows[k]];
		const char *explanation = a->explanation;

		/* A row of the domain or priority as a whole says so in its explanation
		 * ("voor het domein Incident- & Probleembeheer: ..."), as the text does;
		 * the label beside it stays the norm's. */
		if (strcmp(a->refers_to, e->refers_to) != 0 && explanation) {
			snprintf(text, sizeof(text), "%s %s: %s", dw->for_,
				 report_refers_text(r, x->w, dw, a->refers_to, 1, about, sizeof(about)),
				 explanation);
			text[0] = (char)toupper((unsigned char)text[0]);
			explanation = text;
		}
		xw_str(x, s, row, C_PERIOD, a->period, NULL);
		xw_str_wrap(x, s, row, C_EXPLANATION, explanation, TEXT_WIDTH);
		if (!a->action)
			continue;
		xw_str_wrap(x, s, row, C_ACTION, a->action, TEXT_WIDTH);
		xw_str(x, s, row, C_OWNER, a->owner, NULL);
		xw_time(x, s, row, C_DUE, a->due, x->date);
		/* Within its column: the reference follows in the next one. */
		xw_str_wrap(x, s, row, C_STATE, report_action_state(r, dw, a, st, sizeof(st)), 22);
	}
	return row;
}

void xw_deviations_add(struct xw *x)
{
	struct sheet *s = &x->deviations;

	if (!x->r->deviations)
		return;
	s->name = xw_text(x, deviation_words_for(x->w->lang)->sheet);
	if (!(s->ws = workbook_add_worksheet(x->wb, s->name)))
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

void xw_sheet_deviations(struct xw *x)
{
	const struct sk_report *r = x->r;
	const struct sk_report_deviations *v = r->deviations;
	const struct deviation_words *dw = deviation_words_for(x->w->lang);
	const char *head[C_COLS] = { dw->what, dw->measured, dw->norm, dw->state,
				     dw->period, dw->explanation, dw->action, dw->owner, dw->due,
				     dw->status };
	struct sheet *s = &x->deviations;
	lxw_row_t row = 0, first;
	char line[512], label[512];
	int others = 0;

	if (!v || !s->ws)
		return;
	xw_str_spill(x, s, row++, 0, dw->title, x->title);
	xw_str_spill(x, s, row++, 0, report_deviations_summary(dw, v, line, sizeof(line)), NULL);
	row++;
	xw_header_aligned(x, s, row++, head, C_COLS, "snnsssssns");
	first = row;
	for (size_t i = 0; i < v->n; i++) {
		const struct sk_report_deviation *e = &v->list[i];

		if (!e->not_met && !others) {
			row++;
			xw_str_spill(x, s, row++, 0, dw->others, x->bold);
			others = 1;
		}
		report_deviation_label(r, x->w, dw, e, label, sizeof(label));
		/* Norms per priority: no one norm in its cell; which priorities missed theirs
		 * in the description, as the text says it. */
		if (e->not_met && report_deviation_per_priority(r, e)) {
			size_t n = strlen(label);

			snprintf(label + n, sizeof(label) - n, ": ");
			n = strlen(label);
			report_deviation_priorities(r, x->w, dw, e, label + n, sizeof(label) - n);
		}
		xw_str_wrap(x, s, row, C_WHAT, label, TEXT_WIDTH);
		if (e->not_met) {
			figure(x, s, row, C_MEASURED, e, e->measured);
			if (!report_deviation_per_priority(r, e))
				figure(x, s, row, C_NORM, e, e->norm);
			xw_str(x, s, row, C_EXPLAINED, e->explained ? dw->explained : dw->unexplained,
			       NULL);
		}
		row = e->n_rows ? rows_of(x, s, row, dw, e) : row + 1;
	}
	xw_colour_words(x, s, first, C_EXPLAINED, row > first ? row - 1 : first, C_EXPLAINED,
			dw->unexplained, dw->explained);
	xw_set_widths(x, s);
	xw_print_sheet(x, s, 0, 0);
}
