/*
 * The XLSX report's domains & malus sheet, the whole derivation as formulas
 * over the KPI cells (each caching sla-score's value), and the summary sheet
 * that refers to it.
 */
#include <stdlib.h>
#include <string.h>

#include "report_xlsx_priv.h"

/* The KPI names' column, in characters: a longer name wraps within it. */
#define ID_WIDTH 40.0

/* ---- domains & malus ---- */

static int is_share(const struct sk_kpi *k)
{
	return k->unit && strcmp(k->unit, "%") == 0;
}

/* The % of norm formula of a value in cell @m against a norm in cell @nrm (both
 * fractions of 1 for a share); @success: the KPI's `score = success`. */
static void pct_formula(char *buf, size_t size, const struct sk_contract *c, enum sk_direction dir,
			int success, const char *m, const char *nrm)
{
	char inner[256];
	int d = c->rules.pct_decimals + 2;

	if (success)
		snprintf(inner, sizeof(inner), "ROUND(MAX(0,1-%s)/(1-%s),%d)", m, nrm, d);
	else if (dir == SK_HIGHER_IS_BETTER)
		snprintf(inner, sizeof(inner), "ROUND(%s/%s,%d)", m, nrm, d);
	else
		snprintf(inner, sizeof(inner), "IF(%s=0,1,ROUND(%s/%s,%d))", m, nrm, m, d);
	if (c->rules.cap)
		snprintf(buf, size, "=MIN(1,%s)", inner);
	else
		snprintf(buf, size, "=%s", inner);
}

/*
 * A share counted from tickets or calls: its measured value is within / n, a
 * formula, shown with the places its verdict against @norm needs (@dir; no
 * norm when @has_norm is 0).
 */
static void share_cells(struct xw *x, struct sheet *s, lxw_row_t row, long n, long within,
			int has_norm, sk_dec norm, enum sk_direction dir)
{
	char f[96], a[32], b[32];
	lxw_format *fmt = x->pct2;

	if (has_norm) {
		struct report_figure fig;
		int met = dir == SK_LOWER_IS_BETTER
				  ? (int64_t)within * 100 * SK_DEC_ONE <= (int64_t)norm * n
				  : report_share_met(within, n, norm);

		report_figure(SK_DEC(within), SK_DEC(n), norm, dir, met, 2, &fig);
		fmt = xw_figure_format(x, &fig, 2, x->pct2);
	}
	xw_num(x, s, row, D_N, (double)n, x->count);
	xw_num(x, s, row, D_WITHIN, (double)within, x->count);
	snprintf(f, sizeof(f), "=%s/%s", xw_ref(a, sizeof(a), NULL, row, D_WITHIN, 0),
		 xw_ref(b, sizeof(b), NULL, row, D_N, 0));
	xw_formula(x, s, row, D_MEASURED, f, fmt, (double)within / (double)n);
}

/* The KPI's % of norm over its per-priority rows, by the contract's rule. */
static void combine_formula(char *buf, size_t size, const struct sk_contract *c, lxw_row_t first,
			    lxw_row_t last)
{
	char a[32], b[32], p[80], n[80], inner[320];
	int d = c->rules.pct_decimals + 2;

	snprintf(p, sizeof(p), "%s:%s", xw_ref(a, sizeof(a), NULL, first, D_PCT, 0),
		 xw_ref(b, sizeof(b), NULL, last, D_PCT, 0));
	snprintf(n, sizeof(n), "%s:%s", xw_ref(a, sizeof(a), NULL, first, D_N, 0),
		 xw_ref(b, sizeof(b), NULL, last, D_N, 0));
	if (c->rules.aggregate == SK_AGG_WORST)
		snprintf(inner, sizeof(inner), "MIN(%s)", p);
	else if (c->rules.aggregate == SK_AGG_MEAN)
		snprintf(inner, sizeof(inner), "ROUND(AVERAGE(%s),%d)", p, d);
	else
		snprintf(inner, sizeof(inner), "ROUND(SUMPRODUCT(%s,%s)/SUM(%s),%d)", p, n, n, d);
	snprintf(buf, size, c->rules.cap ? "=MIN(1,%s)" : "=%s", inner);
}


/*
 * The explanation column: wrapped within its width (the column stops at
 * MAX_WIDTH), the row made tall enough for its lines, so a long explanation
 * stays on the printed page instead of running past its right edge.
 */
static void detail_cell(struct xw *x, struct sheet *s, lxw_row_t row, const char *text)
{
	xw_str_wrap(x, s, row, D_DETAIL, text, MAX_WIDTH);
}

