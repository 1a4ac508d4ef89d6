/*
 * Deadlines that durations cannot express and the clocks that use them:
 * `eod` and `eod+N` targets (the end of the business day a clock starts on,
 * or the Nth business day after it), onsite visits per priority, and what
 * the contract refuses. Expected values are worked out by hand in the
 * comments; office hours are Mon-Fri 08:00-17:00 (9 h) with Dutch holidays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "slakit.h"

#define H 3600

static struct sk_contract *C;

static int setup(void **state)
{
	char path[1024];
	struct sk_diag d;
	const char *data = getenv("SK_TESTDATA");

	(void)state;
	snprintf(path, sizeof(path), "%s/deadlines/contract.ini", data ? data : "data");
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

/* An incident with a priority and a registration time; the rest empty. */
static struct sk_ticket ticket(const char *prio, const char *reported)
{
	struct sk_ticket t;

	memset(&t, 0, sizeof(t));
	t.id = "T-1";
	t.type = SK_TICKET_INCIDENT;
	t.priority = sk_contract_find_priority(C, prio);
	t.initial_priority = -1;
	t.highest_priority = -1;
	t.reported_at = T(reported);
	t.fcr = t.cab_approved = t.change_failed = -1;
	return t;
}

static void compute(const struct sk_ticket *t, const char *as_of, struct sk_verdict *v)
{
	assert_int_equal(sk_compute_ticket(C, t, T(as_of), v, NULL), SK_OK);
}

/* P2 resolution eod+1, reported Friday 8 Jan 2027 16:00: by Monday 17:00. */
static void test_eod_next_day(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-08 16:00");
	struct sk_verdict v;

	(void)state;
	/* Target: Fri 16:00-17:00 1 h + Mon 9 h = 10 h. Resolved Mon 16:59: 1 h + 8:59. */
	t.resolved_at = T("2027-01-11 16:59");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.target, 10 * H);
	assert_string_equal(L(v.resolution.deadline), "2027-01-11T17:00:00");
	assert_int_equal(v.resolution.elapsed, 10 * H - 60);
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	sk_verdict_release(&v);
	/* Tuesday 08:01: one business minute over. */
	t.resolved_at = T("2027-01-12 08:01");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.state, SK_CLOCK_BREACHED);
	assert_int_equal(v.resolution.elapsed - v.resolution.target, 60);
	sk_verdict_release(&v);
}

/*
 * Reported after closing time: the clock starts Monday 08:00, and Monday is
 * "the same day". P1 eod: Monday 17:00 (9 h); P2 eod+1: Tuesday 17:00 (18 h).
 */
