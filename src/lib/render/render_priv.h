/* render: what the report's, the score's and the verdicts' writers share (not public API). */
#ifndef SLAKIT_RENDER_PRIV_H
#define SLAKIT_RENDER_PRIV_H

#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "report/report.h"

/*
 * An imported file's or the contract's base name: the inputs list of every
 * format names files as the user knows them, never a server path (the
 * SHA-256 identifies the file).
 */
static inline const char *report_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * The statuses of an import that stopped the clock, for the annex:
 * "'Wacht op klant' (23×), 'On Hold' (4×)"; "" when none. Returns the length.
 */
static inline size_t report_pause_list(const struct sk_report_import *im, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < im->n_pause_statuses && n < size; k++)
		n += (size_t)snprintf(buf + n, size - n, "%s'%s' (%ld×)", k ? ", " : "",
				      im->pause_statuses[k].status, im->pause_statuses[k].events);
	return n < size ? n : size - 1;
}

/* A new temporary file beside @path (name in @tmp), for an atomic save; -1 and errno on failure. */
int report_temp_beside(const char *path, char *tmp, size_t size);

/* --- writing (report_text.c, report_csv.c, report_json.c, report_xlsx.c) --- */

/* The report as text, CSV, JSON in language @lang (NULL: the contract's). */
enum sk_err report_write_text(const struct sk_report *r, const char *lang, FILE *fp);
enum sk_err report_write_csv(const struct sk_report *r, FILE *fp);
enum sk_err report_write_json(const struct sk_report *r, const char *lang, FILE *fp);

/* --- shared by the writers (report_words.c) --- */

/* The words of a report in one language (each field one word or phrase). */
struct report_words {
	const char *lang;            /* "nl" or "en" */
	char mark;                   /* decimal mark in text */
	const char *months[12];      /* month names */
	const char *title, *contract, *supplier, *supplier_inline, *customer, *period, *through, *generated,
		*generated_note, *version, *due, *due_note, *contract_hash, *inputs, *rows,
		*rejected, *dst, *dst_gap, *dst_fold, *pause_seen, *decisions, *missing_rule, *missing_refuse,
		*missing_zero, *missing_skip;
	const char *priorities, *prio_type, *tickets, *response_within, *resolution_within,
		*norm, *met, *mttr, *mttp, *pending, *all_types, *yes, *no, *na, *of;
	const char *types[SK_TICKET_TYPES];
	const char *only_types;      /* "; only " before a KPI's ticket types */
	const char *p1_list, *ticket, *reported, *channel, *response, *resolution, *flags,
		*uplifts, *uplift_reason, *apart, *excluded, *reason, *breaches, *clock, *target,
		*deadline, *stopped, *late, *open, *none;
	const char *overdue_earlier; /* open, past the deadline since an earlier period: "%s" the list */
	const char *late_at_limit, *late_seconds; /* a breach shown as late by 0:00: why late */
	/* A clock the contract gives no target (`none`) for the ticket's type: which, and where
	 * the ticket counts instead. */
	const char *not_measured, *nm_both, *nm_response, *nm_resolution, *nm_changes;
	const char *state_met, *state_breached, *state_pending, *state_na, *state_open_late;
	const char *flag_wrong_channel, *flag_channel_unknown, *flag_matrix, *flag_impossible, *flag_priority_changed,
		*flag_reopened, *flag_uplift, *channel_was;
	const char *domains, *domain, *kpi, *measured, *pct_of_norm, *weight, *weight_used, *weight_score, *within_n,
		*contribution, *source, *derivation, *score, *staffel, *malus, *escalation, *malus_quarterly,
		*on_invoice_of, *no_invoice, *not_scored, *not_scored_contract, *starts_on, *incomplete, *no_value,
		*normalised, *skipped, *missing, *capped, *window, *within_of, *measurement,
		*no_data, *outage_detail, *mttr_note, *pro_rata, *not_pro_rata, *per_months[4];
	const char *source_counts[SK_SRC_MTTP + 1]; /* "%ld of %ld ..." per KPI source */
	const char *change_types[3]; /* standard, normal, emergency */
	const char *origins[7];      /* by enum sk_value_origin */
	const char *missing_title, *missing_text, *missing_hint;
	const char *availability, *service, *service_window, *down, *outages, *planned;
	const char *changes, *total, *standard, *normal, *emergency, *untyped, *cab, *failed,
		*solved, *planned_at, *change_type, *non_standard;
	const char *complaints, *duration, *limit, *within;
	const char *escalations, *esc_domain, *esc_complaint, *handovers;
	const char *trend, *reported_n, *per_location, *per_category, *recurring, *by_month,
		*month, *breached_n, *unknown;
	const char *sheet_summary, *sheet_priorities, *sheet_domains, *sheet_tickets,
		*sheet_trend, *start, *elapsed, *paused, *counts, *matrix_priority, *status,
		*title_col, *category, *location, *productive, *responded, *resolved, *value,
		*unit, *detail, *step, *invoice, *chart_response, *chart_resolution,
		*chart_categories, *kind, *file, *end;
	/* Availability without data, the data's horizon, the contract's start, open tickets. */
	const char *avail_no_data_note, *avail_assumed_note, *horizon_note, *horizon_fallback,
		*beyond_horizon, *contract_start, *pending_clocks, *open_note, *complaint_note,
		*last_import;
	const char *pending_note; /* what the workbook's "lopende klokken" column counts */
	const char *unmeasured_note, *unmeasured_tickets; /* responses without response data */
	/* The staffel table and a domain's result ("79,63 < 80,00 → 2 % malus en escalatie"). */
	const char *score_range, *applied, *and_, *malus_word, *no_malus,
		*and_escalation, *all_scores;
	/* Norms per priority, business time, the P1 list's clocks, why tickets are listed apart. */
	const char *per_priority, *business_time, *p1_note, *apart_note, *counts_as,
		*not_counted, *on_time_share;
	/* Who supplies a missing KPI, and what each trend count counts. */
	const char *missing_by, *missing_by_supplier, *missing_sources[4];
	const char *trend_all_types, *trend_in_table, *trend_not_in_table, *trend_earlier,
		*trend_apart, *trend_no_clock, *trend_other, *recurring_note, *category_note;
	/* The tickets sheet: each flag in a word or two, the calendar and profile columns. */
	const char *flag_short[SK_FLAG_COUNT], *calendar, *profile;
	const char *invoice_from, *the_contract; /* "factuurbedrag uit het contract" */
	/* The complaint escalation ladder: levels 1..3, "since", "after", its note. */
	const char *levels[4], *level, *since, *after, *ladder_note;
	/* A reading chosen between clauses ([choice.ID]), with the decisions applied. */
	const char *choice, *choice_clause, *choice_reading, *choice_seed;
	const char *both_clocks_counts; /* "%ld of %ld ..." of a tickets:resolution KPI with both_clocks */
	/* Column heads and labels of the workbook: a ticket's priority ("prioriteit"), a
	 * domain's malus as a percentage and in euros ("malus %", "malus €"). */
	const char *prio_head, *malus_pct, *malus_eur;
};

