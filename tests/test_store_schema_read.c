/*
 * Reading what the schema has (a table, a column) must not answer "no" when
 * the read itself fails: store_has_handovers() out of memory is an error, not
 * "no hand-overs" (which would drop every supplier pause silently). SQLite's
 * hard heap limit makes its allocations fail on a sound database.
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
#include <sqlite3.h>

#include "slakit.h"
#include "store/store.h"

static char dir[] = "/tmp/sk_test_schema_read_XXXXXX";

static enum sk_err count_handover(void *arg, const struct store_handover *h)
{
	(void)h;
	++*(int *)arg;
	return SK_OK;
}

static void test_has_handovers_fails_out_of_memory(void **state)
{
	char path[256];
	struct sk_db *db;
	struct sk_diag d;
	int has = -1, n = 0;
	enum sk_err rc;

	(void)state;
	snprintf(path, sizeof(path), "%s/t.db", dir);
	assert_int_equal(sk_db_open(path, SK_DB_CREATE, &db, &d), SK_OK);
	/* A database of the current schema has the handovers table. */
	assert_int_equal(store_has_handovers(db, &has, &d), SK_OK);
	assert_int_equal(has, 1);

	/* No memory for SQLite: an error, never "none". */
	sqlite3_hard_heap_limit64(1);
	has = -1;
	memset(&d, 0, sizeof(d));
	rc = store_has_handovers(db, &has, &d);
	sqlite3_hard_heap_limit64(0);
	assert_int_not_equal(rc, SK_OK);
	assert_int_not_equal(has, 1);
	assert_true(d.msg[0] != '\0');

	/* Its readers pass the error on rather than reading nothing. */
	sqlite3_hard_heap_limit64(1);
	rc = store_handovers(db, NULL, count_handover, &n, &d);
	sqlite3_hard_heap_limit64(0);
	assert_int_not_equal(rc, SK_OK);

	/* Memory back: the same answers as before. */
	assert_int_equal(store_has_handovers(db, &has, &d), SK_OK);
	assert_int_equal(has, 1);
	assert_int_equal(store_handovers(db, NULL, count_handover, &n, &d), SK_OK);
	assert_int_equal(n, 0);
	sk_db_close(db);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_has_handovers_fails_out_of_memory),
	};
	int rc;

	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(dir);
	return rc;
}
