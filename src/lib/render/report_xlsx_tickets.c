/*
 * The XLSX report's priorities sheet (with the tickets listed one by one),
 * the sheet of every ticket in scope, and the trend with native charts.
 */
#include <stdlib.h>
#include <string.h>

#include "report_cadence_priv.h"
#include "report_onsite_priv.h"
#include "report_xlsx_priv.h"

/* ---- priorities and the tickets listed one by one ---- */

/* A clock's share shown with the places its verdict against @p's norm needs. */
static lxw_format *share_format(struct xw *x, const struct sk_report_prio *p, long within, long n)
{
	int d = x->r->contract->rules.pct_decimals;
	struct report_figure f;

	if (!p->has_norm)
		return x->pct;
	report_figure(SK_DEC(within), SK_DEC(n), p->norm, SK_HIGHER_IS_BETTER,
		      report_share_met(within, n, p->norm), d, &f);
	return xw_figure_format(x, &f, d, x->pct);
}

static lxw_row_t prio_table(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	const char *head[17] = { w->prio_head, w->change_type, w->tickets, w->response, w->within_n,
				 w->response_within, w->resolution, w->within_n, w->resolution_within,
				 w->norm, w->met, "MTTR", "MTTR (klok)", "MTTP", "MTTP (klok)", w->pending,
				 w->pending_clocks };
	lxw_row_t first, start = row;
	char label[64], note[512];

	head[1] = w->kind;
	head[12] = w->mark == ',' ? "MTTR (kloktijd)" : "MTTR (wall clock)";
	head[14] = w->mark == ',' ? "MTTP (kloktijd)" : "MTTP (wall clock)";
	xw_str(x, s, row++, 0, w->priorities, x->title);
	xw_header_aligned(x, s, row++, head, 17, "ttnnnnnnnntnnnnnn");
	first = row;
	for (size_t i = 0; i < r->n_prio; i++, row++) {
		const struct sk_report_prio *p = &r->prio[i];

		xw_str(x, s, row, 0, report_prio_label(c, p->priority, label, sizeof(label)),
			p->type < 0 ? x->bold : NULL);
		xw_str(x, s, row, 1, report_type_word(w, p->type), NULL);
		xw_num(x, s, row, 2, (double)p->tickets, x->count);
		xw_num(x, s, row, 3, (double)p->response_n, x->count);
		xw_num(x, s, row, 4, (double)p->response_within, x->count);
		if (p->response_n)
			xw_num(x, s, row, 5, (double)p->response_within / (double)p->response_n,
			       share_format(x, p, p->response_within, p->response_n));
		xw_num(x, s, row, 6, (double)p->resolution_n, x->count);
		xw_num(x, s, row, 7, (double)p->resolution_within, x->count);
		if (p->resolution_n)
			xw_num(x, s, row, 8, (double)p->resolution_within / (double)p->resolution_n,
			       share_format(x, p, p->resolution_within, p->resolution_n));
		if (p->has_norm)
			xw_dec(x, s, row, 9, p->norm, 1, x->norm_ge);
		xw_str(x, s, row, 10, xw_yes_no(w, p->met), NULL);
		if (p->mttr >= 0) {
			xw_dur(x, s, row, 11, p->mttr);
			xw_dur(x, s, row, 12, p->mttr_wall);
		}
		if (p->mttp >= 0) {
			xw_dur(x, s, row, 13, p->mttp);
			xw_dur(x, s, row, 14, p->mttp_wall);
		}
		xw_num(x, s, row, 15, (double)p->open, x->count);
		xw_num(x, s, row, 16, (double)p->pending, x->count);
	}
	xw_colour_formula(x, s, first, 5, row - 1, 5, 5, 9, 1);
	xw_colour_formula(x, s, first, 8, row - 1, 8, 8, 9, 1);
	xw_colour_words(x, s, first, 10, row - 1, 10, w->no, w->yes);
	xw_str(x, s, row++, 0, w->mttr_note, NULL);
	xw_str(x, s, row++, 0, w->open_note, NULL);
	xw_str(x, s, row++, 0, w->pending_note, NULL);
	if (*report_unmeasured_line(r, w, note, sizeof(note)))
		xw_str(x, s, row++, 0, note, NULL);
	xw_print_keep(s, start, row);
	return row + 1;
}

/* A clock's elapsed time, target and state in three cells from @col. */
static void clock_cells(struct xw *x, struct sheet *s, lxw_row_t row, lxw_col_t col,
			const struct sk_clock *k)
{
	if (k->state != SK_CLOCK_NA) {
		xw_dur(x, s, row, col, k->elapsed);
		xw_target(x, s, row, col + 1, k);
	}
	xw_str(x, s, row, col + 2, report_clock_state(x->w, k, 0), NULL);
}

/* The lists under the priorities: each one's reason last, spilling right over columns that
   the priorities table needs narrow. */
