/*
 * Verdicts handed from the computation to a consumer on another thread (the
 * store, a workbook's tickets sheet) as they become final (results_feed.c).
 */
#ifndef SLAKIT_RESULTS_FEED_H
#define SLAKIT_RESULTS_FEED_H

#include <pthread.h>

#include "results_priv.h"

/* One computation and its consumer. */
struct results_feed {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const struct sk_results *r;   /* the set being computed, from the first verdict on */
	size_t ready;                 /* r->r[0..ready) are final */
	size_t published;             /* ready as last signalled */
	int done;                     /* no more verdicts will come */
	int abort;                    /* the computation failed */
};

void results_feed_init(struct results_feed *f);
void results_feed_release(struct results_feed *f);

/* Say the verdicts of @r are all there (@ok), or that no more will come. */
void results_feed_end(struct results_feed *f, const struct sk_results *r, int ok);

/* Wait for verdicts after @from; how many are final, the set, and whether that is all. */
size_t results_feed_wait(struct results_feed *f, size_t from, const struct sk_results **r,
			 int *done, int *abort);

#endif
