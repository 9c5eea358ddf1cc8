/* Numbered migrations, keyed on PRAGMA user_version. Migration N brings
 * the schema from version N-1 to N. Never edit a migration that has
 * shipped: add a new one. */
#include "db_internal.h"

/* The search index is derived data kept by triggers: search_doc maps
 * every searchable record to an FTS5 row and holds its folded sort key,
 * search_fts holds the folded text. kz_fold() is registered on every
 * connection (db.c). */
#define SEARCH_TRIGGERS(tbl, kind, title_expr, body_expr)                      \
	"CREATE TRIGGER " tbl "_search_ai AFTER INSERT ON " tbl " BEGIN\n"      \
	"  INSERT INTO search_doc(kind, ref, sort_key)\n"                        \
	"    VALUES('" kind "', new.id, kz_fold(" title_expr "));\n"             \
	"  INSERT INTO search_fts(rowid, title, body)\n"                         \
	"    VALUES((SELECT docid FROM search_doc WHERE ref = new.id),\n"        \
	"           kz_fold(" title_expr "), kz_fold(" body_expr "));\n"         \
	"END;\n"                                                                 \
	"CREATE TRIGGER " tbl "_search_au AFTER UPDATE ON " tbl " BEGIN\n"      \
	"  UPDATE search_doc SET sort_key = kz_fold(" title_expr ")\n"           \
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
	SEARCH_TRIGGERS("partners", "partner",
			"new.name || ' ' || " C("short_name"),
			C("address") " || ' ' || " C("phone") " || ' ' || "
			C("email") " || ' ' || " C("role") " || ' ' || "
			C("resources") " || ' ' || " C("kind") " || ' ' || "
			C("sectors")),
	SEARCH_TRIGGERS("contacts", "contact", "new.name",
			C("position") " || ' ' || " C("phone") " || ' ' || "
			C("email") " || ' ' || coalesce((SELECT name || ' ' ||"
			" coalesce(short_name, '') FROM partners"
			" WHERE id = new.partner_id), '')"),
	NULL,
};

/* migrations[i] brings the schema to version i + 1; each is a
 * NULL-terminated list of SQL pieces run in order. */
static const char *const *const migrations[] = {
	migration_1,
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
