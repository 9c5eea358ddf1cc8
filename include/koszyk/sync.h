/* Offline sync between replicas of one partnership's database.
 *
 * Every database is a replica (meta replica_id); replicas of one
 * partnership share meta partnership_id. Nothing here knows about curses.
 *
 * Capture. Every write transaction of the program is recorded by SQLite's
 * session extension (db.c attaches a session to the synced tables at the
 * outermost kz_db_begin). At commit the changeset is written into the
 * change log as one transaction (origin replica, seq, Lamport clock, the
 * origin's version vector at that moment) and its row changes (insert with
 * all values, update with the changed values, delete with the id only).
 * Erasing a case is logged as one "erase" change that carries the case id
 * and no data; the rows of the case leave the log too.
 *
 * Exchange. A change file is an SQLite database (the application file
 * format) holding: the sender's partnership and replica ids, the version
 * vector the file starts from, and the transactions after it with their
 * changes, each transaction with a checksum. Replicas remember the
 * vector of every peer they heard from, so an export holds what no known
 * peer has yet (everything after the oldest vector among them); a
 * receiver skips what it already holds, so a file applied twice changes
 * nothing the second time. A file is applied in one transaction, or not
 * at all. On disk and on the wire it is locked with the partnership's
 * key (koszyk/locked.h): made in memory, written only locked, opened in
 * memory; a file that is not locked is refused.
 *
 * Merge (the same result whatever the order of exchanges):
 * - Each field is a multi-value register. A write of a field supersedes
 *   the values its writer had seen (the writer's version vector covers
 *   them). Two writes of one field neither of which saw the other are a
 *   conflict: both values are kept in sync_field, the field is listed in
 *   sync_conflict, and the record holds the provisional value of the
 *   write with the greater (Lamport clock, replica id) on every replica.
 *   Writing the field again (choosing or merging) resolves it, on every
 *   replica that receives that write.
 * - updated_at and updated_by take the newest write without a conflict;
 *   rev is the replica's own save counter (a merged remote change raises
 *   it, so a form open over the record sees it as a newer save).
 * - A deletion wins over concurrent changes; the row's id is kept as a
 *   tombstone, so no later insert or update can bring it back. A row whose
 *   parent was deleted or erased does not come back either (columns
 *   declared ON DELETE SET NULL are cleared instead).
 * - Rows unique by other columns than their id (a case's code, one
 *   diagnosis per need area of a plan, one attendance per person and
 *   meeting): of the rows ever given the same values the one with the
 *   smallest id keeps them, alive or deleted (a deletion and an erasure
 *   carry those values, nothing else). Cases are never dropped for it:
 *   the others get their code followed by "-" and the first 4 characters
 *   of their id, listed as a conflict of the code field; other rows go.
 *
 * Not synced: meta, audit (each replica's own trail), the search index
 * (derived by triggers), the sync tables themselves. */
#ifndef KOSZYK_SYNC_H
#define KOSZYK_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/meter.h"
#include "koszyk/status.h"

struct kz_db;

/* What one exchange did, for messages and the progress line. */
struct kz_sync_stats {
	long tx_sent;       /* transactions written to the file / peer */
	long tx_applied;    /* transactions new to this replica */
	long tx_skipped;    /* already held (the file was applied before) */
	long tx_waiting;    /* need changes not received yet: left for later */
	long tx_refused;    /* their author had no right to make them: set
			       aside for a coordinator (list refused) */
	long changes;       /* row changes applied */
	long conflicts_new; /* fields that came into conflict */
	long cases_sent;    /* cases written whole for a replica that lacked
			       them (need-to-know) */
	long cases_arrived; /* such cases received here */
	long cases_left;    /* cases this replica's person may no longer see:
			       taken out of this replica */
	long cases_replaced; /* cases taken whole again (a change of this
				replica's was refused at the office) */
};

/* Progress: called now and then with work done and total (both in
 * transactions); may be NULL. A meter's callback (koszyk/meter.h). */
typedef kz_meter_fn kz_sync_progress_fn;

/* Write the changes no known peer holds yet to path (which must not
 * exist; written to a temporary name and renamed, mode 0600). A file with
 * no transactions is still written: it tells the peer what we hold. */
enum kz_status kz_sync_export(struct kz_db *db, const char *path,
			      struct kz_sync_stats *stats,
			      kz_sync_progress_fn progress, void *ctx,
			      struct kz_error *err);

/* The export for the replica of login (NULL: kz_sync_export): what she
 * may see, as if she wrote it herself; the cases she newly may see come
 * whole. For oneself, or by a coordinator. */
enum kz_status kz_sync_export_for(struct kz_db *db, const char *path,
				  const char *login, struct kz_sync_stats *stats,
				  kz_sync_progress_fn progress, void *ctx,
				  struct kz_error *err);

/* What a replica that holds `since` (a version vector as text, as in
 * kz_sync_info's clock) lacks: the export for a known receiver. */
enum kz_status kz_sync_export_since(struct kz_db *db, const char *path,
				    const char *since, struct kz_sync_stats *stats,
				    kz_sync_progress_fn progress, void *ctx,
				    struct kz_error *err);

