/* Whole processes for the bench: a command with its wall time and peak
 * RSS, and the full-screen program driven in a pseudo-terminal. */
#include "bench.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "koszyk/xalloc.h"

extern char **environ;

double bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* English messages and the built-in configuration (an empty
 * configuration folder), for koszyk and its children alike. */
void bench_env(void)
{
	mkdir("build", 0755);
	mkdir("build/bench", 0755);
	if (access("build/bench/config", F_OK) != 0 && mkdir("build/bench/config", 0700) != 0)
		kz_die("bench: cannot make build/bench/config");
	setenv("XDG_CONFIG_HOME", "build/bench/config", 1);
	setenv("KOSZYK_LANG", "en", 1);
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("KOSZYK_CONFIG");
	unsetenv("KOSZYK_DB");
}

struct bench_proc bench_spawn(char *const argv[], const char *in, const char *out)
{
	struct bench_proc r = { 0 };
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	pid_t pid;
	double t0;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null",
					 O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	t0 = bench_now_ms();
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0)
		kz_die("bench: cannot run %s", argv[0]);
	if (wait4(pid, &r.status, 0, &ru) < 0)
		kz_die("bench: wait4: %s", strerror(errno));
	r.ms = bench_now_ms() - t0;
	r.rss_kb = ru.ru_maxrss;
	posix_spawn_file_actions_destroy(&fa);
	return r;
}

/* --- the full-screen program ------------------------------------------- */

/* A screen update is over when the program waits for the keyboard again
 * (its state in /proc is S, sleeping, not R or D) and no byte has come
 * for QUIET_MS; the figures are taken at the last byte, so the wait is
 * not in them. A program that waited on a timer before drawing (a
 * debounce) is caught when the timer is shorter than QUIET_MS. A key
 * that draws nothing ends after IDLE_MS of quiet. */
#define QUIET_MS 300
#define IDLE_MS 2000
#define GIVE_UP_MS 20000

/* The first screen is complete once the key legend (the bottom line) has
 * been written and the program waits for a key. */
#define LEGEND "Help"

/* BENCH_TUI_LOG=FILE: every byte the program wrote, to look at. */
static FILE *tui_log;

struct burst {
	double last_ms;   /* time of the last byte */
	long bytes;
	bool marker_seen;
};

/* Sleeping (waiting for input), not running or waiting for the disk. */
static bool sleeping(pid_t pid)
{
	char path[64], buf[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return true;  /* gone */
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *end = strrchr(buf, ')');  /* the name may hold anything */
	return !end || end[1] == '\0' || end[2] == 'S';
}

/* Is the update over (see QUIET_MS)? */
static bool settled(const struct burst *b, pid_t pid, double since, double now)
{
	if (!b->marker_seen)
		return now - since >= GIVE_UP_MS;
	if (b->bytes == 0)
		return now - since >= IDLE_MS;
	return now - b->last_ms >= QUIET_MS && sleeping(pid);
}

static void log_bytes(const char *p, size_t n)
{
	if (tui_log)
		fwrite(p, 1, n, tui_log);
}

/* Read the program's output from since until the update is over; with
 * marker, not before marker has come. The marker is looked for in the
 * text with the terminal's escape sequences left in place; the tail of
 * the previous read is kept so that a marker cut in two is found. */
static struct burst read_burst(int fd, pid_t pid, const char *marker, double since)
{
	struct burst b = { .last_ms = since, .marker_seen = marker == NULL };
	char tail[4096 + 64];
	size_t keep = 0;

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int n = poll(&p, 1, QUIET_MS / 4);
		if (n < 0)
			return b;
		if (n == 0) {
			if (settled(&b, pid, since, bench_now_ms()))
				return b;
			continue;
		}
		ssize_t got = read(fd, tail + keep, sizeof(tail) - keep - 1);
		if (got <= 0)
			return b;  /* the program left (EIO) */
		b.last_ms = bench_now_ms();
		b.bytes += got;
		log_bytes(tail + keep, (size_t)got);
		size_t total = keep + (size_t)got;
		tail[total] = '\0';
		if (!b.marker_seen && strstr(tail, marker))
			b.marker_seen = true;
		keep = total > 63 ? 63 : total;
		memmove(tail, tail + total - keep, keep);
	}
}

/* From the first screen (a coordinator's dashboard) to the basket, then
 * search, a query letter by letter, moving down, paging, and two letters
 * taken back. */
