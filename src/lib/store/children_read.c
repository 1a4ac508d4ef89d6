/*
 * The status history, explicit pauses and earlier versions of each ticket a
 * period reads, handed to the tickets one by one as they come (sorted by id),
 * so each can be computed, and stored, while the next is read.
 *
 * Two ways to the same rows, chosen by how much of the table the period
 * holds: when it reads a large share of all tickets (a year), one cursor per
 * child table walks it in primary-key order beside the tickets; when it reads
 * a small share (a month of ten years), one index lookup per ticket. Neither
 * joins the tickets or re-evaluates the period's scope per row, which is what
 * made a year's history cost seconds.
 *
 * Also one ticket's events and pauses as imported, for --explain.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "tickets_priv.h"

/* Distinct status words seen (with what their import stored), so a million events
 * share a few strings and are classified a few times. */
#define INTERN_MAX 64

enum child {
	CHILD_EVENTS,
	CHILD_PAUSES,
	CHILD_HISTORY      /* earlier versions of the ticket: its first and most urgent priority */
};

/* The columns of each child query, by position (the same for scan and lookup). */
enum { EV_TICKET, EV_AT, EV_STATUS, EV_ID, EV_IMPORT, EV_PAUSE, EV_MEANING };
enum { PS_TICKET, PS_START, PS_END, PS_IMPORT };
enum { HI_TICKET, HI_PRIORITY, HI_LEVEL };

#define EVENT_COLUMNS \
	"SELECT ticket_id, at, status, id, import_id, pause, meaning FROM ticket_events"
#define PAUSE_COLUMNS "SELECT ticket_id, start_at, end_at, import_id FROM pauses"
#define HISTORY_COLUMNS "SELECT id, priority, priority_level FROM ticket_history"

static const char *const scan_sql[] = {
	EVENT_COLUMNS " ORDER BY ticket_id, at, status",
	PAUSE_COLUMNS " ORDER BY ticket_id, start_at",
	HISTORY_COLUMNS " ORDER BY id, history_id",
};

static const char *const lookup_sql[] = {
	EVENT_COLUMNS " WHERE ticket_id = ?1",
	PAUSE_COLUMNS " WHERE ticket_id = ?1",
	HISTORY_COLUMNS " WHERE id = ?1 ORDER BY history_id",
};

/* With `supplier_pauses = yes`, hand-overs pause the clock like explicit pauses. */
#define HANDOVER_COLUMNS "SELECT ticket_id, start_at, end_at, import_id FROM handovers"
static const char *const pause_scan_suppliers =
	PAUSE_COLUMNS " UNION ALL " HANDOVER_COLUMNS " ORDER BY 1, 2";
static const char *const pause_lookup_suppliers =
	PAUSE_COLUMNS " WHERE ticket_id = ?1 UNION ALL " HANDOVER_COLUMNS " WHERE ticket_id = ?1";

static const char *const what[] = {
	"reading status history", "reading pauses", "reading ticket history",
};

/* An event as read: its arrival order breaks ties between events of one second. */
struct event_row {
	struct sk_status_event e;
	sqlite3_int64 id;
};

struct loader {
	enum child kind;
	struct sk_db *db;
	struct arena *a;
	const struct sk_contract *c;
	store_classify_fn classify;
	const char *interned[INTERN_MAX];
	unsigned interned_stored[INTERN_MAX]; /* what the import stored for it */
	unsigned interned_kind[INTERN_MAX]; /* what each means under the contract */
	size_t n_interned;
	void *buf;           /* the rows of the current ticket */
	size_t n, cap;
	struct sk_status_event *events; /* events: the current ticket's, as it gets them */
	size_t events_cap;
	int first;           /* history: priority of the first version (contract index) */
	int has_level, level;/* history: most urgent priority level seen */
	sqlite3_stmt *st;    /* its query; NULL: nothing to read (no ticket history) */
	struct id_list imports; /* events and pauses: distinct imports of the current ticket's rows */
	int scan;            /* 1: st walks the whole table; 0: st looks up one ticket */
	int step;            /* scan: result of the last sqlite3_step */
};

struct store_children {
	struct loader child[3];
};

static size_t row_size(enum child kind)
{
	return kind == CHILD_EVENTS ? sizeof(struct event_row) : sizeof(struct sk_pause);
}

