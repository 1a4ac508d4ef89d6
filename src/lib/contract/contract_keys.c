/*
 * The sections and keys of a contract file and how each value is read: the
 * words every key accepts, durations, dates, numbers, lists. One function per
 * kind of section; references to other sections wait for contract_check.c.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "contract_priv.h"

static const char *const source_names[] = {
	"manual", "tickets:response", "tickets:resolution", "tickets:rca", "tickets:handover",
	"tickets:fcr", "tickets:standard_change", "tickets:cab", "tickets:failed_change",
	"tickets:onsite", "tickets:complaint", "tickets:provisioning", "calls", "outages",
};

const char *sk_source_name(enum sk_source s)
{
	return (unsigned)s < sizeof(source_names) / sizeof(source_names[0]) ? source_names[s]
									     : "unknown";
}

static const char *const clock_words[] = { "reported", "responded", NULL };
static const char *const prio_words[] = { "final", "initial", "highest", NULL };
static const char *const agg_words[] = { "count", "mean", "worst", NULL };
static const char *const weights_words[] = { "refuse", "normalise", NULL };
static const char *const channel_words[] = { "separate", "count", NULL };
static const char *const dir_words[] = { "higher", "lower", NULL };
static const char *const freq_words[] = {
	"monthly", "quarterly", "halfyearly", "yearly", "per-event", NULL,
};
static const char *const norm_per_words[] = { "month", "quarter", "halfyear", "year", NULL };
static const char *const unit_words[] = { "%", "count", "score", "hours", NULL };
static const char *const lang_words[] = { "nl", "en", NULL };
static const char *const holiday_words[] = { "none", "nl", NULL };
static const char *const liberation_words[] = { "every", "lustrum", "never", NULL };

/* The word for value @v of a NULL-terminated list of @n words. */
static const char *word_of(const char *const *words, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? words[v] : "unknown";
}

#define WORD(list, v) word_of(list, sizeof(list) / sizeof(list[0]) - 1, (int)(v))

const char *sk_clock_start_name(enum sk_clock_start v) { return WORD(clock_words, v); }
const char *sk_priority_rule_name(enum sk_priority_rule v) { return WORD(prio_words, v); }
const char *sk_aggregate_name(enum sk_aggregate v) { return WORD(agg_words, v); }
const char *sk_weights_rule_name(enum sk_weights_rule v) { return WORD(weights_words, v); }
const char *sk_channel_rule_name(enum sk_channel_rule v) { return WORD(channel_words, v); }
const char *sk_direction_name(enum sk_direction v) { return WORD(dir_words, v); }
const char *sk_frequency_name(enum sk_frequency v) { return WORD(freq_words, v); }

/* ---- value readers: each fails with the key's line and the key ---- */

static enum sk_err read_choice(struct sk_loader *ld, const struct sk_ini_entry *e,
			       const char *const *words, int *out)
{
	char list[256];
	size_t n = 0, i;

	for (i = 0; words[i]; i++)
		if (strcasecmp(e->value, words[i]) == 0) {
			*out = (int)i;
			return SK_OK;
		}
	/* "expected a, b or c": the same words the man page lists. */
	list[0] = '\0';
	for (i = 0; words[i]; i++)
		n += (size_t)snprintf(list + n, n < sizeof(list) ? sizeof(list) - n : 0, "%s%s",
				      i == 0 ? "" : words[i + 1] ? ", " : " or ", words[i]);
	return sk_ld_fail(ld, e->line, e->key, "expected %s, not '%s'", list, e->value);
}

/* yes or no. */
static enum sk_err read_bool(struct sk_loader *ld, const struct sk_ini_entry *e, int *out)
{
	static const char *const words[] = { "yes", "no", NULL };
	enum sk_err rc = read_choice(ld, e, words, out);

	*out = rc == SK_OK && *out == 0; /* "yes" is word 0 */
	return rc;
}

/* A number with at most 6 decimals (decimal.h). */
static enum sk_err read_dec(struct sk_loader *ld, const struct sk_ini_entry *e, sk_dec *out)
{
	struct sk_diag in;

	sk_diag_clear(&in);
	if (sk_dec_parse(e->value, out, &in) != SK_OK)
		return sk_ld_fail(ld, e->line, e->key, "%s", in.msg);
	return SK_OK;
}

/* A percentage norm or weight: 0..100 (a norm of 0 is refused later where it matters). */
static enum sk_err read_pct(struct sk_loader *ld, const struct sk_ini_entry *e, sk_dec *out)
{
	enum sk_err rc = read_dec(ld, e, out);

	if (rc == SK_OK && (*out < 0 || *out > SK_DEC(100)))
		return sk_ld_fail(ld, e->line, e->key, "'%s' is not a percentage from 0 to 100",
				  e->value);
	return rc;
}

/* A duration (duration.h); days stay symbolic until a calendar resolves them. */
static enum sk_err read_duration(struct sk_loader *ld, const struct sk_ini_entry *e,
				 struct sk_duration *out)
{
	struct sk_diag in;

	sk_diag_clear(&in);
	if (sk_duration_parse(e->value, out, &in) != SK_OK)
		return sk_ld_fail(ld, e->line, e->key, "%s", in.msg);
	return SK_OK;
}

/*
 * A response or resolution target: a duration, written `< 15min` when the
 * contract says "< 15 minuten" (met only below it) or `<= 15min`, `≤ 15min`
 * or just `15min` when it is met up to the limit itself.
 */
static enum sk_err read_target(struct sk_loader *ld, const struct sk_ini_entry *e,
			       struct sk_duration *out)
{
	struct sk_ini_entry rest = *e;
	const char *v = e->value;
	int below = 0;
	enum sk_err rc;

