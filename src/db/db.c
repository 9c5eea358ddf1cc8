#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"
#include "sync_internal.h"
#include "doc_order.h"
#include "match.h"
#include "koszyk/buf.h"
#include "koszyk/collate.h"
#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/meter.h"
#include "koszyk/locked.h"
#include "koszyk/network.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define BUSY_TIMEOUT_MS 15000
#define STMT_CACHE 64
#define TEXT_STMT_CACHE 32

struct stmt_slot {
	const char *sql;
	char *owned;  /* the text cache's copy of sql (kz_db_stmt_text) */
	sqlite3_stmt *st;
};

struct kz_db {
	sqlite3 *h;
	char *path;
	char *user;
	enum kz_role role;
	const struct kz_config *users; /* roles of authors of received changes */
	int system;      /* the program's own work passes the checks */
	int stale_days;
	int depth;       /* nesting of kz_db_begin */
	bool aborted;    /* an inner level rolled back */
	bool search_deferred; /* new records' text waits in search_pending */
	struct stmt_slot cache[STMT_CACHE];
	size_t ncache;
	struct stmt_slot text_cache[TEXT_STMT_CACHE]; /* kz_db_stmt_text */
	size_t ntext;
	struct kz_sync *sync; /* capture of changes for sync (sync.c) */
	enum kz_readonly readonly;
	bool damaged;        /* met damage, or found the mark of it */
	bool met;            /* damage met by this program since the open */
	long damage_seen;    /* corruption reports already looked into */
	char *network;       /* the network whose feed is being imported */
	struct timespec busy_since; /* when the current wait for the lock began */
	enum kz_access_state access; /* access.c */
	struct kz_matcher *matcher;  /* the search index's tokenizer (match.c) */
	bool no_wait;        /* another writer's lock is not waited for */
};

/* SQLite reports every corruption it meets to its error log, even where
 * a caller only sees "no row". Counted here; the connection looks into
 * new reports (kz_db_intact, kz_db_commit) before it trusts what it read
 * or writes. */
static volatile long corruption_reports;

static void sqlite_log(void *arg, int code, const char *msg)
{
	(void)arg;
	(void)msg;
	if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
		corruption_reports++;
}

static void install_sqlite_log(void)
{
	static bool done;

	if (!done) {
		/* Only possible before SQLite starts; a host that started it
		 * earlier (a test) keeps its own log. */
		sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, NULL);
		done = true;
	}
}

struct kz_sync *kz_db_sync(struct kz_db *db)
{
	return db->sync;
}

enum kz_access_state kz_db_access(const struct kz_db *db)
{
	return db->access;
}

void kz_db_set_access(struct kz_db *db, enum kz_access_state state)
{
	db->access = state;
}

sqlite3 *kz_db_handle(struct kz_db *db)
{
	return db->h;
}

struct kz_matcher *kz_db_matcher(struct kz_db *db)
{
	return db->matcher;
}

const char *kz_db_path(const struct kz_db *db)
{
	return db->path;
}

void kz_db_set_user(struct kz_db *db, const char *login)
{
	kz_str_set(&db->user, kz_str_empty(login) ? "unknown" : login);
}

void kz_db_set_principal(struct kz_db *db, const char *login,
			 enum kz_role role)
{
	kz_db_set_user(db, login);
	db->role = role;
}

enum kz_role kz_db_role(const struct kz_db *db)
{
	return db->role;
}

int kz_db_system_begin(struct kz_db *db)
{
	return db->system++;
}

void kz_db_system_end(struct kz_db *db, int previous)
{
	db->system = previous;
}

void kz_db_set_users(struct kz_db *db, const struct kz_config *cfg)
{
	db->users = cfg;
}

const struct kz_config *kz_db_users(const struct kz_db *db)
{
	return db->users;
}

int kz_db_effective_role(const struct kz_db *db)
{
	return db->system ? KZ_ROLE_SYSTEM_LEVEL : (int)db->role;
}

const char *kz_db_user(const struct kz_db *db)
{
	return db->user;
}

void kz_db_set_network(struct kz_db *db, const char *name)
{
	free(db->network);
	db->network = name ? xstrdup(name) : NULL;
}

const char *kz_db_network(const struct kz_db *db)
{
	return db->network;
}

void kz_db_set_stale_days(struct kz_db *db, int days)
{
	db->stale_days = days > 0 ? days : 180;
}

int kz_db_stale_days(const struct kz_db *db)
{
	return db->stale_days;
}

enum kz_readonly kz_db_readonly(const struct kz_db *db)
{
	return db->readonly;
}

static enum kz_status damaged(const char *path, struct kz_error *err)
{
	return kz_fail(err, KZ_DAMAGED,
		       _("%s is damaged: part of it cannot be read. Nothing more will be written into it. See what is damaged with \"koszyk -d %s check\", then bring back your latest backup with \"koszyk restore BACKUP NEW-FILE\" and work on the new file."),
		       path, path);
}

static void mark_damaged(struct kz_db *db)
{
	if (!db->damaged && db->readonly == KZ_RW)
		kz_db_damage_mark(db->path);
	db->damaged = true;
	db->met = true;
}

/* New corruption reports: are they about this file? (They may be about
 * a change file being read.) Its b-trees are walked to see. */
static bool damage_confirmed(struct kz_db *db)
{
	sqlite3_stmt *q = NULL;
	bool whole = false;
	long reports = corruption_reports;

	if (reports == db->damage_seen)
		return db->damaged;
	if (sqlite3_prepare_v2(db->h, "PRAGMA main.quick_check(1)", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		whole = strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
	sqlite3_finalize(q);
	db->damage_seen = corruption_reports;
	if (!whole)
		mark_damaged(db);
	return !whole;
}

bool kz_db_damaged(struct kz_db *db)
{
	return damage_confirmed(db);
}

enum kz_status kz_db_intact(struct kz_db *db, struct kz_error *err)
{
	damage_confirmed(db);
	return db->met ? damaged(db->path, err) : KZ_OK;
}

char *kz_db_notices(struct kz_db *db)
{
	struct kz_buf b = KZ_BUF_INIT;
	char *exposed = kz_db_exposure(db->path);

	if (db->readonly != KZ_RW)
		kz_buf_printf(&b, _("%s is open for reading only (%s): nothing can be changed, and who reads a case is not recorded.\n"),
			      db->path, kz_readonly_text(db->readonly));
	if (db->damaged)
		kz_buf_printf(&b, _("%s was found damaged: nothing will be written into it until \"koszyk -d %s check\" finds it whole.\n"),
			      db->path, db->path);
	if (exposed)
		kz_buf_puts(&b, exposed);
	free(exposed);
	return b.len ? kz_buf_detach(&b) : (kz_buf_free(&b), NULL);
}

enum kz_status kz_db_fail(struct kz_db *db, int rc, struct kz_error *err,
			  const char *what)
{
	const char *detail = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return kz_fail(err, KZ_ENV,
			       _("The database is busy: someone else has been saving for too long. Try again in a moment. (%s)"),
			       what);
	case SQLITE_FULL:
		return kz_fail(err, KZ_ENV,
			       _("The disk is full; nothing was saved. Free some space and try again. (%s)"),
			       what);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
	case SQLITE_AUTH:
		return kz_fail(err, KZ_ENV,
			       _("The database cannot be written: permission denied or read-only file (%s: %s)"),
			       what, detail);
	case SQLITE_IOERR:
		if (db && db->h && sqlite3_system_errno(db->h) == ENOSPC)
			return kz_fail(err, KZ_ENV,
				       _("The disk is full; nothing was saved. Free some space and try again. (%s)"),
				       what);
		return kz_fail(err, KZ_ENV, _("Disk error while working with the database (%s: %s)"),
			       what, detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		/* The damage is this file's when its own connection met it. */
		if (db && db->h) {
			int own = sqlite3_errcode(db->h) & 0xff;
			if (own == SQLITE_CORRUPT || own == SQLITE_NOTADB) {
				mark_damaged(db);
				return damaged(db->path, err);
			}
		}
		return kz_fail(err, KZ_CORRUPT, _("A database file is damaged (%s)."), what);
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_TRIGGER && db && db->h &&
		    strncmp(detail, KZ_REFUSED_PREFIX, strlen(KZ_REFUSED_PREFIX)) == 0)
			return kz_refusal(db, detail + strlen(KZ_REFUSED_PREFIX), err);
		return kz_fail(err, KZ_INVALID, _("The data breaks a rule of the database (%s: %s)"),
			       what, detail);
	default:
		return kz_fail(err, KZ_ENV, _("Database error (%s: %s)"), what, detail);
	}
}

/* A kept statement again: reset, its bindings cleared. */
static sqlite3_stmt *reuse(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* sql prepared and kept in slots (n of them, at most max), the oldest
 * dropped when they are full; copy: the slot keeps a copy of the text. */
static sqlite3_stmt *keep_stmt(struct kz_db *db, struct stmt_slot *slots, size_t *n,
			       size_t max, const char *sql, bool copy, struct kz_error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);

	if (rc != SQLITE_OK) {
		kz_db_fail(db, rc, err, "prepare");
		return NULL;
	}
	if (*n == max) {
		sqlite3_finalize(slots[0].st);
		free(slots[0].owned);
		memmove(slots, slots + 1, sizeof(*slots) * (max - 1));
		(*n)--;
	}
	slots[*n].owned = copy ? xstrdup(sql) : NULL;
	slots[*n].sql = copy ? slots[*n].owned : sql;
	slots[*n].st = st;
	(*n)++;
	return st;
}

static void drop_stmts(struct stmt_slot *slots, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_finalize(slots[i].st);
		free(slots[i].owned);
	}
}

