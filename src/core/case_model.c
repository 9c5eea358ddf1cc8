/* Field tables of cases and plans (see model.h for how they are used:
 * validation, forms, detail views, JSON). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

const char *const kz_case_statuses[] = { "new", "active", "review", "closed", NULL };
const char *const kz_legal_bases[] = { "consent", "statutory", NULL };
const char *const kz_plan_statuses[] = { "draft", "approved", "closed", NULL };
const char *const kz_goal_priorities[] = { "high", "medium", "low", NULL };
const char *const kz_goal_statuses[] = {
	"open", "achieved", "partly", "not_achieved", "dropped", NULL
};
const char *const kz_action_statuses[] = {
	"planned", "referred", "accepted", "declined", "in_progress", "done",
	"dropped", NULL
};

#define SHORT 300
#define LONG 8000
#define F(rec, field, label, type, max, req, vals) \
	{ #field, label, type, max, req, offsetof(struct rec, field), vals, KZ_VOCAB_NONE }
#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct kz_field kz_case_fields[] = {
	F(kz_case, code, N_("Case code"), KZ_FT_TEXT, 60, true, NULL),
	F(kz_case, status, N_("Status"), KZ_FT_ENUM, 20, true, kz_case_statuses),
	F(kz_case, manager, N_("Case manager"), KZ_FT_TEXT, 100, true, NULL),
	F(kz_case, legal_basis, N_("Legal basis"), KZ_FT_ENUM, 20, true, kz_legal_bases),
	F(kz_case, legal_basis_note, N_("Statutory duty"), KZ_FT_TEXT, SHORT, false, NULL),
	F(kz_case, consent_date, N_("Consent given on"), KZ_FT_DATE, 10, false, NULL),
	F(kz_case, consent_scope, N_("Scope of the consent"), KZ_FT_LONG, 2000, false, NULL),
	F(kz_case, opened_on, N_("Opened on"), KZ_FT_DATE, 10, true, NULL),
	F(kz_case, closed_on, N_("Closed on"), KZ_FT_DATE, 10, false, NULL),
	F(kz_case, notes, N_("Internal notes"), KZ_FT_LONG, LONG, false, NULL),
};
const size_t kz_case_nfields = N(kz_case_fields);

const struct kz_field kz_member_fields[] = {
	F(kz_member, case_id, N_("Case"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_member, role, N_("Role in the household"), KZ_FT_TEXT, 100, true, NULL),
	F(kz_member, birth_year, N_("Year of birth"), KZ_FT_TEXT, 4, false, NULL),
	F(kz_member, name, N_("Name (optional)"), KZ_FT_TEXT, 200, false, NULL),
	F(kz_member, notes, N_("Notes"), KZ_FT_LONG, 2000, false, NULL),
};
const size_t kz_member_nfields = N(kz_member_fields);

const struct kz_field kz_team_fields[] = {
	F(kz_team_member, case_id, N_("Case"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_team_member, contact_id, N_("Contact person"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_team_member, role, N_("Role in the case"), KZ_FT_TEXT, 200, true, NULL),
};
const size_t kz_team_nfields = N(kz_team_fields);

const struct kz_field kz_plan_fields[] = {
	F(kz_plan, case_id, N_("Case"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_plan, status, N_("Status"), KZ_FT_ENUM, 20, true, kz_plan_statuses),
	F(kz_plan, valid_from, N_("Valid from"), KZ_FT_DATE, 10, true, NULL),
	F(kz_plan, valid_to, N_("Valid to"), KZ_FT_DATE, 10, true, NULL),
	F(kz_plan, approved_by, N_("Approved by"), KZ_FT_TEXT, 100, false, NULL),
	F(kz_plan, approved_on, N_("Approved on"), KZ_FT_DATE, 10, false, NULL),
	F(kz_plan, closing_summary, N_("Closing summary"), KZ_FT_LONG, LONG, false, NULL),
};
const size_t kz_plan_nfields = N(kz_plan_fields);

const struct kz_field kz_diagnosis_fields[] = {
	{ "plan_id", N_("Plan"), KZ_FT_REF, KZ_ID_LEN, true,
	  offsetof(struct kz_diagnosis, plan_id), NULL, KZ_VOCAB_NONE },
	{ "need_area", N_("Need area"), KZ_FT_CODE, 100, true,
	  offsetof(struct kz_diagnosis, need_area), NULL, KZ_VOCAB_NEED_AREAS },
	F(kz_diagnosis, situation, N_("Situation"), KZ_FT_LONG, LONG, false, NULL),
	F(kz_diagnosis, needs, N_("Needs"), KZ_FT_LONG, LONG, false, NULL),
	F(kz_diagnosis, strengths, N_("Strengths and resources"), KZ_FT_LONG, LONG, false, NULL),
	F(kz_diagnosis, family_view, N_("The family's own view"), KZ_FT_LONG, LONG, false, NULL),
};
const size_t kz_diagnosis_nfields = N(kz_diagnosis_fields);

const struct kz_field kz_goal_fields[] = {
	F(kz_goal, plan_id, N_("Plan"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_goal, what, N_("Goal"), KZ_FT_LONG, 2000, true, NULL),
	F(kz_goal, indicator, N_("How we will know"), KZ_FT_LONG, 2000, false, NULL),
	F(kz_goal, target_date, N_("Target date"), KZ_FT_DATE, 10, true, NULL),
	F(kz_goal, priority, N_("Priority"), KZ_FT_ENUM, 20, true, kz_goal_priorities),
	F(kz_goal, status, N_("Status"), KZ_FT_ENUM, 20, true, kz_goal_statuses),
	{ "need_area", N_("Need area"), KZ_FT_CODE, 100, false,
	  offsetof(struct kz_goal, need_area), NULL, KZ_VOCAB_NEED_AREAS },
};
const size_t kz_goal_nfields = N(kz_goal_fields);

const struct kz_field kz_action_fields[] = {
	F(kz_action, plan_id, N_("Plan"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_action, goal_id, N_("For the goal"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_action, service_id, N_("Service from the basket"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_action, free_text, N_("Action (in words)"), KZ_FT_LONG, 2000, false, NULL),
	F(kz_action, partner_id, N_("Responsible partner"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_action, contact_id, N_("Responsible person"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_action, family_commitment, N_("The family's commitment"), KZ_FT_LONG, 2000, false, NULL),
	F(kz_action, referral_date, N_("Referred on"), KZ_FT_DATE, 10, false, NULL),
	F(kz_action, referred_by, N_("Referred by"), KZ_FT_TEXT, 100, false, NULL),
	F(kz_action, referral_answer, N_("Answer to the referral"), KZ_FT_TEXT, SHORT, false, NULL),
	F(kz_action, answer_date, N_("Answered on"), KZ_FT_DATE, 10, false, NULL),
	F(kz_action, start_date, N_("Start"), KZ_FT_DATE, 10, false, NULL),
	F(kz_action, due_date, N_("Due"), KZ_FT_DATE, 10, false, NULL),
	F(kz_action, status, N_("Status"), KZ_FT_ENUM, 20, true, kz_action_statuses),
};
const size_t kz_action_nfields = N(kz_action_fields);

const struct kz_field kz_review_fields[] = {
	F(kz_review, plan_id, N_("Plan"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_review, review_date, N_("Review date"), KZ_FT_DATE, 10, true, NULL),
	F(kz_review, participants, N_("Who took part"), KZ_FT_LONG, 2000, false, NULL),
	F(kz_review, notes, N_("Notes"), KZ_FT_LONG, LONG, false, NULL),
	F(kz_review, next_review_date, N_("Next review"), KZ_FT_DATE, 10, false, NULL),
};
const size_t kz_review_nfields = N(kz_review_fields);

const struct kz_field kz_progress_fields[] = {
	F(kz_progress, review_id, N_("Review"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_progress, goal_id, N_("Goal"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_progress, progress, N_("Progress"), KZ_FT_LONG, 2000, false, NULL),
	F(kz_progress, goal_status, N_("Goal status"), KZ_FT_ENUM, 20, false, kz_goal_statuses),
};
const size_t kz_progress_nfields = N(kz_progress_fields);

void kz_case_clear(struct kz_case *c)
{
	kz_record_clear(c, kz_case_fields, kz_case_nfields, &c->stamp, sizeof(*c));
}

void kz_member_clear(struct kz_member *m)
{
	kz_record_clear(m, kz_member_fields, kz_member_nfields, &m->stamp, sizeof(*m));
}

void kz_team_member_clear(struct kz_team_member *t)
{
	free(t->contact_name);
	free(t->partner_name);
	free(t->phone);
	kz_record_clear(t, kz_team_fields, kz_team_nfields, &t->stamp, sizeof(*t));
}

void kz_plan_clear(struct kz_plan *p)
{
	kz_record_clear(p, kz_plan_fields, kz_plan_nfields, &p->stamp, sizeof(*p));
}

void kz_diagnosis_clear(struct kz_diagnosis *d)
{
	kz_record_clear(d, kz_diagnosis_fields, kz_diagnosis_nfields, &d->stamp, sizeof(*d));
}

void kz_goal_clear(struct kz_goal *g)
{
	kz_record_clear(g, kz_goal_fields, kz_goal_nfields, &g->stamp, sizeof(*g));
}

void kz_action_clear(struct kz_action *a)
{
	free(a->service_title);
	free(a->partner_name);
	free(a->contact_name);
	kz_record_clear(a, kz_action_fields, kz_action_nfields, &a->stamp, sizeof(*a));
}

void kz_review_clear(struct kz_review *r)
{
	kz_record_clear(r, kz_review_fields, kz_review_nfields, &r->stamp, sizeof(*r));
}

void kz_progress_clear(struct kz_progress *p)
{
	kz_record_clear(p, kz_progress_fields, kz_progress_nfields, &p->stamp, sizeof(*p));
}
