/* Around one plan: its versions and the difference between two of them,
 * the plan as printed for the family (shown, and saved to a file), and a
 * line of text asked for on the status line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/cases.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

#include "koszyk/plan_print.h"

/* --- a line typed on the status line ---------------------------------------------- */

char *ui_ask(struct ui *ui, const char *prompt, const char *initial)
{
	struct ui_input in;
	struct ui_input *old = ui->input;
	const char *old_prompt = ui->input_prompt;
	char *result = NULL;

	ui_input_clear(&in);
	if (initial)
		ui_input_set(&in, initial);
	ui->input = &in;
	ui->input_prompt = prompt;
	for (;;) {
		bool changed;
		enum ui_action a;
		ui_draw(ui);
		int key = ui_next_key(ui);
		if (key == UI_KEY_STOP)
			break;
		if (key < 0)
			continue;
		if (!ui_key_printable(key)) {
			a = ui_key_action(key, UI_G_DIALOG);
			if (a == UI_ACT_ACCEPT) {
				result = ui_input_text(&in);
				break;
			}
			if (a == UI_ACT_CANCEL)
				break;
		}
		if (!ui_input_key(&in, key, &changed))
			beep();
	}
	ui->input = old;
	ui->input_prompt = old_prompt;
	ui->dirty = true;
	return result;
}

/* --- a scrollable text ------------------------------------------------------------ */

struct tview {
	struct ui_screen base;
	struct ui *ui;
	char *title;
	char *text;
	char *plan_id;   /* the printed plan: can be saved */
	char *code;      /* the case code, for a file name */
	struct ui_doc doc;
	struct ui_listbox lb;
};

static struct tview *T(struct ui_screen *s)
{
	return (struct tview *)s;
}

/* Lines of a difference start "- " (removed) or "+ " (added): the marks
 * stay when there is no colour. */
static void tv_build(struct tview *t)
{
	struct ui_doc *d = &t->doc;
	const char *p = t->text;

	ui_doc_free(d);
	d->width = ui_body_w(t->ui);
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		enum ui_look look = UI_LOOK_COUNT;
		if (!t->plan_id && strncmp(line, "- ", 2) == 0)
			look = UI_LOOK_STALE;
		else if (!t->plan_id && strncmp(line, "+ ", 2) == 0)
			look = UI_LOOK_KEY;
		if (*line)
			ui_doc_text(d, line, 1, look);
		else
			ui_doc_blank(d);
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
	ui_lb_set_count(&t->lb, d->n);
}

static void tv_line(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	ui_doc_draw_line(&T(ctx)->doc, w, y, x, width, i, sel);
}

static void tv_draw(struct ui_screen *s, struct ui *ui)
{
	struct tview *t = T(s);

	if (t->doc.width != ui_body_w(ui))
		tv_build(t);
	ui_lb_draw(&t->lb, ui->body, 0, 0, ui_body_w(ui), tv_line, t);
}

static void tv_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		     char *info, size_t ni)
{
	struct tview *t = T(s);
	size_t h = (size_t)t->lb.h;

	(void)ui;
	snprintf(name, nn, "%s", t->title);
	if (t->doc.n > h)
		snprintf(info, ni, _("lines %zu-%zu of %zu"), t->lb.top + 1,
			 t->lb.top + h < t->doc.n ? t->lb.top + h : t->doc.n, t->doc.n);
	else
		info[0] = '\0';
}

static const struct ui_legend tv_legend_print[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SAVE_FILE, NULL }, { UI_ACT_PAGE_DOWN, NULL },
	{ UI_ACT_PAGE_UP, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};
static const struct ui_legend tv_legend_text[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_PAGE_DOWN, NULL }, { UI_ACT_PAGE_UP, NULL },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *tv_legend(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	return T(s)->plan_id ? tv_legend_print : tv_legend_text;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && strcmp(s + n - m, end) == 0;
}

