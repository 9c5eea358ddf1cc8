/* Need-to-know on every device: a replica cloned for a person who may not
 * see every case (a worker) holds the basket and only her cases.
 *
 * - Cloning for her copies the database into memory, takes out the other
 *   cases with everything sync keeps about their rows, and writes the
 *   rest: the other cases never reach her disk (sync_need_clone).
 * - Her replica is marked (meta owner, need_to_know). Its change files
 *   carry its own changes only (what it received from others arrived
 *   filtered) and the list of the cases it holds (header "cases"), which
 *   the office keeps per replica (sync_peer.cases).
 * - A change file written for her (sync serve under her login, sync
 *   export by her or --for her) leaves out the inserts and updates of
 *   rows of the cases she may not see. A case she may see that her
 *   replicas do not hold comes as a snapshot: its rows as they are now,
 *   with the stamps sync keeps about them, as a clone would carry them.
 * - After each import her replica forgets, securely and without logging
 *   a change, the cases she may no longer see (unshared, reassigned). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sync_internal.h"
#include "koszyk/access.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* --- sets of case ids ------------------------------------------------------ */

struct idset {
	char **v;
	size_t n, cap;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void idset_add(struct idset *s, const char *id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	s->v[s->n++] = xstrdup(id);
}

static void idset_sort(struct idset *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_str);
}

static bool idset_has(const struct idset *s, const char *id)
{
	return id && s->n && bsearch(&id, s->v, s->n, sizeof(*s->v), cmp_str);
}

static void idset_free(struct idset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static void idset_parse(struct idset *s, const char *text)
{
	const char *p = text ? text : "";

	while (*p) {
		size_t len;
		while (*p == ' ')
			p++;
		len = strcspn(p, " ");
		if (len > 0) {
			char *id = xstrndup(p, len);
			idset_add(s, id);
			free(id);
		}
		p += len;
	}
	idset_sort(s);
}

/* Keep in s only what is in t too. */
static void idset_intersect(struct idset *s, const struct idset *t)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n; i++) {
		if (idset_has(t, s->v[i]))
			s->v[k++] = s->v[i];
		else
			free(s->v[i]);
	}
	s->n = k;
}

static char *idset_text(const struct idset *s)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = 0; i < s->n; i++)
		kz_buf_printf(&b, "%s%s", i ? " " : "", s->v[i]);
	return kz_buf_detach(&b);
}

/* The ids a one-column query gives (?1 bound to arg when not NULL). */
static enum kz_status idset_query(struct kz_db *db, struct idset *s, const char *sql,
				  const char *arg, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db, sql, err);
	int rc;

	if (!q)
		return err ? err->status : KZ_ENV;
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (sqlite3_column_text(q, 0))
			idset_add(s, (const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	idset_sort(s);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "sync");
}

/* --- the replica's own marks ------------------------------------------------ */

bool sync_need_filtered(struct kz_db *db)
{
	char *v = kz_db_meta_get(db, "need_to_know");
	bool yes = v && strcmp(v, "1") == 0;

	free(v);
	return yes;
}

char *sync_need_owner(struct kz_db *db)
{
	return kz_db_meta_get(db, "owner");
}

char *sync_need_held_text(struct kz_db *db)
{
	struct idset held = { 0 };
	char *text;

	idset_query(db, &held, "SELECT id FROM main.cases", NULL, NULL);
	text = idset_text(&held);
	idset_free(&held);
	return text;
}

enum kz_status sync_need_note_held(struct kz_db *db, const char *replica,
				   const char *cases, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db, "UPDATE sync_peer SET cases = ?2 WHERE replica = ?1", err);

	if (!q)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(q, 1, replica, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, cases, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, q, "sync_peer", err);
}

/* --- the rows of a set of cases --------------------------------------------- */

/* The cases worked on: temp.kz_case_set (emptied here). */
static enum kz_status case_set_reset(struct kz_db *db, struct kz_error *err)
{
	int rc = sqlite3_exec(kz_db_handle(db),
			      "CREATE TEMP TABLE IF NOT EXISTS kz_case_set"
			      " (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
			      "DELETE FROM temp.kz_case_set", NULL, NULL, NULL);

	return rc == SQLITE_OK ? KZ_OK : kz_db_fail(db, rc, err, "sync");
}

