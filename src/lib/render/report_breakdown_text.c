/*
 * The breakdowns in the text report: compliance per category, location and
 * resolver group; open tickets by age; the time paused; and the median and
 * 90th percentile beside the mean of the response and resolution times.
 */
#include <stdio.h>
#include <string.h>

#include "report_breakdown_priv.h"

static const struct breakdown_words nl = {
	.title = "Uitsplitsingen",
	.dim_title = { "Naleving per categorie", "Naleving per locatie",
		       "Naleving per behandelgroep" },
	.dim_col = { "categorie", "locatie", "behandelgroep" },
	.population = "Tickets met een reactie- of oplosklok die in de periode is beslist (binnen "
		      "of buiten de norm), zonder de apart vermelde; opgeteld gelijk aan de tabel "
		      "per prioriteit.",
	.no_groups = "De geïmporteerde exports noemen geen behandelgroep.",
	.empty = { "(geen categorie)", "(geen locatie)", "(geen behandelgroep)" },
	 .tickets = "tickets", .response_within = "reactie binnen",
	.resolution_within = "oplossing binnen",
	.backlog = "Openstaande tickets naar leeftijd",
	.backlog_note = "Tickets die nog niet opgelost zijn, zonder de apart vermelde. Leeftijd: "
			"werktijd sinds de aanmelding op de kalender van de prioriteit, in "
			"werkdagen (één werkdag is de standaarddag van die kalender; gepauzeerde "
			"tijd telt mee). Oudste: de leeftijd van het oudste open ticket in "
			"werktijd (u:mm).",
	.at_end = "Stand aan het einde van de periode.",
	.at_horizon = "Stand op %s, de horizon van de gegevens (vóór het einde van de periode).",
	.ages = "werkdagen",
	.age = { "< 1", "1 tot 5", "5 tot 20", "20 of meer" },
	.priority = "prioriteit", .open = "open", .oldest = "oudste",
	.paused = "Gepauzeerde tijd per prioriteit",
	.paused_note = "Oplosklokken die in de periode zijn beslist; werktijd (u:mm) waarin de "
		       "klok stilstond omdat er op de klant of een derde werd gewacht, in totaal en "
		       "gemiddeld per beslist ticket.",
	.decided = "beslist", .with_pause = "met pauze", .total = "totaal", .mean = "gemiddeld",
	.times = "Reactie- en oplostijden per prioriteit (werktijd)",
	.times_note = "Werktijd (u:mm, pauzes niet meegeteld) van de klokken die in de periode "
		      "zijn gestopt; de oplostijd over dezelfde tickets als de MTTR. Mediaan: de "
		      "middelste tijd (bij een even aantal de lagere van de twee); 90e percentiel: "
		      "de tijd waarop of waaronder 90 % van de klokken bleef.",
	.clock = "klok", .count = "aantal", .median = "mediaan", .p90 = "90e percentiel",
	.response = "reactie", .resolution = "oplossing", .none = "geen",
	.sheet = "Uitsplitsingen", .response_n = "reactie beslist",
	.resolution_n = "oplossing beslist", .pct = "%",
	.age_long = { "< 1 werkdag", "1 tot 5 werkdagen", "5 tot 20 werkdagen",
		      "20 werkdagen of meer" },
};

