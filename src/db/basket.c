/* Partners, contact persons and the services of the basket. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/network.h"
#include "koszyk/xalloc.h"
#include "records.h"


#define PARTNERS KZ_KIND_PARTNER
#define CONTACTS KZ_KIND_CONTACT
#define SERVICES KZ_KIND_SERVICE

/* --- small queries --------------------------------------------------------- */

static bool partner_exists(struct kz_db *db, const char *id)
{
	char *v = kz_query_text(db, "SELECT id FROM partners WHERE id = ?1", id);
	bool ok = v != NULL;
	free(v);
	return ok;
}

/* --- partners ------------------------------------------------------------- */

static enum kz_status check_partner(struct kz_partner *p, struct kz_error *err)
{
	if (kz_str_empty(p->status))
		kz_str_set(&p->status, "informal");
	enum kz_status st = kz_record_validate(PARTNERS, p, err);
	if (st != KZ_OK)
		return st;
	if (strcmp(p->status, "declared") == 0 && kz_str_empty(p->declaration_date))
		return kz_fail_field(err, KZ_INVALID, "declaration_date",
			       _("Membership: a signed declaration needs the date it was signed on (YYYY-MM-DD)."));
	return KZ_OK;
}

static enum kz_status save_partner(struct kz_db *db, struct kz_partner *p,
				   bool keep_id, struct kz_error *err)
{
	enum kz_status st = check_partner(p, err);

	if (st != KZ_OK)
		return st;
	if (!*p->id || keep_id)
		return kz_record_insert(db, PARTNERS, p, p->name, err);
	if ((st = kz_network_guard(db, PARTNERS, p->id, err)) != KZ_OK)
		return st;
	struct kz_partner stored = { 0 };
	st = kz_record_update(db, PARTNERS, p, &stored, err);
	kz_partner_clear(&stored);
	return st;
}

enum kz_status kz_partner_save(struct kz_db *db, struct kz_partner *p,
			       struct kz_error *err)
{
	return save_partner(db, p, false, err);
}

enum kz_status kz_partner_insert_with_id(struct kz_db *db, struct kz_partner *p,
					 struct kz_error *err)
{
	return save_partner(db, p, true, err);
}

enum kz_status kz_partner_get(struct kz_db *db, const char *id,
			      struct kz_partner *out, struct kz_error *err)
{
	return kz_record_load(db, PARTNERS, id, out, err);
}

enum kz_status kz_partner_find_by_name(struct kz_db *db, const char *name,
				       char id_out[KZ_ID_LEN + 1],
				       struct kz_error *err)
{
	char *folded = kz_fold_key(name);
	char *id = kz_query_text(db,
		"SELECT id FROM partners WHERE kz_fold_key(name) = ?1"
		" OR kz_fold_key(short_name) = ?1 ORDER BY name LIMIT 1", folded);

	free(folded);
	if (!id)
		return kz_fail(err, KZ_NOT_FOUND, _("There is no partner named \"%s\"."), name);
	memcpy(id_out, id, KZ_ID_LEN + 1);
	free(id);
	return KZ_OK;
}

/* --- partners by name, for many look-ups --------------------------------------- */

/* One folded name or short name and the partner it finds. seq: the
 * partner's place in name order, so that of the partners a key finds the
 * one first by name wins, as in kz_partner_find_by_name. */
struct name_key {
	char *key;
	size_t seq;
	char id[KZ_ID_LEN + 1];
};

/* Sorted by key, then seq; one entry per key. */
struct kz_partner_names {
	struct name_key *v;
	size_t n, cap;
};

static void add_name_key(struct kz_partner_names *names, const char *text,
			 size_t seq, const char *id)
{
	char *key = kz_fold_key(text);
	struct name_key *k;

	/* An empty key finds nothing: the query binds it as NULL. */
	if (!*key) {
		free(key);
		return;
	}
	if (names->n == names->cap) {
		names->cap = names->cap ? 2 * names->cap : 256;
		names->v = xreallocarray(names->v, names->cap, sizeof(*names->v));
	}
	k = &names->v[names->n++];
	k->key = key;
	k->seq = seq;
	snprintf(k->id, sizeof(k->id), "%s", id);
}

