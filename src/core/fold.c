#include "koszyk/fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/buf.h"
#include "koszyk/xalloc.h"

/* Latin letters with diacritics and their ASCII base, by code point range
 * (Latin-1 Supplement and Latin Extended-A). */
static const struct {
	uint32_t first, last;
	const char *ascii;
} latin_ranges[] = {
	{ 0xC0, 0xC5, "a" }, { 0xC6, 0xC6, "ae" }, { 0xC7, 0xC7, "c" },
	{ 0xC8, 0xCB, "e" }, { 0xCC, 0xCF, "i" }, { 0xD0, 0xD0, "d" },
	{ 0xD1, 0xD1, "n" }, { 0xD2, 0xD6, "o" }, { 0xD7, 0xD7, " " },
	{ 0xD8, 0xD8, "o" }, { 0xD9, 0xDC, "u" }, { 0xDD, 0xDD, "y" },
	{ 0xDE, 0xDE, "th" }, { 0xDF, 0xDF, "ss" }, { 0xE0, 0xE5, "a" },
	{ 0xE6, 0xE6, "ae" }, { 0xE7, 0xE7, "c" }, { 0xE8, 0xEB, "e" },
	{ 0xEC, 0xEF, "i" }, { 0xF0, 0xF0, "d" }, { 0xF1, 0xF1, "n" },
	{ 0xF2, 0xF6, "o" }, { 0xF7, 0xF7, " " }, { 0xF8, 0xF8, "o" },
	{ 0xF9, 0xFC, "u" }, { 0xFD, 0xFD, "y" }, { 0xFE, 0xFE, "th" },
	{ 0xFF, 0xFF, "y" },
	{ 0x100, 0x105, "a" }, { 0x106, 0x10D, "c" }, { 0x10E, 0x111, "d" },
	{ 0x112, 0x11B, "e" }, { 0x11C, 0x123, "g" }, { 0x124, 0x127, "h" },
	{ 0x128, 0x131, "i" }, { 0x132, 0x133, "ij" }, { 0x134, 0x135, "j" },
	{ 0x136, 0x138, "k" }, { 0x139, 0x142, "l" }, { 0x143, 0x14B, "n" },
	{ 0x14C, 0x151, "o" }, { 0x152, 0x153, "oe" }, { 0x154, 0x159, "r" },
	{ 0x15A, 0x161, "s" }, { 0x162, 0x167, "t" }, { 0x168, 0x173, "u" },
	{ 0x174, 0x175, "w" }, { 0x176, 0x178, "y" }, { 0x179, 0x17E, "z" },
	{ 0x17F, 0x17F, "s" },
};

/* Decode one UTF-8 sequence at s (n bytes available). Returns its length,
 * or 0 when it is not valid UTF-8. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	uint32_t c, min;
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2; c = s[0] & 0x1F; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; c = s[0] & 0x0F; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

static void utf8_encode(struct kz_buf *b, uint32_t c)
{
	char out[4];
	size_t n;

	if (c < 0x80) {
		out[0] = (char)c; n = 1;
	} else if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F)); n = 2;
	} else if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F)); n = 3;
	} else {
		out[0] = (char)(0xF0 | (c >> 18));
		out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[3] = (char)(0x80 | (c & 0x3F)); n = 4;
	}
	kz_buf_add(b, out, n);
}

/* Lower case for the scripts people in a Polish gmina write in besides
 * Latin: Greek and Cyrillic (Ukrainian included). */
static uint32_t lower_other(uint32_t c)
{
	if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	if (c >= 0x460 && c <= 0x4FF && c % 2 == 0)
		return c + 1;
	return c;
}

static void fold_codepoint(struct kz_buf *b, uint32_t c)
{
	if (c < 0x80) {
		kz_buf_putc(b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
		return;
	}
	if (c < 0xC0 || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 ||
	    c == KZ_FTS_LEAD_CP || c == KZ_FTS_WORD_CP) {
		/* no-break space, Latin-1 symbols, general punctuation
		 * („ ” – — …): separators; and the search index's marks of a
		 * title's words, which no other text may hold */
		kz_buf_putc(b, ' ');
		return;
	}
	if (c <= 0x17F) {
		for (size_t i = 0; i < sizeof(latin_ranges) / sizeof(latin_ranges[0]); i++) {
			if (c >= latin_ranges[i].first && c <= latin_ranges[i].last) {
				kz_buf_puts(b, latin_ranges[i].ascii);
				return;
			}
		}
	}
	utf8_encode(b, lower_other(c));
}

char *kz_fold(const char *s)
{
	struct kz_buf b = KZ_BUF_INIT;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);

	while (n) {
		uint32_t c;
		size_t len = utf8_decode(p, n, &c);
		if (!len) {
			p++, n--;
			continue;
		}
		fold_codepoint(&b, c);
		p += len, n -= len;
	}
	return kz_buf_detach(&b);
}

char *kz_fold_key(const char *s)
{
	char *f = kz_fold(s);
	char *w = f;
	bool space = true;  /* drops leading blanks */

	for (const char *r = f; *r; r++) {
		bool blank = *r == ' ' || *r == '\t' || *r == '\n' || *r == '\r';
		if (blank) {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	if (w > f && w[-1] == ' ')
		w--;
	*w = '\0';
	return f;
}

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

size_t kz_query_words(const char *query, char ***words)
{
	char *folded = kz_fold(query);
	char **v = xcalloc(1, sizeof(*v));
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)folded;

	while (*p) {
		while (*p && !is_word_byte(*p))
			p++;
		const unsigned char *start = p;
		while (*p && is_word_byte(*p))
			p++;
		if (p > start) {
			v = xreallocarray(v, n + 2, sizeof(*v));
			v[n++] = xstrndup((const char *)start, (size_t)(p - start));
			v[n] = NULL;
		}
	}
	free(folded);
	*words = v;
	return n;
}

void kz_words_free(char **words)
{
	if (!words)
		return;
	for (char **w = words; *w; w++)
		free(*w);
	free(words);
}

char *kz_fts_query(const char *query)
{
	char **words;
	struct kz_buf b = KZ_BUF_INIT;

	if (!kz_query_words(query, &words)) {
		kz_words_free(words);
		return NULL;
	}
	for (char **w = words; *w; w++) {
		if (b.len)
			kz_buf_putc(&b, ' ');
		/* Words hold no '"', so quoting makes every word plain text
		 * for FTS5: no operators, no column filters. */
		kz_buf_putc(&b, '"');
		kz_buf_puts(&b, *w);
		kz_buf_puts(&b, "\"*");
	}
	kz_words_free(words);
	return kz_buf_detach(&b);
}

bool kz_words_prefix_all(const char *folded_text, char *const *words)
{
	for (char *const *w = words; *w; w++) {
		size_t wl = strlen(*w);
		const unsigned char *p = (const unsigned char *)folded_text;
		bool found = false;

		while (*p && !found) {
			while (*p && !is_word_byte(*p))
				p++;
			const unsigned char *start = p;
			while (*p && is_word_byte(*p))
				p++;
			if ((size_t)(p - start) >= wl && memcmp(start, *w, wl) == 0)
				found = true;
		}
		if (!found)
			return false;
	}
	return true;
}

bool kz_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		uint32_t c;
		size_t n = utf8_decode(p + i, len - i, &c);
		if (!n) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += n;
	}
	return true;
}

size_t kz_utf8_len(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}
