/* Compaction of the change log. The log is kept to pass changes on to
 * replicas that lack them; a transaction every known replica holds is of
 * no more use there and leaves it. "Known" replicas are the peers this
 * replica has exchanged with (sync_peer) and not retired: each peer's
 * clock is what its last file said it held, so the floor over them is a
 * lower bound of what they hold. A replica they pass changes to is their
 * peer and holds back their own compaction in turn.
 *
 * Kept below the horizon: the transactions a field in conflict or a
 * dropped change refers to (who wrote it, and when, is shown from them)
 * and those that changed a partner's membership (its history is read
 * from the log: partnership.c). They are never sent again: every known
 * replica holds them.
 *
 * A retired replica (kz_sync_forget) no longer holds compaction back.
 * Files written here name it, so that when it comes back it is told to
 * clone anew instead of waiting forever for changes that are gone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync_internal.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* The seqs of one origin's transactions that stay although compacted;
 * ?1 the origin, ?2 the new horizon. */
#define PINNED_SEQS                                                           \
	"SELECT f.seq FROM sync_conflict c JOIN sync_field f ON f.tbl = c.tbl"    \
	" AND f.row_id = c.row_id AND f.col = c.col WHERE f.origin = ?1"         \
	" UNION SELECT seq FROM sync_dropped WHERE origin = ?1"                   \
	" UNION SELECT seq FROM sync_change WHERE origin = ?1 AND seq <= ?2"      \
	" AND tbl = 'partners' AND op IN ('I', 'U') AND json_valid(vals)"         \
	" AND json_extract(vals, '$.status') IS NOT NULL"

long long sync_horizon_of(struct kz_db *db, const char *origin)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT seq FROM sync_horizon WHERE origin = ?1", NULL);
	long long seq = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return seq;
}

char *sync_retired_text(struct kz_db *db)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT replica FROM sync_peer WHERE retired IS NOT NULL"
				      " ORDER BY 1", NULL);
	struct kz_buf out = KZ_BUF_INIT;

	kz_buf_puts(&out, "");
	if (!st)
		return kz_buf_detach(&out);
	while (sqlite3_step(st) == SQLITE_ROW)
		kz_buf_printf(&out, "%s%s", out.len ? " " : "", kz_column_str(st, 0));
	sqlite3_reset(st);
	return kz_buf_detach(&out);
}

/* --- what the replicas known hold ----------------------------------------- */

char *sync_floor_text(struct kz_db *db)
{
	struct vv clock, floor;
	char *text;

	if (sync_load_clock(db, &clock, NULL) != KZ_OK)
		return xstrdup("");
	if (sync_peers_floor(db, &clock, false, &floor, NULL) != KZ_OK) {
		vv_free(&clock);
		return xstrdup("");
	}
	text = vv_format(&floor);
	vv_free(&floor);
	vv_free(&clock);
	return text;
}

enum kz_status sync_note_floor(struct kz_db *db, const char *sender, const char *floor,
			       struct kz_error *err)
{
	sqlite3_stmt *st;

	if (!floor)
		return KZ_OK; /* a file of an older koszyk */
	st = kz_db_stmt(db, "UPDATE sync_peer SET floor = ?2 WHERE replica = ?1", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, sender, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, floor, -1, SQLITE_TRANSIENT);
	return kz_db_step(db, st, "sync_peer", err);
}

/* A cached statement over one origin's log up to seq `upto` (?1, ?2). */
static sqlite3_stmt *origin_stmt(struct kz_db *db, const char *sql, const char *origin,
				 long long upto, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, err);

	if (st) {
		sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, upto);
	}
	return st;
}

