/* RFC 4180 CSV: reading with row/column positions for error messages,
 * writing with quoting where needed. */
#ifndef KOSZYK_CSV_H
#define KOSZYK_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "koszyk/buf.h"
#include "koszyk/status.h"

struct kz_csv_reader;

/* Reads from a memory buffer (the whole file). name is used in messages. */
struct kz_csv_reader *kz_csv_open(const char *data, size_t len,
				  const char *name);
void kz_csv_close(struct kz_csv_reader *r);

/* The next record: *fields (owned by the reader, valid until the next
 * call) and *n. Returns KZ_OK, KZ_NOT_FOUND at the end, or KZ_INVALID
 * with "name: row R, column C: ..." (broken quote, invalid UTF-8). */
enum kz_status kz_csv_next(struct kz_csv_reader *r, char ***fields,
			   size_t *n, struct kz_error *err);
/* The 1-based record number of the record last returned (the header is
 * row 1) and the line it started on. */
size_t kz_csv_row(const struct kz_csv_reader *r);
size_t kz_csv_line(const struct kz_csv_reader *r);

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
void kz_csv_end(struct kz_buf *b);

#endif
