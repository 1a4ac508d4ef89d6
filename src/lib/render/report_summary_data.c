/*
 * The management summary's words (nl, en) and what every format of it
 * shares: the norms' labels, their values against the norm, the change
 * against the previous period, amounts in euros.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report_summary_priv.h"
#include "slakit/datetime.h"

static const struct summary_words nl = {
	.title = "Samenvatting", .annex = "Bijlage: verantwoording", .domain = "domein",
	.score = "score", .colour = "kleur", .step = "trede", .malus = "malus",
	.malus_eur = "malus €", .previous = "vorige", .change = "verschil",
	.colours = { "-", "groen", "oranje", "rood" },
	.colour_note = "kleur per staffeltrede: groen zonder malus, oranje met malus zonder escalatie, "
		       "rood met escalatie of de laagste trede",
	.norm = "norm", .measured = "gemeten tegen norm", .verdict = "oordeel", .met = "gehaald",
	.not_met = "niet gehaald", .no_data = "geen gegevens",
	.norms_met = "%ld van %ld normen gehaald", .norm_met = "%ld van %ld norm gehaald", .norms_no_data = "%ld zonder gegevens",
	.prev_norms = "vorige periode: %ld van %ld",
	.prev_period = "Vorige periode ter vergelijking: %s (%s)",
	.prev_none = "Vorige periode %s (%s): geen gegevens",
	.prev_before_start = "Vorige periode %s (%s): geen gegevens (vóór de start van het contract)",
	.malus_total = "Malus totaal", .malus_unpriced = "%d domein(en) met malus zonder factuurbedrag",
	.malus_unscored = "%d domein(en) niet gescoord, hun malus is niet bepaald",
	.malus_none = "geen domein met een malusstaffel gescoord, er is geen malus bepaald",
	.escalations = "Escalaties", .esc_domain = "staffel met escalatie",
	.esc_complaint = "klacht boven de grens",
	.overdue = "Open en over de termijn aan het eind van de periode",
	.overdue_horizon = "Open en over de termijn op %s (het laatste moment van de gegevens)",
	.overdue_total = "totaal", .overdue_earlier = ", waarvan %ld al sinds een eerdere periode",
	.points = "%-punt", .availability = "beschikbaarheid",
	.sheet = "Samenvatting", .sheet_annex = "Verantwoording", .currency = "€ ",
	.escalation = "escalatie",
	.change_note = "vorige: dezelfde norm in de vorige periode; verschil: deze periode min de "
		       "vorige, in procentpunten bij percentages; —: geen gegevens",
	.no_data_list = "Zonder gegevens in deze en de vorige periode",
	.per_priority_note = "*: norm per prioriteit: gehaald als elke prioriteit haar eigen norm haalt",
	.text_note = "kleur: groen zonder malus, oranje malus zonder escalatie, rood escalatie of "
		     "laagste trede; vorige: dezelfde norm in de vorige periode; verschil: in "
		     "procentpunten bij percentages; —: geen gegevens",
	.text_note_now = "kleur: groen zonder malus, oranje malus zonder escalatie, rood escalatie "
			 "of laagste trede",
	.population = "%s: %s, %s", .per_type = "elk met de termijn van zijn type",
	.per_prio = "één termijn per prioriteit",
	.unscored_group = "niet gescoord, het contract scoort deze domeinen niet",
	.and = " en ", .counts_only = "%s telt alleen %s", .count_only = "%s tellen alleen %s",
	.of_prio = "%s van %s", .malus_on = "daarop is de malus gebaseerd",
	.score_on = "daarop is de score van het domein gebaseerd",
	.decimals_rule = "percentages op %d %s, meer waar afronden zou misleiden",
	.place = "decimaal", .places = "decimalen",
};

static const struct summary_words en = {
	.title = "Summary", .annex = "Annex: audit trail", .domain = "domain", .score = "score",
	.colour = "colour", .step = "step", .malus = "rate", .malus_eur = "penalty EUR",
	.previous = "previous", .change = "change",
	.colours = { "-", "green", "amber", "red" },
	.colour_note = "colour by step of the penalty scale: green without penalty, amber with a "
		       "penalty and no escalation, red with escalation or the lowest step",
	.norm = "norm", .measured = "measured vs norm", .verdict = "verdict", .met = "met",
	.not_met = "not met", .no_data = "no data",
	.norms_met = "%ld of %ld norms met", .norm_met = "%ld of %ld norm met", .norms_no_data = "%ld without data",
	.prev_norms = "previous period: %ld of %ld",
	.prev_period = "Previous period for comparison: %s (%s)",
	.prev_none = "Previous period %s (%s): no data",
	.prev_before_start = "Previous period %s (%s): no data (before the contract starts)",
	.malus_total = "Total penalty", .malus_unpriced = "%d domain(s) with a penalty but no invoice amount",
	.malus_unscored = "%d domain(s) not scored, their penalty not determined",
	.malus_none = "no domain with a penalty scale scored, no penalty determined",
	.escalations = "Escalations", .esc_domain = "escalation by the penalty scale",
	.esc_complaint = "complaint beyond its limit",
	.overdue = "Open and past their deadline at the end of the period",
	.overdue_horizon = "Open and past their deadline at %s (the data's last moment)",
	.overdue_total = "total", .overdue_earlier = ", of which %ld since an earlier period",
	.points = "pp", .availability = "availability",
	.sheet = "Summary", .sheet_annex = "Audit trail", .currency = "EUR ", .escalation = "escalation",
	.change_note = "previous: the same norm in the previous period; change: this period less "
		       "the previous one, in percentage points for percentages; —: no data",
	.no_data_list = "Without data in this and the previous period",
	.per_priority_note = "*: a norm per priority: met when each priority met its own norm",
	.text_note = "colour: green no penalty, amber penalty without escalation, red escalation or "
		     "lowest step; previous: the same norm in the previous period; change: in "
		     "percentage points for percentages; —: no data",
	.text_note_now = "colour: green no penalty, amber penalty without escalation, red escalation or "
			 "lowest step",
	.population = "%s: %s, %s", .per_type = "each against the target for its type",
	.per_prio = "one target per priority",
	.unscored_group = "not scored, the contract does not score these domains",
	.and = " and ", .counts_only = "%s counts only %s", .count_only = "%s count only %s",
	.of_prio = "%s %s", .prio_first = 1,
	.malus_on = "the penalty is based on it", .malus_on_many = "the penalty is based on them",
	.score_on = "the domain's score is based on it",
	.score_on_many = "the domain's score is based on them",
	.decimals_rule = "percentages to %d %s, more where rounding would mislead",
	.place = "decimal place", .places = "decimal places",
};

const struct summary_words *summary_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

char *summary_money(const struct summary_words *sw, const struct report_words *w, int64_t cents,
		    char *buf, size_t size)
{
	char plain[48], grouped[64];
	size_t n = 0, len, intlen;

	sk_cents_format(cents, w->mark, plain, sizeof(plain));
	if (w->mark == ',') {
		/* Dutch: sk_cents_format() groups with '.' itself. */
		snprintf(buf, size, "%s%s", sw->currency, plain);
		return buf;
	}
	/* English: group the whole euros with ','. */
	len = strlen(plain);
	intlen = len - 3;
	for (size_t i = 0; i < len && n + 2 < sizeof(grouped); i++) {
		size_t digits = intlen - i;

		if (i > 0 && i < intlen && plain[i - 1] != '-' && digits % 3 == 0)
			grouped[n++] = ',';
		grouped[n++] = plain[i];
	}
	grouped[n] = '\0';
	snprintf(buf, size, "%s%s", sw->currency, grouped);
	return buf;
}

