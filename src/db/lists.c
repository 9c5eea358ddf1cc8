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
#include "doc_order.h"
#include "match.h"
#include "records.h"

/* The phone to call about a stale entry (?7): its contact person's,
 * else the provider's first contact person's, else the provider's. */
#define SERVICE_COLS_LIST \
	"s.id, s.title, p.name, s.category, s.status, s.verified_on," \
	" CASE WHEN ?7 THEN coalesce(nullif((SELECT phone FROM contacts"   \
	"  WHERE id = s.contact_id), ''), (SELECT phone FROM contacts"     \
	"  WHERE partner_id = p.id AND coalesce(phone, '') <> ''"          \
	"  ORDER BY kz_person_key(name) COLLATE KZ_PL, id LIMIT 1), p.phone) END," \
	" nullif(p.short_name, '') AS partner_short, s.network AS network"
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

/* The services of one tier of a search, in the list's order
 * (KZ_LIST_SQL). */
#define SERVICE_LIST(order) KZ_LIST_SQL(SERVICE_COLS_LIST,                    \
	"services s ON s.id = d.ref JOIN partners p ON p.id = s.provider_id", \
	service, SERVICE_FILTERS, order)

static const struct kz_list_sql sql_services = SERVICE_LIST("");
/* Stale entries only (?7): never verified first, then the oldest. */
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

/* Append the rows of a bound statement of tier tier: the id, then up to
 * six text columns in the row's order; a column named partner_short is
 * the partner's short name, one named network the record's network,
 * kz_docid and kz_key the row's place (KZ_LIST_PLACE), wherever they
 * stand. */
static enum kz_status step_rows(struct kz_db *db, sqlite3_stmt *st, int tier,
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
		r->place.tier = tier;
		for (int c = 1, next = 0; c < ncol; c++) {
			const char *name = sqlite3_column_name(st, c);
			if (name && strcmp(name, "partner_short") == 0) {
				r->partner_short = kz_column_dup(st, c);
			} else if (name && strcmp(name, "network") == 0) {
				r->network = kz_column_dup(st, c);
			} else if (name && strcmp(name, "kz_docid") == 0) {
				r->place.docid = sqlite3_column_int64(st, c);
			} else if (name && strcmp(name, "kz_key") == 0) {
				r->place.keylen = (size_t)sqlite3_column_bytes(st, c);
				r->place.key = xmalloc(r->place.keylen + 1);
				if (r->place.keylen)
					memcpy(r->place.key, sqlite3_column_blob(st, c),
					       r->place.keylen);
			} else if (next < (int)(sizeof(cols) / sizeof(cols[0]))) {
				*cols[next++] = kz_column_dup(st, c);
			}
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "list");
	out->total = out->n;
	return KZ_OK;
}

/* Drop the rows beyond the first keep (the probe row) and note that
 * there were more. */
static void trim_to(struct kz_rows *out, size_t keep)
{
	while (out->n > keep) {
		kz_row_clear(&out->v[--out->n]);
		out->more = true;
	}
	out->total = out->n;
}

/* Are some records of the kind in its overflow range, not yet placed in
 * list order (doc_order.c)? */
static bool has_overflow(struct kz_db *db, sqlite3_int64 base)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT 1 FROM search_doc WHERE docid BETWEEN ?1 AND ?2 LIMIT 1", NULL);
	bool yes;

	if (!st)
		return true;  /* the sorted plan is right in any case */
	sqlite3_bind_int64(st, 1, base + KZ_DOC_PLACED);
	sqlite3_bind_int64(st, 2, base + KZ_DOC_END - 1);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

/* A reading of a list: its statements and parameters, where it goes on
 * from (after: NULL from the start) and how many rows it wants beyond
 * the first have (0: all). */
struct reading {
	const struct kz_list_sql *sql;
	kz_bind_fn bind;
	const void *arg;
	bool sorted;
	const struct kz_row *after;
	size_t have, limit;
};

