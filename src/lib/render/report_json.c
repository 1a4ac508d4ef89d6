/*
 * The report as one JSON object for scripts. The domains are sla-score's
 * JSON and the tickets sla-compute's, embedded as they are, so a script
 * reads the same figures whichever tool it asks.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "render_priv.h"
#include "report_summary_priv.h"
#include "report_cadence_priv.h"
#include "report_onsite_priv.h"
#include "report_history_priv.h"
#include "report_breakdown_priv.h"
#include "report_suppliers_priv.h"
#include "report_deviations_priv.h"
#include "slakit/datetime.h"

/* A JSON string, or null for no text. */
static void str(FILE *fp, const char *s)
{
	if (s)
		json_write_string(fp, s);
	else
		fputs("null", fp);
}

/* "name": value pairs; @first says whether a comma goes before. */
static void key(FILE *fp, int *first, const char *name)
{
	fprintf(fp, "%s\"%s\":", *first ? "" : ",", name);
	*first = 0;
}

static void kstr(FILE *fp, int *first, const char *name, const char *v)
{
	key(fp, first, name);
	str(fp, v);
}

static void knum(FILE *fp, int *first, const char *name, int64_t v)
{
	key(fp, first, name);
	fprintf(fp, "%" PRId64, v);
}

static void kdec(FILE *fp, int *first, const char *name, sk_dec v, int decimals)
{
	char b[48];

	key(fp, first, name);
	fputs(decimals < 0 ? sk_dec_format_short(v, '.', b, sizeof(b))
			   : sk_dec_format(v, decimals, '.', b, sizeof(b)), fp);
}

static void kbool(FILE *fp, int *first, const char *name, int v)
{
	key(fp, first, name);
	fputs(v < 0 ? "null" : v ? "true" : "false", fp);
}

void json_member_str(FILE *fp, const char *name, const char *v, int comma)
{
	fprintf(fp, "%s\"%s\":", comma ? "," : "", name);
	if (v)
		json_write_string(fp, v);
	else
		fputs("null", fp);
}

static void ktime(FILE *fp, int *first, const struct sk_report *r, const char *name, sk_time t)
{
	char b[32];

	key(fp, first, name);
	if (t)
		str(fp, sk_time_format_local(t, r->contract->tz, b, sizeof(b)));
	else
		fputs("null", fp);
}

static void flags(FILE *fp, int *first, unsigned f)
{
	int n = 0;

	key(fp, first, "flags");
	fputc('[', fp);
	for (int i = 0; i < SK_FLAG_COUNT; i++)
		if (f & (1u << i))
			fprintf(fp, "%s\"%s\"", n++ ? "," : "", sk_flag_name(1u << i));
	fputc(']', fp);
}

