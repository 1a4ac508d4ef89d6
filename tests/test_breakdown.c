/*
 * The report's breakdowns (slakit/breakdown.h), with expectations worked out
 * by hand from tests/data/breakdown: office hours mon-fri 08:00-17:00 (one
 * werkdag = 9 h), no holidays; P1 response 1h / resolution 4h, P2 4h / 2d
 * (= 18 h). Period 2027-02 (February 2027: Monday 1 to Sunday 28; 20
 * weekdays), judged at its end, 2027-03-01 00:00: the exports run to
 * 2027-03-05, so the horizon lies beyond the period.
 *
 * The tickets (r = response, v = resolution; business time):
 *   A1 P1 Netwerk  Delft  Netwerkbeheer  r 0:30 met     v 3:00 met
 *   A2 P1 Netwerk  Leiden Werkplekbeheer r 1:30 breached v 6:00 - 1:00 paused = 5:00 breached
 *   A3 P1 Printers Delft  (none)         r 0:10 met     v 1:00 met
 *   B1 P2 Printers Delft  Werkplekbeheer r 1:00 met     v Thu 8 h + Fri 4 h - 2 h paused = 10:00 met
 *   B2 P2 Netwerk  Leiden Netwerkbeheer  r 6:00 breached v Mon 8 + Tue 9 + Wed 9 + Thu 1 = 27:00 breached
 *   B3 P2 Software Delft  Netwerkbeheer  r 0:30 met     open: v breached at 18 h (in February)
 *   B4 P2 Printers Leiden Werkplekbeheer not responded, open: both clocks pending (1 h)
 *   B5 P1 Software Leiden Servicedesk    r 0:20 met     open: v breached at 4 h (in February)
 *   C1 P2 Netwerk  Delft  Servicedesk    reported 2027-01-04, both clocks decided in January; open
 * B5 and C1 come from tickets-team.csv, whose group column "Team" a map names.
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

static char dir[] = "/tmp/sk-breakdown-XXXXXX";

static const char *data(const char *file)
{
	static char path[1024];
	const char *d = getenv("SK_TESTDATA");

	snprintf(path, sizeof(path), "%s/breakdown/%s", d && *d ? d : "data", file);
	return path;
}

static struct sk_contract *C;
static struct sk_db *DB;
static struct sk_report *R;

static void import(const char *file, const struct sk_map *map)
{
	struct sk_import_opts o;
	struct sk_import_result res;
	struct sk_diag d;

	sk_import_opts_init(&o);
	o.map = map;
	if (sk_import_file(DB, C, data(file), file, &o, &res, &d) != SK_OK)
		fail_msg("%s: %s", file, d.msg);
}

static int setup(void **state)
{
	struct sk_map *map = NULL;
	struct sk_period p;
	struct sk_diag d;
	char path[1100];

	(void)state;
	if (!mkdtemp(dir))
		return -1;
	if (sk_contract_load(data("contract.ini"), &C, &d) != SK_OK) {
		fprintf(stderr, "%s\n", d.msg);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/b.db", dir);
	if (sk_db_open(path, SK_DB_CREATE, &DB, &d) != SK_OK ||
	    sk_map_load(data("team.map"), &map, &d) != SK_OK) {
		fprintf(stderr, "%s\n", d.msg);
		return -1;
	}
	import("tickets.csv", NULL);
	import("tickets-team.csv", map);
	import("pauses.csv", NULL);
	sk_map_free(map);
	if (sk_period_parse("2027-02", C->tz, &p, &d) != SK_OK ||
	    sk_report_gather(DB, C, &p, NULL, &R, &d) != SK_OK) {
		fprintf(stderr, "%s\n", d.msg);
		return -1;
	}
	return R->breakdown ? 0 : -1;
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

/* Row @i of dimension @dim: name, tickets, response within/n, resolution within/n. */
static void row(int dim, size_t i, const char *name, long tickets, long rw, long rn, long vw,
		long vn)
{
	const struct sk_breakdown_table *t = &R->breakdown->dims[dim];

	assert_true(i < t->n);
	assert_string_equal(t->rows[i].name, name);
	assert_int_equal(t->rows[i].tickets, tickets);
	assert_int_equal(t->rows[i].response_within, rw);
	assert_int_equal(t->rows[i].response_n, rn);
	assert_int_equal(t->rows[i].resolution_within, vw);
	assert_int_equal(t->rows[i].resolution_n, vn);
}

