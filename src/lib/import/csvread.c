/* Streaming CSV reader: blocks in, physical lines checked, UTF-8 records out. */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "csvread.h"

struct rec {
	size_t first;   /* index of its first field in field_off */
	size_t n;       /* number of fields */
	long line;      /* physical line it starts on */
};

struct csvread {
	FILE *fp;
	int own_fp;
	char name[512];
	struct csv_parser p;
	int p_init;
	char delim;
	enum sk_encoding enc;
	char *buf;            /* bytes read, not yet parsed: buf[pos .. len) */
	size_t pos, len;
	char *conv;           /* Windows-1252 converted to UTF-8 */
	size_t conv_cap;
	long line_no;         /* physical lines begun */
	int mid_line;         /* the last piece parsed did not end its line */
	int cr_end;           /* ... and ended in CR: an LF next ends that line */
	int64_t offset;       /* bytes read */
	int64_t parsed;       /* bytes parsed (the offset of buf[pos]) */
	int64_t size;         /* file size, 0 if unknown */
	int first;            /* header line not read yet */
	int eof;              /* every record handed out */
	int eof_read;         /* every byte read */
	int in_record;        /* a record has begun and not ended */
	long rec_line;        /* where the record in progress began */
	char **header;        /* the first record's fields, to name columns */
	size_t nheader;
	size_t too_long;      /* index + 1 of a field over SK_CSV_MAX_FIELD */
	char *arena;          /* field bytes, each NUL-terminated */
	size_t arena_len, arena_cap;
	size_t *field_off;    /* arena offset of each field */
	size_t nfields, fields_cap;
	size_t cur_first;     /* first field of the record in progress */
	struct rec *recs;     /* completed records not yet returned */
	size_t nrecs, recs_cap, rec_pos;
	const char **ptrs;    /* the row handed out */
	size_t ptrs_cap;
	int oom;
	struct sha256 sha;
};

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	return array_reserve(p, cap, need, elem);
}

/* libcsv: a field is complete. */
static void on_field(void *s, size_t len, void *data)
{
	struct csvread *r = data;

	if (r->oom || r->too_long)
		return;
	if (len > SK_CSV_MAX_FIELD) {
		r->too_long = r->nfields - r->cur_first + 1;
		return;
	}
	if (grow((void **)&r->arena, &r->arena_cap, r->arena_len + len + 1, 1) ||
	    grow((void **)&r->field_off, &r->fields_cap, r->nfields + 1, sizeof(size_t))) {
		r->oom = 1;
		return;
	}
	if (len)
		memcpy(r->arena + r->arena_len, s, len);
	r->field_off[r->nfields++] = r->arena_len;
	r->arena_len += len;
	r->arena[r->arena_len++] = '\0';
}

/* libcsv: a record is complete. */
static void on_record(int c, void *data)
{
	struct csvread *r = data;

	(void)c;
	r->in_record = 0;
	if (r->oom)
		return;
	if (grow((void **)&r->recs, &r->recs_cap, r->nrecs + 1, sizeof(struct rec))) {
		r->oom = 1;
		return;
	}
	r->recs[r->nrecs++] = (struct rec){ r->cur_first, r->nfields - r->cur_first, r->rec_line };
	r->cur_first = r->nfields;
}

enum sk_err csvread_open(const char *path, const char *name, char delim,
			enum sk_encoding enc, struct csvread **out, struct sk_diag *d)
{
	struct csvread *r = calloc(1, sizeof(*r));
	struct stat st;
	enum sk_err rc = SK_OK;

	*out = NULL;
	if (!r)
		return sk_diag_set(d, SK_ERR_NOMEM, name, 0, NULL, "out of memory");
	snprintf(r->name, sizeof(r->name), "%s", name);
	if (strcmp(path, "-") == 0) {
		r->fp = stdin;
	} else {
		r->fp = fopen(path, "rb");
		r->own_fp = 1;
		if (!r->fp) {
			rc = sk_diag_set(d, SK_ERR_IO, name, 0, NULL, "cannot open: %s",
					 strerror(errno));
			goto out;
		}
	}
	if (fstat(fileno(r->fp), &st) == 0 && S_ISREG(st.st_mode))
		r->size = st.st_size;
	/* Not strict: a stray quote inside an unquoted field is kept as text, as
	 * spreadsheets write it; an unterminated quote at the end is an error. */
	if (csv_init(&r->p, CSV_STRICT_FINI) != 0) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, name, 0, NULL, "out of memory");
		goto out;
	}
	r->p_init = 1;
	r->delim = delim;
	r->enc = enc;
	r->first = 1;
	if (sha256_init(&r->sha) < 0)
		rc = sk_diag_set(d, SK_ERR_NOMEM, name, 0, NULL, "out of memory");
