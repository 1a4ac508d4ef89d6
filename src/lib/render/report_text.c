/*
 * The report as plain text: aligned columns, at most 100 wide, UTF-8, for a
 * terminal and a plain-text e-mail. Every line comes from the gathered
 * report, never from the clock, so the same inputs give the same bytes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render_priv.h"
#include "report_summary_priv.h"
#include "report_cadence_priv.h"
#include "report_onsite_priv.h"
#include "report_history_priv.h"
#include "report_breakdown_priv.h"
#include "report_suppliers_priv.h"
#include "report_deviations_priv.h"

/* The widest line the text report writes. */
#define WIDTH 100

/* A column of a table: width and alignment. */
struct col {
	size_t width;
	int right;
};

/* One row of a table: cells padded to their columns, two-space indent, no trailing blanks. */
static void row(FILE *fp, const struct col *cols, size_t n, const char *const *cells)
{
	size_t last = n;

	while (last > 0 && (!cells[last - 1] || !cells[last - 1][0]))
		last--;
	fputs("  ", fp);
	for (size_t i = 0; i < last; i++) {
		char cell[1024];

		if (i)
			fputc(' ', fp);
		/* Cells hold ticket text: escaped before it is measured and padded. */
		text_escape(cell, sizeof(cell), cells[i], 0);
		/* The last cell of a left-aligned row needs no padding. */
		if (i == last - 1 && !cols[i].right && report_width(cell) <= cols[i].width)
			fputs(cell, fp);
		else
			report_pad(fp, cell, cols[i].width, cols[i].right);
	}
	fputc('\n', fp);
}

/*
 * @text wrapped at blanks to WIDTH, every line after the first indented by
 * @indent. Lines carry ticket text (titles, reasons, file names): escaped
 * first, so a line break or an escape sequence in it shows as \n or \x1b.
 */
