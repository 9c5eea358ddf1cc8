/* Export of the basket: CSV (services, partners), JSON, Markdown and one
 * self-contained HTML page for the Lider's website.
 *
 * CSV of services is a full data exchange and includes archived entries;
 * everything else is for publishing and holds only active and suspended
 * services. Markdown and HTML are read by the public: their headings are
 * msgids, their values come from the database and are escaped. */
#include "koszyk/meter.h"
#include "koszyk/exchange.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/csv.h"
#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/model.h"
#include "koszyk/csp.h"
#include "koszyk/network.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* Everything an export needs, read once. */
struct basket {
	struct kz_db *db;
	long total;  /* records to read, for the meter */
	bool own_only;  /* leave out the baskets of the network */
	struct kz_service *services;
	size_t nservices, cap_services;
	struct kz_partner *partners;
	size_t npartners, cap_partners;
	struct kz_contact *contacts;
	size_t ncontacts, cap_contacts;
};

/* The meter counts the records read: reading is the long part. */
static void read_meter(const struct basket *b)
{
	long done = (long)(b->nservices + b->npartners + b->ncontacts);

	if (done % 256 == 0)
		kz_meter_report(done < b->total ? done : b->total, b->total);
}

/* Another partnership's record, left out of what we publish and export:
 * its own partnership publishes it. */
static bool foreign(const struct basket *b, enum kz_kind kind, const char *id)
{
	return b->own_only && kz_network_foreign(b->db, kind, id);
}

static enum kz_status collect_service(const struct kz_service *s, void *ctx)
{
	struct basket *b = ctx;

	read_meter(b);
	if (foreign(b, KZ_KIND_SERVICE, s->id))
		return KZ_OK;
	if (b->nservices == b->cap_services) {
		b->cap_services = b->cap_services ? 2 * b->cap_services : 64;
		b->services = xreallocarray(b->services, b->cap_services,
					    sizeof(*b->services));
	}
	memset(&b->services[b->nservices], 0, sizeof(*b->services));
	kz_service_copy(&b->services[b->nservices++], s);
	return KZ_OK;
}

static enum kz_status collect_partner(const struct kz_partner *p, void *ctx)
{
	struct basket *b = ctx;

	read_meter(b);
	if (foreign(b, KZ_KIND_PARTNER, p->id))
		return KZ_OK;
	if (b->npartners == b->cap_partners) {
		b->cap_partners = b->cap_partners ? 2 * b->cap_partners : 64;
		b->partners = xreallocarray(b->partners, b->cap_partners,
					    sizeof(*b->partners));
	}
	memset(&b->partners[b->npartners], 0, sizeof(*b->partners));
	kz_partner_copy(&b->partners[b->npartners++], p);
	return KZ_OK;
}

static enum kz_status collect_contact(const struct kz_contact *c, void *ctx)
{
	struct basket *b = ctx;

	read_meter(b);
	if (foreign(b, KZ_KIND_CONTACT, c->id))
		return KZ_OK;
	if (b->ncontacts == b->cap_contacts) {
		b->cap_contacts = b->cap_contacts ? 2 * b->cap_contacts : 64;
		b->contacts = xreallocarray(b->contacts, b->cap_contacts,
					    sizeof(*b->contacts));
	}
	memset(&b->contacts[b->ncontacts], 0, sizeof(*b->contacts));
	kz_contact_copy(&b->contacts[b->ncontacts++], c);
	return KZ_OK;
}

static void basket_free(struct basket *b)
{
	for (size_t i = 0; i < b->nservices; i++)
		kz_service_clear(&b->services[i]);
	for (size_t i = 0; i < b->npartners; i++)
		kz_partner_clear(&b->partners[i]);
	for (size_t i = 0; i < b->ncontacts; i++)
		kz_contact_clear(&b->contacts[i]);
	free(b->services);
	free(b->partners);
	free(b->contacts);
	memset(b, 0, sizeof(*b));
}

/* The basket, or (own_only) our own partnership's part of it. */
static enum kz_status basket_read(struct kz_db *db, bool include_archived,
				  bool own_only, struct basket *b,
				  struct kz_error *err)
{
	enum kz_status st;
	struct kz_db_counts n;

	memset(b, 0, sizeof(*b));
	b->db = db;
	if (kz_db_counts_of(db, KZ_COUNT_BASIC, &n, NULL) == KZ_OK)
		b->total = n.services + n.partners + n.contacts;
	b->own_only = own_only;
	st = kz_service_each(db, include_archived, collect_service, b, err);
	if (st == KZ_OK)
		st = kz_partner_each(db, collect_partner, b, err);
	if (st == KZ_OK)
		st = kz_contact_each(db, NULL, collect_contact, b, err);
	if (st != KZ_OK)
		basket_free(b);
	else
		kz_meter_report(b->total, b->total);
	return st;
}

static const struct kz_partner *find_partner(const struct basket *b,
					     const char *id)
{
	for (size_t i = 0; id && i < b->npartners; i++)
		if (strcmp(b->partners[i].id, id) == 0)
			return &b->partners[i];
	return NULL;
}

static const struct kz_contact *find_contact(const struct basket *b,
					     const char *id)
{
	for (size_t i = 0; id && i < b->ncontacts; i++)
		if (strcmp(b->contacts[i].id, id) == 0)
			return &b->contacts[i];
	return NULL;
}

static const char *provider_name(const struct basket *b,
				 const struct kz_service *s)
{
	const struct kz_partner *p;

	if (!kz_str_empty(s->provider_name))
		return s->provider_name;
	p = find_partner(b, s->provider_id);
	return p ? p->name : NULL;
}

/* The name of the contact person record, if the service has one. */
static const char *contact_person_name(const struct basket *b,
				       const struct kz_service *s)
{
	const struct kz_contact *c;

	if (!kz_str_empty(s->contact_name))
		return s->contact_name;
	c = find_contact(b, s->contact_id);
	return c && !kz_str_empty(c->name) ? c->name : NULL;
}

/* The contact person's name, or the free text. */
static const char *contact_name(const struct basket *b,
				const struct kz_service *s)
{
	const char *person = contact_person_name(b, s);

	return person ? person : s->contact_text;
}

/* --- CSV ---------------------------------------------------------------- */

/* The text of a column of the CSV of the kind: the id, a field, or
 * (services) the provider's and the contact person's names. */
static const char *csv_value(const struct basket *b, enum kz_kind kind,
			     const void *rec, const char *column)
{
	const struct kz_kind_info *k = kz_kind_of(kind);
	const char *field = kz_csv_field_of_column(kind, column);

	if (strcmp(column, "id") == 0)
		return kz_record_id(kind, rec);
	if (field)
		return *kz_field_slot((void *)rec, kz_field_find(k->fields, *k->nfields, field));
	if (kind == KZ_KIND_SERVICE && strcmp(column, "provider") == 0)
		return provider_name(b, rec);
	if (kind == KZ_KIND_SERVICE && strcmp(column, "contact") == 0)
		return contact_name(b, rec);
	return NULL;
}

/* A header of the kind's columns, then one row per record, sep between
 * the values. */
