/* Individual support plans: the plan, its diagnosis, goals, actions,
 * reviews and progress; versions of the plan as canonical text and their
 * differences; what needs a case manager's attention. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/cases.h"
#include "koszyk/collate.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"
#include "records.h"


#define PLANS KZ_KIND_PLAN
#define DIAGNOSES KZ_KIND_DIAGNOSIS
#define GOALS KZ_KIND_GOAL
#define ACTIONS KZ_KIND_ACTION
#define REVIEWS KZ_KIND_REVIEW
#define PROGRESS KZ_KIND_PROGRESS

#define DEFAULT_VALIDITY_MONTHS 12

/* --- small helpers ------------------------------------------------------------ */

static bool row_exists(struct kz_db *db, const char *sql, const char *arg)
{
	char *v = kz_query_text(db, sql, arg);
	bool ok = v != NULL;

	free(v);
	return ok;
}

/* Empty or only white space (long texts are stored untrimmed). */
static bool blank(const char *s)
{
	return !s || s[strspn(s, " \t\r\n")] == '\0';
}

static bool str_in(const char *s, const char *a, const char *b)
{
	return s && ((a && strcmp(s, a) == 0) || (b && strcmp(s, b) == 0));
}

/* Run a write statement with one or two text parameters. */
static enum kz_status exec2(struct kz_db *db, const char *sql, const char *a,
			    const char *b, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, a);
	if (b)
		kz_bind_text(st, 2, b);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "plans");
}

static enum kz_status finish(struct kz_db *db, enum kz_status st, struct kz_error *err)
{
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}

/* --- plans ----------------------------------------------------------------------- */

int kz_plan_validity_months(const struct kz_config *cfg)
{
	return cfg && cfg->plan_validity_months > 0 ? cfg->plan_validity_months
						    : DEFAULT_VALIDITY_MONTHS;
}

void kz_plan_defaults(const struct kz_config *cfg, struct kz_plan *p)
{
	char today[11], limit[11];

	if (kz_str_empty(p->status))
		kz_str_set(&p->status, "draft");
	if (kz_str_empty(p->valid_from)) {
		kz_today(today);
		kz_str_set(&p->valid_from, today);
	}
	/* The end is counted from the start however it was written. */
	if (p->valid_from && kz_date_parse(kz_trim(p->valid_from), today))
		kz_str_set(&p->valid_from, today);
	if (kz_str_empty(p->valid_to) && kz_date_valid(p->valid_from)) {
		kz_date_add_months(p->valid_from, kz_plan_validity_months(cfg), limit);
		kz_str_set(&p->valid_to, limit);
	}
}

static enum kz_status check_plan(struct kz_db *db, const struct kz_config *cfg,
				 struct kz_plan *p, struct kz_error *err)
{
	int months = kz_plan_validity_months(cfg);
	char limit[11];
	enum kz_status st;

	kz_plan_defaults(cfg, p);
	st = kz_record_validate(PLANS, p, err);
	if (st != KZ_OK)
		return st;
	if (!row_exists(db, "SELECT id FROM cases WHERE id = ?1", p->case_id))
		return kz_fail_field(err, KZ_INVALID, "case_id", _("Case: there is no such case."));
	if (strcmp(p->valid_to, p->valid_from) < 0)
		return kz_fail_field(err, KZ_INVALID, "valid_to",
			       _("Valid to: the plan ends (%s) before it starts (%s)."),
			       p->valid_to, p->valid_from);
	kz_date_add_months(p->valid_from, months, limit);
	if (strcmp(p->valid_to, limit) > 0)
		return kz_fail_field(err, KZ_INVALID, "valid_to",
			       _("Valid to: a plan is made for at most %d months; a plan starting on %s can be valid until %s at the latest."),
			       months, p->valid_from, limit);
	if (strcmp(p->status, "approved") == 0 &&
	    (kz_str_empty(p->approved_by) || kz_str_empty(p->approved_on)))
		return kz_fail_field(err, KZ_INVALID,
				     kz_str_empty(p->approved_by) ? "approved_by" : "approved_on",
				     _("Approved: an approved plan needs who approved it and when (YYYY-MM-DD)."));
	if (strcmp(p->status, "closed") == 0 && kz_str_empty(p->closing_summary))
		return kz_fail_field(err, KZ_INVALID, "closing_summary",
			       _("Closing summary: a closed plan needs a closing summary: what was achieved and what was not."));
	return KZ_OK;
}

static enum kz_status keep_version(struct kz_db *db, const struct kz_config *cfg,
				   const char *plan_id, const char *note,
				   int *version_out, struct kz_error *err);

/* A case becomes active when its first plan is approved: a new case
 * whose plan is approved now is active (one in review or closed keeps
 * its status). */
static enum kz_status activate_case(struct kz_db *db, const struct kz_config *cfg,
				    const char *case_id, struct kz_error *err)
{
	struct kz_case c = { 0 };
	enum kz_status st = kz_case_get(db, case_id, &c, err);

	if (st == KZ_OK && kz_str_eq(c.status, "new")) {
		kz_str_set(&c.status, "active");
		st = kz_case_save(db, cfg, &c, err);
	}
	kz_case_clear(&c);
	return st;
}

enum kz_status kz_plan_save(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_plan *p, struct kz_error *err)
{
	enum kz_status st = check_plan(db, cfg, p, err);
	bool insert = !*p->id;
	bool keep = false;

	if (st != KZ_OK)
		return st;
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	if (insert) {
		char *code = kz_query_text(db, "SELECT code FROM cases WHERE id = ?1", p->case_id);
		st = kz_record_insert(db, PLANS, p, code ? code : "plan", err);
		free(code);
		keep = str_in(p->status, "approved", "closed");
	} else {
		struct kz_plan stored = { 0 };
		st = kz_record_update(db, PLANS, p, &stored, err);
		keep = str_in(p->status, "approved", "closed") &&
		       !kz_str_eq(stored.status, p->status);
		kz_plan_clear(&stored);
	}
	if (st == KZ_OK && keep)
		st = keep_version(db, cfg, p->id,
				  strcmp(p->status, "approved") == 0 ? "approved" : "closed",
				  NULL, err);
	if (st == KZ_OK && keep && strcmp(p->status, "approved") == 0)
		st = activate_case(db, cfg, p->case_id, err);
	if (st != KZ_OK && insert)
		p->id[0] = '\0';
	return finish(db, st, err);
}

enum kz_status kz_plan_get(struct kz_db *db, const char *id,
			   struct kz_plan *out, struct kz_error *err)
{
	return kz_record_load(db, PLANS, id, out, err);
}

