/*
 * The report's words in Dutch and English, and the small formatting helpers
 * every writer shares (percentages, durations, instants, padding UTF-8).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render_priv.h"

static const struct report_words nl = {
	.lang = "nl", .mark = ',',
	.months = { "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		    "september", "oktober", "november", "december" },
	.title = "Servicelevelrapportage", .contract = "Contract", .supplier = "Leverancier",
	.supplier_inline = "leverancier",
	.customer = "Klant", .period = "Periode", .through = "t/m", .generated = "Stand gegevens",
	.generated_note = "laatste import die de periode voedt", .version = "slakit-versie",
	.due = "SLR uiterlijk", .due_note = "werkdagen na de periode",
	.contract_hash = "SHA-256 contract", .inputs = "Invoer (imports die de periode voeden)",
	.rows = "rijen", .rejected = "afgewezen", .dst = "zomertijd", .dst_gap = "gaten",
	.pause_seen = "statussen die de klok stopten:",
	.dst_fold = "dubbel", .both_clocks_counts = "%ld van %ld tickets binnen de oplosnorm en zonder te late reactie",
	.choice = "Keuze", .choice_clause = "bepalingen", .choice_reading = "gekozen lezing",
	.choice_seed = "bron", .decisions = "Toegepaste beslissingen",
	.missing_rule = "ontbrekende KPI's",
	.missing_refuse = "getoond als ontbrekend; het domein wordt niet gescoord",
	.missing_zero = "geteld als 0 % van de norm",
	.missing_skip = "weggelaten; de andere gewichten geschaald",
	.priorities = "Prioriteiten", .prio_type = "prioriteit/type", .tickets = "tickets",
	.response_within = "reactie binnen", .resolution_within = "oplossing binnen", .norm = "norm",
	.met = "gehaald", .mttr = "MTTR", .mttp = "MTTP", .pending = "open",
	.all_types = "alle soorten", .yes = "ja", .no = "nee", .na = "n.v.t.", .of = "van",
	.types = { "storing", "verzoek", "wijziging", "probleem", "klacht" },
	.only_types = "; alleen ",
	.p1_list = "%s-meldingen", .ticket = "ticket", .reported = "gemeld", .channel = "kanaal",
	.response = "reactie", .resolution = "oplossing", .flags = "vlaggen",
	.uplifts = "P1-uplifts", .uplift_reason = "motivatie", .apart = "Apart vermeld",
	.excluded = "uitgesloten", .reason = "reden", .breaches = "Normoverschrijdingen",
	.clock = "klok", .target = "norm", .deadline = "deadline", .stopped = "gestopt",
	.late = "te laat (werktijd)", .open = "open", .none = "geen",
	.overdue_earlier = "Nog open en al in een eerdere periode over de termijn: %s",
	.late_at_limit = "te laat 0:00: precies op de grens gestopt, en de norm (<) vraagt korter "
			 "dan dat",
	.late_seconds = "te laat 0:00: minder dan een minuut over de norm",
	.not_measured = "%s: het contract geeft dit soort ticket geen %s",
	.nm_both = "reactie- of oplostermijn", .nm_response = "reactietermijn",
	.nm_resolution = "oplostermijn", .nm_changes = "geteld onder Wijzigingen",
	.state_met = "op tijd", .state_breached = "te laat", .state_pending = "loopt",
	.state_na = "n.v.t.", .state_open_late = "open, te laat",
	.flag_wrong_channel = "niet via het vereiste kanaal gemeld",
	.flag_channel_unknown = "kanaal niet vastgelegd (wel meegeteld)",
	.flag_matrix = "wijkt af van de prioriteitenmatrix (impact × urgentie): %s",
	.flag_impossible = "onmogelijke tijdlijn",
	.flag_priority_changed = "prioriteit gewijzigd, eerst", .flag_reopened = "heropend",
	.flag_uplift = "P1-uplift", .channel_was = "kanaal",
	.domains = "Domeinen en malus", .domain = "Domein", .kpi = "KPI", .measured = "gemeten",
	.pct_of_norm = "% v. norm", .weight = "gewicht", .weight_used = "gewicht gebruikt",
	.weight_score = "gewicht in score", .within_n = "binnen norm",
	.contribution = "bijdrage", .source = "bron", .derivation = "Berekening",
	.score = "Domeinscore", .staffel = "Staffel", .malus = "Malus", .escalation = "Escalatie",
	.malus_quarterly = "indicatief: de malus wordt per kwartaal vastgesteld",
	.on_invoice_of = "op de factuur van", .no_invoice = "geen factuurbedrag bekend",
	.not_scored = "niet gescoord", .not_scored_contract = "het contract scoort dit domein niet", .starts_on = "het domein start op",
	.incomplete = "onvolledig: KPI's zonder gegevens", .no_value = "geen KPI met waarde en gewicht",
	.normalised = "gewichten tellen op tot %s %%, geschaald naar 100 %%",
	.skipped = "KPI's zonder gegevens weggelaten", .missing = "ontbreekt",
	.capped = "gemaximeerd op 100 %", .window = "meetperiode",
	.pro_rata = "norm %s per %s x %d/%d maanden (naar rato) = %s",
	.not_pro_rata = "norm %s per %s, niet naar rato",
	.per_months = { "maand", "kwartaal", "halfjaar", "jaar" },
	.within_of = "%ld van %ld binnen norm", .measurement = "meting",
	.no_data = "geen gegevens", .outage_detail = "beschikbaarheid binnen het servicevenster",
	.mttr_note = "MTTR en MTTP: gemiddelde werktijd (u:mm, pauzes niet meegeteld) van melding tot"
		     " oplossing en tot de gebruiker weer kan werken, over de tickets die in de"
		     " periode zijn opgelost (weer productief), ook als hun oordeel in een andere"
		     " periode telde",
	.source_counts = {
		[SK_SRC_MANUAL] = "%ld van %ld",
		[SK_SRC_RESPONSE] = "%ld van %ld reactieklokken binnen norm",
		[SK_SRC_RESOLUTION] = "%ld van %ld oplosklokken binnen norm",
		[SK_SRC_RCA] = "%ld van %ld RCA's op tijd opgeleverd",
		[SK_SRC_HANDOVER] = "%ld van %ld op tijd doorgezet",
		[SK_SRC_FCR] = "%ld van %ld bij het eerste contact opgelost",
		[SK_SRC_STANDARD_CHANGE] = "%ld van %ld standaard changes op tijd",
		[SK_SRC_CAB] = "%ld van %ld niet-standaard changes met CAB-akkoord",
		[SK_SRC_FAILED_CHANGE] = "%ld van %ld changes mislukt",
		[SK_SRC_ONSITE] = "%ld van %ld onsite-bezoeken op tijd",
		[SK_SRC_SWAP] = "%ld van %ld apparaatvervangingen op tijd",
		[SK_SRC_COMPLAINT] = "%ld van %ld klachten op tijd opgelost",
		[SK_SRC_PROVISIONING] = "%ld van %ld accounts op tijd ingericht",
		[SK_SRC_CADENCE] = "%ld van %ld meldingen met statusupdates binnen de frequentie",
		[SK_SRC_CALLS] = "%ld van %ld gesprekken op tijd beantwoord",
		[SK_SRC_OUTAGES] = "%ld van %ld",
		[SK_SRC_SUPPLIER] = "%ld van %ld overdrachten binnen de afspraak met de leverancier",
		/* A count: the second number is the same one. */
		[SK_SRC_ACTIONS] = "%ld verbeteracties uitgevoerd",
		[SK_SRC_MTTP] = "gemiddelde werktijd tot weer productief van %ld tickets die in de "
				"periode weer productief werden",
	},
	.change_types = { "standaard", "normaal", "spoed" },
	.origins = { "ontbreekt", "tickets", "telefonie", "storingen", "KPI-meting", "opgegeven",
		     "verbeteracties" },
	.missing_title = "Ontbrekende gegevens",
	.missing_text = "KPI's zonder gegevens. Het rapport is toch gemaakt; hoe ze zijn behandeld:",
	.missing_hint = "ontbreekt:",
	.availability = "Beschikbaarheid per dienst", .service = "dienst",
	.service_window = "venster", .down = "uit", .outages = "storingen", .planned = "gepland",
	.changes = "Wijzigingen (changes)", .total = "totaal", .standard = "standaard",
	.normal = "normaal", .emergency = "spoed", .untyped = "zonder soort",
	.cab = "CAB-goedgekeurd", .failed = "mislukt", .solved = "afgerond", .planned_at = "gepland",
	.change_type = "soort", .non_standard = "niet-standaard",
	.complaints = "Klachten", .duration = "doorlooptijd", .limit = "grens",
	.within = "binnen grens",
	.escalations = "Escalaties", .esc_domain = "escalatie volgens de staffel",
	.esc_complaint = "klacht over de grens", .handovers = "doorgezet naar 2e/3e lijn",
	.trend = "Trend", .reported_n = "gemeld in de periode", .per_location = "Per locatie",
	.per_category = "Per categorie", .recurring = "Top-3 terugkerende storingscategorieën",
	.by_month = "Per maand", .month = "maand", .breached_n = "te laat",
	.unknown = "(onbekend)",
	.sheet_summary = "Overzicht", .sheet_priorities = "Prioriteiten",
	.sheet_domains = "Domeinen & malus", .sheet_tickets = "Tickets", .sheet_trend = "Trend",
	.start = "start", .elapsed = "verstreken", .paused = "gepauzeerd", .counts = "telt mee",
	.matrix_priority = "volgens matrix", .status = "status", .title_col = "titel",
	.category = "categorie", .location = "locatie", .productive = "productief",
	.responded = "gereageerd", .resolved = "opgelost", .value = "waarde", .unit = "eenheid",
	.detail = "toelichting", .step = "stap", .invoice = "factuur",
	.chart_response = "Reactie binnen norm per prioriteit",
	.chart_resolution = "Oplossing binnen norm per prioriteit",
	.chart_categories = "Tickets per categorie", .kind = "soort", .file = "bestand",
	.end = "Einde van de rapportage",
	/* Availability without data, the data's horizon, the contract's start, open tickets. */
	.avail_no_data_note = "geen gegevens: voor de dienst is in de periode geen storing gemeld, en het"
			      " contract zegt niet dat geen melding geen storing betekent",
	.avail_assumed_note = "geen storing gemeld: volgens het contract telt de dienst dan als"
			      " beschikbaar",
	.horizon_note = "horizon: het laatste moment dat de imports dekken",
	.horizon_fallback = "horizon: het laatste tijdstip in de gegevens",
	.beyond_horizon = "LET OP: de periode loopt tot %s, de gegevens tot %s; wat daarna gebeurde"
			  " ontbreekt in deze rapportage",
	.contract_start = "Contract vanaf", .last_import = "Laatste import",
	.pending_clocks = "lopende klokken",
	.open_note = "open: tickets die aan het eind van de periode nog niet opgelost waren",
	.pending_note = "lopende klokken: tickets met een reactie- of oplossingsklok die aan het eind "
			"van de periode nog liep, nog niet op tijd of te laat; zo'n klok telt nog niet "
			"mee in de percentages",
	.unmeasured_note = "reactie niet gemeten (de export heeft geen reactietijd, dus geen "
			   "overschrijding):",
	.unmeasured_tickets = "tickets",
	.complaint_note = "doorlooptijd: werktijd van melding tot oplossing, pauzes niet meegeteld,"
			  " zoals ook de klachten-KPI hem telt",
	.score_range = "domeinscore", .applied = "toegepast",
	.and_ = "en", .malus_word = "malus", .no_malus = "geen malus",
	.and_escalation = "en escalatie", .all_scores = "elke score",
	.per_priority = "per prioriteit", .business_time = "werktijd",
	.p1_note = "reactie en oplossing: verstreken werktijd (u:mm, pauzes niet meegeteld) tegen de"
		   " norm; < 0:15 betekent korter dan 15 minuten, ≤ 0:15 ten hoogste 15 minuten; open: aan"
		   " het eind van de periode nog niet gestopt en al over de norm",
	.apart_note = "tickets met een afwijking die u kunt nagaan (kanaal, prioriteit, tijdlijn of"
		      " afspraak); de kolom telt mee zegt of het ticket in de cijfers van dit rapport"
		      " meetelt",
	.counts_as = "ja, als", .not_counted = "nee",
	.on_time_share = "%ld van %ld op tijd",
	.missing_by = "aan te leveren door", .missing_by_supplier = "de leverancier",
	.missing_sources = { "de meting", "geen tickets om dit te meten; het cijfer is als meting aan te"
			     " leveren door", "de gesprekkenexport van de telefonie",
			     "de storingsregistratie" },
	.trend_all_types = "alle soorten", .trend_in_table = "in de prioriteitentabel",
	.trend_not_in_table = "niet in die tabel",
	.trend_earlier = "wel in die tabel: eerder gemeld, met een klok die in deze periode meetelt",
	.trend_apart = "apart vermeld en niet meegeteld",
	.trend_no_clock = "zonder klok die in deze periode meetelt (nog lopend of zonder norm)",
	.trend_other = "buiten de tickets die dit contract meet",
	.recurring_note = "alleen storingen met een categorie",
	.category_note = "alle gemelde tickets",
	.flag_short = { "verkeerd kanaal", "P1-uplift", "afwijkend van de matrix", "heropend",
			"onmogelijke tijdlijn", "prioriteit gewijzigd", "buiten kantoortijd",
			"geen reactietijd", "kanaal onbekend", "niet gemeten", "reactie niet gemeten",
			"uplift zonder motivatie" },
	.calendar = "kalender", .profile = "profiel",
	.invoice_from = "factuurbedrag uit", .the_contract = "het contract",
	.levels = { "", "afdelingsniveau", "managementniveau", "directieniveau" },
	.level = "escalatieniveau", .since = "sinds", .after = "na",
	.ladder_note = "escalatieladder, werktijd zonder oplossing (pauzes niet meegeteld)",
	.prio_head = "prioriteit", .malus_pct = "malus %", .malus_eur = "malus €",
};

