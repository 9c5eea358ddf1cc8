/* The basket: services and activities in a list, narrowed as you type and
 * by filters (sector, category, target group, provider, status). Stale
 * entries carry a "!" and the stale look. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define LIST_LIMIT 500
#define HEAD_ROWS 2  /* the filter line and the column headings */

struct basket {
	struct ui_screen base;
	struct ui *ui;
	struct kz_rows rows;
	struct ui_listbox lb;
	struct ui_search search;
	/* The filter; codes and ids owned here, NULL for any. */
	char *sector, *category, *target_group, *provider_id, *provider_name;
	char *status;
	bool stale_only;
	size_t all;  /* entries in the status scope, without search or filters */
	bool unreadable; /* the last reading failed: not "empty" */
};

static struct basket *B(struct ui_screen *s)
{
	return (struct basket *)s;
}

static bool filtered(const struct basket *b)
{
	return b->sector || b->category || b->target_group || b->provider_id ||
	       b->status || b->stale_only;
}

static void fill_filter(const struct basket *b, struct kz_service_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->sector = b->sector;
	f->category = b->category;
	f->target_group = b->target_group;
	f->provider_id = b->provider_id;
	f->status = b->status;
	f->stale_only = b->stale_only;
}

static void count_all(struct basket *b)
{
	struct kz_service_filter f = { .status = b->status };
	struct kz_error err = { 0 };
	size_t n;

	/* Once per change of the data or the status scope, not per key. */
	if (kz_service_count(b->ui->db, &f, &n, &err) == KZ_OK)
		b->all = n;
}

/* Read the list again; keep the selected entry when it is still there. */
static void reload(struct basket *b, bool keep_selection)
{
	struct kz_service_filter f;
	struct kz_error err = { 0 };
	char id[KZ_ID_LEN + 1] = "";

	if (keep_selection && b->lb.sel < b->rows.n)
		snprintf(id, sizeof(id), "%s", b->rows.v[b->lb.sel].id);
	kz_rows_free(&b->rows);
	fill_filter(b, &f);
	b->unreadable = kz_service_list(b->ui->db, b->search.query, &f, LIST_LIMIT,
					&b->rows, &err) != KZ_OK;
	if (b->unreadable)
		ui_error(b->ui, "%s", err.msg);
	ui_reselect(b->ui, &b->lb, &b->rows, id);
	b->ui->dirty = true;
}

static const struct kz_row *selected(struct basket *b)
{
	return b->lb.sel < b->rows.n ? &b->rows.v[b->lb.sel] : NULL;
}

/* --- drawing ------------------------------------------------------------------ */

struct columns {
	int title, provider, category, verified;
};

static struct columns columns_for(int width)
{
	struct columns c = { 0, 0, 0, 10 };

	if (width >= 100) {
		c.provider = 28;
		c.category = 24;
	} else if (width >= 76) {
		c.provider = 20;
		c.category = 15;
	} else if (width >= 56) {
		c.provider = 16;
	}
	/* marker (2), gaps between columns */
	c.title = width - 2 - c.verified - 1 - (c.provider ? c.provider + 1 : 0) -
		  (c.category ? c.category + 1 : 0);
	if (c.title < 10) {
		c.verified = 0;
		c.title = width - 2;
	}
	return c;
}

/* The marker: ! stale, - suspended, x archived. */
static const char *marker(const struct kz_row *r)
{
	if (r->archived)
		return "x";
	if (r->stale)
		return "!";
	if (r->col3 && strcmp(r->col3, "suspended") == 0)
		return "-";
	return " ";
}

static void draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		     bool sel)
{
	struct basket *b = ctx;
	const struct kz_row *r = &b->rows.v[i];
	struct columns c = columns_for(width);
	attr_t base = sel ? ui_look(UI_LOOK_SELECTED)
			  : (r->archived ? ui_look(UI_LOOK_ARCHIVED) : A_NORMAL);

	wattrset(w, base);
	ui_draw_blank(w, y, x, width);
	if (r->stale)
		wattrset(w, sel ? base | A_BOLD : ui_look(UI_LOOK_STALE));
	mvwaddstr(w, y, x, marker(r));
	wattrset(w, base);
	x += 2;
	ui_draw_text(w, y, x, r->title, c.title);
	x += c.title + 1;
	if (c.provider) {
		ui_draw_text(w, y, x, r->col1, c.provider);
		x += c.provider + 1;
	}
	if (c.category) {
		ui_draw_text(w, y, x, kz_items_label(&b->ui->cfg->categories, r->col2 ? r->col2 : ""),
			     c.category);
		x += c.category + 1;
	}
	if (c.verified) {
		if (r->stale && !sel)
			wattron(w, ui_look(UI_LOOK_STALE));
		ui_draw_text(w, y, x, r->col4 ? r->col4 : _("never"), c.verified);
	}
	wattrset(w, A_NORMAL);
}

