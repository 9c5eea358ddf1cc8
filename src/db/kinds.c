/* The table of the kinds of records (kinds.h): one entry per kind, the
 * only place where the kinds are spelled out. */
#include "koszyk/kinds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/meetings.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "records.h"

/* The kinds' functions with the table's signatures. */
#define SAVE(fn, call)                                                        \
	static enum kz_status fn(struct kz_db *db, const struct kz_config *cfg, \
				 void *rec, struct kz_error *err)              \
	{                                                                     \
		(void)cfg;                                                    \
		return call;                                                  \
	}
SAVE(save_service, kz_service_save(db, rec, err))
SAVE(save_partner, kz_partner_save(db, rec, err))
SAVE(save_contact, kz_contact_save(db, rec, err))
SAVE(save_meeting, kz_meeting_save(db, rec, err))
SAVE(save_case, kz_case_save(db, cfg, rec, err))
SAVE(save_member, kz_member_save(db, rec, err))
SAVE(save_team, kz_team_save(db, rec, err))
SAVE(save_plan, kz_plan_save(db, cfg, rec, err))
SAVE(save_diagnosis, kz_diagnosis_save(db, cfg, rec, err))
SAVE(save_goal, kz_goal_save(db, cfg, rec, err))
SAVE(save_action, kz_action_save(db, rec, err))
SAVE(save_review, kz_review_save(db, rec, err))
SAVE(save_progress, kz_progress_save(db, rec, err))
SAVE(save_attendee, kz_attendee_save(db, rec, err))
SAVE(save_decision, kz_decision_save(db, rec, err))
SAVE(save_task, kz_task_save(db, rec, err))
#undef SAVE

#define GET(fn, call)                                                          \
	static enum kz_status fn(struct kz_db *db, const char *id, void *out, \
				 struct kz_error *err)                         \
	{                                                                      \
		return call;                                                   \
	}
GET(get_service, kz_service_get(db, id, out, err))
GET(get_partner, kz_partner_get(db, id, out, err))
GET(get_contact, kz_contact_get(db, id, out, err))
GET(get_meeting, kz_meeting_get(db, id, out, err))
GET(get_case, kz_case_get(db, id, out, err))
GET(get_plan, kz_plan_get(db, id, out, err))
GET(get_task, kz_task_get(db, id, out, err))
#undef GET

#define REMOVE(fn, call)                                                    \
	static enum kz_status fn(struct kz_db *db, const char *id,          \
				 struct kz_error *err)                       \
	{                                                                   \
		return call;                                                \
	}
REMOVE(remove_member, kz_member_delete(db, id, err))
REMOVE(remove_team, kz_team_delete(db, id, err))
REMOVE(remove_diagnosis, kz_plan_part_delete(db, "diagnosis", id, err))
REMOVE(remove_goal, kz_plan_part_delete(db, "goal", id, err))
REMOVE(remove_action, kz_plan_part_delete(db, "action", id, err))
REMOVE(remove_review, kz_plan_part_delete(db, "review", id, err))
REMOVE(remove_attendee, kz_meeting_part_delete(db, "attendee", id, err))
REMOVE(remove_decision, kz_meeting_part_delete(db, "decision", id, err))
REMOVE(remove_task, kz_meeting_part_delete(db, "task", id, err))
REMOVE(remove_contact, kz_contact_delete(db, id, err))
#undef REMOVE

#define PLAN_PART_QUESTION N_("Delete this part of the plan? (Earlier versions keep it.)")

