/*
 * Inside the importer (private to libslakit): the fields each kind of export
 * has, the profiles and maps that name them, and the state of one import.
 */
#ifndef SK_IMPORT_PRIV_H
#define SK_IMPORT_PRIV_H

#include <stddef.h>

#include "base/base.h"
#include "slakit/contract.h"
#include "slakit/datetime.h"
#include "slakit/db.h"
#include "slakit/import.h"
#include "store/store.h"

#define KB(k) (1u << (k))
#define K_TICKETISH (KB(SK_KIND_TICKETS) | KB(SK_KIND_EVENTLOG))

/* Every field any kind has; a field's name is its generic column name. */
enum import_fid {
	F_ID, F_TYPE, F_PRIORITY, F_IMPACT, F_URGENCY, F_REPORTED, F_RESPONDED,
	F_RESOLVED, F_CLOSED, F_PRODUCTIVE, F_CATEGORY, F_LOCATION, F_CHANNEL,
	F_FCR, F_ESCALATED, F_ONSITE, F_UPLIFT, F_UPLIFT_REASON, F_RCA,
	F_CHANGE_TYPE, F_CAB, F_FAILED, F_PLANNED_AT, F_STATUS, F_AT,
	F_TICKET_ID, F_START, F_END, F_REASON, F_CALL_ID, F_STARTED, F_WAIT,
	F_ANSWERED, F_QUEUE, F_SERVICE, F_PLANNED, F_ANNOUNCED, F_DESCRIPTION,
	F_PERIOD, F_KPI, F_VALUE, F_NOTE, F_UPDATED, F_SUPPLIER, F_SUPPLIER_REF,
	F_REFERS_TO, F_EXPLANATION, F_ACTION, F_OWNER, F_DUE, F_DONE,
	F_VISIBLE, F_HIDDEN,
	F_SWAP_REQUESTED, F_SWAP, F_EMERGENCY,
	F_ASSIGNMENT_GROUP,
	F_COUNT
};

/* How a field's text is read. */
enum import_ftype {
	FT_TEXT, FT_TIME, FT_BOOL, FT_SECONDS, FT_DEC, FT_PRIORITY, FT_TYPE,
	FT_CHANNEL, FT_CHANGE
};

struct import_fdef {
	const char *name;   /* generic column name, e.g. "reported_at" */
	enum import_ftype type;
	unsigned kinds;     /* KB() of the kinds that have it */
	unsigned required;  /* KB() of the kinds that need it */
};

extern const struct import_fdef import_fields[F_COUNT];

/* A column name a profile accepts for a field. */
struct import_alias {
	unsigned kinds;     /* KB() of the kinds it applies to */
	enum import_fid field;
	const char *header;
};

/* A word in an export and what it means for a field (or a status meaning). */
struct import_word {
	const char *field;  /* "priority", "type", "channel"; or "responded"... */
	const char *word;
	const char *value;
};

struct import_profile {
	const char *name;
	const struct import_alias *aliases;     /* ends with header == NULL */
	const struct import_word *words;        /* ends with field == NULL */
	const struct import_word *statuses;     /* field = meaning; ends with NULL */
	const char *const *date_formats;    /* tried after the standard forms */
	int day_first;      /* 1: its exports write 03-04-2027 day first (TOPdesk) */
};

const struct import_profile *profile_find(const char *name);

/* One key = value of a map section; c is used by [values.FIELD]. */
struct map_pair {
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
	struct map_pair *columns;  /* a = field, b = header */
	size_t n_columns;
	struct map_pair *values;   /* a = field, b = meaning, c = word */
	size_t n_values;
	struct map_pair *defaults; /* a = field, b = value */
	size_t n_defaults;
	struct map_pair *statuses; /* a = meaning, b = status */
	size_t n_statuses;
	struct map_pair *missing;  /* b = word meaning "no value" */
	size_t n_missing;
};

/* A checked row: the values a kind's check read from the current CSV row,
 * in the order of its table's columns (store/store.h), and the key that
 * must not repeat in one file. Text points into the reader's buffers or the
 * checker's until the pipeline copies it. */
#define SK_ROW_VALS 40

struct import_row {
	struct store_val v[SK_ROW_VALS];
	int nv;
	const char *key;              /* NULL: no duplicate check */
	const char *shown;            /* the key as messages show it; NULL: key */
};