enum kz_status kz_plan_current(struct kz_db *db, const char *case_id,
			       struct kz_plan *out, struct kz_error *err)
{
	char *id = kz_query_text(db,
		"SELECT id FROM plans WHERE case_id = ?1"
		" ORDER BY status = 'closed', valid_from DESC, created_at DESC, rowid DESC"
		" LIMIT 1", case_id);
	enum kz_status st;

	if (!id)
		return kz_fail(err, KZ_NOT_FOUND, _("This case has no plan yet."));
	st = kz_plan_get(db, id, out, err);
	free(id);
	return st;
}

/* --- parts of a plan ----------------------------------------------------------- */

static enum kz_status need_plan(struct kz_db *db, const char *plan_id,
				struct kz_error *err)
{
	if (!row_exists(db, "SELECT id FROM plans WHERE id = ?1", plan_id))
		return kz_fail_field(err, KZ_INVALID, "plan_id", _("Plan: there is no such plan."));
	return KZ_OK;
}


/* A need area is one of the configuration's (any, without one). */
static enum kz_status need_area_known(const struct kz_config *cfg,
				      const char *area, struct kz_error *err)
{
	bool known = false;

	if (!cfg || !cfg->need_areas.n || kz_str_empty(area))
		return KZ_OK;
	for (size_t i = 0; i < cfg->need_areas.n && !known; i++)
		known = strcmp(cfg->need_areas.v[i].code, area) == 0;
	if (!known)
		return kz_fail_field(err, KZ_INVALID, "need_area",
			       _("Need area: \"%s\" is not one of the need areas of the configuration."),
			       area);
	return KZ_OK;
}

enum kz_status kz_diagnosis_save(struct kz_db *db, const struct kz_config *cfg,
				 struct kz_diagnosis *d, struct kz_error *err)
{
	enum kz_status st = kz_record_validate(DIAGNOSES, d, err);

	if (st != KZ_OK)
		return st;
	st = need_plan(db, d->plan_id, err);
	if (st != KZ_OK)
		return st;
	st = need_area_known(cfg, d->need_area, err);
	if (st != KZ_OK)
		return st;
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT 1 FROM diagnoses WHERE plan_id = ?1 AND need_area = ?2"
		" AND id <> ?3", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, d->plan_id);
	kz_bind_text(q, 2, d->need_area);
	sqlite3_bind_text(q, 3, d->id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return kz_fail_field(err, KZ_INVALID, "need_area",
			       _("Need area: this plan already has a diagnosis of \"%s\"; open that one and add to it."),
			       cfg ? kz_items_label(&cfg->need_areas, d->need_area) : d->need_area);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "diagnoses");
	if (!*d->id)
		return kz_record_insert(db, DIAGNOSES, d, "diagnosis", err);
	struct kz_diagnosis stored = { 0 };
	st = kz_record_update(db, DIAGNOSES, d, &stored, err);
	kz_diagnosis_clear(&stored);
	return st;
}

enum kz_status kz_goal_save(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_goal *g, struct kz_error *err)
{
	enum kz_status st;

	if (kz_str_empty(g->priority))
		kz_str_set(&g->priority, "medium");
	if (kz_str_empty(g->status))
		kz_str_set(&g->status, "open");
	if (g->target_date)
		kz_trim(g->target_date);
	if (kz_str_empty(g->target_date))
		return kz_fail_field(err, KZ_INVALID, "target_date",
			       _("Target date: a goal needs a target date (YYYY-MM-DD): by when do we want to get there?"));
	if (blank(g->what))
		return kz_fail_field(err, KZ_INVALID, "what",
				     _("Goal: write what the family wants to achieve."));
	st = kz_record_validate(GOALS, g, err);
	if (st == KZ_OK)
		st = need_area_known(cfg, g->need_area, err);
	if (st != KZ_OK)
		return st;
	st = need_plan(db, g->plan_id, err);
	if (st != KZ_OK)
		return st;
	if (!*g->id)
		return kz_record_insert(db, GOALS, g, "goal", err);
	struct kz_goal stored = { 0 };
	st = kz_record_update(db, GOALS, g, &stored, err);
	kz_goal_clear(&stored);
	return st;
}

static void fill_action_names(struct kz_db *db, struct kz_action *a)
{
	free(a->service_title);
	a->service_title = a->service_id
		? kz_query_text(db, "SELECT title FROM services WHERE id = ?1", a->service_id)
		: NULL;
	free(a->partner_name);
	a->partner_name = a->partner_id
		? kz_query_text(db, "SELECT name FROM partners WHERE id = ?1", a->partner_id)
		: NULL;
	free(a->contact_name);
	a->contact_name = a->contact_id
		? kz_query_text(db, "SELECT name FROM contacts WHERE id = ?1", a->contact_id)
		: NULL;
}

static enum kz_status check_action(struct kz_db *db, struct kz_action *a,
				   const struct kz_action *stored,
				   struct kz_error *err)
{
	enum kz_status st;

