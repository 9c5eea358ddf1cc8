/* export hsds DIR: the published basket in the Open Referral HSDS 3.0
 * tabular layout. Every table of the data package is written (a header
 * row with all its columns; empty cells for what koszyk does not keep)
 * and its datapackage.json as it is (data/hsds/, compiled in).
 *
 * What is published is what the published page shows: active and
 * suspended services, partners who have not left (and the provider of any
 * such service), their contact persons. Nothing about cases. Ids are the
 * records' UUIDs; rows koszyk has no record for (a location, a phone, a
 * schedule, a taxonomy term, ...) get a UUID derived from what they come
 * from, the same at every export. Which field is which column is the
 * table of hsds_map.c, shared with import hsds and the man page. */
#include "koszyk/hsds.h"

#include <errno.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/csv.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/model.h"
#include "koszyk/network.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "hsds_map.h"

extern const char kz_hsds_datapackage[];

struct hsds_table {
	const char *name;
	const char *path;
	const char *const *cols;
};

/* Generated from data/hsds/datapackage.json (the columns of each
 * resource, in order); tests/tools/hsds_validate.py checks them. */
static const char *const cols_organization[] = {
	"id", "name", "alternate_name", "description", "email", "website",
	"tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri",
	"parent_organization_id", NULL
};
static const char *const cols_program[] = {
	"id", "organization_id", "name", "alternate_name", "description", NULL
};
static const char *const cols_service[] = {
	"id", "organization_id", "program_id", "name", "alternate_name",
	"description", "url", "email", "status", "interpretation_services",
	"application_process", "fees_description", "wait_time", "fees",
	"accreditations", "eligibility_description", "minimum_age", "maximum_age",
	"assured_date", "assurer_email", "licenses", "alert", "last_modified", NULL
};
static const char *const cols_attribute[] = {
	"id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value", NULL
};
static const char *const cols_service_at_location[] = {
	"id", "service_id", "location_id", "description", NULL
};
static const char *const cols_location[] = {
	"id", "location_type", "url", "organization_id", "name", "alternate_name",
	"description", "transportation", "latitude", "longitude",
	"external_identifier", "external_identifier_type", NULL
};
static const char *const cols_phone[] = {
	"id", "location_id", "service_id", "organization_id", "contact_id",
	"service_at_location_id", "number", "extension", "type", "description", NULL
};
static const char *const cols_contact[] = {
	"id", "organization_id", "service_id", "service_at_location_id",
	"location_id", "name", "title", "department", "email", NULL
};
static const char *const cols_address[] = {
	"id", "location_id", "attention", "address_1", "address_2", "city",
	"region", "state_province", "postal_code", "country", "address_type", NULL
};
static const char *const cols_schedule[] = {
	"id", "service_id", "location_id", "service_at_location_id", "valid_from",
	"valid_to", "dtstart", "timezone", "until", "count", "wkst", "freq",
	"interval", "byday", "byweekno", "bymonthday", "byyearday", "description",
	"opens_at", "closes_at", "schedule_link", "attending_type", "notes", NULL
};
static const char *const cols_funding[] = {
	"id", "organization_id", "service_id", "source", NULL
};
static const char *const cols_service_area[] = {
	"id", "service_id", "name", "description", "extent", "extent_type", "uri", NULL
};
static const char *const cols_required_document[] = {
	"id", "service_id", "document", "uri", NULL
};
static const char *const cols_language[] = {
	"id", "service_id", "location_id", "phone_id", "name", "code", "note", NULL
};
static const char *const cols_accessibility[] = {
	"id", "location_id", "description", "details", "url", NULL
};
static const char *const cols_taxonomy_term[] = {
	"id", "code", "name", "description", "parent_id", "taxonomy", "language",
	"taxonomy_id", "term_uri", NULL
};
static const char *const cols_metadata[] = {
	"id", "resource_id", "resource_type", "last_action_date",
	"last_action_type", "field_name", "previous_value", "replacement_value",
	"updated_by", NULL
};
static const char *const cols_meta_table_description[] = {
	"id", "name", "language", "character_set", NULL
};
static const char *const cols_cost_option[] = {
	"id", "service_id", "valid_from", "valid_to", "option", "currency",
	"amount", "amount_description", NULL
};
static const char *const cols_organization_identifier[] = {
	"id", "organization_id", "identifier_scheme", "identifier_type",
	"identifier", NULL
};
static const char *const cols_taxonomy[] = {
	"id", "name", "description", "uri", "version", NULL
};
static const struct hsds_table tables[] = {
	{ "organization", "organizations.csv", cols_organization },
	{ "program", "programs.csv", cols_program },
	{ "service", "services.csv", cols_service },
	{ "attribute", "attributes.csv", cols_attribute },
	{ "service_at_location", "service_at_location.csv", cols_service_at_location },
	{ "location", "locations.csv", cols_location },
	{ "phone", "phones.csv", cols_phone },
	{ "contact", "contacts.csv", cols_contact },
	{ "address", "addresses.csv", cols_address },
	{ "schedule", "schedules.csv", cols_schedule },
	{ "funding", "funding.csv", cols_funding },
	{ "service_area", "service_areas.csv", cols_service_area },
	{ "required_document", "required_documents.csv", cols_required_document },
	{ "language", "languages.csv", cols_language },
	{ "accessibility", "accessibility.csv", cols_accessibility },
	{ "taxonomy_term", "taxonomy_terms.csv", cols_taxonomy_term },
	{ "metadata", "metadata.csv", cols_metadata },
	{ "meta_table_description", "meta_table_descriptions.csv", cols_meta_table_description },
	{ "cost_option", "cost_options.csv", cols_cost_option },
	{ "organization_identifier", "organization_identifiers.csv", cols_organization_identifier },
	{ "taxonomy", "taxonomies.csv", cols_taxonomy },
};
_Static_assert(sizeof(tables) / sizeof(tables[0]) == KZ_HSDS_NTABLES,
	       "every table of the data package");