static lxw_row_t prio_lists(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	const char *p1head[12] = { w->ticket, w->kind, w->reported, w->channel, w->response, w->target,
				   "", w->resolution, w->target, "", w->excluded, w->reason };
	const char *uphead[3] = { w->ticket, w->reported, w->uplift_reason };
	const char *aphead[5] = { w->ticket, w->prio_head, w->matrix_priority, w->counts, w->reason };
	const char *brhead[7] = { w->ticket, w->prio_head, w->clock, w->target, w->deadline,
				  w->stopped, w->late };
	char title[96], flags[512], note[160];
	lxw_row_t first, start = row;

	snprintf(title, sizeof(title), w->p1_list,
		 report_top_priority(c) >= 0 ? c->priorities[report_top_priority(c)].id : "P1");
	xw_str(x, s, row++, 0, title, x->bold);
	if (r->n_p1)
		xw_header_aligned(x, s, row++, p1head, 12, "ttntnntnnttt");
	else /* "none" as the text says it, not a head over no rows */
		xw_str(x, s, row++, 0, w->none, NULL);
	first = row;
	for (size_t i = 0; i < r->n_p1; i++, row++) {
		const struct sk_result *t = &r->results->r[r->p1[i]];

		xw_str(x, s, row, 0, t->ticket.id, NULL);
		xw_str(x, s, row, 1, report_type_word(w, (int)t->ticket.type), NULL);
		xw_time(x, s, row, 2, t->ticket.reported_at, x->dt);
		xw_str(x, s, row, 3, report_channel_word(w, t->ticket.channel), NULL);
		clock_cells(x, s, row, 4, &t->v.response);
		clock_cells(x, s, row, 7, &t->v.resolution);
		xw_str(x, s, row, 10, xw_yes_no(w, t->v.excluded), NULL);
		report_flag_text(w, r, t, flags, sizeof(flags));
		if (report_cadence_p1_note(r, r->p1[i], w->lang, note, sizeof(note)))
			snprintf(flags + strlen(flags), sizeof(flags) - strlen(flags), "%s%s",
				 flags[0] ? "; " : "", note);
		xw_str_wrap_right(x, s, row, 11, flags);
	}
	if (r->n_p1) {
		xw_colour_words(x, s, first, 6, row - 1, 6, w->state_breached, w->state_met);
		xw_colour_words(x, s, first, 9, row - 1, 9, w->state_breached, w->state_met);
		/* Late and still running red too (its green rule repeats the one above). */
		xw_colour_words(x, s, first, 6, row - 1, 9, w->state_open_late, w->state_met);
	}
	xw_str(x, s, row++, 0, w->p1_note, NULL);
	xw_print_keep(s, start, row++);
	start = row;
	xw_str(x, s, row++, 0, w->uplifts, x->bold);
	if (r->n_uplifts)
		xw_header_aligned(x, s, row++, uphead, 3, "tnt");
	else
		xw_str(x, s, row++, 0, w->none, NULL);
	for (size_t i = 0; i < r->n_uplifts; i++, row++) {
		const struct sk_result *t = &r->results->r[r->uplifts[i]];

		xw_str(x, s, row, 0, t->ticket.id, NULL);
		xw_time(x, s, row, 1, t->ticket.reported_at, x->dt);
		xw_str_wrap_right(x, s, row, 2, t->ticket.uplift_reason);
	}
	xw_print_keep(s, start, row++);
	start = row;
	xw_str(x, s, row++, 0, w->apart, x->bold);
	xw_str(x, s, row++, 0, w->apart_note, NULL);
	if (r->n_apart)
		xw_header(x, s, row++, aphead, 5);
	else
		xw_str(x, s, row++, 0, w->none, NULL);
	for (size_t i = 0; i < r->n_apart; i++, row++) {
		const struct sk_result *t = &r->results->r[r->apart[i]];

		xw_str(x, s, row, 0, t->ticket.id, NULL);
		xw_str(x, s, row, 1, c->priorities[t->v.priority].id, NULL);
		if (t->v.matrix_priority >= 0)
			xw_str(x, s, row, 2, c->priorities[t->v.matrix_priority].id, NULL);
		/* Listed apart yet counted at its priority, or left out of the figures. */
		if (t->v.excluded) {
			xw_str(x, s, row, 3, w->not_counted, NULL);
		} else {
			char counted[48];

			snprintf(counted, sizeof(counted), "%s %s", w->counts_as,
				 c->priorities[t->v.priority].id);
			xw_str(x, s, row, 3, counted, NULL);
		}
		xw_str_wrap_right(x, s, row, 4, report_flag_text(w, r, t, flags, sizeof(flags)));
	}
	xw_print_keep(s, start, row++);
	start = row;
	xw_str(x, s, row++, 0, w->breaches, x->bold);
	if (r->n_breaches)
		xw_header_aligned(x, s, row++, brhead, 7, "tttnnnn");
	else
		xw_str(x, s, row++, 0, w->none, NULL);
	for (size_t i = 0; i < r->n_breaches; i++, row++) {
		const struct sk_report_breach *br = &r->breaches[i];
		const struct sk_result *t = &r->results->r[br->result];
		const struct sk_clock *k = br->resolution ? &t->v.resolution : &t->v.response;

		xw_str(x, s, row, 0, t->ticket.id, NULL);
		xw_str(x, s, row, 1, c->priorities[t->v.priority].id, NULL);
		xw_str(x, s, row, 2, br->resolution ? w->resolution : w->response, NULL);
		xw_target(x, s, row, 3, k);
		xw_time(x, s, row, 4, k->deadline, x->dt);
		if (k->stop)
			xw_time(x, s, row, 5, k->stop, x->dt);
		else
			xw_str(x, s, row, 5, w->open, NULL);
		xw_dur(x, s, row, 6, br->late);
	}
	row = xw_breach_notes(x, s, row); /* text2: notes under the table */
	xw_print_keep(s, start, row);
	return row;
}

void xw_sheet_priorities(struct xw *x)
{
	struct sheet *s = &x->sh[SH_PRIO];
	lxw_row_t row = prio_table(x, s, 0);

	prio_lists(x, s, row);
	if (s->width[0] > 30)
		s->width[0] = 30;
}
/* ---- every ticket in scope ---- */

/*
 * The columns a client reads come first and are the sheet's print area
 * (T_PRINTED of them: the ticket, its state, the response's and the
 * resolution's time, target and verdict); the others follow on screen
 * only, with the status as the export wrote it at the far right, for an
 * auditor.
 */
