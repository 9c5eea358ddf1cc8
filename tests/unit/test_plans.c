/* Plans: defaults and rules, actions from the basket, referrals, reviews,
 * versions and their differences, what needs attention, the revision
 * check. Today is fixed at 2026-03-15 (KOSZYK_TODAY). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "koszyk/cases.h"
#include "koszyk/config.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

struct fixture {
	struct test_db t;
	struct kz_config cfg;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct kz_error err = { 0 };

	setenv("KOSZYK_TODAY", "2026-03-15", 1);
	test_db_open(&f->t);
	if (kz_config_load_builtin(&f->cfg, &err) != KZ_OK) {
		fprintf(stderr, "config: %s\n", err.msg);
		abort();
	}
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

static void add_case(struct kz_db *db, const char *code, const char *manager,
		     const char *opened_on, const char *closed_on,
		     char id[KZ_ID_LEN + 1])
{
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };

	c.code = xstrdup(code);
	c.manager = xstrdup(manager);
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	c.opened_on = xstrdup(opened_on);
	if (closed_on) {
		c.status = xstrdup("closed");
		c.closed_on = xstrdup(closed_on);
	} else {
		c.status = xstrdup("active");
	}
	if (kz_case_save(db, NULL, &c, &err) != KZ_OK)
		fail_msg("case: %s", err.msg);
	memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_case_clear(&c);
}

static void add_plan(struct kz_db *db, const char *case_id, const char *from,
		     const char *to, char id[KZ_ID_LEN + 1])
{
	struct kz_plan p = { 0 };
	struct kz_error err = { 0 };

	p.case_id = xstrdup(case_id);
	p.valid_from = xstrdup_or_null(from);
	p.valid_to = xstrdup_or_null(to);
	if (kz_plan_save(db, NULL, &p, &err) != KZ_OK)
		fail_msg("plan: %s", err.msg);
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_plan_clear(&p);
}

static void add_goal(struct kz_db *db, const char *plan_id, const char *what,
		     const char *target, const char *priority,
		     char id[KZ_ID_LEN + 1])
{
	struct kz_goal g = { 0 };
	struct kz_error err = { 0 };

	g.plan_id = xstrdup(plan_id);
	g.what = xstrdup(what);
	g.target_date = xstrdup(target);
	g.priority = xstrdup_or_null(priority);
	if (kz_goal_save(db, NULL, &g, &err) != KZ_OK)
		fail_msg("goal: %s", err.msg);
	if (id)
		memcpy(id, g.id, KZ_ID_LEN + 1);
	kz_goal_clear(&g);
}

static void add_action(struct kz_db *db, const char *plan_id, const char *service_id,
		       const char *text, const char *due, const char *status,
		       char id[KZ_ID_LEN + 1])
{
	struct kz_action a = { 0 };
	struct kz_error err = { 0 };

	a.plan_id = xstrdup(plan_id);
	a.service_id = xstrdup_or_null(service_id);
	a.free_text = xstrdup_or_null(text);
	a.due_date = xstrdup_or_null(due);
	a.status = xstrdup_or_null(status);
	if (kz_action_save(db, &a, &err) != KZ_OK)
		fail_msg("action: %s", err.msg);
	if (id)
		memcpy(id, a.id, KZ_ID_LEN + 1);
	kz_action_clear(&a);
}

static void add_review(struct kz_db *db, const char *plan_id, const char *date,
		       const char *next, char id[KZ_ID_LEN + 1])
{
	struct kz_review r = { 0 };
	struct kz_error err = { 0 };

	r.plan_id = xstrdup(plan_id);
	r.review_date = xstrdup(date);
	r.next_review_date = xstrdup_or_null(next);
	if (kz_review_save(db, &r, &err) != KZ_OK)
		fail_msg("review: %s", err.msg);
	if (id)
		memcpy(id, r.id, KZ_ID_LEN + 1);
	kz_review_clear(&r);
}

static void add_partner(struct kz_db *db, const char *name, char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup(name);
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
}

static void add_contact(struct kz_db *db, const char *partner, const char *name,
			char id[KZ_ID_LEN + 1])
{
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };

	c.partner_id = xstrdup(partner);
	c.name = xstrdup(name);
	if (kz_contact_save(db, &c, &err) != KZ_OK)
		fail_msg("contact: %s", err.msg);
	memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_contact_clear(&c);
}

static void add_service(struct kz_db *db, const char *provider, const char *title,
			char id[KZ_ID_LEN + 1])
{
	struct kz_service s = { 0 };
	struct kz_error err = { 0 };

	s.title = xstrdup(title);
	s.provider_id = xstrdup(provider);
	s.category = xstrdup("opieka_nad_dziecmi");
	if (kz_service_save(db, &s, &err) != KZ_OK)
		fail_msg("service: %s", err.msg);
	memcpy(id, s.id, KZ_ID_LEN + 1);
	kz_service_clear(&s);
}

/* --- plans ------------------------------------------------------------------ */

