/* The first screen of a case manager: what needs attention in my cases
 * (overdue actions, reviews due, plans about to expire, cases without a
 * plan), then my cases (or every case), searchable by code. The list
 * never shows a name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/cases.h"
#include "koszyk/xalloc.h"
#include "koszyk/access.h"
#include "ui_internal.h"

enum entry_kind { E_HEAD_ATT, E_ATT, E_HEAD_CASES, E_CASE, E_NOTE };

struct entry {
	enum entry_kind kind;
	size_t i;  /* into the attentions or the rows */
};

struct cases {
	struct ui_screen base;
	struct ui *ui;
	bool all;        /* every case, not only mine */
	bool creating;   /* a new case form is open */
	struct kz_attentions att;
	struct kz_rows rows;
	struct entry *e;
	size_t n;
	struct ui_listbox lb;
	struct ui_search search;
};

static struct cases *CS(struct ui_screen *s)
{
	return (struct cases *)s;
}

/* A worker's cases are those she manages and those shared with her: the
 * data layer lists no other. A coordinator's own are those she manages. */
static const char *manager_filter(struct cases *c)
{
	if (c->all || !kz_may(c->ui->db, KZ_RIGHT_ALL_CASES))
		return NULL;
	return kz_db_user(c->ui->db);
}

static void add_entry(struct cases *c, enum entry_kind kind, size_t i)
{
	c->e = xreallocarray(c->e, c->n + 1, sizeof(*c->e));
	c->e[c->n].kind = kind;
	c->e[c->n].i = i;
	c->n++;
}

static const char *selected_case(struct cases *c)
{
	const struct entry *e = c->lb.sel < c->n ? &c->e[c->lb.sel] : NULL;

	if (!e)
		return NULL;
	if (e->kind == E_ATT)
		return c->att.v[e->i].case_id;
	if (e->kind == E_CASE)
		return c->rows.v[e->i].id;
	return NULL;
}

static void reload(struct cases *c)
{
	struct kz_error err = { 0 };
	char prev[KZ_ID_LEN + 1] = "";
	const char *sel = selected_case(c);

	if (sel)
		snprintf(prev, sizeof(prev), "%s", sel);
	kz_attentions_free(&c->att);
	kz_rows_free(&c->rows);
	free(c->e);
	c->e = NULL;
	c->n = 0;
	/* A search by code shows the cases only. */
	/* Attention is always for my own cases (a worker's: those she
	 * manages and those shared with her); m changes the list of cases
	 * only. */
	if (!c->search.query &&
	    kz_attention_list(c->ui->db, kz_may(c->ui->db, KZ_RIGHT_ALL_CASES)
						 ? kz_db_user(c->ui->db) : NULL,
			      &c->att, &err) != KZ_OK)
		ui_error(c->ui, "%s", err.msg);
	if (kz_case_list(c->ui->db, manager_filter(c), c->search.query, &c->rows, &err) != KZ_OK)
		ui_error(c->ui, "%s", err.msg);
	if (!c->search.query) {
		add_entry(c, E_HEAD_ATT, 0);
		for (size_t i = 0; i < c->att.n; i++)
			add_entry(c, E_ATT, i);
		if (c->att.n == 0)
			add_entry(c, E_NOTE, 0);
	}
	add_entry(c, E_HEAD_CASES, 0);
	for (size_t i = 0; i < c->rows.n; i++)
		add_entry(c, E_CASE, i);
	if (c->rows.n == 0)
		add_entry(c, E_NOTE, 1);
	ui_lb_set_count(&c->lb, c->n);
	/* The record a form saved, else the one selected before, else the
	 * first line that opens a case. */
	for (int pass = 0; pass < 3; pass++) {
		const char *want = pass == 0 ? c->ui->saved_id : prev;
		for (size_t i = 0; i < c->n; i++) {
			const struct entry *e = &c->e[i];
			bool opens = e->kind == E_ATT || e->kind == E_CASE;
			if (pass < 2 && !(e->kind == E_CASE && want[0] &&
					  strcmp(c->rows.v[e->i].id, want) == 0))
				continue;
			if (pass == 2 && !opens)
				continue;
			if (pass == 0)
				c->ui->saved_id[0] = '\0';
			if (pass == 2)
				c->lb.top = 0;  /* from the top, headings shown */
			ui_lb_select(&c->lb, i);
			return;
		}
	}
	ui_lb_select(&c->lb, 0);
}

