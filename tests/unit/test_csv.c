/* Unit tests of the RFC 4180 reader and writer (src/core/csv.c).
 * Expected output, rows and columns are written by hand from the inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "koszyk/buf.h"
#include "koszyk/csv.h"

static void assert_contains(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fail_msg("expected \"%s\" in \"%s\"", needle, haystack);
}

static void assert_prefix(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("expected \"%s\" to start with \"%s\"", s, prefix);
}

/* Read one record and check its fields. */
static void expect_record(struct kz_csv_reader *r, size_t row,
			  size_t nfields, const char *const *want)
{
	struct kz_error err = { 0 };
	char **f;
	size_t n;

	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_OK);
	assert_int_equal(kz_csv_row(r), row);
	assert_int_equal(n, nfields);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(f[i], want[i]);
}

static void expect_end(struct kz_csv_reader *r)
{
	struct kz_error err = { 0 };
	char **f;
	size_t n;

	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_NOT_FOUND);
	assert_int_equal(n, 0);
}

/* Read the whole input; the record at bad_row must fail with a message
 * starting with where. */
static void expect_error(const char *data, size_t len, size_t bad_row,
			 const char *where, const char *what)
{
	struct kz_csv_reader *r = kz_csv_open(data, len, "t.csv");
	struct kz_error err = { 0 };
	enum kz_status st;
	char **f;
	size_t n;

	while ((st = kz_csv_next(r, &f, &n, &err)) == KZ_OK)
		;
	assert_int_equal(st, KZ_INVALID);
	assert_int_equal(err.status, KZ_INVALID);
	assert_int_equal(kz_csv_row(r), bad_row);
	assert_prefix(err.msg, where);
	if (what)
		assert_contains(err.msg, what);
	/* Nothing more is read after a broken record. */
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_NOT_FOUND);
	kz_csv_close(r);
}

#define EXPECT_ERROR(lit, row, where, what) \
	expect_error(lit, sizeof(lit) - 1, row, where, what)

/* --- writing and reading back ------------------------------------------- */

static const char *const tricky[] = {
	"plain", "a,b", "say \"hi\"", "line1\r\nline2", "lf\nonly", "",
	"Żółć gęślą jaźń", "\"", " spaced ", "cr\ronly",
};
#define NTRICKY (sizeof(tricky) / sizeof(*tricky))

static void test_write_quotes_only_where_needed(void **state)
{
	struct kz_buf b = KZ_BUF_INIT;

	(void)state;
	for (size_t i = 0; i < NTRICKY; i++)
		kz_csv_field(&b, tricky[i], i == 0);
	kz_csv_end(&b);
	kz_csv_field(&b, NULL, 1);
	kz_csv_field(&b, "x", 0);
	kz_csv_end(&b);
	assert_string_equal(kz_buf_str(&b),
			    "plain,\"a,b\",\"say \"\"hi\"\"\",\"line1\r\nline2\","
			    "\"lf\nonly\",,Żółć gęślą jaźń,\"\"\"\", spaced ,"
			    "\"cr\ronly\"\r\n"
			    ",x\r\n");
	kz_buf_free(&b);
}

static void test_round_trip(void **state)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_csv_reader *r;
	const char *second[] = { "", "x" };

	(void)state;
	for (size_t i = 0; i < NTRICKY; i++)
		kz_csv_field(&b, tricky[i], i == 0);
	kz_csv_end(&b);
	kz_csv_field(&b, "", 1);
	kz_csv_field(&b, "x", 0);
	kz_csv_end(&b);
	r = kz_csv_open(b.data, b.len, "t.csv");
	expect_record(r, 1, NTRICKY, tricky);
	/* The first record spans lines 1-4 (three line breaks in values: CRLF,
	 * LF and a lone CR); the second starts on line 5. */
	assert_int_equal(kz_csv_line(r), 1);
	expect_record(r, 2, 2, second);
	assert_int_equal(kz_csv_line(r), 5);
	expect_end(r);
	kz_csv_close(r);
	kz_buf_free(&b);
}

