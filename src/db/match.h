/* A search's tiers tested on one document (match.c). */
#ifndef KOSZYK_MATCH_H
#define KOSZYK_MATCH_H

#include <stdbool.h>
#include <sqlite3.h>

/* Registers kz_tier_is(title, body, fts_query, tier) on a connection:
 * 1 when the document (its folded title and body, as search_fts holds
 * them) is in that tier of the query made by kz_fts_query (1: the title
 * begins with the first word and holds the others, 2: the title holds
 * every word but does not begin so, 3: the title does not hold every
 * word, the title and body do), as FTS5 would find it. */
int kz_match_register(sqlite3 *h);
/* ... and kz_lead(text, n), the first n bytes of text's first token as
 * FTS5 cuts it (search_doc.lead1 and lead2, migration 16). */

/* Whether kz_tier_is answers as FTS5 for this query: words of ASCII
 * letters and digits only, each one token for any tokenizer. */
bool kz_match_plain(const char *fts_query);

#endif