static enum kz_status case_set_add(struct kz_db *db, const struct idset *ids,
				   struct kz_error *err)
{
	for (size_t i = 0; i < ids->n; i++) {
		sqlite3_stmt *q = kz_db_stmt(db, "INSERT OR IGNORE INTO temp.kz_case_set(id)"
					     " VALUES (?1)", err);
		enum kz_status st;
		if (!q)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(q, 1, ids->v[i], -1, SQLITE_STATIC);
		st = kz_db_step(db, q, "sync", err);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

/* SELECT case, key[, values] FROM t for the rows of the cases in the set;
 * NULL for a table whose rows belong to no case. */
static char *case_rows_sql(const struct sync_table *t, bool with_values)
{
	char *expr = kz_case_of_sql(t->name, "x.");
	struct kz_buf b = KZ_BUF_INIT;

	if (!expr)
		return NULL;
	kz_buf_printf(&b, "SELECT %s, x.\"%s\"", expr, t->cols[t->pk[0]]);
	if (t->npk == 2)
		kz_buf_printf(&b, " || '/' || x.\"%s\"", t->cols[t->pk[1]]);
	if (with_values) {
		kz_buf_puts(&b, ", json_object(");
		for (int i = 0, k = 0; i < t->ncol; i++) {
			if (i == t->rev_col)
				continue;
			kz_buf_printf(&b, "%s'%s', x.\"%s\"", k++ ? ", " : "", t->cols[i], t->cols[i]);
		}
		kz_buf_putc(&b, ')');
	}
	kz_buf_printf(&b, " FROM main.\"%s\" x WHERE %s IN (SELECT id FROM temp.kz_case_set)",
		      t->name, expr);
	free(expr);
	return kz_buf_detach(&b);
}

typedef int (*row_fn)(void *ctx, const char *case_id, const char *tbl,
		      const char *row_id, const char *vals);

/* Every row of the cases in the set, parents before children. */
static enum kz_status each_case_row(struct kz_db *db, bool with_values, row_fn fn,
				    void *ctx, struct kz_error *err)
{
	enum kz_status st = KZ_OK;

	for (int i = 0; st == KZ_OK && i < sync_table_count(db); i++) {
		const struct sync_table *t = sync_table_at(db, i);
		char *sql = case_rows_sql(t, with_values);
		sqlite3_stmt *q = NULL;
		int rc;

		if (!sql)
			continue;
		rc = sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &q, NULL);
		free(sql);
		if (rc != SQLITE_OK)
			return kz_db_fail(db, rc, err, "sync");
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			if (fn(ctx, (const char *)sqlite3_column_text(q, 0), t->name,
			       (const char *)sqlite3_column_text(q, 1),
			       with_values ? (const char *)sqlite3_column_text(q, 2) : NULL)) {
				rc = SQLITE_DONE;
				st = err && err->status != KZ_OK ? err->status : KZ_ENV;
				break;
			}
		}
		if (rc != SQLITE_DONE && st == KZ_OK)
			st = kz_db_fail(db, rc, err, "sync");
		sqlite3_finalize(q);
	}
	return st;
}

/* Keys of rows, to be taken out of a database. */
struct row_list {
	char **tbl, **key;
	size_t n, cap;
};

static int collect_row(void *ctx, const char *case_id, const char *tbl,
		       const char *row_id, const char *vals)
{
	struct row_list *l = ctx;

	(void)case_id;
	(void)vals;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->tbl = xreallocarray(l->tbl, l->cap, sizeof(*l->tbl));
		l->key = xreallocarray(l->key, l->cap, sizeof(*l->key));
	}
	l->tbl[l->n] = xstrdup(tbl);
	l->key[l->n++] = xstrdup(row_id ? row_id : "");
	return 0;
}

static void row_list_free(struct row_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->tbl[i]);
		free(l->key[i]);
	}
	free(l->tbl);
	free(l->key);
	memset(l, 0, sizeof(*l));
}

/* Everything sync keeps about the rows: their values in the log (but the
 * changes of own_origin after seq keep, not yet sent), conflicting
 * values, stamps. The rows themselves go with their case. */
static int strip_rows(sqlite3 *h, const struct row_list *l, const char *own_origin,
		      long long keep_after)
{
	static const char *const sql[] = {
		("DELETE FROM sync_change WHERE tbl = ?1 AND row_id = ?2 AND op IN ('I', 'U')"
		 " AND NOT (origin = ?3 AND seq > ?4)"),
		"DELETE FROM sync_field WHERE tbl = ?1 AND row_id = ?2",
		"DELETE FROM sync_conflict WHERE tbl = ?1 AND row_id = ?2",
		"DELETE FROM sync_dropped WHERE tbl = ?1 AND row_id = ?2",
		"DELETE FROM sync_row WHERE tbl = ?1 AND row_id = ?2",
	};
	int rc = SQLITE_OK;

	for (size_t s = 0; rc == SQLITE_OK && s < sizeof(sql) / sizeof(sql[0]); s++) {
		sqlite3_stmt *q;
		rc = sqlite3_prepare_v2(h, sql[s], -1, &q, NULL);
		for (size_t i = 0; rc == SQLITE_OK && i < l->n; i++) {
			sqlite3_bind_text(q, 1, l->tbl[i], -1, SQLITE_STATIC);
			sqlite3_bind_text(q, 2, l->key[i], -1, SQLITE_STATIC);
			if (s == 0) {
				sqlite3_bind_text(q, 3, own_origin, -1, SQLITE_STATIC);
				sqlite3_bind_int64(q, 4, keep_after);
			}
			rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(h);
			sqlite3_reset(q);
		}
		sqlite3_finalize(q);
	}
	return rc;
}

