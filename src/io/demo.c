/* The demo gmina: Gmina Brzozowa Wola (powiat wierzbnicki, województwo
 * łódzkie), its partnership, the partners' contact persons and the Local
 * Basket of Services, written as the network worker of the GOPS would
 * keep it; then its cases (demo_cases.c) and meetings (demo_meetings.c).
 *
 * The data is in the YAML files of data/demo/, compiled into the program and read by
 * demo_data.c; kz_demo_fill only walks the records and stores each one
 * through the data layer. Dates are relative to today, so the mix of
 * fresh and stale entries is the same whenever the demo is created. */
#include "koszyk/access.h"
#include "koszyk/demo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/demo_data.h"
#include "koszyk/i18n.h"
#include "koszyk/model.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* --- checks -------------------------------------------------------------- */

static bool code_known(const struct kz_items *items, const char *code,
		       size_t len)
{
	for (size_t i = 0; i < items->n; i++) {
		const char *c = items->v[i].code;
		if (c && strlen(c) == len && strncmp(c, code, len) == 0)
			return true;
	}
	return false;
}

/* Every code of a ';'-separated list is configured; *bad points at the
 * first one that is not. */
static bool codes_known(const struct kz_items *items, const char *codes,
			const char **bad)
{
	const char *p = codes;

	while (p && *p) {
		size_t len = strcspn(p, ";");
		if (!code_known(items, p, len)) {
			*bad = p;
			return false;
		}
		p += len;
		if (*p == ';')
			p++;
	}
	return true;
}

static enum kz_status unknown_code(const char *record, const char *what,
				   const char *code, struct kz_error *err)
{
	int len = (int)strcspn(code, ";");

	return kz_fail(err, KZ_INVALID,
		       _("The demo data needs the %s code \"%.*s\" (used by "
			 "\"%s\"), but the configuration does not define it. "
			 "Create the demo with the example configuration."),
		       what, len, code, record);
}

/* The demo uses the codes and logins of the example configuration; a
 * different configuration would leave records with codes nobody can read,
 * so refuse before writing anything. */
static enum kz_status check_config(const struct kz_demo_data *data,
				   const struct kz_config *cfg,
				   struct kz_error *err)
{
	const char *bad = NULL;

	for (size_t i = 0; i < data->partners.n; i++) {
		const struct kz_demo_rec *p = &data->partners.v[i];
		const char *name = kz_demo_get(p, "name");
		if (!codes_known(&cfg->partner_kinds, kz_demo_get(p, "kind"),
				 &bad))
			return unknown_code(name, _("partner kind"), bad, err);
		if (!codes_known(&cfg->sectors, kz_demo_get(p, "sectors"),
				 &bad))
			return unknown_code(name, _("sector"), bad, err);
	}
	for (size_t i = 0; i < data->services.n; i++) {
		const struct kz_demo_rec *s = &data->services.v[i];
		const char *title = kz_demo_get(s, "title");
		const char *by = kz_demo_get(s, "verified_by");
		if (!codes_known(&cfg->categories, kz_demo_get(s, "category"),
				 &bad))
			return unknown_code(title, _("category"), bad, err);
		if (!codes_known(&cfg->sectors, kz_demo_get(s, "sector"), &bad))
			return unknown_code(title, _("sector"), bad, err);
		if (!codes_known(&cfg->target_groups,
				 kz_demo_get(s, "target_groups"), &bad))
			return unknown_code(title, _("target group"), bad,
					    err);
		if (by && !kz_config_user(cfg, by))
			return kz_fail(err, KZ_INVALID,
				       _("The demo data needs the user \"%s\", "
					 "but the configuration does not "
					 "define it. Create the demo with the "
					 "example configuration."),
				       by);
	}
	return KZ_OK;
}

static enum kz_status check_empty(struct kz_db *db, struct kz_error *err)
{
	struct kz_db_counts counts;
	enum kz_status st = kz_db_counts(db, &counts, err);

	if (st != KZ_OK)
		return st;
	if (counts.partners || counts.contacts || counts.services)
		return kz_fail(err, KZ_INVALID,
			       _("The database %s already holds records. The "
				 "demo fills only a new, empty database."),
			       kz_db_path(db));
	return KZ_OK;
}

/* "file:line: " before a message about a record. */
static enum kz_status at_record(const struct kz_demo_rec *r,
				enum kz_status st, struct kz_error *err)
{
	kz_error_prefix(err, "%s:%zu: ", r->file, r->line);
	return st;
}

/* --- lookups in the records ---------------------------------------------- */

/* A demo partner by its short name or name. */
static long find_partner(const struct kz_demo_data *data, const char *name)
{
	for (size_t i = 0; name && i < data->partners.n; i++) {
		const struct kz_demo_rec *p = &data->partners.v[i];
		if (kz_str_eq(kz_demo_get(p, "short_name"), name) ||
		    kz_str_eq(kz_demo_get(p, "name"), name))
			return (long)i;
	}
	return -1;
}

