/* The demo gmina: enough partners, contacts and services, every sector and
 * category covered, the entries people search for, a fresh/stale mix, one
 * transaction that refuses a database already in use. The demo data
 * (data/demo/, compiled in): loaded whole, every key a field of its record
 * or a documented reference, every record stored; broken YAML refused
 * with its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "koszyk/basket.h"
#include "koszyk/config.h"
#include "koszyk/demo.h"
#include "koszyk/demo_data.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

/* Dates in the demo are relative to today; fix today so that the expected
 * dates below can be written by hand. */
#define TODAY "2026-05-15"

struct demo_state {
	struct test_db t;
	struct kz_config cfg;
};

static int setup_filled(void **state)
{
	struct demo_state *s = calloc(1, sizeof(*s));
	struct kz_error err = { 0 };

	setenv("KOSZYK_TODAY", TODAY, 1);
	test_db_open(&s->t);
	if (kz_config_load_builtin(&s->cfg, &err) != KZ_OK) {
		fprintf(stderr, "config: %s\n", err.msg);
		return -1;
	}
	kz_db_set_stale_days(s->t.db, s->cfg.stale_days);
	if (kz_demo_fill(s->t.db, &s->cfg, &err) != KZ_OK) {
		fprintf(stderr, "demo: %s\n", err.msg);
		return -1;
	}
	*state = s;
	return 0;
}

static int setup_empty(void **state)
{
	struct demo_state *s = calloc(1, sizeof(*s));
	struct kz_error err = { 0 };

	setenv("KOSZYK_TODAY", TODAY, 1);
	test_db_open(&s->t);
	if (kz_config_load_builtin(&s->cfg, &err) != KZ_OK)
		return -1;
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct demo_state *s = *state;

	kz_config_free(&s->cfg);
	test_db_close(&s->t);
	free(s);
	return 0;
}

static void test_counts(void **state)
{
	struct demo_state *s = *state;
	struct kz_db_counts c;
	struct kz_error err = { 0 };

	assert_int_equal(kz_db_counts(s->t.db, &c, &err), KZ_OK);
	assert_true(c.partners >= 45);
	assert_true(c.contacts >= 60);
	assert_true(c.services >= 150);
	assert_true(c.services_active >= 130);
	/* some entries are stale, most are not */
	assert_true(c.services_stale > 0);
	assert_true(c.services_stale < c.services_active);
}

/* --- coverage ------------------------------------------------------------ */

struct coverage {
	const struct kz_items *items;
	int *hits;   /* per item */
	int other;   /* codes that are not configured */
};

static void count_codes(struct coverage *cv, const char *codes)
{
	const char *p = codes;

	while (p && *p) {
		size_t len = strcspn(p, ";");
		bool found = false;
		for (size_t i = 0; i < cv->items->n; i++) {
			const char *code = cv->items->v[i].code;
			if (strlen(code) == len && strncmp(code, p, len) == 0) {
				cv->hits[i]++;
				found = true;
			}
		}
		if (!found)
			cv->other++;
		p += len;
		if (*p == ';')
			p++;
	}
}

static enum kz_status partner_sectors(const struct kz_partner *p, void *ctx)
{
	count_codes(ctx, p->sectors);
	return KZ_OK;
}

static enum kz_status service_categories(const struct kz_service *s,
					 void *ctx)
{
	count_codes(ctx, s->category);
	return KZ_OK;
}

static enum kz_status service_groups(const struct kz_service *s, void *ctx)
{
	count_codes(ctx, s->target_groups);
	return KZ_OK;
}

static void test_every_sector_has_partners(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct coverage cv = { &s->cfg.sectors, NULL, 0 };

	assert_int_equal(s->cfg.sectors.n, 13);
	cv.hits = xcalloc(cv.items->n, sizeof(int));
	assert_int_equal(kz_partner_each(s->t.db, partner_sectors, &cv, &err),
			 KZ_OK);
	for (size_t i = 0; i < cv.items->n; i++) {
		if (cv.hits[i] < 2)
			fail_msg("sector %s has %d partners",
				 cv.items->v[i].code, cv.hits[i]);
	}
	assert_int_equal(cv.other, 0);
	free(cv.hits);
}

