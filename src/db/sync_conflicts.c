/* Conflicts a person settles, and the canonical dump of synced content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync_internal.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* What a record is, for people: never a name of a family member. The
 * records of a case are named by the case code. */
static const struct {
	const char *table, *sql;
} labels[] = {
	{ "partners", "SELECT name FROM partners WHERE id = ?1" },
	{ "contacts", "SELECT name FROM contacts WHERE id = ?1" },
	{ "services", "SELECT title FROM services WHERE id = ?1" },
	{ "meetings", "SELECT title || ' ' || date FROM meetings WHERE id = ?1" },
	{ "attendees", "SELECT c.name FROM attendees x JOIN contacts c ON c.id = x.contact_id"
		       " WHERE x.id = ?1" },
	{ "decisions", "SELECT text FROM decisions WHERE id = ?1" },
	{ "tasks", "SELECT title FROM tasks WHERE id = ?1" },
};

static char *label_of(struct kz_db *db, const char *table, const char *row_id)
{
	char *case_id;

	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].table, table) == 0)
			return kz_query_text(db, labels[i].sql, row_id);
	case_id = kz_row_case_id(db, table, row_id);
	if (case_id) {
		char *code = kz_query_text(db, "SELECT code FROM cases WHERE id = ?1", case_id);
		free(case_id);
		return code;
	}
	return NULL;
}

char *kz_conflict_ref_label(struct kz_db *db, const struct kz_conflict *c,
			    const char *value)
{
	const struct sync_table *t = c->table ? sync_table_named(db, c->table, NULL) : NULL;
	int col = t ? sync_col_index(t, c->field) : -1;

	if (col < 0 || !value || !*value)
		return NULL;
	for (int f = 0; f < t->nfk; f++)
		if (t->fks[f].col == col)
			return label_of(db, sync_table_at(db, t->fks[f].parent)->name, value);
	return NULL;
}

static char *text_of(sqlite3_value *v)
{
	const unsigned char *t = v ? sqlite3_value_text(v) : NULL;

	return t && *t ? xstrdup((const char *)t) : NULL;
}

static enum kz_status load_values(struct kz_db *db, struct kz_conflict *c,
				  const struct sync_table *t, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT f.value, f.origin, x.user, x.at FROM sync_field f"
		" LEFT JOIN sync_tx x ON x.origin = f.origin AND x.seq = f.seq"
		" WHERE f.tbl = ?1 AND f.row_id = ?2 AND f.col = ?3 AND f.has_value"
		" ORDER BY f.lamport DESC, f.origin DESC", err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, c->table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, c->field, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_conflict_value *v;
		c->values = xrealloc(c->values, (c->nvalues + 1) * sizeof(*c->values));
		v = &c->values[c->nvalues];
		v->value = text_of(sqlite3_column_value(st, 0));
		v->replica = kz_column_dup(st, 1);
		v->user = kz_column_dup(st, 2);
		v->at = kz_column_dup(st, 3);
		v->current = c->nvalues == 0;
		c->nvalues++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "sync_field");
	if (c->nvalues == 0) {
		/* A clash of codes: the value the record holds now. */
		struct kz_buf sql = KZ_BUF_INIT;
		int col = sync_col_index(t, c->field);
		sqlite3_stmt *q = NULL;
		if (col < 0)
			return KZ_OK;
		kz_buf_printf(&sql, "SELECT \"%s\" FROM \"%s\"", t->cols[col], t->name);
		q = sync_prepare_row(db, t, &sql, c->row_id, err);
		if (!q)
			return err ? err->status : KZ_ENV;
		if (sqlite3_step(q) == SQLITE_ROW) {
			c->values = xcalloc(1, sizeof(*c->values));
			c->values[0].value = text_of(sqlite3_column_value(q, 0));
			c->values[0].current = true;
			c->nvalues = 1;
		}
		sqlite3_reset(q);
	}
	return KZ_OK;
}

