/*
 * The status-update cadence section of the CSV and JSON reports: the same
 * figures as the text, in seconds and plain numbers, with every gap of the
 * tickets of the period, and the response's channel in the P1 list.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report_cadence_priv.h"
#include "slakit/datetime.h"

static const char *const end_names[] = { "response", "update", "resolution", "period_end" };

static const char *state_name(enum sk_cadence_state s)
{
	static const char *const names[] = { "n/a", "agreed", "not_measured", "held", "late",
					     "running" };

	return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : "?";
}

/* ---- CSV: section,key,field,value ---- */

void report_cadence_csv(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_cadence *k = r->cadence;
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;
	char key[256], b1[40], b2[40];

	if (!k)
		return;
	for (size_t i = 0; i < k->n_p; i++) {
		const struct sk_report_cadence_prio *f = &k->p[i];
		const char *id = c->priorities[f->priority].id;

		if (f->agreed)
			csv_put(fp, "cadence", id, "interval", "agreed");
		else
			csv_put_long(fp, "cadence", id, "interval_seconds", f->interval);
		csv_put_long(fp, "cadence", id, "tickets", f->tickets);
		csv_put_long(fp, "cadence", id, "held", f->held);
		csv_put_long(fp, "cadence", id, "late", f->late);
		csv_put_long(fp, "cadence", id, "open", f->running);
		csv_put_long(fp, "cadence", id, "not_measured", f->not_measured);
		if (f->has_pct)
			csv_put_dec(fp, "cadence", id, "held_pct", f->pct, dec);
	}
	for (size_t i = 0; i < k->all.n; i++) {
		const struct sk_cadence *t = &k->all.t[i];

		csv_put(fp, "cadence_ticket", t->ticket, "state", state_name(t->state));
		if (t->state == SK_CADENCE_HELD || t->state == SK_CADENCE_LATE ||
		    t->state == SK_CADENCE_RUNNING) {
			csv_put_long(fp, "cadence_ticket", t->ticket, "updates", t->updates);
			csv_put_long(fp, "cadence_ticket", t->ticket, "late_gaps", t->late);
			csv_put_long(fp, "cadence_ticket", t->ticket, "longest_gap_seconds", t->longest);
		}
		if (c->priorities[t->priority].response_by)
			csv_put(fp, "cadence_ticket", t->ticket, "response_channel",
				t->response_channel ? t->response_channel : "");
		for (size_t g = 0; g < t->n_gaps; g++) {
			const struct sk_update_gap *x = &t->gaps[g];

			if (!x->late)
				continue;
			snprintf(key, sizeof(key), "%s %s", t->ticket,
				 sk_time_format_local(x->from, c->tz, b1, sizeof(b1)));
			csv_put(fp, "cadence_late", key, "to",
				sk_time_format_local(x->to, c->tz, b2, sizeof(b2)));
			csv_put(fp, "cadence_late", key, "from_kind", end_names[x->from_kind]);
			csv_put(fp, "cadence_late", key, "to_kind", end_names[x->to_kind]);
			csv_put_long(fp, "cadence_late", key, "gap_seconds", x->business);
			csv_put_long(fp, "cadence_late", key, "paused_seconds", x->paused);
			csv_put_long(fp, "cadence_late", key, "allowed_seconds", t->interval);
		}
	}
}

void report_cadence_p1_csv(FILE *fp, const struct sk_report *r, size_t result)
{
	const struct sk_cadence *k = report_cadence_of(r, result);
	const char *by;

	if (!k || !(by = r->contract->priorities[k->priority].response_by))
		return;
	csv_put(fp, "p1", k->ticket, "response_channel", k->response_channel ? k->response_channel
									      : "");
	csv_put(fp, "p1", k->ticket, "response_by", by);
	csv_put(fp, "p1", k->ticket, "response_by_met", !k->response_channel ? ""
		: k->response_wrong ? "no" : "yes");
}

