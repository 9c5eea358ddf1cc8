/* Import of services and partners from CSV (SPEC section 4).
 *
 * The whole file is one transaction: the first bad row rolls everything
 * back, and the message names the file, the row (the header is row 1) and
 * the column. A row whose id exists updates only the columns the file has;
 * a row with a new id is inserted with that id; a row without id gets one.
 * Vocabulary values (category, sector, kinds, target groups) may be given
 * as code or label and are stored as the code; a value the configuration
 * does not know is refused (the row, the column, the code and the known
 * ones). Anything else is kept as written. */
#include "koszyk/meter.h"
#include "koszyk/exchange.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "koszyk/basket.h"
#include "koszyk/csv.h"
#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/model.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* What a column of the file is. */
enum col_role {
	COL_ID,
	COL_FIELD,     /* a field of the record, by the same name */
	COL_PROVIDER,  /* services: partner name -> provider_id */
	COL_CONTACT,   /* services: contact name -> contact_id/contact_text */
};

struct column {
	const char *name;            /* canonical column name */
	enum col_role role;
	const struct kz_field *field; /* COL_FIELD; COL_CONTACT: contact_text */
};

/* A column that is not the field of its name (field: the field it
 * fills, or NULL). */
struct special_column {
	const char *name;
	enum col_role role;
	const char *field;
};

struct import;

struct import_kind {
	enum kz_kind kind;
	const char *const *required;    /* NULL-terminated */
	const char *missing_column;     /* msgid: file, row, column */
	const struct special_column *specials;   /* ends with name NULL */
	const char *const *defaults;    /* field, value, ..., NULL */
	/* Fill the references the file gives by name (NULL: none). */
	enum kz_status (*references)(struct import *im, char **v, void *rec,
				     struct kz_error *err);
};

struct import {
	struct kz_db *db;
	const struct kz_config *cfg;
	const struct import_kind *ik;
	const char *name;             /* the file, for messages */
	struct kz_csv_reader *reader;
	const char *data;             /* what the reader reads */
	bool mapped;                  /* data is a file kz_map_file mapped */
	struct column *cols;          /* one for each column of the file */
	size_t ncols;
	size_t row;
	long lines;                   /* rows in the file, for the meter */
	struct kz_import_result *res;
	/* services: the partners by name, read at the first row that names
	 * one (the import of services adds no partners) */
	struct kz_partner_names *partners;
	/* new records, inserted a batch at a time, and the row of each */
	struct kz_record_batch *batch;
	size_t *batch_rows;
	size_t batch_cap;
};

/* The value a new record of the kind gets when the file says nothing. */
static const char *default_of(const struct import_kind *ik, const char *field)
{
	for (size_t i = 0; ik->defaults[i]; i += 2)
		if (strcmp(ik->defaults[i], field) == 0)
			return ik->defaults[i + 1];
	return NULL;
}

/* --- messages ----------------------------------------------------------- */