sqlite3_stmt *kz_db_stmt(struct kz_db *db, const char *sql,
			 struct kz_error *err)
{
	for (size_t i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql)
			return reuse(db->cache[i].st);
	return keep_stmt(db, db->cache, &db->ncache, STMT_CACHE, sql, false, err);
}

/* Statements made at run time are kept by their text: sync writes a
 * column of a table with SQL it builds from the schema's names, and
 * preparing it anew for each change (the compile of a table's triggers
 * into it) took most of a laptop's import of a week of changes. */
sqlite3_stmt *kz_db_stmt_text(struct kz_db *db, const char *sql, struct kz_error *err)
{
	for (size_t i = 0; i < db->ntext; i++)
		if (strcmp(db->text_cache[i].sql, sql) == 0)
			return reuse(db->text_cache[i].st);
	return keep_stmt(db, db->text_cache, &db->ntext, TEXT_STMT_CACHE, sql, true, err);
}

int kz_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (kz_str_empty(s))
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

int kz_bind_network(sqlite3_stmt *st, int idx, const char *network)
{
	if (!network)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, network, -1, SQLITE_TRANSIENT);
}

char *kz_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? xstrdup((const char *)t) : NULL;
}

const char *kz_column_str(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

enum kz_status kz_stmt_done(struct kz_db *db, sqlite3_stmt *st, int rc,
			    const char *what, struct kz_error *err)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, what);
	return KZ_OK;
}

/* --- SQL functions ------------------------------------------------------ */

static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *t = sqlite3_value_text(argv[0]);
	char *f = kz_fold((const char *)t);
	sqlite3_result_text(ctx, f, -1, free);
}

static void sql_fold_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *f = kz_fold_key((const char *)sqlite3_value_text(argv[0]));
	sqlite3_result_text(ctx, f, -1, free);
}

/* kz_login() and kz_role(): the principal of the connection, for the
 * access checks in SQL (access.c). Not deterministic: the program may
 * change the principal between statements. */
static void sql_login(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct kz_db *db = sqlite3_user_data(ctx);
	sqlite3_result_text(ctx, db->user ? db->user : "", -1, SQLITE_TRANSIENT);
}

/* kz_search_deferred(): do new records' texts wait in search_pending
 * (migration 21)? */
static void sql_search_deferred(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct kz_db *db = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, db->search_deferred);
}

void kz_db_defer_search(struct kz_db *db, bool on)
{
	db->search_deferred = on;
}

static enum kz_status exec(struct kz_db *db, const char *sql, struct kz_error *err);

/* The first column of a one-row query (0 when it cannot be read). */
static sqlite3_int64 first_int(struct kz_db *db, const char *sql)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, NULL);
	sqlite3_int64 n = 0;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return n;
}

/* The documents of the search index. */
static sqlite3_int64 search_docs(struct kz_db *db)
{
	return first_int(db, "SELECT count(*) FROM search_doc");
}

/* A write of at least this many documents, and a tenth of the index or
 * more, leaves the index in one piece (search_merge_all). FTS5 writes
 * what it holds in memory as a new piece (segment) every megabyte or so
 * and merges pieces four at a time: 100,000 records left 14 pieces, and
 * every query looks each word up in every piece (the global lookup of
 * "psych" at 100,000 services: 5.7 ms in 14 pieces, 0.3 ms in one). */
#define BULK_DOCS 1000

/* A command that wrote merges the search index into one piece when it is
 * in TIDY_AFTER_FROM pieces or more and small enough to take a moment
 * (kz_search_tidy_after_writes): records added one command at a time by
 * a script leave it in pieces. A merge begun and not finished is one more
 * piece, and each command adds one: the merge must end within the
 * command. A larger index is merged by FTS5 as it grows, by bulk writes
 * and by the screens while nobody types. */
#define TIDY_AFTER_PAGES 2048
#define TIDY_AFTER_FROM 5

/* Pages of the search index merged by one statement (below). */
#define MERGE_PAGES 256

/* The search index merged into one piece, MERGE_PAGES at a time: what
 * FTS5's 'optimize' does in one statement, which held every page of the
 * index it rewrote in memory until its end (see FLUSH_CHUNK). FTS5 says
 * it is done when a merge changes fewer than two rows. */
static enum kz_status search_merge_all(struct kz_db *db, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO search_fts(search_fts, rank) VALUES('merge', ?1)", err);
	enum kz_status s = st ? KZ_OK : err ? err->status : KZ_ENV;
	sqlite3_int64 before;

	do {
		before = sqlite3_total_changes64(db->h);
		if (s == KZ_OK) {
			sqlite3_bind_int(st, 1, -MERGE_PAGES);
			s = kz_db_step(db, st, "search index", err);
		}
	} while (s == KZ_OK && sqlite3_total_changes64(db->h) - before >= 2);
	return s;
}

/* A bulk write of the search index (an import, a migration's copy)
 * lets FTS5 hold this much in memory before it writes a piece (its
 * default: 1 MB), merges nothing as it goes, and merges a level in a
 * crisis only at FTS5's most pieces (2,000). At 1 MB a million services
 * made some 4,000 pieces, and the crisis merge of 2,000 of them in the
 * copy's statement kept every page it freed in memory to undo the
 * statement alone: 1.65 GB. 8 MB makes some 500. FTS5 keeps these in
 * the index's own settings: BULK_SETTINGS and FTS5's defaults again
 * after (FTS5_DEFAULTS). */
#define BULK_SETTINGS(t)                                                  \
	"INSERT INTO " t "(" t ", rank) VALUES('automerge', 0);"          \
	" INSERT INTO " t "(" t ", rank) VALUES('crisismerge', 2000);"    \
	" INSERT INTO " t "(" t ", rank) VALUES('hashsize', 8388608)"
#define FTS5_DEFAULTS                                                     \
	"INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 4);"    \
	" INSERT INTO search_fts(search_fts, rank) VALUES('crisismerge', 16);" \
	" INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', 1048576)"

/* Waiting texts go to FTS5 this many at a time: one statement of them
 * all held every page it changed in memory until its end (a statement
 * inside a transaction keeps what it changes to undo it alone, and
 * temp_store is MEMORY: 75 MB at 100,000 services). */
#define FLUSH_CHUNK 1000

/* The last docid of the next chunk of waiting texts after docid lo;
 * INT64_MAX when the chunk is the last. */
static enum kz_status chunk_end(struct kz_db *db, sqlite3_int64 lo, sqlite3_int64 *hi,
				struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT docid FROM search_pending WHERE docid > ?1"
				      " ORDER BY docid LIMIT 1 OFFSET ?2", err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int(st, 2, FLUSH_CHUNK - 1);
	rc = sqlite3_step(st);
	*hi = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : INT64_MAX;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KZ_OK
	       : kz_db_fail(db, rc, err, "search index");
}

/* The texts that waited, into the search index in docid order: one
 * pass of FTS5 over sorted rows (migration 21), a chunk at a time. */