enum kz_status kz_conflicts_list(struct kz_db *db, struct kz_conflict_list *out,
				 struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT tbl, row_id, col, note FROM sync_conflict"
				      " ORDER BY tbl, row_id, col", err);
	enum kz_status rc = KZ_OK;
	int r;

	memset(out, 0, sizeof(*out));
	if (!st)
		return err ? err->status : KZ_ENV;
	/* Collect first: the values are read with other statements. */
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_conflict *c;
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		c = &out->items[out->n++];
		memset(c, 0, sizeof(*c));
		c->table = kz_column_dup(st, 0);
		c->row_id = kz_column_dup(st, 1);
		c->field = kz_column_dup(st, 2);
		c->note = kz_column_dup(st, 3);
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE)
		rc = kz_db_fail(db, r, err, "sync_conflict");
	/* Conflicts in the cases the reader may not see are not shown. */
	for (size_t i = 0; rc == KZ_OK && i < out->n;) {
		struct kz_conflict *c = &out->items[i];
		if (kz_row_visible(db, c->table, c->row_id)) {
			i++;
			continue;
		}
		free(c->table);
		free(c->row_id);
		free(c->field);
		free(c->note);
		memmove(c, c + 1, (out->n - i - 1) * sizeof(*c));
		out->n--;
	}
	for (size_t i = 0; rc == KZ_OK && i < out->n; i++) {
		struct kz_conflict *c = &out->items[i];
		const struct sync_table *t = sync_table_named(db, c->table, NULL);
		if (!t)
			continue;
		c->kind = xstrdup(t->kind);
		c->label = label_of(db, c->table, c->row_id);
		rc = load_values(db, c, t, err);
	}
	if (rc != KZ_OK)
		kz_conflict_list_free(out);
	return rc;
}

void kz_conflict_list_free(struct kz_conflict_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		struct kz_conflict *c = &list->items[i];
		for (size_t v = 0; v < c->nvalues; v++) {
			free(c->values[v].value);
			free(c->values[v].replica);
			free(c->values[v].user);
			free(c->values[v].at);
		}
		free(c->values);
		free(c->table);
		free(c->kind);
		free(c->row_id);
		free(c->label);
		free(c->field);
		free(c->note);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}

enum kz_status kz_conflict_resolve(struct kz_db *db, const char *table,
				   const char *row_id, const char *field,
				   const char *value, struct kz_error *err)
{
	const struct sync_table *t = sync_table_named(db, table, NULL);
	int col = t ? sync_col_index(t, field) : -1;
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;
	char now[32];
	enum kz_status rc;
	bool found;

	if (!t || col < 0)
		return kz_fail(err, KZ_NOT_FOUND, _("There is no such conflict (any more)."));
	rc = kz_db_begin(db, err);
	if (rc != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "SELECT 1 FROM sync_conflict WHERE tbl = ?1 AND row_id = ?2 AND col = ?3", err);
	if (!st) {
		kz_db_rollback(db);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, field, -1, SQLITE_TRANSIENT);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (!found) {
		kz_db_rollback(db);
		return kz_fail(err, KZ_NOT_FOUND, _("There is no such conflict (any more)."));
	}
	/* A write like any edit: it supersedes every value this replica
	 * holds, and travels with the next exchange. */
	kz_now_iso(now);
	kz_buf_printf(&sql, "UPDATE \"%s\" SET \"%s\" = ?3, updated_at = ?4, updated_by = ?5,"
		      " rev = rev + 1", t->name, t->cols[col]);
	st = sync_prepare_row(db, t, &sql, row_id, err);
	rc = st ? KZ_OK : err ? err->status : KZ_ENV;
	if (rc == KZ_OK) {
		kz_bind_text(st, 3, value);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, kz_db_user(db), -1, SQLITE_STATIC);
		int r = sqlite3_step(st);
		if (r != SQLITE_DONE)
			rc = kz_db_fail(db, r, err, t->kind);
		sqlite3_reset(st);
	}
	if (rc == KZ_OK)
		rc = kz_sync_force_write(db, table, row_id, field);
	if (rc == KZ_OK)
		rc = kz_audit(db, "resolve", t->kind, t->npk == 1 ? row_id : NULL, field, err);
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

