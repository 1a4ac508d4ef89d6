/* The line sla-compute adds when events, pauses, hand-overs or updates wait for their tickets. */
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "slakit/results.h"
#include "store/store.h"

/* Ticket ids a line names. */
enum { ORPHAN_IDS = 5 };

struct orphan_ids {
	char list[ORPHAN_IDS * 70];
	size_t len;
};

static void add_id(void *arg, const char *id)
{
	struct orphan_ids *o = arg;
	char shown[64];

	/* Ids are data: escaped for the terminal. */
	text_escape(shown, sizeof(shown), id ? id : "", 0);
	o->len += (size_t)snprintf(o->list + o->len, sizeof(o->list) - o->len, "%s%s",
				   o->len ? ", " : "", shown);
}

enum sk_err sk_results_note_orphans(struct sk_db *db, const char *tool, FILE *fp,
				    struct sk_diag *d)
{
	struct orphan_ids ids = { "", 0 };
	struct store_orphans o;
	enum sk_err rc = store_orphans(db, &o, ORPHAN_IDS, add_id, &ids, d);

	const long count[4] = { o.events, o.pauses, o.handovers, o.updates };
	static const char *const noun[4] = { "status event", "pause", "hand-over", "update" };

	if (rc || !o.tickets)
		return rc;
	fprintf(fp, "%s%swarning: ", tool ? tool : "", tool ? ": " : "");
	/* "1 status event, 2 pauses and 1 update": the kinds that have any. */
	for (int k = 0, shown = 0; k < 4; k++) {
		const long left[4] = { o.events + o.pauses + o.handovers + o.updates,
				       o.pauses + o.handovers + o.updates, o.handovers + o.updates,
				       o.updates };

		if (!count[k])
			continue;
		fprintf(fp, "%s%ld %s%s", !shown ? "" : count[k] == left[k] ? " and " : ", ",
			count[k], noun[k], count[k] == 1 ? "" : "s");
		shown = 1;
	}
	fprintf(fp, " of %ld ticket%s not in the database (%s%s): not counted until %s imported\n",
		o.tickets, o.tickets == 1 ? "" : "s", ids.list,
		o.tickets > ORPHAN_IDS ? ", ..." : "", o.tickets == 1 ? "it is" : "they are");
	return ferror(fp) ? SK_ERR_IO : SK_OK;
}
