/* Applying a received change: multi-value registers per field, deletions
 * that win, tombstones, rows whose parent is gone, unique clashes. The
 * rules are in include/koszyk/sync.h; each is a function of the set of
 * writes and their causal order, so replicas converge whatever the order
 * of exchanges. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync_internal.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* The values of a change: column index and value. */
struct change_vals {
	int *col;
	sqlite3_value **val;
	int n;
};

static void vals_free(struct change_vals *v)
{
	for (int i = 0; i < v->n; i++)
		sqlite3_value_free(v->val[i]);
	free(v->col);
	free(v->val);
	memset(v, 0, sizeof(*v));
}

static enum kz_status damaged(struct kz_error *err, const char *what)
{
	return kz_fail(err, KZ_INVALID,
		       _("The change file is damaged (%s). Ask for a new one."), what);
}

static enum kz_status vals_parse(struct kz_db *db, const struct sync_table *t,
				 const char *json, struct change_vals *out,
				 struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT key, value FROM json_each(?1)"
				      " WHERE json_valid(?1)", err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, json ? json : "{}", -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int col = sync_col_index(t, (const char *)sqlite3_column_text(st, 0));
		if (col < 0 || col == t->rev_col) {
			sqlite3_reset(st);
			vals_free(out);
			return damaged(err, "unknown column");
		}
		out->col = xrealloc(out->col, (size_t)(out->n + 1) * sizeof(*out->col));
		out->val = xrealloc(out->val, (size_t)(out->n + 1) * sizeof(*out->val));
		out->col[out->n] = col;
		out->val[out->n] = sqlite3_value_dup(sqlite3_column_value(st, 1));
		out->n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		vals_free(out);
		return rc == SQLITE_ERROR ? damaged(err, "values")
					  : kz_db_fail(db, rc, err, "json");
	}
	return KZ_OK;
}

static int vals_find(const struct change_vals *v, int col)
{
	for (int i = 0; i < v->n; i++)
		if (v->col[i] == col)
			return i;
	return -1;
}

static void vals_set_null(struct change_vals *v, int i)
{
	sqlite3_value_free(v->val[i]);
	v->val[i] = NULL;
}

/* Prepare dynamic SQL over registry identifiers (never text from a file:
 * table and column names are checked against the schema first). The
 * statement is the connection's (kz_db_stmt_text): reset, never
 * finalized. */
static sqlite3_stmt *prepare(struct kz_db *db, const struct kz_buf *sql,
			     struct kz_error *err)
{
	return kz_db_stmt_text(db, kz_buf_str(sql), err);
}

static enum kz_status run(struct kz_db *db, sqlite3_stmt *st, struct kz_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return kz_db_fail(db, rc, err, "sync");
	return KZ_OK;
}

/* --- rows -------------------------------------------------------------------- */

static bool row_exists(struct kz_db *db, const struct sync_table *t, const char *row_id)
{
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;
	bool found = false;

	kz_buf_printf(&sql, "SELECT 1 FROM \"%s\"", t->name);
	st = sync_prepare_row(db, t, &sql, row_id, NULL);
	if (!st)
		return false;
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

static bool is_tombstone(struct kz_db *db, const char *tbl, const char *row_id)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT 1 FROM sync_row WHERE tbl = ?1 AND row_id = ?2 AND deleted = 1"
		" UNION ALL SELECT 1 FROM erased WHERE id = ?2", NULL);
	bool dead = false;

	if (!st)
		return false;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	dead = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return dead;
}

static bool is_erased(struct kz_db *db, const char *row_id)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT 1 FROM erased WHERE id = ?1", NULL);
	bool dead;

	if (!st)
		return false;
	sqlite3_bind_text(st, 1, row_id, -1, SQLITE_TRANSIENT);
	dead = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return dead;
}

static enum kz_status set_row_stamp_key(struct kz_db *db, const char *tbl,
					const char *row_id, const struct sync_stamp *s,
					bool deleted, const char *ukey,
					struct kz_error *err);

static enum kz_status set_row_stamp(struct kz_db *db, const char *tbl,
				    const char *row_id, const struct sync_stamp *s,
				    bool deleted, struct kz_error *err)
{
	return set_row_stamp_key(db, tbl, row_id, s, deleted, NULL, err);
}

static enum kz_status set_row_stamp_key(struct kz_db *db, const char *tbl,
					const char *row_id, const struct sync_stamp *s,
					bool deleted, const char *ukey,
					struct kz_error *err)
{
	sqlite3_stmt *st;
	enum kz_status rc;

	if (deleted) {
		/* A tombstone keeps the first stamp it got; the row's field
		 * history is no longer needed. */
		st = kz_db_stmt(db, "INSERT INTO sync_row(tbl, row_id, origin, seq, lamport, deleted, ukey)"
				" VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)"
				" ON CONFLICT(tbl, row_id) DO UPDATE SET deleted = 1,"
				" ukey = coalesce(excluded.ukey, ukey)", err);
	} else {
		st = kz_db_stmt(db, "INSERT OR REPLACE INTO sync_row(tbl, row_id, origin, seq, lamport, deleted)"
				" VALUES (?1, ?2, ?3, ?4, ?5, 0)", err);
	}
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, s->origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, s->seq);
	sqlite3_bind_int64(st, 5, s->lamport);
	if (deleted && ukey)
		sqlite3_bind_text(st, 6, ukey, -1, SQLITE_TRANSIENT);
	rc = kz_db_step(db, st, "sync_row", err);
	if (rc != KZ_OK || !deleted)
		return rc;
	rc = sync_forget_row(db, tbl, row_id, err);
	if (rc != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "DELETE FROM sync_field WHERE tbl = ?1 AND row_id = ?2", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	rc = kz_db_step(db, st, "sync_field", err);
	if (rc != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "DELETE FROM sync_conflict WHERE tbl = ?1 AND row_id = ?2", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "sync_conflict", err);
}

