/* The plan printed for the family: goals and commitments before the
 * services, the service's place, hours and contact person, the next
 * review; never internal notes, never names of household members; HTML
 * escaped and self-contained, Markdown with headings, text wrapped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/config.h"
#include "koszyk/plan_print.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

#define TODAY "2026-05-15"

struct fixture {
	struct test_db t;
	struct kz_config cfg;
};

static void ok(enum kz_status st, const struct kz_error *err)
{
	if (st != KZ_OK)
		fail_msg("%s", err->msg);
}

/* A partner with a contact person and a service; a case with two
 * household members, an internal note; a plan with a goal, an action on
 * the service with a family commitment, and a review with notes. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };
	struct kz_contact c = { 0 };
	struct kz_service s = { 0 };
	struct kz_case k = { 0 };
	struct kz_member m = { 0 };
	struct kz_plan plan = { 0 };
	struct kz_goal g = { 0 };
	struct kz_action a = { 0 };
	struct kz_review r = { 0 };
	struct kz_diagnosis dg = { 0 };
	struct kz_action done = { 0 };

	setenv("KOSZYK_TODAY", TODAY, 1);
	setenv("KOSZYK_LANG", "en", 1);
	test_db_open(&f->t);
	ok(kz_config_load_builtin(&f->cfg, &err), &err);

	p.name = xstrdup("Poradnia Testowa w Brzozowej Woli");
	p.kind = xstrdup("ngo");
	p.status = xstrdup("informal");
	ok(kz_partner_save(f->t.db, &p, &err), &err);
	c.partner_id = xstrdup(p.id);
	c.name = xstrdup("Halina Testowa");
	c.phone = xstrdup("44 000 99 99");
	ok(kz_contact_save(f->t.db, &c, &err), &err);
	s.title = xstrdup("Warsztaty dla rodziców");
	s.kind = xstrdup("service");
	s.provider_id = xstrdup(p.id);
	s.place = xstrdup("ul. Próbna 1, Brzozowa Wola");
	s.hours = xstrdup("wt 16:00–18:00");
	s.contact_id = xstrdup(c.id);
	s.status = xstrdup("active");
	ok(kz_service_save(f->t.db, &s, &err), &err);

	k.code = xstrdup("R/2026/101");
	k.status = xstrdup("active");
	k.manager = xstrdup("mnowak");
	k.legal_basis = xstrdup("consent");
	k.consent_date = xstrdup("2026-04-01");
	k.consent_scope = xstrdup("plan");
	k.opened_on = xstrdup("2026-04-01");
	k.notes = xstrdup("NOTATKA WEWNĘTRZNA");
	ok(kz_case_save(f->t.db, &f->cfg, &k, &err), &err);
	m.case_id = xstrdup(k.id);
	m.role = xstrdup("matka");
	m.birth_year = xstrdup("1990");
	m.name = xstrdup("Zofia Zmyślona");
	ok(kz_member_save(f->t.db, &m, &err), &err);

	plan.case_id = xstrdup(k.id);
	plan.status = xstrdup("draft");
	plan.valid_from = xstrdup("2026-04-10");
	ok(kz_plan_save(f->t.db, &f->cfg, &plan, &err), &err);
	g.plan_id = xstrdup(plan.id);
	g.what = xstrdup("Mama <b>wraca</b> do pracy & uczy się");
	g.indicator = xstrdup("umowa o pracę");
	g.target_date = xstrdup("2026-09-30");
	g.priority = xstrdup("high");
	g.status = xstrdup("open");
	ok(kz_goal_save(f->t.db, NULL, &g, &err), &err);
	dg.plan_id = xstrdup(plan.id);
	dg.need_area = xstrdup("praca");
	dg.situation = xstrdup("OCENA PRACOWNIKA");
	dg.needs = xstrdup("POTRZEBY WEDŁUG PRACOWNIKA");
	dg.strengths = xstrdup("prawo jazdy");
	dg.family_view = xstrdup("„Chcę pracować do 15:00.”");
	ok(kz_diagnosis_save(f->t.db, &f->cfg, &dg, &err), &err);
	done.plan_id = xstrdup(plan.id);
	done.free_text = xstrdup("Rejestracja w urzędzie pracy");
	done.family_commitment = xstrdup("Mama zarejestruje się w PUP.");
	done.due_date = xstrdup("2026-04-30");
	done.status = xstrdup("done");
	ok(kz_action_save(f->t.db, &done, &err), &err);
	a.plan_id = xstrdup(plan.id);
	a.goal_id = xstrdup(g.id);
	a.service_id = xstrdup(s.id);
	a.family_commitment = xstrdup("Mama przyjdzie na pierwsze spotkanie.");
	a.start_date = xstrdup("2026-04-20");
	a.due_date = xstrdup("2026-06-30");
	a.status = xstrdup("planned");
	ok(kz_action_save(f->t.db, &a, &err), &err);
	r.plan_id = xstrdup(plan.id);
	r.review_date = xstrdup("2026-05-10");
	r.notes = xstrdup("UWAGI Z PRZEGLĄDU");
	r.next_review_date = xstrdup("2026-06-10");
	ok(kz_review_save(f->t.db, &r, &err), &err);

	kz_partner_clear(&p);
	kz_contact_clear(&c);
	kz_service_clear(&s);
	kz_case_clear(&k);
	kz_member_clear(&m);
	kz_plan_clear(&plan);
	kz_goal_clear(&g);
	kz_action_clear(&a);
	kz_review_clear(&r);
	kz_diagnosis_clear(&dg);
	kz_action_clear(&done);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	test_db_close(&f->t);
	kz_config_free(&f->cfg);
	free(f);
	return 0;
}

static char *print(struct fixture *f, const char *code, enum kz_plan_format fmt,
		   enum kz_status want)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_error err = { 0 };
	enum kz_status st = kz_plan_print(f->t.db, &f->cfg, code, fmt, &b, &err);

	if (st != want)
		fail_msg("kz_plan_print: %d (%s), expected %d", st, err.msg, want);
	return kz_buf_detach(&b);
}

static void test_text_order_and_content(void **state)
{
	char *s = print(*state, "R/2026/101", KZ_PLAN_TEXT, KZ_OK);
	const char *goal = strstr(s, "Mama <b>wraca</b> do pracy & uczy się");
	const char *commitment = strstr(s, "Mama przyjdzie na pierwsze spotkanie.");
	const char *service = strstr(s, "* Warsztaty dla rodziców");

	assert_non_null(goal);
	assert_non_null(commitment);
	assert_non_null(service);
	assert_true(goal < commitment);
	assert_true(commitment < service);
	assert_non_null(strstr(s, "Case: R/2026/101\n"));
	assert_non_null(strstr(s, "Household: matka\n"));
	/* The case manager with the phone the configuration gives. */
	assert_non_null(strstr(s, "Your case manager: Marta Nowak, phone 44 000 10 02\n"));
	/* The diagnosis in the family's own words first, before the goals;
	 * the worker's assessment stays in the case. */
	assert_non_null(strstr(s, "* Praca\n  In your words: „Chcę pracować do 15:00.”\n"
				  "  What helps you: prawo jazdy\n"));
	assert_true(strstr(s, "Your situation in your own words") < goal);
	assert_null(strstr(s, "OCENA PRACOWNIKA"));
	assert_null(strstr(s, "POTRZEBY WEDŁUG"));
	/* Each commitment with its own due date and status, done ones marked. */
	assert_non_null(strstr(s, "* Mama przyjdzie na pierwsze spotkanie.\n"
				  "  For: Warsztaty dla rodziców\n  By: 30.06.2026\n"
				  "  Status: planned\n"));
	assert_non_null(strstr(s, "* \xe2\x9c\x93 Mama zarejestruje się w PUP.\n"
				  "  For: Rejestracja w urzędzie pracy\n  By: 30.04.2026\n"
				  "  Status: done\n"));
	/* Lines to sign, at the end. */
	assert_non_null(strstr(s, "We agree to this plan"));
	assert_non_null(strstr(s, "For the family\n\n  ______"));
	assert_non_null(strstr(s, "  How we will know: umowa o pracę\n  By: 30.09.2026\n"));
	assert_non_null(strstr(s, "  Place: ul. Próbna 1, Brzozowa Wola\n"));
	assert_non_null(strstr(s, "  Hours: wt 16:00–18:00\n"));
	assert_non_null(strstr(s, "  Contact: Halina Testowa, phone 44 000 99 99\n"));
	assert_non_null(strstr(s, "  Provided by: Poradnia Testowa w Brzozowej Woli\n"));
	assert_non_null(strstr(s, "  Due: 30.06.2026\n"));
	assert_non_null(strstr(s, "We will look at the plan together on 10.06.2026."));
	/* Never internal notes, never a member's name. */
	assert_null(strstr(s, "NOTATKA WEWNĘTRZNA"));
	assert_null(strstr(s, "UWAGI Z PRZEGLĄDU"));
	assert_null(strstr(s, "Zmyślona"));
	assert_null(strstr(s, "1990"));
	free(s);
}

