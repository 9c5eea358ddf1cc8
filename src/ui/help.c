/* The help screen, made from the action table: every key with what it
 * does, grouped by where it applies. */
#include <stdio.h>
#include <stdlib.h>

#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define HERE_MAX 32

struct help {
	struct ui_screen base;
	struct ui *ui;
	enum ui_action here[HERE_MAX];  /* the keys of the screen below */
	size_t nhere;
	struct ui_doc doc;
	struct ui_listbox lb;
};

static struct help *H(struct ui_screen *s)
{
	return (struct help *)s;
}

/* The keys of the screen the help was opened from, first. */
static void build_here(struct help *h, int kw)
{
	struct ui_doc *d = &h->doc;

	if (!h->nhere)
		return;
	ui_doc_text(d, _("On this screen"), 1, UI_LOOK_HEADING);
	for (size_t i = 0; i < h->nhere; i++) {
		char keys[96];
		ui_action_keys_text(h->here[i], keys, sizeof(keys));
		ui_doc_field(d, keys, _(ui_actions[h->here[i]].help), kw);
	}
	ui_doc_blank(d);
}

static void build(struct help *h)
{
	struct ui_doc *d = &h->doc;
	int kw = 22;

	ui_doc_free(d);
	d->width = ui_body_w(h->ui);
	if (d->width < 60)
		kw = 0;
	ui_doc_text(d, _("koszyk: the Local Basket of Services"), 1, UI_LOOK_HEADING);
	build_here(h, kw);
	ui_doc_text(d, _(ui_help_parts), 1, UI_LOOK_COUNT);
	ui_doc_text(d, _(ui_help_marks), 1, UI_LOOK_COUNT);
	for (size_t s = 0; s < ui_help_nsections; s++) {
		ui_doc_blank(d);
		ui_doc_text(d, _(ui_help_sections[s].title), 1, UI_LOOK_HEADING);
		for (int a = 1; a < UI_ACT_COUNT; a++) {
			char keys[96];
			if (ui_actions[a].group != ui_help_sections[s].group)
				continue;
			ui_action_keys_text((enum ui_action)a, keys, sizeof(keys));
			ui_doc_field(d, keys, _(ui_actions[a].help), kw);
		}
	}
	ui_doc_blank(d);
	ui_doc_text(d, _(ui_help_editing), 1, UI_LOOK_COUNT);
	ui_doc_blank(d);
	ui_doc_text(d, _("Reports and the dashboard"), 1, UI_LOOK_HEADING);
	ui_doc_text(d, _("7 lists the monitoring reports (coverage, gaps, usage, workload, stale, overdue, retention); Enter shows one. In the stale report Enter opens a service, in the gaps report a case. 0 shows the dashboard: counts, the next meeting, what is overdue and what is stale. s looks up everything at once; the phone of a partner or a contact person shows in the result line."),
		    1, UI_LOOK_COUNT);
	ui_lb_set_count(&h->lb, d->n);
}

static void draw_line(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	ui_doc_draw_line(&H(ctx)->doc, w, y, x, width, i, selected);
}

static void help_draw(struct ui_screen *s, struct ui *ui)
{
	struct help *h = H(s);

	ui_lb_draw(&h->lb, ui->body, 0, 0, ui_body_w(ui), draw_line, h);
}

static bool help_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	(void)ui;
	if (a == UI_ACT_HELP)
		return true;  /* already here */
	return ui_lb_action(&H(s)->lb, a);
}

static void help_resize(struct ui_screen *s, struct ui *ui)
{
	struct help *h = H(s);

	ui_lb_set_height(&h->lb, ui_body_h(ui));
	build(h);
}

static void help_title(struct ui_screen *s, struct ui *ui, char *name,
		       size_t nn, char *info, size_t ni)
{
	(void)s;
	(void)ui;
	snprintf(name, nn, "%s", _("Help"));
	snprintf(info, ni, "koszyk %s", KZ_VERSION);
}

static const struct ui_legend legend[] = {
	{ UI_ACT_DOWN, N_("Scroll") }, { UI_ACT_PAGE_DOWN, NULL },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *help_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return legend;
}

static void help_destroy(struct ui_screen *s)
{
	ui_doc_free(&H(s)->doc);
	free(s);
}

static const struct ui_screen_ops help_ops = {
	.draw = help_draw,
	.action = help_action,
	.resize = help_resize,
	.title = help_title,
	.legend = help_legend,
	.destroy = help_destroy,
	.groups = UI_G_MOVE,
};

/* Remember the keys of the legend of the screen below (but F1 itself). */
static void take_here(struct help *h, struct ui *ui)
{
	struct ui_screen *s = ui_top(ui);
	const struct ui_legend *it = s && s->ops->legend ? s->ops->legend(s, ui) : NULL;

	for (; it && it->act != UI_ACT_NONE && h->nhere < HERE_MAX; it++)
		if (it->act != UI_ACT_HELP && ui_action_allowed(ui, it->act, NULL))
			h->here[h->nhere++] = it->act;
}

struct ui_screen *ui_help_new(struct ui *ui)
{
	struct help *h = xcalloc(1, sizeof(*h));

	take_here(h, ui);
	h->base.ops = &help_ops;
	h->ui = ui;
	ui_lb_init(&h->lb, false);
	return &h->base;
}
