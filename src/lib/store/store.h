/*
 * store: every SQL statement of the library, behind functions that speak in
 * the library's types (src/lib/README). Not public API.
 */
#ifndef SLAKIT_STORE_STORE_H
#define SLAKIT_STORE_STORE_H

#include "base/base.h"
#include "slakit/db.h"
#include "slakit/results.h"

/* --- results_store.c: a period's verdicts stored beside their computation --- */

/* A store of one period's verdicts running on a thread of its own. */
struct store_results;

/*
 * Open a second connection to @db's file and start a thread that stores the
 * verdicts handed to store_results_feed() in one transaction. Not an error
 * to report when it fails (an in-memory database, no thread): the caller then
 * computes and calls sk_results_store().
 */
enum sk_err store_results_start(struct sk_db *db, const struct sk_contract *c, const char *period,
				struct store_results **out);

/* The feed the computation hands its verdicts to. */
struct results_feed *store_results_feed(struct store_results *s);

/*
 * Say the verdicts @r are all there (@ok) or will not come, wait for the
 * commit or rollback and hand the rest of the thread's work to @db (closing
 * @db waits for it). @s is freed then; @d filled when the store failed.
 */
enum sk_err store_results_finish(struct sk_db *db, struct store_results *s,
				 const struct sk_results *r, int ok, struct sk_diag *d);

#endif
