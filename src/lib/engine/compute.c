/* Per-ticket verdicts: the clocks, the pauses that count, deadlines and flags. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compute_priv.h"

static int in_list(char *const *list, size_t n, const char *s)
{
	if (!s)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i], s) == 0)
			return 1;
	return 0;
}

static int is_done(const struct sk_contract *c, const char *s)
{
	return in_list(c->rules.resolved_statuses, c->rules.n_resolved_statuses, s) ||
	       in_list(c->rules.closed_statuses, c->rules.n_closed_statuses, s);
}

unsigned sk_compute_classify_status(const struct sk_contract *c, const char *status)
{
	return SK_STATUS_CLASSIFIED | (is_done(c, status) ? SK_STATUS_DONE : 0) |
	       (sk_contract_is_pause_status(c, status) ? SK_STATUS_PAUSE : 0);
}

/*
 * The contract's lists decide a word they name (working_statuses too, so a
 * contract can overrule a map); any other word means what its import stored,
 * which is how a map's [statuses] reach the clock.
 */
unsigned sk_compute_classify_event(const struct sk_contract *c, const char *status,
				   unsigned imported)
{
	if (sk_contract_names_status(c, status))
		return sk_compute_classify_status(c, status);
	return SK_STATUS_CLASSIFIED | SK_STATUS_BY_IMPORT |
	       (imported & (SK_STATUS_DONE | SK_STATUS_PAUSE));
}

/* What the event's status means (classified once when loaded, else now). */
static unsigned event_kind(const struct sk_contract *c, const struct sk_status_event *e)
{
	return e->kind & SK_STATUS_CLASSIFIED ? e->kind : sk_compute_classify_status(c, e->status);
}

/* The event's status ends the work / stops the clock. */
static int event_done(const struct sk_contract *c, const struct sk_status_event *e)
{
	return (event_kind(c, e) & SK_STATUS_DONE) != 0;
}

