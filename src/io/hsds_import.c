/* import hsds DIR: Open Referral HSDS 3.0 tabular files into partners,
 * contact persons and services, by id, in one transaction. The inverse
 * of export hsds (hsds.c): organizations → partners, contacts → contact
 * persons, phones → their phone, services → services with their place
 * (locations), hours (schedules), area, required documents, cost options
 * and the koszyk taxonomy's terms (category:, sector:, target_group:).
 *
 * Every cell that is read into a record is marked; every cell with a
 * value left unmarked is counted and named in a warning, so that nothing
 * is dropped silently. */
#include "koszyk/meter.h"
#include "koszyk/hsds.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/csv.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/model.h"
#include "koszyk/network.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "hsds_map.h"

/* One file of the feed, whole, and which of its cells went somewhere. */
struct tab {
	const char *file;
	char **hdr;
	size_t ncol;
	/* The cells' text, one after another, each ended by a NUL; it starts
	 * with a NUL, the text of every empty cell. One buffer rather than a
	 * string a cell: 100,000 services are some ten million cells. */
	struct kz_buf text;
	size_t *cells;  /* nrows * ncol offsets into text */
	size_t *line;  /* the row number of each row (the header is 1) */
	size_t nrows, rows_cap;
	bool *kept;    /* nrows * ncol */
	bool read;
	struct col_index *idx;  /* the columns looked up by value (rows_where) */
	size_t nidx;
};

/* A column's rows in the order of their values, then of the rows. */
struct col_entry {
	const char *value;
	size_t row;
};

struct col_index {
	size_t col;
	struct col_entry *e;  /* nrows of them */
};

/* A record to save: new (orig NULL) or an update of orig. A service is
 * saved as soon as it is read and its records freed (NULL): only its id
 * stays, for withdraw_gone and to find an id given twice. */
struct pending {
	enum kz_kind kind;
	char id[KZ_ID_LEN + 1];
	void *rec;
	void *orig;
	struct tab *t;
	size_t r;
};

struct hin {
	struct kz_db *db;
	const struct kz_config *cfg;
	struct tab t[KZ_HSDS_NTABLES];  /* in the order of T_... */
	struct pending *p;
	size_t np;
	struct kz_hsds_import_result *res;
	const char *network;  /* network add/update: the feed of this network */
	size_t *slots;  /* the pending records by kind and id: index + 1, 0 free */
	size_t nslots;
};

/* --- reading the files ------------------------------------------------- */

static void tab_free(struct tab *t)
{
	for (size_t i = 0; i < t->ncol; i++)
		free(t->hdr[i]);
	kz_buf_free(&t->text);
	free(t->hdr);
	free(t->cells);
	free(t->line);
	free(t->kept);
	for (size_t i = 0; i < t->nidx; i++)
		free(t->idx[i].e);
	free(t->idx);
}

/* The text of cell i (row * ncol + column). */
static const char *at(const struct tab *t, size_t i)
{
	return t->text.data + t->cells[i];
}

static size_t text_add(struct tab *t, const char *s)
{
	size_t off = t->text.len, n = strlen(s);

	if (n == 0)
		return 0;
	kz_buf_add(&t->text, s, n + 1);  /* with its NUL */
	return off;
}

static void tab_push(struct tab *t, char **v, size_t line)
{
	if (t->nrows == t->rows_cap) {
		t->rows_cap = t->rows_cap ? 2 * t->rows_cap : 64;
		t->cells = xreallocarray(t->cells, t->rows_cap * (t->ncol ? t->ncol : 1),
					 sizeof(*t->cells));
		t->line = xreallocarray(t->line, t->rows_cap, sizeof(size_t));
	}
	for (size_t i = 0; i < t->ncol; i++)
		t->cells[t->nrows * t->ncol + i] = text_add(t, kz_trim(v[i]));
	t->line[t->nrows++] = line;
}

/* Give back what the doubling left unused: the tables stay in memory
 * for the whole import. */
static void tab_fit(struct tab *t)
{
	t->text.data = xrealloc(t->text.data, t->text.len + 1);
	t->text.cap = t->text.len + 1;
	if (t->nrows) {
		t->cells = xreallocarray(t->cells, t->nrows * (t->ncol ? t->ncol : 1),
					 sizeof(*t->cells));
		t->line = xreallocarray(t->line, t->nrows, sizeof(size_t));
		t->rows_cap = t->nrows;
	}
}

static enum kz_status tab_parse(struct tab *t, const char *data, size_t len,
				struct kz_error *err)
{
	struct kz_csv_reader *r = kz_csv_open(data, len, t->file);
	char **v;
	size_t n;
	enum kz_status st = kz_csv_next(r, &v, &n, err);

	if (st == KZ_OK) {
		t->hdr = xcalloc(n ? n : 1, sizeof(char *));
		for (size_t i = 0; i < n; i++)
			t->hdr[i] = xstrdup(kz_trim(v[i]));
		t->ncol = n;
		kz_buf_add(&t->text, "", 1);  /* offset 0: the empty cell */
		kz_csv_set_columns(r, (const char *const *)t->hdr, n);
		while ((st = kz_csv_next(r, &v, &n, err)) == KZ_OK)
			tab_push(t, v, kz_csv_row(r));
		tab_fit(t);
	}
	kz_csv_close(r);
	t->kept = xcalloc(t->nrows * t->ncol + 1, sizeof(bool));
	return st == KZ_NOT_FOUND ? KZ_OK : st;
}

/* A missing file is an empty table, except organizations.csv. */
static enum kz_status tab_load(const char *dir, struct tab *t, bool required,
			       struct kz_error *err)
{
	char *path = xasprintf("%s/%s", dir, t->file), *data = NULL;
	size_t len = 0;
	struct stat sb;
	enum kz_status st = KZ_OK;

