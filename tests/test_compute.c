/*
 * Per-ticket verdicts: each rule of sla-compute on a ticket built for it,
 * the known failures of other ticket systems, and a property test.
 * Expected values are worked out by hand in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "slakit.h"

static struct sk_contract *C;

static int setup(void **state)
{
	char path[1024];
	struct sk_diag d;
	const char *data = getenv("SK_TESTDATA");

	(void)state;
	snprintf(path, sizeof(path), "%s/compute/contract.ini", data ? data : "data");
	if (sk_contract_load(path, &C, &d) != SK_OK) {
		char buf[2048];

		fprintf(stderr, "%s\n", sk_diag_format(&d, buf, sizeof(buf)));
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sk_contract_free(C);
	return 0;
}

static sk_time T(const char *s)
{
	sk_time t = 0;

	assert_int_equal(sk_time_parse(s, C->tz, &t, NULL, NULL), SK_OK);
	return t;
}

static const char *L(sk_time t)
{
	static char buf[4][32];
	static int i;

	i = (i + 1) % 4;
	return sk_time_format_local(t, C->tz, buf[i], sizeof(buf[i]));
}

/* A ticket with a priority and a registration time; the rest empty. */
static struct sk_ticket ticket(const char *prio, const char *reported)
{
	struct sk_ticket t;

	memset(&t, 0, sizeof(t));
	t.id = "T-1";
	t.type = SK_TICKET_INCIDENT;
	t.priority = sk_contract_find_priority(C, prio);
	t.initial_priority = -1;
	t.highest_priority = -1;
	t.channel = "phone";
	t.reported_at = T(reported);
	t.fcr = t.cab_approved = t.change_failed = -1;
	return t;
}

static void compute(const struct sk_ticket *t, const char *as_of, struct sk_verdict *v)
{
	assert_int_equal(sk_compute_ticket(C, t, T(as_of), v, NULL), SK_OK);
}

/* Friday 16:55: 5 minutes that day, the rest on Monday. */
static void test_friday_1655(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-08 16:55");
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-01-11 10:00");   /* 5 min + 2 h = 7500 s */
	t.resolved_at = T("2027-01-11 16:00");    /* 5 min + 8 h = 29100 s */
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.start, T("2027-01-08 16:55"));
	assert_int_equal(v.response.elapsed, 7500);
	assert_int_equal(v.response.state, SK_CLOCK_MET);
	/* P2 response 4 h: 5 min on Friday, 3:55 on Monday -> 11:55. */
	assert_string_equal(L(v.response.deadline), "2027-01-11T11:55:00");
	assert_int_equal(v.resolution.elapsed, 29100);
	/* 1d = 9 h: 5 min Friday + 8:55 Monday -> Monday 16:55. */
	assert_string_equal(L(v.resolution.deadline), "2027-01-11T16:55:00");
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	sk_verdict_release(&v);
}

/* Saturday: the clock starts Monday 08:00; never zero or negative when worked on Monday. */
static void test_saturday(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-09 11:00");
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-01-11 09:30");
	t.resolved_at = T("2027-01-11 12:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_string_equal(L(v.response.start), "2027-01-11T08:00:00");
	assert_int_equal(v.response.elapsed, 5400);
	assert_int_equal(v.resolution.elapsed, 4 * 3600);
	assert_string_equal(L(v.response.deadline), "2027-01-11T12:00:00");
	sk_verdict_release(&v);
}

/* Koningsdag 2027 (Tuesday 27 April) is closed: the clock starts on the 28th. */
static void test_koningsdag(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-04-27 10:00");
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-04-28 09:00");
	compute(&t, "2027-05-31 00:00", &v);
	assert_string_equal(L(v.response.start), "2027-04-28T08:00:00");
	assert_int_equal(v.response.elapsed, 3600);
	/* P3 response 1d = 9 h -> Wednesday 17:00. */
	assert_string_equal(L(v.response.deadline), "2027-04-28T17:00:00");
	sk_verdict_release(&v);
}

/* DST Sunday on the 24x7 calendar: 2027-03-28 has 23 hours. */
static void test_dst_sunday_24x7(void **state)
{
	struct sk_ticket t = ticket("P4", "2027-03-28 00:00");
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-03-28 04:00");   /* 3 real hours: 02:00-03:00 does not exist */
	t.resolved_at = T("2027-03-29 00:00");
	compute(&t, "2027-04-01 00:00", &v);
	assert_int_equal(v.response.elapsed, 3 * 3600);
	assert_int_equal(v.response.state, SK_CLOCK_BREACHED);  /* target 2 h */
	/* 2 business hours on 24x7 from 00:00 CET: 02:00 CET = 03:00 CEST. */
	assert_string_equal(L(v.response.deadline), "2027-03-28T03:00:00");
	assert_int_equal(v.resolution.elapsed, 23 * 3600);
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);     /* 1d on 24x7 = 24 h */
	sk_verdict_release(&v);
}

