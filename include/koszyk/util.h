/* Small helpers that have no better home: ids, dates, paths. */
#ifndef KOSZYK_UTIL_H
#define KOSZYK_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "koszyk/status.h"

#define KZ_ID_LEN 36

/* A random (version 4) UUID in lower-case text, into out[KZ_ID_LEN + 1]. */
void kz_uuid(char out[KZ_ID_LEN + 1]);
bool kz_is_uuid(const char *s);

/* Today's date as YYYY-MM-DD in local time; KOSZYK_TODAY=YYYY-MM-DD
 * overrides it (for tests and demos). */
void kz_today(char out[11]);
/* Now as an ISO 8601 UTC timestamp with milliseconds. */
void kz_now_iso(char out[32]);
/* Strict YYYY-MM-DD with a real calendar day. */
bool kz_date_valid(const char *s);
/* A date as people write it: YYYY-MM-DD, DD.MM.YYYY or D.M.YYYY, blanks
 * around it allowed; a real calendar day goes to out as YYYY-MM-DD. */
bool kz_date_parse(const char *s, char out[11]);
/* Days from a to b (b - a), both valid dates. */
long kz_date_diff_days(const char *a, const char *b);
/* date + days, into out[11]. */
void kz_date_add_days(const char *date, long days, char out[11]);
/* date + calendar months, into out[11]: the same day of the month, or the
 * last day of a shorter month (2026-01-31 + 1 = 2026-02-28). A date that
 * is not valid is copied as it is. */
void kz_date_add_months(const char *date, int months, char out[11]);

bool kz_str_empty(const char *s);
/* Case-sensitive equality where NULL equals "". */
bool kz_str_eq(const char *a, const char *b);
/* Trim ASCII white space in place; returns s. */
char *kz_trim(char *s);

/* Read a whole file; *len gets its length. */
enum kz_status kz_read_file(const char *path, char **data, size_t *len,
			    struct kz_error *err);
/* A whole file mapped for reading, for one read from start to end of a
 * file that may be large (an import): its pages are read as they are
 * needed, and kz_map_release lets go of those read already, so that the
 * file is never in memory as a whole. A NUL byte follows the last byte.
 * KZ_NOT_FOUND (no message) for what is no regular file (a pipe): read
 * it with kz_read_file. Free with kz_unmap_file. */
enum kz_status kz_map_file(const char *path, const char **data, size_t *len,
			   struct kz_error *err);
/* Let go of the pages before upto (they are read again if touched). */
void kz_map_release(const char *data, size_t upto);
void kz_unmap_file(const char *data, size_t len);
/* Write a file atomically (temporary file in the same directory, fsync,
 * rename); mode is applied to the new file. */
/* Write all of data to fd (again after EINTR); false on an error. */
bool kz_write_all(int fd, const void *data, size_t len);

/* "~" and "~/..." as the home folder ($HOME); other paths as they are.
 * Allocated. */
char *kz_path_expand_home(const char *path);
/* The absolute path of an existing file, links and ".." resolved (for
 * messages saying where a file went); the path as it is when that cannot
 * be found. Allocated. */
char *kz_path_full(const char *path);
enum kz_status kz_write_file_atomic(const char *path, const char *data,
				    size_t len, int mode, struct kz_error *err);
/* mkdir -p with the given mode. */
enum kz_status kz_mkdir_p(const char *path, int mode, struct kz_error *err);

#endif