static void test_every_category_has_services(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct coverage cv = { &s->cfg.categories, NULL, 0 };

	assert_int_equal(s->cfg.categories.n, 17);
	cv.hits = xcalloc(cv.items->n, sizeof(int));
	/* active and suspended only: archived entries do not count */
	assert_int_equal(kz_service_each(s->t.db, false, service_categories,
					 &cv, &err), KZ_OK);
	for (size_t i = 0; i < cv.items->n; i++) {
		if (cv.hits[i] < 1)
			fail_msg("category %s has no service",
				 cv.items->v[i].code);
	}
	assert_int_equal(cv.other, 0);
	free(cv.hits);
}

static void test_every_target_group_is_used(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct coverage cv = { &s->cfg.target_groups, NULL, 0 };

	cv.hits = xcalloc(cv.items->n, sizeof(int));
	assert_int_equal(kz_service_each(s->t.db, true, service_groups, &cv,
					 &err), KZ_OK);
	for (size_t i = 0; i < cv.items->n; i++) {
		if (cv.hits[i] < 1)
			fail_msg("target group %s is not used",
				 cv.items->v[i].code);
	}
	assert_int_equal(cv.other, 0);
	free(cv.hits);
}

/* --- search -------------------------------------------------------------- */

static bool starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_search_zlobek(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows = { 0 };
	bool found = false;

	assert_int_equal(kz_service_list(s->t.db, "zlobek", NULL, 0, &rows,
					 &err), KZ_OK);
	assert_true(rows.n > 0);
	for (size_t i = 0; i < rows.n; i++)
		if (starts_with(rows.v[i].title, "Żłobek"))
			found = true;
	assert_true(found);
	kz_rows_free(&rows);
}

static void test_search_lodz(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows = { 0 };
	bool found = false;

	assert_int_equal(kz_service_list(s->t.db, "lodz", NULL, 0, &rows,
					 &err), KZ_OK);
	assert_true(rows.n > 0);
	for (size_t i = 0; i < rows.n; i++)
		if (strstr(rows.v[i].title, "Łodzi") ||
		    strstr(rows.v[i].title, "Łódź"))
			found = true;
	assert_true(found);
	kz_rows_free(&rows);
}

static void test_search_pomoc_psych(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows = { 0 };

	assert_int_equal(kz_service_list(s->t.db, "pomoc psych", NULL, 0,
					 &rows, &err), KZ_OK);
	assert_true(rows.n >= 3);
	assert_true(starts_with(rows.v[0].title, "Pomoc psychologiczna"));
	kz_rows_free(&rows);
}

static void test_search_needed_entries(void **state)
{
	/* Entries a social worker looks for in every basket. */
	static const char *const queries[] = {
		"niebieska karta", "zespol interdyscyplinarny",
		"asystent rodziny", "swietlica srodowiskowa", "korepetycje",
		"klub integracji", "nieodplatna pomoc prawna", "dowoz",
		"posilek", "paczki zywnosciowe fepz", "uslugi opiekuncze",
		"wypozyczalnia sprzetu", "dps dzienny", "al-anon", "aa",
		"terapia uzaleznienia", "staze pup", "kurs zawodowy",
		"zajecia sportowe", "kolo gospodyn", "wolontariat",
		"mieszkanie chronione",
	};
	struct demo_state *s = *state;

	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		struct kz_error err = { 0 };
		struct kz_rows rows = { 0 };

		assert_int_equal(kz_service_list(s->t.db, queries[i], NULL, 0,
						 &rows, &err), KZ_OK);
		if (rows.n == 0)
			fail_msg("nothing found for \"%s\"", queries[i]);
		kz_rows_free(&rows);
	}
}

/* --- dates, statuses, links ---------------------------------------------- */

static void test_fresh_and_stale(void **state)
{
	struct demo_state *s = *state;
	struct kz_service_filter all = { .status = "all" };
	struct kz_error err = { 0 };
	struct kz_rows rows = { 0 };
	size_t stale = 0, fresh = 0, archived = 0;

	assert_int_equal(kz_service_list(s->t.db, NULL, &all, 0, &rows, &err),
			 KZ_OK);
	for (size_t i = 0; i < rows.n; i++) {
		if (rows.v[i].archived)
			archived++;
		else if (rows.v[i].stale)
			stale++;
		else
			fresh++;
	}
	assert_true(stale >= 20);
	assert_true(fresh >= 60);
	assert_true(archived >= 3);
	kz_rows_free(&rows);
}

