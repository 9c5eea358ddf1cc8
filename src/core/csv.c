/* RFC 4180 CSV: a reader over a memory buffer that knows the row and
 * column of everything it reads, and a writer that quotes where needed.
 *
 * Reading accepts CRLF, LF (and a lone CR) as line ends, skips a UTF-8 BOM
 * and blank lines (they still count as rows, as in a spreadsheet), and
 * refuses what it cannot read exactly: an unterminated quoted field, a
 * quote inside an unquoted field, text after a closing quote, invalid
 * UTF-8, a zero byte. */
#include "koszyk/csv.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

struct kz_csv_reader {
	const char *data;
	size_t len;
	size_t pos;
	char *name;
	bool started;      /* the start of the file (BOM) was looked at */
	char sep;          /* between fields: ',' or ';' */

	size_t rows_seen;  /* rows read so far, blank lines included */
	size_t line_no;    /* the line pos is on (1-based) */
	size_t row;        /* of the record last returned */
	size_t line;       /* where that record started */

	/* The fields of the current record, each NUL-terminated, one after
	 * another in text; offs[i] is where field i starts. */
	char *text;
	size_t text_len, text_cap;
	size_t *offs;
	char **fields;
	size_t n, cap;     /* fields in the record, room in offs */
	size_t fields_cap; /* room in fields */

	char **columns;    /* names set by kz_csv_set_columns */
	size_t ncolumns;
};

struct kz_csv_reader *kz_csv_open(const char *data, size_t len,
				  const char *name)
{
	struct kz_csv_reader *r = xcalloc(1, sizeof(*r));

	r->data = data ? data : "";
	r->len = data ? len : 0;
	r->name = xstrdup(name ? name : "CSV");
	r->line_no = 1;
	r->sep = ',';
	return r;
}

void kz_csv_set_separator(struct kz_csv_reader *r, char sep)
{
	r->sep = sep ? sep : ',';
}

static void free_columns(struct kz_csv_reader *r)
{
	for (size_t i = 0; i < r->ncolumns; i++)
		free(r->columns[i]);
	free(r->columns);
	r->columns = NULL;
	r->ncolumns = 0;
}

void kz_csv_close(struct kz_csv_reader *r)
{
	if (!r)
		return;
	free(r->name);
	free(r->text);
	free(r->offs);
	free(r->fields);
	free_columns(r);
	free(r);
}

size_t kz_csv_row(const struct kz_csv_reader *r)
{
	return r->row;
}

size_t kz_csv_line(const struct kz_csv_reader *r)
{
	return r->line;
}

size_t kz_csv_offset(const struct kz_csv_reader *r)
{
	return r->pos;
}

void kz_csv_set_columns(struct kz_csv_reader *r,
			const char *const *names, size_t n)
{
	free_columns(r);
	r->columns = xcalloc(n ? n : 1, sizeof(*r->columns));
	for (size_t i = 0; i < n; i++)
		r->columns[i] = xstrdup(names[i] ? names[i] : "");
	r->ncolumns = n;
}

/* --- building the record ------------------------------------------------ */

static void text_putc(struct kz_csv_reader *r, char c)
{
	if (r->text_len + 1 >= r->text_cap) {
		r->text_cap = r->text_cap ? 2 * r->text_cap : 256;
		r->text = xrealloc(r->text, r->text_cap);
	}
	r->text[r->text_len++] = c;
}

static void field_start(struct kz_csv_reader *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->offs = xreallocarray(r->offs, r->cap, sizeof(*r->offs));
	}
	r->offs[r->n++] = r->text_len;
}

static void field_end(struct kz_csv_reader *r)
{
	text_putc(r, '\0');
}

/* A cell a spreadsheet would evaluate as a formula (OWASP: it begins with
 * = + - @, a tab or a carriage return). */
static bool formula_start(char c)
{
	return c && strchr("=+-@\t\r", c) != NULL;
}

/* Undo what kz_csv_field did to such a cell (and to one that begins with
 * the apostrophe itself): "'=SUM(1)" is read as "=SUM(1)". */
static void unguard_formula(char *f)
{
	if (f[0] == '\'' && (formula_start(f[1]) || f[1] == '\''))
		memmove(f, f + 1, strlen(f));
}

/* The pointers are made only once the record is complete, because text
 * may move while it grows. */
static void record_finish(struct kz_csv_reader *r)
{
	if (r->fields_cap < r->cap) {
		r->fields_cap = r->cap;
		r->fields = xreallocarray(r->fields, r->fields_cap,
					  sizeof(*r->fields));
	}
	for (size_t i = 0; i < r->n; i++) {
		r->fields[i] = r->text + r->offs[i];
		unguard_formula(r->fields[i]);
	}
}