	while (*v == ' ' || *v == '\t')
		v++;
	if (strncmp(v, "<=", 2) == 0)
		v += 2;
	else if (strncmp(v, "\xe2\x89\xa4", 3) == 0) /* ≤ */
		v += 3;
	else if (*v == '<')
		v++, below = 1;
	rest.value = (char *)v;
	if ((rc = read_duration(ld, &rest, out)))
		return rc;
	out->below = below;
	if (below && sk_duration_seconds(out, 1) == 0)
		return sk_ld_fail(ld, e->line, e->key, "a target below 0 cannot be met");
	return SK_OK;
}

/* YYYY-MM-DD at the start of @s; returns the rest or NULL. */
static const char *parse_date(const char *s, int64_t *day)
{
	int y, m, d;

	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]) || s[4] != '-' ||
	    !isdigit((unsigned char)s[5]) || !isdigit((unsigned char)s[6]) || s[7] != '-' ||
	    !isdigit((unsigned char)s[8]) || !isdigit((unsigned char)s[9]))
		return NULL;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2199 || !sk_date_valid(y, m, d))
		return NULL;
	*day = sk_days_from_civil(y, m, d);
	return s + 10;
}

/* A whole value that is a date. */
static enum sk_err read_date(struct sk_loader *ld, const struct sk_ini_entry *e, int64_t *out)
{
	const char *rest = parse_date(e->value, out);

	if (!rest || *rest)
		return sk_ld_fail(ld, e->line, e->key, "cannot read '%s' as a date (YYYY-MM-DD)",
				  e->value);
	return SK_OK;
}

/* A whole number from @lo to @hi. */
static enum sk_err read_int(struct sk_loader *ld, const struct sk_ini_entry *e, int lo, int hi,
			    int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(e->value, &end, 10);
	if (!isdigit((unsigned char)e->value[0]) || *end || errno || v < lo || v > hi)
		return sk_ld_fail(ld, e->line, e->key, "expected a whole number from %d to %d, not '%s'",
				  lo, hi, e->value);
	*out = (int)v;
	return SK_OK;
}

/* Free text, copied. */
static enum sk_err read_text(struct sk_loader *ld, const struct sk_ini_entry *e, char **out)
{
	free(*out);
	*out = sk_ld_strdup(e->value);
	return *out ? SK_OK : sk_ld_nomem(ld);
}

/* A comma-separated list (continuation lines count as commas); blanks trimmed. */
static enum sk_err read_list(struct sk_loader *ld, const struct sk_ini_entry *e, char ***out,
			     size_t *n)
{
	char *copy = sk_ld_strdup(e->value), *p, *tok;
	size_t cap = 0;
	enum sk_err rc = SK_OK;

	if (!copy)
		return sk_ld_nomem(ld);
	for (p = copy; *p; p++)
		if (*p == '\n')
			*p = ',';
	for (tok = copy; tok; tok = p) {
		char *item;

		p = strchr(tok, ',');
		if (p)
			*p++ = '\0';
		item = sk_ld_trim(tok);
		if (!*item)
			continue;
		if (!sk_ld_grow((void **)out, &cap, *n, sizeof(**out)) ||
		    !((*out)[*n] = sk_ld_strdup(item))) {
			rc = sk_ld_nomem(ld);
			break;
		}
		(*n)++;
	}
	free(copy);
	if (rc == SK_OK && *n == 0)
		rc = sk_ld_fail(ld, e->line, e->key, "the list is empty");
	return rc;
}

/*
 * Ids, field names and matrix values name things in other keys and in
 * reports: one word of letters, digits, '_' and '-'.
 */
int sk_ld_plain_word(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return 1;
}

/* ---- the sections and their keys ---- */

enum kind { K_CONTRACT, K_CALENDAR, K_PRIORITY, K_MATRIX, K_SERVICE, K_DOMAIN, K_KPI,
	    K_STAFFEL, K_RULES };

/* Key flags: may repeat; continuation lines join as a list or as text. */
#define F_REPEAT 1u
#define F_LIST 2u
#define F_TEXT 4u

struct key_def {
	const char *name;
	unsigned flags;
};

static const struct key_def contract_keys[] = {
	{ "id", 0 }, { "name", F_TEXT }, { "language", 0 }, { "timezone", 0 },
	{ "supplier", F_TEXT }, { "customer", F_TEXT }, { "start", 0 }, { "calendar", 0 },
	{ NULL, 0 },
};
static const struct key_def calendar_keys[] = {
	{ "24x7", 0 }, { "holidays", 0 }, { "good_friday", 0 }, { "liberation_day", 0 },
	{ "closed", F_REPEAT }, { "ics", F_REPEAT }, { "standard_day", 0 }, { NULL, 0 },
};
static const struct key_def priority_keys[] = {
	{ "name", F_TEXT }, { "aliases", F_LIST }, { "calendar", 0 },
	{ "response", 0 }, { "resolution", 0 },
	{ "response.incident", 0 }, { "response.request", 0 }, { "response.change", 0 },
	{ "response.problem", 0 }, { "response.complaint", 0 },
	{ "resolution.incident", 0 }, { "resolution.request", 0 }, { "resolution.change", 0 },
	{ "resolution.problem", 0 }, { "resolution.complaint", 0 },
	{ "norm", 0 }, { "onsite", 0 }, { "update_every", 0 }, { "swap", 0 }, { "channel", 0 },
	{ "after_hours_calendar", 0 }, { "after_hours_response", 0 }, { NULL, 0 },
};
static const struct key_def matrix_keys[] = {
	{ "row", 0 }, { "column", 0 }, { "bucket", F_REPEAT }, { "alias", F_REPEAT },
	{ "entry", F_REPEAT }, { NULL, 0 },
};
static const struct key_def service_keys[] = {
	{ "name", F_TEXT }, { "norm", 0 }, { "calendar", 0 }, { "notice", 0 },
	{ "maintenance_outside", 0 }, { NULL, 0 },
};
static const struct key_def domain_keys[] = {
	{ "name", F_TEXT }, { "start", 0 }, { "service", F_TEXT }, { "invoice", 0 },
	{ "weights", 0 }, { "scored", 0 }, { "note", F_TEXT }, { NULL, 0 },
};
static const struct key_def kpi_keys[] = {
	{ "name", F_TEXT }, { "norm", 0 }, { "unit", 0 }, { "direction", 0 }, { "weight", 0 },
	{ "frequency", 0 }, { "source", 0 }, { "note", F_TEXT }, { "norm_per", 0 },
	{ "pro_rata", 0 }, { NULL, 0 },
};
static const struct key_def staffel_keys[] = { { "step", F_REPEAT }, { NULL, 0 } };
static const struct key_def rules_keys[] = {
	{ "resolution_start", 0 }, { "priority", 0 }, { "cap", 0 }, { "pct_decimals", 0 },
	{ "score_decimals", 0 }, { "aggregate", 0 }, { "weights", 0 }, { "wrong_channel", 0 },
	{ "pause_statuses", F_LIST }, { "resolved_statuses", F_LIST },
	{ "closed_statuses", F_LIST }, { "report_due_days", 0 }, { "reopen_resets", 0 },
	{ NULL, 0 },
};

