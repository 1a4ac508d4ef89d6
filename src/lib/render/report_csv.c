/*
 * The report as CSV for scripts: one figure per row, `section,key,field,value`,
 * numbers with a '.' and no thousands mark, instants local ISO 8601. Text
 * from the tickets is quoted so that no spreadsheet reads it as a formula.
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

void csv_put(FILE *fp, const char *section, const char *key, const char *name, const char *value)
{
	csv_write_field(fp, section, ',');
	fputc(',', fp);
	csv_write_field(fp, key, ',');
	fputc(',', fp);
	csv_write_field(fp, name, ',');
	fputc(',', fp);
	csv_write_field(fp, value, ',');
	fputc('\n', fp);
}

void csv_put_long(FILE *fp, const char *section, const char *key, const char *name, int64_t v)
{
	char b[32];

	snprintf(b, sizeof(b), "%" PRId64, v);
	csv_put(fp, section, key, name, b);
}

void csv_put_dec(FILE *fp, const char *section, const char *key, const char *name, sk_dec v,
		 int decimals)
{
	char b[48];

	if (decimals < 0)
		sk_dec_format_short(v, '.', b, sizeof(b));
	else
		sk_dec_format(v, decimals, '.', b, sizeof(b));
	csv_put(fp, section, key, name, b);
}

/* A clock's share with the places its verdict against @p's norm needs (report_figure()). */
static void put_share(FILE *fp, const char *section, const char *key, const char *name,
		      const struct sk_report_prio *p, long within, long n, sk_dec pct, int decimals)
{
	struct report_figure f;

	if (!p->has_norm) {
		csv_put_dec(fp, section, key, name, pct, decimals);
		return;
	}
	report_figure(SK_DEC(within), SK_DEC(n), p->norm, SK_HIGHER_IS_BETTER,
		      report_share_met(within, n, p->norm), decimals, &f);
	csv_put_dec(fp, section, key, name, f.value, f.decimals);
}

static void put_time(FILE *fp, const struct sk_report *r, const char *section, const char *key,
		     const char *name, sk_time t)
{
	char b[32];

	csv_put(fp, section, key, name, t ? sk_time_format_local(t, r->contract->tz, b, sizeof(b)) : "");
}

