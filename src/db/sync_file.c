/* Change files: export, import (one transaction, checked before anything
 * is kept) and cloning a replica. A change file is an SQLite database of
 * its own, made in memory and locked with the partnership's key; see
 * include/koszyk/sync.h and include/koszyk/locked.h. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sync_internal.h"
#include "koszyk/access.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/locked.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define FILE_FORMAT "koszyk-sync"
#define FILE_VERSION "1"

static const char file_schema[] =
	"CREATE TABLE header (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);"
	"CREATE TABLE tx (origin TEXT NOT NULL, seq INTEGER NOT NULL,"
	" lamport INTEGER NOT NULL, at TEXT NOT NULL, user TEXT NOT NULL,"
	" deps TEXT NOT NULL, nchanges INTEGER NOT NULL, checksum TEXT NOT NULL,"
	" PRIMARY KEY (origin, seq));"
	"CREATE TABLE change (origin TEXT NOT NULL, seq INTEGER NOT NULL,"
	" idx INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL,"
	" op TEXT NOT NULL, vals TEXT, PRIMARY KEY (origin, seq, idx));"
	"CREATE TABLE snapshot (case_id TEXT NOT NULL, idx INTEGER NOT NULL,"
	" tbl TEXT NOT NULL, row_id TEXT NOT NULL, vals TEXT NOT NULL,"
	" meta TEXT NOT NULL, checksum TEXT NOT NULL, PRIMARY KEY (case_id, idx));";

/* --- checksums ------------------------------------------------------------- */

/* FNV-1a, 64 bits: enough to notice a damaged or edited file (this is
 * not a signature). */
struct sum {
	unsigned long long h;
};

static void sum_init(struct sum *s)
{
	s->h = 14695981039346656037ULL;
}

static void sum_text(struct sum *s, const char *t)
{
	for (const unsigned char *p = (const unsigned char *)(t ? t : ""); *p; p++) {
		s->h ^= *p;
		s->h *= 1099511628211ULL;
	}
	s->h ^= 0xff; /* field separator, distinct from any UTF-8 byte */
	s->h *= 1099511628211ULL;
}

static void sum_int(struct sum *s, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	sum_text(s, buf);
}

static void sum_hex(const struct sum *s, char out[17])
{
	snprintf(out, 17, "%016llx", s->h);
}

/* Does a stored checksum match? Fuzzing builds (libFuzzer's convention)
 * take any, so that what the reader does after it is fuzzed too. */
static bool sum_matches(const char *stored, const char *computed)
{
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
	(void)computed;
	return stored != NULL;
#else
	return stored && strcmp(stored, computed) == 0;
#endif
}

/* One transaction read from a file or the log. */
struct file_tx {
	char *origin, *at, *user, *deps;
	long long seq, lamport;
	struct sync_change *changes;
	char **owned; /* strings of the changes */
	size_t n, nowned;
};

static char *own(struct file_tx *t, const unsigned char *s)
{
	char *copy = s ? xstrdup((const char *)s) : NULL;

	t->owned = xrealloc(t->owned, (t->nowned + 1) * sizeof(*t->owned));
	t->owned[t->nowned++] = copy;
	return copy;
}

static void file_tx_clear(struct file_tx *t)
{
	for (size_t i = 0; i < t->nowned; i++)
		free(t->owned[i]);
	free(t->owned);
	free(t->changes);
	free(t->origin);
	free(t->at);
	free(t->user);
	free(t->deps);
	memset(t, 0, sizeof(*t));
}

static void file_tx_sum(const struct file_tx *t, char out[17])
{
	struct sum s;

	sum_init(&s);
	sum_text(&s, t->origin);
	sum_int(&s, t->seq);
	sum_int(&s, t->lamport);
	sum_text(&s, t->at);
	sum_text(&s, t->user);
	sum_text(&s, t->deps);
	for (size_t i = 0; i < t->n; i++) {
		const struct sync_change *c = &t->changes[i];
		sum_int(&s, (long long)i);
		sum_text(&s, c->tbl);
		sum_text(&s, c->row_id);
		sum_text(&s, (char[]){ c->op, 0 });
		sum_text(&s, c->vals ? c->vals : "\x01");
	}
	sum_hex(&s, out);
}

/* The checksum of one row of a snapshot. */
static void snapshot_sum(const char *case_id, long long idx, const char *tbl,
			 const char *row_id, const char *vals, const char *meta,
			 char out[17])
{
	struct sum s;

	sum_init(&s);
	sum_text(&s, case_id);
	sum_int(&s, idx);
	sum_text(&s, tbl);
	sum_text(&s, row_id);
	sum_text(&s, vals);
	sum_text(&s, meta);
	sum_hex(&s, out);
}

/* Leave out of t what the person the file is for may not hold; of a
 * case she may not see, its code alone. */
static void filter_changes(struct kz_db *db, struct sync_need *need, struct file_tx *t)
{
	size_t k = 0;

	if (!need)
		return;
	for (size_t i = 0; i < t->n; i++) {
		char *marker;
		enum sync_verdict v = sync_need_verdict(need, db, &t->changes[i], &marker);
		if (v == SYNC_SKIP)
			continue;
		t->changes[k] = t->changes[i];
		if (v == SYNC_MARK) {
			t->changes[k].op = 'K';
			t->changes[k].vals = own(t, (const unsigned char *)marker);
		}
		free(marker);
		k++;
	}
	t->n = k;
}

/* Read the changes of (origin, seq) with a statement that selects
 * tbl, row_id, op, vals ordered by idx, ?1 origin, ?2 seq. */
