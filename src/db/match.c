/* Which tier of a search a document is in, tested on the document itself:
 * the SQL function kz_tier_is(title, body, query, tier). A list that
 * walks its (kind, pl_key) index in Polish order tests each record it
 * passes, instead of asking FTS5 for every match first (100,000 rowids
 * for a one-letter query), so a page costs about the same whatever the
 * query. The text is cut into tokens by FTS5's own tokenizer, as
 * search_fts is, so the answer is FTS5's: the query's words must be
 * plain (kz_match_plain), each one whole token. */
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

/* The query's words, parsed once per statement (auxdata). */
struct words {
	size_t n;
	char **w;
	size_t *len;
};

/* One text's tokens as they are found: which words some token begins
 * with, and whether the first token begins with the first word. */
struct scan {
	const struct words *q;
	bool *hit;
	bool first_ok;
	int ntok;
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

/* The most words tier_of tests; a longer query goes to FTS5. */
#define MAX_WORDS 64

bool kz_match_plain(const char *fts_query)
{
	size_t quotes = 0;

	/* kz_fts_query: "w1"* "w2"* ... */
	for (const unsigned char *p = (const unsigned char *)fts_query; *p; p++) {
		if (*p == '"')
			quotes++;
		if (*p == '"' || *p == '*' || *p == ' ')
			continue;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return false;
	}
	return quotes / 2 <= MAX_WORDS;
}

static void words_free(void *p)
{
	struct words *q = p;

	for (size_t i = 0; i < q->n; i++)
		free(q->w[i]);
	free(q->w);
	free(q->len);
	free(q);
}

/* The words between the quotes of an FTS query made by kz_fts_query. */
static struct words *words_parse(const char *fts_query)
{
	struct words *q = xcalloc(1, sizeof(*q));
	const char *p = fts_query;

	while ((p = strchr(p, '"')) != NULL) {
		const char *end = strchr(++p, '"');
		if (!end)
			break;
		q->w = xreallocarray(q->w, q->n + 1, sizeof(*q->w));
		q->len = xreallocarray(q->len, q->n + 1, sizeof(*q->len));
		q->len[q->n] = (size_t)(end - p);
		q->w[q->n++] = xstrndup(p, (size_t)(end - p));
		p = end + 1;
	}
	return q;
}

static int on_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct scan *s = ctx;

	(void)start;
	(void)end;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	for (size_t i = 0; i < s->q->n; i++) {
		bool begins = (size_t)n >= s->q->len[i] &&
			      memcmp(token, s->q->w[i], s->q->len[i]) == 0;
		if (begins)
			s->hit[i] = true;
		if (begins && i == 0 && s->ntok == 0)
			s->first_ok = true;
	}
	s->ntok++;
	return SQLITE_OK;
}

static void scan_text(struct matcher *m, struct scan *s, sqlite3_value *v)
{
	const char *text = (const char *)sqlite3_value_text(v);

	s->ntok = 0;
	if (text)
		m->api.xTokenize(m->tok, s, FTS5_TOKENIZE_DOCUMENT, text,
				 sqlite3_value_bytes(v), on_token);
}

static bool all_hit(const struct scan *s)
{
	for (size_t i = 0; i < s->q->n; i++)
		if (!s->hit[i])
			return false;
	return true;
}

/* 1: the title's first word begins with the first word of the query and
 * every word begins a word of the title ({title} : (^"w1"* "w2"*));
 * 2: every word begins a word of the title; 3: every word begins a word
 * of the title or the body; 0: none. The body is read only when it can
 * decide the tier asked for. */
static int tier_of(struct matcher *m, const struct words *q, sqlite3_value **argv,
		   int wanted)
{
	bool hit[MAX_WORDS] = { false };
	struct scan s = { .q = q, .hit = hit };

	if (q->n == 0 || q->n > MAX_WORDS)
		return 0;
	scan_text(m, &s, argv[0]);
	if (all_hit(&s))
		return s.first_ok ? 1 : 2;
	if (wanted != 3)
		return 0;
	scan_text(m, &s, argv[1]);
	return all_hit(&s) ? 3 : 0;
}

static void sql_tier_is(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct matcher *m = sqlite3_user_data(ctx);
	struct words *q = sqlite3_get_auxdata(ctx, 2);
	bool parsed = !q;
	int wanted = sqlite3_value_int(argv[3]);

	(void)argc;
	if (parsed) {
		const char *text = (const char *)sqlite3_value_text(argv[2]);
		q = words_parse(text ? text : "");
	}
	sqlite3_result_int(ctx, tier_of(m, q, argv, wanted) == wanted);
	/* Kept for the next rows of the statement; SQLite may free it at
	 * once, so it is handed over last. */
	if (parsed)
		sqlite3_set_auxdata(ctx, 2, q, words_free);
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
	rc = sqlite3_create_function_v2(h, "kz_lead", 2, FLAGS, m, sql_lead,
					NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(h, "kz_tier_is", 4, FLAGS, m, sql_tier_is,
						NULL, NULL, matcher_free);
	else
		matcher_free(m);
	return rc;
}
