/* The plan printed for the family (see plan_print.h). The plan is first
 * turned into a small document of blocks (printdoc.h: title, facts,
 * headings, list items with their fields, paragraphs) and that document
 * is then written as text, Markdown or HTML, so the three formats always
 * say the same. */
#include "koszyk/plan_print.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/audit.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "printdoc.h"

bool kz_plan_format_parse(const char *name, enum kz_plan_format *out)
{
	if (!name)
		return false;
	if (strcmp(name, "text") == 0 || strcmp(name, "txt") == 0)
		*out = KZ_PLAN_TEXT;
	else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*out = KZ_PLAN_MD;
	else if (strcmp(name, "html") == 0)
		*out = KZ_PLAN_HTML;
	else
		return false;
	return true;
}

/* --- collecting the plan ------------------------------------------------- */

struct plan_data {
	struct kz_case kase;
	struct kz_plan_full full;
	struct kz_members members;
	struct kz_team team;
	bool have_full, have_members, have_team;
};

static void plan_data_free(struct plan_data *p)
{
	kz_case_clear(&p->kase);
	if (p->have_full)
		kz_plan_full_free(&p->full);
	if (p->have_members)
		kz_members_free(&p->members);
	if (p->have_team)
		kz_team_free(&p->team);
}

static enum kz_status load(struct kz_db *db, const struct kz_config *cfg,
			   const char *code, struct plan_data *p,
			   struct kz_error *err)
{
	struct kz_plan plan;
	enum kz_status st;

	memset(p, 0, sizeof(*p));
	if (kz_str_empty(code))
		return kz_fail(err, KZ_INVALID, _("which case? Give a case code, e.g. R/2026/014"));
	st = kz_case_find(db, code, &p->kase, err);
	if (st == KZ_NOT_FOUND)  /* an unknown code is bad input */
		st = kz_fail(err, KZ_INVALID, _("there is no case %s"), code);
	if (st != KZ_OK)
		return st;
	memset(&plan, 0, sizeof(plan));
	st = kz_plan_current(db, p->kase.id, &plan, err);
	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_NOT_FOUND,
			     _("case %s has no plan yet"), code);
	if (st == KZ_OK) {
		st = kz_plan_load(db, cfg, plan.id, &p->full, err);
		p->have_full = st == KZ_OK;
	}
	kz_plan_clear(&plan);
	if (st == KZ_OK) {
		st = kz_members_of(db, p->kase.id, &p->members, err);
		p->have_members = st == KZ_OK;
	}
	if (st == KZ_OK) {
		st = kz_team_of(db, p->kase.id, &p->team, err);
		p->have_team = st == KZ_OK;
	}
	/* Printing the plan reads the family's file: the trail says so. */
	if (st == KZ_OK)
		st = kz_case_note_read(db, p->kase.id, "plan", err);
	return st;
}

/* "Name, phone" of a contact person. */
static char *contact_line(struct kz_db *db, const char *contact_id)
{
	struct kz_contact c;
	char *line = NULL;

	if (kz_str_empty(contact_id))
		return NULL;
	memset(&c, 0, sizeof(c));
	if (kz_contact_get(db, contact_id, &c, NULL) == KZ_OK && c.name) {
		if (!kz_str_empty(c.phone))
			line = xasprintf(_("%s, phone %s"), c.name, c.phone);
		else
			line = xstrdup(c.name);
	}
	kz_contact_clear(&c);
	return line;
}

static const char *action_title(const struct kz_action *a)
{
	if (!kz_str_empty(a->service_title))
		return a->service_title;
	return a->free_text ? a->free_text : "";
}

static void header(struct kz_doc *d, const struct kz_config *cfg,
		   const struct plan_data *p)
{
	const struct kz_plan *plan = &p->full.plan;
	const struct kz_user *u = cfg ? kz_config_user(cfg, p->kase.manager) : NULL;
	struct kz_buf roles = KZ_BUF_INIT;

	kz_doc_add(d, B_TITLE, NULL, _("Individual support plan"));
	kz_doc_add(d, B_META, _("Case"), p->kase.code);
	for (size_t i = 0; i < p->members.n; i++) {
		if (i)
			kz_buf_puts(&roles, ", ");
		kz_buf_puts(&roles, p->members.v[i].role);
	}
	kz_doc_add(d, B_META, _("Household"), kz_buf_str(&roles));
	kz_buf_free(&roles);
	if (u && u->phone) {
		char *line = xasprintf(_("%s, phone %s"), u->name, u->phone);
		kz_doc_add(d, B_META, _("Your case manager"), line);
		free(line);
	} else {
		kz_doc_add(d, B_META, _("Your case manager"),
		    u && u->name ? u->name : p->kase.manager);
	}
	kz_doc_add(d, B_META, _("Prepared by"), cfg ? cfg->lider : NULL);
	kz_doc_add_date(d, B_META, _("Valid from"), plan->valid_from);
	kz_doc_add_date(d, B_META, _("Valid to"), plan->valid_to);
	if (kz_str_eq(plan->status, "draft"))
		kz_doc_add(d, B_META, _("Status"),
		    _("draft, to be agreed and approved"));
	else if (kz_str_eq(plan->status, "closed"))
		kz_doc_add(d, B_META, _("Status"), _("closed"));
	kz_doc_add_date(d, B_META, _("Approved on"), plan->approved_on);
}

