/*
 * The fields of each kind of export, and the profiles: the column names and
 * value words real ticket systems use, in Dutch and English. Column names
 * are compared without case, blanks or punctuation ("Reported at" matches
 * reported_at), so one entry covers the spellings of one name.
 */
#include <string.h>

#include "import_priv.h"

#define T K_TICKETISH
#define EV KB(SK_KIND_EVENTS)
#define EL KB(SK_KIND_EVENTLOG)
#define PA KB(SK_KIND_PAUSES)
#define CA KB(SK_KIND_CALLS)
#define OU KB(SK_KIND_OUTAGES)
#define KP KB(SK_KIND_KPI)
#define TK KB(SK_KIND_TICKETS)
#define HO KB(SK_KIND_HANDOVERS)
#define DV KB(SK_KIND_DEVIATIONS)
#define UP KB(SK_KIND_UPDATES)

const struct import_fdef import_fields[F_COUNT] = {
	[F_ID] = { "id", FT_TEXT, T, T },
	[F_TYPE] = { "type", FT_TYPE, T, 0 },
	[F_PRIORITY] = { "priority", FT_PRIORITY, T, T },
	[F_IMPACT] = { "impact", FT_TEXT, T, 0 },
	[F_URGENCY] = { "urgency", FT_TEXT, T, 0 },
	[F_REPORTED] = { "reported_at", FT_TIME, T, TK },
	[F_RESPONDED] = { "responded_at", FT_TIME, T | HO, 0 },
	[F_RESOLVED] = { "resolved_at", FT_TIME, T, 0 },
	[F_CLOSED] = { "closed_at", FT_TIME, T, 0 },
	[F_PRODUCTIVE] = { "productive_at", FT_TIME, T, 0 },
	[F_CATEGORY] = { "category", FT_TEXT, T, 0 },
	[F_LOCATION] = { "location", FT_TEXT, T, 0 },
	[F_CHANNEL] = { "channel", FT_CHANNEL, T | UP, 0 },
	[F_FCR] = { "first_contact_resolved", FT_BOOL, T, 0 },
	[F_ESCALATED] = { "escalated_at", FT_TIME, T, 0 },
	[F_ONSITE] = { "onsite_at", FT_TIME, T, 0 },
	[F_UPLIFT] = { "p1_uplift", FT_BOOL, T, 0 },
	[F_UPLIFT_REASON] = { "uplift_reason", FT_TEXT, T, 0 },
	[F_RCA] = { "rca_at", FT_TIME, T, 0 },
	[F_CHANGE_TYPE] = { "change_type", FT_CHANGE, T, 0 },
	[F_CAB] = { "cab_approved", FT_BOOL, T, 0 },
	[F_FAILED] = { "change_failed", FT_BOOL, T, 0 },
	[F_PLANNED_AT] = { "planned_at", FT_TIME, T, 0 },
	[F_STATUS] = { "status", FT_TEXT, T | EV | DV, EV | EL },
	[F_AT] = { "at", FT_TIME, EV | EL | UP, EV | EL | UP },
	[F_TICKET_ID] = { "ticket_id", FT_TEXT, EV | PA | HO | UP, EV | PA | HO | UP },
	[F_START] = { "start", FT_TIME, PA | OU | HO, PA | OU | HO },
	[F_END] = { "end", FT_TIME, PA | OU | HO, OU },
	[F_REASON] = { "reason", FT_TEXT, PA, 0 },
	[F_CALL_ID] = { "call_id", FT_TEXT, CA, CA },
	[F_STARTED] = { "started_at", FT_TIME, CA, CA },
	[F_WAIT] = { "wait_seconds", FT_SECONDS, CA, CA },
	[F_ANSWERED] = { "answered", FT_BOOL, CA, CA },
	[F_QUEUE] = { "queue", FT_TEXT, CA, 0 },
	[F_SERVICE] = { "service", FT_TEXT, OU, OU },
	[F_PLANNED] = { "planned", FT_BOOL, OU, 0 },
	[F_ANNOUNCED] = { "announced_at", FT_TIME, OU, 0 },
	[F_DESCRIPTION] = { "description", FT_TEXT, OU, 0 },
	[F_PERIOD] = { "period", FT_TEXT, KP | DV, KP | DV },
	[F_KPI] = { "kpi", FT_TEXT, KP, KP },
	[F_VALUE] = { "value", FT_DEC, KP, KP },
	[F_NOTE] = { "note", FT_TEXT, KP, 0 },
	/* The row's own last update: an older export never replaces a newer row. */
	[F_UPDATED] = { "updated_at", FT_TIME, T, 0 },
	[F_SUPPLIER] = { "supplier", FT_TEXT, T | HO, HO },
	[F_SUPPLIER_REF] = { "supplier_ref", FT_TEXT, HO, 0 },
	/* Deviations explained and improvement actions (import_deviations.c). */
	[F_REFERS_TO] = { "refers_to", FT_TEXT, DV, DV },
	[F_EXPLANATION] = { "explanation", FT_TEXT, DV, 0 },
	[F_ACTION] = { "action", FT_TEXT, DV, 0 },
	[F_OWNER] = { "owner", FT_TEXT, DV, 0 },
	/* A due date is a plan: like planned_at, not part of the file's horizon. */
	[F_DUE] = { "due", FT_TIME, DV, 0 },
	[F_DONE] = { "done", FT_TIME, DV, 0 },
	/* An update the customer saw (visible = yes), or did not (hidden = yes). */
	[F_VISIBLE] = { "visible", FT_BOOL, UP, 0 },
	[F_HIDDEN] = { "hidden", FT_BOOL, UP, 0 },
	/* Device swap (Halt §10.1.5): asked for, working replacement, emergency workplace. */
	[F_SWAP_REQUESTED] = { "swap_requested_at", FT_TIME, T, 0 },
	[F_SWAP] = { "swap_at", FT_TIME, T, 0 },
	[F_EMERGENCY] = { "emergency_at", FT_TIME, T, 0 },
	[F_ASSIGNMENT_GROUP] = { "assignment_group", FT_TEXT, T, 0 },
};

