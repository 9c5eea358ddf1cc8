/* The CSV columns of a kind, made from its field table (kinds.h): "id",
 * then every field by its name, except the fields a file names in
 * another way (a service's provider and contact person are written by
 * name). A new field of a kind is a new column of its files. */
#include "koszyk/exchange.h"

#include <stdlib.h>
#include <string.h>

#include "koszyk/xalloc.h"

/* A field whose column has another name; column NULL: the field is part
 * of another column (a service's contact is a person's name or else
 * free text). */
static const struct {
	enum kz_kind kind;
	const char *field;
	const char *column;
} renamed[] = {
	{ KZ_KIND_SERVICE, "provider_id", "provider" },
	{ KZ_KIND_SERVICE, "contact_id", "contact" },
	{ KZ_KIND_SERVICE, "contact_text", NULL },
};

/* The column of field f of the kind: its name, another name, or NULL. */
static const char *column_of_field(enum kz_kind kind, const struct kz_field *f)
{
	for (size_t i = 0; i < sizeof(renamed) / sizeof(renamed[0]); i++)
		if (renamed[i].kind == kind && strcmp(renamed[i].field, f->name) == 0)
			return renamed[i].column;
	return f->name;
}

const char *kz_csv_field_of_column(enum kz_kind kind, const char *column)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; i < *k->nfields; i++) {
		const char *c = column_of_field(kind, &k->fields[i]);
		/* A renamed column holds a name, not the field's value. */
		if (c && strcmp(c, column) == 0)
			return strcmp(c, k->fields[i].name) == 0 ? c : NULL;
	}
	return NULL;
}

const char *const *kz_csv_columns(enum kz_kind kind)
{
	/* Made once and kept for the life of the program. */
	static const char **columns[KZ_KIND_COUNT];
	const struct kz_kind_info *k = kz_kind_of(kind);
	size_t n = 0;

	if (columns[kind])
		return columns[kind];
	columns[kind] = xcalloc(*k->nfields + 2, sizeof(char *));
	columns[kind][n++] = "id";
	for (size_t i = 0; i < *k->nfields; i++) {
		const char *c = column_of_field(kind, &k->fields[i]);
		if (c)
			columns[kind][n++] = c;
	}
	return columns[kind];
}

const struct kz_field *kz_csv_column_field(enum kz_kind kind, const char *column)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; i < *k->nfields; i++) {
		const char *c = column_of_field(kind, &k->fields[i]);

		if (c && strcmp(c, column) == 0)
			return &k->fields[i];
	}
	return NULL;
}