/* Run a list statement (text) over the docids lo to hi, up to want
 * rows (-1: all), appending them to out; binds the reading's own
 * parameters and where a walk goes on from (browsing after a row). */
static enum kz_status run_tier(struct kz_db *db, const struct reading *rd, int tier,
			       const char *text, const char *match, sqlite3_int64 lo,
			       sqlite3_int64 hi, sqlite3_int64 want, const struct kz_row *after,
			       struct kz_rows *out, size_t *cap, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, text, err);

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, match);
	if (rd->bind)
		rd->bind(db, st, rd->arg);
	sqlite3_bind_int64(st, 10, want);
	sqlite3_bind_int64(st, 15, lo);
	sqlite3_bind_int64(st, 16, hi);
	sqlite3_bind_int64(st, 17, hi);
	if (after && !match) {
		sqlite3_bind_int64(st, 18, after->place.docid);
		sqlite3_bind_blob(st, 19, after->place.key ? (const void *)after->place.key : "",
				  (int)after->place.keylen, SQLITE_TRANSIENT);
	}
	return step_rows(db, st, tier, out, cap, err);
}

/* Does row a stand before row b in the list's order (pl_key, docid)? */
static bool row_before(const struct kz_row *a, const struct kz_row *b)
{
	size_t n = a->place.keylen < b->place.keylen ? a->place.keylen : b->place.keylen;
	int c = n ? memcmp(a->place.key, b->place.key, n) : 0;

	if (c == 0 && a->place.keylen != b->place.keylen)
		c = a->place.keylen < b->place.keylen ? -1 : 1;
	return c < 0 || (c == 0 && a->place.docid < b->place.docid);
}

/* The rows of two lists in the list's order, up to want (-1: all),
 * moved to out; what is left of them is freed. */
static void merge_rows(struct kz_rows *a, struct kz_rows *b, sqlite3_int64 want,
		       struct kz_rows *out, size_t *cap)
{
	size_t i = 0, j = 0;

	while ((i < a->n || j < b->n) && (want < 0 || want-- > 0)) {
		bool from_a = j == b->n || (i < a->n && row_before(&a->v[i], &b->v[j]));
		struct kz_row *r = from_a ? &a->v[i++] : &b->v[j++];
		*kz_rows_push(out, cap) = *r;
		memset(r, 0, sizeof(*r));
	}
	out->total = out->n;
	kz_rows_free(a);
	kz_rows_free(b);
}

/* One tier of a search (match: the FTS query of its records, NULL when
 * browsing), up to the reading's limit (+1 to learn of more); from the
 * row after, when it is of this tier. A kind with records in its
 * overflow (not yet placed in list order, doc_order.c) is read as two
 * lists, merged: its placed records in docid order, and the few in the
 * overflow sorted. The sorted plan over the whole kind sorted every
 * match: the lookup of "r" at 1,000,000 services, where 3 of 250,000
 * cases waited in the overflow, took 800 ms. A list with an order of
 * its own is sorted whole. */
static enum kz_status list_tier(struct kz_db *db, const struct reading *rd, int tier,
				const char *match, struct kz_rows *out, size_t *cap,
				struct kz_error *err)
{
	const struct kz_list_sql *sql = rd->sql;
	sqlite3_int64 base = kz_doc_base(sql->kind);
	const struct kz_row *after = rd->after && rd->after->place.tier == tier ? rd->after : NULL;
	size_t got = out->n - rd->have;
	sqlite3_int64 want = rd->limit ? (sqlite3_int64)(rd->limit - got + 1) : -1;
	struct kz_rows placed = { 0 }, over = { 0 };
	size_t pcap = 0, ocap = 0;
	enum kz_status s;

