/* Sync cost against database size, and a year of a partnership's sync.
 *
 * 1. A sync of 100 changes must cost the same on a basket of 100,000
 *    services as on a small one, because changes are found through the
 *    change log's keys, never by scanning the data. Builds a small and a
 *    big database, clones each, makes 100 edits on the original and times
 *    one edit, the export of the 100 changes and their import into the
 *    clone (the goal: big/small at most 2).
 * 2. A year of 100 replicas exchanging through one office (the
 *    simulation below): the size of the change log month by month with
 *    compaction and without it, export and import time per exchange, the
 *    size of the change files, a laptop away for five months that
 *    converges when it comes back, and one the office retired that is
 *    told to clone anew; at the end every replica holds the same data
 *    (sync dump).
 *
 * bench_sync [SERVICES]: both, the simulation small (10 laptops, two
 * months: a couple of minutes at most); --quick: that simulation alone;
 * --sim: 100 laptops for a year at 6 edits a day (about 7 minutes);
 * --full: 100 laptops for a year at the 300 edits a day (every
 * laptop applies every edit, 11 million changes: two to two and a half
 * hours on a 2-core machine, since migration 29; its replicas take 29 GB
 * of /tmp at their largest); --season: the same rate for 120
 * days, a laptop away from day 20 to 70, one retired on day 50 and back
 * on day 100 (about half an hour). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/demo.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define EDITS 100

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die_if(enum kz_status st, const struct kz_error *err)
{
	if (st != KZ_OK)
		kz_die("%s", err->msg);
}

/* n services of one partner, in one transaction; returns their ids. */
static char (*fill(struct kz_db *db, long n))[KZ_ID_LEN + 1]
{
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };
	char (*ids)[KZ_ID_LEN + 1] = xcalloc((size_t)n, sizeof(*ids));

	die_if(kz_db_begin(db, &err), &err);
	p.name = xstrdup("Centrum Usług Społecznych");
	die_if(kz_partner_save(db, &p, &err), &err);
	for (long i = 0; i < n; i++) {
		struct kz_service s = { 0 };
		s.title = xasprintf("Usługa %ld: pomoc i wsparcie rodziny", i);
		s.provider_id = xstrdup(p.id);
		s.description = xstrdup("Porady, zajęcia, opieka; bez opłat dla mieszkańców gminy.");
		die_if(kz_service_save(db, &s, &err), &err);
		memcpy(ids[i], s.id, sizeof(ids[i]));
		kz_service_clear(&s);
	}
	kz_partner_clear(&p);
	die_if(kz_db_commit(db, &err), &err);
	return ids;
}

struct result {
	double edit_ms, export_ms, import_ms;
};

static struct result measure(const char *dir, long n)
{
	struct kz_error err = { 0 };
	struct kz_db *db, *replica;
	struct kz_sync_info info;
	struct kz_sync_stats stats;
	struct result r = { 0 };
	char *orig = xasprintf("%s/orig-%ld.db", dir, n);
	char *copy = xasprintf("%s/copy-%ld.db", dir, n);
	char *file = xasprintf("%s/changes-%ld.sync", dir, n);
	char (*ids)[KZ_ID_LEN + 1];
	double t0;

	die_if(kz_db_open(orig, KZ_OPEN_CREATE, &db, &err), &err);
	kz_db_set_principal(db, "bench", KZ_ROLE_COORDINATOR);
	ids = fill(db, n);
	kz_db_close(db);
	die_if(kz_sync_clone(orig, copy, NULL, NULL, &err), &err);
	die_if(kz_db_open(orig, KZ_OPEN_EXISTING, &db, &err), &err);
	kz_db_set_principal(db, "bench", KZ_ROLE_COORDINATOR);
	die_if(kz_db_open(copy, KZ_OPEN_EXISTING, &replica, &err), &err);
	kz_db_set_principal(replica, "bench", KZ_ROLE_COORDINATOR);

	t0 = now_ms();
	for (int i = 0; i < EDITS; i++) {
		struct kz_service s = { 0 };
		die_if(kz_service_get(db, ids[(long)i * (n / EDITS)], &s, &err), &err);
		free(s.cost);
		s.cost = xasprintf("%d zł", i);
		die_if(kz_service_save(db, &s, &err), &err);
		kz_service_clear(&s);
	}
	r.edit_ms = (now_ms() - t0) / EDITS;

