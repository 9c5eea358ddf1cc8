/* Meetings of the partnership (PZK) and of case teams, their attendees
 * and decisions, and tasks: the data layer behind the meeting screens and
 * the commands meeting, task and list meetings|tasks. No curses here.
 *
 * Saving works like the basket's (see basket.h): an empty id inserts with
 * a new id, otherwise an update refused with KZ_CONFLICT when stamp.rev
 * is not the stored revision; every field is validated (KZ_INVALID, the
 * message names the field); one transaction and one audit entry each. */
#ifndef KOSZYK_MEETINGS_H
#define KOSZYK_MEETINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/basket.h"
#include "koszyk/db.h"
#include "koszyk/model.h"

struct kz_meeting {
	char id[KZ_ID_LEN + 1];
	char *kind;             /* partnership | case_team | working_group | training */
	char *case_id;          /* case_team: required */
	char *title;            /* e.g. Posiedzenie Partnerskiego Zespołu ... */
	char *date;             /* YYYY-MM-DD, required */
	char *time;             /* HH:MM */
	char *host_id;          /* the hosting partner */
	char *chair_id;         /* the partner chairing (shared chairing) */
	char *place;
	char *agenda;
	char *minutes;
	struct kz_stamp stamp;
	char *host_name;        /* read only */
	char *case_code;        /* read only */
	char *chair_name;       /* read only */
};

struct kz_attendee {
	char id[KZ_ID_LEN + 1];
	char *meeting_id;
	char *contact_id;       /* a contact person of the registry */
	char *attended;         /* "1" attended, "0" not (default) */
	struct kz_stamp stamp;
	char *contact_name;     /* read only */
	char *partner_name;     /* read only */
};

struct kz_decision {
	char id[KZ_ID_LEN + 1];
	char *meeting_id;
	char *text;
	struct kz_stamp stamp;
};

struct kz_task {
	char id[KZ_ID_LEN + 1];
	char *meeting_id;       /* optional */
	char *case_id;          /* optional */
	char *title;
	char *partner_id;       /* owner partner, required */
	char *contact_id;       /* owner person: a contact of that partner */
	char *due_date;
	char *status;           /* open | done | dropped */
	char *closed_on;        /* set on closing: today (kz_task_save) */
	char *closed_by;        /* set on closing: the current user */
	char *notes;
	char *decision_id;      /* the decision of its meeting it came from */
	struct kz_stamp stamp;
	char *partner_name;     /* read only */
	char *partner_short;    /* read only: its short name, or NULL */
	char *contact_name;     /* read only */
	char *decision_text;    /* read only */
};

extern const struct kz_field kz_meeting_fields[];
extern const size_t kz_meeting_nfields;
extern const struct kz_field kz_attendee_fields[];
extern const size_t kz_attendee_nfields;
extern const struct kz_field kz_decision_fields[];
extern const size_t kz_decision_nfields;
extern const struct kz_field kz_task_fields[];
extern const size_t kz_task_nfields;

extern const char *const kz_meeting_kinds[];   /* partnership, case_team,
                                                * working_group, training */
extern const char *const kz_task_statuses[];   /* open, done, dropped */

void kz_meeting_clear(struct kz_meeting *m);
void kz_attendee_clear(struct kz_attendee *a);
void kz_decision_clear(struct kz_decision *d);
void kz_task_clear(struct kz_task *t);

/* --- saving (src/db/meetings.c) ------------------------------------------ */

/* kind defaults to partnership; case_team needs case_id (an existing
 * case), partnership must not have one; date required; time HH:MM;
 * host_id an existing partner. */
enum kz_status kz_meeting_save(struct kz_db *db, struct kz_meeting *m,
			       struct kz_error *err);
/* The contact must exist ("... is not in the partner registry"); one row
 * per contact and meeting; attended "0"/"1" (default "0"). */
enum kz_status kz_attendee_save(struct kz_db *db, struct kz_attendee *a,
				struct kz_error *err);
/* Mark whether the attendee came. */
enum kz_status kz_attendee_mark(struct kz_db *db, const char *id,
				bool attended, struct kz_error *err);
enum kz_status kz_decision_save(struct kz_db *db, struct kz_decision *d,
				struct kz_error *err);
/* The owner partner must exist, the person must be a contact of that
 * partner; meeting and case, when given, must exist; the decision, when
 * given, is one of the task's meeting's; status defaults to
 * open. When a stored task's status becomes done or dropped, closed_on
 * (today) and closed_by (the current user) are recorded automatically,
 * whatever the record held; a new task saved already closed keeps the
 * closed_on it brings (recorded afterwards, demo), else gets today, and
 * closed_by defaults to the current user. Reopening (open) clears both. */
enum kz_status kz_task_save(struct kz_db *db, struct kz_task *t,
			    struct kz_error *err);