out:
	if (rc) {
		csvread_close(r);
		return rc;
	}
	*out = r;
	return SK_OK;
}

void csvread_close(struct csvread *r)
{
	if (!r)
		return;
	if (r->own_fp && r->fp)
		fclose(r->fp);
	if (r->p_init)
		csv_free(&r->p);
	sha256_release(&r->sha);
	for (size_t i = 0; i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	free(r->buf);
	free(r->conv);
	free(r->arena);
	free(r->field_off);
	free(r->recs);
	free(r->ptrs);
	free(r);
}

char csvread_delimiter(const struct csvread *r)
{
	return r->delim;
}

void csvread_progress(const struct csvread *r, int64_t *done, int64_t *total)
{
	*done = r->offset;
	*total = r->size;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)
			return 0; /* overlong */
		if (c == 0xed && s[1] >= 0xa0)
			return 0; /* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)
			return 0;
		if (c == 0xf4 && s[1] >= 0x90)
			return 0; /* above U+10FFFF */
		return 4;
	}
	return 0;
}

/* Windows-1252 0x80..0x9F; 0 marks the five bytes it leaves undefined. */
static const unsigned short cp1252_hi[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

/* Check (UTF-8) or convert (Windows-1252) one line, updating text and len. */
static enum sk_err decode_line(struct csvread *r, int64_t start, const char **text,
			       size_t *len, struct sk_diag *d)
{
	const unsigned char *s = (const unsigned char *)*text;
	size_t n = *len, i, o = 0;
	const void *nul = memchr(s, '\0', n);

	if (nul)
		return sk_diag_set(d, SK_ERR_DATA, r->name, r->line_no, NULL,
				   "NUL byte at byte offset %lld: not a text export",
				   (long long)(start + ((const unsigned char *)nul - s)));
	if (r->enc == SK_ENC_UTF8) {
		for (i = 0; i < n;) {
			size_t k = utf8_seq(s + i, n - i);

			if (!k)
				return sk_diag_set(d, SK_ERR_DATA, r->name, r->line_no, NULL,
						   "invalid UTF-8 byte 0x%02x at byte offset %lld "
						   "(a Windows-1252 export? see --encoding)",
						   s[i], (long long)(start + (int64_t)i));
			i += k;
		}
		return SK_OK;
	}
	if (grow((void **)&r->conv, &r->conv_cap, n * 3 + 1, 1))
		return sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL, "out of memory");
	for (i = 0; i < n; i++) {
		unsigned cp = s[i];

		if (cp >= 0x80 && cp < 0xa0) {
			cp = cp1252_hi[cp - 0x80];
			if (!cp)
				return sk_diag_set(d, SK_ERR_DATA, r->name, r->line_no, NULL,
						   "byte 0x%02x at byte offset %lld is not "
						   "Windows-1252", s[i],
						   (long long)(start + (int64_t)i));
		}
		if (cp < 0x80) {
			r->conv[o++] = (char)cp;
		} else if (cp < 0x800) {
			r->conv[o++] = (char)(0xc0 | (cp >> 6));
			r->conv[o++] = (char)(0x80 | (cp & 0x3f));
		} else {
			r->conv[o++] = (char)(0xe0 | (cp >> 12));
			r->conv[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			r->conv[o++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	*text = r->conv;
	*len = o;
	return SK_OK;
}

/* The delimiter the header uses most outside quotes: ',', ';', TAB or '|'
 * (a '|' only when it outnumbers each of the others). */
static char detect_delim(const char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0, pipe = 0, i;
	int q = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == ',')
			comma++;
		else if (!q && s[i] == ';')
			semi++;
		else if (!q && s[i] == '\t')
			tab++;
		else if (!q && s[i] == '|')
			pipe++;
	}
	if (pipe > comma && pipe > semi && pipe > tab)
		return '|';
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* Drop returned records; keep the fields of the record in progress. */
static void compact(struct csvread *r)
{
	size_t base, i, keep = r->nfields - r->cur_first;

	r->nrecs = r->rec_pos = 0;
	if (!keep) {
		r->nfields = r->cur_first = r->arena_len = 0;
		return;
	}
	base = r->field_off[r->cur_first];
	memmove(r->arena, r->arena + base, r->arena_len - base);
	r->arena_len -= base;
	for (i = 0; i < keep; i++)
		r->field_off[i] = r->field_off[r->cur_first + i] - base;
	r->nfields = keep;
	r->cur_first = 0;
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Read more of the file behind the unparsed bytes; *got = 0 at its end. */
static enum sk_err fill(struct csvread *r, size_t *got, struct sk_diag *d)
{
	ssize_t got_n;
	size_t n;

	if (!r->buf && !(r->buf = malloc(SK_CSV_BUFFER)))
		return sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL, "out of memory");
	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	/* read(), not fread(): from a pipe, take what has come, do not wait
	 * for a whole buffer (the import holds the database meanwhile). */
	do
		got_n = read(fileno(r->fp), r->buf + r->len, SK_CSV_BUFFER - r->len);
	while (got_n < 0 && errno == EINTR);
	if (got_n < 0)
		return sk_diag_set(d, SK_ERR_IO, r->name, r->line_no, NULL, "read error: %s",
				   strerror(errno));
	n = (size_t)got_n;
	sha256_update(&r->sha, r->buf + r->len, n);
	r->offset += (int64_t)n;
	r->len += n;
	*got = n;
	return SK_OK;
}

/* Bytes of @p s (@p n long, no newline in it) that end on a whole UTF-8
 * sequence, so a line longer than the buffer is parsed in valid pieces. */
static size_t whole_utf8(const unsigned char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned c = s[n - k];

		if ((c & 0xc0) == 0x80)
			continue;          /* a continuation byte: look further back */
		if (c >= 0xc0 && ((c >= 0xf0 && k < 4) || (c >= 0xe0 && k < 3) || k < 2))
			return n - k;      /* a sequence that goes on in the next read */
		break;
	}
	return n;
}

/* Name the column of field @p index (0-based) of the record in progress. */
static const char *column(const struct csvread *r, size_t index)
{
	return index < r->nheader ? r->header[index] : NULL;
}

/* A field over SK_CSV_MAX_FIELD, or a record over SK_CSV_MAX_RECORD. */
static enum sk_err check_size(struct csvread *r, struct sk_diag *d)
{
	size_t index, bytes = 0;

	if (r->too_long || r->p.entry_pos > SK_CSV_MAX_FIELD) {
		index = r->too_long ? r->too_long - 1 : r->nfields - r->cur_first;
		return sk_diag_set(d, SK_ERR_DATA, r->name, r->rec_line, column(r, index),
				   "value longer than %d bytes%s", SK_CSV_MAX_FIELD,
				   r->p.quoted && !r->too_long
				   ? " (a quote that is never closed?)" : "");
	}
	if (r->nfields > r->cur_first)
		bytes = r->arena_len - r->field_off[r->cur_first];
	bytes += r->p.entry_pos + (r->nfields - r->cur_first) * sizeof(size_t);
	if (bytes > SK_CSV_MAX_RECORD)
		return sk_diag_set(d, SK_ERR_DATA, r->name, r->rec_line, NULL,
				   "record longer than %d bytes (%zu fields so far)",
				   SK_CSV_MAX_RECORD, r->nfields - r->cur_first);
	return SK_OK;
}

/* The end of the file: let libcsv finish the last record. */
static enum sk_err finish(struct csvread *r, struct sk_diag *d)
{
	r->eof = 1;
	/* libcsv only refuses an open quote at the end in strict mode, which
	 * also refuses stray quotes: look at its state instead (2 = FIELD_BEGUN
	 * in libcsv's public struct). */
	if ((r->p.quoted && r->p.pstate == 2) || csv_fini(&r->p, on_field, on_record, r) != 0)
		return sk_diag_set(d, SK_ERR_DATA, r->name, r->rec_line, NULL,
				   "quoted field not closed before the end of the file");
	if (r->oom)
		return sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL, "out of memory");
	return check_size(r, d);
}

/*
 * The length of the first whole physical line of the unparsed bytes, with
 * its end, 0 when none is whole yet. A line ends in LF, CRLF or a lone CR
 * (old Mac and some spreadsheet exports, also mixed in one file), as libcsv
 * ends records; a CR at the very end may still be followed by LF, so it ends
 * a line only at the end of the file.
 */
static size_t line_len(const struct csvread *r)
{
	const char *s = r->buf ? r->buf + r->pos : NULL, *nl, *cr;
	size_t n = r->len - r->pos;

	if (!s || !n)
		return 0;
	nl = memchr(s, '\n', n);
	cr = memchr(s, '\r', nl ? (size_t)(nl - s) : n);
	if (cr && cr + 1 != nl) {
		if (cr + 1 < s + n || r->eof_read)
			return (size_t)(cr - s) + 1;
		return 0;
	}
	return nl ? (size_t)(nl - s) + 1 : 0;
}

/* Check and parse the next line, or the next piece of a line longer than
 * the buffer (or finish at the end of the file). */
static enum sk_err feed(struct csvread *r, struct sk_diag *d)
{
	const char *text;
	size_t len, got, line;
	int64_t start;
	enum sk_err rc;

	for (;;) {
		line = line_len(r);
		if (line || r->eof_read || (r->pos == 0 && r->len == SK_CSV_BUFFER))
			break;
		if ((rc = fill(r, &got, d)))
			return rc;
		if (!got)
			r->eof_read = 1;
	}
	text = r->buf + r->pos;
	if (line)
		len = line;
	else if (r->eof_read)
		len = r->len - r->pos;
	else
		len = r->enc == SK_ENC_UTF8 ? whole_utf8((const unsigned char *)text, r->len - r->pos)
					    : r->len - r->pos;
	if (len == 0)
		return finish(r, d);
	start = r->parsed;
	r->pos += len;
	r->parsed += (int64_t)len;
	/* A piece that goes on a line begins no new one, unless that line
	 * ended in a lone CR cut off from what follows by the buffer's end. */
	if (!r->mid_line || (r->cr_end && text[0] != '\n'))
		r->line_no++;
	r->mid_line = !line;
	r->cr_end = text[len - 1] == '\r';
	if (start == 0 && len >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') ||
				       (text[0] == '\xfe' && text[1] == '\xff')))
		return sk_diag_set(d, SK_ERR_DATA, r->name, 1, NULL, "UTF-16 text (byte order "
				   "mark %02X %02X): save the export as CSV in UTF-8",
				   (unsigned char)text[0], (unsigned char)text[1]);
	if (start == 0 && len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
		start += 3;
	}
	if ((rc = decode_line(r, start, &text, &len, d)))
		return rc;
	if (r->first) {
		r->first = 0;
		if (!r->delim)
			r->delim = detect_delim(text, len);
		csv_set_delim(&r->p, (unsigned char)r->delim);
	}
	if (!r->in_record && !blank(text, len)) {
		r->in_record = 1;
		r->rec_line = r->line_no;
	}
	if (csv_parse(&r->p, text, len, on_field, on_record, r) != len)
		return sk_diag_set(d, SK_ERR_DATA, r->name, r->line_no, NULL, "%s",
				   csv_strerror(csv_error(&r->p)));
	if (r->oom)
		return sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL, "out of memory");
	return check_size(r, d);
}

