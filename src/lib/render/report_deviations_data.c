/*
 * The deviations' section of the CSV and JSON reports: each norm not met
 * with its figures and the rows that explain it, and every imported row
 * (named by its import and line) with its action's state at the period's end.
 */
#include <stdio.h>
#include <string.h>

#include "report_deviations_priv.h"

static const char *const kind_names[] = { "kpi", "domain", "priority", "service", "ticket" };

/* "import.line": the one key of a row, back to its file. */
static char *row_key(const struct sk_report_action *x, char *buf, size_t size)
{
	snprintf(buf, size, "%ld.%ld", x->import_id, x->line);
	return buf;
}

/* An action's state at the period's end as one word. */
static const char *state_word(const struct sk_report_action *x)
{
	return !x->action ? "" : x->done ? (x->late ? "done_late" : "done")
		: x->overdue ? "overdue" : "open";
}

/* ---- CSV: section,key,field,value ---- */

void report_deviations_csv(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_deviations *v = r->deviations;
	char key[48], b[48];

	if (!v)
		return;
	csv_put_long(fp, "deviations", "all", "not_met", v->not_met);
	csv_put_long(fp, "deviations", "all", "unexplained", v->unexplained);
	csv_put_long(fp, "deviations", "all", "actions_open", v->open);
	csv_put_long(fp, "deviations", "all", "actions_overdue", v->overdue);
	csv_put_long(fp, "deviations", "all", "actions_done", v->done);
	csv_put_long(fp, "deviations", "all", "imported", v->imported);
	for (size_t i = 0; i < v->n; i++) {
		const struct sk_report_deviation *e = &v->list[i];
		const struct sk_kpi_score *ks;

		csv_put(fp, "deviation", e->refers_to, "kind", kind_names[e->kind]);
		csv_put_long(fp, "deviation", e->refers_to, "not_met", e->not_met);
		if (e->not_met) {
			csv_put_dec(fp, "deviation", e->refers_to, "measured", e->measured, -1);
			if (!(ks = report_deviation_per_priority(r, e)))
				csv_put_dec(fp, "deviation", e->refers_to, "norm", e->norm, -1);
			/* Norms per priority: no one norm; each priority below its own. */
			for (size_t q = 0; ks && q < ks->n_parts; q++) {
				const char *p = r->contract->priorities[ks->parts[q].priority].id;

				if (sk_kpi_part_met(ks, q) != 0)
					continue;
				snprintf(key, sizeof(key), "%s_measured", p);
				csv_put_dec(fp, "deviation", e->refers_to, key, ks->parts[q].measured, -1);
				snprintf(key, sizeof(key), "%s_norm", p);
				csv_put_dec(fp, "deviation", e->refers_to, key, ks->parts[q].norm, -1);
			}
			csv_put_long(fp, "deviation", e->refers_to, "explained", e->explained);
		}
		for (size_t k = 0; k < e->n_rows; k++)
			csv_put(fp, "deviation", e->refers_to, "row",
				row_key(&v->actions[e->rows[k]], key, sizeof(key)));
	}
	for (size_t i = 0; i < v->n_actions; i++) {
		const struct sk_report_action *x = &v->actions[i];

		row_key(x, key, sizeof(key));
		csv_put(fp, "deviation_row", key, "refers_to", x->refers_to);
		csv_put(fp, "deviation_row", key, "period", x->period);
		csv_put(fp, "deviation_row", key, "explanation", x->explanation);
		csv_put(fp, "deviation_row", key, "action", x->action);
		if (!x->action)
			continue;
		csv_put(fp, "deviation_row", key, "owner", x->owner);
		csv_put(fp, "deviation_row", key, "due", x->due ? report_day(r, x->due, b, sizeof(b)) : "");
		csv_put(fp, "deviation_row", key, "done",
			x->done_at ? report_day(r, x->done_at, b, sizeof(b)) : "");
		csv_put(fp, "deviation_row", key, "state", state_word(x));
		csv_put_long(fp, "deviation_row", key, "earlier", x->earlier);
	}
}

