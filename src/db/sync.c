/* Sync: the registry of synced tables, version vectors, the capture of
 * local changes with SQLite's session extension, and replica identity.
 * The model is described in include/koszyk/sync.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sync_internal.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* Synced tables, parents before children (the order changes of one
 * transaction are applied in). The records of a kind take their table
 * and name from the kind table; the case's shares and the kept versions
 * of plans are no kinds of record. */
#define KIND(k) { KZ_KIND_##k, NULL, NULL }
#define OTHER(table, name) { KZ_KIND_COUNT, table, name }
static const struct {
	enum kz_kind kind;
	const char *table, *name;   /* of an OTHER */
} synced[] = {
	KIND(PARTNER), KIND(CONTACT), KIND(SERVICE), KIND(CASE),
	OTHER("case_shares", "share"),
	KIND(MEMBER), KIND(TEAM), KIND(PLAN), KIND(DIAGNOSIS), KIND(GOAL),
	KIND(ACTION), KIND(REVIEW), KIND(PROGRESS),
	OTHER("plan_versions", "plan_version"),
	KIND(MEETING), KIND(ATTENDEE), KIND(DECISION), KIND(TASK),
};
#undef KIND
#undef OTHER
#define NSYNCED ((int)(sizeof(synced) / sizeof(synced[0])))

static const char *synced_table(int i)
{
	return synced[i].kind == KZ_KIND_COUNT ? synced[i].table
					       : kz_kind_of(synced[i].kind)->table;
}

static const char *synced_kind(int i)
{
	return synced[i].kind == KZ_KIND_COUNT ? synced[i].name
					       : kz_kind_of(synced[i].kind)->name;
}

struct forced {
	int table;
	int col;
	char *row_id;
};

struct kz_sync {
	sqlite3_session *session;
	int paused;
	char *replica;
	struct sync_table tables[NSYNCED];
	bool loaded;
	char **erases; /* case ids erased in this transaction */
	char **erase_codes;
	size_t nerases;
	struct forced *forced; /* fields written even if to the same value */
	size_t nforced;
	char *peer_login; /* the login of the other side of an exchange */
	char *writer;     /* who writes a change file for someone else */
	/* The transaction's entry in the log, once changes of it were
	 * written before its end (kz_sync_capture_flush), and the number
	 * its next change gets. */
	bool stamped;
	struct sync_stamp stamp;
	char *stamp_origin;
	int next_idx;
};

void sync_set_writer(struct kz_db *db, const char *login)
{
	kz_str_set(&kz_db_sync(db)->writer, login);
}

const char *sync_writer(struct kz_db *db)
{
	return kz_db_sync(db)->writer;
}

void kz_sync_set_peer_login(struct kz_db *db, const char *login)
{
	kz_str_set(&kz_db_sync(db)->peer_login, login);
}

const char *sync_peer_login(struct kz_db *db)
{
	return kz_db_sync(db)->peer_login;
}

struct kz_sync *kz_sync_new(void)
{
	return xcalloc(1, sizeof(struct kz_sync));
}

static void clear_forced(struct kz_sync *s)
{
	for (size_t i = 0; i < s->nforced; i++)
		free(s->forced[i].row_id);
	free(s->forced);
	s->forced = NULL;
	s->nforced = 0;
}

static void clear_erases(struct kz_sync *s)
{
	for (size_t i = 0; i < s->nerases; i++) {
		free(s->erases[i]);
		free(s->erase_codes[i]);
	}
	free(s->erases);
	free(s->erase_codes);
	s->erases = NULL;
	s->erase_codes = NULL;
	s->nerases = 0;
}

void kz_sync_free(struct kz_sync *s)
{
	if (!s)
		return;
	if (s->session)
		sqlite3session_delete(s->session);
	clear_erases(s);
	clear_forced(s);
	free(s->peer_login);
	free(s->writer);
	for (int i = 0; i < NSYNCED; i++) {
		struct sync_table *t = &s->tables[i];
		for (int c = 0; c < t->ncol; c++)
			free(t->cols[c]);
		free(t->cols);
		free(t->lww);
		free(t->fks);
	}
	free(s->replica);
	free(s);
}

void kz_sync_pause(struct kz_db *db, bool paused)
{
	kz_db_sync(db)->paused += paused ? 1 : -1;
}

/* --- the registry ---------------------------------------------------------- */

static int index_of(const char *name)
{
	for (int i = 0; i < NSYNCED; i++)
		if (strcmp(synced_table(i), name) == 0)
			return i;
	return -1;
}

static bool is_lww(const char *col)
{
	return strcmp(col, "updated_at") == 0 || strcmp(col, "updated_by") == 0 ||
	       strcmp(col, "created_at") == 0 || strcmp(col, "created_by") == 0;
}