#define CLEAR(fn, type, call) static void fn(void *rec) { call((struct type *)rec); }
CLEAR(clear_service, kz_service, kz_service_clear)
CLEAR(clear_partner, kz_partner, kz_partner_clear)
CLEAR(clear_contact, kz_contact, kz_contact_clear)
CLEAR(clear_meeting, kz_meeting, kz_meeting_clear)
CLEAR(clear_case, kz_case, kz_case_clear)
CLEAR(clear_member, kz_member, kz_member_clear)
CLEAR(clear_team, kz_team_member, kz_team_member_clear)
CLEAR(clear_plan, kz_plan, kz_plan_clear)
CLEAR(clear_diagnosis, kz_diagnosis, kz_diagnosis_clear)
CLEAR(clear_goal, kz_goal, kz_goal_clear)
CLEAR(clear_action, kz_action, kz_action_clear)
CLEAR(clear_review, kz_review, kz_review_clear)
CLEAR(clear_progress, kz_progress, kz_progress_clear)
CLEAR(clear_attendee, kz_attendee, kz_attendee_clear)
CLEAR(clear_decision, kz_decision, kz_decision_clear)
CLEAR(clear_task, kz_task, kz_task_clear)
#undef CLEAR

#define REF(type, field, name) { #field, offsetof(struct type, name), NULL, NULL }
/* A reference whose change empties another (clears), saying note. */
#define REF_CLEARS(type, field, name, clears, note) \
	{ #field, offsetof(struct type, name), #clears, note }
#define END_REFS { NULL, 0, NULL, NULL }
static const struct kz_kind_ref no_refs[] = { END_REFS };
static const struct kz_kind_ref service_refs[] = {
	REF_CLEARS(kz_service, provider_id, provider_name, contact_id,
		   N_("The contact person was cleared: choose one of the new provider's people.")),
	REF(kz_service, contact_id, contact_name), END_REFS,
};
static const struct kz_kind_ref contact_refs[] = {
	REF(kz_contact, partner_id, partner_name), END_REFS,
};
static const struct kz_kind_ref meeting_refs[] = {
	REF(kz_meeting, host_id, host_name), REF(kz_meeting, chair_id, chair_name),
	REF(kz_meeting, case_id, case_code), END_REFS,
};
static const struct kz_kind_ref team_refs[] = {
	REF(kz_team_member, contact_id, contact_name), END_REFS,
};
static const struct kz_kind_ref action_refs[] = {
	REF(kz_action, service_id, service_title),
	REF_CLEARS(kz_action, partner_id, partner_name, contact_id,
		   N_("The responsible person was cleared: choose one of the new partner's people.")),
	REF(kz_action, contact_id, contact_name), END_REFS,
};
static const struct kz_kind_ref attendee_refs[] = {
	REF(kz_attendee, contact_id, contact_name), END_REFS,
};
static const struct kz_kind_ref task_refs[] = {
	REF_CLEARS(kz_task, partner_id, partner_name, contact_id, NULL),
	REF(kz_task, contact_id, contact_name),
	REF(kz_task, decision_id, decision_text), END_REFS,
};
#undef REF

static const size_t no_shown[] = { 0 };
static const size_t team_shown[] = {
	offsetof(struct kz_team_member, partner_name), offsetof(struct kz_team_member, phone), 0,
};
static const size_t attendee_shown[] = { offsetof(struct kz_attendee, partner_name), 0 };

static const char *const no_logins[] = { NULL };
static const char *const service_logins[] = { "verified_by", NULL };
static const char *const case_logins[] = { "manager", NULL };
static const char *const plan_logins[] = { "approved_by", NULL };
static const char *const action_logins[] = { "referred_by", NULL };

#define TITLE(...) (const char *const[]){ __VA_ARGS__, NULL }
#define NO_TITLE (const char *const[]){ NULL }

/* One kind: K(KIND, name, table, label, plural, struct, fields, parent
 * field, parent kind) followed by the naming, references, logins, shown
 * members and the functions. */
#define K(kid, nm, tbl, lbl, pl, type, flds, pfield, pkind)                   \
	[KZ_KIND_##kid] = { .kind = KZ_KIND_##kid, .name = nm, .table = tbl,    \
			   .label = lbl, .plural = pl, .fields = kz_##flds##_fields, \
			   .nfields = &kz_##flds##_nfields, .size = sizeof(struct type), \
			   .id_offset = offsetof(struct type, id),            \
			   .stamp_offset = offsetof(struct type, stamp),      \
			   .parent_field = pfield, .parent = KZ_KIND_##pkind,

static const struct kz_kind_info kinds[KZ_KIND_COUNT] = {
	K(SERVICE, "service", "services", N_("service"), N_("Services"), kz_service, service, NULL, SERVICE)
		.area = KZ_AREA_BASKET, .fixed_fields = NO_TITLE,
		.edit_title = N_("Edit service or activity"), .new_title = N_("New service or activity"),
		.title_fields = TITLE("title"), .refs = service_refs,
		.login_fields = service_logins, .shown_offsets = no_shown,
		.clear = clear_service, .save = save_service, .get = get_service,
		.check = kz_service_check },
	K(PARTNER, "partner", "partners", N_("partner"), N_("Partners"), kz_partner, partner, NULL, PARTNER)
		.area = KZ_AREA_BASKET, .fixed_fields = NO_TITLE,
		.edit_title = N_("Edit partner"), .new_title = N_("New partner"),
		.title_fields = TITLE("name"), .refs = no_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_partner, .save = save_partner, .get = get_partner,
		.check = kz_partner_check },
	K(CONTACT, "contact", "contacts", N_("contact"), N_("Contact persons"), kz_contact, contact, NULL, CONTACT)
		.area = KZ_AREA_BASKET, .fixed_fields = NO_TITLE,
		.edit_title = N_("Edit contact person"), .new_title = N_("New contact person"),
		.remove = remove_contact, .remove_question = N_("Delete this contact person?"),
		.title_fields = TITLE("name"), .refs = contact_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_contact, .save = save_contact, .get = get_contact },
	K(MEETING, "meeting", "meetings", N_("meeting"), N_("Meetings"), kz_meeting, meeting, NULL, MEETING)
		.area = KZ_AREA_MEETINGS, .fixed_fields = TITLE("case_id"),
		.edit_title = N_("Edit meeting"), .new_title = N_("New meeting"),
		.title_fields = TITLE("title"), .refs = meeting_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_meeting, .save = save_meeting, .get = get_meeting },
	K(CASE, "case", "cases", N_("case"), N_("Cases"), kz_case, case, NULL, CASE)
		.area = KZ_AREA_CASES, .fixed_fields = NO_TITLE,
		.edit_title = N_("Edit case"), .new_title = N_("New case"),
		.not_removed = N_("A case is not deleted: close it, or erase it with E (GDPR)."),
		.title_fields = TITLE("code"), .refs = no_refs,
		.login_fields = case_logins, .shown_offsets = no_shown,
		.clear = clear_case, .save = save_case, .get = get_case },
	K(MEMBER, "member", "members", N_("household member"), N_("Household"), kz_member, member, "case_id", CASE)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("case_id"),
		.edit_title = N_("Edit household member"), .new_title = N_("New household member"),
		.remove = remove_member, .remove_question = N_("Remove this member of the household?"),
		.title_fields = TITLE("role"), .refs = no_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_member, .save = save_member },
	K(TEAM, "team", "team", N_("team member"), N_("Team"), kz_team_member, team, "case_id", CASE)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("case_id"),
		.edit_title = N_("Edit team member"), .new_title = N_("New team member"),
		.remove = remove_team, .remove_question = N_("Remove this person from the team of the case?"),
		.title_fields = TITLE("contact_id"), .refs = team_refs,
		.login_fields = no_logins, .shown_offsets = team_shown,
		.clear = clear_team, .save = save_team },
	K(PLAN, "plan", "plans", N_("plan"), N_("Plans"), kz_plan, plan, "case_id", CASE)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("case_id"),
		.edit_title = N_("Edit plan"), .new_title = N_("New plan"),
		.title_fields = NO_TITLE, .title_fallback = N_("the plan"), .refs = no_refs,
		.login_fields = plan_logins, .shown_offsets = no_shown,
		.clear = clear_plan, .save = save_plan, .get = get_plan },
	K(DIAGNOSIS, "diagnosis", "diagnoses", N_("diagnosis"), N_("Diagnosis"), kz_diagnosis, diagnosis, "plan_id", PLAN)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("plan_id"),
		.edit_title = N_("Edit diagnosis"), .new_title = N_("New diagnosis"),
		.remove = remove_diagnosis, .remove_question = PLAN_PART_QUESTION,
		.title_fields = NO_TITLE, .title_fallback = N_("the diagnosis"), .refs = no_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_diagnosis, .save = save_diagnosis },
	K(GOAL, "goal", "goals", N_("goal"), N_("Goals"), kz_goal, goal, "plan_id", PLAN)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("plan_id"),
		.edit_title = N_("Edit goal"), .new_title = N_("New goal"),
		.remove = remove_goal, .remove_question = PLAN_PART_QUESTION,
		.title_fields = TITLE("what"), .refs = no_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_goal, .save = save_goal },
	K(ACTION, "action", "actions", N_("action"), N_("Actions"), kz_action, action, "plan_id", PLAN)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("plan_id"),
		.edit_title = N_("Edit action"), .new_title = N_("New action"),
		.remove = remove_action, .remove_question = PLAN_PART_QUESTION,
		.title_fields = TITLE("service_id", "free_text"), .refs = action_refs,
		.login_fields = action_logins, .shown_offsets = no_shown,
		.clear = clear_action, .save = save_action },
	K(REVIEW, "review", "reviews", N_("review"), N_("Reviews"), kz_review, review, "plan_id", PLAN)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("plan_id"),
		.edit_title = N_("Edit review"), .new_title = N_("New review"),
		.remove = remove_review, .remove_question = PLAN_PART_QUESTION,
		.title_fields = TITLE("review_date"), .refs = no_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_review, .save = save_review },
	K(PROGRESS, "progress", "progress", N_("progress note"), N_("Progress"), kz_progress, progress, "review_id", REVIEW)
		.area = KZ_AREA_CASES, .fixed_fields = TITLE("review_id", "goal_id"),
		.edit_title = N_("Progress of a goal"), .new_title = N_("Progress of a goal"),
		.title_fields = NO_TITLE, .title_fallback = N_("the progress"), .refs = no_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_progress, .save = save_progress },
	K(ATTENDEE, "attendee", "attendees", N_("attendee"), N_("Attendees"), kz_attendee, attendee, "meeting_id", MEETING)
		.area = KZ_AREA_MEETINGS, .fixed_fields = TITLE("meeting_id"),
		.edit_title = N_("Edit attendee"), .new_title = N_("New attendee"),
		.remove = remove_attendee, .remove_question = N_("Remove this attendee from the meeting?"),
		.title_fields = TITLE("contact_id"), .refs = attendee_refs,
		.login_fields = no_logins, .shown_offsets = attendee_shown,
		.clear = clear_attendee, .save = save_attendee },
	K(DECISION, "decision", "decisions", N_("decision"), N_("Decisions"), kz_decision, decision, "meeting_id", MEETING)
		.area = KZ_AREA_MEETINGS, .fixed_fields = TITLE("meeting_id"),
		.edit_title = N_("Edit decision"), .new_title = N_("New decision"),
		.remove = remove_decision, .remove_question = N_("Delete this decision?"),
		.title_fields = NO_TITLE, .title_fallback = N_("the decision"), .refs = no_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_decision, .save = save_decision },
	K(TASK, "task", "tasks", N_("task"), N_("Tasks"), kz_task, task, NULL, TASK)
		.area = KZ_AREA_MEETINGS, .fixed_fields = TITLE("meeting_id", "case_id", "closed_on", "closed_by"),
		.edit_title = N_("Edit task"), .new_title = N_("New task"),
		.remove = remove_task, .remove_question = N_("Delete this task?"),
		.title_fields = TITLE("title"), .refs = task_refs,
		.login_fields = no_logins, .shown_offsets = no_shown,
		.clear = clear_task, .save = save_task, .get = get_task },
};
#undef K
#undef TITLE
#undef NO_TITLE

