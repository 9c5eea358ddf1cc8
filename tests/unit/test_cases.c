/* Cases: codes, the rules of saving, household members and team, lists
 * without names, retention, the data-protection export and erasure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <strings.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

static struct kz_user users[] = {
	{ (char *)"anna", (char *)"Anna Kowalczyk", KZ_ROLE_WORKER, NULL },
	{ (char *)"piotr", (char *)"Piotr Nowak", KZ_ROLE_COORDINATOR, NULL },
};

static struct kz_config config(const char *format)
{
	struct kz_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.case_code_format = (char *)format;
	cfg.retention_years = 10;
	cfg.plan_validity_months = 12;
	cfg.users = users;
	cfg.n_users = 2;
	return cfg;
}

static int setup(void **state)
{
	struct test_db *t = calloc(1, sizeof(*t));

	setenv("KOSZYK_TODAY", "2026-03-10", 1);
	test_db_open(t);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	test_db_close(*state);
	free(*state);
	unsetenv("KOSZYK_TODAY");
	return 0;
}

/* A valid case on a statutory basis; code NULL: the next one. */
static void fill_case(struct kz_case *c, const char *code, const char *manager)
{
	memset(c, 0, sizeof(*c));
	c->code = xstrdup_or_null(code);
	c->manager = xstrdup_or_null(manager);
	c->legal_basis = xstrdup("statutory");
	c->legal_basis_note = xstrdup("asystent rodziny (ustawa o wspieraniu rodziny)");
}

static void add_case(struct kz_db *db, const struct kz_config *cfg,
		     const char *code, const char *manager, const char *status,
		     const char *opened_on, const char *closed_on,
		     char id[KZ_ID_LEN + 1])
{
	struct kz_case c;
	struct kz_error err = { 0 };

	fill_case(&c, code, manager);
	c.status = xstrdup_or_null(status);
	c.opened_on = xstrdup_or_null(opened_on);
	c.closed_on = xstrdup_or_null(closed_on);
	if (kz_case_save(db, cfg, &c, &err) != KZ_OK)
		fail_msg("saving case %s: %s", code ? code : "(new)", err.msg);
	if (id)
		memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_case_clear(&c);
}

static char *next_code(struct kz_db *db, const struct kz_config *cfg)
{
	struct kz_error err = { 0 };
	char *code = NULL;

	if (kz_case_next_code(db, cfg, &code, &err) != KZ_OK)
		fail_msg("next code: %s", err.msg);
	return code;
}

static long count(struct kz_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	long n = -1;

	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void exec(struct kz_db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(kz_db_handle(db), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static void add_contact(struct kz_db *db, const char *name, char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup("Ośrodek Pomocy Społecznej w Brzozowej Woli");
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	c.partner_id = xstrdup(p.id);
	c.name = xstrdup(name);
	c.phone = xstrdup("48 123 45 67");
	assert_int_equal(kz_contact_save(db, &c, &err), KZ_OK);
	memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
	kz_contact_clear(&c);
}

static void add_member(struct kz_db *db, const char *case_id, const char *role,
		       const char *year, const char *name, char id[KZ_ID_LEN + 1])
{
	struct kz_member m = { 0 };
	struct kz_error err = { 0 };

	m.case_id = xstrdup(case_id);
	m.role = xstrdup(role);
	m.birth_year = xstrdup_or_null(year);
	m.name = xstrdup_or_null(name);
	if (kz_member_save(db, &m, &err) != KZ_OK)
		fail_msg("member: %s", err.msg);
	if (id)
		memcpy(id, m.id, KZ_ID_LEN + 1);
	kz_member_clear(&m);
}

/* --- codes ------------------------------------------------------------------ */

static void test_codes_follow_the_format(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	char *code;

	code = next_code(t->db, &cfg);
	assert_string_equal(code, "R/2026/001");
	free(code);
	add_case(t->db, &cfg, NULL, "anna", NULL, NULL, NULL, NULL);
	code = next_code(t->db, &cfg);
	assert_string_equal(code, "R/2026/002");
	free(code);

	/* A gap: the highest number counts, not how many there are. */
	add_case(t->db, &cfg, "R/2026/007", "anna", NULL, NULL, NULL, NULL);
	code = next_code(t->db, &cfg);
	assert_string_equal(code, "R/2026/008");
	free(code);
	/* Other years and other patterns do not count. */
	add_case(t->db, &cfg, "R/2025/050", "anna", NULL, NULL, NULL, NULL);
	add_case(t->db, &cfg, "X/2026/090", "anna", NULL, NULL, NULL, NULL);
	add_case(t->db, &cfg, "R/2026/099/a", "anna", NULL, NULL, NULL, NULL);
	code = next_code(t->db, &cfg);
	assert_string_equal(code, "R/2026/008");
	free(code);

	/* A new case without a code gets it. */
	char id[KZ_ID_LEN + 1];
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };
	add_case(t->db, &cfg, NULL, "anna", NULL, NULL, NULL, id);
	assert_int_equal(kz_case_get(t->db, id, &c, &err), KZ_OK);
	assert_string_equal(c.code, "R/2026/008");
	assert_string_equal(c.status, "new");
	assert_string_equal(c.opened_on, "2026-03-10");
	kz_case_clear(&c);

	setenv("KOSZYK_TODAY", "2027-01-04", 1);
	code = next_code(t->db, &cfg);
	assert_string_equal(code, "R/2027/001");
	free(code);
}

static void test_custom_format_parses_numbers(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("{year}-{seq}");
	char *code;

	code = next_code(t->db, &cfg);
	assert_string_equal(code, "2026-1");
	free(code);
	add_case(t->db, &cfg, "2026-9", "anna", NULL, NULL, NULL, NULL);
	add_case(t->db, &cfg, "2026-10", "anna", NULL, NULL, NULL, NULL);
	/* Counted, not compared as text: 10 is more than 9. */
	code = next_code(t->db, &cfg);
	assert_string_equal(code, "2026-11");
	free(code);

	cfg = config("SPR{seq:04}/{year}");
	add_case(t->db, &cfg, "SPR0041/2026", "anna", NULL, NULL, NULL, NULL);
	add_case(t->db, &cfg, "SPR0077/2025", "anna", NULL, NULL, NULL, NULL);
	code = next_code(t->db, &cfg);
	assert_string_equal(code, "SPR0042/2026");
	free(code);
}

static void test_bad_formats(void **state)
{
	struct test_db *t = *state;
	static const char *const bad[] = {
		"R/{year}/{month}/{seq}", "R/{year}", "R/{year}/{seq", "{seq}{seq}",
		"R/{seq:abc}",
	};
	struct kz_error err = { 0 };
	char *code = (char *)"untouched";

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct kz_config cfg = config(bad[i]);
		assert_int_equal(kz_case_next_code(t->db, &cfg, &code, &err), KZ_INVALID);
		assert_null(code);
		assert_non_null(strstr(err.msg, bad[i]));
	}
	/* A new case cannot be saved without a code then. */
	struct kz_config cfg = config("K/{month}/{seq}");
	struct kz_case c;
	fill_case(&c, NULL, "anna");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_INVALID);
	assert_null(c.code);
	assert_int_equal(count(t->db, "SELECT count(*) FROM cases", NULL), 0);
	kz_case_clear(&c);
}

