/*
 * The complaint escalation ladder in words (cloudwise-dap §11.4): the level
 * a complaint reached and when, and the ladder's steps, the same sentence
 * in text and XLSX.
 */
#include <stdio.h>

#include "render_priv.h"

char *report_ladder_text(const struct sk_report *r, const struct report_words *w,
			 const struct sk_report_case *k, char *buf, size_t size)
{
	char b1[48], b2[48];
	int lv = k->level >= 0 && k->level <= 3 ? k->level : 0;

	if (lv == 3 && k->management_at)
		snprintf(buf, size, "%s %s %s (%s %s %s)", w->levels[3], w->since,
			 report_time(r, k->directors_at, b1, sizeof(b1)), w->levels[2], w->since,
			 report_time(r, k->management_at, b2, sizeof(b2)));
	else if (lv >= 2)
		snprintf(buf, size, "%s %s %s", w->levels[lv], w->since,
			 report_time(r, lv == 3 ? k->directors_at : k->management_at, b1,
				     sizeof(b1)));
	else
		snprintf(buf, size, "%s", w->levels[lv]);
	return buf;
}

char *report_ladder_steps(const struct sk_report *r, const struct report_words *w, char *buf,
			  size_t size)
{
	char b1[32], b2[32];
	int n = snprintf(buf, size, "%s:", w->ladder_note);

	for (int i = 0; i < 2; i++)
		if (r->ladder[i] && n >= 0 && (size_t)n < size)
			n += snprintf(buf + n, size - (size_t)n, "%s %s %s %s", i && r->ladder[0] ? ";" : "",
				      w->levels[i + 2], w->after,
				      report_hm(r->ladder[i], i ? b2 : b1, 32));
	return buf;
}