static void load_columns(sqlite3 *h, struct sync_table *t)
{
	sqlite3_stmt *st;

	t->pk[0] = t->pk[1] = -1;
	t->rev_col = -1;
	if (sqlite3_prepare_v2(h, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid",
			       -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		int pk = sqlite3_column_int(st, 1);
		t->cols = xrealloc(t->cols, (size_t)(t->ncol + 1) * sizeof(*t->cols));
		t->lww = xrealloc(t->lww, (size_t)(t->ncol + 1) * sizeof(*t->lww));
		t->cols[t->ncol] = xstrdup(name);
		t->lww[t->ncol] = is_lww(name);
		if (pk >= 1 && pk <= 2) {
			t->pk[pk - 1] = t->ncol;
			if (pk > t->npk)
				t->npk = pk;
		}
		if (strcmp(name, "rev") == 0)
			t->rev_col = t->ncol;
		t->ncol++;
	}
	sqlite3_finalize(st);
}

static void load_fks(sqlite3 *h, struct sync_table *t)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT \"from\", \"table\", on_delete"
			       " FROM pragma_foreign_key_list(?1)", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int col = sync_col_index(t, (const char *)sqlite3_column_text(st, 0));
		int parent = index_of((const char *)sqlite3_column_text(st, 1));
		const char *action = (const char *)sqlite3_column_text(st, 2);
		if (col < 0 || parent < 0)
			continue;
		t->fks = xrealloc(t->fks, (size_t)(t->nfk + 1) * sizeof(*t->fks));
		t->fks[t->nfk].col = col;
		t->fks[t->nfk].parent = parent;
		t->fks[t->nfk].set_null = action && strcmp(action, "SET NULL") == 0;
		t->nfk++;
	}
	sqlite3_finalize(st);
}

static struct kz_sync *registry(struct kz_db *db)
{
	struct kz_sync *s = kz_db_sync(db);

	if (!s->loaded) {
		for (int i = 0; i < NSYNCED; i++) {
			s->tables[i].name = synced_table(i);
			s->tables[i].kind = synced_kind(i);
			load_columns(kz_db_handle(db), &s->tables[i]);
			load_fks(kz_db_handle(db), &s->tables[i]);
		}
		s->loaded = true;
	}
	return s;
}

int sync_table_count(struct kz_db *db)
{
	(void)db;
	return NSYNCED;
}

const struct sync_table *sync_table_at(struct kz_db *db, int i)
{
	return i >= 0 && i < NSYNCED ? &registry(db)->tables[i] : NULL;
}

const struct sync_table *sync_table_named(struct kz_db *db, const char *name,
					  int *index)
{
	int i = name ? index_of(name) : -1;

	if (index)
		*index = i;
	return i < 0 ? NULL : &registry(db)->tables[i];
}

int sync_col_index(const struct sync_table *t, const char *col)
{
	for (int i = 0; col && i < t->ncol; i++)
		if (strcmp(t->cols[i], col) == 0)
			return i;
	return -1;
}

char *sync_row_key(const struct sync_table *t, const char *const *pkvals)
{
	if (t->npk == 1)
		return xstrdup(pkvals[0] ? pkvals[0] : "");
	return xasprintf("%s/%s", pkvals[0] ? pkvals[0] : "",
			    pkvals[1] ? pkvals[1] : "");
}

void sync_key_where(const struct sync_table *t, struct kz_buf *sql, int first)
{
	kz_buf_printf(sql, " WHERE \"%s\" = ?%d", t->cols[t->pk[0]], first);
	if (t->npk == 2)
		kz_buf_printf(sql, " AND \"%s\" = ?%d", t->cols[t->pk[1]], first + 1);
}

int sync_bind_key(const struct sync_table *t, sqlite3_stmt *st, int first,
		  const char *row_id)
{
	const char *slash;

	if (t->npk == 1)
		return sqlite3_bind_text(st, first, row_id, -1, SQLITE_TRANSIENT);
	slash = strrchr(row_id, '/');
	if (!slash)
		return SQLITE_MISMATCH;
	sqlite3_bind_text(st, first, row_id, (int)(slash - row_id), SQLITE_TRANSIENT);
	return sqlite3_bind_int64(st, first + 1, strtoll(slash + 1, NULL, 10));
}

static const struct sync_unique unique_rules[] = {
	{ "cases", { "code", NULL }, true },
	{ "case_shares", { "case_id", "login" }, false },
	{ "diagnoses", { "plan_id", "need_area" }, false },
	{ "attendees", { "meeting_id", "contact_id" }, false },
};

const struct sync_unique *sync_unique_rule(const char *table)
{
	for (size_t i = 0; i < sizeof(unique_rules) / sizeof(unique_rules[0]); i++)
		if (strcmp(unique_rules[i].table, table) == 0)
			return &unique_rules[i];
	return NULL;
}

char *sync_ukey(const char *a, const char *b)
{
	if (!a)
		return NULL;
	return b ? xasprintf("%s\x1f%s", a, b) : xstrdup(a);
}

sqlite3_stmt *sync_prepare_row(struct kz_db *db, const struct sync_table *t,
			       struct kz_buf *sql, const char *row_id,
			       struct kz_error *err)
{
	sqlite3_stmt *st;

	sync_key_where(t, sql, 1);
	st = kz_db_stmt_text(db, kz_buf_str(sql), err);
	kz_buf_free(sql);
	if (!st)
		return NULL;
	sync_bind_key(t, st, 1, row_id);
	return st;
}

