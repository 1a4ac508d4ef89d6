/*
 * Availability of a service over a window: the one computation behind the
 * outages KPI (sla-score, the report's domains) and the report's table of
 * services. Two computations of it once disagreed (99.60 % "fail" beside
 * 100.000 % "yes" in one SLR), so both read this.
 */
#include <string.h>

#include "engine.h"

/*
 * Whether planned maintenance was announced in time, in the unit the
 * contract writes the notice in: whole days are werkdagen on the contract's
 * default calendar ("10 werkdagen vooraf"), hours and minutes wall-clock time
 * ("48 uur vooraf"); a notice with both must meet both.
 */
static int announced_in_time(const struct sk_contract *c, const struct sk_duration *notice,
			     sk_time announced, sk_time start)
{
	struct sk_calendar *cal = c->calendars[c->default_calendar].cal;
	int64_t business;
	enum sk_err e;

	if (announced > start || start - announced < notice->seconds)
		return 0;
	if (!notice->days)
		return 1;
	if ((e = sk_calendar_between(cal, announced, start, &business)) != SK_OK)
		return e == SK_ERR_NOMEM ? -1 : 0; /* -1: no memory, not "too late" */
	return business >= notice->days * sk_calendar_standard_day(cal);
}

/*
 * Planned maintenance that does not count: announced in time and wholly
 * outside the hours of `maintenance_outside` ("buiten kantooruren, >= 48 uur
 * vooraf"). Any other counts as an outage, like one that was not planned.
 * -1 when out of memory: never an outage counted or left out for want of it.
 */
static int maintenance_left_out(const struct sk_contract *c, const struct sk_service *svc,
				const struct store_outage *o)
{
	int64_t office;
	int in_time;
	enum sk_err e;

	if (o->planned != 1 || o->announced == STORE_NO_TIME || !svc->notice.set)
		return 0;
	if ((in_time = announced_in_time(c, &svc->notice, o->announced, o->start)) <= 0)
		return in_time;
	e = sk_calendar_between(c->calendars[svc->maintenance_calendar].cal, o->start, o->end,
				&office);
	return e == SK_ERR_NOMEM ? -1 : e == SK_OK && office == 0;
}

/* Outages of one service merged into down time, as the store hands them over by start. */
struct downtime {
	const struct sk_contract *c;
	const struct sk_service *svc;
	struct sk_calendar *cal;
	const struct sk_period *w;
	struct score_availability *out;
	sk_time ms, me;    /* the merged outage not yet added; me 0: none */
	enum sk_err failed;  /* what a calendar refused while merging */
};

/* Add the merged outage [ms, me) to the down time. */
static void flush(struct downtime *t)
{
	int64_t secs;

	if (!t->me)
		return;
	enum sk_err e = sk_calendar_between(t->cal, t->ms, t->me, &secs);

	if (e == SK_OK)
		t->out->down += secs;
	else if (!t->failed)
		t->failed = e;
	t->me = 0;
}

static enum sk_err take_outage(void *arg, const struct store_outage *o)
{
	struct downtime *t = arg;
	sk_time s = o->start, e = o->end;
	int left_out = maintenance_left_out(t->c, t->svc, o);

	if (left_out < 0)
		return SK_ERR_NOMEM;
	t->out->reported++;
	if (left_out) {
		t->out->excused++;
		return SK_OK;
	}
	s = s < t->w->start ? t->w->start : s;
	e = e > t->w->end ? t->w->end : e;
	t->out->outages++;
	/* Merge overlapping outages so no minute is counted twice. */
	if (t->me && s <= t->me) {
		if (e > t->me)
			t->me = e;
		return SK_OK;
	}
	flush(t);
	t->ms = s;
	t->me = e;
	return SK_OK;
}

enum sk_err score_availability(struct sk_db *db, const struct sk_contract *c,
			       const struct sk_service *svc, const struct sk_period *w,
			       struct score_availability *out, struct sk_diag *d)
{
	struct downtime t = { c, svc, c->calendars[svc->calendar].cal, w, out, 0, 0, 0 };
	enum sk_err rc;

	memset(out, 0, sizeof(*out));
	if ((rc = sk_calendar_between(t.cal, w->start, w->end, &out->window)))
		return rc == SK_ERR_NOMEM ? sk_diag_set(d, rc, NULL, 0, NULL, "out of memory")
		       : sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL, "window outside 1900-2199");
	if (out->window <= 0) {
		out->state = SCORE_AVAIL_EMPTY;
		return SK_OK;
	}
	rc = store_outages(db, svc->id, w->start, w->end, take_outage, &t, d);
	flush(&t);
	if (rc)
		return diag_ensure(d, rc);
	if (t.failed == SK_ERR_NOMEM)
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
	if (t.failed)
		return sk_diag_set(d, SK_ERR_RANGE, NULL, 0, NULL, "outage of %s outside 1900-2199",
				   svc->id);
	/* Nothing reported is no evidence of no outage, unless the contract says it is. */
	if (!out->reported && !svc->no_outages_available) {
		out->state = SCORE_AVAIL_NO_DATA;
		return SK_OK;
	}
	out->state = SCORE_AVAIL_VALUE;
	out->assumed = !out->reported;
	/* Fits 64 bits: a year has fewer than 2^25 seconds, a norm at most 100e6. */
	out->met = (out->window - out->down) * 100 * SK_DEC_ONE >= svc->norm * out->window;
	return SK_OK;
}
