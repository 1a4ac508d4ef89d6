/*
 * Storing a period's verdicts: one transaction that replaces the run's rows.
 *
 * At a year of a million tickets the store costs as much as the computation,
 * so sk_results_compute_store() runs it beside the computation, on a second
 * connection to the same file and a thread of its own: it clears the old rows
 * while the tickets are read and inserts each verdict once it is final. The
 * transaction commits only when every verdict is in; a failure on either side
 * rolls it back, so the database holds the old run or the new one, never part.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_priv.h"
#include "store.h"
#include "contract/contract.h"

#include "base/base.h"

/* The store's side of the feed. */
struct store {
	struct results_feed feed;
	const struct sk_contract *c;
	char period[16];
	struct sk_db *db;             /* the store's connection */
	pthread_t thread;
	int committed;                /* store_run() returned (under feed.mu): rc is final */
	enum sk_err rc;
	struct sk_diag d;
};

/* The parameters of INSERT_RESULT, named once (?2 is not used). */
enum {
	R_RUN = 1, R_TICKET = 3, R_TYPE, R_PRIORITY, R_CALENDAR, R_EXCLUDED, R_FLAGS, R_REASON,
	R_RESP_START, R_RESP_STOP, R_RESP_SECONDS, R_RESP_TARGET, R_RESP_DEADLINE, R_RESP_STATE,
	R_RESP_COUNTS,
	R_RES_START, R_RES_STOP, R_RES_SECONDS, R_RES_PAUSED, R_RES_TARGET, R_RES_DEADLINE,
	R_RES_STATE, R_RES_COUNTS,
	R_MATRIX, R_ONSITE_SECONDS, R_ONSITE_MET, R_MTTR_WALL, R_MTTP_WALL, R_MTTP_BUSINESS,
	R_ONSITE_COUNTS, R_SWAP_STATE, R_SWAP_COUNTS, R_SWAP_SECONDS, R_SWAP_TARGET, R_SWAP_DEADLINE,
	R_EMERGENCY_SECONDS, R_EMERGENCY_TARGET, R_EMERGENCY_DEADLINE
};

#define INSERT_RESULT \
	"INSERT INTO ticket_results (run_id, ticket_id," \
	" type, priority, calendar, excluded, flags, reason," \
	" response_start, response_stop, response_seconds, response_target_seconds," \
	" response_deadline, response_state, response_counts," \
	" resolution_start, resolution_stop, resolution_seconds, resolution_paused_seconds," \
	" resolution_target_seconds, resolution_deadline, resolution_state," \
	" resolution_counts, matrix_priority, onsite_seconds, onsite_met, mttr_wall_seconds," \
	" mttp_wall_seconds, mttp_business_seconds, onsite_counts, swap_state, swap_counts," \
	" swap_seconds, swap_target_seconds, swap_deadline, emergency_seconds," \
	" emergency_target_seconds, emergency_deadline) VALUES (?1,?3,?4,?5,?6,?7,?8,?9," \
	"?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,?28,?29,?30," \
	"?31,?32,?33,?34,?35,?36,?37,?38,?39)"

/* Where each clock's columns go: response, resolution (paused: resolution only). */
static const struct clock_params {
	int start, stop, seconds, paused, target, deadline, state, counts;
} clock_params[2] = {
	{ R_RESP_START, R_RESP_STOP, R_RESP_SECONDS, 0, R_RESP_TARGET, R_RESP_DEADLINE,
	  R_RESP_STATE, R_RESP_COUNTS },
	{ R_RES_START, R_RES_STOP, R_RES_SECONDS, R_RES_PAUSED, R_RES_TARGET, R_RES_DEADLINE,
	  R_RES_STATE, R_RES_COUNTS },
};

/* The INSERT of one verdict. A bind SQLite cannot make (a copy out of
 * memory) fails the row: a verdict is never stored without part of it. */
