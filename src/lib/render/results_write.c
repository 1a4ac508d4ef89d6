/* Writing a period's verdicts as text, CSV or JSON (to the database: results_store.c). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "contract/contract.h"
#include "report_onsite_priv.h"
#include "slakit/datetime.h"
#include "slakit/results.h"

/* The month (YYYY-MM, local) a decided clock counts in; "" while pending or n/a. */
static const char *period_of(const struct sk_results *r, const struct sk_clock *k, char *buf,
			     size_t size)
{
	char t[32];

	if (k->state == SK_CLOCK_NA || k->state == SK_CLOCK_PENDING || !k->counts_at || size < 8)
		return "";
	sk_time_format_local(k->counts_at, r->contract->tz, t, sizeof(t));
	memcpy(buf, t, 7);
	buf[7] = '\0';
	return buf;
}

static const char *met_text(const struct sk_clock *k)
{
	return k->state == SK_CLOCK_MET ? "1" : k->state == SK_CLOCK_BREACHED ? "0" : "";
}

static int breached(const struct sk_result *x)
{
	return (x->response_counts && x->v.response.state == SK_CLOCK_BREACHED) ||
	       (x->resolution_counts && x->v.resolution.state == SK_CLOCK_BREACHED);
}

/* A CSV row is put together here and written at once: printf per field cost a sixth of a year's run. */
struct line {
	char buf[512];
	size_t n;
};

static void put_str(struct line *l, const char *s)
{
	size_t len = strlen(s);

	if (len > sizeof(l->buf) - l->n - 1)
		len = sizeof(l->buf) - l->n - 1;
	memcpy(l->buf + l->n, s, len);
	l->n += len;
}

static void put_i64(struct line *l, int64_t v)
{
	char tmp[24];
	size_t k = sizeof(tmp);
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		tmp[--k] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--k] = '-';
	if (sizeof(tmp) - k < sizeof(l->buf) - l->n) {
		memcpy(l->buf + l->n, tmp + k, sizeof(tmp) - k);
		l->n += sizeof(tmp) - k;
	}
}

static void put_time(struct line *l, sk_time t, const struct sk_tz *tz)
{
	char b[32];

	if (t)
		put_str(l, sk_time_format_local(t, tz, b, sizeof(b)));
}

/* elapsed,target of a clock that applies; ",": empty fields for one that does not. */
static void put_clock(struct line *l, const struct sk_clock *k)
{
	if (k->state != SK_CLOCK_NA) {
		put_i64(l, k->elapsed);
		put_str(l, ",");
		put_i64(l, k->target);
	} else {
		put_str(l, ",");
	}
	put_str(l, ",");
	put_str(l, met_text(k));
}

/*
 * The onsite visit's or device swap's fields (only where the contract measures
 * it): ",seconds,target_seconds,met,deadline,period", as the response's. The
 * swap's met and period are its verdict's (device or emergency workplace in
 * time); its seconds, target and deadline the device's clock.
 */
static void put_visit(struct line *l, const struct sk_results *r, const struct sk_clock *k,
		      enum sk_clock_state state, sk_time counts_at)
{
	char t[32];
	struct sk_clock verdict = *k;

	verdict.state = state;
	put_str(l, ",");
	put_clock(l, &verdict);
	put_str(l, ",");
	put_time(l, k->state != SK_CLOCK_NA ? k->deadline : 0, r->contract->tz);
	put_str(l, ",");
	if (counts_at && (state == SK_CLOCK_MET || state == SK_CLOCK_BREACHED)) {
		sk_time_format_local(counts_at, r->contract->tz, t, sizeof(t));
		t[7] = '\0';
		put_str(l, t);
	}
}

