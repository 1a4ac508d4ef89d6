/*
 * Event logs: one row per update of a ticket, the ticket's fields repeated on
 * each row. Every row becomes a status event; the ticket's fields are staged
 * in a temporary table (the latest row wins), so the rows of one ticket may
 * come in any order and memory does not grow with the file. At the end each
 * staged ticket gets its times from its whole status history:
 *  - reported_at: the first event (unless a column gives it);
 *  - responded_at: the first event whose status means responded or resolved;
 *  - resolved_at / closed_at: the start of the final run of resolved/closed
 *    statuses (a later other status reopens the ticket); closed implies
 *    resolved when no resolved status came before it.
 */
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"

/* A row: the ticket's fields, then the event's time, status and meaning. */
enum { EV_AT = TC_COUNT, EV_STATUS, EV_MEANING, EV_COUNT };
_Static_assert(EV_COUNT <= SK_ROW_VALS, "an event log row fits an import_row");

/* An event log row holds a ticket's values and the event's in one row. */
_Static_assert(EV_COUNT <= SK_ROW_VALS, "SK_ROW_VALS too small for a ticket and its event");

static enum sk_err eventlog_check(struct imp *x, struct import_row *r)
{
	struct store_val *v = r->v;
	const char *meaning, *status;
	sk_time at;
	int present;
	enum sk_err rc;

	if ((rc = imp_ticket_fields(x, v)) || (rc = imp_time(x, F_AT, &at, &present)))
		return rc;
	status = imp_text(x, F_STATUS);
	meaning = imp_status_meaning(x, status);
	v[EV_AT] = (struct store_val){ STORE_INT, at, NULL };
	/* Each row is an update of its ticket at its time: the staged ticket
	 * (its latest row) is as of then, unless a column says otherwise. */
	if (v[TC_UPDATED].type == STORE_NULL)
		v[TC_UPDATED] = v[EV_AT];
	v[EV_STATUS] = (struct store_val){ STORE_TEXT, 0, status };
	v[EV_MEANING] = (struct store_val){ meaning ? STORE_TEXT : STORE_NULL, 0, meaning };
	r->nv = EV_COUNT;
	return SK_OK;
}

static enum sk_err eventlog_store(struct imp *x, const struct import_row *r, int tried,
			     struct sk_diag *d)
{
	const struct store_val *v = r->v;
	const char *meaning = v[EV_MEANING].type == STORE_TEXT ? v[EV_MEANING].s : NULL;
	struct store_val ev[EC_COUNT] = {
		[EC_TICKET_ID] = { STORE_TEXT, 0, v[TC_ID].s },
		[EC_AT] = { STORE_INT, v[EV_AT].i, NULL },
		[EC_STATUS] = { STORE_TEXT, 0, v[EV_STATUS].s },
		[EC_PAUSE] = { STORE_INT, meaning && strcmp(meaning, "paused") == 0, NULL },
		[EC_MEANING] = v[EV_MEANING],
		[EC_EXTRA] = v[TC_EXTRA],
	};
	enum sk_err rc;
	int added;

	(void)tried; /* never: an event log's rows are stored one by one */
	if ((rc = store_row_add(x->si, STORE_EVENTS, ev, x->line, &added, d)))
		return rc;
	/* An event already stored (or repeated in the file) is one event. */
	if (added)
		x->res->inserted++;
	else
		x->res->unchanged++;
	return store_stage_put(x->si, v, v[EV_AT].i, x->line, d);
}

/* What the status history of a ticket tells, event by event. */
struct history {
	long long first, responded, resolved, closed;
	int any, has_resp, has_res, has_clo;
	struct buf *status;        /* the last status */
};

static void history_event(void *ctx, sk_time at, const char *s, const char *m)
{
	struct history *h = ctx;
	int is_res = m && strcmp(m, "resolved") == 0;
	int is_clo = m && strcmp(m, "closed") == 0;

	if (!h->any)
		h->first = at;
	h->any = 1;
	if (!h->has_resp && m && (is_res || strcmp(m, "responded") == 0)) {
		h->responded = at;
		h->has_resp = 1;
	}
	if (is_res || is_clo) {
		if (!h->has_res) {
			h->resolved = at;
			h->has_res = 1;
		}
		if (is_clo && !h->has_clo) {
			h->closed = at;
			h->has_clo = 1;
		}
	} else {
		h->has_res = h->has_clo = 0; /* reopened */
	}
	h->status->len = 0;
	buf_add(h->status, s, strlen(s));
}

/* Times from the status history of ticket @p v[TC_ID]. */
static enum sk_err derive(struct imp *x, struct store_val *v, struct buf *status,
			  struct sk_diag *d)
{
	struct history h = { .status = status };
	enum sk_err rc;

	status->len = 0;
	if ((rc = store_ticket_events(x->si, &v[TC_ID], history_event, &h, d)))
		return rc;
	if (v[TC_REPORTED].type == STORE_NULL && h.any) {
		v[TC_REPORTED].type = STORE_INT;
		v[TC_REPORTED].i = h.first;
	}
	if (v[TC_RESPONDED].type == STORE_NULL && h.has_resp) {
		v[TC_RESPONDED].type = STORE_INT;
		v[TC_RESPONDED].i = h.responded;
	}
	if (v[TC_RESOLVED].type == STORE_NULL && h.has_res) {
		v[TC_RESOLVED].type = STORE_INT;
		v[TC_RESOLVED].i = h.resolved;
	}
	if (v[TC_CLOSED].type == STORE_NULL && h.has_clo) {
		v[TC_CLOSED].type = STORE_INT;
		v[TC_CLOSED].i = h.closed;
	}
	if (status->len) {
		v[TC_STATUS].type = STORE_TEXT;
		v[TC_STATUS].s = status->s;
	}
	return SK_OK;
}

/* The walk over the staged tickets. */
struct finish {
	struct imp *x;
	struct buf status;
};

static enum sk_err finish_ticket(void *ctx, struct store_val v[TC_COUNT], long first_line,
				 struct sk_diag *d)
{
	struct finish *f = ctx;
	struct imp *x = f->x;
	enum sk_err rc;

	x->line = first_line;
	if ((rc = derive(x, v, &f->status, d)))
		return rc;
	return import_put(x, STORE_TICKETS, v, NULL, NULL, 0, &x->res->tickets_inserted,
			  &x->res->tickets_updated, &x->res->tickets_unchanged, d);
}

static enum sk_err eventlog_finish(struct imp *x, struct sk_diag *d)
{
	struct finish f = { .x = x };
	enum sk_err rc;

	if (x->bad)
		return SK_OK;
	rc = store_stage_each(x->si, finish_ticket, &f, d);
	free(f.status.s);
	return rc;
}

const struct kind_ops kind_eventlog = {
	eventlog_check, eventlog_store, eventlog_finish, F_ID, "ticket", -1
};
