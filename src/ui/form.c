/* Forms to add and edit services, partners and contact persons, made with
 * the curses form library from the field tables. Codes, enum values and
 * references are chosen from pick lists; text is typed. Saving goes
 * through the data layer; a refusal (bad value, or a change someone else
 * saved meanwhile) is shown in the form and nothing typed is lost. */
#include <form.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

_Static_assert(offsetof(struct kz_service, id) == 0 &&
	       offsetof(struct kz_partner, id) == 0 &&
	       offsetof(struct kz_contact, id) == 0 &&
	       offsetof(struct kz_case, id) == 0 && offsetof(struct kz_member, id) == 0 &&
	       offsetof(struct kz_team_member, id) == 0 && offsetof(struct kz_plan, id) == 0 &&
	       offsetof(struct kz_diagnosis, id) == 0 && offsetof(struct kz_goal, id) == 0 &&
	       offsetof(struct kz_action, id) == 0 && offsetof(struct kz_review, id) == 0 &&
	       offsetof(struct kz_progress, id) == 0,
	       "a form tells a new record by its id, the first member");

#define LONG_ROWS 3
#define FOOT_ROWS 3  /* the hint for the field, or a message of up to three lines */

struct slot {
	const struct kz_field *f;
	FIELD *label;
	FIELD *input;
	char *value;  /* typed fields: the text as last read from the form */
	char *shown;  /* references without a name in the record: the name */
	bool pick;    /* chosen from a list */
};

struct form {
	struct ui_screen base;
	struct ui *ui;
	enum kz_kind kind;
	void *rec;          /* the record being edited, owned */
	bool is_new;
	struct slot *slots;
	size_t n;
	FIELD **fields;     /* labels and inputs for the form library */
	FORM *form;
	WINDOW *win;        /* where the fields are drawn */
	size_t cur;         /* current slot, kept when the form is rebuilt */
	bool changed;       /* something was chosen or typed */
	char *note;         /* shown instead of the usual first line */
	char error[1024];
	ui_form_save_fn save; /* instead of saving: see ui_form_set_save */
	void *save_ctx;
};

static struct form *F(struct ui_screen *s)
{
	return (struct form *)s;
}

static bool is_long(const struct kz_field *f)
{
	return f->type == KZ_FT_LONG;
}

/* --- text in and out of the form library's buffers ---------------------------- */

static void load_input(struct form *fm, struct slot *sl)
{
	int rows, cols, max;

	if (sl->pick) {
		char *shown = sl->shown && !kz_str_empty(*kz_field_slot(fm->rec, sl->f))
				      ? xstrdup(sl->shown)
				      : ui_field_text(fm->ui, fm->kind, fm->rec, sl->f);
		set_field_buffer(sl->input, 0, shown);
		free(shown);
		return;
	}
	if (is_long(sl->f) && dynamic_field_info(sl->input, &rows, &cols, &max) == E_OK) {
		char *rows_text = ui_text_to_rows(sl->value ? sl->value : "", cols);
		set_field_buffer(sl->input, 0, rows_text);
		free(rows_text);
	} else {
		set_field_buffer(sl->input, 0, sl->value ? sl->value : "");
	}
	set_field_status(sl->input, FALSE);
}

/* Read what was typed into the slots (only fields changed since loaded,
 * so untouched text keeps its exact form). */
static void capture(struct form *fm)
{
	if (!fm->form)
		return;
	form_driver(fm->form, REQ_VALIDATION);
	for (size_t i = 0; i < fm->n; i++) {
		struct slot *sl = &fm->slots[i];
		int rows, cols, max;
		char *text;
		if (sl->pick || !field_status(sl->input))
			continue;
		if (is_long(sl->f) && dynamic_field_info(sl->input, &rows, &cols, &max) == E_OK)
			text = ui_rows_to_text(field_buffer(sl->input, 0), cols);
		else
			text = kz_trim(xstrdup(field_buffer(sl->input, 0)));
		free(sl->value);
		sl->value = text;
		fm->changed = true;
	}
}

/* --- building the form ------------------------------------------------------- */

static char *clip_label(const char *label, bool required, int width)
{
	char *full = required ? xasprintf("%s *", label) : xstrdup(label);
	wchar_t *w;
	size_t n = 0;
	int used = 0;

	if (ui_text_width(full) <= width)
		return full;
	w = ui_wcs(full);
	while (w[n] && used + wcwidth(w[n]) < width) {
		used += wcwidth(w[n]) > 0 ? wcwidth(w[n]) : 1;
		n++;
	}
	w[n++] = L'\x2026';
	char *out = ui_mbs(w, n);
	free(w);
	free(full);
	return out;
}