/* ---- JSON ---- */

static void jstr(FILE *fp, const char *name, const char *s, int comma)
{
	fprintf(fp, "%s\"%s\":", comma ? "," : "", name);
	if (s)
		json_write_string(fp, s);
	else
		fputs("null", fp);
}

void report_deviations_json(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_deviations *v = r->deviations;
	char b[48];

	if (!v)
		return;
	fprintf(fp, ",\n\"deviations\":{\"not_met\":%ld,\"unexplained\":%ld,\"actions_open\":%ld,"
		"\"actions_overdue\":%ld,\"actions_done\":%ld,\"imported\":%s,\"list\":[",
		v->not_met, v->unexplained, v->open, v->overdue, v->done,
		v->imported ? "true" : "false");
	for (size_t i = 0; i < v->n; i++) {
		const struct sk_report_deviation *e = &v->list[i];

		fputs(i ? ",\n{" : "\n{", fp);
		jstr(fp, "refers_to", e->refers_to, 0);
		jstr(fp, "kind", kind_names[e->kind], 1);
		fprintf(fp, ",\"not_met\":%s", e->not_met ? "true" : "false");
		if (e->not_met) {
			fprintf(fp, ",\"measured\":%s", sk_dec_format_short(e->measured, '.', b, sizeof(b)));
			const struct sk_kpi_score *ks = report_deviation_per_priority(r, e);

			if (!ks)
				fprintf(fp, ",\"norm\":%s", sk_dec_format_short(e->norm, '.', b, sizeof(b)));
			else
				fputs(",\"norm\":null,\"priorities_not_met\":[", fp);
			/* Norms per priority: no one norm; each priority below its own. */
			for (size_t q = 0, k = 0; ks && q < ks->n_parts; q++) {
				if (sk_kpi_part_met(ks, q) != 0)
					continue;
				fprintf(fp, "%s{\"priority\":", k++ ? "," : "");
				json_write_string(fp, r->contract->priorities[ks->parts[q].priority].id);
				fprintf(fp, ",\"measured\":%s",
					sk_dec_format_short(ks->parts[q].measured, '.', b, sizeof(b)));
				fprintf(fp, ",\"norm\":%s}",
					sk_dec_format_short(ks->parts[q].norm, '.', b, sizeof(b)));
			}
			if (ks)
				fputc(']', fp);
			fprintf(fp, ",\"explained\":%s", e->explained ? "true" : "false");
		}
		fputs(",\"rows\":[", fp);
		for (size_t k = 0; k < e->n_rows; k++)
			fprintf(fp, "%s%zu", k ? "," : "", e->rows[k]);
		fputs("]}", fp);
	}
	fputs("],\"rows\":[", fp);
	for (size_t i = 0; i < v->n_actions; i++) {
		const struct sk_report_action *x = &v->actions[i];

		fputs(i ? ",\n{" : "\n{", fp);
		fprintf(fp, "\"import\":%ld,\"line\":%ld", x->import_id, x->line);
		jstr(fp, "refers_to", x->refers_to, 1);
		jstr(fp, "period", x->period, 1);
		jstr(fp, "explanation", x->explanation, 1);
		jstr(fp, "action", x->action, 1);
		if (x->action) {
			jstr(fp, "owner", x->owner, 1);
			jstr(fp, "due", x->due ? report_day(r, x->due, b, sizeof(b)) : NULL, 1);
			jstr(fp, "done", x->done_at ? report_day(r, x->done_at, b, sizeof(b)) : NULL, 1);
			jstr(fp, "state", state_word(x), 1);
			fprintf(fp, ",\"earlier\":%s", x->earlier ? "true" : "false");
		}
		fputc('}', fp);
	}
	fputs("]}", fp);
}
