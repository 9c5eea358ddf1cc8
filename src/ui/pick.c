/* Pick lists: a window over the screen with the shared list widget and,
 * for single choices, a filter line that narrows the list as you type.
 * Used for vocabulary codes, enum values, partners and contact persons. */
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

void ui_pick_add(struct ui_pick *p, const char *label, const char *value,
		 const char *detail)
{
	struct ui_pick_item *it;

	p->items = xreallocarray(p->items, p->n + 1, sizeof(*p->items));
	it = &p->items[p->n++];
	it->label = xstrdup(label ? label : "");
	it->value = xstrdup_or_null(value);
	it->detail = xstrdup_or_null(detail);
	it->marked = false;
}

void ui_pick_free_items(struct ui_pick *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].label);
		free(p->items[i].value);
		free(p->items[i].detail);
	}
	free(p->items);
	p->items = NULL;
	p->n = 0;
}

void ui_pick_vocab(struct ui_pick *p, const struct kz_items *items)
{
	for (size_t i = 0; items && i < items->n; i++)
		ui_pick_add(p, items->v[i].label, items->v[i].code, NULL);
}

void ui_pick_load_partners(struct ui *ui, void *ctx, const char *query,
			   struct ui_pick *p)
{
	struct kz_rows rows;
	struct kz_error err = { 0 };
	const char *none_label = ctx;

	ui_pick_free_items(p);
	if (none_label)
		ui_pick_add(p, none_label, NULL, NULL);
	if (kz_partner_list(ui->db, query, NULL, 300, &rows, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < rows.n; i++)
		ui_pick_add(p, rows.v[i].title, rows.v[i].id, rows.v[i].partner.short_name);
	kz_rows_free(&rows);
}

#define MULTI_HINT N_(" Space marks, Enter accepts, Esc cancels ")

/* --- running a pick list ------------------------------------------------------ */

struct picker {
	struct ui *ui;
	struct ui_pick *p;
	bool filter;          /* a filter line is shown */
	struct ui_input in;
	size_t *vis;          /* indexes of the items shown */
	size_t nvis;
	struct ui_listbox lb;
	WINDOW *win;
};

static bool item_matches(const struct ui_pick_item *it, char **words)
{
	char *folded;
	bool ok;

	if (!words || !words[0])
		return true;
	folded = kz_fold(it->label);
	ok = kz_words_prefix_all(folded, words);
	free(folded);
	if (!ok && it->detail) {
		folded = kz_fold(it->detail);
		ok = kz_words_prefix_all(folded, words);
		free(folded);
	}
	return ok;
}

/* Apply the filter text: reload from the source or narrow the items. */
static void refilter(struct picker *pk)
{
	char *query = ui_input_text(&pk->in);
	char **words = NULL;

	if (pk->p->load)
		pk->p->load(pk->ui, pk->p->ctx, query, pk->p);
	else
		kz_query_words(query, &words);
	free(pk->vis);
	pk->vis = xcalloc(pk->p->n + 1, sizeof(size_t));
	pk->nvis = 0;
	for (size_t i = 0; i < pk->p->n; i++)
		if (pk->p->load || (!pk->p->items[i].value && !pk->in.len) ||
		    item_matches(&pk->p->items[i], words))
			pk->vis[pk->nvis++] = i;
	if (words)
		kz_words_free(words);
	free(query);
	ui_lb_set_count(&pk->lb, pk->nvis);
	ui_lb_select(&pk->lb, 0);
}

static void select_value(struct picker *pk, const char *value)
{
	for (size_t i = 0; value && i < pk->nvis; i++) {
		const char *v = pk->p->items[pk->vis[i]].value;
		if (v && strcmp(v, value) == 0) {
			ui_lb_select(&pk->lb, i);
			return;
		}
	}
}

/* Size and place the window in the middle of the body. */
static void place_window(struct picker *pk)
{
	struct ui *ui = pk->ui;
	int maxw = COLS - 4, maxh = LINES - 4;
	int w = ui_text_width(_(pk->p->title)) + 8, h;

	for (size_t i = 0; i < pk->p->n; i++) {
		int iw = ui_text_width(pk->p->items[i].label) + 8;
		if (pk->p->items[i].detail)
			iw += ui_text_width(pk->p->items[i].detail) + 2;
		if (iw > w)
			w = iw;
	}
	if (pk->p->load)
		w = maxw;
	if (pk->p->multi && w < ui_text_width(_(MULTI_HINT)) + 6)
		w = ui_text_width(_(MULTI_HINT)) + 6;
	if (w < 40)
		w = 40;
	if (w > maxw)
		w = maxw;
	h = (int)pk->p->n + 2 + (pk->filter ? 1 : 0);
	if (pk->p->load || h > maxh)
		h = maxh;
	if (h < 5)
		h = 5;
	if (pk->win)
		delwin(pk->win);
	pk->win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (!pk->win)
		kz_die("cannot make a window of %dx%d", w, h);
	(void)ui;
	ui_lb_set_height(&pk->lb, h - 2 - (pk->filter ? 1 : 0));
}

static void draw_item(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	struct picker *pk = ctx;
	const struct ui_pick_item *it = &pk->p->items[pk->vis[i]];
	int dw = 0;

	if (selected)
		wattrset(w, ui_look(UI_LOOK_SELECTED));
	ui_draw_blank(w, y, x, width);
	if (pk->p->multi) {
		mvwaddstr(w, y, x + 1, it->marked ? "[x]" : "[ ]");
		x += 4;
		width -= 4;
	}
	if (it->detail) {
		dw = ui_text_width(it->detail);
		if (dw > width / 2)
			dw = width / 2;
		ui_draw_text(w, y, x + width - dw, it->detail, dw);
		dw += 2;
	}
	ui_draw_text(w, y, x + 1, it->label, width - dw - 1);
	wattrset(w, A_NORMAL);
}

static void draw_picker(struct picker *pk)
{
	WINDOW *w = pk->win;
	int h = getmaxy(w), width = getmaxx(w);
	int top = 1, cx = 0;

	ui_stage(pk->ui);
	werase(w);
	wattrset(w, ui_look(UI_LOOK_POPUP));
	box(w, 0, 0);
	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, 0, 2, _(pk->p->title), width - 4);
	wattrset(w, A_NORMAL);
	if (pk->filter) {
		cx = ui_input_draw(&pk->in, w, 1, 2, width - 4, _("Type to narrow: "));
		top = 2;
	}
	if (pk->nvis == 0)
		ui_draw_text(w, top, 2, _("Nothing matches."), width - 4);
	else
		ui_lb_draw(&pk->lb, w, top, 1, width - 2, draw_item, pk);
	if (pk->p->multi)
		ui_draw_text(w, h - 1, 2, _(MULTI_HINT), width - 4);
	wnoutrefresh(w);
	if (pk->filter) {
		curs_set(1);
		wmove(w, 1, cx);
		wnoutrefresh(w);
	} else {
		curs_set(0);
	}
	doupdate();
}

