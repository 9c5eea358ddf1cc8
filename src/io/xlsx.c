/* The basket as an Excel workbook (libxlsxwriter): a sheet for each kind
 * with the columns of its CSV (kz_export_rows), the header in words and
 * bold, frozen above the rows, columns as wide as their content (up to a
 * limit), dates as dates.
 *
 * Every other value is written with worksheet_write_string, which makes
 * a text cell whatever the text: "=HYPERLINK(...)" from a partner's file
 * stays text, no formula is ever made from data (nothing here calls
 * worksheet_write_formula or a writer that guesses the type).
 *
 * libxlsxwriter writes to a file name: the workbook is made in a
 * temporary file readable by its owner only, read back into memory and
 * removed, so that -o writes it the way every export is written. */
#include "koszyk/exchange.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/lazylib.h"
#include "koszyk/model.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* libxlsxwriter, loaded for the first workbook (koszyk/lazylib.h): it
 * brings libcrypto, minizip and zlib, which no other command needs. */
static struct {
	__typeof__(workbook_new_opt) *workbook_new_opt;
	__typeof__(workbook_close) *workbook_close;
	__typeof__(workbook_add_worksheet) *workbook_add_worksheet;
	__typeof__(workbook_add_format) *workbook_add_format;
	__typeof__(format_set_bold) *format_set_bold;
	__typeof__(format_set_num_format) *format_set_num_format;
	__typeof__(worksheet_write_string) *worksheet_write_string;
	__typeof__(worksheet_write_datetime) *worksheet_write_datetime;
	__typeof__(worksheet_freeze_panes) *worksheet_freeze_panes;
	__typeof__(worksheet_set_column) *worksheet_set_column;
	__typeof__(lxw_strerror) *lxw_strerror;
} X;

#define XLSX_SYM(lib, f, why) \
	kz_lazylib_sym(lib, #f, &X.f, sizeof(X.f), why, sizeof(why))

static enum kz_status load_xlsxwriter(struct kz_error *err)
{
	static bool loaded;
	char why[256] = "";
	void *lib;

	if (loaded)
		return KZ_OK;
	lib = kz_lazylib_open("libxlsxwriter.so." LXW_SOVERSION, why, sizeof(why));
	loaded = lib && XLSX_SYM(lib, workbook_new_opt, why) &&
		 XLSX_SYM(lib, workbook_close, why) &&
		 XLSX_SYM(lib, workbook_add_worksheet, why) &&
		 XLSX_SYM(lib, workbook_add_format, why) &&
		 XLSX_SYM(lib, format_set_bold, why) &&
		 XLSX_SYM(lib, format_set_num_format, why) &&
		 XLSX_SYM(lib, worksheet_write_string, why) &&
		 XLSX_SYM(lib, worksheet_write_datetime, why) &&
		 XLSX_SYM(lib, worksheet_freeze_panes, why) &&
		 XLSX_SYM(lib, worksheet_set_column, why) &&
		 XLSX_SYM(lib, lxw_strerror, why);
	if (!loaded)
		return kz_fail(err, KZ_ENV,
			       _("cannot make the workbook: the library libxlsxwriter is missing (%s); install the package libxlsxwriter4"),
			       why);
	return KZ_OK;
}

#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define DATE_WIDTH 11
#define SHEET_NAME_MAX 31  /* characters, as Excel allows */

struct sheet {
	enum kz_kind kind;
	const char *title;     /* msgid */
	lxw_worksheet *ws;
	const char *const *columns;
	size_t ncolumns;
	double *width;         /* of each column, in characters */
	lxw_row_t row;         /* the next row to write */
};

struct book {
	lxw_workbook *wb;
	lxw_format *bold, *date;
	struct sheet sheets[3];
};

/* --- names and widths --------------------------------------------------- */

/* A sheet's name as Excel allows it: at most 31 characters, none of
 * []:*?/\ (replaced by a space), cut at a character. */
static char *sheet_name(const char *title)
{
	char *name = xstrdup(title);
	size_t chars = 0, i = 0;

	for (; name[i]; i++) {
		if (strchr("[]:*?/\\", name[i]))
			name[i] = ' ';
		if (((unsigned char)name[i] & 0xC0) != 0x80 &&
		    ++chars > SHEET_NAME_MAX)
			break;
	}
	name[i] = '\0';
	return name;
}

/* The characters of the longest line of s. */
static size_t longest_line(const char *s)
{
	size_t best = 0, n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n') {
			n = 0;
			continue;
		}
		if ((*p & 0xC0) != 0x80 && ++n > best)
			best = n;
	}
	return best;
}