char *summary_norm_label(const struct sk_report *r, const struct report_words *w,
			 const struct summary_words *sw, const struct sk_summary_norm *n, char *buf,
			 size_t size)
{
	const struct sk_contract *c = r->contract;
	char p[96];

	switch (n->kind) {
	case SK_NORM_PRIORITY:
		snprintf(buf, size, "%s: %s", report_prio_label(c, n->priority, p, sizeof(p)),
			 n->resolution ? w->resolution : w->response);
		break;
	case SK_NORM_KPI: {
		const struct sk_kpi *k = r->score->domains[n->domain].kpis[n->kpi].kpi;

		snprintf(buf, size, "%s", k->name ? k->name : k->id);
		break;
	}
	default: {
		const struct sk_service *s = &c->services[n->service];

		snprintf(buf, size, "%s: %s", s->name ? s->name : s->id, sw->availability);
		break;
	}
	}
	return buf;
}

char *summary_step_text(const struct sk_report *r, const struct report_words *w,
			const struct sk_domain_score *ds, char *buf, size_t size)
{
	const struct sk_contract *c = r->contract;
	char num[48];

	if (ds->step < 0 || (size_t)ds->step >= c->n_staffel) {
		snprintf(buf, size, "-");
		return buf;
	}
	/* The lowest step from 0 reads as what it is: below the step above it. */
	if (ds->step > 0 && (size_t)ds->step == c->n_staffel - 1 && c->staffel[ds->step].min_score <= 0)
		snprintf(buf, size, "< %s", sk_dec_format(c->staffel[ds->step - 1].min_score, 2, w->mark,
							  num, sizeof(num)));
	else
		snprintf(buf, size, "≥ %s", sk_dec_format(c->staffel[ds->step].min_score, 2, w->mark,
							  num, sizeof(num)));
	return buf;
}