const char *kz_hsds_table_file(size_t t)
{
	return t < KZ_HSDS_NTABLES ? tables[t].path : NULL;
}


#define MAX_COLS 32
#define MAX_HOURS 8

/* One table being written: its text and the row being filled. */
struct out_table {
	struct kz_buf csv;
	size_t rows;
	const char *row[MAX_COLS];
};

struct hsds {
	struct kz_db *db;
	const struct kz_config *cfg;
	struct out_table t[KZ_HSDS_NTABLES];
	struct kz_service *services;
	size_t nservices;
	struct kz_partner *partners;
	size_t npartners;
	struct kz_contact *contacts;
	size_t ncontacts;
	bool *published;  /* per partner */
};

/* --- reading ---------------------------------------------------------- */

/* A partnership publishes its own basket only: not what came from the
 * baskets of its network. */
static bool of_network(struct hsds *h, enum kz_kind kind, const char *id)
{
	return kz_network_foreign(h->db, kind, id);
}

static enum kz_status take_service(const struct kz_service *s, void *ctx)
{
	struct hsds *h = ctx;

	if (of_network(h, KZ_KIND_SERVICE, s->id))
		return KZ_OK;
	h->services = xreallocarray(h->services, h->nservices + 1,
				    sizeof(*h->services));
	memset(&h->services[h->nservices], 0, sizeof(*h->services));
	kz_service_copy(&h->services[h->nservices++], s);
	return KZ_OK;
}

static enum kz_status take_partner(const struct kz_partner *p, void *ctx)
{
	struct hsds *h = ctx;

	if (of_network(h, KZ_KIND_PARTNER, p->id))
		return KZ_OK;
	h->partners = xreallocarray(h->partners, h->npartners + 1,
				    sizeof(*h->partners));
	memset(&h->partners[h->npartners], 0, sizeof(*h->partners));
	kz_partner_copy(&h->partners[h->npartners++], p);
	return KZ_OK;
}

static enum kz_status take_contact(const struct kz_contact *c, void *ctx)
{
	struct hsds *h = ctx;

	if (of_network(h, KZ_KIND_CONTACT, c->id))
		return KZ_OK;
	h->contacts = xreallocarray(h->contacts, h->ncontacts + 1,
				    sizeof(*h->contacts));
	memset(&h->contacts[h->ncontacts], 0, sizeof(*h->contacts));
	kz_contact_copy(&h->contacts[h->ncontacts++], c);
	return KZ_OK;
}

static void hsds_free(struct hsds *h)
{
	for (size_t i = 0; i < h->nservices; i++)
		kz_service_clear(&h->services[i]);
	for (size_t i = 0; i < h->npartners; i++)
		kz_partner_clear(&h->partners[i]);
	for (size_t i = 0; i < h->ncontacts; i++)
		kz_contact_clear(&h->contacts[i]);
	for (size_t i = 0; i < KZ_HSDS_NTABLES; i++)
		kz_buf_free(&h->t[i].csv);
	free(h->services);
	free(h->partners);
	free(h->contacts);
	free(h->published);
}