	if (kz_str_empty(a->status))
		kz_str_set(&a->status, "planned");
	st = kz_record_validate(ACTIONS, a, err);
	if (st != KZ_OK)
		return st;
	st = need_plan(db, a->plan_id, err);
	if (st != KZ_OK)
		return st;
	if (a->goal_id) {
		char *plan = kz_query_text(db, "SELECT plan_id FROM goals WHERE id = ?1", a->goal_id);
		bool ok = plan && strcmp(plan, a->plan_id) == 0;
		free(plan);
		if (!ok)
			return kz_fail_field(err, KZ_INVALID, "goal_id",
					     _("For the goal: there is no such goal in this plan."));
	}
	if (!a->service_id && blank(a->free_text))
		return kz_fail_field(err, KZ_INVALID, "free_text",
			       _("Action: choose a service from the basket or describe the action in words."));
	if (a->service_id) {
		sqlite3_stmt *q = kz_db_stmt(db,
			"SELECT status, provider_id, title, contact_id FROM services WHERE id = ?1", err);
		char *status = NULL, *provider = NULL, *title = NULL, *contact = NULL;
		int rc;

		if (!q)
			return err ? err->status : KZ_ENV;
		kz_bind_text(q, 1, a->service_id);
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			status = kz_column_dup(q, 0);
			provider = kz_column_dup(q, 1);
			title = kz_column_dup(q, 2);
			contact = kz_column_dup(q, 3);
		}
		sqlite3_reset(q);
		if (rc != SQLITE_ROW) {
			if (rc != SQLITE_DONE)
				return kz_db_fail(db, rc, err, "services");
			return kz_fail_field(err, KZ_INVALID, "service_id",
				       _("Service from the basket: there is no such service."));
		}
		/* An action keeps a service archived after it was chosen. */
		bool unchanged = stored && kz_str_eq(stored->service_id, a->service_id);
		if (status && strcmp(status, "archived") == 0 && !unchanged)
			st = kz_fail_field(err, KZ_INVALID, "service_id",
				     _("Service from the basket: the service \"%s\" is archived and can no longer be chosen; pick another one or describe the action in words."),
				     title ? title : "");
		else if (!a->partner_id) {
			/* The service's provider is responsible by default. */
			a->partner_id = provider;
			provider = NULL;
		}
		/* and its contact person, for a service chosen now (provider
		 * is NULL when it was taken as the responsible partner) */
		bool by_provider = !provider || kz_str_eq(a->partner_id, provider);
		if (st == KZ_OK && !unchanged && !a->contact_id && contact && by_provider &&
		    row_exists(db, "SELECT id FROM contacts WHERE id = ?1", contact)) {
			a->contact_id = contact;
			contact = NULL;
		}
		free(status);
		free(provider);
		free(title);
		free(contact);
		if (st != KZ_OK)
			return st;
	}
	if (a->partner_id && !row_exists(db, "SELECT id FROM partners WHERE id = ?1", a->partner_id))
		return kz_fail_field(err, KZ_INVALID, "partner_id",
				     _("Responsible partner: there is no such partner."));
	if (a->contact_id) {
		char *owner = kz_query_text(db, "SELECT partner_id FROM contacts WHERE id = ?1",
					 a->contact_id);
		if (!owner)
			return kz_fail_field(err, KZ_INVALID, "contact_id",
					     _("Responsible person: there is no such person."));
		if (!a->partner_id) {
			a->partner_id = owner;
		} else {
			bool ok = strcmp(owner, a->partner_id) == 0;
			free(owner);
			if (!ok)
				return kz_fail_field(err, KZ_INVALID, "contact_id",
					       _("Responsible person: this person is not a contact of the responsible partner; choose one of the partner's contact persons."));
		}
	}
	if (a->start_date && a->due_date && strcmp(a->due_date, a->start_date) < 0)
		return kz_fail_field(err, KZ_INVALID, "due_date",
			       _("Due: the due date %s is before the start date %s."),
			       a->due_date, a->start_date);
	/* A referral: who referred and when. */
	if (strcmp(a->status, "referred") == 0 &&
	    !(stored && kz_str_eq(stored->status, "referred")) && !a->referral_date) {
		char today[11];
		kz_today(today);
		kz_str_set(&a->referral_date, today);
		kz_str_set(&a->referred_by, kz_db_user(db));
	}
	/* Who referred: the person who records the referral, unless told. */
	if (a->referral_date && kz_str_empty(a->referred_by))
		kz_str_set(&a->referred_by, kz_db_user(db));
	if (a->referral_date && a->answer_date && strcmp(a->answer_date, a->referral_date) < 0)
		return kz_fail_field(err, KZ_INVALID, "answer_date",
			       _("Answered on: the answer (%s) is dated before the referral (%s)."),
			       a->answer_date, a->referral_date);
	return KZ_OK;
}

enum kz_status kz_action_save(struct kz_db *db, struct kz_action *a,
			      struct kz_error *err)
{
	struct kz_action old = { 0 };
	bool update = *a->id != '\0';
	enum kz_status st = KZ_OK;

	if (update) {
		st = kz_record_load(db, ACTIONS, a->id, &old, err);
		if (st != KZ_OK) {
			kz_action_clear(&old);
			return st;
		}
	}
	st = check_action(db, a, update ? &old : NULL, err);
	kz_action_clear(&old);
	if (st != KZ_OK)
		return st;
	if (!update) {
		st = kz_record_insert(db, ACTIONS, a, "action", err);
	} else {
		struct kz_action stored = { 0 };
		st = kz_record_update(db, ACTIONS, a, &stored, err);
		kz_action_clear(&stored);
	}
	if (st == KZ_OK)
		fill_action_names(db, a);
	return st;
}

enum kz_status kz_review_check(struct kz_db *db, struct kz_review *r,
				   struct kz_error *err)
{
	enum kz_status st = kz_record_validate(REVIEWS, r, err);
	char *from;

	if (st != KZ_OK)
		return st;
	from = kz_query_text(db, "SELECT valid_from FROM plans WHERE id = ?1", r->plan_id);
	if (!from)
		return kz_fail_field(err, KZ_INVALID, "plan_id", _("Plan: there is no such plan."));
	if (strcmp(r->review_date, from) < 0) {
		st = kz_fail_field(err, KZ_INVALID, "review_date",
			     _("Review date: the review is dated before the plan starts (%s)."), from);
		free(from);
		return st;
	}
	free(from);
	if (r->next_review_date && strcmp(r->next_review_date, r->review_date) <= 0)
		return kz_fail_field(err, KZ_INVALID, "next_review_date",
			       _("Next review: the next review must come after this review (%s)."),
			       r->review_date);
	return KZ_OK;
}

/* Store the review (new or changed) and its progress, each progress of
 * this review; inside the caller's transaction. */
static enum kz_status store_review(struct kz_db *db, struct kz_review *r,
				   struct kz_progress *progress, size_t n,
				   struct kz_error *err)
{
	enum kz_status st;

	if (!*r->id) {
		st = kz_record_insert(db, REVIEWS, r, "review", err);
	} else {
		struct kz_review stored = { 0 };
		st = kz_record_update(db, REVIEWS, r, &stored, err);
		kz_review_clear(&stored);
	}
	for (size_t i = 0; i < n && st == KZ_OK; i++) {
		kz_str_set(&progress[i].review_id, r->id);
		st = kz_progress_save(db, &progress[i], err);
	}
	return st;
}

enum kz_status kz_review_record(struct kz_db *db, struct kz_review *r,
				struct kz_progress *progress, size_t n,
				int *version_out, struct kz_error *err)
{
	enum kz_status st = kz_review_check(db, r, err);
	bool insert = !*r->id;
	bool *new_progress;

	if (st != KZ_OK)
		return st;
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	new_progress = xcalloc(n + 1, sizeof(*new_progress));
	for (size_t i = 0; i < n; i++)
		new_progress[i] = !*progress[i].id;
	st = store_review(db, r, progress, n, err);
	/* The version is kept last: it holds the review and its progress. */
	if (st == KZ_OK && insert)
		st = keep_version(db, NULL, r->plan_id, "review", version_out, err);
	if (st != KZ_OK) {
		/* Nothing was stored: what was new is new again. */
		if (insert)
			r->id[0] = '\0';
		for (size_t i = 0; i < n; i++)
			if (new_progress[i])
				progress[i].id[0] = '\0';
	}
	free(new_progress);
	return finish(db, st, err);
}

