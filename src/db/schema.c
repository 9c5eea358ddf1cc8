/* Numbered migrations, keyed on PRAGMA user_version. Migration N brings
 * the schema from version N-1 to N. Never edit a migration that has
 * shipped: add a new one. */
#include "db_internal.h"

/* The search index is derived data kept by triggers: search_doc maps
 * every searchable record to an FTS5 row and holds its folded sort key,
 * search_fts holds the folded text. kz_fold() is registered on every
 * connection (db.c). */
#define SEARCH_TRIGGERS(tbl, kind, title_expr, body_expr) \
	SEARCH_TRIGGERS_KEY(tbl, kind, title_expr, body_expr, "", "", "")
/* Since migration 16 search_doc.pl_key holds the Polish order of the
 * record (kz_pl_key of order_expr), for the lists' index, and lead1 and
 * lead2 the first one and two bytes of its title's first token (kz_lead,
 * match.c). */
#define ORDERED_SEARCH_TRIGGERS(tbl, kind, title_expr, body_expr, order_expr) \
	SEARCH_TRIGGERS_KEY(tbl, kind, title_expr, body_expr, ", pl_key, lead1, lead2", \
			    ", kz_pl_key(" order_expr "), " LEADS(title_expr),      \
			    ", pl_key = kz_pl_key(" order_expr "), (lead1, lead2) ="  \
			    " (SELECT " LEADS(title_expr) ")")
#define LEADS(title_expr) \
	"kz_lead(kz_fold(" title_expr "), 1), kz_lead(kz_fold(" title_expr "), 2)"
#define SEARCH_TRIGGERS_KEY(tbl, kind, title_expr, body_expr, key_col, key_val, key_set) \
	"CREATE TRIGGER " tbl "_search_ai AFTER INSERT ON " tbl " BEGIN\n"      \
	"  INSERT INTO search_doc(kind, ref, sort_key" key_col ")\n"             \
	"    VALUES('" kind "', new.id, kz_fold(" title_expr ")" key_val ");\n"  \
	"  INSERT INTO search_fts(rowid, title, body)\n"                         \
	"    VALUES((SELECT docid FROM search_doc WHERE ref = new.id),\n"        \
	"           kz_fold(" title_expr "), kz_fold(" body_expr "));\n"         \
	"END;\n"                                                                 \
	"CREATE TRIGGER " tbl "_search_au AFTER UPDATE ON " tbl " BEGIN\n"      \
	"  UPDATE search_doc SET sort_key = kz_fold(" title_expr ")" key_set "\n" \
	"    WHERE ref = new.id;\n"                                              \
	"  UPDATE search_fts SET title = kz_fold(" title_expr "),\n"             \
	"    body = kz_fold(" body_expr ")\n"                                    \
	"    WHERE rowid = (SELECT docid FROM search_doc WHERE ref = new.id);\n" \
	"END;\n"                                                                 \
	"CREATE TRIGGER " tbl "_search_ad AFTER DELETE ON " tbl " BEGIN\n"      \
	"  DELETE FROM search_fts\n"                                             \
	"    WHERE rowid = (SELECT docid FROM search_doc WHERE ref = old.id);\n" \
	"  DELETE FROM search_doc WHERE ref = old.id;\n"                         \
	"END;\n"

#define STAMP_COLUMNS                        \
	"  created_at TEXT NOT NULL,\n"      \
	"  created_by TEXT NOT NULL,\n"      \
	"  updated_at TEXT NOT NULL,\n"      \
	"  updated_by TEXT NOT NULL,\n"      \
	"  rev INTEGER NOT NULL DEFAULT 1\n"

#define C(col) "coalesce(new." col ", '')"

/* What the search index holds of partners, contacts and meetings. */
#define PARTNER_TITLE "new.name || ' ' || " C("short_name")
#define PARTNER_BODY                                                    \
	C("address") " || ' ' || " C("phone") " || ' ' || "             \
	C("email") " || ' ' || " C("role") " || ' ' || "                \
	C("resources") " || ' ' || " C("kind") " || ' ' || " C("sectors")
#define CONTACT_BODY                                                    \
	C("position") " || ' ' || " C("phone") " || ' ' || "            \
	C("email") " || ' ' || coalesce((SELECT name || ' ' ||"         \
	" coalesce(short_name, '') FROM partners"                       \
	" WHERE id = new.partner_id), '')"
#define MEETING_TITLE "new.title || ' ' || new.date"
#define MEETING_BODY C("place") " || ' ' || " C("agenda") " || ' ' || " C("minutes")

static const char *const migration_1[] = {
	"CREATE TABLE meta (\n"
	"  key TEXT PRIMARY KEY NOT NULL,\n"
	"  value TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE partners (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  short_name TEXT, kind TEXT, sectors TEXT, address TEXT, phone TEXT,\n"
	"  email TEXT, website TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'informal'\n"
	"    CHECK (status IN ('invited', 'informal', 'declared', 'left')),\n"
	"  declaration_date TEXT, role TEXT, resources TEXT, notes TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE TABLE contacts (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  partner_id TEXT NOT NULL REFERENCES partners(id),\n"
	"  name TEXT NOT NULL,\n"
	"  position TEXT, phone TEXT, email TEXT, reachable TEXT, notes TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX contacts_partner ON contacts(partner_id);\n"
	"CREATE TABLE services (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL DEFAULT 'service'\n"
	"    CHECK (kind IN ('service', 'activity')),\n"
	"  description TEXT,\n"
	"  provider_id TEXT NOT NULL REFERENCES partners(id),\n"
	"  category TEXT, sector TEXT, target_groups TEXT,\n"
	"  access_conditions TEXT, how_to_get TEXT, cost TEXT, place TEXT,\n"
	"  hours TEXT, waiting_time TEXT, area TEXT,\n"
	"  contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,\n"
	"  contact_text TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'active'\n"
	"    CHECK (status IN ('active', 'suspended', 'archived')),\n"
	"  valid_from TEXT, valid_to TEXT, verified_on TEXT, verified_by TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX services_provider ON services(provider_id);\n"
	"CREATE INDEX services_contact ON services(contact_id);\n"
	"CREATE INDEX services_status ON services(status, verified_on);\n"
	"CREATE TABLE audit (\n"
	"  seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  at TEXT NOT NULL,\n"
	"  user TEXT NOT NULL,\n"
	"  action TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  ref TEXT,\n"
	"  summary TEXT\n"
	");\n"
	"CREATE INDEX audit_ref ON audit(ref);\n",
	"CREATE TABLE search_doc (\n"
	"  docid INTEGER PRIMARY KEY,\n"
	"  kind TEXT NOT NULL,\n"
	"  ref TEXT NOT NULL UNIQUE,\n"
	"  sort_key TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX search_doc_sort ON search_doc(kind, sort_key);\n"
	"CREATE VIRTUAL TABLE search_fts USING fts5(\n"
	"  title, body,\n"
	"  tokenize = 'unicode61 remove_diacritics 2',\n"
	"  prefix = '2 3'\n"
	");\n",
	SEARCH_TRIGGERS("services", "service", "new.title",
			C("description") " || ' ' || " C("access_conditions")
			" || ' ' || " C("how_to_get") " || ' ' || " C("place")
			" || ' ' || " C("area") " || ' ' || " C("category")
			" || ' ' || " C("target_groups")),
	SEARCH_TRIGGERS("partners", "partner", PARTNER_TITLE, PARTNER_BODY),
	SEARCH_TRIGGERS("contacts", "contact", "new.name", CONTACT_BODY),
	NULL,
};

