/* The monitoring reports on screen: a menu of the reports with one line
 * about each, and a scrollable view of one report printed by the same
 * text printer as `koszyk report NAME` (reports.h), made again for the
 * window's width when it changes (the bars are scaled to it); w saves it
 * as a page (report_html.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/report_html.h"
#include "koszyk/reports.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

static const struct {
	const char *name;
	const char *title;
	const char *about;
} reports[] = {
	{ "coverage", N_("Coverage"),
	  N_("Active services by sector, category and target group, with zeros") },
	{ "gaps", N_("Gaps"),
	  N_("Needs in diagnoses that no active service answers, with the cases") },
	{ "usage", N_("Usage"),
	  N_("Services used in plans; referrals accepted, declined, by partner") },
	{ "workload", N_("Workload"),
	  N_("Open tasks and actions per partner; how uneven the spread is") },
	{ "stale", N_("Stale"),
	  N_("Basket entries not verified lately, with the person to call") },
	{ "overdue", N_("Overdue"),
	  N_("Actions, tasks and reviews past due, the oldest first") },
	{ "outcomes", N_("Outcomes"),
	  N_("Goals reached, referrals answered, plans made within 30 days") },
	{ "partnership", N_("Partnership"),
	  N_("Who joined when, sectors missing, who never came, who hosts") },
	{ "retention", N_("Retention"),
	  N_("Closed cases kept longer than the retention period") },
};
#define NREPORTS (sizeof(reports) / sizeof(reports[0]))

/* --- the menu -------------------------------------------------------------- */

struct rmenu {
	struct ui_screen base;
	struct ui *ui;
	struct ui_listbox lb;
};

static struct rmenu *RM(struct ui_screen *s)
{
	return (struct rmenu *)s;
}

static void rm_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	int tw = 15;

	(void)ctx;
	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	if (!sel)
		wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, x + 1, _(reports[i].title), tw - 2);
	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_text(w, y, x + tw, _(reports[i].about), width - tw - 1);
	wattrset(w, A_NORMAL);
}

static void rm_draw(struct ui_screen *s, struct ui *ui)
{
	struct rmenu *m = RM(s);
	int width = ui_body_w(ui);

	wattrset(ui->body, ui_look(UI_LOOK_LABEL));
	ui_draw_text(ui->body, 0, 1, _("Monitoring and evaluation reports: choose one with Enter."),
		     width - 2);
	wattrset(ui->body, A_NORMAL);
	ui_lb_draw(&m->lb, ui->body, 2, 0, width, rm_row, m);
}

static void rm_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		     char *info, size_t ni)
{
	(void)s;
	(void)ui;
	snprintf(name, nn, "%s", _("Reports"));
	info[0] = '\0';
	(void)ni;
}

static const struct ui_legend rm_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, N_("Show") },
	{ UI_ACT_DASHBOARD, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *rm_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return rm_legend_items;
}

static bool rm_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct rmenu *m = RM(s);

	if (ui_lb_action(&m->lb, a))
		return true;
	if (a == UI_ACT_OPEN) {
		struct ui_screen *v = ui_report_view_new(ui, reports[m->lb.sel].name);
		if (v)
			ui_push(ui, v);
		return true;
	}
	if (a == UI_ACT_REPORTS)
		return true;
	return false;
}

static void rm_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&RM(s)->lb, ui_body_h(ui) - 2);
}

static void rm_destroy(struct ui_screen *s)
{
	free(RM(s));
}

