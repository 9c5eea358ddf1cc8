/* The fields changed on two computers at once (sync.h): a list of them,
 * and one of them with its competing values, where a person chooses the
 * value to keep or writes a merged one. Resolving is an ordinary edit
 * through kz_conflict_resolve, so the choice travels with the next sync. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

/* --- words for tables and columns ------------------------------------------- */

/* The record kind in words (the kind table's name for it; a plan's
 * versions are no kind of record), or the raw kind. */
static const char *kind_words(const struct kz_conflict *c)
{
	const struct kz_kind_info *k = kz_kind_by_table(c->table);

	if (k)
		return _(k->label);
	if (c->table && strcmp(c->table, "plan_versions") == 0)
		return _("plan version");
	return c->kind ? c->kind : (c->table ? c->table : "");
}

/* The field of the kind's field table for a column, or NULL. */
static const struct kz_field *column_field(const struct kz_conflict *c)
{
	const struct kz_kind_info *k = kz_kind_by_table(c->table);

	if (!k || !c->field)
		return NULL;
	return kz_field_find(k->fields, *k->nfields, c->field);
}

/* The column in words: the label of the form, or the column's name. */
static const char *field_words(const struct kz_conflict *c)
{
	const struct kz_field *f = column_field(c);

	if (f)
		return _(f->label);
	return c->field ? c->field : "";
}

static bool is_clash(const struct kz_conflict *c)
{
	return c->note && strcmp(c->note, "clash") == 0;
}

/* A value as a person reads it: labels for enum values and codes; the
 * name of a record it refers to; the raw value otherwise. */
static char *value_words(struct ui *ui, const struct kz_conflict *c, const char *v)
{
	const struct kz_field *f = column_field(c);
	const struct kz_items *items;
	char *ref;

	if (kz_str_empty(v))
		return xstrdup(_("(empty)"));
	if ((ref = kz_conflict_ref_label(ui->db, c, v)) != NULL)
		return ref;
	if (f && f->type == KZ_FT_ENUM)
		return xstrdup(_(kz_enum_label(v)));
	if (f && (f->type == KZ_FT_CODE || f->type == KZ_FT_CODES) &&
	    (items = ui_vocab(ui, f->vocab)) != NULL) {
		char *out = xstrdup(""), *copy = xstrdup(v);
		for (char *save = NULL, *p = strtok_r(copy, ";", &save); p;
		     p = strtok_r(NULL, ";", &save)) {
			char *next = xasprintf("%s%s%s", out, *out ? ", " : "",
					       kz_items_label(items, p));
			free(out);
			out = next;
		}
		free(copy);
		return out;
	}
	return xstrdup(v);
}

/* The conflict with the same table, record and field in a list. */
static const struct kz_conflict *find(const struct kz_conflict_list *l,
				      const char *table, const char *row_id,
				      const char *field, size_t *at)
{
	for (size_t i = 0; table && i < l->n; i++) {
		const struct kz_conflict *c = &l->items[i];
		if (c->table && c->row_id && c->field && strcmp(c->table, table) == 0 &&
		    strcmp(c->row_id, row_id) == 0 && strcmp(c->field, field) == 0) {
			if (at)
				*at = i;
			return c;
		}
	}
	return NULL;
}

/* Write the value and say what happened; true when resolved (or when it
 * is not in conflict any more). */
static bool resolve(struct ui *ui, const struct kz_conflict *c, const char *value)
{
	struct kz_error err = { 0 };
	enum kz_status st = kz_conflict_resolve(ui->db, c->table, c->row_id,
						c->field, value, &err);
	char *words;

	if (st == KZ_NOT_FOUND) {
		ui_message(ui, "%s", _("This field is not in conflict any more: someone settled it already."));
		return true;
	}
	if (st != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return false;
	}
	words = value_words(ui, c, value);
	ui_message(ui, _("Settled: %s of %s is now \xe2\x80\x9c%s\xe2\x80\x9d."),
		   field_words(c), c->label ? c->label : "", words);
	free(words);
	return true;
}

