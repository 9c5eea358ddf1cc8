/* The data layer: opening, saving with the revision check, the audit
 * trail, instant search and its ranking, lists and filters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "koszyk/basket.h"
#include "koszyk/search.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

static void add_partner(struct kz_db *db, const char *name, const char *short_name,
			char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup(name);
	p.short_name = xstrdup_or_null(short_name);
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
}

static void add_service(struct kz_db *db, const char *provider, const char *title,
			const char *description, char id[KZ_ID_LEN + 1])
{
	struct kz_service s = { 0 };
	struct kz_error err = { 0 };

	s.title = xstrdup(title);
	s.description = xstrdup_or_null(description);
	s.provider_id = xstrdup(provider);
	s.category = xstrdup("opieka_nad_dziecmi");
	assert_int_equal(kz_service_save(db, &s, &err), KZ_OK);
	if (id)
		memcpy(id, s.id, KZ_ID_LEN + 1);
	kz_service_clear(&s);
}

static int setup(void **state)
{
	struct test_db *t = calloc(1, sizeof(*t));
	test_db_open(t);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	test_db_close(*state);
	free(*state);
	return 0;
}

static void test_file_is_private_and_wal(void **state)
{
	struct test_db *t = *state;
	struct stat sb;
	char *v;

	assert_int_equal(stat(t->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(kz_db_schema_version() >= 1, 1);
	v = kz_db_meta_get(t->db, "app");
	assert_string_equal(v, "koszyk");
	free(v);
	v = kz_db_meta_get(t->db, "replica_id");
	assert_true(kz_is_uuid(v));
	free(v);
	char wal[160];
	snprintf(wal, sizeof(wal), "%s-wal", t->path);
	assert_int_equal(stat(wal, &sb), 0);
}

static void test_not_a_koszyk_file(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_db *db = NULL;
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "%s/notes.txt", t->dir);
	f = fopen(path, "w");
	fputs("Lista zakupów: mleko, chleb\n", f);
	fclose(f);
	assert_int_equal(kz_db_open(path, KZ_OPEN_EXISTING, &db, &err), KZ_CORRUPT);
	assert_null(db);
	assert_non_null(strstr(err.msg, "not a koszyk database"));

	snprintf(path, sizeof(path), "%s/missing.db", t->dir);
	assert_int_equal(kz_db_open(path, KZ_OPEN_EXISTING, &db, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "koszyk init"));
}

static void test_save_validates(void **state)
{
	struct test_db *t = *state;
	struct kz_service s = { 0 };
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };
	struct kz_db_counts c;

	s.title = xstrdup("Bez dostawcy");
	assert_int_equal(kz_service_save(t->db, &s, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "Provider"));
	kz_service_clear(&s);

	p.name = xstrdup("Fundacja");
	p.status = xstrdup("declared");
	assert_int_equal(kz_partner_save(t->db, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "date"));
	kz_str_set(&p.declaration_date, "2026-02-30");
	assert_int_equal(kz_partner_save(t->db, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "is not a date"));
	kz_str_set(&p.declaration_date, "2026-02-28");
	kz_str_set(&p.name, "x\xff");
	assert_int_equal(kz_partner_save(t->db, &p, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "UTF-8"));
	kz_partner_clear(&p);

	assert_int_equal(kz_db_counts(t->db, &c, &err), KZ_OK);
	assert_int_equal(c.partners, 0);
	assert_int_equal(c.audit, 0);
}

static void test_revision_conflict(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_service mine = { 0 }, theirs = { 0 };
	char pid[KZ_ID_LEN + 1], sid[KZ_ID_LEN + 1];

	add_partner(t->db, "Gminny Ośrodek Pomocy Społecznej", "GOPS", pid);
	add_service(t->db, pid, "Asystent rodziny", NULL, sid);

	assert_int_equal(kz_service_get(t->db, sid, &mine, &err), KZ_OK);
	assert_int_equal(kz_service_get(t->db, sid, &theirs, &err), KZ_OK);
	assert_int_equal(mine.stamp.rev, 1);
	assert_string_equal(mine.provider_name, "Gminny Ośrodek Pomocy Społecznej");

	kz_db_set_user(t->db, "mnowak");
	kz_str_set(&theirs.cost, "bezpłatnie");
	assert_int_equal(kz_service_save(t->db, &theirs, &err), KZ_OK);
	assert_int_equal(theirs.stamp.rev, 2);

	kz_db_set_user(t->db, "akowalska");
	kz_str_set(&mine.hours, "pn-pt 8-16");
	assert_int_equal(kz_service_save(t->db, &mine, &err), KZ_CONFLICT);
	assert_non_null(strstr(err.msg, "mnowak"));
	assert_non_null(strstr(err.msg, "Cost: \"bezpłatnie\""));
	assert_non_null(strstr(err.msg, "Opening hours: (empty)"));

	kz_service_clear(&theirs);
	assert_int_equal(kz_service_get(t->db, sid, &theirs, &err), KZ_OK);
	assert_string_equal(theirs.cost, "bezpłatnie");
	assert_null(theirs.hours);
	kz_service_clear(&theirs);
	kz_service_clear(&mine);
}

static void test_verify_archive_and_stale(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_service s = { 0 };
	struct kz_rows rows;
	char pid[KZ_ID_LEN + 1], sid[KZ_ID_LEN + 1];

	setenv("KOSZYK_TODAY", "2026-11-23", 1);
	add_partner(t->db, "GOPS", NULL, pid);
	add_service(t->db, pid, "Świetlica środowiskowa", NULL, sid);
	assert_true(kz_service_is_stale(t->db, NULL, "active"));
	assert_true(kz_service_is_stale(t->db, "2026-05-01", "active"));
	assert_false(kz_service_is_stale(t->db, "2026-06-01", "active"));
	assert_false(kz_service_is_stale(t->db, NULL, "archived"));

	assert_int_equal(kz_service_verify(t->db, sid, 0, &err), KZ_OK);
	assert_int_equal(kz_service_get(t->db, sid, &s, &err), KZ_OK);
	assert_string_equal(s.verified_on, "2026-11-23");
	assert_string_equal(s.verified_by, "tester");
	assert_int_equal(kz_service_archive(t->db, sid, 1, &err), KZ_CONFLICT);
	assert_int_equal(kz_service_archive(t->db, sid, s.stamp.rev, &err), KZ_OK);
	kz_service_clear(&s);

	assert_int_equal(kz_service_list(t->db, "swietlica", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 0);
	kz_rows_free(&rows);
	struct kz_service_filter all = { .status = "all" };
	assert_int_equal(kz_service_list(t->db, "swietlica", &all, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	assert_true(rows.v[0].archived);
	kz_rows_free(&rows);
	unsetenv("KOSZYK_TODAY");
}

static void test_search_folds_and_ranks(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows;
	char pid[KZ_ID_LEN + 1];

	add_partner(t->db, "Urząd Gminy", NULL, pid);
	add_service(t->db, pid, "Opieka dzienna", "Dzieci do lat 3 w żłobku lub u dziennego opiekuna", NULL);
	add_service(t->db, pid, "Żłobek Gminny „Pod Brzozą”", "Opieka nad dziećmi", NULL);
	add_service(t->db, pid, "Pomoc psychologiczna dla dorosłych", "Konsultacje", NULL);
	add_service(t->db, pid, "Porady prawne", "Pomoc prawna i psychologiczna w Łodzi", NULL);
	add_service(t->db, pid, "Dowóz do szpitala w Łodzi", NULL, NULL);
	add_service(t->db, pid, "Asystent, pomoc psychologiczna w domu", NULL, NULL);

	assert_int_equal(kz_service_list(t->db, "zlobek", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	assert_string_equal(rows.v[0].title, "Żłobek Gminny „Pod Brzozą”");
	kz_rows_free(&rows);

	/* "zlob" is a prefix of "zlobku" too: the title match comes first */
	assert_int_equal(kz_service_list(t->db, "ŻŁOB", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "Żłobek Gminny „Pod Brzozą”");
	assert_string_equal(rows.v[1].title, "Opieka dzienna");
	kz_rows_free(&rows);

	/* title begins with the query, then other title matches, then the
	 * rest, alphabetical within each */
	assert_int_equal(kz_service_list(t->db, "pomoc psych", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 3);
	assert_string_equal(rows.v[0].title, "Pomoc psychologiczna dla dorosłych");
	assert_string_equal(rows.v[1].title, "Asystent, pomoc psychologiczna w domu");
	assert_string_equal(rows.v[2].title, "Porady prawne");
	kz_rows_free(&rows);

	assert_int_equal(kz_service_list(t->db, "lodz", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	kz_rows_free(&rows);

	/* every word must match */
	assert_int_equal(kz_service_list(t->db, "pomoc zlobek", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 0);
	kz_rows_free(&rows);

	/* a limit keeps the total */
	assert_int_equal(kz_service_list(t->db, NULL, NULL, 2, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_true(rows.more);
	assert_string_equal(rows.v[0].title, "Asystent, pomoc psychologiczna w domu");
	kz_rows_free(&rows);
}

/* A service is found by its provider's name and short name, also after
 * the partner is renamed (issue 12: "poradnia psych" found nothing). */
static void test_search_finds_provider(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_partner p = { 0 };
	struct kz_rows rows;
	char pid[KZ_ID_LEN + 1];

	add_partner(t->db, "Poradnia Psychologiczno-Pedagogiczna", "PPP Wierzbnik", pid);
	add_service(t->db, pid, "Wczesne wspomaganie rozwoju dziecka", NULL, NULL);
	assert_int_equal(kz_service_list(t->db, "poradnia psych", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	assert_string_equal(rows.v[0].title, "Wczesne wspomaganie rozwoju dziecka");
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "ppp", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	kz_rows_free(&rows);

	/* Renamed: the new name finds the service, the old one no more. */
	assert_int_equal(kz_partner_get(t->db, pid, &p, &err), KZ_OK);
	kz_str_set(&p.name, "Centrum Wsparcia Rodziny");
	kz_str_set(&p.short_name, "CWR");
	assert_int_equal(kz_partner_save(t->db, &p, &err), KZ_OK);
	kz_partner_clear(&p);
	assert_int_equal(kz_service_list(t->db, "centrum wsparcia", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "poradnia psych", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 0);
	kz_rows_free(&rows);
}

/* The index marks a title's first word (migration 22): the titles that
 * begin with a word come first as with FTS5's ^, for words FTS5 cuts in
 * two or leaves empty too, and the mark typed in a text or a query is a
 * space like any other punctuation. */
static void test_search_title_start(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows;
	char pid[KZ_ID_LEN + 1];

	add_partner(t->db, "Urząd Gminy", NULL, pid);
	add_service(t->db, pid, "Kurs a€b", NULL, NULL);
	add_service(t->db, pid, "a€b kurs", NULL, NULL);
	add_service(t->db, pid, "Dodatek €100", NULL, NULL);
	add_service(t->db, pid, "€100 dodatku", NULL, NULL);
	add_service(t->db, pid, "Test \xc7\x82pomoc", "pomoc", NULL);
	add_service(t->db, pid, "\xc7\x82pomoc test", NULL, NULL);

	assert_int_equal(kz_service_list(t->db, "a€b", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "a€b kurs");
	assert_string_equal(rows.v[1].title, "Kurs a€b");
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "€10", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "€100 dodatku");
	assert_string_equal(rows.v[1].title, "Dodatek €100");
	kz_rows_free(&rows);
	/* "☀" is no word to FTS5: the titles holding "kurs", in order */
	assert_int_equal(kz_service_list(t->db, "☀ kurs", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "a€b kurs");
	assert_string_equal(rows.v[1].title, "Kurs a€b");
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "\xc7\x82pomoc", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "\xc7\x82pomoc test");
	assert_string_equal(rows.v[1].title, "Test \xc7\x82pomoc");
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "\xc7\x82", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 6);  /* no word: the whole list */
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "test", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "Test \xc7\x82pomoc");  /* title begins with it */
	kz_rows_free(&rows);
	/* The mark of a title's words (U+01C1) is a separator in a title
	 * and in a query; a word is found in the title before the text */
	add_service(t->db, pid, "Kurs\xc7\x81rodzinny", NULL, NULL);
	add_service(t->db, pid, "Dodatek", "rodzinny", NULL);
	assert_int_equal(kz_service_list(t->db, "\xc7\x81rodz", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "Kurs\xc7\x81rodzinny");
	assert_string_equal(rows.v[1].title, "Dodatek");
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "kurs rodz", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	kz_rows_free(&rows);
}

static void test_search_text_is_data(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows;
	struct kz_hits hits;
	char pid[KZ_ID_LEN + 1];
	static const char *const nasty[] = {
		"\"", "'", "*", "\"zlob", "NEAR(a b)", "-", "a OR b", "title:x",
		"'; DROP TABLE services; --", "^", "(", ")", "{title}: x", "😀",
		"\xff\xfe", "AND", "NOT", "a AND", "%", "_", "\\",
	};

	add_partner(t->db, "Urząd Gminy", NULL, pid);
	add_service(t->db, pid, "Żłobek", NULL, NULL);
	for (size_t i = 0; i < sizeof(nasty) / sizeof(nasty[0]); i++) {
		assert_int_equal(kz_service_list(t->db, nasty[i], NULL, 0, &rows, &err), KZ_OK);
		kz_rows_free(&rows);
		assert_int_equal(kz_search(t->db, nasty[i], 10, &hits, &err), KZ_OK);
		kz_hits_free(&hits);
	}
	assert_int_equal(kz_service_list(t->db, "\"zlob", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 1);
	kz_rows_free(&rows);
	assert_int_equal(kz_service_list(t->db, "'; DROP TABLE services; --", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 0);
	kz_rows_free(&rows);
}

static void test_global_search_groups_kinds(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_contact c = { 0 };
	struct kz_hits hits;
	char pid[KZ_ID_LEN + 1];

	add_partner(t->db, "Stowarzyszenie Łączy Nas", "ŁN", pid);
	add_service(t->db, pid, "Łączymy pokolenia", NULL, NULL);
	c.partner_id = xstrdup(pid);
	c.name = xstrdup("Łucja Łączyńska");
	c.phone = xstrdup("500 000 123");
	assert_int_equal(kz_contact_save(t->db, &c, &err), KZ_OK);
	kz_contact_clear(&c);

	assert_int_equal(kz_search(t->db, "lacz", 10, &hits, &err), KZ_OK);
	assert_int_equal(hits.n, 3);
	assert_int_equal(hits.v[0].kind, KZ_KIND_SERVICE);
	assert_int_equal(hits.v[1].kind, KZ_KIND_PARTNER);
	assert_int_equal(hits.v[2].kind, KZ_KIND_CONTACT);
	assert_string_equal(hits.v[2].title, "Łucja Łączyńska");
	assert_non_null(strstr(hits.v[2].detail, "500 000 123"));
	kz_hits_free(&hits);

	char cid[KZ_ID_LEN + 1];
	assert_int_equal(kz_contact_find_by_name(t->db, pid, "lucja LACZYNSKA", cid, &err), KZ_OK);
	char found[KZ_ID_LEN + 1];
	assert_int_equal(kz_partner_find_by_name(t->db, "łn", found, &err), KZ_OK);
	assert_string_equal(found, pid);
	assert_int_equal(kz_partner_find_by_name(t->db, "Nikt", found, &err), KZ_NOT_FOUND);
}

static void test_transaction_rolls_back_everything(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_db_counts c;
	char pid[KZ_ID_LEN + 1];

	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	add_partner(t->db, "Parafia", NULL, pid);
	add_service(t->db, pid, "Paczki żywnościowe", NULL, NULL);
	kz_db_rollback(t->db);
	assert_int_equal(kz_db_counts(t->db, &c, &err), KZ_OK);
	assert_int_equal(c.partners, 0);
	assert_int_equal(c.services, 0);
	assert_int_equal(c.audit, 0);
}

static void test_audit_and_check(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_db_counts c;
	char *report = NULL;
	char pid[KZ_ID_LEN + 1], sid[KZ_ID_LEN + 1];

	add_partner(t->db, "PUP", NULL, pid);
	add_service(t->db, pid, "Staż zawodowy", NULL, sid);
	assert_int_equal(kz_service_verify(t->db, sid, 0, &err), KZ_OK);
	assert_int_equal(kz_db_counts(t->db, &c, &err), KZ_OK);
	assert_int_equal(c.audit, 3);
	assert_int_equal(kz_db_check(t->db, &report, &err), KZ_OK);
	assert_string_equal(report, "");
	free(report);
}

/* Issue 12 (friction): a service added by a person is verified by that
 * person on that day; data brought in as it is (an import, the demo)
 * keeps what it says, "never" included. */
static void test_new_service_is_verified(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_service s = { 0 };
	char pid[KZ_ID_LEN + 1], sid[KZ_ID_LEN + 1];

	setenv("KOSZYK_TODAY", "2026-11-23", 1);
	add_partner(t->db, "GOPS", NULL, pid);
	add_service(t->db, pid, "Świetlica środowiskowa", NULL, sid);
	assert_int_equal(kz_service_get(t->db, sid, &s, &err), KZ_OK);
	assert_non_null(s.verified_on);
	assert_string_equal(s.verified_on, "2026-11-23");
	assert_string_equal(s.verified_by, "tester");
	/* an edit keeps the date */
	setenv("KOSZYK_TODAY", "2026-12-01", 1);
	kz_str_set(&s.hours, "8-16");
	assert_int_equal(kz_service_save(t->db, &s, &err), KZ_OK);
	assert_string_equal(s.verified_on, "2026-11-23");
	kz_service_clear(&s);

	/* as it is: no verification */
	s.title = xstrdup("Klub seniora");
	s.provider_id = xstrdup(pid);
	assert_int_equal(kz_service_insert_with_id(t->db, &s, &err), KZ_OK);
	memcpy(sid, s.id, sizeof(sid));
	kz_service_clear(&s);
	assert_int_equal(kz_service_get(t->db, sid, &s, &err), KZ_OK);
	assert_null(s.verified_on);
	assert_null(s.verified_by);
	kz_service_clear(&s);
	unsetenv("KOSZYK_TODAY");
}

/* Issue 12 (friction): every list sorts in Polish alphabetical order (Ł
 * after L, Ś after S), people by surname. */
static void test_polish_order(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows;
	char pid[KZ_ID_LEN + 1];
	const char *titles[] = { "Śniadania", "Szachy", "Łucznictwo", "Logopeda", "Zumba",
				 "Żłobek", "Źródełko", "Ćwiczenia", "Czytanie", "Ogród", "Ósemka" };
	const char *want[] = { "Czytanie", "Ćwiczenia", "Logopeda", "Łucznictwo", "Ogród",
			       "Ósemka", "Szachy", "Śniadania", "Zumba", "Źródełko", "Żłobek" };
	const char *people[] = { "Zofia Śliwa", "Anna Szymańska", "Łukasz Lis", "Marek Łoś",
				 "Beata Lis", "Jan Kowalski" };
	const char *want_people[] = { "Jan Kowalski", "Beata Lis", "Łukasz Lis", "Marek Łoś",
				      "Anna Szymańska", "Zofia Śliwa" };

	add_partner(t->db, "GOPS", NULL, pid);
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		add_service(t->db, pid, titles[i], NULL, NULL);
	assert_int_equal(kz_service_list(t->db, NULL, NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < rows.n; i++)
		assert_string_equal(rows.v[i].title, want[i]);
	kz_rows_free(&rows);
	/* a search keeps the order within a tier */
	assert_int_equal(kz_service_list(t->db, "s", NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].title, "Szachy");
	assert_string_equal(rows.v[1].title, "Śniadania");
	kz_rows_free(&rows);

	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++) {
		struct kz_contact c = { 0 };
		c.partner_id = xstrdup(pid);
		c.name = xstrdup(people[i]);
		assert_int_equal(kz_contact_save(t->db, &c, &err), KZ_OK);
		kz_contact_clear(&c);
	}
	assert_int_equal(kz_contact_list(t->db, NULL, NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, sizeof(want_people) / sizeof(want_people[0]));
	for (size_t i = 0; i < rows.n; i++)
		assert_string_equal(rows.v[i].title, want_people[i]);
	kz_rows_free(&rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_is_private_and_wal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_koszyk_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_validates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revision_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verify_archive_and_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_folds_and_ranks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_finds_provider, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_title_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_text_is_data, setup, teardown),
		cmocka_unit_test_setup_teardown(test_global_search_groups_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transaction_rolls_back_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_and_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_service_is_verified, setup, teardown),
		cmocka_unit_test_setup_teardown(test_polish_order, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
