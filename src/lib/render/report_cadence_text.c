/*
 * The status-update cadence section of the text report: per priority the
 * tickets whose updates held the contract's interval, each late gap with
 * its length, and the responses not made by the channel the priority asks.
 */
#include <stdio.h>
#include <string.h>

#include "report_cadence_priv.h"

static const struct cadence_words nl = {
	.title = "Statusupdates aan de klant",
	.intro = "Geen gat tussen reactie, updates en oplossing langer dan de afgesproken frequentie",
	.intro2 = "(werktijd van de prioriteit, pauzes niet meegeteld).",
	.priority = "prioriteit", .interval = "frequentie", .tickets = "meldingen",
	.held = "gehaald", .late = "te laat", .open = "open", .not_measured = "niet gemeten",
	.pct = "%", .agreed = "afgesproken datum", .late_gaps = "Te late updates",
	.ticket = "melding", .from = "van", .to = "tot", .gap = "gat", .allowed = "norm",
	.paused = "pauze", .still_open = "nog open", .none = "geen",
	.wrong_title = "Reactie niet via het afgesproken kanaal", .asked = "afgesproken",
	.made = "gedaan",
	.unknown_note = "Reacties zonder vastgelegd kanaal, niet beoordeeld",
	.not_measured_note = "Niet gemeten: geen updategegevens van de melding, of updates op een",
	.not_measured_note2 = "per melding afgesproken datum.",
	.sheet = "Statusupdates", .response_not = "reactie niet",
	.h_paused = "pauze", .h_asked = "afgesproken kanaal", .h_made = "gebruikt kanaal",
	.ends = { "reactie", "update", "oplossing", "einde periode" },
	.by = { "telefonisch", "via het portaal", "per e-mail", "via chat", "aan de balie",
		"via een ander kanaal" },
};

static const struct cadence_words en = {
	.title = "Status updates to the customer",
	.intro = "No gap between response, updates and resolution longer than the agreed interval",
	.intro2 = "(business time of the priority, pauses left out).",
	.priority = "priority", .interval = "interval", .tickets = "tickets", .held = "held",
	.late = "late", .open = "open", .not_measured = "not measured", .pct = "%",
	.agreed = "agreed date", .late_gaps = "Late updates", .ticket = "ticket", .from = "from",
	.to = "to", .gap = "gap", .allowed = "allowed", .paused = "paused",
	.still_open = "still open", .none = "none",
	.wrong_title = "Response not by the agreed channel", .asked = "agreed", .made = "made",
	.unknown_note = "Responses without a recorded channel, not judged",
	.not_measured_note = "Not measured: no update data for the ticket, or updates on a date",
	.not_measured_note2 = "agreed per ticket.",
	.sheet = "Status updates", .response_not = "response not",
	.h_paused = "paused", .h_asked = "agreed channel", .h_made = "channel used",
	.ends = { "response", "update", "resolution", "end of period" },
	.by = { "by phone", "through the portal", "by email", "by chat", "at the desk",
		"by another channel" },
};

static const char *const channels[] = { "phone", "portal", "email", "chat", "walk-in", "other" };

const struct cadence_words *cadence_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

const char *cadence_by(const struct cadence_words *cw, const char *ch)
{
	for (size_t i = 0; ch && i < sizeof(channels) / sizeof(channels[0]); i++)
		if (strcmp(ch, channels[i]) == 0)
			return cw->by[i];
	return ch ? ch : "-";
}

const char *report_cadence_p1_note(const struct sk_report *r, size_t result, const char *lang,
				   char *buf, size_t size)
{
	const struct sk_cadence *k = report_cadence_of(r, result);
	const struct cadence_words *cw = cadence_words_for(lang);

	if (!k || !k->response_wrong)
		return NULL;
	snprintf(buf, size, "%s %s (%s)", cw->response_not,
		 cadence_by(cw, r->contract->priorities[k->priority].response_by),
		 cadence_by(cw, k->response_channel));
	return buf;
}

static int has_response_by(const struct sk_contract *c)
{
	for (size_t p = 0; p < c->n_priorities; p++)
		if (c->priorities[p].response_by)
			return 1;
	return 0;
}