	if (stat(path, &sb) != 0) {
		if (required)
			st = kz_fail(err, KZ_INVALID,
				     _("%s: missing — an HSDS folder has organizations.csv and the other tables of its data package"),
				     path);
		t->kept = xcalloc(1, sizeof(bool));
		free(path);
		return st;
	}
	st = kz_read_file(path, &data, &len, err);
	if (st == KZ_OK)
		st = tab_parse(t, data, len, err);
	else if (err)
		err->status = st = KZ_INVALID;
	free(data);
	free(path);
	return st;
}

static size_t col_of(const struct tab *t, const char *col)
{
	for (size_t i = 0; i < t->ncol; i++)
		if (strcmp(t->hdr[i], col) == 0)
			return i;
	return SIZE_MAX;
}

/* The cell (never NULL; "" when the file has no such column), kept. */
static const char *cell(struct tab *t, size_t r, const char *col)
{
	size_t c = col_of(t, col);

	t->read = true;
	if (c == SIZE_MAX)
		return "";
	t->kept[r * t->ncol + c] = true;
	return at(t, r * t->ncol + c);
}

/* The cell, not (yet) kept: a link to be followed. */
static const char *peek(const struct tab *t, size_t r, const char *col)
{
	size_t c = col_of(t, col);

	return c == SIZE_MAX ? "" : at(t, r * t->ncol + c);
}

static enum kz_status fail_cell(struct tab *t, size_t r, const char *col,
				struct kz_error *err, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static enum kz_status fail_cell(struct tab *t, size_t r, const char *col,
				struct kz_error *err, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return kz_fail(err, KZ_INVALID, _("%s: row %zu, column %s: %s"),
		       t->file, t->line[r], col, msg);
}

static int cmp_col_entry(const void *a, const void *b)
{
	const struct col_entry *x = a, *y = b;
	int c = strcmp(x->value, y->value);

	return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* The index of column c, made at its first use. */
static const struct col_index *index_of(struct tab *t, size_t c)
{
	struct col_index *ix;

	for (size_t i = 0; i < t->nidx; i++)
		if (t->idx[i].col == c)
			return &t->idx[i];
	t->idx = xreallocarray(t->idx, t->nidx + 1, sizeof(*t->idx));
	ix = &t->idx[t->nidx++];
	ix->col = c;
	ix->e = xreallocarray(NULL, t->nrows ? t->nrows : 1, sizeof(*ix->e));
	for (size_t r = 0; r < t->nrows; r++)
		ix->e[r] = (struct col_entry){ at(t, r * t->ncol + c), r };
	qsort(ix->e, t->nrows, sizeof(*ix->e), cmp_col_entry);
	return ix;
}

/* The rows whose column col is value, in their order: *n entries from
 * the one returned. A feed's links are followed through an index of the
 * column, made once: a walk through the whole table for each service
 * made an import of 100,000 services take hours. */
static const struct col_entry *rows_where(struct tab *t, const char *col,
					  const char *value, size_t *n)
{
	size_t c = col_of(t, col), lo = 0, hi, end;
	const struct col_index *ix;

	*n = 0;
	if (c == SIZE_MAX || t->nrows == 0)
		return NULL;
	ix = index_of(t, c);
	hi = t->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix->e[mid].value, value) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < t->nrows && strcmp(ix->e[end].value, value) == 0; end++)
		;
	*n = end - lo;
	return ix->e + lo;
}

/* The first row whose column col is value; SIZE_MAX if none. */
static size_t find_row(struct tab *t, const char *col, const char *value)
{
	size_t n;
	const struct col_entry *e = *value ? rows_where(t, col, value, &n) : NULL;

	return e && n ? e[0].row : SIZE_MAX;
}

/* Append text to a list in *slot, sep between, unless it is there. */
static void add_to(char **slot, const char *text, const char *sep)
{
	char *s;

	if (!*text || (*slot && strstr(*slot, text)))
		return;
	s = *slot && **slot ? xasprintf("%s%s%s", *slot, sep, text) : xstrdup(text);
	free(*slot);
	*slot = s;
}

/* --- records -------------------------------------------------------------- */

static void set_field(enum kz_kind kind, void *rec, const char *field,
		      const char *value)
{
	const struct kz_kind_info *k = kz_kind_of(kind);
	char **slot = kz_field_slot(rec, kz_field_find(k->fields, *k->nfields, field));

	kz_str_set(slot, *value ? value : NULL);
}

static const char *get_field(enum kz_kind kind, void *rec, const char *field)
{
	const struct kz_kind_info *k = kz_kind_of(kind);
	const char *v = *kz_field_slot(rec, kz_field_find(k->fields, *k->nfields, field));

	return v ? v : "";
}

/* The columns of the record's own table that the mapping (hsds_map.c)
 * holds as they are. */
static enum kz_status apply_maps(enum kz_kind kind, struct tab *t, size_t r,
				 void *rec, struct kz_error *err)
{
	int home = kz_hsds_home_table(kind);

	for (size_t i = 0; i < kz_hsds_nmaps; i++) {
		const struct kz_hsds_map *m = &kz_hsds_maps[i];
		const char *v;

		if (m->table != home || m->kind != kind || m->conv == KZ_HSDS_RULE ||
		    col_of(t, m->column) == SIZE_MAX)
			continue;
		v = cell(t, r, m->column);
		if (m->conv == KZ_HSDS_DATE && *v && !kz_date_valid(v))
			return fail_cell(t, r, m->column, err,
					 _("\"%s\" is not a date (YYYY-MM-DD)"), v);
		set_field(kind, rec, m->field, v);
	}
	return KZ_OK;
}

static bool same_fields(enum kz_kind kind, void *a, void *b)
{
	const struct kz_kind_info *k = kz_kind_of(kind);

	for (size_t i = 0; i < *k->nfields; i++) {
		const char *x = *kz_field_slot(a, &k->fields[i]);
		const char *y = *kz_field_slot(b, &k->fields[i]);

		if (!(kz_str_empty(x) && kz_str_empty(y)) && !kz_str_eq(x, y))
			return false;
	}
	return true;
}

