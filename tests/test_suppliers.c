/*
 * Hand-overs to suppliers (Single Point of Contact), with expectations worked
 * out by hand from tests/data/suppliers (contract: a copy of the Heutink
 * sample; desk calendar werkdag mon-fri 08:00-17:00 with Dutch holidays;
 * internet mon-sun 07:00-23:00 without holidays; printing mon-fri 08:30-17:00,
 * Dutch holidays and its own closed day 2027-02-15; touchscreens on werkdag).
 * Period 2027-Q1, evaluated at 2027-04-01 00:00.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "slakit.h"

#define H 3600

static char dir[] = "/tmp/sk-suppliers-XXXXXX";

/* The data directory of these tests. */
static const char *data(const char *file)
{
	static char path[1024];
	const char *d = getenv("SK_TESTDATA");

	snprintf(path, sizeof(path), "%s/suppliers/%s", d && *d ? d : "data", file);
	return path;
}

/* The contract with "supplier_pauses = yes" replaced by @pauses. */
static struct sk_contract *contract(const char *pauses)
{
	static char path[1100];
	char line[1024];
	struct sk_contract *c = NULL;
	struct sk_diag d;
	FILE *in = fopen(data("contract.ini"), "r"), *out;

	assert_non_null(in);
	snprintf(path, sizeof(path), "%s/contract-%s.ini", dir, pauses);
	assert_non_null(out = fopen(path, "w"));
	while (fgets(line, sizeof(line), in))
		fputs(strncmp(line, "supplier_pauses = ", 18) == 0 ? pauses : line, out);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	if (sk_contract_load(path, &c, &d) != SK_OK)
		fail_msg("%s", d.msg);
	return c;
}

/* A database with the three exports imported under @c; the report of 2027-Q1. */
static struct sk_report *report(struct sk_contract *c, const char *name, struct sk_db **db)
{
	static const char *const files[] = { "tickets.csv", "events.csv", "handovers.csv" };
	char path[1100];
	struct sk_report *r = NULL;
	struct sk_period p;
	struct sk_diag d;

	snprintf(path, sizeof(path), "%s/%s.db", dir, name);
	unlink(path);
	assert_int_equal(sk_db_open(path, SK_DB_CREATE, db, &d), SK_OK);
	for (size_t i = 0; i < 3; i++) {
		struct sk_import_opts o;
		struct sk_import_result res;

		sk_import_opts_init(&o);
		if (sk_import_file(*db, c, data(files[i]), files[i], &o, &res, &d) != SK_OK)
			fail_msg("%s: %s", files[i], d.msg);
	}
	assert_int_equal(sk_period_parse("2027-Q1", c->tz, &p, &d), SK_OK);
	if (sk_report_gather(*db, c, &p, NULL, &r, &d) != SK_OK)
		fail_msg("gather: %s", d.msg);
	return r;
}

static struct sk_contract *C;
static struct sk_db *DB;
static struct sk_report *R;

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	C = contract("supplier_pauses = yes\n");
	R = report(C, "yes", &DB);
	return R && R->suppliers ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[200];

	(void)state;
	sk_report_free(R);
	sk_db_close(DB);
	sk_contract_free(C);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* An instant in the contract's zone. */
static sk_time T(const char *local)
{
	sk_time t;
	struct sk_diag d;

	assert_int_equal(sk_time_parse(local, C->tz, &t, NULL, &d), SK_OK);
	return t;
}

/* The hand-over of @ticket to @supplier in the report. */
static const struct sk_handover *handover(const char *ticket, const char *supplier)
{
	const struct sk_handovers *a = &R->suppliers->all;

	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->h[i].ticket, ticket) == 0 && strcmp(a->h[i].supplier_name, supplier) == 0)
			return &a->h[i];
	fail_msg("no hand-over of %s to %s", ticket, supplier);
	return NULL;
}

/* How ticket @id's time was spent. */
static const struct sk_ticket_split *split(const char *id)
{
	for (size_t i = 0; i < R->suppliers->n_splits; i++)
		if (strcmp(R->results->r[R->suppliers->splits[i].result].ticket.id, id) == 0)
			return &R->suppliers->splits[i];
	fail_msg("no split of %s", id);
	return NULL;
}

static int sup(const char *id)
{
	return sk_contract_find_supplier(C, id);
}

/* S1: printing opens at 08:30, the desk at 08:00; hand-over 08:00-16:00, response 08:45. */
static void test_supplier_calendar_differs(void **state)
{
	const struct sk_handover *h = handover("S1", "printing");
	const struct sk_ticket_split *s = split("S1");

	(void)state;
	assert_int_equal(h->business, 7 * H + 1800);          /* 08:30-16:00 */
	assert_int_equal(h->response.elapsed, 900);            /* 08:30-08:45, not 45 minutes */
	assert_int_equal(h->response.state, SK_CLOCK_MET);
	assert_int_equal(h->resolution.state, SK_CLOCK_MET);
	assert_string_equal(C->calendars[h->resolution.calendar].name, "supplier.printing");
	/* On the desk's calendar: reported 07:45, resolved 16:30 -> 08:00-16:30. */
	assert_int_equal(s->total, 8 * H + 1800);
	assert_int_equal(s->suppliers, 8 * H);                 /* 08:00-16:00 */
	assert_int_equal(s->per_supplier[sup("printing")], 8 * H);
	assert_int_equal(s->desk, 1800);
	assert_int_equal(s->customer, 0);
}

