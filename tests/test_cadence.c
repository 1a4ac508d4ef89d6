/*
 * Status-update cadence through the library (sk_report_gather), with
 * expectations worked out by hand from tests/data/cadence: calendar kantoor
 * mon-fri 08:00-17:00 without holidays; P1 every 30 min (response by phone),
 * P2 every 2 h, P3 every 1d = 9 h, P4 agreed. 2027-03-01 is a Monday. The
 * period is March 2027; C10 (1 April) puts the data's horizon past its end,
 * so the clocks are judged at 2027-04-01 00:00. tests/e2e/cadence.sh checks
 * the closed tickets C1-C7 through the tools; here: a ticket still open at
 * the period's end, one without a response time, and a database from before
 * the updates table.
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
#include <sqlite3.h>

#include "slakit.h"

#define H 3600
#define M 60

static char dir[] = "/tmp/sk-cadence-XXXXXX";

static const char *data(const char *file)
{
	static char path[1024];
	const char *d = getenv("SK_TESTDATA");

	snprintf(path, sizeof(path), "%s/cadence/%s", d && *d ? d : "data", file);
	return path;
}

static struct sk_contract *contract(void)
{
	struct sk_contract *c = NULL;
	struct sk_diag d;

	if (sk_contract_load(data("contract.ini"), &c, &d) != SK_OK)
		fail_msg("%s", d.msg);
	return c;
}

/* The database @name with every file of the test imported (profiles as named). */
static void import_all(struct sk_contract *c, const char *path)
{
	static const struct { const char *file, *profile; int kind; } files[] = {
		{ "tickets.csv", NULL, -1 }, { "tickets-more.csv", NULL, -1 },
		{ "pauses.csv", NULL, -1 }, { "servicenow-journal.csv", "servicenow", -1 },
		{ "topdesk-actions.csv", "topdesk", SK_KIND_UPDATES },
		{ "zendesk-comments.csv", "zendesk", SK_KIND_UPDATES },
		{ "generic-updates.csv", NULL, -1 }, { "updates-more.csv", NULL, -1 },
	};
	struct sk_db *db;
	struct sk_diag d;

	unlink(path);
	assert_int_equal(sk_db_open(path, SK_DB_CREATE, &db, &d), SK_OK);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct sk_import_opts o;
		struct sk_import_result res;

		sk_import_opts_init(&o);
		o.profile = files[i].profile;
		o.kind = files[i].kind;
		if (sk_import_file(db, c, data(files[i].file), files[i].file, &o, &res, &d) != SK_OK)
			fail_msg("%s: %s", files[i].file, d.msg);
	}
	sk_db_close(db);
}

static struct sk_report *gather(struct sk_contract *c, const char *path, int flags)
{
	struct sk_report *r = NULL;
	struct sk_period p;
	struct sk_db *db;
	struct sk_diag d;

	assert_int_equal(sk_db_open(path, flags, &db, &d), SK_OK);
	assert_int_equal(sk_period_parse("2027-03", c->tz, &p, &d), SK_OK);
	if (sk_report_gather(db, c, &p, NULL, &r, &d) != SK_OK)
		fail_msg("gather: %s", d.msg);
	sk_db_close(db);
	return r;
}

static const struct sk_cadence *ticket(const struct sk_report *r, const char *id)
{
	for (size_t i = 0; i < r->cadence->all.n; i++)
		if (strcmp(r->cadence->all.t[i].ticket, id) == 0)
			return &r->cadence->all.t[i];
	fail_msg("no cadence for %s", id);
	return NULL;
}

static const struct sk_report_cadence_prio *prio(const struct sk_report *r, const char *id)
{
	for (size_t i = 0; i < r->cadence->n_p; i++)
		if (strcmp(r->contract->priorities[r->cadence->p[i].priority].id, id) == 0)
			return &r->cadence->p[i];
	fail_msg("no figures for %s", id);
	return NULL;
}

static sk_time local(struct sk_contract *c, const char *s)
{
	sk_time t;
	struct sk_diag d;

	assert_int_equal(sk_time_parse(s, c->tz, &t, NULL, &d), SK_OK);
	return t;
}

