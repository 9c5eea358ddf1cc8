/* Compaction of the change log: an office and four laptops cloned from it
 * edit and exchange through the office; the log is compacted at every
 * import. Every replica ends equal; nothing a known replica lacks ever
 * leaves a log; a laptop away for a long time still converges; a laptop
 * the office retired is told to clone anew and changes nothing; who
 * wrote a value in conflict is still shown; the Lamport clock never goes
 * back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/config.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#include "edit_contact.h"
#include "testutil.h"

#define NLAP 4

struct world {
	char dir[64];
	char office_path[128], lap_path[NLAP][128];
	struct kz_db *office, *lap[NLAP];
	char contact[KZ_ID_LEN + 1];
	int files;
	unsigned rng;
};

static void ok_at(enum kz_status st, const struct kz_error *err, int line)
{
	if (st != KZ_OK)
		fail_msg("line %d: %s", line, err->msg);
}
#define ok(st, err) ok_at((st), (err), __LINE__)

static unsigned rnd(struct world *w, unsigned n)
{
	w->rng = w->rng * 1103515245u + 12345u;
	return ((w->rng >> 8) & 0xffffff) % n;
}

static int setup(void **state)
{
	struct world *w = xcalloc(1, sizeof(*w));
	struct kz_error err = { 0 };
	struct kz_partner partner = { 0 };
	struct kz_contact contact = { 0 };

	setenv("KOSZYK_TODAY", "2026-11-20", 1);
	w->rng = 7;
	snprintf(w->dir, sizeof(w->dir), "/tmp/koszyk-compact-XXXXXX");
	assert_non_null(mkdtemp(w->dir));
	snprintf(w->office_path, sizeof(w->office_path), "%s/office.db", w->dir);
	ok(kz_db_open(w->office_path, KZ_OPEN_CREATE, &w->office, &err), &err);
	kz_db_set_principal(w->office, "akowalska", KZ_ROLE_COORDINATOR);
	partner.name = xstrdup("Ośrodek Pomocy Społecznej");
	ok(kz_partner_save(w->office, &partner, &err), &err);
	contact.partner_id = xstrdup(partner.id);
	contact.name = xstrdup("Anna Nowicka");
	ok(kz_contact_save(w->office, &contact, &err), &err);
	memcpy(w->contact, contact.id, sizeof(contact.id));
	kz_partner_clear(&partner);
	kz_contact_clear(&contact);
	for (int i = 0; i < NLAP; i++) {
		snprintf(w->lap_path[i], sizeof(w->lap_path[i]), "%s/lap%d.db", w->dir, i);
		ok(kz_sync_clone(w->office_path, w->lap_path[i], NULL, NULL, &err), &err);
		ok(kz_db_open(w->lap_path[i], KZ_OPEN_EXISTING, &w->lap[i], &err), &err);
		kz_db_set_principal(w->lap[i], "mnowak", KZ_ROLE_COORDINATOR);
	}
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	char cmd[128];

	kz_db_close(w->office);
	for (int i = 0; i < NLAP; i++)
		kz_db_close(w->lap[i]);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", w->dir);
	assert_int_equal(system(cmd), 0);
	free(w);
	unsetenv("KOSZYK_TODAY");
	return 0;
}

static char *next_file(struct world *w)
{
	return xasprintf("%s/f%d.sync", w->dir, w->files++);
}

static void send(struct world *w, struct kz_db *from, struct kz_db *to)
{
	struct kz_error err = { 0 };
	char *path = next_file(w);

	ok(kz_sync_export(from, path, NULL, NULL, NULL, &err), &err);
	ok(kz_sync_import(to, path, NULL, NULL, NULL, &err), &err);
	free(path);
}

static void exchange(struct world *w, int i)
{
	send(w, w->lap[i], w->office);
	send(w, w->office, w->lap[i]);
}

static void new_contact(struct world *w, struct kz_db *db, int n)
{
	struct kz_contact c = { 0 };
	struct kz_contact first = { 0 };
	struct kz_error err = { 0 };

	ok(kz_contact_get(db, w->contact, &first, &err), &err);
	c.partner_id = xstrdup(first.partner_id);
	c.name = xasprintf("Osoba %d", n);
	ok(kz_contact_save(db, &c, &err), &err);
	kz_contact_clear(&c);
	kz_contact_clear(&first);
}

/* A few random edits on the laptops that take part (and the office). */
static void edits(struct world *w, const bool *present, int n)
{
	static const char *const fields[] = { "phone", "email", "notes" };

	for (int k = 0; k < n; k++) {
		int who = (int)rnd(w, NLAP + 1);
		struct kz_db *db = who == NLAP ? w->office : w->lap[who];
		char *value;
		if (who < NLAP && !present[who])
			continue;
		value = xasprintf("v%u", rnd(w, 100000));
		if (rnd(w, 4) == 0)
			new_contact(w, db, (int)rnd(w, 100000));
		else
			edit_contact(db, w->contact, fields[rnd(w, 3)], value);
		free(value);
	}
}