static char *find_service(struct kz_db *db, const char *query,
			  const char *title, struct kz_service *out)
{
	struct kz_service_filter all = { .status = "all" };
	struct kz_error err = { 0 };
	struct kz_rows rows = { 0 };
	char *id = NULL;

	assert_int_equal(kz_service_list(db, query, &all, 0, &rows, &err),
			 KZ_OK);
	for (size_t i = 0; i < rows.n; i++)
		if (strcmp(rows.v[i].title, title) == 0)
			id = xstrdup(rows.v[i].id);
	kz_rows_free(&rows);
	if (!id)
		fail_msg("no service \"%s\"", title);
	assert_int_equal(kz_service_get(db, id, out, &err), KZ_OK);
	return id;
}

static void test_asystent_rodziny_record(void **state)
{
	struct demo_state *s = *state;
	struct kz_service svc = { 0 };
	char *id = find_service(s->t.db, "asystent rodziny",
				"Asystent rodziny", &svc);

	/* verified 15 days before 2026-05-15 */
	assert_string_equal(svc.verified_on, "2026-04-30");
	assert_string_equal(svc.verified_by, "akowalska");
	assert_string_equal(svc.kind, "service");
	assert_string_equal(svc.status, "active");
	assert_string_equal(svc.category, "wsparcie_rodziny");
	assert_string_equal(svc.sector, "pomoc_spoleczna");
	assert_string_equal(svc.target_groups, "rodziny;rodzice");
	assert_string_equal(svc.cost, "bezpłatnie");
	assert_string_equal(svc.provider_name,
			    "Gminny Ośrodek Pomocy Społecznej w Brzozowej "
			    "Woli");
	assert_string_equal(svc.contact_name, "Joanna Dudek");
	assert_null(svc.valid_from);
	/* the demo is written by the network worker */
	assert_string_equal(svc.stamp.created_by, "akowalska");
	kz_service_clear(&svc);
	free(id);
	/* and the caller's user is given back */
	assert_string_equal(kz_db_user(s->t.db), "tester");
}

static void test_dated_entries(void **state)
{
	struct demo_state *s = *state;
	struct kz_service svc = { 0 };
	char *id = find_service(s->t.db, "ferie zimowe",
				"Ferie zimowe w GOK – półkolonie", &svc);

	assert_string_equal(svc.kind, "activity");
	/* the next ferie after 2026-05-15 */
	assert_string_equal(svc.valid_from, "2027-01-19");
	assert_string_equal(svc.valid_to, "2027-01-30");
	kz_service_clear(&svc);
	free(id);

	/* an archived summer camp: the last one before today */
	id = find_service(s->t.db, "kolonie letnie caritas",
			  "Kolonie letnie Caritas nad morzem", &svc);
	assert_string_equal(svc.status, "archived");
	assert_string_equal(svc.valid_from, "2025-07-01");
	assert_string_equal(svc.valid_to, "2025-07-10");
	kz_service_clear(&svc);
	free(id);

	/* winter across New Year: the current season */
	id = find_service(s->t.db, "akcja zima",
			  "Akcja „Zima” – sprawdzanie miejsc, gdzie nocują "
			  "osoby w kryzysie bezdomności", &svc);
	assert_string_equal(svc.valid_from, "2026-11-01");
	assert_string_equal(svc.valid_to, "2027-03-31");
	kz_service_clear(&svc);
	free(id);

	id = find_service(s->t.db, "klub seniora pod lipami",
			  "Klub seniora „Pod Lipami” przy Dziennym Domu",
			  &svc);
	assert_null(svc.verified_on);
	assert_null(svc.verified_by);
	kz_service_clear(&svc);
	free(id);

	id = find_service(s->t.db, "dodatek weglowy",
			  "Dodatek węglowy – wnioski (zakończone)", &svc);
	assert_string_equal(svc.status, "archived");
	kz_service_clear(&svc);
	free(id);
}

