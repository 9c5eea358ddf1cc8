/* koszyk case open|add: writing cases and plans from scripts, through the
 * same data layer (and the same checks) as the screens.
 *
 *   koszyk case open FIELD=VALUE...            prints the new case code
 *   koszyk case add KIND CASE_CODE FIELD=VALUE...   prints the new id
 *
 * KIND is member, team, plan, diagnosis, goal, action, review or progress;
 * FIELD is a column of that record (see koszyk(1)). Parts of a plan go to
 * the case's current plan. References may be given by name: contact=,
 * partner=, service= (a title), goal=N (the N-th goal of the plan as the
 * screen lists them), review=latest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

enum parent { PARENT_NONE, PARENT_CASE, PARENT_PLAN, PARENT_REVIEW };

struct kind {
	const char *name;
	const struct kz_field *fields;
	const size_t *nfields;
	size_t size;
	enum parent parent;
	const char *parent_field;
	enum kz_status (*save)(struct kz_cli *cli, void *rec, struct kz_error *err);
	void (*clear)(void *rec);
};

#define SAVER(fn, type, call) \
	static enum kz_status fn(struct kz_cli *cli, void *rec, struct kz_error *err) \
	{ (void)cli; return call; }
SAVER(save_case, kz_case, kz_case_save(cli->db, &cli->cfg, rec, err))
SAVER(save_member, kz_member, kz_member_save(cli->db, rec, err))
SAVER(save_team, kz_team_member, kz_team_save(cli->db, rec, err))
SAVER(save_plan, kz_plan, kz_plan_save(cli->db, &cli->cfg, rec, err))
SAVER(save_diagnosis, kz_diagnosis, kz_diagnosis_save(cli->db, &cli->cfg, rec, err))
SAVER(save_goal, kz_goal, kz_goal_save(cli->db, rec, err))
SAVER(save_action, kz_action, kz_action_save(cli->db, rec, err))
SAVER(save_review, kz_review, kz_review_save(cli->db, rec, err))
SAVER(save_progress, kz_progress, kz_progress_save(cli->db, rec, err))

#define CLEARER(fn, type, call) static void fn(void *rec) { call((struct type *)rec); }
CLEARER(clear_case, kz_case, kz_case_clear)
CLEARER(clear_member, kz_member, kz_member_clear)
CLEARER(clear_team, kz_team_member, kz_team_member_clear)
CLEARER(clear_plan, kz_plan, kz_plan_clear)
CLEARER(clear_diagnosis, kz_diagnosis, kz_diagnosis_clear)
CLEARER(clear_goal, kz_goal, kz_goal_clear)
CLEARER(clear_action, kz_action, kz_action_clear)
CLEARER(clear_review, kz_review, kz_review_clear)
CLEARER(clear_progress, kz_progress, kz_progress_clear)

static const struct kind kinds[] = {
	{ "case", kz_case_fields, &kz_case_nfields, sizeof(struct kz_case),
	  PARENT_NONE, NULL, save_case, clear_case },
	{ "member", kz_member_fields, &kz_member_nfields, sizeof(struct kz_member),
	  PARENT_CASE, "case_id", save_member, clear_member },
	{ "team", kz_team_fields, &kz_team_nfields, sizeof(struct kz_team_member),
	  PARENT_CASE, "case_id", save_team, clear_team },
	{ "plan", kz_plan_fields, &kz_plan_nfields, sizeof(struct kz_plan),
	  PARENT_CASE, "case_id", save_plan, clear_plan },
	{ "diagnosis", kz_diagnosis_fields, &kz_diagnosis_nfields, sizeof(struct kz_diagnosis),
	  PARENT_PLAN, "plan_id", save_diagnosis, clear_diagnosis },
	{ "goal", kz_goal_fields, &kz_goal_nfields, sizeof(struct kz_goal),
	  PARENT_PLAN, "plan_id", save_goal, clear_goal },
	{ "action", kz_action_fields, &kz_action_nfields, sizeof(struct kz_action),
	  PARENT_PLAN, "plan_id", save_action, clear_action },
	{ "review", kz_review_fields, &kz_review_nfields, sizeof(struct kz_review),
	  PARENT_PLAN, "plan_id", save_review, clear_review },
	{ "progress", kz_progress_fields, &kz_progress_nfields, sizeof(struct kz_progress),
	  PARENT_REVIEW, "review_id", save_progress, clear_progress },
};

static const struct kind *find_kind(const char *name)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

static void field_names(const struct kind *k, struct kz_buf *b)
{
	for (size_t i = 0; i < *k->nfields; i++) {
		const char *n = k->fields[i].name;
		if (k->parent_field && strcmp(n, k->parent_field) == 0)
			continue;
		if (b->len)
			kz_buf_puts(b, ", ");
		kz_buf_puts(b, n);
	}
}

/* --- references by name ------------------------------------------------------ */

