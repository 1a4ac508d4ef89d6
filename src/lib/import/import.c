/*
 * One import: read the header, find each field's column (map, profile,
 * generic name), tell the kind when not given, then stream the rows through
 * the kind's check and store inside one transaction. Bad rows are reported
 * one by one; unless they may be skipped, the transaction is rolled back at
 * the end so the database is exactly as before.
 *
 * Two threads share the work: a reader thread reads, hashes, decodes and
 * parses the file and checks each row (no database), and hands the checked
 * rows in batches to the calling thread, which stores them in order. A few
 * batches in flight bound the memory, whatever the file's size.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "csvread.h"
#include "import_priv.h"
#include "base/base.h"
#include "slakit/version.h"

static const struct kind_ops *const kinds[SK_KINDS] = {
	[SK_KIND_TICKETS] = &kind_tickets,
	[SK_KIND_EVENTS] = &kind_events,
	[SK_KIND_EVENTLOG] = &kind_eventlog,
	[SK_KIND_PAUSES] = &kind_pauses,
	[SK_KIND_CALLS] = &kind_calls,
	[SK_KIND_OUTAGES] = &kind_outages,
	[SK_KIND_KPI] = &kind_kpi,
	[SK_KIND_HANDOVERS] = &kind_handovers,
	[SK_KIND_DEVIATIONS] = &kind_deviations,
	[SK_KIND_UPDATES] = &kind_updates,
};

const struct kind_ops *kind_ops_of(enum sk_import_kind k)
{
	return kinds[k];
}

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

static int find_col(const struct imp *x, const char *name)
{
	for (size_t i = 0; i < x->ncols; i++)
		if (name_eq(x->header[i], name))
			return (int)i;
	return -1;
}

static int has_default(const struct imp *x, enum import_fid f)
{
	if (x->map)
		for (size_t i = 0; i < x->map->n_defaults; i++)
			if (strcmp(x->map->defaults[i].a, import_fields[f].name) == 0)
				return 1;
	return 0;
}

/* The column of field @p f for kind @p k: the map, the profile, the name. */
static int column_for(const struct imp *x, enum sk_import_kind k, enum import_fid f,
		      int *map_missing)
{
	const struct import_profile *generic = profile_find("generic");
	int c, listed = 0;

	if (x->map)
		for (size_t i = 0; i < x->map->n_columns; i++)
			if (strcmp(x->map->columns[i].a, import_fields[f].name) == 0) {
				listed = 1;
				if ((c = find_col(x, x->map->columns[i].b)) >= 0)
					return c;
			}
	if (map_missing)
		*map_missing = listed;
	for (const struct import_alias *a = x->prof->aliases; a->header; a++)
		if ((a->kinds & KB(k)) && a->field == f && (c = find_col(x, a->header)) >= 0)
			return c;
	if ((c = find_col(x, import_fields[f].name)) >= 0)
		return c;
	for (const struct import_alias *a = generic->aliases; a->header; a++)
		if ((a->kinds & KB(k)) && a->field == f && (c = find_col(x, a->header)) >= 0)
			return c;
	return -1;
}

/* 1 when the header has every field kind @p k needs. */
static int fits(const struct imp *x, enum sk_import_kind k)
{
	for (int f = 0; f < F_COUNT; f++)
		if ((import_fields[f].required & KB(k)) && column_for(x, k, f, NULL) < 0 &&
		    !has_default(x, f))
			return 0;
	return 1;
}

/* The header's names, escaped, ", "-separated, as many as fit in @p size
 * (a note of how many there are when not all do). */
static void header_list(const struct imp *x, char *buf, size_t size)
{
	size_t k = 0, i;
	char name[64];

	buf[0] = '\0';
	for (i = 0; i < x->ncols; i++) {
		text_escape(name, sizeof(name), x->header[i], 0);
		if (k + strlen(name) + 24 > size)
			break;
		k += (size_t)snprintf(buf + k, size - k, "%s'%s'", i ? ", " : "", name);
	}
	if (i < x->ncols)
		snprintf(buf + k, size - k, "%s... (%zu columns)", i ? ", " : "", x->ncols);
	else if (x->ncols == 1)
		snprintf(buf + k, size - k, " (one column: is the file separated by another "
			 "character than ',', ';', tab or '|'?)");
}