static void test_plan_defaults_and_validity(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_plan p = { 0 };
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1];

	add_case(db, "R/2026/001", "akowalska", "2026-03-01", NULL, kase);

	p.case_id = xstrdup(kase);
	assert_int_equal(kz_plan_save(db, &f->cfg, &p, &err), KZ_OK);
	assert_string_equal(p.status, "draft");
	assert_string_equal(p.valid_from, "2026-03-15");
	assert_string_equal(p.valid_to, "2027-03-15");
	assert_int_equal(p.stamp.rev, 1);
	kz_plan_clear(&p);

	/* 13 months: refused, nothing written. */
	p.case_id = xstrdup(kase);
	p.valid_from = xstrdup("2026-03-15");
	p.valid_to = xstrdup("2027-04-15");
	assert_int_equal(kz_plan_save(db, &f->cfg, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "at most 12 months"));
	assert_non_null(strstr(err.msg, "2027-03-15"));
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM plans", NULL), 1);
	/* Exactly 12 months is fine. */
	kz_str_set(&p.valid_to, "2027-03-15");
	assert_int_equal(kz_plan_save(db, &f->cfg, &p, &err), KZ_OK);
	kz_plan_clear(&p);

	/* The end before the start. */
	p.case_id = xstrdup(kase);
	p.valid_from = xstrdup("2026-05-01");
	p.valid_to = xstrdup("2026-04-30");
	assert_int_equal(kz_plan_save(db, &f->cfg, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "before it starts"));
	kz_plan_clear(&p);

	/* No date (15.03.2026 would be one: issue 12, item 3). */
	p.case_id = xstrdup(kase);
	p.valid_from = xstrdup("15.13.2026");
	assert_int_equal(kz_plan_save(db, &f->cfg, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "is not a date"));
	kz_plan_clear(&p);

	/* A configured validity of 6 months; the end of a short month. */
	f->cfg.plan_validity_months = 6;
	p.case_id = xstrdup(kase);
	p.valid_from = xstrdup("2026-08-31");
	assert_int_equal(kz_plan_save(db, &f->cfg, &p, &err), KZ_OK);
	assert_string_equal(p.valid_to, "2027-02-28");
	kz_plan_clear(&p);
	/* Without a configuration: 12 months; a leap day. */
	p.case_id = xstrdup(kase);
	p.valid_from = xstrdup("2028-02-29");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_OK);
	assert_string_equal(p.valid_to, "2029-02-28");
	kz_plan_clear(&p);

	/* An unknown case. */
	p.case_id = xstrdup("00000000-0000-4000-8000-000000000000");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "no such case"));
	kz_plan_clear(&p);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM plans", NULL), 4);
}

/* Months are calendar months; a day the shorter month lacks becomes its
 * last day; the form's defaults are the same as the save's. */
static void test_months_and_form_defaults(void **state)
{
	struct fixture *f = *state;
	static const char *const cases[][3] = {
		{ "2026-01-31", "1", "2026-02-28" }, { "2028-01-31", "1", "2028-02-29" },
		{ "2026-03-15", "12", "2027-03-15" }, { "2026-11-30", "3", "2027-02-28" },
		{ "2026-12-01", "1", "2027-01-01" }, { "2026-05-31", "-1", "2026-04-30" },
		{ "2100-02-28", "12", "2101-02-28" }, { "not a date", "1", "not a date" },
	};
	char out[11];
	struct kz_plan p = { 0 };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		kz_date_add_months(cases[i][0], atoi(cases[i][1]), out);
		assert_string_equal(out, cases[i][2]);
	}
	f->cfg.plan_validity_months = 6;
	kz_plan_defaults(&f->cfg, &p);
	assert_string_equal(p.status, "draft");
	assert_string_equal(p.valid_from, "2026-03-15");
	assert_string_equal(p.valid_to, "2026-09-15");
	assert_int_equal(kz_plan_validity_months(NULL), 12);
	kz_plan_clear(&p);
}

static void test_plan_approval_and_closing(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_plan p = { 0 };
	struct kz_error err = { 0 };
	struct kz_plan_versions v = { 0 };
	char kase[KZ_ID_LEN + 1], id[KZ_ID_LEN + 1];

	add_case(db, "R/2026/002", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, NULL, NULL, id);
	assert_int_equal(kz_plan_get(db, id, &p, &err), KZ_OK);

	kz_str_set(&p.status, "approved");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "who approved it and when"));
	kz_str_set(&p.approved_by, "akowalska");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_INVALID);
	kz_str_set(&p.approved_on, "2026-03-15");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_OK);
	assert_int_equal(kz_plan_versions(db, id, &v, &err), KZ_OK);
	assert_int_equal(v.n, 1);
	assert_int_equal(v.v[0].version, 1);
	assert_string_equal(v.v[0].note, "approved");
	assert_string_equal(v.v[0].created_by, "tester");
	kz_plan_versions_free(&v);

	/* Saving again without a change of status keeps no version. */
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_OK);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM plan_versions", NULL), 1);

	kz_str_set(&p.status, "closed");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "closing summary"));
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM plan_versions", NULL), 1);
	kz_str_set(&p.closing_summary, "Cele osiągnięte.");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_OK);
	assert_int_equal(kz_plan_versions(db, id, &v, &err), KZ_OK);
	assert_int_equal(v.n, 2);
	assert_int_equal(v.v[1].version, 2);
	assert_string_equal(v.v[1].note, "closed");
	kz_plan_versions_free(&v);
	kz_plan_clear(&p);

	/* The current plan: the newest that is not closed, else the newest. */
	assert_int_equal(kz_plan_current(db, kase, &p, &err), KZ_OK);
	assert_string_equal(p.id, id);
	kz_plan_clear(&p);
	char draft[KZ_ID_LEN + 1];
	add_plan(db, kase, "2026-01-01", NULL, draft);
	assert_int_equal(kz_plan_current(db, kase, &p, &err), KZ_OK);
	assert_string_equal(p.id, draft);
	kz_plan_clear(&p);
	char other[KZ_ID_LEN + 1];
	add_case(db, "R/2026/003", "akowalska", "2026-03-01", NULL, other);
	assert_int_equal(kz_plan_current(db, other, &p, &err), KZ_NOT_FOUND);
	kz_plan_clear(&p);
}

