/* The SQLite database: opening, migrations, transactions.
 * Nothing here knows about curses. */
#ifndef KOSZYK_DB_H
#define KOSZYK_DB_H

#include <stdbool.h>

#include "koszyk/status.h"

struct kz_db;
struct sqlite3;

enum kz_open_mode {
	KZ_OPEN_EXISTING, /* the file must exist and be a koszyk database */
	KZ_OPEN_CREATE,   /* create it (mode 0600) when missing */
};

/* The newest schema version this program knows. */
int kz_db_schema_version(void);

enum kz_status kz_db_open(const char *path, enum kz_open_mode mode,
			  struct kz_db **out, struct kz_error *err);
void kz_db_close(struct kz_db *db);

const char *kz_db_path(const struct kz_db *db);
/* The login recorded as created_by / updated_by and in the audit trail. */
void kz_db_set_user(struct kz_db *db, const char *login);
const char *kz_db_user(const struct kz_db *db);
/* Days after which an unverified basket entry counts as stale. */
void kz_db_set_stale_days(struct kz_db *db, int days);
int kz_db_stale_days(const struct kz_db *db);

/* Transactions nest: only the outermost begin/commit reach SQLite
 * (BEGIN IMMEDIATE ... COMMIT). A rollback at any depth undoes the whole
 * outermost transaction. */
enum kz_status kz_db_begin(struct kz_db *db, struct kz_error *err);
enum kz_status kz_db_commit(struct kz_db *db, struct kz_error *err);
void kz_db_rollback(struct kz_db *db);

/* The connection's page cache, as PRAGMA cache_size takes it (negative:
 * KiB; positive: pages); returns the setting it had. A long transaction
 * (an import) touches pages all over its indexes: with more of them in
 * memory, fewer are written out and read back before its end. */
int kz_db_cache_size(struct kz_db *db, int cache_size);

/* A value of the meta table (partnership_id, replica_id, ...); NULL when
 * missing. Caller frees. */
char *kz_db_meta_get(struct kz_db *db, const char *key);
enum kz_status kz_db_meta_set(struct kz_db *db, const char *key,
			      const char *value, struct kz_error *err);
enum kz_status kz_db_meta_delete(struct kz_db *db, const char *key,
				 struct kz_error *err);

/* Integrity check of the file, the foreign keys, the search index and the
 * audit trail. Problems are appended one per line to *report (allocated,
 * caller frees). Returns KZ_OK when all is well, KZ_CORRUPT otherwise. */
enum kz_status kz_db_check(struct kz_db *db, char **report,
			   struct kz_error *err);

/* A consistent copy of the database at path (which must not exist yet),
 * readable by its owner only: a new replica (sync clone). The backup
 * command writes a locked one (kz_db_backup_locked, koszyk/locked.h). */
enum kz_status kz_db_backup(struct kz_db *db, const char *path,
			    struct kz_error *err);

/* Counts for the dashboard and the check command. */
/* Cases are counted all, whoever asks (only their codes are private). */
struct kz_db_counts {
	long partners, contacts, services, services_active, services_stale;
	long audit;
	long cases_open, actions_overdue;
};
enum kz_status kz_db_counts(struct kz_db *db, struct kz_db_counts *out,
			    struct kz_error *err);
/* The same without what costs at a city's scale unless asked for
 * (what: KZ_COUNT_ flags; what is not asked is 0). */
enum { KZ_COUNT_BASIC = 0, KZ_COUNT_AUDIT = 1, KZ_COUNT_ALL = 1 };
enum kz_status kz_db_counts_of(struct kz_db *db, unsigned what,
			       struct kz_db_counts *out, struct kz_error *err);
/* Neither a partner nor a service: a first start. */
bool kz_db_is_empty(struct kz_db *db);

/* A database that can only be read, and why (KZ_RW: it can be written).
 * Such a file is opened read-only and leaves no -wal or -shm beside it;
 * every change is refused with a message. */
enum kz_readonly {
	KZ_RW,
	KZ_RO_FILE,      /* the file may not be written by this person */
	KZ_RO_FOLDER,    /* nor may its folder (no journal can be made) */
	KZ_RO_MEDIUM,    /* a read-only mount: a CD, a locked USB stick */
	KZ_RO_DISK_FULL, /* no space even for the reader's index */
};
enum kz_readonly kz_db_readonly(const struct kz_db *db);
/* "you may only read this file", ... (translated) */
const char *kz_readonly_text(enum kz_readonly why);

/* Damage: SQLite found part of the file unreadable (now, or an earlier
 * program found it and left a mark beside it). After that nothing is
 * written into it until "koszyk check" finds it whole. kz_db_intact
 * answers KZ_CORRUPT, with what to do, when damage was met by what the
 * program has read since the file was opened. */
bool kz_db_damaged(struct kz_db *db);
/* KZ_OK, or why nothing may be written now (read-only, damaged), with
 * the message: the screens ask before they open a form. */
enum kz_status kz_db_may_change(struct kz_db *db, struct kz_error *err);
enum kz_status kz_db_intact(struct kz_db *db, struct kz_error *err);

/* The files of the database (itself, its WAL, its backups beside it)
 * that every user of the computer may read, each on a line with how to
 * fix it; NULL when there is none. Caller frees. */
char *kz_db_exposure(const char *path);

/* What a person should know as the database opens (read-only, marked
 * damaged, readable by others), one line each; NULL when nothing.
 * Caller frees. */
char *kz_db_notices(struct kz_db *db);

/* Whether the disk under a file is encrypted (dm-crypt/LUKS). */
enum kz_volume { KZ_VOLUME_UNKNOWN, KZ_VOLUME_PLAIN, KZ_VOLUME_ENCRYPTED };
enum kz_volume kz_db_volume(const char *path);

/* For other modules of the data layer only (src/db, src/io). */
struct sqlite3 *kz_db_handle(struct kz_db *db);
/* Turn an SQLite result code into a status and message. */
enum kz_status kz_db_fail(struct kz_db *db, int rc, struct kz_error *err,
			  const char *what);
/* Append one entry to the audit trail (inside the current transaction). */
enum kz_status kz_audit(struct kz_db *db, const char *action,
			const char *kind, const char *ref, const char *summary,
			struct kz_error *err);

/* While on (inside a transaction), new records' search texts wait and go
 * into the index in its order at the commit (migration 21): for imports,
 * which write many records in one transaction. */
void kz_db_defer_search(struct kz_db *db, bool on);

/* The pieces (FTS5 segments) the search index is in. Each query looks
 * each of its words up in every piece: one is fastest. Small writes add
 * small pieces; kz_search_tidy merges them. */
int kz_search_pieces(struct kz_db *db);
/* When the index is in at least from pieces, up to pages pages (4 KiB)
 * of the work of merging it into one, in a short transaction of its own;
 * *more when pieces remain (call again to go on). Does nothing inside a
 * transaction, on a read-only database, or while another program holds
 * the write lock (it is not waited for). */
enum kz_status kz_search_tidy(struct kz_db *db, int pages, int from, bool *more,
			      struct kz_error *err);
/* After a command that wrote: the index merged into one piece when it is
 * in five pieces or more and of up to 2,048 pages (a gmina's basket).
 * Failures are left for another time. */
void kz_search_tidy_after_writes(struct kz_db *db);

#endif