/* "tickets: id, priority, reported_at; events: ...": what each kind needs. */
static void kinds_needs(char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	for (int kd = 0; kd < SK_KINDS && k < size; kd++) {
		int n = 0;

		k += (size_t)snprintf(buf + k, size - k, "%s%s%s: ", kd ? "; " : "",
				      sk_import_kind_name(kd),
				      kd == SK_KIND_EVENTLOG ? " (only with --kind)" : "");
		for (int f = 0; f < F_COUNT && k < size; f++)
			if ((import_fields[f].required & KB(kd)))
				k += (size_t)snprintf(buf + k, size - k, "%s%s", n++ ? ", " : "",
						      import_fields[f].name);
	}
}

static enum sk_err detect_kind(struct imp *x, struct sk_diag *d)
{
	int found = -1, n = 0;
	char list[128] = "", needs[400], have[480];
	size_t len = 0;

	/* An event log looks like tickets plus events: only said explicitly. */
	for (int k = 0; k < SK_KINDS; k++) {
		if (k == SK_KIND_EVENTLOG || !fits(x, k))
			continue;
		/* Pauses with a supplier column are hand-overs to that supplier. */
		if (k == SK_KIND_PAUSES && fits(x, SK_KIND_HANDOVERS))
			continue;
		/* Tickets (with their creation time) and status events have a ticket and
		 * a time too: such a header is theirs; updates then need --kind. */
		if (k == SK_KIND_UPDATES && (fits(x, SK_KIND_TICKETS) || fits(x, SK_KIND_EVENTS) ||
					     fits(x, SK_KIND_EVENTLOG)))
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
	if (n == 0) {
		kinds_needs(needs, sizeof(needs));
		header_list(x, have, sizeof(have));
		return sk_diag_set(d, SK_ERR_DATA, x->name, 1, NULL,
				   "cannot tell the kind of export from its header (profile %s); "
				   "give --kind. Each kind needs these columns (generic names, or "
				   "the profile's): %s. The header has: %s", x->prof->name, needs,
				   have);
	}
	return sk_diag_set(d, SK_ERR_DATA, x->name, 1, NULL,
			   "the header fits more than one kind (%s); give --kind", list);
}

/* Find every field's column; a required one without column refuses the
 * file, naming every such field and the header's names. */
static enum sk_err map_columns(struct imp *x, struct sk_diag *d)
{
	char missing[256] = "", have[480];
	int nmissing = 0, one = -1;
	size_t k = 0;

	for (int f = 0; f < F_COUNT; f++) {
		int listed = 0;

		x->col[f] = -1;
		if (!(import_fields[f].kinds & KB(x->kind)))
			continue;
		x->col[f] = column_for(x, x->kind, f, &listed);
		if (x->col[f] >= 0) {
			x->is_mapped[x->col[f]] = 1;
			continue;
		}
		if (listed) {
			header_list(x, have, sizeof(have));
			return sk_diag_set(d, SK_ERR_DATA, x->name, 1, import_fields[f].name,
					   "the map's column for this field is not in the header; "
					   "the header has: %s", have);
		}
		if ((import_fields[f].required & KB(x->kind)) && !has_default(x, f)) {
			k += (size_t)snprintf(missing + k, k < sizeof(missing) ? sizeof(missing) - k : 0,
					      "%s'%s'", nmissing ? ", " : "", import_fields[f].name);
			nmissing++;
			one = f;
		}
	}
	if (!nmissing)
		return SK_OK;
	header_list(x, have, sizeof(have));
	if (nmissing == 1)
		return sk_diag_set(d, SK_ERR_DATA, x->name, 1, import_fields[one].name,
				   "no column for this required field of %s (profile %s); the "
				   "header has: %s", sk_import_kind_name(x->kind), x->prof->name, have);
	return sk_diag_set(d, SK_ERR_DATA, x->name, 1, NULL,
			   "no column for the required fields %s of %s (profile %s); the header "
			   "has: %s", missing, sk_import_kind_name(x->kind), x->prof->name, have);
}

/*
 * A name the header gives twice: which column a field is read from would
 * be a guess, and the other's values would go unseen. Refused, except
 * where a profile's export repeats columns by design (Jira writes one
 * column per value of Component/s, Labels, ...): there the first is read,
 * and the warning says so. Empty names (trailing delimiters) are no names.
 */
static enum sk_err check_header_names(struct imp *x, struct sk_diag *d)
{
	int allowed = strcmp(x->prof->name, "jira") == 0;
	char list[480] = "", name[64];
	size_t k = 0;
	int groups = 0;

