/* One case on one screen: the case (code, status, manager, legal basis,
 * dates), the household (names hidden until asked for), the team, and the
 * current individual support plan with its diagnosis, goals, actions and
 * reviews. Every line belongs to a record: Enter edits it, d deletes it;
 * other keys add parts, approve or close the plan, show its versions,
 * print it for the family, or erase the whole case (GDPR). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "koszyk/access.h"
#include "koszyk/audit.h"
#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "koszyk/access.h"
#include "ui_internal.h"

#define LABEL_W 16

/* After the review form, the progress of each goal is asked for, one
 * form after another. A new review is held with its progress and recorded
 * at the end in one transaction (kz_review_record), so that the version
 * kept at it holds the progress; a review edited is saved by its form. */
enum review_step { R_NONE, R_REVIEW_FORM, R_PROGRESS };

struct cscreen {
	struct ui_screen base;
	struct ui *ui;
	char case_id[KZ_ID_LEN + 1];
	struct kz_case kase;
	bool loaded;
	struct kz_members members;
	struct kz_team team;
	struct kz_meetings meetings;  /* of the case's team */
	struct kz_tasks tasks;        /* open, of the case and its meetings */
	bool has_plan;
	struct kz_plan_full full;
	bool names;
	struct ui_doc doc;
	struct ui_listbox lb;
	/* the review being recorded */
	enum review_step step;
	char review_id[KZ_ID_LEN + 1];
	char **goal_ids;
	char **goal_whats;
	size_t ngoals, next_goal;
	struct kz_review *pending;  /* the new review, not stored yet */
	struct kz_progress *held;   /* its progress, one per goal answered */
	size_t nheld;
	bool took;                  /* the last form's record was held */
};

static struct cscreen *C(struct ui_screen *s)
{
	return (struct cscreen *)s;
}

/* --- reading ----------------------------------------------------------------- */

static void unload(struct cscreen *c)
{
	kz_case_clear(&c->kase);
	kz_members_free(&c->members);
	kz_team_free(&c->team);
	kz_meetings_free(&c->meetings);
	kz_tasks_free(&c->tasks);
	if (c->has_plan)
		kz_plan_full_free(&c->full);
	memset(&c->full, 0, sizeof(c->full));
	c->has_plan = false;
	c->loaded = false;
}

static void load(struct cscreen *c)
{
	struct kz_error err = { 0 };
	struct kz_plan cur;

	unload(c);
	if (kz_case_get(c->ui->db, c->case_id, &c->kase, &err) != KZ_OK) {
		ui_error(c->ui, "%s", err.msg);
		return;
	}
	c->loaded = true;
	if (kz_members_of(c->ui->db, c->case_id, &c->members, &err) != KZ_OK)
		ui_error(c->ui, "%s", err.msg);
	if (kz_team_of(c->ui->db, c->case_id, &c->team, &err) != KZ_OK)
		ui_error(c->ui, "%s", err.msg);
	if (kz_meeting_list(c->ui->db, c->case_id, &c->meetings, &err) != KZ_OK ||
	    kz_task_list_open(c->ui->db, NULL, c->case_id, &c->tasks, &err) != KZ_OK)
		ui_error(c->ui, "%s", err.msg);
	memset(&cur, 0, sizeof(cur));
	if (kz_plan_current(c->ui->db, c->case_id, &cur, &err) == KZ_OK) {
		if (kz_plan_load(c->ui->db, c->ui->cfg, cur.id, &c->full, &err) == KZ_OK)
			c->has_plan = true;
		else
			ui_error(c->ui, "%s", err.msg);
	} else if (err.status != KZ_NOT_FOUND) {
		ui_error(c->ui, "%s", err.msg);
	}
	kz_plan_clear(&cur);
}

/* --- the document ---------------------------------------------------------------- */

static void target(struct ui_doc *d, size_t from, enum kz_kind kind, const char *id)
{
	for (size_t i = from; i < d->n; i++) {
		d->v[i].kind = kind;
		snprintf(d->v[i].target, sizeof(d->v[i].target), "%s", id);
	}
}

static const char *or_dash(const char *s)
{
	return kz_str_empty(s) ? "\xe2\x80\x94" : s;
}

static const char *label_of(const char *value)
{
	return _(kz_enum_label(value ? value : ""));
}

static void heading(struct ui_doc *d, const char *text)
{
	ui_doc_blank(d);
	ui_doc_text(d, text, 1, UI_LOOK_HEADING);
}

static void field(struct cscreen *c, const char *label, const char *value)
{
	ui_doc_field(&c->doc, label, or_dash(value), ui_body_w(c->ui) >= 50 ? LABEL_W : 0);
}

/* Who else sees the case (besides its manager and the coordinators). */
static void shared_with(struct cscreen *c)
{
	struct kz_buf b = KZ_BUF_INIT;
	char **logins;
	size_t n;

	if (kz_case_shares(c->ui->db, c->kase.id, &logins, &n, NULL) != KZ_OK || n == 0)
		return;
	for (size_t i = 0; i < n; i++)
		kz_buf_printf(&b, "%s%s", i ? ", " : "", ui_user_name(c->ui, logins[i]));
	field(c, _("Shared with"), kz_buf_str(&b));
	kz_buf_free(&b);
	kz_strv_free(logins, n);
}

