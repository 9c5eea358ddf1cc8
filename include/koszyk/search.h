/* Global lookup over every kind of record: services, partners, contact
 * persons, meetings and case codes (never anything else of a case). */
#ifndef KOSZYK_SEARCH_H
#define KOSZYK_SEARCH_H

#include <stddef.h>

#include "koszyk/db.h"
#include "koszyk/kinds.h"
#include "koszyk/util.h"

/* A lookup finds services, partners, contacts, meetings and cases (the
 * code only; a case hit's detail is its status code). */

struct kz_hit {
	enum kz_kind kind;
	char id[KZ_ID_LEN + 1];
	char *title;
	char *detail;  /* a short second line: provider, partner and phone, ... */
};

struct kz_hits {
	struct kz_hit *v;
	size_t n;
};

/* Hits grouped by kind (services, partners, contacts), best first within
 * each kind, at most limit_per_kind of each. Any text is a valid query. */
enum kz_status kz_search(struct kz_db *db, const char *query,
			 size_t limit_per_kind, struct kz_hits *out,
			 struct kz_error *err);
/* The same within some baskets: network NULL every basket, and
 * meetings and cases; KZ_NETWORK_OWN (koszyk/network.h) our own basket,
 * and meetings and cases; a network's short name only the services,
 * partners and contact persons of that network's basket. */
enum kz_status kz_search_in(struct kz_db *db, const char *query,
			    const char *network, size_t limit_per_kind,
			    struct kz_hits *out, struct kz_error *err);
void kz_hits_free(struct kz_hits *hits);

#endif