static enum kz_status search_flush(struct kz_db *db, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT 1 FROM search_pending LIMIT 1", err);
	sqlite3_int64 lo = INT64_MIN, hi = INT64_MIN, written = 0;
	enum kz_status s;
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "search index");
	/* Numbered in list order first, then written in that order. FTS5
	 * merges nothing while they go in: the pieces are merged once,
	 * below, where merging as it went rewrote them again and again. */
	s = kz_doc_place_waiting(db, err);
	if (s == KZ_OK)
		s = exec(db, BULK_SETTINGS("search_fts"), err);
	while (s == KZ_OK && hi != INT64_MAX && (s = chunk_end(db, lo, &hi, err)) == KZ_OK) {
		st = kz_db_stmt(db, "INSERT INTO search_fts(rowid, title, body)"
				" SELECT docid, title, body FROM search_pending"
				" WHERE docid > ?1 AND docid <= ?2 ORDER BY docid", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_int64(st, 1, lo);
		sqlite3_bind_int64(st, 2, hi);
		s = kz_db_step(db, st, "search index", err);
		written += sqlite3_changes64(db->h);
		lo = hi;
	}
	if (s == KZ_OK && (st = kz_db_stmt(db, "DELETE FROM search_pending", err)))
		s = kz_db_step(db, st, "search index", err);
	else if (s == KZ_OK)
		s = err ? err->status : KZ_ENV;
	/* FTS5's own defaults again */
	if (s == KZ_OK)
		s = exec(db, FTS5_DEFAULTS, err);
	if (s == KZ_OK && written >= BULK_DOCS && written * 10 >= search_docs(db))
		s = search_merge_all(db, err);
	return s;
}

/* A statement run again and again until it changes no row. */
static enum kz_status repeat_while_changing(struct kz_db *db, const char *sql,
					    struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, err);
	enum kz_status s;

	if (!st)
		return err ? err->status : KZ_ENV;
	do
		s = kz_db_step(db, st, "migration", err);
	while (s == KZ_OK && sqlite3_changes64(db->h) > 0);
	return s;
}

/* Migration 24: the change log into sync_change_24 (a table with rowids)
 * a thousand changes at a time in its order, the old table emptied as
 * the old search index is (below), and the new one takes its name. One
 * INSERT … SELECT and a DROP of it all held 714 MB at 100,000 services. */
static enum kz_status log_rowid_migration(struct kz_db *db, struct kz_error *err)
{
	sqlite3_stmt *copy, *last;
	char *origin = xstrdup("");
	sqlite3_int64 seq = INT64_MIN, idx = INT64_MIN, copied = 0;
	enum kz_status s = KZ_OK;

	for (;;) {
		copy = kz_db_stmt(db, "INSERT INTO sync_change_24(origin, seq, idx, tbl, row_id, op, vals)"
				  " SELECT origin, seq, idx, tbl, row_id, op, vals FROM sync_change"
				  " WHERE (origin, seq, idx) > (?1, ?2, ?3)"
				  " ORDER BY origin, seq, idx LIMIT 1000", err);
		last = kz_db_stmt(db, "SELECT origin, seq, idx FROM sync_change_24"
				  " ORDER BY rowid DESC LIMIT 1", err);
		if (!copy || !last) {
			s = err ? err->status : KZ_ENV;
			break;
		}
		sqlite3_bind_text(copy, 1, origin, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(copy, 2, seq);
		sqlite3_bind_int64(copy, 3, idx);
		if ((s = kz_db_step(db, copy, "migration", err)) != KZ_OK ||
		    sqlite3_changes64(db->h) == 0)
			break;
		copied += sqlite3_changes64(db->h);
		kz_meter_report((long)copied, 0);
		if (sqlite3_step(last) == SQLITE_ROW) {
			kz_str_set(&origin, (const char *)sqlite3_column_text(last, 0));
			seq = sqlite3_column_int64(last, 1);
			idx = sqlite3_column_int64(last, 2);
		}
		sqlite3_reset(last);
	}
	free(origin);
	if (s == KZ_OK)
		s = repeat_while_changing(db, "DELETE FROM sync_change WHERE (origin, seq, idx) IN"
					  " (SELECT origin, seq, idx FROM sync_change LIMIT 1000)", err);
	if (s == KZ_OK)
		s = exec(db, "DROP TABLE sync_change;"
			 " ALTER TABLE sync_change_24 RENAME TO sync_change;"
			 " CREATE INDEX sync_change_row ON sync_change(row_id)", err);
	return s;
}

/* The old index's tables emptied a thousand rows at a time before it is
 * dropped: a DROP TABLE of it whole kept every page it freed in memory
 * until its end (338 MB at 100,000 services), as one statement of a
 * transaction does (see FLUSH_CHUNK). */
static enum kz_status empty_old_index(struct kz_db *db, struct kz_error *err)
{
	static const char *const sql[] = {
		"DELETE FROM search_fts_data WHERE id IN"
		" (SELECT id FROM search_fts_data ORDER BY id LIMIT 1000)",
		"DELETE FROM search_fts_content WHERE id IN"
		" (SELECT id FROM search_fts_content ORDER BY id LIMIT 1000)",
		"DELETE FROM search_fts_docsize WHERE id IN"
		" (SELECT id FROM search_fts_docsize ORDER BY id LIMIT 1000)",
		"DELETE FROM search_fts_idx WHERE (segid, term) IN"
		" (SELECT segid, term FROM search_fts_idx LIMIT 1000)",
	};
	enum kz_status s = KZ_OK;

	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]) && s == KZ_OK; i++)
		s = repeat_while_changing(db, sql[i], err);
	return s;
}

/* Migration 26: the records of the search index into search_fts_26
 * (made by the migration's SQL), FLUSH_CHUNK at a time as search_flush
 * writes them, each title made again with its kind's marks
 * (kz_fts_retitle); the old index emptied and dropped, and the new one
 * takes the name search_fts. It is merged into one piece once the
 * migrations are committed (search_merge_steps). legacy_alter_table: the
 * triggers that write search_fts are left as they are (a rename would
 * rewrite them, and fail on the name of the table just dropped). */
static enum kz_status search_rebuild(struct kz_db *db, struct kz_error *err)
{
	const char *copy = "INSERT INTO search_fts_26(rowid, title, body)"
		" SELECT rowid, kz_fts_retitle(rowid, title), body"
		" FROM search_fts WHERE rowid > ?1 ORDER BY rowid LIMIT ?2";
	const char *rename = "DROP TABLE search_fts; PRAGMA legacy_alter_table = ON;"
		" ALTER TABLE search_fts_26 RENAME TO search_fts;"
		" PRAGMA legacy_alter_table = OFF";
	sqlite3_int64 last = INT64_MIN, total = search_docs(db), done = 0, n;
	enum kz_status s = exec(db, BULK_SETTINGS("search_fts_26"), err);
	sqlite3_stmt *st;

	/* The meter of whoever opens the database (the command line's
	 * line); a new database's empty index says nothing. */
	if (total > 0)
		kz_meter_report(0, (long)(2 * total));
	while (s == KZ_OK) {
		if (!(st = kz_db_stmt(db, copy, err))) {
			s = err ? err->status : KZ_ENV;
			break;
		}
		sqlite3_bind_int64(st, 1, last);
		sqlite3_bind_int(st, 2, FLUSH_CHUNK);
		if ((s = kz_db_step(db, st, "search index", err)) != KZ_OK ||
		    (n = sqlite3_changes64(db->h)) == 0)
			break;
		done += n;
		last = first_int(db, "SELECT max(rowid) FROM search_fts_26");
		if (total > 0)
			kz_meter_report((long)(done < total ? done : total), (long)(2 * total));
	}
	if (s == KZ_OK)
		s = empty_old_index(db, err);
	if (s == KZ_OK)
		s = exec(db, rename, err);
	else
		exec(db, "PRAGMA legacy_alter_table = OFF", NULL);
	/* FTS5's own defaults again */
	if (s == KZ_OK)
		s = exec(db, FTS5_DEFAULTS, err);
	return s;
}

/* The pages (4 KiB) of the search index. */
static sqlite3_int64 search_pages(struct kz_db *db)
{
	return first_int(db, "SELECT count(*) FROM search_fts_data");
}

/* Pages of the search index merged by one transaction of
 * search_merge_steps. */
#define MERGE_STEP_PAGES 4096

/* The search index merged into one piece after a migration made it anew
 * in pieces (done, of total: the meter's count before and after it), a
 * transaction every MERGE_STEP_PAGES pages. FTS5 merges every piece at
 * once into one (a merge of -N pages), going on where the last step
 * stopped. Inside the migrations' transaction (256 pages a statement)
 * it had not ended after 49 minutes at a million services, the log's
 * index searched at every page read (migrate_file); one 'optimize'
 * after them held 3.2 GB of memory until its end. A step cuts what its
 * pieces have given (fts5TrimSegments): bigger steps cut less often. An
 * index left in pieces (stopped here) is whole all the same. */
static enum kz_status search_merge_steps(struct kz_db *db, long done, long total,
					 struct kz_error *err)
{
	sqlite3_int64 pages = search_pages(db), merged = 0, before;
	sqlite3_stmt *st;
	enum kz_status s;

