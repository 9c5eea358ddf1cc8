/* Unit tests of import and export (src/io/import.c, src/io/export.c) on a
 * fresh database in a temporary directory with the built-in configuration.
 * Every expected value is written by hand from the inputs below and from
 * the codes of docs/vocabulary.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "koszyk/access.h"
#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/exchange.h"
#include "koszyk/xalloc.h"

struct fx {
	char dir[64];
	char path[128];
	struct kz_db *db;
	struct kz_config cfg;
	struct kz_error err;
	struct kz_import_result res;
};

static const char *data_dir(void)
{
	const char *d = getenv("KZ_TEST_DATA");

	return d ? d : "tests/data";
}

static void assert_contains(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fail_msg("expected \"%s\" in:\n%s", needle, haystack);
}

static void assert_lacks(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle))
		fail_msg("did not expect \"%s\" in:\n%s", needle, haystack);
}

static void assert_prefix(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("expected \"%s\" to start with \"%s\"", s, prefix);
}

static struct fx *fx_open(void)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));

	snprintf(fx->dir, sizeof(fx->dir), "/tmp/kz-exchange-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof(fx->path), "%s/koszyk.db", fx->dir);
	assert_int_equal(kz_db_open(fx->path, KZ_OPEN_CREATE, &fx->db, &fx->err),
			 KZ_OK);
	kz_db_set_principal(fx->db, "akowalska", KZ_ROLE_COORDINATOR);
	assert_int_equal(kz_config_load_builtin(&fx->cfg, &fx->err), KZ_OK);
	return fx;
}

static void fx_close(struct fx *fx)
{
	const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
	char p[160];

	kz_db_close(fx->db);
	kz_config_free(&fx->cfg);
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s%s", fx->path, suffixes[i]);
		unlink(p);
	}
	rmdir(fx->dir);
	free(fx);
}

static int setup(void **state)
{
	setenv("KOSZYK_TODAY", "2026-03-15", 1);
	*state = fx_open();
	return 0;
}

static int teardown(void **state)
{
	fx_close(*state);
	return 0;
}

static enum kz_status import(struct fx *fx, enum kz_kind kind,
			     const char *csv)
{
	memset(&fx->err, 0, sizeof(fx->err));
	return kz_import_csv_data(fx->db, &fx->cfg, kind, csv, strlen(csv),
				  "x.csv", &fx->res, &fx->err);
}

static void import_ok(struct fx *fx, enum kz_kind kind,
		      const char *csv, size_t inserted, size_t updated)
{
	if (import(fx, kind, csv) != KZ_OK)
		fail_msg("import failed: %s", fx->err.msg);
	assert_int_equal(fx->res.inserted, inserted);
	assert_int_equal(fx->res.updated, updated);
}

static void partner_id(struct fx *fx, const char *name, char *id)
{
	if (kz_partner_find_by_name(fx->db, name, id, &fx->err) != KZ_OK)
		fail_msg("no partner %s: %s", name, fx->err.msg);
}

struct find_title {
	const char *title;
	char id[KZ_ID_LEN + 1];
};

static enum kz_status find_title_fn(const struct kz_service *s, void *ctx)
{
	struct find_title *f = ctx;

	if (strcmp(s->title, f->title) == 0)
		memcpy(f->id, s->id, sizeof(f->id));
	return KZ_OK;
}

static void service_id(struct fx *fx, const char *title, char *id)
{
	struct find_title f = { title, "" };

	assert_int_equal(kz_service_each(fx->db, true, find_title_fn, &f,
					 &fx->err), KZ_OK);
	if (!f.id[0])
		fail_msg("no service titled %s", title);
	memcpy(id, f.id, KZ_ID_LEN + 1);
}

/* NULL and "" are the same: nothing stored. */
static void assert_value(const char *got, const char *want)
{
	if (!want || !want[0]) {
		if (got && got[0])
			fail_msg("expected nothing, got \"%s\"", got);
		return;
	}
	if (!got)
		fail_msg("expected \"%s\", got nothing", want);
	assert_string_equal(got, want);
}

static void export(struct fx *fx, enum kz_export_format fmt,
		   struct kz_buf *out)
{
	kz_buf_reset(out);
	if (kz_export(fx->db, &fx->cfg, fmt, out, &fx->err) != KZ_OK)
		fail_msg("export failed: %s", fx->err.msg);
}

/* --- the basket used by several tests ------------------------------------ */

static const char partners_csv[] =
	"name,short_name,kind,sectors,status,declaration_date,phone,notes\r\n"
	"Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli,GOPS,"
	"Ośrodek pomocy społecznej / CUS,pomoc społeczna,deklaracja,"
	"2025-11-03,44 123 45 67,\r\n"
	"Fundacja Promyk,,ngo,\"NGO; edukacja\",,,,"
	"\"Spotkania w \"\"Domu\"\"\r\nw czwartki\"\r\n"
	"Klub Sportowy Orzeł,KS Orzeł,ngo,Sport i rekreacja;kultura,zaproszony,,,\r\n";

static const char services_csv[] =
	"title,provider,category,target_groups,kind,status,contact,"
	"description,valid_from,cost\r\n"
	"Poradnictwo rodzinne,gops,Wsparcie rodziny,"
	"\"Rodziny z dziećmi; rodzice\",usługa,aktywna,jan kowalski,"
	"\"Rozmowa z \"\"psychologiem\"\",\r\ntakże wieczorem\","
	"2026-01-01,bezpłatne\r\n"
	"Zajęcia sportowe,KS ORZEŁ,sport,dzieci;Młodzież,activity,,"
	"Trener Marek,,,\r\n"
	"Zbiórka żywności,Fundacja Promyk,Pomoc materialna i żywnościowa,,,zawieszona,,,,\r\n";

static void add_contact(struct fx *fx, const char *partner,
			const char *name, char *id_out)
{
	struct kz_contact c = { 0 };
	char pid[KZ_ID_LEN + 1];

	partner_id(fx, partner, pid);
	c.partner_id = xstrdup(pid);
	c.name = xstrdup(name);
	c.phone = xstrdup("600 100 200");
	if (kz_contact_save(fx->db, &c, &fx->err) != KZ_OK)
		fail_msg("contact: %s", fx->err.msg);
	if (id_out)
		memcpy(id_out, c.id, KZ_ID_LEN + 1);
	kz_contact_clear(&c);
}