static void test_partner_statuses(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };
	char id[KZ_ID_LEN + 1];

	assert_int_equal(kz_partner_find_by_name(s->t.db, "GOPS Brzozowa Wola",
						 id, &err), KZ_OK);
	assert_int_equal(kz_partner_get(s->t.db, id, &p, &err), KZ_OK);
	assert_string_equal(p.status, "declared");
	assert_string_equal(p.declaration_date, "2025-02-03");
	assert_string_equal(p.kind, "ops");
	kz_partner_clear(&p);

	assert_int_equal(kz_partner_find_by_name(s->t.db, "Bank Spoldzielczy",
						 id, &err), KZ_OK);
	assert_int_equal(kz_partner_get(s->t.db, id, &p, &err), KZ_OK);
	assert_string_equal(p.status, "left");
	kz_partner_clear(&p);
}

struct status_count {
	int invited, informal, declared, left;
};

static enum kz_status count_status(const struct kz_partner *p, void *ctx)
{
	struct status_count *c = ctx;

	if (strcmp(p->status, "invited") == 0)
		c->invited++;
	else if (strcmp(p->status, "informal") == 0)
		c->informal++;
	else if (strcmp(p->status, "declared") == 0)
		c->declared++;
	else if (strcmp(p->status, "left") == 0)
		c->left++;
	if (strcmp(p->status, "declared") == 0)
		assert_true(kz_date_valid(p->declaration_date));
	return KZ_OK;
}

static void test_membership_mix(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct status_count c = { 0 };

	assert_int_equal(kz_partner_each(s->t.db, count_status, &c, &err),
			 KZ_OK);
	assert_true(c.invited >= 3);
	assert_true(c.informal >= 10);
	assert_true(c.declared >= 15);
	assert_true(c.left >= 1 && c.left <= 3);
}

static void test_gops_contacts(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows = { 0 };
	char id[KZ_ID_LEN + 1];

	assert_int_equal(kz_partner_find_by_name(s->t.db, "gops brzozowa wola",
						 id, &err), KZ_OK);
	assert_int_equal(kz_contact_list(s->t.db, id, NULL, 0, &rows, &err),
			 KZ_OK);
	assert_true(rows.n >= 3);
	kz_rows_free(&rows);
	assert_int_equal(kz_contact_find_by_name(s->t.db, id, "Anna Kowalska",
						 id, &err), KZ_OK);
}

static void test_database_is_consistent(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	char *report = NULL;
	enum kz_status st = kz_db_check(s->t.db, &report, &err);

	if (st != KZ_OK)
		fail_msg("check: %s %s", err.msg, report ? report : "");
	free(report);
}

/* --- refusals ------------------------------------------------------------ */

static void test_second_fill_is_refused(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_db_counts before, after;

	assert_int_equal(kz_db_counts(s->t.db, &before, &err), KZ_OK);
	assert_int_equal(kz_demo_fill(s->t.db, &s->cfg, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "already holds records"));
	assert_int_equal(kz_db_counts(s->t.db, &after, &err), KZ_OK);
	assert_int_equal(before.partners, after.partners);
	assert_int_equal(before.services, after.services);
	assert_int_equal(before.contacts, after.contacts);
}

static void test_unknown_code_writes_nothing(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_db_counts c;
	char *saved = NULL;
	size_t i;

	/* a configuration without the category "przemoc" */
	for (i = 0; i < s->cfg.categories.n; i++)
		if (strcmp(s->cfg.categories.v[i].code, "przemoc") == 0)
			break;
	assert_true(i < s->cfg.categories.n);
	saved = s->cfg.categories.v[i].code;
	s->cfg.categories.v[i].code = xstrdup("przemoc_domowa");
	assert_int_equal(kz_demo_fill(s->t.db, &s->cfg, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "\"przemoc\""));
	free(s->cfg.categories.v[i].code);
	s->cfg.categories.v[i].code = saved;

	assert_int_equal(kz_db_counts(s->t.db, &c, &err), KZ_OK);
	assert_int_equal(c.partners, 0);
	assert_int_equal(c.contacts, 0);
	assert_int_equal(c.services, 0);
}

static void test_same_data_every_time(void **state)
{
	struct demo_state *s = *state;
	struct kz_error err = { 0 };
	struct kz_db_counts c;

	/* the empty database of this test gets exactly the same numbers as
	 * the YAML holds */
	assert_int_equal(kz_demo_fill(s->t.db, &s->cfg, &err), KZ_OK);
	assert_int_equal(kz_db_counts(s->t.db, &c, &err), KZ_OK);
	assert_int_equal(c.partners, 58);
	assert_int_equal(c.contacts, 88);
	assert_int_equal(c.services, 162);
}

