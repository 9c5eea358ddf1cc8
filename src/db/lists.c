/* Lists for the screens and the command line, and iteration for exports.
 * A search query goes through the FTS5 index over folded text; browsing
 * without a query walks the (kind, sort_key) index. Neither scans the
 * whole table per keystroke. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"
#include "match.h"
#include "records.h"

/* The phone to call about a stale entry (?7): its contact person's,
 * else the provider's first contact person's, else the provider's. */
#define SERVICE_COLS \
	"SELECT s.id, s.title, p.name, s.category, s.status, s.verified_on," \
	" CASE WHEN ?7 THEN coalesce(nullif((SELECT phone FROM contacts"   \
	"  WHERE id = s.contact_id), ''), (SELECT phone FROM contacts"     \
	"  WHERE partner_id = p.id AND coalesce(phone, '') <> ''"          \
	"  ORDER BY kz_person_key(name) COLLATE KZ_PL, id LIMIT 1), p.phone) END," \
	" nullif(p.short_name, '') AS partner_short, s.network AS network "
#define SERVICE_FILTERS                                                        \
	" AND (?2 IS NULL OR s.sector = ?2)"                                   \
	" AND (?3 IS NULL OR s.category = ?3)"                                 \
	" AND (?4 IS NULL OR instr(';' || coalesce(s.target_groups, '') || ';'," \
	"                          ';' || ?4 || ';') > 0)"                     \
	" AND (?5 IS NULL OR s.provider_id = ?5)"                              \
	" AND CASE WHEN ?6 IS NULL THEN s.status <> 'archived'"                \
	"          WHEN ?6 = 'all' THEN 1 ELSE s.status = ?6 END"              \
	" AND (?7 = 0 OR (s.status = 'active' AND"                             \
	"      (s.verified_on IS NULL OR s.verified_on < ?8)))"               \
	" AND (?11 IS NULL OR coalesce(s.network, '') = ?11)"

/* One tier of results in alphabetical order: the documents matching ?1
 * (all when NULL) but not ?9. The FTS queries run once each as
 * uncorrelated IN lists; the walk follows the (kind, pl_key) index and
 * stops at the limit, so a one-letter query on 100,000 entries costs about
 * as much as a precise one. */
#define SERVICE_LIST(order) KZ_LIST_SQL(                                       \
	SERVICE_COLS                                                           \
	" FROM search_doc d JOIN services s ON s.id = d.ref"                   \
	" JOIN partners p ON p.id = s.provider_id", "'service'",               \
	SERVICE_FILTERS " ORDER BY " order KZ_LIST_ORDER_SERVICE " LIMIT ?10")

static const struct kz_list_sql sql_services = SERVICE_LIST("");
/* Stale entries only (?7): never verified first, then the oldest. A
 * statement of its own, so that the plain list's order is the index's. */
static const struct kz_list_sql sql_stale_services =
	SERVICE_LIST("s.verified_on IS NOT NULL, s.verified_on, ");

static const char *empty_to_null(const char *s)
{
	return kz_str_empty(s) ? NULL : s;
}

static void bind_service_filter(struct kz_db *db, sqlite3_stmt *st,
				const struct kz_service_filter *f)
{
	static const struct kz_service_filter none;
	char today[11], limit[11];

	if (!f)
		f = &none;
	kz_bind_text(st, 2, empty_to_null(f->sector));
	kz_bind_text(st, 3, empty_to_null(f->category));
	kz_bind_text(st, 4, empty_to_null(f->target_group));
	kz_bind_text(st, 5, empty_to_null(f->provider_id));
	kz_bind_text(st, 6, empty_to_null(f->status));
	sqlite3_bind_int(st, 7, f->stale_only);
	kz_today(today);
	kz_date_add_days(today, -kz_db_stale_days(db), limit);
	sqlite3_bind_text(st, 8, limit, -1, SQLITE_TRANSIENT);
	kz_bind_network(st, 11, f->network);
}

/* Append the rows of a bound statement: the id, then up to six text
 * columns in the row's order; a column named partner_short is the
 * partner's short name, one named network the record's network,
 * wherever they stand. */