static void fill_basket(struct fx *fx, char *contact_id)
{
	import_ok(fx, KZ_KIND_PARTNER, partners_csv, 3, 0);
	add_contact(fx, "GOPS", "Jan Kowalski", contact_id);
	import_ok(fx, KZ_KIND_SERVICE, services_csv, 3, 0);
}

/* --- import -------------------------------------------------------------- */

static void test_import_partners(void **state)
{
	struct fx *fx = *state;
	struct kz_partner p = { 0 };
	char id[KZ_ID_LEN + 1];

	import_ok(fx, KZ_KIND_PARTNER, partners_csv, 3, 0);

	partner_id(fx, "gops", id);
	assert_int_equal(kz_partner_get(fx->db, id, &p, &fx->err), KZ_OK);
	assert_string_equal(p.name,
			    "Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli");
	assert_value(p.short_name, "GOPS");
	assert_value(p.kind, "ops");
	assert_value(p.sectors, "pomoc_spoleczna");
	assert_value(p.status, "declared");
	assert_value(p.declaration_date, "2025-11-03");
	assert_value(p.phone, "44 123 45 67");
	assert_value(p.notes, NULL);
	assert_value(p.stamp.created_by, "akowalska");
	kz_partner_clear(&p);

	partner_id(fx, "Fundacja Promyk", id);
	assert_int_equal(kz_partner_get(fx->db, id, &p, &fx->err), KZ_OK);
	assert_value(p.short_name, NULL);
	assert_value(p.kind, "ngo");
	assert_value(p.sectors, "ngo;edukacja");
	assert_value(p.status, "informal");
	assert_value(p.notes, "Spotkania w \"Domu\"\nw czwartki");
	kz_partner_clear(&p);

	partner_id(fx, "ks orzel", id);
	assert_int_equal(kz_partner_get(fx->db, id, &p, &fx->err), KZ_OK);
	assert_value(p.name, "Klub Sportowy Orzeł");
	assert_value(p.kind, "ngo");
	assert_value(p.sectors, "sport;kultura"); /* a label is stored as its code */
	assert_value(p.status, "invited");
	kz_partner_clear(&p);
}

static void test_import_services(void **state)
{
	struct fx *fx = *state;
	struct kz_service s = { 0 };
	char id[KZ_ID_LEN + 1], gops[KZ_ID_LEN + 1], orzel[KZ_ID_LEN + 1],
	     jan[KZ_ID_LEN + 1];

	fill_basket(fx, jan);
	partner_id(fx, "GOPS", gops);
	partner_id(fx, "Klub Sportowy Orzeł", orzel);

	service_id(fx, "Poradnictwo rodzinne", id);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.provider_id, gops);
	assert_value(s.category, "wsparcie_rodziny");
	assert_value(s.target_groups, "rodziny;rodzice");
	assert_value(s.kind, "service");
	assert_value(s.status, "active");
	assert_value(s.contact_id, jan);
	assert_value(s.contact_text, NULL);
	assert_value(s.description,
		     "Rozmowa z \"psychologiem\",\ntakże wieczorem");
	assert_value(s.valid_from, "2026-01-01");
	assert_value(s.cost, "bezpłatne");
	assert_value(s.sector, NULL);
	kz_service_clear(&s);

	service_id(fx, "Zajęcia sportowe", id);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.provider_id, orzel);
	assert_value(s.category, "sport");
	assert_value(s.target_groups, "dzieci;mlodziez"); /* a label is stored as its code */
	assert_value(s.kind, "activity");
	assert_value(s.status, "active");
	assert_value(s.contact_id, NULL);
	assert_value(s.contact_text, "Trener Marek");
	kz_service_clear(&s);

	service_id(fx, "Zbiórka żywności", id);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.category, "pomoc_materialna"); /* a label is stored as its code */
	assert_value(s.status, "suspended");
	assert_value(s.kind, "service");
	kz_service_clear(&s);

	/* Jan Kowalski works at GOPS, not at Promyk: kept as text there. */
	import_ok(fx, KZ_KIND_SERVICE, "title,provider,contact\r\n"
		  "Festyn,Fundacja Promyk,Jan Kowalski\r\n", 1, 0);
	service_id(fx, "Festyn", id);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.contact_id, NULL);
	assert_value(s.contact_text, "Jan Kowalski");
	kz_service_clear(&s);
}

static void test_update_by_id(void **state)
{
	struct fx *fx = *state;
	struct kz_service s = { 0 };
	struct kz_partner p = { 0 };
	char id[KZ_ID_LEN + 1], upper[KZ_ID_LEN + 1], pid[KZ_ID_LEN + 1];
	char csv[512];
	long rev;

	fill_basket(fx, NULL);
	service_id(fx, "Poradnictwo rodzinne", id);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	rev = s.stamp.rev;
	kz_service_clear(&s);

	/* Only title and cost change; the id may be written in upper case. */
	for (size_t i = 0; i <= KZ_ID_LEN; i++)
		upper[i] = (char)(id[i] >= 'a' && id[i] <= 'f' ? id[i] - 32 : id[i]);
	snprintf(csv, sizeof(csv),
		 "id,title,provider,cost\r\n"
		 "%s,Poradnictwo rodzinne i mediacje,GOPS,10 zł\r\n", upper);
	import_ok(fx, KZ_KIND_SERVICE, csv, 0, 1);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.title, "Poradnictwo rodzinne i mediacje");
	assert_value(s.cost, "10 zł");
	assert_value(s.category, "wsparcie_rodziny");
	assert_value(s.description,
		     "Rozmowa z \"psychologiem\",\ntakże wieczorem");
	assert_value(s.contact_name, "Jan Kowalski");
	assert_int_equal(s.stamp.rev, rev + 1);
	kz_service_clear(&s);

	/* A partner: only the phone changes. */
	partner_id(fx, "GOPS", pid);
	snprintf(csv, sizeof(csv), "id,name,phone\r\n%s,GOPS Brzozowa Wola,"
		 "\"44 000 00 00\"\r\n", pid);
	import_ok(fx, KZ_KIND_PARTNER, csv, 0, 1);
	assert_int_equal(kz_partner_get(fx->db, pid, &p, &fx->err), KZ_OK);
	assert_value(p.name, "GOPS Brzozowa Wola");
	assert_value(p.phone, "44 000 00 00");
	assert_value(p.short_name, "GOPS");
	assert_value(p.status, "declared");
	kz_partner_clear(&p);
}

