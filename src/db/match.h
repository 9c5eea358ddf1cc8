/* kz_lead, for migration 16 (match.c). */
#ifndef KOSZYK_MATCH_H
#define KOSZYK_MATCH_H

#include <sqlite3.h>

/* Registers kz_lead(text, n) on a connection: the first n bytes of
 * text's first token as FTS5 cuts it. */
int kz_match_register(sqlite3 *h);

#endif
