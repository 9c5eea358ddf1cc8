/* Partners: the list (membership, kind, and the role and resources of the
 * selected one below), and the partner screen with its details, its
 * services, its contact persons and its open tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/meetings.h"
#include "koszyk/util.h"
#include "koszyk/partnership.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define LIST_LIMIT 1000
#define PREVIEW_ROWS 5

/* ============================ the list ============================ */

struct plist {
	struct ui_list list;
	struct kz_rows rows;
	struct kz_partner preview;  /* the selected partner, read once */
};

static struct plist *PL(struct ui_list *l)
{
	return (struct plist *)l;
}

/* The filters of the list: membership status and sector. */
enum { PF_STATUS, PF_SECTOR };

static const struct ui_filter_def plist_filters[] = {
	[PF_STATUS] = { .kind = UI_FILTER_CHOICE, .label = N_("Membership"),
			.pick_title = N_("Filter by membership"),
			.values = kz_partner_statuses },
	[PF_SECTOR] = { .kind = UI_FILTER_VOCAB, .label = N_("Sector"),
			.pick_title = N_("Filter by sector"), .vocab = KZ_VOCAB_SECTORS },
};

static int preview_rows(struct ui *ui)
{
	return ui_body_h(ui) >= 14 ? PREVIEW_ROWS : 0;
}

static enum kz_status plist_load(struct ui_list *l, const char *query, size_t *n,
				 struct kz_error *err)
{
	struct plist *p = PL(l);
	struct kz_partner_filter f = { .status = ui_list_filter_code(l, PF_STATUS),
				       .sector = ui_list_filter_code(l, PF_SECTOR) };
	enum kz_status s;

	kz_rows_free(&p->rows);
	kz_partner_clear(&p->preview);
	s = kz_partner_list(l->ui->db, query, &f, LIST_LIMIT, &p->rows, err);
	*n = p->rows.n;
	return s;
}

static const char *plist_row_id(struct ui_list *l, size_t i)
{
	return PL(l)->rows.v[i].id;
}

struct pcols {
	int name, membership, kind;
};

static struct pcols pcols_for(int width)
{
	struct pcols c = { 0, 0, 0 };

	if (width >= 110)
		c.kind = 26;
	if (width >= 60)
		c.membership = width >= 76 ? 32 : 24;
	c.name = width - 2 - (c.membership ? c.membership + 1 : 0) - (c.kind ? c.kind + 1 : 0);
	return c;
}

static void plist_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	struct plist *l = ctx;
	const struct kz_row *r = &l->rows.v[i];
	const struct kz_config *cfg = l->list.ui->cfg;
	struct pcols c = pcols_for(width);
	attr_t base = sel ? ui_look(UI_LOOK_SELECTED)
			  : (r->archived ? ui_look(UI_LOOK_ARCHIVED) : A_NORMAL);

	wattrset(w, base);
	ui_draw_blank(w, y, x, width);
	mvwaddstr(w, y, x, r->archived ? "x" : " ");
	x += 2;
	ui_draw_text(w, y, x, r->title, c.name);
	x += c.name + 1;
	if (c.membership) {
		char *m = ui_membership_text(r->partner.status, r->partner.declaration_date);
		if (ui_text_width(m) > c.membership) {
			free(m);
			m = ui_membership_short(r->partner.status, r->partner.declaration_date);
		}
		ui_draw_text(w, y, x, m, c.membership);
		free(m);
		x += c.membership + 1;
	}
	if (c.kind)
		ui_draw_text(w, y, x, kz_items_label(&cfg->partner_kinds, r->partner.kind ? r->partner.kind : ""),
			     c.kind);
	wattrset(w, A_NORMAL);
}

/* Up to two lines of a field; "…" when there is more. */
static int draw_preview_field(WINDOW *w, int y, int width, const char *label,
			      const char *value, int lw)
{
	struct ui_doc doc = { .width = width };
	int rows = 0;

	ui_doc_field(&doc, label, value, lw);
	for (size_t i = 0; i < doc.n && rows < 2; i++, rows++) {
		if (rows == 1 && doc.n > 2) {
			size_t len = wcslen(doc.v[i].text);
			doc.v[i].text = xreallocarray(doc.v[i].text, len + 3, sizeof(wchar_t));
			wcscpy(doc.v[i].text + len, L" \x2026");
		}
		ui_doc_draw_line(&doc, w, y + rows, 0, width, i, false);
	}
	ui_doc_free(&doc);
	return rows;
}