static enum kz_status step_rows(struct kz_db *db, sqlite3_stmt *st,
				struct kz_rows *out, size_t *cap,
				struct kz_error *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct kz_row *r = kz_rows_push(out, cap);
		int ncol = sqlite3_column_count(st);
		char **cols[] = { &r->title, &r->col[0], &r->col[1], &r->col[2], &r->col[3],
				  &r->col[4] };

		const unsigned char *id = sqlite3_column_text(st, 0);
		if (id)
			snprintf(r->id, sizeof(r->id), "%s", (const char *)id);
		for (int c = 1, next = 0; c < ncol; c++) {
			const char *name = sqlite3_column_name(st, c);
			if (name && strcmp(name, "partner_short") == 0)
				r->partner_short = kz_column_dup(st, c);
			else if (name && strcmp(name, "network") == 0)
				r->network = kz_column_dup(st, c);
			else if (next <= KZ_ROW_COLS)
				*cols[next++] = kz_column_dup(st, c);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "list");
	out->total = out->n;
	return KZ_OK;
}

/* The bounds of pick_max: without a limit, and at least. */
#define PICK_MAX_ALL 5000
#define PICK_MIN 200

/* Fetch one more row than asked to learn whether there are more. */
static sqlite3_int64 sql_limit(size_t limit, size_t have)
{
	return limit ? (sqlite3_int64)(limit - have + 1) : -1;
}

/* Drop the probe row beyond the limit and note that there were more. */
static void trim_to_limit(struct kz_rows *out, size_t limit)
{
	while (limit && out->n > limit) {
		kz_row_clear(&out->v[--out->n]);
		out->more = true;
	}
	out->total = out->n;
}

/* One tier of a search: the FTS queries of its records (match) and of
 * the better tiers' (exclude), its number for kz_tier_is, and the words
 * of the whole query (all). Browsing has no match. */
struct tier {
	const char *match, *exclude, *all;
	int number;
};

/* With a limit, a tier whose matches are fewer than this is picked: its
 * matches looked up and sorted (cost: matches); with more, the sorted
 * index is walked and each record tested (cost: about wanted * documents
 * / matches). The two meet near the square root of wanted * documents. */
static sqlite3_int64 pick_max(struct kz_db *db, size_t wanted)
{
	char *docs = kz_query_text(db, "SELECT max(docid) FROM search_doc", NULL);
	sqlite3_int64 product = (sqlite3_int64)wanted * (docs ? strtoll(docs, NULL, 10) : 0);
	sqlite3_int64 cap = PICK_MIN;

	free(docs);
	if (!wanted)
		return PICK_MAX_ALL;
	while (cap < PICK_MAX_ALL && cap * cap < product)
		cap += cap / 8;
	return cap < PICK_MAX_ALL ? cap : PICK_MAX_ALL;
}

static const char sql_probe[] =
	"SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ?1"
	" LIMIT ?2)";

/* How many documents match (counting stops at cap); with match NULL,
 * how many records of the list's kind there are, by the statement
 * count. */
static enum kz_status probe(struct kz_db *db, const char *count, const char *match,
			    sqlite3_int64 cap, size_t *n, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, match ? sql_probe : count, err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	if (match) {
		kz_bind_text(st, 1, match);
		sqlite3_bind_int64(st, 2, cap);
	} else {
		sqlite3_bind_int64(st, 1, cap);
	}
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, err, "search");
}

