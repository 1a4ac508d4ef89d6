/*
 * Map files (`--map FILE`): a user's own column names and value words, read
 * with inih. Every key is checked so a typo is an error with its line, not a
 * mapping that silently does nothing. Format: sla-import(1), MAP FILES.
 */
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_priv.h"
#include "base/base.h"

struct load {
	struct sk_map *m;
	struct sk_diag *d;
	enum sk_err rc;
	const char *path;
	FILE *fp;
	long lineno;    /* lines read so far: inih calls back after each line */
	char raw[256];  /* the last line as read, before inih cuts comments */
};

/*
 * A section header that is never closed ("[map"): inih would report it as
 * a bad line only after the keys under it were given to the section before,
 * so the first complaint named a later line. Refused here, on its own line.
 */
static int unclosed_section(struct load *L, const char *line)
{
	const char *s = line + strspn(line, " \t");
	size_t n;

	if (*s != '[')
		return 0;
	n = strcspn(s, ";#\r\n");
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (memchr(s, ']', n))
		return 0;
	L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, L->lineno, NULL,
			    "section header '%.*s' is not closed with ']'", (int)(n > 64 ? 64 : n), s);
	return 1;
}

/* inih's line reader, counting lines so errors can name them. */
static char *read_line(char *str, int num, void *stream)
{
	struct load *L = stream;
	char *s = fgets(str, num, L->fp);

	if (!s)
		return s;
	L->lineno++;
	snprintf(L->raw, sizeof(L->raw), "%s", s);
	/* The end of the stream for inih: the parse stops at the error. */
	return unclosed_section(L, s) ? NULL : s;
}

/*
 * The delimiter a [map] value names. inih takes " ;" for the start of a
 * comment, so "delimiter = ;" reaches us empty: the line as read says
 * whether the value was a semicolon. Words are accepted for all four.
 */
static char map_delimiter(const struct load *L, const char *value)
{
	static const struct { const char *word; char c; } words[] = {
		{ "comma", ',' }, { "semicolon", ';' }, { "tab", '\t' }, { "pipe", '|' },
		{ ",", ',' }, { ";", ';' }, { "|", '|' },
	};
	const char *s = L->raw + strcspn(L->raw, "=:");

	if (!*value && *s) {
		s += 1 + strspn(s + 1, " \t");
		if (*s == ';' && (!s[1] || strchr(" \t\r\n;#", s[1])))
			return ';';
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(value, words[i].word) == 0)
			return words[i].c;
	return 0;
}

static enum import_fid field_by_name(const char *name)
{
	for (int i = 0; i < F_COUNT; i++)
		if (strcmp(import_fields[i].name, name) == 0)
			return (enum import_fid)i;
	return F_COUNT;
}

static int add(struct map_pair **arr, size_t *n, const char *a, const char *b,
	       const char *c, long line)
{
	struct map_pair *p = realloc(*arr, (*n + 1) * sizeof(**arr));

	if (!p)
		return -1;
	*arr = p;
	p += *n;
	p->a = strdup(a);
	p->b = strdup(b);
	p->c = c ? strdup(c) : NULL;
	p->line = line;
	if (!p->a || !p->b || (c && !p->c)) {
		free(p->a);
		free(p->b);
		free(p->c);
		return -1;
	}
	(*n)++;
	return 0;
}

/* inih calls this for every key; returning 0 stops the parse. */
static int on_key(void *user, const char *section, const char *key,
		  const char *value)
{
	struct load *L = user;
	long lineno = L->lineno;
	struct sk_map *m = L->m;
	int r = 0;

	/* "id =" would look for a column without a name; only a delimiter's
	 * ";" reaches us empty (see map_delimiter()). */
	if (!*value && !(strcmp(section, "map") == 0 && strcmp(key, "delimiter") == 0)) {
		L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, lineno, key,
				    "empty value (leave the key out, or give [missing] "
				    "words for empty cells)");
		return 0;
	}
	if (strcmp(section, "map") == 0) {
		if (strcmp(key, "kind") == 0) {
			m->kind = sk_import_kind_parse(value);
			if (m->kind < 0)
				goto bad_value;
		} else if (strcmp(key, "profile") == 0) {
			if (!sk_profile_exists(value))
				goto bad_value;
			free(m->profile);
			m->profile = strdup(value);
			r = m->profile ? 0 : -1;
		} else if (strcmp(key, "delimiter") == 0) {
			if (!(m->delimiter = map_delimiter(L, value))) {
				L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, lineno, key,
						    "'%s' is not a delimiter slakit reads (',' "
						    "comma, ';' semicolon, tab, '|' pipe)", value);
				return 0;
			}
		} else if (strcmp(key, "encoding") == 0) {
			if (strcasecmp(value, "utf-8") == 0)
				m->encoding = SK_ENC_UTF8;
			else if (strcasecmp(value, "windows-1252") == 0)
				m->encoding = SK_ENC_CP1252;
			else
				goto bad_value;
		} else if (strcmp(key, "date_format") == 0) {
			free(m->date_format);
			m->date_format = strdup(value);
			r = m->date_format ? 0 : -1;
		} else {
			goto bad_key;
		}
	} else if (strcmp(section, "columns") == 0) {
		if (field_by_name(key) == F_COUNT)
			goto bad_field;
		r = add(&m->columns, &m->n_columns, key, value, NULL, lineno);
	} else if (strncmp(section, "values.", 7) == 0) {
		if (field_by_name(section + 7) == F_COUNT) {
			L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, lineno, section,
					    "unknown field '%s' in section name", section + 7);
			return 0;
		}
		r = add(&m->values, &m->n_values, section + 7, key, value, lineno);
	} else if (strcmp(section, "defaults") == 0) {
		if (field_by_name(key) == F_COUNT)
			goto bad_field;
		r = add(&m->defaults, &m->n_defaults, key, value, NULL, lineno);
	} else if (strcmp(section, "statuses") == 0) {
		if (strcmp(key, "responded") && strcmp(key, "resolved") &&
		    strcmp(key, "closed") && strcmp(key, "paused") && strcmp(key, "working"))
			goto bad_key;
		r = add(&m->statuses, &m->n_statuses, key, value, NULL, lineno);
	} else if (strcmp(section, "missing") == 0) {
		if (strcmp(key, "value"))
			goto bad_key;
		r = add(&m->missing, &m->n_missing, key, value, NULL, lineno);
	} else {
		L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, lineno, NULL,
				    "unknown section [%s] (map, columns, values.FIELD, "
				    "defaults, statuses, missing)", section);
		return 0;
	}
	if (r) {
		L->rc = sk_diag_set(L->d, SK_ERR_NOMEM, L->path, lineno, NULL, "out of memory");
		return 0;
	}
	return 1;
