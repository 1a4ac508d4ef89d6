/* What the library keeps to itself about a connection (db.c). */
#ifndef SLAKIT_DB_PRIV_H
#define SLAKIT_DB_PRIV_H

#include "slakit/db.h"

/*
 * Work another thread still does on the database after a call returned (the
 * store's checkpoint, results_store.c): settle(arg) waits for it and frees
 * it. db_settle() runs it now, sk_db_close() before closing; at most one
 * is pending, and a new one settles the old first.
 */
void db_defer(struct sk_db *db, void (*settle)(void *), void *arg);
void db_settle(struct sk_db *db);

#endif
