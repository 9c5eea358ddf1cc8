/* Unit tests of the configuration reader (src/core/config.c).
 * Expected values are written by hand from config/koszyk.yaml and from
 * counting lines and columns in the inputs below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "koszyk/config.h"

/* The smallest valid configuration; bad inputs add a seventh line. */
#define MIN_LINES                                                   \
	"gmina: Test\n"                                             \
	"sectors: [a]\n"                                            \
	"partner_kinds: [b]\n"                                      \
	"categories: [c]\n"                                         \
	"target_groups: [d]\n"                                      \
	"need_areas: [e]\n"

static const char *data_dir(void)
{
	const char *d = getenv("KZ_TEST_DATA");

	return d ? d : "tests/data";
}

static void assert_contains(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fail_msg("expected \"%s\" in \"%s\"", needle, haystack);
}

static void assert_empty(const struct kz_config *cfg)
{
	assert_null(cfg->gmina);
	assert_null(cfg->source);
	assert_int_equal(cfg->sectors.n, 0);
	assert_null(cfg->users);
	assert_int_equal(cfg->n_users, 0);
}

/* Load text (its own length, so embedded NULs count) as "t.yaml"; expect
 * failure with every given fragment in the message. */
static void expect_bad_len(const char *yaml, size_t len, const char *where,
			   const char *what, const char *more)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };
	char prefix[64];

	assert_int_equal(kz_config_load_string(&cfg, yaml, len, "t.yaml", &err),
			 KZ_INVALID);
	assert_int_equal(err.status, KZ_INVALID);
	snprintf(prefix, sizeof prefix, "t.yaml:%s: ", where);
	if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
		fail_msg("expected the message to start with \"%s\": \"%s\"",
			 prefix, err.msg);
	assert_contains(err.msg, what);
	if (more)
		assert_contains(err.msg, more);
	assert_empty(&cfg);
	kz_config_free(&cfg);
}

static void expect_bad(const char *yaml, const char *where, const char *what,
		       const char *more)
{
	expect_bad_len(yaml, strlen(yaml), where, what, more);
}

/* ---- the built-in configuration ---- */

static void test_builtin_values(void **state)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };

	(void)state;
	assert_int_equal(kz_config_load_builtin(&cfg, &err), KZ_OK);
	assert_true(cfg.is_builtin);
	assert_string_equal(cfg.source, "(built-in)");
	assert_string_equal(cfg.gmina, "Gmina Brzozowa Wola");
	assert_string_equal(cfg.powiat, "powiat wierzbnicki");
	assert_string_equal(cfg.wojewodztwo, "łódzkie");
	assert_string_equal(cfg.lider,
			    "Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli");
	assert_string_equal(cfg.language, "pl");
	assert_int_equal(cfg.stale_days, 180);
	assert_int_equal(cfg.retention_years, 10);
	assert_int_equal(cfg.plan_validity_months, 12);
	assert_string_equal(cfg.case_code_format, "R/{year}/{seq:03}");
	assert_int_equal(cfg.sectors.n, 13);
	assert_int_equal(cfg.partner_kinds.n, 14);
	assert_int_equal(cfg.categories.n, 17);
	assert_int_equal(cfg.target_groups.n, 13);
	assert_int_equal(cfg.need_areas.n, 11);
	assert_int_equal(cfg.n_users, 4);

	assert_string_equal(cfg.sectors.v[0].code, "pomoc_spoleczna");
	assert_string_equal(cfg.need_areas.v[10].code, "integracja");
	assert_string_equal(kz_items_label(&cfg.categories, "opieka_nad_dziecmi"),
			    "Opieka nad dziećmi");
	assert_string_equal(kz_items_label(&cfg.need_areas, "opieka_nad_dziecmi"),
			    "Opieka i wychowanie dzieci");
	assert_string_equal(kz_items_label(&cfg.partner_kinds, "szkola"),
			    "Szkoła, przedszkole, żłobek");
	assert_string_equal(kz_items_label(&cfg.target_groups,
					   "osoby_z_niepelnosprawnoscia"),
			    "Osoby z niepełnosprawnością");

	const struct kz_user *u = kz_config_user(&cfg, "akowalska");
	assert_non_null(u);
	assert_string_equal(u->name, "Anna Kowalska");
	assert_int_equal(u->role, KZ_ROLE_COORDINATOR);
	u = kz_config_user(&cfg, "mnowak");
	assert_non_null(u);
	assert_int_equal(u->role, KZ_ROLE_WORKER);
	u = kz_config_user(&cfg, "kzielinska");
	assert_non_null(u);
	assert_string_equal(u->name, "Katarzyna Zielińska");
	assert_int_equal(u->role, KZ_ROLE_VIEWER);
	assert_null(kz_config_user(&cfg, "AKOWALSKA"));
	assert_null(kz_config_user(&cfg, "nobody"));
	assert_null(kz_config_user(&cfg, NULL));

	kz_config_free(&cfg);
	assert_null(cfg.gmina);
	kz_config_free(&cfg);   /* twice is harmless */
}