const struct kz_kind_info *kz_kind_of(enum kz_kind kind)
{
	if ((unsigned)kind >= KZ_KIND_COUNT || !kinds[kind].name) {
		/* A programming error: kz_kinds_check refuses such a table at
		 * the start, so this is never reached in a released program. */
		fprintf(stderr, "koszyk: no description of record kind %d\n", (int)kind);
		abort();
	}
	return &kinds[kind];
}

const struct kz_kind_info *kz_kind_find(const char *name)
{
	for (size_t i = 0; name && i < KZ_KIND_COUNT; i++)
		if (kinds[i].name && strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

const struct kz_kind_info *kz_kind_by_table(const char *table)
{
	for (size_t i = 0; table && i < KZ_KIND_COUNT; i++)
		if (kinds[i].table && strcmp(kinds[i].table, table) == 0)
			return &kinds[i];
	return NULL;
}

const char *kz_kind_name(enum kz_kind kind)
{
	return (unsigned)kind < KZ_KIND_COUNT && kinds[kind].name ? kinds[kind].name : "?";
}

static bool has_field(const struct kz_kind_info *k, const char *name)
{
	return kz_field_find(k->fields, *k->nfields, name) != NULL;
}

static bool check_one(const struct kz_kind_info *k, size_t i, char *why, size_t whysz)
{
	if (!k->name || k->kind != (enum kz_kind)i) {
		snprintf(why, whysz, "record kind %zu has no description", i);
		return false;
	}
	if (!k->table || !k->label || !k->plural || !k->edit_title || !k->new_title ||
	    (k->remove && !k->remove_question) || !k->fields || !k->nfields ||
	    !k->size || !k->title_fields || !k->refs || !k->login_fields ||
	    !k->shown_offsets || !k->fixed_fields || !k->clear || !k->save) {
		snprintf(why, whysz, "the description of \"%s\" is not whole", k->name);
		return false;
	}
	if (!k->title_fields[0] && !k->title_fallback) {
		snprintf(why, whysz, "nothing names a record of \"%s\"", k->name);
		return false;
	}
	for (size_t j = 0; k->title_fields[j]; j++)
		if (!has_field(k, k->title_fields[j])) {
			snprintf(why, whysz, "\"%s\" has no field %s", k->name, k->title_fields[j]);
			return false;
		}
	for (size_t j = 0; k->refs[j].field; j++) {
		const struct kz_field *f = kz_field_find(k->fields, *k->nfields, k->refs[j].field);
		if (!f || f->type != KZ_FT_REF) {
			snprintf(why, whysz, "\"%s\" has no reference field %s", k->name, k->refs[j].field);
			return false;
		}
		if (k->refs[j].clears && !kz_kind_ref_of(k->kind, kz_field_find(k->fields, *k->nfields,
									       k->refs[j].clears))) {
			snprintf(why, whysz, "\"%s\" has no reference field %s", k->name, k->refs[j].clears);
			return false;
		}
	}
	for (size_t j = 0; k->login_fields[j]; j++)
		if (!has_field(k, k->login_fields[j])) {
			snprintf(why, whysz, "\"%s\" has no field %s", k->name, k->login_fields[j]);
			return false;
		}
	for (size_t j = 0; k->fixed_fields[j]; j++)
		if (!has_field(k, k->fixed_fields[j])) {
			snprintf(why, whysz, "\"%s\" has no field %s", k->name, k->fixed_fields[j]);
			return false;
		}
	if (k->parent_field && !has_field(k, k->parent_field)) {
		snprintf(why, whysz, "\"%s\" has no field %s", k->name, k->parent_field);
		return false;
	}
	return true;
}

bool kz_kinds_check(char *why, size_t whysz)
{
	for (size_t i = 0; i < KZ_KIND_COUNT; i++)
		if (!check_one(&kinds[i], i, why, whysz))
			return false;
	return true;
}

/* --- records of any kind ------------------------------------------------ */

static char **member_at(const void *rec, size_t offset)
{
	return (char **)((char *)rec + offset);
}

void *kz_record_new(enum kz_kind kind)
{
	return xcalloc(1, kz_kind_of(kind)->size);
}

void kz_record_free(enum kz_kind kind, void *rec)
{
	if (!rec)
		return;
	kz_kind_of(kind)->clear(rec);
	free(rec);
}

const char *kz_record_id(enum kz_kind kind, const void *rec)
{
	return (const char *)rec + kz_kind_of(kind)->id_offset;
}

const struct kz_stamp *kz_record_stamp(enum kz_kind kind, const void *rec)
{
	return (const struct kz_stamp *)((const char *)rec + kz_kind_of(kind)->stamp_offset);
}

void *kz_record_dup(enum kz_kind kind, const void *src)
{
	const struct kz_kind_info *k = kz_kind_of(kind);
	void *rec = xcalloc(1, k->size);

	memcpy((char *)rec + k->id_offset, (const char *)src + k->id_offset, KZ_ID_LEN + 1);
	kz_fields_copy(rec, src, k->fields, *k->nfields);
	kz_stamp_copy((struct kz_stamp *)((char *)rec + k->stamp_offset),
		      (const struct kz_stamp *)((const char *)src + k->stamp_offset));
	for (size_t i = 0; k->refs[i].field; i++)
		*member_at(rec, k->refs[i].name_offset) =
			xstrdup_or_null(*member_at(src, k->refs[i].name_offset));
	for (size_t i = 0; k->shown_offsets[i]; i++)
		*member_at(rec, k->shown_offsets[i]) =
			xstrdup_or_null(*member_at(src, k->shown_offsets[i]));
	return rec;
}

enum kz_status kz_record_save(struct kz_db *db, const struct kz_config *cfg,
			      enum kz_kind kind, void *rec, struct kz_error *err)
{
	return kz_kind_of(kind)->save(db, cfg, rec, err);
}

const struct kz_kind_ref *kz_kind_ref_of(enum kz_kind kind, const struct kz_field *f)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; f && k->refs[i].field; i++)
		if (strcmp(k->refs[i].field, f->name) == 0)
			return &k->refs[i];
	return NULL;
}