/* ---- JSON ---- */

static void jtime(FILE *fp, const struct sk_contract *c, const char *name, sk_time t)
{
	char b[40];

	json_member_str(fp, name, t ? sk_time_format_local(t, c->tz, b, sizeof(b)) : NULL, 1);
}

void report_cadence_p1_json(FILE *fp, const struct sk_report *r, size_t result)
{
	const struct sk_cadence *k = report_cadence_of(r, result);
	const char *by;

	if (!k || !(by = r->contract->priorities[k->priority].response_by))
		return;
	json_member_str(fp, "response_channel", k->response_channel, 1);
	json_member_str(fp, "response_by", by, 1);
	fprintf(fp, ",\"response_by_met\":%s",
		!k->response_channel ? "null" : k->response_wrong ? "false" : "true");
}

void report_cadence_json(FILE *fp, const struct sk_report *r)
{
	const struct sk_report_cadence *k = r->cadence;
	const struct sk_contract *c = r->contract;
	int dec = c->rules.pct_decimals;
	char b[48];

	if (!k)
		return;
	fputs(",\n\"cadence\":{\"priorities\":[", fp);
	for (size_t i = 0; i < k->n_p; i++) {
		const struct sk_report_cadence_prio *f = &k->p[i];

		fputs(i ? ",\n{" : "\n{", fp);
		json_member_str(fp, "priority", c->priorities[f->priority].id, 0);
		fprintf(fp, ",\"agreed\":%s,\"interval_seconds\":", f->agreed ? "true" : "false");
		fprintf(fp, f->agreed ? "null" : "%" PRId64, f->interval);
		fprintf(fp, ",\"tickets\":%ld,\"held\":%ld,\"late\":%ld,\"open\":%ld,"
			"\"not_measured\":%ld,\"held_pct\":%s}", f->tickets, f->held, f->late,
			f->running, f->not_measured,
			f->has_pct ? sk_dec_format(f->pct, dec, '.', b, sizeof(b)) : "null");
	}
	fprintf(fp, "],\"late_gaps\":%ld,\"responses_not_by_channel\":%ld,\"tickets\":[",
		k->late_gaps, k->wrong_channel);
	for (size_t i = 0; i < k->all.n; i++) {
		const struct sk_cadence *t = &k->all.t[i];

		fputs(i ? ",\n{" : "\n{", fp);
		json_member_str(fp, "id", t->ticket, 0);
		json_member_str(fp, "priority", c->priorities[t->priority].id, 1);
		json_member_str(fp, "state", state_name(t->state), 1);
		jtime(fp, c, "from", t->from);
		jtime(fp, c, "until", t->until);
		fprintf(fp, ",\"updates\":%ld,\"internal_notes\":%ld,\"late_gaps\":%ld", t->updates,
			t->internal, t->late);
		fprintf(fp, ",\"longest_gap_seconds\":");
		fprintf(fp, t->longest >= 0 ? "%" PRId64 : "null", t->longest);
		json_member_str(fp, "response_channel", t->response_channel, 1);
		fprintf(fp, ",\"response_not_by_channel\":%s", t->response_wrong ? "true" : "false");
		fputs(",\"gaps\":[", fp);
		for (size_t g = 0; g < t->n_gaps; g++) {
			const struct sk_update_gap *x = &t->gaps[g];

			fputs(g ? ",{" : "{", fp);
			json_member_str(fp, "from_kind", end_names[x->from_kind], 0);
			jtime(fp, c, "from", x->from);
			json_member_str(fp, "to_kind", end_names[x->to_kind], 1);
			jtime(fp, c, "to", x->to);
			fprintf(fp, ",\"business_seconds\":%" PRId64 ",\"paused_seconds\":%" PRId64
				",\"late\":%s}", x->business, x->paused, x->late ? "true" : "false");
		}
		fputs("]}", fp);
	}
	fputs("]}", fp);
}
