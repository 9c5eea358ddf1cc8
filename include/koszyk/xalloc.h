/* Allocation that never returns NULL: on exhaustion the fatal hook runs
 * (the UI registers one that restores the terminal) and the program aborts. */
#ifndef KOSZYK_XALLOC_H
#define KOSZYK_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* xstrdup that maps NULL to NULL. */
char *xstrdup_or_null(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called once before a fatal exit (out of memory, die()). */
void kz_set_fatal_hook(void (*hook)(void));
_Noreturn void kz_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Replace *dst with a copy of src (NULL allowed), freeing the old value. */
void kz_str_set(char **dst, const char *src);

#endif