/* OWASP's rule: a cell a spreadsheet would evaluate is written after an
 * apostrophe; reading takes it off, so the round trip is exact. */
static void test_formula_cells_are_neutralised(void **state)
{
	static const char *const values[] = {
		"=HYPERLINK(\"http://x\",\"kliknij\")", "@SUM(1)", "+cmd|' /C calc'!A0",
		"-2+3", "\tTAB", "\rCR", "'=already", "'plain", "''", "zwykły tekst", "a=b",
	};
	const size_t n = sizeof(values) / sizeof(values[0]);
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_csv_reader *r;

	(void)state;
	for (size_t i = 0; i < n; i++)
		kz_csv_field(&b, values[i], i == 0);
	kz_csv_end(&b);
	/* Nothing a spreadsheet evaluates: every field begins with a quote
	 * and an apostrophe, or with a harmless character. */
	assert_non_null(strstr(b.data, "\"'=HYPERLINK("));
	assert_non_null(strstr(b.data, ",\"'@SUM(1)\","));
	assert_non_null(strstr(b.data, ",\"'+cmd|' /C calc'!A0\","));
	assert_non_null(strstr(b.data, ",\"'-2+3\","));
	assert_null(strstr(b.data, ",=") );
	assert_null(strstr(b.data, ",@"));
	assert_null(strstr(b.data, ",+"));
	assert_null(strstr(b.data, ",-"));
	r = kz_csv_open(b.data, b.len, "t.csv");
	expect_record(r, 1, n, values);
	expect_end(r);
	kz_csv_close(r);
	kz_buf_free(&b);
}

static void test_bom_is_skipped(void **state)
{
	static const char data[] = "\xEF\xBB\xBFid,title\r\n1,Żłobek\r\n";
	const char *header[] = { "id", "title" };
	const char *row[] = { "1", "Żłobek" };
	struct kz_csv_reader *r = kz_csv_open(data, sizeof(data) - 1, "t.csv");

	(void)state;
	expect_record(r, 1, 2, header);
	expect_record(r, 2, 2, row);
	expect_end(r);
	kz_csv_close(r);
}

static void test_line_ends(void **state)
{
	static const char crlf[] = "a,b\r\n1,2\r\n\"x\r\ny\",3\r\n";
	static const char lf[] = "a,b\n1,2\n\"x\r\ny\",3\n";
	static const char cr[] = "a,b\r1,2\r\"x\r\ny\",3";
	const char *const inputs[] = { crlf, lf, cr };
	const size_t lens[] = { sizeof(crlf) - 1, sizeof(lf) - 1, sizeof(cr) - 1 };
	const char *h[] = { "a", "b" }, *r2[] = { "1", "2" },
		   *r3[] = { "x\r\ny", "3" };

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		struct kz_csv_reader *r = kz_csv_open(inputs[i], lens[i], "t");

		expect_record(r, 1, 2, h);
		expect_record(r, 2, 2, r2);
		expect_record(r, 3, 2, r3);
		assert_int_equal(kz_csv_line(r), 3);
		expect_end(r);
		kz_csv_close(r);
	}
}

static void test_blank_lines_are_skipped_but_counted(void **state)
{
	static const char data[] = "a\r\n\r\nb\n\n\nc";
	const char *a[] = { "a" }, *b[] = { "b" }, *c[] = { "c" };
	struct kz_csv_reader *r = kz_csv_open(data, sizeof(data) - 1, "t");

	(void)state;
	expect_record(r, 1, 1, a);
	expect_record(r, 3, 1, b);
	expect_record(r, 6, 1, c);
	assert_int_equal(kz_csv_line(r), 6);
	expect_end(r);
	kz_csv_close(r);
}

static void test_empty_fields_and_empty_input(void **state)
{
	static const char data[] = ",,\r\n\"\",\"\",\"\"\r\n";
	const char *e3[] = { "", "", "" };
	struct kz_csv_reader *r = kz_csv_open(data, sizeof(data) - 1, "t");

	(void)state;
	expect_record(r, 1, 3, e3);
	expect_record(r, 2, 3, e3);
	expect_end(r);
	kz_csv_close(r);

	r = kz_csv_open("", 0, "t");
	expect_end(r);
	assert_int_equal(kz_csv_row(r), 0);
	kz_csv_close(r);
	r = kz_csv_open("\xEF\xBB\xBF", 3, "t");
	expect_end(r);
	kz_csv_close(r);
	r = kz_csv_open(NULL, 0, "t");
	expect_end(r);
	kz_csv_close(r);
}