/* --- version vectors ------------------------------------------------------- */

void vv_set(struct vv *v, const char *origin, long long seq)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->e[i].origin, origin) == 0) {
			v->e[i].seq = seq;
			return;
		}
	v->e = xrealloc(v->e, (v->n + 1) * sizeof(*v->e));
	v->e[v->n].origin = xstrdup(origin);
	v->e[v->n].seq = seq;
	v->n++;
}

long long vv_get(const struct vv *v, const char *origin)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->e[i].origin, origin) == 0)
			return v->e[i].seq;
	return 0;
}

void vv_parse(const char *text, struct vv *out)
{
	const char *p = text ? text : "";

	out->e = NULL;
	out->n = 0;
	while (*p) {
		const char *end = p + strcspn(p, " ");
		const char *colon = memchr(p, ':', (size_t)(end - p));
		if (colon && colon > p) {
			char *origin = xstrndup(p, (size_t)(colon - p));
			vv_set(out, origin, strtoll(colon + 1, NULL, 10));
			free(origin);
		}
		p = *end ? end + 1 : end;
	}
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct vv_entry *)a)->origin,
		      ((const struct vv_entry *)b)->origin);
}

char *vv_format(const struct vv *v)
{
	struct kz_buf b = KZ_BUF_INIT;

	if (v->n)
		qsort(v->e, v->n, sizeof(*v->e), cmp_entry);
	for (size_t i = 0; i < v->n; i++)
		kz_buf_printf(&b, "%s%s:%lld", i ? " " : "", v->e[i].origin, v->e[i].seq);
	return kz_buf_detach(&b);
}

void vv_free(struct vv *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->e[i].origin);
	free(v->e);
	v->e = NULL;
	v->n = 0;
}

enum kz_status sync_load_clock(struct kz_db *db, struct vv *out,
			       struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT origin, seq FROM sync_clock", err);
	int rc;

	out->e = NULL;
	out->n = 0;
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		vv_set(out, (const char *)sqlite3_column_text(st, 0),
		       sqlite3_column_int64(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		vv_free(out);
		return kz_db_fail(db, rc, err, "sync_clock");
	}
	return KZ_OK;
}

long long sync_next_lamport(struct kz_db *db)
{
	/* Compaction keeps the greatest clock of what left the log. */
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT max(coalesce((SELECT max(lamport) FROM sync_tx), 0),"
				      " coalesce((SELECT max(lamport) FROM sync_horizon), 0))", NULL);
	long long l = 0;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		l = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return l + 1;
}

const char *sync_replica(struct kz_db *db)
{
	struct kz_sync *s = kz_db_sync(db);

	if (!s->replica)
		s->replica = kz_db_meta_get(db, "replica_id");
	return s->replica ? s->replica : "";
}

/* --- replica identity ------------------------------------------------------ */

/* The file's identity: a copy has another inode (or device). */
static char *file_identity(struct kz_db *db)
{
	struct stat sb;

	if (stat(kz_db_path(db), &sb) != 0)
		return NULL;
	return xasprintf("%llu:%llu", (unsigned long long)sb.st_dev,
			    (unsigned long long)sb.st_ino);
}

enum kz_status kz_sync_ensure_replica(struct kz_db *db, bool *renewed,
				      struct kz_error *err)
{
	char *ident = file_identity(db), *known;
	enum kz_status st = KZ_OK;

	if (renewed)
		*renewed = false;
	if (!ident)
		return KZ_OK;
	known = kz_db_meta_get(db, "replica_file");
	if (!known || strcmp(known, ident) != 0) {
		/* A copy of another replica's file (or a file from before
		 * sync): it writes under an id of its own from now on. Looked
		 * at again inside the transaction: two programs opening the
		 * copy at once give it one new id. */
		char id[KZ_ID_LEN + 1];
		kz_uuid(id);
		st = kz_db_begin(db, err);
		if (st == KZ_OK) {
			free(known);
			known = kz_db_meta_get(db, "replica_file");
		}
		if (st == KZ_OK && known && strcmp(known, ident) == 0) {
			kz_db_rollback(db);
			free(known);
			free(ident);
			free(kz_db_sync(db)->replica);
			kz_db_sync(db)->replica = NULL;
			return KZ_OK;
		}
		if (st == KZ_OK)
			st = kz_db_meta_set(db, "replica_id", id, err);
		if (st == KZ_OK)
			st = kz_db_meta_set(db, "replica_file", ident, err);
		if (st == KZ_OK)
			st = kz_db_commit(db, err);
		else
			kz_db_rollback(db);
		if (st == KZ_OK) {
			struct kz_sync *s = kz_db_sync(db);
			free(s->replica);
			s->replica = NULL;
			if (renewed)
				*renewed = known != NULL;
		}
	}
	free(known);
	free(ident);
	return st;
}

/* --- capture ---------------------------------------------------------------- */

static int start_session(struct kz_db *db, struct kz_sync *s)
{
	int rc = sqlite3session_create(kz_db_handle(db), "main", &s->session);

	for (int i = 0; rc == SQLITE_OK && i < NSYNCED; i++)
		rc = sqlite3session_attach(s->session, synced_table(i));
	return rc;
}

enum kz_status kz_sync_capture_begin(struct kz_db *db, struct kz_error *err)
{
	struct kz_sync *s = kz_db_sync(db);
	int rc;

	if (s->paused || s->session)
		return KZ_OK;
	registry(db);
	rc = start_session(db, s);
	if (rc != SQLITE_OK) {
		kz_sync_capture_end(db);
		return kz_db_fail(db, rc, err, "session");
	}
	return KZ_OK;
}

void kz_sync_capture_end(struct kz_db *db)
{
	struct kz_sync *s = kz_db_sync(db);

	if (s->session) {
		sqlite3session_delete(s->session);
		s->session = NULL;
	}
	clear_erases(s);
	clear_forced(s);
	free(s->stamp_origin);
	s->stamp_origin = NULL;
	s->stamped = false;
	s->next_idx = 0;
}

enum kz_status kz_sync_force_write(struct kz_db *db, const char *table,
				   const char *row_id, const char *col)
{
	struct kz_sync *s = registry(db);
	int t = index_of(table), c = t >= 0 ? sync_col_index(&s->tables[t], col) : -1;

	if (!s->session || c < 0)
		return KZ_OK;
	s->forced = xrealloc(s->forced, (s->nforced + 1) * sizeof(*s->forced));
	s->forced[s->nforced].table = t;
	s->forced[s->nforced].col = c;
	s->forced[s->nforced].row_id = xstrdup(row_id);
	s->nforced++;
	return KZ_OK;
}

/* One captured row change, before it is written to the log. */
struct captured {
	int table;
	char op;
	char *row_id;
	char *vals;
	char **cols; /* changed columns of an update (names owned by registry) */
	int ncols;
	char *ukey;  /* a deleted row's unique values */
};

static void json_value(struct kz_buf *b, sqlite3_value *v)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		kz_buf_printf(b, "%lld", (long long)sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT:
		kz_buf_printf(b, "%.17g", sqlite3_value_double(v));
		break;
	case SQLITE_NULL:
		kz_buf_puts(b, "null");
		break;
	default:
		kz_buf_json_string(b, (const char *)sqlite3_value_text(v));
	}
}