static int by_start(const void *a, const void *b)
{
	const struct sk_pause *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* The reason of a verdict without one: shared, never freed. */
static char no_reason[1];

/* The reason of a verdict whose reason found no memory: the verdict fails
 * (sk_compute_ticket() returns SK_ERR_NOMEM), it is never stored without it. */
static char lost_reason[1];

/* Add a clause to the reason; most verdicts have none, so it is allocated only when said.
 * @fmt holds at most two %s, filled with @a and @b (printf cost a tenth of a year's run). */
static void append_reason(struct sk_verdict *v, const char *fmt, const char *a, const char *b)
{
	const char *arg[2] = { a ? a : "", b ? b : "" };
	size_t had = strlen(v->reason), len = had + (had ? 2 : 0), n;
	int k = 0;
	char *grown;

	for (const char *f = fmt; *f; f++)
		if (f[0] == '%' && f[1] == 's' && k < 2)
			len += strlen(arg[k++]), f++;
		else
			len++;
	if (v->reason == lost_reason)
		return;
	if (!(grown = malloc(len + 1))) {
		if (v->reason != no_reason)
			free(v->reason);
		v->reason = lost_reason;
		return;
	}
	memcpy(grown, v->reason, had);
	n = had;
	if (had)
		memcpy(grown + n, "; ", 2), n += 2;
	for (k = 0; *fmt; fmt++) {
		if (fmt[0] == '%' && fmt[1] == 's' && k < 2) {
			size_t l = strlen(arg[k]);

			memcpy(grown + n, arg[k++], l);
			n += l;
			fmt++;
		} else {
			grown[n++] = *fmt;
		}
	}
	grown[n] = '\0';
	if (v->reason != no_reason)
		free(v->reason);
	v->reason = grown;
}

/*
 * The raw pause intervals of a ticket into @p (room for n_events + n_pauses),
 * with where each came from in @origin when not NULL (::compute_pause_origin).
 */
static size_t raw_pauses(const struct sk_contract *c, const struct sk_ticket *t,
			 struct sk_verdict *v, struct sk_pause *p, unsigned *origin)
{
	size_t n = 0;

	for (size_t i = 0; i < t->n_events; i++) {
		const struct sk_status_event *e = &t->events[i];
		sk_time next = i + 1 < t->n_events ? t->events[i + 1].at : 0;
		unsigned kind = event_kind(c, e), from = 0;
		int pause = (kind & SK_STATUS_PAUSE) != 0;

		if (pause)
			from = kind & SK_STATUS_BY_IMPORT ? PAUSE_FROM_IMPORT : PAUSE_FROM_CONTRACT;
		/*
		 * Time between a resolution and a reopen is waiting, not work: the
		 * whole run of resolved and closed statuses before it, alike.
		 */
		if (!pause && next && (kind & SK_STATUS_DONE)) {
			size_t k = i + 1;

			while (k < t->n_events && event_done(c, &t->events[k]))
				k++;
			if (k < t->n_events) {
				v->flags |= SK_FLAG_REOPENED;
				pause = !c->rules.reopen_resets;
				from = PAUSE_FROM_REOPEN;
			}
		}
		if (pause && (!next || next > e->at)) {
			if (origin)
				origin[n] = from;
			p[n++] = (struct sk_pause){ e->at, next ? next : SK_PAUSE_OPEN };
		}
	}
	for (size_t i = 0; i < t->n_pauses; i++) {
		const struct sk_pause *e = &t->pauses[i];

		if (e->end && e->end <= e->start)
			continue;
		if (origin)
			origin[n] = PAUSE_FROM_INTERVAL;
		p[n++] = (struct sk_pause){ e->start, e->end ? e->end : SK_PAUSE_OPEN };
	}
	return n;
}

/*
 * The pauses of a ticket: status history and explicit intervals, merged and
 * sorted, with their real ends (SK_PAUSE_OPEN while still running in the data),
 * so a deadline takes every known pause into account; clocks clip them.
 */
static enum sk_err collect_pauses(const struct sk_contract *c, const struct sk_ticket *t,
				  struct sk_verdict *v)
{
	/* Most tickets have a few events and no pause: they are merged on the
	 * stack, and only a ticket with pauses gets room for them on the heap. */
	struct sk_pause local[32], *p = local;
	size_t cap = t->n_events + t->n_pauses, n, w = 0;

	if (!cap)
		return SK_OK;
	if (cap > sizeof(local) / sizeof(local[0]) && !(p = malloc(cap * sizeof(*p))))
		return SK_ERR_NOMEM;
	n = raw_pauses(c, t, v, p, NULL);
	qsort(p, n, sizeof(*p), by_start);
	for (size_t i = 0; i < n; i++) {
		if (w && p[i].start <= p[w - 1].end) {
			if (p[i].end > p[w - 1].end)
				p[w - 1].end = p[i].end;
		} else {
			p[w++] = p[i];
		}
	}
	if (!w) {
		if (p != local)
			free(p);
		p = NULL;
	} else if (p == local) {
		if (!(p = malloc(w * sizeof(*p))))
			return SK_ERR_NOMEM;
		memcpy(p, local, w * sizeof(*p));
	} else if (w < cap) {
		struct sk_pause *fit = realloc(p, w * sizeof(*p));

		if (fit) /* else the larger block serves as well */
			p = fit;
	}
	v->pauses = p;
	v->n_pauses = w;
	return SK_OK;
}

enum sk_err compute_pause_origins(const struct sk_contract *c, const struct sk_ticket *t,
				  const struct sk_verdict *v, unsigned *origins)
{
	size_t cap = t->n_events + t->n_pauses, n;
	struct sk_pause *p = malloc((cap ? cap : 1) * sizeof(*p));
	unsigned *from = malloc((cap ? cap : 1) * sizeof(*from));
	struct sk_verdict scratch;

	if (!p || !from) {
		free(p);
		free(from);
		return SK_ERR_NOMEM;
	}
	memset(&scratch, 0, sizeof(scratch));
	n = raw_pauses(c, t, &scratch, p, from);
	/* Each raw interval lies inside the merged pause that starts at or before it. */
	for (size_t i = 0; i < v->n_pauses; i++) {
		origins[i] = 0;
		for (size_t k = 0; k < n; k++)
			if (p[k].start >= v->pauses[i].start && p[k].start <= v->pauses[i].end)
				origins[i] |= from[k];
	}
	free(p);
	free(from);
	return SK_OK;
}

/*
 * The instant at which @target business seconds after @from are used up,
 * pauses skipped; 0 when a pause still open in the data comes first.
 */
static enum sk_err walk(struct sk_calendar *cal, sk_time from, int64_t target,
			const struct sk_pause *pauses, size_t np, sk_time *out)
{
	sk_time cursor = from;
	int64_t remaining = target, avail;
	enum sk_err rc;

	*out = 0;
	for (size_t i = 0; i < np; i++) {
		sk_time ps = pauses[i].start > cursor ? pauses[i].start : cursor;

		if (pauses[i].end <= cursor)
			continue;
		if ((rc = sk_calendar_between(cal, cursor, ps, &avail)))
			return rc;
		if (remaining <= avail)
			break;
		remaining -= avail;
		if (pauses[i].end == SK_PAUSE_OPEN)
			return SK_OK; /* paused until further notice: no deadline yet */
		cursor = pauses[i].end;
	}
	return sk_calendar_add(cal, cursor, remaining, out);
}

/*
 * Run one clock from @from (raw, may be outside hours) to @stop (0: running)
 * with @target business seconds, skipping @pauses.
 */
static enum sk_err run_clock(struct sk_calendar *cal, int cal_index, sk_time from, sk_time stop,
			     int64_t target, int below, const struct sk_pause *pauses, size_t np,
			     sk_time as_of, struct sk_clock *k)
{
	sk_time end, over;
	int64_t gross, paused = 0;
	/* The most business seconds that still meet the target ("< 15 min": one less). */
	int64_t limit = below && target > 0 ? target - 1 : target;
	int running = !stop || stop > as_of;
	enum sk_err rc;

	k->calendar = cal_index;
	k->target = target;
	k->below = below && target > 0;
	if ((rc = sk_calendar_next_business(cal, from, &k->start)))
		return rc;
	k->stop = running ? 0 : stop;
	end = running ? as_of : stop;
	if (end < from)
		end = from;
	if ((rc = sk_calendar_between(cal, from, end, &gross)))
		return rc;
	for (size_t i = 0; i < np; i++) {
		sk_time s = pauses[i].start > from ? pauses[i].start : from;
		sk_time e = pauses[i].end < end ? pauses[i].end : end;
		int64_t b;

		if (e <= s)
			continue;
		if ((rc = sk_calendar_between(cal, s, e, &b)))
			return rc;
		paused += b;
	}
	k->paused = paused;
	k->elapsed = gross - paused;
	if ((rc = walk(cal, from, target, pauses, np, &k->deadline)))
		return rc;
	if (k->deadline && target == 0)
		k->deadline = k->start;

	if (!running && k->elapsed <= limit) {
		k->state = SK_CLOCK_MET;
		k->counts_at = stop;
	} else if (!running || k->elapsed > limit) {
		/*
		 * Breached: it counts where the target was first exceeded, the
		 * first working second after the deadline (the deadline's own last
		 * second when the limit itself is over), so a deadline at the
		 * month's last closing time counts in one month, never in none.
		 */
		k->state = SK_CLOCK_BREACHED;
		if ((rc = walk(cal, from, limit + 1, pauses, np, &over)))
			return rc;
		k->counts_at = over ? over - 1 : k->deadline;
	} else {
		k->state = SK_CLOCK_PENDING;
		k->counts_at = 0;
	}
	return SK_OK;
}

/*
 * The business seconds target @dur gives a clock started at @from on @cal: a
 * length as it is; a deadline `eod+N` as the business time from @from to the
 * end of that business day (sk_calendar_end_of_day()), so the clock, its
 * pauses and its deadline work as for any target (a pause moves the deadline
 * on by the business time it took).
 */
static enum sk_err target_seconds(struct sk_calendar *cal, const struct sk_duration *dur,
				  sk_time from, int64_t *out)
{
	sk_time end;
	enum sk_err rc;

	if (!dur->eod) {
		*out = sk_duration_seconds(dur, sk_calendar_standard_day(cal));
		return SK_OK;
	}
	if ((rc = sk_calendar_end_of_day(cal, from, dur->eod_next, &end)))
		return rc;
	return sk_calendar_between(cal, from, end, out);
}

/* The priority the contract's rule applies. */
static int applied_priority(const struct sk_contract *c, const struct sk_ticket *t)
{
	if (c->rules.priority == SK_PRIORITY_INITIAL && t->initial_priority >= 0)
		return t->initial_priority;
	if (c->rules.priority == SK_PRIORITY_HIGHEST && t->highest_priority >= 0)
		return t->highest_priority;
	return t->priority;
}

/*
 * When the resolution clock stopped. Without resolved or closed statuses in
 * the history, the export's resolution time. With them: a history that ends
 * in such a status stopped the clock where that final run began, or at the
 * export's resolution time when that is earlier and no work came after it;
 * a history that ends otherwise was reopened and is still running.
 */
static sk_time resolution_stop(const struct sk_contract *c, const struct sk_ticket *t)
{
	sk_time field = t->resolved_at ? t->resolved_at : t->closed_at;
	sk_time last_active = 0;
	size_t i = t->n_events;
	int any_done = 0;

	if (!t->n_events)
		return field;
	for (size_t j = 0; j < t->n_events; j++) {
		if (event_done(c, &t->events[j]))
			any_done = 1;
		else
			last_active = t->events[j].at;
	}
	if (!any_done)
		return field;
	while (i > 0 && event_done(c, &t->events[i - 1]))
		i--;
	if (i == t->n_events)
		return 0; /* resolved once, reopened, still open */
	if (field && field >= last_active && field < t->events[i].at)
		return field;
	return t->events[i].at;
}

/*
 * When the ticket was first resolved: the response of a ticket without a
 * response time (solved at once). The export's time or the first resolved or
 * closed status, whichever came first.
 */
static sk_time first_resolution(const struct sk_contract *c, const struct sk_ticket *t)
{
	sk_time first = t->resolved_at ? t->resolved_at : t->closed_at;

	for (size_t j = 0; j < t->n_events; j++)
		if (event_done(c, &t->events[j])) {
			if (!first || t->events[j].at < first)
				first = t->events[j].at;
			break;
		}
	return first;
}

/* 1 when some instant of the ticket lies outside what calendars can answer. */
static int out_of_range(const struct sk_ticket *t)
{
	const sk_time lo = -2208988800LL;  /* 1900-01-01T00:00:00Z */
	const sk_time hi = 7258118400LL;   /* 2200-01-01T00:00:00Z */
	const sk_time times[] = { t->reported_at, t->responded_at, t->resolved_at, t->closed_at,
				  t->productive_at, t->onsite_at, t->swap_requested_at, t->swap_at,
				  t->emergency_at };

	/* Margins: a day before (zone offsets), a year after (deadlines run on). */
	const sk_time first = lo + 86400, last = hi - 366 * 86400;

	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++)
		if (times[i] && (times[i] < first || times[i] >= last))
			return 1;
	for (size_t i = 0; i < t->n_events; i++)
		if (t->events[i].at < first || t->events[i].at >= last)
			return 1;
	for (size_t i = 0; i < t->n_pauses; i++)
		if (t->pauses[i].start < first || t->pauses[i].start >= last ||
		    (t->pauses[i].end && t->pauses[i].end >= last))
			return 1;
	return 0;
}

