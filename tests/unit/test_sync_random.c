/* Sync under random work: 4 replicas, thousands of random edits (create,
 * change, delete, erase) and exchanges between random pairs in random
 * order. The test keeps its own log of the edits with what each replica
 * had seen when it wrote, and from that alone predicts, for every replica
 * at every checkpoint, which fields are in conflict: a field is in
 * conflict when two or more writes of it were made without seeing each
 * other (none of them saw the others; the create counts as the first
 * write) and they wrote different values; a record deleted or erased
 * anywhere is gone, its conflicts with it (and a replica that gets a
 * record's creation from one where it is already deleted never shows it:
 * deleted values leave the log). At the end every replica has
 * exchanged with every other: the canonical dumps are identical and the
 * conflicts recorded are exactly the predicted ones.
 *
 * SYNC_SEED=N reruns one sequence; SYNC_EDITS=N changes the length. */
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

#define NREP 4
#define MAXEV 8192
#define MAXROW 2048
#define NFIELD 2

enum rkind { R_CONTACT, R_SERVICE, R_CASE, R_MEMBER };
enum ekind { E_CREATE, E_UPDATE, E_DELETE, E_ERASE };

static const char *const tables[] = { "contacts", "services", "cases", "members" };
static const char *const fields[][NFIELD] = {
	{ "position", "notes" }, /* contacts */
	{ "cost", "hours" },     /* services */
	{ "notes", "legal_basis_note" },
	{ "role", "notes" },     /* members */
};

struct row {
	enum rkind kind;
	char id[KZ_ID_LEN + 1];
	int parent; /* a member's case (row index) */
	int create_ev;
	int *evs;   /* its events */
	int nevs;
};

struct event {
	int rep;   /* who wrote it (-1: the origin before cloning = replica 0) */
	long seq;  /* its number among the writer's transactions */
	enum ekind kind;
	int row;
	int field;
	int value[NFIELD]; /* create: both fields; update: value[0] */
	unsigned char *deps; /* events the writer held */
};

struct world {
	char dir[64];
	char path[NREP][128];
	struct kz_db *db[NREP];
	struct kz_config cfg;
	char partner[KZ_ID_LEN + 1];
	struct row rows[MAXROW];
	int nrows;
	struct event ev[MAXEV];
	int nev;
	unsigned char held[NREP][MAXEV / 8];
	/* Rows a replica will never see although it holds their creation: it
	 * got it from a replica where the row was already deleted or erased,
	 * whose log no longer carries its values (the deletion comes later). */
	unsigned char suppressed[NREP][MAXROW / 8];
	int next_value;
	unsigned rng;
	int exchanges;
	long txs[NREP];         /* transactions written by each replica */
	long waiting;           /* transactions a file import left for later */
	char replica_id[NREP][KZ_ID_LEN + 1];
};

static bool has(const unsigned char *set, int e)
{
	return set[e / 8] & (1u << (e % 8));
}

static void add(unsigned char *set, int e)
{
	set[e / 8] |= (unsigned char)(1u << (e % 8));
}

static unsigned rnd(struct world *w, unsigned n)
{
	w->rng = w->rng * 1103515245u + 12345u;
	return ((w->rng >> 8) & 0xffffff) % n;
}

static char *value_text(int v)
{
	return xasprintf("w%d", v);
}

/* --- the model -------------------------------------------------------------- */

static int new_event(struct world *w, int rep, enum ekind kind, int row)
{
	int e = w->nev++;

	assert_true(e < MAXEV);
	memset(&w->ev[e], 0, sizeof(w->ev[e]));
	w->ev[e].kind = kind;
	w->ev[e].row = row;
	w->ev[e].rep = rep < 0 ? 0 : rep;
	w->ev[e].seq = ++w->txs[rep < 0 ? 0 : rep];
	w->ev[e].deps = xmalloc(MAXEV / 8);
	if (rep >= 0)
		memcpy(w->ev[e].deps, w->held[rep], MAXEV / 8);
	else
		memset(w->ev[e].deps, 0, MAXEV / 8);
	if (rep >= 0)
		add(w->held[rep], e);
	else
		for (int r = 0; r < NREP; r++)
			add(w->held[r], e);
	w->rows[row].evs = xrealloc(w->rows[row].evs,
				    (size_t)(w->rows[row].nevs + 1) * sizeof(int));
	w->rows[row].evs[w->rows[row].nevs++] = e;
	return e;
}