/* generic: the field names themselves, plus a few that every tool uses. */
static const struct import_alias generic_aliases[] = {
	{ EL, F_ID, "ticket_id" },
	{ EL, F_AT, "timestamp" },
	{ T | HO, F_SUPPLIER, "vendor" }, { HO, F_SUPPLIER_REF, "vendor_ref" },
	{ HO, F_SUPPLIER_REF, "reference" },
	/* A deviations file written in Dutch. */
	{ DV, F_REFERS_TO, "betreft" }, { DV, F_PERIOD, "periode" },
	{ DV, F_EXPLANATION, "verklaring" }, { DV, F_ACTION, "verbeteractie" },
	{ DV, F_OWNER, "eigenaar" }, { DV, F_DUE, "deadline" }, { DV, F_DONE, "gereed_op" },
	{ UP, F_VISIBLE, "public" }, { UP, F_HIDDEN, "internal" },
	{ UP, F_AT, "created_at" }, { UP, F_AT, "time" },
	{ 0, 0, NULL }
};

static const struct import_word no_words[] = { { NULL, NULL, NULL } };

static const struct import_word generic_statuses[] = {
	{ "responded", "in progress", NULL },
	{ "responded", "in behandeling", NULL },
	{ "resolved", "resolved", NULL },
	{ "resolved", "opgelost", NULL },
	{ "resolved", "gereed", NULL },
	{ "closed", "closed", NULL },
	{ "closed", "gesloten", NULL },
	{ "closed", "afgemeld", NULL },
	{ NULL, NULL, NULL }
};

static const char *const no_formats[] = { NULL };

