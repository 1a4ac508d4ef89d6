/*
 * The breakdowns in the CSV and JSON reports: the same figures as the text,
 * in seconds and plain numbers.
 */
#include <inttypes.h>
#include <stdio.h>

#include "report_breakdown_priv.h"
#include "slakit/datetime.h"

/* ---- CSV: section,key,field,value ---- */

void report_breakdown_csv(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_breakdown *b = r->breakdown;
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;
	char section[64], field[64], at[40];

	if (!b)
		return;
	for (int dim = 0; dim < SK_BREAKDOWN_DIMS; dim++) {
		const struct sk_breakdown_table *t = &b->dims[dim];

		snprintf(section, sizeof(section), "breakdown_%s", breakdown_dim_key[dim]);
		csv_put(fp, section, "", "recorded", t->recorded ? "yes" : "no");
		for (size_t i = 0; i < t->n; i++) {
			const struct sk_breakdown_row *x = &t->rows[i];

			csv_put_long(fp, section, x->name, "tickets", x->tickets);
			csv_put_long(fp, section, x->name, "response_n", x->response_n);
			csv_put_long(fp, section, x->name, "response_within", x->response_within);
			if (x->response_n)
				csv_put_dec(fp, section, x->name, "response_pct", x->response_pct, dec);
			csv_put_long(fp, section, x->name, "resolution_n", x->resolution_n);
			csv_put_long(fp, section, x->name, "resolution_within", x->resolution_within);
			if (x->resolution_n)
				csv_put_dec(fp, section, x->name, "resolution_pct", x->resolution_pct,
					    dec);
		}
	}
	csv_put(fp, "backlog", "", "as_at", sk_time_format_local(b->backlog_at, c->tz, at,
								     sizeof(at)));
	csv_put(fp, "backlog", "", "as_at_horizon", b->backlog_at_horizon ? "yes" : "no");
	for (size_t p = 0; p < b->n_prio; p++) {
		const struct sk_breakdown_prio *x = &b->prio[p];
		const char *id = c->priorities[x->priority].id;

		csv_put_long(fp, "backlog", id, "open", x->open);
		for (int k = 0; k < SK_AGE_BUCKETS; k++) {
			snprintf(field, sizeof(field), "age_%s", breakdown_age_key[k]);
			csv_put_long(fp, "backlog", id, field, x->age[k]);
		}
		if (x->oldest >= 0)
			csv_put_long(fp, "backlog", id, "oldest_seconds", x->oldest);
		csv_put_long(fp, "backlog", id, "workday_seconds", x->day);
		csv_put_long(fp, "paused", id, "decided", x->paused_n);
		csv_put_long(fp, "paused", id, "with_pause", x->paused_tickets);
		csv_put_long(fp, "paused", id, "total_seconds", x->paused_total);
		if (x->paused_mean >= 0)
			csv_put_long(fp, "paused", id, "mean_seconds", x->paused_mean);
		csv_put_long(fp, "times", id, "response_n", x->response_n);
		if (x->response_n) {
			csv_put_long(fp, "times", id, "response_mean_seconds", x->response_mean);
			csv_put_long(fp, "times", id, "response_median_seconds", x->response_median);
			csv_put_long(fp, "times", id, "response_p90_seconds", x->response_p90);
		}
		csv_put_long(fp, "times", id, "resolution_n", x->resolution_n);
		if (x->resolution_n) {
			csv_put_long(fp, "times", id, "resolution_mean_seconds", x->resolution_mean);
			csv_put_long(fp, "times", id, "resolution_median_seconds",
				     x->resolution_median);
			csv_put_long(fp, "times", id, "resolution_p90_seconds", x->resolution_p90);
		}
	}
}

/* ---- JSON: ,"breakdown":{...} ---- */

/* ,"name":seconds, or null when -1 (none). */
static void jsecs(FILE *fp, const char *name, int64_t v)
{
	fprintf(fp, ",\"%s\":", name);
	fprintf(fp, v >= 0 ? "%" PRId64 : "null", v);
}

static void jpct(FILE *fp, const char *name, long n, sk_dec v, int decimals)
{
	char b[48];

	fprintf(fp, ",\"%s\":%s", name, n ? sk_dec_format(v, decimals, '.', b, sizeof(b)) : "null");
}

void report_breakdown_json(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_breakdown *b = r->breakdown;
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;

	if (!b)
		return;
	fputs(",\n\"breakdown\":{", fp);
	for (int dim = 0; dim < SK_BREAKDOWN_DIMS; dim++) {
		const struct sk_breakdown_table *t = &b->dims[dim];

		fprintf(fp, "%s\n\"%s\":{\"recorded\":%s,\"rows\":[", dim ? "," : "",
			breakdown_dim_key[dim], t->recorded ? "true" : "false");
		for (size_t i = 0; i < t->n; i++) {
			const struct sk_breakdown_row *x = &t->rows[i];

			fputs(i ? ",\n{\"name\":" : "\n{\"name\":", fp);
			json_write_string(fp, x->name);
			fprintf(fp, ",\"tickets\":%ld,\"response_n\":%ld,\"response_within\":%ld",
				x->tickets, x->response_n, x->response_within);
			jpct(fp, "response_pct", x->response_n, x->response_pct, dec);
			fprintf(fp, ",\"resolution_n\":%ld,\"resolution_within\":%ld", x->resolution_n,
				x->resolution_within);
			jpct(fp, "resolution_pct", x->resolution_n, x->resolution_pct, dec);
			fputc('}', fp);
		}
		fputs("]}", fp);
	}
	fprintf(fp, ",\n\"backlog_at\":%" PRId64 ",\"backlog_at_horizon\":%s,\"priorities\":[",
		(int64_t)b->backlog_at, b->backlog_at_horizon ? "true" : "false");
	for (size_t p = 0; p < b->n_prio; p++) {
		const struct sk_breakdown_prio *x = &b->prio[p];

		fputs(p ? ",\n{\"priority\":" : "\n{\"priority\":", fp);
		json_write_string(fp, c->priorities[x->priority].id);
		fprintf(fp, ",\"open\":%ld,\"age\":{", x->open);
		for (int k = 0; k < SK_AGE_BUCKETS; k++)
			fprintf(fp, "%s\"%s\":%ld", k ? "," : "", breakdown_age_key[k], x->age[k]);
		fputc('}', fp);
		jsecs(fp, "oldest_seconds", x->oldest);
		fprintf(fp, ",\"workday_seconds\":%" PRId64, x->day);
		fprintf(fp, ",\"paused_decided\":%ld,\"paused_tickets\":%ld,"
			"\"paused_total_seconds\":%" PRId64, x->paused_n, x->paused_tickets,
			x->paused_total);
		jsecs(fp, "paused_mean_seconds", x->paused_mean);
		fprintf(fp, ",\"response_n\":%ld", x->response_n);
		jsecs(fp, "response_mean_seconds", x->response_mean);
		jsecs(fp, "response_median_seconds", x->response_median);
		jsecs(fp, "response_p90_seconds", x->response_p90);
		fprintf(fp, ",\"resolution_n\":%ld", x->resolution_n);
		jsecs(fp, "resolution_mean_seconds", x->resolution_mean);
		jsecs(fp, "resolution_median_seconds", x->resolution_median);
		jsecs(fp, "resolution_p90_seconds", x->resolution_p90);
		fputc('}', fp);
	}
	fputs("]}", fp);
}