static void wrap(FILE *fp, size_t first_indent, size_t indent, const char *raw)
{
	char text[4 * 2048 + 1];   /* the longest line a caller builds, each byte escaped */
	size_t col = first_indent;
	const char *s = text;

	text_escape(text, sizeof(text), raw, 0);
	fprintf(fp, "%*s", (int)first_indent, "");
	while (*s) {
		const char *e = s;
		size_t w;
		char word[1024];

		while (*e && *e != ' ')
			e++;
		/* A number and its unit stay on one line: "100 %". */
		if (e[0] == ' ' && e[1] == '%' && (e[2] == ' ' || !e[2]))
			e += 2;
		snprintf(word, sizeof(word), "%.*s", (int)(e - s), s);
		w = report_width(word);
		if (col > indent && col + 1 + w > WIDTH) {
			fprintf(fp, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > first_indent || (col > indent && s != text)) {
			fputc(' ', fp);
			col++;
		}
		fputs(word, fp);
		col += w;
		s = *e ? e + 1 : e;
	}
	fputc('\n', fp);
}

void text_wrap(FILE *fp, size_t first_indent, size_t indent, const char *raw)
{
	wrap(fp, first_indent, indent, raw);
}

/* A section title, underlined to its width. */
void text_heading(FILE *fp, const char *raw)
{
	char title[512];
	size_t w;

	text_escape(title, sizeof(title), raw, 0);
	w = report_width(title);
	fprintf(fp, "\n%s\n", title);
	for (size_t i = 0; i < w; i++)
		fputc('-', fp);
	fputc('\n', fp);
}

/* Cells padded to @widths (negative: left-aligned), two-space indent, escaped. */
void text_cells(FILE *fp, const int *widths, size_t n, const char *const *v)
{
	size_t last = n;

	while (last > 0 && (!v[last - 1] || !v[last - 1][0]))
		last--;
	fputs("  ", fp);
	for (size_t i = 0; i < last; i++) {
		char cell[512];
		int w = widths[i];

		text_escape(cell, sizeof(cell), v[i] ? v[i] : "", 0);
		if (i)
			fputc(' ', fp);
		if (i == last - 1 && w < 0)
			fputs(cell, fp);
		else
			report_pad(fp, cell, (size_t)(w < 0 ? -w : w), w > 0);
	}
	fputc('\n', fp);
}

static const char *yes_no(const struct report_words *w, int v)
{
	return v < 0 ? w->na : v ? w->yes : w->no;
}

static char *num(const struct report_words *w, sk_dec v, int decimals, char *buf, size_t size)
{
	return decimals < 0 ? sk_dec_format_short(v, w->mark, buf, size)
			    : sk_dec_format(v, decimals, w->mark, buf, size);
}

static void write_header(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	const struct sk_contract *c = r->contract;
	const struct sk_rules *ru = &c->rules;
	char b1[64], b2[64], line[1024];
	struct sk_civil last;

	fprintf(fp, "%s %s (%s)\n", w->title, r->period.label,
		report_period_name(w, &r->period, b1, sizeof(b1)));
	wrap(fp, 0, 0, c->name);
	text_escape(line, sizeof(line), c->name, 0);
	for (size_t i = 0, n = report_width(line) < WIDTH ? report_width(line) : WIDTH; i < n; i++)
		fputc('=', fp);
	fputc('\n', fp);
	/* Said first: figures of a period the data does not reach are incomplete. */
	if (r->beyond_horizon) {
		snprintf(line, sizeof(line), w->beyond_horizon,
			 report_time(r, r->period.end, b1, sizeof(b1)),
			 report_time(r, r->horizon, b2, sizeof(b2)));
		wrap(fp, 0, 2, line);
	}
	fputc('\n', fp);
	/* The contract's own text is data too: escaped like the tickets'. Its id,
	 * file and hash are in the annex (write_annex()); the parties share a
	 * line so that the summary still fits the first page. */
	if (c->customer && c->supplier) {
		snprintf(line, sizeof(line), "%-18s%s; %s: %s", w->customer, c->customer,
			 w->supplier_inline, c->supplier);
		wrap(fp, 0, 18, line);
	} else if (c->customer || c->supplier) {
		fprintf(fp, "%-18s", c->customer ? w->customer : w->supplier);
		text_write_escaped(fp, c->customer ? c->customer : c->supplier);
		fputc('\n', fp);
	}
	sk_tz_to_civil(c->tz, r->period.end - 1, &last);
	fprintf(fp, "%-18s%.10s %s %04d-%02d-%02d (%s)\n", w->period,
		report_time(r, r->period.start, b1, sizeof(b1)), w->through, last.year, last.month,
		last.day, sk_tz_name(c->tz));
	fprintf(fp, "%-18s%s (%s)\n", w->generated,
		r->horizon_source ? report_time(r, r->horizon, b1, sizeof(b1)) : "-",
		r->horizon_source == 1 ? w->horizon_note : w->horizon_fallback);
	if (c->has_start) {
		int y, m, dd;

		sk_civil_from_days(c->start_day, &y, &m, &dd);
		fprintf(fp, "%-18s%04d-%02d-%02d\n", w->contract_start, y, m, dd);
	}
	fprintf(fp, "%-18s%s (%d %s)\n", w->due, report_time(r, r->due, b2, sizeof(b2)),
		ru->report_due_days, w->due_note);
}

/*
 * The audit annex, apart from the client's text at the report's end: the
 * contract file (its base name, never a server path) and its hash, the
 * imports with theirs, and the decisions applied, as the contract words them.
 */
static void write_annex(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	const struct sk_contract *c = r->contract;
	const struct sk_rules *ru = &c->rules;
	const char *base = strrchr(c->path, '/');
	const char *annex = summary_words_for(w->lang)->annex;
	char b1[64], line[1024];

	text_escape(line, sizeof(line), annex, 0);
	fprintf(fp, "\n\n%s\n", line);
	for (size_t i = 0, n = report_width(line); i < n; i++)
		fputc('=', fp);
	fputs("\n\n", fp);
	fprintf(fp, "%-18s", w->contract);
	text_write_escaped(fp, c->id);
	fputs(" (", fp);
	text_write_escaped(fp, base ? base + 1 : c->path);
	fputs(")\n", fp);
	fprintf(fp, "%-18s%s\n", w->contract_hash, c->sha256);
	fprintf(fp, "%-18s%s (%s)\n", w->last_import,
		report_time(r, r->generated_at, b1, sizeof(b1)), w->generated_note);
	fprintf(fp, "%-18s%s\n", w->version, r->version);
	text_heading(fp, w->inputs);
	if (!r->n_imports)
		fprintf(fp, "  %s\n", w->none);
	for (size_t i = 0; i < r->n_imports; i++) {
		const struct sk_report_import *im = &r->imports[i];
		size_t n;

		/* The base name: a server's paths are not the client's business. */
		const char *file = report_base_name(im->file);

		n = (size_t)snprintf(line, sizeof(line), "%ld %s: %s, %s, %ld %s", im->id, file,
				     im->kind, im->profile, im->rows, w->rows);
		if (im->rejected && n < sizeof(line))
			n += (size_t)snprintf(line + n, sizeof(line) - n, ", %ld %s", im->rejected,
					      w->rejected);
		if ((im->dst_gaps || im->dst_folds) && n < sizeof(line))
			snprintf(line + n, sizeof(line) - n, ", %s: %s %ld, %s %ld", w->dst, w->dst_gap,
				 im->dst_gaps, w->dst_fold, im->dst_folds);
		wrap(fp, 2, 6, line);
		fputs("    sha256 ", fp);
		text_write_escaped(fp, im->sha256);
		fputc('\n', fp);
		/* Which words stopped the clock: the contract's pause_statuses
		 * or the profile's; an auditor checks them against the export. */
		if (im->n_pause_statuses) {
			char list[sizeof(line) - 128];

			report_pause_list(im, list, sizeof(list));
			snprintf(line, sizeof(line), "%s %s", w->pause_seen, list);
			wrap(fp, 4, 6, line);
		}
	}

	text_heading(fp, w->decisions);
	fprintf(fp, "  resolution_start = %s\n", sk_clock_start_name(ru->resolution_start));
	fprintf(fp, "  priority = %s\n", sk_priority_rule_name(ru->priority));
	fprintf(fp, "  cap = %s\n", ru->cap ? "yes" : "no");
	fprintf(fp, "  pct_decimals = %d, score_decimals = %d\n", ru->pct_decimals, ru->score_decimals);
	fprintf(fp, "  aggregate = %s\n", sk_aggregate_name(ru->aggregate));
	fprintf(fp, "  weights = %s\n", sk_weights_rule_name(ru->weights));
	fprintf(fp, "  wrong_channel = %s\n", sk_channel_rule_name(ru->wrong_channel));
	{
		size_t n = (size_t)snprintf(line, sizeof(line), "pause_statuses =");

		for (size_t i = 0; i < ru->n_pause_statuses && n < sizeof(line); i++)
			n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %s", i ? "," : "",
					      ru->pause_statuses[i]);
		wrap(fp, 2, 6, line);
	}
	fprintf(fp, "  reopen_resets = %s\n", ru->reopen_resets ? "yes" : "no");
	fprintf(fp, "  onsite_default = %s\n", ru->onsite_resolution ? "resolution" : "none");
	fprintf(fp, "  report_due_days = %d\n", ru->report_due_days);
	snprintf(line, sizeof(line), "%s = %s (%s)", w->missing_rule, report_missing_name(r->missing),
		 r->missing == SK_MISSING_ZERO ? w->missing_zero
		 : r->missing == SK_MISSING_SKIP ? w->missing_skip : w->missing_refuse);
	wrap(fp, 2, 6, line);
	/* The reading chosen where clauses disagree ([choice.ID]): what produced the figures. */
	for (size_t i = 0; i < c->n_choices; i++) {
		const struct sk_choice *ch = &c->choices[i];
		char text[2048];

		snprintf(text, sizeof(text), "%s %s (%s: %s)", w->choice, ch->id, w->choice_seed,
			 ch->seed);
		wrap(fp, 2, 6, text);
		snprintf(text, sizeof(text), "%s: %s", w->choice_clause, ch->clause);
		wrap(fp, 4, 6, text);
		snprintf(text, sizeof(text), "%s: %s", w->choice_reading, ch->reading);
		wrap(fp, 4, 6, text);
	}
}