/* A record the feed updates is of the same basket: ours for import hsds,
 * the network's for network add/update. */
static enum kz_status same_network(struct hin *h, enum kz_kind kind,
				   struct tab *t, size_t r, const char *id,
				   struct kz_error *err)
{
	char *net = kz_network_of(h->db, kind, id);
	enum kz_status st = KZ_OK;

	if (!kz_str_eq(net, h->network)) {
		if (net)
			st = fail_cell(t, r, "id", err, _("\"%s\" is a record of the basket of %s"), id, net);
		else
			st = fail_cell(t, r, "id", err, _("\"%s\" is a record of our own basket, not of %s"), id, h->network);
	}
	free(net);
	return st;
}

/* The pending records are found by kind and id in a hash table (open
 * addressing): a walk through all of them, for every service, phone and
 * contact, made a feed of 100,000 services take hours. */
static size_t pending_hash(enum kz_kind kind, const char *id)
{
	uint64_t x = 14695981039346656037u ^ (uint64_t)kind;

	for (; *id; id++) {
		x ^= (unsigned char)tolower((unsigned char)*id);
		x *= 1099511628211u;
	}
	return (size_t)x;
}

static void slot_put(struct hin *h, size_t i)
{
	size_t mask = h->nslots - 1;
	size_t at = pending_hash(h->p[i].kind, h->p[i].id) & mask;

	while (h->slots[at])
		at = (at + 1) & mask;
	h->slots[at] = i + 1;
}

/* The last record pended into the table, kept at most half full. */
static void map_pending(struct hin *h)
{
	if (2 * h->np <= h->nslots) {
		slot_put(h, h->np - 1);
		return;
	}
	free(h->slots);
	h->nslots = h->nslots ? 2 * h->nslots : 1024;
	h->slots = xcalloc(h->nslots, sizeof(*h->slots));
	for (size_t i = 0; i < h->np; i++)
		slot_put(h, i);
}

static struct pending *pending_of(struct hin *h, enum kz_kind kind, const char *id)
{
	size_t mask = h->nslots - 1;

	if (!*id || !h->nslots)
		return NULL;
	for (size_t at = pending_hash(kind, id) & mask; h->slots[at]; at = (at + 1) & mask) {
		struct pending *p = &h->p[h->slots[at] - 1];
		if (p->kind == kind && strcasecmp(p->id, id) == 0)
			return p;
	}
	return NULL;
}

