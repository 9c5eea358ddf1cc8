#include "koszyk/model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

const char *const kz_service_kinds[] = { "service", "activity", NULL };
const char *const kz_service_statuses[] = { "active", "suspended", "archived", NULL };
const char *const kz_partner_statuses[] = { "invited", "informal", "declared", "left", NULL };

#define SHORT 300
#define LONG 4000
#define F(rec, field, label, type, max, req, vals, vocab) \
	{ #field, label, type, max, req, offsetof(struct rec, field), vals, vocab }

const struct kz_field kz_partner_fields[] = {
	F(kz_partner, name, N_("Name"), KZ_FT_TEXT, SHORT, true, NULL, KZ_VOCAB_NONE),
	F(kz_partner, short_name, N_("Short name"), KZ_FT_TEXT, 80, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, kind, N_("Kind"), KZ_FT_CODE, 100, false, NULL, KZ_VOCAB_PARTNER_KINDS),
	F(kz_partner, sectors, N_("Sectors"), KZ_FT_CODES, SHORT, false, NULL, KZ_VOCAB_SECTORS),
	F(kz_partner, address, N_("Address"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, phone, N_("Phone"), KZ_FT_TEXT, 100, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, email, N_("E-mail"), KZ_FT_TEXT, 200, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, website, N_("Website"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, krs, N_("KRS number"), KZ_FT_TEXT, 10, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, status, N_("Membership"), KZ_FT_ENUM, 20, false, kz_partner_statuses, KZ_VOCAB_NONE),
	F(kz_partner, declaration_date, N_("Declaration signed on"), KZ_FT_DATE, 10, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, role, N_("Role in the partnership"), KZ_FT_LONG, LONG, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, resources, N_("Resources it brings"), KZ_FT_LONG, LONG, false, NULL, KZ_VOCAB_NONE),
	F(kz_partner, notes, N_("Notes"), KZ_FT_LONG, LONG, false, NULL, KZ_VOCAB_NONE),
};
const size_t kz_partner_nfields = sizeof(kz_partner_fields) / sizeof(kz_partner_fields[0]);

const struct kz_field kz_contact_fields[] = {
	F(kz_contact, name, N_("Full name"), KZ_FT_TEXT, 200, true, NULL, KZ_VOCAB_NONE),
	F(kz_contact, partner_id, N_("Partner"), KZ_FT_REF, KZ_ID_LEN, true, NULL, KZ_VOCAB_NONE),
	F(kz_contact, position, N_("Position"), KZ_FT_TEXT, 200, false, NULL, KZ_VOCAB_NONE),
	F(kz_contact, phone, N_("Phone"), KZ_FT_TEXT, 100, false, NULL, KZ_VOCAB_NONE),
	F(kz_contact, email, N_("E-mail"), KZ_FT_TEXT, 200, false, NULL, KZ_VOCAB_NONE),
	F(kz_contact, reachable, N_("When reachable"), KZ_FT_TEXT, 200, false, NULL, KZ_VOCAB_NONE),
	F(kz_contact, notes, N_("Notes"), KZ_FT_LONG, LONG, false, NULL, KZ_VOCAB_NONE),
};
const size_t kz_contact_nfields = sizeof(kz_contact_fields) / sizeof(kz_contact_fields[0]);

const struct kz_field kz_service_fields[] = {
	F(kz_service, title, N_("Title"), KZ_FT_TEXT, 200, true, NULL, KZ_VOCAB_NONE),
	F(kz_service, kind, N_("Kind"), KZ_FT_ENUM, 20, false, kz_service_kinds, KZ_VOCAB_NONE),
	F(kz_service, description, N_("Description"), KZ_FT_LONG, LONG, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, provider_id, N_("Provider"), KZ_FT_REF, KZ_ID_LEN, true, NULL, KZ_VOCAB_NONE),
	F(kz_service, category, N_("Category"), KZ_FT_CODE, 100, false, NULL, KZ_VOCAB_CATEGORIES),
	F(kz_service, sector, N_("Sector"), KZ_FT_CODE, 100, false, NULL, KZ_VOCAB_SECTORS),
	F(kz_service, target_groups, N_("Target groups"), KZ_FT_CODES, SHORT, false, NULL, KZ_VOCAB_TARGET_GROUPS),
	F(kz_service, access_conditions, N_("Access conditions"), KZ_FT_LONG, LONG, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, how_to_get, N_("How to get it"), KZ_FT_LONG, LONG, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, cost, N_("Cost"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, place, N_("Place"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, hours, N_("Opening hours"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, waiting_time, N_("Waiting time, capacity"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, area, N_("Area served"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, contact_id, N_("Contact person"), KZ_FT_REF, KZ_ID_LEN, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, contact_text, N_("Contact (other)"), KZ_FT_TEXT, SHORT, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, status, N_("Status"), KZ_FT_ENUM, 20, false, kz_service_statuses, KZ_VOCAB_NONE),
	F(kz_service, valid_from, N_("Valid from"), KZ_FT_DATE, 10, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, valid_to, N_("Valid to"), KZ_FT_DATE, 10, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, verified_on, N_("Last verified on"), KZ_FT_DATE, 10, false, NULL, KZ_VOCAB_NONE),
	F(kz_service, verified_by, N_("Verified by"), KZ_FT_TEXT, 100, false, NULL, KZ_VOCAB_NONE),
};
const size_t kz_service_nfields = sizeof(kz_service_fields) / sizeof(kz_service_fields[0]);

const struct kz_field *kz_field_find(const struct kz_field *fields, size_t n,
				     const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

void kz_field_normalize(const struct kz_field *f, char **slot)
{
	char iso[11];

	if (f->type == KZ_FT_DATE && *slot && kz_date_parse(*slot, iso))
		kz_str_set(slot, iso);
}

enum kz_status kz_field_check(const struct kz_field *f, const char *value,
			      struct kz_error *err)
{
	size_t len = value ? strlen(value) : 0;
	size_t bad;

	if (!len) {
		if (f->required)
			return kz_fail_field(err, KZ_INVALID, f->name,
					     _("%s: this field is required"),
				       _(f->label));
		return KZ_OK;
	}
	if (!kz_utf8_valid(value, len, &bad))
		return kz_fail_field(err, KZ_INVALID, f->name,
			       _("%s: the text is not valid UTF-8 (byte %zu); save the file as UTF-8"),
			       _(f->label), bad + 1);
	/* A date field says what a date is before its length matters. */
	if (f->type == KZ_FT_DATE && !kz_date_valid(value))
		return kz_fail_field(err, KZ_INVALID, f->name,
			       _("%s: \"%s\" is not a date; write it as DD.MM.YYYY, e.g. 15.12.2026"),
			       _(f->label), value);
	if (len > f->max_len)
		return kz_fail_field(err, KZ_INVALID, f->name,
			       _("%s: the text is too long (%zu characters, at most %zu)"),
			       _(f->label), kz_utf8_len(value), f->max_len);
	if (f->type == KZ_FT_TEXT || f->type == KZ_FT_DATE || f->type == KZ_FT_ENUM) {
		if (strpbrk(value, "\n\r"))
			return kz_fail_field(err, KZ_INVALID, f->name,
				       _("%s: must be a single line"), _(f->label));
	}
	if (f->type == KZ_FT_ENUM) {
		for (const char *const *v = f->values; *v; v++)
			if (strcmp(*v, value) == 0)
				return KZ_OK;
		return kz_fail_field(err, KZ_INVALID, f->name,
				     _("%s: \"%s\" is not one of the allowed values"),
			       _(f->label), value);
	}
	if (f->type == KZ_FT_REF && !kz_is_uuid(value))
		return kz_fail_field(err, KZ_INVALID, f->name,
				     _("%s: \"%s\" is not a valid record id"),
			       _(f->label), value);
	return KZ_OK;
}

const char *kz_enum_label(const char *value)
{
	static const struct { const char *value, *label; } labels[] = {
		{ "service", N_("service") },
		{ "activity", N_("activity") },
		{ "active", N_("active") },
		{ "suspended", N_("suspended") },
		{ "archived", N_("archived") },
		{ "invited", N_("invited") },
		{ "informal", N_("cooperating informally") },
		{ "declared", N_("declaration signed") },
		{ "left", N_("left the partnership") },
		{ "new", N_("new") },
		{ "review", N_("under review") },
		{ "closed", N_("closed") },
		{ "consent", N_("consent") },
		{ "statutory", N_("statutory duty") },
		{ "draft", N_("draft") },
		{ "approved", N_("approved") },
		{ "high", N_("high") },
		{ "medium", N_("medium") },
		{ "low", N_("low") },
		{ "open", N_("open") },
		{ "achieved", N_("achieved") },
		{ "partly", N_("partly achieved") },
		{ "not_achieved", N_("not achieved") },
		{ "dropped", N_("dropped") },
		{ "planned", N_("planned") },
		{ "referred", N_("referred") },
		{ "accepted", N_("accepted") },
		{ "declined", N_("declined") },
		{ "in_progress", N_("in progress") },
		{ "done", N_("done") },
		{ "partnership", N_("the partnership") },
		{ "case_team", N_("a case's team") },
		{ "working_group", N_("a working group") },
		{ "training", N_("a training") },
	};
	if (!value)
		return "";
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].value, value) == 0)
			return labels[i].label;
	return value;
}

const char *kz_enum_short_label(const char *value)
{
	/* TRANSLATORS: the short forms of statuses, for narrow columns
	 * (a task's status has 8 cells, a case's 13). */
	static const struct { const char *value, *label; } labels[] = {
		{ "informal", NC_("short", "informal") },
		{ "declared", NC_("short", "signed") },
		{ "left", NC_("short", "left") },
		{ "review", NC_("short", "review") },
		{ "statutory", NC_("short", "statutory") },
		{ "open", NC_("short", "open") },
		{ "done", NC_("short", "done") },
		{ "dropped", NC_("short", "dropped") },
		{ "partly", NC_("short", "partly") },
		{ "not_achieved", NC_("short", "not met") },
		{ "in_progress", NC_("short", "ongoing") },
		{ "partnership", NC_("short", "partners") },
		{ "case_team", NC_("short", "team") },
	};
	for (size_t i = 0; value && i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].value, value) == 0)
			return kz_ctx_gettext(labels[i].label);
	return _(kz_enum_label(value));
}

void kz_stamp_clear(struct kz_stamp *s)
{
	free(s->created_at);
	free(s->created_by);
	free(s->updated_at);
	free(s->updated_by);
	memset(s, 0, sizeof(*s));
}

static void clear_fields(void *rec, const struct kz_field *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char **slot = kz_field_slot(rec, &fields[i]);
		free(*slot);
		*slot = NULL;
	}
}

void kz_record_clear(void *rec, const struct kz_field *fields, size_t n,
		     struct kz_stamp *stamp, size_t size)
{
	clear_fields(rec, fields, n);
	kz_stamp_clear(stamp);
	memset(rec, 0, size);
}

void kz_fields_copy(void *dst, const void *src, const struct kz_field *fields,
		    size_t n)
{
	for (size_t i = 0; i < n; i++)
		*kz_field_slot(dst, &fields[i]) =
			xstrdup_or_null(*kz_field_slot((void *)src, &fields[i]));
}

void kz_stamp_copy(struct kz_stamp *d, const struct kz_stamp *s)
{
	d->created_at = xstrdup_or_null(s->created_at);
	d->created_by = xstrdup_or_null(s->created_by);
	d->updated_at = xstrdup_or_null(s->updated_at);
	d->updated_by = xstrdup_or_null(s->updated_by);
	d->rev = s->rev;
}

void kz_partner_clear(struct kz_partner *p)
{
	clear_fields(p, kz_partner_fields, kz_partner_nfields);
	kz_stamp_clear(&p->stamp);
	memset(p, 0, sizeof(*p));
}

void kz_contact_clear(struct kz_contact *c)
{
	clear_fields(c, kz_contact_fields, kz_contact_nfields);
	kz_stamp_clear(&c->stamp);
	free(c->partner_name);
	memset(c, 0, sizeof(*c));
}

void kz_service_clear(struct kz_service *s)
{
	clear_fields(s, kz_service_fields, kz_service_nfields);
	kz_stamp_clear(&s->stamp);
	free(s->provider_name);
	free(s->contact_name);
	memset(s, 0, sizeof(*s));
}

void kz_service_copy(struct kz_service *dst, const struct kz_service *src)
{
	memset(dst, 0, sizeof(*dst));
	memcpy(dst->id, src->id, sizeof(dst->id));
	kz_fields_copy(dst, src, kz_service_fields, kz_service_nfields);
	kz_stamp_copy(&dst->stamp, &src->stamp);
	dst->provider_name = xstrdup_or_null(src->provider_name);
	dst->contact_name = xstrdup_or_null(src->contact_name);
}

void kz_partner_copy(struct kz_partner *dst, const struct kz_partner *src)
{
	memset(dst, 0, sizeof(*dst));
	memcpy(dst->id, src->id, sizeof(dst->id));
	kz_fields_copy(dst, src, kz_partner_fields, kz_partner_nfields);
	kz_stamp_copy(&dst->stamp, &src->stamp);
}

void kz_contact_copy(struct kz_contact *dst, const struct kz_contact *src)
{
	memset(dst, 0, sizeof(*dst));
	memcpy(dst->id, src->id, sizeof(dst->id));
	kz_fields_copy(dst, src, kz_contact_fields, kz_contact_nfields);
	kz_stamp_copy(&dst->stamp, &src->stamp);
	dst->partner_name = xstrdup_or_null(src->partner_name);
}