/* The plan for a tier (NULL: nothing matches). */
static enum kz_status choose_plan(struct kz_db *db, const struct kz_list_sql *sql,
				  const struct tier *t, size_t limit, size_t have,
				  const char **text, struct kz_error *err)
{
	sqlite3_int64 cap = pick_max(db, limit ? limit - have + 1 : 0);
	size_t n = 0;
	bool plain = kz_match_plain(t->all);
	/* A page of a kind of few records (the partners beside 100,000
	 * services) is found by testing them one by one: cheaper than asking
	 * FTS5 for the matches of every kind. */
	bool few = plain && limit;
	enum kz_status s;

	/* One word of one or two letters ("w"* or "wo"*): every record of
	 * its lead is in the first tier, so the walk reads the page and no
	 * more, without a count. */
	if (few && t->number == 1 && !strchr(t->all, ' ') && strlen(t->all) <= 5) {
		*text = t->all[2] == '"' ? sql->first : sql->first2;
		return KZ_OK;
	}
	s = few ? probe(db, sql->count, NULL, cap, &n, err) : KZ_OK;

	if (s == KZ_OK && few && (sqlite3_int64)n < cap) {
		*text = n ? (t->number == 1 ? sql->first : sql->test) : NULL;
		return KZ_OK;
	}
	if (s == KZ_OK)
		s = probe(db, NULL, t->match, cap, &n, err);
	if (s != KZ_OK || n == 0)
		*text = NULL;
	else if ((sqlite3_int64)n < cap)
		*text = sql->pick;
	else if (!plain)
		*text = sql->walk;
	else if (t->number != 1)
		*text = sql->test;
	else  /* "w"* or "wo..."* */
		*text = t->all[2] == '"' ? sql->first : sql->first2;
	return s;
}

static enum kz_status list_tier(struct kz_db *db, const struct kz_list_sql *sql,
				const struct tier *t, kz_bind_fn bind,
				const void *arg, size_t limit, struct kz_rows *out,
				size_t *cap, struct kz_error *err)
{
	const char *text = sql->walk;
	sqlite3_stmt *st;

	if (t->match) {
		enum kz_status s = choose_plan(db, sql, t, limit, out->n, &text, err);
		if (s != KZ_OK || !text)
			return s;
	}
	st = kz_db_stmt(db, text, err);
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, t->match);
	if (bind)
		bind(db, st, arg);
	kz_bind_text(st, 9, t->exclude);
	sqlite3_bind_int64(st, 10, sql_limit(limit, out->n));
	if (text == sql->test || text == sql->first || text == sql->first2) {
		sqlite3_bind_int(st, 12, t->number);
		kz_bind_text(st, 13, t->all);
		/* all is "w1"* ...: the bytes every first token begins with */
		sqlite3_bind_blob(st, 14, t->all + 1, text == sql->first2 ? 2 : 1,
				  SQLITE_TRANSIENT);
	}
	return step_rows(db, st, out, cap, err);
}

/* Run sql for the records whose title matches the query, then for those
 * matching elsewhere; without a query, all of them. */
enum kz_status kz_tiered_list(struct kz_db *db, const struct kz_list_sql *sql,
			      const char *query, kz_bind_fn bind,
			      const void *arg, size_t limit,
			      struct kz_rows *out, struct kz_error *err)
{
	char *all = kz_fts_query(query);
	char *title = kz_fts_title_query(query);
	char *start = kz_fts_title_start_query(query);
	/* Titles that begin with the query, other title matches, the rest. */
	const struct tier tiers[] = { { start, NULL, all, 1 }, { title, start, all, 2 },
				      { all, title, all, 3 } };
	const struct tier browse = { NULL, NULL, NULL, 0 };
	size_t cap = 0;
	enum kz_status s = KZ_OK;

	memset(out, 0, sizeof(*out));
	if (!all)
		s = list_tier(db, sql, &browse, bind, arg, limit, out, &cap, err);
	for (size_t t = 0; all && t < 3 && s == KZ_OK && (!limit || out->n <= limit); t++)
		s = list_tier(db, sql, &tiers[t], bind, arg, limit, out, &cap, err);
	free(all);
	free(title);
	free(start);
	if (s != KZ_OK) {
		kz_rows_free(out);
		return s;
	}
	trim_to_limit(out, limit);
	return KZ_OK;
}

static void bind_service_arg(struct kz_db *db, sqlite3_stmt *st, const void *arg)
{
	bind_service_filter(db, st, arg);
}

enum kz_status kz_service_list(struct kz_db *db, const char *query,
			       const struct kz_service_filter *filter,
			       size_t limit, struct kz_rows *out,
			       struct kz_error *err)
{
	const struct kz_list_sql *sql = filter && filter->stale_only ? &sql_stale_services
								    : &sql_services;
	enum kz_status s = kz_tiered_list(db, sql, query, bind_service_arg,
					  filter, limit, out, err);

