/* Invoice amounts per quarter and domain, from a CSV file (period,domain,amount). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "slakit/score.h"

struct reader {
	const char *path;
	char field[3][128];
	int nfield;
	long line;             /* line of the record being read */
	struct sk_invoice *rows;
	size_t n, cap;
	enum sk_err rc;
	struct sk_diag *d;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->nfield < 3)
		snprintf(r->field[r->nfield], sizeof(r->field[0]), "%.*s", (int)len, (const char *)s);
	r->nfield++;
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	struct sk_invoice *inv;

	(void)c;
	r->line++;
	if (r->rc || r->line == 1) {
		/* The header: it must name the three columns in this order. */
		if (!r->rc && (r->nfield != 3 || strcasecmp(r->field[0], "period") ||
			       strcasecmp(r->field[1], "domain") || strcasecmp(r->field[2], "amount")))
			r->rc = sk_diag_set(r->d, SK_ERR_DATA, r->path, 1, NULL,
					    "the header must be 'period,domain,amount'");
		r->nfield = 0;
		return;
	}
	if (r->nfield != 3) {
		r->rc = sk_diag_set(r->d, SK_ERR_DATA, r->path, r->line, NULL,
				    "%d fields where 3 were expected", r->nfield);
		return;
	}
	r->nfield = 0;
	if (r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 16;
		struct sk_invoice *nr = realloc(r->rows, nc * sizeof(*nr));

		if (!nr) {
			r->rc = SK_ERR_NOMEM;
			return;
		}
		r->rows = nr;
		r->cap = nc;
	}
	inv = &r->rows[r->n];
	/* Longer than any period label or domain id: refuse rather than cut. */
	if (strlen(r->field[0]) >= sizeof(inv->period) || strlen(r->field[1]) >= sizeof(inv->domain)) {
		r->rc = sk_diag_set(r->d, SK_ERR_DATA, r->path, r->line, NULL,
				    "period or domain too long");
		return;
	}
	memcpy(inv->period, r->field[0], strlen(r->field[0]) + 1);
	memcpy(inv->domain, r->field[1], strlen(r->field[1]) + 1);
	if (sk_cents_parse(r->field[2], &inv->cents, r->d) != SK_OK) {
		r->rc = sk_diag_set(r->d, SK_ERR_DATA, r->path, r->line, "amount",
				    "cannot read '%s' as an amount in euros", r->field[2]);
		return;
	}
	r->n++;
}

enum sk_err sk_invoices_read(const char *path, struct sk_invoice **out, size_t *n,
			     struct sk_diag *d)
{
	struct reader r = { .path = path, .d = d };
	struct csv_parser p;
	char buf[4096];
	size_t got;
	FILE *fp = fopen(path, "rb");

	*out = NULL;
	*n = 0;
	if (!fp)
		return sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot open: %s", strerror(errno));
	if (csv_init(&p, CSV_APPEND_NULL) != 0) {
		fclose(fp);
		return SK_ERR_NOMEM;
	}
	/* Dutch spreadsheets write ';' between fields and ',' in amounts. */
	got = fread(buf, 1, sizeof(buf), fp);
	if (memchr(buf, ';', got) && (!memchr(buf, '\n', got) ||
				      memchr(buf, ';', (size_t)((char *)memchr(buf, '\n', got) - buf))))
		csv_set_delim(&p, ';');
	while (got > 0 && !r.rc) {
		if (csv_parse(&p, buf, got, on_field, on_record, &r) != got) {
			r.rc = sk_diag_set(d, SK_ERR_DATA, path, r.line + 1, NULL, "%s",
					   csv_strerror(csv_error(&p)));
			break;
		}
		got = fread(buf, 1, sizeof(buf), fp);
	}
	if (!r.rc)
		csv_fini(&p, on_field, on_record, &r);
	csv_free(&p);
	fclose(fp);
	if (r.rc) {
		free(r.rows);
		return r.rc;
	}
	*out = r.rows;
	*n = r.n;
	return SK_OK;
}