static const char *attention_label(enum kz_attention_kind k)
{
	switch (k) {
	case KZ_ATT_OVERDUE_ACTION: return _("Overdue action");
	case KZ_ATT_REVIEW_DUE: return _("Review due");
	case KZ_ATT_PLAN_EXPIRING: return _("Plan expires");
	case KZ_ATT_NO_PLAN: return _("No plan yet");
	}
	return "";
}

static void draw_entry(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		       bool selected)
{
	struct cases *c = ctx;
	const struct entry *e = &c->e[i];
	char text[160];
	int cx = x + 1, rest = width - 1;

	wattrset(w, selected ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	switch (e->kind) {
	case E_HEAD_ATT:
		if (!selected)
			wattrset(w, ui_look(UI_LOOK_HEADING));
		snprintf(text, sizeof(text), _("What needs attention (%zu)"), c->att.n);
		ui_draw_text(w, y, cx, text, rest);
		break;
	case E_HEAD_CASES:
		if (!selected)
			wattrset(w, ui_look(UI_LOOK_HEADING));
		snprintf(text, sizeof(text),
			 c->all ? _("All cases (%zu)") : _("My cases (%zu)"), c->rows.n);
		ui_draw_text(w, y, cx, text, rest);
		break;
	case E_NOTE:
		if (!selected)
			wattrset(w, ui_look(UI_LOOK_ARCHIVED));
		ui_draw_text(w, y, cx + 2,
			     e->i == 0 ? _("Nothing is overdue or due soon.")
			     : c->search.query ? _("No case code matches. Esc clears the search.")
			     : c->all ? _("No cases yet. Press a to open one.")
			     : kz_may(c->ui->db, KZ_RIGHT_ALL_CASES)
				      ? _("You manage no cases. Press m to see every case, a to open one.")
				      : _("You manage no cases and none is shared with you. Press a to open one."),
			     rest - 2);
		break;
	case E_ATT: {
		const struct kz_attention *a = &c->att.v[e->i];
		if (!selected && (a->kind == KZ_ATT_OVERDUE_ACTION))
			wattrset(w, ui_look(UI_LOOK_STALE));
		ui_draw_text(w, y, cx, "!", 1);
		cx += 2;
		ui_draw_text(w, y, cx, a->date, 10);
		cx += 11;
		ui_draw_text(w, y, cx, a->case_code, 14);
		cx += 15;
		ui_draw_text(w, y, cx, attention_label(a->kind), 15);
		cx += 16;
		if (cx < x + width - 1)
			ui_draw_text(w, y, cx, a->title ? a->title : "", x + width - 1 - cx);
		break;
	}
	case E_CASE: {
		const struct kz_row *r = &c->rows.v[e->i];
		bool wide = width >= 70;
		cx += 2;
		ui_draw_text(w, y, cx, r->title, 16);
		cx += 17;
		ui_draw_text(w, y, cx, _(kz_enum_label(r->col1 ? r->col1 : "")), 13);
		cx += 14;
		if (wide) {
			ui_draw_text(w, y, cx, r->col3 ? r->col3 : "", 10);
			cx += 11;
			ui_draw_text(w, y, cx, r->col4 ? r->col4 : "", 10);
			cx += 11;
		}
		if (cx < x + width - 1)
			ui_draw_text(w, y, cx, ui_user_name(c->ui, r->col2), x + width - 1 - cx);
		break;
	}
	}
	wattrset(w, A_NORMAL);
}

static void cases_draw(struct ui_screen *s, struct ui *ui)
{
	struct cases *c = CS(s);

	ui_lb_draw(&c->lb, ui->body, 0, 0, ui_body_w(ui), draw_entry, c);
}

static void cases_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
			char *info, size_t ni)
{
	struct cases *c = CS(s);

	snprintf(name, nn, "%s", _("Cases"));
	if (c->search.query)
		snprintf(info, ni, _("%zu found for \"%s\""), c->rows.n, c->search.query);
	else
		snprintf(info, ni, "%s", c->all ? _("every case")
					       : ui_user_name(ui, kz_db_user(ui->db)));
}