/* Where a domain's invoice amount comes from: "het contract", or the invoice file's name. */
const char *report_invoice_source(const struct report_words *w, const struct sk_domain_score *ds);

/* A staffel step's range of scores: "≥ 90,00 en < 95,00", "< 80,00" (report_words.c). */
char *report_staffel_range(const struct report_words *w, const struct sk_contract *c, int step,
			   char *buf, size_t size);

/* A scored domain's result: "79,63 < 80,00 → 2 % malus en escalatie". */
char *report_domain_result(const struct report_words *w, const struct sk_contract *c,
			   const struct sk_domain_score *ds, char *buf, size_t size);

/* What a step means: "2 % malus en escalatie", "geen malus". */
char *report_step_consequence(const struct report_words *w, const struct sk_staffel_step *st,
			      char *buf, size_t size);

/* The unit a KPI's number is read in, after the number: " uur" / " h" for
 * unit = hours; "" for counts and marks (a percentage has its own " %"). */
const char *report_unit_suffix(const struct report_words *w, const struct sk_kpi *k);

/* A norm with the side that meets it: "≥ 80 %", "≤ 3 %", "≥ 2", "≤ 4 uur". */
char *report_norm_text(const struct report_words *w, const struct sk_kpi *k, sk_dec norm,
		       char *buf, size_t size);

/* A clock's target with its comparison: "< 0:15" (met below it), "≤ 0:15". */
/* Why a breach late by less than a minute (shown as 0:00) is late, or NULL. */
const char *report_late_note(const struct report_words *w, const struct sk_clock *k,
			     int64_t late);
char *report_target(const struct sk_clock *k, char *buf, size_t size);