int summary_places(sk_dec v)
{
	char b[48];
	const char *dot;

	sk_dec_format_short(v, '.', b, sizeof(b));
	dot = strchr(b, '.');
	return dot ? (int)strlen(dot + 1) : 0;
}

char *summary_value_text(const struct sk_report *r, const struct report_words *w,
			 const struct sk_summary_norm *n, const struct sk_summary_value *v,
			 int *decimals, char *buf, size_t size)
{
	/* Percentages, of tickets or KPIs or services, with the contract's places. */
	int pct = r->contract->rules.pct_decimals, dflt = n->percent ? pct : 2;
	struct report_figure f;

	*decimals = -1;
	if (!v->has_value) {
		snprintf(buf, size, "—");
		return buf;
	}
	if (n->kind == SK_NORM_PRIORITY)
		report_figure(SK_DEC(v->within), SK_DEC(v->n), n->norm, n->direction, v->met, pct, &f);
	else if (v->met >= 0 && !n->per_priority)
		report_figure(v->value, SK_DEC(100), n->norm, n->direction, v->met, dflt, &f);
	else
		/* No one norm beside it (norms per priority, or none): as it is, rounded. */
		f = (struct report_figure){ sk_dec_round(v->value, dflt), dflt, 0 };
	if (!n->percent && !f.bound) {
		/* Counts and marks as short as they are exact ("1", "8,1"), a mean of
		 * months (8,066667) to the figure's places ("8,07"); hours say so. */
		const char *unit = n->kind == SK_NORM_KPI
			? report_unit_suffix(w, r->score->domains[n->domain].kpis[n->kpi].kpi) : "";
		size_t len;

		if (summary_places(v->value) <= f.decimals) {
			sk_dec_format_short(v->value, w->mark, buf, size);
			*decimals = summary_places(v->value);
		} else {
			sk_dec_format(v->value, f.decimals, w->mark, buf, size);
			*decimals = f.decimals;
		}
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s", unit);
		return buf;
	}
	if (!f.bound)
		*decimals = f.decimals;
	if (n->percent)
		return report_figure_pct(w, &f, n->norm, buf, size);
	snprintf(buf, size, "%c", f.bound);
	sk_dec_format_short(n->norm, w->mark, buf + 1, size - 1);
	return buf;
}