enum kz_status kz_review_save(struct kz_db *db, struct kz_review *r,
			      struct kz_error *err)
{
	return kz_review_record(db, r, NULL, 0, NULL, err);
}

enum kz_status kz_progress_check(struct kz_db *db, const char *plan_id,
				 const struct kz_progress *p, struct kz_error *err)
{
	struct kz_progress *copy = kz_record_dup(PROGRESS, p);
	enum kz_status st;
	char *gplan;

	/* The review it belongs to may not be stored yet. */
	if (kz_str_empty(copy->review_id))
		kz_str_set(&copy->review_id, "00000000-0000-4000-8000-000000000000");
	st = kz_record_validate(PROGRESS, copy, err);
	kz_record_free(PROGRESS, copy);
	if (st != KZ_OK)
		return st;
	gplan = kz_query_text(db, "SELECT plan_id FROM goals WHERE id = ?1", p->goal_id);
	if (!gplan || !plan_id || strcmp(gplan, plan_id) != 0)
		st = kz_fail_field(err, KZ_INVALID, "goal_id",
				   _("Goal: there is no such goal in this plan."));
	free(gplan);
	return st;
}

enum kz_status kz_progress_save(struct kz_db *db, struct kz_progress *p,
				struct kz_error *err)
{
	enum kz_status st = kz_record_validate(PROGRESS, p, err);

	if (st != KZ_OK)
		return st;
	char *rplan = kz_query_text(db, "SELECT plan_id FROM reviews WHERE id = ?1", p->review_id);
	char *gplan = kz_query_text(db, "SELECT plan_id FROM goals WHERE id = ?1", p->goal_id);
	if (!rplan)
		st = kz_fail_field(err, KZ_INVALID, "review_id",
				   _("Review: there is no such review."));
	else if (!gplan || strcmp(rplan, gplan) != 0)
		st = kz_fail_field(err, KZ_INVALID, "goal_id",
				   _("Goal: there is no such goal in this plan."));
	free(rplan);
	free(gplan);
	if (st != KZ_OK)
		return st;
	if (!*p->id)
		return kz_record_insert(db, PROGRESS, p, "progress", err);
	struct kz_progress stored = { 0 };
	st = kz_record_update(db, PROGRESS, p, &stored, err);
	kz_progress_clear(&stored);
	return st;
}

enum kz_status kz_plan_part_delete(struct kz_db *db, const char *kind,
				   const char *id, struct kz_error *err)
{
	/* select gives the case code: the audit entry of a deletion names
	 * it, so that a later erasure of the case finds the entry. */
	static const struct { const char *kind, *select, *del; } kinds[] = {
		{ "diagnosis", "SELECT c.code FROM diagnoses x JOIN plans p ON p.id = x.plan_id"
		  " JOIN cases c ON c.id = p.case_id WHERE x.id = ?1",
		  "DELETE FROM diagnoses WHERE id = ?1" },
		{ "goal", "SELECT c.code FROM goals x JOIN plans p ON p.id = x.plan_id"
		  " JOIN cases c ON c.id = p.case_id WHERE x.id = ?1",
		  "DELETE FROM goals WHERE id = ?1" },
		{ "action", "SELECT c.code FROM actions x JOIN plans p ON p.id = x.plan_id"
		  " JOIN cases c ON c.id = p.case_id WHERE x.id = ?1",
		  "DELETE FROM actions WHERE id = ?1" },
		{ "review", "SELECT c.code FROM reviews x JOIN plans p ON p.id = x.plan_id"
		  " JOIN cases c ON c.id = p.case_id WHERE x.id = ?1",
		  "DELETE FROM reviews WHERE id = ?1" },
	};
	enum kz_status st;
	size_t k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (kind && strcmp(kind, kinds[k].kind) == 0)
			break;
	if (k == sizeof(kinds) / sizeof(kinds[0]))
		return kz_fail(err, KZ_INVALID, _("\"%s\" is not a part of a plan."),
			       kind ? kind : "");
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	char *code = id ? kz_query_text(db, kinds[k].select, id) : NULL;
	if (!code)
		st = kz_fail(err, KZ_NOT_FOUND, _("There is no record with id \"%s\"."),
			     id ? id : "");
	/* The case, while the record is there to find it by. */
	char *case_id = code ? kz_record_case_id(db, kinds[k].kind, id) : NULL;
	if (st == KZ_OK)
		st = exec2(db, kinds[k].del, id, NULL, err);
	if (st == KZ_OK) {
		struct kz_audit_new n = {
			.action = "delete", .kind = kinds[k].kind, .ref = id,
			.summary = code, .case_id = case_id,
		};
		st = kz_audit_add(db, &n, err);
	}
	free(case_id);
	free(code);
	return finish(db, st, err);
}

/* --- the whole plan ----------------------------------------------------------- */

static const struct kz_config *sort_cfg;

static size_t area_rank(const char *code)
{
	const struct kz_items *areas = sort_cfg ? &sort_cfg->need_areas : NULL;

	for (size_t i = 0; areas && i < areas->n; i++)
		if (strcmp(areas->v[i].code, code) == 0)
			return i;
	return (size_t)-1;
}

static int cmp_diagnosis(const void *a, const void *b)
{
	const struct kz_diagnosis *x = a, *y = b;
	size_t rx = area_rank(x->need_area), ry = area_rank(y->need_area);

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(x->need_area, y->need_area);
}

/* Load every record whose id the query gives, in its order, into a new
 * array of records of size size; *n counts the loaded ones. */
static enum kz_status load_list(struct kz_db *db, enum kz_kind t,
				const char *sql, const char *arg, size_t size,
				void (*clear)(void *), void **arr, size_t *n,
				struct kz_error *err)
{
	char (*ids)[KZ_ID_LEN + 1];
	size_t nids;
	enum kz_status st = kz_query_ids(db, sql, arg, NULL, &ids, &nids, err);

	if (st != KZ_OK)
		return st;
	*arr = xcalloc(nids ? nids : 1, size);
	for (size_t i = 0; i < nids && st == KZ_OK; i++) {
		void *rec = (char *)*arr + i * size;
		st = kz_record_load(db, t, ids[i], rec, err);
		if (st == KZ_OK)
			*n = i + 1;
		else
			clear(rec);
	}
	free(ids);
	return st;
}