static void csv_records(const struct basket *b, enum kz_kind kind,
			const void *recs, size_t n, char sep,
			struct kz_buf *out)
{
	const char *const *cols = kz_csv_columns(kind);
	size_t size = kz_kind_of(kind)->size;

	for (size_t k = 0; cols[k]; k++)
		kz_csv_field_sep(out, cols[k], k == 0, sep);
	kz_csv_end(out);
	for (size_t i = 0; i < n; i++) {
		const void *rec = (const char *)recs + i * size;
		for (size_t k = 0; cols[k]; k++)
			kz_csv_field_sep(out, csv_value(b, kind, rec, cols[k]),
					 k == 0, sep);
		kz_csv_end(out);
	}
}

/* --- labels ------------------------------------------------------------- */


static const char *label_of(const struct kz_config *cfg, enum kz_vocab v,
			    const char *code)
{
	const struct kz_items *items = kz_config_vocab(cfg, v);

	if (kz_str_empty(code))
		return NULL;
	return items ? kz_items_label(items, code) : code;
}

/* "dzieci;mlodziez" -> "Dzieci, Młodzież" (allocated; NULL when empty). */
static char *labels_of(const struct kz_config *cfg, enum kz_vocab v,
		       const char *codes, const char *sep)
{
	struct kz_buf b = KZ_BUF_INIT;
	char *copy, *save = NULL;

	if (kz_str_empty(codes))
		return NULL;
	copy = xstrdup(codes);
	for (char *c = strtok_r(copy, ";", &save); c;
	     c = strtok_r(NULL, ";", &save)) {
		kz_trim(c);
		if (!c[0])
			continue;
		if (b.len)
			kz_buf_puts(&b, sep);
		kz_buf_puts(&b, label_of(cfg, v, c));
	}
	free(copy);
	return b.len ? kz_buf_detach(&b) : (kz_buf_free(&b), NULL);
}

/* The translated label of a fixed value (service kind, status). */
static const char *enum_text(const char *value)
{
	const char *label;

	if (kz_str_empty(value))
		return NULL;
	label = kz_enum_label(value);
	return label ? _(label) : value;
}

static const char *user_name(const struct kz_config *cfg, const char *login)
{
	const struct kz_user *u = cfg && !kz_str_empty(login) ?
		kz_config_user(cfg, login) : NULL;

	return u && !kz_str_empty(u->name) ? u->name : login;
}

static const char *gmina_of(const struct kz_config *cfg)
{
	return cfg && !kz_str_empty(cfg->gmina) ? cfg->gmina : NULL;
}

/* --- JSON --------------------------------------------------------------- */

static void json_key(struct kz_buf *out, const char *key)
{
	kz_buf_puts(out, ",");
	kz_buf_json_string(out, key);
	kz_buf_puts(out, ":");
}

static void json_str(struct kz_buf *out, const char *key, const char *v)
{
	json_key(out, key);
	kz_buf_json_string(out, v);
}

/* The fields of a record; the record's own "kind" field (service or
 * activity, the kind of partner) is written as rename_kind, since "kind"
 * says what sort of record the object is. */
static void json_fields(struct kz_buf *out, const struct kz_field *fields,
			size_t n, void *record, const char *rename_kind)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = fields[i].name;

		if (strcmp(name, "id") == 0 || strcmp(name, "title") == 0)
			continue;
		if (strcmp(name, "kind") == 0)
			name = rename_kind;
		json_str(out, name, *kz_field_slot(record, &fields[i]));
	}
}

static void json_labels(struct kz_buf *out, const char *key,
			const struct kz_config *cfg, enum kz_vocab v,
			const char *codes)
{
	char *copy, *save = NULL;
	bool first = true;

	json_key(out, key);
	kz_buf_putc(out, '[');
	copy = xstrdup(codes ? codes : "");
	for (char *c = strtok_r(copy, ";", &save); c;
	     c = strtok_r(NULL, ";", &save)) {
		kz_trim(c);
		if (!c[0])
			continue;
		if (!first)
			kz_buf_putc(out, ',');
		kz_buf_json_string(out, label_of(cfg, v, c));
		first = false;
	}
	free(copy);
	kz_buf_putc(out, ']');
}

static void json_stamp(struct kz_buf *out, const struct kz_stamp *st)
{
	json_str(out, "created_at", st->created_at);
	json_str(out, "created_by", st->created_by);
	json_str(out, "updated_at", st->updated_at);
	json_str(out, "updated_by", st->updated_by);
	json_key(out, "rev");
	kz_buf_printf(out, "%ld", st->rev);
}

/* "network": the short name of the network whose basket the record came
 * from, null for our own. */
static void json_network(struct kz_buf *out, struct kz_db *db,
			 enum kz_kind kind, const char *id)
{
	char *net = kz_network_of(db, kind, id);

	json_str(out, "network", net);
	free(net);
}

static void json_begin(struct kz_buf *out, bool *first, const char *kind,
		       const char *id, const char *title)
{
	kz_buf_puts(out, *first ? "\n{" : ",\n{");
	*first = false;
	kz_buf_json_string(out, "kind");
	kz_buf_putc(out, ':');
	kz_buf_json_string(out, kind);
	json_str(out, "id", id);
	json_str(out, "title", title ? title : "");
}

static void json_service(struct kz_buf *out, const struct kz_config *cfg,
			 const struct basket *b, struct kz_service *s,
			 bool *first)
{
	json_begin(out, first, "service", s->id, s->title);
	json_fields(out, kz_service_fields, kz_service_nfields, s,
		    "service_kind");
	json_str(out, "provider_name", provider_name(b, s));
	/* contact_name: the contact person; contact: what is shown (the
	 * person's name or the free text), as in the CSV column. */
	json_str(out, "contact_name", contact_person_name(b, s));
	json_str(out, "contact", contact_name(b, s));
	json_str(out, "category_label",
		 label_of(cfg, KZ_VOCAB_CATEGORIES, s->category));
	json_str(out, "sector_label",
		 label_of(cfg, KZ_VOCAB_SECTORS, s->sector));
	json_labels(out, "target_group_labels", cfg, KZ_VOCAB_TARGET_GROUPS,
		    s->target_groups);
	json_network(out, b->db, KZ_KIND_SERVICE, s->id);
	json_key(out, "stale");
	kz_buf_puts(out, kz_service_is_stale(b->db, s->verified_on, s->status)
			 ? "true" : "false");
	json_stamp(out, &s->stamp);
	kz_buf_putc(out, '}');
}

static void json_partner(struct kz_buf *out, const struct kz_config *cfg,
			 const struct basket *b, struct kz_partner *p,
			 bool *first)
{
	json_begin(out, first, "partner", p->id, p->name);
	json_fields(out, kz_partner_fields, kz_partner_nfields, p,
		    "partner_kind");
	json_str(out, "partner_kind_label",
		 label_of(cfg, KZ_VOCAB_PARTNER_KINDS, p->kind));
	json_labels(out, "sector_labels", cfg, KZ_VOCAB_SECTORS, p->sectors);
	json_network(out, b->db, KZ_KIND_PARTNER, p->id);
	json_stamp(out, &p->stamp);
	kz_buf_putc(out, '}');
}