static void write_csv(const struct sk_results *r, int only_breached, FILE *fp)
{
	const struct sk_contract *c = r->contract;
	char p[16], flags[256];
	int onsite = report_onsite_wanted(c, ONSITE_VISIT), swap = report_onsite_wanted(c, ONSITE_SWAP);

	fputs("id,type,priority,response_seconds,response_target_seconds,response_met,"
	      "resolution_seconds,resolution_target_seconds,resolution_met,"
	      "reported_at,response_deadline,resolution_deadline,resolution_paused_seconds,"
	      "response_period,resolution_period,state,excluded,flags,calendar", fp);
	if (onsite)
		fputs(",onsite_seconds,onsite_target_seconds,onsite_met,onsite_deadline,onsite_period",
		      fp);
	if (swap)
		fputs(",swap_seconds,swap_target_seconds,swap_met,swap_deadline,swap_period", fp);
	fputc('\n', fp);
	for (size_t i = 0; i < r->n; i++) {
		const struct sk_result *x = &r->r[i];
		const struct sk_verdict *v = &x->v;
		const struct sk_clock *rs = &v->response, *rv = &v->resolution;
		struct line l;

		if (only_breached && !breached(x))
			continue;
		csv_write_field(fp, x->ticket.id, ',');
		l.n = 0;
		put_str(&l, ",");
		put_str(&l, sk_ticket_type_name(x->ticket.type));
		put_str(&l, ",");
		put_str(&l, c->priorities[v->priority].id);
		put_str(&l, ",");
		put_clock(&l, rs);
		put_str(&l, ",");
		put_clock(&l, rv);
		put_str(&l, ",");
		put_time(&l, x->ticket.reported_at, c->tz);
		put_str(&l, ",");
		put_time(&l, rs->deadline, c->tz);
		put_str(&l, ",");
		put_time(&l, rv->deadline, c->tz);
		put_str(&l, ",");
		if (rv->state != SK_CLOCK_NA)
			put_i64(&l, rv->paused);
		put_str(&l, ",");
		put_str(&l, period_of(r, rs, p, sizeof(p)));
		put_str(&l, ",");
		put_str(&l, period_of(r, rv, p, sizeof(p)));
		put_str(&l, x->pending ? ",pending," : ",decided,");
		put_i64(&l, v->excluded);
		put_str(&l, ",");
		fwrite(l.buf, 1, l.n, fp);
		/* Several flags are comma-separated: one quoted field. */
		csv_write_field(fp, results_flag_list(v->flags, flags, sizeof(flags)), ',');
		fputc(',', fp);
		csv_write_field(fp, c->calendars[c->priorities[v->priority].calendar].name, ',');
		l.n = 0;
		if (onsite)
			put_visit(&l, r, &v->onsite, v->onsite.state, v->onsite.counts_at);
		if (swap)
			put_visit(&l, r, &v->swap, v->swap_state, v->swap_counts_at);
		put_str(&l, "\n");
		fwrite(l.buf, 1, l.n, fp);
	}
}

static void json_clock(FILE *fp, const char *name, const struct sk_clock *k, int counts,
		       const struct sk_results *r)
{
	char b[32];

	fprintf(fp, "\"%s\":{\"state\":\"%s\"", name, sk_clock_state_name(k->state));
	if (k->state != SK_CLOCK_NA) {
		fprintf(fp, ",\"seconds\":%" PRId64 ",\"target_seconds\":%" PRId64
			",\"paused_seconds\":%" PRId64, k->elapsed, k->target, k->paused);
		/* Only when the contract wants the target undercut ("< 15 min"). */
		if (k->below)
			fputs(",\"target_below\":true", fp);
		if (k->deadline)
			fprintf(fp, ",\"deadline\":\"%s\"",
				sk_time_format_local(k->deadline, r->contract->tz, b, sizeof(b)));
		if (k->state == SK_CLOCK_MET || k->state == SK_CLOCK_BREACHED)
			fprintf(fp, ",\"met\":%s,\"counts_in_period\":%s",
				k->state == SK_CLOCK_MET ? "true" : "false", counts ? "true" : "false");
	}
	fputc('}', fp);
}

/*
 * The onsite visit's and device swap's verdicts, only for a ticket that has
 * them: `,"onsite":{clock},"swap":{"state","counts_in_period","from_registration",
 * "device":{clock},"emergency":{clock}}`.
 */
static void json_visit_swap(FILE *fp, const struct sk_result *x, const struct sk_results *r)
{
	const struct sk_verdict *v = &x->v;

	if (v->onsite.state != SK_CLOCK_NA) {
		fputc(',', fp);
		json_clock(fp, "onsite", &v->onsite, x->onsite_counts, r);
		if (v->onsite_from_resolution)
			fputs(",\"onsite_target\":\"resolution\"", fp);
	}
	if (v->swap.state == SK_CLOCK_NA)
		return;
	fprintf(fp, ",\"swap\":{\"state\":\"%s\",\"counts_in_period\":%s,\"from_registration\":%s,",
		sk_clock_state_name(v->swap_state), x->swap_counts ? "true" : "false",
		v->swap_from_report ? "true" : "false");
	json_clock(fp, "device", &v->swap, x->swap_counts, r);
	fputc(',', fp);
	json_clock(fp, "emergency", &v->emergency, x->swap_counts, r);
	fputc('}', fp);
}

