/*
 * Deviations explained, with improvement actions (issue 15 item 5): every
 * norm the report shows as not met lists the rows imported for it, or is
 * unexplained; actions are judged at the period's end; the `actions` KPI
 * source counts the actions done in its window. The database is built row
 * by row, so every figure below is worked out by hand.
 *
 * Contract: office Mon-Fri 08:00-17:00 (Dutch holidays); P2 response 1 h,
 * norm 90 %; service vpn 24x7, norm 99; domain d (not scored) with d.share
 * (manual, norm 90), d.fail (manual, norm 3, lower is better) and d.actions
 * (source actions, count, norm 2, quarterly).
 *
 * January 2027:
 *  P2 response: T1 Mon 4 Jan 09:00 answered 09:30 (met), T2 Tue 5 Jan 09:00
 *     answered 11:00 (2 h: breached): 1 of 2 = 50 % < 90 %: not met.
 *  d.share measured 85 < 90: not met. d.fail measured 4 > 3: not met.
 *  vpn down Sun 10 Jan 00:00-12:00: 43200 of 2678400 s: 98.39 % < 99.
 * Rows (refers_to, period: explanation / action, due, done):
 *  r1 kpi:d.share 2027-01: E1 / A1 due 15 Jan, done 20 Jan: done, late.
 *  r2 kpi:d.share 2027-01: - / A2 due 31 Jan, open: overdue at 1 Feb 00:00.
 *  r3 priority:P2 2027-01: - / A3 due 1 Feb, open: not overdue. P2's
 *     response has only this action: unexplained.
 *  r4 service:vpn 2026-12: old / A4 due 20 Dec, open: carried over from
 *     December, overdue; its December explanation does not explain January.
 *  r5 kpi:d.fail 2026-12: / A5 done 28 Dec: done before January, left out.
 *  r6 kpi:d.share 2027-02 and r7 kpi:d.share 2027-Q1: not within January.
 *  r8 ticket:T2 2027-01: the phone / -: listed under the others.
 *  r9 domain:d 2027-03: - / A9 done 10 Mar.
 *  r10 kpi:d.share 2027-02: A1 again, done 20 Jan (the same action).
 * So January: 4 norms not met (d.share, d.fail, P2 response, vpn), 3 of
 * them unexplained (d.fail, P2 response, vpn); actions open r2 r3 r4 (3),
 * overdue r2 r4 (2), done in January r1 (1). d.actions over Q1: A1 (20 Jan,
 * twice: once) and A9 (10 Mar) = 2; A5 was done in December.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "slakit.h"

static struct sk_contract *C;
static struct sk_db *DB;
static char DIR[256];

static const char contract_text[] =
	"[contract]\n"
	"id = dev\n"
	"language = nl\n"
	"timezone = Europe/Amsterdam\n"
	"calendar = office\n"
	"start = 2026-01-01\n"
	"\n"
	"[calendar.office]\n"
	"mon-fri = 08:00-17:00\n"
	"holidays = nl\n"
	"\n"
	"[calendar.always]\n"
	"24x7 = yes\n"
	"\n"
	"[priority.P2]\n"
	"name = Hoog\n"
	"response = 1h\n"
	"resolution = 8h\n"
	"norm = 90\n"
	"\n"
	"[service.vpn]\n"
	"name = VPN\n"
	"norm = 99\n"
	"calendar = always\n"
	"\n"
	"[domain.d]\n"
	"scored = no\n"
	"\n"
	"[kpi.d.share]\n"
	"name = Aandeel\n"
	"norm = 90\n"
	"\n"
	"[kpi.d.fail]\n"
	"name = Mislukt\n"
	"norm = 3\n"
	"direction = lower\n"
	"\n"
	"[kpi.d.actions]\n"
	"name = Verbeteracties\n"
	"source = actions\n"
	"unit = count\n"
	"norm = 2\n"
	"frequency = quarterly\n"
	"\n"
	"[staffel]\n"
	"step = 0 0\n";

static sk_time T(const char *s)
{
	sk_time t = 0;

	assert_int_equal(sk_time_parse(s, C->tz, &t, NULL, NULL), SK_OK);
	return t;
}

static void sql(const char *fmt, ...)
{
	char buf[4096];
	struct sk_diag d;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (sk_db_exec(DB, buf, &d) != SK_OK) {
		fprintf(stderr, "%s\n%s\n", buf, d.msg);
		fail();
	}
}

static void add_import(int id, const char *kind)
{
	sql("INSERT INTO imports (id, file, sha256, bytes, kind, profile, contract_sha256, time_zone,"
	    " encoding, delimiter, skip_bad, rows_read, rows_inserted, rows_updated, rows_unchanged,"
	    " rows_rejected, tickets_inserted, tickets_updated, tickets_unchanged, dst_gaps, dst_folds,"
	    " started_at, finished_at, tool_version, horizon) VALUES (%d, '%s.csv', '%064d', 1, '%s',"
	    " 'generic', '%s', 'Europe/Amsterdam', 'utf-8', ',', 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,"
	    " %lld, %lld, '0.1.0', %lld)", id, kind, id, kind, C->sha256,
	    (long long)T("2027-04-01 09:00"), (long long)T("2027-04-01 09:00") + id,
	    (long long)T("2027-04-01 00:00"));
}

static void add_ticket(const char *id, const char *reported, const char *responded,
		       const char *resolved)
{
	sql("INSERT INTO tickets (id, type, priority, priority_level, priority_raw, reported_at,"
	    " responded_at, resolved_at, channel, import_id) VALUES ('%s', 'incident', 'P2', 2, 'P2',"
	    " %lld, %lld, %lld, 'email', 1)", id, (long long)T(reported), (long long)T(responded),
	    (long long)T(resolved));
}

/* A deviations row; "" for none. Line numbers follow the order of the calls. */
static void add_row(const char *refers, const char *period, const char *expl, const char *action,
		    const char *due, const char *done)
{
	static int line = 1;
	char e[128], a[128], du[32], dn[32];

	snprintf(e, sizeof(e), *expl ? "'%s'" : "NULL", expl);
	snprintf(a, sizeof(a), "'%s'", action);
	snprintf(du, sizeof(du), *due ? "%lld" : "NULL", (long long)(*due ? T(due) : 0));
	snprintf(dn, sizeof(dn), *done ? "%lld" : "NULL", (long long)(*done ? T(done) : 0));
	sql("INSERT INTO deviations (period, refers_to, action, explanation, owner, due_at, status,"
	    " done_at, import_id, line) VALUES ('%s', '%s', %s, %s, NULL, %s, '%s', %s, 3, %d)",
	    period, refers, a, e, du, *done ? "done" : "open", dn, ++line);
}