char *summary_against_text(const struct sk_report *r, const struct report_words *w,
			   const struct sk_summary_norm *n, char *buf, size_t size)
{
	const struct sk_summary_value *v = &n->now;
	const char *op;
	char val[64], nrm[64];
	int d;

	summary_value_text(r, w, n, v, &d, val, sizeof(val));
	if (n->per_priority && v->has_value) {
		/* Each priority against its own norm: '*' points to the note under the table. */
		snprintf(buf, size, "%s *", val);
		return buf;
	}
	if (d < 0 && v->has_value) {
		/* A bound ("<98 %") says it against the norm already. */
		snprintf(buf, size, "%s", val);
		return buf;
	}
	/* A percentage norm with the contract's places, never fewer than its own ("95,0 %",
	 * "99,75 %"), whatever places the value needed; a count or mark with the value's. */
	if (n->percent && v->has_value)
		d = r->contract->rules.pct_decimals;
	else if (!v->has_value)
		d = -1;     /* "(norm ≥ 99,7 %)" in the line of norms without data: as written */
	if (d < summary_places(n->norm))
		d = summary_places(n->norm);
	sk_dec_format(n->norm, d, w->mark, nrm, sizeof(nrm));
	if (n->percent)
		strncat(nrm, " %", sizeof(nrm) - strlen(nrm) - 1);
	else if (n->kind == SK_NORM_KPI)
		strncat(nrm, report_unit_suffix(w, r->score->domains[n->domain].kpis[n->kpi].kpi),
			sizeof(nrm) - strlen(nrm) - 1);
	if (!v->has_value) {
		snprintf(buf, size, "— (%s %s %s)", w->norm,
			 n->direction == SK_LOWER_IS_BETTER ? "≤" : "≥", nrm);
		return buf;
	}
	if (n->direction == SK_LOWER_IS_BETTER)
		op = v->met ? "≤" : ">";
	else
		op = v->met ? "≥" : "<";
	snprintf(buf, size, "%s %s %s", val, op, nrm);
	return buf;
}

int summary_change_places(const struct sk_report *r, const struct report_words *w,
			  const struct sk_summary_norm *n)
{
	char a[64];
	int da, db, d;

	summary_value_text(r, w, n, &n->now, &da, a, sizeof(a));
	summary_value_text(r, w, n, &n->prev, &db, a, sizeof(a));
	d = da > db ? da : db;
	return d >= 0 ? d : n->percent ? r->contract->rules.pct_decimals : 2;
}

char *summary_change_text(const struct sk_report *r, const struct report_words *w,
			  const struct summary_words *sw, const struct sk_summary_norm *n, char *buf,
			  size_t size)
{
	char num[48];
	int d;
	sk_dec delta;

	if (!n->now.has_value || !n->prev.has_value) {
		snprintf(buf, size, "—");
		return buf;
	}
	d = summary_change_places(r, w, n);
	delta = sk_dec_round(n->now.value - n->prev.value, d);
	sk_dec_format(delta < 0 ? -delta : delta, d, w->mark, num, sizeof(num));
	(void)sw;
	snprintf(buf, size, "%s%s", delta < 0 ? "-" : delta > 0 ? "+" : "±", num);
	return buf;
}

/* 1 when the summary shows a priority's line (a value in this or the previous period). */
static int prio_shown(const struct sk_report_summary *s, int priority)
{
	for (size_t i = 0; i < s->n_norms; i++)
		if (s->norms[i].kind == SK_NORM_PRIORITY && s->norms[i].priority == priority &&
		    (s->norms[i].now.has_value || s->norms[i].prev.has_value))
			return 1;
	return 0;
}

/* The ticket types the summary's priority lines count in the period (bit 1 << type). */
static unsigned prio_types(const struct sk_report *r)
{
	unsigned types = 0;

	for (size_t i = 0; i < r->n_prio; i++) {
		const struct sk_report_prio *p = &r->prio[i];

		if (p->type >= 0 && p->type < SK_TICKET_TYPES && (p->response_n || p->resolution_n) &&
		    prio_shown(r->summary, p->priority))
			types |= 1u << p->type;
	}
	return types;
}

/* "storing, verzoek en wijziging" (@last: the word before the last one, or ", "). */
static size_t type_list(const struct report_words *w, unsigned types, const char *last,
			char *buf, size_t size)
{
	size_t n = 0;
	int k = 0, total = 0;

	buf[0] = '\0';
	for (int t = 0; t < SK_TICKET_TYPES; t++)
		total += (types >> t) & 1;
	for (int t = 0; t < SK_TICKET_TYPES && n < size; t++)
		if (types & (1u << t)) {
			k++;
			n += (size_t)snprintf(buf + n, size - n, "%s%s",
					      k == 1 ? "" : k == total ? last : ", ", w->types[t]);
		}
	return n;
}

