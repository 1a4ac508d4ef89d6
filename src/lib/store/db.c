/* Opening, versioning and transactions of the slakit SQLite database. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_priv.h"
#include "schema.h"
#include "slakit/db.h"

struct sk_db {
	sqlite3 *h;
	char *path;
	int busy_ms;
	int in_tx;
	void (*settle)(void *);  /* work still running on the database (db_defer()) */
	void *settle_arg;
};

void db_defer(struct sk_db *db, void (*settle)(void *), void *arg)
{
	db_settle(db);
	db->settle = settle;
	db->settle_arg = arg;
}

void db_settle(struct sk_db *db)
{
	void (*settle)(void *) = db->settle;

	db->settle = NULL;
	if (settle)
		settle(db->settle_arg);
}

sqlite3 *sk_db_handle(struct sk_db *db)
{
	return db->h;
}

const char *sk_db_path(const struct sk_db *db)
{
	return db->path;
}

void sk_db_set_busy_timeout(struct sk_db *db, int ms)
{
	db->busy_ms = ms;
	sqlite3_busy_timeout(db->h, ms);
}

enum sk_err sk_db_fail(struct sk_db *db, const char *what, struct sk_diag *d)
{
	int code = sqlite3_errcode(db->h) & 0xff;

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL,
				   "database is locked by another process "
				   "(waited %d s); try again later",
				   db->busy_ms / 1000);
	if (code == SQLITE_NOMEM)
		return sk_diag_set(d, SK_ERR_NOMEM, db->path, 0, NULL, "%s: out of memory", what);
	if (code == SQLITE_NOTADB)
		return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL,
				   "not an SQLite database");
	if (code == SQLITE_FULL)
		return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL, "%s: the disk is full", what);
	if (code == SQLITE_READONLY)
		return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL, "%s: the database is "
				   "read-only (the file or its directory cannot be written)", what);
	if (code == SQLITE_IOERR && sqlite3_system_errno(db->h))
		return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL, "%s: disk I/O error: %s",
				   what, strerror(sqlite3_system_errno(db->h)));
	return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL, "%s: %s", what,
			   sqlite3_errmsg(db->h));
}

enum sk_err sk_db_exec(struct sk_db *db, const char *sql, struct sk_diag *d)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sk_db_fail(db, sql, d);
	return SK_OK;
}

enum sk_err sk_db_prepare(struct sk_db *db, const char *sql, sqlite3_stmt **st,
			  struct sk_diag *d)
{
	if (sqlite3_prepare_v2(db->h, sql, -1, st, NULL) != SQLITE_OK)
		return sk_db_fail(db, "prepare", d);
	return SK_OK;
}

enum sk_err sk_db_begin(struct sk_db *db, struct sk_diag *d)
{
	/* IMMEDIATE takes the write lock now, so a second writer waits here
	 * (busy timeout) instead of failing halfway through its file. */
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return sk_db_fail(db, "begin", d);
	db->in_tx = 1;
	return SK_OK;
}

enum sk_err sk_db_commit(struct sk_db *db, struct sk_diag *d)
{
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return sk_db_fail(db, "commit", d);
	db->in_tx = 0;
	return SK_OK;
}

void sk_db_rollback(struct sk_db *db)
{
	if (db && db->in_tx && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	if (db)
		db->in_tx = 0;
}

/* One integer from a query, or -1 on error. */
static long long query_int(struct sk_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A database opened for writing must be writable, and so must its
 * directory, where SQLite keeps the write-ahead log: say so now, plainly,
 * rather than fail at the first write. */
static enum sk_err check_writable(struct sk_db *db, struct sk_diag *d)
{
	const char *slash = strrchr(db->path, '/');
	char dir[4096];

	if (strcmp(db->path, ":memory:") == 0 || db->path[0] == '\0')
		return SK_OK;
	if (sqlite3_db_readonly(db->h, "main") == 1)
		return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL,
				   "the database file is read-only: cannot write to it");
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash == db->path ? 1 : slash - db->path),
			 db->path);
	if (access(dir, W_OK) != 0 && errno == EACCES)
		return sk_diag_set(d, SK_ERR_DB, db->path, 0, NULL,
				   "its directory '%s' is read-only: SQLite keeps its write-ahead "
				   "log beside the database", dir);
	return SK_OK;
}

/* Bring the schema from its version up to SK_DB_SCHEMA_VERSION. */
static enum sk_err migrate(struct sk_db *db, struct sk_diag *d)
{
	enum sk_err rc;
	long long v;
	char sql[64];