/* Role and resources of the selected partner under the list. */
static void draw_preview(struct ui_list *list, WINDOW *w, int y, int width)
{
	struct plist *l = PL(list);
	size_t i;
	const struct kz_row *r = ui_list_selected(list, &i) ? &l->rows.v[i] : NULL;
	struct kz_error err = { 0 };
	const char *role = _("Role in the partnership"), *res = _("Resources it brings");
	int lw = ui_text_width(role) > ui_text_width(res) ? ui_text_width(role) : ui_text_width(res);

	mvwhline(w, y, 0, ACS_HLINE, width);
	if (!r)
		return;
	if (strcmp(l->preview.id, r->id) != 0) {
		kz_partner_clear(&l->preview);
		if (kz_partner_get(list->ui->db, r->id, &l->preview, &err) != KZ_OK)
			return;
	}
	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, 2, r->title, width - 4);
	wattrset(w, A_NORMAL);
	lw = lw + 3 > width / 3 ? width / 3 : lw + 3;
	y++;
	y += draw_preview_field(w, y, width, role, l->preview.role, lw);
	draw_preview_field(w, y, width, res, l->preview.resources, lw);
}

static int plist_foot_rows(struct ui_list *l)
{
	return preview_rows(l->ui);
}

static void plist_head(struct ui_list *l, WINDOW *w, int y, int width)
{
	struct pcols c = pcols_for(width);

	(void)l;
	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, 2, _("Partner"), c.name);
	if (c.membership)
		ui_draw_text(w, y, 3 + c.name, _("Membership"), c.membership);
	if (c.kind)
		ui_draw_text(w, y, 4 + c.name + c.membership, _("Kind"), c.kind);
	wattrset(w, A_NORMAL);
}

static const char *plist_empty(struct ui_list *l)
{
	if (ui_list_filtered(l))
		return _("No entry matches. Esc or c clears the search and the filters.");
	return l->search.query ? _("No partner matches. Esc clears the search.")
			       : _("No partners yet. Press a to add one.");
}

/* "3 partners" or "2 found for "x"", then the filters that narrow the
 * list, so that a narrowed list is never taken for all partners. */
static void plist_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	char count[96];

	snprintf(name, nn, "%s", _("Partners"));
	if (l->search.query)
		snprintf(count, sizeof(count), _("%zu found for \"%s\""), l->n, l->search.query);
	else
		snprintf(count, sizeof(count), ngettext("%zu partner", "%zu partners", l->n), l->n);
	ui_list_info(l, count, info, ni);
}

static void plist_filter_message(struct ui_list *l)
{
	ui_message(l->ui, ngettext("%zu partner matches.", "%zu partners match.", l->n), l->n);
}

static const struct ui_legend plist_legend_list[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SEARCH, NULL }, { UI_ACT_FILTER, NULL },
	{ UI_ACT_OPEN, NULL }, { UI_ACT_ADD, NULL }, { UI_ACT_EDIT, NULL },
	{ UI_ACT_BASKET, NULL }, { UI_ACT_CONTACTS, NULL }, { UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};

static bool plist_action(struct ui_list *l, enum ui_action a)
{
	switch (a) {
	case UI_ACT_VERIFY:
		ui_message(l->ui, "%s", _("Only services are verified; open the partner to see its services."));
		return true;
	case UI_ACT_ARCHIVE:
		ui_message(l->ui, "%s", _("Partners are kept; to end a membership, edit it and set \"left the partnership\"."));
		return true;
	default:
		return false;
	}
}

static void plist_open(struct ui_list *l, size_t i)
{
	ui_push(l->ui, ui_partner_screen_new(l->ui, PL(l)->rows.v[i].id));
}

static void plist_edit(struct ui_list *l, size_t i)
{
	ui_edit_partner(l->ui, PL(l)->rows.v[i].id);
}

static void plist_add(struct ui_list *l)
{
	ui_edit_partner(l->ui, NULL);
}

static void plist_free(struct ui_list *l)
{
	kz_rows_free(&PL(l)->rows);
	kz_partner_clear(&PL(l)->preview);
}