static void write_header(FILE *fp, const struct sk_report *r, const char *lang)
{
	const struct sk_contract *c = r->contract;
	const struct sk_rules *ru = &c->rules;
	int f = 1;

	kstr(fp, &f, "period", r->period.label);
	/* Early: whether the period ends after the data's horizon (its figures are then incomplete). */
	kbool(fp, &f, "beyond_horizon", r->beyond_horizon);
	if (r->horizon_source)
		ktime(fp, &f, r, "horizon", r->horizon);
	else
		kstr(fp, &f, "horizon", NULL);
	kstr(fp, &f, "horizon_source",
	     r->horizon_source == 1 ? "imports" : r->horizon_source == 2 ? "data" : "none");
	ktime(fp, &f, r, "period_start", r->period.start);
	ktime(fp, &f, r, "period_end", r->period.end);
	kstr(fp, &f, "language", lang);
	ktime(fp, &f, r, "generated_at", r->generated_at);
	kstr(fp, &f, "version", r->version);
	ktime(fp, &f, r, "slr_due", r->due);
	key(fp, &f, "contract");
	{
		int g = 1;

		fputc('{', fp);
		kstr(fp, &g, "id", c->id);
		kstr(fp, &g, "name", c->name);
		kstr(fp, &g, "sha256", c->sha256);
		if (c->has_start) {
			char day[16];
			int y, m, dd;

			sk_civil_from_days(c->start_day, &y, &m, &dd);
			snprintf(day, sizeof(day), "%04d-%02d-%02d", y, m, dd);
			kstr(fp, &g, "start", day);
		}
		kstr(fp, &g, "time_zone", sk_tz_name(c->tz));
		fputc('}', fp);
	}
	key(fp, &f, "decisions");
	{
		int g = 1;

		fputc('{', fp);
		kstr(fp, &g, "resolution_start", sk_clock_start_name(ru->resolution_start));
		kstr(fp, &g, "priority", sk_priority_rule_name(ru->priority));
		kbool(fp, &g, "cap", ru->cap);
		knum(fp, &g, "pct_decimals", ru->pct_decimals);
		knum(fp, &g, "score_decimals", ru->score_decimals);
		kstr(fp, &g, "aggregate", sk_aggregate_name(ru->aggregate));
		kstr(fp, &g, "weights", sk_weights_rule_name(ru->weights));
		kstr(fp, &g, "wrong_channel", sk_channel_rule_name(ru->wrong_channel));
		key(fp, &g, "pause_statuses");
		fputc('[', fp);
		for (size_t i = 0; i < ru->n_pause_statuses; i++) {
			fputs(i ? "," : "", fp);
			str(fp, ru->pause_statuses[i]);
		}
		fputc(']', fp);
		kbool(fp, &g, "reopen_resets", ru->reopen_resets);
		kstr(fp, &g, "onsite_default", ru->onsite_resolution ? "resolution" : "none");
		knum(fp, &g, "report_due_days", ru->report_due_days);
		kstr(fp, &g, "missing", report_missing_name(r->missing));
		key(fp, &g, "choices");
		fputc('[', fp);
		for (size_t i = 0; i < c->n_choices; i++) {
			int h = 1;

			fputs(i ? ",{" : "{", fp);
			kstr(fp, &h, "id", c->choices[i].id);
			kstr(fp, &h, "clause", c->choices[i].clause);
			kstr(fp, &h, "reading", c->choices[i].reading);
			kstr(fp, &h, "seed", c->choices[i].seed);
			fputc('}', fp);
		}
		fputc(']', fp);
		fputc('}', fp);
	}
	key(fp, &f, "imports");
	fputc('[', fp);
	for (size_t i = 0; i < r->n_imports; i++) {
		const struct sk_report_import *im = &r->imports[i];
		int g = 1;

		fputs(i ? ",\n{" : "\n{", fp);
		knum(fp, &g, "id", im->id);
		kstr(fp, &g, "file", report_base_name(im->file));
		kstr(fp, &g, "sha256", im->sha256);
		kstr(fp, &g, "kind", im->kind);
		kstr(fp, &g, "profile", im->profile);
		knum(fp, &g, "rows", im->rows);
		knum(fp, &g, "rejected", im->rejected);
		knum(fp, &g, "dst_gaps", im->dst_gaps);
		knum(fp, &g, "dst_folds", im->dst_folds);
		ktime(fp, &g, r, "finished_at", im->finished_at);
		key(fp, &g, "pause_statuses");
		fputc('[', fp);
		for (size_t k = 0; k < im->n_pause_statuses; k++) {
			int h = 1;

			fputs(k ? ",{" : "{", fp);
			kstr(fp, &h, "status", im->pause_statuses[k].status);
			knum(fp, &h, "events", im->pause_statuses[k].events);
			fputc('}', fp);
		}
		fputc(']', fp);
		fputc('}', fp);
	}
	fputc(']', fp);
}