static size_t partner_index(const struct hsds *h, const char *id)
{
	for (size_t i = 0; id && i < h->npartners; i++)
		if (strcmp(h->partners[i].id, id) == 0)
			return i;
	return SIZE_MAX;
}

/* Partners who have not left, and every provider of a published
 * service. */
static void mark_published(struct hsds *h)
{
	h->published = xcalloc(h->npartners ? h->npartners : 1, sizeof(bool));
	for (size_t i = 0; i < h->npartners; i++)
		h->published[i] = !kz_str_eq(h->partners[i].status, "left");
	for (size_t i = 0; i < h->nservices; i++) {
		size_t p = partner_index(h, h->services[i].provider_id);
		if (p != SIZE_MAX)
			h->published[p] = true;
	}
}

static enum kz_status hsds_read(struct kz_db *db, struct hsds *h,
				struct kz_error *err)
{
	enum kz_status st;

	h->db = db;
	st = kz_service_each(db, false, take_service, h, err);

	if (st == KZ_OK)
		st = kz_partner_each(db, take_partner, h, err);
	if (st == KZ_OK)
		st = kz_contact_each(db, NULL, take_contact, h, err);
	if (st == KZ_OK)
		mark_published(h);
	return st;
}

/* --- writing rows ------------------------------------------------------ */

/* A value worth a cell: not empty and not a dash standing for "none". */
static bool has_text(const char *s)
{
	return !kz_str_empty(s) && strcmp(s, "—") != 0 && strcmp(s, "-") != 0 &&
	       strcmp(s, "–") != 0;
}

static void row_begin(struct hsds *h, int t)
{
	memset(h->t[t].row, 0, sizeof(h->t[t].row));
}

static void row_set(struct hsds *h, int t, const char *col, const char *value)
{
	const char *const *cols = tables[t].cols;

	for (size_t i = 0; cols[i]; i++)
		if (strcmp(cols[i], col) == 0) {
			h->t[t].row[i] = has_text(value) ? value : NULL;
			return;
		}
	kz_die("hsds: table %s has no column %s", tables[t].name, col);
}

/* The row into the table's text; the values may go out of scope now. */
static void row_end(struct hsds *h, int t)
{
	const char *const *cols = tables[t].cols;

	for (size_t i = 0; cols[i]; i++)
		kz_csv_field(&h->t[t].csv, h->t[t].row[i] ? h->t[t].row[i] : "",
			     i == 0);
	kz_csv_end(&h->t[t].csv);
	h->t[t].rows++;
}

static void headers(struct hsds *h)
{
	for (size_t t = 0; t < KZ_HSDS_NTABLES; t++) {
		for (size_t i = 0; tables[t].cols[i]; i++)
			kz_csv_field(&h->t[t].csv, tables[t].cols[i], i == 0);
		kz_csv_end(&h->t[t].csv);
	}
}

/* A UUID (version 5 bits, variant 1) derived from a text: the id of a row
 * koszyk keeps no record for, the same at every export. */
static void derived_id(char out[KZ_ID_LEN + 1], const char *kind,
		       const char *a, const char *b)
{
	unsigned char hash[16];
	crypto_generichash_state st;

	crypto_generichash_init(&st, (const unsigned char *)"koszyk-hsds", 11,
				sizeof(hash));
	crypto_generichash_update(&st, (const unsigned char *)kind,
				  strlen(kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)a,
				  strlen(a) + 1);
	if (b)
		crypto_generichash_update(&st, (const unsigned char *)b,
					  strlen(b) + 1);
	crypto_generichash_final(&st, hash, sizeof(hash));
	hash[6] = (unsigned char)((hash[6] & 0x0f) | 0x50);
	hash[8] = (unsigned char)((hash[8] & 0x3f) | 0x80);
	snprintf(out, KZ_ID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6],
		 hash[7], hash[8], hash[9], hash[10], hash[11], hash[12],
		 hash[13], hash[14], hash[15]);
}

/* --- organizations, contacts, phones ------------------------------------ */