	for (size_t i = 0; s == KZ_OK && i < out->n; i++) {
		struct kz_row *r = &out->v[i];
		r->archived = r->service.status && strcmp(r->service.status, "archived") == 0;
		r->stale = kz_service_is_stale(db, r->service.verified_on, r->service.status);
	}
	return s;
}

static const char sql_services_count[] =
	"SELECT count(*) FROM services s WHERE 1" SERVICE_FILTERS;

/* Only the status scope (the basket's total): from the counts the
 * triggers keep (migration 19), not by reading every service. ?1: NULL active and suspended,
 * 'all' any, else that status. */
static const char sql_services_count_status[] =
	"SELECT coalesce(sum(n), 0) FROM service_counts"
	" WHERE CASE WHEN ?1 IS NULL THEN status <> 'archived'"
	" WHEN ?1 = 'all' THEN 1 ELSE status = ?1 END";

static bool only_status(const struct kz_service_filter *f)
{
	return !f || (kz_str_empty(f->sector) && kz_str_empty(f->category) &&
		      kz_str_empty(f->target_group) && kz_str_empty(f->provider_id) &&
		      !f->stale_only && !f->network);
}

enum kz_status kz_service_count(struct kz_db *db,
				const struct kz_service_filter *filter,
				size_t *out, struct kz_error *err)
{
	bool fast = only_status(filter);
	sqlite3_stmt *st = kz_db_stmt(db, fast ? sql_services_count_status
				      : sql_services_count, err);
	int rc;

	*out = 0;
	if (!st)
		return err ? err->status : KZ_ENV;
	if (fast)
		kz_bind_text(st, 1, filter ? empty_to_null(filter->status) : NULL);
	else
		bind_service_filter(db, st, filter);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, err, "count");
}

/* --- partners and contacts ------------------------------------------------- */

static const struct kz_list_sql sql_partners = KZ_LIST_SQL(
	"SELECT p.id, p.name, p.kind, p.status, p.declaration_date, p.short_name"
	" FROM search_doc d JOIN partners p ON p.id = d.ref", "'partner'",
	" AND (?2 IS NULL OR p.status = ?2)"
	" AND (?3 IS NULL OR instr(';' || coalesce(p.sectors, '') || ';',"
	"                          ';' || ?3 || ';') > 0)"
	" ORDER BY " KZ_LIST_ORDER_PARTNER " LIMIT ?10");

static void bind_partner_filter(struct kz_db *db, sqlite3_stmt *st, const void *arg)
{
	static const struct kz_partner_filter none;
	const struct kz_partner_filter *f = arg ? arg : &none;

	(void)db;
	kz_bind_text(st, 2, empty_to_null(f->status));
	kz_bind_text(st, 3, empty_to_null(f->sector));
}

enum kz_status kz_partner_list(struct kz_db *db, const char *query,
			       const struct kz_partner_filter *filter,
			       size_t limit, struct kz_rows *out,
			       struct kz_error *err)
{
	enum kz_status s = kz_tiered_list(db, &sql_partners, query, bind_partner_filter,
					  filter, limit, out, err);

	for (size_t i = 0; s == KZ_OK && i < out->n; i++)
		out->v[i].archived = out->v[i].partner.status &&
				     strcmp(out->v[i].partner.status, "left") == 0;
	return s;
}

static const struct kz_list_sql sql_contacts = KZ_LIST_SQL(
	"SELECT c.id, c.name, p.name, c.phone, c.position, c.email,"
	" nullif(p.short_name, '') AS partner_short"
	" FROM search_doc d JOIN contacts c ON c.id = d.ref"
	" JOIN partners p ON p.id = c.partner_id", "'contact'",
	" AND (?2 IS NULL OR c.partner_id = ?2) ORDER BY " KZ_LIST_ORDER_CONTACT " LIMIT ?10");

static void bind_partner_id(struct kz_db *db, sqlite3_stmt *st, const void *arg)
{
	(void)db;
	kz_bind_text(st, 2, arg);
}

enum kz_status kz_contact_list(struct kz_db *db, const char *partner_id,
			       const char *query, size_t limit,
			       struct kz_rows *out, struct kz_error *err)
{
	return kz_tiered_list(db, &sql_contacts, query, bind_partner_id, partner_id,
			   limit, out, err);
}

/* --- iteration -------------------------------------------------------------- */

