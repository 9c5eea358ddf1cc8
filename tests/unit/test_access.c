/* Who may see and change what, in the data layer: the same answer for
 * every way of writing (record functions, raw SQL of other modules), and
 * cases the principal may not see do not exist for her. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/search.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

static struct kz_user users[] = {
	{ "koord", "Koordynatorka", KZ_ROLE_COORDINATOR, NULL },
	{ "ala", "Ala", KZ_ROLE_WORKER, NULL },
	{ "ola", "Ola", KZ_ROLE_WORKER, NULL },
	{ "gosc", "Gość", KZ_ROLE_VIEWER, NULL },
};

struct fixture {
	struct test_db t;
	struct kz_config cfg;
	char partner[KZ_ID_LEN + 1], contact[KZ_ID_LEN + 1];
	char ala_case[KZ_ID_LEN + 1], ola_case[KZ_ID_LEN + 1];
	char *ola_code;
	char ola_meeting[KZ_ID_LEN + 1], ola_task[KZ_ID_LEN + 1];
};

static void as(struct fixture *f, const char *login)
{
	kz_db_set_login(f->t.db, &f->cfg, login);
}

static void ok(enum kz_status st, const struct kz_error *err)
{
	if (st != KZ_OK)
		fail_msg("%s", err->msg);
}

static enum kz_status open_case(struct fixture *f, const char *manager,
				char id[KZ_ID_LEN + 1], char **code,
				struct kz_error *err)
{
	struct kz_case c = { 0 };
	enum kz_status st;

	c.manager = xstrdup(manager);
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	st = kz_case_save(f->t.db, &f->cfg, &c, err);
	if (st == KZ_OK && id)
		memcpy(id, c.id, KZ_ID_LEN + 1);
	if (st == KZ_OK && code)
		*code = xstrdup(c.code);
	kz_case_clear(&c);
	return st;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct kz_partner p = { 0 };
	struct kz_contact c = { 0 };
	struct kz_meeting m = { 0 };
	struct kz_task t = { 0 };
	struct kz_error err = { 0 };

	setenv("KOSZYK_TODAY", "2026-03-10", 1);
	test_db_open(&f->t);
	f->cfg.case_code_format = (char *)"R/{year}/{seq:03}";
	f->cfg.plan_validity_months = 12;
	f->cfg.retention_years = 10;
	f->cfg.users = users;
	f->cfg.n_users = sizeof(users) / sizeof(users[0]);
	as(f, "koord");
	p.name = xstrdup("GOPS");
	ok(kz_partner_save(f->t.db, &p, &err), &err);
	memcpy(f->partner, p.id, sizeof(f->partner));
	c.partner_id = xstrdup(p.id);
	c.name = xstrdup("Jan Kontakt");
	ok(kz_contact_save(f->t.db, &c, &err), &err);
	memcpy(f->contact, c.id, sizeof(f->contact));
	as(f, "ala");
	ok(open_case(f, "ala", f->ala_case, NULL, &err), &err);
	as(f, "ola");
	ok(open_case(f, "ola", f->ola_case, &f->ola_code, &err), &err);
	m.kind = xstrdup("case_team");
	m.case_id = xstrdup(f->ola_case);
	m.title = xstrdup("Zespół rodziny Oli");
	m.date = xstrdup("2026-03-01");
	ok(kz_meeting_save(f->t.db, &m, &err), &err);
	memcpy(f->ola_meeting, m.id, sizeof(f->ola_meeting));
	t.title = xstrdup("Zadanie w sprawie Oli");
	t.partner_id = xstrdup(f->partner);
	t.case_id = xstrdup(f->ola_case);
	ok(kz_task_save(f->t.db, &t, &err), &err);
	memcpy(f->ola_task, t.id, sizeof(f->ola_task));
	kz_partner_clear(&p);
	kz_contact_clear(&c);
	kz_meeting_clear(&m);
	kz_task_clear(&t);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	test_db_close(&f->t);
	free(f->ola_code);
	free(f);
	unsetenv("KOSZYK_TODAY");
	return 0;
}

static void test_viewer_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct kz_service s = { 0 };
	struct kz_error err = { 0 };
	long services = test_db_count(f->t.db, "SELECT count(*) FROM services", NULL);

	as(f, "gosc");
	s.title = xstrdup("Nowa usługa");
	s.provider_id = xstrdup(f->partner);
	assert_int_equal(kz_service_save(f->t.db, &s, &err), KZ_DENIED);
	assert_non_null(strstr(err.msg, "gosc may only look"));
	assert_int_equal(test_db_count(f->t.db, "SELECT count(*) FROM services", NULL), services);
	/* not listed at all: a viewer too */
	as(f, "nieznany");
	assert_int_equal(kz_db_role(f->t.db), KZ_ROLE_VIEWER);
	s.id[0] = '\0';
	assert_int_equal(kz_service_save(f->t.db, &s, &err), KZ_DENIED);
	as(f, "gosc");
	assert_int_equal(open_case(f, "gosc", NULL, NULL, &err), KZ_DENIED);
	kz_service_clear(&s);
}