/* A change that could not be applied, for the people who made it: the
 * record, the write (origin, seq: who and when come from the log), the
 * fields it changed (may be NULL) and why. */
static enum kz_status note_dropped_fields(struct kz_db *db, const char *tbl,
					  const char *row_id, const struct sync_stamp *s,
					  const char *reason, const char *fields,
					  struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT OR IGNORE INTO sync_dropped(tbl, row_id, origin, seq, reason, fields)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, s->origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, s->seq);
	sqlite3_bind_text(st, 5, reason, -1, SQLITE_STATIC);
	if (fields)
		sqlite3_bind_text(st, 6, fields, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "sync_dropped", err);
}

static enum kz_status note_dropped(struct kz_db *db, const char *tbl,
				   const char *row_id, const struct sync_stamp *s,
				   const char *reason, struct kz_error *err)
{
	return note_dropped_fields(db, tbl, row_id, s, reason, NULL, err);
}

/* A deletion arrives: the changes of the row it had not seen (made here or
 * received before it) are lost with the row; say so, per write. */
static enum kz_status note_unseen_changes(struct kz_db *db, const struct sync_apply *a,
					  const char *tbl, const char *row_id,
					  struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT origin, seq, group_concat(col, ',') FROM sync_field"
		" WHERE tbl = ?1 AND row_id = ?2 AND col NOT IN"
		" ('updated_at', 'updated_by', 'created_at', 'created_by')"
		" GROUP BY origin, seq", err);
	struct { char *origin, *fields; long long seq; } *w = NULL;
	size_t n = 0;
	enum kz_status rc = KZ_OK;

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *origin = (const char *)sqlite3_column_text(st, 0);
		long long seq = sqlite3_column_int64(st, 1);
		if (seq <= vv_get(&a->deps, origin))
			continue; /* the deletion saw it */
		w = xrealloc(w, (n + 1) * sizeof(*w));
		w[n].origin = xstrdup(origin);
		w[n].seq = seq;
		w[n].fields = kz_column_dup(st, 2);
		n++;
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < n; i++) {
		struct sync_stamp s = { w[i].origin, w[i].seq, 0 };
		if (rc == KZ_OK)
			rc = note_dropped_fields(db, tbl, row_id, &s, "deleted", w[i].fields, err);
		free(w[i].origin);
		free(w[i].fields);
	}
	free(w);
	return rc;
}

/* The fields an incoming change writes, for a note. */
static char *change_fields(const struct sync_table *t, const struct change_vals *v)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (int i = 0; i < v->n; i++) {
		if (t->lww[v->col[i]])
			continue;
		if (b.len)
			kz_buf_putc(&b, ',');
		kz_buf_puts(&b, t->cols[v->col[i]]);
	}
	if (b.len == 0) {
		kz_buf_free(&b);
		return NULL;
	}
	return kz_buf_detach(&b);
}

/* Delete a row and, first, every row that refers to it: a deletion wins,
 * so children go with their parent (or lose the reference where the
 * schema says SET NULL). Every deleted row becomes a tombstone. */
static enum kz_status delete_cascade(struct kz_db *db, int tidx, const char *row_id,
				     const struct sync_stamp *s, struct kz_error *err)
{
	const struct sync_table *t = sync_table_at(db, tidx);
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;
	enum kz_status rc = KZ_OK;

	for (int ci = 0; ci < sync_table_count(db) && rc == KZ_OK; ci++) {
		const struct sync_table *c = sync_table_at(db, ci);
		for (int f = 0; f < c->nfk && rc == KZ_OK; f++) {
			if (c->fks[f].parent != tidx || t->npk != 1)
				continue;
			kz_buf_reset(&sql);
			if (c->fks[f].set_null) {
				kz_buf_printf(&sql, "UPDATE \"%s\" SET \"%s\" = NULL%s WHERE \"%s\" = ?1",
					      c->name, c->cols[c->fks[f].col],
					      c->rev_col >= 0 ? ", rev = rev + 1" : "",
					      c->cols[c->fks[f].col]);
				st = prepare(db, &sql, err);
				if (!st) {
					rc = err ? err->status : KZ_ENV;
					break;
				}
				sqlite3_bind_text(st, 1, row_id, -1, SQLITE_TRANSIENT);
				rc = run(db, st, err);
				continue;
			}
			/* Collect the children first: the recursion prepares
			 * statements of its own. */
			char **kids = NULL;
			size_t nkids = 0;
			kz_buf_printf(&sql, "SELECT \"%s\"%s%s%s FROM \"%s\" WHERE \"%s\" = ?1",
				      c->cols[c->pk[0]], c->npk == 2 ? " || '/' || \"" : "",
				      c->npk == 2 ? c->cols[c->pk[1]] : "",
				      c->npk == 2 ? "\"" : "", c->name, c->cols[c->fks[f].col]);
			st = prepare(db, &sql, err);
			if (!st) {
				rc = err ? err->status : KZ_ENV;
				break;
			}
			sqlite3_bind_text(st, 1, row_id, -1, SQLITE_TRANSIENT);
			while (sqlite3_step(st) == SQLITE_ROW) {
				kids = xrealloc(kids, (nkids + 1) * sizeof(*kids));
				kids[nkids++] = xstrdup((const char *)sqlite3_column_text(st, 0));
			}
			sqlite3_reset(st);
			for (size_t k = 0; k < nkids; k++) {
				if (rc == KZ_OK)
					rc = delete_cascade(db, ci, kids[k], s, err);
				free(kids[k]);
			}
			free(kids);
		}
	}
	if (rc == KZ_OK) {
		kz_buf_reset(&sql);
		kz_buf_printf(&sql, "DELETE FROM \"%s\"", t->name);
		st = sync_prepare_row(db, t, &sql, row_id, err);
		rc = st ? run(db, st, err) : err ? err->status : KZ_ENV;
	}
	kz_buf_free(&sql);
	if (rc == KZ_OK)
		rc = set_row_stamp(db, t->name, row_id, s, true, err);
	return rc;
}

