/* The audit trail: every change, and every reading of a family's file
 * (opening a case, printing a plan, a GDPR export), is an entry: who,
 * when, what, which case. An entry holds no personal data, only kinds,
 * ids and case codes.
 *
 * Entries are hash-chained: each carries the hash of the one before, and
 * its own hash covers its number, time, user, action, kind and a keyed
 * hash of its details (record id, summary, case). kz_db_check verifies
 * the chain and names the first broken entry. Erasing a case blanks out
 * the details of its entries but keeps their hashes, so the chain still
 * verifies and nothing of the case is left.
 *
 * A plain hash chain shows edits made with ordinary tools (a changed,
 * deleted or moved entry); someone able to rewrite the whole file can
 * compute a new chain, which this does not prevent. */
#ifndef KOSZYK_AUDIT_H
#define KOSZYK_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "koszyk/db.h"
#include "koszyk/status.h"

/* Record that the principal read the file of the case with this id: what
 * is "case" (the case screen), "plan" (the printed plan), "gdpr export",
 * ... One transaction (or part of the current one). */
enum kz_status kz_case_note_read(struct kz_db *db, const char *case_id,
				 const char *what, struct kz_error *err);

struct kz_audit_entry {
	long long seq;
	char *at, *user, *action, *kind, *ref, *summary;
	char *case_code;  /* the case's code now; an erasure's: the erased code */
	bool redacted;    /* details blanked out when the case was erased */
};

struct kz_audit_entries {
	struct kz_audit_entry *v;
	size_t n;
};

/* The trail, oldest first. case_code NULL: a coordinator gets every
 * entry, a worker the entries of the cases they see. With a code: the
 * entries of that case (found as kz_case_find finds it; a coordinator
 * also gets the erase entry of an erased case's code). A viewer is
 * refused. */
enum kz_status kz_audit_list(struct kz_db *db, const char *case_code,
			     struct kz_audit_entries *out, struct kz_error *err);
void kz_audit_entries_free(struct kz_audit_entries *e);

/* A word of the trail (an action such as "create" or "read", or a kind
 * of record such as "goal") for people, translated; the word itself when
 * it is not known. */
const char *kz_audit_word(const char *word);

#endif