/* The diagnosis as the family put it, first: their own words and the
 * strengths written with them, per need area. The worker's description
 * of the situation and of the needs stays in the case. */
static void own_words(struct kz_doc *d, const struct kz_config *cfg,
		      const struct plan_data *p)
{
	bool any = false;

	for (size_t i = 0; i < p->full.ndiagnoses; i++) {
		const struct kz_diagnosis *g = &p->full.diagnoses[i];
		if (kz_str_empty(g->family_view) && kz_str_empty(g->strengths))
			continue;
		if (!any)
			kz_doc_add(d, B_HEAD, NULL, _("Your situation in your own words"));
		any = true;
		kz_doc_add(d, B_ITEM, NULL, cfg ? kz_items_label(&cfg->need_areas,
								 g->need_area)
						: g->need_area);
		kz_doc_add(d, B_FIELD, _("In your words"), g->family_view);
		kz_doc_add(d, B_FIELD, _("What helps you"), g->strengths);
	}
}

static void goals(struct kz_doc *d, const struct plan_data *p)
{
	kz_doc_add(d, B_HEAD, NULL, _("Our goals"));
	if (p->full.ngoals == 0)
		kz_doc_add(d, B_PARA, NULL, _("The goals will be written down together."));
	for (size_t i = 0; i < p->full.ngoals; i++) {
		const struct kz_goal *g = &p->full.goals[i];
		kz_doc_add(d, B_ITEM, NULL, g->what);
		kz_doc_add(d, B_FIELD, _("How we will know"), g->indicator);
		kz_doc_add_date(d, B_FIELD, _("By"), g->target_date);
		if (!kz_str_empty(g->status) && !kz_str_eq(g->status, "open"))
			kz_doc_add(d, B_FIELD, _("Status"), _(kz_enum_label(g->status)));
	}
}

static void commitments(struct kz_doc *d, const struct plan_data *p)
{
	bool any = false;

	kz_doc_add(d, B_HEAD, NULL, _("What we will do ourselves"));
	for (size_t i = 0; i < p->full.nactions; i++) {
		const struct kz_action *a = &p->full.actions[i];
		if (kz_str_empty(a->family_commitment))
			continue;
		bool done = kz_str_eq(a->status, "done");
		char *item = done ? xasprintf("\xe2\x9c\x93 %s", a->family_commitment)
				  : xstrdup(a->family_commitment);
		kz_doc_add(d, B_ITEM, NULL, item);
		free(item);
		kz_doc_add(d, B_FIELD, _("For"), action_title(a));
		kz_doc_add_date(d, B_FIELD, _("By"), a->due_date);
		kz_doc_add(d, B_FIELD, _("Status"),
			   done ? _("done") : _(kz_enum_label(a->status)));
		any = true;
	}
	if (!any)
		kz_doc_add(d, B_PARA, NULL, _("Nothing written down yet."));
}

static void service_fields(struct kz_db *db, struct kz_doc *d,
			   const struct kz_action *a)
{
	struct kz_service s;
	char *contact = NULL;

	memset(&s, 0, sizeof(s));
	if (!kz_str_empty(a->service_id) &&
	    kz_service_get(db, a->service_id, &s, NULL) != KZ_OK)
		kz_service_clear(&s);
	kz_doc_add(d, B_FIELD, _("Provided by"),
	    !kz_str_empty(a->partner_name) ? a->partner_name : s.provider_name);
	kz_doc_add(d, B_FIELD, _("Place"), s.place);
	kz_doc_add(d, B_FIELD, _("Hours"), s.hours);
	contact = contact_line(db, a->contact_id);
	if (!contact)
		contact = contact_line(db, s.contact_id);
	if (!contact && !kz_str_empty(s.contact_text))
		contact = xstrdup(s.contact_text);
	kz_doc_add(d, B_FIELD, _("Contact"), contact);
	free(contact);
	kz_doc_add(d, B_FIELD, _("How to get it"), s.how_to_get);
	kz_doc_add(d, B_FIELD, _("Cost"), s.cost);
	kz_service_clear(&s);
}