static int setup(void **state)
{
	char path[1024];
	struct sk_diag d;
	FILE *fp;

	(void)state;
	snprintf(DIR, sizeof(DIR), "/tmp/test_deviations.XXXXXX");
	if (!mkdtemp(DIR))
		return -1;
	snprintf(path, sizeof(path), "%s/c.ini", DIR);
	if (!(fp = fopen(path, "w")) || fputs(contract_text, fp) < 0 || fclose(fp))
		return -1;
	if (sk_contract_load(path, &C, &d) != SK_OK) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/r.db", DIR);
	if (sk_db_open(path, SK_DB_CREATE, &DB, &d) != SK_OK) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return -1;
	}
	add_import(1, "tickets");
	add_import(2, "kpi");
	add_import(3, "deviations");
	add_import(4, "outages");
	add_ticket("T1", "2027-01-04 09:00", "2027-01-04 09:30", "2027-01-04 12:00");
	add_ticket("T2", "2027-01-05 09:00", "2027-01-05 11:00", "2027-01-05 12:00");
	sql("INSERT INTO kpi_measurements (period, kpi, value, value_micro, import_id, line) VALUES"
	    " ('2027-01', 'd.share', '85', 85000000, 2, 2), ('2027-01', 'd.fail', '4', 4000000, 2, 3)");
	sql("INSERT INTO outages (service, start_at, end_at, planned, import_id, line) VALUES"
	    " ('vpn', %lld, %lld, 0, 4, 2)", (long long)T("2027-01-10 00:00"),
	    (long long)T("2027-01-10 12:00"));
	add_row("kpi:d.share", "2027-01", "E1", "A1", "2027-01-15", "2027-01-20");
	add_row("kpi:d.share", "2027-01", "", "A2", "2027-01-31", "");
	add_row("priority:P2", "2027-01", "", "A3", "2027-02-01", "");
	add_row("service:vpn", "2026-12", "old", "A4", "2026-12-20", "");
	add_row("kpi:d.fail", "2026-12", "X", "A5", "", "2026-12-28");
	add_row("kpi:d.share", "2027-02", "later", "", "", "");
	add_row("kpi:d.share", "2027-Q1", "quarter", "", "", "");
	add_row("ticket:T2", "2027-01", "the phone", "", "", "");
	add_row("domain:d", "2027-03", "", "A9", "", "2027-03-10");
	add_row("kpi:d.share", "2027-02", "", "A1", "2027-01-15", "2027-01-20");
	return 0;
}

