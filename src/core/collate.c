/* Polish alphabetical order with ICU's collator. */
#include "koszyk/collate.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "koszyk/lazylib.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* ICU, loaded at the first comparison (koszyk/lazylib.h): a list read
 * from its stored order, a search or a report of counts never loads it. */
static struct {
	__typeof__(ucol_open) *open;
	__typeof__(ucol_close) *close;
	__typeof__(ucol_strcollUTF8) *strcoll_utf8;
	__typeof__(ucol_getSortKey) *sort_key;
	__typeof__(u_strFromUTF8WithSub) *from_utf8;
} icu;

#define ICU_SYM(lib, member, f, why) \
	kz_lazylib_sym(lib, KZ_LAZY_NAME(f), &icu.member, sizeof(icu.member), \
		       why, sizeof(why))

static bool load_icu(void)
{
	char why[256];
	void *lib = kz_lazylib_open("libicui18n.so." KZ_LAZY_NAME(U_ICU_VERSION_MAJOR_NUM),
				    why, sizeof(why));

	return lib && ICU_SYM(lib, open, ucol_open, why) &&
	       ICU_SYM(lib, close, ucol_close, why) &&
	       ICU_SYM(lib, strcoll_utf8, ucol_strcollUTF8, why) &&
	       ICU_SYM(lib, sort_key, ucol_getSortKey, why) &&
	       ICU_SYM(lib, from_utf8, u_strFromUTF8WithSub, why);
}

/* One collator for the program, opened at the first comparison. ICU's
 * comparing functions do not change the collator. Without ICU (not
 * installed, which the package prevents) texts order by their bytes. */
static UCollator *collator(void)
{
	static UCollator *coll;
	static int tried;

	if (!tried) {
		UErrorCode status = U_ZERO_ERROR;
		tried = 1;
		if (!load_icu())
			return NULL;
		coll = icu.open("pl", &status);
		if (U_FAILURE(status)) {
			if (coll)
				icu.close(coll);
			coll = NULL;
		}
	}
	return coll;
}

static int bytes_order(const char *a, int alen, const char *b, int blen)
{
	int n = alen < blen ? alen : blen;
	int c = memcmp(a, b, (size_t)n);

	return c ? c : (alen > blen) - (alen < blen);
}

int kz_collate_n(const char *a, int alen, const char *b, int blen)
{
	UCollator *coll = collator();
	UErrorCode status = U_ZERO_ERROR;
	UCollationResult r;

	if (!coll)
		return bytes_order(a, alen, b, blen);
	r = icu.strcoll_utf8(coll, a, alen, b, blen, &status);
	if (U_FAILURE(status))
		return bytes_order(a, alen, b, blen);
	if (r == UCOL_EQUAL)  /* equal for the reader: a stable order still */
		return bytes_order(a, alen, b, blen);
	return r == UCOL_LESS ? -1 : 1;
}

/* ICU's sort key of s (len bytes of UTF-8), with its closing zero; NULL
 * without a collator. Invalid bytes count as U+FFFD, as for
 * ucol_strcollUTF8. */
static uint8_t *icu_key(const char *s, int len, size_t *klen)
{
	UCollator *coll = collator();
	UErrorCode status = U_ZERO_ERROR;
	int32_t ulen = 0, n;
	UChar *u;
	uint8_t *key;

	if (!coll)
		return NULL;
	icu.from_utf8(NULL, 0, &ulen, s, len, 0xFFFD, NULL, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	status = U_ZERO_ERROR;
	u = xreallocarray(NULL, (size_t)ulen + 1, sizeof(*u));
	icu.from_utf8(u, ulen + 1, NULL, s, len, 0xFFFD, NULL, &status);
	n = U_FAILURE(status) ? 0 : icu.sort_key(coll, u, ulen, NULL, 0);
	key = n > 0 ? xmalloc((size_t)n) : NULL;
	if (key)
		icu.sort_key(coll, u, ulen, key, n);
	free(u);
	*klen = (size_t)n;
	return key;
}

unsigned char *kz_collate_key(const char *s, size_t len, size_t *out_len)
{
	size_t klen = 0;
	uint8_t *key = icu_key(s, (int)len, &klen);
	unsigned char *out = xmalloc(klen + len + 1);

	/* ICU's key holds no zero but its last byte, so comparing the keys
	 * stops there and the text's own bytes decide only between texts
	 * the collator finds equal, as kz_collate_n does. */
	if (key)
		memcpy(out, key, klen);
	memcpy(out + klen, s, len);
	free(key);
	*out_len = klen + len;
	return out;
}

int kz_collate(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return kz_collate_n(a, (int)strlen(a), b, (int)strlen(b));
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* [from, to) without the blanks at either end. */
static void trim_span(const char *s, size_t *from, size_t *to)
{
	while (*from < *to && blank(s[*from]))
		(*from)++;
	while (*to > *from && blank(s[*to - 1]))
		(*to)--;
}

char *kz_person_key(const char *name)
{
	size_t len, cut, start, end, first = 0, rest, note;

	if (!name)
		return xstrdup("");
	len = strlen(name);
	/* A note in brackets ("Andrzej (rzecznik grupy)") is no surname. */
	cut = strcspn(name, "(");
	end = cut;
	trim_span(name, &first, &end);
	if (first == end) {
		end = len;
		cut = len;
		trim_span(name, &first, &end);
	}
	start = end;
	while (start > first && !blank(name[start - 1]))
		start--;
	rest = start;
	trim_span(name, &first, &rest);
	note = cut;
	size_t note_end = len;
	trim_span(name, &note, &note_end);
	return xasprintf("%.*s%s%.*s%s%.*s", (int)(end - start), name + start,
			 rest > first ? " " : "", (int)(rest - first), name + first,
			 note_end > note ? " " : "", (int)(note_end - note), name + note);
}