static void test_insert_with_id_and_skip_empty_rows(void **state)
{
	struct fx *fx = *state;
	struct kz_service s = { 0 };
	static const char csv[] =
		"id,title,provider\r\n"
		"0f8fad5b-d9cb-469f-a165-70867728950e,Nowa usługa,GOPS\r\n"
		"\r\n"
		",,\r\n"
		" , ,\r\n"
		",Bez id,GOPS\r\n";

	fill_basket(fx, NULL);
	import_ok(fx, KZ_KIND_SERVICE, csv, 2, 0);
	assert_int_equal(kz_service_get(fx->db,
					"0f8fad5b-d9cb-469f-a165-70867728950e",
					&s, &fx->err), KZ_OK);
	assert_value(s.title, "Nowa usługa");
	assert_value(s.kind, "service");
	assert_value(s.status, "active");
	kz_service_clear(&s);
	/* Importing the same file again updates the first, adds the second
	 * once more. */
	import_ok(fx, KZ_KIND_SERVICE, csv, 1, 1);
}

static void test_import_files(void **state)
{
	struct fx *fx = *state;
	struct kz_service s = { 0 };
	struct kz_partner p = { 0 };
	char path[512], id[KZ_ID_LEN + 1];

	snprintf(path, sizeof(path), "%s/csv/partners.csv", data_dir());
	if (kz_import_csv(fx->db, &fx->cfg, KZ_KIND_PARTNER, path, NULL,
			  &fx->res, &fx->err) != KZ_OK)
		fail_msg("%s", fx->err.msg);
	assert_int_equal(fx->res.inserted, 3);
	snprintf(path, sizeof(path), "%s/csv/services.csv", data_dir());
	if (kz_import_csv(fx->db, &fx->cfg, KZ_KIND_SERVICE, path, NULL,
			  &fx->res, &fx->err) != KZ_OK)
		fail_msg("%s", fx->err.msg);
	assert_int_equal(fx->res.inserted, 3);

	partner_id(fx, "Razem", id);
	assert_int_equal(kz_partner_get(fx->db, id, &p, &fx->err), KZ_OK);
	assert_value(p.name, "Stowarzyszenie \"Razem\"");
	assert_value(p.sectors, "ngo;kultura");
	assert_value(p.status, "informal");
	assert_value(p.notes, "Kontakt najlepiej po 16:00\nw dni powszednie");
	kz_partner_clear(&p);

	service_id(fx, "Świetlica środowiskowa", id);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.provider_name, "Stowarzyszenie \"Razem\"");
	assert_value(s.kind, "activity");
	assert_value(s.category, "kultura_czas_wolny");
	assert_value(s.target_groups, "dzieci;mlodziez");
	assert_value(s.place, "Świetlica \"Razem\", ul. Polna 2");
	kz_service_clear(&s);

	service_id(fx, "Poradnictwo rodzinne", id);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.contact_text, "Anna Nowak (pokój 5)");
	assert_value(s.verified_on, "2026-02-01");
	assert_value(s.verified_by, "akowalska");
	kz_service_clear(&s);
}

/* --- bad input: a clear message, KZ_INVALID, nothing written -------------- */

struct bad_case {
	enum kz_kind kind;
	const char *csv;
	const char *prefix;   /* the message starts with this */
	const char *more;     /* and also contains this */
};

static void expect_unchanged(struct fx *fx, const struct bad_case *c)
{
	struct kz_db_counts before, after;

	assert_int_equal(kz_db_counts(fx->db, &before, &fx->err), KZ_OK);
	assert_int_equal(import(fx, c->kind, c->csv), KZ_INVALID);
	assert_int_equal(fx->err.status, KZ_INVALID);
	assert_int_equal(kz_status_exit_code(KZ_INVALID), 2);
	assert_prefix(fx->err.msg, c->prefix);
	if (c->more)
		assert_contains(fx->err.msg, c->more);
	assert_int_equal(fx->res.inserted, 0);
	assert_int_equal(fx->res.updated, 0);
	assert_int_equal(kz_db_counts(fx->db, &after, &fx->err), KZ_OK);
	assert_int_equal(after.partners, before.partners);
	assert_int_equal(after.contacts, before.contacts);
	assert_int_equal(after.services, before.services);
	assert_int_equal(after.audit, before.audit);
}

