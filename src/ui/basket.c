/* The basket: services and activities in a list, narrowed as you type and
 * by filters (sector, category, target group, provider, status). Stale
 * entries carry a "!" and the stale look. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define HEAD_ROWS 2  /* the filter line and the column headings */

struct basket {
	struct ui_list list;
	struct kz_rows rows;
	size_t all;  /* entries in the status scope, without search or filters */
	bool stale_only; /* the rows are the stale entries, with a phone */
};

static struct basket *B(struct ui_list *l)
{
	return (struct basket *)l;
}

/* The filters of the basket. */
enum { F_SECTOR, F_CATEGORY, F_TARGET, F_PROVIDER, F_NETWORK, F_STATUS, F_STALE };

static const struct ui_filter_def basket_filters[] = {
	[F_SECTOR] = { .kind = UI_FILTER_VOCAB, .label = N_("Sector"),
		       .pick_title = N_("Filter by sector"), .vocab = KZ_VOCAB_SECTORS },
	[F_CATEGORY] = { .kind = UI_FILTER_VOCAB, .label = N_("Category"),
			 .pick_title = N_("Filter by category"), .vocab = KZ_VOCAB_CATEGORIES },
	[F_TARGET] = { .kind = UI_FILTER_VOCAB, .label = N_("Target group"),
		       .pick_title = N_("Filter by target group"),
		       .vocab = KZ_VOCAB_TARGET_GROUPS },
	[F_PROVIDER] = { .kind = UI_FILTER_PARTNER, .label = N_("Provider"),
			 .pick_title = N_("Filter by provider"),
			 .any_item = N_("(any provider)") },
	[F_NETWORK] = UI_NETWORK_FILTER,
	[F_STATUS] = { .kind = UI_FILTER_CHOICE, .label = N_("Status"),
		       .pick_title = N_("Filter by status"), .values = kz_service_statuses,
		       .extra_value = "all", .extra_label = N_("all, also archived"),
		       .extra_text = N_("all"),
		       .any_item = N_("active and suspended"),
		       .any_menu = N_("active and suspended") },
	[F_STALE] = { .kind = UI_FILTER_TOGGLE, .label = N_("Only"),
		      .menu_label = N_("Only entries not verified lately"),
		      .on_text = N_("not verified lately") },
};

static void fill_filter(const struct ui_list *l, struct kz_service_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->sector = ui_list_filter_code(l, F_SECTOR);
	f->category = ui_list_filter_code(l, F_CATEGORY);
	f->target_group = ui_list_filter_code(l, F_TARGET);
	f->provider_id = ui_list_filter_code(l, F_PROVIDER);
	f->status = ui_list_filter_code(l, F_STATUS);
	f->stale_only = ui_list_filter_on(l, F_STALE);
	f->network = ui_list_filter_code(l, F_NETWORK);
}

/* Once per change of the data or the status scope, not per key. */
static void count_all(struct ui_list *l)
{
	struct kz_service_filter f = { .status = ui_list_filter_code(l, F_STATUS) };
	struct kz_error err = { 0 };
	size_t n;

	if (kz_service_count(l->ui->db, &f, &n, &err) == KZ_OK)
		B(l)->all = n;
}

static enum kz_status basket_load(struct ui_list *l, const char *query, size_t *n,
				  struct kz_error *err)
{
	struct basket *b = B(l);
	struct kz_service_filter f;
	enum kz_status s;

	fill_filter(l, &f);
	b->stale_only = f.stale_only;
	/* Scrolled near the end of what was read: the next rows only. */
	if (ui_list_going_on(l) && ui_list_want(l) > b->rows.n) {
		s = kz_service_list_more(l->ui->db, query, &f, ui_list_want(l) - b->rows.n,
					 &b->rows, err);
	} else {
		kz_rows_free(&b->rows);
		s = kz_service_list(l->ui->db, query, &f, ui_list_want(l), &b->rows, err);
	}
	*n = b->rows.n;
	return s;
}

static bool basket_more(struct ui_list *l)
{
	return B(l)->rows.more;
}

static const char *basket_row_id(struct ui_list *l, size_t i)
{
	return B(l)->rows.v[i].id;
}

/* --- drawing ------------------------------------------------------------------ */

struct columns {
	int title, provider, category, verified;
};

static struct columns columns_for(int width)
{
	struct columns c = { 0, 0, 0, 10 };