static const struct report_words en = {
	.lang = "en", .mark = '.',
	.months = { "January", "February", "March", "April", "May", "June", "July", "August",
		    "September", "October", "November", "December" },
	.title = "Service level report", .contract = "Contract", .supplier = "Supplier",
	.supplier_inline = "supplier",
	.customer = "Customer", .period = "Period", .through = "to", .generated = "Data as of",
	.generated_note = "latest import that fed the period", .version = "slakit version",
	.due = "SLR due", .due_note = "working days after the period",
	.contract_hash = "SHA-256 contract", .inputs = "Inputs (imports that fed the period)",
	.rows = "rows", .rejected = "rejected", .dst = "DST", .dst_gap = "gaps", .dst_fold = "folds",
	.pause_seen = "statuses that stopped the clock:",
	.both_clocks_counts = "%ld of %ld tickets resolved within target with their response not late",
	.choice = "Choice", .choice_clause = "clauses", .choice_reading = "reading applied",
	.choice_seed = "source", .decisions = "Decisions applied", .missing_rule = "missing KPIs",
	.missing_refuse = "shown as missing; the domain is not scored",
	.missing_zero = "counted as 0 % of norm",
	.missing_skip = "left out; the other weights scaled",
	.priorities = "Priorities", .prio_type = "priority/type", .tickets = "tickets",
	.response_within = "response within", .resolution_within = "resolution within",
	.norm = "norm", .met = "met", .mttr = "MTTR", .mttp = "MTTP", .pending = "open",
	.all_types = "all types", .yes = "yes", .no = "no", .na = "n/a", .of = "of",
	.types = { "incident", "request", "change", "problem", "complaint" },
	.only_types = "; only ",
	.p1_list = "%s tickets", .ticket = "ticket", .reported = "reported", .channel = "channel",
	.response = "response", .resolution = "resolution", .flags = "flags",
	.uplifts = "P1 uplifts", .uplift_reason = "reason", .apart = "Listed apart",
	.excluded = "excluded", .reason = "reason", .breaches = "Breached tickets",
	.clock = "clock", .target = "target", .deadline = "deadline", .stopped = "stopped",
	.late = "late by (business hours)", .open = "open", .none = "none",
	.overdue_earlier = "Still open and past their deadline since an earlier period: %s",
	.late_at_limit = "late by 0:00: stopped exactly at the limit, and the target (<) asks for "
			 "less than that",
	.late_seconds = "late by 0:00: less than a minute over the target",
	.not_measured = "%s: the contract sets no %s for this kind of ticket",
	.nm_both = "response or resolution time", .nm_response = "response time",
	.nm_resolution = "resolution time", .nm_changes = "counted under Changes",
	.state_met = "met", .state_breached = "breached", .state_pending = "pending",
	.state_na = "n/a", .state_open_late = "open, breached",
	.flag_wrong_channel = "not reported through the required channel",
	.flag_channel_unknown = "channel not recorded (counted)",
	.flag_matrix = "differs from the priority matrix (impact × urgency): %s",
	.flag_impossible = "impossible timeline",
	.flag_priority_changed = "priority changed, first", .flag_reopened = "reopened",
	.flag_uplift = "P1 uplift", .channel_was = "channel",
	.domains = "Domains and penalties", .domain = "Domain", .kpi = "KPI", .measured = "measured",
	.pct_of_norm = "% of norm", .weight = "weight", .weight_used = "weight used",
	.weight_score = "weight in score", .within_n = "within",
	.contribution = "contrib.", .source = "source", .derivation = "Derivation",
	.score = "Domain score", .staffel = "Penalty scale", .malus = "Penalty",
	.escalation = "Escalation",
	.malus_quarterly = "indicative: the penalty is settled per quarter", .on_invoice_of = "on the invoice of",
	.no_invoice = "no invoice amount known", .not_scored = "not scored",
	.not_scored_contract = "the contract does not score this domain",
	.starts_on = "the domain starts on", .incomplete = "incomplete: KPIs without data",
	.no_value = "no KPI with a value and a weight",
	.normalised = "weights add up to %s %%, scaled to 100 %%",
	.skipped = "KPIs without data left out", .missing = "missing",
	.capped = "capped at 100 %", .window = "window",
	.pro_rata = "norm %s per %s x %d/%d months (pro rata) = %s",
	.not_pro_rata = "norm %s per %s, not pro rata",
	.per_months = { "month", "quarter", "half-year", "year" }, .within_of = "%ld of %ld within",
	.measurement = "measurement", .no_data = "no data",
	.outage_detail = "availability within the service window",
	.mttr_note = "MTTR and MTTP: mean business time (h:mm, pauses left out) from report to"
		     " resolution and to the user working again, over the tickets resolved"
		     " (productive again) in the period, also when their verdict counted in another"
		     " period",
	.source_counts = {
		[SK_SRC_MANUAL] = "%ld of %ld",
		[SK_SRC_RESPONSE] = "%ld of %ld response clocks within target",
		[SK_SRC_RESOLUTION] = "%ld of %ld resolution clocks within target",
		[SK_SRC_RCA] = "%ld of %ld RCAs delivered in time",
		[SK_SRC_HANDOVER] = "%ld of %ld hand-overs in time",
		[SK_SRC_FCR] = "%ld of %ld resolved at first contact",
		[SK_SRC_STANDARD_CHANGE] = "%ld of %ld standard changes in time",
		[SK_SRC_CAB] = "%ld of %ld non-standard changes CAB-approved",
		[SK_SRC_FAILED_CHANGE] = "%ld of %ld changes failed",
		[SK_SRC_ONSITE] = "%ld of %ld onsite visits in time",
		[SK_SRC_SWAP] = "%ld of %ld device swaps in time",
		[SK_SRC_COMPLAINT] = "%ld of %ld complaints resolved in time",
		[SK_SRC_PROVISIONING] = "%ld of %ld accounts provisioned in time",
		[SK_SRC_CADENCE] = "%ld of %ld tickets with status updates within the interval",
		[SK_SRC_CALLS] = "%ld of %ld calls answered in time",
		[SK_SRC_OUTAGES] = "%ld of %ld",
		[SK_SRC_SUPPLIER] = "%ld of %ld hand-overs within the supplier's targets",
		[SK_SRC_ACTIONS] = "%ld improvement actions done",
		[SK_SRC_MTTP] = "mean business time to productive again over %ld tickets that were "
				"productive again in the period",
	},
	.change_types = { "standard", "normal", "emergency" },
	.origins = { "missing", "tickets", "calls", "outages", "KPI measurement", "given",
		     "actions" },
	.missing_title = "Missing data",
	.missing_text = "KPIs without data. The report was made anyway; how they were treated:",
	.missing_hint = "missing:",
	.availability = "Availability per service", .service = "service",
	.service_window = "window", .down = "down", .outages = "outages", .planned = "planned",
	.changes = "Changes", .total = "total", .standard = "standard", .normal = "normal",
	.emergency = "emergency", .untyped = "untyped", .cab = "CAB-approved", .failed = "failed",
	.solved = "completed", .planned_at = "planned", .change_type = "kind",
	.non_standard = "non-standard",
	.complaints = "Complaints", .duration = "duration", .limit = "limit",
	.within = "within limit",
	.escalations = "Escalations", .esc_domain = "escalation by the penalty scale",
	.esc_complaint = "complaint beyond its limit", .handovers = "handed over to 2nd/3rd line",
	.trend = "Trend", .reported_n = "reported in the period", .per_location = "Per location",
	.per_category = "Per category", .recurring = "Top-3 recurring incident categories",
	.by_month = "Month by month", .month = "month", .breached_n = "breached",
	.unknown = "(unknown)",
	.sheet_summary = "Overview", .sheet_priorities = "Priorities",
	.sheet_domains = "Domains & penalties", .sheet_tickets = "Tickets", .sheet_trend = "Trend",
	.start = "start", .elapsed = "elapsed", .paused = "paused", .counts = "counts",
	.matrix_priority = "per matrix", .status = "status", .title_col = "title",
	.category = "category", .location = "location", .productive = "productive",
	.responded = "responded", .resolved = "resolved", .value = "value", .unit = "unit",
	.detail = "detail", .step = "step", .invoice = "invoice",
	.chart_response = "Response within target per priority",
	.chart_resolution = "Resolution within target per priority",
	.chart_categories = "Tickets per category", .kind = "kind", .file = "file",
	.end = "End of report",
	/* Availability without data, the data's horizon, the contract's start, open tickets. */
	.avail_no_data_note = "no data: no outage was reported for the service in the period, and the"
			      " contract does not say that none reported means none occurred",
	.avail_assumed_note = "no outage reported: by the contract the service then counts as"
			      " available",
	.horizon_note = "horizon: the latest time the imports cover",
	.horizon_fallback = "horizon: the latest time in the data",
	.beyond_horizon = "NOTE: the period runs to %s, the data to %s; what happened after that is"
			  " missing from this report",
	.contract_start = "Contract from", .last_import = "Latest import",
	.pending_clocks = "pending clocks",
	.open_note = "open: tickets not yet resolved at the end of the period",
	.pending_note = "pending clocks: tickets with a response or resolution clock still running "
			"at the end of the period, neither met nor breached yet; such a clock does "
			"not count in the shares yet",
	.unmeasured_note = "response not measured (the export has no response time, so no "
			   "breach):",
	.unmeasured_tickets = "tickets",
	.complaint_note = "duration: business time from report to solution, pauses left out, as"
			  " the complaint KPI counts it too",
	.score_range = "domain score", .applied = "applied",
	.and_ = "and", .malus_word = "penalty", .no_malus = "no penalty",
	.and_escalation = "and escalation", .all_scores = "any score",
	.per_priority = "per priority", .business_time = "business hours",
	.p1_note = "response and resolution: business time taken (h:mm, pauses left out) against the"
		   " target; < 0:15 means less than 15 minutes, ≤ 0:15 at most 15 minutes; open: not"
		   " stopped by the end of the period and already past the target",
	.apart_note = "tickets with a deviation you can check (channel, priority, timeline or"
		      " agreement); the column counts says whether the ticket counts in this report's"
		      " figures",
	.counts_as = "yes, as", .not_counted = "no",
	.on_time_share = "%ld of %ld in time",
	.missing_by = "to be supplied by", .missing_by_supplier = "the supplier",
	.missing_sources = { "the measurement", "no tickets to measure it; the figure is to be supplied"
			     " as a measurement by", "the call export of the phone platform",
			     "the outage register" },
	.trend_all_types = "all kinds", .trend_in_table = "in the priority table",
	.trend_not_in_table = "not in that table",
	.trend_earlier = "in that table too: reported earlier, with a clock that counts in this period",
	.trend_apart = "listed apart and not counted",
	.trend_no_clock = "without a clock that counts in this period (still running or no target)",
	.trend_other = "outside the tickets this contract measures",
	.recurring_note = "incidents with a category only",
	.category_note = "all tickets reported",
	.flag_short = { "wrong channel", "P1 uplift", "differs from the matrix", "reopened",
			"impossible timeline", "priority changed", "after hours", "no response time",
			"channel unknown", "not measured", "response not measured",
			"uplift without motivation" },
	.calendar = "calendar", .profile = "profile",
	.invoice_from = "invoice amount from", .the_contract = "the contract",
	.levels = { "", "department level", "management level", "director level" },
	.level = "escalation level", .since = "since", .after = "after",
	.ladder_note = "escalation ladder, business time without a solution (pauses left out)",
	.prio_head = "priority", .malus_pct = "penalty %", .malus_eur = "penalty EUR",
};