static void json_contact(struct kz_buf *out, const struct basket *b,
			 struct kz_contact *c, bool *first)
{
	const struct kz_partner *p = find_partner(b, c->partner_id);
	const char *pname = !kz_str_empty(c->partner_name) ? c->partner_name :
		p ? p->name : NULL;

	json_begin(out, first, "contact", c->id, c->name);
	json_fields(out, kz_contact_fields, kz_contact_nfields, c,
		    "contact_kind");
	json_str(out, "partner_name", pname);
	json_network(out, b->db, KZ_KIND_CONTACT, c->id);
	json_stamp(out, &c->stamp);
	kz_buf_putc(out, '}');
}

static void json_export(const struct kz_config *cfg, const struct basket *b,
			struct kz_buf *out)
{
	bool first = true;

	kz_buf_putc(out, '[');
	for (size_t i = 0; i < b->nservices; i++)
		json_service(out, cfg, b, &b->services[i], &first);
	for (size_t i = 0; i < b->npartners; i++)
		json_partner(out, cfg, b, &b->partners[i], &first);
	for (size_t i = 0; i < b->ncontacts; i++)
		json_contact(out, b, &b->contacts[i], &first);
	kz_buf_puts(out, first ? "]\n" : "\n]\n");
}

/* --- grouping by category ----------------------------------------------- */

/* Services in the order they are published: the configured categories in
 * their order, then categories written as free text (alphabetically),
 * then services without a category; by title within each. */
struct placed {
	size_t index;     /* in basket.services, which is in title order */
	size_t rank;      /* of the category */
	char *folded;     /* the category folded, for free-text ones */
};

static int placed_cmp(const void *pa, const void *pb)
{
	const struct placed *a = pa, *b = pb;
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if ((c = strcmp(a->folded, b->folded)) != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

static size_t category_rank(const struct kz_config *cfg, const char *code)
{
	size_t n = cfg ? cfg->categories.n : 0;

	if (kz_str_empty(code))
		return n + 1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(cfg->categories.v[i].code, code) == 0)
			return i;
	return n;
}

static struct placed *place_services(const struct kz_config *cfg,
				     const struct basket *b)
{
	struct placed *v = xcalloc(b->nservices ? b->nservices : 1,
				   sizeof(*v));

	for (size_t i = 0; i < b->nservices; i++) {
		v[i].index = i;
		v[i].rank = category_rank(cfg, b->services[i].category);
		v[i].folded = kz_fold(b->services[i].category);
	}
	qsort(v, b->nservices, sizeof(*v), placed_cmp);
	return v;
}

static void placed_free(struct placed *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].folded);
	free(v);
}

static bool same_group(const struct placed *a, const struct placed *b)
{
	return a->rank == b->rank && strcmp(a->folded, b->folded) == 0;
}

static const char *group_label(const struct kz_config *cfg,
			       const struct kz_service *s)
{
	if (kz_str_empty(s->category))
		return _("Other services");
	return label_of(cfg, KZ_VOCAB_CATEGORIES, s->category);
}

/* Partners the public sees: all but those who left. */
static bool partner_published(const struct kz_partner *p)
{
	return !kz_str_eq(p->status, "left");
}

static char *membership_text(const struct kz_partner *p)
{
	if (kz_str_eq(p->status, "declared") &&
	    !kz_str_empty(p->declaration_date))
		return xasprintf(_("declaration signed on %s"),
				 p->declaration_date);
	return xstrdup_or_null(enum_text(p->status));
}

/* --- Markdown ----------------------------------------------------------- */

/* Text with Markdown's special characters escaped; a line break becomes a
 * hard break continued at indent spaces, so that a value stays inside its
 * list item. */
static void md_text(struct kz_buf *out, const char *s, int indent)
{
	bool line_start = true;

	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n') {
			kz_buf_printf(out, "  \n%*s", indent, "");
			line_start = true;
			continue;
		}
		if (strchr("\\`*_[]<>|#~&", *p) ||
		    (line_start && strchr("-+=", *p)))
			kz_buf_putc(out, '\\');
		/* "1. " at the start of a line would start a numbered list. */
		if (line_start && *p >= '0' && *p <= '9') {
			const char *q = p;

			while (*q >= '0' && *q <= '9')
				q++;
			if (*q == '.' || *q == ')') {
				kz_buf_add(out, p, (size_t)(q - p));
				kz_buf_putc(out, '\\');
				p = q;
			}
		}
		kz_buf_putc(out, *p);
		line_start = false;
	}
}

static void md_item(struct kz_buf *out, const char *label, const char *value)
{
	if (kz_str_empty(value))
		return;
	kz_buf_printf(out, "- **%s:** ", label);
	md_text(out, value, 2);
	kz_buf_putc(out, '\n');
}

static void md_contact_line(struct kz_buf *out, const struct kz_contact *c)
{
	const char *parts[] = { c->position, c->phone, c->email, c->reachable };

	kz_buf_puts(out, "- ");
	md_text(out, c->name, 2);
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++) {
		if (kz_str_empty(parts[i]))
			continue;
		kz_buf_puts(out, i == 0 ? ", " : " — ");
		md_text(out, parts[i], 2);
	}
	kz_buf_putc(out, '\n');
}

static void md_service(struct kz_buf *out, const struct kz_config *cfg,
		       const struct basket *b, const struct kz_service *s)
{
	char *groups = labels_of(cfg, KZ_VOCAB_TARGET_GROUPS,
				 s->target_groups, ", ");
	char *verified = NULL;

	kz_buf_puts(out, "### ");
	md_text(out, s->title, 0);
	kz_buf_puts(out, "\n\n");
	if (kz_str_eq(s->status, "suspended"))
		kz_buf_printf(out, "_%s_\n\n",
			      _("Suspended at the moment."));
	if (!kz_str_empty(s->description)) {
		md_text(out, s->description, 0);
		kz_buf_puts(out, "\n\n");
	}
	if (!kz_str_empty(s->verified_on))
		verified = kz_str_empty(s->verified_by) ?
			xstrdup(s->verified_on) :
			xasprintf("%s (%s)", s->verified_on,
				  user_name(cfg, s->verified_by));
	md_item(out, _("Provider"), provider_name(b, s));
	md_item(out, _("Kind"), enum_text(s->kind));
	md_item(out, _("For whom"), groups);
	md_item(out, _("Access conditions"), s->access_conditions);
	md_item(out, _("How to get it"), s->how_to_get);
	md_item(out, _("Cost"), s->cost);
	md_item(out, _("Place"), s->place);
	md_item(out, _("Opening hours"), s->hours);
	md_item(out, _("Waiting time"), s->waiting_time);
	md_item(out, _("Area served"), s->area);
	md_item(out, _("Contact"), contact_name(b, s));
	md_item(out, _("Valid from"), s->valid_from);
	md_item(out, _("Valid until"), s->valid_to);
	md_item(out, _("Last verified"), verified);
	kz_buf_putc(out, '\n');
	free(groups);
	free(verified);
}

