/*
 * The derivation of one ticket's verdict, step by step, so that an auditor
 * can check it with a calendar and a pencil.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "compute_priv.h"
#include "engine.h"
#include "slakit/datetime.h"

#define MAX_DAYS 400 /* days listed per clock; longer spans are summarised */

static const char *when(sk_time t, const struct sk_tz *tz, char *buf, size_t size)
{
	if (!t)
		return "-";
	return sk_time_format_offset(t, tz, buf, size);
}

const char *explain_when(sk_time t, const struct sk_tz *tz, char *buf, size_t size)
{
	return when(t, tz, buf, size);
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

/* Where the pauses of one merged pause came from, for people. */
static void say_origins(FILE *fp, unsigned o)
{
	static const struct {
		unsigned bit;
		const char *words;
	} from[] = {
		{ PAUSE_FROM_CONTRACT, "status in the contract's pause_statuses" },
		{ PAUSE_FROM_IMPORT, "status the import stored as paused (its map)" },
		{ PAUSE_FROM_INTERVAL, "explicit pause interval" },
		{ PAUSE_FROM_REOPEN, "resolved, then reopened" },
	};
	int n = 0;

	for (size_t i = 0; i < sizeof(from) / sizeof(from[0]); i++)
		if (o & from[i].bit)
			fprintf(fp, "%s%s", n++ ? "; " : "      from: ", from[i].words);
	if (n)
		fputc('\n', fp);
}

/* What a status means, as the history shows it. */
static const char *status_words(unsigned kind)
{
	if (kind & SK_STATUS_PAUSE)
		return kind & SK_STATUS_BY_IMPORT ? "  (pauses the clock: map at import)"
						  : "  (pauses the clock: contract pause_statuses)";
	if (kind & SK_STATUS_DONE)
		return kind & SK_STATUS_BY_IMPORT ? "  (resolved or closed: map at import)"
						  : "  (resolved or closed: contract)";
	return "";
}

static enum sk_err explain_clock(FILE *fp, struct sk_contract *c, const char *name,
				 const struct sk_clock *k, struct sk_calendar *cal_override, sk_time from,
				 const char *from_what, const char *na_words, const char *stop_words,
				 const struct sk_pause *p, size_t np, sk_time as_of)
{
	const struct sk_tz *tz = c->tz;
	struct sk_calendar *cal = cal_override ? cal_override : c->calendars[k->calendar].cal;
	char b1[40], b2[32];
	struct sk_civil cv;
	enum sk_err rc;

	fprintf(fp, "\n%s clock (calendar %s)\n", name, sk_calendar_name(cal));
	if (k->state == SK_CLOCK_NA) {
		fprintf(fp, "  %s\n", na_words);
		return SK_OK;
	}
	fprintf(fp, "  from        %s (%s)\n", when(from, tz, b1, sizeof(b1)), from_what);
	fprintf(fp, "  starts      %s (%s)\n", when(k->start, tz, b1, sizeof(b1)),
		k->start == from ? "within business hours" : "outside business hours: the next business moment");
	fprintf(fp, "  stops       %s", k->stop ? when(k->stop, tz, b1, sizeof(b1))
		: "- (still running at the evaluation time)");
	if (k->stop && stop_words)
		fprintf(fp, " (%s)", stop_words);
	fputc('\n', fp);
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
			k->state == SK_CLOCK_MET || k->counts_at == k->stop
			? "the month the clock stopped"
			: "the month the target was first exceeded");
	}
	return SK_OK;
}

