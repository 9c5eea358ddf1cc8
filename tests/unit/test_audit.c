/* The audit trail: a hash chain that check verifies, entries that know
 * their case, readings of a family's file, erasure that blanks out a
 * case's entries and keeps the chain whole, the trail listed by role, and
 * tampering with sqlite3 (a changed, deleted or moved entry) named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "../../src/db/db_internal.h"
#include "koszyk/audit.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/fold.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

static struct kz_user users[] = {
	{ (char *)"anna", (char *)"Anna Kowalczyk", KZ_ROLE_WORKER, NULL },
	{ (char *)"piotr", (char *)"Piotr Nowak", KZ_ROLE_COORDINATOR, NULL },
	{ (char *)"tester", (char *)"Tester", KZ_ROLE_COORDINATOR, NULL },
};

static struct kz_config config(void)
{
	struct kz_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.case_code_format = (char *)"R/{year}/{seq:03}";
	cfg.retention_years = 10;
	cfg.plan_validity_months = 12;
	cfg.users = users;
	cfg.n_users = sizeof(users) / sizeof(users[0]);
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

/* SQL on a connection of its own, as sqlite3 on the command line would
 * run it: none of koszyk's checks. */
static void tamper(const char *path, const char *sql)
{
	sqlite3 *h;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(h);
}

/* The check's report; *st its status. Caller frees. */
static char *check(struct kz_db *db, enum kz_status *st)
{
	struct kz_error err = { 0 };
	char *report = NULL;

	*st = kz_db_check(db, &report, &err);
	return report;
}

static void assert_check_ok(struct kz_db *db)
{
	enum kz_status st;
	char *report = check(db, &st);

	if (st != KZ_OK)
		fail_msg("check failed:\n%s", report);
	free(report);
}

/* The check fails and its report has this line about the audit trail. */
static void assert_check_says(struct kz_db *db, const char *what)
{
	enum kz_status st;
	char *report = check(db, &st);
	char line[256];

	snprintf(line, sizeof(line), "audit trail: %s\n", what);
	if (st != KZ_CORRUPT || !strstr(report, line))
		fail_msg("expected \"%s\" in the report:\n%s", what, report);
	free(report);
}

static void add_partner(struct kz_db *db, const char *name)
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup(name);
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	kz_partner_clear(&p);
}

static void add_case(struct kz_db *db, const char *code, const char *manager,
		     char id[KZ_ID_LEN + 1])
{
	struct kz_config cfg = config();
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };

	c.code = xstrdup(code);
	c.manager = xstrdup(manager);
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	if (kz_case_save(db, &cfg, &c, &err) != KZ_OK)
		fail_msg("case %s: %s", code, err.msg);
	memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_case_clear(&c);
}

static void add_member(struct kz_db *db, const char *case_id, const char *name,
		       char id[KZ_ID_LEN + 1])
{
	struct kz_member m = { 0 };
	struct kz_error err = { 0 };

	m.case_id = xstrdup(case_id);
	m.role = xstrdup("matka");
	m.name = xstrdup(name);
	assert_int_equal(kz_member_save(db, &m, &err), KZ_OK);
	memcpy(id, m.id, KZ_ID_LEN + 1);
	kz_member_clear(&m);
}

static void add_plan_goal(struct kz_db *db, const char *case_id,
			  char goal[KZ_ID_LEN + 1])
{
	struct kz_config cfg = config();
	struct kz_plan p = { 0 };
	struct kz_goal g = { 0 };
	struct kz_error err = { 0 };

	p.case_id = xstrdup(case_id);
	if (kz_plan_save(db, &cfg, &p, &err) != KZ_OK)
		fail_msg("plan: %s", err.msg);
	g.plan_id = xstrdup(p.id);
	g.what = xstrdup("Mieszkanie gminne");
	g.target_date = xstrdup("2026-09-30");
	if (kz_goal_save(db, NULL, &g, &err) != KZ_OK)
		fail_msg("goal: %s", err.msg);
	memcpy(goal, g.id, KZ_ID_LEN + 1);
	kz_plan_clear(&p);
	kz_goal_clear(&g);
}

/* A partner, two cases (anna's and piotr's), a member, a plan with a
 * goal deleted again. */
struct fixture {
	char a[KZ_ID_LEN + 1], b[KZ_ID_LEN + 1];
	char member[KZ_ID_LEN + 1], goal[KZ_ID_LEN + 1];
};