static const struct key_def *const key_tables[] = {
	contract_keys, calendar_keys, priority_keys, matrix_keys, service_keys, domain_keys,
	kpi_keys, staffel_keys, rules_keys,
};

/* Which kind a section name is, with its id (and the domain of a KPI). */
static int section_kind(const char *name, const char **id, const char **domain_end)
{
	static const struct {
		const char *prefix;
		int kind;
	} named[] = {
		{ "calendar.", K_CALENDAR }, { "priority.", K_PRIORITY }, { "service.", K_SERVICE },
		{ "domain.", K_DOMAIN }, { "kpi.", K_KPI },
	};

	*id = NULL;
	*domain_end = NULL;
	if (strcmp(name, "contract") == 0)
		return K_CONTRACT;
	if (strcmp(name, "matrix") == 0)
		return K_MATRIX;
	if (strcmp(name, "staffel") == 0)
		return K_STAFFEL;
	if (strcmp(name, "rules") == 0)
		return K_RULES;
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		size_t pl = strlen(named[i].prefix);

		if (strncmp(name, named[i].prefix, pl) == 0) {
			*id = name + pl;
			if (named[i].kind == K_KPI)
				*domain_end = strchr(*id, '.');
			return named[i].kind;
		}
	}
	return -1;
}

static const char *const day_names[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const day_long[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* "mon".."sun" (3 letters, any case) into 0..6, -1 otherwise. */
static int day_index(const char *s, size_t len)
{
	for (int i = 0; i < 7; i++)
		if (len == 3 && strncasecmp(s, day_names[i], 3) == 0)
			return i;
	return -1;
}

/* "mon" or "mon-fri" into first and last weekday; 0 when it is no day key. */
static int day_key(const char *key, int *from, int *to)
{
	const char *dash = strchr(key, '-');

	if (!dash) {
		*from = *to = day_index(key, strlen(key));
		return *from >= 0;
	}
	*from = day_index(key, (size_t)(dash - key));
	*to = day_index(dash + 1, strlen(dash + 1));
	return *from >= 0 && *to >= 0;
}

/* "HH:MM" (00:00..24:00) into seconds after midnight; returns the rest or NULL. */
static const char *parse_clock(const char *s, int *secs)
{
	int h, m;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) || s[2] != ':' ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return NULL;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return NULL;
	*secs = h * 3600 + m * 60;
	return s + 5;
}

/* `mon-fri = 08:00-12:00, 13:00-17:00`: hours of each weekday, set once. */
static enum sk_err set_calendar_day(struct sk_loader *ld, struct sk_cal_spec *sp,
				    const struct sk_ini_entry *e, int from, int to)
{
	struct sk_interval iv[SK_MAX_INTERVALS];
	size_t n = 0;
	char *copy, *p, *tok;
	enum sk_err rc = SK_OK;

	if (to < from)
		return sk_ld_fail(ld, e->line, e->key,
				  "a range of days runs forward through the week, like mon-fri");
	for (int w = from; w <= to; w++)
		if (sp->day_line[w])
			return sk_ld_fail(ld, e->line, e->key, "%s is already set at line %ld",
					  day_long[w], sp->day_line[w]);
	if (strcasecmp(e->value, "closed") != 0) {
		copy = sk_ld_strdup(e->value);
		if (!copy)
			return sk_ld_nomem(ld);
		for (p = copy; *p; p++)
			if (*p == '\n')
				*p = ',';
		for (tok = copy; tok && rc == SK_OK; tok = p) {
			const char *q;
			int a, b;

			p = strchr(tok, ',');
			if (p)
				*p++ = '\0';
			tok = sk_ld_trim(tok);
			if (!*tok)
				continue; /* "08:00-12:00," before a continuation line */
			q = parse_clock(tok, &a);
			if (q) {
				while (*q == ' ' || *q == '\t')
					q++;
				q = *q == '-' ? parse_clock(q + 1, &b) : NULL;
			}
			if (q) {
				while (*q == ' ' || *q == '\t')
					q++;
			}
			if (!q || *q || a == 86400) {
				rc = sk_ld_fail(ld, e->line, e->key,
						"cannot read '%s' as working hours (like 08:00-17:00)",
						tok);
			} else if (b <= a) {
				rc = sk_ld_fail(ld, e->line, e->key,
						"'%s' ends before it starts", tok);
			} else if (n > 0 && a < iv[n - 1].end) {
				rc = sk_ld_fail(ld, e->line, e->key,
						"'%s' overlaps or precedes the hours before it "
						"(list them in order, without overlap)", tok);
			} else if (n == SK_MAX_INTERVALS) {
				rc = sk_ld_fail(ld, e->line, e->key,
						"more than %d working periods in one day",
						SK_MAX_INTERVALS);
			} else {
				iv[n].start = a;
				iv[n].end = b;
				n++;
			}
		}
		free(copy);
		if (rc != SK_OK)
			return rc;
	}
	for (int w = from; w <= to; w++) {
		memcpy(sp->iv[w], iv, n * sizeof(iv[0]));
		sp->n_iv[w] = n;
		sp->day_line[w] = e->line;
	}
	return SK_OK;
}

/* A key of [contract]. */
static enum sk_err set_contract(struct sk_loader *ld, const struct sk_ini_entry *e)
{
	struct sk_contract *c = ld->c;
	struct sk_diag in;
	int v;
	enum sk_err rc;

	if (sk_ld_same(e->key, "id")) {
		if (!sk_ld_plain_word(e->value))
			return sk_ld_fail(ld, e->line, e->key,
					  "'%s' is not an id (letters, digits, '_' and '-')", e->value);
		return read_text(ld, e, &c->id);
	}
	if (sk_ld_same(e->key, "name"))
		return read_text(ld, e, &c->name);
	if (sk_ld_same(e->key, "supplier"))
		return read_text(ld, e, &c->supplier);
	if (sk_ld_same(e->key, "customer"))
		return read_text(ld, e, &c->customer);
	if (sk_ld_same(e->key, "language")) {
		rc = read_choice(ld, e, lang_words, &v);
		if (rc == SK_OK) {
			free(c->language);
			c->language = sk_ld_strdup(lang_words[v]);
			if (!c->language)
				rc = sk_ld_nomem(ld);
		}
		return rc;
	}
	if (sk_ld_same(e->key, "start")) {
		c->has_start = 1;
		return read_date(ld, e, &c->start_day);
	}
	if (sk_ld_same(e->key, "timezone")) {
		sk_diag_clear(&in);
		if (sk_tz_open(e->value, &c->tz, &in) != SK_OK)
			return in.err == SK_ERR_NOMEM ? sk_ld_nomem(ld) : sk_ld_fail(ld, e->line, e->key, "%s", in.msg);
		ld->timezone_line = e->line;
		return SK_OK;
	}
	return SK_OK; /* calendar: resolved in contract_check.c */
}

/* A key of [calendar.NAME]: weekday hours, holidays, closed days. */
static enum sk_err set_calendar(struct sk_loader *ld, struct sk_cal_spec *sp,
				const struct sk_ini_entry *e)
{
	int from, to, v;
	enum sk_err rc = SK_OK;

	if (day_key(e->key, &from, &to))
		return set_calendar_day(ld, sp, e, from, to);
	if (sk_ld_same(e->key, "24x7")) {
		sp->line_24x7 = e->line;
		return read_bool(ld, e, &sp->is_24x7);
	}
	if (sk_ld_same(e->key, "holidays")) {
		sp->holidays_line = e->line;
		return read_choice(ld, e, holiday_words, &sp->nl);
	}
	if (sk_ld_same(e->key, "good_friday")) {
		sp->good_friday_line = e->line;
		return read_bool(ld, e, &sp->nlopt.good_friday);
	}
	if (sk_ld_same(e->key, "liberation_day")) {
		sp->liberation_line = e->line;
		rc = read_choice(ld, e, liberation_words, &v);
		sp->nlopt.liberation = (enum sk_liberation)v;
		return rc;
	}
	if (sk_ld_same(e->key, "standard_day")) {
		struct sk_duration dur;

		rc = read_duration(ld, e, &dur);
		if (rc != SK_OK)
			return rc;
		if (dur.days || dur.seconds <= 0 || dur.seconds > 86400)
			return sk_ld_fail(ld, e->line, e->key,
					  "a standard day is given in hours, from 1s to 24h (like 9h)");
		sp->standard_day = dur.seconds;
		sp->standard_line = e->line;
		return SK_OK;
	}
	if (sk_ld_same(e->key, "closed")) {
		int64_t day;
		const char *rest = parse_date(e->value, &day);
		struct sk_cal_closed *cl;

		if (!rest || (*rest && *rest != ' ' && *rest != '\t'))
			return sk_ld_fail(ld, e->line, e->key,
					  "expected a date (YYYY-MM-DD) and an optional name, not '%s'",
					  e->value);
		while (*rest == ' ' || *rest == '\t')
			rest++;
		if (!sk_ld_grow((void **)&sp->closed, &sp->cap_closed, sp->n_closed,
				sizeof(*sp->closed)))
			return sk_ld_nomem(ld);
		cl = &sp->closed[sp->n_closed];
		cl->day = day;
		cl->line = e->line;
		cl->name = *rest ? sk_ld_strdup(rest) : NULL;
		if (*rest && !cl->name)
			return sk_ld_nomem(ld);
		sp->n_closed++;
		return SK_OK;
	}
	if (sk_ld_same(e->key, "ics")) {
		struct sk_cal_ics *f;

		if (!sk_ld_grow((void **)&sp->ics, &sp->cap_ics, sp->n_ics, sizeof(*sp->ics)))
			return sk_ld_nomem(ld);
		f = &sp->ics[sp->n_ics];
		f->line = e->line;
		f->path = sk_ld_strdup(e->value);
		if (!f->path)
			return sk_ld_nomem(ld);
		sp->n_ics++;
		return SK_OK;
	}
	return SK_OK;
}

/* A key of [priority.ID]: targets and what goes with them. */
static enum sk_err set_priority(struct sk_loader *ld, struct sk_priority *pr,
				const struct sk_ini_entry *e)
{
	static const char *const dur_prefix[2] = { "response", "resolution" };

	for (int r = 0; r < 2; r++) {
		size_t pl = strlen(dur_prefix[r]);
		struct sk_duration *target = r ? pr->resolution : pr->response;

		if (strncasecmp(e->key, dur_prefix[r], pl) != 0)
			continue;
		if (e->key[pl] == '\0') {
			/* The plain key is the default; per-type keys override it in check. */
			struct sk_duration dur;
			enum sk_err rc = read_target(ld, e, &dur);

			if (rc == SK_OK)
				for (int t = 0; t < SK_TICKET_TYPES; t++)
					if (!target[t].set)
						target[t] = dur;
			return rc;
		}
		if (e->key[pl] == '.') {
			int t = sk_ticket_type_parse(e->key + pl + 1);

			return read_target(ld, e, &target[t]);
		}
	}
	if (sk_ld_same(e->key, "name"))
		return read_text(ld, e, &pr->name);
	if (sk_ld_same(e->key, "aliases"))
		return read_list(ld, e, &pr->aliases, &pr->n_aliases);
	if (sk_ld_same(e->key, "norm")) {
		pr->has_norm = 1;
		return read_pct(ld, e, &pr->norm);
	}
	if (sk_ld_same(e->key, "onsite"))
		return read_duration(ld, e, &pr->onsite);
	if (sk_ld_same(e->key, "update_every"))
		return read_duration(ld, e, &pr->update_every);
	if (sk_ld_same(e->key, "swap"))
		return read_duration(ld, e, &pr->swap);
	if (sk_ld_same(e->key, "after_hours_response"))
		return read_target(ld, e, &pr->after_hours_response);
	if (sk_ld_same(e->key, "channel")) {
		for (const char *p = e->value; *p; p++)
			if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
				return sk_ld_fail(ld, e->line, e->key,
						  "a channel is one word, like phone, not '%s'",
						  e->value);
		return read_text(ld, e, &pr->channel);
	}
	return SK_OK; /* calendar, after_hours_calendar: resolved in contract_check.c */
}

/* A key of [service.ID]. */
static enum sk_err set_service(struct sk_loader *ld, struct sk_service *sv,
			       const struct sk_ini_entry *e)
{
	if (sk_ld_same(e->key, "name"))
		return read_text(ld, e, &sv->name);
	if (sk_ld_same(e->key, "norm"))
		return read_pct(ld, e, &sv->norm);
	if (sk_ld_same(e->key, "notice"))
		return read_duration(ld, e, &sv->notice);
	return SK_OK;
}

/* A key of [domain.ID]. */
static enum sk_err set_domain(struct sk_loader *ld, struct sk_domain *dm,
			      const struct sk_ini_entry *e)
{
	int v;
	enum sk_err rc;

	if (sk_ld_same(e->key, "name"))
		return read_text(ld, e, &dm->name);
	if (sk_ld_same(e->key, "service"))
		return read_text(ld, e, &dm->service);
	if (sk_ld_same(e->key, "note"))
		return read_text(ld, e, &dm->note);
	if (sk_ld_same(e->key, "start")) {
		dm->has_start = 1;
		return read_date(ld, e, &dm->start_day);
	}
	if (sk_ld_same(e->key, "invoice")) {
		struct sk_diag in;

		sk_diag_clear(&in);
		if (sk_cents_parse(e->value, &dm->invoice_cents, &in) != SK_OK)
			return sk_ld_fail(ld, e->line, e->key, "%s", in.msg);
		if (dm->invoice_cents < 0)
			return sk_ld_fail(ld, e->line, e->key, "an invoice amount cannot be negative");
		dm->has_invoice = 1;
		return SK_OK;
	}
	if (sk_ld_same(e->key, "weights")) {
		rc = read_choice(ld, e, weights_words, &v);
		dm->weights = (enum sk_weights_rule)v;
		return rc;
	}
	if (sk_ld_same(e->key, "scored"))
		return read_bool(ld, e, &dm->scored);
	return SK_OK;
}

/* `type=incident,problem`: the ticket types a KPI counts, as bits. */
static enum sk_err read_source_types(struct sk_loader *ld, long line, const char *key,
				     const char *list, unsigned *out)
{
	char word[32];

	*out = 0;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		int type;

		snprintf(word, sizeof(word), "%.*s", (int)(n < sizeof(word) ? n : sizeof(word) - 1), p);
		type = n < sizeof(word) ? sk_ticket_type_parse(word) : -1;
		if (type < 0)
			return sk_ld_fail(ld, line, key,
					  "unknown ticket type '%s' in type= (incident, request, change, "
					  "problem or complaint, separated by commas)", word);
		*out |= 1u << type;
		p += n;
		if (*p == ',')
			p++;
	}
	return SK_OK;
}