	do {
		if (!(st = kz_db_stmt(db, "INSERT INTO search_fts(search_fts, rank)"
				      " VALUES('merge', ?1)", err)))
			return err ? err->status : KZ_ENV;
		sqlite3_bind_int(st, 1, -MERGE_STEP_PAGES);
		before = sqlite3_total_changes64(db->h);
		s = kz_db_step(db, st, "search index", err);
		merged += MERGE_STEP_PAGES;
		if (total > 0 && pages > 0)
			kz_meter_report(done + (long)((total - done) * (merged < pages ? merged : pages) / pages),
					total);
	} while (s == KZ_OK && sqlite3_total_changes64(db->h) - before >= 2);
	return s;
}

void kz_search_tidy_after_writes(struct kz_db *db)
{
	struct kz_error err = { 0 };
	bool more;

	if (!db || sqlite3_total_changes64(db->h) == 0 || db->readonly != KZ_RW ||
	    kz_search_pieces(db) < TIDY_AFTER_FROM || search_pages(db) > TIDY_AFTER_PAGES)
		return;
	if (kz_search_tidy(db, TIDY_AFTER_PAGES, TIDY_AFTER_FROM, &more, &err) != KZ_OK)
		kz_error_clear(&err);  /* another time */
}

int kz_search_pieces(struct kz_db *db)
{
	return (int)first_int(db, "SELECT count(*) FROM (SELECT DISTINCT segid FROM search_fts_idx)");
}

enum kz_status kz_search_tidy(struct kz_db *db, int pages, int from, bool *more,
			      struct kz_error *err)
{
	enum kz_status s;
	sqlite3_stmt *st;
	int rc;

	*more = false;
	if (db->readonly != KZ_RW || db->depth > 0 || kz_search_pieces(db) < from)
		return KZ_OK;
	/* Writes are refused until the access checks are made (access.c). */
	if ((s = kz_access_ensure(db, err)) != KZ_OK)
		return s;
	/* Another program writing: tidied another time, nobody waits. */
	db->no_wait = true;
	rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	db->no_wait = false;
	if ((rc & 0xff) == SQLITE_BUSY)
		return KZ_OK;
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "search index");
	/* merge with -N: N pages of the work of 'optimize', which makes the
	 * index one piece; the next call goes on where this one stopped. */
	st = kz_db_stmt(db, "INSERT INTO search_fts(search_fts, rank) VALUES('merge', ?1)", err);
	s = st ? KZ_OK : err ? err->status : KZ_ENV;
	if (st) {
		sqlite3_bind_int(st, 1, -pages);
		s = kz_db_step(db, st, "search index", err);
	}
	if (s == KZ_OK && damage_confirmed(db))
		s = damaged(db->path, err);
	rc = sqlite3_exec(db->h, s == KZ_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	if (s == KZ_OK && rc != SQLITE_OK) {
		s = kz_db_fail(db, rc, err, "commit");
		if (!sqlite3_get_autocommit(db->h))
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	}
	*more = s == KZ_OK && kz_search_pieces(db) > 1;
	return s;
}

static void sql_role(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, kz_db_effective_role(sqlite3_user_data(ctx)));
}

/* The collation KZ_PL: Polish alphabetical order (collate.h). */
static int sql_collate_pl(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return kz_collate_n(a, alen, b, blen);
}

/* kz_person_key(name): a person sorts by surname, then first names. */
static void sql_person_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *k = kz_person_key((const char *)sqlite3_value_text(argv[0]));
	sqlite3_result_text(ctx, k, -1, free);
}

/* kz_pl_key(text): the bytes that sort as the text under KZ_PL
 * (kz_collate_key), kept in search_doc.pl_key for the lists' index. */
static void sql_pl_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	size_t len;
	unsigned char *key;

	(void)argc;
	if (!text) {
		sqlite3_result_null(ctx);
		return;
	}
	key = kz_collate_key(text, (size_t)sqlite3_value_bytes(argv[0]), &len);
	sqlite3_result_blob64(ctx, key, len, free);
}

static int register_functions(struct kz_db *db)
{
	sqlite3 *h = db->h;
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(h, "kz_fold", 1, flags, NULL, sql_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(h, "KZ_PL", SQLITE_UTF8, NULL, sql_collate_pl);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_person_key", 1, flags, NULL,
					     sql_person_key, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_pl_key", 1, flags, NULL, sql_pl_key,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_fold_key", 1, flags, NULL, sql_fold_key,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = kz_match_register(h, &db->matcher);
	if (rc == SQLITE_OK)
		rc = kz_doc_order_register(h);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_search_deferred", 0,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, db,
					     sql_search_deferred, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_login", 0, SQLITE_UTF8,
					     db, sql_login, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_role", 0, SQLITE_UTF8,
					     db, sql_role, NULL, NULL);
	return rc;
}

/* --- opening ------------------------------------------------------------ */

static enum kz_status exec(struct kz_db *db, const char *sql, struct kz_error *err)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? KZ_OK : kz_db_fail(db, rc, err, "exec");
}

static int user_version(struct kz_db *db, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int count_tables(struct kz_db *db, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static enum kz_status not_koszyk(struct kz_db *db, struct kz_error *err)
{
	return kz_fail(err, KZ_CORRUPT,
		       _("%s is not a koszyk database (it is some other file). Give the path of a koszyk database, or a new path to create one."),
		       db->path);
}

static enum kz_status init_meta(struct kz_db *db, struct kz_error *err)
{
	char id[KZ_ID_LEN + 1], now[32];
	enum kz_status st;

	kz_now_iso(now);
	st = kz_db_meta_set(db, "app", "koszyk", err);
	if (st == KZ_OK)
		st = kz_db_meta_set(db, "created_at", now, err);
	kz_uuid(id);
	if (st == KZ_OK)
		st = kz_db_meta_set(db, "partnership_id", id, err);
	kz_uuid(id);
	if (st == KZ_OK)
		st = kz_db_meta_set(db, "replica_id", id, err);
	return st;
}

static enum kz_status key_migration(struct kz_db *db, struct kz_error *err)
{
	unsigned char key[KZ_KEY_BYTES];
	char *need = kz_db_meta_get(db, "need_to_know");
	bool replica = need && strcmp(need, "1") == 0;
	bool held = kz_key_load(db, key);

	free(need);
	sodium_memzero(key, sizeof(key));
	return replica || held ? KZ_OK : kz_key_make(db, err);
}

/* Migration 14: the CHECK of meetings.kind (migration 3) takes the
 * working group and the training too. SQLite cannot alter a CHECK; its
 * documented way to loosen one is to edit the table's text in the schema
 * and bump schema_version (https://sqlite.org/lang_altertable.html,
 * section 9), here inside the migrations' transaction. Run again (a
 * schema brought back to 13 by hand) it changes nothing. */
static enum kz_status meeting_kinds_migration(struct kz_db *db, struct kz_error *err)
{
	char bump[64];
	char *was = kz_query_text(db, "PRAGMA schema_version", NULL);
	enum kz_status st;

	snprintf(bump, sizeof(bump), "PRAGMA schema_version = %ld",
		 (was ? strtol(was, NULL, 10) : 0) + 1);
	free(was);
	st = exec(db, "PRAGMA writable_schema = ON;"
		  " UPDATE sqlite_master SET sql = replace(sql,"
		  " '(''partnership'', ''case_team'')',"
		  " '(''partnership'', ''case_team'', ''working_group'', ''training'')')"
		  " WHERE type = 'table' AND name = 'meetings'", err);
	if (st == KZ_OK)
		st = exec(db, bump, err);
	exec(db, "PRAGMA writable_schema = OFF", NULL);
	return st;
}

static enum kz_status migrate_a_copy(struct kz_db *db, int version,
				     struct kz_error *err);
static enum kz_status run_migrations(struct kz_db *db, int version,
				     struct kz_error *err);
static enum kz_status migrate_file(struct kz_db *db, int version, struct kz_error *err);

static enum kz_status migrate(struct kz_db *db, struct kz_error *err)
{
	int version = 0, tables = 0, rc;

	rc = user_version(db, &version);
	if (rc == SQLITE_OK)
		rc = count_tables(db, &tables);
	/* The header said SQLite (check_header): a schema that cannot be
	 * read is damage, not a stranger's file. */
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) {
		mark_damaged(db);
		return damaged(db->path, err);
	}
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, db->path);
	if (version == 0 && tables > 0)
		return not_koszyk(db, err);
	if (version > kz_db_schema_version())
		return kz_fail(err, KZ_CORRUPT,
			       _("%s was written by a newer version of koszyk (schema %d, this program knows %d). Update koszyk."),
			       db->path, version, kz_db_schema_version());
	if (version == kz_db_schema_version()) {
		char *app = kz_db_meta_get(db, "app");
		bool ok = app && strcmp(app, "koszyk") == 0;
		free(app);
		if (!ok && damage_confirmed(db))
			return damaged(db->path, err);
		return ok ? KZ_OK : not_koszyk(db, err);
	}
	if (db->readonly != KZ_RW)
		return migrate_a_copy(db, version, err);
	return migrate_file(db, version, err);
}

