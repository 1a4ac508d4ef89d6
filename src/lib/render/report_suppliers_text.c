/*
 * The suppliers' section of the text report: per supplier its hand-overs
 * against its own targets, the time it held tickets, its details and
 * breaches; the share of the desk's breaches a supplier held; where each
 * ticket's time went; and the quarterly scorecard.
 */
#include <stdio.h>
#include <string.h>

#include "report_suppliers_priv.h"

static const struct supplier_words nl = {
	.title = "Leveranciers (Single Point of Contact)", .supplier = "leverancier",
	.handovers_title = "Overdrachten",
	.handovers = "overdrachten", .within = "binnen afspraak", .pct = "%",
	.pending = "lopend", .no_target = "Zonder afspraak", .time = "werktijd",
	.mean = "gemiddeld", .median = "mediaan", .products = "Producten/diensten",
	.contact = "Contact", .mandates = "Mandaat", .technical = "technisch",
	.privacy = "privacy", .financial = "financieel", .breaches = "Overschrijdingen",
	.ticket = "melding", .from = "van", .to = "tot", .clock = "klok", .target = "norm",
	.elapsed = "werktijd", .response = "reactie", .resolution = "oplossing",
	.held = "Eigen overschrijdingen terwijl een leverancier de melding had",
	.held_of = "van", .splits = "Tijdsbesteding per melding (werktijd, melding tot oplossing)",
	.desk = "servicedesk", .customer = "klant (pauze)", .suppliers = "leveranciers",
	.per_supplier = "per leverancier",
	.scorecard = "Scorecard leveranciers per kwartaal", .others = "overige leveranciers",
	.none = "geen", .open = "open", .ref = "referentie", .sheet = "Leveranciers",
	.no_target_note = "overdrachten zonder afspraak (meegeteld bij overdrachten en werktijd, niet"
			  " bij binnen afspraak en %)",
	.splits_note = "werktijd hier volgens de servicetijden van de servicedesk; de overdrachten en"
		       " overschrijdingen hierboven tellen in de servicetijden van elke leverancier"
		       " zelf en kunnen daardoor langer of korter uitvallen",
	.overlap_note = "overlappende overdrachten (%s): de tijd telt bij elke leverancier die de"
			" melding tegelijk had, en één keer in de kolom leveranciers",
};

static const struct supplier_words en = {
	.title = "Suppliers (Single Point of Contact)", .supplier = "supplier",
	.handovers_title = "Hand-overs",
	.handovers = "hand-overs", .within = "within target", .pct = "%",
	.pending = "running", .no_target = "No target", .time = "time",
	.mean = "mean", .median = "median", .products = "Products/services",
	.contact = "Contact", .mandates = "Mandate", .technical = "technical",
	.privacy = "privacy", .financial = "financial", .breaches = "Breaches",
	.ticket = "ticket", .from = "from", .to = "to", .clock = "clock", .target = "target",
	.elapsed = "business time", .response = "response", .resolution = "resolution",
	.held = "The desk's breaches while a supplier held the ticket",
	.held_of = "of", .splits = "Time spent per ticket (business time, report to resolution)",
	.desk = "service desk", .customer = "customer (paused)", .suppliers = "suppliers",
	.per_supplier = "per supplier",
	.scorecard = "Supplier scorecard per quarter", .others = "other suppliers",
	.none = "none", .open = "open", .ref = "reference", .sheet = "Suppliers",
	.no_target_note = "hand-overs without a target (counted in hand-overs and time, not in"
			  " within target and %)",
	.splits_note = "business time here in the service desk's hours; the hand-overs and breaches"
		       " above count in each supplier's own service hours, so they can come out"
		       " longer or shorter",
	.overlap_note = "overlapping hand-overs (%s): the time counts for each supplier that held"
			" the ticket at once, and once in the suppliers column",
};

const struct supplier_words *supplier_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

const struct sk_clock *report_supplier_breached_clock(const struct sk_handover *h, int *resolution)
{
	*resolution = h->resolution.state == SK_CLOCK_BREACHED;
	return *resolution ? &h->resolution : &h->response;
}

/* A supplier as the client knows it: its name, or the others. */
static const char *shown(const struct sk_report_supplier *s, const struct supplier_words *sw,
			 char *buf, size_t size)
{
	if (s->supplier < 0)
		snprintf(buf, size, "(%s)", sw->others);
	else
		snprintf(buf, size, "%s", s->name);
	return buf;
}

/*
 * A table row whose first cell is a supplier's name, wrapped within its
 * column (width -@widths[0]): the figures on the first line, the rest of the
 * name on lines of its own.
 */