/* --- changes not applied ------------------------------------------------------ */

/* Received transactions refused for their author, not yet seen: for a
 * coordinator only (they may hold any case's data). */
static enum kz_status refused_list(struct kz_db *db, struct kz_dropped_list *out,
				   struct kz_error *err)
{
	sqlite3_stmt *st;
	int r;

	if (!kz_may(db, KZ_RIGHT_ALL_CASES))
		return KZ_OK;
	st = kz_db_stmt(db, "SELECT origin, seq, user, at, reason, changes,"
			" (SELECT group_concat(DISTINCT j.value ->> 'table') FROM json_each(changes) j)"
			" FROM sync_refused WHERE seen = 0 ORDER BY received_at DESC, origin, seq", err);
	if (!st) {
		kz_dropped_list_free(out);
		return err ? err->status : KZ_ENV;
	}
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_dropped *d;
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		d = &out->items[out->n++];
		memset(d, 0, sizeof(*d));
		d->table = xstrdup("");
		d->kind = xstrdup("");
		d->row_id = xstrdup("");
		d->reason = xstrdup("refused");
		d->replica = kz_column_dup(st, 0);
		d->seq = sqlite3_column_int64(st, 1);
		d->user = kz_column_dup(st, 2);
		d->at = kz_column_dup(st, 3);
		d->detail = kz_column_dup(st, 4);
		d->changes = kz_column_dup(st, 5);
		d->fields = kz_column_dup(st, 6);
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE) {
		kz_dropped_list_free(out);
		return kz_db_fail(db, r, err, "sync_refused");
	}
	return KZ_OK;
}

enum kz_status kz_dropped_list(struct kz_db *db, struct kz_dropped_list *out,
			       struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT d.tbl, d.row_id, d.reason, d.fields, d.origin, d.seq, x.user, x.at"
		" FROM sync_dropped d LEFT JOIN sync_tx x ON x.origin = d.origin AND x.seq = d.seq"
		" ORDER BY x.at DESC, d.tbl, d.row_id", err);
	int r;

	memset(out, 0, sizeof(*out));
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_dropped *d;
		const struct sync_table *t;
		out->items = xrealloc(out->items, (out->n + 1) * sizeof(*out->items));
		d = &out->items[out->n++];
		memset(d, 0, sizeof(*d));
		d->table = kz_column_dup(st, 0);
		d->row_id = kz_column_dup(st, 1);
		d->reason = kz_column_dup(st, 2);
		d->fields = kz_column_dup(st, 3);
		d->replica = kz_column_dup(st, 4);
		d->seq = sqlite3_column_int64(st, 5);
		d->user = kz_column_dup(st, 6);
		d->at = kz_column_dup(st, 7);
		t = sync_table_named(db, d->table, NULL);
		d->kind = xstrdup(t ? t->kind : "");
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE) {
		kz_dropped_list_free(out);
		return kz_db_fail(db, r, err, "sync_dropped");
	}
	return refused_list(db, out, err);
}

void kz_dropped_list_free(struct kz_dropped_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		struct kz_dropped *d = &list->items[i];
		free(d->table);
		free(d->kind);
		free(d->row_id);
		free(d->reason);
		free(d->fields);
		free(d->replica);
		free(d->user);
		free(d->at);
		free(d->detail);
		free(d->changes);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}

long kz_dropped_count(struct kz_db *db)
{
	sqlite3_stmt *st = kz_may(db, KZ_RIGHT_ALL_CASES)
		? kz_db_stmt(db, "SELECT (SELECT count(*) FROM sync_dropped)"
			     " + (SELECT count(*) FROM sync_refused WHERE seen = 0)", NULL)
		: kz_db_stmt(db, "SELECT count(*) FROM sync_dropped", NULL);
	long n = 0;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return n;
}

