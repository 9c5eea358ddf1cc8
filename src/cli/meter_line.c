/* The progress line of the command line: on stderr, updated in place
 * (a carriage return, at most a few times a second) when stderr is a
 * terminal; nothing at all when it is not (a pipe, a file, a script). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

void kz_cli_meter_begin(struct kz_cli_meter *cm, const char *label)
{
	memset(cm, 0, sizeof(*cm));
	cm->label = label;
	cm->tty = isatty(STDERR_FILENO) == 1;
	kz_meter_start(&cm->m);
	kz_meter_set(kz_cli_meter_show, cm, &cm->prev, &cm->prev_ctx);
}

/* The columns of the terminal stderr goes to; 80 when it does not say. */
static size_t terminal_columns(void)
{
	struct winsize ws;

	return ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
}

/* The line cut to its first cols characters (the meter's own words and
 * numbers: a column each). A line as wide as the terminal or wider
 * wraps, and the carriage return then goes back to its second row only:
 * "Aktualizowanie bazy danych: …, zostało 0:11" piled up at 80 columns. */
static void cut_to_columns(char *text, size_t cols)
{
	size_t n = 0;

	for (char *p = text; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80 && n++ == cols) {
			*p = '\0';
			break;
		}
}

void kz_cli_meter_show(void *ctx, long done, long total)
{
	struct kz_cli_meter *cm = ctx;
	char *text;
	size_t len;

	if (!cm->tty || !kz_meter_due(&cm->m, done, total))
		return;
	text = kz_meter_text(&cm->m, cm->label, done, total);
	cut_to_columns(text, terminal_columns() - 1);
	len = kz_utf8_len(text);
	/* Spaces over what is left of a longer line before. */
	dprintf(STDERR_FILENO, "\r%s%*s", text, cm->width > len ? (int)(cm->width - len) : 0, "");
	cm->width = len;
	cm->shown = true;
	free(text);
}

void kz_cli_meter_end(struct kz_cli_meter *cm)
{
	kz_meter_set(cm->prev, cm->prev_ctx, NULL, NULL);
	if (cm->shown)
		dprintf(STDERR_FILENO, "\n");
}

enum kz_status kz_cli_open_file(const char *path, enum kz_open_mode mode, struct kz_db **db,
			      struct kz_error *err)
{
	struct kz_cli_meter cm;
	enum kz_status st;

	/* Shown only when a migration reports (a large database of an older
	 * koszyk: minutes at a million services). */
	kz_cli_meter_begin(&cm, _("Bringing the database up to date:"));
	st = kz_db_open(path, mode, db, err);
	kz_cli_meter_end(&cm);
	return st;
}