static void test_worker_sees_her_cases_only(void **state)
{
	struct fixture *f = *state;
	struct kz_rows rows;
	struct kz_case c = { 0 };
	struct kz_meetings ms;
	struct kz_tasks ts;
	struct kz_meeting m = { 0 };
	struct kz_error err = { 0 };

	as(f, "ala");
	ok(kz_case_list(f->t.db, NULL, NULL, &rows, &err), &err);
	assert_int_equal(rows.n, 1);
	assert_string_equal(rows.v[0].id, f->ala_case);
	kz_rows_free(&rows);
	/* another worker's case answers as one that does not exist */
	assert_int_equal(kz_case_find(f->t.db, f->ola_code, &c, &err), KZ_INVALID);
	assert_true(strncmp(err.msg, "There is no case ", 17) == 0);
	assert_int_equal(kz_case_get(f->t.db, f->ola_case, &c, &err), KZ_INVALID);
	assert_false(kz_case_visible(f->t.db, f->ola_case));
	/* nor do its team's meetings and tasks */
	assert_int_equal(kz_meeting_get(f->t.db, f->ola_meeting, &m, &err), KZ_INVALID);
	ok(kz_meeting_list(f->t.db, NULL, &ms, &err), &err);
	assert_int_equal(ms.n, 0);
	kz_meetings_free(&ms);
	ok(kz_task_list(f->t.db, KZ_TASKS_ALL, NULL, &ts, &err), &err);
	assert_int_equal(ts.n, 0);
	kz_tasks_free(&ts);
	/* the coordinator sees all of it */
	as(f, "koord");
	ok(kz_meeting_list(f->t.db, NULL, &ms, &err), &err);
	assert_int_equal(ms.n, 1);
	kz_meetings_free(&ms);
	ok(kz_case_list(f->t.db, NULL, NULL, &rows, &err), &err);
	assert_int_equal(rows.n, 2);
	kz_rows_free(&rows);
}

/* Every table of a case refuses a write of another worker, whatever SQL
 * makes it: the connection checks it. */