/* The cases taken out stay known by their codes alone (sync_row with
 * deleted = 2), so that a case made here never keeps a code in use. */
static int mark_elsewhere(sqlite3 *h, const struct idset *ids)
{
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(h,
		"INSERT OR REPLACE INTO sync_row(tbl, row_id, origin, seq, lamport, deleted, ukey)"
		" SELECT 'cases', id, '', 0, 0, 2, code FROM main.cases WHERE id = ?1", -1, &q, NULL);

	for (size_t i = 0; rc == SQLITE_OK && i < ids->n; i++) {
		sqlite3_bind_text(q, 1, ids->v[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(h);
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	return rc;
}

static bool test_present(struct kz_db *db, const char *case_id)
{
	char *found = kz_query_text(db, "SELECT id FROM main.cases WHERE id = ?1", case_id);
	bool yes = found != NULL;

	free(found);
	return yes;
}

/* Delete the cases (their rows follow by ON DELETE CASCADE, their search
 * entries by trigger) and merge the full-text index so that no deleted
 * entry lingers in it. */
static int delete_cases(sqlite3 *h, const struct idset *ids)
{
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(h, "DELETE FROM main.cases WHERE id = ?1", -1, &q, NULL);

	for (size_t i = 0; rc == SQLITE_OK && i < ids->n; i++) {
		sqlite3_bind_text(q, 1, ids->v[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(h);
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	if (rc == SQLITE_OK && ids->n > 0)
		rc = sqlite3_exec(h, "INSERT INTO search_fts(search_fts) VALUES('optimize')",
				  NULL, NULL, NULL);
	return rc;
}

/* --- exports for a person ---------------------------------------------------- */

struct sync_need {
	char *login;
	struct idset visible; /* the cases she may see */
	struct idset held;    /* those all her replicas hold, as they said */
	struct idset any;     /* those one of her replicas holds */
	struct idset stale;   /* those to send whole again (a change refused) */
	struct idset sent;    /* those written whole into this file */
};

enum kz_status sync_need_begin(struct kz_db *db, struct sync_need **out,
			       struct kz_error *err)
{
	struct sync_need *n;
	sqlite3_stmt *q;
	enum kz_status st;
	bool first = true;
	int rc;

	*out = NULL;
	if (kz_db_effective_role(db) >= KZ_ROLE_COORDINATOR || sync_need_filtered(db))
		return KZ_OK;
	n = xcalloc(1, sizeof(*n));
	n->login = xstrdup(kz_db_user(db));
	st = idset_query(db, &n->visible, "SELECT id FROM main.cases c WHERE "
			 KZ_SEES_CASE_ROW("c"), NULL, err);
	q = st == KZ_OK ? kz_db_stmt(db, "SELECT cases, stale FROM sync_peer WHERE login = ?1", err) : NULL;
	if (st == KZ_OK && !q)
		st = err ? err->status : KZ_ENV;
	if (st == KZ_OK) {
		sqlite3_bind_text(q, 1, n->login, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			struct idset one = { 0 }, stale = { 0 };
			idset_parse(&one, (const char *)sqlite3_column_text(q, 0));
			idset_parse(&stale, (const char *)sqlite3_column_text(q, 1));
			for (size_t k = 0; k < stale.n; k++)
				if (!idset_has(&n->stale, stale.v[k])) {
					idset_add(&n->stale, stale.v[k]);
					idset_sort(&n->stale);
				}
			idset_free(&stale);
			for (size_t k = 0; k < one.n; k++)
				if (!idset_has(&n->any, one.v[k])) {
					idset_add(&n->any, one.v[k]);
					idset_sort(&n->any);
				}
			if (first)
				n->held = one;
			else {
				idset_intersect(&n->held, &one);
				idset_free(&one);
			}
			first = false;
		}
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			st = kz_db_fail(db, rc, err, "sync_peer");
	}
	if (st != KZ_OK) {
		sync_need_free(n);
		return st;
	}
	*out = n;
	return KZ_OK;
}

void sync_need_free(struct sync_need *n)
{
	if (!n)
		return;
	free(n->login);
	idset_free(&n->visible);
	idset_free(&n->held);
	idset_free(&n->any);
	idset_free(&n->stale);
	idset_free(&n->sent);
	free(n);
}

const char *sync_need_login(const struct sync_need *n)
{
	return n ? n->login : NULL;
}

/* A change of her own share of a case (stopped, most likely): she knew
 * of it, and her replica learns from it that the case is no longer hers. */
static bool own_share(struct kz_db *db, const struct sync_need *n,
		      const struct sync_change *c)
{
	char *login;
	bool yes;

	if (strcmp(c->tbl, "case_shares") != 0)
		return false;
	login = kz_query_text(db, "SELECT login FROM main.case_shares WHERE id = ?1", c->row_id);
	yes = login && strcmp(login, n->login) == 0;
	free(login);
	return yes;
}

enum sync_verdict sync_need_verdict(struct sync_need *n, struct kz_db *db,
				    const struct sync_change *c, char **marker)
{
	char *case_id, *expr;
	bool keep;

	*marker = NULL;
	if (!n || c->op == 'E' || c->op == 'D')
		return SYNC_SEND; /* a deletion carries no data but a code */
	case_id = kz_row_case_id(db, c->tbl, c->row_id);
	if (case_id) {
		keep = idset_has(&n->visible, case_id) || own_share(db, n, c);
		free(case_id);
		if (keep)
			return SYNC_SEND;
		if (strcmp(c->tbl, "cases") == 0)
			*marker = kz_query_text(db, "SELECT json_object('code', json_extract(?1, '$.code'))"
						" WHERE json_extract(?1, '$.code') IS NOT NULL", c->vals);
		return *marker ? SYNC_MARK : SYNC_SKIP;
	}
	/* No case: a row of the basket, or one that is gone. */
	expr = kz_case_of_sql(c->tbl, "x.");
	keep = expr == NULL;
	free(expr);
	return keep ? SYNC_SEND : SYNC_SKIP;
}

char *sync_need_replace_text(const struct sync_need *n)
{
	struct idset again = { 0 };
	char *text;

	for (size_t i = 0; n && i < n->stale.n; i++)
		if (idset_has(&n->visible, n->stale.v[i]))
			idset_add(&again, n->stale.v[i]);
	text = idset_text(&again);
	idset_free(&again);
	return text;
}

enum kz_status sync_need_refused(struct kz_db *db, const char *replica,
				 const struct sync_change *c, struct kz_error *err)
{
	char *case_id = kz_row_case_id(db, c->tbl, c->row_id), *stale;
	struct idset set = { 0 };
	enum kz_status st = KZ_OK;
	sqlite3_stmt *q;

	if (!case_id && c->vals)
		case_id = kz_query_text(db, "SELECT json_extract(?1, '$.case_id')"
					" WHERE json_valid(?1)", c->vals);
	if (!case_id)
		return KZ_OK;
	/* Only a replica that holds some cases only (it says which). */
	stale = kz_query_text(db, "SELECT coalesce(stale, '') FROM sync_peer"
			      " WHERE replica = ?1 AND cases IS NOT NULL", replica);
	if (stale) {
		idset_parse(&set, stale);
		if (!idset_has(&set, case_id)) {
			char *text;
			idset_add(&set, case_id);
			text = idset_text(&set);
			q = kz_db_stmt(db, "UPDATE sync_peer SET stale = ?2 WHERE replica = ?1", err);
			if (!q)
				st = err ? err->status : KZ_ENV;
			else {
				sqlite3_bind_text(q, 1, replica, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(q, 2, text, -1, SQLITE_TRANSIENT);
				st = kz_db_step(db, q, "sync_peer", err);
			}
			free(text);
		}
		idset_free(&set);
	}
	free(stale);
	free(case_id);
	return st;
}

char *sync_need_forget_text(const struct sync_need *n)
{
	struct idset gone = { 0 };
	char *text;

	for (size_t i = 0; n && i < n->any.n; i++)
		if (!idset_has(&n->visible, n->any.v[i]))
			idset_add(&gone, n->any.v[i]);
	text = idset_text(&gone);
	idset_free(&gone);
	return text;
}

/* Her replicas forget, when they take the file, the cases she may no
 * longer see: the office stops counting them as held, so that a case
 * shared with her again comes whole. */
enum kz_status sync_need_written(struct sync_need *n, struct kz_db *db,
				 struct kz_error *err)
{
	struct idset replicas = { 0 };
	enum kz_status st;

	if (!n)
		return KZ_OK;
	if (n->stale.n > 0) {
		sqlite3_stmt *q = kz_db_stmt(db, "UPDATE sync_peer SET stale = NULL WHERE login = ?1", err);
		if (!q)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(q, 1, n->login, -1, SQLITE_TRANSIENT);
		st = kz_db_step(db, q, "sync_peer", err);
		if (st != KZ_OK)
			return st;
	}
	st = idset_query(db, &replicas, "SELECT replica FROM sync_peer WHERE login = ?1",
			 n->login, err);
	for (size_t i = 0; st == KZ_OK && i < replicas.n; i++) {
		char *text = kz_query_text(db, "SELECT cases FROM sync_peer WHERE replica = ?1",
					   replicas.v[i]);
		struct idset held = { 0 };
		size_t before;
		bool added = false;
		idset_parse(&held, text);
		before = held.n;
		idset_intersect(&held, &n->visible);
		/* What went whole counts as held until her replica says what
		 * it holds: a case unshared before then is named to forget. */
		for (size_t k = 0; k < n->sent.n; k++)
			if (!idset_has(&held, n->sent.v[k])) {
				idset_add(&held, n->sent.v[k]);
				idset_sort(&held);
				added = true;
			}
		if (held.n != before || added) {
			char *kept = idset_text(&held);
			st = sync_need_note_held(db, replicas.v[i], kept, err);
			free(kept);
		}
		idset_free(&held);
		free(text);
	}
	idset_free(&replicas);
	return st;
}

struct snapshot_ctx {
	struct kz_db *db;
	sync_snapshot_fn fn;
	void *ctx;
	struct kz_error *err;
};

static int snapshot_row(void *ctx, const char *case_id, const char *tbl,
			const char *row_id, const char *vals)
{
	struct snapshot_ctx *s = ctx;
	sqlite3_stmt *q = kz_db_stmt(s->db,
		"SELECT json_object("
		"'row', json((SELECT json_array(origin, seq, lamport) FROM sync_row"
		"  WHERE tbl = ?1 AND row_id = ?2 AND deleted = 0)),"
		"'fields', json((SELECT json_group_array(json_array(col, origin, seq, lamport,"
		"  has_value, value)) FROM sync_field WHERE tbl = ?1 AND row_id = ?2)),"
		"'conflicts', json((SELECT json_group_array(json_array(col, note))"
		"  FROM sync_conflict WHERE tbl = ?1 AND row_id = ?2)))", s->err);
	char *meta = NULL;
	int stop;

	if (!q)
		return 1;
	sqlite3_bind_text(q, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, row_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) == SQLITE_ROW)
		meta = kz_column_dup(q, 0);
	sqlite3_reset(q);
	if (!meta) {
		kz_db_fail(s->db, sqlite3_errcode(kz_db_handle(s->db)), s->err, "sync");
		return 1;
	}
	stop = s->fn(s->ctx, case_id, tbl, row_id, vals, meta);
	free(meta);
	return stop;
}

enum kz_status sync_need_snapshots(struct sync_need *n, struct kz_db *db,
				   sync_snapshot_fn fn, void *ctx,
				   struct kz_error *err)
{
	struct snapshot_ctx s = { db, fn, ctx, err };
	struct idset lacking = { 0 };
	enum kz_status st;

	if (!n)
		return KZ_OK;
	for (size_t i = 0; i < n->visible.n; i++)
		if (!idset_has(&n->held, n->visible.v[i]) || idset_has(&n->stale, n->visible.v[i]))
			idset_add(&lacking, n->visible.v[i]);
	if (lacking.n == 0)
		return KZ_OK;
	for (size_t i = 0; i < lacking.n; i++)
		idset_add(&n->sent, lacking.v[i]);
	idset_sort(&n->sent);
	st = case_set_reset(db, err);
	if (st == KZ_OK)
		st = case_set_add(db, &lacking, err);
	if (st == KZ_OK)
		st = each_case_row(db, true, snapshot_row, &s, err);
	idset_free(&lacking);
	return st;
}

/* --- receiving a snapshot ------------------------------------------------------ */

bool sync_need_case_wanted(struct kz_db *db, const char *case_id)
{
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT EXISTS (SELECT 1 FROM main.cases WHERE id = ?1)"
				     " OR EXISTS (SELECT 1 FROM sync_row WHERE tbl = 'cases'"
				     " AND row_id = ?1 AND deleted = 1)"
				     " OR EXISTS (SELECT 1 FROM erased WHERE id = ?1)", NULL);
	bool known = true;

	if (!q || !case_id)
		return false;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) == SQLITE_ROW)
		known = sqlite3_column_int(q, 0) != 0;
	sqlite3_reset(q);
	return !known;
}

void sync_need_skips_clear(struct kz_db *db)
{
	sqlite3_exec(kz_db_handle(db),
		     "CREATE TEMP TABLE IF NOT EXISTS kz_skip (tbl TEXT NOT NULL,"
		     " row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;"
		     "DELETE FROM temp.kz_skip", NULL, NULL, NULL);
}

bool sync_need_skips(struct kz_db *db, const char *tbl, const char *row_id)
{
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT 1 FROM temp.kz_skip"
				     " WHERE tbl = ?1 AND row_id = ?2", NULL);
	bool yes;

	if (!q)
		return false;
	sqlite3_bind_text(q, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, row_id, -1, SQLITE_TRANSIENT);
	yes = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_reset(q);
	return yes;
}

enum kz_status sync_need_install_row(struct kz_db *db, const char *tbl,
				     const char *row_id, const char *vals,
				     const char *meta, bool *clash,
				     struct kz_error *err)
{
	static const char *const stamps[] = {
		"INSERT OR REPLACE INTO sync_row(tbl, row_id, origin, seq, lamport, deleted)"
		" SELECT ?1, ?2, json_extract(?3, '$.row[0]'), json_extract(?3, '$.row[1]'),"
		" json_extract(?3, '$.row[2]'), 0 WHERE json_type(?3, '$.row') = 'array'",
		"INSERT OR REPLACE INTO sync_field(tbl, row_id, col, origin, seq, lamport,"
		" has_value, value) SELECT ?1, ?2, json_extract(value, '$[0]'),"
		" json_extract(value, '$[1]'), json_extract(value, '$[2]'),"
		" json_extract(value, '$[3]'), json_extract(value, '$[4]'),"
		" json_extract(value, '$[5]') FROM json_each(?3, '$.fields')",
		"INSERT OR REPLACE INTO sync_conflict(tbl, row_id, col, note)"
		" SELECT ?1, ?2, json_extract(value, '$[0]'), json_extract(value, '$[1]')"
		" FROM json_each(?3, '$.conflicts')",
		"INSERT OR IGNORE INTO temp.kz_skip(tbl, row_id) SELECT ?1, ?2 WHERE ?3 IS NOT NULL",
	};
	bool dropped = false;
	enum kz_status st = sync_insert_snapshot_row(db, tbl, row_id, vals, clash, &dropped, err);

	for (size_t i = dropped ? 3 : 0;
	     st == KZ_OK && !*clash && i < sizeof(stamps) / sizeof(stamps[0]); i++) {
		sqlite3_stmt *q = kz_db_stmt(db, stamps[i], err);
		if (!q)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(q, 1, tbl, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 2, row_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 3, meta ? meta : "{}", -1, SQLITE_TRANSIENT);
		st = kz_db_step(db, q, "sync", err);
	}
	if (st == KZ_INVALID || st == KZ_CORRUPT)
		st = kz_fail(err, KZ_INVALID,
			     _("The change file is damaged (%s). Ask for a new one."), "snapshot");
	/* The trail of this replica tells what arrived (the case itself:
	 * sync_file.c, with its code). */
	if (st == KZ_OK && !*clash && !dropped && strcmp(tbl, "cases") != 0) {
		const struct sync_table *t = sync_table_named(db, tbl, NULL);
		st = kz_audit(db, "arrived", t->kind, t->npk == 1 ? row_id : NULL, NULL, err);
	}
	return st;
}

/* --- forgetting -------------------------------------------------------------- */

/* The highest own change every known peer holds: own changes after it
 * may not have left this computer yet. */
static long long own_sent(struct kz_db *db)
{
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT clock FROM sync_peer", NULL);
	long long low = -1;

	if (!q)
		return 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct vv v;
		long long seq;
		vv_parse((const char *)sqlite3_column_text(q, 0), &v);
		seq = vv_get(&v, sync_replica(db));
		vv_free(&v);
		if (low < 0 || seq < low)
			low = seq;
	}
	sqlite3_reset(q);
	return low < 0 ? 0 : low;
}

static enum kz_status audit_forgotten(struct kz_db *db, const struct idset *ids,
				      struct kz_error *err)
{
	enum kz_status st = KZ_OK;

	for (size_t i = 0; st == KZ_OK && i < ids->n; i++) {
		char *code = kz_query_text(db, "SELECT code FROM main.cases WHERE id = ?1",
					   ids->v[i]);
		st = kz_audit(db, "forget", "case", ids->v[i], code, err);
		free(code);
	}
	return st;
}

/* Own changes of rows this replica no longer holds (made before their
 * case left it), once every peer has them: their values go too. */
static enum kz_status forget_sent_changes(struct kz_db *db, struct kz_error *err)
{
	long long sent = own_sent(db);
	enum kz_status st = KZ_OK;

	for (int i = 0; st == KZ_OK && i < sync_table_count(db); i++) {
		const struct sync_table *t = sync_table_at(db, i);
		char *expr = kz_case_of_sql(t->name, "x.");
		struct kz_buf sql = KZ_BUF_INIT;
		sqlite3_stmt *q;
		int rc;

		if (!expr)
			continue;
		free(expr);
		kz_buf_printf(&sql, "DELETE FROM sync_change WHERE tbl = '%s' AND origin = ?1"
			      " AND seq <= ?2 AND op IN ('I', 'U') AND NOT EXISTS (SELECT 1"
			      " FROM main.\"%s\" x WHERE x.\"%s\"", t->name, t->name,
			      t->cols[t->pk[0]]);
		if (t->npk == 2)
			kz_buf_printf(&sql, " || '/' || x.\"%s\"", t->cols[t->pk[1]]);
		kz_buf_puts(&sql, " = sync_change.row_id)");
		rc = sqlite3_prepare_v2(kz_db_handle(db), kz_buf_str(&sql), -1, &q, NULL);
		kz_buf_free(&sql);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(q, 1, sync_replica(db), -1, SQLITE_STATIC);
			sqlite3_bind_int64(q, 2, sent);
			rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(kz_db_handle(db));
			sqlite3_finalize(q);
		}
		if (rc != SQLITE_OK)
			st = kz_db_fail(db, rc, err, "sync");
	}
	return st;
}

