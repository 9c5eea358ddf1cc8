/* Cases (a person or a family) and their individual support plans: the
 * data layer behind the case manager's screens and the commands plan,
 * gdpr and list cases. Nothing here knows about curses.
 *
 * Every record is saved like the basket's (see basket.h): an empty id
 * inserts with a new id, otherwise an update that is refused with
 * KZ_CONFLICT when stamp.rev is not the stored revision; every field is
 * validated (KZ_INVALID, the message names the field); every change is one
 * transaction and one audit entry. Audit summaries never hold names or
 * other personal data: only field names and case codes. */
#ifndef KOSZYK_CASES_H
#define KOSZYK_CASES_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/model.h"

/* --- records ----------------------------------------------------------- */

struct kz_case {
	char id[KZ_ID_LEN + 1];
	char *code;             /* e.g. R/2026/014, unique */
	char *status;           /* new | active | review | closed */
	char *manager;          /* login of the case manager (config users) */
	char *legal_basis;      /* consent | statutory */
	char *legal_basis_note; /* statutory: which duty, e.g. "Niebieska Karta" */
	char *consent_date;     /* consent: YYYY-MM-DD */
	char *consent_scope;    /* consent: what was agreed to */
	char *opened_on;        /* YYYY-MM-DD */
	char *closed_on;        /* YYYY-MM-DD, with status closed */
	char *notes;            /* internal, never printed for the family */
	struct kz_stamp stamp;
};

/* A member of the household: the least data that serves. */
struct kz_member {
	char id[KZ_ID_LEN + 1];
	char *case_id;
	char *role;             /* e.g. matka, syn, babcia */
	char *birth_year;       /* YYYY */
	char *name;             /* optional; never shown in case lists */
	char *notes;
	struct kz_stamp stamp;
};

/* A contact person of a partner in the case's team. */
struct kz_team_member {
	char id[KZ_ID_LEN + 1];
	char *case_id;
	char *contact_id;
	char *role;             /* role in the case, e.g. asystent rodziny */
	struct kz_stamp stamp;
	char *contact_name;     /* read only */
	char *partner_name;     /* read only */
	char *phone;            /* read only */
};

struct kz_plan {
	char id[KZ_ID_LEN + 1];
	char *case_id;
	char *status;           /* draft | approved | closed */
	char *valid_from;       /* YYYY-MM-DD */
	char *valid_to;         /* at most plan_validity_months after valid_from */
	char *approved_by;      /* login */
	char *approved_on;
	char *closing_summary;  /* required when closed */
	struct kz_stamp stamp;
};

/* The diagnosis of one need area (a code of config need_areas). */
struct kz_diagnosis {
	char id[KZ_ID_LEN + 1];
	char *plan_id;
	char *need_area;
	char *situation;
	char *needs;
	char *strengths;        /* strengths and resources */
	char *family_view;      /* the family's own words */
	struct kz_stamp stamp;
};

struct kz_goal {
	char id[KZ_ID_LEN + 1];
	char *plan_id;
	char *need_area;        /* a code of config need_areas, or NULL */
	char *what;
	char *indicator;        /* how we will know */
	char *target_date;      /* required */
	char *priority;         /* high | medium | low */
	char *status;           /* open | achieved | partly | not_achieved | dropped */
	struct kz_stamp stamp;
};

struct kz_action {
	char id[KZ_ID_LEN + 1];
	char *plan_id;
	char *goal_id;          /* optional */
	char *service_id;       /* a basket service (not archived) ... */
	char *free_text;        /* ... or free text; one of them is required */
	char *partner_id;       /* responsible partner */
	char *contact_id;       /* responsible person (a contact of the partner) */
	char *family_commitment;
	char *referral_date;    /* a referral: when, */
	char *referred_by;      /* by whom (login), to partner_id/contact_id, */
	char *referral_answer;  /* the answer in words, */
	char *answer_date;      /* and when it came */
	char *start_date;
	char *due_date;
	char *status;           /* planned | referred | accepted | declined |
				   in_progress | done | dropped */
	struct kz_stamp stamp;
	char *service_title;    /* read only */
	char *partner_name;     /* read only */
	char *contact_name;     /* read only */
};

