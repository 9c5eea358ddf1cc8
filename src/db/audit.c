/* The audit trail as a hash chain (see include/koszyk/audit.h).
 *
 * Each entry has a random key (salt) and the keyed BLAKE2b hash of its
 * details: the record id (ref), the summary, the case, and for an erasure
 * the list of the entries it blanked out. Its own hash is the BLAKE2b hash
 * of the hash of the entry before, its number (seq), time, user, action,
 * kind and the hash of its details. Every value goes into a hash with a
 * tag and its length, so that no two different entries encode alike.
 *
 * An erasure sets the details of the case's entries to NULL, and the key
 * with them: what is left (the hash of the details) says nothing about
 * the case, and the chain of hashes still verifies. */
#include <sodium.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "koszyk/audit.h"
#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define HASH_LEN crypto_generichash_BYTES
#define SALT_LEN crypto_generichash_KEYBYTES_MIN
#define MAX_BLOB 64

/* Versions of the encodings, in front of everything hashed. */
#define CHAIN_TAG "koszyk audit entry 1"
#define DETAIL_TAG "koszyk audit detail 1"
#define REDACTED_TAG "koszyk audit redacted 1"

/* --- encoding ---------------------------------------------------------------- */

/* tag 0: NULL; 1: bytes (length, then the bytes); 2: a 64-bit integer. */
static void put_tagged(crypto_generichash_state *h, unsigned char tag,
		       const void *p, size_t n)
{
	unsigned char len[8];
	uint64_t v = n;

	crypto_generichash_update(h, &tag, 1);
	if (tag == 0)
		return;
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(v >> (56 - 8 * i));
	crypto_generichash_update(h, len, sizeof(len));
	if (n)
		crypto_generichash_update(h, p, n);
}

static void put_text(crypto_generichash_state *h, const char *s)
{
	put_tagged(h, s ? 1 : 0, s, s ? strlen(s) : 0);
}

static void put_blob(crypto_generichash_state *h, const unsigned char *p, size_t n)
{
	put_tagged(h, p ? 1 : 0, p, p ? n : 0);
}

static void put_int(crypto_generichash_state *h, long long value)
{
	unsigned char b[8];
	uint64_t v = (uint64_t)value;

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (56 - 8 * i));
	put_tagged(h, 2, b, sizeof(b));
}

/* An entry as stored: text NULL for NULL; blobs with their lengths. */
struct entry {
	long long seq;
	const char *at, *user, *action, *kind, *ref, *summary, *case_id;
	const unsigned char *salt, *detail, *prev, *hash;
	size_t salt_len, detail_len, prev_len, hash_len;
	long long redacted;  /* 0: not blanked out */
};

/* The keyed hash of the details; redactions: the digest of the entries an
 * erasure blanked out, NULL for any other entry. */
static void detail_hash(const struct entry *e, const unsigned char *redactions,
			unsigned char out[HASH_LEN])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, e->salt, e->salt_len, HASH_LEN);
	put_text(&h, DETAIL_TAG);
	put_text(&h, e->ref);
	put_text(&h, e->summary);
	put_text(&h, e->case_id);
	put_blob(&h, redactions, HASH_LEN);
	crypto_generichash_final(&h, out, HASH_LEN);
}

static void chain_hash(const struct entry *e, unsigned char out[HASH_LEN])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, NULL, 0, HASH_LEN);
	put_text(&h, CHAIN_TAG);
	put_blob(&h, e->prev, e->prev_len);
	put_int(&h, e->seq);
	put_text(&h, e->at);
	put_text(&h, e->user);
	put_text(&h, e->action);
	put_text(&h, e->kind);
	put_blob(&h, e->detail, e->detail_len);
	crypto_generichash_final(&h, out, HASH_LEN);
}

/* The digest of the numbers of the entries an erasure blanked out, fed in
 * ascending order. */
static void redactions_init(crypto_generichash_state *h)
{
	crypto_generichash_init(h, NULL, 0, HASH_LEN);
	put_text(h, REDACTED_TAG);
}

static bool blob_eq(const unsigned char *a, size_t alen, const unsigned char *b,
		    size_t blen)
{
	if (!a || !b)
		return !a && !b;
	return alen == blen && sodium_memcmp(a, b, alen) == 0;
}