/* Paused from 16:00 to next day 10:00: only 1 h + 2 h of business time paused. */
static void test_pause_across_night(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_status_event ev[] = {
		{ T("2027-01-12 09:00"), "New", 0 },
		{ T("2027-01-12 16:00"), "Waiting for customer", 0 },
		{ T("2027-01-13 10:00"), "In progress", 0 },
		{ T("2027-01-13 12:00"), "Resolved", 0 },
	};
	struct sk_verdict v;

	(void)state;
	t.events = ev;
	t.n_events = 4;
	t.responded_at = T("2027-01-12 09:10");
	t.resolved_at = T("2027-01-13 12:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.n_pauses, 1);
	assert_int_equal(v.resolution.paused, 3 * 3600);
	/* gross 8 h + 4 h = 12 h, minus 3 h paused = 9 h */
	assert_int_equal(v.resolution.elapsed, 9 * 3600);
	/* 3d = 27 h of work, 3 h paused: deadline moves 3 business hours later:
	 * Tue 09:00 + 27 h = Fri 09:00; + 3 h = Fri 12:00. */
	assert_string_equal(L(v.resolution.deadline), "2027-01-15T12:00:00");
	sk_verdict_release(&v);
}

/*
 * More events than collect_pauses() merges on its stack (32): seventeen
 * half-hour waits over three days, each inside business hours (08:00-17:00),
 * all kept, in order, on the heap; and a ticket without a pause has none.
 */
static void test_many_pauses(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_status_event ev[35];
	struct sk_verdict v;
	char at[32];
	size_t n = 0;

	(void)state;
	ev[n++] = (struct sk_status_event){ T("2027-01-12 08:00"), "New", 0 };
	for (int k = 0; k < 17; k++) {
		snprintf(at, sizeof(at), "2027-01-%02d %02d:00", 12 + k / 8, 9 + k % 8);
		ev[n++] = (struct sk_status_event){ T(at), "Waiting for customer", 0 };
		snprintf(at, sizeof(at), "2027-01-%02d %02d:30", 12 + k / 8, 9 + k % 8);
		ev[n++] = (struct sk_status_event){ T(at), "In progress", 0 };
	}
	t.events = ev;
	t.n_events = n;
	t.responded_at = T("2027-01-12 08:10");
	t.resolved_at = T("2027-01-14 12:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.n_pauses, 17);
	assert_string_equal(L(v.pauses[0].start), "2027-01-12T09:00:00");
	assert_string_equal(L(v.pauses[16].end), "2027-01-14T09:30:00");
	assert_int_equal(v.resolution.paused, 17 * 1800);
	sk_verdict_release(&v);

	t.n_events = 1;
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.n_pauses, 0);
	assert_null(v.pauses);
	assert_int_equal(v.resolution.paused, 0);
	sk_verdict_release(&v);
}

/*
 * "< 4 uur" against "4 uur": a P2 (response 4 h on 08:00-17:00) reported Tuesday
 * 09:00 and answered at 13:00 has used exactly the target. Met when the limit
 * itself is allowed; breached when the contract says below it, counted from
 * the deadline's own last second. An answer at 12:59:59 meets both, and a
 * clock still running at 13:00 is pending under one and breached under the
 * other.
 */
static void test_target_below(void **state)
{
	int p2 = sk_contract_find_priority(C, "P2");
	struct sk_duration *resp = &C->priorities[p2].response[SK_TICKET_INCIDENT];
	struct sk_ticket t = ticket("P2", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-01-12 13:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_MET);
	assert_int_equal(v.response.elapsed, 4 * 3600);
	assert_int_equal(v.response.below, 0);
	sk_verdict_release(&v);

	resp->below = 1;
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_BREACHED);
	assert_int_equal(v.response.below, 1);
	assert_int_equal(v.response.target, 4 * 3600);
	assert_string_equal(L(v.response.deadline), "2027-01-12T13:00:00");
	assert_string_equal(L(v.response.counts_at), "2027-01-12T12:59:59");
	sk_verdict_release(&v);

	t.responded_at = T("2027-01-12 12:59") + 59;
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_MET);
	sk_verdict_release(&v);

	t.responded_at = 0;
	compute(&t, "2027-01-12 13:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_BREACHED);
	sk_verdict_release(&v);
	resp->below = 0;
	compute(&t, "2027-01-12 13:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_PENDING);
	sk_verdict_release(&v);
}

/* Two pauses that overlap (status and explicit) are merged, not counted twice. */
static void test_overlapping_pauses(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_status_event ev[] = {
		{ T("2027-01-12 10:00"), "Waiting for third party", 0 },
		{ T("2027-01-12 12:00"), "In progress", 0 },
	};
	struct sk_pause p[] = { { T("2027-01-12 11:00"), T("2027-01-12 13:00") } };
	struct sk_verdict v;

	(void)state;
	t.events = ev;
	t.n_events = 2;
	t.pauses = p;
	t.n_pauses = 1;
	t.responded_at = T("2027-01-12 09:05");
	t.resolved_at = T("2027-01-12 15:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.n_pauses, 1);
	assert_int_equal(v.pauses[0].start, T("2027-01-12 10:00"));
	assert_int_equal(v.pauses[0].end, T("2027-01-12 13:00"));
	assert_int_equal(v.resolution.paused, 3 * 3600);
	assert_int_equal(v.resolution.elapsed, 3 * 3600);
	sk_verdict_release(&v);
}

/* A pause over a weekend removes business time only (Friday 16:00 - Monday 10:00 = 3 h). */
static void test_pause_over_weekend(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-15 09:00");
	struct sk_pause p[] = { { T("2027-01-15 16:00"), T("2027-01-18 10:00") } };
	struct sk_verdict v;

	(void)state;
	t.pauses = p;
	t.n_pauses = 1;
	t.responded_at = T("2027-01-15 09:05");
	t.resolved_at = T("2027-01-18 12:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.paused, 3 * 3600);
	assert_int_equal(v.resolution.elapsed, 12 * 3600 - 3 * 3600);
	sk_verdict_release(&v);
}

/* A P3 with a one-day target reported at 16:00 is due at 16:00 the next workday. */
static void test_p3_one_day_at_1600(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-12 16:00");
	struct sk_verdict v;

	(void)state;
	compute(&t, "2027-01-13 12:00", &v);
	assert_string_equal(L(v.response.deadline), "2027-01-13T16:00:00");
	assert_int_equal(v.response.state, SK_CLOCK_PENDING);
	assert_int_equal(v.response.elapsed, 5 * 3600);
	sk_verdict_release(&v);
}

/* A P1 reported at 18:00 by phone is measured on the evening calendar: 1 h. */
static void test_p1_evening(void **state)
{
	struct sk_ticket t = ticket("P1", "2027-01-12 18:00");
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-01-12 18:40");
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_AFTER_HOURS);
	assert_int_equal(v.response.calendar, sk_contract_find_calendar(C, "evening"));
	assert_int_equal(v.response.target, 3600);
	assert_int_equal(v.response.elapsed, 40 * 60);
	assert_int_equal(v.response.state, SK_CLOCK_MET);
	assert_string_equal(L(v.response.deadline), "2027-01-12T19:00:00");
	sk_verdict_release(&v);

	/*
	 * At 21:30 the evening has 30 minutes left; the other 30 run on the
	 * office and evening calendars together: from 08:00 the next morning,
	 * not only from 17:00 the next evening.
	 */
	t = ticket("P1", "2027-01-12 21:30");
	compute(&t, "2027-01-14 00:00", &v);
	assert_string_equal(L(v.response.deadline), "2027-01-13T08:30:00");
	assert_int_equal(v.response.state, SK_CLOCK_BREACHED);
	sk_verdict_release(&v);
}

/* P1 reported through the portal: listed apart, not in the figures. */
static void test_p1_wrong_channel(void **state)
{
	struct sk_ticket t = ticket("P1", "2027-01-12 10:00");
	struct sk_verdict v;

	(void)state;
	t.channel = "portal";
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_WRONG_CHANNEL);
	assert_int_equal(v.excluded, 1);
	assert_non_null(strstr(v.reason, "portal"));
	sk_verdict_release(&v);
}

/* Open at the period's end: breached once the deadline passed, else pending. */
static void test_open_at_period_end(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-29 10:00");
	struct sk_verdict v;

	(void)state;
	/* Response 4 h -> Friday 14:00; resolution 1d -> Monday 1 Feb 10:00. */
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_BREACHED);
	assert_int_equal(v.response.counts_at, T("2027-01-29 14:00"));
	assert_int_equal(v.resolution.state, SK_CLOCK_PENDING);
	assert_int_equal(v.resolution.counts_at, 0);
	assert_int_equal(v.resolution.elapsed, 7 * 3600);
	sk_verdict_release(&v);
}