static void destroy_form(struct form *fm)
{
	if (fm->form) {
		unpost_form(fm->form);
		free_form(fm->form);
		fm->form = NULL;
	}
	for (size_t i = 0; fm->fields && fm->fields[i]; i++)
		free_field(fm->fields[i]);
	free(fm->fields);
	fm->fields = NULL;
	if (fm->win) {
		delwin(fm->win);
		fm->win = NULL;
	}
}

static int label_width(struct form *fm, int width)
{
	int lw = 0;

	for (size_t i = 0; i < fm->n; i++) {
		int w = ui_text_width(_(fm->slots[i].f->label)) + 2;
		if (w > lw)
			lw = w;
	}
	return lw + 1 > width * 2 / 5 ? width * 2 / 5 : lw + 1;
}

static FIELD *new_label(const char *text, int y, int width)
{
	FIELD *f = new_field(1, width, y, 1, 0, 0);

	if (!f)
		kz_die("cannot make a form field");
	field_opts_off(f, O_ACTIVE | O_EDIT);
	set_field_buffer(f, 0, text);
	return f;
}

static FIELD *new_input(struct slot *sl, int y, int x, int width)
{
	int rows = is_long(sl->f) ? LONG_ROWS : 1;
	FIELD *f = new_field(rows, width, y, x, 0, 0);

	if (!f)
		kz_die("cannot make a form field");
	set_field_back(f, ui_look(UI_LOOK_FIELD));
	field_opts_off(f, O_AUTOSKIP | O_BLANK);
	if (sl->pick) {
		field_opts_off(f, O_EDIT);
	} else {
		field_opts_off(f, O_STATIC);
		set_max_field(f, is_long(sl->f) ? 0 : (int)sl->f->max_len);
		if (is_long(sl->f))
			field_opts_on(f, O_WRAP);
	}
	return f;
}

static void update_looks(struct form *fm)
{
	FIELD *cur = fm->form ? current_field(fm->form) : NULL;

	for (size_t i = 0; i < fm->n; i++) {
		struct slot *sl = &fm->slots[i];
		attr_t look = ui_look(sl->input == cur ? UI_LOOK_FIELD_CURRENT : UI_LOOK_FIELD);
		if (field_back(sl->input) != look)
			set_field_back(sl->input, look);
		if (sl->input == cur)
			fm->cur = i;
	}
}

/* A field gets the cursor at the end of its text, as in readline: typing
 * adds to the text, Backspace changes its end, Ctrl-U clears it. */
static void cursor_to_end(struct form *fm)
{
	form_driver(fm->form, REQ_END_FIELD);
}

/* Lay the fields out in pages that fit the body, then post the form. */
static void build_form(struct form *fm)
{
	struct ui *ui = fm->ui;
	int width = ui_body_w(ui), height = ui_body_h(ui) - 1 - FOOT_ROWS;
	int lw = label_width(fm, width), y = 0;
	size_t k = 0;

	if (height < LONG_ROWS)
		height = LONG_ROWS;
	destroy_form(fm);
	fm->fields = xcalloc(fm->n * 2 + 1, sizeof(FIELD *));
	for (size_t i = 0; i < fm->n; i++) {
		struct slot *sl = &fm->slots[i];
		int rows = is_long(sl->f) ? LONG_ROWS : 1;
		char *label = clip_label(_(sl->f->label), sl->f->required, lw - 1);
		if (y + rows > height && y > 0)
			y = 0;
		sl->label = new_label(label, y, lw);
		free(label);
		if (y == 0 && i > 0)
			set_new_page(sl->label, TRUE);
		sl->input = new_input(sl, y, lw + 1, width - lw - 2);
		fm->fields[k++] = sl->label;
		fm->fields[k++] = sl->input;
		y += rows;
	}
	fm->form = new_form(fm->fields);
	fm->win = newwin(height, width, getbegy(ui->body) + 1, getbegx(ui->body));
	if (!fm->form || !fm->win)
		kz_die("cannot make the form");
	keypad(fm->win, TRUE);
	set_form_win(fm->form, fm->win);
	set_form_sub(fm->form, fm->win);
	post_form(fm->form);
	for (size_t i = 0; i < fm->n; i++)
		load_input(fm, &fm->slots[i]);
	if (fm->cur < fm->n)
		set_current_field(fm->form, fm->slots[fm->cur].input);
	cursor_to_end(fm);
	update_looks(fm);
}