/* --- rules of saving ---------------------------------------------------------- */

/* Save c and expect KZ_INVALID with part in the message; nothing written. */
static void expect_invalid(struct kz_db *db, const struct kz_config *cfg,
			   struct kz_case *c, const char *part)
{
	struct kz_error err = { 0 };
	long before = count(db, "SELECT count(*) FROM cases", NULL);
	long audit = count(db, "SELECT count(*) FROM audit", NULL);

	assert_int_equal(kz_case_save(db, cfg, c, &err), KZ_INVALID);
	if (!strstr(err.msg, part))
		fail_msg("expected \"%s\" in \"%s\"", part, err.msg);
	assert_int_equal(count(db, "SELECT count(*) FROM cases", NULL), before);
	assert_int_equal(count(db, "SELECT count(*) FROM audit", NULL), audit);
	kz_case_clear(c);
}

static void test_case_rules(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_case c;

	add_case(t->db, &cfg, "R/2026/014", "anna", NULL, NULL, NULL, NULL);

	fill_case(&c, "R/2026/014", "anna");
	expect_invalid(t->db, &cfg, &c, "the case code R/2026/014 is already used");
	fill_case(&c, "r/2026/014", "anna");
	expect_invalid(t->db, &cfg, &c, "already used");

	fill_case(&c, NULL, "marek");
	expect_invalid(t->db, &cfg, &c, "anna, piotr");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.legal_basis, "consent");
	kz_str_set(&c.consent_scope, "plan pomocy i współpraca z PCPR");
	expect_invalid(t->db, &cfg, &c, "Consent given on");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.legal_basis, "consent");
	kz_str_set(&c.consent_date, "2026-03-01");
	expect_invalid(t->db, &cfg, &c, "Scope of the consent");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.legal_basis_note, "   ");
	expect_invalid(t->db, &cfg, &c, "Statutory duty");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.legal_basis, "umowa");
	expect_invalid(t->db, &cfg, &c, "Legal basis");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.status, "closed");
	expect_invalid(t->db, &cfg, &c, "Closed on: a closed case needs");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.status, "closed");
	kz_str_set(&c.opened_on, "2026-02-01");
	kz_str_set(&c.closed_on, "2026-01-31");
	expect_invalid(t->db, &cfg, &c, "before it was opened on 2026-02-01");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.status, "active");
	kz_str_set(&c.closed_on, "2026-03-01");
	expect_invalid(t->db, &cfg, &c, "only a closed case has a closing date");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.opened_on, "10.13.2026");
	expect_invalid(t->db, &cfg, &c, "Opened on");

	fill_case(&c, NULL, "anna");
	kz_str_set(&c.status, "open");
	expect_invalid(t->db, &cfg, &c, "Status");

	fill_case(&c, NULL, NULL);
	expect_invalid(t->db, &cfg, &c, "Case manager");

	/* Valid variants. */
	struct kz_error err = { 0 };
	fill_case(&c, NULL, "piotr");
	kz_str_set(&c.legal_basis, "consent");
	kz_str_set(&c.legal_basis_note, NULL);
	kz_str_set(&c.consent_date, "2026-03-01");
	kz_str_set(&c.consent_scope, "plan pomocy");
	kz_str_set(&c.status, "closed");
	kz_str_set(&c.opened_on, "2026-01-05");
	kz_str_set(&c.closed_on, "2026-01-05");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_OK);
	assert_string_equal(c.code, "R/2026/015");
	kz_case_clear(&c);
	/* Without configured users any login will do. */
	struct kz_config open = config(NULL);
	open.n_users = 0;
	fill_case(&c, "B/1", "ktokolwiek");
	assert_int_equal(kz_case_save(t->db, &open, &c, &err), KZ_OK);
	kz_case_clear(&c);
}