static void test_text_wrapped(void **state)
{
	char *s = print(*state, "R/2026/101", KZ_PLAN_TEXT, KZ_OK);
	size_t col = 0;

	for (const char *p = s; *p; p++) {
		if (*p == '\n') {
			col = 0;
			continue;
		}
		if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
		assert_true(col <= 72);
	}
	free(s);
}

static void test_markdown(void **state)
{
	char *s = print(*state, "R/2026/101", KZ_PLAN_MD, KZ_OK);

	assert_true(strncmp(s, "# Individual support plan\n", 26) == 0);
	assert_non_null(strstr(s, "\n## Our goals\n"));
	assert_non_null(strstr(s, "\n## Services and support\n"));
	assert_non_null(strstr(s, "- **Warsztaty dla rodziców**\n"));
	assert_non_null(strstr(s, "\\<b\\>wraca\\</b\\>"));
	assert_null(strstr(s, "NOTATKA"));
	free(s);
}

static void test_html(void **state)
{
	char *s = print(*state, "R/2026/101", KZ_PLAN_HTML, KZ_OK);

	assert_true(strncmp(s, "<!DOCTYPE html>\n<html lang=\"pl\">", 31) == 0);
	assert_non_null(strstr(s, "<style>"));
	assert_null(strstr(s, "src="));
	assert_null(strstr(s, "<link"));
	assert_null(strstr(s, "url("));
	assert_non_null(strstr(s, "Mama &lt;b&gt;wraca&lt;/b&gt; do pracy &amp; uczy się"));
	assert_null(strstr(s, "<b>wraca"));
	assert_non_null(strstr(s, "44 000 99 99"));
	assert_null(strstr(s, "UWAGI"));
	/* Printed: page numbers and lines to sign on. */
	assert_non_null(strstr(s, "@bottom-center{content:counter(page) \" / \" counter(pages)"));
	assert_non_null(strstr(s, "<div class=\"sign\"><span>For the family</span><span>Date:</span></div>"));
	assert_non_null(strstr(s, "<div class=\"sign\"><span>Case manager</span>"));
	assert_non_null(strstr(s, "</html>\n"));
	free(s);
}

