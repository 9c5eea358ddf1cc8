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
	struct ui_list list;
	bool all;        /* every case, not only mine */
	bool creating;   /* a new case form is open */
	struct kz_attentions att;
	struct kz_rows rows;
	struct entry *e;
	size_t n;
};

static struct cases *CS(struct ui_list *l)
{
	return (struct cases *)l;
}

/* A worker's cases are those she manages and those shared with her: the
 * data layer lists no other. A coordinator's own are those she manages. */
static const char *manager_filter(struct cases *c)
{
	struct kz_db *db = c->list.ui->db;

	if (c->all || !kz_may(db, KZ_RIGHT_ALL_CASES))
		return NULL;
	return kz_db_user(db);
}

static void add_entry(struct cases *c, enum entry_kind kind, size_t i)
{
	c->e = xreallocarray(c->e, c->n + 1, sizeof(*c->e));
	c->e[c->n].kind = kind;
	c->e[c->n].i = i;
	c->n++;
}

/* The case a line opens: an attention's or the case's; NULL for a
 * heading or a note. */
static const char *cases_row_id(struct ui_list *l, size_t i)
{
	struct cases *c = CS(l);
	const struct entry *e = &c->e[i];

	if (e->kind == E_ATT)
		return c->att.v[e->i].case_id;
	if (e->kind == E_CASE)
		return c->rows.v[e->i].id;
	return NULL;
}

static void free_entries(struct cases *c)
{
	kz_attentions_free(&c->att);
	kz_rows_free(&c->rows);
	free(c->e);
	c->e = NULL;
	c->n = 0;
}

/* What needs attention, then the cases; a search by code shows the
 * cases only. Attention is always for my own cases (a worker's: those
 * she manages and those shared with her); m changes the list of cases
 * only. */
/* The filter of the list: the cases of one status. */
enum { CF_STATUS };

static const struct ui_filter_def cases_filters[] = {
	[CF_STATUS] = { .kind = UI_FILTER_CHOICE, .label = N_("Status"),
			.pick_title = N_("Filter the cases by status"),
			.values = kz_case_statuses },
};

/* Leave out the cases of another status than the filter's. */
static void keep_status(struct kz_rows *rows, const char *status)
{
	size_t kept = 0;

	if (!status)
		return;
	for (size_t i = 0; i < rows->n; i++) {
		struct kz_row *r = &rows->v[i];
		if (kz_str_eq(r->case_.status, status)) {
			rows->v[kept++] = *r;
			continue;
		}
		free(r->title);
		for (size_t c = 0; c < KZ_ROW_COLS; c++)
			free(r->col[c]);
	}
	rows->n = kept;
}

static enum kz_status cases_load(struct ui_list *l, const char *query, size_t *n,
				 struct kz_error *err)
{
	struct cases *c = CS(l);
	struct kz_db *db = l->ui->db;
	enum kz_status s;

	free_entries(c);
	if (!query &&
	    kz_attention_list(db, kz_may(db, KZ_RIGHT_ALL_CASES) ? kz_db_user(db) : NULL,
			      &c->att, err) != KZ_OK)
		ui_error(l->ui, "%s", err->msg);
	s = kz_case_list(db, manager_filter(c), query, &c->rows, err);
	keep_status(&c->rows, ui_list_filter_code(l, CF_STATUS));
	if (!query) {
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
	*n = c->n;
	return s;
}

/* The line of case want in the list of cases (not an attention). */
static bool select_case(struct cases *c, const char *want)
{
	for (size_t i = 0; want[0] && i < c->n; i++)
		if (c->e[i].kind == E_CASE && strcmp(c->rows.v[c->e[i].i].id, want) == 0) {
			ui_lb_select(&c->list.lb, i);
			return true;
		}
	return false;
}

/* The record a form saved, else the one selected before, else the first
 * line that opens a case, from the top with the headings shown. */
static void cases_reselect(struct ui_list *l, const char *prev)
{
	struct cases *c = CS(l);

	if (select_case(c, l->ui->saved_id)) {
		l->ui->saved_id[0] = '\0';
		return;
	}
	if (select_case(c, prev))
		return;
	for (size_t i = 0; i < c->n; i++)
		if (c->e[i].kind == E_ATT || c->e[i].kind == E_CASE) {
			l->lb.top = 0;
			ui_lb_select(&l->lb, i);
			return;
		}
	ui_lb_select(&l->lb, 0);
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
	struct ui *ui = c->list.ui;
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
			     : c->list.search.query ? _("No case code matches. Esc clears the search.")
			     : c->all ? _("No cases yet. Press a to open one.")
			     : kz_may(ui->db, KZ_RIGHT_ALL_CASES)
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
		ui_draw_text(w, y, cx, ui_status_label(r->case_.status, 13), 13);
		cx += 14;
		if (wide) {
			ui_draw_text(w, y, cx, r->case_.opened_on ? r->case_.opened_on : "", 10);
			cx += 11;
			ui_draw_text(w, y, cx, r->case_.closed_on ? r->case_.closed_on : "", 10);
			cx += 11;
		}
		if (cx < x + width - 1)
			ui_draw_text(w, y, cx, ui_user_name(ui, r->case_.manager), x + width - 1 - cx);
		break;
	}
	}
	wattrset(w, A_NORMAL);
}