enum { T_ID, T_TITLE, T_TYPE, T_PRIO, T_STATE, T_REPORTED, T_RESOLVED, T_RS_ELAPSED, T_RS_TARGET,
       T_RS_STATE, T_RV_ELAPSED, T_RV_TARGET, T_RV_STATE, T_EXCLUDED, T_FLAGS, T_PRINTED,
       T_MATRIX = T_PRINTED, T_CHANNEL, T_CATEGORY, T_LOCATION, T_RESPONDED, T_PRODUCTIVE,
       T_RS_START, T_RS_DEADLINE, T_RS_COUNTS, T_RV_START, T_RV_PAUSED, T_RV_DEADLINE,
       T_RV_COUNTS, T_REASON, T_MTTR, T_MTTP, T_CALENDAR, T_COLS };

/* The widest the title and the flags print, in characters: longer ones wrap in their cell. */
#define T_TITLE_WIDTH 40.0
#define T_FLAGS_WIDTH 30.0

/* The sheet's own words: a priority, the ticket's state in the report's language, the
   export's status, the page header's note. */
struct tickets_words {
	const char *priority, *open, *on_hold, *resolved, *closed, *export_status, *print_note;
};

static const struct tickets_words tickets_nl = {
	"prioriteit", "open", "in de wacht", "opgelost", "gesloten", "status in de export",
	"Afdruk: de kolommen A t/m %s; het werkblad bevat alle %d kolommen"
};
static const struct tickets_words tickets_en = {
	"priority", "open", "on hold", "resolved", "closed", "status in the export",
	"Printout: columns A to %s; the sheet holds all %d columns"
};

static const struct tickets_words *tickets_words(const struct report_words *w)
{
	return strcmp(w->lang, "nl") == 0 ? &tickets_nl : &tickets_en;
}

/*
 * The ticket's state when its clocks were judged (@as_of: the period's end,
 * or just after the data's horizon), as the engine knows it: resolved when
 * its resolution (the last run of resolved or closed statuses, else the
 * export's resolution or closing time) came by then, closed when the
 * export's closing time did too; else on hold during a pause, else open.
 * A ticket resolved and reopened is open again.
 */
static const char *ticket_state(const struct tickets_words *tw, const struct sk_result *t,
				sk_time as_of)
{
	const struct sk_verdict *v = &t->v;

	if (v->mttr_wall >= 0)
		return t->ticket.closed_at && t->ticket.closed_at <= as_of ? tw->closed : tw->resolved;
	for (size_t i = 0; i < v->n_pauses; i++)
		if (v->pauses[i].start <= as_of && v->pauses[i].end > as_of)
			return tw->on_hold;
	return tw->open;
}

/*
 * Where the contract measures them, the onsite visit's and the device swap's
 * verdicts follow: business time, target, deadline, state and whether it
 * counts in the period, each; the swap's state is its verdict (device or
 * emergency workplace in time), its time and deadline the device's clock.
 */
enum { OS_ELAPSED, OS_TARGET, OS_DEADLINE, OS_STATE, OS_COUNTS, OS_COLS };

/* The first column of @kind's cells, or -1 when the contract does not measure it. */
static int onsite_col(const struct xw *x, enum onsite_kind kind)
{
	const struct sk_contract *c = x->r->contract;
	int col = T_COLS;

	if (!report_onsite_wanted(c, kind))
		return -1;
	if (kind == ONSITE_SWAP && report_onsite_wanted(c, ONSITE_VISIT))
		col += OS_COLS;
	return col;
}

/* All the sheet's columns; the export's status is the last. */
static int tickets_cols(const struct xw *x)
{
	int n = T_COLS + 1;

	for (int k = 0; k < ONSITE_KINDS; k++)
		n += onsite_col(x, (enum onsite_kind)k) >= 0 ? OS_COLS : 0;
	return n;
}

/* Lines @text takes wrapped at @width characters (a column xw_fit() made @width + 2 wide). */
static int text_lines(const char *text, double width)
{
	size_t line = 0, word = 0;
	int lines = 1;

	if (!text)
		return 1;
	if (width < 1)
		width = 1;
	for (const char *p = text;; p++) {
		if (!*p || *p == ' ' || *p == '\n') {
			if (line && line + 1 + word > (size_t)width) {
				lines++;
				line = word;
			} else {
				line += (line ? 1 : 0) + word;
			}
			/* A word longer than the line breaks within itself. */
			while (line > (size_t)width) {
				lines++;
				line -= (size_t)width;
			}
			word = 0;
			if (*p == '\n') {
				lines++;
				line = 0;
			}
			if (!*p)
				break;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			word++;
		}
	}
	return lines;
}

/*
 * The width a header needs to wrap onto two lines at most (the header row is
 * two lines tall), its longest word at least; as xw_fit() counts.
 */
static double head_width(const char *text)
{
	size_t len = report_width(text), longest = 0, word = 0, w;

	for (const char *p = text;; p++) {
		if (!*p || *p == ' ') {
			longest = word > longest ? word : longest;
			word = 0;
			if (!*p)
				break;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			word++;
		}
	}
	for (w = longest; w < len && text_lines(text, (double)w) > 2; w++)
		;
	return (double)w + 2;
}

/*
 * A cell of the tickets' header row: wrapped onto two lines, its column as
 * wide as the wider of its data and half its header, so that the printed
 * columns fit the page at a readable size.
 */
static void head_cell(struct xw *x, struct sheet *s, lxw_col_t col, const char *text, int num)
{
	text = xw_text(x, text);
	xw_keep(x, worksheet_write_string(s->ws, 0, col, text, num ? x->head_num_wrap : x->head_wrap));
	xw_fit(s, col, head_width(text));
}

