/* Streaming CSV reader: physical lines in, checked UTF-8 records out. */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "csvread.h"

struct rec {
	size_t first;   /* index of its first field in field_off */
	size_t n;       /* number of fields */
	long line;      /* physical line it starts on */
};

struct sk_csv {
	FILE *fp;
	int own_fp;
	char name[512];
	struct csv_parser p;
	int p_init;
	char delim;
	enum sk_encoding enc;
	char *line;           /* getdelim buffer */
	size_t line_cap;
	char *conv;           /* Windows-1252 converted to UTF-8 */
	size_t conv_cap;
	long line_no;         /* physical lines read */
	int64_t offset;       /* bytes read */
	int64_t size;         /* file size, 0 if unknown */
	int first;            /* header line not read yet */
	int eof;
	int in_record;        /* a record has begun and not ended */
	long rec_line;        /* where the record in progress began */
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
	struct sk_sha256 sha;
};

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* libcsv: a field is complete. */
static void on_field(void *s, size_t len, void *data)
{
	struct sk_csv *r = data;

	if (r->oom)
		return;
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
	struct sk_csv *r = data;

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

enum sk_err sk_csv_open(const char *path, const char *name, char delim,
			enum sk_encoding enc, struct sk_csv **out, struct sk_diag *d)
{
	struct sk_csv *r = calloc(1, sizeof(*r));
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
	sk_sha256_init(&r->sha);
out:
	if (rc) {
		sk_csv_close(r);
		return rc;
	}
	*out = r;
	return SK_OK;
}

void sk_csv_close(struct sk_csv *r)
{
	if (!r)
		return;
	if (r->own_fp && r->fp)
		fclose(r->fp);
	if (r->p_init)
		csv_free(&r->p);
	free(r->line);
	free(r->conv);
	free(r->arena);
	free(r->field_off);
	free(r->recs);
	free(r->ptrs);
	free(r);
}

char sk_csv_delimiter(const struct sk_csv *r)
{
	return r->delim;
}

void sk_csv_progress(const struct sk_csv *r, int64_t *done, int64_t *total)
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
static enum sk_err decode_line(struct sk_csv *r, int64_t start, const char **text,
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

/* The delimiter the header uses most outside quotes: ',', ';' or TAB. */
static char detect_delim(const char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0, i;
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
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* Drop returned records; keep the fields of the record in progress. */
static void compact(struct sk_csv *r)
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

/* Read, check and parse one physical line (or finish at the end). */
static enum sk_err feed_line(struct sk_csv *r, struct sk_diag *d)
{
	ssize_t got = getdelim(&r->line, &r->line_cap, '\n', r->fp);
	const char *text = r->line;
	size_t len;
	int64_t start = r->offset;
	enum sk_err rc;

	if (got < 0) {
		if (ferror(r->fp))
			return sk_diag_set(d, SK_ERR_IO, r->name, r->line_no, NULL,
					   "read error: %s", strerror(errno));
		r->eof = 1;
		/* libcsv only refuses an open quote at the end in strict mode,
		 * which also refuses stray quotes: look at its state instead
		 * (2 = FIELD_BEGUN in libcsv's public struct). */
		if ((r->p.quoted && r->p.pstate == 2) ||
		    csv_fini(&r->p, on_field, on_record, r) != 0)
			return sk_diag_set(d, SK_ERR_DATA, r->name, r->rec_line, NULL,
					   "quoted field not closed before the end of the file");
		return r->oom ? sk_diag_set(d, SK_ERR_NOMEM, r->name, 0, NULL,
					    "out of memory") : SK_OK;
	}
	len = (size_t)got;
	sk_sha256_update(&r->sha, r->line, len);
	r->offset += got;
	r->line_no++;
	if (r->first && len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
		start += 3;
	}
	rc = decode_line(r, start, &text, &len, d);
	if (rc)
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
	return SK_OK;
}

enum sk_err sk_csv_next(struct sk_csv *r, struct sk_csv_row *row, struct sk_diag *d)
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
			rc = feed_line(r, d);
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
		return SK_OK;
	}
}

enum sk_err sk_csv_finish_hash(struct sk_csv *r, char hex[65], struct sk_diag *d)
{
	char buf[65536];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), r->fp)) > 0) {
		sk_sha256_update(&r->sha, buf, n);
		r->offset += (int64_t)n;
	}
	if (ferror(r->fp))
		return sk_diag_set(d, SK_ERR_IO, r->name, 0, NULL, "read error: %s",
				   strerror(errno));
	sk_sha256_final_hex(&r->sha, hex);
	return SK_OK;
}

void sk_csv_write_field(FILE *fp, const char *s, char delim)
{
	size_t n = strlen(s);
	int quote = n && (s[0] == ' ' || s[n - 1] == ' ');

	for (size_t i = 0; i < n && !quote; i++)
		if (s[i] == delim || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (!quote) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			fputc('"', fp);
		fputc(s[i], fp);
	}
	fputc('"', fp);
}