/* What leaves the log of one origin up to seq `upto`, counted first. */
static enum kz_status measure(struct kz_db *db, const char *origin, long long upto,
			      struct kz_sync_compact_stats *out, long long *lamport,
			      char **newest, struct kz_error *err)
{
	sqlite3_stmt *st = origin_stmt(db,
		"SELECT count(*), coalesce(sum(length(deps) + length(at) + length(user)), 0),"
		" max(lamport), max(at) FROM sync_tx WHERE origin = ?1 AND seq <= ?2"
		" AND seq NOT IN (" PINNED_SEQS ")", origin, upto, err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->tx_removed += (long)sqlite3_column_int64(st, 0);
		out->bytes_removed += sqlite3_column_int64(st, 1);
		*lamport = sqlite3_column_int64(st, 2);
		*newest = kz_column_dup(st, 3);
		rc = SQLITE_DONE;
	}
	if (kz_stmt_done(db, st, rc, "sync_tx", err) != KZ_OK)
		return err ? err->status : KZ_ENV;
	st = origin_stmt(db,
		"SELECT count(*), coalesce(sum(length(vals) + length(row_id) + length(tbl)), 0)"
		" FROM sync_change WHERE origin = ?1 AND seq <= ?2 AND seq NOT IN (" PINNED_SEQS ")",
		origin, upto, err);
	if (!st)
		return err ? err->status : KZ_ENV;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->changes_removed += (long)sqlite3_column_int64(st, 0);
		out->bytes_removed += sqlite3_column_int64(st, 1);
		rc = SQLITE_DONE;
	}
	return kz_stmt_done(db, st, rc, "sync_change", err);
}

static enum kz_status drop_upto(struct kz_db *db, const char *origin, long long upto,
				struct kz_error *err)
{
	sqlite3_stmt *st = origin_stmt(db, "DELETE FROM sync_change WHERE origin = ?1"
				       " AND seq <= ?2 AND seq NOT IN (" PINNED_SEQS ")",
				       origin, upto, err);
	enum kz_status rc = st ? kz_db_step(db, st, "sync_change", err)
			       : (err ? err->status : KZ_ENV);

	if (rc != KZ_OK)
		return rc;
	st = origin_stmt(db, "DELETE FROM sync_tx WHERE origin = ?1"
			 " AND seq <= ?2 AND seq NOT IN (" PINNED_SEQS ")", origin, upto, err);
	return st ? kz_db_step(db, st, "sync_tx", err) : (err ? err->status : KZ_ENV);
}

static enum kz_status set_horizon(struct kz_db *db, const char *origin, long long seq,
				  long long lamport, const char *at, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"INSERT INTO sync_horizon(origin, seq, lamport, at) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT(origin) DO UPDATE SET seq = excluded.seq,"
		" lamport = max(lamport, excluded.lamport),"
		" at = coalesce(max(at, excluded.at), at, excluded.at)", err);

	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_int64(st, 3, lamport);
	kz_bind_text(st, 4, at);
	return kz_db_step(db, st, "sync_horizon", err);
}

/* One origin: everything up to `floor` leaves, but what stays pinned.
 * Runs again over the old horizon too: a resolved conflict frees what
 * it pinned. */
static enum kz_status compact_origin(struct kz_db *db, const char *origin, long long floor,
				     struct kz_sync_compact_stats *out, struct kz_error *err)
{
	long long lamport = 0, was = sync_horizon_of(db, origin);
	long before = out->tx_removed;
	char *newest = NULL;
	enum kz_status st;

	if (floor <= 0)
		return KZ_OK;
	if (floor < was)
		floor = was; /* the horizon never goes back */
	st = measure(db, origin, floor, out, &lamport, &newest, err);
	if (st == KZ_OK && (out->tx_removed > before || floor > was))
		st = drop_upto(db, origin, floor, err);
	if (st == KZ_OK && floor > was)
		st = set_horizon(db, origin, floor, lamport, newest, err);
	else if (st == KZ_OK && out->tx_removed > before)
		st = set_horizon(db, origin, was, lamport, newest, err);
	free(newest);
	return st;
}

static void count_left(struct kz_db *db, struct kz_sync_compact_stats *out)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT count(*) FILTER (WHERE t.seq > coalesce(h.seq, 0)),"
		" count(*) FILTER (WHERE t.seq <= coalesce(h.seq, 0))"
		" FROM sync_tx t LEFT JOIN sync_horizon h ON h.origin = t.origin", NULL);

	if (st && sqlite3_step(st) == SQLITE_ROW) {
		out->tx_left = (long)sqlite3_column_int64(st, 0);
		out->tx_pinned = (long)sqlite3_column_int64(st, 1);
	}
	if (st)
		sqlite3_reset(st);
	st = kz_db_stmt(db, "SELECT count(*) FILTER (WHERE retired IS NULL),"
			" count(*) FILTER (WHERE retired IS NOT NULL) FROM sync_peer", NULL);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		out->peers = (long)sqlite3_column_int64(st, 0);
		out->peers_retired = (long)sqlite3_column_int64(st, 1);
	}
	if (st)
		sqlite3_reset(st);
}

