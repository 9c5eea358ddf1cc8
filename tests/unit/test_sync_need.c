/* Need-to-know replicas under random work: an office database (a
 * coordinator, "boss") and the laptops of two workers (w0, w1), each
 * cloned for its worker. Random edits at the office (cases for either
 * worker, members, sharing, unsharing, giving a case to the other worker,
 * erasing, the basket) and on the laptops (their cases, members, sharing
 * their own cases, the basket), and exchanges in random order: by change
 * files both ways (sync export on the laptop, sync export --for her at
 * the office), or as sync serve does it (her file first, the answer for
 * her clock).
 *
 * After every import a laptop holds no case its worker may not see (by
 * its own data). At the end, after everyone has exchanged, each laptop
 * holds exactly what a new clone made for its worker at the office holds
 * (the canonical dumps are equal), and the raw bytes of its file hold no
 * name of a member of a case she may not see.
 *
 * NEED_SEED=N reruns one sequence; NEED_STEPS=N changes the length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/config.h"
#include "koszyk/sync.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

#include <sqlite3.h>

/* The data layer's own (src/db/sync_internal.h): sync serve tells it who
 * logged in. */
void kz_sync_set_peer_login(struct kz_db *db, const char *login);

#define NLAP 2

struct world {
	char dir[64];
	char hub_path[128], lap_path[NLAP][128];
	struct kz_db *hub, *lap[NLAP];
	struct kz_config cfg;
	char partner[KZ_ID_LEN + 1];
	unsigned rng;
	int files, names;
	long arrived, left, refused, shares, reassigns;
};

static const char *const worker[NLAP] = { "w0", "w1" };

static unsigned rnd(struct world *w, unsigned n)
{
	w->rng = w->rng * 1103515245u + 12345u;
	return ((w->rng >> 8) & 0xffffff) % n;
}

static void check(enum kz_status st, const struct kz_error *err, const char *what)
{
	if (st != KZ_OK)
		fail_msg("%s: %s (status %d)", what, err->msg, st);
}