static void write_header(FILE *fp, const struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	const struct sk_rules *ru = &c->rules;
	char key[32];

	/* First: whether the period ends after the data's horizon (its figures are then incomplete). */
	csv_put_long(fp, "report", r->period.label, "beyond_horizon", r->beyond_horizon);
	csv_put(fp, "report", r->period.label, "contract", c->id);
	csv_put(fp, "report", r->period.label, "contract_name", c->name);
	csv_put(fp, "report", r->period.label, "contract_sha256", c->sha256);
	put_time(fp, r, "report", r->period.label, "period_start", r->period.start);
	put_time(fp, r, "report", r->period.label, "period_end", r->period.end);
	csv_put(fp, "report", r->period.label, "time_zone", sk_tz_name(c->tz));
	put_time(fp, r, "report", r->period.label, "generated_at", r->generated_at);
	if (r->horizon_source)
		put_time(fp, r, "report", r->period.label, "horizon", r->horizon);
	csv_put(fp, "report", r->period.label, "horizon_source",
	    r->horizon_source == 1 ? "imports" : r->horizon_source == 2 ? "data" : "none");
	if (c->has_start) {
		int y, m, dd;

		sk_civil_from_days(c->start_day, &y, &m, &dd);
		snprintf(key, sizeof(key), "%04d-%02d-%02d", y, m, dd);
		csv_put(fp, "report", r->period.label, "contract_start", key);
	}
	csv_put(fp, "report", r->period.label, "version", r->version);
	put_time(fp, r, "report", r->period.label, "slr_due", r->due);
	csv_put(fp, "decision", "resolution_start", "value", sk_clock_start_name(ru->resolution_start));
	csv_put(fp, "decision", "priority", "value", sk_priority_rule_name(ru->priority));
	csv_put(fp, "decision", "cap", "value", ru->cap ? "yes" : "no");
	csv_put_long(fp, "decision", "pct_decimals", "value", ru->pct_decimals);
	csv_put_long(fp, "decision", "score_decimals", "value", ru->score_decimals);
	csv_put(fp, "decision", "aggregate", "value", sk_aggregate_name(ru->aggregate));
	csv_put(fp, "decision", "weights", "value", sk_weights_rule_name(ru->weights));
	csv_put(fp, "decision", "wrong_channel", "value", sk_channel_rule_name(ru->wrong_channel));
	for (size_t i = 0; i < ru->n_pause_statuses; i++)
		csv_put(fp, "decision", "pause_status", "value", ru->pause_statuses[i]);
	csv_put(fp, "decision", "reopen_resets", "value", ru->reopen_resets ? "yes" : "no");
	csv_put(fp, "decision", "onsite_default", "value", ru->onsite_resolution ? "resolution" : "none");
	csv_put_long(fp, "decision", "report_due_days", "value", ru->report_due_days);
	csv_put(fp, "decision", "missing", "value", report_missing_name(r->missing));
	for (size_t i = 0; i < c->n_choices; i++) {
		csv_put(fp, "choice", c->choices[i].id, "clause", c->choices[i].clause);
		csv_put(fp, "choice", c->choices[i].id, "reading", c->choices[i].reading);
		csv_put(fp, "choice", c->choices[i].id, "seed", c->choices[i].seed);
	}
	for (size_t i = 0; i < r->n_imports; i++) {
		const struct sk_report_import *im = &r->imports[i];

		snprintf(key, sizeof(key), "%ld", im->id);
		csv_put(fp, "import", key, "file", report_base_name(im->file));
		csv_put(fp, "import", key, "sha256", im->sha256);
		csv_put(fp, "import", key, "kind", im->kind);
		csv_put(fp, "import", key, "profile", im->profile);
		csv_put_long(fp, "import", key, "rows", im->rows);
		csv_put_long(fp, "import", key, "rejected", im->rejected);
		csv_put_long(fp, "import", key, "dst_gaps", im->dst_gaps);
		csv_put_long(fp, "import", key, "dst_folds", im->dst_folds);
		put_time(fp, r, "import", key, "finished_at", im->finished_at);
		/* One row per status that stopped the clock: "pause_status:TEXT", the count. */
		for (size_t k = 0; k < im->n_pause_statuses; k++) {
			char field[1100];

			snprintf(field, sizeof(field), "pause_status:%s", im->pause_statuses[k].status);
			csv_put_long(fp, "import", key, field, im->pause_statuses[k].events);
		}
	}
}

static void write_prio(FILE *fp, const struct sk_report *r, const char *section, const char *prefix,
		       const struct sk_report_prio *p)
{
	const struct sk_contract *c = r->contract;
	char key[96];

	snprintf(key, sizeof(key), "%s%s%s%s", prefix, c->priorities[p->priority].id,
		 p->type >= 0 ? "/" : "", p->type >= 0 ? sk_ticket_type_name((enum sk_ticket_type)p->type) : "");
	csv_put_long(fp, section, key, "tickets", p->tickets);
	csv_put_long(fp, section, key, "open", p->open);
	csv_put_long(fp, section, key, "pending", p->pending);
	csv_put_long(fp, section, key, "response_not_measured", p->response_unmeasured);
	csv_put_long(fp, section, key, "response_n", p->response_n);
	csv_put_long(fp, section, key, "response_within", p->response_within);
	if (p->response_n)
		put_share(fp, section, key, "response_pct", p, p->response_within, p->response_n,
			  p->response_pct, c->rules.pct_decimals);
	csv_put_long(fp, section, key, "resolution_n", p->resolution_n);
	csv_put_long(fp, section, key, "resolution_within", p->resolution_within);
	if (p->resolution_n)
		put_share(fp, section, key, "resolution_pct", p, p->resolution_within,
			  p->resolution_n, p->resolution_pct, c->rules.pct_decimals);
	if (p->has_norm)
		csv_put_dec(fp, section, key, "norm", p->norm, -1);
	csv_put(fp, section, key, "met", p->met < 0 ? "" : p->met ? "1" : "0");
	if (p->mttr >= 0) {
		csv_put_long(fp, section, key, "mttr_business_seconds", p->mttr);
		csv_put_long(fp, section, key, "mttr_wall_seconds", p->mttr_wall);
	}
	if (p->mttp >= 0) {
		csv_put_long(fp, section, key, "mttp_business_seconds", p->mttp);
		csv_put_long(fp, section, key, "mttp_wall_seconds", p->mttp_wall);
	}
}

