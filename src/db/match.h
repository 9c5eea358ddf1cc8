/* What needs the search index's own tokenizer (match.c). */
#ifndef KOSZYK_MATCH_H
#define KOSZYK_MATCH_H

#include <sqlite3.h>

struct kz_matcher;

/* Registers kz_fts_title([kind,] text) (the title column's text, its
 * words marked), kz_fts_retitle(docid, title) (that text made again from
 * an older schema's) and kz_lead(text, n) (the first n bytes of text's
 * first token) on a connection. *m is their tokenizer, which the connection frees
 * when it closes. */
int kz_match_register(sqlite3 *h, struct kz_matcher **m);

/* The FTS5 query of the records of kind ("service") whose title begins
 * with the first word of query and holds the others: {title} :
 * ("ǂ1pomoc"* "psych"*). NULL when the query has no word. */
char *kz_fts_lead_query(struct kz_matcher *m, const char *kind, const char *query);

/* The FTS5 query of the records of kind whose title holds every word of
 * query, from the title's marked words: "ǁ1zlobek"* "ǁ1miejski"* (as
 * {title} : ("zlobek"* "miejski"*) was). NULL when the query has no
 * word. */
char *kz_fts_words_query(struct kz_matcher *m, const char *kind, const char *query);

#endif