static void test_items_find(void **state)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };
	const struct kz_item *it;

	(void)state;
	assert_int_equal(kz_config_load_builtin(&cfg, &err), KZ_OK);

	it = kz_items_find(&cfg.sectors, "pomoc_spoleczna");
	assert_non_null(it);
	assert_string_equal(it->label, "Pomoc społeczna");
	it = kz_items_find(&cfg.sectors, "Pomoc społeczna");
	assert_non_null(it);
	assert_string_equal(it->code, "pomoc_spoleczna");
	it = kz_items_find(&cfg.sectors, "pomoc spoleczna");
	assert_non_null(it);
	assert_string_equal(it->code, "pomoc_spoleczna");
	it = kz_items_find(&cfg.sectors, "POMOC SPOŁECZNA");
	assert_non_null(it);
	assert_string_equal(it->code, "pomoc_spoleczna");
	it = kz_items_find(&cfg.sectors, "POMOC_SPOLECZNA");
	assert_non_null(it);
	assert_string_equal(it->code, "pomoc_spoleczna");
	it = kz_items_find(&cfg.partner_kinds, "szkola, przedszkole, zlobek");
	assert_non_null(it);
	assert_string_equal(it->code, "szkola");
	it = kz_items_find(&cfg.categories, "Zdrowie i rehabilitacja");
	assert_non_null(it);
	assert_string_equal(it->code, "zdrowie");

	/* The whole label must match, not a part of it. */
	assert_null(kz_items_find(&cfg.sectors, "pomoc"));
	assert_null(kz_items_find(&cfg.sectors, "spoleczna"));
	assert_null(kz_items_find(&cfg.sectors, ""));
	assert_null(kz_items_find(&cfg.sectors, NULL));

	/* Unknown codes show as themselves. */
	assert_string_equal(kz_items_label(&cfg.sectors, "kosmos"), "kosmos");
	assert_string_equal(kz_items_label(&cfg.sectors, NULL), "");
	kz_config_free(&cfg);
}

static void test_role_names(void **state)
{
	(void)state;
	assert_string_equal(kz_role_name(KZ_ROLE_VIEWER), "viewer");
	assert_string_equal(kz_role_name(KZ_ROLE_WORKER), "worker");
	assert_string_equal(kz_role_name(KZ_ROLE_COORDINATOR), "coordinator");
}

/* ---- good inputs ---- */

static void test_minimal_defaults(void **state)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };
	const char *yaml = MIN_LINES;

	(void)state;
	assert_int_equal(kz_config_load_string(&cfg, yaml, strlen(yaml), "m.yaml",
					       &err), KZ_OK);
	assert_false(cfg.is_builtin);
	assert_string_equal(cfg.source, "m.yaml");
	assert_string_equal(cfg.gmina, "Test");
	assert_string_equal(cfg.powiat, "");
	assert_string_equal(cfg.wojewodztwo, "");
	assert_string_equal(cfg.lider, "");
	assert_null(cfg.language);
	assert_int_equal(cfg.stale_days, 180);
	assert_int_equal(cfg.retention_years, 10);
	assert_int_equal(cfg.plan_validity_months, 12);
	assert_string_equal(cfg.case_code_format, "R/{year}/{seq:03}");
	assert_int_equal(cfg.sectors.n, 1);
	assert_string_equal(cfg.sectors.v[0].code, "a");
	assert_string_equal(cfg.sectors.v[0].label, "a");
	assert_int_equal(cfg.n_users, 0);
	kz_config_free(&cfg);
}

