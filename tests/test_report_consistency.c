/*
 * A figure the report shows in more than one place comes from one
 * computation, and says what it is (issue 14): availability in the outages
 * KPI and in the table of services, maintenance notice in the contract's
 * unit, services without outage data. The database is built row by row, so
 * every figure can be worked out by hand.
 *
 * The contract (written below): office Mon-Fri 08:00-17:00 with the Dutch
 * holidays (the default calendar); every service's window is 24x7.
 *  vpn     norm 99.7, notice 48h: maintenance Tue 2 Feb 2027 08:00-11:00,
 *          announced a week ahead but inside office hours, so it counts:
 *          10800 s of February's 2419200 down, 99.5536 %: not met.
 *  dienst  norm 100, notice 10 werkdagen, outside office hours:
 *          maintenance Mon 15 Feb 19:00-21:00 announced Fri 5 Feb 18:00,
 *          241 wall-clock hours but 6 werkdagen ahead: counts (7200 s);
 *          maintenance Sat 20 Feb 10:00-12:00 announced 4 Jan: left out.
 *  quiet   no outage reported: no data, in the KPI and in the table.
 *  assumed no outage reported, `no_outages_means = available`: 100 %.
 *
 * Tickets (P1 1h/4h by phone, P2 1h/8h, office hours):
 *  M1 P2 Mon 22 Feb 09:00, responded 09:10, resolved Wed 3 Mar 10:00: its
 *     breach counted in February, its resolution is March's: 8 + 4 x 9 +
 *     2 x 9 + 2 = 64 h = 230400 business seconds.
 *  M2 P2 Mon 8 Mar 09:00, responded 09:10, resolved 13:00: 4 h, met.
 *     March's P2 MTTR: (230400 + 14400) / 2 = 122400 s over 2 tickets.
 *  O1 P2 Mon 11 Jan 09:00, responded 09:10, never resolved: its clocks
 *     counted in January; still open at March's end.
 *  X1 P1 by portal Wed 31 Mar 16:00, open: excluded (wrong channel), in
 *     none of the P1 row's columns.
 *  X2 P1 by phone Wed 31 Mar 16:00, responded 16:10, open: its resolution
 *     clock is pending at March's end; open and pending.
 *  K1 P2 complaint Mon 15 Mar 09:00, resolved Thu 18 Mar 12:00: 8 + 9 + 9
 *     + 4 = 30 business hours, of which 18 paused (15 Mar 10:00 to 17 Mar
 *     10:00): 12 h, within its 2 werkdagen (18 h) in sla-compute, in the
 *     KPI, in the table, and not escalated.
 *
 * The latest time in the data is X2's response, 31 Mar 16:10: a report of
 * March ends after it and says so first. The contract starts 1 Jan 2027.
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

#include <sqlite3.h>

#include "slakit.h"

static struct sk_contract *C;
static struct sk_db *DB;
static char DIR[256];

static const char contract_text[] =
	"[contract]\n"
	"id = consistency\n"
	"name = Consistency\n"
	"language = en\n"
	"timezone = Europe/Amsterdam\n"
	"calendar = office\n"
	"start = 2027-01-01\n"
	"\n"
	"[calendar.office]\n"
	"mon-fri = 08:00-17:00\n"
	"holidays = nl\n"
	"\n"
	"[calendar.always]\n"
	"24x7 = yes\n"
	"\n"
	"[priority.P1]\n"
	"response = 1h\n"
	"resolution = 4h\n"
	"channel = phone\n"
	"\n"
	"[priority.P2]\n"
	"response = 1h\n"
	"resolution = 8h\n"
	"resolution.complaint = 2d\n"
	"\n"
	"[service.vpn]\n"
	"norm = 99.7\n"
	"calendar = always\n"
	"notice = 48h\n"
	"\n"
	"[service.dienst]\n"
	"norm = 100\n"
	"calendar = always\n"
	"notice = 10 werkdagen\n"
	"\n"
	"[service.quiet]\n"
	"norm = 99\n"
	"calendar = always\n"
	"\n"
	"[service.assumed]\n"
	"norm = 99\n"
	"calendar = always\n"
	"no_outages_means = available\n"
	"\n"
	"[domain.avail]\n"
	"name = Beschikbaarheid\n"
	"scored = no\n"
	"\n"
	"[kpi.avail.vpn]\n"
	"source = outages:vpn\n"
	"norm = 99.7\n"
	"\n"
	"[kpi.avail.dienst]\n"
	"source = outages:dienst\n"
	"norm = 100\n"
	"\n"
	"[kpi.avail.quiet]\n"
	"source = outages:quiet\n"
	"norm = 99\n"
	"\n"
	"[kpi.avail.assumed]\n"
	"source = outages:assumed\n"
	"norm = 99\n"
	"\n"
	"[domain.klachten]\n"
	"name = Klachten\n"
	"scored = no\n"
	"\n"
	"[kpi.klachten.opgelost]\n"
	"source = tickets:complaint within=2d\n"
	"norm = 100\n"
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

static void add_import(int id, const char *file, const char *kind, sk_time finished)
{
	sql("INSERT INTO imports (id, file, sha256, bytes, kind, profile, contract_sha256, time_zone,"
	    " encoding, delimiter, skip_bad, rows_read, rows_inserted, rows_updated, rows_unchanged,"
	    " rows_rejected, tickets_inserted, tickets_updated, tickets_unchanged, dst_gaps, dst_folds,"
	    " started_at, finished_at, tool_version) VALUES (%d, '%s', '%064d', 1, '%s', 'generic', '%s',"
	    " 'Europe/Amsterdam', 'utf-8', ',', 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, %lld, %lld, '0.1.0')",
	    id, file, id, kind, C->sha256, (long long)finished - 5, (long long)finished);
}

static void add_outage(const char *service, const char *start, const char *end, int planned,
		       const char *announced)
{
	char ann[32];

	snprintf(ann, sizeof(ann), announced ? "%lld" : "NULL",
		 (long long)(announced ? T(announced) : 0));
	sql("INSERT INTO outages (service, start_at, end_at, planned, announced_at, import_id)"
	    " VALUES ('%s', %lld, %lld, %d, %s, 2)", service, (long long)T(start), (long long)T(end),
	    planned, ann);
}

/* A ticket; times as local text, "" for none. */
static void add_ticket(const char *id, const char *prio, const char *channel, const char *reported,
		       const char *responded, const char *resolved)
{
	char resp[32], res[32];

	snprintf(resp, sizeof(resp), *responded ? "%lld" : "NULL",
		 (long long)(*responded ? T(responded) : 0));
	snprintf(res, sizeof(res), *resolved ? "%lld" : "NULL",
		 (long long)(*resolved ? T(resolved) : 0));
	sql("INSERT INTO tickets (id, type, priority, priority_level, priority_raw, reported_at,"
	    " responded_at, resolved_at, channel, import_id) VALUES ('%s', 'incident', '%s', %c, '%s',"
	    " %lld, %s, %s, '%s', 1)", id, prio, prio[1], prio, (long long)T(reported), resp, res,
	    channel);
}