/* --- errors ------------------------------------------------------------- */

static void test_unterminated_quote(void **state)
{
	(void)state;
	EXPECT_ERROR("a,b\r\n1,\"open\r\nmore\r\n", 2,
		     "t.csv: row 2, column 2: ", "never closed");
	EXPECT_ERROR("\"", 1, "t.csv: row 1, column 1: ", "on line 1");
}

static void test_quote_inside_unquoted_field(void **state)
{
	(void)state;
	EXPECT_ERROR("a,b,c\r\n1,2,x\"y\"\r\n", 2,
		     "t.csv: row 2, column 3: ", "does not start with a quote");
}

static void test_text_after_closing_quote(void **state)
{
	(void)state;
	EXPECT_ERROR("a,b\r\n\"ab\"c,d\r\n", 2, "t.csv: row 2, column 1: ",
		     "after the closing quote");
	EXPECT_ERROR("a,b\r\nx,\"say \"hi\"\"\r\n", 2,
		     "t.csv: row 2, column 2: ", "written twice");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	EXPECT_ERROR("a,b\r\nok,Zaj\xEA" "cia\r\n", 2,
		     "t.csv: row 2, column 2: ", "after \"Zaj\"");
	EXPECT_ERROR("a,b\r\n\xC5,x\r\n", 2, "t.csv: row 2, column 1: ",
		     "not valid UTF-8");
	/* A truncated sequence in a quoted value on a later line. */
	EXPECT_ERROR("a\n\n\"x\ny\xC5\"\n", 3, "t.csv: row 3, column 1: ",
		     "UTF-8");
}

static void test_zero_byte(void **state)
{
	(void)state;
	EXPECT_ERROR("a,b\r\n1,x\0y\r\n", 2, "t.csv: row 2, column 2: ",
		     "zero byte");
}

static void test_not_utf8_csv_at_all(void **state)
{
	(void)state;
	EXPECT_ERROR("\xFF\xFE" "a\0,\0", 1, "t.csv: row 1: ", "UTF-16");
	EXPECT_ERROR("PK\x03\x04rest", 1, "t.csv: row 1: ", "spreadsheet");
}

/* What Polish Excel saves: Windows-1250 (detected when a file is not
 * UTF-8) and semicolons (when the header line has more of them). */
static void decode(const char *lit, const struct kz_csv_format *want,
		   enum kz_status st, struct kz_csv_format *used, char **text,
		   struct kz_error *err)
{
	size_t n = 0;

	memset(err, 0, sizeof(*err));
	assert_int_equal(kz_csv_decode(lit, strlen(lit), "t.csv", want, text, &n,
				       used, err), st);
	if (*text)
		assert_int_equal(strlen(*text), n);
}

static void test_decode(void **state)
{
	static const struct kz_csv_format forced = { KZ_CSV_CP1250, ',' };
	struct kz_csv_format used;
	struct kz_error err;
	char *text;
	(void)state;

	decode("a;b;c\r\n\xA3\xB9ka;x;y\r\n", NULL, KZ_OK, &used, &text, &err);
	assert_int_equal(used.encoding, KZ_CSV_CP1250);
	assert_int_equal(used.separator, ';');
	assert_string_equal(text, "a;b;c\r\nŁąka;x;y\r\n");
	free(text);
	/* UTF-8 (a BOM, or none) is left where it is; quotes hide separators */
	decode("\xEF\xBB\xBF\"a;b;c\",d,e\n", NULL, KZ_OK, &used, &text, &err);
	assert_null(text);
	assert_int_equal(used.encoding, KZ_CSV_UTF8);
	assert_int_equal(used.separator, ',');
	/* UTF-8 letters and a broken byte: a damaged UTF-8 file, not cp1250 */
	decode("a\nŁąka\nZ\xB3" "a\n", NULL, KZ_OK, &used, &text, &err);
	assert_null(text);
	assert_int_equal(used.encoding, KZ_CSV_UTF8);
	/* told: as told */
	decode("a;b\n", &forced, KZ_OK, &used, &text, &err);
	assert_int_equal(used.separator, ',');
	assert_int_equal(used.encoding, KZ_CSV_CP1250);
	free(text);
	/* a byte Windows-1250 does not have: the line */
	decode("a\nb\n\x98\n", NULL, KZ_INVALID, &used, &text, &err);
	assert_null(text);
	assert_non_null(strstr(err.msg, "t.csv: line 3: "));
}

