/* Instant search on a big basket: builds a database of N services (100,000
 * by default) and times what one keystroke costs: the list for a growing
 * query, the global lookup, and browsing without a query. Prints a table;
 * the goal column says what "instant" means for each row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/search.h"
#include "koszyk/xalloc.h"

static const char *const words[] = {
	"pomoc", "psychologiczna", "żłobek", "świetlica", "terapia", "rodzina",
	"asystent", "porada", "prawna", "dowóz", "posiłek", "zajęcia", "sportowe",
	"seniorzy", "młodzież", "kurs", "zawodowy", "staż", "grupa", "wsparcia",
	"mieszkanie", "chronione", "opieka", "dzienna", "łódź", "wolontariat",
	"rehabilitacja", "logopeda", "korepetycje", "integracja", "uzależnienia",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *phrase(unsigned *seed, int n)
{
	char buf[512] = "";
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, words[rand_r(seed) % NWORDS]);
	}
	return xstrdup(buf);
}

static void fill(struct kz_db *db, long n)
{
	struct kz_error err = { 0 };
	char pids[50][KZ_ID_LEN + 1];
	unsigned seed = 42;

	kz_db_begin(db, &err);
	for (int i = 0; i < 50; i++) {
		struct kz_partner p = { 0 };
		p.name = xasprintf("Partner %d %s", i, words[i % NWORDS]);
		if (kz_partner_save(db, &p, &err) != KZ_OK)
			kz_die("%s", err.msg);
		memcpy(pids[i], p.id, sizeof(pids[i]));
		kz_partner_clear(&p);
	}
	for (long i = 0; i < n; i++) {
		struct kz_service s = { 0 };
		char *t = phrase(&seed, 3);
		s.title = xasprintf("%s %ld", t, i);
		free(t);
		s.description = phrase(&seed, 12);
		s.provider_id = xstrdup(pids[i % 50]);
		s.category = xstrdup(i % 2 ? "wsparcie_rodziny" : "opieka_nad_dziecmi");
		if (kz_service_save(db, &s, &err) != KZ_OK)
			kz_die("%s", err.msg);
		kz_service_clear(&s);
	}
	if (kz_db_commit(db, &err) != KZ_OK)
		kz_die("%s", err.msg);
}

static int RUNS = 41;
static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static size_t list_limit(void)
{
	return getenv("BENCH_LIMIT") ? (size_t)atol(getenv("BENCH_LIMIT")) : 500;
}

/* Median and 99th percentile (of RUNS runs: the slowest but none) in ms. */
static double time_list(struct kz_db *db, const char *q, size_t *hits, double *p99)
{
	double t[401];
	struct kz_error err = { 0 };

	for (int r = 0; r < RUNS; r++) {
		struct kz_rows rows;
		double t0 = now_ms();
		if (kz_service_list(db, q, NULL, list_limit(), &rows, &err) != KZ_OK)
			kz_die("%s", err.msg);
		t[r] = now_ms() - t0;
		*hits = rows.n;
		kz_rows_free(&rows);
	}
	qsort(t, RUNS, sizeof(*t), cmp_d);
	*p99 = t[RUNS - 1];
	return t[RUNS / 2];
}

static double time_global(struct kz_db *db, const char *q, size_t *hits, double *p99)
{
	double t[401];
	struct kz_error err = { 0 };

	for (int r = 0; r < RUNS; r++) {
		struct kz_hits h;
		double t0 = now_ms();
		if (kz_search(db, q, 20, &h, &err) != KZ_OK)
			kz_die("%s", err.msg);
		t[r] = now_ms() - t0;
		*hits = h.n;
		kz_hits_free(&h);
	}
	qsort(t, RUNS, sizeof(*t), cmp_d);
	*p99 = t[RUNS - 1];
	return t[RUNS / 2];
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	if (getenv("BENCH_RUNS"))
		RUNS = atoi(getenv("BENCH_RUNS"));
	char path[] = "/tmp/koszyk-bench-XXXXXX";
	char dbpath[64];
	struct kz_db *db;
	struct kz_error err = { 0 };
	static const char *const typed[] = {
		"p", "po", "pom", "pomo", "pomoc", "pomoc p", "pomoc psych",
		"z", "zl", "zlob", "zlobek", "lodz", "xyz", "\"; DROP TABLE",
	};

	if (!mkdtemp(path))
		return 3;
	snprintf(dbpath, sizeof(dbpath), "%s/bench.db", path);
	const char *keep = getenv("BENCH_DB");
	int exists = keep && access(keep, F_OK) == 0;
	if (kz_db_open(keep ? keep : dbpath, KZ_OPEN_CREATE, &db, &err) != KZ_OK)
		kz_die("%s", err.msg);
	kz_db_set_principal(db, "bench", KZ_ROLE_COORDINATOR);
	double t0 = now_ms();
	if (!exists)
		fill(db, n);
	printf("koszyk search benchmark: %ld services, 50 partners (filled in %.0f ms)\n\n",
	       n, now_ms() - t0);
	printf("(rows fetched per keystroke: at most %zu; times in ms over %d runs)\n\n", list_limit(), RUNS);
	printf("%-28s %8s %9s %9s %8s\n", "what (one keystroke)", "rows", "median", "max", "goal p99");
	size_t hits;
	double p99;
	double ms = time_list(db, NULL, &hits, &p99);
	printf("%-28s %8zu %9.2f %9.2f %8d\n", "browse", hits, ms, p99, 2);
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		char label[64];
		snprintf(label, sizeof(label), "list \"%s\"", typed[i]);
		ms = time_list(db, typed[i], &hits, &p99);
		printf("%-28s %8zu %9.2f %9.2f %8d\n", label, hits, ms, p99, 2);
	}
	for (size_t i = 0; i < 4; i++) {
		char label[64];
		snprintf(label, sizeof(label), "global \"%s\"", typed[i * 3]);
		ms = time_global(db, typed[i * 3], &hits, &p99);
		printf("%-28s %8zu %9.2f %9.2f %8d\n", label, hits, ms, p99, 2);
	}
	kz_db_close(db);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", path);
	return system(cmd) == 0 ? 0 : 1;
}
