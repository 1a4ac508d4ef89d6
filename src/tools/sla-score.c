/* sla-score: KPI values, weighted domain scores, the malus staffel and the malus in euros. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"
#include "slakit/db.h"
#include "slakit/score.h"

enum { OPT_FORMAT = 256, OPT_INVOICE, OPT_DOMAIN, OPT_KPI, OPT_ALLOW_MISSING, OPT_LANG, OPT_STRICT };

#define MAX_ARGS 64

static const struct tool_opt opts[] = {
	{ 'd', "db", "DB", "the slakit database (not needed when every KPI is given)" },
	{ 'c', "contract", "CONTRACT", "contract file (see slakit-contract(5))" },
	{ 'p', "period", "PERIOD", "2027-01, 2027-Q1, 2027-H1 or 2027" },
	{ OPT_FORMAT, "format", "FMT", "text (default), csv or json" },
	{ OPT_INVOICE, "invoice", "FILE", "quarterly amounts: CSV period,domain,amount" },
	{ OPT_DOMAIN, "domain", "ID", "only this domain (repeatable)" },
	{ OPT_KPI, "kpi", "ID=VALUE", "use VALUE as the KPI's measured value (repeatable)" },
	{ OPT_ALLOW_MISSING, "allow-missing", "HOW", "a KPI without data counts as zero, or skip it" },
	{ OPT_LANG, "lang", "LANG", "nl or en for the text format (default: the contract's)" },
	{ OPT_STRICT, "strict", NULL, "fail (exit 5, nothing written) on a warning" },
	{ 0, NULL, NULL, NULL }
};

static const struct tool tool = {
	"sla-score",
	"sla-score [-d DB] -c CONTRACT -p PERIOD [--format text|csv|json] [--invoice FILE]\n"
	"          [--domain ID]... [--kpi ID=VALUE]... [--allow-missing zero|skip] [--lang LANG]\n"
	"          [--strict]",
	"KPI values, % of norm, weighted domain scores, the malus staffel and the malus in euros.",
	"A KPI without data is never taken as 0 % or 100 %: the domain is marked incomplete,\n"
	"the missing KPIs are named on stderr and the exit status is 3, unless --allow-missing\n"
	"says how to treat them. A warning on stderr names the KPIs without a value (also under\n"
	"--allow-missing) and says when the data are older than the period's end; --strict makes\n"
	"either a failure (exit 5) and writes nothing.\n"
	"Exit status: 0 ok, 1 bad data, 2 usage, 3 missing data, 4 system, 5 a warning under --strict.\n",
	opts
};

struct args {
	const char *db, *contract, *period, *invoice, *lang;
	enum sk_format format;
	int strict;
	enum sk_missing_rule missing;
	const char *domains[MAX_ARGS];
	size_t n_domains;
	struct tool_given given;
};

static int on_opt(int key, const char *arg, void *ctx)
{
	struct args *a = ctx;
	switch (key) {
	case 'd': a->db = arg; break;
	case 'c': a->contract = arg; break;
	case 'p': a->period = arg; break;
	case OPT_INVOICE: a->invoice = arg; break;
	case OPT_STRICT: a->strict = 1; break;
	case OPT_LANG:
		return tool_opt_lang(&tool, arg, &a->lang);
	case OPT_FORMAT:
		return tool_opt_format(&tool, arg, &a->format);
	case OPT_ALLOW_MISSING:
		return tool_opt_missing(&tool, arg, &a->missing);
	case OPT_DOMAIN:
		if (a->n_domains == MAX_ARGS)
			return tool_misuse(&tool, "too many --domain options");
		a->domains[a->n_domains++] = arg;
		break;
	case OPT_KPI:
		return tool_opt_kpi(&tool, arg, &a->given);
	}
	return 0;
}

/* Name every KPI without data on stderr, so a cron mail says what to supply. */
static void report_missing(const struct sk_score *s)
{
	for (size_t i = 0; i < s->n_domains; i++) {
		const struct sk_domain_score *ds = &s->domains[i];

		for (size_t k = 0; k < ds->n_kpis; k++)
			if (ds->domain->scored && !ds->kpis[k].has_value && ds->kpis[k].kpi->has_weight &&
			    ds->reason[0] && strncmp(ds->reason, "not scored", 10) != 0)
				tool_error(&tool, "%s.%s: no data (%s); give it with --kpi %s.%s=VALUE or "
					   "import a measurement", ds->domain->id, ds->kpis[k].kpi->id,
					   ds->kpis[k].detail, ds->domain->id, ds->kpis[k].kpi->id);
	}
}

int main(int argc, char **argv)
{
	struct args a;
	struct sk_contract *c = NULL;
	struct sk_db *db = NULL;
	struct sk_score *s = NULL;
	struct sk_invoice *inv = NULL;
	size_t n_inv = 0;
	struct sk_period p;
	struct sk_diag d;
	enum sk_err err;
	int first, rc;

	memset(&a, 0, sizeof(a));
	rc = tool_parse(&tool, argc, argv, on_opt, &a, &first);
	if (rc >= 0)
		goto out;
	if (first < argc) {
		rc = tool_misuse(&tool, "unexpected argument '%s'", argv[first]);
		goto out;
	}
	if (!a.contract || !a.period) {
		rc = tool_missing(&tool, !a.contract ? "-c/--contract" : "-p/--period");
		goto out;
	}
	sk_diag_clear(&d);
	if ((err = sk_contract_load(a.contract, &c, &d)) != SK_OK)
		goto fail;
	if ((rc = tool_period(&tool, a.period, c->tz, &p)))
		goto out;
	if (a.invoice && (err = sk_invoices_read(a.invoice, &inv, &n_inv, &d)) != SK_OK)
		goto fail;
	if (a.db && (rc = tool_db_open(&tool, a.db, SK_DB_READONLY, &db)))
		goto out;
	if (db && (err = sk_db_check_contract(db, c->id, &d)) != SK_OK)
		goto fail;
	{
		struct sk_score_input in = { db, a.given.v, a.given.n, a.domains, a.n_domains, inv, n_inv,
					     a.invoice, a.missing, NULL, 0 };

		if ((err = sk_score_compute(c, &p, &in, &s, &d)) != SK_OK) {
			if (err == SK_ERR_USAGE && d.err == err) {
				rc = tool_misuse(&tool, "%s", d.msg);
				goto out;
			}
			goto fail;
		}
	}
	{
		int64_t horizon = 0;
		int warned = tool_warn_missing(&tool, s);

		if (db && (err = sk_db_horizon(db, &horizon, &d)) != SK_OK)
			goto fail;
		warned += tool_warn_horizon(&tool, horizon, &p, c->tz);
		if (warned && a.strict) {
			if (s->n_missing)
				report_missing(s);
			rc = tool_strict_fail(&tool, warned);
			goto out;
		}
	}
	if ((err = sk_score_write(s, a.format, a.lang ? a.lang : c->language, stdout)) == SK_ERR_NOMEM)
		goto fail;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		tool_error(&tool, "cannot write to standard output");
		rc = EXIT_SYSTEM;
		goto out;
	}
	rc = EXIT_OK;
	if (s->n_missing) {
		report_missing(s);
		rc = EXIT_MISSING;
	}
	goto out;
fail:
	rc = tool_fail(&tool, err, &d);
out:
	tool_given_release(&a.given);
	free(inv);
	sk_score_free(s);
	sk_db_close(db);
	sk_contract_free(c);
	return rc;
}