/* 1 when the targets of the priorities shown differ between the types @types. */
static int targets_per_type(const struct sk_report *r, unsigned types)
{
	const struct sk_contract *c = r->contract;

	for (size_t p = 0; p < c->n_priorities; p++) {
		int first = -1;

		if (!prio_shown(r->summary, (int)p))
			continue;
		for (int t = 0; t < SK_TICKET_TYPES; t++) {
			if (!(types & (1u << t)))
				continue;
			if (first < 0)
				first = t;
			else if (memcmp(&c->priorities[p].response[t], &c->priorities[p].response[first],
					sizeof(struct sk_duration)) ||
				 memcmp(&c->priorities[p].resolution[t],
					&c->priorities[p].resolution[first], sizeof(struct sk_duration)))
				return 1;
		}
	}
	return 0;
}

/*
 * 1 when the summary shows ticket KPI @ks and it measures the priority lines'
 * clocks per priority on fewer tickets than they count: a `type=` without
 * some type they count (@types), or a `priority=`.
 */
static int counts_fewer(const struct sk_report *r, size_t d, size_t k, unsigned types)
{
	const struct sk_report_summary *s = r->summary;
	const struct sk_kpi *kp = r->score->domains[d].kpis[k].kpi;
	int shown = 0;

	if (kp->source_kind != SK_SRC_RESPONSE && kp->source_kind != SK_SRC_RESOLUTION)
		return 0;
	for (size_t i = 0; i < s->n_norms; i++)
		shown |= s->norms[i].kind == SK_NORM_KPI && s->norms[i].domain == d &&
			 s->norms[i].kpi == k;
	return shown && ((kp->source_types && (types & ~kp->source_types)) ||
			 kp->source_priority >= 0);
}

/* The priorities the summary shows: "P1–P4" when they follow each other, else "P1, P3". */
static char *prio_range(const struct sk_report *r, const struct summary_words *sw, char *buf,
			size_t size)
{
	const struct sk_contract *c = r->contract;
	int first = -1, last = -1, gap = 0, count = 0;
	size_t n = 0;

	for (size_t p = 0; p < c->n_priorities; p++)
		if (prio_shown(r->summary, (int)p)) {
			gap |= last >= 0 && (size_t)last + 1 != p;
			if (first < 0)
				first = (int)p;
			last = (int)p;
			count++;
		}
	buf[0] = '\0';
	if (first < 0)
		return buf;
	if (!gap && count > 2) {
		snprintf(buf, size, "%s–%s", c->priorities[first].id, c->priorities[last].id);
		return buf;
	}
	for (int p = first, k = 0; p <= last && n < size; p++)
		if (prio_shown(r->summary, p)) {
			k++;
			n += (size_t)snprintf(buf + n, size - n, "%s%s",
					      k == 1 ? "" : k == count ? sw->and : ", ", c->priorities[p].id);
		}
	return buf;
}

char *summary_population_text(const struct sk_report *r, const struct report_words *w,
			      const struct summary_words *sw, char *buf, size_t size)
{
	unsigned types = prio_types(r);
	char list[256], sub[8], range[128];
	int several = (types & (types - 1)) != 0;

	buf[0] = '\0';
	if (!types || (!several && !summary_subset_text(r, w, sw, sub, sizeof(sub))[0]))
		return buf;
	type_list(w, types, sw->and, list, sizeof(list));
	snprintf(buf, size, sw->population, prio_range(r, sw, range, sizeof(range)), list,
		 several && targets_per_type(r, types) ? sw->per_type : sw->per_prio);
	return buf;
}

