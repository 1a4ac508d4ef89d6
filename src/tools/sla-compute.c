/* sla-compute: per-ticket SLA verdicts for a period, or one ticket's derivation. */
#include <stdio.h>
#include <string.h>

#include "tool.h"
#include "slakit/datetime.h"
#include "slakit/db.h"
#include "slakit/period.h"
#include "slakit/results.h"

enum { OPT_FORMAT = 256, OPT_ONLY_BREACHED, OPT_EXPLAIN, OPT_NO_STORE, OPT_ALLOW_EMPTY, OPT_AT_RISK, OPT_AT };

static const struct tool_opt opts[] = {
	{ 'd', "db", "DB", "the slakit database (made by sla-import)" },
	{ 'c', "contract", "CONTRACT", "contract file (see slakit-contract(5))" },
	{ 'p', "period", "PERIOD", "2027-01 (month), 2027-Q1, 2027-H1 or 2027" },
	{ OPT_FORMAT, "format", "FMT", "text (default), csv or json" },
	{ OPT_ONLY_BREACHED, "only-breached", NULL, "list only tickets with a breached clock in the period" },
	{ OPT_EXPLAIN, "explain", "TICKET_ID", "derive one ticket's verdict step by step" },
	{ OPT_NO_STORE, "no-store", NULL, "do not store the results in the database" },
	{ OPT_ALLOW_EMPTY, "allow-empty", NULL, "a period without any ticket is not an error" },
	{ OPT_AT_RISK, "at-risk", NULL, "list the running clocks that are overdue or have used "
	  "the contract's at_risk_share of their target" },
	{ OPT_AT, "at", "TIME", "with --at-risk: judge the clocks at TIME (local, or with an "
	  "offset); default: the data's horizon" },
	{ 0, NULL, NULL, NULL }
};

static const struct tool tool = {
	"sla-compute",
	"sla-compute -d DB -c CONTRACT -p PERIOD [--format text|csv|json] [--only-breached]\n"
	"            [--no-store] [--allow-empty]\n"
	"sla-compute -d DB -c CONTRACT --explain TICKET_ID [-p PERIOD]\n"
	"sla-compute -d DB -c CONTRACT --at-risk [--at TIME] [--format text|csv|json]",
	"Compute per-ticket response and resolution verdicts on the contract's calendars.",
	"The results of a period are stored in the database (view ticket_results_v: one row\n"
	"per ticket, period and contract SHA-256) unless --no-store is given, and only after\n"
	"the output was written: a run that fails leaves the stored one as it was. A period\n"
	"without any ticket is missing data (exit 3) unless --allow-empty. --explain\n"
	"evaluates at the end of PERIOD when given, else at the latest instant in the database.\n"
	"--at-risk lists the clocks still running at TIME that are already over their target\n"
	"(overdue, first) or have used at least the contract's at_risk_share (default 75 %)\n"
	"of it, the least time left first; it stores nothing, and writes nothing (text, CSV)\n"
	"when none is overdue or at risk.\n"
	"Exit status: 0 ok, 1 bad data, 2 usage, 3 missing data, 4 system.\n",
	opts
};

struct args {
	const char *db, *contract, *period, *explain, *at;
	enum sk_format format;
	int only_breached, no_store, allow_empty, at_risk;
};

