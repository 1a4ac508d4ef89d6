/* The score as text for people (Dutch or English), CSV and JSON for scripts. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render_priv.h"
#include "base/base.h"
#include "slakit/score.h"

/* Words of the text report, per language. */
struct words {
	const char *period, *contract, *decisions, *domain, *kpi, *measured, *norm, *pct, *weight,
		*contribution, *source, *score, *staffel, *malus, *on_invoice, *not_scored, *missing,
		*escalation, *no_invoice, *derivation, *capped, *window;
};

static const struct words nl = {
	"Periode", "Contract", "Toegepaste beslissingen", "Domein", "KPI", "gemeten", "norm",
	"% v. norm", "gewicht", "bijdrage", "bron", "Domeinscore", "Staffel", "Malus",
	"op de factuur van", "niet gescoord", "ontbreekt", "ESCALATIE", "geen factuurbedrag bekend",
	"Berekening", "gemaximeerd op 100", "meetperiode",
};

static const struct words en = {
	"Period", "Contract", "Decisions applied", "Domain", "KPI", "measured", "norm",
	"% of norm", "weight", "contrib.", "source", "Domain score", "Staffel", "Malus",
	"on the invoice of", "not scored", "missing", "ESCALATION", "no invoice amount known",
	"Derivation", "capped at 100", "window",
};

static char *num(sk_dec v, int decimals, char mark, char *buf, size_t size)
{
	return decimals < 0 ? sk_dec_format_short(v, mark, buf, size)
			    : sk_dec_format(v, decimals, mark, buf, size);
}

/* A figure beside its norm, as a number ("97,96") or the bound ("<98"). */
static char *figure(const struct report_figure *f, sk_dec norm, char mark, char *buf, size_t size)
{
	char n[48];

	if (!f->bound)
		return num(f->value, f->decimals, mark, buf, size);
	snprintf(buf, size, "%c%s", f->bound, sk_dec_format_short(norm, mark, n, sizeof(n)));
	return buf;
}

/* @rw: the words a KPI's detail is said in (a report in Dutch); NULL: the score's own
 * English (sla-score's JSON, an interface). */