static void build_case(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	struct kz_case *k = &c->kase;
	char *text, *mgr;
	size_t from = d->n;

	text = xasprintf(_("Case %s"), k->code ? k->code : "");
	ui_doc_text(d, text, 1, UI_LOOK_HEADING);
	free(text);
	ui_doc_conflict_mark(c->ui, d, "cases", k->id);
	field(c, _("Status"), label_of(k->status));
	mgr = xasprintf("%s (%s)", ui_user_name(c->ui, k->manager), k->manager ? k->manager : "");
	field(c, _("Case manager"), mgr);
	free(mgr);
	shared_with(c);
	if (k->legal_basis && strcmp(k->legal_basis, "statutory") == 0)
		text = xasprintf(_("statutory duty: %s"), k->legal_basis_note ? k->legal_basis_note : "");
	else
		text = xasprintf(_("consent given on %s; scope: %s"), or_dash(k->consent_date),
				 or_dash(k->consent_scope));
	field(c, _("Legal basis"), text);
	free(text);
	field(c, _("Opened on"), k->opened_on);
	field(c, _("Closed on"), k->closed_on);
	target(d, from, KZ_KIND_CASE, k->id);
}

static void build_household(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	char *text;

	text = xasprintf(_("Household (%zu)"), c->members.n);
	heading(d, text);
	free(text);
	if (c->members.n && !c->names)
		ui_doc_text(d, _("Names are hidden; N shows them."), 3, UI_LOOK_ARCHIVED);
	if (!c->members.n)
		ui_doc_text(d, _("No household members yet; h adds one."), 3, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < c->members.n; i++) {
		struct kz_member *m = &c->members.v[i];
		size_t from = d->n;
		if (!kz_str_empty(m->birth_year))
			text = xasprintf(_("%s, born %s"), m->role ? m->role : "", m->birth_year);
		else
			text = xstrdup(m->role ? m->role : "");
		if (c->names && !kz_str_empty(m->name)) {
			char *t = xasprintf("%s \xe2\x80\x94 %s", text, m->name);
			free(text);
			text = t;
		}
		ui_doc_text(d, text, 3, UI_LOOK_COUNT);
		free(text);
		target(d, from, KZ_KIND_MEMBER, m->id);
	}
}

static void build_team(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	char *text;

	text = xasprintf(_("Team (%zu)"), c->team.n);
	heading(d, text);
	free(text);
	if (!c->team.n)
		ui_doc_text(d, _("No team members yet; t adds a contact person of a partner."), 3,
			    UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < c->team.n; i++) {
		struct kz_team_member *t = &c->team.v[i];
		size_t from = d->n;
		text = xasprintf("%s \xe2\x80\x94 %s; %s; %s", or_dash(t->contact_name),
				 or_dash(t->role), or_dash(t->partner_name), or_dash(t->phone));
		ui_doc_text(d, text, 3, UI_LOOK_COUNT);
		free(text);
		target(d, from, KZ_KIND_TEAM, t->id);
	}
}

static void sub(struct ui_doc *d, const char *label, const char *value);

/* The meetings of the case's team, newest first, and the open tasks of
 * the case and of those meetings. A case without either (a new one) shows
 * neither, so that its plan stays on the first page. */
static void build_meetings(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	char *text;

	if (!c->meetings.n && !c->tasks.n)
		return;
	text = xasprintf(_("Team meetings (%zu)"), c->meetings.n);
	heading(d, text);
	free(text);
	if (!c->meetings.n)
		ui_doc_text(d, _("No meetings of the team yet; M plans one."), 3, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < c->meetings.n; i++) {
		const struct kz_meeting *m = &c->meetings.v[i];
		size_t from = d->n;
		text = xasprintf("%s%s%s \xe2\x80\x94 %s", or_dash(m->date), m->time ? " " : "",
				 m->time ? m->time : "", or_dash(m->title));
		ui_doc_text(d, text, 3, UI_LOOK_COUNT);
		free(text);
		target(d, from, KZ_KIND_MEETING, m->id);
	}
	if (!c->tasks.n)
		return;
	text = xasprintf(_("Open tasks of the team (%zu)"), c->tasks.n);
	heading(d, text);
	free(text);
	for (size_t i = 0; i < c->tasks.n; i++) {
		const struct kz_task *t = &c->tasks.v[i];
		size_t from = d->n;
		ui_doc_task(d, t);
		sub(d, _("Who"), t->contact_name ? t->contact_name : t->partner_name);
		target(d, from, KZ_KIND_TASK, t->id);
	}
}

static const char *goal_what(struct cscreen *c, const char *goal_id)
{
	for (size_t i = 0; goal_id && i < c->full.ngoals; i++)
		if (strcmp(c->full.goals[i].id, goal_id) == 0)
			return c->full.goals[i].what;
	return NULL;
}

static bool action_overdue(const struct kz_action *a, const char *today)
{
	static const char *const over[] = { "done", "dropped", "declined", NULL };

	if (kz_str_empty(a->due_date) || strcmp(a->due_date, today) >= 0)
		return false;
	for (size_t i = 0; over[i]; i++)
		if (a->status && strcmp(a->status, over[i]) == 0)
			return false;
	return true;
}

static void sub(struct ui_doc *d, const char *label, const char *value)
{
	char *text;

	if (kz_str_empty(value))
		return;
	text = xasprintf("%s: %s", label, value);
	ui_doc_text(d, text, 6, UI_LOOK_COUNT);
	free(text);
}