static void make(struct kz_db *db, struct fixture *f)
{
	struct kz_error err = { 0 };

	add_partner(db, "Ośrodek Pomocy Społecznej");
	add_case(db, "R/2026/001", "anna", f->a);
	add_case(db, "R/2026/002", "piotr", f->b);
	add_member(db, f->a, "Katarzyna Zielonooka", f->member);
	add_plan_goal(db, f->a, f->goal);
	assert_int_equal(kz_plan_part_delete(db, "goal", f->goal, &err), KZ_OK);
}

/* --- the chain ---------------------------------------------------------------- */

static void test_entries_are_chained(void **state)
{
	struct test_db *t = *state;
	struct fixture f;
	sqlite3_stmt *q;
	unsigned char prev[32];
	bool first = true;

	make(t->db, &f);
	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(t->db),
		"SELECT prev_hash, hash, detail_hash, salt FROM audit ORDER BY seq", -1, &q, NULL), SQLITE_OK);
	while (sqlite3_step(q) == SQLITE_ROW) {
		assert_int_equal(sqlite3_column_bytes(q, 1), 32);
		assert_int_equal(sqlite3_column_bytes(q, 2), 32);
		assert_int_equal(sqlite3_column_bytes(q, 3), 16);
		if (first)
			assert_int_equal(sqlite3_column_type(q, 0), SQLITE_NULL);
		else
			assert_memory_equal(sqlite3_column_blob(q, 0), prev, 32);
		memcpy(prev, sqlite3_column_blob(q, 1), 32);
		first = false;
	}
	sqlite3_finalize(q);
	assert_false(first);

	/* Each entry knows its case; the basket's none. */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'partner'"
			       " AND case_id IS NULL", NULL), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'case'"
			       " AND case_id = ref", NULL), 2);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'member'"
			       " AND case_id = ?1", f.a), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'plan'"
			       " AND case_id = ?1", f.a), 1);
	/* a deleted record's entry too (found before it went) */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'goal'"
			       " AND action = 'delete' AND case_id = ?1", f.a), 1);
	assert_check_ok(t->db);
}

static void test_trail_only_grows(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct fixture f;

	make(t->db, &f);
	/* Through koszyk's own connection, nobody may change it. */
	assert_int_not_equal(sqlite3_exec(kz_db_handle(t->db),
		"UPDATE audit SET user = 'x' WHERE seq = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(kz_db_handle(t->db),
		"DELETE FROM audit WHERE seq = 1", NULL, NULL, NULL), SQLITE_OK);
	/* A new entry follows the last. */
	long n = test_db_count(t->db, "SELECT max(seq) FROM audit", NULL);
	assert_int_equal(kz_audit(t->db, "update", "partner", NULL, "x", &err), KZ_OK);
	assert_int_equal(test_db_count(t->db, "SELECT max(seq) FROM audit", NULL), n + 1);
	assert_check_ok(t->db);
}

/* --- tampering ----------------------------------------------------------------- */

static void test_changed_entry_is_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	tamper(t->path, "UPDATE audit SET user = 'mallory' WHERE seq = 4");
	assert_check_says(t->db, "entry 4 was changed");
}

static void test_changed_details_are_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	tamper(t->path, "UPDATE audit SET summary = 'R/2026/009' WHERE seq = 3");
	assert_check_says(t->db, "entry 3 was changed");
}

static void test_moved_to_another_case_is_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	/* Hiding an entry from a case's trail. */
	tamper(t->path, "UPDATE audit SET case_id = NULL WHERE kind = 'member'");
	assert_check_says(t->db, "entry 4 was changed");
}

static void test_deleted_entry_is_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	tamper(t->path, "DELETE FROM audit WHERE seq = 3");
	assert_check_says(t->db, "entry 3 is missing (entries 2 and 4 do not link)");
}

static void test_deleted_entries_are_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	tamper(t->path, "DELETE FROM audit WHERE seq IN (3, 4)");
	assert_check_says(t->db, "entries 3 to 4 are missing (entries 2 and 5 do not link)");
}

static void test_deleted_first_entry_is_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	tamper(t->path, "DELETE FROM audit WHERE seq = 1");
	assert_check_says(t->db, "entry 1 is missing (the trail now begins at entry 2)");
}