/* One KPI row and its per-priority rows; returns the next free row. */
static lxw_row_t domain_kpi(struct xw *x, struct sheet *s, lxw_row_t row,
			    const struct sk_domain_score *ds, const struct sk_kpi_score *ks)
{
	const struct sk_contract *c = x->r->contract;
	const struct report_words *w = x->w;
	const struct sk_kpi *k = ks->kpi;
	int share = is_share(k), per_prio = 0;
	lxw_row_t kpi_row = row;
	char f[1024], a[32], b[32], detail[768];
	size_t n;

	/* The KPI by its name (the id is the contract author's key, not the client's word). */
	xw_str_wrap(x, s, row, D_ID, k->name, ID_WIDTH);
	/* Norms of their own per priority (98/95/90/90): said on the priorities' rows. */
	per_prio = sk_kpi_norms_per_priority(ks);
	/* The operator before the norm, against it ("≥ 80,0 %"), as the text reads. */
	if (k->has_norm && !per_prio)
		xw_str(x, s, row, D_DIR, k->direction == SK_HIGHER_IS_BETTER ? "≥" : "≤", x->right);
	if (per_prio)
		xw_str(x, s, row, D_NORM, w->per_priority, NULL);
	else if (k->has_norm)
		xw_dec(x, s, row, D_NORM, ks->norm_used, share, share ? x->pct_norm : x->num);
	if (!ks->has_value) {
		xw_str(x, s, row, D_MEASURED, w->missing, NULL);
	} else if (share && ks->n > 0 && (ks->origin == SK_ORIGIN_TICKETS || ks->origin == SK_ORIGIN_CALLS)) {
		share_cells(x, s, row, ks->n, ks->within, k->has_norm, ks->norm_used, k->direction);
	} else if (share && k->has_norm) {
		struct report_figure fig;

		report_kpi_measured(ks, &fig);
		xw_dec(x, s, row, D_MEASURED, ks->measured, 1, xw_figure_format(x, &fig, 2, x->pct2));
	} else {
		xw_dec(x, s, row, D_MEASURED, ks->measured, share, share ? x->pct2 : x->num);
	}
	if (k->has_weight)
		xw_dec(x, s, row, D_WEIGHT, ks->weight, 1, x->pct_norm);
	/* The weight that counts in the score: 0 for a KPI left out. */
	if (ds->scored && k->has_weight)
		xw_dec(x, s, row, D_WSCORE, ks->scored ? ks->weight : 0, 1, x->pct_norm);
	xw_str(x, s, row, D_SOURCE, w->origins[ks->origin], NULL);
	xw_str(x, s, row, D_WINDOW, ks->window, NULL);
	n = strlen(report_kpi_detail(w, ks, detail, sizeof(detail)));
	if (k->note && n < sizeof(detail))
		snprintf(detail + n, sizeof(detail) - n, "; %s", k->note);
	detail_cell(x, s, row, detail);
	row++;
	for (size_t q = 0; q < ks->n_parts; q++, row++) {
		const struct sk_priority_part *pp = &ks->parts[q];
		char label[64];

		snprintf(label, sizeof(label), "  %s", c->priorities[pp->priority].id);
		xw_str(x, s, row, D_ID, label, NULL);
		share_cells(x, s, row, pp->n, pp->within, 1, pp->norm, k->direction);
		xw_dec(x, s, row, D_NORM, pp->norm, 1, x->pct_norm);
		pct_formula(f, sizeof(f), c, k->direction, k->score == SK_SCORE_SUCCESS, xw_ref(a, sizeof(a), NULL, row, D_MEASURED, 0),
			    xw_ref(b, sizeof(b), NULL, row, D_NORM, 0));
		xw_formula(x, s, row, D_PCT, f, x->pct, (double)pp->pct / 1e8);
	}
	if (!ks->has_pct)
		return row;
	if (ks->n_parts && ks->origin != SK_ORIGIN_GIVEN)
		combine_formula(f, sizeof(f), c, kpi_row + 1, row - 1);
	else if (ks->has_value && k->has_norm)
		pct_formula(f, sizeof(f), c, k->direction, k->score == SK_SCORE_SUCCESS, xw_ref(a, sizeof(a), NULL, kpi_row, D_MEASURED, 0),
			    xw_ref(b, sizeof(b), NULL, kpi_row, D_NORM, 0));
	else
		f[0] = '\0';
	/* Counted as 0 % (--allow-missing zero) has nothing to derive it from: a number. */
	if (f[0])
		xw_formula(x, s, kpi_row, D_PCT, f, x->pct, (double)ks->pct / 1e8);
	else
		xw_dec(x, s, kpi_row, D_PCT, ks->pct, 1, x->pct);
	return row;
}