/*
 * A deadline at the month's last closing time: on target at the month's end
 * (pending then), exceeded from the next working second, so the breach
 * counts in the next month; it must count in some month.
 */
static void test_breach_at_month_end(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-29 08:00");   /* Friday; 1d = 9 h -> 17:00 */
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-01-29 08:05");
	t.resolved_at = T("2027-02-01 08:30");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.state, SK_CLOCK_PENDING);
	assert_int_equal(v.resolution.elapsed, 9 * 3600);
	sk_verdict_release(&v);
	compute(&t, "2027-03-01 00:00", &v);
	assert_int_equal(v.resolution.state, SK_CLOCK_BREACHED);
	assert_string_equal(L(v.resolution.deadline), "2027-01-29T17:00:00");
	assert_string_equal(L(v.resolution.counts_at), "2027-02-01T08:00:00");
	sk_verdict_release(&v);
}

/* Without a response time the response stops at the first resolution, even after a reopen. */
static void test_response_is_first_resolution(void **state)
{
	struct sk_status_event ev[] = {
		{ T("2027-01-12 09:30"), "In progress", 0 },
		{ T("2027-01-12 10:00"), "Resolved", 0 },
		{ T("2027-01-12 11:00"), "In progress", 0 },
		{ T("2027-01-12 14:00"), "Resolved", 0 },
	};
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.events = ev;
	t.n_events = 4;
	t.resolved_at = T("2027-01-12 14:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.stop, T("2027-01-12 10:00"));
	assert_int_equal(v.response.elapsed, 3600);
	assert_int_equal(v.resolution.stop, T("2027-01-12 14:00"));
	assert_int_equal(v.resolution.paused, 3600);        /* 10:00-11:00 resolved, then reopened */
	sk_verdict_release(&v);
}

/* A history that ends in a reopen is still running, whatever the export's resolution says. */
static void test_reopened_still_open(void **state)
{
	struct sk_status_event ev[] = {
		{ T("2027-01-12 09:10"), "In progress", 0 },
		{ T("2027-01-12 10:00"), "Resolved", 0 },
		{ T("2027-01-12 11:00"), "In progress", 0 },
	};
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.events = ev;
	t.n_events = 3;
	t.responded_at = T("2027-01-12 09:10");
	t.resolved_at = T("2027-01-12 15:00");
	compute(&t, "2027-01-13 12:00", &v);
	assert_int_equal(v.resolution.stop, 0);
	assert_int_equal(v.resolution.state, SK_CLOCK_PENDING);
	assert_true(v.flags & SK_FLAG_REOPENED);
	sk_verdict_release(&v);
}

/* Impact H x urgency M gives P2: a ticket filed as P3 is flagged. */
static void test_priority_mismatch(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-12 10:00");
	struct sk_verdict v;

	(void)state;
	t.impact = "H";
	t.urgency = "M";
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_MATRIX);
	assert_int_equal(v.matrix_priority, sk_contract_find_priority(C, "P2"));
	assert_int_equal(v.excluded, 0);
	sk_verdict_release(&v);
}

