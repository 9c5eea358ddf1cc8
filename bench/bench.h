/* The performance bench of issue 14 (make bench): the generated data,
 * the ways of timing a whole process and the full-screen program, and
 * the one table every figure is printed in. */
#ifndef KOSZYK_BENCH_H
#define KOSZYK_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/config.h"

/* Bump when the generated data changes: cached databases are keyed on it. */
#define BENCH_GEN_VERSION 1
#define BENCH_PARTNERS 2000
#define BENCH_USER "akowalska"  /* a coordinator of config/koszyk.yaml */

double bench_now_ms(void);

/* --- bench_gen.c ------------------------------------------------------- */

/* The cached database of n services (n = 0: the 2,000 partners and their
 * contact persons only), made when missing; its path, caller frees. */
char *bench_db(const struct kz_config *cfg, long n);
/* The titles of its services, one a line (for grep and fzf). */
char *bench_titles(const char *db, long n);
/* A CSV of n services for import csv, providers by name. */
char *bench_import_csv(const struct kz_config *cfg, long n);

/* --- bench_run.c -------------------------------------------------------- */

/* A finished process: wall time and peak RSS (wait4's ru_maxrss, KB). */
struct bench_proc {
	double ms;
	long rss_kb;
	int status;
};

/* Run argv (looked up in PATH) with stdin from in and stdout to out
 * (NULL: /dev/null), stderr to /dev/null. */
struct bench_proc bench_spawn(char *const argv[], const char *in, const char *out);
/* The environment of every process the bench runs: English messages, the
 * built-in configuration (an empty configuration folder). */
void bench_env(void);

/* The full-screen program in an 80x24 pseudo-terminal. */
struct bench_tui {
	double first_ms;       /* spawn to the last byte of the first screen */
	double key_ms[32];     /* key written to the last byte of its update */
	long key_bytes[32];
	long key_rows[32];     /* with rows_so: rows SQLite returned per key */
	long key_fts_rows[32]; /* ... and rows FTS5 read from its own tables */
	long first_rows;       /* ... and for the first screen */
	size_t nkeys;
	long rss_kb;
	bool ok;               /* the first screen came and the program left */
};
/* rows_so (NULL: none): build/bench/bench_rows.so, preloaded to count
 * the rows fetched per key (that run's times are not taken). */
void bench_tui_run(const char *koszyk, const char *db, const char *rows_so,
		   struct bench_tui *out);
/* The keys bench_tui_run types, for the table's labels. */
extern const char *const bench_tui_keys_label;
extern const char *const bench_tui_key_names[];  /* each, in order */

#endif
