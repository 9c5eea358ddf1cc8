/* The full-screen program: terminal set-up and restore, the screen stack,
 * the header, status and legend lines, resize, and the main loop that
 * turns keys into actions. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "koszyk/access.h"
#include "koszyk/buf.h"
#include "koszyk/ui.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define KEY_TIMEOUT_MS 250
#define MIN_LINES 6
#define MIN_COLS 30

/* Set by signal handlers only; the loop checks it between keys. */
static volatile sig_atomic_t got_signal;
static bool curses_active;
static SCREEN *screen;
static attr_t looks[UI_LOOK_COUNT];

static void on_signal(int sig)
{
	got_signal = sig;
}

/* Restore the terminal: at exit, on a fatal error, and at the end. */
static void restore_terminal(void)
{
	if (curses_active) {
		curses_active = false;
		endwin();
	}
}

static void install_signals(struct sigaction *old)
{
	struct sigaction sa;
	const int sigs[] = { SIGTERM, SIGINT, SIGHUP };

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
}

static void restore_signals(const struct sigaction *old)
{
	const int sigs[] = { SIGTERM, SIGINT, SIGHUP };

	for (size_t i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
}

/* --- looks -------------------------------------------------------------- */

attr_t ui_look(enum ui_look look)
{
	return looks[look];
}

static void init_looks(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");

	looks[UI_LOOK_HEADER] = A_REVERSE;
	looks[UI_LOOK_SELECTED] = A_REVERSE;
	looks[UI_LOOK_STALE] = A_BOLD;
	looks[UI_LOOK_ARCHIVED] = A_DIM;
	looks[UI_LOOK_ERROR] = A_BOLD;
	looks[UI_LOOK_KEY] = A_BOLD;
	looks[UI_LOOK_LABEL] = A_BOLD;
	looks[UI_LOOK_HEADING] = A_BOLD | A_UNDERLINE;
	looks[UI_LOOK_FIELD] = A_UNDERLINE;
	looks[UI_LOOK_FIELD_CURRENT] = A_REVERSE;
	looks[UI_LOOK_POPUP] = A_NORMAL;
	/* https://no-color.org: present and not empty means no colours. */
	ui->color = !(no_color && *no_color) && has_colors();
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_BLACK, COLOR_CYAN);
	init_pair(3, COLOR_RED, -1);
	init_pair(4, COLOR_WHITE, COLOR_RED);
	init_pair(5, COLOR_CYAN, -1);
	init_pair(6, COLOR_BLUE, -1);
	looks[UI_LOOK_HEADER] = COLOR_PAIR(1) | A_BOLD;
	looks[UI_LOOK_SELECTED] = COLOR_PAIR(2);
	looks[UI_LOOK_STALE] = COLOR_PAIR(3) | A_BOLD;
	looks[UI_LOOK_ERROR] = COLOR_PAIR(4) | A_BOLD;
	looks[UI_LOOK_KEY] = COLOR_PAIR(5) | A_BOLD;
	looks[UI_LOOK_HEADING] = COLOR_PAIR(6) | A_BOLD;
	looks[UI_LOOK_FIELD_CURRENT] = COLOR_PAIR(2);
}

/* --- windows -------------------------------------------------------------- */

bool ui_too_small(void)
{
	return LINES < MIN_LINES || COLS < MIN_COLS;
}

/* Give a window its new size and place; make it anew if curses refuses. */
static void place(WINDOW **w, int h, int width, int y)
{
	if (*w && wresize(*w, h, width) == OK && mvwin(*w, y, 0) == OK)
		return;
	if (*w)
		delwin(*w);
	*w = newwin(h, width, y, 0);
	if (!*w)
		kz_die("cannot make a window of %dx%d", width, h);
}

/* Header, body, status and legend; in a window too small for them they
 * overlap (nothing is drawn then but a request to make it larger). */
