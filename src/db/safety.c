/* What the file system says about a database before and beside SQLite:
 * whether it may be written (a read-only file, folder or medium, a full
 * disk), whether a file that is not SQLite any more was a koszyk database
 * (damaged, not foreign), the mark left by damage once found, who else
 * may read the files that hold the families' data, and whether the disk
 * under them is encrypted. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"
#include "koszyk/buf.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* Below this much free space SQLite cannot even map the shared-memory
 * index a reader of a WAL database needs: the file is opened for
 * reading only, without the index. */
#define FULL_DISK_BYTES (64 * 1024)

static char *parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static bool may_write(const char *path)
{
	return faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0;
}

enum kz_readonly kz_db_readonly_reason(const char *path)
{
	struct statvfs vfs;
	char *dir;
	bool dir_ok;

	if (statvfs(path, &vfs) == 0) {
		if (vfs.f_flag & ST_RDONLY)
			return KZ_RO_MEDIUM;
		if ((unsigned long long)vfs.f_bavail * vfs.f_frsize < FULL_DISK_BYTES)
			return KZ_RO_DISK_FULL;
	}
	if (!may_write(path))
		return errno == EROFS ? KZ_RO_MEDIUM : KZ_RO_FILE;
	dir = parent_dir(path);
	dir_ok = faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) == 0;
	free(dir);
	return dir_ok ? KZ_RW : KZ_RO_FOLDER;
}

const char *kz_readonly_text(enum kz_readonly why)
{
	switch (why) {
	case KZ_RO_FILE:
		return _("you may only read this file");
	case KZ_RO_FOLDER:
		return _("you may not write in its folder");
	case KZ_RO_MEDIUM:
		return _("it lies on a read-only disk or medium");
	case KZ_RO_DISK_FULL:
		return _("the disk is full");
	case KZ_RW:
		break;
	}
	return "";
}

/* May a reader take the file as it is, without the locks and the shared
 * index that let it see a writer's work? A reader that may not write the
 * file must not make the -wal and -shm a writer uses either (they would
 * be the reader's, and the owner could not write any more), so: always,
 * unless a write-ahead log with changes lies beside it (a writer is at
 * work, or stopped before it checkpointed); then SQLite reads it through
 * the files that are there. A read-only medium holds no writer. */
bool kz_db_immutable(const char *path, enum kz_readonly why)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat wb;
	bool log = stat(wal, &wb) == 0 && wb.st_size > 0;

	free(wal);
	return why == KZ_RO_MEDIUM || !log;
}

/* A URI for sqlite3_open_v2: the path with the characters that mean
 * something in a URI escaped. */
char *kz_db_uri(const char *path, bool immutable)
{
	struct kz_buf b = KZ_BUF_INIT;

	kz_buf_puts(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p == 0x7f)
			kz_buf_printf(&b, "%%%02X", *p);
		else
			kz_buf_putc(&b, (char)*p);
	}
	kz_buf_puts(&b, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
	return kz_buf_detach(&b);
}

/* --- damage ------------------------------------------------------------------ */

/* Texts only a koszyk database holds, in pages other than the first
 * (its schema and meta spill over many pages). Found in a file whose
 * header is gone, they say "a damaged koszyk database", not "some other
 * file". */
static const char *const fingerprints[] = {
	"CREATE TABLE sync_tx", "CREATE TABLE case_shares", "partnership_id",
	"CREATE VIRTUAL TABLE search_fts",
};

bool kz_db_looks_like_koszyk(const char *path)
{
	enum { CHUNK = 1 << 16, OVERLAP = 64 };
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t have = 0, n;
	bool found = false;

	if (!f)
		return false;
	buf = xmalloc(CHUNK + OVERLAP);
	while (!found && (n = fread(buf + have, 1, CHUNK, f)) > 0) {
		size_t len = have + n;
		for (size_t i = 0; !found && i < sizeof(fingerprints) / sizeof(fingerprints[0]); i++)
			found = memmem(buf, len, fingerprints[i], strlen(fingerprints[i])) != NULL;
		have = len < OVERLAP ? len : OVERLAP;
		memmove(buf, buf + len - have, have);
	}
	free(buf);
	fclose(f);
	return found;
}

char *kz_db_damage_mark_path(const char *path)
{
	return xasprintf("%s-damaged", path);
}

