/* What the fuzz targets share: a private temporary folder made once per
 * process and removed at exit, a demo database in it, and writing an
 * input to a file. Header only (each target is one program). */
#ifndef KOSZYK_FUZZ_COMMON_H
#define KOSZYK_FUZZ_COMMON_H

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "koszyk/access.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/demo.h"
#include "koszyk/model.h"
#include "koszyk/xalloc.h"

/* The partnership of every fuzz database and of the seed change files
 * (tests/fuzz/make_corpus.sh writes the same id into its demo). */
#define FUZZ_PARTNERSHIP "f0220000-0000-4000-8000-000000000001"
/* The replica that wrote the demo of the seed change files: the fuzz
 * databases hold its transaction (the demo), so that what came after it
 * applies. */
#define FUZZ_ORIGIN "f0220000-0000-4000-8000-000000000002"
/* Dates relative to today are the same on every run. */
#define FUZZ_TODAY "2026-11-23"

static char fuzz_dir[4096];

static __attribute__((unused)) int fuzz_rm_one(const char *path, const struct stat *sb, int flag,
		       struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static __attribute__((unused)) void fuzz_cleanup(void)
{
	if (fuzz_dir[0])
		nftw(fuzz_dir, fuzz_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	fuzz_dir[0] = '\0';
}

/* The private folder (under $TMPDIR or /tmp), made on the first call;
 * it and all in it go at exit. */
static const char *fuzz_tmpdir(void)
{
	if (!fuzz_dir[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(fuzz_dir, sizeof(fuzz_dir), "%s/koszyk-fuzz-XXXXXX",
			 base && *base ? base : "/tmp");
		if (!mkdtemp(fuzz_dir)) {
			perror(fuzz_dir);
			abort();
		}
		atexit(fuzz_cleanup);
	}
	return fuzz_dir;
}

/* A path in the private folder (to free). */
static char *fuzz_path(const char *name)
{
	return xasprintf("%s/%s", fuzz_tmpdir(), name);
}

static __attribute__((unused)) void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size) || close(fd) != 0) {
		perror(path);
		abort();
	}
}

/* How many entries the private folder holds (a target that leaves
 * temporary files behind is caught by comparing). */
static __attribute__((unused)) size_t fuzz_dir_entries(void)
{
	DIR *d = opendir(fuzz_tmpdir());
	struct dirent *e;
	size_t n = 0;

	if (!d)
		abort();
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static __attribute__((unused)) void fuzz_die(const char *what, const struct kz_error *err)
{
	fprintf(stderr, "%s: %s\n", what, err ? err->msg : "");
	abort();
}

/* A new demo database named name in the private folder, of the fuzz
 * partnership, opened as the coordinator of the example gmina; cfg gets
 * the built-in configuration (to keep). */
static __attribute__((unused)) struct kz_db *fuzz_demo_db(const char *name, struct kz_config *cfg)
{
	struct kz_error err = { 0 };
	struct kz_db *db;
	char *path = fuzz_path(name);

	setenv("KOSZYK_TODAY", FUZZ_TODAY, 1);
	if (kz_config_load_builtin(cfg, &err) != KZ_OK)
		fuzz_die("configuration", &err);
	if (kz_db_open(path, KZ_OPEN_CREATE, &db, &err) != KZ_OK)
		fuzz_die(path, &err);
	kz_db_set_login(db, cfg, "akowalska");
	if (kz_demo_fill(db, cfg, &err) != KZ_OK ||
	    kz_db_meta_set(db, "partnership_id", FUZZ_PARTNERSHIP, &err) != KZ_OK)
		fuzz_die("demo", &err);
	if (sqlite3_exec(kz_db_handle(db), "INSERT INTO sync_clock(origin, seq) VALUES ('"
			 FUZZ_ORIGIN "', 1)", NULL, NULL, NULL) != SQLITE_OK)
		fuzz_die("sync_clock", NULL);
	free(path);
	return db;
}

static __attribute__((unused)) bool fuzz_is_code(const struct kz_items *items, const char *code, size_t len)
{
	for (size_t i = 0; i < items->n; i++)
		if (strlen(items->v[i].code) == len && memcmp(items->v[i].code, code, len) == 0)
			return true;
	return false;
}

/* Every value of every field of the table passes its field's check, and
 * every vocabulary value is a code of the configuration (one, or several
 * separated by ';'). */
static __attribute__((unused)) void fuzz_check_table(struct kz_db *db, const struct kz_config *cfg,
			     const char *table, const struct kz_field *fields, size_t n)
{
	sqlite3 *h = kz_db_handle(db);

	for (size_t i = 0; i < n; i++) {
		const struct kz_field *f = &fields[i];
		const struct kz_items *vocab = kz_config_vocab(cfg, f->vocab);
		char *sql = xasprintf("SELECT DISTINCT \"%s\" FROM %s WHERE \"%s\" IS NOT NULL"
				      " AND \"%s\" <> ''", f->name, table, f->name, f->name);
		sqlite3_stmt *q;
		int rc = sqlite3_prepare_v2(h, sql, -1, &q, NULL);

		free(sql);
		if (rc != SQLITE_OK)
			continue; /* a field that is no column (e.g. a reference by name) */
		while (sqlite3_step(q) == SQLITE_ROW) {
			const char *v = (const char *)sqlite3_column_text(q, 0);
			struct kz_error err = { 0 };
			if (kz_field_check(f, v, &err) != KZ_OK) {
				fprintf(stderr, "%s.%s = \"%s\"\n", table, f->name, v);
				fuzz_die("a value that its field refuses was imported", &err);
			}
			if (!vocab)
				continue;
			/* One code, or codes separated by ';'. */
			for (const char *p = v; *p;) {
				size_t len = strcspn(p, ";");
				if (!fuzz_is_code(vocab, p, len)) {
					fprintf(stderr, "%s.%s = \"%s\"\n", table, f->name, v);
					fuzz_die("not a code of the configuration", NULL);
				}
				p += len;
				if (*p)
					p++;
			}
		}
		sqlite3_finalize(q);
	}
}

#endif