static void layout(struct ui *ui)
{
	int lines = LINES > 0 ? LINES : 1, cols = COLS > 0 ? COLS : 1;

	place(&ui->header, 1, cols, 0);
	int sh = ui->status_h == 2 && lines > 8 ? 2 : 1;

	place(&ui->body, lines > 4 ? lines - 2 - sh : 1, cols, lines > 4 ? 1 : 0);
	place(&ui->status, sh, cols, lines > sh ? lines - 1 - sh : 0);
	place(&ui->legend, 1, cols, lines - 1);
	keypad(ui->legend, TRUE);
	wtimeout(ui->legend, KEY_TIMEOUT_MS);
}

int ui_body_h(struct ui *ui)
{
	return getmaxy(ui->body);
}

int ui_body_w(struct ui *ui)
{
	return getmaxx(ui->body);
}

void ui_resize(struct ui *ui)
{
	layout(ui);
	ui->dirty = true;
	/* The screens are laid out again when the window is usable. */
	if (ui_too_small())
		return;
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i]->ops->resize)
			ui->stack[i]->ops->resize(ui->stack[i], ui);
	/* The other top-level lists learn their size when shown again. */
	clearok(curscr, TRUE);
	ui->dirty = true;
}

/* --- the stack ---------------------------------------------------------- */

struct ui_screen *ui_top(struct ui *ui)
{
	return ui->depth ? ui->stack[ui->depth - 1] : NULL;
}

static void drop(struct ui_screen *s)
{
	if (!s->persistent && s->ops->destroy)
		s->ops->destroy(s);
}

static void reveal(struct ui *ui)
{
	struct ui_screen *s = ui_top(ui);

	if (s->ops->resize)
		s->ops->resize(s, ui);
	if (s->ops->reveal)
		s->ops->reveal(s, ui);
	ui->dirty = true;
}

void ui_push(struct ui *ui, struct ui_screen *s)
{
	if (ui->depth == UI_STACK_MAX) {
		/* Deep enough: forget the oldest screen above the list (not the
		 * top, whose code may be running). */
		drop(ui->stack[1]);
		memmove(&ui->stack[1], &ui->stack[2],
			(size_t)(ui->depth - 2) * sizeof(ui->stack[0]));
		ui->depth--;
	}
	ui->stack[ui->depth++] = s;
	if (s->ops->resize)
		s->ops->resize(s, ui);
	ui->dirty = true;
}

void ui_pop(struct ui *ui)
{
	if (ui->depth <= 1)
		return;
	drop(ui->stack[--ui->depth]);
	reveal(ui);
}

void ui_show_top(struct ui *ui, struct ui_screen *s)
{
	while (ui->depth > 0)
		drop(ui->stack[--ui->depth]);
	ui->stack[ui->depth++] = s;
	reveal(ui);
}

/* --- messages, cursor ----------------------------------------------------- */

static void set_message(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	vsnprintf(ui->message, sizeof(ui->message), fmt, ap);
	for (char *p = ui->message; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	ui->message_error = error;
	ui->dirty = true;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, false, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, true, fmt, ap);
	va_end(ap);
	beep();
}

void ui_show_cursor(struct ui *ui, WINDOW *w, int y, int x)
{
	ui->cursor_win = w;
	ui->cursor_y = y;
	ui->cursor_x = x;
}

const struct kz_items *ui_vocab(struct ui *ui, enum kz_vocab v)
{
	return kz_config_vocab(ui->cfg, v);
}

const char *ui_user_name(struct ui *ui, const char *login)
{
	const struct kz_user *u = login ? kz_config_user(ui->cfg, login) : NULL;

	return u && u->name ? u->name : (login ? login : "");
}

/* --- the lines around the body --------------------------------------------- */

