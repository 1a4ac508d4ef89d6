/*
 * The deviations' section of the text report: every norm not met with its
 * explanations and improvement actions (each action's owner, due date and
 * state at the period's end), "onverklaard" where none explains it, then the
 * rows about anything else. Also the words and labels the other formats use.
 */
#include <stdio.h>
#include <string.h>

#include "report_deviations_priv.h"
#include "slakit/tz.h"

static const struct deviation_words nl = {
	.title = "Afwijkingen, verklaringen en verbeteracties",
	.summary = "%ld %s niet gehaald, waarvan %ld onverklaard",
	.summary_actions = "verbeteracties: %ld open, waarvan %ld verlopen; %ld gereed in de "
			   "periode",
	.unexplained = "ONVERKLAARD", .none_missed = "alle normen gehaald",
	.none_imported = "geen verklaringen of verbeteracties geïmporteerd",
	.explanation = "verklaring", .action = "verbeteractie", .owner = "eigenaar",
	.due = "uiterlijk", .done = "gereed", .done_late = "na de deadline", .open = "open",
	.overdue = "VERLOPEN", .after_period = "na de periode",
	.others = "Overige verklaringen en verbeteracties",
	.earlier = "uit een eerdere periode, nog open", .kpi = "KPI", .domain = "domein",
	.for_ = "voor", .the_domain = "het domein", .the_service = "de dienst",
	.the_ticket = "ticket", .per_priority = "norm per prioriteit", .missed = "niet gehaald",
	.service = "dienst", .ticket = "ticket", .availability = "beschikbaarheid",
	.against = "bij norm", .within_norm = "binnen norm", .sheet = "Afwijkingen",
	.what = "omschrijving", .measured = "gemeten", .norm = "norm",
	.norms = "normen",
	.state = "verklaard", .period = "periode", .status = "status", .explained = "ja",
};

static const struct deviation_words en = {
	.title = "Deviations, explanations and improvement actions",
	.summary = "%ld %s not met, of which %ld unexplained",
	.summary_actions = "improvement actions: %ld open, of which %ld overdue; %ld done in the "
			   "period",
	.unexplained = "UNEXPLAINED", .none_missed = "every norm met",
	.none_imported = "no explanations or improvement actions imported",
	.explanation = "explanation", .action = "improvement action", .owner = "owner",
	.due = "due", .done = "done", .done_late = "after its due date", .open = "open",
	.overdue = "OVERDUE", .after_period = "after the period",
	.others = "Other explanations and improvement actions",
	.earlier = "from an earlier period, still open", .kpi = "KPI", .domain = "domain",
	.for_ = "for", .the_domain = "the domain", .the_service = "the service",
	.the_ticket = "ticket", .per_priority = "norm per priority", .missed = "not met",
	.service = "service", .ticket = "ticket", .availability = "availability",
	.against = "against a norm of", .within_norm = "within target", .sheet = "Deviations",
	.what = "description", .measured = "measured", .norm = "norm",
	.norms = "norms",
	.state = "explained", .period = "period", .status = "status", .explained = "yes",
};

const struct deviation_words *deviation_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

char *report_day(const struct sk_report *r, sk_time t, char *buf, size_t size)
{
	struct sk_civil c;

	sk_tz_to_civil(r->contract->tz, t, &c);
	snprintf(buf, size, "%04d-%02d-%02d", c.year, c.month, c.day);
	return buf;
}

/* The KPI "DOMAIN.KPI" names, its domain's name in @dom (NULL when the contract has none). */
static const struct sk_kpi *find_kpi(const struct sk_contract *c, const char *ref,
				     const struct sk_domain **dom)
{
	const char *dot = strchr(ref, '.');

	*dom = NULL;
	for (size_t i = 0; dot && i < c->n_domains; i++) {
		const struct sk_domain *d = &c->domains[i];

		if (strlen(d->id) != (size_t)(dot - ref) || strncmp(d->id, ref, (size_t)(dot - ref)))
			continue;
		for (size_t k = 0; k < d->n_kpis; k++)
			if (strcmp(d->kpis[k].id, dot + 1) == 0) {
				*dom = d;
				return &d->kpis[k];
			}
	}
	return NULL;
}