static void phone_row(struct hsds *h, const char *owner_id,
		      const char *organization_id, const char *contact_id,
		      const char *number)
{
	char id[KZ_ID_LEN + 1];

	if (!has_text(number))
		return;
	derived_id(id, "phone", owner_id, NULL);
	row_begin(h, T_PHONE);
	row_set(h, T_PHONE, "id", id);
	row_set(h, T_PHONE, "organization_id", organization_id);
	row_set(h, T_PHONE, "contact_id", contact_id);
	row_set(h, T_PHONE, "number", number);
	row_set(h, T_PHONE, "type", "voice");
	row_end(h, T_PHONE);
}

/* The columns of table t that the mapping holds as they are (or as a
 * web address): from the fields of rec, a record of kind. Returns what
 * to free after row_end. */
static char *map_fields(struct hsds *h, int t, enum kz_kind kind,
			const void *rec)
{
	const struct kz_kind_info *k = kz_kind_of(kind);
	char *owned = NULL;

	for (size_t i = 0; i < kz_hsds_nmaps; i++) {
		const struct kz_hsds_map *m = &kz_hsds_maps[i];
		const char *v;

		if (m->table != t || m->kind != kind || m->conv == KZ_HSDS_RULE)
			continue;
		v = *kz_field_slot((void *)rec, kz_field_find(k->fields, *k->nfields,
							       m->field));
		if (m->conv == KZ_HSDS_URL && has_text(v) && !strstr(v, "://")) {
			free(owned);
			v = owned = xasprintf("https://%s", v);
		}
		row_set(h, t, m->column, v);
	}
	return owned;
}

/* The partner's KRS number: an organization identifier of the scheme
 * PL-KRS (org-id.guide). */
static void organization_identifier(struct hsds *h, const struct kz_partner *p)
{
	char id[KZ_ID_LEN + 1];

	if (!has_text(p->krs))
		return;
	derived_id(id, "organization_identifier", p->id, "PL-KRS");
	row_begin(h, T_ORGANIZATION_IDENTIFIER);
	row_set(h, T_ORGANIZATION_IDENTIFIER, "id", id);
	row_set(h, T_ORGANIZATION_IDENTIFIER, "organization_id", p->id);
	row_set(h, T_ORGANIZATION_IDENTIFIER, "identifier_scheme", "PL-KRS");
	row_set(h, T_ORGANIZATION_IDENTIFIER, "identifier_type", "KRS");
	row_set(h, T_ORGANIZATION_IDENTIFIER, "identifier", p->krs);
	row_end(h, T_ORGANIZATION_IDENTIFIER);
}

/* An address written "street, NN-NNN town" as an address row of the
 * location loc; HSDS requires the state or province, the configured
 * wojewodztwo, without which there is none. */
static void address_row(struct hsds *h, const char *loc, const char *text)
{
	struct kz_hsds_address a;
	char id[KZ_ID_LEN + 1];

	if (!h->cfg || !has_text(h->cfg->wojewodztwo) ||
	    !kz_hsds_address_parse(text, &a))
		return;
	derived_id(id, "address", loc, NULL);
	row_begin(h, T_ADDRESS);
	row_set(h, T_ADDRESS, "id", id);
	row_set(h, T_ADDRESS, "location_id", loc);
	row_set(h, T_ADDRESS, "address_1", a.street);
	row_set(h, T_ADDRESS, "city", a.city);
	row_set(h, T_ADDRESS, "state_province", h->cfg->wojewodztwo);
	row_set(h, T_ADDRESS, "postal_code", a.postal_code);
	row_set(h, T_ADDRESS, "country", "PL");
	row_set(h, T_ADDRESS, "address_type", "physical");
	row_end(h, T_ADDRESS);
	kz_hsds_address_free(&a);
}

/* The partner's address: a location of the partner named by it. */
static void partner_location(struct hsds *h, const struct kz_partner *p)
{
	char loc[KZ_ID_LEN + 1];

	if (!has_text(p->address))
		return;
	derived_id(loc, "location", p->id, "address");
	row_begin(h, T_LOCATION);
	row_set(h, T_LOCATION, "id", loc);
	row_set(h, T_LOCATION, "location_type", "physical");
	row_set(h, T_LOCATION, "organization_id", p->id);
	row_set(h, T_LOCATION, "name", p->address);
	row_end(h, T_LOCATION);
	address_row(h, loc, p->address);
}

