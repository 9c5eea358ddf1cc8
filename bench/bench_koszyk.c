/* The bench of issue 14: for each size of generated basket (BENCH_SIZES
 * or the arguments: 1k, 10k, 100k, 1M; default all four) it times the
 * data layer per keystroke, the whole `koszyk search` process beside the
 * sqlite3 shell, grep -i and fzf --filter on the same data, and the
 * full-screen program in a pseudo-terminal; then `import csv services`
 * of BENCH_IMPORT_ROWS rows beside the sqlite3 shell's floor. Every
 * figure goes into one table: median, 99th percentile, the issue's
 * target and pass or miss. Every process is run once before it is timed,
 * so all of them, koszyk and the anchors alike, read warm caches. */
#include "bench.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/fold.h"
#include "koszyk/search.h"
#include "koszyk/xalloc.h"

#define KOSZYK "build/koszyk"
#define ROWS_SO "build/bench/bench_rows.so"
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define UI_LIST_LIMIT 40    /* what the basket screen asks for at 80x24: two screens (ui_list_want) */
#define UI_LOOKUP_PER_KIND 20

/* --- figures and the table --------------------------------------------- */

struct stats {
	size_t n;
	double med, p99, max;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static struct stats stats_of(double *v, size_t n)
{
	struct stats s = { .n = n };

	if (!n)
		return s;
	qsort(v, n, sizeof(*v), cmp_double);
	s.med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	s.p99 = v[(size_t)ceil(0.99 * (double)n) - 1];
	s.max = v[n - 1];
	return s;
}

/* A growing set of samples. */
struct samples {
	double *v;
	size_t n, cap;
};

static void add(struct samples *s, double x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	s->v[s->n++] = x;
}

static struct stats take(struct samples *s)
{
	struct stats st = stats_of(s->v, s->n);