static void onsite_head(struct xw *x, struct sheet *s)
{
	const struct report_words *w = x->w;
	const struct onsite_words *ow = onsite_words_for(w->lang);
	const char *what[OS_COLS] = { w->elapsed, w->target, w->deadline, w->status, w->counts };
	char head[96];

	for (int k = 0; k < ONSITE_KINDS; k++) {
		int col = onsite_col(x, (enum onsite_kind)k);

		for (int i = 0; col >= 0 && i < OS_COLS; i++) {
			snprintf(head, sizeof(head), "%s %s", ow->one[k], what[i]);
			head_cell(x, s, (lxw_col_t)(col + i), head, i != OS_STATE && i != OS_COUNTS);
		}
	}
}

static void onsite_cells(struct xw *x, struct sheet *s, lxw_row_t row, const struct sk_result *t)
{
	const struct report_words *w = x->w;

	for (int k = 0; k < ONSITE_KINDS; k++) {
		int col = onsite_col(x, (enum onsite_kind)k);
		const struct sk_clock *c = k == ONSITE_VISIT ? &t->v.onsite : &t->v.swap;
		enum sk_clock_state state = k == ONSITE_VISIT ? c->state : t->v.swap_state;

		if (col < 0)
			continue;
		if (c->state != SK_CLOCK_NA) {
			xw_dur(x, s, row, (lxw_col_t)(col + OS_ELAPSED), c->elapsed);
			xw_dur(x, s, row, (lxw_col_t)(col + OS_TARGET), c->target);
			xw_time(x, s, row, (lxw_col_t)(col + OS_DEADLINE), c->deadline, x->dt);
		}
		xw_str(x, s, row, (lxw_col_t)(col + OS_STATE), report_state_word(w, state), NULL);
		xw_str(x, s, row, (lxw_col_t)(col + OS_COUNTS),
		       xw_yes_no(w, k == ONSITE_VISIT ? t->onsite_counts : t->swap_counts), NULL);
	}
}