enum kz_status kz_dropped_dismiss(struct kz_db *db, const struct kz_dropped *d,
				  struct kz_error *err)
{
	sqlite3_stmt *st;
	bool refused = strcmp(d->reason, "refused") == 0;
	enum kz_status rc = refused ? kz_require(db, KZ_RIGHT_ALL_CASES, err) : KZ_OK;

	if (rc == KZ_OK)
		rc = kz_db_begin(db, err);
	if (rc != KZ_OK)
		return rc;
	/* A refused transaction stays on record, seen. */
	st = refused ? kz_db_stmt(db, "UPDATE sync_refused SET seen = 1 WHERE ?1 = ''"
				  " AND ?2 = '' AND origin = ?3 AND seq = ?4", err)
		     : kz_db_stmt(db, "DELETE FROM sync_dropped WHERE tbl = ?1 AND row_id = ?2"
				  " AND origin = ?3 AND seq = ?4", err);
	if (!st) {
		kz_db_rollback(db);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_text(st, 1, d->table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, d->row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, d->replica, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, d->seq);
	rc = kz_db_step(db, st, "sync_dropped", err);
	if (rc != KZ_OK) {
		kz_db_rollback(db);
		return rc;
	}
	return kz_db_commit(db, err);
}

/* --- the canonical dump ------------------------------------------------------ */

static enum kz_status dump_table(struct kz_db *db, const struct sync_table *t,
				 struct kz_buf *out, struct kz_error *err)
{
	struct kz_buf sql = KZ_BUF_INIT;
	sqlite3_stmt *st;
	int rc, n = 0;

	kz_buf_printf(&sql, "SELECT '%s'", t->name);
	for (int c = 0; c < t->ncol; c++)
		if (c != t->rev_col)
			kz_buf_printf(&sql, " || '|' || quote(\"%s\")", t->cols[c]);
	kz_buf_printf(&sql, " FROM \"%s\" ORDER BY \"%s\"", t->name, t->cols[t->pk[0]]);
	if (t->npk == 2)
		kz_buf_printf(&sql, ", \"%s\"", t->cols[t->pk[1]]);
	rc = sqlite3_prepare_v2(kz_db_handle(db), kz_buf_str(&sql), -1, &st, NULL);
	kz_buf_free(&sql);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "dump");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		kz_buf_puts(out, (const char *)sqlite3_column_text(st, 0));
		kz_buf_putc(out, '\n');
		n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "dump");
}

enum kz_status kz_sync_dump(struct kz_db *db, struct kz_buf *out,
			    struct kz_error *err)
{
	sqlite3_stmt *st;
	enum kz_status rc = KZ_OK;
	int r;

	/* Every row of every case: for a coordinator only. */
	if (!kz_may(db, KZ_RIGHT_ALL_CASES))
		return kz_require(db, KZ_RIGHT_ALL_CASES, err);
	for (int i = 0; i < sync_table_count(db) && rc == KZ_OK; i++)
		rc = dump_table(db, sync_table_at(db, i), out, err);
	if (rc != KZ_OK)
		return rc;
	/* The conflicts too: every replica keeps the same competing values. */
	st = kz_db_stmt(db, "SELECT c.tbl || '|' || c.row_id || '|' || c.col || '|' ||"
			" coalesce(c.note, '') || '|' || coalesce((SELECT group_concat(q, ',') FROM"
			"  (SELECT quote(f.value) AS q FROM sync_field f WHERE f.tbl = c.tbl"
			"   AND f.row_id = c.row_id AND f.col = c.col AND f.has_value"
			"   ORDER BY f.lamport, f.origin)), '')"
			" FROM sync_conflict c ORDER BY c.tbl, c.row_id, c.col", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		kz_buf_puts(out, "~conflict|");
		kz_buf_puts(out, (const char *)sqlite3_column_text(st, 0));
		kz_buf_putc(out, '\n');
	}
	sqlite3_reset(st);
	return r == SQLITE_DONE ? KZ_OK : kz_db_fail(db, r, err, "dump");
}
