/* Issue 14, instant lists: the stored Polish order (search_doc.pl_key,
 * kz_collate_key) sorts exactly as the collation KZ_PL; a list is read a
 * page at a time; a query matching many records, walked in that order
 * and tested record by record, gives the same rows as looking every
 * match up; a database of schema 15 gains the order and lists as before. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/collate.h"
#include "koszyk/kinds.h"
#include "koszyk/search.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

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

/* Polish letters, case, texts the collator finds equal, prefixes. */
static const char *const names[] = {
	"Żłobek", "żłobek", "Źródło", "źródło", "Zupa", "zupa", "Łódź", "łódź",
	"Lody", "lody", "Śniadanie", "śniadanie", "Szachy", "Sad", "Ślimak",
	"Ćma", "Czapla", "Cap", "Ąbc", "Abc", "abc", "ABC", "Ęcz", "Ezop",
	"Ńa", "Nowak", "Óstry", "Osa", "Ostry", "Ż", "Z", "", "a spacja", "1 maja",
	"„Cudzysłów”", "e\xcc\x81tude", "\xc3\xa9tude", "Łukasz Lis", "Łukasz",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

static int key_order(const char *a, const char *b)
{
	size_t alen, blen;
	unsigned char *ka = kz_collate_key(a, strlen(a), &alen);
	unsigned char *kb = kz_collate_key(b, strlen(b), &blen);
	int c = memcmp(ka, kb, alen < blen ? alen : blen);

	if (!c)
		c = (alen > blen) - (alen < blen);
	free(ka);
	free(kb);
	return (c > 0) - (c < 0);
}

/* For every pair, the keys' bytes order as kz_collate_n does. */
static void test_key_order_is_the_collation(void **state)
{
	(void)state;
	for (size_t i = 0; i < NNAMES; i++)
		for (size_t j = 0; j < NNAMES; j++) {
			int want = kz_collate(names[i], names[j]);
			want = (want > 0) - (want < 0);
			if (key_order(names[i], names[j]) != want)
				fail_msg("%s vs %s: key %d, collation %d", names[i], names[j],
					 key_order(names[i], names[j]), want);
		}
	assert_true(key_order("Lody", "Łódź") < 0);
	assert_true(key_order("Sad", "Śniadanie") < 0);
	assert_true(key_order("Szachy", "Śniadanie") < 0);
	assert_true(key_order("Zupa", "Źródło") < 0);
	assert_true(key_order("Źródło", "Żłobek") < 0);
	assert_true(key_order("żłobek", "Żłobek") < 0);
}

static void add_partner(struct kz_db *db, const char *name, char *id)
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup(name);
	assert_int_equal(kz_partner_save(db, &p, &err), KZ_OK);
	if (id)
		memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
}

static void add_service_as(struct kz_db *db, const char *pid, const char *title,
			   const char *description, const char *status)
{
	struct kz_service s = { 0 };
	struct kz_error err = { 0 };

	s.title = xstrdup(title);
	s.description = xstrdup_or_null(description);
	s.provider_id = xstrdup(pid);
	s.status = xstrdup_or_null(status);
	assert_int_equal(kz_service_save(db, &s, &err), KZ_OK);
	kz_service_clear(&s);
}

static void add_service(struct kz_db *db, const char *pid, const char *title,
			const char *description)
{
	add_service_as(db, pid, title, description, NULL);
}

/* Every service of names[] (not the empty one: a title is required). */
static void add_named(struct kz_db *db, char *pid)
{
	add_partner(db, "GOPS", pid);
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i][0])
			add_service(db, pid, names[i], NULL);
}

static int by_collation(const void *a, const void *b)
{
	return kz_collate(*(char *const *)a, *(char *const *)b);
}

/* The list walks the stored order; sorting the titles with the collation
 * gives the same order (equal titles keep the order they were added in). */
static void test_list_order_is_the_collation(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows;
	char pid[KZ_ID_LEN + 1];
	const char *want[NNAMES];
	size_t n = 0;

	add_named(t->db, pid);
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i][0])
			want[n++] = names[i];
	qsort(want, n, sizeof(*want), by_collation);
	assert_int_equal(kz_service_list(t->db, NULL, NULL, 0, &rows, &err), KZ_OK);
	assert_int_equal(rows.n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(rows.v[i].title, want[i]);
	kz_rows_free(&rows);
	/* every record has its place */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_doc"
				       " WHERE pl_key IS NULL AND kind <> 'case'", NULL), 0);
}

/* The titles of a list, joined by "|". */
static char *titles(const struct kz_rows *rows, size_t from, size_t to)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = from; i < to && i < rows->n; i++) {
		kz_buf_puts(&b, rows->v[i].title);
		kz_buf_putc(&b, '|');
	}
	return kz_buf_detach(&b);
}

