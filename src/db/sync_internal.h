/* Shared by the sync modules of the data layer (src/db/sync*.c, db.c,
 * cases.c, src/io/sync_ssh.c). See include/koszyk/sync.h for the model. */
#ifndef KOSZYK_SYNC_INTERNAL_H
#define KOSZYK_SYNC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "db_internal.h"
#include "koszyk/buf.h"
#include "koszyk/sync.h"

/* A foreign key of a synced table. */
struct sync_fk {
	int col;       /* column index in the child */
	int parent;    /* index of the parent in the registry */
	bool set_null; /* ON DELETE SET NULL; otherwise the child goes too */
};

/* A synced table as read from the schema. */
struct sync_table {
	const char *name; /* static */
	const char *kind; /* static, record kind for people */
	char **cols;
	int ncol;
	int pk[2];        /* key columns: id, or plan_id and version */
	int npk;
	int rev_col;      /* this replica's own save counter, not synced */
	bool *lww;        /* newest write wins without a conflict */
	struct sync_fk *fks;
	int nfk;
};

/* A version vector: the highest transaction seen from each origin. */
struct vv_entry {
	char *origin;
	long long seq;
};
struct vv {
	struct vv_entry *e;
	size_t n;
};

void vv_parse(const char *text, struct vv *out);
char *vv_format(const struct vv *v);
long long vv_get(const struct vv *v, const char *origin);
void vv_set(struct vv *v, const char *origin, long long seq);
void vv_free(struct vv *v);

/* A transaction's stamp. */
struct sync_stamp {
	const char *origin;
	long long seq;
	long long lamport;
};

struct kz_sync;

/* Per-connection state, owned by struct kz_db (db.c). */
struct kz_sync *kz_sync_new(void);
void kz_sync_free(struct kz_sync *s);
struct kz_sync *kz_db_sync(struct kz_db *db);
/* The login of the other side of an exchange: the person who logged in
 * to serve it (sync serve), so that her replica is registered as hers. */
const char *sync_peer_login(struct kz_db *db);
void kz_sync_set_peer_login(struct kz_db *db, const char *login);

/* Who writes a change file when it is written for someone else's
 * replica (sync export --for): its header names her, not the replica's
 * person. */
void sync_set_writer(struct kz_db *db, const char *login);
const char *sync_writer(struct kz_db *db);

/* While paused (migrations, applying a change file) nothing is captured. */
void kz_sync_pause(struct kz_db *db, bool paused);

/* The registry of synced tables, parents before children. */
int sync_table_count(struct kz_db *db);
const struct sync_table *sync_table_at(struct kz_db *db, int i);
const struct sync_table *sync_table_named(struct kz_db *db, const char *name,
					  int *index);
int sync_col_index(const struct sync_table *t, const char *col);
/* The key of a row as one text: id, or plan_id/version. */
char *sync_row_key(const struct sync_table *t, const char *const *pkvals);
/* " WHERE id = ?N" or " WHERE plan_id = ?N AND version = ?N+1" and the
 * binding of a row key to it. */
void sync_key_where(const struct sync_table *t, struct kz_buf *sql, int first);
int sync_bind_key(const struct sync_table *t, sqlite3_stmt *st, int first,
		  const char *row_id);

/* Tables whose rows are unique by other columns than their key: of rows
 * with the same values the one with the smallest id keeps them (a case
 * code: the others get their code renamed; otherwise the others go). A
 * deleted row's tombstone keeps its unique values (ukey), so the rule
 * gives the same result whichever rows a replica saw alive. */
struct sync_unique {
	const char *table;
	const char *cols[2];
	bool rename;
};
const struct sync_unique *sync_unique_rule(const char *table);
/* The unique values as one text (NULL when one is missing). */
char *sync_ukey(const char *a, const char *b);

/* Prepare sql (a statement over table t so far) for one row: the key
 * condition is appended and bound as ?1 (and ?2); sql is freed. The
 * statement is the connection's (kz_db_stmt_text): reset it after use,
 * never finalize it. */
sqlite3_stmt *sync_prepare_row(struct kz_db *db, const struct sync_table *t,
			       struct kz_buf *sql, const char *row_id,
			       struct kz_error *err);

