/* The search index's documents are numbered in the order the lists show
 * them (issue 14): each kind of record has its own range of docids, and
 * within it a record's docid follows the Polish order of its title
 * (search_doc.pl_key, then the earlier record first). FTS5 hands its
 * matches out in docid order, so a list asks it for "the first 41
 * matches in this range" and reads 41 records, whatever the query and
 * however many records match, instead of sorting every match.
 *
 * A new record takes a docid between its neighbours', as far between
 * theirs as its key is between their keys, so that records spread over
 * the kind's range (2^59 numbers) whatever the order they come in; when
 * there is no room left, the record goes to the kind's overflow range,
 * which the lists merge in by sorting (correct, only slower), until
 * kz_doc_place moves it to its place by spreading its neighbours. */
#include "doc_order.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "db_internal.h"

static const char *const kinds[] = { NULL, "service", "partner", "contact", "meeting", "case" };

sqlite3_int64 kz_doc_base(const char *kind)
{
	for (size_t i = 1; kind && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i], kind) == 0)
			return (sqlite3_int64)i << KZ_DOC_KIND_SHIFT;
	return 0;
}

char kz_doc_kind_mark_of(sqlite3_int64 docid)
{
	sqlite3_int64 k = docid >> KZ_DOC_KIND_SHIFT;

	return k >= 1 && k < (sqlite3_int64)(sizeof(kinds) / sizeof(kinds[0]))
	       ? (char)('0' + k) : 0;
}

char kz_doc_kind_mark(const char *kind)
{
	return kz_doc_kind_mark_of(kz_doc_base(kind));
}

/* kz_doc_base(kind) */
static void sql_doc_base(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int64(ctx, kz_doc_base((const char *)sqlite3_value_text(argv[0])));
}

/* 8 bytes of a key from byte at on, as a number (0 beyond its end). */
static uint64_t key_word(const unsigned char *k, size_t n, size_t at)
{
	uint64_t w = 0;

	for (size_t i = 0; i < 8; i++)
		w = (w << 8) | (at + i < n ? k[at + i] : 0);
	return w;
}

/* Where key stands between the keys of its neighbours (NULL: the start
 * or the end of the kind), as a fraction of the way from one to the
 * other, read from the first bytes where they differ; kept off the ends
 * so that records added one after another leave room after them, and
 * halfway when the key cannot be told from a neighbour's in those bytes
 * (titles alike in their first words). */
static long double key_fraction(sqlite3_value *key, sqlite3_value *prev, sqlite3_value *next)
{
	const long double edge = 1.0L / 64;
	const unsigned char *k = sqlite3_value_blob(key);
	const unsigned char *p = sqlite3_value_type(prev) == SQLITE_BLOB ? sqlite3_value_blob(prev) : NULL;
	const unsigned char *q = sqlite3_value_type(next) == SQLITE_BLOB ? sqlite3_value_blob(next) : NULL;
	size_t kn = (size_t)sqlite3_value_bytes(key);
	size_t pn = p ? (size_t)sqlite3_value_bytes(prev) : 0;
	size_t qn = q ? (size_t)sqlite3_value_bytes(next) : 0;
	size_t at = 0;
	uint64_t a, b, x;
	long double f;

	if (!k)
		return 0.5L;
	/* From the first byte where the neighbours differ; with one of them
	 * only (the first or last record), where it and the key differ: a
	 * key after the last one sharing its first 8 bytes ("R/2026/…") was
	 * put halfway to the end, and 59 such records in a row had used
	 * the whole range. */
	while (p && q && at < pn && at < qn && p[at] == q[at])
		at++;
	while (p && !q && at < pn && at < kn && p[at] == k[at])
		at++;
	while (!p && q && at < qn && at < kn && q[at] == k[at])
		at++;
	a = p ? key_word(p, pn, at) : 0;
	b = q ? key_word(q, qn, at) : UINT64_MAX;
	x = key_word(k, kn, at);
	/* Keys that cannot be told apart in these bytes: halfway. */
	if (b <= a || x <= a || x >= b)
		return 0.5L;
	f = (long double)(x - a) / (long double)(b - a);
	return f < edge ? edge : f > 1 - edge ? 1 - edge : f;
}

/* The most a record added after the last one (or before the first) is
 * placed from it: 2^35, room for 16 million such in a row, and for 35
 * halvings between two of them. */
#define END_STEP ((sqlite3_int64)1 << 35)

/* kz_doc_slot(kind, prev, next, overflow_max, key, prev_key, next_key):
 * the docid of a record whose order key is key, placed after the docid
 * prev and before next (NULL: none; their keys beside): as far between
 * them as its key is between theirs, so that records of any order of
 * adding spread over the kind's range as their keys do. When there is no
 * room between them, the next free docid of the kind's overflow range
 * (after overflow_max, NULL when it is empty). */