static void assert_page_of(struct kz_db *db, const char *query, size_t limit)
{
	struct kz_error err = { 0 };
	struct kz_rows all, page;
	char *a, *p;

	assert_int_equal(kz_service_list(db, query, NULL, 0, &all, &err), KZ_OK);
	assert_int_equal(kz_service_list(db, query, NULL, limit, &page, &err), KZ_OK);
	assert_int_equal(page.n, all.n < limit ? all.n : limit);
	assert_int_equal(page.more, all.n > limit);
	a = titles(&all, 0, limit);
	p = titles(&page, 0, limit);
	if (strcmp(a, p) != 0)
		fail_msg("query %s, first %zu: paged %s, whole %s", query ? query : "(none)",
			 limit, p, a);
	free(a);
	free(p);
	kz_rows_free(&all);
	kz_rows_free(&page);
}

/* Read in steps of step rows (kz_service_list_more) gives the same
 * list as read whole, for the stale list too (read anew each time). */
static void assert_steps_of(struct kz_db *db, const char *query, bool stale, size_t step)
{
	struct kz_error err = { 0 };
	struct kz_service_filter f = { .stale_only = stale };
	struct kz_rows all, steps;
	char *a, *p;

	assert_int_equal(kz_service_list(db, query, &f, 0, &all, &err), KZ_OK);
	assert_int_equal(kz_service_list(db, query, &f, step, &steps, &err), KZ_OK);
	for (size_t reads = 1; steps.more; reads++) {
		size_t before = steps.n;
		assert_int_equal(kz_service_list_more(db, query, &f, step, &steps, &err), KZ_OK);
		assert_true(steps.n > before && steps.n <= before + step);
		assert_true(reads < all.n + 2);
	}
	a = titles(&all, 0, all.n);
	p = titles(&steps, 0, steps.n);
	if (strcmp(a, p) != 0)
		fail_msg("query %s, steps of %zu%s: %s, whole %s", query ? query : "(none)",
			 step, stale ? " (stale)" : "", p, a);
	free(a);
	free(p);
	kz_rows_free(&all);
	kz_rows_free(&steps);
}

/* A first page, the next (a longer read), the count apart. */
static void test_pages(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows first, two;
	char pid[KZ_ID_LEN + 1];
	size_t count;

	add_named(t->db, pid);
	assert_int_equal(kz_service_list(t->db, NULL, NULL, 10, &first, &err), KZ_OK);
	assert_int_equal(first.n, 10);
	assert_true(first.more);
	assert_int_equal(kz_service_list(t->db, NULL, NULL, 20, &two, &err), KZ_OK);
	assert_int_equal(two.n, 20);
	assert_true(two.more);
	for (size_t i = 0; i < first.n; i++)
		assert_string_equal(first.v[i].id, two.v[i].id);
	kz_rows_free(&first);
	kz_rows_free(&two);
	assert_int_equal(kz_service_list(t->db, NULL, NULL, NNAMES, &first, &err), KZ_OK);
	assert_int_equal(first.n, NNAMES - 1);
	assert_false(first.more);
	kz_rows_free(&first);
	assert_int_equal(kz_service_count(t->db, NULL, &count, &err), KZ_OK);
	assert_int_equal(count, NNAMES - 1);
	for (size_t limit = 1; limit < NNAMES; limit += 7) {
		assert_page_of(t->db, NULL, limit);
		assert_page_of(t->db, "z", limit);
		assert_page_of(t->db, "lod", limit);
	}
}

/* The basket's total (counted in the status index, not by reading every
 * service) is the number of rows its list holds, for every status scope,
 * and agrees with the count under a filter that reads the services. */
