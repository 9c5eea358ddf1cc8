/* The one list screen: basket, partners, contacts, cases, meetings,
 * tasks and the lookup fill in hooks (struct ui_list_ops); this file does
 * what every list does the same way: the listbox, the search line, the
 * filters, reading again while keeping the selection, "the list is
 * empty", resizing, revealing and destroying. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

static struct ui_list *LS(struct ui_screen *s)
{
	return (struct ui_list *)s;
}

static void fit(struct ui_list *l);

/* --- reading and selecting ---------------------------------------------------- */

bool ui_list_selected(struct ui_list *l, size_t *i)
{
	if (l->lb.sel >= l->n)
		return false;
	*i = l->lb.sel;
	return true;
}

bool ui_list_select_id(struct ui_list *l, const char *id)
{
	for (size_t i = 0; id && id[0] && i < l->n; i++) {
		const char *rid = l->ops->row_id(l, i);
		if (rid && strcmp(rid, id) == 0) {
			ui_lb_select(&l->lb, i);
			return true;
		}
	}
	return false;
}

/* The record a form saved last, else prev, else the first row. */
static void reselect(struct ui_list *l, const char *prev)
{
	if (ui_list_select_id(l, l->ui->saved_id))
		l->ui->saved_id[0] = '\0';
	else if (!ui_list_select_id(l, prev))
		ui_lb_select(&l->lb, 0);
}

void ui_list_reload(struct ui_list *l, bool keep)
{
	struct kz_error err = { 0 };
	char prev[KZ_ID_LEN + 1] = "";
	const char *id = l->lb.sel < l->n ? l->ops->row_id(l, l->lb.sel) : NULL;

	if (keep && id)
		snprintf(prev, sizeof(prev), "%s", id);
	if (!keep) {
		l->want = 0;
		l->whole = false;
	}
	l->n = 0;
	l->unreadable = l->ops->load(l, l->search.query, &l->n, &err) != KZ_OK;
	if (l->unreadable)
		ui_error(l->ui, "%s", err.msg);
	fit(l);
	ui_lb_set_count(&l->lb, l->n);
	if (l->ops->reselect)
		l->ops->reselect(l, prev);
	else
		reselect(l, prev);
	l->ui->dirty = true;
}

static size_t page_rows(const struct ui_list *l)
{
	return l->lb.h > 0 ? (size_t)l->lb.h : 24;
}

size_t ui_list_want(const struct ui_list *l)
{
	size_t first = 2 * page_rows(l);

	if (l->whole)
		return 0; /* no limit */
	return l->want > first ? l->want : first;
}

/* A paged list reads another screen of rows when the selection comes
 * within a screen of the last row read. */
static void read_more(struct ui_list *l)
{
	size_t page = page_rows(l);

	if (!l->ops->more || l->lb.sel + page < l->n || !l->ops->more(l))
		return;
	l->want = l->n + 2 * page;
	l->going_on = true;
	ui_list_reload(l, true);
	l->going_on = false;
}

bool ui_list_going_on(const struct ui_list *l)
{
	return l->going_on;
}

/* --- filters --------------------------------------------------------------------- */

const char *ui_list_filter_code(const struct ui_list *l, size_t f)
{
	return f < l->ops->nfilters ? l->filter[f].code : NULL;
}

bool ui_list_filter_on(const struct ui_list *l, size_t f)
{
	return f < l->ops->nfilters && l->filter[f].on;
}

bool ui_list_filtered(const struct ui_list *l)
{
	for (size_t f = 0; f < l->ops->nfilters; f++)
		if (l->filter[f].code || l->filter[f].on)
			return true;
	return false;
}

/* How a filter's value reads, or NULL when it is not set. */
static const char *filter_value_text(const struct ui_list *l, size_t f)
{
	const struct ui_filter_def *d = &l->ops->filters[f];
	const struct ui_filter_value *v = &l->filter[f];

	switch (d->kind) {
	case UI_FILTER_VOCAB:
		return v->code ? kz_items_label(ui_vocab(l->ui, d->vocab), v->code) : NULL;
	case UI_FILTER_CHOICE:
		if (v->code && d->extra_value && strcmp(v->code, d->extra_value) == 0)
			return _(d->extra_text);
		return v->code ? _(kz_enum_label(v->code)) : NULL;
	case UI_FILTER_PARTNER:
	case UI_FILTER_LIST:
		return v->code ? (v->name ? v->name : "?") : NULL;
	case UI_FILTER_TOGGLE:
		return v->on ? _(d->on_text) : NULL;
	}
	return NULL;
}