static void organization_row(struct hsds *h, const struct kz_partner *p)
{
	const char *kind = kz_items_label(&h->cfg->partner_kinds, p->kind);
	const char *desc = has_text(p->role) ? p->role :
			   has_text(kind) ? kind : p->name;
	char *owned;

	row_begin(h, T_ORGANIZATION);
	row_set(h, T_ORGANIZATION, "id", p->id);
	owned = map_fields(h, T_ORGANIZATION, KZ_KIND_PARTNER, p);
	row_set(h, T_ORGANIZATION, "description", desc);
	row_set(h, T_ORGANIZATION, "legal_status", kind);
	row_end(h, T_ORGANIZATION);
	free(owned);
	phone_row(h, p->id, p->id, NULL, p->phone);
	organization_identifier(h, p);
	partner_location(h, p);
}

static void contact_row(struct hsds *h, const struct kz_contact *c)
{
	row_begin(h, T_CONTACT);
	row_set(h, T_CONTACT, "id", c->id);
	row_set(h, T_CONTACT, "organization_id", c->partner_id);
	free(map_fields(h, T_CONTACT, KZ_KIND_CONTACT, c));
	row_end(h, T_CONTACT);
	phone_row(h, c->id, c->partner_id, c->id, c->phone);
}

static void organizations(struct hsds *h)
{
	for (size_t i = 0; i < h->npartners; i++)
		if (h->published[i])
			organization_row(h, &h->partners[i]);
	for (size_t i = 0; i < h->ncontacts; i++) {
		size_t p = partner_index(h, h->contacts[i].partner_id);
		if (p != SIZE_MAX && h->published[p])
			contact_row(h, &h->contacts[i]);
	}
}

/* --- the taxonomy --------------------------------------------------------- */

/* The configuration's vocabularies published as the taxonomy "koszyk":
 * a term's code is the vocabulary's name and the configured code
 * ("category:zdrowie"), stable as long as the configuration's code is. */
static const struct {
	enum kz_vocab vocab;
	const char *prefix;  /* also the attribute's link_type */
	const char *what;    /* msgid: the term's description */
} vocabs[] = {
	{ KZ_VOCAB_CATEGORIES, "category", N_("A category of services of the basket") },
	{ KZ_VOCAB_SECTORS, "sector", N_("A sector of the partnership") },
	{ KZ_VOCAB_TARGET_GROUPS, "target_group", N_("A group of people the services are for") },
};

static void term_id(char out[KZ_ID_LEN + 1], const char *prefix,
		    const char *code)
{
	derived_id(out, "taxonomy_term", prefix, code);
}

static void taxonomy(struct hsds *h)
{
	char tax[KZ_ID_LEN + 1], id[KZ_ID_LEN + 1];

	derived_id(tax, "taxonomy", "koszyk", NULL);
	row_begin(h, T_TAXONOMY);
	row_set(h, T_TAXONOMY, "id", tax);
	row_set(h, T_TAXONOMY, "name", "koszyk");
	row_set(h, T_TAXONOMY, "description",
		_("Categories of services, sectors of the partnership and target groups of a local basket of services (koszyk)"));
	row_set(h, T_TAXONOMY, "version", "1");
	row_end(h, T_TAXONOMY);
	for (size_t v = 0; v < sizeof(vocabs) / sizeof(vocabs[0]); v++) {
		const struct kz_items *items = kz_config_vocab(h->cfg, vocabs[v].vocab);

		for (size_t i = 0; items && i < items->n; i++) {
			char *code = xasprintf("%s:%s", vocabs[v].prefix,
					       items->v[i].code);

			term_id(id, vocabs[v].prefix, items->v[i].code);
			row_begin(h, T_TAXONOMY_TERM);
			row_set(h, T_TAXONOMY_TERM, "id", id);
			row_set(h, T_TAXONOMY_TERM, "code", code);
			row_set(h, T_TAXONOMY_TERM, "name", items->v[i].label);
			row_set(h, T_TAXONOMY_TERM, "description", _(vocabs[v].what));
			row_set(h, T_TAXONOMY_TERM, "taxonomy", "koszyk");
			row_set(h, T_TAXONOMY_TERM, "language", "pl");
			row_set(h, T_TAXONOMY_TERM, "taxonomy_id", tax);
			row_end(h, T_TAXONOMY_TERM);
			free(code);
		}
	}
}

