/*
 * The database schema, one migration step per version. The comments stay in
 * the CREATE statements on purpose: SQLite keeps them, so an auditor sees
 * them with `sqlite3 DB .schema`. A new version appends a step (ALTER TABLE,
 * new tables, data fixes); a step is never edited once released.
 */
#include <stddef.h>

#include "schema.h"

/* Version 0 -> 1: the first schema. Statements are kept apart because ISO C
 * only promises string literals of 4095 bytes. Checks on words use OR, not
 * IN (...): SQLite builds a temporary table for an IN list on every insert. */
static const char *const v1[] = {
	"CREATE TABLE imports (\n"
	"  id              INTEGER PRIMARY KEY,  -- referenced by every imported row\n"
	"  file            TEXT NOT NULL,        -- file name as given ('-' = standard input)\n"
	"  sha256          TEXT NOT NULL,        -- SHA-256 of the file's bytes, hex\n"
	"  bytes           INTEGER NOT NULL,     -- size of the file\n"
	"  kind            TEXT NOT NULL,        -- tickets, events, eventlog, pauses, calls, outages, kpi\n"
	"  profile         TEXT NOT NULL,        -- generic, topdesk, servicenow, jira, zendesk\n"
	"  map_file        TEXT,                 -- --map file, if any\n"
	"  map_sha256      TEXT,                 -- its SHA-256\n"
	"  contract_sha256 TEXT NOT NULL,        -- SHA-256 of the contract used (time zone, priorities)\n"
	"  time_zone       TEXT NOT NULL,        -- zone local times were read in\n"
	"  encoding        TEXT NOT NULL,        -- utf-8 or windows-1252\n"
	"  delimiter       TEXT NOT NULL,        -- field delimiter used\n"
	"  skip_bad        INTEGER NOT NULL,     -- 1: bad rows were skipped (--skip-bad)\n"
	"  rows_read       INTEGER NOT NULL,     -- data rows in the file\n"
	"  rows_inserted   INTEGER NOT NULL,     -- new rows\n"
	"  rows_updated    INTEGER NOT NULL,     -- rows that changed an existing one\n"
	"  rows_unchanged  INTEGER NOT NULL,     -- rows identical to what was stored\n"
	"  rows_rejected   INTEGER NOT NULL,     -- bad rows (only with skip_bad = 1)\n"
	"  tickets_inserted  INTEGER NOT NULL,   -- eventlog: tickets derived, new\n"
	"  tickets_updated   INTEGER NOT NULL,   -- eventlog: derived tickets that changed\n"
	"  tickets_unchanged INTEGER NOT NULL,   -- eventlog: derived tickets as stored\n"
	"  dst_gaps        INTEGER NOT NULL,     -- local times in a DST gap, moved forward\n"
	"  dst_folds       INTEGER NOT NULL,     -- local times in a DST fold, first one taken\n"
	"  started_at      INTEGER NOT NULL,     -- UTC seconds since 1970\n"
	"  finished_at     INTEGER NOT NULL,     -- UTC seconds since 1970\n"
	"  tool_version    TEXT NOT NULL         -- slakit version that imported\n"
	")",

	"CREATE TABLE tickets (\n"
	"  id             TEXT PRIMARY KEY,   -- ticket number as in the export\n"
	"  type           TEXT NOT NULL       -- incident, request, change, problem, complaint\n"
	"                 CHECK (type = 'incident' OR type = 'request' OR type = 'change'\n"
	"                   OR type = 'problem' OR type = 'complaint'),\n"
	"  priority       TEXT NOT NULL,      -- contract priority id, e.g. P1\n"
	"  priority_level INTEGER NOT NULL,   -- 1 = most urgent\n"
	"  priority_raw   TEXT NOT NULL,      -- priority as written in the export\n"
	"  impact         TEXT,\n"
	"  urgency        TEXT,\n"
	"  reported_at    INTEGER NOT NULL,   -- registered; all times: UTC seconds since 1970\n"
	"  responded_at   INTEGER,            -- first response\n"
	"  resolved_at    INTEGER,            -- resolved (or workaround)\n"
	"  closed_at      INTEGER,\n"
	"  productive_at  INTEGER,            -- user can work again (MTTP)\n"
	"  escalated_at   INTEGER,            -- handed over to 2nd/3rd line\n"
	"  onsite_at      INTEGER,            -- engineer on site\n"
	"  rca_at         INTEGER,            -- root cause analysis delivered\n"
	"  planned_at     INTEGER,            -- changes: planned date\n"
	"  category       TEXT,\n"
	"  location       TEXT,               -- school, site\n"
	"  channel        TEXT                -- how it was reported\n"
	"                 CHECK (channel = 'phone' OR channel = 'portal' OR channel = 'email'\n"
	"                   OR channel = 'chat' OR channel = 'walk-in' OR channel = 'other'),\n"
	"  first_contact_resolved INTEGER CHECK (first_contact_resolved IN (0,1)),\n"
	"  p1_uplift      INTEGER NOT NULL DEFAULT 0 CHECK (p1_uplift IN (0,1)),\n"
	"  uplift_reason  TEXT,\n"
	"  change_type    TEXT CHECK (change_type = 'standard' OR change_type = 'normal'\n"
	"                                  OR change_type = 'emergency'),\n"
	"  cab_approved   INTEGER CHECK (cab_approved IN (0,1)),\n"
	"  change_failed  INTEGER CHECK (change_failed IN (0,1)),\n"
	"  status         TEXT,               -- status at export time\n"
	"  extra          TEXT,               -- the export's other columns, JSON object\n"
	"  import_id      INTEGER NOT NULL REFERENCES imports(id), -- import that wrote this version\n"
	"  line           INTEGER             -- line of that import's file (first line of the ticket)\n"
	")",

	"CREATE TABLE ticket_history (\n"
	"  history_id     INTEGER PRIMARY KEY,\n"
	"  superseded_by  INTEGER NOT NULL REFERENCES imports(id), -- import that replaced this version\n"
	"  changed        TEXT NOT NULL,      -- columns that changed, comma separated\n"
	"  id TEXT NOT NULL, type TEXT, priority TEXT, priority_level INTEGER, priority_raw TEXT,\n"
	"  impact TEXT, urgency TEXT, reported_at INTEGER, responded_at INTEGER,\n"
	"  resolved_at INTEGER, closed_at INTEGER, productive_at INTEGER, escalated_at INTEGER,\n"
	"  onsite_at INTEGER, rca_at INTEGER, planned_at INTEGER, category TEXT, location TEXT,\n"
	"  channel TEXT, first_contact_resolved INTEGER, p1_uplift INTEGER, uplift_reason TEXT,\n"
	"  change_type TEXT, cab_approved INTEGER, change_failed INTEGER, status TEXT, extra TEXT,\n"
	"  import_id INTEGER, line INTEGER  -- the import that had written the old version\n"
	")",

	"CREATE TABLE ticket_events (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  ticket_id  TEXT NOT NULL,          -- tickets.id (the ticket may come in a later import)\n"
	"  at         INTEGER NOT NULL,       -- UTC seconds since 1970\n"
	"  status     TEXT NOT NULL,          -- status entered at that moment\n"
	"  pause      INTEGER NOT NULL CHECK (pause IN (0,1)), -- 1: the status stops the clock\n"
	"  meaning    TEXT CHECK (meaning = 'responded' OR meaning = 'resolved'\n"
	"                          OR meaning = 'closed' OR meaning = 'paused'),\n"
	"  extra      TEXT,                   -- other columns, JSON object\n"
	"  import_id  INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line       INTEGER,\n"
	"  UNIQUE (ticket_id, at, status)\n"
	")",

	"CREATE TABLE pauses (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  ticket_id  TEXT NOT NULL,\n"
	"  start_at   INTEGER NOT NULL,       -- clock stopped (UTC seconds)\n"
	"  end_at     INTEGER,                -- clock runs again; NULL: still paused at export\n"
	"  reason     TEXT,\n"
	"  import_id  INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line       INTEGER,\n"
	"  UNIQUE (ticket_id, start_at),\n"
	"  CHECK (end_at IS NULL OR end_at >= start_at)\n"
	")",

	"CREATE TABLE calls (\n"
	"  call_id      TEXT PRIMARY KEY,\n"
	"  started_at   INTEGER NOT NULL,     -- call entered the queue (UTC seconds)\n"
	"  wait_seconds INTEGER NOT NULL CHECK (wait_seconds >= 0), -- until answered or abandoned\n"
	"  answered     INTEGER NOT NULL CHECK (answered IN (0,1)),\n"
	"  queue        TEXT,\n"
	"  extra        TEXT,\n"
	"  import_id    INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line         INTEGER\n"
	")",

	"CREATE TABLE outages (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  service      TEXT NOT NULL,        -- contract service id, e.g. m365\n"
	"  start_at     INTEGER NOT NULL,\n"
	"  end_at       INTEGER NOT NULL,\n"
	"  planned      INTEGER NOT NULL CHECK (planned IN (0,1)), -- planned maintenance\n"
	"  announced_at INTEGER,              -- when planned maintenance was announced\n"
	"  description  TEXT,\n"
	"  extra        TEXT,\n"
	"  import_id    INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line         INTEGER,\n"
	"  UNIQUE (service, start_at),\n"
	"  CHECK (end_at >= start_at)\n"
	")",

	"CREATE TABLE kpi_measurements (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  period       TEXT NOT NULL,        -- 2027-01, 2027-Q1, 2027-H1 or 2027\n"
	"  kpi          TEXT NOT NULL,        -- contract KPI as domain.kpi, e.g. servicedesk.training\n"
	"  value        TEXT NOT NULL,        -- decimal as measured, '.' as mark\n"
	"  value_micro  INTEGER NOT NULL,     -- the same in millionths (exact)\n"
	"  note         TEXT,\n"
	"  import_id    INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line         INTEGER,\n"
	"  UNIQUE (period, kpi)\n"
	")",

	"CREATE TABLE result_runs (\n"
	"  id              INTEGER PRIMARY KEY,\n"
	"  period          TEXT NOT NULL,     -- period computed: 2027-01, 2027-Q1, ...\n"
	"  contract_sha256 TEXT NOT NULL,     -- contract the verdicts were computed under\n"
	"  tickets         INTEGER NOT NULL,  -- rows in ticket_results\n"
	"  UNIQUE (period, contract_sha256)\n"
	")",

	"CREATE TABLE ticket_results (\n"
	"  run_id          INTEGER NOT NULL REFERENCES result_runs(id), -- period and contract\n"
	"  ticket_id       TEXT NOT NULL,     -- tickets.id\n"
	"  type            TEXT NOT NULL,\n"
	"  priority        TEXT NOT NULL,     -- priority applied (contract rule)\n"
	"  calendar        TEXT NOT NULL,     -- calendar of that priority (after-hours: see flags)\n"
	"  excluded        INTEGER NOT NULL,  -- 1: not in the figures, listed apart\n"
	"  flags           TEXT,              -- wrong-channel, uplift, matrix-mismatch, reopened, ...\n"
	"  reason          TEXT,              -- why flagged, for people\n"
	"  response_start  INTEGER,           -- response clock start (first business moment)\n"
	"  response_stop   INTEGER,           -- NULL: running at the period's end\n"
	"  response_seconds INTEGER,          -- business seconds counted\n"
	"  response_target_seconds INTEGER,\n"
	"  response_deadline INTEGER,         -- when the target runs out\n"
	"  response_state  TEXT NOT NULL,     -- met, breached, pending, n/a\n"
	"  response_counts INTEGER NOT NULL,  -- 1: counts in this period\n"
	"  resolution_start INTEGER,\n"
	"  resolution_stop INTEGER,\n"
	"  resolution_seconds INTEGER,        -- business seconds counted, pauses excluded\n"
	"  resolution_paused_seconds INTEGER, -- business seconds paused\n"
	"  resolution_target_seconds INTEGER,\n"
	"  resolution_deadline INTEGER,\n"
	"  resolution_state TEXT NOT NULL,\n"
	"  resolution_counts INTEGER NOT NULL,\n"
	"  matrix_priority TEXT,              -- what the priority matrix gives\n"
	"  onsite_seconds  INTEGER,           -- business seconds to onsite\n"
	"  onsite_met      INTEGER,\n"
	"  mttr_wall_seconds INTEGER,         -- resolved - reported\n"
	"  mttp_wall_seconds INTEGER,         -- productive - reported\n"
	"  mttp_business_seconds INTEGER,\n"
	"  PRIMARY KEY (run_id, ticket_id)\n"
	") WITHOUT ROWID",

	/* What an auditor queries: the verdicts with their period and contract. */
	"CREATE VIEW ticket_results_v AS SELECT r.period, r.contract_sha256, t.*\n"
	"  FROM ticket_results t JOIN result_runs r ON r.id = t.run_id",

	"CREATE INDEX tickets_reported ON tickets(reported_at)",
	"CREATE INDEX tickets_responded ON tickets(responded_at)",
	"CREATE INDEX tickets_resolved ON tickets(resolved_at)",
	"CREATE INDEX ticket_history_ticket ON ticket_history(id)",
	"CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at)",
	"CREATE INDEX calls_started ON calls(started_at)",
	"CREATE INDEX outages_start ON outages(start_at)",
	NULL
};

