/* Sync in named situations: the same code given offline on two laptops,
 * the same person added twice to a meeting, an erased case that a laptop
 * still edits, a deletion against a change, a copied database file,
 * files applied twice or in the wrong place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/config.h"
#include "koszyk/meetings.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#include "edit_contact.h"

struct pair {
	char dir[64];
	char hub_path[128], lap_path[128];
	struct kz_db *hub, *lap;
	struct kz_config cfg;
	char partner[KZ_ID_LEN + 1], contact[KZ_ID_LEN + 1];
	int files;
};

static void ok(enum kz_status st, const struct kz_error *err)
{
	if (st != KZ_OK)
		fail_msg("%s", err->msg);
}

static int setup(void **state)
{
	struct pair *p = xcalloc(1, sizeof(*p));
	struct kz_error err = { 0 };
	struct kz_partner partner = { 0 };
	struct kz_contact contact = { 0 };

	setenv("KOSZYK_TODAY", "2026-11-20", 1);
	snprintf(p->dir, sizeof(p->dir), "/tmp/koszyk-sync-XXXXXX");
	assert_non_null(mkdtemp(p->dir));
	snprintf(p->hub_path, sizeof(p->hub_path), "%s/hub.db", p->dir);
	snprintf(p->lap_path, sizeof(p->lap_path), "%s/lap.db", p->dir);
	ok(kz_config_load_builtin(&p->cfg, &err), &err);
	ok(kz_db_open(p->hub_path, KZ_OPEN_CREATE, &p->hub, &err), &err);
	kz_db_set_principal(p->hub, "akowalska", KZ_ROLE_COORDINATOR);
	partner.name = xstrdup("Ośrodek Pomocy Społecznej");
	ok(kz_partner_save(p->hub, &partner, &err), &err);
	memcpy(p->partner, partner.id, sizeof(partner.id));
	contact.partner_id = xstrdup(partner.id);
	contact.name = xstrdup("Anna Nowicka");
	ok(kz_contact_save(p->hub, &contact, &err), &err);
	memcpy(p->contact, contact.id, sizeof(contact.id));
	kz_partner_clear(&partner);
	kz_contact_clear(&contact);
	ok(kz_sync_clone(p->hub_path, p->lap_path, NULL, NULL, &err), &err);
	ok(kz_db_open(p->lap_path, KZ_OPEN_EXISTING, &p->lap, &err), &err);
	kz_db_set_principal(p->lap, "mnowak", KZ_ROLE_COORDINATOR);
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	struct pair *p = *state;
	char cmd[128];

	kz_db_close(p->hub);
	kz_db_close(p->lap);
	kz_config_free(&p->cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", p->dir);
	assert_int_equal(system(cmd), 0);
	free(p);
	unsetenv("KOSZYK_TODAY");
	return 0;
}

/* Everything from one to the other through a file, as kz_sync_export
 * writes it (what no known peer holds). */
static struct kz_sync_stats send(struct pair *p, struct kz_db *from, struct kz_db *to)
{
	struct kz_error err = { 0 };
	struct kz_sync_stats s;
	char path[160];

	snprintf(path, sizeof(path), "%s/f%d.sync", p->dir, p->files++);
	ok(kz_sync_export(from, path, &s, NULL, NULL, &err), &err);
	ok(kz_sync_import(to, path, &s, NULL, NULL, &err), &err);
	return s;
}

static void both_ways(struct pair *p)
{
	send(p, p->lap, p->hub);
	send(p, p->hub, p->lap);
}

static void assert_same(struct pair *p)
{
	struct kz_buf a = KZ_BUF_INIT, b = KZ_BUF_INIT;
	struct kz_error err = { 0 };

	ok(kz_sync_dump(p->hub, &a, &err), &err);
	ok(kz_sync_dump(p->lap, &b, &err), &err);
	assert_string_equal(kz_buf_str(&a), kz_buf_str(&b));
	kz_buf_free(&a);
	kz_buf_free(&b);
}

/* A meeting everyone holds, and the same person added to it on each
 * replica (x on the office server, y on the laptop). */
