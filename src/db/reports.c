/* Monitoring and evaluation reports: computed in SQL and C into one
 * generic table (see reports.h), printed by one generic printer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "koszyk/cases.h"
#include "koszyk/csv.h"
#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/model.h"
#include "koszyk/reports.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

const char *const kz_report_names[] = {
	"retention", "coverage", "gaps", "usage", "workload", "stale", "overdue",
	"outcomes", "partnership", NULL,
};

bool kz_report_known(const char *name)
{
	for (size_t i = 0; name && kz_report_names[i]; i++)
		if (strcmp(name, kz_report_names[i]) == 0)
			return true;
	return false;
}

/* --- the generic table ---------------------------------------------------- */

static void start(struct kz_report *r, const char *name, const char *title,
		  bool bars, const char *const *keys, const char *const *heads,
		  size_t n)
{
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->title = xstrdup(title);
	r->has_bars = bars;
	r->ncols = n;
	r->columns = xcalloc(n, sizeof(char *));
	r->keys = xcalloc(n, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		r->columns[i] = xstrdup(_(heads[i]));
		r->keys[i] = xstrdup(keys[i]);
	}
}

/* Append a row of r->ncols cells (const char *, NULL taken as ""). */
static void add_row(struct kz_report *r, const char *id, double bar, ...)
{
	struct kz_report_row *row;
	va_list ap;

	r->rows = xrealloc(r->rows, (r->nrows + 1) * sizeof(*r->rows));
	row = &r->rows[r->nrows++];
	row->id = xstrdup(id ? id : "");
	row->bar = bar;
	row->values = NULL;
	row->cells = xcalloc(r->ncols, sizeof(char *));
	va_start(ap, bar);
	for (size_t i = 0; i < r->ncols; i++) {
		const char *s = va_arg(ap, const char *);
		row->cells[i] = xstrdup(s ? s : "");
	}
	va_end(ap);
}

void kz_report_init(struct kz_report *r, const char *name, const char *title,
		    const char *note, bool bars, const char *const *keys,
		    const char *const *heads, size_t ncols)
{
	start(r, name, title, bars, keys, heads, ncols);
	r->note = note ? xstrdup(note) : NULL;
}

void kz_report_add(struct kz_report *r, const char *id, double bar,
		   const char *const *cells)
{
	struct kz_report_row *row;

	r->rows = xrealloc(r->rows, (r->nrows + 1) * sizeof(*r->rows));
	row = &r->rows[r->nrows++];
	row->id = xstrdup(id ? id : "");
	row->bar = bar;
	row->values = NULL;
	row->cells = xcalloc(r->ncols, sizeof(char *));
	for (size_t i = 0; i < r->ncols; i++)
		row->cells[i] = xstrdup(cells[i] ? cells[i] : "");
}

void kz_report_set_values(struct kz_report *r, const char *const *values)
{
	struct kz_report_row *row;

	if (!r->nrows)
		return;
	row = &r->rows[r->nrows - 1];
	row->values = xcalloc(r->ncols, sizeof(char *));
	for (size_t i = 0; i < r->ncols; i++)
		row->values[i] = xstrdup(values[i] ? values[i] : "");
}

/* The cell j of a row as scripts read it. */
static const char *value_of(const struct kz_report_row *row, size_t j)
{
	return row->values ? row->values[j] : row->cells[j];
}

