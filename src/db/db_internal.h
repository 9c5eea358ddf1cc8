/* Shared by the modules of the data layer (src/db, src/io); never by the
 * UI. */
#ifndef KOSZYK_DB_INTERNAL_H
#define KOSZYK_DB_INTERNAL_H

#include <sqlite3.h>

#include "koszyk/db.h"

const char *const *kz_db_migration(int version);

/* A prepared statement from the connection's cache, reset and with its
 * bindings cleared. sql must be a string literal (or otherwise live as
 * long as the connection). Returns NULL and fills err on failure. */
sqlite3_stmt *kz_db_stmt(struct kz_db *db, const char *sql,
			 struct kz_error *err);

/* Bind text, NULL for NULL or "". */
int kz_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* A heap copy of a text column, NULL for NULL. */
char *kz_column_dup(sqlite3_stmt *st, int col);

#endif
