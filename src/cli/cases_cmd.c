/* The commands about cases: list cases, plan, gdpr export|erase and
 * report. They call the same data layer as the screens. Cases hold
 * special-category data: lists show codes, never names, and files written
 * with -o are readable by their owner only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/csv.h"
#include "koszyk/i18n.h"
#include "koszyk/defang.h"
#include "koszyk/plan_print.h"
#include "koszyk/report_html.h"
#include "koszyk/reports.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* Personal data goes to stdout or to a file only its owner can read. */
enum kz_status kz_cli_output_private(const char *path, const struct kz_buf *b,
				     struct kz_error *err)
{
	struct kz_buf safe = KZ_BUF_INIT;
	enum kz_status st;

	if (!path || strcmp(path, "-") == 0)
		return kz_cli_output(NULL, kz_buf_str(b), b->len, err);
	if (kz_cli_output_is_raw())
		return kz_write_file_atomic(path, kz_buf_str(b), b->len, 0600, err);
	/* A text file is read on a terminal too. */
	kz_defang(&safe, kz_buf_str(b), b->len, false);
	st = kz_write_file_atomic(path, safe.data ? safe.data : "", safe.len, 0600, err);
	kz_buf_free(&safe);
	return st;
}

/* An unknown case code is bad input (exit code 2), not "nothing found". */
static enum kz_status known_case(struct kz_cli *cli, const char *code,
				 struct kz_error *err)
{
	struct kz_case c;
	enum kz_status st;

	memset(&c, 0, sizeof(c));
	st = kz_case_find(cli->db, code, &c, err);
	kz_case_clear(&c);
	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_INVALID,
			     _("there is no case %s (see koszyk list cases)"), code);
	return st;
}

static const char *manager_name(const struct kz_config *cfg, const char *login)
{
	const struct kz_user *u = kz_config_user(cfg, login);

	return u && u->name ? u->name : "";
}

/* --- list cases -------------------------------------------------------------- */

static void json_case_row(struct kz_buf *b, const struct kz_row *r)
{
	kz_buf_puts(b, "{\"kind\":\"case\",\"id\":");
	kz_buf_json_string(b, r->id);
	kz_buf_puts(b, ",\"title\":");
	kz_buf_json_string(b, r->title);
	kz_buf_puts(b, ",\"status\":");
	kz_buf_json_string(b, r->case_.status);
	kz_buf_puts(b, ",\"manager\":");
	kz_buf_json_string(b, r->case_.manager);
	kz_buf_puts(b, ",\"opened_on\":");
	kz_buf_json_string(b, r->case_.opened_on);
	kz_buf_puts(b, ",\"closed_on\":");
	kz_buf_json_string(b, kz_str_empty(r->case_.closed_on) ? NULL : r->case_.closed_on);
	kz_buf_putc(b, '}');
}

static void json_case_rows(struct kz_buf *b, const struct kz_rows *rows)
{
	kz_buf_putc(b, '[');
	for (size_t i = 0; i < rows->n; i++) {
		if (i)
			kz_buf_puts(b, ",\n");
		json_case_row(b, &rows->v[i]);
	}
	kz_buf_puts(b, "]\n");
}

/* code, status, manager (the person's name, then the login as the
 * screens show it), opened [– closed]. */
static void text_case_row(struct kz_buf *b, const struct kz_config *cfg,
			  const struct kz_row *r)
{
	const char *name = manager_name(cfg, r->case_.manager);
	const char *login = r->case_.manager ? r->case_.manager : "";

	if (*name)
		kz_buf_printf(b, "%s\t%s\t%s (%s)\t%s", r->title,
			      _(kz_enum_label(r->case_.status)), name, login,
			      r->case_.opened_on ? r->case_.opened_on : "");
	else
		kz_buf_printf(b, "%s\t%s\t%s\t%s", r->title,
			      _(kz_enum_label(r->case_.status)), login,
			      r->case_.opened_on ? r->case_.opened_on : "");
	if (!kz_str_empty(r->case_.closed_on))
		kz_buf_printf(b, " – %s", r->case_.closed_on);
	kz_buf_putc(b, '\n');
}

enum kz_status kz_cmd_list_cases(struct kz_cli *cli, bool json,
				 struct kz_error *err)
{
	struct kz_rows rows = { 0 };
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st = kz_cli_open_db(cli, err);

	if (st == KZ_OK)
		st = kz_case_list(cli->db, NULL, NULL, &rows, err);
	if (st != KZ_OK)
		return st;
	if (json)
		json_case_rows(&out, &rows);
	else
		for (size_t i = 0; i < rows.n; i++)
			text_case_row(&out, &cli->cfg, &rows.v[i]);
	st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_rows_free(&rows);
	kz_buf_free(&out);
	return st;
}

/* --- plan ------------------------------------------------------------------------- */

enum kz_status kz_cmd_plan(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_plan_format fmt = KZ_PLAN_TEXT;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_FORMAT | KZ_OPT_OUTPUT, 1, &a, err);

	if (st != KZ_OK)
		return st;
	if (a.npos != 1)
		return kz_fail(err, KZ_INVALID,
			       _("usage: koszyk plan CASE_CODE [--format text|md|html] [-o PATH]"));
	if (a.format && !kz_plan_format_parse(a.format, &fmt))
		return kz_fail(err, KZ_INVALID,
			       _("unknown format \"%s\"; the formats are text, md and html"),
			       a.format);
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = known_case(cli, a.pos[0], err);
	if (st == KZ_OK)
		st = kz_plan_print(cli->db, &cli->cfg, a.pos[0], fmt, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output_private(a.output, &out, err);
	kz_buf_free(&out);
	return st;
}

