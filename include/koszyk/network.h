/* A network of partnerships: the baskets of other partnerships, imported
 * from their published HSDS feeds, read-only and marked with the short
 * name of the partnership they came from (the column network of
 * partners, contacts and services; NULL for our own basket). Nothing of
 * cases is in a feed, and a partnership publishes only its own basket. */
#ifndef KOSZYK_NETWORK_H
#define KOSZYK_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/db.h"
#include "koszyk/kinds.h"
#include "koszyk/status.h"

/* In a filter by network (kz_service_filter, kz_search_in): our own
 * basket only, the records without a network. No network's short name
 * is empty, so it cannot be taken for one. */
#define KZ_NETWORK_OWN ""

/* A short name of a network: 1 to 32 letters, digits, '-' or '_'. */
bool kz_network_name_valid(const char *name);

/* While name is set (not NULL), saving records of that network is the
 * import of its feed and passes the read-only check. */
void kz_db_set_network(struct kz_db *db, const char *name);
const char *kz_db_network(const struct kz_db *db);

/* KZ_OK when the record may be changed here: it is ours, or the import
 * of its own network is running; else KZ_INVALID naming the network. */
enum kz_status kz_network_guard(struct kz_db *db, enum kz_kind kind,
				const char *id, struct kz_error *err);

/* The network of a record (a heap string), NULL for our own. */
char *kz_network_of(struct kz_db *db, enum kz_kind kind, const char *id);

/* Whether the record came from another partnership's basket. */
bool kz_network_foreign(struct kz_db *db, enum kz_kind kind, const char *id);

/* Mark a record as coming from network name. */
enum kz_status kz_network_stamp(struct kz_db *db, enum kz_kind kind,
				const char *id, const char *name,
				struct kz_error *err);

/* Register (or re-register with a new source) a network, imported now. */
enum kz_status kz_network_register(struct kz_db *db, const char *name,
				   const char *source, struct kz_error *err);
/* The source of a registered network (heap), NULL when there is none. */
char *kz_network_source(struct kz_db *db, const char *name);

/* The services of network name that are not archived, ids in *ids. */
enum kz_status kz_network_services(struct kz_db *db, const char *name,
				   char ***ids, size_t *n, struct kz_error *err);

/* The partners of network name that have not left, ids in *ids. */
enum kz_status kz_network_partners(struct kz_db *db, const char *name,
				   char ***ids, size_t *n, struct kz_error *err);

/* services and partners: those not withdrawn; withdrawn: the services
 * archived, partners_left: the partners marked as left, when gone from
 * the feed. */
struct kz_network_info {
	char *name, *source, *imported_at;
	long services, withdrawn, partners, partners_left;
};
enum kz_status kz_network_list(struct kz_db *db, struct kz_network_info **out,
			       size_t *n, struct kz_error *err);
void kz_network_list_free(struct kz_network_info *v, size_t n);

#endif