const struct report_words *report_words_for(const char *lang)
{
	return lang && strcmp(lang, "nl") == 0 ? &nl : &en;
}

const char *report_lang(const struct sk_report *r, const char *lang)
{
	if (lang && (strcmp(lang, "nl") == 0 || strcmp(lang, "en") == 0))
		return lang;
	return r->contract->language && strcmp(r->contract->language, "nl") == 0 ? "nl" : "en";
}

const char *report_state_word(const struct report_words *w, enum sk_clock_state s)
{
	switch (s) {
	case SK_CLOCK_MET: return w->state_met;
	case SK_CLOCK_BREACHED: return w->state_breached;
	case SK_CLOCK_PENDING: return w->state_pending;
	case SK_CLOCK_NA: break;
	}
	return w->state_na;
}

const char *report_clock_state(const struct report_words *w, const struct sk_clock *k, int brief)
{
	if (k->state == SK_CLOCK_BREACHED && !k->stop)
		return brief ? w->open : w->state_open_late;
	return report_state_word(w, k->state);
}

const char *report_type_word(const struct report_words *w, int type)
{
	return type >= 0 && type < SK_TICKET_TYPES ? w->types[type] : w->all_types;
}

/*
 * Which clock the contract leaves unmeasured (a target `none`) for ticket @x, from the
 * contract as the computation asks it: "wijziging (normaal): het contract geeft dit
 * soort ticket geen reactie- of oplostermijn; geteld onder Wijzigingen".
 */