/* Decided in February: A1 A2 A3 B5 (P1), B1 B2 B3 (P2): 7 tickets; B4 pending, C1 January. */
static void test_per_group(void **state)
{
	const struct sk_breakdown_table *t = &R->breakdown->dims[SK_BREAKDOWN_GROUP];

	(void)state;
	assert_true(t->recorded);
	assert_int_equal(t->n, 4);
	/* Netwerkbeheer: A1 (met, met), B2 (breached, breached), B3 (met, breached). */
	row(SK_BREAKDOWN_GROUP, 0, "Netwerkbeheer", 3, 2, 3, 1, 3);
	/* Werkplekbeheer: A2 (breached, breached), B1 (met, met); B4 pending: not counted. */
	row(SK_BREAKDOWN_GROUP, 1, "Werkplekbeheer", 2, 1, 2, 1, 2);
	/* Servicedesk (through the map's Team column): B5 (met, breached); C1 counted in January. */
	row(SK_BREAKDOWN_GROUP, 2, "Servicedesk", 1, 1, 1, 0, 1);
	/* No group, last: A3 (met, met). */
	row(SK_BREAKDOWN_GROUP, 3, "", 1, 1, 1, 1, 1);
	/* 2/3 = 66.666..% at one decimal. */
	assert_int_equal(t->rows[0].response_pct, 66700000);
	assert_int_equal(t->rows[0].resolution_pct, 33300000);
}

static void test_per_category_and_location(void **state)
{
	(void)state;
	/* Netwerk: A1 A2 B2; Printers: A3 B1; Software: B3 B5 (equal counts by name). */
	assert_int_equal(R->breakdown->dims[SK_BREAKDOWN_CATEGORY].n, 3);
	row(SK_BREAKDOWN_CATEGORY, 0, "Netwerk", 3, 1, 3, 1, 3);
	row(SK_BREAKDOWN_CATEGORY, 1, "Printers", 2, 2, 2, 2, 2);
	row(SK_BREAKDOWN_CATEGORY, 2, "Software", 2, 2, 2, 0, 2);
	/* Delft: A1 A3 B1 B3; Leiden: A2 B2 B5. */
	assert_int_equal(R->breakdown->dims[SK_BREAKDOWN_LOCATION].n, 2);
	row(SK_BREAKDOWN_LOCATION, 0, "Delft", 4, 4, 4, 3, 4);
	row(SK_BREAKDOWN_LOCATION, 1, "Leiden", 3, 1, 3, 0, 3);
}

/* Each dimension adds up to the priority table (all types together). */
static void test_totals_equal_priority_table(void **state)
{
	long tickets = 0, rn = 0, vn = 0;

	(void)state;
	for (size_t i = 0; i < R->n_prio; i++)
		if (R->prio[i].type < 0) {
			tickets += R->prio[i].tickets;
			rn += R->prio[i].response_n;
			vn += R->prio[i].resolution_n;
		}
	assert_int_equal(tickets, 7);
	for (int dim = 0; dim < SK_BREAKDOWN_DIMS; dim++) {
		const struct sk_breakdown_table *t = &R->breakdown->dims[dim];
		long a = 0, b = 0, c = 0;

		for (size_t i = 0; i < t->n; i++) {
			a += t->rows[i].tickets;
			b += t->rows[i].response_n;
			c += t->rows[i].resolution_n;
		}
		assert_int_equal(a, tickets);
		assert_int_equal(b, rn);
		assert_int_equal(c, vn);
	}
}