static enum sk_err insert_row(sqlite3_stmt *ins, const struct sk_contract *c, sqlite3_int64 run_id,
			      const struct sk_result *x)
{
	const struct sk_verdict *v = &x->v;
	const struct sk_clock *k[2] = { &v->response, &v->resolution };
	char flags[256];
	int bad = 0;

	sqlite3_reset(ins);
	sqlite3_clear_bindings(ins);
	bad |= sqlite3_bind_int64(ins, R_RUN, run_id);
	bad |= sqlite3_bind_text(ins, R_TICKET, x->ticket.id, -1, SQLITE_STATIC);
	bad |= sqlite3_bind_text(ins, R_TYPE, sk_ticket_type_name(x->ticket.type), -1, SQLITE_STATIC);
	bad |= sqlite3_bind_text(ins, R_PRIORITY, c->priorities[v->priority].id, -1, SQLITE_STATIC);
	bad |= sqlite3_bind_text(ins, R_CALENDAR,
				 c->calendars[c->priorities[v->priority].calendar].name, -1,
				 SQLITE_STATIC);
	bad |= sqlite3_bind_int(ins, R_EXCLUDED, v->excluded);
	/* Most tickets have no flags: NULL keeps the rows small. */
	if (v->flags)
		bad |= sqlite3_bind_text(ins, R_FLAGS,
					 results_flag_list(v->flags, flags, sizeof(flags)), -1,
					 SQLITE_TRANSIENT);
	if (v->reason[0])
		bad |= sqlite3_bind_text(ins, R_REASON, v->reason, -1, SQLITE_STATIC);
	for (int j = 0; j < 2; j++) {
		const struct clock_params *p = &clock_params[j];

		if (k[j]->state != SK_CLOCK_NA) {
			bad |= sqlite3_bind_int64(ins, p->start, k[j]->start);
			if (k[j]->stop)
				bad |= sqlite3_bind_int64(ins, p->stop, k[j]->stop);
			bad |= sqlite3_bind_int64(ins, p->seconds, k[j]->elapsed);
			if (p->paused)
				bad |= sqlite3_bind_int64(ins, p->paused, k[j]->paused);
			bad |= sqlite3_bind_int64(ins, p->target, k[j]->target);
			if (k[j]->deadline)
				bad |= sqlite3_bind_int64(ins, p->deadline, k[j]->deadline);
		}
		bad |= sqlite3_bind_text(ins, p->state, sk_clock_state_name(k[j]->state), -1,
					 SQLITE_STATIC);
		bad |= sqlite3_bind_int(ins, p->counts, j ? x->resolution_counts : x->response_counts);
	}
	if (v->matrix_priority >= 0)
		bad |= sqlite3_bind_text(ins, R_MATRIX, c->priorities[v->matrix_priority].id, -1,
					 SQLITE_STATIC);
	if (v->onsite_elapsed >= 0) {
		bad |= sqlite3_bind_int64(ins, R_ONSITE_SECONDS, v->onsite_elapsed);
		bad |= sqlite3_bind_int(ins, R_ONSITE_MET, v->onsite_met);
	}
	if (v->onsite.state != SK_CLOCK_NA)
		bad |= sqlite3_bind_int(ins, R_ONSITE_COUNTS, x->onsite_counts);
	bad |= sqlite3_bind_text(ins, R_SWAP_STATE, sk_clock_state_name(v->swap_state), -1,
				 SQLITE_STATIC);
	if (v->swap.state != SK_CLOCK_NA) {
		bad |= sqlite3_bind_int(ins, R_SWAP_COUNTS, x->swap_counts);
		bad |= sqlite3_bind_int64(ins, R_SWAP_SECONDS, v->swap.elapsed);
		bad |= sqlite3_bind_int64(ins, R_SWAP_TARGET, v->swap.target);
		if (v->swap.deadline)
			bad |= sqlite3_bind_int64(ins, R_SWAP_DEADLINE, v->swap.deadline);
	}
	if (v->emergency.state != SK_CLOCK_NA) {
		bad |= sqlite3_bind_int64(ins, R_EMERGENCY_SECONDS, v->emergency.elapsed);
		bad |= sqlite3_bind_int64(ins, R_EMERGENCY_TARGET, v->emergency.target);
		if (v->emergency.deadline)
			bad |= sqlite3_bind_int64(ins, R_EMERGENCY_DEADLINE, v->emergency.deadline);
	}
	if (v->mttr_wall >= 0)
		bad |= sqlite3_bind_int64(ins, R_MTTR_WALL, v->mttr_wall);
	if (v->mttp_wall >= 0) {
		bad |= sqlite3_bind_int64(ins, R_MTTP_WALL, v->mttp_wall);
		bad |= sqlite3_bind_int64(ins, R_MTTP_BUSINESS, v->mttp_business);
	}
	if (bad)
		return SK_ERR_NOMEM;
	return sqlite3_step(ins) == SQLITE_DONE ? SK_OK : SK_ERR_DB;
}

