/* The outcomes report (koszyk report outcomes): what the partnership can
 * show of its work with families, in four tables chained one after the
 * other (struct kz_report.next):
 *
 *  goals by need area   each goal (not dropped) counted once by its status
 *                       at the newest review that judged it (progress
 *                       entries); a goal no review judged yet is open;
 *  goals by period      per quarter of the review date, each goal judged in
 *                       that quarter counted by its newest status there;
 *  referrals by partner referrals (actions with a referral date) by the
 *                       partner that answers (the action's partner, else
 *                       the service's provider): accepted (accepted, in
 *                       progress or done), declined, waiting (still
 *                       referred), and the median days from referral to
 *                       answer where the answer's date is written;
 *  plans                the CUS rule: a case's first approved plan within
 *                       30 days of its opening; approved plans of cases
 *                       not closed in force today or past their validity.
 *
 * Counts only: no case is named, so the report shows every case. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "koszyk/i18n.h"
#include "koszyk/reports.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* Goal statuses counted, in the order of the columns. */
enum outcome { REACHED, PARTLY, NOT_REACHED, OPEN, NOUTCOMES };

/* The column of a goal status; -1 for dropped (not counted). */
static int outcome_of(const char *status)
{
	if (!status || !*status || strcmp(status, "open") == 0)
		return OPEN;
	if (strcmp(status, "achieved") == 0)
		return REACHED;
	if (strcmp(status, "partly") == 0)
		return PARTLY;
	if (strcmp(status, "not_achieved") == 0)
		return NOT_REACHED;
	return -1;
}

/* One row of counts: a need area or a quarter. */
struct tally {
	char *key;
	long n[NOUTCOMES];
};

struct tallies {
	struct tally *v;
	size_t n;
};

static struct tally *tally_for(struct tallies *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].key, key) == 0)
			return &t->v[i];
	t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
	memset(&t->v[t->n], 0, sizeof t->v[t->n]);
	t->v[t->n].key = xstrdup(key);
	return &t->v[t->n++];
}

static void tallies_free(struct tallies *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].key);
	free(t->v);
	memset(t, 0, sizeof *t);
}

#define text_at kz_column_str

static enum kz_status done(struct kz_db *db, sqlite3_stmt *st, int rc,
			   struct kz_error *err)
{
	return kz_stmt_done(db, st, rc, "report", err);
}

/* A row of a tally: its label, the four counts, and the bar (reached). */
static void add_tally_row(struct kz_report *r, const char *id,
			  const char *label, const struct tally *t)
{
	char num[NOUTCOMES][24];
	const char *cells[1 + NOUTCOMES];

	cells[0] = label;
	for (int k = 0; k < NOUTCOMES; k++) {
		snprintf(num[k], sizeof num[k], "%ld", t->n[k]);
		cells[1 + k] = num[k];
	}
	kz_report_add(r, id, (double)t->n[REACHED], cells);
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->key,
		      ((const struct tally *)b)->key);
}

/* --- goals by need area ------------------------------------------------------ */

static enum kz_status goals_by_area(struct kz_db *db, const struct kz_config *cfg,
				    struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"need_area", "reached", "partly", "not_reached", "open",
	};
	static const char *const heads[] = {
		N_("Need area"), N_("Reached"), N_("Partly"), N_("Not reached"),
		N_("Still open"),
	};
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT coalesce(g.need_area, ''), g.status,"
		" (SELECT pr.goal_status FROM progress pr"
		"  JOIN reviews rv ON rv.id = pr.review_id"
		"  WHERE pr.goal_id = g.id AND coalesce(pr.goal_status, '') <> ''"
		"  ORDER BY rv.review_date DESC, rv.rowid DESC LIMIT 1)"
		" FROM goals g", err);
	struct tallies t = { 0 };
	enum kz_status ret;
	int rc;

	kz_report_init(r, "outcomes",
		       _("Outcomes: goals by need area"),
		       _("Each goal counted once, by its status at the newest review that judged it; a goal no review has judged yet is open; dropped goals are left out. The bar shows the goals reached."),
		       true, keys, heads, 5);
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = outcome_of(sqlite3_column_type(st, 2) != SQLITE_NULL
				   ? text_at(st, 2) : NULL);
		if (strcmp(text_at(st, 1), "dropped") == 0 || k < 0)
			continue;
		tally_for(&t, text_at(st, 0))->n[k]++;
	}
	ret = done(db, st, rc, err);
	/* The configured order of the need areas, then what is not configured,
	 * then goals without a need area. */
	for (size_t i = 0; ret == KZ_OK && i < cfg->need_areas.n; i++) {
		const struct kz_item *a = &cfg->need_areas.v[i];
		for (size_t j = 0; j < t.n; j++)
			if (strcmp(t.v[j].key, a->code) == 0)
				add_tally_row(r, a->code, a->label, &t.v[j]);
	}
	for (size_t j = 0; ret == KZ_OK && j < t.n; j++) {
		if (*t.v[j].key == '\0' || kz_items_find(&cfg->need_areas, t.v[j].key))
			continue;
		add_tally_row(r, t.v[j].key, t.v[j].key, &t.v[j]);
	}
	for (size_t j = 0; ret == KZ_OK && j < t.n; j++)
		if (*t.v[j].key == '\0')
			add_tally_row(r, "", _("(no need area)"), &t.v[j]);
	tallies_free(&t);
	return ret;
}

