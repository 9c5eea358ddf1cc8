/* The demo data (the YAML files of data/demo/, compiled into the program): records
 * keyed by the field names of their field tables (model.h, cases.h,
 * meetings.h), a few references by name, dates relative to today. Read
 * with the configuration's YAML reader (yaml_read.h); any unknown key or
 * bad value stops the load with file:line:column. kz_demo_fill (demo.h)
 * stores what is read. */
#ifndef KOSZYK_DEMO_DATA_H
#define KOSZYK_DEMO_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/model.h"
#include "koszyk/status.h"

struct kz_demo_kind;

struct kz_demo_list {
	struct kz_demo_rec *v;
	size_t n, cap;
};

/* One record as written in the YAML: values by key, nested lists. */
struct kz_demo_rec {
	const struct kz_demo_kind *kind;
	const char *file;           /* name of the YAML file, for messages */
	size_t line;                /* 1-based line of the record */
	char **val;                 /* by key; NULL: not given */
	struct kz_demo_list *sub;   /* by key; lists and mappings */
	char *scalar;               /* an entry of a list of texts */
};

struct kz_demo_data {
	struct kz_demo_list partners, contacts, services, cases, meetings;
};

/* The YAML files compiled into the program (build/gen, tools/embed.sh). */
extern const char kz_demo_basket_yaml[];
extern const char kz_demo_cases_yaml[];
extern const char kz_demo_meetings_yaml[];

/* Read the built-in demo data (every file). */
enum kz_status kz_demo_data_load(struct kz_demo_data *d, struct kz_error *err);

/* Read one YAML file; its top-level lists are added to d. name is used in
 * messages ("name:line:column: ..."). */
enum kz_status kz_demo_data_parse(struct kz_demo_data *d, const char *text,
				  size_t len, const char *name,
				  struct kz_error *err);

void kz_demo_data_free(struct kz_demo_data *d);

/* The value of a key of a record (NULL when not given) and a nested list
 * (NULL when not given, or when key names no list of its kind). */
const char *kz_demo_get(const struct kz_demo_rec *r, const char *key);
const struct kz_demo_list *kz_demo_sub(const struct kz_demo_rec *r,
				       const char *key);

/* Copy every value of r that is a field of fields into record (dates
 * made absolute from today, years of birth from today's year); fields
 * already set are replaced. */
void kz_demo_set_fields(const struct kz_demo_rec *r, void *record,
			const struct kz_field *fields, size_t n,
			const char *today);

/* A date as the demo writes it: "-41d" / "+7d" (days from today, "0d"
 * today) or YYYY-MM-DD. False when it is neither. */
bool kz_demo_date(const char *today, const char *value, char out[11]);

/* The i-th key a kind of record may have ("partner", "contact",
 * "service", "case", "member", "team", "plan", "diagnosis", "goal",
 * "action", "review", "progress", "meeting", "attendee", "decision",
 * "task"), NULL past the last one or for another kind. *field: the field
 * of the record's field table the key fills, NULL for a reference to
 * another record (by name) or a nested list. */
const char *kz_demo_key(const char *kind, size_t i,
			const struct kz_field **field);

/* The kind of a record, e.g. "partner". */
const char *kz_demo_kind_of(const struct kz_demo_rec *r);

#endif