/* The whole store, in one transaction on f->db. */
static enum sk_err store_run(struct store *f)
{
	struct sk_db *db = f->db;
	struct sk_diag *d = &f->d;
	const struct sk_results *r = NULL;
	sqlite3_stmt *run = NULL, *del = NULL, *ins = NULL, *cnt = NULL;
	sqlite3_int64 run_id;
	size_t i = 0, ready;
	int done = 0, abort = 0;
	enum sk_err rc;

	/* Every row points at the run made in the same transaction, so checking the
	 * reference a million times proves nothing and cost a quarter of the store.
	 * (The pragma cannot change inside a transaction: off before, on after.) */
	if ((rc = sk_db_exec(db, "PRAGMA foreign_keys = OFF", d)))
		return rc;
	if ((rc = sk_db_begin(db, d))) {
		sk_db_exec(db, "PRAGMA foreign_keys = ON", NULL);
		return rc;
	}
	/* One run per period and contract: recomputing replaces its rows. */
	if ((rc = sk_db_prepare(db, "INSERT INTO result_runs (period, contract_sha256, tickets)"
				" VALUES (?1, ?2, 0) ON CONFLICT (period, contract_sha256) DO UPDATE"
				" SET tickets = 0 RETURNING id", &run, d)))
		goto out;
	sqlite3_bind_text(run, 1, f->period, -1, SQLITE_STATIC);
	sqlite3_bind_text(run, 2, f->c->sha256, -1, SQLITE_STATIC);
	if (sqlite3_step(run) != SQLITE_ROW) {
		rc = sk_db_fail(db, "recording the run", d);
		goto out;
	}
	run_id = sqlite3_column_int64(run, 0);
	sqlite3_reset(run);
	if ((rc = sk_db_prepare(db, "DELETE FROM ticket_results WHERE run_id = ?1", &del, d)) ||
	    (rc = sk_db_prepare(db, "UPDATE result_runs SET tickets = ?2 WHERE id = ?1", &cnt, d)) ||
	    (rc = sk_db_prepare(db, INSERT_RESULT, &ins, d)))
		goto out;
	sqlite3_bind_int64(del, 1, run_id);
	if (sqlite3_step(del) != SQLITE_DONE) {
		rc = sk_db_fail(db, "clearing earlier results", d);
		goto out;
	}
	for (;;) {
		ready = results_feed_wait(&f->feed, i, &r, &done, &abort);
		if (abort) {
			rc = SK_ERR_DB; /* nothing to say: the computation says why */
			goto out;
		}
		for (; i < ready; i++)
			if ((rc = insert_row(ins, f->c, run_id, &r->r[i]))) {
				rc = rc == SK_ERR_NOMEM
				     ? sk_diag_set(d, rc, NULL, 0, NULL, "storing results: out of memory")
				     : sk_db_fail(db, "storing results", d);
				goto out;
			}
		if (done && i == ready)
			break;
	}
	sqlite3_bind_int64(cnt, 1, run_id);
	sqlite3_bind_int64(cnt, 2, (sqlite3_int64)i);
	if (sqlite3_step(cnt) != SQLITE_DONE) {
		rc = sk_db_fail(db, "recording the run", d);
		goto out;
	}
	rc = sk_db_commit(db, d);
out:
	sqlite3_finalize(run);
	sqlite3_finalize(del);
	sqlite3_finalize(cnt);
	sqlite3_finalize(ins);
	if (rc)
		sk_db_rollback(db);
	sk_db_exec(db, "PRAGMA foreign_keys = ON", NULL);
	return rc;
}