/* The record with the row's id (cell "id"): loaded when it exists. */
static enum kz_status pend(struct hin *h, enum kz_kind kind, struct tab *t,
			   size_t r, struct pending **out, struct kz_error *err)
{
	const struct kz_kind_info *k = kz_kind_of(kind);
	char id[KZ_ID_LEN + 1];
	const char *raw = cell(t, r, "id");
	struct pending *p;
	enum kz_status st;

	if (strlen(raw) != KZ_ID_LEN)
		return fail_cell(t, r, "id", err, _("\"%s\" is not a valid id (an id looks like 0f8fad5b-d9cb-469f-a165-70867728950e)"), raw);
	for (size_t i = 0; i <= KZ_ID_LEN; i++)
		id[i] = (char)tolower((unsigned char)raw[i]);
	if (!kz_is_uuid(id))
		return fail_cell(t, r, "id", err, _("\"%s\" is not a valid id (an id looks like 0f8fad5b-d9cb-469f-a165-70867728950e)"), raw);
	if ((p = pending_of(h, kind, id)) != NULL)
		return fail_cell(t, r, "id", err, _("%s is also the id of row %zu: each row needs an id of its own"),
				 raw, p->t->line[p->r]);
	h->p = xreallocarray(h->p, h->np + 1, sizeof(*h->p));
	p = &h->p[h->np++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	memcpy(p->id, id, KZ_ID_LEN + 1);
	p->rec = kz_record_new(kind);
	p->t = t;
	p->r = r;
	st = k->get(h->db, id, p->rec, err);
	if (st == KZ_OK && (st = same_network(h, kind, t, r, id, err)) == KZ_OK)
		p->orig = kz_record_dup(kind, p->rec);
	else if (st == KZ_NOT_FOUND && err)
		kz_error_clear(err);
	memcpy((char *)p->rec + k->id_offset, id, KZ_ID_LEN + 1);
	map_pending(h);
	*out = p;
	return st == KZ_NOT_FOUND ? KZ_OK : st;
}

/* An organization of the feed or a partner of the database. */
static bool partner_known(struct hin *h, const char *id)
{
	struct kz_partner p = { 0 };
	bool ok;

	if (!*id)
		return false;
	if (pending_of(h, KZ_KIND_PARTNER, id))
		return true;
	ok = kz_partner_get(h->db, id, &p, NULL) == KZ_OK;
	kz_partner_clear(&p);
	return ok;
}

/* --- organizations, contacts, phones ------------------------------------------ */

/* legal_status: a kind of partner of the configuration, by label or code. */
static void partner_kind(struct hin *h, struct tab *t, size_t r,
			 struct kz_partner *p)
{
	const char *v = peek(t, r, "legal_status");
	const struct kz_items *kinds = &h->cfg->partner_kinds;

	for (size_t i = 0; *v && i < kinds->n; i++)
		if (kz_str_eq(kinds->v[i].label, v) || kz_str_eq(kinds->v[i].code, v)) {
			kz_str_set(&p->kind, kinds->v[i].code);
			cell(t, r, "legal_status");
			return;
		}
}

/* description is the role; export writes the kind or the name when the
 * role is empty, and those are no role. */
static void partner_role(struct hin *h, struct tab *t, size_t r,
			 struct kz_partner *p)
{
	const char *d = cell(t, r, "description");
	const char *kind = kz_items_label(&h->cfg->partner_kinds, p->kind);

	if (kz_str_eq(d, p->name) || (kind && kz_str_eq(d, kind)))
		d = "";
	kz_str_set(&p->role, *d ? d : NULL);
}

static enum kz_status organizations(struct hin *h, struct kz_error *err)
{
	struct tab *t = &h->t[T_ORGANIZATION];

	for (size_t r = 0; r < t->nrows; r++) {
		struct pending *p;
		struct kz_partner *rec;
		enum kz_status st = pend(h, KZ_KIND_PARTNER, t, r, &p, err);

		if (st != KZ_OK)
			return st;
		rec = p->rec;
		if ((st = apply_maps(KZ_KIND_PARTNER, t, r, rec, err)) != KZ_OK)
			return st;
		partner_kind(h, t, r, rec);
		partner_role(h, t, r, rec);
		/* Back in its network's feed: a member again. */
		if (h->network && kz_str_eq(rec->status, "left"))
			kz_str_set(&rec->status, "informal");
	}
	return KZ_OK;
}

/* The KRS number: an organization identifier of the scheme PL-KRS (or
 * of the type KRS). The feed holds them: a partner whose feed has the
 * table and no such row has none. */
static enum kz_status identifiers(struct hin *h, struct kz_error *err)
{
	struct tab *t = &h->t[T_ORGANIZATION_IDENTIFIER];

	for (size_t i = 0; t->ncol && i < h->np; i++)
		if (h->p[i].kind == KZ_KIND_PARTNER)
			set_field(KZ_KIND_PARTNER, h->p[i].rec, "krs", "");
	for (size_t r = 0; r < t->nrows; r++) {
		struct pending *p = pending_of(h, KZ_KIND_PARTNER, peek(t, r, "organization_id"));
		char *krs;

		if (!p || (strcasecmp(peek(t, r, "identifier_scheme"), "PL-KRS") != 0 &&
			   strcasecmp(peek(t, r, "identifier_type"), "KRS") != 0))
			continue;
		if (!(krs = kz_hsds_krs(peek(t, r, "identifier"))))
			return fail_cell(t, r, "identifier", err,
					 _("\"%s\" is not a KRS number (up to 10 digits, e.g. 0000123456)"),
					 peek(t, r, "identifier"));
		cell(t, r, "id");
		cell(t, r, "organization_id");
		cell(t, r, "identifier");
		if (strcasecmp(peek(t, r, "identifier_scheme"), "PL-KRS") == 0)
			cell(t, r, "identifier_scheme");
		if (strcasecmp(peek(t, r, "identifier_type"), "KRS") == 0)
			cell(t, r, "identifier_type");
		set_field(KZ_KIND_PARTNER, p->rec, "krs", krs);
		free(krs);
	}
	return KZ_OK;
}

static bool same_text(const char *a, const char *b)
{
	return kz_str_eq(a ? a : "", b ? b : "");
}

/* The address rows of location row lr into *text: a row made from the
 * location's name (as export hsds writes them) is kept as the name is;
 * another adds its text, unless the name holds its street already. */
static void addresses_of(struct hin *h, size_t lr, char **text)
{
	struct tab *loc = &h->t[T_LOCATION], *t = &h->t[T_ADDRESS];
	const char *name = peek(loc, lr, "name");
	const char *woj = h->cfg ? h->cfg->wojewodztwo : NULL;
	struct kz_hsds_address a;
	bool parsed = kz_hsds_address_parse(name, &a);
	size_t n;
	const struct col_entry *e = *peek(loc, lr, "id")
		? rows_where(t, "location_id", peek(loc, lr, "id"), &n) : NULL;

	for (size_t k = 0; e && k < n; k++) {
		static const char *const parts[] = {
			"id", "location_id", "address_1", "address_2", "city", "postal_code",
		};
		size_t r = e[k].row;
		const char *street = peek(t, r, "address_1");

		if (!(parsed && same_text(a.street, street) && !*peek(t, r, "address_2") &&
		      same_text(a.city, peek(t, r, "city")) &&
		      same_text(a.postal_code, peek(t, r, "postal_code"))) &&
		    (!*street || !strstr(*text ? *text : "", street))) {
			char *more = kz_hsds_address_text(street, peek(t, r, "address_2"),
							  peek(t, r, "postal_code"),
							  peek(t, r, "city"));

			if (*more) {
				char *joined = *text && **text ?
					xasprintf("%s, %s", *text, more) : xstrdup(more);
				free(*text);
				*text = joined;
			}
			free(more);
		}
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
			cell(t, r, parts[i]);
		if (strcasecmp(peek(t, r, "country"), "PL") == 0)
			cell(t, r, "country");
		if (kz_str_eq(peek(t, r, "address_type"), "physical"))
			cell(t, r, "address_type");
		if (woj && *woj && strcasecmp(peek(t, r, "state_province"), woj) == 0)
			cell(t, r, "state_province");
	}
	kz_hsds_address_free(&a);
}

/* What a location says where it is: its name and its address rows;
 * NULL when nothing. Allocated. */
static char *location_text(struct hin *h, size_t lr)
{
	struct tab *loc = &h->t[T_LOCATION];
	char *text = *peek(loc, lr, "name") ? xstrdup(peek(loc, lr, "name")) : NULL;

	addresses_of(h, lr, &text);
	if (!text || !*text) {
		free(text);
		return NULL;
	}
	cell(loc, lr, "id");
	cell(loc, lr, "name");
	if (kz_str_eq(peek(loc, lr, "location_type"), "physical"))
		cell(loc, lr, "location_type");
	return text;
}

/* A partner's address: the locations of its organization that no
 * service is at. */
static void partner_addresses(struct hin *h)
{
	struct tab *loc = &h->t[T_LOCATION], *sal = &h->t[T_SERVICE_AT_LOCATION];

	for (size_t i = 0; loc->ncol && i < h->np; i++)
		if (h->p[i].kind == KZ_KIND_PARTNER)
			set_field(KZ_KIND_PARTNER, h->p[i].rec, "address", "");
	for (size_t r = 0; r < loc->nrows; r++) {
		struct pending *p = pending_of(h, KZ_KIND_PARTNER, peek(loc, r, "organization_id"));
		struct kz_partner *rec;
		char *text;

		if (!p || find_row(sal, "location_id", peek(loc, r, "id")) != SIZE_MAX ||
		    !(text = location_text(h, r)))
			continue;
		cell(loc, r, "organization_id");
		rec = p->rec;
		add_to(&rec->address, text, "; ");
		free(text);
	}
}

/* The partner of a contact: its organization, or the provider of its
 * service. */
static const char *contact_partner(struct hin *h, struct tab *t, size_t r)
{
	const char *org = peek(t, r, "organization_id");
	const char *svc = peek(t, r, "service_id");
	struct tab *s = &h->t[T_SERVICE];
	size_t sr;

	if (partner_known(h, org))
		return cell(t, r, "organization_id");
	sr = find_row(s, "id", svc);
	if (sr != SIZE_MAX && partner_known(h, peek(s, sr, "organization_id"))) {
		cell(t, r, "service_id");
		return peek(s, sr, "organization_id");
	}
	return NULL;
}

static enum kz_status contacts(struct hin *h, struct kz_error *err)
{
	struct tab *t = &h->t[T_CONTACT];

	for (size_t r = 0; r < t->nrows; r++) {
		struct pending *p;
		const char *partner = contact_partner(h, t, r);
		enum kz_status st;

		if (!partner)
			return fail_cell(t, r, "organization_id", err,
					 _("\"%s\": no organization with this id in organizations.csv or in the database (nor the provider of the contact's service)"),
					 peek(t, r, "organization_id"));
		if ((st = pend(h, KZ_KIND_CONTACT, t, r, &p, err)) != KZ_OK)
			return st;
		if ((st = apply_maps(KZ_KIND_CONTACT, t, r, p->rec, err)) != KZ_OK)
			return st;
		set_field(KZ_KIND_CONTACT, p->rec, "partner_id", partner);
	}
	return KZ_OK;
}

/* "\"+48 12 345 67 89\"" as the official example has it: no quotes. */
static char *phone_number(const char *v)
{
	size_t n = strlen(v);

	if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
		return xasprintf("%.*s", (int)(n - 2), v + 1);
	return xstrdup(v);
}

/* A phone goes to its contact person, or else to its organization. */
static void phones(struct hin *h)
{
	struct tab *t = &h->t[T_PHONE];

	/* The feed holds the phones: one it no longer has is gone. */
	for (size_t i = 0; i < h->np; i++)
		if (h->p[i].kind != KZ_KIND_SERVICE)
			set_field(h->p[i].kind, h->p[i].rec, "phone", "");
	for (size_t r = 0; r < t->nrows; r++) {
		struct pending *p = pending_of(h, KZ_KIND_CONTACT, peek(t, r, "contact_id"));
		const char *link = "contact_id";
		char *number;

		if (!p && !*peek(t, r, "contact_id")) {
			p = pending_of(h, KZ_KIND_PARTNER, peek(t, r, "organization_id"));
			link = "organization_id";
		}
		if (!p || !*peek(t, r, "number"))
			continue;
		cell(t, r, "id");
		cell(t, r, link);
		if (p->kind == KZ_KIND_CONTACT &&
		    kz_str_eq(peek(t, r, "organization_id"),
			      get_field(KZ_KIND_CONTACT, p->rec, "partner_id")))
			cell(t, r, "organization_id");
		if (kz_str_eq(peek(t, r, "type"), "voice"))
			cell(t, r, "type");
		number = phone_number(cell(t, r, "number"));
		set_field(p->kind, p->rec, "phone", number);
		free(number);
	}
}

/* --- services ---------------------------------------------------------------- */

static enum kz_status service_status(struct tab *t, size_t r,
				     struct kz_service *s, struct kz_error *err)
{
	static const char *const map[][2] = {
		{ "active", "active" }, { "temporarily closed", "suspended" },
		{ "inactive", "suspended" }, { "defunct", "archived" },
	};
	const char *v = cell(t, r, "status");

	if (!*v) {
		if (kz_str_empty(s->status))
			kz_str_set(&s->status, "active");
		return KZ_OK;
	}
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(v, map[i][0]) == 0) {
			kz_str_set(&s->status, map[i][1]);
			return KZ_OK;
		}
	return fail_cell(t, r, "status", err,
			 _("\"%s\" is not an HSDS status (active, inactive, defunct, temporarily closed)"), v);
}

