/*
 * Reading one field of the current row: missing-value words, the user's and
 * the profile's value words, dates in the contract's zone, yes/no, numbers.
 * A bad value fills x->rd with the field and the reason and returns
 * SK_ERR_DATA; the caller decides whether the row or the file is refused.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_priv.h"
#include "slakit/datetime.h"

/* Case-insensitive ASCII comparison, blanks at the ends ignored. */
int word_eq(const char *a, const char *b)
{
	size_t la, lb;

	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	/* Most words differ at once: no lengths needed then. */
	if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
		return 0;
	la = strlen(a);
	lb = strlen(b);
	while (la && a[la - 1] == ' ')
		la--;
	while (lb && b[lb - 1] == ' ')
		lb--;
	return la == lb && strncasecmp(a, b, la) == 0;
}

/* Words exports write for "no value". */
static const char *const missing_words[] = {
	"?", "#N/B", "#N/A", "N/B", "N/A", "NULL", "(leeg)", "(empty)", NULL
};

int imp_missing(const struct imp *x, const char *s)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return 1;
	/* Every built-in word starts with one of these: most values stop here. */
	if (!strchr("?#Nn(", *p) && !(x->map && x->map->n_missing))
		return 0;
	for (size_t i = 0; missing_words[i]; i++)
		if (word_eq(s, missing_words[i]))
			return 1;
	if (x->map)
		for (size_t i = 0; i < x->map->n_missing; i++)
			if (word_eq(s, x->map->missing[i].b))
				return 1;
	return 0;
}

/* The map's default for a field, NULL when none. */
static const char *map_default(const struct imp *x, enum import_fid fi)
{
	if (x->map)
		for (size_t i = 0; i < x->map->n_defaults; i++)
			if (strcmp(x->map->defaults[i].a, import_fields[fi].name) == 0)
				return x->map->defaults[i].b;
	return NULL;
}

const char *imp_raw(struct imp *x, enum import_fid fi)
{
	int c = x->col[fi];
	const char *s = c >= 0 && (size_t)c < x->n ? x->f[c] : NULL;

	if (!s || imp_missing(x, s))
		return map_default(x, fi);
	return s;
}

/* The value with map and profile words replaced by what they mean. */
static const char *mapped(struct imp *x, enum import_fid fi, const char *s)
{
	const char *name = import_fields[fi].name;

	if (!s)
		return NULL;
	if (x->map)
		for (size_t i = 0; i < x->map->n_values; i++)
			if (strcmp(x->map->values[i].a, name) == 0 &&
			    word_eq(s, x->map->values[i].c))
				return x->map->values[i].b;
	for (const struct import_word *w = x->prof->words; w->field; w++)
		if (strcmp(w->field, name) == 0 && word_eq(s, w->word))
			return w->value;
	return s;
}

const char *imp_text(struct imp *x, enum import_fid fi)
{
	return mapped(x, fi, imp_raw(x, fi));
}

enum sk_err imp_bad(struct imp *x, enum import_fid fi, const char *fmt, ...)
{
	va_list ap;
	int c = (int)fi < F_COUNT ? x->col[fi] : -1;
	size_t n;

	sk_diag_set(&x->rd, SK_ERR_DATA, x->name, x->line,
		    (int)fi < F_COUNT ? import_fields[fi].name : NULL, "%s", "");
	va_start(ap, fmt);
	vsnprintf(x->rd.msg, sizeof(x->rd.msg), fmt, ap);
	va_end(ap);
	/* Name the export's column when it is not called like the field. */
	n = strlen(x->rd.msg);
	if (c >= 0 && strcmp(x->header[c], import_fields[fi].name) != 0)
		snprintf(x->rd.msg + n, sizeof(x->rd.msg) - n, " (column '%s')",
			 x->header[c]);
	return SK_ERR_DATA;
}

enum sk_err imp_require(struct imp *x, enum import_fid fi)
{
	if (imp_raw(x, fi))
		return SK_OK;
	return imp_bad(x, fi, "required value is missing");
}

char *import_fmt_local(struct imp *x, sk_time t, char *buf, size_t size)
{
	return sk_time_format_local(t, x->c->tz, buf, size);
}

