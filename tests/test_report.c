/*
 * The report module: gathering a period's content from a database built
 * row by row here (so every figure can be worked out by hand), and the text,
 * CSV and file writers. The XLSX writer is checked end to end with an
 * independent reader (tests/e2e/report_xlsx.sh).
 *
 * The data, January 2027, contract tests/data/report/contract.ini (office
 * Mon-Fri 08:00-17:00, nl holidays; P1 15m/4h by phone, P2 1h/8h, P3 1d/5d):
 *  T1 P1 phone Mon 11 Jan 09:00, responded 09:10, resolved 10:00: both met;
 *     a P1-uplift whose reason starts with '='.
 *  T2 P1 portal 12 Jan 09:00: wrong channel, excluded, listed apart.
 *  T3 P2 13 Jan 09:00, resolved 14 Jan 12:00: 8 h + 4 h = 12 h > 8 h,
 *     deadline 13 Jan 17:00, 4 h late; handed over 13 Jan 11:00.
 *  T4 P2 18 Jan 10:00, resolved 12:00: 2 h, met.
 *  C1 complaint P2 19 Jan 09:00, resolved 22 Jan 09:00: 8 + 9 + 9 + 1 =
 *     27 h: 19 h beyond its 8 h, and beyond the complaint limit 2d = 18 h.
 *  CH1 standard change P3 25 Jan 10:00, resolved 26 Jan 10:00: 9 h, met.
 *  T9 P2 in March, from a later import: feeds nothing in January.
 * Outage of mail 20 Jan 10:00-12:00 on a 24x7 calendar: 7200 s of 2678400.
 * KPI desk.training = 1 for 2027-01.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "slakit.h"

static struct sk_contract *C;
static struct sk_db *DB;
static struct sk_report *R;
static char DIR[256];

static sk_time T(const char *s)
{
	sk_time t = 0;

	assert_int_equal(sk_time_parse(s, C->tz, &t, NULL, NULL), SK_OK);
	return t;
}

/* Run SQL with %s-free printf arguments; fail the test on an error. */
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

static void add_import(int id, const char *file, const char *kind, sk_time finished)
{
	sql("INSERT INTO imports (id, file, sha256, bytes, kind, profile, contract_sha256, time_zone,"
	    " encoding, delimiter, skip_bad, rows_read, rows_inserted, rows_updated, rows_unchanged,"
	    " rows_rejected, tickets_inserted, tickets_updated, tickets_unchanged, dst_gaps, dst_folds,"
	    " started_at, finished_at, tool_version) VALUES (%d, '%s', '%064d', 1, '%s', 'generic', '%s',"
	    " 'Europe/Amsterdam', 'utf-8', ',', 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, %lld, %lld, '0.1.0')",
	    id, file, id, kind, C->sha256, (long long)finished - 5, (long long)finished);
}

/* A ticket; times as local text, "" for none. */
static void add_ticket(const char *id, const char *type, const char *prio, const char *channel,
		       const char *reported, const char *responded, const char *resolved,
		       const char *category, const char *location, int import_id)
{
	char cat[64], loc[64], resp[32], res[32];

	snprintf(cat, sizeof(cat), category ? "'%s'" : "NULL", category);
	snprintf(loc, sizeof(loc), location ? "'%s'" : "NULL", location);
	snprintf(resp, sizeof(resp), *responded ? "%lld" : "NULL", (long long)(*responded ? T(responded) : 0));
	snprintf(res, sizeof(res), *resolved ? "%lld" : "NULL", (long long)(*resolved ? T(resolved) : 0));
	sql("INSERT INTO tickets (id, type, priority, priority_level, priority_raw, reported_at,"
	    " responded_at, resolved_at, category, location, channel, import_id) VALUES ('%s', '%s', '%s',"
	    " %c, '%s', %lld, %s, %s, %s, %s, '%s', %d)", id, type, prio, prio[1], prio,
	    (long long)T(reported), resp, res, cat, loc, channel, import_id);
}

