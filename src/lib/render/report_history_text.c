/*
 * The history in the text report: per clock a compact table of the last
 * twelve months (or four quarters) and the period itself, a row per period,
 * a column per priority with the share within the norm and its n, the norm
 * on top; then the domain scores per period. "—": before the contract's
 * start or the first ticket, never 0 %.
 */
#include <stdio.h>
#include <string.h>

#include "report_history_priv.h"

static const struct history_words nl = {
	.title_month = "Historie: de laatste twaalf maanden en deze maand",
	.title_quarter = "Historie: de laatste vier kwartalen en dit kwartaal",
	.response = "Reactie binnen norm, % (aantal tickets)",
	.resolution = "Oplossing binnen norm, % (aantal tickets)",
	.scores = "Score per domein",
	.no_data_note = "\xe2\x80\x94 : vóór de start van het contract of vóór het eerste ticket;"
			" geen cijfer, geen 0 %",
	.n_note = "(n): de tickets waarvan de klok in die periode is beslist; - : geen",
	.not_scored_note = "- : niet gescoord (ontbrekende gegevens of niet in het contract)",
	.blank_note = "leeg: geen klok in die periode beslist (n = 0), of het domein is niet"
		      " gescoord (ontbrekende gegevens of niet in het contract)",
	.norm = "norm", .sheet = "Historie", .chart_scores = "Score per domein", .domain = "domein",
	.tickets = "tickets",
};

static const struct history_words en = {
	.title_month = "History: the last twelve months and this month",
	.title_quarter = "History: the last four quarters and this quarter",
	.response = "Response within target, % (number of tickets)",
	.resolution = "Resolution within target, % (number of tickets)",
	.scores = "Score per domain",
	.no_data_note = "\xe2\x80\x94 : before the contract's start or before the first ticket;"
			" no figure, not 0 %",
	.n_note = "(n): the tickets whose clock was decided in that period; - : none",
	.not_scored_note = "- : not scored (missing data, or not scored under the contract)",
	.blank_note = "empty: no clock decided in that period (n = 0), or the domain not scored"
		      " (missing data, or not scored under the contract)",
	.norm = "norm", .sheet = "History", .chart_scores = "Score per domain", .domain = "domain",
	.tickets = "tickets",
};

const struct history_words *history_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

/* Priority or domain columns per table: 2 + 16 + 5 × 14 fit in 100 characters; more
   columns continue in a second table below. */
#define MAX_COLS 5
#define FIRST 16
#define WIDTH 13

/* Cells padded: the first left-aligned to @first, the others right-aligned to @width. */
static void line(FILE *fp, size_t first, size_t width, size_t n, const char *const *v)
{
	char cell[256];

	fputs("  ", fp);
	for (size_t i = 0; i < n; i++) {
		text_escape(cell, sizeof(cell), v[i], 0);
		if (i)
			fputc(' ', fp);
		if (n == 1) /* a name's next line alone: no padding after it */
			fputs(cell, fp);
		else
			report_pad(fp, cell, i ? width : first, i > 0);
	}
	fputc('\n', fp);
}

/* "97,5 % (40)", "- (0)" without decided clocks. */
static char *share(const struct sk_report *r, const struct report_words *w,
		   const struct sk_report_prio *pr, int res, char *buf, size_t size)
{
	long n = history_n(pr, res), in = history_within(pr, res);
	char b[32];

	if (!n) {
		snprintf(buf, size, "- (0)");
		return buf;
	}
	if (pr->has_norm) {
		struct report_figure f;

		report_figure(SK_DEC(in), SK_DEC(n), pr->norm, SK_HIGHER_IS_BETTER,
			      report_share_met(in, n, pr->norm), r->contract->rules.pct_decimals, &f);
		report_figure_pct(w, &f, pr->norm, b, sizeof(b));
	} else {
		report_pct(w, history_pct(pr, res), r->contract->rules.pct_decimals, b, sizeof(b));
	}
	snprintf(buf, size, "%s (%ld)", b, n);
	return buf;
}

