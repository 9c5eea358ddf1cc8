/* Global lookup: one search over services, partners and contact persons,
 * results as you type, Enter opens the record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/search.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define PER_KIND 100

struct lookup {
	struct ui_screen base;
	struct ui *ui;
	struct kz_hits hits;
	struct ui_listbox lb;
	struct ui_search search;
};

static struct lookup *LK(struct ui_screen *s)
{
	return (struct lookup *)s;
}

/* Partners and contact persons come first: during a meeting the phone
 * number is what is looked up most, and services would push it down. */
static void order_kinds(struct kz_hits *h)
{
	static const enum kz_kind order[] = {
		KZ_KIND_PARTNER, KZ_KIND_CONTACT, KZ_KIND_SERVICE,
		KZ_KIND_MEETING, KZ_KIND_CASE,
	};
	struct kz_hit *v;
	size_t n = 0;

	if (h->n < 2)
		return;
	v = xcalloc(h->n, sizeof(*v));
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (size_t i = 0; i < h->n; i++)
			if (h->v[i].kind == order[k])
				v[n++] = h->v[i];
	for (size_t i = 0; i < h->n; i++)  /* a kind not named above */
		if (h->v[i].kind >= KZ_KIND_COUNT)
			v[n++] = h->v[i];
	memcpy(h->v, v, n * sizeof(*v));
	free(v);
}

static void reload(struct lookup *l)
{
	struct kz_error err = { 0 };

	kz_hits_free(&l->hits);
	if (l->search.query &&
	    kz_search(l->ui->db, l->search.query, PER_KIND, &l->hits, &err) != KZ_OK)
		ui_error(l->ui, "%s", err.msg);
	order_kinds(&l->hits);
	ui_lb_set_count(&l->lb, l->hits.n);
	ui_lb_select(&l->lb, 0);
}

static const char *kind_label(enum kz_kind k)
{
	switch (k) {
	case KZ_KIND_SERVICE: return _("service");
	case KZ_KIND_PARTNER: return _("partner");
	case KZ_KIND_MEETING: return _("meeting");
	case KZ_KIND_CASE: return _("case");
	default: return _("contact");
	}
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	struct lookup *l = ctx;
	const struct kz_hit *h = &l->hits.v[i];
	/* The detail starts with the phone of partners and contact persons:
	 * it must stay visible in a narrow window too. */
	int kw = 11, dw = width >= 60 ? width * 2 / 5 : width >= 40 ? width / 2 - 4 : 0;

	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	if (!sel)
		wattrset(w, ui_look(UI_LOOK_ARCHIVED));
	ui_draw_text(w, y, x + 1, kind_label(h->kind), kw - 1);
	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_text(w, y, x + kw, h->title, width - kw - dw - 1);
	if (dw)
		ui_draw_text(w, y, x + width - dw, h->kind == KZ_KIND_CASE
			     ? _(kz_enum_label(h->detail)) : h->detail, dw);
	wattrset(w, A_NORMAL);
}

static void lookup_draw(struct ui_screen *s, struct ui *ui)
{
	struct lookup *l = LK(s);
	int width = ui_body_w(ui);

	wattrset(ui->body, ui_look(UI_LOOK_LABEL));
	ui_draw_text(ui->body, 0, 1, _("Services, partners, contact persons, meetings and cases"), width - 2);
	wattrset(ui->body, A_NORMAL);
	if (!l->search.query) {
		ui_draw_text(ui->body, 2, 2, _("Type a few letters of a name, a title or a word of the description."),
			     width - 4);
		return;
	}
	if (l->hits.n == 0) {
		ui_draw_text(ui->body, 2, 2, _("Nothing found."), width - 4);
		return;
	}
	ui_lb_draw(&l->lb, ui->body, 1, 0, width, row, l);
}

static void lookup_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
			 char *info, size_t ni)
{
	struct lookup *l = LK(s);

	(void)ui;
	snprintf(name, nn, "%s", _("Look up everything"));
	if (l->search.query)
		snprintf(info, ni, ngettext("%zu found", "%zu found", l->hits.n), l->hits.n);
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SEARCH, NULL }, { UI_ACT_OPEN, NULL },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};
static const struct ui_legend legend_search[] = {
	{ UI_ACT_ACCEPT, N_("Keep the result") }, { UI_ACT_CANCEL, N_("Back") },
	{ UI_ACT_DOWN, N_("Move in the list") }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *lookup_legend(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	return LK(s)->search.open ? legend_search : legend_list;
}

static bool lookup_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct lookup *l = LK(s);

	if (!l->search.open)
		return false;
	/* Esc goes straight back to where the lookup was opened. */
	if (ui_key_action(key, UI_G_DIALOG) == UI_ACT_CANCEL) {
		ui_search_close(ui, &l->search, true);
		ui_pop(ui);
		return true;
	}
	int r = ui_search_key(ui, &l->search, key, &l->lb);
	if (r == 2)
		reload(l);
	return r != 0;
}

static bool lookup_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct lookup *l = LK(s);
	const struct kz_hit *h = l->lb.sel < l->hits.n ? &l->hits.v[l->lb.sel] : NULL;

	if (ui_lb_action(&l->lb, a))
		return true;
	switch (a) {
	case UI_ACT_SEARCH:
	case UI_ACT_LOOKUP:
		ui_search_open(ui, &l->search);
		return true;
	case UI_ACT_OPEN:
		if (!h)
			return true;
		if (h->kind == KZ_KIND_SERVICE)
			ui_push(ui, ui_service_detail_new(ui, h->id));
		else if (h->kind == KZ_KIND_PARTNER)
			ui_push(ui, ui_partner_screen_new(ui, h->id));
		else if (h->kind == KZ_KIND_CASE)
			ui_push(ui, ui_case_screen_new(ui, h->id));
		else if (h->kind == KZ_KIND_MEETING)
			ui_push(ui, ui_meeting_screen_new(ui, h->id));
		else
			ui_push(ui, ui_contact_detail_new(ui, h->id));
		return true;
	default:
		return false;
	}
}

static void lookup_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&LK(s)->lb, ui_body_h(ui) - 1);
}

static void lookup_reveal(struct ui_screen *s, struct ui *ui)
{
	struct lookup *l = LK(s);
	size_t sel = l->lb.sel;

	(void)ui;
	reload(l);
	ui_lb_select(&l->lb, sel);
}

static void lookup_destroy(struct ui_screen *s)
{
	struct lookup *l = LK(s);

	if (l->ui->input == &l->search.in)
		l->ui->input = NULL;
	kz_hits_free(&l->hits);
	ui_search_free(&l->search);
	free(l);
}

static const struct ui_screen_ops lookup_ops = {
	.draw = lookup_draw,
	.key = lookup_key,
	.action = lookup_action,
	.resize = lookup_resize,
	.reveal = lookup_reveal,
	.title = lookup_title,
	.legend = lookup_legend,
	.destroy = lookup_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_lookup_new(struct ui *ui)
{
	struct lookup *l = xcalloc(1, sizeof(*l));

	l->base.ops = &lookup_ops;
	l->ui = ui;
	ui_lb_init(&l->lb, true);
	ui_input_clear(&l->search.in);
	ui_search_open(ui, &l->search);
	return &l->base;
}
