#include "koszyk/util.h"

#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

void kz_uuid(char out[KZ_ID_LEN + 1])
{
	unsigned char r[16];
	size_t got = 0;

	while (got < sizeof(r)) {
		ssize_t n = getrandom(r + got, sizeof(r) - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			kz_die("no source of random numbers: %s", strerror(errno));
		}
		got += (size_t)n;
	}
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
	snprintf(out, KZ_ID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
		 r[10], r[11], r[12], r[13], r[14], r[15]);
}

bool kz_is_uuid(const char *s)
{
	if (!s || strlen(s) != KZ_ID_LEN)
		return false;
	for (int i = 0; i < KZ_ID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!isxdigit((unsigned char)s[i])) {
			return false;
		}
	}
	return true;
}

void kz_today(char out[11])
{
	const char *fixed = getenv("KOSZYK_TODAY");
	time_t now;
	struct tm tm;

	if (fixed && kz_date_valid(fixed)) {
		memcpy(out, fixed, 11);
		return;
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void kz_now_iso(char out[32])
{
	struct timeval tv;
	struct tm tm;
	char base[20];

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, 32, "%s.%03dZ", base, (int)(tv.tv_usec / 1000) % 1000);
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static bool parse_date(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return *y >= 1900 && *y <= 2999 && *m >= 1 && *m <= 12 && *d >= 1 &&
	       *d <= days_in_month(*y, *m);
}

bool kz_date_valid(const char *s)
{
	int y, m, d;
	return parse_date(s, &y, &m, &d);
}

/* A number of min to max digits at *p, moving past it; -1 when none. */
static int digits(const char **p, int min, int max)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)(*p)[n]))
		v = v * 10 + ((*p)[n++] - '0');
	if (n < min || isdigit((unsigned char)(*p)[n]))
		return -1;
	*p += n;
	return v;
}

/* D.M.YYYY or DD.MM.YYYY, as Polish letters and forms write dates. */
static bool parse_dotted(const char *s, size_t len, int *y, int *m, int *d)
{
	const char *p = s;

	*d = digits(&p, 1, 2);
	if (*d < 0 || *p++ != '.')
		return false;
	*m = digits(&p, 1, 2);
	if (*m < 0 || *p++ != '.')
		return false;
	*y = digits(&p, 4, 4);
	return *y >= 0 && p == s + len && *y >= 1900 && *y <= 2999 &&
	       *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month(*y, *m);
}

bool kz_date_parse(const char *s, char out[11])
{
	char iso[16];
	size_t len;
	int y, m, d;

	if (!s)
		return false;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len && s[len - 1] == ' ')
		len--;
	if (len == 10 && s[4] == '-') {
		memcpy(iso, s, 10);
		iso[10] = '\0';
		if (!parse_date(iso, &y, &m, &d))
			return false;
	} else if (len > 10 || !parse_dotted(s, len, &y, &m, &d)) {
		return false;
	}
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return true;
}

/* Days since 1970-01-01 (civil calendar, proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

long kz_date_diff_days(const char *a, const char *b)
{
	int ya, ma, da, yb, mb, db;

	if (!parse_date(a, &ya, &ma, &da) || !parse_date(b, &yb, &mb, &db))
		return 0;
	return days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da);
}

void kz_date_add_days(const char *date, long days, char out[11])
{
	int y, m, d;

	if (!parse_date(date, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

void kz_date_add_months(const char *date, int months, char out[11])
{
	int y, m, d;

	if (!parse_date(date, &y, &m, &d)) {
		snprintf(out, 11, "%s", date ? date : "");
		return;
	}
	long total = (long)y * 12 + (m - 1) + months;
	y = (int)(total / 12);
	m = (int)(total % 12) + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

bool kz_str_empty(const char *s)
{
	return !s || !*s;
}

bool kz_str_eq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

char *kz_trim(char *s)
{
	size_t n;
	char *start = s;

	while (*start && isspace((unsigned char)*start))
		start++;
	n = strlen(start);
	while (n && isspace((unsigned char)start[n - 1]))
		n--;
	memmove(s, start, n);
	s[n] = '\0';
	return s;
}

enum kz_status kz_read_file(const char *path, char **data, size_t *len,
			    struct kz_error *err)
{
	FILE *f = fopen(path, "rb");
	struct kz_buf_local { char *p; size_t n, cap; } b = { NULL, 0, 0 };
	char chunk[65536];
	size_t got;

	if (!f)
		return kz_fail(err, KZ_INVALID, _("%s: cannot read the file: %s"),
			       path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.n + got + 1 > b.cap) {
			b.cap = (b.n + got + 1) * 2;
			b.p = xrealloc(b.p, b.cap);
		}
		memcpy(b.p + b.n, chunk, got);
		b.n += got;
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		free(b.p);
		return kz_fail(err, KZ_INVALID, _("%s: cannot read the file: %s"),
			       path, strerror(e));
	}
	fclose(f);
	if (!b.p)
		b.p = xmalloc(1);
	b.p[b.n] = '\0';
	*data = b.p;
	if (len)
		*len = b.n;
	return KZ_OK;
}

/* The span mapped for a file of len bytes: at least one byte more, in
 * whole pages, so that data[len] is a NUL byte. */
static size_t map_span(size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	return (len / page + 1) * page;
}

enum kz_status kz_map_file(const char *path, const char **data, size_t *len,
			   struct kz_error *err)
{
	struct stat sb;
	void *base = MAP_FAILED;
	int e, fd = open(path, O_RDONLY | O_CLOEXEC);