/* --- parts --------------------------------------------------------------------- */

static void test_goal_rules(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_goal g = { 0 };
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1];

	add_case(db, "R/2026/004", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, NULL, NULL, plan);
	long audit = test_db_count(db, "SELECT COUNT(*) FROM audit", NULL);

	g.plan_id = xstrdup(plan);
	g.what = xstrdup("Ola chodzi do szkoły codziennie");
	assert_int_equal(kz_goal_save(db, NULL, &g, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "a goal needs a target date"));
	kz_str_set(&g.target_date, "31.06.2026");
	assert_int_equal(kz_goal_save(db, NULL, &g, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "is not a date"));
	kz_str_set(&g.target_date, "2026-06-30");
	kz_str_set(&g.what, "   ");
	assert_int_equal(kz_goal_save(db, NULL, &g, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "write what the family wants to achieve"));
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM goals", NULL), 0);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM audit", NULL), audit);

	kz_str_set(&g.what, "Ola chodzi do szkoły codziennie");
	assert_int_equal(kz_goal_save(db, NULL, &g, &err), KZ_OK);
	assert_string_equal(g.priority, "medium");
	assert_string_equal(g.status, "open");
	/* The audit entry holds no personal data. */
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM audit WHERE kind = 'goal'"
			       " AND action = 'create' AND summary = 'goal'", NULL), 1);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM audit WHERE summary LIKE '%Ola%'", NULL), 0);
	kz_goal_clear(&g);
}

static void test_diagnosis_rules(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_diagnosis d = { 0 };
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1];

	add_case(db, "R/2026/005", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, NULL, NULL, plan);

	d.plan_id = xstrdup(plan);
	d.need_area = xstrdup("astrologia");
	d.situation = xstrdup("Rodzina mieszka w jednym pokoju.");
	assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "astrologia"));
	assert_non_null(strstr(err.msg, "need areas of the configuration"));
	kz_str_set(&d.need_area, "mieszkanie");
	assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_OK);
	/* Saving the same one again is an update, not a second one. */
	kz_str_set(&d.needs, "Większe mieszkanie.");
	assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_OK);
	assert_int_equal(d.stamp.rev, 2);
	kz_diagnosis_clear(&d);

	d.plan_id = xstrdup(plan);
	d.need_area = xstrdup("mieszkanie");
	assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "already has a diagnosis of \"Mieszkanie\""));
	kz_diagnosis_clear(&d);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM diagnoses", NULL), 1);

	/* Without a configuration any code is accepted. */
	d.plan_id = xstrdup(plan);
	d.need_area = xstrdup("inne");
	assert_int_equal(kz_diagnosis_save(db, NULL, &d, &err), KZ_OK);
	kz_diagnosis_clear(&d);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM diagnoses", NULL), 2);
}