/* "48/49 97,96 %": a clock's share, with the places its verdict against @p's norm needs. */
static char *share_cell(const struct sk_report *r, const struct report_words *w,
			const struct sk_report_prio *p, long within, long n, sk_dec pct, char *buf,
			size_t size)
{
	struct report_figure f;
	char b[32];

	if (!p->has_norm) {
		snprintf(buf, size, "%ld/%ld %s", within, n,
			 report_pct(w, pct, r->contract->rules.pct_decimals, b, sizeof(b)));
		return buf;
	}
	report_figure(SK_DEC(within), SK_DEC(n), p->norm, SK_HIGHER_IS_BETTER,
		      report_share_met(within, n, p->norm), r->contract->rules.pct_decimals, &f);
	snprintf(buf, size, "%ld/%ld %s", within, n, report_figure_pct(w, &f, p->norm, b, sizeof(b)));
	return buf;
}

static void prio_cells(const struct sk_report *r, const struct report_words *w,
		       const struct sk_report_prio *p, char b[][48], const char **cells)
{
	const struct sk_contract *c = r->contract;

	if (p->type < 0)
		report_prio_label(c, p->priority, b[0], 48);
	else
		snprintf(b[0], 48, "  %s", report_type_word(w, p->type));
	snprintf(b[1], 48, "%ld", p->tickets);
	if (p->response_n)
		share_cell(r, w, p, p->response_within, p->response_n, p->response_pct, b[2], 48);
	else
		snprintf(b[2], 48, "-");
	if (p->resolution_n)
		share_cell(r, w, p, p->resolution_within, p->resolution_n, p->resolution_pct, b[3], 48);
	else
		snprintf(b[3], 48, "-");
	if (p->has_norm) {
		char v[40];

		snprintf(b[4], 48, "≥ %s", report_pct(w, p->norm, -1, v, sizeof(v)));
	} else
		snprintf(b[4], 48, "-");
	snprintf(b[5], 48, "%s", yes_no(w, p->met));
	if (p->mttr >= 0)
		report_hm(p->mttr, b[6], 48);
	else
		snprintf(b[6], 48, "-");
	if (p->mttp >= 0)
		report_hm(p->mttp, b[7], 48);
	else
		snprintf(b[7], 48, "-");
	snprintf(b[8], 48, "%ld", p->open);
	for (int i = 0; i < 9; i++)
		cells[i] = b[i];
}

static void write_priorities(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	static const struct col cols[] = { { 16, 0 }, { 7, 1 }, { 17, 1 }, { 17, 1 }, { 7, 1 },
					   { 7, 0 }, { 7, 1 }, { 7, 1 }, { 4, 1 } };
	const char *head[9] = { w->prio_type, w->tickets, w->response_within, w->resolution_within,
				w->norm, w->met, w->mttr, w->mttp, w->pending };
	char b[9][48], note[512];
	const char *cells[9];

	text_heading(fp, w->priorities);
	row(fp, cols, 9, head);
	for (size_t i = 0; i < r->n_prio; i++) {
		prio_cells(r, w, &r->prio[i], b, cells);
		row(fp, cols, 9, cells);
	}
	wrap(fp, 2, 2, w->mttr_note);
	wrap(fp, 2, 2, w->open_note);
	if (*report_unmeasured_line(r, w, note, sizeof(note)))
		wrap(fp, 2, 2, note);
}

/* "0:11/≤ 0:15" for a clock (business time against its target), "-" when no target applies. */
static char *clock_cell(const struct sk_clock *k, char *buf, size_t size)
{
	char a[24], t[32];

	if (k->state == SK_CLOCK_NA)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s/%s", report_hm(k->elapsed, a, sizeof(a)),
			 report_target(k, t, sizeof(t)));
	return buf;
}

static void write_p1(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	static const struct col cols[] = { { 14, 0 }, { 9, 0 }, { 16, 0 }, { 8, 0 }, { 13, 1 },
					   { 8, 0 }, { 13, 1 }, { 8, 0 } };
	const struct sk_contract *c = r->contract;
	const char *head[8] = { w->ticket, w->change_type, w->reported, w->channel, w->response, "",
				w->resolution, "" };
	char title[96], b[8][48], flags[512];
	int top = report_top_priority(c);

	snprintf(title, sizeof(title), w->p1_list, top >= 0 ? c->priorities[top].id : "P1");
	text_heading(fp, title);
	if (!r->n_p1) {
		fprintf(fp, "  %s\n", w->none);
		return;
	}
	row(fp, cols, 8, head);
	for (size_t i = 0; i < r->n_p1; i++) {
		const struct sk_result *x = &r->results->r[r->p1[i]];
		const char *cells[8] = { x->ticket.id, report_type_word(w, (int)x->ticket.type),
					 report_time(r, x->ticket.reported_at, b[2], 48),
					 report_channel_word(w, x->ticket.channel),
					 clock_cell(&x->v.response, b[4], 48),
					 /* "open" when late and still running: not "te laat" as if done. */
					 report_clock_state(w, &x->v.response, 1),
					 clock_cell(&x->v.resolution, b[6], 48),
					 report_clock_state(w, &x->v.resolution, 1) };

		row(fp, cols, 8, cells);
		if (x->v.excluded || x->v.flags & (REPORT_APART_FLAGS | SK_FLAG_UPLIFT)) {
			char line[640];

			snprintf(line, sizeof(line), "%s%s%s", x->v.excluded ? w->excluded : "",
				 x->v.excluded ? ": " : "", report_flag_text(w, r, x, flags, sizeof(flags)));
			wrap(fp, 4, 6, line);
		}
		if (report_cadence_p1_note(r, r->p1[i], w->lang, flags, sizeof(flags)))
			wrap(fp, 4, 6, flags);
	}
	wrap(fp, 2, 2, w->p1_note);
}