/*
 * What the import stored of an event (ticket_events.pause and .meaning, the
 * map's [statuses] or the words it used): ::sk_status_kind bits.
 */
static unsigned stored_meaning(sqlite3_stmt *st, int pause, int meaning)
{
	const char *m = col_text(st, meaning);
	unsigned k = sqlite3_column_int(st, pause) ? SK_STATUS_PAUSE : 0;

	if (m && strcmp(m, "paused") == 0)
		k |= SK_STATUS_PAUSE;
	else if (m && (strcmp(m, "resolved") == 0 || strcmp(m, "closed") == 0))
		k |= SK_STATUS_DONE;
	return k;
}

/*
 * @s in the arena, once per distinct word (a status vocabulary is small), with
 * what it means under the contract and what its import stored (@stored) in
 * *kind, worked out once per word and stored meaning too.
 */
static const char *intern(struct loader *l, const char *s, unsigned stored, unsigned *kind)
{
	int failed = 0;
	const char *copy;

	if (!s)
		return NULL;
	for (size_t i = 0; i < l->n_interned; i++)
		if (l->interned_stored[i] == stored && strcmp(l->interned[i], s) == 0) {
			*kind = l->interned_kind[i];
			return l->interned[i];
		}
	copy = arena_strdup(l->a, s, &failed);
	*kind = l->classify(l->c, s, stored);
	if (copy && l->n_interned < INTERN_MAX) {
		l->interned_kind[l->n_interned] = *kind;
		l->interned_stored[l->n_interned] = stored;
		l->interned[l->n_interned++] = copy;
	}
	return copy;
}

/* 1 when table @sql names (a SELECT) has any row. */
static enum sk_err any_rows(struct sk_db *db, const char *sql, int *any, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc = sk_db_prepare(db, sql, &st, d);
	int step;

	if (rc)
		return rc;
	step = sqlite3_step(st);
	*any = step == SQLITE_ROW;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading ticket history", d);
	sqlite3_finalize(st);
	return rc;
}

static enum sk_err take_row(struct loader *l, sqlite3_stmt *st)
{
	if (l->kind == CHILD_HISTORY) {
		if (!l->n) {
			const char *p = col_text(st, HI_PRIORITY);

			l->first = p ? sk_contract_find_priority(l->c, p) : -1;
			l->has_level = 0;
		}
		if (sqlite3_column_type(st, HI_LEVEL) != SQLITE_NULL &&
		    (!l->has_level || sqlite3_column_int(st, HI_LEVEL) < l->level)) {
			l->level = sqlite3_column_int(st, HI_LEVEL);
			l->has_level = 1;
		}
		l->n++;
		return SK_OK;
	}
	if (id_list_add(&l->imports, sqlite3_column_int64(st, l->kind == CHILD_EVENTS ? EV_IMPORT
									      : PS_IMPORT)))
		return SK_ERR_NOMEM;
	if (array_reserve(&l->buf, &l->cap, l->n + 1, row_size(l->kind)) < 0)
		return SK_ERR_NOMEM;
	if (l->kind == CHILD_EVENTS) {
		struct event_row *r = (struct event_row *)l->buf + l->n;

		r->e.at = sqlite3_column_int64(st, EV_AT);
		r->e.status = intern(l, col_text(st, EV_STATUS),
				     stored_meaning(st, EV_PAUSE, EV_MEANING), &r->e.kind);
		r->id = sqlite3_column_int64(st, EV_ID);
		if (!r->e.status)
			return SK_ERR_NOMEM;
	} else {
		struct sk_pause *p = (struct sk_pause *)l->buf + l->n;

		p->start = sqlite3_column_int64(st, PS_START);
		p->end = col_time(st, PS_END);
	}
	l->n++;
	return SK_OK;
}