static void test_raw_writes_are_checked(void **state)
{
	struct fixture *f = *state;
	sqlite3 *h = kz_db_handle(f->t.db);
	char sql[512];

	as(f, "ala");
	snprintf(sql, sizeof(sql), "UPDATE cases SET notes = 'x' WHERE id = '%s'", f->ola_case);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof(sql),
		 "INSERT INTO members(id, case_id, role, created_at, created_by, updated_at,"
		 " updated_by) VALUES('m1', '%s', 'syn', 'a', 'b', 'a', 'b')", f->ola_case);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof(sql), "UPDATE meetings SET minutes = 'x' WHERE id = '%s'",
		 f->ola_meeting);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof(sql), "DELETE FROM tasks WHERE id = '%s'", f->ola_task);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof(sql), "UPDATE cases SET manager = 'ala' WHERE id = '%s'",
		 f->ala_case);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);  /* no change */
	snprintf(sql, sizeof(sql), "UPDATE cases SET manager = 'ola' WHERE id = '%s'",
		 f->ala_case);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);  /* reassign */
	snprintf(sql, sizeof(sql), "DELETE FROM cases WHERE id = '%s'", f->ala_case);
	assert_int_not_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);  /* erase */
	/* The audit trail is only ever appended to, by anyone. */
	as(f, "koord");
	assert_int_not_equal(sqlite3_exec(h, "UPDATE audit SET user = 'x'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(test_db_count(f->t.db, "SELECT count(*) FROM cases", NULL), 2);
	assert_int_equal(test_db_count(f->t.db, "SELECT count(*) FROM members", NULL), 0);
}

/* The checks are made at a connection's first change, not when it opens
 * (issue 14: making them was half the cost of a start). Until then no
 * write to koszyk's tables passes at all, not even one the checks would
 * allow; and a first change rolled back leaves them in place. */
static void test_checks_made_at_the_first_change(void **state)
{
	struct fixture *f = *state;
	struct kz_error err = { 0 };
	char own[256], other[256];
	sqlite3 *h;

	snprintf(own, sizeof(own), "UPDATE cases SET notes = 'x' WHERE id = '%s'", f->ala_case);
	snprintf(other, sizeof(other), "UPDATE cases SET notes = 'x' WHERE id = '%s'", f->ola_case);
	test_db_close_keep(&f->t);
	assert_int_equal(kz_db_open(f->t.path, KZ_OPEN_EXISTING, &f->t.db, &err), KZ_OK);
	as(f, "ala");
	h = kz_db_handle(f->t.db);
	assert_int_equal(sqlite3_exec(h, other, NULL, NULL, NULL), SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(h, own, NULL, NULL, NULL), SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(h, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_AUTH);
	/* reading needs none of it */
	assert_int_equal(test_db_count(f->t.db, "SELECT count(*) FROM cases", NULL), 2);
	/* a first change, undone: the checks stay */
	assert_int_equal(kz_db_begin(f->t.db, &err), KZ_OK);
	kz_db_rollback(f->t.db);
	assert_int_not_equal(sqlite3_exec(h, other, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, own, NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(test_db_count(f->t.db, "SELECT count(*) FROM audit", NULL) > 0, 1);
}

static void test_sharing(void **state)
{
	struct fixture *f = *state;
	struct kz_error err = { 0 };
	struct kz_case c = { 0 };
	char **logins;
	size_t n;

	/* Ala may not share what she cannot see; Ola shares hers. */
	as(f, "ala");
	assert_int_equal(kz_case_share(f->t.db, &f->cfg, f->ola_code, "ala", &err), KZ_INVALID);
	as(f, "ola");
	assert_int_equal(kz_case_share(f->t.db, &f->cfg, f->ola_code, "kto", &err), KZ_INVALID);
	assert_int_equal(kz_case_share(f->t.db, &f->cfg, f->ola_code, "gosc", &err), KZ_INVALID);
	ok(kz_case_share(f->t.db, &f->cfg, f->ola_code, "ala", &err), &err);
	ok(kz_case_shares(f->t.db, f->ola_case, &logins, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_string_equal(logins[0], "ala");
	kz_strv_free(logins, n);
	as(f, "ala");
	ok(kz_case_find(f->t.db, f->ola_code, &c, &err), &err);
	kz_case_clear(&c);
	assert_true(kz_case_visible(f->t.db, f->ola_case));
	/* shared with, she works on it but does not pass it on */
	assert_int_equal(kz_case_share(f->t.db, &f->cfg, f->ola_code, "koord", &err), KZ_DENIED);
	assert_int_equal(kz_case_unshare(f->t.db, f->ola_code, "ala", &err), KZ_DENIED);
	as(f, "ola");
	ok(kz_case_unshare(f->t.db, f->ola_code, "ala", &err), &err);
	as(f, "ala");
	assert_false(kz_case_visible(f->t.db, f->ola_case));
}

static void test_coordinator_only(void **state)
{
	struct fixture *f = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows;

	as(f, "ola");
	assert_int_equal(kz_case_erase(f->t.db, f->ola_code, &err), KZ_DENIED);
	assert_int_equal(kz_case_retention(f->t.db, 10, &rows, &err), KZ_DENIED);
	assert_int_equal(open_case(f, "ala", NULL, NULL, &err), KZ_DENIED);
	as(f, "koord");
	ok(open_case(f, "ala", NULL, NULL, &err), &err);
	ok(kz_case_retention(f->t.db, 10, &rows, &err), &err);
	kz_rows_free(&rows);
	ok(kz_case_erase(f->t.db, f->ola_code, &err), &err);
}

static void test_demo_only_act_as(void **state)
{
	struct fixture *f = *state;
	struct kz_error err = { 0 };

	as(f, "gosc");
	assert_int_equal(kz_db_act_as(f->t.db, &f->cfg, "koord", &err), KZ_INVALID);
	assert_int_equal(kz_db_role(f->t.db), KZ_ROLE_VIEWER);
	ok(kz_db_mark_demo(f->t.db, &err), &err);
	assert_int_equal(kz_db_act_as(f->t.db, &f->cfg, "nikt", &err), KZ_INVALID);
	ok(kz_db_act_as(f->t.db, &f->cfg, "koord", &err), &err);
	assert_int_equal(kz_db_role(f->t.db), KZ_ROLE_COORDINATOR);
	assert_string_equal(kz_db_user(f->t.db), "koord");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_viewer_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_worker_sees_her_cases_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_raw_writes_are_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checks_made_at_the_first_change, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_sharing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_coordinator_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_demo_only_act_as, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