	for (size_t i = 0; i < x->ncols; i++) {
		size_t cols[8], n = 0, extra = 0;
		int used = -1, seen = 0;

		if (!x->header[i][strspn(x->header[i], " \t")])
			continue;
		for (size_t j = 0; j < i && !seen; j++)
			seen = name_eq(x->header[j], x->header[i]) &&
			       (x->is_mapped[i] || x->is_mapped[j] ||
				strcmp(x->header[j], x->header[i]) == 0);
		if (seen)
			continue;
		for (size_t j = i; j < x->ncols; j++) {
			if (j != i && !(name_eq(x->header[j], x->header[i]) &&
					(x->is_mapped[i] || x->is_mapped[j] ||
					 strcmp(x->header[j], x->header[i]) == 0)))
				continue;
			if (n < 8)
				cols[n++] = j + 1;
			else
				extra++;
			for (int f = 0; f < F_COUNT && used < 0; f++)
				if (x->col[f] == (int)j)
					used = f;
		}
		if (n < 2)
			continue;
		text_escape(name, sizeof(name), x->header[i], 0);
		if (allowed) {
			/* Repeated columns that are no field are kept in extra. */
			if (used >= 0 && import_note(x, "the header has '%s' %zu times (columns %zu, "
						     "%zu%s): %s is read from column %zu", name,
						     n + extra, cols[0], cols[1], n + extra > 2
						     ? ", ..." : "", import_fields[used].name,
						     (size_t)x->col[used] + 1))
				return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
			continue;
		}
		if (k + strlen(name) + 64 < sizeof(list)) {
			k += (size_t)snprintf(list + k, sizeof(list) - k, "%s'%s' (columns", groups
					      ? ", " : "", name);
			for (size_t c = 0; c < n; c++)
				k += (size_t)snprintf(list + k, sizeof(list) - k, "%s %zu", c ? "," : "",
						      cols[c]);
			k += (size_t)snprintf(list + k, sizeof(list) - k, "%s)", extra ? ", ..." : "");
		}
		groups++;
	}
	if (!groups)
		return SK_OK;
	return sk_diag_set(d, SK_ERR_DATA, x->name, 1, NULL, "the header names %s more than "
			   "once: %s; rename %s so it is clear which column is read",
			   groups == 1 ? "a column" : "columns", list, groups == 1 ? "one" : "them");
}

/* What is refused before the file is read: a delimiter slakit does not
 * read, a map that names priorities the contract lacks. */
static enum sk_err check_setup(const struct imp *x, char delim, struct sk_diag *d)
{
	if (delim && !strchr(",;\t|", delim))
		return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL, "delimiter '%c' is not "
				   "supported: ',', ';', tab or '|'", delim);
	return map_check_contract(x->map, x->c, d);
}

/* With --skip-bad, a file of bad rows only is no import of 0 rows but a
 * refused file, named by its first bad row. */
static enum sk_err all_rows_bad(const struct imp *x, struct sk_diag *d)
{
	char why[1200];
	struct sk_diag r = x->first_bad;

	if (!x->o->skip_bad || !x->res->rejected || x->res->rejected != x->res->rows_read)
		return SK_OK;
	r.file[0] = '\0';
	r.line = 0;
	return sk_diag_set(d, SK_ERR_DATA, x->name, 0, NULL, "all %ld row%s bad (the first, line "
			   "%ld: %s): nothing imported", x->res->rows_read,
			   x->res->rows_read == 1 ? " is" : "s are", x->first_bad.line,
			   sk_diag_format(&r, why, sizeof(why)));
}

/* Write a rejected row: line, reason, then the row as it was. */
static void write_reject(struct imp *x, char delim)
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
	csv_write_field(fp, sk_diag_format(&r, buf, sizeof(buf)), delim);
	for (size_t i = 0; i < x->n; i++) {
		fputc(delim, fp);
		csv_write_field(fp, x->f[i], delim);
	}
	fputc('\n', fp);
}

static void bad_row(struct imp *x, char delim)
{
	if (!x->res->rejected++)
		x->first_bad = x->rd;
	if (x->o->on_bad_row && !import_dates_hold(x))
		x->o->on_bad_row(x->o->ctx, &x->rd);
	if (x->o->skip_bad)
		write_reject(x, delim);
	else
		x->bad = 1;
}

/*
 * Whether the file gives response times: a response column, or for an event
 * log a status that means responded (its map's or its profile's words);
 * -1 for files without tickets. Compute leaves the response of tickets from
 * a file without them unmeasured.
 */
static int gives_responses(const struct imp *x)
{
	if (x->kind != SK_KIND_TICKETS && x->kind != SK_KIND_EVENTLOG)
		return -1;
	if (x->col[F_RESPONDED] >= 0)
		return 1;
	if (x->kind != SK_KIND_EVENTLOG)
		return 0;
	for (size_t i = 0; x->map && i < x->map->n_statuses; i++)
		if (strcmp(x->map->statuses[i].a, "responded") == 0)
			return 1;
	for (const struct import_word *w = x->prof->statuses; w->field; w++)
		if (strcmp(w->field, "responded") == 0)
			return 1;
	return 0;
}