/*
 * Reopened: time in Resolved and time in Closed before the reopen are both
 * paused; the clock stops at the final resolution.
 */
static void test_reopened(void **state)
{
	struct sk_status_event resolved[] = {
		{ T("2027-01-12 09:00"), "New", 0 },
		{ T("2027-01-12 11:00"), "Resolved", 0 },
		{ T("2027-01-12 14:00"), "In progress", 0 },
		{ T("2027-01-12 15:00"), "Resolved", 0 },
	};
	struct sk_status_event closed[] = {
		{ T("2027-01-12 09:00"), "New", 0 },
		{ T("2027-01-12 11:00"), "Closed", 0 },
		{ T("2027-01-12 14:00"), "In progress", 0 },
		{ T("2027-01-12 15:00"), "Resolved", 0 },
	};
	struct sk_verdict v1, v2;
	struct sk_ticket t;

	(void)state;
	t = ticket("P3", "2027-01-12 09:00");
	t.events = resolved;
	t.n_events = 4;
	t.resolved_at = T("2027-01-12 11:00");   /* a stale field: the history wins */
	compute(&t, "2027-02-01 00:00", &v1);
	t.events = closed;
	compute(&t, "2027-02-01 00:00", &v2);
	assert_true(v1.flags & SK_FLAG_REOPENED);
	assert_int_equal(v1.resolution.stop, T("2027-01-12 15:00"));
	assert_int_equal(v1.resolution.paused, 3 * 3600);
	assert_int_equal(v1.resolution.elapsed, 3 * 3600);
	assert_int_equal(v2.resolution.paused, v1.resolution.paused);
	assert_int_equal(v2.resolution.elapsed, v1.resolution.elapsed);
	sk_verdict_release(&v1);
	sk_verdict_release(&v2);
}