static void build_diagnosis(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	const struct kz_items *areas = ui_vocab(c->ui, KZ_VOCAB_NEED_AREAS);

	heading(d, _("Diagnosis"));
	if (!c->full.ndiagnoses)
		ui_doc_text(d, _("No need area described yet; n writes one."), 3, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < c->full.ndiagnoses; i++) {
		struct kz_diagnosis *g = &c->full.diagnoses[i];
		size_t from = d->n;
		ui_doc_text(d, areas ? kz_items_label(areas, g->need_area) : g->need_area, 3,
			    UI_LOOK_LABEL);
		sub(d, _("Situation"), g->situation);
		sub(d, _("Needs"), g->needs);
		sub(d, _("Strengths and resources"), g->strengths);
		sub(d, _("The family's own view"), g->family_view);
		target(d, from, KZ_KIND_DIAGNOSIS, g->id);
	}
}

static void build_goals(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	char *text;

	text = xasprintf(_("Goals (%zu)"), c->full.ngoals);
	heading(d, text);
	free(text);
	if (!c->full.ngoals)
		ui_doc_text(d, _("No goals yet; o adds one."), 3, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < c->full.ngoals; i++) {
		struct kz_goal *g = &c->full.goals[i];
		size_t from = d->n;
		text = xasprintf(_("%zu. %s \xe2\x80\x94 by %s; %s, %s priority"), i + 1,
				 or_dash(g->what), or_dash(g->target_date), label_of(g->status),
				 label_of(g->priority));
		ui_doc_text(d, text, 3, UI_LOOK_COUNT);
		free(text);
		sub(d, _("How we will know"), g->indicator);
		target(d, from, KZ_KIND_GOAL, g->id);
	}
}

static void build_actions(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	char today[11], *text;

	kz_today(today);
	text = xasprintf(_("Actions (%zu)"), c->full.nactions);
	heading(d, text);
	free(text);
	if (!c->full.nactions)
		ui_doc_text(d, _("No actions yet; w adds one (a service from the basket or your own words)."),
			    3, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < c->full.nactions; i++) {
		struct kz_action *a = &c->full.actions[i];
		size_t from = d->n;
		bool late = action_overdue(a, today);
		const char *what = !kz_str_empty(a->service_title) ? a->service_title : a->free_text;
		struct kz_buf b = KZ_BUF_INIT;
		kz_buf_printf(&b, "%s%s", late ? "! " : "", or_dash(what));
		if (!kz_str_empty(a->partner_name))
			kz_buf_printf(&b, "; %s", a->partner_name);
		if (!kz_str_empty(a->contact_name))
			kz_buf_printf(&b, ", %s", a->contact_name);
		if (!kz_str_empty(a->due_date))
			kz_buf_printf(&b, _("; due %s"), a->due_date);
		kz_buf_printf(&b, "; %s", label_of(a->status));
		ui_doc_text(d, kz_buf_str(&b), 3, late ? UI_LOOK_STALE : UI_LOOK_COUNT);
		kz_buf_free(&b);
		if (!kz_str_empty(a->service_title) && !kz_str_empty(a->free_text))
			sub(d, _("In words"), a->free_text);
		sub(d, _("For the goal"), goal_what(c, a->goal_id));
		sub(d, _("The family's commitment"), a->family_commitment);
		if (!kz_str_empty(a->referral_date)) {
			text = xasprintf(_("on %s by %s; answer: %s"), a->referral_date,
					 ui_user_name(c->ui, a->referred_by), or_dash(a->referral_answer));
			sub(d, _("Referred"), text);
			free(text);
		}
		target(d, from, KZ_KIND_ACTION, a->id);
	}
}

static void build_reviews(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	char *text;

	text = xasprintf(_("Reviews (%zu)"), c->full.nreviews);
	heading(d, text);
	free(text);
	if (!c->full.nreviews)
		ui_doc_text(d, _("No reviews yet; r records one."), 3, UI_LOOK_ARCHIVED);
	for (size_t i = 0; i < c->full.nreviews; i++) {
		struct kz_review *r = &c->full.reviews[i];
		size_t from = d->n;
		text = xasprintf(_("%s \xe2\x80\x94 next review %s"), or_dash(r->review_date),
				 or_dash(r->next_review_date));
		ui_doc_text(d, text, 3, UI_LOOK_COUNT);
		free(text);
		sub(d, _("Who took part"), r->participants);
		sub(d, _("Notes"), r->notes);
		target(d, from, KZ_KIND_REVIEW, r->id);
		for (size_t j = 0; j < c->full.nprogress; j++) {
			struct kz_progress *p = &c->full.progress[j];
			if (!p->review_id || strcmp(p->review_id, r->id) != 0)
				continue;
			from = d->n;
			text = xasprintf("%s (%s)", or_dash(p->progress), label_of(p->goal_status));
			sub(d, or_dash(goal_what(c, p->goal_id)), text);
			free(text);
			target(d, from, KZ_KIND_PROGRESS, p->id);
		}
	}
}

static void build_plan(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	struct kz_plan *p = &c->full.plan;
	size_t from;
	char *text;

	if (!c->has_plan) {
		heading(d, _("Individual support plan"));
		ui_doc_text(d, _("This case has no plan yet; p starts one."), 3, UI_LOOK_STALE);
		return;
	}
	heading(d, _("Individual support plan"));
	from = d->n;
	text = xasprintf(_("%s, valid from %s to %s"), label_of(p->status),
			 or_dash(p->valid_from), or_dash(p->valid_to));
	ui_doc_text(d, text, 3, UI_LOOK_COUNT);
	free(text);
	if (!kz_str_empty(p->approved_on)) {
		text = xasprintf(_("approved on %s by %s"), p->approved_on,
				 ui_user_name(c->ui, p->approved_by));
		ui_doc_text(d, text, 3, UI_LOOK_COUNT);
		free(text);
	}
	sub(d, _("Closing summary"), p->closing_summary);
	target(d, from, KZ_KIND_PLAN, p->id);
	build_diagnosis(c);
	build_goals(c);
	build_actions(c);
	build_reviews(c);
}