/* The header formats of the tickets sheet: those of every sheet, wrapped. */
static lxw_format *head_format(struct xw *x, int num)
{
	lxw_format *f = workbook_add_format(x->wb);

	if (!f) {
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	format_set_bold(f);
	format_set_bottom(f, LXW_BORDER_THIN);
	format_set_bg_color(f, 0xD9E1F2);
	format_set_text_wrap(f);
	if (num) {
		format_set_align(f, LXW_ALIGN_RIGHT);
		format_set_indent(f, 1);
	}
	return f;
}

void xw_tickets_head(struct xw *x)
{
	struct sheet *s = &x->sh[SH_TICKETS];
	const struct report_words *w = x->w;
	const struct tickets_words *tw = tickets_words(w);
	const char *head[T_COLS] = {
		[T_ID] = w->ticket, [T_TITLE] = w->title_col, [T_TYPE] = w->kind,
		[T_PRIO] = tw->priority, [T_STATE] = w->status, [T_REPORTED] = w->reported,
		[T_RESOLVED] = w->resolved, [T_EXCLUDED] = w->excluded, [T_FLAGS] = w->flags,
		[T_MATRIX] = w->matrix_priority, [T_CHANNEL] = w->channel, [T_CATEGORY] = w->category,
		[T_LOCATION] = w->location, [T_RESPONDED] = w->responded, [T_PRODUCTIVE] = w->productive,
		[T_RV_PAUSED] = w->paused, [T_REASON] = w->reason, [T_MTTR] = "MTTR", [T_MTTP] = "MTTP",
		[T_CALENDAR] = w->calendar
	};
	/* Right-aligned over instants and durations, as their figures are. */
	const char num[T_COLS] = {
		[T_REPORTED] = 1, [T_RESOLVED] = 1, [T_RS_ELAPSED] = 1, [T_RS_TARGET] = 1,
		[T_RV_ELAPSED] = 1, [T_RV_TARGET] = 1, [T_RESPONDED] = 1, [T_PRODUCTIVE] = 1,
		[T_RS_START] = 1, [T_RS_DEADLINE] = 1, [T_RV_START] = 1, [T_RV_PAUSED] = 1,
		[T_RV_DEADLINE] = 1, [T_MTTR] = 1, [T_MTTP] = 1
	};
	const char *what[12] = { w->start, w->elapsed, w->target, w->deadline, w->status, w->counts,
				 w->start, w->elapsed, w->target, w->deadline, w->status, w->counts };
	const lxw_col_t at[12] = { T_RS_START, T_RS_ELAPSED, T_RS_TARGET, T_RS_DEADLINE, T_RS_STATE,
				   T_RS_COUNTS, T_RV_START, T_RV_ELAPSED, T_RV_TARGET, T_RV_DEADLINE,
				   T_RV_STATE, T_RV_COUNTS };
	char cols[12][64], letters[16];
	int n = tickets_cols(x);

	x->head_wrap = head_format(x, 0);
	x->head_num_wrap = head_format(x, 1);
	for (int i = 0; i < 12; i++) {
		snprintf(cols[i], sizeof(cols[i]), "%s %s", i < 6 ? w->response : w->resolution, what[i]);
		head[at[i]] = cols[i];
	}
	/* Two lines of header: the columns need only be as wide as their figures. */
	xw_keep(x, worksheet_set_row(s->ws, 0, 30, NULL));
	for (int col = 0; col < T_COLS; col++)
		head_cell(x, s, (lxw_col_t)col, head[col], num[col]);
	onsite_head(x, s);
	head_cell(x, s, (lxw_col_t)(n - 1), tw->export_status, 0);
	/* Printed: the client's columns; the page's header says the sheet holds more. */
	s->print_cols = T_PRINTED;
	xw_ref(letters, sizeof(letters), NULL, 0, T_PRINTED - 1, 0);
	letters[strcspn(letters, "0123456789")] = '\0';
	snprintf(s->print_note, sizeof(s->print_note), tw->print_note, letters, n);
}

void xw_tickets_row(struct xw *x, size_t i, const struct sk_result *t, sk_time as_of)
{
	struct sheet *s = &x->sh[SH_TICKETS];
	const struct sk_contract *c = x->r->contract;
	const struct report_words *w = x->w;
	const struct sk_verdict *v = &t->v;
	lxw_row_t row = (lxw_row_t)i + 1;
	char flags[512], names[256];
	size_t k = 0;
	int lines;

	/* A sheet holds 1048576 rows; a period with more tickets is cut, and says so (tail). */
	if (i >= LXW_ROW_MAX - 2)
		return;
	names[0] = '\0';
	for (int f = 0; f < SK_FLAG_COUNT; f++)
		if (v->flags & (1u << f))
			k += (size_t)snprintf(names + k, k < sizeof(names) ? sizeof(names) - k : 0, "%s%s",
					      k ? "; " : "", w->flag_short[f]);
	/* A long title or many flags wrap within their printed column, the row made tall for
	   them (before its cells: the sheet is streamed). */
	lines = text_lines(xw_text(x, t->ticket.title), T_TITLE_WIDTH - 2);
	if (text_lines(names, T_FLAGS_WIDTH - 2) > lines)
		lines = text_lines(names, T_FLAGS_WIDTH - 2);
	if (lines > 1)
		xw_keep(x, worksheet_set_row(s->ws, row, 15.0 * lines, NULL));
	xw_str(x, s, row, T_ID, t->ticket.id, NULL);
	xw_str(x, s, row, T_TITLE, t->ticket.title, lines > 1 ? x->wrap : NULL);
	xw_str(x, s, row, T_TYPE, report_type_word(w, (int)t->ticket.type), NULL);
	xw_str(x, s, row, T_PRIO, c->priorities[v->priority].id, NULL);
	xw_str(x, s, row, T_STATE, ticket_state(tickets_words(w), t, as_of), NULL);
	xw_time(x, s, row, T_REPORTED, t->ticket.reported_at, x->dt);
	/* Resolved when the report counts it (MTTR's end): the export's resolution or closing
	   time, or the last run of resolved or closed statuses; by the period's end. */
	if (v->mttr_wall >= 0)
		xw_time(x, s, row, T_RESOLVED, t->ticket.reported_at + v->mttr_wall, x->dt);
	if (v->response.state != SK_CLOCK_NA) {
		xw_dur(x, s, row, T_RS_ELAPSED, v->response.elapsed);
		xw_dur(x, s, row, T_RS_TARGET, v->response.target);
	}
	xw_str(x, s, row, T_RS_STATE, report_state_word(w, v->response.state), NULL);
	if (v->resolution.state != SK_CLOCK_NA) {
		xw_dur(x, s, row, T_RV_ELAPSED, v->resolution.elapsed);
		xw_dur(x, s, row, T_RV_TARGET, v->resolution.target);
	}
	xw_str(x, s, row, T_RV_STATE, report_state_word(w, v->resolution.state), NULL);
	xw_str(x, s, row, T_EXCLUDED, xw_yes_no(w, v->excluded), NULL);
	xw_str(x, s, row, T_FLAGS, names, lines > 1 ? x->wrap : NULL);
	/* The columns on screen only. */
	if (v->matrix_priority >= 0)
		xw_str(x, s, row, T_MATRIX, c->priorities[v->matrix_priority].id, NULL);
	xw_str(x, s, row, T_CHANNEL, t->ticket.channel ? report_channel_word(w, t->ticket.channel) : NULL,
	       NULL);
	xw_str(x, s, row, T_CATEGORY, t->ticket.category, NULL);
	xw_str(x, s, row, T_LOCATION, t->ticket.location, NULL);
	xw_time(x, s, row, T_RESPONDED, t->ticket.responded_at, x->dt);
	xw_time(x, s, row, T_PRODUCTIVE, t->ticket.productive_at, x->dt);
	if (v->response.state != SK_CLOCK_NA) {
		xw_time(x, s, row, T_RS_START, v->response.start, x->dt);
		xw_time(x, s, row, T_RS_DEADLINE, v->response.deadline, x->dt);
	}
	xw_str(x, s, row, T_RS_COUNTS, xw_yes_no(w, t->response_counts), NULL);
	if (v->resolution.state != SK_CLOCK_NA) {
		xw_time(x, s, row, T_RV_START, v->resolution.start, x->dt);
		xw_dur(x, s, row, T_RV_PAUSED, v->resolution.paused);
		xw_time(x, s, row, T_RV_DEADLINE, v->resolution.deadline, x->dt);
	}
	xw_str(x, s, row, T_RV_COUNTS, xw_yes_no(w, t->resolution_counts), NULL);
	xw_str(x, s, row, T_REASON, report_flag_text(w, x->r, t, flags, sizeof(flags)), NULL);
	if (v->mttr_wall >= 0)
		xw_dur(x, s, row, T_MTTR, v->mttr_wall);
	if (v->mttp_wall >= 0)
		xw_dur(x, s, row, T_MTTP, v->mttp_wall);
	xw_str(x, s, row, T_CALENDAR, c->calendars[c->priorities[v->priority].calendar].name, NULL);
	onsite_cells(x, s, row, t);
	xw_str(x, s, row, (lxw_col_t)(tickets_cols(x) - 1), t->ticket.status, NULL);
}

void xw_tickets_tail(struct xw *x, size_t n)
{
	struct sheet *s = &x->sh[SH_TICKETS];
	const struct report_words *w = x->w;
	lxw_row_t row = (lxw_row_t)(n < LXW_ROW_MAX - 2 ? n : LXW_ROW_MAX - 2) + 1;
	int ncols = tickets_cols(x);

	if (n > LXW_ROW_MAX - 2)
		xw_str(x, s, row++, 0, "...", NULL);
	xw_keep(x, worksheet_autofilter(s->ws, 0, 0, row > 1 ? row - 1 : 1, (lxw_col_t)(ncols - 1)));
	worksheet_freeze_panes(s->ws, 1, 1);
	xw_colour_words(x, s, 1, T_RS_STATE, row - 1, T_RS_STATE, w->state_breached, w->state_met);
	xw_colour_words(x, s, 1, T_RV_STATE, row - 1, T_RV_STATE, w->state_breached, w->state_met);
	for (int k = 0; k < ONSITE_KINDS; k++) {
		int col = onsite_col(x, (enum onsite_kind)k);

		if (col >= 0)
			xw_colour_words(x, s, 1, (lxw_col_t)(col + OS_STATE), row - 1,
					(lxw_col_t)(col + OS_STATE), w->state_breached, w->state_met);
	}
	/* The data decides how wide a column must be, within bounds; a long title or flags
	   wrap (xw_tickets_row()). */
	for (int col = 0; col < ncols && col < MAX_COLS; col++)
		if (col == T_TITLE || col == T_FLAGS) {
			double most = col == T_TITLE ? T_TITLE_WIDTH : T_FLAGS_WIDTH;

			if (s->width[col] > most)
				s->width[col] = most;
		} else if (s->width[col] > 24 && col != T_REASON && col != T_CATEGORY &&
			   col != T_LOCATION) {
			s->width[col] = 24;
		}
}

void xw_sheet_tickets(struct xw *x)
{
	const struct sk_results *res = x->r->results;

	xw_tickets_head(x);
	for (size_t i = 0; i < res->n; i++)
		xw_tickets_row(x, i, &res->r[i], res->as_of);
	xw_tickets_tail(x, res->n);
}

/* ---- trend ---- */

/* The clocks decided of a priority in a month: response, or resolution when @res. */
static long trend_n(const struct sk_report_prio *pr, int res)
{
	return res ? pr->resolution_n : pr->response_n;
}

/* Distinct priority norms, the first priority of each; returns how many. */
static size_t trend_norms(const struct sk_report *r, size_t *first)
{
	size_t n = 0, np = r->contract->n_priorities;

	for (size_t p = 0; p < np && r->n_months; p++) {
		const struct sk_report_prio *pr = &r->months[0].prio[p];
		size_t k = 0;

		if (!pr->has_norm)
			continue;
		while (k < n && r->months[0].prio[first[k]].norm != pr->norm)
			k++;
		if (k == n)
			first[n++] = p;
	}
	return n;
}

/* "norm P1/P2": the priorities that share norm @k. */
static char *trend_norm_name(const struct xw *x, const size_t *first, size_t k, char *buf, size_t size)
{
	const struct sk_report *r = x->r;
	size_t n = (size_t)snprintf(buf, size, "%s ", x->w->norm);
	int any = 0;

	for (size_t p = 0; p < r->contract->n_priorities && n < size; p++) {
		const struct sk_report_prio *pr = &r->months[0].prio[p];

		if (pr->has_norm && pr->norm == r->months[0].prio[first[k]].norm)
			n += (size_t)snprintf(buf + n, size - n, "%s%s", any++ ? "/" : "",
					      r->contract->priorities[p].id);
	}
	return buf;
}

/*
 * Compliance per priority per month (@res: resolution, else response): a
 * month a row, a priority's share, its tickets (n), and for a line over
 * months the norm as a constant column per distinct norm; a single month
 * gets a norm row instead, for a chart over the priorities. Returns the
 * next free row; *@top is the header row.
 */
static lxw_row_t trend_table(struct xw *x, struct sheet *s, lxw_row_t row, int res, lxw_row_t *top,
			     const size_t *norms, size_t n_norms)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	size_t np = c->n_priorities, nm = r->n_months;
	lxw_row_t first = row;
	char name[64], head[96];

	xw_str(x, s, row++, 0, res ? w->chart_resolution : w->chart_response, x->bold);
	xw_str(x, s, row, 0, w->month, x->head);
	for (size_t p = 0; p < np; p++) {
		xw_str(x, s, row, (lxw_col_t)(1 + p), c->priorities[p].id, x->head_num);
		snprintf(head, sizeof(head), "n %s", c->priorities[p].id);
		xw_str(x, s, row, (lxw_col_t)(1 + np + p), head, x->head_num);
	}
	for (size_t k = 0; nm > 1 && k < n_norms; k++)
		xw_str(x, s, row, (lxw_col_t)(1 + 2 * np + k), trend_norm_name(x, norms, k, head, sizeof(head)),
		       x->head_num);
	*top = row++;
	for (size_t m = 0; m < nm; m++, row++) {
		xw_str(x, s, row, 0, report_period_name(w, &r->months[m].period, name, sizeof(name)), NULL);
		for (size_t p = 0; p < np; p++) {
			const struct sk_report_prio *pr = &r->months[m].prio[p];
			long n = trend_n(pr, res);
			long in = res ? pr->resolution_within : pr->response_within;

			if (n)
				xw_num(x, s, row, (lxw_col_t)(1 + p), (double)in / (double)n, x->pct);
			xw_num(x, s, row, (lxw_col_t)(1 + np + p), (double)n, x->count);
		}
		for (size_t k = 0; nm > 1 && k < n_norms; k++)
			xw_dec(x, s, row, (lxw_col_t)(1 + 2 * np + k), r->months[m].prio[norms[k]].norm, 1,
			       x->pct_norm);
	}
	if (nm == 1 && n_norms) {
		xw_str(x, s, row, 0, w->norm, NULL);
		for (size_t p = 0; p < np; p++)
			if (r->months[0].prio[p].has_norm)
				xw_dec(x, s, row, (lxw_col_t)(1 + p), r->months[0].prio[p].norm, 1, x->pct_norm);
		row++;
	}
	xw_print_keep(s, first, row);
	return row + 1;
}