/* Is the row there for someone who holds these events? */
static bool alive(const struct world *w, const unsigned char *held, int row)
{
	const struct row *r = &w->rows[row];

	if (!has(held, r->create_ev))
		return false;
	for (int i = 0; i < r->nevs; i++) {
		int e = r->evs[i];
		if (has(held, e) && (w->ev[e].kind == E_DELETE || w->ev[e].kind == E_ERASE))
			return false;
	}
	return r->parent < 0 || alive(w, held, r->parent);
}

/* Is the row in replica rep's database? */
static bool present(const struct world *w, int rep, int row)
{
	const struct row *r = &w->rows[row];

	return alive(w, w->held[rep], row) && !has(w->suppressed[rep], row) &&
	       (r->parent < 0 || present(w, rep, r->parent));
}

/* Before `to` takes what `from` holds (or, for file exchanges, the events
 * it is about to get): rows whose creation is new to `to` and that `from`
 * no longer has arrive without their values. */
static void mark_suppressed(struct world *w, int from, int to, const unsigned char *incoming)
{
	for (int row = 0; row < w->nrows; row++) {
		int c = w->rows[row].create_ev;
		if (has(incoming, c) && !has(w->held[to], c) && !present(w, from, row))
			add(w->suppressed[to], row);
	}
}

/* The values a field holds for someone holding these events: the writes
 * none of the others had seen. Conflict when they differ. */
static bool in_conflict(const struct world *w, const unsigned char *held, int row, int f)
{
	int writes[MAXEV], n = 0, first = -1;

	for (int k = 0; k < w->rows[row].nevs; k++) {
		int e = w->rows[row].evs[k];
		const struct event *x = &w->ev[e];
		if (!has(held, e))
			continue;
		if (x->kind == E_CREATE || (x->kind == E_UPDATE && x->field == f))
			writes[n++] = e;
	}
	for (int i = 0; i < n; i++) {
		bool seen = false;
		int value;
		for (int j = 0; j < n && !seen; j++)
			seen = j != i && has(w->ev[writes[j]].deps, writes[i]);
		if (seen)
			continue;
		value = w->ev[writes[i]].kind == E_CREATE ? w->ev[writes[i]].value[f]
							  : w->ev[writes[i]].value[0];
		if (first < 0)
			first = value;
		else if (value != first)
			return true;
	}
	return false;
}