static void draw_header(struct ui *ui)
{
	struct ui_screen *s = ui_top(ui);
	char name[128] = "", info[160] = "", left[512];
	int w = getmaxx(ui->header);

	if (s->ops->title)
		s->ops->title(s, ui, name, sizeof(name), info, sizeof(info));
	if (ui->demo)
		/* TRANSLATORS: the header of a demo database: who one acts as. */
		snprintf(left, sizeof(left), _(" koszyk \xe2\x94\x82 DEMO: %s \xe2\x94\x82 %s"),
			 ui_user_name(ui, kz_db_user(ui->db)), name);
	else
		snprintf(left, sizeof(left), " koszyk \xe2\x94\x82 %s \xe2\x94\x82 %s",
			 ui->cfg->gmina ? ui->cfg->gmina : "", name);
	wbkgdset(ui->header, ' ' | ui_look(UI_LOOK_HEADER));
	werase(ui->header);
	int x = 0;
	if (kz_db_readonly(ui->db) != KZ_RW) {
		/* TRANSLATORS: the banner of a database that may only be read. */
		char banner[64];
		snprintf(banner, sizeof(banner), " %s ", _("read only"));
		wattrset(ui->header, ui_look(UI_LOOK_ERROR) | A_REVERSE | A_BOLD);
		x = ui_draw_text(ui->header, 0, 0, banner, w / 2);
	}
	wattrset(ui->header, ui_look(UI_LOOK_HEADER));
	int iw = ui_text_width(info) + 1;
	if (iw > w / 2)
		iw = w / 2;
	ui_draw_text(ui->header, 0, x, left, w - iw - 1 - x);
	ui_draw_text(ui->header, 0, w - iw, info, iw - 1);
	wattrset(ui->header, A_NORMAL);
}

/* A message wider than the status line takes a second line from the
 * body while it is shown. */
static bool message_wraps(struct ui *ui, int w)
{
	return !ui->input && ui_text_width(ui->message) > w;
}

static void fit_status(struct ui *ui)
{
	int want = message_wraps(ui, COLS) ? 2 : 1;

	if (want != ui->status_h) {
		ui->status_h = want;
		ui_resize(ui);
	}
}

static void draw_wrapped_message(struct ui *ui, int w)
{
	struct ui_lines lines = { 0 };

	ui_wrap(&lines, ui->message, w);
	if (lines.n > 0)
		ui_draw_wtext(ui->status, 0, 0, lines.v[0], wcslen(lines.v[0]), w);
	if (lines.n > 1) {
		/* The rest on the second line, cut with "…" if still longer. */
		struct kz_buf rest = KZ_BUF_INIT;
		for (size_t i = 1; i < lines.n; i++) {
			char *t = ui_mbs(lines.v[i], wcslen(lines.v[i]));
			kz_buf_printf(&rest, "%s%s", i > 1 ? " " : "", t);
			free(t);
		}
		if (getmaxy(ui->status) > 1)
			ui_draw_text(ui->status, 1, 0, kz_buf_str(&rest), w);
		kz_buf_free(&rest);
	}
	ui_lines_free(&lines);
}

static void draw_status(struct ui *ui)
{
	int w = getmaxx(ui->status);

	werase(ui->status);
	if (ui->input) {
		int x = ui_input_draw(ui->input, ui->status, 0, 0, w,
				      ui->input_prompt ? ui->input_prompt : "");
		ui_show_cursor(ui, ui->status, 0, x);
		return;
	}
	if (ui->message_error)
		wattrset(ui->status, ui_look(UI_LOOK_ERROR));
	if (!message_wraps(ui, w))
		ui_draw_text(ui->status, 0, 0, ui->message, w);
	else
		draw_wrapped_message(ui, w);
	wattrset(ui->status, A_NORMAL);
}

/* An item's label; q says Quit only where it leaves (ui_at_start). */
static const char *legend_label(struct ui *ui, const struct ui_legend *it)
{
	if (it->act == UI_ACT_BACK)
		return ui_at_start(ui) ? _("Quit") : _(ui_actions[UI_ACT_BACK].label);
	return _(it->label ? it->label : ui_actions[it->act].label);
}

static int legend_item_width(struct ui *ui, const struct ui_legend *it)
{
	return ui_text_width(ui_action_key(it->act)) + 1 +
	       ui_text_width(legend_label(ui, it));
}

/* The legend in the order given; when it is too long, items before the
 * last one (usually "q Back") are left out from the end. */