static void build(struct cscreen *c)
{
	struct ui_doc *d = &c->doc;
	size_t sel = c->lb.sel;

	ui_doc_free(d);
	d->width = ui_body_w(c->ui);
	if (!c->loaded) {
		ui_doc_text(d, _("This case is no longer there."), 1, UI_LOOK_ERROR);
	} else {
		build_case(c);
		build_household(c);
		build_team(c);
		build_meetings(c);
		build_plan(c);
	}
	ui_lb_set_count(&c->lb, d->n);
	ui_lb_select(&c->lb, sel < d->n ? sel : 0);
}

/* Select the first line of a record (after a save). */
static void select_target(struct cscreen *c, const char *id)
{
	for (size_t i = 0; id && id[0] && i < c->doc.n; i++)
		if (strcmp(c->doc.v[i].target, id) == 0) {
			ui_lb_select(&c->lb, i);
			return;
		}
}

static void reload_all(struct cscreen *c)
{
	load(c);
	build(c);
	c->ui->dirty = true;
}

/* --- drawing ------------------------------------------------------------------------ */

static void draw_line(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	ui_doc_draw_line(&C(ctx)->doc, w, y, x, width, i, selected);
}

static void cs_draw(struct ui_screen *s, struct ui *ui)
{
	struct cscreen *c = C(s);

	if (c->doc.width != ui_body_w(ui))
		build(c);
	ui_lb_draw(&c->lb, ui->body, 0, 0, ui_body_w(ui), draw_line, c);
}

static void cs_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		     char *info, size_t ni)
{
	struct cscreen *c = C(s);

	(void)ui;
	snprintf(name, nn, _("Case %s"), c->kase.code ? c->kase.code : "");
	if (c->has_plan)
		snprintf(info, ni, _("plan: %s"), label_of(c->full.plan.status));
	else
		snprintf(info, ni, "%s", _("no plan"));
}

static const struct ui_legend cs_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_EDIT, NULL }, { UI_ACT_GOAL, NULL },
	{ UI_ACT_PLAN_ACTION, NULL }, { UI_ACT_REVIEW, NULL }, { UI_ACT_PRINT, NULL },
	{ UI_ACT_MEMBER, NULL }, { UI_ACT_TEAM, NULL }, { UI_ACT_NEW_PLAN, NULL },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *cs_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return cs_legend_items;
}

/* --- copies of records for the forms ------------------------------------------------ */

/* Where the screen keeps the loaded records of each kind it shows as
 * lines: an array and its count, or (count 0) one record in place. */
static const struct {
	enum kz_kind kind;
	size_t array;          /* offset of the pointer (or of the record) */
	size_t count;          /* offset of the size_t count; 0: one record */
} parts[] = {
	{ KZ_KIND_MEMBER, offsetof(struct cscreen, members.v), offsetof(struct cscreen, members.n) },
	{ KZ_KIND_TEAM, offsetof(struct cscreen, team.v), offsetof(struct cscreen, team.n) },
	{ KZ_KIND_PLAN, offsetof(struct cscreen, full.plan), 0 },
	{ KZ_KIND_DIAGNOSIS, offsetof(struct cscreen, full.diagnoses),
	  offsetof(struct cscreen, full.ndiagnoses) },
	{ KZ_KIND_GOAL, offsetof(struct cscreen, full.goals), offsetof(struct cscreen, full.ngoals) },
	{ KZ_KIND_ACTION, offsetof(struct cscreen, full.actions),
	  offsetof(struct cscreen, full.nactions) },
	{ KZ_KIND_REVIEW, offsetof(struct cscreen, full.reviews),
	  offsetof(struct cscreen, full.nreviews) },
	{ KZ_KIND_PROGRESS, offsetof(struct cscreen, full.progress),
	  offsetof(struct cscreen, full.nprogress) },
};

/* The loaded record of the kind with this id (the plan whatever the id);
 * NULL when the screen holds none. */
static const void *find_part(const struct cscreen *c, enum kz_kind kind, const char *id)
{
	size_t size = kz_kind_of(kind)->size;

	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++) {
		const char *base = (const char *)c + parts[p].array;
		size_t n;

		if (parts[p].kind != kind)
			continue;
		if (!parts[p].count)
			return base;
		n = *(const size_t *)((const char *)c + parts[p].count);
		base = *(const char *const *)base;
		for (size_t i = 0; i < n; i++)
			if (strcmp(kz_record_id(kind, base + i * size), id) == 0)
				return base + i * size;
	}
	return NULL;
}

static const char *today_s(void)
{
	static char today[11];

	kz_today(today);
	return today;
}

/* --- opening forms -------------------------------------------------------------------- */

static bool need_plan(struct cscreen *c)
{
	if (c->has_plan)
		return true;
	ui_message(c->ui, "%s", _("This case has no plan yet: press p to start one."));
	return false;
}

