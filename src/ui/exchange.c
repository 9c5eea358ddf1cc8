/* The basket's exchange with the world on the screen: import partners or
 * services from a CSV file (Excel's cp1250 and semicolons detected) or an
 * HSDS folder, and export the basket as CSV, CSV for Excel, a workbook,
 * an HSDS folder or a page to publish. The same functions as koszyk
 * import and koszyk export, and the same words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "koszyk/buf.h"
#include "koszyk/exchange.h"
#include "koszyk/hsds.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

void ui_show_result(struct ui *ui, const char *title, const char *line,
		    char *const *more, size_t nmore)
{
	struct kz_buf b = KZ_BUF_INIT;

	ui_message(ui, "%s", line);
	if (nmore == 0)
		return;
	kz_buf_printf(&b, "%s\n\n%s\n", line,
		      _("What could not be kept (koszyk has no place for it):"));
	for (size_t i = 0; i < nmore; i++)
		kz_buf_printf(&b, "  %s\n", more[i]);
	ui_push(ui, ui_text_view_new(ui, title, kz_buf_str(&b), NULL));
	kz_buf_free(&b);
}

/* A path typed on the status line, "~" expanded; NULL (and msg) when
 * nothing was given. */
static char *ask_path(struct ui *ui, const char *prompt, const char *initial,
		      const char *msg)
{
	char *typed = ui_ask(ui, prompt, initial);
	char *path = NULL;

	if (typed)
		kz_trim(typed);
	if (typed && *typed)
		path = kz_path_expand_home(typed);
	else
		ui_message(ui, "%s", msg);
	free(typed);
	return path;
}

/* --- import ------------------------------------------------------------------ */

enum import_what { IMPORT_PARTNERS, IMPORT_SERVICES, IMPORT_HSDS };

static bool import_csv(struct ui *ui, enum kz_kind kind, const char *path)
{
	struct kz_import_result res = { 0 };
	struct kz_error err = { 0 };
	struct ui_meter m;
	enum kz_status st;

	ui_meter_begin(&m, ui, _("Importing:"), false);
	st = kz_import_csv(ui->db, ui->cfg, kind, path, NULL, &res, &err);
	ui_meter_end(&m);
	char *how = kz_import_csv_format_text(&res);
	char *done = st == KZ_OK ? kz_import_csv_done_text(path, &res) : NULL;

	/* How the file was read first: it explains a refused row too. */
	if (st == KZ_OK)
		ui_message(ui, "%s%s%s", how ? how : "", how ? " " : "", done);
	else
		ui_error(ui, "%s%s%s", how ? how : "", how ? " " : "", err.msg);
	free(how);
	free(done);
	return st == KZ_OK;
}

static bool import_hsds(struct ui *ui, const char *source)
{
	struct kz_hsds_import_result res = { 0 };
	struct kz_error err = { 0 };
	char *dir = kz_hsds_feed_dir(source, &err);
	struct ui_meter m;
	enum kz_status st = KZ_INVALID;

	if (dir) {
		ui_meter_begin(&m, ui, _("Importing:"), false);
		st = kz_import_hsds(ui->db, ui->cfg, dir, &res, &err);
		ui_meter_end(&m);
	}

	if (st == KZ_OK) {
		char *done = kz_import_hsds_done_text(dir, &res);
		ui_show_result(ui, _("Imported from HSDS"), done, res.warnings, res.nwarnings);
		free(done);
	} else {
		ui_error(ui, "%s", err.msg);
	}
	kz_hsds_import_result_free(&res);
	free(dir);
	return st == KZ_OK;
}

/* What to import: a pick list; false when cancelled. */
static bool pick_import(struct ui *ui, enum import_what *what)
{
	struct ui_pick p = { .title = N_("Import into the basket") };
	bool ok;

	ui_pick_add(&p, _("Partners from a CSV file"), "0", NULL);
	ui_pick_add(&p, _("Services from a CSV file"), "1", NULL);
	ui_pick_add(&p, _("An HSDS folder (or its datapackage.json)"), "2", NULL);
	ok = ui_pick_run(ui, &p);
	if (ok)
		*what = (enum import_what)atoi(p.items[p.chosen].value);
	ui_pick_free_items(&p);
	return ok;
}

bool ui_import_basket(struct ui *ui)
{
	enum import_what what;
	char *path;
	bool done;

	if (!pick_import(ui, &what))
		return false;
	path = ask_path(ui, what == IMPORT_HSDS ? _("Import the HSDS folder: ")
		       : _("Import the CSV file: "), NULL,
		       _("Nothing imported: no file name given."));
	if (!path)
		return false;
	if (what == IMPORT_HSDS)
		done = import_hsds(ui, path);
	else
		done = import_csv(ui, what == IMPORT_SERVICES ? KZ_KIND_SERVICE
				  : KZ_KIND_PARTNER, path);
	free(path);
	return done;
}

