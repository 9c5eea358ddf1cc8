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
	struct ui_list list;
	struct kz_hits hits;
};

static struct lookup *LK(struct ui_list *l)
{
	return (struct lookup *)l;
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
	for (size_t i = 0; i < h->n; i++) {  /* a kind not named above */
		bool named = false;
		for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++)
			named = named || h->v[i].kind == order[k];
		if (!named)
			v[n++] = h->v[i];
	}
	memcpy(h->v, v, n * sizeof(*v));
	free(v);
}

/* The filter of the lookup: one network's basket, or our own. */
enum { LF_NETWORK };

static const struct ui_filter_def lookup_filters[] = {
	[LF_NETWORK] = UI_NETWORK_FILTER,
};

static enum kz_status lookup_load(struct ui_list *l, const char *query, size_t *n,
				  struct kz_error *err)
{
	struct lookup *k = LK(l);
	enum kz_status s = KZ_OK;

	kz_hits_free(&k->hits);
	if (query)
		s = kz_search_in(l->ui->db, query, ui_list_filter_code(l, LF_NETWORK),
				 PER_KIND, &k->hits, err);
	order_kinds(&k->hits);
	*n = k->hits.n;
	return s;
}

static const char *lookup_row_id(struct ui_list *l, size_t i)
{
	return LK(l)->hits.v[i].id;
}

/* Every new result list starts at its first hit. */
static void lookup_reselect(struct ui_list *l, const char *prev)
{
	(void)prev;
	ui_lb_select(&l->lb, 0);
}

static const char *kind_label(enum kz_kind k)
{
	return _(kz_kind_of(k)->label);
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	const struct kz_hit *h = &LK(ctx)->hits.v[i];
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

/* What is looked up, and in which basket when filtered. */
static void lookup_head(struct ui_list *l, WINDOW *w, int y, int width)
{
	char *filters = ui_list_filter_text(l);
	const char *what = _("Services, partners, contact persons, meetings and cases");

	if (filters) {
		char *text = xasprintf("%s \xc2\xb7 %s", filters, what);
		wattrset(w, ui_look(UI_LOOK_KEY));
		ui_draw_text(w, y, 1, text, width - 2);
		free(text);
	} else {
		wattrset(w, ui_look(UI_LOOK_LABEL));
		ui_draw_text(w, y, 1, what, width - 2);
	}
	wattrset(w, A_NORMAL);
	free(filters);
}

static const char *lookup_empty(struct ui_list *l)
{
	if (!l->search.query)
		return _("Type a few letters of a name, a title or a word of the description.");
	return _("Nothing found.");
}

static void lookup_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	snprintf(name, nn, "%s", _("Look up everything"));
	if (l->search.query)
		snprintf(info, ni, ngettext("%zu found", "%zu found", l->n), l->n);
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SEARCH, NULL }, { UI_ACT_FILTER, NULL },
	{ UI_ACT_OPEN, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};
static const struct ui_legend legend_search[] = {
	{ UI_ACT_ACCEPT, N_("Keep the result") }, { UI_ACT_CANCEL, N_("Back") },
	{ UI_ACT_DOWN, N_("Move in the list") }, { UI_ACT_NONE, NULL }
};

/* Esc goes straight back to where the lookup was opened, from the
 * search line too (a list would first drop its search). */
static bool lookup_key(struct ui_list *l, int key)
{
	if (l->search.open ? ui_key_action(key, UI_G_DIALOG) != UI_ACT_CANCEL
			   : key != UI_KEY_ESC)
		return false;
	ui_search_close(l->ui, &l->search, true);
	ui_pop(l->ui);
	return true;
}

static bool lookup_action(struct ui_list *l, enum ui_action a)
{
	if (a != UI_ACT_LOOKUP)
		return false;
	ui_list_search_open(l);
	return true;
}

static void lookup_open(struct ui_list *l, size_t i)
{
	struct ui *ui = l->ui;
	const struct kz_hit *h = &LK(l)->hits.v[i];

	/* The screen of each kind a lookup finds. */
	static struct ui_screen *(*const screen_of[KZ_KIND_COUNT])(struct ui *, const char *) = {
		[KZ_KIND_SERVICE] = ui_service_detail_new,
		[KZ_KIND_PARTNER] = ui_partner_screen_new,
		[KZ_KIND_CONTACT] = ui_contact_detail_new,
		[KZ_KIND_CASE] = ui_case_screen_new,
		[KZ_KIND_MEETING] = ui_meeting_screen_new,
	};

	if (screen_of[h->kind])
		ui_push(ui, screen_of[h->kind](ui, h->id));
}

/* Back from a record: the same results, the same line. */
static void lookup_reveal(struct ui_list *l)
{
	size_t sel = l->lb.sel;

	ui_list_reload(l, false);
	ui_lb_select(&l->lb, sel);
}

static void lookup_free(struct ui_list *l)
{
	kz_hits_free(&LK(l)->hits);
}

static const struct ui_list_ops lookup_ops = {
	/* A lookup is for opening what was found: Enter does it at once. */
	.open_on_accept = true,
	.groups = UI_G_MOVE | UI_G_LIST,
	.searchable = true,
	.head_rows = 1,
	.load = lookup_load,
	.row_id = lookup_row_id,
	.draw_row = row,
	.draw_head = lookup_head,
	.empty = lookup_empty,
	.none_selected = "",
	.open = lookup_open,
	.action = lookup_action,
	.key = lookup_key,
	.reveal = lookup_reveal,
	.reselect = lookup_reselect,
	.title = lookup_title,
	.legend = legend_list,
	.search_legend = legend_search,
	.filters = lookup_filters,
	.nfilters = sizeof(lookup_filters) / sizeof(lookup_filters[0]),
	.filter_menu_title = N_("Look up in"),
	.free = lookup_free,
};

struct ui_screen *ui_lookup_new(struct ui *ui)
{
	struct ui_list *l = ui_list_new(ui, &lookup_ops, sizeof(struct lookup));

	ui_list_search_open(l);
	return &l->base;
}