static char *key_of(const struct sync_table *t, sqlite3_changeset_iter *it,
		    bool use_new)
{
	const char *pk[2] = { NULL, NULL };
	sqlite3_value *v;

	for (int k = 0; k < t->npk; k++) {
		v = NULL;
		if (use_new)
			sqlite3changeset_new(it, t->pk[k], &v);
		else
			sqlite3changeset_old(it, t->pk[k], &v);
		pk[k] = v ? (const char *)sqlite3_value_text(v) : NULL;
	}
	return sync_row_key(t, pk);
}

static void capture_one(struct kz_sync *s, sqlite3_changeset_iter *it,
			struct captured *c)
{
	const char *tab;
	int ncol, op, indirect;
	const struct sync_table *t;
	struct kz_buf b = KZ_BUF_INIT;

	sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
	c->table = index_of(tab);
	t = &s->tables[c->table];
	c->op = op == SQLITE_INSERT ? 'I' : op == SQLITE_UPDATE ? 'U' : 'D';
	c->row_id = key_of(t, it, op == SQLITE_INSERT);
	if (op == SQLITE_DELETE) {
		/* The deletion carries the row's unique values, nothing else. */
		const struct sync_unique *u = sync_unique_rule(t->name);
		const char *uv[2] = { NULL, NULL };
		if (!u)
			return;
		kz_buf_putc(&b, '{');
		for (int k = 0; k < 2 && u->cols[k]; k++) {
			sqlite3_value *v = NULL;
			sqlite3changeset_old(it, sync_col_index(t, u->cols[k]), &v);
			uv[k] = v ? (const char *)sqlite3_value_text(v) : NULL;
			if (k)
				kz_buf_putc(&b, ',');
			kz_buf_json_string(&b, u->cols[k]);
			kz_buf_putc(&b, ':');
			kz_buf_json_string(&b, uv[k]);
		}
		kz_buf_putc(&b, '}');
		c->vals = kz_buf_detach(&b);
		c->ukey = sync_ukey(uv[0], u->cols[1] ? (uv[1] ? uv[1] : "") : NULL);
		return;
	}
	kz_buf_putc(&b, '{');
	for (int i = 0; i < ncol && i < t->ncol; i++) {
		sqlite3_value *v = NULL;
		if (i == t->rev_col)
			continue;
		sqlite3changeset_new(it, i, &v);
		if (!v)
			continue;
		if (op == SQLITE_UPDATE) {
			c->cols = xrealloc(c->cols, (size_t)(c->ncols + 1) * sizeof(*c->cols));
			c->cols[c->ncols++] = t->cols[i];
		}
		if (b.len > 1)
			kz_buf_putc(&b, ',');
		kz_buf_json_string(&b, t->cols[i]);
		kz_buf_putc(&b, ':');
		json_value(&b, v);
	}
	kz_buf_putc(&b, '}');
	c->vals = kz_buf_detach(&b);
}

/* Parents first for inserts and updates, children first for deletes,
 * erasures last; otherwise in the order of the changeset. */