static enum kz_status date_cell(struct tab *t, size_t r, const char *col,
				char **slot, struct kz_error *err)
{
	const char *v = cell(t, r, col);

	if (*v && !kz_date_valid(v))
		return fail_cell(t, r, col, err, _("\"%s\" is not a date (YYYY-MM-DD)"), v);
	kz_str_set(slot, *v ? v : NULL);
	return KZ_OK;
}

/* The places: what the service's locations say where they are. */
static void places(struct hin *h, struct kz_service *s, const char *id)
{
	struct tab *sal = &h->t[T_SERVICE_AT_LOCATION], *loc = &h->t[T_LOCATION];

	size_t n;
	const struct col_entry *e = rows_where(sal, "service_id", id, &n);

	kz_str_set(&s->place, NULL);
	for (size_t i = 0; i < n; i++) {
		size_t r = e[i].row, lr;
		char *text;

		lr = find_row(loc, "id", peek(sal, r, "location_id"));
		if (lr == SIZE_MAX || !(text = location_text(h, lr)))
			continue;
		cell(sal, r, "id");
		cell(sal, r, "service_id");
		cell(sal, r, "location_id");
		add_to(&s->place, text, "; ");
		free(text);
	}
}

/* Hours are the schedules' description (the weekly rows export writes
 * are made from it); valid_from and valid_to the service's. */