static void draw_legend(struct ui *ui)
{
	struct ui_screen *s = ui_top(ui);
	const struct ui_legend *items = s->ops->legend ? s->ops->legend(s, ui) : NULL;
	bool shown[32];
	size_t n = 0;
	int w = getmaxx(ui->legend), x = 0, total = 0;

	werase(ui->legend);
	while (items && n < 32 && items[n].act != UI_ACT_NONE) {
		shown[n] = ui_action_allowed(ui, items[n].act, NULL);
		if (shown[n])
			total += legend_item_width(ui, &items[n]) + (n ? 2 : 0);
		n++;
	}
	for (size_t i = n >= 2 ? n - 2 : 0; total > w && n >= 2; i--) {
		if (shown[i])
			total -= legend_item_width(ui, &items[i]) + 2;
		shown[i] = false;
		if (i == 0)
			break;
	}
	for (size_t i = 0; i < n; i++) {
		const char *label;
		if (!shown[i] || x >= w)
			continue;
		label = legend_label(ui, &items[i]);
		wattrset(ui->legend, ui_look(UI_LOOK_KEY));
		x += ui_draw_text(ui->legend, 0, x, ui_action_key(items[i].act), w - x);
		wattrset(ui->legend, A_NORMAL);
		x += 1;
		if (x < w)
			x += ui_draw_text(ui->legend, 0, x, label, w - x);
		x += 2;
	}
}

static void draw_too_small(void)
{
	werase(stdscr);
	mvaddnstr(0, 0, _("Make the window larger."), COLS);
	wnoutrefresh(stdscr);
}

void ui_stage(struct ui *ui)
{
	struct ui_screen *s = ui_top(ui);

	if (ui_too_small()) {
		draw_too_small();
		ui->cursor_win = NULL;
		return;
	}
	ui->cursor_win = NULL;
	fit_status(ui);
	werase(ui->body);
	s->ops->draw(s, ui);
	draw_header(ui);
	draw_status(ui);
	draw_legend(ui);
	wnoutrefresh(ui->header);
	wnoutrefresh(ui->body);
	wnoutrefresh(ui->status);
	wnoutrefresh(ui->legend);
	if (ui->cursor_win) {
		curs_set(1);
		wmove(ui->cursor_win, ui->cursor_y, ui->cursor_x);
		wnoutrefresh(ui->cursor_win);
	} else {
		curs_set(0);
	}
}

void ui_draw(struct ui *ui)
{
	ui_stage(ui);
	doupdate();
	ui->dirty = false;
}

/* --- keys ---------------------------------------------------------------- */

bool ui_stopping(struct ui *ui)
{
	return !ui->running || got_signal;
}

/* The key typed, or UI_KEY_NONE after a short timeout, a signal or when
 * the program is stopping. */
static int getkey(struct ui *ui)
{
	wint_t wc;
	int r;

	if (ui_stopping(ui))
		return UI_KEY_NONE;
	errno = 0;
	r = wget_wch(ui->legend, &wc);
	if (r == ERR)
		return UI_KEY_NONE;
	if (r == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return '\n';
		return UI_KEY_FN | (int)wc;
	}
	if (wc == '\r')
		return '\n';
	return (int)wc;
}

/* The search index is tidied while nobody types (kz_search_tidy): after
 * a second without a key, TIDY_PAGES pages at each tick of the key
 * timeout, from when it is in more than TIDY_FROM pieces until it is in
 * one; looked at again a minute later when there was nothing to do. */
#define TIDY_PAGES 32
#define TIDY_FROM 4
#define TICKS_PER_S (1000 / KEY_TIMEOUT_MS)

static void tidy_when_idle(struct ui *ui)
{
	struct kz_error err = { 0 };
	bool more = false;

	if (++ui->idle_ticks < TICKS_PER_S || ui->idle_ticks < ui->tidy_at)
		return;
	if (kz_search_tidy(ui->db, TIDY_PAGES, ui->tidying ? 2 : TIDY_FROM + 1, &more,
			   &err) != KZ_OK)
		kz_error_clear(&err);  /* tried again a minute later */
	ui->tidying = more;
	if (!more)
		ui->tidy_at = ui->idle_ticks + 60 * TICKS_PER_S;
}

