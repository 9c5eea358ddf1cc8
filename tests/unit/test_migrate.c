/* Schema migrations: a database of an older schema version is brought up
 * to date when opened, keeping its data; a newer one is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "../../src/db/db_internal.h"
#include "koszyk/basket.h"
#include "koszyk/fold.h"
#include "testutil.h"

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_text(ctx, kz_fold((const char *)sqlite3_value_text(argv[0])), -1, free);
}

/* Write a database of schema version 1 by hand, with one partner. */
static void make_v1(const char *path)
{
	sqlite3 *h;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_create_function(h, "kz_fold", 1, SQLITE_UTF8, NULL, fold_fn, NULL, NULL);
	for (const char *const *p = kz_db_migration(1); *p; p++)
		assert_int_equal(sqlite3_exec(h, *p, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"PRAGMA user_version = 1;"
		"INSERT INTO meta VALUES('app', 'koszyk');"
		"INSERT INTO partners(id, name, status, created_at, created_by, updated_at, updated_by)"
		" VALUES('6f1c2a52-7a43-4d1e-9b1a-2f3c4d5e6f70', 'Stowarzyszenie „Stare Dane”', 'informal',"
		" '2026-01-01T00:00:00.000Z', 'anna', '2026-01-01T00:00:00.000Z', 'anna');"
		"INSERT INTO audit(at, user, action, kind, ref, summary) VALUES"
		" ('2026-01-01T00:00:00.000Z', 'anna', 'create', 'partner',"
		" '6f1c2a52-7a43-4d1e-9b1a-2f3c4d5e6f70', 'x');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void test_v1_is_migrated(void **state)
{
	struct test_db t;
	struct kz_db *db;
	struct kz_error err = { 0 };
	struct kz_rows rows;
	char *report = NULL;
	(void)state;

	test_db_open(&t);
	kz_db_close(t.db);
	t.db = NULL;
	unlink(t.path);
	make_v1(t.path);

	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &db, &err), KZ_OK);
	assert_int_equal(kz_partner_list(db, "stare", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	assert_string_equal(rows.v[0].title, "Stowarzyszenie „Stare Dane”");
	kz_rows_free(&rows);
	/* the tables of version 2 are there */
	assert_int_equal(sqlite3_exec(kz_db_handle(db), "SELECT count(*) FROM cases", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(kz_db_check(db, &report, &err), KZ_OK);
	free(report);
	kz_db_close(db);

	/* a database from a newer koszyk is refused, not damaged */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(t.path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &db, &err), KZ_CORRUPT);
	assert_non_null(strstr(err.msg, "newer version"));
	test_db_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v1_is_migrated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