/*
 * The n of each point as its label, "n=12": @n counts in @ns. Written as
 * text rather than a reference to the n cells, which LibreOffice does not
 * read (it shows the point's value instead).
 */
void xw_chart_n_labels(struct xw *x, lxw_chart_series *ser, const long *ns, size_t n)
{
	lxw_chart_data_label lab[64], *labs[65];
	char text[64][24];

	if (!ser || n > 64)
		return;
	for (size_t i = 0; i < n; i++) {
		snprintf(text[i], sizeof(text[i]), "n=%ld", ns[i]);
		memset(&lab[i], 0, sizeof(lab[i]));
		lab[i].value = (char *)xw_text(x, text[i]);
		labs[i] = &lab[i];
	}
	labs[n] = NULL;
	chart_series_set_labels(ser);
	xw_keep(x, chart_series_set_labels_custom(ser, labs));
	chart_series_set_labels_position(ser, LXW_CHART_LABEL_POSITION_ABOVE);
}

/* The norm drawn as a dashed grey line without markers or labels. */
void xw_chart_norm_style(lxw_chart_series *ser, int k)
{
	lxw_chart_line line = { 0 };

	if (!ser)
		return;
	line.color = k ? 0x7F7F7F : 0xC00000;
	line.width = 1.5;
	line.dash_type = k ? LXW_CHART_LINE_DASH_DASH_DOT : LXW_CHART_LINE_DASH_DASH;
	chart_series_set_line(ser, &line);
	chart_series_set_marker_type(ser, LXW_CHART_MARKER_NONE);
}