static void clear_diagnosis(void *r) { kz_diagnosis_clear(r); }
static void clear_goal(void *r) { kz_goal_clear(r); }
static void clear_action(void *r) { kz_action_clear(r); }
static void clear_review(void *r) { kz_review_clear(r); }
static void clear_progress(void *r) { kz_progress_clear(r); }

#define LOAD_PARTS(db, t, type, clearfn, sql, arg, arr, cnt, st, err)  \
	do {                                                           \
		void *list_ = NULL;                                    \
		st = load_list(db, t, sql, arg, sizeof(type), clearfn, \
			       &list_, &(cnt), err);                   \
		arr = list_;                                           \
	} while (0)

/* The plan and its parts, without the case. */
static enum kz_status load_parts(struct kz_db *db, const struct kz_config *cfg,
				 const char *plan_id, struct kz_plan_full *out,
				 struct kz_error *err)
{
	enum kz_status st;

	memset(out, 0, sizeof(*out));
	st = kz_plan_get(db, plan_id, &out->plan, err);
	if (st != KZ_OK)
		return st;
	LOAD_PARTS(db, DIAGNOSES, struct kz_diagnosis, clear_diagnosis,
		   "SELECT id FROM diagnoses WHERE plan_id = ?1 ORDER BY need_area, id",
		   plan_id, out->diagnoses, out->ndiagnoses, st, err);
	if (st == KZ_OK) {
		sort_cfg = cfg;
		qsort(out->diagnoses, out->ndiagnoses, sizeof(*out->diagnoses), cmp_diagnosis);
		sort_cfg = NULL;
		LOAD_PARTS(db, GOALS, struct kz_goal, clear_goal,
			   "SELECT id FROM goals WHERE plan_id = ?1 ORDER BY"
			   " CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,"
			   " target_date, what, indicator, status, id",
			   plan_id, out->goals, out->ngoals, st, err);
	}
	if (st == KZ_OK)
		LOAD_PARTS(db, ACTIONS, struct kz_action, clear_action,
			   "SELECT a.id FROM actions a LEFT JOIN services s ON s.id = a.service_id"
			   " WHERE a.plan_id = ?1 ORDER BY a.due_date IS NULL, a.due_date,"
			   " a.start_date IS NULL, a.start_date,"
			   " COALESCE(s.title, a.free_text), a.status, a.id",
			   plan_id, out->actions, out->nactions, st, err);
	if (st == KZ_OK)
		for (size_t i = 0; i < out->nactions; i++)
			fill_action_names(db, &out->actions[i]);
	if (st == KZ_OK)
		LOAD_PARTS(db, REVIEWS, struct kz_review, clear_review,
			   "SELECT id FROM reviews WHERE plan_id = ?1"
			   " ORDER BY review_date, next_review_date, id",
			   plan_id, out->reviews, out->nreviews, st, err);
	if (st == KZ_OK)
		LOAD_PARTS(db, PROGRESS, struct kz_progress, clear_progress,
			   "SELECT p.id FROM progress p JOIN reviews r ON r.id = p.review_id"
			   " JOIN goals g ON g.id = p.goal_id WHERE r.plan_id = ?1"
			   " ORDER BY r.review_date, r.id,"
			   " CASE g.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,"
			   " g.target_date, g.what, p.progress, p.id",
			   plan_id, out->progress, out->nprogress, st, err);
	if (st != KZ_OK)
		kz_plan_full_free(out);
	return st;
}

enum kz_status kz_plan_load(struct kz_db *db, const struct kz_config *cfg,
			    const char *plan_id, struct kz_plan_full *out,
			    struct kz_error *err)
{
	enum kz_status st = load_parts(db, cfg, plan_id, out, err);

	if (st != KZ_OK)
		return st;
	st = kz_case_get(db, out->plan.case_id, &out->kase, err);
	if (st != KZ_OK)
		kz_plan_full_free(out);
	return st;
}

void kz_plan_full_free(struct kz_plan_full *p)
{
	kz_case_clear(&p->kase);
	kz_plan_clear(&p->plan);
	for (size_t i = 0; i < p->ndiagnoses; i++)
		kz_diagnosis_clear(&p->diagnoses[i]);
	for (size_t i = 0; i < p->ngoals; i++)
		kz_goal_clear(&p->goals[i]);
	for (size_t i = 0; i < p->nactions; i++)
		kz_action_clear(&p->actions[i]);
	for (size_t i = 0; i < p->nreviews; i++)
		kz_review_clear(&p->reviews[i]);
	for (size_t i = 0; i < p->nprogress; i++)
		kz_progress_clear(&p->progress[i]);
	free(p->diagnoses);
	free(p->goals);
	free(p->actions);
	free(p->reviews);
	free(p->progress);
	memset(p, 0, sizeof(*p));
}

/* --- canonical text and versions --------------------------------------------- */

/* A value on one line: line breaks become spaces, empty becomes "-". */
static void put_value(struct kz_buf *b, const char *s)
{
	if (kz_str_empty(s)) {
		kz_buf_putc(b, '-');
		return;
	}
	for (const char *c = s; *c; c++) {
		if (*c == '\r')
			continue;
		kz_buf_putc(b, *c == '\n' || *c == '\t' ? ' ' : *c);
	}
}

static void put_field(struct kz_buf *b, const char *sep, const char *name,
		      const char *value)
{
	kz_buf_puts(b, sep);
	kz_buf_puts(b, name);
	kz_buf_puts(b, ": ");
	put_value(b, value);
}

static void put_line(struct kz_buf *b, const char *prefix, const char *name,
		     const char *value)
{
	if (kz_str_empty(value))
		return;
	kz_buf_puts(b, prefix);
	put_field(b, "", name, value);
	kz_buf_putc(b, '\n');
}

static const struct kz_goal *find_goal(const struct kz_plan_full *f, const char *id)
{
	for (size_t i = 0; id && i < f->ngoals; i++)
		if (strcmp(f->goals[i].id, id) == 0)
			return &f->goals[i];
	return NULL;
}

static void plan_text(const struct kz_config *cfg, const struct kz_plan_full *f,
		      struct kz_buf *b)
{
	const struct kz_plan *p = &f->plan;