/* The export's resolution time holds when only closing follows it. */
static void test_resolved_then_closed(void **state)
{
	struct sk_status_event ev[] = {
		{ T("2027-01-12 09:00"), "New", 0 },
		{ T("2027-01-12 12:00"), "Closed", 0 },
	};
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.events = ev;
	t.n_events = 2;
	t.resolved_at = T("2027-01-12 10:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.stop, T("2027-01-12 10:00"));
	assert_int_equal(v.resolution.elapsed, 3600);
	assert_false(v.flags & SK_FLAG_REOPENED);
	sk_verdict_release(&v);
}

/* Resolved, then Closed, then reopened: the whole stretch from the resolution is paused. */
static void test_reopened_after_close(void **state)
{
	struct sk_status_event ev[] = {
		{ T("2027-01-12 09:00"), "New", 0 },
		{ T("2027-01-12 10:00"), "Resolved", 0 },
		{ T("2027-01-12 11:00"), "Closed", 0 },
		{ T("2027-01-12 13:00"), "In progress", 0 },
		{ T("2027-01-12 15:00"), "Closed", 0 },
	};
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.events = ev;
	t.n_events = 5;
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_REOPENED);
	assert_int_equal(v.n_pauses, 1);
	assert_int_equal(v.resolution.paused, 3 * 3600);      /* 10:00-13:00 */
	assert_int_equal(v.resolution.stop, T("2027-01-12 15:00"));
	assert_int_equal(v.resolution.elapsed, 3 * 3600);     /* 6 h less 3 h */
	sk_verdict_release(&v);
}