static void save_print(struct tview *t)
{
	struct ui *ui = t->ui;
	struct kz_error err = { 0 };
	struct kz_buf b = KZ_BUF_INIT;
	char *initial = xasprintf("plan-%s.html", t->code ? t->code : "");
	char *path, *typed, *full;
	enum kz_plan_format fmt = KZ_PLAN_TEXT;

	for (char *p = initial; *p; p++)
		if (*p == '/' || *p == ' ')
			*p = '-';
	typed = ui_ask(ui, _("Save as (.html, .md or text): "), initial);
	free(initial);
	if (!typed || !*typed) {
		free(typed);
		ui_message(ui, "%s", _("Not saved."));
		return;
	}
	path = kz_path_expand_home(typed);
	free(typed);
	if (ends_with(path, ".html") || ends_with(path, ".htm"))
		fmt = KZ_PLAN_HTML;
	else if (ends_with(path, ".md"))
		fmt = KZ_PLAN_MD;
	if (kz_plan_print(ui->db, ui->cfg, t->code, fmt, &b, &err) != KZ_OK ||
	    kz_write_file_atomic(path, kz_buf_str(&b), b.len, 0600, &err) != KZ_OK)
		ui_error(ui, _("Not saved: %s"), err.msg);
	else {
		/* The whole path, so that the file can be found again. */
		full = kz_path_full(path);
		ui_message(ui, _("The plan was saved to %s."), full);
		free(full);
	}
	kz_buf_free(&b);
	free(path);
}

static bool tv_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct tview *t = T(s);

	if (ui_lb_action(&t->lb, a))
		return true;
	if (a == UI_ACT_SAVE_FILE) {
		if (t->plan_id)
			save_print(t);
		else
			ui_message(ui, "%s", _("That key does nothing here; press F1 or ? for help."));
		return true;
	}
	return false;
}

static void tv_resize(struct ui_screen *s, struct ui *ui)
{
	struct tview *t = T(s);

	ui_lb_set_height(&t->lb, ui_body_h(ui));
	tv_build(t);
}

static void tv_destroy(struct ui_screen *s)
{
	struct tview *t = T(s);

	ui_doc_free(&t->doc);
	free(t->title);
	free(t->text);
	free(t->plan_id);
	free(t->code);
	free(t);
}

static const struct ui_screen_ops tv_ops = {
	.draw = tv_draw,
	.action = tv_action,
	.resize = tv_resize,
	.title = tv_title,
	.legend = tv_legend,
	.destroy = tv_destroy,
	.groups = UI_G_MOVE | UI_G_CASE,
};

struct ui_screen *ui_text_view_new(struct ui *ui, const char *title,
				   const char *text, const char *plan_id)
{
	struct tview *t = xcalloc(1, sizeof(*t));

	t->base.ops = &tv_ops;
	t->ui = ui;
	t->title = xstrdup(title);
	t->text = xstrdup(text ? text : "");
	t->plan_id = xstrdup_or_null(plan_id);
	ui_lb_init(&t->lb, false);
	return &t->base;
}

struct ui_screen *ui_plan_print_view(struct ui *ui, const char *plan_id,
				     const char *case_code)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_error err = { 0 };
	struct ui_screen *s;
	char *title;

	if (kz_plan_print(ui->db, ui->cfg, case_code, KZ_PLAN_TEXT, &b, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		kz_buf_free(&b);
		return NULL;
	}
	title = xasprintf(_("Printed plan %s"), case_code ? case_code : "");
	s = ui_text_view_new(ui, title, kz_buf_str(&b), plan_id);
	T(s)->code = xstrdup_or_null(case_code);
	free(title);
	kz_buf_free(&b);
	return s;
}

/* --- versions ---------------------------------------------------------------------- */

struct versions {
	struct ui_screen base;
	struct ui *ui;
	char plan_id[KZ_ID_LEN + 1];
	char *code;
	struct kz_plan_versions v;
	int mark;  /* the version to compare from, 0: none */
	struct ui_listbox lb;
};

static struct versions *V(struct ui_screen *s)
{
	return (struct versions *)s;
}

static void v_load(struct versions *vs)
{
	struct kz_error err = { 0 };

	kz_plan_versions_free(&vs->v);
	memset(&vs->v, 0, sizeof(vs->v));
	if (kz_plan_versions(vs->ui->db, vs->plan_id, &vs->v, &err) != KZ_OK)
		ui_error(vs->ui, "%s", err.msg);
	/* The last line is the plan as it is now. */
	ui_lb_set_count(&vs->lb, vs->v.n + 1);
}

static int version_at(struct versions *vs, size_t i)
{
	return i < vs->v.n ? vs->v.v[i].version : 0;
}