/* TOPdesk (Dutch user interface, ';' separated, dd-mm-jjjj uu:mm). */
static const struct import_alias topdesk_aliases[] = {
	{ T, F_ID, "Incidentnummer" }, { T, F_ID, "Meldingnummer" },
	{ T, F_ID, "Nummer" }, { T, F_ID, "Melding" },
	{ T, F_TYPE, "Soort melding" }, { T, F_TYPE, "Meldingsoort" },
	{ T, F_TYPE, "Soort" },
	{ T, F_PRIORITY, "Prioriteit" },
	{ T, F_URGENCY, "Urgentie" },
	{ T, F_REPORTED, "Aanmelddatum" }, { T, F_REPORTED, "Datum aanmelding" },
	{ T, F_REPORTED, "Aangemeld" },
	{ T, F_RESPONDED, "Datum eerste reactie" }, { T, F_RESPONDED, "Eerste reactie" },
	{ T, F_RESPONDED, "Reactiedatum" },
	{ T, F_RESOLVED, "Gereed" }, { T, F_RESOLVED, "Datum gereed" },
	{ T, F_RESOLVED, "Gereedmelddatum" }, { T, F_RESOLVED, "Oplosdatum" },
	{ T, F_CLOSED, "Afgemeld" }, { T, F_CLOSED, "Afmelddatum" },
	{ T, F_CLOSED, "Datum afgemeld" },
	{ T, F_PRODUCTIVE, "Weer productief" }, { T, F_PRODUCTIVE, "Datum productief" },
	{ T, F_CATEGORY, "Categorie" },
	{ T, F_LOCATION, "Vestiging" }, { T, F_LOCATION, "Locatie" },
	{ T, F_CHANNEL, "Soort binnenkomst" }, { T, F_CHANNEL, "Binnenkomst" },
	{ T, F_CHANNEL, "Meldingswijze" },
	{ T, F_FCR, "Direct opgelost" }, { T, F_FCR, "Eerstelijns opgelost" },
	{ T, F_ESCALATED, "Doorgezet" }, { T, F_ESCALATED, "Datum doorgezet" },
	{ T, F_ONSITE, "Ter plaatse" }, { T, F_ONSITE, "Datum ter plaatse" },
	{ T, F_UPLIFT, "P1-opschaling" }, { T, F_UPLIFT, "Opgeschaald naar P1" },
	{ T, F_UPLIFT_REASON, "Reden opschaling" }, { T, F_UPLIFT_REASON, "Motivatie opschaling" },
	{ T, F_RCA, "Oorzaakanalyse gereed" }, { T, F_RCA, "Datum RCA" },
	{ T, F_CHANGE_TYPE, "Soort wijziging" }, { T, F_CHANGE_TYPE, "Wijzigingstype" },
	{ T, F_CAB, "CAB akkoord" }, { T, F_CAB, "Goedgekeurd door CAB" },
	{ T, F_FAILED, "Wijziging mislukt" }, { T, F_FAILED, "Mislukt" },
	{ T, F_PLANNED_AT, "Geplande datum" }, { T, F_PLANNED_AT, "Plandatum" },
	{ T, F_SWAP_REQUESTED, "Vervanging aangevraagd" },
	{ T, F_SWAP, "Vervangend apparaat geleverd" }, { T, F_SWAP, "Datum vervanging" },
	{ T, F_EMERGENCY, "Noodwerkplek gereed" }, { T, F_EMERGENCY, "Leenapparaat gereed" },
	{ TK, F_UPDATED, "Gewijzigd" }, { TK, F_UPDATED, "Laatst gewijzigd" },
	{ T | EV, F_STATUS, "Behandelstatus" }, { EV, F_STATUS, "Nieuwe status" },
	{ EV | PA, F_TICKET_ID, "Incidentnummer" }, { EV | PA, F_TICKET_ID, "Melding" },
	{ EV | PA, F_TICKET_ID, "Nummer" },
	{ EV | EL, F_AT, "Datum wijziging" }, { EV | EL, F_AT, "Tijdstip" },
	{ EV | EL, F_AT, "Datum" },
	{ PA | OU, F_START, "Begin" }, { PA | OU, F_START, "Van" },
	{ PA, F_START, "Begin wachttijd" },
	{ PA | OU, F_END, "Einde" }, { PA | OU, F_END, "Eind" }, { PA | OU, F_END, "Tot" },
	{ PA, F_END, "Einde wachttijd" },
	{ PA, F_REASON, "Reden" }, { PA, F_REASON, "Wachtreden" },
	{ CA, F_CALL_ID, "Gesprek-ID" }, { CA, F_CALL_ID, "Gesprek" },
	{ CA, F_STARTED, "Begintijd" }, { CA, F_STARTED, "Starttijd" },
	{ CA, F_WAIT, "Wachttijd" }, { CA, F_WAIT, "Wachttijd (s)" },
	{ CA, F_ANSWERED, "Beantwoord" }, { CA, F_ANSWERED, "Aangenomen" },
	{ CA, F_QUEUE, "Wachtrij" },
	{ OU, F_SERVICE, "Dienst" },
	{ OU, F_PLANNED, "Gepland" },
	{ OU, F_ANNOUNCED, "Aangekondigd" }, { OU, F_ANNOUNCED, "Datum aankondiging" },
	{ OU, F_DESCRIPTION, "Omschrijving" },
	{ KP, F_PERIOD, "Periode" },
	{ KP, F_KPI, "Indicator" },
	{ KP, F_VALUE, "Waarde" }, { KP, F_VALUE, "Meting" },
	{ KP, F_NOTE, "Toelichting" }, { KP, F_NOTE, "Opmerking" },
	{ T | HO, F_SUPPLIER, "Leverancier" }, { T | HO, F_SUPPLIER, "Behandelaar leverancier" },
	{ HO, F_TICKET_ID, "Incidentnummer" }, { HO, F_TICKET_ID, "Melding" },
	{ HO, F_START, "Doorgezet naar leverancier" }, { HO, F_START, "Begin" },
	{ HO, F_END, "Terug van leverancier" }, { HO, F_END, "Einde" },
	{ HO, F_RESPONDED, "Reactie leverancier" },
	{ HO, F_SUPPLIER_REF, "Referentie leverancier" }, { HO, F_SUPPLIER_REF, "Extern nummer" },
	/* Actions (Acties) of an incident: the customer sees them unless marked invisible. */
	{ UP, F_TICKET_ID, "Incidentnummer" }, { UP, F_TICKET_ID, "Melding" },
	{ UP, F_TICKET_ID, "Nummer" }, { UP, F_AT, "Datum" }, { UP, F_AT, "Tijdstip" },
	{ UP, F_AT, "Datum actie" }, { UP, F_HIDDEN, "Onzichtbaar voor aanmelder" },
	{ UP, F_HIDDEN, "Onzichtbaar" }, { UP, F_CHANNEL, "Soort actie" },
	{ UP, F_CHANNEL, "Kanaal" }, { UP, F_CHANNEL, "Contactwijze" },
	{ T, F_ASSIGNMENT_GROUP, "Operatorgroep" },
	{ T, F_ASSIGNMENT_GROUP, "Behandelaarsgroep" },
	{ 0, 0, NULL }
};