/* The priorities @from up to @to (at most MAX_COLS). */
static void prio_table(FILE *fp, const struct sk_report *r, const struct report_words *w,
		       int res, size_t from, size_t to)
{
	const struct sk_contract *c = r->contract;
	const struct sk_report_past *now = &r->history[r->n_history - 1];
	const struct history_words *hw = history_words_for(w->lang);
	size_t np = to - from;
	const char *v[1 + MAX_COLS];
	char b[1 + MAX_COLS][64];

	fputc('\n', fp);
	v[0] = r->period.kind == SK_PERIOD_MONTH ? w->month : w->period;
	for (size_t p = 0; p < np; p++)
		v[1 + p] = c->priorities[from + p].id;
	line(fp, FIRST, WIDTH, 1 + np, v);
	/* The norm of the period itself (the same priority table throughout). */
	v[0] = hw->norm;
	for (size_t p = 0; p < np; p++)
		v[1 + p] = now->prio[from + p].has_norm ? report_pct(w, now->prio[from + p].norm, -1,
								     b[1 + p], 64) : "-";
	line(fp, FIRST, WIDTH, 1 + np, v);
	for (size_t i = 0; i < r->n_history; i++) {
		const struct sk_report_past *h = &r->history[i];

		v[0] = report_period_name(w, &h->period, b[0], 64);
		for (size_t p = 0; p < np; p++)
			v[1 + p] = h->has_data ? share(r, w, &h->prio[from + p], res, b[1 + p], 64)
					       : HISTORY_NO_DATA;
		line(fp, FIRST, WIDTH, 1 + np, v);
	}
}

/* The score table: a row per domain, its name wrapped within the first column; a
   column per period, as many as fit the 100 characters, the rest in a block below. */
#define NAME_W 30
#define SCORE_W 8
#define SCORE_COLS ((100 - 2 - NAME_W) / (SCORE_W + 1))

static void score_table(FILE *fp, const struct sk_report *r, const struct report_words *w,
			size_t from, size_t to)
{
	const struct sk_contract *c = r->contract;
	const struct history_words *hw = history_words_for(w->lang);
	const char *v[1 + SCORE_COLS];
	char b[1 + SCORE_COLS][64];

	fputc('\n', fp);
	v[0] = hw->domain;
	for (size_t i = from; i < to; i++)
		v[1 + i - from] = r->history[i].period.label;
	line(fp, NAME_W, SCORE_W, 1 + to - from, v);
	for (size_t k = 0; k < r->score->n_domains; k++) {
		const char *name = text_cell_piece(r->score->domains[k].domain->name, NAME_W, b[0], 64);

		v[0] = b[0];
		for (size_t i = from; i < to; i++) {
			const struct sk_report_past *h = &r->history[i];

			if (!h->has_data)
				v[1 + i - from] = HISTORY_NO_DATA;
			else if (!h->scored[k])
				v[1 + i - from] = "-";
			else
				v[1 + i - from] = sk_dec_format(h->score[k], c->rules.score_decimals,
								 w->mark, b[1 + i - from], 64);
		}
		line(fp, NAME_W, SCORE_W, 1 + to - from, v);
		while (*name) {
			name = text_cell_piece(name, NAME_W, b[0], 64);
			line(fp, NAME_W, SCORE_W, 1, v);
		}
	}
}

void report_history_text(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	const struct history_words *hw = history_words_for(w->lang);
	size_t np = r->contract->n_priorities, nd = r->score->n_domains;

	if (!r->n_history)
		return;
	text_heading(fp, r->period.kind == SK_PERIOD_MONTH ? hw->title_month : hw->title_quarter);
	for (int res = 0; res < 2; res++) {
		fprintf(fp, "\n  %s\n", res ? hw->resolution : hw->response);
		for (size_t p = 0; p < np; p += MAX_COLS)
			prio_table(fp, r, w, res, p, p + MAX_COLS < np ? p + MAX_COLS : np);
	}
	if (nd) {
		fprintf(fp, "\n  %s\n", hw->scores);
		for (size_t i = 0; i < r->n_history; i += SCORE_COLS)
			score_table(fp, r, w, i, i + SCORE_COLS < r->n_history ? i + SCORE_COLS
									 : r->n_history);
	}
	fputc('\n', fp);
	fprintf(fp, "  %s\n  %s\n  %s\n", hw->no_data_note, hw->n_note, hw->not_scored_note);
}