	die_if(kz_sync_info(replica, &info, &err), &err);
	t0 = now_ms();
	die_if(kz_sync_export_since(db, file, info.clock, &stats, NULL, NULL, &err), &err);
	r.export_ms = now_ms() - t0;
	kz_sync_info_clear(&info);
	if (stats.tx_sent != EDITS)
		kz_die("expected %d changes in the file, got %ld", EDITS, stats.tx_sent);
	t0 = now_ms();
	die_if(kz_sync_import(replica, file, &stats, NULL, NULL, &err), &err);
	r.import_ms = now_ms() - t0;
	if (stats.tx_applied != EDITS)
		kz_die("expected %d changes applied, got %ld", EDITS, stats.tx_applied);

	kz_db_close(db);
	kz_db_close(replica);
	unlink(file);
	free(ids);
	free(orig);
	free(copy);
	free(file);
	return r;
}

/* --- a year of 100 replicas through one office ------------------------------ */

struct sim_conf {
	int nrep;      /* laptops */
	int days;
	int per_day;   /* edits a day, across the laptops and the office */
	int every;     /* each laptop exchanges every this many days */
	int away, away_from, away_to;         /* a laptop away for months */
	int gone, gone_from, gone_to, retire_on; /* one retired meanwhile */
	bool on_disk;  /* the replicas in /tmp, not in memory (/dev/shm) */
};

/* What each transaction weighs, measured at its origin right after it
 * was written: the log without compaction holds every one it received. */
struct origin_sizes {
	char id[KZ_ID_LEN + 1];
	long long *prefix; /* prefix[seq]: bytes of seq 1..seq */
	long n;
};

struct samples {
	double *v;
	size_t n;
};

struct sim {
	struct sim_conf c;
	char dir[64];
	char office_path[128];
	char **path;
	struct kz_db *office, **rep;
	struct kz_config cfg;
	char (*services)[KZ_ID_LEN + 1], (*contacts)[KZ_ID_LEN + 1];
	char (*cases)[KZ_ID_LEN + 1], (*plans)[KZ_ID_LEN + 1];
	long nservices, ncontacts, ncases, nplans;
	struct origin_sizes *sizes; /* [0]: the office, [1 + i]: laptop i */
	struct samples l_export, o_import, o_export, l_import, file_up, file_down;
	unsigned rng;
	int files;
	long edits, conflicts_seen;
};

static unsigned sim_rnd(struct sim *s, unsigned n)
{
	s->rng = s->rng * 1103515245u + 12345u;
	return ((s->rng >> 8) & 0xffffff) % n;
}

