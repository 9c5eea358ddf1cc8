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
	struct ui_screen base;
	struct ui *ui;
	size_t view;
	struct kz_tasks t;
	struct ui_listbox lb;
};

static struct tasks *TS(struct ui_screen *s)
{
	return (struct tasks *)s;
}

static void tasks_reload(struct tasks *t)
{
	struct kz_error err = { 0 };
	char prev[KZ_ID_LEN + 1] = "";

	if (t->lb.sel < t->t.n)
		snprintf(prev, sizeof(prev), "%s", t->t.v[t->lb.sel].id);
	kz_tasks_free(&t->t);
	if (kz_task_list(t->ui->db, views[t->view],
			 ui_user_name(t->ui, kz_db_user(t->ui->db)), &t->t, &err) != KZ_OK)
		ui_error(t->ui, "%s", err.msg);
	ui_lb_set_count(&t->lb, t->t.n);
	/* The task a form saved last, else the one selected before. */
	for (int pass = 0; pass < 2; pass++) {
		const char *want = pass == 0 ? t->ui->saved_id : prev;
		for (size_t i = 0; want[0] && i < t->t.n; i++)
			if (strcmp(t->t.v[i].id, want) == 0) {
				if (pass == 0)
					t->ui->saved_id[0] = '\0';
				ui_lb_select(&t->lb, i);
				return;
			}
	}
	ui_lb_select(&t->lb, 0);
}

static void tasks_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	struct tasks *t = ctx;
	const struct kz_task *k = &t->t.v[i];
	bool open = k->status && strcmp(k->status, "open") == 0;
	int cx = x + 1, end = x + width - 1, ow = width >= 70 ? 26 : 16;
	char *owner;

	wattrset(w, selected ? ui_look(UI_LOOK_SELECTED)
		 : open ? A_NORMAL : ui_look(UI_LOOK_ARCHIVED));
	ui_draw_blank(w, y, x, width);
	ui_draw_text(w, y, cx, k->due_date ? k->due_date : "", 10);
	cx += 11;
	ui_draw_text(w, y, cx, _(kz_enum_label(k->status ? k->status : "")), 8);
	cx += 9;
	owner = xasprintf("%s%s%s", k->partner_name ? k->partner_name : "",
			  k->contact_name ? ", " : "", k->contact_name ? k->contact_name : "");
	if (end - cx > ow + 1) {
		ui_draw_text(w, y, cx, k->title ? k->title : "", end - cx - ow - 1);
		ui_draw_text(w, y, end - ow, owner, ow);
	}
	free(owner);
	wattrset(w, A_NORMAL);
}

static void tasks_draw(struct ui_screen *s, struct ui *ui)
{
	struct tasks *t = TS(s);

	if (t->t.n == 0) {
		wattrset(ui->body, ui_look(UI_LOOK_ARCHIVED));
		ui_draw_text(ui->body, 0, 1,
			     _("No tasks in this view. Tab shows the next view."),
			     ui_body_w(ui) - 2);
		wattrset(ui->body, A_NORMAL);
		return;
	}
	ui_lb_draw(&t->lb, ui->body, 0, 0, ui_body_w(ui), tasks_row, t);
}

static void tasks_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
			char *info, size_t ni)
{
	struct tasks *t = TS(s);

	(void)ui;
	snprintf(name, nn, "%s", _(view_names[t->view]));
	snprintf(info, ni, _("%zu tasks"), t->t.n);
}

static const struct ui_legend tasks_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_NEXT_VIEW, N_("Next view") },
	{ UI_ACT_CLOSE_TASK, NULL }, { UI_ACT_MEETINGS, NULL }, { UI_ACT_BACK, N_("Quit") },
	{ UI_ACT_NONE, NULL }
};

static const struct ui_legend *tasks_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return tasks_legend_items;
}

bool ui_edit_task(struct ui *ui, const char *id)
{
	struct kz_task *t = xcalloc(1, sizeof(*t));
	struct kz_error err = { 0 };

	if (kz_task_get(ui->db, id, t, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(UI_REC_TASK, t);
		return false;
	}
	ui_push(ui, ui_form_new(ui, UI_REC_TASK, t));
	return true;
}

static bool tasks_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct tasks *t = TS(s);
	const struct kz_task *k = t->lb.sel < t->t.n ? &t->t.v[t->lb.sel] : NULL;
	struct kz_error err = { 0 };

	if (ui_lb_action(&t->lb, a))
		return true;
	switch (a) {
	case UI_ACT_NEXT_VIEW:
		t->view = (t->view + 1) % NVIEWS;
		t->lb.sel = 0;
		t->lb.top = 0;
		tasks_reload(t);
		return true;
	case UI_ACT_OPEN:
	case UI_ACT_EDIT:
		if (!k)
			ui_message(ui, "%s", _("Choose a task first."));
		else
			ui_edit_task(ui, k->id);
		return true;
	case UI_ACT_CLOSE_TASK:
		if (!k) {
			ui_message(ui, "%s", _("Choose a task first."));
			return true;
		}
		if (!ui_confirm(ui, _("Mark the task done?")))
			return true;
		if (kz_task_close(ui->db, k->id, "done", k->stamp.rev, &err) != KZ_OK)
			ui_error(ui, "%s", err.msg);
		else
			ui_message(ui, _("Task done: %s"), k->title ? k->title : "");
		tasks_reload(t);
		return true;
	default:
		return false;
	}
}

static void tasks_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&TS(s)->lb, ui_body_h(ui));
}

static void tasks_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	tasks_reload(TS(s));
}

static void tasks_destroy(struct ui_screen *s)
{
	kz_tasks_free(&TS(s)->t);
	free(s);
}

static const struct ui_screen_ops tasks_ops = {
	.draw = tasks_draw,
	.action = tasks_action,
	.resize = tasks_resize,
	.reveal = tasks_reveal,
	.title = tasks_title,
	.legend = tasks_legend,
	.destroy = tasks_destroy,
	.groups = UI_G_MOVE | UI_G_LIST | UI_G_MEET,
};

struct ui_screen *ui_tasks_new(struct ui *ui)
{
	struct tasks *t = xcalloc(1, sizeof(*t));

	t->base.ops = &tasks_ops;
	t->ui = ui;
	ui_lb_init(&t->lb, true);
	/* Someone who is not a configured user has no tasks of their own. */
	if (!kz_config_user(ui->cfg, kz_db_user(ui->db)))
		t->view = 2;
	tasks_reload(t);
	return &t->base;
}