/* A priority change keeps the pause already counted (final priority applies throughout). */
static void test_priority_change_keeps_pause(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-12 09:00");
	struct sk_pause p[] = { { T("2027-01-12 10:00"), T("2027-01-12 12:00") } };
	struct sk_verdict v;

	(void)state;
	t.initial_priority = sk_contract_find_priority(C, "P3");
	t.pauses = p;
	t.n_pauses = 1;
	t.resolved_at = T("2027-01-12 15:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_PRIORITY_CHANGED);
	assert_int_equal(v.priority, sk_contract_find_priority(C, "P2"));
	assert_int_equal(v.resolution.paused, 2 * 3600);
	assert_int_equal(v.resolution.elapsed, 4 * 3600);
	sk_verdict_release(&v);
}

/* Responded before reported: impossible, excluded, said why. */
static void test_impossible(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.responded_at = T("2027-01-12 08:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_IMPOSSIBLE);
	assert_int_equal(v.excluded, 1);
	assert_non_null(strstr(v.reason, "responded before"));
	sk_verdict_release(&v);
}

/* Times a calendar cannot answer for: listed apart, never an error for the period. */
static void test_out_of_range(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.reported_at = -3000000000LL;  /* 1874 */
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_IMPOSSIBLE);
	assert_int_equal(v.excluded, 1);
	assert_int_equal(v.response.state, SK_CLOCK_NA);
	assert_non_null(strstr(v.reason, "1900-2199"));
	sk_verdict_release(&v);
}

/*
 * Property: for random tickets, met == (seconds <= target), and the deadline
 * is the instant at which the target's business seconds run out (pauses
 * skipped): counted time from start to deadline equals the target, one
 * second less misses it.
 */
static void test_property(void **state)
{
	struct sk_calendar *cal = C->calendars[C->default_calendar].cal;
	sk_time base = T("2027-01-01 00:00");

	(void)state;
	srand(20270101);
	for (int i = 0; i < 3000; i++) {
		const char *prios[] = { "P2", "P3" };
		struct sk_ticket t = ticket(prios[i % 2], "2027-01-01 00:00");
		struct sk_pause p[2];
		struct sk_verdict v;
		int64_t in_pause, total;

		t.reported_at = base + rand() % (300 * 86400);
		t.responded_at = t.reported_at + rand() % (3 * 86400);
		t.resolved_at = t.responded_at + rand() % (6 * 86400);
		p[0].start = t.reported_at + rand() % (4 * 86400);
		p[0].end = p[0].start + rand() % (2 * 86400);
		p[1].start = p[0].start + rand() % (3 * 86400);
		p[1].end = p[1].start + rand() % 86400 + 1;
		t.pauses = p;
		t.n_pauses = 2;
		assert_int_equal(sk_compute_ticket(C, &t, base + 400 * 86400, &v, NULL), SK_OK);
		assert_int_equal(v.response.state == SK_CLOCK_MET,
				 v.response.elapsed <= v.response.target);
		assert_int_equal(v.resolution.state == SK_CLOCK_MET,
				 v.resolution.elapsed <= v.resolution.target);
		/* Business time from the report to the deadline, less the paused part. */
		assert_int_equal(sk_calendar_between(cal, t.reported_at, v.resolution.deadline, &total), SK_OK);
		in_pause = 0;
		for (size_t k = 0; k < v.n_pauses; k++) {
			sk_time s = v.pauses[k].start > t.reported_at ? v.pauses[k].start : t.reported_at;
			sk_time e = v.pauses[k].end < v.resolution.deadline ? v.pauses[k].end
									     : v.resolution.deadline;
			int64_t b;

			if (e > s) {
				assert_int_equal(sk_calendar_between(cal, s, e, &b), SK_OK);
				in_pause += b;
			}
		}
		assert_int_equal(total - in_pause, v.resolution.target);
		assert_true(sk_calendar_is_business(cal, v.resolution.deadline - 1));
		sk_verdict_release(&v);
	}
}

/*
 * A status's meaning: the contract's lists decide the words they name; any
 * other word means what its import stored (a map's `paused = Wait - User`).
 * Tue 12 Jan 09:00 reported; 10:00-14:00 "Wait - User" (stored paused, not in
 * the contract's lists): 4 h paused; 15:00-16:00 "Waiting for customer" stored
 * as working by the map, but the contract pauses it: 1 h; resolved 17:00.
 * Gross 8 h, paused 5 h: 3 h counted.
 */
static void test_pause_from_import(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_status_event ev[] = {
		{ T("2027-01-12 09:00"), "New", sk_compute_classify_event(C, "New", 0) },
		{ T("2027-01-12 10:00"), "Wait - User",
		  sk_compute_classify_event(C, "Wait - User", SK_STATUS_PAUSE) },
		{ T("2027-01-12 14:00"), "In progress", sk_compute_classify_event(C, "In progress", 0) },
		{ T("2027-01-12 15:00"), "Waiting for customer",
		  sk_compute_classify_event(C, "Waiting for customer", 0) },
		{ T("2027-01-12 16:00"), "In progress", sk_compute_classify_event(C, "In progress", 0) },
		{ T("2027-01-12 17:00"), "Solved", sk_compute_classify_event(C, "Solved", SK_STATUS_DONE) },
	};
	struct sk_verdict v;

	(void)state;
	assert_int_equal(ev[1].kind, SK_STATUS_CLASSIFIED | SK_STATUS_BY_IMPORT | SK_STATUS_PAUSE);
	assert_int_equal(ev[3].kind, SK_STATUS_CLASSIFIED | SK_STATUS_PAUSE);
	/* The contract's word for resolved wins over a stored pause; its
	 * working_statuses over a stored pause too. */
	assert_int_equal(sk_compute_classify_event(C, "Resolved", SK_STATUS_PAUSE),
			 SK_STATUS_CLASSIFIED | SK_STATUS_DONE);
	assert_int_equal(sk_compute_classify_event(C, "waiting for ENGINEER", SK_STATUS_PAUSE),
			 SK_STATUS_CLASSIFIED);
	assert_int_equal(sk_compute_classify_event(C, "Waiting for engineer2", SK_STATUS_PAUSE),
			 SK_STATUS_CLASSIFIED | SK_STATUS_BY_IMPORT | SK_STATUS_PAUSE);
	t.events = ev;
	t.n_events = 6;
	t.responded_at = T("2027-01-12 09:10");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.n_pauses, 2);
	assert_int_equal(v.resolution.paused, 5 * 3600);
	/* "Solved" is resolved by the import's word: the clock stopped at 17:00. */
	assert_string_equal(L(v.resolution.stop), "2027-01-12T17:00:00");
	assert_int_equal(v.resolution.elapsed, 3 * 3600);
	sk_verdict_release(&v);
}