static long find_contact(const struct kz_demo_data *data, long partner,
			 const char *name)
{
	for (size_t i = 0; i < data->contacts.n; i++) {
		const struct kz_demo_rec *c = &data->contacts.v[i];
		if (find_partner(data, kz_demo_get(c, "partner")) == partner &&
		    kz_str_eq(kz_demo_get(c, "name"), name))
			return (long)i;
	}
	return -1;
}

/* --- storing ------------------------------------------------------------- */

typedef char demo_id[KZ_ID_LEN + 1];

static enum kz_status save_partners(struct kz_db *db,
				    const struct kz_demo_data *data,
				    const char *today, demo_id *ids,
				    struct kz_error *err)
{
	for (size_t i = 0; i < data->partners.n; i++) {
		const struct kz_demo_rec *d = &data->partners.v[i];
		struct kz_partner p;
		enum kz_status st;

		memset(&p, 0, sizeof(p));
		kz_demo_set_fields(d, &p, kz_partner_fields,
				   kz_partner_nfields, today);
		st = kz_partner_save(db, &p, err);
		if (st == KZ_OK)
			memcpy(ids[i], p.id, sizeof(ids[i]));
		else
			kz_error_prefix(err, _("demo partner \"%s\": "),
					kz_demo_get(d, "name"));
		kz_partner_clear(&p);
		if (st != KZ_OK)
			return at_record(d, st, err);
	}
	return KZ_OK;
}

static enum kz_status save_contacts(struct kz_db *db,
				    const struct kz_demo_data *data,
				    const char *today,
				    const demo_id *partner_ids, demo_id *ids,
				    struct kz_error *err)
{
	for (size_t i = 0; i < data->contacts.n; i++) {
		const struct kz_demo_rec *d = &data->contacts.v[i];
		const char *name = kz_demo_get(d, "name");
		const char *partner_name = kz_demo_get(d, "partner");
		long partner = find_partner(data, partner_name);
		struct kz_contact c;
		enum kz_status st;

		if (partner < 0)
			return at_record(d, kz_fail(err, KZ_INVALID,
				       _("demo contact \"%s\": no demo partner "
					 "\"%s\""), name,
				       partner_name ? partner_name : ""), err);
		memset(&c, 0, sizeof(c));
		kz_demo_set_fields(d, &c, kz_contact_fields,
				   kz_contact_nfields, today);
		c.partner_id = xstrdup(partner_ids[partner]);
		st = kz_contact_save(db, &c, err);
		if (st == KZ_OK)
			memcpy(ids[i], c.id, sizeof(ids[i]));
		else
			kz_error_prefix(err, _("demo contact \"%s\": "), name);
		kz_contact_clear(&c);
		if (st != KZ_OK)
			return at_record(d, st, err);
	}
	return KZ_OK;
}

/* The dates of a yearly period ("MM-DD" to "MM-DD", possibly across New
 * Year): the current or next one that has not ended yet, or for archived
 * entries the last one that has. */
static void season_dates(const char *today, const char *from, const char *to,
			 bool past, char **out_from, char **out_to)
{
	int year = (int)strtol(today, NULL, 10);
	bool wraps = strcmp(to, from) < 0;
	char start[16], end[16];
	bool found = false;

	for (int y = year - 2; y <= year + 1; y++) {
		char s[16], e[16];
		bool ended;

		snprintf(s, sizeof(s), "%04d-%s", y, from);
		snprintf(e, sizeof(e), "%04d-%s", wraps ? y + 1 : y, to);
		ended = strcmp(e, today) < 0;
		if (past ? ended : (!ended && !found)) {
			memcpy(start, s, sizeof(s));
			memcpy(end, e, sizeof(e));
			found = true;
		}
	}
	*out_from = found ? xstrdup(start) : NULL;
	*out_to = found ? xstrdup(end) : NULL;
}

/* valid_from and valid_to both MM-DD: a period of every year. */
static bool is_season(const char *from, const char *to)
{
	return from && to && strlen(from) == 5 && strlen(to) == 5;
}

/* Fill s from the record d; ids of its provider and contact are looked
 * up among the records saved before. */
static enum kz_status build_service(const struct kz_demo_data *data,
				    const struct kz_demo_rec *d,
				    const demo_id *partner_ids,
				    const demo_id *contact_ids,
				    const char *today, struct kz_service *s,
				    struct kz_error *err)
{
	const char *title = kz_demo_get(d, "title");
	const char *provider_name = kz_demo_get(d, "provider");
	const char *contact_name = kz_demo_get(d, "contact");
	const char *from = kz_demo_get(d, "valid_from");
	const char *to = kz_demo_get(d, "valid_to");
	long provider = find_partner(data, provider_name);
	long contact = -1;