static enum kz_status hours(struct hin *h, struct kz_service *s, const char *id,
			    struct kz_error *err)
{
	static const char *const derived[] = { "freq", "byday", "opens_at", "closes_at" };
	struct tab *t = &h->t[T_SCHEDULE];
	enum kz_status st = KZ_OK;

	size_t n;
	const struct col_entry *e = rows_where(t, "service_id", id, &n);

	kz_str_set(&s->hours, NULL);
	for (size_t k = 0; st == KZ_OK && k < n; k++) {
		size_t r = e[k].row;

		if (!*peek(t, r, "description"))
			continue;
		cell(t, r, "id");
		cell(t, r, "service_id");
		add_to(&s->hours, cell(t, r, "description"), "; ");
		for (size_t i = 0; i < sizeof(derived) / sizeof(derived[0]); i++)
			cell(t, r, derived[i]);
		st = date_cell(t, r, "valid_from", &s->valid_from, err);
		if (st == KZ_OK)
			st = date_cell(t, r, "valid_to", &s->valid_to, err);
	}
	return st;
}

static void areas(struct hin *h, struct kz_service *s, const char *id)
{
	struct tab *t = &h->t[T_SERVICE_AREA];

	size_t n;
	const struct col_entry *e = rows_where(t, "service_id", id, &n);

	kz_str_set(&s->area, NULL);
	for (size_t i = 0; i < n; i++) {
		size_t r = e[i].row;

		if (*peek(t, r, "name")) {
			cell(t, r, "id");
			cell(t, r, "service_id");
			add_to(&s->area, cell(t, r, "name"), "; ");
		}
	}
}

/* Documents not yet named in the access conditions join them on a line
 * "Dokumenty: a; b" (the line export hsds reads them from). */
static void documents(struct hin *h, struct kz_service *s, const char *id)
{
	struct tab *t = &h->t[T_REQUIRED_DOCUMENT];
	char *missing = NULL;
	size_t n;
	const struct col_entry *e = rows_where(t, "service_id", id, &n);

	for (size_t i = 0; i < n; i++) {
		size_t r = e[i].row;
		const char *doc;

		if (!*peek(t, r, "document"))
			continue;
		cell(t, r, "id");
		cell(t, r, "service_id");
		doc = cell(t, r, "document");
		if (!s->access_conditions || !strstr(s->access_conditions, doc))
			add_to(&missing, doc, "; ");
	}
	if (missing) {
		char *line = xasprintf("Dokumenty: %s", missing);

		add_to(&s->access_conditions, line, "\n");
		free(line);
		free(missing);
	}
}

/* The cost when fees_description is empty: the cost options. */
static void costs(struct hin *h, struct kz_service *s, const char *id)
{
	static const char *const dates[] = { "valid_from", "valid_to" };
	struct tab *t = &h->t[T_COST_OPTION];
	size_t n;
	const struct col_entry *e = rows_where(t, "service_id", id, &n);

	for (size_t k = 0; k < n; k++) {
		size_t r = e[k].row;

		if (!*peek(t, r, "option"))
			continue;
		/* What export writes: the cost itself, its amount and dates. */
		if (kz_str_empty(s->cost) || kz_str_eq(s->cost, peek(t, r, "option"))) {
			cell(t, r, "id");
			cell(t, r, "service_id");
			kz_str_set(&s->cost, cell(t, r, "option"));
			if (kz_str_eq(peek(t, r, "currency"), "PLN")) {
				cell(t, r, "currency");
				cell(t, r, "amount");
			}
			for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++)
				if (kz_str_eq(peek(t, r, dates[i]),
					      get_field(KZ_KIND_SERVICE, s, dates[i])))
					cell(t, r, dates[i]);
		}
	}
}

/* --- the koszyk taxonomy --------------------------------------------------------- */

/* An attribute whose term's code is "category:CODE", "sector:CODE" or
 * "target_group:CODE" with a configured code sets that field. */
static void terms(struct hin *h, struct kz_service *s, const char *id)
{
	static const struct { const char *prefix; enum kz_vocab vocab; } vocabs[] = {
		{ "category:", KZ_VOCAB_CATEGORIES }, { "sector:", KZ_VOCAB_SECTORS },
		{ "target_group:", KZ_VOCAB_TARGET_GROUPS },
	};
	struct tab *a = &h->t[T_ATTRIBUTE], *tt = &h->t[T_TAXONOMY_TERM];
	size_t n;
	const struct col_entry *e = rows_where(a, "link_id", id, &n);

	for (size_t k = 0; k < n; k++) {
		size_t r = e[k].row, tr;
		const char *code;

		tr = find_row(tt, "id", peek(a, r, "taxonomy_term_id"));
		code = tr == SIZE_MAX ? "" : peek(tt, tr, "code");
		for (size_t v = 0; v < sizeof(vocabs) / sizeof(vocabs[0]); v++) {
			const char *c = code + strlen(vocabs[v].prefix);

			if (strncmp(code, vocabs[v].prefix, strlen(vocabs[v].prefix)) != 0 ||
			    !kz_items_find(kz_config_vocab(h->cfg, vocabs[v].vocab), c))
				continue;
			for (size_t i = 0; i < tt->ncol; i++)
				cell(tt, tr, tt->hdr[i]);
			for (size_t i = 0; i < a->ncol; i++)
				cell(a, r, a->hdr[i]);
			if (v == 0)
				kz_str_set(&s->category, c);
			else if (v == 1)
				kz_str_set(&s->sector, c);
			else
				add_to(&s->target_groups, c, ";");
		}
	}
}

