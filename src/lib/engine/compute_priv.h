/* What compute.c shares with explain.c (private to engine/). */
#ifndef SLAKIT_ENGINE_COMPUTE_PRIV_H
#define SLAKIT_ENGINE_COMPUTE_PRIV_H

#include "slakit/compute.h"

/* Where a pause came from, as --explain says it. */
enum compute_pause_origin {
	PAUSE_FROM_CONTRACT = 1,  /* a status in the contract's pause_statuses */
	PAUSE_FROM_IMPORT = 2,    /* a status the import stored as paused (its map) */
	PAUSE_FROM_INTERVAL = 4,  /* an explicit pause interval (pauses file) */
	PAUSE_FROM_REOPEN = 8     /* resolved, then reopened: the wait in between */
};

/*
 * For each merged pause of verdict @v of ticket @t (with its events and
 * pauses), the ::compute_pause_origin bits of what made it, into @origins
 * (v->n_pauses entries).
 */
enum sk_err compute_pause_origins(const struct sk_contract *c, const struct sk_ticket *t,
				  const struct sk_verdict *v, unsigned *origins);

#endif