static void services(struct kz_db *db, struct kz_doc *d,
		     const struct plan_data *p)
{
	kz_doc_add(d, B_HEAD, NULL, _("Services and support"));
	if (p->full.nactions == 0)
		kz_doc_add(d, B_PARA, NULL, _("Nothing planned yet."));
	for (size_t i = 0; i < p->full.nactions; i++) {
		const struct kz_action *a = &p->full.actions[i];
		kz_doc_add(d, B_ITEM, NULL, action_title(a));
		if (!kz_str_empty(a->service_title) && !kz_str_empty(a->free_text))
			kz_doc_add(d, B_FIELD, _("What exactly"), a->free_text);
		service_fields(db, d, a);
		kz_doc_add_date(d, B_FIELD, _("Referred on"), a->referral_date);
		kz_doc_add(d, B_FIELD, _("Answer"), a->referral_answer);
		kz_doc_add_date(d, B_FIELD, _("Start"), a->start_date);
		kz_doc_add_date(d, B_FIELD, _("Due"), a->due_date);
		kz_doc_add(d, B_FIELD, _("Status"), _(kz_enum_label(a->status)));
	}
}

static void team(struct kz_doc *d, const struct plan_data *p)
{
	if (p->team.n == 0)
		return;
	kz_doc_add(d, B_HEAD, NULL, _("People who work with you"));
	for (size_t i = 0; i < p->team.n; i++) {
		const struct kz_team_member *t = &p->team.v[i];
		kz_doc_add(d, B_ITEM, NULL, t->contact_name ? t->contact_name : "");
		kz_doc_add(d, B_FIELD, _("Role"), t->role);
		kz_doc_add(d, B_FIELD, _("Institution"), t->partner_name);
		kz_doc_add(d, B_FIELD, _("Phone"), t->phone);
	}
}

static void next_review(struct kz_doc *d, const struct plan_data *p)
{
	const char *next = NULL;
	char buf[16];
	char *line;

	/* Reviews come by date: the newest one says when we meet again. */
	for (size_t i = 0; i < p->full.nreviews; i++)
		if (!kz_str_empty(p->full.reviews[i].next_review_date))
			next = p->full.reviews[i].next_review_date;
	kz_doc_add(d, B_HEAD, NULL, _("Next review"));
	if (kz_str_eq(p->full.plan.status, "closed"))
		kz_doc_add(d, B_PARA, NULL, _("This plan is closed."));
	else if (next) {
		line = xasprintf(_("We will look at the plan together on %s."),
				 kz_doc_date(next, buf));
		kz_doc_add(d, B_PARA, NULL, line);
		free(line);
	} else
		kz_doc_add(d, B_PARA, NULL,
		    _("We will agree on the date of the first review together."));
}

/* Lines for the family and the case manager to sign the plan on. */
static void signatures(struct kz_doc *d)
{
	kz_doc_add(d, B_HEAD, NULL, _("We agree to this plan"));
	kz_doc_add(d, B_SIGN, NULL, _("For the family"));
	kz_doc_add(d, B_SIGN, NULL, _("Case manager"));
}

static void build(struct kz_db *db, const struct kz_config *cfg,
		  const struct plan_data *p, struct kz_doc *d)
{
	header(d, cfg, p);
	own_words(d, cfg, p);
	goals(d, p);
	commitments(d, p);
	services(db, d, p);
	team(d, p);
	next_review(d, p);
	signatures(d);
}

/* --- the whole -------------------------------------------------------------------- */

enum kz_status kz_plan_print(struct kz_db *db, const struct kz_config *cfg,
			     const char *case_code, enum kz_plan_format fmt,
			     struct kz_buf *out, struct kz_error *err)
{
	struct plan_data p;
	struct kz_doc d = { NULL, 0, 0 };
	enum kz_status st = load(db, cfg, case_code, &p, err);

	if (st == KZ_OK) {
		build(db, cfg, &p, &d);
		kz_doc_render(cfg, &d, fmt, out);
	}
	kz_doc_free(&d);
	plan_data_free(&p);
	return st;
}