/* The nested IF of the staffel over score cell @sc: the malus (@what 0) or the escalation (1). */
static void staffel_formula(char *buf, size_t size, const struct sk_contract *c, const char *sc,
			    int what)
{
	size_t n = (size_t)snprintf(buf, size, "=");
	char v[48], t[48];

	/* Steps are sorted highest first; below the last threshold the last step applies. */
	for (size_t i = 0; i < c->n_staffel && n < size; i++) {
		const struct sk_staffel_step *st = &c->staffel[i];

		if (what)
			snprintf(v, sizeof(v), "%d", st->escalate);
		else
			sk_dec_format_short(st->malus / 100, '.', v, sizeof(v));
		if (i + 1 == c->n_staffel) {
			n += (size_t)snprintf(buf + n, size - n, "%s", v);
			break;
		}
		sk_dec_format_short(st->min_score, '.', t, sizeof(t));
		n += (size_t)snprintf(buf + n, size - n, "IF(%s>=%s,%s,", sc, t, v);
	}
	for (size_t i = 0; i + 1 < c->n_staffel && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, ")");
}

/* Weight used and contribution of every scored KPI, over the weights in score. */
static void domain_weights(struct xw *x, struct sheet *s, const struct sk_domain_score *ds,
			   const lxw_row_t *rows, lxw_row_t first, lxw_row_t last)
{
	char f[512], a[32], b[32], w0[32], w1[32];

	xw_ref(w0, sizeof(w0), NULL, first, D_WSCORE, 1);
	xw_ref(w1, sizeof(w1), NULL, last, D_WSCORE, 1);
	for (size_t k = 0; k < ds->n_kpis; k++) {
		const struct sk_kpi_score *ks = &ds->kpis[k];

		if (!ks->scored)
			continue;
		snprintf(f, sizeof(f), "=ROUND(%s/SUM(%s:%s),8)", xw_ref(a, sizeof(a), NULL, rows[k], D_WSCORE, 0),
			 w0, w1);
		xw_formula(x, s, rows[k], D_WUSED, f, x->pct2, (double)ks->weight_used / 1e8);
		/* Points out of 100: % of norm × weight share × 100. */
		snprintf(f, sizeof(f), "=ROUND(%s*%s/SUM(%s:%s)*100,6)", xw_ref(a, sizeof(a), NULL, rows[k], D_PCT, 0),
			 xw_ref(b, sizeof(b), NULL, rows[k], D_WSCORE, 0), w0, w1);
		xw_formula(x, s, rows[k], D_CONTRIB, f, x->points, (double)ks->contribution / 1e6);
	}
}

/* The staffel under a scored domain: each step's scores and malus, the one applied marked. */
static lxw_row_t staffel_rows(struct xw *x, struct sheet *s, lxw_row_t row,
			      const struct sk_domain_score *ds)
{
	const struct sk_contract *c = x->r->contract;
	const struct report_words *w = x->w;
	char range[128], what[128], applied[64];

	snprintf(applied, sizeof(applied), "← %s", w->applied);
	xw_str(x, s, row, D_ID, w->staffel, x->bold);
	xw_str(x, s, row++, D_NAME, w->score_range, NULL);
	for (size_t i = 0; i < c->n_staffel; i++, row++) {
		xw_str(x, s, row, D_ID, report_staffel_range(w, c, (int)i, range, sizeof(range)), NULL);
		xw_str(x, s, row, D_NAME, report_step_consequence(w, &c->staffel[i], what, sizeof(what)),
		       NULL);
		if (ds->step == (int)i)
			xw_str(x, s, row, D_N, applied, x->bold);
	}
	return row;
}