static void write_json(const struct sk_score *s, const struct report_words *rw, FILE *fp)
{
	const struct sk_contract *c = s->contract;
	const struct sk_rules *r = &c->rules;
	char b[64], detail[512];

	fprintf(fp, "{\"period\":\"%s\",\"contract\":", s->period.label);
	json_write_string(fp, c->id);
	fprintf(fp, ",\"contract_sha256\":\"%s\",\"decisions\":{\"pct_decimals\":%d,"
		"\"score_decimals\":%d,\"cap\":%s,\"aggregate\":\"%s\",\"weights\":\"%s\","
		"\"missing\":\"%s\"},\"missing_kpis\":%d,\"domains\":[",
		c->sha256, r->pct_decimals, r->score_decimals, r->cap ? "true" : "false",
		sk_aggregate_name(r->aggregate), sk_weights_rule_name(r->weights),
		s->missing_rule == SK_MISSING_ZERO ? "zero" : s->missing_rule == SK_MISSING_SKIP ? "skip" : "refuse",
		s->n_missing);
	for (size_t i = 0; i < s->n_domains; i++) {
		const struct sk_domain_score *ds = &s->domains[i];

		fprintf(fp, "%s\n{\"id\":", i ? "," : "");
		json_write_string(fp, ds->domain->id);
		fputs(",\"name\":", fp);
		json_write_string(fp, ds->domain->name);
		fprintf(fp, ",\"scored\":%s,\"complete\":%s,\"reason\":", ds->scored ? "true" : "false",
			ds->complete ? "true" : "false");
		json_write_string(fp, ds->reason);
		if (ds->scored) {
			fprintf(fp, ",\"score\":%s", num(ds->score, r->score_decimals, '.', b, sizeof(b)));
			fprintf(fp, ",\"malus_percent\":%s", num(ds->malus, -1, '.', b, sizeof(b)));
			fprintf(fp, ",\"escalation\":%s,\"normalised\":%s", ds->escalation ? "true" : "false",
				ds->normalised ? "true" : "false");
			if (ds->has_invoice)
				fprintf(fp, ",\"invoice_cents\":%" PRId64 ",\"malus_cents\":%" PRId64
					",\"applies_to\":\"%s\"", ds->invoice_cents, ds->malus_cents, ds->applies_to);
		} else {
			fputs(",\"score\":null,\"malus_percent\":null,\"escalation\":false", fp);
		}
		fputs(",\"kpis\":[", fp);
		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];
			const struct sk_kpi *kp = ks->kpi;

			fprintf(fp, "%s\n {\"id\":", k ? "," : "");
			json_write_string(fp, kp->id);
			fputs(",\"name\":", fp);
			json_write_string(fp, kp->name);
			fprintf(fp, ",\"measured\":%s", ks->has_value ? num(ks->measured, -1, '.', b, sizeof(b)) : "null");
			fprintf(fp, ",\"norm\":%s", kp->has_norm ? num(ks->norm_used, -1, '.', b, sizeof(b)) : "null");
			if (kp->norm_months) {
				fprintf(fp, ",\"norm_as_written\":%s,\"norm_per_months\":%d",
					kp->has_norm ? num(kp->norm, -1, '.', b, sizeof(b)) : "null", kp->norm_months);
				fprintf(fp, ",\"pro_rata\":%s", ks->pro_rata ? "true" : "false");
			}
			fprintf(fp, ",\"unit\":\"%s\",\"direction\":\"%s\"", kp->unit, sk_direction_name(kp->direction));
			fprintf(fp, ",\"pct_of_norm\":%s", ks->has_pct ? num(ks->pct, r->pct_decimals, '.', b, sizeof(b)) : "null");
			fprintf(fp, ",\"capped\":%s", ks->capped ? "true" : "false");
			/* The % of norm formula (slakit-contract(5) `score`). */
			fprintf(fp, ",\"score_rule\":\"%s\"", sk_kpi_score_name(kp));
			fprintf(fp, ",\"weight\":%s", kp->has_weight ? num(ks->weight, -1, '.', b, sizeof(b)) : "null");
			fprintf(fp, ",\"weight_used\":%s", ks->scored ? num(ks->weight_used, -1, '.', b, sizeof(b)) : "null");
			fprintf(fp, ",\"contribution\":%s", ks->scored ? num(ks->contribution, -1, '.', b, sizeof(b)) : "null");
			fprintf(fp, ",\"source\":\"%s\",\"window\":\"%s\",\"detail\":", sk_value_origin_name(ks->origin),
				ks->window);
			json_write_string(fp, rw && ks->detail[0]
						  ? report_kpi_detail(rw, ks, detail, sizeof(detail))
						  : ks->detail);
			if (ks->n_parts) {
				fputs(",\"priorities\":[", fp);
				for (size_t q = 0; q < ks->n_parts; q++) {
					const struct sk_priority_part *pp = &ks->parts[q];

					fprintf(fp, "%s{\"priority\":\"%s\",\"tickets\":%ld,\"within\":%ld,\"norm\":%s",
						q ? "," : "", c->priorities[pp->priority].id, pp->n, pp->within,
						num(pp->norm, -1, '.', b, sizeof(b)));
					fprintf(fp, ",\"pct_of_norm\":%s}", num(pp->pct, r->pct_decimals, '.', b, sizeof(b)));
				}
				fputc(']', fp);
			}
			fputc('}', fp);
		}
		fputs("]}", fp);
	}
	fputs("\n]}\n", fp);
}