/* --- the YAML files ------------------------------------------------------ */

/* The lists of the demo data: the key in the YAML and the table its
 * records are stored in. */
static const struct {
	const char *key;
	const char *table;
} lists[] = {
	{ "partners", "partners" }, { "contacts", "contacts" },
	{ "services", "services" }, { "cases", "cases" },
	{ "members", "members" }, { "team", "team" }, { "plan", "plans" },
	{ "diagnoses", "diagnoses" }, { "goals", "goals" },
	{ "actions", "actions" }, { "reviews", "reviews" },
	{ "progress", "progress" }, { "meetings", "meetings" },
	{ "attendees", "attendees" }, { "decisions", "decisions" },
	{ "tasks", "tasks" },
};
#define N_LISTS (sizeof(lists) / sizeof(lists[0]))

static size_t list_index(const char *key)
{
	for (size_t i = 0; i < N_LISTS; i++)
		if (strcmp(lists[i].key, key) == 0)
			return i;
	fail_msg("a list the test does not know: %s", key);
	return 0;
}

/* Count the entries of every list in the text itself, without a YAML
 * parser: "- " at indentation n is an entry of the key written alone on
 * its line at indentation n - 2; "plan:" alone on its line is one plan. */
static void count_text(const char *text, long *counts)
{
	char parent[64][40];

	memset(parent, 0, sizeof parent);
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		size_t ind = strspn(line, " ");
		const char *p = line + ind;
		size_t name = strspn(p, "abcdefghijklmnopqrstuvwxyz_");

		if (*p == '#' || ind >= 64) {
			/* a comment */
		} else if (p[0] == '-' && p[1] == ' ' && ind >= 2) {
			if (parent[ind - 2][0])
				counts[list_index(parent[ind - 2])]++;
		} else if (name > 0 && name < 40 && p[name] == ':' &&
			   line + len == p + name + 1) {
			memcpy(parent[ind], p, name);
			parent[ind][name] = '\0';
			if (strcmp(parent[ind], "plan") == 0)
				counts[list_index("plan")]++;
		}
		line = end ? end + 1 : line + len;
	}
}

static void count_loaded(const struct kz_demo_rec *r, long *counts)
{
	const struct kz_field *f;
	const char *key;

	for (size_t i = 0; (key = kz_demo_key(kz_demo_kind_of(r), i, &f)); i++) {
		const struct kz_demo_list *l = kz_demo_sub(r, key);

		for (size_t j = 0; l && j < l->n; j++) {
			counts[list_index(key)]++;
			count_loaded(&l->v[j], counts);
		}
	}
}

static void count_list(const char *key, const struct kz_demo_list *l,
		       long *counts)
{
	counts[list_index(key)] += (long)l->n;
	for (size_t i = 0; i < l->n; i++)
		count_loaded(&l->v[i], counts);
}

/* Every record of the YAML is loaded and stored: the same number of each
 * kind in the text, in what is loaded and in the database. */
static void test_yaml_loads_whole(void **state)
{
	struct demo_state *s = *state;
	struct kz_demo_data d;
	struct kz_error err = { 0 };
	long text[N_LISTS] = { 0 }, loaded[N_LISTS] = { 0 };

	count_text(kz_demo_basket_yaml, text);
	count_text(kz_demo_cases_yaml, text);
	count_text(kz_demo_meetings_yaml, text);
	if (kz_demo_data_load(&d, &err) != KZ_OK)
		fail_msg("%s", err.msg);
	count_list("partners", &d.partners, loaded);
	count_list("contacts", &d.contacts, loaded);
	count_list("services", &d.services, loaded);
	count_list("cases", &d.cases, loaded);
	count_list("meetings", &d.meetings, loaded);
	kz_demo_data_free(&d);
	for (size_t i = 0; i < N_LISTS; i++) {
		char sql[128];
		long rows;

		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s",
			 lists[i].table);
		rows = test_db_count(s->t.db, sql, NULL);
		if (text[i] <= 0 || loaded[i] != text[i] || rows != text[i])
			fail_msg("%s: %ld in the YAML, %ld loaded, %ld stored",
				 lists[i].key, text[i], loaded[i], rows);
	}
	assert_int_equal(text[list_index("partners")], 58);
	assert_int_equal(text[list_index("contacts")], 88);
	assert_int_equal(text[list_index("services")], 162);
	assert_int_equal(text[list_index("cases")], 26);
	assert_int_equal(text[list_index("meetings")], 11);
}

