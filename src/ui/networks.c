/* The networks: the baskets of other partnerships, imported read-only
 * from their published HSDS feeds (koszyk network list, add, update).
 * a adds one (its short name, then its folder), u reads the selected
 * one's feed again (or every one's), Enter shows its services in the
 * basket. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/hsds.h"
#include "koszyk/network.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

struct nlist {
	struct ui_list list;
	struct kz_network_info *v;
	size_t n;
};

static struct nlist *NL(struct ui_list *l)
{
	return (struct nlist *)l;
}

static void nlist_clear(struct nlist *nl)
{
	kz_network_list_free(nl->v, nl->n);
	nl->v = NULL;
	nl->n = 0;
}

static enum kz_status nlist_load(struct ui_list *l, const char *query, size_t *n,
				 struct kz_error *err)
{
	struct nlist *nl = NL(l);
	enum kz_status st;

	(void)query;
	nlist_clear(nl);
	st = kz_network_list(l->ui->db, &nl->v, &nl->n, err);
	if (st != KZ_OK)
		nl->n = 0;
	*n = nl->n;
	return st;
}

static const char *nlist_row_id(struct ui_list *l, size_t i)
{
	return NL(l)->v[i].name;
}

/* --- drawing ------------------------------------------------------------------ */

struct ncols {
	int name, services, withdrawn, partners, imported, source;
};

static struct ncols ncols_for(int width)
{
	struct ncols c = { 14, 8, 9, 8, 16, 0 };

	c.source = width - 2 - c.name - c.services - c.withdrawn - c.partners -
		   c.imported - 5;
	if (c.source < 8) {
		c.source = 0;
		c.imported = 0;
	}
	return c;
}

/* A count right-aligned in its column. */
static void draw_count(WINDOW *w, int y, int x, long n, int width)
{
	char t[24];

	snprintf(t, sizeof(t), "%*ld", width, n);
	ui_draw_text(w, y, x, t, width);
}

static void row(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	const struct kz_network_info *v = &NL(ctx)->v[i];
	struct ncols c = ncols_for(width);
	char when[20];

	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	x += 2;
	ui_draw_text(w, y, x, v->name, c.name);
	x += c.name + 1;
	draw_count(w, y, x, v->services, c.services);
	x += c.services + 1;
	draw_count(w, y, x, v->withdrawn, c.withdrawn);
	x += c.withdrawn + 1;
	draw_count(w, y, x, v->partners, c.partners);
	x += c.partners + 1;
	if (c.imported) {
		ui_local_time(v->imported_at ? v->imported_at : "", when);
		ui_draw_text(w, y, x, when, c.imported);
		x += c.imported + 1;
	}
	if (c.source)
		ui_draw_text_tail(w, y, x, v->source ? v->source : "", c.source);
	wattrset(w, A_NORMAL);
}

/* A heading right-aligned over its counts. */
static void draw_heading_right(WINDOW *w, int y, int x, const char *s, int width)
{
	int tw = ui_text_width(s);

	ui_draw_text(w, y, tw < width ? x + width - tw : x, s, width);
}

static void nlist_head(struct ui_list *l, WINDOW *w, int y, int width)
{
	struct ncols c = ncols_for(width);
	int x = 2;

	(void)l;
	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, x, _("Network"), c.name);
	x += c.name + 1;
	draw_heading_right(w, y, x, _("Services"), c.services);
	x += c.services + 1;
	draw_heading_right(w, y, x, _("Withdrawn"), c.withdrawn);
	x += c.withdrawn + 1;
	draw_heading_right(w, y, x, _("Partners"), c.partners);
	x += c.partners + 1;
	if (c.imported) {
		ui_draw_text(w, y, x, _("Imported"), c.imported);
		x += c.imported + 1;
	}
	if (c.source)
		ui_draw_text(w, y, x, _("From"), c.source);
	wattrset(w, A_NORMAL);
}

static const char *nlist_empty(struct ui_list *l)
{
	if (l->unreadable)
		return _("The networks could not be read; the message below says why.");
	return _("No networks yet. Press a to add the published basket (HSDS) of another partnership: it comes in read-only, marked with its short name.");
}