/* Apply a change file: KZ_INVALID for a file that is not a koszyk change
 * file, not locked, locked with a key this database does not hold, from
 * another partnership or from this very replica, KZ_CORRUPT for one that
 * is damaged or truncated (its lock does not open); KZ_ENV for a full disk or an unreadable file. Nothing is
 * applied then. Transactions that need changes this replica has not
 * received yet wait (tx_waiting): a later file brings them again. */
enum kz_status kz_sync_import(struct kz_db *db, const char *path,
			      struct kz_sync_stats *stats,
			      kz_sync_progress_fn progress, void *ctx,
			      struct kz_error *err);

/* A new replica at dest (must not exist) from the database at source:
 * the same data and change log, a new replica id, mode 0600. The source
 * registers the new replica as owner's (a login; NULL: nobody's): its
 * changes must carry that name. When cfg says the owner may not see
 * every case, the replica holds the basket and only her cases, and stays
 * so (need-to-know: see kz_sync_copy_for). */
enum kz_status kz_sync_clone(const char *source, const char *dest,
			     const struct kz_config *cfg, const char *owner,
			     struct kz_error *err);
/* The copy of src for its principal at dest: all of it for a
 * coordinator; otherwise the basket and only the cases she may see (the
 * others never reach dest's disk), marked as her replica: its change
 * files carry its own changes and the list of cases it holds (*held, the
 * same list, caller frees), files written for her carry only her cases
 * and the cases she newly may see whole, and after each import it
 * forgets the cases she may no longer see. */
enum kz_status kz_sync_copy_for(struct kz_db *src, const char *dest,
				char **held, struct kz_error *err);

/* Finish a new replica copied to dest from the replica source_replica:
 * a replica id of its own, and the source remembered as a peer. */
enum kz_status kz_sync_adopt_clone(const char *dest, const char *source_replica,
				   struct kz_error *err);

/* Exchange changes both ways with koszyk on another machine: runs
 * `ssh [USER@]HOST koszyk -d DB sync serve` (the command ssh is taken from
 * KOSZYK_SSH, the remote program from KOSZYK_REMOTE, default "koszyk";
 * DB is the remote default when omitted). target is [USER@]HOST[:DB]. */
enum kz_status kz_sync_ssh(struct kz_db *db, const char *target,
			   struct kz_sync_stats *stats,
			   kz_sync_progress_fn progress, void *ctx,
			   struct kz_error *err);
/* A new replica at dest from [USER@]HOST:DB over ssh. */
enum kz_status kz_sync_clone_ssh(const char *target, const char *dest,
				 struct kz_error *err);
/* The far end of kz_sync_ssh (fd 0 and 1): read the peer's change file,
 * apply it, answer with ours. */
enum kz_status kz_sync_serve(struct kz_db *db, int in, int out,
			     struct kz_error *err);
/* The far end of kz_sync_clone_ssh: a copy of the database to out. */
enum kz_status kz_sync_serve_clone(struct kz_db *db, int out,
				   struct kz_error *err);

/* Give this file a replica id of its own when it is a copy of another
 * replica's file (noticed by the file's path and inode recorded beside
 * the replica id). Called before every exchange; *renewed tells. */
enum kz_status kz_sync_ensure_replica(struct kz_db *db, bool *renewed,
				      struct kz_error *err);

/* One field in conflict and its competing values, newest first. */
struct kz_conflict_value {
	char *value;   /* NULL for an empty value */
	char *replica; /* where it was written */
	char *user;    /* who wrote it */
	char *at;      /* when (ISO 8601) */
	bool current;  /* the provisional value the record holds now */
};

struct kz_conflict {
	char *table;  /* "services", "goals", ... */
	char *kind;   /* record kind as in search results: "service", ... */
	char *row_id;
	char *label;  /* what the record is: title, name, case code ... */
	char *field;  /* column name */
	char *note;   /* NULL, or "clash": two cases got this code offline */
	struct kz_conflict_value *values;
	size_t nvalues;
};

struct kz_conflict_list {
	struct kz_conflict *items;
	size_t n;
};

enum kz_status kz_conflicts_list(struct kz_db *db, struct kz_conflict_list *out,
				 struct kz_error *err);
void kz_conflict_list_free(struct kz_conflict_list *list);
long kz_conflicts_count(struct kz_db *db);
/* When the conflict's field refers to another record (a provider, a
 * contact person, a service ...), what that record is for people (its
 * name, title or case code) for value; NULL otherwise. Caller frees. */
char *kz_conflict_ref_label(struct kz_db *db, const struct kz_conflict *c,
			    const char *value);
/* Fields of one record in conflict (0 when none): the record's mark. */
long kz_conflicts_of(struct kz_db *db, const char *table, const char *row_id);

/* Resolve a conflict by writing value (NULL or "" for empty) into the
 * field: one transaction, logged like any edit, so the resolution travels.
 * KZ_NOT_FOUND when the field is not in conflict (any more). */