static void prio(FILE *fp, const struct sk_report *r, const struct sk_report_prio *p)
{
	const struct sk_contract *c = r->contract;
	int f = 1;

	fputc('{', fp);
	kstr(fp, &f, "priority", c->priorities[p->priority].id);
	kstr(fp, &f, "type", p->type >= 0 ? sk_ticket_type_name((enum sk_ticket_type)p->type) : NULL);
	knum(fp, &f, "tickets", p->tickets);
	knum(fp, &f, "open", p->open);
	knum(fp, &f, "pending", p->pending);
	knum(fp, &f, "response_not_measured", p->response_unmeasured);
	knum(fp, &f, "response_n", p->response_n);
	knum(fp, &f, "response_within", p->response_within);
	if (p->response_n)
		kdec(fp, &f, "response_pct", p->response_pct, c->rules.pct_decimals);
	knum(fp, &f, "resolution_n", p->resolution_n);
	knum(fp, &f, "resolution_within", p->resolution_within);
	if (p->resolution_n)
		kdec(fp, &f, "resolution_pct", p->resolution_pct, c->rules.pct_decimals);
	if (p->has_norm)
		kdec(fp, &f, "norm", p->norm, -1);
	kbool(fp, &f, "met", p->met);
	if (p->mttr >= 0) {
		knum(fp, &f, "mttr_business_seconds", p->mttr);
		knum(fp, &f, "mttr_wall_seconds", p->mttr_wall);
	}
	if (p->mttp >= 0) {
		knum(fp, &f, "mttp_business_seconds", p->mttp);
		knum(fp, &f, "mttp_wall_seconds", p->mttp_wall);
	}
	fputc('}', fp);
}

static void clock_obj(FILE *fp, int *first, const char *name, const struct sk_clock *k)
{
	int g = 1;

	key(fp, first, name);
	fputc('{', fp);
	kstr(fp, &g, "state", sk_clock_state_name(k->state));
	if (k->state != SK_CLOCK_NA) {
		knum(fp, &g, "seconds", k->elapsed);
		knum(fp, &g, "target_seconds", k->target);
		if (k->below) /* only then: the contract wants the target undercut */
			kbool(fp, &g, "target_below", 1);
	}
	fputc('}', fp);
}

static void write_lists(FILE *fp, const struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	int f;

	fputs(",\"p1\":[", fp);
	for (size_t i = 0; i < r->n_p1; i++) {
		const struct sk_result *x = &r->results->r[r->p1[i]];

		f = 1;
		fputs(i ? ",\n{" : "\n{", fp);
		kstr(fp, &f, "id", x->ticket.id);
		kstr(fp, &f, "type", sk_ticket_type_name(x->ticket.type));
		ktime(fp, &f, r, "reported_at", x->ticket.reported_at);
		kstr(fp, &f, "channel", x->ticket.channel);
		clock_obj(fp, &f, "response", &x->v.response);
		clock_obj(fp, &f, "resolution", &x->v.resolution);
		kbool(fp, &f, "excluded", x->v.excluded);
		flags(fp, &f, x->v.flags);
		report_cadence_p1_json(fp, r, r->p1[i]);
		fputc('}', fp);
	}
	fputs("],\"uplifts\":[", fp);
	for (size_t i = 0; i < r->n_uplifts; i++) {
		const struct sk_result *x = &r->results->r[r->uplifts[i]];

		f = 1;
		fputs(i ? ",{" : "{", fp);
		kstr(fp, &f, "id", x->ticket.id);
		kstr(fp, &f, "reason", x->ticket.uplift_reason);
		fputc('}', fp);
	}
	fputs("],\"apart\":[", fp);
	for (size_t i = 0; i < r->n_apart; i++) {
		const struct sk_result *x = &r->results->r[r->apart[i]];

		f = 1;
		fputs(i ? ",\n{" : "\n{", fp);
		kstr(fp, &f, "id", x->ticket.id);
		kstr(fp, &f, "priority", c->priorities[x->v.priority].id);
		kstr(fp, &f, "matrix_priority",
		     x->v.matrix_priority >= 0 ? c->priorities[x->v.matrix_priority].id : NULL);
		kbool(fp, &f, "excluded", x->v.excluded);
		flags(fp, &f, x->v.flags);
		kstr(fp, &f, "reason", x->v.reason);
		fputc('}', fp);
	}
	fputs("],\"breaches\":[", fp);
	for (size_t i = 0; i < r->n_breaches; i++) {
		const struct sk_report_breach *br = &r->breaches[i];
		const struct sk_result *x = &r->results->r[br->result];
		const struct sk_clock *k = br->resolution ? &x->v.resolution : &x->v.response;

		f = 1;
		fputs(i ? ",\n{" : "\n{", fp);
		kstr(fp, &f, "id", x->ticket.id);
		kstr(fp, &f, "priority", c->priorities[x->v.priority].id);
		kstr(fp, &f, "clock", br->resolution ? "resolution" : "response");
		knum(fp, &f, "target_seconds", k->target);
		if (k->below)
			kbool(fp, &f, "target_below", 1);
		ktime(fp, &f, r, "deadline", k->deadline);
		ktime(fp, &f, r, "stopped", k->stop);
		knum(fp, &f, "late_seconds", br->late);
		fputc('}', fp);
	}
	fputc(']', fp);
}

