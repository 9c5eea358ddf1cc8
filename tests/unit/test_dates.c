/* Dates as people write them (issue 12, item 3): YYYY-MM-DD, DD.MM.YYYY
 * and D.M.YYYY are read as one calendar day and given as YYYY-MM-DD;
 * anything else is no date, and a date field says so before it would
 * say that the text is too long. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "koszyk/model.h"
#include "koszyk/util.h"

static void assert_date(const char *in, const char *want)
{
	char out[11] = "unchanged";

	assert_true(kz_date_parse(in, out));
	assert_string_equal(out, want);
}

static void assert_no_date(const char *in)
{
	char out[11];

	assert_false(kz_date_parse(in, out));
}

static void test_forms_of_a_date(void **state)
{
	(void)state;
	assert_date("2026-12-15", "2026-12-15");
	assert_date("15.12.2026", "2026-12-15");
	assert_date("5.3.2027", "2027-03-05");
	assert_date("05.3.2027", "2027-03-05");
	assert_date("5.03.2027", "2027-03-05");
	assert_date(" 15.12.2026 ", "2026-12-15");
	assert_date("29.02.2028", "2028-02-29");
	assert_date("31.12.1999", "1999-12-31");
}

static void test_not_a_date(void **state)
{
	(void)state;
	assert_no_date(NULL);
	assert_no_date("");
	assert_no_date("2027-02-012026-12-15");
	assert_no_date("29.02.2027");
	assert_no_date("31.04.2026");
	assert_no_date("32.1.2026");
	assert_no_date("0.1.2026");
	assert_no_date("1.13.2026");
	assert_no_date("15.12.26");
	assert_no_date("15.12.02026");
	assert_no_date("015.12.2026");
	assert_no_date("15.12.2026 r");
	assert_no_date("15.12.2026.");
	assert_no_date("15-12-2026");
	assert_no_date("15..2026");
	assert_no_date("+1.+1.2026");
	assert_no_date("2026-1-5");
	assert_no_date("15.12.2026\n");
	assert_no_date("15. 12. 2026");
}

static const struct kz_field due = {
	"due_date", "Due", KZ_FT_DATE, 10, false, 0, NULL, KZ_VOCAB_NONE
};

static void assert_check_says(const char *value, const char *want)
{
	struct kz_error err = { 0 };

	assert_int_equal(kz_field_check(&due, value, &err), KZ_INVALID);
	if (!strstr(err.msg, want))
		fail_msg("\"%s\": \"%s\" lacks \"%s\"", value, err.msg, want);
	if (strstr(err.msg, "too long"))
		fail_msg("\"%s\": \"%s\" says too long", value, err.msg);
}

static void test_field_says_not_a_date(void **state)
{
	struct kz_error err = { 0 };

	(void)state;
	assert_int_equal(kz_field_check(&due, "2026-12-15", &err), KZ_OK);
	assert_check_says("2027-02-012026-12-15", "not a date");
	assert_check_says("2027-02-012026-12-15", "DD.MM.YYYY");
	assert_check_says("31.02.2027", "not a date");
	assert_check_says("a very long text that is certainly no date at all", "not a date");
}

static void test_field_normalized(void **state)
{
	char *v = strdup("15.12.2026");
	char *text = strdup("15.12.2026");
	struct kz_field title = due;

	(void)state;
	kz_field_normalize(&due, &v);
	assert_string_equal(v, "2026-12-15");
	/* what is no date is left as typed, for the check to name it */
	free(v);
	v = strdup("31.02.2027");
	kz_field_normalize(&due, &v);
	assert_string_equal(v, "31.02.2027");
	/* other fields keep their text */
	title.type = KZ_FT_TEXT;
	kz_field_normalize(&title, &text);
	assert_string_equal(text, "15.12.2026");
	free(v);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms_of_a_date),
		cmocka_unit_test(test_not_a_date),
		cmocka_unit_test(test_field_says_not_a_date),
		cmocka_unit_test(test_field_normalized),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