/* CSV: one row per KPI, domain figures repeated, for spreadsheets and scripts. */
static void write_csv(const struct sk_score *s, FILE *fp)
{
	const struct sk_contract *c = s->contract;
	char b[8][64];

	fputs("period,domain,kpi,measured,norm,direction,pct_of_norm,weight,contribution,source,"
	      "domain_score,malus_percent,escalation,malus_cents,scored\n", fp);
	for (size_t i = 0; i < s->n_domains; i++) {
		const struct sk_domain_score *ds = &s->domains[i];

		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			/* pct_of_norm is the value the score counts; measured shows the verdict. */
			fprintf(fp, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,", s->period.label, ds->domain->id,
				ks->kpi->id, ks->has_value ? num(ks->measured, -1, '.', b[0], 64) : "",
				ks->kpi->has_norm ? num(ks->norm_used, -1, '.', b[1], 64) : "",
				sk_direction_name(ks->kpi->direction),
				ks->has_pct ? num(ks->pct, c->rules.pct_decimals, '.', b[2], 64) : "",
				ks->kpi->has_weight ? num(ks->weight, -1, '.', b[3], 64) : "",
				ks->scored ? num(ks->contribution, -1, '.', b[4], 64) : "",
				sk_value_origin_name(ks->origin),
				ds->scored ? num(ds->score, c->rules.score_decimals, '.', b[5], 64) : "",
				ds->scored ? num(ds->malus, -1, '.', b[6], 64) : "",
				ds->scored ? (ds->escalation ? "1" : "0") : "");
			if (ds->scored && ds->has_invoice)
				fprintf(fp, "%" PRId64, ds->malus_cents);
			fprintf(fp, ",%d\n", ds->scored);
		}
	}
}