static void cases_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	struct cases *c = CS(l);
	struct ui *ui = l->ui;

	char whose[160];

	snprintf(name, nn, "%s", _("Cases"));
	if (l->search.query)
		snprintf(whose, sizeof(whose), _("%zu found for \"%s\""), c->rows.n,
			 l->search.query);
	else
		snprintf(whose, sizeof(whose), "%s", c->all ? _("every case")
				: ui_user_name(ui, kz_db_user(ui->db)));
	ui_list_info(l, whose, info, ni);
}

/* m names what it will show: every case while the list shows one
 * person's, only hers while it shows every case. */
static const struct ui_legend legend_mine[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_SEARCH, NULL },
	{ UI_ACT_FILTER, NULL }, { UI_ACT_ALL_CASES, N_("All cases") },
	{ UI_ACT_ADD, N_("New case") }, { UI_ACT_BASKET, NULL }, { UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};
static const struct ui_legend legend_all[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_SEARCH, NULL },
	{ UI_ACT_FILTER, NULL }, { UI_ACT_ALL_CASES, N_("Mine only") },
	{ UI_ACT_ADD, N_("New case") }, { UI_ACT_BASKET, NULL }, { UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};

static const struct ui_legend *cases_legend(struct ui_list *l)
{
	return CS(l)->all ? legend_all : legend_mine;
}

static bool cases_action(struct ui_list *l, enum ui_action a)
{
	struct cases *c = CS(l);

	if (a != UI_ACT_ALL_CASES)
		return false;
	c->all = !c->all;
	ui_list_reload(l, true);
	ui_message(l->ui, "%s", c->all ? _("Showing every case.") : _("Showing my cases."));
	return true;
}

static void cases_add(struct ui_list *l)
{
	CS(l)->creating = ui_edit_case(l->ui, NULL);
}

static void cases_open(struct ui_list *l, size_t i)
{
	const char *id = cases_row_id(l, i);

	if (id)
		ui_push(l->ui, ui_case_screen_new(l->ui, id));
	else
		ui_message(l->ui, "%s", _("Choose a case or a line that needs attention."));
}

static void cases_edit(struct ui_list *l, size_t i)
{
	const char *id = cases_row_id(l, i);

	if (id)
		ui_edit_case(l->ui, id);
	else
		ui_message(l->ui, "%s", _("Choose a case or a line that needs attention."));
}

/* A case just opened: go on to its screen. */
static void cases_reveal(struct ui_list *l)
{
	struct cases *c = CS(l);
	char created[KZ_ID_LEN + 1];

	snprintf(created, sizeof(created), "%s", c->creating ? l->ui->saved_id : "");
	c->creating = false;
	ui_list_reload(l, true);
	if (created[0])
		ui_push(l->ui, ui_case_screen_new(l->ui, created));
}

static void cases_free(struct ui_list *l)
{
	free_entries(CS(l));
}

static const struct ui_list_ops cases_ops = {
	.groups = UI_G_MOVE | UI_G_LIST | UI_G_CASE,
	.searchable = true,
	.load = cases_load,
	.filters = cases_filters,
	.nfilters = sizeof(cases_filters) / sizeof(cases_filters[0]),
	.row_id = cases_row_id,
	.draw_row = draw_entry,
	.none_selected = N_("Choose a case or a line that needs attention."),
	.open = cases_open,
	.edit = cases_edit,
	.add = cases_add,
	.action = cases_action,
	.reveal = cases_reveal,
	.reselect = cases_reselect,
	.title = cases_title,
	.legend = legend_mine,
	.legend_now = cases_legend,
	.free = cases_free,
};

struct ui_screen *ui_cases_new(struct ui *ui)
{
	struct cases *c = (struct cases *)ui_list_new(ui, &cases_ops, sizeof(struct cases));

	/* Someone who is not a configured user manages no case: show all. */
	c->all = !kz_config_user(ui->cfg, kz_db_user(ui->db));
	return &c->list.base;
}

/* --- the case form ---------------------------------------------------------------- */

bool ui_edit_case(struct ui *ui, const char *id)
{
	struct kz_case *c = xcalloc(1, sizeof(*c));
	struct kz_error err = { 0 };
	char today[11];

	if (id && kz_case_get(ui->db, id, c, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(KZ_KIND_CASE, c);
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
	ui_push(ui, ui_form_new(ui, KZ_KIND_CASE, c));
	return true;
}