static int on_opt(int key, const char *arg, void *ctx)
{
	struct args *a = ctx;

	switch (key) {
	case 'd': a->db = arg; break;
	case 'c': a->contract = arg; break;
	case 'p': a->period = arg; break;
	case OPT_EXPLAIN: a->explain = arg; break;
	case OPT_ONLY_BREACHED: a->only_breached = 1; break;
	case OPT_NO_STORE: a->no_store = 1; break;
	case OPT_ALLOW_EMPTY: a->allow_empty = 1; break;
	case OPT_AT_RISK: a->at_risk = 1; break;
	case OPT_AT: a->at = arg; break;
	case OPT_FORMAT:
		return tool_opt_format(&tool, arg, &a->format);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct args a = { 0 };
	struct sk_contract *c = NULL;
	struct sk_db *db = NULL;
	struct sk_results *r = NULL;
	struct sk_period p;
	struct sk_diag d;
	sk_time at = 0;
	enum sk_err err;
	int first, rc;

	rc = tool_parse(&tool, argc, argv, on_opt, &a, &first);
	if (rc >= 0)
		return rc;
	if (first < argc)
		return tool_misuse(&tool, "unexpected argument '%s'", argv[first]);
	if (!a.db)
		return tool_missing(&tool, "-d/--db");
	if (!a.contract)
		return tool_missing(&tool, "-c/--contract");
	if (a.at && !a.at_risk)
		return tool_misuse(&tool, "--at goes with --at-risk");
	if (a.at_risk && (a.period || a.explain || a.only_breached || a.no_store || a.allow_empty))
		return tool_misuse(&tool, "--at-risk takes no -p/--period, --explain, --only-breached, "
				   "--no-store or --allow-empty (it judges the clocks at --at TIME "
				   "and stores nothing)");
	if (!a.period && !a.explain && !a.at_risk)
		return tool_missing(&tool, "-p/--period (or --explain TICKET_ID, or --at-risk)");
	sk_diag_clear(&d);
	if ((err = sk_contract_load(a.contract, &c, &d)) != SK_OK)
		goto fail;
	if (a.period && (rc = tool_period(&tool, a.period, c->tz, &p)))
		goto out;
	if (a.at && (err = sk_time_parse(a.at, c->tz, &at, NULL, &d)) != SK_OK) {
		rc = tool_misuse(&tool, "--at: %s", d.msg);
		goto out;
	}
	if ((rc = tool_db_open(&tool, a.db, a.explain || a.no_store || a.at_risk ? SK_DB_READONLY
			       : 0, &db)))
		goto out;
	if ((err = sk_db_check_contract(db, c->id, &d)) != SK_OK)
		goto fail;
	if (a.at_risk) {
		if ((err = sk_results_at_risk(db, c, at, &r, &d)) != SK_OK)
			goto fail;
		/* Past the data's horizon nothing is known: said, not assumed quietly. */
		if (r->horizon && r->as_of > r->horizon) {
			char h[32];

			tool_error(&tool, "warning: --at lies after the data's horizon (%s): the "
				   "clocks are taken to have run on since",
				   sk_time_format_local(r->horizon, c->tz, h, sizeof(h)));
		}
		if ((err = sk_results_write_at_risk(r, a.format, stdout)) == SK_ERR_NOMEM)
			goto fail;
	} else if (a.explain) {
		if ((err = sk_results_explain(db, c, a.explain, a.period ? p.end : 0, stdout, &d)) != SK_OK)
			goto fail;
	} else {
		if ((err = sk_results_compute(db, c, &p, &r, &d)) != SK_OK)
			goto fail;
		if (r->n == 0 && !a.allow_empty) {
			tool_error(&tool, "no tickets in period %s: nothing to compute (give "
				   "--allow-empty if that is expected)", p.label);
			rc = EXIT_MISSING;
			goto out;
		}
		/* An I/O error is told below; without memory nothing was written. */
		if ((err = sk_results_write(r, a.format, a.only_breached, stdout)) == SK_ERR_NOMEM)
			goto fail;
		/* Stored only once the output is out, so a failed write keeps the old run. */
		if (fflush(stdout) != 0 || ferror(stdout)) {
			tool_error(&tool, "cannot write to standard output; the stored results are "
				   "left as they were");
			rc = EXIT_SYSTEM;
			goto out;
		}
		if (!a.no_store && (err = sk_results_store(db, r, &d)) != SK_OK) {
			rc = tool_fail(&tool, err, &d);
			tool_error(&tool, "the results above were not stored; the stored run of %s "
				   "is left as it was", p.label);
			goto out;
		}
		sk_results_note_orphans(db, tool.name, stderr, NULL); /* a note: never fails the run */
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		tool_error(&tool, "cannot write to standard output");
		rc = EXIT_SYSTEM;
		goto out;
	}
	rc = EXIT_OK;
	goto out;
fail:
	rc = tool_fail(&tool, err, &d);
out:
	sk_results_free(r);
	sk_db_close(db);
	sk_contract_free(c);
	return rc;
}