/* --- goals by period ----------------------------------------------------------- */

static enum kz_status goals_by_period(struct kz_db *db, struct kz_report *r,
				      struct kz_error *err)
{
	static const char *const keys[] = {
		"period", "reached", "partly", "not_reached", "open",
	};
	static const char *const heads[] = {
		N_("Quarter"), N_("Reached"), N_("Partly"), N_("Not reached"),
		N_("Still open"),
	};
	/* Newest first within a quarter: the first row of a goal in a
	 * quarter is its status there. */
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT substr(rv.review_date, 1, 4) || '-Q' ||"
		" ((CAST(substr(rv.review_date, 6, 2) AS INTEGER) + 2) / 3),"
		" pr.goal_id, pr.goal_status FROM progress pr"
		" JOIN reviews rv ON rv.id = pr.review_id"
		" JOIN goals g ON g.id = pr.goal_id"
		" WHERE coalesce(pr.goal_status, '') <> ''"
		" ORDER BY 1, 2, rv.review_date DESC, rv.rowid DESC", err);
	struct tallies t = { 0 };
	char last_q[16] = "", last_goal[KZ_ID_LEN + 1] = "";
	enum kz_status ret;
	int rc;

	kz_report_init(r, "outcomes_by_quarter",
		       _("Outcomes: goals by quarter"),
		       _("The goals judged at reviews in each quarter, each by its newest status in that quarter."),
		       true, keys, heads, 5);
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *q = text_at(st, 0), *goal = text_at(st, 1);
		int k = outcome_of(text_at(st, 2));
		if (strcmp(q, last_q) == 0 && strcmp(goal, last_goal) == 0)
			continue;
		snprintf(last_q, sizeof last_q, "%s", q);
		snprintf(last_goal, sizeof last_goal, "%s", goal);
		if (k >= 0)
			tally_for(&t, q)->n[k]++;
	}
	ret = done(db, st, rc, err);
	if (t.n)
		qsort(t.v, t.n, sizeof *t.v, by_key);
	for (size_t j = 0; ret == KZ_OK && j < t.n; j++) {
		char label[48];
		int year = 0, quarter = 0;
		if (sscanf(t.v[j].key, "%d-Q%d", &year, &quarter) == 2)
			snprintf(label, sizeof label, _("%d, quarter %d"), year,
				 quarter);
		else
			snprintf(label, sizeof label, "%s", t.v[j].key);
		add_tally_row(r, t.v[j].key, label, &t.v[j]);
	}
	tallies_free(&t);
	return ret;
}

/* --- referrals by partner ------------------------------------------------------ */

struct partner_referrals {
	char *id, *name;
	long referred, accepted, declined, waiting;
	long *days;
	size_t ndays;
};

static int by_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The median of n days (sorted here), as text; "" for none. */
static void median_days(long *days, size_t n, char out[24])
{
	double m;

	out[0] = '\0';
	if (!n)
		return;
	qsort(days, n, sizeof *days, by_long);
	m = n % 2 ? (double)days[n / 2]
		  : ((double)days[n / 2 - 1] + (double)days[n / 2]) / 2.0;
	if (m == floor(m))
		snprintf(out, 24, "%.0f", m);
	else
		snprintf(out, 24, "%.1f", m);
}

