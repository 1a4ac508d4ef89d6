/*
 * Read transactions: a savepoint outside any transaction starts a deferred
 * one, so the queries of a score or a report read one snapshot of a WAL
 * database while imports commit beside them.
 */
#include <stdio.h>

#include "store.h"

/* "SAVEPOINT name" or "RELEASE name"; the name is the caller's identifier. */
static const char *statement(char *buf, size_t size, const char *verb, const char *name)
{
	snprintf(buf, size, "%s %s", verb, name);
	return buf;
}

enum sk_err store_read_begin(struct sk_db *db, const char *name, struct sk_diag *d)
{
	char sql[96];

	return sk_db_exec(db, statement(sql, sizeof(sql), "SAVEPOINT", name), d);
}

void store_read_end(struct sk_db *db, const char *name)
{
	char sql[96];

	/* A read has nothing to lose: a failed release is not worth a message. */
	sk_db_exec(db, statement(sql, sizeof(sql), "RELEASE", name), NULL);
}
