/* Unit tests of the parts of the full-screen program that need no
 * terminal: the action table and key bindings, the list widget, the text
 * input, width-aware wrapping, and the conversion of multi-line form
 * fields. Expected values are worked out by hand. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/ui/ui_internal.h"

static int setup_locale(void **state)
{
	(void)state;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	ui_keys_init();
	return 0;
}

/* --- keys ----------------------------------------------------------------- */

static void test_keys_by_group(void **state)
{
	(void)state;
	/* Enter opens in a list but accepts in a dialog. */
	assert_int_equal(ui_key_action('\n', UI_G_MOVE | UI_G_LIST | UI_G_GLOBAL), UI_ACT_OPEN);
	assert_int_equal(ui_key_action('\n', UI_G_DIALOG | UI_G_MOVE), UI_ACT_ACCEPT);
	/* Tab switches lists, but moves to the next field in a form. */
	assert_int_equal(ui_key_action('\t', UI_G_MOVE | UI_G_LIST | UI_G_GLOBAL), UI_ACT_NEXT_VIEW);
	assert_int_equal(ui_key_action('\t', UI_G_FORM | UI_G_DIALOG | UI_G_GLOBAL), UI_ACT_NEXT_FIELD);
	/* Esc goes back from a list, cancels in a dialog. */
	assert_int_equal(ui_key_action(27, UI_G_GLOBAL | UI_G_LIST), UI_ACT_BACK);
	assert_int_equal(ui_key_action(27, UI_G_DIALOG | UI_G_GLOBAL), UI_ACT_CANCEL);
	assert_int_equal(ui_key_action('q', UI_G_GLOBAL), UI_ACT_BACK);
	assert_int_equal(ui_key_action('j', UI_G_MOVE), UI_ACT_DOWN);
	assert_int_equal(ui_key_action(UI_KEY_FN | KEY_NPAGE, UI_G_MOVE), UI_ACT_PAGE_DOWN);
	assert_int_equal(ui_key_action(UI_KEY_FN | KEY_F(10), UI_G_GLOBAL), UI_ACT_QUIT);
	assert_int_equal(ui_key_action(UI_KEY_FN | KEY_F(2), UI_G_FORM), UI_ACT_SAVE);
	assert_int_equal(ui_key_action('S' & 0x1f, UI_G_FORM), UI_ACT_SAVE);
	assert_int_equal(ui_key_action('/', UI_G_LIST), UI_ACT_SEARCH);
	assert_int_equal(ui_key_action('?', UI_G_GLOBAL), UI_ACT_HELP);
	/* Not in the groups asked for: nothing. */
	assert_int_equal(ui_key_action('/', UI_G_FORM | UI_G_DIALOG), UI_ACT_NONE);
	assert_int_equal(ui_key_action('z', UI_G_GLOBAL | UI_G_MOVE | UI_G_LIST), UI_ACT_NONE);
}

static void test_key_names(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(ui_action_key(UI_ACT_HELP), "F1");
	assert_string_equal(ui_action_key(UI_ACT_SEARCH), "/");
	assert_string_equal(ui_action_key(UI_ACT_OPEN), "Enter");
	ui_action_keys_text(UI_ACT_SAVE, buf, sizeof(buf));
	assert_string_equal(buf, "F2, Ctrl-S");
	ui_action_keys_text(UI_ACT_ARCHIVE, buf, sizeof(buf));
	assert_string_equal(buf, "d, x, F8, Del");
	assert_true(ui_key_printable(0x17c));   /* ż */
	assert_false(ui_key_printable(27));
	assert_false(ui_key_printable(UI_KEY_FN | KEY_UP));
}

/* --- the list widget ---------------------------------------------------------- */

static void test_listbox_moves(void **state)
{
	struct ui_listbox lb;

	(void)state;
	ui_lb_init(&lb, true);
	ui_lb_set_height(&lb, 5);
	ui_lb_set_count(&lb, 12);
	assert_true(ui_lb_action(&lb, UI_ACT_DOWN));
	assert_int_equal(lb.sel, 1);
	assert_true(ui_lb_action(&lb, UI_ACT_PAGE_DOWN));
	assert_int_equal(lb.sel, 6);
	assert_int_equal(lb.top, 5);
	assert_true(ui_lb_action(&lb, UI_ACT_LAST));
	assert_int_equal(lb.sel, 11);
	assert_int_equal(lb.top, 7);   /* rows 7..11 fill the view */
	assert_true(ui_lb_action(&lb, UI_ACT_DOWN));
	assert_int_equal(lb.sel, 11);
	assert_true(ui_lb_action(&lb, UI_ACT_FIRST));
	assert_int_equal(lb.sel, 0);
	assert_int_equal(lb.top, 0);
	assert_false(ui_lb_action(&lb, UI_ACT_SEARCH));
	/* The list shrinks below the selection. */
	ui_lb_select(&lb, 9);
	ui_lb_set_count(&lb, 3);
	assert_int_equal(lb.sel, 2);
	assert_int_equal(lb.top, 0);
	ui_lb_set_count(&lb, 0);
	assert_int_equal(lb.sel, 0);
}

static void test_listbox_scroll_only(void **state)
{
	struct ui_listbox lb;

	(void)state;
	ui_lb_init(&lb, false);
	ui_lb_set_height(&lb, 10);
	ui_lb_set_count(&lb, 25);
	ui_lb_action(&lb, UI_ACT_PAGE_DOWN);
	assert_int_equal(lb.top, 9);
	ui_lb_action(&lb, UI_ACT_PAGE_DOWN);
	assert_int_equal(lb.top, 15);  /* the last page, not beyond */
	ui_lb_action(&lb, UI_ACT_DOWN);
	assert_int_equal(lb.top, 15);
	ui_lb_action(&lb, UI_ACT_UP);
	assert_int_equal(lb.top, 14);
	/* A taller window shows everything from the top. */
	ui_lb_set_height(&lb, 30);
	assert_int_equal(lb.top, 0);
}