/* --- messages ----------------------------------------------------------- */

/* "name: row R, column "title": " or "... column 3: ". */
static enum kz_status fail_at(struct kz_csv_reader *r, size_t col,
			      struct kz_error *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static enum kz_status fail_at(struct kz_csv_reader *r, size_t col,
			      struct kz_error *err, const char *fmt, ...)
{
	char what[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (col == 0)
		return kz_fail(err, KZ_INVALID, _("%s: row %zu: %s"), r->name,
			       r->row, what);
	if (col <= r->ncolumns && r->columns[col - 1][0])
		return kz_fail(err, KZ_INVALID,
			       _("%s: row %zu, column \"%s\": %s"), r->name,
			       r->row, r->columns[col - 1], what);
	return kz_fail(err, KZ_INVALID, _("%s: row %zu, column %zu: %s"),
		       r->name, r->row, col, what);
}

/* Up to about 30 bytes of valid text just before offset, for showing
 * where in a value the problem is. */
static void text_before(const char *s, size_t offset, char *out,
			size_t outsz)
{
	size_t start = offset > 30 ? offset - 30 : 0;

	while (start < offset && ((unsigned char)s[start] & 0xC0) == 0x80)
		start++;
	snprintf(out, outsz, "%.*s", (int)(offset - start), s + start);
}

/* --- reading ------------------------------------------------------------ */

static bool has_prefix(const struct kz_csv_reader *r, const char *p,
		       size_t n)
{
	return r->len >= n && memcmp(r->data, p, n) == 0;
}

/* Skip a UTF-8 BOM; refuse files that are plainly not UTF-8 CSV with a
 * hint of what to do instead. */
static enum kz_status look_at_start(struct kz_csv_reader *r,
				    struct kz_error *err)
{
	r->started = true;
	if (has_prefix(r, "\xEF\xBB\xBF", 3)) {
		r->pos = 3;
		return KZ_OK;
	}
	r->row = 1;
	r->line = 1;
	if (has_prefix(r, "\xFF\xFE", 2) || has_prefix(r, "\xFE\xFF", 2))
		return fail_at(r, 0, err, "%s",
			       _("the file is in UTF-16 — save it as \"CSV UTF-8\" and try again"));
	if (has_prefix(r, "PK\x03\x04", 4))
		return fail_at(r, 0, err, "%s",
			       _("this is a spreadsheet file (.xlsx or .ods), not CSV — save it as \"CSV UTF-8\" and try again"));
	r->row = 0;
	r->line = 0;
	return KZ_OK;
}

static bool at_line_end(const struct kz_csv_reader *r)
{
	return r->pos < r->len &&
	       (r->data[r->pos] == '\n' || r->data[r->pos] == '\r');
}

/* Consume CRLF, LF or CR. */
static void skip_line_end(struct kz_csv_reader *r)
{
	if (r->data[r->pos] == '\r' && r->pos + 1 < r->len &&
	    r->data[r->pos + 1] == '\n')
		r->pos++;
	r->pos++;
	r->line_no++;
}

static enum kz_status read_quoted(struct kz_csv_reader *r, size_t col,
				  struct kz_error *err)
{
	size_t start_line = r->line_no;

	r->pos++; /* the opening quote */
	for (;;) {
		char c;

		if (r->pos >= r->len)
			return fail_at(r, col, err,
				       _("the value that starts with a quote (\") on line %zu is never closed — add the closing quote"),
				       start_line);
		c = r->data[r->pos];
		if (c == '"') {
			if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
				text_putc(r, '"');
				r->pos += 2;
				continue;
			}
			r->pos++;
			break;
		}
		/* Lines inside a quoted value still count as lines. */
		if (c == '\n' || (c == '\r' && !(r->pos + 1 < r->len &&
						 r->data[r->pos + 1] == '\n')))
			r->line_no++;
		text_putc(r, c);
		r->pos++;
	}
	if (r->pos < r->len && r->data[r->pos] != r->sep && !at_line_end(r))
		return fail_at(r, col, err, "%s",
			       _("there is text after the closing quote — a quote inside a quoted value must be written twice (\"\")"));
	return KZ_OK;
}

static enum kz_status read_plain(struct kz_csv_reader *r, size_t col,
				 struct kz_error *err)
{
	while (r->pos < r->len && r->data[r->pos] != r->sep && !at_line_end(r)) {
		if (r->data[r->pos] == '"')
			return fail_at(r, col, err, "%s",
				       _("a quote (\") inside a value that does not start with a quote — put the whole value in quotes and write the quote twice (\"\")"));
		text_putc(r, r->data[r->pos]);
		r->pos++;
	}
	return KZ_OK;
}

static enum kz_status check_field_text(struct kz_csv_reader *r, size_t col,
				       size_t len, struct kz_error *err)
{
	const char *s = r->text + r->offs[col - 1];
	size_t bad = 0;
	char before[64];

	if (memchr(s, '\0', len))
		return fail_at(r, col, err, "%s",
			       _("the value contains a zero byte — this does not look like a CSV text file, save it as \"CSV UTF-8\""));
	if (kz_utf8_valid(s, len, &bad))
		return KZ_OK;
	text_before(s, bad, before, sizeof(before));
	if (before[0])
		return fail_at(r, col, err,
			       _("the text is not valid UTF-8 (after \"%s\") — save the file as \"CSV UTF-8\""),
			       before);
	return fail_at(r, col, err, "%s",
		       _("the text is not valid UTF-8 — save the file as \"CSV UTF-8\""));
}

static enum kz_status check_field_count(struct kz_csv_reader *r,
					struct kz_error *err)
{
	if (r->ncolumns == 0 || r->n == r->ncolumns)
		return KZ_OK;
	if (r->n < r->ncolumns)
		return fail_at(r, r->n + 1, err,
			       _("the row has %zu values but the header has %zu columns — a comma may be missing"),
			       r->n, r->ncolumns);
	return fail_at(r, r->ncolumns + 1, err,
		       _("the row has %zu values but the header has only %zu columns — a value with a comma must be in quotes"),
		       r->n, r->ncolumns);
}

static enum kz_status read_record(struct kz_csv_reader *r,
				  struct kz_error *err)
{
	enum kz_status st;

	for (;;) {
		size_t col, begin;

		field_start(r);
		col = r->n;
		begin = r->text_len;
		if (r->pos < r->len && r->data[r->pos] == '"')
			st = read_quoted(r, col, err);
		else
			st = read_plain(r, col, err);
		if (st != KZ_OK)
			return st;
		/* text_len - begin is the value's length, zero bytes and all. */
		field_end(r);
		st = check_field_text(r, col, r->text_len - 1 - begin, err);
		if (st != KZ_OK)
			return st;
		if (r->pos < r->len && r->data[r->pos] == r->sep) {
			r->pos++;
			continue;
		}
		if (r->pos < r->len)
			skip_line_end(r);
		return KZ_OK;
	}
}

enum kz_status kz_csv_next(struct kz_csv_reader *r, char ***fields,
			   size_t *n, struct kz_error *err)
{
	enum kz_status st;

	*fields = NULL;
	*n = 0;
	if (!r->started && (st = look_at_start(r, err)) != KZ_OK) {
		r->pos = r->len;
		return st;
	}
	/* Blank lines are skipped but counted. */
	while (at_line_end(r)) {
		r->rows_seen++;
		skip_line_end(r);
	}
	if (r->pos >= r->len)
		return KZ_NOT_FOUND;
	r->row = ++r->rows_seen;
	r->line = r->line_no;
	r->n = 0;
	r->text_len = 0;
	st = read_record(r, err);
	if (st == KZ_OK)
		st = check_field_count(r, err);
	if (st != KZ_OK) {
		r->pos = r->len; /* nothing sensible follows a broken record */
		return st;
	}
	record_finish(r);
	*fields = r->fields;
	*n = r->n;
	return KZ_OK;
}

/* --- writing ------------------------------------------------------------ */

static bool needs_quotes(const char *s, char sep)
{
	return strpbrk(s, "\"\r\n") != NULL || strchr(s, sep) != NULL;
}

void kz_csv_field(struct kz_buf *b, const char *value, int first)
{
	kz_csv_field_sep(b, value, first, ',');
}

void kz_csv_field_sep(struct kz_buf *b, const char *value, int first,
		      char sep)
{
	if (!first)
		kz_buf_putc(b, sep);
	if (!value || !value[0])
		return;
	/* A spreadsheet does not evaluate a cell that begins with an
	 * apostrophe; import takes it off again (unguard_formula). */
	if (formula_start(value[0]) || value[0] == '\'') {
		kz_buf_puts(b, "\"'");
		for (const char *p = value; *p; p++) {
			if (*p == '"')
				kz_buf_putc(b, '"');
			kz_buf_putc(b, *p);
		}
		kz_buf_putc(b, '"');
		return;
	}
	if (!needs_quotes(value, sep)) {
		kz_buf_puts(b, value);
		return;
	}
	kz_buf_putc(b, '"');
	for (const char *p = value; *p; p++) {
		if (*p == '"')
			kz_buf_putc(b, '"');
		kz_buf_putc(b, *p);
	}
	kz_buf_putc(b, '"');
}

void kz_csv_end(struct kz_buf *b)
{
	kz_buf_add(b, "\r\n", 2);
}
