/* The printable document (printdoc.h): blocks, and their text, Markdown
 * and HTML. Moved here from plan_print.c, so that the minutes of a
 * meeting are printed as the plan is. */
#include "printdoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/csp.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define TEXT_WIDTH 72

void kz_doc_add(struct kz_doc *d, enum block_kind kind, const char *label,
		const char *text)
{
	if ((kind == B_META || kind == B_FIELD) && kz_str_empty(text))
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n].kind = kind;
	d->v[d->n].label = xstrdup_or_null(label);
	d->v[d->n].text = xstrdup(text ? text : "");
	d->n++;
}

void kz_doc_free(struct kz_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].label);
		free(d->v[i].text);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* The way dates are written in Polish letters. */
const char *kz_doc_date(const char *iso, char out[16])
{
	if (!iso || !kz_date_valid(iso)) {
		snprintf(out, 16, "%s", iso ? iso : "");
		return out;
	}
	snprintf(out, 16, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
	return out;
}

void kz_doc_add_date(struct kz_doc *d, enum block_kind kind, const char *label,
		     const char *iso)
{
	char buf[16];

	if (!kz_str_empty(iso))
		kz_doc_add(d, kind, label, kz_doc_date(iso, buf));
}

/* --- text ------------------------------------------------------------------ */

static size_t columns(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Words of text after first (on the first line) or indent (on the
 * others), wrapped at TEXT_WIDTH columns; a line break in the text starts
 * a new line. */
static void wrap(struct kz_buf *b, const char *first, const char *indent,
		 const char *text)
{
	size_t col = columns(first, strlen(first));
	size_t start_col = col;
	const char *p = text;

	kz_buf_puts(b, first);
	while (*p) {
		size_t len;

		if (*p == '\n') {
			kz_buf_putc(b, '\n');
			kz_buf_puts(b, indent);
			col = start_col = columns(indent, strlen(indent));
			p++;
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		len = strcspn(p, " \t\r\n");
		if (col > start_col) {
			if (col + 1 + columns(p, len) > TEXT_WIDTH) {
				kz_buf_putc(b, '\n');
				kz_buf_puts(b, indent);
				col = start_col = columns(indent, strlen(indent));
			} else {
				kz_buf_putc(b, ' ');
				col++;
			}
		}
		kz_buf_add(b, p, len);
		col += columns(p, len);
		p += len;
	}
	kz_buf_putc(b, '\n');
}

static void underline(struct kz_buf *b, const char *text, char c)
{
	size_t n = columns(text, strlen(text));

	if (n > TEXT_WIDTH)
		n = TEXT_WIDTH;
	for (size_t i = 0; i < n; i++)
		kz_buf_putc(b, c);
	kz_buf_putc(b, '\n');
}

static void render_text(const struct kz_doc *d, struct kz_buf *b)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct block *k = &d->v[i];
		char *first;

		switch (k->kind) {
		case B_TITLE:
			wrap(b, "", "", k->text);
			underline(b, k->text, '=');
			kz_buf_putc(b, '\n');
			break;
		case B_META:
		case B_FIELD:
			first = xasprintf("%s%s: ", k->kind == B_FIELD ? "  " : "",
					  k->label);
			wrap(b, first, k->kind == B_FIELD ? "      " : "    ", k->text);
			free(first);
			break;
		case B_HEAD:
			kz_buf_putc(b, '\n');
			wrap(b, "", "", k->text);
			underline(b, k->text, '-');
			break;
		case B_ITEM:
			kz_buf_putc(b, '\n');
			wrap(b, "* ", "  ", k->text);
			break;
		case B_PARA:
			kz_buf_putc(b, '\n');
			wrap(b, "", "", k->text);
			break;
		case B_SIGN:
			kz_buf_putc(b, '\n');
			kz_buf_printf(b, "%s\n\n  %s  %s ____________\n", k->text,
				      "______________________________", _("Date:"));
			break;
		}
	}
}

/* --- Markdown ---------------------------------------------------------------- */

/* Text on one line with the characters Markdown would take for markup
 * escaped. */
static void md_text(struct kz_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			kz_buf_putc(b, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>#|", *s))
			kz_buf_putc(b, '\\');
		kz_buf_putc(b, *s);
	}
}

static void render_md(const struct kz_doc *d, struct kz_buf *b)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct block *k = &d->v[i];

		switch (k->kind) {
		case B_TITLE:
			kz_buf_puts(b, "# ");
			md_text(b, k->text);
			kz_buf_puts(b, "\n\n");
			break;
		case B_META:
			kz_buf_puts(b, "- **");
			md_text(b, k->label);
			kz_buf_puts(b, ":** ");
			md_text(b, k->text);
			kz_buf_putc(b, '\n');
			break;
		case B_HEAD:
			kz_buf_puts(b, "\n## ");
			md_text(b, k->text);
			kz_buf_puts(b, "\n\n");
			break;
		case B_ITEM:
			kz_buf_puts(b, "- **");
			md_text(b, k->text);
			kz_buf_puts(b, "**\n");
			break;
		case B_FIELD:
			kz_buf_puts(b, "  - ");
			md_text(b, k->label);
			kz_buf_puts(b, ": ");
			md_text(b, k->text);
			kz_buf_putc(b, '\n');
			break;
		case B_PARA:
			md_text(b, k->text);
			kz_buf_putc(b, '\n');
			break;
		case B_SIGN:
			kz_buf_puts(b, "\n");
			md_text(b, k->text);
			kz_buf_puts(b, ": \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ ");
			md_text(b, _("Date:"));
			kz_buf_puts(b, " \\_\\_\\_\\_\\_\\_\n");
			break;
		}
	}
}

