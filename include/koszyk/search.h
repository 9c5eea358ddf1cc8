/* Global lookup over every kind of record: services, partners, contact
 * persons, meetings and case codes (never anything else of a case). */
#ifndef KOSZYK_SEARCH_H
#define KOSZYK_SEARCH_H

#include <stddef.h>

#include "koszyk/db.h"
#include "koszyk/util.h"

enum kz_kind {
	KZ_KIND_SERVICE,
	KZ_KIND_PARTNER,
	KZ_KIND_CONTACT,
	KZ_KIND_MEETING,
	KZ_KIND_CASE,       /* the code only; detail is the status code */
	KZ_KIND_COUNT
};

const char *kz_kind_name(enum kz_kind kind);  /* "service", "partner", ... */

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
void kz_hits_free(struct kz_hits *hits);

#endif