static const char *nonempty(const char *s)
{
	return kz_str_empty(s) ? NULL : s;
}

/* --- appending -------------------------------------------------------------------- */

/* The number the next entry gets (as AUTOINCREMENT would give it: never
 * one used before) and the hash of the last entry (prev_len 0: none). */
static enum kz_status next_place(struct kz_db *db, long long *seq,
				 unsigned char prev[MAX_BLOB], size_t *prev_len,
				 struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", err);
	long long last = 0, used = 0;
	int rc;

	*prev_len = 0;
	if (!q)
		return err ? err->status : KZ_ENV;
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		const void *h = sqlite3_column_blob(q, 1);
		size_t n = (size_t)sqlite3_column_bytes(q, 1);
		last = sqlite3_column_int64(q, 0);
		if (h && n > 0 && n <= MAX_BLOB) {
			memcpy(prev, h, n);
			*prev_len = n;
		}
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "audit");
	q = kz_db_stmt(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		used = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "audit");
	*seq = (last > used ? last : used) + 1;
	return KZ_OK;
}

/* Chain and insert e (seq, prev, salt and hashes are filled here). expect:
 * the number it must get, 0 for any. */
static enum kz_status append(struct kz_db *db, struct entry *e,
			     const unsigned char *redactions, long long expect,
			     struct kz_error *err)
{
	unsigned char prev[MAX_BLOB], salt[SALT_LEN], detail[HASH_LEN], hash[HASH_LEN];
	sqlite3_stmt *q;
	enum kz_status st = next_place(db, &e->seq, prev, &e->prev_len, err);

	if (st != KZ_OK)
		return st;
	if (expect && e->seq != expect)
		return kz_fail(err, KZ_ENV,
			       _("The audit trail changed while a case was being erased; nothing was erased. Try again."));
	e->prev = e->prev_len ? prev : NULL;
	randombytes_buf(salt, sizeof(salt));
	e->salt = salt;
	e->salt_len = sizeof(salt);
	detail_hash(e, redactions, detail);
	e->detail = detail;
	e->detail_len = sizeof(detail);
	chain_hash(e, hash);
	q = kz_db_stmt(db,
		"INSERT INTO audit(seq, at, user, action, kind, ref, summary, case_id,"
		" salt, detail_hash, prev_hash, hash)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_int64(q, 1, e->seq);
	sqlite3_bind_text(q, 2, e->at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 3, e->user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 4, e->action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 5, e->kind, -1, SQLITE_TRANSIENT);
	kz_bind_text(q, 6, e->ref);
	kz_bind_text(q, 7, e->summary);
	kz_bind_text(q, 8, e->case_id);
	sqlite3_bind_blob(q, 9, salt, sizeof(salt), SQLITE_TRANSIENT);
	sqlite3_bind_blob(q, 10, detail, sizeof(detail), SQLITE_TRANSIENT);
	if (e->prev)
		sqlite3_bind_blob(q, 11, e->prev, (int)e->prev_len, SQLITE_TRANSIENT);
	sqlite3_bind_blob(q, 12, hash, sizeof(hash), SQLITE_TRANSIENT);
	st = kz_db_step(db, q, "audit", err);
	sodium_memzero(salt, sizeof(salt));
	return st;
}

enum kz_status kz_audit_add(struct kz_db *db, const struct kz_audit_new *n,
			    struct kz_error *err)
{
	struct entry e;
	char now[32], *case_id;
	enum kz_status st;

