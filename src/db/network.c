/* A network of partnerships: the read-only baskets of other
 * partnerships, marked with their short name (network.h). */
#include "koszyk/network.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "records.h"

bool kz_network_name_valid(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '-' && name[i] != '_')
			return false;
	return true;
}

/* The queries of each kind that belongs to a basket (every kind of the
 * basket's area has a network column): its network, and marking it.
 * Built from the kind table when first needed; they live as long as the
 * program, as kz_db_stmt caches statements by the text's address. */
struct network_sql {
	char *get, *stamp;
};

static const struct network_sql *network_sql(enum kz_kind kind)
{
	static struct network_sql sql[KZ_KIND_COUNT];
	const struct kz_kind_info *k = kz_kind_of(kind);

	if (k->area != KZ_AREA_BASKET)
		return NULL;
	if (!sql[kind].get) {
		sql[kind].get = xasprintf("SELECT network FROM %s WHERE id = ?1", k->table);
		sql[kind].stamp = xasprintf("UPDATE %s SET network = ?2 WHERE id = ?1", k->table);
	}
	return &sql[kind];
}

char *kz_network_of(struct kz_db *db, enum kz_kind kind, const char *id)
{
	const struct network_sql *sql = network_sql(kind);

	return sql && id && *id ? kz_query_text(db, sql->get, id) : NULL;
}

bool kz_network_foreign(struct kz_db *db, enum kz_kind kind, const char *id)
{
	char *net = kz_network_of(db, kind, id);
	bool yes = net != NULL;

	free(net);
	return yes;
}

enum kz_status kz_network_guard(struct kz_db *db, enum kz_kind kind,
				const char *id, struct kz_error *err)
{
	char *net = kz_network_of(db, kind, id);
	enum kz_status st = KZ_OK;

	if (net && !kz_str_eq(net, kz_db_network(db)))
		st = kz_fail(err, KZ_INVALID,
			     _("This record belongs to the basket of %s; it changes there (koszyk network update %s brings the change)."),
			     net, net);
	free(net);
	return st;
}

enum kz_status kz_network_stamp(struct kz_db *db, enum kz_kind kind,
				const char *id, const char *name,
				struct kz_error *err)
{
	const struct network_sql *sql = network_sql(kind);
	sqlite3_stmt *st;

	if (!sql)
		return KZ_OK;
	if (!(st = kz_db_stmt(db, sql->stamp, err)))
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, id);
	kz_bind_text(st, 2, name);
	return kz_db_step(db, st, "network", err);
}

enum kz_status kz_network_register(struct kz_db *db, const char *name,
				   const char *source, struct kz_error *err)
{
	char now[32];
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO networks (name, source, imported_at) VALUES (?1, ?2, ?3)"
		" ON CONFLICT(name) DO UPDATE SET source = ?2, imported_at = ?3", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_now_iso(now);
	kz_bind_text(st, 1, name);
	kz_bind_text(st, 2, source);
	kz_bind_text(st, 3, now);
	return kz_db_step(db, st, "networks", err);
}

char *kz_network_source(struct kz_db *db, const char *name)
{
	return kz_query_text(db, "SELECT source FROM networks WHERE name = ?1", name);
}

static enum kz_status network_ids(struct kz_db *db, const char *sql,
				  const char *what, const char *name,
				  char ***ids, size_t *n, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, err);
	int rc;

	*ids = NULL;
	*n = 0;
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof(char *));
		(*ids)[(*n)++] = kz_column_dup(st, 0);
	}
	return kz_stmt_done(db, st, rc, what, err);
}

enum kz_status kz_network_services(struct kz_db *db, const char *name,
				   char ***ids, size_t *n, struct kz_error *err)
{
	return network_ids(db, "SELECT id FROM services WHERE network = ?1"
			   " AND status <> 'archived' ORDER BY id", "services",
			   name, ids, n, err);
}

enum kz_status kz_network_partners(struct kz_db *db, const char *name,
				   char ***ids, size_t *n, struct kz_error *err)
{
	return network_ids(db, "SELECT id FROM partners WHERE network = ?1"
			   " AND status <> 'left' ORDER BY id", "partners",
			   name, ids, n, err);
}

enum kz_status kz_network_list(struct kz_db *db, struct kz_network_info **out,
			       size_t *n, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT n.name, n.source, n.imported_at,"
		" (SELECT count(*) FROM services s WHERE s.network = n.name"
		"  AND s.status <> 'archived'),"
		" (SELECT count(*) FROM services s WHERE s.network = n.name"
		"  AND s.status = 'archived'),"
		" (SELECT count(*) FROM partners p WHERE p.network = n.name"
		"  AND p.status <> 'left'),"
		" (SELECT count(*) FROM partners p WHERE p.network = n.name"
		"  AND p.status = 'left')"
		" FROM networks n ORDER BY n.name", err);
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_network_info *i;

		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		i = &(*out)[(*n)++];
		i->name = kz_column_dup(st, 0);
		i->source = kz_column_dup(st, 1);
		i->imported_at = kz_column_dup(st, 2);
		i->services = (long)sqlite3_column_int64(st, 3);
		i->withdrawn = (long)sqlite3_column_int64(st, 4);
		i->partners = (long)sqlite3_column_int64(st, 5);
		i->partners_left = (long)sqlite3_column_int64(st, 6);
	}
	return kz_stmt_done(db, st, rc, "networks", err);
}

void kz_network_list_free(struct kz_network_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].source);
		free(v[i].imported_at);
	}
	free(v);
}
