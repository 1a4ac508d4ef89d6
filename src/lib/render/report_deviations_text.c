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
	.service = "dienst", .ticket = "ticket", .availability = "beschikbaarheid",
	.against = "bij norm", .within_norm = "binnen norm", .sheet = "Afwijkingen",
	.refers_to = "betreft", .what = "omschrijving", .measured = "gemeten", .norm = "norm",
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
	.service = "service", .ticket = "ticket", .availability = "availability",
	.against = "against a norm of", .within_norm = "within target", .sheet = "Deviations",
	.refers_to = "refers to", .what = "description", .measured = "measured", .norm = "norm",
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

char *report_deviation_label(const struct sk_report *r, const struct report_words *w,
			     const struct deviation_words *dw, const struct sk_report_deviation *e,
			     char *buf, size_t size)
{
	const struct sk_contract *c = r->contract;
	const char *ref = e->refers_to, *id = strchr(ref, ':');

	id = id ? id + 1 : ref;
	if (e->kind == SK_DEV_KPI && e->domain >= 0) {
		const struct sk_kpi *k = r->score->domains[e->domain].kpis[e->kpi].kpi;

		snprintf(buf, size, "%s %s, %s", dw->kpi, id, k->name);
	} else if (e->kind == SK_DEV_PRIORITY && e->priority >= 0) {
		const struct sk_priority *p = &c->priorities[e->priority];

		snprintf(buf, size, "%s %s, %s %s", p->id, p->name ? p->name : "",
			 e->clock ? w->resolution : w->response, dw->within_norm);
	} else if (e->kind == SK_DEV_SERVICE && e->service >= 0) {
		const struct sk_service *s = r->services[e->service].service;

		snprintf(buf, size, "%s %s, %s, %s", dw->service, s->id, s->name ? s->name : s->id,
			 dw->availability);
	} else {
		static const int kinds[] = { SK_DEV_KPI, SK_DEV_DOMAIN, SK_DEV_PRIORITY,
					     SK_DEV_SERVICE, SK_DEV_TICKET };
		const char *word[] = { dw->kpi, dw->domain, "", dw->service, dw->ticket };
		const char *k = "";

		for (int i = 0; i < 5; i++)
			if ((int)e->kind == kinds[i])
				k = word[i];
		/* priority:P1:response as "P1 reactie". */
		if (e->kind == SK_DEV_PRIORITY) {
			const char *clock = strchr(id, ':');

			snprintf(buf, size, "%.*s%s%s", clock ? (int)(clock - id) : (int)strlen(id), id,
				 clock ? " " : "", clock ? (strcmp(clock + 1, "response") == 0
							    ? w->response : w->resolution) : "");
		} else {
			snprintf(buf, size, "%s %s", k, id);
		}
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

char *report_deviation_figures(const struct sk_report *r, const struct report_words *w,
			       const struct deviation_words *dw,
			       const struct sk_report_deviation *e, char *buf, size_t size)
{
	char m[64], n[64];
	/* As the report's own tables show them: KPIs at 2 places, priorities at
	 * pct_decimals, availability at 3; the norm as written. */
	int places = e->kind == SK_DEV_PRIORITY ? r->contract->rules.pct_decimals
		     : e->kind == SK_DEV_SERVICE ? 3 : e->pct ? 2 : -1;

	buf[0] = '\0';
	if (e->not_met)
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
static void write_row(FILE *fp, const struct sk_report *r, const struct deviation_words *dw,
		      const struct sk_report_deviation *e, const struct sk_report_action *x)
{
	char line[4096], st[128], b[16];
	int n;

	/* A row of another period, or of the domain or priority as a whole, says so. */
	n = snprintf(line, sizeof(line), "%s", "");
	if (strcmp(x->refers_to, e->refers_to) != 0 || strcmp(x->period, r->period.label) != 0 ||
	    x->earlier)
		n = snprintf(line, sizeof(line), "[%s%s%s%s%s] ", x->refers_to, ", ", x->period,
			     x->earlier ? ", " : "", x->earlier ? dw->earlier : "");
	if (x->explanation) {
		snprintf(line + n, sizeof(line) - (size_t)n, "%s: %s", dw->explanation, x->explanation);
		text_wrap(fp, 4, 6, line);
		n = 0;
		line[0] = '\0';
	}
	if (!x->action)
		return;
	n += snprintf(line + n, sizeof(line) - (size_t)n, "%s: %s", dw->action, x->action);
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
			write_row(fp, r, dw, e, &v->actions[e->rows[k]]);
	}
}