/* "KPI " before a KPI's name, unless the name starts with that word already
 * ("KPI 5 - Standaard-changes ..."): "" then. */
static const char *kpi_prefix(const struct deviation_words *dw, const char *name)
{
	size_t n = strlen(dw->kpi);

	return strncmp(name, dw->kpi, n) == 0 && (name[n] == ' ' || name[n] == '\0') ? "" : dw->kpi;
}

char *report_refers_text(const struct sk_report *r, const struct report_words *w,
			 const struct deviation_words *dw, const char *ref, int article,
			 char *buf, size_t size)
{
	const struct sk_contract *c = r->contract;
	const char *id = strchr(ref, ':');
	size_t kind = id ? (size_t)(id - ref) : 0;

	id = id ? id + 1 : ref;
	if (kind == 3 && strncmp(ref, "kpi", 3) == 0) {
		const struct sk_domain *d;
		const struct sk_kpi *k = find_kpi(c, id, &d);

		if (k) {
			const char *kw = kpi_prefix(dw, k->name);

			snprintf(buf, size, "%s%s%s (%s)", kw, *kw ? " " : "", k->name, d->name);
			return buf;
		}
	} else if (kind == 6 && strncmp(ref, "domain", 6) == 0) {
		const struct sk_domain *d = sk_contract_find_domain(c, id);

		if (d) {
			snprintf(buf, size, "%s %s", article ? dw->the_domain : dw->domain, d->name);
			return buf;
		}
	} else if (kind == 7 && strncmp(ref, "service", 7) == 0) {
		int s = sk_contract_find_service(c, id);

		if (s >= 0) {
			snprintf(buf, size, "%s %s", article ? dw->the_service : dw->service,
				 c->services[s].name ? c->services[s].name : id);
			return buf;
		}
	} else if (kind == 8 && strncmp(ref, "priority", 8) == 0) {
		/* priority:P1 as "P1 Kritiek", priority:P1:response as "P1 Kritiek, reactie". */
		const char *clock = strchr(id, ':');
		char p[64];
		int q;

		snprintf(p, sizeof(p), "%.*s", clock ? (int)(clock - id) : (int)strlen(id), id);
		if ((q = sk_contract_find_priority(c, p)) >= 0) {
			const struct sk_priority *pr = &c->priorities[q];

			snprintf(buf, size, "%s%s%s%s%s", pr->id, pr->name ? " " : "",
				 pr->name ? pr->name : "", clock ? ", " : "",
				 !clock ? "" : strcmp(clock + 1, "response") == 0 ? w->response
				 : w->resolution);
			return buf;
		}
	} else if (kind == 6 && strncmp(ref, "ticket", 6) == 0) {
		snprintf(buf, size, "%s %s", dw->the_ticket, id);
		return buf;
	}
	/* Not in the contract (any more): as imported. */
	snprintf(buf, size, "%s", ref);
	return buf;
}

char *report_deviation_label(const struct sk_report *r, const struct report_words *w,
			     const struct deviation_words *dw, const struct sk_report_deviation *e,
			     char *buf, size_t size)
{
	const struct sk_contract *c = r->contract;

	if (e->kind == SK_DEV_KPI && e->domain >= 0) {
		const struct sk_domain_score *ds = &r->score->domains[e->domain];

		const char *name = ds->kpis[e->kpi].kpi->name, *kw = kpi_prefix(dw, name);

		snprintf(buf, size, "%s%s%s (%s)", kw, *kw ? " " : "", name, ds->domain->name);
	} else if (e->kind == SK_DEV_PRIORITY && e->priority >= 0) {
		const struct sk_priority *p = &c->priorities[e->priority];

		snprintf(buf, size, "%s %s, %s %s", p->id, p->name ? p->name : "",
			 e->clock ? w->resolution : w->response, dw->within_norm);
	} else if (e->kind == SK_DEV_SERVICE && e->service >= 0) {
		const struct sk_service *s = r->services[e->service].service;

		snprintf(buf, size, "%s %s, %s", dw->service, s->name ? s->name : s->id,
			 dw->availability);
	} else {
		report_refers_text(r, w, dw, e->refers_to, 0, buf, size);
	}
	return buf;
}