static int change_rank(const struct captured *c)
{
	switch (c->op) {
	case 'D': return 100 + (NSYNCED - c->table);
	case 'E': return 300;
	default: return c->table;
	}
}

static int cmp_captured(const void *a, const void *b)
{
	const struct captured *x = a, *y = b;
	int d = change_rank(x) - change_rank(y);

	return d ? d : (x < y ? -1 : x > y);
}

static enum kz_status record_local(struct kz_db *db, const struct sync_stamp *stamp,
				   const struct captured *c, int idx,
				   struct kz_error *err)
{
	const char *tbl = c->op == 'E' ? "cases" : synced_table(c->table);
	sqlite3_stmt *st;
	enum kz_status rc;

	st = kz_db_stmt(db, "INSERT INTO sync_change(origin, seq, idx, tbl, row_id, op, vals)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, stamp->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, stamp->seq);
	sqlite3_bind_int(st, 3, idx);
	sqlite3_bind_text(st, 4, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->row_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, (char[]){ c->op, 0 }, 1, SQLITE_TRANSIENT);
	if (c->vals)
		sqlite3_bind_text(st, 7, c->vals, -1, SQLITE_STATIC);
	rc = kz_db_step(db, st, "sync_change", err);
	if (rc != KZ_OK || c->op == 'E')
		return rc;

	if (c->op == 'I' || c->op == 'D') {
		st = kz_db_stmt(db, "INSERT OR REPLACE INTO sync_row(tbl, row_id, origin, seq, lamport, deleted, ukey)"
				" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->row_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, stamp->origin, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, stamp->seq);
		sqlite3_bind_int64(st, 5, stamp->lamport);
		sqlite3_bind_int(st, 6, c->op == 'D');
		if (c->ukey)
			sqlite3_bind_text(st, 7, c->ukey, -1, SQLITE_STATIC);
		rc = kz_db_step(db, st, "sync_row", err);
		if (rc != KZ_OK || c->op == 'I')
			return rc;
		rc = sync_forget_row(db, tbl, c->row_id, err);
		if (rc != KZ_OK)
			return rc;
		st = kz_db_stmt(db, "DELETE FROM sync_field WHERE tbl = ?1 AND row_id = ?2", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->row_id, -1, SQLITE_STATIC);
		rc = kz_db_step(db, st, "sync_field", err);
		st = rc == KZ_OK ? kz_db_stmt(db, "DELETE FROM sync_conflict WHERE tbl = ?1 AND row_id = ?2", err) : NULL;
		if (!st)
			return rc != KZ_OK ? rc : err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->row_id, -1, SQLITE_STATIC);
		return kz_db_step(db, st, "sync_conflict", err);
	}

	/* An update: this replica has seen every value of these fields, so
	 * the write supersedes them all (and resolves a conflict). */
	for (int i = 0; i < c->ncols && rc == KZ_OK; i++) {
		st = kz_db_stmt(db, "DELETE FROM sync_field WHERE tbl = ?1 AND row_id = ?2 AND col = ?3", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->row_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, c->cols[i], -1, SQLITE_STATIC);
		rc = kz_db_step(db, st, "sync_field", err);
		if (rc != KZ_OK)
			break;
		st = kz_db_stmt(db, "INSERT INTO sync_field(tbl, row_id, col, origin, seq, lamport)"
				" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->row_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, c->cols[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, stamp->origin, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, stamp->seq);
		sqlite3_bind_int64(st, 6, stamp->lamport);
		rc = kz_db_step(db, st, "sync_field", err);
		if (rc != KZ_OK)
			break;
		st = kz_db_stmt(db, "DELETE FROM sync_conflict WHERE tbl = ?1 AND row_id = ?2 AND col = ?3", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->row_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, c->cols[i], -1, SQLITE_STATIC);
		rc = kz_db_step(db, st, "sync_conflict", err);
	}
	return rc;
}

/* The transaction's entry in the log (sync_tx) and the clock: once per
 * transaction, however many times its changes are written. */
static enum kz_status open_tx(struct kz_db *db, struct kz_sync *s,
			      struct kz_error *err)
{
	struct vv clock;
	char now[32], *deps;
	sqlite3_stmt *st;
	enum kz_status rc;

	if (s->stamped)
		return KZ_OK;
	rc = sync_load_clock(db, &clock, err);
	if (rc != KZ_OK)
		return rc;
	/* Read inside the transaction, not from a cache: another program may
	 * have given this file its own id since this one opened it. */
	free(s->replica);
	s->replica = NULL;
	free(s->stamp_origin);
	s->stamp_origin = xstrdup(sync_replica(db));
	s->stamp.origin = s->stamp_origin;
	s->stamp.seq = vv_get(&clock, s->stamp.origin) + 1;
	s->stamp.lamport = sync_next_lamport(db);
	deps = vv_format(&clock);
	vv_free(&clock);
	kz_now_iso(now);

	st = kz_db_stmt(db, "INSERT INTO sync_tx(origin, seq, lamport, at, user, deps)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	if (!st) {
		free(deps);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_text(st, 1, s->stamp.origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->stamp.seq);
	sqlite3_bind_int64(st, 3, s->stamp.lamport);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, kz_db_user(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, deps, -1, SQLITE_STATIC);
	rc = kz_db_step(db, st, "sync_tx", err);
	free(deps);
	if (rc != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "INSERT OR REPLACE INTO sync_clock(origin, seq) VALUES (?1, ?2)", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, s->stamp.origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->stamp.seq);
	rc = kz_db_step(db, st, "sync_clock", err);
	s->stamped = rc == KZ_OK;
	return rc;
}

/* The changes cs (sorted) into the log, numbered after those written
 * before in the transaction. */
static enum kz_status write_tx(struct kz_db *db, struct captured *cs, size_t n,
			       struct kz_error *err)
{
	struct kz_sync *s = kz_db_sync(db);
	enum kz_status rc = open_tx(db, s, err);

	for (size_t i = 0; i < n && rc == KZ_OK; i++)
		rc = record_local(db, &s->stamp, &cs[i], s->next_idx++, err);
	return rc;
}

static void free_captured(struct captured *cs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(cs[i].row_id);
		free(cs[i].vals);
		free(cs[i].cols);
		free(cs[i].ukey);
	}
	free(cs);
}

/* A field written to the value it had is no change to the session, but
 * a person chose that value: the write must travel all the same. */
static enum kz_status add_forced(struct kz_db *db, struct kz_sync *s,
				 const struct forced *f, struct captured **cs,
				 size_t *n, struct kz_error *err)
{
	const struct sync_table *t = &s->tables[f->table];
	const char *name = t->cols[f->col];
	struct captured *c = NULL;
	struct kz_buf sql = KZ_BUF_INIT, b = KZ_BUF_INIT;
	sqlite3_stmt *st;

	for (size_t i = 0; i < *n; i++) {
		struct captured *x = &(*cs)[i];
		if (x->table != f->table || strcmp(x->row_id, f->row_id) != 0)
			continue;
		if (x->op != 'U')
			return KZ_OK; /* inserted or deleted: nothing to add */
		for (int k = 0; k < x->ncols; k++)
			if (strcmp(x->cols[k], name) == 0)
				return KZ_OK;
		c = x;
	}
	kz_buf_printf(&sql, "SELECT \"%s\" FROM \"%s\"", name, t->name);
	st = sync_prepare_row(db, t, &sql, f->row_id, err);
	if (!st)
		return err ? err->status : KZ_ENV;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return KZ_OK;
	}
	if (!c) {
		*cs = xrealloc(*cs, (*n + 1) * sizeof(**cs));
		c = &(*cs)[(*n)++];
		memset(c, 0, sizeof(*c));
		c->table = f->table;
		c->op = 'U';
		c->row_id = xstrdup(f->row_id);
		c->vals = xstrdup("{}");
	}
	/* {...} becomes {..., "col": value} */
	kz_buf_add(&b, c->vals, strlen(c->vals) - 1);
	if (b.len > 1)
		kz_buf_putc(&b, ',');
	kz_buf_json_string(&b, name);
	kz_buf_putc(&b, ':');
	json_value(&b, sqlite3_column_value(st, 0));
	kz_buf_putc(&b, '}');
	sqlite3_reset(st);
	free(c->vals);
	c->vals = kz_buf_detach(&b);
	c->cols = xrealloc(c->cols, (size_t)(c->ncols + 1) * sizeof(*c->cols));
	c->cols[c->ncols++] = t->cols[f->col];
	return KZ_OK;
}

/* The changes the session holds, in *cs (allocated) and *n. */
static enum kz_status collect_session(struct kz_db *db, struct kz_sync *s,
				      struct captured **cs, size_t *n,
				      struct kz_error *err)
{
	sqlite3_changeset_iter *it;
	void *data = NULL;
	size_t cap = 0;
	int size = 0, rc = SQLITE_OK;