/* A ticket's channel in the reader's words ("telefoon" for phone). */
const char *report_channel_word(const struct report_words *w, const char *channel);

/* What a KPI without data misses and who supplies it. */
char *report_missing_line(const struct report_words *w, const struct sk_report *r,
			  const struct sk_kpi_score *ks, char *buf, size_t size);

/*
 * How the tickets reported in the period meet the priority table, which counts
 * the tickets with a clock that counts in the period: reported = counted +
 * apart + sum(no_clock) + other, and in_table = counted + earlier.
 */
struct report_reconcile {
	long reported, in_table;     /* the trend's count and the priority table's */
	long counted;                /* reported in the period and in the table */
	long earlier;                /* in the table, reported before the period */
	long apart;                  /* reported, listed apart and left out */
	long no_clock[SK_TICKET_TYPES]; /* reported, no clock counts in the period, per type */
	long other;                  /* reported, not among the period's tickets in scope */
};
void report_reconcile(const struct sk_report *r, struct report_reconcile *out);

/* Line @i (0 to 4) of the reconciliation in words, "" when it has nothing to say. */
char *report_reconcile_line(const struct report_words *w, const struct report_reconcile *rc, int i,
			    char *buf, size_t size);

/* "response not measured (...): P2 4 tickets", "" when none (report_words.c). */
char *report_unmeasured_line(const struct sk_report *r, const struct report_words *w, char *buf,
			     size_t size);

/*
 * The complaint escalation ladder (report_ladder.c): the level complaint @k
 * reached and when ("managementniveau sinds 3-3-2026 09:00"), and the
 * ladder's steps as one note; only for a contract with a ladder.
 */
char *report_ladder_text(const struct sk_report *r, const struct report_words *w,
			 const struct sk_report_case *k, char *buf, size_t size);
char *report_ladder_steps(const struct sk_report *r, const struct report_words *w, char *buf,
			  size_t size);

/* A section's title, escaped and underlined to its width (report_text.c). */
void text_heading(FILE *fp, const char *title);
/* Why a domain is not scored, in the report's words ("niet gescoord: onvolledig: ..."). */
char *report_domain_reason(const struct report_words *w, const struct sk_domain_score *ds,
			   char *buf, size_t size);

/* One row of cells padded to @widths (negative: left-aligned; the last such one is
 * not padded), two-space indent, escaped, empty trailing cells left out (report_text.c). */
void text_cells(FILE *fp, const int *widths, size_t n, const char *const *v);

/* @text escaped and wrapped at blanks to the report's width, the first line
 * indented by @first_indent, the others by @indent (report_text.c). */
void text_wrap(FILE *fp, size_t first_indent, size_t indent, const char *text);

/* sla-score's JSON of @s with each KPI's detail in the words of @lang (score_write.c):
 * a report's JSON, whose prose follows the report's language; keys stay as they are. */
enum sk_err score_write_json(const struct sk_score *s, const char *lang, FILE *fp);

/* The next piece of @s that fits @width columns, into @buf: up to the last blank
 * that fits, else just after the last hyphen that fits ("Eerste-contact-"), else
 * cut at @width (a character is never split). Returns where the rest starts; a
 * name wraps within its table column by calling it until that is "" (report_text.c). */
const char *text_cell_piece(const char *s, size_t width, char *buf, size_t size);

/* One CSV row section,key,name,value of the report's CSV (report_csv.c); a
 * decimal with @decimals places, or as short as it is exact when < 0. */
void csv_put(FILE *fp, const char *section, const char *key, const char *name, const char *value);
void csv_put_long(FILE *fp, const char *section, const char *key, const char *name, int64_t v);
void csv_put_dec(FILE *fp, const char *section, const char *key, const char *name, sk_dec v,
		 int decimals);

/* A JSON member "name":"v" (null for NULL), after a comma when @comma (report_json.c). */
void json_member_str(FILE *fp, const char *name, const char *v, int comma);

/* The words for @lang ("nl", else English). */
const struct report_words *report_words_for(const char *lang);

/* Language to write in: @lang when given, else the contract's. */
const char *report_lang(const struct sk_report *r, const char *lang);

/* "met" / "breached" / ... in the report's words. */
const char *report_state_word(const struct report_words *w, enum sk_clock_state s);
/* Clock @k's state, a breached clock still running at the period's end said so: "open, te
 * laat" ("open" when @brief, for a narrow column), as the breaches table has it "open". */
const char *report_clock_state(const struct report_words *w, const struct sk_clock *k, int brief);