	memset(&e, 0, sizeof(e));
	kz_now_iso(now);
	e.at = now;
	e.user = !kz_str_empty(n->user) ? n->user : kz_db_user(db);
	e.action = n->action ? n->action : "";
	e.kind = n->kind ? n->kind : "";
	e.ref = nonempty(n->ref);
	e.summary = nonempty(n->summary);
	case_id = n->derive_case ? kz_record_case_id(db, n->kind, e.ref)
				 : xstrdup_or_null(nonempty(n->case_id));
	e.case_id = nonempty(case_id);
	st = append(db, &e, NULL, 0, err);
	free(case_id);
	return st;
}

enum kz_status kz_audit(struct kz_db *db, const char *action, const char *kind,
			const char *ref, const char *summary, struct kz_error *err)
{
	struct kz_audit_new n = {
		.action = action, .kind = kind, .ref = ref, .summary = summary,
		.derive_case = true,
	};

	return kz_audit_add(db, &n, err);
}

enum kz_status kz_case_note_read(struct kz_db *db, const char *case_id,
				 const char *what, struct kz_error *err)
{
	struct kz_audit_new n = {
		.action = "read", .kind = "case", .ref = case_id, .summary = what,
		.case_id = case_id,
	};
	enum kz_status st;

	if (kz_str_empty(case_id))
		return kz_fail(err, KZ_INVALID, _("There is no such case."));
	/* A file that may only be read (a backup on a CD) keeps no trail of
	 * its readers; the program says it is read-only at its start. */
	if (kz_db_readonly(db) != KZ_RW)
		return KZ_OK;
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	st = kz_audit_add(db, &n, err);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}

/* --- erasure ------------------------------------------------------------------------- */

/* The digest of the numbers of the entries blanked out for r->seq. */
static enum kz_status redaction_digest(struct kz_db *db, struct kz_audit_redaction *r,
				       struct kz_error *err)
{
	crypto_generichash_state h;
	size_t count = 0;
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT seq FROM audit WHERE redacted = ?1 ORDER BY seq", err);
	int rc;

	if (!q)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_int64(q, 1, r->seq);
	redactions_init(&h);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		put_int(&h, sqlite3_column_int64(q, 0));
		count++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "audit");
	crypto_generichash_final(&h, r->digest, HASH_LEN);
	r->count = count;
	return KZ_OK;
}

enum kz_status kz_audit_redact_case(struct kz_db *db, const char *case_id,
				    const char *code,
				    struct kz_audit_redaction *r,
				    struct kz_error *err)
{
	unsigned char prev[MAX_BLOB];
	size_t prev_len;
	sqlite3_stmt *q;
	enum kz_status st;

	memset(r, 0, sizeof(*r));
	st = next_place(db, &r->seq, prev, &prev_len, err);
	if (st != KZ_OK)
		return st;
	q = kz_db_stmt(db, CASE_IDS_CTE
		"UPDATE audit SET ref = NULL, summary = NULL, case_id = NULL, salt = NULL,"
		" redacted = ?3" CASE_AUDIT_WHERE " AND redacted IS NULL", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, case_id);
	kz_bind_text(q, 2, code);
	sqlite3_bind_int64(q, 3, r->seq);
	{
		/* Only the program itself touches the audit trail. */
		int system = kz_db_system_begin(db);
		st = kz_db_step(db, q, "audit", err);
		kz_db_system_end(db, system);
	}
	if (st != KZ_OK)
		return st;
	return redaction_digest(db, r, err);
}

enum kz_status kz_audit_erased(struct kz_db *db, const char *code,
			       const char *author,
			       const struct kz_audit_redaction *r,
			       struct kz_error *err)
{
	struct entry e;
	char now[32];

	memset(&e, 0, sizeof(e));
	kz_now_iso(now);
	e.at = now;
	e.user = !kz_str_empty(author) ? author : kz_db_user(db);
	e.action = "erase";
	e.kind = "case";
	e.summary = nonempty(code);
	return append(db, &e, r->count ? r->digest : NULL, r->seq, err);
}

enum kz_status kz_audit_withheld(struct kz_db *db, long long seq,
				 struct kz_error *err)
{
	struct kz_audit_redaction r = { .seq = seq };
	struct entry e;
	char now[32];
	enum kz_status st = redaction_digest(db, &r, err);

	if (st != KZ_OK)
		return st;
	memset(&e, 0, sizeof(e));
	kz_now_iso(now);
	e.at = now;
	e.user = kz_db_user(db);
	e.action = "withhold";
	e.kind = "case";
	return append(db, &e, r.count ? r.digest : NULL, seq, err);
}

/* --- migration 6 ------------------------------------------------------------------------ */

struct old_entry {
	long long seq;
	char *at, *user, *action, *kind, *ref, *summary;
};