/* A date error: marked SK_ERR_SYNTAX in x->rd (the row's code stays
 * SK_ERR_DATA), so that the errors of one column are reported together. */
static enum sk_err date_bad(struct imp *x, enum import_fid fi, const char *what, const char *s)
{
	enum sk_err rc = imp_bad(x, fi, what, s);

	x->rd.err = SK_ERR_SYNTAX;
	return rc;
}

enum sk_err imp_time(struct imp *x, enum import_fid fi, sk_time *out, int *present)
{
	const char *s = imp_raw(x, fi);
	struct sk_datetime dt;
	enum sk_local_kind kind = SK_LOCAL_EXACT;

	*present = 0;
	*out = 0;
	if (!s)
		return SK_OK;
	if (import_read_date(x, s, &dt))
		return date_bad(x, fi, "cannot read '%s' as a date", s);
	/* The calendars cover these years; a typo like 0207 would only surface as an
	 * impossible timeline when computed. */
	if (dt.civil.year < 1900 || dt.civil.year > 2199)
		return date_bad(x, fi, "'%s' lies outside the years 1900-2199", s);
	*out = sk_datetime_resolve(&dt, x->c->tz, &kind);
	if (kind == SK_LOCAL_GAP)
		x->res->dst_gaps++;
	else if (kind == SK_LOCAL_FOLD)
		x->res->dst_folds++;
	*present = 1;
	return SK_OK;
}

static const char *const yes_words[] = {
	"1", "yes", "y", "ja", "j", "true", "waar", "x", "answered", "beantwoord", NULL
};
static const char *const no_words[] = {
	"0", "no", "n", "nee", "false", "onwaar", "abandoned", "verloren",
	"niet beantwoord", "unanswered", NULL
};

enum sk_err imp_bool(struct imp *x, enum import_fid fi, int *out, int *present)
{
	const char *s = imp_text(x, fi);

	*present = 0;
	*out = 0;
	if (!s)
		return SK_OK;
	for (size_t i = 0; yes_words[i]; i++)
		if (word_eq(s, yes_words[i])) {
			*out = *present = 1;
			return SK_OK;
		}
	for (size_t i = 0; no_words[i]; i++)
		if (word_eq(s, no_words[i])) {
			*present = 1;
			return SK_OK;
		}
	return imp_bad(x, fi, "cannot read '%s' as yes or no", s);
}

enum sk_err imp_seconds(struct imp *x, enum import_fid fi, long long *out, int *present)
{
	const char *s = imp_raw(x, fi);
	long part[3];
	int n = 0;
	sk_dec v;
	const char *p;
	char *end;

	*present = 0;
	*out = 0;
	if (!s)
		return SK_OK;
	/* [h:]mm:ss as phone platforms write durations, or a number of seconds. */
	if (strchr(s, ':')) {
		for (p = s; n < 3; n++) {
			if (!isdigit((unsigned char)*p))
				break;
			part[n] = strtol(p, &end, 10);
			p = end;
			if (*p != ':') {
				n++;
				break;
			}
			p++;
		}
		if (*p || n < 2 || (n == 3 && (part[1] > 59 || part[2] > 59)) ||
		    (n == 2 && part[1] > 59))
			return imp_bad(x, fi, "cannot read '%s' as a duration", s);
		*out = n == 3 ? part[0] * 3600 + part[1] * 60 + part[2]
			      : part[0] * 60 + part[1];
		*present = 1;
		return SK_OK;
	}
	if (sk_dec_parse(s, &v, NULL))
		return imp_bad(x, fi, "cannot read '%s' as a number of seconds", s);
	if (v < 0)
		return imp_bad(x, fi, "'%s' is negative: a number of seconds is 0 or more", s);
	*out = (sk_dec_round(v, 0)) / SK_DEC_ONE;
	*present = 1;
	return SK_OK;
}

enum sk_err imp_dec(struct imp *x, enum import_fid fi, sk_dec *out, int *present)
{
	const char *s = imp_raw(x, fi);

	*present = 0;
	*out = 0;
	if (!s)
		return SK_OK;
	if (sk_dec_parse(s, out, NULL))
		return imp_bad(x, fi, "cannot read '%s' as a number", s);
	*present = 1;
	return SK_OK;
}