static const struct import_word topdesk_words[] = {
	{ "type", "Storing", "incident" }, { "type", "Verstoring", "incident" },
	{ "type", "Aanvraag", "request" }, { "type", "Vraag", "request" },
	{ "type", "Verzoek", "request" }, { "type", "Wijziging", "change" },
	{ "type", "Klacht", "complaint" }, { "type", "Probleem", "problem" },
	{ NULL, NULL, NULL }
};

static const struct import_word topdesk_statuses[] = {
	{ "responded", "In behandeling", NULL },
	{ "resolved", "Gereed", NULL }, { "resolved", "Opgelost", NULL },
	{ "closed", "Afgemeld", NULL }, { "closed", "Gesloten", NULL },
	{ "paused", "Wachten op gebruiker", NULL }, { "paused", "Wachten op klant", NULL },
	{ "paused", "Wachten op leverancier", NULL },
	{ NULL, NULL, NULL }
};

/* ServiceNow: list exports (field names or English/Dutch labels) and audit
 * (eventlog) exports. */
static const struct import_alias servicenow_aliases[] = {
	{ T, F_ID, "number" }, { T, F_ID, "Nummer" }, { EL, F_ID, "documentkey" },
	{ T, F_TYPE, "sys_class_name" }, { T, F_TYPE, "Task type" },
	{ T, F_PRIORITY, "Prioriteit" },
	{ T, F_URGENCY, "Urgentie" },
	{ T, F_REPORTED, "opened_at" }, { T, F_REPORTED, "Opened" },
	{ T, F_REPORTED, "Geopend" }, { T, F_REPORTED, "sys_created_on" },
	{ T, F_RESPONDED, "u_responded_at" }, { T, F_RESPONDED, "Responded" },
	{ T, F_RESOLVED, "Resolved" }, { T, F_RESOLVED, "Opgelost" },
	{ T, F_CLOSED, "Closed" }, { T, F_CLOSED, "Gesloten" },
	{ T, F_CATEGORY, "Categorie" },
	{ T, F_LOCATION, "Locatie" },
	{ T, F_CHANNEL, "contact_type" }, { T, F_CHANNEL, "Contact type" },
	{ T, F_CHANNEL, "Contacttype" },
	{ T, F_ESCALATED, "u_escalated_at" },
	{ T, F_ONSITE, "u_onsite_at" },
	{ TK, F_UPDATED, "sys_updated_on" }, { TK, F_UPDATED, "Updated" },
	{ TK, F_UPDATED, "Bijgewerkt" },
	{ T, F_STATUS, "state" }, { T, F_STATUS, "incident_state" },
	{ T, F_STATUS, "Incident state" },
	{ EL, F_AT, "sys_updated_on" }, { EL, F_AT, "Updated" },
	{ EV, F_TICKET_ID, "number" }, { EV, F_AT, "sys_updated_on" },
	{ EV, F_STATUS, "state" }, { EV, F_STATUS, "newvalue" },
	{ T | HO, F_SUPPLIER, "vendor" }, { T | HO, F_SUPPLIER, "u_vendor" },
	{ T | HO, F_SUPPLIER, "Vendor" }, { HO, F_TICKET_ID, "number" },
	{ HO, F_SUPPLIER_REF, "vendor_ticket" }, { HO, F_SUPPLIER_REF, "Vendor ticket" },
	{ HO, F_SUPPLIER_REF, "Vendor reference" },
	/* sys_journal_field: element 'comments' is customer-visible, 'work_notes' is not. */
	{ UP, F_TICKET_ID, "element_id" }, { UP, F_TICKET_ID, "number" },
	{ UP, F_AT, "sys_created_on" }, { UP, F_AT, "Created" }, { UP, F_VISIBLE, "element" },
	{ UP, F_CHANNEL, "contact_type" }, { UP, F_CHANNEL, "u_channel" },
	{ T, F_ASSIGNMENT_GROUP, "assignment_group" }, { T, F_ASSIGNMENT_GROUP, "Assignment group" },
	{ T, F_ASSIGNMENT_GROUP, "Toewijzingsgroep" },
	{ 0, 0, NULL }
};

