/* Sync over ssh: no daemon and no protocol of our own beyond a few lines
 * around two change files. ssh runs `koszyk -d DB sync serve` on the
 * other machine and we talk to it on its stdin and stdout:
 *
 *   far end:  KOSZYK-SYNC 1 PARTNERSHIP REPLICA CLOCK...
 *   near end: FILE SIZE, then that many bytes (what the far end lacks)
 *   far end:  OK, FILE SIZE and the bytes (what the near end lacks)
 *             or ERR STATUS MESSAGE
 *
 * Each side applies a file in one transaction, so a connection that
 * breaks halfway leaves each database as it was or with the whole file
 * applied; the next exchange picks up from there. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../db/sync_internal.h"
#include "koszyk/meter.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define MAX_FILE (1LL << 34)

/* --- plumbing ---------------------------------------------------------------- */

/* One line (without the newline) into buf; false at end of input. */
static bool read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;

	while (n + 1 < size) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		if (c == '\n') {
			buf[n] = '\0';
			return true;
		}
		buf[n++] = c;
	}
	return false;
}

static char *temp_path(const char *what)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/koszyk-%s-XXXXXX", dir && *dir ? dir : "/tmp", what);
	int fd = mkstemp(path);

	if (fd < 0) {
		free(path);
		return NULL;
	}
	close(fd);
	unlink(path); /* the export wants a name that does not exist */
	return path;
}

/* Send a file: FILE SIZE and the bytes. */
static bool send_file(int fd, const char *path)
{
	char head[64], buf[65536];
	struct stat sb;
	int in = open(path, O_RDONLY | O_CLOEXEC);
	bool ok = in >= 0 && fstat(in, &sb) == 0;

	if (ok) {
		snprintf(head, sizeof(head), "FILE %lld\n", (long long)sb.st_size);
		ok = kz_write_all(fd, head, strlen(head));
	}
	while (ok) {
		ssize_t r = read(in, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			ok = r == 0;
			break;
		}
		ok = kz_write_all(fd, buf, (size_t)r);
	}
	if (in >= 0)
		close(in);
	return ok;
}

/* Receive FILE SIZE and the bytes into a new file at path (mode 0600). */
static bool recv_file(int fd, const char *head, const char *path)
{
	char buf[65536];
	long long size, got = 0;
	int out;
	bool ok = true;

	if (strncmp(head, "FILE ", 5) != 0)
		return false;
	size = strtoll(head + 5, NULL, 10);
	if (size < 0 || size > MAX_FILE)
		return false;
	out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0)
		return false;
	while (ok && got < size) {
		size_t want = (size_t)(size - got < (long long)sizeof(buf) ? size - got : (long long)sizeof(buf));
		ssize_t r = read(fd, buf, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			ok = false;
			break;
		}
		ok = kz_write_all(out, buf, (size_t)r);
		/* The meter counts kilobytes of the file received. */
		kz_meter_report((long)((got + r) / 1024), (long)(size / 1024));
		got += r;
	}
	if (close(out) != 0)
		ok = false;
	if (!ok)
		unlink(path);
	return ok;
}

/* --- the near end -------------------------------------------------------------- */

struct peer {
	pid_t pid;
	int to, from;  /* its stdin, its stdout */
	char *errpath; /* its stderr, for the message when it fails */
	char *host;
};

static void append_quoted(struct kz_buf *b, const char *s)
{
	kz_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			kz_buf_puts(b, "'\\''");
		else
			kz_buf_putc(b, *s);
	}
	kz_buf_putc(b, '\'');
}

/* Split [USER@]HOST[:DB]. */
static bool parse_target(const char *target, char **host, char **db)
{
	const char *at = strchr(target, '@');
	const char *colon = strchr(at ? at : target, ':');

	*host = colon ? xstrndup(target, (size_t)(colon - target)) : xstrdup(target);
	*db = colon && colon[1] ? xstrdup(colon + 1) : NULL;
	if (!**host || (*host)[0] == '-' || strchr(*host, ' ')) {
		/* Never an option of ssh in disguise. */
		free(*host);
		free(*db);
		*host = *db = NULL;
		return false;
	}
	return true;
}

static enum kz_status start_peer(const char *target, const char *verb,
				 struct peer *p, struct kz_error *err)
{
	const char *ssh = getenv("KOSZYK_SSH");
	const char *remote = getenv("KOSZYK_REMOTE");
	struct kz_buf cmd = KZ_BUF_INIT;
	char *dbpath = NULL, **argv = NULL, *words;
	size_t argc = 0;
	int in[2], out[2];