/* Cases and individual support plans. Everything of a case hangs on it
 * with ON DELETE CASCADE, so erasing a case is one DELETE (plus the audit
 * trail, which has no foreign keys). Case codes are searchable; nothing
 * else of a case goes into the search index. */
static const char *const migration_2[] = {
	"CREATE TABLE cases (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  code TEXT NOT NULL UNIQUE,\n"
	"  status TEXT NOT NULL DEFAULT 'new'\n"
	"    CHECK (status IN ('new', 'active', 'review', 'closed')),\n"
	"  manager TEXT NOT NULL,\n"
	"  legal_basis TEXT NOT NULL CHECK (legal_basis IN ('consent', 'statutory')),\n"
	"  legal_basis_note TEXT, consent_date TEXT, consent_scope TEXT,\n"
	"  opened_on TEXT NOT NULL, closed_on TEXT, notes TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX cases_manager ON cases(manager, status);\n"
	"CREATE TABLE members (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,\n"
	"  role TEXT NOT NULL, birth_year TEXT, name TEXT, notes TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX members_case ON members(case_id);\n"
	"CREATE TABLE team (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,\n"
	"  contact_id TEXT NOT NULL REFERENCES contacts(id),\n"
	"  role TEXT NOT NULL,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX team_case ON team(case_id);\n"
	"CREATE INDEX team_contact ON team(contact_id);\n",
	"CREATE TABLE plans (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,\n"
	"  status TEXT NOT NULL DEFAULT 'draft'\n"
	"    CHECK (status IN ('draft', 'approved', 'closed')),\n"
	"  valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,\n"
	"  approved_by TEXT, approved_on TEXT, closing_summary TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX plans_case ON plans(case_id);\n"
	"CREATE TABLE diagnoses (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,\n"
	"  need_area TEXT NOT NULL,\n"
	"  situation TEXT, needs TEXT, strengths TEXT, family_view TEXT,\n"
	STAMP_COLUMNS ",\n"
	"  UNIQUE (plan_id, need_area)\n"
	");\n"
	"CREATE TABLE goals (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,\n"
	"  what TEXT NOT NULL, indicator TEXT, target_date TEXT NOT NULL,\n"
	"  priority TEXT NOT NULL DEFAULT 'medium',\n"
	"  status TEXT NOT NULL DEFAULT 'open',\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX goals_plan ON goals(plan_id);\n",
	"CREATE TABLE actions (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,\n"
	"  goal_id TEXT REFERENCES goals(id) ON DELETE SET NULL,\n"
	"  service_id TEXT REFERENCES services(id),\n"
	"  free_text TEXT,\n"
	"  partner_id TEXT REFERENCES partners(id),\n"
	"  contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,\n"
	"  family_commitment TEXT, referral_date TEXT, referred_by TEXT,\n"
	"  referral_answer TEXT, answer_date TEXT, start_date TEXT, due_date TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'planned',\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX actions_plan ON actions(plan_id);\n"
	"CREATE INDEX actions_service ON actions(service_id);\n"
	"CREATE INDEX actions_due ON actions(status, due_date);\n"
	"CREATE TABLE reviews (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,\n"
	"  review_date TEXT NOT NULL, participants TEXT, notes TEXT,\n"
	"  next_review_date TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX reviews_plan ON reviews(plan_id, review_date);\n"
	"CREATE TABLE progress (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,\n"
	"  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,\n"
	"  progress TEXT, goal_status TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX progress_review ON progress(review_id);\n"
	"CREATE TABLE plan_versions (\n"
	"  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,\n"
	"  version INTEGER NOT NULL,\n"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL, note TEXT,\n"
	"  snapshot TEXT NOT NULL,\n"
	"  PRIMARY KEY (plan_id, version)\n"
	");\n"
	/* Ids of erased records: sync must never bring them back. */
	"CREATE TABLE erased (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  erased_at TEXT NOT NULL,\n"
	"  erased_by TEXT NOT NULL\n"
	");\n",
	SEARCH_TRIGGERS("cases", "case", "new.code", C("status")),
	NULL,
};

/* Meetings of the partnership (PZK) and of case teams, their attendees
 * and decisions, and tasks from meetings and plans. A case team's meeting
 * belongs to its case and goes with it when the case is erased. */
static const char *const migration_3[] = {
	"CREATE TABLE meetings (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kind TEXT NOT NULL DEFAULT 'partnership'\n"
	"    CHECK (kind IN ('partnership', 'case_team')),\n"
	"  case_id TEXT REFERENCES cases(id) ON DELETE CASCADE,\n"
	"  title TEXT NOT NULL,\n"
	"  date TEXT NOT NULL, time TEXT,\n"
	"  host_id TEXT REFERENCES partners(id),\n"
	"  place TEXT, agenda TEXT, minutes TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX meetings_date ON meetings(date);\n"
	"CREATE INDEX meetings_case ON meetings(case_id);\n"
	"CREATE INDEX meetings_host ON meetings(host_id);\n"
	"CREATE TABLE attendees (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  contact_id TEXT NOT NULL REFERENCES contacts(id),\n"
	"  attended INTEGER NOT NULL DEFAULT 0,\n"
	STAMP_COLUMNS ",\n"
	"  UNIQUE (meeting_id, contact_id)\n"
	");\n"
	"CREATE INDEX attendees_contact ON attendees(contact_id);\n"
	"CREATE TABLE decisions (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  text TEXT NOT NULL,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX decisions_meeting ON decisions(meeting_id);\n",
	"CREATE TABLE tasks (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  case_id TEXT REFERENCES cases(id) ON DELETE CASCADE,\n"
	"  title TEXT NOT NULL,\n"
	"  partner_id TEXT NOT NULL REFERENCES partners(id),\n"
	"  contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,\n"
	"  due_date TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'open'\n"
	"    CHECK (status IN ('open', 'done', 'dropped')),\n"
	"  closed_on TEXT, closed_by TEXT, notes TEXT,\n"
	STAMP_COLUMNS
	");\n"
	"CREATE INDEX tasks_partner ON tasks(partner_id, status);\n"
	"CREATE INDEX tasks_due ON tasks(status, due_date);\n"
	"CREATE INDEX tasks_meeting ON tasks(meeting_id);\n",
	SEARCH_TRIGGERS("meetings", "meeting", MEETING_TITLE, MEETING_BODY),
	NULL,
};

/* Offline sync (include/koszyk/sync.h): the change log, this replica's
 * version vector, the stamps of the values of fields (several when they
 * are in conflict), row stamps and tombstones, and what each peer holds. */