static int setup(void **state)
{
	char path[1024];
	struct sk_diag d;
	FILE *fp;

	(void)state;
	snprintf(DIR, sizeof(DIR), "/tmp/test_report_consistency.XXXXXX");
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
	add_import(1, "tickets.csv", "tickets", T("2027-04-01 10:00"));
	add_import(2, "outages.csv", "outages", T("2027-04-01 11:00"));
	add_outage("vpn", "2027-02-02 08:00", "2027-02-02 11:00", 1, "2027-01-26 08:00");
	add_outage("dienst", "2027-02-15 19:00", "2027-02-15 21:00", 1, "2027-02-05 18:00");
	add_outage("dienst", "2027-02-20 10:00", "2027-02-20 12:00", 1, "2027-01-04 09:00");
	add_ticket("M1", "P2", "email", "2027-02-22 09:00", "2027-02-22 09:10", "2027-03-03 10:00");
	add_ticket("M2", "P2", "email", "2027-03-08 09:00", "2027-03-08 09:10", "2027-03-08 13:00");
	add_ticket("O1", "P2", "email", "2027-01-11 09:00", "2027-01-11 09:10", "");
	add_ticket("X1", "P1", "portal", "2027-03-31 16:00", "", "");
	add_ticket("X2", "P1", "phone", "2027-03-31 16:00", "2027-03-31 16:10", "");
	add_ticket("K1", "P2", "email", "2027-03-15 09:00", "2027-03-15 09:10", "2027-03-18 12:00");
	sql("UPDATE tickets SET type = 'complaint' WHERE id = 'K1'");
	sql("INSERT INTO pauses (ticket_id, start_at, end_at, import_id) VALUES ('K1', %lld, %lld, 1)",
	    (long long)T("2027-03-15 10:00"), (long long)T("2027-03-17 10:00"));
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

static const struct sk_kpi_score *kpi(const struct sk_report *r, const char *id)
{
	for (size_t i = 0; i < r->score->n_domains; i++)
		for (size_t k = 0; k < r->score->domains[i].n_kpis; k++)
			if (strcmp(r->score->domains[i].kpis[k].kpi->id, id) == 0)
				return &r->score->domains[i].kpis[k];
	fail();
	return NULL;
}

static const struct sk_report_service *service(const struct sk_report *r, const char *id)
{
	for (size_t i = 0; i < r->n_services; i++)
		if (strcmp(r->services[i].service->id, id) == 0)
			return &r->services[i];
	fail();
	return NULL;
}

static sk_dec dec(const char *s)
{
	sk_dec v;

	assert_int_equal(sk_dec_parse(s, &v, NULL), SK_OK);
	return v;
}

/* The KPI and the table: the same value and the same verdict. */
static void test_availability_one_figure(void **state)
{
	struct sk_report *r = gather("2027-02");
	const struct sk_report_service *vpn = service(r, "vpn"), *dienst = service(r, "dienst");
	const struct sk_kpi_score *kv = kpi(r, "vpn"), *kd = kpi(r, "dienst");

	(void)state;
	/* Announced in time, but in office hours: it counts. */
	assert_int_equal(vpn->has_value, 1);
	assert_int_equal(vpn->down, 10800);
	assert_int_equal(vpn->window, 2419200);
	assert_int_equal(vpn->outages, 1);
	assert_int_equal(vpn->planned, 0);
	assert_int_equal(vpn->availability, dec("99.553571"));
	assert_int_equal(vpn->met, 0);
	assert_int_equal(kv->has_value, 1);
	assert_int_equal(kv->measured, vpn->availability);
	assert_int_equal(kv->n_parts, 0);
	/* 10 werkdagen: six werkdagen ahead (241 wall-clock hours) is too late. */
	assert_int_equal(dienst->down, 7200);
	assert_int_equal(dienst->outages, 1);
	assert_int_equal(dienst->planned, 1);
	assert_int_equal(dienst->met, 0);
	assert_int_equal(kd->has_value, 1);
	assert_true(kd->measured < SK_DEC(100));
	sk_report_free(r);
}

/* No outage reported: no data, unless the contract says none reported means none occurred. */
static void test_availability_no_data(void **state)
{
	struct sk_report *r = gather("2027-02");
	const struct sk_report_service *q = service(r, "quiet"), *a = service(r, "assumed");
	const struct sk_kpi_score *kq = kpi(r, "quiet"), *ka = kpi(r, "assumed");
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	struct sk_diag d;

	(void)state;
	assert_int_equal(q->has_value, 0);
	assert_int_equal(q->no_data, 1);
	assert_int_equal(kq->has_value, 0);
	assert_int_equal(kq->origin, SK_ORIGIN_MISSING);
	assert_int_equal(a->has_value, 1);
	assert_int_equal(a->no_data, 0);
	assert_int_equal(a->assumed, 1);
	assert_int_equal(a->availability, SK_DEC(100));
	assert_int_equal(a->met, 1);
	assert_int_equal(ka->has_value, 1);
	assert_int_equal(ka->measured, SK_DEC(100));
	/* The text says so where the figure would be. */
	assert_non_null(fp);
	assert_int_equal(sk_report_write(r, SK_REPORT_TEXT, "en", fp, &d), SK_OK);
	fclose(fp);
	assert_non_null(strstr(buf, "quiet                           99 %       no data"));
	assert_non_null(strstr(buf, "\n  no data: no outage was reported"));
	assert_non_null(strstr(buf, "the service then counts as available\n"));
	free(buf);
	sk_report_free(r);
}

static const struct sk_report_prio *prio_row(const struct sk_report *r, const char *id, int type)
{
	for (size_t i = 0; i < r->n_prio; i++)
		if (strcmp(C->priorities[r->prio[i].priority].id, id) == 0 && r->prio[i].type == type)
			return &r->prio[i];
	fail();
	return NULL;
}

/* Means over the tickets resolved in the period, whatever period their verdict counted in. */
static void test_means_over_resolved(void **state)
{
	struct sk_report *r = gather("2027-03");
	const struct sk_report_prio *p2 = prio_row(r, "P2", SK_TICKET_INCIDENT);

	(void)state;
	/* M2 alone counts in March (M1's clocks counted in February, O1's in January). */
	assert_int_equal(p2->tickets, 1);
	assert_int_equal(p2->resolution_n, 1);
	assert_int_equal(p2->mttr_n, 2);
	assert_int_equal(p2->mttr, 122400);
	assert_int_equal(p2->mttr_wall, ((T("2027-03-03 10:00") - T("2027-02-22 09:00")) + 4 * 3600 + 1) / 2);
	sk_report_free(r);
	/* February: M1 is not resolved yet, so it is in no mean there. */
	r = gather("2027-02");
	p2 = prio_row(r, "P2", -1);
	assert_int_equal(p2->open, 2);
	assert_int_equal(p2->mttr_n, 0);
	assert_int_equal(p2->mttr, -1);
	sk_report_free(r);
}

/* "open" is the tickets still open at the period's end; an excluded ticket is in no column. */
static void test_open_at_end(void **state)
{
	struct sk_report *r = gather("2027-03");
	const struct sk_report_prio *p1 = prio_row(r, "P1", -1), *p2 = prio_row(r, "P2", -1);

	(void)state;
	/* O1, reported in January, is still open; M1 and M2 were resolved. */
	assert_int_equal(p2->open, 1);
	assert_int_equal(p2->pending, 0);
	/* X1 (wrong channel) is excluded: only X2 is counted, open and pending. */
	assert_int_equal(p1->tickets, 1);
	assert_int_equal(p1->open, 1);
	assert_int_equal(p1->pending, 1);
	sk_report_free(r);
}

/* A complaint's time: one computation, pauses left out, everywhere it is shown. */
static void test_complaint_one_time(void **state)
{
	struct sk_report *r = gather("2027-03");
	const struct sk_kpi_score *ks = kpi(r, "opgelost");
	const struct sk_result *x = NULL;

	(void)state;
	for (size_t i = 0; i < r->results->n; i++)
		if (strcmp(r->results->r[i].ticket.id, "K1") == 0)
			x = &r->results->r[i];
	assert_non_null(x);
	/* sla-compute's verdict. */
	assert_int_equal(x->v.resolution.state, SK_CLOCK_MET);
	assert_int_equal(x->v.resolution.elapsed, 12 * 3600);
	/* The report's table and its escalations. */
	assert_int_equal(r->n_complaints, 1);
	assert_int_equal(r->complaints[0].business, 12 * 3600);
	assert_int_equal(r->complaints[0].paused, 18 * 3600);
	assert_int_equal(r->complaints[0].solved_at, T("2027-03-18 12:00"));
	assert_int_equal(r->complaints[0].within, 1);
	for (size_t i = 0; i < r->n_escalations; i++)
		assert_int_not_equal(r->escalations[i].kind, 1);
	/* The tickets:complaint KPI. */
	assert_int_equal(ks->n, 1);
	assert_int_equal(ks->within, 1);
	sk_report_free(r);
}

/* The text of report @r in English. */
static char *text_of(const struct sk_report *r)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	struct sk_diag d;

	assert_non_null(fp);
	assert_int_equal(sk_report_write(r, SK_REPORT_TEXT, "en", fp, &d), SK_OK);
	fclose(fp);
	return buf;
}