	put_line(b, "", "status", p->status);
	put_line(b, "", "valid from", p->valid_from);
	put_line(b, "", "valid to", p->valid_to);
	if (!kz_str_empty(p->approved_by) || !kz_str_empty(p->approved_on)) {
		kz_buf_puts(b, "approved: ");
		put_value(b, p->approved_by);
		kz_buf_puts(b, " ");
		put_value(b, p->approved_on);
		kz_buf_putc(b, '\n');
	}
	put_line(b, "", "closing summary", p->closing_summary);
	for (size_t i = 0; i < f->ndiagnoses; i++) {
		const struct kz_diagnosis *d = &f->diagnoses[i];
		const char *label = cfg ? kz_items_label(&cfg->need_areas, d->need_area)
					: d->need_area;
		char *prefix = xasprintf("diagnosis %s: ", label);
		put_line(b, prefix, "situation", d->situation);
		put_line(b, prefix, "needs", d->needs);
		put_line(b, prefix, "strengths", d->strengths);
		put_line(b, prefix, "family view", d->family_view);
		if (kz_str_empty(d->situation) && kz_str_empty(d->needs) &&
		    kz_str_empty(d->strengths) && kz_str_empty(d->family_view))
			kz_buf_printf(b, "diagnosis %s: -\n", label);
		free(prefix);
	}
	for (size_t i = 0; i < f->ngoals; i++) {
		const struct kz_goal *g = &f->goals[i];
		put_field(b, "", "goal", g->what);
		put_field(b, " | ", "indicator", g->indicator);
		put_field(b, " | ", "target", g->target_date);
		put_field(b, " | ", "priority", g->priority);
		put_field(b, " | ", "status", g->status);
		kz_buf_putc(b, '\n');
	}
	for (size_t i = 0; i < f->nactions; i++) {
		const struct kz_action *a = &f->actions[i];
		const struct kz_goal *g = find_goal(f, a->goal_id);
		put_field(b, "", "action", a->service_title ? a->service_title : a->free_text);
		if (a->service_title && a->free_text)
			put_field(b, " | ", "details", a->free_text);
		put_field(b, " | ", "for goal", g ? g->what : NULL);
		put_field(b, " | ", "partner", a->partner_name);
		put_field(b, " | ", "person", a->contact_name);
		put_field(b, " | ", "commitment", a->family_commitment);
		if (a->referral_date || a->referred_by || a->referral_answer || a->answer_date) {
			put_field(b, " | ", "referred", a->referral_date);
			put_field(b, " | ", "referred by", a->referred_by);
			put_field(b, " | ", "answer", a->referral_answer);
			put_field(b, " | ", "answered", a->answer_date);
		}
		put_field(b, " | ", "start", a->start_date);
		put_field(b, " | ", "due", a->due_date);
		put_field(b, " | ", "status", a->status);
		kz_buf_putc(b, '\n');
	}
	for (size_t i = 0; i < f->nreviews; i++) {
		const struct kz_review *r = &f->reviews[i];
		char *prefix = xasprintf("review %s: ", r->review_date);
		kz_buf_printf(b, "review %s\n", r->review_date);
		put_line(b, prefix, "participants", r->participants);
		put_line(b, prefix, "notes", r->notes);
		put_line(b, prefix, "next review", r->next_review_date);
		for (size_t j = 0; j < f->nprogress; j++) {
			const struct kz_progress *pr = &f->progress[j];
			const struct kz_goal *g = find_goal(f, pr->goal_id);
			if (strcmp(pr->review_id, r->id) != 0)
				continue;
			kz_buf_puts(b, prefix);
			put_field(b, "", "progress", g ? g->what : NULL);
			put_field(b, " | ", "how it went", pr->progress);
			put_field(b, " | ", "status", pr->goal_status);
			kz_buf_putc(b, '\n');
		}
		free(prefix);
	}
}

enum kz_status kz_plan_text(struct kz_db *db, const struct kz_config *cfg,
			    const char *plan_id, struct kz_buf *out,
			    struct kz_error *err)
{
	struct kz_plan_full f;
	enum kz_status st = load_parts(db, cfg, plan_id, &f, err);

	if (st != KZ_OK)
		return st;
	plan_text(cfg, &f, out);
	kz_plan_full_free(&f);
	return KZ_OK;
}

static enum kz_status keep_version(struct kz_db *db, const struct kz_config *cfg,
				   const char *plan_id, const char *note,
				   int *version_out, struct kz_error *err)
{
	struct kz_buf text = KZ_BUF_INIT;
	enum kz_status st;
	sqlite3_stmt *q;
	int version = 0, rc;
	char now[32], summary[40];

	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	/* Versions name need areas by their codes, which never change (labels
	 * may be corrected any time); kz_plan_diff shows the labels. */
	(void)cfg;
	st = kz_plan_text(db, NULL, plan_id, &text, err);
	if (st == KZ_OK) {
		q = kz_db_stmt(db, "SELECT COALESCE(MAX(version), 0) + 1 FROM plan_versions"
			       " WHERE plan_id = ?1", err);
		if (!q) {
			st = err ? err->status : KZ_ENV;
		} else {
			kz_bind_text(q, 1, plan_id);
			rc = sqlite3_step(q);
			if (rc == SQLITE_ROW)
				version = sqlite3_column_int(q, 0);
			sqlite3_reset(q);
			if (rc != SQLITE_ROW)
				st = kz_db_fail(db, rc, err, "plan_versions");
		}
	}
	if (st == KZ_OK) {
		q = kz_db_stmt(db, "INSERT INTO plan_versions(plan_id, version, created_at,"
			       " created_by, note, snapshot) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", err);
		if (!q) {
			st = err ? err->status : KZ_ENV;
		} else {
			kz_now_iso(now);
			kz_bind_text(q, 1, plan_id);
			sqlite3_bind_int(q, 2, version);
			kz_bind_text(q, 3, now);
			kz_bind_text(q, 4, kz_db_user(db));
			kz_bind_text(q, 5, note);
			sqlite3_bind_text(q, 6, kz_buf_str(&text), -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(q);
			sqlite3_reset(q);
			if (rc != SQLITE_DONE)
				st = kz_db_fail(db, rc, err, "plan_versions");
		}
	}
	if (st == KZ_OK) {
		snprintf(summary, sizeof(summary), "version %d", version);
		st = kz_audit(db, "version", "plan", plan_id, summary, err);
	}
	kz_buf_free(&text);
	st = finish(db, st, err);
	if (st == KZ_OK && version_out)
		*version_out = version;
	return st;
}

enum kz_status kz_plan_keep_version(struct kz_db *db, const struct kz_config *cfg,
				    const char *plan_id, const char *note,
				    int *version_out, struct kz_error *err)
{
	return keep_version(db, cfg, plan_id, note, version_out, err);
}

enum kz_status kz_plan_versions(struct kz_db *db, const char *plan_id,
				struct kz_plan_versions *out,
				struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT version, created_at, created_by, note FROM plan_versions"
		" WHERE plan_id = ?1 ORDER BY version", err);
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, plan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->v = xreallocarray(out->v, cap, sizeof(*out->v));
		}
		struct kz_plan_version *v = &out->v[out->n++];
		v->version = sqlite3_column_int(st, 0);
		v->created_at = kz_column_dup(st, 1);
		v->created_by = kz_column_dup(st, 2);
		v->note = kz_column_dup(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		kz_plan_versions_free(out);
		return kz_db_fail(db, rc, err, "plan_versions");
	}
	return KZ_OK;
}