static void set_note(struct kz_report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_note(struct kz_report *r, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	free(r->note);
	r->note = xmalloc((size_t)(len < 0 ? 0 : len) + 1);
	r->note[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(r->note, (size_t)(len < 0 ? 0 : len) + 1, fmt, ap);
	va_end(ap);
}

void kz_report_free(struct kz_report *r)
{
	if (!r)
		return;
	if (r->next) {
		kz_report_free(r->next);
		free(r->next);
	}
	for (size_t i = 0; i < r->nrows; i++) {
		for (size_t j = 0; j < r->ncols; j++) {
			free(r->rows[i].cells[j]);
			if (r->rows[i].values)
				free(r->rows[i].values[j]);
		}
		free(r->rows[i].cells);
		free(r->rows[i].values);
		free(r->rows[i].id);
	}
	for (size_t j = 0; j < r->ncols; j++) {
		free(r->columns[j]);
		free(r->keys[j]);
	}
	free(r->rows);
	free(r->columns);
	free(r->keys);
	free(r->name);
	free(r->title);
	free(r->note);
	free(r->footnote);
	memset(r, 0, sizeof(*r));
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

static enum kz_status finish(struct kz_db *db, sqlite3_stmt *st, int rc,
			     struct kz_error *err)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "report");
	return KZ_OK;
}

/* --- coverage ---------------------------------------------------------------- */

static bool has_code(const char *list, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		while (len && (*p == ' ')) {
			p++;
			len--;
		}
		while (len && p[len - 1] == ' ')
			len--;
		if (len == n && strncmp(p, code, n) == 0)
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

struct svc { char *sector, *category, *groups; };

static void coverage_part(struct kz_report *r, const char *dim,
			  const char *dim_label, const struct kz_items *items,
			  const struct svc *s, size_t n, int which)
{
	char num[32];
	long none = 0;

	for (size_t i = 0; i < items->n; i++) {
		long count = 0;
		char id[256];
		for (size_t k = 0; k < n; k++) {
			const char *v = which == 0 ? s[k].sector :
					which == 1 ? s[k].category : s[k].groups;
			if (which == 2 ? has_code(v, items->v[i].code)
				       : kz_str_eq(v, items->v[i].code))
				count++;
		}
		snprintf(num, sizeof(num), "%ld", count);
		snprintf(id, sizeof(id), "%s:%s", dim, items->v[i].code);
		add_row(r, id, (double)count, dim_label, items->v[i].label, num);
	}
	for (size_t k = 0; k < n; k++) {
		const char *v = which == 0 ? s[k].sector :
				which == 1 ? s[k].category : s[k].groups;
		if (kz_str_empty(v))
			none++;
	}
	if (none) {
		char id[64];
		snprintf(num, sizeof(num), "%ld", none);
		snprintf(id, sizeof(id), "%s:", dim);
		add_row(r, id, (double)none, dim_label, _("(none)"), num);
	}
}

static enum kz_status coverage(struct kz_db *db, const struct kz_config *cfg,
			       struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = { "dimension", "name", "services" };
	static const char *const heads[] = {
		N_("Counted by"), N_("Name"), N_("Active services"),
	};
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT sector, category, target_groups FROM services"
		" WHERE status = 'active'", err);
	struct svc *s = NULL;
	size_t n = 0;
	int rc;
	enum kz_status ret;

	if (!st)
		return err ? err->status : KZ_ENV;
	start(r, "coverage", _("Coverage: active services by sector, category and target group"),
	      true, keys, heads, 3);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = xrealloc(s, (n + 1) * sizeof(*s));
		s[n].sector = kz_column_dup(st, 0);
		s[n].category = kz_column_dup(st, 1);
		s[n].groups = kz_column_dup(st, 2);
		n++;
	}
	ret = finish(db, st, rc, err);
	if (ret == KZ_OK) {
		coverage_part(r, "sector", _("sector"), &cfg->sectors, s, n, 0);
		coverage_part(r, "category", _("category"), &cfg->categories, s, n, 1);
		coverage_part(r, "target_group", _("target group"),
			      &cfg->target_groups, s, n, 2);
		set_note(r, _("%zu active services; 0 marks what the basket does not offer."), n);
	}
	for (size_t k = 0; k < n; k++) {
		free(s[k].sector);
		free(s[k].category);
		free(s[k].groups);
	}
	free(s);
	return ret;
}

/* --- gaps -------------------------------------------------------------------- */

/* The category and the target groups of one service. */
struct offer { char *category, *groups; };

/* Whether one of the offers answers the need area (kz_need_answered_by). */
static bool offers_answer(const struct kz_config *cfg, const char *area,
			  const struct offer *offers, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (kz_need_answered_by(cfg, area, offers[k].category,
					offers[k].groups))
			return true;
	return false;
}

/* The offers the statement's rows give (category, target groups). */
static enum kz_status read_offers(struct kz_db *db, sqlite3_stmt *st,
				  struct offer **out, size_t *n,
				  struct kz_error *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[*n].category = kz_column_dup(st, 0);
		(*out)[*n].groups = kz_column_dup(st, 1);
		(*n)++;
	}
	return finish(db, st, rc, err);
}

static void offers_free(struct offer *offers, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(offers[k].category);
		free(offers[k].groups);
	}
	free(offers);
}

/* What answers a need area, in words: "Pomoc materialna, Poradnictwo;
 * for: Seniorzy", or "nothing is configured". */
static void put_need_rule(struct kz_buf *b, const struct kz_config *cfg,
			  const char *area)
{
	const struct kz_item *need = NULL;
	size_t start = b->len;

	for (size_t i = 0; i < cfg->need_areas.n && !need; i++)
		if (strcmp(cfg->need_areas.v[i].code, area) == 0)
			need = &cfg->need_areas.v[i];
	for (size_t k = 0; need && k < need->categories.n; k++)
		kz_buf_printf(b, "%s%s", b->len > start ? ", " : "",
			      kz_items_label(&cfg->categories,
					     need->categories.v[k]));
	if (need && need->target_groups.n) {
		kz_buf_puts(b, b->len > start ? "; " : "");
		kz_buf_puts(b, _("services for: "));
		for (size_t k = 0; k < need->target_groups.n; k++)
			kz_buf_printf(b, "%s%s", k ? ", " : "",
				      kz_items_label(&cfg->target_groups,
						     need->target_groups.v[k]));
	}
	if (b->len == start)
		kz_buf_puts(b, _("nothing is configured"));
}

/* code: the case's id (one row per case); shown: its code, NULL when the
 * reader may not see the case (counted, not named). */
struct need { char *area, *code, *plan, *shown; };

/* Whether the plan has an action (not dropped or declined) with a service
 * that answers the need area. */
