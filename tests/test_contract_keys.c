/*
 * Every key of every section table lands somewhere: a contract with the key
 * set (or set to another value) loads to a contract that differs from the
 * one without it. A key that changed nothing would be read by nothing, which
 * is what the tables forbid. Keys the loader no longer takes, and keys it
 * never knew, are refused with file and line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "slakit/contract.h"
#include "contract/contract.h"

/* A contract with every section, valid as it is; keys are added to or changed in it. */
static const char *const base_sections[][12] = {
	{ "[contract]", "id = base" },
	{ "[calendar.werkdag]", "mon-fri = 08:00-17:00" },
	{ "[calendar.avond]", "mon-fri = 17:00-22:00", "holidays = none", NULL },
	{ "[calendar.altijd]", "mon-sun = 00:00-24:00", "holidays = none", NULL },
	{ "[priority.P1]", "response = 15m", "resolution = 4h", "after_hours_calendar = avond",
	  "after_hours_response = 1h", "swap = 2d" },
	{ "[priority.P2]", "response = 4h", "resolution = 2d", NULL },
	{ "[matrix]", "row = impact", "column = users", "bucket = 1-10", "bucket = >10",
	  "entry = H 1-10 P1", "entry = H >10 P1", "entry = L 1-10 P2", "entry = L >10 P2" },
	{ "[service.net]", "norm = 99" },
	{ "[domain.d]", "scored = no" },
	{ "[kpi.d.share]", "norm = 90", "weight = 50", "direction = lower", NULL },
	{ "[kpi.d.sessions]", "unit = count", "norm = 2", "norm_per = year", "weight = 50" },
	{ "[kpi.d.clocks]", "source = tickets:resolution", "norm = 90", "weight = 0", NULL },
	{ "[staffel]", "step = 0 1" },
	{ "[rules]" },
	{ "[supplier.net]", "response = 4h", "statuses = Wacht op netwerk", NULL },
	{ "[supplier.print]", "mon-fri = 09:00-17:00", "holidays = none", NULL },
	{ "[choice.p3]", "clause = 4 uur of 8 uur", "reading = 8 uur", "seed = §3 en §10.1", NULL },
};
#define N_SECTIONS (sizeof(base_sections) / sizeof(base_sections[0]))

/*
 * One change per key: set @key to @value in @section (the first line of that
 * key is replaced, else the key is added at the end of the section). With
 * @from, every @from in the section becomes @value instead.
 */
struct change {
	const char *section;
	const char *key;
	const char *value;
	const char *from;
};

