/* Contact persons of all partners in one list, searchable as you type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define LIST_LIMIT 1000

struct clist {
	struct ui_list list;
	struct kz_rows rows;
};

static struct clist *CL(struct ui_list *l)
{
	return (struct clist *)l;
}

/* The filter of the list: the contact persons of one partner. */
enum { CF_PARTNER };

static const struct ui_filter_def clist_filters[] = {
	[CF_PARTNER] = { .kind = UI_FILTER_PARTNER, .label = N_("Partner"),
			 .pick_title = N_("Filter by partner"),
			 .any_item = N_("(any partner)") },
};

static enum kz_status clist_load(struct ui_list *l, const char *query, size_t *n,
				 struct kz_error *err)
{
	struct clist *c = CL(l);
	enum kz_status s;

	kz_rows_free(&c->rows);
	s = kz_contact_list(l->ui->db, ui_list_filter_code(l, CF_PARTNER), query, LIST_LIMIT,
			    &c->rows, err);
	*n = c->rows.n;
	return s;
}

static const char *clist_row_id(struct ui_list *l, size_t i)
{
	return CL(l)->rows.v[i].id;
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
	const struct kz_row *r = &CL(ctx)->rows.v[i];
	struct ccols c = ccols_for(width);

	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	x += 2;
	ui_draw_text(w, y, x, r->title, c.name);
	x += c.name + 1;
	if (c.position) {
		ui_draw_text(w, y, x, r->contact.position, c.position);
		x += c.position + 1;
	}
	if (c.partner) {
		ui_draw_text(w, y, x, ui_fit_name(r->contact.partner, r->partner_short,
						  c.partner), c.partner);
		x += c.partner + 1;
	}
	if (c.phone)
		ui_draw_text(w, y, x, r->contact.phone, c.phone);
	wattrset(w, A_NORMAL);
}

static void clist_head(struct ui_list *l, WINDOW *w, int y, int width)
{
	struct ccols c = ccols_for(width);
	int x = 2;

	(void)l;
	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, x, _("Full name"), c.name);
	x += c.name + 1;
	if (c.position) {
		ui_draw_text(w, y, x, _("Position"), c.position);
		x += c.position + 1;
	}
	if (c.partner) {
		ui_draw_text(w, y, x, _("Partner"), c.partner);
		x += c.partner + 1;
	}
	if (c.phone)
		ui_draw_text(w, y, x, _("Phone"), c.phone);
	wattrset(w, A_NORMAL);
}

static const char *clist_empty(struct ui_list *l)
{
	return l->search.query ? _("Nobody matches. Esc clears the search.")
			       : _("No contact persons yet. Press a to add one.");
}

static void clist_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	char count[160];

	snprintf(name, nn, "%s", _("Contact persons"));
	if (l->search.query)
		snprintf(count, sizeof(count), _("%zu found for \"%s\""), l->n, l->search.query);
	else
		snprintf(count, sizeof(count), ngettext("%zu person", "%zu persons", l->n), l->n);
	ui_list_info(l, count, info, ni);
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SEARCH, NULL }, { UI_ACT_FILTER, NULL },
	{ UI_ACT_OPEN, NULL }, { UI_ACT_ADD, NULL }, { UI_ACT_EDIT, NULL },
	{ UI_ACT_ARCHIVE, N_("Delete") },
	{ UI_ACT_BASKET, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static void clist_open(struct ui_list *l, size_t i)
{
	ui_push(l->ui, ui_contact_detail_new(l->ui, CL(l)->rows.v[i].id));
}

static void clist_edit(struct ui_list *l, size_t i)
{
	ui_edit_contact(l->ui, CL(l)->rows.v[i].id, NULL);
}

static bool clist_remove(struct ui_list *l, size_t i)
{
	const struct kz_row *r = &CL(l)->rows.v[i];

	return ui_delete_contact(l->ui, r->id, r->title);
}

static void clist_add(struct ui_list *l)
{
	ui_edit_contact(l->ui, NULL, NULL);
}

static void clist_free(struct ui_list *l)
{
	kz_rows_free(&CL(l)->rows);
}

static const struct ui_list_ops clist_ops = {
	.groups = UI_G_MOVE | UI_G_LIST,
	.persistent = true,
	.searchable = true,
	.head_rows = 1,
	.load = clist_load,
	.filters = clist_filters,
	.nfilters = sizeof(clist_filters) / sizeof(clist_filters[0]),
	.row_id = clist_row_id,
	.draw_row = row,
	.draw_head = clist_head,
	.empty = clist_empty,
	.open = clist_open,
	.edit = clist_edit,
	.remove = clist_remove,
	.add = clist_add,
	.title = clist_title,
	.legend = legend_list,
	.free = clist_free,
};

struct ui_screen *ui_contacts_new(struct ui *ui)
{
	return &ui_list_new(ui, &clist_ops, sizeof(struct clist))->base;
}