static void sql_doc_slot(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_int64 base = kz_doc_base((const char *)sqlite3_value_text(argv[0]));
	bool no_prev = sqlite3_value_type(argv[1]) == SQLITE_NULL;
	bool no_next = sqlite3_value_type(argv[2]) == SQLITE_NULL;
	sqlite3_int64 lo = no_prev ? base : sqlite3_value_int64(argv[1]);
	sqlite3_int64 hi = no_next ? base + KZ_DOC_PLACED : sqlite3_value_int64(argv[2]);
	sqlite3_int64 gap = hi - lo, at;

	(void)argc;
	if (!base) {
		sqlite3_result_error(ctx, "kz_doc_slot: not a kind of the search index", -1);
		return;
	}
	if (gap >= 2) {
		at = lo + (sqlite3_int64)(key_fraction(argv[4], argv[5], argv[6]) * (long double)gap);
		/* After the last record or before the first, at most END_STEP
		 * away: records added in order (case codes, a list typed from
		 * A to Z) each took a share of what was left, the range ran out
		 * after a few thousand and every one after waited in the
		 * overflow, moving thousands of its neighbours to be placed. */
		if (no_next && !no_prev && at - lo > END_STEP)
			at = lo + END_STEP;
		if (no_prev && !no_next && hi - at > END_STEP)
			at = hi - END_STEP;
		sqlite3_result_int64(ctx, at <= lo ? lo + 1 : at >= hi ? hi - 1 : at);
		return;
	}
	if (sqlite3_value_type(argv[3]) == SQLITE_NULL)
		sqlite3_result_int64(ctx, base + KZ_DOC_PLACED);
	else
		sqlite3_result_int64(ctx, sqlite3_value_int64(argv[3]) + 1);
}

int kz_doc_order_register(sqlite3 *h)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(h, "kz_doc_base", 1, flags, NULL, sql_doc_base,
					 NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_doc_slot", 7, flags, NULL, sql_doc_slot,
					     NULL, NULL);
	return rc;
}

/* --- placing the overflow ------------------------------------------------- */

/* Run each statement with ?1 old and ?2 new. */
static enum kz_status step_old_new(struct kz_db *db, const char *const *sql, size_t n,
				   sqlite3_int64 old, sqlite3_int64 new, struct kz_error *err)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = kz_db_stmt(db, sql[i], err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_int64(st, 1, old);
		sqlite3_bind_int64(st, 2, new);
		enum kz_status s = kz_db_step(db, st, "search index", err);
		if (s != KZ_OK)
			return s;
	}
	return KZ_OK;
}

/* Give document old the docid new, in search_doc and in search_fts. */
static enum kz_status move_doc(struct kz_db *db, sqlite3_int64 old, sqlite3_int64 new,
			       struct kz_error *err)
{
	static const char *const sql[] = {
		"UPDATE search_doc SET docid = ?2 WHERE docid = ?1",
		("INSERT INTO search_fts(rowid, title, body)"
		 " SELECT ?2, title, body FROM search_fts WHERE rowid = ?1"),
		"DELETE FROM search_fts WHERE rowid = ?1",
	};

	return step_old_new(db, sql, sizeof(sql) / sizeof(sql[0]), old, new, err);
}

/* Up to want docids of placed documents beside key: before it (pl_key
 * <= key, nearest first) or after it (pl_key > key, nearest first). */
static size_t neighbours(struct kz_db *db, const char *kind, sqlite3_int64 base,
			 const void *key, int keylen, bool before, size_t want,
			 sqlite3_int64 *out)
{
	sqlite3_stmt *st = kz_db_stmt(db, before
		? "SELECT docid FROM search_doc WHERE kind = ?1 AND pl_key <= ?2 AND docid < ?3"
		  " ORDER BY pl_key DESC, docid DESC LIMIT ?4"
		: "SELECT docid FROM search_doc WHERE kind = ?1 AND pl_key > ?2 AND docid < ?3"
		  " ORDER BY pl_key, docid LIMIT ?4", NULL);
	size_t n = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, key, keylen, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, base + KZ_DOC_PLACED);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)want);
	while (n < want && sqlite3_step(st) == SQLITE_ROW)
		out[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

/* The least docid of the kind's overflow from docid from on (0: none),
 * with its pl_key. */
static sqlite3_int64 next_overflow(struct kz_db *db, sqlite3_int64 base, sqlite3_int64 from,
				   void **key, int *keylen)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT docid, pl_key FROM search_doc WHERE docid BETWEEN ?1 AND ?2"
		" ORDER BY docid LIMIT 1", NULL);
	sqlite3_int64 id = 0;

	*key = NULL;
	*keylen = 0;
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, from > base + KZ_DOC_PLACED ? from : base + KZ_DOC_PLACED);
	sqlite3_bind_int64(st, 2, base + KZ_DOC_END - 1);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*keylen = sqlite3_column_bytes(st, 1);
		*key = xmalloc((size_t)*keylen + 1);
		if (*keylen)
			memcpy(*key, sqlite3_column_blob(st, 1), (size_t)*keylen);
	}
	sqlite3_reset(st);
	return id;
}

