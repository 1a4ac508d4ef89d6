/*
 * What an import says beside its rows, once they are stored: tickets whose
 * status means resolved or closed but that come without a resolution time
 * (they would count as open), events, pauses, hand-overs and updates of
 * tickets the database does not hold (they count for nothing until the
 * ticket comes), and a column the
 * header repeats. Each is one line with its count, handed to the caller's
 * on_warning after the commit, so a refused file warns of nothing.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "base/base.h"

/* Ticket ids a warning names; warnings an import keeps. */
enum { NOTE_IDS = 3, NOTE_MAX = 4 };

struct import_notes {
	struct store_ticket_lookup *lookup; /* is a ticket in the database? */
	char last[256];               /* the ticket id looked up last, and */
	int last_known;               /* whether it was there (rows come by ticket) */
	long unknown;                 /* rows of tickets not in the database */
	char ids[NOTE_IDS][64];       /* the first of those tickets, escaped */
	int nids, more;               /* how many named; more than that */
	long resolved;                /* tickets resolved by status, without a time */
	long resolved_line;           /* the first of them */
	char status[64];              /* its status, escaped */
	struct sk_diag warn[NOTE_MAX];
	int nwarn;
};

static struct import_notes *notes_of(struct imp *x)
{
	if (!x->notes)
		x->notes = calloc(1, sizeof(*x->notes));
	return x->notes;
}

enum sk_err import_note(struct imp *x, const char *fmt, ...)
{
	struct import_notes *n = notes_of(x);
	struct sk_diag *w;
	va_list ap;
	size_t k;

	if (!n)
		return SK_ERR_NOMEM;
	if (n->nwarn == NOTE_MAX)
		return SK_OK;
	w = &n->warn[n->nwarn++];
	sk_diag_set(w, SK_OK, x->name, 0, NULL, "warning: ");
	k = strlen(w->msg);
	va_start(ap, fmt);
	vsnprintf(w->msg + k, sizeof(w->msg) - k, fmt, ap);
	va_end(ap);
	return SK_OK;
}

/* A ticket row whose status says it is done, with no time that says when. */
static void note_resolved(struct imp *x, struct import_notes *n, const struct store_val *v,
			  long line)
{
	const char *meaning;

	if (v[TC_STATUS].type != STORE_TEXT || v[TC_RESOLVED].type != STORE_NULL ||
	    v[TC_CLOSED].type != STORE_NULL)
		return;
	meaning = imp_status_meaning(x, v[TC_STATUS].s);
	if (!meaning || (strcmp(meaning, "resolved") && strcmp(meaning, "closed")))
		return;
	if (!n->resolved++) {
		n->resolved_line = line;
		text_escape(n->status, sizeof(n->status), v[TC_STATUS].s, 0);
	}
}

/* An event, pause, hand-over or update row: is its ticket in the database? */
static enum sk_err note_ticket(struct imp *x, struct import_notes *n, const char *id,
			       struct sk_diag *d)
{
	int64_t import_id;
	char shown[64];
	enum sk_err rc;

	if (!id)
		return SK_OK;
	if (!n->lookup && (rc = store_ticket_lookup_open(x->db, &n->lookup, d)))
		return rc;
	if (!n->last[0] || strcmp(id, n->last) != 0) {
		snprintf(n->last, sizeof(n->last), "%s", id);
		n->last_known = store_ticket_lookup(n->lookup, id, &import_id);
	}
	if (n->last_known)
		return SK_OK;
	n->unknown++;
	text_escape(shown, sizeof(shown), id, 0);
	for (int i = 0; i < n->nids; i++)
		if (strcmp(n->ids[i], shown) == 0)
			return SK_OK;
	if (n->nids < NOTE_IDS)
		memcpy(n->ids[n->nids++], shown, sizeof(shown));
	else
		n->more = 1;
	return SK_OK;
}

enum sk_err import_note_row(struct imp *x, const struct import_row *r, long line,
			    struct sk_diag *d)
{
	struct import_notes *n;