static const char *not_measured_text(const struct report_words *w, const struct sk_contract *c,
				     const struct sk_result *x, char *what, size_t wsize,
				     char *buf, size_t size)
{
	const struct sk_ticket *t = &x->ticket;
	int change = t->type == SK_TICKET_CHANGE ? sk_change_type_parse(t->change_type) : -1;
	const char *kinds[SK_CHANGE_TYPES] = { w->standard, w->normal, w->emergency };
	struct sk_target tg[2];
	const char *clocks;
	size_t n;

	sk_contract_ticket_target(c, x->v.priority, t->type, change, 0, &tg[0]);
	sk_contract_ticket_target(c, x->v.priority, t->type, change, 1, &tg[1]);
	clocks = tg[0].none && tg[1].none ? w->nm_both : tg[0].none ? w->nm_response
									: w->nm_resolution;
	if (change >= 0 && change < SK_CHANGE_TYPES)
		snprintf(what, wsize, "%s (%s)", report_type_word(w, t->type), kinds[change]);
	else
		snprintf(what, wsize, "%s", report_type_word(w, t->type));
	n = (size_t)snprintf(buf, size, w->not_measured, what, clocks);
	if (t->type == SK_TICKET_CHANGE && n < size)
		snprintf(buf + n, size - n, "; %s", w->nm_changes);
	return buf;
}