/* Every key the demo data may use fills a field of its record's field
 * table (the database column, the FIELD=VALUE name of the commands, the
 * CSV header), or names another record the way the commands do, or holds
 * a nested list. */
static void test_every_key_is_a_field(void **state)
{
	static const char *const kinds[] = {
		"partner", "contact", "service", "case", "member", "team",
		"plan", "diagnosis", "goal", "action", "review", "progress",
		"meeting", "attendee", "decision", "task",
	};
	/* references by name (case add ... service=, partner=, contact=,
	 * goal=; meeting add host=, chair=, case=; task add decision=N; CSV
	 * import provider, contact) */
	static const char *const refs[] = {
		"partner", "contact", "provider", "service", "goal", "host",
		"chair", "case", "decision",
	};
	size_t total = 0;

	(void)state;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		const struct kz_field *f;
		const char *key;
		size_t i;

		for (i = 0; (key = kz_demo_key(kinds[k], i, &f)); i++) {
			bool known = f != NULL;

			if (f)
				assert_string_equal(f->name, key);
			for (size_t j = 0; !known && j < sizeof refs / sizeof refs[0]; j++)
				known = strcmp(refs[j], key) == 0;
			for (size_t j = 0; !known && j < N_LISTS; j++)
				known = strcmp(lists[j].key, key) == 0;
			if (!known)
				fail_msg("%s: the key '%s' is no field", kinds[k], key);
		}
		assert_true(i > 0);
		total += i;
	}
	assert_null(kz_demo_key("colour", 0, &(const struct kz_field *){ NULL }));
	assert_true(total > 90);
}

/* The YAML must be refused with its message naming file:line. */
static void refused(const char *yaml, const char *where, const char *what)
{
	struct kz_demo_data d;
	struct kz_error err = { 0 };

	memset(&d, 0, sizeof d);
	if (kz_demo_data_parse(&d, yaml, strlen(yaml), "x.yaml", &err) !=
	    KZ_INVALID)
		fail_msg("accepted: %s", yaml);
	kz_demo_data_free(&d);
	if (!strstr(err.msg, where) || !strstr(err.msg, what))
		fail_msg("\"%s\" lacks \"%s\" or \"%s\"", err.msg, where, what);
}

static void test_broken_yaml_is_refused(void **state)
{
	(void)state;
	/* unknown keys, with a hint for a typo */
	refused("partners:\n  - name: A\n    colour: red\n", "x.yaml:3:5:",
		"'colour'");
	refused("services:\n  - titel: A\n", "x.yaml:2:5:", "'title'");
	refused("partner:\n  - name: A\n", "x.yaml:1:1:", "'partner'");
	refused("cases:\n  - status: new\n    plan:\n      goals:\n"
		"        - what: A\n          target: +3d\n",
		"x.yaml:6:11:", "'target'");
	/* dates, years, goal numbers */
	refused("cases:\n  - status: new\n    opened_on: -41x\n",
		"x.yaml:3:16:", "opened_on");
	refused("cases:\n  - opened_on: 2026-02-30\n", "x.yaml:2:16:",
		"2026-02-30");
	refused("cases:\n  - members:\n      - birth_year: 34\n",
		"x.yaml:3:21:", "birth_year");
	refused("services:\n  - valid_from: 13-01\n", "x.yaml:2:17:",
		"13-01");
	refused("meetings:\n  - date: yesterday\n", "x.yaml:2:11:",
		"yesterday");
	refused("cases:\n  - plan:\n      actions:\n        - goal: 0\n",
		"x.yaml:4:17:", "goal");
	/* values their fields refuse, shapes */
	refused("services:\n  - status: maybe\n", "x.yaml:2:13:", "maybe");
	refused("partners:\n  - name: A\n    name: B\n", "x.yaml:3:5:",
		"twice");
	refused("partners:\n  name: A\n", "x.yaml:2:3:", "partners");
	refused("meetings:\n  - decisions:\n      - text: A\n",
		"x.yaml:3:9:", "decisions");
	refused("cases:\n  - plan: approved\n", "x.yaml:2:11:", "plan");
	refused("partners:\n  - name: \"A\n", "x.yaml:", "YAML");
	refused("- A\n", "x.yaml:1:1:", "not a list");
}

