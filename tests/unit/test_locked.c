/* Locked files: what is sealed opens to exactly the same bytes, at every
 * size around the chunk boundaries; a file cut at a chunk's end (no final
 * chunk), with two chunks swapped, lengthened, or with any byte changed
 * does not open; another key and another kind are named; nothing of the
 * contents is in the clear. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <sodium.h>
#include <sqlite3.h>

#include "koszyk/locked.h"
#include "koszyk/util.h"
#include "testutil.h"

#define CHUNK 65536
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES

struct fixture {
	struct test_db t;
	unsigned char key[KZ_KEY_BYTES];
	char path[200];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	test_db_open(&f->t);
	assert_true(kz_key_load(f->t.db, f->key));
	snprintf(f->path, sizeof(f->path), "%s/f.locked", f->t.dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	test_db_close(&f->t);
	free(f);
	return 0;
}

static unsigned char *pattern(size_t n)
{
	unsigned char *p = malloc(n ? n : 1);

	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)("Rodzina Przykładowa, cel: praca. "[i % 33] + i / 33 % 3);
	return p;
}

static void seal(struct fixture *f, const unsigned char *plain, size_t n)
{
	struct kz_error err = { 0 };

	unlink(f->path);
	assert_int_equal(kz_locked_write(f->key, KZ_LOCKED_CHANGES, plain, n, f->path, &err), KZ_OK);
}

static enum kz_status open_file(struct fixture *f, const char *path, struct kz_error *err)
{
	unsigned char *plain = NULL;
	size_t n = 0;
	enum kz_status st = kz_locked_read(f->key, KZ_LOCKED_CHANGES, path, &plain, &n, err);

	sqlite3_free(plain);
	return st;
}

static unsigned char *slurp(const char *path, size_t *n)
{
	char *data = NULL;
	struct kz_error err = { 0 };

	assert_int_equal(kz_read_file(path, &data, n, &err), KZ_OK);
	return (unsigned char *)data;
}

static void spit(const char *path, const unsigned char *d, size_t n)
{
	FILE *out = fopen(path, "wb");

	assert_non_null(out);
	assert_int_equal(fwrite(d, 1, n, out), n);
	fclose(out);
}

static void test_round_trip_at_every_boundary(void **state)
{
	struct fixture *f = *state;
	size_t sizes[] = { 0, 1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17 };

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *plain = pattern(sizes[i]), *back = NULL;
		size_t n = 0;
		struct kz_error err = { 0 };
		struct stat sb;
		seal(f, plain, sizes[i]);
		assert_int_equal(stat(f->path, &sb), 0);
		assert_int_equal(sb.st_mode & 0777, 0600);
		assert_int_equal(kz_locked_read(f->key, KZ_LOCKED_CHANGES, f->path, &back, &n, &err), KZ_OK);
		assert_int_equal(n, sizes[i]);
		assert_memory_equal(back, plain, sizes[i] ? sizes[i] : 0);
		sqlite3_free(back);
		free(plain);
	}
}

static void test_contents_are_not_in_the_clear(void **state)
{
	struct fixture *f = *state;
	unsigned char *plain = pattern(3 * CHUNK), *raw;
	size_t n;

	seal(f, plain, 3 * CHUNK);
	raw = slurp(f->path, &n);
	assert_null(memmem(raw, n, "Rodzina", 7));
	assert_null(memmem(raw, n, "praca", 5));
	assert_null(memmem(raw, n, f->key, KZ_KEY_BYTES));
	free(raw);
	free(plain);
}

static void test_cut_swapped_lengthened_flipped(void **state)
{
	struct fixture *f = *state;
	unsigned char *plain = pattern(3 * CHUNK + 5), *raw, *copy;
	struct kz_error err = { 0 };
	char other[220];
	size_t n, head, c = CHUNK + ABYTES;

	seal(f, plain, 3 * CHUNK + 5);
	raw = slurp(f->path, &n);
	snprintf(other, sizeof(other), "%s.bad", f->path);
	head = n - 3 * c - (5 + ABYTES);
	/* cut at the end of a chunk: no final chunk */
	for (size_t k = 0; k <= 3; k++) {
		spit(other, raw, head + k * c);
		assert_int_equal(open_file(f, other, &err), KZ_CORRUPT);
		assert_non_null(strstr(err.msg, "damaged or cut short"));
	}
	/* the first two chunks swapped */
	copy = malloc(n);
	memcpy(copy, raw, n);
	memcpy(copy + head, raw + head + c, c);
	memcpy(copy + head + c, raw + head, c);
	spit(other, copy, n);
	assert_int_equal(open_file(f, other, &err), KZ_CORRUPT);
	/* one byte more */
	memcpy(copy, raw, n);
	copy = realloc(copy, n + 1);
	copy[n] = 'x';
	spit(other, copy, n + 1);
	assert_int_equal(open_file(f, other, &err), KZ_CORRUPT);
	/* one byte changed: a sample over the whole file, the clear header included */
	for (size_t off = 0; off < n; off += off < 200 ? 7 : 4099) {
		memcpy(copy, raw, n);
		copy[off] ^= 0x20;
		spit(other, copy, n);
		assert_int_not_equal(open_file(f, other, &err), KZ_OK);
	}
	free(copy);
	free(raw);
	free(plain);
}

static void test_other_key_kind_and_no_key(void **state)
{
	struct fixture *f = *state;
	unsigned char other[KZ_KEY_BYTES], *plain = pattern(10), *back = NULL;
	struct kz_error err = { 0 };
	char id[KZ_KEY_ID_LEN];
	size_t n;

	seal(f, plain, 10);
	crypto_secretstream_xchacha20poly1305_keygen(other);
	assert_int_equal(kz_locked_read(other, KZ_LOCKED_CHANGES, f->path, &back, &n, &err), KZ_INVALID);
	kz_key_id(f->key, id);
	assert_non_null(strstr(err.msg, "another partnership"));
	assert_non_null(strstr(err.msg, id));
	assert_int_equal(kz_locked_read(NULL, KZ_LOCKED_CHANGES, f->path, &back, &n, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "does not hold"));
	assert_int_equal(kz_locked_read(f->key, KZ_LOCKED_BACKUP, f->path, &back, &n, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "not a backup"));
	assert_null(back);
	/* an existing file is never replaced */
	assert_int_equal(kz_locked_write(f->key, KZ_LOCKED_CHANGES, plain, 10, f->path, &err), KZ_INVALID);
	free(plain);
}

static void test_key_id_is_stable_and_short(void **state)
{
	struct fixture *f = *state;
	char a[KZ_KEY_ID_LEN], b[KZ_KEY_ID_LEN];

	kz_key_id(f->key, a);
	kz_key_id(f->key, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 19);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip_at_every_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_contents_are_not_in_the_clear, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cut_swapped_lengthened_flipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_key_kind_and_no_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_id_is_stable_and_short, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
