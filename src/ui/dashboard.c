/* The coordinator's first screen: counts, the next meeting, what is
 * overdue and what is stale (the first few of each), made to fit 80x24.
 * Everything comes from the data layer: the counts, the overdue and stale
 * reports (reports.h), the cases, the tasks and the meetings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/reports.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

/* What the dashboard's lines open (Up and Down choose, Enter opens). */
enum dash_item {
	DI_PARTNERS, DI_CONTACTS, DI_ACTIVE, DI_STALE, DI_CASES, DI_OPEN_TASKS,
	DI_OVERDUE_TASKS, DI_OVERDUE_ACTIONS, DI_NEXT_MEETING, DI_OVERDUE_LIST,
	DI_STALE_LIST, DI_COUNT
};

struct dash {
	struct ui_screen base;
	struct ui *ui;
	int sel;  /* enum dash_item */
	struct kz_db_counts counts;
	long open_cases, open_tasks, overdue_tasks, overdue_actions;
	long conflicts;      /* fields changed on two computers at once */
	long dropped;        /* changes not applied (record deleted elsewhere) */
	struct kz_report overdue, stale;
	bool have_overdue, have_stale;
	char *next_meeting;  /* one line, or NULL when none is planned */
	char *next_host;     /* "Host: ...", or NULL */
};

static struct dash *D(struct ui_screen *s)
{
	return (struct dash *)s;
}

static void dash_clear(struct dash *d)
{
	if (d->have_overdue)
		kz_report_free(&d->overdue);
	if (d->have_stale)
		kz_report_free(&d->stale);
	d->have_overdue = d->have_stale = false;
	free(d->next_meeting);
	d->next_meeting = NULL;
	free(d->next_host);
	d->next_host = NULL;
}

static void load_next_meeting(struct dash *d, const char *today,
			      struct kz_error *err)
{
	struct kz_meetings ms = { 0 };
	const struct kz_meeting *next = NULL;

	if (kz_meeting_list(d->ui->db, NULL, &ms, err) != KZ_OK) {
		ui_error(d->ui, "%s", err->msg);
		return;
	}
	/* Newest first: the last one not before today is the next. */
	for (size_t i = 0; i < ms.n; i++)
		if (ms.v[i].date && strcmp(ms.v[i].date, today) >= 0)
			next = &ms.v[i];
	if (next) {
		const char *host = next->host_name && *next->host_name ? next->host_name
				   : (next->case_code ? next->case_code : "");
		d->next_meeting = xasprintf("%s %s  %s", next->date,
					    next->time ? next->time : "",
					    next->title ? next->title : "");
		if (*host)
			d->next_host = xasprintf(_("Host: %s"), host);
	}
	kz_meetings_free(&ms);
}

static void dash_load(struct dash *d)
{
	struct ui *ui = d->ui;
	struct kz_error err = { 0 };
	char today[11];

	dash_clear(d);
	memset(&d->counts, 0, sizeof(d->counts));
	d->open_cases = d->open_tasks = d->overdue_tasks = d->overdue_actions = 0;
	kz_today(today);
	if (kz_db_counts_of(ui->db, KZ_COUNT_BASIC, &d->counts, &err) != KZ_OK)
		ui_error(ui, "%s", err.msg);
	/* Cases are counted all, for everyone; none is named here. */
	d->open_cases = d->counts.cases_open;
	d->overdue_actions = d->counts.actions_overdue;
	if (kz_task_counts(ui->db, &d->open_tasks, &d->overdue_tasks, &err) != KZ_OK)
		ui_error(ui, "%s", err.msg);
	memset(&d->overdue, 0, sizeof(d->overdue));
	memset(&d->stale, 0, sizeof(d->stale));
	d->have_overdue = kz_report_run(ui->db, ui->cfg, "overdue", &d->overdue, &err) == KZ_OK;
	if (!d->have_overdue)
		ui_error(ui, "%s", err.msg);
	d->have_stale = kz_report_run(ui->db, ui->cfg, "stale", &d->stale, &err) == KZ_OK;
	if (!d->have_stale)
		ui_error(ui, "%s", err.msg);
	load_next_meeting(d, today, &err);
	d->conflicts = kz_conflicts_count(ui->db);
	d->dropped = kz_dropped_count(ui->db);
}