static void name_row(FILE *fp, const int *widths, size_t n, const char **v, const char *name)
{
	char piece[128];
	const char *blank[1];

	name = text_cell_piece(name, (size_t)-widths[0], piece, sizeof(piece));
	v[0] = piece;
	text_cells(fp, widths, n, v);
	while (*name) {
		name = text_cell_piece(name, (size_t)-widths[0], piece, sizeof(piece));
		blank[0] = piece;
		text_cells(fp, widths, 1, blank);
	}
}

/* One row of figures: hand-overs, within, %, running, time, mean, median. */
static void figure_cells(const struct report_words *w, const struct sk_supplier_figures *f,
			 int decimals, char b[][48], const char **v)
{
	/* Every hand-over its time counts, also those without a target (a supplier not in the
	 * contract): within and % only over those with one. */
	snprintf(b[0], 48, "%ld", f->handovers + f->without_target);
	snprintf(b[1], 48, "%ld", f->within);
	v[0] = b[0];
	v[1] = b[1];
	v[2] = f->handovers ? report_pct(w, f->pct, decimals, b[2], 48) : "-";
	snprintf(b[3], 48, "%ld", f->pending);
	v[3] = b[3];
	v[4] = report_hm(f->business, b[4], 48);
	v[5] = f->mean >= 0 ? report_hm(f->mean, b[5], 48) : "-";
	v[6] = f->median >= 0 ? report_hm(f->median, b[6], 48) : "-";
}

static void details(FILE *fp, const struct sk_report *r, const struct sk_report_supplier *s,
		    const struct supplier_words *sw, const struct report_words *w)
{
	const struct sk_contract *c = r->contract;
	const struct sk_report_suppliers *all = r->suppliers;
	static const int widths[] = { -12, -16, -16, -10, 8, -9 };
	char name[256], b[6][48];

	fprintf(fp, "\n  %s\n", shown(s, sw, name, sizeof(name)));
	if (s->supplier >= 0) {
		const struct sk_supplier *su = &c->suppliers[s->supplier];
		const char *what[5][2] = {
			{ sw->products, su->products }, { sw->contact, su->contact },
			{ sw->technical, su->mandate_technical }, { sw->privacy, su->mandate_privacy },
			{ sw->financial, su->mandate_financial },
		};

		for (int i = 0; i < 5; i++) {
			char line[2048], esc[2048];

			if (!what[i][1])
				continue;
			if (i >= 2)
				snprintf(line, sizeof(line), "%s %s: %s", sw->mandates, what[i][0],
					 what[i][1]);
			else
				snprintf(line, sizeof(line), "%s: %s", what[i][0], what[i][1]);
			text_escape(esc, sizeof(esc), line, 0);
			fprintf(fp, "    %s\n", esc);
		}
	}
	if (!s->n_breaches) {
		fprintf(fp, "    %s: %s\n", sw->breaches, sw->none);
		return;
	}
	fprintf(fp, "    %s:\n", sw->breaches);
	{
		const char *head[6] = { sw->ticket, sw->from, sw->to, sw->clock, sw->target,
					sw->elapsed };

		fputs("  ", fp);
		text_cells(fp, widths, 6, head);
	}
	for (size_t i = 0; i < s->n_breaches; i++) {
		const struct sk_handover *h = &all->all.h[s->breaches[i]];
		int res;
		const struct sk_clock *k = report_supplier_breached_clock(h, &res);
		const char *v[6] = { h->ticket, report_time(r, h->start, b[1], 48),
				     h->end ? report_time(r, h->end, b[2], 48) : sw->open,
				     res ? sw->resolution : sw->response,
				     report_hm(k->target, b[4], 48), report_hm(k->elapsed, b[5], 48) };

		(void)w;
		fputs("  ", fp);
		text_cells(fp, widths, 6, v);
	}
}

/* The tickets whose suppliers held them at once (H27-011: 3:00 + 4:00 per supplier, 5:00
 * together): each supplier counts its time, the suppliers' column the overlap once. */
static void overlap_note(FILE *fp, const struct sk_report *r, const struct sk_report_suppliers *s,
			 const struct supplier_words *sw)
{
	char ids[512], line[768];
	size_t n = 0;

	ids[0] = '\0';
	for (size_t i = 0; i < s->n_splits && n < sizeof(ids); i++) {
		const struct sk_ticket_split *sp = &s->splits[i];
		int64_t sum = 0;

		for (size_t k = 0; k <= r->contract->n_suppliers; k++)
			sum += sp->per_supplier[k];
		if (sum > sp->suppliers)
			n += (size_t)snprintf(ids + n, sizeof(ids) - n, "%s%s", n ? ", " : "",
					      r->results->r[sp->result].ticket.id);
	}
	if (!n)
		return;
	snprintf(line, sizeof(line), sw->overlap_note, ids);
	text_wrap(fp, 2, 2, line);
}