static int cmp_name_key(const void *a, const void *b)
{
	const struct name_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sort, and keep only the first partner of each key. */
static void sort_name_keys(struct kz_partner_names *names)
{
	size_t w = 0;

	qsort(names->v, names->n, sizeof(*names->v), cmp_name_key);
	for (size_t i = 0; i < names->n; i++) {
		if (w > 0 && strcmp(names->v[w - 1].key, names->v[i].key) == 0) {
			free(names->v[i].key);
			continue;
		}
		names->v[w++] = names->v[i];
	}
	names->n = w;
}

enum kz_status kz_partner_names_load(struct kz_db *db,
				     struct kz_partner_names **out,
				     struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db, "SELECT id, name, short_name FROM partners"
				     " ORDER BY name", err);
	struct kz_partner_names *names;
	size_t seq = 0;
	int rc;

	*out = NULL;
	if (!q)
		return err ? err->status : KZ_ENV;
	names = xcalloc(1, sizeof(*names));
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *id = kz_column_str(q, 0);

		if (strlen(id) != KZ_ID_LEN)
			continue;
		add_name_key(names, kz_column_str(q, 1), seq, id);
		add_name_key(names, kz_column_str(q, 2), seq, id);
		seq++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		kz_partner_names_free(names);
		return kz_db_fail(db, rc, err, "partners");
	}
	sort_name_keys(names);
	*out = names;
	return KZ_OK;
}

enum kz_status kz_partner_names_find(const struct kz_partner_names *names,
				     const char *name,
				     char id_out[KZ_ID_LEN + 1])
{
	char *key = kz_fold_key(name);
	const struct name_key *hit = NULL;
	size_t lo = 0, hi = *key ? names->n : 0;

	/* Binary search: the keys are sorted and unique. */
	while (lo < hi && !hit) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(names->v[mid].key, key);

		if (c == 0)
			hit = &names->v[mid];
		else if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	free(key);
	if (!hit)
		return KZ_NOT_FOUND;
	memcpy(id_out, hit->id, KZ_ID_LEN + 1);
	return KZ_OK;
}

void kz_partner_names_free(struct kz_partner_names *names)
{
	if (!names)
		return;
	for (size_t i = 0; i < names->n; i++)
		free(names->v[i].key);
	free(names->v);
	free(names);
}

/* --- contacts --------------------------------------------------------------- */

static enum kz_status check_contact(struct kz_db *db, struct kz_contact *c,
				    struct kz_error *err)
{
	enum kz_status st = kz_record_validate(CONTACTS, c, err);

	if (st != KZ_OK)
		return st;
	if (!partner_exists(db, c->partner_id))
		return kz_fail_field(err, KZ_INVALID, "partner_id",
				     _("Partner: there is no such partner."));
	return KZ_OK;
}

enum kz_status kz_contact_save(struct kz_db *db, struct kz_contact *c,
			       struct kz_error *err)
{
	enum kz_status st = check_contact(db, c, err);

	if (st != KZ_OK)
		return st;
	if (!*c->id)
		st = kz_record_insert(db, CONTACTS, c, c->name, err);
	else if ((st = kz_network_guard(db, CONTACTS, c->id, err)) == KZ_OK) {
		struct kz_contact stored = { 0 };
		st = kz_record_update(db, CONTACTS, c, &stored, err);
		kz_contact_clear(&stored);
	}
	if (st == KZ_OK)
		kz_str_set(&c->partner_name, NULL), c->partner_name = kz_query_text(db,
			"SELECT name FROM partners WHERE id = ?1", c->partner_id);
	return st;
}

enum kz_status kz_contact_insert_with_id(struct kz_db *db, struct kz_contact *c,
					 struct kz_error *err)
{
	enum kz_status st = check_contact(db, c, err);

	if (st == KZ_OK)
		st = kz_record_insert(db, CONTACTS, c, c->name, err);
	return st;
}

enum kz_status kz_contact_get(struct kz_db *db, const char *id,
			      struct kz_contact *out, struct kz_error *err)
{
	enum kz_status st = kz_record_load(db, CONTACTS, id, out, err);

	if (st == KZ_OK) {
		free(out->partner_name);
		out->partner_name = kz_query_text(db, "SELECT name FROM partners WHERE id = ?1",
					       out->partner_id);
	}
	return st;
}

