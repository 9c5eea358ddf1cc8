/* RFC 4180 CSV: reading with row/column positions for error messages,
 * writing with quoting where needed. */
#ifndef KOSZYK_CSV_H
#define KOSZYK_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "koszyk/buf.h"
#include "koszyk/status.h"

struct kz_csv_reader;

/* How a file is written: what Polish Excel saves is Windows-1250 with
 * semicolons; koszyk writes UTF-8 with commas. */
enum kz_csv_encoding {
	KZ_CSV_DETECT,  /* UTF-8 when it is, else Windows-1250 */
	KZ_CSV_UTF8,
	KZ_CSV_CP1250,
};

struct kz_csv_format {
	enum kz_csv_encoding encoding;
	char separator;  /* ',' or ';'; 0: the one the header line uses most */
};

/* "utf-8", "utf8", "cp1250", "windows-1250" (any case). */
bool kz_csv_encoding_parse(const char *s, enum kz_csv_encoding *out);
/* ";" or "," (also "semicolon", "comma"). */
bool kz_csv_separator_parse(const char *s, char *out);
/* "UTF-8" or "Windows-1250 (cp1250)". */
const char *kz_csv_encoding_name(enum kz_csv_encoding e);

/* The file's text as UTF-8 in the format want asks for (NULL: detect
 * both), what was used in *used. Windows-1250 is converted into *out
 * (allocated, *outlen bytes); UTF-8 is left where it is (*out NULL).
 * Detection: a file that is valid UTF-8, starts with a BOM, or has
 * UTF-8 letters in it (a damaged UTF-8 file, told where by the reader) is
 * UTF-8; any other is Windows-1250. A byte Windows-1250 does not have is
 * KZ_INVALID with the line. */
enum kz_status kz_csv_decode(const char *data, size_t len, const char *name,
			     const struct kz_csv_format *want, char **out,
			     size_t *outlen, struct kz_csv_format *used,
			     struct kz_error *err);

/* Reads from a memory buffer (the whole file). name is used in messages. */
struct kz_csv_reader *kz_csv_open(const char *data, size_t len,
				  const char *name);
void kz_csv_close(struct kz_csv_reader *r);
/* The separator between columns (',' unless set). */
void kz_csv_set_separator(struct kz_csv_reader *r, char sep);

/* The next record: *fields (owned by the reader, valid until the next
 * call) and *n. Returns KZ_OK, KZ_NOT_FOUND at the end, or KZ_INVALID
 * with "name: row R, column C: ..." (broken quote, invalid UTF-8). */
enum kz_status kz_csv_next(struct kz_csv_reader *r, char ***fields,
			   size_t *n, struct kz_error *err);
/* The 1-based record number of the record last returned (the header is
 * row 1) and the line it started on. */
size_t kz_csv_row(const struct kz_csv_reader *r);
size_t kz_csv_line(const struct kz_csv_reader *r);
/* How far into the data the reader has read (bytes). */
size_t kz_csv_offset(const struct kz_csv_reader *r);

/* Name the columns (usually the header just read; copied). From then on
 * messages say column "title" instead of column 2, and every record must
 * have exactly n fields (KZ_INVALID otherwise). */
void kz_csv_set_columns(struct kz_csv_reader *r,
			const char *const *names, size_t n);

/* Append one field / end a record (CRLF, as RFC 4180 says). A value a
 * spreadsheet would evaluate as a formula (it begins with = + - @, a tab
 * or a carriage return), or one that begins with an apostrophe, is
 * written after an apostrophe, in quotes; the reader takes the apostrophe
 * off again, so that export and import give back the same text. */
void kz_csv_field(struct kz_buf *b, const char *value, int first);
/* The same with another separator (';' for Excel). */
void kz_csv_field_sep(struct kz_buf *b, const char *value, int first,
		      char sep);
void kz_csv_end(struct kz_buf *b);

#endif