static enum kz_status fail_cell(struct import *im, size_t col,
				struct kz_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "file: row R, column "name": what" */
static enum kz_status fail_cell(struct import *im, size_t col,
				struct kz_error *err, const char *fmt, ...)
{
	char what[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return kz_fail(err, KZ_INVALID, _("%s: row %zu, column \"%s\": %s"),
		       im->name, im->row, im->cols[col].name, what);
}

/* Prefix a message from the data layer with where it happened; a
 * validation problem is bad input whatever the layer below called it. */
static enum kz_status prefix_cell(struct import *im, size_t col,
				  enum kz_status st, struct kz_error *err)
{
	if (col == (size_t)-1)
		kz_error_prefix(err, _("%s: row %zu: "), im->name, im->row);
	else
		kz_error_prefix(err, _("%s: row %zu, column \"%s\": "),
				im->name, im->row, im->cols[col].name);
	if (st == KZ_CONFLICT || st == KZ_NOT_FOUND) {
		st = KZ_INVALID;
		if (err)
			err->status = st;
	}
	return st;
}

/* A value as quoted in a message: at most about 60 bytes, cut at a
 * character boundary, so that a long cell cannot crowd out the message. */
static const char *shown(const char *value, char out[80])
{
	size_t n = strlen(value);

	if (n <= 60)
		return value;
	n = 60;
	while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
		n--;
	snprintf(out, 80, "%.*s…", (int)n, value);
	return out;
}

/* --- values ------------------------------------------------------------- */

/* A trimmed copy with CRLF and lone CR turned into LF; NULL when empty. */
static char *clean_value(const char *raw)
{
	char *v = xstrdup(raw ? raw : "");
	char *w = v;

	for (const char *p = v; *p; p++) {
		if (*p == '\r') {
			if (p[1] == '\n')
				continue;
			*w++ = '\n';
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	kz_trim(v);
	if (!v[0]) {
		free(v);
		return NULL;
	}
	return v;
}

static bool folded_equal(const char *a, const char *b)
{
	char *fa = kz_fold_key(a);
	char *fb = kz_fold_key(b);
	bool eq = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return eq;
}

/* Polish words people write for the fixed values. */
struct alias {
	const char *value;
	const char *word;
};

static const struct alias enum_aliases[] = {
	{ "service", "usługa" },
	{ "activity", "aktywność" },
	{ "active", "aktywna" },
	{ "active", "aktywny" },
	{ "suspended", "zawieszona" },
	{ "suspended", "zawieszony" },
	{ "archived", "zarchiwizowana" },
	{ "archived", "zarchiwizowany" },
	{ "archived", "archiwalna" },
	{ "invited", "zaproszony" },
	{ "invited", "zaproszona" },
	{ "informal", "nieformalny" },
	{ "informal", "współpraca nieformalna" },
	{ "declared", "zadeklarowany" },
	{ "declared", "deklaracja" },
	{ "declared", "deklaracja podpisana" },
	{ "left", "wystąpił" },
	{ "left", "wystąpiła" },
	{ "left", "odszedł" },
};

/* The canonical value of an enum field for what was written: the value
 * itself, its label (English or translated) or a Polish word; NULL when
 * nothing fits. */
static const char *enum_value(const struct kz_field *f, const char *text)
{
	/* The value as stored, the common case: no folding of every label
	 * and alias (no label or alias of one value is another value). */
	for (size_t i = 0; f->values && f->values[i]; i++)
		if (strcmp(text, f->values[i]) == 0)
			return f->values[i];
	for (size_t i = 0; f->values && f->values[i]; i++) {
		const char *v = f->values[i];
		const char *label = kz_enum_label(v);

		if (folded_equal(text, v) ||
		    (label && (folded_equal(text, label) ||
			       folded_equal(text, _(label)))))
			return v;
		for (size_t a = 0; a < sizeof(enum_aliases) / sizeof(*enum_aliases); a++)
			if (strcmp(enum_aliases[a].value, v) == 0 &&
			    folded_equal(text, enum_aliases[a].word))
				return v;
	}
	return NULL;
}

/* The configured code for a code or label; text itself when unknown. */
static const char *vocab_code(const struct kz_items *items, const char *text)
{
	const struct kz_item *it = items ? kz_items_find(items, text) : NULL;

	return it ? it->code : text;
}

/* Is text a code or label of the configured vocabulary (any text when
 * the configuration has none)? */
static bool vocab_known(const struct kz_items *items, const char *text)
{
	return !items || items->n == 0 || kz_items_find(items, text) != NULL;
}

/* "code1 (Label 1), code2 (Label 2), ..." for a message. */
static char *vocab_list(const struct kz_items *items)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = 0; items && i < items->n; i++) {
		if (b.len > 400) {
			kz_buf_puts(&b, ", …");
			break;
		}
		kz_buf_printf(&b, "%s%s", i ? ", " : "", items->v[i].code);
	}
	return kz_buf_detach(&b);
}

/* "Dzieci; mlodziez" -> "dzieci;mlodziez"; NULL when no part is left.
 * *unknown: the first part that is not in the vocabulary (allocated). */
static char *vocab_codes(const struct kz_items *items, const char *text, char **unknown)
{
	struct kz_buf b = KZ_BUF_INIT;
	char *copy = xstrdup(text);
	char *save = NULL;

	*unknown = NULL;
	for (char *part = strtok_r(copy, ";", &save); part;
	     part = strtok_r(NULL, ";", &save)) {
		kz_trim(part);
		if (!part[0])
			continue;
		if (!*unknown && !vocab_known(items, part))
			*unknown = xstrdup(part);
		if (b.len)
			kz_buf_putc(&b, ';');
		kz_buf_puts(&b, vocab_code(items, part));
	}
	free(copy);
	if (!b.len) {
		kz_buf_free(&b);
		return NULL;
	}
	return kz_buf_detach(&b);
}

/* A code the configuration does not know: the row, the column, the code
 * and the known ones. */
static enum kz_status unknown_code(struct import *im, size_t col,
				   const struct kz_items *items, const char *code,
				   struct kz_error *err)
{
	char tmp[80], *known = vocab_list(items);
	enum kz_status st = fail_cell(im, col, err,
				      _("\"%s\" is not a code of the configuration (koszyk.yaml) — use one of: %s"),
				      shown(code, tmp), known);

	free(known);
	return st;
}

static void list_values(const struct kz_field *f, char *out, size_t outsz)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; f->values && f->values[i] && used < outsz; i++)
		used += (size_t)snprintf(out + used, outsz - used, "%s%s",
					 i ? ", " : "", f->values[i]);
}