static enum kz_status planned_for(struct kz_db *db, const struct kz_config *cfg,
				  const char *plan, const char *area, bool *yes,
				  struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT DISTINCT s.category, s.target_groups FROM actions a"
		" JOIN services s ON s.id = a.service_id"
		" WHERE a.plan_id = ?1 AND a.status NOT IN ('dropped', 'declined')",
		err);
	struct offer *offers = NULL;
	size_t n = 0;
	enum kz_status ret;

	*yes = false;
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, plan);
	ret = read_offers(db, st, &offers, &n, err);
	if (ret == KZ_OK)
		*yes = offers_answer(cfg, area, offers, n);
	offers_free(offers, n);
	return ret;
}

/* The cases of needs[from..] in one need area that have a gap: all of
 * them when the basket does not answer the area (covered false), else
 * those whose plan has no action that answers it. Codes of cases the
 * reader may not see are counted, not named. Returns the index after the
 * area's needs. */
static size_t area_gap(struct kz_db *db, const struct kz_config *cfg,
		       const struct need *needs, size_t nneeds, size_t from,
		       bool covered, long *count, struct kz_buf *codes,
		       enum kz_status *ret, struct kz_error *err)
{
	const char *area = needs[from].area, *last = NULL;
	long hidden = 0;
	size_t j;

	*count = 0;
	kz_buf_reset(codes);
	for (j = from; j < nneeds && strcmp(needs[j].area, area) == 0; j++) {
		bool planned = false;
		if (covered) {
			*ret = planned_for(db, cfg, needs[j].plan, area, &planned,
					   err);
			if (*ret != KZ_OK)
				return j;
		}
		if (planned || (last && strcmp(last, needs[j].code) == 0))
			continue;
		if (needs[j].shown)
			kz_buf_printf(codes, "%s%s", codes->len ? ", " : "",
				      needs[j].shown);
		else
			hidden++;
		last = needs[j].code;
		(*count)++;
	}
	if (hidden)
		kz_buf_printf(codes, codes->len ? _(", %ld other case(s)")
						: _("%ld case(s)"), hidden);
	return j;
}

static enum kz_status read_needs(struct kz_db *db, struct need **needs,
				 size_t *nneeds, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT d.need_area, c.id, p.id,"
		" CASE WHEN " KZ_SEES_CASE_ROW("c") " THEN c.code END FROM diagnoses d"
		" JOIN plans p ON p.id = d.plan_id JOIN cases c ON c.id = p.case_id"
		" WHERE trim(coalesce(d.needs, '')) <> '' AND p.status <> 'closed'"
		" AND c.status <> 'closed' ORDER BY d.need_area, c.code, p.id", err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct need *n;
		*needs = xreallocarray(*needs, *nneeds + 1, sizeof **needs);
		n = &(*needs)[(*nneeds)++];
		n->area = kz_column_dup(st, 0);
		n->code = kz_column_dup(st, 1);
		n->plan = kz_column_dup(st, 2);
		n->shown = kz_column_dup(st, 3);
	}
	return finish(db, st, rc, err);
}

static enum kz_status gaps(struct kz_db *db, const struct kz_config *cfg,
			   struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"need_area", "gap", "cases", "case_codes",
	};
	static const char *const heads[] = {
		N_("Need area"), N_("Gap"), N_("Cases"), N_("Case codes"),
	};
	sqlite3_stmt *st;
	struct offer *offers = NULL;
	size_t noffers = 0;
	struct need *needs = NULL;
	size_t nneeds = 0;
	struct kz_buf codes = KZ_BUF_INIT, rules = KZ_BUF_INIT;
	enum kz_status ret;

	st = kz_db_stmt(db, "SELECT DISTINCT category, target_groups FROM services"
			" WHERE status = 'active'", err);
	if (!st)
		return err ? err->status : KZ_ENV;
	start(r, "gaps", _("Gaps: needs in diagnoses that no active service answers"),
	      false, keys, heads, 4);
	ret = read_offers(db, st, &offers, &noffers, err);
	if (ret == KZ_OK)
		ret = read_needs(db, &needs, &nneeds, err);
	/* One row a need area: not answered by the basket at all, or answered
	 * but some cases' plans have no action for it. */
	for (size_t i = 0; ret == KZ_OK && i < nneeds;) {
		const char *area = needs[i].area;
		const char *label = kz_items_label(&cfg->need_areas, area);
		bool covered = offers_answer(cfg, area, offers, noffers);
		long count;
		size_t next = area_gap(db, cfg, needs, nneeds, i, covered, &count,
				       &codes, &ret, err);

		if (ret == KZ_OK && count) {
			char num[32];
			snprintf(num, sizeof(num), "%ld", count);
			add_row(r, area, (double)count, label,
				covered ? _("no action in the plan")
					: _("no active service"),
				num, kz_buf_str(&codes));
			kz_buf_printf(&rules, "%s%s: ", rules.len ? "\n" : "",
				      label);
			put_need_rule(&rules, cfg, area);
		}
		i = next;
	}
	if (ret == KZ_OK && r->nrows) {
		set_note(r, "%s", _("A need is answered by active services of the categories (or for the target groups) that need_areas in the configuration names for its area; below the table, what answers each area listed. \"No active service\": the basket has none; the input for co-producing new services. \"No action in the plan\": these plans have no action with such a service."));
		r->footnote = kz_buf_detach(&rules);
	} else if (ret == KZ_OK)
		set_note(r, "%s", _("Every need written in a diagnosis is answered by an active service and by an action in the plan."));
	kz_buf_free(&codes);
	kz_buf_free(&rules);
	for (size_t i = 0; i < nneeds; i++) {
		free(needs[i].area);
		free(needs[i].code);
		free(needs[i].plan);
		free(needs[i].shown);
	}
	free(needs);
	offers_free(offers, noffers);
	return ret;
}

