/* Generic storage of records described by field tables: insert, update
 * with a revision check, load, audit. basket.c adds what is particular to
 * partners, contacts and services. */
#include "records.h"

#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

#define STAMP_COLS "created_at, created_by, updated_at, updated_by, rev"

static char *build_select(const struct kz_kind_info *t)
{
	struct kz_buf b = KZ_BUF_INIT;

	kz_buf_puts(&b, "SELECT ");
	for (size_t i = 0; i < (*t->nfields); i++)
		kz_buf_printf(&b, "%s, ", t->fields[i].name);
	kz_buf_printf(&b, STAMP_COLS " FROM %s WHERE id = ?1", t->table);
	return kz_buf_detach(&b);
}

static char *build_insert(const struct kz_kind_info *t)
{
	struct kz_buf b = KZ_BUF_INIT;
	size_t n = (*t->nfields);

	kz_buf_printf(&b, "INSERT INTO %s(id, ", t->table);
	for (size_t i = 0; i < n; i++)
		kz_buf_printf(&b, "%s, ", t->fields[i].name);
	kz_buf_puts(&b, STAMP_COLS ") VALUES(?1, ");
	for (size_t i = 0; i < n; i++)
		kz_buf_printf(&b, "?%zu, ", i + 2);
	kz_buf_printf(&b, "?%zu, ?%zu, ?%zu, ?%zu, 1)", n + 2, n + 3, n + 2, n + 3);
	return kz_buf_detach(&b);
}

static char *build_update(const struct kz_kind_info *t)
{
	struct kz_buf b = KZ_BUF_INIT;
	size_t n = (*t->nfields);

	kz_buf_printf(&b, "UPDATE %s SET ", t->table);
	for (size_t i = 0; i < n; i++)
		kz_buf_printf(&b, "%s = ?%zu, ", t->fields[i].name, i + 2);
	kz_buf_printf(&b, "updated_at = ?%zu, updated_by = ?%zu, rev = rev + 1"
		      " WHERE id = ?1 AND rev = ?%zu", n + 2, n + 3, n + 4);
	return kz_buf_detach(&b);
}

/* The SQL texts of each kind, built from its fields when first needed.
 * They live as long as the program; kz_db_stmt caches the prepared
 * statements per connection by their address. */
struct kind_sql {
	char *select_sql, *insert_sql, *update_sql;
};

static const struct kind_sql *sql_of(enum kz_kind kind)
{
	static struct kind_sql sql[KZ_KIND_COUNT];
	const struct kz_kind_info *t = kz_kind_of(kind);
	struct kind_sql *q = &sql[kind];

	if (!q->select_sql) {
		q->select_sql = build_select(t);
		q->insert_sql = build_insert(t);
		q->update_sql = build_update(t);
	}
	return q;
}

static void bind_fields(sqlite3_stmt *st, const struct kz_kind_info *t, void *rec)
{
	for (size_t i = 0; i < (*t->nfields); i++)
		kz_bind_text(st, (int)i + 2, *kz_field_slot(rec, &t->fields[i]));
}

static void read_stamp(sqlite3_stmt *st, int col, struct kz_stamp *s)
{
	kz_stamp_clear(s);
	s->created_at = kz_column_dup(st, col);
	s->created_by = kz_column_dup(st, col + 1);
	s->updated_at = kz_column_dup(st, col + 2);
	s->updated_by = kz_column_dup(st, col + 3);
	s->rev = (long)sqlite3_column_int64(st, col + 4);
}

