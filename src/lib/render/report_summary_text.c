/*
 * The management summary as the text report's first section: the domains
 * with their colour, staffel step and malus, the total malus, every norm
 * met or not beside the previous period, the escalations and the open
 * tickets past their deadline. Short enough for one printed page.
 */
#include <stdio.h>
#include <string.h>

#include "report_summary_priv.h"

#define WIDTH 100

/* A column: width and alignment. */
struct scol {
	size_t width;
	int right;
};

/*
 * One row of @n cells, two-space indent; a first cell wider than its
 * column goes on a line of its own, the figures on the next.
 */
static void srow(FILE *fp, const struct scol *cols, size_t n, const char *const *in)
{
	const char *cells[8];
	size_t last = n;
	char cell[512];

	for (size_t i = 0; i < n && i < 8; i++)
		cells[i] = in[i] ? in[i] : "";
	text_escape(cell, sizeof(cell), cells[0], 0);
	if (report_width(cell) > cols[0].width) {
		fprintf(fp, "  %s\n", cell);
		cells[0] = "";
	}
	while (last > 0 && (!cells[last - 1] || !cells[last - 1][0]))
		last--;
	fputs("  ", fp);
	for (size_t i = 0; i < last; i++) {
		if (i)
			fputc(' ', fp);
		text_escape(cell, sizeof(cell), cells[i], 0);
		if (i == last - 1 && !cols[i].right)
			fputs(cell, fp);
		else
			report_pad(fp, cell, cols[i].width, cols[i].right);
	}
	fputc('\n', fp);
}

/* A line of running text, wrapped at blanks to WIDTH with a hanging indent. */
static void sline(FILE *fp, const char *raw)
{
	char text[8192];
	size_t col = 2;
	const char *s = text;

	text_escape(text, sizeof(text), raw, 0);
	fputs("  ", fp);
	while (*s) {
		const char *e = strchr(s, ' ');
		size_t len;
		char word[512];

		/* A number and its unit stay on one line ("100 %"), and so does a
		 * short remark in brackets ("(norm ≥ 99,7 %)"). */
		if (*s == '(') {
			const char *close = strchr(s, ')');

			if (close && close - s < 24 && (!e || close > e))
				e = strchr(close, ' ');
		}
		if (e && e[1] == '%' && (e[2] == ' ' || e[2] == ')' || e[2] == ';' || !e[2]))
			e = e[2] ? strchr(e + 2, ' ') : NULL;
		len = e ? (size_t)(e - s) : strlen(s);
		size_t w;

		snprintf(word, sizeof(word), "%.*s", (int)len, s);
		w = report_width(word);
		if (col > 2 && col + 1 + w > WIDTH) {
			fputs("\n    ", fp);
			col = 4;
		} else if (col > 2) {
			fputc(' ', fp);
			col++;
		}
		fputs(word, fp);
		col += w;
		s = e ? e + 1 : s + len;
	}
	fputc('\n', fp);
}

