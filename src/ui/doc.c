/* Documents for the detail views: the fields of a record wrapped to the
 * width of the window, drawn through the shared list widget. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "koszyk/xalloc.h"
#include "koszyk/sync.h"
#include "ui_internal.h"

#define EM_DASH "\xe2\x80\x94"

static struct ui_doc_line *add_line(struct ui_doc *d)
{
	struct ui_doc_line *l;

	d->v = xreallocarray(d->v, d->n + 1, sizeof(*d->v));
	l = &d->v[d->n++];
	memset(l, 0, sizeof(*l));
	l->look = UI_LOOK_COUNT;
	return l;
}

void ui_doc_free(struct ui_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].label);
		free(d->v[i].text);
	}
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

void ui_doc_blank(struct ui_doc *d)
{
	add_line(d)->text = ui_wcs("");
}

void ui_doc_text(struct ui_doc *d, const char *text, int x, enum ui_look look)
{
	struct ui_lines lines = { 0 };

	ui_wrap(&lines, text, d->width - x - 1);
	for (size_t i = 0; i < lines.n; i++) {
		struct ui_doc_line *l = add_line(d);
		l->text = lines.v[i];
		l->x = x;
		l->look = look;
	}
	free(lines.v);
}

void ui_doc_field(struct ui_doc *d, const char *label, const char *value,
		  int label_w)
{
	struct ui_lines lines = { 0 };
	bool empty = !value || !*value;
	int x = label_w > 0 ? label_w + 1 : 3;

	if (label_w <= 0)
		add_line(d)->label = ui_wcs(label);
	ui_wrap(&lines, empty ? EM_DASH : value, d->width - x - 1);
	for (size_t i = 0; i < lines.n; i++) {
		struct ui_doc_line *l = add_line(d);
		if (i == 0 && label_w > 0)
			l->label = ui_wcs(label);
		l->text = lines.v[i];
		l->x = x;
		if (empty)
			l->look = UI_LOOK_ARCHIVED;
	}
	free(lines.v);
}

void ui_doc_link(struct ui_doc *d, const char *text, enum kz_kind kind,
		 const char *id, char mark, enum ui_look look)
{
	struct ui_doc_line *l = add_line(d);

	l->text = ui_wcs(text);
	l->x = 4;
	l->kind = kind;
	l->mark = mark;
	l->look = look;
	snprintf(l->target, sizeof(l->target), "%s", id);
}

void ui_local_time(const char *iso, char out[20])
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (!iso || sscanf(iso, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon,
			   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, 20, "%s", iso ? iso : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M", &tm);
}

void ui_doc_stamp(struct ui *ui, struct ui_doc *d, const struct kz_stamp *st)
{
	char when[20], *text;

	if (st->created_at) {
		ui_local_time(st->created_at, when);
		text = xasprintf(_("Added on %s by %s."), when,
				 ui_user_name(ui, st->created_by));
		ui_doc_text(d, text, 1, UI_LOOK_ARCHIVED);
		free(text);
	}
	if (st->updated_at) {
		ui_local_time(st->updated_at, when);
		text = xasprintf(_("Last changed on %s by %s (revision %ld)."), when,
				 ui_user_name(ui, st->updated_by), st->rev);
		ui_doc_text(d, text, 1, UI_LOOK_ARCHIVED);
		free(text);
	}
}

static int label_width(const struct kz_field *fields, size_t n, int width)
{
	int w = 0;

	if (width < 50)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int lw = ui_text_width(_(fields[i].label));
		if (lw > w)
			w = lw;
	}
	w += 3;
	return w > width / 3 ? width / 3 : w;
}

void ui_doc_record(struct ui *ui, struct ui_doc *d, enum kz_kind kind,
		   void *rec, const char *skip)
{
	size_t n;
	const struct kz_field *fields = ui_rec_fields(kind, &n);
	int lw = label_width(fields, n, d->width);

	for (size_t i = 0; i < n; i++) {
		if (skip && strcmp(fields[i].name, skip) == 0)
			continue;
		/* The date is part of the membership text. */
		if (kind == KZ_KIND_PARTNER && strcmp(fields[i].name, "declaration_date") == 0)
			continue;
		char *value = ui_field_text(ui, kind, rec, &fields[i]);
		ui_doc_field(d, _(fields[i].label), value, lw);
		free(value);
	}
}

void ui_doc_draw_line(struct ui_doc *d, WINDOW *w, int y, int x, int width,
		      size_t i, bool selected)
{
	const struct ui_doc_line *l = &d->v[i];
	attr_t look = l->look == UI_LOOK_COUNT ? A_NORMAL : ui_look(l->look);

	if (selected)
		look = ui_look(UI_LOOK_SELECTED);
	wattrset(w, look);
	ui_draw_blank(w, y, x, width);
	if (l->label) {
		wattrset(w, selected ? look : ui_look(UI_LOOK_LABEL));
		ui_draw_wtext(w, y, x + 1, l->label, wcslen(l->label),
			      l->x > 2 ? l->x - 2 : width - 2);
		wattrset(w, look);
	}
	if (l->mark) {
		if (!selected)
			wattrset(w, ui_look(UI_LOOK_STALE));
		mvwaddch(w, y, x + l->x - 2, (chtype)(unsigned char)l->mark);
		wattrset(w, look);
	}
	if (l->text && l->x < width)
		ui_draw_wtext(w, y, x + l->x, l->text, wcslen(l->text), width - l->x);
	wattrset(w, A_NORMAL);
}

/* The mark of a record in conflict after a sync. */
void ui_doc_conflict_mark(struct ui *ui, struct ui_doc *doc, const char *table,
			  const char *id)
{
	long n = kz_conflicts_of(ui->db, table, id);
	char *t;

	if (n <= 0)
		return;
	t = xasprintf(ngettext("! %ld field of this record was changed on two computers at once: press 8 to settle it.",
			       "! %ld fields of this record were changed on two computers at once: press 8 to settle them.",
			       (unsigned long)n), n);
	ui_doc_text(doc, t, 1, UI_LOOK_STALE);
	free(t);
}