static void test_open_and_no_response(void **state)
{
	struct sk_contract *c = contract();
	char path[1100];
	struct sk_report *r;
	const struct sk_cadence *k;

	(void)state;
	snprintf(path, sizeof(path), "%s/all.db", dir);
	import_all(c, path);
	r = gather(c, path, 0);
	assert_non_null(r->cadence);
	assert_int_equal(r->results->as_of, local(c, "2027-04-01 00:00"));

	/* C8 (P2), still open: 09:10 -> 10:00 is 0:50; from 10:00 to the end of the
	 * period the gap runs 7:00 of office time (10:00-17:00 on Wednesday), over
	 * 2:00: late, and open. */
	k = ticket(r, "C8");
	assert_int_equal(k->state, SK_CADENCE_LATE);
	assert_int_equal(k->until, 0);
	assert_int_equal(k->n_gaps, 2);
	assert_int_equal(k->gaps[0].business, 50 * M);
	assert_int_equal(k->gaps[1].to_kind, SK_GAP_RUNNING);
	assert_int_equal(k->gaps[1].business, 7 * H);
	assert_true(k->gaps[1].late);

	/* C9 (P3) has no response time: the cadence runs from the first update
	 * (Tue 11:00). Tue 11:00 -> Wed 15:00 is 6:00 + 7:00 = 13:00 > 9:00: late;
	 * Wed 15:00 -> resolution Thu 12:00 is 2:00 + 4:00 = 6:00. */
	k = ticket(r, "C9");
	assert_int_equal(k->from, local(c, "2027-03-09 11:00"));
	assert_int_equal(k->gaps[0].from_kind, SK_GAP_RESPONSE);
	assert_int_equal(k->gaps[0].business, 13 * H);
	assert_int_equal(k->gaps[1].business, 6 * H);
	assert_int_equal(k->gaps[1].to_kind, SK_GAP_RESOLUTION);
	assert_int_equal(k->state, SK_CADENCE_LATE);

	/* P2: C1, C2 held, C8 open (its late gap listed, not in the share): 2 of 2.
	 * P3: C3 and C9 late: 0 of 2. Late gaps: C3, C4, C8, C9. */
	assert_int_equal(prio(r, "P2")->tickets, 3);
	assert_int_equal(prio(r, "P2")->held, 2);
	assert_int_equal(prio(r, "P2")->running, 1);
	assert_int_equal(prio(r, "P2")->pct, SK_DEC(100));
	assert_int_equal(prio(r, "P3")->late, 2);
	assert_int_equal(prio(r, "P3")->pct, 0);
	assert_int_equal(r->cadence->late_gaps, 4);
	/* C10 is April's: not in March's section. */
	for (size_t i = 0; i < r->cadence->all.n; i++)
		assert_string_not_equal(r->cadence->all.t[i].ticket, "C10");
	sk_report_free(r);
	sk_contract_free(c);
}

/* A database from before the updates table (schema version 4) is read as it
 * is: every ticket is not measured, nothing fails. */
static void test_version_4_database(void **state)
{
	struct sk_contract *c = contract();
	char path[1100];
	struct sk_report *r;
	sqlite3 *h;

	(void)state;
	snprintf(path, sizeof(path), "%s/v4.db", dir);
	import_all(c, path);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "DROP TABLE updates; PRAGMA user_version = 4", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(h);
	r = gather(c, path, SK_DB_READONLY);
	assert_int_equal(prio(r, "P2")->not_measured, 3);
	assert_int_equal(prio(r, "P2")->held, 0);
	assert_int_equal(prio(r, "P1")->not_measured, 2);
	assert_int_equal(r->cadence->late_gaps, 0);
	assert_int_equal(r->cadence->wrong_channel, 0);
	assert_null(ticket(r, "C4")->response_channel);
	sk_report_free(r);
	sk_contract_free(c);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[1100];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_and_no_response),
		cmocka_unit_test(test_version_4_database),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
