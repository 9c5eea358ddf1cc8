/* A monitoring report as one self-contained page (report_html.h): the
 * generic table of reports.h drawn as SVG bars and printed as an HTML
 * table. Texts from data go through kz_buf_html; the page fetches
 * nothing. */
#include "koszyk/report_html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/csp.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* The chart's drawing, in SVG user units: labels end at LABEL_END, bars
 * start at BAR_X and are at most BAR_MAX long (room for the number after
 * the longest); one row is ROW_H high. */
#define CHART_W 800
#define LABEL_END 332
#define BAR_X 340
#define BAR_MAX 390
#define ROW_H 26
#define BAR_H 18
#define CHART_PAD 6
/* Labels longer than this (in characters) are cut with "…"; the whole
 * text is in the bar's <title> and in the table. */
#define LABEL_CHARS 32
#define NO_COLUMN SIZE_MAX

static const char page_style[] =
	":root{color-scheme:light}\n"
	"body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;"
	"font-size:18px;line-height:1.4;color:#000;background:#fff;"
	"margin:0 auto;max-width:62rem;padding:1rem 1.5rem 2rem}\n"
	"h1{font-size:1.7rem;margin:.2rem 0 .6rem;line-height:1.2}\n"
	"h2{font-size:1.35rem;margin:2rem 0 .4rem;line-height:1.2;"
	"break-after:avoid;page-break-after:avoid}\n"
	".gmina{font-weight:bold;margin:0}\n"
	".note{margin:0 0 1rem}\n"
	"figure{margin:1.2rem 0;break-inside:avoid;page-break-inside:avoid}\n"
	"figcaption{font-weight:bold;margin:0 0 .3rem}\n"
	"svg{display:block;width:100%;max-width:100%;height:auto}\n"
	"svg text{font-family:inherit;font-size:15px;fill:#000}\n"
	"svg .bar{fill:#1f4e79}\n"
	"svg .axis{stroke:#000;stroke-width:1}\n"
	"table{border-collapse:collapse;width:100%;margin:1.2rem 0}\n"
	"th,td{border:1px solid #666;padding:.2rem .45rem;text-align:left;"
	"vertical-align:top;overflow-wrap:anywhere}\n"
	"thead th{background:#e6e6e6;border-bottom:2px solid #000}\n"
	"th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;"
	"white-space:nowrap}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	".footnote{margin:1rem 0}\n"
	"footer{margin-top:2rem;border-top:1px solid #666;font-size:.9rem}\n"
	"@page{size:A4;margin:15mm 12mm 15mm 15mm}\n"
	"@media print{body{font-size:10.5pt;max-width:none;padding:0}"
	"h1{font-size:16pt}"
	"svg .bar,thead th{-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}}\n";

/* --- small helpers ---------------------------------------------------------- */

static bool is_number(const char *s)
{
	bool digit = false;

	if (*s == '-')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (*s != '.')
			return false;
	}
	return digit;
}

/* A column of numbers (every cell a number or empty, one at least) is
 * aligned right. */
static bool numeric_column(const struct kz_report *r, size_t j)
{
	bool any = false;

	for (size_t i = 0; i < r->nrows; i++) {
		const char *c = r->rows[i].cells[j];
		if (!*c)
			continue;
		if (!is_number(c))
			return false;
		any = true;
	}
	return any;
}

/* The column whose numbers the bars draw: the first whose every cell is
 * the row's bar value; NO_COLUMN when none is. */
static size_t bar_column(const struct kz_report *r)
{
	for (size_t j = 0; j < r->ncols && r->nrows; j++) {
		size_t i = 0;
		while (i < r->nrows && is_number(r->rows[i].cells[j]) &&
		       strtod(r->rows[i].cells[j], NULL) == r->rows[i].bar)
			i++;
		if (i == r->nrows)
			return j;
	}
	return NO_COLUMN;
}

/* s cut to at most n characters (UTF-8), "…" marking a cut, escaped. */
static void put_cut(struct kz_buf *out, const char *s, size_t n)
{
	size_t chars = 0;
	const char *p = s;

	while (*p) {
		if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > n)
			break;
		p++;
	}
	if (!*p) {
		kz_buf_html(out, s);
		return;
	}
	/* Leave room for the ellipsis: cut one character more. */
	while (p > s && ((unsigned char)*--p & 0xC0) == 0x80)
		;
	char *head = xstrndup(s, (size_t)(p - s));
	kz_buf_html(out, head);
	kz_buf_puts(out, "\xe2\x80\xa6");
	free(head);
}