/* Mean and median of a set of durations (seconds); n > 0. */
struct stat2 {
	long n;
	int64_t mean, median;
};

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static void stats(int64_t *v, long n, struct stat2 *out)
{
	int64_t sum = 0;

	out->n = n;
	out->mean = out->median = 0;
	if (!n)
		return;
	for (long i = 0; i < n; i++)
		sum += v[i];
	qsort(v, (size_t)n, sizeof(*v), cmp_i64);
	/* Whole seconds, half-up: a mean of durations needs no finer grain. */
	out->mean = (sum * 2 + n) / (2 * n);
	out->median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2] + 1) / 2;
}

/* Per-priority figures of a period: clocks decided, met, MTTR and MTTP. */
struct prio_summary {
	long resp_n, resp_met, res_n, res_met;
	struct stat2 mttr_business, mttr_wall, mttp_business, mttp_wall;
};

static int summarise(const struct sk_results *r, struct prio_summary *out, size_t np)
{
	int64_t *v[4];
	long k[4];

	memset(out, 0, np * sizeof(*out));
	for (size_t p = 0; p < np; p++) {
		for (int j = 0; j < 4; j++) {
			v[j] = malloc((r->n ? r->n : 1) * sizeof(int64_t));
			k[j] = 0;
		}
		if (!v[0] || !v[1] || !v[2] || !v[3]) {
			for (int j = 0; j < 4; j++)
				free(v[j]);
			return -1;
		}
		for (size_t i = 0; i < r->n; i++) {
			const struct sk_result *x = &r->r[i];
			const struct sk_verdict *vd = &x->v;

			if ((size_t)vd->priority != p || vd->excluded)
				continue;
			if (x->response_counts) {
				out[p].resp_n++;
				out[p].resp_met += vd->response.state == SK_CLOCK_MET;
			}
			if (!x->resolution_counts)
				continue;
			out[p].res_n++;
			out[p].res_met += vd->resolution.state == SK_CLOCK_MET;
			/* Repair times of tickets actually resolved, not of breached open ones. */
			if (vd->resolution.stop && vd->mttr_wall >= 0) {
				v[0][k[0]++] = vd->mttr_business;
				v[1][k[1]++] = vd->mttr_wall;
			}
			if (vd->mttp_wall >= 0) {
				v[2][k[2]++] = vd->mttp_business;
				v[3][k[3]++] = vd->mttp_wall;
			}
		}
		stats(v[0], k[0], &out[p].mttr_business);
		stats(v[1], k[1], &out[p].mttr_wall);
		stats(v[2], k[2], &out[p].mttp_business);
		stats(v[3], k[3], &out[p].mttp_wall);
		for (int j = 0; j < 4; j++)
			free(v[j]);
	}
	return 0;
}

/* The summary of every priority, or NULL without memory; the caller frees it. */
static struct prio_summary *summary_new(const struct sk_results *r)
{
	const struct sk_contract *c = r->contract;
	struct prio_summary *ps = calloc(c->n_priorities ? c->n_priorities : 1, sizeof(*ps));

	if (ps && summarise(r, ps, c->n_priorities)) {
		free(ps);
		ps = NULL;
	}
	return ps;
}

static void text_summary(const struct sk_results *r, const struct prio_summary *ps, FILE *fp)
{
	const struct sk_contract *c = r->contract;
	char b[4][24];

	fprintf(fp, "\n%-4s %14s %14s  %-21s %-21s\n", "pri", "response met", "resolution met",
		"MTTR mean / median", "MTTP mean / median");
	fprintf(fp, "%-4s %14s %14s  %-21s %-21s\n", "", "", "", "(business hours)", "(business hours)");
	for (size_t p = 0; p < c->n_priorities; p++) {
		char m1[24], m2[24];

		snprintf(m1, sizeof(m1), "%ld/%ld", ps[p].resp_met, ps[p].resp_n);
		snprintf(m2, sizeof(m2), "%ld/%ld", ps[p].res_met, ps[p].res_n);
		fprintf(fp, "%-4.4s %14s %14s  %9s / %9s %9s / %9s\n", c->priorities[p].id, m1, m2,
			ps[p].mttr_business.n ? sk_seconds_format(ps[p].mttr_business.mean, b[0], 24) : "-",
			ps[p].mttr_business.n ? sk_seconds_format(ps[p].mttr_business.median, b[1], 24) : "-",
			ps[p].mttp_business.n ? sk_seconds_format(ps[p].mttp_business.mean, b[2], 24) : "-",
			ps[p].mttp_business.n ? sk_seconds_format(ps[p].mttp_business.median, b[3], 24) : "-");
	}
}

