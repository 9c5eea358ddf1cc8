/* Helpers shared by the unit tests: a fresh database in a temporary
 * folder. */
#ifndef KOSZYK_TESTUTIL_H
#define KOSZYK_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "koszyk/access.h"
#include "koszyk/db.h"
#include "koszyk/xalloc.h"

struct test_db {
	char dir[64];
	char path[128];
	struct kz_db *db;
};

static inline void test_db_open(struct test_db *t)
{
	struct kz_error err = { 0 };

	snprintf(t->dir, sizeof(t->dir), "/tmp/koszyk-test-XXXXXX");
	if (!mkdtemp(t->dir)) {
		perror("mkdtemp");
		abort();
	}
	snprintf(t->path, sizeof(t->path), "%s/test.db", t->dir);
	if (kz_db_open(t->path, KZ_OPEN_CREATE, &t->db, &err) != KZ_OK) {
		fprintf(stderr, "open: %s\n", err.msg);
		abort();
	}
	kz_db_set_principal(t->db, "tester", KZ_ROLE_COORDINATOR);
}

/* The first column of a one-row query (?1 bound to arg when not NULL);
 * -1 when it cannot be run. */
static inline long test_db_count(struct kz_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The text of the first column of a one-row query (allocated; "" when
 * it is NULL). */
static inline char *test_db_text(struct kz_db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *s = NULL;

	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = xstrdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	assert_non_null(s);
	return s;
}

/* Close the database and keep its folder (to open it again). */
static inline void test_db_close_keep(struct test_db *t)
{
	kz_db_close(t->db);
	t->db = NULL;
}

static inline void test_db_remove(struct test_db *t)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", t->dir);
}

static inline void test_db_close(struct test_db *t)
{
	test_db_close_keep(t);
	test_db_remove(t);
}

#endif