static const struct breakdown_words en = {
	.title = "Breakdowns",
	.dim_title = { "Compliance per category", "Compliance per location",
		       "Compliance per resolver group" },
	.dim_col = { "category", "location", "resolver group" },
	.population = "Tickets with a response or resolution clock decided in the period (within "
		      "or beyond the target), those listed apart left out; added up they equal the "
		      "priority table.",
	.no_groups = "The imported exports name no resolver group.",
	.empty = { "(no category)", "(no location)", "(no resolver group)" },
	 .tickets = "tickets", .response_within = "response within",
	.resolution_within = "resolution within",
	.backlog = "Open tickets by age",
	.backlog_note = "Tickets not yet resolved, those listed apart left out. Age: business time "
			"since registration on the priority's calendar, in working days (one "
			"working day is that calendar's standard day; time paused counts). Oldest: the age of the oldest open ticket in business "
			"time (h:mm).",
	.at_end = "As at the end of the period.",
	.at_horizon = "As at %s, the data's horizon (before the end of the period).",
	.ages = "working days",
	.age = { "< 1", "1 to 5", "5 to 20", "20 or more" },
	.priority = "priority", .open = "open", .oldest = "oldest",
	.paused = "Paused time per priority",
	.paused_note = "Resolution clocks decided in the period; business time (h:mm) the clock "
		       "stood still while waiting for the customer or a third party, in total and as a "
		       "mean per decided ticket.",
	.decided = "decided", .with_pause = "paused", .total = "total", .mean = "mean",
	.times = "Response and resolution times per priority (business time)",
	.times_note = "Business time (h:mm, pauses left out) of the clocks that stopped in the "
		      "period; resolution over the same tickets as the MTTR. Median: the middle "
		      "time (of an even count the lower of the two); 90th percentile: the time 90 % "
		      "of the clocks stayed at or under.",
	.clock = "clock", .count = "count", .median = "median", .p90 = "90th percentile",
	.response = "response", .resolution = "resolution", .none = "none",
	.sheet = "Breakdowns", .response_n = "responses decided",
	.resolution_n = "resolutions decided", .pct = "%",
	.age_long = { "< 1 working day", "1 to 5 working days", "5 to 20 working days",
		      "20 working days or more" },
};

const char *const breakdown_dim_key[SK_BREAKDOWN_DIMS] = { "category", "location",
							    "resolver_group" };
const char *const breakdown_age_key[SK_AGE_BUCKETS] = { "under_1", "1_to_5", "5_to_20",
							 "20_up" };

const struct breakdown_words *breakdown_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

/* "11/12 91,7 %", or "-" when nothing was decided. */
static const char *share(const struct report_words *w, long within, long n, sk_dec pct,
			 int decimals, char *buf, size_t size)
{
	char p[48];

	if (!n)
		return "-";
	snprintf(buf, size, "%ld/%ld %s", within, n, report_pct(w, pct, decimals, p, sizeof(p)));
	return buf;
}

static void dimension(FILE *fp, const struct sk_report *r, int dim,
		      const struct breakdown_words *bw, const struct report_words *w)
{
	const struct sk_breakdown_table *t = &r->breakdown->dims[dim];
	static const int widths[] = { -40, 8, 17, 17 };
	int dec = r->contract->rules.pct_decimals;

	text_heading(fp, bw->dim_title[dim]);
	if (dim == SK_BREAKDOWN_GROUP && !t->recorded) {
		text_wrap(fp, 2, 2, bw->no_groups);
		return;
	}
	if (!t->n) {
		fprintf(fp, "  %s\n", bw->none);
		return;
	}
	{
		const char *head[4] = { bw->dim_col[dim], bw->tickets, bw->response_within,
					bw->resolution_within };

		text_cells(fp, widths, 4, head);
	}
	for (size_t i = 0; i < t->n; i++) {
		const struct sk_breakdown_row *x = &t->rows[i];
		char n[24], a[64], b[64];
		const char *v[4] = { x->name[0] ? x->name : bw->empty[dim], n,
				     share(w, x->response_within, x->response_n, x->response_pct,
					   dec, a, sizeof(a)),
				     share(w, x->resolution_within, x->resolution_n,
					   x->resolution_pct, dec, b, sizeof(b)) };

		snprintf(n, sizeof(n), "%ld", x->tickets);
		text_cells(fp, widths, 4, v);
	}
	text_wrap(fp, 2, 2, bw->population);
}