static struct ui_screen *open_form(struct cscreen *c, enum kz_kind kind, void *rec,
				   const char *note)
{
	struct ui_screen *f = ui_form_new(c->ui, kind, rec);

	if (note)
		ui_form_set_note(f, note);
	if (kind == KZ_KIND_ACTION) {
		struct kz_action *a = rec;
		ui_form_set_ref_label(f, "goal_id", goal_what(c, a->goal_id));
	}
	ui_push(c->ui, f);
	return f;
}

/* --- a new review, held with its progress until the end ------------------------- */

static void drop_pending(struct cscreen *c)
{
	if (c->pending)
		kz_record_free(KZ_KIND_REVIEW, c->pending);
	for (size_t i = 0; i < c->nheld; i++)
		kz_progress_clear(&c->held[i]);
	free(c->held);
	c->pending = NULL;
	c->held = NULL;
	c->nheld = 0;
}

static enum kz_status hold_review(void *ctx, const void *rec, struct kz_error *err)
{
	struct cscreen *c = ctx;
	struct kz_review *r = kz_record_dup(KZ_KIND_REVIEW, rec);
	enum kz_status st = kz_review_check(c->ui->db, r, err);

	if (st != KZ_OK) {
		kz_record_free(KZ_KIND_REVIEW, r);
		return st;
	}
	drop_pending(c);
	c->pending = r;
	c->took = true;
	return KZ_OK;
}

static enum kz_status hold_progress(void *ctx, const void *rec, struct kz_error *err)
{
	struct cscreen *c = ctx;
	enum kz_status st = kz_progress_check(c->ui->db, c->pending ? c->pending->plan_id : NULL,
					      rec, err);
	struct kz_progress *p;

	if (st != KZ_OK)
		return st;
	p = kz_record_dup(KZ_KIND_PROGRESS, rec);
	c->held = xreallocarray(c->held, c->nheld + 1, sizeof(*c->held));
	c->held[c->nheld++] = *p;
	free(p);
	c->took = true;
	return KZ_OK;
}

/* Store the held review with its progress and the version kept at it. */
static void record_pending(struct cscreen *c, bool every_goal)
{
	struct kz_error err = { 0 };
	char id[KZ_ID_LEN + 1] = "";

	if (!c->pending)
		return;
	if (kz_review_record(c->ui->db, c->pending, c->held, c->nheld, NULL, &err) != KZ_OK) {
		ui_error(c->ui, _("The review was not saved: %s"), err.msg);
	} else {
		snprintf(id, sizeof(id), "%s", c->pending->id);
		ui_message(c->ui, "%s", every_goal ? _("The review and the progress of every goal are saved.")
						   : _("The review is saved; the progress of the other goals was not recorded."));
	}
	drop_pending(c);
	reload_all(c);
	if (id[0])
		select_target(c, id);
}

/* The progress form of the next goal of the review being recorded. */
static bool next_progress(struct cscreen *c)
{
	while (c->next_goal < c->ngoals) {
		size_t g = c->next_goal++;
		struct kz_progress *p = xcalloc(1, sizeof(*p));
		const struct kz_progress *old = NULL;
		struct ui_screen *f;
		char *note;
		for (size_t j = 0; j < c->full.nprogress; j++)
			if (c->full.progress[j].review_id && c->full.progress[j].goal_id &&
			    strcmp(c->full.progress[j].review_id, c->review_id) == 0 &&
			    strcmp(c->full.progress[j].goal_id, c->goal_ids[g]) == 0)
				old = &c->full.progress[j];
		if (old) {
			kz_record_free(KZ_KIND_PROGRESS, p);
			p = kz_record_dup(KZ_KIND_PROGRESS, old);
		} else {
			kz_str_set(&p->review_id, c->review_id);
			kz_str_set(&p->goal_id, c->goal_ids[g]);
			for (size_t j = 0; j < c->full.ngoals; j++)
				if (strcmp(c->full.goals[j].id, c->goal_ids[g]) == 0)
					kz_str_set(&p->goal_status, c->full.goals[j].status);
		}
		note = xasprintf(_("Goal %zu of %zu: %s"), g + 1, c->ngoals, c->goal_whats[g]);
		f = open_form(c, KZ_KIND_PROGRESS, p, note);
		free(note);
		if (c->pending)
			ui_form_set_save(f, hold_progress, c);
		c->took = false;
		return true;
	}
	return false;
}

static void free_goal_queue(struct cscreen *c)
{
	for (size_t i = 0; i < c->ngoals; i++) {
		free(c->goal_ids[i]);
		free(c->goal_whats[i]);
	}
	free(c->goal_ids);
	free(c->goal_whats);
	c->goal_ids = c->goal_whats = NULL;
	c->ngoals = c->next_goal = 0;
}

static void start_progress(struct cscreen *c, const char *review_id)
{
	free_goal_queue(c);
	snprintf(c->review_id, sizeof(c->review_id), "%s", review_id);
	c->ngoals = c->full.ngoals;
	c->goal_ids = xcalloc(c->ngoals + 1, sizeof(char *));
	c->goal_whats = xcalloc(c->ngoals + 1, sizeof(char *));
	for (size_t i = 0; i < c->ngoals; i++) {
		c->goal_ids[i] = xstrdup(c->full.goals[i].id);
		c->goal_whats[i] = xstrdup(c->full.goals[i].what ? c->full.goals[i].what : "");
	}
	c->step = R_PROGRESS;
	if (!next_progress(c))
		c->step = R_NONE;
}