/*
 * S2: internet Fri 16:00 - Tue 09:00 over Easter Monday, a holiday of the desk
 * only; S3: printing Fri 16:00 - Tue 10:00 over 2027-02-15, a closed day of
 * the supplier only.
 */
static void test_holiday_of_one(void **state)
{
	const struct sk_handover *h2 = handover("S2", "internet");
	const struct sk_handover *h3 = handover("S3", "printing");

	(void)state;
	/* Fri 16-23 7h, Sat, Sun and Easter Monday 16h each, Tue 07-09 2h. */
	assert_int_equal(h2->business, 57 * H);
	assert_int_equal(h2->state, SK_CLOCK_BREACHED);        /* P2: 4h response, 8h resolution */
	assert_int_equal(h2->resolution.target, 8 * H);
	assert_int_equal(h2->counts_at, T("2027-03-26 20:00")); /* response 4h over at Fri 20:00 */
	/* The desk: Fri 16-17 and Tue 08-09 with the supplier; Fri 14-16 and Tue 09-10 its own. */
	assert_int_equal(split("S2")->suppliers, 2 * H);
	assert_int_equal(split("S2")->desk, 3 * H);

	/* Fri 16:00-17:00 1h, Monday closed for printing, Tue 08:30-10:00 1h30. */
	assert_int_equal(h3->business, 2 * H + 1800);
	assert_int_equal(h3->state, SK_CLOCK_MET);
	/* The desk works that Monday: Fri 1h + Mon 9h + Tue 2h with the supplier. */
	assert_int_equal(split("S3")->suppliers, 12 * H);
	assert_int_equal(split("S3")->desk, 2 * H);            /* Fri 15-16, Tue 10-11 */
}

/* S4: internet 09:00-12:00 and printing 10:00-14:00 on one ticket. */
static void test_overlapping_handovers(void **state)
{
	const struct sk_handover *a = handover("S4", "internet");
	const struct sk_handover *b = handover("S4", "printing");
	const struct sk_ticket_split *s = split("S4");
	const struct sk_result *x = &R->results->r[s->result];

	(void)state;
	assert_int_equal(a->business, 3 * H);
	assert_int_equal(b->business, 4 * H);
	assert_int_equal(a->state, SK_CLOCK_MET);
	assert_int_equal(b->state, SK_CLOCK_MET);
	assert_int_equal(s->per_supplier[sup("internet")], 3 * H);
	assert_int_equal(s->per_supplier[sup("printing")], 4 * H);
	assert_int_equal(s->suppliers, 5 * H);                 /* 09:00-14:00, once */
	assert_int_equal(s->desk, 3 * H);                      /* 08-09, 14-16 */
	/* supplier_pauses = yes: the desk's resolution clock stood still 5h. */
	assert_int_equal(x->v.resolution.paused, 5 * H);
	assert_int_equal(x->v.resolution.elapsed, 3 * H);
}

/*
 * S5: touchscreens from Tue 2027-03-30 09:00, still open when the data ends:
 * its latest time is S5's response at 10:00 (the horizon), so the hand-over
 * is judged there, as the desk's clocks are (as_of = horizon + 1 s), not at
 * the quarter's end: 1 h and the second of as_of, pending.
 */
static void test_open_at_period_end(void **state)
{
	const struct sk_handover *h = handover("S5", "touchscreens");
	const struct sk_report_supplier *t = &R->suppliers->s[sup("touchscreens")];

	(void)state;
	assert_int_equal(h->end, 0);
	assert_int_equal(h->business, 1 * H + 1);              /* Tue 09:00 to 10:00:01 */
	assert_int_equal(h->response.state, SK_CLOCK_MET);     /* responded 10:00 */
	assert_int_equal(h->resolution.state, SK_CLOCK_PENDING);
	assert_int_equal(h->resolution.target, 45 * H);        /* 5 werkdagen of 9h */
	assert_int_equal(h->state, SK_CLOCK_PENDING);
	assert_int_equal(h->counts_at, 0);
	assert_int_equal(t->fig.handovers, 0);
	assert_int_equal(t->fig.pending, 1);
	assert_int_equal(t->fig.mean, -1);
}

/*
 * S6: "Wacht op leverancier" 10:00-13:00 with the ticket's supplier column
 * naming printing; S7: "Wacht op provider" (internet) 10:00-11:30.
 */