static void attend_twice(struct pair *p, struct kz_meeting *m, struct kz_attendee *x,
			 struct kz_attendee *y)
{
	struct kz_error err = { 0 };

	m->title = xstrdup("Posiedzenie zespołu");
	m->date = xstrdup("2026-12-01");
	ok(kz_meeting_save(p->hub, m, &err), &err);
	send(p, p->hub, p->lap);
	x->meeting_id = xstrdup(m->id);
	x->contact_id = xstrdup(p->contact);
	y->meeting_id = xstrdup(m->id);
	y->contact_id = xstrdup(p->contact);
	ok(kz_attendee_save(p->hub, x, &err), &err);
	ok(kz_attendee_save(p->lap, y, &err), &err);
}

static void open_case(struct pair *p, struct kz_db *db, char id[KZ_ID_LEN + 1],
		      char **code)
{
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };

	c.manager = xstrdup("mnowak");
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	ok(kz_case_save(db, &p->cfg, &c, &err), &err);
	memcpy(id, c.id, KZ_ID_LEN + 1);
	if (code)
		*code = xstrdup(c.code);
	kz_case_clear(&c);
}

static char *code_of(struct kz_db *db, const char *id)
{
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };
	char *code;

	ok(kz_case_get(db, id, &c, &err), &err);
	code = xstrdup(c.code);
	kz_case_clear(&c);
	return code;
}

static void test_same_code_offline_keeps_both(void **state)
{
	struct pair *p = *state;
	char a[KZ_ID_LEN + 1], b[KZ_ID_LEN + 1], *ca, *cb, *renamed, *kept;
	const char *loser;
	struct kz_conflict_list l;
	struct kz_error err = { 0 };

	open_case(p, p->hub, a, &ca);
	open_case(p, p->lap, b, &cb);
	assert_string_equal(ca, "R/2026/001");
	assert_string_equal(cb, "R/2026/001");
	both_ways(p);
	assert_same(p);
	/* The case with the greater id gets its code and 4 characters. */
	loser = strcmp(a, b) > 0 ? a : b;
	kept = code_of(p->hub, loser == a ? b : a);
	renamed = code_of(p->hub, loser);
	assert_string_equal(kept, "R/2026/001");
	assert_int_equal(strncmp(renamed, "R/2026/001-", 11), 0);
	assert_int_equal(strncmp(renamed + 11, loser, 4), 0);
	ok(kz_conflicts_list(p->lap, &l, &err), &err);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].row_id, loser);
	assert_string_equal(l.items[0].field, "code");
	assert_string_equal(l.items[0].note, "clash");
	assert_string_equal(l.items[0].label, renamed);
	kz_conflict_list_free(&l);
	/* A person gives it a code of its own; it travels. */
	ok(kz_conflict_resolve(p->lap, "cases", loser, "code", "R/2026/002", &err), &err);
	assert_int_equal(kz_conflicts_count(p->lap), 0);
	both_ways(p);
	assert_int_equal(kz_conflicts_count(p->hub), 0);
	free(renamed);
	renamed = code_of(p->hub, loser);
	assert_string_equal(renamed, "R/2026/002");
	assert_same(p);
	free(ca);
	free(cb);
	free(kept);
	free(renamed);
}

/* The case that had the code first is erased before the other arrives:
 * the rule is the same as if it were still there (the erasure carries its
 * code, nothing else). */
static void test_same_code_when_one_case_is_erased(void **state)
{
	struct pair *p = *state;
	char a[KZ_ID_LEN + 1], b[KZ_ID_LEN + 1], *ca, *cb, *now;
	struct kz_error err = { 0 };

	open_case(p, p->hub, a, &ca);
	open_case(p, p->lap, b, &cb);
	assert_string_equal(ca, cb);
	ok(kz_case_erase(p->hub, ca, &err), &err);
	both_ways(p);
	assert_same(p);
	now = code_of(p->lap, b);
	if (strcmp(a, b) < 0)
		assert_int_equal(strncmp(now, "R/2026/001-", 11), 0);
	else
		assert_string_equal(now, "R/2026/001");
	assert_int_equal(kz_conflicts_count(p->hub), strcmp(a, b) < 0);
	assert_int_equal(kz_conflicts_count(p->lap), strcmp(a, b) < 0);
	free(now);
	free(ca);
	free(cb);
}

