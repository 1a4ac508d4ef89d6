/**
 * @file db.h
 * @brief The slakit database: one SQLite file every tool reads.
 *
 * The schema is versioned with `PRAGMA user_version` (::SK_DB_SCHEMA_VERSION).
 * Opening a database made by an older slakit upgrades it in one transaction
 * (the migration steps live in schema.c); a database made by a newer slakit
 * is refused, never changed. The tables, one line each (the full text with a
 * comment per column is in the database itself: `sqlite3 DB .schema`):
 *
 *  - `imports`: one row per imported file: name, SHA-256, kind, profile, row
 *    counts (read, inserted, updated, unchanged, rejected), DST gap and fold
 *    counts, start and finish time, tool version.
 *  - `tickets`: one row per ticket id, as the last import wrote it; every
 *    time is INTEGER seconds since 1970-01-01 UTC; `priority` is the contract's
 *    priority id ("P1"), `priority_raw` the export's word.
 *  - `ticket_history`: earlier versions of a ticket, kept when a newer export
 *    changed it (`changed` lists the columns), with the import that did so.
 *  - `ticket_events`: status history (ticket_id, at, status, pause, meaning).
 *  - `pauses`: explicit pause intervals (ticket_id, start_at, end_at).
 *  - `calls`: phone platform log for reachability.
 *  - `outages`: service outages for availability (planned or not).
 *  - `kpi_measurements`: values measured outside the ticket system.
 *
 * Concurrency: the database runs in WAL mode; a writer takes the write lock
 * at the start of its transaction (BEGIN IMMEDIATE) and waits up to the busy
 * timeout for another writer, then fails with SK_ERR_DB ("database is
 * locked"), so two imports at once never interleave.
 *
 * Ownership: sk_db_open() allocates; sk_db_close() frees (NULL is accepted).
 */
#ifndef SLAKIT_DB_H
#define SLAKIT_DB_H

#include <sqlite3.h>

#include "slakit/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; its public API is not. */
#pragma GCC visibility push(default)

/** The schema version this slakit writes and reads. */
#define SK_DB_SCHEMA_VERSION 5

/**
 * The oldest schema version opened read-only as it is: the versions after it
 * only dropped indexes and added columns that reading does without, so
 * sla-score and sla-report read such a database without waiting for an
 * sla-import to upgrade it.
 */
#define SK_DB_SCHEMA_READABLE 2

/** Default time a writer waits for another writer, in milliseconds. */
#define SK_DB_BUSY_TIMEOUT_MS 30000

/** Flags for sk_db_open(). */
enum sk_db_flags {
	SK_DB_READONLY = 1, /**< open for reading only; never creates or upgrades */
	SK_DB_CREATE = 2    /**< create the file and the schema when missing */
};

/** An open slakit database. Opaque. */
struct sk_db;

/**
 * Open the database @p path. With SK_DB_CREATE a missing file is created
 * with the current schema; an older schema is upgraded (unless read-only);
 * a newer schema, a file that is not SQLite, or an SQLite file that is not a
 * slakit database are refused with SK_ERR_DB and a reason in @p d.
 */
enum sk_err sk_db_open(const char *path, int flags, struct sk_db **out,
		       struct sk_diag *d);

/** Close; NULL is accepted. An open transaction is rolled back. */
void sk_db_close(struct sk_db *db);

/** The SQLite handle, for tools that run their own queries. */
sqlite3 *sk_db_handle(struct sk_db *db);

/** The file name the database was opened with. */
const char *sk_db_path(const struct sk_db *db);

/**
 * Whether the database may be used with the contract whose `[contract] id`
 * is @p contract_id. A database belongs to the contract of its first import
 * (recorded with every import): another contract's id is refused with
 * SK_ERR_USAGE and a message naming both, so one customer's tickets never
 * enter another's figures. A database without imports (or made before
 * schema version 4) belongs to none yet and is accepted.
 */
enum sk_err sk_db_check_contract(struct sk_db *db, const char *contract_id, struct sk_diag *d);

/** Change how long a writer waits for another one (milliseconds). */
void sk_db_set_busy_timeout(struct sk_db *db, int ms);

/** Start a write transaction (waits for other writers up to the timeout). */
enum sk_err sk_db_begin(struct sk_db *db, struct sk_diag *d);

/** Commit the transaction begun by sk_db_begin(). */
enum sk_err sk_db_commit(struct sk_db *db, struct sk_diag *d);

/** Roll back the open transaction, if any (never fails). */
void sk_db_rollback(struct sk_db *db);

/** Run one or more SQL statements without results. */
enum sk_err sk_db_exec(struct sk_db *db, const char *sql, struct sk_diag *d);

/** Prepare @p sql into @p st (finalize with sqlite3_finalize()). */
enum sk_err sk_db_prepare(struct sk_db *db, const char *sql, sqlite3_stmt **st,
			  struct sk_diag *d);

/**
 * Fill @p d from the handle's last error (@p what says what was being done)
 * and return SK_ERR_DB. A busy or locked database gets a message that says so.
 */
enum sk_err sk_db_fail(struct sk_db *db, const char *what, struct sk_diag *d);

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif
#endif
