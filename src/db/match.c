/* kz_lead(text, n), the first n bytes of the first token of a text as
 * FTS5's tokenizer cuts it. Migration 16 kept them in search_doc.lead1 and
 * lead2; migration 20 dropped them (the lists now follow FTS5's own order,
 * doc_order.c), but a database older than 16 still runs migration 16. */
#include "match.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"

#define FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/* The tokenizer of search_fts (schema.c, migration 1). */
struct matcher {
	fts5_tokenizer api;
	Fts5Tokenizer *tok;
};

static fts5_api *fts5_of(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

/* The first token of a text, up to the bytes asked for. */
struct lead {
	char bytes[4];
	int want, n;
	bool found;
};

static int on_first_token(void *ctx, int flags, const char *token, int n, int start,
			  int end)
{
	struct lead *l = ctx;

	(void)flags;
	(void)start;
	(void)end;
	if (!l->found && n > 0) {
		l->found = true;
		l->n = n < l->want ? n : l->want;
		memcpy(l->bytes, token, (size_t)l->n);
	}
	return SQLITE_OK;
}

/* kz_lead(text, n): the first n bytes of the first token of text (all of
 * it when shorter; NULL when there is none), kept in search_doc.lead1 and
 * lead2 so that the records whose title begins with a word are walked in
 * order from an index. */
static void sql_lead(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct matcher *m = sqlite3_user_data(ctx);
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	struct lead l = { .want = sqlite3_value_int(argv[1]) };

	(void)argc;
	if (l.want < 1 || l.want > (int)sizeof(l.bytes))
		l.want = 1;
	if (text)
		m->api.xTokenize(m->tok, &l, FTS5_TOKENIZE_DOCUMENT, text,
				 sqlite3_value_bytes(argv[0]), on_first_token);
	if (l.found)
		sqlite3_result_blob(ctx, l.bytes, l.n, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static void matcher_free(void *p)
{
	struct matcher *m = p;

	if (m->tok)
		m->api.xDelete(m->tok);
	free(m);
}

int kz_match_register(sqlite3 *h)
{
	fts5_api *api = fts5_of(h);
	struct matcher *m;
	void *ud = NULL;
	const char *args[] = { "remove_diacritics", "2" };
	int rc;

	if (!api)
		return SQLITE_ERROR;
	m = xcalloc(1, sizeof(*m));
	rc = api->xFindTokenizer(api, "unicode61", &ud, &m->api);
	if (rc == SQLITE_OK)
		rc = m->api.xCreate(ud, args, 2, &m->tok);
	if (rc != SQLITE_OK) {
		free(m);
		return rc;
	}
	return sqlite3_create_function_v2(h, "kz_lead", 2, FLAGS, m, sql_lead,
					  NULL, NULL, matcher_free);
}