static void test_plain_and_mapping_items(void **state)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };
	const char *yaml =
		"gmina: \"Gmina Łąka\"\n"
		"language: en\n"
		"stale_days: 3650\n"
		"retention_years: 1\n"
		"plan_validity_months: 60\n"
		"case_code_format: 'S-{seq:04}'\n"
		"sectors:\n"
		"  - Pomoc społeczna\n"
		"  - code: zdrowie\n"
		"    label: Ochrona zdrowia\n"
		"  - {code: bez_etykiety}\n"
		"partner_kinds: [ops]\n"
		"categories: [Żłobek]\n"
		"target_groups: [dzieci]\n"
		"need_areas: [praca]\n"
		"users:\n"
		"  - login: jan\n"
		"    role: viewer\n"
		"  - {login: ewa, name: Ewa Nowak, role: worker}\n";
	const struct kz_item *it;

	(void)state;
	assert_int_equal(kz_config_load_string(&cfg, yaml, strlen(yaml), "p.yaml",
					       &err), KZ_OK);
	assert_string_equal(cfg.gmina, "Gmina Łąka");
	assert_string_equal(cfg.language, "en");
	assert_int_equal(cfg.stale_days, 3650);
	assert_int_equal(cfg.retention_years, 1);
	assert_int_equal(cfg.plan_validity_months, 60);
	assert_string_equal(cfg.case_code_format, "S-{seq:04}");
	assert_int_equal(cfg.sectors.n, 3);
	assert_string_equal(cfg.sectors.v[0].code, "Pomoc społeczna");
	assert_string_equal(cfg.sectors.v[0].label, "Pomoc społeczna");
	assert_string_equal(cfg.sectors.v[1].code, "zdrowie");
	assert_string_equal(cfg.sectors.v[1].label, "Ochrona zdrowia");
	assert_string_equal(cfg.sectors.v[2].label, "bez_etykiety");

	it = kz_items_find(&cfg.categories, "zlobek");
	assert_non_null(it);
	assert_string_equal(it->code, "Żłobek");
	it = kz_items_find(&cfg.sectors, "pomoc spoleczna");
	assert_non_null(it);
	assert_ptr_equal(it, &cfg.sectors.v[0]);

	assert_int_equal(cfg.n_users, 2);
	assert_string_equal(cfg.users[0].login, "jan");
	assert_string_equal(cfg.users[0].name, "jan");  /* name defaults */
	assert_int_equal(cfg.users[0].role, KZ_ROLE_VIEWER);
	assert_string_equal(kz_config_user(&cfg, "ewa")->name, "Ewa Nowak");
	kz_config_free(&cfg);
}

/* A UTF-8 byte order mark, Windows line ends and comments are fine. */
static void test_bom_crlf_comments(void **state)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };
	const char *yaml =
		"\xEF\xBB\xBF# Konfiguracja\r\n"
		"gmina: Test # komentarz\r\n"
		"sectors: [a]\r\npartner_kinds: [b]\r\ncategories: [c]\r\n"
		"target_groups: [d]\r\nneed_areas: [e]\r\n";

	(void)state;
	assert_int_equal(kz_config_load_string(&cfg, yaml, strlen(yaml), "w.yaml",
					       &err), KZ_OK);
	assert_string_equal(cfg.gmina, "Test");
	kz_config_free(&cfg);
}

/* ---- bad inputs: each names the place and the key ---- */

static void test_bad_syntax(void **state)
{
	(void)state;
	/* The continuation line turns into a key inside a value. */
	expect_bad("gmina: Test\n  powiat: X\n", "2:9", "not valid YAML",
		   "mapping values are not allowed");
	/* An unclosed flow list runs to the end of the file. */
	expect_bad("gmina: Test\nsectors: [a, b\n", "3:1", "not valid YAML",
		   NULL);
	/* An unclosed quote. */
	expect_bad("gmina: \"Test\n", "2:1", "not valid YAML", NULL);
}