static const char *const migration_4[] = {
	"CREATE TABLE sync_tx (\n"
	"  origin TEXT NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  lamport INTEGER NOT NULL,\n"
	"  at TEXT NOT NULL,\n"
	"  user TEXT NOT NULL,\n"
	"  deps TEXT NOT NULL,\n"
	"  PRIMARY KEY (origin, seq)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX sync_tx_lamport ON sync_tx(lamport);\n"
	"CREATE TABLE sync_change (\n"
	"  origin TEXT NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  idx INTEGER NOT NULL,\n"
	"  tbl TEXT NOT NULL,\n"
	"  row_id TEXT NOT NULL,\n"
	"  op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D', 'E')),\n"
	"  vals TEXT,\n"
	"  PRIMARY KEY (origin, seq, idx)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX sync_change_row ON sync_change(row_id);\n"
	"CREATE TABLE sync_clock (\n"
	"  origin TEXT PRIMARY KEY NOT NULL,\n"
	"  seq INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE sync_row (\n"
	"  tbl TEXT NOT NULL,\n"
	"  row_id TEXT NOT NULL,\n"
	"  origin TEXT NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  lamport INTEGER NOT NULL,\n"
	"  deleted INTEGER NOT NULL DEFAULT 0,\n"
	"  ukey TEXT,\n"
	"  PRIMARY KEY (tbl, row_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX sync_row_ukey ON sync_row(tbl, ukey) WHERE ukey IS NOT NULL;\n"
	"CREATE TABLE sync_field (\n"
	"  tbl TEXT NOT NULL,\n"
	"  row_id TEXT NOT NULL,\n"
	"  col TEXT NOT NULL,\n"
	"  origin TEXT NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  lamport INTEGER NOT NULL,\n"
	"  has_value INTEGER NOT NULL DEFAULT 0,\n"
	"  value,\n"
	"  PRIMARY KEY (tbl, row_id, col, origin, seq)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE sync_conflict (\n"
	"  tbl TEXT NOT NULL,\n"
	"  row_id TEXT NOT NULL,\n"
	"  col TEXT NOT NULL,\n"
	"  note TEXT,\n"
	"  PRIMARY KEY (tbl, row_id, col)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE sync_dropped (\n"
	"  tbl TEXT NOT NULL,\n"
	"  row_id TEXT NOT NULL,\n"
	"  origin TEXT NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  reason TEXT NOT NULL,\n"
	"  fields TEXT,\n"
	"  PRIMARY KEY (tbl, row_id, origin, seq)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE sync_peer (\n"
	"  replica TEXT PRIMARY KEY NOT NULL,\n"
	"  name TEXT,\n"
	"  clock TEXT NOT NULL,\n"
	"  seen_at TEXT NOT NULL\n"
	") WITHOUT ROWID;\n",
	NULL,
};

/* migrations[i] brings the schema to version i + 1; each is a
 * NULL-terminated list of SQL pieces run in order. */
/* Need-to-know: the logins a case is shared with besides its manager
 * (synced, so that a laptop learns which cases its user may hold). */
static const char *const migration_5[] = {
	"CREATE TABLE case_shares (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,\n"
	"  login TEXT NOT NULL,\n"
	STAMP_COLUMNS ",\n"
	"  UNIQUE (case_id, login)\n"
	");\n"
	"CREATE INDEX case_shares_login ON case_shares(login, case_id);\n",
	NULL,
};

/* The audit trail as a hash chain (src/db/audit.c): the case an entry is
 * about, a random key and the keyed hash of its details (ref, summary,
 * case), the hash of the entry before and its own hash. An erasure blanks
 * out the details of the case's entries (redacted: the seq of the erase
 * entry) and keeps the hashes, so the chain still verifies. The existing
 * entries are chained by a step in C after this SQL (db.c). */
static const char *const migration_6[] = {
	"ALTER TABLE audit ADD COLUMN case_id TEXT;\n"
	"ALTER TABLE audit ADD COLUMN salt BLOB;\n"
	"ALTER TABLE audit ADD COLUMN detail_hash BLOB;\n"
	"ALTER TABLE audit ADD COLUMN prev_hash BLOB;\n"
	"ALTER TABLE audit ADD COLUMN hash BLOB;\n"
	"ALTER TABLE audit ADD COLUMN redacted INTEGER;\n"
	"CREATE INDEX audit_case ON audit(case_id, seq);\n"
	"CREATE INDEX audit_redacted ON audit(redacted) WHERE redacted IS NOT NULL;\n",
	NULL,
};

/* Need-to-know in sync: the login each peer replica belongs to (learned
 * when it is cloned or exchanges over ssh), and received transactions
 * whose author had no right to make them, kept aside for a coordinator. */
static const char *const migration_7[] = {
	"ALTER TABLE sync_peer ADD COLUMN login TEXT;\n"
	"CREATE TABLE sync_refused (\n"
	"  origin TEXT NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  at TEXT NOT NULL,\n"
	"  user TEXT NOT NULL,\n"
	"  received_at TEXT NOT NULL,\n"
	"  reason TEXT NOT NULL,\n"
	"  changes TEXT NOT NULL,\n"
	"  seen INTEGER NOT NULL DEFAULT 0,\n"
	"  PRIMARY KEY (origin, seq)\n"
	") WITHOUT ROWID;\n",
	NULL,
};

/* Need-to-know replicas: the cases each peer replica said it holds (ids,
 * space-separated), so that a case it lacks is sent as it is now. */
static const char *const migration_8[] = {
	"ALTER TABLE sync_peer ADD COLUMN cases TEXT;\n",
	NULL,
};

/* Sharing is stopped by marking the share, never by deleting it: sharing
 * again revives the same row, so that every replica agrees on it (a
 * deleted row never comes back, and a new row for the same case and login
 * would lose to the old one's tombstone). And the cases to send whole
 * again to a need-to-know replica. */
static const char *const migration_9[] = {
	"ALTER TABLE case_shares ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0"
	" CHECK (revoked IN (0, 1));\n"
	/* The cases of a need-to-know replica whose change was refused here:
	 * sent to it whole again, to replace what it holds. */
	"ALTER TABLE sync_peer ADD COLUMN stale TEXT;\n",
	NULL,
};

/* The partnership's key, in meta (made in C: db.c, key_migration). */
static const char *const migration_10[] = {
	NULL,
};

/* A partner's number in the National Court Register (KRS): the field
 * added end to end as the example of issue 11. */
static const char *const migration_11[] = {
	"ALTER TABLE partners ADD COLUMN krs TEXT;\n",
	NULL,
};

/* A service is found by its provider's name and short name too
 * ("poradnia psych" finds the services of the Poradnia
 * Psychologiczno-Pedagogiczna): the provider joins the service's search
 * text, which is made again when the partner is renamed. The triggers are
 * made anew, so running this again does no harm. */
#define SERVICE_BODY(p)                                                        \
	"coalesce(" p "description, '') || ' ' || coalesce(" p "access_conditions, '')" \
	" || ' ' || coalesce(" p "how_to_get, '') || ' ' || coalesce(" p "place, '')" \
	" || ' ' || coalesce(" p "area, '') || ' ' || coalesce(" p "category, '')" \
	" || ' ' || coalesce(" p "target_groups, '') || ' ' || coalesce((SELECT"   \
	" name || ' ' || coalesce(short_name, '') FROM partners WHERE id = " p    \
	"provider_id), '')"
#define SERVICE_DOC_BODY                                                       \
	"(SELECT kz_fold(" SERVICE_BODY("s.") ") FROM services s"                \
	" JOIN search_doc d ON d.ref = s.id WHERE d.docid = search_fts.rowid)"

