#ifndef KOSZYK_RECORDS_H
#define KOSZYK_RECORDS_H

#include "db_internal.h"
#include "koszyk/basket.h"
#include "koszyk/kinds.h"
#include "koszyk/model.h"

/* Storage of the records of a kind, as the kind table describes them
 * (kinds.h): the SQL texts are built once from the kind's fields. */
enum kz_status kz_record_load(struct kz_db *db, enum kz_kind kind,
			      const char *id, void *rec, struct kz_error *err);
/* Trim one-line fields, turn "" into NULL, check every field. */
enum kz_status kz_record_validate(enum kz_kind kind, void *rec,
				  struct kz_error *err);
/* Insert (a new id when the record's id is empty) and audit. */
enum kz_status kz_record_insert(struct kz_db *db, enum kz_kind kind,
				void *rec, const char *summary,
				struct kz_error *err);
/* Update with the revision check; stored receives the stored version
 * (zeroed record of the same type, cleared by the caller). rev 0 in rec
 * means "whatever is stored". */
enum kz_status kz_record_update(struct kz_db *db, enum kz_kind kind,
				void *rec, void *stored, struct kz_error *err);

/* Keep rec (checked by the caller) in the batch (basket.h): the batch
 * takes it over and gives it an id when it has none. */
enum kz_status kz_record_batch_add(struct kz_record_batch *b, void *rec,
				   const char *summary, struct kz_error *err);
struct kz_db *kz_record_batch_db(const struct kz_record_batch *b);
enum kz_kind kz_record_batch_kind(const struct kz_record_batch *b);

/* The kinds' checks before a record is stored as it comes (kinds.c's
 * check member): defaults filled, every field and rule checked. */
enum kz_status kz_partner_check(struct kz_db *db, void *rec, struct kz_error *err);
enum kz_status kz_service_check(struct kz_db *db, void *rec, struct kz_error *err);

struct kz_row *kz_rows_push(struct kz_rows *rows, size_t *cap);

/* Binds a list statement's own parameters (2..8). */
typedef void (*kz_bind_fn)(struct kz_db *db, sqlite3_stmt *st, const void *arg);

/* A list over search_doc d in two plans: walk, following the (kind,
 * sort_key) index and stopping at the limit (for browsing and for queries
 * that match many records), and pick, looking up the few matching records
 * and sorting them. Both restrict d to one tier of a search: ?1 the FTS
 * query to match (walk: NULL matches everything), ?9 the one to leave
 * out. Make them with KZ_LIST_SQL(head, 'kind', tail), where head is the
 * SELECT ... FROM ... JOIN ... part and tail the further conditions and
 * " ORDER BY d.sort_key LIMIT ?10". */
/* The order of the lists: Polish alphabetical order (the collation
 * KZ_PL, db.c), people by surname. */
#define KZ_ORDER_SERVICE "s.title COLLATE KZ_PL, s.rowid"
#define KZ_ORDER_PARTNER "p.name COLLATE KZ_PL, p.rowid"
#define KZ_ORDER_CONTACT "kz_person_key(c.name) COLLATE KZ_PL, c.rowid"
/* The same order in the lists over search_doc d, from its (kind, pl_key)
 * index (the bytes of pl_key sort as the collation does, migration 16):
 * no sorting of every record for a page. */
#define KZ_LIST_ORDER_SERVICE "d.pl_key, s.rowid"
#define KZ_LIST_ORDER_PARTNER "d.pl_key, p.rowid"
#define KZ_LIST_ORDER_CONTACT "d.pl_key, c.rowid"

struct kz_list_sql {
	const char *walk;
	const char *pick;
	const char *test;
	const char *first, *first2;
	const char *count;  /* ?1: how many records of the kind, up to ?1 */
};

/* The third plan, test: walk the index like walk and test each record
 * passed with kz_tier_is (match.c) for the tier ?12 of the words ?13,
 * for a query that matches too many records to look them all up; first,
 * the same for the first tier over the records whose title's first token
 * begins with the byte ?14 (the (kind, lead1, pl_key) index); first2,
 * with the two bytes ?14 (lead2). */
#define KZ_TIER_TEST                                                  \
	" AND (SELECT kz_tier_is(f.title, f.body, ?13, ?12)"          \
	"      FROM search_fts f WHERE f.rowid = d.docid)"
#define KZ_TIER_EXCLUDE                                               \
	" AND (?9 IS NULL OR d.docid NOT IN"                          \
	"      (SELECT rowid FROM search_fts WHERE search_fts MATCH ?9))"
#define KZ_LIST_SQL(head, kind, tail)                                 \
	{ head " WHERE d.kind = " kind                                \
	  " AND (?1 IS NULL OR d.docid IN"                            \
	  "      (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1))" \
	  KZ_TIER_EXCLUDE tail,                                       \
	  head " WHERE +d.kind = " kind                               \
	  " AND d.docid IN"                                           \
	  "      (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1)" \
	  KZ_TIER_EXCLUDE tail,                                       \
	  head " WHERE d.kind = " kind KZ_TIER_TEST tail,             \
	  head " WHERE d.kind = " kind " AND d.lead1 = ?14"           \
	  KZ_TIER_TEST tail,                                          \
	  head " WHERE d.kind = " kind " AND d.lead2 = ?14"           \
	  KZ_TIER_TEST tail,                                          \
	  "SELECT count(*) FROM (SELECT 1 FROM search_doc"            \
	  " WHERE kind = " kind " LIMIT ?1)" }

/* The ids in the first column of a query (?1 bound to arg, ?2 to arg2
 * when not NULL); rows without a valid id are skipped. Caller frees. */
enum kz_status kz_query_ids(struct kz_db *db, const char *sql, const char *arg,
			    const char *arg2, char (**ids)[KZ_ID_LEN + 1],
			    size_t *n, struct kz_error *err);

/* Run sql (id + up to five text columns) first for the records whose title begins with the first word
 * of the query and matches the others, then for the other records whose
 * title matches every word, then for those matching elsewhere; without a
 * query, once for all. At most limit rows (0: all); out->more when there were more. */
enum kz_status kz_tiered_list(struct kz_db *db, const struct kz_list_sql *sql,
			      const char *query, kz_bind_fn bind,
			      const void *arg, size_t limit,
			      struct kz_rows *out, struct kz_error *err);

#endif
