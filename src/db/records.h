#ifndef KOSZYK_RECORDS_H
#define KOSZYK_RECORDS_H

#include "db_internal.h"
#include "koszyk/basket.h"
#include "koszyk/model.h"

/* A table of records described by a field table. The SQL texts are built
 * once from the fields. */
struct kz_table {
	const char *name;        /* SQL table */
	const char *kind;        /* audit kind: "service", ... */
	const struct kz_field *fields;
	size_t nfields;
	size_t id_off;           /* offset of char id[KZ_ID_LEN + 1] */
	size_t stamp_off;        /* offset of struct kz_stamp */
	char *select_sql, *insert_sql, *update_sql;
};

enum kz_status kz_record_load(struct kz_db *db, struct kz_table *t,
			      const char *id, void *rec, struct kz_error *err);
/* Trim one-line fields, turn "" into NULL, check every field. */
enum kz_status kz_record_validate(const struct kz_table *t, void *rec,
				  struct kz_error *err);
/* Insert (a new id when the record's id is empty) and audit. */
enum kz_status kz_record_insert(struct kz_db *db, struct kz_table *t,
				void *rec, const char *summary,
				struct kz_error *err);
/* Update with the revision check; stored receives the stored version
 * (zeroed record of the same type, cleared by the caller). rev 0 in rec
 * means "whatever is stored". */
enum kz_status kz_record_update(struct kz_db *db, struct kz_table *t,
				void *rec, void *stored, struct kz_error *err);

struct kz_row *kz_rows_push(struct kz_rows *rows, size_t *cap);

#endif
