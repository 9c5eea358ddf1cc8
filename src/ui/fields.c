/* How the fields of a record read on the screen: labels for codes and
 * enum values, names for references and logins. Used by the detail views
 * and the forms, both driven by the field tables of model.h. */
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

const struct kz_field *ui_rec_fields(enum kz_kind kind, size_t *n)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	*n = *k->nfields;
	return k->fields;
}

void ui_rec_free(enum kz_kind kind, void *rec)
{
	kz_record_free(kind, rec);
}

char *ui_membership_text(const char *status, const char *date)
{
	if (status && strcmp(status, "declared") == 0 && !kz_str_empty(date))
		return xasprintf(_("declaration signed on %s"), date);
	return xstrdup(_(kz_enum_label(status ? status : "")));
}

char *ui_membership_short(const char *status, const char *date)
{
	if (status && strcmp(status, "declared") == 0 && !kz_str_empty(date))
		/* TRANSLATORS: a partner's membership in a narrow column. */
		return xasprintf(C_("short", "signed %s"), date);
	return xstrdup(kz_enum_short_label(status));
}

const char *ui_status_label(const char *status, int width)
{
	const char *label = _(kz_enum_label(status ? status : ""));

	return ui_text_width(label) > width ? kz_enum_short_label(status) : label;
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

char *ui_field_text(struct ui *ui, enum kz_kind kind, void *rec,
		    const struct kz_field *f)
{
	const char *v = *kz_field_slot(rec, f);

	if (kz_str_empty(v))
		return xstrdup("");
	switch (f->type) {
	case KZ_FT_ENUM:
		if (kind == KZ_KIND_PARTNER && strcmp(f->name, "status") == 0)
			return ui_membership_text(v, ((struct kz_partner *)rec)->declaration_date);
		return xstrdup(_(kz_enum_label(v)));
	case KZ_FT_CODE:
	case KZ_FT_CODES:
		return codes_text(ui_vocab(ui, f->vocab), v);
	case KZ_FT_REF: {
		const char *name = kz_record_ref_name(kind, rec, f);
		return xstrdup(kz_str_empty(name) ? v : name);
	}
	default:
		break;
	}
	if (kz_kind_field_is_login(kind, f)) {
		const char *name = ui_user_name(ui, v);
		if (strcmp(name, v) != 0)
			return xasprintf("%s (%s)", name, v);
	}
	return xstrdup(v);
}