/* The connection's journal set to mode ("delete", "wal"); false when it
 * cannot be now (another connection has the file open), which is not
 * waited for. */
static bool set_journal(struct kz_db *db, const char *mode)
{
	char sql[40];
	sqlite3_stmt *st;
	bool set = false;

	snprintf(sql, sizeof(sql), "PRAGMA journal_mode = %s", mode);
	db->no_wait = true;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK) {
		set = sqlite3_step(st) == SQLITE_ROW &&
		      strcmp((const char *)sqlite3_column_text(st, 0), mode) == 0;
		sqlite3_finalize(st);
	}
	db->no_wait = false;
	return set;
}

/* The migrations of a file of an older koszyk, with a rollback journal
 * when nobody else has the file open. In one transaction with the
 * write-ahead log, every page read looks through the log's index of every
 * page the transaction has written, and the migrations of a million
 * services spent 78% of their time there (sqlite3WalFindFrame), slower
 * as the log grew past 9 GB. The log again after them (else when the
 * next connection opens it). */
static enum kz_status migrate_file(struct kz_db *db, int version, struct kz_error *err)
{
	bool journal = version > 0 && set_journal(db, "delete");
	enum kz_status st = run_migrations(db, version, err);

	if (journal)
		set_journal(db, "wal");
	return st;
}

/* A file of an older koszyk that may only be read (a backup on a CD) is
 * read from a copy in memory, brought up to date there; the file stays
 * as it is. */
static enum kz_status migrate_a_copy(struct kz_db *db, int version,
				     struct kz_error *err)
{
	enum kz_readonly why = db->readonly;
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	enum kz_status st;
	int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);

	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(mem, "main", db->h, "main");
		rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(mem);
		if (b)
			sqlite3_backup_finish(b);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc != SQLITE_OK) {
		st = kz_fail(err, KZ_ENV,
			     _("%s was made by an older koszyk and must be brought up to date once by someone who may change it (%s)."),
			     db->path, kz_readonly_text(why));
		sqlite3_close(mem);
		return st;
	}
	sqlite3_close(db->h);
	db->h = mem;
	sqlite3_extended_result_codes(db->h, 1);
	rc = register_functions(db);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, db->path);
	db->readonly = KZ_RW;
	st = exec(db, "PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON", err);
	if (st == KZ_OK)
		st = run_migrations(db, version, err);
	db->readonly = why;
	return st;
}

static enum kz_status run_migrations(struct kz_db *db, int version,
				     struct kz_error *err)
{
	enum kz_status st;

	kz_sync_pause(db, true);
	st = kz_db_begin(db, err);
	kz_sync_pause(db, false);
	if (st != KZ_OK)
		return st;
	for (int v = version + 1; v <= kz_db_schema_version() && st == KZ_OK; v++) {
		char pragma[64];
		for (const char *const *piece = kz_db_migration(v); *piece && st == KZ_OK; piece++)
			st = exec(db, *piece, err);
		/* The existing audit entries are chained in C. */
		if (st == KZ_OK && v == 6)
			st = kz_audit_chain_existing(db, err);
		/* The partnership's key: made here by a new database and by an
		 * office database from before; a replica that holds only its
		 * person's cases waits for the office's key (key import, or a
		 * new clone). */
		if (st == KZ_OK && v == 10)
			st = key_migration(db, err);
		if (st == KZ_OK && v == 14)
			st = meeting_kinds_migration(db, err);
		if (st == KZ_OK && v == 24)
			st = log_rowid_migration(db, err);
		/* Migration 26 makes the index anew: 25's is dropped */
		if (st == KZ_OK && v == 25)
			st = exec(db, "DROP TABLE search_fts_25", err);
		if (st == KZ_OK && v == 26)
			st = search_rebuild(db, err);
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v);
		if (st == KZ_OK)
			st = exec(db, pragma, err);
	}
	if (st == KZ_OK && version == 0)
		st = init_meta(db, err);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	st = kz_db_commit(db, err);
	/* the meter's second half: search_rebuild reported the first */
	if (st == KZ_OK && version < 26) {
		long docs = (long)search_docs(db);
		st = search_merge_steps(db, docs, 2 * docs, err);
	}
	return st;
}

/* Refuse early, with a clear message, a file that is not SQLite at all. */
static enum kz_status check_header(const char *path, bool *exists,
				   struct kz_error *err)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	struct stat sb;
	int fd;
	ssize_t n;

	*exists = false;
	if (stat(path, &sb) < 0) {
		if (errno == ENOENT)
			return KZ_OK;
		return kz_fail(err, KZ_ENV, _("%s: cannot open the database: %s"),
			       path, strerror(errno));
	}
	*exists = true;
	if (S_ISDIR(sb.st_mode))
		return kz_fail(err, KZ_INVALID, _("%s is a folder, not a database file"), path);
	if (sb.st_size == 0)
		return KZ_OK;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return kz_fail(err, KZ_ENV, _("%s: cannot open the database: %s"),
			       path, strerror(errno));
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n == (ssize_t)sizeof(head) && kz_locked_file(path))
		return kz_fail(err, KZ_INVALID,
			       _("%s is a locked backup or change file, not a database. Bring a backup back with \"koszyk restore BACKUP NEW.db\"; apply a change file with \"koszyk sync import\"."),
			       path);
	if ((n != (ssize_t)sizeof(head) || memcmp(head, magic, sizeof(magic)) != 0) &&
	    kz_db_looks_like_koszyk(path)) {
		kz_db_damage_mark(path);
		return damaged(path, err);
	}
	if (n != (ssize_t)sizeof(head) || memcmp(head, magic, sizeof(magic)) != 0)
		return kz_fail(err, KZ_CORRUPT,
			       _("%s is not a koszyk database (it is some other file). Give the path of a koszyk database, or a new path to create one."),
			       path);
	return KZ_OK;
}

static enum kz_status create_file(const char *path, struct kz_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0 && errno != EEXIST)
		return kz_fail(err, errno == ENOENT ? KZ_INVALID : KZ_ENV,
			       _("%s: cannot create the database: %s"), path,
			       strerror(errno));
	if (fd >= 0)
		close(fd);
	return KZ_OK;
}

/* The SQLite connection: read and write, or read-only without leaving
 * -wal and -shm beside a file the person may only read. */