static void json_summary(const struct sk_results *r, const struct prio_summary *ps, FILE *fp)
{
	const struct sk_contract *c = r->contract;

	fputs(",\"summary\":[", fp);
	for (size_t p = 0; p < c->n_priorities; p++) {
		const struct prio_summary *x = &ps[p];

		fprintf(fp, "%s\n{\"priority\":\"%s\",\"response_counted\":%ld,\"response_met\":%ld,"
			"\"resolution_counted\":%ld,\"resolution_met\":%ld,\"mttr_tickets\":%ld,"
			"\"mttr_business_mean\":%" PRId64 ",\"mttr_business_median\":%" PRId64
			",\"mttr_wall_mean\":%" PRId64 ",\"mttr_wall_median\":%" PRId64
			",\"mttp_tickets\":%ld,\"mttp_business_mean\":%" PRId64
			",\"mttp_business_median\":%" PRId64 ",\"mttp_wall_mean\":%" PRId64
			",\"mttp_wall_median\":%" PRId64 "}", p ? "," : "", c->priorities[p].id,
			x->resp_n, x->resp_met, x->res_n, x->res_met, x->mttr_business.n,
			x->mttr_business.mean, x->mttr_business.median, x->mttr_wall.mean,
			x->mttr_wall.median, x->mttp_business.n, x->mttp_business.mean,
			x->mttp_business.median, x->mttp_wall.mean, x->mttp_wall.median);
	}
	fputs("\n]", fp);
}

static void write_json(const struct sk_results *r, int only_breached,
		       const struct prio_summary *ps, FILE *fp)
{
	const struct sk_contract *c = r->contract;
	char b[32];
	int first = 1;

	fprintf(fp, "{\"period\":\"%s\",\"contract\":", r->period.label);
	json_write_string(fp, c->id);
	fprintf(fp, ",\"contract_sha256\":\"%s\",\"tickets\":[", c->sha256);
	for (size_t i = 0; i < r->n; i++) {
		const struct sk_result *x = &r->r[i];
		const struct sk_verdict *v = &x->v;

		if (only_breached && !breached(x))
			continue;
		fputs(first ? "\n{" : ",\n{", fp);
		first = 0;
		fputs("\"id\":", fp);
		json_write_string(fp, x->ticket.id);
		fprintf(fp, ",\"type\":\"%s\",\"priority\":\"%s\",\"reported_at\":\"%s\",",
			sk_ticket_type_name(x->ticket.type), c->priorities[v->priority].id,
			sk_time_format_local(x->ticket.reported_at, c->tz, b, sizeof(b)));
		json_clock(fp, "response", &v->response, x->response_counts, r);
		fputc(',', fp);
		json_clock(fp, "resolution", &v->resolution, x->resolution_counts, r);
		json_visit_swap(fp, x, r);
		fprintf(fp, ",\"pending\":%s,\"excluded\":%s,\"flags\":[", x->pending ? "true" : "false",
			v->excluded ? "true" : "false");
		for (int f = 0, n = 0; f < SK_FLAG_COUNT; f++)
			if (v->flags & (1u << f))
				fprintf(fp, "%s\"%s\"", n++ ? "," : "", sk_flag_name(1u << f));
		fputs("],\"reason\":", fp);
		json_write_string(fp, v->reason);
		fputc('}', fp);
	}
	fputs(first ? "]" : "\n]", fp);
	json_summary(r, ps, fp);
	fputs("}\n", fp);
}