static void test_bad_input_changes_nothing(void **state)
{
	struct fx *fx = *state;
	char long_title[256], long_contact[400];
	static char c_long_title[512], c_long_contact[600];
	const struct bad_case cases[] = {
		{ KZ_KIND_SERVICE,
		  "title,provider\r\nDobra,GOPS\r\nZła,Fundacja X\r\n",
		  "x.csv: row 3, column \"provider\": there is no partner named "
		  "\"Fundacja X\" — add the partner first or correct the name",
		  NULL },
		{ KZ_KIND_SERVICE,
		  "title,provider\r\nDobra,GOPS\r\n\"Zła,GOPS\r\n",
		  "x.csv: row 3, column \"title\": ", "never closed" },
		{ KZ_KIND_SERVICE,
		  "title,provider\r\nDobra,GOPS\r\nZ\"a,GOPS\r\n",
		  "x.csv: row 3, column \"title\": ", "quote" },
		{ KZ_KIND_SERVICE,
		  "title,provider,cost\r\nDobra,GOPS,0\r\nZła,GOPS\r\n",
		  "x.csv: row 3, column \"cost\": ", "2 values" },
		{ KZ_KIND_SERVICE,
		  "title,provider\r\nDobra,GOPS,0\r\n",
		  "x.csv: row 2, column 3: ", "3 values" },
		{ KZ_KIND_SERVICE,
		  "title,provider\r\nPomoc s\xB9siedzka,GOPS\r\n",
		  "x.csv: row 2, column \"title\": ", "UTF-8" },
		{ KZ_KIND_SERVICE, c_long_title,
		  "x.csv: row 2, column \"title\": ", "too long" },
		{ KZ_KIND_SERVICE, c_long_contact,
		  "x.csv: row 2, column \"contact\": ", "too long" },
		{ KZ_KIND_SERVICE,
		  "title,provider,valid_from\r\nDobra,GOPS,31.13.2026\r\n",
		  "x.csv: row 2, column \"valid_from\": ", "YYYY-MM-DD" },
		{ KZ_KIND_SERVICE,
		  "title,provider,verified_on\r\nDobra,GOPS,2026-02-30\r\n",
		  "x.csv: row 2, column \"verified_on\": ", "2026-02-30" },
		{ KZ_KIND_SERVICE, "title,cost\r\nDobra,10\r\n",
		  "x.csv: row 1: the column \"provider\" is missing", NULL },
		{ KZ_KIND_SERVICE, "title,provider,foo\r\nDobra,GOPS,1\r\n",
		  "x.csv: row 1, column 3: there is no column named \"foo\"",
		  "title, kind, description, provider" },
		{ KZ_KIND_SERVICE, "title,provider,Title\r\n",
		  "x.csv: row 1, column 3: the column \"title\" appears twice",
		  NULL },
		{ KZ_KIND_SERVICE, "", "x.csv: the file is empty", NULL },
		{ KZ_KIND_SERVICE, "\xEF\xBB\xBF\r\n\r\n",
		  "x.csv: the file is empty", NULL },
		{ KZ_KIND_SERVICE, "id,title,provider\r\n123,Dobra,GOPS\r\n",
		  "x.csv: row 2, column \"id\": \"123\" is not a valid id", NULL },
		{ KZ_KIND_SERVICE,
		  "title,provider,status\r\nDobra,GOPS,maybe\r\n",
		  "x.csv: row 2, column \"status\": \"maybe\" is not a known value",
		  "active, suspended, archived" },
		{ KZ_KIND_SERVICE, "title,provider\r\n,GOPS\r\n",
		  "x.csv: row 2, column \"title\": ", "required" },
		{ KZ_KIND_SERVICE, "title,provider\r\nDobra, \r\n",
		  "x.csv: row 2, column \"provider\": ", "empty" },
		{ KZ_KIND_SERVICE, "title;provider\r\nDobra;GOPS\r\n",
		  "x.csv: row 1: ", "semicolons" },
		{ KZ_KIND_SERVICE,
		  "title,provider,valid_from,valid_to\r\n"
		  "Dobra,GOPS,2026-05-01,2026-04-01\r\n",
		  "x.csv: row 2: ", "2026-04-01" },
		{ KZ_KIND_SERVICE, "\xFF\xFEt\0i\0",
		  "x.csv: row 1: ", "UTF-16" },
		{ KZ_KIND_PARTNER, "short_name\r\nX\r\n",
		  "x.csv: row 1: the column \"name\" is missing", NULL },
		{ KZ_KIND_PARTNER, "name,status\r\nNowy,informal\r\n"
		  "Inny,declared\r\n", "x.csv: row 3: ", "declaration" },
		{ KZ_KIND_PARTNER, "name,declaration_date\r\nNowy,2026-13-01\r\n",
		  "x.csv: row 2, column \"declaration_date\": ", NULL },
		{ KZ_KIND_PARTNER, "name,provider\r\nNowy,GOPS\r\n",
		  "x.csv: row 1, column 2: there is no column named \"provider\"",
		  NULL },
	};

	memset(long_title, 'x', 201);
	long_title[201] = '\0';
	snprintf(c_long_title, sizeof(c_long_title),
		 "title,provider\r\n%s,GOPS\r\n", long_title);
	memset(long_contact, 'y', 301);
	long_contact[301] = '\0';
	snprintf(c_long_contact, sizeof(c_long_contact),
		 "title,provider,contact\r\nDobra,GOPS,%s\r\n", long_contact);
	fill_basket(fx, NULL);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		expect_unchanged(fx, &cases[i]);
}

/* The first rows were fine and an update was among them; all of it is
 * undone. */
static void test_bad_row_undoes_earlier_rows(void **state)
{
	struct fx *fx = *state;
	struct kz_service s = { 0 };
	struct bad_case c = { KZ_KIND_SERVICE, NULL,
			      "x.csv: row 4, column \"provider\": ", NULL };
	char id[KZ_ID_LEN + 1], csv[512];

	fill_basket(fx, NULL);
	service_id(fx, "Zajęcia sportowe", id);
	snprintf(csv, sizeof(csv),
		 "id,title,provider\r\n"
		 "%s,Zmieniony tytuł,GOPS\r\n"
		 ",Nowa usługa,GOPS\r\n"
		 ",Zła,Nie ma takiego\r\n", id);
	c.csv = csv;
	expect_unchanged(fx, &c);
	assert_int_equal(kz_service_get(fx->db, id, &s, &fx->err), KZ_OK);
	assert_value(s.title, "Zajęcia sportowe");
	kz_service_clear(&s);
}