static void widen(struct sheet *sh, size_t col, size_t chars)
{
	double w = (double)chars + 1;

	if (w > MAX_WIDTH)
		w = MAX_WIDTH;
	if (w > sh->width[col])
		sh->width[col] = w;
}

/* --- the header --------------------------------------------------------- */

static const char *column_title(enum kz_kind kind, const char *column)
{
	const struct kz_field *f = kz_csv_column_field(kind, column);

	return f ? _(f->label) : column;
}

static bool is_date(enum kz_kind kind, const char *column)
{
	const struct kz_field *f = kz_csv_column_field(kind, column);

	return f && f->type == KZ_FT_DATE;
}

static enum kz_status xlsx_fail(lxw_error e, struct kz_error *err)
{
	return kz_fail(err, KZ_ENV, _("cannot make the workbook: %s"),
		       X.lxw_strerror(e));
}

static enum kz_status add_sheet(struct book *b, struct sheet *sh,
				struct kz_error *err)
{
	char *name = sheet_name(_(sh->title));
	lxw_error e = LXW_NO_ERROR;

	sh->ws = X.workbook_add_worksheet(b->wb, name);
	free(name);
	if (!sh->ws)
		return kz_fail(err, KZ_ENV, _("cannot make the workbook: %s"),
			       _(sh->title));
	sh->columns = kz_csv_columns(sh->kind);
	while (sh->columns[sh->ncolumns])
		sh->ncolumns++;
	sh->width = xcalloc(sh->ncolumns, sizeof(*sh->width));
	for (size_t c = 0; e == LXW_NO_ERROR && c < sh->ncolumns; c++) {
		const char *title = column_title(sh->kind, sh->columns[c]);

		widen(sh, c, kz_utf8_len(title) > MIN_WIDTH ? kz_utf8_len(title) :
			     MIN_WIDTH);
		if (is_date(sh->kind, sh->columns[c]))
			widen(sh, c, DATE_WIDTH);
		e = X.worksheet_write_string(sh->ws, 0, (lxw_col_t)c, title, b->bold);
	}
	X.worksheet_freeze_panes(sh->ws, 1, 0);
	sh->row = 1;
	return e == LXW_NO_ERROR ? KZ_OK : xlsx_fail(e, err);
}

/* --- the rows ----------------------------------------------------------- */

/* A date of the database (YYYY-MM-DD) as a date cell; text when it is
 * not one. */
static lxw_error write_date(struct book *b, struct sheet *sh, size_t col,
			    const char *value)
{
	lxw_datetime dt = { 0 };

	if (!kz_date_valid(value) ||
	    sscanf(value, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) != 3)
		return X.worksheet_write_string(sh->ws, sh->row, (lxw_col_t)col,
					      value, NULL);
	return X.worksheet_write_datetime(sh->ws, sh->row, (lxw_col_t)col, &dt,
					b->date);
}

static lxw_error write_cell(struct book *b, struct sheet *sh, size_t col,
			    const char *value)
{
	if (kz_str_empty(value))
		return LXW_NO_ERROR;
	if (is_date(sh->kind, sh->columns[col]))
		return write_date(b, sh, col, value);
	widen(sh, col, longest_line(value));
	/* Always text: never a formula, a number or a link. */
	return X.worksheet_write_string(sh->ws, sh->row, (lxw_col_t)col, value,
				      NULL);
}