/* The same person added to a meeting on two computers while one of them
 * removes its row: of the two rows the one with the smaller id decides,
 * alive or not, so both computers end the same. */
static void test_same_person_twice_one_removed(void **state)
{
	struct pair *p = *state;
	struct kz_meeting m = { 0 };
	struct kz_attendee x = { 0 }, y = { 0 };
	struct kz_error err = { 0 };
	sqlite3_stmt *st;
	int n = -1;

	attend_twice(p, &m, &x, &y);
	ok(kz_meeting_part_delete(p->hub, "attendee", x.id, &err), &err);
	both_ways(p);
	assert_same(p);
	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(p->lap),
		"SELECT count(*) FROM attendees", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	assert_int_equal(n, strcmp(x.id, y.id) < 0 ? 0 : 1);
	kz_meeting_clear(&m);
	kz_attendee_clear(&x);
	kz_attendee_clear(&y);
}

/* Choosing the value the record already holds settles the conflict too,
 * here and, after the exchange, there. */
static void test_keeping_the_provisional_value(void **state)
{
	struct pair *p = *state;
	struct kz_contact c = { 0 };
	struct kz_conflict_list l;
	struct kz_error err = { 0 };
	char *kept;

	edit_contact(p->lap, p->contact, "phone", "600 100 200");
	edit_contact(p->hub, p->contact, "phone", "600 999 999");
	both_ways(p);
	ok(kz_conflicts_list(p->hub, &l, &err), &err);
	assert_int_equal(l.n, 1);
	assert_true(l.items[0].values[0].current);
	kept = xstrdup(l.items[0].values[0].value);
	kz_conflict_list_free(&l);
	ok(kz_conflict_resolve(p->hub, "contacts", p->contact, "phone", kept, &err), &err);
	assert_int_equal(kz_conflicts_count(p->hub), 0);
	assert_int_equal(kz_conflicts_count(p->lap), 1);
	both_ways(p);
	assert_int_equal(kz_conflicts_count(p->lap), 0);
	ok(kz_contact_get(p->lap, p->contact, &c, &err), &err);
	assert_string_equal(c.phone, kept);
	kz_contact_clear(&c);
	assert_same(p);
	free(kept);
}

static void test_same_person_twice_at_a_meeting(void **state)
{
	struct pair *p = *state;
	struct kz_meeting m = { 0 };
	struct kz_attendee x = { 0 }, y = { 0 };
	sqlite3_stmt *st;
	int n = -1;

	attend_twice(p, &m, &x, &y);
	both_ways(p);
	assert_same(p);
	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(p->lap),
		"SELECT count(*) FROM attendees WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, strcmp(x.id, y.id) < 0 ? x.id : y.id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	assert_int_equal(n, 1); /* the smaller id stays, once */
	kz_meeting_clear(&m);
	kz_attendee_clear(&x);
	kz_attendee_clear(&y);
}

static void test_erased_case_never_comes_back(void **state)
{
	struct pair *p = *state;
	char id[KZ_ID_LEN + 1], *code;
	struct kz_member m = { 0 };
	struct kz_case c = { 0 };
	struct kz_error err = { 0 };
	struct kz_buf dump = KZ_BUF_INIT;

	open_case(p, p->hub, id, &code);
	both_ways(p);
	/* The laptop goes on working with the case, offline ... */
	m.case_id = xstrdup(id);
	m.role = xstrdup("matka");
	m.name = xstrdup("Zofia Zielonooka");
	ok(kz_member_save(p->lap, &m, &err), &err);
	/* ... while the office erases it. */
	ok(kz_case_erase(p->hub, code, &err), &err);
	both_ways(p);
	both_ways(p);
	assert_int_equal(kz_case_get(p->lap, id, &c, &err), KZ_NOT_FOUND);
	assert_int_equal(kz_case_get(p->hub, id, &c, &err), KZ_NOT_FOUND);
	ok(kz_sync_dump(p->hub, &dump, &err), &err);
	assert_null(strstr(kz_buf_str(&dump), "Zielonooka"));
	assert_null(strstr(kz_buf_str(&dump), id));
	assert_same(p);
	kz_buf_free(&dump);
	/* Not in the laptop's file either, where the name was written. */
	{
		char *data;
		size_t len;
		ok(kz_read_file(p->lap_path, &data, &len, &err), &err);
		assert_null(memmem(data, len, "Zielonooka", 10));
		free(data);
	}
	free(code);
	kz_member_clear(&m);
}