static void test_from_status_history(void **state)
{
	const struct sk_handover *h6 = handover("S6", "printing");
	const struct sk_handover *h7 = handover("S7", "internet");

	(void)state;
	assert_true(h6->from_status);
	assert_int_equal(h6->start, T("2027-01-12 10:00"));
	assert_int_equal(h6->end, T("2027-01-12 13:00"));
	assert_int_equal(h6->state, SK_CLOCK_MET);             /* no response: the end, 3h < 4h */
	assert_true(h7->from_status);
	assert_int_equal(h7->business, 5400);
	assert_int_equal(h7->response.state, SK_CLOCK_BREACHED); /* P1: 1h */
	assert_int_equal(h7->resolution.state, SK_CLOCK_MET);    /* P1: 4h */
	assert_int_equal(h7->counts_at, T("2027-01-20 11:00"));
}

/* Per supplier, the desk's breaches, the scorecard and the KPI supplier:ID. */
static void test_figures(void **state)
{
	const struct sk_report_suppliers *s = R->suppliers;
	const struct sk_supplier_figures *in = &s->s[sup("internet")].fig;
	const struct sk_supplier_figures *pr = &s->s[sup("printing")].fig;
	const struct sk_domain_score *dm = &R->score->domains[0];

	(void)state;
	assert_int_equal(s->n, 3);
	assert_int_equal(in->handovers, 3);                    /* S2, S4, S7 */
	assert_int_equal(in->within, 1);
	assert_int_equal(in->pct, SK_DEC(33) + SK_DEC(3) / 10);
	assert_int_equal(in->business, 57 * H + 3 * H + 5400);
	assert_int_equal(in->mean, (57 * H + 3 * H + 5400) / 3);
	assert_int_equal(in->median, 3 * H);
	assert_int_equal(s->s[sup("internet")].n_breaches, 2);
	assert_int_equal(pr->handovers, 4);                    /* S1, S3, S4, S6 */
	assert_int_equal(pr->within, 4);
	assert_int_equal(pr->median, 3 * H);                   /* 2:30, 3:00, 4:00, 7:30 */
	/* The desk breached S7's resolution (a supplier held it) and S8's response. */
	assert_int_equal(s->desk_breaches, 2);
	assert_int_equal(s->desk_breaches_held, 1);
	assert_int_equal(s->held_pct, SK_DEC(50));
	assert_int_equal(s->n_quarters, 1);
	assert_string_equal(s->quarters[0].label, "2027-Q1");
	assert_int_equal(s->s[sup("internet")].quarters[0].handovers, 3);
	/* [kpi.leveranciers.internet] source = supplier:internet */
	assert_string_equal(dm->domain->id, "leveranciers");
	assert_int_equal(dm->kpis[0].n, 3);
	assert_int_equal(dm->kpis[0].within, 1);
	assert_int_equal(dm->kpis[1].n, 4);
	assert_int_equal(dm->kpis[1].within, 4);
}

/* supplier_pauses = no: the desk's clock runs on; the suppliers' own clocks are the same. */
static void test_supplier_pauses_off(void **state)
{
	struct sk_contract *c = contract("supplier_pauses = no\n");
	struct sk_db *db = NULL;
	struct sk_report *r = report(c, "no", &db);
	const struct sk_result *x = NULL;

	(void)state;
	for (size_t i = 0; i < r->results->n; i++)
		if (strcmp(r->results->r[i].ticket.id, "S4") == 0)
			x = &r->results->r[i];
	assert_non_null(x);
	assert_int_equal(x->v.resolution.paused, 0);
	assert_int_equal(x->v.resolution.elapsed, 8 * H);
	assert_int_equal(r->suppliers->s[0].fig.handovers, 3);
	assert_int_equal(r->suppliers->s[0].fig.within, 1);
	sk_report_free(r);
	sk_db_close(db);
	sk_contract_free(c);
}

/* --explain shows the hand-overs, the supplier clocks and where the time went. */
static void test_explain(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct sk_diag d;

	(void)state;
	assert_int_equal(sk_results_explain(DB, C, "S4", T("2027-04-01 00:00"), fp, &d), SK_OK);
	fclose(fp);
	assert_non_null(strstr(buf, "hand-overs to suppliers\n  internet (Glasvezel Noord "
				    "(voorbeeld)), imported, reference GN-4\n"));
	assert_non_null(strstr(buf, "    with the supplier 4:00:00 business\n"));
	assert_non_null(strstr(buf, "  with suppliers     5:00:00\n    internet         3:00:00\n"
				    "    printing         4:00:00\n"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_supplier_calendar_differs),
		cmocka_unit_test(test_holiday_of_one),
		cmocka_unit_test(test_overlapping_handovers),
		cmocka_unit_test(test_open_at_period_end),
		cmocka_unit_test(test_from_status_history),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_supplier_pauses_off),
		cmocka_unit_test(test_explain),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