static void check_timeline(const struct sk_ticket *t, struct sk_verdict *v)
{
	const char *what = NULL;

	if (t->responded_at && t->responded_at < t->reported_at)
		what = "responded before it was reported";
	else if (t->resolved_at && t->resolved_at < t->reported_at)
		what = "resolved before it was reported";
	else if (t->closed_at && t->closed_at < t->reported_at)
		what = "closed before it was reported";
	else if (t->closed_at && t->resolved_at && t->closed_at < t->resolved_at)
		what = "closed before it was resolved";
	else if (t->productive_at && t->productive_at < t->reported_at)
		what = "productive again before it was reported";
	else if (t->swap_requested_at && t->swap_at && t->swap_at < t->swap_requested_at)
		what = "device swapped before the swap was asked for";
	else if (t->swap_requested_at && t->emergency_at && t->emergency_at < t->swap_requested_at)
		what = "emergency workplace ready before the swap was asked for";
	if (what) {
		v->flags |= SK_FLAG_IMPOSSIBLE;
		v->excluded = 1;
		append_reason(v, "impossible timeline: %s%s", what, NULL);
	}
}

/*
 * The onsite visit (Halt §10.1.3, DHS §9 domain 7): from registration to the
 * visit on the priority's calendar, pauses not skipped (the seeds stop no
 * travelling clock), against the priority's onsite target, else the ticket's
 * resolution target @res where the contract says `onsite_default =
 * resolution`. A visit after @as_of is not seen yet; one seen counts where it
 * happened, met or late: nothing ran visibly before it.
 */