static void test_bad_tab_indentation(void **state)
{
	(void)state;
	expect_bad("gmina: Test\nsectors:\n\t- a\n", "3:1", "tab", "spaces");
	expect_bad("gmina: Test\n\tpowiat: X\n", "2:1", "tab", NULL);
}

static void test_bad_unknown_key(void **state)
{
	(void)state;
	expect_bad(MIN_LINES "stale_day: 30\n", "7:1",
		   "unknown key 'stale_day'", "did you mean 'stale_days'?");
	expect_bad(MIN_LINES "soltys: Jan\n", "7:1",
		   "unknown key 'soltys'", NULL);
	/* "lable" for "label" inside an entry: "sectors: [{code: a, " is 20
	 * characters. */
	expect_bad("gmina: T\nsectors: [{code: a, lable: A}]\n", "2:21",
		   "unknown key 'lable' in an entry of 'sectors'",
		   "did you mean 'label'?");
	expect_bad(MIN_LINES "users:\n  - {login: jan, rola: worker}\n", "8:18",
		   "unknown key 'rola'", "'users'");
}

static void test_bad_types(void **state)
{
	(void)state;
	expect_bad(MIN_LINES "stale_days: many\n", "7:13",
		   "'stale_days' must be a whole number", NULL);
	expect_bad(MIN_LINES "stale_days: 1.5\n", "7:13",
		   "'stale_days' must be a whole number", NULL);
	expect_bad(MIN_LINES "retention_years: [10]\n", "7:18",
		   "'retention_years' must be a whole number", NULL);
	expect_bad(MIN_LINES "powiat: [a, b]\n", "7:9",
		   "'powiat' must be text", NULL);
	expect_bad(MIN_LINES "users: akowalska\n", "7:8",
		   "'users' must be a list", NULL);
	expect_bad("gmina: T\nsectors: pomoc\n", "2:10",
		   "'sectors' must be a list", NULL);
	expect_bad("gmina: T\nsectors:\n  - [a, b]\n", "3:5",
		   "each entry of 'sectors'", NULL);
	expect_bad(MIN_LINES "users:\n  - akowalska\n", "8:5",
		   "each entry of 'users'", NULL);
	expect_bad("- gmina\n- sectors\n", "1:1", "keys with values", NULL);
	expect_bad("[a]: b\n", "1:1", "expected a key name", NULL);
}

static void test_bad_ranges(void **state)
{
	(void)state;
	expect_bad(MIN_LINES "stale_days: 0\n", "7:13",
		   "'stale_days' must be between 1 and 3650", NULL);
	expect_bad(MIN_LINES "stale_days: 3651\n", "7:13",
		   "'stale_days' must be between 1 and 3650", NULL);
	expect_bad(MIN_LINES "stale_days: 99999999999999999999999\n", "7:13",
		   "'stale_days' must be between 1 and 3650", NULL);
	expect_bad(MIN_LINES "retention_years: -5\n", "7:18",
		   "'retention_years' must be between 1 and 100", NULL);
	expect_bad(MIN_LINES "plan_validity_months: 61\n", "7:23",
		   "'plan_validity_months' must be between 1 and 60", NULL);
	expect_bad(MIN_LINES "language: de\n", "7:11",
		   "'language' must be pl or en", NULL);
	expect_bad(MIN_LINES "case_code_format: R/{year}\n", "7:19",
		   "'case_code_format' must contain {seq}", NULL);
}

static void test_bad_users(void **state)
{
	(void)state;
	/* "  - {login: jan, name: Jan, role: " is 34 characters. */
	expect_bad(MIN_LINES "users:\n  - {login: jan, name: Jan, role: admin}\n",
		   "8:35", "the role 'admin' of user 'jan'",
		   "worker, coordinator or viewer");
	expect_bad(MIN_LINES "users:\n  - {login: jan, name: Jan}\n", "8:5",
		   "'jan' has no 'role'", NULL);
	expect_bad(MIN_LINES "users:\n  - {name: Jan, role: worker}\n", "8:5",
		   "no 'login'", NULL);
	expect_bad(MIN_LINES "users:\n"
		   "  - {login: jan, role: worker}\n"
		   "  - {login: jan, role: viewer}\n",
		   "9:13", "'jan' is listed twice in 'users'", "first on line 8");
	expect_bad(MIN_LINES "users:\n  - {login: jan kowalski, role: worker}\n",
		   "8:13", "the login 'jan kowalski'", NULL);
	expect_bad(MIN_LINES "users:\n  - {login: jan, role: worker, role: viewer}\n",
		   "8:32", "'role' appears twice", NULL);
}