enum kz_status kz_conflict_resolve(struct kz_db *db, const char *table,
				   const char *row_id, const char *field,
				   const char *value, struct kz_error *err);

/* A change that could not be applied: made to a record that was deleted
 * on another computer at the same time (reason "deleted"; the deletion
 * wins), or a second row where only one may be (reason "duplicate": the
 * same person twice at a meeting, one diagnosis per need area). Kept on
 * this replica until a person has seen it. A coordinator also sees the
 * received transactions that were refused (reason "refused": table and
 * row_id empty, fields the tables it touched): their author had no right
 * to make them, so nothing of them was applied. */
struct kz_dropped {
	char *table;
	char *kind;    /* "service", "contact", ... */
	char *row_id;
	char *reason;  /* "deleted" or "duplicate" */
	char *fields;  /* the columns it changed, comma-separated, or NULL */
	char *replica; /* where the change was made */
	long long seq;
	char *user;    /* who made it, and when (NULL when unknown) */
	char *at;
	char *detail;  /* "refused": why (NULL otherwise) */
	char *changes; /* "refused": what it would have changed (JSON) */
};

struct kz_dropped_list {
	struct kz_dropped *items;
	size_t n;
};

enum kz_status kz_dropped_list(struct kz_db *db, struct kz_dropped_list *out,
			       struct kz_error *err);
void kz_dropped_list_free(struct kz_dropped_list *list);
long kz_dropped_count(struct kz_db *db);
/* A person has seen it: forget it on this replica. */
enum kz_status kz_dropped_dismiss(struct kz_db *db, const struct kz_dropped *d,
				  struct kz_error *err);

/* The synced content as canonical text: every synced table sorted by key,
 * every column but rev, one line a row. Two replicas that have exchanged
 * all their changes have equal dumps. */
enum kz_status kz_sync_dump(struct kz_db *db, struct kz_buf *out,
			    struct kz_error *err);

/* A replica this one has exchanged with. */
struct kz_sync_peer {
	char *replica;
	char *name;    /* user@computer that wrote its last file, or NULL */
	char *seen_at; /* when we last heard from it */
	long behind;   /* changes held here that it did not hold then */
	char *retired; /* when it was retired (sync forget), or NULL */
};

/* This replica's ids and what it holds, for `sync status`. */
struct kz_sync_info {
	char *partnership_id;
	char *replica_id;
	char *clock;      /* version vector "replica:seq ..." */
	long tx_local;    /* transactions written here */
	long tx_total;    /* transactions in the log */
	long conflicts;
	char *owner;      /* whose replica it is (made for her), or NULL */
	bool need_to_know; /* it holds only the cases its owner may see */
	long cases_held;  /* cases in this replica */
	/* In plain words: changes made here that no computer exchanged with
	 * has received yet (all of them before a first exchange), and the
	 * changes that arrived from other computers, with the newest one's
	 * time of writing (NULL when none arrived). */
	long unsent;
	long received;
	char *received_newest;
	struct kz_sync_peer *peers; /* most recently seen first */
	size_t npeers;
};
enum kz_status kz_sync_info(struct kz_db *db, struct kz_sync_info *out,
			    struct kz_error *err);
void kz_sync_info_clear(struct kz_sync_info *info);

/* Compaction of the change log (the log passes changes on to replicas
 * that lack them; see sync_compact.c). What one compaction did. */
struct kz_sync_compact_stats {
	long tx_removed;       /* transactions that left the log */
	long changes_removed;  /* their row changes */
	long long bytes_removed; /* the size of what they held */
	long tx_left;          /* still in the log: some known replica lacks them */
	long tx_pinned;        /* held by every known replica but kept: a field
				  in conflict, a dropped change or a partner's
				  membership history refers to them */
	long peers;            /* known replicas counted */
	long peers_retired;    /* retired replicas, not counted */
};

/* Drop from the change log what every known replica holds (known: the
 * peers this replica exchanged with and did not retire). Also runs by
 * itself at each import. */
enum kz_status kz_sync_compact(struct kz_db *db, struct kz_sync_compact_stats *out,
			       struct kz_error *err);

/* Retire a peer replica (a lost or replaced laptop): it no longer holds
 * compaction back, and when it comes back it is told to clone anew.
 * Coordinators only; KZ_NOT_FOUND when no such peer is known. */
enum kz_status kz_sync_forget(struct kz_db *db, const char *replica,
			      struct kz_error *err);

/* For db.c: capture of local changes. */
enum kz_status kz_sync_capture_begin(struct kz_db *db, struct kz_error *err);
/* Record the captured changes into the log (inside the transaction). */
enum kz_status kz_sync_capture_commit(struct kz_db *db, struct kz_error *err);
/* Record the changes captured so far into the log, as part of the open
 * transaction's one entry, and capture anew: a long transaction (an
 * import) does not hold every change in memory until its end. A row
 * changed again after a flush is logged once more (an insert, then an
 * update), which a replica applies in that order. */
enum kz_status kz_sync_capture_flush(struct kz_db *db, struct kz_error *err);
void kz_sync_capture_end(struct kz_db *db);

#endif