/*
 * The store on its own thread. Once the transaction is in, the caller may go
 * on (write its output, free the verdicts) while this thread copies the
 * write-ahead log into the database file: the checkpoint that SQLite would
 * otherwise run inside the commit, on the caller's time (a fifth of a
 * second for a year of a million tickets).
 */
static void *store_thread(void *arg)
{
	struct store *f = arg;
	enum sk_err rc = store_run(f);

	pthread_mutex_lock(&f->feed.mu);
	f->rc = rc;
	f->committed = 1;
	pthread_cond_broadcast(&f->feed.cv);
	pthread_mutex_unlock(&f->feed.mu);
	if (!rc)
		sqlite3_wal_checkpoint_v2(sk_db_handle(f->db), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
					  NULL);
	sk_db_close(f->db);
	return NULL;
}

/* Wait for the thread's checkpoint and free the store (db_defer()). */
static void store_settle(void *arg)
{
	struct store *f = arg;

	pthread_join(f->thread, NULL);
	results_feed_release(&f->feed);
	free(f);
}

static void store_init(struct store *f, struct sk_db *db, const struct sk_contract *c,
		       const char *period)
{
	memset(f, 0, sizeof(*f));
	results_feed_init(&f->feed);
	f->db = db;
	f->c = c;
	snprintf(f->period, sizeof(f->period), "%s", period);
	sk_diag_clear(&f->d);
}

/* Say the verdicts are all there (@ok) or will not come; wait for the commit. */
static enum sk_err store_finish(struct store *f, const struct sk_results *r, int ok)
{
	enum sk_err rc;

	results_feed_end(&f->feed, r, r ? r->n : 0, ok);
	pthread_mutex_lock(&f->feed.mu);
	while (!f->committed)
		pthread_cond_wait(&f->feed.cv, &f->feed.mu);
	rc = f->rc;
	pthread_mutex_unlock(&f->feed.mu);
	return rc;
}

enum sk_err sk_results_store(struct sk_db *db, const struct sk_results *r, struct sk_diag *d)
{
	struct store f;
	enum sk_err rc;

	store_init(&f, db, r->contract, r->period.label);
	results_feed_end(&f.feed, r, r->n, 1);
	rc = store_run(&f);
	if (rc && d)
		*d = f.d;
	results_feed_release(&f.feed);
	return rc;
}

enum sk_err store_results_start(struct sk_db *db, const struct sk_contract *c, const char *period,
				struct store_results **out)
{
	const char *path = sk_db_path(db);
	struct store *f;
	struct sk_db *store_db = NULL;

	*out = NULL;
	db_settle(db);
	/* A second connection sees the same data only through a file. */
	if (!path || !*path || strcmp(path, ":memory:") == 0 ||
	    sk_db_open(path, 0, &store_db, NULL) != SK_OK)
		return SK_ERR_DB;
	/* Its commit leaves the log to the thread's own checkpoint. */
	if (!(f = malloc(sizeof(*f))) ||
	    sk_db_exec(store_db, "PRAGMA wal_autocheckpoint = 0", NULL) != SK_OK) {
		free(f);
		sk_db_close(store_db);
		return SK_ERR_DB;
	}
	store_init(f, store_db, c, period);
	if (pthread_create(&f->thread, NULL, store_thread, f) != 0) {
		sk_db_close(store_db);
		results_feed_release(&f->feed);
		free(f);
		return SK_ERR_DB;
	}
	*out = (struct store_results *)f;
	return SK_OK;
}

struct results_feed *store_results_feed(struct store_results *s)
{
	return &((struct store *)s)->feed;
}

enum sk_err store_results_finish(struct sk_db *db, struct store_results *s,
				 const struct sk_results *r, int ok, struct sk_diag *d)
{
	struct store *f = (struct store *)s;
	enum sk_err rc = store_finish(f, r, ok);

	if (rc && d)
		*d = f->d;
	/* The thread checkpoints and closes its connection; closing @db waits for it. */
	db_defer(db, store_settle, f);
	return rc;
}