	rc = sk_db_begin(db, d);
	if (rc)
		return rc;
	/* Read again under the lock: another process may have upgraded it. */
	v = query_int(db, "PRAGMA user_version");
	if (v < 0) {
		rc = sk_db_fail(db, "read schema version", d);
		goto out;
	}
	for (; v < SK_DB_SCHEMA_VERSION; v++) {
		const char *const *step = schema_step((int)v);

		for (; step && *step; step++) {
			rc = sk_db_exec(db, *step, d);
			if (rc)
				goto out;
		}
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", SK_DB_SCHEMA_VERSION);
	rc = sk_db_exec(db, sql, d);
	if (rc)
		goto out;
	rc = sk_db_commit(db, d);
out:
	if (rc)
		sk_db_rollback(db);
	return rc;
}

enum sk_err sk_db_open(const char *path, int flags, struct sk_db **out,
		       struct sk_diag *d)
{
	struct sk_db *db = calloc(1, sizeof(*db));
	/* NOMUTEX: a connection is used by one thread at a time, so SQLite
	 * need not lock it around every call. */
	int oflags = SQLITE_OPEN_NOMUTEX | ((flags & SK_DB_READONLY) ? SQLITE_OPEN_READONLY
		     : SQLITE_OPEN_READWRITE | ((flags & SK_DB_CREATE) ? SQLITE_OPEN_CREATE : 0));
	enum sk_err rc = SK_OK;
	long long v;

	*out = NULL;
	if (!db || !(db->path = strdup(path))) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
		goto out;
	}
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		if (!db->h || sqlite3_errcode(db->h) == SQLITE_NOMEM)
			rc = sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "cannot open database: out of memory");
		else
			rc = sk_diag_set(d, SK_ERR_DB, path, 0, NULL, "cannot open database: %s",
					 sqlite3_errmsg(db->h));
		goto out;
	}
	sk_db_set_busy_timeout(db, SK_DB_BUSY_TIMEOUT_MS);
	v = query_int(db, "PRAGMA user_version");
	if (v < 0) {
		rc = sk_db_fail(db, "read schema version", d);
		goto out;
	}
	if (v > SK_DB_SCHEMA_VERSION) {
		rc = sk_diag_set(d, SK_ERR_DB, path, 0, NULL,
				 "database schema version %lld is newer than this slakit "
				 "understands (%d): use a newer slakit", v,
				 SK_DB_SCHEMA_VERSION);
		goto out;
	}
	if (v == 0 && query_int(db, "SELECT count(*) FROM sqlite_master") > 0) {
		rc = sk_diag_set(d, SK_ERR_DB, path, 0, NULL,
				 "not a slakit database (it has tables but no slakit "
				 "schema version)");
		goto out;
	}
	if (flags & SK_DB_READONLY) {
		if (v < SK_DB_SCHEMA_READABLE) {
			if (v == 0)
				rc = sk_diag_set(d, SK_ERR_DB, path, 0, NULL,
						 "empty database: nothing imported yet");
			else
				rc = sk_diag_set(d, SK_ERR_DB, path, 0, NULL,
						 "database schema version %lld is older than "
						 "%d: run sla-import once to upgrade it",
						 v, SK_DB_SCHEMA_VERSION);
			goto out;
		}
	} else {
		if ((rc = check_writable(db, d)))
			goto out;
		/* A new database gets 8 KiB pages: a large import writes fewer,
		 * fuller pages than with SQLite's 4 KiB (only possible while empty). */
		if (v == 0 && sqlite3_exec(db->h, "PRAGMA page_size = 8192", NULL, NULL,
					   NULL) != SQLITE_OK) {
			rc = sk_db_fail(db, "set page size", d);
			goto out;
		}
		/* WAL: readers go on while one import writes; a kill mid-import
		 * leaves the last committed state. */
		if (sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
			rc = sk_db_fail(db, "set journal mode", d);
			goto out;
		}
		if (v < SK_DB_SCHEMA_VERSION) {
			rc = migrate(db, d);
			if (rc)
				goto out;
		}
	}
	/* A bounded page cache (64 MiB) keeps one big import off the disk
	 * without memory growing with the file. */
	rc = sk_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; "
			 "PRAGMA temp.cache_size = -32768", d);
out:
	if (rc) {
		sk_db_close(db);
		return rc;
	}
	*out = db;
	return SK_OK;
}

void sk_db_close(struct sk_db *db)
{
	if (!db)
		return;
	db_settle(db);
	sk_db_rollback(db);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

enum sk_err sk_db_check_contract(struct sk_db *db, const char *contract_id, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc = SK_OK;
	int step;

	/* Before version 4 (read as it is) no import says its contract. */
	if (query_int(db, "PRAGMA user_version") < 4)
		return SK_OK;
	if ((rc = sk_db_prepare(db, "SELECT contract_id FROM imports WHERE contract_id IS NOT NULL"
				" ORDER BY id LIMIT 1", &st, d)))
		return rc;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const char *owner = (const char *)sqlite3_column_text(st, 0);

		if (owner && strcmp(owner, contract_id ? contract_id : "") != 0)
			rc = sk_diag_set(d, SK_ERR_USAGE, db->path, 0, NULL,
					 "this database belongs to contract '%s', not '%s': "
					 "one database per contract", owner, contract_id ? contract_id : "");
	} else if (step != SQLITE_DONE) {
		rc = sk_db_fail(db, "reading the database's contract", d);
	}
	sqlite3_finalize(st);
	return rc;
}