static void sample(struct samples *x, double v)
{
	x->v = xrealloc(x->v, (x->n + 1) * sizeof(*x->v));
	x->v[x->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(struct samples *x, double p)
{
	size_t i;

	if (!x->n)
		return 0;
	qsort(x->v, x->n, sizeof(*x->v), cmp_double);
	i = (size_t)(p * (double)(x->n - 1) + 0.5);
	return x->v[i];
}

static long long sql_num(struct kz_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	long long n = 0;

	if (sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		kz_die("%s: %s", sql, sqlite3_errmsg(kz_db_handle(db)));
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The ids of a table, ?1-less query. */
static long ids_of(struct kz_db *db, const char *sql, char (**out)[KZ_ID_LEN + 1])
{
	sqlite3_stmt *st;
	long n = 0;

	*out = NULL;
	if (sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		kz_die("%s", sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = xrealloc(*out, (size_t)(n + 1) * sizeof(**out));
		snprintf((*out)[n++], KZ_ID_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return n;
}

/* The log's weight as the bench counts it: the text of transactions and
 * of their row changes. */
#define TX_BYTES "SELECT coalesce(sum(length(origin) + length(deps) + length(at) + length(user) + 24), 0) FROM sync_tx"
#define CHANGE_BYTES "SELECT coalesce(sum(length(tbl) + length(row_id) + coalesce(length(vals), 0) + 16), 0) FROM sync_change"

static long long log_bytes(struct kz_db *db)
{
	return sql_num(db, TX_BYTES, NULL) + sql_num(db, CHANGE_BYTES, NULL);
}

static struct kz_db *sim_db(struct sim *s, int r)
{
	return r < 0 ? s->office : s->rep[r];
}

static void note_size(struct sim *s, int r)
{
	struct kz_db *db = sim_db(s, r);
	struct origin_sizes *o = &s->sizes[r + 1];
	long long seq = sql_num(db, "SELECT seq FROM sync_clock WHERE origin = ?1", o->id);

	o->prefix = xrealloc(o->prefix, (size_t)(seq + 1) * sizeof(*o->prefix));
	for (long i = o->n + 1; i <= seq; i++) {
		char *tx = xasprintf(TX_BYTES " WHERE origin = ?1 AND seq = %ld", i);
		char *ch = xasprintf(CHANGE_BYTES " WHERE origin = ?1 AND seq = %ld", i);
		o->prefix[i] = o->prefix[i - 1] + sql_num(db, tx, o->id) + sql_num(db, ch, o->id);
		free(tx);
		free(ch);
	}
	if (seq > o->n)
		o->n = (long)seq;
}

static void sim_open(struct sim *s, const char *path, struct kz_db **db)
{
	struct kz_error err = { 0 };

	die_if(kz_db_open(path, KZ_OPEN_EXISTING, db, &err), &err);
	kz_db_set_login(*db, &s->cfg, "akowalska");
}

static char *replica_id(struct kz_db *db)
{
	struct kz_sync_info info;
	struct kz_error err = { 0 };
	char *id;

	die_if(kz_sync_info(db, &info, &err), &err);
	id = xstrdup(info.replica_id);
	kz_sync_info_clear(&info);
	return id;
}

static void sim_setup(struct sim *s)
{
	struct kz_error err = { 0 };
	struct kz_db *db;
	char *id;

	/* At 300 edits a day a laptop away for months holds back the log of
	 * every replica: 100 of them held 23 GB by day 200, all of this
	 * machine's memory when they were kept in /dev/shm. */
	snprintf(s->dir, sizeof(s->dir), "%s/koszyk-sim-XXXXXX",
		 !s->c.on_disk && access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(s->dir))
		kz_die("mkdtemp failed");
	snprintf(s->office_path, sizeof(s->office_path), "%s/office.db", s->dir);
	die_if(kz_config_load_builtin(&s->cfg, &err), &err);
	die_if(kz_db_open(s->office_path, KZ_OPEN_CREATE, &db, &err), &err);
	kz_db_set_login(db, &s->cfg, "akowalska");
	die_if(kz_demo_fill(db, &s->cfg, &err), &err);
	kz_db_close(db);
	s->path = xcalloc((size_t)s->c.nrep, sizeof(*s->path));
	s->rep = xcalloc((size_t)s->c.nrep, sizeof(*s->rep));
	for (int i = 0; i < s->c.nrep; i++) {
		s->path[i] = xasprintf("%s/laptop%03d.db", s->dir, i);
		die_if(kz_sync_clone(s->office_path, s->path[i], &s->cfg, "akowalska", &err), &err);
	}
	sim_open(s, s->office_path, &s->office);
	for (int i = 0; i < s->c.nrep; i++)
		sim_open(s, s->path[i], &s->rep[i]);
	s->nservices = ids_of(s->office, "SELECT id FROM services ORDER BY id", &s->services);
	s->ncontacts = ids_of(s->office, "SELECT id FROM contacts ORDER BY id", &s->contacts);
	s->ncases = ids_of(s->office, "SELECT id FROM cases WHERE status <> 'closed' ORDER BY id", &s->cases);
	s->nplans = ids_of(s->office, "SELECT id FROM plans WHERE status <> 'closed' ORDER BY id", &s->plans);
	if (!s->nservices || !s->ncases || !s->nplans || !s->ncontacts)
		kz_die("the demo has no services, contacts, cases or plans to edit");
	s->sizes = xcalloc((size_t)s->c.nrep + 1, sizeof(*s->sizes));
	for (int r = -1; r < s->c.nrep; r++) {
		id = replica_id(sim_db(s, r));
		snprintf(s->sizes[r + 1].id, sizeof(s->sizes[r + 1].id), "%s", id);
		s->sizes[r + 1].prefix = xcalloc(1, sizeof(long long));
		free(id);
	}
	/* The demo was written at the office before the clones. */
	note_size(s, -1);
}

/* One edit, one transaction: a service or a contact person of the
 * basket, a case's notes, a goal added to a plan. */
static void sim_edit(struct sim *s, int r, int day)
{
	struct kz_error err = { 0 };
	struct kz_db *db = sim_db(s, r);
	unsigned what = sim_rnd(s, 100);

	if (what < 45) {
		struct kz_service v = { 0 };
		die_if(kz_service_get(db, s->services[sim_rnd(s, (unsigned)s->nservices)], &v, &err), &err);
		free(v.hours);
		v.hours = xasprintf("pon.–pt. %u:00–%u:00 (dzień %d)", 7 + sim_rnd(s, 3), 14 + sim_rnd(s, 5), day);
		die_if(kz_service_save(db, &v, &err), &err);
		kz_service_clear(&v);
	} else if (what < 55) {
		struct kz_contact v = { 0 };
		die_if(kz_contact_get(db, s->contacts[sim_rnd(s, (unsigned)s->ncontacts)], &v, &err), &err);
		free(v.phone);
		v.phone = xasprintf("+48 %03u %03u %03u", sim_rnd(s, 1000), sim_rnd(s, 1000), sim_rnd(s, 1000));
		die_if(kz_contact_save(db, &v, &err), &err);
		kz_contact_clear(&v);
	} else if (what < 85) {
		struct kz_case v = { 0 };
		die_if(kz_case_get(db, s->cases[sim_rnd(s, (unsigned)s->ncases)], &v, &err), &err);
		free(v.notes);
		v.notes = xasprintf("Wizyta w domu rodziny, dzień %d: ustalono kolejne kroki planu, "
				    "kontakt z pedagogiem szkolnym i z poradnią.", day);
		die_if(kz_case_save(db, &s->cfg, &v, &err), &err);
		kz_case_clear(&v);
	} else {
		struct kz_goal g = { 0 };
		char today[11];
		g.plan_id = xstrdup(s->plans[sim_rnd(s, (unsigned)s->nplans)]);
		g.what = xasprintf("Regularne uczęszczanie dziecka do szkoły (cel %d)", day);
		kz_today(today);
		g.target_date = xstrdup(today);
		g.target_date[0] = '2';
		g.target_date[3] = (char)(g.target_date[3] + 1); /* next year */
		die_if(kz_goal_save(db, &s->cfg, &g, &err), &err);
		kz_goal_clear(&g);
	}
	note_size(s, r);
	s->edits++;
}

static long long file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

static char *clock_of(struct kz_db *db)
{
	struct kz_sync_info info;
	struct kz_error err = { 0 };
	char *c;

	die_if(kz_sync_info(db, &info, &err), &err);
	c = xstrdup(info.clock);
	kz_sync_info_clear(&info);
	return c;
}

/* As sync ssh does it: the laptop's changes to the office, then what the
 * laptop lacks back. The answer's import status is returned (a retired
 * laptop's is refused). */
static enum kz_status sim_exchange(struct sim *s, int i, struct kz_error *err)
{
	struct kz_db *lap = s->rep[i];
	char *up = xasprintf("%s/up%d.kzs", s->dir, s->files);
	char *down = xasprintf("%s/down%d.kzs", s->dir, s->files++);
	char *since = clock_of(s->office), *theirs;
	double t0 = now_ms();
	enum kz_status st;

	die_if(kz_sync_export_since(lap, up, since, NULL, NULL, NULL, err), err);
	sample(&s->l_export, now_ms() - t0);
	sample(&s->file_up, (double)file_size(up));
	t0 = now_ms();
	die_if(kz_sync_import(s->office, up, NULL, NULL, NULL, err), err);
	sample(&s->o_import, now_ms() - t0);
	theirs = clock_of(lap);
	t0 = now_ms();
	die_if(kz_sync_export_since(s->office, down, theirs, NULL, NULL, NULL, err), err);
	sample(&s->o_export, now_ms() - t0);
	sample(&s->file_down, (double)file_size(down));
	t0 = now_ms();
	st = kz_sync_import(lap, down, NULL, NULL, NULL, err);
	if (st == KZ_OK)
		sample(&s->l_import, now_ms() - t0);
	unlink(up);
	unlink(down);
	free(up);
	free(down);
	free(since);
	free(theirs);
	return st;
}

static char *dump_of(struct kz_db *db)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_error err = { 0 };

	die_if(kz_sync_dump(db, &b, &err), &err);
	return kz_buf_detach(&b);
}

static bool same_as_office(struct sim *s, int i)
{
	char *a = dump_of(s->office), *b = dump_of(s->rep[i]);
	bool same = strcmp(a, b) == 0;

	free(a);
	free(b);
	return same;
}

/* The bytes the office's log would hold without compaction: every
 * transaction it holds, at the weight it had at its origin. */
static long long uncompacted_bytes(struct sim *s, struct kz_db *db)
{
	char *clock = clock_of(db);
	long long sum = 0;

	for (int r = 0; r <= s->c.nrep; r++) {
		char *at = strstr(clock, s->sizes[r].id);
		long long seq = at ? strtoll(at + strlen(s->sizes[r].id) + 1, NULL, 10) : 0;
		if (seq > s->sizes[r].n)
			seq = s->sizes[r].n;
		sum += s->sizes[r].prefix[seq];
	}
	free(clock);
	return sum;
}

static bool away(const struct sim_conf *c, int i, int day)
{
	return (i == c->away && day >= c->away_from && day < c->away_to) ||
	       (i == c->gone && day >= c->gone_from && day < c->gone_to);
}

static void month_row(struct sim *s, int day)
{
	long long held = sql_num(s->office, "SELECT sum(seq) FROM sync_clock", NULL);

	printf("  %5d %10lld %10lld %10.1f %10.1f %10lld %10.1f\n", day,
	       sql_num(s->office, "SELECT count(*) FROM sync_tx", NULL), held,
	       (double)log_bytes(s->office) / 1e6, (double)uncompacted_bytes(s, s->office) / 1e6,
	       sql_num(s->rep[0], "SELECT count(*) FROM sync_tx", NULL),
	       (double)log_bytes(s->rep[0]) / 1e6);
	fflush(stdout);
}

/* The retired laptop comes back: its changes go to the office, the
 * office's answer is refused on it with the advice to clone anew; it is
 * cloned anew. */
static void retired_returns(struct sim *s, int i)
{
	struct kz_error err = { 0 };
	enum kz_status st = sim_exchange(s, i, &err);

	printf("  day %d: laptop %d, retired on day %d, comes back: import %s\n", s->c.gone_to, i,
	       s->c.retire_on, st == KZ_INVALID ? "refused (exit 2)" : "NOT refused");
	if (st != KZ_INVALID || !strstr(err.msg, "koszyk sync clone"))
		kz_die("the retired laptop was not told to clone anew: %s", err.msg);
	printf("    told: %s\n", err.msg);
	kz_db_close(s->rep[i]);
	unlink(s->path[i]);
	die_if(kz_sync_clone(s->office_path, s->path[i], &s->cfg, "akowalska", &err), &err);
	sim_open(s, s->path[i], &s->rep[i]);
	printf("    cloned anew: %s\n", same_as_office(s, i) ? "same data as the office" : "DIFFERENT");
}

static void sim_day(struct sim *s, int day)
{
	struct kz_error err = { 0 };
	const struct sim_conf *c = &s->c;

	for (int k = 0; k < c->per_day; k++) {
		/* A tenth of the edits at the office, the rest on laptops. */
		int r = sim_rnd(s, 10) == 0 ? -1 : (int)sim_rnd(s, (unsigned)c->nrep);
		if (r >= 0 && away(c, r, day))
			r = (int)sim_rnd(s, 10) == 0 ? r : -1; /* away: little work */
		sim_edit(s, r, day);
	}
	if (day == c->retire_on && c->gone >= 0) {
		char *id = replica_id(s->rep[c->gone]);
		die_if(kz_sync_forget(s->office, id, &err), &err);
		printf("  day %d: the office retires laptop %d (away since day %d)\n", day, c->gone,
		       c->gone_from);
		free(id);
	}
	for (int i = 0; i < c->nrep; i++) {
		if ((day + i) % c->every != 0 || away(c, i, day))
			continue;
		if (i == c->gone && day >= c->gone_to && s->c.retire_on >= 0) {
			retired_returns(s, i);
			s->c.retire_on = -1; /* cloned anew: an ordinary laptop again */
			continue;
		}
		if (sim_exchange(s, i, &err) != KZ_OK)
			kz_die("exchange of laptop %d on day %d: %s", i, day, err.msg);
		if (i == c->away && day >= c->away_to && day < c->away_to + c->every)
			printf("  day %d: laptop %d, away from day %d, exchanges: %s\n", day, i,
			       c->away_from, same_as_office(s, i) ? "it holds what the office holds" : "DIFFERENT");
	}
}

static void print_samples(const char *what, struct samples *x, double scale, const char *unit)
{
	printf("  %-34s %10.1f %10.1f %10.1f %s\n", what, pct(x, 0.5) / scale, pct(x, 0.99) / scale,
	       pct(x, 1.0) / scale, unit);
}

static void sim_free(struct sim *s)
{
	char cmd[96];

	kz_db_close(s->office);
	for (int i = 0; i < s->c.nrep; i++) {
		kz_db_close(s->rep[i]);
		free(s->path[i]);
	}
	for (int r = 0; r <= s->c.nrep; r++)
		free(s->sizes[r].prefix);
	free(s->sizes);
	free(s->path);
	free(s->rep);
	free(s->services);
	free(s->contacts);
	free(s->cases);
	free(s->plans);
	free(s->l_export.v);
	free(s->o_import.v);
	free(s->o_export.v);
	free(s->l_import.v);
	free(s->file_up.v);
	free(s->file_down.v);
	kz_config_free(&s->cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", s->dir);
}

/* Returns 0 when every replica converged. */
static int simulate(const struct sim_conf *c)
{
	struct sim s = { .c = *c, .rng = 20261205 };
	struct kz_error err = { 0 };
	double t0 = now_ms();
	int differ = 0;

	sim_setup(&s);
	printf("\nSync through one office: %d laptops, %d days, %d edits a day "
	       "(45%% services, 10%% contact persons, 30%% case notes, 15%% goals added to plans),\n"
	       "each laptop exchanging every %d days as sync ssh does; laptop %d away from day %d to %d,\n"
	       "laptop %d away from day %d and retired by the office on day %d.\n",
	       c->nrep, c->days, c->per_day, c->every, c->away, c->away_from, c->away_to,
	       c->gone, c->gone_from, c->retire_on);
	printf("  change log: rows = transactions; MB = their text (values, clocks, who and when)\n");
	printf("  %5s %10s %10s %10s %10s %10s %10s\n", "day", "office", "office", "office MB",
	       "office MB", "laptop 0", "laptop 0");
	printf("  %5s %10s %10s %10s %10s %10s %10s\n", "", "rows", "rows w/o", "", "w/o", "rows", "MB");
	for (int day = 1; day <= c->days; day++) {
		sim_day(&s, day);
		if (day % 30 == 0 || day == c->days)
			month_row(&s, day);
	}
	/* Everyone exchanges twice round: everything everywhere. */
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < c->nrep; i++)
			if (sim_exchange(&s, i, &err) != KZ_OK)
				kz_die("final exchange of laptop %d: %s", i, err.msg);
	for (int i = 0; i < c->nrep; i++)
		differ += !same_as_office(&s, i);
	printf("  after two last rounds: office log %lld rows, %.1f MB (without compaction %lld rows, %.1f MB)\n",
	       sql_num(s.office, "SELECT count(*) FROM sync_tx", NULL), (double)log_bytes(s.office) / 1e6,
	       sql_num(s.office, "SELECT sum(seq) FROM sync_clock", NULL),
	       (double)uncompacted_bytes(&s, s.office) / 1e6);
	printf("  every replica holds the same data as the office (sync dump): %s (%d of %d differ)\n",
	       differ ? "NO" : "yes", differ, c->nrep);
	printf("  per exchange (%zu exchanges)             median        p99        max\n", s.o_export.n);
	print_samples("laptop export", &s.l_export, 1, "ms");
	print_samples("office import (with compaction)", &s.o_import, 1, "ms");
	print_samples("office export", &s.o_export, 1, "ms");
	print_samples("laptop import (with compaction)", &s.l_import, 1, "ms");
	print_samples("change file laptop -> office", &s.file_up, 1024, "KB");
	print_samples("change file office -> laptop", &s.file_down, 1024, "KB");
	printf("  %ld edits; simulation took %.0f s\n", s.edits, (now_ms() - t0) / 1000);
	sim_free(&s);
	return differ ? 1 : 0;
}

static void sync_vs_size(long big)
{
	char dir[] = "/tmp/koszyk-bench-sync-XXXXXX";
	struct result s, b;
	char cmd[64];
	long small = 100;

	if (!mkdtemp(dir))
		kz_die("mkdtemp failed");
	s = measure(dir, small);
	b = measure(dir, big);
	printf("sync of %d changes (ms)      %10s %10s %8s\n", EDITS, "small", "big", "big/small");
	printf("  database (services)        %10ld %10ld\n", small, big);
	printf("  one edit (with its log)    %10.2f %10.2f %8.2f\n", s.edit_ms, b.edit_ms, b.edit_ms / s.edit_ms);
	printf("  export %d changes          %10.1f %10.1f %8.2f\n", EDITS, s.export_ms, b.export_ms, b.export_ms / s.export_ms);
	printf("  import %d changes          %10.1f %10.1f %8.2f\n", EDITS, s.import_ms, b.import_ms, b.import_ms / s.import_ms);
	printf("goal: big/small at most 2 for export and import\n");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int main(int argc, char **argv)
{
	/* The rate (300 edits a day): every laptop applies every
	 * edit, 100 x 109,500 transactions, two to two and a half hours
	 * here; --sim
	 * keeps 100 laptops and a year at a rate that runs in a few
	 * minutes (the log's figures grow with the rate, the shape stays). */
	struct sim_conf full = {
		.nrep = 100, .days = 365, .per_day = 300, .every = 7,
		.away = 1, .away_from = 60, .away_to = 210,
		.gone = 2, .gone_from = 90, .gone_to = 300, .retire_on = 150,
		.on_disk = true,
	};
	struct sim_conf year = full;
	year.on_disk = false;
	struct sim_conf quick = {
		.nrep = 10, .days = 60, .per_day = 40, .every = 2,
		.away = 1, .away_from = 10, .away_to = 40,
		.gone = 2, .gone_from = 12, .gone_to = 50, .retire_on = 25,
	};
	year.per_day = 6;
	/* --season: the rate over four months, the absences shorter,
	 * for what --full takes two hours to show: the log while a laptop
	 * is away, its return, a retired laptop told to clone anew. */
	struct sim_conf season = full;
	season.days = 120;
	season.away_from = 20;
	season.away_to = 70;
	season.gone_from = 30;
	season.retire_on = 50;
	season.gone_to = 100;
	bool sim_only = argc > 1 && argv[1][0] == '-';

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!sim_only)
		sync_vs_size(argc > 1 ? atol(argv[1]) : 100000);
	printf("\ngoal (issue 14): 100 replicas through one office for a year of a few hundred edits a day: the log"
	       " stays small, a laptop away for months converges or is told to clone anew\n");
	if (argc > 1 && strcmp(argv[1], "--full") == 0)
		return simulate(&full);
	if (argc > 1 && strcmp(argv[1], "--season") == 0) {
		printf("(the issue's 300 edits a day for four months, a laptop away for seven weeks"
		       " and one retired: about half an hour here)\n");
		return simulate(&season);
	}
	if (argc > 1 && strcmp(argv[1], "--sim") == 0) {
		printf("(100 laptops at %d edits a day: about 7 minutes here; --full runs 300 a day, two to two and a half hours)\n",
		       year.per_day);
		return simulate(&year);
	}
	/* make bench: a couple of minutes at most. */
	printf("(the small simulation; bench_sync --sim runs 100 laptops for a year, about 7 minutes)\n");
	return simulate(&quick);
}