/* The domain's score, staffel, malus and euros under its KPIs; returns the next free row. */
static lxw_row_t domain_totals(struct xw *x, struct sheet *s, lxw_row_t row, size_t di,
			       lxw_row_t first, lxw_row_t last)
{
	const struct sk_domain_score *ds = &x->r->score->domains[di];
	const struct sk_contract *c = x->r->contract;
	const struct report_words *w = x->w;
	char f[1024], a[32], b[32], sc[32], ml[32], iv[32], text[256], t[48];

	snprintf(f, sizeof(f), "=ROUND(SUM(%s:%s),%d)", xw_ref(a, sizeof(a), NULL, first, D_CONTRIB, 0),
		 xw_ref(b, sizeof(b), NULL, last, D_CONTRIB, 0), c->rules.score_decimals);
	xw_str(x, s, row, D_ID, w->score, x->bold);
	xw_formula(x, s, row, D_CONTRIB, f, x->score, (double)ds->score / 1e6);
	xw_ref(sc, sizeof(sc), NULL, row, D_CONTRIB, 0);
	x->score_row[di] = row;
	if (ds->normalised) {
		snprintf(text, sizeof(text), w->normalised,
			 sk_dec_format_short(ds->weight_sum, w->mark, t, sizeof(t)));
		detail_cell(x, s, row, text);
	}
	row++;
	if (!c->n_staffel)
		return row;
	staffel_formula(f, sizeof(f), c, sc, 0);
	xw_str(x, s, row, D_ID, w->malus_pct, x->bold);
	if (ds->step >= 0) {
		char res[256];

		snprintf(text, sizeof(text), "%s %s%s%s", w->score,
			 report_domain_result(w, c, ds, res, sizeof(res)),
			 x->r->period.kind == SK_PERIOD_QUARTER ? "" : "; ",
			 x->r->period.kind == SK_PERIOD_QUARTER ? "" : w->malus_quarterly);
		detail_cell(x, s, row, text);
	}
	xw_formula(x, s, row, D_CONTRIB, f, x->pct_norm, (double)ds->malus / 1e8);
	xw_ref(ml, sizeof(ml), NULL, row, D_CONTRIB, 0);
	row++;
	staffel_formula(f, sizeof(f), c, sc, 1);
	xw_str(x, s, row, D_ID, w->escalation, x->bold);
	xw_formula(x, s, row, D_CONTRIB, f, x->yesno, ds->escalation ? 1 : 0);
	row++;
	if (!ds->has_invoice)
		return staffel_rows(x, s, row, ds);
	xw_str(x, s, row, D_ID, w->invoice, x->bold);
	xw_num(x, s, row, D_CONTRIB, (double)ds->invoice_cents / 100.0, x->euro);
	snprintf(text, sizeof(text), "%s %s", w->invoice_from, report_invoice_source(w, ds));
	detail_cell(x, s, row, text);
	xw_ref(iv, sizeof(iv), NULL, row, D_CONTRIB, 0);
	row++;
	snprintf(f, sizeof(f), "=ROUND(%s*%s,2)", iv, ml);
	xw_str(x, s, row, D_ID, w->malus_eur, x->bold);
	xw_formula(x, s, row, D_CONTRIB, f, x->euro, (double)ds->malus_cents / 100.0);
	snprintf(text, sizeof(text), "%s %s", w->on_invoice_of, ds->applies_to);
	detail_cell(x, s, row, text);
	return staffel_rows(x, s, row + 1, ds);
}


