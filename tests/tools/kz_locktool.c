/* For the tests only (never installed): open a locked change file with
 * the key of a database into a plain SQLite file, or seal a plain one,
 * so that the tests can still damage what is inside the lock and see
 * that the checks of a change file's contents catch it.
 *
 *   kz_locktool open DB LOCKED PLAIN
 *   kz_locktool seal DB PLAIN LOCKED */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/db.h"
#include "koszyk/locked.h"
#include "koszyk/util.h"

int main(int argc, char **argv)
{
	struct kz_error err = { 0 };
	struct kz_db *db = NULL;
	unsigned char key[KZ_KEY_BYTES], *plain = NULL;
	size_t len = 0;
	char *data = NULL;
	enum kz_status st;

	if (argc != 5 || (strcmp(argv[1], "open") != 0 && strcmp(argv[1], "seal") != 0)) {
		fprintf(stderr, "usage: kz_locktool open|seal DB IN OUT\n");
		return 2;
	}
	st = kz_db_open(argv[2], KZ_OPEN_EXISTING, &db, &err);
	if (st == KZ_OK && !kz_key_load(db, key))
		st = kz_fail(&err, KZ_INVALID, "%s holds no key", argv[2]);
	if (st == KZ_OK && argv[1][0] == 'o') {
		st = kz_locked_read(key, KZ_LOCKED_CHANGES, argv[3], &plain, &len, &err);
		if (st == KZ_OK)
			st = kz_write_file_atomic(argv[4], (const char *)plain, len, 0600, &err);
		sqlite3_free(plain);
	} else if (st == KZ_OK) {
		st = kz_read_file(argv[3], &data, &len, &err);
		if (st == KZ_OK)
			st = kz_locked_write(key, KZ_LOCKED_CHANGES, data, len, argv[4], &err);
		free(data);
	}
	kz_db_close(db);
	if (st != KZ_OK)
		fprintf(stderr, "kz_locktool: %s\n", err.msg);
	return kz_status_exit_code(st);
}
