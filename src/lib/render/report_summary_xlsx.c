/*
 * The management summary as the workbook's first sheet, on one printed
 * page: the report's header, the domains with their colour (red, amber,
 * green: a filled cell and the word), staffel step and malus as formulas
 * over the domains sheet, the total malus, every norm met or not beside the
 * previous period, the escalations and the open tickets past their
 * deadline. And the audit annex as the last sheet (xw_sheet_annex()).
 */
#include <stdio.h>
#include <string.h>

#include "report_summary_priv.h"
#include "report_xlsx_priv.h"

void xw_summary_add(struct xw *x)
{
	const struct summary_words *sw = summary_words_for(x->w->lang);

	x->brief.name = xw_text(x, sw->sheet);
	x->brief.ws = workbook_add_worksheet(x->wb, x->brief.name);
	if (!x->brief.ws)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

void xw_annex_add(struct xw *x)
{
	const struct summary_words *sw = summary_words_for(x->w->lang);

	x->annex.name = xw_text(x, sw->sheet_annex);
	x->annex.ws = workbook_add_worksheet(x->wb, x->annex.name);
	if (!x->annex.ws)
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

/* A filled format for a colour (the word stays readable in black and white). */
static lxw_format *colour_format(struct xw *x, enum sk_summary_colour c)
{
	static const uint32_t fill[4] = { 0, 0xC6EFCE, 0xFFEB9C, 0xFFC7CE };
	static const uint32_t font[4] = { 0, 0x006100, 0x9C5700, 0x9C0006 };
	lxw_format *f;

	if (c == SK_COLOUR_NONE)
		return NULL;
	f = workbook_add_format(x->wb);
	if (f) {
		format_set_bg_color(f, fill[c]);
		format_set_font_color(f, font[c]);
		format_set_bold(f);
	}
	return f;
}

/* Columns of the domains table. */
enum { B_NAME, B_SCORE, B_COLOUR, B_STEP, B_MALUS, B_EUR, B_ESC, B_PREV, B_CHANGE, B_COLS };

static lxw_row_t domains(struct xw *x, struct sheet *s, lxw_row_t row,
			 const struct summary_words *sw)
{
	const struct sk_report *r = x->r;
	const struct sk_report_summary *sm = r->summary;
	const struct report_words *w = x->w;
	const char *dom = x->sh[SH_DOMAINS].name;
	const char *head[B_COLS] = { sw->domain, sw->score, sw->colour, sw->step, sw->malus,
				     sw->malus_eur, sw->escalation, sw->previous, sw->change };
	lxw_format *fills[4];
	lxw_row_t first, last = 0;
	char f[200], a[64], b[64], text[256];
	const char *applies = NULL;

	for (int i = 0; i < 4; i++)
		fills[i] = colour_format(x, (enum sk_summary_colour)i);
	xw_header_aligned(x, s, row++, head, B_COLS, "tnttnnnnn");
	first = row;
	for (size_t i = 0; i < r->score->n_domains; i++, row++) {
		const struct sk_domain_score *ds = &r->score->domains[i];
		const struct sk_summary_domain *sd = &sm->domains[i];
		lxw_row_t sr = x->score_row[i];

		xw_str(x, s, row, B_NAME, summary_domain_name(ds->domain), NULL);
		if (!ds->scored || !sr) {
			xw_str_spill(x, s, row, B_SCORE, w->not_scored, NULL);
			continue;
		}
		snprintf(f, sizeof(f), "=%s", xw_ref(a, sizeof(a), dom, sr, D_CONTRIB, 0));
		xw_formula(x, s, row, B_SCORE, f, x->score, (double)ds->score / 1e6);
		xw_str(x, s, row, B_COLOUR, sw->colours[sd->colour], fills[sd->colour]);
		if (ds->step >= 0) {
			xw_str(x, s, row, B_STEP, summary_step_text(r, w, ds, text, sizeof(text)), NULL);
			snprintf(f, sizeof(f), "=%s", xw_ref(a, sizeof(a), dom, sr + 1, D_CONTRIB, 0));
			xw_formula(x, s, row, B_MALUS, f, x->pct_norm, (double)ds->malus / 1e8);
			snprintf(f, sizeof(f), "=%s", xw_ref(a, sizeof(a), dom, sr + 2, D_CONTRIB, 0));
			xw_formula(x, s, row, B_ESC, f, x->yesno, ds->escalation ? 1 : 0);
		}
		if (ds->has_invoice) {
			snprintf(f, sizeof(f), "=%s", xw_ref(a, sizeof(a), dom, sr + 4, D_CONTRIB, 0));
			xw_formula(x, s, row, B_EUR, f, x->euro, (double)ds->malus_cents / 100.0);
			applies = ds->applies_to;
			last = row;
		}
		if (sd->prev_scored) {
			xw_dec(x, s, row, B_PREV, sd->prev_score, 0, x->score);
			snprintf(f, sizeof(f), "=%s-%s", xw_ref(a, sizeof(a), NULL, row, B_SCORE, 0),
				 xw_ref(b, sizeof(b), NULL, row, B_PREV, 0));
			xw_formula(x, s, row, B_CHANGE, f, x->score,
				   (double)ds->score / 1e6 - (double)sd->prev_score / 1e6);
		} else {
			/* No score of the period before: "—" as the text has it. */
			xw_str(x, s, row, B_PREV, "—", x->dash);
			xw_str(x, s, row, B_CHANGE, "—", x->dash);
		}
	}
	/* The total, as the sum of the euro cells above it. */
	xw_str(x, s, row, B_NAME, sw->malus_total, x->bold);
	if (r->period.kind == SK_PERIOD_QUARTER && sm->malus_domains) {
		if (last) {
			snprintf(f, sizeof(f), "=SUM(%s:%s)", xw_ref(a, sizeof(a), NULL, first, B_EUR, 0),
				 xw_ref(b, sizeof(b), NULL, last, B_EUR, 0));
			xw_formula(x, s, row, B_EUR, f, x->euro, (double)sm->malus_cents / 100.0);
		} else {
			xw_num(x, s, row, B_EUR, (double)sm->malus_cents / 100.0, x->euro);
		}
		text[0] = '\0';
		if (applies)
			snprintf(text, sizeof(text), "%s %s", w->on_invoice_of, applies);
		if (sm->malus_unpriced) {
			size_t n = strlen(text);

			n += (size_t)snprintf(text + n, sizeof(text) - n, "%s", n ? "; " : "");
			if (n < sizeof(text))
				snprintf(text + n, sizeof(text) - n, sw->malus_unpriced, sm->malus_unpriced);
		}
		xw_str_spill(x, s, row, B_ESC, text, NULL);
	} else {
		xw_str_spill(x, s, row, B_SCORE, r->period.kind == SK_PERIOD_QUARTER ? sw->malus_none
						 : w->malus_quarterly, NULL);
	}
	row++;
	xw_str_spill(x, s, row++, B_NAME, sw->colour_note, NULL);
	return row + 1;
}

/* The width of the first column (names), in characters, at least; at most LABEL_MAX. */
#define LABEL_WIDTH 44
#define LABEL_MAX 90

/* Columns of the norms table. */
enum { N_LABEL, N_VALUE, N_OP, N_NORM, N_VERDICT, N_PREV, N_CHANGE, N_COLS };

/* The unit a KPI's figures are in (" uur", " h" for hours), "" for others. */
static const char *unit_of(struct xw *x, const struct sk_summary_norm *n)
{
	return n->kind == SK_NORM_KPI
		? report_unit_suffix(x->w, x->r->score->domains[n->domain].kpis[n->kpi].kpi) : "";
}

/*
 * A plain number's format with @places and @unit ("0.00\" uur\""); with @sign, a
 * difference shown with its sign ("+3,6", "-0,5", "±0,0"), as the text does.
 */
static lxw_format *plain_format(struct xw *x, int places, const char *unit, int sign)
{
	lxw_format *f = workbook_add_format(x->wb);
	char num[32], nf[160];

	if (!f)
		return x->num;
	snprintf(num, sizeof(num), "0%s%.*s%s%s%s", places > 0 ? "." : "", places > 12 ? 12 : places,
		 "000000000000", unit[0] ? "\"" : "", unit, unit[0] ? "\"" : "");
	if (sign)
		snprintf(nf, sizeof(nf), "+%s_);-%s_);\"±\"%s_)", num, num, num);
	else
		snprintf(nf, sizeof(nf), "%s_)", num);
	format_set_num_format(f, nf);
	return f;
}

/*
 * A norm's value as a number cell with the places its verdict needs: a
 * percentage with the contract's pct_decimals, more only where the rounded
 * value would read on the other side of its norm (report_figure()); the
 * same places as the text (summary_value_text()).
 */
static void value_cell(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
		       const struct sk_summary_norm *n, const struct sk_summary_value *v)
{
	const struct sk_report *r = x->r;
	int pct = r->contract->rules.pct_decimals;
	struct report_figure fig;

	if (!v->has_value) {
		xw_str(x, s, row, col, "—", x->dash);
		return;
	}
	if (!n->percent) {
		char text[64];
		int d;

		/* The text's places ("8,07" for a mean of months) and unit ("4 uur"). */
		summary_value_text(r, x->w, n, v, &d, text, sizeof(text));
		xw_dec(x, s, row, col, v->value, 0, plain_format(x, d < 0 ? 2 : d, unit_of(x, n), 0));
		return;
	}
	if (n->kind == SK_NORM_PRIORITY)
		report_figure(SK_DEC(v->within), SK_DEC(v->n), n->norm, n->direction, v->met, pct, &fig);
	else if (n->per_priority || v->met < 0)
		/* No one norm to hold the value against: shown as it is. */
		fig = (struct report_figure){ sk_dec_round(v->value, pct), pct, 0 };
	else
		report_figure(v->value, SK_DEC(100), n->norm, n->direction, v->met, pct, &fig);
	xw_dec(x, s, row, col, v->value, 1, xw_figure_format(x, &fig, pct, x->pct));
}

/* A percentage norm with the contract's places, never fewer than its own (99,75 %). */
static lxw_format *norm_format(struct xw *x, sk_dec norm)
{
	int pct = x->r->contract->rules.pct_decimals, d = summary_places(norm);
	struct report_figure fig = { norm, d > pct ? d : pct, 0 };

	return xw_figure_format(x, &fig, pct, x->pct);
}

/*
 * The first column as wide as the longest norm's name, a tenth more for
 * letters drawn wider than Calibri's (LibreOffice without it): each norm on
 * one row, its name not cut by the value beside it.
 */
static double label_width(struct xw *x, const struct summary_words *sw)
{
	const struct sk_report_summary *sm = x->r->summary;
	double width = LABEL_WIDTH;
	char text[512];

	for (size_t i = 0; i < sm->n_norms; i++) {
		double need = 1.1 * (double)report_width(summary_norm_label(x->r, x->w, sw, &sm->norms[i],
									     text, sizeof(text))) + 2;

		if (need > width)
			width = need;
	}
	return width > LABEL_MAX ? LABEL_MAX : width;
}

static lxw_row_t norms(struct xw *x, struct sheet *s, lxw_row_t row,
		       const struct summary_words *sw)
{
	const struct sk_report *r = x->r;
	const struct sk_report_summary *sm = r->summary;
	const struct report_words *w = x->w;
	const char *head[N_COLS] = { sw->norm, sw->measured, "", sw->norm, sw->verdict, sw->previous,
				     sw->change };
	char text[512], sub[2048], a[32], b[32], f[96];
	lxw_row_t first;
	size_t n;

	n = (size_t)snprintf(text, sizeof(text), sm->judged == 1 ? sw->norm_met : sw->norms_met, sm->met,
			     sm->judged);
	if (sm->no_data && n < sizeof(text)) {
		n += (size_t)snprintf(text + n, sizeof(text) - n, "; ");
		if (n < sizeof(text))
			n += (size_t)snprintf(text + n, sizeof(text) - n, sw->norms_no_data, sm->no_data);
	}
	if (sm->has_previous && n < sizeof(text)) {
		n += (size_t)snprintf(text + n, sizeof(text) - n, " (");
		if (n < sizeof(text))
			n += (size_t)snprintf(text + n, sizeof(text) - n, sw->prev_norms, sm->prev_met,
					      sm->prev_judged);
		if (n < sizeof(text))
			snprintf(text + n, sizeof(text) - n, ")");
	}
	xw_str_spill(x, s, row++, 0, text, x->bold);
	xw_header_aligned(x, s, row++, head, N_COLS, "tntntnn");
	first = row;
	for (size_t i = 0; i < sm->n_norms; i++, row++) {
		const struct sk_summary_norm *nm = &sm->norms[i];
		const char *op;

		summary_norm_label(r, w, sw, nm, text, sizeof(text));
		/* One row a norm: the first column is made as wide as the longest name
		   (label_width()), the name is never wrapped onto a second line. */
		xw_str(x, s, row, N_LABEL, text, NULL);
		value_cell(x, s, row, N_VALUE, nm, &nm->now);
		if (nm->direction == SK_LOWER_IS_BETTER)
			op = !nm->now.has_value ? "≤" : nm->now.met ? "≤" : ">";
		else
			op = !nm->now.has_value ? "≥" : nm->now.met ? "≥" : "<";
		if (nm->per_priority) {
			xw_str(x, s, row, N_NORM, x->w->per_priority, NULL);
		} else {
			xw_str(x, s, row, N_OP, op, NULL);
			/* A count or mark with the value's places, never fewer than its own, and
			   its unit ("≤ 4,0 uur"), as the text has it. */
			int d = summary_places(nm->norm), dv = -1;

			if (nm->now.has_value)
				summary_value_text(r, w, nm, &nm->now, &dv, text, sizeof(text));
			xw_dec(x, s, row, N_NORM, nm->norm, nm->percent, nm->percent
			       ? norm_format(x, nm->norm) : plain_format(x, dv > d ? dv : d, unit_of(x, nm), 0));
		}
		xw_str(x, s, row, N_VERDICT, !nm->now.has_value ? sw->no_data
					     : nm->now.met ? sw->met : sw->not_met, NULL);
		value_cell(x, s, row, N_PREV, nm, &nm->prev);
		if (nm->now.has_value && nm->prev.has_value) {
			/* In percentage points for percentages, with the text's places and sign. */
			int d = summary_change_places(r, w, nm);
			sk_dec delta;

			delta = sk_dec_round(nm->now.value - nm->prev.value, d);
			snprintf(f, sizeof(f), "=ROUND((%s-%s)%s,%d)",
				 xw_ref(a, sizeof(a), NULL, row, N_VALUE, 0),
				 xw_ref(b, sizeof(b), NULL, row, N_PREV, 0), nm->percent ? "*100" : "", d);
			xw_formula(x, s, row, N_CHANGE, f, plain_format(x, d, unit_of(x, nm), 1),
				   (double)delta / 1e6);
		} else {
			xw_str(x, s, row, N_CHANGE, "—", x->dash);  /* as the text: no difference */
		}
	}
	xw_colour_words(x, s, first, N_VERDICT, row - 1, N_VERDICT, sw->not_met, sw->met);
	/* Whom the priority lines count, the ticket KPIs that count fewer, and the
	 * places of the percentages: as in the text. */
	if (summary_population_text(r, w, sw, text, sizeof(text))[0])
		xw_str_spill(x, s, row++, 0, text, NULL);
	if (summary_subset_text(r, w, sw, sub, sizeof(sub))[0])
		xw_str_spill(x, s, row++, 0, sub, NULL);
	if (summary_places_text(r, w, sw, text, sizeof(text))[0])
		xw_str_spill(x, s, row++, 0, text, NULL);
	xw_str_spill(x, s, row++, 0, sw->change_note, NULL);
	return row + 1;
}

static lxw_row_t closing(struct xw *x, struct sheet *s, lxw_row_t row,
			 const struct summary_words *sw)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct sk_report_summary *sm = r->summary;
	const struct report_words *w = x->w;
	char text[256], b[64];

	xw_str(x, s, row++, 0, sw->escalations, x->bold);
	if (!r->n_escalations)
		xw_str(x, s, row++, 0, w->none, NULL);
	for (size_t i = 0; i < r->n_escalations; i++, row++) {
		const struct sk_report_escalation *e = &r->escalations[i];

		if (e->kind == 0) {
			xw_str(x, s, row, 0, summary_domain_name(r->score->domains[e->index].domain), NULL);
			xw_str_spill(x, s, row, 1, sw->esc_domain, NULL);
		} else {
			snprintf(text, sizeof(text), "%s %s", w->types[SK_TICKET_COMPLAINT],
				 r->complaints[e->index].id);
			xw_str(x, s, row, 0, text, NULL);
			xw_str_spill(x, s, row, 1, sw->esc_complaint, NULL);
		}
	}
	row++;
	if (sm->overdue_at < r->period.end)
		snprintf(text, sizeof(text), sw->overdue_horizon,
			 report_time(r, sm->overdue_at, b, sizeof(b)));
	else
		snprintf(text, sizeof(text), "%s", sw->overdue);
	xw_str_spill(x, s, row++, 0, text, x->bold);
	for (size_t p = 0; p < c->n_priorities; p++, row++) {
		xw_str(x, s, row, 0, report_prio_label(c, (int)p, text, sizeof(text)), NULL);
		xw_num(x, s, row, 1, (double)sm->overdue[p], x->count);
	}
	xw_str(x, s, row, 0, sw->overdue_total, x->bold);
	xw_num(x, s, row++, 1, (double)sm->overdue_total, x->count);
	return row;
}

void xw_sheet_brief(struct xw *x)
{
	const struct sk_report *r = x->r;
	const struct sk_report_summary *sm = r->summary;
	const struct summary_words *sw = summary_words_for(x->w->lang);
	struct sheet *s = &x->brief;
	char text[256], name[64];
	lxw_row_t row = 0;

	if (s->ws && sm) {
		row = xw_report_header(x, s, row);
		xw_str(x, s, row++, 0, sw->title, x->bold);
		report_period_name(x->w, &sm->previous, name, sizeof(name));
		snprintf(text, sizeof(text),
			 sm->has_previous ? sw->prev_period : sm->before_start ? sw->prev_before_start
										: sw->prev_none,
			 name, sm->previous.label);
		xw_str_spill(x, s, row++, 0, text, NULL);
		row++;
		row = domains(x, s, row, sw);
		row = norms(x, s, row, sw);
		closing(x, s, row, sw);
		/* Widths for the tables, so the page stays one page: the header's notes and the
		   long lines spill into the empty cells to their right. */
		{
			static const double widths[B_COLS] = { LABEL_WIDTH, 17, 12, 12, 14, 12, 11, 10, 10 };

			for (int i = 0; i < B_COLS; i++)
				s->width[i] = widths[i];
			/* The norms' header right-aligned over their values: all of it in the column. */
			xw_fit(s, N_VALUE, (double)report_width(sw->measured) + 3);
		}
		xw_set_widths(x, s);
		/* Past MAX_WIDTH if a name needs it (the page is fitted one page tall as well). */
		xw_keep(x, worksheet_set_column(s->ws, 0, 0, label_width(x, sw), NULL));
		xw_print_sheet(x, s, 0, 0);
		/* The summary prints on one page: fitted to one page tall as well. */
		worksheet_fit_to_pages(s->ws, 1, 1);
	}
	if (x->annex.ws) {
		xw_sheet_annex(x, &x->annex, sw->annex);
		xw_set_widths(x, &x->annex);
		xw_print_sheet(x, &x->annex, 0, 0);
	}
}
