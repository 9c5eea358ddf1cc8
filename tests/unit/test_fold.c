/* Folding and query parsing: the heart of "zlobek finds Żłobek". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "koszyk/fold.h"

static void assert_fold(const char *in, const char *want)
{
	char *got = kz_fold(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_polish_letters(void **state)
{
	(void)state;
	assert_fold("Żłobek", "zlobek");
	assert_fold("ŁÓDŹ", "lodz");
	assert_fold("Łódź", "lodz");
	assert_fold("zażółć gęślą jaźń", "zazolc gesla jazn");
	assert_fold("ĄĆĘŁŃÓŚŹŻ", "acelnoszz");
	assert_fold("Pomoc psychologiczna", "pomoc psychologiczna");
}

static void test_other_scripts_and_punctuation(void **state)
{
	(void)state;
	assert_fold("Café Müller", "cafe muller");
	assert_fold("Straße", "strasse");
	assert_fold("„Pod Brzozą” – zajęcia", " pod brzoza    zajecia");
	assert_fold("ДОПОМОГА", "допомога");
	assert_fold("Їжа", "їжа");
	assert_fold(NULL, "");
	/* invalid UTF-8 bytes are dropped, not crashed on */
	assert_fold("a\xff" "b\xc3", "ab");
}

static void test_query_words(void **state)
{
	char **w;
	(void)state;

	assert_int_equal(kz_query_words("  Pomoc   psych ", &w), 2);
	assert_string_equal(w[0], "pomoc");
	assert_string_equal(w[1], "psych");
	assert_null(w[2]);
	kz_words_free(w);

	assert_int_equal(kz_query_words("\"; DROP TABLE services; --", &w), 3);
	assert_string_equal(w[0], "drop");
	assert_string_equal(w[2], "services");
	kz_words_free(w);

	assert_int_equal(kz_query_words("* \" - NEAR(", &w), 1);
	assert_string_equal(w[0], "near");
	kz_words_free(w);

	assert_int_equal(kz_query_words("*\"-()", &w), 0);
	kz_words_free(w);
}

static void test_fts_query(void **state)
{
	char *q;
	(void)state;

	q = kz_fts_query("Żłobek miej");
	assert_string_equal(q, "\"zlobek\"* \"miej\"*");
	free(q);
	q = kz_fts_query("a\"b");
	assert_string_equal(q, "\"a\"* \"b\"*");
	free(q);
	assert_null(kz_fts_query(" -*\"' "));
}

static void test_prefix_all(void **state)
{
	char **w;
	(void)state;

	kz_query_words("pomoc psych", &w);
	assert_true(kz_words_prefix_all("pomoc psychologiczna dla dzieci", w));
	assert_false(kz_words_prefix_all("pomoc prawna", w));
	assert_true(kz_words_prefix_all("wsparcie psychologa pomocnego", w));
	kz_words_free(w);
	kz_query_words("olog", &w);
	assert_false(kz_words_prefix_all("psycholog", w));
	kz_words_free(w);
}

static void test_utf8_valid(void **state)
{
	size_t bad = 0;
	(void)state;

	assert_true(kz_utf8_valid("Żłobek", strlen("Żłobek"), NULL));
	assert_false(kz_utf8_valid("ab\xc5", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(kz_utf8_valid("\xc0\xaf", 2, &bad)); /* overlong '/' */
	assert_false(kz_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
	assert_int_equal(kz_utf8_len("Łódź"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_polish_letters),
		cmocka_unit_test(test_other_scripts_and_punctuation),
		cmocka_unit_test(test_query_words),
		cmocka_unit_test(test_fts_query),
		cmocka_unit_test(test_prefix_all),
		cmocka_unit_test(test_utf8_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
