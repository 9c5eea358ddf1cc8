/* How the fields of a record read on the screen: labels for codes and
 * enum values, names for references and logins. Used by the detail views
 * and the forms, both driven by the field tables of model.h. */
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

const struct kz_field *ui_rec_fields(enum ui_rec kind, size_t *n)
{
	switch (kind) {
	case UI_REC_PARTNER: *n = kz_partner_nfields; return kz_partner_fields;
	case UI_REC_CONTACT: *n = kz_contact_nfields; return kz_contact_fields;
	default: *n = kz_service_nfields; return kz_service_fields;
	}
}

void ui_rec_free(enum ui_rec kind, void *rec)
{
	switch (kind) {
	case UI_REC_PARTNER: kz_partner_clear(rec); break;
	case UI_REC_CONTACT: kz_contact_clear(rec); break;
	default: kz_service_clear(rec); break;
	}
	free(rec);
}

char *ui_membership_text(const char *status, const char *date)
{
	if (status && strcmp(status, "declared") == 0 && !kz_str_empty(date))
		return xasprintf(_("declaration signed on %s"), date);
	return xstrdup(_(kz_enum_label(status ? status : "")));
}

/* Labels of codes separated by ';', joined by ", ". */
static char *codes_text(const struct kz_items *items, const char *codes)
{
	struct kz_buf b = KZ_BUF_INIT;
	const char *p = codes;

	while (p && *p) {
		size_t len = strcspn(p, ";");
		char *code = xstrndup(p, len);
		kz_trim(code);
		if (*code) {
			if (b.len)
				kz_buf_puts(&b, ", ");
			kz_buf_puts(&b, items ? kz_items_label(items, code) : code);
		}
		free(code);
		p += len;
		if (*p == ';')
			p++;
	}
	return kz_buf_detach(&b);
}

static const char *ref_name(enum ui_rec kind, void *rec, const struct kz_field *f)
{
	if (kind == UI_REC_SERVICE) {
		struct kz_service *s = rec;
		if (strcmp(f->name, "provider_id") == 0)
			return s->provider_name;
		if (strcmp(f->name, "contact_id") == 0)
			return s->contact_name;
	}
	if (kind == UI_REC_CONTACT && strcmp(f->name, "partner_id") == 0)
		return ((struct kz_contact *)rec)->partner_name;
	return NULL;
}

char *ui_field_text(struct ui *ui, enum ui_rec kind, void *rec,
		    const struct kz_field *f)
{
	const char *v = *kz_field_slot(rec, f);

	if (kz_str_empty(v))
		return xstrdup("");
	switch (f->type) {
	case KZ_FT_ENUM:
		if (kind == UI_REC_PARTNER && strcmp(f->name, "status") == 0)
			return ui_membership_text(v, ((struct kz_partner *)rec)->declaration_date);
		return xstrdup(_(kz_enum_label(v)));
	case KZ_FT_CODE:
	case KZ_FT_CODES:
		return codes_text(ui_vocab(ui, f->vocab), v);
	case KZ_FT_REF: {
		const char *name = ref_name(kind, rec, f);
		return xstrdup(kz_str_empty(name) ? v : name);
	}
	default:
		break;
	}
	if (strcmp(f->name, "verified_by") == 0) {
		const char *name = ui_user_name(ui, v);
		if (strcmp(name, v) != 0)
			return xasprintf("%s (%s)", name, v);
	}
	return xstrdup(v);
}
