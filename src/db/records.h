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

/* A list over search_doc d of one kind, in the order of the lists (the
 * Polish order of search_doc.pl_key, then the docid), in three plans:
 *   walk     no query: the (kind, pl_key) index, stopping at the limit;
 *   ordered  the documents matching the FTS query ?1 in the kind's placed
 *            range ?15..?16, in FTS5's own docid order, which is the
 *            list's (doc_order.c): a page reads a page of records;
 *   sorted   the matches in the kind's whole range ?15..?17 (the overflow
 *            of records not yet placed included), sorted: for a kind
 *            with an overflow, and for a list with an order of its own;
 *   walk_after  walk on after a row (kz_tiered_list_more); the ordered
 *            plan goes on by starting its range past the row's docid.
 * Make them with KZ_LIST_SQL(cols, from, kind, filters, order): cols the
 * selected columns (id first), from the joins after search_doc d (which
 * is joined to search_fts f), kind a bare word (service), filters the
 * further conditions (" AND ..."), order the list's own ORDER BY terms
 * before the index's ("" for none). ?10 is the limit. */
#define KZ_LIST_JOIN_FTS " FROM search_fts f CROSS JOIN search_doc d ON d.docid = f.rowid JOIN "
/* Each row also selects its place (kz_docid, kz_key: struct kz_row's
 * place); walk_after walks on after the row of docid ?18 and key ?19. */
#define KZ_LIST_PLACE ", d.docid AS kz_docid, d.pl_key AS kz_key"
#define KZ_LIST_SQL(cols, from, kind, filters, order)                          \
	{ "SELECT " cols KZ_LIST_PLACE " FROM search_doc d JOIN " from        \
	  " WHERE d.kind = '" #kind "'" filters                              \
	  " ORDER BY " order "d.pl_key, d.docid LIMIT ?10",                  \
	  "SELECT " cols KZ_LIST_PLACE KZ_LIST_JOIN_FTS from                  \
	  " WHERE f.search_fts MATCH ?1 AND f.rowid BETWEEN ?15 AND ?16" filters \
	  " ORDER BY f.rowid LIMIT ?10",                                     \
	  "SELECT " cols KZ_LIST_PLACE KZ_LIST_JOIN_FTS from                  \
	  " WHERE f.search_fts MATCH ?1 AND f.rowid BETWEEN ?15 AND ?17" filters \
	  " ORDER BY " order "d.pl_key, d.docid LIMIT ?10",                  \
	  "SELECT " cols KZ_LIST_PLACE " FROM search_doc d JOIN " from        \
	  " WHERE d.kind = '" #kind "' AND d.pl_key >= ?19"                  \
	  " AND (d.pl_key > ?19 OR d.docid > ?18)" filters                   \
	  " ORDER BY " order "d.pl_key, d.docid LIMIT ?10",                  \
	  #kind, sizeof(order) > 1 }

/* The order of the lists over search_doc d, from its (kind, pl_key)
 * index: the bytes of pl_key sort as the collation KZ_PL does. */
#define KZ_LIST_ORDER "d.pl_key, d.docid"

struct kz_list_sql {
	const char *walk, *ordered, *sorted, *walk_after;
	const char *kind;     /* "service": the kind of search_doc */
	bool own_order;       /* ordered by more than the index */
};

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
/* The same list on after out's last row: at most limit more rows
 * appended to out; read again from the start (up to out->n + limit)
 * where it cannot go on from a row (an order of the list's own, records
 * in the overflow). */
enum kz_status kz_tiered_list_more(struct kz_db *db, const struct kz_list_sql *sql,
				   const char *query, kz_bind_fn bind,
				   const void *arg, size_t limit,
				   struct kz_rows *out, struct kz_error *err);

#endif