struct kz_review {
	char id[KZ_ID_LEN + 1];
	char *plan_id;
	char *review_date;      /* not before the plan's valid_from */
	char *participants;
	char *notes;
	char *next_review_date;
	struct kz_stamp stamp;
};

/* Progress of one goal at one review. */
struct kz_progress {
	char id[KZ_ID_LEN + 1];
	char *review_id;
	char *goal_id;
	char *progress;         /* in words */
	char *goal_status;      /* the goal's status as judged at the review */
	struct kz_stamp stamp;
};

extern const struct kz_field kz_case_fields[];
extern const size_t kz_case_nfields;
extern const struct kz_field kz_member_fields[];
extern const size_t kz_member_nfields;
extern const struct kz_field kz_team_fields[];
extern const size_t kz_team_nfields;
extern const struct kz_field kz_plan_fields[];
extern const size_t kz_plan_nfields;
extern const struct kz_field kz_diagnosis_fields[];
extern const size_t kz_diagnosis_nfields;
extern const struct kz_field kz_goal_fields[];
extern const size_t kz_goal_nfields;
extern const struct kz_field kz_action_fields[];
extern const size_t kz_action_nfields;
extern const struct kz_field kz_review_fields[];
extern const size_t kz_review_nfields;
extern const struct kz_field kz_progress_fields[];
extern const size_t kz_progress_nfields;

extern const char *const kz_case_statuses[];
extern const char *const kz_legal_bases[];
extern const char *const kz_plan_statuses[];
extern const char *const kz_goal_priorities[];
extern const char *const kz_goal_statuses[];
extern const char *const kz_action_statuses[];

void kz_case_clear(struct kz_case *c);
void kz_member_clear(struct kz_member *m);
void kz_team_member_clear(struct kz_team_member *t);
void kz_plan_clear(struct kz_plan *p);
void kz_diagnosis_clear(struct kz_diagnosis *d);
void kz_goal_clear(struct kz_goal *g);
void kz_action_clear(struct kz_action *a);
void kz_review_clear(struct kz_review *r);
void kz_progress_clear(struct kz_progress *p);

/* --- cases (src/db/cases.c) --------------------------------------------- */

/* The next free code for the configured format ({year}, {seq}, {seq:03})
 * in the year of today, e.g. R/2026/015. */
enum kz_status kz_case_next_code(struct kz_db *db, const struct kz_config *cfg,
				 char **code_out, struct kz_error *err);

/* Save a case. A new case without a code gets the next code; opened_on
 * defaults to today and status to "new". Checks: the code is unique; the
 * manager is a configured user (when cfg lists users); consent needs
 * consent_date and consent_scope, statutory needs legal_basis_note;
 * closed needs closed_on, not before opened_on. */
enum kz_status kz_case_save(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_case *c, struct kz_error *err);
enum kz_status kz_case_get(struct kz_db *db, const char *id,
			   struct kz_case *out, struct kz_error *err);
/* Does the case's legal basis ask for this field? Consent asks for
 * consent_date and consent_scope, a statutory basis for legal_basis_note;
 * every other field is asked. The form shows only these. */
bool kz_case_field_needed(const struct kz_case *c, const char *field);
/* By code (exact, else ignoring case): KZ_INVALID with "There is no case
 * R/2026/999." when unknown, so that the command line exits 2 (bad input);
 * kz_case_export_json and kz_case_erase answer the same. */
enum kz_status kz_case_find(struct kz_db *db, const char *code,
			    struct kz_case *out, struct kz_error *err);

enum kz_status kz_member_save(struct kz_db *db, struct kz_member *m,
			      struct kz_error *err);
enum kz_status kz_member_delete(struct kz_db *db, const char *id,
				struct kz_error *err);
enum kz_status kz_team_save(struct kz_db *db, struct kz_team_member *t,
			    struct kz_error *err);
enum kz_status kz_team_delete(struct kz_db *db, const char *id,
			      struct kz_error *err);

struct kz_members { struct kz_member *v; size_t n; };
struct kz_team { struct kz_team_member *v; size_t n; };
enum kz_status kz_members_of(struct kz_db *db, const char *case_id,
			     struct kz_members *out, struct kz_error *err);
