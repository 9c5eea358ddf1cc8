/* Global lookup: one query over every kind of record, grouped by kind. */
#include "koszyk/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/xalloc.h"
#include "doc_order.h"
#include "records.h"

/* The network filter (?11, kz_bind_network): services, partners and
 * contact persons by their network; meetings and cases are always our
 * own. */
#define IN_NETWORK(t) " AND (?11 IS NULL OR coalesce(" t ".network, '') = ?11)"
#define OURS " AND (?11 IS NULL OR ?11 = '')"

/* The kinds a lookup finds, each with its query: id, title, detail
 * (what helps to tell hits apart: the provider and place, the phone, the
 * person's partner; "[NAME]" for a record of the basket of network NAME). Archived services are left out. The other kinds
 * have none and are never found. */
static const struct kz_list_sql kind_sql[KZ_KIND_COUNT] = {
	[KZ_KIND_SERVICE] = KZ_LIST_SQL("s.id, s.title, p.name || coalesce(' · ' || s.place, '')"
		    " || coalesce(' [' || s.network || ']', '')",
		    "services s ON s.id = d.ref JOIN partners p ON p.id = s.provider_id", service,
		    " AND s.status <> 'archived'" IN_NETWORK("s"), ""),
	[KZ_KIND_PARTNER] = KZ_LIST_SQL("p.id, p.name,"
		    " trim(coalesce(p.phone, '') || ' ' || coalesce(p.email, '')"
		    " || coalesce(' [' || p.network || ']', ''))",
		    "partners p ON p.id = d.ref", partner, IN_NETWORK("p"), ""),
	[KZ_KIND_CONTACT] = KZ_LIST_SQL("c.id, c.name, trim(coalesce(c.phone, '') || ' · ' ||"
		    " coalesce(p.short_name, p.name), ' ·')",
		    "contacts c ON c.id = d.ref JOIN partners p ON p.id = c.partner_id", contact,
		    IN_NETWORK("c"), ""),
	[KZ_KIND_MEETING] = KZ_LIST_SQL("m.id, m.title, m.date || coalesce(' · ' || p.name, '')",
		    "meetings m ON m.id = d.ref LEFT JOIN partners p ON p.id = m.host_id", meeting,
		    " AND (m.case_id IS NULL OR " KZ_SEES_CASE("m.case_id") ")" OURS, ""),
	[KZ_KIND_CASE] = KZ_LIST_SQL("c.id, c.code, c.status", "cases c ON c.id = d.ref", case,
		    " AND " KZ_SEES_CASE_ROW("c") OURS, ""),
};

static void add_hits(struct kz_hits *out, size_t *cap, enum kz_kind kind,
		     struct kz_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		if (out->n == *cap) {
			*cap = *cap ? *cap * 2 : 32;
			out->v = xreallocarray(out->v, *cap, sizeof(*out->v));
		}
		struct kz_hit *h = &out->v[out->n++];
		h->kind = kind;
		memcpy(h->id, rows->v[i].id, sizeof(h->id));
		/* take the strings over */
		h->title = rows->v[i].title;
		h->detail = rows->v[i].col[0];
		rows->v[i].title = rows->v[i].col[0] = NULL;
	}
}

static void bind_network(struct kz_db *db, sqlite3_stmt *st, const void *arg)
{
	(void)db;
	kz_bind_network(st, 11, arg);
}

/* Does any record of the kind match the query (match: kz_fts_query's)?
 * Most kinds have no match for most queries: one short FTS5 query finds
 * that, where the three tiers of the list took three, each of them
 * looking up every word (a lookup of "zlobek" at 100,000 services: 1.6
 * ms, 0.5 with this). A kind with matches is listed as before, its
 * filters applied there. */
static bool kind_matches(struct kz_db *db, const char *kind, const char *match)
{
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT 1 FROM search_fts"
		" WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 LIMIT 1", NULL);
	sqlite3_int64 base = kz_doc_base(kind);
	bool yes;

	if (!st)
		return true;  /* the list says */
	kz_bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, base);
	sqlite3_bind_int64(st, 3, base + KZ_DOC_END - 1);
	yes = sqlite3_step(st) != SQLITE_DONE;
	sqlite3_reset(st);
	return yes;
}

enum kz_status kz_search(struct kz_db *db, const char *query,
			 size_t limit_per_kind, struct kz_hits *out,
			 struct kz_error *err)
{
	return kz_search_in(db, query, NULL, limit_per_kind, out, err);
}

enum kz_status kz_search_in(struct kz_db *db, const char *query,
			    const char *network, size_t limit_per_kind,
			    struct kz_hits *out, struct kz_error *err)
{
	size_t cap = 0;
	enum kz_status st = KZ_OK;
	char *probe = kz_fts_query(query);

	memset(out, 0, sizeof(*out));
	if (!probe)
		return KZ_OK;  /* nothing to look for: no hits */
	for (int k = 0; k < KZ_KIND_COUNT && st == KZ_OK; k++) {
		struct kz_rows rows;
		if (!kind_sql[k].walk || !kind_matches(db, kind_sql[k].kind, probe))
			continue;
		st = kz_tiered_list(db, &kind_sql[k], query, bind_network, network,
				    limit_per_kind, &rows, err);
		if (st == KZ_OK)
			add_hits(out, &cap, (enum kz_kind)k, &rows);
		kz_rows_free(&rows);
	}
	free(probe);
	if (st != KZ_OK)
		kz_hits_free(out);
	return st;
}

void kz_hits_free(struct kz_hits *hits)
{
	for (size_t i = 0; i < hits->n; i++) {
		free(hits->v[i].title);
		free(hits->v[i].detail);
	}
	free(hits->v);
	memset(hits, 0, sizeof(*hits));
}