int ui_next_key(struct ui *ui)
{
	int key = getkey(ui);

	if (ui_stopping(ui))
		return UI_KEY_STOP;
	if (key == UI_KEY_NONE) {
		tidy_when_idle(ui);
		return UI_KEY_NONE;
	}
	ui->idle_ticks = ui->tidy_at = 0;
	if (key == (UI_KEY_FN | KEY_RESIZE)) {
		ui_resize(ui);
		return UI_KEY_RESIZED;
	}
	/* Nothing can be shown: only leaving works. */
	if (ui_too_small()) {
		if (ui_key_action(key, UI_G_GLOBAL) == UI_ACT_QUIT)
			ui->running = false;
		return ui_stopping(ui) ? UI_KEY_STOP : UI_KEY_NONE;
	}
	return key;
}

/* The screen of a top-level action (a number key, Tab, the first
 * screen); NULL when the action is none. */
static struct ui_screen *top_screen(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UI_ACT_BASKET: return ui->basket;
	case UI_ACT_PARTNERS: return ui->partners;
	case UI_ACT_CONTACTS: return ui->contacts;
	case UI_ACT_CASES: return ui_cases_new(ui);
	case UI_ACT_DASHBOARD: return ui_dashboard_new(ui);
	case UI_ACT_MEETINGS: return ui_meetings_new(ui);
	case UI_ACT_TASKS: return ui_tasks_new(ui);
	default: return NULL;
	}
}

/* Show a top-level screen instead of the whole stack; true when the
 * action is one. Which one it is decides where q and Esc go back to. */
static bool show_top_level(struct ui *ui, enum ui_action a)
{
	struct ui_screen *s = top_screen(ui, a);

	if (!s)
		return false;
	ui->top_act = a;
	ui_show_top(ui, s);
	return true;
}

static void next_view(struct ui *ui)
{
	const enum ui_action order[] = { UI_ACT_BASKET, UI_ACT_PARTNERS, UI_ACT_CONTACTS };

	for (int i = 0; i < 3; i++)
		if (ui->top_act == order[i]) {
			show_top_level(ui, order[(i + 1) % 3]);
			return;
		}
	show_top_level(ui, UI_ACT_BASKET);
}

/* The right an action needs beyond reading the basket. */
static bool action_right(enum ui_action a, enum kz_right *right)
{
	switch (a) {
	case UI_ACT_ADD: case UI_ACT_EDIT: case UI_ACT_ARCHIVE: case UI_ACT_VERIFY:
	case UI_ACT_MEMBER: case UI_ACT_TEAM: case UI_ACT_NEW_PLAN:
	case UI_ACT_DIAGNOSIS: case UI_ACT_GOAL: case UI_ACT_PLAN_ACTION:
	case UI_ACT_REVIEW: case UI_ACT_APPROVE: case UI_ACT_CLOSE_PLAN:
	case UI_ACT_ATTENDEE: case UI_ACT_ATTENDED: case UI_ACT_DECISION:
	case UI_ACT_TASK: case UI_ACT_MINUTES: case UI_ACT_CLOSE_TASK:
	case UI_ACT_INVITE:
	case UI_ACT_CASE_MEETING:
		*right = KZ_RIGHT_CHANGE;
		return true;
	case UI_ACT_CASES:
	case UI_ACT_SHARE:
		*right = KZ_RIGHT_CASES;
		return true;
	case UI_ACT_ALL_CASES:
		*right = KZ_RIGHT_ALL_CASES;
		return true;
	case UI_ACT_ERASE:
		*right = KZ_RIGHT_ERASE;
		return true;
	default:
		return false;
	}
}

bool ui_action_allowed(struct ui *ui, enum ui_action a, struct kz_error *err)
{
	enum kz_right right;

	if (a == UI_ACT_ACT_AS && !ui->demo) {
		kz_fail(err, KZ_DENIED, "%s",
			_("Acting as another user works only in a demo database."));
		return false;
	}
	if (!action_right(a, &right))
		return true;
	return kz_require(ui->db, right, err) == KZ_OK;
}

/* The first screen of the person: a case manager starts with what needs
 * attention in her cases, a coordinator with the dashboard, anyone else
 * with the basket. */
static enum ui_action start_action(struct ui *ui)
{
	switch (kz_db_role(ui->db)) {
	case KZ_ROLE_WORKER: return UI_ACT_CASES;
	case KZ_ROLE_COORDINATOR: return UI_ACT_DASHBOARD;
	default: return UI_ACT_BASKET;
	}
}

