/* Drawing UTF-8 text by display width: conversion to wide characters,
 * clipping with an ellipsis, word wrapping. Widths come from wcwidth. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "koszyk/buf.h"
#include "koszyk/defang.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define ELLIPSIS L'\x2026'

wchar_t *ui_wcs(const char *s)
{
	size_t len = s ? strlen(s) : 0;
	wchar_t *out = xcalloc(len + 1, sizeof(wchar_t));
	mbstate_t st;
	size_t n = 0;

	memset(&st, 0, sizeof(st));
	while (len > 0) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, s, len, &st);
		if (r == (size_t)-1 || r == (size_t)-2) {
			/* Invalid or cut UTF-8: show a replacement, go on. */
			wc = 0xFFFD;
			r = 1;
			memset(&st, 0, sizeof(st));
		} else if (r == 0) {
			break;
		}
		out[n++] = wc;
		s += r;
		len -= r;
	}
	out[n] = L'\0';
	return out;
}

char *ui_mbs(const wchar_t *s, size_t n)
{
	char *out = xmalloc(n * MB_CUR_MAX + 1);
	mbstate_t st;
	size_t len = 0;

	memset(&st, 0, sizeof(st));
	for (size_t i = 0; i < n && s[i]; i++) {
		size_t r = wcrtomb(out + len, s[i], &st);
		if (r != (size_t)-1)
			len += r;
	}
	out[len] = '\0';
	return out;
}

/* Cells of one character as drawn: controls and bidirectional overrides
 * (which would reorder the screen) become one '?' cell. */
static int cell_width(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 || kz_is_bidi_control((uint32_t)c) ? 1 : w;
}

static wchar_t printable(wchar_t c)
{
	if (c == L'\t' || c == L'\n' || c == L'\r')
		return L' ';
	return wcwidth(c) < 0 || kz_is_bidi_control((uint32_t)c) ? L'?' : c;
}

int ui_wcs_width(const wchar_t *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n && s[i]; i++)
		w += cell_width(s[i]);
	return w;
}

int ui_text_width(const char *s)
{
	wchar_t *w = ui_wcs(s);
	int width = ui_wcs_width(w, wcslen(w));

	free(w);
	return width;
}

int ui_draw_wtext(WINDOW *w, int y, int x, const wchar_t *s, size_t n,
		  int width)
{
	wchar_t buf[512];
	size_t count = 0;
	int used = 0;
	bool cut = false;

	if (width <= 0)
		return 0;
	if (ui_wcs_width(s, n) > width) {
		cut = true;
		width--;  /* room for the ellipsis */
	}
	for (size_t i = 0; i < n && s[i] && count < sizeof(buf) / sizeof(buf[0]) - 2; i++) {
		int cw = cell_width(s[i]);
		if (used + cw > width)
			break;
		buf[count++] = printable(s[i]);
		used += cw;
	}
	if (cut) {
		buf[count++] = ELLIPSIS;
		used++;
	}
	buf[count] = L'\0';
	if (count)
		mvwaddnwstr(w, y, x, buf, (int)count);
	return used;
}

int ui_draw_text(WINDOW *w, int y, int x, const char *s, int width)
{
	wchar_t *ws = ui_wcs(s);
	int used = ui_draw_wtext(w, y, x, ws, wcslen(ws), width);

	free(ws);
	return used;
}

/* Where the kept end of w begins: after the first space among its last
 * width / 3 cells; n when there is none. */
static size_t tail_start(const wchar_t *w, size_t n, int width)
{
	size_t i = n;
	int used = 0;

	while (i > 0 && used + cell_width(w[i - 1]) <= width / 3)
		used += cell_width(w[--i]);
	while (i < n && w[i] != L' ')
		i++;
	return i < n ? i + 1 : n;
}

int ui_draw_text_tail(WINDOW *w, int y, int x, const char *s, int width)
{
	wchar_t *ws = ui_wcs(s);
	size_t n = wcslen(ws), t = tail_start(ws, n, width);
	int used;

	if (ui_wcs_width(ws, n) <= width || t >= n || t < 2) {
		used = ui_draw_wtext(w, y, x, ws, n, width);
	} else {
		int tw = ui_wcs_width(ws + t, n - t);
		used = ui_draw_wtext(w, y, x, ws, t - 1, width - tw - 1);
		used += ui_draw_wtext(w, y, x + used, L" ", 1, 1);
		used += ui_draw_wtext(w, y, x + used, ws + t, n - t, tw);
	}
	free(ws);
	return used;
}

const char *ui_fit_name(const char *name, const char *short_name, int width)
{
	if (short_name && *short_name && ui_text_width(name ? name : "") > width)
		return short_name;
	return name ? name : "";
}

char *ui_text_clip(const char *s, int width)
{
	wchar_t *w = ui_wcs(s);
	size_t n = wcslen(w);
	char *out;

	if (ui_wcs_width(w, n) > width) {
		int used = 0;
		size_t i = 0;
		/* keep room for the ellipsis */
		while (i < n && used + cell_width(w[i]) <= width - 1)
			used += cell_width(w[i++]);
		w[i++] = ELLIPSIS;
		n = i;
	}
	out = ui_mbs(w, n);
	free(w);
	return out;
}