static void draw_headings(WINDOW *w, int y, int width)
{
	struct columns c = columns_for(width);
	int x = 2;

	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, x, _("Service or activity"), c.title);
	x += c.title + 1;
	if (c.provider) {
		ui_draw_text(w, y, x, _("Provider"), c.provider);
		x += c.provider + 1;
	}
	if (c.category) {
		ui_draw_text(w, y, x, _("Category"), c.category);
		x += c.category + 1;
	}
	if (c.verified)
		ui_draw_text(w, y, x, _("Verified"), c.verified);
	wattrset(w, A_NORMAL);
}

static void add_part(struct kz_buf *b, const char *label, const char *value)
{
	if (b->len)
		kz_buf_puts(b, " \xc2\xb7 ");
	kz_buf_printf(b, "%s: %s", label, value);
}

/* One line saying what the list shows. */
static char *filter_text(struct basket *b)
{
	const struct kz_config *cfg = b->ui->cfg;
	struct kz_buf t = KZ_BUF_INIT;

	if (b->search.query) {
		char *q = xasprintf("\"%s\"", b->search.query);
		add_part(&t, _("Search"), q);
		free(q);
	}
	if (b->sector)
		add_part(&t, _("Sector"), kz_items_label(&cfg->sectors, b->sector));
	if (b->category)
		add_part(&t, _("Category"), kz_items_label(&cfg->categories, b->category));
	if (b->target_group)
		add_part(&t, _("Target group"), kz_items_label(&cfg->target_groups, b->target_group));
	if (b->provider_id)
		add_part(&t, _("Provider"), b->provider_name ? b->provider_name : "?");
	if (b->status)
		add_part(&t, _("Status"), strcmp(b->status, "all") == 0 ? _("all")
					  : _(kz_enum_label(b->status)));
	if (b->stale_only)
		add_part(&t, _("Only"), _("not verified lately"));
	if (!t.len)
		kz_buf_puts(&t, _("All active and suspended entries. / searches, f filters."));
	return kz_buf_detach(&t);
}

static void basket_draw(struct ui_screen *s, struct ui *ui)
{
	struct basket *b = B(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui);
	char *ft = filter_text(b);

	if (filtered(b) || b->search.query)
		wattrset(w, ui_look(UI_LOOK_KEY));
	ui_draw_text(w, 0, 1, ft, width - 2);
	wattrset(w, A_NORMAL);
	free(ft);
	draw_headings(w, 1, width);
	if (b->rows.n == 0) {
		ui_draw_text(w, HEAD_ROWS + 1, 2,
			     b->unreadable ? _("The basket could not be read; the message below says why.")
			     : b->search.query || filtered(b)
				     ? _("No entry matches. Esc or c clears the search and the filters.")
				     : _("The basket is empty. Press a to add an entry."),
			     width - 4);
		return;
	}
	ui_lb_draw(&b->lb, w, HEAD_ROWS, 0, width, draw_row, b);
}

static void basket_title(struct ui_screen *s, struct ui *ui, char *name,
			 size_t nn, char *info, size_t ni)
{
	struct basket *b = B(s);

	(void)ui;
	snprintf(name, nn, "%s", _("Basket of services"));
	if (b->rows.more)
		snprintf(info, ni, _("first %zu of %zu"), b->rows.n, b->all);
	else
		snprintf(info, ni, _("%zu of %zu"), b->rows.n, b->all);
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SEARCH, NULL }, { UI_ACT_FILTER, NULL },
	{ UI_ACT_OPEN, NULL }, { UI_ACT_ADD, NULL }, { UI_ACT_EDIT, NULL },
	{ UI_ACT_VERIFY, N_("Verify") }, { UI_ACT_ARCHIVE, NULL },
	{ UI_ACT_PARTNERS, NULL }, { UI_ACT_LOOKUP, NULL }, { UI_ACT_BACK, N_("Quit") },
	{ UI_ACT_NONE, NULL }
};