static int teardown(void **state)
{
	char cmd[512];

	(void)state;
	sk_db_close(DB);
	sk_contract_free(C);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", DIR);
	return system(cmd) == 0 ? 0 : -1;
}

static struct sk_report *gather(const char *period)
{
	struct sk_report *r = NULL;
	struct sk_period p;
	struct sk_diag d;

	assert_int_equal(sk_period_parse(period, C->tz, &p, &d), SK_OK);
	if (sk_report_gather(DB, C, &p, NULL, &r, &d) != SK_OK) {
		fprintf(stderr, "gather: %s\n", d.msg);
		fail();
	}
	return r;
}

static const struct sk_report_deviation *dev(const struct sk_report *r, const char *ref)
{
	for (size_t i = 0; i < r->deviations->n; i++)
		if (strcmp(r->deviations->list[i].refers_to, ref) == 0)
			return &r->deviations->list[i];
	fail_msg("no deviation %s", ref);
	return NULL;
}

/* The row of deviation @e at @k. */
static const struct sk_report_action *row(const struct sk_report *r,
					  const struct sk_report_deviation *e, size_t k)
{
	assert_true(k < e->n_rows);
	return &r->deviations->actions[e->rows[k]];
}

static const struct sk_kpi_score *kpi(const struct sk_report *r, const char *id)
{
	for (size_t k = 0; k < r->score->domains[0].n_kpis; k++)
		if (strcmp(r->score->domains[0].kpis[k].kpi->id, id) == 0)
			return &r->score->domains[0].kpis[k];
	fail();
	return NULL;
}

static char *written(const struct sk_report *r, enum sk_report_format fmt, const char *lang)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	struct sk_diag d;

	assert_non_null(fp);
	assert_int_equal(sk_report_write(r, fmt, lang, fp, &d), SK_OK);
	fclose(fp);
	return buf;
}