void ui_draw_blank(WINDOW *w, int y, int x, int width)
{
	if (width > 0)
		mvwhline(w, y, x, ' ', width);
}

void ui_draw_cell(WINDOW *w, int y, int x, const char *s, int width)
{
	int used = ui_draw_text(w, y, x, s, width);

	ui_draw_blank(w, y, x + used, width - used);
}

/* --- wrapping ------------------------------------------------------------- */

static void lines_push(struct ui_lines *l, const wchar_t *s, size_t n)
{
	wchar_t *line = xcalloc(n + 1, sizeof(wchar_t));

	while (n > 0 && s[n - 1] == L' ')
		n--;
	wmemcpy(line, s, n);
	line[n] = L'\0';
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = line;
}

/* Greedy wrap of one paragraph (no newlines) at spaces; a word longer
 * than the width is cut. */
static void wrap_paragraph(struct ui_lines *out, const wchar_t *p, size_t len,
			   int width)
{
	size_t start = 0;

	if (len == 0) {
		lines_push(out, p, 0);
		return;
	}
	while (start < len) {
		size_t i = start, brk = start, end;
		int used = 0;

		while (i < len) {
			int cw = cell_width(p[i]);
			if (used + cw > width)
				break;
			used += cw;
			if (p[i] == L' ')
				brk = i;
			i++;
		}
		if (i >= len) {
			lines_push(out, p + start, len - start);
			return;
		}
		if (p[i] == L' ')
			end = i;
		else if (brk > start)
			end = brk;
		else
			end = i > start ? i : start + 1;
		lines_push(out, p + start, end - start);
		start = end;
		while (start < len && p[start] == L' ')
			start++;
	}
}

void ui_wrap(struct ui_lines *out, const char *text, int width)
{
	wchar_t *w = ui_wcs(text);
	size_t len = wcslen(w);
	size_t start = 0;

	if (width < 1)
		width = 1;
	for (size_t i = 0; i < len; i++)
		if (w[i] == L'\t' || w[i] == L'\r')
			w[i] = L' ';
	while (len > 0 && (w[len - 1] == L'\n' || w[len - 1] == L' '))
		len--;
	while (start < len) {
		size_t end = start;
		while (end < len && w[end] != L'\n')
			end++;
		wrap_paragraph(out, w + start, end - start, width);
		start = end + 1;
	}
	free(w);
}

int ui_draw_wrapped(WINDOW *w, int y, int x, int h, int width, const char *text)
{
	struct ui_lines lines = { 0 };

	ui_wrap(&lines, text, width);
	for (size_t i = 0; i < lines.n && y < h; i++)
		ui_draw_wtext(w, y++, x, lines.v[i], wcslen(lines.v[i]), width);
	ui_lines_free(&lines);
	return y;
}

void ui_lines_free(struct ui_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* --- multi-line fields of the form library -------------------------------- */

/* Text wrapped to rows of cols cells, each padded to the full row. */
char *ui_text_to_rows(const char *text, int cols)
{
	struct ui_lines lines = { 0 };
	struct kz_buf b = KZ_BUF_INIT;

	ui_wrap(&lines, text, cols);
	for (size_t i = 0; i < lines.n; i++) {
		char *row = ui_mbs(lines.v[i], wcslen(lines.v[i]));
		kz_buf_puts(&b, row);
		free(row);
		for (int pad = (int)wcslen(lines.v[i]); pad < cols; pad++)
			kz_buf_putc(&b, ' ');
	}
	ui_lines_free(&lines);
	return kz_buf_detach(&b);
}

static size_t trimmed_len(const wchar_t *s, size_t n)
{
	while (n > 0 && s[n - 1] == L' ')
		n--;
	return n;
}

/* The rows of a multi-line field back into text. A row break where the
 * next row's first word would have fitted was typed (a new line); any
 * other break is word wrapping. */
char *ui_rows_to_text(const char *buf, int cols)
{
	wchar_t *w = ui_wcs(buf);
	size_t len = wcslen(w), prev = 0;
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t start = 0; start < len; start += (size_t)cols) {
		size_t n = len - start < (size_t)cols ? len - start : (size_t)cols;
		size_t rl = trimmed_len(w + start, n), word = 0;
		char *row = ui_mbs(w + start, rl);
		while (word < rl && w[start + word] != L' ')
			word++;
		if (start > 0)
			kz_buf_putc(&b, prev + 1 + word < (size_t)cols ? '\n' : ' ');
		kz_buf_puts(&b, row);
		free(row);
		prev = rl;
	}
	free(w);
	char *text = kz_buf_detach(&b);
	size_t tl = strlen(text);
	while (tl > 0 && (text[tl - 1] == '\n' || text[tl - 1] == ' '))
		text[--tl] = '\0';
	return text;
}