char *report_flag_text(const struct report_words *w, const struct sk_report *r,
		       const struct sk_result *x, char *buf, size_t size)
{
	const struct sk_contract *c = r->contract;
	const struct sk_verdict *v = &x->v;
	size_t n = 0;

	buf[0] = '\0';
#define ADD(...) (n += (size_t)snprintf(buf + n, n < size ? size - n : 0, __VA_ARGS__))
	if (v->flags & SK_FLAG_WRONG_CHANNEL)
		ADD("%s%s (%s: %s)", n ? "; " : "", w->flag_wrong_channel, w->channel_was,
		    report_channel_word(w, x->ticket.channel));
	if (v->flags & SK_FLAG_CHANNEL_UNKNOWN)
		ADD("%s%s", n ? "; " : "", w->flag_channel_unknown);
	if ((v->flags & SK_FLAG_MATRIX) && v->matrix_priority >= 0) {
		ADD("%s", n ? "; " : "");
		ADD(w->flag_matrix, c->priorities[v->matrix_priority].id);
	}
	if ((v->flags & SK_FLAG_PRIORITY_CHANGED) && x->ticket.initial_priority >= 0)
		ADD("%s%s %s", n ? "; " : "", w->flag_priority_changed,
		    c->priorities[x->ticket.initial_priority].id);
	if (v->flags & SK_FLAG_REOPENED)
		ADD("%s%s", n ? "; " : "", w->flag_reopened);
	/* The computation's own words say what is impossible about the timeline. */
	if (v->flags & SK_FLAG_IMPOSSIBLE)
		ADD("%s%s (%s)", n ? "; " : "", w->flag_impossible, v->reason);
	if (v->flags & SK_FLAG_UPLIFT)
		ADD("%s%s", n ? "; " : "", w->flag_uplift);
	/* The computation's newer flags (sk_compute_ticket()); words kept here. */
	if (v->flags & SK_FLAG_UPLIFT_UNMOTIVATED)
		ADD("%s%s", n ? "; " : "", strcmp(w->lang, "nl") == 0 ? "geen motivatie vastgelegd"
		    : "no motivation recorded");
	if (v->flags & SK_FLAG_NOT_MEASURED) {
		char what[96], why[256];

		ADD("%s%s", n ? "; " : "", not_measured_text(w, c, x, what, sizeof(what), why,
							     sizeof(why)));
	}
	if (v->flags & SK_FLAG_RESPONSE_UNMEASURED)
		ADD("%s%s", n ? "; " : "", strcmp(w->lang, "nl") == 0
		    ? "reactie niet gemeten: de export heeft geen reactietijd"
		    : "response not measured: the export has no response time");
#undef ADD
	if (n >= size && size > 4)
		memcpy(buf + size - 4, "...", 4);
	return buf;
}

char *report_pct(const struct report_words *w, sk_dec v, int decimals, char *buf, size_t size)
{
	char num[48];

	if (decimals < 0)
		sk_dec_format_short(v, w->mark, num, sizeof(num));
	else
		sk_dec_format(v, decimals, w->mark, num, sizeof(num));
	snprintf(buf, size, "%s %%", num);
	return buf;
}

/* Whether @v, as shown, stands on the side of @norm that verdict @met says. */
static int on_side(sk_dec v, sk_dec norm, enum sk_direction dir, int met)
{
	if (dir == SK_LOWER_IS_BETTER)
		return met ? v <= norm : v > norm;
	return met ? v >= norm : v < norm;
}

void report_figure(sk_dec num, sk_dec den, sk_dec norm, enum sk_direction dir, int met,
		   int decimals, struct report_figure *out)
{
	/* A met figure may take all six places (a norm written with them); a miss at most the max. */
	int last = met ? 6 : REPORT_MAX_DECIMALS;
	int d = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;

	out->bound = 0;
	for (;; d++) {
		out->decimals = d;
		if (sk_dec_percent(num, den, d, &out->value) != SK_OK ||
		    on_side(out->value, norm, dir, met) || d >= last)
			break;
	}
	/* A share strictly between none and all never reads as 0 or 100 %: an
	 * uptime of 99,96 % shown as "100,0 %" tells the client nothing was down. */
	while (d < 6 && num > 0 && num < den && (out->value == 0 || out->value == SK_DEC(100))) {
		out->decimals = ++d;
		if (sk_dec_percent(num, den, d, &out->value) != SK_OK)
			break;
	}
	/* A miss still on the norm at the most places shown: say which side it is on. */
	if (!met && !on_side(out->value, norm, dir, met)) {
		out->bound = dir == SK_LOWER_IS_BETTER ? '>' : '<';
		/* For a number (CSV) the finest there is. */
		out->decimals = 6;
		sk_dec_percent(num, den, 6, &out->value);
	}
}

