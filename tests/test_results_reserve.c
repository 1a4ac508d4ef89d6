/*
 * A period computed with its store beside it when the room for every ticket
 * of the database cannot be had (results.c, reserve_all()): the array then
 * grows as the verdicts come and the store gets them all at the end. Linked
 * with -Wl,--wrap=malloc, so the library's large allocations can be refused
 * on purpose; the verdicts, the stored rows and the CSV must not change.
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

#define TICKETS 2000

/* Allocations of fail_from bytes or more fail (0: none), counted in refused. */
static size_t fail_from;
static int refused;

void *__real_malloc(size_t size);
void *__wrap_malloc(size_t size);

void *__wrap_malloc(size_t size)
{
	if (fail_from && size >= fail_from) {
		refused++;
		return NULL;
	}
	return __real_malloc(size);
}

static struct sk_contract *C;
static char path[64];

static void insert_tickets(struct sk_db *db)
{
	static const char *const prio[] = { "P1", "P2", "P3", "P4" };
	sqlite3_stmt *st = NULL;
	struct sk_diag d;
	sk_time jan;
	uint32_t s = 2027;

	assert_int_equal(sk_time_parse("2027-01-01 00:00", C->tz, &jan, NULL, NULL), SK_OK);
	assert_int_equal(sk_db_exec(db, "BEGIN", NULL), SK_OK);
	assert_int_equal(sk_db_prepare(db, "INSERT INTO tickets (id, type, priority, priority_level,"
				       " priority_raw, channel, reported_at, responded_at, resolved_at,"
				       " import_id) VALUES (?1, 'incident', ?2, ?3, ?2, 'phone', ?4, ?5,"
				       " ?6, 1)", &st, &d), SK_OK);
	for (int i = 0; i < TICKETS; i++) {
		char id[16];
		sk_time at;

		s = s * 1103515245u + 12345u;
		at = jan + (sk_time)(s % (31u * 86400u));
		snprintf(id, sizeof(id), "T-%05d", i);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, prio[i % 4], -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, i % 4 + 1);
		sqlite3_bind_int64(st, 4, at);
		sqlite3_bind_int64(st, 5, at + 600 + (sk_time)(s % 18000u));
		/* Every seventh still open at the end of January. */
		if (i % 7)
			sqlite3_bind_int64(st, 6, at + 3600 + (sk_time)(s % 216000u));
		else
			sqlite3_bind_null(st, 6);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	}
	sqlite3_finalize(st);
	assert_int_equal(sk_db_exec(db, "COMMIT", NULL), SK_OK);
}

static int setup(void **state)
{
	char file[1024];
	struct sk_diag d;
	struct sk_db *db = NULL;
	const char *data = getenv("SK_TESTDATA");
	int fd;

	(void)state;
	snprintf(file, sizeof(file), "%s/compute/contract.ini", data ? data : "data");
	if (sk_contract_load(file, &C, &d) != SK_OK)
		return -1;
	snprintf(path, sizeof(path), "/tmp/sk-reserve-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	close(fd);
	unlink(path);
	if (sk_db_open(path, SK_DB_CREATE, &db, &d) != SK_OK)
		return -1;
	/* Rows without an import: this test is about the verdicts' array. */
	sk_db_exec(db, "PRAGMA foreign_keys = OFF", NULL);
	insert_tickets(db);
	sk_db_close(db);
	return 0;
}

static int teardown(void **state)
{
	char side[80];

	(void)state;
	sk_contract_free(C);
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
	return 0;
}

/* Compute and store January; its CSV in *csv (malloc'd) and the rows stored. */
static size_t compute_store(char **csv, long *stored)
{
	struct sk_db *db = NULL;
	struct sk_results *r = NULL;
	struct sk_period p;
	struct sk_diag d;
	sqlite3_stmt *st = NULL;
	size_t len = 0, n;
	FILE *fp;

	assert_int_equal(sk_period_parse("2027-01", C->tz, &p, &d), SK_OK);
	assert_int_equal(sk_db_open(path, 0, &db, &d), SK_OK);
	assert_int_equal(sk_results_compute_store(db, C, &p, &r, &d), SK_OK);
	assert_non_null(fp = open_memstream(csv, &len));
	assert_int_equal(sk_results_write(r, SK_FORMAT_CSV, 0, fp), SK_OK);
	fclose(fp);
	n = r->n;
	sk_results_free(r);
	sk_db_close(db); /* waits for the store's thread */
	assert_int_equal(sk_db_open(path, SK_DB_READONLY, &db, &d), SK_OK);
	assert_int_equal(sk_db_prepare(db, "SELECT count(*) FROM ticket_results t JOIN result_runs r"
				       " ON r.id = t.run_id WHERE r.period = '2027-01'", &st, &d), SK_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	*stored = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sk_db_close(db);
	return n;
}

static void test_without_the_reservation(void **state)
{
	char *reserved_csv = NULL, *grown_csv = NULL;
	long reserved_rows = 0, grown_rows = 0;
	size_t reserved, grown;

	(void)state;
	fail_from = 0;
	reserved = compute_store(&reserved_csv, &reserved_rows);
	assert_true(reserved > TICKETS / 2);
	assert_int_equal(reserved_rows, (long)reserved);

	/* The reservation is TICKETS verdicts; nothing else asks for that much. */
	fail_from = TICKETS * sizeof(struct sk_result);
	refused = 0;
	grown = compute_store(&grown_csv, &grown_rows);
	fail_from = 0;
	assert_true(refused > 0);
	assert_int_equal(grown, reserved);
	assert_int_equal(grown_rows, reserved_rows);
	assert_string_equal(grown_csv, reserved_csv);
	free(reserved_csv);
	free(grown_csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_without_the_reservation),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
