/* What tickets_read.c and children_read.c share (private to store/). */
#ifndef SLAKIT_STORE_TICKETS_PRIV_H
#define SLAKIT_STORE_TICKETS_PRIV_H

#include <sqlite3.h>

#include "store.h"

/* A time column: 0 when NULL (an empty time in the export). */
static inline sk_time col_time(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, i);
}

/* A text column (NULL when NULL), valid until the next step. */
static inline const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* *@found = 1 when @table has a column @col (handovers_read.c); a failed read
 * (out of memory) is an error rather than "no". A database of an older
 * schema, read as it is, lacks the columns added since. */
enum sk_err store_column_exists(struct sk_db *db, const char *table, const char *col,
				int *found, struct sk_diag *d);

/* The status history, pauses and earlier versions of a period's tickets (children_read.c). */
struct store_children;

/*
 * Ready to read the child rows of tickets given in id order: @scan walks each
 * child table once beside them (for a large share of all tickets), else one
 * lookup per ticket. Status words and the tickets' import ids are copied into
 * @a; events and pauses stay in the reader's buffers.
 */
enum sk_err store_children_open(struct sk_db *db, const struct sk_contract *c,
				store_classify_fn classify, struct arena *a, int scan,
				struct store_children **out, struct sk_diag *d);

/*
 * Give ticket @t (the next in id order) its history, pauses and child
 * imports, and @h what its earlier versions say (left as it is when it has
 * none). Its events and pauses are the reader's, valid until the next call
 * or store_children_close().
 */
enum sk_err store_children_read(struct store_children *ch, struct sk_ticket *t,
				struct store_history *h, struct sk_diag *d);

void store_children_close(struct store_children *ch);

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

#endif