static enum sk_err log_start(struct imp *x, const char *profile, int enc,
			     char delim, sk_time started, struct sk_diag *d)
{
	char dl[8];
	struct store_import_log log = {
		.file = x->name,
		.kind = sk_import_kind_name(x->kind),
		.profile = profile,
		.map_file = x->map ? x->map->path : NULL,
		.map_sha256 = x->map ? x->map->sha256 : NULL,
		.contract_sha256 = x->c->sha256,
		.time_zone = sk_tz_name(x->c->tz),
		.encoding = enc == SK_ENC_CP1252 ? "windows-1252" : "utf-8",
		.delimiter = dl,
		.tool_version = sk_version(),
		.contract_id = x->c->id,
		.skip_bad = x->o->skip_bad,
		.started = started,
		.has_horizon = x->dates->has_horizon,
		.horizon = x->dates->horizon,
		.response_column = gives_responses(x),
	};

	snprintf(dl, sizeof(dl), "%s", delim == '\t' ? "tab" : (char[2]){ delim, 0 });
	return store_import_log_start(x->si, &log, &x->import_id, d);
}

static enum sk_err log_finish(struct imp *x, int64_t bytes, struct sk_diag *d)
{
	return store_import_log_finish(x->si, x->res, bytes, (sk_time)time(NULL), d);
}

/* Checked rows travel from the reader thread in batches of about this size. */
enum { BATCH_ROWS = 512, BATCH_TEXT = 256 * 1024, NBATCH = 4 };

/* One row in a batch; text is kept as offsets, as the buffer may move. */
struct prow {
	long line;
	size_t f0, nf;          /* its raw fields: offs[f0 .. f0 + nf) */
	size_t v0;              /* its values: vals[v0 .. v0 + nv) */
	int nv;
	size_t key, shown;      /* text offset + 1 of the key, of how it is shown; 0: none */
	size_t bad;             /* index + 1 of why it is bad in diags; 0: a good row */
};

/* A batch of rows: filled by the reader thread, then stored in order. */
struct batch {
	struct prow *rows;
	size_t n, rows_cap;
	size_t *offs;           /* raw fields' text offsets */
	size_t noffs, offs_cap;
	struct store_val *vals; /* values; a text's offset is in .i */
	size_t nvals, vals_cap;
	char *text;             /* every text of the batch, NUL-terminated */
	size_t tlen, tcap;
	struct sk_diag *diags;  /* why bad rows are bad */
	size_t ndiags, diags_cap;
	int64_t done, total;    /* bytes read when the batch was full */
	int last;               /* nothing follows this batch */
	enum sk_err err;        /* the reader's fatal error (in d): the last batch */
	struct sk_diag d;
};

/* The reader thread and the ring of batches it shares with the caller. */
struct pipeline {
	pthread_mutex_t mu;
	pthread_cond_t cv;      /* a batch was filled or emptied, or stop was set */
	struct batch b[NBATCH];
	size_t take, count;     /* next batch to store; batches filled, not stored */
	atomic_int stop;        /* the caller gave up: the reader ends */
	pthread_t thread;
	int started;
	struct imp px;       /* the reader's copy of the import: checks only */
	struct sk_import_result pres; /* the reader's DST counts */
	struct csvread *csv;
	const struct kind_ops *ops;
	int keep_raw;           /* rows as read go along, for the reject file */
	char sha[65];           /* the file's hash, when read to the end */
};

static int grow_to(void **p, size_t *cap, size_t need, size_t elem)
{
	return array_reserve(p, cap, need, elem);
}

/* Copy @p s into the batch; its offset + 1, 0 when out of memory. */
static size_t add_text(struct batch *b, const char *s)
{
	size_t n = strlen(s) + 1, at = b->tlen;

	if (grow_to((void **)&b->text, &b->tcap, b->tlen + n, 1))
		return 0;
	memcpy(b->text + at, s, n);
	b->tlen += n;
	return at + 1;
}

/* "4 fields, but the header has 3", with a hint when the row uses another
 * delimiter than the header. */
static void field_count(struct imp *x, char delim)
{
	const char *other = delim == ';' ? "," : ";";
	size_t n;

	sk_diag_set(&x->rd, SK_ERR_DATA, x->name, x->line, NULL, "%zu field%s, but the header has %zu",
		    x->n, x->n == 1 ? "" : "s", x->ncols);
	n = strlen(x->rd.msg);
	if (x->n == 1 && strchr(x->f[0], *other))
		snprintf(x->rd.msg + n, sizeof(x->rd.msg) - n, " (this row is separated by "
			 "'%s', the header by '%c': mixed delimiters)", other, delim);
}