static const struct ui_screen_ops rm_ops = {
	.draw = rm_draw,
	.action = rm_action,
	.resize = rm_resize,
	.title = rm_title,
	.legend = rm_legend,
	.destroy = rm_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_reports_new(struct ui *ui)
{
	struct rmenu *m = xcalloc(1, sizeof(*m));

	m->base.ops = &rm_ops;
	m->ui = ui;
	ui_lb_init(&m->lb, true);
	ui_lb_set_count(&m->lb, NREPORTS);
	return &m->base;
}

/* --- one report --------------------------------------------------------------- */

struct rview {
	struct ui_screen base;
	struct ui *ui;
	char *name;
	struct kz_report rep;
	bool have;
	char **lines;
	size_t nlines;
	int width;   /* the width the lines were made for */
	struct ui_listbox lb;
};

static struct rview *RV(struct ui_screen *s)
{
	return (struct rview *)s;
}

static void rv_free_lines(struct rview *v)
{
	for (size_t i = 0; i < v->nlines; i++)
		free(v->lines[i]);
	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;
}

/* The report as text for the window's width (the printer needs 40). */
static void rv_build(struct rview *v)
{
	struct kz_buf b = KZ_BUF_INIT;
	const char *p;
	size_t cap = 0;

	rv_free_lines(v);
	v->width = ui_body_w(v->ui);
	if (v->have)
		kz_report_text(&v->rep, v->width - 2 < 40 ? 40 : v->width - 2, &b);
	p = kz_buf_str(&b);
	while (*p) {
		size_t len = strcspn(p, "\n");
		if (v->nlines == cap) {
			cap = cap ? cap * 2 : 64;
			v->lines = xrealloc(v->lines, cap * sizeof(*v->lines));
		}
		v->lines[v->nlines++] = xstrndup(p, len);
		p += len;
		if (*p == '\n')
			p++;
	}
	kz_buf_free(&b);
	ui_lb_set_count(&v->lb, v->nlines);
}

static bool rv_load(struct rview *v)
{
	struct kz_error err = { 0 };
	enum kz_status st;

	if (v->have)
		kz_report_free(&v->rep);
	memset(&v->rep, 0, sizeof(v->rep));
	v->have = false;
	st = kz_report_run(v->ui->db, v->ui->cfg, v->name, &v->rep, &err);
	if (st != KZ_OK) {
		ui_error(v->ui, "%s", err.msg);
		return false;
	}
	v->have = true;
	rv_build(v);
	return true;
}

static void rv_line(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	struct rview *v = ctx;

	(void)sel;
	/* The title is the first line: shown in the heading look. */
	if (i == 0)
		wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, x + 1, v->lines[i], width - 1);
	wattrset(w, A_NORMAL);
}

static void rv_draw(struct ui_screen *s, struct ui *ui)
{
	struct rview *v = RV(s);

	if (v->width != ui_body_w(ui))
		rv_build(v);
	ui_lb_draw(&v->lb, ui->body, 0, 0, ui_body_w(ui), rv_line, v);
}

static const char *rv_report_title(const char *name)
{
	for (size_t i = 0; i < NREPORTS; i++)
		if (strcmp(reports[i].name, name) == 0)
			return _(reports[i].title);
	return name;
}

static void rv_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		     char *info, size_t ni)
{
	struct rview *v = RV(s);
	size_t h = v->lb.h > 0 ? (size_t)v->lb.h : 0;

	(void)ui;
	snprintf(name, nn, _("Report: %s"), rv_report_title(v->name));
	if (v->nlines > h)
		snprintf(info, ni, _("lines %zu-%zu of %zu"), v->lb.top + 1,
			 v->lb.top + h < v->nlines ? v->lb.top + h : v->nlines,
			 v->nlines);
	else
		info[0] = '\0';
}

static const struct ui_legend rv_legend_stale[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, N_("Open a service") },
	{ UI_ACT_SAVE_PAGE, NULL }, { UI_ACT_PAGE_DOWN, NULL }, { UI_ACT_PAGE_UP, NULL },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};
static const struct ui_legend rv_legend_gaps[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, N_("Open a case") },
	{ UI_ACT_SAVE_PAGE, NULL }, { UI_ACT_PAGE_DOWN, NULL }, { UI_ACT_PAGE_UP, NULL },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};