static void edit_line(struct cscreen *c, const struct ui_doc_line *l)
{
	const void *found;
	void *rec;

	if (l->kind == KZ_KIND_CASE) {
		ui_edit_case(c->ui, l->target);
		return;
	}
	if (l->kind == KZ_KIND_MEETING) {
		ui_push(c->ui, ui_meeting_screen_new(c->ui, l->target));
		return;
	}
	if (l->kind == KZ_KIND_TASK) {
		ui_edit_task(c->ui, l->target);
		return;
	}
	found = find_part(c, l->kind, l->target);
	if (!found) {
		ui_message(c->ui, "%s", _("Nothing to edit on this line."));
		return;
	}
	rec = kz_record_dup(l->kind, found);
	if (l->kind == KZ_KIND_REVIEW)
		c->step = R_REVIEW_FORM;
	if (l->kind == KZ_KIND_PROGRESS) {
		/* Which goal the note is about: the form cannot name it. */
		const struct kz_progress *p = rec;
		char *note = xasprintf(_("Goal: %s"), or_dash(goal_what(c, p->goal_id)));
		open_form(c, KZ_KIND_PROGRESS, rec, note);
		free(note);
		return;
	}
	open_form(c, l->kind, rec, NULL);
}

static void delete_line(struct cscreen *c, const struct ui_doc_line *l)
{
	const struct kz_kind_info *k = kz_kind_of(l->kind);
	struct kz_error err = { 0 };

	if (!k->remove || !find_part(c, l->kind, l->target)) {
		ui_message(c->ui, "%s", k->not_removed ? _(k->not_removed)
						       : _("Nothing to delete on this line."));
		return;
	}
	if (!ui_confirm(c->ui, _(k->remove_question)))
		return;
	if (k->remove(c->ui->db, l->target, &err) != KZ_OK) {
		ui_error(c->ui, _("Not deleted: %s"), err.msg);
		return;
	}
	ui_message(c->ui, "%s", _("Deleted."));
	reload_all(c);
}

static void new_part(struct cscreen *c, enum ui_action a)
{
	void *rec = NULL;
	enum kz_kind kind;
	const char *plan_id = c->full.plan.id;

	switch (a) {
	case UI_ACT_MEMBER: {
		struct kz_member *m = xcalloc(1, sizeof(*m));
		kz_str_set(&m->case_id, c->case_id);
		rec = m;
		kind = KZ_KIND_MEMBER;
		break;
	}
	case UI_ACT_TEAM: {
		struct kz_team_member *t = xcalloc(1, sizeof(*t));
		kz_str_set(&t->case_id, c->case_id);
		rec = t;
		kind = KZ_KIND_TEAM;
		break;
	}
	case UI_ACT_NEW_PLAN: {
		struct kz_plan *p;
		if (c->has_plan && c->full.plan.status &&
		    strcmp(c->full.plan.status, "closed") != 0) {
			ui_message(c->ui, "%s", _("The case has a plan in force: edit it, or close it with C first."));
			return;
		}
		p = xcalloc(1, sizeof(*p));
		kz_str_set(&p->case_id, c->case_id);
		kz_plan_defaults(c->ui->cfg, p);
		rec = p;
		kind = KZ_KIND_PLAN;
		break;
	}
	case UI_ACT_DIAGNOSIS: {
		struct kz_diagnosis *d;
		if (!need_plan(c))
			return;
		d = xcalloc(1, sizeof(*d));
		kz_str_set(&d->plan_id, plan_id);
		rec = d;
		kind = KZ_KIND_DIAGNOSIS;
		break;
	}
	case UI_ACT_GOAL: {
		struct kz_goal *g;
		if (!need_plan(c))
			return;
		g = xcalloc(1, sizeof(*g));
		kz_str_set(&g->plan_id, plan_id);
		kz_str_set(&g->priority, "medium");
		kz_str_set(&g->status, "open");
		rec = g;
		kind = KZ_KIND_GOAL;
		break;
	}
	case UI_ACT_PLAN_ACTION: {
		struct kz_action *x;
		const struct ui_doc_line *l = c->lb.sel < c->doc.n ? &c->doc.v[c->lb.sel] : NULL;
		if (!need_plan(c))
			return;
		x = xcalloc(1, sizeof(*x));
		kz_str_set(&x->plan_id, plan_id);
		kz_str_set(&x->status, "planned");
		/* On a goal's line: an action for that goal. */
		if (l && l->kind == KZ_KIND_GOAL)
			kz_str_set(&x->goal_id, l->target);
		rec = x;
		kind = KZ_KIND_ACTION;
		break;
	}
	case UI_ACT_REVIEW: {
		struct kz_review *r;
		if (!need_plan(c))
			return;
		r = xcalloc(1, sizeof(*r));
		kz_str_set(&r->plan_id, plan_id);
		kz_str_set(&r->review_date, today_s());
		c->step = R_REVIEW_FORM;
		c->took = false;
		drop_pending(c);
		ui_form_set_save(open_form(c, KZ_KIND_REVIEW, r, NULL), hold_review, c);
		return;
	}
	default:
		return;
	}
	open_form(c, kind, rec, NULL);
}

static void approve(struct cscreen *c)
{
	struct kz_plan *p;
	struct kz_error err = { 0 };

	if (!need_plan(c))
		return;
	if (c->full.plan.status && strcmp(c->full.plan.status, "draft") != 0) {
		ui_message(c->ui, _("The plan is already %s."), label_of(c->full.plan.status));
		return;
	}
	if (!ui_confirm(c->ui, _("Approve the plan now, in your name?")))
		return;
	p = kz_record_dup(KZ_KIND_PLAN, &c->full.plan);
	kz_str_set(&p->status, "approved");
	kz_str_set(&p->approved_by, kz_db_user(c->ui->db));
	kz_str_set(&p->approved_on, today_s());
	if (kz_plan_save(c->ui->db, c->ui->cfg, p, &err) != KZ_OK)
		ui_error(c->ui, _("Not approved: %s"), err.msg);
	else
		ui_message(c->ui, "%s", _("The plan is approved; this version is kept."));
	ui_rec_free(KZ_KIND_PLAN, p);
	reload_all(c);
}