static void md_partner(struct kz_buf *out, const struct kz_config *cfg,
		       const struct basket *b, const struct kz_partner *p)
{
	char *sectors = labels_of(cfg, KZ_VOCAB_SECTORS, p->sectors, ", ");
	char *membership = membership_text(p);
	bool any_contact = false;

	kz_buf_puts(out, "### ");
	md_text(out, p->name, 0);
	if (!kz_str_empty(p->short_name)) {
		kz_buf_puts(out, " (");
		md_text(out, p->short_name, 0);
		kz_buf_putc(out, ')');
	}
	kz_buf_puts(out, "\n\n");
	md_item(out, _("Kind"), label_of(cfg, KZ_VOCAB_PARTNER_KINDS, p->kind));
	md_item(out, _("Sectors"), sectors);
	md_item(out, _("Address"), p->address);
	md_item(out, _("Phone"), p->phone);
	md_item(out, _("E-mail"), p->email);
	md_item(out, _("Website"), p->website);
	md_item(out, _("Membership"), membership);
	md_item(out, _("Role in the partnership"), p->role);
	md_item(out, _("Resources"), p->resources);
	for (size_t i = 0; i < b->ncontacts; i++) {
		if (!kz_str_eq(b->contacts[i].partner_id, p->id))
			continue;
		if (!any_contact)
			kz_buf_printf(out, "\n**%s**\n\n",
				      _("Contact persons"));
		any_contact = true;
		md_contact_line(out, &b->contacts[i]);
	}
	kz_buf_putc(out, '\n');
	free(sectors);
	free(membership);
}

static void md_export(const struct kz_config *cfg, const struct basket *b,
		      struct kz_buf *out)
{
	struct placed *order = place_services(cfg, b);
	char today[11];

	kz_buf_printf(out, "# %s", _("Local Basket of Services"));
	if (gmina_of(cfg)) {
		kz_buf_puts(out, " — ");
		md_text(out, gmina_of(cfg), 0);
	}
	kz_buf_puts(out, "\n\n");
	if (cfg && !kz_str_empty(cfg->lider)) {
		kz_buf_printf(out, "%s: ", _("Lead partner"));
		md_text(out, cfg->lider, 0);
		kz_buf_puts(out, "\n\n");
	}
	if (b->nservices == 0)
		kz_buf_printf(out, "%s\n\n",
			      _("The basket has no services yet."));
	for (size_t i = 0; i < b->nservices; i++) {
		const struct kz_service *s = &b->services[order[i].index];

		if (i == 0 || !same_group(&order[i - 1], &order[i])) {
			kz_buf_puts(out, "## ");
			md_text(out, group_label(cfg, s), 0);
			kz_buf_puts(out, "\n\n");
		}
		md_service(out, cfg, b, s);
	}
	kz_buf_printf(out, "## %s\n\n", _("Partners"));
	for (size_t i = 0; i < b->npartners; i++)
		if (partner_published(&b->partners[i]))
			md_partner(out, cfg, b, &b->partners[i]);
	kz_today(today);
	kz_buf_puts(out, "---\n\n_");
	kz_buf_printf(out, _("Generated on %s."), today);
	kz_buf_puts(out, "_\n");
	placed_free(order, b->nservices);
}

/* --- HTML --------------------------------------------------------------- */