/* This replica's id (cached) and its version vector. */
const char *sync_replica(struct kz_db *db);
enum kz_status sync_load_clock(struct kz_db *db, struct vv *out,
			       struct kz_error *err);
long long sync_next_lamport(struct kz_db *db);

/* Log a write of the field in this transaction even when the value did
 * not change (a person chose the value a conflicting field holds). */
enum kz_status kz_sync_force_write(struct kz_db *db, const char *table,
				   const char *row_id, const char *col);

/* Cases.c tells the capture that a case is being erased: the rows of the
 * case leave the change log, and the erasure is logged without data. */
enum kz_status kz_sync_erase_note(struct kz_db *db, const char *case_id,
				  struct kz_error *err);
/* cases.c: erase a case by id inside the current transaction (a received
 * erasure). KZ_NOT_FOUND when this replica does not hold it. */
enum kz_status kz_case_erase_id(struct kz_db *db, const char *case_id,
				struct kz_error *err);
/* The same, with the author of the erasure in the audit trail (NULL: the
 * principal). */
enum kz_status kz_case_erase_id_by(struct kz_db *db, const char *case_id,
				   const char *author, struct kz_error *err);

/* Apply one received transaction (sync_merge.c). Its header is already
 * checked; changes are read from the change file statement. */
struct sync_change {
	const char *tbl;
	const char *row_id;
	char op;
	const char *vals; /* JSON object, NULL for D and E */
};
struct sync_apply {
	struct sync_stamp stamp;
	const char *user; /* who wrote the transaction, and when */
	const char *at;
	struct vv deps;
	long changes;
	long conflicts_new;
};
/* *keep tells whether the change is kept in the log for relaying. */
enum kz_status sync_apply_change(struct kz_db *db, struct sync_apply *a,
				 const struct sync_change *c, bool *keep,
				 struct kz_error *err);

/* The version vector of the sender of a change file (caller frees). */
char *sync_file_clock(struct kz_db *db, const char *path);

/* A deleted row's values leave the log: its deletion alone travels (a
 * peer that never saw the row gets just the tombstone). */
enum kz_status sync_forget_row(struct kz_db *db, const char *tbl,
			       const char *row_id, struct kz_error *err);

/* What every known peer (not retired) holds: for each origin of clock
 * the smallest seq among them and this replica; with theirs, what their
 * own peers hold too (as their last files said; a peer that never said,
 * a clone made here, has no other peers); all 0 when no peer is known
 * yet. */
enum kz_status sync_peers_floor(struct kz_db *db, const struct vv *clock, bool theirs,
				struct vv *floor, struct kz_error *err);

/* --- compaction (sync_compact.c) --------------------------------------- */

/* The seq up to which origin's transactions left the log (0: none). */
long long sync_horizon_of(struct kz_db *db, const char *origin);
/* The retired replicas, space-separated (caller frees). */
char *sync_retired_text(struct kz_db *db);
/* What every peer (not retired) of this replica holds, for a file's
 * header (caller frees); and remembering it from a received header as
 * what the sender's peers hold. */
char *sync_floor_text(struct kz_db *db);
enum kz_status sync_note_floor(struct kz_db *db, const char *sender, const char *floor,
			       struct kz_error *err);
/* Compact inside the caller's transaction. */
enum kz_status sync_compact_within(struct kz_db *db, struct kz_sync_compact_stats *out,
				   struct kz_error *err);
/* A file whose writer retired this replica and that starts after
 * changes it lacks: KZ_INVALID, telling to clone anew. */
enum kz_status sync_check_retired(struct kz_db *db, const char *retired,
				  const char *since, struct kz_error *err);

/* --- need-to-know replicas (sync_need.c) ------------------------------ */

/* Insert a row of a snapshot with its values (a JSON object as an insert
 * carries them). *clash: it does not fit here now (a unique value or a
 * parent): nothing was written. */
enum kz_status sync_insert_snapshot_row(struct kz_db *db, const char *tbl,
					const char *row_id, const char *vals,
					bool *clash, bool *dropped,
					struct kz_error *err);
/* A case this replica does not hold, known by its code (sync_row with
 * deleted = 2): so that a case made here never keeps a code in use. */