static int open_handle(struct kz_db *db)
{
	int rc;

	if (db->readonly == KZ_RW)
		return sqlite3_open_v2(db->path, &db->h,
				       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	char *uri = kz_db_uri(db->path, kz_db_immutable(db->path, db->readonly));
	rc = sqlite3_open_v2(uri, &db->h,
			     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
	free(uri);
	return rc;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t0->tv_sec) * 1000 +
	       (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Waits for another writer's lock in short, jittered naps until
 * BUSY_TIMEOUT_MS. SQLite's own handler backs off to 100 ms naps, during
 * which a busy writer takes the lock again and again: the waiting one
 * can starve while the other saves hundreds of edits. */
static int wait_for_lock(void *arg, int tries)
{
	struct kz_db *db = arg;

	if (db->no_wait)
		return 0;
	if (tries == 0)
		clock_gettime(CLOCK_MONOTONIC, &db->busy_since);
	else if (ms_since(&db->busy_since) >= BUSY_TIMEOUT_MS)
		return 0;
	unsigned nap_us = 200 + randombytes_uniform(tries < 10 ? 800 : 3800);
	struct timespec nap = { 0, (long)nap_us * 1000 };
	nanosleep(&nap, NULL);
	return 1;
}

static enum kz_status configure(struct kz_db *db, struct kz_error *err)
{
	enum kz_status st;
	int rc;

	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_handler(db->h, wait_for_lock, db);
	rc = register_functions(db);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, db->path);
	/* Pages are checked as they are read: damage is met sooner. */
	st = exec(db, "PRAGMA cell_size_check = ON; PRAGMA temp_store = MEMORY", err);
	if (st != KZ_OK || db->readonly != KZ_RW)
		return st;
	st = exec(db, "PRAGMA journal_mode = WAL", err);
	if (st == KZ_OK)
		st = exec(db, "PRAGMA synchronous = FULL", err);
	return st;
}

/* A full disk found only by SQLite (quotas, a disk filled since the
 * look at it): the file is opened again, for reading. */
static bool full_disk_met(struct kz_db *db, enum kz_status st)
{
	int rc;

	if (st != KZ_ENV || db->readonly != KZ_RW || !db->h)
		return false;
	rc = sqlite3_errcode(db->h) & 0xff;
	return rc == SQLITE_FULL ||
	       (rc == SQLITE_IOERR && sqlite3_system_errno(db->h) == ENOSPC);
}

static enum kz_status open_connection(struct kz_db *db, struct kz_error *err)
{
	enum kz_status st;
	int rc;

	db->access = KZ_ACCESS_OPENING;
	rc = open_handle(db);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, db->path);
	st = configure(db, err);
	if (full_disk_met(db, st)) {
		sqlite3_close(db->h);
		db->h = NULL;
		db->readonly = KZ_RO_DISK_FULL;
		kz_error_clear(err);
		return open_connection(db, err);
	}
	if (st == KZ_OK)
		st = exec(db, "PRAGMA foreign_keys = ON", err);
	/* A replica holding only its person's cases: before its migrations
	 * too, which copy tables and free the old ones' pages (see below). */
	if (st == KZ_OK && db->readonly == KZ_RW && sync_need_filtered(db))
		st = exec(db, "PRAGMA secure_delete = ON", err);
	if (st == KZ_OK)
		st = migrate(db, err);
	if (st == KZ_OK)
		st = kz_access_install(db, err);
	/* (A file marked damaged gets no write at all, this one neither.) */
	if (st == KZ_OK && db->readonly == KZ_RW && !db->damaged)
		st = kz_sync_ensure_replica(db, NULL, err);
	/* A replica holding only its person's cases overwrites whatever it
	 * frees, so that a case that leaves it leaves no copy behind (pages
	 * rebalanced while the case was there included). */
	if (st == KZ_OK && db->readonly == KZ_RW && sync_need_filtered(db))
		st = exec(db, "PRAGMA secure_delete = ON", err);
	if (st == KZ_OK && db->readonly != KZ_RW)
		st = exec(db, "PRAGMA query_only = ON", err);
	return st;
}

enum kz_status kz_db_open(const char *path, enum kz_open_mode mode,
			  struct kz_db **out, struct kz_error *err)
{
	struct kz_db *db;
	bool exists;
	enum kz_status st;

	*out = NULL;
	install_sqlite_log();
	/* The audit trail's hashes and keys (libsodium). */
	if (sodium_init() < 0)
		return kz_fail(err, KZ_ENV, _("The cryptographic library cannot be started (no source of random numbers?)."));
	st = check_header(path, &exists, err);
	if (st != KZ_OK)
		return st;
	if (!exists && mode == KZ_OPEN_EXISTING)
		return kz_fail(err, KZ_INVALID,
			       _("%s: there is no database here. Create one with \"koszyk init\" or \"koszyk demo\"."),
			       path);
	if (!exists && (st = create_file(path, err)) != KZ_OK)
		return st;

	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	db->stale_days = 180;
	db->sync = kz_sync_new();
	db->readonly = exists ? kz_db_readonly_reason(path) : KZ_RW;
	db->damaged = kz_db_damage_marked(path);
	db->damage_seen = corruption_reports;
	kz_db_set_user(db, NULL);
	st = open_connection(db, err);
	if (st != KZ_OK) {
		kz_db_close(db);
		return st;
	}
	*out = db;
	return KZ_OK;
}

void kz_db_close(struct kz_db *db)
{
	if (!db)
		return;
	kz_sync_free(db->sync);
	drop_stmts(db->cache, db->ncache);
	drop_stmts(db->text_cache, db->ntext);
	if (db->h)
		sqlite3_close(db->h);
	free(db->path);
	free(db->user);
	free(db->network);
	free(db);
}

/* --- transactions ------------------------------------------------------- */

enum kz_status kz_db_may_change(struct kz_db *db, struct kz_error *err)
{
	if (db->readonly == KZ_RO_DISK_FULL)
		return kz_fail(err, KZ_ENV,
			       _("The disk is full: %s is open for reading only and nothing can be saved. Free some space and start koszyk again."),
			       db->path);
	if (db->readonly != KZ_RW)
		return kz_fail(err, KZ_ENV,
			       _("%s is open for reading only (%s): nothing can be changed in it."),
			       db->path, kz_readonly_text(db->readonly));
	if (damage_confirmed(db))
		return damaged(db->path, err);
	return KZ_OK;
}

enum kz_status kz_db_begin(struct kz_db *db, struct kz_error *err)
{
	if (db->depth == 0) {
		enum kz_status refused = kz_db_may_change(db, err);
		if (refused != KZ_OK)
			return refused;
		refused = kz_access_ensure(db, err);
		if (refused != KZ_OK)
			return refused;
		int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return kz_db_fail(db, rc, err, "begin");
		db->aborted = false;
		enum kz_status st = kz_sync_capture_begin(db, err);
		if (st != KZ_OK) {
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
			return st;
		}
	}
	db->depth++;
	return KZ_OK;
}

enum kz_status kz_db_commit(struct kz_db *db, struct kz_error *err)
{
	if (db->depth == 0)
		return KZ_OK;
	if (--db->depth > 0)
		return KZ_OK;
	if (db->aborted) {
		db->aborted = false;
		kz_sync_capture_end(db);
		return kz_fail(err, KZ_ENV, _("The change was cancelled; nothing was saved."));
	}
	/* Records added where the search index had no room between their
	 * neighbours take their places (doc_order.c); then the change log
	 * is written, inside the same transaction. */
	enum kz_status cst = search_flush(db, err);
	if (cst == KZ_OK)
		cst = kz_doc_place(db, err);
	if (cst == KZ_OK)
		cst = kz_sync_capture_commit(db, err);
	/* Damage met while the change was made: none of it is written. */
	if (cst == KZ_OK && damage_confirmed(db))
		cst = damaged(db->path, err);
	kz_sync_capture_end(db);
	if (cst != KZ_OK) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return cst;
	}
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum kz_status st = kz_db_fail(db, rc, err, "commit");
		if (!sqlite3_get_autocommit(db->h))
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return st;
	}
	return KZ_OK;
}

void kz_db_rollback(struct kz_db *db)
{
	if (db->depth == 0)
		return;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->aborted = --db->depth > 0;
	if (db->depth == 0)
		kz_sync_capture_end(db);
}

int kz_db_cache_size(struct kz_db *db, int cache_size)
{
	sqlite3_stmt *q;
	int before = 0;
	char sql[64];

	if (sqlite3_prepare_v2(db->h, "PRAGMA cache_size", -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW)
			before = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
	}
	/* A number, not text from anyone: PRAGMA takes no parameters. */
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", cache_size);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return before;
}

char *kz_query_text2(struct kz_db *db, const char *sql, const char *a,
		     const char *b)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, NULL);
	char *v = NULL;

	if (!st)
		return NULL;
	kz_bind_text(st, 1, a);
	if (b)
		kz_bind_text(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = kz_column_dup(st, 0);
	sqlite3_reset(st);
	return v;
}

char *kz_query_text(struct kz_db *db, const char *sql, const char *arg)
{
	return kz_query_text2(db, sql, arg, NULL);
}

enum kz_status kz_db_step(struct kz_db *db, sqlite3_stmt *st, const char *what,
			  struct kz_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return kz_db_fail(db, rc, err, what);
	return KZ_OK;
}

int kz_db_secure_begin(struct kz_db *db)
{
	sqlite3_stmt *q;
	int secure = 0;

	if (sqlite3_prepare_v2(db->h, "PRAGMA secure_delete", -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW)
			secure = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
	}
	if (secure != 1)
		sqlite3_exec(db->h, "PRAGMA secure_delete = ON", NULL, NULL, NULL);
	return secure;
}

void kz_db_secure_end(struct kz_db *db, int previous, bool checkpoint)
{
	if (checkpoint && sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	if (previous == 0)
		sqlite3_exec(db->h, "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
	else if (previous == 2)
		sqlite3_exec(db->h, "PRAGMA secure_delete = FAST", NULL, NULL, NULL);
}

/* --- meta, counts, check ------------------------------------------------- */

char *kz_db_meta_get(struct kz_db *db, const char *key)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT value FROM meta WHERE key = ?1", NULL);
	char *v = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = kz_column_dup(st, 0);
	sqlite3_reset(st);
	return v;
}

enum kz_status kz_db_meta_set(struct kz_db *db, const char *key,
			      const char *value, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO meta(key, value) VALUES(?1, ?2)"
		" ON CONFLICT(key) DO UPDATE SET value = excluded.value", err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "meta");
}