static void write_text(const struct sk_score *s, const char *lang, FILE *fp)
{
	const struct sk_contract *c = s->contract;
	const struct sk_rules *r = &c->rules;
	const struct words *w = lang && strcmp(lang, "en") == 0 ? &en : &nl;
	const struct report_words *rw = report_words_for(w == &en ? "en" : "nl");
	char detail[512];
	char mark = w == &nl ? ',' : '.';
	char b[8][64];

	/* The contract's text and the inputs' names are data: escaped for the terminal. */
	fprintf(fp, "%s: ", w->contract);
	text_write_escaped(fp, c->name);
	fputs(" (", fp);
	text_write_escaped(fp, c->id);
	fprintf(fp, ")\n%s: %s\n", w->period, s->period.label);
	fprintf(fp, "sha256 %s\n", c->sha256);
	fprintf(fp, "%s: pct_decimals=%d, score_decimals=%d, cap=%s, aggregate=%s, weights=%s, "
		"missing=%s\n", w->decisions, r->pct_decimals, r->score_decimals, r->cap ? "yes" : "no",
		sk_aggregate_name(r->aggregate), sk_weights_rule_name(r->weights),
		s->missing_rule == SK_MISSING_ZERO ? "zero" : s->missing_rule == SK_MISSING_SKIP ? "skip" : "refuse");
	for (size_t i = 0; i < s->n_domains; i++) {
		const struct sk_domain_score *ds = &s->domains[i];
		int first = 1;

		fprintf(fp, "\n%s ", w->domain);
		text_write_escaped(fp, ds->domain->id);
		fputs(": ", fp);
		text_write_escaped(fp, ds->domain->name);
		fputc('\n', fp);
		fprintf(fp, "  %-16s %10s %8s %9s %8s %9s  %s\n", w->kpi, w->measured, w->norm, w->pct,
			w->weight, w->contribution, w->source);
		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			struct report_figure fm, fpct;

			/* Places enough to see the verdict against the norm (report_figure()). */
			report_kpi_measured(ks, &fm);
			report_kpi_pct(ks, r->pct_decimals, &fpct);
			fprintf(fp, "  %-16.16s %10s %8s %9s %8s %9s  %s%s%s\n", ks->kpi->id,
				ks->has_value ? figure(&fm, ks->norm_used, mark, b[0], 64) : w->missing,
				ks->kpi->has_norm ? num(ks->norm_used, -1, mark, b[1], 64) : "-",
				ks->has_pct ? figure(&fpct, SK_DEC(100), mark, b[2], 64) : "-",
				ks->kpi->has_weight ? num(ks->weight, -1, mark, b[3], 64) : "-",
				ks->scored ? num(ks->contribution, 2, mark, b[4], 64) : "-",
				rw->origins[ks->origin], ks->capped ? ", " : "",
				ks->capped ? w->capped : "");
			/* Said in the report's words, so Dutch text stays Dutch. */
			if (ks->detail[0]) {
				fprintf(fp, "  %16s ", "");
				text_write_escaped(fp, report_kpi_detail(rw, ks, detail, sizeof(detail)));
				fputc('\n', fp);
			}
		}
		if (!ds->scored) {
			fputs("  ", fp);
			text_write_escaped(fp, ds->reason[0] ? ds->reason : w->not_scored);
			fputc('\n', fp);
			continue;
		}
		fprintf(fp, "  %s: ", w->derivation);
		for (size_t k = 0; k < ds->n_kpis; k++) {
			const struct sk_kpi_score *ks = &ds->kpis[k];

			if (!ks->scored)
				continue;
			/* Scaled weights as the fraction they are, so the sum can be redone exactly. */
			if (ds->normalised)
				fprintf(fp, "%s%s x %s/%s", first ? "" : " + ",
					num(ks->pct, r->pct_decimals, mark, b[0], 64),
					num(ks->weight, -1, mark, b[1], 64), num(ds->weight_sum, -1, mark, b[3], 64));
			else
				fprintf(fp, "%s%s x %s", first ? "" : " + ",
					num(ks->pct, r->pct_decimals, mark, b[0], 64),
					num(ks->weight_used / 100, -1, mark, b[1], 64));
			first = 0;
		}
		fprintf(fp, " = %s\n", num(ds->score_raw, -1, mark, b[2], 64));
		if (ds->normalised) {
			fputs("  ", fp);
			text_write_escaped(fp, ds->reason);
			fputc('\n', fp);
		}
		fprintf(fp, "  %s: %s\n", w->score, num(ds->score, r->score_decimals, mark, b[0], 64));
		if (ds->step >= 0)
			fprintf(fp, "  %s: >= %s -> %s %%\n", w->staffel,
				num(c->staffel[ds->step].min_score, 2, mark, b[0], 64),
				num(ds->malus, -1, mark, b[1], 64));
		if (ds->escalation)
			fprintf(fp, "  %s\n", w->escalation);
		if (ds->has_invoice) {
			fprintf(fp, "  %s: %s %% x EUR %s = EUR %s %s ", w->malus,
				num(ds->malus, -1, mark, b[0], 64),
				sk_cents_format(ds->invoice_cents, mark, b[1], 64),
				sk_cents_format(ds->malus_cents, mark, b[2], 64), w->on_invoice);
			text_write_escaped(fp, ds->applies_to);
			fputs(" (", fp);
			text_write_escaped(fp, ds->invoice_source);
			fputs(")\n", fp);
		} else if (s->period.kind == SK_PERIOD_QUARTER)
			fprintf(fp, "  %s: %s\n", w->malus, w->no_invoice);
	}
}

enum sk_err sk_score_write(const struct sk_score *s, enum sk_format fmt, const char *lang, FILE *fp)
{
	if (fmt == SK_FORMAT_JSON)
		write_json(s, NULL, fp);
	else if (fmt == SK_FORMAT_CSV)
		write_csv(s, fp);
	else
		write_text(s, lang, fp);
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}

enum sk_err score_write_json(const struct sk_score *s, const char *lang, FILE *fp)
{
	write_json(s, report_words_for(lang), fp);
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}