static void domains(FILE *fp, const struct sk_report *r, const struct report_words *w,
		    const struct summary_words *sw)
{
	static const struct scol cols[] = { { 35, 0 }, { 7, 1 }, { 6, 0 }, { 8, 1 }, { 6, 1 },
					    { 12, 1 }, { 8, 1 }, { 8, 1 } };
	const struct sk_contract *c = r->contract;
	const struct sk_report_summary *s = r->summary;
	const char *head[8] = { sw->domain, sw->score, sw->colour, sw->step, sw->malus, sw->malus_eur,
				sw->previous, sw->change };
	char b[8][64], line[512];
	int dec = c->rules.score_decimals, unscored = 0, shown_only = 0, grouped = 0;
	const char *applies = NULL;

	/* Domains the contract shows without scoring them, for no reason of their
	 * own: named together on the first one's line, not one line each. */
	for (size_t i = 0; i < r->score->n_domains; i++)
		shown_only += !r->score->domains[i].domain->scored && !r->score->domains[i].domain->note;
	srow(fp, cols, 8, head);
	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_domain_score *ds = &r->score->domains[i];
		const struct sk_summary_domain *sd = &s->domains[i];
		const char *cells[8] = { summary_domain_name(ds->domain), "", "", "", "", "", "", "" };

		if (shown_only > 1 && !ds->domain->scored && !ds->domain->note) {
			size_t n = 0;

			if (grouped++)
				continue;
			line[0] = '\0';
			for (size_t k = i; k < r->score->n_domains && n < sizeof(line); k++)
				if (!r->score->domains[k].domain->scored && !r->score->domains[k].domain->note)
					n += (size_t)snprintf(line + n, sizeof(line) - n, "%s%s", n ? "; " : "",
							      summary_domain_name(r->score->domains[k].domain));
			if (n < sizeof(line))
				snprintf(line + n, sizeof(line) - n, ": %s", sw->unscored_group);
			sline(fp, line);
			continue;
		}
		if (!ds->scored) {
			/* Unscored for want of figures (not a domain shown only, not one not
			 * started in the period): its malus is open, not nil. */
			const struct sk_domain *dm = ds->domain;

			unscored += dm->scored && !(dm->has_start && dm->start_day >= r->period.end / 86400);
			/* On one line, past the column when the name is longer. */
			struct scol ucols[] = { { 35, 0 }, { 60, 0 } };
			const char *u[2] = { summary_domain_name(ds->domain), w->not_scored };
			char name[512], why[320];

			/* Why (figures missing, not started, the contract's own note), where it
			 * fits the line; else the bare words, the domain's section says why. */
			text_escape(name, sizeof(name), u[0], 0);
			report_domain_reason(w, ds, why, sizeof(why));
			if ((report_width(name) > 35 ? report_width(name) : 35) + 3 + report_width(why) <=
			    WIDTH)
				u[1] = why;
			if (report_width(name) > 35 &&
			    report_width(name) + 3 + report_width(u[1]) <= WIDTH)
				ucols[0].width = report_width(name);
			srow(fp, ucols, 2, u);
			continue;
		}
		cells[1] = sk_dec_format(ds->score, dec, w->mark, b[1], 64);
		cells[2] = sw->colours[sd->colour];
		if (ds->step >= 0) {
			cells[3] = summary_step_text(r, w, ds, b[3], 64);
			cells[4] = report_pct(w, ds->malus, -1, b[4], 64);
		}
		if (ds->has_invoice) {
			cells[5] = summary_money(sw, w, ds->malus_cents, b[5], 64);
			applies = ds->applies_to;
		} else {
			cells[5] = "-";
		}
		if (sd->prev_scored) {
			sk_dec delta = ds->score - sd->prev_score;
			char num[48];

			cells[6] = sk_dec_format(sd->prev_score, dec, w->mark, b[6], 64);
			sk_dec_format(delta < 0 ? -delta : delta, dec, w->mark, num, sizeof(num));
			snprintf(b[7], 64, "%s%s", delta < 0 ? "-" : delta > 0 ? "+" : "±", num);
			cells[7] = b[7];
		} else {
			cells[6] = "—";
			cells[7] = "—";
		}
		srow(fp, cols, 8, cells);
	}
	if (r->period.kind == SK_PERIOD_QUARTER && !s->malus_domains) {
		/* No domain with a staffel scored: a total of € 0,00 would read as scored. */
		snprintf(line, sizeof(line), "%s: — (%s)", sw->malus_total, sw->malus_none);
	} else if (r->period.kind == SK_PERIOD_QUARTER) {
		char eur[64];
		size_t n = (size_t)snprintf(line, sizeof(line), "%s: %s", sw->malus_total,
					    summary_money(sw, w, s->malus_cents, eur, sizeof(eur)));

		if (applies && n < sizeof(line))
			n += (size_t)snprintf(line + n, sizeof(line) - n, " %s %s", w->on_invoice_of,
					      applies);
		if (s->malus_unpriced && n < sizeof(line)) {
			n += (size_t)snprintf(line + n, sizeof(line) - n, "; ");
			if (n < sizeof(line))
				n += (size_t)snprintf(line + n, sizeof(line) - n, sw->malus_unpriced,
						      s->malus_unpriced);
		}
		/* A total over some domains only must not read as "no malus". */
		if (unscored && n < sizeof(line)) {
			n += (size_t)snprintf(line + n, sizeof(line) - n, "; ");
			if (n < sizeof(line))
				snprintf(line + n, sizeof(line) - n, sw->malus_unscored, unscored);
		}
	} else {
		snprintf(line, sizeof(line), "%s: — (%s)", sw->malus_total, w->malus_quarterly);
	}
	sline(fp, line);
}

