/*
 * The history in the CSV and JSON reports: per period whether it has data,
 * then per priority the response and resolution clocks decided (n), those
 * within the norm, the share and the norm; per domain the score. A period
 * without data has no figures at all (no 0 %).
 */
#include <stdio.h>

#include "report_history_priv.h"

/* ---- CSV: section,key,field,value ---- */

/* The share as the text shows it (on the verdict's side of the norm). */
static void put_share(FILE *fp, const char *key, const char *name, const struct sk_report_prio *p,
		      int res, int decimals)
{
	long n = history_n(p, res), in = history_within(p, res);
	struct report_figure f;

	if (!p->has_norm) {
		csv_put_dec(fp, "history_priority", key, name, history_pct(p, res), decimals);
		return;
	}
	report_figure(SK_DEC(in), SK_DEC(n), p->norm, SK_HIGHER_IS_BETTER,
		      report_share_met(in, n, p->norm), decimals, &f);
	csv_put_dec(fp, "history_priority", key, name, f.value, f.decimals);
}

void report_history_csv(FILE *fp, const struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;
	char key[256];

	for (size_t i = 0; i < r->n_history; i++) {
		const struct sk_report_past *h = &r->history[i];

		csv_put_long(fp, "history", h->period.label, "data", h->has_data);
		if (!h->has_data)
			continue;
		for (size_t p = 0; p < c->n_priorities; p++) {
			const struct sk_report_prio *pr = &h->prio[p];

			snprintf(key, sizeof(key), "%s/%s", h->period.label, c->priorities[p].id);
			for (int res = 0; res < 2; res++) {
				const char *clock = res ? "resolution" : "response";
				char name[32];

				snprintf(name, sizeof(name), "%s_n", clock);
				csv_put_long(fp, "history_priority", key, name, history_n(pr, res));
				snprintf(name, sizeof(name), "%s_within", clock);
				csv_put_long(fp, "history_priority", key, name, history_within(pr, res));
				snprintf(name, sizeof(name), "%s_pct", clock);
				if (history_n(pr, res))
					put_share(fp, key, name, pr, res, dec);
			}
			if (pr->has_norm)
				csv_put_dec(fp, "history_priority", key, "norm", pr->norm, -1);
		}
		for (size_t k = 0; k < r->score->n_domains; k++) {
			snprintf(key, sizeof(key), "%s/%s", h->period.label, r->score->domains[k].domain->id);
			if (h->scored[k])
				csv_put_dec(fp, "history_domain", key, "score", h->score[k],
					    c->rules.score_decimals);
			else
				csv_put(fp, "history_domain", key, "score", "");
		}
	}
}

/* ---- JSON: ,"history":{...} ---- */

static void jdec(FILE *fp, const char *name, sk_dec v, int decimals)
{
	char b[48];

	fprintf(fp, ",\"%s\":%s", name, decimals < 0 ? sk_dec_format_short(v, '.', b, sizeof(b))
						     : sk_dec_format(v, decimals, '.', b, sizeof(b)));
}

void report_history_json(FILE *fp, const struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;

	if (!r->n_history)
		return;
	fprintf(fp, ",\n\"history\":{\"kind\":\"%s\",\"periods\":[",
		r->period.kind == SK_PERIOD_MONTH ? "month" : "quarter");
	for (size_t i = 0; i < r->n_history; i++) {
		const struct sk_report_past *h = &r->history[i];

		fputs(i ? ",\n{\"period\":" : "\n{\"period\":", fp);
		json_write_string(fp, h->period.label);
		fprintf(fp, ",\"data\":%s", h->has_data ? "true" : "false");
		if (!h->has_data) {
			fputc('}', fp);
			continue;
		}
		fputs(",\"priorities\":[", fp);
		for (size_t p = 0; p < c->n_priorities; p++) {
			const struct sk_report_prio *pr = &h->prio[p];

			fputs(p ? ",{\"priority\":" : "{\"priority\":", fp);
			json_write_string(fp, c->priorities[p].id);
			for (int res = 0; res < 2; res++) {
				const char *clock = res ? "resolution" : "response";
				char name[32];

				fprintf(fp, ",\"%s_n\":%ld,\"%s_within\":%ld", clock, history_n(pr, res), clock,
					history_within(pr, res));
				snprintf(name, sizeof(name), "%s_pct", clock);
				if (history_n(pr, res))
					jdec(fp, name, history_pct(pr, res), dec);
			}
			if (pr->has_norm)
				jdec(fp, "norm", pr->norm, -1);
			fputc('}', fp);
		}
		fputs("],\"domains\":[", fp);
		for (size_t k = 0; k < r->score->n_domains; k++) {
			fputs(k ? ",{\"domain\":" : "{\"domain\":", fp);
			json_write_string(fp, r->score->domains[k].domain->id);
			if (h->scored[k])
				jdec(fp, "score", h->score[k], c->rules.score_decimals);
			else
				fputs(",\"score\":null", fp);
			fputc('}', fp);
		}
		fputs("]}", fp);
	}
	fputs("]}", fp);
}