static void write_uplifts(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	char b[48], line[1200];

	text_heading(fp, w->uplifts);
	if (!r->n_uplifts)
		fprintf(fp, "  %s\n", w->none);
	for (size_t i = 0; i < r->n_uplifts; i++) {
		const struct sk_result *x = &r->results->r[r->uplifts[i]];

		snprintf(line, sizeof(line), "%s %s %s: %s", x->ticket.id,
			 report_time(r, x->ticket.reported_at, b, sizeof(b)), w->uplift_reason,
			 x->ticket.uplift_reason && x->ticket.uplift_reason[0] ? x->ticket.uplift_reason
										  : "-");
		wrap(fp, 2, 6, line);
	}
}

static void write_apart(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	static const struct col cols[] = { { 14, 0 }, { 4, 0 }, { 10, 0 }, { 64, 0 } };
	const char *head[4] = { w->ticket, "", w->counts, w->reason };
	char flags[512], counted[48];

	text_heading(fp, w->apart);
	if (!r->n_apart) {
		fprintf(fp, "  %s\n", w->none);
		return;
	}
	wrap(fp, 2, 2, w->apart_note);
	row(fp, cols, 4, head);
	for (size_t i = 0; i < r->n_apart; i++) {
		const struct sk_result *x = &r->results->r[r->apart[i]];
		const char *id = r->contract->priorities[x->v.priority].id;
		const char *reason = report_flag_text(w, r, x, flags, sizeof(flags));
		char piece[256];
		const char *cells[4] = { x->ticket.id, id, counted, piece };

		/* Listed apart yet counted at its priority, or left out of the figures. */
		if (x->v.excluded)
			snprintf(counted, sizeof(counted), "%s", w->not_counted);
		else
			snprintf(counted, sizeof(counted), "%s %s", w->counts_as, id);
		/* The whole reason, wrapped within its column: never cut. */
		do {
			reason = text_cell_piece(reason, cols[3].width, piece, sizeof(piece));
			row(fp, cols, 4, cells);
			cells[0] = cells[1] = cells[2] = "";
		} while (*reason);
	}
}

/* The tickets still open past their deadline that the summary counts but whose breach
 * an earlier report listed: named here, where the reader looks for them. */
static void write_overdue_earlier(FILE *fp, const struct sk_report *r,
				  const struct report_words *w)
{
	const struct sk_report_summary *s = r->summary;
	char list[1024], line[1200];
	size_t n = 0;

	if (!s || !s->n_overdue_earlier)
		return;
	list[0] = '\0';
	for (size_t i = 0; i < s->n_overdue_earlier && n < sizeof(list); i++) {
		const struct sk_result *x = &r->others[s->overdue_earlier[i]];

		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s (%s)", i ? ", " : "",
				      x->ticket.id, r->contract->priorities[x->v.priority].id);
	}
	snprintf(line, sizeof(line), w->overdue_earlier, list);
	wrap(fp, 2, 4, line);
}

static void write_breaches(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	static const struct col cols[] = { { 14, 0 }, { 4, 0 }, { 10, 0 }, { 8, 1 }, { 16, 0 },
					   { 16, 0 }, { 24, 1 } };
	const char *head[7] = { w->ticket, "", w->clock, w->target, w->deadline, w->stopped, w->late };
	char b[7][48];
	const char *note;

	text_heading(fp, w->breaches);
	if (!r->n_breaches)
		fprintf(fp, "  %s\n", w->none);
	else
		row(fp, cols, 7, head);
	for (size_t i = 0; i < r->n_breaches; i++) {
		const struct sk_report_breach *br = &r->breaches[i];
		const struct sk_result *x = &r->results->r[br->result];
		const struct sk_clock *k = br->resolution ? &x->v.resolution : &x->v.response;
		const char *cells[7] = { x->ticket.id, r->contract->priorities[x->v.priority].id,
					 br->resolution ? w->resolution : w->response,
					 report_target(k, b[3], 48), report_time(r, k->deadline, b[4], 48),
					 k->stop ? report_time(r, k->stop, b[5], 48) : w->open,
					 report_hm(br->late, b[6], 48) };

		row(fp, cols, 7, cells);
		if ((note = report_late_note(w, k, br->late)))
			wrap(fp, 4, 4, note);
	}
	write_overdue_earlier(fp, r, w);
}

char *report_domain_reason(const struct report_words *w, const struct sk_domain_score *ds,
			   char *buf, size_t size)
{
	const struct sk_domain *dom = ds->domain;

	if (!dom->scored) {
		snprintf(buf, size, "%s: %s", w->not_scored, dom->note ? dom->note : w->not_scored_contract);
	} else if (dom->has_start && strstr(ds->reason, "starts on")) {
		int y, m, d;

		sk_civil_from_days(dom->start_day, &y, &m, &d);
		snprintf(buf, size, "%s: %s %04d-%02d-%02d", w->not_scored, w->starts_on, y, m, d);
	} else if (strncmp(ds->reason, "incomplete", 10) == 0) {
		snprintf(buf, size, "%s: %s", w->not_scored, w->incomplete);
	} else {
		snprintf(buf, size, "%s: %s", w->not_scored, w->no_value);
	}
	return buf;
}