/* Which categories and target groups answer each need area is the
 * configuration's; the built-in one answers the areas the gaps report
 * once showed as false gaps (income by material aid, safety by services
 * against violence, family relations by family support). */
static void test_need_rules(void **state)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };
	const char *yaml =
		"gmina: T\nsectors: [a]\npartner_kinds: [b]\n"
		"categories: [pomoc, przemoc, zdrowie]\n"
		"target_groups: [dzieci, uzaleznieni]\n"
		"need_areas:\n"
		"  - {code: dochod, categories: [pomoc]}\n"
		"  - code: uzaleznienia\n"
		"    target_groups:\n"
		"      - uzaleznieni\n"
		"  - zdrowie\n"
		"  - praca\n";

	(void)state;
	assert_int_equal(kz_config_load_string(&cfg, yaml, strlen(yaml), "n.yaml",
					       &err), KZ_OK);
	assert_int_equal(cfg.need_areas.v[0].categories.n, 1);
	assert_true(kz_need_answered_by(&cfg, "dochod", "pomoc", NULL));
	assert_false(kz_need_answered_by(&cfg, "dochod", "przemoc", "dzieci"));
	/* By target group: one of the service's groups is enough. */
	assert_true(kz_need_answered_by(&cfg, "uzaleznienia", "zdrowie",
					"dzieci;uzaleznieni"));
	assert_false(kz_need_answered_by(&cfg, "uzaleznienia", "zdrowie",
					 "dzieci;uzaleznieni_x"));
	/* An area naming neither list: the category of the same code. */
	assert_int_equal(cfg.need_areas.v[2].categories.n, 1);
	assert_true(kz_need_answered_by(&cfg, "zdrowie", "zdrowie", NULL));
	/* ... and nothing when there is no such category. */
	assert_int_equal(cfg.need_areas.v[3].categories.n, 0);
	assert_false(kz_need_answered_by(&cfg, "praca", "praca", NULL));
	assert_false(kz_need_answered_by(&cfg, "nieznany", "pomoc", NULL));
	kz_config_free(&cfg);

	assert_int_equal(kz_config_load_builtin(&cfg, &err), KZ_OK);
	assert_true(kz_need_answered_by(&cfg, "dochod", "pomoc_materialna", NULL));
	assert_true(kz_need_answered_by(&cfg, "bezpieczenstwo", "przemoc", NULL));
	assert_true(kz_need_answered_by(&cfg, "relacje", "wsparcie_rodziny", NULL));
	assert_false(kz_need_answered_by(&cfg, "dochod", "sport", NULL));
	kz_config_free(&cfg);

	/* A code the lists do not have is refused, at the list. */
	expect_bad("gmina: T\nsectors: [a]\npartner_kinds: [b]\n"
		   "categories: [c]\ntarget_groups: [d]\n"
		   "need_areas:\n  - {code: e, categories: [c, x]}\n",
		   "7:15", "the need area 'e' names the category 'x'", NULL);
	expect_bad("gmina: T\nsectors: [a]\npartner_kinds: [b]\n"
		   "categories: [c]\ntarget_groups: [d]\n"
		   "need_areas:\n  - {code: e, target_groups: [c]}\n",
		   "7:15", "the need area 'e' names the target group 'c'", NULL);
	expect_bad("gmina: T\nsectors: [a]\npartner_kinds: [b]\n"
		   "categories: [c]\ntarget_groups: [d]\n"
		   "need_areas:\n  - {code: f, categories: c}\n", "7:27",
		   "'categories' must be a list of codes", NULL);
	/* Other lists have no such keys. */
	expect_bad("gmina: T\nsectors: [{code: a, categories: [c]}]\n", "2:21",
		   "categories", NULL);
}

