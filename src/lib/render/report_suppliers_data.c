/*
 * The suppliers' section of the CSV and JSON reports: the same figures as
 * the text, in seconds and plain numbers, with every hand-over of the period.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report_suppliers_priv.h"
#include "slakit/datetime.h"

/* The supplier's id, or "" for the ones the contract does not name. */
static const char *id_of(const struct sk_contract *c, int s)
{
	return s >= 0 ? c->suppliers[s].id : "";
}

/* ---- CSV: section,key,field,value ---- */

static void put_figures(FILE *fp, const char *section, const char *key,
			const struct sk_supplier_figures *f, int decimals)
{
	csv_put_long(fp, section, key, "handovers", f->handovers);
	csv_put_long(fp, section, key, "within", f->within);
	if (f->handovers)
		csv_put_dec(fp, section, key, "within_pct", f->pct, decimals);
	csv_put_long(fp, section, key, "running", f->pending);
	csv_put_long(fp, section, key, "without_target", f->without_target);
	csv_put_long(fp, section, key, "timed", f->timed);
	csv_put_long(fp, section, key, "business_seconds", f->business);
	if (f->mean >= 0) {
		csv_put_long(fp, section, key, "mean_seconds", f->mean);
		csv_put_long(fp, section, key, "median_seconds", f->median);
	}
}

void report_suppliers_csv(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_suppliers *s = r->suppliers;
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;
	char key[256], b[40];

	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		const char *id = s->s[i].supplier >= 0 ? id_of(c, s->s[i].supplier) : "(others)";

		put_figures(fp, "supplier", id, &s->s[i].fig, dec);
		for (size_t q = 0; q < s->n_quarters; q++) {
			snprintf(key, sizeof(key), "%s %s", id, s->quarters[q].label);
			put_figures(fp, "supplier_quarter", key, &s->s[i].quarters[q], dec);
		}
	}
	csv_put_long(fp, "supplier_share", r->period.label, "desk_breaches", s->desk_breaches);
	csv_put_long(fp, "supplier_share", r->period.label, "held_by_supplier", s->desk_breaches_held);
	if (s->desk_breaches)
		csv_put_dec(fp, "supplier_share", r->period.label, "held_pct", s->held_pct, dec);
	for (size_t i = 0; i < s->all.n; i++) {
		const struct sk_handover *h = &s->all.h[i];

		snprintf(key, sizeof(key), "%s %s %s", h->ticket, h->supplier_name,
			 sk_time_format_local(h->start, c->tz, b, sizeof(b)));
		csv_put(fp, "handover", key, "source", h->from_status ? "status" : "import");
		csv_put(fp, "handover", key, "end", h->end ? sk_time_format_local(h->end, c->tz, b,
									       sizeof(b)) : "");
		csv_put(fp, "handover", key, "reference", h->ref ? h->ref : "");
		csv_put(fp, "handover", key, "response", sk_clock_state_name(h->response.state));
		csv_put(fp, "handover", key, "resolution", sk_clock_state_name(h->resolution.state));
		csv_put(fp, "handover", key, "verdict", sk_clock_state_name(h->state));
		csv_put_long(fp, "handover", key, "business_seconds", h->business);
	}
	for (size_t i = 0; i < s->n_splits; i++) {
		const struct sk_ticket_split *sp = &s->splits[i];
		const char *id = r->results->r[sp->result].ticket.id;

		csv_put_long(fp, "ticket_time", id, "desk_seconds", sp->desk);
		csv_put_long(fp, "ticket_time", id, "customer_seconds", sp->customer);
		csv_put_long(fp, "ticket_time", id, "suppliers_seconds", sp->suppliers);
		for (size_t k = 0; k < c->n_suppliers; k++)
			if (sp->per_supplier[k]) {
				snprintf(key, sizeof(key), "supplier_%s_seconds", c->suppliers[k].id);
				csv_put_long(fp, "ticket_time", id, key, sp->per_supplier[k]);
			}
		if (sp->per_supplier[c->n_suppliers])
			csv_put_long(fp, "ticket_time", id, "other_suppliers_seconds",
				 sp->per_supplier[c->n_suppliers]);
	}
}

/* ---- JSON: ,"suppliers":{...} ---- */

static void jnum(FILE *fp, const char *name, int64_t v)
{
	fprintf(fp, ",\"%s\":%" PRId64, name, v);
}

static void jfigures(FILE *fp, const struct sk_supplier_figures *f, int decimals)
{
	char b[48];

	fprintf(fp, "\"handovers\":%ld,\"within\":%ld,\"within_pct\":%s", f->handovers, f->within,
		f->handovers ? sk_dec_format(f->pct, decimals, '.', b, sizeof(b)) : "null");
	jnum(fp, "running", f->pending);
	jnum(fp, "without_target", f->without_target);
	jnum(fp, "timed", f->timed);
	jnum(fp, "business_seconds", f->business);
	fprintf(fp, ",\"mean_seconds\":");
	fprintf(fp, f->mean >= 0 ? "%" PRId64 : "null", f->mean);
	fprintf(fp, ",\"median_seconds\":");
	fprintf(fp, f->median >= 0 ? "%" PRId64 : "null", f->median);
}