char *ui_list_filter_text(const struct ui_list *l)
{
	struct kz_buf t = KZ_BUF_INIT;

	for (size_t f = 0; f < l->ops->nfilters; f++) {
		const char *v = filter_value_text(l, f);
		if (!v)
			continue;
		if (t.len)
			kz_buf_puts(&t, " \xc2\xb7 ");
		kz_buf_printf(&t, "%s: %s", _(l->ops->filters[f].label), v);
	}
	if (!t.len) {
		kz_buf_free(&t);
		return NULL;
	}
	return kz_buf_detach(&t);
}

static void clear_filters(struct ui_list *l)
{
	for (size_t f = 0; f < l->ops->nfilters; f++) {
		free(l->filter[f].code);
		free(l->filter[f].name);
		memset(&l->filter[f], 0, sizeof(l->filter[f]));
	}
}

static void set_filter(struct ui_filter_value *v, const char *code, const char *name)
{
	kz_str_set(&v->code, code);
	kz_str_set(&v->name, code ? name : NULL);
}

void ui_list_set_filter(struct ui_list *l, size_t f, const char *code,
			const char *name)
{
	set_filter(&l->filter[f], code, name);
	if (l->ops->filters_changed)
		l->ops->filters_changed(l);
	ui_list_reload(l, false);
}

/* Choose a value for filter f in a pick list; false when cancelled. */
static bool pick_filter_value(struct ui_list *l, size_t f)
{
	const struct ui_filter_def *d = &l->ops->filters[f];
	struct ui_filter_value *v = &l->filter[f];
	struct ui_pick p = { .title = d->pick_title, .initial = v->code };
	const char *any = _(d->any_item ? d->any_item : N_("(any)"));
	bool ok;

	if (d->kind == UI_FILTER_TOGGLE) {
		v->on = !v->on;
		return true;
	}
	if (d->kind == UI_FILTER_PARTNER) {
		p.load = ui_pick_load_partners;
		p.ctx = (void *)any;
	} else {
		ui_pick_add(&p, any, NULL, NULL);
	}
	if (d->kind == UI_FILTER_VOCAB)
		ui_pick_vocab(&p, ui_vocab(l->ui, d->vocab));
	if (d->kind == UI_FILTER_LIST)
		d->fill(l->ui, &p);
	for (const char *const *c = d->kind == UI_FILTER_CHOICE ? d->values : NULL; c && *c; c++)
		ui_pick_add(&p, _(kz_enum_label(*c)), *c, NULL);
	if (d->kind == UI_FILTER_CHOICE && d->extra_value)
		ui_pick_add(&p, _(d->extra_label), d->extra_value, NULL);
	ok = ui_pick_run(l->ui, &p);
	if (ok)
		set_filter(v, p.items[p.chosen].value, p.items[p.chosen].label);
	ui_pick_free_items(&p);
	return ok;
}

/* The value the filter menu shows beside filter f. */
static const char *filter_menu_value(const struct ui_list *l, size_t f)
{
	const struct ui_filter_def *d = &l->ops->filters[f];
	const char *v;

	if (d->kind == UI_FILTER_TOGGLE)
		return l->filter[f].on ? _("yes") : _("no");
	v = filter_value_text(l, f);
	return v ? v : _(d->any_menu ? d->any_menu : N_("any"));
}

/* The menu of filters, then the chosen filter's values. */
static void filter_menu(struct ui_list *l)
{
	const struct ui_list_ops *o = l->ops;
	struct ui_pick menu = { .title = o->filter_menu_title };
	bool changed = false;
	char value[24];
	size_t f;

	for (f = 0; f < o->nfilters; f++) {
		const struct ui_filter_def *d = &o->filters[f];
		snprintf(value, sizeof(value), "%zu", f);
		ui_pick_add(&menu, _(d->kind == UI_FILTER_TOGGLE ? d->menu_label : d->label),
			    value, filter_menu_value(l, f));
	}
	ui_pick_add(&menu, _("Clear all filters"), "clear", "");
	if (!ui_pick_run(l->ui, &menu)) {
		ui_pick_free_items(&menu);
		return;
	}
	if (strcmp(menu.items[menu.chosen].value, "clear") == 0) {
		clear_filters(l);
		changed = true;
	} else {
		changed = pick_filter_value(l, (size_t)atoi(menu.items[menu.chosen].value));
	}
	ui_pick_free_items(&menu);
	if (!changed)
		return;
	if (o->filters_changed)
		o->filters_changed(l);
	ui_list_reload(l, false);
	if (o->filter_message)
		o->filter_message(l);
}