enum kz_status sync_compact_within(struct kz_db *db, struct kz_sync_compact_stats *out,
				  struct kz_error *err)
{
	struct vv clock, floor;
	enum kz_status st = sync_load_clock(db, &clock, err);

	if (st != KZ_OK)
		return st;
	st = sync_peers_floor(db, &clock, true, &floor, err);
	for (size_t i = 0; st == KZ_OK && i < floor.n; i++)
		st = compact_origin(db, floor.e[i].origin, floor.e[i].seq, out, err);
	if (st == KZ_OK)
		count_left(db, out);
	vv_free(&floor);
	vv_free(&clock);
	return st;
}

enum kz_status kz_sync_compact(struct kz_db *db, struct kz_sync_compact_stats *out,
			       struct kz_error *err)
{
	struct kz_sync_compact_stats local;
	enum kz_status st;

	if (!out)
		out = &local;
	memset(out, 0, sizeof(*out));
	/* The log is no synced table: nothing of this is captured. */
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	st = sync_compact_within(db, out, err);
	if (st == KZ_OK && out->tx_removed > 0) {
		char *summary = xasprintf("%ld changes left the change log", out->tx_removed);
		st = kz_audit(db, "compact", "sync", NULL, summary, err);
		free(summary);
	}
	if (st == KZ_OK)
		return kz_db_commit(db, err);
	kz_db_rollback(db);
	memset(out, 0, sizeof(*out));
	return st;
}

enum kz_status kz_sync_forget(struct kz_db *db, const char *replica, struct kz_error *err)
{
	sqlite3_stmt *st;
	char now[32], *summary;
	enum kz_status rc;

	if (!kz_may(db, KZ_RIGHT_ALL_CASES))
		return kz_fail(err, KZ_DENIED,
			       _("Only a coordinator may retire another computer's replica."));
	if (strcmp(replica, sync_replica(db)) == 0)
		return kz_fail(err, KZ_INVALID, _("%s is this computer's own replica; it cannot be retired here."),
			       replica);
	rc = kz_db_begin(db, err);
	if (rc != KZ_OK)
		return rc;
	kz_now_iso(now);
	st = kz_db_stmt(db, "UPDATE sync_peer SET retired = coalesce(retired, ?2)"
			" WHERE replica = ?1", err);
	if (!st) {
		kz_db_rollback(db);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_text(st, 1, replica, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	rc = kz_db_step(db, st, "sync_peer", err);
	if (rc == KZ_OK && sqlite3_changes(kz_db_handle(db)) == 0)
		rc = kz_fail(err, KZ_NOT_FOUND,
			     _("No computer with replica %s has exchanged with this one (see \"koszyk sync status\")."),
			     replica);
	summary = xasprintf("replica %s retired", replica);
	if (rc == KZ_OK)
		rc = kz_audit(db, "retire", "sync", NULL, summary, err);
	free(summary);
	if (rc == KZ_OK)
		return kz_db_commit(db, err);
	kz_db_rollback(db);
	return rc;
}

/* The receiving side: the writer of the file retired this replica, and
 * the file starts after changes this replica lacks, which the writer no
 * longer keeps: they would never arrive. */
enum kz_status sync_check_retired(struct kz_db *db, const char *retired, const char *since,
				  struct kz_error *err)
{
	const char *me = sync_replica(db);
	size_t n = strlen(me);
	const char *p = retired;
	struct vv mine, from;
	bool named = false, lacks = false;

	while (p && (p = strstr(p, me)) != NULL) {
		if ((p == retired || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			named = true;
		p += n;
	}
	if (!named || !since || sync_load_clock(db, &mine, NULL) != KZ_OK)
		return KZ_OK;
	vv_parse(since, &from);
	for (size_t i = 0; !lacks && i < from.n; i++)
		lacks = vv_get(&mine, from.e[i].origin) < from.e[i].seq;
	vv_free(&from);
	vv_free(&mine);
	if (!lacks)
		return KZ_OK;
	return kz_fail(err, KZ_INVALID,
		       _("This computer was away so long that the office stopped keeping the changes it missed, so they can no longer be brought here. Nothing was changed. Make sure the office has your latest changes (it takes them from this computer's change file or \"koszyk sync ssh\"), then make this computer's copy anew with \"koszyk sync clone\"."));
}