/* --- one conflict ------------------------------------------------------------- */

struct cview {
	struct ui_screen base;
	struct ui *ui;
	char *table, *row_id, *field;
	struct kz_conflict_list l;
	const struct kz_conflict *c;  /* in l; NULL when settled meanwhile */
	struct ui_listbox lb;         /* the values */
	int list_y;                   /* where the values start */
};

static struct cview *CV(struct ui_screen *s)
{
	return (struct cview *)s;
}

static void cview_load(struct cview *v)
{
	struct kz_error err = { 0 };

	kz_conflict_list_free(&v->l);
	memset(&v->l, 0, sizeof(v->l));
	v->c = NULL;
	if (kz_conflicts_list(v->ui->db, &v->l, &err) != KZ_OK)
		ui_error(v->ui, "%s", err.msg);
	v->c = find(&v->l, v->table, v->row_id, v->field, NULL);
	ui_lb_set_count(&v->lb, v->c ? v->c->nvalues : 0);
	/* Start on the value the record holds now. */
	for (size_t i = 0; v->c && i < v->c->nvalues; i++)
		if (v->c->values[i].current)
			ui_lb_select(&v->lb, i);
}

static void value_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	struct cview *v = ctx;
	const struct kz_conflict_value *val = &v->c->values[i];
	char when[20], *who, *text = value_words(v->ui, v->c, val->value);
	int dw, room;

	ui_local_time(val->at, when);
	if (val->user || val->at)
		who = xasprintf("%s, %s%s", val->user ? ui_user_name(v->ui, val->user) : "?",
				when, val->current ? _(" (provisional)") : "");
	else
		who = xstrdup(val->current ? _("(provisional)") : "");
	/* Who wrote it (with the provisional mark) gets at least half the
	 * line and whatever a short value leaves, so that a real name does
	 * not cut the mark off. */
	dw = ui_text_width(who) + 2;
	room = width - ui_text_width(text) - 5;
	if (room < width / 2)
		room = width / 2;
	if (dw > room)
		dw = room;
	wattrset(w, selected ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	ui_draw_text(w, y, x + 1, selected ? ">" : " ", 1);
	ui_draw_text(w, y, x + 3, text, width - dw - 4);
	if (!selected)
		wattrset(w, ui_look(UI_LOOK_ARCHIVED));
	ui_draw_text(w, y, x + width - dw, who, dw - 1);
	wattrset(w, A_NORMAL);
	free(who);
	free(text);
}

static void draw_label(WINDOW *w, int y, const char *label, const char *text,
		       int width)
{
	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, 1, label, 12);
	wattrset(w, A_NORMAL);
	ui_draw_text(w, y, 14, text, width - 15);
}

static void cview_draw(struct ui_screen *s, struct ui *ui)
{
	struct cview *v = CV(s);
	const struct kz_conflict *c = v->c;
	const struct kz_conflict_value *sel;
	WINDOW *w = ui->body;
	int width = ui_body_w(ui), h = ui_body_h(ui), y = 0, lh;
	char *text;

	if (!c) {
		ui_draw_text(w, 0, 1, _("This field is not in conflict any more. Press q to go back."),
			     width - 2);
		return;
	}
	text = xasprintf("%s (%s)", c->label ? c->label : "", kind_words(c));
	draw_label(w, y++, _("Record:"), text, width);
	free(text);
	draw_label(w, y++, _("Field:"), field_words(c), width);
	y++;
	y = ui_draw_wrapped(w, y, 1, h, width - 2, is_clash(c)
			 ? _("Two cases got the same code while offline. Both are kept: this one got its code followed by part of its id. Press e to give it a new code, or Enter to keep this one.")
			 : _("This field was changed on two computers at once. Choose the value to keep with Enter, or press e to write one that joins them."));
	y++;
	text = xasprintf(_("Values (%zu)"), c->nvalues);
	wattrset(w, ui_look(UI_LOOK_HEADING));
	ui_draw_text(w, y++, 1, text, width - 2);
	wattrset(w, A_NORMAL);
	free(text);
	lh = (int)c->nvalues < h - y ? (int)c->nvalues : h - y;
	if (lh < 1)
		return;
	ui_lb_set_height(&v->lb, lh);
	ui_lb_draw(&v->lb, w, y, 0, width, value_row, v);
	y += lh + 1;
	/* The chosen value in full when the line cuts it. */
	sel = v->lb.sel < c->nvalues ? &c->values[v->lb.sel] : NULL;
	if (!sel || y >= h - 1)
		return;
	text = value_words(ui, c, sel->value);
	if (ui_text_width(text) > width / 2 - 4) {
		wattrset(w, ui_look(UI_LOOK_LABEL));
		ui_draw_text(w, y++, 1, _("The chosen value in full:"), width - 2);
		wattrset(w, A_NORMAL);
		ui_draw_wrapped(w, y, 3, h, width - 4, text);
	}
	free(text);
}