/* Version 1 -> 2: ticket_events, the largest table (several rows per
 * ticket), becomes a WITHOUT ROWID table keyed by (ticket_id, at, status):
 * its rows were stored twice before, in the table and in the UNIQUE index,
 * and the index on (ticket_id, at) repeated the start of that one. Each
 * import then writes a third of the B-trees it did and the file shrinks by
 * about 40 %. `id` keeps its meaning, the order in which events arrived:
 * rows imported from now on get import id * 2^32 + line. */
static const char *const v2[] = {
	"DROP INDEX IF EXISTS ticket_events_ticket",

	"CREATE TABLE ticket_events_v2 (\n"
	"  id         INTEGER NOT NULL,       -- order of arrival: import_id * 4294967296 + line\n"
	"  ticket_id  TEXT NOT NULL,          -- tickets.id (the ticket may come in a later import)\n"
	"  at         INTEGER NOT NULL,       -- UTC seconds since 1970\n"
	"  status     TEXT NOT NULL,          -- status entered at that moment\n"
	"  pause      INTEGER NOT NULL CHECK (pause IN (0,1)), -- 1: the status stops the clock\n"
	"  meaning    TEXT CHECK (meaning = 'responded' OR meaning = 'resolved'\n"
	"                          OR meaning = 'closed' OR meaning = 'paused'),\n"
	"  extra      TEXT,                   -- other columns, JSON object\n"
	"  import_id  INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line       INTEGER,\n"
	"  PRIMARY KEY (ticket_id, at, status)\n"
	") WITHOUT ROWID",

	"INSERT INTO ticket_events_v2 (id, ticket_id, at, status, pause, meaning, extra, "
	"import_id, line) SELECT id, ticket_id, at, status, pause, meaning, extra, import_id, "
	"line FROM ticket_events",

	"DROP TABLE ticket_events",

	"ALTER TABLE ticket_events_v2 RENAME TO ticket_events",
	NULL
};

