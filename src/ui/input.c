/* A one-line text input kept as wide characters (so Polish letters are one
 * character each), and the y/n question on the status line. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "koszyk/xalloc.h"
#include "ui_internal.h"

void ui_input_clear(struct ui_input *in)
{
	in->len = in->cur = 0;
	in->buf[0] = L'\0';
}

void ui_input_set(struct ui_input *in, const char *utf8)
{
	wchar_t *w = ui_wcs(utf8);
	size_t n = wcslen(w);

	if (n > UI_INPUT_MAX)
		n = UI_INPUT_MAX;
	wmemcpy(in->buf, w, n);
	in->buf[n] = L'\0';
	in->len = in->cur = n;
	free(w);
}

char *ui_input_text(const struct ui_input *in)
{
	return ui_mbs(in->buf, in->len);
}

static void delete_range(struct ui_input *in, size_t from, size_t to)
{
	wmemmove(in->buf + from, in->buf + to, in->len - to + 1);
	in->len -= to - from;
	in->cur = from;
}

static bool is_backspace(int key)
{
	return key == (UI_KEY_FN | KEY_BACKSPACE) || key == 127 || key == 8;
}

bool ui_input_key(struct ui_input *in, int key, bool *changed)
{
	*changed = false;
	/* A character that may not be typed (a bidirectional override) is
	 * refused without leaving the line. */
	if (key >= 0xA0 && !(key & UI_KEY_FN) && !ui_key_printable(key))
		return true;
	if (ui_key_printable(key)) {
		if (in->len >= UI_INPUT_MAX)
			return true;
		wmemmove(in->buf + in->cur + 1, in->buf + in->cur, in->len - in->cur + 1);
		in->buf[in->cur++] = (wchar_t)key;
		in->len++;
		*changed = true;
		return true;
	}
	if (is_backspace(key)) {
		if (in->cur > 0) {
			delete_range(in, in->cur - 1, in->cur);
			*changed = true;
		}
		return true;
	}
	switch (key) {
	case UI_KEY_FN | KEY_DC:
	case 'D' & 0x1f:
		if (in->cur < in->len) {
			delete_range(in, in->cur, in->cur + 1);
			*changed = true;
		}
		return true;
	case UI_KEY_FN | KEY_LEFT:
		if (in->cur > 0)
			in->cur--;
		return true;
	case UI_KEY_FN | KEY_RIGHT:
		if (in->cur < in->len)
			in->cur++;
		return true;
	case UI_KEY_FN | KEY_HOME:
	case 'A' & 0x1f:
		in->cur = 0;
		return true;
	case UI_KEY_FN | KEY_END:
	case 'E' & 0x1f:
		in->cur = in->len;
		return true;
	case 'U' & 0x1f:
		*changed = in->cur > 0;
		delete_range(in, 0, in->cur);
		return true;
	case 'K' & 0x1f:
		*changed = in->cur < in->len;
		in->buf[in->cur] = L'\0';
		in->len = in->cur;
		return true;
	case 'W' & 0x1f: {
		size_t from = in->cur;
		while (from > 0 && iswspace((wint_t)in->buf[from - 1]))
			from--;
		while (from > 0 && !iswspace((wint_t)in->buf[from - 1]))
			from--;
		*changed = from < in->cur;
		delete_range(in, from, in->cur);
		return true;
	}
	default:
		return false;
	}
}

int ui_input_draw(const struct ui_input *in, WINDOW *w, int y, int x,
		  int width, const char *prompt)
{
	int pw = ui_draw_text(w, y, x, prompt, width);
	int avail = width - pw;
	size_t start = 0;

	if (avail < 2) {
		ui_draw_blank(w, y, x + pw, avail);
		return x + pw;
	}
	/* Scroll so that the cursor stays in view with one free cell. */
	while (start < in->cur && ui_wcs_width(in->buf + start, in->cur - start) > avail - 1)
		start++;
	int used = ui_draw_wtext(w, y, x + pw, in->buf + start, in->len - start, avail);
	ui_draw_blank(w, y, x + pw + used, avail - used);
	return x + pw + ui_wcs_width(in->buf + start, in->cur - start);
}

/* --- y/n --------------------------------------------------------------------- */

static bool answer_is(int key, const char *word, char fallback)
{
	wchar_t *w = ui_wcs(word);
	bool yes = key == fallback || key == (fallback - 'a' + 'A');

	if (w[0] && (wint_t)key == towlower((wint_t)w[0]))
		yes = true;
	if (w[0] && (wint_t)key == towupper((wint_t)w[0]))
		yes = true;
	free(w);
	return yes;
}

bool ui_confirm(struct ui *ui, const char *question)
{
	bool result = false;

	/* TRANSLATORS: appended to a question; the first letters of the
	 * translations of "yes" and "no" answer it. */
	const char *answers = _("(y/n)");
	/* A long title must not push the answers off the status line. */
	int room = COLS - 2 - ui_text_width(answers) - 1;
	char *q = ui_text_clip(question, room > 10 ? room : 10);

	ui_message(ui, "%s %s", q, answers);
	free(q);
	for (;;) {
		ui_draw(ui);
		int key = ui_next_key(ui);
		if (key == UI_KEY_STOP)
			break;
		if (key < 0)
			continue;
		if (answer_is(key, _("yes"), 'y')) {
			result = true;
			break;
		}
		if (key == UI_KEY_ESC || answer_is(key, _("no"), 'n'))
			break;
	}
	ui->message[0] = '\0';
	return result;
}

/* --- the search line of a list ---------------------------------------------- */

void ui_search_open(struct ui *ui, struct ui_search *s)
{
	s->open = true;
	ui->input = &s->in;
	ui->input_prompt = _("Search: ");
	ui->dirty = true;
}

void ui_search_close(struct ui *ui, struct ui_search *s, bool clear)
{
	s->open = false;
	if (ui->input == &s->in)
		ui->input = NULL;
	if (clear) {
		ui_input_clear(&s->in);
		free(s->query);
		s->query = NULL;
	}
	ui->dirty = true;
}

void ui_search_free(struct ui_search *s)
{
	free(s->query);
	s->query = NULL;
}

const struct ui_legend ui_legend_search[] = {
	{ UI_ACT_ACCEPT, N_("Keep the result") }, { UI_ACT_CANCEL, N_("Clear") },
	{ UI_ACT_DOWN, N_("Move in the list") }, { UI_ACT_NONE, NULL }
};

enum ui_search_result ui_search_key(struct ui *ui, struct ui_search *s, int key,
				    struct ui_listbox *lb)
{
	bool changed = false;
	enum ui_action a;

	if (!ui_key_printable(key)) {
		a = ui_key_action(key, UI_G_DIALOG | UI_G_MOVE);
		if (a == UI_ACT_ACCEPT) {
			ui_search_close(ui, s, false);
			return UI_SEARCH_ACCEPTED;
		}
		if (a == UI_ACT_CANCEL) {
			ui_search_close(ui, s, true);
			return UI_SEARCH_CHANGED;
		}
		if (a == UI_ACT_UP || a == UI_ACT_DOWN || a == UI_ACT_PAGE_UP ||
		    a == UI_ACT_PAGE_DOWN) {
			ui_lb_action(lb, a);
			return UI_SEARCH_USED;
		}
	}
	if (!ui_input_key(&s->in, key, &changed)) {
		ui_search_close(ui, s, false);
		return UI_SEARCH_NOT_MINE;
	}
	if (!changed)
		return UI_SEARCH_USED;
	free(s->query);
	s->query = s->in.len ? ui_input_text(&s->in) : NULL;
	return UI_SEARCH_CHANGED;
}