/* The number shown for a row: its cell in the bar column, else the bar. */
static void put_value(struct kz_buf *out, const struct kz_report *r,
		      size_t row, size_t col)
{
	if (col != NO_COLUMN)
		kz_buf_html(out, r->rows[row].cells[col]);
	else
		kz_buf_printf(out, "%g", r->rows[row].bar);
}

/* --- the chart ------------------------------------------------------------------ */

/* The rows [first, end) of one part: the same first cell when grouped,
 * all rows otherwise. */
static size_t part_end(const struct kz_report *r, size_t first)
{
	size_t end = first + 1;

	if (!kz_report_grouped(r))
		return r->nrows;
	while (end < r->nrows &&
	       strcmp(r->rows[end].cells[0], r->rows[first].cells[0]) == 0)
		end++;
	return end;
}

/* "Active services — sector", or "Total — Partner" when not grouped. */
static void put_chart_title(struct kz_buf *out, const struct kz_report *r,
			    size_t first, size_t col)
{
	kz_buf_html(out, col != NO_COLUMN ? r->columns[col] : r->title);
	kz_buf_puts(out, " \xe2\x80\x94 ");
	kz_buf_html(out, kz_report_grouped(r) ? r->rows[first].cells[0]
					       : r->columns[0]);
}

static void put_bar(struct kz_buf *out, const struct kz_report *r, size_t row,
		    size_t col, double max, double y)
{
	const char *name = kz_report_row_name(r, row);
	double len = max > 0 ? r->rows[row].bar / max * BAR_MAX : 0;

	if (len < 0)
		len = 0;
	kz_buf_puts(out, "<g><title>");
	kz_buf_html(out, name);
	kz_buf_puts(out, ": ");
	put_value(out, r, row, col);
	kz_buf_printf(out, "</title>\n<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
		      LABEL_END, y + BAR_H - 4);
	put_cut(out, name, LABEL_CHARS);
	kz_buf_puts(out, "</text>");
	if (len > 0)
		kz_buf_printf(out, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" "
			      "width=\"%.1f\" height=\"%d\"/>",
			      BAR_X, y, len < 1 ? 1 : len, BAR_H);
	kz_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">", BAR_X + len + 6,
		      y + BAR_H - 4);
	put_value(out, r, row, col);
	kz_buf_puts(out, "</text></g>\n");
}

/* One chart of the rows [first, end), scaled to their largest value. */
static void put_chart(struct kz_buf *out, const struct kz_report *r,
		      size_t first, size_t end, size_t col, size_t n)
{
	double max = 0;
	int height = (int)(end - first) * ROW_H + 2 * CHART_PAD;

	for (size_t i = first; i < end; i++)
		if (r->rows[i].bar > max)
			max = r->rows[i].bar;
	kz_buf_printf(out, "<figure>\n<figcaption id=\"chart%zu\">", n);
	put_chart_title(out, r, first, col);
	kz_buf_printf(out, "</figcaption>\n<svg role=\"img\" aria-labelledby=\"chart%zu-title\""
		      " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n"
		      "<title id=\"chart%zu-title\">", n, CHART_W, height,
		      CHART_W, height, n);
	put_chart_title(out, r, first, col);
	kz_buf_printf(out, "</title>\n<line class=\"axis\" x1=\"%d\" y1=\"%d\""
		      " x2=\"%d\" y2=\"%d\"/>\n", BAR_X, CHART_PAD / 2, BAR_X,
		      height - CHART_PAD / 2);
	for (size_t i = first; i < end; i++)
		put_bar(out, r, i, col, max,
			CHART_PAD + (double)(i - first) * ROW_H + (ROW_H - BAR_H) / 2.0);
	kz_buf_puts(out, "</svg>\n</figure>\n");
}

/* The charts of one table; *n counts the charts of the page (their ids). */
static void put_charts(struct kz_buf *out, const struct kz_report *r,
		       size_t *n)
{
	size_t col = bar_column(r);

	if (!r->has_bars)
		return;
	for (size_t first = 0; first < r->nrows;) {
		size_t end = part_end(r, first);
		put_chart(out, r, first, end, col, ++*n);
		first = end;
	}
}

/* --- the table ------------------------------------------------------------------ */