static char *dump(struct kz_db *db)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_error err = { 0 };

	ok(kz_sync_dump(db, &b, &err), &err);
	return kz_buf_detach(&b);
}

static void assert_all_equal(struct world *w, const bool *present)
{
	char *want = dump(w->office);

	for (int i = 0; i < NLAP; i++) {
		char *got;
		if (present && !present[i])
			continue;
		got = dump(w->lap[i]);
		assert_string_equal(want, got);
		free(got);
	}
	free(want);
}

static long log_rows(struct kz_db *db)
{
	return test_db_count(db, "SELECT count(*) FROM sync_tx", NULL);
}

static char *clock_of(struct kz_db *db)
{
	struct kz_sync_info info;
	struct kz_error err = { 0 };
	char *c;

	ok(kz_sync_info(db, &info, &err), &err);
	c = xstrdup(info.clock);
	kz_sync_info_clear(&info);
	return c;
}

static char *replica_of(struct kz_db *db)
{
	struct kz_sync_info info;
	struct kz_error err = { 0 };
	char *c;

	ok(kz_sync_info(db, &info, &err), &err);
	c = xstrdup(info.replica_id);
	kz_sync_info_clear(&info);
	return c;
}

/* Every transaction the clock `lacks_from` (a replica's clock) lacks and
 * db holds by its clock is still in db's log. */
static void log_keeps_what_is_lacked(struct kz_db *db, const char *lacks_from)
{
	char *mine = clock_of(db), *p, *save = NULL;

	for (p = strtok_r(mine, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
		char origin[64], *pat;
		long long held, theirs = 0;
		const char *q;
		assert_int_equal(sscanf(p, "%63[^:]:%lld", origin, &held), 2);
		pat = xasprintf("%s:", origin);
		q = strstr(lacks_from, pat);
		if (q)
			theirs = strtoll(q + strlen(pat), NULL, 10);
		free(pat);
		for (long long s = theirs + 1; s <= held; s++) {
			char *sql = xasprintf("SELECT count(*) FROM sync_tx WHERE origin = ?1"
					      " AND seq = %lld", s);
			if (test_db_count(db, sql, origin) != 1)
				fail_msg("%s:%lld left the log though a known replica lacks it", origin, s);
			free(sql);
		}
	}
	free(mine);
}

static void rounds(struct world *w, const bool *present, int n)
{
	for (int r = 0; r < n; r++) {
		edits(w, present, 12);
		for (int i = 0; i < NLAP; i++)
			if (present[i])
				exchange(w, i);
	}
}

static void test_compacted_replicas_converge(void **state)
{
	struct world *w = *state;
	const bool all[NLAP] = { true, true, true, true };
	struct kz_sync_compact_stats c;
	struct kz_error err = { 0 };
	long written;

	rounds(w, all, 10);
	/* Twice round: every laptop has heard what the others hold. */
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < NLAP; i++)
			exchange(w, i);
	assert_all_equal(w, NULL);
	written = test_db_count(w->office, "SELECT sum(seq) FROM sync_clock", NULL);
	/* At every import: what every laptop holds left the office's log. */
	assert_true(log_rows(w->office) < written / 4);
	ok(kz_sync_compact(w->office, &c, &err), &err);
	assert_int_equal(c.peers, NLAP);
	assert_int_equal(c.tx_left, 0);
	assert_true(log_rows(w->lap[0]) < written / 4);
	/* And the work goes on after compaction. */
	rounds(w, all, 3);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < NLAP; i++)
			exchange(w, i);
	assert_all_equal(w, NULL);
	/* The database's own check counts what left the log as held. */
	assert_int_equal(test_db_count(w->office,
		"SELECT count(*) FROM sync_clock c WHERE c.seq <> coalesce((SELECT seq FROM sync_horizon h"
		" WHERE h.origin = c.origin), 0) + (SELECT count(*) FROM sync_tx t WHERE t.origin = c.origin"
		" AND t.seq > coalesce((SELECT seq FROM sync_horizon h WHERE h.origin = c.origin), 0))",
		NULL), 0);
}