/* --- usage ------------------------------------------------------------------- */

#define REFERRAL_COUNTS \
	" count(*), count(a.referral_date)," \
	" sum(a.referral_date IS NOT NULL AND a.status IN ('accepted', 'in_progress', 'done'))," \
	" sum(a.referral_date IS NOT NULL AND a.status = 'declined')"

static enum kz_status usage_part(struct kz_db *db, struct kz_report *r,
				 const char *sql, const char *kind,
				 struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, sql, err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char n[4][32];
		for (int i = 0; i < 4; i++)
			snprintf(n[i], sizeof(n[i]), "%lld",
				 (long long)sqlite3_column_int64(st, 2 + i));
		add_row(r, col_text(st, 0), (double)sqlite3_column_int64(st, 2),
			kind, col_text(st, 1), n[0], n[1], n[2], n[3]);
	}
	return finish(db, st, rc, err);
}

static enum kz_status usage(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"of", "name", "actions", "referrals", "accepted", "declined",
	};
	static const char *const heads[] = {
		N_("Of"), N_("Name"), N_("Actions"), N_("Referred"),
		N_("Accepted"), N_("Declined"),
	};
	enum kz_status st;

	(void)cfg;
	start(r, "usage", _("Usage: services used in plans and referrals by partner"),
	      true, keys, heads, 6);
	st = usage_part(db, r,
		"SELECT s.id, s.title," REFERRAL_COUNTS
		" FROM actions a JOIN services s ON s.id = a.service_id"
		" GROUP BY s.id ORDER BY count(*) DESC, s.title COLLATE KZ_PL, s.id",
		_("service"), err);
	if (st == KZ_OK)
		st = usage_part(db, r,
			"SELECT p.id, p.name," REFERRAL_COUNTS
			" FROM actions a LEFT JOIN services s ON s.id = a.service_id"
			" JOIN partners p ON p.id = coalesce(a.partner_id, s.provider_id)"
			" GROUP BY p.id ORDER BY count(*) DESC, p.name COLLATE KZ_PL, p.id",
			_("partner"), err);
	if (st == KZ_OK)
		set_note(r, "%s", _("Accepted: a referral now accepted, in progress or done; declined: a referral declined."));
	return st;
}

/* Square root by Newton's method (no libm needed), x >= 0. */
static double root(double x)
{
	double g = x > 1 ? x : 1;

	if (x <= 0)
		return 0;
	for (int i = 0; i < 100; i++)
		g = (g + x / g) / 2;
	return g;
}

/* --- workload ------------------------------------------------------------------ */

static enum kz_status workload(struct kz_db *db, const struct kz_config *cfg,
			       struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"partner", "open_tasks", "open_actions", "total",
	};
	static const char *const heads[] = {
		N_("Partner"), N_("Open tasks"), N_("Open actions"), N_("Total"),
	};
	sqlite3_stmt *st = kz_db_stmt(db,
		"WITH w(pid, t, a) AS ("
		" SELECT partner_id, 1, 0 FROM tasks WHERE status = 'open'"
		" UNION ALL"
		" SELECT coalesce(a.partner_id, s.provider_id), 0, 1 FROM actions a"
		" JOIN plans p ON p.id = a.plan_id"
		" LEFT JOIN services s ON s.id = a.service_id"
		" WHERE a.status NOT IN ('done', 'dropped', 'declined')"
		" AND p.status <> 'closed')"
		" SELECT w.pid, pa.name, sum(w.t), sum(w.a), count(*) FROM w"
		" JOIN partners pa ON pa.id = w.pid"
		" GROUP BY w.pid ORDER BY count(*) DESC, pa.name COLLATE KZ_PL, w.pid", err);
	double sum = 0, sum2 = 0, max = 0;
	int rc;
	enum kz_status ret;

	(void)cfg;
	if (!st)
		return err ? err->status : KZ_ENV;
	start(r, "workload", _("Workload: open tasks and actions by partner"),
	      true, keys, heads, 4);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char n[3][32];
		double total = (double)sqlite3_column_int64(st, 4);
		for (int i = 0; i < 3; i++)
			snprintf(n[i], sizeof(n[i]), "%lld",
				 (long long)sqlite3_column_int64(st, 2 + i));
		add_row(r, col_text(st, 0), total, col_text(st, 1), n[0], n[1], n[2]);
		sum += total;
		sum2 += total * total;
		if (total > max)
			max = total;
	}
	ret = finish(db, st, rc, err);
	if (ret != KZ_OK)
		return ret;
	if (r->nrows > 0 && sum > 0) {
		double mean = sum / (double)r->nrows;
		double var = sum2 / (double)r->nrows - mean * mean;
		r->cv = root(var) / mean;
		r->busiest_share = max / sum;
		set_note(r, _("Unevenness %.2f (standard deviation / mean over %zu partners; 0 is an even spread); the busiest partner holds %.0f%% of the open work."),
			 r->cv, r->nrows, r->busiest_share * 100.0);
	} else {
		set_note(r, "%s", _("No partner has open tasks or actions."));
	}
	return KZ_OK;
}