/* The device swap's two clocks and the verdict they make together (compute.c swap_clocks()). */
static enum sk_err explain_swap(FILE *fp, struct sk_contract *c, const struct sk_ticket *t,
				const struct sk_verdict *v, sk_time as_of)
{
	const struct sk_priority *pr = &c->priorities[v->priority];
	sk_time from = t->swap_requested_at ? t->swap_requested_at : t->reported_at;
	const char *from_what = t->swap_requested_at ? "the swap request"
				: "reported: the export has no swap request time";
	struct sk_civil cv;
	char b1[32], b2[32];
	enum sk_err rc;

	/* The targets as written: an eod deadline's seconds depend on the start. */
	fprintf(fp, "\ndevice swap targets (priority %s): swap %s, emergency workplace %s\n", pr->id,
		sk_duration_format(&pr->swap, b1, sizeof(b1)),
		sk_duration_format(&pr->swap_emergency, b2, sizeof(b2)));
	if ((rc = explain_clock(fp, c, "device swap", &v->swap, NULL, from, from_what,
				!pr->swap.set ? "no swap target for this priority"
				: "no swap known by the evaluation time",
				"a working replacement device", NULL, 0, as_of)))
		return rc;
	if (pr->swap_emergency.set &&
	    (rc = explain_clock(fp, c, "emergency workplace", &v->emergency, NULL, from, from_what,
				"no swap known by the evaluation time", "the emergency workplace ready",
				NULL, 0, as_of)))
		return rc;
	if (v->swap.state == SK_CLOCK_NA)
		return SK_OK;
	fprintf(fp, "\nswap verdict  %s (%s)\n", sk_clock_state_name(v->swap_state),
		pr->swap_emergency.set ? "met when the device or the emergency workplace came in time"
		: "met when the device came in time");
	if (v->swap_counts_at) {
		sk_tz_to_civil(c->tz, v->swap_counts_at, &cv);
		fprintf(fp, "  counts in   %04d-%02d (%s)\n", cv.year, cv.month,
			v->swap_state == SK_CLOCK_MET ? "the month the user could work again"
			: t->swap_requested_at ? "the month the last target ran out"
			: "the month of the delivery: no request time, so no clock ran before it");
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
	char b1[40], b2[40], raw[128] = "", used[256];
	unsigned *origins = NULL;
	struct sk_target tg[2];
	char na[2][200];
	sk_time horizon = 0, asked;
	enum sk_err rc;
	int have_verdict = 0;

	if (!a)
		return SK_ERR_NOMEM;
	memset(&v, 0, sizeof(v));
	/* The id as the user typed it may differ in blanks from the stored one. */
	if ((rc = store_ticket_find_id(db, id, used, sizeof(used), d)) ||
	    (rc = store_ticket_read(db, c, used, a, &t, &h, raw, sizeof(raw), d)))
		goto out;
	results_apply_history(c, &t, &h);
	/* Status history and explicit pauses, as imported. */
	if ((rc = store_ticket_read_events(db, c, sk_compute_classify_event, used, a, &ev, &nev,
					   d)) ||
	    (rc = store_ticket_read_pauses(db, used, &ps, &nps, d)) ||
	    (rc = suppliers_add_pauses(db, c, used, &ps, &nps, d)))
		goto out;
	t.events = ev;
	t.n_events = nev;
	t.pauses = ps;
	t.n_pauses = nps;

	/* Never past the data's horizon: what compute would say of the period. */
	asked = as_of;
	if ((rc = results_as_of(db, as_of, &horizon, &as_of, d)))
		goto out;
	if ((rc = sk_compute_ticket(c, &t, as_of, &v, d)))
		goto out;
	have_verdict = 1;
	pr = &c->priorities[v.priority];
	if (v.n_pauses && !(origins = calloc(v.n_pauses, sizeof(*origins)))) {
		rc = SK_ERR_NOMEM;
		goto out;
	}
	if (v.n_pauses && (rc = compute_pause_origins(c, &t, &v, origins)))
		goto out;

	fprintf(fp, "ticket %s, contract %s (sha256 %s)\n", t.id, c->id, c->sha256);
	if (strcmp(used, id) != 0)
		fprintf(fp, "(asked for '%s': the ticket whose id matches it without blanks)\n", id);
	fprintf(fp, "evaluated at %s", when(as_of, c->tz, b1, sizeof(b1)));
	if (horizon && (!asked || as_of < asked))
		fprintf(fp, " (just after the data's horizon, %s)", when(horizon, c->tz, b1, sizeof(b1)));
	fputs("\n\nimported fields\n", fp);
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
	if (t.swap_requested_at)
		fprintf(fp, "  swap asked  %s\n", when(t.swap_requested_at, c->tz, b1, sizeof(b1)));
	if (t.swap_at)
		fprintf(fp, "  swapped     %s\n", when(t.swap_at, c->tz, b1, sizeof(b1)));
	if (t.emergency_at)
		fprintf(fp, "  emergency   %s (emergency workplace ready)\n",
			when(t.emergency_at, c->tz, b1, sizeof(b1)));
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
			status_words(ev[i].kind));
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
		say_origins(fp, origins[i]);
	}

	/* Which time stopped each clock, and why that one. */
	sk_contract_ticket_target(c, v.priority, t.type, t.type == SK_TICKET_CHANGE
				  ? sk_change_type_parse(t.change_type) : -1, 0, &tg[0]);
	sk_contract_ticket_target(c, v.priority, t.type, t.type == SK_TICKET_CHANGE
				  ? sk_change_type_parse(t.change_type) : -1, 1, &tg[1]);
	for (int k = 0; k < 2; k++) {
		if (tg[k].none)
			snprintf(na[k], sizeof(na[k]), "not measured: outside the agreement "
				 "(contract: %s = none)", tg[k].key);
		else
			snprintf(na[k], sizeof(na[k]), "no target for this priority and type");
	}
	if (v.flags & SK_FLAG_RESPONSE_UNMEASURED)
		snprintf(na[0], sizeof(na[0]), "not measured: the export this ticket came from has "
			 "no response time (no response column, no status meaning responded)");
	if ((rc = explain_clock(fp, c, "response", &v.response,
				(v.flags & SK_FLAG_AFTER_HOURS) ? pr->after_hours_union : NULL, t.reported_at,
				(v.flags & SK_FLAG_AFTER_HOURS) ? "reported after hours: the after-hours target"
				: "reported", na[0], t.responded_at ? "the response time"
				: "no response time: the first resolution, which answers the user too",
				NULL, 0, as_of)))
		goto out;
	if ((rc = explain_clock(fp, c, "resolution", &v.resolution, NULL,
				c->rules.resolution_start == SK_CLOCK_RESPONDED && t.responded_at
				? t.responded_at : t.reported_at,
				c->rules.resolution_start == SK_CLOCK_RESPONDED && t.responded_at
				? "responded (contract: resolution_start = responded)" : "reported", na[1],
				pr->workaround_stops && t.productive_at && v.resolution.stop == t.productive_at
				? "productive again: a workaround (contract: workaround_stops = yes)"
				: t.n_events && v.resolution.stop != (t.resolved_at ? t.resolved_at : t.closed_at)
				? "where the final run of resolved or closed statuses began"
				: t.resolved_at ? "the resolution time" : "the closing time",
				v.pauses, v.n_pauses, as_of)))
		goto out;

	/* A visit is judged only once made; one without a target says why it has no verdict. */
	if (t.onsite_at &&
	    (rc = explain_clock(fp, c, "onsite", &v.onsite, NULL, t.reported_at, "reported",
				t.onsite_at > as_of ? "visit after the evaluation time: not judged yet"
				: "no onsite target for this priority (contract: onsite_default = none)",
				v.onsite_from_resolution ? "the onsite time; no onsite target for this "
				"priority: held to the resolution target (contract: onsite_default = "
				"resolution)" : "the onsite time", NULL, 0, as_of)))
		goto out;

	if ((t.swap_requested_at || t.swap_at || t.emergency_at) &&
	    (rc = explain_swap(fp, c, &t, &v, as_of)))
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
	if ((rc = cadence_explain(db, c, &t, &v, as_of, fp, d)))
		goto out;
	rc = ferror(fp) ? SK_ERR_IO : SK_OK;
out:
	if (have_verdict)
		sk_verdict_release(&v);
	free(ev);
	free(ps);
	free(origins);
	arena_free(a);
	return rc;
}