void xw_sheet_domains(struct xw *x)
{
	struct sheet *s = &x->sh[SH_DOMAINS];
	const struct report_words *w = x->w;
	const struct sk_score *sc = x->r->score;
	const char *head[D_COLS] = { w->kpi, "", "n", w->within_n, w->measured, "", w->norm,
				     w->pct_of_norm, w->weight, w->weight_score, w->weight_used,
				     w->contribution, w->source, w->window, w->detail };
	lxw_row_t row = 0, top, start;
	lxw_row_t *rows;
	char text[512];

	if (!x->right && (x->right = workbook_add_format(x->wb)))
		format_set_align(x->right, LXW_ALIGN_RIGHT);
	xw_str(x, s, row++, 0, w->domains, x->title);
	top = row;
	for (size_t i = 0; i < sc->n_domains; i++) {
		const struct sk_domain_score *ds = &sc->domains[i];
		lxw_row_t first;

		row++;
		start = row;
		snprintf(text, sizeof(text), "%s %s", w->domain, ds->domain->name);
		xw_str(x, s, row++, 0, text, x->bold);
		xw_header_aligned(x, s, row++, head, D_COLS, "ttnnntnnnnnnttt");
		rows = calloc(ds->n_kpis ? ds->n_kpis : 1, sizeof(*rows));
		if (!rows) {
			xw_keep(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		first = row;
		for (size_t k = 0; k < ds->n_kpis; k++) {
			rows[k] = row;
			row = domain_kpi(x, s, row, ds, &ds->kpis[k]);
		}
		if (ds->scored) {
			domain_weights(x, s, ds, rows, first, row - 1);
			row = domain_totals(x, s, row, i, first, row - 1);
		} else {
			xw_str(x, s, row++, D_ID, report_domain_reason(w, ds, text, sizeof(text)), x->bold);
		}
		free(rows);
		xw_print_keep(s, start, row);  /* a domain on one page */
	}
	xw_colour_formula(x, s, top, D_PCT, row, D_PCT, D_PCT, D_PCT, 0);
	s->width[D_DIR] = 4;
	if (s->width[D_NAME] > 40)
		s->width[D_NAME] = 40;
	if (s->width[D_ID] > ID_WIDTH)   /* a long KPI name wraps within it */
		s->width[D_ID] = ID_WIDTH;
}
/* ---- summary ---- */

/* A label in column A and a text value in column B; returns the next row. */
static lxw_row_t pair(struct xw *x, struct sheet *s, lxw_row_t row, const char *label, const char *value)
{
	xw_str(x, s, row, 0, label, x->bold);
	xw_str(x, s, row, 1, value, NULL);
	return row + 1;
}

lxw_row_t xw_report_header(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	char text[256], name[64];

	snprintf(text, sizeof(text), "%s %s (%s)", w->title, r->period.label,
		 report_period_name(w, &r->period, name, sizeof(name)));
	xw_str(x, s, row++, 0, text, x->title);
	xw_str(x, s, row++, 0, c->name, x->bold);
	/* Said first: figures of a period the data does not reach are incomplete. */
	if (r->beyond_horizon) {
		char b1[32], b2[32];

		snprintf(text, sizeof(text), w->beyond_horizon,
			 report_time(r, r->period.end, b1, sizeof(b1)),
			 report_time(r, r->horizon, b2, sizeof(b2)));
		xw_str(x, s, row++, 0, text, x->bold);
	}
	row++;
	/* The contract's id, file and hash are the annex's (xw_sheet_annex()): the
	 * client knows the contract by the name above. */
	if (c->supplier)
		row = pair(x, s, row, w->supplier, c->supplier);
	if (c->customer)
		row = pair(x, s, row, w->customer, c->customer);
	{
		/* In words, as the text has it: "2027-01-01 t/m 2027-03-31 (Europe/Amsterdam)". */
		char b1[32], b2[32];

		report_time(r, r->period.start, b1, sizeof(b1));
		report_time(r, r->period.end - 1, b2, sizeof(b2));
		snprintf(text, sizeof(text), "%.10s %s %.10s (%s)", b1, w->through, b2,
			 sk_tz_name(c->tz));
		row = pair(x, s, row, w->period, text);
	}
	xw_str(x, s, row, 0, w->generated, x->bold);
	if (r->horizon_source)
		xw_time(x, s, row, 1, r->horizon, x->dt_left);
	xw_str(x, s, row++, 2, r->horizon_source == 1 ? w->horizon_note : w->horizon_fallback, NULL);
	if (c->has_start) {
		int y, m, dd;

		sk_civil_from_days(c->start_day, &y, &m, &dd);
		snprintf(text, sizeof(text), "%04d-%02d-%02d", y, m, dd);
		row = pair(x, s, row, w->contract_start, text);
	}
	xw_str(x, s, row, 0, w->due, x->bold);
	xw_time(x, s, row, 1, r->due, x->dt_left);
	snprintf(text, sizeof(text), "%d %s", c->rules.report_due_days, w->due_note);
	xw_str(x, s, row++, 2, text, NULL);
	return row + 1;
}

static lxw_row_t summary_inputs(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct sk_report *r = x->r;
	const struct sk_rules *ru = &r->contract->rules;
	const struct report_words *w = x->w;
	const char *head[11] = { "id", w->file, w->kind, w->profile, w->rows, w->excluded, w->dst_gap,
				 w->dst_fold, w->end, "SHA-256", w->pause_seen };
	char text[1024];
	size_t n;

	head[5] = w->rejected;
	head[8] = "import";
	xw_str(x, s, row++, 0, w->inputs, x->bold);
	xw_header_aligned(x, s, row++, head, 11, "ntttnnnnntt");
	for (size_t i = 0; i < r->n_imports; i++, row++) {
		const struct sk_report_import *im = &r->imports[i];

		const char *file = report_base_name(im->file);

		xw_num(x, s, row, 0, (double)im->id, x->count);
		xw_str(x, s, row, 1, file, NULL);
		xw_str(x, s, row, 2, im->kind, NULL);
		xw_str(x, s, row, 3, im->profile, NULL);
		xw_num(x, s, row, 4, (double)im->rows, x->count);
		xw_num(x, s, row, 5, (double)im->rejected, x->count);
		xw_num(x, s, row, 6, (double)im->dst_gaps, x->count);
		xw_num(x, s, row, 7, (double)im->dst_folds, x->count);
		xw_time(x, s, row, 8, im->finished_at, x->dt);
		xw_str(x, s, row, 9, im->sha256, NULL);
		if (report_pause_list(im, text, sizeof(text)))
			xw_str(x, s, row, 10, text, NULL);
	}
	row++;
	xw_str(x, s, row++, 0, w->decisions, x->bold);
	row = pair(x, s, row, "resolution_start", sk_clock_start_name(ru->resolution_start));
	row = pair(x, s, row, "priority", sk_priority_rule_name(ru->priority));
	row = pair(x, s, row, "cap", ru->cap ? "yes" : "no");
	xw_str(x, s, row, 0, "pct_decimals", x->bold);
	xw_num(x, s, row++, 1, ru->pct_decimals, x->count);
	xw_str(x, s, row, 0, "score_decimals", x->bold);
	xw_num(x, s, row++, 1, ru->score_decimals, x->count);
	row = pair(x, s, row, "aggregate", sk_aggregate_name(ru->aggregate));
	row = pair(x, s, row, "weights", sk_weights_rule_name(ru->weights));
	row = pair(x, s, row, "wrong_channel", sk_channel_rule_name(ru->wrong_channel));
	n = 0;
	text[0] = '\0';
	for (size_t i = 0; i < ru->n_pause_statuses && n < sizeof(text); i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s", i ? ", " : "", ru->pause_statuses[i]);
	row = pair(x, s, row, "pause_statuses", text);
	row = pair(x, s, row, "reopen_resets", ru->reopen_resets ? "yes" : "no");
	row = pair(x, s, row, "onsite_default", ru->onsite_resolution ? "resolution" : "none");
	xw_str(x, s, row, 0, "report_due_days", x->bold);
	xw_num(x, s, row++, 1, ru->report_due_days, x->count);
	row = pair(x, s, row, w->missing_rule, report_missing_name(r->missing));
	xw_str(x, s, row - 1, 2, r->missing == SK_MISSING_ZERO ? w->missing_zero
			       : r->missing == SK_MISSING_SKIP ? w->missing_skip : w->missing_refuse, NULL);
	/* The reading chosen where clauses disagree ([choice.ID]); long text wraps within
	   the printed columns. */
	for (size_t i = 0; i < r->contract->n_choices; i++) {
		const struct sk_choice *ch = &r->contract->choices[i];

		snprintf(text, sizeof(text), "%s %s", w->choice, ch->id);
		xw_str(x, s, row, 0, text, x->bold);
		snprintf(text, sizeof(text), "%s: %s", w->choice_seed, ch->seed);
		xw_str_wrap_right(x, s, row++, 1, text);
		snprintf(text, sizeof(text), "%s: %s", w->choice_clause, ch->clause);
		xw_str_wrap_right(x, s, row++, 1, text);
		snprintf(text, sizeof(text), "%s: %s", w->choice_reading, ch->reading);
		xw_str_wrap_right(x, s, row++, 1, text);
	}
	return row + 1;
}

static lxw_row_t summary_services(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct report_words *w = x->w;
	const char *head[8] = { w->service, "", w->norm, w->measured, w->service_window,
				w->down, w->outages, w->planned };
	lxw_row_t first;

	xw_str(x, s, row++, 0, w->availability, x->bold);
	xw_header_aligned(x, s, row++, head, 8, "ttnnnnnn");
	first = row;
	for (size_t i = 0; i < x->r->n_services; i++, row++) {
		const struct sk_report_service *sv = &x->r->services[i];

		xw_str(x, s, row, 0, sv->service->name, NULL);
		xw_dec(x, s, row, 2, sv->service->norm, 1, x->pct_norm);
		if (sv->has_value) {
			struct report_figure fig;

			report_figure(SK_DEC(sv->window - sv->down), SK_DEC(sv->window), sv->service->norm,
				      SK_HIGHER_IS_BETTER, sv->met, 2, &fig);
			xw_num(x, s, row, 3, (double)sv->availability / 1e8,
			       xw_figure_format(x, &fig, 2, x->pct2));
		} else if (sv->no_data) {
			xw_str(x, s, row, 3, w->no_data, NULL);
		}
		xw_dur(x, s, row, 4, sv->window);
		xw_dur(x, s, row, 5, sv->down);
		xw_num(x, s, row, 6, (double)sv->outages, x->count);
		xw_num(x, s, row, 7, (double)sv->planned, x->count);
	}
	xw_colour_formula(x, s, first, 3, row - 1, 3, 3, 2, 1);
	return row + 1;
}

/*
 * A header row of @n titles (@kinds as xw_header_aligned()), without column 1 (the
 * title) when @titled is 0: no case has a title, a column empty in every row.
 */
static void cases_header(struct xw *x, struct sheet *s, lxw_row_t row, const char *const *titles,
			 int n, const char *kinds, int titled)
{
	const char *t[9];
	char k[10];
	int m = 0;

	for (int i = 0; i < n && i < 9; i++) {
		if (i == 1 && !titled)
			continue;
		t[m] = titles[i];
		k[m++] = kinds[i];
	}
	k[m] = '\0';
	xw_header_aligned(x, s, row, t, m, k);
}

/* 1 when a case of @k (@n) has a title. */
static int cases_titled(const struct sk_report_case *k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (k[i].title && k[i].title[0])
			return 1;
	return 0;
}

static lxw_row_t summary_cases(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct sk_report *r = x->r;
	const struct report_words *w = x->w;
	const struct sk_report_changes *ch = &r->changes;
	const char *chead[8] = { w->ticket, w->title_col, w->change_type, w->reported, w->planned_at,
				 w->solved, w->cab, w->failed };
	const char *khead[9] = { w->ticket, w->title_col, w->reported, w->solved, w->duration, w->limit,
				 w->within, w->level, w->since };
	const char *labels[8] = { w->total, w->standard, w->normal, w->emergency, w->untyped, w->cab,
				  w->failed, w->solved };
	long values[8] = { ch->total, ch->standard, ch->normal, ch->emergency, ch->untyped,
			   ch->cab_approved, ch->failed, ch->solved };
	lxw_row_t first;
	/* Without titles in the export, no title column (left of it, the others move). */
	int ct = cases_titled(r->change_list, r->n_changes);
	int kt = cases_titled(r->complaints, r->n_complaints);
	lxw_col_t cs = ct ? 0 : 1, ks = kt ? 0 : 1;

	xw_str(x, s, row++, 0, w->changes, x->bold);
	for (int i = 0; i < 8; i++, row++) {
		xw_str(x, s, row, 0, labels[i], NULL);
		xw_num(x, s, row, 1, (double)values[i], x->count);
	}
	if (r->n_changes) {
		cases_header(x, s, row++, chead, 8, "tttnnntt", ct);
		for (size_t i = 0; i < r->n_changes; i++, row++) {
			const struct sk_report_case *k = &r->change_list[i];

			xw_str(x, s, row, 0, k->id, NULL);
			if (ct)
				xw_str(x, s, row, 1, k->title, NULL);
			xw_str(x, s, row, 2 - cs, report_change_type_word(w, k->change_type), NULL);
			xw_time(x, s, row, 3 - cs, k->reported_at, x->dt);
			xw_time(x, s, row, 4 - cs, k->planned_at, x->dt);
			xw_time(x, s, row, 5 - cs, k->solved_at, x->dt);
			xw_str(x, s, row, 6 - cs, xw_yes_no(w, k->cab_approved), NULL);
			xw_str(x, s, row, 7 - cs, xw_yes_no(w, k->failed), NULL);
		}
	}
	row++;
	xw_str(x, s, row++, 0, w->complaints, x->bold);
	/* The ladder's columns only when the contract sets one. */
	cases_header(x, s, row++, khead, r->ladder[0] || r->ladder[1] ? 9 : 7, "ttnnnntnn", kt);
	first = row;
	for (size_t i = 0; i < r->n_complaints; i++, row++) {
		const struct sk_report_case *k = &r->complaints[i];

		xw_str(x, s, row, 0, k->id, NULL);
		if (kt)
			xw_str(x, s, row, 1, k->title, NULL);
		xw_time(x, s, row, 2 - ks, k->reported_at, x->dt);
		xw_time(x, s, row, 3 - ks, k->solved_at, x->dt);
		xw_dur(x, s, row, 4 - ks, k->business);
		if (k->has_limit) {
			xw_dur(x, s, row, 5 - ks, k->limit);
			xw_str(x, s, row, 6 - ks, xw_yes_no(w, k->within), NULL);
		}
		if (k->level) {
			xw_str(x, s, row, 7 - ks, w->levels[k->level], NULL);
			xw_time(x, s, row, 8 - ks, k->level == 3 ? k->directors_at : k->management_at, x->dt);
		}
	}
	xw_colour_words(x, s, first, 6 - ks, row - 1, 6 - ks, w->no, w->yes);
	if (r->ladder[0] || r->ladder[1]) {
		char note[256];

		xw_str(x, s, row++, 0, report_ladder_steps(r, w, note, sizeof(note)), NULL);
	}
	row++;
	xw_str(x, s, row++, 0, w->escalations, x->bold);
	for (size_t i = 0; i < r->n_escalations; i++, row++) {
		const struct sk_report_escalation *e = &r->escalations[i];

		if (e->kind == 0) {
			xw_str(x, s, row, 0, r->score->domains[e->index].domain->name, NULL);
			xw_str(x, s, row, 1, w->esc_domain, NULL);
		} else {
			const struct sk_report_case *k = &r->complaints[e->index];
			char lv[160];

			xw_str(x, s, row, 0, k->id, NULL);
			xw_str(x, s, row, 1, k->level ? report_ladder_text(r, w, k, lv, sizeof(lv))
						      : w->esc_complaint, NULL);
		}
	}
	xw_str(x, s, row, 0, w->handovers, NULL);
	xw_num(x, s, row++, 1, (double)r->handovers, x->count);
	return row + 1;
}

/* The KPIs without data, and how they were treated. */
static lxw_row_t summary_missing(struct xw *x, struct sheet *s, lxw_row_t row)
{
	const struct sk_score *sc = x->r->score;
	const struct report_words *w = x->w;
	char id[192], what[512];

	if (!sc->n_missing)
		return row;
	xw_str(x, s, row++, 0, w->missing_title, x->bold);
	xw_str(x, s, row++, 0, w->missing_text, NULL);
	xw_str(x, s, row++, 0, x->r->missing == SK_MISSING_ZERO ? w->missing_zero
				: x->r->missing == SK_MISSING_SKIP ? w->missing_skip : w->missing_refuse, NULL);
	for (size_t i = 0; i < sc->n_domains; i++) {
		const struct sk_domain_score *ds = &sc->domains[i];

		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			if (ks->has_value || !ks->kpi->has_weight || !ks->kpi->has_norm ||
			    !ds->domain->scored || strstr(ds->reason, "starts on"))
				continue;
			snprintf(id, sizeof(id), "%s", ds->domain->name);
			xw_str(x, s, row, 0, id, NULL);
			xw_str(x, s, row, 1, ks->window, NULL);
			xw_str_wrap_right(x, s, row++, 2, report_missing_line(w, x->r, ks, what, sizeof(what)));
		}
	}
	return row + 1;
}

void xw_sheet_summary(struct xw *x)
{
	struct sheet *s = &x->sh[SH_SUMMARY];
	lxw_row_t row = 0;

	/* The title, the domains at a glance and the inputs went to the management
	 * summary (report_summary_xlsx.c) and the annex (xw_sheet_annex()). */
	xw_str(x, s, row++, 0, x->sh[SH_SUMMARY].name, x->title);
	row++;
	row = summary_missing(x, s, row);
	row = summary_services(x, s, row);
	summary_cases(x, s, row);
	/* The title and long notes may overflow to the right; no column needs to hold them. */
	if (s->width[0] > 36)
		s->width[0] = 36;
}

/*
 * The audit annex, the workbook's last sheet: the contract file (base name)
 * and its hash, the slakit version, the latest import, the imports with
 * their hashes and the decisions applied, apart from the client's sheets.
 */
void xw_sheet_annex(struct xw *x, struct sheet *s, const char *title)
{
	const struct sk_report *r = x->r;
	const struct sk_contract *c = r->contract;
	const struct report_words *w = x->w;
	const char *base = strrchr(c->path, '/');
	char text[256];
	lxw_row_t row = 0;

	xw_str(x, s, row++, 0, title, x->title);
	row++;
	snprintf(text, sizeof(text), "%s (%s)", c->id, base ? base + 1 : c->path);
	row = pair(x, s, row, w->contract, text);
	row = pair(x, s, row, w->contract_hash, c->sha256);
	row = pair(x, s, row, w->version, r->version);
	xw_str(x, s, row, 0, w->last_import, x->bold);
	xw_time(x, s, row, 1, r->generated_at, x->dt_left);  /* with the texts above it */
	xw_str(x, s, row++, 2, w->generated_note, NULL);
	row++;
	summary_inputs(x, s, row);
	if (s->width[0] > 36)
		s->width[0] = 36;
}