bad_value:
	L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, lineno, key,
			    "'%s' is not a valid value", value);
	return 0;
bad_key:
	L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, lineno, key,
			    "unknown key in [%s]", section);
	return 0;
bad_field:
	L->rc = sk_diag_set(L->d, SK_ERR_USAGE, L->path, lineno, key,
			    "unknown field (see sla-import(1) for the field names)");
	return 0;
}

enum sk_err sk_map_load(const char *path, struct sk_map **out, struct sk_diag *d)
{
	struct sk_map *m = calloc(1, sizeof(*m));
	struct load L = { m, d, SK_OK, path, NULL, 0, "" };
	enum sk_err rc = SK_OK;
	int r;

	*out = NULL;
	if (!m || !(m->path = strdup(path))) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, path, 0, NULL, "out of memory");
		goto out;
	}
	m->kind = -1;
	m->encoding = -1;
	L.fp = fopen(path, "r");
	if (!L.fp) {
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot open map file: %s",
				 strerror(errno));
		goto out;
	}
	r = ini_parse_stream(read_line, &L, on_key, &L);
	fclose(L.fp);
	if (L.rc) {
		rc = L.rc;
		goto out;
	}
	if (r > 0) {
		rc = sk_diag_set(d, SK_ERR_USAGE, path, r, NULL,
				 "cannot read this line (expected [section] or key = value)");
		goto out;
	}
	rc = sha256_file(path, m->sha256, d);
out:
	if (rc) {
		sk_map_free(m);
		return rc;
	}
	*out = m;
	return SK_OK;
}

/* A priority word of a map: the contract's id, number, name or alias, or
 * its leading word ("P2 Hoog"), as rows are read (imp_priority()). */
static int map_priority(const struct sk_contract *c, const char *s)
{
	char head[64];
	size_t n;

	if (sk_contract_find_priority(c, s) >= 0)
		return 1;
	s += strspn(s, " ");
	n = strcspn(s, " -:");
	if (!n || n >= sizeof(head) || !s[n])
		return 0;
	memcpy(head, s, n);
	head[n] = '\0';
	return sk_contract_find_priority(c, head) >= 0;
}

enum sk_err map_check_contract(const struct sk_map *m, const struct sk_contract *c,
			       struct sk_diag *d)
{
	const struct map_pair *bad = NULL;
	const char *what = "";
	char ids[200] = "";
	size_t k = 0;

	if (!m)
		return SK_OK;
	for (size_t i = 0; i < m->n_values && !bad; i++)
		if (strcmp(m->values[i].a, "priority") == 0 && !map_priority(c, m->values[i].b)) {
			bad = &m->values[i];
			what = "[values.priority] names";
		}
	/* A default is a priority, or a word [values.priority] gives one. */
	for (size_t i = 0; i < m->n_defaults && !bad; i++) {
		int word = 0;

		if (strcmp(m->defaults[i].a, "priority") || map_priority(c, m->defaults[i].b))
			continue;
		for (size_t j = 0; j < m->n_values && !word; j++)
			word = strcmp(m->values[j].a, "priority") == 0 &&
			       strcmp(m->values[j].c, m->defaults[i].b) == 0;
		if (!word) {
			bad = &m->defaults[i];
			what = "[defaults] gives";
		}
	}
	if (!bad)
		return SK_OK;
	for (size_t i = 0; i < c->n_priorities && k < sizeof(ids); i++)
		k += (size_t)snprintf(ids + k, sizeof(ids) - k, "%s%s", i ? ", " : "",
				      c->priorities[i].id);
	return sk_diag_set(d, SK_ERR_DATA, m->path, bad->line, NULL, "%s priority '%s', which "
			   "the contract does not have (it has %s)", what, bad->b,
			   k ? ids : "none");
}

static void free_pairs(struct map_pair *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].a);
		free(p[i].b);
		free(p[i].c);
	}
	free(p);
}

void sk_map_free(struct sk_map *m)
{
	if (!m)
		return;
	free(m->path);
	free(m->profile);
	free(m->date_format);
	free_pairs(m->columns, m->n_columns);
	free_pairs(m->values, m->n_values);
	free_pairs(m->defaults, m->n_defaults);
	free_pairs(m->statuses, m->n_statuses);
	free_pairs(m->missing, m->n_missing);
	free(m);
}