/*
 * `source`: a first word, then NAME=VALUE parameters. The first word is
 * manual, tickets:WHAT, calls:within=DURATION or outages:SERVICE_ID.
 */
static enum sk_err set_source(struct sk_loader *ld, struct sk_kpi_tmp *t,
			      const struct sk_ini_entry *e)
{
	struct sk_kpi *k = &t->k;
	char *copy, *tok, *save = NULL;
	enum sk_err rc = SK_OK;
	int first = 1;

	free(k->source);
	k->source = sk_ld_strdup(e->value);
	copy = sk_ld_strdup(e->value);
	if (!k->source || !copy) {
		free(copy);
		return sk_ld_nomem(ld);
	}
	t->source_line = e->line;
	for (tok = strtok_r(copy, " \t\n", &save); tok && rc == SK_OK;
	     tok = strtok_r(NULL, " \t\n", &save), first = 0) {
		if (first) {
			size_t i;

			for (i = 0; i < SK_SRC_CALLS; i++)
				if (strcasecmp(tok, source_names[i]) == 0)
					break;
			if (i < SK_SRC_CALLS) {
				k->source_kind = (enum sk_source)i;
			} else if (strncasecmp(tok, "calls:within=", 13) == 0) {
				struct sk_ini_entry w = { "source", tok + 13, e->line, 0 };

				k->source_kind = SK_SRC_CALLS;
				rc = read_duration(ld, &w, &k->within);
				if (rc == SK_OK && k->within.days)
					rc = sk_ld_fail(ld, e->line, e->key,
							"calls:within= is a waiting time in "
							"seconds or minutes, not in days");
			} else if (strncasecmp(tok, "outages:", 8) == 0 && sk_ld_plain_word(tok + 8)) {
				k->source_kind = SK_SRC_OUTAGES;
				t->p_service = sk_ld_strdup(tok + 8);
				if (!t->p_service)
					rc = sk_ld_nomem(ld);
			} else {
				rc = sk_ld_fail(ld, e->line, e->key,
						"unknown source '%s' (see slakit-contract(5): manual, "
						"tickets:..., calls:within=..., outages:SERVICE)",
						tok);
			}
			continue;
		}
		/* Parameters: which ones a source takes is checked in contract_check.c. */
		if (strncasecmp(tok, "within=", 7) == 0 && !k->within.set) {
			struct sk_ini_entry w = { "source", tok + 7, e->line, 0 };

			rc = read_duration(ld, &w, &k->within);
		} else if (strncasecmp(tok, "priority=", 9) == 0 && !t->p_priority && tok[9]) {
			if (!(t->p_priority = sk_ld_strdup(tok + 9)))
				rc = sk_ld_nomem(ld);
		} else if (strncasecmp(tok, "calendar=", 9) == 0 && !t->p_calendar && tok[9]) {
			if (!(t->p_calendar = sk_ld_strdup(tok + 9)))
				rc = sk_ld_nomem(ld);
		} else if (strncasecmp(tok, "type=", 5) == 0 && !k->source_types && tok[5]) {
			rc = read_source_types(ld, e->line, e->key, tok + 5, &k->source_types);
		} else {
			rc = sk_ld_fail(ld, e->line, e->key,
					"cannot read parameter '%s' (within=, priority=, calendar= or "
					"type=, each at most once)", tok);
		}
	}
	free(copy);
	return rc;
}