static void put_table(struct kz_buf *out, const struct kz_report *r)
{
	bool *num = xcalloc(r->ncols ? r->ncols : 1, sizeof(bool));

	for (size_t j = 0; j < r->ncols; j++)
		num[j] = numeric_column(r, j);
	kz_buf_puts(out, "<table>\n<thead><tr>");
	for (size_t j = 0; j < r->ncols; j++) {
		kz_buf_puts(out, num[j] ? "<th scope=\"col\" class=\"num\">"
					: "<th scope=\"col\">");
		kz_buf_html(out, r->columns[j]);
		kz_buf_puts(out, "</th>");
	}
	kz_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < r->nrows; i++) {
		kz_buf_puts(out, "<tr>");
		for (size_t j = 0; j < r->ncols; j++) {
			kz_buf_puts(out, num[j] ? "<td class=\"num\">" : "<td>");
			kz_buf_html_lines(out, r->rows[i].cells[j]);
			kz_buf_puts(out, "</td>");
		}
		kz_buf_puts(out, "</tr>\n");
	}
	if (r->nrows == 0) {
		kz_buf_printf(out, "<tr><td colspan=\"%zu\">", r->ncols ? r->ncols : 1);
		kz_buf_html(out, _("Nothing to report."));
		kz_buf_puts(out, "</td></tr>\n");
	}
	kz_buf_puts(out, "</tbody>\n</table>\n");
	free(num);
}

/* --- the page ------------------------------------------------------------------- */

static void put_note(struct kz_buf *out, const char *note);

static void put_head(struct kz_buf *out, const struct kz_report *r,
		     const char *gmina)
{
	kz_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	kz_buf_html(out, kz_i18n_language());
	kz_buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta name=\"generator\" content=\"koszyk\">\n<title>");
	kz_buf_html(out, r->title);
	if (!kz_str_empty(gmina)) {
		kz_buf_puts(out, " \xe2\x80\x94 ");
		kz_buf_html(out, gmina);
	}
	kz_buf_puts(out, "</title>\n");
	/* Nothing may be fetched, whatever the page holds; only its own
	 * style applies. */
	kz_html_csp(out, page_style, NULL);
	kz_buf_puts(out, "<style>");
	kz_buf_puts(out, page_style);
	kz_buf_puts(out, "</style>\n</head>\n<body>\n<header>\n");
	if (!kz_str_empty(gmina)) {
		kz_buf_puts(out, "<p class=\"gmina\">");
		kz_buf_html(out, gmina);
		kz_buf_puts(out, "</p>\n");
	}
	kz_buf_puts(out, "<h1>");
	kz_buf_html(out, r->title);
	kz_buf_puts(out, "</h1>\n");
	put_note(out, r->note);
	kz_buf_puts(out, "</header>\n");
}

static void put_foot(struct kz_buf *out, const char *gmina)
{
	char today[11];

	kz_today(today);
	kz_buf_puts(out, "<footer>\n<p>");
	if (!kz_str_empty(gmina)) {
		kz_buf_html(out, gmina);
		kz_buf_puts(out, " \xc2\xb7 ");
	}
	kz_buf_printf(out, _("Generated on %s."), today);
	kz_buf_puts(out, "</p>\n</footer>\n");
}

static void put_note(struct kz_buf *out, const char *note)
{
	if (kz_str_empty(note))
		return;
	kz_buf_puts(out, "<p class=\"note\">");
	kz_buf_html_lines(out, note);
	kz_buf_puts(out, "</p>\n");
}

/* One table of the report with its charts; a table chained after the
 * first (outcomes) is a section under its own heading and note. */
static void put_part(struct kz_buf *out, const struct kz_report *p,
		     bool first, size_t *charts)
{
	if (!first) {
		kz_buf_puts(out, "<section>\n<h2>");
		kz_buf_html(out, p->title);
		kz_buf_puts(out, "</h2>\n");
		put_note(out, p->note);
	}
	put_charts(out, p, charts);
	put_table(out, p);
	if (!kz_str_empty(p->footnote)) {
		kz_buf_puts(out, "<p class=\"footnote\">");
		kz_buf_html_lines(out, p->footnote);
		kz_buf_puts(out, "</p>\n");
	}
	if (!first)
		kz_buf_puts(out, "</section>\n");
}

void kz_report_html(const struct kz_report *r, const char *gmina,
		    struct kz_buf *out)
{
	size_t charts = 0;

	put_head(out, r, gmina);
	kz_buf_puts(out, "<main>\n");
	for (const struct kz_report *p = r; p; p = p->next)
		put_part(out, p, p == r, &charts);
	kz_buf_puts(out, "</main>\n");
	put_foot(out, gmina);
	kz_buf_puts(out, "</body>\n</html>\n");
}