static void cview_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
			char *info, size_t ni)
{
	struct cview *v = CV(s);

	(void)ui;
	snprintf(name, nn, "%s", _("Conflict"));
	snprintf(info, ni, "%s", v->c ? field_words(v->c) : "");
}

static const struct ui_legend cview_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_DOWN, N_("Next value") },
	{ UI_ACT_OPEN, N_("Keep this value") }, { UI_ACT_EDIT, N_("Write a value") },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend cview_clash_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, N_("Keep this code") },
	{ UI_ACT_EDIT, N_("New code") }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *cview_legend(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	return CV(s)->c && is_clash(CV(s)->c) ? cview_clash_items : cview_legend_items;
}

static bool cview_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct cview *v = CV(s);
	const struct kz_conflict *c = v->c;
	const struct kz_conflict_value *cur = NULL;
	char *typed;

	if (ui_lb_action(&v->lb, a))
		return true;
	if (a == UI_ACT_CONFLICTS) {  /* the list is below */
		ui_pop(ui);
		return true;
	}
	if (a != UI_ACT_OPEN && a != UI_ACT_EDIT)
		return false;
	if (!c) {
		ui_message(ui, "%s", _("This field is not in conflict any more. Press q to go back."));
		return true;
	}
	if (a == UI_ACT_OPEN) {
		if (v->lb.sel >= c->nvalues)
			return true;
		if (resolve(ui, c, c->values[v->lb.sel].value))
			ui_pop(ui);
		return true;
	}
	for (size_t i = 0; i < c->nvalues; i++)
		if (c->values[i].current)
			cur = &c->values[i];
	typed = ui_ask(ui, is_clash(c) ? _("New code: ") : _("Value to keep: "),
		       cur && cur->value ? cur->value : "");
	if (!typed)
		return true;
	if (is_clash(c) && kz_str_empty(typed))
		ui_error(ui, "%s", _("A case needs a code: type a new one."));
	else if (resolve(ui, c, typed))
		ui_pop(ui);
	free(typed);
	return true;
}

static void cview_resize(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;  /* the height of the values is set when drawn */
}

static void cview_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	cview_load(CV(s));
}

static void cview_destroy(struct ui_screen *s)
{
	struct cview *v = CV(s);

	kz_conflict_list_free(&v->l);
	free(v->table);
	free(v->row_id);
	free(v->field);
	free(v);
}

