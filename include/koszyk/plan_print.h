/* The plan printed for the family: plain words, the family's goals and
 * its own commitments first, then the services with their places, hours
 * and contact persons, the dates and the next review. Never internal
 * notes (of the case or of reviews), the diagnosis notes, the audit trail
 * or anything of other cases; household members only by role. The
 * command line (koszyk plan) and the screens call the same function. */
#ifndef KOSZYK_PLAN_PRINT_H
#define KOSZYK_PLAN_PRINT_H

#include <stdbool.h>

#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/db.h"

enum kz_plan_format {
	KZ_PLAN_TEXT,   /* plain text, wrapped at 72 columns */
	KZ_PLAN_MD,     /* Markdown: headings and lists */
	KZ_PLAN_HTML,   /* one self-contained, printable page */
};

/* "text", "md" or "html" into *out; false for anything else. */
bool kz_plan_format_parse(const char *name, enum kz_plan_format *out);

/* The current plan of the case with this code (kz_plan_current), appended
 * to out. KZ_INVALID when the code is unknown, KZ_NOT_FOUND when the case
 * has no plan yet; nothing is appended then. Printing reads the family's
 * file: it adds an audit entry (kz_case_note_read). */
enum kz_status kz_plan_print(struct kz_db *db, const struct kz_config *cfg,
			     const char *case_code, enum kz_plan_format fmt,
			     struct kz_buf *out, struct kz_error *err);

#endif