static const char *const migration_12[] = {
	"DROP TRIGGER IF EXISTS services_search_ai;\n"
	"DROP TRIGGER IF EXISTS services_search_au;\n"
	"DROP TRIGGER IF EXISTS services_search_ad;\n"
	"DROP TRIGGER IF EXISTS partners_services_search_au;\n",
	SEARCH_TRIGGERS("services", "service", "new.title", SERVICE_BODY("new.")),
	"CREATE TRIGGER partners_services_search_au\n"
	"  AFTER UPDATE OF name, short_name ON partners BEGIN\n"
	"  UPDATE search_fts SET body = " SERVICE_DOC_BODY "\n"
	"    WHERE rowid IN (SELECT d.docid FROM search_doc d\n"
	"      JOIN services s ON s.id = d.ref WHERE s.provider_id = new.id);\n"
	"END;\n"
	"UPDATE search_fts SET body = " SERVICE_DOC_BODY "\n"
	"  WHERE rowid IN (SELECT docid FROM search_doc WHERE kind = 'service');\n",
	NULL,
};

/* A goal's need area, so that outcomes are counted by need area (the
 * outcomes report). */
static const char *const migration_13[] = {
	"ALTER TABLE goals ADD COLUMN need_area TEXT;\n",
	NULL,
};

/* Issue 12, meetings: a meeting's chair beside its host (the seeds
 * recommend shared chairing), two more kinds of meeting (a working group,
 * a training; the CHECK of migration 3 is widened in C: db.c,
 * meeting_kinds_migration), and the decision a task came from. */
static const char *const migration_14[] = {
	"ALTER TABLE meetings ADD COLUMN chair_id TEXT REFERENCES partners(id);\n"
	"ALTER TABLE tasks ADD COLUMN decision_id TEXT"
	" REFERENCES decisions(id) ON DELETE SET NULL;\n",
	NULL,
};

/* A network of partnerships: the records of another partnership's basket
 * are marked with its short name (NULL: our own); the networks and where
 * their feeds are read from. */
static const char *const migration_15[] = {
	"ALTER TABLE partners ADD COLUMN network TEXT;\n"
	"ALTER TABLE contacts ADD COLUMN network TEXT;\n"
	"ALTER TABLE services ADD COLUMN network TEXT;\n"
	"CREATE TABLE IF NOT EXISTS networks (\n"
	"  name TEXT PRIMARY KEY,\n"
	"  source TEXT NOT NULL,\n"
	"  imported_at TEXT NOT NULL\n"
	");\n",
	NULL,
};

/* Issue 14, instant lists: search_doc.pl_key, the Polish order of each
 * service, partner, contact person (by surname) and meeting as bytes
 * (kz_pl_key, collate.h), kept by the search triggers in the record's own
 * transaction, so that a list walks the (kind, pl_key) index and stops at
 * its page instead of sorting every record with the collation; and
 * search_doc.lead1 and lead2, the first one and two bytes of the title's
 * first token, so that the titles beginning with a word are walked in
 * that order from the (kind, lead1 or lead2, pl_key) indexes. Derived data, like the rest of
 * search_doc: sync never sends it. */
#define DROP_SEARCH_TRIGGERS(tbl)                          \
	"DROP TRIGGER IF EXISTS " tbl "_search_mv;\n"      \
	"DROP TRIGGER IF EXISTS " tbl "_search_ai;\n"      \
	"DROP TRIGGER IF EXISTS " tbl "_search_au;\n"      \
	"DROP TRIGGER IF EXISTS " tbl "_search_ad;\n"
#define ORDER_OF(tbl, expr) \
	" WHEN '" tbl "' THEN (SELECT kz_pl_key(" expr ") FROM " tbl "s WHERE id = ref)"

static const char *const migration_16[] = {
	/* A one-letter query reads one list of the prefix index, not the
	 * lists of every word that begins with the letter: search_fts made
	 * anew with prefix '1 2 3' (it was '2 3'). */
	"CREATE TEMP TABLE search_fts_copy AS SELECT rowid AS id, title, body FROM search_fts;\n"
	"DROP TABLE search_fts;\n"
	"CREATE VIRTUAL TABLE search_fts USING fts5(\n"
	"  title, body,\n"
	"  tokenize = 'unicode61 remove_diacritics 2',\n"
	"  prefix = '1 2 3'\n"
	");\n"
	"INSERT INTO search_fts(rowid, title, body) SELECT id, title, body FROM search_fts_copy;\n"
	"DROP TABLE search_fts_copy;\n",
	"ALTER TABLE search_doc ADD COLUMN pl_key BLOB;\n"
	"ALTER TABLE search_doc ADD COLUMN lead1 BLOB;\n"
	"ALTER TABLE search_doc ADD COLUMN lead2 BLOB;\n"
	DROP_SEARCH_TRIGGERS("services") DROP_SEARCH_TRIGGERS("partners")
	DROP_SEARCH_TRIGGERS("contacts") DROP_SEARCH_TRIGGERS("meetings")
	DROP_SEARCH_TRIGGERS("cases"),
	ORDERED_SEARCH_TRIGGERS("services", "service", "new.title", SERVICE_BODY("new."),
				"new.title"),
	ORDERED_SEARCH_TRIGGERS("partners", "partner", PARTNER_TITLE, PARTNER_BODY,
				"new.name"),
	ORDERED_SEARCH_TRIGGERS("contacts", "contact", "new.name", CONTACT_BODY,
				"kz_person_key(new.name)"),
	ORDERED_SEARCH_TRIGGERS("meetings", "meeting", MEETING_TITLE, MEETING_BODY,
				"new.title"),
	ORDERED_SEARCH_TRIGGERS("cases", "case", "new.code", C("status"), "new.code"),
	"UPDATE search_doc SET pl_key = CASE kind"
	ORDER_OF("service", "title") ORDER_OF("partner", "name")
	ORDER_OF("contact", "kz_person_key(name)") ORDER_OF("meeting", "title")
	ORDER_OF("case", "code") " END,"
	" (lead1, lead2) = (SELECT kz_lead(title, 1), kz_lead(title, 2)"
	"  FROM search_fts WHERE rowid = docid);\n"
	"CREATE INDEX search_doc_pl ON search_doc(kind, pl_key);\n"
	"CREATE INDEX search_doc_lead1 ON search_doc(kind, lead1, pl_key);\n"
	"CREATE INDEX search_doc_lead2 ON search_doc(kind, lead2, pl_key);\n",
	NULL,
};

/* Compaction of the change log (src/db/sync_compact.c). For each origin, the
 * transactions up to seq left the log (every known replica held them);
 * lamport is the greatest Lamport clock among them, so that the clock
 * never goes back, and at the newest time of writing among them. A peer
 * replica retired (sync forget) no longer holds compaction back; the time
 * it was retired is kept. And what each peer's own peers hold. */
static const char *const migration_17[] = {
	"CREATE TABLE IF NOT EXISTS sync_horizon (\n"
	"  origin TEXT PRIMARY KEY NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  lamport INTEGER NOT NULL,\n"
	"  at TEXT\n"
	") WITHOUT ROWID;\n"
	"ALTER TABLE sync_peer ADD COLUMN retired TEXT;\n"
	/* What every peer of the peer holds, as its last file said: a
	 * clone of a laptop holds the office's compaction back. */
	"ALTER TABLE sync_peer ADD COLUMN floor TEXT;\n",
	NULL,
};

/* What the dashboard asks at every start, answered from an index and not
 * by reading every action and plan: the open actions by due date (the
 * condition is spelled as the queries spell it, so SQLite uses it) and the
 * reviews by the date of the next one. */