/*
 * Halt §10.1.2: a P1-uplift is a P1 from registration whatever its exported
 * priority. P3 (3d) Tue 09:00, resolved 15:00 = 6 h: over P1's 4 h, a breach
 * (P3 would be met); the response (P1 15 min) 20 min late too. Without a
 * motivation it is flagged.
 */
static void test_uplift_is_p1(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.p1_uplift = 1;
	t.responded_at = T("2027-01-12 09:20");
	t.resolved_at = T("2027-01-12 15:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.priority, sk_contract_find_priority(C, "P1"));
	assert_int_equal(v.resolution.target, 4 * 3600);
	assert_int_equal(v.resolution.state, SK_CLOCK_BREACHED);
	assert_int_equal(v.response.target, 15 * 60);
	assert_int_equal(v.response.state, SK_CLOCK_BREACHED);
	assert_true(v.flags & SK_FLAG_UPLIFT);
	assert_true(v.flags & SK_FLAG_UPLIFT_UNMOTIVATED);
	assert_false(v.excluded);
	assert_string_equal(v.reason, "P1-uplift: (no motivation recorded) (measured as P1, "
			    "exported as P3)");
	sk_verdict_release(&v);
	t.uplift_reason = "zitting";
	compute(&t, "2027-02-01 00:00", &v);
	assert_false(v.flags & SK_FLAG_UPLIFT_UNMOTIVATED);
	sk_verdict_release(&v);
}

/*
 * Targets per change type: P2 emergency changes are outside the agreement
 * (both clocks `none`: excluded, listed apart with the reason); a standard
 * change has its own 2 h; a normal change the plain 1d. P3 changes: the
 * resolution is `none`, the response (1d) still measured.
 */
static void test_change_targets(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.type = SK_TICKET_CHANGE;
	t.responded_at = T("2027-01-12 09:30");
	t.resolved_at = T("2027-01-12 12:00");     /* 3 h */
	t.change_type = "emergency";
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_NA);
	assert_int_equal(v.resolution.state, SK_CLOCK_NA);
	assert_true(v.flags & SK_FLAG_NOT_MEASURED);
	assert_true(v.excluded);
	assert_string_equal(v.reason, "response not measured: outside the agreement (contract: "
			    "response.change.emergency = none); resolution not measured: outside the "
			    "agreement (contract: resolution.change.emergency = none)");
	sk_verdict_release(&v);
	t.change_type = "standard";
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.target, 2 * 3600);
	assert_int_equal(v.resolution.state, SK_CLOCK_BREACHED);
	assert_int_equal(v.response.target, 4 * 3600);
	assert_false(v.excluded);
	sk_verdict_release(&v);
	t.change_type = "normal";
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.target, 9 * 3600);
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	assert_int_equal(v.flags, 0);
	sk_verdict_release(&v);
	/* An incident keeps the priority's targets. */
	t.type = SK_TICKET_INCIDENT;
	t.change_type = "emergency";
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.target, 9 * 3600);
	sk_verdict_release(&v);

	t = ticket("P3", "2027-01-12 09:00");
	t.type = SK_TICKET_CHANGE;
	t.responded_at = T("2027-01-12 09:30");
	t.resolved_at = T("2027-01-20 12:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_MET);
	assert_int_equal(v.resolution.state, SK_CLOCK_NA);
	assert_true(v.flags & SK_FLAG_NOT_MEASURED);
	assert_false(v.excluded);
	sk_verdict_release(&v);
}

