/* What needs FTS5's own tokenizer: the title column's text with its
 * first word marked (kz_fts_title, migration 22), the query of the titles
 * that begin with a word, and kz_lead(text, n), the first n bytes of the
 * first token of a text (migration 16 kept them in search_doc.lead1 and
 * lead2; migration 20 dropped them, but a database older than 16 still
 * runs migration 16). */
#include "match.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/fold.h"
#include "koszyk/xalloc.h"
#include "doc_order.h"

#define FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/* The tokenizer of search_fts (schema.c, migration 1). */
struct kz_matcher {
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
	struct kz_matcher *m = sqlite3_user_data(ctx);
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

/* The tokens of a text, each followed by a space; at most max of them. */
struct tokens {
	struct kz_buf b;
	size_t n, max;
};

static int on_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct tokens *t = ctx;

	(void)start;
	(void)end;
	if (n <= 0 || (flags & FTS5_TOKEN_COLOCATED))
		return SQLITE_OK;
	if (t->n == t->max)
		return SQLITE_DONE;  /* enough: stops the tokenizer */
	kz_buf_add(&t->b, token, (size_t)n);
	kz_buf_putc(&t->b, ' ');
	t->n++;
	return SQLITE_OK;
}

static void tokenize(struct kz_matcher *m, int mode, const char *text, struct tokens *t)
{
	m->api.xTokenize(m->tok, t, mode, text, (int)strlen(text), on_token);
}

/* The mark of a title's words, then its kind's mark when it has one:
 * "ǁ1" (KZ_FTS_WORD, kz_doc_kind_mark). */
static void put_mark(struct kz_buf *out, const char *mark, char kind)
{
	kz_buf_puts(out, mark);
	if (kind)
		kz_buf_putc(out, kind);
}

/* The tokens of t, each after the mark of a title's words (and its
 * kind's), a space between them: "ǁ1a ǁ1b". */
static void put_marked(struct kz_buf *out, const struct tokens *t, char kind)
{
	for (const char *p = kz_buf_str(&t->b); t->n && *p;) {
		size_t n = strcspn(p, " ");
		if (p != kz_buf_str(&t->b))
			kz_buf_putc(out, ' ');
		put_mark(out, KZ_FTS_WORD, kind);
		kz_buf_add(out, p, n);
		p += n + (p[n] == ' ');
	}
}

/* The title column's text of a folded title (kind: its kind's mark, or
 * 0 as schemas 22 to 25 wrote it): the folded text with its first token
 * marked before it and every token marked after it: "ǂ1pomoc pomoc
 * psychologiczna ǁ1pomoc ǁ1psychologiczna" (KZ_FTS_LEAD, KZ_FTS_WORD).
 * "ǂ1psych"* then lists the services whose title begins with "psych"
 * from one short list of FTS5's, where ^"psych"* walked every record
 * holding the word anywhere to look at where it stands; "ǁ1psych"*
 * those whose title holds it, where {title} : "psych"* did (the lookup
 * of "a" at 100,000 services: 2.2 ms). The marked tokens follow one
 * another as the title's do, so a word FTS5 cuts in two ("a€b") is the
 * phrase "ǁ1a ǁ1b". */
static void put_title(struct kz_matcher *m, char kind, const char *folded, struct kz_buf *out)
{
	struct tokens t = { KZ_BUF_INIT, 0, (size_t)-1 };
	const char *toks;

	tokenize(m, FTS5_TOKENIZE_DOCUMENT, folded, &t);
	toks = kz_buf_str(&t.b);
	if (t.n) {
		put_mark(out, KZ_FTS_LEAD, kind);
		kz_buf_add(out, toks, strcspn(toks, " ") + 1);
	}
	kz_buf_puts(out, folded);
	if (t.n)
		kz_buf_putc(out, ' ');
	put_marked(out, &t, kind);
	kz_buf_free(&t.b);
}

static void result_title(sqlite3_context *ctx, char kind, const char *text)
{
	struct kz_matcher *m = sqlite3_user_data(ctx);
	char *folded = kz_fold(text);
	struct kz_buf out = KZ_BUF_INIT;

	put_title(m, kind, folded, &out);
	sqlite3_result_text(ctx, kz_buf_str(&out), (int)out.len, SQLITE_TRANSIENT);
	kz_buf_free(&out);
	free(folded);
}

/* kz_fts_title(text): the title column's text as schemas 22 to 25 made
 * it, without the kind (their migrations); kz_fts_title(kind, text):
 * with the mark of kind ("service"). */
static void sql_fts_title(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char kind = argc == 2 ? kz_doc_kind_mark((const char *)sqlite3_value_text(argv[0])) : 0;

	result_title(ctx, kind, (const char *)sqlite3_value_text(argv[argc - 1]));
}

/* kz_fts_retitle(docid, title): the title column's text of the document
 * made again, with its kind's mark, from what an older schema wrote:
 * the folded title after its marked first word (schema 22) and before
 * its marked words (schema 25), folded again (a title of a schema before
 * 25 may hold the mark of the words, which kz_fold now makes a space). */