static const char html_style[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
	"line-height:1.5;color:#1a1a1a;background:#fff;margin:0 auto;"
	"max-width:50rem;padding:0 1rem 2rem}\n"
	"[hidden]{display:none!important}\n"
	"h1{font-size:1.6rem;margin:1.5rem 0 .25rem}\n"
	"h2{font-size:1.3rem;border-bottom:2px solid #2a6f97;"
	"padding-bottom:.2rem;margin-top:2.5rem}\n"
	"h3{font-size:1.1rem;margin:0 0 .25rem}\n"
	"a{color:#1d5c80}\n"
	"nav ol{padding-left:1.5rem}\n"
	"article{border:1px solid #ccc;border-radius:.4rem;padding:.8rem 1rem;"
	"margin:1rem 0;overflow-wrap:anywhere}\n"
	".provider{margin:0 0 .5rem;color:#444;font-weight:600}\n"
	".note{background:#fff3cd;padding:.2rem .5rem;display:inline-block}\n"
	"dl{margin:.5rem 0 0}\n"
	"dt{font-weight:600;margin-top:.4rem}\n"
	"dd{margin:0 0 0 1rem}\n"
	"@media (min-width:40rem){dl{display:grid;"
	"grid-template-columns:12rem 1fr;gap:.2rem 1rem}"
	"dt{margin:0}dd{margin:0}}\n"
	".controls{position:sticky;top:0;z-index:1;background:#fff;"
	"display:flex;flex-wrap:wrap;gap:.5rem;padding:.75rem 0 .5rem;"
	"border-bottom:1px solid #ccc}\n"
	".controls input,.controls select{font:inherit}\n"
	".controls input{flex:1 1 100%;box-sizing:border-box;font-size:1rem;"
	"padding:.5rem}\n"
	".controls select{flex:1 1 14rem;min-width:0;max-width:100%;"
	"font-size:1rem;padding:.4rem}\n"
	".count{flex:1 1 100%;margin:0;color:#444;font-size:.9rem}\n"
	".none{font-weight:600;background:#fde2e1;padding:.5rem 1rem}\n"
	"footer{margin-top:3rem;color:#555;font-size:.9rem;"
	"border-top:1px solid #ccc}\n"
	/* Print: A4, two columns of compact entries (a label and its value
	 * on one line), no entry cut across pages, no controls. */
	"@media print{@page{size:A4;margin:9mm 10mm}\n"
	".controls,.none,nav{display:none!important}\n"
	"body{max-width:none;padding:0;font-size:8pt;line-height:1.2}\n"
	"h1{font-size:13pt;margin:0}header p{margin:0 0 4pt}\n"
	"h2{font-size:10.5pt;margin:8pt 0 3pt;border-bottom-width:1pt;"
	"column-span:all;break-after:avoid}\n"
	"section{columns:2;column-gap:6mm}\n"
	"article{border:0;border-top:.5pt solid #aaa;border-radius:0;"
	"padding:2pt 0 0;margin:0 0 4pt;break-inside:avoid}\n"
	"h3{font-size:9pt;margin:0}ul{margin:0;padding-left:10pt}\n"
	".provider,article p{margin:0 0 1pt}\n"
	"dl{display:block;margin:0}dt,dd{display:inline;margin:0}\n"
	"dt::after{content:\": \"}dd::after{content:\"\\A\";white-space:pre}\n"
	"a{color:inherit;text-decoration:none}\n"
	"footer{margin-top:8pt;font-size:7pt}}\n";

/* The search, as the program's (src/db/search.c): the query is folded as
 * kz_fold folds (lower case, letters with diacritics to ASCII), split
 * into words, and every word must begin some word of an entry's
 * data-search (made by C with kz_fold). The category and target group
 * filters are combined with it; partners have neither, so a filter hides
 * them. The page is complete without it: the controls appear only when
 * scripts run. */
static const char html_script[] =
	"(function(){var d=document,c=d.getElementById('controls');"
	"if(!c||!''.normalize)return;"
	"var q=d.getElementById('q'),k=d.getElementById('cat'),"
	"g=d.getElementById('grp'),n=d.getElementById('none'),"
	"o=d.getElementById('count'),v=d.querySelector('nav'),"
	"a=[].slice.call(d.querySelectorAll('main article')),"
	"w=a.map(function(e){return(e.getAttribute('data-search')||'')"
	".split(' ');}),"
	"m={'\\u0142':'l','\\u0111':'d','\\u00f0':'d','\\u00f8':'o',"
	"'\\u00e6':'ae','\\u0153':'oe','\\u00df':'ss','\\u00fe':'th',"
	"'\\u0127':'h','\\u0131':'i','\\u0133':'ij','\\u0140':'l',"
	"'\\u0167':'t','\\u0149':'n','\\u017f':'s','\\u0138':'k'};"
	"function words(s){s=s.toLowerCase().normalize('NFD')"
	".replace(/[\\u0300-\\u036f]/g,'')"
	".replace(/[\\u0142\\u0111\\u00f0\\u00f8\\u00e6\\u0153\\u00df\\u00fe"
	"\\u0127\\u0131\\u0133\\u0140\\u0167\\u0149\\u017f\\u0138]/g,"
	"function(x){return m[x];});"
	"return s.match(/[a-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff"
	"\\u2070-\\u2fff\\u3001-\\uffff]+/g)||[];}"
	"function begins(l,x){for(var i=0;i<l.length;i++)"
	"if(l[i].indexOf(x)===0)return true;return false;}"
	"function show(){var t=words(q.value),cv=k.value,gv=g.value,"
	"r=[0,0,0,0];"
	"a.forEach(function(e,i){var s=e.className==='service',"
	"ok=s?(!cv||e.parentNode.id===cv)&&(!gv||"
	"(e.getAttribute('data-groups')||'').indexOf(';'+gv+';')>=0)"
	":!cv&&!gv;"
	"ok=ok&&t.every(function(x){return begins(w[i],x);});"
	"e.hidden=!ok;r[s?1:3]++;if(ok)r[s?0:2]++;});"
	"[].forEach.call(d.querySelectorAll('main section'),function(s){"
	"s.hidden=!s.querySelector('article:not([hidden])');});"
	"n.hidden=r[0]+r[2]>0;if(v)v.hidden=t.length>0||cv||gv;"
	"o.textContent=o.getAttribute('data-template').replace('{1}',r[0])"
	".replace('{2}',r[1]).replace('{3}',r[2]).replace('{4}',r[3]);}"
	"q.addEventListener('input',show);k.addEventListener('change',show);"
	"g.addEventListener('change',show);c.hidden=false;show();})();\n";

/* --- the page's search ---------------------------------------------------- */

/* Words of the text for the search, each field followed by a space. */
static void text_add(struct kz_buf *t, const char *field)
{
	if (kz_str_empty(field))
		return;
	kz_buf_puts(t, field);
	kz_buf_putc(t, ' ');
}

/* What the program's search looks in for a service (the search index of
 * src/db/schema.c, SERVICE_BODY): title, description, access, how to get
 * it, place, area, category, target groups, the provider's names; and
 * the labels the page shows of the category and the target groups
 * ("Pomoc psychologiczna", "Seniorzy"), so that what a service is shown
 * under finds it. Allocated. */
static char *service_search_text(const struct kz_config *cfg,
				 const struct basket *b,
				 const struct kz_service *s)
{
	const struct kz_partner *p = find_partner(b, s->provider_id);
	char *groups = labels_of(cfg, KZ_VOCAB_TARGET_GROUPS, s->target_groups, " ");
	const char *fields[] = {
		s->title, s->description, s->access_conditions, s->how_to_get,
		s->place, s->area, s->category, s->target_groups,
		p ? p->name : s->provider_name, p ? p->short_name : NULL,
		label_of(cfg, KZ_VOCAB_CATEGORIES, s->category), groups,
	};
	struct kz_buf t = KZ_BUF_INIT;

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		text_add(&t, fields[i]);
	free(groups);
	return kz_buf_detach(&t);
}

/* ... and for a partner (the partners' search triggers). Allocated. */
static char *partner_search_text(const struct kz_partner *p)
{
	const char *fields[] = {
		p->name, p->short_name, p->address, p->phone, p->email,
		p->role, p->resources, p->kind, p->sectors,
	};
	struct kz_buf t = KZ_BUF_INIT;

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		text_add(&t, fields[i]);
	return kz_buf_detach(&t);
}

/* Whether words[i] is not needed for a prefix search: another word
 * begins with it (the same word: the later one). */
static bool word_covered(char *const *words, size_t i)
{
	size_t len = strlen(words[i]);

	for (size_t j = 0; words[j]; j++) {
		if (j == i || strncmp(words[j], words[i], len) != 0)
			continue;
		if (strlen(words[j]) > len || j > i)
			return true;
	}
	return false;
}

/* data-search: the folded words of text (kz_query_words, as the search
 * folds and splits a query) that the page's script compares a query
 * with. Takes text over. */
static void html_search_attr(struct kz_buf *out, char *text)
{
	char **words;
	bool first = true;

	kz_query_words(text, &words);
	free(text);
	kz_buf_puts(out, " data-search=\"");
	for (size_t i = 0; words[i]; i++) {
		if (word_covered(words, i))
			continue;
		if (!first)
			kz_buf_putc(out, ' ');
		kz_buf_html(out, words[i]);
		first = false;
	}
	kz_buf_putc(out, '"');
	kz_words_free(words);
}

/* An attribute of codes joined by ';', with ';' at both ends too, so that
 * the script finds ";CODE;". */
static void html_codes_attr(struct kz_buf *out, const char *name,
			    const char *codes)
{
	char *copy = xstrdup(codes ? codes : ""), *save = NULL;

	kz_buf_printf(out, " %s=\";", name);
	for (char *c = strtok_r(copy, ";", &save); c;
	     c = strtok_r(NULL, ";", &save)) {
		kz_trim(c);
		if (!c[0])
			continue;
		kz_buf_html(out, c);
		kz_buf_putc(out, ';');
	}
	kz_buf_putc(out, '"');
	free(copy);
}

/* Whether the codes joined by ';' hold code. */
static bool codes_have(const char *codes, const char *code)
{
	char *copy = xstrdup(codes ? codes : ""), *save = NULL;
	bool found = false;

	for (char *c = strtok_r(copy, ";", &save); c && !found;
	     c = strtok_r(NULL, ";", &save))
		found = strcmp(kz_trim(c), code) == 0;
	free(copy);
	return found;
}

static void html_item(struct kz_buf *out, const char *label,
		      const char *value)
{
	if (kz_str_empty(value))
		return;
	kz_buf_puts(out, "<dt>");
	kz_buf_html(out, label);
	kz_buf_puts(out, "</dt><dd>");
	kz_buf_html_lines(out, value);
	kz_buf_puts(out, "</dd>\n");
}

/* A phone number people can tap, when it is only a number. */
static bool dialable(const char *phone)
{
	if (kz_str_empty(phone))
		return false;
	for (const char *p = phone; *p; p++)
		if (!strchr("0123456789 +-()", *p))
			return false;
	return true;
}

static void html_phone(struct kz_buf *out, const char *phone)
{
	if (!dialable(phone)) {
		kz_buf_html_lines(out, phone);
		return;
	}
	kz_buf_puts(out, "<a href=\"tel:");
	for (const char *p = phone; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == '+')
			kz_buf_putc(out, *p);
	kz_buf_puts(out, "\">");
	kz_buf_html(out, phone);
	kz_buf_puts(out, "</a>");
}

static bool plain_email(const char *email)
{
	return !kz_str_empty(email) && strchr(email, '@') &&
	       !strpbrk(email, " \t\r\n\"'<>:?&");
}

static void html_email(struct kz_buf *out, const char *email)
{
	if (!plain_email(email)) {
		kz_buf_html_lines(out, email);
		return;
	}
	kz_buf_puts(out, "<a href=\"mailto:");
	kz_buf_html(out, email);
	kz_buf_puts(out, "\">");
	kz_buf_html(out, email);
	kz_buf_puts(out, "</a>");
}

/* The contact of a service: the person with the phone and e-mail kept
 * for them, or the free text. */
static void html_service_contact(struct kz_buf *out, const struct basket *b,
				 const struct kz_service *s)
{
	const struct kz_contact *c = find_contact(b, s->contact_id);
	const char *name = contact_name(b, s);

	if (kz_str_empty(name))
		return;
	kz_buf_puts(out, "<dt>");
	kz_buf_html(out, _("Contact"));
	kz_buf_puts(out, "</dt><dd>");
	kz_buf_html_lines(out, name);
	if (c && !kz_str_empty(c->phone)) {
		kz_buf_puts(out, ", ");
		html_phone(out, c->phone);
	}
	if (c && !kz_str_empty(c->email)) {
		kz_buf_puts(out, ", ");
		html_email(out, c->email);
	}
	kz_buf_puts(out, "</dd>\n");
}

static void html_service(struct kz_buf *out, const struct kz_config *cfg,
			 const struct basket *b, const struct kz_service *s)
{
	char *groups = labels_of(cfg, KZ_VOCAB_TARGET_GROUPS,
				 s->target_groups, ", ");
	char *verified = NULL;
	const char *provider = provider_name(b, s);

	kz_buf_puts(out, "<article id=\"s-");
	kz_buf_html(out, s->id);
	kz_buf_puts(out, "\" class=\"service\"");
	html_codes_attr(out, "data-groups", s->target_groups);
	html_search_attr(out, service_search_text(cfg, b, s));
	kz_buf_puts(out, ">\n<h3>");
	kz_buf_html_lines(out, s->title);
	kz_buf_puts(out, "</h3>\n");
	if (!kz_str_empty(provider)) {
		kz_buf_puts(out, "<p class=\"provider\">");
		kz_buf_html_lines(out, provider);
		kz_buf_puts(out, "</p>\n");
	}
	if (kz_str_eq(s->status, "suspended")) {
		kz_buf_puts(out, "<p class=\"note\">");
		kz_buf_html(out, _("Suspended at the moment."));
		kz_buf_puts(out, "</p>\n");
	}
	if (!kz_str_empty(s->description)) {
		kz_buf_puts(out, "<p>");
		kz_buf_html_lines(out, s->description);
		kz_buf_puts(out, "</p>\n");
	}
	if (!kz_str_empty(s->verified_on))
		verified = kz_str_empty(s->verified_by) ?
			xstrdup(s->verified_on) :
			xasprintf("%s (%s)", s->verified_on,
				  user_name(cfg, s->verified_by));
	kz_buf_puts(out, "<dl>\n");
	html_item(out, _("Kind"), enum_text(s->kind));
	html_item(out, _("For whom"), groups);
	html_item(out, _("Access conditions"), s->access_conditions);
	html_item(out, _("How to get it"), s->how_to_get);
	html_item(out, _("Cost"), s->cost);
	html_item(out, _("Place"), s->place);
	html_item(out, _("Opening hours"), s->hours);
	html_item(out, _("Waiting time"), s->waiting_time);
	html_item(out, _("Area served"), s->area);
	html_service_contact(out, b, s);
	html_item(out, _("Valid from"), s->valid_from);
	html_item(out, _("Valid until"), s->valid_to);
	html_item(out, _("Last verified"), verified);
	kz_buf_puts(out, "</dl>\n</article>\n");
	free(groups);
	free(verified);
}

static void html_contacts(struct kz_buf *out, const struct basket *b,
			  const struct kz_partner *p)
{
	bool any = false;

	for (size_t i = 0; i < b->ncontacts; i++) {
		const struct kz_contact *c = &b->contacts[i];

		if (!kz_str_eq(c->partner_id, p->id))
			continue;
		if (!any) {
			kz_buf_puts(out, "<dt>");
			kz_buf_html(out, _("Contact persons"));
			kz_buf_puts(out, "</dt><dd><ul>\n");
		}
		any = true;
		kz_buf_puts(out, "<li>");
		kz_buf_html_lines(out, c->name);
		if (!kz_str_empty(c->position)) {
			kz_buf_puts(out, ", ");
			kz_buf_html_lines(out, c->position);
		}
		if (!kz_str_empty(c->phone)) {
			kz_buf_puts(out, " — ");
			html_phone(out, c->phone);
		}
		if (!kz_str_empty(c->email)) {
			kz_buf_puts(out, " — ");
			html_email(out, c->email);
		}
		if (!kz_str_empty(c->reachable)) {
			kz_buf_puts(out, " (");
			kz_buf_html_lines(out, c->reachable);
			kz_buf_puts(out, ")");
		}
		kz_buf_puts(out, "</li>\n");
	}
	if (any)
		kz_buf_puts(out, "</ul></dd>\n");
}

static void html_partner(struct kz_buf *out, const struct kz_config *cfg,
			 const struct basket *b, const struct kz_partner *p)
{
	char *sectors = labels_of(cfg, KZ_VOCAB_SECTORS, p->sectors, ", ");
	char *membership = membership_text(p);

	kz_buf_puts(out, "<article id=\"p-");
	kz_buf_html(out, p->id);
	kz_buf_puts(out, "\" class=\"partner\"");
	html_search_attr(out, partner_search_text(p));
	kz_buf_puts(out, ">\n<h3>");
	kz_buf_html_lines(out, p->name);
	if (!kz_str_empty(p->short_name)) {
		kz_buf_puts(out, " (");
		kz_buf_html_lines(out, p->short_name);
		kz_buf_puts(out, ")");
	}
	kz_buf_puts(out, "</h3>\n<dl>\n");
	html_item(out, _("Kind"),
		  label_of(cfg, KZ_VOCAB_PARTNER_KINDS, p->kind));
	html_item(out, _("Sectors"), sectors);
	html_item(out, _("Address"), p->address);
	if (!kz_str_empty(p->phone)) {
		kz_buf_puts(out, "<dt>");
		kz_buf_html(out, _("Phone"));
		kz_buf_puts(out, "</dt><dd>");
		html_phone(out, p->phone);
		kz_buf_puts(out, "</dd>\n");
	}
	if (!kz_str_empty(p->email)) {
		kz_buf_puts(out, "<dt>");
		kz_buf_html(out, _("E-mail"));
		kz_buf_puts(out, "</dt><dd>");
		html_email(out, p->email);
		kz_buf_puts(out, "</dd>\n");
	}
	/* The website as text: the page links to nothing outside itself. */
	html_item(out, _("Website"), p->website);
	html_item(out, _("Membership"), membership);
	html_item(out, _("Role in the partnership"), p->role);
	html_item(out, _("Resources"), p->resources);
	html_contacts(out, b, p);
	kz_buf_puts(out, "</dl>\n</article>\n");
	free(sectors);
	free(membership);
}

static void html_title(struct kz_buf *out, const struct kz_config *cfg)
{
	kz_buf_html(out, _("Local Basket of Services"));
	if (gmina_of(cfg)) {
		kz_buf_puts(out, " — ");
		kz_buf_html(out, gmina_of(cfg));
	}
}

static void html_head(struct kz_buf *out, const struct kz_config *cfg)
{
	kz_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	kz_buf_puts(out, cfg && kz_str_eq(cfg->language, "en") ? "en" : "pl");
	kz_buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta name=\"generator\" content=\"koszyk\">\n");
	/* Nothing may be loaded; the style and the script below only. */
	kz_html_csp(out, html_style, html_script);
	kz_buf_puts(out, "<title>");
	html_title(out, cfg);
	kz_buf_puts(out, "</title>\n<style>");
	kz_buf_puts(out, html_style);
	kz_buf_puts(out, "</style>\n</head>\n<body>\n<header>\n<h1>");
	html_title(out, cfg);
	kz_buf_puts(out, "</h1>\n");
	if (cfg && !kz_str_empty(cfg->lider)) {
		kz_buf_puts(out, "<p>");
		kz_buf_html(out, _("Lead partner"));
		kz_buf_puts(out, ": ");
		kz_buf_html(out, cfg->lider);
		kz_buf_puts(out, "</p>\n");
	}
	kz_buf_puts(out, "</header>\n");
}