	memset(p, 0, sizeof(*p));
	p->to = p->from = -1;
	if (!parse_target(target, &p->host, &dbpath))
		return kz_fail(err, KZ_INVALID,
			       _("\"%s\" is not a place to sync with: give [USER@]HOST[:DATABASE], e.g. koordynator@biuro:/srv/koszyk/koszyk.db"),
			       target);
	/* The far side answers in the language of this side. */
	if (getenv("KOSZYK_LANG") && *getenv("KOSZYK_LANG")) {
		kz_buf_puts(&cmd, "KOSZYK_LANG=");
		append_quoted(&cmd, getenv("KOSZYK_LANG"));
		kz_buf_putc(&cmd, ' ');
	}
	append_quoted(&cmd, remote && *remote ? remote : "koszyk");
	if (dbpath) {
		kz_buf_puts(&cmd, " -d ");
		append_quoted(&cmd, dbpath);
	}
	kz_buf_printf(&cmd, " sync %s", verb);
	free(dbpath);

	/* KOSZYK_SSH is an ssh command with its options, split at spaces. */
	words = xstrdup(ssh && *ssh ? ssh : "ssh");
	for (char *w = strtok(words, " "); w; w = strtok(NULL, " ")) {
		argv = xrealloc(argv, (argc + 4) * sizeof(*argv));
		argv[argc++] = w;
	}
	argv = xrealloc(argv, (argc + 4) * sizeof(*argv));
	argv[argc++] = "--";
	argv[argc++] = p->host;
	argv[argc++] = cmd.data;
	argv[argc] = NULL;

	p->errpath = temp_path("ssh");
	if (pipe(in) != 0 || pipe(out) != 0) {
		free(argv);
		free(words);
		kz_buf_free(&cmd);
		return kz_fail(err, KZ_ENV, _("Cannot start ssh: %s"), strerror(errno));
	}
	fflush(NULL);
	p->pid = fork();
	if (p->pid == 0) {
		int e = p->errpath ? open(p->errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600) : -1;
		dup2(in[0], 0);
		dup2(out[1], 1);
		if (e >= 0)
			dup2(e, 2);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	free(argv);
	free(words);
	kz_buf_free(&cmd);
	if (p->pid < 0) {
		close(in[1]);
		close(out[0]);
		return kz_fail(err, KZ_ENV, _("Cannot start ssh: %s"), strerror(errno));
	}
	p->to = in[1];
	p->from = out[0];
	fcntl(p->to, F_SETFD, FD_CLOEXEC);
	fcntl(p->from, F_SETFD, FD_CLOEXEC);
	return KZ_OK;
}

/* The last line ssh or the far end wrote on stderr. */
static char *peer_stderr(const struct peer *p)
{
	char line[512], last[512] = "";
	FILE *f = p->errpath ? fopen(p->errpath, "r") : NULL;

	if (!f)
		return xstrdup("");
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (*line)
			snprintf(last, sizeof(last), "%s", line);
	}
	fclose(f);
	return xstrdup(last);
}

/* Close the connection; *code is ssh's exit status. */
static void stop_peer(struct peer *p, int *code)
{
	int status = 0;

	if (p->to >= 0)
		close(p->to);
	if (p->from >= 0)
		close(p->from);
	p->to = p->from = -1;
	if (p->pid > 0) {
		while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	if (code)
		*code = WIFEXITED(status) ? WEXITSTATUS(status) : 255;
	p->pid = 0;
}

static void free_peer(struct peer *p)
{
	if (p->errpath) {
		unlink(p->errpath);
		free(p->errpath);
	}
	free(p->host);
}

static enum kz_status broken(struct peer *p, struct kz_error *err)
{
	char *why;
	int code;

	stop_peer(p, &code);
	why = peer_stderr(p);
	if (code == 255)
		kz_fail(err, KZ_ENV, _("Cannot reach %s over ssh; nothing was exchanged. (%s)"),
			p->host, *why ? why : _("no answer"));
	else if (code == 127)
		kz_fail(err, KZ_ENV,
			_("koszyk was not found on %s: install it there, or give its path in KOSZYK_REMOTE. (%s)"),
			p->host, why);
	else
		kz_fail(err, KZ_ENV,
			_("The connection to %s broke off; nothing was lost: run the sync again later. (%s)"),
			p->host, *why ? why : _("no answer"));
	free(why);
	return KZ_ENV;
}

/* ERR STATUS MESSAGE from the far end. */
static enum kz_status far_error(struct peer *p, const char *line, struct kz_error *err)
{
	char *end;
	long code = strtol(line + 4, &end, 10);
	enum kz_status st = code == KZ_INVALID || code == KZ_CORRUPT || code == KZ_CONFLICT
				    ? KZ_INVALID : KZ_ENV;

	stop_peer(p, NULL);
	kz_fail(err, st, _("%s answered: %s"), p->host, *end ? end + 1 : "");
	return st;
}

static void quiet_pipe(struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, old);
}