	*cs = NULL;
	*n = 0;
	if (s->session && !sqlite3session_isempty(s->session))
		rc = sqlite3session_changeset(s->session, &size, &data);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "session");
	if (size <= 0)
		return KZ_OK;
	rc = sqlite3changeset_start(&it, size, data);
	while (rc == SQLITE_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		struct captured *c;

		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			*cs = xreallocarray(*cs, cap, sizeof(**cs));
		}
		c = &(*cs)[*n];
		memset(c, 0, sizeof(*c));
		capture_one(s, it, c);
		/* An update of nothing but the save counter is no change. */
		if (c->op == 'U' && c->ncols == 0) {
			free(c->row_id);
			free(c->vals);
			continue;
		}
		(*n)++;
	}
	if (rc == SQLITE_OK)
		rc = sqlite3changeset_finalize(it);
	sqlite3_free(data);
	if (rc != SQLITE_OK) {
		free_captured(*cs, *n);
		*cs = NULL;
		*n = 0;
		return kz_db_fail(db, rc, err, "session");
	}
	return KZ_OK;
}

enum kz_status kz_sync_capture_flush(struct kz_db *db, struct kz_error *err)
{
	struct kz_sync *s = kz_db_sync(db);
	struct captured *cs;
	size_t n;
	enum kz_status st;
	int rc;