static void test_case_revision_and_audit(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_case a = { 0 }, b = { 0 };
	struct kz_error err = { 0 };
	char id[KZ_ID_LEN + 1];

	add_case(t->db, &cfg, NULL, "anna", NULL, NULL, NULL, id);
	assert_int_equal(kz_case_get(t->db, id, &a, &err), KZ_OK);
	assert_int_equal(kz_case_find(t->db, "r/2026/001 ", &b, &err), KZ_OK);
	assert_string_equal(b.id, id);
	assert_int_equal(a.stamp.rev, 1);

	kz_str_set(&a.status, "active");
	assert_int_equal(kz_case_save(t->db, &cfg, &a, &err), KZ_OK);
	assert_int_equal(a.stamp.rev, 2);

	kz_str_set(&b.manager, "piotr");
	kz_db_set_user(t->db, "piotr");
	assert_int_equal(kz_case_save(t->db, &cfg, &b, &err), KZ_CONFLICT);
	assert_non_null(strstr(err.msg, "tester"));
	assert_non_null(strstr(err.msg, "Status: \"active\""));
	kz_case_clear(&b);
	assert_int_equal(kz_case_get(t->db, id, &b, &err), KZ_OK);
	assert_string_equal(b.manager, "anna");
	assert_string_equal(b.status, "active");

	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE ref = ?1"
			       " AND action = 'create' AND kind = 'case'"
			       " AND summary = 'R/2026/001'", id), 1);
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE ref = ?1"
			       " AND action = 'update' AND summary = 'status'", id), 1);

	struct kz_case none = { 0 };
	assert_int_equal(kz_case_find(t->db, "R/2026/999", &none, &err), KZ_INVALID);
	assert_string_equal(err.msg, "There is no case R/2026/999.");
	kz_case_clear(&a);
	kz_case_clear(&b);
}

static void test_update_keeps_code_and_manager(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };
	char id[KZ_ID_LEN + 1];

	add_case(t->db, &cfg, NULL, "anna", "active", "2026-01-02", NULL, id);
	assert_int_equal(kz_case_get(t->db, id, &c, &err), KZ_OK);
	/* An existing case is never renumbered, nor given today's date. */
	kz_str_set(&c.code, "");
	kz_str_set(&c.opened_on, NULL);
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "Case code"));
	kz_str_set(&c.code, "R/2026/001");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "Opened on"));
	kz_case_clear(&c);

	/* anna leaves the configuration: her case can still be closed ... */
	cfg.users = &users[1];
	cfg.n_users = 1;
	assert_int_equal(kz_case_get(t->db, id, &c, &err), KZ_OK);
	kz_str_set(&c.status, "closed");
	kz_str_set(&c.closed_on, "2026-03-01");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_OK);
	/* ... but not given to someone unknown. */
	kz_str_set(&c.manager, "marek");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "choose one of: piotr."));
	kz_str_set(&c.manager, "piotr");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_OK);
	assert_int_equal(c.stamp.rev, 3);
	kz_case_clear(&c);
}

/* --- household and team ---------------------------------------------------- */

static void test_members(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_member m = { 0 };
	struct kz_members all = { 0 };
	struct kz_error err = { 0 };
	char case_id[KZ_ID_LEN + 1], mother[KZ_ID_LEN + 1];
	static const char *const bad_years[] = { "87", "19a7", "1899", "2027", "19870" };

	add_case(t->db, &cfg, NULL, "anna", NULL, NULL, NULL, case_id);
	add_member(t->db, case_id, "matka", "1987", "Jolanta Wiśniewska", mother);
	add_member(t->db, case_id, "syn", "2015", NULL, NULL);
	add_member(t->db, case_id, "babcia", "1900", NULL, NULL);
	add_member(t->db, case_id, "córka", "2026", NULL, NULL);

	for (size_t i = 0; i < sizeof(bad_years) / sizeof(bad_years[0]); i++) {
		m.case_id = xstrdup(case_id);
		m.role = xstrdup("ojciec");
		m.birth_year = xstrdup(bad_years[i]);
		assert_int_equal(kz_member_save(t->db, &m, &err), KZ_INVALID);
		assert_non_null(strstr(err.msg, "Year of birth"));
		kz_member_clear(&m);
	}
	m.case_id = xstrdup(case_id);
	m.birth_year = xstrdup("1980");
	assert_int_equal(kz_member_save(t->db, &m, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "Role in the household"));
	kz_member_clear(&m);
	m.case_id = xstrdup("0b7c2d7e-4b8e-4d3a-9c55-0f6f1b2a3c4d");
	m.role = xstrdup("ojciec");
	assert_int_equal(kz_member_save(t->db, &m, &err), KZ_INVALID);
	kz_member_clear(&m);
	assert_int_equal(count(t->db, "SELECT count(*) FROM members", NULL), 4);

	assert_int_equal(kz_members_of(t->db, case_id, &all, &err), KZ_OK);
	assert_int_equal(all.n, 4);
	assert_string_equal(all.v[0].role, "matka");
	assert_string_equal(all.v[0].name, "Jolanta Wiśniewska");
	assert_string_equal(all.v[1].role, "syn");
	assert_null(all.v[1].name);

	/* Update: the audit names the fields, never the values. */
	kz_str_set(&all.v[0].name, "Jolanta Wiśniewska-Kos");
	kz_str_set(&all.v[0].birth_year, "1986");
	assert_int_equal(kz_member_save(t->db, &all.v[0], &err), KZ_OK);
	assert_int_equal(all.v[0].stamp.rev, 2);
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE ref = ?1"
			       " AND summary = 'birth_year, name'", mother), 1);
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE summary LIKE '%Jolanta%'"
			       " OR summary LIKE '%matka%'", NULL), 0);
	/* A stale copy is refused. */
	all.v[0].stamp.rev = 1;
	assert_int_equal(kz_member_save(t->db, &all.v[0], &err), KZ_CONFLICT);

	assert_int_equal(kz_member_delete(t->db, all.v[1].id, &err), KZ_OK);
	assert_int_equal(kz_member_delete(t->db, all.v[1].id, &err), KZ_NOT_FOUND);
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE action = 'delete'"
			       " AND kind = 'member' AND summary = 'R/2026/001'", NULL), 1);
	kz_members_free(&all);
	assert_int_equal(kz_members_of(t->db, case_id, &all, &err), KZ_OK);
	assert_int_equal(all.n, 3);
	kz_members_free(&all);
}

