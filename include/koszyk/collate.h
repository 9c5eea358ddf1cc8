/* Polish alphabetical order (ICU's collator for "pl"): Ł after L, Ś after
 * S, Ż after Ź after Z; case matters only between otherwise equal words.
 * The data layer registers it on every connection as the collation
 * KZ_PL, with kz_person_key() for people (db.c); lists sorted in C use
 * kz_collate. */
#ifndef KOSZYK_COLLATE_H
#define KOSZYK_COLLATE_H

#include <stddef.h>

/* <0, 0, >0 as strcmp, in Polish order; NULL sorts first. Without a
 * working collator, the bytes' order. */
int kz_collate(const char *a, const char *b);
int kz_collate_n(const char *a, int alen, const char *b, int blen);

/* A key whose bytes (memcmp, then the shorter first) sort as
 * kz_collate_n sorts the texts: ICU's sort key, then the text itself.
 * Stored beside records so that lists walk an index in Polish order. A
 * new buffer of *out_len bytes. */
unsigned char *kz_collate_key(const char *s, size_t len, size_t *out_len);

/* The key a person's name sorts by: the surname (the last word) first,
 * then the rest ("Anna Maria Nowak" gives "Nowak Anna Maria"). A new
 * string; NULL gives "". */
char *kz_person_key(const char *name);

#endif