enum kz_status kz_record_load(struct kz_db *db, enum kz_kind kind,
			      const char *id, void *rec, struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(kind);
	sqlite3_stmt *st;
	int rc;

	if (!id || !kz_is_uuid(id))
		return kz_fail(err, KZ_NOT_FOUND, _("There is no record with id \"%s\"."),
			       id ? id : "");
	st = kz_db_stmt(db, sql_of(kind)->select_sql, err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return kz_fail(err, KZ_NOT_FOUND, _("There is no record with id \"%s\"."), id);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return kz_db_fail(db, rc, err, t->table);
	}
	char *idp = (char *)rec + t->id_offset;
	memcpy(idp, id, KZ_ID_LEN + 1);
	for (size_t i = 0; i < (*t->nfields); i++)
		kz_str_set(kz_field_slot(rec, &t->fields[i]), (const char *)sqlite3_column_text(st, (int)i));
	read_stamp(st, (int)(*t->nfields), (struct kz_stamp *)((char *)rec + t->stamp_offset));
	sqlite3_reset(st);
	return KZ_OK;
}

enum kz_status kz_record_validate(enum kz_kind kind, void *rec,
				  struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(kind);

	for (size_t i = 0; i < (*t->nfields); i++) {
		const struct kz_field *f = &t->fields[i];
		char **slot = kz_field_slot(rec, f);

		/* One-line fields are stored without surrounding blanks. */
		if (*slot && f->type != KZ_FT_LONG)
			kz_trim(*slot);
		if (*slot && !**slot) {
			free(*slot);
			*slot = NULL;
		}
		kz_field_normalize(f, slot);
		enum kz_status st = kz_field_check(f, *slot, err);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

/* The names of the fields whose values differ, e.g. "cost, hours". */
static char *changed_fields(const struct kz_kind_info *t, void *a, void *b)
{
	struct kz_buf out = KZ_BUF_INIT;

	for (size_t i = 0; i < (*t->nfields); i++) {
		const struct kz_field *f = &t->fields[i];
		if (kz_str_eq(*kz_field_slot(a, f), *kz_field_slot(b, f)))
			continue;
		if (out.len)
			kz_buf_puts(&out, ", ");
		kz_buf_puts(&out, f->name);
	}
	return kz_buf_detach(&out);
}

static enum kz_status insert(struct kz_db *db, enum kz_kind kind, void *rec,
			     const char *summary, struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(kind);
	const char *id = (const char *)rec + t->id_offset;
	sqlite3_stmt *st = kz_db_stmt(db, sql_of(kind)->insert_sql, err);
	char now[32];
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_now_iso(now);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	bind_fields(st, t, rec);
	sqlite3_bind_text(st, (int)(*t->nfields) + 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, (int)(*t->nfields) + 3, kz_db_user(db), -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT && rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return kz_fail(err, KZ_INVALID, _("A record with id %s already exists."), id);
		return kz_db_fail(db, rc, err, t->table);
	}
	return kz_audit(db, "create", t->name, id, summary, err);
}

enum kz_status kz_record_insert(struct kz_db *db, enum kz_kind kind,
				void *rec, const char *summary,
				struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(kind);
	char *id = (char *)rec + t->id_offset;
	struct kz_stamp *stamp = (struct kz_stamp *)((char *)rec + t->stamp_offset);
	enum kz_status st;

	if (!*id)
		kz_uuid(id);
	else if (!kz_is_uuid(id))
		return kz_fail(err, KZ_INVALID, _("\"%s\" is not a valid record id."), id);
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	st = insert(db, kind, rec, summary, err);
	if (st == KZ_OK)
		st = kz_record_load(db, kind, id, rec, err);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	(void)stamp;
	return kz_db_commit(db, err);
}

/* --- many inserts at a time ----------------------------------------------- */

/* Rows in one INSERT of a batch. Each statement that opens a statement
 * journal makes FTS5 write what it holds as a new segment of search_fts:
 * inserted one by one, every record would make (and then merge) a segment
 * of its own, which costs more than the rest of its insert. */
#define BATCH_ROWS 128

static char *build_insert_rows(const struct kz_kind_info *t, size_t rows);

struct kz_record_batch {
	struct kz_db *db;
	enum kz_kind kind;
	void *rec[BATCH_ROWS];      /* owned, freed after the flush */
	char *summary[BATCH_ROWS];  /* for the audit */
	size_t n;
	size_t rows;                /* per full INSERT (the limit of parameters) */
};

/* The INSERT of a full batch of each kind, built when first needed. It
 * lives as long as the program: kz_db_stmt caches statements by the
 * address of their text. */
static const char *full_batch_sql(const struct kz_kind_info *t, size_t rows)
{
	static char *sql[KZ_KIND_COUNT];
	static size_t sql_rows[KZ_KIND_COUNT];

	if (!sql[t->kind]) {
		sql[t->kind] = build_insert_rows(t, rows);
		sql_rows[t->kind] = rows;
	}
	return sql_rows[t->kind] == rows ? sql[t->kind] : NULL;
}

/* INSERT INTO t(...) VALUES (...), ... with n rows of parameters, numbered
 * per row as in build_insert. */
static char *build_insert_rows(const struct kz_kind_info *t, size_t rows)
{
	struct kz_buf b = KZ_BUF_INIT;
	size_t n = (*t->nfields), per = n + 3;

	kz_buf_printf(&b, "INSERT INTO %s(id, ", t->table);
	for (size_t i = 0; i < n; i++)
		kz_buf_printf(&b, "%s, ", t->fields[i].name);
	kz_buf_puts(&b, STAMP_COLS ") VALUES");
	for (size_t r = 0; r < rows; r++) {
		size_t base = r * per;

		kz_buf_printf(&b, "%s(?%zu, ", r ? ", " : "", base + 1);
		for (size_t i = 0; i < n; i++)
			kz_buf_printf(&b, "?%zu, ", base + i + 2);
		kz_buf_printf(&b, "?%zu, ?%zu, ?%zu, ?%zu, 1)", base + n + 2, base + n + 3,
			      base + n + 2, base + n + 3);
	}
	return kz_buf_detach(&b);
}

struct kz_record_batch *kz_record_batch_new(struct kz_db *db, enum kz_kind kind)
{
	struct kz_record_batch *b = xcalloc(1, sizeof(*b));
	const struct kz_kind_info *t = kz_kind_of(kind);
	int limit = sqlite3_limit(kz_db_handle(db), SQLITE_LIMIT_VARIABLE_NUMBER, -1);
	size_t per = (*t->nfields) + 3;

	b->db = db;
	b->kind = kind;
	b->rows = limit > 0 ? (size_t)limit / per : 1;
	if (b->rows > BATCH_ROWS)
		b->rows = BATCH_ROWS;
	if (b->rows < 1)
		b->rows = 1;
	return b;
}

struct kz_db *kz_record_batch_db(const struct kz_record_batch *b)
{
	return b->db;
}

enum kz_kind kz_record_batch_kind(const struct kz_record_batch *b)
{
	return b->kind;
}

size_t kz_record_batch_pending(const struct kz_record_batch *b)
{
	return b ? b->n : 0;
}

bool kz_record_batch_full(const struct kz_record_batch *b)
{
	return b->n >= b->rows;
}

enum kz_status kz_record_batch_add(struct kz_record_batch *b, void *rec,
				   const char *summary, struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(b->kind);
	char *id = (char *)rec + t->id_offset;

	if (!*id)
		kz_uuid(id);
	else if (!kz_is_uuid(id))
		return kz_fail(err, KZ_INVALID, _("\"%s\" is not a valid record id."), id);
	b->summary[b->n] = xstrdup_or_null(summary);
	b->rec[b->n++] = rec;
	return KZ_OK;
}

static void batch_drop(struct kz_record_batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		kz_record_free(b->kind, b->rec[i]);
		free(b->summary[i]);
	}
	b->n = 0;
}

/* The kept records in one INSERT: KZ_OK, or a failure with nothing of
 * them written (the statement is undone as a whole). */
static enum kz_status batch_insert(struct kz_record_batch *b, struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(b->kind);
	const char *full = b->n == b->rows ? full_batch_sql(t, b->rows) : NULL;
	size_t n = (*t->nfields), per = n + 3;
	sqlite3_stmt *st;
	char now[32];
	int rc;

	if (full) {
		st = kz_db_stmt(b->db, full, err);
		if (!st)
			return err ? err->status : KZ_ENV;
	} else {
		/* A shorter batch (the last): prepared for this once. */
		char *sql = build_insert_rows(t, b->n);

		rc = sqlite3_prepare_v2(kz_db_handle(b->db), sql, -1, &st, NULL);
		free(sql);
		if (rc != SQLITE_OK)
			return kz_db_fail(b->db, rc, err, t->table);
	}
	kz_now_iso(now);
	for (size_t r = 0; r < b->n; r++) {
		int base = (int)(r * per);

		sqlite3_bind_text(st, base + 1, (const char *)b->rec[r] + t->id_offset, -1,
				  SQLITE_TRANSIENT);
		for (size_t i = 0; i < n; i++)
			kz_bind_text(st, base + (int)i + 2, *kz_field_slot(b->rec[r], &t->fields[i]));
		sqlite3_bind_text(st, base + (int)n + 2, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, base + (int)n + 3, kz_db_user(b->db), -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	if (full)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(b->db, rc, err, t->table);
}

enum kz_status kz_record_batch_flush(struct kz_record_batch *b, size_t *failed,
				     struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(b->kind);
	enum kz_status st = KZ_OK;
	size_t i = 0;

	*failed = 0;
	if (b->n == 0)
		return KZ_OK;
	/* The search texts go into the index in order at the commit. */
	kz_db_defer_search(b->db, true);
	if (b->n > 1 && batch_insert(b, NULL) == KZ_OK) {
		/* Audited one by one, in the order they were given. */
		for (; i < b->n && st == KZ_OK; i++)
			st = kz_audit(b->db, "create", t->name,
				      (const char *)b->rec[i] + t->id_offset, b->summary[i], err);
	} else {
		/* One, or a batch that failed: one by one, so that the one
		 * that fails is known and its message is its own. */
		for (; i < b->n && st == KZ_OK; i++)
			st = insert(b->db, b->kind, b->rec[i], b->summary[i], err);
	}
	kz_db_defer_search(b->db, false);
	if (st != KZ_OK)
		*failed = i - 1;
	batch_drop(b);
	return st;
}

void kz_record_batch_free(struct kz_record_batch *b)
{
	if (!b)
		return;
	batch_drop(b);
	free(b);
}

/* The fields that differ with the stored (the other person's) values,
 * e.g. 'cost: "20 zł"; hours: (empty)', long values cut. */
static char *changed_values(const struct kz_kind_info *t, void *stored, void *mine)
{
	struct kz_buf out = KZ_BUF_INIT;

	for (size_t i = 0; i < (*t->nfields); i++) {
		const struct kz_field *f = &t->fields[i];
		const char *theirs = *kz_field_slot(stored, f);
		if (kz_str_eq(theirs, *kz_field_slot(mine, f)))
			continue;
		if (out.len)
			kz_buf_puts(&out, "; ");
		kz_buf_printf(&out, "%s: ", _(f->label));
		if (kz_str_empty(theirs)) {
			kz_buf_puts(&out, _("(empty)"));
			continue;
		}
		/* at most 40 characters, never cutting a letter in two */
		size_t n = 0, chars = 0;
		while (theirs[n] && chars < 40) {
			n++;
			while ((theirs[n] & 0xC0) == 0x80)
				n++;
			chars++;
		}
		kz_buf_putc(&out, '"');
		kz_buf_add(&out, theirs, n);
		kz_buf_puts(&out, theirs[n] ? "…\"" : "\"");
	}
	return kz_buf_detach(&out);
}

static enum kz_status conflict(const struct kz_kind_info *t, void *stored,
			       void *mine, struct kz_error *err)
{
	struct kz_stamp *s = (struct kz_stamp *)((char *)stored + t->stamp_offset);
	char *fields = changed_values(t, stored, mine);
	enum kz_status st = kz_fail(err, KZ_CONFLICT,
		_("Not saved: %s changed this record at %s, after you opened it. Now saved: %s. Open it again to see the current version, then repeat your change."),
		s->updated_by ? s->updated_by : "?", s->updated_at ? s->updated_at : "?",
		*fields ? fields : "-");
	free(fields);
	return st;
}

static enum kz_status update(struct kz_db *db, enum kz_kind kind, void *rec,
			     void *stored, struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(kind);
	const char *id = (const char *)rec + t->id_offset;
	struct kz_stamp *stamp = (struct kz_stamp *)((char *)rec + t->stamp_offset);
	sqlite3_stmt *st;
	char now[32];
	int rc;

	st = kz_db_stmt(db, sql_of(kind)->update_sql, err);
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_now_iso(now);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	bind_fields(st, t, rec);
	sqlite3_bind_text(st, (int)(*t->nfields) + 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, (int)(*t->nfields) + 3, kz_db_user(db), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, (int)(*t->nfields) + 4, stamp->rev);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, t->table);
	if (sqlite3_changes(kz_db_handle(db)) != 1)
		return conflict(t, stored, rec, err);
	char *fields = changed_fields(t, stored, rec);
	enum kz_status s = kz_audit(db, "update", t->name, id, fields, err);
	free(fields);
	return s;
}

enum kz_status kz_record_update(struct kz_db *db, enum kz_kind kind,
				void *rec, void *stored, struct kz_error *err)
{
	const struct kz_kind_info *t = kz_kind_of(kind);
	const char *id = (const char *)rec + t->id_offset;
	struct kz_stamp *stamp = (struct kz_stamp *)((char *)rec + t->stamp_offset);
	struct kz_stamp *sstamp = (struct kz_stamp *)((char *)stored + t->stamp_offset);
	enum kz_status st;

	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	st = kz_record_load(db, kind, id, stored, err);
	if (st == KZ_OK && stamp->rev && sstamp->rev != stamp->rev)
		st = conflict(t, stored, rec, err);
	if (st == KZ_OK) {
		if (!stamp->rev)
			stamp->rev = sstamp->rev;
		st = update(db, kind, rec, stored, err);
	}
	if (st == KZ_OK)
		st = kz_record_load(db, kind, id, rec, err);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}

void kz_row_clear(struct kz_row *r)
{
	free(r->title);
	for (size_t c = 0; c < KZ_ROW_COLS; c++)
		free(r->col[c]);
	free(r->partner_short);
	free(r->network);
	free(r->place.key);
}

void kz_rows_free(struct kz_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++)
		kz_row_clear(&rows->v[i]);
	free(rows->v);
	memset(rows, 0, sizeof(*rows));
}

struct kz_row *kz_rows_push(struct kz_rows *rows, size_t *cap)
{
	if (rows->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		rows->v = xreallocarray(rows->v, *cap, sizeof(*rows->v));
	}
	struct kz_row *r = &rows->v[rows->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

enum kz_status kz_query_ids(struct kz_db *db, const char *sql, const char *arg,
			    const char *arg2, char (**ids)[KZ_ID_LEN + 1],
			    size_t *n, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db, sql, err);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, arg);
	if (arg2)
		kz_bind_text(q, 2, arg2);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(q, 0);
		if (!id || strlen(id) != KZ_ID_LEN)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*ids = xreallocarray(*ids, cap, sizeof(**ids));
		}
		memcpy((*ids)[(*n)++], id, KZ_ID_LEN + 1);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return kz_db_fail(db, rc, err, "ids");
	}
	return KZ_OK;
}