static void test_action_rules(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_action a = { 0 };
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1];
	char mops[KZ_ID_LEN + 1], fund[KZ_ID_LEN + 1];
	char ewa[KZ_ID_LEN + 1], jan[KZ_ID_LEN + 1];
	char therapy[KZ_ID_LEN + 1], old[KZ_ID_LEN + 1];

	add_case(db, "R/2026/006", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, NULL, NULL, plan);
	add_partner(db, "Poradnia Psychologiczno-Pedagogiczna", mops);
	add_partner(db, "Fundacja Zielony Dom", fund);
	add_contact(db, mops, "Ewa Lis", ewa);
	add_contact(db, fund, "Jan Wrona", jan);
	add_service(db, mops, "Terapia logopedyczna", therapy);
	add_service(db, mops, "Dawne warsztaty", old);
	assert_int_equal(kz_service_archive(db, old, 0, &err), KZ_OK);

	/* Neither a service nor words. */
	a.plan_id = xstrdup(plan);
	assert_int_equal(kz_action_save(db, &a, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "choose a service from the basket or describe"));
	a.free_text = xstrdup(" \n ");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "choose a service from the basket or describe"));
	kz_str_set(&a.free_text, NULL);

	/* An archived service: refused, nothing written. */
	long actions = test_db_count(db, "SELECT COUNT(*) FROM actions", NULL);
	long audit = test_db_count(db, "SELECT COUNT(*) FROM audit", NULL);
	kz_str_set(&a.service_id, old);
	assert_int_equal(kz_action_save(db, &a, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "the service \"Dawne warsztaty\" is archived and can no longer be chosen"));
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM actions", NULL), actions);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM audit", NULL), audit);
	assert_string_equal(a.id, "");

	/* The provider becomes the partner; defaults; names. */
	kz_str_set(&a.service_id, therapy);
	assert_int_equal(kz_action_save(db, &a, &err), KZ_OK);
	assert_string_equal(a.partner_id, mops);
	assert_string_equal(a.status, "planned");
	assert_string_equal(a.service_title, "Terapia logopedyczna");
	assert_string_equal(a.partner_name, "Poradnia Psychologiczno-Pedagogiczna");
	assert_null(a.contact_name);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM actions", NULL), actions + 1);

	/* A person of another partner. */
	kz_str_set(&a.contact_id, jan);
	assert_int_equal(kz_action_save(db, &a, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "not a contact of the responsible partner"));
	kz_str_set(&a.contact_id, ewa);
	assert_int_equal(kz_action_save(db, &a, &err), KZ_OK);
	assert_string_equal(a.contact_name, "Ewa Lis");

	/* Due before start. */
	kz_str_set(&a.start_date, "2026-04-10");
	kz_str_set(&a.due_date, "2026-04-09");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "due date 2026-04-09 is before the start date 2026-04-10"));
	kz_str_set(&a.due_date, "2026-04-10");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_OK);

	/* A referral: when and by whom. */
	assert_null(a.referral_date);
	kz_db_set_user(db, "mnowak");
	kz_str_set(&a.status, "referred");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_OK);
	assert_string_equal(a.referral_date, "2026-03-15");
	assert_string_equal(a.referred_by, "mnowak");
	kz_db_set_user(db, "tester");

	/* The service is archived after it was chosen: the action can still
	 * be edited. */
	assert_int_equal(kz_service_archive(db, therapy, 0, &err), KZ_OK);
	kz_str_set(&a.status, "accepted");
	kz_str_set(&a.referral_answer, "Przyjęta od kwietnia");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_OK);
	assert_string_equal(a.referral_date, "2026-03-15");
	kz_action_clear(&a);

	/* A referral with its own date keeps it. */
	a.plan_id = xstrdup(plan);
	a.free_text = xstrdup("Zapisać Olę na zajęcia świetlicy");
	a.partner_id = xstrdup(fund);
	a.status = xstrdup("referred");
	a.referral_date = xstrdup("2026-03-10");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_OK);
	assert_string_equal(a.referral_date, "2026-03-10");
	assert_string_equal(a.referred_by, "tester");
	assert_null(a.service_title);
	assert_string_equal(a.partner_name, "Fundacja Zielony Dom");
	kz_action_clear(&a);

	/* An unknown service. */
	a.plan_id = xstrdup(plan);
	a.service_id = xstrdup("00000000-0000-4000-8000-000000000000");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "no such service"));
	kz_action_clear(&a);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM actions", NULL), actions + 2);
}

static void test_review_rules(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_review r = { 0 };
	struct kz_progress pr = { 0 };
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1], goal[KZ_ID_LEN + 1];

	add_case(db, "R/2026/007", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, "2026-03-01", NULL, plan);
	add_goal(db, plan, "Regularne wizyty u lekarza", "2026-09-30", "high", goal);

	r.plan_id = xstrdup(plan);
	r.review_date = xstrdup("2026-02-28");
	assert_int_equal(kz_review_save(db, &r, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "the review is dated before the plan starts"));
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM reviews", NULL), 0);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM plan_versions", NULL), 0);

	kz_str_set(&r.review_date, "2026-03-01");
	kz_str_set(&r.next_review_date, "2026-03-01");
	assert_int_equal(kz_review_save(db, &r, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "after this review"));

	kz_str_set(&r.next_review_date, "2026-06-01");
	assert_int_equal(kz_review_save(db, &r, &err), KZ_OK);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM plan_versions WHERE note = 'review'", NULL), 1);
	/* Editing the review keeps no new version. */
	kz_str_set(&r.notes, "Rodzina zadowolona.");
	assert_int_equal(kz_review_save(db, &r, &err), KZ_OK);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM plan_versions", NULL), 1);

	pr.review_id = xstrdup(r.id);
	pr.goal_id = xstrdup(goal);
	pr.progress = xstrdup("Dwie wizyty z trzech.");
	pr.goal_status = xstrdup("partly");
	assert_int_equal(kz_progress_save(db, &pr, &err), KZ_OK);
	kz_str_set(&pr.goal_status, "maybe");
	assert_int_equal(kz_progress_save(db, &pr, &err), KZ_INVALID);
	kz_progress_clear(&pr);
	kz_review_clear(&r);
}

/* --- the whole plan, versions ------------------------------------------------- */