/* A random id from a one-column query on db (NULL: none; caller frees). */
static char *pick(struct world *w, struct kz_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *q;
	char **ids = NULL, *one = NULL;
	size_t n = 0;

	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &q, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(q) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof(*ids));
		ids[n++] = xstrdup((const char *)sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	if (n > 0) {
		size_t k = rnd(w, (unsigned)n);
		one = ids[k];
		ids[k] = NULL;
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return one;
}

/* The cases the principal of db may see there. */
#define VISIBLE_CASES \
	"SELECT id FROM cases c WHERE c.manager = ?1 OR EXISTS (SELECT 1 FROM" \
	" case_shares s WHERE s.case_id = c.id AND s.login = ?1 AND s.revoked = 0) ORDER BY id"

static void use_config(struct world *w)
{
	static const struct { const char *login, *name; enum kz_role role; } people[] = {
		{ "boss", "Koordynatorka", KZ_ROLE_COORDINATOR },
		{ "w0", "Pracownica 0", KZ_ROLE_WORKER },
		{ "w1", "Pracownik 1", KZ_ROLE_WORKER },
	};
	struct kz_error err = { 0 };

	check(kz_config_load_builtin(&w->cfg, &err), &err, "config");
	for (size_t i = 0; i < w->cfg.n_users; i++) {
		free(w->cfg.users[i].login);
		free(w->cfg.users[i].name);
		free(w->cfg.users[i].phone);
	}
	free(w->cfg.users);
	w->cfg.n_users = sizeof(people) / sizeof(people[0]);
	w->cfg.users = xcalloc(w->cfg.n_users, sizeof(*w->cfg.users));
	for (size_t i = 0; i < w->cfg.n_users; i++) {
		w->cfg.users[i].login = xstrdup(people[i].login);
		w->cfg.users[i].name = xstrdup(people[i].name);
		w->cfg.users[i].role = people[i].role;
	}
}

/* --- edits -------------------------------------------------------------------- */

static void open_case(struct world *w, struct kz_db *db, const char *manager)
{
	struct kz_error err = { 0 };
	struct kz_case c = { 0 };

	c.manager = xstrdup(manager);
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	c.notes = xasprintf("notatka %d", w->names++);
	check(kz_case_save(db, &w->cfg, &c, &err), &err, "case open");
	kz_case_clear(&c);
}

static void add_member(struct world *w, struct kz_db *db, const char *case_id)
{
	struct kz_error err = { 0 };
	struct kz_member m = { 0 };

	m.case_id = xstrdup(case_id);
	m.role = xstrdup("syn");
	m.name = xasprintf("Sekret%05d", w->names++);
	check(kz_member_save(db, &m, &err), &err, "member");
	kz_member_clear(&m);
}

static void change_case(struct world *w, struct kz_db *db, const char *case_id)
{
	struct kz_error err = { 0 };
	struct kz_case c = { 0 };

	check(kz_case_get(db, case_id, &c, &err), &err, "case get");
	free(c.notes);
	c.notes = xasprintf("notatka %d", w->names++);
	check(kz_case_save(db, &w->cfg, &c, &err), &err, "case save");
	kz_case_clear(&c);
}

static void give_case(struct world *w, struct kz_db *db, const char *case_id)
{
	struct kz_error err = { 0 };
	struct kz_case c = { 0 };

	check(kz_case_get(db, case_id, &c, &err), &err, "case get");
	const char *other = strcmp(c.manager, "w0") == 0 ? "w1" : "w0";
	free(c.manager);
	c.manager = xstrdup(other);
	check(kz_case_save(db, &w->cfg, &c, &err), &err, "reassign");
	kz_case_clear(&c);
	w->reassigns++;
}

static void share(struct world *w, struct kz_db *db, const char *case_id, bool on)
{
	struct kz_error err = { 0 };
	struct kz_case c = { 0 };

	check(kz_case_get(db, case_id, &c, &err), &err, "case get");
	const char *other = strcmp(c.manager, "w0") == 0 ? "w1" : "w0";
	if (on) {
		check(kz_case_share(db, &w->cfg, c.code, other, &err), &err, "share");
		w->shares++;
	} else if (kz_case_unshare(db, c.code, other, &err) != KZ_OK) {
		assert_int_equal(err.status, KZ_INVALID); /* was not shared */
	}
	kz_case_clear(&c);
}

static void change_service(struct world *w, struct kz_db *db)
{
	struct kz_error err = { 0 };
	struct kz_service s = { 0 };
	char *id = pick(w, db, "SELECT id FROM services", NULL);

	check(kz_service_get(db, id, &s, &err), &err, "service get");
	free(s.cost);
	s.cost = xasprintf("%d zł", w->names++);
	check(kz_service_save(db, &s, &err), &err, "service save");
	kz_service_clear(&s);
	free(id);
}

static void office_step(struct world *w)
{
	struct kz_error err = { 0 };
	unsigned x = rnd(w, 100);
	char *id = pick(w, w->hub, "SELECT id FROM cases", NULL);

	if (x < 15 || !id) {
		open_case(w, w->hub, worker[rnd(w, NLAP)]);
	} else if (x < 35) {
		add_member(w, w->hub, id);
	} else if (x < 50) {
		change_case(w, w->hub, id);
	} else if (x < 62) {
		share(w, w->hub, id, true);
	} else if (x < 72) {
		share(w, w->hub, id, false);
	} else if (x < 80) {
		give_case(w, w->hub, id);
	} else if (x < 82) {
		struct kz_case c = { 0 };
		check(kz_case_get(w->hub, id, &c, &err), &err, "case get");
		check(kz_case_erase(w->hub, c.code, &err), &err, "erase");
		kz_case_clear(&c);
	} else if (x < 90) {
		char *m = pick(w, w->hub, "SELECT id FROM members", NULL);
		if (m)
			check(kz_member_delete(w->hub, m, &err), &err, "member delete");
		free(m);
	} else {
		change_service(w, w->hub);
	}
	free(id);
}

static void laptop_step(struct world *w, int i)
{
	struct kz_db *db = w->lap[i];
	unsigned x = rnd(w, 100);
	char *id = pick(w, db, VISIBLE_CASES, worker[i]);
	char *own = pick(w, db, "SELECT id FROM cases WHERE manager = ?1", worker[i]);

	if (x < 10 || !id) {
		open_case(w, db, worker[i]);
	} else if (x < 40) {
		add_member(w, db, id);
	} else if (x < 65) {
		change_case(w, db, id);
	} else if (x < 75 && own) {
		share(w, db, own, rnd(w, 2) == 0);
	} else {
		change_service(w, db);
	}
	free(id);
	free(own);
}

/* --- exchanges ------------------------------------------------------------------ */

/* The laptop holds no case its worker may not see, by its own data. */
static void holds_only_hers(struct world *w, int i)
{
	long other = test_db_count(w->lap[i],
		"SELECT count(*) FROM cases c WHERE NOT (c.manager = ?1 OR EXISTS (SELECT 1"
		" FROM case_shares s WHERE s.case_id = c.id AND s.login = ?1 AND s.revoked = 0))",
		worker[i]);

	if (other != 0)
		fail_msg("laptop %d holds %ld cases %s may not see", i, other, worker[i]);
}

static void import(struct world *w, struct kz_db *db, const char *path)
{
	struct kz_error err = { 0 };
	struct kz_sync_stats s;

	check(kz_sync_import(db, path, &s, NULL, NULL, &err), &err, "import");
	if (getenv("KZ_DEBUG_NEED"))
		fprintf(stderr, "import %s: applied %ld waiting %ld refused %ld arrived %ld left %ld\n",
			path, s.tx_applied, s.tx_waiting, s.tx_refused, s.cases_arrived, s.cases_left);
	w->arrived += s.cases_arrived;
	w->left += s.cases_left;
	w->refused += s.tx_refused;
	unlink(path);
}

static void up(struct world *w, int i)
{
	struct kz_error err = { 0 };
	char path[200];

	snprintf(path, sizeof(path), "%s/f%d.sync", w->dir, w->files++);
	check(kz_sync_export(w->lap[i], path, NULL, NULL, NULL, &err), &err, "laptop export");
	import(w, w->hub, path);
}

static void down(struct world *w, int i)
{
	struct kz_error err = { 0 };
	char path[200];

	snprintf(path, sizeof(path), "%s/f%d.sync", w->dir, w->files++);
	check(kz_sync_export_for(w->hub, path, worker[i], NULL, NULL, NULL, &err), &err,
	      "office export");
	import(w, w->lap[i], path);
	holds_only_hers(w, i);
}

/* As sync serve does it: her file, then the answer for what she holds,
 * written with her rights. */
static void serve(struct world *w, int i)
{
	struct kz_error err = { 0 };
	struct kz_sync_info info;
	char path[200];

	kz_db_set_login(w->hub, &w->cfg, worker[i]);
	kz_sync_set_peer_login(w->hub, worker[i]);
	up(w, i);
	check(kz_sync_info(w->lap[i], &info, &err), &err, "info");
	snprintf(path, sizeof(path), "%s/f%d.sync", w->dir, w->files++);
	check(kz_sync_export_since(w->hub, path, info.clock, NULL, NULL, NULL, &err), &err,
	      "serve export");
	kz_sync_info_clear(&info);
	kz_sync_set_peer_login(w->hub, NULL);
	kz_db_set_login(w->hub, &w->cfg, "boss");
	import(w, w->lap[i], path);
	holds_only_hers(w, i);
}

static void exchange_step(struct world *w)
{
	int i = (int)rnd(w, NLAP);

	switch (rnd(w, 4)) {
	case 0: up(w, i); break;
	case 1: down(w, i); break;
	case 2: serve(w, i); break;
	default: down(w, i); up(w, i); break;
	}
}

/* --- the world ------------------------------------------------------------------- */

static void setup_world(struct world *w, unsigned seed)
{
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };
	struct kz_service s = { 0 };

	memset(w, 0, sizeof(*w));
	w->rng = seed;
	snprintf(w->dir, sizeof(w->dir), "/tmp/koszyk-need-XXXXXX");
	assert_non_null(mkdtemp(w->dir));
	use_config(w);
	snprintf(w->hub_path, sizeof(w->hub_path), "%s/hub.db", w->dir);
	check(kz_db_open(w->hub_path, KZ_OPEN_CREATE, &w->hub, &err), &err, "open");
	kz_db_set_login(w->hub, &w->cfg, "boss");
	p.name = xstrdup("Ośrodek Pomocy Społecznej");
	check(kz_partner_save(w->hub, &p, &err), &err, "partner");
	for (int k = 0; k < 3; k++) {
		memset(&s, 0, sizeof(s));
		s.title = xasprintf("Usługa %d", k);
		s.provider_id = xstrdup(p.id);
		check(kz_service_save(w->hub, &s, &err), &err, "service");
		kz_service_clear(&s);
	}
	kz_partner_clear(&p);
	for (int k = 0; k < 6; k++) {
		open_case(w, w->hub, worker[k % NLAP]);
		char *id = pick(w, w->hub, "SELECT id FROM cases ORDER BY created_at DESC LIMIT 1", NULL);
		add_member(w, w->hub, id);
		free(id);
	}
	for (int i = 0; i < NLAP; i++) {
		snprintf(w->lap_path[i], sizeof(w->lap_path[i]), "%s/lap%d.db", w->dir, i);
		check(kz_sync_clone(w->hub_path, w->lap_path[i], &w->cfg, worker[i], &err), &err, "clone");
		check(kz_db_open(w->lap_path[i], KZ_OPEN_EXISTING, &w->lap[i], &err), &err, "open");
		kz_db_set_login(w->lap[i], &w->cfg, worker[i]);
		holds_only_hers(w, i);
	}
}

