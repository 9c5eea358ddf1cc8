/* Global lookup: one query over every kind of record, grouped by kind. */
#include "koszyk/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/xalloc.h"
#include "records.h"

const char *kz_kind_name(enum kz_kind kind)
{
	static const char *const names[] = { "service", "partner", "contact" };
	return kind < KZ_KIND_COUNT ? names[kind] : "?";
}

#define FTS_JOIN \
	" FROM search_fts f JOIN search_doc d ON d.docid = f.rowid"
#define FTS_RANK \
	" ORDER BY kz_title_rank(f.title, ?2), bm25(search_fts, 10.0, 1.0), d.sort_key LIMIT ?3"

/* Each query: id, title, detail. Archived services are left out. */
static const char *const kind_sql[KZ_KIND_COUNT] = {
	"SELECT s.id, s.title, p.name || coalesce(' · ' || s.place, '')" FTS_JOIN
	" JOIN services s ON s.id = d.ref JOIN partners p ON p.id = s.provider_id"
	" WHERE search_fts MATCH ?1 AND d.kind = 'service' AND s.status <> 'archived'"
	FTS_RANK,
	"SELECT p.id, p.name, trim(coalesce(p.phone, '') || ' ' || coalesce(p.email, ''))"
	FTS_JOIN " JOIN partners p ON p.id = d.ref"
	" WHERE search_fts MATCH ?1 AND d.kind = 'partner'" FTS_RANK,
	"SELECT c.id, c.name, trim(coalesce(c.phone, '') || ' · ' ||"
	" coalesce(p.short_name, p.name), ' ·')" FTS_JOIN
	" JOIN contacts c ON c.id = d.ref JOIN partners p ON p.id = c.partner_id"
	" WHERE search_fts MATCH ?1 AND d.kind = 'contact'" FTS_RANK,
};

static enum kz_status search_kind(struct kz_db *db, enum kz_kind kind,
				  const char *fts, const char *query,
				  size_t limit, struct kz_hits *out,
				  size_t *cap, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db, kind_sql[kind], err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, fts);
	kz_bind_text(st, 2, query);
	sqlite3_bind_int64(st, 3, limit ? (sqlite3_int64)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == *cap) {
			*cap = *cap ? *cap * 2 : 32;
			out->v = xreallocarray(out->v, *cap, sizeof(*out->v));
		}
		struct kz_hit *h = &out->v[out->n++];
		h->kind = kind;
		snprintf(h->id, sizeof(h->id), "%s", (const char *)sqlite3_column_text(st, 0));
		h->title = kz_column_dup(st, 1);
		h->detail = kz_column_dup(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "search");
}

enum kz_status kz_search(struct kz_db *db, const char *query,
			 size_t limit_per_kind, struct kz_hits *out,
			 struct kz_error *err)
{
	char *fts = kz_fts_query(query);
	size_t cap = 0;
	enum kz_status st = KZ_OK;

	memset(out, 0, sizeof(*out));
	if (!fts)
		return KZ_OK;
	for (int k = 0; k < KZ_KIND_COUNT && st == KZ_OK; k++)
		st = search_kind(db, (enum kz_kind)k, fts, query, limit_per_kind, out, &cap, err);
	free(fts);
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
