/* The records koszyk keeps. Every text field is a heap string or NULL.
 * Field tables (struct kz_field) describe each record once; CSV, JSON,
 * forms and detail views are all driven by them. */
#ifndef KOSZYK_MODEL_H
#define KOSZYK_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/config.h"
#include "koszyk/util.h"

/* Who created and last changed a record, and its revision (incremented
 * on every save, used to refuse overwriting a newer save). */
struct kz_stamp {
	char *created_at;
	char *created_by;
	char *updated_at;
	char *updated_by;
	long rev;
};

struct kz_partner {
	char id[KZ_ID_LEN + 1];
	char *name;
	char *short_name;
	char *kind;             /* code from config partner_kinds */
	char *sectors;          /* codes separated by ';' */
	char *address;
	char *phone;
	char *email;
	char *website;
	char *krs;              /* number in the National Court Register */
	char *status;           /* invited | informal | declared | left */
	char *declaration_date; /* YYYY-MM-DD, with status "declared" */
	char *role;
	char *resources;
	char *notes;
	struct kz_stamp stamp;
};

struct kz_contact {
	char id[KZ_ID_LEN + 1];
	char *partner_id;
	char *name;
	char *position;
	char *phone;
	char *email;
	char *reachable;        /* when reachable, e.g. "pn-pt 8-15" */
	char *notes;
	struct kz_stamp stamp;
	char *partner_name;     /* read only, filled by get/list */
};

struct kz_service {
	char id[KZ_ID_LEN + 1];
	char *title;
	char *kind;             /* service | activity */
	char *description;
	char *provider_id;      /* partner id */
	char *category;         /* code from config categories */
	char *sector;           /* code from config sectors */
	char *target_groups;    /* codes separated by ';' */
	char *access_conditions;
	char *how_to_get;
	char *cost;
	char *place;
	char *hours;
	char *waiting_time;
	char *area;
	char *contact_id;       /* a contact of the provider, or NULL */
	char *contact_text;     /* free text when no contact record fits */
	char *status;           /* active | suspended | archived */
	char *valid_from;
	char *valid_to;
	char *verified_on;
	char *verified_by;
	struct kz_stamp stamp;
	char *provider_name;    /* read only, filled by get */
	char *contact_name;     /* read only, filled by get */
};

enum kz_field_type {
	KZ_FT_TEXT,     /* one line */
	KZ_FT_LONG,     /* several lines */
	KZ_FT_DATE,     /* YYYY-MM-DD */
	KZ_FT_ENUM,     /* one of a fixed set (values) */
	KZ_FT_CODE,     /* one code of a configured vocabulary */
	KZ_FT_CODES,    /* codes separated by ';' */
	KZ_FT_REF,      /* id of another record */
};

struct kz_field {
	const char *name;          /* column, CSV header and JSON key */
	const char *label;         /* English msgid for the screen */
	enum kz_field_type type;
	size_t max_len;            /* in bytes */
	bool required;
	size_t offset;             /* of the char * in the record struct */
	const char *const *values; /* KZ_FT_ENUM: NULL-terminated */
	enum kz_vocab vocab;
};

extern const struct kz_field kz_partner_fields[];
extern const size_t kz_partner_nfields;
extern const struct kz_field kz_contact_fields[];
extern const size_t kz_contact_nfields;
extern const struct kz_field kz_service_fields[];
extern const size_t kz_service_nfields;

extern const char *const kz_service_kinds[];      /* service, activity */
extern const char *const kz_service_statuses[];   /* active, suspended, archived */
extern const char *const kz_partner_statuses[];   /* invited, informal, declared, left */

/* The char * slot of a field in a record. */
static inline char **kz_field_slot(void *record, const struct kz_field *f)
{
	return (char **)((char *)record + f->offset);
}

const struct kz_field *kz_field_find(const struct kz_field *fields,
				     size_t n, const char *name);

/* A value as it is stored: a date written DD.MM.YYYY or D.M.YYYY becomes
 * YYYY-MM-DD; anything else is left for kz_field_check to judge. */
void kz_field_normalize(const struct kz_field *f, char **slot);

/* Check one value against its field: length, UTF-8, date, enum.
 * The message names the field. */
enum kz_status kz_field_check(const struct kz_field *f, const char *value,
			      struct kz_error *err);

/* English msgid of an enum value for the screen, e.g. "declared" ->
 * "declaration signed". */
const char *kz_enum_label(const char *value);
/* A short form of the label for a narrow column, translated ("declaration
 * signed" is "signed"); the translated label when it has none. */
const char *kz_enum_short_label(const char *value);

void kz_stamp_clear(struct kz_stamp *s);
/* A deep copy of a stamp, and of the fields of a record (into a record
 * whose fields are empty). */
void kz_stamp_copy(struct kz_stamp *to, const struct kz_stamp *from);
void kz_fields_copy(void *dst, const void *src, const struct kz_field *fields,
		    size_t n);
/* Free every field of a record described by fields and its stamp, then
 * zero all size bytes of it (read-only extras must be freed first). */
void kz_record_clear(void *rec, const struct kz_field *fields, size_t n,
		     struct kz_stamp *stamp, size_t size);
void kz_partner_clear(struct kz_partner *p);
void kz_contact_clear(struct kz_contact *c);
void kz_service_clear(struct kz_service *s);
void kz_service_copy(struct kz_service *dst, const struct kz_service *src);
void kz_partner_copy(struct kz_partner *dst, const struct kz_partner *src);
void kz_contact_copy(struct kz_contact *dst, const struct kz_contact *src);

#endif