static void test_team(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_team_member m = { 0 };
	struct kz_team team = { 0 };
	struct kz_error err = { 0 };
	char case_id[KZ_ID_LEN + 1], other[KZ_ID_LEN + 1], contact[KZ_ID_LEN + 1];

	add_case(t->db, &cfg, NULL, "anna", NULL, NULL, NULL, case_id);
	add_case(t->db, &cfg, NULL, "anna", NULL, NULL, NULL, other);
	add_contact(t->db, "Ewa Zając", contact);

	m.case_id = xstrdup(case_id);
	m.contact_id = xstrdup(contact);
	m.role = xstrdup("asystent rodziny");
	assert_int_equal(kz_team_save(t->db, &m, &err), KZ_OK);
	assert_string_equal(m.contact_name, "Ewa Zając");
	assert_string_equal(m.partner_name, "Ośrodek Pomocy Społecznej w Brzozowej Woli");
	assert_string_equal(m.phone, "48 123 45 67");
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE kind = 'team'"
			       " AND summary = 'R/2026/001'", NULL), 1);
	char saved[KZ_ID_LEN + 1];
	memcpy(saved, m.id, sizeof(saved));
	/* Updating the same record is no duplicate. */
	kz_str_set(&m.role, "pedagog");
	assert_int_equal(kz_team_save(t->db, &m, &err), KZ_OK);
	kz_team_member_clear(&m);

	/* The same person twice in one case. */
	m.case_id = xstrdup(case_id);
	m.contact_id = xstrdup(contact);
	m.role = xstrdup("psycholog");
	assert_int_equal(kz_team_save(t->db, &m, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "already in the team"));
	/* ... but in another case it is fine. */
	kz_str_set(&m.case_id, other);
	assert_int_equal(kz_team_save(t->db, &m, &err), KZ_OK);
	kz_team_member_clear(&m);

	/* An unknown contact. */
	m.case_id = xstrdup(case_id);
	m.contact_id = xstrdup("0b7c2d7e-4b8e-4d3a-9c55-0f6f1b2a3c4d");
	m.role = xstrdup("kurator");
	assert_int_equal(kz_team_save(t->db, &m, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "Contact person"));
	kz_team_member_clear(&m);
	m.case_id = xstrdup(case_id);
	m.contact_id = xstrdup(contact);
	assert_int_equal(kz_team_save(t->db, &m, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "Role in the case"));
	kz_team_member_clear(&m);

	assert_int_equal(kz_team_of(t->db, case_id, &team, &err), KZ_OK);
	assert_int_equal(team.n, 1);
	assert_string_equal(team.v[0].role, "pedagog");
	assert_string_equal(team.v[0].contact_name, "Ewa Zając");
	assert_string_equal(team.v[0].phone, "48 123 45 67");
	kz_team_free(&team);

	assert_int_equal(kz_team_delete(t->db, saved, &err), KZ_OK);
	assert_int_equal(kz_team_of(t->db, case_id, &team, &err), KZ_OK);
	assert_int_equal(team.n, 0);
	kz_team_free(&team);
	assert_int_equal(kz_team_of(t->db, other, &team, &err), KZ_OK);
	assert_int_equal(team.n, 1);
	kz_team_free(&team);
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE kind = 'team'"
			       " AND summary LIKE '%Ewa%'",
			       NULL), 0);
}

/* --- lists ------------------------------------------------------------------- */

static bool row_contains(const struct kz_row *r, const char *s)
{
	const char *cols[] = { r->title, r->case_.status, r->case_.manager,
			       r->case_.opened_on, r->case_.closed_on };

	for (size_t i = 0; i < 5; i++)
		if (cols[i] && strstr(cols[i], s))
			return true;
	return false;
}

/* The cases in progress the dashboard shows are kept by triggers
 * (migration 28): they follow new cases, closed ones and erased ones,
 * and the check finds a count that went astray. */
