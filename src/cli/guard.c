/* Text from data never drives the terminal: the command line's stdout and
 * stderr pass every byte through kz_defang (control characters,
 * bidirectional overrides and invalid UTF-8 shown as '?'), unless the
 * command writes a machine format (JSON, HTML, CSV, the sync dump), which
 * escapes in its own way and must stay byte for byte. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "koszyk/buf.h"
#include "koszyk/defang.h"
#include "koszyk/util.h"

struct guard {
	int fd;
	char carry[4]; /* the start of a character cut between two writes */
	size_t ncarry;
};

static struct guard out_guard = { STDOUT_FILENO, { 0 }, 0 };
static struct guard err_guard = { STDERR_FILENO, { 0 }, 0 };
static bool raw_stdout;

static bool pass(struct guard *g, const char *buf, size_t size, bool more)
{
	struct kz_buf in = KZ_BUF_INIT, out = KZ_BUF_INIT;
	size_t taken;
	bool ok;

	kz_buf_add(&in, g->carry, g->ncarry);
	kz_buf_add(&in, buf, size);
	if (g->fd == STDOUT_FILENO && raw_stdout) {
		ok = kz_write_all(g->fd, in.data ? in.data : "", in.len);
		g->ncarry = 0;
	} else {
		taken = kz_defang(&out, in.data ? in.data : "", in.len, more);
		g->ncarry = in.len - taken;
		if (g->ncarry > sizeof(g->carry))
			g->ncarry = 0; /* cannot happen: at most 3 bytes wait */
		else
			memcpy(g->carry, in.data + taken, g->ncarry);
		ok = kz_write_all(g->fd, out.data ? out.data : "", out.len);
	}
	kz_buf_free(&in);
	kz_buf_free(&out);
	return ok;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	return pass(cookie, buf, size, true) ? (ssize_t)size : -1;
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;

	return g->ncarry == 0 || pass(g, "", 0, false) ? 0 : -1;
}

void kz_cli_guard_output(void)
{
	cookie_io_functions_t io = { .write = guard_write, .close = guard_close };
	FILE *o = fopencookie(&out_guard, "w", io);
	FILE *e = fopencookie(&err_guard, "w", io);

	if (o) {
		setvbuf(o, NULL, _IOFBF, 1 << 16);
		stdout = o;
	}
	if (e) {
		setvbuf(e, NULL, _IONBF, 0);
		stderr = e;
	}
}

void kz_cli_raw_output(void)
{
	fflush(stdout);
	raw_stdout = true;
}

bool kz_cli_output_is_raw(void)
{
	return raw_stdout;
}