enum kz_status kz_sync_ssh(struct kz_db *db, const char *target,
			   struct kz_sync_stats *stats,
			   kz_sync_progress_fn progress, void *ctx,
			   struct kz_error *err)
{
	struct kz_sync_stats sent = { 0 }, local = { 0 };
	struct sigaction old;
	struct peer p;
	char line[4096], *part = NULL, *mine = NULL, *theirs = NULL;
	enum kz_status st;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	st = kz_sync_ensure_replica(db, NULL, err);
	if (st != KZ_OK)
		return st;
	st = start_peer(target, "serve", &p, err);
	if (st != KZ_OK) {
		free_peer(&p);
		return st;
	}
	quiet_pipe(&old);
	part = kz_db_meta_get(db, "partnership_id");
	mine = temp_path("out");
	theirs = temp_path("in");
	if (!read_line(p.from, line, sizeof(line))) {
		st = broken(&p, err);
	} else if (strncmp(line, "ERR ", 4) == 0) {
		st = far_error(&p, line, err);
	} else if (strncmp(line, "KOSZYK-SYNC 1 ", 14) != 0) {
		stop_peer(&p, NULL);
		st = kz_fail(err, KZ_ENV, _("%s did not answer as koszyk does; is koszyk installed there?"),
			     p.host);
	} else {
		char *far_part = line + 14, *far_replica, *far_clock;
		far_replica = strchr(far_part, ' ');
		if (far_replica)
			*far_replica++ = '\0';
		far_clock = far_replica ? strchr(far_replica, ' ') : NULL;
		if (far_clock)
			*far_clock++ = '\0';
		if (!part || strcmp(far_part, part) != 0) {
			stop_peer(&p, NULL);
			st = kz_fail(err, KZ_INVALID,
				     _("The database on %s belongs to another partnership; nothing was exchanged."),
				     p.host);
		} else if (!mine || !theirs) {
			stop_peer(&p, NULL);
			st = kz_fail(err, KZ_ENV, _("Cannot create a temporary file: %s"), strerror(errno));
		} else {
			st = kz_sync_export_since(db, mine, far_clock ? far_clock : "", &sent,
					       progress, ctx, err);
			if (st != KZ_OK)
				stop_peer(&p, NULL);
		}
	}
	if (st == KZ_OK && !send_file(p.to, mine))
		st = broken(&p, err);
	if (st == KZ_OK) {
		if (!read_line(p.from, line, sizeof(line)))
			st = broken(&p, err);
		else if (strncmp(line, "ERR ", 4) == 0)
			st = far_error(&p, line, err);
		else if (strcmp(line, "OK") != 0 || !read_line(p.from, line, sizeof(line)) ||
			 !recv_file(p.from, line, theirs))
			st = broken(&p, err);
	}
	if (st == KZ_OK) {
		int code;
		stop_peer(&p, &code);
		st = kz_sync_import(db, theirs, stats, progress, ctx, err);
		stats->tx_sent = sent.tx_sent;
	}
	sigaction(SIGPIPE, &old, NULL);
	if (mine)
		unlink(mine);
	if (theirs)
		unlink(theirs);
	free(mine);
	free(theirs);
	free(part);
	free_peer(&p);
	return st;
}

enum kz_status kz_sync_clone_ssh(const char *target, const char *dest,
				 struct kz_error *err)
{
	struct sigaction old;
	struct stat sb;
	struct peer p;
	char line[4096];
	enum kz_status st;

	if (stat(dest, &sb) == 0)
		return kz_fail(err, KZ_INVALID, _("%s already exists; give a new file name for the new replica."),
			       dest);
	st = start_peer(target, "serve-clone", &p, err);
	if (st != KZ_OK) {
		free_peer(&p);
		return st;
	}
	quiet_pipe(&old);
	if (!read_line(p.from, line, sizeof(line))) {
		st = broken(&p, err);
	} else if (strncmp(line, "ERR ", 4) == 0) {
		st = far_error(&p, line, err);
	} else if (strncmp(line, "KOSZYK-CLONE 1 ", 15) != 0) {
		stop_peer(&p, NULL);
		st = kz_fail(err, KZ_ENV, _("%s did not answer as koszyk does; is koszyk installed there?"),
			     p.host);
	} else {
		char *replica = xstrdup(line + 15), head[128];
		if (!read_line(p.from, head, sizeof(head)) || !recv_file(p.from, head, dest)) {
			st = broken(&p, err);
		} else {
			stop_peer(&p, NULL);
			st = kz_sync_adopt_clone(dest, replica, err);
			if (st != KZ_OK)
				unlink(dest);
		}
		free(replica);
	}
	sigaction(SIGPIPE, &old, NULL);
	free_peer(&p);
	return st;
}