static void test_open_cases_counted(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_db_counts n;
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };
	char a[KZ_ID_LEN + 1], *report = NULL;
	const char *open = "SELECT count(*) FROM cases WHERE status <> 'closed'";

	add_case(t->db, &cfg, "R/2026/002", "piotr", "active", "2026-02-01", NULL, NULL);
	add_case(t->db, &cfg, "R/2026/001", "anna", NULL, "2026-01-15", NULL, a);
	add_case(t->db, &cfg, "R/2025/031", "anna", "closed", "2025-04-01", "2025-12-20", NULL);
	add_case(t->db, &cfg, "R/2026/003", "anna", NULL, "2026-01-15", NULL, NULL);
	assert_int_equal(kz_db_counts(t->db, &n, &err), KZ_OK);
	assert_int_equal(n.cases_open, 3);
	assert_int_equal(kz_case_get(t->db, a, &c, &err), KZ_OK);
	kz_str_set(&c.status, "closed");
	kz_str_set(&c.closed_on, "2026-03-01");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_OK);
	kz_case_clear(&c);
	assert_int_equal(kz_case_erase(t->db, "R/2026/003", &err), KZ_OK);
	assert_int_equal(kz_db_counts(t->db, &n, &err), KZ_OK);
	assert_int_equal(n.cases_open, count(t->db, open, NULL));
	assert_int_equal(n.cases_open, 1);
	assert_int_equal(kz_db_check(t->db, &report, &err), KZ_OK);
	free(report);
	assert_int_equal(sqlite3_exec(kz_db_handle(t->db),
		"UPDATE case_counts SET n = n + 1 WHERE status = 'active'", NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_not_equal(kz_db_check(t->db, &report, &err), KZ_OK);
	assert_non_null(strstr(report, "counts of cases"));
	free(report);
}

static void test_list_has_no_names(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_rows rows = { 0 };
	struct kz_error err = { 0 };
	char a[KZ_ID_LEN + 1];

	add_case(t->db, &cfg, "R/2026/002", "piotr", "active", "2026-02-01", NULL, NULL);
	add_case(t->db, &cfg, "R/2026/001", "anna", NULL, "2026-01-15", NULL, a);
	add_case(t->db, &cfg, "R/2025/031", "anna", "closed", "2025-04-01", "2025-12-20", NULL);
	add_member(t->db, a, "matka", "1990", "Katarzyna Zielonooka", NULL);

	assert_int_equal(kz_case_list(t->db, NULL, NULL, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 3);
	assert_int_equal(rows.total, 3);
	assert_string_equal(rows.v[0].title, "R/2025/031");
	assert_string_equal(rows.v[0].case_.status, "closed");
	assert_string_equal(rows.v[0].case_.opened_on, "2025-04-01");
	assert_string_equal(rows.v[0].case_.closed_on, "2025-12-20");
	assert_string_equal(rows.v[1].title, "R/2026/001");
	assert_string_equal(rows.v[1].id, a);
	assert_string_equal(rows.v[1].case_.status, "new");
	assert_string_equal(rows.v[1].case_.manager, "anna");
	assert_string_equal(rows.v[1].case_.opened_on, "2026-01-15");
	assert_null(rows.v[1].case_.closed_on);
	assert_string_equal(rows.v[2].title, "R/2026/002");
	for (size_t i = 0; i < rows.n; i++) {
		assert_false(row_contains(&rows.v[i], "Zielonooka"));
		assert_false(row_contains(&rows.v[i], "Katarzyna"));
		assert_false(row_contains(&rows.v[i], "matka"));
	}
	kz_rows_free(&rows);

	assert_int_equal(kz_case_list(t->db, "anna", NULL, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "R/2025/031");
	assert_string_equal(rows.v[1].title, "R/2026/001");
	kz_rows_free(&rows);

	assert_int_equal(kz_case_list(t->db, NULL, "r/2026", &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	kz_rows_free(&rows);
	assert_int_equal(kz_case_list(t->db, "anna", "026/0", &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	assert_string_equal(rows.v[0].title, "R/2026/001");
	kz_rows_free(&rows);
	/* Not a pattern: % and _ are plain characters. */
	assert_int_equal(kz_case_list(t->db, NULL, "%", &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 0);
	kz_rows_free(&rows);
	assert_int_equal(kz_case_list(t->db, NULL, "Zielonooka", &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 0);
	kz_rows_free(&rows);
}

static void test_retention(void **state)
{
	struct test_db *t = *state;
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_rows rows = { 0 };
	struct kz_error err = { 0 };

	setenv("KOSZYK_TODAY", "2026-03-10", 1);
	add_case(t->db, &cfg, "R/2014/003", "anna", "closed", "2014-01-10", "2015-03-01", NULL);
	add_case(t->db, &cfg, "R/2016/001", "anna", "closed", "2016-01-10", "2016-03-09", NULL);
	add_case(t->db, &cfg, "R/2016/002", "anna", "closed", "2016-01-10", "2016-03-10", NULL);
	add_case(t->db, &cfg, "R/2024/010", "anna", "closed", "2024-01-10", "2024-03-10", NULL);
	add_case(t->db, &cfg, "R/2010/001", "anna", "active", "2010-01-10", NULL, NULL);

	assert_int_equal(kz_case_retention(t->db, 10, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "R/2014/003");
	assert_string_equal(rows.v[0].case_.closed_on, "2015-03-01");
	assert_string_equal(rows.v[1].title, "R/2016/001");
	kz_rows_free(&rows);

	assert_int_equal(kz_case_retention(t->db, 1, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 4);
	kz_rows_free(&rows);

	/* 29 February: the same day a year earlier is 28 February. */
	setenv("KOSZYK_TODAY", "2028-02-29", 1);
	add_case(t->db, &cfg, "R/2027/001", "anna", "closed", "2027-01-10", "2027-02-27", NULL);
	add_case(t->db, &cfg, "R/2027/002", "anna", "closed", "2027-01-10", "2027-02-28", NULL);
	assert_int_equal(kz_case_retention(t->db, 1, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 5);
	assert_string_equal(rows.v[4].title, "R/2027/001");
	kz_rows_free(&rows);
}

/* --- export and erasure ---------------------------------------------------- */

#define ID_PLAN "11111111-1111-4111-8111-111111111111"
#define ID_DIAG "22222222-2222-4222-8222-222222222222"
#define ID_GOAL "33333333-3333-4333-8333-333333333333"
#define ID_ACT "44444444-4444-4444-8444-444444444444"
#define ID_REV "55555555-5555-4555-8555-555555555555"
#define ID_PROG "66666666-6666-4666-8666-666666666666"

#define STAMP "'2026-03-10T10:00:00.000Z', 'tester', '2026-03-10T10:00:00.000Z', 'tester'"

/* A plan with one of everything, written directly. */
static void add_plan(struct kz_db *db, const char *case_id)
{
	char sql[4096];

	snprintf(sql, sizeof(sql),
		"INSERT INTO plans(id, case_id, status, valid_from, valid_to,"
		" created_at, created_by, updated_at, updated_by)"
		" VALUES('" ID_PLAN "', '%s', 'approved', '2026-03-01', '2027-02-28', " STAMP ");"
		"INSERT INTO diagnoses(id, plan_id, need_area, situation, family_view,"
		" created_at, created_by, updated_at, updated_by)"
		" VALUES('" ID_DIAG "', '" ID_PLAN "', 'mieszkanie',"
		" 'Rodzina Zielonookich mieszka w jednym pokoju', 'Chcemy mieć swój kąt', " STAMP ");"
		"INSERT INTO goals(id, plan_id, what, target_date,"
		" created_at, created_by, updated_at, updated_by)"
		" VALUES('" ID_GOAL "', '" ID_PLAN "', 'Złożyć wniosek o mieszkanie gminne',"
		" '2026-06-30', " STAMP ");"
		"INSERT INTO actions(id, plan_id, goal_id, free_text, due_date,"
		" created_at, created_by, updated_at, updated_by)"
		" VALUES('" ID_ACT "', '" ID_PLAN "', '" ID_GOAL "', 'Wizyta w ZGM z panią Zielonooką',"
		" '2026-04-15', " STAMP ");"
		"INSERT INTO reviews(id, plan_id, review_date, notes,"
		" created_at, created_by, updated_at, updated_by)"
		" VALUES('" ID_REV "', '" ID_PLAN "', '2026-05-01', 'Wniosek złożony', " STAMP ");"
		"INSERT INTO progress(id, review_id, goal_id, progress, goal_status,"
		" created_at, created_by, updated_at, updated_by)"
		" VALUES('" ID_PROG "', '" ID_REV "', '" ID_GOAL "', 'czeka na decyzję', 'partly', " STAMP ");"
		"INSERT INTO plan_versions(plan_id, version, created_at, created_by, note, snapshot)"
		" VALUES('" ID_PLAN "', 1, '2026-03-10T10:00:00.000Z', 'tester', 'zatwierdzony',"
		" 'cel: Złożyć wniosek o mieszkanie gminne (Zielonooka)');",
		case_id);
	exec(db, sql);
}

/* An erased case and a kept one, sharing a team member contact. */
struct two_cases {
	char gone[KZ_ID_LEN + 1], kept[KZ_ID_LEN + 1];
	char member[KZ_ID_LEN + 1], deleted_member[KZ_ID_LEN + 1];
	char team[KZ_ID_LEN + 1], contact[KZ_ID_LEN + 1];
};

static void make_two_cases(struct kz_db *db, struct two_cases *c)
{
	struct kz_config cfg = config("R/{year}/{seq:03}");
	struct kz_team_member tm = { 0 };
	struct kz_error err = { 0 };

	add_case(db, &cfg, NULL, "anna", NULL, NULL, NULL, c->gone);
	add_case(db, &cfg, NULL, "anna", NULL, NULL, NULL, c->kept);
	add_member(db, c->gone, "matka", "1988", "Katarzyna Zielonooka", c->member);
	add_member(db, c->gone, "ojciec", "1985", "Marek Zielonooki", c->deleted_member);
	assert_int_equal(kz_member_delete(db, c->deleted_member, &err), KZ_OK);
	add_member(db, c->kept, "ojciec", "1979", "Tomasz Brzózka", NULL);
	add_contact(db, "Ewa Zając", c->contact);
	tm.case_id = xstrdup(c->gone);
	tm.contact_id = xstrdup(c->contact);
	tm.role = xstrdup("asystent rodziny");
	assert_int_equal(kz_team_save(db, &tm, &err), KZ_OK);
	memcpy(c->team, tm.id, sizeof(c->team));
	kz_team_member_clear(&tm);
	tm.case_id = xstrdup(c->kept);
	tm.contact_id = xstrdup(c->contact);
	tm.role = xstrdup("pedagog");
	assert_int_equal(kz_team_save(db, &tm, &err), KZ_OK);
	kz_team_member_clear(&tm);
	add_plan(db, c->gone);
	assert_int_equal(kz_audit(db, "create", "goal", ID_GOAL, "goal", &err), KZ_OK);
	assert_int_equal(kz_audit(db, "update", "progress", ID_PROG, "progress", &err), KZ_OK);
}

/* Brackets and braces outside strings balance, strings are closed. */
static void assert_balanced_json(const char *s)
{
	int depth = 0;
	bool in_string = false;

	for (; *s; s++) {
		if (in_string) {
			if (*s == '\\')
				s++;
			else if (*s == '"')
				in_string = false;
			continue;
		}
		if (*s == '"')
			in_string = true;
		else if (*s == '{' || *s == '[')
			depth++;
		else if (*s == '}' || *s == ']')
			assert_true(--depth >= 0);
	}
	assert_false(in_string);
	assert_int_equal(depth, 0);
}

static void test_export(void **state)
{
	struct test_db *t = *state;
	struct two_cases c;
	struct kz_buf out = KZ_BUF_INIT;
	struct kz_error err = { 0 };

	make_two_cases(t->db, &c);
	assert_int_equal(kz_case_export_json(t->db, "R/2026/001", &out, &err), KZ_OK);
	const char *j = kz_buf_str(&out);
	assert_balanced_json(j);
	assert_true(strncmp(j, "{\"kind\":\"case\",\"id\":\"", 21) == 0);
	assert_non_null(strstr(j, "\"title\":\"R/2026/001\""));
	assert_non_null(strstr(j, "\"code\":\"R/2026/001\""));
	assert_non_null(strstr(j, "\"legal_basis\":\"statutory\""));
	assert_non_null(strstr(j, "\"members\":[{\"id\":"));
	assert_non_null(strstr(j, "\"name\":\"Katarzyna Zielonooka\""));
	assert_non_null(strstr(j, "\"birth_year\":\"1988\""));
	assert_null(strstr(j, "Marek"));         /* deleted before */
	assert_null(strstr(j, "Tomasz"));        /* another case */
	assert_null(strstr(j, "pedagog"));
	assert_non_null(strstr(j, "\"contact_name\":\"Ewa Zając\""));
	assert_non_null(strstr(j, "\"phone\":\"48 123 45 67\""));
	assert_non_null(strstr(j, "\"plans\":[{\"id\":\"" ID_PLAN "\""));
	assert_non_null(strstr(j, "\"family_view\":\"Chcemy mieć swój kąt\""));
	assert_non_null(strstr(j, "\"goals\":[{\"id\":\"" ID_GOAL "\""));
	assert_non_null(strstr(j, "\"free_text\":\"Wizyta w ZGM z panią Zielonooką\""));
	assert_non_null(strstr(j, "\"progress\":[{\"id\":\"" ID_PROG "\""));
	assert_non_null(strstr(j, "\"goal_status\":\"partly\""));
	assert_non_null(strstr(j, "\"versions\":[{\"version\":1,"));
	assert_non_null(strstr(j, "\"audit\":[{\"at\":"));
	assert_non_null(strstr(j, "\"ref\":\"" ID_GOAL "\""));
	assert_non_null(strstr(j, "\"ref\":\"" ID_PROG "\""));
	assert_non_null(strstr(j, c.deleted_member));
	assert_null(strstr(j, c.kept));
	kz_buf_free(&out);

	assert_int_equal(kz_case_export_json(t->db, "R/2026/999", &out, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "There is no case R/2026/999"));
	assert_int_equal(out.len, 0);
	kz_buf_free(&out);
}

/* Does any value of any table contain needle, ignoring ASCII case? The
 * tombstones aside: erased, the rows of sync_row (ids of deleted rows, so
 * sync cannot bring them back), the deletions and erasures of the change
 * log (ids only) and the erase entry of the audit trail. */
static long occurrences(struct kz_db *db, const char *needle)
{
	sqlite3 *h = kz_db_handle(db);
	sqlite3_stmt *tables, *st;
	long found = 0;
	size_t nlen = strlen(needle);

	assert_int_equal(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master"
		" WHERE type = 'table' AND name NOT IN ('erased', 'sync_row')", -1, &tables, NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[200];
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"%s", name,
			 strcmp(name, "audit") == 0 ? " WHERE action <> 'erase'"
			 : strcmp(name, "sync_change") == 0 ? " WHERE op IN ('I', 'U')" : "");
		assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = sqlite3_column_blob(st, i);
				size_t len = (size_t)sqlite3_column_bytes(st, i);
				for (size_t k = 0; v && k + nlen <= len; k++)
					if (strncasecmp(v + k, needle, nlen) == 0) {
						found++;
						break;
					}
			}
		}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	return found;
}

/* Does SQLite's plan of sql read the index? */
static bool uses_index(struct kz_db *db, const char *sql, const char *index)
{
	char *explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	bool yes = false;

	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(db), explain, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		yes = yes || strstr((const char *)sqlite3_column_text(st, 3), index);
	sqlite3_finalize(st);
	free(explain);
	return yes;
}

static void test_erase_leaves_nothing(void **state)
{
	struct test_db *t = *state;
	struct two_cases c;
	struct kz_error err = { 0 };
	const char *ids[] = { c.gone, c.member, c.deleted_member, c.team, ID_PLAN,
			      ID_DIAG, ID_GOAL, ID_ACT, ID_REV, ID_PROG };

	make_two_cases(t->db, &c);
	/* The search index finds the code before ... */
	assert_int_equal(count(t->db, "SELECT count(*) FROM search_fts"
			       " WHERE search_fts MATCH '\"r\"* \"2026\"* \"001\"*'", NULL), 1);
	/* Four in the records, one in the change log kept for sync (the
	 * member deleted earlier has left the log with its deletion). */
	assert_int_equal(occurrences(t->db, "Zielonook"), 5);

	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_OK);

	/* ... and not after. */
	assert_int_equal(count(t->db, "SELECT count(*) FROM search_fts"
			       " WHERE search_fts MATCH '\"r\"* \"2026\"* \"001\"*'", NULL), 0);
	assert_int_equal(count(t->db, "SELECT count(*) FROM search_fts"
			       " WHERE search_fts MATCH '\"001\"*'", NULL), 0);
	assert_int_equal(count(t->db, "SELECT count(*) FROM search_doc WHERE ref = ?1",
			       c.gone), 0);
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		assert_int_equal(occurrences(t->db, ids[i]), 0);
	assert_int_equal(occurrences(t->db, "Zielonook"), 0);
	assert_int_equal(occurrences(t->db, "R/2026/001"), 0);
	assert_int_equal(occurrences(t->db, "Złożyć wniosek"), 0);
	assert_int_equal(count(t->db, "SELECT count(*) FROM plans", NULL), 0);
	assert_int_equal(count(t->db, "SELECT count(*) FROM plan_versions", NULL), 0);
	assert_int_equal(count(t->db, "SELECT count(*) FROM progress", NULL), 0);

	/* One audit entry says it happened, naming only the code. */
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE action = 'erase'", NULL), 1);
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE action = 'erase'"
			       " AND kind = 'case' AND ref IS NULL AND summary = 'R/2026/001'"
			       " AND user = 'tester'", NULL), 1);
	/* The tombstones. */
	assert_int_equal(count(t->db, "SELECT count(*) FROM erased", NULL), 9);
	assert_int_equal(count(t->db, "SELECT count(*) FROM erased WHERE id = ?1"
			       " AND kind = 'case' AND erased_by = 'tester'", c.gone), 1);
	assert_int_equal(count(t->db, "SELECT count(*) FROM erased WHERE id = ?1"
			       " AND kind = 'member'", c.member), 1);
	assert_int_equal(count(t->db, "SELECT count(*) FROM erased WHERE id = '" ID_PROG "'"
			       " AND kind = 'progress'", NULL), 1);

	/* The other case is untouched, and so is the contact. */
	struct kz_case kept = { 0 };
	struct kz_members members = { 0 };
	struct kz_team team = { 0 };
	assert_int_equal(kz_case_find(t->db, "R/2026/002", &kept, &err), KZ_OK);
	assert_string_equal(kept.id, c.kept);
	assert_int_equal(kz_members_of(t->db, c.kept, &members, &err), KZ_OK);
	assert_int_equal(members.n, 1);
	assert_string_equal(members.v[0].name, "Tomasz Brzózka");
	assert_int_equal(kz_team_of(t->db, c.kept, &team, &err), KZ_OK);
	assert_int_equal(team.n, 1);
	assert_string_equal(team.v[0].contact_name, "Ewa Zając");
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE ref = ?1", c.kept), 1);
	assert_int_equal(count(t->db, "SELECT count(*) FROM search_fts"
			       " WHERE search_fts MATCH '\"002\"*'", NULL), 1);
	kz_case_clear(&kept);
	kz_members_free(&members);
	kz_team_free(&team);

	/* Twice: there is no such case any more; nothing changes. */
	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_INVALID);
	assert_string_equal(err.msg, "There is no case R/2026/001.");
	assert_int_equal(count(t->db, "SELECT count(*) FROM audit WHERE action = 'erase'", NULL), 1);

	/* The code of an erased case is never given to another family. */
	struct kz_config cfg = config("R/{year}/{seq:03}");
	add_case(t->db, &cfg, "R/2026/005", "anna", NULL, NULL, NULL, NULL);
	assert_int_equal(kz_case_erase(t->db, "R/2026/005", &err), KZ_OK);
	char *code = next_code(t->db, &cfg);
	assert_string_equal(code, "R/2026/006");
	free(code);
	/* Those codes are read from the erase entries of cases alone, not
	 * from the whole trail (kz_case_next_code, `audit case CODE`). */
	assert_int_equal(count(t->db, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
			       " AND name = 'audit_erased_case'", NULL), 1);
	assert_true(uses_index(t->db, "SELECT summary FROM audit WHERE action = 'erase'"
			       " AND kind = 'case' AND summary IS NOT NULL", "audit_erased_case"));
	assert_true(uses_index(t->db, "SELECT seq FROM audit WHERE action = 'erase'"
			       " AND kind = 'case' AND summary = 'r/2026/005' COLLATE NOCASE",
			       "audit_erased_case"));

	/* The database check is happy. */
	char *report = NULL;
	assert_int_equal(kz_db_check(t->db, &report, &err), KZ_OK);
	free(report);
}

/* After erasure the name is not in the file either. */
static void test_erase_overwrites_the_file(void **state)
{
	struct test_db *t = *state;
	struct two_cases c;
	struct kz_error err = { 0 };
	char *data;
	size_t len;

	make_two_cases(t->db, &c);
	exec(t->db, "PRAGMA wal_checkpoint(TRUNCATE)");
	assert_int_equal(kz_read_file(t->path, &data, &len, &err), KZ_OK);
	assert_non_null(memmem(data, len, "Zielonook", 9));
	free(data);
	/* Even where SQLite is built to leave deleted content in place. */
	exec(t->db, "PRAGMA secure_delete = OFF");
	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_OK);
	assert_int_equal(count(t->db, "PRAGMA secure_delete", NULL), 0);
	assert_int_equal(kz_read_file(t->path, &data, &len, &err), KZ_OK);
	assert_null(memmem(data, len, "Zielonook", 9));
	assert_null(memmem(data, len, "Złożyć wniosek", strlen("Złożyć wniosek")));
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_codes_follow_the_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_custom_format_parses_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_formats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_revision_and_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_keeps_code_and_manager, setup, teardown),
		cmocka_unit_test_setup_teardown(test_members, setup, teardown),
		cmocka_unit_test_setup_teardown(test_team, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_cases_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_has_no_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retention, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_overwrites_the_file, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
