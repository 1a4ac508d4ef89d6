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

/* --- read_tx.c, score_queries.c, report_queries.c: the score's and the report's reads --- */

/*
 * A read transaction named @name (an SQL identifier: "score_read"): every
 * query until store_read_end() sees the same state of the database, even when
 * an import commits meanwhile. They nest (a report's read holds the score's).
 */
enum sk_err store_read_begin(struct sk_db *db, const char *name, struct sk_diag *d);
void store_read_end(struct sk_db *db, const char *name);

/* A time column that is NULL, in the rows below that say so. */
#define STORE_NO_TIME INT64_MIN

/* The columns of one ticket the score's ticket-column KPIs look at. */
struct store_kpi_ticket {
	const char *id;                                    /* never NULL */
	sk_time reported;
	sk_time resolved, closed, escalated, rca;         /* STORE_NO_TIME: NULL */
	const char *type, *priority;                       /* never NULL */
	const char *change_type, *category;                /* NULL when NULL */
	int fcr, cab, failed;      /* first_contact_resolved, cab_approved, change_failed:
				      -1 NULL, else 1 when the column is 1 (SQL's `= 1`) */
};

/* Called for each row; a non-zero return stops the reading and is returned. */
typedef enum sk_err (*store_kpi_ticket_fn)(void *arg, const struct store_kpi_ticket *t,
					   struct sk_diag *d);

/*
 * Every ticket with a time that can count in [@start, @end): reported,
 * resolved (else closed), resolved or escalated in it, in one pass
 * over the tickets. The strings are valid during the call only.
 */
enum sk_err store_kpi_tickets(struct sk_db *db, sk_time start, sk_time end, store_kpi_ticket_fn fn,
			      void *arg, struct sk_diag *d);

/* Calls started in [@start, @end) (*n), and of those answered within @within_secs (*in). */
enum sk_err store_calls_count(struct sk_db *db, sk_time start, sk_time end, int64_t within_secs,
			      long *n, long *in, struct sk_diag *d);

/*
 * The measurement imported for period @label under the KPI's full id
 * ("domain.kpi", preferred) or its bare id; 1 when found, 0 when there is
 * none, -1 when it cannot be read.
 */
int store_kpi_measurement(struct sk_db *db, const char *label, const char *full_id,
			  const char *kpi_id, sk_dec *value);

/* One outage. */
struct store_outage {
	sk_time start, end;
	int planned;               /* the column as it is (0 when NULL) */
	sk_time announced;         /* STORE_NO_TIME: not announced */
};

typedef enum sk_err (*store_outage_fn)(void *arg, const struct store_outage *o);

/* The outages of @service (any case) that overlap [@start, @end), by start. */
enum sk_err store_outages(struct sk_db *db, const char *service, sk_time start, sk_time end,
			  store_outage_fn fn, void *arg, struct sk_diag *d);

/* A change or complaint ticket (report_gather_cases()); strings valid during the call. */
struct store_case {
	const char *id, *type, *priority;
	sk_time reported;
	sk_time resolved, closed, planned;        /* 0: NULL */
	const char *category, *location, *change_type, *title; /* NULL when none */
	int cab_approved, failed;                  /* -1: NULL */
};

typedef enum sk_err (*store_case_fn)(void *arg, const struct store_case *k);

/*
 * The change and complaint tickets active in [@start, @end): reported before
 * its end, not solved (resolved, else closed) before its start; by id.
 */
enum sk_err store_cases(struct sk_db *db, sk_time start, sk_time end, store_case_fn fn, void *arg,
			struct sk_diag *d);

/* Tickets escalated (handed over) in [@start, @end). */
enum sk_err store_count_escalated(struct sk_db *db, sk_time start, sk_time end, long *n,
				  struct sk_diag *d);

/* Tickets reported in a period, counted by a column. */
enum store_group {
	STORE_BY_LOCATION,         /* location ("" for none), most tickets first, ties by name */
	STORE_BY_CATEGORY,         /* category ("" for none), in the same order */
	STORE_BY_CATEGORY_ANY,     /* category ("" for none), in no order */
	STORE_TOP_INCIDENT_CATEGORIES /* the 3 incident categories (not empty) with most tickets */
};

typedef enum sk_err (*store_group_fn)(void *arg, const char *name, long n);

