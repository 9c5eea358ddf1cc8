/* The iCalendar writer (src/io/minutes.c): content lines folded at 75
 * octets and never inside a UTF-8 character, CRLF line ends, TEXT escaped;
 * a meeting written as a VCALENDAR is read back by libical (the library
 * calendars use) with the same summary, place, description, time zone and
 * times, and the same UID each time. Every expectation is written out by
 * hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <libical/ical.h>

#include "koszyk/basket.h"
#include "koszyk/meetings.h"
#include "koszyk/minutes.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

static void test_escape(void **state)
{
	struct kz_buf b = KZ_BUF_INIT;

	(void)state;
	kz_ics_escape(&b, "a\\b;c,d\ne\r\nf\tg\x1b[31mh\xc2\x9b" "2J\xc2\xa0" "ż");
	assert_string_equal(kz_buf_str(&b), "a\\\\b\\;c\\,d\\ne\\nf g[31mh2J\xc2\xa0" "ż");
	kz_buf_free(&b);
}

/* Every line ends in CRLF and has at most 75 octets; a continuation
 * starts with one space; joined again, the lines give the value back. */
static void check_folded(const char *s, const char *want)
{
	struct kz_buf joined = KZ_BUF_INIT;
	const char *p = s;

	while (*p) {
		const char *crlf = strstr(p, "\r\n");
		assert_non_null(crlf);
		size_t len = (size_t)(crlf - p);
		assert_true(len <= 75);
		assert_null(memchr(p, '\n', len));
		if (p != s) {
			assert_int_equal(p[0], ' ');
			kz_buf_add(&joined, p + 1, len - 1);
		} else {
			kz_buf_add(&joined, p, len);
		}
		/* no line starts inside a UTF-8 character */
		if (p != s)
			assert_true(((unsigned char)p[1] & 0xc0) != 0x80);
		p = crlf + 2;
	}
	assert_string_equal(kz_buf_str(&joined), want);
	kz_buf_free(&joined);
}

static void test_fold(void **state)
{
	struct kz_buf b = KZ_BUF_INIT;
	char ascii[201];
	struct kz_buf pl = KZ_BUF_INIT, want = KZ_BUF_INIT;

	(void)state;
	kz_ics_line(&b, "SUMMARY", "short");
	assert_string_equal(kz_buf_str(&b), "SUMMARY:short\r\n");
	kz_buf_reset(&b);
	/* exactly 75 octets: one line; 76: two */
	memset(ascii, 'x', sizeof(ascii) - 1);
	ascii[sizeof(ascii) - 1] = '\0';
	ascii[75 - 8] = '\0';
	kz_ics_line(&b, "SUMMARY", ascii);
	assert_int_equal(b.len, 75 + 2);
	kz_buf_reset(&b);
	ascii[75 - 8] = 'x';
	ascii[76 - 8] = '\0';
	kz_ics_line(&b, "SUMMARY", ascii);
	assert_string_equal(kz_buf_str(&b) + 75, "\r\n x\r\n");
	kz_buf_reset(&b);
	/* Polish letters (two octets) and a dash (three) across folds */
	for (int i = 0; i < 40; i++)
		kz_buf_puts(&pl, "Żółć – ");
	kz_ics_line(&b, "DESCRIPTION", kz_buf_str(&pl));
	kz_buf_puts(&want, "DESCRIPTION:");
	kz_buf_puts(&want, kz_buf_str(&pl));
	check_folded(kz_buf_str(&b), kz_buf_str(&want));
	kz_buf_free(&b);
	kz_buf_free(&pl);
	kz_buf_free(&want);
}

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

static const char *TITLE = "Posiedzenie PZK; budżet, plan\\rok – długi tytuł, "
			   "który nie mieści się w jednej linii pliku iCalendar";
static const char *PLACE = "Świetlica, ul. Lipowa 3; sala 2";
static const char *AGENDA = "1. Otwarcie.\n2. Sprawy różne, wolne wnioski.";

static void add_meeting(struct kz_db *db, const char *time, char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };
	struct kz_contact c = { 0 };
	struct kz_meeting m = { 0 };
	struct kz_attendee a = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup("GOPS");
	p.status = xstrdup("informal");
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	c.partner_id = xstrdup(p.id);
	c.name = xstrdup("Anna \"Ania\" Kowalska");
	c.email = xstrdup("anna@gops.example");
	assert_int_equal(kz_contact_save(db, &c, &err), KZ_OK);
	m.title = xstrdup(TITLE);
	m.date = xstrdup("2026-10-25");   /* the day CEST ends */
	m.time = xstrdup_or_null(time);
	m.place = xstrdup(PLACE);
	m.agenda = xstrdup(AGENDA);
	m.host_id = xstrdup(p.id);
	m.chair_id = xstrdup(p.id);
	assert_int_equal(kz_meeting_save(db, &m, &err), KZ_OK);
	a.meeting_id = xstrdup(m.id);
	a.contact_id = xstrdup(c.id);
	assert_int_equal(kz_attendee_save(db, &a, &err), KZ_OK);
	memcpy(id, m.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
	kz_contact_clear(&c);
	kz_meeting_clear(&m);
	kz_attendee_clear(&a);
}