static void test_delete_wins_over_a_change(void **state)
{
	struct pair *p = *state;
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };

	edit_contact(p->lap, p->contact, "phone", "600 100 200");
	ok(kz_contact_delete(p->hub, p->contact, &err), &err);
	both_ways(p);
	assert_int_equal(kz_contact_get(p->lap, p->contact, &c, &err), KZ_NOT_FOUND);
	assert_same(p);
	assert_int_equal(kz_conflicts_count(p->lap), 0);
	/* The person whose change was lost is told, and so is the office. */
	struct kz_dropped_list l;
	ok(kz_dropped_list(p->lap, &l, &err), &err);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].reason, "deleted");
	assert_string_equal(l.items[0].kind, "contact");
	assert_string_equal(l.items[0].row_id, p->contact);
	assert_string_equal(l.items[0].fields, "phone");
	assert_string_equal(l.items[0].user, "mnowak");
	ok(kz_dropped_dismiss(p->lap, &l.items[0], &err), &err);
	kz_dropped_list_free(&l);
	assert_int_equal(kz_dropped_count(p->lap), 0);
	ok(kz_dropped_list(p->hub, &l, &err), &err);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].fields, "phone");
	kz_dropped_list_free(&l);
}

static void test_different_fields_merge(void **state)
{
	struct pair *p = *state;
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };

	edit_contact(p->lap, p->contact, "phone", "600 100 200");
	edit_contact(p->hub, p->contact, "email", "a.nowicka@ops.example");
	both_ways(p);
	ok(kz_contact_get(p->hub, p->contact, &c, &err), &err);
	assert_string_equal(c.phone, "600 100 200");
	assert_string_equal(c.email, "a.nowicka@ops.example");
	kz_contact_clear(&c);
	assert_int_equal(kz_conflicts_count(p->hub), 0);
	assert_same(p);
}

static void test_files_twice_and_in_the_wrong_place(void **state)
{
	struct pair *p = *state;
	struct kz_error err = { 0 };
	struct kz_sync_stats s;
	struct kz_db *other;
	char path[160], other_path[160];

	edit_contact(p->lap, p->contact, "notes", "dzwonić po 12");
	snprintf(path, sizeof(path), "%s/twice.sync", p->dir);
	ok(kz_sync_export(p->lap, path, &s, NULL, NULL, &err), &err);
	assert_int_equal(s.tx_sent, 1);
	ok(kz_sync_import(p->hub, path, &s, NULL, NULL, &err), &err);
	assert_int_equal(s.tx_applied, 1);
	ok(kz_sync_import(p->hub, path, &s, NULL, NULL, &err), &err);
	assert_int_equal(s.tx_applied, 0);
	assert_int_equal(s.tx_skipped, 1);
	/* Written here: apply it there. */
	assert_int_equal(kz_sync_import(p->lap, path, &s, NULL, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "this very database"));
	/* Another partnership's database refuses it. */
	snprintf(other_path, sizeof(other_path), "%s/other.db", p->dir);
	ok(kz_db_open(other_path, KZ_OPEN_CREATE, &other, &err), &err);
	assert_int_equal(kz_sync_import(other, path, &s, NULL, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "another partnership"));
	kz_db_close(other);
	/* The export does not overwrite a file. */
	assert_int_equal(kz_sync_export(p->lap, path, &s, NULL, NULL, &err), KZ_INVALID);
}

/* The office exports what its known peers lack; a laptop it has not heard
 * of (a copy made from another laptop) may lack more: what depends on the
 * missing changes waits, the rest is applied, and after the laptop has
 * been heard from all arrives. */
