/* engine: what the folders above it (report, render) use of the computation. */
#ifndef SLAKIT_ENGINE_H
#define SLAKIT_ENGINE_H

#include <sqlite3.h>

#include "base/base.h"
#include "contract/contract.h"
#include "slakit/results.h"

/*
 * The ticket columns results_read_ticket() expects, in order (alias t).
 * Columns 3 and 4 are the priority matrix's row and column fields, bound as
 * ?3 and ?4 (see results_bind_matrix()): impact/urgency, or any column the
 * export had (kept in `extra`), such as Cloudwise's number of users.
 */
#define TICKET_BASE_COLUMNS \
	"t.id, t.type, t.priority," \
	" COALESCE(CASE lower(?3) WHEN 'impact' THEN t.impact WHEN 'urgency' THEN t.urgency END," \
	"  json_extract(t.extra, '$.\"' || ?3 || '\"'))," \
	" COALESCE(CASE lower(?4) WHEN 'impact' THEN t.impact WHEN 'urgency' THEN t.urgency END," \
	"  json_extract(t.extra, '$.\"' || ?4 || '\"'))," \
	" t.channel, t.category, t.location," \
	" t.status, t.reported_at, t.responded_at, t.resolved_at, t.closed_at, t.productive_at," \
	" t.escalated_at, t.onsite_at, t.rca_at, t.planned_at, t.first_contact_resolved," \
	" t.p1_uplift, t.uplift_reason, t.change_type, t.cab_approved, t.change_failed"

/* The first priority and the most urgent level of the ticket's earlier versions. */
#define TICKET_HISTORY_COLUMNS \
	", (SELECT h.priority FROM ticket_history h WHERE h.id = t.id ORDER BY h.history_id LIMIT 1)," \
	" (SELECT MIN(h.priority_level) FROM ticket_history h WHERE h.id = t.id)"

/* One ticket with its history (a period's tickets take the history in one pass:
 * TICKET_BASE_COLUMNS ", NULL, NULL", then results_children_read()); then the
 * import that wrote it and its title (or NULL when not asked for). */
#define TICKET_COLUMNS TICKET_BASE_COLUMNS TICKET_HISTORY_COLUMNS ", t.import_id, NULL"


/*
 * A ticket's title from the export's other columns (tickets.extra, a JSON
 * object), for the column names ticket systems use; NULL when none.
 */
#define TICKET_TITLE_SQL \
	"CASE WHEN json_valid(extra) THEN COALESCE(json_extract(extra, '$.title')," \
	" json_extract(extra, '$.Title'), json_extract(extra, '$.summary')," \
	" json_extract(extra, '$.Summary'), json_extract(extra, '$.subject')," \
	" json_extract(extra, '$.Subject'), json_extract(extra, '$.short_description')," \
	" json_extract(extra, '$.titel'), json_extract(extra, '$.Titel')," \
	" json_extract(extra, '$.onderwerp'), json_extract(extra, '$.Onderwerp')," \
	" json_extract(extra, '$.\"Korte omschrijving\"')) END"

/* Number of columns in TICKET_COLUMNS. */
#define TICKET_NCOLUMNS 28

/* Fill @t from a row that starts with TICKET_COLUMNS; strings copied into @a. */
enum sk_err results_read_ticket(sqlite3_stmt *st, const struct sk_contract *c, struct arena *a,
				struct sk_ticket *t, struct sk_diag *d);

/* What the ticket's earlier versions say: their first priority (id, may be
 * NULL) and, when @has_level, their most urgent priority level. */
void results_apply_history(const struct sk_contract *c, struct sk_ticket *t, const char *first,
			   int has_level, int level);

/* The same with the first priority as a contract index (-1: not in the contract). */
void results_apply_history_index(const struct sk_contract *c, struct sk_ticket *t, int first,
				 int has_level, int level);

/* Bind ?3 and ?4 of TICKET_COLUMNS to the contract's matrix fields. */
void results_bind_matrix(sqlite3_stmt *st, const struct sk_contract *c);

/* The history, pauses and earlier versions of tickets read one by one (results_children.c). */
struct results_children;

/*
 * Ready to read the child rows of tickets given in id order: @scan walks each
 * child table once beside them (for a large share of all tickets), else one
 * lookup per ticket. Status words and the tickets' import ids are copied into
 * @a; events and pauses stay in the reader's buffers (results_children_read()).
 */
enum sk_err results_children_open(struct sk_db *db, const struct sk_contract *c, struct arena *a,
				  int scan, struct results_children **out, struct sk_diag *d);

/*
 * Give ticket @t (the next in id order) its history, pauses and earlier
 * versions. Its events and pauses are the reader's, valid until the next call
 * or results_children_close().
 */
enum sk_err results_children_read(struct sk_db *db, struct results_children *ch,
				  struct sk_ticket *t, struct sk_diag *d);

void results_children_close(struct results_children *ch);

/*
 * Whether a period's tickets are better read by scans: when the period covers
 * a large share of the time the tickets were reported in.
 */
enum sk_err results_prefer_scan_period(struct sk_db *db, const struct sk_period *p, int *scan,
				       struct sk_diag *d);

/* What results_compute() reads beside the verdicts. */
enum {
	RESULTS_TITLES = 1   /* each ticket's title (sk_ticket::title), for reports */
};

/*
 * sk_results_compute(), handing each final verdict to @feed when not NULL,
 * and reading what @flags ask for.
 */
enum sk_err results_compute(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			    struct sk_results **out, struct sk_diag *d, struct results_feed *feed,
			    unsigned flags);

/* A time column: 0 when NULL. */
sk_time results_col_time(sqlite3_stmt *st, int i);

/* A text column (NULL when NULL). */
const char *results_col_text(sqlite3_stmt *st, int i);

#endif