static void write_text(const struct sk_results *r, int only_breached,
		       const struct prio_summary *ps, FILE *fp)
{
	const struct sk_contract *c = r->contract;
	char b1[24], b2[24], b3[24], b4[24], flags[256];
	size_t shown = 0;

	/* Names and ids are data (the contract's, the tickets'): escaped for the terminal. */
	text_write_escaped(fp, c->name);
	fprintf(fp, "  %s  (contract %.12s)\n\n", r->period.label, c->sha256);
	fprintf(fp, "%-14s %-8s %-3s %9s %9s %-4s %10s %10s %-4s %s\n", "ticket", "type", "pri",
		"response", "target", "ok", "resolution", "target", "ok", "flags");
	for (size_t i = 0; i < r->n; i++) {
		const struct sk_result *x = &r->r[i];
		const struct sk_verdict *v = &x->v;
		const struct sk_clock *rs = &v->response, *rv = &v->resolution;
		char id[64];

		if (only_breached && !breached(x))
			continue;
		shown++;
		text_escape(id, sizeof(id), x->ticket.id, 0);
		fprintf(fp, "%-14.14s %-8.8s %-3.3s %9s %9s %-4s %10s %10s %-4s %s%s\n", id,
			sk_ticket_type_name(x->ticket.type), c->priorities[v->priority].id,
			rs->state != SK_CLOCK_NA ? sk_seconds_format(rs->elapsed, b1, sizeof(b1)) : "-",
			rs->state != SK_CLOCK_NA ? sk_seconds_format(rs->target, b2, sizeof(b2)) : "-",
			rs->state == SK_CLOCK_MET ? "yes" : rs->state == SK_CLOCK_BREACHED ? "NO"
			: rs->state == SK_CLOCK_PENDING ? "..." : "-",
			rv->state != SK_CLOCK_NA ? sk_seconds_format(rv->elapsed, b3, sizeof(b3)) : "-",
			rv->state != SK_CLOCK_NA ? sk_seconds_format(rv->target, b4, sizeof(b4)) : "-",
			rv->state == SK_CLOCK_MET ? "yes" : rv->state == SK_CLOCK_BREACHED ? "NO"
			: rv->state == SK_CLOCK_PENDING ? "..." : "-",
			v->excluded ? "excluded " : "", results_flag_list(v->flags, flags, sizeof(flags)));
	}
	fprintf(fp, "\n%zu ticket%s\n", shown, shown == 1 ? "" : "s");
	if (ps)
		text_summary(r, ps, fp);
}

enum sk_err sk_results_write(const struct sk_results *r, enum sk_format fmt, int only_breached,
			     FILE *fp)
{
	struct prio_summary *ps = NULL;

	/* The summary first: without memory for it nothing is written, not half a list. */
	if ((fmt == SK_FORMAT_JSON || (fmt == SK_FORMAT_TEXT && !only_breached)) &&
	    !(ps = summary_new(r)))
		return SK_ERR_NOMEM;
	if (fmt == SK_FORMAT_CSV)
		write_csv(r, only_breached, fp);
	else if (fmt == SK_FORMAT_JSON)
		write_json(r, only_breached, ps, fp);
	else
		write_text(r, only_breached, ps, fp);
	free(ps);
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}

/* ---- clocks overdue and at risk (sla-compute --at-risk) ---- */

struct risk_row {
	const struct sk_result *x;
	const struct sk_clock *k;
	const char *clock;        /* "response" or "resolution" */
	int overdue;              /* 1: over its target and still running */
};

/*
 * The overdue clocks first, then the least time left first (the longest
 * overdue first among those); a clock held by an open pause (no deadline)
 * last of its group; then by id.
 */
static int by_left(const void *a, const void *b)
{
	const struct risk_row *x = a, *y = b;
	int64_t lx = x->k->target - x->k->elapsed, ly = y->k->target - y->k->elapsed;
	int c;

	if (x->overdue != y->overdue)
		return x->overdue ? -1 : 1;
	if (!x->k->deadline != !y->k->deadline)
		return !x->k->deadline ? 1 : -1;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	if ((c = strcmp(x->x->ticket.id, y->x->ticket.id)))
		return c;
	return strcmp(x->clock, y->clock);
}

/* Per mille of the target used, rounded down ("82.5" %: 825). */
static int64_t used_permille(const struct sk_clock *k)
{
	return k->elapsed * 1000 / k->target;
}

/* The business time left in text: "1:00:00", or "over by 1:00:00" when overdue. */
static const char *left_text(const struct sk_clock *k, char *buf, size_t size)
{
	char t[32];
	int64_t left = k->target - k->elapsed;

	if (left >= 0)
		return sk_seconds_format(left, buf, size);
	snprintf(buf, size, "over by %s", sk_seconds_format(-left, t, sizeof(t)));
	return buf;
}