/* Version 2 -> 3: no query reads tickets by their response or resolution
 * time alone (each such condition sits in an OR with others, which SQLite
 * answers by reading the table), so these two indexes only cost: a quarter
 * of the time of importing tickets. */
static const char *const v3[] = {
	"DROP INDEX IF EXISTS tickets_responded",
	"DROP INDEX IF EXISTS tickets_resolved",
	NULL
};

/* Version 3 -> 4: a database belongs to one contract (the [contract] id of
 * its first import; sk_db_check_contract()), so two customers' tickets never
 * mix in one figure; and each import records the latest time its file
 * covers, the data's horizon. A ticket keeps the time its own export says it
 * was last updated, when the export has one: an older export never replaces
 * a newer version (judged by that time, else by the imports' horizons). */
static const char *const v4[] = {
	/* (SQLite takes no comment after an added column.) [contract] id of the
	 * contract used; the latest time the file covers, UTC seconds (NULL: the
	 * file holds no time, e.g. KPI measurements). */
	"ALTER TABLE imports ADD COLUMN contract_id TEXT",
	"ALTER TABLE imports ADD COLUMN horizon INTEGER",
	/* The ticket's last update as its export says it (sys_updated_on,
	 * Gewijzigd, Updated; UTC seconds), NULL when the export has none. */
	"ALTER TABLE tickets ADD COLUMN updated_at INTEGER",
	"ALTER TABLE ticket_history ADD COLUMN updated_at INTEGER",
	/* Whether the file gives response times (a response column, or for an
	 * event log a status that means responded): 1 yes, 0 no, NULL not
	 * recorded (older imports, files without tickets). A ticket whose
	 * version came from a 0 has its response not measured, not breached. */
	"ALTER TABLE imports ADD COLUMN response_column INTEGER",

	/* The supplier a ticket is with, as the export names it (Single Point of
	 * Contact: the status says "with a supplier", this column which one). */
	"ALTER TABLE tickets ADD COLUMN supplier TEXT",
	"ALTER TABLE ticket_history ADD COLUMN supplier TEXT",

	"CREATE TABLE handovers (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  ticket_id    TEXT NOT NULL,        -- tickets.id\n"
	"  supplier     TEXT NOT NULL,        -- contract supplier id (as written when the contract has none)\n"
	"  start_at     INTEGER NOT NULL,     -- handed to the supplier (UTC seconds)\n"
	"  end_at       INTEGER,              -- back with the desk; NULL: still with the supplier\n"
	"  responded_at INTEGER,              -- the supplier's first response, when recorded\n"
	"  supplier_ref TEXT,                 -- the supplier's own reference\n"
	"  extra        TEXT,                 -- other columns, JSON object\n"
	"  import_id    INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line         INTEGER,\n"
	"  UNIQUE (ticket_id, supplier, start_at),\n"
	"  CHECK (end_at IS NULL OR end_at >= start_at)\n"
	")",
	NULL
};

