/* Tasks from meetings and plans: the views "my tasks", "overdue" and "by
 * partner" (Tab switches), the form of a task, closing one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/meetings.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

static const enum kz_task_view views[] = { KZ_TASKS_MINE, KZ_TASKS_OVERDUE,
					   KZ_TASKS_BY_PARTNER };
static const char *const view_names[] = { N_("My tasks"), N_("Overdue tasks"),
					  N_("Tasks by partner") };
#define NVIEWS (sizeof(views) / sizeof(views[0]))

struct tasks {
	struct ui_list list;
	size_t view;
	struct kz_tasks t;
};

static struct tasks *TS(struct ui_list *l)
{
	return (struct tasks *)l;
}

/* The filter of the list: the tasks of one status. */
enum { TF_STATUS };

static const struct ui_filter_def tasks_filters[] = {
	[TF_STATUS] = { .kind = UI_FILTER_CHOICE, .label = N_("Status"),
			.pick_title = N_("Filter the tasks by status"),
			.values = kz_task_statuses },
};

/* Leave out the tasks of another status than the filter's. */
static void keep_status(struct kz_tasks *t, const char *status)
{
	size_t kept = 0;

	if (!status)
		return;
	for (size_t i = 0; i < t->n; i++) {
		if (kz_str_eq(t->v[i].status, status))
			t->v[kept++] = t->v[i];
		else
			kz_task_clear(&t->v[i]);
	}
	t->n = kept;
}

static enum kz_status tasks_load(struct ui_list *l, const char *query, size_t *n,
				 struct kz_error *err)
{
	struct tasks *t = TS(l);
	enum kz_status s;

	(void)query;
	kz_tasks_free(&t->t);
	s = kz_task_list(l->ui->db, views[t->view],
			 ui_user_name(l->ui, kz_db_user(l->ui->db)), &t->t, err);
	keep_status(&t->t, ui_list_filter_code(l, TF_STATUS));
	*n = t->t.n;
	return s;
}

static const char *tasks_row_id(struct ui_list *l, size_t i)
{
	return TS(l)->t.v[i].id;
}

static void tasks_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	const struct kz_task *k = &TS(ctx)->t.v[i];
	bool open = k->status && strcmp(k->status, "open") == 0;
	int cx = x + 1, end = x + width - 1, ow = width >= 70 ? 26 : 16;
	char *owner;

	wattrset(w, selected ? ui_look(UI_LOOK_SELECTED)
		 : open ? A_NORMAL : ui_look(UI_LOOK_ARCHIVED));
	ui_draw_blank(w, y, x, width);
	ui_draw_text(w, y, cx, k->due_date ? k->due_date : "", 10);
	cx += 11;
	ui_draw_text(w, y, cx, ui_status_label(k->status, 8), 8);
	cx += 9;
	/* The partner's short name when the whole owner would not fit. */
	owner = xasprintf("%s%s%s", k->partner_name ? k->partner_name : "",
			  k->contact_name ? ", " : "", k->contact_name ? k->contact_name : "");
	if (ui_text_width(owner) > ow && k->partner_short) {
		free(owner);
		owner = xasprintf("%s%s%s", k->partner_short, k->contact_name ? ", " : "",
				  k->contact_name ? k->contact_name : "");
	}
	if (end - cx > ow + 1) {
		ui_draw_text(w, y, cx, k->title ? k->title : "", end - cx - ow - 1);
		ui_draw_text(w, y, end - ow, owner, ow);
	}
	free(owner);
	wattrset(w, A_NORMAL);
}

static const char *tasks_empty(struct ui_list *l)
{
	(void)l;
	return _("No tasks in this view. Tab shows the next view.");
}

static void tasks_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	char count[64];

	snprintf(name, nn, "%s", _(view_names[TS(l)->view]));
	snprintf(count, sizeof(count), _("%zu tasks"), l->n);
	ui_list_info(l, count, info, ni);
}

static const struct ui_legend tasks_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_NEXT_VIEW, N_("Next view") },
	{ UI_ACT_FILTER, NULL }, { UI_ACT_CLOSE_TASK, NULL }, { UI_ACT_MEETINGS, NULL },
	{ UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};

bool ui_edit_task(struct ui *ui, const char *id)
{
	struct kz_task *t = xcalloc(1, sizeof(*t));
	struct kz_error err = { 0 };

	if (kz_task_get(ui->db, id, t, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(KZ_KIND_TASK, t);
		return false;
	}
	ui_push(ui, ui_form_new(ui, KZ_KIND_TASK, t));
	return true;
}

static void tasks_edit(struct ui_list *l, size_t i)
{
	ui_edit_task(l->ui, TS(l)->t.v[i].id);
}

/* Mark the selected task done, after asking. */
static void close_task(struct ui_list *l)
{
	struct kz_error err = { 0 };
	const struct kz_task *k;
	size_t i;

	if (!ui_list_selected(l, &i)) {
		ui_message(l->ui, "%s", _("Choose a task first."));
		return;
	}
	if (!ui_confirm(l->ui, _("Mark the task done?")))
		return;
	k = &TS(l)->t.v[i];
	if (kz_task_close(l->ui->db, k->id, "done", k->stamp.rev, &err) != KZ_OK)
		ui_error(l->ui, "%s", err.msg);
	else
		ui_message(l->ui, _("Task done: %s"), k->title ? k->title : "");
	ui_list_reload(l, true);
}

static bool tasks_action(struct ui_list *l, enum ui_action a)
{
	switch (a) {
	case UI_ACT_NEXT_VIEW:
		TS(l)->view = (TS(l)->view + 1) % NVIEWS;
		l->lb.sel = 0;
		l->lb.top = 0;
		ui_list_reload(l, true);
		return true;
	case UI_ACT_CLOSE_TASK:
		close_task(l);
		return true;
	default:
		return false;
	}
}

static void tasks_free(struct ui_list *l)
{
	kz_tasks_free(&TS(l)->t);
}

static const struct ui_list_ops tasks_ops = {
	.groups = UI_G_MOVE | UI_G_LIST | UI_G_MEET,
	.empty_as_note = true,
	.load = tasks_load,
	.filters = tasks_filters,
	.nfilters = sizeof(tasks_filters) / sizeof(tasks_filters[0]),
	.row_id = tasks_row_id,
	.draw_row = tasks_row,
	.empty = tasks_empty,
	.none_selected = N_("Choose a task first."),
	.open = tasks_edit,
	.edit = tasks_edit,
	.action = tasks_action,
	.title = tasks_title,
	.legend = tasks_legend_items,
	.free = tasks_free,
};

struct ui_screen *ui_tasks_new_overdue(struct ui *ui)
{
	struct tasks *t = (struct tasks *)ui_list_new(ui, &tasks_ops, sizeof(struct tasks));

	t->view = 1;
	ui_list_reload(&t->list, false);
	return &t->list.base;
}

struct ui_screen *ui_tasks_new(struct ui *ui)
{
	struct tasks *t = (struct tasks *)ui_list_new(ui, &tasks_ops, sizeof(struct tasks));

	/* Someone who is not a configured user has no tasks of their own. */
	if (!kz_config_user(ui->cfg, kz_db_user(ui->db)))
		t->view = 2;
	ui_list_reload(&t->list, false);
	return &t->list.base;
}