enum kz_status sync_need_forget(struct kz_db *db, const char *also,
				long *forgotten, struct kz_error *err)
{
	char *owner, *login;
	enum kz_role role;
	struct idset gone = { 0 }, told = { 0 };
	struct row_list rows = { 0 };
	enum kz_status st;
	int own, rc;

	*forgotten = 0;
	if (!sync_need_filtered(db) || !(owner = sync_need_owner(db)))
		return KZ_OK;
	login = xstrdup(kz_db_user(db));
	role = kz_db_role(db);
	kz_db_set_principal(db, owner, KZ_ROLE_WORKER);
	st = idset_query(db, &gone, "SELECT id FROM main.cases c WHERE NOT "
			 KZ_SEES_CASE_ROW("c"), NULL, err);
	kz_db_set_principal(db, login, role);
	free(login);
	free(owner);
	/* And those the office says she may no longer see (given to someone
	 * else: the change that says so is not for her eyes). */
	idset_parse(&told, also);
	for (size_t i = 0; st == KZ_OK && i < told.n; i++)
		if (!idset_has(&gone, told.v[i]) &&
		    test_present(db, told.v[i]))
			idset_add(&gone, told.v[i]);
	idset_sort(&gone);
	idset_free(&told);
	if (st == KZ_OK && gone.n > 0) {
		st = case_set_reset(db, err);
		if (st == KZ_OK)
			st = case_set_add(db, &gone, err);
		if (st == KZ_OK)
			st = each_case_row(db, false, collect_row, &rows, err);
		if (st == KZ_OK)
			st = audit_forgotten(db, &gone, err);
		if (st == KZ_OK) {
			own = kz_db_system_begin(db);
			rc = strip_rows(kz_db_handle(db), &rows, sync_replica(db), own_sent(db));
			if (rc == SQLITE_OK)
				rc = mark_elsewhere(kz_db_handle(db), &gone);
			if (rc == SQLITE_OK)
				rc = delete_cases(kz_db_handle(db), &gone);
			kz_db_system_end(db, own);
			if (rc != SQLITE_OK)
				st = kz_db_fail(db, rc, err, "sync");
		}
		if (st == KZ_OK)
			*forgotten = (long)gone.n;
	}
	if (st == KZ_OK)
		st = forget_sent_changes(db, err);
	row_list_free(&rows);
	idset_free(&gone);
	return st;
}