/* Close a task (status done or dropped); rev 0 = whatever is stored. */
enum kz_status kz_task_close(struct kz_db *db, const char *id,
			     const char *status, long rev,
			     struct kz_error *err);

/* Delete a meeting (with its attendees, decisions and tasks), an
 * attendee, a decision or a task. kind: "meeting", "attendee",
 * "decision", "task". */
enum kz_status kz_meeting_part_delete(struct kz_db *db, const char *kind,
				      const char *id, struct kz_error *err);

/* --- reading --------------------------------------------------------------- */

enum kz_status kz_meeting_get(struct kz_db *db, const char *id,
			      struct kz_meeting *out, struct kz_error *err);
enum kz_status kz_task_get(struct kz_db *db, const char *id,
			   struct kz_task *out, struct kz_error *err);

struct kz_meeting_full {
	struct kz_meeting meeting;
	struct kz_attendee *attendees; size_t nattendees;  /* by partner, name */
	struct kz_decision *decisions; size_t ndecisions;  /* in order written */
	struct kz_task *tasks; size_t ntasks;              /* by due date */
};
enum kz_status kz_meeting_load(struct kz_db *db, const char *id,
			       struct kz_meeting_full *out,
			       struct kz_error *err);
void kz_meeting_full_free(struct kz_meeting_full *m);

/* Meetings, newest first (date, time). case_id NULL: every meeting. */
struct kz_meetings { struct kz_meeting *v; size_t n; };
enum kz_status kz_meeting_list(struct kz_db *db, const char *case_id,
			       struct kz_meetings *out, struct kz_error *err);
void kz_meetings_free(struct kz_meetings *m);

/* Who should host the next partnership meeting, so that hosting rotates:
 * among the partners with status declared or informal (never left or
 * merely invited), the one whose last hosted partnership meeting is the
 * oldest, a partner that never hosted coming first; ties by name (folded).
 * KZ_NOT_FOUND when there is no such partner. */
enum kz_status kz_meeting_next_host(struct kz_db *db,
				    char id_out[KZ_ID_LEN + 1],
				    struct kz_error *err);

/* Who should chair the next partnership meeting (shared chairing, as the
 * seeds recommend): as kz_meeting_next_host, on the meetings' chairs;
 * host_id (the meeting's host, or NULL) comes last, so that the chair is
 * another partner when there is one. */
enum kz_status kz_meeting_next_chair(struct kz_db *db, const char *host_id,
				     char id_out[KZ_ID_LEN + 1],
				     struct kz_error *err);

/* Inviting many at once. The people to invite to a meeting: case_id NULL,
 * one contact person of every cooperating partner (declared or informal)
 * that has nobody on the list yet (the person it sent most lately, else
 * the first by name); else the case's team, those not on the list yet.
 * The meeting, and the case, must be ones the principal may see. */
struct kz_invitee {
	char contact_id[KZ_ID_LEN + 1];
	char *contact_name;
	char *partner_name;
};
struct kz_invitees { struct kz_invitee *v; size_t n; };
enum kz_status kz_meeting_invitees(struct kz_db *db, const char *meeting_id,
				   const char *case_id, struct kz_invitees *out,
				   struct kz_error *err);
void kz_invitees_free(struct kz_invitees *v);
/* Invite these contact persons, in one transaction: all or none. */
enum kz_status kz_meeting_invite(struct kz_db *db, const char *meeting_id,
				 const char *const *contact_ids, size_t n,
				 size_t *added, struct kz_error *err);

enum kz_task_view {
	KZ_TASKS_ALL,        /* open first by due date, then closed */
	KZ_TASKS_MINE,       /* open tasks whose person is the user (below) */
	KZ_TASKS_OVERDUE,    /* open and due_date before today */
	KZ_TASKS_BY_PARTNER, /* every task grouped by partner name, open first */
};
/* Tasks of a view. KZ_TASKS_MINE: the tasks whose contact person's name
 * equals user_name (the configured name of the current user, compared
 * with case and Polish letters folded); none when user_name is empty.
 * case_id/meeting_id restrict when not NULL. */
struct kz_tasks { struct kz_task *v; size_t n; };
/* How many open tasks the principal may see, and how many of them are
 * past due: counted, not read (the dashboard at every start). */
enum kz_status kz_task_counts(struct kz_db *db, long *open, long *overdue,
			      struct kz_error *err);
enum kz_status kz_task_list(struct kz_db *db, enum kz_task_view view,
			    const char *user_name, struct kz_tasks *out,
			    struct kz_error *err);
/* The open tasks of a partner (its tasks as owner partner) and/or of a
 * case (the case's own and those of its team's meetings), by due date
 * (none last); NULL restricts nothing. Tasks of a case the principal may
 * not see are left out, as in kz_task_list. */
enum kz_status kz_task_list_open(struct kz_db *db, const char *partner_id,
				 const char *case_id, struct kz_tasks *out,
				 struct kz_error *err);
void kz_tasks_free(struct kz_tasks *t);

#endif