/* Ticket type name in the report's words. */
const char *report_type_word(const struct report_words *w, int type);

/* The change type ("standard"...) in the report's words; "-" for NULL. */
const char *report_change_type_word(const struct report_words *w, const char *type);

/* How a KPI's value was measured, in the report's words, with its window. */
char *report_kpi_detail(const struct report_words *w, const struct sk_kpi_score *ks, char *buf,
			size_t size);

/* Why a ticket is listed apart, in the report's words. */
char *report_flag_text(const struct report_words *w, const struct sk_report *r,
		       const struct sk_result *x, char *buf, size_t size);

/* A percentage "93,8 %" with @decimals places and the words' mark. */
char *report_pct(const struct report_words *w, sk_dec v, int decimals, char *buf, size_t size);

/*
 * A figure shown beside the norm it is judged by, so that the verdict reads
 * from the two: 48 of 49 is 97.96 %, which one decimal shows as 98,0 %
 * beside a norm of 98 % it fails. The figure gets the fewest decimals, from
 * the default up to REPORT_MAX_DECIMALS, at which it is on the verdict's
 * side of the norm; when none is, it is shown as the bound it is ("<98 %").
 * Only text changes: the numbers themselves (JSON) stay as they are.
 */
#define REPORT_MAX_DECIMALS 4

struct report_figure {
	sk_dec value;       /* the figure rounded to @decimals places */
	int decimals;       /* places to show */
	char bound;         /* 0, or '<' / '>': text shows the bound and the norm instead
			       (value and decimals are then the figure at 6 places) */
};

/*
 * The percentage @num / @den * 100 beside @norm: @dir says which way is
 * better, @met is the verdict (1 met, 0 not); @decimals is the default.
 */
void report_figure(sk_dec num, sk_dec den, sk_dec norm, enum sk_direction dir, int met,
		   int decimals, struct report_figure *out);

/* The figure as text: "97,96 %", or "<98 %" (the bound and @norm). */
char *report_figure_pct(const struct report_words *w, const struct report_figure *f, sk_dec norm,
			char *buf, size_t size);

/* Whether @within of @n reach @norm (a percentage), on the exact fraction. */
int report_share_met(long within, long n, sk_dec norm);

/*
 * The side of the one norm it is shown beside (norm_used) that a KPI's
 * figure must read on, whatever places it is rounded to: 1 the met side,
 * 0 the other, -1 no value or no norm. report_figure() takes it to find the
 * places the figure needs. Not the KPI's verdict: that is sk_kpi_met(),
 * which with norms per priority judges each priority against its own.
 */
int report_kpi_side(const struct sk_kpi_score *ks);

/* A KPI's measured percentage beside its norm (default 2 places), as a figure and as text. */
void report_kpi_measured(const struct sk_kpi_score *ks, struct report_figure *f);
char *report_kpi_measured_text(const struct report_words *w, const struct sk_kpi_score *ks,
			       char *buf, size_t size);

/*
 * A KPI's % of norm beside 100 (default @decimals, the contract's): a KPI
 * that misses its norm never reads 100 %. A KPI over priorities keeps its
 * scored value.
 */
void report_kpi_pct(const struct sk_kpi_score *ks, int decimals, struct report_figure *f);
char *report_kpi_pct_text(const struct report_words *w, const struct sk_kpi_score *ks,
			  int decimals, char *buf, size_t size);

/* Seconds as "12:05" (hours:minutes, rounded down to the minute; sign kept). */
char *report_hm(int64_t seconds, char *buf, size_t size);

/* An instant as local "2027-01-06 08:53" in the contract's zone, "-" when 0. */
char *report_time(const struct sk_report *r, sk_time t, char *buf, size_t size);

/* The title of the period in the words, e.g. "januari 2027", "Q1 2027". */
char *report_period_name(const struct report_words *w, const struct sk_period *p, char *buf,
			 size_t size);

/* The missing-KPI rule's word: "refuse" (shown as missing), "zero", "skip". */
const char *report_missing_name(enum sk_missing_rule m);

/* The label of a priority: "P1 Kritiek". */
char *report_prio_label(const struct sk_contract *c, int p, char *buf, size_t size);

/* Width in columns of UTF-8 text (code points; the report's text has no wide glyphs). */
size_t report_width(const char *s);

/* Write @s padded (or cut) to @width columns, left or right aligned. */
void report_pad(FILE *fp, const char *s, size_t width, int right);

#endif