static void test_plan_load_order(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_plan_full full;
	struct kz_diagnosis d = { 0 };
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1], fund[KZ_ID_LEN + 1];
	char svc[KZ_ID_LEN + 1];
	const char *areas[] = { "praca", "zdrowie", "mieszkanie" };

	add_case(db, "R/2026/008", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, "2026-03-01", NULL, plan);
	for (size_t i = 0; i < 3; i++) {
		d.plan_id = xstrdup(plan);
		d.need_area = xstrdup(areas[i]);
		assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_OK);
		kz_diagnosis_clear(&d);
	}
	add_goal(db, plan, "C niski", "2026-04-01", "low", NULL);
	add_goal(db, plan, "B wysoki później", "2026-08-01", "high", NULL);
	add_goal(db, plan, "A średni", "2026-05-01", NULL, NULL);
	add_goal(db, plan, "D wysoki wcześniej", "2026-06-01", "high", NULL);
	add_partner(db, "Fundacja Zielony Dom", fund);
	add_service(db, fund, "Świetlica środowiskowa", svc);
	add_action(db, plan, NULL, "bez terminu", NULL, NULL, NULL);
	add_action(db, plan, NULL, "później", "2026-07-01", NULL, NULL);
	add_action(db, plan, svc, NULL, "2026-04-01", NULL, NULL);
	add_review(db, plan, "2026-05-01", NULL, NULL);
	add_review(db, plan, "2026-04-01", NULL, NULL);

	assert_int_equal(kz_plan_load(db, &f->cfg, plan, &full, &err), KZ_OK);
	assert_string_equal(full.kase.code, "R/2026/008");
	assert_string_equal(full.plan.id, plan);
	/* The configured order: zdrowie, mieszkanie, ..., praca. */
	assert_int_equal(full.ndiagnoses, 3);
	assert_string_equal(full.diagnoses[0].need_area, "zdrowie");
	assert_string_equal(full.diagnoses[1].need_area, "mieszkanie");
	assert_string_equal(full.diagnoses[2].need_area, "praca");
	assert_int_equal(full.ngoals, 4);
	assert_string_equal(full.goals[0].what, "D wysoki wcześniej");
	assert_string_equal(full.goals[1].what, "B wysoki później");
	assert_string_equal(full.goals[2].what, "A średni");
	assert_string_equal(full.goals[3].what, "C niski");
	assert_int_equal(full.nactions, 3);
	assert_string_equal(full.actions[0].service_title, "Świetlica środowiskowa");
	assert_string_equal(full.actions[0].partner_name, "Fundacja Zielony Dom");
	assert_string_equal(full.actions[1].free_text, "później");
	assert_string_equal(full.actions[2].free_text, "bez terminu");
	assert_int_equal(full.nreviews, 2);
	assert_string_equal(full.reviews[0].review_date, "2026-04-01");
	assert_string_equal(full.reviews[1].review_date, "2026-05-01");
	kz_plan_full_free(&full);

	/* Without a configuration: by code. */
	assert_int_equal(kz_plan_load(db, NULL, plan, &full, &err), KZ_OK);
	assert_string_equal(full.diagnoses[0].need_area, "mieszkanie");
	assert_string_equal(full.diagnoses[1].need_area, "praca");
	assert_string_equal(full.diagnoses[2].need_area, "zdrowie");
	kz_plan_full_free(&full);

	assert_int_equal(kz_plan_load(db, NULL, "00000000-0000-4000-8000-000000000000",
				      &full, &err), KZ_NOT_FOUND);
}

static char *text_of(struct kz_db *db, const struct kz_config *cfg, const char *plan)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_error err = { 0 };

	assert_int_equal(kz_plan_text(db, cfg, plan, &b, &err), KZ_OK);
	return kz_buf_detach(&b);
}

static char *diff_of(struct kz_db *db, const char *plan, int a, int b)
{
	struct kz_buf out = KZ_BUF_INIT;
	struct kz_error err = { 0 };

	if (kz_plan_diff(db, NULL, plan, a, b, &out, &err) != KZ_OK)
		fail_msg("diff: %s", err.msg);
	return kz_buf_detach(&out);
}