static void cases(FILE *fp, const struct sk_report *r, const char *name,
		  const struct sk_report_case *list, size_t n, int complaint)
{
	fprintf(fp, ",\"%s\":[", name);
	for (size_t i = 0; i < n; i++) {
		const struct sk_report_case *k = &list[i];
		int f = 1;

		fputs(i ? ",\n{" : "\n{", fp);
		kstr(fp, &f, "id", k->id);
		kstr(fp, &f, "title", k->title);
		ktime(fp, &f, r, "reported_at", k->reported_at);
		ktime(fp, &f, r, "solved_at", k->solved_at);
		knum(fp, &f, "business_seconds", k->business);
		if (complaint) {
			knum(fp, &f, "paused_seconds", k->paused);
			if (k->has_limit) {
				knum(fp, &f, "limit_seconds", k->limit);
				kbool(fp, &f, "within", k->within);
			}
			if (k->level) {
				static const char *const lv[] = { "", "department", "management",
								  "directors" };

				kstr(fp, &f, "level", lv[k->level]);
				ktime(fp, &f, r, "management_at", k->management_at);
				ktime(fp, &f, r, "directors_at", k->directors_at);
			}
		} else {
			kstr(fp, &f, "change_type", k->change_type);
			ktime(fp, &f, r, "planned_at", k->planned_at);
			kbool(fp, &f, "cab_approved", k->cab_approved);
			kbool(fp, &f, "failed", k->failed);
		}
		fputc('}', fp);
	}
	fputc(']', fp);
}

static void write_cases(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_changes *ch = &r->changes;
	int f = 1;

	fputs(",\"services\":[", fp);
	for (size_t i = 0; i < r->n_services; i++) {
		const struct sk_report_service *s = &r->services[i];

		f = 1;
		fputs(i ? ",\n{" : "\n{", fp);
		kstr(fp, &f, "id", s->service->id);
		kstr(fp, &f, "name", s->service->name);
		kdec(fp, &f, "norm", s->service->norm, -1);
		if (s->has_value) {
			kdec(fp, &f, "availability", s->availability, -1);
			kbool(fp, &f, "met", s->met);
		}
		kbool(fp, &f, "no_data", s->no_data);
		kbool(fp, &f, "no_outages_reported_means_available", s->assumed);
		knum(fp, &f, "window_seconds", s->window);
		knum(fp, &f, "down_seconds", s->down);
		knum(fp, &f, "outages", s->outages);
		knum(fp, &f, "planned", s->planned);
		fputc('}', fp);
	}
	fputs("],\"changes\":{", fp);
	f = 1;
	knum(fp, &f, "total", ch->total);
	knum(fp, &f, "standard", ch->standard);
	knum(fp, &f, "normal", ch->normal);
	knum(fp, &f, "emergency", ch->emergency);
	knum(fp, &f, "untyped", ch->untyped);
	knum(fp, &f, "cab_approved", ch->cab_approved);
	knum(fp, &f, "failed", ch->failed);
	knum(fp, &f, "solved", ch->solved);
	cases(fp, r, "list", r->change_list, r->n_changes, 0);
	fputc('}', fp);
	cases(fp, r, "complaints", r->complaints, r->n_complaints, 1);
	if (r->ladder[0] || r->ladder[1])
		fprintf(fp, ",\"ladder\":{\"management_seconds\":%lld,\"directors_seconds\":%lld}",
			(long long)r->ladder[0], (long long)r->ladder[1]);
	fputs(",\"escalations\":[", fp);
	for (size_t i = 0; i < r->n_escalations; i++) {
		const struct sk_report_escalation *e = &r->escalations[i];

		f = 1;
		fputs(i ? ",{" : "{", fp);
		kstr(fp, &f, "kind", e->kind == 0 ? "staffel" : "complaint");
		kstr(fp, &f, "id", e->kind == 0 ? r->score->domains[e->index].domain->id
						: r->complaints[e->index].id);
		fputc('}', fp);
	}
	fprintf(fp, "],\"handovers\":%ld", r->handovers);
}