/* Turn the raw text of column col into the value stored in field f:
 * *out is NULL (empty) or an allocated string. */
static enum kz_status field_value(struct import *im, size_t col,
				  const struct kz_field *f, const char *raw,
				  char **out, struct kz_error *err)
{
	char *v = clean_value(raw);
	char tmp[80];
	enum kz_status st;

	*out = NULL;
	if (!v) {
		const char *def = f->type == KZ_FT_ENUM ?
			default_of(im->ik, f->name) : NULL;

		if (f->required && !def)
			return fail_cell(im, col, err, "%s",
					 _("this value is required but the cell is empty"));
		*out = xstrdup_or_null(def);
		return KZ_OK;
	}
	switch (f->type) {
	case KZ_FT_ENUM: {
		const char *canon = enum_value(f, v);
		char allowed[256];

		if (!canon) {
			list_values(f, allowed, sizeof(allowed));
			st = fail_cell(im, col, err,
				       _("\"%s\" is not a known value — use one of: %s"),
				       shown(v, tmp), allowed);
			free(v);
			return st;
		}
		kz_str_set(&v, canon);
		break;
	}
	case KZ_FT_CODE: {
		const struct kz_items *items = kz_config_vocab(im->cfg, f->vocab);
		const char *code = vocab_code(items, v);

		if (!vocab_known(items, v)) {
			st = unknown_code(im, col, items, v, err);
			free(v);
			return st;
		}
		if (code != v)
			kz_str_set(&v, code);
		break;
	}
	case KZ_FT_CODES: {
		const struct kz_items *items = kz_config_vocab(im->cfg, f->vocab);
		char *unknown, *codes = vocab_codes(items, v, &unknown);

		free(v);
		v = codes;
		if (unknown) {
			st = unknown_code(im, col, items, unknown, err);
			free(unknown);
			free(v);
			return st;
		}
		break;
	}
	case KZ_FT_DATE:
		/* Spreadsheets write DD.MM.YYYY too: stored as YYYY-MM-DD. */
		kz_field_normalize(f, &v);
		if (!kz_date_valid(v)) {
			st = fail_cell(im, col, err,
				       _("\"%s\" is not a date — write dates as YYYY-MM-DD, for example 2026-03-31"),
				       shown(v, tmp));
			free(v);
			return st;
		}
		break;
	case KZ_FT_TEXT:
	case KZ_FT_LONG:
	case KZ_FT_REF:
		break;
	}
	if (v && (st = kz_field_check(f, v, err)) != KZ_OK) {
		free(v);
		return prefix_cell(im, col, st, err);
	}
	*out = v;
	return KZ_OK;
}

/* --- the header --------------------------------------------------------- */

static enum kz_status describe_column(const struct import_kind *ik,
				      const char *name, struct column *c)
{
	const struct kz_kind_info *k = kz_kind_of(ik->kind);
	const char *field = kz_csv_field_of_column(ik->kind, name);

	c->name = name;
	c->field = NULL;
	c->role = COL_FIELD;
	if (strcmp(name, "id") == 0) {
		c->role = COL_ID;
		return KZ_OK;
	}
	for (size_t i = 0; ik->specials[i].name; i++)
		if (strcmp(ik->specials[i].name, name) == 0) {
			c->role = ik->specials[i].role;
			field = ik->specials[i].field;
		}
	if (!field)
		return KZ_OK;
	c->field = kz_field_find(k->fields, *k->nfields, field);
	return c->field ? KZ_OK : KZ_ENV;
}

static void join_columns(const struct import_kind *ik, char *out, size_t outsz)
{
	const char *const *names = kz_csv_columns(ik->kind);
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; names[i] && used < outsz; i++)
		used += (size_t)snprintf(out + used, outsz - used, "%s%s",
					 i ? ", " : "", names[i]);
}