static const struct ui_legend legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_SEARCH, NULL },
	{ UI_ACT_ALL_CASES, NULL }, { UI_ACT_ADD, N_("New case") },
	{ UI_ACT_BASKET, NULL }, { UI_ACT_BACK, N_("Quit") }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *cases_legend(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	return CS(s)->search.open ? ui_legend_search : legend_list;
}

static bool cases_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct cases *c = CS(s);

	int r = ui_search_list_key(ui, &c->search, key, &c->lb);

	if (r >= 2)
		reload(c);
	return r != 0;
}

static bool cases_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct cases *c = CS(s);
	const char *id;

	if (ui_lb_action(&c->lb, a))
		return true;
	switch (a) {
	case UI_ACT_SEARCH: ui_search_open(ui, &c->search); return true;
	case UI_ACT_CLEAR:
		ui_search_close(ui, &c->search, true);
		reload(c);
		return true;
	case UI_ACT_ALL_CASES:
		c->all = !c->all;
		reload(c);
		ui_message(ui, "%s", c->all ? _("Showing every case.") : _("Showing my cases."));
		return true;
	case UI_ACT_ADD:
		c->creating = ui_edit_case(ui, NULL);
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
		id = selected_case(c);
		if (!id) {
			ui_message(ui, "%s", _("Choose a case or a line that needs attention."));
			return true;
		}
		if (a == UI_ACT_OPEN)
			ui_push(ui, ui_case_screen_new(ui, id));
		else
			ui_edit_case(ui, id);
		return true;
	default:
		return false;
	}
}

static void cases_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&CS(s)->lb, ui_body_h(ui));
}

static void cases_reveal(struct ui_screen *s, struct ui *ui)
{
	struct cases *c = CS(s);
	char created[KZ_ID_LEN + 1];

	snprintf(created, sizeof(created), "%s", c->creating ? ui->saved_id : "");
	c->creating = false;
	reload(c);
	/* A case just opened: go on to its screen. */
	if (created[0])
		ui_push(ui, ui_case_screen_new(ui, created));
}

static void cases_destroy(struct ui_screen *s)
{
	struct cases *c = CS(s);

	kz_attentions_free(&c->att);
	kz_rows_free(&c->rows);
	free(c->e);
	ui_search_free(&c->search);
	free(c);
}

static const struct ui_screen_ops cases_ops = {
	.draw = cases_draw,
	.key = cases_key,
	.action = cases_action,
	.resize = cases_resize,
	.reveal = cases_reveal,
	.title = cases_title,
	.legend = cases_legend,
	.destroy = cases_destroy,
	.groups = UI_G_MOVE | UI_G_LIST | UI_G_CASE,
};

struct ui_screen *ui_cases_new(struct ui *ui)
{
	struct cases *c = xcalloc(1, sizeof(*c));

	c->base.ops = &cases_ops;
	c->ui = ui;
	/* Someone who is not a configured user manages no case: show all. */
	c->all = !kz_config_user(ui->cfg, kz_db_user(ui->db));
	ui_lb_init(&c->lb, true);
	ui_input_clear(&c->search.in);
	return &c->base;
}

/* --- the case form ---------------------------------------------------------------- */

bool ui_edit_case(struct ui *ui, const char *id)
{
	struct kz_case *c = xcalloc(1, sizeof(*c));
	struct kz_error err = { 0 };
	char today[11];

	if (id && kz_case_get(ui->db, id, c, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(UI_REC_CASE, c);
		return false;
	}
	if (!id) {
		kz_today(today);
		if (kz_case_next_code(ui->db, ui->cfg, &c->code, &err) != KZ_OK)
			c->code = NULL;
		kz_str_set(&c->status, "new");
		kz_str_set(&c->manager, kz_db_user(ui->db));
		kz_str_set(&c->legal_basis, "consent");
		kz_str_set(&c->consent_date, today);
		kz_str_set(&c->opened_on, today);
	}
	ui_push(ui, ui_form_new(ui, UI_REC_CASE, c));
	return true;
}