static void test_meeting_read_back(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_buf b = KZ_BUF_INIT, again = KZ_BUF_INIT;
	char id[KZ_ID_LEN + 1], uid[64];

	add_meeting(t->db, "18:30", id);
	assert_int_equal(kz_meeting_ics(t->db, id, &b, &err), KZ_OK);
	/* every line: CRLF, at most 75 octets */
	for (const char *p = kz_buf_str(&b); *p;) {
		const char *crlf = strstr(p, "\r\n");
		assert_non_null(crlf);
		assert_true(crlf - p <= 75);
		p = crlf + 2;
	}
	icalcomponent *cal = icalparser_parse_string(kz_buf_str(&b));
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(ev);
	assert_int_equal(icalcomponent_count_errors(ev), 0);
	snprintf(uid, sizeof(uid), "%s@koszyk", id);
	assert_string_equal(icalcomponent_get_uid(ev), uid);
	assert_string_equal(icalcomponent_get_summary(ev), TITLE);
	assert_string_equal(icalcomponent_get_location(ev), PLACE);
	const char *desc = icalcomponent_get_description(ev);
	assert_non_null(strstr(desc, AGENDA));
	assert_non_null(strstr(desc, "GOPS"));
	/* 18:30-20:30 in Warsaw; on 25 October CET (+01:00) again */
	icalproperty *ds = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	icalparameter *tz = icalproperty_get_first_parameter(ds, ICAL_TZID_PARAMETER);
	assert_string_equal(icalparameter_get_tzid(tz), "Europe/Warsaw");
	struct icaltimetype s = icalproperty_get_dtstart(ds);
	assert_int_equal(s.year, 2026);
	assert_int_equal(s.month, 10);
	assert_int_equal(s.day, 25);
	assert_int_equal(s.hour, 18);
	assert_int_equal(s.minute, 30);
	struct icaltimetype e = icalcomponent_get_dtend(ev);
	assert_int_equal(e.hour, 20);
	assert_int_equal(e.minute, 30);
	icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	assert_non_null(vtz);
	icaltimezone *zone = icaltimezone_new();
	assert_true(icaltimezone_set_component(zone, icalcomponent_new_clone(vtz)));
	int dst = 0;
	assert_int_equal(icaltimezone_get_utc_offset(zone, &s, &dst), 3600);
	struct icaltimetype july = s;
	july.month = 7;
	assert_int_equal(icaltimezone_get_utc_offset(zone, &july, &dst), 7200);
	icaltimezone_free(zone, 1);
	/* the attendee, the quotes of the name left out */
	icalproperty *at = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	assert_non_null(at);
	assert_string_equal(icalproperty_get_attendee(at), "mailto:anna@gops.example");
	icalparameter *cn = icalproperty_get_first_parameter(at, ICAL_CN_PARAMETER);
	assert_string_equal(icalparameter_get_cn(cn), "Anna Ania Kowalska");
	icalcomponent_free(cal);
	/* written again: the same bytes (UID and DTSTAMP from the record) */
	assert_int_equal(kz_meeting_ics(t->db, id, &again, &err), KZ_OK);
	assert_string_equal(kz_buf_str(&again), kz_buf_str(&b));
	kz_buf_free(&b);
	kz_buf_free(&again);
}

static void test_meeting_without_time(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_buf b = KZ_BUF_INIT;
	char id[KZ_ID_LEN + 1];

	add_meeting(t->db, NULL, id);
	assert_int_equal(kz_meeting_ics(t->db, id, &b, &err), KZ_OK);
	icalcomponent *cal = icalparser_parse_string(kz_buf_str(&b));
	assert_non_null(cal);
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	struct icaltimetype s = icalcomponent_get_dtstart(ev);
	struct icaltimetype e = icalcomponent_get_dtend(ev);
	assert_true(s.is_date);
	assert_int_equal(s.day, 25);
	assert_int_equal(e.day, 26);
	icalcomponent_free(cal);
	kz_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_fold),
		cmocka_unit_test_setup_teardown(test_meeting_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meeting_without_time, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
