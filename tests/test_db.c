/* The database: schema version, refusals, and a second writer that must wait. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/schema.h"
#include "slakit/db.h"

static char dir[] = "/tmp/sk_test_db_XXXXXX";

static const char *db_path(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static long long q(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void test_create(void **state)
{
	struct sk_db *db = NULL;
	struct sk_diag d;

	(void)state;
	assert_int_equal(sk_db_open(db_path("new.db"), SK_DB_CREATE, &db, &d), SK_OK);
	assert_int_equal(q(sk_db_handle(db), "PRAGMA user_version"), SK_DB_SCHEMA_VERSION);
	assert_int_equal(q(sk_db_handle(db), "SELECT count(*) FROM sqlite_master WHERE type = "
			   "'table' AND name IN ('imports','tickets','ticket_history','ticket_events',"
			   "'pauses','calls','outages','kpi_measurements')"), 8);
	sk_db_close(db);
	/* Opening again neither fails nor changes the version. */
	assert_int_equal(sk_db_open(db_path("new.db"), 0, &db, &d), SK_OK);
	assert_int_equal(q(sk_db_handle(db), "PRAGMA user_version"), SK_DB_SCHEMA_VERSION);
	sk_db_close(db);
}

static void expect_refused(const char *name, int flags, const char *msg)
{
	struct sk_db *db = NULL;
	struct sk_diag d;

	sk_diag_clear(&d);
	assert_int_equal(sk_db_open(db_path(name), flags, &db, &d), SK_ERR_DB);
	assert_null(db);
	assert_string_equal(d.msg, msg);
}

static void test_refusals(void **state)
{
	sqlite3 *h;
	FILE *fp;
	char msg[200];

	(void)state;
	assert_int_equal(sqlite3_open(db_path("newer.db"), &h), SQLITE_OK);
	sqlite3_exec(h, "CREATE TABLE x(a); PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(h);
	snprintf(msg, sizeof(msg), "database schema version 99 is newer than this slakit "
		 "understands (%d): use a newer slakit", SK_DB_SCHEMA_VERSION);
	expect_refused("newer.db", SK_DB_CREATE, msg);

	assert_int_equal(sqlite3_open(db_path("other.db"), &h), SQLITE_OK);
	sqlite3_exec(h, "CREATE TABLE x(a)", NULL, NULL, NULL);
	sqlite3_close(h);
	expect_refused("other.db", SK_DB_CREATE, "not a slakit database (it has tables but no "
		       "slakit schema version)");

	fp = fopen(db_path("text.db"), "w");
	assert_non_null(fp);
	fputs("id,priority\nthis is a CSV file, not a database, but long enough to look at\n", fp);
	fclose(fp);
	expect_refused("text.db", SK_DB_CREATE, "not an SQLite database");

	assert_int_equal(sqlite3_open(db_path("empty.db"), &h), SQLITE_OK);
	sqlite3_close(h);
	expect_refused("empty.db", SK_DB_READONLY, "empty database: nothing imported yet");
}

/* A version 1 database (as the first slakit made it) is upgraded in place,
 * its rows kept; read-only, it is refused with a reason. */
static void test_upgrade_from_1(void **state)
{
	struct sk_db *db = NULL;
	struct sk_diag d;
	sqlite3 *h;

	(void)state;
	assert_int_equal(sqlite3_open(db_path("v1.db"), &h), SQLITE_OK);
	for (const char *const *st = schema_step(0); *st; st++)
		assert_int_equal(sqlite3_exec(h, *st, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 1; INSERT INTO imports VALUES "
				      "(1,'f','',0,'events','generic',NULL,NULL,'','UTC','utf-8',"
				      "',',0,1,1,0,0,0,0,0,0,0,0,0,0,'0.1.0'); INSERT INTO "
				      "ticket_events VALUES (1,'T1',0,'Nieuw',0,NULL,NULL,1,2)",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	expect_refused("v1.db", SK_DB_READONLY, SK_DB_SCHEMA_VERSION == 5 ?
		       "database schema version 1 is older than 5: run sla-import once to "
		       "upgrade it" : "(update this test)");
	assert_int_equal(sk_db_open(db_path("v1.db"), 0, &db, &d), SK_OK);
	h = sk_db_handle(db);
	assert_int_equal(q(h, "PRAGMA user_version"), SK_DB_SCHEMA_VERSION);
	assert_int_equal(q(h, "SELECT count(*) FROM sqlite_master WHERE name = "
			   "'ticket_events_ticket'"), 0);
	/* Version 3: tickets keep only the index on their reporting time. */
	assert_int_equal(q(h, "SELECT count(*) FROM sqlite_master WHERE name IN "
			   "('tickets_responded', 'tickets_resolved')"), 0);
	assert_int_equal(q(h, "SELECT count(*) FROM sqlite_master WHERE name = 'tickets_reported'"), 1);
	assert_int_equal(q(h, "SELECT count(*) FROM ticket_events WHERE id = 1 AND "
			   "ticket_id = 'T1' AND line = 2"), 1);
	/* Events live in their key's B-tree alone now. */
	assert_int_equal(q(h, "SELECT wr FROM pragma_table_list WHERE name = 'ticket_events'"), 1);
	sk_db_close(db);
}

/* A version 2 database is read as it is (version 3 only dropped two indexes)
 * and upgraded by the first writer. */
static void test_version_2_readable(void **state)
{
	struct sk_db *db = NULL;
	struct sk_diag d;
	sqlite3 *h;

	(void)state;
	assert_int_equal(sqlite3_open(db_path("v2.db"), &h), SQLITE_OK);
	for (int v = 0; v < 2; v++)
		for (const char *const *st = schema_step(v); *st; st++)
			assert_int_equal(sqlite3_exec(h, *st, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 2", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(sk_db_open(db_path("v2.db"), SK_DB_READONLY, &db, &d), SK_OK);
	assert_int_equal(q(sk_db_handle(db), "PRAGMA user_version"), 2);
	assert_int_equal(q(sk_db_handle(db), "SELECT count(*) FROM tickets"), 0);
	sk_db_close(db);
	assert_int_equal(sk_db_open(db_path("v2.db"), 0, &db, &d), SK_OK);
	assert_int_equal(q(sk_db_handle(db), "PRAGMA user_version"), SK_DB_SCHEMA_VERSION);
	assert_int_equal(q(sk_db_handle(db), "SELECT count(*) FROM sqlite_master WHERE name = "
			   "'tickets_resolved'"), 0);
	sk_db_close(db);
}

static void test_second_writer_waits_then_fails(void **state)
{
	struct sk_db *a = NULL, *b = NULL;
	struct sk_diag d;

	(void)state;
	assert_int_equal(sk_db_open(db_path("lock.db"), SK_DB_CREATE, &a, &d), SK_OK);
	assert_int_equal(sk_db_open(db_path("lock.db"), 0, &b, &d), SK_OK);
	assert_int_equal(sk_db_begin(a, &d), SK_OK);
	sk_db_set_busy_timeout(b, 200);
	assert_int_equal(sk_db_begin(b, &d), SK_ERR_DB);
	assert_string_equal(d.msg, "database is locked by another process (waited 0 s); "
			    "try again later");
	/* Once the first writer is done, the second gets its turn. */
	sk_db_rollback(a);
	assert_int_equal(sk_db_begin(b, &d), SK_OK);
	assert_int_equal(sk_db_commit(b, &d), SK_OK);
	sk_db_close(a);
	sk_db_close(b);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_upgrade_from_1),
		cmocka_unit_test(test_version_2_readable),
		cmocka_unit_test(test_second_writer_waits_then_fails),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