/* The number of entries of the change log. */
static long log_entries(struct kz_db *db)
{
	sqlite3_stmt *st;
	long n = -1;

	assert_int_equal(sqlite3_prepare_v2(kz_db_handle(db), "SELECT count(*) FROM sync_change",
					    -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Long enough for new records to be inserted a batch at a time (and the
 * change log written) before the bad row: still all undone, and the
 * message names the bad row. */
static void test_bad_row_after_batches(void **state)
{
	struct fx *fx = *state;
	struct bad_case c = { KZ_KIND_SERVICE, NULL,
			      "x.csv: row 402, column \"provider\": ", "Nie ma takiego" };
	struct kz_buf csv = KZ_BUF_INIT;
	long log_before;

	fill_basket(fx, NULL);
	kz_buf_puts(&csv, "title,provider\r\n");
	for (int i = 0; i < 400; i++)
		kz_buf_printf(&csv, "Usługa %d,GOPS\r\n", i);
	kz_buf_puts(&csv, "Zła,Nie ma takiego\r\n");
	c.csv = csv.data;
	log_before = log_entries(fx->db);
	expect_unchanged(fx, &c);
	assert_int_equal(log_entries(fx->db), log_before);
	kz_buf_free(&csv);
}

static void test_bad_files(void **state)
{
	struct fx *fx = *state;
	struct kz_db_counts before, after;
	/* Told to read UTF-8 with commas (--encoding, --separator). */
	static const struct kz_csv_format strict = { KZ_CSV_UTF8, ',' };
	struct {
		const char *file;
		const char *where;
		const char *more;
		const struct kz_csv_format *want;
	} files[] = {
		{ "services_unknown_partner.csv", "row 3, column \"provider\": ",
		  "\"Fundacja X\"", NULL },
		{ "services_broken_quote.csv", "row 2, column \"description\": ",
		  "never closed", NULL },
		{ "services_cp1250.csv", "row 2, column \"title\": ",
		  "after \"Pomoc s\"", &strict },
		{ "services_semicolons.csv", "row 1: ", "semicolons", &strict },
		{ "no_such_file.csv", "", "cannot read", NULL },
	};
	char path[512], prefix[640];

	fill_basket(fx, NULL);
	assert_int_equal(kz_db_counts(fx->db, &before, &fx->err), KZ_OK);
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		snprintf(path, sizeof(path), "%s/csv/%s", data_dir(),
			 files[i].file);
		snprintf(prefix, sizeof(prefix), "%s: %s", path, files[i].where);
		memset(&fx->err, 0, sizeof(fx->err));
		assert_int_equal(kz_import_csv(fx->db, &fx->cfg,
					       KZ_KIND_SERVICE, path, files[i].want,
					       &fx->res, &fx->err), KZ_INVALID);
		assert_int_equal(fx->err.status, KZ_INVALID);
		assert_prefix(fx->err.msg, prefix);
		assert_contains(fx->err.msg, files[i].more);
	}
	/* A directory cannot be read as a file either. */
	assert_int_equal(kz_import_csv(fx->db, &fx->cfg, KZ_KIND_PARTNER,
				       fx->dir, NULL, &fx->res, &fx->err), KZ_INVALID);
	assert_contains(fx->err.msg, fx->dir);
	assert_int_equal(kz_db_counts(fx->db, &after, &fx->err), KZ_OK);
	assert_int_equal(after.services, before.services);
	assert_int_equal(after.partners, before.partners);
	assert_int_equal(after.audit, before.audit);
}

/* What Polish Excel saves is read as it is: Windows-1250 and semicolons
 * are detected and said. */
static void test_excel_files(void **state)
{
	struct fx *fx = *state;
	char path[512];
	struct kz_buf out = KZ_BUF_INIT;

	fill_basket(fx, NULL);
	snprintf(path, sizeof(path), "%s/csv/services_cp1250.csv", data_dir());
	if (kz_import_csv(fx->db, &fx->cfg, KZ_KIND_SERVICE, path, NULL,
			  &fx->res, &fx->err) != KZ_OK)
		fail_msg("%s", fx->err.msg);
	assert_int_equal(fx->res.format.encoding, KZ_CSV_CP1250);
	assert_int_equal(fx->res.format.separator, ',');
	snprintf(path, sizeof(path), "%s/csv/services_semicolons.csv", data_dir());
	if (kz_import_csv(fx->db, &fx->cfg, KZ_KIND_SERVICE, path, NULL,
			  &fx->res, &fx->err) != KZ_OK)
		fail_msg("%s", fx->err.msg);
	assert_int_equal(fx->res.format.encoding, KZ_CSV_UTF8);
	assert_int_equal(fx->res.format.separator, ';');
	assert_int_equal(fx->res.inserted, 1);
	assert_int_equal(kz_export(fx->db, &fx->cfg, KZ_EXPORT_CSV_SERVICES,
				   &out, &fx->err), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&out), ",Pomoc sąsiedzka,"));
	assert_non_null(strstr(kz_buf_str(&out), ",Poradnictwo,"));
	kz_buf_free(&out);
}

/* --- export -------------------------------------------------------------- */

#define P1 "11111111-1111-4111-8111-111111111111"
#define P2 "22222222-2222-4222-8222-222222222222"
#define S1 "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
#define S2 "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
#define S3 "cccccccc-cccc-4ccc-8ccc-cccccccccccc"

static const char fixed_partners[] =
	"id,name,short_name,kind,sectors,address,phone,email,website,status,"
	"declaration_date,role,resources,notes\r\n"
	P1 ",Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli,GOPS,ops,"
	"pomoc_spoleczna,\"ul. Lipowa 1, Brzozowa Wola\",44 123 45 67,"
	"gops@example.org,https://brzozowawola.example/gops,declared,"
	"2025-11-03,Lider,,\r\n"
	P2 ",\"Fundacja \"\"Promyk\"\"\",Promyk,ngo,ngo;edukacja,,,,,informal,"
	",,,Tylko dla zarządu\r\n";

static const char fixed_services[] =
	"id,title,kind,description,provider,category,sector,target_groups,"
	"access_conditions,how_to_get,cost,place,hours,waiting_time,area,"
	"contact,status,valid_from,valid_to,verified_on,verified_by\r\n"
	S2 ",Archiwalne zajęcia,activity,,\"Fundacja \"\"Promyk\"\"\","
	"kultura_czas_wolny,,dzieci,,,,,,,,,archived,,,,\r\n"
	S1 ",Poradnictwo rodzinne,service,\"Rozmowa z psychologiem,\n"
	"również wieczorem\",Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli,"
	"wsparcie_rodziny,pomoc_spoleczna,rodziny;rodzice,"
	"\"Mieszkańcy gminy, bez skierowania\",Zadzwoń,bezpłatne,"
	"\"ul. Lipowa 1, pokój 5\",pn-pt 8-15,do 7 dni,gmina,Jan Kowalski,"
	"active,2026-01-01,,2026-02-01,akowalska\r\n"
	S3 ",\"Zbiórka <żywności> & \"\"więcej\"\"\",service,,"
	"\"Fundacja \"\"Promyk\"\"\",pomoc_materialna,,,,,,,,,,Pani Ala,"
	"suspended,,,,\r\n";