static void test_deleted_last_entry_is_named(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct fixture f;

	make(t->db, &f);
	long last = test_db_count(t->db, "SELECT max(seq) FROM audit", NULL);
	char sql[80], what[160];
	snprintf(sql, sizeof(sql), "DELETE FROM audit WHERE seq = %ld", last);
	tamper(t->path, sql);
	snprintf(what, sizeof(what), "entry %ld is missing (the last entry of the trail)", last);
	assert_check_says(t->db, what);
	/* and after new entries were added */
	assert_int_equal(kz_audit(t->db, "update", "partner", NULL, "x", &err), KZ_OK);
	snprintf(what, sizeof(what), "entry %ld is missing (entries %ld and %ld do not link)",
		 last, last - 1, last + 1);
	assert_check_says(t->db, what);
}

static void test_reordered_entries_are_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	tamper(t->path, "UPDATE audit SET seq = -1 WHERE seq = 3;"
			"UPDATE audit SET seq = 3 WHERE seq = 4;"
			"UPDATE audit SET seq = 4 WHERE seq = -1");
	assert_check_says(t->db, "entries out of order at entry 3");
}

static void test_rehashed_entry_is_named(void **state)
{
	struct test_db *t = *state;
	struct fixture f;

	make(t->db, &f);
	/* An entry with a hash of its own making breaks the link of the next. */
	tamper(t->path, "UPDATE audit SET hash = randomblob(32) WHERE seq = 3");
	assert_check_says(t->db, "entry 3 was changed");
	tamper(t->path, "UPDATE audit SET hash = NULL WHERE seq = 3");
	assert_check_says(t->db, "entry 3 was changed");
}

/* --- reading ----------------------------------------------------------------------- */

static void test_reading_is_an_entry(void **state)
{
	struct test_db *t = *state;
	struct kz_buf out = KZ_BUF_INIT;
	struct kz_error err = { 0 };
	struct fixture f;

	make(t->db, &f);
	assert_int_equal(kz_case_note_read(t->db, f.a, "case", &err), KZ_OK);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE action = 'read'"
			       " AND kind = 'case' AND ref = ?1 AND case_id = ?1 AND summary = 'case'"
			       " AND user = 'tester'", f.a), 1);
	assert_int_equal(kz_case_export_json(t->db, "R/2026/001", &out, &err), KZ_OK);
	kz_buf_free(&out);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE action = 'read'"
			       " AND case_id = ?1 AND summary = 'gdpr export'", f.a), 1);
	/* no name of the family in any entry */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE summary LIKE '%Zielono%'",
			       NULL), 0);
	assert_check_ok(t->db);
}

/* --- erasure --------------------------------------------------------------------- */

static void test_erasure_blanks_out_and_keeps_the_chain(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct fixture f;

	make(t->db, &f);
	assert_int_equal(kz_case_note_read(t->db, f.a, "case", &err), KZ_OK);
	long before = test_db_count(t->db, "SELECT count(*) FROM audit", NULL);
	long of_case = test_db_count(t->db, "SELECT count(*) FROM audit WHERE case_id = ?1", f.a);
	assert_true(of_case >= 6);

	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_OK);
	/* Every entry is still there, and one more says it happened. */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit", NULL), before + 1);
	long erase_seq = test_db_count(t->db, "SELECT seq FROM audit WHERE action = 'erase'"
			       " AND kind = 'case' AND summary = 'R/2026/001' AND ref IS NULL"
			       " AND case_id IS NULL", NULL);
	assert_int_equal(erase_seq, before + 1);
	char seq[32];
	snprintf(seq, sizeof(seq), "%ld", erase_seq);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE redacted = ?1"
			       " AND ref IS NULL AND summary IS NULL AND case_id IS NULL"
			       " AND salt IS NULL AND hash IS NOT NULL", seq), of_case);
	/* Nothing names the case, its records or the family any more. */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE ?1 IN (ref, case_id)",
			       f.a), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE ref = ?1", f.member), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE ref = ?1", f.goal), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE action <> 'erase'"
			       " AND summary = 'R/2026/001'", NULL), 0);
	/* The other case is untouched. */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE case_id = ?1"
			       " AND redacted IS NULL", f.b), 1);
	assert_check_ok(t->db);
}