bool kz_db_damage_marked(const char *path)
{
	char *mark = kz_db_damage_mark_path(path);
	bool marked = access(mark, F_OK) == 0;

	free(mark);
	return marked;
}

/* Leave a mark beside the file: every later program that opens it
 * refuses to write into it until "koszyk check" finds it whole. Where
 * the mark cannot be made (a read-only folder) nothing is written anyway. */
void kz_db_damage_mark(const char *path)
{
	char *mark = kz_db_damage_mark_path(path);
	char now[32], *line;
	int fd = open(mark, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

	if (fd >= 0) {
		kz_now_iso(now);
		line = xasprintf("koszyk found %s damaged at %s; run \"koszyk check\".\n",
				 path, now);
		(void)kz_write_all(fd, line, strlen(line));
		free(line);
		close(fd);
	}
	free(mark);
}

void kz_db_damage_unmark(const char *path)
{
	char *mark = kz_db_damage_mark_path(path);

	unlink(mark);
	free(mark);
}

/* --- who may read it ------------------------------------------------------------ */

static void exposed_file(const char *file, const char *what, struct kz_buf *out)
{
	struct stat sb;

	if (lstat(file, &sb) != 0 || !S_ISREG(sb.st_mode) || !(sb.st_mode & 0006))
		return;
	kz_buf_printf(out, _("%s (%s) can be read by every user of this computer (mode %03o). Fix it with: chmod o-rwx '%s'\n"),
		      file, what, (unsigned)(sb.st_mode & 0777), file);
}

char *kz_db_exposure(const char *path)
{
	struct kz_buf out = KZ_BUF_INIT;
	char *wal = xasprintf("%s-wal", path);
	char *pattern = xasprintf("%s.*.bak", path);
	glob_t g;

	exposed_file(path, _("the database"), &out);
	exposed_file(wal, _("its write-ahead log"), &out);
	if (glob(pattern, GLOB_NOSORT, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			exposed_file(g.gl_pathv[i], _("a backup"), &out);
		globfree(&g);
	}
	free(wal);
	free(pattern);
	return out.len ? kz_buf_detach(&out) : (kz_buf_free(&out), NULL);
}

/* --- the disk under it --------------------------------------------------------- */

/* Is the block device (a sysfs folder) dm-crypt, or built on one? */
static int crypt_below(const char *sysdir, int depth)
{
	char *file = xasprintf("%s/dm/uuid", sysdir), uuid[128] = "";
	FILE *f = fopen(file, "r");
	int found = 0;

	free(file);
	if (f) {
		if (!fgets(uuid, sizeof(uuid), f))
			uuid[0] = '\0';
		fclose(f);
	}
	if (strncmp(uuid, "CRYPT-", 6) == 0)
		return 1;
	if (depth < 8) {
		char *slaves = xasprintf("%s/slaves", sysdir);
		DIR *d = opendir(slaves);
		struct dirent *e;
		while (d && !found && (e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			char *next = xasprintf("%s/%s", slaves, e->d_name);
			found = crypt_below(next, depth + 1);
			free(next);
		}
		if (d)
			closedir(d);
		free(slaves);
	}
	return found;
}

enum kz_volume kz_db_volume_at(const char *path, const char *sysfs)
{
	struct stat sb;
	char *sysdir, real[PATH_MAX];
	bool known;

	if (stat(path, &sb) != 0 || major(sb.st_dev) == 0)
		return KZ_VOLUME_UNKNOWN; /* tmpfs, overlay, network: no block device */
	sysdir = xasprintf("%s/dev/block/%u:%u", sysfs, major(sb.st_dev), minor(sb.st_dev));
	known = realpath(sysdir, real) != NULL;
	free(sysdir);
	if (!known)
		return KZ_VOLUME_UNKNOWN;
	if (crypt_below(real, 0))
		return KZ_VOLUME_ENCRYPTED;
	/* A partition: its disk may be the encrypted device. */
	char *up = parent_dir(real);
	int found = crypt_below(up, 0);
	free(up);
	return found ? KZ_VOLUME_ENCRYPTED : KZ_VOLUME_PLAIN;
}

enum kz_volume kz_db_volume(const char *path)
{
	return kz_db_volume_at(path, "/sys");
}