static void test_count_by_status(void **state)
{
	static const char *const statuses[] = { "active", "suspended", "archived" };
	static const char *const scopes[] = { NULL, "all", "active", "suspended", "archived" };
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];

	add_partner(t->db, "GOPS", pid);
	for (size_t i = 0; i < 23; i++) {
		char title[32];
		snprintf(title, sizeof(title), "Usługa %zu", i);
		add_service_as(t->db, pid, title, NULL, statuses[i % 3 == 2 ? 2 : i % 5 == 1]);
	}
	for (int round = 0; round < 3; round++) {
	/* then after changes of status and a removal (the counts are kept
	 * by triggers) */
	if (round == 1)
		assert_int_equal(sqlite3_exec(kz_db_handle(t->db),
			"UPDATE services SET status = 'archived' WHERE title IN"
			" ('Usługa 0', 'Usługa 1', 'Usługa 3');"
			" UPDATE services SET status = 'suspended' WHERE title = 'Usługa 2';"
			" UPDATE services SET title = 'x' || title WHERE title = 'Usługa 4'",
			NULL, NULL, NULL), SQLITE_OK);
	if (round == 2)
		assert_int_equal(sqlite3_exec(kz_db_handle(t->db),
			"DELETE FROM services WHERE title IN ('Usługa 5', 'Usługa 8')",
			NULL, NULL, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++) {
		struct kz_service_filter f = { .status = scopes[i] };
		struct kz_service_filter by_provider = { .status = scopes[i], .provider_id = pid };
		struct kz_rows rows;
		size_t fast, read;

		assert_int_equal(kz_service_list(t->db, NULL, &f, 0, &rows, &err), KZ_OK);
		assert_int_equal(kz_service_count(t->db, &f, &fast, &err), KZ_OK);
		assert_int_equal(kz_service_count(t->db, &by_provider, &read, &err), KZ_OK);
		if (fast != rows.n || read != rows.n)
			fail_msg("status %s: counted %zu, by provider %zu, listed %zu",
				 scopes[i] ? scopes[i] : "(none)", fast, read, rows.n);
		/* every scope holds some and leaves some out */
		assert_true(rows.n > 0);
		assert_true(rows.n < 23 || (scopes[i] && strcmp(scopes[i], "all") == 0));
		kz_rows_free(&rows);
	}
	}
	char *report = NULL;
	struct kz_error cerr = { 0 };
	assert_int_equal(kz_db_check(t->db, &report, &cerr), KZ_OK);
	free(report);
	/* and the check finds counts that went astray */
	assert_int_equal(sqlite3_exec(kz_db_handle(t->db),
		"UPDATE service_counts SET n = n + 1 WHERE status = 'active'",
		NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(kz_db_check(t->db, &report, &cerr), KZ_OK);
	assert_non_null(strstr(report, "counts of services"));
	free(report);
}

static const char *const words[] = {
	"pomoc", "psychologiczna", "żłobek", "świetlica", "terapia", "rodzina",
	"porada", "prawna", "posiłek", "zajęcia", "zawodowy", "łódź", "lody",
	"źródło", "zupa", "Zdrowie", "PORADNIA", "seniorzy", "młodzież",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

/* Many services, so that broad queries walk the index and test each
 * record, while the whole list (no limit) looks every match up: the
 * first rows must be the same, tier by tier. */
static void test_walk_equals_pick(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	unsigned seed = 7;
	static const char *const queries[] = {
		"p", "po", "pomoc", "pomoc p", "z", "zl", "zr", "lod", "l", "s", "r",
		"PORAD", "zajecia zu", "ps po", "o",
	};

	add_partner(t->db, "Poradnia Zdrowia", pid);
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	for (int i = 0; i < 1500; i++) {
		char title[256], body[256];
		snprintf(title, sizeof(title), "%s %s %s", words[rand_r(&seed) % NWORDS],
			 words[rand_r(&seed) % NWORDS], words[rand_r(&seed) % NWORDS]);
		snprintf(body, sizeof(body), "%s %s", words[rand_r(&seed) % NWORDS],
			 words[rand_r(&seed) % NWORDS]);
		add_service(t->db, pid, title, body);
	}
	assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++)
		for (size_t limit = 1; limit <= 61; limit += 15)
			assert_page_of(t->db, queries[q], limit);
	/* the global lookup: the first 20 of each kind, the same way */
	struct kz_hits few, many;
	assert_int_equal(kz_search(t->db, "p", 3, &few, &err), KZ_OK);
	assert_int_equal(kz_search(t->db, "p", 2000, &many, &err), KZ_OK);
	assert_true(few.n >= 3);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(few.v[i].id, many.v[i].id);
	kz_hits_free(&few);
	kz_hits_free(&many);
}

/* A database of schema 15 (no stored order) gains it when opened and
 * lists in the same order. */
static void test_schema_15_migrates(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows before, after;
	char pid[KZ_ID_LEN + 1];
	sqlite3 *h;
	char *a, *b;

	add_named(t->db, pid);
	add_partner(t->db, "Łącznik", NULL);
	add_partner(t->db, "Lato", NULL);
	assert_int_equal(kz_service_list(t->db, NULL, NULL, 0, &before, &err), KZ_OK);
	test_db_close_keep(t);
	assert_int_equal(sqlite3_open(t->path, &h), SQLITE_OK);
	/* Migration 20 took lead1 and lead2 away again; its triggers read
	 * pl_key (migration 16 makes the search triggers anew). */
	static const char *const tables[] = { "services", "partners", "contacts", "meetings", "cases" };
	for (size_t i = 0; i < 5; i++) {
		char *sql = sqlite3_mprintf("DROP TRIGGER %s_search_ai; DROP TRIGGER %s_search_au;"
					    " DROP TRIGGER %s_search_mv; DROP TRIGGER %s_search_ad;",
					    tables[i], tables[i], tables[i], tables[i]);
		assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
		sqlite3_free(sql);
	}
	assert_int_equal(sqlite3_exec(h, "DROP INDEX search_doc_pl;"
				      " ALTER TABLE search_doc DROP COLUMN pl_key;"
				      " DROP TABLE sync_horizon;"
				      " ALTER TABLE sync_peer DROP COLUMN retired;"
				      " ALTER TABLE sync_peer DROP COLUMN floor;"
				      " PRAGMA user_version = 15", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(kz_db_open(t->path, KZ_OPEN_EXISTING, &t->db, &err), KZ_OK);
	kz_db_set_principal(t->db, "test", KZ_ROLE_COORDINATOR);
	assert_int_equal(test_db_count(t->db, "PRAGMA user_version", NULL), kz_db_schema_version());
	assert_int_equal(kz_service_list(t->db, NULL, NULL, 0, &after, &err), KZ_OK);
	a = titles(&before, 0, before.n);
	b = titles(&after, 0, after.n);
	assert_string_equal(a, b);
	free(a);
	free(b);
	kz_rows_free(&before);
	kz_rows_free(&after);
	assert_int_equal(kz_partner_list(t->db, NULL, NULL, 0, &after, &err), KZ_OK);
	a = titles(&after, 0, after.n);
	assert_string_equal(a, "GOPS|Lato|Łącznik|");
	free(a);
	kz_rows_free(&after);
	/* and new records are placed by the triggers made anew */
	add_service(t->db, pid, "Ćwiczenia", NULL);
	assert_int_equal(kz_service_list(t->db, "cw", NULL, 0, &after, &err), KZ_OK);
	assert_int_equal(after.n, 1);
	kz_rows_free(&after);
	assert_page_of(t->db, NULL, 5);
}

/* Titles added between two records whose docids leave no room between
 * them (made so here by moving one beside the other) go to the overflow
 * (doc_order.c). While they are there,
 * in the open transaction, the lists still show every record in its
 * place; the commit spreads them out, and after it no document is left
 * in the overflow and the order is the same. */
static void test_overflow_placed_at_commit(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	struct kz_buf want = KZ_BUF_INIT;
	struct kz_rows rows;
	char *got;
	const char *overflow = "SELECT count(*) FROM search_doc"
			       " WHERE docid - ((docid >> 60) << 60) >= (1 << 59)";

	add_partner(t->db, "GOPS", pid);
	add_service(t->db, pid, "Alfa", NULL);
	add_service(t->db, pid, "Omega", NULL);
	/* Omega's docid two after Alfa's, through a second connection. */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(t->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
		"CREATE TEMP TABLE m AS SELECT"
		" (SELECT d.docid FROM search_doc d JOIN services s ON s.id = d.ref WHERE s.title = 'Omega') AS old,"
		" (SELECT d.docid FROM search_doc d JOIN services s ON s.id = d.ref WHERE s.title = 'Alfa') + 2 AS new;"
		"INSERT INTO search_fts(rowid, title, body) SELECT m.new, f.title, f.body"
		" FROM search_fts f, m WHERE f.rowid = m.old;"
		"DELETE FROM search_fts WHERE rowid = (SELECT old FROM m);"
		"UPDATE search_doc SET docid = (SELECT new FROM m) WHERE docid = (SELECT old FROM m);",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	kz_buf_puts(&want, "Alfa|");
	for (int i = 1; i <= 80; i++) {
		char title[32];
		snprintf(title, sizeof(title), "Beta %03d", i);
		add_service(t->db, pid, title, "pomoc");
		kz_buf_printf(&want, "%s|", title);
	}
	kz_buf_puts(&want, "Omega|");
	assert_true(test_db_count(t->db, overflow, NULL) > 0);
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(kz_service_list(t->db, NULL, NULL, 0, &rows, &err), KZ_OK);
		got = titles(&rows, 0, rows.n);
		assert_string_equal(got, want.data);
		free(got);
		kz_rows_free(&rows);
		/* "beta" matches the titles, "pomoc" the descriptions only */
		assert_int_equal(kz_service_list(t->db, "beta", NULL, 0, &rows, &err), KZ_OK);
		got = titles(&rows, 0, rows.n);
		assert_memory_equal(got, want.data + strlen("Alfa|"), strlen(got));
		assert_int_equal(strlen(got), want.len - strlen("Alfa|Omega|"));
		free(got);
		kz_rows_free(&rows);
		assert_int_equal(kz_service_list(t->db, "pomoc", NULL, 5, &rows, &err), KZ_OK);
		got = titles(&rows, 0, rows.n);
		assert_string_equal(got, "Beta 001|Beta 002|Beta 003|Beta 004|Beta 005|");
		free(got);
		kz_rows_free(&rows);
		assert_steps_of(t->db, "beta", false, 7);
		assert_steps_of(t->db, NULL, false, 9);
		/* a page of the placed records and those in the overflow,
		 * merged, is the page of the whole list */
		for (size_t limit = 1; limit <= 81; limit += 20) {
			assert_page_of(t->db, "beta", limit);
			assert_page_of(t->db, "pomoc", limit);
			assert_page_of(t->db, "b", limit);
		}
		if (pass == 0)
			assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	}
	assert_int_equal(test_db_count(t->db, overflow, NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_fts", NULL), 83);
	kz_buf_free(&want);
}

/* The screen's next rows are read on from the last row read: the same
 * list as one reading, in every tier of a search and when browsing. */
static void test_read_on(void **state)
{
	struct test_db *t = *state;
	char pid[KZ_ID_LEN + 1];
	static const char *const queries[] = { NULL, "z", "lod", "a", "pomoc", "xyz" };

	add_named(t->db, pid);
	for (int i = 0; i < 30; i++) {
		char title[48];
		snprintf(title, sizeof(title), "Zajęcia %02d", 30 - i);
		add_service(t->db, pid, title, i % 2 ? "pomoc w Łodzi" : "zajęcia");
	}
	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++)
		for (size_t step = 1; step <= 13; step += 4) {
			assert_steps_of(t->db, queries[q], false, step);
			assert_steps_of(t->db, queries[q], true, step);
		}
}

/* An import's records wait for the search index until the commit, then
 * are numbered in list order between the records already there and go
 * into it in that order (migration 21, kz_doc_place_waiting): after it,
 * none waits, none is in the overflow, and lists and searches read them
 * in order, the earlier records among them. */
static void test_import_numbered_at_commit(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	struct kz_record_batch *b;
	size_t failed;
	unsigned seed = 7;

	add_named(t->db, pid);
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	b = kz_record_batch_new(t->db, KZ_KIND_SERVICE);
	for (int i = 0; i < 300; i++) {
		struct kz_service *s = kz_record_new(KZ_KIND_SERVICE);
		char title[48];
		snprintf(title, sizeof(title), "%s %03u", i % 3 ? "Zajęcia" : "Łaźnia",
			 rand_r(&seed) % 1000);
		s->title = xstrdup(title);
		s->description = xstrdup("pomoc sąsiedzka");
		s->provider_id = xstrdup(pid);
		assert_int_equal(kz_batch_add(b, s, &err), KZ_OK);
		if (kz_record_batch_full(b))
			assert_int_equal(kz_record_batch_flush(b, &failed, &err), KZ_OK);
	}
	assert_int_equal(kz_record_batch_flush(b, &failed, &err), KZ_OK);
	kz_record_batch_free(b);
	assert_true(test_db_count(t->db, "SELECT count(*) FROM search_pending", NULL) > 0);
	assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_pending", NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_doc"
				       " WHERE docid - ((docid >> 60) << 60) >= (1 << 59)", NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_fts", NULL),
			 test_db_count(t->db, "SELECT count(*) FROM search_doc", NULL));
	/* the index's order is the list's */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM (SELECT docid,"
		" lag(docid) OVER (ORDER BY pl_key, docid) AS prev FROM search_doc"
		" WHERE kind = 'service') WHERE prev > docid", NULL), 0);
	for (size_t limit = 1; limit < 60; limit += 11) {
		assert_page_of(t->db, "zaj", limit);
		assert_page_of(t->db, "laz", limit);
		assert_page_of(t->db, "pomoc", limit);
		assert_page_of(t->db, NULL, limit);
		assert_steps_of(t->db, "zaj", false, 7);
	}
}

/* Small writes leave the search index in pieces; kz_search_tidy (the
 * screens' work while nobody types) merges them into one, a few pages at
 * a time, and not inside a transaction; a bulk write leaves one piece.
 * The lists read the same throughout. */
static void save_services(struct kz_db *db, const char *pid, int n, unsigned *seed)
{
	struct kz_error err = { 0 };
	struct kz_record_batch *b = kz_record_batch_new(db, KZ_KIND_SERVICE);
	size_t failed;

	for (int i = 0; i < n; i++) {
		struct kz_service *s = kz_record_new(KZ_KIND_SERVICE);
		char title[48];
		snprintf(title, sizeof(title), "%s %03u", i % 3 ? "Zajęcia" : "Łaźnia",
			 rand_r(seed) % 1000);
		s->title = xstrdup(title);
		s->description = xstrdup("pomoc sąsiedzka");
		s->provider_id = xstrdup(pid);
		assert_int_equal(kz_batch_add(b, s, &err), KZ_OK);
		if (kz_record_batch_full(b))
			assert_int_equal(kz_record_batch_flush(b, &failed, &err), KZ_OK);
	}
	assert_int_equal(kz_record_batch_flush(b, &failed, &err), KZ_OK);
	kz_record_batch_free(b);
}

static void test_index_in_one_piece(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	unsigned seed = 11;
	bool more = true;
	int calls = 0;

	add_named(t->db, pid);
	for (int i = 0; i < 6; i++) {
		assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
		save_services(t->db, pid, 5, &seed);
		assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	}
	int pieces = kz_search_pieces(t->db);
	assert_true(pieces > 1);
	/* fewer pieces than asked for: nothing done */
	assert_int_equal(kz_search_tidy(t->db, 1, pieces + 1, &more, &err), KZ_OK);
	assert_false(more);
	assert_int_equal(kz_search_pieces(t->db), pieces);
	/* inside a transaction: nothing done */
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	assert_int_equal(kz_search_tidy(t->db, 1, 2, &more, &err), KZ_OK);
	assert_false(more);
	kz_db_rollback(t->db);
	assert_int_equal(kz_search_pieces(t->db), pieces);
	/* a page at a time until one piece */
	do {
		assert_int_equal(kz_search_tidy(t->db, 1, 2, &more, &err), KZ_OK);
		assert_page_of(t->db, "zaj", 7);
	} while (more && ++calls < 1000);
	assert_false(more);
	assert_int_equal(kz_search_pieces(t->db), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_fts", NULL),
			 test_db_count(t->db, "SELECT count(*) FROM search_doc", NULL));
	assert_page_of(t->db, "laz", 13);
	assert_page_of(t->db, NULL, 13);

	/* An import's worth in one transaction: one piece. */
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	save_services(t->db, pid, 1500, &seed);
	assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	assert_int_equal(kz_search_pieces(t->db), 1);
	assert_page_of(t->db, "zaj", 41);
	assert_page_of(t->db, "pomoc", 41);
}

/* The title column as schemas before 25 wrote it: the words of titles
 * not marked again after them. */
#define UNMARK_WORDS                                                            \
	"UPDATE search_fts SET title = substr(title, 1, instr(title, ' \xc7\x81') - 1)" \
	" WHERE instr(title, ' \xc7\x81') > 0;"

/* The title column as schemas before 26 wrote it: the marks without
 * their kind's (the digit of the docid's range). */
#define NO_KIND_MARKS                                                           \
	"UPDATE search_fts SET title = replace(replace(title,"                 \
	" '\xc7\x82' || (rowid >> 60), '\xc7\x82'), '\xc7\x81' || (rowid >> 60), '\xc7\x81');"

/* The services whose title column is not what kz_fts_title makes. */
#define TITLES_NOT_MARKED                                                       \
	"SELECT count(*) FROM search_fts f JOIN search_doc d ON d.docid = f.rowid"    \
	" JOIN services s ON s.id = d.ref"                                       \
	" WHERE f.title IS NOT kz_fts_title('service', s.title)"

/* The database closed, made as an older schema left it by sql (which
 * sets user_version), and opened again: the migrations bring it up to
 * date. */
static void open_as_older(struct test_db *t, const char *sql)
{
	struct kz_error err = { 0 };
	sqlite3 *h;

	test_db_close_keep(t);
	assert_int_equal(sqlite3_open(t->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(kz_db_open(t->path, KZ_OPEN_EXISTING, &t->db, &err), KZ_OK);
	kz_db_set_principal(t->db, "test", KZ_ROLE_COORDINATOR);
	assert_int_equal(test_db_count(t->db, "PRAGMA user_version", NULL), kz_db_schema_version());
}

/* Migration 22 marks the first word of the titles a database of schema
 * 21 holds: the titles that begin with the query's first word come
 * first again, in one piece of index. */
static void test_schema_21_marks_titles(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_rows rows;
	char pid[KZ_ID_LEN + 1];
	unsigned seed = 5;

	add_named(t->db, pid);
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	save_services(t->db, pid, 40, &seed);
	assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	add_service(t->db, pid, "Pomoc w Łaźni", NULL);
	/* The titles as schema 21 kept them: folded, unmarked. */
	open_as_older(t, NO_KIND_MARKS UNMARK_WORDS "UPDATE search_fts SET title ="
		      " substr(title, instr(title, ' ') + 1) WHERE title LIKE '\xc7\x82%';"
		      " PRAGMA user_version = 21");
	assert_int_equal(test_db_count(t->db, TITLES_NOT_MARKED, NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_fts"
				       " WHERE title NOT LIKE '\xc7\x82%'", NULL), 0);
	assert_int_equal(kz_search_pieces(t->db), 1);
	/* "laz": the Łaźnia titles first, then the one holding it after */
	assert_int_equal(kz_service_list(t->db, "laz", NULL, 0, &rows, &err), KZ_OK);
	assert_true(rows.n > 2);
	assert_string_equal(rows.v[rows.n - 1].title, "Pomoc w Łaźni");
	assert_int_equal(strncmp(rows.v[0].title, "Łaźnia", strlen("Łaźnia")), 0);
	kz_rows_free(&rows);
	assert_page_of(t->db, "laz", 7);
	assert_page_of(t->db, "zaj", 7);
}

/* The titles a list of services shows for the query (allocated). */
static char *list_titles(struct kz_db *db, const char *query)
{
	struct kz_error err = { 0 };
	struct kz_rows rows;
	char *s;

	assert_int_equal(kz_service_list(db, query, NULL, 0, &rows, &err), KZ_OK);
	s = titles(&rows, 0, rows.n);
	kz_rows_free(&rows);
	return s;
}

/* Migration 25: an index of prefixes of up to 8 letters (schema 24) is
 * made again with prefixes of up to 20; the lists answer as before, in
 * one piece, and what is saved after it is found. */
static void test_schema_24_indexes_long_prefixes(void **state)
{
	static const char *const queries[] = { "psychologiczn", "psychologiczna", "pomoc psych",
					       "laz", "zajecia", "łaźnia 0" };
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	char *before[6];
	unsigned seed = 9;

	add_named(t->db, pid);
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	save_services(t->db, pid, 60, &seed);
	assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	add_service(t->db, pid, "Konsultacje psychologiczne", "pomoc psychologiczna dla rodzin");
	add_service(t->db, pid, "Grupa wsparcia", "z psychologiem");
	for (size_t i = 0; i < 6; i++)
		before[i] = list_titles(t->db, queries[i]);
	assert_non_null(strstr(before[0], "Konsultacje psychologiczne|"));
	open_as_older(t, NO_KIND_MARKS
		      "CREATE TABLE old_fts AS SELECT rowid AS id, title, body FROM search_fts;"
		      " DROP TABLE search_fts;"
		      " CREATE VIRTUAL TABLE search_fts USING fts5(title, body,"
		      " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8');"
		      " INSERT INTO search_fts(rowid, title, body) SELECT id, title, body FROM old_fts;"
		      " DROP TABLE old_fts; " UNMARK_WORDS "PRAGMA user_version = 24");
	assert_int_equal(test_db_count(t->db, TITLES_NOT_MARKED, NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_fts"
				       " WHERE title LIKE '%\xc7\x81%'", NULL),
			 test_db_count(t->db, "SELECT count(*) FROM search_doc", NULL));
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM sqlite_master WHERE"
				       " name = 'search_fts' AND sql LIKE '%8 9 10%19 20''%'", NULL), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM sqlite_master WHERE"
				       " name LIKE 'search_fts_2%'", NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_fts", NULL),
			 test_db_count(t->db, "SELECT count(*) FROM search_doc", NULL));
	assert_int_equal(kz_search_pieces(t->db), 1);
	for (size_t i = 0; i < 6; i++) {
		char *after = list_titles(t->db, queries[i]);
		assert_string_equal(before[i], after);
		free(after);
		free(before[i]);
	}
	/* The triggers write the new index. */
	add_service(t->db, pid, "Psychoterapia indywidualna", NULL);
	before[0] = list_titles(t->db, "psychoterapi");
	assert_string_equal(before[0], "Psychoterapia indywidualna|");
	free(before[0]);
}

/* The hits of a global lookup, one line each: kind, id, title. */
static char *hit_lines(struct kz_db *db, const char *query)
{
	struct kz_error err = { 0 };
	struct kz_hits hits;
	struct kz_buf b = KZ_BUF_INIT;

	assert_int_equal(kz_search(db, query, 7, &hits, &err), KZ_OK);
	for (size_t i = 0; i < hits.n; i++)
		kz_buf_printf(&b, "%d %s %s\n", (int)hits.v[i].kind, hits.v[i].id, hits.v[i].title);
	kz_hits_free(&hits);
	return kz_buf_detach(&b);
}

/* Migration 26: the marks of a schema 25's titles gain their kind's, so
 * that a lookup's tiers end with each kind's range; the lookups answer
 * as before, the index in one piece, and a partner saved after it is
 * found in its tier. */
static void test_schema_25_marks_kinds(void **state)
{
	static const char *const queries[] = { "r", "rodz", "p", "pomoc r", "gops", "ośrodek" };
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	char *before[6];
	unsigned seed = 13;

	add_named(t->db, pid);
	add_partner(t->db, "Ośrodek Pomocy Rodzinie", NULL);
	add_partner(t->db, "Rodzinny Dom Pomocy", NULL);
	add_partner(t->db, "Fundacja Razem", NULL);
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	save_services(t->db, pid, 40, &seed);
	assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	add_service(t->db, pid, "Rodzinna terapia", "pomoc rodzinie");
	for (size_t i = 0; i < 6; i++)
		before[i] = hit_lines(t->db, queries[i]);
	assert_non_null(strstr(before[0], "Rodzinny Dom Pomocy"));
	/* a partner whose name begins with r comes before one holding it */
	assert_true(strstr(before[1], "Rodzinny Dom") < strstr(before[1], "Pomocy Rodzinie"));
	open_as_older(t, NO_KIND_MARKS "PRAGMA user_version = 25");
	assert_int_equal(test_db_count(t->db, TITLES_NOT_MARKED, NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM search_fts"
				       " WHERE title LIKE '\xc7\x82' || (rowid >> 60) || '%'", NULL),
			 test_db_count(t->db, "SELECT count(*) FROM search_doc", NULL));
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM sqlite_master WHERE"
				       " name LIKE 'search_fts_2%'", NULL), 0);
	assert_int_equal(kz_search_pieces(t->db), 1);
	for (size_t i = 0; i < 6; i++) {
		char *after = hit_lines(t->db, queries[i]);
		assert_string_equal(before[i], after);
		free(after);
		free(before[i]);
	}
	/* The triggers mark a new partner's title with its kind. */
	add_partner(t->db, "Rada Seniorów", NULL);
	before[0] = hit_lines(t->db, "rad");
	assert_non_null(strstr(before[0], "Rada Seniorów"));
	free(before[0]);
}

/* A file of an older koszyk is migrated with a rollback journal when
 * nobody else has it open, and with the write-ahead log when another
 * connection has; either way it is brought up to date and left in WAL
 * mode. */
static void test_migration_journal(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	sqlite3 *h, *other;
	char *mode;

	add_named(t->db, pid);
	open_as_older(t, NO_KIND_MARKS "PRAGMA user_version = 25");
	assert_int_equal(test_db_count(t->db, TITLES_NOT_MARKED, NULL), 0);
	mode = test_db_text(t->db, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);

	test_db_close_keep(t);
	assert_int_equal(sqlite3_open(t->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, NO_KIND_MARKS "PRAGMA user_version = 25", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(sqlite3_open(t->path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM partners", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(kz_db_open(t->path, KZ_OPEN_EXISTING, &t->db, &err), KZ_OK);
	kz_db_set_principal(t->db, "test", KZ_ROLE_COORDINATOR);
	assert_int_equal(test_db_count(t->db, "PRAGMA user_version", NULL), kz_db_schema_version());
	assert_int_equal(test_db_count(t->db, TITLES_NOT_MARKED, NULL), 0);
	mode = test_db_text(t->db, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	sqlite3_close(other);
	assert_page_of(t->db, "zaj", 7);
}

/* Records added in their list's order, alike in their first words (case
 * codes, a list typed from A to Z), each after the last one and before
 * the first: none waits in the overflow, and the lists read them in
 * order. Each took a share of what was left of the range, and 59 in a
 * row had used it. */
static void test_in_order_leaves_room(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char pid[KZ_ID_LEN + 1];
	const char *overflow = "SELECT count(*) FROM search_doc"
			       " WHERE docid - ((docid >> 60) << 60) >= (1 << 59)";

	add_partner(t->db, "GOPS", pid);
	assert_int_equal(kz_db_begin(t->db, &err), KZ_OK);
	for (int i = 0; i < 600; i++) {
		char title[64];
		snprintf(title, sizeof(title), "Rejestr spraw rodzinnych %05d", 50000 + i);
		add_service(t->db, pid, title, NULL);
		snprintf(title, sizeof(title), "Rejestr spraw rodzinnych %05d", 49999 - i);
		add_service(t->db, pid, title, NULL);
	}
	assert_int_equal(test_db_count(t->db, overflow, NULL), 0);
	assert_int_equal(kz_db_commit(t->db, &err), KZ_OK);
	assert_page_of(t->db, "rejestr", 41);
	assert_page_of(t->db, NULL, 41);
	assert_steps_of(t->db, "spraw", false, 97);
}

static void assert_titles(struct kz_db *db, const char *query, const char *want)
{
	char *got = list_titles(db, query);

	assert_string_equal(got, want);
	free(got);
}

/* Rows an UPDATE of a service wrote, with what its triggers wrote. */
static long rows_written(struct kz_db *db, const char *set, const char *id)
{
	sqlite3 *h = kz_db_handle(db);
	sqlite3_int64 before = sqlite3_total_changes64(h);
	char *sql = xasprintf("UPDATE services SET %s WHERE id = ?1", set);
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	free(sql);
	return (long)(sqlite3_total_changes64(h) - before);
}

/* Migration 29: the search index is written when a column its text
 * reads changes, not at every UPDATE (sync writes a column, then rev,
 * then updated_at, each an UPDATE of its own). */
static void test_index_kept_by_searched_columns(void **state)
{
	struct test_db *t = *state;
	char pid[KZ_ID_LEN + 1], sid[KZ_ID_LEN + 1];
	struct kz_service s = { 0 };
	struct kz_error err = { 0 };

	add_partner(t->db, "GOPS", pid);
	s.title = xstrdup("Pomoc psychologiczna");
	s.description = xstrdup("dla rodzin");
	s.provider_id = xstrdup(pid);
	assert_int_equal(kz_service_save(t->db, &s, &err), KZ_OK);
	memcpy(sid, s.id, sizeof(sid));
	kz_service_clear(&s);

	assert_int_equal(rows_written(t->db, "hours = 'pon.-pt. 8-16'", sid), 1);
	assert_int_equal(rows_written(t->db, "rev = rev + 1", sid), 1);
	assert_int_equal(rows_written(t->db, "updated_at = '2026-12-06T10:00:00Z'", sid), 1);
	assert_titles(t->db, "psych", "Pomoc psychologiczna|");
	/* A column the text reads: the index row is written anew. */
	assert_true(rows_written(t->db, "description = 'terapia rodzinna'", sid) > 1);
	assert_titles(t->db, "terapia", "Pomoc psychologiczna|");
	assert_titles(t->db, "dla rodzin", "");
	/* The title: the record moves to its new place in the order. */
	assert_true(rows_written(t->db, "title = 'Asystent rodziny'", sid) > 1);
	assert_titles(t->db, "asyst", "Asystent rodziny|");
	assert_titles(t->db, "psych", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_order_is_the_collation),
		cmocka_unit_test_setup_teardown(test_list_order_is_the_collation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_count_by_status, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_equals_pick, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_15_migrates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overflow_placed_at_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_numbered_at_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_in_one_piece, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_21_marks_titles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_24_indexes_long_prefixes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_25_marks_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_journal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_in_order_leaves_room, setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_kept_by_searched_columns, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