static void test_unknown_case(void **state)
{
	struct fixture *f = *state;
	struct kz_case k = { 0 };
	struct kz_error err = { 0 };
	char *s = print(f, "R/2026/999", KZ_PLAN_TEXT, KZ_INVALID);

	assert_string_equal(s, "");
	free(s);
	/* A case without a plan: nothing found. */
	k.code = xstrdup("R/2026/102");
	k.status = xstrdup("new");
	k.manager = xstrdup("pwisniewski");
	k.legal_basis = xstrdup("statutory");
	k.legal_basis_note = xstrdup("procedura Niebieskiej Karty");
	k.opened_on = xstrdup("2026-05-14");
	ok(kz_case_save(f->t.db, &f->cfg, &k, &err), &err);
	kz_case_clear(&k);
	s = print(f, "R/2026/102", KZ_PLAN_TEXT, KZ_NOT_FOUND);
	assert_string_equal(s, "");
	free(s);
}

static void test_formats(void **state)
{
	enum kz_plan_format f = KZ_PLAN_TEXT;

	(void)state;
	assert_true(kz_plan_format_parse("md", &f));
	assert_int_equal(f, KZ_PLAN_MD);
	assert_true(kz_plan_format_parse("html", &f));
	assert_int_equal(f, KZ_PLAN_HTML);
	assert_true(kz_plan_format_parse("text", &f));
	assert_int_equal(f, KZ_PLAN_TEXT);
	assert_false(kz_plan_format_parse("pdf", &f));
	assert_false(kz_plan_format_parse(NULL, &f));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_text_order_and_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_wrapped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_case, setup, teardown),
		cmocka_unit_test(test_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