static int setup(void **state)
{
	char path[1024];
	struct sk_diag d;
	const char *data = getenv("SK_TESTDATA");
	struct sk_period p;

	(void)state;
	snprintf(path, sizeof(path), "%s/report/contract.ini", data ? data : "data");
	if (sk_contract_load(path, &C, &d) != SK_OK) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return -1;
	}
	snprintf(DIR, sizeof(DIR), "/tmp/test_report.XXXXXX");
	if (!mkdtemp(DIR))
		return -1;
	snprintf(path, sizeof(path), "%s/r.db", DIR);
	if (sk_db_open(path, SK_DB_CREATE, &DB, &d) != SK_OK) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return -1;
	}
	add_import(1, "tickets.csv", "tickets", T("2027-02-01 10:00"));
	add_import(2, "outages.csv", "outages", T("2027-02-01 11:00"));
	add_import(3, "kpi.csv", "kpi", T("2027-02-02 09:30"));
	add_import(4, "march.csv", "tickets", T("2027-04-10 12:00"));
	add_ticket("T1", "incident", "P1", "phone", "2027-01-11 09:00", "2027-01-11 09:10",
		   "2027-01-11 10:00", "Netwerk", "SchoolA", 1);
	sql("UPDATE tickets SET p1_uplift = 1, uplift_reason = '=cmd kan niet werken' WHERE id = 'T1'");
	add_ticket("T2", "incident", "P1", "portal", "2027-01-12 09:00", "2027-01-12 09:30",
		   "2027-01-12 11:00", "Netwerk", "SchoolA", 1);
	add_ticket("T3", "incident", "P2", "email", "2027-01-13 09:00", "2027-01-13 09:30",
		   "2027-01-14 12:00", "Printers", "SchoolB", 1);
	sql("UPDATE tickets SET escalated_at = %lld WHERE id = 'T3'", (long long)T("2027-01-13 11:00"));
	add_ticket("T4", "incident", "P2", "email", "2027-01-18 10:00", "2027-01-18 10:20",
		   "2027-01-18 12:00", "Netwerk", "SchoolB", 1);
	add_ticket("C1", "complaint", "P2", "email", "2027-01-19 09:00", "2027-01-19 09:05",
		   "2027-01-22 09:00", NULL, "SchoolA", 1);
	add_ticket("CH1", "change", "P3", "portal", "2027-01-25 10:00", "2027-01-25 10:30",
		   "2027-01-26 10:00", "Netwerk", NULL, 1);
	sql("UPDATE tickets SET change_type = 'standard', change_failed = 0 WHERE id = 'CH1'");
	add_ticket("T9", "incident", "P2", "email", "2027-03-01 09:00", "2027-03-01 09:30",
		   "2027-03-01 12:00", "Netwerk", "SchoolA", 4);
	sql("INSERT INTO outages (service, start_at, end_at, planned, import_id) VALUES"
	    " ('mail', %lld, %lld, 0, 2)", (long long)T("2027-01-20 10:00"), (long long)T("2027-01-20 12:00"));
	sql("INSERT INTO kpi_measurements (period, kpi, value, value_micro, import_id) VALUES"
	    " ('2027-01', 'desk.training', '1', 1000000, 3)");
	if (sk_period_parse("2027-01", C->tz, &p, &d) != SK_OK)
		return -1;
	if (sk_report_gather(DB, C, &p, NULL, &R, &d) != SK_OK) {
		fprintf(stderr, "gather: %s\n", d.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	char cmd[512];

	(void)state;
	sk_report_free(R);
	sk_db_close(DB);
	sk_contract_free(C);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", DIR);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_formats(void **state)
{
	(void)state;
	assert_int_equal(sk_report_format_parse("xlsx"), SK_REPORT_XLSX);
	assert_int_equal(sk_report_format_parse("TEXT"), SK_REPORT_TEXT);
	assert_int_equal(sk_report_format_parse("txt"), SK_REPORT_TEXT);
	assert_int_equal(sk_report_format_parse("pdf"), -1);
	assert_int_equal(sk_report_format_for_path("out/slr.XLSX"), SK_REPORT_XLSX);
	assert_int_equal(sk_report_format_for_path("slr.json"), SK_REPORT_JSON);
	assert_int_equal(sk_report_format_for_path("slr.csv"), SK_REPORT_CSV);
	assert_int_equal(sk_report_format_for_path("-"), -1);
	assert_int_equal(sk_report_format_for_path("dir.v2/slr"), -1);
}

static const struct sk_report_prio *prio_row(const char *id, int type)
{
	for (size_t i = 0; i < R->n_prio; i++)
		if (strcmp(C->priorities[R->prio[i].priority].id, id) == 0 && R->prio[i].type == type)
			return &R->prio[i];
	return NULL;
}

static void test_priorities(void **state)
{
	const struct sk_report_prio *p1 = prio_row("P1", -1), *p2 = prio_row("P2", -1);
	const struct sk_report_prio *p2i = prio_row("P2", SK_TICKET_INCIDENT);

	(void)state;
	assert_non_null(p1);
	assert_non_null(p2);
	assert_non_null(p2i);
	/* T2 is excluded: P1 counts T1 only, and meets its 98 %. */
	assert_int_equal(p1->tickets, 1);
	assert_int_equal(p1->response_within, 1);
	assert_int_equal(p1->resolution_within, 1);
	assert_int_equal(p1->met, 1);
	/* P2: T3, T4 and C1; resolution met by T4 only: 33.3 % < 90 %. */
	assert_int_equal(p2->tickets, 3);
	assert_int_equal(p2->response_n, 3);
	assert_int_equal(p2->response_within, 3);
	assert_int_equal(p2->resolution_n, 3);
	assert_int_equal(p2->resolution_within, 1);
	assert_int_equal(p2->resolution_pct, 33300000);
	assert_int_equal(p2->met, 0);
	/* MTTR in business time: (12 h + 2 h + 27 h) / 3 = 13 h 40 m. */
	assert_int_equal(p2->mttr, 49200);
	assert_int_equal(p2->mttr_n, 3);
	assert_int_equal(p2->mttp, -1);
	assert_int_equal(p2i->tickets, 2);
	assert_int_equal(p2i->resolution_within, 1);
	/* No complaint row for P1, a change row for P3 only. */
	assert_null(prio_row("P1", SK_TICKET_COMPLAINT));
	assert_non_null(prio_row("P3", SK_TICKET_CHANGE));
}

static void test_lists(void **state)
{
	const struct sk_result *x;

	(void)state;
	assert_int_equal(R->n_p1, 2);
	assert_string_equal(R->results->r[R->p1[0]].ticket.id, "T1");
	assert_string_equal(R->results->r[R->p1[1]].ticket.id, "T2");
	assert_int_equal(R->n_uplifts, 1);
	assert_string_equal(R->results->r[R->uplifts[0]].ticket.id, "T1");
	assert_int_equal(R->n_apart, 1);
	x = &R->results->r[R->apart[0]];
	assert_string_equal(x->ticket.id, "T2");
	assert_true(x->v.excluded);
	assert_true(x->v.flags & SK_FLAG_WRONG_CHANNEL);
	/* Breached clocks by ticket id: C1 19 h late, T3 4 h late. */
	assert_int_equal(R->n_breaches, 2);
	assert_string_equal(R->results->r[R->breaches[0].result].ticket.id, "C1");
	assert_int_equal(R->breaches[0].resolution, 1);
	assert_int_equal(R->breaches[0].late, 19 * 3600);
	assert_string_equal(R->results->r[R->breaches[1].result].ticket.id, "T3");
	assert_int_equal(R->breaches[1].late, 4 * 3600);
	assert_int_equal(R->results->r[R->breaches[1].result].v.resolution.deadline, T("2027-01-13 17:00"));
}

static void test_sources(void **state)
{
	(void)state;
	/* Imports 1-3 fed January; import 4 (March) did not, though it finished last. */
	assert_int_equal(R->n_imports, 3);
	assert_int_equal(R->imports[0].id, 1);
	assert_int_equal(R->imports[2].id, 3);
	assert_string_equal(R->imports[1].kind, "outages");
	assert_int_equal(R->generated_at, T("2027-02-02 09:30"));
	/* Due 5 werkdagen after 31 January: Mon 1 - Fri 5 February, at closing time. */
	assert_int_equal(R->due, T("2027-02-05 17:00"));
}

static void test_cases_and_trend(void **state)
{
	const struct sk_report_service *s;

	(void)state;
	assert_int_equal(R->n_services, 1);
	s = &R->services[0];
	assert_int_equal(s->window, 31 * 86400);
	assert_int_equal(s->down, 7200);
	assert_int_equal(s->outages, 1);
	assert_int_equal(s->availability, 99731183); /* 2671200 / 2678400 = 99.7311827... % */
	assert_int_equal(s->met, 1);
	assert_int_equal(R->changes.total, 1);
	assert_int_equal(R->changes.standard, 1);
	assert_int_equal(R->changes.solved, 1);
	assert_int_equal(R->changes.failed, 0);
	assert_int_equal(R->n_complaints, 1);
	assert_string_equal(R->complaints[0].id, "C1");
	assert_int_equal(R->complaints[0].business, 27 * 3600);
	assert_int_equal(R->complaints[0].limit, 18 * 3600);
	assert_int_equal(R->complaints[0].within, 0);
	assert_int_equal(R->handovers, 1);
	/* Escalations: the desk domain's staffel step, and the complaint. */
	assert_int_equal(R->n_escalations, 2);
	assert_int_equal(R->escalations[0].kind, 0);
	assert_int_equal(R->escalations[1].kind, 1);
	/* Six tickets reported in January; by count, then name (binary order). */
	assert_int_equal(R->reported, 6);
	assert_string_equal(R->locations[0].name, "SchoolA");
	assert_int_equal(R->locations[0].n, 3);
	assert_string_equal(R->locations[2].name, "");
	assert_string_equal(R->categories[0].name, "Netwerk");
	assert_int_equal(R->categories[0].n, 4);
	assert_string_equal(R->categories[1].name, "");
	assert_int_equal(R->n_recurring, 2);
	assert_string_equal(R->recurring[0].name, "Netwerk");
	assert_int_equal(R->recurring[0].n, 3);
	assert_int_equal(R->n_months, 1);
	assert_int_equal(R->months[0].reported, 6);
	assert_int_equal(R->months[0].breached, 2);
}

static void test_score(void **state)
{
	const struct sk_domain_score *ds = &R->score->domains[0];

	(void)state;
	/*
	 * Resolution, % of norm per priority against the priority's norm:
	 * P1 1/1 = 100 / 98 -> capped 100.0; P2 1/3 = 33.3 / 90 -> 37.0;
	 * P3 (CH1) 1/1 -> capped 100.0; by count (100 + 3 x 37.0 + 100) / 5 = 62.2.
	 * Training 1 of 2 = 50.0. Score 62.2 x 0.6 + 50.0 x 0.4 = 57.32: 2 %, escalate.
	 */
	assert_string_equal(ds->domain->id, "desk");
	assert_int_equal(ds->kpis[0].pct, 62200000);
	assert_int_equal(ds->kpis[1].pct, SK_DEC(50));
	assert_int_equal(ds->score, 57320000);
	assert_int_equal(ds->malus, SK_DEC(2));
	assert_true(ds->escalation);
}

/* The text of the report in @lang, in a malloc'd buffer. */
static char *text(const char *lang, enum sk_report_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct sk_diag d;

	assert_non_null(fp);
	assert_int_equal(sk_report_write(R, fmt, lang, fp, &d), SK_OK);
	fclose(fp);
	return buf;
}

static void test_text(void **state)
{
	char *nl = text(NULL, SK_REPORT_TEXT), *again = text("nl", SK_REPORT_TEXT);
	char *en = text("en", SK_REPORT_TEXT);
	const char *line = nl;

	(void)state;
	assert_string_equal(nl, again); /* the contract says nl; the same bytes twice */
	assert_non_null(strstr(nl, "Servicelevelrapportage 2027-01 (januari 2027)"));
	assert_non_null(strstr(nl, "1/3 33,3 %"));
	assert_non_null(strstr(nl, "SLR uiterlijk     2027-02-05 17:00"));
	/* The data's horizon (the latest time in it: T9 in March), then the latest import. */
	assert_non_null(strstr(nl, "Stand gegevens    2027-03-01 12:00 (horizon"));
	assert_non_null(strstr(nl, "Laatste import    2027-02-02 09:30"));
	assert_non_null(strstr(nl, "niet via het vereiste kanaal gemeld (kanaal: portal)"));
	/*
	 * The domain's result against the staffel (95 0 / 90 0.5 / 0 2 escalate):
	 * 57,32 is below 90,00, the lowest step's upper bound, so 2 % and escalation;
	 * the staffel under it marks that step. The norms of resolution are per
	 * priority (P1 98, P2 and P3 90), never one "norm 100 %".
	 */
	assert_non_null(strstr(nl, "Domeinscore: 57,32 < 90,00 → 2 % malus en escalatie\n"));
	assert_non_null(strstr(nl, "    ≥ 90,00 en < 95,00       0,5 % malus\n"));
	assert_non_null(strstr(nl, "    < 90,00                  2 % malus en escalatie         ← toegepast\n"));
	assert_null(strstr(nl, "Staffel >="));
	assert_null(strstr(nl, "ESCALATIE"));
	assert_non_null(strstr(nl, "60,00 % per prioriteit    62,2 %"));
	assert_non_null(strstr(nl, "P1: 1 van 1 op tijd = 100,0 % (norm ≥ 98 %), % v. norm 100,0 %"));
	assert_non_null(strstr(nl, "P2: 1 van 3 op tijd = 33,3 % (norm ≥ 90 %), % v. norm 37,0 %"));
	assert_non_null(strstr(en, "Domain score: 57.32 < 90.00 → 2 % penalty and escalation\n"));
	assert_non_null(strstr(en, "P1: 1 of 1 in time = 100.0 % (norm ≥ 98 %), % of norm 100.0 %"));
	/* Targets with their comparison, business time said, the channel in words. */
	assert_non_null(strstr(nl, "T1             storing   2027-01-11 09:00 telefoon   0:10/≤ 0:15 op tijd"));
	assert_non_null(strstr(nl, "te laat (werktijd)\n  C1             P2   oplossing    ≤ 8:00"));
	assert_non_null(strstr(en, "late by (business hours)\n"));
	/* Listed apart: whether it counts, and why it is listed. */
	assert_non_null(strstr(nl, "T2             P1   nee        niet via het vereiste kanaal gemeld"));
	assert_null(strstr(nl, "march.csv"));
	assert_non_null(strstr(en, "Service level report 2027-01 (January 2027)"));
	assert_non_null(strstr(en, "1/3 33.3 %"));
	/* At most 100 columns (code points) a line. */
	while (*line) {
		const char *e = strchr(line, '\n');
		size_t cols = 0;

		for (const char *p = line; p < e; p++)
			cols += ((unsigned char)*p & 0xC0) != 0x80;
		assert_true(cols <= 100);
		line = e + 1;
	}
	free(nl);
	free(again);
	free(en);
}

static void test_csv(void **state)
{
	char *csv = text(NULL, SK_REPORT_CSV);

	(void)state;
	assert_memory_equal(csv, "section,key,field,value\n", 24);
	/* Ticket text that starts with = is quoted and prefixed, never a formula. */
	assert_non_null(strstr(csv, "uplift,T1,reason,\"'=cmd kan niet werken\"\n"));
	assert_non_null(strstr(csv, "priority,P2,resolution_pct,33.3\n"));
	assert_non_null(strstr(csv, "breach,T3/resolution,late_seconds,14400\n"));
	assert_non_null(strstr(csv, "service,mail,availability,99.731183\n"));
	free(csv);
}

static void test_save(void **state)
{
	char path[512], cmd[600];
	struct stat st;
	struct sk_diag d;
	mode_t mask = umask(022);
	FILE *fp;

	(void)state;
	snprintf(path, sizeof(path), "%s/slr.txt", DIR);
	assert_int_equal(sk_report_save(R, SK_REPORT_TEXT, "en", path, &d), SK_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644); /* the umask's mode, not mkstemp's 0600 */
	fp = fopen(path, "r");
	assert_non_null(fp);
	{
		char first[64];

		assert_non_null(fgets(first, sizeof(first), fp));
		assert_string_equal(first, "Service level report 2027-01 (January 2027)\n");
	}
	fclose(fp);
	/* No temporary file stays beside it. */
	snprintf(cmd, sizeof(cmd), "ls '%s' | grep -q tmp", DIR);
	assert_int_not_equal(system(cmd), 0);
	/* A directory that does not exist: an I/O error naming the file. */
	snprintf(path, sizeof(path), "%s/no/such/slr.txt", DIR);
	assert_int_equal(sk_report_save(R, SK_REPORT_TEXT, NULL, path, &d), SK_ERR_IO);
	assert_string_equal(d.file, path);
	/* A workbook needs a file, not a stream. */
	assert_int_equal(sk_report_write(R, SK_REPORT_XLSX, NULL, stdout, &d), SK_ERR_USAGE);
	umask(mask);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_priorities),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_cases_and_trend),
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_save),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