/* A record that names another that is not there is refused when stored,
 * with its file and line, and nothing is written. */
static void test_missing_reference_is_refused(void **state)
{
	struct demo_state *s = *state;
	const char *yaml =
		"partners:\n"
		"  - short_name: A\n"
		"    name: Partner A\n"
		"    kind: ops\n"
		"    sectors: pomoc_spoleczna\n"
		"    status: informal\n"
		"contacts:\n"
		"  - partner: B\n"
		"    name: Jan Nowak\n";
	struct kz_demo_data d;
	struct kz_error err = { 0 };
	struct kz_db_counts c;

	memset(&d, 0, sizeof d);
	assert_int_equal(kz_demo_data_parse(&d, yaml, strlen(yaml), "x.yaml",
					    &err), KZ_OK);
	assert_int_equal(d.partners.n, 1);
	assert_int_equal(d.contacts.n, 1);
	assert_int_equal(kz_demo_fill_data(s->t.db, &s->cfg, &d, &err),
			 KZ_INVALID);
	kz_demo_data_free(&d);
	if (!strstr(err.msg, "x.yaml:8:") || !strstr(err.msg, "\"B\""))
		fail_msg("%s", err.msg);
	assert_int_equal(kz_db_counts(s->t.db, &c, &err), KZ_OK);
	assert_int_equal(c.partners, 0);
}

static void test_relative_dates(void **state)
{
	char out[11];

	(void)state;
	assert_true(kz_demo_date("2027-02-28", "+1d", out));
	assert_string_equal(out, "2027-03-01");
	assert_true(kz_demo_date("2028-02-28", "+1d", out));
	assert_string_equal(out, "2028-02-29");
	assert_true(kz_demo_date("2027-03-31", "-31d", out));
	assert_string_equal(out, "2027-02-28");
	assert_true(kz_demo_date("2026-12-05", "0d", out));
	assert_string_equal(out, "2026-12-05");
	assert_true(kz_demo_date("2026-12-05", "-41d", out));
	assert_string_equal(out, "2026-10-25");
	assert_true(kz_demo_date("2026-12-05", "2025-02-03", out));
	assert_string_equal(out, "2025-02-03");
	assert_false(kz_demo_date("2026-12-05", "41d ", out));
	assert_false(kz_demo_date("2026-12-05", "-d", out));
	assert_false(kz_demo_date("2026-12-05", "--1d", out));
	assert_false(kz_demo_date("2026-12-05", "2026-13-01", out));
}

int main(void)
{
	const struct CMUnitTest filled[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_every_sector_has_partners),
		cmocka_unit_test(test_every_category_has_services),
		cmocka_unit_test(test_every_target_group_is_used),
		cmocka_unit_test(test_search_zlobek),
		cmocka_unit_test(test_search_lodz),
		cmocka_unit_test(test_search_pomoc_psych),
		cmocka_unit_test(test_search_needed_entries),
		cmocka_unit_test(test_fresh_and_stale),
		cmocka_unit_test(test_asystent_rodziny_record),
		cmocka_unit_test(test_dated_entries),
		cmocka_unit_test(test_partner_statuses),
		cmocka_unit_test(test_membership_mix),
		cmocka_unit_test(test_gops_contacts),
		cmocka_unit_test(test_database_is_consistent),
		cmocka_unit_test(test_yaml_loads_whole),
		cmocka_unit_test(test_every_key_is_a_field),
		cmocka_unit_test(test_broken_yaml_is_refused),
		cmocka_unit_test(test_relative_dates),
		cmocka_unit_test(test_second_fill_is_refused),
	};
	const struct CMUnitTest empty[] = {
		cmocka_unit_test_setup_teardown(
			test_unknown_code_writes_nothing, setup_empty,
			teardown),
		cmocka_unit_test_setup_teardown(test_same_data_every_time,
						setup_empty, teardown),
		cmocka_unit_test_setup_teardown(
			test_missing_reference_is_refused, setup_empty,
			teardown),
	};
	int failed = cmocka_run_group_tests_name("demo, filled", filled,
						 setup_filled, teardown);

	failed += cmocka_run_group_tests_name("demo, empty database", empty,
					      NULL, NULL);
	return failed;
}