/*
 * An export without response times: the response is not measured (n/a,
 * flagged), not stopped at the resolution (2 h, over P1's 15 min).
 */
static void test_no_response_data(void **state)
{
	struct sk_ticket t = ticket("P1", "2027-01-12 09:00");
	struct sk_verdict v;

	(void)state;
	t.resolved_at = T("2027-01-12 11:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_BREACHED);
	sk_verdict_release(&v);
	t.no_response_data = 1;
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.response.state, SK_CLOCK_NA);
	assert_int_equal(v.response.counts_at, 0);
	assert_true(v.flags & SK_FLAG_RESPONSE_UNMEASURED);
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	assert_false(v.excluded);
	sk_verdict_release(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_friday_1655),
		cmocka_unit_test(test_saturday),
		cmocka_unit_test(test_koningsdag),
		cmocka_unit_test(test_dst_sunday_24x7),
		cmocka_unit_test(test_pause_across_night),
		cmocka_unit_test(test_many_pauses),
		cmocka_unit_test(test_target_below),
		cmocka_unit_test(test_overlapping_pauses),
		cmocka_unit_test(test_pause_over_weekend),
		cmocka_unit_test(test_p3_one_day_at_1600),
		cmocka_unit_test(test_p1_evening),
		cmocka_unit_test(test_p1_wrong_channel),
		cmocka_unit_test(test_open_at_period_end),
		cmocka_unit_test(test_breach_at_month_end),
		cmocka_unit_test(test_response_is_first_resolution),
		cmocka_unit_test(test_reopened_still_open),
		cmocka_unit_test(test_priority_mismatch),
		cmocka_unit_test(test_reopened),
		cmocka_unit_test(test_reopened_after_close),
		cmocka_unit_test(test_resolved_then_closed),
		cmocka_unit_test(test_priority_change_keeps_pause),
		cmocka_unit_test(test_impossible),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_pause_from_import),
		cmocka_unit_test(test_uplift_is_p1),
		cmocka_unit_test(test_change_targets),
		cmocka_unit_test(test_no_response_data),
		cmocka_unit_test(test_property),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