/* --- HTML ---------------------------------------------------------------------- */

static const char html_style[] =
	"body{font-family:Georgia,'DejaVu Serif',serif;max-width:44em;"
	"margin:2em auto;padding:0 1em;line-height:1.45;color:#111;"
	"background:#fff}\n"
	"h1{font-size:1.7em;margin-bottom:.3em}\n"
	"h2{font-size:1.25em;border-bottom:1px solid #999;margin-top:1.6em}\n"
	"dl{margin:.2em 0 .8em}\n"
	"dl.meta{display:grid;grid-template-columns:max-content auto;"
	"gap:.1em 1em}\n"
	"dl.meta dd{margin:0}\n"
	"ul{padding-left:1.2em}\n"
	"li{margin-bottom:.8em}\n"
	"li dl{display:grid;grid-template-columns:max-content auto;"
	"gap:.1em .8em}\n"
	"li dd{margin:0}\n"
	"dt{color:#444}\n"
	".sign{display:grid;grid-template-columns:1fr 12em;gap:0 2em;"
	"margin-top:2.2em;page-break-inside:avoid}\n"
	".sign span{border-top:1px solid #111;padding-top:.2em;font-size:.9em}\n"
	"@page{size:A4;margin:2cm;"
	"@bottom-center{content:counter(page) \" / \" counter(pages);"
	"font-size:9pt}}\n"
	"@media print{body{margin:0;max-width:none;font-size:11pt}"
	"h2{page-break-after:avoid}li{page-break-inside:avoid}}\n";

struct html_state {
	bool meta, ul, li, dl;
};

static void html_close(struct kz_buf *b, struct html_state *h, bool all)
{
	if (h->dl) {
		kz_buf_puts(b, "</dl>");
		h->dl = false;
	}
	if (h->li) {
		kz_buf_puts(b, "</li>\n");
		h->li = false;
	}
	if (all && h->ul) {
		kz_buf_puts(b, "</ul>\n");
		h->ul = false;
	}
	if (all && h->meta) {
		kz_buf_puts(b, "</dl>\n");
		h->meta = false;
	}
}

static void html_pair(struct kz_buf *b, const struct block *k)
{
	kz_buf_puts(b, "<dt>");
	kz_buf_html(b, k->label);
	kz_buf_puts(b, "</dt><dd>");
	kz_buf_html_lines(b, k->text);
	kz_buf_puts(b, "</dd>");
}

static void render_html(const struct kz_config *cfg, const struct kz_doc *d,
			struct kz_buf *b)
{
	struct html_state h = { false, false, false, false };
	const char *title = d->n ? d->v[0].text : "";
	const char *code = d->n > 1 ? d->v[1].text : "";

	kz_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
	kz_buf_html(b, cfg && !kz_str_empty(cfg->language) ? cfg->language : "pl");
	kz_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<title>");
	kz_buf_html(b, title);
	kz_buf_puts(b, " ");
	kz_buf_html(b, code);
	kz_buf_puts(b, "</title>\n");
	/* Nothing may be loaded; only the page's own style applies. */
	kz_html_csp(b, html_style, NULL);
	kz_buf_puts(b, "<style>");
	kz_buf_puts(b, html_style);
	kz_buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct block *k = &d->v[i];

		switch (k->kind) {
		case B_TITLE:
			html_close(b, &h, true);
			kz_buf_puts(b, "<h1>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</h1>\n");
			break;
		case B_META:
			if (!h.meta) {
				kz_buf_puts(b, "<dl class=\"meta\">\n");
				h.meta = true;
			}
			html_pair(b, k);
			kz_buf_putc(b, '\n');
			break;
		case B_HEAD:
			html_close(b, &h, true);
			kz_buf_puts(b, "<h2>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</h2>\n");
			break;
		case B_ITEM:
			html_close(b, &h, false);
			if (!h.ul) {
				kz_buf_puts(b, "<ul>\n");
				h.ul = true;
			}
			kz_buf_puts(b, "<li><strong>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</strong>");
			h.li = true;
			break;
		case B_FIELD:
			if (!h.dl) {
				kz_buf_puts(b, "<dl>");
				h.dl = true;
			}
			html_pair(b, k);
			break;
		case B_PARA:
			html_close(b, &h, true);
			kz_buf_puts(b, "<p>");
			kz_buf_html_lines(b, k->text);
			kz_buf_puts(b, "</p>\n");
			break;
		case B_SIGN:
			html_close(b, &h, true);
			kz_buf_puts(b, "<div class=\"sign\"><span>");
			kz_buf_html(b, k->text);
			kz_buf_puts(b, "</span><span>");
			kz_buf_html(b, _("Date:"));
			kz_buf_puts(b, "</span></div>\n");
			break;
		}
	}
	html_close(b, &h, true);
	kz_buf_puts(b, "</main>\n</body>\n</html>\n");
}

void kz_doc_render(const struct kz_config *cfg, const struct kz_doc *d,
		   enum kz_plan_format fmt, struct kz_buf *out)
{
	if (fmt == KZ_PLAN_MD)
		render_md(d, out);
	else if (fmt == KZ_PLAN_HTML)
		render_html(cfg, d, out);
	else
		render_text(d, out);
}