/* Does every foreign key of the values point at a row that is there? A
 * reference to a deleted parent is cleared where the schema says SET
 * NULL; otherwise the row cannot live (*orphan). */
static void check_parents(struct kz_db *db, const struct sync_table *t,
			  struct change_vals *v, bool *orphan, bool *unknown)
{
	*orphan = false;
	if (unknown)
		*unknown = false;
	for (int f = 0; f < t->nfk; f++) {
		int i = vals_find(v, t->fks[f].col);
		if (i < 0 || !v->val[i] || sqlite3_value_type(v->val[i]) == SQLITE_NULL)
			continue;
		const struct sync_table *p = sync_table_at(db, t->fks[f].parent);
		const char *parent = (const char *)sqlite3_value_text(v->val[i]);
		if (row_exists(db, p, parent))
			continue;
		/* A parent this replica never held: a case its person may not
		 * see (need-to-know). A full replica always holds the parent
		 * of what it receives, or its tombstone. */
		if (unknown && !t->fks[f].set_null && !is_tombstone(db, p->name, parent))
			*unknown = true;
		if (t->fks[f].set_null)
			vals_set_null(v, i);
		else
			*orphan = true;
	}
}

static void bind_value(sqlite3_stmt *st, int idx, sqlite3_value *v)
{
	if (v)
		sqlite3_bind_value(st, idx, v);
	else
		sqlite3_bind_null(st, idx);
}

static sqlite3_value *current_value(struct kz_db *db, const struct sync_table *t,
				    const char *row_id, int col);
#define current_value_at current_value

/* --- unique clashes ------------------------------------------------------- */

/* The row's unique values (from v, else from the row itself). */
static char *ukey_of(struct kz_db *db, const struct sync_table *t,
		     const struct sync_unique *u, const char *row_id,
		     const struct change_vals *v)
{
	const char *val[2] = { NULL, NULL };
	sqlite3_value *cur[2] = { NULL, NULL };
	char *key;

	for (int k = 0; k < 2 && u->cols[k]; k++) {
		int col = sync_col_index(t, u->cols[k]);
		int i = v ? vals_find(v, col) : -1;
		if (i >= 0 && v->val[i])
			val[k] = (const char *)sqlite3_value_text(v->val[i]);
		else if (row_id && (cur[k] = current_value_at(db, t, row_id, col)))
			val[k] = (const char *)sqlite3_value_text(cur[k]);
	}
	key = sync_ukey(val[0], u->cols[1] ? (val[1] ? val[1] : "") : NULL);
	sqlite3_value_free(cur[0]);
	sqlite3_value_free(cur[1]);
	return key;
}

/* Other rows with these unique values: those here (*present) and the
 * tombstones that keep them. */
struct holders {
	char **id;
	bool *present;
	size_t n;
};

static void holders_free(struct holders *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->id[i]);
	free(h->id);
	free(h->present);
	memset(h, 0, sizeof(*h));
}

static void holders_add(struct holders *h, const char *id, bool present)
{
	h->id = xrealloc(h->id, (h->n + 1) * sizeof(*h->id));
	h->present = xrealloc(h->present, (h->n + 1) * sizeof(*h->present));
	h->id[h->n] = xstrdup(id);
	h->present[h->n++] = present;
}

static void find_holders(struct kz_db *db, const struct sync_table *t,
			 const struct sync_unique *u, const char *row_id,
			 const char *ukey, struct holders *h)
{
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;
	const char *sep = u->cols[1] ? strchr(ukey, '\x1f') : NULL;

	memset(h, 0, sizeof(*h));
	kz_buf_printf(&sql, "SELECT id FROM \"%s\" WHERE id <> ?1 AND \"%s\" = ?2",
		      t->name, u->cols[0]);
	if (u->cols[1])
		kz_buf_printf(&sql, " AND coalesce(\"%s\", '') = ?3", u->cols[1]);
	st = prepare(db, &sql, NULL);
	kz_buf_free(&sql);
	if (st) {
		sqlite3_bind_text(st, 1, row_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, ukey, sep ? (int)(sep - ukey) : -1, SQLITE_TRANSIENT);
		if (sep)
			sqlite3_bind_text(st, 3, sep + 1, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(st) == SQLITE_ROW)
			holders_add(h, (const char *)sqlite3_column_text(st, 0), true);
		sqlite3_reset(st);
	}
	st = kz_db_stmt(db, "SELECT row_id FROM sync_row WHERE tbl = ?1 AND ukey = ?2"
			" AND deleted AND row_id <> ?3", NULL);
	if (st) {
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, ukey, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, row_id, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(st) == SQLITE_ROW)
			holders_add(h, (const char *)sqlite3_column_text(st, 0), false);
		sqlite3_reset(st);
	}
}