static enum kz_status fail_header(struct import *im, size_t col,
				  const char *written, struct kz_error *err)
{
	char all[512], tmp[80];

	if (strchr(written, ';'))
		return kz_fail(err, KZ_INVALID,
			       _("%s: row %zu: the columns seem to be separated by semicolons — koszyk reads CSV separated by commas, so save the file as \"CSV UTF-8 (comma delimited)\""),
			       im->name, im->row);
	join_columns(im->ik, all, sizeof(all));
	return kz_fail(err, KZ_INVALID,
		       _("%s: row %zu, column %zu: there is no column named \"%s\" — the columns are: %s"),
		       im->name, im->row, col + 1, shown(written, tmp), all);
}

static enum kz_status read_header(struct import *im, char **v, size_t n,
				  struct kz_error *err)
{
	const char *const *names = kz_csv_columns(im->ik->kind);
	const char *const *need = im->ik->required;

	im->cols = xcalloc(n, sizeof(*im->cols));
	im->ncols = n;
	for (size_t i = 0; i < n; i++) {
		char *h = clean_value(v[i]);
		const char *canon = NULL;

		for (size_t k = 0; h && names[k]; k++)
			if (strcasecmp(h, names[k]) == 0)
				canon = names[k];
		if (!canon) {
			enum kz_status st = fail_header(im, i, h ? h : "", err);

			free(h);
			return st;
		}
		free(h);
		for (size_t j = 0; j < i; j++)
			if (strcmp(im->cols[j].name, canon) == 0)
				return kz_fail(err, KZ_INVALID,
					       _("%s: row %zu, column %zu: the column \"%s\" appears twice (also column %zu) — keep only one"),
					       im->name, im->row, i + 1, canon,
					       j + 1);
		if (describe_column(im->ik, canon, &im->cols[i]) != KZ_OK)
			return kz_fail(err, KZ_ENV,
				       "%s: the column \"%s\" has no field in the data model",
				       im->name, canon);
	}
	for (size_t k = 0; need[k]; k++) {
		bool found = false;

		for (size_t i = 0; i < n; i++)
			found = found || strcmp(im->cols[i].name, need[k]) == 0;
		if (!found)
			return kz_fail(err, KZ_INVALID, _(im->ik->missing_column),
				       im->name, im->row, need[k]);
	}
	{
		const char **canon = xcalloc(n, sizeof(*canon));

		for (size_t i = 0; i < n; i++)
			canon[i] = im->cols[i].name;
		kz_csv_set_columns(im->reader, canon, n);
		free(canon);
	}
	return KZ_OK;
}

/* --- rows --------------------------------------------------------------- */

static bool row_is_empty(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (const char *p = v[i]; *p; p++)
			if (!isspace((unsigned char)*p))
				return false;
	return true;
}