/* --- drawing --------------------------------------------------------------------- */

static const char *hint(const struct kz_field *f, bool pick)
{
	if (f->type == KZ_FT_CODES)
		return _("Enter opens a list: Space marks one or more values, Enter accepts.");
	if (pick)
		return _("Enter opens a list to choose from; typing a letter starts the search.");
	if (f->type == KZ_FT_DATE)
		return _("A date as DD.MM.YYYY or YYYY-MM-DD, e.g. 15.12.2026.");
	if (is_long(f))
		return _("Several lines: Enter starts a new line, Tab goes to the next field.");
	return _("Type the text; Tab or Down goes to the next field.");
}

static void form_draw(struct ui_screen *s, struct ui *ui)
{
	struct form *fm = F(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui), h = ui_body_h(ui);
	struct ui_lines lines = { 0 };
	struct slot *sl = &fm->slots[fm->cur];

	wattrset(w, ui_look(UI_LOOK_HEADING));
	ui_draw_text(w, 0, 1, fm->note ? fm->note : fm->is_new ? _("Fields marked * are required. F2 or Ctrl-S saves.")
					 : _("Change what is needed. F2 or Ctrl-S saves, Esc cancels."),
		     width - 2);
	if (fm->error[0]) {
		/* The message takes the hint's place too. */
		ui_wrap(&lines, fm->error, width - 2);
		wattrset(w, ui_look(UI_LOOK_ERROR));
		for (size_t i = 0; i < lines.n && i < FOOT_ROWS; i++)
			ui_draw_wtext(w, h - FOOT_ROWS + (int)i, 1, lines.v[i],
				      wcslen(lines.v[i]), width - 2);
		wattrset(w, A_NORMAL);
		ui_lines_free(&lines);
	} else {
		wattrset(w, ui_look(UI_LOOK_ARCHIVED));
		ui_draw_text(w, h - FOOT_ROWS, 1, hint(sl->f, sl->pick), width - 2);
		wattrset(w, A_NORMAL);
	}
	/* The form window lies over the body: draw it after the body. */
	touchwin(fm->win);
	pos_form_cursor(fm->form);
	ui_show_cursor(ui, fm->win, getcury(fm->win), getcurx(fm->win));
}

static int page_count(struct form *fm)
{
	int pages = 1;

	for (size_t i = 1; i < fm->n; i++)
		if (new_page(fm->slots[i].label))
			pages++;
	return pages;
}

static void form_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		       char *info, size_t ni)
{
	struct form *fm = F(s);
	const struct kz_kind_info *k = kz_kind_of(fm->kind);

	(void)ui;
	snprintf(name, nn, "%s", _(fm->is_new ? k->new_title : k->edit_title));
	if (fm->form && form_page(fm->form) >= 0)
		snprintf(info, ni, _("page %d of %d"), form_page(fm->form) + 1,
			 page_count(fm));
}