static void flag_names(unsigned flags, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; i < SK_FLAG_COUNT; i++)
		if (flags & (1u << i))
			n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? " " : "",
					      sk_flag_name(1u << i));
}

static void write_lists(FILE *fp, const struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	char b[256];

	for (size_t i = 0; i < r->n_p1; i++) {
		const struct sk_result *x = &r->results->r[r->p1[i]];

		csv_put(fp, "p1", x->ticket.id, "response", sk_clock_state_name(x->v.response.state));
		csv_put(fp, "p1", x->ticket.id, "resolution", sk_clock_state_name(x->v.resolution.state));
		report_cadence_p1_csv(fp, r, r->p1[i]);
	}
	for (size_t i = 0; i < r->n_uplifts; i++) {
		const struct sk_result *x = &r->results->r[r->uplifts[i]];

		csv_put(fp, "uplift", x->ticket.id, "reason", x->ticket.uplift_reason);
	}
	for (size_t i = 0; i < r->n_apart; i++) {
		const struct sk_result *x = &r->results->r[r->apart[i]];

		flag_names(x->v.flags, b, sizeof(b));
		csv_put(fp, "apart", x->ticket.id, "priority", c->priorities[x->v.priority].id);
		csv_put_long(fp, "apart", x->ticket.id, "excluded", x->v.excluded);
		csv_put(fp, "apart", x->ticket.id, "flags", b);
		if (x->v.matrix_priority >= 0)
			csv_put(fp, "apart", x->ticket.id, "matrix_priority",
			    c->priorities[x->v.matrix_priority].id);
	}
	for (size_t i = 0; i < r->n_breaches; i++) {
		const struct sk_report_breach *br = &r->breaches[i];
		const struct sk_result *x = &r->results->r[br->result];
		const struct sk_clock *k = br->resolution ? &x->v.resolution : &x->v.response;
		char key[160];

		snprintf(key, sizeof(key), "%s/%s", x->ticket.id, br->resolution ? "resolution" : "response");
		csv_put(fp, "breach", key, "priority", c->priorities[x->v.priority].id);
		csv_put_long(fp, "breach", key, "target_seconds", k->target);
		put_time(fp, r, "breach", key, "deadline", k->deadline);
		put_time(fp, r, "breach", key, "stopped", k->stop);
		csv_put_long(fp, "breach", key, "late_seconds", br->late);
	}
}