/* The taxonomy "koszyk" is the configuration's: its rows are kept there. */
static void koszyk_taxonomy(struct hin *h)
{
	struct tab *t = &h->t[T_TAXONOMY];

	for (size_t r = 0; r < t->nrows; r++)
		if (kz_str_eq(peek(t, r, "name"), "koszyk"))
			for (size_t i = 0; i < t->ncol; i++)
				cell(t, r, t->hdr[i]);
}

static enum kz_status service_row(struct hin *h, struct tab *t, size_t r,
				  struct kz_error *err)
{
	struct pending *p;
	struct kz_service *s;
	const char *org = peek(t, r, "organization_id");
	enum kz_status st;

	if (!partner_known(h, org))
		return fail_cell(t, r, "organization_id", err,
				 _("\"%s\": no organization with this id in organizations.csv or in the database"),
				 org);
	if ((st = pend(h, KZ_KIND_SERVICE, t, r, &p, err)) != KZ_OK)
		return st;
	s = p->rec;
	kz_str_set(&s->provider_id, cell(t, r, "organization_id"));
	if (kz_str_empty(s->kind))
		kz_str_set(&s->kind, "service");
	if ((st = apply_maps(KZ_KIND_SERVICE, t, r, s, err)) == KZ_OK)
		st = service_status(t, r, s, err);
	if (st != KZ_OK)
		return st;
	kz_str_set(&s->category, NULL);
	kz_str_set(&s->sector, NULL);
	kz_str_set(&s->target_groups, NULL);
	terms(h, s, s->id);
	places(h, s, s->id);
	areas(h, s, s->id);
	documents(h, s, s->id);
	if ((st = hours(h, s, s->id, err)) == KZ_OK)
		costs(h, s, s->id);
	return st;
}

/* --- saving -------------------------------------------------------------------- */

static enum kz_status save_one(struct hin *h, struct pending *p,
			       struct kz_error *err)
{
	enum kz_status st;

	if (p->orig && same_fields(p->kind, p->orig, p->rec)) {
		h->res->unchanged++;
		return KZ_OK;
	}
	if (p->orig)
		st = kz_record_save(h->db, h->cfg, p->kind, p->rec, err);
	else if (p->kind == KZ_KIND_PARTNER)
		st = kz_partner_insert_with_id(h->db, p->rec, err);
	else if (p->kind == KZ_KIND_CONTACT)
		st = kz_contact_insert_with_id(h->db, p->rec, err);
	else
		st = kz_service_insert_with_id(h->db, p->rec, err);
	if (st != KZ_OK) {
		if (err)
			kz_error_prefix(err, _("%s: row %zu: "), p->t->file, p->t->line[p->r]);
		return st;
	}
	if (h->network) {
		st = kz_network_stamp(h->db, p->kind, kz_record_id(p->kind, p->rec),
				      h->network, err);
		if (st != KZ_OK)
			return st;
	}
	if (p->orig)
		h->res->updated++;
	else
		h->res->inserted++;
	return KZ_OK;
}

/* A partner of the network the feed no longer has has left, never
 * deleted: a plan or a meeting may name it. Contact persons have no
 * status of their own; they stay with their partner. */
static enum kz_status partner_leaves(struct hin *h, const char *id,
				     struct kz_error *err)
{
	struct kz_partner p = { 0 };
	enum kz_status st = kz_partner_get(h->db, id, &p, err);

	if (st == KZ_OK) {
		kz_str_set(&p.status, "left");
		st = kz_partner_save(h->db, &p, err);
	}
	kz_partner_clear(&p);
	return st;
}

/* Services of the network the feed no longer has are withdrawn
 * (archived), never deleted: a plan may have picked them; partners it no
 * longer has have left. */
static enum kz_status withdraw_gone(struct hin *h, enum kz_kind kind,
				    size_t *count, struct kz_error *err)
{
	char **ids;
	size_t n;
	enum kz_status st = kind == KZ_KIND_SERVICE
		? kz_network_services(h->db, h->network, &ids, &n, err)
		: kz_network_partners(h->db, h->network, &ids, &n, err);

	for (size_t i = 0; i < n; i++) {
		if (st == KZ_OK && !pending_of(h, kind, ids[i])) {
			st = kind == KZ_KIND_SERVICE
				? kz_service_archive(h->db, ids[i], 0, err)
				: partner_leaves(h, ids[i], err);
			*count += st == KZ_OK;
		}
		free(ids[i]);
	}
	free(ids);
	return st;
}

/* The saving is the long part: the meter counts the records saved. */
static void saved_one(long *done, long total)
{
	if (++*done % 128 == 0)
		kz_meter_report(*done, total);
}

/* Each service read and saved at once, its records then freed: all of
 * a feed's services held until the end took 120 MB at 100,000. A bad
 * row met after some were saved rolls the whole import back all the
 * same (one transaction). */
static enum kz_status services(struct hin *h, long *done, long total,
			       struct kz_error *err)
{
	struct tab *t = &h->t[T_SERVICE];
	enum kz_status st = KZ_OK;

	for (size_t r = 0; st == KZ_OK && r < t->nrows; r++) {
		struct pending *p;

		if ((st = service_row(h, t, r, err)) != KZ_OK)
			break;
		p = &h->p[h->np - 1];
		st = save_one(h, p, err);
		kz_record_free(p->kind, p->rec);
		kz_record_free(p->kind, p->orig);
		p->rec = p->orig = NULL;
		saved_one(done, total);
		/* The change log of the services saved so far, written now:
		 * the capture would otherwise hold them all until the commit
		 * (130 MB at 100,000). */
		if (st == KZ_OK && (r + 1) % 1024 == 0)
			st = kz_sync_capture_flush(h->db, err);
	}
	return st;
}

/* Partners first, then their contact persons, then services. */
static enum kz_status save_all(struct hin *h, struct kz_error *err)
{
	static const enum kz_kind order[] = { KZ_KIND_PARTNER, KZ_KIND_CONTACT };
	long done = 0, total = (long)(h->np + h->t[T_SERVICE].nrows);
	enum kz_status st = KZ_OK;