/* Walk ids from sql (a private statement, so callbacks may use the
 * statement cache freely) and call visit for each. */
static enum kz_status each_id(struct kz_db *db, const char *sql, const char *arg,
			      enum kz_status (*visit)(struct kz_db *, const char *, void *),
			      void *ctx, struct kz_error *err)
{
	sqlite3_stmt *st;
	enum kz_status s = KZ_OK;
	int rc = sqlite3_prepare_v2(kz_db_handle(db), sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "list");
	kz_bind_text(st, 1, arg);
	while (s == KZ_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char id[KZ_ID_LEN + 1];
		snprintf(id, sizeof(id), "%s", (const char *)sqlite3_column_text(st, 0));
		s = visit(db, id, ctx);
	}
	if (s == KZ_OK && rc != SQLITE_DONE)
		s = kz_db_fail(db, rc, err, "list");
	sqlite3_finalize(st);
	return s;
}

struct each_ctx {
	kz_service_fn service_fn;
	kz_partner_fn partner_fn;
	kz_contact_fn contact_fn;
	void *ctx;
	struct kz_error *err;
};

static enum kz_status visit_service(struct kz_db *db, const char *id, void *p)
{
	struct each_ctx *e = p;
	struct kz_service s = { 0 };
	enum kz_status st = kz_service_get(db, id, &s, e->err);

	if (st == KZ_OK)
		st = e->service_fn(&s, e->ctx);
	kz_service_clear(&s);
	return st;
}

static enum kz_status visit_partner(struct kz_db *db, const char *id, void *p)
{
	struct each_ctx *e = p;
	struct kz_partner r = { 0 };
	enum kz_status st = kz_partner_get(db, id, &r, e->err);

	if (st == KZ_OK)
		st = e->partner_fn(&r, e->ctx);
	kz_partner_clear(&r);
	return st;
}

static enum kz_status visit_contact(struct kz_db *db, const char *id, void *p)
{
	struct each_ctx *e = p;
	struct kz_contact r = { 0 };
	enum kz_status st = kz_contact_get(db, id, &r, e->err);

	if (st == KZ_OK)
		st = e->contact_fn(&r, e->ctx);
	kz_contact_clear(&r);
	return st;
}

/* Every record in the stored Polish order (search_doc's (kind, pl_key)
 * index, as the lists): no sorting, and no collator loaded. */
#define EACH_SERVICE " FROM search_doc d JOIN services s ON s.id = d.ref" \
	" WHERE d.kind = 'service'"

enum kz_status kz_service_each(struct kz_db *db, bool include_archived,
			       kz_service_fn fn, void *ctx, struct kz_error *err)
{
	struct each_ctx e = { .service_fn = fn, .ctx = ctx, .err = err };

	return each_id(db,
		include_archived
			? "SELECT s.id" EACH_SERVICE " ORDER BY " KZ_LIST_ORDER_SERVICE
			: "SELECT s.id" EACH_SERVICE
			  " AND s.status <> 'archived' ORDER BY " KZ_LIST_ORDER_SERVICE,
		NULL, visit_service, &e, err);
}

enum kz_status kz_partner_each(struct kz_db *db, kz_partner_fn fn, void *ctx,
			       struct kz_error *err)
{
	struct each_ctx e = { .partner_fn = fn, .ctx = ctx, .err = err };

	return each_id(db, "SELECT p.id FROM search_doc d JOIN partners p ON p.id = d.ref"
		       " WHERE d.kind = 'partner' ORDER BY " KZ_LIST_ORDER_PARTNER,
		       NULL, visit_partner, &e, err);
}

enum kz_status kz_contact_each(struct kz_db *db, const char *partner_id,
			       kz_contact_fn fn, void *ctx, struct kz_error *err)
{
	struct each_ctx e = { .contact_fn = fn, .ctx = ctx, .err = err };

	return each_id(db,
		"SELECT c.id FROM search_doc d JOIN contacts c ON c.id = d.ref"
		" WHERE d.kind = 'contact' AND (?1 IS NULL OR c.partner_id = ?1)"
		" ORDER BY " KZ_LIST_ORDER_CONTACT, partner_id, visit_contact, &e, err);
}