static void show_start(struct ui *ui)
{
	show_top_level(ui, start_action(ui));
}

bool ui_at_start(struct ui *ui)
{
	return ui->depth == 1 && ui->top_act == start_action(ui);
}

const char *ui_first_steps_of(const struct kz_db_counts *c)
{
	if (c->partners || c->services)
		return NULL;
	return _("This database is empty. Two ways in (press q first):\n"
		 "koszyk demo \xe2\x80\x94 fills it with a fictional gmina, to look around;\n"
		 "koszyk import csv partners|services FILE \xe2\x80\x94 brings the "
		 "partnership's own list.");
}

const char *ui_first_steps(struct ui *ui)
{
	struct kz_db_counts none = { 0 };

	return kz_db_is_empty(ui->db) ? ui_first_steps_of(&none) : NULL;
}

/* The one rule of leaving: q and Esc close the screen on top; on a
 * top-level screen they go back to the first screen; there q leaves
 * koszyk and Esc only says so. */
static void go_back(struct ui *ui, int key)
{
	if (ui->depth > 1)
		ui_pop(ui);
	else if (!ui_at_start(ui))
		show_start(ui);
	else if (key == UI_KEY_ESC)
		ui_message(ui, "%s", _("This is your first screen: press q to leave koszyk."));
	else
		ui->running = false;
}

static const char *role_label(enum kz_role role)
{
	switch (role) {
	case KZ_ROLE_COORDINATOR: return _("coordinator: everything");
	case KZ_ROLE_WORKER: return _("worker: her own cases");
	default: return _("viewer: only looks");
	}
}

/* In a demo database: choose which of the configured users to be. */
static bool choose_demo_user(struct ui *ui)
{
	struct ui_pick p = { 0 };
	struct kz_error err = { 0 };
	bool chosen;

	p.title = _("Demo with a fictional gmina: who do you want to be?");
	for (size_t i = 0; i < ui->cfg->n_users; i++) {
		const struct kz_user *u = &ui->cfg->users[i];
		char *detail = xasprintf("%s · %s", u->login, role_label(u->role));
		ui_pick_add(&p, u->name ? u->name : u->login, u->login, detail);
		free(detail);
	}
	p.initial = kz_db_user(ui->db);
	chosen = p.n && ui_pick_run(ui, &p);
	if (chosen && kz_db_act_as(ui->db, ui->cfg, p.items[p.chosen].value, &err) != KZ_OK)
		chosen = false;
	ui_pick_free_items(&p);
	if (chosen)
		ui_message(ui, _("Demo: you act as %s. Press U to be someone else."),
			   ui_user_name(ui, kz_db_user(ui->db)));
	return chosen;
}

static void global_action(struct ui *ui, enum ui_action a, int key)
{
	if (show_top_level(ui, a))
		return;
	switch (a) {
	case UI_ACT_ACT_AS:
		if (choose_demo_user(ui))
			show_start(ui);
		break;
	case UI_ACT_HELP: ui_push(ui, ui_help_new(ui)); break;
	case UI_ACT_BACK: go_back(ui, key); break;
	case UI_ACT_QUIT: ui->running = false; break;
	case UI_ACT_NEXT_VIEW: next_view(ui); break;
	case UI_ACT_LOOKUP: ui_push(ui, ui_lookup_new(ui)); break;
	/* The reports open over the screen: q comes back to it. */
	case UI_ACT_REPORTS: ui_push(ui, ui_reports_new(ui)); break;
	/* Conflicts and sync open over the screen, like the reports. */
	case UI_ACT_CONFLICTS: ui_push(ui, ui_conflicts_new(ui)); break;
	case UI_ACT_SYNC: ui_push(ui, ui_sync_new(ui)); break;
	case UI_ACT_REDRAW: clearok(curscr, TRUE); break;
	default:
		ui_message(ui, "%s", _("That key does nothing here; press F1 or ? for help."));
		break;
	}
}