static const struct ui_legend *basket_legend(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	return B(s)->search.open ? ui_legend_search : legend_list;
}

/* --- filters -------------------------------------------------------------- */

enum filter_kind { F_SECTOR, F_CATEGORY, F_TARGET, F_PROVIDER, F_STATUS, F_STALE, F_CLEAR };

static void clear_filters(struct basket *b)
{
	char **owned[] = { &b->sector, &b->category, &b->target_group,
			   &b->provider_id, &b->provider_name, &b->status };

	for (size_t i = 0; i < sizeof(owned) / sizeof(owned[0]); i++) {
		free(*owned[i]);
		*owned[i] = NULL;
	}
	b->stale_only = false;
}

/* Pick a vocabulary code (or any) into *slot; false when cancelled. */
static bool pick_code(struct ui *ui, const char *title, const struct kz_items *items,
		      char **slot)
{
	struct ui_pick p = { .title = title, .initial = *slot };
	bool ok;

	ui_pick_add(&p, _("(any)"), NULL, NULL);
	ui_pick_vocab(&p, items);
	ok = ui_pick_run(ui, &p);
	if (ok)
		kz_str_set(slot, p.items[p.chosen].value);
	ui_pick_free_items(&p);
	return ok;
}

static bool pick_provider(struct basket *b)
{
	struct ui_pick p = { .title = N_("Filter by provider"),
			     .load = ui_pick_load_partners,
			     .ctx = (void *)_("(any provider)"),
			     .initial = b->provider_id };
	bool ok = ui_pick_run(b->ui, &p);

	if (ok) {
		kz_str_set(&b->provider_id, p.items[p.chosen].value);
		kz_str_set(&b->provider_name, p.items[p.chosen].value ? p.items[p.chosen].label : NULL);
	}
	ui_pick_free_items(&p);
	return ok;
}

static bool pick_status(struct basket *b)
{
	struct ui_pick p = { .title = N_("Filter by status"), .initial = b->status };
	bool ok;

	ui_pick_add(&p, _("active and suspended"), NULL, NULL);
	for (const char *const *v = kz_service_statuses; *v; v++)
		ui_pick_add(&p, _(kz_enum_label(*v)), *v, NULL);
	ui_pick_add(&p, _("all, also archived"), "all", NULL);
	ok = ui_pick_run(b->ui, &p);
	if (ok)
		kz_str_set(&b->status, p.items[p.chosen].value);
	ui_pick_free_items(&p);
	count_all(b);
	return ok;
}

static void add_menu_item(struct ui_pick *p, const char *label, int kind,
			  const char *current)
{
	char value[8];

	snprintf(value, sizeof(value), "%d", kind);
	ui_pick_add(p, label, value, current ? current : _("any"));
}

static void basket_filter(struct basket *b)
{
	struct ui *ui = b->ui;
	const struct kz_config *cfg = ui->cfg;
	struct ui_pick menu = { .title = N_("Filter the basket by") };
	bool changed = false;

	add_menu_item(&menu, _("Sector"), F_SECTOR,
		      b->sector ? kz_items_label(&cfg->sectors, b->sector) : NULL);
	add_menu_item(&menu, _("Category"), F_CATEGORY,
		      b->category ? kz_items_label(&cfg->categories, b->category) : NULL);
	add_menu_item(&menu, _("Target group"), F_TARGET,
		      b->target_group ? kz_items_label(&cfg->target_groups, b->target_group) : NULL);
	add_menu_item(&menu, _("Provider"), F_PROVIDER, b->provider_name);
	add_menu_item(&menu, _("Status"), F_STATUS,
		      b->status ? _(kz_enum_label(b->status)) : _("active and suspended"));
	add_menu_item(&menu, _("Only entries not verified lately"), F_STALE,
		      b->stale_only ? _("yes") : _("no"));
	add_menu_item(&menu, _("Clear all filters"), F_CLEAR, "");
	if (!ui_pick_run(ui, &menu)) {
		ui_pick_free_items(&menu);
		return;
	}
	switch (atoi(menu.items[menu.chosen].value)) {
	case F_SECTOR: changed = pick_code(ui, N_("Filter by sector"), &cfg->sectors, &b->sector); break;
	case F_CATEGORY: changed = pick_code(ui, N_("Filter by category"), &cfg->categories, &b->category); break;
	case F_TARGET: changed = pick_code(ui, N_("Filter by target group"), &cfg->target_groups, &b->target_group); break;
	case F_PROVIDER: changed = pick_provider(b); break;
	case F_STATUS: changed = pick_status(b); break;
	case F_STALE: b->stale_only = !b->stale_only; changed = true; break;
	default: clear_filters(b); count_all(b); changed = true; break;
	}
	ui_pick_free_items(&menu);
	if (changed) {
		reload(b, false);
		if (b->rows.more)
			ui_message(ui, ngettext("More than %zu entry matches.",
						"More than %zu entries match.", b->rows.n),
				   b->rows.n);
		else
			ui_message(ui, ngettext("%zu entry matches.", "%zu entries match.",
						b->rows.n),
				   b->rows.n);
	}
}

