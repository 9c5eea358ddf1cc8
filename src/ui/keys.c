/* The action table and the key bindings made from it. Dispatch, the help
 * screen and the key legend all come from UI_ACTIONS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "koszyk/defang.h"
#include "ui_internal.h"

const struct ui_action_info ui_actions[UI_ACT_COUNT] = {
	[UI_ACT_NONE] = { "none", 0, "", "", "" },
#define UI_ACTION_INFO(id, grp, keys, label, help) \
	[UI_ACT_##id] = { #id, UI_G_##grp, keys, label, help },
	UI_ACTIONS(UI_ACTION_INFO)
#undef UI_ACTION_INFO
};

const struct ui_help_section ui_help_sections[] = {
	{ UI_G_GLOBAL, N_("Everywhere") },
	{ UI_G_MOVE, N_("Moving in lists and views") },
	{ UI_G_LIST, N_("Lists and records") },
	{ UI_G_CASE, N_("Cases and plans") },
	{ UI_G_MEET, N_("Meetings and tasks") },
	{ UI_G_SYNC, N_("Sync") },
	{ UI_G_DIALOG, N_("Search line and pick lists") },
	{ UI_G_FORM, N_("Forms") },
};
const size_t ui_help_nsections = sizeof(ui_help_sections) / sizeof(ui_help_sections[0]);

const char *const ui_help_marks =
	N_("Marks in the basket: ! not verified lately, - suspended, x archived.");
const char *const ui_help_parts =
	N_("On the screen of a case, a meeting or a partner, move to a part (a goal, an action, a member of the team, an attendee, a contact person) with Up and Down, then press e to edit it or Enter to open it.");
const char *const ui_help_editing =
	N_("In the search line and in forms the cursor starts at the end of the text: Left, Right, Home, End, Backspace and Delete edit it; Ctrl-U deletes to the start of the line, Ctrl-W the word before the cursor.");

static const struct {
	const char *name;   /* inside <...> */
	int key;
	const char *shown;  /* in the legend and help */
} named_keys[] = {
	{ "Up", UI_KEY_FN | KEY_UP, "Up" },
	{ "Down", UI_KEY_FN | KEY_DOWN, "Down" },
	{ "Left", UI_KEY_FN | KEY_LEFT, "Left" },
	{ "Right", UI_KEY_FN | KEY_RIGHT, "Right" },
	{ "PgUp", UI_KEY_FN | KEY_PPAGE, "PgUp" },
	{ "PgDn", UI_KEY_FN | KEY_NPAGE, "PgDn" },
	{ "Home", UI_KEY_FN | KEY_HOME, "Home" },
	{ "End", UI_KEY_FN | KEY_END, "End" },
	{ "Insert", UI_KEY_FN | KEY_IC, "Ins" },
	{ "Delete", UI_KEY_FN | KEY_DC, "Del" },
	{ "S-Tab", UI_KEY_FN | KEY_BTAB, "S-Tab" },
	{ "Backspace", UI_KEY_FN | KEY_BACKSPACE, "Bksp" },
	{ "Enter", '\n', "Enter" },
	{ "Esc", UI_KEY_ESC, "Esc" },
	{ "Tab", '\t', "Tab" },
	{ "Space", ' ', "Space" },
};

#define MAX_BINDINGS 128

static struct {
	int key;
	enum ui_action act;
} bindings[MAX_BINDINGS];
static size_t n_bindings;
static char first_key[UI_ACT_COUNT][16];

/* One key name of the table ("<F2>", "^S", "q") as a key code; the
 * display text goes to shown. */
static int parse_key(const char *name, size_t len, char *shown, size_t n)
{
	if (len > 2 && name[0] == '<' && name[len - 1] == '>') {
		const char *in = name + 1;
		size_t inlen = len - 2;
		if (inlen >= 2 && in[0] == 'F' && in[1] >= '1' && in[1] <= '9') {
			int f = atoi(in + 1);
			snprintf(shown, n, "F%d", f);
			return UI_KEY_FN | KEY_F(f);
		}
		for (size_t i = 0; i < sizeof(named_keys) / sizeof(named_keys[0]); i++)
			if (strlen(named_keys[i].name) == inlen &&
			    strncmp(named_keys[i].name, in, inlen) == 0) {
				snprintf(shown, n, "%s", named_keys[i].shown);
				return named_keys[i].key;
			}
		return UI_KEY_NONE;
	}
	if (len == 2 && name[0] == '^') {
		snprintf(shown, n, "Ctrl-%c", name[1]);
		return name[1] & 0x1f;
	}
	if (len == 1) {
		snprintf(shown, n, "%c", name[0]);
		return (unsigned char)name[0];
	}
	return UI_KEY_NONE;
}

void ui_keys_init(void)
{
	n_bindings = 0;
	for (int a = 1; a < UI_ACT_COUNT; a++) {
		const char *p = ui_actions[a].keys;
		first_key[a][0] = '\0';
		while (*p) {
			size_t len = strcspn(p, " ");
			char shown[16];
			int key = parse_key(p, len, shown, sizeof(shown));
			if (key != UI_KEY_NONE && n_bindings < MAX_BINDINGS) {
				bindings[n_bindings].key = key;
				bindings[n_bindings].act = (enum ui_action)a;
				n_bindings++;
				if (!first_key[a][0])
					snprintf(first_key[a], sizeof(first_key[a]), "%s", shown);
			}
			p += len;
			while (*p == ' ')
				p++;
		}
	}
}

enum ui_action ui_key_action(int key, unsigned groups)
{
	/* Bindings are in table order, so the first match has priority. */
	for (size_t i = 0; i < n_bindings; i++)
		if (bindings[i].key == key &&
		    (ui_actions[bindings[i].act].group & groups))
			return bindings[i].act;
	return UI_ACT_NONE;
}

const char *ui_action_key(enum ui_action a)
{
	return a > UI_ACT_NONE && a < UI_ACT_COUNT ? first_key[a] : "";
}

void ui_action_keys_text(enum ui_action a, char *buf, size_t n)
{
	const char *p = ui_actions[a].keys;
	size_t used = 0;

	buf[0] = '\0';
	while (*p) {
		size_t len = strcspn(p, " ");
		char shown[16];
		if (parse_key(p, len, shown, sizeof(shown)) != UI_KEY_NONE) {
			int w = snprintf(buf + used, n - used, "%s%s",
					 used ? ", " : "", shown);
			if (w < 0 || (size_t)w >= n - used)
				break;
			used += (size_t)w;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
}

bool ui_key_printable(int key)
{
	/* Bidirectional overrides would reorder what the screen and every
	 * printout show: refused like control characters. */
	return key >= ' ' && !(key & UI_KEY_FN) && key != 127 &&
	       iswprint((wint_t)key) && !kz_is_bidi_control((uint32_t)key);
}