static enum sk_err onsite_clock(struct sk_contract *c, const struct sk_ticket *t,
				const struct sk_priority *pr, const struct sk_target *res,
				sk_time as_of, struct sk_verdict *v)
{
	struct sk_calendar *cal = c->calendars[pr->calendar].cal;
	const struct sk_duration *dur;
	int64_t target;
	enum sk_err rc;

	if (!t->onsite_at || t->onsite_at > as_of)
		return SK_OK;
	if (pr->onsite.set) {
		dur = &pr->onsite;
	} else if (c->rules.onsite_resolution && res->set) {
		dur = res->dur;
		v->onsite_from_resolution = 1;
	} else {
		return SK_OK;
	}
	if ((rc = target_seconds(cal, dur, t->reported_at, &target)))
		return rc;
	if ((rc = run_clock(cal, pr->calendar, t->reported_at, t->onsite_at, target, dur->below, NULL, 0,
			    as_of, &v->onsite)))
		return rc;
	v->onsite.counts_at = t->onsite_at;
	v->onsite_elapsed = v->onsite.elapsed;
	v->onsite_met = v->onsite.state == SK_CLOCK_MET;
	return SK_OK;
}

/*
 * The device swap (Halt §10.1.5: P1 the same day or an emergency workplace
 * within 4 h, P2 the next werkdag, P3/P4 within 2 werkdagen): from the swap
 * request (registration when the export has no request time) to a working
 * replacement, and to an emergency workplace, each against its target on
 * the priority's calendar, no pauses. Either in time meets the swap. A swap
 * is known from its request, or else from a delivery seen by @as_of. Where
 * placed: a swap met counts where the user could work again (the earlier
 * delivery in time); a late one where its last target ran out when the
 * request was known (its clock ran visibly), else where it was delivered.
 */