char *report_figure_pct(const struct report_words *w, const struct report_figure *f, sk_dec norm,
			char *buf, size_t size)
{
	char num[48];

	if (!f->bound)
		return report_pct(w, f->value, f->decimals, buf, size);
	snprintf(buf, size, "%c%s %%", f->bound, sk_dec_format_short(norm, w->mark, num, sizeof(num)));
	return buf;
}

int report_share_met(long within, long n, sk_dec norm)
{
	return (int64_t)within * 100 * SK_DEC_ONE >= (int64_t)norm * n;
}

int report_kpi_side(const struct sk_kpi_score *ks)
{
	if (!ks->has_value || !ks->kpi->has_norm)
		return -1;
	return ks->kpi->direction == SK_LOWER_IS_BETTER ? ks->measured <= ks->norm_used
							 : ks->measured >= ks->norm_used;
}

void report_kpi_measured(const struct sk_kpi_score *ks, struct report_figure *f)
{
	int side = report_kpi_side(ks);

	if (side < 0) {
		f->value = sk_dec_round(ks->measured, 2);
		f->decimals = 2;
		f->bound = 0;
		return;
	}
	report_figure(ks->measured, SK_DEC(100), ks->norm_used, ks->kpi->direction, side, 2, f);
}

char *report_kpi_measured_text(const struct report_words *w, const struct sk_kpi_score *ks,
			       char *buf, size_t size)
{
	struct report_figure f;

	report_kpi_measured(ks, &f);
	return report_figure_pct(w, &f, ks->norm_used, buf, size);
}

void report_kpi_pct(const struct sk_kpi_score *ks, int decimals, struct report_figure *f)
{
	int side = report_kpi_side(ks);
	sk_dec fine;

	f->value = ks->pct;
	f->decimals = decimals;
	f->bound = 0;
	/* The scored value says it already, or there is no finer one to show. */
	if (side < 0 || ks->n_parts || on_side(ks->pct, SK_DEC(100), SK_HIGHER_IS_BETTER, side))
		return;
	if (sk_kpi_pct_of_norm(ks->kpi, ks->measured, ks->norm_used, 6, &fine) != SK_OK)
		return;
	report_figure(fine, SK_DEC(100), SK_DEC(100), SK_HIGHER_IS_BETTER, side, decimals, f);
}

char *report_kpi_pct_text(const struct report_words *w, const struct sk_kpi_score *ks,
			  int decimals, char *buf, size_t size)
{
	struct report_figure f;

	report_kpi_pct(ks, decimals, &f);
	return report_figure_pct(w, &f, SK_DEC(100), buf, size);
}

char *report_hm(int64_t seconds, char *buf, size_t size)
{
	int64_t a = seconds < 0 ? -seconds : seconds;

	snprintf(buf, size, "%s%" PRId64 ":%02d", seconds < 0 ? "-" : "", a / 3600,
		 (int)(a / 60 % 60));
	return buf;
}

char *report_time(const struct sk_report *r, sk_time t, char *buf, size_t size)
{
	struct sk_civil c;

	if (!t) {
		snprintf(buf, size, "-");
		return buf;
	}
	sk_tz_to_civil(r->contract->tz, t, &c);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.min);
	return buf;
}

char *report_period_name(const struct report_words *w, const struct sk_period *p, char *buf,
			 size_t size)
{
	int nl = w->mark == ',';

	switch (p->kind) {
	case SK_PERIOD_MONTH:
		snprintf(buf, size, "%s %d", w->months[p->index - 1], p->year);
		break;
	case SK_PERIOD_QUARTER:
		snprintf(buf, size, nl ? "%de kwartaal %d" : "Q%d %d", p->index, p->year);
		break;
	case SK_PERIOD_HALF:
		snprintf(buf, size, nl ? "%de halfjaar %d" : "H%d %d", p->index, p->year);
		break;
	case SK_PERIOD_YEAR:
		snprintf(buf, size, "%d", p->year);
		break;
	}
	return buf;
}

const char *report_missing_name(enum sk_missing_rule m)
{
	return m == SK_MISSING_ZERO ? "zero" : m == SK_MISSING_SKIP ? "skip" : "refuse";
}

char *report_prio_label(const struct sk_contract *c, int p, char *buf, size_t size)
{
	const struct sk_priority *pr = &c->priorities[p];

	if (pr->name && strcmp(pr->name, pr->id) != 0)
		snprintf(buf, size, "%s %s", pr->id, pr->name);
	else
		snprintf(buf, size, "%s", pr->id);
	return buf;
}

