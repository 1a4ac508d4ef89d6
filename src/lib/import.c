/*
 * One import: read the header, find each field's column (map, profile,
 * generic name), tell the kind when not given, then stream the rows through
 * the kind's handler inside one transaction. Bad rows are reported one by
 * one; unless they may be skipped, the transaction is rolled back at the end
 * so the database is exactly as before.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csvread.h"
#include "import_priv.h"
#include "slakit/version.h"

typedef enum sk_err (*row_fn)(struct sk_imp *x, struct sk_diag *d);

static const row_fn handlers[SK_KINDS] = {
	[SK_KIND_TICKETS] = sk_imp_ticket_row,
	[SK_KIND_EVENTS] = sk_imp_event_row,
	[SK_KIND_EVENTLOG] = sk_imp_eventlog_row,
	[SK_KIND_PAUSES] = sk_imp_pause_row,
	[SK_KIND_CALLS] = sk_imp_call_row,
	[SK_KIND_OUTAGES] = sk_imp_outage_row,
	[SK_KIND_KPI] = sk_imp_kpi_row,
};

void sk_import_opts_init(struct sk_import_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->kind = -1;
	o->encoding = -1;
}

/* Column names compare by their letters and digits only, without case. */
static int name_eq(const char *a, const char *b)
{
	for (;;) {
		while (*a && !isalnum((unsigned char)*a) && !((unsigned char)*a & 0x80))
			a++;
		while (*b && !isalnum((unsigned char)*b) && !((unsigned char)*b & 0x80))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
}

static int find_col(const struct sk_imp *x, const char *name)
{
	for (size_t i = 0; i < x->ncols; i++)
		if (name_eq(x->header[i], name))
			return (int)i;
	return -1;
}

static int has_default(const struct sk_imp *x, enum sk_fid f)
{
	if (x->map)
		for (size_t i = 0; i < x->map->n_defaults; i++)
			if (strcmp(x->map->defaults[i].a, sk_fields[f].name) == 0)
				return 1;
	return 0;
}

/* The column of field @p f for kind @p k: the map, the profile, the name. */
static int column_for(const struct sk_imp *x, enum sk_import_kind k, enum sk_fid f,
		      int *map_missing)
{
	const struct sk_profile *generic = sk_profile_find("generic");
	int c, listed = 0;

	if (x->map)
		for (size_t i = 0; i < x->map->n_columns; i++)
			if (strcmp(x->map->columns[i].a, sk_fields[f].name) == 0) {
				listed = 1;
				if ((c = find_col(x, x->map->columns[i].b)) >= 0)
					return c;
			}
	if (map_missing)
		*map_missing = listed;
	for (const struct sk_alias *a = x->prof->aliases; a->header; a++)
		if ((a->kinds & KB(k)) && a->field == f && (c = find_col(x, a->header)) >= 0)
			return c;
	if ((c = find_col(x, sk_fields[f].name)) >= 0)
		return c;
	for (const struct sk_alias *a = generic->aliases; a->header; a++)
		if ((a->kinds & KB(k)) && a->field == f && (c = find_col(x, a->header)) >= 0)
			return c;
	return -1;
}

/* 1 when the header has every field kind @p k needs. */
static int fits(const struct sk_imp *x, enum sk_import_kind k)
{
	for (int f = 0; f < F_COUNT; f++)
		if ((sk_fields[f].required & KB(k)) && column_for(x, k, f, NULL) < 0 &&
		    !has_default(x, f))
			return 0;
	return 1;
}

static enum sk_err detect_kind(struct sk_imp *x, struct sk_diag *d)
{
	int found = -1, n = 0;
	char list[128] = "";
	size_t len = 0;

	/* An event log looks like tickets plus events: only said explicitly. */
	for (int k = 0; k < SK_KINDS; k++) {
		if (k == SK_KIND_EVENTLOG || !fits(x, k))
			continue;
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", n ? ", " : "",
					sk_import_kind_name(k));
		found = k;
		n++;
	}
	if (n == 1) {
		x->kind = found;
		return SK_OK;
	}
	if (n == 0)
		return sk_diag_set(d, SK_ERR_DATA, x->name, 1, NULL,
				   "cannot tell the kind of export from its header "
				   "(profile %s); give --kind", x->prof->name);
	return sk_diag_set(d, SK_ERR_DATA, x->name, 1, NULL,
			   "the header fits more than one kind (%s); give --kind", list);
}

/* Find every field's column; a required one without column refuses the file. */
static enum sk_err map_columns(struct sk_imp *x, struct sk_diag *d)
{
	for (int f = 0; f < F_COUNT; f++) {
		int listed = 0;

		x->col[f] = -1;
		if (!(sk_fields[f].kinds & KB(x->kind)))
			continue;
		x->col[f] = column_for(x, x->kind, f, &listed);
		if (x->col[f] >= 0) {
			x->is_mapped[x->col[f]] = 1;
			continue;
		}
		if (listed)
			return sk_diag_set(d, SK_ERR_DATA, x->name, 1, sk_fields[f].name,
					   "the map's column for this field is not in the header");
		if ((sk_fields[f].required & KB(x->kind)) && !has_default(x, f))
			return sk_diag_set(d, SK_ERR_DATA, x->name, 1, sk_fields[f].name,
					   "no column for this required field of %s (profile %s)",
					   sk_import_kind_name(x->kind), x->prof->name);
	}
	return SK_OK;
}

