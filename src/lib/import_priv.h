/*
 * Inside the importer (private to libslakit): the fields each kind of export
 * has, the profiles and maps that name them, and the state of one import.
 */
#ifndef SK_IMPORT_PRIV_H
#define SK_IMPORT_PRIV_H

#include <sqlite3.h>
#include <stddef.h>

#include "slakit/contract.h"
#include "slakit/db.h"
#include "slakit/import.h"

#define KB(k) (1u << (k))
#define K_TICKETISH (KB(SK_KIND_TICKETS) | KB(SK_KIND_EVENTLOG))

/* Every field any kind has; a field's name is its generic column name. */
enum sk_fid {
	F_ID, F_TYPE, F_PRIORITY, F_IMPACT, F_URGENCY, F_REPORTED, F_RESPONDED,
	F_RESOLVED, F_CLOSED, F_PRODUCTIVE, F_CATEGORY, F_LOCATION, F_CHANNEL,
	F_FCR, F_ESCALATED, F_ONSITE, F_UPLIFT, F_UPLIFT_REASON, F_RCA,
	F_CHANGE_TYPE, F_CAB, F_FAILED, F_PLANNED_AT, F_STATUS, F_AT,
	F_TICKET_ID, F_START, F_END, F_REASON, F_CALL_ID, F_STARTED, F_WAIT,
	F_ANSWERED, F_QUEUE, F_SERVICE, F_PLANNED, F_ANNOUNCED, F_DESCRIPTION,
	F_PERIOD, F_KPI, F_VALUE, F_NOTE,
	F_COUNT
};

/* How a field's text is read. */
enum sk_ftype {
	FT_TEXT, FT_TIME, FT_BOOL, FT_SECONDS, FT_DEC, FT_PRIORITY, FT_TYPE,
	FT_CHANNEL, FT_CHANGE
};

struct sk_fdef {
	const char *name;   /* generic column name, e.g. "reported_at" */
	enum sk_ftype type;
	unsigned kinds;     /* KB() of the kinds that have it */
	unsigned required;  /* KB() of the kinds that need it */
};

extern const struct sk_fdef sk_fields[F_COUNT];

/* A column name a profile accepts for a field. */
struct sk_alias {
	unsigned kinds;     /* KB() of the kinds it applies to */
	enum sk_fid field;
	const char *header;
};

/* A word in an export and what it means for a field (or a status meaning). */
struct sk_word {
	const char *field;  /* "priority", "type", "channel"; or "responded"... */
	const char *word;
	const char *value;
};

struct sk_profile {
	const char *name;
	const struct sk_alias *aliases;     /* ends with header == NULL */
	const struct sk_word *words;        /* ends with field == NULL */
	const struct sk_word *statuses;     /* field = meaning; ends with NULL */
	const char *const *date_formats;    /* tried after the standard forms */
};

const struct sk_profile *sk_profile_find(const char *name);

/* One key = value of a map section; c is used by [values.FIELD]. */
struct sk_map_pair {
	char *a, *b, *c;
	long line;
};

struct sk_map {
	char *path;
	char sha256[65];
	int kind;                     /* -1: not set */
	char *profile;
	char delimiter;               /* 0: not set */
	int encoding;                 /* -1: not set */
	char *date_format;
	struct sk_map_pair *columns;  /* a = field, b = header */
	size_t n_columns;
	struct sk_map_pair *values;   /* a = field, b = meaning, c = word */
	size_t n_values;
	struct sk_map_pair *defaults; /* a = field, b = value */
	size_t n_defaults;
	struct sk_map_pair *statuses; /* a = meaning, b = status */
	size_t n_statuses;
	struct sk_map_pair *missing;  /* b = word meaning "no value" */
	size_t n_missing;
};

/* A growable byte buffer. */
struct sk_buf {
	char *s;
	size_t len, cap;
};

int sk_buf_add(struct sk_buf *b, const char *s, size_t n);
void sk_buf_json_str(struct sk_buf *b, const char *s);

/* The state of one import. */
struct sk_imp {
	struct sk_db *db;
	sqlite3 *h;
	const struct sk_contract *c;
	const struct sk_import_opts *o;
	const struct sk_map *map;
	const struct sk_profile *prof;
	enum sk_import_kind kind;
	const char *name;             /* file name in messages */
	const char *date_format;
	struct sk_import_result *res;
	long long import_id;
	int bad;                      /* bad rows seen without skip_bad: store nothing */
	/* the header */
	char **header;
	size_t ncols;
	int col[F_COUNT];             /* column of each field, -1: none */
	unsigned char *is_mapped;     /* per column: 1 when it is a field */
	/* the current row */
	const char **f;
	size_t n;
	long line;
	struct sk_diag rd;            /* why the current row is bad */
	struct sk_buf extra;          /* JSON of the unmapped columns */
	struct sk_buf scratch;
	/* statements, prepared once per import */
	sqlite3_stmt *st_seen;          /* look a key up in temp.seen */
	sqlite3_stmt *st_seen_add;      /* add a key to temp.seen */
	sqlite3_stmt *st[8];
};