/* A KPI value in its unit: "79,53 %" for shares, the number otherwise. */
static char *kpi_value(const struct report_words *w, const struct sk_kpi *k, sk_dec v, int decimals,
		       char *buf, size_t size)
{
	size_t n;

	if (k->unit && strcmp(k->unit, "%") == 0)
		return report_pct(w, v, decimals, buf, size);
	num(w, v, decimals, buf, size);
	n = strlen(buf);
	snprintf(buf + n, size - n, "%s", report_unit_suffix(w, k));
	return buf;
}

/* The KPI table's columns: the KPI's name first (wrapped within its column), the
 * norm's wide enough for "per prioriteit". */
static const struct col kpi_cols[] = { { 26, 0 }, { 11, 1 }, { 14, 1 }, { 9, 1 }, { 7, 1 },
				       { 9, 1 }, { 16, 0 } };

const char *text_cell_piece(const char *s, size_t width, char *buf, size_t size)
{
	size_t n = strlen(s), cut = 0, blank = 0, hyphen = 0;

	while (cut < n) {
		size_t next = cut + 1;
		char piece[1024];

		while (next < n && ((unsigned char)s[next] & 0xC0) == 0x80)
			next++;
		snprintf(piece, sizeof(piece), "%.*s", (int)next, s);
		if (report_width(piece) > width)
			break;
		cut = next;
		if (s[cut] == ' ' || !s[cut])
			blank = cut;
		else if (s[cut - 1] == '-')
			hyphen = cut;
	}
	if (cut < n)
		cut = blank ? blank : hyphen ? hyphen : cut ? cut : 1;
	snprintf(buf, size, "%.*s", (int)cut, s);
	s += cut;
	while (*s == ' ')
		s++;
	return s;
}

static void write_kpi(FILE *fp, const struct sk_report *r, const struct report_words *w,
		      const struct sk_kpi_score *ks)
{
	const struct col *cols = kpi_cols;
	const struct sk_contract *c = r->contract;
	const struct sk_kpi *k = ks->kpi;
	char b[7][64], line[512];
	const char *cells[7];

	const char *name = text_cell_piece(k->name ? k->name : k->id, cols[0].width, b[0], 64);

	cells[0] = b[0];
	cells[1] = ks->has_value ? kpi_value(w, k, ks->measured, 2, b[1], 64) : w->missing;
	if (ks->has_value && !(k->unit && strcmp(k->unit, "%") == 0)) {
		/* As exact as it is ("8,1"), a mean of months (8,066667) to two places,
		 * unless the rounding would carry it across its norm (7,996 is no 8,00). */
		size_t n;

		cells[1] = num(w, ks->measured, sk_dec_round(ks->measured, 2) == ks->measured ||
			       (k->has_norm && (sk_dec_round(ks->measured, 2) >= ks->norm_used) !=
						       (ks->measured >= ks->norm_used)) ? -1 : 2,
			       b[1], 64);
		n = strlen(b[1]);
		snprintf(b[1] + n, 64 - n, "%s", report_unit_suffix(w, k));
	} else if (ks->has_value && k->has_norm)
		cells[1] = report_kpi_measured_text(w, ks, b[1], 64);
	cells[2] = !k->has_norm ? "-" : sk_kpi_norms_per_priority(ks) ? w->per_priority
		   : report_norm_text(w, k, ks->norm_used, b[2], 64);
	cells[3] = ks->has_pct ? report_kpi_pct_text(w, ks, c->rules.pct_decimals, b[3], 64) : "-";
	cells[4] = k->has_weight ? report_pct(w, ks->weight, -1, b[4], 64) : "-";
	cells[5] = ks->scored ? num(w, ks->contribution, 2, b[5], 64) : "-";
	cells[6] = w->origins[ks->origin];
	row(fp, cols, 7, cells);
	/* The rest of the name within its column. */
	while (*name) {
		const char *more[1] = { b[0] };

		name = text_cell_piece(name, cols[0].width, b[0], 64);
		row(fp, cols, 1, more);
	}
	/* How it was measured, per priority when it is per priority. */
	wrap(fp, 6, 8, report_kpi_detail(w, ks, line, sizeof(line)));
	for (size_t q = 0; q < ks->n_parts; q++) {
		const struct sk_priority_part *pp = &ks->parts[q];
		struct report_figure f;
		char pct[32], nrm[64], share[48], within[96];
		int met = k->direction == SK_LOWER_IS_BETTER
			  ? (int64_t)pp->within * 100 * SK_DEC_ONE <= (int64_t)pp->norm * pp->n
			  : report_share_met(pp->within, pp->n, pp->norm);

		/* "P2: 5 van 7 op tijd = 71,4 % (norm ≥ 95 %), % v. norm 75,2 %" */
		snprintf(within, sizeof(within), w->on_time_share, pp->within, pp->n);
		report_figure(SK_DEC(pp->within), SK_DEC(pp->n), pp->norm, k->direction, met,
			      c->rules.pct_decimals, &f);
		snprintf(line, sizeof(line), "%s: %s = %s (%s %s), %s %s", c->priorities[pp->priority].id,
			 within, report_figure_pct(w, &f, pp->norm, share, sizeof(share)), w->norm,
			 report_norm_text(w, k, pp->norm, nrm, sizeof(nrm)), w->pct_of_norm,
			 report_pct(w, pp->pct, c->rules.pct_decimals, pct, sizeof(pct)));
		wrap(fp, 6, 8, line);
	}
	if (k->note) {
		snprintf(line, sizeof(line), "%s", k->note);
		wrap(fp, 6, 8, line);
	}
}