enum kz_status kz_team_of(struct kz_db *db, const char *case_id,
			  struct kz_team *out, struct kz_error *err);
void kz_members_free(struct kz_members *m);
void kz_team_free(struct kz_team *t);

/* Case list rows (struct kz_row of basket.h, its case_ columns): title
 * = code, status, manager (login), opened_on, closed_on. No names. manager NULL = every case; query matches the code. */
enum kz_status kz_case_list(struct kz_db *db, const char *manager,
			    const char *query, struct kz_rows *out,
			    struct kz_error *err);

/* Closed cases whose closed_on is more than years before today (rows as
 * kz_case_list). */
enum kz_status kz_case_retention(struct kz_db *db, int years,
				 struct kz_rows *out, struct kz_error *err);

/* Everything held about one case as one JSON object (the case, household,
 * team, every plan with diagnosis, goals, actions, reviews, progress and
 * versions, and the case's audit trail). The export is a reading of the
 * family's file: it adds an audit entry. */
enum kz_status kz_case_export_json(struct kz_db *db, const char *code,
				   struct kz_buf *out, struct kz_error *err);

/* Remove the case and everything of it from every table and the search
 * index; blank out the details of its audit entries (they keep their
 * place in the hash chain, see audit.h); leave one audit entry "erase"
 * naming only the code, and a tombstone (erased ids) so that sync can
 * never bring it back. One transaction. */
enum kz_status kz_case_erase(struct kz_db *db, const char *code,
			     struct kz_error *err);

/* --- plans (src/db/plans.c) ---------------------------------------------- */

/* Save a plan: valid_from defaults to today, valid_to to valid_from plus
 * the configured plan_validity_months and may not be later; approved
 * needs approved_by and approved_on; closed needs closing_summary. A new
 * version is kept (kz_plan_versions) when the status changes to approved
 * or closed. */
enum kz_status kz_plan_save(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_plan *p, struct kz_error *err);
/* The rules of a new plan, the one place they are decided (a form shows
 * them before saving, kz_plan_save applies them): an empty status is
 * draft, an empty valid_from today, an empty valid_to valid_from plus
 * kz_plan_validity_months. */
void kz_plan_defaults(const struct kz_config *cfg, struct kz_plan *p);
/* How long a plan may be valid: the configuration's plan_validity_months,
 * 12 when it says nothing. */
int kz_plan_validity_months(const struct kz_config *cfg);
enum kz_status kz_plan_get(struct kz_db *db, const char *id,
			   struct kz_plan *out, struct kz_error *err);
/* The case's current plan: the newest that is not closed, else the
 * newest; KZ_NOT_FOUND when the case has none. */
enum kz_status kz_plan_current(struct kz_db *db, const char *case_id,
			       struct kz_plan *out, struct kz_error *err);

/* need_area must be a configured need area (cfg may be NULL: no check);
 * one diagnosis per need area and plan. */
enum kz_status kz_diagnosis_save(struct kz_db *db, const struct kz_config *cfg,
				 struct kz_diagnosis *d, struct kz_error *err);
/* A goal needs what and target_date; its need area, when given, is one of
 * cfg's (not checked with a NULL cfg). */
enum kz_status kz_goal_save(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_goal *g, struct kz_error *err);
/* An action needs a service (active or suspended, never archived) or free
 * text; the contact belongs to the partner; when service_id is given and
 * partner_id is empty the service's provider becomes the partner; due
 * not before start. */
enum kz_status kz_action_save(struct kz_db *db, struct kz_action *a,
			      struct kz_error *err);
/* A review may not be dated before the plan's valid_from; saving a new
 * review keeps a new version of the plan (kz_review_record without
 * progress). */
enum kz_status kz_review_save(struct kz_db *db, struct kz_review *r,
			      struct kz_error *err);
/* Record a review with the progress of its goals in one transaction: the
 * review (new or changed), each progress (its review_id is set to the
 * review), and for a new review the version of the plan kept at it, which
 * so holds the review's progress (its number in *version_out when not
 * NULL). Any refusal stores nothing and leaves new records without ids. */
