/* HSDS: opening hours written the Polish way as schedule rows
 * (kz_hsds_parse_hours), and the address and KRS rules of the one
 * mapping (src/io/hsds_map.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "koszyk/hsds.h"
#include "../../src/io/hsds_map.h"

#define MAX 8

/* text gives the rows "BYDAY OPENS CLOSES" of want (NULL-terminated). */
static void assert_hours(const char *text, const char *const *want)
{
	struct kz_hsds_hours rows[MAX];
	size_t n = kz_hsds_parse_hours(text, rows, MAX), nwant = 0;

	while (want[nwant])
		nwant++;
	if (n != nwant)
		fail_msg("\"%s\": %zu rows, want %zu", text, n, nwant);
	for (size_t i = 0; i < n; i++) {
		char got[96];

		snprintf(got, sizeof(got), "%.31s %.8s %.8s", rows[i].byday,
			 rows[i].opens_at, rows[i].closes_at);
		assert_string_equal(got, want[i]);
	}
}

#define HOURS(text, ...) assert_hours(text, (const char *const[]){ __VA_ARGS__, NULL })

static void test_polish_forms(void **state)
{
	(void)state;
	HOURS("pn–pt 8:00–16:00", "MO,TU,WE,TH,FR 08:00:00 16:00:00");
	HOURS("pon.–pt. 8:00–16:00", "MO,TU,WE,TH,FR 08:00:00 16:00:00");
	HOURS("pn-pt 8-16", "MO,TU,WE,TH,FR 08:00:00 16:00:00");
	HOURS("pn.-pt. 7.30-15.30", "MO,TU,WE,TH,FR 07:30:00 15:30:00");
	HOURS("wt., czw. 10:00-14:00", "TU,TH 10:00:00 14:00:00");
	HOURS("pn, śr, pt 9:00–13:00", "MO,WE,FR 09:00:00 13:00:00");
	HOURS("sob. 9–13", "SA 09:00:00 13:00:00");
	HOURS("wtorki 14:00–18:00", "TU 14:00:00 18:00:00");
	HOURS("pn i śr 8:00-10:00", "MO,WE 08:00:00 10:00:00");
	HOURS("codziennie 7:00–22:00",
	      "MO,TU,WE,TH,FR,SA,SU 07:00:00 22:00:00");
	HOURS("pt–pn 10–12", "MO,FR,SA,SU 10:00:00 12:00:00");
}

static void test_several_ranges(void **state)
{
	(void)state;
	HOURS("pn 8:00–17:00, wt–pt 7:30–15:30",
	      "MO 08:00:00 17:00:00", "TU,WE,TH,FR 07:30:00 15:30:00");
	HOURS("pn-pt 8-12, 13-16; sob. 9–13",
	      "MO,TU,WE,TH,FR 08:00:00 12:00:00",
	      "MO,TU,WE,TH,FR 13:00:00 16:00:00", "SA 09:00:00 13:00:00");
}

/* Not understood as a whole: no rows (the export keeps the text as the
 * schedule's description). */
static void test_unparseable(void **state)
{
	struct kz_hsds_hours rows[MAX];
	static const char *const texts[] = {
		"", "po umówieniu telefonicznym", "pn–pt 8:00–16:00 oprócz świąt",
		"pn–pt", "8:00–16:00", "pn 25:00–26:00", "pn 8:60–9:00",
		"pn 8:00 16:00", "pn–xx 8–16", "pn 123–16", "pn 8:000–9:00",
		"pn 8–16, wt", "The service is available from 10 am to 6pm weekdays.",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (kz_hsds_parse_hours(texts[i], rows, MAX) != 0)
			fail_msg("\"%s\" gave rows", texts[i]);
	assert_int_equal(kz_hsds_parse_hours(NULL, rows, MAX), 0);
}

/* More rows than room: none (never a part of the hours). */
static void test_bounds(void **state)
{
	struct kz_hsds_hours rows[3];
	const char *three = "pn 8–9, wt 8–9, śr 8–9";

	(void)state;
	memset(rows, 0x55, sizeof(rows));
	assert_int_equal(kz_hsds_parse_hours(three, rows, 3), 3);
	assert_string_equal(rows[2].byday, "WE");
	assert_int_equal(kz_hsds_parse_hours(three, rows, 2), 0);
	assert_int_equal(kz_hsds_parse_hours(three, rows, 0), 0);
	assert_int_equal(kz_hsds_parse_hours("pn 8–9, wt 8–9, śr 8–9, czw 8–9",
					     rows, 3), 0);
}

static void test_address(void **state)
{
	struct kz_hsds_address a;
	char *text;

	(void)state;
	assert_true(kz_hsds_address_parse("ul. Główna 12, 97-410 Brzozowa Wola", &a));
	assert_string_equal(a.street, "ul. Główna 12");
	assert_string_equal(a.postal_code, "97-410");
	assert_string_equal(a.city, "Brzozowa Wola");
	kz_hsds_address_free(&a);
	/* the last postal code after a comma counts */
	assert_true(kz_hsds_address_parse("GOPS, ul. Główna 12, 97-410 Brzozowa Wola (pokój 7)", &a));
	assert_string_equal(a.street, "GOPS, ul. Główna 12");
	assert_string_equal(a.city, "Brzozowa Wola (pokój 7)");
	kz_hsds_address_free(&a);
	assert_false(kz_hsds_address_parse("ul. Główna 12, Brzozowa Wola", &a));
	assert_false(kz_hsds_address_parse("97-410 Brzozowa Wola", &a));
	assert_false(kz_hsds_address_parse("ul. Główna 12, 97-410 ", &a));
	assert_false(kz_hsds_address_parse(NULL, &a));
	text = kz_hsds_address_text("1-30 Main Street", "MyVillage", "ABC 1234", "MyCity");
	assert_string_equal(text, "1-30 Main Street, MyVillage, ABC 1234 MyCity");
	free(text);
	text = kz_hsds_address_text("ul. Długa 5", "", "00-950", "Warszawa");
	assert_string_equal(text, "ul. Długa 5, 00-950 Warszawa");
	free(text);
}

static void test_krs(void **state)
{
	char *k;

	(void)state;
	assert_string_equal(k = kz_hsds_krs("0000123456"), "0000123456");
	free(k);
	assert_null(kz_hsds_krs("00001234567"));
	assert_null(kz_hsds_krs("12A"));
	assert_null(kz_hsds_krs(""));
	assert_null(kz_hsds_krs(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_polish_forms),
		cmocka_unit_test(test_several_ranges),
		cmocka_unit_test(test_unparseable),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_krs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