/* --- the far end ---------------------------------------------------------------- */

static void say_error(int out, const struct kz_error *err)
{
	char line[1200];

	snprintf(line, sizeof(line), "ERR %d %s\n", (int)err->status, err->msg);
	for (char *c = line + 4; *c && c[1]; c++)
		if (*c == '\n')
			*c = ' ';
	kz_write_all(out, line, strlen(line));
}

enum kz_status kz_sync_serve(struct kz_db *db, int in, int out,
			     struct kz_error *err)
{
	struct kz_sync_info info;
	struct sigaction old;
	char line[128], *theirs = NULL, *mine = NULL, *peer_clock = NULL, *hello;
	enum kz_status st;

	quiet_pipe(&old);
	st = kz_sync_ensure_replica(db, NULL, err);
	if (st == KZ_OK)
		st = kz_sync_info(db, &info, err);
	if (st != KZ_OK) {
		say_error(out, err);
		sigaction(SIGPIPE, &old, NULL);
		return st;
	}
	hello = xasprintf("KOSZYK-SYNC 1 %s %s %s\n", info.partnership_id ? info.partnership_id : "",
			  info.replica_id, info.clock);
	kz_sync_info_clear(&info);
	theirs = temp_path("in");
	mine = temp_path("out");
	if (!kz_write_all(out, hello, strlen(hello)))
		st = kz_fail(err, KZ_ENV, _("The connection broke off."));
	free(hello);
	if (st == KZ_OK && (!theirs || !mine))
		st = kz_fail(err, KZ_ENV, _("Cannot create a temporary file: %s"), strerror(errno));
	if (st == KZ_OK && (!read_line(in, line, sizeof(line)) || !recv_file(in, line, theirs)))
		st = kz_fail(err, KZ_ENV, _("The connection broke off."));
	/* The other side is the person who logged in to run this: her
	 * replica is registered as hers, and its changes must carry her
	 * name. */
	kz_sync_set_peer_login(db, kz_db_user(db));
	if (st == KZ_OK)
		st = kz_sync_import(db, theirs, NULL, NULL, NULL, err);
	if (st == KZ_OK)
		peer_clock = sync_file_clock(db, theirs);
	if (st == KZ_OK)
		st = kz_sync_export_since(db, mine, peer_clock ? peer_clock : "", NULL, NULL, NULL, err);
	if (st == KZ_OK) {
		if (!kz_write_all(out, "OK\n", 3) || !send_file(out, mine))
			st = kz_fail(err, KZ_ENV, _("The connection broke off."));
	} else if (err) {
		say_error(out, err);
	}
	if (theirs)
		unlink(theirs);
	if (mine)
		unlink(mine);
	free(theirs);
	free(mine);
	free(peer_clock);
	sigaction(SIGPIPE, &old, NULL);
	return st;
}

enum kz_status kz_sync_serve_clone(struct kz_db *db, int out,
				   struct kz_error *err)
{
	struct sigaction old;
	char *copy = temp_path("clone"), *hello;
	enum kz_status st = KZ_OK;

	quiet_pipe(&old);
	if (!copy)
		st = kz_fail(err, KZ_ENV, _("Cannot create a temporary file: %s"), strerror(errno));
	if (st == KZ_OK) {
		/* The replica of the person who logged in: what she may see
		 * (the copy in the temporary file is hers alone). */
		char *held = NULL;
		st = kz_sync_copy_for(db, copy, &held, err);
		free(held);
	}
	if (st == KZ_OK) {
		hello = xasprintf("KOSZYK-CLONE 1 %s\n", sync_replica(db));
		if (!kz_write_all(out, hello, strlen(hello)) || !send_file(out, copy))
			st = kz_fail(err, KZ_ENV, _("The connection broke off."));
		free(hello);
	} else if (err) {
		say_error(out, err);
	}
	if (copy) {
		unlink(copy);
		free(copy);
	}
	sigaction(SIGPIPE, &old, NULL);
	return st;
}
