/* libFuzzer target for the far end of "koszyk sync ssh" ("koszyk sync
 * serve"): any bytes the near end sends on its stdin (the line FILE
 * SIZE, then the change file) must give the answer of the protocol —
 * the greeting, then OK, FILE SIZE and exactly that many bytes, or one
 * line ERR STATUS MESSAGE — never a crash, a leak, a hang or a
 * temporary file left behind. The input is the whole stdin of
 * kz_sync_serve (read from a file), on a demo database that is put back
 * as it was after each input that changed it.
 *
 * The fuzz build takes any checksum of a change file (see
 * fuzz_sync_file.c). Seeds: tests/fuzz/corpus/fuzz_serve.
 * Built and run by "make fuzz" (FUZZ_SECONDS per target). */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fuzz_common.h"
#include "koszyk/sync.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kz_config cfg;
static struct kz_db *db;
static sqlite3 *pristine;
static char *req, *resp;

static void done(void)
{
	kz_db_close(db);
	sqlite3_close(pristine);
	kz_config_free(&cfg);
	free(req);
	free(resp);
}

static void copy_db(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");

	if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE ||
	    sqlite3_backup_finish(b) != SQLITE_OK) {
		fprintf(stderr, "backup: %s\n", sqlite3_errmsg(to));
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	db = fuzz_demo_db("office.db", &cfg);
	/* The temporary files of the protocol go to the private folder,
	 * where a file left behind is seen. */
	setenv("TMPDIR", fuzz_tmpdir(), 1);
	if (sqlite3_open(":memory:", &pristine) != SQLITE_OK)
		abort();
	copy_db(pristine, kz_db_handle(db));
	req = fuzz_path("request");
	resp = fuzz_path("answer");
	atexit(done);
	return 0;
}

/* The answer: the greeting, then OK FILE SIZE and the bytes or ERR. */
static void check_answer(const char *a, size_t n, enum kz_status st)
{
	static const char hello[] = "KOSZYK-SYNC 1 " FUZZ_PARTNERSHIP " ";
	const char *nl = memchr(a, '\n', n), *rest;
	size_t left;

	if (n < sizeof(hello) - 1 || memcmp(a, hello, sizeof(hello) - 1) != 0 || !nl)
		fuzz_die("no greeting", NULL);
	rest = nl + 1;
	left = n - (size_t)(rest - a);
	if (st != KZ_OK) {
		/* One line: ERR STATUS MESSAGE. */
		if (left < 7 || memcmp(rest, "ERR ", 4) != 0 || rest[left - 1] != '\n' ||
		    memchr(rest, '\n', left - 1) || atoi(rest + 4) != (int)st)
			fuzz_die("not one ERR line", NULL);
		return;
	}
	if (left < 10 || memcmp(rest, "OK\nFILE ", 8) != 0)
		fuzz_die("no OK FILE", NULL);
	char *end;
	long long size = strtoll(rest + 8, &end, 10);
	if (*end != '\n' || size < 0 || (size_t)size != left - (size_t)(end + 1 - rest))
		fuzz_die("FILE SIZE does not match the bytes", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_error err = { 0 };
	sqlite3 *h = kz_db_handle(db);
	int changes = sqlite3_total_changes(h);
	size_t before;
	enum kz_status st;
	int in, out;

	fuzz_write_file(req, data, size);
	in = open(req, O_RDONLY | O_CLOEXEC);
	out = open(resp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (in < 0 || out < 0)
		abort();
	before = fuzz_dir_entries();
	st = kz_sync_serve(db, in, out, &err);
	if (fuzz_dir_entries() != before)
		fuzz_die("a temporary file was left behind", &err);
	if (!sqlite3_get_autocommit(h))
		fuzz_die("a transaction was left open", &err);
	if (st != KZ_OK && !err.msg[0])
		fuzz_die("an error without a message", &err);

	off_t n = lseek(out, 0, SEEK_END);
	char *a = xmalloc((size_t)n + 1);
	if (pread(out, a, (size_t)n, 0) != (ssize_t)n)
		abort();
	check_answer(a, (size_t)n, st);
	free(a);
	close(in);
	close(out);
	/* What the input changed goes: each input meets the same database. */
	if (sqlite3_total_changes(h) != changes)
		copy_db(h, pristine);
	return 0;
}
