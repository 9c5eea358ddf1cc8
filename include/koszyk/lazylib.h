/* Libraries that only some work needs, loaded at their first use and not
 * at every start: ICU (the Polish alphabetical order) and libxlsxwriter
 * (workbooks) cost the dynamic loader more than half of a start of
 * koszyk, and most runs use neither (issue 14). systemd loads its
 * optional libraries the same way. */
#ifndef KOSZYK_LAZYLIB_H
#define KOSZYK_LAZYLIB_H

#include <stdbool.h>
#include <stddef.h>

/* The library of this file name (its soname), loaded once; NULL when it
 * cannot be, with the loader's reason in why. */
void *kz_lazylib_open(const char *soname, char *why, size_t why_len);

/* Set the function pointer at fn (of size bytes, a pointer's) to the
 * function name of the library; false, with the reason in why, when it
 * has none. */
bool kz_lazylib_sym(void *lib, const char *name, void *fn, size_t size,
		    char *why, size_t why_len);

/* The name of a function as the library exports it, after the header's
 * renaming macros (ICU's ucol_open is ucol_open_72); as well any macro's
 * value as a string (ICU's major version in its soname). */
#define KZ_LAZY_NAME(f) KZ_LAZY_NAME_(f)
#define KZ_LAZY_NAME_(f) #f

#endif