static void add_referral_row(struct kz_report *r, struct partner_referrals *p)
{
	char n[4][24], median[24];
	const char *cells[6];

	snprintf(n[0], sizeof n[0], "%ld", p->referred);
	snprintf(n[1], sizeof n[1], "%ld", p->accepted);
	snprintf(n[2], sizeof n[2], "%ld", p->declined);
	snprintf(n[3], sizeof n[3], "%ld", p->waiting);
	median_days(p->days, p->ndays, median);
	cells[0] = p->name;
	for (int k = 0; k < 4; k++)
		cells[1 + k] = n[k];
	cells[5] = median;
	kz_report_add(r, p->id, (double)p->referred, cells);
}

static void count_referral(struct partner_referrals *p, sqlite3_stmt *st)
{
	const char *status = text_at(st, 2);

	p->referred++;
	if (strcmp(status, "accepted") == 0 || strcmp(status, "in_progress") == 0 ||
	    strcmp(status, "done") == 0)
		p->accepted++;
	else if (strcmp(status, "declined") == 0)
		p->declined++;
	else if (strcmp(status, "referred") == 0)
		p->waiting++;
	if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
		p->days = xreallocarray(p->days, p->ndays + 1, sizeof *p->days);
		p->days[p->ndays++] = (long)sqlite3_column_int64(st, 3);
	}
}

static enum kz_status referrals(struct kz_db *db, struct kz_report *r,
				struct kz_error *err)
{
	static const char *const keys[] = {
		"partner", "referred", "accepted", "declined", "waiting",
		"median_days",
	};
	static const char *const heads[] = {
		N_("Partner"), N_("Referred"), N_("Accepted"), N_("Declined"),
		N_("Waiting"), N_("Days"),
	};
	/* Most referrals first; the answer's days only where both dates are
	 * written and the answer is not before the referral. */
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT p.id, coalesce(nullif(p.short_name, ''), p.name), a.status,"
		" CASE WHEN a.answer_date >= a.referral_date THEN"
		"  CAST(julianday(a.answer_date) - julianday(a.referral_date) AS INTEGER)"
		" END FROM actions a LEFT JOIN services s ON s.id = a.service_id"
		" JOIN partners p ON p.id = coalesce(a.partner_id, s.provider_id)"
		" WHERE coalesce(a.referral_date, '') <> ''"
		" ORDER BY (SELECT count(*) FROM actions a2"
		"  LEFT JOIN services s2 ON s2.id = a2.service_id"
		"  WHERE coalesce(a2.partner_id, s2.provider_id) = p.id"
		"  AND coalesce(a2.referral_date, '') <> '') DESC, 2 COLLATE KZ_PL, 1", err);
	struct partner_referrals cur = { 0 };
	enum kz_status ret;
	int rc;

	kz_report_init(r, "outcomes_referrals",
		       _("Outcomes: referrals by partner"),
		       _("Accepted: accepted, in progress or done. Waiting: no answer yet. Days: the median number of days from the referral to the answer, where its date is written."),
		       false, keys, heads, 6);
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cur.id && strcmp(cur.id, text_at(st, 0)) != 0) {
			add_referral_row(r, &cur);
			free(cur.id);
			free(cur.name);
			free(cur.days);
			memset(&cur, 0, sizeof cur);
		}
		if (!cur.id) {
			cur.id = xstrdup(text_at(st, 0));
			cur.name = xstrdup(text_at(st, 1));
		}
		count_referral(&cur, st);
	}
	ret = done(db, st, rc, err);
	if (ret == KZ_OK && cur.id)
		add_referral_row(r, &cur);
	free(cur.id);
	free(cur.name);
	free(cur.days);
	return ret;
}

/* --- plans: the CUS rule ------------------------------------------------------- */

/* Share of part in whole as "NN%", "" when whole is 0. */
static void share(long part, long whole, char out[24])
{
	out[0] = '\0';
	if (whole > 0)
		snprintf(out, 24, "%ld%%", (part * 100 + whole / 2) / whole);
}

static void add_measure(struct kz_report *r, const char *id, const char *label,
			long count, long whole)
{
	char num[24], pct[24];
	const char *cells[3];

	snprintf(num, sizeof num, "%ld", count);
	share(count, whole, pct);
	cells[0] = label;
	cells[1] = num;
	cells[2] = pct;
	kz_report_add(r, id, (double)count, cells);
}

/* Counts of the cases by how soon their first plan was approved. */
struct first_plans { long cases, in_time, late, none_late, none_yet; };