static char *renamed_code(const char *code, const char *id)
{
	return xasprintf("%s-%.4s", code, id);
}

static enum kz_status note_conflict(struct kz_db *db, const char *tbl,
				    const char *row_id, const char *col,
				    const char *note, bool *is_new,
				    struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT OR IGNORE INTO sync_conflict(tbl, row_id, col, note)"
		" VALUES (?1, ?2, ?3, ?4)", err);
	enum kz_status rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, col, -1, SQLITE_TRANSIENT);
	if (note)
		sqlite3_bind_text(st, 4, note, -1, SQLITE_STATIC);
	rc = kz_db_step(db, st, "sync_conflict", err);
	if (is_new)
		*is_new = sqlite3_changes(kz_db_handle(db)) > 0;
	return rc;
}

/* Give a case here another code: its code and 4 characters of its id. */
static enum kz_status rename_present(struct kz_db *db, struct sync_apply *a,
				     const struct sync_table *t, const char *id,
				     const char *code, struct kz_error *err)
{
	struct kz_buf sql = KZ_BUF_INIT;
	char *fresh = renamed_code(code, id);
	sqlite3_stmt *q;
	enum kz_status rc;
	bool is_new = false;

	kz_buf_printf(&sql, "UPDATE \"%s\" SET code = ?2, rev = rev + 1 WHERE id = ?1", t->name);
	q = prepare(db, &sql, err);
	kz_buf_free(&sql);
	if (!q) {
		free(fresh);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, fresh, -1, SQLITE_TRANSIENT);
	rc = run(db, q, err);
	free(fresh);
	if (rc == KZ_OK)
		rc = note_conflict(db, t->name, id, "code", "clash", &is_new, err);
	if (is_new)
		a->conflicts_new++;
	return rc;
}

static void set_text_value(struct kz_db *db, struct change_vals *v, int i, const char *text)
{
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT ?1", NULL);

	sqlite3_value_free(v->val[i]);
	v->val[i] = NULL;
	if (q) {
		sqlite3_bind_text(q, 1, text, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(q) == SQLITE_ROW)
			v->val[i] = sqlite3_value_dup(sqlite3_column_value(q, 0));
		sqlite3_reset(q);
	}
}

/* Rows here holding ukey with a greater id than row_id lose to it: a
 * case is renamed, another row goes. */
static enum kz_status displace_greater(struct kz_db *db, struct sync_apply *a, int tidx,
				       const struct holders *h, const char *row_id,
				       const char *ukey, struct kz_error *err)
{
	const struct sync_table *t = sync_table_at(db, tidx);
	const struct sync_unique *u = sync_unique_rule(t->name);
	enum kz_status rc = KZ_OK;
	/* The rule of unique values moves rows the author may not see (a
	 * colleague's case whose code clashes): the program's own work. */
	int own = kz_db_system_begin(db);

	for (size_t i = 0; i < h->n && rc == KZ_OK; i++) {
		if (!h->present[i] || strcmp(h->id[i], row_id) < 0)
			continue;
		if (u->rename) {
			rc = rename_present(db, a, t, h->id[i], ukey, err);
		} else {
			rc = delete_cascade(db, tidx, h->id[i], &a->stamp, err);
			if (rc == KZ_OK)
				rc = set_row_stamp_key(db, t->name, h->id[i], &a->stamp, true, ukey, err);
			if (rc == KZ_OK)
				rc = note_dropped(db, t->name, h->id[i], &a->stamp, "duplicate", err);
		}
	}
	kz_db_system_end(db, own);
	return rc;
}

/* Before an insert: of the rows with these unique values, here or
 * deleted, the smallest id keeps them. *drop when the incoming row loses
 * (a case is renamed instead). */
static enum kz_status settle_unique(struct kz_db *db, struct sync_apply *a,
				    int tidx, const char *row_id,
				    struct change_vals *v, bool *drop,
				    struct kz_error *err)
{
	const struct sync_table *t = sync_table_at(db, tidx);
	const struct sync_unique *u = sync_unique_rule(t->name);
	struct holders h;
	const char *smallest = row_id;
	char *ukey;
	enum kz_status rc = KZ_OK;

	*drop = false;
	if (!u || !(ukey = ukey_of(db, t, u, NULL, v)))
		return KZ_OK;
	find_holders(db, t, u, row_id, ukey, &h);
	for (size_t i = 0; i < h.n; i++)
		if (strcmp(h.id[i], smallest) < 0)
			smallest = h.id[i];
	/* Rows here with a greater id lose to the incoming one. */
	rc = displace_greater(db, a, tidx, &h, row_id, ukey, err);
	if (rc == KZ_OK && smallest != row_id) {
		if (u->rename) {
			bool is_new = false;
			char *fresh = renamed_code(ukey, row_id);
			set_text_value(db, v, vals_find(v, sync_col_index(t, "code")), fresh);
			free(fresh);
			rc = note_conflict(db, t->name, row_id, "code", "clash", &is_new, err);
			if (is_new)
				a->conflicts_new++;
		} else {
			*drop = true;
			rc = set_row_stamp_key(db, t->name, row_id, &a->stamp, true, ukey, err);
			if (rc == KZ_OK)
				rc = note_dropped(db, t->name, row_id, &a->stamp, "duplicate", err);
		}
	}
	holders_free(&h);
	free(ukey);
	return rc;
}