/* Write a rejected row: line, reason, then the row as it was. */
static void write_reject(struct sk_imp *x, char delim)
{
	FILE *fp = x->o->rejects;
	char buf[2048], num[24];
	struct sk_diag r = x->rd;

	if (!fp)
		return;
	r.file[0] = '\0';
	r.line = 0;
	snprintf(num, sizeof(num), "%ld", x->line);
	fputs(num, fp);
	fputc(delim, fp);
	sk_csv_write_field(fp, sk_diag_format(&r, buf, sizeof(buf)), delim);
	for (size_t i = 0; i < x->n; i++) {
		fputc(delim, fp);
		sk_csv_write_field(fp, x->f[i], delim);
	}
	fputc('\n', fp);
}

static void bad_row(struct sk_imp *x, char delim)
{
	x->res->rejected++;
	if (x->o->on_bad_row)
		x->o->on_bad_row(x->o->ctx, &x->rd);
	if (x->o->skip_bad)
		write_reject(x, delim);
	else
		x->bad = 1;
}

static enum sk_err log_start(struct sk_imp *x, const char *profile, int enc,
			     char delim, sk_time started, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	char dl[8];
	enum sk_err rc;

	snprintf(dl, sizeof(dl), "%s", delim == '\t' ? "tab" : (char[2]){ delim, 0 });
	rc = sk_db_prepare(x->db, "INSERT INTO imports (file, sha256, bytes, kind, profile, "
			   "map_file, map_sha256, contract_sha256, time_zone, encoding, delimiter, "
			   "skip_bad, rows_read, rows_inserted, rows_updated, rows_unchanged, "
			   "rows_rejected, tickets_inserted, tickets_updated, tickets_unchanged, "
			   "dst_gaps, dst_folds, started_at, finished_at, tool_version) VALUES "
			   "(?1, '', 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, 0, 0, 0, 0, 0, 0, "
			   "0, 0, ?11, ?11, ?12)", &st, d);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, x->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sk_import_kind_name(x->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, profile, -1, SQLITE_STATIC);
	if (x->map) {
		sqlite3_bind_text(st, 4, x->map->path, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, x->map->sha256, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 6, x->c->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, sk_tz_name(x->c->tz), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, enc == SK_ENC_CP1252 ? "windows-1252" : "utf-8", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, dl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 10, x->o->skip_bad);
	sqlite3_bind_int64(st, 11, started);
	sqlite3_bind_text(st, 12, sk_version(), -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = sk_db_fail(x->db, "log import", d);
	sqlite3_finalize(st);
	x->import_id = sqlite3_last_insert_rowid(x->h);
	return rc;
}

static enum sk_err log_finish(struct sk_imp *x, int64_t bytes, struct sk_diag *d)
{
	sqlite3_stmt *st = NULL;
	const struct sk_import_result *r = x->res;
	enum sk_err rc;

	rc = sk_db_prepare(x->db, "UPDATE imports SET sha256 = ?1, bytes = ?2, rows_read = ?3, "
			   "rows_inserted = ?4, rows_updated = ?5, rows_unchanged = ?6, "
			   "rows_rejected = ?7, tickets_inserted = ?8, tickets_updated = ?9, "
			   "tickets_unchanged = ?10, dst_gaps = ?11, dst_folds = ?12, "
			   "finished_at = ?13 WHERE id = ?14", &st, d);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, r->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, bytes);
	sqlite3_bind_int64(st, 3, r->rows_read);
	sqlite3_bind_int64(st, 4, r->inserted);
	sqlite3_bind_int64(st, 5, r->updated);
	sqlite3_bind_int64(st, 6, r->unchanged);
	sqlite3_bind_int64(st, 7, r->rejected);
	sqlite3_bind_int64(st, 8, r->tickets_inserted);
	sqlite3_bind_int64(st, 9, r->tickets_updated);
	sqlite3_bind_int64(st, 10, r->tickets_unchanged);
	sqlite3_bind_int64(st, 11, r->dst_gaps);
	sqlite3_bind_int64(st, 12, r->dst_folds);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)time(NULL));
	sqlite3_bind_int64(st, 14, x->import_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = sk_db_fail(x->db, "log import", d);
	sqlite3_finalize(st);
	return rc;
}

static void imp_release(struct sk_imp *x)
{
	for (size_t i = 0; i < x->ncols; i++)
		free(x->header[i]);
	free(x->header);
	free(x->is_mapped);
	sqlite3_finalize(x->st_seen);
	sqlite3_finalize(x->st_seen_add);
	for (int i = 0; i < 8; i++)
		sqlite3_finalize(x->st[i]);
	free(x->extra.s);
	free(x->scratch.s);
}