/* --- keys and actions ---------------------------------------------------------- */

static bool basket_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct basket *b = B(s);

	if (b->search.open) {
		int r = ui_search_key(ui, &b->search, key, &b->lb);
		if (r == 2)
			reload(b, false);
		return r != 0;
	}
	/* Esc clears a search or filters before it would leave. */
	if (key == UI_KEY_ESC && (b->search.query || filtered(b))) {
		ui_search_close(ui, &b->search, true);
		clear_filters(b);
		count_all(b);
		reload(b, true);
		ui_message(ui, "%s", _("Search and filters cleared."));
		return true;
	}
	return false;
}

static bool basket_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct basket *b = B(s);
	const struct kz_row *r = selected(b);

	if (ui_lb_action(&b->lb, a))
		return true;
	switch (a) {
	case UI_ACT_SEARCH:
		ui_search_open(ui, &b->search);
		return true;
	case UI_ACT_FILTER:
		basket_filter(b);
		return true;
	case UI_ACT_CLEAR:
		ui_search_close(ui, &b->search, true);
		clear_filters(b);
		count_all(b);
		reload(b, true);
		ui_message(ui, "%s", _("Search and filters cleared."));
		return true;
	case UI_ACT_ADD:
		ui_edit_service(ui, NULL, b->provider_id);
		return true;
	default:
		break;
	}
	if (a != UI_ACT_OPEN && a != UI_ACT_EDIT && a != UI_ACT_ARCHIVE && a != UI_ACT_VERIFY)
		return false;
	if (!r) {
		ui_message(ui, "%s", _("The list is empty."));
		return true;
	}
	switch (a) {
	case UI_ACT_OPEN: ui_push(ui, ui_service_detail_new(ui, r->id)); break;
	case UI_ACT_EDIT: ui_edit_service(ui, r->id, NULL); break;
	case UI_ACT_ARCHIVE:
		if (ui_archive_service(ui, r->id, r->title, 0)) {
			count_all(b);
			reload(b, true);
		}
		break;
	case UI_ACT_VERIFY:
		if (ui_verify_service(ui, r->id, 0))
			reload(b, true);
		break;
	default: break;
	}
	return true;
}

static void basket_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&B(s)->lb, ui_body_h(ui) - HEAD_ROWS);
}

static void basket_reveal(struct ui_screen *s, struct ui *ui)
{
	struct basket *b = B(s);

	(void)ui;
	count_all(b);
	reload(b, true);
}

static void basket_destroy(struct ui_screen *s)
{
	struct basket *b = B(s);

	clear_filters(b);
	ui_search_free(&b->search);
	kz_rows_free(&b->rows);
	free(b);
}

static const struct ui_screen_ops basket_ops = {
	.draw = basket_draw,
	.key = basket_key,
	.action = basket_action,
	.resize = basket_resize,
	.reveal = basket_reveal,
	.title = basket_title,
	.legend = basket_legend,
	.destroy = basket_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_basket_new(struct ui *ui)
{
	struct basket *b = xcalloc(1, sizeof(*b));

	b->base.ops = &basket_ops;
	b->base.persistent = true;
	b->ui = ui;
	ui_lb_init(&b->lb, true);
	ui_input_clear(&b->search.in);
	return &b->base;
}
