/* Folding text for search: lower case, Polish (and other Latin) letters
 * reduced to ASCII, so that "zlobek" finds "Żłobek" and "lodz" finds "Łódź".
 * Letters of other scripts are lower-cased and kept. */
#ifndef KOSZYK_FOLD_H
#define KOSZYK_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* A newly allocated folded copy of s (NULL gives ""). Invalid UTF-8 bytes
 * are dropped. */
char *kz_fold(const char *s);

/* The folded text with runs of blanks made one space and no blanks at
 * either end: the key under which names are compared ("Stowarzyszenie
 * „Krok”" equals "stowarzyszenie krok"). */
char *kz_fold_key(const char *s);

/* Split the folded query into words (runs of letters and digits); every
 * other character is a separator, so quotes, '*', '-' and SQL fragments are
 * just text. Returns the number of words; *words is a NULL-terminated
 * allocated array to free with kz_words_free. */
size_t kz_query_words(const char *query, char ***words);
void kz_words_free(char **words);

/* An FTS5 MATCH expression in which every word is a quoted prefix term,
 * all required: "zlobek"* "miejski"*. NULL when the query has no words. */
char *kz_fts_query(const char *query);

/* The search index marks the first word of a title: "ǂpomoc" (U+01C2 and
 * the word) is a word of the title column of every title that begins with
 * "pomoc" (src/db/match.c). kz_fold makes the mark a separator, so that
 * no other text and no query holds it. */
#define KZ_FTS_LEAD_CP 0x01C2
#define KZ_FTS_LEAD "\xc7\x82"
/* And every word of a title again after the mark U+01C1 ("ǁpomoc"): the
 * records whose title holds a word are one short list, where {title} :
 * "pomoc"* walked every record holding it anywhere. Also a separator to
 * kz_fold. */
#define KZ_FTS_WORD_CP 0x01C1
#define KZ_FTS_WORD "\xc7\x81"

/* True when every word of the folded query is a prefix of some word of
 * the folded text. */
bool kz_words_prefix_all(const char *folded_text, char *const *words);

/* UTF-8 validation; on failure *bad_offset (if given) is the byte offset
 * of the first invalid sequence. */
bool kz_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Number of code points. */
size_t kz_utf8_len(const char *s);

#endif
