/* The shared list widget: scrolling and selection for every list and view
 * (in the manner of calcurse's listbox). It owns no data: a callback draws
 * row i. Without a cursor it is a scrolling view (detail, help). */
#include "ui_internal.h"

void ui_lb_init(struct ui_listbox *lb, bool cursor)
{
	lb->n = 0;
	lb->sel = 0;
	lb->top = 0;
	lb->h = 1;
	lb->cursor = cursor;
}

/* Keep sel in range and visible, and top in range. */
static void lb_fix(struct ui_listbox *lb)
{
	size_t h = lb->h > 0 ? (size_t)lb->h : 1;

	if (lb->n == 0) {
		lb->sel = lb->top = 0;
		return;
	}
	if (lb->sel >= lb->n)
		lb->sel = lb->n - 1;
	if (lb->cursor) {
		if (lb->sel < lb->top)
			lb->top = lb->sel;
		if (lb->sel >= lb->top + h)
			lb->top = lb->sel - h + 1;
	}
	/* No empty space below the last row when the list fills the view. */
	if (lb->n > h && lb->top > lb->n - h)
		lb->top = lb->n - h;
	if (lb->n <= h)
		lb->top = 0;
}

void ui_lb_set_count(struct ui_listbox *lb, size_t n)
{
	lb->n = n;
	lb_fix(lb);
}

void ui_lb_set_height(struct ui_listbox *lb, int h)
{
	lb->h = h > 0 ? h : 1;
	lb_fix(lb);
}

void ui_lb_select(struct ui_listbox *lb, size_t i)
{
	lb->sel = i;
	lb_fix(lb);
}

static size_t sub_clamped(size_t a, size_t b)
{
	return a > b ? a - b : 0;
}

static bool lb_scroll(struct ui_listbox *lb, enum ui_action a)
{
	size_t h = (size_t)lb->h;
	size_t max_top = sub_clamped(lb->n, h);

	switch (a) {
	case UI_ACT_UP: lb->top = sub_clamped(lb->top, 1); break;
	case UI_ACT_DOWN: lb->top = lb->top + 1 > max_top ? max_top : lb->top + 1; break;
	case UI_ACT_PAGE_UP: lb->top = sub_clamped(lb->top, h > 1 ? h - 1 : 1); break;
	case UI_ACT_PAGE_DOWN:
		lb->top += h > 1 ? h - 1 : 1;
		if (lb->top > max_top)
			lb->top = max_top;
		break;
	case UI_ACT_FIRST: lb->top = 0; break;
	case UI_ACT_LAST: lb->top = max_top; break;
	default: return false;
	}
	return true;
}

bool ui_lb_action(struct ui_listbox *lb, enum ui_action a)
{
	size_t h = (size_t)lb->h;

	if (!lb->cursor)
		return lb_scroll(lb, a);
	switch (a) {
	case UI_ACT_UP: lb->sel = sub_clamped(lb->sel, 1); break;
	case UI_ACT_DOWN: lb->sel++; break;
	case UI_ACT_PAGE_UP:
		lb->sel = sub_clamped(lb->sel, h);
		lb->top = sub_clamped(lb->top, h);
		break;
	case UI_ACT_PAGE_DOWN:
		lb->sel += h;
		if (lb->top + h < lb->n)
			lb->top += h;
		break;
	case UI_ACT_FIRST: lb->sel = 0; break;
	case UI_ACT_LAST: lb->sel = lb->n ? lb->n - 1 : 0; break;
	default: return false;
	}
	lb_fix(lb);
	return true;
}

void ui_lb_draw(struct ui_listbox *lb, WINDOW *w, int y, int x, int width,
		ui_row_fn row, void *ctx)
{
	for (int r = 0; r < lb->h; r++) {
		size_t i = lb->top + (size_t)r;
		if (i >= lb->n) {
			ui_draw_blank(w, y + r, x, width);
			continue;
		}
		row(ctx, w, y + r, x, width, i, lb->cursor && i == lb->sel);
	}
}