char *summary_subset_text(const struct sk_report *r, const struct report_words *w,
			  const struct summary_words *sw, char *buf, size_t size)
{
	unsigned types = prio_types(r);
	size_t nd = r->score->n_domains, n = 0;

	buf[0] = '\0';
	if (!types)
		return buf;
	/* One sentence per `type=` and `priority=` written, its KPIs named in it. */
	for (size_t d = 0; d < nd; d++)
		for (size_t k = 0; k < r->score->domains[d].n_kpis; k++) {
			const struct sk_kpi *kp = r->score->domains[d].kpis[k].kpi;
			char names[512], what[320], list[256];
			size_t nn = 0;
			int count = 0, malus = 0, scored = 0, seen = 0;

			if (!counts_fewer(r, d, k, types))
				continue;
			/* Only at the first KPI of its kind: the others join its sentence. */
			for (size_t d2 = 0; d2 <= d && !seen; d2++)
				for (size_t k2 = 0; k2 < (d2 < d ? r->score->domains[d2].n_kpis : k); k2++) {
					const struct sk_kpi *o = r->score->domains[d2].kpis[k2].kpi;

					if (counts_fewer(r, d2, k2, types) &&
					    o->source_types == kp->source_types &&
					    o->source_priority == kp->source_priority)
						seen = 1;
				}
			if (seen)
				continue;
			names[0] = '\0';
			for (size_t d2 = d; d2 < nd; d2++)
				for (size_t k2 = d2 == d ? k : 0; k2 < r->score->domains[d2].n_kpis; k2++) {
					const struct sk_domain_score *ds = &r->score->domains[d2];
					const struct sk_kpi *o = ds->kpis[k2].kpi;

					if (!counts_fewer(r, d2, k2, types) || o->source_types != kp->source_types ||
					    o->source_priority != kp->source_priority)
						continue;
					count++;
					if (nn < sizeof(names))
						nn += (size_t)snprintf(names + nn, sizeof(names) - nn, "%s%s",
								      count > 1 ? sw->and : "",
								      o->name ? o->name : o->id);
					if (ds->scored && ds->step >= 0) {
						scored = 1;
						for (size_t st = 0; st < r->contract->n_staffel; st++)
							malus |= r->contract->staffel[st].malus > 0;
					}
				}
			/* "A, B en C": only the last join is the word. */
			if (count > 2)
				for (int j = 0; j < count - 2; j++) {
					char *at = strstr(names, sw->and);
					size_t l = strlen(sw->and);

					if (!at)
						break;
					memmove(at + 2, at + l, strlen(at + l) + 1);
					memcpy(at, ", ", 2);
				}
			if (kp->source_types)
				type_list(w, kp->source_types, sw->and, list, sizeof(list));
			if (kp->source_types && kp->source_priority >= 0) {
				const char *pid = r->contract->priorities[kp->source_priority].id;

				if (sw->prio_first)
					snprintf(what, sizeof(what), sw->of_prio, pid, list);
				else
					snprintf(what, sizeof(what), sw->of_prio, list, pid);
			} else {
				snprintf(what, sizeof(what), "%s", kp->source_types ? list
					 : r->contract->priorities[kp->source_priority].id);
			}
			if (n < size)
				n += (size_t)snprintf(buf + n, size - n, n ? "; " : "");
			if (n < size)
				n += (size_t)snprintf(buf + n, size - n,
						      count > 1 ? sw->count_only : sw->counts_only, names, what);
			if ((malus || scored) && n < size) {
				const char *on = malus ? (count > 1 && sw->malus_on_many ? sw->malus_on_many
								   : sw->malus_on)
						       : (count > 1 && sw->score_on_many ? sw->score_on_many
										 : sw->score_on);

				n += (size_t)snprintf(buf + n, size - n, "; %s", on);
			}
		}
	return buf;
}

char *summary_places_text(const struct sk_report *r, const struct report_words *w,
			  const struct summary_words *sw, char *buf, size_t size)
{
	const struct sk_report_summary *s = r->summary;
	int pct = r->contract->rules.pct_decimals, more = 0;
	char val[64];

	buf[0] = '\0';
	for (size_t i = 0; i < s->n_norms && !more; i++) {
		const struct sk_summary_norm *n = &s->norms[i];
		int d;

		if (!n->percent)
			continue;
		for (int prev = 0; prev < 2; prev++) {
			const struct sk_summary_value *v = prev ? &n->prev : &n->now;

			if (!v->has_value)
				continue;
			summary_value_text(r, w, n, v, &d, val, sizeof(val));
			more |= d != pct;
		}
	}
	if (more)
		snprintf(buf, size, sw->decimals_rule, pct, pct == 1 ? sw->place : sw->places);
	return buf;
}