static void test_january(void **state)
{
	struct sk_report *r = gather("2027-01");
	const struct sk_report_deviations *v = r->deviations;
	const struct sk_report_deviation *e;

	(void)state;
	assert_non_null(v);
	assert_int_equal(v->imported, 1);
	assert_int_equal(v->not_met, 4);
	assert_int_equal(v->unexplained, 3);
	assert_int_equal(v->open, 3);
	assert_int_equal(v->overdue, 2);
	assert_int_equal(v->done, 1);
	/* The norms missed first, in the report's order; then the others. */
	assert_int_equal(v->n, 5);
	assert_string_equal(v->list[0].refers_to, "kpi:d.share");
	assert_string_equal(v->list[1].refers_to, "kpi:d.fail");
	assert_string_equal(v->list[2].refers_to, "priority:P2:response");
	assert_string_equal(v->list[3].refers_to, "service:vpn");
	assert_string_equal(v->list[4].refers_to, "ticket:T2");
	assert_int_equal(v->list[4].not_met, 0);

	e = dev(r, "kpi:d.share");
	assert_int_equal(e->measured, SK_DEC(85));
	assert_int_equal(e->norm, SK_DEC(90));
	assert_int_equal(e->explained, 1);
	assert_int_equal(e->n_rows, 2);
	assert_string_equal(row(r, e, 0)->action, "A1");
	assert_int_equal(row(r, e, 0)->done, 1);
	assert_int_equal(row(r, e, 0)->late, 1);
	assert_int_equal(row(r, e, 0)->overdue, 0);
	assert_string_equal(row(r, e, 1)->action, "A2");
	assert_int_equal(row(r, e, 1)->done, 0);
	assert_int_equal(row(r, e, 1)->overdue, 1);

	/* Lower is better: 4 above the norm of 3; December's done action is left out. */
	e = dev(r, "kpi:d.fail");
	assert_int_equal(e->measured, SK_DEC(4));
	assert_int_equal(e->explained, 0);
	assert_int_equal(e->n_rows, 0);

	/* An action alone explains nothing; priority:P2 reaches its response norm. */
	e = dev(r, "priority:P2:response");
	assert_int_equal(e->measured, SK_DEC(50));
	assert_int_equal(e->norm, SK_DEC(90));
	assert_int_equal(e->explained, 0);
	assert_int_equal(e->n_rows, 1);
	assert_string_equal(row(r, e, 0)->action, "A3");
	assert_int_equal(row(r, e, 0)->overdue, 0);

	e = dev(r, "service:vpn");
	assert_true(e->measured < SK_DEC(99));
	assert_int_equal(e->measured, r->services[0].availability);
	assert_int_equal(e->explained, 0);
	assert_int_equal(e->n_rows, 1);
	assert_int_equal(row(r, e, 0)->earlier, 1);
	assert_int_equal(row(r, e, 0)->overdue, 1);
	sk_report_free(r);
}

/* Actions done in the KPI's window (Q1), each once: A1 and A9. */
static void test_actions_kpi(void **state)
{
	struct sk_report *r = gather("2027-01");
	const struct sk_kpi_score *ks = kpi(r, "actions");

	(void)state;
	assert_int_equal(ks->has_value, 1);
	assert_int_equal(ks->origin, SK_ORIGIN_ACTIONS);
	assert_string_equal(ks->window, "2027-Q1");
	assert_int_equal(ks->measured, SK_DEC(2));
	assert_int_equal(ks->n, 2);
	/* 2 reaches the norm of 2: not a deviation. */
	for (size_t i = 0; i < r->deviations->n; i++)
		assert_string_not_equal(r->deviations->list[i].refers_to, "kpi:d.actions");
	sk_report_free(r);
}

/* The quarter takes the rows of its months and its own, the same action once each. */
static void test_quarter(void **state)
{
	struct sk_report *r = gather("2027-Q1");
	const struct sk_report_deviation *e = dev(r, "kpi:d.share");

	(void)state;
	/* Its own r1, r2, r6, r7, r10, then r9 of its domain (March). */
	assert_int_equal(e->n_rows, 6);
	assert_string_equal(row(r, e, 5)->refers_to, "domain:d");
	/* r9 is listed under d.fail too (4 is still above 3 over the quarter). */
	assert_int_equal(dev(r, "kpi:d.fail")->n_rows, 1);
	/* December's A4, still open at the quarter's start. */
	assert_int_equal(dev(r, "service:vpn")->n_rows, 1);
	/* Done in the quarter: A1 (r1 and r10: once) and A9. */
	assert_int_equal(r->deviations->done, 2);
	sk_report_free(r);
}

