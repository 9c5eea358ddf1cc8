/* The basket, the partners and their contact persons: the data layer
 * behind both the screens and the command line. */
#ifndef KOSZYK_BASKET_H
#define KOSZYK_BASKET_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/db.h"
#include "koszyk/kinds.h"
#include "koszyk/model.h"

/* --- saving -------------------------------------------------------------
 * A record with an empty id is inserted with a new id (written back into
 * the record). Otherwise it is updated, but only if its stamp.rev equals the
 * stored revision: when someone else saved in the meantime the save is
 * refused with KZ_CONFLICT and a message naming who and when. On success
 * stamp is refreshed. Every save validates all fields (KZ_INVALID with a
 * message naming the field) and writes an audit entry, in one transaction.
 */
enum kz_status kz_partner_save(struct kz_db *db, struct kz_partner *p,
			       struct kz_error *err);
enum kz_status kz_contact_save(struct kz_db *db, struct kz_contact *c,
			       struct kz_error *err);
enum kz_status kz_service_save(struct kz_db *db, struct kz_service *s,
			       struct kz_error *err);

/* A new service saved by kz_service_save without a verification date is
 * verified by the current user today (a person added it). */

/* Insert as given, with the id already set or a new one when empty (an
 * import, the demo): a service keeps its verification, or none. */
enum kz_status kz_partner_insert_with_id(struct kz_db *db,
					 struct kz_partner *p,
					 struct kz_error *err);
enum kz_status kz_service_insert_with_id(struct kz_db *db,
					 struct kz_service *s,
					 struct kz_error *err);
enum kz_status kz_contact_insert_with_id(struct kz_db *db,
					 struct kz_contact *c,
					 struct kz_error *err);

/* Many new partners or services inserted a batch at a time (an import),
 * within a transaction the caller holds (kz_db_begin). kz_batch_add
 * checks the record as kz_*_insert_with_id does and, when it is right,
 * takes it over (kz_record_new; freed by the batch). kz_batch_flush
 * inserts and audits what was added, as kz_*_insert_with_id would one by
 * one; on failure *failed is the index (in the order added since the last
 * flush) of the record that failed and err says why. Records added are
 * not in the database before the flush: flush before reading them. */
struct kz_record_batch;
struct kz_record_batch *kz_record_batch_new(struct kz_db *db, enum kz_kind kind);
enum kz_status kz_batch_add(struct kz_record_batch *b, void *rec,
			    struct kz_error *err);
size_t kz_record_batch_pending(const struct kz_record_batch *b);
bool kz_record_batch_full(const struct kz_record_batch *b);
enum kz_status kz_record_batch_flush(struct kz_record_batch *b, size_t *failed,
				     struct kz_error *err);
void kz_record_batch_free(struct kz_record_batch *b);

/* Archive (status "archived") and verify ("verified today by the current
 * user"); rev as above, 0 means "whatever is stored". */
enum kz_status kz_service_archive(struct kz_db *db, const char *id, long rev,
				  struct kz_error *err);
enum kz_status kz_service_verify(struct kz_db *db, const char *id, long rev,
				 struct kz_error *err);
/* Contacts can be removed; services referring to them keep the name as
 * free text. */
enum kz_status kz_contact_delete(struct kz_db *db, const char *id,
				 struct kz_error *err);

/* --- reading ----------------------------------------------------------- */
enum kz_status kz_partner_get(struct kz_db *db, const char *id,
			      struct kz_partner *out, struct kz_error *err);
enum kz_status kz_contact_get(struct kz_db *db, const char *id,
			      struct kz_contact *out, struct kz_error *err);
enum kz_status kz_service_get(struct kz_db *db, const char *id,
			      struct kz_service *out, struct kz_error *err);

/* A partner by exact name or short name (case and Polish letters folded). */
enum kz_status kz_partner_find_by_name(struct kz_db *db, const char *name,
				       char id_out[KZ_ID_LEN + 1],
				       struct kz_error *err);
/* The partners by name for many look-ups in a row (an import): one read
 * of the partners, then kz_partner_names_find answers as
 * kz_partner_find_by_name would, without a scan of every partner for
 * each name. A snapshot: partners added or renamed after it was made are
 * not in it. */
struct kz_partner_names;
enum kz_status kz_partner_names_load(struct kz_db *db,
				     struct kz_partner_names **out,
				     struct kz_error *err);
/* KZ_OK with the id, or KZ_NOT_FOUND (no message). */
enum kz_status kz_partner_names_find(const struct kz_partner_names *names,
				     const char *name,
				     char id_out[KZ_ID_LEN + 1]);
void kz_partner_names_free(struct kz_partner_names *names);
/* A contact of the partner (or of any partner when partner_id is NULL)
 * by name, folded. */
enum kz_status kz_contact_find_by_name(struct kz_db *db,
				       const char *partner_id,
				       const char *name,
				       char id_out[KZ_ID_LEN + 1],
				       struct kz_error *err);

/* One line of a list. */
/* A row of a list: the record's id and title and four more columns,
 * named by the member of the union that the list fills (a list of
 * services fills .service, ...). col[] is the same four in order, for
 * the code that reads and frees them all alike. */