static void write_domains(FILE *fp, const struct sk_report *r)
{
	const struct sk_rules *ru = &r->contract->rules;
	char key[192];

	for (size_t i = 0; i < r->score->n_domains; i++) {
		const struct sk_domain_score *ds = &r->score->domains[i];
		const char *id = ds->domain->id;

		csv_put_long(fp, "domain", id, "scored", ds->scored);
		csv_put_long(fp, "domain", id, "complete", ds->complete);
		if (ds->scored) {
			csv_put_dec(fp, "domain", id, "score", ds->score, ru->score_decimals);
			csv_put_dec(fp, "domain", id, "malus_percent", ds->malus, -1);
			csv_put_long(fp, "domain", id, "escalation", ds->escalation);
			if (ds->has_invoice) {
				csv_put_long(fp, "domain", id, "invoice_cents", ds->invoice_cents);
				csv_put_long(fp, "domain", id, "malus_cents", ds->malus_cents);
				csv_put(fp, "domain", id, "applies_to", ds->applies_to);
			}
		}
		if (ds->reason[0])
			csv_put(fp, "domain", id, "reason", ds->reason);
		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			snprintf(key, sizeof(key), "%s.%s", id, ks->kpi->id);
			if (ks->has_value)
				csv_put_dec(fp, "kpi", key, "measured", ks->measured, -1);
			if (ks->kpi->has_norm)
				csv_put_dec(fp, "kpi", key, "norm", ks->norm_used, -1);
			csv_put(fp, "kpi", key, "unit", ks->kpi->unit);
			/* The value the score counts, as sla-score's CSV; measured shows the verdict. */
			if (ks->has_pct)
				csv_put_dec(fp, "kpi", key, "pct_of_norm", ks->pct, ru->pct_decimals);
			if (ks->kpi->has_weight)
				csv_put_dec(fp, "kpi", key, "weight", ks->weight, -1);
			if (ks->scored) {
				csv_put_dec(fp, "kpi", key, "weight_used", ks->weight_used, -1);
				csv_put_dec(fp, "kpi", key, "contribution", ks->contribution, -1);
			}
			csv_put(fp, "kpi", key, "source", sk_value_origin_name(ks->origin));
			csv_put(fp, "kpi", key, "window", ks->window);
		}
	}
}

static void write_cases(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_changes *ch = &r->changes;

	for (size_t i = 0; i < r->n_services; i++) {
		const struct sk_report_service *s = &r->services[i];
		const char *id = s->service->id;

		csv_put_dec(fp, "service", id, "norm", s->service->norm, -1);
		if (s->has_value) {
			csv_put_dec(fp, "service", id, "availability", s->availability, -1);
			csv_put_long(fp, "service", id, "met", s->met);
		}
		if (s->no_data)
			csv_put(fp, "service", id, "availability", "no data");
		if (s->assumed)
			csv_put_long(fp, "service", id, "no_outages_reported_means_available", 1);
		csv_put_long(fp, "service", id, "window_seconds", s->window);
		csv_put_long(fp, "service", id, "down_seconds", s->down);
		csv_put_long(fp, "service", id, "outages", s->outages);
		csv_put_long(fp, "service", id, "planned", s->planned);
	}
	csv_put_long(fp, "changes", "all", "total", ch->total);
	csv_put_long(fp, "changes", "all", "standard", ch->standard);
	csv_put_long(fp, "changes", "all", "normal", ch->normal);
	csv_put_long(fp, "changes", "all", "emergency", ch->emergency);
	csv_put_long(fp, "changes", "all", "untyped", ch->untyped);
	csv_put_long(fp, "changes", "all", "cab_approved", ch->cab_approved);
	csv_put_long(fp, "changes", "all", "failed", ch->failed);
	csv_put_long(fp, "changes", "all", "solved", ch->solved);
	for (size_t i = 0; i < r->n_changes; i++) {
		const struct sk_report_case *k = &r->change_list[i];

		csv_put(fp, "change", k->id, "change_type", k->change_type);
		put_time(fp, r, "change", k->id, "reported_at", k->reported_at);
		put_time(fp, r, "change", k->id, "planned_at", k->planned_at);
		put_time(fp, r, "change", k->id, "solved_at", k->solved_at);
		csv_put(fp, "change", k->id, "cab_approved", k->cab_approved < 0 ? "" : k->cab_approved ? "1" : "0");
		csv_put(fp, "change", k->id, "failed", k->failed < 0 ? "" : k->failed ? "1" : "0");
	}
	for (size_t i = 0; i < r->n_complaints; i++) {
		const struct sk_report_case *k = &r->complaints[i];

		put_time(fp, r, "complaint", k->id, "reported_at", k->reported_at);
		put_time(fp, r, "complaint", k->id, "solved_at", k->solved_at);
		csv_put_long(fp, "complaint", k->id, "business_seconds", k->business);
		csv_put_long(fp, "complaint", k->id, "paused_seconds", k->paused);
		if (k->has_limit) {
			csv_put_long(fp, "complaint", k->id, "limit_seconds", k->limit);
			csv_put_long(fp, "complaint", k->id, "within", k->within);
		}
		if (k->level) {
			static const char *const lv[] = { "", "department", "management", "directors" };

			csv_put(fp, "complaint", k->id, "level", lv[k->level]);
			put_time(fp, r, "complaint", k->id, "management_at", k->management_at);
			put_time(fp, r, "complaint", k->id, "directors_at", k->directors_at);
		}
	}
	if (r->ladder[0])
		csv_put_long(fp, "ladder", "management", "after_seconds", r->ladder[0]);
	if (r->ladder[1])
		csv_put_long(fp, "ladder", "directors", "after_seconds", r->ladder[1]);
	for (size_t i = 0; i < r->n_escalations; i++) {
		const struct sk_report_escalation *e = &r->escalations[i];

		if (e->kind == 0)
			csv_put(fp, "escalation", r->score->domains[e->index].domain->id, "kind", "staffel");
		else
			csv_put(fp, "escalation", r->complaints[e->index].id, "kind", "complaint");
	}
	csv_put_long(fp, "escalation", "handovers", "tickets", r->handovers);
}