/*
 * The norms without a value in this period or the previous one, on one
 * wrapped line with their norm ("Connectiviteit (norm ≥ 99,7 %)"): rows of
 * dashes would push the summary past its page.
 */
static void no_data(FILE *fp, const struct sk_report *r, const struct report_words *w,
		    const struct summary_words *sw)
{
	const struct sk_report_summary *s = r->summary;
	char line[8192], label[512], against[128];
	size_t n = 0, k = 0;

	for (size_t i = 0; i < s->n_norms && n < sizeof(line); i++) {
		const struct sk_summary_norm *nm = &s->norms[i];
		const char *norm;

		if (nm->now.has_value || nm->prev.has_value)
			continue;
		summary_norm_label(r, w, sw, nm, label, sizeof(label));
		/* "— (norm ≥ 99,7 %)" without its dash. */
		norm = summary_against_text(r, w, nm, against, sizeof(against));
		if (strncmp(norm, "— ", strlen("— ")) == 0)
			norm += strlen("— ");
		n += (size_t)snprintf(line + n, sizeof(line) - n, "%s%s %s", k++ ? "; " : "", label, norm);
	}
	if (!k)
		return;
	{
		char all[8192 + 128];

		snprintf(all, sizeof(all), "%s: %s", sw->no_data_list, line);
		sline(fp, all);
	}
}

/*
 * The ticket KPIs that count fewer tickets than the priority lines, under
 * the table (whom those lines count is said above it): "P2 Hoog: reactie"
 * and "Reactietijd per prioriteit" may differ, and the reader sees why.
 */
static void population(FILE *fp, const struct sk_report *r, const struct report_words *w,
		       const struct summary_words *sw)
{
	char sub[2048];

	if (summary_subset_text(r, w, sw, sub, sizeof(sub))[0])
		sline(fp, sub);
}

static void norms(FILE *fp, const struct sk_report *r, const struct report_words *w,
		  const struct summary_words *sw)
{
	static const struct scol cols[] = { { 43, 0 }, { 19, 0 }, { 13, 0 }, { 9, 1 }, { 10, 1 } };
	const struct sk_report_summary *s = r->summary;
	const char *head[5] = { sw->norm, sw->measured, sw->verdict, sw->previous, sw->change };
	char line[1024], b[5][128], pop[512];
	size_t n;
	int d;

	n = (size_t)snprintf(line, sizeof(line), s->judged == 1 ? sw->norm_met : sw->norms_met, s->met,
			     s->judged);
	if (s->no_data && n < sizeof(line)) {
		n += (size_t)snprintf(line + n, sizeof(line) - n, "; ");
		if (n < sizeof(line))
			n += (size_t)snprintf(line + n, sizeof(line) - n, sw->norms_no_data, s->no_data);
	}
	if (s->has_previous && n < sizeof(line)) {
		n += (size_t)snprintf(line + n, sizeof(line) - n, " (");
		if (n < sizeof(line))
			n += (size_t)snprintf(line + n, sizeof(line) - n, sw->prev_norms, s->prev_met,
					      s->prev_judged);
		if (n < sizeof(line))
			n += (size_t)snprintf(line + n, sizeof(line) - n, ")");
	}
	/* Whom the priority lines count: "P1–P4: storing, verzoek en wijziging, ...". */
	if (summary_population_text(r, w, sw, pop, sizeof(pop))[0] && n < sizeof(line))
		snprintf(line + n, sizeof(line) - n, "; %s", pop);
	fputc('\n', fp);
	sline(fp, line);
	srow(fp, cols, 5, head);
	for (size_t i = 0; i < s->n_norms; i++) {
		const struct sk_summary_norm *nm = &s->norms[i];
		const char *cells[5];

		if (!nm->now.has_value && !nm->prev.has_value)
			continue;   /* in the line after the table */

		cells[0] = summary_norm_label(r, w, sw, nm, b[0], sizeof(b[0]));
		cells[1] = summary_against_text(r, w, nm, b[1], sizeof(b[1]));
		cells[2] = !nm->now.has_value ? sw->no_data : nm->now.met ? sw->met : sw->not_met;
		cells[3] = summary_value_text(r, w, nm, &nm->prev, &d, b[3], sizeof(b[3]));
		cells[4] = summary_change_text(r, w, sw, nm, b[4], sizeof(b[4]));
		srow(fp, cols, 5, cells);
	}
	population(fp, r, w, sw);
	no_data(fp, r, w, sw);
}