static const struct ui_screen_ops cview_ops = {
	.draw = cview_draw,
	.action = cview_action,
	.resize = cview_resize,
	.reveal = cview_reveal,
	.title = cview_title,
	.legend = cview_legend,
	.destroy = cview_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

static struct ui_screen *cview_new(struct ui *ui, const struct kz_conflict *c)
{
	struct cview *v = xcalloc(1, sizeof(*v));

	v->base.ops = &cview_ops;
	v->ui = ui;
	v->table = xstrdup(c->table);
	v->row_id = xstrdup(c->row_id);
	v->field = xstrdup(c->field);
	ui_lb_init(&v->lb, true);
	ui_lb_set_height(&v->lb, 1);
	cview_load(v);
	return &v->base;
}

/* --- the list ----------------------------------------------------------------- */

struct conflicts {
	struct ui_screen base;
	struct ui *ui;
	struct kz_conflict_list l;
	struct kz_dropped_list d;     /* after the conflicts in the list */
	struct ui_listbox lb;
};

/* The fields of a change not applied, in words. */
static char *dropped_fields(const struct kz_dropped *d)
{
	struct kz_buf b = KZ_BUF_INIT;
	char *copy = xstrdup(d->fields ? d->fields : "");

	for (char *save = NULL, *p = strtok_r(copy, ",", &save); p;
	     p = strtok_r(NULL, ",", &save)) {
		struct kz_conflict c = { .table = d->table, .field = p };
		if (b.len)
			kz_buf_puts(&b, ", ");
		kz_buf_puts(&b, field_words(&c));
	}
	free(copy);
	return kz_buf_detach(&b);
}

static void dropped_row(struct ui *ui, const struct kz_dropped *d, WINDOW *w,
			int y, int x, int width)
{
	struct kz_conflict c = { .table = d->table, .kind = d->kind };
	char when[20], *fields = d->detail ? xstrdup(d->fields ? d->fields : "")
					   : dropped_fields(d);
	char *what = d->detail
		? xasprintf(_("Refused: %s"), d->detail)
		: xasprintf(strcmp(d->reason, "deleted") == 0
				    ? _("Not applied: %s deleted elsewhere")
				    : _("Not applied: a second %s where one may be"),
			    kind_words(&c));
	char *who;
	int ww = width >= 70 ? 24 : 17, fw2 = width >= 70 ? 14 : 10;
	int lw = width - ww - fw2 - 3;

	snprintf(when, sizeof(when), "%.16s", d->at ? d->at : "");
	for (char *t = when; *t; t++)
		if (*t == 'T')
			*t = ' ';
	who = xasprintf("%s %s", d->user ? ui_user_name(ui, d->user) : "", when);
	ui_draw_text(w, y, x + 1, what, lw - 1);
	ui_draw_text(w, y, x + 1 + lw, fields, fw2 - 1);
	ui_draw_text(w, y, x + 1 + lw + fw2, who, ww);
	free(what);
	free(fields);
	free(who);
}

static struct conflicts *CS(struct ui_screen *s)
{
	return (struct conflicts *)s;
}

static void conflicts_load(struct conflicts *cs)
{
	struct kz_error err = { 0 };
	char *table = NULL, *row_id = NULL, *field = NULL;
	size_t at = 0;

	if (cs->lb.sel < cs->l.n) {
		const struct kz_conflict *c = &cs->l.items[cs->lb.sel];
		table = xstrdup(c->table);
		row_id = xstrdup(c->row_id);
		field = xstrdup(c->field);
	}
	kz_conflict_list_free(&cs->l);
	memset(&cs->l, 0, sizeof(cs->l));
	kz_dropped_list_free(&cs->d);
	if (kz_conflicts_list(cs->ui->db, &cs->l, &err) != KZ_OK ||
	    kz_dropped_list(cs->ui->db, &cs->d, &err) != KZ_OK)
		ui_error(cs->ui, "%s", err.msg);
	ui_lb_set_count(&cs->lb, cs->l.n + cs->d.n);
	/* The same conflict as before, or the one now in its place. */
	if (table && find(&cs->l, table, row_id, field, &at))
		ui_lb_select(&cs->lb, at);
	else
		ui_lb_select(&cs->lb, cs->lb.sel < cs->l.n + cs->d.n ? cs->lb.sel
			     : (cs->l.n + cs->d.n ? cs->l.n + cs->d.n - 1 : 0));
	free(table);
	free(row_id);
	free(field);
}

static void conflicts_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
			  bool selected)
{
	struct conflicts *cs = ctx;
	if (i >= cs->l.n) {
		wattrset(w, selected ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
		ui_draw_blank(w, y, x, width);
		dropped_row(cs->ui, &cs->d.items[i - cs->l.n], w, y, x, width);
		wattrset(w, A_NORMAL);
		return;
	}
	const struct kz_conflict *c = &cs->l.items[i];
	int fw = width >= 70 ? 22 : 14, nw = width >= 70 ? 16 : 10;
	int lw = width - fw - nw - 3;
	char *rec = xasprintf("%s (%s)", c->label ? c->label : "", kind_words(c));
	char *count = is_clash(c) ? xstrdup(_("same code"))
		      : xasprintf(ngettext("%zu value", "%zu values", c->nvalues), c->nvalues);

	wattrset(w, selected ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	ui_draw_text(w, y, x + 1, rec, lw - 1);
	ui_draw_text(w, y, x + 1 + lw, field_words(c), fw - 1);
	ui_draw_text(w, y, x + 1 + lw + fw, count, nw - 1);
	wattrset(w, A_NORMAL);
	free(rec);
	free(count);
}

static void conflicts_draw(struct ui_screen *s, struct ui *ui)
{
	struct conflicts *cs = CS(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui);

	if (cs->l.n == 0 && cs->d.n == 0) {
		ui_draw_text(w, 0, 1, _("Nothing to settle: no field was changed on two computers at once."),
			     width - 2);
		return;
	}
	if (cs->l.n > 0)
		ui_draw_text(w, 0, 1, _("Changed on two computers at once: Enter opens one to choose the value."),
			     width - 2);
	else
		ui_draw_text(w, 0, 1, _("Changes that could not be applied: Enter marks one as seen."),
			     width - 2);
	ui_lb_draw(&cs->lb, w, 2, 0, width, conflicts_row, cs);
}

static void conflicts_title(struct ui_screen *s, struct ui *ui, char *name,
			    size_t nn, char *info, size_t ni)
{
	(void)ui;
	snprintf(name, nn, "%s", _("Conflicts"));
	snprintf(info, ni, _("%zu to settle"), CS(s)->l.n);
}

static const struct ui_legend conflicts_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_SYNC, NULL },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *conflicts_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return conflicts_legend_items;
}