/* "Label N" pairs on one line, as many as fit. */
static void draw_counts(WINDOW *w, int y, int width, const char *const *labels,
			const long *values, size_t n, int sel)
{
	int x = 1;

	for (size_t i = 0; i < n && x < width - 1; i++) {
		char num[32];
		attr_t on = (int)i == sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL;
		wattrset(w, on);
		x += ui_draw_text(w, y, x, _(labels[i]), width - x - 1);
		x += 1;
		snprintf(num, sizeof(num), "%ld", values[i]);
		wattrset(w, on ? on : ui_look(UI_LOOK_LABEL));
		if (x - 1 < width - 1)
			ui_draw_text(w, y, x - 1, " ", 1);
		if (x < width - 1)
			x += ui_draw_text(w, y, x, num, width - x - 1);
		x += 3;
	}
	wattrset(w, A_NORMAL);
}

static void heading(WINDOW *w, int y, int width, const char *text, bool sel)
{
	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : ui_look(UI_LOOK_HEADING));
	ui_draw_text(w, y, 1, text, width - 2);
	wattrset(w, A_NORMAL);
}

/* Up to max lines of a report; the last says how many more there are. */
static int draw_rows(struct dash *d, WINDOW *w, int y, int width, int max,
		     const struct kz_report *r, bool overdue)
{
	size_t shown = 0;

	if (max < 1)
		return y;
	if (r->nrows == 0) {
		ui_draw_text(w, y++, 3, _("Nothing."), width - 4);
		return y;
	}
	for (size_t i = 0; i < r->nrows && (int)shown < max; i++, shown++) {
		const char *const *c = (const char *const *)r->rows[i].cells;
		char *line;
		if ((int)shown == max - 1 && r->nrows > (size_t)max) {
			line = xasprintf(_("\xe2\x80\xa6 and %zu more (the report shows all)"),
					 r->nrows - shown);
			ui_draw_text(w, y++, 3, line, width - 4);
			free(line);
			break;
		}
		if (overdue)  /* kind, where, what, who, due, days late */
			line = xasprintf("%s  %-6s  %s \xe2\x80\x94 %s (%s)", c[4], c[0],
					 c[2], c[1], c[3]);
		else          /* service, provider, verified, call, phone */
			line = xasprintf("%-10s  %s %s \xe2\x80\x94 %s", c[2], c[3],
					 c[4], c[0]);
		ui_draw_text(w, y++, 3, line, width - 4);
		free(line);
	}
	(void)d;
	return y;
}

static void dash_draw(struct ui_screen *s, struct ui *ui)
{
	static const char *const l1[] = {
		N_("Partners"), N_("Contact persons"), N_("Active services"),
		N_("Stale services"),
	};
	static const char *const l2[] = {
		N_("Open cases"), N_("Open tasks"), N_("Overdue tasks"),
		N_("Overdue actions"),
	};
	struct dash *d = D(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui), h = ui_body_h(ui), y = 0, room, n_over, n_stale;
	long v1[] = { d->counts.partners, d->counts.contacts,
		      d->counts.services_active, d->counts.services_stale };
	long v2[] = { d->open_cases, d->open_tasks, d->overdue_tasks,
		      d->overdue_actions };
	char *text;

	draw_counts(w, y++, width, l1, v1, 4, d->sel);
	draw_counts(w, y++, width, l2, v2, 4, d->sel - DI_CASES);
	/* On the blank line below the counts: nothing else moves. */
	if (d->conflicts > 0 || d->dropped > 0) {
		text = d->dropped == 0
			? xasprintf(_("Conflicts to settle: %ld (press 8)"), d->conflicts)
			: xasprintf(_("Conflicts to settle: %ld, changes not applied: %ld (press 8)"),
				    d->conflicts, d->dropped);
		wattrset(w, ui_look(UI_LOOK_STALE));
		ui_draw_text(w, y, 1, text, width - 2);
		wattrset(w, A_NORMAL);
		free(text);
	}
	y++;
	heading(w, y++, width, _("Next meeting"), false);
	if (d->sel == DI_NEXT_MEETING)
		wattrset(w, ui_look(UI_LOOK_SELECTED));
	ui_draw_text(w, y++, 3, d->next_meeting ? d->next_meeting
		     : _("No meeting is planned."), width - 4);
	wattrset(w, A_NORMAL);
	if (d->next_host)
		ui_draw_text(w, y++, 3, d->next_host, width - 4);
	y++;
	if (ui_first_steps_of(&d->counts)) {
		ui_draw_wrapped(w, y, 1, h, width - 2, ui_first_steps_of(&d->counts));
		return;
	}
	/* What is left is shared between the overdue and the stale lists. */
	room = h - y - 4;
	n_over = room / 2;
	n_stale = room - n_over;
	if (d->have_overdue) {
		text = xasprintf(_("Overdue (%zu)"), d->overdue.nrows);
		heading(w, y++, width, text, d->sel == DI_OVERDUE_LIST);
		free(text);
		y = draw_rows(d, w, y, width, n_over, &d->overdue, true);
		y++;
	}
	if (d->have_stale) {
		if (d->have_overdue && d->overdue.nrows < (size_t)n_over)
			n_stale += n_over - (int)(d->overdue.nrows ? d->overdue.nrows : 1);
		if (n_stale > h - y - 1)
			n_stale = h - y - 1;
		text = xasprintf(_("Stale basket entries to verify (%zu)"), d->stale.nrows);
		heading(w, y++, width, text, d->sel == DI_STALE_LIST);
		free(text);
		draw_rows(d, w, y, width, n_stale, &d->stale, false);
	}
}

