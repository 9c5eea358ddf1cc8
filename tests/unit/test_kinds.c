/* The kind table: every kind described and whole; records of any kind
 * made, saved, loaded, copied, named and freed through it alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/kinds.h"
#include "koszyk/meetings.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

static void test_every_kind_described(void **state)
{
	char why[256] = "";

	(void)state;
	assert_true(kz_kinds_check(why, sizeof(why)));
	for (int i = 0; i < KZ_KIND_COUNT; i++) {
		const struct kz_kind_info *k = kz_kind_of((enum kz_kind)i);
		assert_int_equal(k->kind, i);
		assert_ptr_equal(kz_kind_find(k->name), k);
		assert_string_equal(kz_kind_name((enum kz_kind)i), k->name);
		/* Every field of the field table lies inside the record. */
		for (size_t j = 0; j < *k->nfields; j++)
			assert_true(k->fields[j].offset + sizeof(char *) <= k->size);
		/* A parent's kind has its own description. */
		if (k->parent_field)
			assert_non_null(kz_kind_of(k->parent)->name);
	}
	assert_null(kz_kind_find("nothing"));
	assert_null(kz_kind_find(NULL));
	assert_string_equal(kz_kind_name(KZ_KIND_COUNT), "?");
}

/* Names, references and logins come from the table, not from the kind. */
static void test_titles_refs_logins(void **state)
{
	struct kz_action *a = kz_record_new(KZ_KIND_ACTION);
	struct kz_plan *p = kz_record_new(KZ_KIND_PLAN);
	const struct kz_kind_info *ak = kz_kind_of(KZ_KIND_ACTION);
	const struct kz_field *service =
		kz_field_find(ak->fields, *ak->nfields, "service_id");
	const struct kz_field *referred =
		kz_field_find(ak->fields, *ak->nfields, "referred_by");

	(void)state;
	kz_str_set(&a->free_text, "Rozmowa z pedagogiem");
	assert_string_equal(kz_record_title(KZ_KIND_ACTION, a), "Rozmowa z pedagogiem");
	kz_str_set(&a->service_id, "0f8fad5b-d9cb-469f-a165-70867728950e");
	kz_str_set(&a->service_title, "Asystent rodziny");
	assert_string_equal(kz_record_title(KZ_KIND_ACTION, a), "Asystent rodziny");
	assert_string_equal(kz_record_ref_name(KZ_KIND_ACTION, a, service), "Asystent rodziny");
	assert_null(kz_record_ref_name(KZ_KIND_ACTION, a, referred));
	assert_true(kz_kind_field_is_login(KZ_KIND_ACTION, referred));
	assert_false(kz_kind_field_is_login(KZ_KIND_ACTION, service));
	assert_string_equal(kz_record_title(KZ_KIND_PLAN, p), "the plan");
	kz_record_free(KZ_KIND_ACTION, a);
	kz_record_free(KZ_KIND_PLAN, p);
	kz_record_free(KZ_KIND_TASK, NULL);
}

/* A partner and a service saved, loaded and copied through the table. */
static void test_save_get_dup(void **state)
{
	struct test_db t;
	struct kz_error err = { 0 };
	struct kz_partner *p = kz_record_new(KZ_KIND_PARTNER);
	struct kz_service *s = kz_record_new(KZ_KIND_SERVICE), *got, *copy;

	(void)state;
	test_db_open(&t);
	kz_str_set(&p->name, "Gminny Ośrodek Pomocy Społecznej");
	kz_str_set(&p->status, "informal");
	assert_int_equal(kz_record_save(t.db, NULL, KZ_KIND_PARTNER, p, &err), KZ_OK);
	kz_str_set(&s->title, "Asystent rodziny");
	kz_str_set(&s->kind, "service");
	kz_str_set(&s->status, "active");
	kz_str_set(&s->provider_id, kz_record_id(KZ_KIND_PARTNER, p));
	assert_int_equal(kz_record_save(t.db, NULL, KZ_KIND_SERVICE, s, &err), KZ_OK);

	got = kz_record_new(KZ_KIND_SERVICE);
	assert_int_equal(kz_kind_of(KZ_KIND_SERVICE)->get(t.db, kz_record_id(KZ_KIND_SERVICE, s),
							   got, &err), KZ_OK);
	assert_string_equal(got->provider_name, "Gminny Ośrodek Pomocy Społecznej");
	copy = kz_record_dup(KZ_KIND_SERVICE, got);
	assert_string_equal(copy->id, got->id);
	assert_string_equal(copy->title, "Asystent rodziny");
	assert_string_equal(copy->provider_name, got->provider_name);
	assert_ptr_not_equal(copy->title, got->title);
	assert_int_equal(kz_record_stamp(KZ_KIND_SERVICE, copy)->rev, got->stamp.rev);
	assert_string_equal(kz_record_stamp(KZ_KIND_SERVICE, copy)->created_by, "tester");
	/* The copy saves as the original would (the revision check). */
	kz_str_set(&copy->cost, "bezpłatnie");
	assert_int_equal(kz_record_save(t.db, NULL, KZ_KIND_SERVICE, copy, &err), KZ_OK);
	kz_str_set(&got->cost, "20 zł");
	assert_int_equal(kz_record_save(t.db, NULL, KZ_KIND_SERVICE, got, &err), KZ_CONFLICT);

	kz_record_free(KZ_KIND_SERVICE, copy);
	kz_record_free(KZ_KIND_SERVICE, got);
	kz_record_free(KZ_KIND_SERVICE, s);
	kz_record_free(KZ_KIND_PARTNER, p);
	test_db_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_described),
		cmocka_unit_test(test_titles_refs_logins),
		cmocka_unit_test(test_save_get_dup),
	};
	setenv("KOSZYK_LANG", "en", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
