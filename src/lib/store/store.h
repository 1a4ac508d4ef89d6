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

/* --- import_*.c: what an import writes (import/ speaks SQL only through these) --- */

/* Here rather than at the top, so that this section stays one block. */
#include "slakit/import.h"
#include "slakit/tz.h"

/* A column's value as an import hands it over: NULL, an integer (a time in
 * UTC seconds, a yes/no, micro-units) or text. A zeroed value is NULL. */
enum store_type { STORE_NULL, STORE_INT, STORE_TEXT };

struct store_val {
	enum store_type type;
	long long i;                  /* STORE_INT */
	const char *s;                /* STORE_TEXT */
};

/* The tables an import writes rows of, each keyed by its first columns. */
enum store_table {
	STORE_TICKETS,                /* key: id; an update keeps the old version in ticket_history */
	STORE_EVENTS,                 /* key: ticket_id, at, status */
	STORE_PAUSES,                 /* key: ticket_id, start_at */
	STORE_CALLS,                  /* key: call_id */
	STORE_OUTAGES,                /* key: service, start_at */
	STORE_KPI,                    /* key: period, kpi */
	STORE_TABLES
};

/* The columns of each table, in the order a row's values come. */
enum { TC_ID, TC_TYPE, TC_PRIORITY, TC_LEVEL, TC_RAW, TC_IMPACT, TC_URGENCY,
       TC_REPORTED, TC_RESPONDED, TC_RESOLVED, TC_CLOSED, TC_PRODUCTIVE,
       TC_ESCALATED, TC_ONSITE, TC_RCA, TC_PLANNED, TC_CATEGORY, TC_LOCATION,
       TC_CHANNEL, TC_FCR, TC_UPLIFT, TC_UPLIFT_REASON, TC_CHANGE_TYPE, TC_CAB,
       TC_FAILED, TC_STATUS, TC_EXTRA, TC_COUNT };
enum { EC_TICKET_ID, EC_AT, EC_STATUS, EC_PAUSE, EC_MEANING, EC_EXTRA, EC_COUNT };
enum { PC_TICKET_ID, PC_START, PC_END, PC_REASON, PC_COUNT };
enum { CC_CALL_ID, CC_STARTED, CC_WAIT, CC_ANSWERED, CC_QUEUE, CC_EXTRA, CC_COUNT };
enum { OC_SERVICE, OC_START, OC_END, OC_PLANNED, OC_ANNOUNCED, OC_DESCRIPTION, OC_EXTRA,
       OC_COUNT };
enum { KC_PERIOD, KC_KPI, KC_VALUE, KC_VALUE_MICRO, KC_NOTE, KC_COUNT };

/* The writing of one import: its statements, prepared once and reused for
 * every row. Opaque; the import owns it. */
struct store_import;

/*
 * Start writing an import into @db, inside the transaction the caller began
 * (sk_db_begin(); a failed import rolls it back, so nothing here outlives
 * it). *out is freed by store_import_close().
 */
enum sk_err store_import_open(struct sk_db *db, struct store_import **out, struct sk_diag *d);

/* Finalize the statements and free @si (NULL is accepted); the transaction
 * is the caller's to commit or roll back. */
void store_import_close(struct store_import *si);

/* The imports row an import starts with (NULL text: NULL). */
struct store_import_log {
	const char *file, *kind, *profile, *map_file, *map_sha256, *contract_sha256;
	const char *time_zone, *encoding, *delimiter, *tool_version;
	int skip_bad;
	sk_time started;
};

/* Insert the imports row (counts 0, finished = started); its id in *id, and
 * the id every row stored through @si is marked with. */
enum sk_err store_import_log_start(struct store_import *si, const struct store_import_log *log,
				   long long *id, struct sk_diag *d);

/* Put the file's hash and size, the counts of @r and @finished in the row. */
enum sk_err store_import_log_finish(struct store_import *si, const struct sk_import_result *r,
				    int64_t bytes, sk_time finished, struct sk_diag *d);

/* What store_row_put() did with a row. */
enum store_put { STORE_INSERTED, STORE_UPDATED, STORE_UNCHANGED, STORE_DUPLICATE };

/*
 * Store row @v of table @t (its columns' values in order) from line @line:
 * insert it; when its key is stored already, update it if another column
 * differs, or leave it. With @key, the row must not repeat in this file: a
 * second row with that key is STORE_DUPLICATE and *first the line of the
 * first. With @tried, store_rows_insert_many() tried the row's insert
 * already: only what it left is done.
 */
enum sk_err store_row_put(struct store_import *si, enum store_table t, const struct store_val *v,
			  long line, const char *key, int tried, enum store_put *did, long *first,
			  struct sk_diag *d);

/* Insert row @v of @t from @line unless its key is stored; *added: 1 when new. */
enum sk_err store_row_add(struct store_import *si, enum store_table t, const struct store_val *v,
			  long line, int *added, struct sk_diag *d);

/* Rows store_rows_insert_many() inserts in one statement. */
#define STORE_INSERT_MANY 64

/* Insert STORE_INSERT_MANY rows of @t (values rows[k], line lines[k]) in one
 * statement, each unless its key is stored. *all: 1 when every row was new;
 * else the rows go again one by one through store_row_put(tried = 1). */
enum sk_err store_rows_insert_many(struct store_import *si, enum store_table t,
				   const struct store_val *const rows[STORE_INSERT_MANY],
				   const long lines[STORE_INSERT_MANY], int *all, struct sk_diag *d);

/*
 * An event log's tickets, staged in a temporary table until the end: stage
 * the ticket fields @v of a row at time @at from @line (the latest row of a
 * ticket gives its fields; the first line stays).
 */
enum sk_err store_stage_put(struct store_import *si, const struct store_val v[TC_COUNT], sk_time at,
			    long line, struct sk_diag *d);

/* Call @fn for each staged ticket in the order of its first line; @v is
 * @fn's to change, its text valid during the call. A non-zero return ends
 * the walk with it. */
enum sk_err store_stage_each(struct store_import *si,
			     enum sk_err (*fn)(void *ctx, struct store_val v[TC_COUNT], long first_line,
					       struct sk_diag *d),
			     void *ctx, struct sk_diag *d);

/* Call @fn for each stored status event of ticket @id, by time then arrival
 * (@status and @meaning, NULL: none, valid during the call). */
enum sk_err store_ticket_events(struct store_import *si, const struct store_val *id,
				void (*fn)(void *ctx, sk_time at, const char *status,
					   const char *meaning),
				void *ctx, struct sk_diag *d);

#endif