static void test_a_laptop_away_holds_the_log_and_converges(void **state)
{
	struct world *w = *state;
	const bool all[NLAP] = { true, true, true, true };
	const bool away[NLAP] = { true, true, true, false };
	struct kz_sync_compact_stats c;
	struct kz_error err = { 0 };
	char *left_with;

	rounds(w, all, 3);
	left_with = clock_of(w->lap[3]);
	rounds(w, away, 12);
	/* What laptop 3 lacks is kept, at the office and on the laptops. */
	log_keeps_what_is_lacked(w->office, left_with);
	ok(kz_sync_compact(w->office, &c, &err), &err);
	assert_true(c.tx_left > 0);
	log_keeps_what_is_lacked(w->office, left_with);
	free(left_with);
	/* It comes back: it gets everything, and so do the others. */
	exchange(w, 3);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < NLAP; i++)
			exchange(w, i);
	assert_all_equal(w, all);
}

static void test_a_retired_laptop_is_told_to_clone_anew(void **state)
{
	struct world *w = *state;
	const bool away[NLAP] = { true, true, true, false };
	struct kz_error err = { 0 };
	char *before, *after, *path, *lap3 = replica_of(w->lap[3]);
	char clone_path[160];
	struct kz_db *fresh;

	rounds(w, away, 2);
	edit_contact(w->lap[3], w->contact, "notes", "zapisane w terenie");
	/* A worker may not retire it; a coordinator may. */
	kz_db_set_principal(w->office, "mnowak", KZ_ROLE_WORKER);
	assert_int_equal(kz_sync_forget(w->office, lap3, &err), KZ_DENIED);
	kz_db_set_principal(w->office, "akowalska", KZ_ROLE_COORDINATOR);
	assert_int_equal(kz_sync_forget(w->office, "no-such-replica", &err), KZ_NOT_FOUND);
	ok(kz_sync_forget(w->office, lap3, &err), &err);
	rounds(w, away, 3);
	assert_true(test_db_count(w->office, "SELECT count(*) FROM sync_horizon", NULL) > 0);

	/* Its changes still reach the office. */
	send(w, w->lap[3], w->office);
	before = dump(w->office);
	assert_non_null(strstr(before, "zapisane w terenie"));
	free(before);
	/* The office's answer is refused, and nothing changes there. */
	before = dump(w->lap[3]);
	path = next_file(w);
	ok(kz_sync_export(w->office, path, NULL, NULL, NULL, &err), &err);
	assert_int_equal(kz_sync_import(w->lap[3], path, NULL, NULL, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "koszyk sync clone"));
	after = dump(w->lap[3]);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(path);

	/* A clone made anew holds what the office holds. */
	snprintf(clone_path, sizeof(clone_path), "%s/anew.db", w->dir);
	ok(kz_sync_clone(w->office_path, clone_path, NULL, NULL, &err), &err);
	ok(kz_db_open(clone_path, KZ_OPEN_EXISTING, &fresh, &err), &err);
	kz_db_set_principal(fresh, "akowalska", KZ_ROLE_COORDINATOR);
	before = dump(w->office);
	after = dump(fresh);
	assert_string_equal(before, after);
	free(before);
	free(after);
	kz_db_close(fresh);
	free(lap3);
}