enum kz_status kz_db_meta_delete(struct kz_db *db, const char *key,
				 struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "DELETE FROM meta WHERE key = ?1", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "meta", err);
}

static long count_of(struct kz_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, NULL);
	long n = -1;

	if (!st)
		return -1;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

/* The services by status from the counts the triggers keep (migration
 * 19); the stale ones as two ranges of the status index (never verified,
 * verified before limit). */
static void count_services(struct kz_db *db, const char *limit,
			   struct kz_db_counts *out)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT status = 'active', n FROM service_counts", NULL);

	out->services = out->services_active = -1;
	if (!st)
		return;
	out->services = out->services_active = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long n = (long)sqlite3_column_int64(st, 1);
		out->services += n;
		if (sqlite3_column_int(st, 0))
			out->services_active += n;
	}
	if (sqlite3_reset(st) != SQLITE_OK)
		out->services = out->services_active = -1;
	out->services_stale = count_of(db,
		"SELECT (SELECT count(*) FROM services"
		"  WHERE status = 'active' AND verified_on IS NULL)"
		" + (SELECT count(*) FROM services"
		"  WHERE status = 'active' AND verified_on < ?1)", limit);
}

enum kz_status kz_db_counts_of(struct kz_db *db, unsigned what,
			       struct kz_db_counts *out, struct kz_error *err)
{
	char today[11], limit[11];

	memset(out, 0, sizeof(*out));
	kz_today(today);
	kz_date_add_days(today, -db->stale_days, limit);
	out->partners = count_of(db, "SELECT count(*) FROM partners", NULL);
	out->contacts = count_of(db, "SELECT count(*) FROM contacts", NULL);
	count_services(db, limit, out);
	/* The audit trail grows with every read of a case: counted only
	 * for who shows the number (check), not for the dashboard. */
	if (what & KZ_COUNT_AUDIT)
		out->audit = count_of(db, "SELECT count(*) FROM audit", NULL);
	out->cases_open = count_of(db, "SELECT coalesce(sum(n), 0) FROM case_counts"
				   " WHERE status <> 'closed'", NULL);
	/* status NOT IN as the index actions_open_due spells it */
	out->actions_overdue = count_of(db,
		"SELECT count(*) FROM actions a JOIN plans p ON p.id = a.plan_id"
		" JOIN cases c ON c.id = p.case_id"
		" WHERE a.due_date < ?1 AND a.status NOT IN ('done', 'dropped', 'declined')"
		" AND c.status <> 'closed' AND p.status <> 'closed'", today);
	if (out->partners < 0 || out->services < 0 || out->audit < 0)
		return kz_fail(err, KZ_CORRUPT,
			       _("The database file is damaged: its tables cannot be read."));
	return KZ_OK;
}

enum kz_status kz_db_counts(struct kz_db *db, struct kz_db_counts *out,
			    struct kz_error *err)
{
	return kz_db_counts_of(db, KZ_COUNT_ALL, out, err);
}

bool kz_db_is_empty(struct kz_db *db)
{
	return count_of(db, "SELECT NOT EXISTS (SELECT 1 FROM partners)"
			" AND NOT EXISTS (SELECT 1 FROM services)", NULL) == 1;
}

/* Run a query whose rows are problems (one text column each). */
static void collect(struct kz_db *db, const char *sql, const char *prefix,
		    struct kz_buf *report, int *problems)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK) {
		kz_buf_printf(report, "%s: %s\n", prefix, sqlite3_errmsg(db->h));
		(*problems)++;
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (t && strcmp(t, "ok") == 0)
			continue;
		kz_buf_printf(report, "%s: %s\n", prefix, t ? t : "?");
		(*problems)++;
	}
	if (rc != SQLITE_DONE) {
		kz_buf_printf(report, "%s: %s\n", prefix, sqlite3_errmsg(db->h));
		(*problems)++;
	}
	sqlite3_finalize(st);
}

enum kz_status kz_db_check(struct kz_db *db, char **report_out,
			   struct kz_error *err)
{
	struct kz_buf report = KZ_BUF_INIT;
	int problems = 0;

	int file_problems = 0;

	collect(db, "PRAGMA integrity_check", _("database file"), &report, &file_problems);
	problems += file_problems;
	collect(db, "SELECT 'table ' || \"table\" || ', row ' || rowid || ': refers to a missing ' || parent"
		    " FROM pragma_foreign_key_check", _("references"), &report, &problems);
	collect(db, "SELECT CASE WHEN (SELECT count(*) FROM search_doc) ="
		    " (SELECT count(*) FROM services) + (SELECT count(*) FROM partners)"
		    " + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM cases)"
		    " + (SELECT count(*) FROM meetings) THEN 'ok'"
		    " ELSE 'the search index does not match the records' END",
		    _("search index"), &report, &problems);
	collect(db, "SELECT CASE WHEN NOT EXISTS (SELECT status, n FROM service_counts WHERE n <> 0"
		    " EXCEPT SELECT status, count(*) FROM services GROUP BY status)"
		    " AND NOT EXISTS (SELECT status, count(*) FROM services GROUP BY status"
		    " EXCEPT SELECT status, n FROM service_counts)"
		    " THEN 'ok' ELSE 'the counts of services do not match the services' END",
		    _("counts of services"), &report, &problems);
	collect(db, "SELECT CASE WHEN NOT EXISTS (SELECT status, n FROM case_counts WHERE n <> 0"
		    " EXCEPT SELECT status, count(*) FROM cases GROUP BY status)"
		    " AND NOT EXISTS (SELECT status, count(*) FROM cases GROUP BY status"
		    " EXCEPT SELECT status, n FROM case_counts)"
		    " THEN 'ok' ELSE 'the counts of cases do not match the cases' END",
		    _("counts of cases"), &report, &problems);
	if (problems == 0 && db->readonly == KZ_RW) {
		/* FTS5's own check raises an error when the index is broken.
		 * It is a command in a write transaction: a file that may only
		 * be read goes without it (its other checks all run). */
		int rc = kz_access_ensure(db, NULL) == KZ_OK ? sqlite3_exec(db->h,
			"INSERT INTO search_fts(search_fts) VALUES('integrity-check')",
			NULL, NULL, NULL) : SQLITE_AUTH;
		if (rc != SQLITE_OK) {
			kz_buf_printf(&report, "%s: %s\n", _("search index"), sqlite3_errmsg(db->h));
			problems++;
			file_problems++;
		}
	}
	kz_audit_verify(db, &report, &problems);
	collect(db, "SELECT 'entry ' || seq || ': no time, user or action'"
		    " FROM audit WHERE at = '' OR user = '' OR action = ''",
		    _("audit trail"), &report, &problems);
	collect(db, "SELECT 'entry ' || b.seq || ' is dated before entry ' || a.seq"
		    " FROM audit a JOIN audit b ON b.seq = a.seq + 1 WHERE b.at < a.at",
		    _("audit trail"), &report, &problems);
	collect(db, "SELECT 'record ' || id || ' has no entry in the audit trail' FROM ("
		    " SELECT id FROM services UNION ALL SELECT id FROM partners"
		    " UNION ALL SELECT id FROM contacts UNION ALL SELECT id FROM cases"
		    " UNION ALL SELECT id FROM meetings)"
		    " WHERE id NOT IN (SELECT ref FROM audit WHERE ref IS NOT NULL)",
		    _("audit trail"), &report, &problems);
	/* Up to the horizon the log was compacted (sync_compact.c). */
	collect(db, "WITH h AS (SELECT c.origin, c.seq, coalesce((SELECT seq FROM sync_horizon z"
		    " WHERE z.origin = c.origin), 0) AS gone FROM sync_clock c),"
		    " n AS (SELECT h.*, h.gone + (SELECT count(*) FROM sync_tx t"
		    " WHERE t.origin = h.origin AND t.seq > h.gone) AS held FROM h)"
		    " SELECT 'changes ' || held || ' of ' || seq || ' from replica ' || origin"
		    " || ' are in the log' FROM n WHERE seq <> held",
		    _("change log"), &report, &problems);
	*report_out = kz_buf_detach(&report);
	/* The mark of damage goes with what the file itself shows. */
	if (file_problems) {
		mark_damaged(db);
	} else if (db->damaged && db->readonly == KZ_RW) {
		kz_db_damage_unmark(db->path);
		db->damaged = db->met = false;
		db->damage_seen = corruption_reports;
	}
	if (problems)
		return kz_fail(err, KZ_CORRUPT, _("%d problem(s) found in %s"), problems, db->path);
	return KZ_OK;
}