static void jclock(FILE *fp, const char *name, const struct sk_clock *k)
{
	fprintf(fp, ",\"%s\":{\"state\":\"%s\"", name, sk_clock_state_name(k->state));
	if (k->state != SK_CLOCK_NA)
		fprintf(fp, ",\"target_seconds\":%" PRId64 ",\"elapsed_seconds\":%" PRId64
			",\"deadline\":%" PRId64, k->target, k->elapsed, (int64_t)k->deadline);
	fputc('}', fp);
}

void report_suppliers_json(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_suppliers *s = r->suppliers;
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;
	char b[48];

	if (!s)
		return;
	fputs(",\n\"suppliers\":{\"list\":[", fp);
	for (size_t i = 0; i < s->n; i++) {
		const struct sk_report_supplier *x = &s->s[i];
		const struct sk_supplier *su = x->supplier >= 0 ? &c->suppliers[x->supplier] : NULL;

		fputs(i ? ",\n{" : "\n{", fp);
		json_member_str(fp, "id", su ? su->id : NULL, 0);
		json_member_str(fp, "name", su ? su->name : NULL, 1);
		json_member_str(fp, "products", su ? su->products : NULL, 1);
		json_member_str(fp, "contact", su ? su->contact : NULL, 1);
		json_member_str(fp, "mandate_technical", su ? su->mandate_technical : NULL, 1);
		json_member_str(fp, "mandate_privacy", su ? su->mandate_privacy : NULL, 1);
		json_member_str(fp, "mandate_financial", su ? su->mandate_financial : NULL, 1);
		fputc(',', fp);
		jfigures(fp, &x->fig, dec);
		fputs(",\"breaches\":[", fp);
		for (size_t k = 0; k < x->n_breaches; k++)
			fprintf(fp, "%s%zu", k ? "," : "", x->breaches[k]);
		fputs("],\"quarters\":[", fp);
		for (size_t q = 0; q < s->n_quarters; q++) {
			fputs(q ? ",{" : "{", fp);
			json_member_str(fp, "quarter", s->quarters[q].label, 0);
			fputc(',', fp);
			jfigures(fp, &x->quarters[q], dec);
			fputc('}', fp);
		}
		fputs("]}", fp);
	}
	fprintf(fp, "],\"desk_breaches\":%ld,\"held_by_supplier\":%ld,\"held_pct\":%s",
		s->desk_breaches, s->desk_breaches_held,
		s->desk_breaches ? sk_dec_format(s->held_pct, dec, '.', b, sizeof(b)) : "null");
	fputs(",\"handovers\":[", fp);
	for (size_t i = 0; i < s->all.n; i++) {
		const struct sk_handover *h = &s->all.h[i];

		fputs(i ? ",\n{" : "\n{", fp);
		json_member_str(fp, "ticket", h->ticket, 0);
		json_member_str(fp, "supplier", h->supplier_name, 1);
		json_member_str(fp, "reference", h->ref, 1);
		json_member_str(fp, "source", h->from_status ? "status" : "import", 1);
		jnum(fp, "start", h->start);
		fprintf(fp, ",\"end\":");
		fprintf(fp, h->end ? "%" PRId64 : "null", (int64_t)h->end);
		jnum(fp, "business_seconds", h->business);
		jclock(fp, "response", &h->response);
		jclock(fp, "resolution", &h->resolution);
		json_member_str(fp, "verdict", sk_clock_state_name(h->state), 1);
		fputc('}', fp);
	}
	fputs("],\"ticket_time\":[", fp);
	for (size_t i = 0; i < s->n_splits; i++) {
		const struct sk_ticket_split *sp = &s->splits[i];

		fputs(i ? ",\n{" : "\n{", fp);
		json_member_str(fp, "ticket", r->results->r[sp->result].ticket.id, 0);
		jnum(fp, "desk_seconds", sp->desk);
		jnum(fp, "customer_seconds", sp->customer);
		jnum(fp, "suppliers_seconds", sp->suppliers);
		fputs(",\"per_supplier\":{", fp);
		for (size_t k = 0, first = 1; k <= c->n_suppliers; k++)
			if (sp->per_supplier[k]) {
				fprintf(fp, "%s", first ? "" : ",");
				json_write_string(fp, k < c->n_suppliers ? c->suppliers[k].id : "");
				fprintf(fp, ":%" PRId64, sp->per_supplier[k]);
				first = 0;
			}
		fputs("}}", fp);
	}
	fputs("]}", fp);
}