static void test_eod_after_hours(void **state)
{
	struct sk_ticket t = ticket("P1", "2027-01-08 17:30");
	struct sk_verdict v;

	(void)state;
	t.resolved_at = T("2027-01-11 17:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_string_equal(L(v.resolution.start), "2027-01-11T08:00:00");
	assert_int_equal(v.resolution.target, 9 * H);
	assert_string_equal(L(v.resolution.deadline), "2027-01-11T17:00:00");
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	sk_verdict_release(&v);

	t = ticket("P2", "2027-01-09 12:00"); /* a Saturday */
	t.resolved_at = T("2027-01-12 16:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.target, 18 * H);
	assert_string_equal(L(v.resolution.deadline), "2027-01-12T17:00:00");
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	sk_verdict_release(&v);
}

/* Holidays are no business days: P3 eod+2 from Mon 26 Apr 2027 10:00 skips
 * Koningsdag (Tue 27): Wed 28 is the first, Thu 29 the second, 17:00. */
static void test_eod_holiday(void **state)
{
	struct sk_ticket t = ticket("P3", "2027-04-26 10:00");
	struct sk_verdict v;

	(void)state;
	t.resolved_at = T("2027-04-29 17:00");
	compute(&t, "2027-06-01 00:00", &v);
	/* Mon 7 h + Wed 9 h + Thu 9 h = 25 h. */
	assert_int_equal(v.resolution.target, 25 * H);
	assert_string_equal(L(v.resolution.deadline), "2027-04-29T17:00:00");
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	sk_verdict_release(&v);
}

/*
 * A pause moves an eod deadline on by the business time it took, like any
 * target's: P1 eod from Mon 4 Jan 09:00 is 8 h; waiting for the customer
 * 10:00-11:00 makes the deadline Tue 5 Jan 09:00.
 */
static void test_eod_pause(void **state)
{
	struct sk_ticket t = ticket("P1", "2027-01-04 09:00");
	struct sk_pause p = { T("2027-01-04 10:00"), T("2027-01-04 11:00") };
	struct sk_verdict v;

	(void)state;
	t.pauses = &p;
	t.n_pauses = 1;
	t.resolved_at = T("2027-01-05 08:30");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.resolution.target, 8 * H);
	assert_string_equal(L(v.resolution.deadline), "2027-01-05T09:00:00");
	assert_int_equal(v.resolution.elapsed, 8 * H - 30 * 60);
	assert_int_equal(v.resolution.state, SK_CLOCK_MET);
	sk_verdict_release(&v);
}

/*
 * Onsite: P1 4 h, P2 8 h on office hours from registration; P3 has none and
 * is held to its resolution target eod+2 (onsite_default = resolution).
 */
static void test_onsite_per_priority(void **state)
{
	struct sk_ticket t = ticket("P1", "2027-01-04 14:00");
	struct sk_verdict v;

	(void)state;
	/* Mon 14:00-17:00 3 h + Tue 08:00-09:00 1 h = 4 h: met at the limit. */
	t.onsite_at = T("2027-01-05 09:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.onsite.state, SK_CLOCK_MET);
	assert_int_equal(v.onsite.elapsed, 4 * H);
	assert_int_equal(v.onsite.counts_at, T("2027-01-05 09:00"));
	assert_int_equal(v.onsite_met, 1);
	assert_int_equal(v.onsite_from_resolution, 0);
	sk_verdict_release(&v);
	/* One second later: late. */
	t.onsite_at = T("2027-01-05 09:00:01");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.onsite.state, SK_CLOCK_BREACHED);
	assert_int_equal(v.onsite_met, 0);
	/* A late visit counts where it took place: nothing ran visibly before it. */
	assert_int_equal(v.onsite.counts_at, T("2027-01-05 09:00:01"));
	sk_verdict_release(&v);
	/* Not yet visited at the evaluation instant: no verdict. */
	compute(&t, "2027-01-05 09:00", &v);
	assert_int_equal(v.onsite.state, SK_CLOCK_NA);
	assert_int_equal(v.onsite_met, -1);
	sk_verdict_release(&v);

	/* P3 from Wed 6 Jan 10:00: eod+2 is Fri 8 Jan 17:00 (7 + 9 + 9 = 25 h). */
	t = ticket("P3", "2027-01-06 10:00");
	t.onsite_at = T("2027-01-08 16:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.onsite_from_resolution, 1);
	assert_int_equal(v.onsite.target, 25 * H);
	assert_string_equal(L(v.onsite.deadline), "2027-01-08T17:00:00");
	assert_int_equal(v.onsite.state, SK_CLOCK_MET);
	sk_verdict_release(&v);
}

/*
 * P1: the same day (eod), or an emergency workplace within 4 h; either in
 * time meets the swap, which counts where the user could work again.
 */
static void test_swap_p1(void **state)
{
	struct sk_ticket t = ticket("P1", "2027-01-04 09:00");
	struct sk_verdict v;

	(void)state;
	/* Asked Mon 10:00, device Mon 16:30: before Mon 17:00. No loaner: that clock
	 * ran out at 14:00, which does not matter. */
	t.swap_requested_at = T("2027-01-04 10:00");
	t.swap_at = T("2027-01-04 16:30");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.swap.state, SK_CLOCK_MET);
	assert_string_equal(L(v.swap.deadline), "2027-01-04T17:00:00");
	assert_int_equal(v.emergency.state, SK_CLOCK_BREACHED);
	assert_int_equal(v.swap_state, SK_CLOCK_MET);
	assert_int_equal(v.swap_counts_at, T("2027-01-04 16:30"));
	assert_int_equal(v.swap_from_report, 0);
	sk_verdict_release(&v);

	/* Asked Mon 14:00: loaner deadline Mon 14-17 3 h + Tue 1 h = Tue 09:00; loaner
	 * Tue 08:30 in time, device Tue 12:00 late (eod: Mon 17:00). Met, at 08:30. */
	t.swap_requested_at = T("2027-01-04 14:00");
	t.emergency_at = T("2027-01-05 08:30");
	t.swap_at = T("2027-01-05 12:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.swap.state, SK_CLOCK_BREACHED);
	assert_string_equal(L(v.emergency.deadline), "2027-01-05T09:00:00");
	assert_int_equal(v.emergency.state, SK_CLOCK_MET);
	assert_int_equal(v.swap_state, SK_CLOCK_MET);
	assert_int_equal(v.swap_counts_at, T("2027-01-05 08:30"));
	sk_verdict_release(&v);

	/* Asked Mon 10:00, loaner Mon 15:00 (5 h > 4 h), device Wed: both late. Placed
	 * where the last target ran out: the device's, the first working second after
	 * Mon 17:00 less one, Tue 08:00:00 (the loaner's ran out at Mon 14:00:00). */
	t.swap_requested_at = T("2027-01-04 10:00");
	t.emergency_at = T("2027-01-04 15:00");
	t.swap_at = T("2027-01-06 10:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.swap_state, SK_CLOCK_BREACHED);
	assert_int_equal(v.emergency.counts_at, T("2027-01-04 14:00"));
	assert_int_equal(v.swap_counts_at, T("2027-01-05 08:00"));
	sk_verdict_release(&v);
}

/* P2 eod+1 and P3 2 werkdagen; without a request time, from registration. */
static void test_swap_p2_p3(void **state)
{
	struct sk_ticket t = ticket("P2", "2027-01-04 09:00");
	struct sk_verdict v;

	(void)state;
	/* Asked Mon 10:00, nothing delivered: pending on Tue 12:00 (due Tue 17:00),
	 * breached on Wed 09:00, placed at Wed 08:00:00 (the first second over, less one). */
	t.swap_requested_at = T("2027-01-04 10:00");
	compute(&t, "2027-01-05 12:00", &v);
	assert_int_equal(v.swap_state, SK_CLOCK_PENDING);
	assert_int_equal(v.swap_counts_at, 0);
	assert_string_equal(L(v.swap.deadline), "2027-01-05T17:00:00");
	sk_verdict_release(&v);
	compute(&t, "2027-01-06 09:00", &v);
	assert_int_equal(v.swap_state, SK_CLOCK_BREACHED);
	assert_int_equal(v.swap_counts_at, T("2027-01-06 08:00"));
	sk_verdict_release(&v);

	/* No request time: from registration Fri 8 Jan 16:00, due Mon 11 Jan 17:00;
	 * delivered Wed 13 Jan 10:00: late, placed at the delivery (no clock ran before). */
	t = ticket("P2", "2027-01-08 16:00");
	t.swap_at = T("2027-01-13 10:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.swap_from_report, 1);
	assert_string_equal(L(v.swap.deadline), "2027-01-11T17:00:00");
	assert_int_equal(v.swap_state, SK_CLOCK_BREACHED);
	assert_int_equal(v.swap_counts_at, T("2027-01-13 10:00"));
	sk_verdict_release(&v);
	/* Not delivered by the evaluation time and no request: no swap known. */
	compute(&t, "2027-01-12 00:00", &v);
	assert_int_equal(v.swap.state, SK_CLOCK_NA);
	assert_int_equal(v.swap_state, SK_CLOCK_NA);
	sk_verdict_release(&v);

	/* P3 2d = 18 h from Thu 7 Jan 15:00: Thu 2 h + Fri 9 h + Mon 7 h -> Mon 15:00,
	 * met at the limit. */
	t = ticket("P3", "2027-01-07 09:00");
	t.swap_requested_at = T("2027-01-07 15:00");
	t.swap_at = T("2027-01-11 15:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_int_equal(v.swap.elapsed, 18 * H);
	assert_int_equal(v.swap_state, SK_CLOCK_MET);
	sk_verdict_release(&v);

	/* A device swapped before it was asked for cannot be: listed apart. */
	t.swap_at = T("2027-01-07 14:00");
	compute(&t, "2027-02-01 00:00", &v);
	assert_true(v.flags & SK_FLAG_IMPOSSIBLE);
	assert_int_equal(v.excluded, 1);
	sk_verdict_release(&v);
}

/* A contract file with @body; returns the loader's verdict and its message in @msg. */
static enum sk_err load_text(const char *body, char *msg, size_t size)
{
	char path[] = "/tmp/sk-deadlines-XXXXXX";
	struct sk_contract *c = NULL;
	struct sk_diag d;
	enum sk_err rc;
	int fd = mkstemp(path);
	FILE *fp;

	assert_true(fd >= 0);
	assert_non_null(fp = fdopen(fd, "w"));
	fputs("[contract]\nid = x\ntimezone = Europe/Amsterdam\ncalendar = office\n"
	      "[calendar.office]\nmon-fri = 08:00-17:00\n", fp);
	fputs(body, fp);
	fclose(fp);
	sk_diag_clear(&d);
	rc = sk_contract_load(path, &c, &d);
	sk_diag_format(&d, msg, size);
	sk_contract_free(c);
	unlink(path);
	return rc;
}

/* `eod` is a deadline of a ticket's target: refused where a length is meant. */
static void test_eod_refused_elsewhere(void **state)
{
	char msg[1024];

	(void)state;
	assert_int_equal(load_text("[priority.P1]\nresponse = < eod\nresolution = eod+3\n"
				   "onsite = eod\n", msg, sizeof(msg)), SK_OK);
	assert_int_not_equal(load_text("[priority.P1]\nresolution = 4h\n[service.net]\nnorm = 99\n"
				       "notice = eod\n", msg, sizeof(msg)), SK_OK);
	assert_non_null(strstr(msg, "end of a business day"));
	assert_non_null(strstr(msg, "notice"));
	assert_int_not_equal(load_text("[priority.P1]\nresolution = 4h\n[supplier.kpn]\n"
				       "resolution = eod+1\n", msg, sizeof(msg)), SK_OK);
	assert_non_null(strstr(msg, "end of a business day"));
	assert_int_not_equal(load_text("[priority.P1]\nresolution = eod+\n", msg, sizeof(msg)),
			     SK_OK);
	assert_non_null(strstr(msg, "eod+1"));
	/* An emergency workplace stands in for a swap: not without one. */
	assert_int_not_equal(load_text("[priority.P1]\nresolution = 4h\nswap_emergency = 4h\n", msg,
				       sizeof(msg)), SK_OK);
	assert_non_null(strstr(msg, "needs swap"));
	/* A swap KPI without any swap target measures nothing. */
	assert_int_not_equal(load_text("[priority.P1]\nresolution = 4h\n[domain.d]\nscored = no\n"
				       "[kpi.d.swap]\nsource = tickets:swap\n", msg, sizeof(msg)),
			     SK_OK);
	assert_non_null(strstr(msg, "tickets:swap needs a swap target"));
	assert_int_not_equal(load_text("[priority.P1]\nresolution = 4h\n[domain.d]\nscored = no\n"
				       "[kpi.d.onsite]\nsource = tickets:onsite\n", msg, sizeof(msg)),
			     SK_OK);
	assert_non_null(strstr(msg, "onsite_default = resolution"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eod_next_day),
		cmocka_unit_test(test_eod_after_hours),
		cmocka_unit_test(test_eod_holiday),
		cmocka_unit_test(test_eod_pause),
		cmocka_unit_test(test_onsite_per_priority),
		cmocka_unit_test(test_swap_p1),
		cmocka_unit_test(test_swap_p2_p3),
		cmocka_unit_test(test_eod_refused_elsewhere),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