static void backlog(FILE *fp, const struct sk_report *r, const struct breakdown_words *bw)
{
	const struct sk_report_breakdown *b = r->breakdown;
	static const int widths[] = { -20, 6, 8, 8, 9, 11, 9 };
	char line[256], at[48];

	text_heading(fp, bw->backlog);
	{
		const char *head[7] = { bw->priority, bw->open, bw->age[0], bw->age[1], bw->age[2],
					bw->age[3], bw->oldest };

		snprintf(line, sizeof(line), "%*s%s", 28, "", bw->ages);
		fprintf(fp, "  %s\n", line);
		text_cells(fp, widths, 7, head);
	}
	for (size_t p = 0; p < b->n_prio; p++) {
		const struct sk_breakdown_prio *x = &b->prio[p];
		char label[128], c[6][24];
		const char *v[7];

		v[0] = report_prio_label(r->contract, x->priority, label, sizeof(label));
		snprintf(c[0], 24, "%ld", x->open);
		v[1] = c[0];
		for (int k = 0; k < SK_AGE_BUCKETS; k++) {
			snprintf(c[k + 1], 24, "%ld", x->age[k]);
			v[k + 2] = c[k + 1];
		}
		v[6] = x->oldest >= 0 ? report_hm(x->oldest, c[5], 24) : "-";
		text_cells(fp, widths, 7, v);
	}
	text_wrap(fp, 2, 2, bw->backlog_note);
	if (b->backlog_at_horizon) {
		snprintf(line, sizeof(line), bw->at_horizon, report_time(r, b->backlog_at - 1, at,
									 sizeof(at)));
		text_wrap(fp, 2, 2, line);
	} else {
		text_wrap(fp, 2, 2, bw->at_end);
	}
}

static void paused(FILE *fp, const struct sk_report *r, const struct breakdown_words *bw)
{
	const struct sk_report_breakdown *b = r->breakdown;
	static const int widths[] = { -20, 9, 10, 10, 10 };

	text_heading(fp, bw->paused);
	{
		const char *head[5] = { bw->priority, bw->decided, bw->with_pause, bw->total,
					bw->mean };

		text_cells(fp, widths, 5, head);
	}
	for (size_t p = 0; p < b->n_prio; p++) {
		const struct sk_breakdown_prio *x = &b->prio[p];
		char label[128], c[4][24];
		const char *v[5];

		snprintf(c[0], 24, "%ld", x->paused_n);
		snprintf(c[1], 24, "%ld", x->paused_tickets);
		v[0] = report_prio_label(r->contract, x->priority, label, sizeof(label));
		v[1] = c[0];
		v[2] = c[1];
		v[3] = report_hm(x->paused_total, c[2], 24);
		v[4] = x->paused_mean >= 0 ? report_hm(x->paused_mean, c[3], 24) : "-";
		text_cells(fp, widths, 5, v);
	}
	text_wrap(fp, 2, 2, bw->paused_note);
}

static void times(FILE *fp, const struct sk_report *r, const struct breakdown_words *bw)
{
	const struct sk_report_breakdown *b = r->breakdown;
	static const int widths[] = { -20, -10, 7, 10, 10, 15 };

	text_heading(fp, bw->times);
	{
		const char *head[6] = { bw->priority, bw->clock, bw->count, bw->mean, bw->median,
					bw->p90 };

		text_cells(fp, widths, 6, head);
	}
	for (size_t p = 0; p < b->n_prio; p++) {
		const struct sk_breakdown_prio *x = &b->prio[p];
		char label[128];

		for (int k = 0; k < 2; k++) {
			long n = k ? x->resolution_n : x->response_n;
			int64_t m[3] = { k ? x->resolution_mean : x->response_mean,
					 k ? x->resolution_median : x->response_median,
					 k ? x->resolution_p90 : x->response_p90 };
			char c[4][24];
			const char *v[6];

			snprintf(c[0], 24, "%ld", n);
			v[0] = k ? "" : report_prio_label(r->contract, x->priority, label,
							  sizeof(label));
			v[1] = k ? bw->resolution : bw->response;
			v[2] = c[0];
			for (int i = 0; i < 3; i++)
				v[3 + i] = m[i] >= 0 ? report_hm(m[i], c[1 + i], 24) : "-";
			text_cells(fp, widths, 6, v);
		}
	}
	text_wrap(fp, 2, 2, bw->times_note);
}

void report_breakdown_text(FILE *fp, const struct sk_report *r, const char *lang)
{
	const struct report_words *w = report_words_for(lang);
	const struct breakdown_words *bw = breakdown_words_for(lang);

	if (!r->breakdown)
		return;
	for (int dim = 0; dim < SK_BREAKDOWN_DIMS; dim++)
		dimension(fp, r, dim, bw, w);
	backlog(fp, r, bw);
	paused(fp, r, bw);
	times(fp, r, bw);
}