/* The staffel under a scored domain: each step's scores and malus, the one applied marked. */
static void write_staffel(FILE *fp, const struct sk_report *r, const struct report_words *w,
			  const struct sk_domain_score *ds)
{
	static const struct col cols[] = { { 24, 0 }, { 30, 0 }, { 12, 0 } };
	const struct sk_contract *c = r->contract;
	const char *head[3] = { w->score_range, w->malus_word, "" };
	char b[2][128], applied[64];

	if (!c->n_staffel)
		return;
	snprintf(applied, sizeof(applied), "← %s", w->applied);
	fprintf(fp, "  %s\n", w->staffel);
	fputs("  ", fp);
	row(fp, cols, 3, head);
	for (size_t i = 0; i < c->n_staffel; i++) {
		const char *cells[3] = { report_staffel_range(w, c, (int)i, b[0], sizeof(b[0])),
					 report_step_consequence(w, &c->staffel[i], b[1], sizeof(b[1])),
					 ds->step == (int)i ? applied : "" };

		fputs("  ", fp);
		row(fp, cols, 3, cells);
	}
}

static void write_domain(FILE *fp, const struct sk_report *r, const struct report_words *w,
			 const struct sk_domain_score *ds)
{
	const struct col *cols = kpi_cols;
	const struct sk_contract *c = r->contract;
	const char *head[7] = { w->kpi, w->measured, w->norm, w->pct_of_norm, w->weight,
				w->contribution, w->source };
	char line[2048], b[4][64], res[256];
	size_t n = 0;

	snprintf(line, sizeof(line), "%s %s", w->domain, ds->domain->name);
	fputc('\n', fp);
	wrap(fp, 0, 2, line);
	row(fp, cols, 7, head);
	for (size_t k = 0; k < ds->n_kpis; k++)
		write_kpi(fp, r, w, &ds->kpis[k]);
	if (!ds->scored) {
		wrap(fp, 2, 4, report_domain_reason(w, ds, line, sizeof(line)));
		return;
	}
	n = (size_t)snprintf(line, sizeof(line), "%s:", w->derivation);
	for (size_t k = 0; k < ds->n_kpis && n < sizeof(line); k++) {
		const struct sk_kpi_score *ks = &ds->kpis[k];

		if (!ks->scored)
			continue;
		/* Scaled weights as the fraction they are, so the sum can be redone exactly. */
		if (ds->normalised)
			n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %s × %s/%s",
					      n > strlen(w->derivation) + 1 ? " +" : "",
					      num(w, ks->pct, c->rules.pct_decimals, b[0], 64),
					      num(w, ks->weight, -1, b[1], 64),
					      num(w, ds->weight_sum, -1, b[2], 64));
		else
			n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %s × %s",
					      n > strlen(w->derivation) + 1 ? " +" : "",
					      num(w, ks->pct, c->rules.pct_decimals, b[0], 64),
					      num(w, ks->weight_used / 100, -1, b[1], 64));
	}
	if (n < sizeof(line))
		snprintf(line + n, sizeof(line) - n, " = %s", num(w, ds->score_raw, -1, b[0], 64));
	wrap(fp, 2, 4, line);
	if (ds->normalised) {
		char wsum[64];

		n = (size_t)snprintf(line, sizeof(line), w->normalised,
				     num(w, ds->weight_sum, -1, wsum, sizeof(wsum)));
		if (strncmp(ds->reason, "KPIs without data", 17) == 0 && n < sizeof(line))
			snprintf(line + n, sizeof(line) - n, " (%s)", w->skipped);
		wrap(fp, 2, 4, line);
	}
	snprintf(line, sizeof(line), "%s: %s", w->score, report_domain_result(w, c, ds, res, sizeof(res)));
	wrap(fp, 2, 4, line);
	if (ds->has_invoice) {
		char inv[64], mal[64];

		snprintf(line, sizeof(line), "%s: %s × € %s = € %s %s %s (%s %s)", w->malus,
			 report_pct(w, ds->malus, -1, b[0], 64),
			 sk_cents_format(ds->invoice_cents, w->mark, inv, sizeof(inv)),
			 sk_cents_format(ds->malus_cents, w->mark, mal, sizeof(mal)), w->on_invoice_of,
			 ds->applies_to, w->invoice_from, report_invoice_source(w, ds));
		wrap(fp, 2, 4, line);
	} else if (r->period.kind == SK_PERIOD_QUARTER) {
		fprintf(fp, "  %s: %s\n", w->malus, w->no_invoice);
	} else if (ds->step >= 0) {
		fprintf(fp, "  %s: %s\n", w->malus, w->malus_quarterly);
	}
	write_staffel(fp, r, w, ds);
}

static void write_domains(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	char line[1024];

	text_heading(fp, w->domains);
	for (size_t i = 0; i < r->score->n_domains; i++)
		write_domain(fp, r, w, &r->score->domains[i]);
	if (!r->score->n_missing)
		return;
	text_heading(fp, w->missing_title);
	snprintf(line, sizeof(line), "%d %s %s", r->score->n_missing, w->missing_text,
		 r->missing == SK_MISSING_ZERO ? w->missing_zero
		 : r->missing == SK_MISSING_SKIP ? w->missing_skip : w->missing_refuse);
	wrap(fp, 2, 2, line);
	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_domain_score *ds = &r->score->domains[i];

		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			if (ks->has_value || !ks->kpi->has_weight || !ks->kpi->has_norm ||
			    !ds->domain->scored || strstr(ds->reason, "starts on"))
				continue;
			char what[512];

			snprintf(line, sizeof(line), "%s: %s", ds->domain->name,
				 report_missing_line(w, r, ks, what, sizeof(what)));
			wrap(fp, 2, 6, line);
		}
	}
}

/* Why a service has no figure, or has one without any outage reported. */
static void note_services(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	int no_data = 0, assumed = 0;

	for (size_t i = 0; i < r->n_services; i++) {
		no_data |= r->services[i].no_data;
		assumed |= r->services[i].assumed;
	}
	if (no_data)
		wrap(fp, 2, 4, w->avail_no_data_note);
	if (assumed)
		wrap(fp, 2, 4, w->avail_assumed_note);
}