static enum sk_err swap_clocks(struct sk_contract *c, const struct sk_ticket *t,
			       const struct sk_priority *pr, sk_time as_of, struct sk_verdict *v)
{
	struct sk_calendar *cal = c->calendars[pr->calendar].cal;
	const struct sk_clock *k[2] = { &v->swap, &v->emergency };
	sk_time from = t->swap_requested_at ? t->swap_requested_at : t->reported_at;
	sk_time seen = 0;
	int64_t target;
	int pending = 0;
	enum sk_err rc;

	if (t->swap_at && t->swap_at <= as_of)
		seen = t->swap_at;
	if (t->emergency_at && t->emergency_at <= as_of && (!seen || t->emergency_at < seen))
		seen = t->emergency_at;
	if (!pr->swap.set || (!t->swap_requested_at && !seen) || from > as_of)
		return SK_OK;
	v->swap_from_report = !t->swap_requested_at;
	if ((rc = target_seconds(cal, &pr->swap, from, &target)) ||
	    (rc = run_clock(cal, pr->calendar, from, t->swap_at, target, pr->swap.below, NULL, 0,
			    as_of, &v->swap)))
		return rc;
	if (pr->swap_emergency.set &&
	    ((rc = target_seconds(cal, &pr->swap_emergency, from, &target)) ||
	     (rc = run_clock(cal, pr->calendar, from, t->emergency_at, target,
			     pr->swap_emergency.below, NULL, 0, as_of, &v->emergency))))
		return rc;
	v->swap_state = SK_CLOCK_BREACHED;
	for (int i = 0; i < 2; i++) {
		if (k[i]->state == SK_CLOCK_MET) {
			if (v->swap_state != SK_CLOCK_MET || k[i]->stop < v->swap_counts_at)
				v->swap_counts_at = k[i]->stop;
			v->swap_state = SK_CLOCK_MET;
		}
		pending |= k[i]->state == SK_CLOCK_PENDING;
	}
	if (v->swap_state == SK_CLOCK_MET)
		return SK_OK;
	if (pending) {
		v->swap_state = SK_CLOCK_PENDING;
		return SK_OK;
	}
	if (!t->swap_requested_at) {
		v->swap_counts_at = seen;
		return SK_OK;
	}
	for (int i = 0; i < 2; i++)
		if (k[i]->state == SK_CLOCK_BREACHED && k[i]->counts_at > v->swap_counts_at)
			v->swap_counts_at = k[i]->counts_at;
	return SK_OK;
}

