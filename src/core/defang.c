/* Text from data never drives a terminal: control characters (C0 but
 * newline and tab, DEL, C1), bidirectional overrides and marks, and
 * invalid UTF-8 become '?' in text meant for a terminal or a text file.
 * JSON, HTML and CSV escape in their own ways and are not passed here. */
#include <stdint.h>
#include <string.h>

#include "koszyk/defang.h"

bool kz_is_bidi_control(uint32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* The length of the UTF-8 sequence that starts s (n bytes there) and its
 * code point; 0: invalid; -1: cut short (more bytes may follow). */
static int utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	int len;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and beyond Unicode are invalid. */
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t kz_defang(struct kz_buf *out, const char *text, size_t len, bool more)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	while (i < len) {
		uint32_t c = 0;
		int n = utf8_next(s + i, len - i, &c);
		if (n < 0) {
			if (more)
				return i; /* the rest comes with the next piece */
			n = 0;
		}
		if (n == 0) {
			kz_buf_putc(out, '?');
			i++;
			continue;
		}
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ||
		    (c >= 0x80 && c <= 0x9F) || kz_is_bidi_control(c))
			kz_buf_putc(out, '?');
		else
			kz_buf_add(out, text + i, (size_t)n);
		i += (size_t)n;
	}
	return i;
}
