/* One description of each kind of record: its name, table, field table,
 * size, how it is cleared, copied, saved and named, which field names
 * its parent, which fields hold a reference (and where the record keeps
 * the name of what they point at) and which hold a login. Forms, detail
 * views, the command line, import and export, search, storage and the
 * audit trail read this table (src/db/kinds.c) instead of spelling the
 * kinds out; a kind missing from it stops the program at its start
 * (kz_kinds_check). Nothing here knows about curses.
 *
 * To add a field to a kind: add it to the record struct and its field
 * table (model.h, cases.h, meetings.h), a migration (src/db/schema.c) and
 * its label's translation (po/pl.po). Everything else follows. */
#ifndef KOSZYK_KINDS_H
#define KOSZYK_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/model.h"
#include "koszyk/status.h"

/* The first five are the kinds a lookup finds, in the order it shows
 * them (search.h). */
enum kz_kind {
	KZ_KIND_SERVICE,
	KZ_KIND_PARTNER,
	KZ_KIND_CONTACT,
	KZ_KIND_MEETING,
	KZ_KIND_CASE,
	KZ_KIND_MEMBER,
	KZ_KIND_TEAM,
	KZ_KIND_PLAN,
	KZ_KIND_DIAGNOSIS,
	KZ_KIND_GOAL,
	KZ_KIND_ACTION,
	KZ_KIND_REVIEW,
	KZ_KIND_PROGRESS,
	KZ_KIND_ATTENDEE,
	KZ_KIND_DECISION,
	KZ_KIND_TASK,
	KZ_KIND_COUNT
};

/* A reference field, and the read-only member of the record that holds
 * the name of the record it points at (filled by get and list). When it
 * changes, the reference clears (if any) no longer fits (a contact person
 * of another partner) and is emptied, with cleared_note (msgid, or NULL)
 * said to the person. */
struct kz_kind_ref {
	const char *field;
	size_t name_offset;
	const char *clears;
	const char *cleared_note;
};

/* Where a kind of record belongs: the basket (its references are other
 * records of the basket), the cases and plans, the meetings and tasks. */
enum kz_area { KZ_AREA_BASKET, KZ_AREA_CASES, KZ_AREA_MEETINGS };

struct kz_kind_info {
	enum kz_kind kind;
	enum kz_area area;
	const char *name;            /* "service": commands, audit, sync, JSON */
	const char *table;           /* the SQL table */
	const char *label;           /* English msgid: "service" */
	const char *plural;          /* English msgid of headings: "Services" */
	const char *edit_title;      /* English msgid: "Edit service or activity" */
	const char *new_title;       /* English msgid: "New service or activity" */
	const struct kz_field *fields;
	const size_t *nfields;
	size_t size;                 /* of the record's struct */
	size_t id_offset;            /* char id[KZ_ID_LEN + 1] */
	size_t stamp_offset;         /* struct kz_stamp */
	const char *parent_field;    /* the field holding the parent's id, or NULL */
	enum kz_kind parent;         /* the parent's kind (when parent_field) */
	/* What names a record: the first of these fields that is not empty
	 * (a reference by the name of what it points at); else the English
	 * msgid fallback ("the plan"). */
	const char *const *title_fields;
	const char *title_fallback;
	const struct kz_kind_ref *refs;   /* ends with { NULL, 0 } */
	const char *const *login_fields;  /* NULL-terminated */
	/* Fields the program sets when it makes the record (the parent, a
	 * meeting's kind), never typed in a form; NULL-terminated. */
	const char *const *fixed_fields;
	const size_t *shown_offsets;      /* other read-only char * members
	                                   * to copy (a phone); ends with 0 */
	void (*clear)(void *rec);
	/* Validate and store (insert when the id is empty); cfg may be NULL
	 * for the kinds that do not need it. */
	enum kz_status (*save)(struct kz_db *db, const struct kz_config *cfg,
			       void *rec, struct kz_error *err);
	/* Complete and check a record that is stored as it comes, in a
	 * batch of an import (kz_batch_add); NULL: the kind is not
	 * imported in batches. */
	enum kz_status (*check)(struct kz_db *db, void *rec, struct kz_error *err);
	/* Load one record by id (with the names of what it refers to). */
	enum kz_status (*get)(struct kz_db *db, const char *id, void *out,
			      struct kz_error *err);
	/* Remove one record by id (NULL: a record of this kind is not
	 * removed on its own), with the question asked first (msgid), or
	 * why it is not removed (msgid, when remove is NULL; NULL: nothing
	 * to say). */
	enum kz_status (*remove)(struct kz_db *db, const char *id,
				 struct kz_error *err);
	const char *remove_question;
	const char *not_removed;
};

/* The description of a kind; every kind below KZ_KIND_COUNT has one. */
const struct kz_kind_info *kz_kind_of(enum kz_kind kind);
/* By name ("goal"); NULL when no kind is called so. */
const struct kz_kind_info *kz_kind_find(const char *name);
/* By the SQL table ("goals"); NULL when no kind is kept there. */
const struct kz_kind_info *kz_kind_by_table(const char *table);
/* "service", "partner", ...; "?" for a value that is not a kind. */
const char *kz_kind_name(enum kz_kind kind);
/* Every kind described, every description whole (names, fields, the
 * functions, references that name fields of the kind); false and why in
 * why[] otherwise. The program refuses to start then. */
bool kz_kinds_check(char *why, size_t whysz);

/* --- records of any kind ------------------------------------------------ */

/* A new zeroed record of the kind; free with kz_record_free. */
void *kz_record_new(enum kz_kind kind);
/* Clear and free a heap record (NULL is fine). */
void kz_record_free(enum kz_kind kind, void *rec);
/* A deep copy on the heap: id, fields, stamp, the names of references
 * and the other read-only members. */
void *kz_record_dup(enum kz_kind kind, const void *src);
/* The record's id. */
const char *kz_record_id(enum kz_kind kind, const void *rec);
/* The stamp (who created and changed it, the revision). */
const struct kz_stamp *kz_record_stamp(enum kz_kind kind, const void *rec);
/* Validate and store through the kind's save. */
enum kz_status kz_record_save(struct kz_db *db, const struct kz_config *cfg,
			      enum kz_kind kind, void *rec, struct kz_error *err);
/* What names the record in messages ("Save the goal «…»?"): never NULL,
 * translated when it is the fallback. */
const char *kz_record_title(enum kz_kind kind, const void *rec);
/* The name of what reference field f points at, as the record holds it;
 * NULL when the kind keeps none for f. */
const char *kz_record_ref_name(enum kz_kind kind, const void *rec,
			       const struct kz_field *f);
/* Is field f of the kind set by the program, never typed in a form? */
bool kz_kind_field_is_fixed(enum kz_kind kind, const struct kz_field *f);
/* The reference entry of field f of the kind; NULL when f is none. */
const struct kz_kind_ref *kz_kind_ref_of(enum kz_kind kind, const struct kz_field *f);
/* The member of rec holding the name of what ref points at. */
char **kz_record_ref_slot(const struct kz_kind_ref *ref, void *rec);
/* Does field f of the kind hold a login (a case manager, who verified)? */
bool kz_kind_field_is_login(enum kz_kind kind, const struct kz_field *f);

#endif
