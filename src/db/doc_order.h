/* The order of the search index's documents (doc_order.c). */
#ifndef KOSZYK_DOC_ORDER_H
#define KOSZYK_DOC_ORDER_H

#include <stdbool.h>
#include <sqlite3.h>

#include "koszyk/status.h"

/* Kind k's docids are [k << 60, (k + 1) << 60): the placed ones, in list
 * order, below base + KZ_DOC_PLACED, the overflow above it. */
#define KZ_DOC_KIND_SHIFT 60
#define KZ_DOC_PLACED ((sqlite3_int64)1 << 59)
#define KZ_DOC_END ((sqlite3_int64)1 << 60)

/* The first docid of a kind of the search index ("service"); 0 for
 * another name. */
sqlite3_int64 kz_doc_base(const char *kind);

/* The mark of a kind in the search index's marked words of titles
 * ("ǁ1pomoc": a service's, match.c), a digit; 0 for another name. Each
 * kind's marked words are its own lists in FTS5, which end where its
 * range of docids ends: "ǁ2r"* NOT "ǂ2r"* (the partners whose title
 * holds a word in r, not first) stops at the last partner, where "ǁr"*
 * NOT "ǂr"* went on through every case (R/2026/001: all of them in
 * both) before FTS5 looked at the range (2 ms at 100,000 services). */
char kz_doc_kind_mark(const char *kind);
/* The mark of the kind of a docid's range; 0 outside them. */
char kz_doc_kind_mark_of(sqlite3_int64 docid);

struct kz_db;
struct kz_error;
/* Move the documents of every kind's overflow to their places in list
 * order, inside the caller's transaction (kz_db_commit calls it). One
 * that finds no room stays in the overflow, where the lists still show
 * it in its place. */
enum kz_status kz_doc_place(struct kz_db *db, struct kz_error *err);

/* The documents waiting in search_pending (an import's) numbered anew,
 * each run of them spread evenly between its placed neighbours, before
 * they go into FTS5 (kz_db_commit calls it first). */
enum kz_status kz_doc_place_waiting(struct kz_db *db, struct kz_error *err);

/* Registers kz_doc_base(kind) and kz_doc_slot(kind, prev, next,
 * overflow_max) on a connection. */
int kz_doc_order_register(sqlite3 *h);

#endif
