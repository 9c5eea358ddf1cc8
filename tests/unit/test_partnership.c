/* The partnership's life: a partner's membership history derived from the
 * change log, the declaration and the meetings, and the partnership
 * report, on data written here by hand (the change log's days are set by
 * hand after each write, since writes carry the clock's time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "koszyk/basket.h"
#include "koszyk/config.h"
#include "koszyk/partnership.h"
#include "koszyk/reports.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

#define STAMP "'2025-01-01T00:00:00.000Z', 't', '2025-01-01T00:00:00.000Z', 't'"

static void sql(struct kz_db *db, const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(kz_db_handle(db), text, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("sql: %s", msg);
}

/* The newest write of the change log happened on day. */
static void dated(struct kz_db *db, const char *day)
{
	char q[256];

	snprintf(q, sizeof q, "UPDATE sync_tx SET at = '%sT12:00:00.000Z'"
		 " WHERE lamport = (SELECT max(lamport) FROM sync_tx)", day);
	sql(db, q);
}

static void save(struct kz_db *db, struct kz_partner *p, const char *status,
		 const char *declared, const char *day)
{
	struct kz_error err = { 0 };

	kz_str_set(&p->status, status);
	if (declared)
		kz_str_set(&p->declaration_date, declared);
	if (kz_partner_save(db, p, &err) != KZ_OK)
		fail_msg("partner: %s", err.msg);
	dated(db, day);
}

static void add_partner(struct kz_db *db, const char *name, const char *sectors,
			const char *status, const char *declared,
			char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };

	p.name = xstrdup(name);
	p.sectors = xstrdup(sectors);
	save(db, &p, status, declared, "2025-01-01");
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
}

static void test_history(void **state)
{
	struct test_db t;
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };
	struct kz_steps s;
	char q[4096];

	(void)state;
	test_db_open(&t);
	p.name = xstrdup("Fundacja Alfa");
	p.sectors = xstrdup("ngo");
	save(t.db, &p, "invited", NULL, "2025-01-10");
	save(t.db, &p, "declared", "2025-03-01", "2025-03-02");
	save(t.db, &p, "left", NULL, "2025-09-30");
	save(t.db, &p, "informal", NULL, "2026-02-01");
	snprintf(q, sizeof q,
		 "UPDATE partners SET created_at = '2025-01-10T08:00:00.000Z' WHERE id = '%s';"
		 "INSERT INTO contacts (id, partner_id, name, created_at, created_by,"
		 " updated_at, updated_by) VALUES ('c1', '%s', 'Ewa', " STAMP ");"
		 "INSERT INTO cases (id, code, manager, legal_basis, opened_on,"
		 " created_at, created_by, updated_at, updated_by) VALUES"
		 " ('k1', 'R/1', 'tester', 'statutory', '2025-01-01', " STAMP ");"
		 "INSERT INTO meetings (id, kind, case_id, title, date, created_at,"
		 " created_by, updated_at, updated_by) VALUES"
		 " ('m0', 'case_team', 'k1', 'Zespół R/1', '2025-02-01', " STAMP "),"
		 " ('m1', 'partnership', NULL, 'Posiedzenie 1', '2025-02-15', " STAMP "),"
		 " ('m2', 'partnership', NULL, 'Posiedzenie 2', '2025-06-15', " STAMP ");"
		 "INSERT INTO attendees (id, meeting_id, contact_id, attended,"
		 " created_at, created_by, updated_at, updated_by) VALUES"
		 " ('a0', 'm0', 'c1', 1, " STAMP "), ('a1', 'm1', 'c1', 1, " STAMP "),"
		 " ('a2', 'm2', 'c1', 1, " STAMP ");",
		 p.id, p.id);
	sql(t.db, q);

	assert_int_equal(kz_partner_history(t.db, p.id, &s, &err), KZ_OK);
	assert_int_equal(s.n, 6);
	assert_string_equal(s.v[0].date, "2025-01-10");
	assert_int_equal(s.v[0].kind, KZ_STEP_RECORDED);
	assert_string_equal(s.v[1].date, "2025-01-10");
	assert_int_equal(s.v[1].kind, KZ_STEP_INVITED);
	/* The case team's meeting (2025-02-01) is not the partnership's. */
	assert_string_equal(s.v[2].date, "2025-02-15");
	assert_int_equal(s.v[2].kind, KZ_STEP_FIRST_MEETING);
	assert_string_equal(s.v[2].detail, "Posiedzenie 1");
	assert_string_equal(s.v[3].date, "2025-03-01");
	assert_int_equal(s.v[3].kind, KZ_STEP_DECLARED);
	assert_string_equal(s.v[4].date, "2025-09-30");
	assert_int_equal(s.v[4].kind, KZ_STEP_LEFT);
	assert_string_equal(s.v[5].date, "2026-02-01");
	assert_int_equal(s.v[5].kind, KZ_STEP_RETURNED);
	assert_string_equal(kz_step_name(KZ_STEP_RETURNED), "returned");
	kz_steps_free(&s);

	assert_int_equal(kz_partner_history(t.db, "no-such-id", &s, &err),
			 KZ_NOT_FOUND);
	kz_partner_clear(&p);
	test_db_close(&t);
}