	int id;

	switch (x->kind) {
	case SK_KIND_TICKETS: id = -1; break;
	case SK_KIND_EVENTS: id = EC_TICKET_ID; break;
	case SK_KIND_PAUSES: id = PC_TICKET_ID; break;
	case SK_KIND_HANDOVERS: id = HC_TICKET_ID; break;
	case SK_KIND_UPDATES: id = UC_TICKET_ID; break;
	default: return SK_OK;
	}
	if (!(n = notes_of(x)))
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
	if (id < 0) {
		note_resolved(x, n, r->v, line);
		return SK_OK;
	}
	return note_ticket(x, n, r->v[id].s, d);
}

/* What one row of the kind is called in the warning. */
static const char *row_noun(enum sk_import_kind kind)
{
	switch (kind) {
	case SK_KIND_PAUSES: return "pause";
	case SK_KIND_HANDOVERS: return "hand-over";
	case SK_KIND_UPDATES: return "update";
	default: return "event";
	}
}

/* Which time the resolved tickets lack: no column, or empty ones. */
static void missing_time(const struct imp *x, char *buf, size_t size)
{
	int res = x->col[F_RESOLVED], clo = x->col[F_CLOSED];
	char a[96], b[96];

	if (res < 0 && clo < 0) {
		snprintf(buf, size, "the file has no column for resolved_at or closed_at (profile "
			 "%s; a map's [columns] can name one)", x->prof->name);
		return;
	}
	if (res >= 0)
		text_escape(a, sizeof(a), x->header[res], 0);
	if (clo >= 0)
		text_escape(b, sizeof(b), x->header[clo], 0);
	if (res >= 0 && clo >= 0)
		snprintf(buf, size, "the columns for resolved_at ('%s') and closed_at ('%s') "
			 "are empty", a, b);
	else
		snprintf(buf, size, "the column for %s ('%s') is empty and the file has none "
			 "for %s", res >= 0 ? "resolved_at" : "closed_at", res >= 0 ? a : b,
			 res >= 0 ? "closed_at" : "resolved_at");
}

enum sk_err import_notes_finish(struct imp *x)
{
	struct import_notes *n = x->notes;
	enum sk_err rc = SK_OK;
	char why[400], ids[NOTE_IDS * 70 + 8];
	size_t k = 0;

	if (!n)
		return SK_OK;
	/* The statement ends before the commit. */
	store_ticket_lookup_close(n->lookup);
	n->lookup = NULL;
	x->res->resolved_without_time = n->resolved;
	x->res->unknown_tickets = n->unknown;
	if (n->resolved) {
		missing_time(x, why, sizeof(why));
		rc = import_note(x, "%ld ticket%s a status that means resolved or closed ('%s', "
				 "first on line %ld) but no resolution time: %s; counted as open "
				 "unless imported events give the status history", n->resolved,
				 n->resolved == 1 ? " has" : "s have", n->status, n->resolved_line,
				 why);
	}
	if (!rc && n->unknown) {
		for (int i = 0; i < n->nids; i++)
			k += (size_t)snprintf(ids + k, sizeof(ids) - k, "%s%s", i ? ", " : "",
					      n->ids[i]);
		if (n->more)
			snprintf(ids + k, sizeof(ids) - k, ", ...");
		rc = import_note(x, "%ld %s%s for tickets not in the database (%s): they count "
				 "for nothing until those tickets are imported", n->unknown,
				 row_noun(x->kind),
				 n->unknown == 1 ? " is" : "s are", ids);
	}
	return rc;
}

void import_notes_report(struct imp *x)
{
	if (!x->notes || !x->o->on_warning)
		return;
	for (int i = 0; i < x->notes->nwarn; i++)
		x->o->on_warning(x->o->ctx, &x->notes->warn[i]);
}

void import_notes_free(struct imp *x)
{
	if (!x->notes)
		return;
	store_ticket_lookup_close(x->notes->lookup);
	free(x->notes);
	x->notes = NULL;
}