static void test_versions_and_diff(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_plan p = { 0 };
	struct kz_goal g = { 0 };
	struct kz_error err = { 0 };
	struct kz_buf out = KZ_BUF_INIT;
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1], goal[KZ_ID_LEN + 1];
	char *s, *t;
	int version = 0;

	add_case(db, "R/2026/009", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, NULL, NULL, plan);
	assert_int_equal(kz_plan_get(db, plan, &p, &err), KZ_OK);
	kz_str_set(&p.status, "approved");
	kz_str_set(&p.approved_by, "akowalska");
	kz_str_set(&p.approved_on, "2026-03-15");
	assert_int_equal(kz_plan_save(db, NULL, &p, &err), KZ_OK);
	kz_plan_clear(&p);

	s = text_of(db, NULL, plan);
	assert_string_equal(s,
		"status: approved\n"
		"valid from: 2026-03-15\n"
		"valid to: 2027-03-15\n"
		"approved: akowalska 2026-03-15\n");
	free(s);
	s = diff_of(db, plan, 1, 0);
	assert_string_equal(s, "");
	free(s);

	add_goal(db, plan, "Ola chodzi do szkoły codziennie", "2026-06-30", NULL, goal);
	s = diff_of(db, plan, 1, 0);
	assert_string_equal(s,
		"+ goal: Ola chodzi do szkoły codziennie | indicator: - | target: 2026-06-30"
		" | priority: medium | status: open\n");
	free(s);
	/* The other way round. */
	s = diff_of(db, plan, 0, 1);
	assert_string_equal(s,
		"- goal: Ola chodzi do szkoły codziennie | indicator: - | target: 2026-06-30"
		" | priority: medium | status: open\n");
	free(s);

	assert_int_equal(kz_plan_keep_version(db, NULL, plan, "z rodziną", &version, &err), KZ_OK);
	assert_int_equal(version, 2);
	s = diff_of(db, plan, 2, 0);
	assert_string_equal(s, "");
	free(s);

	/* Change the goal's status. */
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM goals", NULL), 1);
	{
		struct kz_plan_full full;
		assert_int_equal(kz_plan_load(db, NULL, plan, &full, &err), KZ_OK);
		g.plan_id = xstrdup(full.goals[0].plan_id);
		g.what = xstrdup(full.goals[0].what);
		g.target_date = xstrdup(full.goals[0].target_date);
		g.priority = xstrdup(full.goals[0].priority);
		g.status = xstrdup("achieved");
		memcpy(g.id, full.goals[0].id, KZ_ID_LEN + 1);
		g.stamp.rev = full.goals[0].stamp.rev;
		kz_plan_full_free(&full);
	}
	assert_int_equal(kz_goal_save(db, NULL, &g, &err), KZ_OK);
	kz_goal_clear(&g);
	s = diff_of(db, plan, 2, 0);
	assert_string_equal(s,
		"- goal: Ola chodzi do szkoły codziennie | indicator: - | target: 2026-06-30"
		" | priority: medium | status: open\n"
		"+ goal: Ola chodzi do szkoły codziennie | indicator: - | target: 2026-06-30"
		" | priority: medium | status: achieved\n");
	free(s);
	/* Between two stored versions: only the goal was added. */
	s = diff_of(db, plan, 1, 2);
	assert_int_equal(strncmp(s, "+ goal: ", 8), 0);
	assert_ptr_equal(strchr(s, '\n'), s + strlen(s) - 1);
	free(s);

	/* A diagnosis: versions keep the need area's code, the difference
	 * shows its label. */
	{
		struct kz_diagnosis d = { 0 };
		d.plan_id = xstrdup(plan);
		d.need_area = xstrdup("mieszkanie");
		d.situation = xstrdup("Wilgoć w pokoju dzieci.");
		assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_OK);
		kz_diagnosis_clear(&d);
		assert_int_equal(kz_plan_keep_version(db, &f->cfg, plan, NULL, &version, &err), KZ_OK);
		assert_int_equal(version, 3);
		assert_int_equal(kz_plan_diff(db, &f->cfg, plan, 2, 3, &out, &err), KZ_OK);
		assert_non_null(strstr(kz_buf_str(&out),
			"+ diagnosis Mieszkanie: situation: Wilgoć w pokoju dzieci.\n"));
		kz_buf_reset(&out);
		s = diff_of(db, plan, 2, 3);
		assert_non_null(strstr(s, "+ diagnosis mieszkanie: situation: Wilgoć w pokoju dzieci.\n"));
		free(s);
		s = text_of(db, &f->cfg, plan);
		assert_non_null(strstr(s, "\ndiagnosis Mieszkanie: situation: Wilgoć w pokoju dzieci.\n"));
		free(s);
		s = diff_of(db, plan, 3, 0);
		assert_string_equal(s, "");
		free(s);
	}

	/* The text is stable. */
	s = text_of(db, &f->cfg, plan);
	t = text_of(db, &f->cfg, plan);
	assert_string_equal(s, t);
	free(s);
	free(t);

	/* Unknown versions. */
	assert_int_equal(kz_plan_diff(db, NULL, plan, 9, 0, &out, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "no version 9"));
	assert_int_equal(kz_plan_diff(db, NULL, plan, 1, -1, &out, &err), KZ_INVALID);
	assert_int_equal(out.len, 0);
	kz_buf_free(&out);

	struct kz_plan_versions v;
	assert_int_equal(kz_plan_versions(db, plan, &v, &err), KZ_OK);
	assert_int_equal(v.n, 3);
	assert_string_equal(v.v[1].note, "z rodziną");
	kz_plan_versions_free(&v);
}

/* Two plans with the same content have the same text, whatever the order
 * in which their parts were written. */
static void test_identical_plans_identical_text(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_error err = { 0 };
	struct kz_diagnosis d = { 0 };
	char k1[KZ_ID_LEN + 1], k2[KZ_ID_LEN + 1], p1[KZ_ID_LEN + 1], p2[KZ_ID_LEN + 1];
	char *s, *t;

	add_case(db, "R/2026/010", "akowalska", "2026-03-01", NULL, k1);
	add_case(db, "R/2026/011", "akowalska", "2026-03-01", NULL, k2);
	add_plan(db, k1, "2026-03-01", NULL, p1);
	add_plan(db, k2, "2026-03-01", NULL, p2);
	add_goal(db, p1, "Praca", "2026-06-30", NULL, NULL);
	add_goal(db, p1, "Zdrowie", "2026-06-30", NULL, NULL);
	add_goal(db, p2, "Zdrowie", "2026-06-30", NULL, NULL);
	add_goal(db, p2, "Praca", "2026-06-30", NULL, NULL);
	add_action(db, p1, NULL, "Wizyta", "2026-04-01", NULL, NULL);
	add_action(db, p1, NULL, "Telefon", "2026-04-01", NULL, NULL);
	add_action(db, p2, NULL, "Telefon", "2026-04-01", NULL, NULL);
	add_action(db, p2, NULL, "Wizyta", "2026-04-01", NULL, NULL);
	d.plan_id = xstrdup(p1);
	d.need_area = xstrdup("zdrowie");
	d.situation = xstrdup("Choroba\nprzewlekła");
	assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_OK);
	kz_diagnosis_clear(&d);
	d.plan_id = xstrdup(p2);
	d.need_area = xstrdup("zdrowie");
	d.situation = xstrdup("Choroba\nprzewlekła");
	assert_int_equal(kz_diagnosis_save(db, &f->cfg, &d, &err), KZ_OK);
	kz_diagnosis_clear(&d);

	s = text_of(db, &f->cfg, p1);
	t = text_of(db, &f->cfg, p2);
	assert_string_equal(s, t);
	assert_non_null(strstr(s, "\ndiagnosis Zdrowie: situation: Choroba przewlekła\n"));
	assert_non_null(strstr(s, "\ngoal: Praca | indicator: - | target: 2026-06-30 | priority: medium | status: open\n"
				  "goal: Zdrowie |"));
	free(s);
	free(t);
}