static void close_plan(struct cscreen *c)
{
	struct kz_plan *p;

	if (!need_plan(c))
		return;
	if (c->full.plan.status && strcmp(c->full.plan.status, "closed") == 0) {
		ui_message(c->ui, "%s", _("The plan is already closed."));
		return;
	}
	p = kz_record_dup(KZ_KIND_PLAN, &c->full.plan);
	kz_str_set(&p->status, "closed");
	open_form(c, KZ_KIND_PLAN, p, _("Write the closing summary, then F2 closes the plan."));
}

static void erase_case(struct cscreen *c)
{
	struct kz_error err = { 0 };
	char *q, *typed;
	char *code = xstrdup(c->kase.code ? c->kase.code : "");

	q = xasprintf(_("Erase all of %s? Type its code: "), code);
	typed = ui_ask(c->ui, q, NULL);
	free(q);
	if (!typed || strcmp(typed, code) != 0) {
		ui_message(c->ui, "%s", typed ? _("The code does not match: nothing was erased.")
					     : _("Nothing was erased."));
		free(typed);
		free(code);
		return;
	}
	free(typed);
	if (kz_case_erase(c->ui->db, code, &err) != KZ_OK) {
		ui_error(c->ui, _("Not erased: %s"), err.msg);
		free(code);
		return;
	}
	ui_message(c->ui, _("Case %s was erased; only a note that it happened is kept."), code);
	free(code);
	ui_pop(c->ui);
}

/* Pick a worker or coordinator: share the case with her, or stop sharing
 * it when it is shared already. The data layer decides who may. */
static void share_case(struct cscreen *c)
{
	struct ui *ui = c->ui;
	struct ui_pick p = { 0 };
	struct kz_error err = { 0 };
	char **logins = NULL;
	size_t n = 0;
	enum kz_status st;

	kz_case_shares(ui->db, c->kase.id, &logins, &n, NULL);
	p.title = _("Share the case with (Enter; again to stop sharing)");
	for (size_t i = 0; i < ui->cfg->n_users; i++) {
		const struct kz_user *u = &ui->cfg->users[i];
		bool shared = false;
		/* a coordinator sees every case already */
		if (u->role != KZ_ROLE_WORKER || kz_str_eq(u->login, c->kase.manager))
			continue;
		for (size_t j = 0; j < n; j++)
			shared = shared || strcmp(logins[j], u->login) == 0;
		ui_pick_add(&p, u->name ? u->name : u->login, u->login,
			    shared ? _("shared: Enter stops sharing") : u->login);
	}
	if (p.n == 0) {
		ui_message(ui, "%s", _("There is nobody else to share the case with."));
	} else if (ui_pick_run(ui, &p)) {
		const char *login = p.items[p.chosen].value;
		bool shared = false;
		for (size_t j = 0; j < n; j++)
			shared = shared || strcmp(logins[j], login) == 0;
		st = shared ? kz_case_unshare(ui->db, c->kase.code, login, &err)
			    : kz_case_share(ui->db, ui->cfg, c->kase.code, login, &err);
		if (st != KZ_OK)
			ui_error(ui, "%s", err.msg);
		else
			ui_message(ui, shared ? _("%s no longer sees case %s.")
					      : _("%s sees case %s now."),
				   login, c->kase.code);
		load(c);
		build(c);
	}
	ui_pick_free_items(&p);
	kz_strv_free(logins, n);
}

static void print_plan(struct cscreen *c);