char **kz_record_ref_slot(const struct kz_kind_ref *ref, void *rec)
{
	return member_at(rec, ref->name_offset);
}

const char *kz_record_ref_name(enum kz_kind kind, const void *rec,
			       const struct kz_field *f)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; f && k->refs[i].field; i++)
		if (strcmp(k->refs[i].field, f->name) == 0)
			return *member_at(rec, k->refs[i].name_offset);
	return NULL;
}

const char *kz_record_title(enum kz_kind kind, const void *rec)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; k->title_fields[i]; i++) {
		const struct kz_field *f =
			kz_field_find(k->fields, *k->nfields, k->title_fields[i]);
		const char *v = *kz_field_slot((void *)rec, f);
		if (f->type == KZ_FT_REF)
			v = kz_record_ref_name(kind, rec, f);
		if (!kz_str_empty(v))
			return v;
	}
	return k->title_fallback ? _(k->title_fallback) : "";
}

bool kz_kind_field_is_fixed(enum kz_kind kind, const struct kz_field *f)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; f && k->fixed_fields[i]; i++)
		if (strcmp(k->fixed_fields[i], f->name) == 0)
			return true;
	return false;
}

bool kz_kind_field_is_login(enum kz_kind kind, const struct kz_field *f)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; f && k->login_fields[i]; i++)
		if (strcmp(k->login_fields[i], f->name) == 0)
			return true;
	return false;
}