/* The fixed basket, imported from the text above (services as labels
 * and Polish words, which must come back as codes). */
static void fill_fixed(struct fx *fx)
{
	static const char services_in[] =
		"id,title,kind,provider,category,sector,target_groups,"
		"access_conditions,how_to_get,cost,place,hours,waiting_time,"
		"area,contact,status,valid_from,verified_on,verified_by,"
		"description\r\n"
		S1 ",Poradnictwo rodzinne,usługa,GOPS,Wsparcie rodziny,"
		"Pomoc społeczna,Rodziny z dziećmi;Rodzice,"
		"\"Mieszkańcy gminy, bez skierowania\",Zadzwoń,bezpłatne,"
		"\"ul. Lipowa 1, pokój 5\",pn-pt 8-15,do 7 dni,gmina,"
		"jan kowalski,aktywna,2026-01-01,2026-02-01,akowalska,"
		"\"Rozmowa z psychologiem,\r\nrównież wieczorem\"\r\n"
		S2 ",Archiwalne zajęcia,aktywność,Promyk,Kultura i czas wolny,,"
		"Dzieci,,,,,,,,,zarchiwizowana,,,,\r\n"
		S3 ",\"Zbiórka <żywności> & \"\"więcej\"\"\",,promyk,"
		"Pomoc materialna i żywnościowa,,,,,,,,,,Pani Ala,suspended,,,,\r\n";

	import_ok(fx, KZ_KIND_PARTNER, fixed_partners, 2, 0);
	add_contact(fx, "GOPS", "Jan Kowalski", NULL);
	import_ok(fx, KZ_KIND_SERVICE, services_in, 3, 0);
}

static void test_export_csv(void **state)
{
	struct fx *fx = *state;
	struct kz_buf out = KZ_BUF_INIT;

	fill_fixed(fx);
	export(fx, KZ_EXPORT_CSV_SERVICES, &out);
	assert_string_equal(kz_buf_str(&out), fixed_services);
	export(fx, KZ_EXPORT_CSV_PARTNERS, &out);
	/* Partners come by name: "Fundacja" before "Gminny". */
	assert_string_equal(kz_buf_str(&out),
		"id,name,short_name,kind,sectors,address,phone,email,website,krs,"
		"status,declaration_date,role,resources,notes\r\n"
		P2 ",\"Fundacja \"\"Promyk\"\"\",Promyk,ngo,ngo;edukacja,,,,,,"
		"informal,,,,Tylko dla zarządu\r\n"
		P1 ",Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli,GOPS,ops,"
		"pomoc_spoleczna,\"ul. Lipowa 1, Brzozowa Wola\",44 123 45 67,"
		"gops@example.org,https://brzozowawola.example/gops,,declared,"
		"2025-11-03,Lider,,\r\n");
	kz_buf_free(&out);
}

/* Export, import into a new database, export again: the same text. */
static void test_csv_round_trip(void **state)
{
	struct fx *fx = *state, *other = fx_open();
	struct kz_buf partners = KZ_BUF_INIT, services = KZ_BUF_INIT,
		      again = KZ_BUF_INIT;

	fill_fixed(fx);
	export(fx, KZ_EXPORT_CSV_PARTNERS, &partners);
	export(fx, KZ_EXPORT_CSV_SERVICES, &services);
	import_ok(other, KZ_KIND_PARTNER, kz_buf_str(&partners), 2, 0);
	import_ok(other, KZ_KIND_SERVICE, kz_buf_str(&services), 3, 0);
	export(other, KZ_EXPORT_CSV_PARTNERS, &again);
	assert_string_equal(kz_buf_str(&again), kz_buf_str(&partners));
	export(other, KZ_EXPORT_CSV_SERVICES, &again);
	assert_string_equal(kz_buf_str(&again), kz_buf_str(&services));
	/* And into the same database: every row updates its record. */
	import_ok(fx, KZ_KIND_SERVICE, kz_buf_str(&services), 0, 3);
	export(fx, KZ_EXPORT_CSV_SERVICES, &again);
	assert_string_equal(kz_buf_str(&again), fixed_services);
	kz_buf_free(&partners);
	kz_buf_free(&services);
	kz_buf_free(&again);
	fx_close(other);
}

/* A small JSON reader: checks the grammar and collects kind, id and
 * title of every object of the top-level array. */
struct json {
	const char *p;
	char kinds[16][16];
	char ids[16][40];
	char titles[16][128];
	size_t n;
};

static bool json_value(struct json *j, int depth);

static void json_ws(struct json *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t')
		j->p++;
}

/* A string into out (escapes decoded, \u only for ASCII). */
static bool json_string(struct json *j, char *out, size_t outsz)
{
	size_t n = 0;

	if (*j->p != '"')
		return false;
	j->p++;
	while (*j->p != '"') {
		char c = *j->p;

		if ((unsigned char)c < 0x20)
			return false;
		if (c == '\\') {
			j->p++;
			switch (*j->p) {
			case '"': case '\\': case '/': c = *j->p; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'u':
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", j->p[i]) ||
					    !j->p[i])
						return false;
				c = '?';
				j->p += 4;
				break;
			default:
				return false;
			}
		}
		if (out && n + 1 < outsz)
			out[n++] = c;
		j->p++;
	}
	j->p++;
	if (out)
		out[n] = '\0';
	return true;
}