	kz_meter_report(0, total);
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; st == KZ_OK && i < h->np; i++)
			if (h->p[i].kind == order[k]) {
				st = save_one(h, &h->p[i], err);
				saved_one(&done, total);
			}
	if (st == KZ_OK)
		st = services(h, &done, total, err);
	if (st == KZ_OK)
		kz_meter_report(total, total);
	return st;
}

/* --- warnings --------------------------------------------------------------------- */

static void warn(struct kz_hsds_import_result *res, char *line)
{
	res->warnings = xreallocarray(res->warnings, res->nwarnings + 1, sizeof(char *));
	res->warnings[res->nwarnings++] = line;
}

static void table_warnings(struct kz_hsds_import_result *res, const struct tab *t)
{
	int base = (int)(strlen(t->file) - strlen(".csv"));

	if (!t->read && t->nrows) {
		warn(res, xasprintf(_("%.*s: %zu rows not kept"), base, t->file, t->nrows));
		return;
	}
	for (size_t c = 0; c < t->ncol; c++) {
		size_t n = 0;

		for (size_t r = 0; r < t->nrows; r++)
			n += !t->kept[r * t->ncol + c] && t->cells[r * t->ncol + c];
		if (n)
			warn(res, xasprintf(_("%.*s.%s: %zu values not kept"), base,
					    t->file, t->hdr[c], n));
	}
}

void kz_hsds_import_result_free(struct kz_hsds_import_result *res)
{
	for (size_t i = 0; i < res->nwarnings; i++)
		free(res->warnings[i]);
	free(res->warnings);
	memset(res, 0, sizeof(*res));
}

/* --- the whole ---------------------------------------------------------------------- */

static enum kz_status load_all(struct hin *h, const char *dir, struct kz_error *err)
{
	enum kz_status st = KZ_OK;

	for (size_t i = 0; st == KZ_OK && i < KZ_HSDS_NTABLES; i++) {
		h->t[i].file = kz_hsds_table_file(i);
		st = tab_load(dir, &h->t[i], i == T_ORGANIZATION, err);
	}
	return st;
}

static void hin_free(struct hin *h)
{
	for (size_t i = 0; i < h->np; i++) {
		kz_record_free(h->p[i].kind, h->p[i].rec);
		kz_record_free(h->p[i].kind, h->p[i].orig);
	}
	free(h->p);
	free(h->slots);
	for (size_t i = 0; i < KZ_HSDS_NTABLES; i++)
		tab_free(&h->t[i]);
}

static enum kz_status import_all(struct hin *h, struct kz_error *err)
{
	enum kz_status st = organizations(h, err);

	if (st == KZ_OK)
		st = identifiers(h, err);
	if (st == KZ_OK)
		partner_addresses(h);
	if (st == KZ_OK)
		st = contacts(h, err);
	if (st == KZ_OK)
		phones(h);
	if (st == KZ_OK) {
		koszyk_taxonomy(h);
		st = save_all(h, err);
	}
	if (st == KZ_OK && h->network)
		st = withdraw_gone(h, KZ_KIND_SERVICE, &h->res->withdrawn, err);
	if (st == KZ_OK && h->network)
		st = withdraw_gone(h, KZ_KIND_PARTNER, &h->res->left, err);
	return st;
}

static enum kz_status import_dir(struct kz_db *db, const struct kz_config *cfg,
				 const char *dir, const char *network,
				 const char *source,
				 struct kz_hsds_import_result *res,
				 struct kz_error *err)
{
	struct hin h;
	enum kz_status st;

	memset(&h, 0, sizeof(h));
	memset(res, 0, sizeof(*res));
	h.db = db;
	h.cfg = cfg;
	h.res = res;
	h.network = network;
	st = load_all(&h, dir, err);
	if (st == KZ_OK && (st = kz_db_begin(db, err)) == KZ_OK) {
		kz_db_set_network(db, network);
		/* The records' search texts wait and go into the index in its
		 * order at the commit, as a CSV import's (kz_db_defer_search):
		 * written one by one, each went between its neighbours and
		 * made FTS5 write a piece. */
		kz_db_defer_search(db, true);
		st = import_all(&h, err);
		kz_db_defer_search(db, false);
		kz_db_set_network(db, NULL);
		if (st == KZ_OK && network)
			st = kz_network_register(db, network, source, err);
		if (st == KZ_OK)
			st = kz_db_commit(db, err);
		else
			kz_db_rollback(db);
	}
	if (st == KZ_OK)
		for (size_t i = 0; i < KZ_HSDS_NTABLES; i++)
			table_warnings(res, &h.t[i]);
	else
		res->inserted = res->updated = res->unchanged = res->withdrawn =
			res->left = 0;
	hin_free(&h);
	return st;
}

enum kz_status kz_import_hsds(struct kz_db *db, const struct kz_config *cfg,
			      const char *dir,
			      struct kz_hsds_import_result *res,
			      struct kz_error *err)
{
	return import_dir(db, cfg, dir, NULL, NULL, res, err);
}

enum kz_status kz_import_hsds_network(struct kz_db *db,
				      const struct kz_config *cfg,
				      const char *dir, const char *name,
				      const char *source,
				      struct kz_hsds_import_result *res,
				      struct kz_error *err)
{
	if (!kz_network_name_valid(name)) {
		memset(res, 0, sizeof(*res));
		return kz_fail(err, KZ_INVALID,
			       _("\"%s\" is not a network's short name (1 to 32 letters, digits, - or _)"),
			       name);
	}
	if (kz_require(db, KZ_RIGHT_CHANGE, err) != KZ_OK) {
		memset(res, 0, sizeof(*res));
		return err ? err->status : KZ_INVALID;
	}
	return import_dir(db, cfg, dir, name, source, res, err);
}