static enum sk_err compute_ticket(struct sk_contract *c, const struct sk_ticket *t, sk_time as_of,
				  struct sk_verdict *v, struct sk_diag *d)
{
	const struct sk_priority *pr;
	struct sk_calendar *cal;
	struct sk_target tg[2];      /* response, resolution */
	sk_time stop, final, res_from;
	int64_t target;
	int change;
	enum sk_err rc;

	memset(v, 0, sizeof(*v));
	v->reason = no_reason;
	v->matrix_priority = -1;
	v->onsite_elapsed = v->mttr_wall = v->mttr_business = v->mttp_business = v->mttp_wall = -1;
	v->onsite_met = -1;
	v->priority = applied_priority(c, t);
	if (v->priority < 0 || (size_t)v->priority >= c->n_priorities || !t->reported_at)
		return sk_diag_set(d, SK_ERR_DATA, NULL, 0, t->id,
				   "ticket without a known priority or registration time");
	pr = &c->priorities[v->priority];
	cal = c->calendars[pr->calendar].cal;

	check_timeline(t, v);
	if (out_of_range(t)) {
		/* Calendars answer for 1900-2199 only: list the ticket, do not fail the period. */
		v->flags |= SK_FLAG_IMPOSSIBLE;
		v->excluded = 1;
		append_reason(v, "times outside the years 1900-2199%s%s", NULL, NULL);
		return SK_OK;
	}
	if (t->initial_priority >= 0 && t->initial_priority != t->priority) {
		v->flags |= SK_FLAG_PRIORITY_CHANGED;
		append_reason(v, "priority changed from %s to %s",
			      c->priorities[t->initial_priority].id, c->priorities[t->priority].id);
	}
	/*
	 * A required channel (P1 by phone): another channel is listed apart per
	 * the contract; an export that does not record the channel cannot prove
	 * either, so the ticket counts and is listed for a person to check.
	 */
	if (pr->channel && (!t->channel || !*t->channel)) {
		v->flags |= SK_FLAG_CHANNEL_UNKNOWN;
		append_reason(v, "channel not recorded; the contract requires %s%s", pr->channel, NULL);
	} else if (pr->channel && strcasecmp(t->channel, pr->channel) != 0) {
		v->flags |= SK_FLAG_WRONG_CHANNEL;
		append_reason(v, "reported by %s, the contract requires %s", t->channel, pr->channel);
		if (c->rules.wrong_channel == SK_CHANNEL_SEPARATE)
			v->excluded = 1;
	}
	if (t->p1_uplift) {
		int has_reason = t->uplift_reason && *t->uplift_reason;
		char how[96] = "";

		/*
		 * Halt §10.1.2: an uplift is a P1 in every respect (the most urgent
		 * priority). The export gives no time of the uplift, so it counts from
		 * registration (sla-compute(1)). Rare: printf is fine here.
		 */
		v->flags |= SK_FLAG_UPLIFT;
		if (v->priority != 0) {
			snprintf(how, sizeof(how), " (measured as %s, exported as %s)",
				 c->priorities[0].id, c->priorities[v->priority].id);
			v->priority = 0;
			pr = &c->priorities[0];
			cal = c->calendars[pr->calendar].cal;
		}
		append_reason(v, "P1-uplift: %s%s", has_reason ? t->uplift_reason
			      : "(no motivation recorded)", how);
		if (!has_reason)
			v->flags |= SK_FLAG_UPLIFT_UNMOTIVATED;
	}
	if (c->matrix.n_entries && t->impact && t->urgency && *t->impact && *t->urgency) {
		v->matrix_priority = sk_contract_matrix_priority(c, t->impact, t->urgency);
		if (v->matrix_priority >= 0 && v->matrix_priority != v->priority && !t->p1_uplift) {
			v->flags |= SK_FLAG_MATRIX;
			append_reason(v, "the priority matrix gives %s%s",
				      c->priorities[v->matrix_priority].id, NULL);
		}
	}