void kz_plan_versions_free(struct kz_plan_versions *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].created_at);
		free(v->v[i].created_by);
		free(v->v[i].note);
	}
	free(v->v);
	memset(v, 0, sizeof(*v));
}

/* The text of version n (0: the current state) into out. */
static enum kz_status version_text(struct kz_db *db, const struct kz_config *cfg,
				   const char *plan_id, int n, struct kz_buf *out,
				   struct kz_error *err)
{
	sqlite3_stmt *q;
	int rc;

	(void)cfg;
	if (n == 0)
		return kz_plan_text(db, NULL, plan_id, out, err);
	q = kz_db_stmt(db, "SELECT snapshot FROM plan_versions WHERE plan_id = ?1"
		       " AND version = ?2", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, plan_id);
	sqlite3_bind_int(q, 2, n);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(q, 0);
		kz_buf_puts(out, s ? s : "");
	}
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		return kz_fail(err, KZ_INVALID, _("This plan has no version %d."), n);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, err, "plan_versions");
}

/* Split text into lines (in place; the pointers point into text). */
static char **split_lines(char *text, size_t *n)
{
	size_t cap = 16;
	char **v = xreallocarray(NULL, cap, sizeof(*v));

	*n = 0;
	while (*text) {
		char *nl = strchr(text, '\n');
		if (*n == cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = text;
		if (!nl)
			break;
		*nl = '\0';
		text = nl + 1;
	}
	return v;
}

/* The words of the canonical text (kz_plan_text), which stays English so
 * that versions compare equal in any language; a difference shows them
 * translated. */
static const char *const plan_words[] = {
	N_("status"), N_("valid from"), N_("valid to"), N_("approved"),
	N_("closing summary"), N_("situation"), N_("needs"), N_("strengths"),
	N_("family view"), N_("goal"), N_("indicator"), N_("target"),
	N_("priority"), N_("action"), N_("details"), N_("for goal"),
	N_("partner"), N_("person"), N_("commitment"), N_("referred"),
	N_("referred by"), N_("answer"), N_("answered"), N_("start"), N_("due"),
	N_("participants"), N_("notes"), N_("next review"), N_("progress"),
	N_("how it went"), N_("diagnosis"), N_("review"),
};

static const char *plan_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof(plan_words) / sizeof(plan_words[0]); i++)
		if (strlen(plan_words[i]) == n && strncmp(plan_words[i], w, n) == 0)
			return _(plan_words[i]);
	return NULL;
}

/* "key: value" with the key translated, and the value too for statuses
 * and priorities. */
static void put_segment(struct kz_buf *out, const char *seg, size_t len)
{
	const char *colon = memmem(seg, len, ": ", 2);
	size_t klen = colon ? (size_t)(colon - seg) : 0;
	const char *word = colon ? plan_word(seg, klen) : NULL;

	if (!word) {
		kz_buf_add(out, seg, len);
		return;
	}
	kz_buf_puts(out, word);
	kz_buf_puts(out, ": ");
	char *value = xstrndup(colon + 2, len - klen - 2);
	if ((klen == 6 && strncmp(seg, "status", 6) == 0) ||
	    (klen == 8 && strncmp(seg, "priority", 8) == 0))
		kz_buf_puts(out, _(kz_enum_label(value)));
	else
		kz_buf_puts(out, value);
	free(value);
}

/* One line of a difference, in the reader's language; "diagnosis <code>:"
 * shows the need area's label. */
static void diff_line(struct kz_buf *out, const struct kz_config *cfg, char sign,
		      const char *line)
{
	static const char diagnosis[] = "diagnosis ", review[] = "review ";
	const char *rest = line;

	kz_buf_putc(out, sign);
	kz_buf_putc(out, ' ');
	if (strncmp(line, diagnosis, sizeof(diagnosis) - 1) == 0 && strchr(line, ':')) {
		const char *code = line + sizeof(diagnosis) - 1;
		const char *colon = strchr(code, ':');
		char *c = xstrndup(code, (size_t)(colon - code));
		kz_buf_printf(out, "%s %s:", _("diagnosis"),
			      cfg ? kz_items_label(&cfg->need_areas, c) : c);
		free(c);
		rest = colon + 1;
	} else if (strncmp(line, review, sizeof(review) - 1) == 0) {
		const char *date = line + sizeof(review) - 1;
		size_t n = strcspn(date, ":");
		kz_buf_printf(out, "%s %.*s", _("review"), (int)n, date);
		rest = date + n;
		if (*rest == ':') {
			kz_buf_putc(out, ':');
			rest++;
		}
	}
	if (*rest == ' ' && rest != line) {
		kz_buf_putc(out, ' ');
		rest++;
	}
	while (*rest) {
		const char *bar = strstr(rest, " | ");
		size_t len = bar ? (size_t)(bar - rest) : strlen(rest);
		put_segment(out, rest, len);
		if (!bar)
			break;
		kz_buf_puts(out, " | ");
		rest = bar + 3;
	}
	kz_buf_putc(out, '\n');
}

/* A line diff by the longest common subsequence. */
static void diff_lines(const struct kz_config *cfg, char **x, size_t n,
		       char **y, size_t m, struct kz_buf *out)
{
	size_t w = m + 1;
	size_t *l = xcalloc((n + 1) * w, sizeof(*l));

	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;)
			l[i * w + j] = strcmp(x[i], y[j]) == 0
				? l[(i + 1) * w + j + 1] + 1
				: (l[(i + 1) * w + j] >= l[i * w + j + 1]
				   ? l[(i + 1) * w + j] : l[i * w + j + 1]);
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && strcmp(x[i], y[j]) == 0) {
			i++, j++;
		} else if (j == m || (i < n && l[(i + 1) * w + j] >= l[i * w + j + 1])) {
			diff_line(out, cfg, '-', x[i++]);
		} else {
			diff_line(out, cfg, '+', y[j++]);
		}
	}
	free(l);
}

