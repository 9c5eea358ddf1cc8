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

const struct kz_field *ui_rec_fields(enum ui_rec kind, size_t *n)
{
	switch (kind) {
	case UI_REC_PARTNER: *n = kz_partner_nfields; return kz_partner_fields;
	case UI_REC_CONTACT: *n = kz_contact_nfields; return kz_contact_fields;
	case UI_REC_CASE: *n = kz_case_nfields; return kz_case_fields;
	case UI_REC_MEMBER: *n = kz_member_nfields; return kz_member_fields;
	case UI_REC_TEAM: *n = kz_team_nfields; return kz_team_fields;
	case UI_REC_PLAN: *n = kz_plan_nfields; return kz_plan_fields;
	case UI_REC_DIAGNOSIS: *n = kz_diagnosis_nfields; return kz_diagnosis_fields;
	case UI_REC_GOAL: *n = kz_goal_nfields; return kz_goal_fields;
	case UI_REC_ACTION: *n = kz_action_nfields; return kz_action_fields;
	case UI_REC_REVIEW: *n = kz_review_nfields; return kz_review_fields;
	case UI_REC_PROGRESS: *n = kz_progress_nfields; return kz_progress_fields;
	case UI_REC_MEETING: *n = kz_meeting_nfields; return kz_meeting_fields;
	case UI_REC_DECISION: *n = kz_decision_nfields; return kz_decision_fields;
	case UI_REC_TASK: *n = kz_task_nfields; return kz_task_fields;
	default: *n = kz_service_nfields; return kz_service_fields;
	}
}

void ui_rec_free(enum ui_rec kind, void *rec)
{
	switch (kind) {
	case UI_REC_PARTNER: kz_partner_clear(rec); break;
	case UI_REC_CONTACT: kz_contact_clear(rec); break;
	case UI_REC_CASE: kz_case_clear(rec); break;
	case UI_REC_MEMBER: kz_member_clear(rec); break;
	case UI_REC_TEAM: kz_team_member_clear(rec); break;
	case UI_REC_PLAN: kz_plan_clear(rec); break;
	case UI_REC_DIAGNOSIS: kz_diagnosis_clear(rec); break;
	case UI_REC_GOAL: kz_goal_clear(rec); break;
	case UI_REC_ACTION: kz_action_clear(rec); break;
	case UI_REC_REVIEW: kz_review_clear(rec); break;
	case UI_REC_PROGRESS: kz_progress_clear(rec); break;
	case UI_REC_MEETING: kz_meeting_clear(rec); break;
	case UI_REC_DECISION: kz_decision_clear(rec); break;
	case UI_REC_TASK: kz_task_clear(rec); break;
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
	if (kind == UI_REC_MEETING && strcmp(f->name, "host_id") == 0)
		return ((struct kz_meeting *)rec)->host_name;
	if (kind == UI_REC_TASK) {
		struct kz_task *t = rec;
		if (strcmp(f->name, "partner_id") == 0)
			return t->partner_name;
		if (strcmp(f->name, "contact_id") == 0)
			return t->contact_name;
	}
	if (kind == UI_REC_TEAM && strcmp(f->name, "contact_id") == 0)
		return ((struct kz_team_member *)rec)->contact_name;
	if (kind == UI_REC_ACTION) {
		struct kz_action *a = rec;
		if (strcmp(f->name, "service_id") == 0)
			return a->service_title;
		if (strcmp(f->name, "partner_id") == 0)
			return a->partner_name;
		if (strcmp(f->name, "contact_id") == 0)
			return a->contact_name;
	}
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
	if (strcmp(f->name, "verified_by") == 0 || strcmp(f->name, "manager") == 0 ||
	    strcmp(f->name, "referred_by") == 0 || strcmp(f->name, "approved_by") == 0) {
		const char *name = ui_user_name(ui, v);
		if (strcmp(name, v) != 0)
			return xasprintf("%s (%s)", name, v);
	}
	return xstrdup(v);
}