/* A key of [kpi.DOMAIN.ID]. */
static enum sk_err set_kpi(struct sk_loader *ld, struct sk_kpi_tmp *t,
			   const struct sk_ini_entry *e)
{
	struct sk_kpi *k = &t->k;
	enum sk_err rc;
	int v;

	if (sk_ld_same(e->key, "name"))
		return read_text(ld, e, &k->name);
	if (sk_ld_same(e->key, "note"))
		return read_text(ld, e, &k->note);
	if (sk_ld_same(e->key, "norm")) {
		k->has_norm = 1;
		t->norm_line = e->line;
		return read_dec(ld, e, &k->norm);
	}
	if (sk_ld_same(e->key, "weight")) {
		k->has_weight = 1;
		t->weight_line = e->line;
		return read_pct(ld, e, &k->weight);
	}
	if (sk_ld_same(e->key, "unit")) {
		t->unit_line = e->line;
		rc = read_choice(ld, e, unit_words, &v);
		if (rc == SK_OK) {
			free(k->unit);
			if (!(k->unit = sk_ld_strdup(unit_words[v])))
				rc = sk_ld_nomem(ld);
		}
		return rc;
	}
	if (sk_ld_same(e->key, "direction")) {
		t->direction_line = e->line;
		rc = read_choice(ld, e, dir_words, &v);
		k->direction = (enum sk_direction)v;
		return rc;
	}
	if (sk_ld_same(e->key, "frequency")) {
		rc = read_choice(ld, e, freq_words, &v);
		k->frequency = (enum sk_frequency)v;
		return rc;
	}
	if (sk_ld_same(e->key, "norm_per")) {
		static const int months[] = { 1, 3, 6, 12 };

		rc = read_choice(ld, e, norm_per_words, &v);
		if (rc == SK_OK)
			k->norm_months = months[v];
		return rc;
	}
	if (sk_ld_same(e->key, "pro_rata")) {
		t->pro_rata_line = e->line;
		return read_bool(ld, e, &k->pro_rata);
	}
	if (sk_ld_same(e->key, "source"))
		return set_source(ld, t, e);
	return SK_OK;
}