static int strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "table|id|field" lines of the predicted conflicts, sorted. */
static char *predicted(const struct world *w, int rep, long *count)
{
	struct kz_buf b = KZ_BUF_INIT;
	char **lines = NULL;
	size_t n = 0;

	for (int row = 0; row < w->nrows; row++) {
		if (!present(w, rep, row))
			continue;
		for (int f = 0; f < NFIELD; f++)
			if (in_conflict(w, w->held[rep], row, f)) {
				lines = xrealloc(lines, (n + 1) * sizeof(*lines));
				lines[n++] = xasprintf("%s|%s|%s", tables[w->rows[row].kind],
						       w->rows[row].id, fields[w->rows[row].kind][f]);
			}
	}
	qsort(lines, n, sizeof(*lines), strcmp_ptr);
	for (size_t i = 0; i < n; i++) {
		kz_buf_printf(&b, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	*count = (long)n;
	return kz_buf_detach(&b);
}

/* --- the replicas ------------------------------------------------------------ */

static void check(enum kz_status st, const struct kz_error *err, const char *what)
{
	if (st != KZ_OK)
		fail_msg("%s: %s", what, err->msg);
}

static void fast(struct kz_db *db)
{
	/* The test does not need to survive a power cut. */
	sqlite3_exec(kz_db_handle(db), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

static int new_row(struct world *w, enum rkind kind, int parent)
{
	int r = w->nrows++;

	assert_true(r < MAXROW);
	memset(&w->rows[r], 0, sizeof(w->rows[r]));
	w->rows[r].kind = kind;
	w->rows[r].parent = parent;
	return r;
}

/* Create a record of kind on replica rep (-1: the origin before cloning). */
static void do_create(struct world *w, int rep, enum rkind kind, int parent)
{
	struct kz_db *db = w->db[rep < 0 ? 0 : rep];
	struct kz_error err = { 0 };
	int row = new_row(w, kind, parent);
	int v0 = w->next_value++, v1 = w->next_value++;
	char *a = value_text(v0), *b = value_text(v1);
	const char *id = NULL;

	if (kind == R_CONTACT) {
		struct kz_contact c = { 0 };
		c.partner_id = xstrdup(w->partner);
		c.name = xasprintf("Osoba %d", row);
		c.position = a;
		c.notes = b;
		check(kz_contact_save(db, &c, &err), &err, "contact");
		memcpy(w->rows[row].id, c.id, sizeof(c.id));
		kz_contact_clear(&c);
	} else if (kind == R_SERVICE) {
		struct kz_service s = { 0 };
		s.title = xasprintf("Usługa %d", row);
		s.provider_id = xstrdup(w->partner);
		s.cost = a;
		s.hours = b;
		check(kz_service_save(db, &s, &err), &err, "service");
		memcpy(w->rows[row].id, s.id, sizeof(s.id));
		kz_service_clear(&s);
	} else if (kind == R_CASE) {
		struct kz_case c = { 0 };
		c.manager = xstrdup("mnowak");
		c.legal_basis = xstrdup("statutory");
		c.notes = a;
		c.legal_basis_note = b;
		check(kz_case_save(db, &w->cfg, &c, &err), &err, "case");
		memcpy(w->rows[row].id, c.id, sizeof(c.id));
		kz_case_clear(&c);
	} else {
		struct kz_member m = { 0 };
		m.case_id = xstrdup(w->rows[parent].id);
		m.role = a;
		m.notes = b;
		check(kz_member_save(db, &m, &err), &err, "member");
		memcpy(w->rows[row].id, m.id, sizeof(m.id));
		kz_member_clear(&m);
	}
	(void)id;
	w->rows[row].create_ev = new_event(w, rep, E_CREATE, row);
	w->ev[w->rows[row].create_ev].value[0] = v0;
	w->ev[w->rows[row].create_ev].value[1] = v1;
}

static void set_text(char **slot, int v)
{
	free(*slot);
	*slot = value_text(v);
}

static void do_update(struct world *w, int rep, int row, int f)
{
	struct kz_db *db = w->db[rep];
	struct kz_error err = { 0 };
	const struct row *r = &w->rows[row];
	int v = w->next_value++;
	int e;

	if (r->kind == R_CONTACT) {
		struct kz_contact c = { 0 };
		check(kz_contact_get(db, r->id, &c, &err), &err, "contact get");
		set_text(f == 0 ? &c.position : &c.notes, v);
		check(kz_contact_save(db, &c, &err), &err, "contact save");
		kz_contact_clear(&c);
	} else if (r->kind == R_SERVICE) {
		struct kz_service s = { 0 };
		check(kz_service_get(db, r->id, &s, &err), &err, "service get");
		set_text(f == 0 ? &s.cost : &s.hours, v);
		check(kz_service_save(db, &s, &err), &err, "service save");
		kz_service_clear(&s);
	} else if (r->kind == R_CASE) {
		struct kz_case c = { 0 };
		check(kz_case_get(db, r->id, &c, &err), &err, "case get");
		set_text(f == 0 ? &c.notes : &c.legal_basis_note, v);
		check(kz_case_save(db, &w->cfg, &c, &err), &err, "case save");
		kz_case_clear(&c);
	} else {
		struct kz_members ms = { 0 };
		bool found = false;
		check(kz_members_of(db, w->rows[r->parent].id, &ms, &err), &err, "members");
		for (size_t i = 0; i < ms.n; i++) {
			if (strcmp(ms.v[i].id, r->id) != 0)
				continue;
			set_text(f == 0 ? &ms.v[i].role : &ms.v[i].notes, v);
			check(kz_member_save(db, &ms.v[i], &err), &err, "member save");
			found = true;
		}
		kz_members_free(&ms);
		if (!found)
			fail_msg("member %s is not on replica %d", r->id, rep);
	}
	e = new_event(w, rep, E_UPDATE, row);
	w->ev[e].field = f;
	w->ev[e].value[0] = v;
}

/* What the model knows of a row, when the system disagrees. */
static void explain_row(const struct world *w, int rep, int row)
{
	const struct row *r = &w->rows[row];

	fprintf(stderr, "row %d (%s %s), parent %d, on replica %d:\n", row,
		tables[r->kind], r->id, r->parent, rep);
	for (int i = 0; i < r->nevs; i++) {
		const struct event *e = &w->ev[r->evs[i]];
		fprintf(stderr, "  event %d: kind %d by replica %d seq %ld field %d value %d, held: %d\n",
			r->evs[i], e->kind, e->rep, e->seq, e->field, e->value[0],
			has(w->held[rep], r->evs[i]));
	}
	if (r->parent >= 0)
		explain_row(w, rep, r->parent);
}

static void do_delete(struct world *w, int rep, int row)
{
	struct kz_error err = { 0 };
	const struct row *r = &w->rows[row];
	enum kz_status st;

	if (r->kind == R_CONTACT)
		st = kz_contact_delete(w->db[rep], r->id, &err);
	else
		st = kz_member_delete(w->db[rep], r->id, &err);
	if (st != KZ_OK)
		explain_row(w, rep, row);
	check(st, &err, "delete");
	new_event(w, rep, E_DELETE, row);
}

static void do_erase(struct world *w, int rep, int row)
{
	struct kz_error err = { 0 };
	struct kz_case c = { 0 };

	check(kz_case_get(w->db[rep], w->rows[row].id, &c, &err), &err, "case get");
	check(kz_case_erase(w->db[rep], c.code, &err), &err, "erase");
	kz_case_clear(&c);
	new_event(w, rep, E_ERASE, row);
}

/* Everything `from` holds that `to` lacks, by a change file. */
static void exchange(struct world *w, int from, int to)
{
	struct kz_error err = { 0 };
	struct kz_sync_info info;
	struct kz_sync_stats stats;
	char path[200];

	snprintf(path, sizeof(path), "%s/x%d.sync", w->dir, w->exchanges++);
	check(kz_sync_info(w->db[to], &info, &err), &err, "info");
	check(kz_sync_export_since(w->db[from], path, info.clock, &stats, NULL, NULL, &err),
	      &err, "export");
	kz_sync_info_clear(&info);
	check(kz_sync_import(w->db[to], path, &stats, NULL, NULL, &err), &err, "import");
	assert_int_equal(stats.tx_waiting, 0);
	unlink(path);
	mark_suppressed(w, from, to, w->held[from]);
	for (int i = 0; i < MAXEV / 8; i++)
		w->held[to][i] |= w->held[from][i];
}

/* A change file as `sync export` writes it (what no peer known to `from`
 * holds yet); the receiver applies what is ready and leaves the rest.
 * The model learns from the receiver's version vector which transactions
 * arrived, and checks that they are whole: everything each of them had
 * seen arrived too. */
static void exchange_file(struct world *w, int from, int to)
{
	struct kz_error err = { 0 };
	struct kz_sync_info info;
	struct kz_sync_stats stats;
	unsigned char before[MAXEV / 8];
	char path[200];

	snprintf(path, sizeof(path), "%s/x%d.sync", w->dir, w->exchanges++);
	check(kz_sync_export(w->db[from], path, &stats, NULL, NULL, &err), &err, "export");
	check(kz_sync_import(w->db[to], path, &stats, NULL, NULL, &err), &err, "import");
	w->waiting += stats.tx_waiting;
	unlink(path);
	check(kz_sync_info(w->db[to], &info, &err), &err, "info");
	memcpy(before, w->held[to], sizeof(before));
	unsigned char incoming[MAXEV / 8];
	memset(incoming, 0, sizeof(incoming));
	for (int e = 0; e < w->nev; e++) {
		char key[KZ_ID_LEN + 2];
		const char *at;
		snprintf(key, sizeof(key), "%s:", w->replica_id[w->ev[e].rep]);
		at = strstr(info.clock, key);
		if (at && w->ev[e].seq <= atol(at + strlen(key)))
			add(incoming, e);
	}
	mark_suppressed(w, from, to, incoming);
	for (int e = 0; e < w->nev; e++) {
		char key[KZ_ID_LEN + 2];
		const char *at;
		long seq = 0;
		snprintf(key, sizeof(key), "%s:", w->replica_id[w->ev[e].rep]);
		at = strstr(info.clock, key);
		if (at)
			seq = atol(at + strlen(key));
		if (w->ev[e].seq <= seq) {
			assert_true(has(w->held[from], e) || has(before, e));
			add(w->held[to], e);
		} else {
			assert_false(has(before, e));
		}
	}
	kz_sync_info_clear(&info);
	for (int e = 0; e < w->nev; e++)
		for (int d = 0; has(w->held[to], e) && d < w->nev; d++)
			if (has(w->ev[e].deps, d) && !has(w->held[to], d))
				fail_msg("replica %d holds event %d without event %d it depends on", to, e, d);
}

static char *recorded(struct world *w, int rep, long *count)
{
	struct kz_conflict_list l;
	struct kz_error err = { 0 };
	struct kz_buf b = KZ_BUF_INIT;

	check(kz_conflicts_list(w->db[rep], &l, &err), &err, "conflicts");
	/* Listed by table, id, field: the same order as the prediction. */
	for (size_t i = 0; i < l.n; i++)
		kz_buf_printf(&b, "%s|%s|%s\n", l.items[i].table, l.items[i].row_id,
			      l.items[i].field);
	*count = (long)l.n;
	assert_int_equal((long)l.n, kz_conflicts_count(w->db[rep]));
	kz_conflict_list_free(&l);
	return kz_buf_detach(&b);
}

static void checkpoint(struct world *w, int rep, unsigned seed)
{
	long want, got;
	char *p = predicted(w, rep, &want);
	char *r = recorded(w, rep, &got);

	if (strcmp(p, r) != 0)
		fail_msg("seed %u, replica %d after %d events: predicted %ld conflicts:\n%s"
			 "recorded %ld:\n%s", seed, rep, w->nev, want, p, got, r);
	free(p);
	free(r);
}

/* A random record of a kind that is there on rep, or -1. */
static int pick_alive(struct world *w, int rep, int kind_mask)
{
	int cand[MAXROW], n = 0;

	for (int row = 0; row < w->nrows; row++)
		if ((kind_mask & (1 << w->rows[row].kind)) && present(w, rep, row))
			cand[n++] = row;
	return n ? cand[rnd(w, (unsigned)n)] : -1;
}

static void setup_world(struct world *w, unsigned seed)
{
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };

	memset(w, 0, sizeof(*w));
	w->rng = seed;
	snprintf(w->dir, sizeof(w->dir), "/tmp/koszyk-syncr-XXXXXX");
	assert_non_null(mkdtemp(w->dir));
	for (int r = 0; r < NREP; r++)
		snprintf(w->path[r], sizeof(w->path[r]), "%s/r%d.db", w->dir, r);
	check(kz_config_load_builtin(&w->cfg, &err), &err, "config");
	check(kz_db_open(w->path[0], KZ_OPEN_CREATE, &w->db[0], &err), &err, "open");
	fast(w->db[0]);
	kz_db_set_principal(w->db[0], "origin", KZ_ROLE_COORDINATOR);
	p.name = xstrdup("Ośrodek Pomocy Społecznej");
	check(kz_partner_save(w->db[0], &p, &err), &err, "partner");
	w->txs[0]++;
	memcpy(w->partner, p.id, sizeof(p.id));
	kz_partner_clear(&p);
	/* What every replica starts with. */
	for (int i = 0; i < 4; i++)
		do_create(w, -1, R_CONTACT, -1);
	for (int i = 0; i < 4; i++)
		do_create(w, -1, R_SERVICE, -1);
	for (int i = 0; i < 8; i++)
		do_create(w, -1, R_CASE, -1);
	kz_db_close(w->db[0]);
	for (int r = 1; r < NREP; r++)
		check(kz_sync_clone(w->path[0], w->path[r], NULL, NULL, &err), &err, "clone");
	for (int r = 0; r < NREP; r++) {
		char user[8];
		check(kz_db_open(w->path[r], KZ_OPEN_EXISTING, &w->db[r], &err), &err, "open");
		fast(w->db[r]);
		snprintf(user, sizeof(user), "u%d", r);
		kz_db_set_principal(w->db[r], user, KZ_ROLE_COORDINATOR);
		struct kz_sync_info info;
		check(kz_sync_info(w->db[r], &info, &err), &err, "info");
		memcpy(w->replica_id[r], info.replica_id, KZ_ID_LEN + 1);
		kz_sync_info_clear(&info);
	}
}

static void teardown_world(struct world *w)
{
	char cmd[128];

	for (int r = 0; r < NREP; r++)
		kz_db_close(w->db[r]);
	for (int e = 0; e < w->nev; e++)
		free(w->ev[e].deps);
	for (int row = 0; row < w->nrows; row++)
		free(w->rows[row].evs);
	kz_config_free(&w->cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", w->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", w->dir);
}

static void random_step(struct world *w, int *erases)
{
	int rep = (int)rnd(w, NREP), x = (int)rnd(w, 100), row;

	if (x < 12) {
		int k = (int)rnd(w, 3);
		if (k == 2 && (row = pick_alive(w, rep, 1 << R_CASE)) >= 0)
			do_create(w, rep, R_MEMBER, row);
		else
			do_create(w, rep, k == 0 ? R_CONTACT : R_SERVICE, -1);
	} else if (x < 80) {
		row = pick_alive(w, rep, 0xf);
		if (row >= 0)
			do_update(w, rep, row, (int)rnd(w, NFIELD));
	} else if (x < 88) {
		row = pick_alive(w, rep, (1 << R_CONTACT) | (1 << R_MEMBER));
		if (row >= 0)
			do_delete(w, rep, row);
	} else if (x < 90) {
		if (*erases < 4 && (row = pick_alive(w, rep, 1 << R_CASE)) >= 0) {
			do_erase(w, rep, row);
			(*erases)++;
		}
	} else {
		int to = (int)rnd(w, NREP - 1);
		if (rnd(w, 3) == 0)
			exchange_file(w, rep, to >= rep ? to + 1 : to);
		else
			exchange(w, rep, to >= rep ? to + 1 : to);
	}
}

static void test_random_edits_converge(void **state)
{
	static struct world w;
	const char *env_seed = getenv("SYNC_SEED"), *env_edits = getenv("SYNC_EDITS");
	unsigned seed = env_seed ? (unsigned)strtoul(env_seed, NULL, 10) : (unsigned)time(NULL);
	int steps = env_edits ? atoi(env_edits) : 3000, erases = 0;
	struct kz_buf dump[NREP];
	struct kz_error err = { 0 };
	long want, got, conflicts_total = 0;

	(void)state;
	printf("# SYNC_SEED=%u SYNC_EDITS=%d\n", seed, steps);
	setup_world(&w, seed);
	for (int i = 0; i < steps; i++) {
		random_step(&w, &erases);
		if (i % 500 == 499)
			for (int r = 0; r < NREP; r++)
				checkpoint(&w, r, seed);
	}
	/* Everyone meets everyone. */
	for (int round = 0; round < 2; round++)
		for (int a = 0; a < NREP; a++)
			for (int b = 0; b < NREP; b++)
				if (a != b)
					exchange(&w, a, b);
	for (int r = 0; r < NREP; r++) {
		char *report = NULL;
		if (kz_db_check(w.db[r], &report, &err) != KZ_OK)
			fail_msg("seed %u: replica %d fails the check:\n%s", seed, r, report);
		free(report);
		checkpoint(&w, r, seed);
		memset(&dump[r], 0, sizeof(dump[r]));
		check(kz_sync_dump(w.db[r], &dump[r], &err), &err, "dump");
	}
	for (int r = 1; r < NREP; r++)
		if (strcmp(kz_buf_str(&dump[0]), kz_buf_str(&dump[r])) != 0)
			fail_msg("seed %u: replica %d differs from replica 0", seed, r);
	free(predicted(&w, 0, &want));
	free(recorded(&w, 0, &got));
	conflicts_total = got;
	assert_int_equal(want, got);
	printf("# %d events, %d exchanges, %ld conflicts, %d rows, %ld changes left waiting\n",
	       w.nev, w.exchanges, conflicts_total, w.nrows, w.waiting);
	/* The run must have exercised what it claims to. */
	assert_true(w.nev > steps / 2);
	assert_true(conflicts_total > 0);
	for (int r = 0; r < NREP; r++)
		kz_buf_free(&dump[r]);
	teardown_world(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_edits_converge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