static void html_toc(struct kz_buf *out, const struct kz_config *cfg,
		     const struct basket *b, const struct placed *order)
{
	size_t group = 0;

	kz_buf_puts(out, "<nav>\n<h2>");
	kz_buf_html(out, _("Contents"));
	kz_buf_puts(out, "</h2>\n<ol>\n");
	for (size_t i = 0; i < b->nservices; i++) {
		size_t count = 1;

		if (i > 0 && same_group(&order[i - 1], &order[i]))
			continue;
		while (i + count < b->nservices &&
		       same_group(&order[i], &order[i + count]))
			count++;
		kz_buf_printf(out, "<li><a href=\"#k%zu\">", ++group);
		kz_buf_html_lines(out, group_label(cfg, &b->services[order[i].index]));
		kz_buf_printf(out, "</a> (%zu)</li>\n", count);
	}
	kz_buf_puts(out, "<li><a href=\"#partners\">");
	kz_buf_html(out, _("Partners"));
	kz_buf_puts(out, "</a></li>\n</ol>\n</nav>\n");
}

/* The category filter: one option per section of the page. */
static void html_category_options(struct kz_buf *out,
				  const struct kz_config *cfg,
				  const struct basket *b,
				  const struct placed *order)
{
	size_t group = 0;

	kz_buf_puts(out, "<select id=\"cat\" aria-label=\"");
	kz_buf_html(out, _("Category"));
	kz_buf_puts(out, "\">\n<option value=\"\">");
	kz_buf_html(out, _("All categories"));
	kz_buf_puts(out, "</option>\n");
	for (size_t i = 0; i < b->nservices; i++) {
		if (i > 0 && same_group(&order[i - 1], &order[i]))
			continue;
		kz_buf_printf(out, "<option value=\"k%zu\">", ++group);
		kz_buf_html(out, group_label(cfg, &b->services[order[i].index]));
		kz_buf_puts(out, "</option>\n");
	}
	kz_buf_puts(out, "</select>\n");
}