static enum kz_status chain_one(struct kz_db *db, struct old_entry *o,
				unsigned char prev[HASH_LEN], bool *has_prev,
				struct kz_error *err)
{
	unsigned char salt[SALT_LEN], detail[HASH_LEN], hash[HASH_LEN];
	struct entry e;
	char *case_id = kz_record_case_id(db, o->kind, o->ref);
	sqlite3_stmt *q;
	enum kz_status st;

	/* Entries of records deleted since name only the case code. */
	if (!case_id && o->summary && kz_kind_of_case(o->kind) &&
	    strcmp(o->action, "erase") != 0)
		case_id = kz_query_text(db, "SELECT id FROM cases WHERE code = ?1", o->summary);
	memset(&e, 0, sizeof(e));
	e.seq = o->seq;
	e.at = o->at;
	e.user = o->user;
	e.action = o->action;
	e.kind = o->kind;
	e.ref = o->ref;
	e.summary = o->summary;
	e.case_id = case_id;
	e.prev = *has_prev ? prev : NULL;
	e.prev_len = *has_prev ? HASH_LEN : 0;
	randombytes_buf(salt, sizeof(salt));
	e.salt = salt;
	e.salt_len = sizeof(salt);
	detail_hash(&e, NULL, detail);
	e.detail = detail;
	e.detail_len = sizeof(detail);
	chain_hash(&e, hash);
	q = kz_db_stmt(db, "UPDATE audit SET case_id = ?2, salt = ?3, detail_hash = ?4,"
		       " prev_hash = ?5, hash = ?6 WHERE seq = ?1", err);
	if (!q) {
		free(case_id);
		return err ? err->status : KZ_ENV;
	}
	sqlite3_bind_int64(q, 1, o->seq);
	kz_bind_text(q, 2, case_id);
	sqlite3_bind_blob(q, 3, salt, sizeof(salt), SQLITE_TRANSIENT);
	sqlite3_bind_blob(q, 4, detail, sizeof(detail), SQLITE_TRANSIENT);
	if (*has_prev)
		sqlite3_bind_blob(q, 5, prev, HASH_LEN, SQLITE_TRANSIENT);
	sqlite3_bind_blob(q, 6, hash, sizeof(hash), SQLITE_TRANSIENT);
	st = kz_db_step(db, q, "audit", err);
	free(case_id);
	memcpy(prev, hash, HASH_LEN);
	*has_prev = true;
	return st;
}

enum kz_status kz_audit_chain_existing(struct kz_db *db, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT seq, at, user, action, kind, ref, summary FROM audit ORDER BY seq", err);
	struct old_entry *v = NULL;
	size_t n = 0, cap = 0;
	unsigned char prev[HASH_LEN], dummy[MAX_BLOB];
	bool has_prev = false;
	long long upto = 0;
	size_t dummy_len;
	enum kz_status st = KZ_OK;
	int rc;

	if (!q)
		return err ? err->status : KZ_ENV;
	/* All of them first: the rows are updated one by one after. */
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[n].seq = sqlite3_column_int64(q, 0);
		v[n].at = kz_column_dup(q, 1);
		v[n].user = kz_column_dup(q, 2);
		v[n].action = kz_column_dup(q, 3);
		v[n].kind = kz_column_dup(q, 4);
		v[n].ref = kz_column_dup(q, 5);
		v[n].summary = kz_column_dup(q, 6);
		n++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		st = kz_db_fail(db, rc, err, "audit");
	for (size_t i = 0; i < n && st == KZ_OK; i++)
		st = chain_one(db, &v[i], prev, &has_prev, err);
	for (size_t i = 0; i < n; i++) {
		free(v[i].at);
		free(v[i].user);
		free(v[i].action);
		free(v[i].kind);
		free(v[i].ref);
		free(v[i].summary);
	}
	free(v);
	/* Entries deleted before the chain (older erasures) leave gaps in
	 * the numbers up to here; after, a gap is a missing entry. */
	if (st == KZ_OK)
		st = next_place(db, &upto, dummy, &dummy_len, err);
	if (st == KZ_OK) {
		char text[32];
		snprintf(text, sizeof(text), "%lld", upto - 1);
		st = kz_db_meta_set(db, "audit_chained_upto", text, err);
	}
	return st;
}