static const struct change changes[] = {
	{ "contract", "id", "other", NULL },
	{ "contract", "name", "Een naam", NULL },
	{ "contract", "language", "en", NULL },
	{ "contract", "timezone", "Europe/London", NULL },
	{ "contract", "supplier", "Leverancier", NULL },
	{ "contract", "customer", "Klant", NULL },
	{ "contract", "start", "2027-01-01", NULL },
	{ "contract", "calendar", "avond", NULL },

	/* 24x7 instead of hours around the clock: only the flag differs. */
	{ "calendar.altijd", "24x7", "24x7 = yes", "mon-sun = 00:00-24:00" },
	{ "calendar.werkdag", "holidays", "none", NULL },
	{ "calendar.werkdag", "good_friday", "yes", NULL },
	{ "calendar.werkdag", "liberation_day", "lustrum", NULL },
	{ "calendar.werkdag", "closed", "2027-12-24 Kerstavond", NULL },
	{ "calendar.werkdag", "ics", "@closed.ics", NULL }, /* @: in the test data directory */
	{ "calendar.werkdag", "standard_day", "8h", NULL },

	{ "priority.P1", "name", "Kritiek", NULL },
	{ "priority.P1", "aliases", "1, Urgent", NULL },
	{ "priority.P1", "calendar", "altijd", NULL },
	{ "priority.P1", "response", "30m", NULL },
	{ "priority.P1", "resolution", "8h", NULL },
	{ "priority.P1", "response.incident", "5m", NULL },
	{ "priority.P1", "response.request", "5m", NULL },
	{ "priority.P1", "response.change", "5m", NULL },
	{ "priority.P1", "response.problem", "5m", NULL },
	{ "priority.P1", "response.complaint", "5m", NULL },
	{ "priority.P1", "resolution.incident", "1h", NULL },
	{ "priority.P1", "resolution.request", "1h", NULL },
	{ "priority.P1", "resolution.change", "1h", NULL },
	{ "priority.P1", "resolution.problem", "1h", NULL },
	{ "priority.P1", "resolution.complaint", "1h", NULL },
	{ "priority.P1", "response.change.standard", "none", NULL },
	{ "priority.P1", "response.change.normal", "5m", NULL },
	{ "priority.P1", "response.change.emergency", "none", NULL },
	{ "priority.P1", "resolution.change.standard", "2h", NULL },
	{ "priority.P1", "resolution.change.normal", "none", NULL },
	{ "priority.P1", "resolution.change.emergency", "none", NULL },
	{ "priority.P1", "norm", "98", NULL },
	{ "priority.P1", "onsite", "4h", NULL },
	{ "priority.P1", "onsite_norm", "95", NULL },
	{ "priority.P1", "swap", "eod", NULL },
	{ "priority.P1", "swap_emergency", "4h", NULL },
	{ "priority.P1", "swap_norm", "98", NULL },
	{ "priority.P1", "channel", "phone", NULL },
	{ "priority.P1", "update_every", "30m", NULL },
	{ "priority.P2", "update_every", "agreed", NULL },
	{ "priority.P1", "response_by", "phone", NULL },
	{ "priority.P1", "after_hours_calendar", "altijd", NULL },
	{ "priority.P1", "after_hours_response", "2h", NULL },
	{ "priority.P1", "workaround_stops", "yes", NULL },

	{ "matrix", "row", "impact2", NULL },
	{ "matrix", "column", "gebruikers", NULL },
	/* A bucket's label is what entries name, so the label changes with its range. */
	{ "matrix", "bucket", "1-9", "1-10" },
	{ "matrix", "alias", "Hoog H", NULL },
	{ "matrix", "entry", "H 1-10 P2", NULL },

	{ "service.net", "name", "Netwerk", NULL },
	{ "service.net", "norm", "99.5", NULL },
	{ "service.net", "calendar", "altijd", NULL },
	{ "service.net", "notice", "48h", NULL },
	{ "service.net", "maintenance_outside", "avond", NULL },
	{ "service.net", "no_outages_means", "available", NULL },

	{ "domain.d", "name", "Domein", NULL },
	{ "domain.d", "start", "2027-07-01", NULL },
	{ "domain.d", "service", "Werkplek", NULL },
	{ "domain.d", "invoice", "1000.00", NULL },
	{ "domain.d", "weights", "normalise", NULL },
	{ "domain.d", "scored", "yes", NULL },
	{ "domain.d", "note", "Een opmerking", NULL },

	{ "kpi.d.share", "name", "Aandeel", NULL },
	{ "kpi.d.share", "norm", "95", NULL },
	{ "kpi.d.share", "unit", "score", NULL },
	{ "kpi.d.share", "direction", "higher", NULL },
	{ "kpi.d.share", "weight", "40", NULL },
	{ "kpi.d.share", "frequency", "quarterly", NULL },
	{ "kpi.d.share", "source", "tickets:fcr", NULL },
	{ "kpi.d.share", "note", "Een opmerking", NULL },
	{ "kpi.d.share", "norm_per", "year", NULL },
	/* Lower is better: inverse by default, success when said. */
	{ "kpi.d.share", "score", "success", NULL },
	/* A ticket within only with its response in time too: a resolution KPI's key. */
	{ "kpi.d.clocks", "both_clocks", "yes", NULL },
	{ "kpi.d.sessions", "pro_rata", "yes", NULL },

	{ "staffel", "step", "0 2", NULL },

	{ "rules", "resolution_start", "responded", NULL },
	{ "rules", "priority", "initial", NULL },
	{ "rules", "cap", "no", NULL },
	{ "rules", "pct_decimals", "2", NULL },
	{ "rules", "score_decimals", "3", NULL },
	{ "rules", "aggregate", "mean", NULL },
	{ "rules", "weights", "normalise", NULL },
	{ "rules", "wrong_channel", "count", NULL },
	{ "rules", "pause_statuses", "Wacht op klant", NULL },
	{ "rules", "resolved_statuses", "Opgelost", NULL },
	{ "rules", "closed_statuses", "Gesloten", NULL },
	{ "rules", "working_statuses", "Wacht op leverancier", NULL },
	{ "rules", "report_due_days", "10", NULL },
	{ "rules", "reopen_resets", "yes", NULL },
	{ "rules", "supplier_pauses", "yes", NULL },
	{ "rules", "supplier_statuses", "Wacht op leverancier", NULL },
	{ "rules", "complaint_management", "2d", NULL },
	{ "rules", "complaint_directors", "5d", NULL },
	{ "rules", "at_risk_share", "80", NULL },
	{ "rules", "onsite_default", "resolution", NULL },

	{ "supplier.net", "name", "Internetprovider", NULL },
	{ "supplier.net", "products", "Glasvezel", NULL },
	{ "supplier.net", "contact", "noc@example.nl", NULL },
	{ "supplier.net", "calendar", "altijd", NULL },
	{ "supplier.net", "response", "< 2h", NULL },
	{ "supplier.net", "resolution", "2d", NULL },
	{ "supplier.net", "mandate_technical", "Modem herstarten", NULL },
	{ "supplier.net", "mandate_privacy", "Geen", NULL },
	{ "supplier.net", "mandate_financial", "Tot 500 euro", NULL },
	{ "supplier.net", "statuses", "Wacht op provider", NULL },
	/* Not in the table: a target per priority, and calendar keys (its own calendar). */
	{ "supplier.net", "response.P1", "1h", NULL },
	{ "supplier.net", "resolution.P2", "3 werkdagen", NULL },
	{ "supplier.print", "mon-fri", "08:00-16:00", NULL },
	{ "supplier.print", "closed", "2027-12-24 Kerstavond", NULL },

	{ "choice.p3", "clause", "24 tot 32 uur", NULL },
	{ "choice.p3", "reading", "32 uur", NULL },
	{ "choice.p3", "seed", "§10.1 tabel", NULL },

	/* Weekday keys are not in the table; one added day and one changed range. */
	{ "calendar.werkdag", "sat", "09:00-12:00", NULL },
	{ "calendar.werkdag", "mon-fri", "08:00-16:00", NULL },
};
#define N_CHANGES (sizeof(changes) / sizeof(changes[0]))

