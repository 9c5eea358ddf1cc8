/* The file under the database: damage met and marked, the files others
 * may read, the encrypted disk, the read-only URI. (Read-only files,
 * folders and mounts need another user or a mount: tests/cli and e2e.) */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cmocka.h>

#include "../../src/db/db_internal.h"
#include "koszyk/basket.h"
#include "koszyk/config.h"
#include "koszyk/demo.h"
#include "testutil.h"

static void fill_demo(struct test_db *t)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };

	assert_int_equal(kz_config_load_builtin(&cfg, &err), KZ_OK);
	assert_int_equal(kz_demo_fill(t->db, &cfg, &err), KZ_OK);
	kz_config_free(&cfg);
}

/* The first page of the b-tree of table name. */
static long root_page(struct kz_db *db, const char *name)
{
	return test_db_count(db, "SELECT rootpage FROM sqlite_master WHERE name = ?1", name);
}

static void spoil_page(const char *path, long page, long page_size)
{
	int fd = open(path, O_WRONLY);
	char junk[512];

	assert_true(fd >= 0);
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)(0x5a ^ (i * 37));
	/* The page header and the cell pointers: any reader of the page
	 * sees it broken. */
	assert_int_equal(pwrite(fd, junk, sizeof(junk), (page - 1) * page_size + 100 * (page == 1)),
			 (ssize_t)sizeof(junk));
	close(fd);
}

static void sha(const char *path, char out[65])
{
	char cmd[256];
	FILE *p;

	snprintf(cmd, sizeof(cmd), "sha256sum '%s'", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_non_null(fgets(out, 65, p));
	pclose(p);
}

static void test_damage_is_met_marked_and_stops_writes(void **state)
{
	(void)state;
	struct test_db t;
	struct kz_error err = { 0 };
	struct kz_db *db;
	char before[65], after[65];
	long page, size;

	test_db_open(&t);
	fill_demo(&t);
	page = root_page(t.db, "partners");
	size = test_db_count(t.db, "PRAGMA page_size", NULL);
	assert_true(page > 1);
	test_db_close_keep(&t);
	spoil_page(t.path, page, size);

	/* Opening does not walk the file: the start stays fast. */
	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &db, &err), KZ_OK);
	kz_db_set_principal(db, "tester", KZ_ROLE_COORDINATOR);
	assert_false(kz_db_damaged(db));
	assert_int_equal(kz_db_intact(db, &err), KZ_OK);
	/* A read meets the damage, even one whose caller sees only "no
	 * rows": the program knows, and says what to do. */
	(void)test_db_count(db, "SELECT count(*) FROM partners WHERE name <> ''", NULL);
	assert_int_equal(kz_db_intact(db, &err), KZ_DAMAGED);
	assert_non_null(strstr(err.msg, "is damaged"));
	assert_non_null(strstr(err.msg, "koszyk restore"));
	assert_null(strstr(err.msg, "not a koszyk database"));
	assert_true(kz_db_damage_marked(t.path));
	sha(t.path, before);
	assert_int_equal(kz_db_begin(db, &err), KZ_DAMAGED);
	assert_int_equal(kz_db_may_change(db, &err), KZ_DAMAGED);
	kz_db_close(db);

	/* A later program finds the mark: it reads, it writes nothing. */
	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &db, &err), KZ_OK);
	kz_db_set_principal(db, "tester", KZ_ROLE_COORDINATOR);
	assert_true(kz_db_damaged(db));
	assert_int_equal(kz_db_intact(db, &err), KZ_OK); /* nothing met yet */
	assert_int_equal(kz_db_begin(db, &err), KZ_DAMAGED);
	char *notes = kz_db_notices(db);
	assert_non_null(notes);
	assert_non_null(strstr(notes, "found damaged"));
	free(notes);
	char *report = NULL;
	assert_int_equal(kz_db_check(db, &report, &err), KZ_CORRUPT);
	free(report);
	assert_true(kz_db_damage_marked(t.path));
	kz_db_close(db);
	sha(t.path, after);
	assert_string_equal(before, after);
	test_db_remove(&t);
}

static void test_a_write_that_meets_damage_is_undone(void **state)
{
	(void)state;
	struct test_db t;
	struct kz_error err = { 0 };
	struct kz_db *db;
	long page, size;

	test_db_open(&t);
	fill_demo(&t);
	page = root_page(t.db, "services");
	size = test_db_count(t.db, "PRAGMA page_size", NULL);
	test_db_close_keep(&t);
	spoil_page(t.path, page, size);

	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &db, &err), KZ_OK);
	kz_db_set_principal(db, "tester", KZ_ROLE_COORDINATOR);
	assert_int_equal(kz_db_begin(db, &err), KZ_OK);
	/* The statement fails or its reader swallows it: either way the
	 * commit refuses. */
	sqlite3_exec(kz_db_handle(db), "UPDATE services SET title = title || '!'", NULL, NULL, NULL);
	assert_int_equal(kz_db_commit(db, &err), KZ_DAMAGED);
	kz_db_close(db);
	test_db_remove(&t);
}

static void test_whole_file_after_check_loses_its_mark(void **state)
{
	(void)state;
	struct test_db t;
	struct kz_error err = { 0 };
	char *report = NULL;

	test_db_open(&t);
	fill_demo(&t);
	kz_db_damage_mark(t.path);
	test_db_close_keep(&t);
	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &t.db, &err), KZ_OK);
	assert_int_equal(kz_db_begin(t.db, &err), KZ_DAMAGED);
	assert_int_equal(kz_db_check(t.db, &report, &err), KZ_OK);
	free(report);
	assert_false(kz_db_damage_marked(t.path));
	assert_int_equal(kz_db_begin(t.db, &err), KZ_OK);
	kz_db_rollback(t.db);
	test_db_close(&t);
}

