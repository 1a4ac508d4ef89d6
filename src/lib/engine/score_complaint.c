/*
 * A complaint's time: the one computation behind the tickets:complaint KPI,
 * the report's table of complaints and its escalations. sla-compute's
 * verdict on a complaint left its pauses out while these three did not, so
 * one complaint was "met" there and escalated in the report; now all of them
 * count the pauses exactly as sla-compute does, from its verdict. The same
 * clock climbs the escalation ladder (cloudwise-dap §11.4).
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* Business seconds of the pauses @ps in [@from, @to) on @cal (merged: they do not overlap). */
static enum sk_err paused_between(struct sk_calendar *cal, const struct sk_pause *ps, size_t n,
				  sk_time from, sk_time to, int64_t *out)
{
	*out = 0;
	for (size_t i = 0; i < n; i++) {
		sk_time s = ps[i].start > from ? ps[i].start : from;
		sk_time e = ps[i].end == SK_PAUSE_OPEN || ps[i].end > to ? to : ps[i].end;
		int64_t b;
		enum sk_err rc;

		if (e <= s)
			continue;
		if ((rc = sk_calendar_between(cal, s, e, &b)))
			return rc;
		*out += b;
	}
	return SK_OK;
}

/*
 * The instant the business clock of a complaint reported at @from, paused by
 * @ps, reaches @limit seconds: the calendar's deadline moved on by the paused
 * business time before it, until no pause is left to add. Only asked for a
 * complaint whose time went beyond @limit, so the clock does reach it.
 */
static enum sk_err ladder_at(struct sk_calendar *cal, const struct sk_pause *ps, size_t n,
			     sk_time from, int64_t limit, sk_time *out)
{
	int64_t paused = 0, again;
	enum sk_err rc;

	for (;;) {
		if ((rc = sk_calendar_add(cal, from, limit + paused, out)) ||
		    (rc = paused_between(cal, ps, n, from, *out, &again)))
			return rc;
		if (again == paused)
			return SK_OK;
		paused = again; /* grows only: the pauses are finite */
	}
}

/* The ladder's level of a complaint of @business seconds, and when it reached each step. */
static enum sk_err ladder(struct sk_contract *c, int cal, const struct sk_verdict *v,
			  sk_time from, struct score_complaint *out)
{
	const struct sk_rules *ru = &c->rules;
	struct sk_calendar *k = c->calendars[cal].cal;
	int64_t m = sk_contract_seconds(c, cal, &ru->complaint_management);
	int64_t dr = sk_contract_seconds(c, cal, &ru->complaint_directors);
	enum sk_err rc;

	if (!ru->complaint_management.set && !ru->complaint_directors.set)
		return SK_OK;
	out->level = 1;
	/* "Binnen maximaal twee werkdagen": at the limit itself it is still in time. */
	if (ru->complaint_management.set && out->business > m) {
		out->level = 2;
		if ((rc = ladder_at(k, v->pauses, v->n_pauses, from, m, &out->management_at)))
			return rc;
	}
	if (ru->complaint_directors.set && out->business > dr) {
		out->level = 3;
		if ((rc = ladder_at(k, v->pauses, v->n_pauses, from, dr, &out->directors_at)))
			return rc;
	}
	return SK_OK;
}

enum sk_err score_complaint_time(struct sk_db *db, struct sk_contract *c, const char *id, int cal,
				 sk_time until, struct score_complaint *out, struct sk_diag *d)
{
	struct arena *a = arena_new();
	struct sk_ticket t;
	struct store_history h;
	struct sk_verdict v;
	struct sk_status_event *ev = NULL;
	struct sk_pause *ps = NULL;
	size_t nev = 0, nps = 0;
	char raw[8];
	struct sk_calendar *k = c->calendars[cal].cal;
	int64_t gross;
	sk_time end;
	enum sk_err rc;
	int judged = 0;

	memset(out, 0, sizeof(*out));
	memset(&v, 0, sizeof(v));
	if (!a)
		return SK_ERR_NOMEM;
	/* The ticket as sla-compute reads it: its row, its history, its status events and pauses. */
	if ((rc = store_ticket_read(db, c, id, a, &t, &h, raw, sizeof(raw), d)))
		goto out;
	results_apply_history(c, &t, &h);
	if ((rc = store_ticket_read_events(db, c, sk_compute_classify_event, id, a, &ev, &nev, d)) ||
	    (rc = store_ticket_read_pauses(db, id, &ps, &nps, d)) ||
	    (rc = suppliers_add_pauses(db, c, id, &ps, &nps, d)))
		goto out;
	t.events = ev;
	t.n_events = nev;
	t.pauses = ps;
	t.n_pauses = nps;
	if ((rc = sk_compute_ticket(c, &t, until, &v, d)))
		goto out;
	judged = 1;
	/* Solved when sla-compute's resolution stops, by @until; else it runs to @until. */
	out->solved = v.mttr_wall >= 0 ? t.reported_at + v.mttr_wall : 0;
	end = out->solved ? out->solved : until;
	if (end < t.reported_at)
		end = t.reported_at;
	if (sk_calendar_between(k, t.reported_at, end, &gross) ||
	    paused_between(k, v.pauses, v.n_pauses, t.reported_at, end, &out->paused)) {
		rc = sk_diag_set(d, SK_ERR_RANGE, NULL, 0, id, "complaint times outside 1900-2199");
		goto out;
	}
	out->business = gross - out->paused;
	if ((rc = ladder(c, cal, &v, t.reported_at, out))) {
		rc = rc == SK_ERR_NOMEM ? sk_diag_set(d, rc, NULL, 0, id, "out of memory")
				       : sk_diag_set(d, SK_ERR_RANGE, NULL, 0, id,
						     "complaint times outside 1900-2199");
		goto out;
	}
out:
	if (judged)
		sk_verdict_release(&v);
	free(ev);
	free(ps);
	arena_free(a);
	return rc;
}
