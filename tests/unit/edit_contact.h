/* A contact person's field changed and saved as a form would: shared by
 * the sync tests. Include after <cmocka.h>. */
#ifndef KOSZYK_TEST_EDIT_CONTACT_H
#define KOSZYK_TEST_EDIT_CONTACT_H

#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/xalloc.h"

/* field: "phone", "email" or else the notes. */
static inline void edit_contact(struct kz_db *db, const char *id,
				const char *field, const char *value)
{
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };
	char **slot = strcmp(field, "phone") == 0 ? &c.phone
		      : strcmp(field, "email") == 0 ? &c.email : &c.notes;

	if (kz_contact_get(db, id, &c, &err) != KZ_OK)
		fail_msg("%s", err.msg);
	free(*slot);
	*slot = xstrdup(value);
	if (kz_contact_save(db, &c, &err) != KZ_OK)
		fail_msg("%s", err.msg);
	kz_contact_clear(&c);
}

#endif
