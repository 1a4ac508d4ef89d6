/* An import's row in the imports table: written as it starts, completed
 * with the file's hash and the counts before the commit. */
#include "import_store_priv.h"

enum sk_err store_import_log_start(struct store_import *si, const struct store_import_log *log,
				   long long *id, struct sk_diag *d)
{
	/* Parameters, named once. */
	enum { P_FILE = 1, P_KIND, P_PROFILE, P_MAP_FILE, P_MAP_SHA256, P_CONTRACT_SHA256,
	       P_TIME_ZONE, P_ENCODING, P_DELIMITER, P_SKIP_BAD, P_STARTED, P_TOOL_VERSION,
	       P_CONTRACT_ID, P_HORIZON, P_RESPONSE_COLUMN };
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	rc = sk_db_prepare(si->db, "INSERT INTO imports (file, sha256, bytes, kind, profile, "
			   "map_file, map_sha256, contract_sha256, time_zone, encoding, delimiter, "
			   "skip_bad, rows_read, rows_inserted, rows_updated, rows_unchanged, "
			   "rows_rejected, tickets_inserted, tickets_updated, tickets_unchanged, "
			   "dst_gaps, dst_folds, started_at, finished_at, tool_version, contract_id, "
			   "horizon, response_column) VALUES "
			   "(?1, '', 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, 0, 0, 0, 0, 0, 0, "
			   "0, 0, ?11, ?11, ?12, ?13, ?14, ?15)", &st, d);
	if (rc)
		return rc;
	sqlite3_bind_text(st, P_FILE, log->file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_KIND, log->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_PROFILE, log->profile, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_MAP_FILE, log->map_file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_MAP_SHA256, log->map_sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_CONTRACT_SHA256, log->contract_sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_TIME_ZONE, log->time_zone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_ENCODING, log->encoding, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_DELIMITER, log->delimiter, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, P_SKIP_BAD, log->skip_bad);
	sqlite3_bind_int64(st, P_STARTED, log->started);
	sqlite3_bind_text(st, P_TOOL_VERSION, log->tool_version, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, P_CONTRACT_ID, log->contract_id, -1, SQLITE_STATIC);
	if (log->has_horizon)
		sqlite3_bind_int64(st, P_HORIZON, log->horizon);
	si->has_horizon = log->has_horizon;
	si->horizon = log->horizon;
	if (log->response_column >= 0)
		sqlite3_bind_int(st, P_RESPONSE_COLUMN, log->response_column);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = sk_db_fail(si->db, "log import", d);
	sqlite3_finalize(st);
	si->import_id = sqlite3_last_insert_rowid(si->h);
	*id = si->import_id;
	return rc;
}

enum sk_err store_import_log_finish(struct store_import *si, const struct sk_import_result *r,
				    int64_t bytes, sk_time finished, struct sk_diag *d)
{
	enum { P_SHA256 = 1, P_BYTES, P_READ, P_INSERTED, P_UPDATED, P_UNCHANGED, P_REJECTED,
	       P_TICKETS_INSERTED, P_TICKETS_UPDATED, P_TICKETS_UNCHANGED, P_DST_GAPS,
	       P_DST_FOLDS, P_FINISHED, P_ID };
	sqlite3_stmt *st = NULL;
	enum sk_err rc;

	rc = sk_db_prepare(si->db, "UPDATE imports SET sha256 = ?1, bytes = ?2, rows_read = ?3, "
			   "rows_inserted = ?4, rows_updated = ?5, rows_unchanged = ?6, "
			   "rows_rejected = ?7, tickets_inserted = ?8, tickets_updated = ?9, "
			   "tickets_unchanged = ?10, dst_gaps = ?11, dst_folds = ?12, "
			   "finished_at = ?13 WHERE id = ?14", &st, d);
	if (rc)
		return rc;
	sqlite3_bind_text(st, P_SHA256, r->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, P_BYTES, bytes);
	sqlite3_bind_int64(st, P_READ, r->rows_read);
	sqlite3_bind_int64(st, P_INSERTED, r->inserted);
	sqlite3_bind_int64(st, P_UPDATED, r->updated);
	sqlite3_bind_int64(st, P_UNCHANGED, r->unchanged);
	sqlite3_bind_int64(st, P_REJECTED, r->rejected);
	sqlite3_bind_int64(st, P_TICKETS_INSERTED, r->tickets_inserted);
	sqlite3_bind_int64(st, P_TICKETS_UPDATED, r->tickets_updated);
	sqlite3_bind_int64(st, P_TICKETS_UNCHANGED, r->tickets_unchanged);
	sqlite3_bind_int64(st, P_DST_GAPS, r->dst_gaps);
	sqlite3_bind_int64(st, P_DST_FOLDS, r->dst_folds);
	sqlite3_bind_int64(st, P_FINISHED, finished);
	sqlite3_bind_int64(st, P_ID, si->import_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = sk_db_fail(si->db, "log import", d);
	sqlite3_finalize(st);
	return rc;
}

enum sk_err store_import_same_file(struct store_import *si, const char *sha256, long long *id,
				   struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	enum sk_err rc;
	int r;

	*id = 0;
	if ((rc = sk_db_prepare(si->db, "SELECT o.id FROM imports o, imports n WHERE n.id = ?2"
				" AND o.id <> n.id AND o.sha256 = ?1 AND o.kind = n.kind"
				" AND o.profile = n.profile AND o.map_sha256 IS n.map_sha256"
				" AND o.contract_sha256 = n.contract_sha256 ORDER BY o.id LIMIT 1",
				&st, d)))
		return rc;
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, si->import_id);
	r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		rc = sk_db_fail(si->db, "look for the same file", d);
	sqlite3_finalize(st);
	return rc;
}