static void handle_key(struct ui *ui, int key)
{
	struct ui_screen *s = ui_top(ui);
	enum ui_action a;

	if (!ui->input)
		ui->message[0] = '\0';
	if (s->ops->key && s->ops->key(s, ui, key))
		return;
	a = ui_key_action(key, (s->groups ? s->groups : s->ops->groups) | UI_G_GLOBAL);
	if (a == UI_ACT_NONE) {
		ui_message(ui, "%s", _("That key does nothing here; press F1 or ? for help."));
		return;
	}
	{
		struct kz_error err = { 0 };
		if (!ui_action_allowed(ui, a, &err)) {
			ui_error(ui, "%s", err.msg);
			return;
		}
	}
	if (s->ops->action && s->ops->action(s, ui, a))
		return;
	global_action(ui, a, key);
}

static void dispatch(struct ui *ui, int key)
{
	handle_key(ui, key);
	/* Dialogs inside may have drawn; draw again after every key. */
	ui->dirty = true;
}

static void run_loop(struct ui *ui)
{
	for (;;) {
		if (ui->dirty)
			ui_draw(ui);
		int key = ui_next_key(ui);
		if (key == UI_KEY_STOP)
			break;
		if (key >= 0)
			dispatch(ui, key);
	}
}

/* --- start and end ---------------------------------------------------------- */

static enum kz_status start_curses(struct kz_error *err)
{
	struct termios t;

	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		const char *term = getenv("TERM");
		return kz_fail(err, KZ_ENV,
			       _("Cannot use this terminal (TERM=%s) for the full-screen program."),
			       term ? term : "");
	}
	curses_active = true;
	cbreak();
	noecho();
	nonl();
	set_escdelay(100);
	/* Let Ctrl-S (save) through instead of stopping the output. */
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)IXON;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
		def_prog_mode();
	}
	curs_set(0);
	return KZ_OK;
}

static void stop_curses(struct ui *ui)
{
	WINDOW *wins[] = { ui->header, ui->body, ui->status, ui->legend };

	for (size_t i = 0; i < 4; i++)
		if (wins[i])
			delwin(wins[i]);
	restore_terminal();
	if (screen) {
		delscreen(screen);
		screen = NULL;
	}
}

enum kz_status kz_ui_run(struct kz_db *db, const struct kz_config *cfg,
			 const char *notice, struct kz_error *err)
{
	static bool atexit_done;
	struct ui ui;
	struct sigaction old[3];
	enum kz_status st;

	memset(&ui, 0, sizeof(ui));
	ui.db = db;
	ui.cfg = cfg;
	ui.running = true;
	ui.dirty = true;
	got_signal = 0;
	if (!atexit_done) {
		atexit(restore_terminal);
		atexit_done = true;
	}
	kz_set_fatal_hook(restore_terminal);
	ui_keys_init();
	st = start_curses(err);
	if (st != KZ_OK) {
		kz_set_fatal_hook(NULL);
		return st;
	}
	install_signals(old);
	init_looks(&ui);
	layout(&ui);
	ui.basket = ui_basket_new(&ui);
	ui.partners = ui_partners_new(&ui);
	ui.contacts = ui_contacts_new(&ui);
	ui.demo = kz_db_is_demo(db);
	show_start(&ui);
	/* A first screen that could not be read whole is not shown as if it
	 * were empty: the program stops and says the file is damaged. */
	ui_draw(&ui);
	st = kz_db_intact(db, err);
	if (st != KZ_OK) {
		ui.running = false;
		goto out;
	}
	if (notice && *notice)
		ui_message(&ui, "%s", notice);
	/* A newcomer on the demo chooses whom to be, unless the operating
	 * system's login is one of the configured users already. */
	if (ui.demo && !kz_config_user(cfg, kz_db_user(db))) {
		ui_draw(&ui);
		if (choose_demo_user(&ui))
			show_start(&ui);
	}

	run_loop(&ui);

out:
	while (ui.depth > 0)
		drop(ui.stack[--ui.depth]);
	struct ui_screen *tops[] = { ui.basket, ui.partners, ui.contacts };
	for (size_t i = 0; i < 3; i++)
		tops[i]->ops->destroy(tops[i]);
	stop_curses(&ui);
	restore_signals(old);
	kz_set_fatal_hook(NULL);
	return st;
}
