/* Private interface of the full-screen program: the action table, the
 * screen stack, the shared list widget, text input, pick lists, forms and
 * drawing helpers. Only files in src/ui/ include this (and curses). */
#ifndef KOSZYK_UI_INTERNAL_H
#define KOSZYK_UI_INTERNAL_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "koszyk/meter.h"
#include "koszyk/basket.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/model.h"

/* --- keys and actions (keys.c) ----------------------------------------
 * A key is a Unicode character, or a curses KEY_* code plus UI_KEY_FN.
 * Screens never look at raw keys except to type text: every command is an
 * action of the one table below, which also makes the help screen and the
 * key legend. */
#define UI_KEY_FN 0x01000000
#define UI_KEY_NONE (-1)
#define UI_KEY_ESC 27

/* Where an action applies; a screen asks for a set of groups and the
 * first action of the table (in this order) bound to the key wins. */
enum ui_group {
	UI_G_FORM = 1 << 0,   /* forms */
	UI_G_DIALOG = 1 << 1, /* pick lists, the search line, forms */
	UI_G_GLOBAL = 1 << 2, /* everywhere */
	UI_G_MOVE = 1 << 3,   /* moving in lists and views */
	UI_G_LIST = 1 << 4,   /* working with records */
	UI_G_CASE = 1 << 5,   /* cases and plans */
	UI_G_MEET = 1 << 6,   /* meetings and tasks */
	UI_G_SYNC = 1 << 7,   /* the sync screen */
};