static const struct ui_list_ops plist_ops = {
	.groups = UI_G_MOVE | UI_G_LIST,
	.persistent = true,
	.searchable = true,
	.head_rows = 1,
	.filter_line = true,
	.load = plist_load,
	.row_id = plist_row_id,
	.draw_row = plist_row,
	.draw_head = plist_head,
	.foot_rows = plist_foot_rows,
	.draw_foot = draw_preview,
	.empty = plist_empty,
	.open = plist_open,
	.edit = plist_edit,
	.add = plist_add,
	.action = plist_action,
	.title = plist_title,
	.legend = plist_legend_list,
	.filters = plist_filters,
	.nfilters = sizeof(plist_filters) / sizeof(plist_filters[0]),
	.filter_menu_title = N_("Filter the partners by"),
	.filter_message = plist_filter_message,
	.free = plist_free,
};

struct ui_screen *ui_partners_new(struct ui *ui)
{
	return &ui_list_new(ui, &plist_ops, sizeof(struct plist))->base;
}

/* ======================== one partner's screen ======================== */

struct pscreen {
	struct ui_screen base;
	struct ui *ui;
	char id[KZ_ID_LEN + 1];
	struct kz_partner p;
	bool loaded;
	struct kz_rows services, contacts;
	struct kz_tasks tasks;      /* its open tasks */
	struct kz_steps history;    /* its membership, step by step */
	struct ui_doc doc;
	struct ui_listbox lb;
};

static struct pscreen *PS(struct ui_screen *s)
{
	return (struct pscreen *)s;
}

static void ps_load(struct pscreen *ps)
{
	struct kz_service_filter f = { .provider_id = ps->id, .status = "all" };
	struct kz_error err = { 0 };

	kz_partner_clear(&ps->p);
	kz_rows_free(&ps->services);
	kz_rows_free(&ps->contacts);
	kz_tasks_free(&ps->tasks);
	kz_steps_free(&ps->history);
	ps->loaded = kz_partner_get(ps->ui->db, ps->id, &ps->p, &err) == KZ_OK &&
		     kz_partner_history(ps->ui->db, ps->id, &ps->history, &err) == KZ_OK &&
		     kz_service_list(ps->ui->db, NULL, &f, 0, &ps->services, &err) == KZ_OK &&
		     kz_contact_list(ps->ui->db, ps->id, NULL, 0, &ps->contacts, &err) == KZ_OK &&
		     kz_task_list_open(ps->ui->db, ps->id, NULL, &ps->tasks, &err) == KZ_OK;
	if (!ps->loaded)
		ui_error(ps->ui, "%s", err.msg);
}

static void add_services(struct pscreen *ps, struct ui_doc *d)
{
	char *t = xasprintf(_("Services and activities (%zu)"), ps->services.n);

	ui_doc_text(d, t, 1, UI_LOOK_HEADING);
	free(t);
	if (ps->services.n == 0)
		ui_doc_text(d, _("None yet. Press a to add one."), 4, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < ps->services.n; i++) {
		const struct kz_row *r = &ps->services.v[i];
		const char *cat = kz_items_label(&ps->ui->cfg->categories, r->service.category ? r->service.category : "");
		char *line = *cat ? xasprintf("%s \xe2\x80\x94 %s", r->title, cat) : xstrdup(r->title);
		ui_doc_link(d, line, KZ_KIND_SERVICE, r->id, r->stale ? '!' : (r->archived ? 'x' : 0),
			    r->archived ? UI_LOOK_ARCHIVED : UI_LOOK_COUNT);
		free(line);
	}
}

static void add_contacts(struct pscreen *ps, struct ui_doc *d)
{
	char *t = xasprintf(_("Contact persons (%zu)"), ps->contacts.n);

	ui_doc_text(d, t, 1, UI_LOOK_HEADING);
	free(t);
	if (ps->contacts.n == 0)
		ui_doc_text(d, _("None yet. Press a to add one."), 4, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < ps->contacts.n; i++) {
		const struct kz_row *r = &ps->contacts.v[i];
		/* The phone before the position, which may be long and cut. */
		char *line = xasprintf("%s%s%s%s%s", r->title,
				       r->contact.phone ? ", " : "", r->contact.phone ? r->contact.phone : "",
				       r->contact.position ? ", " : "",
				       r->contact.position ? r->contact.position : "");
		ui_doc_link(d, line, KZ_KIND_CONTACT, r->id, 0, UI_LOOK_COUNT);
		free(line);
	}
}

/* One line of an open task: its due date and title; overdue ones stand
 * out. Shared with the case screen (ui_doc_task). */