	if (width >= 100) {
		/* Wider still: the provider and the category grow too, up to
		 * what their longest names need. */
		c.provider = 28 + (width - 100) / 4;
		c.category = 24 + (width - 100) / 6;
		if (c.provider > 56)
			c.provider = 56;
		if (c.category > 44)
			c.category = 44;
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
	if (r->service.status && strcmp(r->service.status, "suspended") == 0)
		return "-";
	return " ";
}

/* The title, and "[NAME]" after the title of a network's service: a long
 * title is shortened, never the mark. */
static void draw_title(WINDOW *w, int y, int x, const struct kz_row *r, int width)
{
	const char *title = r->title ? r->title : "";

	if (!r->network) {
		ui_draw_text(w, y, x, title, width);
		return;
	}
	char *mark = xasprintf(" [%s]", r->network);
	int mw = ui_text_width(mark);
	int used = ui_draw_text(w, y, x, title, mw < width / 2 ? width - mw : width / 2);

	ui_draw_text(w, y, x + used, mark, width - used);
	free(mark);
}

static void draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		     bool sel)
{
	struct basket *b = ctx;
	const struct kz_row *r = &b->rows.v[i];
	const struct kz_config *cfg = b->list.ui->cfg;
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
	draw_title(w, y, x, r, c.title);
	x += c.title + 1;
	if (c.provider) {
		ui_draw_text(w, y, x, ui_fit_name(r->service.provider, r->partner_short,
						  c.provider), c.provider);
		x += c.provider + 1;
	}
	if (c.category) {
		/* Stale entries only: whom to call in place of the category. */
		const char *text = b->stale_only ? (r->service.phone ? r->service.phone : "")
			: kz_items_label(&cfg->categories, r->service.category ? r->service.category : "");
		ui_draw_text(w, y, x, text, c.category);
		x += c.category + 1;
	}
	if (c.verified) {
		if (r->stale && !sel)
			wattron(w, ui_look(UI_LOOK_STALE));
		ui_draw_text(w, y, x, r->service.verified_on ? r->service.verified_on : _("never"), c.verified);
	}
	wattrset(w, A_NORMAL);
}

static void draw_headings(WINDOW *w, int y, int width, bool stale_only)
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
		ui_draw_text(w, y, x, stale_only ? _("Phone") : _("Category"), c.category);
		x += c.category + 1;
	}
	if (c.verified)
		ui_draw_text(w, y, x, _("Verified"), c.verified);
	wattrset(w, A_NORMAL);
}

/* One line saying what the list shows. */
static char *filter_text(struct ui_list *l)
{
	char *filters = ui_list_filter_text(l);
	char *text;

	if (l->search.query)
		text = xasprintf("%s: \"%s\"%s%s", _("Search"), l->search.query,
				 filters ? " \xc2\xb7 " : "", filters ? filters : "");
	else if (filters)
		text = xstrdup(filters);
	else
		text = xstrdup(_("All active and suspended entries. / searches, f filters."));
	free(filters);
	return text;
}

static void basket_head(struct ui_list *l, WINDOW *w, int y, int width)
{
	char *ft = filter_text(l);

	if (ui_list_filtered(l) || l->search.query)
		wattrset(w, ui_look(UI_LOOK_KEY));
	ui_draw_text(w, y, 1, ft, width - 2);
	wattrset(w, A_NORMAL);
	free(ft);
	draw_headings(w, y + 1, width, B(l)->stale_only);
}

static const char *basket_empty(struct ui_list *l)
{
	if (l->unreadable)
		return _("The basket could not be read; the message below says why.");
	if (l->search.query || ui_list_filtered(l))
		return _("No entry matches. Esc or c clears the search and the filters.");
	if (ui_first_steps(l->ui))
		return ui_first_steps(l->ui);
	return _("The basket is empty. Press a to add an entry.");
}

/* Whether the list holds every entry that count_all counted (no search,
 * no filter but the status): a page of them needs no count of its own. */
static bool whole_scope(struct ui_list *l)
{
	if (l->search.query)
		return false;
	for (size_t f = 0; f < sizeof(basket_filters) / sizeof(basket_filters[0]); f++)
		if (f != F_STATUS && (ui_list_filter_code(l, f) || ui_list_filter_on(l, f)))
			return false;
	return true;
}