static void closing(FILE *fp, const struct sk_report *r, const struct report_words *w,
		    const struct summary_words *sw)
{
	const struct sk_contract *c = r->contract;
	const struct sk_report_summary *s = r->summary;
	char line[1024], b[256];
	size_t n, k = 0;

	fputc('\n', fp);
	n = (size_t)snprintf(line, sizeof(line), "%s:", sw->escalations);
	if (!r->n_escalations && n < sizeof(line))
		n += (size_t)snprintf(line + n, sizeof(line) - n, " %s", w->none);
	/* The domains together, their reason said once ("A, B (staffel met escalatie)");
	 * then each complaint. */
	for (size_t i = 0; i < r->n_escalations && n < sizeof(line); i++)
		if (r->escalations[i].kind == 0)
			n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %s", k++ ? "," : "",
					      summary_domain_name(r->score->domains[r->escalations[i].index].domain));
	if (k && n < sizeof(line))
		n += (size_t)snprintf(line + n, sizeof(line) - n, " (%s)", sw->esc_domain);
	for (size_t i = 0; i < r->n_escalations && n < sizeof(line); i++)
		if (r->escalations[i].kind != 0)
			n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %s %s (%s)", k++ ? ";" : "",
					      w->types[SK_TICKET_COMPLAINT],
					      r->complaints[r->escalations[i].index].id, sw->esc_complaint);
	sline(fp, line);
	if (s->overdue_at < r->period.end)
		n = (size_t)snprintf(line, sizeof(line), sw->overdue_horizon,
				     report_time(r, s->overdue_at, b, sizeof(b)));
	else
		n = (size_t)snprintf(line, sizeof(line), "%s", sw->overdue);
	if (n < sizeof(line))
		n += (size_t)snprintf(line + n, sizeof(line) - n, ":");
	if (!s->overdue_total && n < sizeof(line))
		n += (size_t)snprintf(line + n, sizeof(line) - n, " %s", w->none);
	for (size_t p = 0, k = 0; s->overdue_total && p < c->n_priorities && n < sizeof(line); p++)
		if (s->overdue[p])
			n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %s %ld", k++ ? "," : "",
					      c->priorities[p].id, s->overdue[p]);
	if (s->overdue_total && n < sizeof(line))
		n += (size_t)snprintf(line + n, sizeof(line) - n, " (%s %ld", sw->overdue_total,
				      s->overdue_total);
	/* Those past their deadline since an earlier period: named in the breaches section. */
	if (s->n_overdue_earlier && n < sizeof(line))
		n += (size_t)snprintf(line + n, sizeof(line) - n, sw->overdue_earlier,
				      (long)s->n_overdue_earlier);
	if (s->overdue_total && n < sizeof(line))
		snprintf(line + n, sizeof(line) - n, ")");
	sline(fp, line);
	/* The notes to both tables, in one paragraph below them; without a previous
	 * period, nothing to say of its columns. */
	summary_places_text(r, w, sw, b, sizeof(b));
	/* One legend, wrapped: the page has no line to spare. */
	n = (size_t)snprintf(line, sizeof(line), "%s%s%s",
			     s->has_previous ? sw->text_note : sw->text_note_now, b[0] ? "; " : "", b);

	for (size_t i = 0; i < s->n_norms && n < sizeof(line); i++)
		if (s->norms[i].per_priority) {
			snprintf(line + n, sizeof(line) - n, "; %s", sw->per_priority_note);
			break;
		}
	sline(fp, line);
}

void report_summary_text(FILE *fp, const struct sk_report *r, const char *lang)
{
	const struct report_words *w = report_words_for(lang);
	const struct summary_words *sw = summary_words_for(lang);
	const struct sk_report_summary *s = r->summary;
	char line[256], name[64];

	if (!s)
		return;
	text_heading(fp, sw->title);
	report_period_name(w, &s->previous, name, sizeof(name));
	if (s->has_previous)
		snprintf(line, sizeof(line), sw->prev_period, name, s->previous.label);
	else if (s->before_start)
		snprintf(line, sizeof(line), sw->prev_before_start, name, s->previous.label);
	else
		snprintf(line, sizeof(line), sw->prev_none, name, s->previous.label);
	sline(fp, line);
	domains(fp, r, w, sw);
	norms(fp, r, w, sw);
	closing(fp, r, w, sw);
}