static const struct import_word servicenow_words[] = {
	{ "type", "sc_req_item", "request" }, { "type", "sc_request", "request" },
	{ "type", "change_request", "change" }, { "type", "incident", "incident" },
	{ "channel", "self-service", "portal" }, { "channel", "walk-in", "walk-in" },
	{ "channel", "virtual agent", "chat" },
	{ NULL, NULL, NULL }
};

static const struct import_word servicenow_statuses[] = {
	{ "responded", "In Progress", NULL }, { "responded", "Work in Progress", NULL },
	{ "responded", "Active", NULL }, { "responded", "In behandeling", NULL },
	{ "resolved", "Resolved", NULL }, { "resolved", "Opgelost", NULL },
	{ "closed", "Closed", NULL }, { "closed", "Gesloten", NULL },
	{ "closed", "Canceled", NULL }, { "closed", "Cancelled", NULL },
	{ "paused", "On Hold", NULL }, { "paused", "Awaiting User Info", NULL },
	{ "paused", "Awaiting Caller", NULL }, { "paused", "Awaiting Vendor", NULL },
	{ "paused", "In de wacht", NULL },
	{ NULL, NULL, NULL }
};

/* Jira Service Management "Export Excel CSV (all fields)". */
static const struct import_alias jira_aliases[] = {
	{ T, F_ID, "Issue key" }, { T, F_ID, "Key" },
	{ T, F_TYPE, "Issue Type" },
	{ T, F_IMPACT, "Custom field (Impact)" },
	{ T, F_URGENCY, "Custom field (Urgency)" },
	{ T, F_REPORTED, "Created" },
	{ T, F_RESPONDED, "Custom field (Date of First Response)" },
	{ T, F_RESPONDED, "Date of First Response" },
	{ T, F_RESOLVED, "Resolved" },
	{ TK, F_UPDATED, "Updated" },
	{ T, F_CATEGORY, "Component/s" }, { T, F_CATEGORY, "Components" },
	{ T, F_LOCATION, "Custom field (Location)" },
	{ T, F_CHANNEL, "Custom field (Request channel)" }, { T, F_CHANNEL, "Request channel" },
	{ EV | PA, F_TICKET_ID, "Issue key" },
	{ EL, F_AT, "Updated" }, { EV, F_AT, "Changed" },
	/* Comments: an internal comment is not shared with the customer. */
	{ UP, F_TICKET_ID, "Issue key" }, { UP, F_AT, "Comment created" }, { UP, F_AT, "Created" },
	{ UP, F_HIDDEN, "Internal" }, { UP, F_VISIBLE, "Public" }, { UP, F_CHANNEL, "Channel" },
	{ 0, 0, NULL }
};