/* The widest window tried on each side; past it the document stays in
 * the overflow, where the lists still find it in its place. */
#define WINDOW_MAX 4096
/* The room wanted between neighbours after spreading them. */
#define ROOM ((sqlite3_int64)1 << 16)

/* Place the overflow document id (pl_key key): take the window of placed
 * documents around its place, widening it until there is room, and
 * spread them and it evenly between the window's outer neighbours. Each
 * goes through the overflow first, so that no docid is taken twice. */
static enum kz_status place_one(struct kz_db *db, const char *kind, sqlite3_int64 base,
				sqlite3_int64 id, const void *key, int keylen,
				bool *placed, struct kz_error *err)
{
	enum kz_status s = KZ_OK;

	*placed = false;
	for (size_t w = 8; w <= WINDOW_MAX && s == KZ_OK && !*placed; w *= 4) {
		sqlite3_int64 *left = xcalloc(w + 1, sizeof(*left));
		sqlite3_int64 *right = xcalloc(w + 1, sizeof(*right));
		size_t nl = neighbours(db, kind, base, key, keylen, true, w + 1, left);
		size_t nr = neighbours(db, kind, base, key, keylen, false, w + 1, right);
		size_t inl = nl > w ? w : nl, inr = nr > w ? w : nr, n = inl + 1 + inr;
		sqlite3_int64 lo = nl > w ? left[w] : base;
		sqlite3_int64 hi = nr > w ? right[w] : base + KZ_DOC_PLACED;
		sqlite3_int64 room = (hi - lo) / (sqlite3_int64)(n + 1);
		bool wider = nl > w || nr > w;

		if (room >= ROOM || (!wider && room >= 2)) {
			sqlite3_int64 *ids = xcalloc(n, sizeof(*ids));
			size_t k = 0;
			for (size_t i = inl; i-- > 0;)
				ids[k++] = left[i];
			ids[k++] = id;
			for (size_t i = 0; i < inr; i++)
				ids[k++] = right[i];
			/* Out of the way first: above every docid of the overflow. */
			sqlite3_int64 spare = base + KZ_DOC_END - 1 - (sqlite3_int64)n;
			for (size_t i = 0; i < n && s == KZ_OK; i++)
				if (ids[i] != id)
					s = move_doc(db, ids[i], spare + (sqlite3_int64)i, err);
			for (size_t i = 0; i < n && s == KZ_OK; i++)
				s = move_doc(db, ids[i] == id ? id : spare + (sqlite3_int64)i,
					     lo + room * (sqlite3_int64)(i + 1), err);
			free(ids);
			*placed = s == KZ_OK;
		} else if (!wider) {
			w = WINDOW_MAX;  /* the whole kind has no room: leave it */
		}
		free(left);
		free(right);
	}
	return s;
}

enum kz_status kz_doc_place(struct kz_db *db, struct kz_error *err)
{
	enum kz_status s = KZ_OK;

	for (size_t k = 1; k < sizeof(kinds) / sizeof(kinds[0]) && s == KZ_OK; k++) {
		sqlite3_int64 base = (sqlite3_int64)k << KZ_DOC_KIND_SHIFT;
		sqlite3_int64 from = 0, id;
		void *key;
		int keylen;
		bool placed;

		/* One that finds no room stays; the next is tried after it. */
		while (s == KZ_OK && (id = next_overflow(db, base, from, &key, &keylen)) != 0) {
			s = place_one(db, kinds[k], base, id, key, keylen, &placed, err);
			from = id + 1;
			free(key);
		}
	}
	return s;
}

/* --- the records of an import ------------------------------------------------ */

/* Give the waiting document old the docid new. */
static enum kz_status renumber_waiting(struct kz_db *db, sqlite3_int64 old, sqlite3_int64 new,
				       struct kz_error *err)
{
	static const char *const sql[] = {
		"UPDATE search_doc SET docid = ?2 WHERE docid = ?1",
		"UPDATE search_pending SET docid = ?2 WHERE docid = ?1",
	};

	return step_old_new(db, sql, sizeof(sql) / sizeof(sql[0]), old, new, err);
}