	free(s->v);
	memset(s, 0, sizeof(*s));
	return st;
}

enum verdict { NA, PASS, MISS };

/* A cell padded to width characters (not bytes: "≤", "×" and Polish
 * letters are two or three bytes of UTF-8). */
static void cell(const char *text, int width, bool right)
{
	int chars = 0;

	for (const char *p = text; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	printf("| ");
	for (int i = chars; right && i < width; i++)
		putchar(' ');
	fputs(text, stdout);
	for (int i = chars; !right && i < width; i++)
		putchar(' ');
	putchar(' ');
}

static const int widths[] = { 5, 34, 4, 10, 10, 18, 4, 0 };

static void cells(const char *const v[8])
{
	for (int i = 0; i < 8; i++)
		cell(v[i], widths[i], i >= 2 && i <= 4);
	puts("|");
}

/* The one table printer: a row per figure. */
static void row(const char *size, const char *what, struct stats s, const char *unit,
		const char *target, enum verdict v, const char *note)
{
	static const char *const word[] = { "", "pass", "MISS" };
	char n[16], med[24], p99[24];

	snprintf(n, sizeof(n), "%zu", s.n);
	snprintf(med, sizeof(med), "%.*f %s", s.med < 10 ? 2 : 0, s.med, unit);
	snprintf(p99, sizeof(p99), "%.*f %s", s.p99 < 10 ? 2 : 0, s.p99, unit);
	cells((const char *const[]){ size, what, n, med, p99, target, word[v], note ? note : "" });
}

static void table_head(void)
{
	cells((const char *const[]){ "size", "what", "n", "median", "p99", "target", "",
				    "anchor, ratio, notes" });
	for (int i = 0; i < 8; i++)
		printf("|%.*s", (widths[i] ? widths[i] : 20) + 2,
		       "-------------------------------------------------");
	puts("|");
}

static enum verdict verdict(bool ok)
{
	return ok ? PASS : MISS;
}

static const char *size_label(long n, char buf[24])
{
	if (n >= 1000000 && n % 1000000 == 0)
		snprintf(buf, 24, "%ldM", n / 1000000);
	else if (n >= 1000 && n % 1000 == 0)
		snprintf(buf, 24, "%ldk", n / 1000);
	else
		snprintf(buf, 24, "%ld", n);
	return buf;
}

static long env_long(const char *name, long dflt)
{
	const char *v = getenv(name);
	return v && *v ? atol(v) : dflt;
}

/* --- the data layer per keystroke ---------------------------------------- */

/* A word typed whole, one letter at a time (longer than the 8 letters
 * the index once held prefixes of: see migration 25). */
static const char *const growing[] = {
	"p", "ps", "psy", "psyc", "psych", "psycho", "psychol", "psycholo", "psycholog",
	"psychologi", "psychologic", "psychologicz", "psychologiczn", "psychologiczna",
};
static const char *const polish[] = {
	"żłobek", "zlobek", "łódź", "lodz", "świetlica", "swietlica", "pomoc psych",
	"dąbrowski", "dabrowski", "xyz",
};
/* "a" and "r": a first letter most titles hold past their first word
 * (every case's code is "R/…"), the lookup's hardest. */
static const char *const global[] = {
	"p", "a", "r", "psych", "psycholog", "psychologiczna", "zlobek", "łódź", "pomoc psych",
	"pomoc psychologiczna",
};

/* One timed call of the list or the lookup; the rows it materialised. */
static size_t call(struct kz_db *db, const char *q, bool lookup, double *ms)
{
	struct kz_error err = { 0 };
	struct kz_rows rows;
	struct kz_hits hits;
	size_t n;
	double t0 = bench_now_ms();

	if (lookup) {
		if (kz_search(db, q, UI_LOOKUP_PER_KIND, &hits, &err) != KZ_OK)
			kz_die("bench: search \"%s\": %s", q, err.msg);
	} else if (kz_service_list(db, q, NULL, UI_LIST_LIMIT, &rows, &err) != KZ_OK) {
		kz_die("bench: list \"%s\": %s", q, err.msg);
	}
	*ms = bench_now_ms() - t0;
	n = lookup ? hits.n : rows.n;
	if (lookup)
		kz_hits_free(&hits);
	else
		kz_rows_free(&rows);
	return n;
}

/* Every query, each after one untimed call; the worst query's p99 is
 * named in the note. */
static void keystroke_row(struct kz_db *db, const char *size, long n, const char *what,
			  const char *const *qs, size_t nq, bool lookup, struct samples *rows)
{
	struct samples all = { 0 };
	double limit = n >= 1000000 ? 10 : 2, worst = 0;
	const char *worst_q = "";
	long reps = env_long("BENCH_SAMPLES", 30);
	char note[96], target[24];

	for (size_t i = 0; i < nq; i++) {
		struct samples one = { 0 };
		double ms;
		call(db, qs[i], lookup, &ms);
		for (long r = 0; r < reps; r++) {
			size_t got = call(db, qs[i], lookup, &ms);
			add(&one, ms);
			add(&all, ms);
			if (rows && r == 0)
				add(rows, (double)got);
		}
		struct stats s = take(&one);
		if (getenv("BENCH_DETAIL"))
			fprintf(stderr, "  %-26s \"%s\": median %.2f ms, p99 %.2f ms\n",
				what, qs[i], s.med, s.p99);
		if (s.p99 >= worst) {
			worst = s.p99;
			worst_q = qs[i];
		}
	}
	snprintf(note, sizeof(note), "worst \"%s\" p99 %.1f ms", worst_q, worst);
	snprintf(target, sizeof(target), "p99 < %.0f ms", limit);
	struct stats s = take(&all);
	row(size, what, s, "ms", target, verdict(s.p99 < limit), note);
}

static void data_layer_rows(const char *dbpath, const char *size, long n)
{
	struct kz_db *db;
	struct kz_error err = { 0 };
	struct samples rows = { 0 };
	char note[96];

	if (kz_db_open(dbpath, KZ_OPEN_EXISTING, &db, &err) != KZ_OK)
		kz_die("bench: %s", err.msg);
	kz_db_set_principal(db, BENCH_USER, KZ_ROLE_COORDINATOR);
	keystroke_row(db, size, n, "list, growing \"p\"…\"psychologiczna\"", growing,
		      N(growing), false, &rows);
	keystroke_row(db, size, n, "list, Polish ± diacritics", polish, N(polish),
		      false, &rows);
	keystroke_row(db, size, n, "global lookup (kz_search)", global, N(global),
		      true, NULL);
	/* No counter in the data layer: the rows one list call materialises
	 * when asked for what the screen asks (UI_LIST_LIMIT). */
	snprintf(note, sizeof(note), "kz_service_list(limit %d) returns", UI_LIST_LIMIT);
	struct stats s = take(&rows);
	row(size, "rows a list call materialises", s, "", "≤ 50 (2 screens)",
	    verdict(s.p99 <= 50), note);
	kz_db_close(db);
}

/* --- whole processes ------------------------------------------------------ */

/* The median time of argv over BENCH_PROC_SAMPLES runs after one
 * untimed run; stops the bench when it fails. */
static struct stats time_proc(char *const argv[], const char *in, long *rss_kb)
{
	struct samples t = { 0 };
	long reps = env_long("BENCH_PROC_SAMPLES", 20);

	bench_spawn(argv, in, NULL);
	for (long r = 0; r < reps; r++) {
		struct bench_proc p = bench_spawn(argv, in, NULL);
		/* grep exits 1 when nothing matched: that is an answer too */
		if (!WIFEXITED(p.status) || WEXITSTATUS(p.status) > 1)
			kz_die("bench: %s failed (status %d)", argv[0], p.status);
		add(&t, p.ms);
		if (rss_kb && p.rss_kb > *rss_kb)
			*rss_kb = p.rss_kb;
	}
	return take(&t);
}

/* What koszyk search asks of the index, as one query for the sqlite3
 * shell: for each kind the records whose folded text matches every word
 * as a prefix, in the order of the folded title, 50 of each (koszyk
 * search's limit), archived services left out. */
#define KIND_FROM(table, t) " FROM search_doc d JOIN " table " ON " t ".id = d.ref"
#define KIND_WHERE(kind) " WHERE d.kind = '" kind "' AND d.docid IN" \
	" (SELECT rowid FROM search_fts WHERE search_fts MATCH '%s')"

static char *sqlite_search_sql(const char *query)
{
	char *match = kz_fts_query(query);
	const char *m = match ? match : "\"\"";
	char *sql = xasprintf(
		"SELECT * FROM (SELECT s.id, s.title, p.name" KIND_FROM("services s", "s")
		" JOIN partners p ON p.id = s.provider_id" KIND_WHERE("service")
		" AND s.status <> 'archived' ORDER BY d.sort_key LIMIT 50)"
		" UNION ALL SELECT * FROM (SELECT p.id, p.name, p.phone" KIND_FROM("partners p", "p")
		KIND_WHERE("partner") " ORDER BY d.sort_key LIMIT 50)"
		" UNION ALL SELECT * FROM (SELECT c.id, c.name, c.phone" KIND_FROM("contacts c", "c")
		KIND_WHERE("contact") " ORDER BY d.sort_key LIMIT 50)"
		" UNION ALL SELECT * FROM (SELECT c.id, c.code, c.status" KIND_FROM("cases c", "c")
		KIND_WHERE("case") " ORDER BY d.sort_key LIMIT 50);",
		m, m, m, m);

	free(match);
	return sql;
}

static void process_rows(const char *db, const char *titles, const char *size,
			 const char *q)
{
	char *sql = sqlite_search_sql(q);
	char *const kz[] = { KOSZYK, "-d", (char *)db, "--as", BENCH_USER, "search",
			     (char *)q, NULL };
	char *const sq[] = { "sqlite3", "-readonly", (char *)db, sql, NULL };
	char *const gr[] = { "grep", "-i", "--", (char *)q, (char *)titles, NULL };
	char *const fz[] = { "fzf", "--filter", (char *)q, NULL };
	char what[64], note[96];

	struct stats k = time_proc(kz, NULL, NULL);
	struct stats s = time_proc(sq, NULL, NULL);
	struct stats g = time_proc(gr, NULL, NULL);
	struct stats f = time_proc(fz, titles, NULL);
	snprintf(what, sizeof(what), "`koszyk search %s` process", q);
	snprintf(note, sizeof(note), "sqlite3 %.1f ms: %.2f×", s.med, k.med / s.med);
	row(size, what, k, "ms", "≤ 1.5× sqlite3", verdict(k.med <= 1.5 * s.med), note);
	row(size, "  anchor: sqlite3 shell, same FTS5", s, "ms", "", NA, "");
	snprintf(note, sizeof(note), "koszyk / grep %.2f×", k.med / g.med);
	row(size, "  anchor: grep -i on the titles", g, "ms", "", NA, note);
	snprintf(note, sizeof(note), "fzf / koszyk %.1f×", f.med / k.med);
	row(size, "  anchor: fzf --filter on titles", f, "ms", "≥ 8× koszyk",
	    verdict(f.med >= 8 * k.med), note);
	free(sql);
}

/* --- the full-screen program ---------------------------------------------- */

static void tui_rows(const char *db, const char *size)
{
	struct samples first = { 0 }, key = { 0 }, bytes = { 0 }, rss = { 0 }, fetched = { 0 };
	long rounds = env_long("BENCH_ROUNDS", 10), failed = 0;
	double worst = -1;
	size_t worst_key = 0;
	char note[96];
	struct bench_tui t;

	/* the warm run counts the rows fetched per key */
	char *so = realpath(ROWS_SO, NULL);
	if (!so)
		kz_die("bench: %s is missing (make bench builds it)", ROWS_SO);
	bench_tui_run(KOSZYK, db, so, &t);
	free(so);
	/* the first screen reads rows: none counted means no counting */
	bool counted = t.first_rows > 0;
	long fts_most = 0;
	for (size_t k = 0; k < t.nkeys; k++) {
		add(&fetched, (double)t.key_rows[k]);
		if (t.key_fts_rows[k] > fts_most)
			fts_most = t.key_fts_rows[k];
	}
	for (long r = 0; r < rounds; r++) {
		bench_tui_run(KOSZYK, db, NULL, &t);
		if (!t.ok)
			failed++;
		add(&first, t.first_ms);
		for (size_t k = 0; k < t.nkeys; k++) {
			if (t.key_ms[k] > worst) {
				worst = t.key_ms[k];
				worst_key = k;
			}
			add(&key, t.key_ms[k]);
			add(&bytes, (double)t.key_bytes[k]);
		}
		add(&rss, t.rss_kb / 1024.0);
	}
	snprintf(note, sizeof(note), "%ld of %ld runs did not finish", failed, rounds);
	struct stats s = take(&first);
	row(size, "start to first screen (pty 80×24)", s, "ms", "< 50 ms",
	    verdict(s.max < 50), failed ? note : "legend drawn, then waits for a key");
	s = take(&key);
	snprintf(note, sizeof(note), "worst %.1f ms (%s); keys %s", s.max,
		 bench_tui_key_names[worst_key], bench_tui_keys_label);
	row(size, "key to screen", s, "ms", "< 16 ms, worst too", verdict(s.max < 16), note);
	s = take(&bytes);
	snprintf(note, sizeof(note), "most %.0f B", s.max);
	row(size, "bytes to the terminal per key", s, "B", "< 4 KB",
	    verdict(s.max < 4096), note);
	s = take(&rss);
	row(size, "peak RSS of the program", s, "MB", "< 32 MB", verdict(s.max < 32), "");
	s = take(&fetched);
	snprintf(note, sizeof(note), counted ? "most %.0f to koszyk; FTS5's own reads of its tables: most %ld a key"
		 : "not measured: bench_rows.so counted nothing (%.0f; %ld)", s.max, fts_most);
	row(size, "rows fetched per key (program)", s, "", "≤ 50 (2 screens)",
	    counted ? verdict(s.max <= 50) : NA, note);
}

/* --- import -------------------------------------------------------------- */

static void import_rows(const struct kz_config *cfg)
{
	long n = env_long("BENCH_IMPORT_ROWS", 100000), reps = env_long("BENCH_IMPORT_RUNS", 3);
	char *base = bench_db(cfg, 0), *csv = bench_import_csv(cfg, n);
	const char *tmp = "build/bench/import-run.db", *floor_db = "build/bench/floor-run.db";
	char *const cp[] = { "cp", base, (char *)tmp, NULL };
	char *const rm[] = { "rm", "-f", (char *)tmp, "build/bench/import-run.db-wal",
			     "build/bench/import-run.db-shm", (char *)floor_db, NULL };
	char *const kz[] = { KOSZYK, "-d", (char *)tmp, "--as", BENCH_USER, "import", "csv",
			     "services", csv, NULL };
	char *imp = xasprintf(".import --csv %s raw", csv);
	char *const sq[] = { "sqlite3", (char *)floor_db, imp,
		"CREATE VIRTUAL TABLE f USING fts5(title, description,"
		" tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
		" INSERT INTO f(title, description) SELECT title, description FROM raw;", NULL };
	/* Not a goal: the index koszyk keeps (the fields its search finds,
	 * prefixes of 1 to 20 letters: src/db/schema.c, migration 25), built
	 * by the sqlite3 shell alone; how much of the import it is. */
	char *const own[] = { "sqlite3", (char *)floor_db, imp,
		"CREATE VIRTUAL TABLE f USING fts5(title, body,"
		" tokenize = 'unicode61 remove_diacritics 2',"
		" prefix = '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20');"
		" INSERT INTO f(title, body) SELECT title, description || ' ' || access_conditions"
		" || ' ' || place || ' ' || category || ' ' || target_groups || ' ' || provider"
		" FROM raw; INSERT INTO f(f) VALUES('optimize');", NULL };
	struct samples tk = { 0 }, ts = { 0 }, rss = { 0 }, to = { 0 };
	char size[24], note[96];

	for (long r = 0; r < reps; r++) {
		bench_spawn(rm, NULL, NULL);
		bench_spawn(cp, NULL, NULL);
		struct bench_proc p = bench_spawn(kz, NULL, NULL);
		if (p.status != 0)
			kz_die("bench: koszyk import csv services %s failed (status %d)", csv, p.status);
		add(&tk, p.ms);
		add(&rss, p.rss_kb / 1024.0);
		p = bench_spawn(sq, NULL, NULL);
		if (p.status != 0)
			kz_die("bench: the sqlite3 floor failed (status %d)", p.status);
		add(&ts, p.ms);
		bench_spawn(rm, NULL, NULL);
		p = bench_spawn(own, NULL, NULL);
		if (p.status != 0)
			kz_die("bench: the sqlite3 build of koszyk's index failed (status %d)", p.status);
		add(&to, p.ms);
	}
	bench_spawn(rm, NULL, NULL);
	size_label(n, size);
	struct stats k = take(&tk), s = take(&ts);
	double floor_ms = s.med;
	snprintf(note, sizeof(note), "floor %.2f s: %.1f×; %d partners in the database",
		 s.med / 1000, k.med / s.med, BENCH_PARTNERS);
	k.med /= 1000;
	k.p99 /= 1000;
	row(size, "`import csv services`", k, "s", "≤ 2× floor", verdict(k.med * 1000 <= 2 * s.med),
	    note);
	s.med /= 1000;
	s.p99 /= 1000;
	row(size, "  floor: sqlite3 .import + FTS5", s, "s", "", NA, "");
	s = take(&to);
	snprintf(note, sizeof(note), "%.1f× the floor: the index alone, not a goal",
		 s.med / floor_ms);
	s.med /= 1000;
	s.p99 /= 1000;
	row(size, "  koszyk's index by sqlite3 alone", s, "s", "", NA, note);
	s = take(&rss);
	row(size, "  peak RSS of the import", s, "MB", "< 64 MB", verdict(s.max < 64), "");
	free(imp);
	free(csv);
	free(base);
}

/* --- main ---------------------------------------------------------------- */

/* BENCH_ONLY: some groups of rows (data, process, tui, import; comma
 * separated); all when unset. */
static bool wants(const char *group)
{
	const char *only = getenv("BENCH_ONLY");
	size_t n = strlen(group);

	if (!only || !*only)
		return true;
	for (const char *p = strstr(only, group); p; p = strstr(p + 1, group))
		if ((p == only || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return true;
	return false;
}

static long parse_size(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (*end == 'k' || *end == 'K')
		v *= 1e3;
	else if (*end == 'M' || *end == 'm')
		v *= 1e6;
	return (long)v;
}

/* The sizes: the arguments, else BENCH_SIZES (comma or space
 * separated), else all four. */
static size_t sizes(int argc, char **argv, long out[16])
{
	char buf[256];
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 1; i < argc; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s ", argv[i]);
	if (!buf[0])
		snprintf(buf, sizeof(buf), "%s",
			 getenv("BENCH_SIZES") ? getenv("BENCH_SIZES") : "1k 10k 100k 1M");
	for (char *t = strtok(buf, ", "); t && n < 16; t = strtok(NULL, ", "))
		if (parse_size(t) > 0)
			out[n++] = parse_size(t);
	return n;
}

static void machine_line(void)
{
	double load[3] = { 0 };
	time_t now = time(NULL);
	char when[32];

	getloadavg(load, 3);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&now));
	printf("koszyk bench (issue 14), %s: %ld cores, load average at start %.2f %.2f %.2f\n",
	       when, sysconf(_SC_NPROCESSORS_ONLN), load[0], load[1], load[2]);
	printf("samples: data layer %ld a query, processes %ld, full-screen runs %ld, imports %ld;"
	       " caches warm for all\n\n", env_long("BENCH_SAMPLES", 30),
	       env_long("BENCH_PROC_SAMPLES", 20), env_long("BENCH_ROUNDS", 10),
	       env_long("BENCH_IMPORT_RUNS", 3));
}

int main(int argc, char **argv)
{
	struct kz_config cfg = { 0 };
	struct kz_error err = { 0 };
	long n[16];
	size_t nsizes = sizes(argc, argv, n);

	if (access(KOSZYK, X_OK) != 0)
		kz_die("bench: run from the top folder after make (%s is missing)", KOSZYK);
	if (kz_config_load_builtin(&cfg, &err) != KZ_OK)
		kz_die("bench: %s", err.msg);
	bench_env();
	/* the databases first: their making is not in the figures */
	for (size_t i = 0; i < nsizes; i++)
		free(bench_db(&cfg, n[i]));
	machine_line();
	table_head();
	for (size_t i = 0; i < nsizes; i++) {
		char size[24];
		char *db = bench_db(&cfg, n[i]);
		char *titles = bench_titles(db, n[i]);
		size_label(n[i], size);
		if (wants("data"))
			data_layer_rows(db, size, n[i]);
		if (wants("process")) {
			process_rows(db, titles, size, "psych");
			process_rows(db, titles, size, "p");
		}
		if (wants("tui"))
			tui_rows(db, size);
		free(titles);
		free(db);
		fflush(stdout);
	}
	if (wants("import") && env_long("BENCH_IMPORT_RUNS", 3) > 0)
		import_rows(&cfg);
	kz_config_free(&cfg);
	return 0;
}
