/* Detail views of a service and of a contact person: every field of the
 * field table, wrapped to the window and scrollable; and the record
 * operations shared by the lists (archive, verify, delete). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"
#include "ui_internal.h"

struct detail {
	struct ui_screen base;
	struct ui *ui;
	enum kz_kind kind;
	char id[KZ_ID_LEN + 1];
	struct kz_service service;
	struct kz_contact contact;
	bool loaded;
	struct ui_doc doc;
	struct ui_listbox lb;
};

static struct detail *D(struct ui_screen *s)
{
	return (struct detail *)s;
}

/* The phone is where it is needed: beside the service's contact person. */
static void add_contact_phone(struct ui *ui, struct kz_service *s)
{
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };

	if (!kz_str_empty(s->contact_id) &&
	    kz_contact_get(ui->db, s->contact_id, &c, &err) == KZ_OK &&
	    !kz_str_empty(c.phone) && !kz_str_empty(s->contact_name)) {
		char *named = xasprintf(_("%s, phone %s"), s->contact_name, c.phone);
		free(s->contact_name);
		s->contact_name = named;
	}
	kz_contact_clear(&c);
}

static void load(struct detail *d)
{
	struct kz_error err = { 0 };
	enum kz_status st;

	kz_service_clear(&d->service);
	kz_contact_clear(&d->contact);
	if (d->kind == KZ_KIND_SERVICE)
		st = kz_service_get(d->ui->db, d->id, &d->service, &err);
	else
		st = kz_contact_get(d->ui->db, d->id, &d->contact, &err);
	d->loaded = st == KZ_OK;
	if (!d->loaded)
		ui_error(d->ui, "%s", err.msg);
	else if (d->kind == KZ_KIND_SERVICE)
		add_contact_phone(d->ui, &d->service);
}

static void build(struct detail *d)
{
	struct ui *ui = d->ui;
	struct ui_doc *doc = &d->doc;

	ui_doc_free(doc);
	doc->width = ui_body_w(ui);
	if (!d->loaded) {
		ui_doc_text(doc, _("This record is no longer there."), 1, UI_LOOK_ERROR);
	} else if (d->kind == KZ_KIND_SERVICE) {
		struct kz_service *s = &d->service;
		ui_doc_text(doc, s->title, 1, UI_LOOK_HEADING);
		if (kz_service_is_stale(ui->db, s->verified_on, s->status)) {
			char *t = xasprintf(_("! Not verified for more than %d days: check it with the provider."),
					    kz_db_stale_days(ui->db));
			ui_doc_text(doc, t, 1, UI_LOOK_STALE);
			free(t);
		}
		ui_doc_conflict_mark(ui, doc, "services", s->id);
		ui_doc_blank(doc);
		ui_doc_record(ui, doc, KZ_KIND_SERVICE, s, "title");
		ui_doc_blank(doc);
		ui_doc_stamp(ui, doc, &s->stamp);
	} else {
		struct kz_contact *c = &d->contact;
		ui_doc_text(doc, c->name, 1, UI_LOOK_HEADING);
		ui_doc_conflict_mark(ui, doc, "contacts", c->id);
		ui_doc_blank(doc);
		ui_doc_record(ui, doc, KZ_KIND_CONTACT, c, "name");
		ui_doc_blank(doc);
		ui_doc_stamp(ui, doc, &c->stamp);
	}
	ui_lb_set_count(&d->lb, doc->n);
}

static void draw_line(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	ui_doc_draw_line(&D(ctx)->doc, w, y, x, width, i, selected);
}

static void detail_draw(struct ui_screen *s, struct ui *ui)
{
	struct detail *d = D(s);

	if (d->doc.width != ui_body_w(ui))
		build(d);
	ui_lb_draw(&d->lb, ui->body, 0, 0, ui_body_w(ui), draw_line, d);
}

static void detail_title(struct ui_screen *s, struct ui *ui, char *name,
			 size_t nn, char *info, size_t ni)
{
	struct detail *d = D(s);
	size_t h = (size_t)d->lb.h;

	(void)ui;
	snprintf(name, nn, "%s", d->kind == KZ_KIND_SERVICE ? _("Service or activity")
							   : _("Contact person"));
	if (d->doc.n > h)
		snprintf(info, ni, _("lines %zu-%zu of %zu"), d->lb.top + 1,
			 d->lb.top + h < d->doc.n ? d->lb.top + h : d->doc.n, d->doc.n);
	else
		info[0] = '\0';
}