enum kz_status kz_contact_find_by_name(struct kz_db *db, const char *partner_id,
				       const char *name,
				       char id_out[KZ_ID_LEN + 1],
				       struct kz_error *err)
{
	/* With a partner, its contacts only (the index on partner_id), not
	 * the folded name of every contact person: an import asks for each
	 * row. */
	sqlite3_stmt *st = kz_db_stmt(db, kz_str_empty(partner_id)
		? "SELECT id FROM contacts WHERE kz_fold_key(name) = ?1"
		  " ORDER BY name LIMIT 1"
		: "SELECT id FROM contacts WHERE partner_id = ?2"
		  " AND kz_fold_key(name) = ?1 ORDER BY name LIMIT 1", err);
	char *folded;
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	folded = kz_fold_key(name);
	kz_bind_text(st, 1, folded);
	if (!kz_str_empty(partner_id))
		kz_bind_text(st, 2, partner_id);
	rc = sqlite3_step(st);
	free(folded);
	if (rc == SQLITE_ROW) {
		memcpy(id_out, sqlite3_column_text(st, 0), KZ_ID_LEN + 1);
		sqlite3_reset(st);
		return KZ_OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "contacts");
	return kz_fail(err, KZ_NOT_FOUND, _("There is no contact person named \"%s\"."), name);
}

enum kz_status kz_contact_delete(struct kz_db *db, const char *id,
				 struct kz_error *err)
{
	struct kz_contact c = { 0 };
	enum kz_status st = kz_db_begin(db, err);

	if (st != KZ_OK)
		return st;
	st = kz_network_guard(db, CONTACTS, id, err);
	if (st == KZ_OK)
		st = kz_contact_get(db, id, &c, err);
	if (st == KZ_OK) {
		/* Services keep the name as free text. */
		sqlite3_stmt *s = kz_db_stmt(db,
			"UPDATE services SET contact_text = ?2, contact_id = NULL,"
			" rev = rev + 1 WHERE contact_id = ?1", err);
		int rc = SQLITE_ERROR;
		if (s) {
			kz_bind_text(s, 1, id);
			kz_bind_text(s, 2, c.name);
			rc = sqlite3_step(s);
			sqlite3_reset(s);
		}
		if (rc != SQLITE_DONE)
			st = s ? kz_db_fail(db, rc, err, "contacts") : KZ_ENV;
	}
	if (st == KZ_OK) {
		sqlite3_stmt *s = kz_db_stmt(db, "DELETE FROM contacts WHERE id = ?1", err);
		int rc = SQLITE_ERROR;
		if (s) {
			kz_bind_text(s, 1, id);
			rc = sqlite3_step(s);
			sqlite3_reset(s);
		}
		if (rc != SQLITE_DONE)
			st = s ? kz_db_fail(db, rc, err, "contacts") : KZ_ENV;
	}
	if (st == KZ_OK)
		st = kz_audit(db, "delete", "contact", id, c.name, err);
	kz_contact_clear(&c);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}

/* --- services --------------------------------------------------------------- */

static enum kz_status check_service(struct kz_db *db, struct kz_service *s,
				    struct kz_error *err)
{
	if (kz_str_empty(s->kind))
		kz_str_set(&s->kind, "service");
	if (kz_str_empty(s->status))
		kz_str_set(&s->status, "active");
	enum kz_status st = kz_record_validate(SERVICES, s, err);
	if (st != KZ_OK)
		return st;
	if (!partner_exists(db, s->provider_id))
		return kz_fail_field(err, KZ_INVALID, "provider_id",
				     _("Provider: there is no such partner."));
	if (s->contact_id) {
		char *owner = kz_query_text(db, "SELECT partner_id FROM contacts WHERE id = ?1",
					 s->contact_id);
		bool ok = owner != NULL;
		free(owner);
		if (!ok)
			return kz_fail_field(err, KZ_INVALID, "contact_id",
					     _("Contact person: there is no such person."));
	}
	if (s->valid_from && s->valid_to && strcmp(s->valid_from, s->valid_to) > 0)
		return kz_fail_field(err, KZ_INVALID, "valid_to",
			       _("Valid to: the end date %s is before the start date %s."),
			       s->valid_to, s->valid_from);
	return KZ_OK;
}

static void fill_service_names(struct kz_db *db, struct kz_service *s)
{
	free(s->provider_name);
	s->provider_name = kz_query_text(db, "SELECT name FROM partners WHERE id = ?1", s->provider_id);
	free(s->contact_name);
	s->contact_name = s->contact_id
		? kz_query_text(db, "SELECT name FROM contacts WHERE id = ?1", s->contact_id)
		: NULL;
}