/* --- stale ------------------------------------------------------------------- */

#define FIRST_CONTACT " FROM search_doc dk JOIN contacts k ON k.id = dk.ref" \
	" WHERE dk.kind = 'contact' AND k.partner_id = p.id"                \
	" ORDER BY dk.pl_key, k.id LIMIT 1"

static enum kz_status stale(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"service", "provider", "verified_on", "contact", "phone",
	};
	static const char *const heads[] = {
		N_("Service"), N_("Provider"), N_("Verified"), N_("Call"),
		N_("Phone"),
	};
	char today[11], limit[11];
	sqlite3_stmt *st = kz_db_stmt(db,
		/* The partner's first contact person by surname, and the
		 * services by title, in the stored Polish order (search_doc):
		 * the dashboard runs this at every start. */
		"SELECT s.id, s.title, p.name, s.verified_on,"
		" coalesce(c.name, (SELECT k.name" FIRST_CONTACT ")),"
		" coalesce(nullif(c.phone, ''), (SELECT k.phone" FIRST_CONTACT "),"
		" p.phone)"
		" FROM services s JOIN search_doc d ON d.ref = s.id"
		" JOIN partners p ON p.id = s.provider_id"
		" LEFT JOIN contacts c ON c.id = s.contact_id"
		/* two ranges of the status index, not every active service */
		" WHERE s.rowid IN (SELECT rowid FROM services"
		"  WHERE status = 'active' AND verified_on IS NULL"
		"  UNION ALL SELECT rowid FROM services"
		"  WHERE status = 'active' AND verified_on < ?1)"
		" ORDER BY s.verified_on IS NOT NULL, s.verified_on, d.pl_key, s.id",
		err);
	int rc;

	(void)cfg;
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_today(today);
	kz_date_add_days(today, -kz_db_stale_days(db), limit);
	sqlite3_bind_text(st, 1, limit, -1, SQLITE_TRANSIENT);
	start(r, "stale", _("Stale: basket entries to verify"), false, keys,
	      heads, 5);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = col_text(st, 3);
		add_row(r, col_text(st, 0), 0, col_text(st, 1), col_text(st, 2),
			*v ? v : _("never"), col_text(st, 4), col_text(st, 5));
	}
	set_note(r, _("Active services not verified in the last %d days (before %s); call the contact person and verify them."),
		 kz_db_stale_days(db), limit);
	return finish(db, st, rc, err);
}

/* --- overdue ----------------------------------------------------------------- */