/* Check the current CSV row on the reader thread and add it to @p b. */
static enum sk_err pack_row(struct pipeline *p, struct batch *b, const struct csvread_row *row)
{
	struct imp *x = &p->px;
	struct import_row r;
	struct prow *pr;
	enum sk_err rc;
	size_t at;

	if (grow_to((void **)&b->rows, &b->rows_cap, b->n + 1, sizeof(*b->rows)) ||
	    grow_to((void **)&b->offs, &b->offs_cap, b->noffs + row->n, sizeof(*b->offs)))
		return SK_ERR_NOMEM;
	pr = &b->rows[b->n];
	memset(pr, 0, sizeof(*pr));
	pr->line = x->line = row->line;
	x->f = row->f;
	x->n = row->n;
	/* The row as read is needed only for a reject file. */
	pr->f0 = b->noffs;
	pr->nf = p->keep_raw ? row->n : 0;
	for (size_t i = 0; i < pr->nf; i++) {
		if (!(at = add_text(b, row->f[i])))
			return SK_ERR_NOMEM;
		b->offs[b->noffs++] = at - 1;
	}
	r.nv = 0;
	r.key = r.shown = NULL;
	if (row->n != x->ncols) {
		field_count(x, csvread_delimiter(p->csv));
		rc = SK_ERR_DATA;
	} else {
		rc = p->ops->check(x, &r);
	}
	if (rc == SK_ERR_DATA) {
		if (grow_to((void **)&b->diags, &b->diags_cap, b->ndiags + 1, sizeof(*b->diags)))
			return SK_ERR_NOMEM;
		b->diags[b->ndiags++] = x->rd;
		pr->bad = b->ndiags;
	} else if (rc) {
		return rc;
	} else {
		if (grow_to((void **)&b->vals, &b->vals_cap, b->nvals + (size_t)r.nv,
			    sizeof(*b->vals)))
			return SK_ERR_NOMEM;
		pr->v0 = b->nvals;
		pr->nv = r.nv;
		for (int i = 0; i < r.nv; i++) {
			struct store_val v = r.v[i];

			if (v.type == STORE_TEXT) {
				if (!(at = add_text(b, v.s)))
					return SK_ERR_NOMEM;
				v.i = (long long)(at - 1);
				v.s = NULL;
			}
			b->vals[b->nvals++] = v;
		}
		if ((r.key && !(pr->key = add_text(b, r.key))) ||
		    (r.shown && !(pr->shown = add_text(b, r.shown))))
			return SK_ERR_NOMEM;
	}
	b->n++;
	return SK_OK;
}

/* The reader thread: fill batches until the end of the file or an error. */
static void *reader(void *arg)
{
	struct pipeline *p = arg;
	struct csvread_row row;
	int last = 0;

	while (!last) {
		struct batch *b;
		enum sk_err rc = SK_OK;

		pthread_mutex_lock(&p->mu);
		while (p->count == NBATCH && !atomic_load(&p->stop))
			pthread_cond_wait(&p->cv, &p->mu);
		b = &p->b[(p->take + p->count) % NBATCH];
		pthread_mutex_unlock(&p->mu);
		if (atomic_load(&p->stop))
			break;
		b->n = b->noffs = b->nvals = b->tlen = b->ndiags = 0;
		b->err = SK_OK;
		while (b->n < BATCH_ROWS && b->tlen < BATCH_TEXT && !atomic_load(&p->stop)) {
			rc = csvread_next(p->csv, &row, &b->d);
			if (!rc && row.n == 0) {
				rc = csvread_finish_hash(p->csv, p->sha, &b->d);
				last = 1;
			}
			if (!rc && !last && (rc = pack_row(p, b, &row)) == SK_ERR_NOMEM)
				sk_diag_set(&b->d, rc, NULL, 0, NULL, "out of memory");
			if (rc || last)
				break;
		}
		if (rc) {
			b->err = rc;
			last = 1;
		}
		csvread_progress(p->csv, &b->done, &b->total);
		b->last = last;
		pthread_mutex_lock(&p->mu);
		p->count++;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	return NULL;
}

/* Start the reader on @p csv (its header read) with a copy of @p x. */
static enum sk_err pipeline_start(struct pipeline *p, struct imp *x, struct csvread *csv,
				  struct sk_diag *d)
{
	p->px = *x;
	memset(&p->px.extra, 0, sizeof(p->px.extra));
	p->px.res = &p->pres;
	p->px.db = NULL;
	p->px.si = NULL;
	p->csv = csv;
	p->ops = kinds[x->kind];
	p->keep_raw = x->o->skip_bad && x->o->rejects;
	if (pthread_mutex_init(&p->mu, NULL))
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "cannot start a thread");
	if (pthread_cond_init(&p->cv, NULL)) {
		pthread_mutex_destroy(&p->mu);
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "cannot start a thread");
	}
	if (pthread_create(&p->thread, NULL, reader, p)) {
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "cannot start a thread");
	}
	p->started = 1;
	return SK_OK;
}