/* ---- CSV and JSON: the same figures, machine words, '.' as the mark ---- */

static const char *kind_name(const struct sk_summary_norm *n)
{
	return n->kind == SK_NORM_PRIORITY ? "priority" : n->kind == SK_NORM_KPI ? "kpi" : "service";
}

/* The norm's key: "P2/response", "servicedesk.reachability", "service:sso". */
static char *norm_key(const struct sk_report *r, const struct sk_summary_norm *n, char *buf,
		      size_t size)
{
	const struct sk_contract *c = r->contract;

	if (n->kind == SK_NORM_PRIORITY)
		snprintf(buf, size, "%s/%s", c->priorities[n->priority].id,
			 n->resolution ? "resolution" : "response");
	else if (n->kind == SK_NORM_KPI)
		snprintf(buf, size, "%s.%s", r->score->domains[n->domain].domain->id,
			 r->score->domains[n->domain].kpis[n->kpi].kpi->id);
	else
		snprintf(buf, size, "service:%s", c->services[n->service].id);
	return buf;
}

static void csv_value(FILE *fp, const char *key, const char *prefix,
		      const struct sk_summary_value *v)
{
	char name[48];

	snprintf(name, sizeof(name), "%svalue", prefix);
	if (!v->has_value) {
		csv_put(fp, "summary_norm", key, name, "");
		return;
	}
	csv_put_dec(fp, "summary_norm", key, name, v->value, -1);
	snprintf(name, sizeof(name), "%smet", prefix);
	csv_put_long(fp, "summary_norm", key, name, v->met);
	if (v->n) {
		snprintf(name, sizeof(name), "%swithin", prefix);
		csv_put_long(fp, "summary_norm", key, name, v->within);
		snprintf(name, sizeof(name), "%sn", prefix);
		csv_put_long(fp, "summary_norm", key, name, v->n);
	}
}

void report_summary_csv(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_summary *s = r->summary;
	const struct sk_contract *c = r->contract;
	const char *p = r->period.label;
	char key[256];

	if (!s)
		return;
	csv_put(fp, "summary", p, "previous_period", s->previous.label);
	csv_put_long(fp, "summary", p, "previous_has_data", s->has_previous);
	csv_put_long(fp, "summary", p, "norms_met", s->met);
	csv_put_long(fp, "summary", p, "norms_judged", s->judged);
	csv_put_long(fp, "summary", p, "norms_without_data", s->no_data);
	if (s->has_previous) {
		csv_put_long(fp, "summary", p, "previous_norms_met", s->prev_met);
		csv_put_long(fp, "summary", p, "previous_norms_judged", s->prev_judged);
	}
	/* No domain with a staffel scored: no total, not a total of 0 (the text's "—"). */
	if (s->malus_domains)
		csv_put_long(fp, "summary", p, "malus_cents", s->malus_cents);
	else
		csv_put(fp, "summary", p, "malus_cents", "");
	csv_put_long(fp, "summary", p, "malus_scored_domains", s->malus_domains);
	csv_put_long(fp, "summary", p, "malus_priced_domains", s->malus_priced);
	csv_put_long(fp, "summary", p, "malus_unpriced_domains", s->malus_unpriced);
	csv_put_long(fp, "summary", p, "escalations", (int64_t)r->n_escalations);
	csv_put(fp, "summary", p, "overdue_at",
		sk_time_format_local(s->overdue_at, c->tz, key, sizeof(key)));
	csv_put_long(fp, "summary", p, "overdue_total", s->overdue_total);
	for (size_t i = 0; i < c->n_priorities; i++) {
		snprintf(key, sizeof(key), "overdue_%s", c->priorities[i].id);
		csv_put_long(fp, "summary", p, key, s->overdue[i]);
	}
	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_domain_score *ds = &r->score->domains[i];
		const struct sk_summary_domain *sd = &s->domains[i];

		csv_put(fp, "summary_domain", ds->domain->id, "colour", sk_summary_colour_name(sd->colour));
		if (sd->prev_scored)
			csv_put_dec(fp, "summary_domain", ds->domain->id, "previous_score", sd->prev_score,
				    c->rules.score_decimals);
	}
	for (size_t i = 0; i < s->n_norms; i++) {
		const struct sk_summary_norm *n = &s->norms[i];

		norm_key(r, n, key, sizeof(key));
		csv_put(fp, "summary_norm", key, "kind", kind_name(n));
		csv_put(fp, "summary_norm", key, "direction", sk_direction_name(n->direction));
		csv_put_dec(fp, "summary_norm", key, "norm", n->norm, -1);
		csv_value(fp, key, "", &n->now);
		csv_value(fp, key, "previous_", &n->prev);
	}
}