/* --- gdpr --------------------------------------------------------------------------- */

static enum kz_status gdpr_export(struct kz_cli *cli, const struct kz_opts *a,
				  struct kz_error *err)
{
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st = known_case(cli, a->pos[1], err);

	if (st == KZ_OK)
		st = kz_case_export_json(cli->db, a->pos[1], &out, err);
	if (st == KZ_OK && (out.len == 0 || out.data[out.len - 1] != '\n'))
		kz_buf_putc(&out, '\n');
	if (st == KZ_OK)
		st = kz_cli_output_private(a->output, &out, err);
	if (st == KZ_OK && a->output && strcmp(a->output, "-") != 0)
		fprintf(stderr, _("koszyk: everything held about case %s is in %s (readable by you only).\n"),
			a->pos[1], a->output);
	kz_buf_free(&out);
	return st;
}

static enum kz_status gdpr_erase(struct kz_cli *cli, const struct kz_opts *a,
				 struct kz_error *err)
{
	enum kz_status st;

	if (a->output)
		return kz_fail(err, KZ_INVALID, _("gdpr erase writes no file; -o is for gdpr export"));
	st = known_case(cli, a->pos[1], err);
	if (st != KZ_OK)
		return st;
	if (!a->yes)
		return kz_fail(err, KZ_INVALID,
			       _("erasing case %s removes everything held about it and cannot be undone; nothing was erased. Run koszyk gdpr erase %s --yes to erase it."),
			       a->pos[1], a->pos[1]);
	st = kz_case_erase(cli->db, a->pos[1], err);
	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_INVALID, _("there is no case %s"), a->pos[1]);
	if (st == KZ_OK)
		printf(_("Erased case %s: nothing of it is left but an entry in the audit trail.\n"),
		       a->pos[1]);
	return st;
}

enum kz_status kz_cmd_gdpr(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_YES | KZ_OPT_OUTPUT, 2, &a, err);

	if (st != KZ_OK)
		return st;
	if (a.npos != 2 ||
	    (strcmp(a.pos[0], "export") != 0 && strcmp(a.pos[0], "erase") != 0))
		return kz_fail(err, KZ_INVALID,
			       _("usage: koszyk gdpr export CASE_CODE [-o PATH], or gdpr erase CASE_CODE --yes"));
	if (strcmp(a.pos[0], "export") == 0 && a.yes)
		return kz_fail(err, KZ_INVALID, _("--yes is only for gdpr erase"));
	st = kz_cli_open_db(cli, err);
	if (st != KZ_OK)
		return st;
	if (strcmp(a.pos[0], "export") == 0)
		return gdpr_export(cli, &a, err);
	return gdpr_erase(cli, &a, err);
}

/* --- reports ---------------------------------------------------------------------------- */

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_JSON, REPORT_HTML };

/* The reports are made by the data layer (reports.h), printed by its
 * generic printers; text fits 80 columns; html is a page (report_html.h). */
static enum kz_status run_report(struct kz_cli *cli, const char *name,
				 enum report_format fmt, struct kz_buf *out,
				 struct kz_error *err)
{
	struct kz_report r;
	enum kz_status st = kz_report_run(cli->db, &cli->cfg, name, &r, err);

	if (st != KZ_OK)
		return st;
	if (fmt == REPORT_JSON)
		kz_report_json(&r, out);
	else if (fmt == REPORT_HTML)
		kz_report_html(&r, cli->cfg.gmina, out);
	else if (fmt == REPORT_CSV)
		kz_report_csv(&r, out);
	else
		kz_report_text(&r, 80, out);
	kz_report_free(&r);
	return KZ_OK;
}

enum kz_status kz_cmd_report(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	struct kz_buf out = KZ_BUF_INIT;
	struct kz_buf names = KZ_BUF_INIT;
	enum report_format fmt = REPORT_TEXT;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_FORMAT | KZ_OPT_OUTPUT, 1, &a, err);

	if (st != KZ_OK)
		return st;
	for (size_t i = 0; kz_report_names[i]; i++)
		kz_buf_printf(&names, "%s%s", i ? ", " : "", kz_report_names[i]);
	if (a.npos != 1) {
		st = kz_fail(err, KZ_INVALID,
			     _("report needs a name; the reports are: %s"),
			     kz_buf_str(&names));
		goto out;
	}
	if (a.format && strcmp(a.format, "csv") == 0)
		fmt = REPORT_CSV;
	else if (a.format && strcmp(a.format, "json") == 0)
		fmt = REPORT_JSON;
	else if (a.format && strcmp(a.format, "html") == 0)
		fmt = REPORT_HTML;
	else if (a.format && strcmp(a.format, "text") != 0) {
		st = kz_fail(err, KZ_INVALID,
			     _("unknown format \"%s\"; the formats are text, csv, json and html"),
			     a.format);
		goto out;
	}
	if (kz_report_known(a.pos[0])) {
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK)
			st = run_report(cli, a.pos[0], fmt, &out, err);
		if (st == KZ_OK)
			st = kz_cli_output_private(a.output, &out, err);
		goto out;
	}
	st = kz_fail(err, KZ_INVALID, _("unknown report %s; the reports are: %s"),
		     a.pos[0], kz_buf_str(&names));
out:
	kz_buf_free(&names);
	kz_buf_free(&out);
	return st;
}