/* X(ID, group, default keys, legend label, help text) */
#define UI_ACTIONS(X)                                                          \
	X(SAVE, FORM, "<F2> ^S", N_("Save"), N_("Save the form"))            \
	X(NEXT_FIELD, FORM, "<Tab> <Down>", N_("Next field"),                 \
	  N_("Go to the next field of the form"))                              \
	X(PREV_FIELD, FORM, "<S-Tab> <Up>", N_("Previous field"),             \
	  N_("Go to the previous field of the form"))                          \
	X(ACCEPT, DIALOG, "<Enter>", N_("OK"),                                 \
	  N_("Choose the value; keep the search and go back to the list"))     \
	X(CANCEL, DIALOG, "<Esc>", N_("Cancel"),                               \
	  N_("Close without choosing; clear the search"))                      \
	X(TOGGLE, DIALOG, "<Space>", N_("Mark"),                               \
	  N_("Mark or unmark a value where several may be chosen"))            \
	X(HELP, GLOBAL, "<F1> ?", N_("Help"), N_("Show this help"))          \
	X(BACK, GLOBAL, "q <Esc>", N_("Back"),                                 \
	  N_("Go back; only q on your first screen leaves koszyk"))          \
	X(QUIT, GLOBAL, "<F10> Q", N_("Quit"), N_("Leave koszyk at once"))    \
	X(BASKET, GLOBAL, "1", N_("Basket"),                                  \
	  N_("Show the basket of services and activities"))                    \
	X(PARTNERS, GLOBAL, "2", N_("Partners"), N_("Show the partners"))     \
	X(CONTACTS, GLOBAL, "3", N_("Contacts"),                              \
	  N_("Show the contact persons of all partners"))                      \
	X(CASES, GLOBAL, "4 <F5>", N_("Cases"),                               \
	  N_("Show what needs attention and the cases (persons and families)")) \
	X(LOOKUP, GLOBAL, "s", N_("Look up"),                                 \
	  N_("Look up services, partners, contacts, meetings, cases"))        \
	X(NEXT_VIEW, GLOBAL, "<Tab>", N_("Next list"),                        \
	  N_("Switch between the basket, the partners and the contacts"))      \
	X(REDRAW, GLOBAL, "^L", N_("Redraw"), N_("Draw the whole screen again")) \
	X(UP, MOVE, "<Up> k", N_("Up"), N_("Move up one line"))               \
	X(DOWN, MOVE, "<Down> j", N_("Down"), N_("Move down one line"))       \
	X(PAGE_UP, MOVE, "<PgUp> ^B", N_("Page up"), N_("Move up one page"))  \
	X(PAGE_DOWN, MOVE, "<PgDn> ^F", N_("Page down"),                      \
	  N_("Move down one page"))                                            \
	X(FIRST, MOVE, "<Home> g", N_("First"), N_("Go to the first line"))   \
	X(LAST, MOVE, "<End> G", N_("Last"), N_("Go to the last line"))       \
	X(OPEN, LIST, "<Enter>", N_("Open"), N_("Open the selected record"))  \
	X(SEARCH, LIST, "/ <F3>", N_("Search"),                               \
	  N_("Search as you type: every key narrows the list"))                \
	X(FILTER, LIST, "f <F4>", N_("Filter"),                               \
	  N_("Filter the list: the basket by sector, category, target group, provider, network or status; the partners by membership and sector; the contact persons by partner; the cases and tasks by status; the meetings by whose they are; the lookup by network (F4 while typing)")) \
	X(CLEAR, LIST, "c", N_("Clear"), N_("Clear the search and the filters")) \
	X(ADD, LIST, "a <F7> <Insert>", N_("Add"), N_("Add a new record"))   \
	X(EDIT, LIST, "e", N_("Edit"), N_("Edit the selected record"))        \
	X(ARCHIVE, LIST, "d x <F8> <Delete>", N_("Archive"),                  \
	  N_("Archive the service, or delete the contact person (asks first)")) \
	X(VERIFY, LIST, "v", N_("Verified"),                                  \
	  N_("Mark the service as verified today by you"))                     \
	X(ALL_CASES, CASE, "m", N_("Mine/all"),                               \
	  N_("Show only my cases, or every case"))                             \
	X(NAMES, CASE, "N", N_("Names"),                                      \
	  N_("Show or hide the names of the household members"))              \
	X(MEMBER, CASE, "h", N_("Household"),                                 \
	  N_("Add a member of the household"))                                 \
	X(TEAM, CASE, "t", N_("Team"),                                        \
	  N_("Add a contact person of a partner to the team of the case"))    \
	X(NEW_PLAN, CASE, "p", N_("New plan"),                                \
	  N_("Start an individual support plan for the case"))                 \
	X(DIAGNOSIS, CASE, "n", N_("Diagnosis"),                              \
	  N_("Write the diagnosis of a need area"))                            \
	X(GOAL, CASE, "o", N_("Goal"), N_("Add a goal to the plan"))          \
	X(PLAN_ACTION, CASE, "w", N_("Action"),                               \
	  N_("Add an action: a service from the basket or your own words"))    \
	X(REVIEW, CASE, "r", N_("Review"),                                    \
	  N_("Record a review: who took part and the progress of each goal"))  \
	X(APPROVE, CASE, "A", N_("Approve"), N_("Approve the plan"))          \
	X(CLOSE_PLAN, CASE, "C", N_("Close plan"),                            \
	  N_("Close the plan with a closing summary"))                         \
	X(VERSIONS, CASE, "V", N_("Versions"),                                \
	  N_("Show the versions of the plan and what changed between two"))    \
	X(PRINT, CASE, "P", N_("Print"),                                      \
	  N_("Show the plan as printed for the family"))                       \
	X(SAVE_FILE, CASE, "<F2> S", N_("Save to file"),                      \
	  N_("Save the printed plan to a file (.html, .md or text)"))          \
	X(ERASE, CASE, "E", N_("Erase"),                                      \
	  N_("Erase everything about the case (GDPR); asks for the case code")) \
	X(AUDIT, CASE, "L", N_("Trail"),                                      \
	  N_("Show the audit trail of the case: who changed or read it, and when")) \
	X(REPORTS, GLOBAL, "7", N_("Reports"),                                \
	  N_("Show the monitoring and evaluation reports"))                 \
	X(DASHBOARD, GLOBAL, "0", N_("Dashboard"),                            \
	  N_("Show the coordinator's dashboard"))                          \
	X(MEETINGS, GLOBAL, "5 <F6>", N_("Meetings"),                         \
	  N_("Show the meetings of the partnership and of case teams"))        \
	X(TASKS, GLOBAL, "6", N_("Tasks"),                                    \
	  N_("Show the tasks: mine, overdue, by partner"))                     \
	X(ATTENDEE, MEET, "t", N_("Attendee"),                                \
	  N_("Add an attendee: a contact person from the partner registry"))   \
	X(ATTENDED, MEET, "<Space>", N_("Attended"),                          \
	  N_("Mark whether the selected attendee came"))                       \
	X(DECISION, MEET, "D", N_("Decision"), N_("Add a decision of the meeting")) \
	X(TASK, MEET, "T", N_("Task"),                                        \
	  N_("Add a task: owner partner and person, due date"))                \
	X(MINUTES, MEET, "M", N_("Minutes"), N_("Write the minutes of the meeting")) \
	X(CLOSE_TASK, MEET, "C", N_("Done"),                                  \
	  N_("Mark the selected task done (records when and by whom)"))        \
	X(INVITE, MEET, "I", N_("Invite"),                                    \
	  N_("Invite many at once: one person of every cooperating partner, or the case's team; Space unticks, Enter invites")) \
	X(SAVE_MINUTES, MEET, "S", N_("Save minutes"),                         \
	  N_("Save the minutes to a file (.html for print, .md or text)"))     \
	X(SAVE_ICS, MEET, "K", N_("Calendar"),                                 \
	  N_("Save the meeting as an iCalendar file (.ics) for the partners' calendars")) \
	X(CASE_MEETING, CASE, "M", N_("Team meeting"),                         \
	  N_("Record a meeting of the case team"))                             \
	X(CONFLICTS, GLOBAL, "8", N_("Conflicts"),                             \
	  N_("Settle the fields changed on two computers at once"))            \
	X(SYNC, GLOBAL, "9", N_("Sync"),                                       \
	  N_("Exchange changes with other computers (file or ssh)"))           \
	X(SYNC_EXPORT, SYNC, "x", N_("Export"),                                \
	  N_("Write the changes of this computer to a file (for a USB stick or e-mail)")) \
	X(SYNC_IMPORT, SYNC, "i", N_("Import"),                                \
	  N_("Apply a change file brought from another computer"))             \
	X(SYNC_SSH, SYNC, "y", N_("Sync over ssh"),                            \
	  N_("Exchange changes both ways with another computer over ssh"))      \
	X(SYNC_DETAILS, SYNC, "D", N_("Details"),                              \
	  N_("Show or hide the technical details: the ids of this computer's copy and of the partnership, and what it holds")) \
	X(SHARE, CASE, "u", N_("Share"),                                       \
	  N_("Share the case with a worker, or stop sharing it"))              \
	X(ACT_AS, GLOBAL, "U", N_("Act as"),                                   \
	  N_("In a demo database: act as another of the configured users"))    \
	X(SAVE_PAGE, LIST, "w", N_("Save as a page"),                          \
	  N_("Save the report as a page (HTML) to show on a projector or print")) \
	X(IMPORT, LIST, "I", N_("Import"),                                     \
	  N_("Import into the basket: partners or services from a CSV file (also as Excel saves it), or an HSDS folder")) \
	X(EXPORT, LIST, "X", N_("Export"),                                     \
	  N_("Export the basket: CSV, CSV for Excel, an Excel workbook, an HSDS folder or a page to publish (.html)")) \
	X(NETWORKS, LIST, "N", N_("Networks"),                                 \
	  N_("Show the networks: the baskets of other partnerships, read-only, and add or update one")) \
	X(NET_UPDATE, LIST, "u", N_("Update"),                                 \
	  N_("Read the published basket of the selected network (or of every network) again"))