size_t report_width(const char *s)
{
	size_t n = 0;

	/* Count every byte that does not continue a UTF-8 sequence. */
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

void report_pad(FILE *fp, const char *s, size_t width, int right)
{
	size_t w = report_width(s), bytes = 0, cols = 0;

	if (!s)
		s = "";
	if (w > width) {
		/* Cut on a character boundary and mark the cut. */
		while (s[bytes] && cols < width - (width > 0)) {
			bytes++;
			while (((unsigned char)s[bytes] & 0xC0) == 0x80)
				bytes++;
			cols++;
		}
		fwrite(s, 1, bytes, fp);
		if (width > 0)
			fputs("…", fp);
		return;
	}
	if (right)
		fprintf(fp, "%*s%s", (int)(width - w), "", s);
	else
		fprintf(fp, "%s%*s", s, (int)(width - w), "");
}

const char *report_change_type_word(const struct report_words *w, const char *type)
{
	static const char *const names[3] = { "standard", "normal", "emergency" };

	for (int i = 0; i < 3; i++)
		if (type && strcmp(type, names[i]) == 0)
			return w->change_types[i];
	return type ? type : "-";
}

/* "; norm 2 per year x 6/12 months (pro rata) = 1": how the norm of the window came about. */
static size_t pro_rata_note(const struct report_words *w, const struct sk_kpi_score *ks, char *buf,
			    size_t size)
{
	const struct sk_kpi *k = ks->kpi;
	int per = k->norm_months == 1 ? 0 : k->norm_months == 3 ? 1 : k->norm_months == 6 ? 2 : 3;
	char written[64], used[64], note[192];
	int n;

	if (k->norm_months == ks->window_months)
		return 0;
	sk_dec_format_short(k->norm, w->mark, written, sizeof(written));
	sk_dec_format_short(ks->norm_used, w->mark, used, sizeof(used));
	if (ks->pro_rata)
		snprintf(note, sizeof(note), w->pro_rata, written, w->per_months[per],
			 ks->window_months, k->norm_months, used);
	else
		snprintf(note, sizeof(note), w->not_pro_rata, written, w->per_months[per]);
	n = snprintf(buf, size, "; %s", note);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

char *report_kpi_detail(const struct report_words *w, const struct sk_kpi_score *ks, char *buf,
			size_t size)
{
	const struct sk_kpi *k = ks->kpi;
	size_t n;

	/* The score explains itself in English; Dutch is said here from the same counts, and
	 * so is a service's availability in both (the score's words name the service's id). */
	if (w->mark == '.' && k->source_kind != SK_SRC_OUTAGES)
		n = (size_t)snprintf(buf, size, "%s", ks->detail);
	else if (!ks->has_value)
		n = (size_t)snprintf(buf, size, "%s", w->no_data);
	else if (ks->origin == SK_ORIGIN_OUTAGES)
		n = (size_t)snprintf(buf, size, "%s", w->outage_detail);
	else if (ks->origin == SK_ORIGIN_MANUAL || ks->origin == SK_ORIGIN_GIVEN)
		n = (size_t)snprintf(buf, size, "%s", w->origins[ks->origin]);
	else if (k->both_clocks)
		n = (size_t)snprintf(buf, size, w->both_clocks_counts, ks->within, ks->n);
	else if (k->source_kind == SK_SRC_MTTP) /* a mean over ks->n tickets, not a share */
		n = (size_t)snprintf(buf, size, w->source_counts[k->source_kind], ks->n);
	else
		n = (size_t)snprintf(buf, size, w->source_counts[k->source_kind], ks->within, ks->n);
	/* A KPI of some ticket types only says which (the per-type rows count all);
	 * in English the score's own words already do. */
	for (int t = 0, first = 1; w->mark != '.' && t < SK_TICKET_TYPES && k->source_types &&
	     n < size; t++)
		if (k->source_types & (1u << t)) {
			n += (size_t)snprintf(buf + n, size - n, "%s%s", first ? w->only_types : ", ",
					      w->types[t]);
			first = 0;
		}
	/* The window once: the score's English words name it already ("... in 2027-Q1"). */
	if (n < size && !(w->mark == '.' && k->source_kind != SK_SRC_OUTAGES && *ks->window &&
			  strstr(ks->detail, ks->window)))
		n += (size_t)snprintf(buf + n, size - n, " (%s %s)", w->window, ks->window);
	if (k->norm_months && k->has_norm && n < size)
		n += pro_rata_note(w, ks, buf + n, size - n);
	if (ks->capped && n < size)
		snprintf(buf + n, size - n, "; %s", w->capped);
	return buf;
}

/*
 * "response not measured (...): P2 4, P4 2 tickets" over the rows of all
 * types, or "" when every counted ticket's response was measured.
 */
char *report_unmeasured_line(const struct sk_report *r, const struct report_words *w, char *buf,
			     size_t size)
{
	size_t n = 0;
	int any = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->n_prio && n < size; i++) {
		const struct sk_report_prio *p = &r->prio[i];

		if (p->type >= 0 || !p->response_unmeasured)
			continue;
		n += (size_t)snprintf(buf + n, size - n, "%s %s %ld", any ? "," : w->unmeasured_note,
				      r->contract->priorities[p->priority].id, p->response_unmeasured);
		any = 1;
	}
	if (any && n < size)
		snprintf(buf + n, size - n, " %s", w->unmeasured_tickets);
	return buf;
}


/* A score as the staffel reads it: the contract's score places. */
static char *score_num(const struct report_words *w, const struct sk_contract *c, sk_dec v,
		       char *buf, size_t size)
{
	return sk_dec_format(v, c->rules.score_decimals, w->mark, buf, size);
}

char *report_staffel_range(const struct report_words *w, const struct sk_contract *c, int step,
			   char *buf, size_t size)
{
	char lo[48], hi[48];
	int last = (int)c->n_staffel - 1;

	/* Steps are sorted highest first; below the last threshold the last step applies. */
	if (last <= 0)
		snprintf(buf, size, "%s", w->all_scores);
	else if (step == 0)
		snprintf(buf, size, "≥ %s", score_num(w, c, c->staffel[0].min_score, lo, sizeof(lo)));
	else if (step == last)
		snprintf(buf, size, "< %s", score_num(w, c, c->staffel[step - 1].min_score, hi, sizeof(hi)));
	else
		snprintf(buf, size, "≥ %s %s < %s", score_num(w, c, c->staffel[step].min_score, lo, sizeof(lo)),
			 w->and_, score_num(w, c, c->staffel[step - 1].min_score, hi, sizeof(hi)));
	return buf;
}

char *report_step_consequence(const struct report_words *w, const struct sk_staffel_step *st,
			      char *buf, size_t size)
{
	char m[64];

	if (st->malus == 0)
		snprintf(buf, size, "%s%s%s", w->no_malus, st->escalate ? " " : "",
			 st->escalate ? w->and_escalation : "");
	else
		snprintf(buf, size, "%s %s%s%s", report_pct(w, st->malus, -1, m, sizeof(m)), w->malus_word,
			 st->escalate ? " " : "", st->escalate ? w->and_escalation : "");
	return buf;
}

char *report_domain_result(const struct report_words *w, const struct sk_contract *c,
			   const struct sk_domain_score *ds, char *buf, size_t size)
{
	char sc[48], lo[48], hi[48], what[128];
	int step = ds->step, last = (int)c->n_staffel - 1;

	score_num(w, c, ds->score, sc, sizeof(sc));
	if (step < 0) {
		snprintf(buf, size, "%s", sc);
		return buf;
	}
	report_step_consequence(w, &c->staffel[step], what, sizeof(what));
	if (last <= 0)
		snprintf(buf, size, "%s → %s", sc, what);
	else if (step == 0)
		snprintf(buf, size, "%s ≥ %s → %s", sc,
			 score_num(w, c, c->staffel[0].min_score, lo, sizeof(lo)), what);
	else if (step == last)
		snprintf(buf, size, "%s < %s → %s", sc,
			 score_num(w, c, c->staffel[step - 1].min_score, hi, sizeof(hi)), what);
	else
		snprintf(buf, size, "%s ≤ %s < %s → %s",
			 score_num(w, c, c->staffel[step].min_score, lo, sizeof(lo)), sc,
			 score_num(w, c, c->staffel[step - 1].min_score, hi, sizeof(hi)), what);
	return buf;
}

const char *report_unit_suffix(const struct report_words *w, const struct sk_kpi *k)
{
	if (k && k->unit && strcmp(k->unit, "hours") == 0)
		return strcmp(w->lang, "nl") == 0 ? " uur" : " h";
	return "";
}

char *report_norm_text(const struct report_words *w, const struct sk_kpi *k, sk_dec norm,
		       char *buf, size_t size)
{
	char v[64];

	if (k->unit && strcmp(k->unit, "%") == 0)
		report_pct(w, norm, -1, v, sizeof(v));
	else
		sk_dec_format_short(norm, w->mark, v, sizeof(v));
	snprintf(buf, size, "%s %s%s", k->direction == SK_LOWER_IS_BETTER ? "≤" : "≥", v,
		 report_unit_suffix(w, k));
	return buf;
}

const char *report_late_note(const struct report_words *w, const struct sk_clock *k,
			     int64_t late)
{
	if (late >= 60)
		return NULL;
	/* A strict target ("< 0:15") is missed by stopping on it: late by nothing at all. */
	return late <= 0 && k->below ? w->late_at_limit : w->late_seconds;
}

char *report_target(const struct sk_clock *k, char *buf, size_t size)
{
	char t[24];

	snprintf(buf, size, "%s %s", k->below ? "<" : "≤", report_hm(k->target, t, sizeof(t)));
	return buf;
}

const char *report_channel_word(const struct report_words *w, const char *channel)
{
	static const char *const ids[] = { "phone", "email", "portal", "chat", "walk-in" };
	static const char *const nl_words[] = { "telefoon", "e-mail", "portal", "chat", "balie" };
	static const char *const en_words[] = { "phone", "email", "portal", "chat", "walk-in" };

	if (!channel || !channel[0])
		return "-";
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (strcmp(channel, ids[i]) == 0)
			return w->mark == ',' ? nl_words[i] : en_words[i];
	return channel;
}

char *report_missing_line(const struct report_words *w, const struct sk_report *r,
			  const struct sk_kpi_score *ks, char *buf, size_t size)
{
	const struct sk_kpi *k = ks->kpi;
	const char *supplier = r->contract->supplier;
	/* What is missing: the measurement, the export its figure is counted from, or (tickets)
	   any ticket to count: then the figure itself, as a measurement. */
	int what = k->source_kind == SK_SRC_MANUAL ? 0 : k->source_kind == SK_SRC_CALLS ? 2
		   : k->source_kind == SK_SRC_OUTAGES ? 3 : 1;

	if (what == 1)
		snprintf(buf, size, "%s (%s %s): %s %s%s%s%s", k->name, w->window, ks->window,
			 w->missing_sources[what], w->missing_by_supplier, supplier ? " (" : "",
			 supplier ? supplier : "", supplier ? ")" : "");
	else
		snprintf(buf, size, "%s (%s %s) %s %s; %s %s%s%s%s", k->name, w->window, ks->window,
			 w->missing_hint, w->missing_sources[what], w->missing_by,
			 w->missing_by_supplier, supplier ? " (" : "", supplier ? supplier : "",
			 supplier ? ")" : "");
	return buf;
}

/* Whether result @x is counted in the priority table (report.c's tally()). */
static int in_prio_table(const struct sk_result *x)
{
	const struct sk_verdict *v = &x->v;

	if (v->excluded)
		return 0;
	return (x->response_counts &&
		(v->response.state == SK_CLOCK_MET || v->response.state == SK_CLOCK_BREACHED)) ||
	       (x->resolution_counts &&
		(v->resolution.state == SK_CLOCK_MET || v->resolution.state == SK_CLOCK_BREACHED));
}

void report_reconcile(const struct sk_report *r, struct report_reconcile *out)
{
	const struct sk_results *res = r->results;
	long placed = 0;

	memset(out, 0, sizeof(*out));
	out->reported = r->reported;
	for (size_t i = 0; i < r->n_prio; i++)
		if (r->prio[i].type < 0)
			out->in_table += r->prio[i].tickets;
	for (size_t i = 0; res && i < res->n + r->n_others; i++) {
		const struct sk_result *x = i < res->n ? &res->r[i] : &r->others[i - res->n];
		sk_time t = x->ticket.reported_at;

		if (t < r->period.start || t >= r->period.end)
			continue;
		if (in_prio_table(x))
			out->counted++;
		else if (x->v.excluded)
			out->apart++;
		else if ((int)x->ticket.type >= 0 && (int)x->ticket.type < SK_TICKET_TYPES)
			out->no_clock[x->ticket.type]++;
		else
			out->other++;
	}
	out->earlier = out->in_table - out->counted;
	placed = out->counted + out->apart + out->other;
	for (int t = 0; t < SK_TICKET_TYPES; t++)
		placed += out->no_clock[t];
	/* Reported in the period and not among its tickets in scope (another contract's scope). */
	out->other += out->reported - placed;
}

char *report_reconcile_line(const struct report_words *w, const struct report_reconcile *rc, int i,
			    char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	switch (i) {
	case 0:
		n = (size_t)snprintf(buf, size, "%s: %ld (%s); %s: %ld", w->reported_n, rc->reported,
				     w->trend_all_types, w->trend_in_table, rc->in_table);
		if (rc->reported != rc->counted && n < size)
			snprintf(buf + n, size - n, "; %s: %ld", w->trend_not_in_table,
				 rc->reported - rc->counted);
		break;
	case 1:
		/* "klacht 4: zonder klok ...": the counts first, so a wrap never parts them. */
		for (int t = 0; t < SK_TICKET_TYPES && n < size; t++)
			if (rc->no_clock[t])
				n += (size_t)snprintf(buf + n, size - n, "%s%s %ld", n ? ", " : "",
						      w->types[t], rc->no_clock[t]);
		if (n && n < size)
			snprintf(buf + n, size - n, ": %s", w->trend_no_clock);
		break;
	case 2:
		if (rc->apart)
			snprintf(buf, size, "%s: %ld", w->trend_apart, rc->apart);
		break;
	case 3:
		if (rc->other)
			snprintf(buf, size, "%s: %ld", w->trend_other, rc->other);
		break;
	case 4:
		if (rc->earlier)
			snprintf(buf, size, "%s: %ld", w->trend_earlier, rc->earlier);
		break;
	}
	return buf;
}

const char *report_invoice_source(const struct report_words *w, const struct sk_domain_score *ds)
{
	/* sla-score names the contract "contract", an invoice file by its name. */
	return strcmp(ds->invoice_source, "contract") == 0 ? w->the_contract : ds->invoice_source;
}