static enum kz_status overdue(struct kz_db *db, const struct kz_config *cfg,
			      struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"type", "where", "what", "who", "due", "days_late",
	};
	static const char *const heads[] = {
		N_("Kind"), N_("Case or meeting"), N_("What"), N_("Who"),
		N_("Due"), N_("Days late"),
	};
	char today[11];
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT 'action', a.id, CASE WHEN " KZ_SEES_CASE_ROW("c") " THEN c.code END,"
		"  coalesce(s.title, CASE WHEN " KZ_SEES_CASE_ROW("c") " THEN a.free_text END, ''),"
		"  coalesce(pa.name, ''), a.due_date"
		" FROM actions a JOIN plans p ON p.id = a.plan_id"
		" JOIN cases c ON c.id = p.case_id"
		" LEFT JOIN services s ON s.id = a.service_id"
		" LEFT JOIN partners pa ON pa.id = coalesce(a.partner_id, s.provider_id)"
		" WHERE a.due_date < ?1 AND a.status NOT IN ('done', 'dropped', 'declined')"
		" AND p.status <> 'closed'"
		" UNION ALL"
		" SELECT 'task', t.id, CASE WHEN coalesce(t.case_id, m.case_id) IS NULL"
		"  THEN coalesce(m.title, '') WHEN " KZ_SEES_CASE("coalesce(t.case_id, m.case_id)")
		"  THEN coalesce(c.code, m.title, '') END,"
		"  CASE WHEN coalesce(t.case_id, m.case_id) IS NULL OR "
		KZ_SEES_CASE("coalesce(t.case_id, m.case_id)") " THEN t.title ELSE '' END,"
		"  pa.name || coalesce(' (' || co.name || ')', ''), t.due_date"
		" FROM tasks t JOIN partners pa ON pa.id = t.partner_id"
		" LEFT JOIN contacts co ON co.id = t.contact_id"
		" LEFT JOIN cases c ON c.id = t.case_id"
		" LEFT JOIN meetings m ON m.id = t.meeting_id"
		" WHERE t.status = 'open' AND t.due_date < ?1"
		" UNION ALL"
		/* From the reviews whose next date has passed (an index), the
		 * latest of its plan: not every plan read at every start. */
		" SELECT 'review', p.id, CASE WHEN " KZ_SEES_CASE_ROW("c") " THEN c.code END,"
		"  '', c.manager, rv.next_review_date"
		" FROM reviews rv JOIN plans p ON p.id = rv.plan_id"
		" JOIN cases c ON c.id = p.case_id"
		" WHERE rv.next_review_date < ?1"
		" AND rv.id = (SELECT id FROM reviews"
		"  WHERE plan_id = p.id ORDER BY review_date DESC, created_at DESC LIMIT 1)"
		" AND p.status <> 'closed' AND c.status <> 'closed'"
		" ORDER BY 6, 1, 3, 2", err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_today(today);
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	start(r, "overdue", _("Overdue: actions, tasks and reviews past due"),
	      false, keys, heads, 6);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = col_text(st, 0);
		const char *due = col_text(st, 5);
		const char *what = col_text(st, 3);
		const char *who = col_text(st, 4);
		char late[32];
		if (strcmp(kind, "review") == 0) {
			const struct kz_user *u = kz_config_user(cfg, who);
			what = _("review of the plan");
			if (u && u->name)
				who = u->name;
		}
		snprintf(late, sizeof(late), "%ld",
			 kz_date_valid(due) ? kz_date_diff_days(due, today) : 0L);
		/* A case the reader may not see is counted, never named. */
		add_row(r, col_text(st, 1), 0,
			strcmp(kind, "action") == 0 ? _("action") :
			strcmp(kind, "task") == 0 ? _("task") : _("review"),
			sqlite3_column_type(st, 2) == SQLITE_NULL ? _("(another case)")
								  : col_text(st, 2),
			what, who, due, late);
	}
	set_note(r, _("Past due on %s, the oldest first."), today);
	return finish(db, st, rc, err);
}

/* --- retention ---------------------------------------------------------------- */

static enum kz_status retention(struct kz_db *db, const struct kz_config *cfg,
				struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"code", "status", "manager", "opened_on", "closed_on",
	};
	static const char *const heads[] = {
		N_("Code"), N_("Status"), N_("Manager"), N_("Opened"), N_("Closed"),
	};
	int years = cfg && cfg->retention_years > 0 ? cfg->retention_years : 10;
	struct kz_rows rows = { 0 };
	enum kz_status st = kz_case_retention(db, years, &rows, err);

	if (st != KZ_OK)
		return st;
	start(r, "retention", _("Retention: closed cases past the retention period"),
	      false, keys, heads, 5);
	if (rows.n == 0)
		set_note(r, _("No closed case is past the retention period of %d years."),
			 years);
	else
		set_note(r, _("Closed cases kept longer than the retention period of %d years (%zu). Export what must be kept, then erase them with koszyk gdpr erase CASE_CODE --yes."),
			 years, rows.n);
	for (size_t i = 0; i < rows.n; i++) {
		const struct kz_row *c = &rows.v[i];
		const struct kz_user *u = cfg ? kz_config_user(cfg, c->case_.manager) : NULL;
		const char *cells[5] = {
			c->title, _(kz_enum_label(c->case_.status)),
			u && !kz_str_empty(u->name) ? u->name : c->case_.manager,
			c->case_.opened_on, c->case_.closed_on,
		};
		const char *values[5] = { c->title, c->case_.status, c->case_.manager,
					  c->case_.opened_on, c->case_.closed_on };
		kz_report_add(r, c->id, 0, cells);
		kz_report_set_values(r, values);
	}
	kz_rows_free(&rows);
	return KZ_OK;
}

/* --- running ----------------------------------------------------------------- */

static const struct {
	const char *name;
	enum kz_status (*run)(struct kz_db *, const struct kz_config *,
			      struct kz_report *, struct kz_error *);
} runners[] = {
	{ "coverage", coverage }, { "gaps", gaps }, { "usage", usage },
	{ "workload", workload }, { "stale", stale }, { "overdue", overdue },
	{ "retention", retention }, { "outcomes", kz_report_outcomes },
	{ "partnership", kz_report_partnership },
};

enum kz_status kz_report_run(struct kz_db *db, const struct kz_config *cfg,
			     const char *name, struct kz_report *out,
			     struct kz_error *err)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < sizeof(runners) / sizeof(runners[0]); i++) {
		if (strcmp(name, runners[i].name) != 0)
			continue;
		enum kz_status st = runners[i].run(db, cfg, out, err);
		if (st != KZ_OK)
			kz_report_free(out);
		return st;
	}
	return kz_fail(err, KZ_INVALID, _("unknown report %s"), name);
}

/* --- printers ---------------------------------------------------------------- */