static enum kz_status write_row(void *ctx, enum kz_kind kind,
				const char *const *values, struct kz_error *err)
{
	struct book *b = ctx;
	struct sheet *sh = NULL;
	lxw_error e = LXW_NO_ERROR;

	for (size_t i = 0; i < sizeof(b->sheets) / sizeof(b->sheets[0]); i++)
		if (b->sheets[i].kind == kind)
			sh = &b->sheets[i];
	if (!sh)
		return KZ_OK;
	for (size_t c = 0; e == LXW_NO_ERROR && c < sh->ncolumns; c++)
		e = write_cell(b, sh, c, values[c]);
	sh->row++;
	return e == LXW_NO_ERROR ? KZ_OK : xlsx_fail(e, err);
}

static void set_widths(struct sheet *sh)
{
	for (size_t c = 0; c < sh->ncolumns; c++)
		X.worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c,
				     sh->width[c], NULL);
}

/* --- the workbook ------------------------------------------------------- */

static enum kz_status book_fill(struct kz_db *db, struct book *b,
				struct kz_error *err)
{
	enum kz_status st = KZ_OK;
	size_t n = sizeof(b->sheets) / sizeof(b->sheets[0]);

	b->bold = X.workbook_add_format(b->wb);
	X.format_set_bold(b->bold);
	b->date = X.workbook_add_format(b->wb);
	X.format_set_num_format(b->date, "yyyy-mm-dd");
	for (size_t i = 0; st == KZ_OK && i < n; i++)
		st = add_sheet(b, &b->sheets[i], err);
	if (st == KZ_OK)
		st = kz_export_rows(db, write_row, b, err);
	for (size_t i = 0; st == KZ_OK && i < n; i++)
		set_widths(&b->sheets[i]);
	return st;
}

/* A name for the temporary workbook, in TMPDIR (or /tmp): a file only
 * its owner can read, already there. */
static char *temp_file(struct kz_error *err)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/koszyk-xlsx-XXXXXX",
			       dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);

	if (fd < 0) {
		kz_fail(err, KZ_ENV, _("cannot make a temporary file in %s: %s"),
			dir && *dir ? dir : "/tmp", strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

/* A workbook that writes each row out as the next begins (constant
 * memory): the rows come in order, sheet by sheet. Holding every cell
 * took 427 MB for 100,000 services. Its temporary files go where the
 * workbook's does. */
static lxw_workbook *new_workbook(const char *path)
{
	const char *dir = getenv("TMPDIR");
	lxw_workbook_options opt = {
		.constant_memory = LXW_TRUE,
		.tmpdir = (char *)(dir && *dir ? dir : "/tmp"),
	};

	return X.workbook_new_opt(path, &opt);
}

enum kz_status kz_export_xlsx(struct kz_db *db, struct kz_buf *out,
			      struct kz_error *err)
{
	struct book b = { .sheets = {
		{ .kind = KZ_KIND_SERVICE, .title = N_("Services") },
		{ .kind = KZ_KIND_PARTNER, .title = N_("Partners") },
		{ .kind = KZ_KIND_CONTACT, .title = N_("Contact persons") },
	} };
	char *path, *data = NULL;
	size_t len = 0;
	enum kz_status st;
	lxw_error e;

	st = load_xlsxwriter(err);
	if (st != KZ_OK)
		return st;
	path = temp_file(err);
	if (!path)
		return KZ_ENV;
	b.wb = new_workbook(path);
	if (!b.wb) {
		unlink(path);
		free(path);
		return kz_fail(err, KZ_ENV, _("cannot make the workbook: %s"),
			       strerror(errno));
	}
	st = book_fill(db, &b, err);
	e = X.workbook_close(b.wb);
	if (st == KZ_OK && e != LXW_NO_ERROR)
		st = xlsx_fail(e, err);
	if (st == KZ_OK)
		st = kz_read_file(path, &data, &len, err);
	if (st == KZ_OK)
		kz_buf_add(out, data, len);
	unlink(path);
	free(path);
	free(data);
	for (size_t i = 0; i < sizeof(b.sheets) / sizeof(b.sheets[0]); i++)
		free(b.sheets[i].width);
	return st;
}