static const struct ui_legend rv_legend_plain[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SAVE_PAGE, NULL }, { UI_ACT_PAGE_DOWN, NULL },
	{ UI_ACT_PAGE_UP, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *rv_legend(struct ui_screen *s, struct ui *ui)
{
	struct rview *v = RV(s);

	(void)ui;
	if (strcmp(v->name, "stale") == 0)
		return rv_legend_stale;
	if (strcmp(v->name, "gaps") == 0)
		return rv_legend_gaps;
	return rv_legend_plain;
}

/* Stale: choose one of the services listed and open it. */
static void open_stale(struct rview *v)
{
	struct ui_pick p = { 0 };

	p.title = _("Open which service?");
	for (size_t i = 0; i < v->rep.nrows; i++) {
		const struct kz_report_row *r = &v->rep.rows[i];
		char *detail = xasprintf("%s %s", r->cells[3], r->cells[4]);
		ui_pick_add(&p, r->cells[0], r->id, detail);
		free(detail);
	}
	if (p.n == 0)
		ui_message(v->ui, "%s", _("Nothing to report."));
	else if (ui_pick_run(v->ui, &p) && p.items[p.chosen].value)
		ui_push(v->ui, ui_service_detail_new(v->ui, p.items[p.chosen].value));
	ui_pick_free_items(&p);
}

/* Gaps: choose one of the case codes listed and open the case. */
static void open_gap_case(struct rview *v)
{
	struct ui_pick p = { 0 };
	struct kz_error err = { 0 };

	p.title = _("Open which case?");
	for (size_t i = 0; i < v->rep.nrows; i++) {
		const struct kz_report_row *r = &v->rep.rows[i];
		const char *codes = r->cells[v->rep.ncols - 1];
		while (*codes) {
			size_t len = strcspn(codes, ",");
			char *code = xstrndup(codes, len);
			ui_pick_add(&p, code, code, r->cells[0]);
			free(code);
			codes += len;
			while (*codes == ',' || *codes == ' ')
				codes++;
		}
	}
	if (p.n == 0) {
		ui_message(v->ui, "%s", _("Nothing to report."));
	} else if (ui_pick_run(v->ui, &p) && p.items[p.chosen].value) {
		struct kz_case c;
		memset(&c, 0, sizeof(c));
		if (kz_case_find(v->ui->db, p.items[p.chosen].value, &c, &err) == KZ_OK)
			ui_push(v->ui, ui_case_screen_new(v->ui, c.id));
		else
			ui_error(v->ui, "%s", err.msg);
		kz_case_clear(&c);
	}
	ui_pick_free_items(&p);
}

/* A path typed relative to the current folder, made absolute (and
 * after writing, canonical): the message names the file wherever koszyk
 * was started. */
static char *full_path(const char *path)
{
	char *cwd;
	char *full;

	if (path[0] == '/' || !(cwd = getcwd(NULL, 0)))
		return xstrdup(path);
	full = xasprintf("%s/%s", strcmp(cwd, "/") == 0 ? "" : cwd, path);
	free(cwd);
	return full;
}

/* Save the report as a page: asks for the file (in the current folder,
 * as the printed plan is saved) and says where it went. */
static void save_page(struct rview *v)
{
	struct ui *ui = v->ui;
	struct kz_error err = { 0 };
	struct kz_buf b = KZ_BUF_INIT;
	char today[11], *initial, *path, *full;

	kz_today(today);
	initial = xasprintf("%s-%s.html", v->name, today);
	path = ui_ask(ui, _("Save the page as: "), initial);
	free(initial);
	if (!path || !*path) {
		free(path);
		ui_message(ui, "%s", _("Not saved."));
		return;
	}
	full = full_path(path);
	kz_report_html(&v->rep, ui->cfg ? ui->cfg->gmina : NULL, &b);
	if (kz_write_file_atomic(full, kz_buf_str(&b), b.len, 0600, &err) != KZ_OK)
		ui_error(ui, _("Not saved: %s"), err.msg);
	else {
		char *real = realpath(full, NULL);
		ui_message(ui, _("The report was saved as a page to %s."),
			   real ? real : full);
		free(real);
	}
	kz_buf_free(&b);
	free(full);
	free(path);
}

static bool rv_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct rview *v = RV(s);

	if (ui_lb_action(&v->lb, a))
		return true;
	if (a == UI_ACT_OPEN) {
		if (!v->have)
			return true;
		if (strcmp(v->name, "stale") == 0)
			open_stale(v);
		else if (strcmp(v->name, "gaps") == 0)
			open_gap_case(v);
		else
			ui_message(ui, "%s", _("That key does nothing here; press F1 or ? for help."));
		return true;
	}
	if (a == UI_ACT_SAVE_PAGE) {
		if (v->have)
			save_page(v);
		return true;
	}
	return false;
}

static void rv_resize(struct ui_screen *s, struct ui *ui)
{
	struct rview *v = RV(s);

	ui_lb_set_height(&v->lb, ui_body_h(ui));
	rv_build(v);
}

/* Back from a service or a case: what was changed there shows. */
static void rv_reveal(struct ui_screen *s, struct ui *ui)
{
	struct rview *v = RV(s);
	size_t top = v->lb.top;

	(void)ui;
	rv_load(v);
	v->lb.top = top < v->nlines ? top : 0;
}

static void rv_destroy(struct ui_screen *s)
{
	struct rview *v = RV(s);

	if (v->have)
		kz_report_free(&v->rep);
	rv_free_lines(v);
	free(v->name);
	free(v);
}

static const struct ui_screen_ops rv_ops = {
	.draw = rv_draw,
	.action = rv_action,
	.resize = rv_resize,
	.reveal = rv_reveal,
	.title = rv_title,
	.legend = rv_legend,
	.destroy = rv_destroy,
	.groups = UI_G_MOVE | UI_G_LIST,
};

struct ui_screen *ui_report_view_new(struct ui *ui, const char *name)
{
	struct rview *v = xcalloc(1, sizeof(*v));

	v->base.ops = &rv_ops;
	v->ui = ui;
	v->name = xstrdup(name);
	ui_lb_init(&v->lb, false);
	if (!rv_load(v)) {
		rv_destroy(&v->base);
		return NULL;
	}
	return &v->base;
}
