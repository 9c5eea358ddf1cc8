/* Errors as values: every fallible function returns an enum kz_status and,
 * when given one, fills a struct kz_error with a message a person can read.
 * Only main() turns a status into an exit code. */
#ifndef KOSZYK_STATUS_H
#define KOSZYK_STATUS_H

#include <stddef.h>

#define KZ_STATUS_LIST(X)                                   \
	X(KZ_OK, 0, "success")                              \
	X(KZ_NOT_FOUND, 1, "nothing found")                 \
	X(KZ_INVALID, 2, "bad input")                       \
	X(KZ_CONFLICT, 2, "changed by someone else")        \
	X(KZ_CORRUPT, 2, "not a koszyk database or a damaged file") \
	X(KZ_ENV, 3, "environment failure")                \
	X(KZ_DENIED, 2, "not allowed for this user")        \
	X(KZ_DAMAGED, 2, "the database file is damaged")

enum kz_status {
#define KZ_STATUS_ENUM(name, exit_code, text) name,
	KZ_STATUS_LIST(KZ_STATUS_ENUM)
#undef KZ_STATUS_ENUM
};

struct kz_error {
	enum kz_status status;
	char msg[1024];
	/* The field of a record the failure is about, by its name in the
	 * field table (e.g. "valid_to"), so that a form goes to it; "" when
	 * the failure is about no one field. */
	char field[48];
};

/* Record a failure in err (may be NULL) and return st. */
enum kz_status kz_fail(struct kz_error *err, enum kz_status st,
		       const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same, about one field of a record (its name). */
enum kz_status kz_fail_field(struct kz_error *err, enum kz_status st,
			     const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Prefix an existing message, e.g. with "file.csv:3:2: ". */
void kz_error_prefix(struct kz_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void kz_error_clear(struct kz_error *err);
int kz_status_exit_code(enum kz_status st);
const char *kz_status_text(enum kz_status st);

#endif