static void attribute_row(struct hsds *h, const struct kz_service *s,
			  size_t v, const char *code)
{
	char id[KZ_ID_LEN + 1], term[KZ_ID_LEN + 1];
	const struct kz_item *item =
		kz_items_find(kz_config_vocab(h->cfg, vocabs[v].vocab), code);

	if (!item)
		return;  /* not a term of the taxonomy */
	term_id(term, vocabs[v].prefix, item->code);
	derived_id(id, "attribute", s->id, term);
	row_begin(h, T_ATTRIBUTE);
	row_set(h, T_ATTRIBUTE, "id", id);
	row_set(h, T_ATTRIBUTE, "link_id", s->id);
	row_set(h, T_ATTRIBUTE, "taxonomy_term_id", term);
	row_set(h, T_ATTRIBUTE, "link_type", vocabs[v].prefix);
	row_set(h, T_ATTRIBUTE, "link_entity", "service");
	row_end(h, T_ATTRIBUTE);
}

/* vocabs[0] categories, [1] sectors, [2] target groups (';'). */
static void attributes(struct hsds *h, const struct kz_service *s)
{
	char *groups, *save = NULL;

	if (has_text(s->category))
		attribute_row(h, s, 0, s->category);
	if (has_text(s->sector))
		attribute_row(h, s, 1, s->sector);
	if (!has_text(s->target_groups))
		return;
	groups = xstrdup(s->target_groups);
	for (char *g = strtok_r(groups, ";", &save); g;
	     g = strtok_r(NULL, ";", &save))
		if (*kz_trim(g))
			attribute_row(h, s, 2, kz_trim(g));
	free(groups);
}

/* --- services -------------------------------------------------------------- */

/* HSDS has active, inactive, defunct and temporarily closed; archived
 * services are not published. */
static const char *service_status(const char *status)
{
	return kz_str_eq(status, "suspended") ? "temporarily closed" : "active";
}

static void service_row(struct hsds *h, const struct kz_service *s)
{
	row_begin(h, T_SERVICE);
	row_set(h, T_SERVICE, "id", s->id);
	row_set(h, T_SERVICE, "organization_id", s->provider_id);
	row_set(h, T_SERVICE, "status", service_status(s->status));
	/* assured_date is "verified on" (only a verification assures a
	 * service; an ordinary save does not). */
	free(map_fields(h, T_SERVICE, KZ_KIND_SERVICE, s));
	row_set(h, T_SERVICE, "last_modified", s->stamp.updated_at);
	row_end(h, T_SERVICE);
}

/* A location for each distinct place, its id derived from the text; the
 * service is at it. first: no service before it has this place. */
static void location_rows(struct hsds *h, const struct kz_service *s,
			  bool first)
{
	char loc[KZ_ID_LEN + 1], sal[KZ_ID_LEN + 1];

	if (!has_text(s->place))
		return;
	derived_id(loc, "location", s->place, NULL);
	if (first) {
		row_begin(h, T_LOCATION);
		row_set(h, T_LOCATION, "id", loc);
		row_set(h, T_LOCATION, "location_type", "physical");
		row_set(h, T_LOCATION, "name", s->place);
		row_end(h, T_LOCATION);
		address_row(h, loc, s->place);
	}
	derived_id(sal, "service_at_location", s->id, NULL);
	row_begin(h, T_SERVICE_AT_LOCATION);
	row_set(h, T_SERVICE_AT_LOCATION, "id", sal);
	row_set(h, T_SERVICE_AT_LOCATION, "service_id", s->id);
	row_set(h, T_SERVICE_AT_LOCATION, "location_id", loc);
	row_end(h, T_SERVICE_AT_LOCATION);
}

static void schedule_row(struct hsds *h, const struct kz_service *s,
			 size_t n, const struct kz_hsds_hours *hours)
{
	char id[KZ_ID_LEN + 1], nth[24];

	snprintf(nth, sizeof(nth), "%zu", n);
	derived_id(id, "schedule", s->id, nth);
	row_begin(h, T_SCHEDULE);
	row_set(h, T_SCHEDULE, "id", id);
	row_set(h, T_SCHEDULE, "service_id", s->id);
	row_set(h, T_SCHEDULE, "valid_from", s->valid_from);
	row_set(h, T_SCHEDULE, "valid_to", s->valid_to);
	if (hours) {
		row_set(h, T_SCHEDULE, "freq", "WEEKLY");
		row_set(h, T_SCHEDULE, "byday", hours->byday);
		row_set(h, T_SCHEDULE, "opens_at", hours->opens_at);
		row_set(h, T_SCHEDULE, "closes_at", hours->closes_at);
	}
	row_set(h, T_SCHEDULE, "description", s->hours);
	row_end(h, T_SCHEDULE);
}