void ui_list_info(const struct ui_list *l, const char *what, char *info, size_t ni)
{
	char *filters = ui_list_filter_text(l);

	if (filters)
		snprintf(info, ni, "%s \xc2\xb7 %s", what, filters);
	else
		snprintf(info, ni, "%s", what);
	free(filters);
}

/* Drop the search and the filters (c, or Esc on the list). */
static void clear_all(struct ui_list *l)
{
	ui_search_close(l->ui, &l->search, true);
	if (l->ops->nfilters) {
		clear_filters(l);
		if (l->ops->filters_changed)
			l->ops->filters_changed(l);
	}
	ui_list_reload(l, true);
	if (l->ops->nfilters)
		ui_message(l->ui, "%s", _("Search and filters cleared."));
}

/* --- the screen ------------------------------------------------------------------ */

void ui_list_search_open(struct ui_list *l)
{
	ui_search_open(l->ui, &l->search);
}

static int foot_rows(struct ui_list *l)
{
	return l->ops->foot_rows ? l->ops->foot_rows(l) : 0;
}

static bool shows_filter_line(const struct ui_list *l)
{
	return l->ops->filter_line && ui_list_filtered(l);
}

/* Lines above the rows: the filter line, then the headings. */
static int head_rows(const struct ui_list *l)
{
	return l->ops->head_rows + (shows_filter_line(l) ? 1 : 0);
}

/* The rows get what the lines above and below leave. */
static void fit(struct ui_list *l)
{
	ui_lb_set_height(&l->lb, ui_body_h(l->ui) - head_rows(l) - foot_rows(l));
}

static void draw_filter_line(struct ui_list *l, WINDOW *w, int width)
{
	char *text = ui_list_filter_text(l);
	char *line = xasprintf(_("Filter: %s. Esc or c clears it."), text ? text : "");

	wattrset(w, ui_look(UI_LOOK_KEY));
	ui_draw_text(w, 0, 1, line, width - 2);
	wattrset(w, A_NORMAL);
	free(line);
	free(text);
}

static void draw_empty(struct ui_list *l, WINDOW *w, int width)
{
	const char *text = l->ops->empty(l);

	if (l->ops->empty_as_note) {
		wattrset(w, ui_look(UI_LOOK_ARCHIVED));
		ui_draw_text(w, head_rows(l), 1, text, width - 2);
		wattrset(w, A_NORMAL);
		return;
	}
	ui_draw_wrapped(w, head_rows(l) + 1, 2, getmaxy(w), width - 4, text);
}

static void list_draw(struct ui_screen *s, struct ui *ui)
{
	struct ui_list *l = LS(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui);

	if (shows_filter_line(l))
		draw_filter_line(l, w, width);
	if (l->ops->draw_head)
		l->ops->draw_head(l, w, head_rows(l) - l->ops->head_rows, width);
	if (l->n == 0 && l->ops->empty) {
		draw_empty(l, w, width);
		return;
	}
	ui_lb_draw(&l->lb, w, head_rows(l), 0, width, l->ops->draw_row, l);
	if (foot_rows(l))
		l->ops->draw_foot(l, w, ui_body_h(ui) - foot_rows(l), width);
}

static bool record_action(struct ui_list *l, enum ui_action a);

static bool list_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct ui_list *l = LS(s);

	if (l->ops->key && l->ops->key(l, key))
		return true;
	if (l->search.open) {
		enum ui_search_result r = ui_search_key(ui, &l->search, key, &l->lb);
		if (r == UI_SEARCH_CHANGED)
			ui_list_reload(l, false);
		else
			read_more(l);
		if (r == UI_SEARCH_ACCEPTED && l->ops->open_on_accept)
			record_action(l, UI_ACT_OPEN);
		return r != UI_SEARCH_NOT_MINE;
	}
	/* Esc drops a search or filters before it would leave. */
	if (key == UI_KEY_ESC && (l->search.query || ui_list_filtered(l))) {
		clear_all(l);
		return true;
	}
	return false;
}

