/* The life of the partnership: a partner's membership history as dated
 * steps, derived from what is already recorded (report partnership is in
 * reports.h).
 *
 * The steps and where each comes from:
 *  recorded       the day the partner was first written down (its record's
 *                 creation: the first contact the partnership recorded);
 *  invited        the first day its membership became "invited" (the
 *                 change log every write leaves, see sync.h);
 *  first meeting  the date of the first meeting one of its contact persons
 *                 attended;
 *  declared       the declaration's date (declaration_date);
 *  left           each day its membership became "left";
 *  returned       each day it came back from "left".
 * A step that nothing recorded is not shown: a partner whose history
 * began before the program knew it has fewer steps. */
#ifndef KOSZYK_PARTNERSHIP_H
#define KOSZYK_PARTNERSHIP_H

#include <stddef.h>

#include "koszyk/db.h"
#include "koszyk/status.h"

enum kz_step_kind {
	KZ_STEP_RECORDED,
	KZ_STEP_INVITED,
	KZ_STEP_FIRST_MEETING,
	KZ_STEP_DECLARED,
	KZ_STEP_LEFT,
	KZ_STEP_RETURNED,
};

struct kz_step {
	char date[11];          /* YYYY-MM-DD */
	enum kz_step_kind kind;
	char *detail;           /* e.g. the meeting's title, or NULL */
};

struct kz_steps {
	struct kz_step *v;
	size_t n;
};

/* The steps of a partner, oldest first (same day: in the order above). */
enum kz_status kz_partner_history(struct kz_db *db, const char *partner_id,
				  struct kz_steps *out, struct kz_error *err);
void kz_steps_free(struct kz_steps *s);
/* What a step is, translated ("Invited to the partnership"). */
const char *kz_step_label(enum kz_step_kind kind);
/* Its stable name for scripts ("invited"). */
const char *kz_step_name(enum kz_step_kind kind);

#endif