static void nlist_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	snprintf(name, nn, "%s", _("Networks"));
	snprintf(info, ni, ngettext("%zu network", "%zu networks", l->n), l->n);
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, N_("Its services") },
	{ UI_ACT_ADD, NULL }, { UI_ACT_NET_UPDATE, NULL },
	{ UI_ACT_BASKET, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

/* --- adding and updating ---------------------------------------------------------- */

/* The line of what came in, and what could not be kept. */
static void tell(struct ui *ui, const char *title, const char *name,
		 const char *dir, const struct kz_hsds_import_result *res)
{
	char *line = kz_network_done_text(name, dir, res);

	ui_show_result(ui, title, line, res->warnings, res->nwarnings);
	free(line);
}

static void nlist_add(struct ui_list *l)
{
	struct ui *ui = l->ui;
	struct kz_hsds_import_result res = { 0 };
	struct kz_error err = { 0 };
	char *name, *typed, *source = NULL, *dir = NULL;

	name = ui_ask(ui, _("Short name of the network (letters, digits, - or _): "), NULL);
	if (name)
		kz_trim(name);
	if (!name || !*name) {
		free(name);
		ui_message(ui, "%s", _("No network added."));
		return;
	}
	typed = ui_ask(ui, _("Its published basket (an HSDS folder or its datapackage.json): "),
		       NULL);
	if (typed && *kz_trim(typed))
		source = kz_path_expand_home(typed);
	free(typed);
	if (!source)
		ui_message(ui, "%s", _("No network added."));
	else if (kz_network_add(ui->db, ui->cfg, name, source, &res, &dir, &err) != KZ_OK)
		ui_error(ui, "%s", err.msg);
	else {
		snprintf(ui->saved_id, sizeof(ui->saved_id), "%s", name);
		ui_list_reload(l, true);
		tell(ui, _("Network added"), name, dir, &res);
	}
	kz_hsds_import_result_free(&res);
	free(dir);
	free(source);
	free(name);
}

/* One network's feed again; false (and the message) when refused. */
static bool update_one(struct ui *ui, const char *name)
{
	struct kz_hsds_import_result res = { 0 };
	struct kz_error err = { 0 };
	char *dir = NULL;
	bool ok = kz_network_update(ui->db, ui->cfg, name, &res, &dir, &err) == KZ_OK;

	if (ok)
		tell(ui, _("Network updated"), name, dir, &res);
	else
		ui_error(ui, "%s", err.msg);
	kz_hsds_import_result_free(&res);
	free(dir);
	return ok;
}

/* u: the selected network, or every network (asked when there are more). */
static void nlist_update(struct ui_list *l)
{
	struct nlist *nl = NL(l);
	struct ui_pick p = { .title = N_("Read the published basket again") };
	size_t i, done = 0;
	bool all = false;

	if (!ui_list_selected(l, &i)) {
		ui_message(l->ui, "%s", _("No networks yet: a adds one."));
		return;
	}
	if (nl->n > 1) {
		char *one = xasprintf(_("Only %s"), nl->v[i].name);
		ui_pick_add(&p, one, "one", NULL);
		ui_pick_add(&p, _("Every network"), "all", NULL);
		free(one);
		if (!ui_pick_run(l->ui, &p)) {
			ui_pick_free_items(&p);
			return;
		}
		all = strcmp(p.items[p.chosen].value, "all") == 0;
		ui_pick_free_items(&p);
	}
	if (!all)
		update_one(l->ui, nl->v[i].name);
	else {
		/* The names first: reading a feed may change the list. */
		size_t n = nl->n;
		char **names = xcalloc(n, sizeof(*names));
		for (size_t k = 0; k < n; k++)
			names[k] = xstrdup(nl->v[k].name);
		for (size_t k = 0; k < n && update_one(l->ui, names[k]); k++)
			done++;
		if (done == n)
			ui_message(l->ui, ngettext("%zu network updated.", "%zu networks updated.", n), n);
		for (size_t k = 0; k < n; k++)
			free(names[k]);
		free(names);
	}
	ui_list_reload(l, true);
}

static bool nlist_action(struct ui_list *l, enum ui_action a)
{
	if (a != UI_ACT_NET_UPDATE)
		return false;
	nlist_update(l);
	return true;
}

/* Enter: the basket, only this network's services. */
static void nlist_open(struct ui_list *l, size_t i)
{
	struct ui *ui = l->ui;
	char *name = xstrdup(NL(l)->v[i].name);

	ui_show_top(ui, ui->basket);
	ui_basket_only_network(ui->basket, name, name);
	free(name);
}

static void nlist_free(struct ui_list *l)
{
	nlist_clear(NL(l));
}

static const struct ui_list_ops nlist_ops = {
	.groups = UI_G_MOVE | UI_G_LIST,
	.head_rows = 1,
	.load = nlist_load,
	.row_id = nlist_row_id,
	.draw_row = row,
	.draw_head = nlist_head,
	.empty = nlist_empty,
	.none_selected = N_("No networks yet: a adds one."),
	.open = nlist_open,
	.add = nlist_add,
	.action = nlist_action,
	.title = nlist_title,
	.legend = legend_list,
	.free = nlist_free,
};

struct ui_screen *ui_networks_new(struct ui *ui)
{
	struct ui_list *l = ui_list_new(ui, &nlist_ops, sizeof(struct nlist));

	ui_list_reload(l, false);
	return &l->base;
}

/* The values of a filter by network: our own basket, then each network. */
void ui_pick_networks(struct ui *ui, struct ui_pick *p)
{
	struct kz_network_info *v;
	size_t n;
	struct kz_error err = { 0 };

	ui_pick_add(p, _("our own basket only"), KZ_NETWORK_OWN, NULL);
	if (kz_network_list(ui->db, &v, &n, &err) != KZ_OK)
		return;
	for (size_t i = 0; i < n; i++)
		ui_pick_add(p, v[i].name, v[i].name, v[i].source);
	kz_network_list_free(v, n);
}