/* The id of the row, lower-cased, into id[]; "" when there is none. */
static enum kz_status row_id(struct import *im, char **v,
			     char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	id[0] = '\0';
	for (size_t i = 0; i < im->ncols; i++) {
		char *s, tmp[80];

		if (im->cols[i].role != COL_ID)
			continue;
		s = clean_value(v[i]);
		if (!s)
			return KZ_OK;
		for (char *p = s; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (!kz_is_uuid(s)) {
			enum kz_status st = fail_cell(im, i, err,
				_("\"%s\" is not a valid id (an id looks like 0f8fad5b-d9cb-469f-a165-70867728950e) — leave the cell empty to add a new record"),
				shown(v[i], tmp));
			free(s);
			return st;
		}
		memcpy(id, s, KZ_ID_LEN + 1);
		free(s);
	}
	return KZ_OK;
}

/* Set every plain field column of the row into the record. */
static enum kz_status set_fields(struct import *im, char **v, void *record,
				 struct kz_error *err)
{
	for (size_t i = 0; i < im->ncols; i++) {
		char *value;
		enum kz_status st;

		if (im->cols[i].role != COL_FIELD)
			continue;
		st = field_value(im, i, im->cols[i].field, v[i], &value, err);
		if (st != KZ_OK)
			return st;
		free(*kz_field_slot(record, im->cols[i].field));
		*kz_field_slot(record, im->cols[i].field) = value;
	}
	return KZ_OK;
}

static size_t column_of(const struct import *im, enum col_role role)
{
	for (size_t i = 0; i < im->ncols; i++)
		if (im->cols[i].role == role)
			return i;
	return (size_t)-1;
}

/* provider: a partner's name or short name (or its id). */
static enum kz_status set_provider(struct import *im, char **v,
				   struct kz_service *s, struct kz_error *err)
{
	size_t col = column_of(im, COL_PROVIDER);
	char id[KZ_ID_LEN + 1], tmp[80];
	char *name = clean_value(v[col]);
	enum kz_status st;

	if (!name)
		return fail_cell(im, col, err, "%s",
				 _("the provider is empty — every service needs the name of the partner that provides it"));
	if (kz_is_uuid(name)) {
		struct kz_partner p = { 0 };

		st = kz_partner_get(im->db, name, &p, NULL);
		kz_partner_clear(&p);
		if (st == KZ_OK) {
			kz_str_set(&s->provider_id, name);
			free(name);
			return KZ_OK;
		}
	}
	st = im->partners ? KZ_OK : kz_partner_names_load(im->db, &im->partners, err);
	if (st == KZ_OK)
		st = kz_partner_names_find(im->partners, name, id);
	if (st == KZ_NOT_FOUND)
		st = fail_cell(im, col, err,
			       _("there is no partner named \"%s\" — add the partner first or correct the name"),
			       shown(name, tmp));
	else if (st != KZ_OK)
		st = prefix_cell(im, col, st, err);
	else
		kz_str_set(&s->provider_id, id);
	free(name);
	return st;
}

/* contact: the name of one of the provider's contact persons, or else
 * free text. */
static enum kz_status set_contact(struct import *im, char **v,
				  struct kz_service *s, struct kz_error *err)
{
	size_t col = column_of(im, COL_CONTACT);
	char id[KZ_ID_LEN + 1];
	char *name;
	enum kz_status st;

	if (col == (size_t)-1)
		return KZ_OK;
	name = clean_value(v[col]);
	kz_str_set(&s->contact_id, NULL);
	kz_str_set(&s->contact_text, NULL);
	if (!name)
		return KZ_OK;
	st = kz_contact_find_by_name(im->db, s->provider_id, name, id, err);
	if (st == KZ_OK) {
		kz_str_set(&s->contact_id, id);
	} else if (st == KZ_NOT_FOUND) {
		st = kz_field_check(im->cols[col].field, name, err);
		if (st != KZ_OK) {
			free(name);
			return prefix_cell(im, col, st, err);
		}
		s->contact_text = name;
		return KZ_OK;
	} else {
		st = prefix_cell(im, col, st, err);
	}
	free(name);
	return st;
}

/* A service's provider and contact person, given by name. */
static enum kz_status service_references(struct import *im, char **v, void *rec,
					  struct kz_error *err)
{
	enum kz_status st = set_provider(im, v, rec, err);

	return st == KZ_OK ? set_contact(im, v, rec, err) : st;
}

/* What the import of each kind needs beyond the kind table and its
 * columns (kz_csv_columns): the columns a file must have, columns that
 * are not one field, the values of new records for the
 * columns a file does not have, and the references given by name. */
static const struct special_column service_specials[] = {
	{ "provider", COL_PROVIDER, NULL },
	{ "contact", COL_CONTACT, "contact_text" },
	{ NULL, COL_FIELD, NULL },
};
static const struct special_column no_specials[] = { { NULL, COL_FIELD, NULL } };

static const struct import_kind import_kinds[] = {
	{ KZ_KIND_SERVICE,
	  (const char *const[]){ "title", "provider", NULL },
	  N_("%s: row %zu: the column \"%s\" is missing — a file of services needs at least the columns title and provider"),
	  service_specials,
	  (const char *const[]){ "kind", "service", "status", "active", NULL },
	  service_references },
	{ KZ_KIND_PARTNER,
	  (const char *const[]){ "name", NULL },
	  N_("%s: row %zu: the column \"%s\" is missing — a file of partners needs at least the column name"),
	  no_specials,
	  (const char *const[]){ "status", "informal", NULL },
	  NULL },
};

static const struct import_kind *import_kind_of(enum kz_kind kind)
{
	for (size_t i = 0; i < sizeof(import_kinds) / sizeof(import_kinds[0]); i++)
		if (import_kinds[i].kind == kind)
			return &import_kinds[i];
	return NULL;
}

/* New records get the defaults of the columns the file does not have. */
static void apply_defaults(const struct import_kind *ik, void *rec)
{
	const struct kz_kind_info *k = kz_kind_of(ik->kind);

	for (size_t i = 0; ik->defaults[i]; i += 2) {
		char **slot = kz_field_slot(rec, kz_field_find(k->fields, *k->nfields,
							       ik->defaults[i]));
		if (kz_str_empty(*slot))
			kz_str_set(slot, ik->defaults[i + 1]);
	}
}

/* Load the record with this id: KZ_OK (update), KZ_NOT_FOUND (insert
 * with the id) or a failure. */
static enum kz_status load_existing(struct import *im, const char *id,
				    void *record, struct kz_error *err)
{
	enum kz_status st = kz_kind_of(im->ik->kind)->get(im->db, id, record, err);

	if (st != KZ_OK && st != KZ_NOT_FOUND)
		return prefix_cell(im, column_of(im, COL_ID), st, err);
	if (st == KZ_NOT_FOUND && err)
		kz_error_clear(err);
	return st;
}

/* Insert the new records kept so far; a failure names the row of the
 * record that failed. */
static enum kz_status flush_new(struct import *im, struct kz_error *err)
{
	size_t failed;
	enum kz_status st = kz_record_batch_flush(im->batch, &failed, err);

	/* The change log of what is inserted so far, written now: the
	 * capture would otherwise hold every row until the commit. */
	if (st == KZ_OK)
		return kz_sync_capture_flush(im->db, err);
	im->row = im->batch_rows[failed];
	return prefix_cell(im, (size_t)-1, st, err);
}

/* A new record of this row into the batch, which takes it over when it
 * is right. */
static enum kz_status add_new(struct import *im, void *rec, struct kz_error *err)
{
	size_t i = kz_record_batch_pending(im->batch);
	enum kz_status st = kz_batch_add(im->batch, rec, err);

	if (st != KZ_OK)
		return st;
	if (i == im->batch_cap) {
		im->batch_cap = im->batch_cap ? 2 * im->batch_cap : 64;
		im->batch_rows = xreallocarray(im->batch_rows, im->batch_cap,
					       sizeof(*im->batch_rows));
	}
	im->batch_rows[i] = im->row;
	return KZ_OK;
}

/* One row: a new record, or the update of the one with the row's id. */
static enum kz_status import_record(struct import *im, char **v,
				    struct kz_error *err)
{
	const struct kz_kind_info *k = kz_kind_of(im->ik->kind);
	void *rec = kz_record_new(k->kind);
	char id[KZ_ID_LEN + 1];
	enum kz_status st, found = KZ_NOT_FOUND;

	st = row_id(im, v, id, err);
	/* The id may be one of the records not inserted yet. */
	if (st == KZ_OK && id[0])
		st = flush_new(im, err);
	if (st == KZ_OK && id[0])
		st = found = load_existing(im, id, rec, err);
	if (st == KZ_NOT_FOUND)
		st = KZ_OK;
	if (st == KZ_OK)
		st = set_fields(im, v, rec, err);
	if (st == KZ_OK && im->ik->references)
		st = im->ik->references(im, v, rec, err);
	if (st != KZ_OK)
		goto out;
	if (found == KZ_OK) {
		st = kz_record_save(im->db, im->cfg, k->kind, rec, err);
	} else {
		apply_defaults(im->ik, rec);
		memcpy((char *)rec + k->id_offset, id, KZ_ID_LEN + 1);
		/* As the file says (a new id when it gives none): an old
		 * entry without a verification date stays unverified. */
		st = add_new(im, rec, err);
		if (st == KZ_OK)
			rec = NULL;  /* the batch's now */
	}
	if (st != KZ_OK)
		st = prefix_cell(im, (size_t)-1, st, err);
	else if (im->res && found == KZ_OK)
		im->res->updated++;
	else if (im->res)
		im->res->inserted++;
out:
	if (rec)
		kz_record_free(k->kind, rec);
	if (st == KZ_OK && kz_record_batch_full(im->batch))
		st = flush_new(im, err);
	return st;
}

static enum kz_status import_rows(struct import *im, struct kz_error *err)
{
	char **v;
	size_t n;
	enum kz_status st;

	st = kz_csv_next(im->reader, &v, &n, err);
	if (st == KZ_NOT_FOUND)
		return kz_fail(err, KZ_INVALID,
			       _("%s: the file is empty — its first row must name the columns"),
			       im->name);
	if (st != KZ_OK)
		return st;
	im->row = kz_csv_row(im->reader);
	if ((st = read_header(im, v, n, err)) != KZ_OK)
		return st;
	kz_meter_report(0, im->lines);
	while ((st = kz_csv_next(im->reader, &v, &n, err)) == KZ_OK) {
		im->row = kz_csv_row(im->reader);
		/* The rows read so far leave memory (a mapped file). */
		if (im->mapped && im->row % 1024 == 0)
			kz_map_release(im->data, kz_csv_offset(im->reader));
		if (im->row % 256 == 0)
			kz_meter_report((long)im->row - 1 < im->lines ? (long)im->row - 1 : im->lines,
					im->lines);
		if (row_is_empty(v, n))
			continue;
		st = import_record(im, v, err);
		if (st != KZ_OK)
			return st;
	}
	if (st == KZ_NOT_FOUND)
		st = flush_new(im, err);
	if (st == KZ_OK)
		kz_meter_report(im->lines, im->lines);
	return st;
}

/* A mapped file is scanned a window at a time, the pages of each let go
 * after it (kz_map_release): a look over the whole file must not bring
 * all of it into memory. */
#define SCAN_WINDOW ((size_t)1 << 20)

/* The end of the window from at: SCAN_WINDOW on, moved to an ASCII byte,
 * so that no UTF-8 character is cut in two. */
static size_t window_end(const char *data, size_t len, size_t at)
{
	size_t end = len - at > SCAN_WINDOW ? at + SCAN_WINDOW : len;

	while (end < len && (unsigned char)data[end] >= 0x80)
		end++;
	return end;
}

/* The rows of the file for the progress line: its lines but the header
 * (a field with a line break in it counts twice: a guess is enough). */
static long count_lines(const char *data, size_t len, bool mapped)
{
	long n = 0;

	for (size_t at = 0; at < len;) {
		size_t end = window_end(data, len, at);
		const char *p = data + at;

		while ((p = memchr(p, '\n', (size_t)(data + end - p))) != NULL) {
			n++;
			p++;
		}
		at = end;
		if (mapped)
			kz_map_release(data, at);
	}
	if (len > 0 && data[len - 1] != '\n')
		n++;
	return n > 1 ? n - 1 : 1;
}

/* Is the mapped file UTF-8, without zero bytes? (Then the encoding
 * kz_csv_decode would find is UTF-8: it need not look over it again.) */
static bool mapped_utf8(const char *data, size_t len)
{
	bool ok = true;

	for (size_t at = 0; at < len && ok;) {
		size_t end = window_end(data, len, at);

		ok = !memchr(data + at, '\0', end - at) &&
		     kz_utf8_valid(data + at, end - at, NULL);
		at = end;
		kz_map_release(data, at);
	}
	return ok;
}

/* The page cache during an import (KiB, as PRAGMA cache_size takes it):
 * its rows go to random places of a dozen indexes (ids, sort keys), and a
 * page that does not stay in memory is written out and read back, again
 * and again. Small enough to keep the import under 64 MB (44 MB at
 * 100,000 rows; 32 MB of cache made it no faster, 8 MB 10% slower). */
#define IMPORT_CACHE (-20480)

/* The import of text already in UTF-8, its columns separated by sep;
 * mapped: data is a file mapped by kz_map_file. */
static enum kz_status import_utf8(struct kz_db *db, const struct kz_config *cfg,
				  enum kz_kind kind, const char *data,
				  size_t len, const char *name, char sep,
				  bool mapped, struct kz_import_result *res,
				  struct kz_error *err)
{
	struct import im = { 0 };
	enum kz_status st;
	int cache;

	im.ik = import_kind_of(kind);
	if (!im.ik)
		return kz_fail(err, KZ_INVALID, _("can import services or partners, not \"%s\""),
			       kz_kind_name(kind));
	im.db = db;
	im.cfg = cfg;
	im.name = name ? name : "CSV";
	im.res = res;
	if ((st = kz_db_begin(db, err)) != KZ_OK)
		return st;
	cache = kz_db_cache_size(db, IMPORT_CACHE);
	im.lines = count_lines(data, len, mapped);
	im.data = data;
	im.mapped = mapped;
	im.reader = kz_csv_open(data, len, im.name);
	im.batch = kz_record_batch_new(db, kind);
	kz_csv_set_separator(im.reader, sep);
	st = import_rows(&im, err);
	kz_csv_close(im.reader);
	kz_partner_names_free(im.partners);
	kz_record_batch_free(im.batch);
	free(im.batch_rows);
	free(im.cols);
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	kz_db_cache_size(db, cache);
	if (st != KZ_OK && res)
		res->inserted = res->updated = 0;
	return st;
}

static void clear_result(struct kz_import_result *res)
{
	if (res)
		memset(res, 0, sizeof(*res));
}

enum kz_status kz_import_csv_data(struct kz_db *db,
				  const struct kz_config *cfg,
				  enum kz_kind kind, const char *data,
				  size_t len, const char *name,
				  struct kz_import_result *res,
				  struct kz_error *err)
{
	clear_result(res);
	if (res) {
		res->format.encoding = KZ_CSV_UTF8;
		res->format.separator = ',';
		res->decoded = true;
	}
	return import_utf8(db, cfg, kind, data, len, name, ',', false, res, err);
}

/* A file forced to be UTF-8 that is not: say what it looks like. */
static void hint_encoding(const struct kz_csv_format *want, const char *data,
			  size_t len, enum kz_status st, struct kz_error *err)
{
	struct kz_csv_format guess;
	char *text;
	size_t n;

	if (st != KZ_INVALID || !err || !want ||
	    want->encoding != KZ_CSV_UTF8 || kz_utf8_valid(data, len, NULL))
		return;
	if (kz_csv_decode(data, len, NULL, NULL, &text, &n, &guess, NULL) != KZ_OK)
		return;
	free(text);
	if (guess.encoding == KZ_CSV_CP1250) {
		size_t used = strnlen(err->msg, sizeof(err->msg) - 1);

		snprintf(err->msg + used, sizeof(err->msg) - used, " %s",
			 _("(The file looks like Windows-1250: leave out --encoding, or give --encoding cp1250.)"));
	}
}

/* kz_import_csv_text; mapped: data is a file mapped by kz_map_file. */
static enum kz_status import_text(struct kz_db *db, const struct kz_config *cfg,
				  enum kz_kind kind, const char *data,
				  size_t len, const char *name,
				  const struct kz_csv_format *want, bool mapped,
				  struct kz_import_result *res,
				  struct kz_error *err)
{
	struct kz_csv_format used;
	char *text;
	size_t n;
	enum kz_status st;

	clear_result(res);
	st = kz_csv_decode(data, len, name, want, &text, &n, &used, err);
	if (st != KZ_OK)
		return st;
	if (res) {
		res->format = used;
		res->decoded = true;
	}
	st = import_utf8(db, cfg, kind, text ? text : data, text ? n : len,
			 name, used.separator, mapped && !text, res, err);
	free(text);
	hint_encoding(want, data, len, st, err);
	return st;
}

enum kz_status kz_import_csv_text(struct kz_db *db,
				  const struct kz_config *cfg,
				  enum kz_kind kind, const char *data,
				  size_t len, const char *name,
				  const struct kz_csv_format *want,
				  struct kz_import_result *res,
				  struct kz_error *err)
{
	return import_text(db, cfg, kind, data, len, name, want, false, res, err);
}

enum kz_status kz_import_csv(struct kz_db *db, const struct kz_config *cfg,
			     enum kz_kind kind, const char *path,
			     const struct kz_csv_format *want,
			     struct kz_import_result *res,
			     struct kz_error *err)
{
	const char *mapped = NULL;
	char *data = NULL;
	size_t len = 0;
	enum kz_status st;

	clear_result(res);
	/* A file of 100,000 rows is tens of megabytes: mapped, and read a
	 * part at a time, not read into memory as a whole. */
	st = kz_map_file(path, &mapped, &len, err);
	if (st == KZ_OK) {
		struct kz_csv_format utf8 = { KZ_CSV_UTF8, want ? want->separator : 0 };
		bool detect = !want || want->encoding == KZ_CSV_DETECT;

		/* Found to be UTF-8 a window at a time, as detection would. */
		if (detect && mapped_utf8(mapped, len))
			want = &utf8;
		st = import_text(db, cfg, kind, mapped, len, path, want, true, res, err);
		kz_unmap_file(mapped, len);
		return st;
	}
	if (st == KZ_NOT_FOUND)
		st = kz_read_file(path, &data, &len, err);
	if (st != KZ_OK) {
		/* The user named this file: not being able to read it is bad
		 * input, not a failure of the machine. */
		if (err && !strstr(err->msg, path))
			kz_error_prefix(err, "%s: ", path);
		if (err)
			err->status = KZ_INVALID;
		free(data);
		return KZ_INVALID;
	}
	st = kz_import_csv_text(db, cfg, kind, data, len, path, want, res, err);
	free(data);
	return st;
}
