/* Shared by the modules of the data layer (src/db, src/io); never by the
 * UI. */
#ifndef KOSZYK_DB_INTERNAL_H
#define KOSZYK_DB_INTERNAL_H

#include <sqlite3.h>

#include "koszyk/db.h"

const char *const *kz_db_migration(int version);

/* --- the file beside SQLite (safety.c) ------------------------------------ */

/* Why an existing file can only be read (KZ_RW: it can be written). */
enum kz_readonly kz_db_readonly_reason(const char *path);
/* May it be read as an unchanging file (no locks, no -wal or -shm)? */
bool kz_db_immutable(const char *path, enum kz_readonly why);
/* The read-only URI of path for sqlite3_open_v2 (caller frees). */
char *kz_db_uri(const char *path, bool immutable);
/* Does a file whose SQLite header is gone still hold koszyk's tables? */
bool kz_db_looks_like_koszyk(const char *path);
/* The mark of damage beside the file ("PATH-damaged"). */
char *kz_db_damage_mark_path(const char *path);
bool kz_db_damage_marked(const char *path);
void kz_db_damage_mark(const char *path);
void kz_db_damage_unmark(const char *path);
/* kz_db_volume with the block devices described under sysfs (a test
 * gives a tree of its own). */
enum kz_volume kz_db_volume_at(const char *path, const char *sysfs);

/* --- access (access.c) -------------------------------------------------- */

#include "koszyk/access.h"

/* kz_role() in SQL: the principal's role, or this level while the
 * program does its own work (kz_db_system_begin). */
#define KZ_ROLE_SYSTEM_LEVEL 3
int kz_db_effective_role(const struct kz_db *db);
/* The configuration whose users give the roles of the authors of
 * received changes (set with the principal by kz_db_set_login); NULL
 * when none was given. */
void kz_db_set_users(struct kz_db *db, const struct kz_config *cfg);
const struct kz_config *kz_db_users(const struct kz_db *db);
/* The temp triggers that check every write of this connection are made
 * when it first begins a change (kz_access_ensure, from kz_db_begin):
 * reading never needs them, and making them is half the cost of opening.
 * Until then kz_access_install's authorizer refuses any write to the
 * database, so no write can pass unchecked. */
enum kz_status kz_access_install(struct kz_db *db, struct kz_error *err);
enum kz_status kz_access_ensure(struct kz_db *db, struct kz_error *err);
enum kz_access_state {
	KZ_ACCESS_OPENING, /* migrations: the program's own work */
	KZ_ACCESS_ARMED,   /* open: writes refused until the triggers are made */
	KZ_ACCESS_GUARDED, /* the triggers check every write */
};
enum kz_access_state kz_db_access(const struct kz_db *db);
void kz_db_set_access(struct kz_db *db, enum kz_access_state state);
/* A trigger refused a write: its message is this prefix and a reason. */
#define KZ_REFUSED_PREFIX "koszyk-refused:"
enum kz_status kz_refusal(struct kz_db *db, const char *reason,
			  struct kz_error *err);

/* The case a row of a synced table belongs to (NULL: none); whether the
 * principal may see the row (rows of no case: yes). */
char *kz_row_case_id(struct kz_db *db, const char *table, const char *row_id);
/* The SQL expression of the case a row of table belongs to, over the
 * row alias (as "x."); NULL for a table whose rows belong to no case. */
char *kz_case_of_sql(const char *table, const char *alias);
/* The same for a record named by its kind ("goal", "plan_version", ...). */
char *kz_record_case_id(struct kz_db *db, const char *kind, const char *id);
/* Whether records of this kind belong to a case. */
bool kz_kind_of_case(const char *kind);
bool kz_row_visible(struct kz_db *db, const char *table, const char *row_id);

/* SQL: may the principal see the case whose id is the expression id?
 * (A coordinator every case, a worker those they manage or that are
 * shared with them, a viewer none.) */
