/* The demo cases: families and persons of the fictional Gmina Brzozowa
 * Wola with their individual support plans, written as the GOPS social
 * workers would write them (data/demo/cases.yaml, read by demo_data.c).
 * Every person is invented; household members are kept by role and year
 * of birth, the few names are clearly fictional.
 *
 * The cases come in every state: new (no plan yet, or a draft), active
 * with approved plans and some overdue actions, under review (recent
 * reviews with progress per goal) and closed (some of them so long ago
 * that they are past the retention period). Dates are relative to today,
 * so the mix of overdue actions, reviews due this week and expiring plans
 * is the same whenever the demo runs. Services are picked from the demo
 * basket by the beginning of their title, contact persons by name. */
#include "koszyk/demo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/demo_data.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

typedef char demo_id[KZ_ID_LEN + 1];

struct ctx {
	struct kz_db *db;
	const struct kz_config *cfg;
	char today[11];
	const struct kz_demo_rec *d;    /* the case */
	const struct kz_demo_rec *at;   /* the record being stored */
	char *code;
};

#define GET(r, key) kz_demo_get(r, key)

/* The ids of a plan's goals, by their number (1-based) in the YAML. */
struct goals {
	demo_id *ids;
	size_t n;
};

static enum kz_status demo_fail(const struct ctx *c, enum kz_status st,
				struct kz_error *err)
{
	if (c->at)
		kz_error_prefix(err, "%s:%zu: ", c->at->file, c->at->line);
	kz_error_prefix(err, _("demo case %s: "), c->code ? c->code : "?");
	return st;
}

static void set_fields(const struct ctx *c, const struct kz_demo_rec *r,
		       void *record, const struct kz_field *fields, size_t n)
{
	kz_demo_set_fields(r, record, fields, n, c->today);
}

static enum kz_status find_partner(const struct ctx *c, const char *name,
				   demo_id id, struct kz_error *err)
{
	enum kz_status st = name ? kz_partner_find_by_name(c->db, name, id, err)
				 : KZ_NOT_FOUND;

	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_INVALID, _("no demo partner \"%s\""),
			     name ? name : "");
	return st;
}

static enum kz_status find_contact(const struct ctx *c, const char *partner_id,
				   const char *name, demo_id id,
				   struct kz_error *err)
{
	enum kz_status st = kz_contact_find_by_name(c->db, partner_id, name,
						    id, err);

	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_INVALID,
			     _("no demo contact person \"%s\" there"), name);
	return st;
}

/* A basket service (active or suspended) whose title begins with title;
 * its provider into provider. */
static enum kz_status find_service(const struct ctx *c, const char *title,
				   demo_id id, demo_id provider,
				   struct kz_error *err)
{
	struct kz_rows rows = { 0 };
	struct kz_service s;
	enum kz_status st;
	bool found = false;

	st = kz_service_list(c->db, title, NULL, 50, &rows, err);
	if (st != KZ_OK)
		return st;
	for (size_t i = 0; i < rows.n && !found; i++)
		if (rows.v[i].title &&
		    strncmp(rows.v[i].title, title, strlen(title)) == 0) {
			memcpy(id, rows.v[i].id, sizeof(demo_id));
			found = true;
		}
	kz_rows_free(&rows);
	if (!found)
		return kz_fail(err, KZ_INVALID,
			       _("no active service \"%s\" in the demo basket"),
			       title);
	memset(&s, 0, sizeof(s));
	st = kz_service_get(c->db, id, &s, err);
	if (st == KZ_OK)
		memcpy(provider, s.provider_id, sizeof(demo_id));
	kz_service_clear(&s);
	return st;
}

/* The goal numbered by the key "goal" of r (NULL when r has none). */
static enum kz_status goal_of(const struct kz_demo_rec *r,
			      const struct goals *goals, const char **id,
			      struct kz_error *err)
{
	const char *number = GET(r, "goal");
	long i;

	*id = NULL;
	if (!number)
		return KZ_OK;
	i = strtol(number, NULL, 10);
	if (i < 1 || (size_t)i > goals->n)
		return kz_fail(err, KZ_INVALID,
			       _("the plan has no goal %s"), number);
	*id = goals->ids[i - 1];
	return KZ_OK;
}