enum kz_status kz_plan_diff(struct kz_db *db, const struct kz_config *cfg,
			    const char *plan_id, int a, int b,
			    struct kz_buf *out, struct kz_error *err)
{
	struct kz_buf ta = KZ_BUF_INIT, tb = KZ_BUF_INIT;
	enum kz_status st;

	if (a < 0 || b < 0)
		return kz_fail(err, KZ_INVALID, _("This plan has no version %d."), a < 0 ? a : b);
	if (!row_exists(db, "SELECT id FROM plans WHERE id = ?1", plan_id))
		return kz_fail(err, KZ_NOT_FOUND, _("Plan: there is no such plan."));
	st = version_text(db, cfg, plan_id, a, &ta, err);
	if (st == KZ_OK)
		st = version_text(db, cfg, plan_id, b, &tb, err);
	if (st == KZ_OK) {
		char *sa = kz_buf_detach(&ta), *sb = kz_buf_detach(&tb);
		size_t n, m;
		char **x = split_lines(sa, &n), **y = split_lines(sb, &m);
		diff_lines(cfg, x, n, y, m, out);
		free(x);
		free(y);
		free(sa);
		free(sb);
	}
	kz_buf_free(&ta);
	kz_buf_free(&tb);
	return st;
}

/* --- what needs attention ------------------------------------------------------- */

static const char *const attention_sql[] = {
	[KZ_ATT_OVERDUE_ACTION] =
	"SELECT c.id, c.code, a.id, COALESCE(s.title, a.free_text), a.due_date"
	" FROM actions a JOIN plans p ON p.id = a.plan_id"
	" JOIN cases c ON c.id = p.case_id"
	" LEFT JOIN services s ON s.id = a.service_id"
	" WHERE c.status <> 'closed' AND p.status <> 'closed'"
	" AND (?1 IS NULL OR c.manager = ?1) AND " KZ_SEES_CASE_ROW("c")
	" AND a.due_date < ?2 AND a.status NOT IN ('done', 'dropped', 'declined')",
	[KZ_ATT_REVIEW_DUE] =
	"SELECT c.id, c.code, r.id, NULL, r.next_review_date"
	" FROM reviews r JOIN plans p ON p.id = r.plan_id"
	" JOIN cases c ON c.id = p.case_id"
	" WHERE c.status <> 'closed' AND p.status <> 'closed'"
	" AND (?1 IS NULL OR c.manager = ?1) AND " KZ_SEES_CASE_ROW("c")
	" AND r.id = (SELECT r2.id FROM reviews r2 WHERE r2.plan_id = r.plan_id"
	"             ORDER BY r2.review_date DESC, r2.created_at DESC, r2.rowid DESC"
	"             LIMIT 1)"
	" AND r.next_review_date IS NOT NULL AND r.next_review_date <= ?3",
	[KZ_ATT_PLAN_EXPIRING] =
	"SELECT c.id, c.code, p.id, NULL, p.valid_to"
	" FROM plans p JOIN cases c ON c.id = p.case_id"
	" WHERE c.status <> 'closed' AND p.status <> 'closed'"
	" AND (?1 IS NULL OR c.manager = ?1) AND " KZ_SEES_CASE_ROW("c")
	" AND p.valid_to <= ?4",
	[KZ_ATT_NO_PLAN] =
	"SELECT c.id, c.code, NULL, NULL, c.opened_on"
	" FROM cases c WHERE c.status <> 'closed'"
	" AND (?1 IS NULL OR c.manager = ?1) AND " KZ_SEES_CASE_ROW("c")
	" AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.case_id = c.id)",
};

static int cmp_attention(const void *a, const void *b)
{
	const struct kz_attention *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	if (c)
		return c;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	c = strcmp(x->case_code, y->case_code);
	if (c)
		return c;
	c = kz_collate(x->title ? x->title : "", y->title ? y->title : "");
	return c ? c : strcmp(x->ref_id, y->ref_id);
}

static void copy_col(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", s ? s : "");
}

/* The first line of a text. */
static char *first_line(const char *s)
{
	if (!s)
		return NULL;
	return xstrndup(s, strcspn(s, "\r\n"));
}

enum kz_status kz_attention_list(struct kz_db *db, const char *manager,
				 struct kz_attentions *out,
				 struct kz_error *err)
{
	char today[11], week[11], month[11];
	size_t cap = 0;
	enum kz_status status = KZ_OK;

	memset(out, 0, sizeof(*out));
	kz_today(today);
	kz_date_add_days(today, 7, week);
	kz_date_add_days(today, 30, month);
	for (int k = KZ_ATT_OVERDUE_ACTION; k <= KZ_ATT_NO_PLAN && status == KZ_OK; k++) {
		sqlite3_stmt *st = kz_db_stmt(db, attention_sql[k], err);
		int rc;

		if (!st) {
			status = err ? err->status : KZ_ENV;
			break;
		}
		kz_bind_text(st, 1, manager);
		sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, week, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, month, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (out->n == cap) {
				cap = cap ? cap * 2 : 16;
				out->v = xreallocarray(out->v, cap, sizeof(*out->v));
			}
			struct kz_attention *a = &out->v[out->n++];
			memset(a, 0, sizeof(*a));
			a->kind = (enum kz_attention_kind)k;
			copy_col(st, 0, a->case_id, sizeof(a->case_id));
			copy_col(st, 1, a->case_code, sizeof(a->case_code));
			copy_col(st, 2, a->ref_id, sizeof(a->ref_id));
			copy_col(st, 4, a->date, sizeof(a->date));
			switch (a->kind) {
			case KZ_ATT_OVERDUE_ACTION:
				a->title = first_line((const char *)sqlite3_column_text(st, 3));
				if (!a->title)
					a->title = xstrdup(_("action"));
				break;
			case KZ_ATT_REVIEW_DUE:
				a->title = xstrdup(_("review"));
				break;
			case KZ_ATT_PLAN_EXPIRING:
				a->title = xasprintf(_("plan valid to %s"), a->date);
				break;
			case KZ_ATT_NO_PLAN:
				a->title = xstrdup(_("no plan yet"));
				break;
			}
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			status = kz_db_fail(db, rc, err, "attention");
	}
	if (status != KZ_OK) {
		kz_attentions_free(out);
		return status;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), cmp_attention);
	return KZ_OK;
}

void kz_attentions_free(struct kz_attentions *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i].title);
	free(a->v);
	memset(a, 0, sizeof(*a));
}