/* Version 4 -> 5 (issue 15): deviations from the norms explained, with
 * the improvement actions taken for them (sla-import --kind deviations). */
static const char *const v5[] = {
	/* One row per action (action '' for an explanation without one). */
	"CREATE TABLE deviations (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  period       TEXT NOT NULL,        -- 2027-01, 2027-Q1, 2027-H1 or 2027\n"
	"  refers_to    TEXT NOT NULL,        -- kpi:DOMAIN.KPI, domain:ID, priority:P1[:response|:resolution],\n"
	"                                     -- service:ID or ticket:ID, ids as the contract writes them\n"
	"  action       TEXT NOT NULL,        -- the improvement action; '' when the row only explains\n"
	"  explanation  TEXT,                 -- why the norm was not met\n"
	"  owner        TEXT,                 -- who carries the action out\n"
	"  due_at       INTEGER,              -- due date: the start of that day, local (UTC seconds)\n"
	"  status       TEXT NOT NULL CHECK (status IN ('open', 'done')),\n"
	"  done_at      INTEGER,              -- the day it was done (start of that day), NULL: not done\n"
	"  import_id    INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line         INTEGER,\n"
	"  UNIQUE (period, refers_to, action),\n"
	"  CHECK ((status = 'done') = (done_at IS NOT NULL))\n"
	")",

	/* Updates to the customer while a ticket runs (status-update cadence,
	 * halt-pve §10.1): comments, actions, public replies, and the internal
	 * notes beside them (visible = 0), so that a ticket with only internal
	 * notes is known to have update data. channel: phone, email, ... when
	 * the export says how the update was given (the response's channel). */
	"CREATE TABLE updates (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  ticket_id  TEXT NOT NULL,          -- tickets.id\n"
	"  at         INTEGER NOT NULL,       -- when it was given (UTC seconds)\n"
	"  visible    INTEGER NOT NULL,       -- 1: the customer saw it, 0: internal note\n"
	"  channel    TEXT,                   -- phone, portal, email, chat, walk-in, other; NULL: not said\n"
	"  extra      TEXT,                   -- other columns, JSON object\n"
	"  import_id  INTEGER NOT NULL REFERENCES imports(id),\n"
	"  line       INTEGER,\n"
	"  UNIQUE (ticket_id, at, visible)\n"
	")",

	/* Device swap (Halt §10.1.5), UTC seconds: when a replacement device was
	 * asked for (the swap clock's start; NULL: from registration), when the
	 * user had a working replacement, and when an emergency workplace (a
	 * loaner) was ready; sla-compute holds them to the priority's swap and
	 * swap_emergency targets. */
	"ALTER TABLE tickets ADD COLUMN swap_requested_at INTEGER",
	"ALTER TABLE tickets ADD COLUMN swap_at INTEGER",
	"ALTER TABLE tickets ADD COLUMN emergency_at INTEGER",
	"ALTER TABLE ticket_history ADD COLUMN swap_requested_at INTEGER",
	"ALTER TABLE ticket_history ADD COLUMN swap_at INTEGER",
	"ALTER TABLE ticket_history ADD COLUMN emergency_at INTEGER",
	/* The stored verdicts (ticket_results, so ticket_results_v): whether the
	 * onsite verdict counts in the run's period; the swap's verdict (met,
	 * breached, pending, n/a) and whether it counts there; business seconds,
	 * target and deadline of its device and emergency-workplace clocks. */
	"ALTER TABLE ticket_results ADD COLUMN onsite_counts INTEGER",
	"ALTER TABLE ticket_results ADD COLUMN swap_state TEXT",
	"ALTER TABLE ticket_results ADD COLUMN swap_counts INTEGER",
	"ALTER TABLE ticket_results ADD COLUMN swap_seconds INTEGER",
	"ALTER TABLE ticket_results ADD COLUMN swap_target_seconds INTEGER",
	"ALTER TABLE ticket_results ADD COLUMN swap_deadline INTEGER",
	"ALTER TABLE ticket_results ADD COLUMN emergency_seconds INTEGER",
	"ALTER TABLE ticket_results ADD COLUMN emergency_target_seconds INTEGER",
	"ALTER TABLE ticket_results ADD COLUMN emergency_deadline INTEGER",

	/* The resolver group that has the ticket (ServiceNow assignment_group,
	 * TOPdesk Operatorgroep, Zendesk Group), as the export writes it: the
	 * report's compliance per resolver group. */
	"ALTER TABLE tickets ADD COLUMN assignment_group TEXT",
	"ALTER TABLE ticket_history ADD COLUMN assignment_group TEXT",
	NULL
};

/* steps[i] brings a database from version i to version i + 1. */
static const char *const *const steps[] = { v1, v2, v3, v4, v5 };

const char *const *schema_step(int from)
{
	if (from < 0 || from >= (int)(sizeof(steps) / sizeof(steps[0])))
		return NULL;
	return steps[from];
}