static enum kz_status save_members(struct ctx *c, const char *case_id,
				   struct kz_error *err)
{
	const struct kz_demo_list *l = kz_demo_sub(c->d, "members");

	for (size_t i = 0; l && i < l->n; i++) {
		struct kz_member m;
		enum kz_status st;

		c->at = &l->v[i];
		memset(&m, 0, sizeof(m));
		set_fields(c, c->at, &m, kz_member_fields, kz_member_nfields);
		m.case_id = xstrdup(case_id);
		st = kz_member_save(c->db, &m, err);
		kz_member_clear(&m);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_team(struct ctx *c, const char *case_id,
				struct kz_error *err)
{
	const struct kz_demo_list *l = kz_demo_sub(c->d, "team");

	for (size_t i = 0; l && i < l->n; i++) {
		const struct kz_demo_rec *dt = &l->v[i];
		struct kz_team_member t;
		demo_id partner, contact;
		enum kz_status st;

		c->at = dt;
		st = find_partner(c, GET(dt, "partner"), partner, err);
		if (st == KZ_OK)
			st = find_contact(c, partner, GET(dt, "contact"),
					  contact, err);
		if (st != KZ_OK)
			return st;
		memset(&t, 0, sizeof(t));
		set_fields(c, dt, &t, kz_team_fields, kz_team_nfields);
		t.case_id = xstrdup(case_id);
		t.contact_id = xstrdup(contact);
		st = kz_team_save(c->db, &t, err);
		kz_team_member_clear(&t);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_diagnoses(struct ctx *c,
				     const struct kz_demo_rec *plan,
				     const char *plan_id, struct kz_error *err)
{
	const struct kz_demo_list *l = kz_demo_sub(plan, "diagnoses");

	for (size_t i = 0; l && i < l->n; i++) {
		struct kz_diagnosis g;
		enum kz_status st;

		c->at = &l->v[i];
		memset(&g, 0, sizeof(g));
		set_fields(c, c->at, &g, kz_diagnosis_fields,
			   kz_diagnosis_nfields);
		g.plan_id = xstrdup(plan_id);
		st = kz_diagnosis_save(c->db, c->cfg, &g, err);
		kz_diagnosis_clear(&g);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_goals(struct ctx *c, const struct kz_demo_rec *plan,
				 const char *plan_id, struct goals *goals,
				 struct kz_error *err)
{
	const struct kz_demo_list *l = kz_demo_sub(plan, "goals");

	goals->n = l ? l->n : 0;
	goals->ids = xcalloc(goals->n + 1, sizeof(demo_id));
	for (size_t i = 0; l && i < l->n; i++) {
		struct kz_goal g;
		enum kz_status st;

		c->at = &l->v[i];
		memset(&g, 0, sizeof(g));
		set_fields(c, c->at, &g, kz_goal_fields, kz_goal_nfields);
		g.plan_id = xstrdup(plan_id);
		if (!g.priority)
			g.priority = xstrdup("medium");
		if (!g.status)
			g.status = xstrdup("open");
		st = kz_goal_save(c->db, c->cfg, &g, err);
		if (st == KZ_OK)
			memcpy(goals->ids[i], g.id, sizeof(demo_id));
		kz_goal_clear(&g);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_action(struct ctx *c, const char *plan_id,
				  const struct goals *goals,
				  const struct kz_demo_rec *da,
				  struct kz_error *err)
{
	const char *service_title = GET(da, "service");
	struct kz_action a;
	demo_id service = "", partner = "", contact = "";
	const char *goal = NULL;
	enum kz_status st;

	c->at = da;
	st = goal_of(da, goals, &goal, err);
	if (st == KZ_OK && service_title)
		st = find_service(c, service_title, service, partner, err);
	if (st == KZ_OK && GET(da, "partner"))
		st = find_partner(c, GET(da, "partner"), partner, err);
	if (st == KZ_OK && GET(da, "contact"))
		st = find_contact(c, partner[0] ? partner : NULL,
				  GET(da, "contact"), contact, err);
	if (st != KZ_OK)
		return st;
	memset(&a, 0, sizeof(a));
	set_fields(c, da, &a, kz_action_fields, kz_action_nfields);
	a.plan_id = xstrdup(plan_id);
	a.goal_id = xstrdup_or_null(goal);
	a.service_id = service[0] ? xstrdup(service) : NULL;
	a.partner_id = partner[0] ? xstrdup(partner) : NULL;
	a.contact_id = contact[0] ? xstrdup(contact) : NULL;
	/* a referral is made by the case manager */
	if (a.referral_date && !a.referred_by)
		a.referred_by = xstrdup(GET(c->d, "manager"));
	if (!a.status)
		a.status = xstrdup("planned");
	st = kz_action_save(c->db, &a, err);
	if (st != KZ_OK && service_title)
		kz_error_prefix(err, "\"%s\": ", service_title);
	kz_action_clear(&a);
	return st;
}

static enum kz_status save_review(struct ctx *c, const char *plan_id,
				  const struct goals *goals,
				  const struct kz_demo_rec *dr,
				  struct kz_error *err)
{
	const struct kz_demo_list *l = kz_demo_sub(dr, "progress");
	struct kz_review r;
	struct kz_progress *p;
	size_t n;
	enum kz_status st = KZ_OK;

	c->at = dr;
	memset(&r, 0, sizeof(r));
	set_fields(c, dr, &r, kz_review_fields, kz_review_nfields);
	r.plan_id = xstrdup(plan_id);
	n = l ? l->n : 0;
	p = xcalloc(n + 1, sizeof(*p));
	for (size_t i = 0; st == KZ_OK && i < n; i++) {
		const char *goal;

		c->at = &l->v[i];
		st = goal_of(c->at, goals, &goal, err);
		if (st != KZ_OK)
			break;
		set_fields(c, c->at, &p[i], kz_progress_fields,
			   kz_progress_nfields);
		p[i].goal_id = xstrdup_or_null(goal);
	}
	/* The review, its progress and the version kept at it: one
	 * transaction, as on the screen and the command line. */
	if (st == KZ_OK) {
		c->at = dr;
		st = kz_review_record(c->db, &r, p, n, NULL, err);
	}
	for (size_t i = 0; i < n; i++)
		kz_progress_clear(&p[i]);
	free(p);
	kz_review_clear(&r);
	return st;
}

/* A date of the plan's record, made absolute; NULL when not given. */
static char *plan_date(const struct ctx *c, const struct kz_demo_rec *plan,
		       const char *key)
{
	char date[11];
	const char *v = GET(plan, key);

	return v && kz_demo_date(c->today, v, date) ? xstrdup(date) : NULL;
}

/* Written as a draft with its diagnosis, goals and actions, then
 * approved, reviewed and, if it is closed, closed. */
static enum kz_status save_plan(struct ctx *c, const struct kz_demo_rec *plan,
				const char *case_id, struct kz_error *err)
{
	const char *status = GET(plan, "status");
	const struct kz_demo_list *l;
	struct goals goals = { 0 };
	struct kz_plan p;
	enum kz_status st;

	c->at = plan;
	memset(&p, 0, sizeof(p));
	p.case_id = xstrdup(case_id);
	p.status = xstrdup("draft");
	p.valid_from = plan_date(c, plan, "valid_from");
	p.valid_to = plan_date(c, plan, "valid_to");
	st = kz_plan_save(c->db, c->cfg, &p, err);
	if (st == KZ_OK)
		st = save_diagnoses(c, plan, p.id, err);
	if (st == KZ_OK)
		st = save_goals(c, plan, p.id, &goals, err);
	l = kz_demo_sub(plan, "actions");
	for (size_t i = 0; st == KZ_OK && l && i < l->n; i++)
		st = save_action(c, p.id, &goals, &l->v[i], err);
	if (st == KZ_OK && status && strcmp(status, "draft") != 0) {
		c->at = plan;
		kz_str_set(&p.status, "approved");
		kz_str_set(&p.approved_by, GET(plan, "approved_by"));
		free(p.approved_on);
		p.approved_on = plan_date(c, plan, "approved_on");
		if (!p.approved_on)
			p.approved_on = xstrdup_or_null(p.valid_from);
		st = kz_plan_save(c->db, c->cfg, &p, err);
	}
	l = kz_demo_sub(plan, "reviews");
	for (size_t i = 0; st == KZ_OK && l && i < l->n; i++)
		st = save_review(c, p.id, &goals, &l->v[i], err);
	if (st == KZ_OK && kz_str_eq(status, "closed")) {
		c->at = plan;
		kz_str_set(&p.status, "closed");
		kz_str_set(&p.closing_summary, GET(plan, "closing_summary"));
		st = kz_plan_save(c->db, c->cfg, &p, err);
	}
	free(goals.ids);
	kz_plan_clear(&p);
	return st;
}

/* "R/YYYY/003": YYYY becomes the year the case was opened. */
static char *case_code(const char *code, const char *opened_on)
{
	const char *y = strstr(code, "YYYY");

	if (!y || !opened_on)
		return xstrdup(code);
	return xasprintf("%.*s%.4s%s", (int)(y - code), code, opened_on, y + 4);
}

static enum kz_status save_case(struct ctx *c, struct kz_error *err)
{
	const struct kz_demo_rec *d = c->d;
	const struct kz_demo_list *plan = kz_demo_sub(d, "plan");
	struct kz_case k;
	enum kz_status st = KZ_OK;

	c->at = d;
	memset(&k, 0, sizeof(k));
	set_fields(c, d, &k, kz_case_fields, kz_case_nfields);
	if (k.code) {
		char *code = case_code(k.code, k.opened_on);
		free(k.code);
		k.code = code;
	} else {
		st = kz_case_next_code(c->db, c->cfg, &k.code, err);
	}
	if (st != KZ_OK) {
		kz_case_clear(&k);
		return st;
	}
	free(c->code);
	c->code = xstrdup(k.code);
	st = kz_case_save(c->db, c->cfg, &k, err);
	if (st == KZ_OK)
		st = save_members(c, k.id, err);
	if (st == KZ_OK)
		st = save_team(c, k.id, err);
	if (st == KZ_OK && plan)
		st = save_plan(c, &plan->v[0], k.id, err);
	kz_case_clear(&k);
	return st;
}

/* The demo cases name need areas and users of the example configuration;
 * refuse a configuration without them before writing anything. */
static enum kz_status check_config(const struct kz_demo_data *data,
				   const struct kz_config *cfg,
				   struct kz_error *err)
{
	for (size_t i = 0; i < data->cases.n; i++) {
		const struct kz_demo_rec *d = &data->cases.v[i];
		const char *manager = GET(d, "manager");
		const struct kz_demo_list *plan = kz_demo_sub(d, "plan");
		const struct kz_demo_list *diag =
			plan ? kz_demo_sub(&plan->v[0], "diagnoses") : NULL;

		if (!manager || !kz_config_user(cfg, manager))
			return kz_fail(err, KZ_INVALID,
				       _("The demo cases need the user \"%s\", "
					 "but the configuration does not "
					 "define it. Create the demo with the "
					 "example configuration."),
				       manager ? manager : "");
		for (size_t j = 0; diag && j < diag->n; j++) {
			const char *area = GET(&diag->v[j], "need_area");
			bool known = false;
			for (size_t k = 0; area && k < cfg->need_areas.n; k++)
				if (strcmp(cfg->need_areas.v[k].code,
					   area) == 0)
					known = true;
			if (!known)
				return kz_fail(err, KZ_INVALID,
					       _("The demo cases need the need "
						 "area \"%s\", but the "
						 "configuration does not define "
						 "it. Create the demo with the "
						 "example configuration."),
					       area ? area : "");
		}
	}
	return KZ_OK;
}

enum kz_status kz_demo_cases_fill(struct kz_db *db,
				  const struct kz_config *cfg,
				  const struct kz_demo_data *data,
				  struct kz_error *err)
{
	char *previous = xstrdup_or_null(kz_db_user(db));
	struct ctx c;
	enum kz_status st;

	memset(&c, 0, sizeof(c));
	c.db = db;
	c.cfg = cfg;
	kz_today(c.today);
	st = check_config(data, cfg, err);
	if (st == KZ_OK)
		st = kz_db_begin(db, err);
	if (st != KZ_OK) {
		free(previous);
		return st;
	}
	for (size_t i = 0; st == KZ_OK && i < data->cases.n; i++) {
		c.d = &data->cases.v[i];
		/* Each case is written by its case manager. */
		kz_db_set_user(db, GET(c.d, "manager"));
		st = save_case(&c, err);
		if (st != KZ_OK)
			demo_fail(&c, st, err);
	}
	if (previous)
		kz_db_set_user(db, previous);
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	free(c.code);
	free(previous);
	return st;
}