	if (!s->session || sqlite3session_isempty(s->session))
		return KZ_OK;
	st = collect_session(db, s, &cs, &n, err);
	if (st != KZ_OK)
		return st;
	if (n > 0) {
		qsort(cs, n, sizeof(*cs), cmp_captured);
		st = write_tx(db, cs, n, err);
	}
	free_captured(cs, n);
	if (st != KZ_OK)
		return st;
	/* What is written leaves the session: a new one captures what
	 * follows. */
	sqlite3session_delete(s->session);
	s->session = NULL;
	rc = start_session(db, s);
	return rc == SQLITE_OK ? KZ_OK : kz_db_fail(db, rc, err, "session");
}

enum kz_status kz_sync_capture_commit(struct kz_db *db, struct kz_error *err)
{
	struct kz_sync *s = kz_db_sync(db);
	struct captured *cs = NULL;
	size_t n = 0;
	enum kz_status st = collect_session(db, s, &cs, &n, err);

	if (st != KZ_OK)
		return st;
	for (size_t i = 0; i < s->nforced; i++) {
		st = add_forced(db, s, &s->forced[i], &cs, &n, err);
		if (st != KZ_OK) {
			free_captured(cs, n);
			return st;
		}
	}
	for (size_t i = 0; i < s->nerases; i++) {
		cs = xrealloc(cs, (n + 1) * sizeof(*cs));
		memset(&cs[n], 0, sizeof(*cs));
		cs[n].op = 'E';
		cs[n].table = index_of("cases");
		cs[n].row_id = xstrdup(s->erases[i]);
		if (s->erase_codes[i]) {
			/* The code alone: a replica that never held the case
			 * still applies the rule of unique codes the same way. */
			struct kz_buf b = KZ_BUF_INIT;
			kz_buf_puts(&b, "{\"code\":");
			kz_buf_json_string(&b, s->erase_codes[i]);
			kz_buf_putc(&b, '}');
			cs[n].vals = kz_buf_detach(&b);
		}
		n++;
	}
	if (n > 0) {
		qsort(cs, n, sizeof(*cs), cmp_captured);
		st = write_tx(db, cs, n, err);
	}
	free_captured(cs, n);
	return st;
}

enum kz_status sync_forget_row(struct kz_db *db, const char *tbl,
			       const char *row_id, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "DELETE FROM sync_change WHERE row_id = ?2"
				      " AND tbl = ?1 AND op IN ('I', 'U')", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "sync_change", err);
}

/* --- erasure ---------------------------------------------------------------- */

enum kz_status kz_sync_erase_note(struct kz_db *db, const char *case_id,
				  struct kz_error *err)
{
	static const char *const scrub[] = {
		/* Everything written about the case leaves the log. */
		CASE_IDS_CTE ", keys(k) AS (SELECT id FROM ids UNION ALL"
		" SELECT v.plan_id || '/' || v.version FROM plan_versions v"
		"  JOIN plans p ON p.id = v.plan_id WHERE p.case_id = ?1)"
		" DELETE FROM sync_change WHERE row_id IN (SELECT k FROM keys)",
		CASE_IDS_CTE " DELETE FROM sync_field WHERE row_id IN (SELECT id FROM ids)",
		CASE_IDS_CTE " DELETE FROM sync_conflict WHERE row_id IN (SELECT id FROM ids)",
		CASE_IDS_CTE " DELETE FROM sync_dropped WHERE row_id IN (SELECT id FROM ids)",
		CASE_IDS_CTE " UPDATE sync_row SET deleted = 1 WHERE row_id IN (SELECT id FROM ids)",
	};
	struct kz_sync *s = kz_db_sync(db);
	char *code = NULL;
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT code FROM cases WHERE id = ?1", err);

	if (!q)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) == SQLITE_ROW)
		code = kz_column_dup(q, 0);
	sqlite3_reset(q);
	for (size_t i = 0; i < sizeof(scrub) / sizeof(scrub[0]); i++) {
		sqlite3_stmt *st = kz_db_stmt(db, scrub[i], err);
		enum kz_status rc;
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, case_id, -1, SQLITE_TRANSIENT);
		rc = kz_db_step(db, st, "sync", err);
		if (rc != KZ_OK) {
			free(code);
			return rc;
		}
	}
	/* The case's tombstone keeps its code (see sync_unique). */
	q = kz_db_stmt(db, "INSERT INTO sync_row(tbl, row_id, origin, seq, lamport, deleted, ukey)"
		       " VALUES ('cases', ?1, '', 0, 0, 1, ?2) ON CONFLICT(tbl, row_id)"
		       " DO UPDATE SET deleted = 1, ukey = excluded.ukey", err);
	if (!q) {
		free(code);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_TRANSIENT);
	if (code)
		sqlite3_bind_text(q, 2, code, -1, SQLITE_TRANSIENT);
	enum kz_status rc = kz_db_step(db, q, "sync_row", err);
	if (rc == KZ_OK && s->session) {
		/* The deletions carry the erased data: log the erasure alone. */
		sqlite3session_enable(s->session, 0);
		s->erases = xrealloc(s->erases, (s->nerases + 1) * sizeof(*s->erases));
		s->erase_codes = xrealloc(s->erase_codes, (s->nerases + 1) * sizeof(*s->erase_codes));
		s->erases[s->nerases] = xstrdup(case_id);
		s->erase_codes[s->nerases++] = code;
		code = NULL;
	}
	free(code);
	return rc;
}