static const char *const migration_18[] = {
	"CREATE INDEX IF NOT EXISTS actions_open_due ON actions(due_date)"
	" WHERE status NOT IN ('done', 'dropped', 'declined');\n"
	"CREATE INDEX IF NOT EXISTS reviews_next ON reviews(next_review_date);\n",
	NULL,
};

/* How many services there are of each status, kept by triggers: the
 * dashboard and the basket's title show these counts at every start,
 * and counting 100,000 rows each time cost more than the rest of the
 * start. Derived data, like search_doc: sync never sends it (it is not
 * among its tables), every replica keeps its own. */
static const char *const migration_19[] = {
	"CREATE TABLE IF NOT EXISTS service_counts (\n"
	"  status TEXT PRIMARY KEY NOT NULL,\n"
	"  n INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"DELETE FROM service_counts;\n"
	"INSERT INTO service_counts(status, n)"
	" SELECT status, count(*) FROM services GROUP BY status;\n"
	"CREATE TRIGGER IF NOT EXISTS service_counts_i AFTER INSERT ON services BEGIN\n"
	"  INSERT INTO service_counts(status, n) VALUES(new.status, 1)\n"
	"    ON CONFLICT(status) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER IF NOT EXISTS service_counts_d AFTER DELETE ON services BEGIN\n"
	"  UPDATE service_counts SET n = n - 1 WHERE status = old.status;\n"
	"END;\n"
	"CREATE TRIGGER IF NOT EXISTS service_counts_u AFTER UPDATE OF status ON services\n"
	"  WHEN new.status IS NOT old.status BEGIN\n"
	"  UPDATE service_counts SET n = n - 1 WHERE status = old.status;\n"
	"  INSERT INTO service_counts(status, n) VALUES(new.status, 1)\n"
	"    ON CONFLICT(status) DO UPDATE SET n = n + 1;\n"
	"END;\n",
	NULL,
};

/* Issue 14, lists in one pass: the search index's documents numbered in
 * list order (doc_order.c), each kind in its own range, so that FTS5,
 * which gives its matches in docid order, gives them in the order of the
 * list and a page is read without sorting every match. A record takes a
 * docid between its neighbours' (kz_doc_slot) when it is added, and
 * moves when its place in the order changes. lead1 and lead2 (migration
 * 16) are no longer read: FTS5's own ^ finds the titles that begin with
 * a word. Prefixes of up to eight letters are indexed: a longer prefix
 * makes FTS5 merge the lists of every word that begins with it. */
#define PLACED "576460752303423488"   /* KZ_DOC_PLACED, 2^59 */
#define KIND_END "1152921504606846976" /* KZ_DOC_END, 2^60 */
#define NEIGHBOUR(kind, col, cmp, dir)                                          \
	" (SELECT " col " FROM search_doc WHERE kind = '" kind "' AND pl_key " cmp " o.key" \
	"   AND docid < kz_doc_base('" kind "') + " PLACED                     \
	"   ORDER BY pl_key" dir ", docid" dir " LIMIT 1)"
#define DOC_SLOT(kind)                                                          \
	"kz_doc_slot('" kind "',"                                              \
	NEIGHBOUR(kind, "docid", "<=", " DESC") "," NEIGHBOUR(kind, "docid", ">", "") "," \
	" (SELECT max(docid) FROM search_doc WHERE docid >= kz_doc_base('" kind "') + " PLACED \
	"   AND docid < kz_doc_base('" kind "') + " KIND_END "), o.key,"       \
	NEIGHBOUR(kind, "pl_key", "<=", " DESC") "," NEIGHBOUR(kind, "pl_key", ">", "") ")"
#define PLACE_DOC(kind, title_expr, body_expr, order_expr)                      \
	"  INSERT INTO search_doc(docid, kind, ref, sort_key, pl_key)\n"        \
	"    SELECT " DOC_SLOT(kind) ", '" kind "', new.id, kz_fold(" title_expr "), o.key\n" \
	"    FROM (SELECT kz_pl_key(" order_expr ") AS key) AS o;\n"            \
	"  INSERT INTO search_fts(rowid, title, body)\n"                         \
	"    VALUES((SELECT docid FROM search_doc WHERE ref = new.id),\n"        \
	"           kz_fold(" title_expr "), kz_fold(" body_expr "));\n"
#define SAME_PLACE(order_expr) \
	"kz_pl_key(" order_expr ") IS (SELECT pl_key FROM search_doc WHERE ref = new.id)"
#define PLACED_SEARCH_TRIGGERS(tbl, kind, title_expr, body_expr, order_expr)     \
	"CREATE TRIGGER " tbl "_search_ai AFTER INSERT ON " tbl " BEGIN\n"      \
	PLACE_DOC(kind, title_expr, body_expr, order_expr)                      \
	"END;\n",                                                                \
	"CREATE TRIGGER " tbl "_search_au AFTER UPDATE ON " tbl "\n"            \
	"  WHEN " SAME_PLACE(order_expr) " BEGIN\n"                             \
	"  UPDATE search_doc SET sort_key = kz_fold(" title_expr ") WHERE ref = new.id;\n" \
	"  UPDATE search_fts SET title = kz_fold(" title_expr "),\n"             \
	"    body = kz_fold(" body_expr ")\n"                                    \
	"    WHERE rowid = (SELECT docid FROM search_doc WHERE ref = new.id);\n" \
	"END;\n",                                                                \
	"CREATE TRIGGER " tbl "_search_mv AFTER UPDATE ON " tbl "\n"            \
	"  WHEN NOT " SAME_PLACE(order_expr) " BEGIN\n"                         \
	"  DELETE FROM search_fts\n"                                             \
	"    WHERE rowid = (SELECT docid FROM search_doc WHERE ref = new.id);\n" \
	"  DELETE FROM search_doc WHERE ref = new.id;\n"                         \
	PLACE_DOC(kind, title_expr, body_expr, order_expr)                      \
	"END;\n",                                                                \
	"CREATE TRIGGER " tbl "_search_ad AFTER DELETE ON " tbl " BEGIN\n"      \
	"  DELETE FROM search_fts\n"                                             \
	"    WHERE rowid = (SELECT docid FROM search_doc WHERE ref = old.id);\n" \
	"  DELETE FROM search_doc WHERE ref = old.id;\n"                         \
	"END;\n"