static void counts(FILE *fp, const char *name, const struct sk_report_count *list, size_t n)
{
	fprintf(fp, ",\"%s\":[", name);
	for (size_t i = 0; i < n; i++) {
		int f = 1;

		fputs(i ? ",{" : "{", fp);
		kstr(fp, &f, "name", list[i].name);
		knum(fp, &f, "tickets", list[i].n);
		fputc('}', fp);
	}
	fputc(']', fp);
}

static void write_trend(FILE *fp, const struct sk_report *r)
{
	fprintf(fp, ",\"trend\":{\"reported\":%ld", r->reported);
	counts(fp, "locations", r->locations, r->n_locations);
	counts(fp, "categories", r->categories, r->n_categories);
	counts(fp, "recurring", r->recurring, r->n_recurring);
	fputs(",\"months\":[", fp);
	for (size_t m = 0; m < r->n_months; m++) {
		const struct sk_report_month *mo = &r->months[m];
		int f = 1;

		fputs(m ? ",\n{" : "\n{", fp);
		kstr(fp, &f, "month", mo->period.label);
		knum(fp, &f, "reported", mo->reported);
		knum(fp, &f, "breached", mo->breached);
		key(fp, &f, "priorities");
		fputc('[', fp);
		for (size_t p = 0; p < r->contract->n_priorities; p++) {
			fputs(p ? "," : "", fp);
			prio(fp, r, &mo->prio[p]);
		}
		fputs("],\"categories\":[", fp);
		for (size_t i = 0; i < r->n_categories; i++)
			fprintf(fp, "%s%ld", i ? "," : "", mo->category[i]);
		fputs("]}", fp);
	}
	fputs("]}", fp);
}

enum sk_err report_write_json(const struct sk_report *r, const char *lang, FILE *fp)
{
	enum sk_err rc;

	lang = report_lang(r, lang);
	fputc('{', fp);
	write_header(fp, r, lang);
	report_summary_json(fp, r);
	fputs(",\"priorities\":[", fp);
	for (size_t i = 0; i < r->n_prio; i++) {
		fputs(i ? ",\n" : "\n", fp);
		prio(fp, r, &r->prio[i]);
	}
	fputc(']', fp);
	write_lists(fp, r);
	fputs(",\n\"score\":", fp);
	if ((rc = score_write_json(r->score, lang, fp)))
		return rc;
	write_cases(fp, r);
	write_trend(fp, r);
	report_history_json(fp, r);
	report_suppliers_json(fp, r);
	report_onsite_json(fp, r);
	report_deviations_json(fp, r);
	report_cadence_json(fp, r);
	report_breakdown_json(fp, r);
	fputs(",\n\"tickets\":", fp);
	if ((rc = sk_results_write(r->results, SK_FORMAT_JSON, 0, fp)))
		return rc;
	fputs("}\n", fp);
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}
