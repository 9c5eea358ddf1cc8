/* Contact persons of all partners in one list, searchable as you type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define LIST_LIMIT 1000

struct clist {
	struct ui_screen base;
	struct ui *ui;
	struct kz_rows rows;
	struct ui_listbox lb;
	struct ui_search search;
};

static struct clist *CL(struct ui_screen *s)
{
	return (struct clist *)s;
}

static void reload(struct clist *l, bool keep)
{
	struct kz_error err = { 0 };
	char id[KZ_ID_LEN + 1] = "";

	if (keep && l->lb.sel < l->rows.n)
		snprintf(id, sizeof(id), "%s", l->rows.v[l->lb.sel].id);
	kz_rows_free(&l->rows);
	if (kz_contact_list(l->ui->db, NULL, l->search.query, LIST_LIMIT, &l->rows, &err) != KZ_OK)
		ui_error(l->ui, "%s", err.msg);
	ui_reselect(l->ui, &l->lb, &l->rows, id);
}

struct ccols {
	int name, partner, phone, position;
};

static struct ccols ccols_for(int width)
{
	struct ccols c = { 0, 0, 0, 0 };

	if (width >= 60)
		c.phone = 15;
	if (width >= 76)
		c.partner = width >= 110 ? 36 : 28;
	if (width >= 110)
		c.position = 22;
	c.name = width - 2 - (c.partner ? c.partner + 1 : 0) -
		 (c.phone ? c.phone + 1 : 0) - (c.position ? c.position + 1 : 0);
	return c;
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	struct clist *l = ctx;
	const struct kz_row *r = &l->rows.v[i];
	struct ccols c = ccols_for(width);

	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	x += 2;
	ui_draw_text(w, y, x, r->title, c.name);
	x += c.name + 1;
	if (c.position) {
		ui_draw_text(w, y, x, r->col3, c.position);
		x += c.position + 1;
	}
	if (c.partner) {
		ui_draw_text(w, y, x, r->col1, c.partner);
		x += c.partner + 1;
	}
	if (c.phone)
		ui_draw_text(w, y, x, r->col2, c.phone);
	wattrset(w, A_NORMAL);
}

static void clist_draw(struct ui_screen *s, struct ui *ui)
{
	struct clist *l = CL(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui);
	struct ccols c = ccols_for(width);
	int x = 2;

	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, 0, x, _("Full name"), c.name);
	x += c.name + 1;
	if (c.position) {
		ui_draw_text(w, 0, x, _("Position"), c.position);
		x += c.position + 1;
	}
	if (c.partner) {
		ui_draw_text(w, 0, x, _("Partner"), c.partner);
		x += c.partner + 1;
	}
	if (c.phone)
		ui_draw_text(w, 0, x, _("Phone"), c.phone);
	wattrset(w, A_NORMAL);
	if (l->rows.n == 0) {
		ui_draw_text(w, 2, 2, l->search.query ? _("Nobody matches. Esc clears the search.")
						      : _("No contact persons yet. Press a to add one."),
			     width - 4);
		return;
	}
	ui_lb_draw(&l->lb, w, 1, 0, width, row, l);
}

static void clist_title(struct ui_screen *s, struct ui *ui, char *name,
			size_t nn, char *info, size_t ni)
{
	struct clist *l = CL(s);

	(void)ui;
	snprintf(name, nn, "%s", _("Contact persons"));
	if (l->search.query)
		snprintf(info, ni, _("%zu found for \"%s\""), l->rows.n, l->search.query);
	else
		snprintf(info, ni, ngettext("%zu person", "%zu persons", l->rows.n),
			 l->rows.n);
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SEARCH, NULL }, { UI_ACT_OPEN, NULL },
	{ UI_ACT_ADD, NULL }, { UI_ACT_EDIT, NULL }, { UI_ACT_ARCHIVE, N_("Delete") },
	{ UI_ACT_BASKET, NULL }, { UI_ACT_BACK, N_("Quit") }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *clist_legend(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	return CL(s)->search.open ? ui_legend_search : legend_list;
}

static bool clist_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct clist *l = CL(s);

	int r = ui_search_list_key(ui, &l->search, key, &l->lb);

	if (r >= 2)
		reload(l, r == 3);
	return r != 0;
}

static bool clist_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct clist *l = CL(s);
	const struct kz_row *r = l->lb.sel < l->rows.n ? &l->rows.v[l->lb.sel] : NULL;

	if (ui_lb_action(&l->lb, a))
		return true;
	switch (a) {
	case UI_ACT_SEARCH: ui_search_open(ui, &l->search); return true;
	case UI_ACT_CLEAR:
		ui_search_close(ui, &l->search, true);
		reload(l, true);
		return true;
	case UI_ACT_ADD: ui_edit_contact(ui, NULL, NULL); return true;
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
	case UI_ACT_ARCHIVE:
		break;
	default:
		return false;
	}
	if (!r) {
		ui_message(ui, "%s", _("The list is empty."));
		return true;
	}
	if (a == UI_ACT_OPEN)
		ui_push(ui, ui_contact_detail_new(ui, r->id));
	else if (a == UI_ACT_EDIT)
		ui_edit_contact(ui, r->id, NULL);
	else if (ui_delete_contact(ui, r->id, r->title))
		reload(l, true);
	return true;
}

static void clist_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&CL(s)->lb, ui_body_h(ui) - 1);
}

static void clist_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	reload(CL(s), true);
}

static void clist_destroy(struct ui_screen *s)
{
	struct clist *l = CL(s);

	kz_rows_free(&l->rows);
	ui_search_free(&l->search);
	free(l);
}

static const struct ui_screen_ops clist_ops = {
	.draw = clist_draw,
	.key = clist_key,
	.action = clist_action,
	.resize = clist_resize,
	.reveal = clist_reveal,
	.title = clist_title,
	.legend = clist_legend,
	.destroy = clist_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_contacts_new(struct ui *ui)
{
	struct clist *l = xcalloc(1, sizeof(*l));

	l->base.ops = &clist_ops;
	l->base.persistent = true;
	l->ui = ui;
	ui_lb_init(&l->lb, true);
	ui_input_clear(&l->search.in);
	return &l->base;
}
