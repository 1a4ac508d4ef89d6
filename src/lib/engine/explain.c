/*
 * The derivation of one ticket's verdict, step by step, so that an auditor
 * can check it with a calendar and a pencil.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "slakit/datetime.h"

#define MAX_DAYS 400 /* days listed per clock; longer spans are summarised */

static const char *when(sk_time t, const struct sk_tz *tz, char *buf, size_t size)
{
	if (!t)
		return "-";
	return sk_time_format_offset(t, tz, buf, size);
}

static void describe_calendar(FILE *fp, const struct sk_contract *c, int ci)
{
	static const char *const wd[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
	struct sk_calendar *cal = c->calendars[ci].cal;
	char b[32];

	fprintf(fp, "  calendar    %s (%s), one werkdag = %s\n", c->calendars[ci].name,
		sk_tz_name(sk_calendar_tz(cal)),
		sk_seconds_format(sk_calendar_standard_day(cal), b, sizeof(b)));
	if (sk_calendar_is_24x7(cal)) {
		fputs("              24x7, no holidays\n", fp);
		return;
	}
	for (int w = 0; w < 7; w++) {
		const struct sk_interval *iv;
		size_t n = sk_calendar_intervals(cal, w, &iv);

		fprintf(fp, "              %s", wd[w]);
		if (!n)
			fputs(" closed", fp);
		for (size_t i = 0; i < n; i++)
			fprintf(fp, " %02d:%02d-%02d:%02d", iv[i].start / 3600, iv[i].start / 60 % 60,
				iv[i].end / 3600, iv[i].end / 60 % 60);
		fputc('\n', fp);
	}
}

/* The business seconds of [a, b) minus pauses, day by day. */
static enum sk_err per_day(FILE *fp, struct sk_calendar *cal, const struct sk_tz *tz, sk_time a,
			   sk_time b, const struct sk_pause *p, size_t np)
{
	struct sk_day_part *parts = malloc(MAX_DAYS * sizeof(*parts));
	sk_time cursor = a;
	size_t shown = 0, total_days = 0;
	int64_t total = 0;
	enum sk_err rc = SK_OK;
	char b1[40], b2[40], b3[32];

	if (!parts)
		return SK_ERR_NOMEM;
	/* Walk the counted stretches between pauses. */
	for (size_t i = 0; i <= np && cursor < b; i++) {
		sk_time stop = i < np && p[i].start < b ? p[i].start : b;
		size_t n;

		if (i < np && p[i].end <= cursor)
			continue;
		if (stop > cursor) {
			if ((rc = sk_calendar_split(cal, cursor, stop, parts, MAX_DAYS, &n)))
				goto out;
			for (size_t k = 0; k < n && k < MAX_DAYS; k++) {
				if (shown < MAX_DAYS) {
					fprintf(fp, "      %s .. %s  %s\n",
						sk_time_format_local(parts[k].from, tz, b1, sizeof(b1)),
						sk_time_format_local(parts[k].to, tz, b2, sizeof(b2)) + 11,
						sk_seconds_format(parts[k].seconds, b3, sizeof(b3)));
					shown++;
				}
				total += parts[k].seconds;
			}
			total_days += n;
		}
		if (i < np)
			cursor = p[i].end > cursor ? p[i].end : cursor;
	}
	if (total_days > shown)
		fprintf(fp, "      ... %zu more stretches\n", total_days - shown);
	fprintf(fp, "      total %s (%" PRId64 " s)\n", sk_seconds_format(total, b3, sizeof(b3)), total);
out:
	free(parts);
	return rc;
}

static enum sk_err explain_clock(FILE *fp, struct sk_contract *c, const char *name,
				 const struct sk_clock *k, struct sk_calendar *cal_override, sk_time from,
				 const char *from_what, const struct sk_pause *p, size_t np, sk_time as_of)
{
	const struct sk_tz *tz = c->tz;
	struct sk_calendar *cal = cal_override ? cal_override : c->calendars[k->calendar].cal;
	char b1[40], b2[32];
	struct sk_civil cv;
	enum sk_err rc;

	fprintf(fp, "\n%s clock (calendar %s)\n", name, sk_calendar_name(cal));
	if (k->state == SK_CLOCK_NA) {
		fputs("  no target for this priority and type\n", fp);
		return SK_OK;
	}
	fprintf(fp, "  from        %s (%s)\n", when(from, tz, b1, sizeof(b1)), from_what);
	fprintf(fp, "  starts      %s (%s)\n", when(k->start, tz, b1, sizeof(b1)),
		k->start == from ? "within business hours" : "outside business hours: the next business moment");
	fprintf(fp, "  stops       %s\n", k->stop ? when(k->stop, tz, b1, sizeof(b1))
		: "- (still running at the evaluation time)");
	fprintf(fp, "  target      %s%s (%" PRId64 " business seconds%s)\n", k->below ? "< " : "",
		sk_seconds_format(k->target, b2, sizeof(b2)), k->target,
		k->below ? "; the target itself is over" : "");
	fputs("  counted per day:\n", fp);
	if ((rc = per_day(fp, cal, tz, from, k->stop ? k->stop : as_of, p, np)))
		return rc;
	if (np)
		fprintf(fp, "  paused      %s (%" PRId64 " s) of business time\n",
			sk_seconds_format(k->paused, b2, sizeof(b2)), k->paused);
	fprintf(fp, "  elapsed     %s (%" PRId64 " s)\n", sk_seconds_format(k->elapsed, b2, sizeof(b2)),
		k->elapsed);
	fprintf(fp, "  deadline    %s\n", k->deadline ? when(k->deadline, tz, b1, sizeof(b1))
		: "- (paused: the clock waits)");
	fprintf(fp, "  verdict     %s", sk_clock_state_name(k->state));
	if (k->state == SK_CLOCK_MET)
		fprintf(fp, " (elapsed %" PRId64 " %s target %" PRId64 ")", k->elapsed,
			k->below ? "<" : "<=", k->target);
	else if (k->state == SK_CLOCK_BREACHED && k->elapsed == k->target)
		fputs(" (elapsed equals the target, which must be undercut)", fp);
	else if (k->state == SK_CLOCK_BREACHED)
		fprintf(fp, " (%s over the target)",
			sk_seconds_format(k->elapsed - k->target, b2, sizeof(b2)));
	fputc('\n', fp);
	if (k->counts_at) {
		sk_tz_to_civil(tz, k->counts_at, &cv);
		fprintf(fp, "  counts in   %04d-%02d (%s)\n", cv.year, cv.month,
			k->state == SK_CLOCK_MET ? "the month the clock stopped"
			: "the month the target was first exceeded");
	}
	return SK_OK;
}

enum sk_err sk_results_explain(struct sk_db *db, struct sk_contract *c, const char *id,
			       sk_time as_of, FILE *fp, struct sk_diag *d)
{
	struct arena *a = arena_new();
	struct sk_ticket t;
	struct store_history h;
	struct sk_verdict v;
	struct sk_status_event *ev = NULL;
	struct sk_pause *ps = NULL;
	size_t nev = 0, nps = 0;
	const struct sk_priority *pr;
	char b1[40], b2[40], raw[128] = "";
	enum sk_err rc;
	int have_verdict = 0;

	if (!a)
		return SK_ERR_NOMEM;
	memset(&v, 0, sizeof(v));
	if ((rc = store_ticket_read(db, c, id, a, &t, &h, raw, sizeof(raw), d)))
		goto out;
	results_apply_history(c, &t, &h);
	/* Status history and explicit pauses, as imported. */
	if ((rc = store_ticket_read_events(db, id, a, &ev, &nev, d)) ||
	    (rc = store_ticket_read_pauses(db, id, &ps, &nps, d)) ||
	    (rc = suppliers_add_pauses(db, c, id, &ps, &nps, d)))
		goto out;
	t.events = ev;
	t.n_events = nev;
	t.pauses = ps;
	t.n_pauses = nps;

	if (!as_of) {
		/* The data's horizon: the first instant after all the database knows of. */
		sk_time latest;
		int found;

		if ((rc = store_tickets_latest(db, &latest, &found, d)))
			goto out;
		as_of = found ? latest + 1 : 0;
	}
	if ((rc = sk_compute_ticket(c, &t, as_of, &v, d)))
		goto out;
	have_verdict = 1;
	pr = &c->priorities[v.priority];

	fprintf(fp, "ticket %s, contract %s (sha256 %s)\n", t.id, c->id, c->sha256);
	fprintf(fp, "evaluated at %s\n\nimported fields\n", when(as_of, c->tz, b1, sizeof(b1)));
	fprintf(fp, "  type        %s\n", sk_ticket_type_name(t.type));
	fprintf(fp, "  priority    %s (exported as '%s')\n", c->priorities[t.priority].id, raw);
	fprintf(fp, "  reported    %s\n", when(t.reported_at, c->tz, b1, sizeof(b1)));
	fprintf(fp, "  responded   %s\n", when(t.responded_at, c->tz, b1, sizeof(b1)));
	fprintf(fp, "  resolved    %s\n", when(t.resolved_at, c->tz, b1, sizeof(b1)));
	fprintf(fp, "  closed      %s\n", when(t.closed_at, c->tz, b1, sizeof(b1)));
	if (t.productive_at)
		fprintf(fp, "  productive  %s\n", when(t.productive_at, c->tz, b1, sizeof(b1)));
	if (t.onsite_at)
		fprintf(fp, "  onsite      %s\n", when(t.onsite_at, c->tz, b1, sizeof(b1)));
	fprintf(fp, "  channel     %s\n", t.channel ? t.channel : "-");
	if (t.impact || t.urgency)
		fprintf(fp, "  impact      %s, urgency/users %s\n", t.impact ? t.impact : "-",
			t.urgency ? t.urgency : "-");
	if (t.category || t.location)
		fprintf(fp, "  category    %s, location %s\n", t.category ? t.category : "-",
			t.location ? t.location : "-");

	fprintf(fp, "\npriority applied: %s (%s, rule: %s)\n", pr->id, pr->name ? pr->name : pr->id,
		c->rules.priority == SK_PRIORITY_INITIAL ? "initial" :
		c->rules.priority == SK_PRIORITY_HIGHEST ? "highest" : "final");
	describe_calendar(fp, c, pr->calendar);

	fputs("\nstatus history\n", fp);
	if (!nev)
		fputs("  (none)\n", fp);
	for (size_t i = 0; i < nev; i++)
		fprintf(fp, "  %s  %s%s\n", when(ev[i].at, c->tz, b1, sizeof(b1)), ev[i].status,
			sk_contract_is_pause_status(c, ev[i].status) ? "  (pauses the clock)" : "");
	fputs("explicit pauses\n", fp);
	if (!nps)
		fputs("  (none)\n", fp);
	for (size_t i = 0; i < nps; i++)
		fprintf(fp, "  %s .. %s\n", when(ps[i].start, c->tz, b1, sizeof(b1)),
			ps[i].end ? when(ps[i].end, c->tz, b2, sizeof(b2)) : "(open)");
	fputs("pauses as counted (merged; only business time counts)\n", fp);
	if (!v.n_pauses)
		fputs("  (none)\n", fp);
	for (size_t i = 0; i < v.n_pauses; i++) {
		int64_t secs = 0;

		sk_time end = v.pauses[i].end == SK_PAUSE_OPEN ? as_of : v.pauses[i].end;

		sk_calendar_between(c->calendars[pr->calendar].cal, v.pauses[i].start, end, &secs);
		fprintf(fp, "  %s .. %s  %s business%s\n", when(v.pauses[i].start, c->tz, b1, sizeof(b1)),
			when(end, c->tz, b2, sizeof(b2)), sk_seconds_format(secs, raw, sizeof(raw)),
			v.pauses[i].end == SK_PAUSE_OPEN ? " (still paused at the evaluation time)" : "");
	}

	if ((rc = explain_clock(fp, c, "response", &v.response,
				(v.flags & SK_FLAG_AFTER_HOURS) ? pr->after_hours_union : NULL, t.reported_at,
				(v.flags & SK_FLAG_AFTER_HOURS) ? "reported after hours: the after-hours target"
				: "reported", NULL, 0, as_of)))
		goto out;
	if ((rc = explain_clock(fp, c, "resolution", &v.resolution, NULL,
				c->rules.resolution_start == SK_CLOCK_RESPONDED && t.responded_at
				? t.responded_at : t.reported_at,
				c->rules.resolution_start == SK_CLOCK_RESPONDED && t.responded_at
				? "responded (contract: resolution_start = responded)" : "reported",
				v.pauses, v.n_pauses, as_of)))
		goto out;

	fputs("\nflags\n", fp);
	if (!v.flags)
		fputs("  (none)\n", fp);
	for (int f = 0; f < SK_FLAG_COUNT; f++)
		if (v.flags & (1u << f))
			fprintf(fp, "  %s\n", sk_flag_name(1u << f));
	if (v.reason[0])
		fprintf(fp, "  reason: %s\n", v.reason);
	if (v.excluded)
		fputs("  excluded from the figures, listed apart\n", fp);
	if ((rc = suppliers_explain(db, c, &t, &v, as_of, fp, d)))
		goto out;
	rc = ferror(fp) ? SK_ERR_IO : SK_OK;
out:
	if (have_verdict)
		sk_verdict_release(&v);
	free(ev);
	free(ps);
	arena_free(a);
	return rc;
}