	if ((rc = collect_pauses(c, t, v)))
		goto fail;
	final = stop = resolution_stop(c, t);
	/* A workaround (the user works again) before the resolution stops the clock, when the
	 * contract says so (Halt §10.1: "oplossing of noodoplossing binnen 4 uur"). */
	if (pr->workaround_stops && t->productive_at && (!stop || t->productive_at < stop)) {
		stop = t->productive_at;
		if (stop <= as_of) /* said once it happened by the evaluation instant */
			append_reason(v, "resolution clock stopped at the workaround (productive again), "
				      "before the resolution (contract: workaround_stops = yes)%s%s",
				      NULL, NULL);
	}

	change = t->type == SK_TICKET_CHANGE ? sk_change_type_parse(t->change_type) : -1;
	sk_contract_ticket_target(c, v->priority, t->type, change, 0, &tg[0]);
	sk_contract_ticket_target(c, v->priority, t->type, change, 1, &tg[1]);
	for (int k = 0; k < 2; k++)
		if (tg[k].none) {
			v->flags |= SK_FLAG_NOT_MEASURED;
			append_reason(v, "%s not measured: outside the agreement (contract: %s = none)",
				      k ? "resolution" : "response", tg[k].key);
		}
	/*
	 * An export without response times (no column, no status that means
	 * responded) cannot tell a late response from none given: not measured,
	 * rather than stopped at the resolution and counted as a breach.
	 */
	if (tg[0].set && t->no_response_data) {
		tg[0].set = 0;
		v->flags |= SK_FLAG_RESPONSE_UNMEASURED;
		append_reason(v, "response not measured: the export has no response time%s%s",
			      NULL, NULL);
	}
	/* Nothing left to measure because the contract says so: listed apart. */
	if ((v->flags & SK_FLAG_NOT_MEASURED) && !tg[1].set &&
	    (!tg[0].set || (v->flags & SK_FLAG_RESPONSE_UNMEASURED)))
		v->excluded = 1;

