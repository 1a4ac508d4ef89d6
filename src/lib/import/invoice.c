/*
 * Invoice amounts per quarter and domain, from a CSV file
 * (period,domain,amount). Read through the one CSV reader (csvread.c), so
 * an invoice file gets the same checks as an export: BOM, encoding, NUL
 * bytes, quoting and size limits, and ',' or ';' between fields (Dutch
 * spreadsheets write ';' and a decimal comma).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvread.h"
#include "slakit/score.h"

/* Row @row as the next invoice line of @out. */
static enum sk_err take_row(const char *path, const struct csvread_row *row,
			    struct sk_invoice **rows, size_t *n, size_t *cap, struct sk_diag *d)
{
	struct sk_invoice *inv;
	void *p = *rows;

	if (row->n != 3)
		return sk_diag_set(d, SK_ERR_DATA, path, row->line, NULL,
				   "%zu fields where 3 were expected", row->n);
	if (array_reserve(&p, cap, *n + 1, sizeof(**rows)) < 0)
		return sk_diag_set(d, SK_ERR_NOMEM, path, row->line, NULL, "out of memory");
	*rows = p;
	inv = &(*rows)[*n];
	/* Longer than any period label or domain id: refuse rather than cut. */
	if (strlen(row->f[0]) >= sizeof(inv->period) || strlen(row->f[1]) >= sizeof(inv->domain))
		return sk_diag_set(d, SK_ERR_DATA, path, row->line, NULL, "period or domain too long");
	memcpy(inv->period, row->f[0], strlen(row->f[0]) + 1);
	memcpy(inv->domain, row->f[1], strlen(row->f[1]) + 1);
	if (sk_cents_parse(row->f[2], &inv->cents, d) != SK_OK)
		return sk_diag_set(d, SK_ERR_DATA, path, row->line, "amount",
				   "cannot read '%s' as an amount in euros", row->f[2]);
	(*n)++;
	return SK_OK;
}

enum sk_err sk_invoices_read(const char *path, struct sk_invoice **out, size_t *n,
			     struct sk_diag *d)
{
	struct csvread *r = NULL;
	struct csvread_row row;
	struct sk_invoice *rows = NULL;
	size_t count = 0, cap = 0;
	enum sk_err rc;

	*out = NULL;
	*n = 0;
	if ((rc = csvread_open(path, path, 0, SK_ENC_UTF8, &r, d)))
		goto out;
	/* The header: it must name the three columns in this order. */
	if ((rc = csvread_next(r, &row, d)))
		goto out;
	if (row.n != 3 || strcasecmp(row.f[0], "period") || strcasecmp(row.f[1], "domain") ||
	    strcasecmp(row.f[2], "amount")) {
		rc = sk_diag_set(d, SK_ERR_DATA, path, 1, NULL,
				 "the header must be 'period,domain,amount'");
		goto out;
	}
	while (!(rc = csvread_next(r, &row, d)) && row.n > 0)
		if ((rc = take_row(path, &row, &rows, &count, &cap, d)))
			goto out;
out:
	csvread_close(r);
	if (rc) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = count;
	return SK_OK;
}