	if (!match)
		return run_tier(db, rd, tier, after ? sql->walk_after : sql->walk, NULL, 0, 0,
				want, after, out, cap, err);
	if (!rd->sorted)
		return run_tier(db, rd, tier, sql->ordered, match,
				after ? after->place.docid + 1 : base,
				base + KZ_DOC_PLACED - 1, want, NULL, out, cap, err);
	if (sql->own_order)
		return run_tier(db, rd, tier, sql->sorted, match, base, base + KZ_DOC_END - 1,
				want, NULL, out, cap, err);
	s = run_tier(db, rd, tier, sql->ordered, match, base, base + KZ_DOC_PLACED - 1, want,
		     NULL, &placed, &pcap, err);
	if (s == KZ_OK)
		s = run_tier(db, rd, tier, sql->sorted, match, base + KZ_DOC_PLACED,
			     base + KZ_DOC_END - 1, want, NULL, &over, &ocap, err);
	if (s != KZ_OK) {
		kz_rows_free(&placed);
		kz_rows_free(&over);
		return s;
	}
	merge_rows(&placed, &over, want, out, cap);
	return KZ_OK;
}

/* The rows of the reading appended to out: the records whose title
 * begins with the query's first word and holds the others, then the
 * other records whose title holds every word, then those matching
 * elsewhere; without a query, all of them. Each tier is one FTS5 query
 * that leaves out the better tiers. */
static enum kz_status read_tiers(struct kz_db *db, const struct reading *rd,
				 const char *query, struct kz_rows *out,
				 struct kz_error *err)
{
	char *all = kz_fts_query(query);
	char *title = kz_fts_words_query(kz_db_matcher(db), rd->sql->kind, query);
	char *start = kz_fts_lead_query(kz_db_matcher(db), rd->sql->kind, query);
	char *tiers[3] = { NULL, NULL, NULL };
	size_t cap = out->n;
	int first = rd->after && rd->after->place.tier > 0 ? rd->after->place.tier : 1;
	enum kz_status s = KZ_OK;

	if (!all) {
		s = list_tier(db, rd, 0, NULL, out, &cap, err);
	} else {
		tiers[0] = xstrdup(start);
		tiers[1] = xasprintf("(%s) NOT (%s)", title, start);
		tiers[2] = xasprintf("(%s) NOT (%s)", all, title);
	}
	for (int t = first; all && t <= 3 && s == KZ_OK &&
	     (!rd->limit || out->n - rd->have <= rd->limit); t++)
		s = list_tier(db, rd, t, tiers[t - 1], out, &cap, err);
	for (size_t t = 0; t < 3; t++)
		free(tiers[t]);
	free(all);
	free(title);
	free(start);
	if (s == KZ_OK && rd->limit)
		trim_to(out, rd->have + rd->limit);
	return s;
}

/* The sorted plan, for a list with its own order or records in the
 * overflow. */
static bool needs_sorting(struct kz_db *db, const struct kz_list_sql *sql, const char *query)
{
	char *all = kz_fts_query(query);
	bool yes = all && (sql->own_order || has_overflow(db, kz_doc_base(sql->kind)));

	free(all);
	return yes;
}

enum kz_status kz_tiered_list(struct kz_db *db, const struct kz_list_sql *sql,
			      const char *query, kz_bind_fn bind,
			      const void *arg, size_t limit,
			      struct kz_rows *out, struct kz_error *err)
{
	struct reading rd = { sql, bind, arg, needs_sorting(db, sql, query), NULL, 0, limit };
	enum kz_status s;

	memset(out, 0, sizeof(*out));
	s = read_tiers(db, &rd, query, out, err);
	if (s != KZ_OK)
		kz_rows_free(out);
	return s;
}

enum kz_status kz_tiered_list_more(struct kz_db *db, const struct kz_list_sql *sql,
				   const char *query, kz_bind_fn bind,
				   const void *arg, size_t limit,
				   struct kz_rows *out, struct kz_error *err)
{
	struct reading rd = { sql, bind, arg, needs_sorting(db, sql, query),
			      out->n ? &out->v[out->n - 1] : NULL, out->n, limit };
	struct kz_row last;
	enum kz_status s;