/* --- export ------------------------------------------------------------------ */

enum export_what {
	EXPORT_CSV_SERVICES, EXPORT_CSV_PARTNERS, EXPORT_EXCEL_SERVICES,
	EXPORT_EXCEL_PARTNERS, EXPORT_XLSX, EXPORT_HSDS, EXPORT_HTML,
	EXPORT_COUNT
};

/* The choices, each with the name offered in the current folder. */
static const struct {
	const char *label;  /* msgid */
	const char *file;
} exports[EXPORT_COUNT] = {
	[EXPORT_CSV_SERVICES] = { N_("Services as CSV (UTF-8, commas)"), "koszyk-uslugi.csv" },
	[EXPORT_CSV_PARTNERS] = { N_("Partners as CSV (UTF-8, commas)"), "koszyk-partnerzy.csv" },
	[EXPORT_EXCEL_SERVICES] = { N_("Services as CSV for Excel (semicolons)"),
				    "koszyk-uslugi-excel.csv" },
	[EXPORT_EXCEL_PARTNERS] = { N_("Partners as CSV for Excel (semicolons)"),
				    "koszyk-partnerzy-excel.csv" },
	[EXPORT_XLSX] = { N_("Excel workbook (.xlsx)"), "koszyk.xlsx" },
	[EXPORT_HSDS] = { N_("HSDS folder (Open Referral, for other partnerships)"), "koszyk-hsds" },
	[EXPORT_HTML] = { N_("Page to publish (.html)"), "koszyk.html" },
};

static bool pick_export(struct ui *ui, enum export_what *what)
{
	struct ui_pick p = { .title = N_("Export the basket as") };
	char value[8];
	bool ok;

	for (int i = 0; i < EXPORT_COUNT; i++) {
		snprintf(value, sizeof(value), "%d", i);
		ui_pick_add(&p, _(exports[i].label), value, exports[i].file);
	}
	ok = ui_pick_run(ui, &p);
	if (ok)
		*what = (enum export_what)atoi(p.items[p.chosen].value);
	ui_pick_free_items(&p);
	return ok;
}

/* The export of one file into b (the same as koszyk export). */
static enum kz_status export_file(struct ui *ui, enum export_what what,
				  struct kz_buf *b, struct kz_error *err)
{
	switch (what) {
	case EXPORT_CSV_SERVICES:
		return kz_export(ui->db, ui->cfg, KZ_EXPORT_CSV_SERVICES, b, err);
	case EXPORT_CSV_PARTNERS:
		return kz_export(ui->db, ui->cfg, KZ_EXPORT_CSV_PARTNERS, b, err);
	case EXPORT_EXCEL_SERVICES:
		return kz_export_csv_excel(ui->db, KZ_KIND_SERVICE, b, err);
	case EXPORT_EXCEL_PARTNERS:
		return kz_export_csv_excel(ui->db, KZ_KIND_PARTNER, b, err);
	case EXPORT_XLSX:
		return kz_export_xlsx(ui->db, b, err);
	default:
		return kz_export(ui->db, ui->cfg, KZ_EXPORT_HTML, b, err);
	}
}

/* Write the export to path; the HSDS export is a folder of files. */
static enum kz_status write_export(struct ui *ui, enum export_what what,
				   const char *path, struct kz_error *err)
{
	struct kz_buf b = KZ_BUF_INIT;
	struct ui_meter m;
	enum kz_status st;

	if (what == EXPORT_HSDS)
		return kz_export_hsds(ui->db, ui->cfg, path, NULL, err);
	ui_meter_begin(&m, ui, _("Exporting:"), false);
	st = export_file(ui, what, &b, err);
	ui_meter_end(&m);
	if (st == KZ_OK)
		st = kz_export_write(path, kz_buf_str(&b), b.len, what != EXPORT_XLSX, err);
	kz_buf_free(&b);
	return st;
}

void ui_export_basket(struct ui *ui)
{
	enum export_what what;
	struct kz_error err = { 0 };
	char *path;

	if (!pick_export(ui, &what))
		return;
	path = ask_path(ui, what == EXPORT_HSDS ? _("Write the HSDS folder: ")
		       : _("Save the export as: "), exports[what].file, _("Not saved."));
	if (!path)
		return;
	if (what != EXPORT_HSDS && access(path, F_OK) == 0 &&
	    !ui_confirm(ui, _("That file is there already. Replace it?"))) {
		ui_message(ui, "%s", _("Not saved."));
	} else if (write_export(ui, what, path, &err) != KZ_OK) {
		ui_error(ui, _("Not saved: %s"), err.msg);
	} else {
		/* The whole path, so that the file can be found again. */
		char *full = kz_path_full(path);
		ui_message(ui, what == EXPORT_HSDS ? _("The basket was written into the folder %s.")
			   : _("The basket was saved to %s."), full);
		free(full);
	}
	free(path);
}