/* Open, edit or remove the selected row. */
static bool record_action(struct ui_list *l, enum ui_action a)
{
	const struct ui_list_ops *o = l->ops;
	size_t i;

	if ((a == UI_ACT_OPEN && !o->open) || (a == UI_ACT_EDIT && !o->edit) ||
	    (a == UI_ACT_ARCHIVE && !o->remove))
		return false;
	if (!ui_list_selected(l, &i)) {
		const char *none = o->none_selected ? o->none_selected : N_("The list is empty.");
		if (none[0])
			ui_message(l->ui, "%s", _(none));
		return true;
	}
	if (a == UI_ACT_OPEN)
		o->open(l, i);
	else if (a == UI_ACT_EDIT)
		o->edit(l, i);
	else if (o->remove(l, i))
		ui_list_reload(l, true);
	return true;
}

static bool list_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct ui_list *l = LS(s);
	const struct ui_list_ops *o = l->ops;

	(void)ui;
	/* The end of a paged list is its last row, not the last one read. */
	if (a == UI_ACT_LAST && o->more && o->more(l)) {
		l->whole = true;
		ui_list_reload(l, true);
	}
	if (ui_lb_action(&l->lb, a)) {
		read_more(l);
		return true;
	}
	if (o->action && o->action(l, a))
		return true;
	switch (a) {
	case UI_ACT_SEARCH:
		if (!o->searchable)
			return false;
		ui_list_search_open(l);
		return true;
	case UI_ACT_FILTER:
		if (!o->nfilters)
			return false;
		filter_menu(l);
		return true;
	case UI_ACT_CLEAR:
		if (!o->searchable && !o->nfilters)
			return false;
		clear_all(l);
		return true;
	case UI_ACT_ADD:
		if (!o->add)
			return false;
		o->add(l);
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
	case UI_ACT_ARCHIVE:
		return record_action(l, a);
	default:
		return false;
	}
}

static void list_resize(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	fit(LS(s));
}

static void list_reveal(struct ui_screen *s, struct ui *ui)
{
	struct ui_list *l = LS(s);

	(void)ui;
	if (l->ops->reveal)
		l->ops->reveal(l);
	else
		ui_list_reload(l, true);
}

static void list_title(struct ui_screen *s, struct ui *ui, char *name,
		       size_t nn, char *info, size_t ni)
{
	(void)ui;
	LS(s)->ops->title(LS(s), name, nn, info, ni);
}

static const struct ui_legend *list_legend(struct ui_screen *s, struct ui *ui)
{
	struct ui_list *l = LS(s);

	(void)ui;
	if (!l->search.open)
		return l->ops->legend_now ? l->ops->legend_now(l) : l->ops->legend;
	return l->ops->search_legend ? l->ops->search_legend : ui_legend_search;
}

static void list_destroy(struct ui_screen *s)
{
	struct ui_list *l = LS(s);

	if (l->ui->input == &l->search.in)
		l->ui->input = NULL;
	if (l->ops->free)
		l->ops->free(l);
	clear_filters(l);
	free(l->filter);
	ui_search_free(&l->search);
	free(l);
}

static const struct ui_screen_ops list_ops = {
	.draw = list_draw,
	.key = list_key,
	.action = list_action,
	.resize = list_resize,
	.reveal = list_reveal,
	.title = list_title,
	.legend = list_legend,
	.destroy = list_destroy,
};

struct ui_list *ui_list_new(struct ui *ui, const struct ui_list_ops *ops,
			    size_t size)
{
	struct ui_list *l = xcalloc(1, size);

	l->base.ops = &list_ops;
	l->base.groups = ops->groups;
	l->base.persistent = ops->persistent;
	l->ui = ui;
	l->ops = ops;
	if (ops->nfilters)
		l->filter = xcalloc(ops->nfilters, sizeof(*l->filter));
	ui_lb_init(&l->lb, true);
	ui_input_clear(&l->search.in);
	return l;
}