enum sk_err store_count_tickets_by(struct sk_db *db, enum store_group by, sk_time start,
				   sk_time end, store_group_fn fn, void *arg, struct sk_diag *d);

/* Ids of the tickets reported in [@start, @end); the id is valid during the call. */
enum sk_err store_tickets_reported(struct sk_db *db, sk_time start, sk_time end,
				   enum sk_err (*fn)(void *arg, const char *id), void *arg,
				   struct sk_diag *d);

/* Looking up tickets' import ids one by one, on one prepared statement. */
struct store_ticket_lookup;

enum sk_err store_ticket_lookup_open(struct sk_db *db, struct store_ticket_lookup **out,
				     struct sk_diag *d);

/* 1 and *import_id when ticket @id is there, 0 when it is not, -1 when the read fails. */
int store_ticket_lookup(struct store_ticket_lookup *l, const char *id, int64_t *import_id);

void store_ticket_lookup_close(struct store_ticket_lookup *l);

/* Add to @s the imports that wrote events, then pauses, of the @n tickets @ids. */
enum sk_err store_child_imports(struct sk_db *db, char *const *ids, size_t n, struct id_list *s,
				struct sk_diag *d);
/* Every import that wrote an update (updates kind) of a ticket in @ids; none before version 5. */
enum sk_err store_update_imports(struct sk_db *db, char *const *ids, size_t n, struct id_list *s,
				 struct sk_diag *d);

/* Tables whose rows name the import that wrote them, read over a span. */
enum store_span_source {
	STORE_SPAN_CALLS,          /* calls started in the span */
	STORE_SPAN_OUTAGES,        /* outages overlapping it */
	STORE_SPAN_MEASUREMENTS    /* every measurement, with its period label */
};

/*
 * Each distinct import of @src's rows in [@start, @end), with the row's
 * period label (NULL for calls and outages).
 */
enum sk_err store_span_imports(struct sk_db *db, enum store_span_source src, sk_time start,
			       sk_time end, enum sk_err (*fn)(void *arg, int64_t import_id,
							      const char *label),
			       void *arg, struct sk_diag *d);

/* One row of `imports`; strings valid during the call (sha256 NULL when NULL). */
struct store_import_row {
	int64_t id;
	const char *file, *sha256, *kind, *profile;
	long rows, rejected, dst_gaps, dst_folds;
	sk_time finished_at;
};

/* The imports @ids, in that order, handed to @fn; ids without a row are left out. */
enum sk_err store_imports(struct sk_db *db, const int64_t *ids, size_t n,
			  enum sk_err (*fn)(void *arg, const struct store_import_row *im), void *arg,
			  struct sk_diag *d);

/* Every status that stopped the clock in the status history, per import:
 * @fn gets the import's id, the status and how many events entered it, by
 * import id, then status. */
enum sk_err store_import_pause_statuses(struct sk_db *db,
					enum sk_err (*fn)(void *arg, int64_t import_id,
							  const char *status, long events),
					void *arg, struct sk_diag *d);

/* Where a report's data horizon comes from. */
enum store_horizon {
	STORE_HORIZON_NONE = 0,    /* no data at all */
	STORE_HORIZON_IMPORTS,     /* imports.horizon, the latest over the imports */
	STORE_HORIZON_DATA         /* an older database: the latest time in the data */
};

/*
 * The data's horizon, one for the verdicts and the report (tickets_read.c):
 * the latest instant the ticket data covers. When every ticket, event and
 * pause import says what it covers (imports.horizon), the latest of those;
 * else the later of those that do and the latest instant the tickets (all
 * their times but the planned one), their status history and their pauses
 * name. Calls, outages and KPI files say nothing of the tickets.
 */
enum sk_err store_data_horizon(struct sk_db *db, sk_time *horizon, enum store_horizon *from,
			       struct sk_diag *d);

/* When the tickets begin: the earliest reported_at, 0 when there are none (history_read.c). */
enum sk_err store_first_reported(struct sk_db *db, sk_time *first, struct sk_diag *d);

/* --- tickets_read.c, children_read.c: the tickets compute reads, with their history --- */

/*
 * What a ticket's earlier versions (ticket_history) say, for the engine to
 * weigh (results_apply_history()): the store reads, the engine decides.
 */
