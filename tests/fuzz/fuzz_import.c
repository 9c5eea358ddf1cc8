/* libFuzzer target for "koszyk import csv services|partners": any CSV
 * bytes must give an error naming the file (and row and column) or rows
 * taken into the database, never a crash or a leak; and what was taken
 * must be what the columns allow: every value passes the check of its
 * field (length, UTF-8, one line, a real date, an allowed value, an id),
 * every vocabulary value is a code of the configuration, every service
 * has a provider that exists. Each input is imported into a demo
 * database inside a transaction that is rolled back.
 *
 * Input: the first byte chooses the kind (even: services, odd:
 * partners), the rest is the CSV file. Seeds: tests/fuzz/corpus/
 * fuzz_import. Built and run by "make fuzz" (FUZZ_SECONDS per target). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fuzz_common.h"
#include "koszyk/exchange.h"
#include "koszyk/model.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kz_config cfg;
static struct kz_db *db;

static void done(void)
{
	kz_db_close(db);
	kz_config_free(&cfg);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	db = fuzz_demo_db("import.db", &cfg);
	atexit(done);
	return 0;
}

static void check_providers(void)
{
	sqlite3_stmt *q;

	if (sqlite3_prepare_v2(kz_db_handle(db),
			       "SELECT count(*) FROM services WHERE provider_id NOT IN"
			       " (SELECT id FROM partners)", -1, &q, NULL) != SQLITE_OK)
		abort();
	if (sqlite3_step(q) != SQLITE_ROW || sqlite3_column_int(q, 0) != 0)
		fuzz_die("a service without its provider", NULL);
	sqlite3_finalize(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_error err = { 0 };
	struct kz_import_result res;
	enum kz_kind kind;
	enum kz_status st;

	if (size < 1)
		return 0;
	kind = data[0] & 1 ? KZ_KIND_PARTNER : KZ_KIND_SERVICE;
	if (kz_db_begin(db, &err) != KZ_OK)
		fuzz_die("begin", &err);
	/* Bit 1: detect the encoding and separator as import csv does. */
	if (data[0] & 2)
		st = kz_import_csv_text(db, &cfg, kind, (const char *)data + 1,
					size - 1, "fuzz.csv", NULL, &res, &err);
	else
		st = kz_import_csv_data(db, &cfg, kind, (const char *)data + 1,
					size - 1, "fuzz.csv", &res, &err);
	if (st == KZ_OK) {
		fuzz_check_table(db, &cfg, "services", kz_service_fields, kz_service_nfields);
		fuzz_check_table(db, &cfg, "partners", kz_partner_fields, kz_partner_nfields);
		check_providers();
	} else if (st != KZ_INVALID || strncmp(err.msg, "fuzz.csv", 8) != 0) {
		fuzz_die("not an error that names the file", &err);
	}
	kz_db_rollback(db);
	if (!sqlite3_get_autocommit(kz_db_handle(db)))
		fuzz_die("a transaction was left open", NULL);
	return 0;
}
