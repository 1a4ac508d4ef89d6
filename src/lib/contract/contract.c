/*
 * Reading a contract file: libinih splits the lines and we keep every key
 * with its line number (contract.c); each value is then read in file order,
 * so the first wrong line is the one reported (contract_keys.c); references
 * between sections and the checks on the whole contract come last
 * (contract_check.c). Questions to a loaded contract: contract_query.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ini.h>

#include "contract_priv.h"
#include "base/base.h"

/* A contract file is a page or two of text; refuse anything absurd. */
#define MAX_CONTRACT_BYTES (1L << 20)

/* ---- small helpers shared by the contract_*.c files ---- */

enum sk_err ld_fail(struct loader *ld, long line, const char *key, const char *fmt, ...)
{
	char msg[sizeof(((struct sk_diag *)0)->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return sk_diag_set(ld->d, SK_ERR_CONTRACT, ld->path, line, key, "%s", msg);
}

enum sk_err ld_nomem(struct loader *ld)
{
	return sk_diag_set(ld->d, SK_ERR_NOMEM, ld->path, 0, NULL, "out of memory");
}

int ld_grow(void **p, size_t *cap, size_t n, size_t size)
{
	return array_reserve(p, cap, n + 1, size) == 0;
}

int ld_same(const char *a, const char *b)
{
	return strcasecmp(a ? a : "", b ? b : "") == 0;
}

const struct ini_section *ld_section_at(const struct loader *ld, long line)
{
	for (size_t i = 0; i < ld->n_sec; i++)
		if (ld->sec[i].line == line)
			return &ld->sec[i];
	return NULL;
}

const struct ini_entry *ld_entry(const struct ini_section *s, const char *key)
{
	if (!s)
		return NULL;
	for (size_t i = 0; i < s->n; i++)
		if (ld_same(s->e[i].key, key))
			return &s->e[i];
	return NULL;
}

char *ld_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

char *ld_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/* ---- pass 1: lines into sections and entries ---- */

/* The file in memory, handed to inih line by line. */
struct reader {
	struct loader *ld;
	const char *buf;
	size_t len, pos;
	long line;           /* line just handed out */
	int indented;        /* it starts with a blank: inih may call it a continuation */
	long too_long;       /* first line over inih's limit, 0: none */
	int max_line;        /* that limit, in characters */
	long nul_line;       /* first line with a NUL byte */
	long orphan_line;    /* first key before any section */
	int nomem;
};

/* A section header the reader saw: name (trimmed) and line. */
static int add_section(struct reader *r, const char *name, size_t len)
{
	struct loader *ld = r->ld;
	struct ini_section *s;
	char *n;

	if (!ld_grow((void **)&ld->sec, &ld->cap_sec, ld->n_sec, sizeof(*ld->sec)))
		return 0;
	n = malloc(len + 1);
	if (!n)
		return 0;
	memcpy(n, name, len);
	n[len] = '\0';
	s = &ld->sec[ld->n_sec++];
	s->name = ld_strdup(ld_trim(n));
	free(n);
	s->line = r->line;
	return s->name != NULL;
}

/*
 * fgets for inih that counts lines (inih's handler gets no line number) and
 * sees section headers itself, so empty sections and over-long lines are
 * noticed too.
 */
static char *read_line(char *str, int num, void *stream)
{
	struct reader *r = stream;
	const char *start, *nl, *p;
	size_t linelen, content;

	if (r->pos >= r->len || num < 4)
		return NULL;
	start = r->buf + r->pos;
	nl = memchr(start, '\n', r->len - r->pos);
	linelen = nl ? (size_t)(nl - start) + 1 : r->len - r->pos;
	r->pos += linelen;
	r->line++;
	content = linelen;
	while (content > 0 && (start[content - 1] == '\n' || start[content - 1] == '\r'))
		content--;
	if (memchr(start, '\0', linelen) && !r->nul_line)
		r->nul_line = r->line;
	r->max_line = num - 3;
	if (content > (size_t)(num - 3)) {
		/* inih would cut the line in two; give it nothing and report the line. */
		if (!r->too_long)
			r->too_long = r->line;
		str[0] = '\n';
		str[1] = '\0';
		r->indented = 0;
		return str;
	}
	memcpy(str, start, linelen);
	str[linelen] = '\0';
	p = str;
	if (r->line == 1 && strncmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	r->indented = (*p == ' ' || *p == '\t');
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '[') {
		const char *end = strchr(p + 1, ']');

		if (end && !add_section(r, p + 1, (size_t)(end - p - 1)))
			r->nomem = 1;
	}
	return str;
}

/* inih's handler: one key = value, or more of the previous value. */
static int on_pair(void *user, const char *section, const char *name, const char *value)
{
	struct reader *r = user;
	struct loader *ld = r->ld;
	struct ini_section *s;
	struct ini_entry *e;

	(void)section; /* our own section list also sees empty and over-long names */
	if (ld->n_sec == 0) {
		if (!r->orphan_line)
			r->orphan_line = r->line;
		return 1;
	}
	s = &ld->sec[ld->n_sec - 1];
	if (r->indented && s->n > 0 && strcmp(s->e[s->n - 1].key, name) == 0) {
		/* inih hands an indented line to the previous key: keep it as more of that value. */
		size_t a, b;
		char *v;

		e = &s->e[s->n - 1];
		a = strlen(e->value);
		b = strlen(value);
		v = realloc(e->value, a + b + 2);
		if (!v) {
			r->nomem = 1;
			return 0;
		}
		v[a] = '\n';
		memcpy(v + a + 1, value, b + 1);
		e->value = v;
		if (!e->cont_line)
			e->cont_line = r->line;
		if (!ld_grow((void **)&e->part_line, &e->cap_part, e->n_part,
				sizeof(*e->part_line))) {
			r->nomem = 1;
			return 0;
		}
		e->part_line[e->n_part++] = r->line;
		return 1;
	}
	if (!ld_grow((void **)&s->e, &s->cap, s->n, sizeof(*s->e))) {
		r->nomem = 1;
		return 0;
	}
	e = &s->e[s->n];
	memset(e, 0, sizeof(*e));
	e->key = ld_strdup(name);
	e->value = ld_strdup(value ? value : "");
	e->line = r->line;
	if (!e->key || !e->value) {
		free(e->key);
		free(e->value);
		r->nomem = 1;
		return 0;
	}
	s->n++;
	return 1;
}

/* ---- loading ---- */

static enum sk_err read_file(struct loader *ld, char **buf, size_t *len)
{
	FILE *fp;
	enum sk_err rc;
	size_t cap = 0;

	*buf = NULL;
	*len = 0;
	/* A pipe or a device (contract = /dev/zero) would hang or never end. */
	rc = input_file_open(ld->path, MAX_CONTRACT_BYTES, "a contract file", SK_ERR_CONTRACT,
			     &fp, ld->d);
	if (rc != SK_OK)
		return rc;
	for (;;) {
		size_t got;

		if (*len + 1 >= cap) {
			char *nb;

			cap = cap ? cap * 2 : 16384;
			if (cap > (size_t)MAX_CONTRACT_BYTES * 2) {
				rc = sk_diag_set(ld->d, SK_ERR_CONTRACT, ld->path, 0, NULL,
						 "larger than %ld bytes: not a contract file",
						 MAX_CONTRACT_BYTES);
				break;
			}
			nb = realloc(*buf, cap);
			if (!nb) {
				rc = ld_nomem(ld);
				break;
			}
			*buf = nb;
		}
		got = fread(*buf + *len, 1, cap - 1 - *len, fp);
		*len += got;
		if (got == 0)
			break;
	}
	if (rc == SK_OK && ferror(fp))
		rc = sk_diag_set(ld->d, SK_ERR_IO, ld->path, 0, NULL, "cannot read: %s",
				 strerror(errno));
	if (rc == SK_OK && *len > (size_t)MAX_CONTRACT_BYTES)
		rc = sk_diag_set(ld->d, SK_ERR_CONTRACT, ld->path, 0, NULL,
				 "larger than %ld bytes: not a contract file", MAX_CONTRACT_BYTES);
	fclose(fp);
	if (rc != SK_OK) {
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

/* Hash, split into sections and entries, and catch what inih cannot read. */
static enum sk_err read_ini(struct loader *ld, const char *buf, size_t len)
{
	struct sha256 sha = { 0 };
	struct reader r;
	int bad;

	if (sha256_init(&sha) < 0)
		return sk_diag_set(ld->d, SK_ERR_NOMEM, ld->path, 0, NULL, "out of memory");
	sha256_update(&sha, buf, len);
	sha256_final_hex(&sha, ld->c->sha256);
	if (!ld->c->sha256[0])
		return sk_diag_set(ld->d, SK_ERR_NOMEM, ld->path, 0, NULL, "cannot hash: out of memory");
	memset(&r, 0, sizeof(r));
	r.ld = ld;
	r.buf = buf;
	r.len = len;
	bad = ini_parse_stream(read_line, &r, on_pair, &r);
	if (r.nomem || bad == -2)
		return ld_nomem(ld);
	/* The earliest of the problems found while reading lines is the one reported. */
	{
		long first = 0;
		const char *what = NULL;
		char msg[160];

		if (r.nul_line && (!first || r.nul_line < first)) {
			first = r.nul_line;
			what = "the line contains a NUL byte: not a text file";
		}
		if (r.too_long && (!first || r.too_long < first)) {
			first = r.too_long;
			snprintf(msg, sizeof(msg),
				 "the line is longer than %d characters (continue a list or "
				 "text on an indented next line)", r.max_line);
			what = msg;
		}
		if (bad > 0 && (!first || bad < first)) {
			first = bad;
			what = "cannot read this line (expected [section], key = value or a comment)";
		}
		if (r.orphan_line && (!first || r.orphan_line < first)) {
			first = r.orphan_line;
			what = "a key before the first [section]";
		}
		if (first)
			return ld_fail(ld, first, NULL, "%s", what);
	}
	return SK_OK;
}

/* What a calendar spec owns (the spec itself lives in an array). */
static void free_spec(struct cal_spec *sp)
{
	for (size_t i = 0; i < sp->n_closed; i++)
		free(sp->closed[i].name);
	for (size_t i = 0; i < sp->n_ics; i++)
		free(sp->ics[i].path);
	free(sp->closed);
	free(sp->ics);
}

/* The strings of one KPI. */
static void free_kpi(struct sk_kpi *k)
{
	free(k->id);
	free(k->name);
	free(k->unit);
	free(k->source);
	free(k->note);
}

/* Everything the loader owns; the contract is freed by the caller. */
static void loader_release(struct loader *ld)
{
	for (size_t i = 0; i < ld->n_sec; i++) {
		for (size_t j = 0; j < ld->sec[i].n; j++) {
			free(ld->sec[i].e[j].key);
			free(ld->sec[i].e[j].value);
			free(ld->sec[i].e[j].part_line);
		}
		free(ld->sec[i].e);
		free(ld->sec[i].name);
	}
	free(ld->sec);
	if (ld->specs)
		for (size_t i = 0; i < ld->c->n_calendars; i++)
			free_spec(&ld->specs[i]);
	free(ld->specs);
	for (size_t i = 0; i < ld->n_kpis; i++) {
		free_kpi(&ld->kpis[i].k);
		free(ld->kpis[i].domain);
		free(ld->kpis[i].p_priority);
		free(ld->kpis[i].p_calendar);
		free(ld->kpis[i].p_service);
		free(ld->kpis[i].p_supplier);
	}
	for (size_t i = 0; i < ld->n_sup_targets; i++)
		free(ld->sup_targets[i].priority);
	free(ld->sup_targets);
	free(ld->kpis);
	free(ld->matrix_lines);
	free(ld->dir);
}

/* The rules' defaults (sla-compute(1) RULES), before [rules] changes any. */
static void rules_defaults(struct sk_rules *r)
{
	r->resolution_start = SK_CLOCK_REPORTED;
	r->priority = SK_PRIORITY_FINAL;
	r->cap = 1;
	r->pct_decimals = 1;
	r->score_decimals = 2;
	r->aggregate = SK_AGG_COUNT;
	r->weights = SK_WEIGHTS_REFUSE;
	r->wrong_channel = SK_CHANNEL_SEPARATE;
	r->report_due_days = 5;
	r->reopen_resets = 0;
	r->at_risk_share = SK_DEC(75);
}

enum sk_err sk_contract_load(const char *path, struct sk_contract **out, struct sk_diag *d)
{
	struct loader ld;
	struct sk_contract *c = NULL;
	char *buf = NULL;
	size_t len = 0;
	const char *slash;
	enum sk_err rc;

	*out = NULL;
	memset(&ld, 0, sizeof(ld));
	ld.path = path;
	ld.d = d;
	sk_diag_clear(d);
	c = calloc(1, sizeof(*c));
	if (!c)
		return ld_nomem(&ld);
	ld.c = c;
	c->default_calendar = -1;
	rules_defaults(&c->rules);
	c->path = ld_strdup(path);
	slash = strrchr(path, '/');
	ld.dir = slash ? malloc((size_t)(slash - path) + 2) : ld_strdup("");
	if (!c->path || !ld.dir) {
		rc = ld_nomem(&ld);
		goto out;
	}
	if (slash) {
		memcpy(ld.dir, path, (size_t)(slash - path) + 1);
		ld.dir[slash - path + 1] = '\0';
	}
	rc = read_file(&ld, &buf, &len);
	if (rc != SK_OK)
		goto out;
	rc = read_ini(&ld, buf, len);
	if (rc != SK_OK)
		goto out;
	rc = ld_read_sections(&ld);
	if (rc != SK_OK)
		goto out;
	rc = contract_check(&ld);
out:
	free(buf);
	loader_release(&ld);
	if (rc != SK_OK) {
		sk_contract_free(c);
		return rc;
	}
	*out = c;
	return SK_OK;
}

/* A list of strings from read_list(). */
static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void sk_contract_free(struct sk_contract *c)
{
	if (!c)
		return;
	free(c->path);
	free(c->id);
	free(c->name);
	free(c->language);
	free(c->supplier);
	free(c->customer);
	/* Calendars borrow the zone and their holidays: free them first. */
	for (size_t i = 0; i < c->n_calendars; i++) {
		sk_calendar_free(c->calendars[i].cal);
		sk_holidays_free(c->calendars[i].hol);
		free(c->calendars[i].name);
	}
	free(c->calendars);
	sk_tz_free(c->tz);
	for (size_t i = 0; i < c->n_priorities; i++) {
		struct sk_priority *p = &c->priorities[i];

		free(p->id);
		free(p->name);
		free_list(p->aliases, p->n_aliases);
		free(p->channel);
		free(p->response_by);
		sk_calendar_free(p->after_hours_union);
	}
	free(c->priorities);
	free(c->matrix.row_field);
	free(c->matrix.column_field);
	for (size_t i = 0; i < c->matrix.n_buckets; i++)
		free(c->matrix.buckets[i].label);
	free(c->matrix.buckets);
	for (size_t i = 0; i < c->matrix.n_aliases; i++) {
		free(c->matrix.aliases[i].word);
		free(c->matrix.aliases[i].value);
	}
	free(c->matrix.aliases);
	for (size_t i = 0; i < c->matrix.n_entries; i++) {
		free(c->matrix.entries[i].row);
		free(c->matrix.entries[i].column);
	}
	free(c->matrix.entries);
	for (size_t i = 0; i < c->n_services; i++) {
		free(c->services[i].id);
		free(c->services[i].name);
	}
	free(c->services);
	for (size_t i = 0; i < c->n_domains; i++) {
		struct sk_domain *dm = &c->domains[i];

		free(dm->id);
		free(dm->name);
		free(dm->service);
		free(dm->note);
		for (size_t j = 0; j < dm->n_kpis; j++)
			free_kpi(&dm->kpis[j]);
		free(dm->kpis);
	}
	free(c->domains);
	free(c->staffel);
	free_list(c->rules.pause_statuses, c->rules.n_pause_statuses);
	free_list(c->rules.resolved_statuses, c->rules.n_resolved_statuses);
	free_list(c->rules.closed_statuses, c->rules.n_closed_statuses);
	free_list(c->rules.working_statuses, c->rules.n_working_statuses);
	contract_free_suppliers(c);
	contract_free_choices(c);
	free(c);
}