void ui_doc_task(struct ui_doc *d, const struct kz_task *t)
{
	char today[11];
	bool late;
	char *line;

	kz_today(today);
	late = !kz_str_empty(t->due_date) && strcmp(t->due_date, today) < 0;
	line = xasprintf("%s \xe2\x80\x94 %s", kz_str_empty(t->due_date) ? _("no due date")
									  : t->due_date,
			 t->title ? t->title : "");
	ui_doc_link(d, line, KZ_KIND_TASK, t->id, late ? '!' : 0,
		    late ? UI_LOOK_STALE : UI_LOOK_COUNT);
	free(line);
}

static void add_tasks(struct pscreen *ps, struct ui_doc *d)
{
	char *t = xasprintf(_("Open tasks (%zu)"), ps->tasks.n);

	ui_doc_text(d, t, 1, UI_LOOK_HEADING);
	free(t);
	if (ps->tasks.n == 0)
		ui_doc_text(d, _("No open tasks."), 4, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < ps->tasks.n; i++)
		ui_doc_task(d, &ps->tasks.v[i]);
}

/* The membership's steps, one dated line each. */
static void add_history(struct pscreen *ps, struct ui_doc *d)
{
	ui_doc_text(d, _("Membership history"), 1, UI_LOOK_HEADING);
	for (size_t i = 0; i < ps->history.n; i++) {
		const struct kz_step *st = &ps->history.v[i];
		char *line = st->detail
			? xasprintf("%s  %s: %s", st->date, kz_step_label(st->kind), st->detail)
			: xasprintf("%s  %s", st->date, kz_step_label(st->kind));
		ui_doc_text(d, line, 4, UI_LOOK_COUNT);
		free(line);
	}
}

static void ps_build(struct pscreen *ps)
{
	struct ui_doc *d = &ps->doc;
	char keep[KZ_ID_LEN + 1] = "";

	if (ps->lb.sel < d->n)
		snprintf(keep, sizeof(keep), "%s", d->v[ps->lb.sel].target);
	ui_doc_free(d);
	d->width = ui_body_w(ps->ui);
	if (!ps->loaded) {
		ui_doc_text(d, _("This record is no longer there."), 1, UI_LOOK_ERROR);
	} else {
		ui_doc_text(d, ps->p.name, 1, UI_LOOK_HEADING);
		ui_doc_conflict_mark(ps->ui, d, "partners", ps->p.id);
		ui_doc_blank(d);
		ui_doc_record(ps->ui, d, KZ_KIND_PARTNER, &ps->p, "name");
		ui_doc_blank(d);
		add_services(ps, d);
		ui_doc_blank(d);
		add_contacts(ps, d);
		ui_doc_blank(d);
		add_history(ps, d);
		ui_doc_blank(d);
		add_tasks(ps, d);
		ui_doc_blank(d);
		ui_doc_stamp(ps->ui, d, &ps->p.stamp);
	}
	ui_lb_set_count(&ps->lb, d->n);
	for (size_t i = 0; keep[0] && i < d->n; i++)
		if (strcmp(d->v[i].target, keep) == 0)
			ui_lb_select(&ps->lb, i);
}

static void ps_line(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	ui_doc_draw_line(&PS(ctx)->doc, w, y, x, width, i, sel);
}

static void ps_draw(struct ui_screen *s, struct ui *ui)
{
	struct pscreen *ps = PS(s);

	if (ps->doc.width != ui_body_w(ui))
		ps_build(ps);
	ui_lb_draw(&ps->lb, ui->body, 0, 0, ui_body_w(ui), ps_line, ps);
}

static void ps_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		     char *info, size_t ni)
{
	struct pscreen *ps = PS(s);

	(void)ui;
	snprintf(name, nn, "%s", _("Partner"));
	snprintf(info, ni, "%s", ps->p.short_name ? ps->p.short_name : "");
}

static const struct ui_legend ps_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_EDIT, NULL },
	{ UI_ACT_ADD, NULL }, { UI_ACT_ARCHIVE, N_("Archive/delete") },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *ps_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return ps_legend_items;
}

static const struct ui_doc_line *ps_current(struct pscreen *ps)
{
	return ps->lb.sel < ps->doc.n ? &ps->doc.v[ps->lb.sel] : NULL;
}

static void ps_add(struct pscreen *ps)
{
	struct ui_pick menu = { .title = N_("Add to this partner") };

	ui_pick_add(&menu, _("A contact person"), "contact", NULL);
	ui_pick_add(&menu, _("A service or activity"), "service", NULL);
	if (ui_pick_run(ps->ui, &menu)) {
		if (strcmp(menu.items[menu.chosen].value, "contact") == 0)
			ui_edit_contact(ps->ui, NULL, ps->id);
		else
			ui_edit_service(ps->ui, NULL, ps->id);
	}
	ui_pick_free_items(&menu);
}