struct store_history {
	int has_first;       /* 1: first holds the first version's priority */
	int first;           /* contract index of that priority, -1: not in the contract */
	int has_level;       /* 1: level holds the versions' most urgent priority level */
	int level;
};

/*
 * What a status word means under the contract, given what its import stored
 * (::sk_status_kind bits of ticket_events.pause and .meaning): the engine's
 * rule (sk_compute_classify_event()), asked once per distinct word and
 * stored meaning.
 */
typedef unsigned (*store_classify_fn)(const struct sk_contract *c, const char *status,
				      unsigned stored);

/* Flags of store_tickets_open(). */
enum {
	STORE_TICKETS_TITLES = 1   /* each ticket's title too (sk_ticket::title) */
};

/* A period's tickets, read one by one in id order with their history. */
struct store_tickets;

/*
 * Ready to read the tickets that may count in period @p, in one read
 * transaction (one snapshot, no lock per lookup) that lasts until
 * store_tickets_close(). Strings are copied into @a, status words once each
 * with their meaning from @classify. For a large share of all tickets the
 * child tables are walked once beside them, else looked up per ticket.
 */
enum sk_err store_tickets_open(struct sk_db *db, const struct sk_contract *c,
			       const struct sk_period *p, unsigned flags, store_classify_fn classify,
			       struct arena *a, struct store_tickets **out, struct sk_diag *d);

/* How many tickets the database holds, all periods (in the same snapshot). */
enum sk_err store_tickets_total(struct store_tickets *it, int64_t *n, struct sk_diag *d);

/*
 * The next ticket into @t (*more = 1) or the end (*more = 0): its row, its
 * status history and pauses, the imports of those, and in @h what its
 * earlier versions say. The events and pauses are the reader's, valid until
 * the next call or store_tickets_close(); everything else lives in the arena.
 * SK_ERR_DATA when its priority is not in the contract.
 */
enum sk_err store_tickets_next(struct store_tickets *it, struct sk_ticket *t,
			       struct store_history *h, int *more, struct sk_diag *d);

/* End the read transaction and free the reader; NULL is accepted. */
void store_tickets_close(struct store_tickets *it);

/*
 * Ticket @id alone (SK_ERR_NOTFOUND when there is none), strings copied into
 * @a, with what its earlier versions say in @h and its priority as exported
 * in @raw (@size bytes, cut). No events or pauses: see below.
 */
enum sk_err store_ticket_read(struct sk_db *db, const struct sk_contract *c, const char *id,
			      struct arena *a, struct sk_ticket *t, struct store_history *h,
			      char *raw, size_t size, struct sk_diag *d);

/*
 * The id of the ticket @id names into @found (@size bytes): @id itself when a
 * ticket has it, else the one ticket whose id equals it once blanks (spaces,
 * no-break and thin spaces) are removed from both ("49 614" and "49614").
 * SK_ERR_NOTFOUND (with @d) when none, or more than one, matches.
 */
enum sk_err store_ticket_find_id(struct sk_db *db, const char *id, char *found, size_t size,
				 struct sk_diag *d);

/*
 * Ticket @id's status history as imported, by time then arrival, statuses
 * copied into @a and classified by @classify; *ev is the caller's to free.
 */
enum sk_err store_ticket_read_events(struct sk_db *db, const struct sk_contract *c,
				     store_classify_fn classify, const char *id, struct arena *a,
				     struct sk_status_event **ev, size_t *n, struct sk_diag *d);

/* Ticket @id's explicit pauses by start; *ps is the caller's to free. */
enum sk_err store_ticket_read_pauses(struct sk_db *db, const char *id, struct sk_pause **ps,
				     size_t *n, struct sk_diag *d);

/*
 * The latest instant the tickets and their status history name (*found = 0
 * when the database cannot say).
 */
enum sk_err store_tickets_latest(struct sk_db *db, sk_time *latest, int *found,
				 struct sk_diag *d);

/* --- orphans_read.c: events, pauses, hand-overs and updates of tickets the
 * database does not hold --- */

struct store_orphans {
	long events, pauses, handovers, updates, tickets;
};

typedef void (*store_orphan_fn)(void *arg, const char *ticket_id);

/* Count them into @o; the first @max ticket ids (binary order) go to @fn,
 * each valid during the call. */
enum sk_err store_orphans(struct sk_db *db, struct store_orphans *o, size_t max,
			  store_orphan_fn fn, void *arg, struct sk_diag *d);