/* A row for each part of the hours understood, or one with the text
 * only; every row keeps the whole text as its description. */
static void schedules(struct hsds *h, const struct kz_service *s)
{
	struct kz_hsds_hours hours[MAX_HOURS];
	size_t n;

	if (!has_text(s->hours))
		return;
	n = kz_hsds_parse_hours(s->hours, hours, MAX_HOURS);
	if (n == 0)
		schedule_row(h, s, 0, NULL);
	for (size_t i = 0; i < n; i++)
		schedule_row(h, s, i, &hours[i]);
}

static void service_area(struct hsds *h, const struct kz_service *s)
{
	char id[KZ_ID_LEN + 1];

	if (!has_text(s->area))
		return;
	derived_id(id, "service_area", s->id, NULL);
	row_begin(h, T_SERVICE_AREA);
	row_set(h, T_SERVICE_AREA, "id", id);
	row_set(h, T_SERVICE_AREA, "service_id", s->id);
	row_set(h, T_SERVICE_AREA, "name", s->area);
	row_end(h, T_SERVICE_AREA);
}

/* The text after "Dokumenty:" or "Wymagane dokumenty:" at the start of a
 * line, or NULL. */
static const char *documents_of(const char *line)
{
	static const char *const marks[] = { "Dokumenty:", "Wymagane dokumenty:" };

	while (*line == ' ' || *line == '\t')
		line++;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strncasecmp(line, marks[i], strlen(marks[i])) == 0)
			return line + strlen(marks[i]);
	return NULL;
}

/* Required documents: each line of the access conditions that begins
 * with "Dokumenty:" (or "Wymagane dokumenty:") lists them, separated by
 * ';'. */
static void required_documents(struct hsds *h, const struct kz_service *s)
{
	char *text, *line_save = NULL;
	size_t n = 0;

	if (!has_text(s->access_conditions))
		return;
	text = xstrdup(s->access_conditions);
	for (char *line = strtok_r(text, "\n", &line_save); line;
	     line = strtok_r(NULL, "\n", &line_save)) {
		const char *docs = documents_of(line);
		char *save = NULL;

		if (!docs)
			continue;
		for (char *d = strtok_r((char *)docs, ";\r", &save); d;
		     d = strtok_r(NULL, ";\r", &save)) {
			char id[KZ_ID_LEN + 1], nth[24];
			char *doc = kz_trim(d);

			if (!*doc)
				continue;
			snprintf(nth, sizeof(nth), "%zu", n++);
			derived_id(id, "required_document", s->id, nth);
			row_begin(h, T_REQUIRED_DOCUMENT);
			row_set(h, T_REQUIRED_DOCUMENT, "id", id);
			row_set(h, T_REQUIRED_DOCUMENT, "service_id", s->id);
			row_set(h, T_REQUIRED_DOCUMENT, "document", doc);
			row_end(h, T_REQUIRED_DOCUMENT);
		}
	}
	free(text);
}

/* "50", "12,50 zł", "5 zł": the amount as a number ("12.50"); false for
 * any other text. */
static bool plain_amount(const char *cost, char out[32])
{
	size_t n = 0;
	const char *p = cost;

	while (*p >= '0' && *p <= '9' && n < 12)
		out[n++] = *p++;
	if (n == 0)
		return false;
	if ((*p == ',' || *p == '.') && p[1] >= '0' && p[1] <= '9') {
		out[n++] = '.';
		p++;
		while (*p >= '0' && *p <= '9' && n < 16)
			out[n++] = *p++;
	}
	out[n] = '\0';
	while (*p == ' ')
		p++;
	if (strcmp(p, "zł") == 0)
		p += strlen("zł");
	return *p == '\0';
}

static void cost_option(struct hsds *h, const struct kz_service *s)
{
	char id[KZ_ID_LEN + 1], amount[32];
	bool plain;

	if (!has_text(s->cost))
		return;
	plain = plain_amount(s->cost, amount);
	derived_id(id, "cost_option", s->id, NULL);
	row_begin(h, T_COST_OPTION);
	row_set(h, T_COST_OPTION, "id", id);
	row_set(h, T_COST_OPTION, "service_id", s->id);
	row_set(h, T_COST_OPTION, "valid_from", s->valid_from);
	row_set(h, T_COST_OPTION, "valid_to", s->valid_to);
	row_set(h, T_COST_OPTION, "option", s->cost);
	if (plain) {
		row_set(h, T_COST_OPTION, "currency", "PLN");
		row_set(h, T_COST_OPTION, "amount", amount);
	}
	row_end(h, T_COST_OPTION);
}