	*data = NULL;
	*len = 0;
	if (fd < 0)
		return kz_fail(err, KZ_INVALID, _("%s: cannot read the file: %s"),
			       path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return KZ_NOT_FOUND;  /* a pipe, a device: read it instead */
	}
	/* Zeros first (the NUL after the end), then the file over them. */
	base = mmap(NULL, map_span((size_t)sb.st_size), PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base != MAP_FAILED && sb.st_size > 0 &&
	    mmap(base, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE | MAP_FIXED,
		 fd, 0) == MAP_FAILED) {
		e = errno;
		munmap(base, map_span((size_t)sb.st_size));
		base = MAP_FAILED;
		errno = e;
	}
	e = errno;
	close(fd);
	if (base == MAP_FAILED)
		return kz_fail(err, KZ_INVALID, _("%s: cannot read the file: %s"),
			       path, strerror(e));
	*data = base;
	*len = (size_t)sb.st_size;
	return KZ_OK;
}

void kz_map_release(const char *data, size_t upto)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	/* A private mapping of a file not written to: the pages dropped
	 * are read from the file again if they are touched. */
	if (upto >= page)
		madvise((void *)data, upto / page * page, MADV_DONTNEED);
}

void kz_unmap_file(const char *data, size_t len)
{
	if (data)
		munmap((void *)data, map_span(len));
}

static enum kz_status io_fail(struct kz_error *err, const char *path,
			      const char *what)
{
	int e = errno;
	enum kz_status st = (e == EINVAL || e == ENOENT || e == ENOTDIR)
				    ? KZ_INVALID : KZ_ENV;
	return kz_fail(err, st, _("%s: cannot %s: %s"), path, what, strerror(e));
}

bool kz_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Onto a device, a pipe or a FIFO (/dev/stdout, a terminal, mkfifo):
 * written through, never replaced by a file. */
static enum kz_status write_through(const char *path, const char *data, size_t len,
				    struct kz_error *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	enum kz_status st = KZ_OK;

	if (fd < 0)
		return io_fail(err, path, _("write the file"));
	if (!kz_write_all(fd, data, len)) {
		st = errno == ENOSPC
			? kz_fail(err, KZ_ENV, _("%s: the disk is full; nothing more could be written."), path)
			: io_fail(err, path, _("write the file"));
	}
	if (close(fd) < 0 && st == KZ_OK)
		st = io_fail(err, path, _("write the file"));
	return st;
}

char *kz_path_expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (home && *home && path[0] == '~' && (path[1] == '/' || !path[1]))
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

char *kz_path_full(const char *path)
{
	char *real = realpath(path, NULL);

	return real ? real : xstrdup(path);
}

enum kz_status kz_write_file_atomic(const char *path, const char *data,
				    size_t len, int mode, struct kz_error *err)
{
	struct stat sb, old;
	bool had = false;
	char *real = NULL, *tmp;
	int fd;

	/* A symbolic link is followed: what it points to is written. */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		real = realpath(path, NULL);
		if (!real)
			return io_fail(err, path, _("write the file"));
		path = real;
	}
	if (stat(path, &old) == 0) {
		if (S_ISDIR(old.st_mode)) {
			errno = EISDIR;
			enum kz_status st = io_fail(err, path, _("write the file"));
			free(real);
			return st;
		}
		if (S_ISCHR(old.st_mode) || S_ISFIFO(old.st_mode) || S_ISSOCK(old.st_mode)) {
			enum kz_status st = write_through(path, data, len, err);
			free(real);
			return st;
		}
		if (!S_ISREG(old.st_mode)) {
			enum kz_status st = kz_fail(err, KZ_INVALID,
				_("%s is not a file; give the name of a file to write."), path);
			free(real);
			return st;
		}
		had = true;
	}
	/* A regular file is replaced at once: a temporary file beside it,
	 * then renamed over it. It keeps its owner, group and mode, but a
	 * file with personal data (mode 0600) is never readable by others. */
	tmp = xasprintf("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		enum kz_status st = io_fail(err, path, _("write the file"));
		free(tmp);
		free(real);
		return st;
	}
	if (!kz_write_all(fd, data, len))
		goto fail;
	if (had) {
		mode_t keep = old.st_mode & 0777;
		if (mode == 0600)
			keep &= 0600;
		if (fchown(fd, old.st_uid, old.st_gid) < 0 && fchown(fd, (uid_t)-1, old.st_gid) < 0) {
			/* Not ours to give away: the file becomes the writer's. */
		}
		if (fchmod(fd, keep) < 0)
			goto fail;
	} else if (fchmod(fd, (mode_t)mode) < 0) {
		goto fail;
	}
	if (fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto fail;
	free(tmp);
	free(real);
	return KZ_OK;
fail:;
	enum kz_status st = errno == ENOSPC
		? kz_fail(err, KZ_ENV, _("%s: the disk is full; nothing was written."), path)
		: io_fail(err, path, _("write the file"));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	free(real);
	return st;
}

enum kz_status kz_mkdir_p(const char *path, int mode, struct kz_error *err)
{
	char *p = xstrdup(path);

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, (mode_t)mode) < 0 && errno != EEXIST) {
			enum kz_status st = io_fail(err, p, _("create the folder"));
			free(p);
			return st;
		}
		*s = '/';
	}
	if (mkdir(p, (mode_t)mode) < 0 && errno != EEXIST) {
		enum kz_status st = io_fail(err, p, _("create the folder"));
		free(p);
		return st;
	}
	free(p);
	return KZ_OK;
}