static enum kz_status service_by_title(struct kz_cli *cli, const char *title,
				       char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	struct kz_service_filter all = { .status = "all" };
	struct kz_rows rows;
	char *want = kz_fold_key(title);
	enum kz_status st = kz_service_list(cli->db, title, &all, 50, &rows, err);
	bool found = false;

	for (size_t i = 0; st == KZ_OK && i < rows.n && !found; i++) {
		char *t = kz_fold_key(rows.v[i].title);
		if (strcmp(t, want) == 0) {
			memcpy(id, rows.v[i].id, KZ_ID_LEN + 1);
			found = true;
		}
		free(t);
	}
	if (st == KZ_OK && !found)
		st = kz_fail(err, KZ_INVALID,
			     _("there is no service titled \"%s\" in the basket (give its whole title, or service_id=)"),
			     title);
	if (st == KZ_OK && !found)
		st = KZ_INVALID;
	kz_rows_free(&rows);
	free(want);
	return st;
}

/* The n-th goal (1-based) of the plan, in the order of the screen. */
static enum kz_status goal_by_number(struct kz_cli *cli, const char *plan_id,
				     const char *n, char id[KZ_ID_LEN + 1],
				     struct kz_error *err)
{
	struct kz_plan_full full;
	long k = strtol(n, NULL, 10);
	enum kz_status st = kz_plan_load(cli->db, &cli->cfg, plan_id, &full, err);

	if (st != KZ_OK)
		return st;
	if (k < 1 || (size_t)k > full.ngoals)
		st = kz_fail(err, KZ_INVALID, _("goal=%s: the plan has %zu goal(s); give a number from 1"),
			     n, full.ngoals);
	else
		memcpy(id, full.goals[k - 1].id, KZ_ID_LEN + 1);
	kz_plan_full_free(&full);
	return st;
}

static enum kz_status latest_review(struct kz_cli *cli, const char *plan_id,
				    char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	struct kz_plan_full full;
	enum kz_status st = kz_plan_load(cli->db, &cli->cfg, plan_id, &full, err);

	if (st != KZ_OK)
		return st;
	if (full.nreviews == 0)
		st = kz_fail(err, KZ_INVALID, _("the plan has no review yet; add one with \"koszyk case add review\""));
	else
		memcpy(id, full.reviews[full.nreviews - 1].id, KZ_ID_LEN + 1);
	kz_plan_full_free(&full);
	return st;
}

/* name=value where name is a convenience alias: turn it into the field's
 * id. Returns KZ_NOT_FOUND when name is no alias. */
static enum kz_status resolve_alias(struct kz_cli *cli, const struct kind *k, void *rec,
				    const char *plan_id, const char *name,
				    const char *value, struct kz_error *err)
{
	char id[KZ_ID_LEN + 1];
	const char *field = NULL;
	enum kz_status st = KZ_NOT_FOUND;

	if (strcmp(name, "service") == 0 && strcmp(k->name, "action") == 0) {
		field = "service_id";
		st = service_by_title(cli, value, id, err);
	} else if (strcmp(name, "partner") == 0 && strcmp(k->name, "action") == 0) {
		field = "partner_id";
		st = kz_partner_find_by_name(cli->db, value, id, err);
		if (st == KZ_NOT_FOUND)
			st = KZ_INVALID;
	} else if (strcmp(name, "contact") == 0 &&
		   (strcmp(k->name, "action") == 0 || strcmp(k->name, "team") == 0)) {
		field = "contact_id";
		st = kz_contact_find_by_name(cli->db, NULL, value, id, err);
		if (st == KZ_NOT_FOUND)
			st = KZ_INVALID;
	} else if (strcmp(name, "goal") == 0 &&
		   (strcmp(k->name, "action") == 0 || strcmp(k->name, "progress") == 0)) {
		field = "goal_id";
		st = goal_by_number(cli, plan_id, value, id, err);
	}
	if (st != KZ_OK)
		return st;
	const struct kz_field *f = kz_field_find(k->fields, *k->nfields, field);
	kz_str_set(kz_field_slot(rec, f), id);
	return KZ_OK;
}

/* --- the command ------------------------------------------------------------- */

