/* Opening forms for a record by id, and the operations on records that
 * the lists and views share (archive, verify, delete), each with its
 * question and its message on the status line. */
#include <stdlib.h>

#include "koszyk/network.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

/* A record of a network's basket changes in that basket, never here:
 * the data layer's refusal is shown before a form or a question. */
static bool refused_here(struct ui *ui, enum kz_kind kind, const char *id)
{
	struct kz_error err = { 0 };

	if (!id || kz_network_guard(ui->db, kind, id, &err) == KZ_OK)
		return false;
	ui_error(ui, "%s", err.msg);
	return true;
}

/* --- opening forms by id ---------------------------------------------------------- */

bool ui_edit_service(struct ui *ui, const char *id, const char *provider_id)
{
	struct kz_service *s;
	struct kz_error err = { 0 };

	if (refused_here(ui, KZ_KIND_SERVICE, id))
		return false;
	s = xcalloc(1, sizeof(*s));
	if (id && kz_service_get(ui->db, id, s, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(KZ_KIND_SERVICE, s);
		return false;
	}
	if (!id) {
		kz_str_set(&s->kind, "service");
		kz_str_set(&s->status, "active");
		if (provider_id) {
			struct kz_partner p = { 0 };
			if (kz_partner_get(ui->db, provider_id, &p, &err) == KZ_OK) {
				kz_str_set(&s->provider_id, provider_id);
				kz_str_set(&s->provider_name, p.name);
			}
			kz_partner_clear(&p);
		}
	}
	ui_push(ui, ui_form_new(ui, KZ_KIND_SERVICE, s));
	return true;
}

bool ui_edit_partner(struct ui *ui, const char *id)
{
	struct kz_partner *p;
	struct kz_error err = { 0 };

	if (refused_here(ui, KZ_KIND_PARTNER, id))
		return false;
	p = xcalloc(1, sizeof(*p));
	if (id && kz_partner_get(ui->db, id, p, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(KZ_KIND_PARTNER, p);
		return false;
	}
	if (!id)
		kz_str_set(&p->status, "informal");
	ui_push(ui, ui_form_new(ui, KZ_KIND_PARTNER, p));
	return true;
}

bool ui_edit_contact(struct ui *ui, const char *id, const char *partner_id)
{
	struct kz_contact *c;
	struct kz_error err = { 0 };

	if (refused_here(ui, KZ_KIND_CONTACT, id))
		return false;
	c = xcalloc(1, sizeof(*c));
	if (id && kz_contact_get(ui->db, id, c, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(KZ_KIND_CONTACT, c);
		return false;
	}
	if (!id && partner_id) {
		struct kz_partner p = { 0 };
		if (kz_partner_get(ui->db, partner_id, &p, &err) == KZ_OK) {
			kz_str_set(&c->partner_id, partner_id);
			kz_str_set(&c->partner_name, p.name);
		}
		kz_partner_clear(&p);
	}
	ui_push(ui, ui_form_new(ui, KZ_KIND_CONTACT, c));
	return true;
}

/* --- record operations ----------------------------------------------------------- */

bool ui_archive_service(struct ui *ui, const char *id, const char *title, long rev)
{
	struct kz_error err = { 0 };
	char *q;
	bool yes;

	if (refused_here(ui, KZ_KIND_SERVICE, id))
		return false;
	q = xasprintf(_("Archive \"%s\"? It will no longer be offered."), title);
	yes = ui_confirm(ui, q);

	free(q);
	if (!yes) {
		ui_message(ui, "%s", _("Nothing was archived."));
		return false;
	}
	if (kz_service_archive(ui->db, id, rev, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return false;
	}
	ui_message(ui, _("Archived: %s"), title);
	return true;
}

bool ui_verify_service(struct ui *ui, const char *id, long rev)
{
	struct kz_error err = { 0 };
	char today[11];

	if (refused_here(ui, KZ_KIND_SERVICE, id))
		return false;
	if (kz_service_verify(ui->db, id, rev, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return false;
	}
	kz_today(today);
	ui_message(ui, _("Marked as verified on %s by %s."), today,
		   ui_user_name(ui, kz_db_user(ui->db)));
	return true;
}

bool ui_delete_contact(struct ui *ui, const char *id, const char *name)
{
	struct kz_error err = { 0 };
	char *q;
	bool yes;

	if (refused_here(ui, KZ_KIND_CONTACT, id))
		return false;
	q = xasprintf(_("Delete the contact person \"%s\"?"), name);
	yes = ui_confirm(ui, q);

	free(q);
	if (!yes) {
		ui_message(ui, "%s", _("Nothing was deleted."));
		return false;
	}
	if (kz_contact_delete(ui->db, id, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return false;
	}
	ui_message(ui, _("Deleted: %s"), name);
	return true;
}
