/* Monitoring and evaluation reports (koszyk report NAME, and the report
 * screens): each is computed by the data layer into one generic shape, a
 * table of text cells with an optional bar value per row, and printed as
 * text (aligned, bar chart, at most 80 columns), CSV or JSON by one
 * generic printer. Nothing here knows about curses.
 *
 * The reports ("today" is kz_today(), so KOSZYK_TODAY fixes it):
 *  coverage  active services counted by sector, by category and by target
 *            group; every configured sector, category and target group is
 *            a row, with 0 where nothing is offered (plus "(none)" rows
 *            for services without one, when there are such).
 *  gaps      need areas written in diagnoses (needs not blank, in plans not
 *            closed, of cases not closed) that no active service answers,
 *            with the case codes. A need area is ANSWERED when an active
 *            service answers it by the configuration's rule
 *            (kz_need_answered_by: its category or one of its target
 *            groups is named by the area in need_areas). Unanswered areas
 *            are listed as "no active service". An answered area is
 *            listed as "no action in the plan" with the cases whose plan
 *            has no action (not dropped or declined) with a service of a
 *            category that answers it. The footnote says what answers
 *            each area listed (one line each).
 *  usage     per service used in plans: actions, referrals (referral_date
 *            set), accepted (a referral with status accepted, in_progress
 *            or done), declined (a referral with status declined); most
 *            used first. Then the same per partner responsible for the
 *            actions (the action's partner, else the service's provider),
 *            for partners with any action.
 *  workload  per partner: open tasks (status open) and open actions (not
 *            done, dropped or declined, in plans not closed); the
 *            unevenness is the coefficient of variation (population
 *            standard deviation / mean) of the totals over the partners
 *            that have any, and the share of the busiest partner.
 *  stale     active services not verified within kz_db_stale_days days
 *            (never verified first, then oldest), with the provider and
 *            the contact person to call: the service's contact, else the
 *            provider's first contact by name; the phone is the contact's,
 *            else the provider's.
 *  overdue   actions (due before today, not done, dropped or declined, plan
 *            not closed), tasks (due before today, open) and reviews (the
 *            newest review's next_review_date before today, plan and case
 *            not closed); oldest first.
 *  outcomes  goals reached, partly, not reached and open by need area and
 *            by quarter, referrals by partner with the days to answer, and
 *            the CUS rule (the first plan within 30 days of opening) with
 *            the plans' validity: four tables chained by next (see
 *            report_outcomes.c).
 *  retention closed cases kept longer than the configured retention_years
 *            (kz_case_retention), oldest closing first; people read the
 *            status's label and the case manager's name, scripts (CSV,
 *            JSON) the status and the login. Only a coordinator may run it.
 */
#ifndef KOSZYK_REPORTS_H
#define KOSZYK_REPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/status.h"

struct kz_report_row {
	char *id;               /* a stable key: a code, a partner id, ... */
	char **cells;           /* ncols cells, never NULL ("" when empty) */
	char **values;          /* what CSV and JSON hold where it is not what
	                         * people read (a login, not a name); NULL: cells */
	double bar;             /* the bar's value when the report has bars */
};

struct kz_report {
	char *name;             /* e.g. "coverage" */
	char *title;            /* translated */
	char *note;             /* translated explanation, or NULL */
	char *footnote;         /* text printed after the table, or NULL */
	size_t ncols;
	char **columns;         /* translated headings */
	char **keys;            /* stable JSON keys of the columns */
	bool has_bars;
	struct kz_report_row *rows;
	size_t nrows;
	/* workload only: the unevenness figures (0 when no partner has any) */
	double cv;
	double busiest_share;   /* 0..1 */
	/* A report of several tables: the next one (its own name, title,
	 * columns and rows), printed after this one; NULL for one table. */
	struct kz_report *next;
};

/* The names of the reports made here, NULL-terminated. */
extern const char *const kz_report_names[];
bool kz_report_known(const char *name);

/* Compute a report; KZ_INVALID for an unknown name. */
enum kz_status kz_report_run(struct kz_db *db, const struct kz_config *cfg,
			     const char *name, struct kz_report *out,
			     struct kz_error *err);
void kz_report_free(struct kz_report *r);

/* Build a report by hand (e.g. retention, made from kz_case_retention):
 * heads are English msgids, translated here; keys are copied. */
void kz_report_init(struct kz_report *r, const char *name, const char *title,
		    const char *note, bool bars, const char *const *keys,
		    const char *const *heads, size_t ncols);
/* Append a row of r->ncols cells (NULL cells are taken as ""). */
void kz_report_add(struct kz_report *r, const char *id, double bar,
		   const char *const *cells);
/* Give the last row added the values scripts read (r->ncols of them). */
void kz_report_set_values(struct kz_report *r, const char *const *values);

/* Whether the first column says which part of the report a row is in
 * (coverage's dimension, usage's "of", overdue's type): the row is then
 * named by its second column. */
bool kz_report_grouped(const struct kz_report *r);
/* What names a row: its second cell when grouped, else its first. */
const char *kz_report_row_name(const struct kz_report *r, size_t row);

/* The printers: text (fits width columns, at least 40), CSV (RFC 4180,
 * a header of the column keys), JSON (an array of objects with kind
 * "report_row", report, id, title and one member a column key). A report
 * of several tables prints them one after the other; in CSV and JSON each
 * row then also has "part", the name of its table, and the CSV header is
 * every key of every table (a row leaves the others' empty). */
void kz_report_text(const struct kz_report *r, int width, struct kz_buf *out);
void kz_report_csv(const struct kz_report *r, struct kz_buf *out);
void kz_report_json(const struct kz_report *r, struct kz_buf *out);

#endif