static void set_verified(struct kz_db *db, struct kz_service *s);

static enum kz_status save_service(struct kz_db *db, struct kz_service *s,
				   bool keep_id, struct kz_error *err)
{
	enum kz_status st;

	/* A service added by a person is verified by that person that day;
	 * data brought in as it is (keep_id: an import, the demo) keeps what
	 * it says. */
	if (!*s->id && !keep_id && kz_str_empty(s->verified_on))
		set_verified(db, s);
	st = check_service(db, s, err);

	if (st != KZ_OK)
		return st;
	if (!*s->id || keep_id) {
		st = kz_record_insert(db, SERVICES, s, s->title, err);
	} else if ((st = kz_network_guard(db, SERVICES, s->id, err)) == KZ_OK) {
		struct kz_service stored = { 0 };
		st = kz_record_update(db, SERVICES, s, &stored, err);
		kz_service_clear(&stored);
	}
	if (st == KZ_OK)
		fill_service_names(db, s);
	return st;
}

enum kz_status kz_service_save(struct kz_db *db, struct kz_service *s,
			       struct kz_error *err)
{
	return save_service(db, s, false, err);
}

enum kz_status kz_service_insert_with_id(struct kz_db *db, struct kz_service *s,
					 struct kz_error *err)
{
	return save_service(db, s, true, err);
}

enum kz_status kz_partner_check(struct kz_db *db, void *rec, struct kz_error *err)
{
	(void)db;
	return check_partner(rec, err);
}

/* As kz_service_insert_with_id: a service in a batch keeps the
 * verification it comes with. */
enum kz_status kz_service_check(struct kz_db *db, void *rec, struct kz_error *err)
{
	return check_service(db, rec, err);
}

enum kz_status kz_batch_add(struct kz_record_batch *b, void *rec,
			    struct kz_error *err)
{
	enum kz_kind kind = kz_record_batch_kind(b);
	const struct kz_kind_info *k = kz_kind_of(kind);
	enum kz_status st;

	if (!k->check)
		return kz_fail(err, KZ_ENV, "a batch holds services or partners, not %s",
			       k->name);
	if ((st = k->check(kz_record_batch_db(b), rec, err)) != KZ_OK)
		return st;
	return kz_record_batch_add(b, rec, kz_record_title(kind, rec), err);
}

enum kz_status kz_service_get(struct kz_db *db, const char *id,
			      struct kz_service *out, struct kz_error *err)
{
	enum kz_status st = kz_record_load(db, SERVICES, id, out, err);

	if (st == KZ_OK)
		fill_service_names(db, out);
	return st;
}

/* Load, change with fn, save: one transaction, with the revision check. */
static enum kz_status change_service(struct kz_db *db, const char *id, long rev,
				     void (*fn)(struct kz_db *, struct kz_service *),
				     struct kz_error *err)
{
	struct kz_service s = { 0 };
	enum kz_status st = kz_db_begin(db, err);

	if (st != KZ_OK)
		return st;
	st = kz_service_get(db, id, &s, err);
	if (st == KZ_OK) {
		if (rev)
			s.stamp.rev = rev;
		fn(db, &s);
		st = kz_service_save(db, &s, err);
	}
	kz_service_clear(&s);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}

static void set_archived(struct kz_db *db, struct kz_service *s)
{
	(void)db;
	kz_str_set(&s->status, "archived");
}

static void set_verified(struct kz_db *db, struct kz_service *s)
{
	char today[11];

	kz_today(today);
	kz_str_set(&s->verified_on, today);
	kz_str_set(&s->verified_by, kz_db_user(db));
}

enum kz_status kz_service_archive(struct kz_db *db, const char *id, long rev,
				  struct kz_error *err)
{
	return change_service(db, id, rev, set_archived, err);
}

enum kz_status kz_service_verify(struct kz_db *db, const char *id, long rev,
				 struct kz_error *err)
{
	return change_service(db, id, rev, set_verified, err);
}

bool kz_service_is_stale(const struct kz_db *db, const char *verified_on,
			 const char *status)
{
	char today[11], limit[11];

	if (status && strcmp(status, "active") != 0)
		return false;
	if (kz_str_empty(verified_on))
		return true;
	kz_today(today);
	kz_date_add_days(today, -kz_db_stale_days(db), limit);
	return strcmp(verified_on, limit) < 0;
}