enum kz_status sync_need_drop_case(struct kz_db *db, const char *case_id,
				   struct kz_error *err)
{
	struct idset one = { 0 };
	struct row_list rows = { 0 };
	enum kz_status st;
	int own, rc = SQLITE_OK;

	idset_add(&one, case_id);
	st = case_set_reset(db, err);
	if (st == KZ_OK)
		st = case_set_add(db, &one, err);
	if (st == KZ_OK)
		st = each_case_row(db, false, collect_row, &rows, err);
	if (st == KZ_OK) {
		own = kz_db_system_begin(db);
		rc = strip_rows(kz_db_handle(db), &rows, sync_replica(db), INT64_MAX);
		if (rc == SQLITE_OK)
			rc = delete_cases(kz_db_handle(db), &one);
		kz_db_system_end(db, own);
		if (rc != SQLITE_OK)
			st = kz_db_fail(db, rc, err, "sync");
	}
	row_list_free(&rows);
	idset_free(&one);
	return st;
}

/* --- cloning for a person ------------------------------------------------------ */

/* Blank out the details of the trail's entries about the cases taken
 * out (the rows' keys and the cases' codes), keeping their place in the
 * chain; the entry that says so is appended when the copy is opened
 * (meta audit_withheld: its number, kz_audit_withheld). */