void report_cadence_text(FILE *fp, const struct sk_report *r, const char *lang)
{
	const struct sk_report_cadence *k = r->cadence;
	const struct report_words *w = report_words_for(lang);
	const struct cadence_words *cw = cadence_words_for(lang);
	const struct sk_contract *c = r->contract;
	static const int widths[] = { -18, 18, 10, 8, 8, 6, 13, 7 };
	static const int gap_widths[] = { -12, -10, -17, -17, 7, 7, -24 };
	char b[8][64];
	long unknown = 0;

	if (!k || !k->n_p)
		goto channel;
	text_heading(fp, cw->title);
	fprintf(fp, "  %s\n  %s\n", cw->intro, cw->intro2);
	{
		const char *head[8] = { cw->priority, cw->interval, cw->tickets, cw->held, cw->late,
					cw->open, cw->not_measured, cw->pct };

		text_cells(fp, widths, 8, head);
	}
	for (size_t i = 0; i < k->n_p; i++) {
		const struct sk_report_cadence_prio *f = &k->p[i];
		const char *v[8];

		v[0] = report_prio_label(c, f->priority, b[0], 64);
		v[1] = f->agreed ? cw->agreed : report_hm(f->interval, b[1], 64);
		snprintf(b[2], 64, "%ld", f->tickets);
		snprintf(b[3], 64, "%ld", f->held);
		snprintf(b[4], 64, "%ld", f->late);
		snprintf(b[5], 64, "%ld", f->running);
		snprintf(b[6], 64, "%ld", f->not_measured);
		v[2] = b[2];
		v[3] = f->agreed ? "-" : b[3];
		v[4] = f->agreed ? "-" : b[4];
		v[5] = f->agreed ? "-" : b[5];
		v[6] = b[6];
		v[7] = f->has_pct ? report_pct(w, f->pct, c->rules.pct_decimals, b[7], 64) : "-";
		text_cells(fp, widths, 8, v);
	}
	fprintf(fp, "  %s\n  %s\n", cw->not_measured_note, cw->not_measured_note2);
	fprintf(fp, "\n  %s:", cw->late_gaps);
	if (!k->late_gaps) {
		fprintf(fp, " %s\n", cw->none);
	} else {
		const char *head[7] = { cw->ticket, cw->priority, cw->from, cw->to, cw->gap,
					cw->allowed, "" };

		fputc('\n', fp);
		text_cells(fp, gap_widths, 7, head);
		for (size_t i = 0; i < k->all.n; i++) {
			const struct sk_cadence *t = &k->all.t[i];

			for (size_t g = 0; g < t->n_gaps; g++) {
				const struct sk_update_gap *x = &t->gaps[g];
				char note[128];
				const char *v[7];

				if (!x->late)
					continue;
				snprintf(note, sizeof(note), "%s \u2192 %s%s%s%s", cw->ends[x->from_kind],
					 cw->ends[x->to_kind], x->paused ? ", " : "",
					 x->paused ? cw->paused : "", x->paused ? " " : "");
				if (x->paused)
					report_hm(x->paused, note + strlen(note),
						  sizeof(note) - strlen(note));
				v[0] = t->ticket;
				v[1] = c->priorities[t->priority].id;
				v[2] = report_time(r, x->from, b[2], 64);
				v[3] = report_time(r, x->to, b[3], 64);
				v[4] = report_hm(x->business, b[4], 64);
				v[5] = report_hm(t->interval, b[5], 64);
				v[6] = note;
				text_cells(fp, gap_widths, 7, v);
			}
		}
	}
channel:
	if (!k || !has_response_by(c))
		return;
	if (!k->n_p)
		text_heading(fp, cw->title);
	fprintf(fp, "\n  %s:", cw->wrong_title);
	fputs(k->wrong_channel ? "\n" : " ", fp);
	if (!k->wrong_channel)
		fprintf(fp, "%s\n", cw->none);
	for (size_t i = 0; i < k->all.n; i++) {
		const struct sk_cadence *t = &k->all.t[i];
		const char *by = c->priorities[t->priority].response_by;
		char line[512], esc[1024];

		if (by && !t->response_channel)
			unknown++;
		if (!t->response_wrong)
			continue;
		snprintf(line, sizeof(line), "%s %s: %s %s, %s %s", t->ticket,
			 c->priorities[t->priority].id, cw->asked, cadence_by(cw, by), cw->made,
			 cadence_by(cw, t->response_channel));
		text_escape(esc, sizeof(esc), line, 0);
		fprintf(fp, "    %s\n", esc);
	}
	if (unknown)
		fprintf(fp, "  %s: %ld\n", cw->unknown_note, unknown);
}