static void v_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i, bool sel)
{
	struct versions *vs = ctx;
	char line[512], when[20];
	int ver = version_at(vs, i);

	wattrset(w, sel ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	if (ver == 0) {
		snprintf(line, sizeof(line), "       %s", _("now: the plan as it is"));
	} else {
		const struct kz_plan_version *v = &vs->v.v[i];
		ui_local_time(v->created_at, when);
		snprintf(line, sizeof(line), "%s %3d  %s  %s  %s", vs->mark == ver ? "*" : " ",
			 ver, when, ui_user_name(vs->ui, v->created_by), v->note ? _(v->note) : "");
	}
	ui_draw_text(w, y, x + 1, line, width - 2);
	wattrset(w, A_NORMAL);
}

static void v_draw(struct ui_screen *s, struct ui *ui)
{
	struct versions *vs = V(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui);

	wattrset(w, ui_look(UI_LOOK_ARCHIVED));
	ui_draw_text(w, 0, 1, _("Enter: what changed since the version before. Space marks a version to compare with."),
		     width - 2);
	wattrset(w, A_NORMAL);
	ui_lb_draw(&vs->lb, w, 1, 0, width, v_row, vs);
}

static void v_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		    char *info, size_t ni)
{
	struct versions *vs = V(s);

	(void)ui;
	snprintf(name, nn, _("Versions of the plan of case %s"), vs->code ? vs->code : "");
	snprintf(info, ni, ngettext("%zu version", "%zu versions", vs->v.n), vs->v.n);
}

static const struct ui_legend v_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, N_("Changes") }, { UI_ACT_TOGGLE, N_("Mark") },
	{ UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *v_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return v_legend_items;
}

static void show_diff(struct versions *vs, int a, int b)
{
	struct ui *ui = vs->ui;
	struct kz_buf out = KZ_BUF_INIT;
	struct kz_error err = { 0 };
	char *title, *text;

	if (kz_plan_diff(ui->db, ui->cfg, vs->plan_id, a, b, &out, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		kz_buf_free(&out);
		return;
	}
	if (b == 0)
		title = xasprintf(_("Changes from version %d to now"), a);
	else
		title = xasprintf(_("Changes from version %d to version %d"), a, b);
	text = out.len ? xstrdup(kz_buf_str(&out)) : xstrdup(_("Nothing changed."));
	ui_push(ui, ui_text_view_new(ui, title, text, NULL));
	free(title);
	free(text);
	kz_buf_free(&out);
}

static bool v_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct versions *vs = V(s);
	size_t i = vs->lb.sel;
	int ver = version_at(vs, i);

	if (ui_lb_action(&vs->lb, a))
		return true;
	switch (a) {
	case UI_ACT_TOGGLE:
		if (ver == 0) {
			ui_message(ui, "%s", _("Mark a kept version, then choose another one with Enter."));
			return true;
		}
		vs->mark = vs->mark == ver ? 0 : ver;
		if (vs->mark)
			ui_message(ui, _("Version %d is marked: Enter on another shows what changed between them."),
				   ver);
		return true;
	case UI_ACT_ACCEPT:
	case UI_ACT_OPEN:
		if (vs->mark && vs->mark != ver) {
			int from = vs->mark, to = ver;
			if (to != 0 && to < from) {
				to = from;
				from = ver;
			}
			show_diff(vs, from, to);
		} else if (ver == 0) {
			if (vs->v.n == 0)
				ui_message(ui, "%s", _("No version is kept yet: one is kept when the plan is approved, reviewed or closed."));
			else
				show_diff(vs, vs->v.v[vs->v.n - 1].version, 0);
		} else if (i == 0) {
			ui_message(ui, "%s", _("This is the first version; mark it with Space and choose another to compare."));
		} else {
			show_diff(vs, vs->v.v[i - 1].version, ver);
		}
		return true;
	case UI_ACT_CANCEL:
		ui_pop(ui);
		return true;
	default:
		return false;
	}
}

static void v_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&V(s)->lb, ui_body_h(ui) - 1);
}

static void v_destroy(struct ui_screen *s)
{
	struct versions *vs = V(s);

	kz_plan_versions_free(&vs->v);
	free(vs->code);
	free(vs);
}

static const struct ui_screen_ops v_ops = {
	.draw = v_draw,
	.action = v_action,
	.resize = v_resize,
	.title = v_title,
	.legend = v_legend,
	.destroy = v_destroy,
	.groups = UI_G_MOVE | UI_G_DIALOG,
};

struct ui_screen *ui_versions_new(struct ui *ui, const char *plan_id, const char *case_code)
{
	struct versions *vs = xcalloc(1, sizeof(*vs));

	vs->base.ops = &v_ops;
	vs->ui = ui;
	snprintf(vs->plan_id, sizeof(vs->plan_id), "%s", plan_id);
	vs->code = xstrdup_or_null(case_code);
	ui_lb_init(&vs->lb, true);
	v_load(vs);
	/* Start on the newest kept version. */
	ui_lb_select(&vs->lb, vs->v.n ? vs->v.n - 1 : 0);
	return &vs->base;
}