/*
 * A compliance chart over the table at @top: over months a line per
 * priority and a line per norm (the n in the table); for a single month a
 * point per priority labelled with its n, the norm a line over them.
 */
static lxw_chart *trend_chart(struct xw *x, struct sheet *s, int res, lxw_row_t top,
			      const size_t *norms, size_t n_norms)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	size_t np = c->n_priorities, nm = r->n_months;
	char cats[128], vals[128], a[48], b[48], name[96];
	long ns[64];
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
	lxw_chart_series *ser;

	if (!chart) {
		xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	if (nm > 1) {
		snprintf(cats, sizeof(cats), "=%s:%s", xw_ref(a, sizeof(a), s->name, top + 1, 0, 1),
			 xw_ref(b, sizeof(b), NULL, top + (lxw_row_t)nm, 0, 1));
		for (size_t p = 0; p < np; p++) {
			snprintf(vals, sizeof(vals), "=%s:%s",
				 xw_ref(a, sizeof(a), s->name, top + 1, (lxw_col_t)(1 + p), 1),
				 xw_ref(b, sizeof(b), NULL, top + (lxw_row_t)nm, (lxw_col_t)(1 + p), 1));
			ser = chart_add_series(chart, cats, vals);
			if (ser)
				chart_series_set_name(ser, xw_text(x, c->priorities[p].id));
			/* No n labels: over months the lines meet (two priorities at 100 %) and
			   their labels printed on top of each other; the table above has the n. */
		}
		for (size_t k = 0; k < n_norms; k++) {
			lxw_col_t col = (lxw_col_t)(1 + 2 * np + k);

			snprintf(vals, sizeof(vals), "=%s:%s", xw_ref(a, sizeof(a), s->name, top + 1, col, 1),
				 xw_ref(b, sizeof(b), NULL, top + (lxw_row_t)nm, col, 1));
			ser = chart_add_series(chart, cats, vals);
			if (ser)
				chart_series_set_name(ser, xw_text(x, trend_norm_name(x, norms, k, name,
										      sizeof(name))));
			xw_chart_norm_style(ser, (int)k);
		}
	} else {
		/* One month: a point per priority (no line between priorities), the norm a line over them. */
		lxw_chart_line none = { 0 };

		none.none = 1;
		snprintf(cats, sizeof(cats), "=%s:%s", xw_ref(a, sizeof(a), s->name, top, 1, 1),
			 xw_ref(b, sizeof(b), NULL, top, (lxw_col_t)np, 1));
		snprintf(vals, sizeof(vals), "=%s:%s", xw_ref(a, sizeof(a), s->name, top + 1, 1, 1),
			 xw_ref(b, sizeof(b), NULL, top + 1, (lxw_col_t)np, 1));
		ser = chart_add_series(chart, cats, vals);
		if (ser) {
			chart_series_set_name(ser, xw_text(x, report_period_name(w, &r->months[0].period, name,
										 sizeof(name))));
			chart_series_set_line(ser, &none);
			chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
			chart_series_set_marker_size(ser, 8);
		}
		for (size_t p = 0; p < np && p < 64; p++)
			ns[p] = trend_n(&r->months[0].prio[p], res);
		xw_chart_n_labels(x, ser, ns, np);
		if (n_norms) {
			snprintf(vals, sizeof(vals), "=%s:%s", xw_ref(a, sizeof(a), s->name, top + 2, 1, 1),
				 xw_ref(b, sizeof(b), NULL, top + 2, (lxw_col_t)np, 1));
			ser = chart_add_series(chart, cats, vals);
			if (ser)
				chart_series_set_name(ser, xw_text(x, w->norm));
			xw_chart_norm_style(ser, 0);
		}
	}
	chart_title_set_name(chart, xw_text(x, res ? w->chart_resolution : w->chart_response));
	chart_axis_set_min(chart->y_axis, 0);
	chart_axis_set_max(chart->y_axis, 1);
	chart_axis_set_num_format(chart->y_axis, "0%");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	return chart;
}