enum ui_action {
	UI_ACT_NONE,
#define UI_ACTION_ENUM(id, group, keys, label, help) UI_ACT_##id,
	UI_ACTIONS(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	UI_ACT_COUNT
};

struct ui_action_info {
	const char *name;   /* e.g. "page-down" */
	enum ui_group group;
	const char *keys;   /* default keys, e.g. "<PgDn> ^F" */
	const char *label;  /* msgid for the key legend */
	const char *help;   /* msgid for the help screen */
};

extern const struct ui_action_info ui_actions[UI_ACT_COUNT];

/* The help screen's sections in their order, and its notes (msgids);
 * the keys of the man page are made from them too (tools/gendocs.c). */
struct ui_help_section {
	enum ui_group group;
	const char *title;  /* msgid */
};
extern const struct ui_help_section ui_help_sections[];
extern const size_t ui_help_nsections;
extern const char *const ui_help_marks;
extern const char *const ui_help_editing;
extern const char *const ui_help_parts;

void ui_keys_init(void);
/* The action bound to key among the groups (a mask of enum ui_group). */
enum ui_action ui_key_action(int key, unsigned groups);
/* All keys of an action for the help screen, e.g. "PgDn, Ctrl-F". */
void ui_action_keys_text(enum ui_action a, char *buf, size_t n);
/* The first key of an action for the legend, e.g. "PgDn". */
const char *ui_action_key(enum ui_action a);
bool ui_key_printable(int key);

/* One entry of the key legend on the bottom line; label NULL means the
 * action's own label. */
struct ui_legend {
	enum ui_action act;
	const char *label;
};

/* --- looks (app.c) ----------------------------------------------------- */
enum ui_look {
	UI_LOOK_HEADER,
	UI_LOOK_SELECTED,
	UI_LOOK_STALE,
	UI_LOOK_ARCHIVED,
	UI_LOOK_ERROR,
	UI_LOOK_KEY,
	UI_LOOK_LABEL,
	UI_LOOK_HEADING,
	UI_LOOK_FIELD,
	UI_LOOK_FIELD_CURRENT,
	UI_LOOK_POPUP,
	UI_LOOK_COUNT
};
attr_t ui_look(enum ui_look look);

/* --- screens and the stack (app.c) --------------------------------------
 * Each screen (one file each) fills in its operations. The stack makes
 * q/Esc return exactly to the previous screen. */
struct ui;
struct ui_screen;

struct ui_screen_ops {
	/* Draw the body window (werase first; no refresh). */
	void (*draw)(struct ui_screen *s, struct ui *ui);
	/* A key before it is turned into an action (typing text); true when
	 * used. May be NULL. */
	bool (*key)(struct ui_screen *s, struct ui *ui, int key);
	/* An action; false lets the application handle it (help, back, ...). */
	bool (*action)(struct ui_screen *s, struct ui *ui, enum ui_action a);
	/* The body window changed size. May be NULL. */
	void (*resize)(struct ui_screen *s, struct ui *ui);
	/* The screen is on top again after the one above closed: reload what
	 * may have changed. May be NULL. */
	void (*reveal)(struct ui_screen *s, struct ui *ui);
	/* Name of the screen and counts for the header line. */
	void (*title)(struct ui_screen *s, struct ui *ui, char *name,
		      size_t name_size, char *info, size_t info_size);
	const struct ui_legend *(*legend)(struct ui_screen *s, struct ui *ui);
	void (*destroy)(struct ui_screen *s);
	unsigned groups;  /* which actions the screen takes */
};

struct ui_screen {
	const struct ui_screen_ops *ops;
	bool persistent;  /* a top-level list, kept when not shown */
	unsigned groups;  /* when not 0, instead of ops->groups */
};

struct ui_input;
struct ui_listbox;
struct ui_pick;

#define UI_STACK_MAX 16

struct ui {
	struct kz_db *db;
	const struct kz_config *cfg;
	WINDOW *header, *body, *status, *legend;
	struct ui_screen *stack[UI_STACK_MAX];
	int depth;
	struct ui_screen *basket, *partners, *contacts;
	/* The action that showed the screen at the bottom of the stack (a
	 * number key, Tab or the first screen): q and Esc go back from it. */
	enum ui_action top_act;
	char message[512];
	int status_h;  /* lines of the status: 2 while a long message shows */
	bool message_error;
	bool running;
	bool demo;        /* a demo database: the header says so */
	bool dirty;       /* something changed: draw before the next key */
	bool color;
	/* A text input shown on the status line instead of the message. */
	struct ui_input *input;
	const char *input_prompt;
	/* The record a form saved last, for the list below to select it. */
	char saved_id[KZ_ID_LEN + 1];
	/* Where the cursor is shown; NULL hides it. */
	WINDOW *cursor_win;
	int cursor_y, cursor_x;
	/* Ticks of the key timeout since the last key, and the tidying of
	 * the search index while nobody types (app.c). */
	long idle_ticks, tidy_at;
	bool tidying;
};

/* Whether the person may use the action (what the data layer would
 * refuse is not offered); when not, the refusal in err. */
bool ui_action_allowed(struct ui *ui, enum ui_action a, struct kz_error *err);

struct ui_screen *ui_top(struct ui *ui);
void ui_push(struct ui *ui, struct ui_screen *s);
/* Close the top screen and reveal the one below. */
void ui_pop(struct ui *ui);
/* Replace the whole stack with a top-level list. */
void ui_show_top(struct ui *ui, struct ui_screen *s);
/* The person's first screen (the dashboard of a coordinator, the cases
 * of a worker, the basket of a viewer) is alone on the stack: only there
 * q leaves koszyk; anywhere else q and Esc go back. */
bool ui_at_start(struct ui *ui);
/* On a database without partners and services: the two ways in (the
 * demo, an import), else NULL. */
const char *ui_first_steps(struct ui *ui);
const char *ui_first_steps_of(const struct kz_db_counts *c);
void ui_message(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_show_cursor(struct ui *ui, WINDOW *w, int y, int x);
/* Draw the whole screen (header, body, status, legend) into the virtual
 * screen; ui_draw also updates the terminal (only what changed). */
void ui_stage(struct ui *ui);
void ui_draw(struct ui *ui);
/* What ui_next_key returns besides a key. */
#define UI_KEY_STOP (-2)     /* the program is stopping: leave the loop */
#define UI_KEY_RESIZED (-3)  /* the windows changed size: draw again */
/* The next key for the main loop and every modal loop (dialogs, pick
 * lists, questions): UI_KEY_NONE after a short timeout; on KEY_RESIZE
 * the windows are laid out again (UI_KEY_RESIZED); while the terminal is
 * too small no key gets through, but Quit still stops the program;
 * UI_KEY_STOP when the program is stopping. */
int ui_next_key(struct ui *ui);
void ui_resize(struct ui *ui);
/* The terminal is too small to show anything but a request to enlarge. */
bool ui_too_small(void);
/* True when the program should stop (quit chosen or a signal came). */
bool ui_stopping(struct ui *ui);
const struct kz_items *ui_vocab(struct ui *ui, enum kz_vocab v);
/* A person's name for a login (from the configuration), or the login. */
const char *ui_user_name(struct ui *ui, const char *login);
/* Height and width of the body window. */
int ui_body_h(struct ui *ui);
int ui_body_w(struct ui *ui);

/* --- the shared list widget (listbox.c) ---------------------------------- */
typedef void (*ui_row_fn)(void *ctx, WINDOW *w, int y, int x, int width,
			  size_t i, bool selected);

struct ui_listbox {
	size_t n;     /* rows */
	size_t sel;   /* selected row (cursor mode) */
	size_t top;   /* first visible row */
	int h;        /* visible rows */
	bool cursor;  /* false: the view only scrolls */
};

void ui_lb_init(struct ui_listbox *lb, bool cursor);
void ui_lb_set_count(struct ui_listbox *lb, size_t n);
void ui_lb_set_height(struct ui_listbox *lb, int h);
void ui_lb_select(struct ui_listbox *lb, size_t i);
/* Moving actions; true when the action was one. */
bool ui_lb_action(struct ui_listbox *lb, enum ui_action a);
void ui_lb_draw(struct ui_listbox *lb, WINDOW *w, int y, int x, int width,
		ui_row_fn row, void *ctx);

/* --- drawing UTF-8 by display width (draw.c) ------------------------------ */
wchar_t *ui_wcs(const char *s);               /* allocated; NULL gives L"" */
char *ui_mbs(const wchar_t *s, size_t n);     /* allocated UTF-8 */
int ui_wcs_width(const wchar_t *s, size_t n); /* control chars count 1 */
int ui_text_width(const char *s);
/* A copy of s cut to width cells, ending in "…" when cut. */
char *ui_text_clip(const char *s, int width);
/* Text clipped to width cells ("…" when cut); returns cells drawn. */
int ui_draw_text(WINDOW *w, int y, int x, const char *s, int width);
int ui_draw_wtext(WINDOW *w, int y, int x, const wchar_t *s, size_t n,
		  int width);
/* Text clipped in its middle when too wide, so that its last words (the
 * distinguishing "nr 8" of a meeting's title) stay: "Posiedzenie Zesp… nr 8". */
int ui_draw_text_tail(WINDOW *w, int y, int x, const char *s, int width);
/* The name, or the short name when the name is wider than width cells
 * and there is a short name. */
const char *ui_fit_name(const char *name, const char *short_name, int width);
/* Text then blanks up to width cells. */
void ui_draw_cell(WINDOW *w, int y, int x, const char *s, int width);
void ui_draw_blank(WINDOW *w, int y, int x, int width);

/* Word-wrapped lines of a text. */
struct ui_lines {
	wchar_t **v;
	size_t n;
};
/* Append the lines of text wrapped to width cells; hard line breaks are
 * kept, an empty text gives no line. */
void ui_wrap(struct ui_lines *out, const char *text, int width);
void ui_lines_free(struct ui_lines *l);
/* Text wrapped to width cells from line y (not past line h); returns the
 * line after it. */
int ui_draw_wrapped(WINDOW *w, int y, int x, int h, int width, const char *text);

/* A multi-line field of the form library is a grid of rows, cols cells
 * each, without line breaks. Text to rows (wrapped, each padded to the
 * full row) and back: a row break where the next row's first word would
 * have fitted was typed (a new line), any other is word wrapping. */
char *ui_text_to_rows(const char *text, int cols);
char *ui_rows_to_text(const char *rows, int cols);

/* --- one-line text input (input.c) ---------------------------------------- */
#define UI_INPUT_MAX 256

struct ui_input {
	wchar_t buf[UI_INPUT_MAX + 1];
	size_t len, cur;
};

void ui_input_clear(struct ui_input *in);
void ui_input_set(struct ui_input *in, const char *utf8);
/* Editing keys and printable characters; true when the text or cursor
 * changed (*changed tells whether the text did). */
bool ui_input_key(struct ui_input *in, int key, bool *changed);
char *ui_input_text(const struct ui_input *in);  /* allocated UTF-8 */
/* Draw prompt and text in width cells; returns the cursor column. */
int ui_input_draw(const struct ui_input *in, WINDOW *w, int y, int x,
		  int width, const char *prompt);

/* The search line of a list: opened with /, every key changes the query;
 * Enter keeps it, Esc clears it. */
struct ui_search {
	struct ui_input in;
	bool open;
	char *query;  /* the query applied to the list, NULL: none */
};

void ui_search_open(struct ui *ui, struct ui_search *s);
/* Close the line; with clear also drop the query. */
void ui_search_close(struct ui *ui, struct ui_search *s, bool clear);
void ui_search_free(struct ui_search *s);
/* What a key did to the search line. */
enum ui_search_result {
	UI_SEARCH_NOT_MINE,  /* not used: the line closed, keeping the query */
	UI_SEARCH_ACCEPTED,  /* Enter: the line closed, keeping the query */
	UI_SEARCH_USED,      /* used; the query is as it was */
	UI_SEARCH_CHANGED,   /* the query changed (or was dropped): read again */
};
/* A key while the line is open. */
enum ui_search_result ui_search_key(struct ui *ui, struct ui_search *s, int key,
				    struct ui_listbox *lb);
/* The legend while a list's search line is open. */
extern const struct ui_legend ui_legend_search[];

/* A question on the status line answered with y or n (Esc: no). */
bool ui_confirm(struct ui *ui, const char *question);

/* --- the one list screen (list.c) ------------------------------------------------
 * Basket, partners, contacts, cases, meetings, tasks and the lookup are
 * each a struct ui_list (first member of the screen's own struct) and a
 * table of hooks. The list screen does the rest: the listbox, the search
 * line, filters, reading again and keeping the selection, "the list is
 * empty", resizing, revealing and destroying. */
struct ui_list;

/* Filters are declared once per list; the list keeps their values, the
 * filter menu (f), the filter line and clearing (c, Esc). */
enum ui_filter_kind {
	UI_FILTER_VOCAB,    /* a code of a configured vocabulary */
	UI_FILTER_CHOICE,   /* one of fixed values (shown by kz_enum_label) */
	UI_FILTER_PARTNER,  /* a partner, picked by name */
	UI_FILTER_TOGGLE,   /* on or off */
	UI_FILTER_LIST,     /* one of the values fill gives (e.g. networks) */
};

struct ui_filter_def {
	enum ui_filter_kind kind;
	const char *label;       /* msgid: in the menu and on the filter line */
	const char *pick_title;  /* msgid: the pick list's title */
	enum kz_vocab vocab;     /* VOCAB */
	const char *const *values;  /* CHOICE: NULL-terminated codes */
	const char *extra_value;    /* CHOICE: one more value (e.g. "all") */
	const char *extra_label;    /* msgid of extra_value in the pick list */
	const char *extra_text;     /* msgid of extra_value when chosen */
	const char *any_item;    /* msgid: the pick list's "any" ("(any)") */
	const char *any_menu;    /* msgid: the menu's "any" ("any") */
	const char *menu_label;  /* TOGGLE: msgid in the menu */
	const char *on_text;     /* TOGGLE: msgid on the filter line */
	/* LIST: add the values (label, code) after the "any" item */
	void (*fill)(struct ui *ui, struct ui_pick *p);
};

struct ui_filter_value {
	char *code;   /* NULL: any */
	char *name;   /* PARTNER: the partner's name */
	bool on;      /* TOGGLE */
};

struct ui_list_ops {
	unsigned groups;     /* which actions the screen takes */
	bool persistent;     /* a top-level list, kept when not shown */
	bool searchable;     /* / opens the search line */
	int head_rows;       /* lines above the rows (headings) */
	bool filter_line;    /* while filtered, a line above the headings
				says what narrows the list */
	bool empty_as_note;  /* the empty text dim on the first line */
	/* Read the rows for the query (NULL: none) and the filters; *n rows.
	 * A failure's message goes to err (the list shows it). */
	enum kz_status (*load)(struct ui_list *l, const char *query, size_t *n,
			       struct kz_error *err);
	/* The record row i opens, or NULL (a heading). */
	const char *(*row_id)(struct ui_list *l, size_t i);
	ui_row_fn draw_row;  /* ctx: the struct ui_list */
	/* Optional: headings; lines below the rows (e.g. a preview). */
	void (*draw_head)(struct ui_list *l, WINDOW *w, int y, int width);
	int (*foot_rows)(struct ui_list *l);
	void (*draw_foot)(struct ui_list *l, WINDOW *w, int y, int width);
	/* The text shown instead of rows when there are none. */
	const char *(*empty)(struct ui_list *l);
	/* msgid of the message when no row is selected for open, edit or
	 * remove; NULL: "The list is empty."; "": nothing. */
	const char *none_selected;
	/* Record actions (NULL: the action is not the list's). remove
	 * returns true when the list changed. */
	void (*open)(struct ui_list *l, size_t i);
	void (*edit)(struct ui_list *l, size_t i);
	bool (*remove)(struct ui_list *l, size_t i);
	void (*add)(struct ui_list *l);
	/* Optional: other actions, before the list's own; true when used. */
	bool (*action)(struct ui_list *l, enum ui_action a);
	/* Optional: a key before the list's own; true when used. */
	bool (*key)(struct ui_list *l, int key);
	/* Optional: on top again (default: read again, keep the selection). */
	void (*reveal)(struct ui_list *l);
	/* Optional: choose the row after reading (default: the record a
	 * form saved, else prev, else the first row). */
	void (*reselect)(struct ui_list *l, const char *prev);
	void (*title)(struct ui_list *l, char *name, size_t nn, char *info,
		      size_t ni);
	const struct ui_legend *legend;
	/* The legend when it depends on the list's state (NULL: legend). */
	const struct ui_legend *(*legend_now)(struct ui_list *l);
	const struct ui_legend *search_legend;  /* NULL: ui_legend_search */
	bool open_on_accept;  /* Enter on the search line opens the selected row */
	/* Filters: their table, the title of the menu, then (optional) what
	 * to do when they changed (before reading again) and the message
	 * after a change. */
	const struct ui_filter_def *filters;
	size_t nfilters;
	const char *filter_menu_title;  /* msgid */
	void (*filters_changed)(struct ui_list *l);
	void (*filter_message)(struct ui_list *l);
	/* Optional, for a list read a page at a time (its load reads
	 * ui_list_want rows): whether there are rows beyond those read. The
	 * list reads more when the selection nears the last row read. */
	bool (*more)(struct ui_list *l);
	/* Free what the screen owns (rows, ...), not the list itself. */
	void (*free)(struct ui_list *l);
};

struct ui_list {
	struct ui_screen base;
	struct ui *ui;
	const struct ui_list_ops *ops;
	size_t n;                       /* rows */
	struct ui_listbox lb;
	struct ui_search search;
	struct ui_filter_value *filter; /* ops->nfilters values */
	bool unreadable;                /* the last reading failed */
	size_t want;                    /* rows to read (paged lists) */
	bool whole;                     /* read every row: G went to the end */
	bool going_on;                  /* this reading goes on after the rows
	                                 * read, which are unchanged (more) */
};

/* A new list screen of size bytes (a struct beginning with struct
 * ui_list), not yet read: the first reveal or ui_list_reload reads it. */
struct ui_list *ui_list_new(struct ui *ui, const struct ui_list_ops *ops,
			    size_t size);
/* Read again; keep the selected record (and the rows read so far) when
 * keep, else start again at the first page. */
void ui_list_reload(struct ui_list *l, bool keep);
/* How many rows a paged list reads: what the screen shows and a screen
 * more, or as far as the reader has scrolled; 0 (all) after G. */
size_t ui_list_want(const struct ui_list *l);
/* Does this reading go on after the rows already read (a paged list
 * scrolled near its end), rather than read the list anew? */
bool ui_list_going_on(const struct ui_list *l);
/* The selected row, or false when there is none. */
bool ui_list_selected(struct ui_list *l, size_t *i);
void ui_list_search_open(struct ui_list *l);
/* A filter's code (NULL: any) and whether a toggle is on. */
const char *ui_list_filter_code(const struct ui_list *l, size_t f);
bool ui_list_filter_on(const struct ui_list *l, size_t f);
bool ui_list_filtered(const struct ui_list *l);
/* Set filter f to code (NULL: any), shown as name, and read again. */
void ui_list_set_filter(struct ui_list *l, size_t f, const char *code,
			const char *name);
/* The header's info: what counts, then the filters that narrow the list
 * ("12 tasks · Status: done"). */
void ui_list_info(const struct ui_list *l, const char *what, char *info, size_t ni);
/* "Sector: public · Status: declared" of the filters set; NULL if none. */
char *ui_list_filter_text(const struct ui_list *l);
/* Select the row of a record; false when it is not in the list. */
bool ui_list_select_id(struct ui_list *l, const char *id);

/* --- pick lists (pick.c) --------------------------------------------------- */
struct ui_pick_item {
	char *label;
	char *value;   /* code, id or enum value; NULL for "none" */
	char *detail;  /* a second column, may be NULL */
	bool marked;   /* multi-choice */
};

struct ui_pick {
	const char *title;
	struct ui_pick_item *items;
	size_t n;
	bool multi;     /* Space marks several, Enter accepts */
	/* Items come from a query (e.g. partners); NULL: filter items. */
	void (*load)(struct ui *ui, void *ctx, const char *query,
		     struct ui_pick *p);
	void *ctx;
	const char *initial;  /* value to select at first */
	int first_key;        /* typed key that opened the list, or 0 */
	size_t chosen;        /* result: index into items */
};

void ui_pick_add(struct ui_pick *p, const char *label, const char *value,
		 const char *detail);
void ui_pick_free_items(struct ui_pick *p);
/* Run the pick list as a window over the screen; true when a value was
 * chosen (p->chosen, or the marked items). */
bool ui_pick_run(struct ui *ui, struct ui_pick *p);
/* Items from a configured vocabulary. */
void ui_pick_vocab(struct ui_pick *p, const struct kz_items *items);
/* A loader listing partners for the query. */
void ui_pick_load_partners(struct ui *ui, void *ctx, const char *query,
			   struct ui_pick *p);

/* --- records on the screen (fields.c) --------------------------------------
 * Records are of the kinds of the kind table (koszyk/kinds.h): forms and
 * detail views read their fields, names, references and logins there. */

/* The text a person sees for a field of a record (labels for codes and
 * enums, names for references); allocated. */
char *ui_field_text(struct ui *ui, enum kz_kind kind, void *rec,
		    const struct kz_field *f);
/* "declaration signed on 2024-03-01", "cooperating informally", ... */
char *ui_membership_text(const char *status, const char *date);
/* The same in short, for a narrow column: "signed 2025-03-12". */
char *ui_membership_short(const char *status, const char *date);
/* A status's label, or its short form when the label is wider than width. */
const char *ui_status_label(const char *status, int width);
const struct kz_field *ui_rec_fields(enum kz_kind kind, size_t *n);
/* Clear and free a heap record of the kind. */
void ui_rec_free(enum kz_kind kind, void *rec);

/* --- documents: wrapped lines for detail views (doc.c) ------------------------
 * A detail view is a list of lines made from the field table, wrapped to
 * the window width; it is built again when the width changes. A line may
 * point at a record (the partner screen opens it with Enter). */
struct ui_doc_line {
	wchar_t *label;       /* drawn in the label look at column 1, or NULL */
	wchar_t *text;
	int x;                /* column of text */
	enum ui_look look;    /* UI_LOOK_COUNT: plain */
	char mark;            /* a marker before the text ('!' stale), or 0 */
	enum kz_kind kind;     /* of the target */
	char target[KZ_ID_LEN + 1];  /* "" when the line opens nothing */
};

struct ui_doc {
	struct ui_doc_line *v;
	size_t n;
	int width;
};

void ui_doc_free(struct ui_doc *d);
void ui_doc_blank(struct ui_doc *d);
/* Text wrapped at column x; look UI_LOOK_COUNT for plain. */
void ui_doc_text(struct ui_doc *d, const char *text, int x, enum ui_look look);
/* "! N fields of this record were changed on two computers at once" when
 * the record (table, id) is in conflict after a sync; nothing otherwise. */
void ui_doc_conflict_mark(struct ui *ui, struct ui_doc *doc, const char *table,
			  const char *id);
/* "Label   value" with the value wrapped beside (or below) the label. */
void ui_doc_field(struct ui_doc *d, const char *label, const char *value,
		  int label_w);
/* A line that opens a record. */
void ui_doc_link(struct ui_doc *d, const char *text, enum kz_kind kind,
		 const char *id, char mark, enum ui_look look);
/* A line that opens an open task: its due date and title (partners.c). */
struct kz_task;
void ui_doc_task(struct ui_doc *d, const struct kz_task *t);
/* Every field of a record (except skip, may be NULL), then who created
 * and changed it. */
void ui_doc_record(struct ui *ui, struct ui_doc *d, enum kz_kind kind,
		   void *rec, const char *skip);
void ui_doc_stamp(struct ui *ui, struct ui_doc *d, const struct kz_stamp *st);
void ui_doc_draw_line(struct ui_doc *d, WINDOW *w, int y, int x, int width,
		      size_t i, bool selected);
/* "2026-05-01 10:11" in local time from an ISO UTC timestamp. */
void ui_local_time(const char *iso, char out[20]);

/* --- screens ------------------------------------------------------------------ */
struct ui_screen *ui_basket_new(struct ui *ui);
/* Narrow the basket (s) to the entries not verified lately. */
void ui_basket_only_stale(struct ui_screen *s);
/* Narrow the basket (s) to one network's services (KZ_NETWORK_OWN: our
 * own), name shown on the filter line. */
void ui_basket_only_network(struct ui_screen *s, const char *network,
			    const char *name);
struct ui_screen *ui_partners_new(struct ui *ui);
struct ui_screen *ui_contacts_new(struct ui *ui);
struct ui_screen *ui_help_new(struct ui *ui);
/* Global lookup over services, partners and contacts (lookup.c). */
struct ui_screen *ui_lookup_new(struct ui *ui);
/* Detail views of one record (detail.c). */
struct ui_screen *ui_service_detail_new(struct ui *ui, const char *id);
struct ui_screen *ui_contact_detail_new(struct ui *ui, const char *id);
/* The partner screen: details, services, contact persons (partners.c). */
struct ui_screen *ui_partner_screen_new(struct ui *ui, const char *id);

/* Cases: what needs attention and the case list (cases.c); one case with
 * its plan (plan.c); versions, differences, the printed plan (plan_edit.c). */
struct ui_screen *ui_cases_new(struct ui *ui);
struct ui_screen *ui_case_screen_new(struct ui *ui, const char *case_id);
struct ui_screen *ui_versions_new(struct ui *ui, const char *plan_id,
				  const char *case_code);
/* A scrollable text (a difference or the printed plan); text is copied.
 * plan_id non-NULL: the printed plan, which can be saved to a file. */
struct ui_screen *ui_text_view_new(struct ui *ui, const char *title,
				   const char *text, const char *plan_id);
/* The plan as printed for the family, in a view that can save it to a
 * file; NULL (and a message) when it cannot be made. */
struct ui_screen *ui_plan_print_view(struct ui *ui, const char *plan_id,
				     const char *case_code);
/* Open a form for a new case (code, manager and dates prefilled). */
bool ui_edit_case(struct ui *ui, const char *id);
/* A line of text typed on the status line; NULL when cancelled. */
char *ui_ask(struct ui *ui, const char *prompt, const char *initial);

/* Forms (form.c): edit a copy of a record, save through the data layer.
 * The record is owned by the form. NULL id: a new record; preset fields
 * (e.g. the provider) may be set in rec before. */
struct ui_screen *ui_form_new(struct ui *ui, enum kz_kind kind, void *rec);
/* A line shown above the fields instead of the usual hint (e.g. which
 * goal a progress note is for); copied. */
void ui_form_set_note(struct ui_screen *form, const char *note);
/* The name shown for a reference the record itself cannot name (e.g. an
 * action's goal); copied. */
void ui_form_set_ref_label(struct ui_screen *form, const char *field,
			   const char *label);
/* Instead of saving the record, F2 hands it to save (which checks it and
 * keeps a copy, e.g. a review recorded with its progress at the end);
 * KZ_OK closes the form without a message, a refusal shows err in it. */
typedef enum kz_status (*ui_form_save_fn)(void *ctx, const void *rec,
					  struct kz_error *err);
void ui_form_set_save(struct ui_screen *form, ui_form_save_fn save, void *ctx);
/* Put the cursor on a field of a form (e.g. the minutes). */
void ui_form_focus(struct ui_screen *form, const char *field);
/* Meetings: the list and one meeting (meetings.c); tasks (tasks.c). */
struct ui_screen *ui_meetings_new(struct ui *ui);
struct ui_screen *ui_meeting_screen_new(struct ui *ui, const char *id);
/* The form of a new meeting of a case's team. */
bool ui_new_case_meeting(struct ui *ui, const char *case_id, const char *code);
struct ui_screen *ui_tasks_new(struct ui *ui);
/* The tasks list at its view of the overdue tasks. */
struct ui_screen *ui_tasks_new_overdue(struct ui *ui);
/* Open the form of a task by id; false (and a message) when it cannot. */
bool ui_edit_task(struct ui *ui, const char *id);
/* Open forms for a record by id (loads it; NULL id: new) (edit.c). */
bool ui_edit_service(struct ui *ui, const char *id, const char *provider_id);
bool ui_edit_partner(struct ui *ui, const char *id);
bool ui_edit_contact(struct ui *ui, const char *id, const char *partner_id);

/* Shared record operations with confirmation and messages (edit.c). */
bool ui_archive_service(struct ui *ui, const char *id, const char *title,
			long rev);
bool ui_verify_service(struct ui *ui, const char *id, long rev);
bool ui_delete_contact(struct ui *ui, const char *id, const char *name);

/* The monitoring reports: a menu and a view of one report (reports.c);
 * the coordinator's dashboard (dashboard.c). */
struct ui_screen *ui_reports_new(struct ui *ui);
struct ui_screen *ui_report_view_new(struct ui *ui, const char *name);
struct ui_screen *ui_dashboard_new(struct ui *ui);
/* Offline sync: the fields in conflict and one of them (conflicts.c);
 * exchanging changes by file or ssh (sync.c). */
struct ui_screen *ui_conflicts_new(struct ui *ui);
struct ui_screen *ui_sync_new(struct ui *ui);

/* The basket's exchange with the world (exchange.c): import partners or
 * services from a CSV file or an HSDS folder (true when something came
 * in), export the basket to a file or folder. */
bool ui_import_basket(struct ui *ui);
void ui_export_basket(struct ui *ui);
/* A result with lines of what could not be kept: the first line on the
 * status line, the whole in a view (the warnings of an HSDS feed). */
void ui_show_result(struct ui *ui, const char *title, const char *line,
		    char *const *more, size_t nmore);
/* The networks: the baskets of other partnerships (networks.c); the
 * values of a filter by network: our own basket, then each network. */
struct ui_screen *ui_networks_new(struct ui *ui);
void ui_pick_networks(struct ui *ui, struct ui_pick *p);
/* The filter by network of the basket and the lookup. */
#define UI_NETWORK_FILTER                                                  \
	{ .kind = UI_FILTER_LIST, .label = N_("Network"),                  \
	  .pick_title = N_("Filter by network"),                           \
	  .any_item = N_("(every basket)"), .any_menu = N_("every basket"), \
	  .fill = ui_pick_networks }

/* The progress of a long action (meter.c): begin makes it the meter of
 * the process (koszyk/meter.h), so that what the data and io layers
 * report shows on the message line (plain: on the terminal, curses being
 * off); ui_meter_fn is the callback for the sync functions too; end puts
 * the previous meter back. */
struct ui_meter {
	struct ui *ui;
	const char *what;  /* "Writing the changes:", ... */
	bool plain;
	struct kz_meter m;
	kz_meter_fn prev;
	void *prev_ctx;
};
void ui_meter_begin(struct ui_meter *p, struct ui *ui, const char *what, bool plain);
void ui_meter_fn(void *ctx, long done, long total);
void ui_meter_end(struct ui_meter *p);

#endif