static const struct ui_legend legend_service[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_EDIT, NULL }, { UI_ACT_VERIFY, N_("Verify") },
	{ UI_ACT_ARCHIVE, NULL }, { UI_ACT_OPEN, N_("Provider") },
	{ UI_ACT_PAGE_DOWN, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};
static const struct ui_legend legend_contact[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_EDIT, NULL }, { UI_ACT_ARCHIVE, N_("Delete") },
	{ UI_ACT_OPEN, N_("Partner") }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *detail_legend(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	return D(s)->kind == KZ_KIND_SERVICE ? legend_service : legend_contact;
}

static void reload_detail(struct detail *d)
{
	load(d);
	build(d);
	d->ui->dirty = true;
}

static bool service_action(struct detail *d, enum ui_action a)
{
	struct ui *ui = d->ui;
	struct kz_service *s = &d->service;

	switch (a) {
	case UI_ACT_EDIT: ui_edit_service(ui, d->id, NULL); return true;
	case UI_ACT_VERIFY:
		if (ui_verify_service(ui, d->id, s->stamp.rev))
			reload_detail(d);
		return true;
	case UI_ACT_ARCHIVE:
		if (ui_archive_service(ui, d->id, s->title, s->stamp.rev))
			reload_detail(d);
		return true;
	case UI_ACT_OPEN:
		if (s->provider_id)
			ui_push(ui, ui_partner_screen_new(ui, s->provider_id));
		return true;
	default:
		return false;
	}
}

static bool contact_action(struct detail *d, enum ui_action a)
{
	struct ui *ui = d->ui;
	struct kz_contact *c = &d->contact;

	switch (a) {
	case UI_ACT_EDIT: ui_edit_contact(ui, d->id, NULL); return true;
	case UI_ACT_ARCHIVE:
		if (ui_delete_contact(ui, d->id, c->name))
			ui_pop(ui);
		return true;
	case UI_ACT_OPEN:
		if (c->partner_id)
			ui_push(ui, ui_partner_screen_new(ui, c->partner_id));
		return true;
	default:
		return false;
	}
}

static bool detail_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct detail *d = D(s);

	if (ui_lb_action(&d->lb, a))
		return true;
	if (a != UI_ACT_EDIT && a != UI_ACT_VERIFY && a != UI_ACT_ARCHIVE && a != UI_ACT_OPEN)
		return false;
	if (!d->loaded) {
		ui_message(ui, "%s", _("This record is no longer there."));
		return true;
	}
	return d->kind == KZ_KIND_SERVICE ? service_action(d, a) : contact_action(d, a);
}

static void detail_resize(struct ui_screen *s, struct ui *ui)
{
	struct detail *d = D(s);

	ui_lb_set_height(&d->lb, ui_body_h(ui));
	build(d);
}

static void detail_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	reload_detail(D(s));
}

static void detail_destroy(struct ui_screen *s)
{
	struct detail *d = D(s);

	kz_service_clear(&d->service);
	kz_contact_clear(&d->contact);
	ui_doc_free(&d->doc);
	free(d);
}

static const struct ui_screen_ops detail_ops = {
	.draw = detail_draw,
	.action = detail_action,
	.resize = detail_resize,
	.reveal = detail_reveal,
	.title = detail_title,
	.legend = detail_legend,
	.destroy = detail_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

static struct ui_screen *detail_new(struct ui *ui, enum kz_kind kind, const char *id)
{
	struct detail *d = xcalloc(1, sizeof(*d));

	d->base.ops = &detail_ops;
	d->ui = ui;
	d->kind = kind;
	snprintf(d->id, sizeof(d->id), "%s", id);
	ui_lb_init(&d->lb, false);
	load(d);
	return &d->base;
}

struct ui_screen *ui_service_detail_new(struct ui *ui, const char *id)
{
	return detail_new(ui, KZ_KIND_SERVICE, id);
}

struct ui_screen *ui_contact_detail_new(struct ui *ui, const char *id)
{
	return detail_new(ui, KZ_KIND_CONTACT, id);
}