/* --- handovers_read.c: hand-overs to the customer's suppliers --- */

/* *@has = 1 when the database has a handovers table (schema version 4 on); a
 * failed read of the schema (out of memory) is an error, not "none". */
enum sk_err store_has_handovers(struct sk_db *db, int *has, struct sk_diag *d);

/* One imported hand-over; strings valid during the call. */
struct store_handover {
	const char *ticket, *supplier, *ref;  /* ref: NULL when none */
	const char *priority;                 /* the ticket's priority id, NULL: no such ticket */
	sk_time start, end, responded;        /* end, responded: 0 when NULL */
	int64_t import_id;
};

/* The hand-overs of ticket @id (NULL: of all tickets), by ticket, start, supplier. */
enum sk_err store_handovers(struct sk_db *db, const char *id,
			    enum sk_err (*fn)(void *arg, const struct store_handover *h), void *arg,
			    struct sk_diag *d);

/* One status event with its ticket's supplier column and priority; strings valid during the call. */
struct store_status_row {
	const char *ticket, *status;
	const char *supplier, *priority;      /* NULL when none */
	sk_time at;
};

/* The status events of ticket @id (NULL: of all tickets), by ticket, time and arrival. */
enum sk_err store_supplier_statuses(struct sk_db *db, const char *id,
				    enum sk_err (*fn)(void *arg, const struct store_status_row *r),
				    void *arg, struct sk_diag *d);

/* --- deviations_read.c: deviations explained, improvement actions (schema 5) --- */

/* 1 when the database has a deviations table (schema version 5 on), 0 when
 * not, -1 when the schema cannot be read (out of memory). */
int store_has_deviations(struct sk_db *db);

/* One imported row; strings valid during the call. */
struct store_deviation {
	const char *period, *refers_to;       /* as stored: "2027-Q1", "kpi:improvement.actions" */
	const char *action;                   /* NULL: the row only explains */
	const char *explanation, *owner;      /* NULL when none */
	sk_time due, done_at;                 /* start of the day; 0 when none */
	int done;                             /* status done */
	int64_t import_id, line;
};

/* Every row, by refers_to, period and arrival. */
enum sk_err store_deviations(struct sk_db *db,
			     enum sk_err (*fn)(void *arg, const struct store_deviation *r), void *arg,
			     struct sk_diag *d);

/* Improvement actions done in [@start, @end): rows with an action and status
 * done whose day lies in it, each action (refers_to, action) once; @rows:
 * the rows of the table (0: no deviations imported at all). */
enum sk_err store_count_actions_done(struct sk_db *db, sk_time start, sk_time end, long *n,
				     long *rows, struct sk_diag *d);

/* Append ticket @id's hand-overs to the pauses *@ps (*@n of them; realloc'd). */
enum sk_err store_handover_pauses(struct sk_db *db, const char *id, struct sk_pause **ps,
				  size_t *n, struct sk_diag *d);

/* --- updates_read.c: updates to the customer (schema version 5) --- */

/* One update row; strings valid during the call. */
struct store_update {
	const char *ticket;
	const char *channel;                  /* NULL when the export does not say */
	sk_time at;
	int visible;                          /* 0: an internal note */
};

/* *@has = 1 when the database has the updates table (schema version 5 on). */
enum sk_err store_has_updates(struct sk_db *db, int *has, struct sk_diag *d);

/* The updates of ticket @id (NULL: of all tickets), by ticket, time, visible
 * first; none from a database older than version 5. */
enum sk_err store_updates(struct sk_db *db, const char *id,
			  enum sk_err (*fn)(void *arg, const struct store_update *u), void *arg,
			  struct sk_diag *d);
/* --- breakdown_read.c: what the report's breakdowns read beside the verdicts --- */

/* *@has = 1 when the tickets have a resolver group column (schema version 5 on). */
enum sk_err store_has_groups(struct sk_db *db, int *has, struct sk_diag *d);

/*
 * The resolver group of every ticket reported before @before that has one,
 * in id order (strings valid during the call); nothing on an older schema.
 */