/* @v with @decimals places (as short as exact when < 0) and the words' mark; " %" when @pct. */
static char *figure(const struct report_words *w, sk_dec v, int decimals, int pct, char *buf,
		    size_t size)
{
	char n[48];

	if (decimals >= 0)
		sk_dec_format(sk_dec_round(v, decimals), decimals, w->mark, n, sizeof(n));
	else
		sk_dec_format_short(v, w->mark, n, sizeof(n));
	snprintf(buf, size, "%s%s", n, pct ? " %" : "");
	return buf;
}

const struct sk_kpi_score *report_deviation_per_priority(const struct sk_report *r,
							 const struct sk_report_deviation *e)
{
	const struct sk_kpi_score *ks;

	if (e->kind != SK_DEV_KPI || e->domain < 0 || e->kpi < 0)
		return NULL;
	ks = &r->score->domains[e->domain].kpis[e->kpi];
	return sk_kpi_norms_per_priority(ks) ? ks : NULL;
}

char *report_deviation_priorities(const struct sk_report *r, const struct report_words *w,
				  const struct deviation_words *dw,
				  const struct sk_report_deviation *e, char *buf, size_t size)
{
	const struct sk_kpi_score *ks = report_deviation_per_priority(r, e);
	int lower, n, first = 1;

	buf[0] = '\0';
	if (!ks)
		return buf;
	lower = ks->kpi->direction == SK_LOWER_IS_BETTER;
	n = snprintf(buf, size, "%s; %s:", dw->per_priority, dw->missed);
	for (size_t q = 0; q < ks->n_parts && n > 0 && (size_t)n < size; q++) {
		const struct sk_priority_part *pp = &ks->parts[q];
		char m[64], o[64];

		if (sk_kpi_part_met(ks, q) != 0)
			continue;
		/* As the KPI's table shows the part: measured at pct_decimals, the norm as written. */
		n += snprintf(buf + n, size - (size_t)n, "%s %s %s %s %s", first ? "" : ",",
			      r->contract->priorities[pp->priority].id,
			      figure(w, pp->measured, r->contract->rules.pct_decimals, 1, m, sizeof(m)),
			      lower ? ">" : "<", figure(w, pp->norm, -1, 1, o, sizeof(o)));
		first = 0;
	}
	return buf;
}

char *report_deviation_figures(const struct sk_report *r, const struct report_words *w,
			       const struct deviation_words *dw,
			       const struct sk_report_deviation *e, char *buf, size_t size)
{
	char m[64], n[64], p[512];
	/* As the report's own tables show them: KPIs at 2 places, priorities at
	 * pct_decimals, availability at 3; the norm as written. */
	int places = e->kind == SK_DEV_PRIORITY ? r->contract->rules.pct_decimals
		     : e->kind == SK_DEV_SERVICE ? 3 : e->pct ? 2 : -1;

	buf[0] = '\0';
	if (e->not_met && report_deviation_per_priority(r, e))
		snprintf(buf, size, "%s, %s", figure(w, e->measured, places, e->pct, m, sizeof(m)),
			 report_deviation_priorities(r, w, dw, e, p, sizeof(p)));
	else if (e->not_met)
		snprintf(buf, size, "%s %s %s", figure(w, e->measured, places, e->pct, m, sizeof(m)),
			 dw->against, figure(w, e->norm, -1, e->pct, n, sizeof(n)));
	return buf;
}

char *report_deviations_summary(const struct deviation_words *dw,
				const struct sk_report_deviations *v, char *buf, size_t size)
{
	int n;

	if (v->not_met)
		n = snprintf(buf, size, dw->summary, v->not_met, v->not_met == 1 ? dw->norm : dw->norms,
			     v->unexplained);
	else
		n = snprintf(buf, size, "%s", dw->none_missed);
	if (n < 0 || (size_t)n >= size)
		return buf;
	if (!v->imported) {
		snprintf(buf + n, size - (size_t)n, "; %s", dw->none_imported);
		return buf;
	}
	n += snprintf(buf + n, size - (size_t)n, "; ");
	if ((size_t)n < size)
		snprintf(buf + n, size - (size_t)n, dw->summary_actions, v->open, v->overdue,
			 v->done);
	return buf;
}

