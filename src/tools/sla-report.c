/* sla-report: the monthly or quarterly service level report as XLSX, text, CSV or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"
#include "slakit/report.h"

enum { OPT_LANG = 256, OPT_FORMAT, OPT_INVOICE, OPT_KPI, OPT_ALLOW_MISSING };


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
	{ 0, NULL, NULL, NULL }
};

static const struct tool tool = {
	"sla-report",
	"sla-report -d DB -c CONTRACT -p PERIOD -o FILE [--lang nl|en] [--format xlsx|text|csv|json]\n"
	"           [--invoice FILE] [--kpi ID=VALUE]... [--allow-missing zero|skip]",
	"Write the service level report of a month or a quarter: XLSX, text, CSV or JSON.",
	"The format follows FILE's extension (.xlsx, .txt, .csv, .json) unless --format is given;\n"
	"-o - writes text (or CSV or JSON) to standard output. A KPI without data does not stop\n"
	"the report: it is shown as missing and its domain is not scored, unless --allow-missing\n"
	"says otherwise. Exit status: 0 ok (also with KPIs missing), 1 bad data, 2 usage, 4 system.\n",
	opts
};

struct args {
	const char *db, *contract, *period, *output, *lang, *invoice;
	int format;
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
	if (!a.db || !a.contract || !a.period || !a.output) {
		rc = tool_misuse(&tool, "a database (-d), a contract (-c), a period (-p) and an output "
				 "(-o FILE or -o -) are needed");
		goto out;
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
	if (sk_period_parse(a.period, c->tz, &p, &d) != SK_OK) {
		rc = tool_misuse(&tool, "%s", d.msg);
		goto out;
	}
	if (a.invoice && (err = sk_invoices_read(a.invoice, &inv, &n_inv, &d)) != SK_OK)
		goto fail;
	if ((err = sk_db_open(a.db, SK_DB_READONLY, &db, &d)) != SK_OK)
		goto fail;
	{
		struct sk_report_options o = { a.missing, a.given.v, a.given.n, inv, n_inv, a.invoice };
		enum sk_report_format fmt = (enum sk_report_format)a.format;
		int to_stdout = strcmp(a.output, "-") == 0;

		if ((err = to_stdout ? sk_report_gather(db, c, &p, &o, &r, &d)
				     : sk_report_make(db, c, &p, &o, fmt, a.lang, a.output, &r, &d)) != SK_OK) {
			if (err == SK_ERR_USAGE && d.err == err) {
				rc = tool_misuse(&tool, "%s", d.msg);
				goto out;
			}
			goto fail;
		}
		if (to_stdout) {
			if ((err = sk_report_write(r, fmt, a.lang, stdout, &d)) != SK_OK)
				goto fail;
			if (fflush(stdout) != 0 || ferror(stdout)) {
				tool_error(&tool, "cannot write to standard output");
				rc = EXIT_SYSTEM;
				goto out;
			}
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