static void jvalue(FILE *fp, const char *name, const struct sk_summary_value *v)
{
	char b[48];

	fprintf(fp, ",\"%s\":", name);
	if (!v->has_value) {
		fputs("null", fp);
		return;
	}
	fprintf(fp, "{\"value\":%s,\"met\":%s", sk_dec_format_short(v->value, '.', b, sizeof(b)),
		v->met < 0 ? "null" : v->met ? "true" : "false");
	if (v->n)
		fprintf(fp, ",\"within\":%ld,\"n\":%ld", v->within, v->n);
	fputc('}', fp);
}

void report_summary_json(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_summary *s = r->summary;
	const struct sk_contract *c = r->contract;
	char b[64];

	if (!s)
		return;
	fputs(",\n\"summary\":{\"previous_period\":", fp);
	json_write_string(fp, s->previous.label);
	fprintf(fp, ",\"previous_has_data\":%s,\"previous_before_contract\":%s",
		s->has_previous ? "true" : "false", s->before_start ? "true" : "false");
	fprintf(fp, ",\"norms_met\":%ld,\"norms_judged\":%ld,\"norms_without_data\":%ld", s->met,
		s->judged, s->no_data);
	if (s->has_previous)
		fprintf(fp, ",\"previous_norms_met\":%ld,\"previous_norms_judged\":%ld", s->prev_met,
			s->prev_judged);
	/* No domain with a staffel scored: no total, not a total of 0 (the text's "—"). */
	if (s->malus_domains)
		fprintf(fp, ",\"malus_cents\":%" PRId64, s->malus_cents);
	else
		fputs(",\"malus_cents\":null", fp);
	fprintf(fp, ",\"malus_scored_domains\":%d,\"malus_priced_domains\":%d,"
		"\"malus_unpriced_domains\":%d", s->malus_domains, s->malus_priced, s->malus_unpriced);
	fputs(",\"domains\":[", fp);
	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_summary_domain *sd = &s->domains[i];

		fputs(i ? ",{\"id\":" : "{\"id\":", fp);
		json_write_string(fp, r->score->domains[i].domain->id);
		fprintf(fp, ",\"colour\":\"%s\",\"previous_score\":", sk_summary_colour_name(sd->colour));
		fputs(sd->prev_scored ? sk_dec_format(sd->prev_score, c->rules.score_decimals, '.', b,
						      sizeof(b)) : "null", fp);
		fputc('}', fp);
	}
	fputs("],\"norms\":[", fp);
	for (size_t i = 0; i < s->n_norms; i++) {
		const struct sk_summary_norm *n = &s->norms[i];
		char key[256];

		fputs(i ? ",\n{\"id\":" : "\n{\"id\":", fp);
		json_write_string(fp, norm_key(r, n, key, sizeof(key)));
		fprintf(fp, ",\"kind\":\"%s\",\"direction\":\"%s\",\"norm\":%s", kind_name(n),
			sk_direction_name(n->direction), sk_dec_format_short(n->norm, '.', b, sizeof(b)));
		jvalue(fp, "value", &n->now);
		jvalue(fp, "previous", &n->prev);
		fputc('}', fp);
	}
	fputs("],\"overdue_at\":", fp);
	json_write_string(fp, sk_time_format_local(s->overdue_at, c->tz, b, sizeof(b)));
	fputs(",\"overdue\":{", fp);
	for (size_t i = 0; i < c->n_priorities; i++) {
		fputs(i ? "," : "", fp);
		json_write_string(fp, c->priorities[i].id);
		fprintf(fp, ":%ld", s->overdue[i]);
	}
	fprintf(fp, "},\"overdue_total\":%ld}", s->overdue_total);
}