	if (provider < 0)
		return kz_fail(err, KZ_INVALID,
			       _("demo service \"%s\": no demo partner \"%s\""),
			       title, provider_name ? provider_name : "");
	if (contact_name) {
		contact = find_contact(data, provider, contact_name);
		if (contact < 0)
			return kz_fail(err, KZ_INVALID,
				       _("demo service \"%s\": \"%s\" is not a "
					 "contact person of \"%s\""),
				       title, contact_name, provider_name);
	}
	if ((from && strlen(from) == 5) != (to && strlen(to) == 5))
		return kz_fail(err, KZ_INVALID,
			       _("demo service \"%s\": a period of every year "
				 "needs both valid_from and valid_to as MM-DD"),
			       title);
	memset(s, 0, sizeof(*s));
	kz_demo_set_fields(d, s, kz_service_fields, kz_service_nfields, today);
	if (!s->kind)
		s->kind = xstrdup("service");
	s->provider_id = xstrdup(partner_ids[provider]);
	s->contact_id = contact >= 0 ? xstrdup(contact_ids[contact]) : NULL;
	if (!s->status)
		s->status = xstrdup("active");
	if (is_season(from, to))
		season_dates(today, from, to, kz_str_eq(s->status, "archived"),
			     &s->valid_from, &s->valid_to);
	return KZ_OK;
}

static enum kz_status save_services(struct kz_db *db,
				    const struct kz_demo_data *data,
				    const char *today,
				    const demo_id *partner_ids,
				    const demo_id *contact_ids,
				    struct kz_error *err)
{
	for (size_t i = 0; i < data->services.n; i++) {
		const struct kz_demo_rec *d = &data->services.v[i];
		struct kz_service s;
		enum kz_status st;

		st = build_service(data, d, partner_ids, contact_ids, today,
				   &s, err);
		if (st != KZ_OK)
			return at_record(d, st, err);
		/* As the demo says: one without verified_on was never verified. */
		st = kz_service_insert_with_id(db, &s, err);
		if (st != KZ_OK)
			kz_error_prefix(err, _("demo service \"%s\": "),
					s.title);
		kz_service_clear(&s);
		if (st != KZ_OK)
			return at_record(d, st, err);
	}
	return KZ_OK;
}

/* The login the demo records are written by: the first coordinator of the
 * configuration (the network worker), else its first user. */
static const char *demo_author(const struct kz_config *cfg)
{
	for (size_t i = 0; i < cfg->n_users; i++)
		if (cfg->users[i].role == KZ_ROLE_COORDINATOR)
			return cfg->users[i].login;
	return cfg->n_users ? cfg->users[0].login : NULL;
}

static enum kz_status fill(struct kz_db *db, const struct kz_demo_data *data,
			   struct kz_error *err)
{
	demo_id *partner_ids = xcalloc(data->partners.n + 1, sizeof(demo_id));
	demo_id *contact_ids = xcalloc(data->contacts.n + 1, sizeof(demo_id));
	char today[11];
	enum kz_status st;

	kz_today(today);
	st = save_partners(db, data, today, partner_ids, err);
	if (st == KZ_OK)
		st = save_contacts(db, data, today,
				   (const demo_id *)partner_ids, contact_ids,
				   err);
	if (st == KZ_OK)
		st = save_services(db, data, today,
				   (const demo_id *)partner_ids,
				   (const demo_id *)contact_ids, err);
	free(partner_ids);
	free(contact_ids);
	return st;
}

enum kz_status kz_demo_fill_data(struct kz_db *db, const struct kz_config *cfg,
				 const struct kz_demo_data *data,
				 struct kz_error *err)
{
	const char *author = demo_author(cfg);
	char *previous = xstrdup_or_null(kz_db_user(db));
	int system = kz_db_system_begin(db);
	enum kz_status st;

	/* The program writes the fictional gmina itself, whoever runs it. */
	st = check_config(data, cfg, err);
	if (st != KZ_OK)
		goto out;
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		goto out;
	st = check_empty(db, err);
	if (st == KZ_OK)
		st = kz_db_mark_demo(db, err);
	if (st == KZ_OK) {
		if (author)
			kz_db_set_user(db, author);
		st = fill(db, data, err);
		if (st == KZ_OK)
			st = kz_demo_cases_fill(db, cfg, data, err);
		if (st == KZ_OK)
			st = kz_demo_meetings_fill(db, cfg, data, err);
	}
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	if (st != KZ_OK)
		kz_db_rollback(db);
	if (author && previous)
		kz_db_set_user(db, previous);
out:
	kz_db_system_end(db, system);
	free(previous);
	return st;
}

enum kz_status kz_demo_fill(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_error *err)
{
	struct kz_demo_data data;
	enum kz_status st = kz_demo_data_load(&data, err);

	if (st != KZ_OK)
		return st;
	st = kz_demo_fill_data(db, cfg, &data, err);
	kz_demo_data_free(&data);
	return st;
}
