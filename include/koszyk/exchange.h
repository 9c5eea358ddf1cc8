/* Import and export of the basket: CSV (RFC 4180), JSON, Markdown and a
 * self-contained HTML page. */
#ifndef KOSZYK_EXCHANGE_H
#define KOSZYK_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/csv.h"
#include "koszyk/db.h"
#include "koszyk/kinds.h"


/* The CSV columns of a kind in the order export writes them
 * (NULL-terminated): "id" and the kind's fields (src/io/columns.c). */
const char *const *kz_csv_columns(enum kz_kind kind);
/* The field a column other than "id" fills; NULL for a column that is not
 * one field (a service's provider and contact, given by name). */
const char *kz_csv_field_of_column(enum kz_kind kind, const char *column);

/* The field a column comes from, renamed ones too (a service's
 * "provider": provider_id); NULL for "id". */
const struct kz_field *kz_csv_column_field(enum kz_kind kind,
					   const char *column);

struct kz_import_result {
	size_t inserted;
	size_t updated;
	/* How the file was read; decoded: once that was known (set even
	 * when a row is refused later). */
	struct kz_csv_format format;
	bool decoded;
};

/* Import a CSV file: header row first, columns in any order, unknown
 * column is an error; a row whose id exists updates that record. All rows
 * in one transaction: on any error nothing is written and the message
 * names the file, row and column. want: the encoding and separator, what
 * is 0 (or want NULL) detected (kz_csv_decode). */
enum kz_status kz_import_csv(struct kz_db *db, const struct kz_config *cfg,
			     enum kz_kind kind, const char *path,
			     const struct kz_csv_format *want,
			     struct kz_import_result *res,
			     struct kz_error *err);
/* The same from memory, detecting as kz_import_csv does (name is used in
 * messages). */
enum kz_status kz_import_csv_text(struct kz_db *db,
				  const struct kz_config *cfg,
				  enum kz_kind kind, const char *data,
				  size_t len, const char *name,
				  const struct kz_csv_format *want,
				  struct kz_import_result *res,
				  struct kz_error *err);
/* The same from memory, UTF-8 with commas only (name is used in
 * messages). */
enum kz_status kz_import_csv_data(struct kz_db *db,
				  const struct kz_config *cfg,
				  enum kz_kind kind, const char *data,
				  size_t len, const char *name,
				  struct kz_import_result *res,
				  struct kz_error *err);

/* "Read as cp1250 with ';' between columns." once the file was decoded,
 * else NULL; "Imported FILE: 2 new, 1 updated." Allocated. */
char *kz_import_csv_format_text(const struct kz_import_result *res);
char *kz_import_csv_done_text(const char *path,
			      const struct kz_import_result *res);

/* Write an export to path (mode 0644, atomically); text: a text file,
 * its control characters made harmless as on a terminal (not for a
 * workbook). */
enum kz_status kz_export_write(const char *path, const char *data, size_t len,
			       bool text, struct kz_error *err);

enum kz_export_format {
	KZ_EXPORT_CSV_SERVICES,
	KZ_EXPORT_CSV_PARTNERS,
	KZ_EXPORT_JSON,
	KZ_EXPORT_MD,
	KZ_EXPORT_HTML,
};


/* The records of one kind as a JSON array of the same objects as the JSON
 * export (kind, id, title, every field, labels, stamp; services also
 * "stale"). include_archived applies to services; partners (may be
 * NULL) narrows the partners as kz_partner_list does. */
enum kz_status kz_export_json_list(struct kz_db *db,
				   const struct kz_config *cfg,
				   enum kz_kind kind,
				   bool include_archived,
				   const struct kz_partner_filter *partners,
				   struct kz_buf *out, struct kz_error *err);

/* Write the export into out. JSON, Markdown and HTML hold the whole
 * basket (active and suspended services) with partners and contacts. */
enum kz_status kz_export(struct kz_db *db, const struct kz_config *cfg,
			 enum kz_export_format fmt, struct kz_buf *out,
			 struct kz_error *err);

/* The CSV of services or partners as a spreadsheet opened by a double
 * click reads it: a UTF-8 BOM, ';' between the values, CRLF; the same
 * columns and guard against formulas as KZ_EXPORT_CSV_*. */
enum kz_status kz_export_csv_excel(struct kz_db *db, enum kz_kind kind,
				   struct kz_buf *out, struct kz_error *err);

/* Every service (archived ones too), partner or contact person, one
 * call a record with the texts of the kind's columns (kz_csv_columns),
 * in the order of the CSV export; references are given by name. */
typedef enum kz_status (*kz_export_row_fn)(void *ctx, enum kz_kind kind,
					   const char *const *values,
					   struct kz_error *err);
enum kz_status kz_export_rows(struct kz_db *db, kz_export_row_fn fn,
			      void *ctx, struct kz_error *err);

/* The basket as an Excel workbook (.xlsx) in out: a sheet for services,
 * partners and contact persons, a bold frozen header row, widths from
 * the content, dates as dates, every other value as text (never a
 * formula). */
enum kz_status kz_export_xlsx(struct kz_db *db, struct kz_buf *out,
			      struct kz_error *err);

#endif
