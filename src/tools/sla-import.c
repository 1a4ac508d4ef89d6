/* sla-import: service-desk exports (CSV) into the slakit database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "tool.h"

enum { OPT_DELIM = 256, OPT_ENCODING, OPT_DATEFMT, OPT_SKIPBAD, OPT_REJECTS, OPT_WAIT,
       OPT_ALLOW_EMPTY };

static const struct tool_opt opts[] = {
	{ 'd', "db", "DB", "the slakit database (created when missing)" },
	{ 'c', "contract", "FILE", "contract: time zone, priorities, statuses" },
	{ 'k', "kind", "KIND", "tickets, events, eventlog, pauses, calls, outages, kpi, handovers, updates" },
	{ 'P', "profile", "NAME", "generic, topdesk, servicenow, jira, zendesk" },
	{ 'm', "map", "FILE", "your own column and value mapping (see sla-import(1))" },
	{ OPT_DELIM, "delimiter", "C", "field delimiter: ',', ';' or 'tab' (default: detected)" },
	{ OPT_ENCODING, "encoding", "ENC", "utf-8 (default) or windows-1252" },
	{ OPT_DATEFMT, "date-format", "FMT", "how dates are written, e.g. '%m/%d/%Y %H:%M'" },
	{ OPT_SKIPBAD, "skip-bad", NULL, "import the good rows, write bad ones to a reject file" },
	{ OPT_REJECTS, "rejects", "FILE", "reject file (default: FILE.rejects.csv)" },
	{ OPT_WAIT, "wait", "SECONDS", "wait this long for another import to finish (default 30)" },
	{ OPT_ALLOW_EMPTY, "allow-empty", NULL, "import a file with a header and no rows" },
	{ 'v', "verbose", NULL, "print a summary line per file" },
	{ 0, NULL, NULL, NULL }
};

static const struct tool tool = {
	"sla-import",
	"sla-import -d DB -c CONTRACT [--kind KIND] [--profile NAME] [--map FILE]\n"
	"           [--delimiter C] [--encoding ENC] [--date-format FMT]\n"
	"           [--skip-bad [--rejects FILE]] [--wait SECONDS] [--allow-empty] [-v] FILE...",
	"Import ticket, event, pause, call, outage and KPI exports into a slakit database.",
	"FILE may be '-' for standard input. Each file is imported in one transaction:\n"
	"a bad row refuses the whole file (unless --skip-bad) and the database is left\n"
	"as it was. Exit status: 0 ok, 1 bad data, 2 usage, 4 system error (I/O, locked\n"
	"database).\n",
	opts
};

struct args {
	const char *db, *contract, *map, *rejects;
	struct sk_import_opts o;
	int verbose;
	int wait_ms;
};

static int on_opt(int key, const char *arg, void *ctx)
{
	struct args *a = ctx;

	switch (key) {
	case 'd': a->db = arg; break;
	case 'c': a->contract = arg; break;
	case 'm': a->map = arg; break;
	case 'v': a->verbose = 1; break;
	case OPT_SKIPBAD: a->o.skip_bad = 1; break;
	case OPT_ALLOW_EMPTY: a->o.allow_empty = 1; break;
	case OPT_REJECTS: a->rejects = arg; break;
	case OPT_DATEFMT: {
		struct sk_diag d;

		if (sk_import_date_format_check(arg, &d))
			return tool_misuse(&tool, "--date-format: %s", d.msg);
		a->o.date_format = arg;
		break;
	}
	case OPT_WAIT: {
		char *end;
		long v = strtol(arg, &end, 10);

		if (*arg == '\0' || *end || v < 0 || v > 86400)
			return tool_misuse(&tool, "--wait takes seconds (0-86400)");
		a->wait_ms = (int)v * 1000;
		break;
	}
	case 'k':
		a->o.kind = sk_import_kind_parse(arg);
		if (a->o.kind < 0)
			return tool_misuse(&tool, "unknown kind '%s'", arg);
		break;
	case 'P':
		if (!sk_profile_exists(arg))
			return tool_misuse(&tool, "unknown profile '%s'", arg);
		a->o.profile = arg;
		break;
	case OPT_ENCODING:
		if (strcasecmp(arg, "utf-8") == 0 || strcasecmp(arg, "utf8") == 0)
			a->o.encoding = SK_ENC_UTF8;
		else if (strcasecmp(arg, "windows-1252") == 0 || strcasecmp(arg, "cp1252") == 0)
			a->o.encoding = SK_ENC_CP1252;
		else
			return tool_misuse(&tool, "unknown encoding '%s'", arg);
		break;
	case OPT_DELIM:
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0)
			a->o.delimiter = '\t';
		else if (strlen(arg) == 1 && arg[0] != '"' && arg[0] != '\n' && arg[0] != '\r')
			a->o.delimiter = arg[0];
		else
			return tool_misuse(&tool, "delimiter must be one character or 'tab'");
		break;
	}
	return 0;
}

static void on_bad_row(void *ctx, const struct sk_diag *d)
{
	(void)ctx;
	tool_diag(&tool, d);
}

static void on_progress(void *ctx, int64_t done, int64_t total, long rows)
{
	const char *name = ctx;

	if (total > 0)
		fprintf(stderr, "\r%s: %s: %3d%% (%ld rows)", tool.name, name,
			(int)(done * 100 / total), rows);
	else
		fprintf(stderr, "\r%s: %s: %ld rows", tool.name, name, rows);
}

/* Import one file; returns the exit code for it. */
static int import_one(struct args *a, struct sk_db *db, const struct sk_contract *c,
		      const char *file)
{
	struct sk_import_result res;
	struct sk_import_opts o = a->o;
	struct sk_diag d;
	char rejpath[4096];
	FILE *rej = NULL;
	int rc, progress = isatty(STDERR_FILENO) && !a->o.skip_bad;

	sk_diag_clear(&d);
	o.on_bad_row = on_bad_row;
	o.on_warning = on_bad_row; /* prints any diagnostic */
	if (progress) {
		o.on_progress = on_progress;
		o.ctx = (void *)file;
	}
	if (o.skip_bad) {
		/* Bad rows go to the reject file; -v also lists them here. */
		o.on_bad_row = a->verbose ? on_bad_row : NULL;
		snprintf(rejpath, sizeof(rejpath), "%s", a->rejects ? a->rejects
			 : strcmp(file, "-") == 0 ? "stdin.rejects.csv" : file);
		if (!a->rejects && strcmp(file, "-") != 0)
			snprintf(rejpath, sizeof(rejpath), "%s.rejects.csv", file);
		rej = fopen(rejpath, "w");
		if (!rej) {
			tool_error(&tool, "%s: cannot write reject file", rejpath);
			return EXIT_SYSTEM;
		}
		o.rejects = rej;
	}
	rc = sk_import_file(db, c, file, NULL, &o, &res, &d);
	if (progress && res.rows_read >= 0x4000)
		fprintf(stderr, "\r\033[K");
	if (rej) {
		if (fclose(rej) != 0 && !rc) {
			tool_error(&tool, "%s: cannot write reject file", rejpath);
			return EXIT_SYSTEM;
		}
		if (rc || !res.rejected)
			remove(rejpath);
		else
			tool_error(&tool, "%s: %ld bad row%s skipped, written to %s", file,
				   res.rejected, res.rejected == 1 ? "" : "s", rejpath);
	}
	if (rc)
		return tool_fail(&tool, (enum sk_err)rc, &d);
	if (a->verbose) {
		printf("%s: %s: %s (%s): %ld row%s read, %ld inserted, %ld updated, "
		       "%ld unchanged, %ld rejected", tool.name, file,
		       sk_import_kind_name(res.kind), res.profile, res.rows_read,
		       res.rows_read == 1 ? "" : "s", res.inserted, res.updated, res.unchanged,
		       res.rejected);
		if (res.older)
			printf(", %ld kept as stored (older than it)", res.older);
		if (res.kind == SK_KIND_EVENTLOG)
			printf("; tickets: %ld new, %ld updated, %ld unchanged",
			       res.tickets_inserted, res.tickets_updated, res.tickets_unchanged);
		if (res.dates[0])
			printf("; dates: %s", res.dates);
		printf("; DST: %ld gap%s, %ld fold%s", res.dst_gaps, res.dst_gaps == 1 ? "" : "s",
		       res.dst_folds, res.dst_folds == 1 ? "" : "s");
		if (res.identical_to)
			printf("; the same file as import %lld: nothing changed, nothing stored\n",
			       res.identical_to);
		else
			printf("; import %lld\n", res.import_id);
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	struct args a = { .wait_ms = SK_DB_BUSY_TIMEOUT_MS };
	struct sk_contract *c = NULL;
	struct sk_map *map = NULL;
	struct sk_db *db = NULL;
	struct sk_diag d;
	enum sk_err err;
	int first, rc, stdin_used = 0;

	sk_import_opts_init(&a.o);
	rc = tool_parse(&tool, argc, argv, on_opt, &a, &first);
	if (rc >= 0)
		return rc;
	if (!a.db)
		return tool_missing(&tool, "-d/--db");
	if (!a.contract)
		return tool_missing(&tool, "-c/--contract");
	if (first >= argc)
		return tool_misuse(&tool, "no file to import");
	if (a.rejects && !a.o.skip_bad)
		return tool_misuse(&tool, "--rejects only goes with --skip-bad");
	if (a.rejects && argc - first > 1)
		return tool_misuse(&tool, "--rejects takes one input file");
	for (int i = first; i < argc; i++)
		if (strcmp(argv[i], "-") == 0 && stdin_used++)
			return tool_misuse(&tool, "standard input ('-') given twice");

	sk_diag_clear(&d);
	if ((err = sk_contract_load(a.contract, &c, &d)) ||
	    (a.map && (err = sk_map_load(a.map, &map, &d))) ||
	    (err = sk_db_open(a.db, SK_DB_CREATE, &db, &d))) {
		rc = tool_fail(&tool, err, &d);
		goto out;
	}
	sk_db_set_busy_timeout(db, a.wait_ms);
	a.o.map = map;
	rc = EXIT_OK;
	/* Each file on its own: one bad file does not stop the others. */
	for (int i = first; i < argc; i++) {
		int r = import_one(&a, db, c, argv[i]);

		if (r > rc)
			rc = r;
	}
out:
	sk_db_close(db);
	sk_map_free(map);
	sk_contract_free(c);
	return rc;
}