/* Width in columns: code points (the texts are Latin letters). */
static size_t width_of(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Append s cut to w columns ("…" marks a cut) and padded to w. */
static void put_cell(struct kz_buf *b, const char *s, size_t w, bool right)
{
	size_t sw = width_of(s);

	if (sw > w) {
		size_t keep = w ? w - 1 : 0, n = 0;
		const char *p = s;
		while (*p) {
			if (((unsigned char)*p & 0xC0) != 0x80) {
				if (n == keep)
					break;
				n++;
			}
			p++;
		}
		kz_buf_add(b, s, (size_t)(p - s));
		if (w)
			kz_buf_puts(b, "\xe2\x80\xa6");
		return;
	}
	if (right)
		for (size_t i = sw; i < w; i++)
			kz_buf_putc(b, ' ');
	kz_buf_puts(b, s);
	if (!right)
		for (size_t i = sw; i < w; i++)
			kz_buf_putc(b, ' ');
}

static bool is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if ((*s < '0' || *s > '9') && *s != '.')
			return false;
	return true;
}

/* The first line of p that fits width columns, cut at a blank when one
 * is there: its end in *end; returns where the next line starts. */
static const char *wrap_line(const char *p, size_t width, const char **end)
{
	const char *cut = NULL, *q = p;
	size_t w = 0;

	while (*q && *q != '\n' && w < width) {
		if (*q == ' ')
			cut = q;
		if (((unsigned char)*q & 0xC0) != 0x80)
			w++;
		q++;
	}
	while (*q && ((unsigned char)*q & 0xC0) == 0x80)
		q++;
	if (!*q || *q == ' ' || *q == '\n')
		cut = q;
	if (!cut || cut == p)
		cut = q;
	*end = cut;
	while (*cut == ' ')
		cut++;
	/* A line break in the text ends the line (the break is not kept). */
	if (*cut == '\n' && cut == q)
		cut++;
	return cut;
}

/* Wrap text to width columns at blanks and at its line breaks. */
static void put_wrapped(struct kz_buf *b, const char *text, size_t width)
{
	const char *p = text, *end;

	while (*p) {
		const char *next = wrap_line(p, width, &end);
		kz_buf_add(b, p, (size_t)(end - p));
		kz_buf_putc(b, '\n');
		p = next;
	}
}

static void text_table(const struct kz_report *r, int width, struct kz_buf *out)
{
	size_t n = r->ncols, total, barw = 0, natural = 0, indent = 0;
	bool wrap;
	size_t *w = xcalloc(n, sizeof(size_t));
	bool *right = xcalloc(n, sizeof(bool));
	double max = 0;

	if (width < 40)
		width = 40;
	put_wrapped(out, r->title, (size_t)width);
	if (r->note)
		put_wrapped(out, r->note, (size_t)width);
	kz_buf_putc(out, '\n');
	if (r->nrows == 0) {
		kz_buf_puts(out, _("Nothing to report."));
		kz_buf_putc(out, '\n');
		goto out;
	}
	for (size_t j = 0; j < n; j++) {
		w[j] = width_of(r->columns[j]);
		right[j] = true;
		for (size_t i = 0; i < r->nrows; i++) {
			size_t cw = width_of(r->rows[i].cells[j]);
			if (cw > w[j])
				w[j] = cw;
			if (!is_number(r->rows[i].cells[j]))
				right[j] = false;
		}
	}
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].bar > max)
			max = r->rows[i].bar;
	/* Without bars a last column of text wraps onto more lines (it
	 * needs 24 columns at most to fit). Shrink the widest column until
	 * the table (and a bar of at least 10) fits. */
	wrap = !r->has_bars && n > 1 && !right[n - 1];
	if (wrap) {
		natural = w[n - 1];
		if (w[n - 1] > 24)
			w[n - 1] = 24;
	}
	for (;;) {
		size_t widest = 0;
		total = 0;
		for (size_t j = 0; j < n; j++) {
			total += w[j] + (j ? 2 : 0);
			if (w[j] > w[widest])
				widest = j;
		}
		if (r->has_bars)
			total += 2 + 10;
		if (total <= (size_t)width || w[widest] <= 4)
			break;
		w[widest]--;
	}
	if (wrap) {
		size_t room = (size_t)width - (total - w[n - 1]);
		w[n - 1] = natural < room ? natural : room;
		indent = total - w[n - 1];
	}
	if (r->has_bars) {
		barw = (size_t)width - (total - 10);
		if (barw > 30)
			barw = 30;
	}
	for (size_t j = 0; j < n; j++) {
		if (j)
			kz_buf_puts(out, "  ");
		put_cell(out, r->columns[j], w[j], right[j]);
	}
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	kz_buf_putc(out, '\n');
	for (size_t i = 0; i < r->nrows; i++) {
		const struct kz_report_row *row = &r->rows[i];
		for (size_t j = 0; j < n; j++) {
			if (j)
				kz_buf_puts(out, "  ");
			if (wrap && j == n - 1) {
				const char *end, *p = row->cells[j];
				p = wrap_line(p, w[j], &end);
				kz_buf_add(out, row->cells[j],
					   (size_t)(end - row->cells[j]));
				while (*p) {
					const char *next = wrap_line(p, w[j], &end);
					kz_buf_putc(out, '\n');
					for (size_t k = 0; k < indent; k++)
						kz_buf_putc(out, ' ');
					kz_buf_add(out, p, (size_t)(end - p));
					p = next;
				}
			} else {
				put_cell(out, row->cells[j], w[j], right[j]);
			}
		}
		if (r->has_bars && max > 0 && row->bar > 0) {
			size_t len = (size_t)(row->bar / max * (double)barw + 0.5);
			kz_buf_puts(out, "  ");
			for (size_t k = 0; k < (len ? len : 1); k++)
				kz_buf_putc(out, '#');
		}
		/* no trailing blanks */
		while (out->len && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
		kz_buf_putc(out, '\n');
	}
	if (r->footnote) {
		kz_buf_putc(out, '\n');
		put_wrapped(out, r->footnote, (size_t)width);
	}
out:
	free(w);
	free(right);
}