	/* A list with an order of its own, browsed or searched, cannot go
	 * on from a row: all of it again. */
	if (!out->n || rd.sorted || sql->own_order) {
		size_t want = limit ? out->n + limit : 0;
		kz_rows_free(out);
		return kz_tiered_list(db, sql, query, bind, arg, want, out, err);
	}
	if (!out->more)
		return KZ_OK;
	/* The row goes on being read while rows are appended (the array
	 * may move): a copy of its place. */
	last = out->v[out->n - 1];
	rd.after = &last;
	out->more = false;
	s = read_tiers(db, &rd, query, out, err);
	if (s != KZ_OK)
		kz_rows_free(out);
	return s;
}

static void bind_service_arg(struct kz_db *db, sqlite3_stmt *st, const void *arg)
{
	bind_service_filter(db, st, arg);
}

static const struct kz_list_sql *services_sql(const struct kz_service_filter *f)
{
	return f && f->stale_only ? &sql_stale_services : &sql_services;
}

/* What the rows of services say beside their columns. */
static void mark_services(struct kz_db *db, struct kz_rows *out)
{
	for (size_t i = 0; i < out->n; i++) {
		struct kz_row *r = &out->v[i];
		r->archived = r->service.status && strcmp(r->service.status, "archived") == 0;
		r->stale = kz_service_is_stale(db, r->service.verified_on, r->service.status);
	}
}

enum kz_status kz_service_list_more(struct kz_db *db, const char *query,
				    const struct kz_service_filter *filter,
				    size_t limit, struct kz_rows *out,
				    struct kz_error *err)
{
	enum kz_status s = kz_tiered_list_more(db, services_sql(filter), query,
					       bind_service_arg, filter, limit, out, err);

	/* All rows: a list that cannot go on is read anew. */
	if (s == KZ_OK)
		mark_services(db, out);
	return s;
}

enum kz_status kz_service_list(struct kz_db *db, const char *query,
			       const struct kz_service_filter *filter,
			       size_t limit, struct kz_rows *out,
			       struct kz_error *err)
{
	enum kz_status s = kz_tiered_list(db, services_sql(filter), query, bind_service_arg,
					  filter, limit, out, err);

	if (s == KZ_OK)
		mark_services(db, out);
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
	"p.id, p.name, p.kind, p.status, p.declaration_date, p.short_name",
	"partners p ON p.id = d.ref", partner,
	" AND (?2 IS NULL OR p.status = ?2)"
	" AND (?3 IS NULL OR instr(';' || coalesce(p.sectors, '') || ';',"
	"                          ';' || ?3 || ';') > 0)", "");

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
	"c.id, c.name, p.name, c.phone, c.position, c.email,"
	" nullif(p.short_name, '') AS partner_short",
	"contacts c ON c.id = d.ref JOIN partners p ON p.id = c.partner_id", contact,
	" AND (?2 IS NULL OR c.partner_id = ?2)", "");

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
			? "SELECT s.id" EACH_SERVICE " ORDER BY " KZ_LIST_ORDER
			: "SELECT s.id" EACH_SERVICE
			  " AND s.status <> 'archived' ORDER BY " KZ_LIST_ORDER,
		NULL, visit_service, &e, err);
}

enum kz_status kz_partner_each(struct kz_db *db, kz_partner_fn fn, void *ctx,
			       struct kz_error *err)
{
	struct each_ctx e = { .partner_fn = fn, .ctx = ctx, .err = err };

	return each_id(db, "SELECT p.id FROM search_doc d JOIN partners p ON p.id = d.ref"
		       " WHERE d.kind = 'partner' ORDER BY " KZ_LIST_ORDER,
		       NULL, visit_partner, &e, err);
}

enum kz_status kz_contact_each(struct kz_db *db, const char *partner_id,
			       kz_contact_fn fn, void *ctx, struct kz_error *err)
{
	struct each_ctx e = { .contact_fn = fn, .ctx = ctx, .err = err };

	return each_id(db,
		"SELECT c.id FROM search_doc d JOIN contacts c ON c.id = d.ref"
		" WHERE d.kind = 'contact' AND (?1 IS NULL OR c.partner_id = ?1)"
		" ORDER BY " KZ_LIST_ORDER, partner_id, visit_contact, &e, err);
}