/* Keep the first record's fields: messages name columns by them. */
static enum sk_err keep_header(struct csvread *r, const struct csvread_row *row,
			       struct sk_diag *d)
{
	if (!(r->header = calloc(row->n, sizeof(char *))))
		return sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL, "out of memory");
	for (r->nheader = 0; r->nheader < row->n; r->nheader++)
		if (!(r->header[r->nheader] = strdup(row->f[r->nheader])))
			return sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL, "out of memory");
	return SK_OK;
}

enum sk_err csvread_next(struct csvread *r, struct csvread_row *row, struct sk_diag *d)
{
	enum sk_err rc;

	row->n = 0;
	row->f = NULL;
	row->line = r->line_no;
	for (;;) {
		while (r->rec_pos >= r->nrecs) {
			if (r->eof)
				return SK_OK;
			compact(r);
			rc = feed(r, d);
			if (rc)
				return rc;
		}
		struct rec *k = &r->recs[r->rec_pos++];
		int empty = 1;

		if (grow((void **)&r->ptrs, &r->ptrs_cap, k->n + 1, sizeof(char *)))
			return sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL, "out of memory");
		for (size_t i = 0; i < k->n; i++) {
			r->ptrs[i] = r->arena + r->field_off[k->first + i];
			if (r->ptrs[i][0])
				empty = 0;
		}
		/* Spreadsheets leave rows of bare delimiters at the end: not data. */
		if (empty)
			continue;
		row->f = r->ptrs;
		row->n = k->n;
		row->line = k->line;
		if (!r->header)
			return keep_header(r, row, d);
		return SK_OK;
	}
}

enum sk_err csvread_finish_hash(struct csvread *r, char hex[65], struct sk_diag *d)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(fileno(r->fp), buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return sk_diag_set(d, SK_ERR_IO, r->name, 0, NULL, "read error: %s",
					   strerror(errno));
		sha256_update(&r->sha, buf, (size_t)n);
		r->offset += (int64_t)n;
	}
	sha256_final_hex(&r->sha, hex);
	if (!hex[0])
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "cannot hash: out of memory");
	return SK_OK;
}