static void teardown_world(struct world *w)
{
	char cmd[128];

	kz_db_close(w->hub);
	for (int i = 0; i < NLAP; i++)
		kz_db_close(w->lap[i]);
	kz_config_free(&w->cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", w->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", w->dir);
}

static char *dump_of(struct kz_db *db, const char *who, struct world *w)
{
	struct kz_error err = { 0 };
	struct kz_buf b = KZ_BUF_INIT;

	/* The whole file, as a coordinator would dump it. */
	kz_db_set_principal(db, "boss", KZ_ROLE_COORDINATOR);
	check(kz_sync_dump(db, &b, &err), &err, "dump");
	kz_db_set_login(db, &w->cfg, who);
	return kz_buf_detach(&b);
}

static char *file_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	do {
		data = xrealloc(data, cap + 65536);
		n = fread(data + cap, 1, 65536, f);
		cap += n;
	} while (n == 65536);
	fclose(f);
	*len = cap;
	return data;
}

static bool bytes_have(const char *data, size_t len, const char *text)
{
	size_t t = strlen(text);

	for (size_t i = 0; data && i + t <= len; i++)
		if (memcmp(data + i, text, t) == 0)
			return true;
	return false;
}

/* No member name of a case w may not see is anywhere in the laptop's
 * files. */
