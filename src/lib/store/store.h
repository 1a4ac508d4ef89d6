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

/* --- tickets_read.c, children_read.c: the tickets compute reads, with their history --- */

/*
 * A ticket's title from the export's other columns (tickets.extra, a JSON
 * object), for the column names ticket systems use; NULL when none. An SQL
 * expression over table tickets, for the report's queries too.
 */
#define TICKET_TITLE_SQL \
	"CASE WHEN json_valid(extra) THEN COALESCE(json_extract(extra, '$.title')," \
	" json_extract(extra, '$.Title'), json_extract(extra, '$.summary')," \
	" json_extract(extra, '$.Summary'), json_extract(extra, '$.subject')," \
	" json_extract(extra, '$.Subject'), json_extract(extra, '$.short_description')," \
	" json_extract(extra, '$.titel'), json_extract(extra, '$.Titel')," \
	" json_extract(extra, '$.onderwerp'), json_extract(extra, '$.Onderwerp')," \
	" json_extract(extra, '$.\"Korte omschrijving\"')) END"

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
 * What a status word means under the contract: the engine's rule
 * (sk_compute_classify_status()), asked once per distinct word.
 */
typedef unsigned (*store_classify_fn)(const struct sk_contract *c, const char *status);

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
 * Ticket @id's status history as imported, by time then arrival, statuses
 * copied into @a and not classified (kind 0); *ev is the caller's to free.
 */
enum sk_err store_ticket_read_events(struct sk_db *db, const char *id, struct arena *a,
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

#endif