/* --- verifying ------------------------------------------------------------------------------ */

/* The entries blanked out by one erasure, met before the erasure itself. */
struct pending {
	long long erase_seq;
	long long *seqs;
	size_t n;
};

struct verify {
	struct kz_db *db;
	struct kz_buf *report;
	int *problems;
	struct pending *pend;
	size_t npend;
};

static void problem(struct verify *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct verify *v, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	kz_buf_printf(v->report, "%s: %s\n", _("audit trail"), line);
	(*v->problems)++;
}

static struct pending *pending_for(struct verify *v, long long erase_seq, bool add)
{
	struct pending *p;

	for (size_t i = 0; i < v->npend; i++)
		if (v->pend[i].erase_seq == erase_seq)
			return &v->pend[i];
	if (!add)
		return NULL;
	v->pend = xreallocarray(v->pend, v->npend + 1, sizeof(*v->pend));
	p = &v->pend[v->npend++];
	p->erase_seq = erase_seq;
	p->seqs = NULL;
	p->n = 0;
	return p;
}

static void pending_drop(struct verify *v, struct pending *p)
{
	size_t i = (size_t)(p - v->pend);

	free(p->seqs);
	memmove(&v->pend[i], &v->pend[i + 1], (v->npend - i - 1) * sizeof(*v->pend));
	v->npend--;
}

static void pending_digest(const struct pending *p, unsigned char out[HASH_LEN])
{
	crypto_generichash_state h;

	redactions_init(&h);
	for (size_t i = 0; i < p->n; i++)
		put_int(&h, p->seqs[i]);
	crypto_generichash_final(&h, out, HASH_LEN);
}

/* The number of the entry whose hash is h, 0 when none. */
static long long entry_with_hash(struct kz_db *db, const unsigned char *h, size_t n)
{
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT seq FROM audit WHERE hash = ?1 LIMIT 1", NULL);
	long long seq = 0;

	if (!q || !h)
		return 0;
	sqlite3_bind_blob(q, 1, h, (int)n, SQLITE_TRANSIENT);
	if (sqlite3_step(q) == SQLITE_ROW)
		seq = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	return seq;
}

static void say_missing(struct verify *v, long long from, long long to,
			long long before, long long after)
{
	if (before == 0 && from == to)
		problem(v, _("entry %lld is missing (the trail now begins at entry %lld)"),
			from, after);
	else if (before == 0)
		problem(v, _("entries %lld to %lld are missing (the trail now begins at entry %lld)"),
			from, to, after);
	else if (from == to)
		problem(v, _("entry %lld is missing (entries %lld and %lld do not link)"),
			from, before, after);
	else
		problem(v, _("entries %lld to %lld are missing (entries %lld and %lld do not link)"),
			from, to, before, after);
}