static void write_services(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	/* "measured" holds "geen gegevens" (13 columns). */
	static const struct col cols[] = { { 27, 0 }, { 8, 1 }, { 13, 1 }, { 9, 1 }, { 9, 1 },
					   { 9, 1 }, { 8, 1 }, { 7, 0 } };
	const char *head[8] = { w->service, w->norm, w->measured, w->service_window, w->down,
				w->outages, w->planned, w->met };
	char b[8][64];

	text_heading(fp, w->availability);
	if (!r->n_services) {
		fprintf(fp, "  %s\n", w->none);
		return;
	}
	row(fp, cols, 8, head);
	for (size_t i = 0; i < r->n_services; i++) {
		const struct sk_report_service *s = &r->services[i];
		const char *cells[8];

		const char *name = s->service->name ? s->service->name : s->service->id;

		name = text_cell_piece(name, cols[0].width, b[0], 64);
		cells[0] = b[0];
		cells[1] = report_pct(w, s->service->norm, -1, b[1], 64);
		if (s->has_value) {
			struct report_figure f;

			report_figure(SK_DEC(s->window - s->down), SK_DEC(s->window), s->service->norm,
				      SK_HIGHER_IS_BETTER, s->met, 3, &f);
			cells[2] = report_figure_pct(w, &f, s->service->norm, b[2], 64);
		} else {
			cells[2] = s->no_data ? w->no_data : "-";
		}
		cells[3] = report_hm(s->window, b[3], 64);
		cells[4] = report_hm(s->down, b[4], 64);
		snprintf(b[5], 64, "%ld", s->outages);
		cells[5] = b[5];
		snprintf(b[6], 64, "%ld", s->planned);
		cells[6] = b[6];
		cells[7] = s->has_value ? yes_no(w, s->met) : w->na;
		row(fp, cols, 8, cells);
		/* The rest of a long name on lines of its own, never cut. */
		while (*name) {
			const char *rest[1] = { b[0] };

			name = text_cell_piece(name, cols[0].width, b[0], 64);
			row(fp, cols, 1, rest);
		}
	}
	note_services(fp, r, w);
}

static void write_changes(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	static const struct col cols[] = { { 14, 0 }, { 10, 0 }, { 16, 0 }, { 16, 0 }, { 16, 0 },
					   { 7, 0 }, { 7, 0 } };
	const struct sk_report_changes *ch = &r->changes;
	const char *head[7] = { w->ticket, w->change_type, w->reported, w->planned_at, w->solved,
				"CAB", w->failed };
	char line[512], b[7][48];

	text_heading(fp, w->changes);
	snprintf(line, sizeof(line), "%s %ld: %s %ld, %s %ld, %s %ld, %s %ld; %s %ld %s %ld %s; "
		 "%s %ld; %s %ld", w->total, ch->total, w->standard, ch->standard, w->normal,
		 ch->normal, w->emergency, ch->emergency, w->untyped, ch->untyped, w->cab,
		 ch->cab_approved, w->of, ch->normal + ch->emergency, w->non_standard, w->failed,
		 ch->failed, w->solved, ch->solved);
	wrap(fp, 2, 4, line);
	if (!r->n_changes)
		return;
	row(fp, cols, 7, head);
	for (size_t i = 0; i < r->n_changes; i++) {
		const struct sk_report_case *k = &r->change_list[i];
		const char *cells[7] = { k->id, report_change_type_word(w, k->change_type),
					 report_time(r, k->reported_at, b[2], 48),
					 report_time(r, k->planned_at, b[3], 48),
					 k->solved_at ? report_time(r, k->solved_at, b[4], 48) : w->open,
					 yes_no(w, k->cab_approved), yes_no(w, k->failed) };

		row(fp, cols, 7, cells);
	}
}

static void write_complaints(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	static const struct col cols[] = { { 14, 0 }, { 16, 0 }, { 16, 0 }, { 12, 1 }, { 8, 1 },
					   { 12, 0 } };
	const char *head[6] = { w->ticket, w->reported, w->solved, w->duration, w->limit, w->within };
	char b[6][48];

	text_heading(fp, w->complaints);
	if (!r->n_complaints) {
		fprintf(fp, "  %s\n", w->none);
		return;
	}
	row(fp, cols, 6, head);
	for (size_t i = 0; i < r->n_complaints; i++) {
		const struct sk_report_case *k = &r->complaints[i];
		const char *cells[6] = { k->id, report_time(r, k->reported_at, b[1], 48),
					 k->solved_at ? report_time(r, k->solved_at, b[2], 48) : w->open,
					 report_hm(k->business, b[3], 48),
					 k->has_limit ? report_hm(k->limit, b[4], 48) : "-",
					 k->has_limit ? yes_no(w, k->within) : w->na };

		row(fp, cols, 6, cells);
		if (k->title) {
			char line[512];

			snprintf(line, sizeof(line), "%s", k->title);
			wrap(fp, 4, 6, line);
		}
		if (k->level) {
			char line[256], lv[160];

			snprintf(line, sizeof(line), "%s: %s", w->level,
				 report_ladder_text(r, w, k, lv, sizeof(lv)));
			wrap(fp, 4, 6, line);
		}
	}
	wrap(fp, 2, 2, w->complaint_note);
	if (r->ladder[0] || r->ladder[1]) {
		char line[256];

		wrap(fp, 2, 2, report_ladder_steps(r, w, line, sizeof(line)));
	}
}