static void test_bad_duplicates(void **state)
{
	(void)state;
	expect_bad("gmina: T\nsectors:\n  - edukacja\n"
		   "  - {code: edukacja, label: Szkoły}\n",
		   "4:12", "'edukacja' is listed twice in 'sectors'",
		   "first on line 3");
	/* Codes that differ only in case or Polish letters are duplicates. */
	expect_bad("gmina: T\nsectors: [Łąka, laka]\n", "2:17",
		   "'laka' is listed twice in 'sectors'", "first on line 2");
	expect_bad("gmina: A\ngmina: B\n", "2:1",
		   "the key 'gmina' appears twice", "first on line 1");
	expect_bad("gmina: T\nsectors: [a;b]\n", "2:11", "must not contain ';'",
		   "'sectors'");
	expect_bad("gmina: T\nsectors: [{label: A}]\n", "2:11",
		   "an entry of 'sectors' has no 'code'", NULL);
}

static void test_bad_missing(void **state)
{
	(void)state;
	expect_bad("gmina: T\nsectors: [a]\npartner_kinds: [b]\n"
		   "categories: [c]\ntarget_groups: [d]\n", "1:1",
		   "the required key 'need_areas' is missing", NULL);
	expect_bad("sectors: [a]\npartner_kinds: [b]\ncategories: [c]\n"
		   "target_groups: [d]\nneed_areas: [e]\n", "1:1",
		   "the required key 'gmina' is missing", NULL);
	expect_bad("gmina: T\nsectors: []\n", "2:10",
		   "'sectors' must list at least one entry", NULL);
	/* An empty value is reported just after the colon. */
	expect_bad(MIN_LINES "users:\n", "7:7", "'users' must be a list", NULL);
	expect_bad(MIN_LINES "stale_days:\n", "7:12",
		   "'stale_days' must be a whole number", NULL);
	expect_bad("gmina: ''\n", "1:8", "'gmina' must not be empty", NULL);
}

static void test_bad_empty(void **state)
{
	(void)state;
	expect_bad("", "1:1", "the configuration is empty", NULL);
	expect_bad("# tylko komentarz\n\n", "1:1", "the configuration is empty",
		   NULL);
	expect_bad("---\n", "1:1", "the configuration is empty", NULL);
	expect_bad_len(NULL, 0, "1:1", "the configuration is empty", NULL);
}

static void test_bad_encoding(void **state)
{
	(void)state;
	/* "gmina: Łódź" is 11 characters (15 bytes); the bad byte is the
	 * 12th character. */
	expect_bad("gmina: \xC5\x81\xC3\xB3" "d\xC5\xBA\xFF\n", "1:12",
		   "not valid UTF-8", NULL);
	expect_bad("gmina: T\nsectors: [a\xC5]\n", "2:12", "not valid UTF-8",
		   NULL);
	/* Latin-2 "ł" (0xB3) as saved by an old editor. */
	expect_bad("gmina: Bia\xB3ystok\n", "1:11", "not valid UTF-8", NULL);
	/* A NUL byte inside the text. */
	expect_bad_len("gmina: A\0B\n", 11, "1:9", "control characters", NULL);
	/* A control character written as an escape. */
	expect_bad(MIN_LINES "powiat: \"A\\x01B\"\n", "7:9",
		   "'powiat' must be one line", NULL);
	expect_bad(MIN_LINES "powiat: \"A\\0B\"\n", "7:9",
		   "'powiat' must not contain control characters", NULL);
}

static void test_bad_aliases_and_documents(void **state)
{
	(void)state;
	expect_bad("gmina: &g Test\n", "1:8", "anchors (&g) are not supported",
		   NULL);
	expect_bad(MIN_LINES "powiat: *g\n", "7:9",
		   "aliases (*g) are not supported", NULL);
	expect_bad(MIN_LINES "---\ngmina: B\n", "7:1",
		   "more than one YAML document", NULL);
}