static const struct ui_legend form_legend_items[] = {
	{ UI_ACT_SAVE, NULL }, { UI_ACT_CANCEL, NULL }, { UI_ACT_NEXT_FIELD, N_("Next") },
	{ UI_ACT_ACCEPT, N_("Choose") }, { UI_ACT_PAGE_DOWN, N_("Next page") },
	{ UI_ACT_HELP, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *form_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return form_legend_items;
}

/* --- picking values ------------------------------------------------------------------ */

static bool ref_is(const struct slot *sl, const char *name)
{
	return sl->f->type == KZ_FT_REF && strcmp(sl->f->name, name) == 0;
}

static void load_contacts(struct ui *ui, void *ctx, const char *query, struct ui_pick *p)
{
	struct kz_service *s = ctx;
	struct kz_rows rows;
	struct kz_error err = { 0 };

	ui_pick_free_items(p);
	ui_pick_add(p, _("(none)"), NULL, NULL);
	if (kz_contact_list(ui->db, s->provider_id, query, 300, &rows, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < rows.n; i++)
		ui_pick_add(p, rows.v[i].title, rows.v[i].id, rows.v[i].contact.position);
	kz_rows_free(&rows);
}

/* Services of the basket, with the basket's own instant search. */
static void load_services(struct ui *ui, void *ctx, const char *query, struct ui_pick *p)
{
	struct kz_rows rows;
	struct kz_error err = { 0 };

	(void)ctx;
	ui_pick_free_items(p);
	/* "none" only before a search: Enter then takes the best match. */
	if (kz_str_empty(query))
		ui_pick_add(p, _("(none: write the action in words)"), NULL, NULL);
	if (kz_service_list(ui->db, query, NULL, 300, &rows, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < rows.n; i++)
		ui_pick_add(p, rows.v[i].title, rows.v[i].id, rows.v[i].service.provider);
	kz_rows_free(&rows);
}

/* Contact persons of one partner (ctx, a partner id) or of all. */
static void load_people(struct ui *ui, void *ctx, const char *query, struct ui_pick *p)
{
	struct kz_rows rows;
	struct kz_error err = { 0 };

	ui_pick_free_items(p);
	if (ctx && kz_str_empty(query))
		ui_pick_add(p, _("(none)"), NULL, NULL);
	if (kz_contact_list(ui->db, ctx, query, 300, &rows, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < rows.n; i++)
		ui_pick_add(p, rows.v[i].title, rows.v[i].id, rows.v[i].contact.partner);
	kz_rows_free(&rows);
}

/* Partners, "none" first before a search. */
static void load_partners(struct ui *ui, void *ctx, const char *query, struct ui_pick *p)
{
	(void)ctx;
	ui_pick_load_partners(ui, kz_str_empty(query) ? (void *)_("(none)") : NULL, query, p);
}

/* The goals of the action's plan. */
static void add_goals(struct form *fm, struct ui_pick *p)
{
	struct kz_action *a = fm->rec;
	struct kz_plan_full full;
	struct kz_error err = { 0 };

	memset(&full, 0, sizeof(full));
	ui_pick_add(p, _("(none)"), NULL, NULL);
	if (kz_plan_load(fm->ui->db, fm->ui->cfg, a->plan_id, &full, &err) != KZ_OK) {
		ui_error(fm->ui, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < full.ngoals; i++)
		ui_pick_add(p, full.goals[i].what, full.goals[i].id, full.goals[i].target_date);
	kz_plan_full_free(&full);
}

/* The decisions of the task's meeting, numbered as in the minutes; false
 * when the task belongs to no meeting. */
static bool add_decisions(struct form *fm, struct ui_pick *p)
{
	struct kz_task *t = fm->rec;
	struct kz_meeting_full full;
	struct kz_error err = { 0 };

	if (kz_str_empty(t->meeting_id)) {
		snprintf(fm->error, sizeof(fm->error), "%s",
			 _("Only a task of a meeting comes from one of its decisions."));
		return false;
	}
	ui_pick_add(p, _("(none)"), NULL, NULL);
	if (kz_meeting_load(fm->ui->db, t->meeting_id, &full, &err) != KZ_OK) {
		ui_error(fm->ui, "%s", err.msg);
		return true;
	}
	for (size_t i = 0; i < full.ndecisions; i++) {
		char num[24];
		snprintf(num, sizeof(num), "%zu.", i + 1);
		ui_pick_add(p, full.decisions[i].text, full.decisions[i].id, num);
	}
	kz_meeting_full_free(&full);
	return true;
}

/* A login chosen from the configured users by name (a case manager, who
 * approved a plan, who verified a service). */
static bool is_user_field(enum kz_kind kind, const struct kz_field *f)
{
	return kz_kind_field_is_login(kind, f);
}

/* The configured users, by name (the login beside it). */
static void add_users(struct form *fm, const struct kz_field *f,
		      struct ui_pick *p)
{
	if (!f->required)
		ui_pick_add(p, _("(none)"), NULL, NULL);
	for (size_t i = 0; i < fm->ui->cfg->n_users; i++)
		ui_pick_add(p, fm->ui->cfg->users[i].name, fm->ui->cfg->users[i].login,
			    fm->ui->cfg->users[i].login);
}

/* References picked among what belongs to the case or the meeting. */
static bool picked_in_case(enum kz_kind kind, const struct kz_field *f)
{
	return kz_kind_of(kind)->area != KZ_AREA_BASKET &&
	       (f->type == KZ_FT_REF || is_user_field(kind, f));
}

/* References of cases and plans; false when the list cannot be shown. */
static bool prepare_case_pick(struct form *fm, struct slot *sl, struct ui_pick *p)
{
	const struct kz_field *f = sl->f;

	if (fm->kind == KZ_KIND_TEAM && ref_is(sl, "contact_id")) {
		p->load = load_people;
		return true;
	}
	if (fm->kind == KZ_KIND_MEETING && (ref_is(sl, "host_id") || ref_is(sl, "chair_id"))) {
		p->load = load_partners;
		return true;
	}
	if (fm->kind == KZ_KIND_TASK && ref_is(sl, "decision_id"))
		return add_decisions(fm, p);
	if (fm->kind == KZ_KIND_TASK && ref_is(sl, "contact_id")) {
		struct kz_task *t = fm->rec;
		if (kz_str_empty(t->partner_id)) {
			snprintf(fm->error, sizeof(fm->error), "%s",
				 _("Choose the owner partner first: the person is one of its people."));
			return false;
		}
		p->load = load_people;
		p->ctx = t->partner_id;
		return true;
	}
	if (ref_is(sl, "service_id")) {
		p->load = load_services;
		return true;
	}
	if (ref_is(sl, "partner_id")) {
		p->load = load_partners;
		return true;
	}
	if (ref_is(sl, "contact_id")) {
		struct kz_action *a = fm->rec;
		if (kz_str_empty(a->partner_id)) {
			snprintf(fm->error, sizeof(fm->error), "%s",
				 _("Choose the responsible partner first (or a service): the person is one of its people."));
			return false;
		}
		p->load = load_people;
		p->ctx = a->partner_id;
		return true;
	}
	if (ref_is(sl, "goal_id")) {
		add_goals(fm, p);
		return true;
	}
	if (is_user_field(fm->kind, f)) {
		add_users(fm, f, p);
		return true;
	}
	return false;
}

/* Fill the pick list for a slot. */
static bool prepare_pick(struct form *fm, struct slot *sl, struct ui_pick *p)
{
	const struct kz_field *f = sl->f;
	const char *cur = *kz_field_slot(fm->rec, f);

	p->title = f->label;
	p->initial = cur;
	if (picked_in_case(fm->kind, f))
		return prepare_case_pick(fm, sl, p);
	if (is_user_field(fm->kind, f)) {
		add_users(fm, f, p);
		return true;
	}
	if (f->type == KZ_FT_REF && ref_is(sl, "contact_id")) {
		struct kz_service *s = fm->rec;
		if (kz_str_empty(s->provider_id)) {
			snprintf(fm->error, sizeof(fm->error), "%s",
				 _("Choose the provider first: the contact person is one of its people."));
			return false;
		}
		p->load = load_contacts;
		p->ctx = s;
		return true;
	}
	if (f->type == KZ_FT_REF) {
		p->load = ui_pick_load_partners;
		return true;
	}
	if (!f->required && f->type != KZ_FT_CODES)
		ui_pick_add(p, _("(none)"), NULL, NULL);
	if (f->type == KZ_FT_ENUM) {
		for (const char *const *v = f->values; *v; v++)
			ui_pick_add(p, _(kz_enum_label(*v)), *v, NULL);
		return true;
	}
	ui_pick_vocab(p, ui_vocab(fm->ui, f->vocab));
	if (f->type == KZ_FT_CODES) {
		p->multi = true;
		for (size_t i = 0; i < p->n; i++) {
			const char *code = p->items[i].value;
			size_t len = code ? strlen(code) : 0;
			for (const char *c = cur; code && c && *c; c += strcspn(c, ";"), c += *c == ';')
				if (strncmp(c, code, len) == 0 && (c[len] == ';' || !c[len]))
					p->items[i].marked = true;
		}
	}
	return true;
}

static struct slot *slot_named(struct form *fm, const char *name)
{
	for (size_t i = 0; i < fm->n; i++)
		if (strcmp(fm->slots[i].f->name, name) == 0)
			return &fm->slots[i];
	return NULL;
}

static void reload_named(struct form *fm, const char *name)
{
	struct slot *sl = slot_named(fm, name);

	if (sl)
		load_input(fm, sl);
}

/* --- the fields asked --------------------------------------------------------------- */

/* The parent of a part of a case or plan is set by the screen that opens
 * the form, never typed (the kind table's fixed fields); a case's form
 * asks only what its legal basis needs (the data layer says which). */
static bool hidden(enum kz_kind kind, const struct kz_field *f, const void *rec)
{
	return kz_kind_field_is_fixed(kind, f) ||
	       (kind == KZ_KIND_CASE && !kz_case_field_needed(rec, f->name));
}

static void free_slots(struct form *fm)
{
	for (size_t i = 0; i < fm->n; i++) {
		free(fm->slots[i].value);
		free(fm->slots[i].shown);
	}
	free(fm->slots);
	fm->slots = NULL;
	fm->n = 0;
}

static void make_slots(struct form *fm)
{
	size_t n;
	const struct kz_field *fields = ui_rec_fields(fm->kind, &n);

	fm->slots = xcalloc(n, sizeof(*fm->slots));
	for (size_t i = 0; i < n; i++) {
		const struct kz_field *f = &fields[i];
		if (hidden(fm->kind, f, fm->rec))
			continue;
		struct slot *sl = &fm->slots[fm->n++];
		sl->f = f;
		sl->pick = f->type == KZ_FT_ENUM || f->type == KZ_FT_CODE ||
			   f->type == KZ_FT_CODES || f->type == KZ_FT_REF ||
			   (is_user_field(fm->kind, f) && fm->ui->cfg->n_users > 0);
		if (!sl->pick)
			sl->value = xstrdup_or_null(*kz_field_slot(fm->rec, f));
	}
}

/* Keep what was typed in the record. */
static void store_typed(struct form *fm)
{
	capture(fm);
	for (size_t i = 0; i < fm->n; i++) {
		struct slot *sl = &fm->slots[i];
		if (!sl->pick)
			kz_str_set(kz_field_slot(fm->rec, sl->f),
				   kz_str_empty(sl->value) ? NULL : sl->value);
	}
}

/* A choice changed which fields are asked (a case's legal basis): the
 * form is laid out again, with what was typed, on the same field. */
static void relayout(struct form *fm)
{
	const char *at = fm->slots[fm->cur].f->name;

	store_typed(fm);
	free_slots(fm);
	make_slots(fm);
	fm->cur = 0;
	build_form(fm);
	ui_form_focus(&fm->base, at);
}

/* An action's service was chosen: its provider and contact person are
 * responsible unless told otherwise (as kz_action_save decides; shown
 * before saving). */
static void default_action_partner(struct form *fm, const char *service_id)
{
	struct kz_action *a = fm->rec;
	struct kz_service sv = { 0 };
	struct kz_error err = { 0 };

	if (!service_id || kz_service_get(fm->ui->db, service_id, &sv, &err) != KZ_OK) {
		kz_service_clear(&sv);
		return;
	}
	if (kz_str_empty(a->partner_id) && !kz_str_empty(sv.provider_id)) {
		kz_str_set(&a->partner_id, sv.provider_id);
		kz_str_set(&a->partner_name, sv.provider_name);
		reload_named(fm, "partner_id");
	}
	if (kz_str_empty(a->contact_id) && !kz_str_empty(sv.contact_id) &&
	    kz_str_eq(a->partner_id, sv.provider_id)) {
		kz_str_set(&a->contact_id, sv.contact_id);
		kz_str_set(&a->contact_name, sv.contact_name);
		reload_named(fm, "contact_id");
	}
	kz_service_clear(&sv);
}

/* Store a chosen reference and the name shown for it (the kind table
 * says where); a reference that no longer fits the new one is emptied. */
static void set_ref(struct form *fm, struct slot *sl, const struct ui_pick_item *it)
{
	const struct kz_kind_ref *ref = kz_kind_ref_of(fm->kind, sl->f);
	const char *name = it->value ? it->label : NULL;

	kz_str_set(kz_field_slot(fm->rec, sl->f), it->value);
	if (!ref) {
		/* The record keeps no name for it (an action's goal). */
		free(sl->shown);
		sl->shown = xstrdup_or_null(name);
		return;
	}
	kz_str_set(kz_record_ref_slot(ref, fm->rec), name);
	if (fm->kind == KZ_KIND_TEAM)  /* the pick shows the person's partner */
		kz_str_set(&((struct kz_team_member *)fm->rec)->partner_name, it->detail);
	if (fm->kind == KZ_KIND_ACTION && ref_is(sl, "service_id"))
		default_action_partner(fm, it->value);
	if (ref->clears) {
		const struct kz_kind_info *k = kz_kind_of(fm->kind);
		const struct kz_field *other = kz_field_find(k->fields, *k->nfields, ref->clears);
		char **id = kz_field_slot(fm->rec, other);
		if (*id) {
			kz_str_set(id, NULL);
			kz_str_set(kz_record_ref_slot(kz_kind_ref_of(fm->kind, other), fm->rec), NULL);
			reload_named(fm, ref->clears);
			if (ref->cleared_note)
				snprintf(fm->error, sizeof(fm->error), "%s", _(ref->cleared_note));
		}
	}
}

static void pick_value(struct form *fm, struct slot *sl, int first_key)
{
	struct ui_pick p = { .first_key = first_key };
	struct kz_buf codes = KZ_BUF_INIT;

	capture(fm);
	if (!prepare_pick(fm, sl, &p)) {
		ui_pick_free_items(&p);
		return;
	}
	if (ui_pick_run(fm->ui, &p)) {
		fm->changed = true;
		if (p.multi) {
			for (size_t i = 0; i < p.n; i++)
				if (p.items[i].marked && p.items[i].value) {
					if (codes.len)
						kz_buf_putc(&codes, ';');
					kz_buf_puts(&codes, p.items[i].value);
				}
			kz_str_set(kz_field_slot(fm->rec, sl->f), codes.len ? kz_buf_str(&codes) : NULL);
			kz_buf_free(&codes);
		} else if (sl->f->type == KZ_FT_REF) {
			set_ref(fm, sl, &p.items[p.chosen]);
		} else {
			kz_str_set(kz_field_slot(fm->rec, sl->f), p.items[p.chosen].value);
		}
		load_input(fm, sl);
		if (fm->kind == KZ_KIND_CASE && strcmp(sl->f->name, "legal_basis") == 0)
			relayout(fm);
	}
	ui_pick_free_items(&p);
}

/* --- saving ---------------------------------------------------------------------------- */

static void form_save(struct form *fm)
{
	struct kz_error err = { 0 };
	struct ui *ui = fm->ui;

	store_typed(fm);
	if ((fm->save ? fm->save(fm->save_ctx, fm->rec, &err)
		      : kz_record_save(ui->db, ui->cfg, fm->kind, fm->rec, &err)) != KZ_OK) {
		if (err.status == KZ_CONFLICT)
			snprintf(fm->error, sizeof(fm->error), "%s", err.msg);
		else
			snprintf(fm->error, sizeof(fm->error), _("Not saved: %s"), err.msg);
		/* The data layer names the field the refusal is about. */
		if (err.field[0])
			ui_form_focus(&fm->base, err.field);
		beep();
		return;
	}
	if (fm->save) {
		/* The hook took the record and says what happened. */
		ui_pop(ui);
		return;
	}
	snprintf(ui->saved_id, sizeof(ui->saved_id), "%s", (const char *)fm->rec);
	ui_message(ui, _("Saved: %s"), kz_record_title(fm->kind, fm->rec));
	ui_pop(ui);
}

/* --- keys ----------------------------------------------------------------------------- */

static void driver(struct form *fm, int req)
{
	FIELD *was = current_field(fm->form);
	int r = form_driver(fm->form, req);

	if (r != E_OK && r != E_UNKNOWN_COMMAND)
		beep();
	if (current_field(fm->form) != was)
		cursor_to_end(fm);
	update_looks(fm);
}

/* Editing keys of a typed field; true when used. */
static bool edit_key(struct form *fm, int key)
{
	static const struct { int key, req; } map[] = {
		{ UI_KEY_FN | KEY_LEFT, REQ_PREV_CHAR }, { UI_KEY_FN | KEY_RIGHT, REQ_NEXT_CHAR },
		{ UI_KEY_FN | KEY_HOME, REQ_BEG_LINE }, { UI_KEY_FN | KEY_END, REQ_END_LINE },
		{ 'A' & 0x1f, REQ_BEG_LINE }, { 'E' & 0x1f, REQ_END_LINE },
		{ UI_KEY_FN | KEY_BACKSPACE, REQ_DEL_PREV }, { 127, REQ_DEL_PREV },
		{ 8, REQ_DEL_PREV }, { UI_KEY_FN | KEY_DC, REQ_DEL_CHAR },
		{ 'D' & 0x1f, REQ_DEL_CHAR }, { 'K' & 0x1f, REQ_CLR_EOL },
		{ 'U' & 0x1f, REQ_CLR_FIELD }, { 'W' & 0x1f, REQ_DEL_WORD },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].key == key) {
			driver(fm, map[i].req);
			return true;
		}
	return false;
}

static bool form_key(struct ui_screen *s, struct ui *ui, int key)
{
	struct form *fm = F(s);
	struct slot *sl = &fm->slots[fm->cur];

	(void)ui;
	if (ui_key_printable(key)) {
		fm->error[0] = '\0';
		if (sl->pick) {
			pick_value(fm, sl, key == ' ' ? 0 : key);
			return true;
		}
		if (form_driver_w(fm->form, OK, (wchar_t)key) != E_OK)
			beep();
		return true;
	}
	if (!sl->pick && edit_key(fm, key))
		return true;
	if (key == '\n' && is_long(sl->f)) {
		driver(fm, REQ_NEW_LINE);
		return true;
	}
	if (is_long(sl->f) && (key == (UI_KEY_FN | KEY_UP) || key == (UI_KEY_FN | KEY_DOWN))) {
		/* Move between the lines of the field; past the end, to the
		 * next field. */
		int req = key == (UI_KEY_FN | KEY_UP) ? REQ_UP_CHAR : REQ_DOWN_CHAR;
		if (form_driver(fm->form, req) != E_OK)
			driver(fm, req == REQ_UP_CHAR ? REQ_PREV_FIELD : REQ_NEXT_FIELD);
		return true;
	}
	return false;
}

static bool confirm_discard(struct form *fm, const char *question)
{
	capture(fm);
	return !fm->changed || ui_confirm(fm->ui, question);
}

static bool form_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct form *fm = F(s);
	struct slot *sl = &fm->slots[fm->cur];

	switch (a) {
	case UI_ACT_SAVE: form_save(fm); return true;
	case UI_ACT_NEXT_FIELD: driver(fm, REQ_NEXT_FIELD); return true;
	case UI_ACT_PREV_FIELD: driver(fm, REQ_PREV_FIELD); return true;
	case UI_ACT_PAGE_DOWN:
		/* The form library wraps around; stop at the last page. */
		if (form_page(fm->form) + 1 < page_count(fm))
			driver(fm, REQ_NEXT_PAGE);
		return true;
	case UI_ACT_PAGE_UP:
		if (form_page(fm->form) > 0)
			driver(fm, REQ_PREV_PAGE);
		return true;
	case UI_ACT_FIRST: driver(fm, REQ_FIRST_FIELD); return true;
	case UI_ACT_LAST: driver(fm, REQ_LAST_FIELD); return true;
	case UI_ACT_ACCEPT:
		if (sl->pick)
			pick_value(fm, sl, 0);
		else
			driver(fm, REQ_NEXT_FIELD);
		return true;
	case UI_ACT_CANCEL:
	case UI_ACT_BACK:
		if (confirm_discard(fm, _("Discard the changes in this form?")))
			ui_pop(ui);
		return true;
	case UI_ACT_QUIT:
		if (confirm_discard(fm, _("Leave koszyk without saving this form?")))
			ui->running = false;
		return true;
	default:
		return false;
	}
}

static void form_resize(struct ui_screen *s, struct ui *ui)
{
	struct form *fm = F(s);

	(void)ui;
	capture(fm);
	build_form(fm);
}

static void form_destroy(struct ui_screen *s)
{
	struct form *fm = F(s);

	destroy_form(fm);
	free_slots(fm);
	free(fm->note);
	ui_rec_free(fm->kind, fm->rec);
	free(fm);
}

static const struct ui_screen_ops form_ops = {
	.draw = form_draw,
	.key = form_key,
	.action = form_action,
	.resize = form_resize,
	.title = form_title,
	.legend = form_legend,
	.destroy = form_destroy,
	.groups = UI_G_FORM | UI_G_DIALOG | UI_G_MOVE,
};


void ui_form_set_note(struct ui_screen *s, const char *note)
{
	struct form *fm = F(s);

	free(fm->note);
	fm->note = xstrdup_or_null(note);
}

void ui_form_set_save(struct ui_screen *s, ui_form_save_fn save, void *ctx)
{
	struct form *fm = F(s);

	fm->save = save;
	fm->save_ctx = ctx;
}

void ui_form_focus(struct ui_screen *s, const char *field)
{
	struct form *fm = F(s);

	for (size_t i = 0; i < fm->n; i++)
		if (strcmp(fm->slots[i].f->name, field) == 0) {
			fm->cur = i;
			if (fm->form) {
				set_current_field(fm->form, fm->slots[i].input);
				cursor_to_end(fm);
				update_looks(fm);
			}
		}
}

void ui_form_set_ref_label(struct ui_screen *s, const char *field, const char *label)
{
	struct slot *sl = slot_named(F(s), field);

	if (sl) {
		free(sl->shown);
		sl->shown = xstrdup_or_null(label);
	}
}

struct ui_screen *ui_form_new(struct ui *ui, enum kz_kind kind, void *rec)
{
	struct form *fm = xcalloc(1, sizeof(*fm));

	fm->base.ops = &form_ops;
	fm->ui = ui;
	fm->kind = kind;
	fm->rec = rec;
	/* Every record starts with its id (empty for a new one). */
	fm->is_new = ((const char *)rec)[0] == '\0';
	make_slots(fm);
	return &fm->base;
}