char *report_action_state(const struct sk_report *r, const struct deviation_words *dw,
			  const struct sk_report_action *x, char *buf, size_t size)
{
	char b[16];

	if (x->done)
		snprintf(buf, size, "%s %s%s%s", dw->done, report_day(r, x->done_at, b, sizeof(b)),
			 x->late ? ", " : "", x->late ? dw->done_late : "");
	else if (x->done_at)
		snprintf(buf, size, "%s%s%s (%s %s, %s)", dw->open, x->overdue ? ", " : "",
			 x->overdue ? dw->overdue : "", dw->done,
			 report_day(r, x->done_at, b, sizeof(b)), dw->after_period);
	else
		snprintf(buf, size, "%s%s%s", dw->open, x->overdue ? ", " : "",
			 x->overdue ? dw->overdue : "");
	return buf;
}

/* One row under its deviation: the explanation, then the action with its owner, date, state. */
static void write_row(FILE *fp, const struct sk_report *r, const struct report_words *w,
		      const struct deviation_words *dw, const struct sk_report_deviation *e,
		      const struct sk_report_action *x)
{
	char line[4096], st[128], b[16], about[512] = "";
	int n;

	/* A row of another period, or of the domain or priority as a whole, says so:
	 * "verklaring voor het domein Incident- & Probleembeheer, 2027-Q1: ...". */
	if (strcmp(x->refers_to, e->refers_to) != 0 || strcmp(x->period, r->period.label) != 0 ||
	    x->earlier) {
		char ref[400];

		snprintf(about, sizeof(about), " %s %s, %s%s%s", dw->for_,
			 report_refers_text(r, w, dw, x->refers_to, 1, ref, sizeof(ref)),
			 x->period, x->earlier ? ", " : "", x->earlier ? dw->earlier : "");
	}
	if (x->explanation) {
		snprintf(line, sizeof(line), "%s%s: %s", dw->explanation, about, x->explanation);
		text_wrap(fp, 4, 6, line);
		about[0] = '\0';
	}
	if (!x->action)
		return;
	n = snprintf(line, sizeof(line), "%s%s: %s", dw->action, about, x->action);
	if (x->owner)
		n += snprintf(line + n, sizeof(line) - (size_t)n, "; %s %s", dw->owner, x->owner);
	if (x->due)
		n += snprintf(line + n, sizeof(line) - (size_t)n, "; %s %s", dw->due,
			      report_day(r, x->due, b, sizeof(b)));
	snprintf(line + n, sizeof(line) - (size_t)n, "; %s",
		 report_action_state(r, dw, x, st, sizeof(st)));
	text_wrap(fp, 4, 6, line);
}

void report_deviations_text(FILE *fp, const struct sk_report *r, const char *lang)
{
	const struct sk_report_deviations *v = r->deviations;
	const struct report_words *w = report_words_for(lang);
	const struct deviation_words *dw = deviation_words_for(lang);
	char line[1024], label[512], fig[160];
	int others = 0;

	if (!v)
		return;
	text_heading(fp, dw->title);
	text_wrap(fp, 2, 2, report_deviations_summary(dw, v, line, sizeof(line)));
	for (size_t i = 0; i < v->n; i++) {
		const struct sk_report_deviation *e = &v->list[i];

		if (!e->not_met && !others) {
			fprintf(fp, "\n  %s\n", dw->others);
			others = 1;
		}
		report_deviation_label(r, w, dw, e, label, sizeof(label));
		report_deviation_figures(r, w, dw, e, fig, sizeof(fig));
		snprintf(line, sizeof(line), "%s%s%s", label, *fig ? ": " : "", fig);
		text_wrap(fp, 2, 4, line);
		if (e->not_met && !e->explained)
			fprintf(fp, "    %s\n", dw->unexplained);
		for (size_t k = 0; k < e->n_rows; k++)
			write_row(fp, r, w, dw, e, &v->actions[e->rows[k]]);
	}
}