static void test_who_wrote_a_conflict_stays(void **state)
{
	struct world *w = *state;
	const bool all[NLAP] = { true, true, true, true };
	struct kz_conflict_list l;
	struct kz_error err = { 0 };

	edit_contact(w->lap[0], w->contact, "phone", "111");
	edit_contact(w->lap[1], w->contact, "phone", "222");
	rounds(w, all, 4);
	for (int i = 0; i < NLAP; i++)
		exchange(w, i);
	ok(kz_conflicts_list(w->office, &l, &err), &err);
	assert_true(l.n >= 1);
	for (size_t k = 0; k < l.n; k++)
		for (size_t v = 0; v < l.items[k].nvalues; v++) {
			assert_non_null(l.items[k].values[v].user);
			assert_non_null(l.items[k].values[v].at);
		}
	kz_conflict_list_free(&l);
	assert_true(test_db_count(w->office, "SELECT count(*) FROM sync_horizon", NULL) > 0);
}

static void test_the_clock_never_goes_back(void **state)
{
	struct world *w = *state;
	const bool all[NLAP] = { true, true, true, true };
	struct kz_error err = { 0 };
	long long before;

	rounds(w, all, 2);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < NLAP; i++)
			exchange(w, i);
	ok(kz_sync_compact(w->office, NULL, &err), &err);
	before = test_db_count(w->office, "SELECT max(lamport) FROM sync_horizon", NULL);
	assert_true(before > 0);
	edit_contact(w->office, w->contact, "notes", "po kompakcji");
	assert_true(test_db_count(w->office, "SELECT max(lamport) FROM sync_tx", NULL) > before);
}

/* Migration 24: the change log of schema 23 (a WITHOUT ROWID table) is
 * moved whole into a table with rowids, in its order, and the replicas
 * still exchange and converge. */
static void test_log_of_schema_23_is_kept(void **state)
{
	struct world *w = *state;
	const bool all[NLAP] = { true, true, true, true };
	struct kz_error err = { 0 };
	sqlite3 *h;
	const char *list = "SELECT group_concat(origin || seq || idx || tbl || row_id || op"
			   " || coalesce(vals, ''), '|') FROM (SELECT * FROM sync_change"
			   " ORDER BY origin, seq, idx)";
	char *before, *after;

	rounds(w, all, 2);
	before = test_db_text(w->office, list);
	assert_true(strlen(before) > 1000);
	kz_db_close(w->office);
	assert_int_equal(sqlite3_open(w->office_path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"CREATE TABLE old_log (origin TEXT NOT NULL, seq INTEGER NOT NULL,"
		" idx INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL,"
		" op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D', 'E')), vals TEXT,"
		" PRIMARY KEY (origin, seq, idx)) WITHOUT ROWID;"
		" INSERT INTO old_log SELECT origin, seq, idx, tbl, row_id, op, vals FROM sync_change;"
		" DROP TABLE sync_change; ALTER TABLE old_log RENAME TO sync_change;"
		" CREATE INDEX sync_change_row ON sync_change(row_id);"
		" PRAGMA user_version = 23", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ok(kz_db_open(w->office_path, KZ_OPEN_EXISTING, &w->office, &err), &err);
	kz_db_set_principal(w->office, "akowalska", KZ_ROLE_COORDINATOR);
	assert_int_equal(test_db_count(w->office, "PRAGMA user_version", NULL),
			 kz_db_schema_version());
	assert_int_equal(test_db_count(w->office, "SELECT count(*) FROM sqlite_master"
				       " WHERE name = 'sync_change' AND sql LIKE '%WITHOUT ROWID%'",
				       NULL), 0);
	after = test_db_text(w->office, list);
	assert_string_equal(before, after);
	free(before);
	free(after);
	rounds(w, all, 2);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < NLAP; i++)
			exchange(w, i);
	assert_all_equal(w, all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_compacted_replicas_converge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_laptop_away_holds_the_log_and_converges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_retired_laptop_is_told_to_clone_anew, setup, teardown),
		cmocka_unit_test_setup_teardown(test_who_wrote_a_conflict_stays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_clock_never_goes_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_log_of_schema_23_is_kept, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