enum sk_err sk_import_file(struct sk_db *db, const struct sk_contract *c,
			   const char *path, const char *name,
			   const struct sk_import_opts *o,
			   struct sk_import_result *res, struct sk_diag *d)
{
	struct sk_imp x = { 0 };
	struct sk_csv *csv = NULL;
	struct sk_csv_row row;
	const struct sk_map *map = o->map;
	const char *profile;
	char delim;
	int enc, began = 0;
	sk_time started = (sk_time)time(NULL);
	int64_t done, total;
	enum sk_err rc;

	memset(res, 0, sizeof(*res));
	x.db = db;
	x.h = sk_db_handle(db);
	x.c = c;
	x.o = o;
	x.map = map;
	x.res = res;
	x.name = name ? name : path;
	profile = o->profile ? o->profile : map && map->profile ? map->profile : "generic";
	x.prof = sk_profile_find(profile);
	if (!x.prof)
		return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL, "unknown profile '%s'", profile);
	snprintf(res->profile, sizeof(res->profile), "%s", profile);
	delim = o->delimiter ? o->delimiter : map ? map->delimiter : 0;
	enc = o->encoding >= 0 ? o->encoding : map && map->encoding >= 0 ? map->encoding
									 : SK_ENC_UTF8;
	x.date_format = o->date_format ? o->date_format : map ? map->date_format : NULL;

	if ((rc = sk_csv_open(path, x.name, delim, enc, &csv, d)))
		goto out;
	if ((rc = sk_csv_next(csv, &row, d)))
		goto out;
	if (row.n == 0) {
		rc = sk_diag_set(d, SK_ERR_DATA, x.name, 0, NULL, "empty file: no header line");
		goto out;
	}
	res->delimiter = delim = sk_csv_delimiter(csv);
	x.header = calloc(row.n, sizeof(char *));
	x.is_mapped = calloc(row.n, 1);
	if (!x.header || !x.is_mapped) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
		goto out;
	}
	for (x.ncols = 0; x.ncols < row.n; x.ncols++)
		if (!(x.header[x.ncols] = strdup(row.f[x.ncols]))) {
			rc = sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
			goto out;
		}
	x.kind = o->kind >= 0 ? o->kind : map && map->kind >= 0 ? map->kind : -1;
	if ((int)x.kind < 0 && (rc = detect_kind(&x, d)))
		goto out;
	res->kind = x.kind;
	if ((rc = map_columns(&x, d)))
		goto out;

	if ((rc = sk_db_begin(db, d)))
		goto out;
	began = 1;
	if ((rc = sk_db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, "
			     "line INTEGER); DELETE FROM temp.seen", d)) ||
	    (rc = sk_db_prepare(db, "SELECT line FROM temp.seen WHERE key = ?1", &x.st_seen, d)) ||
	    (rc = log_start(&x, profile, enc, delim, started, d)))
		goto out;
	if (o->rejects && o->skip_bad) {
		fputs("line", o->rejects);
		fputc(delim, o->rejects);
		fputs("reason", o->rejects);
		for (size_t i = 0; i < x.ncols; i++) {
			fputc(delim, o->rejects);
			sk_csv_write_field(o->rejects, x.header[i], delim);
		}
		fputc('\n', o->rejects);
	}

	for (;;) {
		if ((rc = sk_csv_next(csv, &row, d)))
			goto out;
		if (row.n == 0)
			break;
		res->rows_read++;
		x.f = row.f;
		x.n = row.n;
		x.line = row.line;
		if (row.n != x.ncols) {
			sk_diag_set(&x.rd, SK_ERR_DATA, x.name, x.line, NULL,
				    "%zu fields, but the header has %zu", row.n, x.ncols);
			rc = SK_ERR_DATA;
		} else {
			rc = handlers[x.kind](&x, d);
		}
		if (rc == SK_ERR_DATA)
			bad_row(&x, delim);
		else if (rc)
			goto out;
		if (o->on_progress && (res->rows_read & 0x3fff) == 0) {
			sk_csv_progress(csv, &done, &total);
			o->on_progress(o->ctx, done, total, res->rows_read);
		}
	}
	rc = SK_OK;
	if (x.kind == SK_KIND_EVENTLOG && (rc = sk_imp_eventlog_finish(&x, d)))
		goto out;
	if ((rc = sk_csv_finish_hash(csv, res->sha256, d)))
		goto out;
	if (x.bad) {
		rc = sk_diag_set(d, SK_ERR_DATA, x.name, 0, NULL,
				 "%ld bad row%s of %ld: nothing imported (--skip-bad imports "
				 "the good rows)", res->rejected, res->rejected == 1 ? "" : "s",
				 res->rows_read);
		goto out;
	}
	sk_csv_progress(csv, &done, &total);
	if ((rc = log_finish(&x, done, d)))
		goto out;
	rc = sk_db_commit(db, d);
	if (!rc)
		res->import_id = x.import_id;
out:
	imp_release(&x);
	if (rc && began)
		sk_db_rollback(db);
	sk_csv_close(csv);
	return rc;
}
