/* Field tables of meetings, attendees, decisions and tasks (see model.h
 * for how they are used: validation, forms, detail views, JSON). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/i18n.h"
#include "koszyk/meetings.h"

const char *const kz_meeting_kinds[] = { "partnership", "case_team",
						"working_group", "training", NULL };
const char *const kz_task_statuses[] = { "open", "done", "dropped", NULL };
static const char *const attended_values[] = { "0", "1", NULL };

#define LONG 8000
#define F(rec, field, label, type, max, req, vals) \
	{ #field, label, type, max, req, offsetof(struct rec, field), vals, KZ_VOCAB_NONE }
#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct kz_field kz_meeting_fields[] = {
	F(kz_meeting, case_id, N_("Case"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_meeting, title, N_("Title"), KZ_FT_TEXT, 300, true, NULL),
	F(kz_meeting, date, N_("Date"), KZ_FT_DATE, 10, true, NULL),
	F(kz_meeting, time, N_("Time"), KZ_FT_TEXT, 5, false, NULL),
	/* After the date and time: a form starts at the title. */
	F(kz_meeting, kind, N_("Meeting of"), KZ_FT_ENUM, 20, true, kz_meeting_kinds),
	F(kz_meeting, host_id, N_("Host partner"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_meeting, chair_id, N_("Chair partner"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_meeting, place, N_("Place"), KZ_FT_TEXT, 300, false, NULL),
	F(kz_meeting, agenda, N_("Agenda"), KZ_FT_LONG, LONG, false, NULL),
	F(kz_meeting, minutes, N_("Minutes"), KZ_FT_LONG, 64000, false, NULL),
};
const size_t kz_meeting_nfields = N(kz_meeting_fields);

const struct kz_field kz_attendee_fields[] = {
	F(kz_attendee, meeting_id, N_("Meeting"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_attendee, contact_id, N_("Contact person"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_attendee, attended, N_("Attended"), KZ_FT_ENUM, 1, true, attended_values),
};
const size_t kz_attendee_nfields = N(kz_attendee_fields);

const struct kz_field kz_decision_fields[] = {
	F(kz_decision, meeting_id, N_("Meeting"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_decision, text, N_("Decision"), KZ_FT_LONG, LONG, true, NULL),
};
const size_t kz_decision_nfields = N(kz_decision_fields);

const struct kz_field kz_task_fields[] = {
	F(kz_task, meeting_id, N_("Meeting"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_task, case_id, N_("Case"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_task, title, N_("Task"), KZ_FT_TEXT, 500, true, NULL),
	F(kz_task, partner_id, N_("Owner partner"), KZ_FT_REF, KZ_ID_LEN, true, NULL),
	F(kz_task, contact_id, N_("Owner person"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
	F(kz_task, due_date, N_("Due"), KZ_FT_DATE, 10, false, NULL),
	F(kz_task, status, N_("Status"), KZ_FT_ENUM, 20, true, kz_task_statuses),
	F(kz_task, closed_on, N_("Closed on"), KZ_FT_DATE, 10, false, NULL),
	F(kz_task, closed_by, N_("Closed by"), KZ_FT_TEXT, 100, false, NULL),
	F(kz_task, notes, N_("Notes"), KZ_FT_LONG, LONG, false, NULL),
	F(kz_task, decision_id, N_("From decision"), KZ_FT_REF, KZ_ID_LEN, false, NULL),
};
const size_t kz_task_nfields = N(kz_task_fields);

void kz_meeting_clear(struct kz_meeting *m)
{
	free(m->host_name);
	free(m->case_code);
	free(m->chair_name);
	kz_record_clear(m, kz_meeting_fields, kz_meeting_nfields, &m->stamp, sizeof(*m));
}

void kz_attendee_clear(struct kz_attendee *a)
{
	free(a->contact_name);
	free(a->partner_name);
	kz_record_clear(a, kz_attendee_fields, kz_attendee_nfields, &a->stamp, sizeof(*a));
}

void kz_decision_clear(struct kz_decision *d)
{
	kz_record_clear(d, kz_decision_fields, kz_decision_nfields, &d->stamp, sizeof(*d));
}

void kz_task_clear(struct kz_task *t)
{
	free(t->partner_name);
	free(t->partner_short);
	free(t->contact_name);
	free(t->decision_text);
	kz_record_clear(t, kz_task_fields, kz_task_nfields, &t->stamp, sizeof(*t));
}
