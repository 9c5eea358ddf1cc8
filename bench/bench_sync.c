/* Sync cost against database size: a sync of 100 changes must cost the
 * same on a basket of 100,000 services as on a small one, because changes
 * are found through the change log's keys, never by scanning the data.
 * Builds a small and a big database, clones each, makes 100 edits on the
 * original and times one edit, the export of the 100 changes and their
 * import into the clone. Prints a table; the last column compares with
 * the small database (the goal: at most 2x). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define EDITS 100

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die_if(enum kz_status st, const struct kz_error *err)
{
	if (st != KZ_OK)
		kz_die("%s", err->msg);
}

/* n services of one partner, in one transaction; returns their ids. */
static char (*fill(struct kz_db *db, long n))[KZ_ID_LEN + 1]
{
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };
	char (*ids)[KZ_ID_LEN + 1] = xcalloc((size_t)n, sizeof(*ids));

	die_if(kz_db_begin(db, &err), &err);
	p.name = xstrdup("Centrum Usług Społecznych");
	die_if(kz_partner_save(db, &p, &err), &err);
	for (long i = 0; i < n; i++) {
		struct kz_service s = { 0 };
		s.title = xasprintf("Usługa %ld: pomoc i wsparcie rodziny", i);
		s.provider_id = xstrdup(p.id);
		s.description = xstrdup("Porady, zajęcia, opieka; bez opłat dla mieszkańców gminy.");
		die_if(kz_service_save(db, &s, &err), &err);
		memcpy(ids[i], s.id, sizeof(ids[i]));
		kz_service_clear(&s);
	}
	kz_partner_clear(&p);
	die_if(kz_db_commit(db, &err), &err);
	return ids;
}

struct result {
	double edit_ms, export_ms, import_ms;
};

static struct result measure(const char *dir, long n)
{
	struct kz_error err = { 0 };
	struct kz_db *db, *replica;
	struct kz_sync_info info;
	struct kz_sync_stats stats;
	struct result r = { 0 };
	char *orig = xasprintf("%s/orig-%ld.db", dir, n);
	char *copy = xasprintf("%s/copy-%ld.db", dir, n);
	char *file = xasprintf("%s/changes-%ld.sync", dir, n);
	char (*ids)[KZ_ID_LEN + 1];
	double t0;

	die_if(kz_db_open(orig, KZ_OPEN_CREATE, &db, &err), &err);
	kz_db_set_principal(db, "bench", KZ_ROLE_COORDINATOR);
	ids = fill(db, n);
	kz_db_close(db);
	die_if(kz_sync_clone(orig, copy, NULL, NULL, &err), &err);
	die_if(kz_db_open(orig, KZ_OPEN_EXISTING, &db, &err), &err);
	kz_db_set_principal(db, "bench", KZ_ROLE_COORDINATOR);
	die_if(kz_db_open(copy, KZ_OPEN_EXISTING, &replica, &err), &err);
	kz_db_set_principal(replica, "bench", KZ_ROLE_COORDINATOR);

	t0 = now_ms();
	for (int i = 0; i < EDITS; i++) {
		struct kz_service s = { 0 };
		die_if(kz_service_get(db, ids[(long)i * (n / EDITS)], &s, &err), &err);
		free(s.cost);
		s.cost = xasprintf("%d zł", i);
		die_if(kz_service_save(db, &s, &err), &err);
		kz_service_clear(&s);
	}
	r.edit_ms = (now_ms() - t0) / EDITS;

	die_if(kz_sync_info(replica, &info, &err), &err);
	t0 = now_ms();
	die_if(kz_sync_export_since(db, file, info.clock, &stats, NULL, NULL, &err), &err);
	r.export_ms = now_ms() - t0;
	kz_sync_info_clear(&info);
	if (stats.tx_sent != EDITS)
		kz_die("expected %d changes in the file, got %ld", EDITS, stats.tx_sent);
	t0 = now_ms();
	die_if(kz_sync_import(replica, file, &stats, NULL, NULL, &err), &err);
	r.import_ms = now_ms() - t0;
	if (stats.tx_applied != EDITS)
		kz_die("expected %d changes applied, got %ld", EDITS, stats.tx_applied);

	kz_db_close(db);
	kz_db_close(replica);
	unlink(file);
	free(ids);
	free(orig);
	free(copy);
	free(file);
	return r;
}

int main(int argc, char **argv)
{
	long big = argc > 1 ? atol(argv[1]) : 100000, small = 100;
	char dir[] = "/tmp/koszyk-bench-sync-XXXXXX";
	struct result s, b;
	char cmd[64];

	if (!mkdtemp(dir))
		kz_die("mkdtemp failed");
	s = measure(dir, small);
	b = measure(dir, big);
	printf("sync of %d changes (ms)      %10s %10s %8s\n", EDITS, "small", "big", "big/small");
	printf("  database (services)        %10ld %10ld\n", small, big);
	printf("  one edit (with its log)    %10.2f %10.2f %8.2f\n", s.edit_ms, b.edit_ms, b.edit_ms / s.edit_ms);
	printf("  export %d changes          %10.1f %10.1f %8.2f\n", EDITS, s.export_ms, b.export_ms, b.export_ms / s.export_ms);
	printf("  import %d changes          %10.1f %10.1f %8.2f\n", EDITS, s.import_ms, b.import_ms, b.import_ms / s.import_ms);
	printf("goal: big/small at most 2 for export and import\n");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return 0;
}
