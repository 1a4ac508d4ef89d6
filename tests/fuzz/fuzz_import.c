/*
 * libFuzzer: the CSV import path (csvread.c, profiles, maps, every kind's
 * row checks, the upsert into SQLite) on an in-memory database.
 *
 * The first byte chooses the options, so one corpus reaches every path:
 *   bits 0-2  kind: 0 = detect from the header, 1..7 = tickets..kpi
 *   bits 3-5  0 = default profile, 1..5 = generic..zendesk, 6..7 = a map file
 *   bit  6    Windows-1252 instead of UTF-8
 *   bit  7    --skip-bad (rejects written to /dev/null)
 * The rest is the file. scripts/fuzz.sh prefixes the seeds with a 0 byte.
 */
#include "fuzz_common.h"
#include "slakit.h"

#ifndef SK_FUZZ_DATA
#define SK_FUZZ_DATA "tests/data"
#endif
#ifndef SK_FUZZ_SAMPLES
#define SK_FUZZ_SAMPLES "samples"
#endif

static struct sk_contract *contract;
static struct sk_map *maps[2];
static struct sk_db *db;
static FILE *devnull;
static unsigned runs;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const struct sk_diag *d)
{
	char buf[2048];

	fprintf(stderr, "fuzz_import: %s: %s\n", what, sk_diag_format(d, buf, sizeof(buf)));
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct sk_diag d;

	(void)argc;
	(void)argv;
	sk_diag_clear(&d);
	if (sk_contract_load(SK_FUZZ_DATA "/import/contract.ini", &contract, &d))
		die("contract", &d);
	if (sk_map_load(SK_FUZZ_DATA "/import/eventlog.map", &maps[0], &d) ||
	    sk_map_load(SK_FUZZ_SAMPLES "/maps/helpdesk-eventlog.map", &maps[1], &d))
		die("map", &d);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	return 0;
}

static void on_bad_row(void *ctx, const struct sk_diag *d)
{
	char buf[2048];

	(void)ctx;
	sk_diag_format(d, buf, sizeof(buf));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const profiles[] = {
		NULL, "generic", "topdesk", "servicenow", "jira", "zendesk"
	};
	struct sk_import_opts o;
	struct sk_import_result res;
	struct sk_diag d;
	const char *path;
	unsigned opt, k, p;
	char buf[2048];

	if (size < 1)
		return 0;
	opt = data[0];
	path = fuzz_file(data + 1, size - 1, ".csv");
	if (!path)
		return 0;
	/* A fresh database now and then, so committed rows do not pile up. */
	if (!db || ++runs % 256 == 0) {
		sk_db_close(db);
		db = NULL;
		if (sk_db_open(":memory:", SK_DB_CREATE, &db, &d))
			die("database", &d);
	}
	sk_import_opts_init(&o);
	k = opt & 7;
	p = (opt >> 3) & 7;
	o.kind = k ? (int)k - 1 : -1;
	if (p < 6)
		o.profile = profiles[p];
	else
		o.map = maps[p - 6];
	o.encoding = (opt & 0x40) ? SK_ENC_CP1252 : SK_ENC_UTF8;
	o.skip_bad = (opt & 0x80) != 0;
	o.rejects = o.skip_bad ? devnull : NULL;
	o.on_bad_row = on_bad_row;
	sk_diag_clear(&d);
	if (sk_import_file(db, contract, path, "fuzz.csv", &o, &res, &d))
		sk_diag_format(&d, buf, sizeof(buf));
	return 0;
}