static const char *row_title(const struct kz_rows *rows, const char *id)
{
	for (size_t i = 0; i < rows->n; i++)
		if (strcmp(rows->v[i].id, id) == 0)
			return rows->v[i].title;
	return "";
}

/* An action on the service or contact under the cursor. */
static bool ps_target_action(struct pscreen *ps, const struct ui_doc_line *l,
			     enum ui_action a)
{
	struct ui *ui = ps->ui;
	char id[KZ_ID_LEN + 1];
	char *name = xstrdup(row_title(l->kind == KZ_KIND_SERVICE ? &ps->services
								 : &ps->contacts, l->target));
	bool changed = false;

	snprintf(id, sizeof(id), "%s", l->target);
	if (l->kind == KZ_KIND_TASK) {
		/* A task opens in its form, as in the tasks list. */
		if (a == UI_ACT_OPEN || a == UI_ACT_EDIT)
			ui_edit_task(ui, id);
		free(name);
		return true;
	}
	switch (a) {
	case UI_ACT_OPEN:
		ui_push(ui, l->kind == KZ_KIND_SERVICE ? ui_service_detail_new(ui, id)
						      : ui_contact_detail_new(ui, id));
		break;
	case UI_ACT_EDIT:
		if (l->kind == KZ_KIND_SERVICE)
			ui_edit_service(ui, id, NULL);
		else
			ui_edit_contact(ui, id, NULL);
		break;
	case UI_ACT_ARCHIVE:
		changed = l->kind == KZ_KIND_SERVICE ? ui_archive_service(ui, id, name, 0)
						    : ui_delete_contact(ui, id, name);
		break;
	case UI_ACT_VERIFY:
		if (l->kind == KZ_KIND_SERVICE)
			changed = ui_verify_service(ui, id, 0);
		break;
	default:
		break;
	}
	free(name);
	if (changed) {
		ps_load(ps);
		ps_build(ps);
	}
	return true;
}

static bool ps_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct pscreen *ps = PS(s);
	const struct ui_doc_line *l = ps_current(ps);

	if (ui_lb_action(&ps->lb, a))
		return true;
	if (a != UI_ACT_OPEN && a != UI_ACT_EDIT && a != UI_ACT_ADD &&
	    a != UI_ACT_ARCHIVE && a != UI_ACT_VERIFY)
		return false;
	if (!ps->loaded)
		return true;
	if (a == UI_ACT_ADD) {
		ps_add(ps);
		return true;
	}
	if (l && l->target[0])
		return ps_target_action(ps, l, a);
	switch (a) {
	case UI_ACT_EDIT: ui_edit_partner(ui, ps->id); break;
	case UI_ACT_OPEN:
		ui_message(ui, "%s", _("Move to a service, a contact person or a task and press Enter."));
		break;
	default:
		ui_message(ui, "%s", _("Move to a service or a contact person first."));
		break;
	}
	return true;
}

static void ps_resize(struct ui_screen *s, struct ui *ui)
{
	struct pscreen *ps = PS(s);

	ui_lb_set_height(&ps->lb, ui_body_h(ui));
	ps_build(ps);
}

static void ps_reveal(struct ui_screen *s, struct ui *ui)
{
	struct pscreen *ps = PS(s);

	(void)ui;
	ps_load(ps);
	ps_build(ps);
}

static void ps_destroy(struct ui_screen *s)
{
	struct pscreen *ps = PS(s);

	kz_partner_clear(&ps->p);
	kz_rows_free(&ps->services);
	kz_rows_free(&ps->contacts);
	kz_tasks_free(&ps->tasks);
	kz_steps_free(&ps->history);
	ui_doc_free(&ps->doc);
	free(ps);
}

static const struct ui_screen_ops ps_ops = {
	.draw = ps_draw,
	.action = ps_action,
	.resize = ps_resize,
	.reveal = ps_reveal,
	.title = ps_title,
	.legend = ps_legend,
	.destroy = ps_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_partner_screen_new(struct ui *ui, const char *id)
{
	struct pscreen *ps = xcalloc(1, sizeof(*ps));

	ps->base.ops = &ps_ops;
	ps->ui = ui;
	snprintf(ps->id, sizeof(ps->id), "%s", id);
	ui_lb_init(&ps->lb, true);
	ps_load(ps);
	return &ps->base;
}