/* A value of the row with id in table p (by key). */
static const char *cell(const struct kz_report *p, const char *id,
			const char *key)
{
	for (size_t i = 0; i < p->nrows; i++) {
		if (strcmp(p->rows[i].id, id) != 0)
			continue;
		for (size_t j = 0; j < p->ncols; j++)
			if (strcmp(p->keys[j], key) == 0)
				return p->rows[i].cells[j];
	}
	fail_msg("no %s of %s in %s", key, id, p->name);
	return NULL;
}

static void test_report(void **state)
{
	struct test_db t;
	struct kz_config cfg;
	struct kz_error err = { 0 };
	struct kz_report r;
	const struct kz_report *p;
	char a[KZ_ID_LEN + 1], b[KZ_ID_LEN + 1], c[KZ_ID_LEN + 1];
	char q[4096];
	const char *yaml = "gmina: T\nsectors: [ngo, edukacja, biznes]\n"
			   "partner_kinds: [k]\ncategories: [c]\n"
			   "target_groups: [d]\nneed_areas: [e]\n";

	(void)state;
	test_db_open(&t);
	assert_int_equal(kz_config_load_string(&cfg, yaml, strlen(yaml), "p.yaml",
					       &err), KZ_OK);
	/* A and B signed (ngo; ngo and edukacja), C cooperates (biznes). */
	add_partner(t.db, "Alfa", "ngo", "declared", "2025-02-01", a);
	add_partner(t.db, "Beta", "ngo;edukacja", "declared", "2025-01-15", b);
	add_partner(t.db, "Gamma", "biznes", "informal", NULL, c);
	snprintf(q, sizeof q,
		 "INSERT INTO contacts (id, partner_id, name, created_at, created_by,"
		 " updated_at, updated_by) VALUES ('ca', '%s', 'Ala', " STAMP "),"
		 " ('cc', '%s', 'Cezary', " STAMP ");"
		 "INSERT INTO meetings (id, kind, title, date, host_id, chair_id,"
		 " created_at, created_by, updated_at, updated_by) VALUES"
		 " ('m1', 'partnership', 'P1', '2025-03-01', '%s', NULL, " STAMP "),"
		 " ('m2', 'partnership', 'P2', '2025-06-01', '%s', '%s', " STAMP ");"
		 "INSERT INTO attendees (id, meeting_id, contact_id, attended,"
		 " created_at, created_by, updated_at, updated_by) VALUES"
		 " ('x1', 'm1', 'ca', 1, " STAMP "), ('x2', 'm1', 'cc', 0, " STAMP "),"
		 " ('x3', 'm2', 'cc', 0, " STAMP ");",
		 a, c, a, a, b);
	sql(t.db, q);

	if (kz_report_run(t.db, &cfg, "partnership", &r, &err) != KZ_OK)
		fail_msg("partnership: %s", err.msg);
	/* Who joined when: Beta signed first; Alfa attended P1. */
	assert_int_equal(r.nrows, 2);
	assert_string_equal(r.rows[0].id, b);
	assert_string_equal(cell(&r, a, "declared_on"), "2025-02-01");
	assert_string_equal(cell(&r, a, "first_meeting"), "2025-03-01");
	assert_string_equal(cell(&r, b, "first_meeting"), "");
	/* Sectors: ngo has two that signed, edukacja one (thin), biznes none
	 * (missing, one informal). */
	p = r.next;
	assert_string_equal(cell(p, "ngo", "declared"), "2");
	assert_string_equal(cell(p, "ngo", "verdict"), "");
	assert_string_equal(cell(p, "edukacja", "verdict"), "thin");
	assert_string_equal(cell(p, "biznes", "declared"), "0");
	assert_string_equal(cell(p, "biznes", "informal"), "1");
	assert_string_equal(cell(p, "biznes", "verdict"), "missing");
	/* Never attended: Beta (never invited) and Gamma (invited twice). */
	p = p->next;
	assert_int_equal(p->nrows, 2);
	assert_string_equal(cell(p, b, "invitations"), "0");
	assert_string_equal(cell(p, c, "invitations"), "2");
	assert_string_equal(cell(p, c, "last_invited"), "2025-06-01");
	/* Hosting: Alfa both meetings; Beta, who signed, chaired P2; Gamma
	 * is not listed (neither signed nor hosted nor chaired). */
	p = p->next;
	assert_int_equal(p->nrows, 2);
	assert_string_equal(p->rows[0].id, a);
	assert_string_equal(cell(p, a, "hosted"), "2");
	assert_string_equal(cell(p, a, "chaired"), "0");
	assert_string_equal(cell(p, b, "hosted"), "0");
	assert_string_equal(cell(p, b, "chaired"), "1");
	assert_non_null(strstr(p->note, "the busiest host holding 100%; 1 partner(s) chaired"));
	assert_null(p->next);
	kz_report_free(&r);
	kz_config_free(&cfg);
	test_db_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
