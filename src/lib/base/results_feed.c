/*
 * Verdicts handed from the computation to a consumer on another thread (the
 * store, or a workbook's tickets sheet) as they become final. The results'
 * array is reserved for every ticket up front (results_compute() with a
 * feed), so r->r never moves under the consumer; the ticket strings live in
 * the results' arena, whose blocks never move either.
 */
#include <string.h>

#include "base.h"

/* Verdicts are handed over in batches, so the two threads rarely meet. */
#define FEED_BATCH 4096

void results_feed_init(struct results_feed *f)
{
	memset(f, 0, sizeof(*f));
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->cv, NULL);
}

void results_feed_release(struct results_feed *f)
{
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
}

void results_feed_publish(struct results_feed *f, const struct sk_results *r, size_t ready)
{
	if (!f || ready - f->published < FEED_BATCH)
		return;
	pthread_mutex_lock(&f->mu);
	f->r = r;
	f->ready = ready;
	f->published = ready;
	pthread_cond_signal(&f->cv);
	pthread_mutex_unlock(&f->mu);
}

void results_feed_end(struct results_feed *f, const struct sk_results *r, size_t n, int ok)
{
	pthread_mutex_lock(&f->mu);
	if (ok) {
		f->r = r;
		f->ready = n;
		f->done = 1;
	} else {
		f->abort = 1;
	}
	pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
}

size_t results_feed_wait(struct results_feed *f, size_t from, const struct sk_results **r,
			 int *done, int *abort)
{
	size_t ready;

	pthread_mutex_lock(&f->mu);
	while (!f->abort && !f->done && f->ready <= from)
		pthread_cond_wait(&f->cv, &f->mu);
	ready = f->ready;
	*r = f->r;
	*done = f->done;
	*abort = f->abort;
	pthread_mutex_unlock(&f->mu);
	return ready;
}