static bool json_object(struct json *j, int depth)
{
	char key[64];
	size_t k = j->n;

	j->p++;
	json_ws(j);
	if (*j->p == '}')
		return j->p++, true;
	for (;;) {
		json_ws(j);
		if (!json_string(j, key, sizeof(key)))
			return false;
		json_ws(j);
		if (*j->p++ != ':')
			return false;
		json_ws(j);
		if (depth == 1 && k < 16 && *j->p == '"' &&
		    (!strcmp(key, "kind") || !strcmp(key, "id") ||
		     !strcmp(key, "title"))) {
			char *dst = !strcmp(key, "kind") ? j->kinds[k] :
				!strcmp(key, "id") ? j->ids[k] : j->titles[k];
			size_t sz = !strcmp(key, "kind") ? 16 :
				!strcmp(key, "id") ? 40 : 128;

			if (!json_string(j, dst, sz))
				return false;
		} else if (!json_value(j, depth + 1)) {
			return false;
		}
		json_ws(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		return *j->p++ == '}';
	}
}

static bool json_array(struct json *j, int depth)
{
	j->p++;
	json_ws(j);
	if (*j->p == ']')
		return j->p++, true;
	for (;;) {
		json_ws(j);
		if (depth == 0 && *j->p != '{')
			return false;
		if (!json_value(j, depth + 1))
			return false;
		if (depth == 0)
			j->n++;
		json_ws(j);
		if (*j->p == ',') {
			j->p++;
			continue;
		}
		return *j->p++ == ']';
	}
}

static bool json_value(struct json *j, int depth)
{
	json_ws(j);
	switch (*j->p) {
	case '{': return json_object(j, depth);
	case '[': return json_array(j, depth);
	case '"': return json_string(j, NULL, 0);
	case 't': return strncmp(j->p, "true", 4) == 0 && (j->p += 4);
	case 'f': return strncmp(j->p, "false", 5) == 0 && (j->p += 5);
	case 'n': return strncmp(j->p, "null", 4) == 0 && (j->p += 4);
	default:
		if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9')) {
			j->p++;
			while ((*j->p >= '0' && *j->p <= '9') || *j->p == '.' ||
			       *j->p == 'e' || *j->p == 'E' || *j->p == '+' ||
			       *j->p == '-')
				j->p++;
			return true;
		}
		return false;
	}
}

static void test_export_json(void **state)
{
	struct fx *fx = *state;
	struct kz_buf out = KZ_BUF_INIT;
	struct json j = { 0 };
	const char *kinds[] = { "service", "service", "partner", "partner",
				"contact" };
	const char *ids[] = { S1, S3, P2, P1, NULL };
	const char *titles[] = {
		"Poradnictwo rodzinne", "Zbiórka <żywności> & \"więcej\"",
		"Fundacja \"Promyk\"",
		"Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli",
		"Jan Kowalski",
	};

	fill_fixed(fx);
	export(fx, KZ_EXPORT_JSON, &out);
	j.p = kz_buf_str(&out);
	json_ws(&j);
	assert_int_equal(*j.p, '[');
	assert_true(json_value(&j, 0));
	json_ws(&j);
	assert_int_equal(*j.p, '\0');
	/* Archived services are not published. */
	assert_int_equal(j.n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(j.kinds[i], kinds[i]);
		assert_string_equal(j.titles[i], titles[i]);
		if (ids[i])
			assert_string_equal(j.ids[i], ids[i]);
		else
			assert_int_equal(strlen(j.ids[i]), KZ_ID_LEN);
	}
	assert_contains(kz_buf_str(&out),
			"\"provider_name\":\"Gminny Ośrodek Pomocy Społecznej w "
			"Brzozowej Woli\"");
	assert_contains(kz_buf_str(&out),
			"\"category_label\":\"Wsparcie rodziny\"");
	assert_contains(kz_buf_str(&out), "\"service_kind\":\"service\"");
	assert_contains(kz_buf_str(&out), "\"contact_name\":\"Jan Kowalski\","
			"\"contact\":\"Jan Kowalski\"");
	assert_contains(kz_buf_str(&out), "\"contact_name\":null,"
			"\"contact\":\"Pani Ala\"");
	assert_contains(kz_buf_str(&out),
			"\"target_group_labels\":[\"Rodziny z dziećmi\",\"Rodzice\"]");
	assert_contains(kz_buf_str(&out), "\"partner_kind\":\"ngo\"");
	assert_contains(kz_buf_str(&out),
			"\"description\":\"Rozmowa z psychologiem,\\nrównież "
			"wieczorem\"");
	assert_lacks(kz_buf_str(&out), "Archiwalne");
	kz_buf_free(&out);

	/* An empty basket is an empty array. */
	fx_close(*state);
	*state = fx = fx_open();
	export(fx, KZ_EXPORT_JSON, &out);
	assert_string_equal(kz_buf_str(&out), "[]\n");
	kz_buf_free(&out);
}