static bool group_used(const struct basket *b, const char *code)
{
	for (size_t i = 0; i < b->nservices; i++)
		if (codes_have(b->services[i].target_groups, code))
			return true;
	return false;
}

/* The target group filter: the configured groups some service is for. */
static void html_group_options(struct kz_buf *out,
			       const struct kz_config *cfg,
			       const struct basket *b)
{
	const struct kz_items *groups =
		kz_config_vocab(cfg, KZ_VOCAB_TARGET_GROUPS);

	kz_buf_puts(out, "<select id=\"grp\" aria-label=\"");
	kz_buf_html(out, _("For whom"));
	kz_buf_puts(out, "\">\n<option value=\"\">");
	kz_buf_html(out, _("All target groups"));
	kz_buf_puts(out, "</option>\n");
	for (size_t i = 0; groups && i < groups->n; i++) {
		if (!group_used(b, groups->v[i].code))
			continue;
		kz_buf_puts(out, "<option value=\"");
		kz_buf_html(out, groups->v[i].code);
		kz_buf_puts(out, "\">");
		kz_buf_html(out, groups->v[i].label);
		kz_buf_puts(out, "</option>\n");
	}
	kz_buf_puts(out, "</select>\n");
}

/* The search box, the filters, the count of what is shown and the line
 * shown when nothing is; hidden until the script shows them. */
static void html_controls(struct kz_buf *out, const struct kz_config *cfg,
			  const struct basket *b, const struct placed *order)
{
	/* TRANSLATORS: on the published page, under the search box: the
	 * services shown, of all, then the partners. The page's script puts
	 * the numbers in; keep the four %s (or write %1$s ... %4$s). */
	char *count = xasprintf(_("Shown: %s of %s services and %s of %s "
				  "partners."), "{1}", "{2}", "{3}", "{4}");

	kz_buf_puts(out, "<div id=\"controls\" class=\"controls\" hidden>\n"
		    "<input type=\"search\" id=\"q\" autocomplete=\"off\" "
		    "placeholder=\"");
	kz_buf_html(out, _("Search the basket"));
	kz_buf_puts(out, "\" aria-label=\"");
	kz_buf_html(out, _("Search the basket"));
	kz_buf_puts(out, "\">\n");
	html_category_options(out, cfg, b, order);
	html_group_options(out, cfg, b);
	kz_buf_puts(out, "<p id=\"count\" class=\"count\" aria-live=\"polite\" "
		    "data-template=\"");
	kz_buf_html(out, count);
	kz_buf_puts(out, "\"></p>\n</div>\n<p id=\"none\" class=\"none\" hidden>");
	kz_buf_html(out, _("Nothing found."));
	kz_buf_puts(out, "</p>\n");
	free(count);
}

static void html_export(const struct kz_config *cfg, const struct basket *b,
			struct kz_buf *out)
{
	struct placed *order = place_services(cfg, b);
	size_t group = 0;
	char today[11];