enum kz_status kz_review_record(struct kz_db *db, struct kz_review *r,
				struct kz_progress *progress, size_t n,
				int *version_out, struct kz_error *err);
enum kz_status kz_progress_save(struct kz_db *db, struct kz_progress *p,
				struct kz_error *err);
/* The checks of kz_review_record before anything is stored, for a form
 * that gathers a review and its progress first: the review's, and a
 * progress's for a goal of the plan (its review may not exist yet). */
enum kz_status kz_review_check(struct kz_db *db, struct kz_review *r,
			       struct kz_error *err);
enum kz_status kz_progress_check(struct kz_db *db, const char *plan_id,
				 const struct kz_progress *p, struct kz_error *err);

/* Delete one part of a plan (kind: "diagnosis", "goal", "action",
 * "review"); a goal's actions keep going without the goal. */
enum kz_status kz_plan_part_delete(struct kz_db *db, const char *kind,
				   const char *id, struct kz_error *err);

/* The whole plan, read at once, in display order (diagnosis by the
 * configured order of need areas, goals by priority then target date,
 * actions by due date, reviews by date). */
struct kz_plan_full {
	struct kz_case kase;
	struct kz_plan plan;
	struct kz_diagnosis *diagnoses; size_t ndiagnoses;
	struct kz_goal *goals; size_t ngoals;
	struct kz_action *actions; size_t nactions;
	struct kz_review *reviews; size_t nreviews;
	struct kz_progress *progress; size_t nprogress;
};
enum kz_status kz_plan_load(struct kz_db *db, const struct kz_config *cfg,
			    const char *plan_id, struct kz_plan_full *out,
			    struct kz_error *err);
void kz_plan_full_free(struct kz_plan_full *p);

/* Versions: a version is the plan as canonical text at one moment
 * (kz_plan_text). kz_plan_keep_version stores the current state as the
 * next version (1, 2, ...) with a note. */
enum kz_status kz_plan_keep_version(struct kz_db *db, const struct kz_config *cfg,
				    const char *plan_id, const char *note,
				    int *version_out, struct kz_error *err);
struct kz_plan_version {
	int version;
	char *created_at;
	char *created_by;
	char *note;
};
struct kz_plan_versions { struct kz_plan_version *v; size_t n; };
enum kz_status kz_plan_versions(struct kz_db *db, const char *plan_id,
				struct kz_plan_versions *out,
				struct kz_error *err);
void kz_plan_versions_free(struct kz_plan_versions *v);
/* The canonical text of the current plan (stable order, one fact a line,
 * no timestamps), used for versions and their differences. */
enum kz_status kz_plan_text(struct kz_db *db, const struct kz_config *cfg,
			    const char *plan_id, struct kz_buf *out,
			    struct kz_error *err);
/* What changed from version a to version b (0 = the current state): lines
 * starting "- " (removed) and "+ " (added), in plan order; empty when
 * nothing changed. */
enum kz_status kz_plan_diff(struct kz_db *db, const struct kz_config *cfg,
			    const char *plan_id, int a, int b,
			    struct kz_buf *out, struct kz_error *err);

/* --- what needs attention (src/db/plans.c) --------------------------------- */

enum kz_attention_kind {
	KZ_ATT_OVERDUE_ACTION,  /* due_date before today, not done/dropped/declined */
	KZ_ATT_REVIEW_DUE,      /* next_review_date of the newest review within
				   7 days from today, or past */
	KZ_ATT_PLAN_EXPIRING,   /* valid_to within 30 days, or past, not closed */
	KZ_ATT_NO_PLAN,         /* an open case without a plan */
};

struct kz_attention {
	enum kz_attention_kind kind;
	char case_code[64];
	char case_id[KZ_ID_LEN + 1];
	char ref_id[KZ_ID_LEN + 1]; /* the action, review or plan */
	char *title;                /* what: the action's service or text, ... */
	char date[11];              /* the date that matters */
};
struct kz_attentions { struct kz_attention *v; size_t n; };

/* For the cases of manager (NULL: every case), oldest date first. */
enum kz_status kz_attention_list(struct kz_db *db, const char *manager,
				 struct kz_attentions *out,
				 struct kz_error *err);
void kz_attentions_free(struct kz_attentions *a);

#endif
