/* sla-report: the monthly or quarterly service level report as XLSX, text, CSV or JSON. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tool.h"
#include "slakit/report.h"

enum { OPT_LANG = 256, OPT_FORMAT, OPT_INVOICE, OPT_KPI, OPT_ALLOW_MISSING, OPT_ALLOW_EMPTY,
       OPT_STRICT };

static const struct tool_opt opts[] = {
	{ 'd', "db", "DB", "the slakit database (made by sla-import)" },
	{ 'c', "contract", "CONTRACT", "contract file (see slakit-contract(5))" },
	{ 'p', "period", "PERIOD", "2027-01 (monthly SLR) or 2027-Q1 (quarterly SLR)" },
	{ 'o', "output", "FILE", "where to write the report; - for standard output" },
	{ OPT_LANG, "lang", "LANG", "nl or en (default: the contract's language)" },
	{ OPT_FORMAT, "format", "FMT", "xlsx, text, csv or json (default: from FILE's extension)" },
	{ OPT_INVOICE, "invoice", "FILE", "quarterly amounts: CSV period,domain,amount" },
	{ OPT_KPI, "kpi", "ID=VALUE", "use VALUE as the KPI's measured value (repeatable)" },
	{ OPT_ALLOW_MISSING, "allow-missing", "HOW", "a KPI without data counts as zero, or skip it" },
	{ OPT_ALLOW_EMPTY, "allow-empty", NULL, "report a period without any ticket" },
	{ OPT_STRICT, "strict", NULL, "fail (exit 5, nothing written) on a warning" },
	{ 0, NULL, NULL, NULL }
};

static const struct tool tool = {
	"sla-report",
	"sla-report -d DB -c CONTRACT -p PERIOD -o FILE [--lang nl|en] [--format xlsx|text|csv|json]\n"
	"           [--invoice FILE] [--kpi ID=VALUE]... [--allow-missing zero|skip] [--allow-empty]\n"
	"           [--strict]",
	"Write the service level report of a month or a quarter: XLSX, text, CSV or JSON.",
	"The format follows FILE's extension (.xlsx, .txt, .csv, .json) unless --format is given;\n"
	"-o - writes text (or CSV or JSON) to standard output. A KPI without data does not stop\n"
	"the report: it is shown as missing and its domain is not scored, unless --allow-missing\n"
	"says otherwise. A period without any ticket is missing data (exit 3) unless --allow-empty.\n"
	"A warning on stderr names the KPIs without a value and says when the data are older than\n"
	"the period's end; --strict makes either a failure (exit 5) and writes nothing.\n"
	"Exit status: 0 ok (also with KPIs missing), 1 bad data, 2 usage, 3 missing data, 4 system,\n"
	"5 a warning under --strict.\n",
	opts
};

struct args {
	const char *db, *contract, *period, *output, *lang, *invoice;
	int format, allow_empty, strict;
	enum sk_missing_rule missing;
	struct tool_given given;
};

static int on_opt(int key, const char *arg, void *ctx)
{
	struct args *a = ctx;
	switch (key) {
	case 'd': a->db = arg; break;
	case 'c': a->contract = arg; break;
	case 'p': a->period = arg; break;
	case 'o': a->output = arg; break;
	case OPT_INVOICE: a->invoice = arg; break;
	case OPT_ALLOW_EMPTY: a->allow_empty = 1; break;
	case OPT_STRICT: a->strict = 1; break;
	case OPT_LANG:
		return tool_opt_lang(&tool, arg, &a->lang);
	case OPT_FORMAT:
		if ((a->format = sk_report_format_parse(arg)) < 0)
			return tool_misuse(&tool, "unknown format '%s' (xlsx, text, csv or json)", arg);
		break;
	case OPT_ALLOW_MISSING:
		return tool_opt_missing(&tool, arg, &a->missing);
	case OPT_KPI:
		return tool_opt_kpi(&tool, arg, &a->given);
	}
	return 0;
}

/*
 * The temporary files the save may leave beside the output ("FILE.tmpPID.N",
 * see sk_report_save()) are removed when a signal ends the run: the handler
 * only builds names in a buffer filled beforehand and calls unlink(), both
 * safe in a signal handler, then dies of the signal as it would have.
 */
static char temp_name[4096];
static size_t temp_len; /* length of "FILE.tmpPID."; 0: nothing to remove */