static int by_time_then_arrival(const void *pa, const void *pb)
{
	const struct event_row *a = pa, *b = pb;

	if (a->e.at != b->e.at)
		return a->e.at < b->e.at ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/*
 * Give ticket @t the run read so far and start a new one. Its events and
 * pauses stay in the loader's buffers, valid until the next ticket is read:
 * they are needed only to compute its verdict, and a year's worth would be
 * a fifth of the memory the results hold.
 */
static enum sk_err flush_run(struct loader *l, struct sk_ticket *t, struct store_history *h)
{
	size_t n = l->n;

	l->n = 0;
	if (!n)
		return SK_OK;
	if (l->kind == CHILD_HISTORY) {
		h->has_first = 1;
		h->first = l->first;
		h->has_level = l->has_level;
		h->level = l->level;
		return SK_OK;
	}
	if (l->kind == CHILD_EVENTS) {
		struct event_row *rows = l->buf;
		int sorted = 1;

		if (n > l->events_cap) {
			struct sk_status_event *ev = realloc(l->events, l->cap * sizeof(*ev));

			if (!ev)
				return SK_ERR_NOMEM;
			l->events = ev;
			l->events_cap = l->cap;
		}
		/* Rows come by (time, status); events of one second go in order of arrival. */
		for (size_t i = 1; i < n && sorted; i++)
			sorted = by_time_then_arrival(&rows[i - 1], &rows[i]) <= 0;
		if (!sorted)
			qsort(rows, n, sizeof(*rows), by_time_then_arrival);
		for (size_t i = 0; i < n; i++)
			l->events[i] = rows[i].e;
		t->events = l->events;
		t->n_events = n;
	} else {
		t->pauses = l->buf;
		t->n_pauses = n;
	}
	return SK_OK;
}

/* Read the rows of ticket @t from child @l (scan: its cursor stands on the next row). */
static enum sk_err read_child(struct loader *l, struct sk_ticket *t, struct store_history *h,
			      struct sk_diag *d)
{
	enum sk_err rc = SK_OK;

	if (!l->st)
		return SK_OK;
	if (!l->scan) {
		sqlite3_reset(l->st);
		sqlite3_bind_text(l->st, 1, t->id, -1, SQLITE_STATIC);
		l->step = sqlite3_step(l->st);
	}
	/* Scan: rows of tickets not read (out of the period's scope) are passed over.
	 * The ticket id is column 0 of each child query. */
	while (l->step == SQLITE_ROW && rc == SK_OK) {
		const char *id = col_text(l->st, 0);
		int cmp = id ? strcmp(id, t->id) : -1;

		if (cmp > 0)
			break;
		if (cmp == 0)
			rc = take_row(l, l->st);
		l->step = sqlite3_step(l->st);
	}
	if (rc == SK_OK && l->step != SQLITE_ROW && l->step != SQLITE_DONE)
		rc = sk_db_fail(l->db, what[l->kind], d);
	if (rc == SK_OK)
		rc = flush_run(l, t, h);
	return rc;
}

enum sk_err store_children_open(struct sk_db *db, const struct sk_contract *c,
				store_classify_fn classify, struct arena *a, int scan,
				struct store_children **out, struct sk_diag *d)
{
	struct store_children *ch = calloc(1, sizeof(*ch));
	enum sk_err rc = SK_OK;

	*out = NULL;
	if (!ch)
		return SK_ERR_NOMEM;
	for (int kind = CHILD_EVENTS; kind <= CHILD_HISTORY && rc == SK_OK; kind++) {
		struct loader *l = &ch->child[kind];
		int any = 1, suppliers = 0;

		l->kind = (enum child)kind;
		l->db = db;
		l->a = a;
		l->c = c;
		l->classify = classify;
		l->scan = scan;
		/* Most databases have no earlier versions at all. */
		if (kind == CHILD_HISTORY &&
		    ((rc = any_rows(db, "SELECT 1 FROM ticket_history LIMIT 1", &any, d)) || !any))
			break;
		/* The supplier pauses where the database has hand-overs; a failed look is an error. */
		if (kind == CHILD_PAUSES && c->rules.supplier_pauses &&
		    (rc = store_has_handovers(db, &suppliers, d)))
			break;
		if (kind == CHILD_PAUSES && suppliers)
			rc = sk_db_prepare(db, scan ? pause_scan_suppliers : pause_lookup_suppliers,
					   &l->st, d);
		else
			rc = sk_db_prepare(db, (scan ? scan_sql : lookup_sql)[kind], &l->st, d);
		if (rc)
			break;
		if (scan)
			l->step = sqlite3_step(l->st);
	}
	if (rc) {
		store_children_close(ch);
		return rc;
	}
	*out = ch;
	return SK_OK;
}

enum sk_err store_children_read(struct store_children *ch, struct sk_ticket *t,
				struct store_history *h, struct sk_diag *d)
{
	struct loader *ev = &ch->child[CHILD_EVENTS], *ps = &ch->child[CHILD_PAUSES];
	enum sk_err rc = SK_OK;
	int64_t *all;

	ev->imports.n = ps->imports.n = 0;
	for (int kind = CHILD_EVENTS; kind <= CHILD_HISTORY && rc == SK_OK; kind++)
		rc = read_child(&ch->child[kind], t, h, d);
	if (rc || !(ev->imports.n + ps->imports.n))
		return rc;
	/* The imports of its events, then those of its pauses that are new. */
	for (size_t i = 0; i < ps->imports.n; i++)
		if (id_list_add(&ev->imports, ps->imports.ids[i]))
			return SK_ERR_NOMEM;
	if (!(all = arena_alloc(ev->a, ev->imports.n * sizeof(*all))))
		return SK_ERR_NOMEM;
	memcpy(all, ev->imports.ids, ev->imports.n * sizeof(*all));
	t->child_imports = all;
	t->n_child_imports = ev->imports.n;
	return SK_OK;
}

void store_children_close(struct store_children *ch)
{
	if (!ch)
		return;
	for (int kind = CHILD_EVENTS; kind <= CHILD_HISTORY; kind++) {
		sqlite3_finalize(ch->child[kind].st);
		free(ch->child[kind].buf);
		free(ch->child[kind].events);
		id_list_release(&ch->child[kind].imports);
	}
	free(ch);
}

/* --- one ticket, as imported (--explain) --- */

enum sk_err store_ticket_read_events(struct sk_db *db, const struct sk_contract *c,
				     store_classify_fn classify, const char *id, struct arena *a,
				     struct sk_status_event **out, size_t *n_out, struct sk_diag *d)
{
	enum { AT, STATUS, PAUSE, MEANING };
	struct sk_status_event *ev = NULL;
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	enum sk_err rc;
	int failed = 0, step;

	*out = NULL;
	*n_out = 0;
	if ((rc = sk_db_prepare(db, "SELECT at, status, pause, meaning FROM ticket_events"
				" WHERE ticket_id = ?1 ORDER BY at, id", &st, d)))
		goto out;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct sk_status_event *more = realloc(ev, (n + 1) * sizeof(*ev));

		if (!more) {
			rc = SK_ERR_NOMEM;
			goto out;
		}
		ev = more;
		ev[n].at = sqlite3_column_int64(st, AT);
		ev[n].status = arena_strdup(a, col_text(st, STATUS), &failed);
		ev[n].kind = ev[n].status ? classify(c, ev[n].status,
						     stored_meaning(st, PAUSE, MEANING)) : 0;
		n++;
	}
	/* A failed read must not look like the end of the history. */
	if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading status history", d);
	else if (failed)
		rc = SK_ERR_NOMEM;
out:
	sqlite3_finalize(st);
	if (rc) {
		free(ev);
		return rc;
	}
	*out = ev;
	*n_out = n;
	return SK_OK;
}

enum sk_err store_ticket_read_pauses(struct sk_db *db, const char *id, struct sk_pause **out,
				     size_t *n_out, struct sk_diag *d)
{
	enum { START, END };
	struct sk_pause *ps = NULL;
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	enum sk_err rc;
	int step;

	*out = NULL;
	*n_out = 0;
	if ((rc = sk_db_prepare(db, "SELECT start_at, end_at FROM pauses WHERE ticket_id = ?1"
				" ORDER BY start_at", &st, d)))
		goto out;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct sk_pause *more = realloc(ps, (n + 1) * sizeof(*ps));

		if (!more) {
			rc = SK_ERR_NOMEM;
			goto out;
		}
		ps = more;
		ps[n].start = sqlite3_column_int64(st, START);
		ps[n++].end = col_time(st, END);
	}
	if (step != SQLITE_DONE)
		rc = sk_db_fail(db, "reading pauses", d);
out:
	sqlite3_finalize(st);
	if (rc) {
		free(ps);
		return rc;
	}
	*out = ps;
	*n_out = n;
	return SK_OK;
}