static void write_trend(FILE *fp, const struct sk_report *r)
{
	char key[64];

	csv_put_long(fp, "trend", r->period.label, "reported", r->reported);
	for (size_t i = 0; i < r->n_locations; i++)
		csv_put_long(fp, "location", r->locations[i].name, "tickets", r->locations[i].n);
	for (size_t i = 0; i < r->n_categories; i++)
		csv_put_long(fp, "category", r->categories[i].name, "tickets", r->categories[i].n);
	for (size_t i = 0; i < r->n_recurring; i++) {
		snprintf(key, sizeof(key), "%zu", i + 1);
		csv_put(fp, "recurring", key, "category", r->recurring[i].name);
		csv_put_long(fp, "recurring", key, "tickets", r->recurring[i].n);
	}
	for (size_t m = 0; m < r->n_months; m++) {
		const struct sk_report_month *mo = &r->months[m];

		csv_put_long(fp, "month", mo->period.label, "reported", mo->reported);
		csv_put_long(fp, "month", mo->period.label, "breached", mo->breached);
		snprintf(key, sizeof(key), "%s/", mo->period.label);
		for (size_t p = 0; p < r->contract->n_priorities; p++)
			write_prio(fp, r, "month_priority", key, &mo->prio[p]);
		for (size_t i = 0; i < r->n_categories; i++) {
			char ck[512];

			snprintf(ck, sizeof(ck), "%s/%s", mo->period.label, r->categories[i].name);
			csv_put_long(fp, "month_category", ck, "tickets", mo->category[i]);
		}
	}
}

enum sk_err report_write_csv(const struct sk_report *r, FILE *fp)
{
	fputs("section,key,field,value\n", fp);
	write_header(fp, r);
	report_summary_csv(fp, r);
	for (size_t i = 0; i < r->n_prio; i++)
		write_prio(fp, r, "priority", "", &r->prio[i]);
	write_lists(fp, r);
	write_domains(fp, r);
	write_cases(fp, r);
	write_trend(fp, r);
	report_history_csv(fp, r);
	report_suppliers_csv(fp, r);
	report_onsite_csv(fp, r);
	report_deviations_csv(fp, r);
	report_cadence_csv(fp, r);
	report_breakdown_csv(fp, r);
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}