static const char *col_text(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

static const unsigned char *col_blob(sqlite3_stmt *q, int i, size_t *n)
{
	const unsigned char *b = sqlite3_column_blob(q, i);

	*n = (size_t)sqlite3_column_bytes(q, i);
	return b && *n ? b : NULL;
}

/* One entry: false at the first problem (reported). */
static bool verify_one(struct verify *v, sqlite3_stmt *q, unsigned char *last,
		       size_t *last_len, long long *last_seq, long long gaps_upto)
{
	unsigned char detail[HASH_LEN], hash[HASH_LEN], digest[HASH_LEN];
	const unsigned char *redactions = NULL;
	struct pending *p = NULL;
	struct entry e;
	bool linked;

	memset(&e, 0, sizeof(e));
	e.seq = sqlite3_column_int64(q, 0);
	e.at = col_text(q, 1);
	e.user = col_text(q, 2);
	e.action = col_text(q, 3);
	e.kind = col_text(q, 4);
	e.ref = col_text(q, 5);
	e.summary = col_text(q, 6);
	e.case_id = col_text(q, 7);
	e.salt = col_blob(q, 8, &e.salt_len);
	e.detail = col_blob(q, 9, &e.detail_len);
	e.prev = col_blob(q, 10, &e.prev_len);
	e.hash = col_blob(q, 11, &e.hash_len);
	e.redacted = sqlite3_column_type(q, 12) == SQLITE_NULL ? 0 : sqlite3_column_int64(q, 12);

	if (!e.hash || e.hash_len != HASH_LEN || !e.detail || e.detail_len != HASH_LEN ||
	    (e.prev && e.prev_len > MAX_BLOB)) {
		problem(v, _("entry %lld was changed"), e.seq);
		return false;
	}
	/* The details: blanked out by a later erasure, or as written. */
	if (sqlite3_column_type(q, 12) != SQLITE_NULL) {
		if (e.ref || e.summary || e.case_id || e.salt || e.redacted <= e.seq) {
			problem(v, _("entry %lld was changed"), e.seq);
			return false;
		}
		p = pending_for(v, e.redacted, true);
		p->seqs = xreallocarray(p->seqs, p->n + 1, sizeof(*p->seqs));
		p->seqs[p->n++] = e.seq;
	} else {
		/* An erasure, or the making of a replica for a person who may
		 * not see every case, blanks out entries. */
		bool erase = e.action && (strcmp(e.action, "erase") == 0 ||
					  strcmp(e.action, "withhold") == 0);
		if (!e.salt || e.salt_len < crypto_generichash_KEYBYTES_MIN ||
		    e.salt_len > crypto_generichash_KEYBYTES_MAX) {
			problem(v, _("entry %lld was changed"), e.seq);
			return false;
		}
		p = pending_for(v, e.seq, false);
		if (p && !erase) {
			/* Blanked out in the name of an entry that erased nothing. */
			problem(v, _("entry %lld was changed"), p->seqs[0]);
			return false;
		}
		if (p) {
			pending_digest(p, digest);
			redactions = digest;
		}
		detail_hash(&e, redactions, detail);
		if (!blob_eq(detail, HASH_LEN, e.detail, e.detail_len)) {
			if (p)
				problem(v, _("entry %lld: the entries its erasure blanked out do not match it (the first of them is entry %lld)"),
					e.seq, p->seqs[0]);
			else
				problem(v, _("entry %lld was changed"), e.seq);
			return false;
		}
		if (p)
			pending_drop(v, p);
	}
	/* The chain. */
	linked = blob_eq(e.prev, e.prev_len, *last_len ? last : NULL, *last_len);
	chain_hash(&e, hash);
	if (!blob_eq(hash, HASH_LEN, e.hash, e.hash_len)) {
		if (!linked && e.prev && entry_with_hash(v->db, e.prev, e.prev_len) > 0)
			problem(v, _("entries out of order at entry %lld"), e.seq);
		else
			problem(v, _("entry %lld was changed"), e.seq);
		return false;
	}
	if (!linked) {
		long long other = e.prev ? entry_with_hash(v->db, e.prev, e.prev_len) : 0;
		if (other > 0)
			problem(v, _("entries out of order at entry %lld"), e.seq);
		else if (e.seq > *last_seq + 1)
			say_missing(v, *last_seq + 1, e.seq - 1, *last_seq, e.seq);
		else
			problem(v, _("entry %lld was changed (entry %lld does not link to it)"),
				*last_seq, e.seq);
		return false;
	}
	if (e.seq > *last_seq + 1 && e.seq - 1 > gaps_upto) {
		long long from = *last_seq + 1 > gaps_upto + 1 ? *last_seq + 1 : gaps_upto + 1;
		say_missing(v, from, e.seq - 1, *last_seq, e.seq);
		return false;
	}
	memcpy(last, e.hash, HASH_LEN);
	*last_len = HASH_LEN;
	*last_seq = e.seq;
	return true;
}

void kz_audit_verify(struct kz_db *db, struct kz_buf *report, int *problems)
{
	struct verify v = { db, report, problems, NULL, 0 };
	unsigned char last[HASH_LEN];
	size_t last_len = 0;
	long long last_seq = 0, gaps_upto = 0, used = 0;
	char *upto = kz_db_meta_get(db, "audit_chained_upto");
	sqlite3_stmt *q;
	bool ok = true;
	int rc;

	if (upto)
		gaps_upto = strtoll(upto, NULL, 10);
	free(upto);
	q = kz_db_stmt(db, "SELECT seq, at, user, action, kind, ref, summary, case_id,"
		       " salt, detail_hash, prev_hash, hash, redacted FROM audit ORDER BY seq", NULL);
	if (!q) {
		problem(&v, "%s", sqlite3_errmsg(kz_db_handle(db)));
		return;
	}
	while (ok && (rc = sqlite3_step(q)) == SQLITE_ROW)
		ok = verify_one(&v, q, last, &last_len, &last_seq, gaps_upto);
	if (ok && rc != SQLITE_DONE)
		problem(&v, "%s", sqlite3_errmsg(kz_db_handle(db)));
	sqlite3_reset(q);
	if (ok && v.npend > 0) {
		/* Blanked out, but no erasure says so. */
		long long first = v.pend[0].seqs[0];
		for (size_t i = 1; i < v.npend; i++)
			if (v.pend[i].seqs[0] < first)
				first = v.pend[i].seqs[0];
		problem(&v, _("entry %lld was changed"), first);
		ok = false;
	}
	if (ok) {
		/* Entries removed from the end leave their numbers used. */
		q = kz_db_stmt(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'", NULL);
		if (q && sqlite3_step(q) == SQLITE_ROW)
			used = sqlite3_column_int64(q, 0);
		if (q)
			sqlite3_reset(q);
		if (used > last_seq && used > gaps_upto) {
			long long from = last_seq + 1 > gaps_upto + 1 ? last_seq + 1 : gaps_upto + 1;
			if (from == used)
				problem(&v, _("entry %lld is missing (the last entry of the trail)"), from);
			else
				problem(&v, _("entries %lld to %lld are missing (the end of the trail)"),
					from, used);
		}
	}
	for (size_t i = 0; i < v.npend; i++)
		free(v.pend[i].seqs);
	free(v.pend);
}

/* --- listing ------------------------------------------------------------------------------------ */

#define LIST_COLUMNS                                                          \
	"SELECT a.seq, a.at, a.user, a.action, a.kind, a.ref, a.summary,"     \
	" coalesce(c.code, CASE WHEN a.action = 'erase' AND a.kind = 'case'"  \
	" THEN a.summary END), a.redacted IS NOT NULL"                         \
	" FROM audit a LEFT JOIN cases c ON c.id = a.case_id"

static enum kz_status collect_entries(struct kz_db *db, sqlite3_stmt *q,
				      struct kz_audit_entries *out,
				      struct kz_error *err)
{
	size_t cap = out->n;
	int rc;

	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? 2 * cap : 64;
			out->v = xreallocarray(out->v, cap, sizeof(*out->v));
		}
		struct kz_audit_entry *e = &out->v[out->n++];
		e->seq = sqlite3_column_int64(q, 0);
		e->at = kz_column_dup(q, 1);
		e->user = kz_column_dup(q, 2);
		e->action = kz_column_dup(q, 3);
		e->kind = kz_column_dup(q, 4);
		e->ref = kz_column_dup(q, 5);
		e->summary = kz_column_dup(q, 6);
		e->case_code = kz_column_dup(q, 7);
		e->redacted = sqlite3_column_int(q, 8) != 0;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		kz_audit_entries_free(out);
		return kz_db_fail(db, rc, err, "audit");
	}
	return KZ_OK;
}