static const char *const keys[] = {
	"1", "/", "p", "s", "y", "c", "h", "\033OB", "\033OB", "\033OB",
	"\033[6~", "\033[6~", "\177", "\177",
};
const char *const bench_tui_keys_label = "1 / p s y c h ↓ ↓ ↓ PgDn PgDn ⌫ ⌫";
const char *const bench_tui_key_names[] = {
	"1", "/", "p", "s", "y", "c", "h", "↓", "↓", "↓", "PgDn", "PgDn", "⌫", "⌫",
};
_Static_assert(sizeof(keys) / sizeof(keys[0]) == sizeof(bench_tui_key_names) /
	       sizeof(bench_tui_key_names[0]), "a name for every key");
_Static_assert(sizeof(keys) / sizeof(keys[0]) <= 32, "struct bench_tui holds 32 keys");

#define ROWS_FILE "build/bench/rows.counter"

static void child(const char *koszyk, const char *db, const char *rows_so)
{
	if (rows_so) {
		setenv("LD_PRELOAD", rows_so, 1);
		setenv("BENCH_ROWS_FILE", ROWS_FILE, 1);
	}
	setenv("TERM", "xterm-256color", 1);
	setenv("ESCDELAY", "25", 1);
	execl(koszyk, koszyk, "-d", db, "--as", BENCH_USER, (char *)NULL);
	_exit(127);
}

/* Leave: accept the search, back to the dashboard, leave; killed when it
 * does not go. */
static void leave(int fd, pid_t pid, struct bench_tui *out)
{
	static const char *const bye[] = { "\r", "q", "q" };
	struct rusage ru;
	int status;

	for (size_t i = 0; i < sizeof(bye) / sizeof(bye[0]); i++) {
		if (write(fd, bye[i], strlen(bye[i])) < 0)
			break;
		read_burst(fd, pid, NULL, bench_now_ms());
	}
	pid_t done = 0;
	for (int i = 0; i < 500 && (done = wait4(pid, &status, WNOHANG, &ru)) == 0; i++)
		usleep(20000);
	if (done == 0) {
		kill(pid, SIGTERM);
		out->ok = false;
		done = wait4(pid, &status, 0, &ru);
	}
	if (done > 0)
		out->rss_kb = ru.ru_maxrss;
}

/* The counters bench_rows.so adds to, shared with the program: rows to
 * koszyk, then rows FTS5 read from its own tables. */
static volatile long *rows_counter(void)
{
	static volatile long *c;
	long zero[2] = { 0, 0 };
	int fd;

	if (c)
		return c;
	fd = open(ROWS_FILE, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, zero, sizeof(zero)) != sizeof(zero))
		kz_die("bench: cannot write %s", ROWS_FILE);
	void *p = mmap(NULL, sizeof(zero), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		kz_die("bench: cannot map %s", ROWS_FILE);
	return c = p;
}

void bench_tui_run(const char *koszyk, const char *db, const char *rows_so,
		   struct bench_tui *out)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	volatile long *rows = rows_so ? rows_counter() : NULL;
	int fd;
	double t0 = bench_now_ms();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);

	memset(out, 0, sizeof(*out));
	if (pid > 0 && getenv("BENCH_TUI_LOG") && !tui_log)
		tui_log = fopen(getenv("BENCH_TUI_LOG"), "w");
	if (pid < 0)
		kz_die("bench: forkpty: %s", strerror(errno));
	if (pid == 0)
		child(koszyk, db, rows_so);
	struct burst b = read_burst(fd, pid, LEGEND, t0);
	out->first_ms = b.last_ms - t0;
	out->first_rows = rows ? rows[0] : 0;
	out->ok = b.marker_seen;
	for (size_t k = 0; out->ok && k < sizeof(keys) / sizeof(keys[0]); k++) {
		double tk = bench_now_ms();
		long rows0 = rows ? rows[0] : 0, fts0 = rows ? rows[1] : 0;
		if (write(fd, keys[k], strlen(keys[k])) < 0)
			break;
		if (tui_log)
			fprintf(tui_log, "\n<<KEY %zu>>\n", k);
		b = read_burst(fd, pid, NULL, tk);
		out->key_ms[out->nkeys] = b.last_ms - tk;
		out->key_rows[out->nkeys] = rows ? rows[0] - rows0 : 0;
		out->key_fts_rows[out->nkeys] = rows ? rows[1] - fts0 : 0;
		out->key_bytes[out->nkeys++] = b.bytes;
	}
	leave(fd, pid, out);
	close(fd);
}