static void write_escalations(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	char line[512], b[64];

	text_heading(fp, w->escalations);
	for (size_t i = 0; i < r->n_escalations; i++) {
		const struct sk_report_escalation *e = &r->escalations[i];

		if (e->kind == 0) {
			const struct sk_domain_score *ds = &r->score->domains[e->index];

			char res[256];

			snprintf(line, sizeof(line), "%s %s: %s %s", w->domain, ds->domain->name, w->score_range,
				 report_domain_result(w, r->contract, ds, res, sizeof(res)));
		} else {
			const struct sk_report_case *k = &r->complaints[e->index];
			char lim[32];

			char lv[160];

			if (k->level)
				snprintf(line, sizeof(line), "%s %s: %s; %s", w->types[SK_TICKET_COMPLAINT],
					 k->id, report_hm(k->business, b, sizeof(b)),
					 report_ladder_text(r, w, k, lv, sizeof(lv)));
			else
				snprintf(line, sizeof(line), "%s %s: %s > %s (%s)",
					 w->types[SK_TICKET_COMPLAINT], k->id,
					 report_hm(k->business, b, sizeof(b)),
					 report_hm(k->limit, lim, sizeof(lim)), w->esc_complaint);
		}
		wrap(fp, 2, 4, line);
	}
	fprintf(fp, "  %s: %ld %s\n", w->handovers, r->handovers, w->tickets);
}

static void write_counts(FILE *fp, const struct report_words *w, const char *title,
			 const struct sk_report_count *list, size_t n)
{
	static const struct col cols[] = { { 40, 0 }, { 7, 1 } };
	char b[32];

	fprintf(fp, "\n  %s\n", title);
	for (size_t i = 0; i < n; i++) {
		const char *cells[2] = { list[i].name[0] ? list[i].name : w->unknown, b };

		snprintf(b, sizeof(b), "%ld", list[i].n);
		row(fp, cols, 2, cells);
	}
}

/* One table of months × priorities for the response or the resolution clock. */
static void month_table(FILE *fp, const struct sk_report *r, const struct report_words *w,
			int resolution)
{
	const struct sk_contract *c = r->contract;
	struct col cols[1 + 8];
	const char *cells[1 + 8];
	char b[1 + 8][48];
	size_t np = c->n_priorities < 8 ? c->n_priorities : 8;

	fprintf(fp, "\n  %s\n", resolution ? w->chart_resolution : w->chart_response);
	cols[0] = (struct col){ 16, 0 };
	cells[0] = w->month;
	for (size_t p = 0; p < np; p++) {
		cols[1 + p] = (struct col){ 10, 1 };
		cells[1 + p] = c->priorities[p].id;
	}
	row(fp, cols, 1 + np, cells);
	for (size_t m = 0; m < r->n_months; m++) {
		const struct sk_report_month *mo = &r->months[m];

		cells[0] = report_period_name(w, &mo->period, b[0], 48);
		for (size_t p = 0; p < np; p++) {
			const struct sk_report_prio *pr = &mo->prio[p];
			long n = resolution ? pr->resolution_n : pr->response_n;

			cells[1 + p] = n ? report_pct(w, resolution ? pr->resolution_pct : pr->response_pct,
						      c->rules.pct_decimals, b[1 + p], 48) : "-";
		}
		row(fp, cols, 1 + np, cells);
	}
}

static void write_trend(FILE *fp, const struct sk_report *r, const struct report_words *w)
{
	char line[512];

	struct report_reconcile rc;

	text_heading(fp, w->trend);
	/* The trend counts every ticket reported, the priority table those with a clock. */
	report_reconcile(r, &rc);
	for (int i = 0; i < 5; i++)
		if (*report_reconcile_line(w, &rc, i, line, sizeof(line)))
			wrap(fp, i ? 4 : 2, 6, line);
	fprintf(fp, "  %s (%s):%s\n", w->recurring, w->recurring_note, r->n_recurring ? "" : " -");
	for (size_t i = 0; i < r->n_recurring; i++) {
		snprintf(line, sizeof(line), "%zu. %s (%ld)", i + 1, r->recurring[i].name, r->recurring[i].n);
		wrap(fp, 4, 7, line);
	}
	snprintf(line, sizeof(line), "%s (%s)", w->per_location, w->category_note);
	write_counts(fp, w, line, r->locations, r->n_locations);
	snprintf(line, sizeof(line), "%s (%s)", w->per_category, w->category_note);
	write_counts(fp, w, line, r->categories, r->n_categories);
	if (r->n_months > 1) {
		static const struct col cols[] = { { 16, 0 }, { 8, 1 }, { 9, 1 } };
		const char *head[3] = { w->month, w->reported, w->breached_n };
		char b[3][48];

		fprintf(fp, "\n  %s\n", w->by_month);
		row(fp, cols, 3, head);
		for (size_t m = 0; m < r->n_months; m++) {
			const char *cells[3] = { report_period_name(w, &r->months[m].period, b[0], 48), b[1],
						 b[2] };

			snprintf(b[1], 48, "%ld", r->months[m].reported);
			snprintf(b[2], 48, "%ld", r->months[m].breached);
			row(fp, cols, 3, cells);
		}
		month_table(fp, r, w, 0);
		month_table(fp, r, w, 1);
	}
}

enum sk_err report_write_text(const struct sk_report *r, const char *lang, FILE *fp)
{
	const struct report_words *w = report_words_for(report_lang(r, lang));

	write_header(fp, r, w);
	report_summary_text(fp, r, w->lang);
	write_priorities(fp, r, w);
	write_p1(fp, r, w);
	write_uplifts(fp, r, w);
	write_apart(fp, r, w);
	write_breaches(fp, r, w);
	write_domains(fp, r, w);
	write_services(fp, r, w);
	write_changes(fp, r, w);
	write_complaints(fp, r, w);
	write_escalations(fp, r, w);
	write_trend(fp, r, w);
	report_history_text(fp, r, w);
	report_suppliers_text(fp, r, w->lang);
	report_onsite_text(fp, r, w->lang);
	report_cadence_text(fp, r, w->lang);
	report_deviations_text(fp, r, w->lang);
	report_breakdown_text(fp, r, w->lang);
	write_annex(fp, r, w);
	fprintf(fp, "\n%s\n", w->end);
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}