static void dash_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		       char *info, size_t ni)
{
	char today[11];

	(void)s;
	(void)ui;
	kz_today(today);
	snprintf(name, nn, "%s", _("Dashboard"));
	snprintf(info, ni, "%s", today);
}

static const struct ui_legend dash_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_BASKET, NULL },
	{ UI_ACT_CASES, NULL },
	{ UI_ACT_REPORTS, NULL }, { UI_ACT_LOOKUP, NULL }, { UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};

static const struct ui_legend *dash_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return dash_legend_items;
}

/* Push a screen that keeps its data (a list shown before) read anew. */
static void push_shown(struct ui *ui, struct ui_screen *s)
{
	ui_push(ui, s);
	if (s->ops->reveal)
		s->ops->reveal(s, ui);
}

/* Enter: the screen or list of what the line counts. */
static void open_item(struct dash *d)
{
	struct ui *ui = d->ui;
	struct kz_error err = { 0 };

	switch (d->sel) {
	case DI_PARTNERS: push_shown(ui, ui->partners); break;
	case DI_CONTACTS: push_shown(ui, ui->contacts); break;
	case DI_ACTIVE: push_shown(ui, ui->basket); break;
	case DI_STALE:
		ui_push(ui, ui->basket);
		ui_basket_only_stale(ui->basket);
		break;
	case DI_CASES:
		if (ui_action_allowed(ui, UI_ACT_CASES, &err))
			ui_push(ui, ui_cases_new(ui));
		else
			ui_error(ui, "%s", err.msg);
		break;
	case DI_OPEN_TASKS: ui_push(ui, ui_tasks_new(ui)); break;
	case DI_OVERDUE_TASKS: ui_push(ui, ui_tasks_new_overdue(ui)); break;
	case DI_NEXT_MEETING: ui_push(ui, ui_meetings_new(ui)); break;
	case DI_STALE_LIST: ui_push(ui, ui_report_view_new(ui, "stale")); break;
	default: ui_push(ui, ui_report_view_new(ui, "overdue")); break;
	}
}

static bool dash_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct dash *d = D(s);

	(void)ui;
	switch (a) {
	case UI_ACT_DASHBOARD: dash_load(d); return true;
	case UI_ACT_UP: case UI_ACT_PAGE_UP: case UI_ACT_FIRST:
		d->sel = a == UI_ACT_UP && d->sel > 0 ? d->sel - 1 : 0;
		return true;
	case UI_ACT_DOWN: case UI_ACT_PAGE_DOWN: case UI_ACT_LAST:
		d->sel = a == UI_ACT_DOWN && d->sel < DI_COUNT - 1 ? d->sel + 1 : DI_COUNT - 1;
		return true;
	case UI_ACT_OPEN: open_item(d); return true;
	default: return false;
	}
}

static void dash_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	dash_load(D(s));
}

static void dash_destroy(struct ui_screen *s)
{
	struct dash *d = D(s);

	dash_clear(d);
	free(d);
}

static const struct ui_screen_ops dash_ops = {
	.draw = dash_draw,
	.action = dash_action,
	.reveal = dash_reveal,
	.title = dash_title,
	.legend = dash_legend,
	.destroy = dash_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_dashboard_new(struct ui *ui)
{
	struct dash *d = xcalloc(1, sizeof(*d));

	/* Read when it is shown (ui_show_top reveals it), not twice. */
	d->base.ops = &dash_ops;
	d->ui = ui;
	return &d->base;
}