/* --- text input ------------------------------------------------------------------ */

static void type(struct ui_input *in, const wchar_t *s)
{
	bool changed;

	for (; *s; s++)
		ui_input_key(in, (int)*s, &changed);
}

static void test_input_editing(void **state)
{
	struct ui_input in;
	bool changed;
	char *text;

	(void)state;
	ui_input_clear(&in);
	type(&in, L"\x017c\x0142obek");  /* żłobek */
	text = ui_input_text(&in);
	assert_string_equal(text, "\xc5\xbc\xc5\x82obek");
	free(text);
	assert_int_equal(in.len, 6);
	/* Backspace removes one letter, not one byte. */
	assert_true(ui_input_key(&in, 127, &changed));
	assert_true(changed);
	assert_int_equal(in.len, 5);
	/* Home, then insert at the start. */
	ui_input_key(&in, UI_KEY_FN | KEY_HOME, &changed);
	assert_false(changed);
	type(&in, L"x");
	text = ui_input_text(&in);
	assert_string_equal(text, "x\xc5\xbc\xc5\x82obe");
	free(text);
	/* Ctrl-W deletes the word before the cursor. */
	ui_input_key(&in, UI_KEY_FN | KEY_END, &changed);
	type(&in, L" dom");
	ui_input_key(&in, 'W' & 0x1f, &changed);
	text = ui_input_text(&in);
	assert_string_equal(text, "x\xc5\xbc\xc5\x82obe ");
	free(text);
	/* Ctrl-U clears to the start. */
	ui_input_key(&in, 'U' & 0x1f, &changed);
	assert_int_equal(in.len, 0);
	/* Keys it does not know are left to others. */
	assert_false(ui_input_key(&in, UI_KEY_FN | KEY_F(1), &changed));
	ui_input_set(&in, "\xc5\x81\xc3\xb3\x64\xc5\xba");  /* Łódź */
	assert_int_equal(in.len, 4);
	assert_int_equal(in.cur, 4);
}

/* --- width and wrapping ------------------------------------------------------------- */

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(ui_text_width("\xc5\xbb\xc5\x82obek"), 6);  /* Żłobek */
	assert_int_equal(ui_text_width(""), 0);
	assert_int_equal(ui_text_width(NULL), 0);
	/* A CJK character takes two cells. */
	assert_int_equal(ui_text_width("\xe4\xb8\xad"), 2);
	/* Invalid UTF-8 is shown as one replacement character. */
	assert_int_equal(ui_text_width("a\xff" "b"), 3);
}

static void test_wrap(void **state)
{
	struct ui_lines l = { 0 };

	(void)state;
	ui_wrap(&l, "Opieka nad dzie\xc4\x87mi do lat trzech", 12);
	assert_int_equal(l.n, 3);
	assert_true(wcscmp(l.v[0], L"Opieka nad") == 0);
	assert_true(wcscmp(l.v[1], L"dzie\x0107mi do") == 0);
	assert_true(wcscmp(l.v[2], L"lat trzech") == 0);
	ui_lines_free(&l);
	/* Hard line breaks are kept, an empty line too; a long word is cut. */
	ui_wrap(&l, "a\n\nbbbbbbb\n", 4);
	assert_int_equal(l.n, 4);
	assert_true(wcscmp(l.v[0], L"a") == 0);
	assert_true(wcscmp(l.v[1], L"") == 0);
	assert_true(wcscmp(l.v[2], L"bbbb") == 0);
	assert_true(wcscmp(l.v[3], L"bbb") == 0);
	ui_lines_free(&l);
	ui_wrap(&l, "", 10);
	assert_int_equal(l.n, 0);
}

/* --- multi-line form fields ------------------------------------------------------------ */

static void test_rows_round_trip(void **state)
{
	char *rows, *text;

	(void)state;
	/* Wrapped at 10 cells: "jeden dwa" / "trzy" / "nowa linia". */
	rows = ui_text_to_rows("jeden dwa trzy\nnowa linia", 10);
	assert_string_equal(rows, "jeden dwa trzy      nowa linia");
	text = ui_rows_to_text(rows, 10);
	assert_string_equal(text, "jeden dwa trzy\nnowa linia");
	free(rows);
	free(text);
	/* An empty line (a new paragraph) survives. */
	rows = ui_text_to_rows("\xc5\xbc\xc5\x82obek\n\nb", 8);
	assert_string_equal(rows, "\xc5\xbc\xc5\x82obek          b       ");
	text = ui_rows_to_text(rows, 8);
	assert_string_equal(text, "\xc5\xbc\xc5\x82obek\n\nb");
	free(rows);
	free(text);
	/* Rows typed in the form: "ab" then "cd" on the next row was a new
	 * line (cd would have fitted after ab); "abcdefg" then "hij" is
	 * wrapping (hij would not have fitted). */
	text = ui_rows_to_text("ab      cd      ", 8);
	assert_string_equal(text, "ab\ncd");
	free(text);
	text = ui_rows_to_text("abc efg hij     ", 8);
	assert_string_equal(text, "abc efg hij");
	free(text);
	text = ui_rows_to_text("                ", 8);
	assert_string_equal(text, "");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_by_group),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_listbox_moves),
		cmocka_unit_test(test_listbox_scroll_only),
		cmocka_unit_test(test_input_editing),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_rows_round_trip),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