/* The state of one import. Two copies run at once: the reader thread's
 * checks rows (no database), the caller's stores them (import.c). */
struct imp {
	struct sk_db *db;
	struct store_import *si;      /* the writing: statements prepared once per import */
	const struct sk_contract *c;
	const struct sk_import_opts *o;
	const struct sk_map *map;
	const struct import_profile *prof;
	enum sk_import_kind kind;
	const char *name;             /* file name in messages */
	const char *date_format;
	struct sk_import_result *res;
	struct import_dates *dates;   /* the date order and the date errors (import_scan.c) */
	long long import_id;
	int bad;                      /* bad rows seen without skip_bad: refuse the file */
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
	struct buf extra;          /* JSON of the unmapped columns */
	char key[1024], shown[1024];  /* a checked row's key and how it is shown */
	char text[3][320];            /* a checked row's own texts (kpi) */
	struct import_notes *notes;   /* warnings to give once stored (import_notes.c) */
	struct sk_diag first_bad;     /* why the first bad row is bad */
};

/* Warnings of an import (import_notes.c): kept until the import is stored,
 * then handed to o->on_warning. import_note() adds one ("warning: " and
 * the text); import_note_row() looks at a checked row before it is stored
 * (x->db: the caller's thread); import_notes_finish() ends the lookups
 * before the commit and counts into x->res; import_notes_report() hands
 * the warnings over; import_notes_free() is safe to call twice. */
