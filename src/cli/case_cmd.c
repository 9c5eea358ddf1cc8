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
 * screen lists them), review=latest. A review takes the progress of its
 * goals too, progress.N= and goal_status.N= (N: the goal's number), and
 * is saved with them and the version of the plan in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* Kinds that belong to a case: their parent is the case, or a plan or a
 * review of it. */
static bool belongs_to_case(const struct kz_kind_info *k)
{
	return k->parent_field && (k->parent == KZ_KIND_CASE || k->parent == KZ_KIND_PLAN ||
				   k->parent == KZ_KIND_REVIEW);
}

/* "member, team, plan, ..." */
static void case_kind_names(struct kz_buf *b)
{
	for (int i = 0; i < KZ_KIND_COUNT; i++) {
		const struct kz_kind_info *k = kz_kind_of((enum kz_kind)i);
		if (!belongs_to_case(k))
			continue;
		if (b->len)
			kz_buf_puts(b, ", ");
		kz_buf_puts(b, k->name);
	}
}

static void field_names(const struct kz_kind_info *k, struct kz_buf *b)
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

static enum kz_status partner_by_name(struct kz_cli *cli, const char *plan_id,
				       const char *name, char id[KZ_ID_LEN + 1],
				       struct kz_error *err)
{
	enum kz_status st = kz_partner_find_by_name(cli->db, name, id, err);

	(void)plan_id;
	return st == KZ_NOT_FOUND ? KZ_INVALID : st;
}

static enum kz_status contact_by_name(struct kz_cli *cli, const char *plan_id,
				       const char *name, char id[KZ_ID_LEN + 1],
				       struct kz_error *err)
{
	enum kz_status st = kz_contact_find_by_name(cli->db, NULL, name, id, err);

	(void)plan_id;
	return st == KZ_NOT_FOUND ? KZ_INVALID : st;
}

static enum kz_status service_in_plan(struct kz_cli *cli, const char *plan_id,
				       const char *title, char id[KZ_ID_LEN + 1],
				       struct kz_error *err)
{
	(void)plan_id;
	return service_by_title(cli, title, id, err);
}

/* References given by name instead of id: alias=value sets the field of
 * any kind that has it. */
static const struct {
	const char *alias;
	const char *field;
	enum kz_status (*resolve)(struct kz_cli *cli, const char *plan_id,
				  const char *value, char id[KZ_ID_LEN + 1],
				  struct kz_error *err);
} aliases[] = {
	{ "service", "service_id", service_in_plan },
	{ "partner", "partner_id", partner_by_name },
	{ "contact", "contact_id", contact_by_name },
	{ "goal", "goal_id", goal_by_number },
};

/* name=value where name is an alias of a field of the kind: turn the
 * value into the id. Returns KZ_NOT_FOUND when name is no alias. */
static enum kz_status resolve_alias(struct kz_cli *cli, const struct kz_kind_info *k,
				    void *rec, const char *plan_id, const char *name,
				    const char *value, struct kz_error *err)
{
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		const struct kz_field *f = kz_field_find(k->fields, *k->nfields, aliases[i].field);
		char id[KZ_ID_LEN + 1];
		enum kz_status st;

		if (strcmp(name, aliases[i].alias) != 0 || !f)
			continue;
		st = aliases[i].resolve(cli, plan_id, value, id, err);
		if (st == KZ_OK)
			kz_str_set(kz_field_slot(rec, f), id);
		return st;
	}
	return KZ_NOT_FOUND;
}

/* --- the command ------------------------------------------------------------- */

/* --- a review with the progress of its goals ---------------------------------- */

static const char *const progress_prefixes[] = { "progress.", "goal_status." };

/* progress.N=... or goal_status.N=... of a review: the index of the prefix
 * in progress_prefixes, -1 for any other argument. */
static int progress_arg(const struct kz_kind_info *k, const char *arg)
{
	if (k->kind != KZ_KIND_REVIEW)
		return -1;
	for (int i = 0; i < 2; i++)
		if (strncmp(arg, progress_prefixes[i], strlen(progress_prefixes[i])) == 0)
			return i;
	return -1;
}

struct progress_list { struct kz_progress *v; size_t n; };

static void progress_list_free(struct progress_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		kz_progress_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* The progress of the goal, added to the list when it has none yet. */
static struct kz_progress *progress_of(struct progress_list *l, const char *goal_id)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].goal_id, goal_id) == 0)
			return &l->v[i];
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	memset(&l->v[l->n], 0, sizeof(*l->v));
	kz_str_set(&l->v[l->n].goal_id, goal_id);
	return &l->v[l->n++];
}