static void test_changes_wait_for_what_they_saw(void **state)
{
	struct pair *p = *state;
	struct kz_db *lap2;
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };
	struct kz_sync_stats s;
	char lap2_path[160];

	snprintf(lap2_path, sizeof(lap2_path), "%s/lap2.db", p->dir);
	ok(kz_sync_clone(p->lap_path, lap2_path, NULL, NULL, &err), &err);
	ok(kz_db_open(lap2_path, KZ_OPEN_EXISTING, &lap2, &err), &err);
	kz_db_set_principal(lap2, "pwisniewski", KZ_ROLE_COORDINATOR);
	/* The first laptop changes the phone and tells the office ... */
	edit_contact(p->lap, p->contact, "phone", "600 100 200");
	send(p, p->lap, p->hub);
	/* ... which then changes the e-mail of that record, having seen it. */
	edit_contact(p->hub, p->contact, "email", "a.nowicka@ops.example");
	s = send(p, p->hub, lap2);
	assert_int_equal(s.tx_applied, 0);
	assert_int_equal(s.tx_waiting, 1);
	ok(kz_contact_get(lap2, p->contact, &c, &err), &err);
	assert_null(c.email);
	kz_contact_clear(&c);
	/* Once the office has heard from the second laptop, all arrives. */
	send(p, lap2, p->hub);
	s = send(p, p->hub, lap2);
	assert_int_equal(s.tx_applied, 2);
	assert_int_equal(s.tx_waiting, 0);
	ok(kz_contact_get(lap2, p->contact, &c, &err), &err);
	assert_string_equal(c.phone, "600 100 200");
	assert_string_equal(c.email, "a.nowicka@ops.example");
	kz_contact_clear(&c);
	kz_db_close(lap2);
}

/* A clone and its source know each other from the start. */
static void test_clone_and_source_know_each_other(void **state)
{
	struct pair *p = *state;
	struct kz_sync_info hub, lap;
	struct kz_error err = { 0 };

	ok(kz_sync_info(p->hub, &hub, &err), &err);
	ok(kz_sync_info(p->lap, &lap, &err), &err);
	assert_string_not_equal(hub.replica_id, lap.replica_id);
	assert_int_equal(hub.npeers, 1);
	assert_string_equal(hub.peers[0].replica, lap.replica_id);
	assert_int_equal(lap.npeers, 1);
	assert_string_equal(lap.peers[0].replica, hub.replica_id);
	assert_int_equal(lap.peers[0].behind, 0);
	kz_sync_info_clear(&hub);
	kz_sync_info_clear(&lap);
}

static void test_copied_file_gets_its_own_replica_id(void **state)
{
	struct pair *p = *state;
	struct kz_sync_info a, b;
	struct kz_error err = { 0 };
	struct kz_db *copy;
	char cmd[400], copy_path[160];
	bool renewed = true;

	snprintf(copy_path, sizeof(copy_path), "%s/copy.db", p->dir);
	sqlite3_exec(kz_db_handle(p->lap), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", p->lap_path, copy_path);
	assert_int_equal(system(cmd), 0);
	ok(kz_db_open(copy_path, KZ_OPEN_EXISTING, &copy, &err), &err);
	ok(kz_sync_info(p->lap, &a, &err), &err);
	ok(kz_sync_info(copy, &b, &err), &err);
	assert_string_equal(a.partnership_id, b.partnership_id);
	assert_string_not_equal(a.replica_id, b.replica_id);
	/* The original stays who it was. */
	ok(kz_sync_ensure_replica(p->lap, &renewed, &err), &err);
	assert_false(renewed);
	kz_sync_info_clear(&a);
	kz_sync_info_clear(&b);
	kz_db_close(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_code_offline_keeps_both, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keeping_the_provisional_value, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_person_twice_at_a_meeting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_code_when_one_case_is_erased, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_person_twice_one_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erased_case_never_comes_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_wins_over_a_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_different_fields_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_files_twice_and_in_the_wrong_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_wait_for_what_they_saw, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clone_and_source_know_each_other, setup, teardown),
		cmocka_unit_test_setup_teardown(test_copied_file_gets_its_own_replica_id, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