#define KZ_ROW_COLS 5
struct kz_row {
	char id[KZ_ID_LEN + 1];
	char *title;   /* service title, partner name, contact name, case code */
	union {
		char *col[KZ_ROW_COLS];
		/* phone: only in a list of stale services (whom to call) */
		struct { char *provider, *category, *status, *verified_on, *phone; } service;
		struct { char *kind, *status, *declaration_date, *short_name; } partner;
		struct { char *partner, *phone, *position, *email; } contact;
		/* kz_case_list: no names, the manager's login */
		struct { char *status, *manager, *opened_on, *closed_on; } case_;
	};
	/* services and contacts: the partner's short name, NULL when it
	 * has none (narrow columns show it instead of the name) */
	char *partner_short;
	/* services: the network whose basket it is from, NULL for ours */
	char *network;
	bool stale;    /* services: not verified within the stale days */
	bool archived; /* services: archived; partners: left; cases: closed */
	/* Where a row of a search list stands, to read on after it
	 * (kz_service_list_more): its tier (0 when browsing), its document
	 * in the search index and that document's order key. */
	struct {
		int tier;
		long long docid;
		unsigned char *key;
		size_t keylen;
	} place;
};
_Static_assert(sizeof(((struct kz_row *)0)->service) == KZ_ROW_COLS * sizeof(char *),
	       "the named columns of a row are its col[]");

struct kz_rows {
	struct kz_row *v;
	size_t n;
	size_t total;  /* equals n; kept for callers that show "n of total" */
	bool more;     /* more rows matched than the limit let through */
};

void kz_rows_free(struct kz_rows *rows);
/* Free the texts of one row. */
void kz_row_clear(struct kz_row *r);

struct kz_service_filter {
	const char *sector;       /* codes; NULL or "" = any */
	const char *category;
	const char *target_group;
	const char *provider_id;
	const char *status;       /* NULL = active and suspended; "all" = any */
	bool stale_only;
	/* NULL = every basket; KZ_NETWORK_OWN ("") = our own only; a
	 * network's short name = that network's basket only */
	const char *network;
};

/* Services matching the query (instant search: words are folded
 * prefixes, all must match; entries whose title begins with the query
 * come first, then other title matches, then those matching elsewhere,
 * each group alphabetical) and the filter; NULL
 * or empty query lists all by title. At most limit rows (0 = no limit);
 * out->more tells whether there were more. The cost does not grow with
 * the number of matches beyond the limit. */
enum kz_status kz_service_list(struct kz_db *db, const char *query,
			       const struct kz_service_filter *filter,
			       size_t limit, struct kz_rows *out,
			       struct kz_error *err);
/* The next rows of the same list after out's last row, appended to out:
 * at most limit more (out->more as above). A list with an order of its
 * own (the stale services), or one whose rows were not all placed in
 * order yet (doc_order.c), is read again from its start instead, up to
 * out->n + limit rows. */
enum kz_status kz_service_list_more(struct kz_db *db, const char *query,
				    const struct kz_service_filter *filter,
				    size_t limit, struct kz_rows *out,
				    struct kz_error *err);
/* How many services pass the filter (no search query). */
enum kz_status kz_service_count(struct kz_db *db,
				const struct kz_service_filter *filter,
				size_t *out, struct kz_error *err);

struct kz_partner_filter {
	const char *status;  /* membership status; NULL or "" = any */
	const char *sector;  /* one of the partner's sectors; NULL or "" = any */
};

/* Partners matching the query (as services do) and the filter (NULL:
 * none). */
enum kz_status kz_partner_list(struct kz_db *db, const char *query,
			       const struct kz_partner_filter *filter,
			       size_t limit, struct kz_rows *out,
			       struct kz_error *err);
/* Contacts of one partner, or all when partner_id is NULL. */
enum kz_status kz_contact_list(struct kz_db *db, const char *partner_id,
			       const char *query, size_t limit,
			       struct kz_rows *out, struct kz_error *err);

/* Call fn for every record, in title/name order (exports). fn returns
 * KZ_OK to go on. */
typedef enum kz_status (*kz_service_fn)(const struct kz_service *s,
					 void *ctx);
typedef enum kz_status (*kz_partner_fn)(const struct kz_partner *p,
					 void *ctx);
typedef enum kz_status (*kz_contact_fn)(const struct kz_contact *c,
					 void *ctx);
/* include_archived: also archived services. */
enum kz_status kz_service_each(struct kz_db *db, bool include_archived,
			       kz_service_fn fn, void *ctx,
			       struct kz_error *err);
enum kz_status kz_partner_each(struct kz_db *db, kz_partner_fn fn, void *ctx,
			       struct kz_error *err);
/* Contacts of one partner, or all when partner_id is NULL. */
enum kz_status kz_contact_each(struct kz_db *db, const char *partner_id,
			       kz_contact_fn fn, void *ctx,
			       struct kz_error *err);

/* Is a service with this verified_on date stale today? */
bool kz_service_is_stale(const struct kz_db *db, const char *verified_on,
			 const char *status);

#endif