enum sk_err store_assignment_groups(struct sk_db *db, sk_time before,
				    enum sk_err (*fn)(void *arg, const char *id, const char *group),
				    void *arg, struct sk_diag *d);

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
	STORE_HANDOVERS,              /* key: ticket_id, supplier, start_at */
	STORE_DEVIATIONS,             /* key: period, refers_to, action */
	STORE_UPDATES,                /* key: ticket_id, at, visible */
	STORE_TABLES
};

/* The columns of each table, in the order a row's values come. */
enum { TC_ID, TC_TYPE, TC_PRIORITY, TC_LEVEL, TC_RAW, TC_IMPACT, TC_URGENCY,
       TC_REPORTED, TC_RESPONDED, TC_RESOLVED, TC_CLOSED, TC_PRODUCTIVE,
       TC_ESCALATED, TC_ONSITE, TC_RCA, TC_PLANNED, TC_CATEGORY, TC_LOCATION,
       TC_CHANNEL, TC_FCR, TC_UPLIFT, TC_UPLIFT_REASON, TC_CHANGE_TYPE, TC_CAB,
       TC_FAILED, TC_STATUS, TC_UPDATED, TC_EXTRA, TC_SUPPLIER, TC_SWAP_REQUESTED,
       TC_SWAP, TC_EMERGENCY, TC_ASSIGNMENT_GROUP, TC_COUNT };
enum { EC_TICKET_ID, EC_AT, EC_STATUS, EC_PAUSE, EC_MEANING, EC_EXTRA, EC_COUNT };
enum { PC_TICKET_ID, PC_START, PC_END, PC_REASON, PC_COUNT };
enum { CC_CALL_ID, CC_STARTED, CC_WAIT, CC_ANSWERED, CC_QUEUE, CC_EXTRA, CC_COUNT };
enum { OC_SERVICE, OC_START, OC_END, OC_PLANNED, OC_ANNOUNCED, OC_DESCRIPTION, OC_EXTRA,
       OC_COUNT };
enum { KC_PERIOD, KC_KPI, KC_VALUE, KC_VALUE_MICRO, KC_NOTE, KC_COUNT };
enum { HC_TICKET_ID, HC_SUPPLIER, HC_START, HC_END, HC_RESPONDED, HC_REF, HC_EXTRA, HC_COUNT };
enum { DC_PERIOD, DC_REFERS_TO, DC_ACTION, DC_EXPLANATION, DC_OWNER, DC_DUE, DC_STATUS, DC_DONE,
       DC_COUNT };
enum { UC_TICKET_ID, UC_AT, UC_VISIBLE, UC_CHANNEL, UC_EXTRA, UC_COUNT };

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
	const char *contract_id;      /* the contract's [contract] id */
	int skip_bad;
	sk_time started;
	int has_horizon;              /* 0: the file holds no time (horizon NULL) */
	sk_time horizon;              /* the latest time the file holds */

	int response_column;       /* 1: the file gives response times, 0: it does not,
				      -1: not a file of tickets (NULL) */
};

/* Insert the imports row (counts 0, finished = started); its id in *id, and
 * the id every row stored through @si is marked with. The horizon is also
 * what the rows of this import are as of, where a row has no update time of
 * its own (store_row_put()). */
enum sk_err store_import_log_start(struct store_import *si, const struct store_import_log *log,
				   long long *id, struct sk_diag *d);

/* Put the file's hash and size, the counts of @r and @finished in the row. */
enum sk_err store_import_log_finish(struct store_import *si, const struct sk_import_result *r,
				    int64_t bytes, sk_time finished, struct sk_diag *d);

/* The earlier import of the same file read the same way: SHA-256 @sha256 and
 * this import's kind, profile, map and contract (*id, 0: none). */
enum sk_err store_import_same_file(struct store_import *si, const char *sha256, long long *id,
				   struct sk_diag *d);

/* What store_row_put() did with a row. */
enum store_put { STORE_INSERTED, STORE_UPDATED, STORE_UNCHANGED, STORE_DUPLICATE,
		 STORE_OLDER };

/*
 * Store row @v of table @t (its columns' values in order) from line @line:
 * insert it; when its key is stored already, update it if another column
 * differs, or leave it. A row older than the stored one is left too
 * (STORE_OLDER): a row is as of its own update time (tickets.updated_at)
 * where it has one, else as of its import's horizon; when both rows' times
 * are known and the new one's is earlier, the stored row stays. With @key,
 * the row must not repeat in this file: a
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