/* The case's audit trail, oldest first, in a text view. */
static void show_trail(struct cscreen *c)
{
	struct kz_audit_entries e = { 0 };
	struct kz_error err = { 0 };
	struct kz_buf text = KZ_BUF_INIT;
	char when[20], *title;

	if (kz_audit_list(c->ui->db, c->kase.code, &e, &err) != KZ_OK) {
		ui_error(c->ui, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < e.n; i++) {
		const struct kz_audit_entry *a = &e.v[i];
		ui_local_time(a->at, when);
		kz_buf_printf(&text, "%lld  %s  %s  %s  %s", a->seq, when,
			      ui_user_name(c->ui, a->user), kz_audit_word(a->action),
			      kz_audit_word(a->kind));
		if (!kz_str_empty(a->summary) && !kz_str_eq(a->summary, a->case_code) &&
		    !kz_str_eq(a->summary, a->kind))
			kz_buf_printf(&text, " (%s)", a->summary);
		kz_buf_putc(&text, '\n');
	}
	if (e.n == 0)
		kz_buf_puts(&text, _("The trail of this case is empty."));
	title = xasprintf(_("Audit trail of case %s"), c->kase.code ? c->kase.code : "");
	ui_push(c->ui, ui_text_view_new(c->ui, title, kz_buf_str(&text), NULL));
	free(title);
	kz_buf_free(&text);
	kz_audit_entries_free(&e);
}

static bool cs_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct cscreen *c = C(s);
	const struct ui_doc_line *l = c->lb.sel < c->doc.n ? &c->doc.v[c->lb.sel] : NULL;

	if (ui_lb_action(&c->lb, a))
		return true;
	if (!c->loaded && a != UI_ACT_BACK && a != UI_ACT_QUIT && a != UI_ACT_HELP &&
	    (ui_actions[a].group & (UI_G_LIST | UI_G_CASE))) {
		ui_message(ui, "%s", _("This case is no longer there."));
		return true;
	}
	switch (a) {
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
		if (l && l->target[0])
			edit_line(c, l);
		else
			ui_message(ui, "%s", _("Nothing to edit on this line."));
		return true;
	case UI_ACT_ARCHIVE:
		if (l && (l->kind == KZ_KIND_MEETING || l->kind == KZ_KIND_TASK))
			ui_message(ui, "%s", _("Open the meeting or the task to change it."));
		else if (l && l->target[0])
			delete_line(c, l);
		return true;
	case UI_ACT_ADD:
		ui_message(ui, "%s", _("Add what? h household, t team, p plan, n diagnosis, o goal, w action, r review."));
		return true;
	case UI_ACT_MEMBER:
	case UI_ACT_TEAM:
	case UI_ACT_NEW_PLAN:
	case UI_ACT_DIAGNOSIS:
	case UI_ACT_GOAL:
	case UI_ACT_PLAN_ACTION:
	case UI_ACT_REVIEW:
		new_part(c, a);
		return true;
	case UI_ACT_NAMES:
		c->names = !c->names;
		build(c);
		return true;
	case UI_ACT_APPROVE: approve(c); return true;
	case UI_ACT_CLOSE_PLAN: close_plan(c); return true;
	case UI_ACT_CASE_MEETING:
		return ui_new_case_meeting(ui, c->case_id, c->kase.code);
	case UI_ACT_VERSIONS:
		if (need_plan(c))
			ui_push(ui, ui_versions_new(ui, c->full.plan.id, c->kase.code));
		return true;
	case UI_ACT_PRINT:
		if (need_plan(c))
			print_plan(c);
		return true;
	case UI_ACT_ERASE: erase_case(c); return true;
	case UI_ACT_SHARE: share_case(c); return true;
	case UI_ACT_AUDIT: show_trail(c); return true;
	default:
		return false;
	}
}

static void print_plan(struct cscreen *c)
{
	struct ui_screen *v = ui_plan_print_view(c->ui, c->full.plan.id, c->kase.code);

	if (v)
		ui_push(c->ui, v);
}

static void cs_resize(struct ui_screen *s, struct ui *ui)
{
	struct cscreen *c = C(s);

	ui_lb_set_height(&c->lb, ui_body_h(ui));
	build(c);
}

/* A form of a new review closed: the progress of the next goal, or the
 * review recorded with what was given. */
static void review_step_done(struct cscreen *c)
{
	bool took = c->took;

	if (c->step == R_REVIEW_FORM && c->full.ngoals) {
		start_progress(c, "");
		if (c->step == R_PROGRESS)
			return;
	}
	if (c->step == R_PROGRESS && took && next_progress(c))
		return;
	record_pending(c, c->nheld == c->ngoals);
	c->step = R_NONE;
	free_goal_queue(c);
}

static void cs_reveal(struct ui_screen *s, struct ui *ui)
{
	struct cscreen *c = C(s);
	char saved[KZ_ID_LEN + 1];

	snprintf(saved, sizeof(saved), "%s", ui->saved_id);
	ui->saved_id[0] = '\0';
	reload_all(c);
	select_target(c, saved);
	if (c->pending) {
		review_step_done(c);
		return;
	}
	if (c->step == R_REVIEW_FORM) {
		if (saved[0] && c->full.ngoals) {
			start_progress(c, saved);
			return;
		}
		c->step = R_NONE;
	} else if (c->step == R_PROGRESS) {
		if (saved[0] && next_progress(c))
			return;
		if (!saved[0])
			ui_message(ui, "%s", _("The review is saved; the progress of the other goals was not recorded."));
		else
			ui_message(ui, "%s", _("The review and the progress of every goal are saved."));
		c->step = R_NONE;
		free_goal_queue(c);
	}
}

static void cs_destroy(struct ui_screen *s)
{
	struct cscreen *c = C(s);

	unload(c);
	free_goal_queue(c);
	drop_pending(c);
	ui_doc_free(&c->doc);
	free(c);
}

static const struct ui_screen_ops cs_ops = {
	.draw = cs_draw,
	.action = cs_action,
	.resize = cs_resize,
	.reveal = cs_reveal,
	.title = cs_title,
	.legend = cs_legend,
	.destroy = cs_destroy,
	.groups = UI_G_MOVE | UI_G_LIST | UI_G_CASE,
};

struct ui_screen *ui_case_screen_new(struct ui *ui, const char *case_id)
{
	struct cscreen *c = xcalloc(1, sizeof(*c));

	c->base.ops = &cs_ops;
	c->ui = ui;
	snprintf(c->case_id, sizeof(c->case_id), "%s", case_id);
	ui_lb_init(&c->lb, true);
	/* Opening the case reads the family's file: once per opening, before
	 * anything of it is shown, the trail says so. */
	if (kz_case_visible(ui->db, c->case_id)) {
		struct kz_error err = { 0 };
		if (kz_case_note_read(ui->db, c->case_id, "case", &err) != KZ_OK) {
			ui_error(ui, "%s", err.msg);
			return &c->base;
		}
	}
	load(c);
	return &c->base;
}