static int read_changes(sqlite3_stmt *st, struct file_tx *t)
{
	int rc;

	sqlite3_bind_text(st, 1, t->origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, t->seq);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sync_change c;
		const unsigned char *op = sqlite3_column_text(st, 2);
		c.tbl = own(t, sqlite3_column_text(st, 0));
		c.row_id = own(t, sqlite3_column_text(st, 1));
		c.op = op && op[0] && !op[1] ? (char)op[0] : '?';
		c.vals = own(t, sqlite3_column_text(st, 3));
		t->changes = xrealloc(t->changes, (t->n + 1) * sizeof(*t->changes));
		t->changes[t->n++] = c;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* --- export ----------------------------------------------------------------- */

/* Lower floor, entry by entry, to the version vector text. */
static void lower_to(struct vv *floor, const char *text)
{
	struct vv v;

	vv_parse(text, &v);
	for (size_t i = 0; i < floor->n; i++) {
		long long seq = vv_get(&v, floor->e[i].origin);
		if (seq < floor->e[i].seq)
			floor->e[i].seq = seq;
	}
	vv_free(&v);
}

enum kz_status sync_peers_floor(struct kz_db *db, const struct vv *clock, bool theirs,
				struct vv *floor, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT clock, floor FROM sync_peer"
				      " WHERE retired IS NULL AND replica <> ?1", err);
	bool any = false;
	int rc;

	floor->e = NULL;
	floor->n = 0;
	if (!st)
		return err ? err->status : KZ_ENV;
	for (size_t i = 0; i < clock->n; i++)
		vv_set(floor, clock->e[i].origin, clock->e[i].seq);
	sqlite3_bind_text(st, 1, sync_replica(db), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		any = true;
		lower_to(floor, kz_column_str(st, 0));
		if (theirs && sqlite3_column_type(st, 1) != SQLITE_NULL)
			lower_to(floor, kz_column_str(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		vv_free(floor);
		return kz_db_fail(db, rc, err, "sync_peer");
	}
	if (!any)
		for (size_t i = 0; i < floor->n; i++)
			floor->e[i].seq = 0;
	return KZ_OK;
}

static enum kz_status file_fail(sqlite3 *f, int rc, const char *path,
				struct kz_error *err)
{
	if ((rc & 0xff) == SQLITE_FULL)
		return kz_fail(err, KZ_ENV, _("The disk is full; %s was not written. Free some space and try again."),
			       path);
	return kz_fail(err, KZ_ENV, _("%s cannot be written: %s"), path,
		       f ? sqlite3_errmsg(f) : sqlite3_errstr(rc));
}

static int put_header(sqlite3 *f, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(f, "INSERT INTO header(key, value) VALUES (?1, ?2)",
				    -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value ? value : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The checksum of the header: every key and value but its own, in key
 * order (so that a damaged clock or count is noticed too). */
static bool header_sum(sqlite3 *f, char out[17])
{
	sqlite3_stmt *st;
	struct sum s;
	int rc;

	if (sqlite3_prepare_v2(f, "SELECT key, value FROM header WHERE key <> 'checksum'"
			       " ORDER BY key", -1, &st, NULL) != SQLITE_OK)
		return false;
	sum_init(&s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sum_text(&s, (const char *)sqlite3_column_text(st, 0));
		sum_text(&s, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	sum_hex(&s, out);
	return rc == SQLITE_DONE;
}

/* Copy the transactions of one origin after seq `after` into the file. */
static int export_origin(struct kz_db *db, sqlite3 *f, const char *origin,
			 long long after, struct sync_need *need,
			 struct kz_sync_stats *stats,
			 kz_sync_progress_fn progress, void *ctx, long total)
{
	sqlite3_stmt *txs = kz_db_stmt(db, "SELECT seq, lamport, at, user, deps FROM sync_tx"
				       " WHERE origin = ?1 AND seq > ?2 ORDER BY seq", NULL);
	sqlite3_stmt *chg = kz_db_stmt(db, "SELECT tbl, row_id, op, vals FROM sync_change"
				       " WHERE origin = ?1 AND seq = ?2 ORDER BY idx", NULL);
	sqlite3_stmt *put_tx = NULL, *put_chg = NULL;
	int rc;

	if (!txs || !chg)
		return SQLITE_ERROR;
	rc = sqlite3_prepare_v2(f, "INSERT INTO tx VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				-1, &put_tx, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(f, "INSERT INTO change VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
					-1, &put_chg, NULL);
	sqlite3_bind_text(txs, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(txs, 2, after);
	while (rc == SQLITE_OK && sqlite3_step(txs) == SQLITE_ROW) {
		struct file_tx t = { 0 };
		char sum[17];
		t.origin = xstrdup(origin);
		t.seq = sqlite3_column_int64(txs, 0);
		t.lamport = sqlite3_column_int64(txs, 1);
		t.at = xstrdup((const char *)sqlite3_column_text(txs, 2));
		t.user = xstrdup((const char *)sqlite3_column_text(txs, 3));
		t.deps = xstrdup((const char *)sqlite3_column_text(txs, 4));
		rc = read_changes(chg, &t);
		filter_changes(db, need, &t);
		file_tx_sum(&t, sum);
		for (size_t i = 0; rc == SQLITE_OK && i < t.n; i++) {
			const struct sync_change *c = &t.changes[i];
			sqlite3_bind_text(put_chg, 1, t.origin, -1, SQLITE_STATIC);
			sqlite3_bind_int64(put_chg, 2, t.seq);
			sqlite3_bind_int64(put_chg, 3, (long long)i);
			sqlite3_bind_text(put_chg, 4, c->tbl, -1, SQLITE_STATIC);
			sqlite3_bind_text(put_chg, 5, c->row_id, -1, SQLITE_STATIC);
			sqlite3_bind_text(put_chg, 6, (char[]){ c->op, 0 }, 1, SQLITE_TRANSIENT);
			if (c->vals)
				sqlite3_bind_text(put_chg, 7, c->vals, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(put_chg, 7);
			rc = sqlite3_step(put_chg) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(f);
			sqlite3_reset(put_chg);
		}
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(put_tx, 1, t.origin, -1, SQLITE_STATIC);
			sqlite3_bind_int64(put_tx, 2, t.seq);
			sqlite3_bind_int64(put_tx, 3, t.lamport);
			sqlite3_bind_text(put_tx, 4, t.at, -1, SQLITE_STATIC);
			sqlite3_bind_text(put_tx, 5, t.user, -1, SQLITE_STATIC);
			sqlite3_bind_text(put_tx, 6, t.deps, -1, SQLITE_STATIC);
			sqlite3_bind_int64(put_tx, 7, (long long)t.n);
			sqlite3_bind_text(put_tx, 8, sum, -1, SQLITE_STATIC);
			rc = sqlite3_step(put_tx) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(f);
			sqlite3_reset(put_tx);
		}
		file_tx_clear(&t);
		stats->tx_sent++;
		if (progress && stats->tx_sent % 50 == 0)
			progress(ctx, stats->tx_sent, total);
	}
	sqlite3_reset(txs);
	sqlite3_finalize(put_tx);
	sqlite3_finalize(put_chg);
	return rc;
}

static long count_after(struct kz_db *db, const char *origin, long long after)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT count(*) FROM sync_tx WHERE origin = ?1 AND seq > ?2", NULL);
	long n = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, after);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

/* Snapshots into the change file: the rows of cases the receiver lacks. */
struct snapshot_out {
	sqlite3 *f;
	sqlite3_stmt *put;
	long long idx;
	long cases;
	char *last_case;
	int rc;
	const char *path;
	struct kz_error *err;
};

static int put_snapshot(void *ctx, const char *case_id, const char *tbl,
			const char *row_id, const char *vals, const char *meta)
{
	struct snapshot_out *o = ctx;
	char sum[17];

	if (!o->last_case || strcmp(o->last_case, case_id) != 0) {
		o->cases++;
		kz_str_set(&o->last_case, case_id);
	}
	o->idx++;
	snapshot_sum(case_id, o->idx, tbl, row_id, vals, meta, sum);
	sqlite3_bind_text(o->put, 1, case_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(o->put, 2, o->idx);
	sqlite3_bind_text(o->put, 3, tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(o->put, 4, row_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(o->put, 5, vals ? vals : "{}", -1, SQLITE_STATIC);
	sqlite3_bind_text(o->put, 6, meta, -1, SQLITE_STATIC);
	sqlite3_bind_text(o->put, 7, sum, -1, SQLITE_STATIC);
	o->rc = sqlite3_step(o->put) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(o->f);
	sqlite3_reset(o->put);
	if (o->rc != SQLITE_OK) {
		file_fail(o->f, o->rc, o->path, o->err);
		return 1;
	}
	return 0;
}

static int write_snapshots(struct kz_db *db, sqlite3 *f, struct sync_need *need,
			   const char *path, struct kz_sync_stats *stats,
			   struct kz_error *err, enum kz_status *st)
{
	struct snapshot_out o = { .f = f, .path = path, .err = err };
	char num[32];
	int rc = sqlite3_prepare_v2(f, "INSERT INTO snapshot VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				    -1, &o.put, NULL);

	if (rc == SQLITE_OK) {
		*st = sync_need_snapshots(need, db, put_snapshot, &o, err);
		if (*st != KZ_OK)
			rc = o.rc != SQLITE_OK ? o.rc : SQLITE_ABORT;
	}
	sqlite3_finalize(o.put);
	free(o.last_case);
	stats->cases_sent = o.cases;
	snprintf(num, sizeof(num), "%lld", o.idx);
	if (rc == SQLITE_OK)
		rc = put_header(f, "snapshots", num);
	return rc;
}

/* The change file is made in memory and written locked with key: no
 * byte of it in the clear on any disk. */
static enum kz_status write_file(struct kz_db *db, const unsigned char *key, const char *path,
				 const char *since, struct kz_sync_stats *stats,
				 kz_sync_progress_fn progress, void *ctx,
				 struct kz_error *err)
{
	struct vv clock, floor;
	struct sync_need *need = NULL;
	sqlite3 *f = NULL;
	char *clock_text = NULL, *floor_text = NULL, *part = NULL, now[32], num[32];
	long total = 0;
	/* A replica that holds only its person's cases received the others'
	 * changes filtered: it passes on its own changes alone. */
	bool own_only = sync_need_filtered(db);
	const char *me = sync_replica(db);
	int rc;
	enum kz_status st, snap_st = KZ_OK;

	st = sync_load_clock(db, &clock, err);
	if (st != KZ_OK)
		return st;
	if (since) {
		/* What the peer at the other end holds: it told us. */
		vv_parse(since, &floor);
		st = KZ_OK;
	} else {
		st = sync_peers_floor(db, &clock, false, &floor, err);
	}
	/* What left the log cannot be sent: the file starts after it. */
	for (size_t i = 0; st == KZ_OK && i < clock.n; i++) {
		long long h = sync_horizon_of(db, clock.e[i].origin);
		if (h > vv_get(&floor, clock.e[i].origin))
			vv_set(&floor, clock.e[i].origin, h);
	}
	if (st == KZ_OK)
		st = sync_need_begin(db, &need, err);
	if (st != KZ_OK) {
		vv_free(&clock);
		vv_free(&floor);
		return st;
	}
	for (size_t i = 0; i < clock.n; i++)
		if (!own_only || strcmp(clock.e[i].origin, me) == 0)
			total += count_after(db, clock.e[i].origin,
					     vv_get(&floor, clock.e[i].origin));
	clock_text = vv_format(&clock);
	floor_text = vv_format(&floor);
	part = kz_db_meta_get(db, "partnership_id");
	kz_now_iso(now);

	rc = sqlite3_open_v2(":memory:", &f, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(f, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
				  " PRAGMA temp_store = MEMORY; BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(f, file_schema, NULL, NULL, NULL);
	snprintf(num, sizeof(num), "%d", kz_db_schema_version());
	if (rc == SQLITE_OK) rc = put_header(f, "format", FILE_FORMAT);
	if (rc == SQLITE_OK) rc = put_header(f, "version", FILE_VERSION);
	if (rc == SQLITE_OK) rc = put_header(f, "schema", num);
	if (rc == SQLITE_OK) rc = put_header(f, "partnership", part);
	if (rc == SQLITE_OK) rc = put_header(f, "sender", me);
	if (rc == SQLITE_OK) {
		char host[256] = "", *name;
		if (gethostname(host, sizeof(host) - 1) != 0)
			host[0] = '\0';
		name = xasprintf("%s@%s", sync_writer(db) ? sync_writer(db) : kz_db_user(db),
				 *host ? host : "?");
		rc = put_header(f, "name", name);
		free(name);
	}
	if (rc == SQLITE_OK) rc = put_header(f, "clock", clock_text);
	if (rc == SQLITE_OK) rc = put_header(f, "since", floor_text);
	if (rc == SQLITE_OK) rc = put_header(f, "written_at", now);
	if (rc == SQLITE_OK) {
		char *retired = sync_retired_text(db);
		rc = put_header(f, "retired", retired);
		free(retired);
		if (rc == SQLITE_OK) {
			char *peers_hold = sync_floor_text(db);
			rc = put_header(f, "floor", peers_hold);
			free(peers_hold);
		}
	}
	/* Written for one person's replica: only what she may hold, and the
	 * next free case code, which it cannot tell from its own cases. */
	if (rc == SQLITE_OK && need)
		rc = put_header(f, "for", sync_need_login(need));
	if (rc == SQLITE_OK && need) {
		char *gone = sync_need_forget_text(need), *again = sync_need_replace_text(need);
		rc = put_header(f, "forget", gone);
		if (rc == SQLITE_OK)
			rc = put_header(f, "replace", again);
		free(gone);
		free(again);
	}
	if (rc == SQLITE_OK && need) {
		char *next = NULL;
		if (kz_case_next_code(db, kz_db_users(db), &next, NULL) == KZ_OK)
			rc = put_header(f, "next_code", next);
		free(next);
	}
	if (rc == SQLITE_OK && own_only) {
		char *held = sync_need_held_text(db);
		rc = put_header(f, "cases", held);
		free(held);
	}
	if (rc == SQLITE_OK && progress)
		progress(ctx, 0, total);
	for (size_t i = 0; rc == SQLITE_OK && i < clock.n; i++)
		if (!own_only || strcmp(clock.e[i].origin, me) == 0)
			rc = export_origin(db, f, clock.e[i].origin,
					   vv_get(&floor, clock.e[i].origin), need,
					   stats, progress, ctx, total);
	if (rc == SQLITE_OK)
		rc = write_snapshots(db, f, need, path, stats, err, &snap_st);
	snprintf(num, sizeof(num), "%ld", stats->tx_sent);
	if (rc == SQLITE_OK) rc = put_header(f, "tx_count", num);
	if (rc == SQLITE_OK) {
		char sum[17];
		rc = header_sum(f, sum) ? put_header(f, "checksum", sum) : SQLITE_ERROR;
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(f, "COMMIT", NULL, NULL, NULL);
	if (snap_st != KZ_OK)
		st = snap_st;
	else if (rc != SQLITE_OK)
		st = file_fail(f, rc, path, err);
	if (st == KZ_OK) {
		sqlite3_int64 size = 0;
		unsigned char *img = sqlite3_serialize(f, "main", &size, 0);
		if (!img)
			st = file_fail(f, SQLITE_NOMEM, path, err);
		else
			st = kz_locked_write(key, KZ_LOCKED_CHANGES, img, (size_t)size, path, err);
		if (img) {
			sodium_memzero(img, (size_t)size);
			sqlite3_free(img);
		}
	}
	sqlite3_close(f);
	if (st == KZ_OK)
		st = sync_need_written(need, db, err);
	if (st == KZ_OK && progress)
		progress(ctx, total, total);
	sync_need_free(need);
	vv_free(&clock);
	vv_free(&floor);
	free(clock_text);
	free(floor_text);
	free(part);
	return st;
}

enum kz_status kz_sync_export_since(struct kz_db *db, const char *path,
				 const char *since, struct kz_sync_stats *stats,
				 kz_sync_progress_fn progress, void *ctx,
				 struct kz_error *err)
{
	struct kz_sync_stats local = { 0 };
	unsigned char key[KZ_KEY_BYTES];
	struct stat sb;
	enum kz_status st;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	if (stat(path, &sb) == 0)
		return kz_fail(err, KZ_INVALID, _("%s already exists; give a new file name for the changes."),
			       path);
	if (!kz_key_load(db, key))
		return kz_fail(err, KZ_INVALID,
			       _("This database does not hold the partnership's key, so it cannot lock %s. Clone this replica again from the office (\"koszyk sync clone\"), or bring the key with \"koszyk key import\"."),
			       path);
	st = kz_sync_ensure_replica(db, NULL, err);
	if (st != KZ_OK) {
		sodium_memzero(key, sizeof(key));
		return st;
	}
	/* A read transaction: the file shows one consistent moment. It
	 * notes in sync_peer what a person's replica is sent (--for): the
	 * access checks are made before it begins. */
	st = kz_access_ensure(db, err);
	if (st != KZ_OK) {
		sodium_memzero(key, sizeof(key));
		return st;
	}
	int rc = sqlite3_exec(kz_db_handle(db), "BEGIN", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		st = kz_db_fail(db, rc, err, "export");
	else {
		st = write_file(db, key, path, since, stats, progress, ctx, err);
		sqlite3_exec(kz_db_handle(db), "COMMIT", NULL, NULL, NULL);
	}
	sodium_memzero(key, sizeof(key));
	return st;
}

enum kz_status kz_sync_export(struct kz_db *db, const char *path,
			      struct kz_sync_stats *stats,
			      kz_sync_progress_fn progress, void *ctx,
			      struct kz_error *err)
{
	return kz_sync_export_since(db, path, NULL, stats, progress, ctx, err);
}

enum kz_status kz_sync_export_for(struct kz_db *db, const char *path,
				  const char *login, struct kz_sync_stats *stats,
				  kz_sync_progress_fn progress, void *ctx,
				  struct kz_error *err)
{
	const struct kz_config *cfg = kz_db_users(db);
	char *me;
	enum kz_role role;
	enum kz_status st;

	if (!login)
		return kz_sync_export(db, path, stats, progress, ctx, err);
	if (strcmp(login, kz_db_user(db)) != 0 && !kz_may(db, KZ_RIGHT_ALL_CASES))
		return kz_fail(err, KZ_DENIED,
			       _("Only a coordinator may write the changes for someone else's replica."));
	if (!cfg || !kz_config_user(cfg, login))
		return kz_fail(err, KZ_INVALID,
			       _("\"%s\" is not a user of koszyk.yaml: changes are written for the replica of a listed user."),
			       login);
	/* What she may see, as if she wrote it herself. */
	me = xstrdup(kz_db_user(db));
	role = kz_db_role(db);
	kz_db_set_login(db, cfg, login);
	sync_set_writer(db, me);
	st = kz_sync_export(db, path, stats, progress, ctx, err);
	sync_set_writer(db, NULL);
	kz_db_set_principal(db, me, role);
	free(me);
	return st;
}

/* --- import ----------------------------------------------------------------- */

static char *get_header(sqlite3 *f, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(f, "SELECT value FROM header WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	/* A damaged or made-up file may hold NULL: as if the key were not
	 * there. */
	if (sqlite3_step(st) == SQLITE_ROW)
		v = kz_column_dup(st, 0);
	sqlite3_finalize(st);
	return v;
}

struct file_header {
	char *format, *version, *schema, *partnership, *sender, *clock, *tx_count;
	char *name;
	char *since;     /* what the file starts from */
	char *for_login; /* written for this person's replica: her cases only */
	char *cases;     /* a need-to-know sender: the cases it holds */
	char *snapshots; /* rows of cases sent whole */
	char *next_code; /* the office's next free case code */
	char *forget;    /* cases her replica is to forget */
	char *replace;   /* cases it is to take whole again */
	char *retired;   /* replicas the writer no longer keeps changes for */
	char *floor;     /* what every peer of the writer holds */
};

static void header_clear(struct file_header *h)
{
	free(h->format);
	free(h->version);
	free(h->schema);
	free(h->partnership);
	free(h->sender);
	free(h->clock);
	free(h->tx_count);
	free(h->name);
	free(h->since);
	free(h->for_login);
	free(h->cases);
	free(h->snapshots);
	free(h->next_code);
	free(h->forget);
	free(h->replace);
	free(h->retired);
	free(h->floor);
}

static enum kz_status not_changes(const char *path, struct kz_error *err)
{
	return kz_fail(err, KZ_INVALID,
		       _("%s is not a koszyk change file, or it is damaged or cut short. Ask for the file again."),
		       path);
}

/* A file cut short (its last pages lost on the way) is shorter than
 * its pages say. */
static bool whole_file(sqlite3 *f, long long bytes)
{
	sqlite3_stmt *q;
	long long pages = -1, size = -1;

	if (sqlite3_prepare_v2(f, "SELECT page_count, page_size FROM pragma_page_count,"
			       " pragma_page_size", -1, &q, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(q) == SQLITE_ROW) {
		pages = sqlite3_column_int64(q, 0);
		size = sqlite3_column_int64(q, 1);
	}
	sqlite3_finalize(q);
	return pages > 0 && size > 0 && bytes == pages * size;
}

/* Open a change file: locked with this partnership's key, opened in
 * memory, whole. A file that is not locked (an older koszyk's, or not
 * koszyk's at all) is refused: only a holder of the key writes one. */
static enum kz_status open_locked(struct kz_db *db, const char *path, sqlite3 **out,
				  struct kz_error *err)
{
	static const char sqlite_magic[16] = "SQLite format 3";
	unsigned char key[KZ_KEY_BYTES], *img = NULL;
	char head[16] = "";
	size_t len = 0;
	bool held;
	sqlite3 *f = NULL;
	enum kz_status st;
	int rc;
	FILE *in;

	*out = NULL;
	if (!kz_locked_file(path)) {
		in = fopen(path, "rb");
		if (in && fread(head, 1, sizeof(head), in) == sizeof(head) &&
		    memcmp(head, sqlite_magic, sizeof(head)) == 0)
			st = kz_fail(err, KZ_INVALID,
				     _("%s is not locked with the partnership's key (an older version of koszyk wrote it); it is not applied. Write the changes again with this version of koszyk."),
				     path);
		else
			st = not_changes(path, err);
		if (in)
			fclose(in);
		return st;
	}
	held = kz_key_load(db, key);
	st = kz_locked_read(held ? key : NULL, KZ_LOCKED_CHANGES, path, &img, &len, err);
	sodium_memzero(key, sizeof(key));
	if (st != KZ_OK)
		return st;
	rc = sqlite3_open_v2(":memory:", &f, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_deserialize(f, "main", img, (sqlite3_int64)len, (sqlite3_int64)len,
					 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
	else
		sqlite3_free(img);
	/* Nothing of it in a temporary file either. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(f, "PRAGMA temp_store = MEMORY; PRAGMA quick_check", NULL, NULL, NULL);
	if (rc == SQLITE_OK && !whole_file(f, (long long)len))
		rc = SQLITE_CORRUPT;
	if (rc != SQLITE_OK) {
		sqlite3_close(f);
		return not_changes(path, err);
	}
	*out = f;
	return KZ_OK;
}

/* Open and check a change file: ours, whole, for this partnership. */
static enum kz_status open_changes(struct kz_db *db, const char *path, sqlite3 **out,
				   struct file_header *h, struct kz_error *err)
{
	sqlite3 *f = NULL;
	struct stat sb;
	char *part = NULL;
	enum kz_status st = KZ_OK;

	*out = NULL;
	memset(h, 0, sizeof(*h));
	if (stat(path, &sb) != 0)
		return kz_fail(err, errno == ENOENT ? KZ_INVALID : KZ_ENV,
			       _("%s: cannot read the change file: %s"), path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return not_changes(path, err);
	if (access(path, R_OK) != 0)
		return kz_fail(err, KZ_ENV, _("%s: cannot read the change file: %s"), path,
			       strerror(errno));
	st = open_locked(db, path, &f, err);
	if (st != KZ_OK)
		return st;
	h->format = get_header(f, "format");
	h->version = get_header(f, "version");
	h->schema = get_header(f, "schema");
	h->partnership = get_header(f, "partnership");
	h->sender = get_header(f, "sender");
	h->clock = get_header(f, "clock");
	h->tx_count = get_header(f, "tx_count");
	h->name = get_header(f, "name");
	h->since = get_header(f, "since");
	h->for_login = get_header(f, "for");
	h->cases = get_header(f, "cases");
	h->snapshots = get_header(f, "snapshots");
	h->next_code = get_header(f, "next_code");
	h->forget = get_header(f, "forget");
	h->replace = get_header(f, "replace");
	h->retired = get_header(f, "retired");
	h->floor = get_header(f, "floor");
	char *sum = get_header(f, "checksum"), want[17];
	bool sum_ok = sum && header_sum(f, want) && sum_matches(sum, want);
	free(sum);
	part = kz_db_meta_get(db, "partnership_id");
	if (!h->format || strcmp(h->format, FILE_FORMAT) != 0 || !h->version ||
	    !h->schema || !h->partnership || !h->sender || !h->clock || !h->tx_count ||
	    !sum_ok)
		st = not_changes(path, err);
	else if (strcmp(h->version, FILE_VERSION) != 0 ||
		 atoi(h->schema) > kz_db_schema_version())
		st = kz_fail(err, KZ_INVALID,
			     _("%s was written by a newer version of koszyk. Update koszyk on this computer first."),
			     path);
	else if (!part || strcmp(h->partnership, part) != 0)
		st = kz_fail(err, KZ_INVALID,
			     _("%s comes from another partnership's database; it cannot be applied here."),
			     path);
	else if (strcmp(h->sender, sync_replica(db)) == 0)
		st = kz_fail(err, KZ_INVALID,
			     _("%s was written by this very database; apply it on the other computer."),
			     path);
	if (st == KZ_OK) {
		sqlite3_stmt *q;
		long long n = -1;
		if (sqlite3_prepare_v2(f, "SELECT count(*) FROM tx", -1, &q, NULL) == SQLITE_OK &&
		    sqlite3_step(q) == SQLITE_ROW)
			n = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
		if (n != strtoll(h->tx_count, NULL, 10))
			st = not_changes(path, err);
	}
	free(part);
	if (st != KZ_OK) {
		sqlite3_close(f);
		header_clear(h);
		return st;
	}
	*out = f;
	return KZ_OK;
}

static enum kz_status store_tx(struct kz_db *db, const struct file_tx *t,
			       struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "INSERT INTO sync_tx(origin, seq, lamport, at, user, deps)"
				      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, t->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t->seq);
	sqlite3_bind_int64(st, 3, t->lamport);
	sqlite3_bind_text(st, 4, t->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, t->deps, -1, SQLITE_STATIC);
	enum kz_status rc = kz_db_step(db, st, "sync_tx", err);
	if (rc != KZ_OK)
		return rc;
	st = kz_db_stmt(db, "INSERT OR REPLACE INTO sync_clock(origin, seq) VALUES (?1, ?2)", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, t->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t->seq);
	return kz_db_step(db, st, "sync_clock", err);
}

static enum kz_status keep_change(struct kz_db *db, const struct file_tx *t, size_t idx,
				  struct kz_error *err)
{
	const struct sync_change *c = &t->changes[idx];
	sqlite3_stmt *st = kz_db_stmt(db, "INSERT INTO sync_change(origin, seq, idx, tbl, row_id, op, vals)"
				      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, t->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t->seq);
	sqlite3_bind_int64(st, 3, (long long)idx);
	sqlite3_bind_text(st, 4, c->tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->row_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, (char[]){ c->op, 0 }, 1, SQLITE_TRANSIENT);
	if (c->vals)
		sqlite3_bind_text(st, 7, c->vals, -1, SQLITE_STATIC);
	return kz_db_step(db, st, "sync_change", err);
}

/* Apply one transaction that is new here. */
static enum kz_status apply_changes(struct kz_db *db, const struct file_tx *t,
				    struct kz_sync_stats *stats, struct kz_error *err)
{
	struct sync_apply a = { 0 };
	enum kz_status st = KZ_OK;
	bool keep;

	a.stamp.origin = t->origin;
	a.stamp.seq = t->seq;
	a.stamp.lamport = t->lamport;
	a.user = t->user;
	a.at = t->at;
	vv_parse(t->deps, &a.deps);
	st = store_tx(db, t, err);
	for (size_t i = 0; i < t->n && st == KZ_OK; i++) {
		/* A row that arrived whole with its case holds this already. */
		if (stats->cases_arrived > 0 &&
		    sync_need_skips(db, t->changes[i].tbl, t->changes[i].row_id))
			continue;
		st = sync_apply_change(db, &a, &t->changes[i], &keep, err);
		if (st == KZ_OK && keep)
			st = keep_change(db, t, i, err);
	}
	vv_free(&a.deps);
	if (st == KZ_OK) {
		stats->changes += a.changes;
		stats->conflicts_new += a.conflicts_new;
	}
	return st;
}

/* The login a transaction of origin must carry: the person of the other
 * side of this exchange for her own replica, else the one registered for
 * the origin (when it was cloned or exchanged over ssh); NULL: unknown. */
static char *expected_author(struct kz_db *db, const char *origin, const char *sender)
{
	if (sync_peer_login(db) && strcmp(origin, sender) == 0)
		return xstrdup(sync_peer_login(db));
	return kz_query_text(db, "SELECT login FROM sync_peer WHERE replica = ?1", origin);
}

/* Keep a refused transaction aside for a coordinator: who, when, why and
 * what it would have changed. Its place in the order of its origin is
 * kept (an empty transaction), so that what came after it still applies
 * and it is never sent on. */
static enum kz_status set_aside(struct kz_db *db, const struct file_tx *t,
				const char *reason, struct kz_error *err)
{
	struct file_tx empty = *t;
	struct kz_buf changes = KZ_BUF_INIT;
	sqlite3_stmt *q;
	char now[32];
	enum kz_status st;

	empty.n = 0;
	st = store_tx(db, &empty, err);
	for (size_t i = 0; st == KZ_OK && i < t->n; i++)
		st = sync_need_refused(db, t->origin, &t->changes[i], err);
	if (st != KZ_OK)
		return st;
	kz_buf_putc(&changes, '[');
	for (size_t i = 0; i < t->n; i++) {
		const struct sync_change *c = &t->changes[i];
		kz_buf_printf(&changes, "%s{\"table\":", i ? "," : "");
		kz_buf_json_string(&changes, c->tbl);
		kz_buf_puts(&changes, ",\"id\":");
		kz_buf_json_string(&changes, c->row_id);
		kz_buf_printf(&changes, ",\"op\":\"%c\",\"values\":%s}", c->op,
			      c->vals ? c->vals : "null");
	}
	kz_buf_putc(&changes, ']');
	kz_now_iso(now);
	q = kz_db_stmt(db, "INSERT OR REPLACE INTO sync_refused(origin, seq, at, user,"
		       " received_at, reason, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	if (!q) {
		kz_buf_free(&changes);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_text(q, 1, t->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, t->seq);
	sqlite3_bind_text(q, 3, t->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, t->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, reason, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 7, kz_buf_str(&changes), -1, SQLITE_TRANSIENT);
	st = kz_db_step(db, q, "sync_refused", err);
	kz_buf_free(&changes);
	return st;
}

static int savepoint(struct kz_db *db, const char *sql)
{
	if (kz_access_ensure(db, NULL) != KZ_OK)
		return SQLITE_ERROR;
	return sqlite3_exec(kz_db_handle(db), sql, NULL, NULL, NULL);
}

/* Apply one received transaction with the rights of its author: a change
 * she had no right to make (or one written on someone else's computer
 * under her name) is refused as a whole and set aside, never applied.
 * Without a configuration of users (the data layer used alone) the
 * program applies it with its own rights. */
static enum kz_status apply_tx(struct kz_db *db, const struct file_tx *t,
			       const char *sender, bool vetted,
			       struct kz_sync_stats *stats, struct kz_error *err)
{
	const struct kz_config *cfg = kz_db_users(db);
	char *login = xstrdup(kz_db_user(db)), *expected;
	enum kz_role role = kz_db_role(db);
	struct kz_error refusal = { 0 };
	enum kz_status st;
	int own;

	if (!cfg || vetted) {
		own = kz_db_system_begin(db);
		st = apply_changes(db, t, stats, err);
		kz_db_system_end(db, own);
		free(login);
		return st;
	}
	expected = expected_author(db, t->origin, sender);
	if (expected && strcmp(expected, t->user) != 0) {
		st = KZ_DENIED;
		kz_fail(&refusal, KZ_DENIED,
			_("written on the computer of %s under the name of %s"), expected, t->user);
	} else {
		if (savepoint(db, "SAVEPOINT kz_received") != SQLITE_OK)
			st = kz_fail(err, KZ_ENV, _("Database error (%s: %s)"), "savepoint",
				     sqlite3_errmsg(kz_db_handle(db)));
		else {
			kz_db_set_login(db, cfg, t->user);
			st = apply_changes(db, t, stats, &refusal);
			kz_db_set_principal(db, login, role);
			if (st == KZ_DENIED)
				savepoint(db, "ROLLBACK TO kz_received");
			savepoint(db, "RELEASE kz_received");
			if (st != KZ_OK && st != KZ_DENIED && err)
				*err = refusal;
		}
	}
	if (st == KZ_DENIED) {
		st = set_aside(db, t, refusal.msg, err);
		stats->tx_refused++;
	}
	free(expected);
	free(login);
	return st;
}

/* Remember a peer replica and what it holds; login (may be NULL) is the
 * person it belongs to, kept from the first time it is known. */
static enum kz_status remember_peer(struct kz_db *db, const char *replica,
				    const char *clock, const char *name,
				    const char *login, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT clock, name, login FROM sync_peer"
				      " WHERE replica = ?1", err);
	bool same = false;
	char now[32];

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, replica, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *known = (const char *)sqlite3_column_text(st, 1);
		same = strcmp((const char *)sqlite3_column_text(st, 0), clock) == 0 &&
		       (!name || (known && strcmp(known, name) == 0)) &&
		       (!login || sqlite3_column_type(st, 2) != SQLITE_NULL);
	}
	sqlite3_reset(st);
	if (same)
		return KZ_OK; /* a file applied again changes nothing */
	kz_now_iso(now);
	st = kz_db_stmt(db, "INSERT INTO sync_peer(replica, name, clock, seen_at, login)"
			" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(replica) DO UPDATE SET"
			" name = coalesce(excluded.name, name), clock = excluded.clock,"
			" seen_at = excluded.seen_at, login = coalesce(login, excluded.login)", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, replica, -1, SQLITE_STATIC);
	if (name)
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, clock, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	if (login)
		sqlite3_bind_text(st, 5, login, -1, SQLITE_STATIC);
	return kz_db_step(db, st, "sync_peer", err);
}

static enum kz_status apply_file(struct kz_db *db, sqlite3 *f, const char *path,
				 const struct file_header *h, struct kz_sync_stats *stats,
				 kz_sync_progress_fn progress, void *ctx,
				 struct kz_error *err)
{
	sqlite3_stmt *txs = NULL, *chg = NULL;
	struct vv clock;
	long total = strtol(h->tx_count, NULL, 10), done = 0;
	enum kz_status st;
	int rc;

	/* A file the office wrote for this person's replica holds what the
	 * office accepted, each change with its author's rights there: taken
	 * as it is, so that her replica agrees with the office even where a
	 * right changed at the same time elsewhere (she cannot pass it on:
	 * her replica sends only its own changes). */
	bool vetted = h->for_login && sync_need_filtered(db);

	st = sync_load_clock(db, &clock, err);
	if (st != KZ_OK)
		return st;
	/* Lamport order respects cause and effect: parents before children,
	 * a change before the change that saw it. */
	rc = sqlite3_prepare_v2(f, "SELECT origin, seq, lamport, at, user, deps, nchanges, checksum"
				" FROM tx ORDER BY lamport, origin, seq", -1, &txs, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(f, "SELECT tbl, row_id, op, vals FROM change"
					" WHERE origin = ?1 AND seq = ?2 ORDER BY idx", -1, &chg, NULL);
	if (rc != SQLITE_OK)
		st = not_changes(path, err);
	if (progress)
		progress(ctx, 0, total);
	while (st == KZ_OK && (rc = sqlite3_step(txs)) == SQLITE_ROW) {
		struct file_tx t = { 0 };
		char sum[17];
		const unsigned char *check = sqlite3_column_text(txs, 7);
		/* A damaged file may hold NULL anywhere. */
		t.origin = kz_column_dup(txs, 0);
		t.seq = sqlite3_column_int64(txs, 1);
		t.lamport = sqlite3_column_int64(txs, 2);
		t.at = kz_column_dup(txs, 3);
		t.user = kz_column_dup(txs, 4);
		t.deps = kz_column_dup(txs, 5);
		if (!t.origin || !t.at || !t.user || !t.deps || read_changes(chg, &t) != SQLITE_OK)
			st = not_changes(path, err);
		file_tx_sum(&t, sum);
		if (st == KZ_OK && (!sum_matches((const char *)check, sum) ||
				    (long long)t.n != sqlite3_column_int64(txs, 6) ||
				    !*t.origin || t.seq < 1))
			st = not_changes(path, err);
		if (st == KZ_OK && t.seq <= vv_get(&clock, t.origin)) {
			stats->tx_skipped++;
		} else if (st == KZ_OK) {
			/* A change is applied once everything it saw is here;
			 * one that waits for changes from elsewhere is left for
			 * a later exchange (and so is all that saw it). */
			struct vv deps;
			bool ready = t.seq == vv_get(&clock, t.origin) + 1;
			vv_parse(t.deps, &deps);
			for (size_t i = 0; ready && i < deps.n; i++)
				if (vv_get(&clock, deps.e[i].origin) < deps.e[i].seq)
					ready = false;
			vv_free(&deps);
			if (!ready) {
				stats->tx_waiting++;
			} else {
				long refused = stats->tx_refused;
				st = apply_tx(db, &t, h->sender, vetted, stats, err);
				if (st == KZ_OK) {
					vv_set(&clock, t.origin, t.seq);
					if (stats->tx_refused == refused)
						stats->tx_applied++;
				}
			}
		}
		file_tx_clear(&t);
		done++;
		if (progress && done % 50 == 0)
			progress(ctx, done, total);
	}
	if (st == KZ_OK && rc != SQLITE_DONE)
		st = not_changes(path, err);
	sqlite3_finalize(txs);
	sqlite3_finalize(chg);
	vv_free(&clock);
	if (st == KZ_OK)
		st = remember_peer(db, h->sender, h->clock, h->name, sync_peer_login(db), err);
	if (st == KZ_OK && stats->tx_applied > 0) {
		char *summary = xasprintf("%ld changes from %s", stats->tx_applied, h->sender);
		st = kz_audit(db, "sync", "sync", NULL, summary, err);
		free(summary);
	}
	if (st == KZ_OK && progress)
		progress(ctx, total, total);
	return st;
}

char *sync_file_clock(struct kz_db *db, const char *path)
{
	sqlite3 *f = NULL;
	char *clock = NULL;

	if (open_locked(db, path, &f, NULL) == KZ_OK)
		clock = get_header(f, "clock");
	sqlite3_close(f);
	return clock;
}

/* A file written for one person's replica (sync export --for, or the
 * office answering her sync ssh) holds only her cases: it fits her
 * replica only. */
static enum kz_status check_addressee(struct kz_db *db, const struct file_header *h,
				      const char *path, struct kz_error *err)
{
	char *owner;
	enum kz_status st = KZ_OK;

	if (!h->for_login)
		return KZ_OK;
	if (!sync_need_filtered(db))
		return kz_fail(err, KZ_INVALID,
			       _("%s was written for the replica of %s and holds only the cases that person may see; this database holds every case and cannot take it. Exchange as someone who sees every case (a coordinator), or make this replica anew with \"koszyk sync clone\"."),
			       path, h->for_login);
	owner = sync_need_owner(db);
	if (owner && strcmp(owner, h->for_login) != 0)
		st = kz_fail(err, KZ_INVALID,
			     _("%s was written for the replica of %s; this is the replica of %s. Write the changes again with --for %s."),
			     path, h->for_login, owner, owner);
	free(owner);
	return st;
}

/* Does this replica hold everything the file starts from (so that all
 * its transactions apply now)? Only then may cases arrive whole: they
 * are as they were when the file was written. */
static bool holds_since(struct kz_db *db, const char *since)
{
	struct vv mine, from;
	bool yes = true;

	if (!since || sync_load_clock(db, &mine, NULL) != KZ_OK)
		return false;
	vv_parse(since, &from);
	for (size_t i = 0; yes && i < from.n; i++)
		if (vv_get(&mine, from.e[i].origin) < from.e[i].seq)
			yes = false;
	vv_free(&from);
	vv_free(&mine);
	return yes;
}

struct arriving {
	char *case_id;
	bool wanted, clash;
	int system;
	long long sent; /* the highest own change the writer of the file holds */
	bool replaced;  /* held here, taken again whole */
};

/* A case that arrived whole as the office holds it: this replica's own
 * changes of it that the office does not hold yet (made before the case
 * left this replica, or while the file was on its way) are applied on it
 * again, as they will be at the office. */
static enum kz_status replay_own(struct kz_db *db, const char *case_id, long long sent,
				 struct kz_error *err)
{
	sqlite3_stmt *q;
	enum kz_status st = KZ_OK;
	int rc = sqlite3_prepare_v2(kz_db_handle(db),
		"SELECT c.seq, t.lamport, t.at, t.user, t.deps, c.tbl, c.row_id, c.op, c.vals"
		" FROM sync_change c JOIN sync_tx t ON t.origin = c.origin AND t.seq = c.seq"
		" WHERE c.origin = ?1 AND c.seq > ?2 AND c.op IN ('I', 'U')"
		" ORDER BY c.seq, c.idx", -1, &q, NULL);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "sync");
	sqlite3_bind_text(q, 1, sync_replica(db), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, sent);
	while (st == KZ_OK && sqlite3_step(q) == SQLITE_ROW) {
		struct sync_apply a = { 0 };
		struct sync_change c = {
			.tbl = (const char *)sqlite3_column_text(q, 5),
			.row_id = (const char *)sqlite3_column_text(q, 6),
			.op = ((const char *)sqlite3_column_text(q, 7))[0],
			.vals = (const char *)sqlite3_column_text(q, 8),
		};
		char *owner;
		bool keep, ours;
		a.stamp.origin = sync_replica(db);
		a.stamp.seq = sqlite3_column_int64(q, 0);
		a.stamp.lamport = sqlite3_column_int64(q, 1);
		a.at = (const char *)sqlite3_column_text(q, 2);
		a.user = (const char *)sqlite3_column_text(q, 3);
		vv_parse((const char *)sqlite3_column_text(q, 4), &a.deps);
		/* Only the rows of this case: what the rest holds is as it was. */
		owner = kz_row_case_id(db, c.tbl, c.row_id);
		ours = owner ? strcmp(owner, case_id) == 0 : c.op == 'I';
		free(owner);
		if (ours && savepoint(db, "SAVEPOINT kz_replay") == SQLITE_OK) {
			st = sync_apply_change(db, &a, &c, &keep, err);
			owner = kz_row_case_id(db, c.tbl, c.row_id);
			if (st != KZ_OK || !owner || strcmp(owner, case_id) != 0)
				savepoint(db, "ROLLBACK TO kz_replay");
			savepoint(db, "RELEASE kz_replay");
			free(owner);
		}
		vv_free(&a.deps);
	}
	sqlite3_finalize(q);
	return st;
}

static enum kz_status arrival_end(struct kz_db *db, struct arriving *a,
				  struct kz_sync_stats *stats, struct kz_error *err)
{
	enum kz_status st = KZ_OK;

	if (a->wanted) {
		if (a->clash) {
			/* It does not fit yet: it comes again with a later file. */
			savepoint(db, "ROLLBACK TO kz_snapshot");
		} else {
			char *code = kz_query_text(db, "SELECT code FROM main.cases WHERE id = ?1",
						   a->case_id);
			st = kz_audit(db, "arrived", "case", a->case_id, code, err);
			free(code);
			if (st == KZ_OK)
				st = replay_own(db, a->case_id, a->sent, err);
			if (st == KZ_OK && a->replaced)
				stats->cases_replaced++;
			else if (st == KZ_OK)
				stats->cases_arrived++;
		}
		savepoint(db, "RELEASE kz_snapshot");
		kz_db_system_end(db, a->system);
	}
	free(a->case_id);
	memset(a, 0, sizeof(*a));
	return st;
}

/* replace: this replica is to take the case whole again, even though it
 * holds it (a change of its own was refused at the office); its own
 * changes the office does not hold yet are applied on it again
 * (replay_own). */
static enum kz_status arrival_begin(struct kz_db *db, struct arriving *a,
				    const char *case_id, bool complete, bool replace,
				    struct kz_error *err)
{
	a->case_id = xstrdup(case_id);
	if (complete && replace && !sync_need_case_wanted(db, case_id) &&
	    savepoint(db, "SAVEPOINT kz_snapshot") == SQLITE_OK) {
		a->system = kz_db_system_begin(db);
		if (sync_need_drop_case(db, case_id, err) != KZ_OK)
			return KZ_ENV;
		a->wanted = sync_need_case_wanted(db, case_id);
		a->replaced = a->wanted;
		if (!a->wanted) {
			savepoint(db, "ROLLBACK TO kz_snapshot");
			savepoint(db, "RELEASE kz_snapshot");
			kz_db_system_end(db, a->system);
		}
		return KZ_OK;
	}
	a->wanted = complete && sync_need_case_wanted(db, case_id);
	if (a->wanted) {
		if (savepoint(db, "SAVEPOINT kz_snapshot") != SQLITE_OK)
			return KZ_ENV;
		a->system = kz_db_system_begin(db);
	}
	return KZ_OK;
}


/* Cases sent whole: each one this replica neither holds nor deleted
 * arrives as it was when the file was written; the file's changes then
 * leave its rows alone. Every row's checksum is checked either way. */
static enum kz_status receive_snapshots(struct kz_db *db, sqlite3 *f, const char *path,
					const struct file_header *h,
					struct kz_sync_stats *stats, struct kz_error *err)
{
	long long want = h->snapshots ? strtoll(h->snapshots, NULL, 10) : 0, seen = 0;
	bool complete = holds_since(db, h->since);
	bool replacing = h->replace && *h->replace;
	struct arriving a = { 0 };
	long long sent;
	{
		struct vv theirs;
		vv_parse(h->clock, &theirs);
		sent = vv_get(&theirs, sync_replica(db));
		vv_free(&theirs);
	}
	sqlite3_stmt *q = NULL;
	enum kz_status st = KZ_OK;
	int rc;

	if (want <= 0)
		return want < 0 ? not_changes(path, err) : KZ_OK;
	if (sqlite3_prepare_v2(f, "SELECT case_id, idx, tbl, row_id, vals, meta, checksum"
			       " FROM snapshot ORDER BY case_id, idx", -1, &q, NULL) != SQLITE_OK)
		return not_changes(path, err);
	while (st == KZ_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *case_id = (const char *)sqlite3_column_text(q, 0);
		const char *tbl = (const char *)sqlite3_column_text(q, 2);
		const char *row_id = (const char *)sqlite3_column_text(q, 3);
		const char *vals = (const char *)sqlite3_column_text(q, 4);
		const char *meta = (const char *)sqlite3_column_text(q, 5);
		const char *check = (const char *)sqlite3_column_text(q, 6);
		char sum[17];
		seen++;
		if (!case_id || !tbl || !row_id || !vals || !meta || !check)
			st = not_changes(path, err);
		if (st == KZ_OK) {
			snapshot_sum(case_id, sqlite3_column_int64(q, 1), tbl, row_id, vals, meta, sum);
			if (!sum_matches(check, sum))
				st = not_changes(path, err);
		}
		if (st == KZ_OK && (!a.case_id || strcmp(a.case_id, case_id) != 0)) {
			if (a.case_id)
				st = arrival_end(db, &a, stats, err);
			a.sent = sent;
			if (st == KZ_OK &&
			    arrival_begin(db, &a, case_id, complete,
					  replacing && strstr(h->replace, case_id), err) != KZ_OK)
				st = err && err->status != KZ_OK ? err->status
								 : kz_db_fail(db, SQLITE_ERROR, err, "savepoint");
		}
		if (st == KZ_OK && a.wanted && !a.clash)
			st = sync_need_install_row(db, tbl, row_id, vals, meta, &a.clash, err);
	}
	if (st == KZ_OK && rc != SQLITE_DONE)
		st = not_changes(path, err);
	if (st == KZ_OK && seen != want)
		st = not_changes(path, err);
	if (a.case_id) {
		if (st != KZ_OK)
			a.clash = true;
		enum kz_status end = arrival_end(db, &a, stats, err);
		if (st == KZ_OK)
			st = end;
	}
	sqlite3_finalize(q);
	return st;
}

/* Apply a file inside the import's transaction: whole cases first, then
 * the transactions, then what the sender holds, then what this replica's
 * person may no longer see leaves it. */
static enum kz_status receive(struct kz_db *db, sqlite3 *f, const char *path,
			      const struct file_header *h, struct kz_sync_stats *stats,
			      kz_sync_progress_fn progress, void *ctx,
			      struct kz_error *err)
{
	enum kz_status st;

	sync_need_skips_clear(db);
	st = receive_snapshots(db, f, path, h, stats, err);
	if (st == KZ_OK)
		st = apply_file(db, f, path, h, stats, progress, ctx, err);
	if (st == KZ_OK && h->cases)
		st = sync_need_note_held(db, h->sender, h->cases, err);
	if (st == KZ_OK && h->next_code && sync_need_filtered(db))
		st = kz_db_meta_set(db, "office_next_code", h->next_code, err);
	if (st == KZ_OK)
		st = sync_need_forget(db, h->for_login ? h->forget : NULL, &stats->cases_left, err);
	return st;
}

enum kz_status kz_sync_import(struct kz_db *db, const char *path,
			      struct kz_sync_stats *stats,
			      kz_sync_progress_fn progress, void *ctx,
			      struct kz_error *err)
{
	struct kz_sync_stats local = { 0 };
	struct kz_sync_compact_stats compacted = { 0 };
	struct file_header h;
	sqlite3 *f;
	enum kz_status st;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	st = kz_sync_ensure_replica(db, NULL, err);
	if (st != KZ_OK)
		return st;
	st = open_changes(db, path, &f, &h, err);
	if (st != KZ_OK)
		return st;
	st = check_addressee(db, &h, path, err);
	if (st == KZ_OK)
		st = sync_check_retired(db, h.retired, h.since, err);
	if (st != KZ_OK) {
		sqlite3_close(f);
		header_clear(&h);
		return st;
	}
	/* Received changes are not captured again as this replica's own; an
	 * erasure among them, or a case that leaves, overwrites what it
	 * removes. */
	int secure = kz_db_secure_begin(db);
	kz_sync_pause(db, true);
	st = kz_db_begin(db, err);
	kz_sync_pause(db, false);
	if (st == KZ_OK) {
		/* Each transaction with the rights of its author (apply_tx). */
		kz_sync_pause(db, true);
		st = receive(db, f, path, &h, stats, progress, ctx, err);
		kz_sync_pause(db, false);
		/* The sender told what it holds: what every known replica now
		 * holds leaves the log (overwritten, as the rest of this). */
		if (st == KZ_OK)
			st = sync_note_floor(db, h.sender, h.floor, err);
		if (st == KZ_OK)
			st = sync_compact_within(db, &compacted, err);
		if (st == KZ_OK)
			st = kz_db_commit(db, err);
		else
			kz_db_rollback(db);
	}
	/* A case taken out leaves nothing in the file: not even in the free
	 * space of pages rebuilt while it was here. */
	if (st == KZ_OK && (stats->cases_left > 0 || stats->cases_replaced > 0))
		sqlite3_exec(kz_db_handle(db), "VACUUM", NULL, NULL, NULL);
	kz_db_secure_end(db, secure, st == KZ_OK && (stats->tx_applied > 0 ||
						     compacted.tx_removed > 0 ||
						     stats->cases_left > 0 ||
						     stats->cases_arrived > 0 ||
						     stats->cases_replaced > 0));
	if (st != KZ_OK)
		memset(stats, 0, sizeof(*stats));
	sqlite3_close(f);
	header_clear(&h);
	return st;
}

/* --- clone ------------------------------------------------------------------ */

static enum kz_status forget_inherited_peers(struct kz_db *db, const char *source,
					     struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, "DELETE FROM sync_peer WHERE replica <> ?1", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "sync_peer", err);
}

enum kz_status kz_sync_adopt_clone(const char *dest, const char *source_replica,
				   struct kz_error *err)
{
	struct kz_db *db;
	struct vv clock;
	char *text;
	enum kz_status st = kz_db_open(dest, KZ_OPEN_EXISTING, &db, err);

	if (st != KZ_OK)
		return st;
	/* Opening gave the copy a replica id of its own (another file). */
	st = sync_load_clock(db, &clock, err);
	if (st == KZ_OK && source_replica && strcmp(source_replica, sync_replica(db)) != 0) {
		char *withheld = kz_db_meta_get(db, "audit_withheld");
		text = vv_format(&clock);
		st = kz_db_begin(db, err);
		/* The source's peers came with the copy: they are not this
		 * replica's (it never heard from them), and their old clocks
		 * would hold its exports and its compaction back for ever. */
		if (st == KZ_OK)
			st = forget_inherited_peers(db, source_replica, err);
		if (st == KZ_OK)
			st = remember_peer(db, source_replica, text, NULL, NULL, err);
		/* The trail says that what it tells of other cases was left
		 * out of this person's replica. */
		if (st == KZ_OK && withheld) {
			char *owner = sync_need_owner(db);
			kz_db_set_principal(db, owner ? owner : "", KZ_ROLE_WORKER);
			free(owner);
			st = kz_audit_withheld(db, strtoll(withheld, NULL, 10), err);
		}
		if (st == KZ_OK && withheld)
			st = kz_db_meta_delete(db, "audit_withheld", err);
		if (st == KZ_OK)
			st = kz_db_commit(db, err);
		else
			kz_db_rollback(db);
		free(withheld);
		free(text);
	}
	if (st == KZ_OK)
		vv_free(&clock);
	kz_db_close(db);
	return st;
}

/* The source learns the new replica, what it holds and whose it is, so
 * that its next change file for people it knows covers the new one too;
 * held: the cases of a need-to-know replica (NULL: every case). */
static enum kz_status introduce_clone(struct kz_db *src, const char *dest,
				      const char *owner, const char *held,
				      struct kz_error *err)
{
	struct kz_db *db;
	struct kz_sync_info info;
	enum kz_status st = kz_db_open(dest, KZ_OPEN_EXISTING, &db, err);

	if (st != KZ_OK)
		return st;
	st = kz_sync_info(db, &info, err);
	kz_db_close(db);
	if (st != KZ_OK)
		return st;
	st = kz_db_begin(src, err);
	if (st == KZ_OK)
		st = remember_peer(src, info.replica_id, info.clock, NULL, owner, err);
	if (st == KZ_OK && held)
		st = sync_need_note_held(src, info.replica_id, held, err);
	if (st == KZ_OK)
		st = kz_db_commit(src, err);
	else
		kz_db_rollback(src);
	kz_sync_info_clear(&info);
	return st;
}

enum kz_status kz_sync_copy_for(struct kz_db *src, const char *dest,
				char **held, struct kz_error *err)
{
	enum kz_status st;
	int system;

	*held = NULL;
	/* A person who may not see every case gets a replica of hers. */
	if (kz_db_effective_role(src) < KZ_ROLE_COORDINATOR)
		return sync_need_clone(src, dest, kz_db_user(src), held, err);
	system = kz_db_system_begin(src);
	st = kz_db_backup(src, dest, err);
	kz_db_system_end(src, system);
	return st;
}

enum kz_status kz_sync_clone(const char *source, const char *dest,
			     const struct kz_config *cfg, const char *owner,
			     struct kz_error *err)
{
	struct kz_db *src;
	struct stat sb;
	char *replica, *held = NULL;
	enum kz_status st;

	if (stat(dest, &sb) == 0)
		return kz_fail(err, KZ_INVALID, _("%s already exists; give a new file name for the new replica."),
			       dest);
	st = kz_db_open(source, KZ_OPEN_EXISTING, &src, err);
	if (st != KZ_OK)
		return st;
	replica = xstrdup(sync_replica(src));
	if (cfg && owner)
		kz_db_set_login(src, cfg, owner);
	else
		kz_db_set_principal(src, owner ? owner : "", KZ_ROLE_COORDINATOR);
	st = kz_sync_copy_for(src, dest, &held, err);
	if (st == KZ_OK)
		st = kz_sync_adopt_clone(dest, replica, err);
	if (st == KZ_OK)
		st = introduce_clone(src, dest, owner, held, err);
	kz_db_close(src);
	if (st != KZ_OK)
		unlink(dest);
	free(held);
	free(replica);
	return st;
}