static void basket_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	struct basket *b = B(l);

	snprintf(name, nn, "%s", _("Basket of services"));
	if (b->rows.more && !whole_scope(l))
		snprintf(info, ni, _("first %zu of %zu"), b->rows.n, b->all);
	else
		snprintf(info, ni, _("%zu of %zu"), b->rows.more ? b->all : b->rows.n, b->all);
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SEARCH, NULL }, { UI_ACT_FILTER, NULL },
	{ UI_ACT_OPEN, NULL }, { UI_ACT_ADD, NULL }, { UI_ACT_EDIT, NULL },
	{ UI_ACT_VERIFY, N_("Verify") }, { UI_ACT_ARCHIVE, NULL },
	{ UI_ACT_PARTNERS, NULL }, { UI_ACT_LOOKUP, NULL }, { UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};

static void basket_filter_message(struct ui_list *l)
{
	struct basket *b = B(l);

	if (b->rows.more)
		ui_message(l->ui, ngettext("More than %zu entry matches.",
					   "More than %zu entries match.", b->rows.n),
			   b->rows.n);
	else
		ui_message(l->ui, ngettext("%zu entry matches.", "%zu entries match.", b->rows.n),
			   b->rows.n);
}

/* --- keys and actions ---------------------------------------------------------- */

static void basket_reveal(struct ui_list *l);

static void basket_open(struct ui_list *l, size_t i)
{
	ui_push(l->ui, ui_service_detail_new(l->ui, B(l)->rows.v[i].id));
}

static void basket_edit(struct ui_list *l, size_t i)
{
	ui_edit_service(l->ui, B(l)->rows.v[i].id, NULL);
}

static bool basket_remove(struct ui_list *l, size_t i)
{
	const struct kz_row *r = &B(l)->rows.v[i];

	if (!ui_archive_service(l->ui, r->id, r->title, 0))
		return false;
	count_all(l);
	return true;
}

static void basket_add(struct ui_list *l)
{
	ui_edit_service(l->ui, NULL, ui_list_filter_code(l, F_PROVIDER));
}

/* I, X, N: the basket's exchange with the world. */
static bool exchange_action(struct ui_list *l, enum ui_action a)
{
	switch (a) {
	case UI_ACT_IMPORT:
		if (ui_import_basket(l->ui))
			basket_reveal(l);
		return true;
	case UI_ACT_EXPORT:
		ui_export_basket(l->ui);
		return true;
	case UI_ACT_NETWORKS:
		ui_push(l->ui, ui_networks_new(l->ui));
		return true;
	default:
		return false;
	}
}

/* v: the selected service was verified today. */
static bool basket_action(struct ui_list *l, enum ui_action a)
{
	size_t i;

	if (exchange_action(l, a))
		return true;
	if (a != UI_ACT_VERIFY)
		return false;
	if (!ui_list_selected(l, &i))
		ui_message(l->ui, "%s", _("The list is empty."));
	else if (ui_verify_service(l->ui, B(l)->rows.v[i].id, 0))
		ui_list_reload(l, true);
	return true;
}

static void basket_reveal(struct ui_list *l)
{
	count_all(l);
	ui_list_reload(l, true);
}

static void basket_free(struct ui_list *l)
{
	kz_rows_free(&B(l)->rows);
}

static const struct ui_list_ops basket_ops = {
	.groups = UI_G_MOVE | UI_G_LIST,
	.persistent = true,
	.searchable = true,
	.head_rows = HEAD_ROWS,
	.load = basket_load,
	.row_id = basket_row_id,
	.draw_row = draw_row,
	.draw_head = basket_head,
	.empty = basket_empty,
	.open = basket_open,
	.edit = basket_edit,
	.remove = basket_remove,
	.add = basket_add,
	.action = basket_action,
	.reveal = basket_reveal,
	.title = basket_title,
	.legend = legend_list,
	.filters = basket_filters,
	.nfilters = sizeof(basket_filters) / sizeof(basket_filters[0]),
	.filter_menu_title = N_("Filter the basket by"),
	.filters_changed = count_all,
	.filter_message = basket_filter_message,
	.more = basket_more,
	.free = basket_free,
};

void ui_basket_only_stale(struct ui_screen *s)
{
	struct ui_list *l = (struct ui_list *)s;

	l->filter[F_STALE].on = true;
	count_all(l);
	ui_list_reload(l, false);
}

void ui_basket_only_network(struct ui_screen *s, const char *network,
			    const char *name)
{
	ui_list_set_filter((struct ui_list *)s, F_NETWORK, network, name);
}

struct ui_screen *ui_basket_new(struct ui *ui)
{
	return &ui_list_new(ui, &basket_ops, sizeof(struct basket))->base;
}
