/*
 * The section on onsite visits (Halt §10.1.3, DHS §9 domain 7) and device
 * swaps (Halt §10.1.5): per priority the verdicts counted in the period, the
 * share in time against the priority's norm, and every late one with its
 * ticket, in text, CSV and JSON. Read from the period's verdicts (sla-compute);
 * shown only when the contract measures the kind.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report_onsite_priv.h"

static const struct onsite_words nl = {
	.title = "Onsite-bezoeken en apparaatvervanging per prioriteit",
	.kind = { "Onsite-bezoeken", "Apparaatvervanging" }, .priority = "prioriteit",
	.n = "aantal", .within = "op tijd", .pct = "%", .norm = "norm", .late = "Te laat",
	.ticket = "melding", .start = "vanaf", .deadline = "uiterlijk", .done = "gereed",
	.over = "te laat met", .open = "open", .none = "geen", .sheet = "Onsite",
	.one = { "onsite-bezoek", "apparaatvervanging" },
};

static const struct onsite_words en = {
	.title = "Onsite visits and device swaps per priority",
	.kind = { "Onsite visits", "Device swaps" }, .priority = "priority", .n = "count",
	.within = "in time", .pct = "%", .norm = "norm", .late = "Late", .ticket = "ticket",
	.start = "from", .deadline = "deadline", .done = "done", .over = "late by",
	.open = "open", .none = "none", .sheet = "Onsite",
	.one = { "onsite visit", "device swap" },
};

/* Machine names of the kinds (CSV sections, JSON keys). */
static const char *const kind_key[ONSITE_KINDS] = { "onsite", "swap" };

const struct onsite_words *onsite_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

int report_onsite_wanted(const struct sk_contract *c, enum onsite_kind kind)
{
	if (kind == ONSITE_VISIT && c->rules.onsite_resolution)
		return 1;
	for (size_t p = 0; p < c->n_priorities; p++)
		if (kind == ONSITE_VISIT ? c->priorities[p].onsite.set : c->priorities[p].swap.set)
			return 1;
	return 0;
}

/* The verdict of @x for @kind and whether it counts in the period. */
static enum sk_clock_state verdict(const struct sk_result *x, enum onsite_kind kind, int *counts)
{
	*counts = kind == ONSITE_VISIT ? x->onsite_counts : x->swap_counts;
	return kind == ONSITE_VISIT ? x->v.onsite.state : x->v.swap_state;
}

void report_onsite_counts(const struct sk_report *r, enum onsite_kind kind, long *n, long *in)
{
	const struct sk_results *rs = r->results;

	memset(n, 0, r->contract->n_priorities * sizeof(*n));
	memset(in, 0, r->contract->n_priorities * sizeof(*in));
	for (size_t i = 0; rs && i < rs->n; i++) {
		const struct sk_result *x = &rs->r[i];
		int counts;
		enum sk_clock_state s = verdict(x, kind, &counts);

		/* As the KPI counts them: decided in the period, not listed apart. */
		if (!counts || x->v.excluded || (s != SK_CLOCK_MET && s != SK_CLOCK_BREACHED))
			continue;
		n[x->v.priority]++;
		in[x->v.priority] += s == SK_CLOCK_MET;
	}
}

int report_onsite_norm(const struct sk_contract *c, enum onsite_kind kind, size_t p, sk_dec *norm)
{
	const struct sk_priority *pr = &c->priorities[p];

	if (kind == ONSITE_VISIT && pr->has_onsite_norm)
		*norm = pr->onsite_norm;
	else if (kind == ONSITE_SWAP && pr->has_swap_norm)
		*norm = pr->swap_norm;
	else if (pr->has_norm)
		*norm = pr->norm;
	else {
		/* As the KPI's parts: without a priority's norm, the KPI's own. */
		enum sk_source src = kind == ONSITE_VISIT ? SK_SRC_ONSITE : SK_SRC_SWAP;

		for (size_t i = 0; i < c->n_domains; i++)
			for (size_t j = 0; j < c->domains[i].n_kpis; j++)
				if (c->domains[i].kpis[j].source_kind == src &&
				    c->domains[i].kpis[j].has_norm) {
					*norm = c->domains[i].kpis[j].norm;
					return 1;
				}
		return 0;
	}
	return 1;
}

int report_onsite_late(const struct sk_result *x, enum onsite_kind kind)
{
	int counts;

	return verdict(x, kind, &counts) == SK_CLOCK_BREACHED && counts && !x->v.excluded;
}