/* Values of the current row (import_values.c). Each returns SK_OK, or
 * SK_ERR_DATA with x->rd filled; "present" is 0 when the value is missing. */
const char *sk_imp_raw(struct sk_imp *x, enum sk_fid fi);
const char *sk_imp_text(struct sk_imp *x, enum sk_fid fi);
enum sk_err sk_imp_time(struct sk_imp *x, enum sk_fid fi, sk_time *out, int *present);
enum sk_err sk_imp_bool(struct sk_imp *x, enum sk_fid fi, int *out, int *present);
enum sk_err sk_imp_seconds(struct sk_imp *x, enum sk_fid fi, long long *out, int *present);
enum sk_err sk_imp_dec(struct sk_imp *x, enum sk_fid fi, sk_dec *out, int *present);
enum sk_err sk_imp_priority(struct sk_imp *x, enum sk_fid fi, int *out, int *present);
enum sk_err sk_imp_word(struct sk_imp *x, enum sk_fid fi, const char *const *allowed,
			const char **out);
enum sk_err sk_imp_require(struct sk_imp *x, enum sk_fid fi);
enum sk_err sk_imp_bad(struct sk_imp *x, enum sk_fid fi, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *sk_imp_extra(struct sk_imp *x);
const char *sk_imp_status_meaning(struct sk_imp *x, const char *status);
int sk_imp_missing(const struct sk_imp *x, const char *s);
int sk_word_eq(const char *a, const char *b);
char *sk_fmt_local(struct sk_imp *x, sk_time t, char *buf, size_t size);

/* Duplicate keys within one file: SK_OK when new, SK_ERR_DATA when seen. */
enum sk_err sk_imp_seen(struct sk_imp *x, const char *key, const char *shown,
			enum sk_fid fi, const char *what, struct sk_diag *fatal);

/* Kinds (import_tickets.c, import_rows.c, import_eventlog.c). A row returns
 * SK_OK, SK_ERR_DATA (bad row, x->rd) or another error (fatal, in @p d). */
enum sk_err sk_imp_ticket_row(struct sk_imp *x, struct sk_diag *d);
enum sk_err sk_imp_event_row(struct sk_imp *x, struct sk_diag *d);
enum sk_err sk_imp_pause_row(struct sk_imp *x, struct sk_diag *d);
enum sk_err sk_imp_call_row(struct sk_imp *x, struct sk_diag *d);
enum sk_err sk_imp_outage_row(struct sk_imp *x, struct sk_diag *d);
enum sk_err sk_imp_kpi_row(struct sk_imp *x, struct sk_diag *d);
enum sk_err sk_imp_eventlog_row(struct sk_imp *x, struct sk_diag *d);
enum sk_err sk_imp_eventlog_finish(struct sk_imp *x, struct sk_diag *d);

/* A ticket as stored: values of the tickets table's columns in order. */
enum { TC_ID, TC_TYPE, TC_PRIORITY, TC_LEVEL, TC_RAW, TC_IMPACT, TC_URGENCY,
       TC_REPORTED, TC_RESPONDED, TC_RESOLVED, TC_CLOSED, TC_PRODUCTIVE,
       TC_ESCALATED, TC_ONSITE, TC_RCA, TC_PLANNED, TC_CATEGORY, TC_LOCATION,
       TC_CHANNEL, TC_FCR, TC_UPLIFT, TC_UPLIFT_REASON, TC_CHANGE_TYPE, TC_CAB,
       TC_FAILED, TC_STATUS, TC_EXTRA, TC_COUNT };

struct sk_val {
	int type;        /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
	long long i;
	const char *s;
};

/* Fill @p v from the current row's ticket fields (times, words, checks). */
enum sk_err sk_imp_ticket_fields(struct sk_imp *x, struct sk_val v[TC_COUNT]);

/* Insert or update one ticket; counts into @p ins/@p upd/@p same. */
enum sk_err sk_imp_ticket_store(struct sk_imp *x, const struct sk_val v[TC_COUNT],
				long *ins, long *upd, long *same, struct sk_diag *d);

/* Bind @p v as parameter @p i; 1 when column @p col of a row differs from @p v. */
void sk_val_bind(sqlite3_stmt *st, int i, const struct sk_val *v);
int sk_val_differs(sqlite3_stmt *st, int col, const struct sk_val *v);

/* Insert a row keyed by its first @p nkey columns, or update it when its
 * other columns differ; counts into x->res. Statements in x->st[0..2]. */
enum sk_err sk_imp_upsert(struct sk_imp *x, const char *table, const char *const *cols,
			  int nkey, int ncols, const struct sk_val *v, struct sk_diag *d);

/* Finalize the ticket statements. */
void sk_imp_ticket_done(struct sk_imp *x);

#endif