static void test_write_semicolons(void **state)
{
	struct kz_buf b = KZ_BUF_INIT;
	(void)state;

	kz_csv_field_sep(&b, "a;b", 1, ';');
	kz_csv_field_sep(&b, "c,d", 0, ';');
	kz_csv_field_sep(&b, "=1", 0, ';');
	kz_csv_end(&b);
	assert_string_equal(kz_buf_str(&b), "\"a;b\";c,d;\"'=1\"\r\n");
	kz_buf_free(&b);
}

/* With named columns, messages name the column and every record must have
 * as many fields as the header. */
static void test_named_columns_and_field_count(void **state)
{
	static const char data[] =
		"title,provider,cost\r\n"
		"A,B,C\r\n"
		"A,B\r\n";
	static const char more[] =
		"title,provider\r\n"
		"A,\"B,\"C\r\n";
	const char *names[] = { "title", "provider", "cost" };
	struct kz_csv_reader *r = kz_csv_open(data, sizeof(data) - 1, "u.csv");
	struct kz_error err = { 0 };
	char **f;
	size_t n;

	(void)state;
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_OK);
	kz_csv_set_columns(r, names, 3);
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_OK);
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_INVALID);
	assert_prefix(err.msg, "u.csv: row 3, column \"cost\": ");
	assert_contains(err.msg, "has 2 values but the header has 3 columns");
	kz_csv_close(r);

	/* Too many values: the first extra column has no name. */
	r = kz_csv_open("a,b\n1,2,3\n", 10, "u.csv");
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_OK);
	kz_csv_set_columns(r, names, 2);
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_INVALID);
	assert_prefix(err.msg, "u.csv: row 2, column 3: ");
	assert_contains(err.msg, "has 3 values but the header has only 2");
	kz_csv_close(r);

	/* Broken quote in a named column. */
	r = kz_csv_open(more, sizeof(more) - 1, "u.csv");
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_OK);
	kz_csv_set_columns(r, names, 2);
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_INVALID);
	assert_prefix(err.msg, "u.csv: row 2, column \"provider\": ");
	kz_csv_close(r);
}

/* Many fields and long values make the buffers grow. */
static void test_large_record(void **state)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct kz_csv_reader *r;
	struct kz_error err = { 0 };
	char **f;
	size_t n;
	char big[5000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (int i = 0; i < 100; i++)
		kz_csv_field(&b, i % 2 ? big : "a,\"b\"", i == 0);
	kz_csv_end(&b);
	r = kz_csv_open(b.data, b.len, "t");
	assert_int_equal(kz_csv_next(r, &f, &n, &err), KZ_OK);
	assert_int_equal(n, 100);
	assert_string_equal(f[0], "a,\"b\"");
	assert_string_equal(f[99], big);
	expect_end(r);
	kz_csv_close(r);
	kz_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_quotes_only_where_needed),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_formula_cells_are_neutralised),
		cmocka_unit_test(test_bom_is_skipped),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_blank_lines_are_skipped_but_counted),
		cmocka_unit_test(test_empty_fields_and_empty_input),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_quote_inside_unquoted_field),
		cmocka_unit_test(test_text_after_closing_quote),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_zero_byte),
		cmocka_unit_test(test_not_utf8_csv_at_all),
		cmocka_unit_test(test_named_columns_and_field_count),
		cmocka_unit_test(test_large_record),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_write_semicolons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