/* --- attention ------------------------------------------------------------------- */

static void test_attention_list(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_attentions att;
	struct kz_error err = { 0 };
	char ka[KZ_ID_LEN + 1], kb[KZ_ID_LEN + 1], kc[KZ_ID_LEN + 1];
	char kd[KZ_ID_LEN + 1], ke[KZ_ID_LEN + 1];
	char pa[KZ_ID_LEN + 1], pb[KZ_ID_LEN + 1], pc[KZ_ID_LEN + 1];
	char overdue[KZ_ID_LEN + 1], review[KZ_ID_LEN + 1];
	char fund[KZ_ID_LEN + 1], svc[KZ_ID_LEN + 1];

	add_partner(db, "Poradnia Psychologiczno-Pedagogiczna", fund);
	add_service(db, fund, "Terapia logopedyczna", svc);

	/* A: one overdue action, two not yet due (one due today), one done
	 * and overdue, one declined and overdue; a
	 * review due in 3 days (an older review was due long ago). */
	add_case(db, "R/2026/021", "akowalska", "2026-01-02", NULL, ka);
	add_plan(db, ka, "2026-01-01", "2026-12-31", pa);
	add_action(db, pa, svc, NULL, "2026-03-01", NULL, overdue);
	add_action(db, pa, NULL, "Zakupy z asystentem", "2026-03-20", NULL, NULL);
	add_action(db, pa, NULL, "Rozmowa z pedagogiem", "2026-03-15", "in_progress", NULL);
	add_action(db, pa, NULL, "Wizyta w urzędzie", "2026-02-01", "done", NULL);
	add_action(db, pa, NULL, "Odrzucone skierowanie", "2026-02-02", "declined", NULL);
	add_review(db, pa, "2026-01-10", "2026-02-01", NULL);
	add_review(db, pa, "2026-02-15", "2026-03-18", review);
	/* B: a plan expiring in 10 days. */
	add_case(db, "R/2026/022", "akowalska", "2025-03-20", NULL, kb);
	add_plan(db, kb, "2025-03-26", "2026-03-25", pb);
	/* C: a closed case with an overdue action. */
	add_case(db, "R/2026/023", "akowalska", "2025-06-01", "2026-03-05", kc);
	add_plan(db, kc, "2025-06-01", "2026-05-31", pc);
	add_action(db, pc, NULL, "Stare zadanie", "2026-03-02", NULL, NULL);
	/* D: no plan. */
	add_case(db, "R/2026/024", "akowalska", "2026-03-10", NULL, kd);
	/* E: another manager's case without a plan. */
	add_case(db, "R/2026/025", "mnowak", "2026-03-12", NULL, ke);

	assert_int_equal(kz_attention_list(db, "akowalska", &att, &err), KZ_OK);
	assert_int_equal(att.n, 4);
	assert_int_equal(att.v[0].kind, KZ_ATT_OVERDUE_ACTION);
	assert_string_equal(att.v[0].case_code, "R/2026/021");
	assert_string_equal(att.v[0].case_id, ka);
	assert_string_equal(att.v[0].ref_id, overdue);
	assert_string_equal(att.v[0].title, "Terapia logopedyczna");
	assert_string_equal(att.v[0].date, "2026-03-01");
	assert_int_equal(att.v[1].kind, KZ_ATT_NO_PLAN);
	assert_string_equal(att.v[1].case_code, "R/2026/024");
	assert_string_equal(att.v[1].case_id, kd);
	assert_string_equal(att.v[1].title, "no plan yet");
	assert_string_equal(att.v[1].date, "2026-03-10");
	assert_int_equal(att.v[2].kind, KZ_ATT_REVIEW_DUE);
	assert_string_equal(att.v[2].case_code, "R/2026/021");
	assert_string_equal(att.v[2].ref_id, review);
	assert_string_equal(att.v[2].title, "review");
	assert_string_equal(att.v[2].date, "2026-03-18");
	assert_int_equal(att.v[3].kind, KZ_ATT_PLAN_EXPIRING);
	assert_string_equal(att.v[3].case_code, "R/2026/022");
	assert_string_equal(att.v[3].ref_id, pb);
	assert_string_equal(att.v[3].title, "plan valid to 2026-03-25");
	assert_string_equal(att.v[3].date, "2026-03-25");
	kz_attentions_free(&att);

	/* Every case: E comes in between. */
	assert_int_equal(kz_attention_list(db, NULL, &att, &err), KZ_OK);
	assert_int_equal(att.n, 5);
	assert_string_equal(att.v[0].date, "2026-03-01");
	assert_string_equal(att.v[1].case_code, "R/2026/024");
	assert_int_equal(att.v[2].kind, KZ_ATT_NO_PLAN);
	assert_string_equal(att.v[2].case_code, "R/2026/025");
	assert_string_equal(att.v[2].date, "2026-03-12");
	assert_int_equal(att.v[3].kind, KZ_ATT_REVIEW_DUE);
	assert_int_equal(att.v[4].kind, KZ_ATT_PLAN_EXPIRING);
	kz_attentions_free(&att);

	assert_int_equal(kz_attention_list(db, "kzielinska", &att, &err), KZ_OK);
	assert_int_equal(att.n, 0);
	kz_attentions_free(&att);
}