static enum kz_status set_fields(struct kz_cli *cli, const struct kind *k, void *rec,
				 const char *plan_id, int first, struct kz_error *err)
{
	for (int i = first; i < cli->argc; i++) {
		const char *arg = cli->argv[i];
		const char *eq = strchr(arg, '=');
		if (!eq || eq == arg)
			return kz_fail(err, KZ_INVALID,
				       _("\"%s\": write each value as FIELD=VALUE, e.g. target_date=2026-12-31"),
				       arg);
		char *name = xstrndup(arg, (size_t)(eq - arg));
		const struct kz_field *f = kz_field_find(k->fields, *k->nfields, name);
		enum kz_status st = KZ_OK;

		if (f && (!k->parent_field || strcmp(f->name, k->parent_field) != 0)) {
			kz_str_set(kz_field_slot(rec, f), eq + 1);
		} else {
			st = resolve_alias(cli, k, rec, plan_id, name, eq + 1, err);
			if (st == KZ_NOT_FOUND) {
				struct kz_buf names = KZ_BUF_INIT;
				field_names(k, &names);
				st = kz_fail(err, KZ_INVALID, _("a %s has no field \"%s\"; the fields are: %s"),
					     k->name, name, kz_buf_str(&names));
				kz_buf_free(&names);
			}
		}
		free(name);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

/* Find the record's parent from the case code. */
static enum kz_status parent_of(struct kz_cli *cli, const struct kind *k,
				const char *code, char plan_id[KZ_ID_LEN + 1],
				char parent[KZ_ID_LEN + 1], struct kz_error *err)
{
	struct kz_case c = { 0 };
	struct kz_plan p = { 0 };
	enum kz_status st = kz_case_find(cli->db, code, &c, err);

	if (st == KZ_NOT_FOUND)
		st = KZ_INVALID;
	if (st != KZ_OK)
		return st;
	memcpy(parent, c.id, KZ_ID_LEN + 1);
	plan_id[0] = '\0';
	if (k->parent != PARENT_CASE) {
		st = kz_plan_current(cli->db, c.id, &p, err);
		if (st == KZ_NOT_FOUND)
			st = kz_fail(err, KZ_INVALID,
				     _("case %s has no plan yet; add one with \"koszyk case add plan %s\""),
				     code, code);
		if (st == KZ_OK) {
			memcpy(plan_id, p.id, KZ_ID_LEN + 1);
			memcpy(parent, p.id, KZ_ID_LEN + 1);
		}
	}
	if (st == KZ_OK && k->parent == PARENT_REVIEW)
		st = latest_review(cli, plan_id, parent, err);
	kz_case_clear(&c);
	kz_plan_clear(&p);
	return st;
}

/* case share|unshare CASE_CODE LOGIN */
static enum kz_status share_cmd(struct kz_cli *cli, bool share,
				struct kz_error *err)
{
	enum kz_status st;

	if (cli->argc != 4)
		return kz_fail(err, KZ_INVALID,
			       _("usage: koszyk case share CASE_CODE LOGIN | koszyk case unshare CASE_CODE LOGIN"));
	st = kz_cli_open_db(cli, false, err);
	if (st != KZ_OK)
		return st;
	if (share)
		st = kz_case_share(cli->db, &cli->cfg, cli->argv[2], cli->argv[3], err);
	else
		st = kz_case_unshare(cli->db, cli->argv[2], cli->argv[3], err);
	if (st == KZ_OK)
		printf(share ? _("Case %s is shared with %s.\n")
			     : _("Case %s is no longer shared with %s.\n"),
		       cli->argv[2], cli->argv[3]);
	return st;
}

enum kz_status kz_cmd_case(struct kz_cli *cli, struct kz_error *err)
{
	const struct kind *k;
	const char *code = NULL;
	char plan_id[KZ_ID_LEN + 1] = "", parent[KZ_ID_LEN + 1] = "";
	int first;
	enum kz_status st;

	if (cli->argc >= 2 && (strcmp(cli->argv[1], "share") == 0 ||
				strcmp(cli->argv[1], "unshare") == 0))
		return share_cmd(cli, cli->argv[1][0] == 's', err);
	if (cli->argc >= 2 && strcmp(cli->argv[1], "open") == 0) {
		k = find_kind("case");
		first = 2;
	} else if (cli->argc >= 4 && strcmp(cli->argv[1], "add") == 0) {
		k = find_kind(cli->argv[2]);
		if (!k || k->parent == PARENT_NONE)
			return kz_fail(err, KZ_INVALID,
				       _("cannot add \"%s\" to a case: the kinds are member, team, plan, diagnosis, goal, action, review, progress"),
				       cli->argv[2]);
		code = cli->argv[3];
		first = 4;
	} else {
		return kz_fail(err, KZ_INVALID,
			       _("usage: koszyk case open FIELD=VALUE... | koszyk case add KIND CASE_CODE FIELD=VALUE... | koszyk case share|unshare CASE_CODE LOGIN"));
	}
	st = kz_cli_open_db(cli, false, err);
	if (st == KZ_OK && code)
		st = parent_of(cli, k, code, plan_id, parent, err);
	if (st != KZ_OK)
		return st;

	void *rec = xcalloc(1, k->size);
	if (k->parent_field)
		kz_str_set(kz_field_slot(rec, kz_field_find(k->fields, *k->nfields, k->parent_field)),
			   parent);
	st = set_fields(cli, k, rec, plan_id, first, err);
	if (st == KZ_OK)
		st = k->save(cli, rec, err);
	if (st == KZ_OK) {
		/* scripts read the new case code or the new record's id */
		if (strcmp(k->name, "case") == 0)
			printf("%s\n", ((struct kz_case *)rec)->code);
		else
			printf("%s\n", (const char *)rec);
	}
	k->clear(rec);
	free(rec);
	return st;
}