/* `step = MIN MALUS [escalate]`, e.g. `step = 90.00 0.5`. */
static enum sk_err set_staffel(struct sk_loader *ld, const struct sk_ini_entry *e)
{
	struct sk_contract *c = ld->c;
	struct sk_staffel_step st = { 0, 0, 0 };
	char *copy = sk_ld_strdup(e->value), *tok, *save = NULL;
	enum sk_err rc = SK_OK;
	int n = 0;
	size_t cap;

	if (!copy)
		return sk_ld_nomem(ld);
	for (tok = strtok_r(copy, " \t\n", &save); tok && rc == SK_OK;
	     tok = strtok_r(NULL, " \t\n", &save), n++) {
		if (n == 2 && strcasecmp(tok, "escalate") == 0) {
			st.escalate = 1;
			continue;
		}
		if (n < 2 && sk_dec_parse(tok, n == 0 ? &st.min_score : &st.malus, NULL) == SK_OK)
			continue;
		rc = sk_ld_fail(ld, e->line, e->key,
				"expected a minimum score, a malus %% and optionally 'escalate' "
				"(like 90.00 0.5), not '%s'", e->value);
	}
	free(copy);
	if (rc != SK_OK)
		return rc;
	if (n < 2)
		return sk_ld_fail(ld, e->line, e->key,
				  "expected a minimum score, a malus %% and optionally 'escalate' "
				  "(like 90.00 0.5), not '%s'", e->value);
	if (st.min_score < 0 || st.malus < 0 || st.malus > SK_DEC(100))
		return sk_ld_fail(ld, e->line, e->key,
				  "a score cannot be negative and a malus lies from 0 to 100 %%");
	for (size_t i = 0; i < c->n_staffel; i++)
		if (c->staffel[i].min_score == st.min_score)
			return sk_ld_fail(ld, e->line, e->key,
					  "two steps start at the same score '%s'", e->value);
	cap = c->n_staffel;
	if (!sk_ld_grow((void **)&c->staffel, &cap, c->n_staffel, sizeof(*c->staffel)))
		return sk_ld_nomem(ld);
	/* Keep them sorted highest first: a lookup takes the first step it reaches. */
	{
		size_t i = c->n_staffel;

		while (i > 0 && c->staffel[i - 1].min_score < st.min_score) {
			c->staffel[i] = c->staffel[i - 1];
			i--;
		}
		c->staffel[i] = st;
		c->n_staffel++;
	}
	return SK_OK;
}