static void test_forged_redaction_is_named(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct fixture f;

	make(t->db, &f);
	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_OK);
	long erase_seq = test_db_count(t->db, "SELECT seq FROM audit WHERE action = 'erase'", NULL);
	char sql[200], what[200];

	/* Details of another entry blanked out in the erasure's name. */
	snprintf(sql, sizeof(sql), "UPDATE audit SET ref = NULL, summary = NULL, salt = NULL,"
		 " case_id = NULL, redacted = %ld WHERE seq = 1", erase_seq);
	tamper(t->path, sql);
	snprintf(what, sizeof(what), "entry %ld: the entries its erasure blanked out do not"
		 " match it (the first of them is entry 1)", erase_seq);
	assert_check_says(t->db, what);
}

static void test_unblanked_entry_is_named(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct fixture f;

	make(t->db, &f);
	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_OK);
	long first = test_db_count(t->db, "SELECT min(seq) FROM audit WHERE redacted IS NOT NULL", NULL);
	char sql[120], what[80];

	snprintf(sql, sizeof(sql), "UPDATE audit SET redacted = NULL WHERE seq = %ld", first);
	tamper(t->path, sql);
	snprintf(what, sizeof(what), "entry %ld was changed", first);
	assert_check_says(t->db, what);
}

/* --- listing ----------------------------------------------------------------------- */

static void test_list_by_role(void **state)
{
	struct test_db *t = *state;
	struct kz_audit_entries e = { 0 };
	struct kz_error err = { 0 };
	struct fixture f;

	make(t->db, &f);
	long all = test_db_count(t->db, "SELECT count(*) FROM audit", NULL);

	/* A coordinator: everything, oldest first, with the case codes. */
	assert_int_equal(kz_audit_list(t->db, NULL, &e, &err), KZ_OK);
	assert_int_equal(e.n, all);
	assert_int_equal(e.v[0].seq, 1);
	assert_string_equal(e.v[0].kind, "partner");
	assert_null(e.v[0].case_code);
	assert_string_equal(e.v[1].action, "create");
	assert_string_equal(e.v[1].case_code, "R/2026/001");
	kz_audit_entries_free(&e);
	assert_int_equal(kz_audit_list(t->db, "r/2026/002", &e, &err), KZ_OK);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].case_code, "R/2026/002");
	kz_audit_entries_free(&e);

	/* A worker: the entries of their own cases only. */
	kz_db_set_principal(t->db, "anna", KZ_ROLE_WORKER);
	assert_int_equal(kz_audit_list(t->db, NULL, &e, &err), KZ_OK);
	assert_int_equal(e.n, test_db_count(t->db, "SELECT count(*) FROM audit WHERE case_id = ?1", f.a));
	for (size_t i = 0; i < e.n; i++)
		assert_string_equal(e.v[i].case_code, "R/2026/001");
	kz_audit_entries_free(&e);
	assert_int_equal(kz_audit_list(t->db, "R/2026/001", &e, &err), KZ_OK);
	assert_true(e.n >= 4);
	kz_audit_entries_free(&e);
	assert_int_equal(kz_audit_list(t->db, "R/2026/002", &e, &err), KZ_INVALID);
	assert_string_equal(err.msg, "There is no case R/2026/002.");
	assert_int_equal(e.n, 0);

	/* A viewer: refused. */
	kz_db_set_principal(t->db, "vera", KZ_ROLE_VIEWER);
	assert_int_equal(kz_audit_list(t->db, NULL, &e, &err), KZ_DENIED);
	assert_non_null(strstr(err.msg, "Only a coordinator may read the whole audit trail"));
	assert_int_equal(kz_audit_list(t->db, "R/2026/001", &e, &err), KZ_DENIED);

	/* An erased case: a coordinator finds its erase entry by the code. */
	kz_db_set_principal(t->db, "tester", KZ_ROLE_COORDINATOR);
	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_OK);
	assert_int_equal(kz_audit_list(t->db, "R/2026/001", &e, &err), KZ_OK);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].action, "erase");
	assert_string_equal(e.v[0].case_code, "R/2026/001");
	kz_audit_entries_free(&e);
	assert_int_equal(kz_audit_list(t->db, NULL, &e, &err), KZ_OK);
	size_t redacted = 0;
	for (size_t i = 0; i < e.n; i++)
		if (e.v[i].redacted) {
			redacted++;
			assert_null(e.v[i].case_code);
			assert_null(e.v[i].ref);
			assert_null(e.v[i].summary);
		}
	assert_true(redacted >= 4);
	kz_audit_entries_free(&e);
	/* ... and the worker no longer sees any of it. */
	kz_db_set_principal(t->db, "anna", KZ_ROLE_WORKER);
	assert_int_equal(kz_audit_list(t->db, NULL, &e, &err), KZ_OK);
	assert_int_equal(e.n, 0);
	assert_int_equal(kz_audit_list(t->db, "R/2026/001", &e, &err), KZ_INVALID);
}