static void scan_raw(struct world *w, int i, unsigned seed)
{
	sqlite3_stmt *q;
	char wal[160];
	size_t len, wlen;
	char *data = file_bytes(w->lap_path[i], &len), *wdata;

	snprintf(wal, sizeof(wal), "%s-wal", w->lap_path[i]);
	wdata = file_bytes(wal, &wlen);
	assert_non_null(data);
	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(w->hub),
		"SELECT m.name FROM members m JOIN cases c ON c.id = m.case_id"
		" WHERE NOT (c.manager = ?1 OR EXISTS (SELECT 1 FROM case_shares s"
		" WHERE s.case_id = c.id AND s.login = ?1 AND s.revoked = 0))", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, worker[i], -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(q, 0);
		if (bytes_have(data, len, name) || bytes_have(wdata, wlen, name)) {
			static const char *const where[] = {
				"SELECT 'members' FROM members WHERE name = ?1",
				"SELECT 'sync_change ' || origin || ':' || seq || ' ' || op FROM sync_change WHERE instr(vals, ?1)",
				"SELECT 'sync_field' FROM sync_field WHERE value = ?1",
				"SELECT 'sync_refused' FROM sync_refused WHERE instr(changes, ?1)",
			};
			for (size_t k = 0; k < sizeof(where) / sizeof(where[0]); k++) {
				sqlite3_stmt *f;
				if (sqlite3_prepare_v2(kz_db_handle(w->lap[i]), where[k], -1, &f, NULL) != SQLITE_OK)
					continue;
				sqlite3_bind_text(f, 1, name, -1, SQLITE_STATIC);
				while (sqlite3_step(f) == SQLITE_ROW)
					fprintf(stderr, "  %s is in %s\n", name, sqlite3_column_text(f, 0));
				sqlite3_finalize(f);
			}
			for (size_t off = 0; data && off + strlen(name) <= len; off++) {
				if (memcmp(data + off, name, strlen(name)) != 0)
					continue;
				sqlite3_stmt *f;
				long page = (long)(off / 4096) + 1;
				fprintf(stderr, "  at byte %zu, page %ld:", off, page);
				if (sqlite3_prepare_v2(kz_db_handle(w->lap[i]),
						       "SELECT name, pagetype FROM dbstat WHERE pageno = ?1",
						       -1, &f, NULL) == SQLITE_OK) {
					sqlite3_bind_int64(f, 1, page);
					while (sqlite3_step(f) == SQLITE_ROW)
						fprintf(stderr, " %s (%s)", sqlite3_column_text(f, 0),
							sqlite3_column_text(f, 1));
					sqlite3_finalize(f);
				}
				fprintf(stderr, "\n");
			}
			for (int r = 0; r <= NLAP; r++) {
				struct kz_sync_info info;
				struct kz_error e2 = { 0 };
				if (kz_sync_info(r < NLAP ? w->lap[r] : w->hub, &info, &e2) == KZ_OK) {
					fprintf(stderr, "  %s is %s, holds %s\n", r < NLAP ? worker[r] : "office",
						info.replica_id, info.clock);
					kz_sync_info_clear(&info);
				}
			}
			fail_msg("seed %u: laptop %d's file holds %s of a case %s may not see",
				 seed, i, name, worker[i]);
		}
	}
	sqlite3_finalize(q);
	free(data);
	free(wdata);
}