/* 1 when imports has a horizon column (a later schema adds it). */
static int has_horizon_column(void)
{
	sqlite3_stmt *st = NULL;
	int found;

	assert_int_equal(sk_db_prepare(DB, "SELECT 1 FROM pragma_table_info('imports')"
				       " WHERE name = 'horizon'", &st, NULL), SK_OK);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* "Data as of" is the data's horizon; a period ending after it says so first. */
static void test_horizon(void **state)
{
	struct sk_report *r;
	char *text;

	(void)state;
	if (has_horizon_column())
		sql("UPDATE imports SET horizon = NULL");
	r = gather("2027-03");
	/* No import names one: the latest time in the data. */
	assert_int_equal(r->horizon_source, 2);
	assert_int_equal(r->horizon, T("2027-03-31 16:10"));
	assert_int_equal(r->beyond_horizon, 1);
	text = text_of(r);
	/* In the first lines: title, contract name, its underline, the warning. */
	assert_non_null(strstr(text, "===\nNOTE: the period runs to 2027-04-01 00:00, the data to"
				     " 2027-03-31 16:10;"));
	assert_non_null(strstr(text, "\nData as of        2027-03-31 16:10 (horizon: the latest time in"
				     " the data)\n"));
	assert_non_null(strstr(text, "\nContract from     2027-01-01\n"));
	free(text);
	sk_report_free(r);
	r = gather("2027-02");
	assert_int_equal(r->beyond_horizon, 0);
	text = text_of(r);
	assert_null(strstr(text, "NOTE:"));
	free(text);
	sk_report_free(r);
	/* The imports' own horizon, when they name one. */
	if (!has_horizon_column())
		sql("ALTER TABLE imports ADD COLUMN horizon INTEGER");
	sql("UPDATE imports SET horizon = %lld WHERE id = 1", (long long)T("2027-04-01 09:00"));
	r = gather("2027-03");
	assert_int_equal(r->horizon_source, 1);
	assert_int_equal(r->horizon, T("2027-04-01 09:00"));
	assert_int_equal(r->beyond_horizon, 0);
	sk_report_free(r);
	sql("UPDATE imports SET horizon = NULL");
}

/* [contract] start: stated in the header; a period ending before it is refused. */
static void test_contract_start(void **state)
{
	struct sk_report *r = NULL;
	struct sk_period p;
	struct sk_diag d;

	(void)state;
	assert_int_equal(sk_period_parse("2026-12", C->tz, &p, &d), SK_OK);
	assert_int_equal(sk_report_gather(DB, C, &p, NULL, &r, &d), SK_ERR_USAGE);
	assert_null(r);
	assert_non_null(strstr(d.msg, "period 2026-12 ends before the contract starts (2027-01-01"));
	/* The year 2026 is refused too; the contract's first quarter is reported. */
	assert_int_equal(sk_period_parse("2026", C->tz, &p, &d), SK_OK);
	assert_int_equal(sk_report_gather(DB, C, &p, NULL, &r, &d), SK_ERR_USAGE);
	r = gather("2027-Q1");
	sk_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_availability_one_figure),
		cmocka_unit_test(test_availability_no_data),
		cmocka_unit_test(test_means_over_resolved),
		cmocka_unit_test(test_open_at_end),
		cmocka_unit_test(test_complaint_one_time),
		cmocka_unit_test(test_horizon),
		cmocka_unit_test(test_contract_start),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
