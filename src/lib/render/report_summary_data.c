/*
 * The management summary's words (nl, en) and what every format of it
 * shares: the norms' labels, their values against the norm, the change
 * against the previous period, amounts in euros.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report_summary_priv.h"

static const struct summary_words nl = {
	.title = "Samenvatting", .annex = "Bijlage: verantwoording", .domain = "domein",
	.score = "score", .colour = "kleur", .step = "trede", .malus = "malus",
	.malus_eur = "malus €", .previous = "vorige", .change = "verschil",
	.colours = { "-", "groen", "oranje", "rood" },
	.colour_note = "kleur per staffeltrede: groen zonder malus, oranje met malus zonder escalatie, "
		       "rood met escalatie of de laagste trede",
	.norm = "norm", .measured = "gemeten tegen norm", .verdict = "oordeel", .met = "gehaald",
	.not_met = "niet gehaald", .no_data = "geen gegevens",
	.norms_met = "%ld van %ld normen gehaald", .norms_no_data = "%ld zonder gegevens",
	.prev_norms = "vorige periode: %ld van %ld",
	.prev_period = "Vorige periode ter vergelijking: %s (%s)",
	.prev_none = "Vorige periode %s (%s): geen gegevens",
	.prev_before_start = "Vorige periode %s (%s): geen gegevens (vóór de start van het contract)",
	.malus_total = "Malus totaal", .malus_unpriced = "%d domein(en) met malus zonder factuurbedrag",
	.escalations = "Escalaties", .esc_domain = "staffel met escalatie",
	.esc_complaint = "klacht boven de grens",
	.overdue = "Open en over de termijn aan het eind van de periode",
	.overdue_horizon = "Open en over de termijn op %s (het laatste moment van de gegevens)",
	.overdue_total = "totaal", .points = "%-punt", .availability = "beschikbaarheid",
	.sheet = "Samenvatting", .sheet_annex = "Verantwoording", .currency = "€ ", .escalation = "escalatie",
	.change_note = "vorige: dezelfde norm in de vorige periode; verschil: deze periode min de "
		       "vorige, in procentpunten bij percentages; —: geen gegevens",
};

static const struct summary_words en = {
	.title = "Summary", .annex = "Annex: audit trail", .domain = "domain", .score = "score",
	.colour = "colour", .step = "step", .malus = "malus", .malus_eur = "malus EUR",
	.previous = "previous", .change = "change",
	.colours = { "-", "green", "amber", "red" },
	.colour_note = "colour by staffel step: green without malus, amber with malus and no "
		       "escalation, red with escalation or the lowest step",
	.norm = "norm", .measured = "measured against norm", .verdict = "verdict", .met = "met",
	.not_met = "not met", .no_data = "no data",
	.norms_met = "%ld of %ld norms met", .norms_no_data = "%ld without data",
	.prev_norms = "previous period: %ld of %ld",
	.prev_period = "Previous period for comparison: %s (%s)",
	.prev_none = "Previous period %s (%s): no data",
	.prev_before_start = "Previous period %s (%s): no data (before the contract starts)",
	.malus_total = "Total malus", .malus_unpriced = "%d domain(s) with malus but no invoice amount",
	.escalations = "Escalations", .esc_domain = "staffel step with escalation",
	.esc_complaint = "complaint beyond its limit",
	.overdue = "Open and past their deadline at the end of the period",
	.overdue_horizon = "Open and past their deadline at %s (the data's last moment)",
	.overdue_total = "total", .points = "pp", .availability = "availability",
	.sheet = "Summary", .sheet_annex = "Audit trail", .currency = "EUR ", .escalation = "escalation",
	.change_note = "previous: the same norm in the previous period; change: this period less "
		       "the previous one, in percentage points for percentages; —: no data",
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
	case SK_NORM_KPI:
		snprintf(buf, size, "%s", r->score->domains[n->domain].kpis[n->kpi].kpi->name);
		break;
	default: {
		const struct sk_service *s = &c->services[n->service];

		snprintf(buf, size, "%s: %s", s->name ? s->name : s->id, sw->availability);
		break;
	}
	}
	return buf;
}

/* Places after the mark in the shortest exact form of @v. */
static int places(sk_dec v)
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
	struct report_figure f;

	*decimals = -1;
	if (!v->has_value) {
		snprintf(buf, size, "—");
		return buf;
	}
	if (n->kind == SK_NORM_PRIORITY)
		report_figure(SK_DEC(v->within), SK_DEC(v->n), n->norm, n->direction, v->met,
			      r->contract->rules.pct_decimals, &f);
	else if (v->met >= 0)
		report_figure(v->value, SK_DEC(100), n->norm, n->direction, v->met,
			      n->kind == SK_NORM_SERVICE ? 3 : 2, &f);
	else
		f = (struct report_figure){ sk_dec_round(v->value, 2), 2, 0 };
	if (!n->percent && !f.bound) {
		/* Counts and marks as short as they are exact ("1", "8,1"). */
		sk_dec_format_short(v->value, w->mark, buf, size);
		*decimals = places(v->value);
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
	if (d < 0 && v->has_value) {
		/* A bound ("<98 %") says it against the norm already. */
		snprintf(buf, size, "%s", val);
		return buf;
	}
	/* The norm with at least the value's places: "45,5 % < 95,0 %". */
	if (d < places(n->norm))
		d = places(n->norm);
	sk_dec_format(n->norm, d < 0 ? places(n->norm) : d, w->mark, nrm, sizeof(nrm));
	if (n->percent)
		strncat(nrm, " %", sizeof(nrm) - strlen(nrm) - 1);
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

char *summary_change_text(const struct sk_report *r, const struct report_words *w,
			  const struct summary_words *sw, const struct sk_summary_norm *n, char *buf,
			  size_t size)
{
	char a[64], b[64], num[48];
	int da, db, d;
	sk_dec delta;

	if (!n->now.has_value || !n->prev.has_value) {
		snprintf(buf, size, "—");
		return buf;
	}
	summary_value_text(r, w, n, &n->now, &da, a, sizeof(a));
	summary_value_text(r, w, n, &n->prev, &db, b, sizeof(b));
	d = da > db ? da : db;
	if (d < 0)
		d = n->percent ? r->contract->rules.pct_decimals : 2;
	delta = sk_dec_round(n->now.value - n->prev.value, d);
	sk_dec_format(delta < 0 ? -delta : delta, d, w->mark, num, sizeof(num));
	(void)sw;
	snprintf(buf, size, "%s%s", delta < 0 ? "-" : delta > 0 ? "+" : "±", num);
	return buf;
}