void report_suppliers_text(FILE *fp, const struct sk_report *r, const char *lang)
{
	const struct sk_report_suppliers *s = r->suppliers;
	const struct report_words *w = report_words_for(lang);
	const struct supplier_words *sw = supplier_words_for(lang);
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;
	static const int widths[] = { -22, 12, 15, 8, 7, 9, 9, 8 };
	char name[256], b[8][48];

	if (!s)
		return;
	text_heading(fp, sw->title);
	{
		const char *head[8] = { sw->supplier, sw->handovers, sw->within, sw->pct,
					sw->pending, sw->time, sw->mean, sw->median };

		text_cells(fp, widths, 8, head);
	}
	for (size_t i = 0; i < s->n; i++) {
		const char *v[8];

		figure_cells(w, &s->s[i].fig, dec, b, v + 1);
		name_row(fp, widths, 8, v, shown(&s->s[i], sw, name, sizeof(name)));
	}
	{
		char line[1024];
		size_t n = (size_t)snprintf(line, sizeof(line), "%s:", sw->no_target_note), n0 = n;

		for (size_t i = 0; i < s->n && n < sizeof(line); i++)
			if (s->s[i].fig.without_target)
				n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %s %ld",
						      n > n0 ? "," : "",
						      shown(&s->s[i], sw, name, sizeof(name)),
						      s->s[i].fig.without_target);
		if (n > n0) {
			fputc('\n', fp);
			text_wrap(fp, 2, 4, line);
		}
	}
	fprintf(fp, "\n  %s: %ld %s %ld", sw->held, s->desk_breaches_held, sw->held_of,
		s->desk_breaches);
	if (s->desk_breaches)
		fprintf(fp, " (%s)", report_pct(w, s->held_pct, dec, b[0], 48));
	fputc('\n', fp);
	for (size_t i = 0; i < s->n; i++)
		details(fp, r, &s->s[i], sw, w);

	text_heading(fp, sw->splits);
	if (!s->n_splits) {
		fprintf(fp, "  %s\n", sw->none);
	} else {
		/* Each supplier that held the ticket on a line of its own, by name. */
		static const int sw_widths[] = { -14, 12, 17, 12, -38 };
		const char *head[5] = { sw->ticket, sw->desk, sw->customer, sw->suppliers,
					sw->per_supplier };

		text_cells(fp, sw_widths, 5, head);
		for (size_t i = 0; i < s->n_splits; i++) {
			const struct sk_ticket_split *sp = &s->splits[i];
			const char *v[5];
			int first = 1;

			v[0] = r->results->r[sp->result].ticket.id;
			v[1] = report_hm(sp->desk, b[1], 48);
			v[2] = report_hm(sp->customer, b[2], 48);
			v[3] = report_hm(sp->suppliers, b[3], 48);
			v[4] = "";
			for (size_t k = 0; k <= c->n_suppliers; k++) {
				char per[256];

				if (!sp->per_supplier[k])
					continue;
				snprintf(per, sizeof(per), "%s %s", k < c->n_suppliers
					 ? (c->suppliers[k].name ? c->suppliers[k].name
					    : c->suppliers[k].id) : sw->others,
					 report_hm(sp->per_supplier[k], b[4], 48));
				if (!first)
					v[0] = v[1] = v[2] = v[3] = "";
				v[4] = per;
				text_cells(fp, sw_widths, 5, v);
				first = 0;
			}
			if (first)
				text_cells(fp, sw_widths, 5, v);
		}
		/* Why a ticket's supplier time here differs from its breach above (H27-013:
		 * 2:45 of the desk's hours, 57:45 of the provider's 07:00-23:00 every day). */
		fputc('\n', fp);
		overlap_note(fp, r, s, sw);
		text_wrap(fp, 2, 2, sw->splits_note);
	}

	text_heading(fp, sw->scorecard);
	{
		int qw[1 + 8];
		const char *head[1 + 8];

		qw[0] = -22;
		head[0] = sw->supplier;
		for (size_t q = 0; q < s->n_quarters && q < 8; q++) {
			qw[q + 1] = 18;
			head[q + 1] = s->quarters[q].label;
		}
		text_cells(fp, qw, 1 + (s->n_quarters < 8 ? s->n_quarters : 8), head);
		for (size_t i = 0; i < s->n; i++) {
			const char *v[1 + 8];
			char qb[8][64];

			for (size_t q = 0; q < s->n_quarters && q < 8; q++) {
				const struct sk_supplier_figures *f = &s->s[i].quarters[q];
				char p[48];

				if (f->handovers)
					snprintf(qb[q], 64, "%ld/%ld %s", f->within, f->handovers,
						 report_pct(w, f->pct, dec, p, sizeof(p)));
				else
					snprintf(qb[q], 64, "-");
				v[q + 1] = qb[q];
			}
			name_row(fp, qw, 1 + (s->n_quarters < 8 ? s->n_quarters : 8), v,
				 shown(&s->s[i], sw, name, sizeof(name)));
		}
	}
}