const struct sk_clock *report_onsite_clock(const struct sk_result *x, enum onsite_kind kind,
					   sk_time *start, sk_time *done)
{
	const struct sk_ticket *t = &x->ticket;

	if (kind == ONSITE_VISIT) {
		*start = t->reported_at;
		*done = x->v.onsite.stop;
		return &x->v.onsite;
	}
	/* The device's clock; done when the user could work again, by device or loaner. */
	*start = t->swap_requested_at ? t->swap_requested_at : t->reported_at;
	*done = x->v.swap.stop;
	if (x->v.emergency.stop && (!*done || x->v.emergency.stop < *done))
		*done = x->v.emergency.stop;
	return &x->v.swap;
}

/* in of n as a percentage, half-up (as the KPIs). */
static sk_dec share(long in, long n)
{
	return (sk_dec)(((int64_t)in * 200 * SK_DEC_ONE + n) / (2 * (int64_t)n));
}

/* ---- text ---- */

static void text_kind(FILE *fp, const struct sk_report *r, const struct report_words *w,
		      const struct onsite_words *ow, enum onsite_kind kind, long *n, long *in)
{
	const struct sk_contract *c = r->contract;
	static const int fig_w[] = { -12, 8, 8, 9, 7 }; /* the norm apart from the % */
	static const int late_w[] = { -14, -4, -16, -16, -16, -9 };
	const char *head[] = { ow->priority, ow->n, ow->within, ow->pct, ow->norm };
	const char *late_head[] = { ow->ticket, "", ow->start, ow->deadline, ow->done, ow->over };
	int any = 0;

	fprintf(fp, "\n  %s\n", ow->kind[kind]);
	report_onsite_counts(r, kind, n, in);
	text_cells(fp, fig_w, 5, head);
	for (size_t p = 0; p < c->n_priorities; p++) {
		char sn[24], si[24], pct[32], norm[32];
		const char *row[5] = { c->priorities[p].id, sn, si, "-", "-" };
		sk_dec nv;

		snprintf(sn, sizeof(sn), "%ld", n[p]);
		snprintf(si, sizeof(si), "%ld", in[p]);
		if (n[p])
			row[3] = report_pct(w, share(in[p], n[p]), 1, pct, sizeof(pct));
		if (report_onsite_norm(c, kind, p, &nv))
			row[4] = report_pct(w, nv, -1, norm, sizeof(norm));
		text_cells(fp, fig_w, 5, row);
	}
	for (size_t i = 0; r->results && i < r->results->n; i++) {
		const struct sk_result *x = &r->results->r[i];
		char b[3][32], over[32];
		sk_time start, done;
		const struct sk_clock *k;

		if (!report_onsite_late(x, kind))
			continue;
		if (!any++) {
			fprintf(fp, "  %s:\n", ow->late);
			text_cells(fp, late_w, 6, late_head);
		}
		k = report_onsite_clock(x, kind, &start, &done);
		/* In business h:mm as the other sections, a started minute counted: late
		 * by 20 seconds shows 0:01, never 0:00. */
		report_hm((k->elapsed - k->target + 59) / 60 * 60, over, sizeof(over));
		{
			const char *row[6] = { x->ticket.id, c->priorities[x->v.priority].id,
					       report_time(r, start, b[0], sizeof(b[0])),
					       report_time(r, k->deadline, b[1], sizeof(b[1])),
					       done ? report_time(r, done, b[2], sizeof(b[2])) : ow->open,
					       over };

			text_cells(fp, late_w, 6, row);
		}
	}
	if (!any)
		fprintf(fp, "  %s: %s\n", ow->late, ow->none);
}

void report_onsite_text(FILE *fp, const struct sk_report *r, const char *lang)
{
	const struct report_words *w = report_words_for(lang);
	const struct onsite_words *ow = onsite_words_for(lang);
	size_t np = r->contract->n_priorities;
	long n[np ? np : 1], in[np ? np : 1];

	if (!report_onsite_wanted(r->contract, ONSITE_VISIT) &&
	    !report_onsite_wanted(r->contract, ONSITE_SWAP))
		return;
	text_heading(fp, ow->title);
	for (int k = 0; k < ONSITE_KINDS; k++)
		if (report_onsite_wanted(r->contract, (enum onsite_kind)k))
			text_kind(fp, r, w, ow, (enum onsite_kind)k, n, in);
}

/* ---- CSV: section onsite/swap, key the priority; onsite_late/swap_late, key the ticket ---- */

