/* libFuzzer target for search queries: any bytes typed into the search
 * line must give a list (maybe empty), never an error, a crash or a leak.
 * Built and run by "make fuzz" (FUZZ_SECONDS per target). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/fold.h"
#include "koszyk/search.h"
#include "koszyk/xalloc.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kz_db *db;

static void open_db(void)
{
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };
	struct kz_service s = { 0 };

	char *path = fuzz_path("f.db");
	if (kz_db_open(path, KZ_OPEN_CREATE, &db, &err) != KZ_OK)
		abort();
	kz_db_set_principal(db, "fuzz", KZ_ROLE_COORDINATOR);
	free(path);
	p.name = xstrdup("Gminny Ośrodek Pomocy Społecznej");
	if (kz_partner_save(db, &p, &err) != KZ_OK)
		abort();
	s.title = xstrdup("Żłobek „Pod Brzozą” w Łodzi");
	s.description = xstrdup("Pomoc psychologiczna NEAR \"cudzysłów\" * - OR AND");
	s.provider_id = xstrdup(p.id);
	if (kz_service_save(db, &s, &err) != KZ_OK)
		abort();
	kz_service_clear(&s);
	kz_partner_clear(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_error err = { 0 };
	struct kz_rows rows;
	struct kz_hits hits;
	char *q = xstrndup((const char *)data, size);

	if (!db)
		open_db();
	if (kz_service_list(db, q, NULL, 50, &rows, &err) != KZ_OK) {
		fprintf(stderr, "list failed: %s\n", err.msg);
		abort();
	}
	kz_rows_free(&rows);
	if (kz_search(db, q, 10, &hits, &err) != KZ_OK) {
		fprintf(stderr, "search failed: %s\n", err.msg);
		abort();
	}
	kz_hits_free(&hits);
	free(q);
	return 0;
}
