/*
 * [choice.ID]: the reading the figures follow where clauses of the agreement
 * contradict each other or can be read two ways (read by contract_keys.c,
 * printed with the decisions applied by every report format).
 */
#include <stdlib.h>

#include "contract.h"
#include "contract_priv.h"

enum sk_err contract_check_choices(struct loader *ld)
{
	const struct sk_contract *c = ld->c;

	for (size_t i = 0; i < c->n_choices; i++) {
		const struct sk_choice *ch = &c->choices[i];
		const char *missing = !ch->clause ? "clause" : !ch->reading ? "reading"
				      : !ch->seed ? "seed" : NULL;

		/* A choice without its clause, reading or source explains nothing. */
		if (missing)
			return ld_fail(ld, ch->line, NULL,
				       "[choice.%s] needs clause, reading and seed (no %s: what "
				       "the clauses say, the reading applied and where it stands)",
				       ch->id, missing);
	}
	return SK_OK;
}

void contract_free_choices(struct sk_contract *c)
{
	for (size_t i = 0; i < c->n_choices; i++) {
		free(c->choices[i].id);
		free(c->choices[i].clause);
		free(c->choices[i].reading);
		free(c->choices[i].seed);
	}
	free(c->choices);
	c->choices = NULL;
	c->n_choices = 0;
}