/* One key; returns 1 chosen, 0 cancelled, -1 go on. */
static int picker_key(struct picker *pk, int key)
{
	bool changed;
	enum ui_action a;

	if (pk->filter && ui_key_printable(key) && key != ' ') {
		ui_input_key(&pk->in, key, &changed);
		refilter(pk);
		return -1;
	}
	a = ui_key_action(key, UI_G_DIALOG | UI_G_MOVE);
	if (pk->filter && a == UI_ACT_TOGGLE) {
		ui_input_key(&pk->in, key, &changed);
		refilter(pk);
		return -1;
	}
	switch (a) {
	case UI_ACT_ACCEPT:
		if (pk->p->multi)
			return 1;
		if (pk->nvis == 0)
			return -1;
		pk->p->chosen = pk->vis[pk->lb.sel];
		return 1;
	case UI_ACT_CANCEL:
		return 0;
	case UI_ACT_TOGGLE:
		if (pk->nvis)
			pk->p->items[pk->vis[pk->lb.sel]].marked ^= true;
		return -1;
	default:
		if (ui_lb_action(&pk->lb, a))
			return -1;
		break;
	}
	if (pk->filter && ui_input_key(&pk->in, key, &changed) && changed)
		refilter(pk);
	return -1;
}

bool ui_pick_run(struct ui *ui, struct ui_pick *p)
{
	struct picker pk;
	int result = -1;

	memset(&pk, 0, sizeof(pk));
	pk.ui = ui;
	pk.p = p;
	pk.filter = !p->multi;
	ui_lb_init(&pk.lb, true);
	ui_input_clear(&pk.in);
	if (p->first_key && pk.filter && ui_key_printable(p->first_key)) {
		bool changed;
		ui_input_key(&pk.in, p->first_key, &changed);
	}
	refilter(&pk);
	if (!ui_too_small())
		place_window(&pk);
	select_value(&pk, p->initial);
	while (result < 0 && !ui_stopping(ui)) {
		if (pk.win && !ui_too_small())
			draw_picker(&pk);
		else
			ui_draw(ui);
		int key = ui_next_key(ui);
		if (key == UI_KEY_RESIZED && !ui_too_small())
			place_window(&pk);
		if (key >= 0 && pk.win)
			result = picker_key(&pk, key);
	}
	if (pk.win)
		delwin(pk.win);
	free(pk.vis);
	ui->dirty = true;
	touchwin(ui->body);
	return result == 1;
}
