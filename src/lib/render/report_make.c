/*
 * Gathering a report and saving it in one go. For a workbook the two
 * overlap: the tickets sheet (a row of some thirty cells per ticket, a
 * quarter of a monthly report's time) needs only the verdicts, so a second
 * thread writes each row as soon as its verdict is final, while this one
 * computes the next verdicts and then reads the score, the changes, the
 * trend and the sources from the database. Only this thread uses the
 * database, and only the writer uses libxlsxwriter until it is joined;
 * then this one writes the other sheets.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_xlsx_priv.h"
#include "base/base.h"
#include "store/store.h"

/* The writer thread's share. */
struct tickets_writer {
	struct xw *x;
	struct results_feed feed;
};

static void *tickets_thread(void *arg)
{
	struct tickets_writer *tw = arg;
	const struct sk_results *r = NULL;
	size_t i = 0, ready;
	int done = 0, abort = 0;

	xw_tickets_head(tw->x);
	for (;;) {
		ready = results_feed_wait(&tw->feed, i, &r, &done, &abort);
		if (abort)
			return NULL; /* the workbook is abandoned */
		for (; i < ready; i++)
			xw_tickets_row(tw->x, i, &r->r[i], r->as_of);
		if (done && i == ready)
			break;
	}
	xw_tickets_tail(tw->x, i);
	return NULL;
}

/* The workbook of @r into the file @tmp, the tickets sheet written as verdicts come. */
static enum sk_err make_xlsx(struct sk_db *db, struct sk_contract *c, struct sk_report *r,
			     const struct sk_report_options *o, const char *lang, const char *tmp,
			     struct sk_diag *d)
{
	struct xw x;
	struct tickets_writer tw;
	pthread_t th;
	enum sk_err rc = xlsx_open(&x, r, lang, tmp, d);
	int threaded;

	if (rc)
		return rc;
	tw.x = &x;
	results_feed_init(&tw.feed);
	threaded = pthread_create(&th, NULL, tickets_thread, &tw) == 0;
	/* One read transaction, as in sk_report_gather(). */
	if (!(rc = store_read_begin(db, REPORT_READ, d))) {
		rc = report_gather_verdicts(db, c, r, threaded ? &tw.feed : NULL, d);
		if (threaded)
			results_feed_end(&tw.feed, r->results, r->results ? r->results->n : 0, rc == SK_OK);
		else if (!rc)
			xw_sheet_tickets(&x);
		if (!rc)
			rc = report_gather_rest(db, c, r, o, d);
		store_read_end(db, REPORT_READ);
	} else if (threaded) {
		results_feed_end(&tw.feed, NULL, 0, 0);
	}
	if (threaded)
		pthread_join(th, NULL);
	results_feed_release(&tw.feed);
	if (rc) {
		xlsx_abandon(&x);
		return rc;
	}
	return xlsx_finish(&x, tmp, d);
}

enum sk_err sk_report_make(struct sk_db *db, struct sk_contract *c, const struct sk_period *p,
			   const struct sk_report_options *o, enum sk_report_format fmt,
			   const char *lang, const char *path, struct sk_report **out,
			   struct sk_diag *d)
{
	struct sk_report *r = NULL;
	char *tmp = NULL;
	size_t size = strlen(path) + 40;
	enum sk_err rc;
	int fd;

	*out = NULL;
	if (fmt != SK_REPORT_XLSX) {
		if (!(rc = sk_report_gather(db, c, p, o, &r, d)) &&
		    (rc = sk_report_save(r, fmt, lang, path, d))) {
			sk_report_free(r);
			r = NULL;
		}
		*out = r;
		return rc;
	}
	if (!(r = report_new(c, p, o)))
		return sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
	if (!(tmp = malloc(size))) {
		rc = sk_diag_set(d, SK_ERR_NOMEM, NULL, 0, NULL, "out of memory");
		goto out;
	}
	if ((fd = report_temp_beside(path, tmp, size)) < 0) {
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot create a file beside it: %s",
				 strerror(errno));
		goto out;
	}
	close(fd); /* libxlsxwriter opens the file by name itself */
	rc = make_xlsx(db, c, r, o, lang, tmp, d);
	if (!rc && rename(tmp, path) != 0)
		rc = sk_diag_set(d, SK_ERR_IO, path, 0, NULL, "cannot replace: %s", strerror(errno));
	if (rc)
		unlink(tmp);
out:
	free(tmp);
	if (rc) {
		sk_report_free(r);
		r = NULL;
	}
	*out = r;
	return rc;
}