static const char *const migration_20[] = {
	DROP_SEARCH_TRIGGERS("services") DROP_SEARCH_TRIGGERS("partners")
	DROP_SEARCH_TRIGGERS("contacts") DROP_SEARCH_TRIGGERS("meetings")
	DROP_SEARCH_TRIGGERS("cases")
	"DROP INDEX IF EXISTS search_doc_lead1;\n"
	"DROP INDEX IF EXISTS search_doc_lead2;\n"
	"ALTER TABLE search_doc DROP COLUMN lead1;\n"
	"ALTER TABLE search_doc DROP COLUMN lead2;\n",
	/* Every document numbered anew in list order, spread evenly over
	 * its kind's range. */
	"CREATE TEMP TABLE doc_renumber (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);\n"
	"INSERT INTO doc_renumber(old, new) SELECT docid, kz_doc_base(kind) +"
	" (row_number() OVER (PARTITION BY kind ORDER BY pl_key, docid))"
	" * (" PLACED " / (count(*) OVER (PARTITION BY kind) + 1))"
	" FROM search_doc;\n"
	"CREATE TEMP TABLE fts_renumber AS SELECT r.new AS id, f.title, f.body"
	" FROM search_fts f JOIN doc_renumber r ON r.old = f.rowid;\n"
	"DROP TABLE search_fts;\n"
	"CREATE VIRTUAL TABLE search_fts USING fts5(\n"
	"  title, body,\n"
	"  tokenize = 'unicode61 remove_diacritics 2',\n"
	"  prefix = '1 2 3 4 5 6 7 8'\n"
	");\n"
	"INSERT INTO search_fts(rowid, title, body) SELECT id, title, body FROM fts_renumber"
	" ORDER BY id;\n"
	"UPDATE search_doc SET docid = (SELECT new FROM doc_renumber WHERE old = search_doc.docid);\n"
	"DROP TABLE fts_renumber;\n"
	"DROP TABLE doc_renumber;\n",
	PLACED_SEARCH_TRIGGERS("services", "service", "new.title", SERVICE_BODY("new."),
			       "new.title"),
	PLACED_SEARCH_TRIGGERS("partners", "partner", PARTNER_TITLE, PARTNER_BODY,
			       "new.name"),
	PLACED_SEARCH_TRIGGERS("contacts", "contact", "new.name", CONTACT_BODY,
			       "kz_person_key(new.name)"),
	PLACED_SEARCH_TRIGGERS("meetings", "meeting", MEETING_TITLE, MEETING_BODY,
			       "new.title"),
	PLACED_SEARCH_TRIGGERS("cases", "case", "new.code", C("status"), "new.code"),
	NULL,
};

/* An import writes its records to the search index in the order of the
 * index, not of the file: FTS5 keeps its new entries in memory only while
 * docids grow, and a record placed before the last one (the titles of a
 * file come in any order, migration 20 numbers them in list order) made
 * it write a segment per record (an import of 100,000 services took twice
 * as long). While kz_search_deferred() (an import's batches, records.c)
 * a new record's text waits in search_pending; the commit writes them all
 * to search_fts in docid order (kz_search_flush, db.c). A change to a
 * waiting record changes it where it waits. */
#define PENDING_TEXT(fts_title, title_expr, body_expr)                                     \
	"  INSERT INTO search_fts(rowid, title, body)\n"                        \
	"    SELECT docid, " fts_title title_expr "), kz_fold(" body_expr ")\n" \
	"    FROM search_doc WHERE ref = new.id AND NOT kz_search_deferred();\n" \
	"  INSERT INTO search_pending(docid, title, body)\n"                    \
	"    SELECT docid, " fts_title title_expr "), kz_fold(" body_expr ")\n" \
	"    FROM search_doc WHERE ref = new.id AND kz_search_deferred();\n"
#define PLACE_DOC_DEFERRED(fts_title, slot, kind, title_expr, body_expr, order_expr) \
	"  INSERT INTO search_doc(docid, kind, ref, sort_key, pl_key)\n"        \
	"    SELECT " slot(kind) ", '" kind "', new.id, kz_fold(" title_expr "), o.key\n" \
	"    FROM (SELECT kz_pl_key(" order_expr ") AS key) AS o;\n"            \
	PENDING_TEXT(fts_title, title_expr, body_expr)
#define DOC_OF_NEW "(SELECT docid FROM search_doc WHERE ref = new.id)"
/* A record's text changed in place (au) or its place in the order (mv);
 * on: "ON " (every update) or "OF columns ON " (migration 29). */
#define SEARCH_AU(on, fts_title, tbl, title_expr, body_expr, order_expr)        \
	"CREATE TRIGGER " tbl "_search_au AFTER UPDATE " on tbl "\n"            \
	"  WHEN " SAME_PLACE(order_expr) " BEGIN\n"                             \
	"  UPDATE search_doc SET sort_key = kz_fold(" title_expr ") WHERE ref = new.id;\n" \
	"  UPDATE search_fts SET title = " fts_title title_expr "),\n"          \
	"    body = kz_fold(" body_expr ") WHERE rowid = " DOC_OF_NEW ";\n"       \
	"  UPDATE search_pending SET title = " fts_title title_expr "),\n"      \
	"    body = kz_fold(" body_expr ") WHERE docid = " DOC_OF_NEW ";\n"       \
	"END;\n"
#define SEARCH_MV(on, fts_title, slot, tbl, kind, title_expr, body_expr, order_expr) \
	"CREATE TRIGGER " tbl "_search_mv AFTER UPDATE " on tbl "\n"            \
	"  WHEN NOT " SAME_PLACE(order_expr) " BEGIN\n"                         \
	"  DELETE FROM search_fts WHERE rowid = " DOC_OF_NEW ";\n"               \
	"  DELETE FROM search_pending WHERE docid = " DOC_OF_NEW ";\n"           \
	"  DELETE FROM search_doc WHERE ref = new.id;\n"                         \
	PLACE_DOC_DEFERRED(fts_title, slot, kind, title_expr, body_expr, order_expr) \
	"END;\n"
/* Four strings, one trigger each (each under C's 4,095 characters);
 * fts_title (a call to the end of its first argument: "kz_fold(") makes
 * the title column's text (migration 22: kz_fts_title, 26 with the kind),
 * slot(kind) a new document's docid (DOC_SLOT, or migration 22's
 * DOC_SLOT_OR_WAITING). */
#define SEARCH_TRIGGERS_OF(fts_title, slot, tbl, kind, title_expr, body_expr, order_expr) \
	"CREATE TRIGGER " tbl "_search_ai AFTER INSERT ON " tbl " BEGIN\n"      \
	PLACE_DOC_DEFERRED(fts_title, slot, kind, title_expr, body_expr, order_expr) \
	"END;\n",                                                                \
	SEARCH_AU("ON ", fts_title, tbl, title_expr, body_expr, order_expr),      \
	SEARCH_MV("ON ", fts_title, slot, tbl, kind, title_expr, body_expr, order_expr), \
	"CREATE TRIGGER " tbl "_search_ad AFTER DELETE ON " tbl " BEGIN\n"      \
	"  DELETE FROM search_fts\n"                                             \
	"    WHERE rowid = (SELECT docid FROM search_doc WHERE ref = old.id);\n" \
	"  DELETE FROM search_pending\n"                                         \
	"    WHERE docid = (SELECT docid FROM search_doc WHERE ref = old.id);\n" \
	"  DELETE FROM search_doc WHERE ref = old.id;\n"                         \
	"END;\n"
#define DEFERRED_SEARCH_TRIGGERS(tbl, kind, title_expr, body_expr, order_expr) \
	SEARCH_TRIGGERS_OF("kz_fold(", DOC_SLOT, tbl, kind, title_expr, body_expr, order_expr)