void kz_report_text(const struct kz_report *r, int width, struct kz_buf *out)
{
	for (const struct kz_report *p = r; p; p = p->next) {
		if (p != r)
			kz_buf_putc(out, '\n');
		text_table(p, width, out);
	}
}

/* The keys of every table of a report, each once, in the order met. */
static size_t all_keys(const struct kz_report *r, const char ***keys)
{
	size_t n = 0;

	*keys = NULL;
	for (const struct kz_report *p = r; p; p = p->next)
		for (size_t j = 0; j < p->ncols; j++) {
			size_t k = 0;
			while (k < n && strcmp((*keys)[k], p->keys[j]) != 0)
				k++;
			if (k < n)
				continue;
			*keys = xreallocarray(*keys, n + 1, sizeof **keys);
			(*keys)[n++] = p->keys[j];
		}
	return n;
}

/* The value of a row of table p under key, "" when p has no such key. */
static const char *value_under(const struct kz_report *p,
			       const struct kz_report_row *row, const char *key)
{
	for (size_t j = 0; j < p->ncols; j++)
		if (strcmp(p->keys[j], key) == 0)
			return value_of(row, j);
	return "";
}

bool kz_report_grouped(const struct kz_report *r)
{
	return r->ncols > 1 && (strcmp(r->keys[0], "of") == 0 ||
				strcmp(r->keys[0], "type") == 0 ||
				strcmp(r->keys[0], "dimension") == 0);
}

const char *kz_report_row_name(const struct kz_report *r, size_t row)
{
	return r->rows[row].cells[kz_report_grouped(r) ? 1 : 0];
}

void kz_report_csv(const struct kz_report *r, struct kz_buf *out)
{
	const char **keys;
	size_t nkeys = all_keys(r, &keys);
	bool parts = r->next != NULL;

	if (parts)
		kz_csv_field(out, "part", 1);
	kz_csv_field(out, "id", !parts);
	for (size_t j = 0; j < nkeys; j++)
		kz_csv_field(out, keys[j], 0);
	kz_csv_end(out);
	for (const struct kz_report *p = r; p; p = p->next)
		for (size_t i = 0; i < p->nrows; i++) {
			if (parts)
				kz_csv_field(out, p->name, 1);
			kz_csv_field(out, p->rows[i].id, !parts);
			for (size_t j = 0; j < nkeys; j++)
				kz_csv_field(out, value_under(p, &p->rows[i], keys[j]), 0);
			kz_csv_end(out);
		}
	free(keys);
}

static void json_row(const struct kz_report *head, const struct kz_report *r,
		     const struct kz_report_row *row, struct kz_buf *out)
{
	kz_buf_puts(out, "{\"kind\":\"report_row\",\"report\":");
	kz_buf_json_string(out, head->name);
	if (head->next) {
		kz_buf_puts(out, ",\"part\":");
		kz_buf_json_string(out, r->name);
	}
	kz_buf_puts(out, ",\"id\":");
	kz_buf_json_string(out, row->id);
	kz_buf_puts(out, ",\"title\":");
	kz_buf_json_string(out, value_of(row, kz_report_grouped(r) ? 1 : 0));
	for (size_t j = 0; j < r->ncols; j++) {
		const char *v = value_of(row, j);
		kz_buf_puts(out, ",");
		kz_buf_json_string(out, r->keys[j]);
		kz_buf_putc(out, ':');
		if (is_number(v) && v[0] != '-' && !strchr(v, '.') &&
		    strcmp(r->keys[j], "verified_on") != 0)
			kz_buf_puts(out, v);
		else
			kz_buf_json_string(out, v);
	}
	kz_buf_putc(out, '}');
}

void kz_report_json(const struct kz_report *r, struct kz_buf *out)
{
	bool first = true;

	kz_buf_putc(out, '[');
	for (const struct kz_report *p = r; p; p = p->next)
		for (size_t i = 0; i < p->nrows; i++) {
			if (!first)
				kz_buf_puts(out, ",\n");
			first = false;
			json_row(r, p, &p->rows[i], out);
		}
	kz_buf_puts(out, "]\n");
}