static enum kz_status count_first_plans(struct kz_db *db, const char *today,
					struct first_plans *f,
					struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT julianday((SELECT min(p.approved_on) FROM plans p"
		"  WHERE p.case_id = c.id AND coalesce(p.approved_on, '') <> ''))"
		" - julianday(c.opened_on), julianday(?1) - julianday(c.opened_on)"
		" FROM cases c", err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		f->cases++;
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			sqlite3_column_double(st, 0) <= 30.0 ? f->in_time++ : f->late++;
		else
			sqlite3_column_double(st, 1) > 30.0 ? f->none_late++ : f->none_yet++;
	}
	return done(db, st, rc, err);
}

static enum kz_status plans_rule(struct kz_db *db, struct kz_report *r,
				 struct kz_error *err)
{
	static const char *const keys[] = { "measure", "count", "share" };
	static const char *const heads[] = { N_("Measure"), N_("Count"), N_("Per cent") };
	struct first_plans f = { 0 };
	char today[11];
	long in_force = 0, expired = 0, approved = 0;
	double months = 0;
	enum kz_status ret;
	sqlite3_stmt *st;
	int rc;

	kz_today(today);
	kz_report_init(r, "outcomes_plans",
		       _("Outcomes: plans within 30 days of opening"),
		       _("The CUS rule: a family's individual support plan is made (approved) within 30 days of opening the case. Validity: approved plans of cases not closed."),
		       false, keys, heads, 3);
	ret = count_first_plans(db, today, &f, err);
	if (ret != KZ_OK)
		return ret;
	st = kz_db_stmt(db,
		"SELECT count(*), coalesce(sum(p.valid_from <= ?1 AND p.valid_to >= ?1), 0),"
		" coalesce(sum(p.valid_to < ?1), 0),"
		" coalesce(avg(julianday(p.valid_to) - julianday(p.valid_from)), 0)"
		" FROM plans p JOIN cases c ON c.id = p.case_id"
		" WHERE p.status = 'approved' AND c.status <> 'closed'", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, today);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		approved = (long)sqlite3_column_int64(st, 0);
		in_force = (long)sqlite3_column_int64(st, 1);
		expired = (long)sqlite3_column_int64(st, 2);
		months = sqlite3_column_double(st, 3) / (365.25 / 12.0);
		rc = SQLITE_DONE;
	}
	ret = done(db, st, rc, err);
	if (ret != KZ_OK)
		return ret;
	add_measure(r, "cases", _("Cases opened"), f.cases, f.cases);
	add_measure(r, "plan_in_30_days",
		    _("First plan approved within 30 days"), f.in_time, f.cases);
	add_measure(r, "plan_later", _("First plan approved later"), f.late,
		    f.cases);
	add_measure(r, "no_plan_late",
		    _("No approved plan, opened over 30 days ago"), f.none_late,
		    f.cases);
	add_measure(r, "no_plan_yet",
		    _("No approved plan yet, opened in the last 30 days"),
		    f.none_yet, f.cases);
	add_measure(r, "plans_approved", _("Approved plans of open cases"),
		    approved, approved);
	add_measure(r, "plans_in_force", _("In force today"), in_force, approved);
	add_measure(r, "plans_expired", _("Past their validity, not renewed"),
		    expired, approved);
	{
		char num[24];
		const char *cells[3];
		snprintf(num, sizeof num, "%.1f", months);
		cells[0] = _("Average validity (months)");
		cells[1] = num;
		cells[2] = "";
		kz_report_add(r, "validity_months", 0, cells);
	}
	return KZ_OK;
}

/* --- the report ---------------------------------------------------------------- */

enum kz_status kz_report_outcomes(struct kz_db *db, const struct kz_config *cfg,
				  struct kz_report *r, struct kz_error *err)
{
	enum kz_status (*const parts[])(struct kz_db *, struct kz_report *,
					struct kz_error *) = {
		goals_by_period, referrals, plans_rule,
	};
	struct kz_report *tail = r;
	enum kz_status ret = goals_by_area(db, cfg, r, err);

	for (size_t i = 0; ret == KZ_OK && i < sizeof parts / sizeof parts[0]; i++) {
		tail->next = xcalloc(1, sizeof *tail->next);
		tail = tail->next;
		ret = parts[i](db, tail, err);
	}
	return ret;
}