/*
 * Open at 2027-03-01 00:00, age since registration in business time:
 *   B5 P1: Thu 25 09-17 8 h + Fri 26 9 h = 17 h = 1.9 werkdagen -> 1 to 5
 *   B3 P2: Mon 1 8 h + 19 weekdays x 9 h = 179 h = 19.9 werkdagen -> 5 to 20
 *   B4 P2: Fri 26 16-17 1 h -> under 1
 *   C1 P2: Mon 4 Jan 8 h + 19 weekdays of January + 20 of February = 8 + 351 = 359 h -> 20 up
 */
static void test_backlog(void **state)
{
	const struct sk_report_breakdown *b = R->breakdown;
	const struct sk_breakdown_prio *p1 = &b->prio[0], *p2 = &b->prio[1];

	(void)state;
	assert_int_equal(b->backlog_at, R->period.end);
	assert_false(b->backlog_at_horizon);
	assert_int_equal(p1->day, 9 * H);
	assert_int_equal(p1->open, 1);
	assert_int_equal(p1->age[SK_AGE_UNDER_1], 0);
	assert_int_equal(p1->age[SK_AGE_1_5], 1);
	assert_int_equal(p1->oldest, 17 * H);
	assert_int_equal(p2->open, 3);
	assert_int_equal(p2->age[SK_AGE_UNDER_1], 1);
	assert_int_equal(p2->age[SK_AGE_1_5], 0);
	assert_int_equal(p2->age[SK_AGE_5_20], 1);
	assert_int_equal(p2->age[SK_AGE_20_UP], 1);
	assert_int_equal(p2->oldest, 359 * H);
	/* The priority table's open column counts the same tickets. */
	for (size_t i = 0; i < R->n_prio; i++)
		if (R->prio[i].type < 0)
			assert_int_equal(R->prio[i].open, b->prio[R->prio[i].priority].open);
}

/*
 * Resolution clocks decided in February: P1 A1 A2 A3 B5 (A2 paused 1 h):
 * total 3600, mean 3600 / 4 = 900; P2 B1 B2 B3 (B1 paused 2 h): 7200 / 3 = 2400.
 */
static void test_paused(void **state)
{
	const struct sk_breakdown_prio *p1 = &R->breakdown->prio[0], *p2 = &R->breakdown->prio[1];

	(void)state;
	assert_int_equal(p1->paused_n, 4);
	assert_int_equal(p1->paused_tickets, 1);
	assert_int_equal(p1->paused_total, H);
	assert_int_equal(p1->paused_mean, 900);
	assert_int_equal(p2->paused_n, 3);
	assert_int_equal(p2->paused_tickets, 1);
	assert_int_equal(p2->paused_total, 2 * H);
	assert_int_equal(p2->paused_mean, 2400);
}

/*
 * Clocks that stopped in February, nearest rank (median: rank ceil(n/2),
 * 90th percentile: rank ceil(0.9 n)):
 *   P1 response 600 1200 1800 5400 (A3 B5 A1 A2): mean 9000/4 = 2250, rank 2 = 1200, rank 4 = 5400
 *   P2 response 1800 3600 21600 (B3 B1 B2): mean 27000/3 = 9000, rank 2 = 3600, rank 3 = 21600
 *   P1 resolution 3600 10800 18000 (A3 A1 A2): mean 10800, rank 2 = 10800, rank 3 = 18000
 *   P2 resolution 36000 97200 (B1 B2): mean 133200/2 = 66600, rank 1 = 36000, rank 2 = 97200
 */