void report_onsite_csv(FILE *fp, const struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	size_t np = c->n_priorities;
	long n[np ? np : 1], in[np ? np : 1];

	for (int k = 0; k < ONSITE_KINDS; k++) {
		char late[32];

		if (!report_onsite_wanted(c, (enum onsite_kind)k))
			continue;
		report_onsite_counts(r, (enum onsite_kind)k, n, in);
		for (size_t p = 0; p < np; p++) {
			sk_dec nv;

			csv_put_long(fp, kind_key[k], c->priorities[p].id, "count", n[p]);
			csv_put_long(fp, kind_key[k], c->priorities[p].id, "in_time", in[p]);
			if (n[p])
				csv_put_dec(fp, kind_key[k], c->priorities[p].id, "pct", share(in[p], n[p]), 1);
			if (report_onsite_norm(c, (enum onsite_kind)k, p, &nv))
				csv_put_dec(fp, kind_key[k], c->priorities[p].id, "norm", nv, -1);
		}
		snprintf(late, sizeof(late), "%s_late", kind_key[k]);
		for (size_t i = 0; r->results && i < r->results->n; i++) {
			const struct sk_result *x = &r->results->r[i];
			char b[32];
			sk_time start, done;
			const struct sk_clock *kc;

			if (!report_onsite_late(x, (enum onsite_kind)k))
				continue;
			kc = report_onsite_clock(x, (enum onsite_kind)k, &start, &done);
			csv_put(fp, late, x->ticket.id, "priority", c->priorities[x->v.priority].id);
			csv_put(fp, late, x->ticket.id, "from", report_time(r, start, b, sizeof(b)));
			csv_put(fp, late, x->ticket.id, "deadline", report_time(r, kc->deadline, b, sizeof(b)));
			csv_put(fp, late, x->ticket.id, "done", done ? report_time(r, done, b, sizeof(b)) : "");
			csv_put_long(fp, late, x->ticket.id, "late_seconds", kc->elapsed - kc->target);
		}
	}
}

/* ---- JSON: ,"onsite":{"onsite":{"priorities":[...],"late":[...]},"swap":{...}} ---- */

void report_onsite_json(FILE *fp, const struct sk_report *r)
{
	const struct sk_contract *c = r->contract;
	size_t np = c->n_priorities;
	long n[np ? np : 1], in[np ? np : 1];
	int first = 1;

	if (!report_onsite_wanted(c, ONSITE_VISIT) && !report_onsite_wanted(c, ONSITE_SWAP))
		return;
	fputs(",\n\"onsite\":{", fp);
	for (int k = 0; k < ONSITE_KINDS; k++) {
		int any = 0;

		if (!report_onsite_wanted(c, (enum onsite_kind)k))
			continue;
		report_onsite_counts(r, (enum onsite_kind)k, n, in);
		fprintf(fp, "%s\"%s\":{\"priorities\":[", first ? "" : ",", kind_key[k]);
		first = 0;
		for (size_t p = 0; p < np; p++) {
			char b[48];
			sk_dec nv;

			fprintf(fp, "%s{\"priority\":", p ? "," : "");
			json_write_string(fp, c->priorities[p].id);
			fprintf(fp, ",\"count\":%ld,\"in_time\":%ld,\"pct\":%s", n[p], in[p],
				n[p] ? sk_dec_format(share(in[p], n[p]), 1, '.', b, sizeof(b)) : "null");
			fprintf(fp, ",\"norm\":%s}", report_onsite_norm(c, (enum onsite_kind)k, p, &nv)
				? sk_dec_format_short(nv, '.', b, sizeof(b)) : "null");
		}
		fputs("],\"late\":[", fp);
		for (size_t i = 0; r->results && i < r->results->n; i++) {
			const struct sk_result *x = &r->results->r[i];
			sk_time start, done;
			const struct sk_clock *kc;

			if (!report_onsite_late(x, (enum onsite_kind)k))
				continue;
			kc = report_onsite_clock(x, (enum onsite_kind)k, &start, &done);
			fputs(any++ ? ",{\"ticket\":" : "{\"ticket\":", fp);
			json_write_string(fp, x->ticket.id);
			fputs(",\"priority\":", fp);
			json_write_string(fp, c->priorities[x->v.priority].id);
			fprintf(fp, ",\"from\":%" PRId64 ",\"deadline\":%" PRId64 ",\"done\":", (int64_t)start,
				(int64_t)kc->deadline);
			fprintf(fp, done ? "%" PRId64 : "null", (int64_t)done);
			fprintf(fp, ",\"late_seconds\":%" PRId64 "}", kc->elapsed - kc->target);
		}
		fputs("]}", fp);
	}
	fputc('}', fp);
}
