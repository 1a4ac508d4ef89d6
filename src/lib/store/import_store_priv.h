/* Inside the store's side of an import (import_*.c of store/). */
#ifndef SLAKIT_STORE_IMPORT_STORE_PRIV_H
#define SLAKIT_STORE_IMPORT_STORE_PRIV_H

#include <sqlite3.h>

#include "store.h"

/* A table an import writes: its columns (named once, by the enums in
 * store.h) and how its rows are keyed. */
struct store_import_table {
	const char *name;
	const char *what;             /* in messages: "insert ticket" */
	const char *const *cols;
	int ncols, nkey;              /* keyed by cols[0 .. nkey) */
	const char *seq;              /* a column a new row gets import id * 2^32 + line
				       * in: the order of arrival (NULL: the rowid keeps it) */
	const char *history;          /* a table an updated row's old version goes to */
	int updated;                  /* the column of a row's own update time, -1: none */
};

extern const struct store_import_table store_import_tables[STORE_TABLES];

/* The order of arrival of a row (see store_import_table.seq). */
#define STORE_SEQ(import_id, line) ((long long)(import_id) * 4294967296LL + (long long)(line))

/* A table's statements, prepared the first time a row of it comes. */
struct store_import_stmts {
	sqlite3_stmt *ins;            /* insert one row unless its key is stored */
	sqlite3_stmt *sel;            /* the stored row: other columns, import_id, line,
				       * its import's horizon */
	sqlite3_stmt *upd;            /* set the other columns, import_id, line */
	sqlite3_stmt *hist;           /* copy the stored row to the history table */
	sqlite3_stmt *many;           /* insert STORE_INSERT_MANY rows */
};

struct store_import {
	struct sk_db *db;
	sqlite3 *h;
	long long import_id;
	int has_horizon;              /* this import's horizon (store_import_log.horizon) */
	sk_time horizon;
	sqlite3_stmt *seen;           /* look a key up in temp.seen */
	sqlite3_stmt *seen_add;       /* add a key to temp.seen */
	struct store_import_stmts st[STORE_TABLES];
	sqlite3_stmt *stage;          /* event log: stage a ticket's fields */
	sqlite3_stmt *events;         /* event log: a ticket's status history */
	char changed[1024];           /* the columns an update changes, for the history */
};

/* Prepare the statements of table @t (once; import_tables.c). */
enum sk_err store_import_prepare(struct store_import *si, enum store_table t, struct sk_diag *d);

/* Prepare st[t].many (import_tables.c). */
enum sk_err store_import_prepare_many(struct store_import *si, enum store_table t,
				      struct sk_diag *d);

/* Bind @v as parameter @i of @st. */
void store_import_bind(sqlite3_stmt *st, int i, const struct store_val *v);

/* sk_db_fail() saying "@verb @what" (e.g. "insert ticket"). */
enum sk_err store_import_fail(struct store_import *si, const char *verb, const char *what,
			struct sk_diag *d);

#endif