/* A row deleted or erased elsewhere, perhaps never seen here: rows here
 * with its unique values and a greater id lose to it as if it had been
 * here (a case is renamed, other rows go). */
static enum kz_status settle_tombstone(struct kz_db *db, struct sync_apply *a, int tidx,
				       const char *row_id, const char *ukey,
				       struct kz_error *err)
{
	const struct sync_table *t = sync_table_at(db, tidx);
	const struct sync_unique *u = sync_unique_rule(t->name);
	struct holders h;
	enum kz_status rc = KZ_OK;

	if (!u)
		return KZ_OK;
	find_holders(db, t, u, row_id, ukey, &h);
	rc = displace_greater(db, a, tidx, &h, row_id, ukey, err);
	holders_free(&h);
	return rc;
}

/* --- fields ------------------------------------------------------------------ */

struct field_entry {
	char *origin;
	long long seq, lamport;
	bool has_value;
	sqlite3_value *value;
};

static void entries_free(struct field_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].origin);
		sqlite3_value_free(e[i].value);
	}
	free(e);
}

/* (lamport, origin): the provisional winner of a conflict. */
static bool newer(const struct field_entry *x, const struct field_entry *y)
{
	if (x->lamport != y->lamport)
		return x->lamport > y->lamport;
	return strcmp(x->origin, y->origin) > 0;
}

/* The values a field holds now: its sync_field entries, or the row's own
 * stamp (the insert), or the stamp of a row older than sync. */
static enum kz_status load_entries(struct kz_db *db, const char *tbl, const char *row_id,
				   const char *col, struct field_entry **out, size_t *n,
				   struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT origin, seq, lamport, has_value, value FROM sync_field"
		" WHERE tbl = ?1 AND row_id = ?2 AND col = ?3", err);
	struct field_entry *e = NULL;
	size_t k = 0;

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, col, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		e = xrealloc(e, (k + 1) * sizeof(*e));
		e[k].origin = xstrdup((const char *)sqlite3_column_text(st, 0));
		e[k].seq = sqlite3_column_int64(st, 1);
		e[k].lamport = sqlite3_column_int64(st, 2);
		e[k].has_value = sqlite3_column_int(st, 3) != 0;
		e[k].value = e[k].has_value ? sqlite3_value_dup(sqlite3_column_value(st, 4)) : NULL;
		k++;
	}
	sqlite3_reset(st);
	if (k == 0) {
		st = kz_db_stmt(db, "SELECT origin, seq, lamport FROM sync_row"
				" WHERE tbl = ?1 AND row_id = ?2", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
		e = xcalloc(1, sizeof(*e));
		if (sqlite3_step(st) == SQLITE_ROW) {
			e[0].origin = xstrdup((const char *)sqlite3_column_text(st, 0));
			e[0].seq = sqlite3_column_int64(st, 1);
			e[0].lamport = sqlite3_column_int64(st, 2);
		} else {
			e[0].origin = xstrdup("");
		}
		sqlite3_reset(st);
		k = 1;
	}
	*out = e;
	*n = k;
	return KZ_OK;
}

static sqlite3_value *current_value(struct kz_db *db, const struct sync_table *t,
				    const char *row_id, int col)
{
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;
	sqlite3_value *v = NULL;

	kz_buf_printf(&sql, "SELECT \"%s\" FROM \"%s\"", t->cols[col], t->name);
	st = sync_prepare_row(db, t, &sql, row_id, NULL);
	if (!st)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_value_dup(sqlite3_column_value(st, 0));
	sqlite3_reset(st);
	return v;
}

/* A merged value that another row already holds (a case code, a need
 * area of a plan): a case takes the value with 4 characters of its id and
 * the clash is listed; another row keeps its old value and the clash is
 * noted among the dropped changes. Rare: it needs an edit of such a value
 * on two computers at once. */
static enum kz_status write_clashing(struct kz_db *db, struct sync_apply *a,
				     const struct sync_table *t, const char *row_id,
				     int col, sqlite3_value *v, struct kz_error *err)
{
	if (strcmp(t->name, "cases") != 0 || strcmp(t->cols[col], "code") != 0 || !v)
		return note_dropped(db, t->name, row_id, &a->stamp, "duplicate", err);
	return rename_present(db, a, t, row_id, (const char *)sqlite3_value_text(v), err);
}

static enum kz_status write_column(struct kz_db *db, struct sync_apply *a,
				   const struct sync_table *t, const char *row_id,
				   int col, sqlite3_value *v, struct kz_error *err)
{
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;

	kz_buf_printf(&sql, "UPDATE \"%s\" SET \"%s\" = ?3", t->name, t->cols[col]);
	st = sync_prepare_row(db, t, &sql, row_id, err);
	if (!st)
		return err ? err->status : KZ_ENV;
	bind_value(st, 3, v);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE ||
	    (rc == SQLITE_CONSTRAINT &&
	     sqlite3_extended_errcode(kz_db_handle(db)) == SQLITE_CONSTRAINT_UNIQUE))
		return write_clashing(db, a, t, row_id, col, v, err);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "sync");
	return KZ_OK;
}