struct import_notes;
enum sk_err import_note(struct imp *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum sk_err import_note_row(struct imp *x, const struct import_row *r, long line,
			    struct sk_diag *d);
enum sk_err import_notes_finish(struct imp *x);
void import_notes_report(struct imp *x);
void import_notes_free(struct imp *x);

/* A map's priorities ([values.priority], [defaults]) that contract @p c
 * lacks: SK_ERR_DATA naming the map's line (map.c). NULL map: SK_OK. */
enum sk_err map_check_contract(const struct sk_map *m, const struct sk_contract *c,
			       struct sk_diag *d);

/* Values of the current row (import_values.c). Each returns SK_OK, or
 * SK_ERR_DATA with x->rd filled; "present" is 0 when the value is missing. */
const char *imp_raw(struct imp *x, enum import_fid fi);
const char *imp_text(struct imp *x, enum import_fid fi);
enum sk_err imp_time(struct imp *x, enum import_fid fi, sk_time *out, int *present);
enum sk_err imp_bool(struct imp *x, enum import_fid fi, int *out, int *present);
enum sk_err imp_seconds(struct imp *x, enum import_fid fi, long long *out, int *present);
enum sk_err imp_dec(struct imp *x, enum import_fid fi, sk_dec *out, int *present);
enum sk_err imp_priority(struct imp *x, enum import_fid fi, int *out, int *present);
enum sk_err imp_word(struct imp *x, enum import_fid fi, const char *const *allowed,
			const char **out);
enum sk_err imp_require(struct imp *x, enum import_fid fi);
enum sk_err imp_bad(struct imp *x, enum import_fid fi, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *imp_extra(struct imp *x);
const char *imp_status_meaning(struct imp *x, const char *status);
int imp_missing(const struct imp *x, const char *s);
int word_eq(const char *a, const char *b);
/* The channel word (phone, portal, email, chat, walk-in, other) that export
 * word @p s means, NULL when none (import_tickets.c). */
const char *imp_channel_word(const char *s);
char *import_fmt_local(struct imp *x, sk_time t, char *buf, size_t size);

/* The first pass over a file (import_scan.c): how dates written day and
 * month in numbers are read, and the file's horizon. */
enum import_order { ORDER_NONE, ORDER_DAY_FIRST, ORDER_MONTH_FIRST };

struct import_dates {
	enum import_order order;      /* how 03-04-2027 is read */
	int has_horizon;
	sk_time horizon;              /* the latest time the file holds */
	/* Date errors, held to be reported once per column (import_dates_hold()). */
	struct import_date_errors {
		struct sk_diag first;
		long n, last;
	} err[F_COUNT];
	int nheld, held[F_COUNT];     /* the columns held, in the order they first failed */
};

/* Read @p s as a date the way this file's dates are read (the date format,
 * else the standard forms in the file's day-month order, then the
 * profile's); SK_OK or the parser's error. */
enum sk_err import_read_date(const struct imp *x, const char *s, struct sk_datetime *dt);

/* The first pass over @p path: decide x->dates (SK_ERR_DATA when the file
 * writes dates both ways, or only ambiguously), fill x->res->dates and the
 * horizon. Read errors are left to the second pass, which meets them too. */
enum sk_err import_scan(struct imp *x, const char *path, char delim, int enc,
			struct sk_diag *d);

/* Standard input into an unlinked temporary file, so it can be read twice:
 * open @p path ("/dev/fd/N", @p size bytes) for each reader; the caller
 * closes @p fd, which frees the file. */
enum sk_err import_spool_stdin(int *fd, char *path, size_t size, struct sk_diag *d);

/* 1 when x->rd is a date error held to be reported with the others of its
 * column (import_dates_report()), 0 when it is to be reported now. */
int import_dates_hold(struct imp *x);

/* Report the held date errors, one per column with their count. */
void import_dates_report(struct imp *x);

/* The duplicate-key message for the current row (SK_ERR_DATA, x->rd). */
enum sk_err imp_duplicate(struct imp *x, const struct import_row *r, long first);

/* Kinds (import_tickets.c, import_rows.c, import_eventlog.c). check() reads
 * the current row into @p r without the database (it runs on the reader
 * thread): SK_OK, or SK_ERR_DATA with x->rd. store() writes a checked row
 * (x->line is its line; tried: see import_put()): SK_OK,
 * SK_ERR_DATA for a duplicate (x->rd), or another error (fatal, in @p d).
 * finish() runs after the last row. */
struct kind_ops {
	enum sk_err (*check)(struct imp *x, struct import_row *r);
	enum sk_err (*store)(struct imp *x, const struct import_row *r, int tried,
			     struct sk_diag *d);
	enum sk_err (*finish)(struct imp *x, struct sk_diag *d);  /* may be NULL */
	enum import_fid key_field;        /* the field a duplicate message names */
	const char *key_what;         /* "ticket id", "pause", ... */
	/* The table (enum store_table) a checked row is one row of, many rows
	 * inserted at once; -1: rows are stored one by one, by store() alone. */
	int table;
};

extern const struct kind_ops kind_tickets, kind_events, kind_eventlog,
	kind_pauses, kind_calls, kind_outages, kind_kpi, kind_handovers, kind_deviations,
	kind_updates;

/* "2027-01", "2027-Q1" (or K1), "2027-H1", "2027" into @p out, normalised;
 * 0 when not a period (import_rows.c). */
int import_read_period(const char *s, char *out, size_t size);

/* The contract's KPI @name ("domain.kpi", or an id the contract uses once)
 * into @out as domain.kpi; else SK_ERR_DATA on field @fi (import_rows.c). */
enum sk_err import_find_kpi(struct imp *x, enum import_fid fi, const char *name, char *out,
			    size_t size);

/* The operations of kind @p k. */
const struct kind_ops *kind_ops_of(enum sk_import_kind k);

/* A row value: text (NULL: SQL NULL), or an integer when @present. */
static inline void set_text(struct store_val *v, const char *s)
{
	v->type = s ? STORE_TEXT : STORE_NULL;
	v->s = s;
}

static inline void set_int(struct store_val *v, long long i, int present)
{
	v->type = present ? STORE_INT : STORE_NULL;
	v->i = i;
}

/* Fill @p v (the tickets table's columns, TC_*) from the current row's
 * ticket fields (times, words, checks). */
enum sk_err imp_ticket_fields(struct imp *x, struct store_val v[TC_COUNT]);

/* Store row @p v of table @p t from line x->line: insert, update or leave it
 * (store_row_put()); counts into @p ins/@p upd/@p same. With @p key, a row
 * this file already gave is a duplicate (SK_ERR_DATA, shown as @p shown or
 * @p key). With @p tried, its insert was tried already (many rows at once). */
enum sk_err import_put(struct imp *x, enum store_table t, const struct store_val *v,
		       const char *key, const char *shown, int tried, long *ins, long *upd,
		       long *same, struct sk_diag *d);

#endif