/* A key of [rules]: the decisions. */
static enum sk_err set_rules(struct sk_loader *ld, const struct sk_ini_entry *e)
{
	struct sk_rules *r = &ld->c->rules;
	enum sk_err rc;
	int v = 0;

	if (sk_ld_same(e->key, "resolution_start")) {
		rc = read_choice(ld, e, clock_words, &v);
		r->resolution_start = (enum sk_clock_start)v;
	} else if (sk_ld_same(e->key, "priority")) {
		rc = read_choice(ld, e, prio_words, &v);
		r->priority = (enum sk_priority_rule)v;
	} else if (sk_ld_same(e->key, "aggregate")) {
		rc = read_choice(ld, e, agg_words, &v);
		r->aggregate = (enum sk_aggregate)v;
	} else if (sk_ld_same(e->key, "weights")) {
		rc = read_choice(ld, e, weights_words, &v);
		r->weights = (enum sk_weights_rule)v;
	} else if (sk_ld_same(e->key, "wrong_channel")) {
		rc = read_choice(ld, e, channel_words, &v);
		r->wrong_channel = (enum sk_channel_rule)v;
	} else if (sk_ld_same(e->key, "cap")) {
		rc = read_bool(ld, e, &r->cap);
	} else if (sk_ld_same(e->key, "reopen_resets")) {
		rc = read_bool(ld, e, &r->reopen_resets);
	} else if (sk_ld_same(e->key, "pct_decimals")) {
		rc = read_int(ld, e, 0, 6, &r->pct_decimals);
	} else if (sk_ld_same(e->key, "score_decimals")) {
		rc = read_int(ld, e, 0, 6, &r->score_decimals);
	} else if (sk_ld_same(e->key, "report_due_days")) {
		rc = read_int(ld, e, 0, 366, &r->report_due_days);
	} else if (sk_ld_same(e->key, "pause_statuses")) {
		rc = read_list(ld, e, &r->pause_statuses, &r->n_pause_statuses);
	} else if (sk_ld_same(e->key, "resolved_statuses")) {
		rc = read_list(ld, e, &r->resolved_statuses, &r->n_resolved_statuses);
	} else {
		rc = read_list(ld, e, &r->closed_statuses, &r->n_closed_statuses);
	}
	return rc;
}

/* ---- pass 2: every section and key, in file order ---- */

/* A new [calendar.NAME] and its spec, Dutch holidays on by default. */
static enum sk_err new_calendar(struct sk_loader *ld, const struct sk_ini_section *s,
				const char *id, struct sk_cal_spec **sp)
{
	struct sk_contract *c = ld->c;
	struct sk_contract_calendar *cc;

	if (!sk_ld_grow((void **)&c->calendars, &ld->cap_cal, c->n_calendars,
			sizeof(*c->calendars)) ||
	    !sk_ld_grow((void **)&ld->specs, &ld->cap_specs, c->n_calendars, sizeof(*ld->specs)))
		return sk_ld_nomem(ld);
	cc = &c->calendars[c->n_calendars];
	*sp = &ld->specs[c->n_calendars];
	cc->line = s->line;
	(*sp)->nl = 1;
	c->n_calendars++;
	if (!(cc->name = sk_ld_strdup(id)))
		return sk_ld_nomem(ld);
	return SK_OK;
}

/* A new [priority.ID], ranked by file order. */
static enum sk_err new_priority(struct sk_loader *ld, const struct sk_ini_section *s,
				const char *id, struct sk_priority **out)
{
	struct sk_contract *c = ld->c;
	struct sk_priority *pr;

	if (!sk_ld_grow((void **)&c->priorities, &ld->cap_prio, c->n_priorities,
			sizeof(*c->priorities)))
		return sk_ld_nomem(ld);
	pr = &c->priorities[c->n_priorities++];
	pr->line = s->line;
	pr->level = (int)c->n_priorities;
	pr->after_hours_calendar = -1;
	*out = pr;
	return (pr->id = sk_ld_strdup(id)) ? SK_OK : sk_ld_nomem(ld);
}

/* A new [service.ID]. */
static enum sk_err new_service(struct sk_loader *ld, const struct sk_ini_section *s,
			       const char *id, struct sk_service **out)
{
	struct sk_contract *c = ld->c;
	struct sk_service *sv;

	if (!sk_ld_grow((void **)&c->services, &ld->cap_svc, c->n_services, sizeof(*c->services)))
		return sk_ld_nomem(ld);
	sv = &c->services[c->n_services++];
	sv->line = s->line;
	*out = sv;
	return (sv->id = sk_ld_strdup(id)) ? SK_OK : sk_ld_nomem(ld);
}

/* A new [domain.ID], scored unless it says otherwise. */
static enum sk_err new_domain(struct sk_loader *ld, const struct sk_ini_section *s,
			      const char *id, struct sk_domain **out)
{
	struct sk_contract *c = ld->c;
	struct sk_domain *dm;

	if (!sk_ld_grow((void **)&c->domains, &ld->cap_dom, c->n_domains, sizeof(*c->domains)))
		return sk_ld_nomem(ld);
	dm = &c->domains[c->n_domains++];
	dm->line = s->line;
	dm->scored = 1;
	*out = dm;
	return (dm->id = sk_ld_strdup(id)) ? SK_OK : sk_ld_nomem(ld);
}

/* A new [kpi.DOMAIN.ID], kept aside until its domain is known to exist. */
static enum sk_err new_kpi(struct sk_loader *ld, const struct sk_ini_section *s,
			   const char *domain_end, struct sk_kpi_tmp **out)
{
	const char *domain = s->name + 4; /* after "kpi." */
	struct sk_kpi_tmp *t;

	if (!sk_ld_grow((void **)&ld->kpis, &ld->cap_kpis, ld->n_kpis, sizeof(*ld->kpis)))
		return sk_ld_nomem(ld);
	t = &ld->kpis[ld->n_kpis++];
	t->k.line = s->line;
	t->k.source_priority = -1;
	t->k.source_calendar = -1;
	t->k.source_service = -1;
	*out = t;
	t->k.id = sk_ld_strdup(domain_end + 1);
	t->domain = malloc((size_t)(domain_end - domain) + 1);
	if (!t->k.id || !t->domain)
		return sk_ld_nomem(ld);
	memcpy(t->domain, domain, (size_t)(domain_end - domain));
	t->domain[domain_end - domain] = '\0';
	return SK_OK;
}