static void sql_fts_retitle(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_int64 docid = sqlite3_value_int64(argv[0]);
	const char *title = (const char *)sqlite3_value_text(argv[1]);
	char *plain, *words;

	(void)argc;
	if (!title)
		title = "";
	if (strncmp(title, KZ_FTS_LEAD, strlen(KZ_FTS_LEAD)) == 0)
		title = strchr(title, ' ') ? strchr(title, ' ') + 1 : "";
	plain = xstrdup(title);
	if ((words = strstr(plain, " " KZ_FTS_WORD)))
		*words = '\0';
	result_title(ctx, kz_doc_kind_mark_of(docid), plain);
	free(plain);
}

/* The first word's part of the lead query: "ǂpsych"* for a word that is
 * one token; "ǂa a b"* for one FTS5 cuts in more (a€b: the title's
 * first tokens a and b*, as ^"a b"* was); the word as it is when it has
 * no token (FTS5 leaves such a phrase out). */
static void lead_phrase(struct kz_matcher *m, char kind, const char *word,
			struct kz_buf *q)
{
	struct tokens t = { KZ_BUF_INIT, 0, (size_t)-1 };
	const char *toks;

	tokenize(m, FTS5_TOKENIZE_QUERY, word, &t);
	toks = kz_buf_str(&t.b);
	kz_buf_putc(q, '"');
	if (!t.n) {
		kz_buf_puts(q, word);
	} else {
		put_mark(q, KZ_FTS_LEAD, kind);
		kz_buf_add(q, toks, strcspn(toks, " "));
		if (t.n > 1) {
			kz_buf_putc(q, ' ');
			kz_buf_add(q, toks, t.b.len - 1);
		}
	}
	kz_buf_puts(q, "\"*");
	kz_buf_free(&t.b);
}

/* A word of the query as the phrase of its tokens, each marked as the
 * title's are ("ǁa ǁb"*); the word as it is when it has no token (FTS5
 * leaves such a phrase out). */
static void marked_phrase(struct kz_matcher *m, char kind, const char *word,
			  struct kz_buf *q)
{
	struct tokens t = { KZ_BUF_INIT, 0, (size_t)-1 };

	tokenize(m, FTS5_TOKENIZE_QUERY, word, &t);
	kz_buf_putc(q, '"');
	if (!t.n)
		kz_buf_puts(q, word);
	put_marked(q, &t, kind);
	kz_buf_puts(q, "\"*");
	kz_buf_free(&t.b);
}

char *kz_fts_words_query(struct kz_matcher *m, const char *kind, const char *query)
{
	char **words;
	struct kz_buf q = KZ_BUF_INIT;

	if (!kz_query_words(query, &words)) {
		kz_words_free(words);
		return NULL;
	}
	/* Words hold no '"' (kz_query_words): each is plain text. */
	for (char **w = words; *w; w++) {
		if (w != words)
			kz_buf_putc(&q, ' ');
		marked_phrase(m, kz_doc_kind_mark(kind), *w, &q);
	}
	kz_words_free(words);
	return kz_buf_detach(&q);
}

char *kz_fts_lead_query(struct kz_matcher *m, const char *kind, const char *query)
{
	char **words;
	struct kz_buf q = KZ_BUF_INIT;

	if (!kz_query_words(query, &words)) {
		kz_words_free(words);
		return NULL;
	}
	kz_buf_puts(&q, "{title} : (");
	lead_phrase(m, kz_doc_kind_mark(kind), words[0], &q);
	/* Words hold no '"' (kz_query_words): each is plain text. */
	for (char **w = words + 1; *w; w++) {
		kz_buf_puts(&q, " \"");
		kz_buf_puts(&q, *w);
		kz_buf_puts(&q, "\"*");
	}
	kz_buf_putc(&q, ')');
	kz_words_free(words);
	return kz_buf_detach(&q);
}

static void matcher_free(void *p)
{
	struct kz_matcher *m = p;

	if (m->tok)
		m->api.xDelete(m->tok);
	free(m);
}

int kz_match_register(sqlite3 *h, struct kz_matcher **out)
{
	fts5_api *api = fts5_of(h);
	struct kz_matcher *m;
	void *ud = NULL;
	const char *args[] = { "remove_diacritics", "2" };
	int rc;

	*out = NULL;
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
	/* kz_lead owns the tokenizer: the connection frees it when it closes. */
	rc = sqlite3_create_function_v2(h, "kz_lead", 2, FLAGS, m, sql_lead,
					NULL, NULL, matcher_free);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_fts_title", 1, FLAGS, m, sql_fts_title,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_fts_title", 2, FLAGS, m, sql_fts_title,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "kz_fts_retitle", 2, FLAGS, m, sql_fts_retitle,
					     NULL, NULL);
	*out = rc == SQLITE_OK ? m : NULL;
	return rc;
}