/* A run of n waiting documents between the placed docids lo and hi,
 * spread evenly; to the overflow (placed later, kz_doc_place) when there
 * is no room. */
static enum kz_status spread_run(struct kz_db *db, sqlite3_int64 base, sqlite3_int64 lo,
				 sqlite3_int64 hi, const sqlite3_int64 *run, size_t n,
				 sqlite3_int64 *overflow, struct kz_error *err)
{
	sqlite3_int64 step = (hi - lo) / (sqlite3_int64)(n + 1);
	enum kz_status s = KZ_OK;

	for (size_t i = 0; i < n && s == KZ_OK; i++) {
		sqlite3_int64 at;
		if (step >= 1) {
			at = lo + step * (sqlite3_int64)(i + 1);
		} else {
			if (*overflow < base + KZ_DOC_PLACED)
				*overflow = base + KZ_DOC_PLACED;
			at = (*overflow)++;
		}
		s = renumber_waiting(db, run[i], at, err);
	}
	return s;
}

/* The documents of kind that wait in search_pending (an import's, kept
 * there to go into FTS5 in docid order) get their docids anew: each run
 * of them between two placed documents spread evenly over the gap, so
 * that a basket imported whole is numbered as evenly as one numbered
 * anew. Their docids are first made negative, out of every range, one
 * at a time (a statement changing many rowids holds every changed row in
 * memory). */
static enum kz_status place_waiting_kind(struct kz_db *db, const char *kind, sqlite3_int64 base,
					 struct kz_error *err)
{
	struct doc { sqlite3_int64 id; bool waits; } *all = NULL;
	size_t nall = 0, capall = 0, n = 0, cap = 0;
	sqlite3_int64 *run = NULL, lo = base, overflow = 0;
	enum kz_status s = KZ_OK;
	sqlite3_stmt *st;
	int rc;

	st = kz_db_stmt(db, "SELECT max(docid) + 1 FROM search_doc WHERE docid BETWEEN ?1 AND ?2", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_int64(st, 1, base + KZ_DOC_PLACED);
	sqlite3_bind_int64(st, 2, base + KZ_DOC_END - 1);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		overflow = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	/* Every placed and waiting document of the kind, in list order, read
	 * whole before any is renumbered. */
	rc = sqlite3_prepare_v2(kz_db_handle(db),
		"SELECT docid, docid IN (SELECT docid FROM search_pending) FROM search_doc"
		" WHERE kind = ?1 AND (docid < ?2 OR docid IN (SELECT docid FROM search_pending))"
		" ORDER BY pl_key, docid", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "search index");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, base + KZ_DOC_PLACED);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nall == capall) {
			capall = capall ? capall * 2 : 1024;
			all = xreallocarray(all, capall, sizeof(*all));
		}
		all[nall].id = sqlite3_column_int64(st, 0);
		all[nall++].waits = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		s = kz_db_fail(db, rc, err, "search index");
	/* Out of every range first (negative), one by one: then no new
	 * docid can be one still taken. An import's records wait there
	 * already (migration 22, DOC_SLOT_OR_WAITING). */
	for (size_t i = 0; i < nall && s == KZ_OK; i++)
		if (all[i].waits && all[i].id > 0) {
			s = renumber_waiting(db, all[i].id, -all[i].id, err);
			all[i].id = -all[i].id;
		}
	for (size_t i = 0; i <= nall && s == KZ_OK; i++) {
		sqlite3_int64 id = i < nall ? all[i].id : base + KZ_DOC_PLACED;
		if (i < nall && all[i].waits) {
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				run = xreallocarray(run, cap, sizeof(*run));
			}
			run[n++] = id;
			continue;
		}
		if (n)
			s = spread_run(db, base, lo, id, run, n, &overflow, err);
		n = 0;
		lo = id;
	}
	free(all);
	free(run);
	return s;
}

enum kz_status kz_doc_place_waiting(struct kz_db *db, struct kz_error *err)
{
	enum kz_status s = KZ_OK;
	sqlite3_stmt *st;

	for (size_t k = 1; k < sizeof(kinds) / sizeof(kinds[0]) && s == KZ_OK; k++) {
		bool any;
		st = kz_db_stmt(db, "SELECT 1 FROM search_pending p JOIN search_doc d"
				" ON d.docid = p.docid WHERE d.kind = ?1 LIMIT 1", err);
		if (!st)
			return err ? err->status : KZ_ENV;
		sqlite3_bind_text(st, 1, kinds[k], -1, SQLITE_STATIC);
		any = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
		if (any)
			s = place_waiting_kind(db, kinds[k], (sqlite3_int64)k << KZ_DOC_KIND_SHIFT, err);
	}
	return s;
}
