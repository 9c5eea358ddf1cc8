/* The progress of a screen's long action (import, export, sync): the
 * meter of the process (koszyk/meter.h) shown on the message line, or,
 * while curses is off (sync over ssh asks on the terminal), as a line on
 * the terminal like the command line's. */
#include <stdio.h>
#include <stdlib.h>

#include "ui_internal.h"
#include "koszyk/xalloc.h"

void ui_meter_begin(struct ui_meter *p, struct ui *ui, const char *what, bool plain)
{
	p->ui = ui;
	p->what = what;
	p->plain = plain;
	kz_meter_start(&p->m);
	kz_meter_set(ui_meter_fn, p, &p->prev, &p->prev_ctx);
	/* Shown at once: the work may take a while before its first step. */
	ui_meter_fn(p, 0, 0);
}

void ui_meter_fn(void *ctx, long done, long total)
{
	struct ui_meter *p = ctx;
	char *text;

	if (!kz_meter_due(&p->m, done, total))
		return;
	text = total > 0 || done > 0 ? kz_meter_text(&p->m, p->what, done, total)
				     : xasprintf("%s", p->what);
	if (p->plain) {
		fprintf(stdout, "\r%s", text);
		fflush(stdout);
	} else {
		ui_message(p->ui, "%s", text);
		ui_draw(p->ui);
	}
	free(text);
}

void ui_meter_end(struct ui_meter *p)
{
	kz_meter_set(p->prev, p->prev_ctx, NULL, NULL);
}