static enum kz_status list_case(struct kz_db *db, const char *code,
				struct kz_audit_entries *out, struct kz_error *err)
{
	struct kz_case c = { 0 };
	struct kz_error first = { 0 };
	enum kz_status st = kz_case_find(db, code, &c, &first);
	sqlite3_stmt *q;

	if (st == KZ_OK) {
		q = kz_db_stmt(db, LIST_COLUMNS " WHERE a.case_id = ?1 AND "
			       KZ_SEES_CASE("?1") " ORDER BY a.seq", err);
		if (!q) {
			kz_case_clear(&c);
			return err ? err->status : KZ_ENV;
		}
		sqlite3_bind_text(q, 1, c.id, -1, SQLITE_TRANSIENT);
		kz_case_clear(&c);
		return collect_entries(db, q, out, err);
	}
	kz_case_clear(&c);
	if (kz_may(db, KZ_RIGHT_AUDIT_ALL)) {
		/* An erased case: its code is only in the erase entry. */
		char *trimmed = kz_trim(xstrdup(code ? code : ""));
		q = kz_db_stmt(db, LIST_COLUMNS " WHERE a.action = 'erase' AND a.kind = 'case'"
			       " AND a.summary = ?1 COLLATE NOCASE AND kz_role() >= 2"
			       " ORDER BY a.seq", err);
		if (!q) {
			free(trimmed);
			return err ? err->status : KZ_ENV;
		}
		sqlite3_bind_text(q, 1, trimmed, -1, SQLITE_TRANSIENT);
		free(trimmed);
		st = collect_entries(db, q, out, err);
		if (st != KZ_OK || out->n > 0)
			return st;
	}
	if (err)
		*err = first;
	return first.status;
}

