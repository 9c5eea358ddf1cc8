/* Libraries loaded at their first use (see koszyk/lazylib.h). */
#include "koszyk/lazylib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

void *kz_lazylib_open(const char *soname, char *why, size_t why_len)
{
	void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);

	if (!lib)
		snprintf(why, why_len, "%s", dlerror());
	return lib;
}

bool kz_lazylib_sym(void *lib, const char *name, void *fn, size_t size,
		    char *why, size_t why_len)
{
	void *sym;

	dlerror();
	sym = dlsym(lib, name);
	if (!sym || size != sizeof(sym)) {
		const char *e = dlerror();
		snprintf(why, why_len, "%s", e ? e : name);
		return false;
	}
	/* POSIX: a function's address from dlsym, copied as bytes (ISO C
	 * has no conversion from an object pointer to a function's). */
	memcpy(fn, &sym, sizeof(sym));
	return true;
}