#define KZ_SEES_CASE(id)                                                      \
	"(kz_role() >= 2 OR (kz_role() = 1 AND (EXISTS (SELECT 1 FROM"        \
	" main.cases kv WHERE kv.id = " id " AND kv.manager = kz_login())"    \
	" OR EXISTS (SELECT 1 FROM main.case_shares ks WHERE ks.case_id = "   \
	id " AND ks.login = kz_login() AND ks.revoked = 0))))"
/* The same for a row of cases under the alias a. */
#define KZ_SEES_CASE_ROW(a)                                                   \
	"(kz_role() >= 2 OR (kz_role() = 1 AND (" a ".manager = kz_login()"   \
	" OR EXISTS (SELECT 1 FROM main.case_shares ks WHERE ks.case_id = "   \
	a ".id AND ks.login = kz_login() AND ks.revoked = 0))))"

/* The search index's tokenizer, for queries that need it (match.h). */
struct kz_matcher *kz_db_matcher(struct kz_db *db);

/* A prepared statement from the connection's cache, reset and with its
 * bindings cleared. sql must be a string literal (or otherwise live as
 * long as the connection). Returns NULL and fills err on failure. */
sqlite3_stmt *kz_db_stmt(struct kz_db *db, const char *sql,
			 struct kz_error *err);
/* The same for SQL built at run time, kept by its text (a copy). The
 * statement stays the cache's: reset it after use, never finalize it. */
sqlite3_stmt *kz_db_stmt_text(struct kz_db *db, const char *sql,
			      struct kz_error *err);

/* Bind text, NULL for NULL or "". */
int kz_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* A filter by network: NULL as NULL (every basket), KZ_NETWORK_OWN ("")
 * as "" (our own), a name as itself; compare with
 * coalesce(network, '') = ?. */
int kz_bind_network(sqlite3_stmt *st, int idx, const char *network);
/* A heap copy of a text column, NULL for NULL. */
char *kz_column_dup(sqlite3_stmt *st, int col);
/* A text column as it is in the row, "" for NULL (valid until the next
 * step). */
const char *kz_column_str(sqlite3_stmt *st, int col);
/* After stepping a statement to rc: reset it; KZ_OK when it ran through
 * (SQLITE_DONE), else the database's error about what. */
enum kz_status kz_stmt_done(struct kz_db *db, sqlite3_stmt *st, int rc,
			    const char *what, struct kz_error *err);

/* The first text column of a one-row query with one (two) text
 * parameters; NULL when there is no row or the value is NULL. Caller
 * frees. */
char *kz_query_text(struct kz_db *db, const char *sql, const char *arg);
char *kz_query_text2(struct kz_db *db, const char *sql, const char *a,
		     const char *b);
/* Run a statement whose parameters are bound, for its effect; reset it. */
enum kz_status kz_db_step(struct kz_db *db, sqlite3_stmt *st, const char *what,
			  struct kz_error *err);

/* Deleted content is overwritten in the file, not just unlinked, until
 * kz_db_secure_end; returns the setting to restore. */
int kz_db_secure_begin(struct kz_db *db);
/* Restore the setting; with checkpoint, and outside a transaction, move
 * the overwritten pages out of the write-ahead log into the file (best
 * effort: readers may hold it). */
void kz_db_secure_end(struct kz_db *db, int previous, bool checkpoint);

/* Every record of a case as (id, kind), ?1 the case id: the rows that go
 * when the case is erased. */