static const char *const migration_21[] = {
	"CREATE TABLE IF NOT EXISTS search_pending (\n"
	"  docid INTEGER PRIMARY KEY,\n"
	"  title TEXT,\n"
	"  body TEXT\n"
	");\n"
	DROP_SEARCH_TRIGGERS("services") DROP_SEARCH_TRIGGERS("partners")
	DROP_SEARCH_TRIGGERS("contacts") DROP_SEARCH_TRIGGERS("meetings")
	DROP_SEARCH_TRIGGERS("cases")
	"DROP TRIGGER IF EXISTS partners_services_search_au;\n",
	DEFERRED_SEARCH_TRIGGERS("services", "service", "new.title", SERVICE_BODY("new."),
				 "new.title"),
	DEFERRED_SEARCH_TRIGGERS("partners", "partner", PARTNER_TITLE, PARTNER_BODY,
				 "new.name"),
	DEFERRED_SEARCH_TRIGGERS("contacts", "contact", "new.name", CONTACT_BODY,
				 "kz_person_key(new.name)"),
	DEFERRED_SEARCH_TRIGGERS("meetings", "meeting", MEETING_TITLE, MEETING_BODY,
				 "new.title"),
	DEFERRED_SEARCH_TRIGGERS("cases", "case", "new.code", C("status"), "new.code"),
	"CREATE TRIGGER partners_services_search_au\n"
	"  AFTER UPDATE OF name, short_name ON partners BEGIN\n"
	"  UPDATE search_fts SET body = " SERVICE_DOC_BODY "\n"
	"    WHERE rowid IN (SELECT d.docid FROM search_doc d\n"
	"      JOIN services s ON s.id = d.ref WHERE s.provider_id = new.id);\n"
	"  UPDATE search_pending SET body = (SELECT kz_fold(" SERVICE_BODY("s.") ")"
	" FROM services s JOIN search_doc d ON d.ref = s.id"
	" WHERE d.docid = search_pending.docid)\n"
	"    WHERE docid IN (SELECT d.docid FROM search_doc d\n"
	"      JOIN services s ON s.id = d.ref WHERE s.provider_id = new.id);\n"
	"END;\n",
	NULL,
};

/* Issue 14: the records whose title begins with a word, from one short
 * list of FTS5's. The title column's text begins with its first word
 * marked (kz_fts_title, match.c: "ǂpomoc pomoc psychologiczna"), and
 * "ǂpsych"* lists the titles that begin with "psych". ^"psych"* walked
 * every record holding the word anywhere to look at where it stands: at
 * 100,000 services most of a keystroke's time. search_fts made anew with
 * the marked titles, its docids kept, in one piece (kz_search_pieces).
 * And an import's records wait with docids of no kind's range
 * (DOC_SLOT_OR_WAITING). */
/* A record of an import (kz_search_deferred) waits with a docid below
 * every kind's range, the next after the least: the commit numbers the
 * waiting ones anew (kz_doc_place_waiting), and its place between its
 * neighbours (DOC_SLOT, four look-ups) was work thrown away. */
#define DOC_SLOT_OR_WAITING(kind)                                               \
	"CASE WHEN kz_search_deferred()"                                       \
	" THEN (SELECT min(coalesce(min(docid), 0), 0) - 1 FROM search_doc)"   \
	" ELSE " DOC_SLOT(kind) " END"

static const char *const migration_22[] = {
	DROP_SEARCH_TRIGGERS("services") DROP_SEARCH_TRIGGERS("partners")
	DROP_SEARCH_TRIGGERS("contacts") DROP_SEARCH_TRIGGERS("meetings")
	DROP_SEARCH_TRIGGERS("cases"),
	"CREATE TEMP TABLE fts_marked AS SELECT rowid AS id, kz_fts_title(title) AS title, body"
	" FROM search_fts;\n"
	"DROP TABLE search_fts;\n"
	"CREATE VIRTUAL TABLE search_fts USING fts5(\n"
	"  title, body,\n"
	"  tokenize = 'unicode61 remove_diacritics 2',\n"
	"  prefix = '1 2 3 4 5 6 7 8'\n"
	");\n"
	"INSERT INTO search_fts(rowid, title, body) SELECT id, title, body FROM fts_marked"
	" ORDER BY id;\n"
	"INSERT INTO search_fts(search_fts) VALUES('optimize');\n"
	"DROP TABLE fts_marked;\n",
	SEARCH_TRIGGERS_OF("kz_fts_title(", DOC_SLOT_OR_WAITING, "services", "service", "new.title",
			   SERVICE_BODY("new."), "new.title"),
	SEARCH_TRIGGERS_OF("kz_fts_title(", DOC_SLOT_OR_WAITING, "partners", "partner", PARTNER_TITLE, PARTNER_BODY,
			   "new.name"),
	SEARCH_TRIGGERS_OF("kz_fts_title(", DOC_SLOT_OR_WAITING, "contacts", "contact", "new.name", CONTACT_BODY,
			   "kz_person_key(new.name)"),
	SEARCH_TRIGGERS_OF("kz_fts_title(", DOC_SLOT_OR_WAITING, "meetings", "meeting", MEETING_TITLE, MEETING_BODY,
			   "new.title"),
	SEARCH_TRIGGERS_OF("kz_fts_title(", DOC_SLOT_OR_WAITING, "cases", "case", "new.code", C("status"), "new.code"),
	NULL,
};

/* Issue 14, cases at a city's scale: a case's code is looked up without
 * regard to case (a new code must be free, `case show R/2026/001`), and
 * without this index every save of a case read every case: making the
 * bench's 250,000 cases slowed to a crawl. */
static const char *const migration_23[] = {
	"CREATE INDEX IF NOT EXISTS cases_code_nocase ON cases(code COLLATE NOCASE);\n",
	NULL,
};

/* Issue 14, an import of 100,000 services: the change log keeps each new
 * record whole, as JSON of about 900 bytes. In a WITHOUT ROWID table a
 * row over about 1,000 bytes of a 4 KB page keeps 489 of them in its
 * page and spills the rest into an overflow page of its own, most of it
 * empty: the log took 281 MB for 92 MB of values. A table with rowids
 * keeps a row of up to 4,061 bytes in its page (111 MB). The log is
 * copied into the new table in C (db.c, log_rowid_migration), which then
 * takes its name. */
static const char *const migration_24[] = {
	"CREATE TABLE sync_change_24 (\n"
	"  origin TEXT NOT NULL,\n"
	"  seq INTEGER NOT NULL,\n"
	"  idx INTEGER NOT NULL,\n"
	"  tbl TEXT NOT NULL,\n"
	"  row_id TEXT NOT NULL,\n"
	"  op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D', 'E')),\n"
	"  vals TEXT,\n"
	"  PRIMARY KEY (origin, seq, idx)\n"
	");\n",
	NULL,
};

/* Issue 14, a word typed whole: FTS5 answers a prefix query from an
 * index of prefixes of that many letters, and a prefix longer than any
 * of them by gathering the records of every word it begins (all of them,
 * before the first is returned). The lookup of "psycholog" at 100,000
 * services took 20 ms this way and 0.5 ms for "psycholo"; Polish words
 * run to 20 letters ("niepełnosprawności" 18). Prefixes of up to 20
 * letters made the index 15% larger. And the words of each title are
 * marked (kz_fts_title, KZ_FTS_WORD), so that the records whose title
 * holds a word are one short list. Migration 26 makes the index anew
 * with them (db.c, search_rebuild), and this one's table is dropped. */
static const char *const migration_25[] = {
	"CREATE VIRTUAL TABLE search_fts_25 USING fts5(\n"
	"  title, body,\n"
	"  tokenize = 'unicode61 remove_diacritics 2',\n"
	"  prefix = '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20'\n"
	");\n",
	NULL,
};