	html_head(out, cfg);
	html_controls(out, cfg, b, order);
	html_toc(out, cfg, b, order);
	kz_buf_puts(out, "<main>\n");
	if (b->nservices == 0) {
		kz_buf_puts(out, "<p>");
		kz_buf_html(out, _("The basket has no services yet."));
		kz_buf_puts(out, "</p>\n");
	}
	for (size_t i = 0; i < b->nservices; i++) {
		const struct kz_service *s = &b->services[order[i].index];

		if (i == 0 || !same_group(&order[i - 1], &order[i])) {
			if (i > 0)
				kz_buf_puts(out, "</section>\n");
			kz_buf_printf(out, "<section id=\"k%zu\">\n<h2>",
				      ++group);
			kz_buf_html_lines(out, group_label(cfg, s));
			kz_buf_puts(out, "</h2>\n");
		}
		html_service(out, cfg, b, s);
	}
	if (b->nservices > 0)
		kz_buf_puts(out, "</section>\n");
	kz_buf_puts(out, "<section id=\"partners\">\n<h2>");
	kz_buf_html(out, _("Partners"));
	kz_buf_puts(out, "</h2>\n");
	for (size_t i = 0; i < b->npartners; i++)
		if (partner_published(&b->partners[i]))
			html_partner(out, cfg, b, &b->partners[i]);
	kz_buf_puts(out, "</section>\n</main>\n<footer>\n<p>");
	kz_today(today);
	{
		char *line = xasprintf(_("Generated on %s."), today);

		kz_buf_html(out, line);
		free(line);
	}
	kz_buf_puts(out, "</p>\n</footer>\n<script>");
	kz_buf_puts(out, html_script);
	kz_buf_puts(out, "</script>\n</body>\n</html>\n");
	placed_free(order, b->nservices);
}

/* --- the entry points --------------------------------------------------- */

static bool row_listed(const struct kz_rows *rows, const char *id)
{
	for (size_t i = 0; i < rows->n; i++)
		if (strcmp(rows->v[i].id, id) == 0)
			return true;
	return false;
}

enum kz_status kz_export_json_list(struct kz_db *db, const struct kz_config *cfg,
				   enum kz_kind kind, bool include_archived,
				   const struct kz_partner_filter *partners,
				   struct kz_buf *out, struct kz_error *err)
{
	struct basket b;
	struct kz_rows passed = { 0 };
	bool first = true;
	enum kz_status st = basket_read(db, include_archived, false, &b, err);

	if (st == KZ_OK && partners)
		st = kz_partner_list(db, NULL, partners, 0, &passed, err);
	if (st != KZ_OK) {
		basket_free(&b);
		return st;
	}

	kz_buf_putc(out, '[');
	if (kind == KZ_KIND_SERVICE)
		for (size_t i = 0; i < b.nservices; i++)
			json_service(out, cfg, &b, &b.services[i], &first);
	if (kind == KZ_KIND_PARTNER)
		for (size_t i = 0; i < b.npartners; i++)
			if (!partners || row_listed(&passed, b.partners[i].id))
				json_partner(out, cfg, &b, &b.partners[i], &first);
	if (kind == KZ_KIND_CONTACT)
		for (size_t i = 0; i < b.ncontacts; i++)
			json_contact(out, &b, &b.contacts[i], &first);
	kz_buf_puts(out, first ? "]\n" : "\n]\n");
	kz_rows_free(&passed);
	basket_free(&b);
	return KZ_OK;
}

enum kz_status kz_export(struct kz_db *db, const struct kz_config *cfg,
			 enum kz_export_format fmt, struct kz_buf *out,
			 struct kz_error *err)
{
	struct basket b;
	enum kz_status st;

	/* Only the full data exchange of services includes archived ones. */
	st = basket_read(db, fmt == KZ_EXPORT_CSV_SERVICES, true, &b, err);
	if (st != KZ_OK)
		return st;
	switch (fmt) {
	case KZ_EXPORT_CSV_SERVICES:
		csv_records(&b, KZ_KIND_SERVICE, b.services, b.nservices, ',', out);
		break;
	case KZ_EXPORT_CSV_PARTNERS:
		csv_records(&b, KZ_KIND_PARTNER, b.partners, b.npartners, ',', out);
		break;
	case KZ_EXPORT_JSON:
		json_export(cfg, &b, out);
		break;
	case KZ_EXPORT_MD:
		md_export(cfg, &b, out);
		break;
	case KZ_EXPORT_HTML:
		html_export(cfg, &b, out);
		break;
	default:
		st = kz_fail(err, KZ_INVALID, _("unknown export format"));
		break;
	}
	basket_free(&b);
	return st;
}

enum kz_status kz_export_csv_excel(struct kz_db *db, enum kz_kind kind,
				   struct kz_buf *out, struct kz_error *err)
{
	struct basket b;
	enum kz_status st;

	if (kind != KZ_KIND_SERVICE && kind != KZ_KIND_PARTNER)
		return kz_fail(err, KZ_INVALID, _("unknown export format"));
	st = basket_read(db, kind == KZ_KIND_SERVICE, true, &b, err);
	if (st != KZ_OK)
		return st;
	/* The BOM tells Excel the file is UTF-8. */
	kz_buf_puts(out, "\xEF\xBB\xBF");
	if (kind == KZ_KIND_SERVICE)
		csv_records(&b, kind, b.services, b.nservices, ';', out);
	else
		csv_records(&b, kind, b.partners, b.npartners, ';', out);
	basket_free(&b);
	return KZ_OK;
}

/* The text of a column for a spreadsheet: the CSV's, and a contact
 * person's partner by name. */
static const char *row_value(const struct basket *b, enum kz_kind kind,
			     const void *rec, const char *column)
{
	if (kind == KZ_KIND_CONTACT && strcmp(column, "partner_id") == 0) {
		const struct kz_partner *p =
			find_partner(b, ((const struct kz_contact *)rec)->partner_id);

		return p ? p->name : NULL;
	}
	return csv_value(b, kind, rec, column);
}

static enum kz_status rows_of(const struct basket *b, enum kz_kind kind,
			      const void *recs, size_t n, kz_export_row_fn fn,
			      void *ctx, struct kz_error *err)
{
	const char *const *cols = kz_csv_columns(kind);
	size_t ncols = 0, size = kz_kind_of(kind)->size;
	const char **values;
	enum kz_status st = KZ_OK;

	while (cols[ncols])
		ncols++;
	values = xcalloc(ncols + 1, sizeof(*values));
	for (size_t i = 0; st == KZ_OK && i < n; i++) {
		const void *rec = (const char *)recs + i * size;

		for (size_t k = 0; k < ncols; k++)
			values[k] = row_value(b, kind, rec, cols[k]);
		st = fn(ctx, kind, values, err);
	}
	free(values);
	return st;
}

enum kz_status kz_export_rows(struct kz_db *db, kz_export_row_fn fn,
			      void *ctx, struct kz_error *err)
{
	struct basket b;
	enum kz_status st = basket_read(db, true, true, &b, err);

	if (st != KZ_OK)
		return st;
	st = rows_of(&b, KZ_KIND_SERVICE, b.services, b.nservices, fn, ctx, err);
	if (st == KZ_OK)
		st = rows_of(&b, KZ_KIND_PARTNER, b.partners, b.npartners, fn, ctx, err);
	if (st == KZ_OK)
		st = rows_of(&b, KZ_KIND_CONTACT, b.contacts, b.ncontacts, fn, ctx, err);
	basket_free(&b);
	return st;
}