static void test_times(void **state)
{
	const struct sk_breakdown_prio *p1 = &R->breakdown->prio[0], *p2 = &R->breakdown->prio[1];

	(void)state;
	assert_int_equal(p1->response_n, 4);
	assert_int_equal(p1->response_mean, 2250);
	assert_int_equal(p1->response_median, 1200);
	assert_int_equal(p1->response_p90, 5400);
	assert_int_equal(p2->response_n, 3);
	assert_int_equal(p2->response_mean, 9000);
	assert_int_equal(p2->response_median, 3600);
	assert_int_equal(p2->response_p90, 21600);
	assert_int_equal(p1->resolution_n, 3);
	assert_int_equal(p1->resolution_mean, 10800);
	assert_int_equal(p1->resolution_median, 10800);
	assert_int_equal(p1->resolution_p90, 18000);
	assert_int_equal(p2->resolution_n, 2);
	assert_int_equal(p2->resolution_mean, 66600);
	assert_int_equal(p2->resolution_median, 36000);
	assert_int_equal(p2->resolution_p90, 97200);
	/* The resolution mean is the priority table's MTTR. */
	for (size_t i = 0; i < R->n_prio; i++)
		if (R->prio[i].type < 0)
			assert_int_equal(R->prio[i].mttr,
					 R->breakdown->prio[R->prio[i].priority].resolution_mean);
}

/* The text report shows the group table with the figures above, in Dutch. */
static void test_text(void **state)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	struct sk_diag d;

	(void)state;
	assert_non_null(fp);
	assert_int_equal(sk_report_write(R, SK_REPORT_TEXT, "nl", fp, &d), SK_OK);
	fclose(fp);
	assert_non_null(strstr(buf, "Naleving per behandelgroep\n"));
	assert_non_null(strstr(buf, "  Netwerkbeheer                                   3        "
				    "2/3 66,7 %        1/3 33,3 %\n"));
	assert_non_null(strstr(buf, "  (geen behandelgroep)                            1       "
				    "1/1 100,0 %       1/1 100,0 %\n"));
	assert_non_null(strstr(buf, "  P2 Normaal                3        1        0         1"
				    "           1    359:00\n"));
	assert_non_null(strstr(buf, "  P1 Hoog              reactie          4       0:37       "
				    "0:20            1:30\n"));
	free(buf);
}

/*
 * A version 4 database (no assignment_group column), read as it is: the
 * report has no resolver groups and says so; the other breakdowns stand.
 */
static void test_version_4_read_as_is(void **state)
{
	struct sk_db *db = NULL;
	struct sk_report *r = NULL;
	struct sk_import_opts o;
	struct sk_import_result res;
	struct sk_period p;
	struct sk_diag d;
	char path[1100];

	(void)state;
	snprintf(path, sizeof(path), "%s/v4.db", dir);
	assert_int_equal(sk_db_open(path, SK_DB_CREATE, &db, &d), SK_OK);
	sk_import_opts_init(&o);
	assert_int_equal(sk_import_file(db, C, data("tickets.csv"), "tickets.csv", &o, &res, &d),
			 SK_OK);
	assert_int_equal(sqlite3_exec(sk_db_handle(db), "ALTER TABLE tickets DROP COLUMN "
				      "assignment_group; ALTER TABLE ticket_history DROP COLUMN "
				      "assignment_group; PRAGMA user_version = 4", NULL, NULL, NULL),
			 SQLITE_OK);
	sk_db_close(db);
	assert_int_equal(sk_db_open(path, SK_DB_READONLY, &db, &d), SK_OK);
	assert_int_equal(sk_period_parse("2027-02", C->tz, &p, &d), SK_OK);
	if (sk_report_gather(db, C, &p, NULL, &r, &d) != SK_OK)
		fail_msg("gather: %s", d.msg);
	assert_false(r->breakdown->dims[SK_BREAKDOWN_GROUP].recorded);
	/* A1 A2 A3 B1 B2 B3 decided, all without a group. */
	assert_int_equal(r->breakdown->dims[SK_BREAKDOWN_GROUP].n, 1);
	assert_int_equal(r->breakdown->dims[SK_BREAKDOWN_GROUP].rows[0].tickets, 6);
	assert_int_equal(r->breakdown->dims[SK_BREAKDOWN_CATEGORY].rows[0].tickets, 3);
	sk_report_free(r);
	sk_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_per_group),
		cmocka_unit_test(test_per_category_and_location),
		cmocka_unit_test(test_totals_equal_priority_table),
		cmocka_unit_test(test_backlog),
		cmocka_unit_test(test_paused),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_version_4_read_as_is),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