static const struct import_word jira_words[] = {
	{ "priority", "Highest", "1" }, { "priority", "Blocker", "1" },
	{ "priority", "Critical", "1" }, { "priority", "High", "2" },
	{ "priority", "Major", "2" }, { "priority", "Medium", "3" },
	{ "priority", "Minor", "3" }, { "priority", "Low", "4" },
	{ "priority", "Lowest", "4" }, { "priority", "Trivial", "4" },
	{ "type", "[System] Incident", "incident" }, { "type", "Bug", "incident" },
	{ "type", "[System] Service request", "request" },
	{ "type", "Service Request", "request" }, { "type", "Task", "request" },
	{ "type", "[System] Change", "change" }, { "type", "[System] Problem", "problem" },
	{ NULL, NULL, NULL }
};

static const struct import_word jira_statuses[] = {
	{ "responded", "In Progress", NULL }, { "responded", "Work in progress", NULL },
	{ "resolved", "Resolved", NULL }, { "resolved", "Done", NULL },
	{ "closed", "Closed", NULL }, { "closed", "Canceled", NULL },
	{ "paused", "Waiting for customer", NULL }, { "paused", "Pending", NULL },
	{ NULL, NULL, NULL }
};

static const char *const jira_formats[] = {
	"%d/%b/%y %H:%M %p", "%d/%b/%Y %H:%M %p", "%d/%b/%y %H:%M", NULL
};