enum kz_status kz_audit_list(struct kz_db *db, const char *case_code,
			     struct kz_audit_entries *out, struct kz_error *err)
{
	sqlite3_stmt *q;

	memset(out, 0, sizeof(*out));
	if (!kz_may(db, KZ_RIGHT_AUDIT_ALL) && !kz_may(db, KZ_RIGHT_CASES))
		return kz_require(db, KZ_RIGHT_AUDIT_ALL, err);
	if (case_code)
		return list_case(db, case_code, out, err);
	q = kz_db_stmt(db, LIST_COLUMNS " WHERE " KZ_SEES_CASE("a.case_id")
		       " ORDER BY a.seq", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	return collect_entries(db, q, out, err);
}

void kz_audit_entries_free(struct kz_audit_entries *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].at);
		free(e->v[i].user);
		free(e->v[i].action);
		free(e->v[i].kind);
		free(e->v[i].ref);
		free(e->v[i].summary);
		free(e->v[i].case_code);
	}
	free(e->v);
	e->v = NULL;
	e->n = 0;
}

/* --- words ---------------------------------------------------------------------------------------- */

const char *kz_audit_word(const char *w)
{
	if (!w)
		return "";
	/* What was done. */
	if (strcmp(w, "create") == 0) return C_("audit", "added");
	if (strcmp(w, "update") == 0) return C_("audit", "changed");
	if (strcmp(w, "delete") == 0) return C_("audit", "deleted");
	if (strcmp(w, "read") == 0) return C_("audit", "read");
	if (strcmp(w, "erase") == 0) return C_("audit", "erased");
	if (strcmp(w, "sync") == 0) return C_("audit", "received");
	if (strcmp(w, "resolve") == 0) return C_("audit", "conflict settled");
	if (strcmp(w, "share") == 0) return C_("audit", "shared");
	if (strcmp(w, "unshare") == 0) return C_("audit", "no longer shared");
	if (strcmp(w, "version") == 0) return C_("audit", "version kept");
	/* What it was done to. */
	if (strcmp(w, "case") == 0) return C_("audit", "case");
	if (strcmp(w, "member") == 0) return C_("audit", "household member");
	if (strcmp(w, "team") == 0) return C_("audit", "team member");
	if (strcmp(w, "plan") == 0) return C_("audit", "plan");
	if (strcmp(w, "plan_version") == 0) return C_("audit", "plan version");
	if (strcmp(w, "diagnosis") == 0) return C_("audit", "diagnosis");
	if (strcmp(w, "goal") == 0) return C_("audit", "goal");
	if (strcmp(w, "action") == 0) return C_("audit", "action");
	if (strcmp(w, "review") == 0) return C_("audit", "review");
	if (strcmp(w, "progress") == 0) return C_("audit", "progress");
	if (strcmp(w, "meeting") == 0) return C_("audit", "meeting");
	if (strcmp(w, "attendee") == 0) return C_("audit", "attendee");
	if (strcmp(w, "decision") == 0) return C_("audit", "decision");
	if (strcmp(w, "task") == 0) return C_("audit", "task");
	if (strcmp(w, "service") == 0) return C_("audit", "service");
	if (strcmp(w, "partner") == 0) return C_("audit", "partner");
	if (strcmp(w, "contact") == 0) return C_("audit", "contact person");
	return w;
}