/* --- information ------------------------------------------------------------ */

static long count_long(struct kz_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, NULL);
	long n = 0;

	if (!st)
		return 0;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

long kz_conflicts_count(struct kz_db *db)
{
	return count_long(db, "SELECT count(*) FROM sync_conflict", NULL);
}

long kz_conflicts_of(struct kz_db *db, const char *table, const char *row_id)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT count(*) FROM sync_conflict"
				      " WHERE tbl = ?1 AND row_id = ?2", NULL);
	long n = 0;

	if (!st || !table || !row_id)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

static enum kz_status load_peers(struct kz_db *db, struct kz_sync_info *out,
				 struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT replica, name, seen_at, clock, retired FROM sync_peer"
				      " WHERE replica <> ?1 ORDER BY seen_at DESC", err);
	struct vv mine;
	enum kz_status rc;
	int r;

	if (!st)
		return err ? err->status : KZ_ENV;
	rc = sync_load_clock(db, &mine, err);
	if (rc != KZ_OK) {
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_bind_text(st, 1, out->replica_id, -1, SQLITE_TRANSIENT);
	out->unsent = (long)vv_get(&mine, out->replica_id);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_sync_peer *p;
		struct vv theirs;
		long long lacks;
		out->peers = xrealloc(out->peers, (out->npeers + 1) * sizeof(*out->peers));
		p = &out->peers[out->npeers++];
		p->replica = kz_column_dup(st, 0);
		p->name = kz_column_dup(st, 1);
		p->seen_at = kz_column_dup(st, 2);
		p->behind = 0;
		p->retired = kz_column_dup(st, 4);
		vv_parse((const char *)sqlite3_column_text(st, 3), &theirs);
		lacks = vv_get(&mine, out->replica_id) - vv_get(&theirs, out->replica_id);
		if (lacks < out->unsent)
			out->unsent = lacks > 0 ? (long)lacks : 0;
		for (size_t i = 0; i < mine.n; i++) {
			long long d = mine.e[i].seq - vv_get(&theirs, mine.e[i].origin);
			if (d > 0)
				p->behind += (long)d;
		}
		vv_free(&theirs);
	}
	sqlite3_reset(st);
	vv_free(&mine);
	return r == SQLITE_DONE ? KZ_OK : kz_db_fail(db, r, err, "sync_peer");
}

enum kz_status kz_sync_info(struct kz_db *db, struct kz_sync_info *out,
			    struct kz_error *err)
{
	struct vv clock;
	enum kz_status st;

	memset(out, 0, sizeof(*out));
	st = sync_load_clock(db, &clock, err);
	if (st != KZ_OK)
		return st;
	out->clock = vv_format(&clock);
	vv_free(&clock);
	out->partnership_id = kz_db_meta_get(db, "partnership_id");
	out->replica_id = xstrdup(sync_replica(db));
	/* Written here and received count what left the log too. */
	out->tx_local = count_long(db, "SELECT (SELECT count(*) FROM sync_tx t WHERE origin = ?1"
				   " AND seq > coalesce((SELECT seq FROM sync_horizon WHERE origin = ?1), 0))"
				   " + coalesce((SELECT seq FROM sync_horizon WHERE origin = ?1), 0)",
				   out->replica_id);
	out->tx_total = count_long(db, "SELECT count(*) FROM sync_tx", NULL);
	out->conflicts = kz_conflicts_count(db);
	out->owner = sync_need_owner(db);
	out->need_to_know = sync_need_filtered(db);
	out->cases_held = count_long(db, "SELECT count(*) FROM cases", NULL);
	out->received = count_long(db, "SELECT (SELECT count(*) FROM sync_tx t WHERE origin <> ?1"
				   " AND seq > coalesce((SELECT seq FROM sync_horizon h"
				   " WHERE h.origin = t.origin), 0))"
				   " + coalesce((SELECT sum(seq) FROM sync_horizon WHERE origin <> ?1), 0)",
				   out->replica_id);
	out->received_newest = out->received
		? kz_query_text(db, "SELECT max(at) FROM (SELECT at FROM sync_tx WHERE origin <> ?1"
				" UNION ALL SELECT at FROM sync_horizon WHERE origin <> ?1)",
				out->replica_id)
		: NULL;
	return load_peers(db, out, err);
}

void kz_sync_info_clear(struct kz_sync_info *info)
{
	free(info->received_newest);
	for (size_t i = 0; i < info->npeers; i++) {
		free(info->peers[i].replica);
		free(info->peers[i].name);
		free(info->peers[i].seen_at);
		free(info->peers[i].retired);
	}
	free(info->peers);
	free(info->partnership_id);
	free(info->replica_id);
	free(info->clock);
	free(info->owner);
	memset(info, 0, sizeof(*info));
}