void xw_sheet_trend(struct xw *x)
{
	struct sheet *s = &x->sh[SH_TREND];
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	size_t np = c->n_priorities, nm = r->n_months, n_norms;
	lxw_row_t row = 0, top[2] = { 0, 0 }, t_cat, first;
	char name[64], cats[128], vals[128], a[48], b[48], note[512];
	struct report_reconcile rc;
	size_t norms[MAX_COLS];
	lxw_chart *chart;

	n_norms = np < MAX_COLS ? trend_norms(r, norms) : 0;
	xw_str(x, s, row++, 0, w->trend, x->title);
	row++;
	/* Each table starts in column A and holds labels there, figures right of it. */
	for (int res = 0; res < 2; res++)
		row = trend_table(x, s, row, res, &top[res], norms, n_norms);
	/* Volume per month. */
	{
		const char *head[3] = { w->month, w->reported, w->breached_n };

		first = row;
		xw_str(x, s, row++, 0, w->by_month, x->bold);
		xw_header_aligned(x, s, row++, head, 3, "tnn");
		for (size_t m = 0; m < nm; m++, row++) {
			xw_str(x, s, row, 0, report_period_name(w, &r->months[m].period, name, sizeof(name)), NULL);
			xw_num(x, s, row, 1, (double)r->months[m].reported, x->count);
			xw_num(x, s, row, 2, (double)r->months[m].breached, x->count);
		}
		/* The trend counts every ticket reported, the priority table those with a clock. */
		report_reconcile(r, &rc);
		for (int i = 0; i < 5; i++)
			if (*report_reconcile_line(w, &rc, i, note, sizeof(note)))
				xw_str(x, s, row++, 0, note, NULL);
		xw_print_keep(s, first, row++);
	}
	/* Tickets per category, in total and per month. */
	first = row;
	snprintf(note, sizeof(note), "%s (%s)", w->per_category, w->category_note);
	xw_str(x, s, row++, 0, note, x->bold);
	xw_str(x, s, row, 0, w->category, x->head);
	xw_str(x, s, row, 1, w->total, x->head_num);
	for (size_t m = 0; m < nm; m++)
		xw_str(x, s, row, (lxw_col_t)(2 + m), report_period_name(w, &r->months[m].period, name,
									 sizeof(name)), x->head_num);
	t_cat = row++;
	for (size_t i = 0; i < r->n_categories; i++, row++) {
		xw_str(x, s, row, 0, r->categories[i].name[0] ? r->categories[i].name : w->unknown, NULL);
		xw_num(x, s, row, 1, (double)r->categories[i].n, x->count);
		for (size_t m = 0; m < nm; m++)
			xw_num(x, s, row, (lxw_col_t)(2 + m), (double)r->months[m].category[i], x->count);
	}
	xw_print_keep(s, first, row++);
	first = row;
	snprintf(note, sizeof(note), "%s (%s)", w->per_location, w->category_note);
	xw_str(x, s, row++, 0, note, x->bold);
	xw_str(x, s, row, 0, w->location, x->head);
	xw_str(x, s, row++, 1, w->tickets, x->head_num);
	for (size_t i = 0; i < r->n_locations; i++, row++) {
		xw_str(x, s, row, 0, r->locations[i].name[0] ? r->locations[i].name : w->unknown, NULL);
		xw_num(x, s, row, 1, (double)r->locations[i].n, x->count);
	}
	xw_print_keep(s, first, row++);
	first = row;
	/* The recurring categories in the label column, their count in the figures' first. */
	snprintf(note, sizeof(note), "%s (%s)", w->recurring, w->recurring_note);
	xw_str(x, s, row++, 0, note, x->bold);
	for (size_t i = 0; i < r->n_recurring; i++, row++) {
		char label[300];

		snprintf(label, sizeof(label), "%zu. %s", i + 1, r->recurring[i].name);
		xw_str(x, s, row, 0, label, NULL);
		xw_num(x, s, row, 1, (double)r->recurring[i].n, x->count);
	}
	xw_print_keep(s, first, row++);

	/* Category and location names may be long: the label column is capped (before the
	   charts take the tables' width). */
	if (s->width[0] > 40)
		s->width[0] = 40;
	/* Native charts under the tables, within the print area. */
	for (int res = 0; res < 2 && nm && np; res++) {
		chart = trend_chart(x, s, res, top[res], norms, n_norms);
		if (!chart)
			return;
		row = xw_print_chart(x, s, row, chart);
	}
	if (r->n_categories && nm) {
		chart = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
		if (!chart) {
			xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		snprintf(cats, sizeof(cats), "=%s:%s", xw_ref(a, sizeof(a), s->name, t_cat + 1, 0, 1),
			 xw_ref(b, sizeof(b), NULL, t_cat + (lxw_row_t)r->n_categories, 0, 1));
		for (size_t m = 0; m < nm; m++) {
			lxw_chart_series *ser;

			snprintf(vals, sizeof(vals), "=%s:%s",
				 xw_ref(a, sizeof(a), s->name, t_cat + 1, (lxw_col_t)(2 + m), 1),
				 xw_ref(b, sizeof(b), NULL, t_cat + (lxw_row_t)r->n_categories, (lxw_col_t)(2 + m), 1));
			ser = chart_add_series(chart, cats, vals);
			if (ser)
				chart_series_set_name(ser, xw_text(x, report_period_name(w, &r->months[m].period,
											 name, sizeof(name))));
		}
		chart_title_set_name(chart, xw_text(x, w->chart_categories));
		chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
		xw_print_chart(x, s, row, chart);
	}
}