static int withhold_entries(sqlite3 *mem, const struct row_list *rows)
{
	sqlite3_stmt *q;
	int rc = sqlite3_exec(mem,
		"CREATE TEMP TABLE kz_gone (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
		"CREATE TEMP TABLE kz_gone_code (code TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;",
		NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(mem, "INSERT OR IGNORE INTO temp.kz_gone(id) VALUES (?1)",
					-1, &q, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < rows->n; i++) {
		sqlite3_bind_text(q, 1, rows->key[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(mem);
		sqlite3_reset(q);
	}
	if (rc == SQLITE_OK || q)
		sqlite3_finalize(q);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(mem,
			"INSERT OR IGNORE INTO temp.kz_gone_code SELECT code FROM main.cases"
			" WHERE id IN (SELECT id FROM temp.kz_gone);"
			"CREATE TEMP TABLE kz_next AS SELECT max(coalesce((SELECT max(seq) FROM audit), 0),"
			" coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0)) + 1 AS seq;"
			"UPDATE audit SET ref = NULL, summary = NULL, case_id = NULL, salt = NULL,"
			" redacted = (SELECT seq FROM temp.kz_next) WHERE redacted IS NULL AND"
			" (case_id IN (SELECT id FROM temp.kz_gone) OR ref IN (SELECT id FROM temp.kz_gone)"
			" OR (summary IN (SELECT code FROM temp.kz_gone_code) AND action <> 'erase'"
			" AND case_id IS NULL));",
			NULL, NULL, NULL);
	if (rc == SQLITE_OK && sqlite3_changes(mem) > 0)
		rc = sqlite3_exec(mem, "INSERT OR REPLACE INTO meta(key, value)"
				  " SELECT 'audit_withheld', seq FROM temp.kz_next", NULL, NULL, NULL);
	return rc;
}

/* In the copy: no other case, no entry of the trail that tells about one,
 * nothing set aside, and the marks of a need-to-know replica. */
static int strip_copy(sqlite3 *mem, const struct row_list *rows,
		      const struct idset *gone, const char *owner,
		      const char *next_code)
{
	sqlite3_stmt *q;
	int rc = sqlite3_exec(mem, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = withhold_entries(mem, rows);
	if (rc == SQLITE_OK)
		rc = strip_rows(mem, rows, "", 0);
	if (rc == SQLITE_OK)
		rc = mark_elsewhere(mem, gone);
	if (rc == SQLITE_OK)
		rc = delete_cases(mem, gone);
	if (rc == SQLITE_OK)
		/* Nothing set aside, and no peer of the source's: this replica
		 * knows the office (adopted) and whom it exchanges with. */
		rc = sqlite3_exec(mem, "DELETE FROM sync_refused; DELETE FROM sync_peer",
				  NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(mem, "INSERT OR REPLACE INTO meta(key, value)"
					" VALUES ('owner', ?1), ('need_to_know', '1'),"
					" ('office_next_code', coalesce(?2, ''))", -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, owner, -1, SQLITE_STATIC);
		if (next_code)
			sqlite3_bind_text(q, 2, next_code, -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(mem);
		sqlite3_finalize(q);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(mem, "COMMIT", NULL, NULL, NULL);
	return rc;
}

static int copy_to_memory(sqlite3 *from, sqlite3 **mem)
{
	sqlite3_backup *b;
	int rc = sqlite3_open_v2(":memory:", mem, SQLITE_OPEN_READWRITE, NULL);

	if (rc != SQLITE_OK)
		return rc;
	b = sqlite3_backup_init(*mem, "main", from, "main");
	if (!b)
		return sqlite3_errcode(*mem);
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int write_copy(sqlite3 *mem, const char *dest)
{
	sqlite3_stmt *q;
	mode_t old;
	int rc = sqlite3_prepare_v2(mem, "VACUUM INTO ?1", -1, &q, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(q, 1, dest, -1, SQLITE_STATIC);
	old = umask(077);
	rc = sqlite3_step(q);
	umask(old);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum kz_status sync_need_clone(struct kz_db *src, const char *dest,
			       const char *owner, char **held,
			       struct kz_error *err)
{
	struct idset gone = { 0 }, kept = { 0 };
	struct row_list rows = { 0 };
	sqlite3 *mem = NULL;
	char *next_code = NULL;
	enum kz_status st;
	int rc;

	*held = NULL;
	if (kz_case_next_code(src, kz_db_users(src), &next_code, NULL) != KZ_OK)
		next_code = NULL;
	/* One consistent moment for the list of rows and the copy. */
	rc = sqlite3_exec(kz_db_handle(src), "BEGIN", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return kz_db_fail(src, rc, err, "clone");
	st = idset_query(src, &gone, "SELECT id FROM main.cases c WHERE NOT "
			 KZ_SEES_CASE_ROW("c"), NULL, err);
	if (st == KZ_OK)
		st = idset_query(src, &kept, "SELECT id FROM main.cases c WHERE "
				 KZ_SEES_CASE_ROW("c"), NULL, err);
	if (st == KZ_OK)
		st = case_set_reset(src, err);
	if (st == KZ_OK)
		st = case_set_add(src, &gone, err);
	if (st == KZ_OK)
		st = each_case_row(src, false, collect_row, &rows, err);
	if (st == KZ_OK && (rc = copy_to_memory(kz_db_handle(src), &mem)) != SQLITE_OK)
		st = kz_fail(err, KZ_ENV, _("Database error (%s: %s)"), "clone",
			     mem ? sqlite3_errmsg(mem) : sqlite3_errstr(rc));
	sqlite3_exec(kz_db_handle(src), "COMMIT", NULL, NULL, NULL);
	if (st == KZ_OK && (rc = strip_copy(mem, &rows, &gone, owner, next_code)) != SQLITE_OK)
		st = kz_fail(err, KZ_ENV, _("Database error (%s: %s)"), "clone",
			     sqlite3_errmsg(mem));
	if (st == KZ_OK && (rc = write_copy(mem, dest)) != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_FULL)
			st = kz_fail(err, KZ_ENV, _("The disk is full; %s was not written. Free some space and try again."),
				     dest);
		else
			st = kz_fail(err, KZ_ENV, _("%s cannot be written: %s"), dest,
				     sqlite3_errmsg(mem));
	}
	sqlite3_close(mem);
	free(next_code);
	if (st == KZ_OK)
		*held = idset_text(&kept);
	row_list_free(&rows);
	idset_free(&gone);
	idset_free(&kept);
	return st;
}