static void test_too_long(void **state)
{
	char yaml[1024];
	char label[401];

	(void)state;
	for (int i = 0; i < 200; i++)
		memcpy(label + 2 * i, "\xC5\x82", 2);  /* "ł" */
	label[400] = '\0';
	/* 201 letters: over the 200-character limit. */
	snprintf(yaml, sizeof yaml, "gmina: %s\xC5\x82\n", label);
	expect_bad(yaml, "1:8", "'gmina' is too long", NULL);
	/* Exactly 200 is fine as far as the length goes. */
	snprintf(yaml, sizeof yaml, "gmina: %s\n", label);
	expect_bad(yaml, "1:1", "the required key 'sectors' is missing", NULL);
}

/* ---- files ---- */

static void test_file_missing(void **state)
{
	struct kz_config cfg;
	struct kz_error err = { 0 };

	(void)state;
	assert_int_equal(kz_config_load_file(&cfg, "/nonexistent/koszyk.yaml",
					     &err), KZ_INVALID);
	assert_int_equal(err.status, KZ_INVALID);
	assert_contains(err.msg, "/nonexistent/koszyk.yaml");
	assert_contains(err.msg, "cannot read");
	assert_empty(&cfg);
	kz_config_free(&cfg);
}

static void test_file_bad(void **state)
{
	static const struct {
		const char *file, *where, *what;
	} cases[] = {
		{ "bad_unknown_key.yaml", "12:1", "unknown key 'stale_day'" },
		{ "bad_tabs.yaml", "4:1", "tab" },
		{ "bad_role.yaml", "10:46", "the role 'kierownik'" },
		{ "bad_latin2.yaml", "1:17", "not valid UTF-8" },
		{ "bad_range.yaml", "3:13", "'stale_days' must be between" },
	};
	char path[512], prefix[600];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct kz_config cfg;
		struct kz_error err = { 0 };

		snprintf(path, sizeof path, "%s/config/%s", data_dir(),
			 cases[i].file);
		assert_int_equal(kz_config_load_file(&cfg, path, &err),
				 KZ_INVALID);
		snprintf(prefix, sizeof prefix, "%s:%s: ", path, cases[i].where);
		if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
			fail_msg("expected \"%s\" at the start of \"%s\"", prefix,
				 err.msg);
		assert_contains(err.msg, cases[i].what);
		assert_empty(&cfg);
		kz_config_free(&cfg);
	}
}

/* The shipped example file reads the same as the built-in copy. */
static void test_file_example(void **state)
{
	struct kz_config file, builtin;
	struct kz_error err = { 0 };

	(void)state;
	assert_int_equal(kz_config_load_file(&file, "config/koszyk.yaml", &err),
			 KZ_OK);
	assert_int_equal(kz_config_load_builtin(&builtin, &err), KZ_OK);
	assert_string_equal(file.source, "config/koszyk.yaml");
	assert_false(file.is_builtin);
	assert_string_equal(file.gmina, builtin.gmina);
	assert_int_equal(file.categories.n, builtin.categories.n);
	for (size_t i = 0; i < file.categories.n; i++) {
		assert_string_equal(file.categories.v[i].code,
				    builtin.categories.v[i].code);
		assert_string_equal(file.categories.v[i].label,
				    builtin.categories.v[i].label);
	}
	kz_config_free(&file);
	kz_config_free(&builtin);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_values),
		cmocka_unit_test(test_items_find),
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_minimal_defaults),
		cmocka_unit_test(test_plain_and_mapping_items),
		cmocka_unit_test(test_bom_crlf_comments),
		cmocka_unit_test(test_bad_syntax),
		cmocka_unit_test(test_bad_tab_indentation),
		cmocka_unit_test(test_bad_unknown_key),
		cmocka_unit_test(test_bad_types),
		cmocka_unit_test(test_bad_ranges),
		cmocka_unit_test(test_bad_users),
		cmocka_unit_test(test_bad_duplicates),
		cmocka_unit_test(test_bad_missing),
		cmocka_unit_test(test_bad_empty),
		cmocka_unit_test(test_bad_encoding),
		cmocka_unit_test(test_bad_aliases_and_documents),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_need_rules),
		cmocka_unit_test(test_file_missing),
		cmocka_unit_test(test_file_bad),
		cmocka_unit_test(test_file_example),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
