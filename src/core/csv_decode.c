/* What a CSV file is written in: UTF-8 (with or without a BOM) as koszyk
 * writes it, or Windows-1250 with semicolons as Polish Excel saves it.
 * Windows-1250 is converted into UTF-8 with iconv(3) before the reader
 * (csv.c) sees the text; the separator is the one the header line uses
 * most outside quotes. */
#include "koszyk/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

bool kz_csv_encoding_parse(const char *s, enum kz_csv_encoding *out)
{
	static const struct {
		const char *name;
		enum kz_csv_encoding e;
	} names[] = {
		{ "utf-8", KZ_CSV_UTF8 },
		{ "utf8", KZ_CSV_UTF8 },
		{ "cp1250", KZ_CSV_CP1250 },
		{ "windows-1250", KZ_CSV_CP1250 },
	};

	for (size_t i = 0; s && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].e;
			return true;
		}
	return false;
}

bool kz_csv_separator_parse(const char *s, char *out)
{
	if (!s)
		return false;
	if (strcmp(s, ";") == 0 || strcasecmp(s, "semicolon") == 0)
		*out = ';';
	else if (strcmp(s, ",") == 0 || strcasecmp(s, "comma") == 0)
		*out = ',';
	else
		return false;
	return true;
}

const char *kz_csv_encoding_name(enum kz_csv_encoding e)
{
	return e == KZ_CSV_CP1250 ? "Windows-1250 (cp1250)" : "UTF-8";
}

/* --- the encoding ------------------------------------------------------- */

static bool starts_with(const char *data, size_t len, const char *p, size_t n)
{
	return len >= n && memcmp(data, p, n) == 0;
}

/* A UTF-8 letter of Latin text (U+00C0..U+017F: Polish letters among
 * them) or general punctuation (dashes, quotes) at p: Windows-1250 text
 * has these byte pairs only in words of other languages. */
static bool utf8_latin_at(const unsigned char *p, size_t left)
{
	if (left >= 2 && p[0] >= 0xC3 && p[0] <= 0xC5 &&
	    (p[1] & 0xC0) == 0x80)
		return true;
	return left >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
	       (p[2] & 0xC0) == 0x80;
}

static bool has_utf8_letters(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;

	for (size_t i = 0; i < len; i++)
		if (p[i] >= 0xC3 && utf8_latin_at(p + i, len - i))
			return true;
	return false;
}

/* UTF-8 unless the text is plainly something else than damaged UTF-8
 * (the reader names the damage) or another thing it refuses (UTF-16, a
 * spreadsheet, zero bytes). */
static enum kz_csv_encoding detect_encoding(const char *data, size_t len)
{
	if (starts_with(data, len, "\xEF\xBB\xBF", 3) ||
	    starts_with(data, len, "\xFF\xFE", 2) ||
	    starts_with(data, len, "\xFE\xFF", 2) ||
	    starts_with(data, len, "PK\x03\x04", 4) ||
	    memchr(data, '\0', len) || kz_utf8_valid(data, len, NULL) ||
	    has_utf8_letters(data, len))
		return KZ_CSV_UTF8;
	return KZ_CSV_CP1250;
}

static size_t line_of(const char *data, size_t offset)
{
	size_t line = 1;

	for (size_t i = 0; i < offset; i++)
		if (data[i] == '\n' ||
		    (data[i] == '\r' && data[i + 1] != '\n'))
			line++;
	return line;
}

/* Windows-1250 into UTF-8 (at most 3 bytes a character). */
static enum kz_status from_cp1250(const char *data, size_t len,
				  const char *name, char **out,
				  size_t *outlen, struct kz_error *err)
{
	iconv_t cd = iconv_open("UTF-8", "CP1250");
	char *in = (char *)data, *buf, *o;
	size_t inleft = len, outleft = 3 * len + 1;

	if (cd == (iconv_t)-1)
		return kz_fail(err, KZ_ENV,
			       _("cannot read Windows-1250 (cp1250) on this computer: %s"),
			       strerror(errno));
	buf = o = xmalloc(outleft);
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		size_t at = (size_t)(in - data);

		iconv_close(cd);
		free(buf);
		return kz_fail(err, KZ_INVALID,
			       _("%s: line %zu: the file is neither UTF-8 nor Windows-1250 (cp1250) — save it as \"CSV UTF-8\" and try again"),
			       name, line_of(data, at));
	}
	iconv_close(cd);
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return KZ_OK;
}

/* --- the separator ------------------------------------------------------ */

/* ';' when the header line (the first line outside quotes) has more
 * semicolons than commas outside quotes, ',' otherwise. */
static char detect_separator(const char *data, size_t len)
{
	size_t commas = 0, semicolons = 0;
	bool quoted = false;

	for (size_t i = 0; i < len; i++) {
		char c = data[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ',')
			commas++;
		else if (!quoted && c == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

enum kz_status kz_csv_decode(const char *data, size_t len, const char *name,
			     const struct kz_csv_format *want, char **out,
			     size_t *outlen, struct kz_csv_format *used,
			     struct kz_error *err)
{
	static const struct kz_csv_format detect = { KZ_CSV_DETECT, 0 };
	enum kz_status st = KZ_OK;

	*out = NULL;
	*outlen = 0;
	if (!want)
		want = &detect;
	used->encoding = want->encoding != KZ_CSV_DETECT ? want->encoding :
			 detect_encoding(data, len);
	if (used->encoding == KZ_CSV_CP1250)
		st = from_cp1250(data, len, name ? name : "CSV", out, outlen,
				 err);
	if (st != KZ_OK)
		return st;
	used->separator = want->separator ? want->separator :
			  *out ? detect_separator(*out, *outlen) :
				 detect_separator(data, len);
	return KZ_OK;
}