static void on_signal(int sig)
{
	for (unsigned i = 0; i < 100 && temp_len; i++) {
		size_t n = temp_len;

		if (i >= 10)
			temp_name[n++] = (char)('0' + i / 10);
		temp_name[n++] = (char)('0' + i % 10);
		temp_name[n] = '\0';
		unlink(temp_name);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void guard_temps(const char *path)
{
	int n = snprintf(temp_name, sizeof(temp_name), "%s.tmp%ld.", path, (long)getpid());
	const int sigs[] = { SIGTERM, SIGINT, SIGHUP };

	if (n < 0 || (size_t)n + 3 > sizeof(temp_name))
		return;
	temp_len = (size_t)n;
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction sa, old;

		/* A signal the caller ignores (nohup, a background job) stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (size_t j = 0; j < sizeof(sigs) / sizeof(sigs[0]); j++)
			sigaddset(&sa.sa_mask, sigs[j]);
		sigaction(sigs[i], &sa, NULL);
	}
}

/* The format asked for: --format, else the extension, else text. */
static int pick_format(struct args *a)
{
	int ext = sk_report_format_for_path(a->output);

	if (a->format >= 0)
		return 0;
	if (strcmp(a->output, "-") == 0) {
		a->format = SK_REPORT_TEXT;
		return 0;
	}
	if (ext < 0)
		return tool_misuse(&tool, "cannot tell the format from '%s': give --format or an "
				   "extension .xlsx, .txt, .csv or .json", a->output);
	a->format = ext;
	return 0;
}

int main(int argc, char **argv)
{
	struct args a;
	struct sk_contract *c = NULL;
	struct sk_db *db = NULL;
	struct sk_report *r = NULL;
	struct sk_invoice *inv = NULL;
	size_t n_inv = 0;
	struct sk_period p;
	struct sk_diag d;
	enum sk_err err;
	int first, rc;

	memset(&a, 0, sizeof(a));
	a.format = -1;
	rc = tool_parse(&tool, argc, argv, on_opt, &a, &first);
	if (rc >= 0)
		goto out;
	if (first < argc) {
		rc = tool_misuse(&tool, "unexpected argument '%s'", argv[first]);
		goto out;
	}
	{
		const char *missing = !a.db ? "-d/--db" : !a.contract ? "-c/--contract"
				      : !a.period ? "-p/--period" : !a.output ? "-o/--output (FILE, or - )"
				      : NULL;

		if (missing) {
			rc = tool_missing(&tool, missing);
			goto out;
		}
	}
	if ((rc = pick_format(&a)))
		goto out;
	if (a.format == SK_REPORT_XLSX && strcmp(a.output, "-") == 0) {
		rc = tool_misuse(&tool, "an XLSX workbook cannot go to standard output: give -o FILE.xlsx");
		goto out;
	}
	sk_diag_clear(&d);
	if ((err = sk_contract_load(a.contract, &c, &d)) != SK_OK)
		goto fail;
	if ((rc = tool_period(&tool, a.period, c->tz, &p)))
		goto out;
	if (a.invoice && (err = sk_invoices_read(a.invoice, &inv, &n_inv, &d)) != SK_OK)
		goto fail;
	if ((rc = tool_db_open(&tool, a.db, SK_DB_READONLY, &db)))
		goto out;
	if ((err = sk_db_check_contract(db, c->id, &d)) != SK_OK)
		goto fail;
	{
		struct sk_report_options o = { a.missing, a.given.v, a.given.n, inv, n_inv, a.invoice };
		enum sk_report_format fmt = (enum sk_report_format)a.format;
		int to_stdout = strcmp(a.output, "-") == 0;

		/*
		 * Gathered whole before anything is written, so a period without a
		 * single ticket is refused with the old report left in place.
		 */
		if ((err = sk_report_gather(db, c, &p, &o, &r, &d)) != SK_OK) {
			if (err == SK_ERR_USAGE && d.err == err) {
				rc = tool_misuse(&tool, "%s", d.msg);
				goto out;
			}
			goto fail;
		}
		if ((!r->results || r->results->n == 0) && !a.allow_empty) {
			tool_error(&tool, "no tickets in period %s: nothing to report (give "
				   "--allow-empty for a report that says so)", p.label);
			rc = EXIT_MISSING;
			goto out;
		}
		{
			/* Said whether or not --strict: the report shows both too. */
			int warned = tool_warn_missing(&tool, r->score);

			warned += r->beyond_horizon && tool_warn_horizon(&tool, r->horizon, &p, c->tz);
			if (warned && a.strict) {
				rc = tool_strict_fail(&tool, warned);
				goto out;
			}
		}
		if (to_stdout) {
			if ((err = sk_report_write(r, fmt, a.lang, stdout, &d)) != SK_OK)
				goto fail;
			if (fflush(stdout) != 0 || ferror(stdout)) {
				tool_error(&tool, "cannot write to standard output");
				rc = EXIT_SYSTEM;
				goto out;
			}
		} else {
			guard_temps(a.output);
			if ((err = sk_report_save(r, fmt, a.lang, a.output, &d)) != SK_OK)
				goto fail;
		}
	}
	rc = EXIT_OK;
	goto out;
fail:
	rc = tool_fail(&tool, err, &d);
out:
	tool_given_release(&a.given);
	free(inv);
	sk_report_free(r);
	sk_db_close(db);
	sk_contract_free(c);
	return rc;
}