static void test_export_html(void **state)
{
	struct fx *fx = *state;
	struct kz_buf out = KZ_BUF_INIT;
	const char *h;

	fill_fixed(fx);
	kz_str_set(&fx->cfg.gmina, "Gmina <Brzozowa> & \"Wola\"");
	export(fx, KZ_EXPORT_HTML, &out);
	h = kz_buf_str(&out);
	assert_prefix(h, "<!DOCTYPE html>\n<html lang=\"pl\">\n");
	assert_contains(h, "<meta charset=\"utf-8\">");
	assert_contains(h, "<meta name=\"viewport\" content=\"width=device-width");
	assert_contains(h, "<title>Local Basket of Services — Gmina &lt;Brzozowa"
			"&gt; &amp; &quot;Wola&quot;</title>");
	assert_contains(h, "<style>");
	/* Self-contained: nothing loaded from anywhere. */
	assert_lacks(h, "src=");
	assert_lacks(h, "href=\"http");
	assert_lacks(h, "<link");
	assert_lacks(h, "@import");
	assert_lacks(h, "url(");
	assert_lacks(h, "<Brzozowa>");
	/* The website is shown as text, not loaded or linked. */
	assert_contains(h, "https://brzozowawola.example/gops");
	/* Categories in the configuration's order; contents. */
	assert_contains(h, "<li><a href=\"#k1\">Wsparcie rodziny</a> (1)</li>");
	assert_contains(h, "<li><a href=\"#k2\">Pomoc materialna i żywnościowa</a> (1)</li>");
	assert_contains(h, "<section id=\"k1\">\n<h2>Wsparcie rodziny</h2>");
	assert_true(strstr(h, "Wsparcie rodziny</h2>") <
		    strstr(h, "Pomoc materialna i żywnościowa</h2>"));
	/* A service with everything the public needs. */
	assert_contains(h, "<h3>Poradnictwo rodzinne</h3>\n"
			"<p class=\"provider\">Gminny Ośrodek Pomocy Społecznej "
			"w Brzozowej Woli</p>\n"
			"<p>Rozmowa z psychologiem,<br>\nrównież wieczorem</p>");
	assert_contains(h, "<dt>Access conditions</dt><dd>Mieszkańcy gminy, "
			"bez skierowania</dd>");
	assert_contains(h, "<dt>How to get it</dt><dd>Zadzwoń</dd>");
	assert_contains(h, "<dt>Cost</dt><dd>bezpłatne</dd>");
	assert_contains(h, "<dt>Opening hours</dt><dd>pn-pt 8-15</dd>");
	assert_contains(h, "<dt>Contact</dt><dd>Jan Kowalski, "
			"<a href=\"tel:600100200\">600 100 200</a></dd>");
	assert_contains(h, "<dt>Last verified</dt><dd>2026-02-01 "
			"(Anna Kowalska)</dd>");
	assert_contains(h, "<dt>For whom</dt><dd>Rodziny z dziećmi, Rodzice</dd>");
	/* Escaped values; suspended shown with a note; archived left out. */
	assert_contains(h, "<h3>Zbiórka &lt;żywności&gt; &amp; "
			"&quot;więcej&quot;</h3>");
	assert_contains(h, "Suspended at the moment.");
	assert_lacks(h, "Archiwalne");
	/* Partners and their contact persons; internal notes stay inside. */
	assert_contains(h, "<h3>Fundacja &quot;Promyk&quot; (Promyk)</h3>");
	assert_contains(h, "<li>Jan Kowalski — <a href=\"tel:600100200\">");
	assert_contains(h, "declaration signed on 2025-11-03");
	assert_lacks(h, "Tylko dla zarządu");
	assert_contains(h, "<footer>\n<p>Generated on 2026-03-15.</p>");
	/* The search's words: folded as the program's search folds them,
	 * the provider's names, the codes and the labels of the category
	 * and the target groups included, each word once (a word that
	 * begins another is left out); no markup from data. */
	assert_contains(h, "class=\"service\" data-groups=\";\" "
			"data-search=\"zbiorka wiecej fundacja promyk pomoc "
			"materialna i zywnosciowa\">");
	assert_contains(h, "gops wsparcie rodziny dziecmi rodzice\">");
	assert_contains(h, "data-groups=\";rodziny;rodzice;\" data-search=\""
			"poradnictwo rodzinne rozmowa psychologiem rowniez");
	assert_contains(h, "class=\"partner\" data-search=\"fundacja promyk ngo "
			"edukacja\">");
	/* The filters: the sections, and the target groups of the services
	 * published (Dzieci is only for the archived one). */
	assert_contains(h, "<div id=\"controls\" class=\"controls\" hidden>");
	assert_contains(h, "<option value=\"k1\">Wsparcie rodziny</option>\n"
			"<option value=\"k2\">Pomoc materialna i żywnościowa</option>");
	assert_contains(h, "<option value=\"rodziny\">Rodziny z dziećmi</option>\n"
			"<option value=\"rodzice\">Rodzice</option>\n</select>");
	assert_lacks(h, "<option value=\"dzieci\">");
	assert_contains(h, "data-template=\"Shown: {1} of {2} services and {3} "
			"of {4} partners.\"");
	assert_contains(h, "<p id=\"none\" class=\"none\" hidden>Nothing found.</p>");
	assert_contains(h, "@media print{@page{size:A4;");
	assert_true(strlen(h) > 7 &&
		    strcmp(h + strlen(h) - 8, "</html>\n") == 0);
	kz_buf_free(&out);
}

static void test_export_markdown(void **state)
{
	struct fx *fx = *state;
	struct kz_buf out = KZ_BUF_INIT;
	const char *m;

	fill_fixed(fx);
	export(fx, KZ_EXPORT_MD, &out);
	m = kz_buf_str(&out);
	assert_prefix(m, "# Local Basket of Services — Gmina Brzozowa Wola\n\n");
	assert_contains(m, "## Wsparcie rodziny\n\n### Poradnictwo rodzinne\n\n"
			"Rozmowa z psychologiem,  \nrównież wieczorem\n\n"
			"- **Provider:** Gminny Ośrodek Pomocy Społecznej w "
			"Brzozowej Woli\n");
	assert_contains(m, "- **Access conditions:** Mieszkańcy gminy, bez "
			"skierowania\n");
	assert_contains(m, "- **For whom:** Rodziny z dziećmi, Rodzice\n");
	assert_contains(m, "- **Last verified:** 2026-02-01 (Anna Kowalska)\n");
	assert_contains(m, "## Pomoc materialna i żywnościowa\n\n### Zbiórka \\<żywności\\> "
			"\\& \"więcej\"\n\n_Suspended at the moment._\n");
	assert_contains(m, "## Partners\n\n### Fundacja \"Promyk\" (Promyk)\n");
	assert_contains(m, "- **Kind:** Fundacja, stowarzyszenie\n");
	assert_contains(m, "- **Sectors:** Organizacje pozarządowe, Edukacja\n");
	assert_contains(m, "**Contact persons**\n\n- Jan Kowalski — 600 100 200\n");
	assert_contains(m, "_Generated on 2026-03-15._\n");
	assert_lacks(m, "Archiwalne");
	assert_lacks(m, "Tylko dla zarządu");
	assert_true(strstr(m, "## Wsparcie rodziny") <
		    strstr(m, "## Pomoc materialna i żywnościowa"));
	assert_true(strstr(m, "## Pomoc materialna i żywnościowa") < strstr(m, "## Partners"));
	kz_buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_partners, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_services, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_by_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_insert_with_id_and_skip_empty_rows,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_input_changes_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_row_undoes_earlier_rows,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_row_after_batches, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_excel_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_html, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_markdown, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