/* Zendesk ticket export (CSV from Explore or the classic export). */
static const struct import_alias zendesk_aliases[] = {
	{ T, F_ID, "Ticket ID" }, { T, F_ID, "Id" },
	{ T, F_REPORTED, "Created at" }, { T, F_REPORTED, "Ticket created - Timestamp" },
	{ T, F_RESPONDED, "First reply at" },
	{ T, F_RESOLVED, "Solved at" }, { T, F_RESOLVED, "Ticket solved - Timestamp" },
	{ T, F_CLOSED, "Closed at" },
	{ TK, F_UPDATED, "Updated at" },
	{ T, F_CHANNEL, "Via" }, { T, F_CHANNEL, "Ticket channel" },
	{ T, F_LOCATION, "Organization" },
	/* Zendesk's Group is the agents' group that works the ticket: the
	 * resolver group, not a category. */
	{ T, F_ASSIGNMENT_GROUP, "Group" },
	{ EV | PA, F_TICKET_ID, "Ticket ID" },
	{ EL | EV, F_AT, "Updated at" },
	/* Ticket comments: public replies, or private notes (public = false). */
	{ UP, F_TICKET_ID, "Ticket ID" }, { UP, F_TICKET_ID, "ticket_id" },
	{ UP, F_AT, "Created at" }, { UP, F_AT, "created_at" }, { UP, F_VISIBLE, "Public" },
	{ UP, F_CHANNEL, "Via" }, { UP, F_CHANNEL, "via.channel" },
	{ 0, 0, NULL }
};

static const struct import_word zendesk_words[] = {
	{ "priority", "Urgent", "1" }, { "priority", "High", "2" },
	{ "priority", "Normal", "3" }, { "priority", "Low", "4" },
	{ "type", "Question", "request" }, { "type", "Task", "request" },
	{ "channel", "Phone call (inbound)", "phone" }, { "channel", "Voicemail", "phone" },
	{ "channel", "Web form", "portal" }, { "channel", "Web Widget", "portal" },
	{ "channel", "Help Center", "portal" }, { "channel", "Mail", "email" },
	{ "channel", "API", "other" },
	{ NULL, NULL, NULL }
};

static const struct import_word zendesk_statuses[] = {
	{ "responded", "Open", NULL },
	{ "resolved", "Solved", NULL }, { "closed", "Closed", NULL },
	{ "paused", "Pending", NULL }, { "paused", "On-hold", NULL },
	{ "paused", "Hold", NULL },
	{ NULL, NULL, NULL }
};

static const char *const zendesk_formats[] = {
	"%Y-%m-%d %H:%M:%S %z", "%d %b %Y %H:%M", NULL
};

static const struct import_profile profiles[] = {
	{ "generic", generic_aliases, no_words, generic_statuses, no_formats, 0 },
	/* TOPdesk's Dutch interface writes dd-mm-jjjj: its order when no row tells. */
	{ "topdesk", topdesk_aliases, topdesk_words, topdesk_statuses, no_formats, 1 },
	{ "servicenow", servicenow_aliases, servicenow_words, servicenow_statuses, no_formats, 0 },
	{ "jira", jira_aliases, jira_words, jira_statuses, jira_formats, 0 },
	{ "zendesk", zendesk_aliases, zendesk_words, zendesk_statuses, zendesk_formats, 0 },
};

static const char *const names[] = {
	"generic", "topdesk", "servicenow", "jira", "zendesk", NULL
};

const char *const *sk_profile_names(void)
{
	return names;
}

const struct import_profile *profile_find(const char *name)
{
	for (size_t i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
		if (strcmp(profiles[i].name, name) == 0)
			return &profiles[i];
	return NULL;
}

int sk_profile_exists(const char *name)
{
	return profile_find(name) != NULL;
}

static const char *const kind_names[SK_KINDS] = {
	"tickets", "events", "eventlog", "pauses", "calls", "outages", "kpi", "handovers",
	"deviations", "updates"
};

const char *sk_import_kind_name(enum sk_import_kind k)
{
	return (unsigned)k < SK_KINDS ? kind_names[k] : "?";
}

int sk_import_kind_parse(const char *name)
{
	for (int k = 0; k < SK_KINDS; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return -1;
}