enum sk_err sk_results_write_at_risk(const struct sk_results *r, enum sk_format fmt, FILE *fp)
{
	const struct sk_contract *c = r->contract;
	struct risk_row *row = malloc((r->n ? 2 * r->n : 1) * sizeof(*row));
	size_t n = 0;
	char b[5][32], at[32];

	if (!row)
		return SK_ERR_NOMEM;
	for (size_t i = 0; i < r->n; i++) {
		const struct sk_clock *k[2] = { &r->r[i].v.response, &r->r[i].v.resolution };

		for (int j = 0; j < 2; j++) {
			int over = sk_clock_overdue(k[j]);

			if (over || sk_clock_at_risk(c, k[j]))
				row[n++] = (struct risk_row){ &r->r[i], k[j],
							      j ? "resolution" : "response", over };
		}
	}
	qsort(row, n, sizeof(*row), by_left);
	sk_time_format_local(r->as_of, c->tz, at, sizeof(at));
	if (fmt == SK_FORMAT_JSON) {
		fputs("{\"at\":", fp);
		json_write_string(fp, at);
		fputs(",\"contract\":", fp);
		json_write_string(fp, c->id);
		fprintf(fp, ",\"contract_sha256\":\"%s\",\"share\":%s,\"clocks\":[", c->sha256,
			sk_dec_format_short(c->rules.at_risk_share, '.', b[0], sizeof(b[0])));
	} else if (fmt == SK_FORMAT_TEXT && n) {
		fprintf(fp, "clocks overdue or at risk at %s (overdue: over the target; at risk: "
			"%s %% or more of it used)\n\n", at,
			sk_dec_format_short(c->rules.at_risk_share, '.', b[0], sizeof(b[0])));
		fprintf(fp, "%-14s %-3s %-10s %-7s %9s %9s %6s %17s  %s\n", "ticket", "pri", "clock",
			"state", "used", "target", "used%", "left", "deadline");
	} else if (fmt == SK_FORMAT_CSV && n) {
		fputs("id,priority,clock,state,used_seconds,target_seconds,used_percent,left_seconds,"
		      "deadline,at\n", fp);
	}
	for (size_t i = 0; i < n; i++) {
		const struct sk_clock *k = row[i].k;
		const char *pri = c->priorities[row[i].x->v.priority].id;
		const char *state = row[i].overdue ? "overdue" : "at-risk";
		int64_t pm = used_permille(k);
		const char *deadline = k->deadline ? sk_time_format_local(k->deadline, c->tz, b[4], 32)
						   : "";

		snprintf(b[2], 32, "%" PRId64 ".%" PRId64, pm / 10, pm % 10);
		if (fmt == SK_FORMAT_JSON) {
			fputs(i ? ",\n{\"id\":" : "\n{\"id\":", fp);
			json_write_string(fp, row[i].x->ticket.id);
			fprintf(fp, ",\"priority\":\"%s\",\"clock\":\"%s\",\"overdue\":%s,"
				"\"used_seconds\":%" PRId64 ",\"target_seconds\":%" PRId64
				",\"used_percent\":%s,\"left_seconds\":%" PRId64 ",\"deadline\":", pri,
				row[i].clock, row[i].overdue ? "true" : "false", k->elapsed, k->target,
				b[2], k->target - k->elapsed);
			if (k->deadline)
				fprintf(fp, "\"%s\"}", deadline);
			else
				fputs("null}", fp);
		} else if (fmt == SK_FORMAT_CSV) {
			csv_write_field(fp, row[i].x->ticket.id, ',');
			fprintf(fp, ",%s,%s,%s,%" PRId64 ",%" PRId64 ",%s,%" PRId64 ",%s,%s\n", pri,
				row[i].clock, state, k->elapsed, k->target, b[2], k->target - k->elapsed,
				deadline, at);
		} else {
			char id[64], left[48];

			text_escape(id, sizeof(id), row[i].x->ticket.id, 0);
			fprintf(fp, "%-14.14s %-3.3s %-10s %-7s %9s %9s %6s %17s  %s\n", id, pri,
				row[i].clock, state, sk_seconds_format(k->elapsed, b[0], 32),
				sk_seconds_format(k->target, b[1], 32), b[2],
				left_text(k, left, sizeof(left)),
				k->deadline ? deadline : "paused (open pause)");
		}
	}
	if (fmt == SK_FORMAT_JSON)
		fputs(n ? "\n]}\n" : "]}\n", fp);
	free(row);
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}