#define CASE_IDS_CTE                                                          \
	"WITH ids(id, kind) AS ("                                             \
	" SELECT id, 'case' FROM cases WHERE id = ?1"                         \
	" UNION ALL SELECT id, 'member' FROM members WHERE case_id = ?1"      \
	" UNION ALL SELECT id, 'team' FROM team WHERE case_id = ?1"           \
	" UNION ALL SELECT id, 'plan' FROM plans WHERE case_id = ?1"          \
	" UNION ALL SELECT x.id, 'diagnosis' FROM diagnoses x"                \
	"   JOIN plans p ON p.id = x.plan_id WHERE p.case_id = ?1"            \
	" UNION ALL SELECT x.id, 'goal' FROM goals x"                         \
	"   JOIN plans p ON p.id = x.plan_id WHERE p.case_id = ?1"            \
	" UNION ALL SELECT x.id, 'action' FROM actions x"                     \
	"   JOIN plans p ON p.id = x.plan_id WHERE p.case_id = ?1"            \
	" UNION ALL SELECT x.id, 'review' FROM reviews x"                     \
	"   JOIN plans p ON p.id = x.plan_id WHERE p.case_id = ?1"            \
	" UNION ALL SELECT x.id, 'progress' FROM progress x"                  \
	"   JOIN reviews r ON r.id = x.review_id"                             \
	"   JOIN plans p ON p.id = r.plan_id WHERE p.case_id = ?1"            \
	" UNION ALL SELECT id, 'meeting' FROM meetings WHERE case_id = ?1"    \
	" UNION ALL SELECT x.id, 'attendee' FROM attendees x"                 \
	"   JOIN meetings m ON m.id = x.meeting_id WHERE m.case_id = ?1"      \
	" UNION ALL SELECT x.id, 'decision' FROM decisions x"                 \
	"   JOIN meetings m ON m.id = x.meeting_id WHERE m.case_id = ?1"      \
	" UNION ALL SELECT id, 'task' FROM tasks WHERE case_id = ?1"          \
	"   OR meeting_id IN (SELECT id FROM meetings WHERE case_id = ?1)) "

/* After CASE_IDS_CTE: the audit entries of a case (?1 its id, ?2 its
 * code): those about the case, those about its records, and those about
 * records already deleted that name only the case code (older entries
 * without a case). Never the "erase" entry of an earlier case that had
 * the same code. */
#define CASE_AUDIT_WHERE                                                      \
	" WHERE (case_id = ?1 OR ref IN (SELECT id FROM ids)"                 \
	" OR (summary = ?2 AND action <> 'erase' AND case_id IS NULL))"

/* --- the audit trail (audit.c) ------------------------------------------- */

/* One new entry. user NULL: the principal. derive_case: the case from
 * kind and ref (kz_record_case_id), else case_id as given. */
struct kz_audit_new {
	const char *user;
	const char *action;
	const char *kind;
	const char *ref;
	const char *summary;
	const char *case_id;
	bool derive_case;
};
enum kz_status kz_audit_add(struct kz_db *db, const struct kz_audit_new *e,
			    struct kz_error *err);

/* Erasing a case: first blank out the details of its entries (before its
 * records go, which find them), then, when the records are gone, the
 * erase entry, whose hash covers the list of the entries blanked out.
 * author NULL: the principal. */
struct kz_audit_redaction {
	long long seq;               /* the erase entry to come */
	size_t count;                /* entries blanked out */
	unsigned char digest[32];    /* of their numbers */
};
enum kz_status kz_audit_redact_case(struct kz_db *db, const char *case_id,
				    const char *code,
				    struct kz_audit_redaction *r,
				    struct kz_error *err);
enum kz_status kz_audit_erased(struct kz_db *db, const char *code,
			       const char *author,
			       const struct kz_audit_redaction *r,
			       struct kz_error *err);

/* A replica made for a person who may not see every case: the entries
 * about the other cases were blanked out for entry seq (their redacted
 * column), which this appends. */
enum kz_status kz_audit_withheld(struct kz_db *db, long long seq,
				 struct kz_error *err);

/* Migration 6: give the existing entries their case and chain them, in
 * the order of their numbers. */
enum kz_status kz_audit_chain_existing(struct kz_db *db, struct kz_error *err);

/* Verify the chain in one pass; the first broken entry is appended to
 * report (one line) and counted in *problems. */
struct kz_buf;
void kz_audit_verify(struct kz_db *db, struct kz_buf *report, int *problems);

/* --- reports (report_outcomes.c) ------------------------------------------ */

struct kz_report;
struct kz_config;
enum kz_status kz_report_outcomes(struct kz_db *db, const struct kz_config *cfg,
				  struct kz_report *r, struct kz_error *err);
/* partnership.c */
enum kz_status kz_report_partnership(struct kz_db *db,
				     const struct kz_config *cfg,
				     struct kz_report *r, struct kz_error *err);

#endif