enum kz_status sync_mark_elsewhere(struct kz_db *db, const char *case_id,
				   const char *code, struct kz_error *err);

/* Whether this replica was cloned for a person who may not see every
 * case (meta need_to_know): it holds only her cases, sends only its own
 * changes and forgets a case she may no longer see. */
bool sync_need_filtered(struct kz_db *db);
/* Such a replica's person (meta owner; caller frees), else NULL. */
char *sync_need_owner(struct kz_db *db);
/* The ids of the cases it holds, space-separated (caller frees). */
char *sync_need_held_text(struct kz_db *db);
/* Remember which cases a peer replica holds (its file said so). */
enum kz_status sync_need_note_held(struct kz_db *db, const char *replica,
				   const char *cases, struct kz_error *err);

/* For whom an export is written: NULL when it may carry every case (the
 * principal is a coordinator, or this replica sends only its own). */
struct sync_need;
enum kz_status sync_need_begin(struct kz_db *db, struct sync_need **out,
			       struct kz_error *err);
void sync_need_free(struct sync_need *n);
const char *sync_need_login(const struct sync_need *n);
/* What becomes of a logged change in the export: sent, left out, or
 * (the insert or update of a case she may not see) sent as the case's
 * code alone (op K, *marker: its values). */
enum sync_verdict { SYNC_SEND, SYNC_SKIP, SYNC_MARK };
enum sync_verdict sync_need_verdict(struct sync_need *n, struct kz_db *db,
				    const struct sync_change *c, char **marker);
/* The cases she may see that her replica is to take whole again, even
 * though it holds them (a change of hers was refused here). */
char *sync_need_replace_text(const struct sync_need *n);
/* A change of replica's was refused here: its case goes whole to it
 * again (when it is a need-to-know replica). */
enum kz_status sync_need_refused(struct kz_db *db, const char *replica,
				 const struct sync_change *c, struct kz_error *err);
/* Take a case out of this replica to take it again whole (no trace). */
enum kz_status sync_need_drop_case(struct kz_db *db, const char *case_id,
				   struct kz_error *err);
/* The cases her replicas hold that she may no longer see ("" when none
 * or unknown; caller frees): they forget them. */
char *sync_need_forget_text(const struct sync_need *n);
/* After the file is written: her replicas will forget the cases she may
 * no longer see; they are no longer counted as held. */
enum kz_status sync_need_written(struct sync_need *n, struct kz_db *db,
				 struct kz_error *err);
/* The cases her replicas lack, each row as it is now: fn gets the case,
 * the table, the row's key, its values and what sync keeps about it (JSON
 * objects); a non-zero return stops. */
typedef int (*sync_snapshot_fn)(void *ctx, const char *case_id, const char *tbl,
				const char *row_id, const char *vals, const char *meta);
enum kz_status sync_need_snapshots(struct sync_need *n, struct kz_db *db,
				   sync_snapshot_fn fn, void *ctx,
				   struct kz_error *err);

/* The receiving side. Before a file's changes: may the case arrive (this
 * replica neither holds it nor deleted it)? Then its rows, one by one,
 * and at the end of a case kz_need_case_done (installed false: it did not
 * fit, nothing of it stays). Rows that arrived this way are not touched
 * by the file's changes (sync_need_skips). */
bool sync_need_case_wanted(struct kz_db *db, const char *case_id);
enum kz_status sync_need_install_row(struct kz_db *db, const char *tbl,
				     const char *row_id, const char *vals,
				     const char *meta, bool *clash,
				     struct kz_error *err);
bool sync_need_skips(struct kz_db *db, const char *tbl, const char *row_id);
void sync_need_skips_clear(struct kz_db *db);
/* After an import: a need-to-know replica forgets the cases its person
 * may no longer see (*forgotten of them). */
enum kz_status sync_need_forget(struct kz_db *db, const char *also,
				long *forgotten, struct kz_error *err);
/* A clone for owner at dest (which must not exist) without the cases
 * she may not see, which never reach dest's disk; held: the ids of the
 * cases it holds (caller frees). src's principal is the owner. */
enum kz_status sync_need_clone(struct kz_db *src, const char *dest,
			       const char *owner, char **held,
			       struct kz_error *err);

#endif
