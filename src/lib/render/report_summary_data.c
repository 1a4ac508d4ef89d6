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
	.norms_met = "%ld van %ld normen gehaald", .norms_no_data = "%ld zonder gegevens",
	.prev_norms = "vorige periode: %ld van %ld",
	.prev_period = "Vorige periode ter vergelijking: %s (%s)",
	.prev_none = "Vorige periode %s (%s): geen gegevens",
	.prev_before_start = "Vorige periode %s (%s): geen gegevens (vóór de start van het contract)",
	.malus_total = "Malus totaal", .malus_unpriced = "%d domein(en) met malus zonder factuurbedrag",
	.malus_unscored = "%d domein(en) niet gescoord, hun malus is niet bepaald",
	.escalations = "Escalaties", .esc_domain = "staffel met escalatie",
	.esc_complaint = "klacht boven de grens",
	.overdue = "Open en over de termijn aan het eind van de periode",
	.overdue_horizon = "Open en over de termijn op %s (het laatste moment van de gegevens)",
	.overdue_total = "totaal", .points = "%-punt", .availability = "beschikbaarheid",
	.sheet = "Samenvatting", .sheet_annex = "Verantwoording", .currency = "€ ",
	.escalation = "escalatie",
	.change_note = "vorige: dezelfde norm in de vorige periode; verschil: deze periode min de "
		       "vorige, in procentpunten bij percentages; —: geen gegevens",
	.no_data_list = "Zonder gegevens in deze en de vorige periode",
	.per_priority_note = "*: norm per prioriteit: gehaald als elke prioriteit haar eigen norm haalt",
	.text_note = "kleur: groen zonder malus, oranje malus zonder escalatie, rood escalatie of "
		     "laagste trede; vorige: dezelfde norm in de vorige periode; verschil: in "
		     "procentpunten bij percentages; —: geen gegevens",
};

static const struct summary_words en = {
	.title = "Summary", .annex = "Annex: audit trail", .domain = "domain", .score = "score",
	.colour = "colour", .step = "step", .malus = "malus", .malus_eur = "malus EUR",
	.previous = "previous", .change = "change",
	.colours = { "-", "green", "amber", "red" },
	.colour_note = "colour by staffel step: green without malus, amber with malus and no "
		       "escalation, red with escalation or the lowest step",
	.norm = "norm", .measured = "measured vs norm", .verdict = "verdict", .met = "met",
	.not_met = "not met", .no_data = "no data",
	.norms_met = "%ld of %ld norms met", .norms_no_data = "%ld without data",
	.prev_norms = "previous period: %ld of %ld",
	.prev_period = "Previous period for comparison: %s (%s)",
	.prev_none = "Previous period %s (%s): no data",
	.prev_before_start = "Previous period %s (%s): no data (before the contract starts)",
	.malus_total = "Total malus", .malus_unpriced = "%d domain(s) with malus but no invoice amount",
	.malus_unscored = "%d domain(s) not scored, their malus not determined",
	.escalations = "Escalations", .esc_domain = "staffel step with escalation",
	.esc_complaint = "complaint beyond its limit",
	.overdue = "Open and past their deadline at the end of the period",
	.overdue_horizon = "Open and past their deadline at %s (the data's last moment)",
	.overdue_total = "total", .points = "pp", .availability = "availability",
	.sheet = "Summary", .sheet_annex = "Audit trail", .currency = "EUR ", .escalation = "escalation",
	.change_note = "previous: the same norm in the previous period; change: this period less "
		       "the previous one, in percentage points for percentages; —: no data",
	.no_data_list = "Without data in this and the previous period",
	.per_priority_note = "*: a norm per priority: met when each priority met its own norm",
	.text_note = "colour: green no malus, amber malus without escalation, red escalation or "
		     "lowest step; previous: the same norm in the previous period; change: in "
		     "percentage points for percentages; —: no data",
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
	if (!n->percent && !f.bound && places(v->value) <= f.decimals) {
		/* Counts and marks as short as they are exact ("1", "8,1"). */
		sk_dec_format_short(v->value, w->mark, buf, size);
		*decimals = places(v->value);
		return buf;
	}
	if (!n->percent && !f.bound) {
		/* A mean of months (8,066667) to the figure's places: "8,07". */
		sk_dec_format(v->value, f.decimals, w->mark, buf, size);
		*decimals = f.decimals;
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

	if (n->per_priority && v->has_value) {
		/* Each priority against its own norm: '*' points to the note under the table. */
		sk_dec_format(v->value, 2, w->mark, val, sizeof(val));
		snprintf(buf, size, "%s%s *", val, n->percent ? " %" : "");
		return buf;
	}
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
	csv_put_long(fp, "summary", p, "malus_cents", s->malus_cents);
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
	fprintf(fp, ",\"malus_cents\":%" PRId64 ",\"malus_priced_domains\":%d,"
		"\"malus_unpriced_domains\":%d", s->malus_cents, s->malus_priced, s->malus_unpriced);
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