/* Every format shows the explanations, the actions' states and what is unexplained. */
static void test_formats(void **state)
{
	struct sk_report *r = gather("2027-01");
	char *nl = written(r, SK_REPORT_TEXT, "nl"), *en = written(r, SK_REPORT_TEXT, "en");
	char *csv = written(r, SK_REPORT_CSV, NULL), *json = written(r, SK_REPORT_JSON, NULL);

	(void)state;
	/* Wrapped at 100 columns. */
	assert_non_null(strstr(nl, "  4 normen niet gehaald, waarvan 3 onverklaard; verbeteracties: 3 "
				   "open, waarvan 2 verlopen; 1 gereed\n  in de periode\n"));
	assert_non_null(strstr(nl, "  KPI Aandeel (d): 85,00 % bij norm 90 %\n"
				   "    verklaring: E1\n"
				   "    verbeteractie: A1; uiterlijk 2027-01-15; gereed 2027-01-20, na de"
				   " deadline\n"
				   "    verbeteractie: A2; uiterlijk 2027-01-31; open, VERLOPEN\n"));
	assert_non_null(strstr(nl, "  KPI Mislukt (d): 4,00 % bij norm 3 %\n    ONVERKLAARD\n"));
	assert_non_null(strstr(nl, "  P2 Hoog, reactie binnen norm: 50,0 % bij norm 90 %\n"
				   "    ONVERKLAARD\n"
				   "    verbeteractie voor P2 Hoog, 2027-01: A3; uiterlijk 2027-02-01; open\n"));
	/* Worded by the contract's names, not the reference's ids ([domain.d] has no name). */
	assert_non_null(strstr(nl, "verklaring voor de dienst VPN, 2026-12, uit een eerdere periode,"
				   " nog open: old\n"));
	assert_non_null(strstr(nl, "  Overige verklaringen en verbeteracties\n  ticket T2\n"));
	assert_non_null(strstr(en, "    UNEXPLAINED\n"));
	assert_non_null(strstr(en, "improvement action: A2; due 2027-01-31; open, OVERDUE\n"));
	assert_non_null(strstr(csv, "deviations,all,unexplained,3\n"));
	assert_non_null(strstr(csv, "deviation,kpi:d.fail,explained,0\n"));
	assert_non_null(strstr(csv, "deviation_row,3.3,state,overdue\n"));
	assert_non_null(strstr(csv, "deviation_row,3.2,state,done_late\n"));
	assert_non_null(strstr(json, "\"not_met\":4,\"unexplained\":3,\"actions_open\":3,"
				     "\"actions_overdue\":2,\"actions_done\":1,\"imported\":true"));
	free(nl);
	free(en);
	free(csv);
	free(json);
	sk_report_free(r);
}

/* A measurement of the KPI replaces the count (the manual path stays). */
static void test_measurement_replaces(void **state)
{
	struct sk_report *r;
	const struct sk_kpi_score *ks;

	(void)state;
	sql("INSERT INTO kpi_measurements (period, kpi, value, value_micro, import_id, line) VALUES"
	    " ('2027-Q1', 'd.actions', '1', 1000000, 2, 9)");
	r = gather("2027-01");
	ks = kpi(r, "actions");
	assert_int_equal(ks->origin, SK_ORIGIN_MANUAL);
	assert_int_equal(ks->measured, SK_DEC(1));
	assert_non_null(strstr(ks->detail, "replaces the actions value"));
	/* Now 1 < 2: a deviation, and in the domain's rows A9 (March) is not January's. */
	assert_int_equal(dev(r, "kpi:d.actions")->not_met, 1);
	sk_report_free(r);
	sql("DELETE FROM kpi_measurements WHERE kpi = 'd.actions'");
}

/* Nothing imported: the count has no data (not 0), and the section says so. */
static void test_nothing_imported(void **state)
{
	struct sk_report *r;
	char *nl;

	(void)state;
	sql("DELETE FROM deviations");
	r = gather("2027-01");
	assert_int_equal(kpi(r, "actions")->has_value, 0);
	assert_int_equal(r->deviations->imported, 0);
	assert_int_equal(r->deviations->unexplained, 4);
	nl = written(r, SK_REPORT_TEXT, "nl");
	assert_non_null(strstr(nl, "4 normen niet gehaald, waarvan 4 onverklaard; geen verklaringen"));
	free(nl);
	sk_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_january),
		cmocka_unit_test(test_actions_kpi),
		cmocka_unit_test(test_quarter),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_measurement_replaces),
		cmocka_unit_test(test_nothing_imported),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