static void test_laptops_hold_what_their_workers_may_see(void **state)
{
	static struct world w;
	const char *env_seed = getenv("NEED_SEED"), *env_steps = getenv("NEED_STEPS");
	unsigned seed = env_seed ? (unsigned)strtoul(env_seed, NULL, 10) : (unsigned)time(NULL);
	int steps = env_steps ? atoi(env_steps) : 600;
	struct kz_error err = { 0 };

	(void)state;
	printf("# NEED_SEED=%u NEED_STEPS=%d\n", seed, steps);
	setup_world(&w, seed);
	for (int k = 0; k < steps; k++) {
		unsigned x = rnd(&w, 100);
		if (x < 35)
			office_step(&w);
		else if (x < 75)
			laptop_step(&w, (int)rnd(&w, NLAP));
		else
			exchange_step(&w);
	}
	/* Everyone meets the office, twice. */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < NLAP; i++)
			serve(&w, i);
	for (int i = 0; i < NLAP; i++) {
		char fresh[160], *report = NULL, *mine, *theirs;
		struct kz_db *f;
		snprintf(fresh, sizeof(fresh), "%s/fresh%d.db", w.dir, i);
		check(kz_sync_clone(w.hub_path, fresh, &w.cfg, worker[i], &err), &err, "fresh clone");
		check(kz_db_open(fresh, KZ_OPEN_EXISTING, &f, &err), &err, "open fresh");
		mine = dump_of(w.lap[i], worker[i], &w);
		theirs = dump_of(f, worker[i], &w);
		if (strcmp(mine, theirs) != 0) {
			char a[200], b[200], cmd[500];
			FILE *fa, *fb;
			snprintf(a, sizeof(a), "/tmp/need-laptop%d.dump", i);
			snprintf(b, sizeof(b), "/tmp/need-fresh%d.dump", i);
			fa = fopen(a, "w");
			fb = fopen(b, "w");
			if (fa && fb) {
				fputs(mine, fa);
				fputs(theirs, fb);
			}
			if (fa)
				fclose(fa);
			if (fb)
				fclose(fb);
			snprintf(cmd, sizeof(cmd), "diff %s %s | head -40 >&2", a, b);
			if (system(cmd) != 0)
				fprintf(stderr, "(diff failed)\n");
			fail_msg("seed %u: laptop %d does not hold what a new clone for %s holds",
				 seed, i, worker[i]);
		}
		free(mine);
		free(theirs);
		kz_db_close(f);
		if (kz_db_check(w.lap[i], &report, &err) != KZ_OK)
			fail_msg("seed %u: laptop %d fails the check:\n%s", seed, i, report);
		free(report);
		scan_raw(&w, i, seed);
	}
	{
		char *report = NULL;
		if (kz_db_check(w.hub, &report, &err) != KZ_OK)
			fail_msg("seed %u: the office fails the check:\n%s", seed, report);
		free(report);
	}
	printf("# %d files, %ld shares, %ld reassigned, %ld cases arrived, %ld left,"
	       " %ld changes refused\n", w.files, w.shares, w.reassigns, w.arrived, w.left,
	       w.refused);
	/* The run must have exercised what it claims to. */
	assert_true(w.arrived > 0);
	assert_true(w.left > 0);
	teardown_world(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_laptops_hold_what_their_workers_may_see),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