static bool conflicts_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct conflicts *cs = CS(s);

	if (ui_lb_action(&cs->lb, a))
		return true;
	switch (a) {
	case UI_ACT_CONFLICTS:  /* already here: read again */
		conflicts_load(cs);
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
		if (cs->lb.sel < cs->l.n) {
			ui_push(ui, cview_new(ui, &cs->l.items[cs->lb.sel]));
		} else if (cs->lb.sel < cs->l.n + cs->d.n) {
			/* A change lost with its record: the person has seen it. */
			struct kz_error err = { 0 };
			if (kz_dropped_dismiss(ui->db, &cs->d.items[cs->lb.sel - cs->l.n], &err) != KZ_OK)
				ui_error(ui, "%s", err.msg);
			else
				ui_message(ui, "%s", _("Marked as seen; the change stays not applied."));
			conflicts_load(cs);
		} else {
			ui_message(ui, "%s", _("Nothing to settle."));
		}
		return true;
	default:
		return false;
	}
}

static void conflicts_resize(struct ui_screen *s, struct ui *ui)
{
	int h = ui_body_h(ui) - 2;

	ui_lb_set_height(&CS(s)->lb, h > 1 ? h : 1);
}

static void conflicts_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	conflicts_load(CS(s));
}

static void conflicts_destroy(struct ui_screen *s)
{
	kz_conflict_list_free(&CS(s)->l);
	kz_dropped_list_free(&CS(s)->d);
	free(s);
}

static const struct ui_screen_ops conflicts_ops = {
	.draw = conflicts_draw,
	.action = conflicts_action,
	.resize = conflicts_resize,
	.reveal = conflicts_reveal,
	.title = conflicts_title,
	.legend = conflicts_legend,
	.destroy = conflicts_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_conflicts_new(struct ui *ui)
{
	struct conflicts *cs = xcalloc(1, sizeof(*cs));

	cs->base.ops = &conflicts_ops;
	cs->ui = ui;
	ui_lb_init(&cs->lb, true);
	conflicts_load(cs);
	return &cs->base;
}