static enum kz_status store_entries(struct kz_db *db, const char *tbl, const char *row_id,
				    const char *col, const struct field_entry *e, size_t n,
				    struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "DELETE FROM sync_field"
				      " WHERE tbl = ?1 AND row_id = ?2 AND col = ?3", err);
	enum kz_status rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, col, -1, SQLITE_TRANSIENT);
	rc = kz_db_step(db, st, "sync_field", err);
	for (size_t i = 0; i < n && rc == KZ_OK; i++) {
		st = kz_db_stmt(db, "INSERT INTO sync_field(tbl, row_id, col, origin, seq, lamport, has_value, value)"
				" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, col, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, e[i].origin, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, e[i].seq);
		sqlite3_bind_int64(st, 6, e[i].lamport);
		sqlite3_bind_int(st, 7, n > 1);
		if (n > 1)
			bind_value(st, 8, e[i].value);
		rc = kz_db_step(db, st, "sync_field", err);
	}
	return rc;
}

static enum kz_status drop_conflict(struct kz_db *db, const char *tbl, const char *row_id,
				    const char *col, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "DELETE FROM sync_conflict"
				      " WHERE tbl = ?1 AND row_id = ?2 AND col = ?3", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, col, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "sync_conflict", err);
}

static bool same_value(sqlite3_value *a, sqlite3_value *b)
{
	int ta = a ? sqlite3_value_type(a) : SQLITE_NULL;
	int tb = b ? sqlite3_value_type(b) : SQLITE_NULL;

	if (ta == SQLITE_NULL || tb == SQLITE_NULL)
		return ta == tb;
	if (ta != tb)
		return false;
	if (ta == SQLITE_INTEGER)
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	return sqlite3_value_bytes(a) == sqlite3_value_bytes(b) &&
	       memcmp(sqlite3_value_text(a), sqlite3_value_text(b),
		      (size_t)sqlite3_value_bytes(a)) == 0;
}

static bool all_equal(struct field_entry *e, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (!same_value(e[0].value, e[i].value))
			return false;
	return true;
}

/* Merge one written field into the row (a multi-value register). */
static enum kz_status merge_field(struct kz_db *db, struct sync_apply *a,
				  const struct sync_table *t, const char *row_id,
				  int col, sqlite3_value *val, bool *changed,
				  struct kz_error *err)
{
	struct field_entry *e = NULL, fresh;
	size_t n = 0, keep = 0;
	const char *cname = t->cols[col];
	enum kz_status rc = load_entries(db, t->name, row_id, cname, &e, &n, err);

	if (rc != KZ_OK)
		return rc;
	fresh.origin = xstrdup(a->stamp.origin);
	fresh.seq = a->stamp.seq;
	fresh.lamport = a->stamp.lamport;
	fresh.has_value = true;
	fresh.value = val ? sqlite3_value_dup(val) : NULL;

	if (t->lww[col]) {
		/* The newest write wins, no conflict. */
		if (newer(&fresh, &e[0])) {
			rc = write_column(db, a, t, row_id, col, fresh.value, err);
			if (rc == KZ_OK)
				rc = store_entries(db, t->name, row_id, cname, &fresh, 1, err);
			*changed = true;
		}
		entries_free(e, n);
		free(fresh.origin);
		sqlite3_value_free(fresh.value);
		return rc;
	}

	/* Keep the values the writer had not seen; add the new one. A value
	 * of this very write (the same origin and seq, when a case comes to a
	 * laptop whole again) is the write itself: it is kept once. */
	for (size_t i = 0; i < n; i++) {
		if (e[i].seq <= vv_get(&a->deps, e[i].origin) ||
		    (e[i].seq == fresh.seq && strcmp(e[i].origin, fresh.origin) == 0)) {
			free(e[i].origin);
			sqlite3_value_free(e[i].value);
			continue;
		}
		if (!e[i].has_value) {
			e[i].value = current_value(db, t, row_id, col);
			e[i].has_value = true;
		}
		e[keep++] = e[i];
	}
	e = xrealloc(e, (keep + 1) * sizeof(*e));
	e[keep++] = fresh;

	size_t win = 0;
	for (size_t i = 1; i < keep; i++)
		if (newer(&e[i], &e[win]))
			win = i;
	rc = write_column(db, a, t, row_id, col, e[win].value, err);
	*changed = true;
	if (rc == KZ_OK)
		rc = store_entries(db, t->name, row_id, cname, e, keep, err);
	if (rc == KZ_OK && all_equal(e, keep)) {
		/* One value, or the same value written on both sides. */
		rc = drop_conflict(db, t->name, row_id, cname, err);
	} else if (rc == KZ_OK) {
		bool is_new = false;
		rc = note_conflict(db, t->name, row_id, cname, NULL, &is_new, err);
		if (is_new)
			a->conflicts_new++;
	}
	entries_free(e, keep);
	return rc;
}

/* --- the operations --------------------------------------------------------- */

/* This replica's audit trail records what arrived: who wrote it where and
 * when, under the time it arrived (the trail stays in order). The entry
 * keeps the author of the change; case_id: the case of a record already
 * deleted (else it is found from the record). */
static enum kz_status audit_received(struct kz_db *db, const struct sync_apply *a,
				     const struct sync_table *t, const char *row_id,
				     const char *what, const char *case_id,
				     struct kz_error *err)
{
	struct kz_audit_new n = {
		.user = a->user && *a->user ? a->user : "?",
		.action = "sync",
		.kind = t->kind,
		.ref = t->npk == 1 ? row_id : NULL,
	};
	char *summary, *found = NULL;
	enum kz_status rc;

	summary = xasprintf("%s, %.8s, %s", what, a->stamp.origin, a->at ? a->at : "");
	n.summary = summary;
	if (!case_id)
		case_id = found = kz_record_case_id(db, t->kind, row_id);
	n.case_id = case_id;
	rc = kz_audit_add(db, &n, err);
	free(found);
	free(summary);
	return rc;
}