/* Unknown or repeated sections, and ids that other keys could not name. */
static enum sk_err check_section_name(struct sk_loader *ld, size_t i, int *kind,
				      const char **id, const char **domain_end)
{
	const struct sk_ini_section *s = &ld->sec[i];

	*kind = section_kind(s->name, id, domain_end);
	if (*kind < 0)
		return sk_ld_fail(ld, s->line, NULL,
				  "unknown section [%s] (expected contract, calendar.NAME, "
				  "priority.ID, matrix, service.ID, domain.ID, kpi.DOMAIN.ID, "
				  "staffel or rules)", s->name);
	for (size_t j = 0; j < i; j++)
		if (sk_ld_same(ld->sec[j].name, s->name))
			return sk_ld_fail(ld, s->line, NULL,
					  "section [%s] repeats [%s] from line %ld", s->name,
					  ld->sec[j].name, ld->sec[j].line);
	if (*kind == K_KPI) {
		if (!*domain_end || *domain_end == *id || !sk_ld_plain_word((*domain_end) + 1) ||
		    strchr((*domain_end) + 1, '.'))
			return sk_ld_fail(ld, s->line, NULL,
					  "a KPI section is named [kpi.DOMAIN.ID], not [%s]", s->name);
		for (const char *p = *id; p < *domain_end; p++)
			if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
				return sk_ld_fail(ld, s->line, NULL,
						  "section [%s]: '%.*s' is not an id (letters, "
						  "digits, '_' and '-')", s->name,
						  (int)(*domain_end - *id), *id);
	} else if (*id && !sk_ld_plain_word(*id)) {
		return sk_ld_fail(ld, s->line, NULL,
				  "section [%s]: '%s' is not an id (letters, digits, '_' and '-')",
				  s->name, *id);
	}
	return SK_OK;
}

/* The key's definition, NULL when @kind has no such key. */
static const struct key_def *find_key(int kind, const char *key)
{
	int from, to;
	static const struct key_def day = { "day", F_LIST };

	for (const struct key_def *k = key_tables[kind]; k->name; k++)
		if (sk_ld_same(k->name, key))
			return k;
	if (kind == K_CALENDAR && day_key(key, &from, &to))
		return &day;
	return NULL;
}

/* One key: known, not repeated, not wrongly continued, not empty; then its setter. */
static enum sk_err read_entry(struct sk_loader *ld, const struct sk_ini_section *s, int kind,
			      size_t ei, void *obj)
{
	struct sk_ini_entry *e = &s->e[ei];
	const struct key_def *k = find_key(kind, e->key);

	if (!e->key[0])
		return sk_ld_fail(ld, e->line, NULL, "a value without a key");
	if (!k)
		return sk_ld_fail(ld, e->line, e->key, "unknown key in [%s]", s->name);
	if (!(k->flags & F_REPEAT) && strcmp(k->name, "day") != 0)
		for (size_t j = 0; j < ei; j++)
			if (sk_ld_same(s->e[j].key, e->key))
				return sk_ld_fail(ld, e->line, e->key,
						  "duplicate key (first set at line %ld)",
						  s->e[j].line);
	if (e->cont_line) {
		if (!(k->flags & (F_LIST | F_TEXT)))
			return sk_ld_fail(ld, e->cont_line, e->key,
					  "this indented line continues '%s' from line %ld, "
					  "which takes one value (start keys at the beginning "
					  "of the line)", e->key, e->line);
		if (k->flags & F_TEXT)
			for (char *p = e->value; *p; p++)
				if (*p == '\n')
					*p = ' ';
	}
	if (!e->value[0])
		return sk_ld_fail(ld, e->line, e->key, "no value");
	switch (kind) {
	case K_CONTRACT: return set_contract(ld, e);
	case K_CALENDAR: return set_calendar(ld, obj, e);
	case K_PRIORITY: return set_priority(ld, obj, e);
	case K_SERVICE: return set_service(ld, obj, e);
	case K_DOMAIN: return set_domain(ld, obj, e);
	case K_KPI: return set_kpi(ld, obj, e);
	case K_STAFFEL: return set_staffel(ld, e);
	case K_RULES: return set_rules(ld, e);
	default: return SK_OK; /* [matrix] needs the priorities: contract_check.c */
	}
}

enum sk_err sk_ld_read_sections(struct sk_loader *ld)
{
	enum sk_err rc = SK_OK;

	for (size_t i = 0; i < ld->n_sec && rc == SK_OK; i++) {
		const struct sk_ini_section *s = &ld->sec[i];
		const char *id, *domain_end;
		void *obj = NULL;
		int kind;

		rc = check_section_name(ld, i, &kind, &id, &domain_end);
		if (rc != SK_OK)
			break;
		switch (kind) {
		case K_CONTRACT:
			ld->has_contract = 1;
			ld->contract_line = s->line;
			break;
		case K_CALENDAR:
			rc = new_calendar(ld, s, id, (struct sk_cal_spec **)&obj);
			break;
		case K_PRIORITY:
			rc = new_priority(ld, s, id, (struct sk_priority **)&obj);
			break;
		case K_SERVICE:
			rc = new_service(ld, s, id, (struct sk_service **)&obj);
			break;
		case K_DOMAIN:
			rc = new_domain(ld, s, id, (struct sk_domain **)&obj);
			break;
		case K_KPI:
			rc = new_kpi(ld, s, domain_end, (struct sk_kpi_tmp **)&obj);
			break;
		default:
			break;
		}
		for (size_t j = 0; j < s->n && rc == SK_OK; j++)
			rc = read_entry(ld, s, kind, j, obj);
	}
	return rc;
}