/* The next filled batch (waits for the reader). */
static struct batch *pipeline_next(struct pipeline *p)
{
	struct batch *b;

	pthread_mutex_lock(&p->mu);
	while (p->count == 0)
		pthread_cond_wait(&p->cv, &p->mu);
	b = &p->b[p->take];
	pthread_mutex_unlock(&p->mu);
	return b;
}

/* The batch from pipeline_next() is stored: the reader may fill it again. */
static void pipeline_done(struct pipeline *p)
{
	struct batch *b;

	pthread_mutex_lock(&p->mu);
	b = &p->b[p->take];
	/* A batch that held a huge row gives its memory back. */
	if (b->tcap > 4 * BATCH_TEXT) {
		free(b->text);
		b->text = NULL;
		b->tcap = 0;
	}
	p->take = (p->take + 1) % NBATCH;
	p->count--;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

/* Stop the reader (if running) and free everything; may be called twice. */
static void pipeline_end(struct pipeline *p)
{
	if (p->started) {
		pthread_mutex_lock(&p->mu);
		atomic_store(&p->stop, 1);
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		pthread_join(p->thread, NULL);
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
		p->started = 0;
	}
	for (int i = 0; i < NBATCH; i++) {
		struct batch *b = &p->b[i];

		free(b->rows);
		free(b->offs);
		free(b->vals);
		free(b->text);
		free(b->diags);
		memset(b, 0, sizeof(*b));
	}
	free(p->px.extra.s);
	memset(&p->px.extra, 0, sizeof(p->px.extra));
}

/* Good rows waiting to be inserted together (a batch's texts stay put). */
struct pending {
	struct import_row r[STORE_INSERT_MANY];
	const struct prow *pr[STORE_INSERT_MANY];
	size_t n;
};

/* Point x->f at the raw fields of @p pr, and x->line at its line. */
static enum sk_err at_row(struct imp *x, const struct batch *b, const struct prow *pr,
			  const char ***fptr, size_t *fcap, struct sk_diag *d)
{
	if (grow_to((void **)fptr, fcap, pr->nf + 1, sizeof(**fptr)))
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
	for (size_t i = 0; i < pr->nf; i++)
		(*fptr)[i] = b->text + b->offs[pr->f0 + i];
	x->f = *fptr;
	x->n = pr->nf;
	x->line = pr->line;
	return SK_OK;
}

/* Store the pending rows: one statement inserts them all when none is
 * stored yet (the common case); otherwise each goes, in order, through the
 * kind's store(), which tells a row that statement inserted, an update, an
 * unchanged row and a duplicate apart. */
static enum sk_err flush(struct imp *x, const struct kind_ops *ops, struct pending *p,
			 const struct batch *b, const char ***fptr, size_t *fcap, char delim,
			 struct sk_diag *d)
{
	enum sk_err rc;
	int all, whole = p->n == STORE_INSERT_MANY && ops->table >= 0;

	if (whole) {
		const struct store_val *rows[STORE_INSERT_MANY];
		long lines[STORE_INSERT_MANY];

		for (size_t j = 0; j < p->n; j++) {
			rows[j] = p->r[j].v;
			lines[j] = p->pr[j]->line;
		}
		if ((rc = store_rows_insert_many(x->si, ops->table, rows, lines, &all, d)))
			return rc;
		if (all) {
			x->res->inserted += (long)p->n;
			p->n = 0;
			return SK_OK;
		}
	}
	for (size_t j = 0; j < p->n; j++) {
		if ((rc = at_row(x, b, p->pr[j], fptr, fcap, d)))
			return rc;
		rc = ops->store(x, &p->r[j], whole, d);
		if (rc == SK_ERR_DATA)
			bad_row(x, delim);
		else if (rc)
			return rc;
	}
	p->n = 0;
	return SK_OK;
}

/* Store the rows of batch @p b in order; a fatal error ends the import. */
static enum sk_err store_batch(struct imp *x, const struct kind_ops *ops, struct batch *b,
			       struct pending *p, const char ***fptr, size_t *fcap, char delim,
			       struct sk_diag *d)
{
	enum sk_err rc;

	p->n = 0;
	for (size_t k = 0; k < b->n; k++) {
		const struct prow *pr = &b->rows[k];
		struct import_row *r;

		x->res->rows_read++;
		if (pr->bad) {
			/* Rows before it first, so messages come in the file's order. */
			if ((rc = flush(x, ops, p, b, fptr, fcap, delim, d)) ||
			    (rc = at_row(x, b, pr, fptr, fcap, d)))
				return rc;
			x->rd = b->diags[pr->bad - 1];
			bad_row(x, delim);
			continue;
		}
		r = &p->r[p->n];
		p->pr[p->n++] = pr;
		r->nv = pr->nv;
		for (int i = 0; i < pr->nv; i++) {
			r->v[i] = b->vals[pr->v0 + (size_t)i];
			if (r->v[i].type == STORE_TEXT)
				r->v[i].s = b->text + r->v[i].i;
		}
		r->key = pr->key ? b->text + pr->key - 1 : NULL;
		r->shown = pr->shown ? b->text + pr->shown - 1 : NULL;
		if ((rc = import_note_row(x, r, pr->line, d)))
			return rc;
		if (p->n == STORE_INSERT_MANY && (rc = flush(x, ops, p, b, fptr, fcap, delim, d)))
			return rc;
	}
	return flush(x, ops, p, b, fptr, fcap, delim, d);
}

/* The date format in use is one sk_datetime_parse_fmt() can follow; a bad
 * one is the caller's mistake (--date-format, or the map's date_format). */
static enum sk_err check_date_format(const struct imp *x, struct sk_diag *d)
{
	enum sk_err rc;

	if (!x->date_format || !(rc = sk_import_date_format_check(x->date_format, d)))
		return SK_OK;
	if (d && !x->o->date_format && x->map)
		snprintf(d->file, sizeof(d->file), "%s", x->map->path);
	return rc;
}

/* An import that changed nothing of a file imported before (the same
 * SHA-256) leaves no trace: *same is that import's id. */
static enum sk_err same_file(struct imp *x, long long *same, struct sk_diag *d)
{
	const struct sk_import_result *r = x->res;

	/* The same bytes read the same way (kind, profile, map, contract) again:
	 * nothing they say is new, and what they would change back (a tie of
	 * update times goes to the later import) a later import changed since. */
	*same = 0;
	return store_import_same_file(x->si, r->sha256, same, d);
}

static void imp_release(struct imp *x)
{
	for (size_t i = 0; i < x->ncols; i++)
		free(x->header[i]);
	free(x->header);
	free(x->is_mapped);
	store_import_close(x->si);
	x->si = NULL;
	free(x->extra.s);
	free(x->dates);
	x->dates = NULL;
}

enum sk_err sk_import_file(struct sk_db *db, const struct sk_contract *c,
			   const char *path, const char *name,
			   const struct sk_import_opts *o,
			   struct sk_import_result *res, struct sk_diag *d)
{
	struct imp x = { 0 };
	struct csvread *csv = NULL;
	struct csvread_row row;
	const struct sk_map *map = o->map;
	const char *profile;
	char delim;
	int enc, began = 0;
	sk_time started = (sk_time)time(NULL);
	struct pipeline pl = { 0 };
	struct pending *pend = NULL;
	const char **fptr = NULL;
	size_t fcap = 0;
	int64_t done = 0;
	char spool[4096] = "";
	int spool_fd = -1;
	long long same = 0;
	enum sk_err rc;

	memset(res, 0, sizeof(*res));
	x.db = db;
	x.c = c;
	x.o = o;
	x.map = map;
	x.res = res;
	x.name = name ? name : path;
	profile = o->profile ? o->profile : map && map->profile ? map->profile : "generic";
	x.prof = profile_find(profile);
	if (!x.prof)
		return sk_diag_set(d, SK_ERR_USAGE, NULL, 0, NULL, "unknown profile '%s'", profile);
	snprintf(res->profile, sizeof(res->profile), "%s", profile);
	delim = o->delimiter ? o->delimiter : map ? map->delimiter : 0;
	enc = o->encoding >= 0 ? o->encoding : map && map->encoding >= 0 ? map->encoding
									 : SK_ENC_UTF8;
	x.date_format = o->date_format ? o->date_format : map ? map->date_format : NULL;
	if ((rc = check_setup(&x, delim, d)))
		goto out;
	if ((rc = check_date_format(&x, d)))
		goto out;
	if (!(x.dates = calloc(1, sizeof(*x.dates)))) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
		goto out;
	}
	/* The write lock first: a second import waits here for the first (also
	 * while that one reads its standard input), and a database of another
	 * contract is refused before the file is read. */
	if ((rc = sk_db_begin(db, d)))
		goto out;
	began = 1;
	if ((rc = sk_db_check_contract(db, c->id, d)))
		goto out;
	/* The file is read twice (import_scan()): standard input goes to a file. */
	if (strcmp(path, "-") == 0) {
		if ((rc = import_spool_stdin(&spool_fd, spool, sizeof(spool), d)))
			goto out;
		path = spool;
	}

	if ((rc = csvread_open(path, x.name, delim, enc, &csv, d)))
		goto out;
	if ((rc = csvread_next(csv, &row, d)))
		goto out;
	if (row.n == 0) {
		rc = sk_diag_set(d, SK_ERR_DATA, x.name, 0, NULL, "empty file: no header line");
		goto out;
	}
	res->delimiter = delim = csvread_delimiter(csv);
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
	if ((rc = map_columns(&x, d)) || (rc = check_header_names(&x, d)) ||
	    (rc = import_scan(&x, path, delim, enc, d)))
		goto out;

	if ((rc = store_import_open(db, &x.si, d)) ||
	    (rc = log_start(&x, profile, enc, delim, started, d)))
		goto out;
	if (o->rejects && o->skip_bad) {
		fputs("line", o->rejects);
		fputc(delim, o->rejects);
		fputs("reason", o->rejects);
		for (size_t i = 0; i < x.ncols; i++) {
			fputc(delim, o->rejects);
			csv_write_field(o->rejects, x.header[i], delim);
		}
		fputc('\n', o->rejects);
	}

	if (!(pend = malloc(sizeof(*pend)))) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
		goto out;
	}
	if ((rc = pipeline_start(&pl, &x, csv, d)))
		goto out;
	for (;;) {
		struct batch *b = pipeline_next(&pl);
		long before = res->rows_read;
		int last = b->last;

		if ((rc = store_batch(&x, kinds[x.kind], b, pend, &fptr, &fcap, delim, d)))
			goto out;
		done = b->done;
		if (o->on_progress && res->rows_read / 16384 != before / 16384)
			o->on_progress(o->ctx, b->done, b->total, res->rows_read);
		if (b->err) {
			rc = b->err;
			if (d)
				*d = b->d;
		}
		pipeline_done(&pl);
		if (rc)
			goto out;
		if (last)
			break;
	}
	pipeline_end(&pl);
	res->dst_gaps += pl.pres.dst_gaps;
	res->dst_folds += pl.pres.dst_folds;
	memcpy(res->sha256, pl.sha, sizeof(res->sha256));
	if (kinds[x.kind]->finish && (rc = kinds[x.kind]->finish(&x, d)))
		goto out;
	import_dates_report(&x);
	if (x.bad) {
		rc = sk_diag_set(d, SK_ERR_DATA, x.name, 0, NULL,
				 "%ld bad row%s of %ld: nothing imported (--skip-bad imports "
				 "the good rows)", res->rejected, res->rejected == 1 ? "" : "s",
				 res->rows_read);
		goto out;
	}
	if ((rc = all_rows_bad(&x, d)))
		goto out;
	/* A header alone is more often a failed export than a quiet month. */
	if (res->rows_read == 0 && !o->allow_empty) {
		rc = sk_diag_set(d, SK_ERR_DATA, x.name, 0, NULL, "no rows after the header: "
				 "nothing imported (an empty export? --allow-empty imports it)");
		goto out;
	}
	if ((rc = same_file(&x, &same, d)))
		goto out;
	if (same) {
		/* Nothing to keep, not even the imports row. */
		sk_db_rollback(db);
		began = 0;
		res->identical_to = same;
		goto out;
	}
	if ((rc = import_notes_finish(&x)) && (rc = sk_diag_set(d, rc, NULL, 0, NULL,
								 "out of memory")))
		goto out;
	if ((rc = log_finish(&x, done, d)))
		goto out;
	rc = sk_db_commit(db, d);
	if (!rc) {
		res->import_id = x.import_id;
		import_notes_report(&x);
	}
out:
	pipeline_end(&pl);
	import_notes_free(&x);
	/* Held date errors come before the message that ends the import. */
	if (x.dates)
		import_dates_report(&x);
	free(pend);
	free(fptr);
	imp_release(&x);
	if (rc && began)
		sk_db_rollback(db);
	if (rc == SK_ERR_DB && began && d) {
		size_t n = strlen(d->msg);

		snprintf(d->msg + n, sizeof(d->msg) - n, "; nothing imported");
	}
	csvread_close(csv);
	if (spool_fd >= 0)
		close(spool_fd);
	return rc;
}
