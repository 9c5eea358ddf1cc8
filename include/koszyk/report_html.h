/* A monitoring report (reports.h) as one self-contained HTML5 page, for a
 * projector at the partnership's meeting and for the Lider's report to
 * the gmina council: the title and the note, a horizontal SVG bar chart
 * of the rows' bar values when the report has bars (one chart for each
 * part of a grouped report, e.g. coverage by sector, by category, by
 * target group), the table, the footnote, and the gmina with the day it
 * was made (kz_today); each table chained after the first (outcomes) is
 * a section of its own with its heading, note, charts and table.
 * Printable on A4, black on white.
 *
 * Nothing on the page is fetched: no fonts, scripts or images by address,
 * and a Content-Security-Policy that forbids any request. Every text from
 * data (titles, cells, the gmina) is escaped. */
#ifndef KOSZYK_REPORT_HTML_H
#define KOSZYK_REPORT_HTML_H

#include "koszyk/buf.h"
#include "koszyk/reports.h"

/* Append the page of r to out; gmina may be NULL or empty. */
void kz_report_html(const struct kz_report *r, const char *gmina,
		    struct kz_buf *out);

#endif