/* The section of each kind that the walk sets keys in (the table is per kind). */
static const char *const kind_sections[] = {
	"contract", "calendar.werkdag", "priority.P1", "matrix", "service.net", "domain.d",
	"kpi.d.share", "staffel", "rules", "supplier.net", "choice.p3",
};

static char tmpdir[] = "/tmp/sk-keys-XXXXXX";

/* The test data directory, absolute: the contracts are written elsewhere. */
static const char *testdata(void)
{
	static char abs[1024];
	const char *dir = getenv("SK_TESTDATA");
	char cwd[768];

	if (!dir || !*dir)
		dir = "data";
	if (dir[0] == '/')
		return dir;
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(abs, sizeof(abs), "%s/%s", cwd, dir);
	return abs;
}

/* The part of a section name that says its kind: "priority" of "priority.P1". */
static int same_kind(const char *a, const char *b)
{
	size_t la = strcspn(a, "."), lb = strcspn(b, ".");

	return la == lb && strncmp(a, b, la) == 0;
}

/* Write the base contract with @c applied (NULL: none) and @extra added to
 * section @extra_sec; returns the path, and in *line the line of the change. */
static const char *write_contract(const struct change *c, const char *extra_sec,
				  const char *extra, long *line)
{
	static char path[512];
	static int serial;
	FILE *fp;
	long n = 0;

	snprintf(path, sizeof(path), "%s/c%d.ini", tmpdir, serial++);
	fp = fopen(path, "w");
	assert_non_null(fp);
	if (line)
		*line = 0;
	for (size_t s = 0; s < N_SECTIONS; s++) {
		const char *const *sec = base_sections[s];
		char name[64];
		int done = 0;

		snprintf(name, sizeof(name), "%.*s", (int)strlen(sec[0]) - 2, sec[0] + 1);
		for (size_t i = 0; i < 12 && sec[i]; i++) {
			const char *l = sec[i];
			char buf[256];
			size_t kl;

			if (i > 0 && c && strcmp(c->section, name) == 0) {
				kl = strlen(c->key);
				if (c->from && strstr(l, c->from)) {
					/* every occurrence of from, in this line */
					const char *p = l, *q;
					size_t m = 0;

					while ((q = strstr(p, c->from))) {
						m += (size_t)snprintf(buf + m, sizeof(buf) - m, "%.*s%s",
								      (int)(q - p), p, c->value);
						p = q + strlen(c->from);
					}
					snprintf(buf + m, sizeof(buf) - m, "%s", p);
					l = buf;
					done = 1;
					if (line && !*line)
						*line = n + 1;
				} else if (!c->from && !done && strncmp(l, c->key, kl) == 0 &&
					   strncmp(l + kl, " = ", 3) == 0) {
					snprintf(buf, sizeof(buf), "%s = %s", c->key, c->value);
					l = buf;
					done = 1;
					if (line)
						*line = n + 1;
				}
			}
			fprintf(fp, "%s\n", l);
			n++;
		}
		if (c && !c->from && !done && strcmp(c->section, name) == 0) {
			if (c->value[0] == '@')
				fprintf(fp, "%s = %s/contracts/%s\n", c->key, testdata(), c->value + 1);
			else
				fprintf(fp, "%s = %s\n", c->key, c->value);
			n++;
			if (line)
				*line = n;
		}
		if (extra && strcmp(extra_sec, name) == 0) {
			fprintf(fp, "%s\n", extra);
			n++;
			if (line)
				*line = n;
		}
		fprintf(fp, "\n");
		n++;
	}
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* ---- a contract as text: every field a key can reach, no lines, path or hash ---- */

struct dump {
	char *buf;
	size_t len, cap;
};

static void put(struct dump *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct dump *d, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(d->buf + d->len, d->cap - d->len, fmt, ap);
		va_end(ap);
		assert_true(n >= 0);
		if (d->len + (size_t)n < d->cap)
			break;
		d->cap = d->cap * 2 + (size_t)n + 256;
		d->buf = realloc(d->buf, d->cap);
		assert_non_null(d->buf);
	}
	d->len += (size_t)n;
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static void put_dur(struct dump *d, const char *what, const struct sk_duration *u)
{
	put(d, " %s=%d/%lld/%lld/%d/%d+%lld", what, u->set, (long long)u->days,
	    (long long)u->seconds, u->below, u->eod, (long long)u->eod_next);
}

static void put_list(struct dump *d, const char *what, char **v, size_t n)
{
	put(d, " %s=[", what);
	for (size_t i = 0; i < n; i++)
		put(d, "%s|", v[i]);
	put(d, "]");
}

static void put_calendar(struct dump *d, const struct sk_contract_calendar *cc)
{
	put(d, "calendar %s 24x7=%d day=%lld\n", cc->name, sk_calendar_is_24x7(cc->cal),
	    (long long)sk_calendar_standard_day(cc->cal));
	for (int w = 0; w < 7; w++) {
		const struct sk_interval *iv;
		size_t n = sk_calendar_intervals(cc->cal, w, &iv);

		for (size_t i = 0; i < n; i++)
			put(d, " %d:%d-%d", w, iv[i].start, iv[i].end);
	}
	for (int y = 2026; y <= 2030; y++) {
		const struct sk_holiday *hd;
		size_t n;

		assert_int_equal(sk_holidays_year(cc->hol, y, &hd, &n), SK_OK);
		for (size_t i = 0; i < n; i++)
			put(d, " %lld:%s", (long long)hd[i].day, str(hd[i].name));
	}
	put(d, "\n");
}

static void put_kpi(struct dump *d, const struct sk_kpi *k)
{
	put(d, " kpi %s %s norm=%lld/%d unit=%s dir=%d weight=%lld/%d freq=%d months=%d pro=%d"
	    " src=%s/%d type=%u prio=%d cal=%d svc=%d note=%s",
	    k->id, str(k->name), (long long)k->norm, k->has_norm, str(k->unit), (int)k->direction,
	    (long long)k->weight, k->has_weight, (int)k->frequency, k->norm_months, k->pro_rata,
	    str(k->source), (int)k->source_kind, k->source_types, k->source_priority,
	    k->source_calendar, k->source_service, str(k->note));
	put(d, " score=%s both_clocks=%d", sk_kpi_score_name(k), k->both_clocks);
	put_dur(d, "within", &k->within);
	put(d, "\n");
}

static char *dump_contract(const struct sk_contract *c)
{
	struct dump d = { NULL, 0, 0 };
	const struct sk_rules *r = &c->rules;

	put(&d, "contract %s %s %s %s %s %s start=%lld/%d default=%d\n", c->id, str(c->name),
	    str(c->language), str(c->supplier), str(c->customer), sk_tz_name(c->tz),
	    (long long)c->start_day, c->has_start, c->default_calendar);
	for (size_t i = 0; i < c->n_calendars; i++)
		put_calendar(&d, &c->calendars[i]);
	for (size_t i = 0; i < c->n_priorities; i++) {
		const struct sk_priority *p = &c->priorities[i];

		put(&d, "priority %s %s level=%d cal=%d norm=%lld/%d channel=%s ah=%d",
		    p->id, str(p->name), p->level, p->calendar, (long long)p->norm, p->has_norm,
		    str(p->channel), p->after_hours_calendar);
		put_list(&d, "aliases", p->aliases, p->n_aliases);
		for (int t = 0; t < SK_TICKET_TYPES; t++) {
			put_dur(&d, "resp", &p->response[t]);
			put_dur(&d, "res", &p->resolution[t]);
		}
		for (int t = 0; t < SK_CHANGE_TYPES; t++) {
			put_dur(&d, "cresp", &p->response_change[t]);
			put_dur(&d, "cres", &p->resolution_change[t]);
		}
		put(&d, " none=%u/%u/%u/%u", p->response_none, p->resolution_none,
		    p->response_change_none, p->resolution_change_none);
		put_dur(&d, "onsite", &p->onsite);
		put_dur(&d, "upd", &p->update_every);
		put(&d, " agreed=%d by=%s", p->update_agreed, str(p->response_by));
		put(&d, " onsite_norm=%lld/%d", (long long)p->onsite_norm, p->has_onsite_norm);
		put_dur(&d, "swap", &p->swap);
		put_dur(&d, "swap_emergency", &p->swap_emergency);
		put(&d, " swap_norm=%lld/%d", (long long)p->swap_norm, p->has_swap_norm);
		put_dur(&d, "ahr", &p->after_hours_response);
		put(&d, " workaround=%d", p->workaround_stops);
		put(&d, "\n");
	}
	put(&d, "matrix %s %s", str(c->matrix.row_field), str(c->matrix.column_field));
	for (size_t i = 0; i < c->matrix.n_buckets; i++)
		put(&d, " b:%s:%ld:%ld", c->matrix.buckets[i].label, c->matrix.buckets[i].lo,
		    c->matrix.buckets[i].hi);
	for (size_t i = 0; i < c->matrix.n_aliases; i++)
		put(&d, " a:%s:%s", c->matrix.aliases[i].word, c->matrix.aliases[i].value);
	for (size_t i = 0; i < c->matrix.n_entries; i++)
		put(&d, " e:%s:%s:%d", c->matrix.entries[i].row, c->matrix.entries[i].column,
		    c->matrix.entries[i].priority);
	put(&d, "\n");
	for (size_t i = 0; i < c->n_services; i++) {
		const struct sk_service *s = &c->services[i];

		put(&d, "service %s %s norm=%lld cal=%d maint=%d none=%d", s->id, str(s->name),
		    (long long)s->norm, s->calendar, s->maintenance_calendar,
		    s->no_outages_available);
		put_dur(&d, "notice", &s->notice);
		put(&d, "\n");
	}
	for (size_t i = 0; i < c->n_domains; i++) {
		const struct sk_domain *dm = &c->domains[i];

		put(&d, "domain %s %s start=%lld/%d service=%s invoice=%lld/%d weights=%d scored=%d"
		    " note=%s sum=%lld\n", dm->id, str(dm->name), (long long)dm->start_day,
		    dm->has_start, str(dm->service), (long long)dm->invoice_cents, dm->has_invoice,
		    (int)dm->weights, dm->scored, str(dm->note), (long long)dm->weight_sum);
		for (size_t j = 0; j < dm->n_kpis; j++)
			put_kpi(&d, &dm->kpis[j]);
	}
	for (size_t i = 0; i < c->n_staffel; i++)
		put(&d, "step %lld %lld %d\n", (long long)c->staffel[i].min_score,
		    (long long)c->staffel[i].malus, c->staffel[i].escalate);
	for (size_t i = 0; i < c->n_suppliers; i++) {
		const struct sk_supplier *s = &c->suppliers[i];

		put(&d, "supplier %s %s products=%s contact=%s cal=%d tech=%s priv=%s fin=%s",
		    s->id, str(s->name), str(s->products), str(s->contact), s->calendar,
		    str(s->mandate_technical), str(s->mandate_privacy), str(s->mandate_financial));
		put_list(&d, "statuses", s->statuses, s->n_statuses);
		for (size_t p = 0; p < c->n_priorities; p++) {
			put_dur(&d, "resp", &s->response_by[p]);
			put_dur(&d, "res", &s->resolution_by[p]);
		}
		put(&d, "\n");
	}
	for (size_t i = 0; i < c->n_choices; i++)
		put(&d, "choice %s clause=%s reading=%s seed=%s\n", c->choices[i].id,
		    str(c->choices[i].clause), str(c->choices[i].reading), str(c->choices[i].seed));
	put(&d, "rules %d %d %d %d %d %d %d %d due=%d reopen=%d supplier_pauses=%d at_risk=%lld onsite=%d",
	    (int)r->resolution_start, (int)r->priority, r->cap, r->pct_decimals, r->score_decimals,
	    (int)r->aggregate, (int)r->weights, (int)r->wrong_channel, r->report_due_days,
	    r->reopen_resets, r->supplier_pauses, (long long)r->at_risk_share,
	    r->onsite_resolution);
	put_dur(&d, "complaint_management", &r->complaint_management);
	put_dur(&d, "complaint_directors", &r->complaint_directors);
	put_list(&d, "supplier_statuses", r->supplier_statuses, r->n_supplier_statuses);
	put_list(&d, "pause", r->pause_statuses, r->n_pause_statuses);
	put_list(&d, "resolved", r->resolved_statuses, r->n_resolved_statuses);
	put_list(&d, "closed", r->closed_statuses, r->n_closed_statuses);
	put_list(&d, "working", r->working_statuses, r->n_working_statuses);
	put(&d, "\n");
	return d.buf;
}

static char *load_dump(const char *path)
{
	struct sk_contract *c = NULL;
	struct sk_diag d;
	char msg[2048];
	char *text;

	if (sk_contract_load(path, &c, &d) != SK_OK)
		fail_msg("%s", sk_diag_format(&d, msg, sizeof(msg)));
	text = dump_contract(c);
	sk_contract_free(c);
	return text;
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The change that the walk uses for @key of a section of @kind's kind; NULL: none. */
static const struct change *change_for(const char *kind, const char *key)
{
	for (size_t i = 0; i < N_CHANGES; i++)
		if (same_kind(changes[i].section, kind) && strcmp(changes[i].key, key) == 0)
			return &changes[i];
	return NULL;
}

/* Every key of every table has a change, and every change makes a difference. */
static void test_every_key_lands(void **state)
{
	char *base = load_dump(write_contract(NULL, NULL, NULL, NULL));
	size_t walked = 0;

	(void)state;
	for (size_t k = 0; k < sizeof(kind_sections) / sizeof(kind_sections[0]); k++) {
		const char *name;

		for (size_t i = 0; (name = contract_key_name(kind_sections[k], i)); i++) {
			const struct change *c = change_for(kind_sections[k], name);
			char *got;

			if (!c)
				fail_msg("[%s] %s: the test has no value to set it to",
					 kind_sections[k], name);
			got = load_dump(write_contract(c, NULL, NULL, NULL));
			if (strcmp(got, base) == 0)
				fail_msg("[%s] %s = %s: the loaded contract is the same as without "
					 "it, so nothing reads the key", c->section, name, c->value);
			free(got);
			walked++;
		}
	}
	/* Every change is for a key of the tables (or a weekday key): none is stale. */
	for (size_t i = 0; i < N_CHANGES; i++) {
		const char *sec = NULL, *name;
		int found = 0;

		for (size_t k = 0; k < sizeof(kind_sections) / sizeof(kind_sections[0]); k++)
			if (same_kind(kind_sections[k], changes[i].section))
				sec = kind_sections[k];
		assert_non_null(sec);
		for (size_t j = 0; (name = contract_key_name(sec, j)); j++)
			found |= strcmp(name, changes[i].key) == 0;
		if (!found) {
			char *got;

			/* A weekday key, or a supplier's per-priority or calendar key: it must land too. */
			assert_true(strncmp(changes[i].section, "calendar.", 9) == 0 ||
				    strncmp(changes[i].section, "supplier.", 9) == 0);
			got = load_dump(write_contract(&changes[i], NULL, NULL, NULL));
			assert_string_not_equal(got, base);
			free(got);
		}
	}
	assert_true(walked >= 70);
	free(base);
}

/* The refusal of @extra in section @sec: FILE:LINE: 'KEY': MSG. */
static void expect_refused(const char *sec, const char *extra, const char *key, const char *msg)
{
	struct sk_contract *c = (struct sk_contract *)1;
	struct sk_diag d;
	char want[2048], got[2048];
	long line;
	const char *path = write_contract(NULL, sec, extra, &line);

	snprintf(want, sizeof(want), "%s:%ld: '%s': %s", path, line, key, msg);
	assert_int_equal(sk_contract_load(path, &c, &d), SK_ERR_CONTRACT);
	assert_null(c);
	assert_string_equal(sk_diag_format(&d, got, sizeof(got)), want);
	assert_int_equal(d.line, line);
}

static void test_unknown_key_refused(void **state)
{
	(void)state;
	assert_null(contract_key_name("nonsense", 0));
	expect_refused("priority.P2", "colour = red", "colour", "unknown key in [priority.P2]");
	expect_refused("rules", "update_every = 4h", "update_every", "unknown key in [rules]");
	expect_refused("kpi.d.share", "swap = 1d", "swap", "unknown key in [kpi.d.share]");
	expect_refused("supplier.net", "response.P9 = 4h", "response.P9",
		       "no priority 'P9' (define [priority.P9])");
	expect_refused("supplier.net", "colour = red", "colour", "unknown key in [supplier.net]");
	expect_refused("supplier.print", "calendar = werkdag", "calendar",
		       "supplier 'print' has hours of its own in its section: name a calendar or "
		       "give hours, not both");
	expect_refused("supplier.print", "statuses = Wacht op netwerk", "statuses",
		       "'Wacht op netwerk' already means supplier 'net'");
	expect_refused("kpi.d.share", "source = supplier:nope", "source",
		       "no supplier 'nope' (define [supplier.nope])");
}

/* A choice that does not say where it stands explains nothing: refused at its section. */
static void test_choice_needs_all(void **state)
{
	const struct change drop = { "choice.p3", "seed", "; seed left out", "seed = §3 en §10.1" };
	struct sk_contract *c = NULL;
	struct sk_diag d;
	char got[2048];
	const char *path = write_contract(&drop, NULL, NULL, NULL);

	(void)state;
	assert_int_equal(sk_contract_load(path, &c, &d), SK_ERR_CONTRACT);
	assert_null(c);
	sk_diag_format(&d, got, sizeof(got));
	assert_non_null(strstr(got, "[choice.p3] needs clause, reading and seed (no seed"));
	assert_true(d.line > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_lands),
		cmocka_unit_test(test_unknown_key_refused),
		cmocka_unit_test(test_choice_needs_all),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