/* One progress.N=VALUE or goal_status.N=VALUE into the list. */
static enum kz_status add_progress_arg(struct kz_cli *cli, const char *plan_id, int which,
				       const char *arg, struct progress_list *l,
				       struct kz_error *err)
{
	const char *num = arg + strlen(progress_prefixes[which]);
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - num) : 0;
	char goal_id[KZ_ID_LEN + 1], *n;
	struct kz_progress *p;
	enum kz_status st;

	if (!eq || len == 0 || len > 6 || strspn(num, "0123456789") != len)
		return kz_fail(err, KZ_INVALID,
			       _("\"%s\": give the goal's number after the dot, e.g. progress.1=\"...\" goal_status.1=partly"),
			       arg);
	n = xstrndup(num, len);
	st = goal_by_number(cli, plan_id, n, goal_id, err);
	free(n);
	if (st != KZ_OK)
		return st;
	p = progress_of(l, goal_id);
	kz_str_set(which == 0 ? &p->progress : &p->goal_status, eq + 1);
	return KZ_OK;
}

/* Every progress.N= and goal_status.N= of the command line. */
static enum kz_status review_progress(struct kz_cli *cli, const struct kz_kind_info *k,
				      const char *plan_id, int first,
				      struct progress_list *l, struct kz_error *err)
{
	enum kz_status st = KZ_OK;

	for (int i = first; i < cli->argc && st == KZ_OK; i++) {
		int which = progress_arg(k, cli->argv[i]);
		if (which >= 0)
			st = add_progress_arg(cli, plan_id, which, cli->argv[i], l, err);
	}
	return st;
}

static enum kz_status save_record(struct kz_cli *cli, const struct kz_kind_info *k,
				  void *rec, const char *plan_id, int first,
				  struct kz_error *err)
{
	struct progress_list l = { 0 };
	enum kz_status st;

	if (k->kind != KZ_KIND_REVIEW)
		return kz_record_save(cli->db, &cli->cfg, k->kind, rec, err);
	st = review_progress(cli, k, plan_id, first, &l, err);
	if (st == KZ_OK)
		st = kz_review_record(cli->db, rec, l.v, l.n, NULL, err);
	progress_list_free(&l);
	return st;
}

static enum kz_status set_fields(struct kz_cli *cli, const struct kz_kind_info *k, void *rec,
				 const char *plan_id, int first, struct kz_error *err)
{
	for (int i = first; i < cli->argc; i++) {
		const char *arg = cli->argv[i];
		const char *eq = strchr(arg, '=');
		if (progress_arg(k, arg) >= 0)
			continue;
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
static enum kz_status parent_of(struct kz_cli *cli, const struct kz_kind_info *k,
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
	if (k->parent != KZ_KIND_CASE) {
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
	if (st == KZ_OK && k->parent == KZ_KIND_REVIEW)
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
	st = kz_cli_open_db(cli, err);
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
	const struct kz_kind_info *k;
	const char *code = NULL;
	char plan_id[KZ_ID_LEN + 1] = "", parent[KZ_ID_LEN + 1] = "";
	int first;
	enum kz_status st;

	if (cli->argc >= 2 && (strcmp(cli->argv[1], "share") == 0 ||
				strcmp(cli->argv[1], "unshare") == 0))
		return share_cmd(cli, cli->argv[1][0] == 's', err);
	if (cli->argc >= 2 && strcmp(cli->argv[1], "open") == 0) {
		k = kz_kind_of(KZ_KIND_CASE);
		first = 2;
	} else if (cli->argc >= 4 && strcmp(cli->argv[1], "add") == 0) {
		k = kz_kind_find(cli->argv[2]);
		if (!k || !belongs_to_case(k)) {
			struct kz_buf names = KZ_BUF_INIT;
			case_kind_names(&names);
			st = kz_fail(err, KZ_INVALID,
				     _("cannot add \"%s\" to a case: the kinds are %s"),
				     cli->argv[2], kz_buf_str(&names));
			kz_buf_free(&names);
			return st;
		}
		code = cli->argv[3];
		first = 4;
	} else {
		return kz_fail(err, KZ_INVALID,
			       _("usage: koszyk case open FIELD=VALUE... | koszyk case add KIND CASE_CODE FIELD=VALUE... | koszyk case share|unshare CASE_CODE LOGIN"));
	}
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK && code)
		st = parent_of(cli, k, code, plan_id, parent, err);
	if (st != KZ_OK)
		return st;

	void *rec = kz_record_new(k->kind);
	if (k->parent_field)
		kz_str_set(kz_field_slot(rec, kz_field_find(k->fields, *k->nfields, k->parent_field)),
			   parent);
	st = set_fields(cli, k, rec, plan_id, first, err);
	if (st == KZ_OK)
		st = save_record(cli, k, rec, plan_id, first, err);
	if (st == KZ_OK) {
		/* scripts read the new case code or the new record's id */
		if (k->kind == KZ_KIND_CASE)
			printf("%s\n", kz_record_title(k->kind, rec));
		else
			printf("%s\n", kz_record_id(k->kind, rec));
	}
	kz_record_free(k->kind, rec);
	return st;
}