/* Issue 14, a one-letter lookup: the title column's marked words carry
 * their kind's mark too ("ǁ1pomoc" a service's, kz_doc_kind_mark), so
 * that the records of one kind whose title holds a word are a list that
 * ends with the kind's range. "ǁr"* NOT "ǂr"*, the partners whose title
 * holds a word in r but does not begin with it, went on past the last
 * partner through every case (R/2026/001, all of them in both lists)
 * before FTS5 looked at the range: the global lookup of "r" at 100,000
 * services took 2.1 ms. The triggers mark a new record's title with its
 * kind; the index is made anew in C (db.c, search_rebuild_migration),
 * which then takes its name. */
#define KIND_TITLE(kind) "kz_fts_title('" kind "', "
static const char *const migration_26[] = {
	DROP_SEARCH_TRIGGERS("services") DROP_SEARCH_TRIGGERS("partners")
	DROP_SEARCH_TRIGGERS("contacts") DROP_SEARCH_TRIGGERS("meetings")
	DROP_SEARCH_TRIGGERS("cases"),
	SEARCH_TRIGGERS_OF(KIND_TITLE("service"), DOC_SLOT_OR_WAITING, "services", "service",
			   "new.title", SERVICE_BODY("new."), "new.title"),
	SEARCH_TRIGGERS_OF(KIND_TITLE("partner"), DOC_SLOT_OR_WAITING, "partners", "partner",
			   PARTNER_TITLE, PARTNER_BODY, "new.name"),
	SEARCH_TRIGGERS_OF(KIND_TITLE("contact"), DOC_SLOT_OR_WAITING, "contacts", "contact",
			   "new.name", CONTACT_BODY, "kz_person_key(new.name)"),
	SEARCH_TRIGGERS_OF(KIND_TITLE("meeting"), DOC_SLOT_OR_WAITING, "meetings", "meeting",
			   MEETING_TITLE, MEETING_BODY, "new.title"),
	SEARCH_TRIGGERS_OF(KIND_TITLE("case"), DOC_SLOT_OR_WAITING, "cases", "case",
			   "new.code", C("status"), "new.code"),
	"CREATE VIRTUAL TABLE search_fts_26 USING fts5(\n"
	"  title, body,\n"
	"  tokenize = 'unicode61 remove_diacritics 2',\n"
	"  prefix = '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20'\n"
	");\n",
	NULL,
};

/* Issue 14, a new case at a city's scale: the next free code reads the
 * codes of erased cases, kept only in their erase entries of the audit
 * trail (kz_case_next_code), and `audit case CODE` looks one up; both
 * read the whole trail, 90 ms at 100,000 services (25,000 cases) when
 * warm, 2 s when not, a case form opened. Now they read the erase
 * entries of cases alone. */
static const char *const migration_27[] = {
	"CREATE INDEX IF NOT EXISTS audit_erased_case ON audit(summary COLLATE NOCASE)\n"
	"  WHERE action = 'erase' AND kind = 'case';\n",
	NULL,
};

/* Issue 14, the dashboard at a city's scale: the cases in progress
 * counted at every start read every case (106 ms at 1,000,000 services,
 * 250,000 cases, when the file was not in memory). Kept by triggers as
 * service_counts (migration 19) is; derived data that sync never sends. */
static const char *const migration_28[] = {
	"CREATE TABLE IF NOT EXISTS case_counts (\n"
	"  status TEXT PRIMARY KEY NOT NULL,\n"
	"  n INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"DELETE FROM case_counts;\n"
	"INSERT INTO case_counts(status, n)"
	" SELECT status, count(*) FROM cases GROUP BY status;\n"
	"CREATE TRIGGER IF NOT EXISTS case_counts_i AFTER INSERT ON cases BEGIN\n"
	"  INSERT INTO case_counts(status, n) VALUES(new.status, 1)\n"
	"    ON CONFLICT(status) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER IF NOT EXISTS case_counts_d AFTER DELETE ON cases BEGIN\n"
	"  UPDATE case_counts SET n = n - 1 WHERE status = old.status;\n"
	"END;\n"
	"CREATE TRIGGER IF NOT EXISTS case_counts_u AFTER UPDATE OF status ON cases\n"
	"  WHEN new.status IS NOT old.status BEGIN\n"
	"  UPDATE case_counts SET n = n - 1 WHERE status = old.status;\n"
	"  INSERT INTO case_counts(status, n) VALUES(new.status, 1)\n"
	"    ON CONFLICT(status) DO UPDATE SET n = n + 1;\n"
	"END;\n",
	NULL,
};

/* Issue 14, a week of changes arriving on a laptop: the triggers that
 * keep the search index made a record's text anew at every UPDATE of it,
 * whatever it changed. sync writes a change a column at a time, then
 * rev, then updated_at: three rewrites of the record's index row (twenty
 * prefix indexes) for a service's opening hours, which the index does
 * not hold. Now they fire for the columns their text reads (the
 * search_mv ones for the column of the order). The text is the same as
 * migration 26's. */
#define UPDATE_TRIGGERS_OF(tbl, kind, text_cols, order_cols, title_expr, body_expr, order_expr) \
	"DROP TRIGGER IF EXISTS " tbl "_search_au;\n"                          \
	"DROP TRIGGER IF EXISTS " tbl "_search_mv;\n",                         \
	SEARCH_AU("OF " text_cols " ON ", KIND_TITLE(kind), tbl, title_expr, body_expr, \
		  order_expr),                                                    \
	SEARCH_MV("OF " order_cols " ON ", KIND_TITLE(kind), DOC_SLOT_OR_WAITING, tbl, \
		  kind, title_expr, body_expr, order_expr)
static const char *const migration_29[] = {
	UPDATE_TRIGGERS_OF("services", "service",
			   "title, description, access_conditions, how_to_get, place, area,"
			   " category, target_groups, provider_id", "title",
			   "new.title", SERVICE_BODY("new."), "new.title"),
	UPDATE_TRIGGERS_OF("partners", "partner",
			   "name, short_name, address, phone, email, role, resources, kind,"
			   " sectors", "name", PARTNER_TITLE, PARTNER_BODY, "new.name"),
	UPDATE_TRIGGERS_OF("contacts", "contact", "name, position, phone, email, partner_id",
			   "name", "new.name", CONTACT_BODY, "kz_person_key(new.name)"),
	UPDATE_TRIGGERS_OF("meetings", "meeting", "title, date, place, agenda, minutes",
			   "title", MEETING_TITLE, MEETING_BODY, "new.title"),
	UPDATE_TRIGGERS_OF("cases", "case", "code, status", "code", "new.code", C("status"),
			   "new.code"),
	NULL,
};

static const char *const *const migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
	migration_6,
	migration_7,
	migration_8,
	migration_9,
	migration_10,
	migration_11,
	migration_12,
	migration_13,
	migration_14,
	migration_15,
	migration_16,
	migration_17,
	migration_18,
	migration_19,
	migration_20,
	migration_21,
	migration_22,
	migration_23,
	migration_24,
	migration_25,
	migration_26,
	migration_27,
	migration_28,
	migration_29,
};

int kz_db_schema_version(void)
{
	return (int)(sizeof(migrations) / sizeof(migrations[0]));
}

const char *const *kz_db_migration(int version)
{
	if (version < 1 || version > kz_db_schema_version())
		return NULL;
	return migrations[version - 1];
}