/* --- conflicts, deletion ------------------------------------------------------------ */

static void copy_goal(struct kz_goal *dst, const struct kz_goal *src)
{
	memset(dst, 0, sizeof(*dst));
	memcpy(dst->id, src->id, KZ_ID_LEN + 1);
	dst->plan_id = xstrdup_or_null(src->plan_id);
	dst->what = xstrdup_or_null(src->what);
	dst->indicator = xstrdup_or_null(src->indicator);
	dst->target_date = xstrdup_or_null(src->target_date);
	dst->priority = xstrdup_or_null(src->priority);
	dst->status = xstrdup_or_null(src->status);
	dst->stamp.rev = src->stamp.rev;
}

static void test_goal_revision_conflict(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_plan_full full;
	struct kz_goal mine, theirs;
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1];

	add_case(db, "R/2026/030", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, NULL, NULL, plan);
	add_goal(db, plan, "Spłata zaległości czynszowych", "2026-12-31", "high", NULL);
	assert_int_equal(kz_plan_load(db, NULL, plan, &full, &err), KZ_OK);
	copy_goal(&theirs, &full.goals[0]);
	copy_goal(&mine, &full.goals[0]);
	kz_plan_full_free(&full);

	kz_db_set_user(db, "mnowak");
	kz_str_set(&theirs.target_date, "2026-10-31");
	assert_int_equal(kz_goal_save(db, NULL, &theirs, &err), KZ_OK);
	assert_int_equal(theirs.stamp.rev, 2);

	kz_db_set_user(db, "akowalska");
	kz_str_set(&mine.indicator, "Brak zaległości na koncie");
	assert_int_equal(kz_goal_save(db, NULL, &mine, &err), KZ_CONFLICT);
	assert_non_null(strstr(err.msg, "mnowak"));
	assert_non_null(strstr(err.msg, "Target date: \"2026-10-31\""));
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM goals WHERE indicator IS NULL"
			       " AND target_date = '2026-10-31' AND rev = 2", NULL), 1);
	kz_goal_clear(&mine);
	kz_goal_clear(&theirs);
}

static void test_part_delete(void **state)
{
	struct fixture *f = *state;
	struct kz_db *db = f->t.db;
	struct kz_action a = { 0 };
	struct kz_error err = { 0 };
	char kase[KZ_ID_LEN + 1], plan[KZ_ID_LEN + 1], goal[KZ_ID_LEN + 1];
	char review[KZ_ID_LEN + 1];

	add_case(db, "R/2026/031", "akowalska", "2026-03-01", NULL, kase);
	add_plan(db, kase, NULL, NULL, plan);
	add_goal(db, plan, "Cel", "2026-12-31", NULL, goal);
	a.plan_id = xstrdup(plan);
	a.goal_id = xstrdup(goal);
	a.free_text = xstrdup("Zadanie");
	assert_int_equal(kz_action_save(db, &a, &err), KZ_OK);
	add_review(db, plan, "2026-03-20", NULL, review);

	assert_int_equal(kz_plan_part_delete(db, "plan", plan, &err), KZ_INVALID);
	assert_int_equal(kz_plan_part_delete(db, "goal", goal, &err), KZ_OK);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM goals", NULL), 0);
	/* The action keeps going without the goal. */
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM actions WHERE goal_id IS NULL", NULL), 1);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM audit WHERE action = 'delete'"
			       " AND kind = 'goal'", NULL), 1);
	assert_int_equal(kz_plan_part_delete(db, "goal", goal, &err), KZ_NOT_FOUND);
	assert_int_equal(kz_plan_part_delete(db, "action", a.id, &err), KZ_OK);
	assert_int_equal(kz_plan_part_delete(db, "review", review, &err), KZ_OK);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM actions", NULL), 0);
	assert_int_equal(test_db_count(db, "SELECT COUNT(*) FROM reviews", NULL), 0);
	kz_action_clear(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_defaults_and_validity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_months_and_form_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_approval_and_closing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_goal_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_diagnosis_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_action_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_load_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_versions_and_diff, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identical_plans_identical_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attention_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_goal_revision_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(test_part_delete, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