static enum kz_status bump_rev(struct kz_db *db, const struct sync_table *t,
			       const char *row_id, struct kz_error *err)
{
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;

	if (t->rev_col < 0)
		return KZ_OK;
	kz_buf_printf(&sql, "UPDATE \"%s\" SET rev = rev + 1", t->name);
	st = sync_prepare_row(db, t, &sql, row_id, err);
	if (!st)
		return err ? err->status : KZ_ENV;
	return run(db, st, err);
}

static bool is_key_col(const struct sync_table *t, int col)
{
	return col == t->pk[0] || (t->npk == 2 && col == t->pk[1]);
}

static enum kz_status apply_update(struct kz_db *db, struct sync_apply *a, int tidx,
				   const char *row_id, struct change_vals *v, bool *keep,
				   struct kz_error *err)
{
	const struct sync_table *t = sync_table_at(db, tidx);
	bool orphan, changed = false;
	enum kz_status rc = KZ_OK;

	if (!row_exists(db, t, row_id)) {
		/* Changed here, deleted there: the deletion wins; say so. */
		*keep = false;
		if (is_tombstone(db, t->name, row_id) && !is_erased(db, row_id)) {
			char *fields = change_fields(t, v);
			rc = note_dropped_fields(db, t->name, row_id, &a->stamp, "deleted",
						 fields, err);
			free(fields);
		}
		return rc;
	}
	*keep = true;
	check_parents(db, t, v, &orphan, NULL);
	if (orphan)
		return delete_cascade(db, tidx, row_id, &a->stamp, err);
	for (int i = 0; i < v->n && rc == KZ_OK; i++) {
		if (is_key_col(t, v->col[i]))
			continue;
		rc = merge_field(db, a, t, row_id, v->col[i], v->val[i], &changed, err);
	}
	if (rc == KZ_OK && changed)
		rc = bump_rev(db, t, row_id, err);
	if (rc == KZ_OK)
		rc = audit_received(db, a, t, row_id, "update", NULL, err);
	if (rc == KZ_OK)
		a->changes++;
	return rc;
}

/* INSERT the values v into t; *sqlite_rc (may be NULL) the step's code. */
static enum kz_status insert_values(struct kz_db *db, const struct sync_table *t,
				    const struct change_vals *v, int *sqlite_rc,
				    struct kz_error *err)
{
	struct kz_buf sql = KZ_BUF_INIT, marks = KZ_BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	kz_buf_printf(&sql, "INSERT INTO \"%s\"(", t->name);
	for (int i = 0; i < v->n; i++) {
		kz_buf_printf(&sql, "%s\"%s\"", i ? ", " : "", t->cols[v->col[i]]);
		kz_buf_printf(&marks, "%s?%d", i ? ", " : "", i + 1);
	}
	kz_buf_printf(&sql, ") VALUES (%s)", kz_buf_str(&marks));
	kz_buf_free(&marks);
	st = prepare(db, &sql, err);
	kz_buf_free(&sql);
	if (!st)
		return err ? err->status : KZ_ENV;
	for (int i = 0; i < v->n; i++)
		bind_value(st, i + 1, v->val[i]);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (sqlite_rc)
		*sqlite_rc = rc;
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "sync");
	return KZ_OK;
}

static enum kz_status apply_insert(struct kz_db *db, struct sync_apply *a, int tidx,
				   const char *row_id, struct change_vals *v, bool *keep,
				   struct kz_error *err)
{
	const struct sync_table *t = sync_table_at(db, tidx);
	bool orphan, unknown, drop;
	enum kz_status rc;

	*keep = false;
	if (is_tombstone(db, t->name, row_id))
		return KZ_OK; /* deleted or erased: it never comes back */
	if (row_exists(db, t, row_id))
		return apply_update(db, a, tidx, row_id, v, keep, err);
	for (int k = 0; k < t->npk; k++)
		if (vals_find(v, t->pk[k]) < 0)
			return damaged(err, "key");
	check_parents(db, t, v, &orphan, &unknown);
	if (unknown)
		return KZ_OK; /* of a case this replica does not hold */
	if (orphan) {
		/* Its parent was deleted or erased: the row goes too. */
		rc = set_row_stamp(db, t->name, row_id, &a->stamp, true, err);
		return rc;
	}
	rc = settle_unique(db, a, tidx, row_id, v, &drop, err);
	if (rc != KZ_OK || drop) {
		*keep = rc == KZ_OK;
		return rc;
	}
	rc = insert_values(db, t, v, NULL, err);
	if (rc == KZ_INVALID || rc == KZ_CORRUPT)
		return damaged(err, "values");
	if (rc == KZ_OK)
		rc = set_row_stamp(db, t->name, row_id, &a->stamp, false, err);
	if (rc == KZ_OK)
		rc = audit_received(db, a, t, row_id, "insert", NULL, err);
	if (rc == KZ_OK) {
		a->changes++;
		*keep = true;
	}
	return rc;
}

