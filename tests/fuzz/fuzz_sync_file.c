/* libFuzzer target for the change-file reader: any bytes given as a
 * change file ("koszyk sync import FILE") must give a clear error or the
 * changes applied, never a crash, a leak, a transaction left open or a
 * message without words. The input is the file's content (an SQLite
 * database: header, tx, change and snapshot tables). It is locked with
 * the partnership's key, as every change file is, into a file in the
 * target's private temporary folder and imported twice: by the office (a
 * demo database) and by the replica of a worker (mnowak) cloned from it,
 * each inside a transaction that is rolled back. The same bytes, not
 * locked, are given to the office as they are too: the reader of the
 * locked container (magic, kind, key id, stream header, chunks).
 *
 * The fuzz build defines FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, so
 * the reader takes any checksum (src/db/sync_file.c) and what it does
 * after the checksums is fuzzed too. Seeds: tests/fuzz/corpus/
 * fuzz_sync_file (real change files, made by tests/fuzz/make_corpus.sh).
 * Built and run by "make fuzz" (FUZZ_SECONDS per target). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include <unistd.h>

#include "fuzz_common.h"
#include "koszyk/locked.h"
#include "koszyk/sync.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kz_config cfg;
static struct kz_db *office, *laptop;
static char *input, *raw;
static unsigned char key[KZ_KEY_BYTES];

static void done(void)
{
	kz_db_close(laptop);
	kz_db_close(office);
	kz_config_free(&cfg);
	unlink(input);
	unlink(raw);
	free(input);
	free(raw);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct kz_error err = { 0 };
	char *o, *l;

	(void)argc;
	(void)argv;
	office = fuzz_demo_db("office.db", &cfg);
	o = fuzz_path("office.db");
	l = fuzz_path("laptop.db");
	if (kz_sync_clone(o, l, &cfg, "mnowak", &err) != KZ_OK)
		fuzz_die("clone", &err);
	if (kz_db_open(l, KZ_OPEN_EXISTING, &laptop, &err) != KZ_OK)
		fuzz_die(l, &err);
	kz_db_set_login(laptop, &cfg, "mnowak");
	input = fuzz_path("changes.sync");
	raw = fuzz_path("raw.sync");
	if (!kz_key_load(office, key))
		fuzz_die("the demo holds no partnership key", NULL);
	free(o);
	free(l);
	atexit(done);
	return 0;
}

static void import_into(struct kz_db *db, const char *file)
{
	struct kz_error err = { 0 };
	struct kz_sync_stats stats;
	enum kz_status st;

	if (kz_db_begin(db, &err) != KZ_OK)
		fuzz_die("begin", &err);
	st = kz_sync_import(db, file, &stats, NULL, NULL, &err);
	kz_db_rollback(db);
	if (getenv("FUZZ_DEBUG"))
		fprintf(stderr, "import: %d %s (applied %ld, skipped %ld, waiting %ld, refused %ld, arrived %ld)\n",
			(int)st, st == KZ_OK ? "" : err.msg, stats.tx_applied, stats.tx_skipped,
			stats.tx_waiting, stats.tx_refused, stats.cases_arrived);
	if (!sqlite3_get_autocommit(kz_db_handle(db)))
		fuzz_die("a transaction was left open", &err);
	if (st != KZ_OK && (!err.msg[0] || err.status != st))
		fuzz_die("an error without a message", &err);
	if (st == KZ_OK && (stats.tx_applied < 0 || stats.tx_skipped < 0 ||
			    stats.tx_waiting < 0 || stats.tx_refused < 0))
		fuzz_die("negative counts", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_error err = { 0 };

	unlink(input);
	if (kz_locked_write(key, KZ_LOCKED_CHANGES, data, size, input, &err) != KZ_OK)
		fuzz_die("lock", &err);
	import_into(office, input);
	import_into(laptop, input);
	fuzz_write_file(raw, data, size);
	import_into(office, raw);
	return 0;
}
