/* The partners list filter (membership status, sector) and the field a
 * refusal is about (struct kz_error's field), which forms go to. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "koszyk/basket.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

static int setup(void **state)
{
	struct test_db *t = calloc(1, sizeof(*t));

	test_db_open(t);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	test_db_close(*state);
	free(*state);
	return 0;
}

static void add_partner(struct kz_db *db, const char *name, const char *status,
			const char *sectors)
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup(name);
	p.status = xstrdup(status);
	p.sectors = xstrdup_or_null(sectors);
	if (strcmp(status, "declared") == 0)
		p.declaration_date = xstrdup("2026-01-15");
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	kz_partner_clear(&p);
}

/* The names listed, in order, joined by "|". */
static void listed(struct kz_db *db, const char *query, const char *status,
		   const char *sector, const char *want)
{
	struct kz_partner_filter f = { .status = status, .sector = sector };
	struct kz_rows rows;
	struct kz_error err = { 0 };
	char got[512] = "";

	assert_int_equal(kz_partner_list(db, query, &f, 0, &rows, &err), KZ_OK);
	for (size_t i = 0; i < rows.n; i++) {
		if (i)
			strcat(got, "|");
		strcat(got, rows.v[i].title);
	}
	assert_string_equal(got, want);
	kz_rows_free(&rows);
}

static void test_partner_filter(void **state)
{
	struct kz_db *db = ((struct test_db *)*state)->db;

	add_partner(db, "Biblioteka", "declared", "edukacja;kultura");
	add_partner(db, "Szkoła", "informal", "edukacja");
	add_partner(db, "Klub", "declared", "sport");
	add_partner(db, "Parafia", "left", "kosciol");
	add_partner(db, "Edukacja Plus", "invited", NULL);

	listed(db, NULL, NULL, NULL, "Biblioteka|Edukacja Plus|Klub|Parafia|Szkoła");
	listed(db, NULL, "declared", NULL, "Biblioteka|Klub");
	listed(db, NULL, "", "", "Biblioteka|Edukacja Plus|Klub|Parafia|Szkoła");
	/* A sector is one of the codes, never a part of one or the name. */
	listed(db, NULL, NULL, "edukacja", "Biblioteka|Szkoła");
	listed(db, NULL, NULL, "kultur", "");
	listed(db, NULL, "declared", "edukacja", "Biblioteka");
	listed(db, NULL, "left", "edukacja", "");
	/* With a search, both apply. */
	listed(db, "szk", NULL, "edukacja", "Szkoła");
	listed(db, "szk", "declared", NULL, "");
}

static void test_refusal_names_the_field(void **state)
{
	struct kz_db *db = ((struct test_db *)*state)->db;
	struct kz_service s = { 0 };
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	s.title = xstrdup("Bez dostawcy");
	assert_int_equal(kz_service_save(db, &s, &err), KZ_INVALID);
	assert_string_equal(err.field, "provider_id");
	/* The message itself still begins with the label. */
	assert_true(strncmp(err.msg, "Provider", 8) == 0);
	kz_service_clear(&s);

	p.name = xstrdup("Fundacja");
	p.status = xstrdup("declared");
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_INVALID);
	assert_string_equal(err.field, "declaration_date");
	kz_str_set(&p.declaration_date, "2026-02-30");
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_INVALID);
	assert_string_equal(err.field, "declaration_date");
	kz_str_set(&p.declaration_date, "2026-02-28");
	kz_str_set(&p.name, "x\xff");
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_INVALID);
	assert_string_equal(err.field, "name");
	kz_partner_clear(&p);

	/* A failure about no field leaves none from before. */
	kz_fail(&err, KZ_ENV, "%s", "disk");
	assert_string_equal(err.field, "");
	kz_fail_field(&err, KZ_INVALID, "title", "%s", "Title: required");
	kz_error_clear(&err);
	assert_string_equal(err.field, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_partner_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusal_names_the_field, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