static void test_a_file_without_its_header_is_damaged_not_foreign(void **state)
{
	(void)state;
	struct test_db t;
	struct kz_error err = { 0 };
	struct kz_db *db;
	char other[160];
	FILE *f;

	test_db_open(&t);
	fill_demo(&t);
	test_db_close_keep(&t);
	spoil_page(t.path, 1, 4096);
	int fd = open(t.path, O_WRONLY);
	assert_int_equal(pwrite(fd, "garbage garbage!", 16, 0), 16);
	close(fd);
	assert_int_equal(kz_db_open(t.path, KZ_OPEN_EXISTING, &db, &err), KZ_DAMAGED);
	assert_non_null(strstr(err.msg, "is damaged"));

	/* A file of something else is still named so. */
	snprintf(other, sizeof(other), "%s/notes.txt", t.dir);
	f = fopen(other, "w");
	fputs("Lista zakupów: chleb, mleko.\n", f);
	fclose(f);
	assert_int_equal(kz_db_open(other, KZ_OPEN_EXISTING, &db, &err), KZ_CORRUPT);
	assert_non_null(strstr(err.msg, "not a koszyk database"));
	test_db_remove(&t);
}

static void test_files_others_may_read_are_named(void **state)
{
	(void)state;
	struct test_db t;
	char bak[200], *warn;

	test_db_open(&t);
	assert_null(kz_db_exposure(t.path));
	chmod(t.path, 0644);
	snprintf(bak, sizeof(bak), "%s.2026-12-01.bak", t.path);
	fclose(fopen(bak, "w"));
	chmod(bak, 0604);
	warn = kz_db_exposure(t.path);
	assert_non_null(warn);
	assert_non_null(strstr(warn, "chmod o-rwx"));
	assert_non_null(strstr(warn, "(mode 644)"));
	assert_non_null(strstr(warn, ".2026-12-01.bak"));
	free(warn);
	chmod(t.path, 0640); /* the office group may read: not "others" */
	chmod(bak, 0600);
	assert_null(kz_db_exposure(t.path));
	test_db_close(&t);
}

/* A sysfs of our own: the block device of a file, dm-crypt or not. */
static void fake_device(const char *sysfs, const char *file, const char *uuid,
			const char *slave_uuid)
{
	struct stat sb;
	char cmd[1024];

	assert_int_equal(stat(file, &sb), 0);
	snprintf(cmd, sizeof(cmd),
		 "rm -rf '%s' && mkdir -p '%s/dev/block' '%s/devices/virtual/block/dm-0/dm'"
		 " '%s/devices/virtual/block/dm-0/slaves' && ln -s ../../devices/virtual/block/dm-0 '%s/dev/block/%u:%u'",
		 sysfs, sysfs, sysfs, sysfs, sysfs, major(sb.st_dev), minor(sb.st_dev));
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "printf '%%s\\n' '%s' > '%s/devices/virtual/block/dm-0/dm/uuid'",
		 uuid, sysfs);
	assert_int_equal(system(cmd), 0);
	if (slave_uuid) {
		snprintf(cmd, sizeof(cmd),
			 "mkdir -p '%s/devices/virtual/block/dm-1/dm' && printf '%%s\\n' '%s' > '%s/devices/virtual/block/dm-1/dm/uuid'"
			 " && ln -s ../../dm-1 '%s/devices/virtual/block/dm-0/slaves/dm-1'",
			 sysfs, slave_uuid, sysfs, sysfs);
		assert_int_equal(system(cmd), 0);
	}
}

static void test_encrypted_disk_is_told(void **state)
{
	(void)state;
	char sysfs[64] = "/tmp/koszyk-sysfs-XXXXXX";
	const char *file = "Makefile"; /* on the build's disk, not a tmpfs */
	struct stat sb;

	assert_int_equal(stat(file, &sb), 0);
	if (major(sb.st_dev) == 0) {
		print_message("SKIP: the source tree lies on a file system without a block device\n");
		skip();
	}
	assert_non_null(mkdtemp(sysfs));
	fake_device(sysfs, file, "CRYPT-LUKS2-0123456789abcdef-luks", NULL);
	assert_int_equal(kz_db_volume_at(file, sysfs), KZ_VOLUME_ENCRYPTED);
	fake_device(sysfs, file, "LVM-abcdef", "CRYPT-LUKS2-0123-luks");
	assert_int_equal(kz_db_volume_at(file, sysfs), KZ_VOLUME_ENCRYPTED);
	fake_device(sysfs, file, "LVM-abcdef", NULL);
	assert_int_equal(kz_db_volume_at(file, sysfs), KZ_VOLUME_PLAIN);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", sysfs);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(kz_db_volume_at(file, sysfs), KZ_VOLUME_UNKNOWN);
}

static void test_read_only_uri_escapes_the_path(void **state)
{
	(void)state;
	char *u = kz_db_uri("/media/pendrive/kopia #2 100%?.db", true);

	assert_string_equal(u, "file:/media/pendrive/kopia%20%232%20100%25%3F.db?mode=ro&immutable=1");
	free(u);
	u = kz_db_uri("a.db", false);
	assert_string_equal(u, "file:a.db?mode=ro");
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_damage_is_met_marked_and_stops_writes),
		cmocka_unit_test(test_a_write_that_meets_damage_is_undone),
		cmocka_unit_test(test_whole_file_after_check_loses_its_mark),
		cmocka_unit_test(test_a_file_without_its_header_is_damaged_not_foreign),
		cmocka_unit_test(test_files_others_may_read_are_named),
		cmocka_unit_test(test_encrypted_disk_is_told),
		cmocka_unit_test(test_read_only_uri_escapes_the_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