static int cmp_place(const void *a, const void *b, void *ctx)
{
	const struct kz_service *sv = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sv[x].place ? sv[x].place : "", sv[y].place ? sv[y].place : "");

	return c ? c : (x > y) - (x < y);
}

/* Which services are the first with their place, found through the
 * services sorted by place: each compared with every one before it took
 * most of an export of 100,000 services. */
static bool *first_of_place(const struct hsds *h)
{
	size_t n = h->nservices, *order = xreallocarray(NULL, n ? n : 1, sizeof(size_t));
	bool *first = xcalloc(n ? n : 1, sizeof(bool));

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof(*order), cmp_place, h->services);
	for (size_t k = 0; k < n; k++)
		first[order[k]] = k == 0 ||
			!kz_str_eq(h->services[order[k - 1]].place, h->services[order[k]].place);
	free(order);
	return first;
}

static void services(struct hsds *h)
{
	bool *first = first_of_place(h);

	for (size_t i = 0; i < h->nservices; i++) {
		const struct kz_service *s = &h->services[i];

		service_row(h, s);
		attributes(h, s);
		location_rows(h, s, first[i]);
		schedules(h, s);
		service_area(h, s);
		required_documents(h, s);
		cost_option(h, s);
	}
	free(first);
}

/* --- the files ------------------------------------------------------------------ */

static enum kz_status make_dir(const char *dir, struct kz_error *err)
{
	struct stat sb;

	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			return kz_fail(err, KZ_INVALID,
				       _("%s: not a folder; export hsds writes its files into a folder"),
				       dir);
		return KZ_OK;
	}
	if (kz_mkdir_p(dir, 0755, err) != KZ_OK) {
		/* A path through a file is bad usage; permission denied or a
		 * full disk is the machine's trouble (exit 3). */
		int e = errno;
		char why[sizeof(err->msg)];

		snprintf(why, sizeof(why), "%s", err->msg);
		return kz_fail(err, e == ENOTDIR || e == ENOENT ? KZ_INVALID : KZ_ENV,
			       _("%s: cannot make the folder: %s"), dir, why);
	}
	return KZ_OK;
}

static enum kz_status write_one(const char *dir, const char *name,
				const char *data, size_t len,
				struct kz_error *err)
{
	char *path = xasprintf("%s/%s", dir, name);
	enum kz_status st = kz_write_file_atomic(path, data, len, 0644, err);

	if (st != KZ_OK) {
		char why[sizeof(err->msg)];

		snprintf(why, sizeof(why), "%s", err->msg);
		st = kz_fail(err, KZ_ENV, _("%s: cannot write: %s"), path, why);
	}
	free(path);
	return st;
}

static enum kz_status write_files(struct hsds *h, const char *dir,
				  struct kz_hsds_counts *counts,
				  struct kz_error *err)
{
	enum kz_status st = make_dir(dir, err);

	for (size_t t = 0; st == KZ_OK && t < KZ_HSDS_NTABLES; t++) {
		st = write_one(dir, tables[t].path, kz_buf_str(&h->t[t].csv),
			       h->t[t].csv.len, err);
		if (counts) {
			counts->file[t] = tables[t].path;
			counts->rows[t] = h->t[t].rows;
		}
	}
	if (st == KZ_OK)
		st = write_one(dir, "datapackage.json", kz_hsds_datapackage,
			       strlen(kz_hsds_datapackage), err);
	return st;
}

enum kz_status kz_export_hsds(struct kz_db *db, const struct kz_config *cfg,
			      const char *dir, struct kz_hsds_counts *counts,
			      struct kz_error *err)
{
	struct hsds h;
	enum kz_status st;

	memset(&h, 0, sizeof(h));
	h.cfg = cfg;
	st = hsds_read(db, &h, err);
	if (st == KZ_OK) {
		headers(&h);
		organizations(&h);
		taxonomy(&h);
		services(&h);
		st = write_files(&h, dir, counts, err);
	}
	hsds_free(&h);
	return st;
}