/* Is the copy at path whole (a quick check of the new file)? */
static bool backup_whole(const char *path)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *q = NULL;
	bool ok = false;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
	sqlite3_finalize(q);
	sqlite3_close(h);
	return ok;
}

static void remove_part(const char *part)
{
	char *journal = xasprintf("%s-journal", part);

	unlink(part);
	unlink(journal);
	free(journal);
}

/* VACUUM INTO a new file at path (which must not exist), written under a
 * temporary name beside it (0600), checked, then renamed: a copy that
 * fails (a full disk) leaves nothing under either name. what names the
 * copy in the message about a file already there. */
/* The progress of a copy made by VACUUM INTO: the bytes written to the
 * new file of the size of the database (SQLite's progress handler, every
 * few thousand steps of its program). */
struct copy_meter {
	const char *part;
	long total_kb;
};

static int copy_progress(void *ctx)
{
	struct copy_meter *m = ctx;
	struct stat sb;

	if (stat(m->part, &sb) == 0) {
		long kb = (long)(sb.st_size / 1024);
		kz_meter_report(kb < m->total_kb ? kb : m->total_kb, m->total_kb);
	}
	return 0;
}

static long db_size_kb(struct kz_db *db)
{
	char *pages = kz_query_text(db, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size", NULL);
	long kb = pages ? (long)(strtoll(pages, NULL, 10) / 1024) : 0;

	free(pages);
	return kb;
}

static enum kz_status vacuum_into_new(struct kz_db *db, const char *path,
				      const char *exists_msg, struct kz_error *err)
{
	struct stat sb;
	sqlite3_stmt *st;
	mode_t old;
	char *part;
	int rc, fd;
	enum kz_status status = KZ_OK;

	if (stat(path, &sb) == 0)
		return kz_fail(err, KZ_INVALID, exists_msg, path);
	part = xasprintf("%s.part-XXXXXX", path);
	old = umask(077);
	fd = mkstemp(part);
	umask(old);
	if (fd < 0) {
		status = kz_fail(err, errno == ENOENT ? KZ_INVALID : KZ_ENV,
				 _("%s cannot be written: %s"), path, strerror(errno));
		free(part);
		return status;
	}
	close(fd);
	unlink(part); /* VACUUM INTO wants a new file; the name is ours */
	rc = sqlite3_prepare_v2(db->h, "VACUUM INTO ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, part, -1, SQLITE_TRANSIENT);
		/* Special-category data: the copy is the owner's only. */
		struct copy_meter m = { part, db_size_kb(db) };
		old = umask(077);
		kz_meter_report(0, m.total_kb);
		sqlite3_progress_handler(db->h, 20000, copy_progress, &m);
		rc = sqlite3_step(st);
		sqlite3_progress_handler(db->h, 0, NULL, NULL);
		umask(old);
		sqlite3_finalize(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		if (rc == SQLITE_OK)
			kz_meter_report(m.total_kb, m.total_kb);
	}
	if (rc != SQLITE_OK)
		status = (rc & 0xff) == SQLITE_FULL
			? kz_fail(err, KZ_ENV, _("The disk is full; %s was not written. Free some space and try again."), path)
			: kz_db_fail(db, rc, err, path);
	else if (!backup_whole(part))
		status = kz_fail(err, KZ_ENV, _("%s cannot be written: %s"), path,
				 _("the copy did not pass its check"));
	else if (stat(path, &sb) == 0)
		status = kz_fail(err, KZ_INVALID, exists_msg, path);
	else if (rename(part, path) != 0)
		status = kz_fail(err, KZ_ENV, _("%s cannot be written: %s"), path, strerror(errno));
	if (status != KZ_OK)
		remove_part(part);
	free(part);
	return status;
}

enum kz_status kz_db_backup(struct kz_db *db, const char *path,
			    struct kz_error *err)
{
	/* A copy of every family's file: for a coordinator (or the program
	 * itself, making a replica). */
	if (!kz_may(db, KZ_RIGHT_ALL_CASES))
		return kz_fail(err, KZ_DENIED, _("Only a coordinator may copy the whole database."));
	return vacuum_into_new(db, path, _("%s already exists; give a new file name for the backup."),
			       err);
}

/* --- locked backups and databases in memory ------------------------------- */

/* A database file's bytes 18 and 19 say WAL (2) or not (1); a database
 * in memory has no WAL. */
static void no_wal(unsigned char *img, size_t len)
{
	if (len >= 100 && img[18] == 2)
		img[18] = 1;
	if (len >= 100 && img[19] == 2)
		img[19] = 1;
}

/* The copy of a backup, a few hundred pages at a time, inside one read
 * transaction (one consistent moment); the meter counts pages. */
static int copy_in_steps(struct kz_db *db, sqlite3_backup *b)
{
	bool own = sqlite3_get_autocommit(db->h) &&
		   sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	int rc;

	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(10);
		kz_meter_report(sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b),
				sqlite3_backup_pagecount(b));
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (own)
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum kz_status kz_db_backup_locked(struct kz_db *db, const char *path,
				   struct kz_error *err)
{
	unsigned char key[KZ_KEY_BYTES], *img = NULL;
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	sqlite3_int64 len = 0;
	struct stat sb;
	enum kz_status st = KZ_OK;
	int rc;

	if (!kz_may(db, KZ_RIGHT_ALL_CASES))
		return kz_fail(err, KZ_DENIED, _("Only a coordinator may copy the whole database."));
	if (stat(path, &sb) == 0)
		return kz_fail(err, KZ_INVALID, _("%s already exists; give a new file name for the backup."),
			       path);
	if (!kz_key_load(db, key))
		return kz_fail(err, KZ_INVALID,
			       _("This database does not hold the partnership's key, so it cannot lock %s. Clone this replica again from the office (\"koszyk sync clone\"), or bring the key with \"koszyk key import\"."),
			       path);
	/* One consistent moment, copied in memory: nothing of it in the
	 * clear on any disk. */
	rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(mem, "main", db->h, "main");
		if (!b)
			rc = sqlite3_errcode(mem);
		else
			rc = copy_in_steps(db, b);
	}
	/* What was deleted leaves no trace in free pages; VACUUM's copy
	 * stays in memory too. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(mem, "PRAGMA temp_store = MEMORY; VACUUM", NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		img = sqlite3_serialize(mem, "main", &len, 0);
		if (!img)
			rc = SQLITE_NOMEM;
	}
	if (rc != SQLITE_OK)
		st = kz_fail(err, KZ_ENV,
			     _("%s cannot be written: %s"), path,
			     mem ? sqlite3_errmsg(mem) : sqlite3_errstr(rc));
	sqlite3_close(mem);
	if (st == KZ_OK) {
		no_wal(img, (size_t)len);
		st = kz_locked_write(key, KZ_LOCKED_BACKUP, img, (size_t)len, path, err);
	}
	sodium_memzero(key, sizeof(key));
	if (img) {
		sodium_memzero(img, (size_t)len);
		sqlite3_free(img);
	}
	return st;
}

enum kz_status kz_db_open_image(const char *label, unsigned char *img,
				size_t len, struct kz_db **out,
				struct kz_error *err)
{
	struct kz_db *db;
	enum kz_status st = KZ_OK;
	int rc;

	*out = NULL;
	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(label);
	db->stale_days = 180;
	db->sync = kz_sync_new();
	db->damage_seen = corruption_reports;
	kz_db_set_user(db, NULL);
	rc = sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_free(img);
		st = kz_db_fail(db, rc, err, label);
		kz_db_close(db);
		return st;
	}
	no_wal(img, len);
	/* The connection owns the bytes from here (freed even on failure). */
	rc = sqlite3_deserialize(db->h, "main", img, (sqlite3_int64)len, (sqlite3_int64)len,
				 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
	sqlite3_extended_result_codes(db->h, 1);
	if (rc == SQLITE_OK)
		rc = register_functions(db);
	if (rc != SQLITE_OK)
		st = not_koszyk(db, err);
	if (st == KZ_OK)
		st = exec(db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY", err);
	if (st == KZ_CORRUPT || st == KZ_ENV)
		st = not_koszyk(db, err);
	if (st == KZ_OK)
		st = migrate(db, err);
	if (st == KZ_OK)
		st = kz_access_install(db, err);
	if (st != KZ_OK) {
		kz_db_close(db);
		return st;
	}
	*out = db;
	return KZ_OK;
}

enum kz_status kz_db_write_image(struct kz_db *db, const char *path,
				 struct kz_error *err)
{
	return vacuum_into_new(db, path,
			       _("%s already exists; give a new file name for the database."), err);
}