/* --- migration ------------------------------------------------------------------------ */

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_text(ctx, kz_fold((const char *)sqlite3_value_text(argv[0])), -1, free);
}

#define OLD_CASE "11111111-2222-4333-8444-555555555555"
#define OLD_MEMBER "11111111-2222-4333-8444-666666666666"

/* Schema version 5, with entries numbered 1, 2, 5, 6, 7 (3 and 4 went
 * with an erasure, as erasures did then). */
static void make_v5(const char *path)
{
	sqlite3 *h;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_create_function(h, "kz_fold", 1, SQLITE_UTF8, NULL, fold_fn, NULL, NULL);
	for (int v = 1; v <= 5; v++)
		for (const char *const *p = kz_db_migration(v); *p; p++)
			assert_int_equal(sqlite3_exec(h, *p, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"PRAGMA user_version = 5;"
		"INSERT INTO meta VALUES('app', 'koszyk');"
		"INSERT INTO cases(id, code, manager, legal_basis, legal_basis_note, opened_on,"
		" created_at, created_by, updated_at, updated_by) VALUES('" OLD_CASE "',"
		" 'R/2025/004', 'anna', 'statutory', 'asystent', '2025-01-02',"
		" '2025-01-02T00:00:00.000Z', 'anna', '2025-01-02T00:00:00.000Z', 'anna');"
		"INSERT INTO members(id, case_id, role, created_at, created_by, updated_at,"
		" updated_by) VALUES('" OLD_MEMBER "', '" OLD_CASE "', 'matka',"
		" '2025-01-02T00:00:00.000Z', 'anna', '2025-01-02T00:00:00.000Z', 'anna');"
		"INSERT INTO audit(seq, at, user, action, kind, ref, summary) VALUES"
		" (1, '2025-01-02T00:00:00.000Z', 'anna', 'create', 'case', '" OLD_CASE "', 'R/2025/004'),"
		" (2, '2025-01-02T00:00:01.000Z', 'anna', 'create', 'member', '" OLD_MEMBER "', NULL),"
		" (5, '2025-01-03T00:00:00.000Z', 'piotr', 'erase', 'case', NULL, 'R/2025/001'),"
		" (6, '2025-01-04T00:00:00.000Z', 'anna', 'delete', 'member',"
		"  '11111111-2222-4333-8444-777777777777', 'R/2025/004'),"
		" (7, '2025-01-05T00:00:00.000Z', 'anna', 'update', 'partner', NULL, 'x');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void test_migration_chains_existing_entries(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_db *db;

	kz_db_close(t->db);
	t->db = NULL;
	unlink(t->path);
	make_v5(t->path);
	assert_int_equal(kz_db_open(t->path, KZ_OPEN_EXISTING, &db, &err), KZ_OK);
	kz_db_set_principal(db, "tester", KZ_ROLE_COORDINATOR);
	t->db = db;
	assert_int_equal(test_db_count(db, "SELECT count(*) FROM audit WHERE hash IS NOT NULL", NULL), 5);
	assert_int_equal(test_db_count(db, "SELECT count(*) FROM audit WHERE case_id = '" OLD_CASE "'",
			       NULL), 3);
	assert_int_equal(test_db_count(db, "SELECT count(*) FROM audit WHERE seq = 5 AND case_id IS NULL",
			       NULL), 1);
	/* the old gap is no missing entry */
	assert_check_ok(db);
	/* new entries follow */
	assert_int_equal(kz_audit(db, "update", "partner", NULL, "y", &err), KZ_OK);
	assert_int_equal(test_db_count(db, "SELECT max(seq) FROM audit", NULL), 8);
	assert_check_ok(db);
	/* and tampering with the old ones is seen */
	tamper(t->path, "UPDATE audit SET user = 'mallory' WHERE seq = 2");
	assert_check_says(db, "entry 2 was changed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_entries_are_chained, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trail_only_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_entry_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_details_are_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moved_to_another_case_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_entry_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_entries_are_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_first_entry_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_last_entry_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reordered_entries_are_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rehashed_entry_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reading_is_an_entry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erasure_blanks_out_and_keeps_the_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forged_redaction_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unblanked_entry_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_by_role, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_chains_existing_entries, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