enum sk_err imp_priority(struct imp *x, enum import_fid fi, int *out, int *present)
{
	const char *raw = imp_raw(x, fi);
	const char *s = mapped(x, fi, raw);
	char head[64];
	size_t n;
	int p;

	*present = 0;
	*out = -1;
	if (!s)
		return SK_OK;
	p = sk_contract_find_priority(x->c, s);
	if (p < 0 && s != raw)
		p = sk_contract_find_priority(x->c, raw);
	/* "1 - Critical", "P2 Hoog": the leading word is the priority. */
	if (p < 0) {
		while (*s == ' ')
			s++;
		n = strcspn(s, " -:");
		if (n > 0 && n < sizeof(head) && s[n]) {
			memcpy(head, s, n);
			head[n] = '\0';
			p = sk_contract_find_priority(x->c, head);
		}
	}
	if (p < 0) {
		char ids[200] = "";
		size_t k = 0;

		for (size_t i = 0; i < x->c->n_priorities && k < sizeof(ids); i++)
			k += (size_t)snprintf(ids + k, sizeof(ids) - k, "%s%s", i ? ", " : "",
					      x->c->priorities[i].id);
		return imp_bad(x, fi, "unknown priority '%s' (the contract has %s)", raw,
				  k ? ids : "none");
	}
	*out = p;
	*present = 1;
	return SK_OK;
}

enum sk_err imp_word(struct imp *x, enum import_fid fi, const char *const *allowed,
			const char **out)
{
	const char *s = imp_text(x, fi);
	char list[256] = "";
	size_t n = 0;

	*out = NULL;
	if (!s)
		return SK_OK;
	for (size_t i = 0; allowed[i]; i++)
		if (word_eq(s, allowed[i])) {
			*out = allowed[i];
			return SK_OK;
		}
	for (size_t i = 0; allowed[i] && n < sizeof(list); i++)
		n += snprintf(list + n, sizeof(list) - n, "%s%s", i ? ", " : "", allowed[i]);
	return imp_bad(x, fi, "unknown value '%s' (expected %s)", s, list);
}

const char *imp_extra(struct imp *x)
{
	int first = 1;

	x->extra.len = 0;
	buf_add(&x->extra, "", 0);
	for (size_t i = 0; i < x->ncols && i < x->n; i++) {
		if (x->is_mapped[i] || imp_missing(x, x->f[i]))
			continue;
		buf_add(&x->extra, first ? "{" : ",", 1);
		buf_json_str(&x->extra, x->header[i]);
		buf_add(&x->extra, ":", 1);
		buf_json_str(&x->extra, x->f[i]);
		first = 0;
	}
	if (first)
		return NULL;
	buf_add(&x->extra, "}", 1);
	return x->extra.s;
}

const char *imp_status_meaning(struct imp *x, const char *status)
{
	const struct sk_rules *r = &x->c->rules;

	/* The map first, then the contract, then the profile's usual words. */
	if (x->map)
		for (size_t i = 0; i < x->map->n_statuses; i++)
			if (word_eq(status, x->map->statuses[i].b))
				return strcmp(x->map->statuses[i].a, "working")
				       ? x->map->statuses[i].a : NULL;
	for (size_t i = 0; i < r->n_pause_statuses; i++)
		if (word_eq(status, r->pause_statuses[i]))
			return "paused";
	for (size_t i = 0; i < r->n_resolved_statuses; i++)
		if (word_eq(status, r->resolved_statuses[i]))
			return "resolved";
	for (size_t i = 0; i < r->n_closed_statuses; i++)
		if (word_eq(status, r->closed_statuses[i]))
			return "closed";
	for (const struct import_word *w = x->prof->statuses; w->field; w++)
		if (word_eq(status, w->word))
			return w->field;
	return NULL;
}

enum sk_err imp_duplicate(struct imp *x, const struct import_row *r, long first)
{
	const struct kind_ops *k = kind_ops_of(x->kind);

	return imp_bad(x, k->key_field, "duplicate %s '%s' in this file (first on line %ld)",
			  k->key_what, r->shown ? r->shown : r->key, first);
}