static enum kz_status apply_erase(struct kz_db *db, struct sync_apply *a,
				  const char *case_id, struct kz_error *err)
{
	enum kz_status rc = kz_case_erase_id_by(db, case_id,
						 a->user && *a->user ? a->user : NULL, err);
	sqlite3_stmt *st;

	if (rc == KZ_NOT_FOUND)
		rc = KZ_OK;
	if (rc != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "INSERT OR IGNORE INTO erased(id, kind, erased_at, erased_by)"
			" VALUES (?1, 'case', ?2, ?3)", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	char now[32];
	kz_now_iso(now);
	sqlite3_bind_text(st, 1, case_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, a->stamp.origin, -1, SQLITE_TRANSIENT);
	rc = kz_db_step(db, st, "erased", err);
	if (rc == KZ_OK)
		rc = set_row_stamp(db, "cases", case_id, &a->stamp, true, err);
	if (rc == KZ_OK)
		a->changes++;
	return rc;
}

enum kz_status sync_apply_change(struct kz_db *db, struct sync_apply *a,
				 const struct sync_change *c, bool *keep,
				 struct kz_error *err)
{
	int tidx;
	const struct sync_table *t = sync_table_named(db, c->tbl, &tidx);
	struct change_vals v;
	enum kz_status rc;

	*keep = false;
	if (!t || !c->row_id || !*c->row_id)
		return damaged(err, "table");
	switch (c->op) {
	case 'E':
	case 'D': {
		/* These carry the row's unique values only (a case: its code). */
		const struct sync_unique *u = sync_unique_rule(t->name);
		char *ukey = NULL;
		*keep = true;
		rc = vals_parse(db, t, c->vals, &v, err);
		if (rc != KZ_OK)
			return rc;
		if (u)
			ukey = ukey_of(db, t, u, c->op == 'D' ? c->row_id : NULL, &v);
		vals_free(&v);
		if (c->op == 'E') {
			rc = apply_erase(db, a, c->row_id, err);
		} else if (row_exists(db, t, c->row_id)) {
			char *case_id = kz_record_case_id(db, t->kind, c->row_id);
			rc = note_unseen_changes(db, a, t->name, c->row_id, err);
			if (rc == KZ_OK)
				rc = delete_cascade(db, tidx, c->row_id, &a->stamp, err);
			if (rc == KZ_OK)
				rc = audit_received(db, a, t, c->row_id, "delete", case_id, err);
			free(case_id);
			if (rc == KZ_OK)
				a->changes++;
		}
		if (rc == KZ_OK)
			rc = set_row_stamp_key(db, t->name, c->row_id, &a->stamp, true, ukey, err);
		if (rc == KZ_OK && ukey)
			rc = settle_tombstone(db, a, tidx, c->row_id, ukey, err);
		free(ukey);
		return rc;
	}
	case 'K': {
		/* A case this replica does not hold, by its code alone: it keeps
		 * the code from a case made here (need-to-know replicas). */
		const struct sync_unique *u = sync_unique_rule(t->name);
		char *ukey = NULL;
		if (strcmp(t->name, "cases") != 0 || !u)
			return damaged(err, "operation");
		rc = vals_parse(db, t, c->vals, &v, err);
		if (rc != KZ_OK)
			return rc;
		ukey = ukey_of(db, t, u, NULL, &v);
		vals_free(&v);
		if (ukey && !row_exists(db, t, c->row_id))
			rc = sync_mark_elsewhere(db, c->row_id, ukey, err);
		if (rc == KZ_OK && ukey && !row_exists(db, t, c->row_id))
			rc = settle_tombstone(db, a, tidx, c->row_id, ukey, err);
		free(ukey);
		return rc;
	}
	case 'I':
	case 'U':
		rc = vals_parse(db, t, c->vals, &v, err);
		if (rc != KZ_OK)
			return rc;
		if (c->op == 'I')
			rc = apply_insert(db, a, tidx, c->row_id, &v, keep, err);
		else
			rc = apply_update(db, a, tidx, c->row_id, &v, keep, err);
		vals_free(&v);
		return rc;
	default:
		return damaged(err, "operation");
	}
}

enum kz_status sync_mark_elsewhere(struct kz_db *db, const char *case_id,
				   const char *code, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO sync_row(tbl, row_id, origin, seq, lamport, deleted, ukey)"
		" VALUES ('cases', ?1, '', 0, 0, 2, ?2) ON CONFLICT(tbl, row_id)"
		" DO UPDATE SET ukey = excluded.ukey WHERE deleted = 2", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, case_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "sync_row", err);
}

enum kz_status sync_insert_snapshot_row(struct kz_db *db, const char *tbl,
					const char *row_id, const char *vals,
					bool *clash, bool *dropped,
					struct kz_error *err)
{
	int tidx;
	const struct sync_table *t = sync_table_named(db, tbl, &tidx);
	struct sync_apply a = { .stamp = { .origin = "", .seq = 0, .lamport = 0 } };
	struct change_vals v;
	enum kz_status rc;
	int code = SQLITE_OK;

	*clash = false;
	*dropped = false;
	if (!t)
		return damaged(err, "table");
	rc = vals_parse(db, t, vals, &v, err);
	if (rc != KZ_OK)
		return rc;
	for (int k = 0; k < t->npk; k++)
		if (vals_find(&v, t->pk[k]) < 0) {
			vals_free(&v);
			return damaged(err, "key");
		}
	/* The same rule for values that must be unique as for an insert. */
	rc = settle_unique(db, &a, tidx, row_id, &v, dropped, err);
	if (rc != KZ_OK || *dropped) {
		vals_free(&v);
		return rc;
	}
	rc = insert_values(db, t, &v, &code, err);
	vals_free(&v);
	/* A code or a parent that does not fit this replica yet (a case made
	 * here offline with the same code): the case comes again later. */
	if (rc != KZ_OK && (code & 0xff) == SQLITE_CONSTRAINT && code != SQLITE_CONSTRAINT_TRIGGER) {
		*clash = true;
		return KZ_OK;
	}
	return rc;
}