	/* Response: on the after-hours calendar when reported in its hours only. */
	if (tg[0].set) {
		const struct sk_duration *dur = tg[0].dur;
		struct sk_calendar *run;
		int ci = pr->calendar;
		sk_time rstop = t->responded_at ? t->responded_at : first_resolution(c, t);

		if (pr->after_hours_calendar >= 0 && pr->after_hours_response.set &&
		    !sk_calendar_is_business(cal, t->reported_at) &&
		    sk_calendar_is_business(c->calendars[pr->after_hours_calendar].cal, t->reported_at)) {
			ci = pr->after_hours_calendar;
			dur = &pr->after_hours_response;
			v->flags |= SK_FLAG_AFTER_HOURS;
		}
		/* After hours the response runs on both calendars together (see contract.h);
		 * a target in days counts the standard day of the calendar it names. */
		run = ci == pr->calendar || !pr->after_hours_union ? c->calendars[ci].cal
		      : pr->after_hours_union;
		if ((rc = target_seconds(dur->eod ? run : c->calendars[ci].cal, dur, t->reported_at,
					 &target)) ||
		    (rc = run_clock(run, ci, t->reported_at, rstop, target, dur->below, NULL, 0,
					  as_of, &v->response)))
			goto fail;
	}

	if (tg[1].set) {
		res_from = t->reported_at;
		if (c->rules.resolution_start == SK_CLOCK_RESPONDED) {
			if (t->responded_at)
				res_from = t->responded_at;
			else
				v->flags |= SK_FLAG_NO_RESPONSE;
		}
		if ((rc = target_seconds(cal, tg[1].dur, res_from, &target)) ||
		    (rc = run_clock(cal, pr->calendar, res_from, stop, target,
				    tg[1].dur->below, v->pauses, v->n_pauses, as_of, &v->resolution)))
			goto fail;
		/* MTTR runs to the resolution itself, also when a workaround stopped the clock. */
		if (final && final <= as_of && final != stop) {
			struct sk_clock to_final;

			if ((rc = run_clock(cal, pr->calendar, res_from, final, tg[1].seconds,
					    tg[1].dur->below, v->pauses, v->n_pauses, as_of, &to_final)))
				goto fail;
			v->mttr_business = to_final.elapsed;
		} else if (final && final <= as_of) {
			v->mttr_business = v->resolution.elapsed;
		}
	}

	if ((rc = onsite_clock(c, t, pr, &tg[1], as_of, v)) ||
	    (rc = swap_clocks(c, t, pr, as_of, v)))
		goto fail;
	if (final && final <= as_of)
		v->mttr_wall = final - t->reported_at;
	if (t->productive_at && t->productive_at <= as_of) {
		v->mttp_wall = t->productive_at - t->reported_at;
		v->mttp_business = sk_compute_business(c, v->priority, t->reported_at, t->productive_at);
		if (v->mttp_business < 0) {
			rc = SK_ERR_NOMEM;
			goto fail;
		}
	}
	return SK_OK;
fail:
	sk_verdict_release(v);
	return rc == SK_ERR_RANGE
	       ? sk_diag_set(d, SK_ERR_RANGE, NULL, 0, t->id, "times outside the years 1900-2199")
	       : sk_diag_set(d, rc, NULL, 0, NULL, "%s", sk_strerror(rc));
}

enum sk_err sk_compute_ticket(struct sk_contract *c, const struct sk_ticket *t, sk_time as_of,
			      struct sk_verdict *v, struct sk_diag *d)
{
	enum sk_err rc = compute_ticket(c, t, as_of, v, d);

	if (rc == SK_OK && v->reason == lost_reason) {
		sk_verdict_release(v);
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
	}
	return rc;
}

void sk_verdict_release(struct sk_verdict *v)
{
	if (!v)
		return;
	free(v->pauses);
	v->pauses = NULL;
	v->n_pauses = 0;
	if (v->reason && v->reason != no_reason && v->reason != lost_reason)
		free(v->reason);
	v->reason = no_reason;
}

int64_t sk_compute_business(struct sk_contract *c, int p, sk_time from, sk_time to)
{
	int64_t secs;

	if (!from || !to || p < 0 || (size_t)p >= c->n_priorities)
		return -1;
	if (to < from)
		return 0;
	if (sk_calendar_between(c->calendars[c->priorities[p].calendar].cal, from, to, &secs))
		return -1;
	return secs;
}
