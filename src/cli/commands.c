/* The commands of SPEC section 4. Each reads its arguments from cli->argv
 * (argv[0] is the command) and calls the same core functions as the
 * screens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "koszyk/locked.h"
#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/demo.h"
#include "koszyk/exchange.h"
#include "koszyk/hsds.h"
#include "koszyk/network.h"
#include "koszyk/i18n.h"
#include "koszyk/partnership.h"
#include "koszyk/search.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

enum kz_status kz_cli_output(const char *path, const char *data, size_t len,
			     struct kz_error *err)
{
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return kz_fail(err, KZ_ENV, _("cannot write the output"));
		return KZ_OK;
	}
	return kz_export_write(path, data, len, !kz_cli_output_is_raw(), err);
}

/* --- init and demo --------------------------------------------------------- */

static bool db_has_data(struct kz_db *db)
{
	struct kz_db_counts c;
	return kz_db_counts(db, &c, NULL) == KZ_OK && (c.partners || c.services || c.contacts);
}

static enum kz_status open_new(struct kz_cli *cli, bool refuse_existing,
			       struct kz_error *err)
{
	struct stat sb;
	bool existed = stat(cli->db_path, &sb) == 0 && sb.st_size > 0;
	enum kz_status st;

	/* A new database has no demo users to act as yet. */
	cli->act_as = NULL;
	st = kz_cli_open_db(cli, err);

	if (st != KZ_OK)
		return st;
	if (existed && (refuse_existing || db_has_data(cli->db)))
		return kz_fail(err, KZ_INVALID,
			       _("%s already exists; nothing was changed. Give a new file with -d."),
			       cli->db_path);
	if (cli->notice)
		fprintf(stderr, "koszyk: %s\n", cli->notice);
	return KZ_OK;
}

enum kz_status kz_cmd_init(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	enum kz_status st = kz_cli_parse(cli, 1, 0, 0, &a, err);

	if (st == KZ_OK)
		st = open_new(cli, true, err);
	if (st == KZ_OK)
		printf(_("Created the database %s for %s.\n"), cli->db_path, cli->cfg.gmina);
	return st;
}

enum kz_status kz_cmd_demo(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	enum kz_status st = kz_cli_parse(cli, 1, 0, 0, &a, err);

	if (st == KZ_OK)
		st = open_new(cli, false, err);
	if (st == KZ_OK)
		st = kz_demo_fill(cli->db, &cli->cfg, err);
	if (st == KZ_OK) {
		struct kz_db_counts c;
		kz_db_counts(cli->db, &c, NULL);
		printf(_("Created the demo database %s: %ld partners, %ld contact persons, %ld services.\n"),
		       cli->db_path, c.partners, c.contacts, c.services);
	}
	return st;
}

/* --- search and list -------------------------------------------------------- */

/* A hit; "network" is the short name of the network whose basket it
 * came from, null for our own (and for kinds no network has). */
static void json_hit(struct kz_db *db, struct kz_buf *b, const struct kz_hit *h)
{
	char *net = kz_network_of(db, h->kind, h->id);

	kz_buf_puts(b, "{\"kind\":");
	kz_buf_json_string(b, kz_kind_name(h->kind));
	kz_buf_puts(b, ",\"id\":");
	kz_buf_json_string(b, h->id);
	kz_buf_puts(b, ",\"title\":");
	kz_buf_json_string(b, h->title);
	kz_buf_puts(b, ",\"detail\":");
	kz_buf_json_string(b, h->detail ? h->detail : "");
	kz_buf_puts(b, ",\"network\":");
	kz_buf_json_string(b, net);
	kz_buf_putc(b, '}');
	free(net);
}

/* --network NAME (a registered network) or --own; NULL: every basket. */
static enum kz_status search_network(struct kz_cli *cli, const struct kz_opts *a,
				     const char **network, struct kz_error *err)
{
	char *source;

	*network = a->own ? KZ_NETWORK_OWN : a->network;
	if (!a->network)
		return KZ_OK;
	source = kz_network_source(cli->db, a->network);
	if (!source)
		return kz_fail(err, KZ_INVALID,
			       _("there is no network %s (koszyk network list names them)"),
			       a->network);
	free(source);
	return KZ_OK;
}

enum kz_status kz_cmd_search(struct kz_cli *cli, struct kz_error *err)
{
	static const char *const headings[KZ_KIND_COUNT] = {
		N_("Services"), N_("Partners"), N_("Contact persons"), N_("Meetings"),
		N_("Cases"),
	};
	struct kz_opts a;
	struct kz_hits hits;
	struct kz_buf out = KZ_BUF_INIT;
	struct kz_buf query = KZ_BUF_INIT;
	const char *network;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_JSON | KZ_OPT_DASH_WORDS |
					 KZ_OPT_NETWORK | KZ_OPT_OWN, 4, &a, err);

	if (st != KZ_OK)
		return st;
	if (a.npos == 0)
		return kz_fail(err, KZ_INVALID, _("search needs a query, e.g. koszyk search zlobek"));
	if (a.network && a.own)
		return kz_fail(err, KZ_INVALID,
			       _("--network NAME finds in that network's basket, --own in ours: give one of them"));
	for (int i = 0; i < a.npos; i++) {
		if (i)
			kz_buf_putc(&query, ' ');
		kz_buf_puts(&query, a.pos[i]);
	}
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = search_network(cli, &a, &network, err);
	if (st == KZ_OK)
		st = kz_search_in(cli->db, kz_buf_str(&query), network, 50, &hits, err);
	kz_buf_free(&query);
	if (st != KZ_OK)
		return st;
	if (a.json) {
		kz_buf_putc(&out, '[');
		for (size_t i = 0; i < hits.n; i++) {
			if (i)
				kz_buf_puts(&out, ",\n");
			json_hit(cli->db, &out, &hits.v[i]);
		}
		kz_buf_puts(&out, "]\n");
	} else {
		int kind = -1;
		for (size_t i = 0; i < hits.n; i++) {
			const struct kz_hit *h = &hits.v[i];
			if ((int)h->kind != kind) {
				kind = (int)h->kind;
				kz_buf_printf(&out, "%s%s:\n", i ? "\n" : "", _(headings[kind]));
			}
			kz_buf_printf(&out, "  %s", h->title);
			if (!kz_str_empty(h->detail))
				kz_buf_printf(&out, " — %s", h->kind == KZ_KIND_CASE
					      ? _(kz_enum_label(h->detail)) : h->detail);
			kz_buf_putc(&out, '\n');
		}
	}
	st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	if (st == KZ_OK && hits.n == 0) {
		if (!a.json)
			fprintf(stderr, _("koszyk: nothing found\n"));
		st = KZ_NOT_FOUND;
	}
	kz_hits_free(&hits);
	kz_buf_free(&out);
	return st;
}

struct list_ctx {
	struct kz_cli *cli;
	struct kz_buf *out;
	const char *network;  /* --network: only its services */
};

/* A service of a network's basket is marked " [NAME]" after its title;
 * with --network only that network's services are listed. */
static enum kz_status list_service(const struct kz_service *s, void *p)
{
	struct list_ctx *c = p;
	bool stale = kz_service_is_stale(c->cli->db, s->verified_on, s->status);
	char *net = kz_network_of(c->cli->db, KZ_KIND_SERVICE, s->id);

	if (!c->network || kz_str_eq(net, c->network))
		kz_buf_printf(c->out, "%s%s%s%s%s\t%s\t%s\t%s\n", stale ? "! " : "", s->title,
			      net ? " [" : "", net ? net : "", net ? "]" : "",
			      s->provider_name ? s->provider_name : "",
			      kz_items_label(&c->cli->cfg.categories, s->category ? s->category : ""),
			      _(kz_enum_label(s->status)));
	free(net);
	return KZ_OK;
}

static enum kz_status list_partner(const struct kz_partner *p, void *ctx)
{
	struct list_ctx *c = ctx;

	kz_buf_printf(c->out, "%s\t%s\t%s%s%s\n", p->name,
		      kz_items_label(&c->cli->cfg.partner_kinds, p->kind ? p->kind : ""),
		      _(kz_enum_label(p->status)),
		      p->declaration_date ? " " : "",
		      p->declaration_date ? p->declaration_date : "");
	return KZ_OK;
}

static enum kz_status list_contact(const struct kz_contact *ct, void *ctx)
{
	struct list_ctx *c = ctx;

	kz_buf_printf(c->out, "%s\t%s\t%s\t%s\n", ct->name,
		      ct->partner_name ? ct->partner_name : "",
		      ct->phone ? ct->phone : "", ct->position ? ct->position : "");
	return KZ_OK;
}

/* The partners filter of list partners, checked: a status of the
 * membership and a configured sector code. */
static enum kz_status partner_filter(struct kz_cli *cli, const struct kz_opts *a,
				     struct kz_partner_filter *f, struct kz_error *err)
{
	bool known = !a->status;

	for (const char *const *v = kz_partner_statuses; !known && *v; v++)
		known = strcmp(*v, a->status) == 0;
	if (!known)
		return kz_fail(err, KZ_INVALID,
			       _("unknown membership status \"%s\": the statuses are invited, informal, declared and left"),
			       a->status);
	if (a->sector && !kz_items_find(&cli->cfg.sectors, a->sector))
		return kz_fail(err, KZ_INVALID,
			       _("unknown sector \"%s\": see the sectors in the configuration"),
			       a->sector);
	f->status = a->status;
	f->sector = a->sector;
	return KZ_OK;
}

/* The partners that pass the filter, one line each as list_partner. */
static enum kz_status list_partners_filtered(struct kz_cli *cli,
					     const struct kz_partner_filter *f,
					     struct list_ctx *c, struct kz_error *err)
{
	struct kz_rows rows;
	enum kz_status st = kz_partner_list(cli->db, NULL, f, 0, &rows, err);

	for (size_t i = 0; st == KZ_OK && i < rows.n; i++) {
		struct kz_partner p = { 0 };
		st = kz_partner_get(cli->db, rows.v[i].id, &p, err);
		if (st == KZ_OK)
			st = list_partner(&p, c);
		kz_partner_clear(&p);
	}
	kz_rows_free(&rows);
	return st;
}

enum kz_status kz_cmd_list(struct kz_cli *cli, struct kz_error *err)
{
	static const char *const kinds[] = { "services", "partners", "contacts" };
	struct kz_opts a;
	struct kz_buf out = KZ_BUF_INIT;
	struct list_ctx c = { cli, &out, NULL };
	int kind = -1;
	struct kz_partner_filter filter = { 0 };
	bool filtered;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_JSON | KZ_OPT_ALL | KZ_OPT_STATUS |
					 KZ_OPT_SECTOR | KZ_OPT_NETWORK, 1, &a, err);

	if (st != KZ_OK)
		return st;
	if (a.npos != 1)
		return kz_fail(err, KZ_INVALID, _("list needs a kind: services, partners or contacts"));
	if (a.network && (strcmp(a.pos[0], "services") != 0 || a.json))
		return kz_fail(err, KZ_INVALID,
			       _("--network filters the list of services as text only"));
	c.network = a.network;
	filtered = a.status || a.sector;
	if (filtered && strcmp(a.pos[0], "partners") != 0)
		return kz_fail(err, KZ_INVALID,
			       _("--status and --sector filter the partners only"));
	if (filtered && (st = partner_filter(cli, &a, &filter, err)) != KZ_OK)
		return st;
	if (strcmp(a.pos[0], "cases") == 0)
		return kz_cmd_list_cases(cli, a.json, err);
	if (strcmp(a.pos[0], "conflicts") == 0)
		return kz_cmd_list_conflicts(cli, a.json, err);
	if (strcmp(a.pos[0], "dropped") == 0)
		return kz_cmd_list_dropped(cli, a.json, err);
	if (strcmp(a.pos[0], "meetings") == 0 || strcmp(a.pos[0], "tasks") == 0)
		return kz_cmd_list_meetings(cli, a.pos[0], a.json, err);
	for (int i = 0; i < 3; i++)
		if (strcmp(a.pos[0], kinds[i]) == 0)
			kind = i;
	if (kind < 0)
		return kz_fail(err, KZ_INVALID,
			       _("cannot list \"%s\": the kinds are services, partners and contacts"),
			       a.pos[0]);
	st = kz_cli_open_db(cli, err);
	if (st != KZ_OK)
		return st;
	if (a.json)
		st = kz_export_json_list(cli->db, &cli->cfg, kind == 0 ? KZ_KIND_SERVICE
					 : kind == 1 ? KZ_KIND_PARTNER : KZ_KIND_CONTACT,
					 a.all, filtered ? &filter : NULL, &out, err);
	else if (kind == 0)
		st = kz_service_each(cli->db, a.all, list_service, &c, err);
	else if (kind == 1 && filtered)
		st = list_partners_filtered(cli, &filter, &c, err);
	else if (kind == 1)
		st = kz_partner_each(cli->db, list_partner, &c, err);
	else
		st = kz_contact_each(cli->db, NULL, list_contact, &c, err);
	if (st == KZ_OK)
		st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	return st;
}

/* --- import, export ----------------------------------------------------------- */

/* --separator and --encoding of import csv; what they leave out is
 * detected. */
static enum kz_status csv_format_of(const struct kz_opts *a,
				    struct kz_csv_format *f,
				    struct kz_error *err)
{
	memset(f, 0, sizeof(*f));
	if (a->separator && !kz_csv_separator_parse(a->separator, &f->separator))
		return kz_fail(err, KZ_INVALID,
			       _("--separator \"%s\": the columns can be separated by ';' (semicolon) or ',' (comma)"),
			       a->separator);
	if (a->encoding && !kz_csv_encoding_parse(a->encoding, &f->encoding))
		return kz_fail(err, KZ_INVALID,
			       _("--encoding \"%s\": koszyk reads utf-8 (\"CSV UTF-8\") or cp1250 (what Polish Excel saves as \"CSV\")"),
			       a->encoding);
	return KZ_OK;
}

/* How the file was read, once that is known. */
static void tell_csv_format(const struct kz_import_result *res)
{
	char *text = kz_import_csv_format_text(res);

	if (text)
		printf("%s\n", text);
	free(text);
}

/* import hsds DIR: what came in, then what was not kept (stderr). */
static enum kz_status import_hsds(struct kz_cli *cli, const char *dir,
				  struct kz_error *err)
{
	struct kz_hsds_import_result res = { 0 };
	enum kz_status st = kz_cli_open_db(cli, err);

	if (st == KZ_OK) {
		struct kz_cli_meter cm;
		kz_cli_meter_begin(&cm, _("Importing:"));
		st = kz_import_hsds(cli->db, &cli->cfg, dir, &res, err);
		kz_cli_meter_end(&cm);
	}
	if (st == KZ_OK) {
		char *line = kz_import_hsds_done_text(dir, &res);
		printf("%s\n", line);
		free(line);
		for (size_t i = 0; i < res.nwarnings; i++)
			fprintf(stderr, "%s\n", res.warnings[i]);
	}
	kz_hsds_import_result_free(&res);
	return st;
}

enum kz_status kz_cmd_import(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	struct kz_import_result res = { 0 };
	struct kz_csv_format want;
	enum kz_kind kind;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_SEPARATOR | KZ_OPT_ENCODING,
					 3, &a, err);

	if (st != KZ_OK)
		return st;
	if (a.npos == 2 && strcmp(a.pos[0], "hsds") == 0 && !a.separator && !a.encoding)
		return import_hsds(cli, a.pos[1], err);
	if (a.npos != 3 || strcmp(a.pos[0], "csv") != 0)
		return kz_fail(err, KZ_INVALID, _("usage: koszyk import csv services|partners FILE [--separator ';'|','] [--encoding utf-8|cp1250], or import hsds DIR"));
	if (strcmp(a.pos[1], "services") == 0)
		kind = KZ_KIND_SERVICE;
	else if (strcmp(a.pos[1], "partners") == 0)
		kind = KZ_KIND_PARTNER;
	else
		return kz_fail(err, KZ_INVALID, _("can import services or partners, not \"%s\""), a.pos[1]);
	if ((st = csv_format_of(&a, &want, err)) != KZ_OK)
		return st;
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK) {
		struct kz_cli_meter cm;
		kz_cli_meter_begin(&cm, _("Importing:"));
		st = kz_import_csv(cli->db, &cli->cfg, kind, a.pos[2], &want, &res, err);
		kz_cli_meter_end(&cm);
	}
	tell_csv_format(&res);
	if (st == KZ_OK) {
		char *line = kz_import_csv_done_text(a.pos[2], &res);
		printf("%s\n", line);
		free(line);
	}
	return st;
}

/* export csv services|partners --excel */
static enum kz_status export_csv_excel(struct kz_cli *cli, const struct kz_opts *a,
				       struct kz_error *err)
{
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_kind kind = strcmp(a->pos[1], "services") == 0 ?
			    KZ_KIND_SERVICE : KZ_KIND_PARTNER;
	enum kz_status st = kz_cli_open_db(cli, err);

	if (st == KZ_OK)
		st = kz_export_csv_excel(cli->db, kind, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output(a->output, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	return st;
}

/* export xlsx: a binary file, never shown on a terminal. */
static enum kz_status export_xlsx(struct kz_cli *cli, const struct kz_opts *a,
				  struct kz_error *err)
{
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st;

	if ((!a->output || strcmp(a->output, "-") == 0) && isatty(STDOUT_FILENO))
		return kz_fail(err, KZ_INVALID,
			       _("a workbook cannot be shown on the screen — give a file name with -o, for example -o koszyk.xlsx"));
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_export_xlsx(cli->db, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output(a->output, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	return st;
}

/* export hsds DIR: the files written and their rows. */
static enum kz_status export_hsds(struct kz_cli *cli, const struct kz_opts *a,
				  struct kz_error *err)
{
	struct kz_hsds_counts counts;
	enum kz_status st;

	if (a->output)
		return kz_fail(err, KZ_INVALID,
			       _("export hsds writes a folder of files: give the folder, not -o"));
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_export_hsds(cli->db, &cli->cfg, a->pos[1], &counts, err);
	if (st != KZ_OK)
		return st;
	printf(_("Written into %s (Open Referral HSDS 3.0, rows of each file):\n"),
	       a->pos[1]);
	for (size_t t = 0; t < KZ_HSDS_NTABLES; t++)
		printf("  %-32s %zu\n", counts.file[t], counts.rows[t]);
	printf("  %s\n", "datapackage.json");
	return KZ_OK;
}

static bool is_csv_export(const struct kz_opts *a)
{
	return a->npos == 2 && strcmp(a->pos[0], "csv") == 0 &&
	       (strcmp(a->pos[1], "services") == 0 || strcmp(a->pos[1], "partners") == 0);
}

static enum kz_status export_any(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_export_format fmt;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_OUTPUT | KZ_OPT_EXCEL, 2, &a, err);

	if (st != KZ_OK)
		return st;
	if (a.excel && !is_csv_export(&a))
		return kz_fail(err, KZ_INVALID,
			       _("--excel is for export csv services|partners only"));
	if (a.excel)
		return export_csv_excel(cli, &a, err);
	if (a.npos == 1 && strcmp(a.pos[0], "xlsx") == 0)
		return export_xlsx(cli, &a, err);
	if (a.npos == 2 && strcmp(a.pos[0], "hsds") == 0)
		return export_hsds(cli, &a, err);
	if (is_csv_export(&a))
		fmt = strcmp(a.pos[1], "services") == 0 ? KZ_EXPORT_CSV_SERVICES :
			KZ_EXPORT_CSV_PARTNERS;
	else if (a.npos == 1 && strcmp(a.pos[0], "json") == 0)
		fmt = KZ_EXPORT_JSON;
	else if (a.npos == 1 && strcmp(a.pos[0], "md") == 0)
		fmt = KZ_EXPORT_MD;
	else if (a.npos == 1 && strcmp(a.pos[0], "html") == 0)
		fmt = KZ_EXPORT_HTML;
	else
		return kz_fail(err, KZ_INVALID,
			       _("usage: koszyk export csv services|partners [--excel] [-o PATH], export json|md|html|xlsx [-o PATH], or export hsds DIR"));
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_export(cli->db, &cli->cfg, fmt, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output(a.output, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	return st;
}

/* Every format shows the same progress line. */
enum kz_status kz_cmd_export(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_cli_meter cm;
	enum kz_status st;

	kz_cli_meter_begin(&cm, _("Exporting:"));
	st = export_any(cli, err);
	kz_cli_meter_end(&cm);
	return st;
}

/* --- check, backup -------------------------------------------------------------- */

/* Beside the contents: who else may read the files, whether the file can
 * only be read, and whether the disk under it is encrypted (RODO art. 32
 * expects it of a laptop). Warnings, not problems of the file. */
static void tell_file_safety(struct kz_cli *cli)
{
	char *notes = kz_db_notices(cli->db);

	if (notes)
		fputs(notes, stdout);
	free(notes);
	switch (kz_db_volume(cli->db_path)) {
	case KZ_VOLUME_ENCRYPTED:
		printf("%s\n", _("Disk: encrypted (dm-crypt/LUKS)."));
		break;
	case KZ_VOLUME_PLAIN:
		printf("%s\n", _("Disk: NOT encrypted. RODO art. 32 expects the disk of a laptop with the families' data to be encrypted (LUKS); ask whoever looks after your computers."));
		break;
	case KZ_VOLUME_UNKNOWN:
		printf("%s\n", _("Disk: cannot tell whether it is encrypted (the file lies on a file system without a disk of its own, such as a network or memory file system)."));
		break;
	}
}

enum kz_status kz_cmd_check(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	char *report = NULL;
	struct kz_db_counts c;
	enum kz_status st;

	for (int i = 1; i < cli->argc; i++)
		if (strcmp(cli->argv[i], "--backup") == 0)
			return kz_cmd_check_backup(cli, err);
	st = kz_cli_parse(cli, 1, 0, 0, &a, err);
	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st == KZ_DAMAGED) {
		/* Too damaged to open: that is the finding. */
		printf("%s: %s\n", _("database file"), err->msg);
		fprintf(stderr, "koszyk: %s\n", err->msg);
		err->msg[0] = '\0';
		return KZ_NOT_FOUND;
	}
	if (st != KZ_OK)
		return st;
	st = kz_db_check(cli->db, &report, err);
	fputs(report, stdout);
	free(report);
	tell_file_safety(cli);
	if (st == KZ_CORRUPT) {
		/* A failed check is exit code 1, not "bad input". */
		fprintf(stderr, "koszyk: %s\n", err->msg);
		err->msg[0] = '\0';
		return KZ_NOT_FOUND;
	}
	if (st != KZ_OK)
		return st;
	st = kz_db_counts(cli->db, &c, err);
	if (st == KZ_OK)
		printf(_("OK: %s — %ld partners, %ld contact persons, %ld services (%ld active, %ld not verified for over %d days), %ld audit entries.\n"),
		       cli->db_path, c.partners, c.contacts, c.services, c.services_active,
		       c.services_stale, kz_db_stale_days(cli->db), c.audit);
	return st;
}

enum kz_status kz_cmd_backup(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	char today[11];
	char *path = NULL;
	enum kz_status st = kz_cli_parse(cli, 1, 0, 1, &a, err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st != KZ_OK)
		return st;
	kz_today(today);
	path = a.npos ? xstrdup(a.pos[0]) : xasprintf("%s.%s.bak", cli->db_path, today);
	struct kz_cli_meter cm;
	kz_cli_meter_begin(&cm, _("Backing up:"));
	st = kz_db_backup_locked(cli->db, path, err);
	kz_cli_meter_end(&cm);
	if (st == KZ_OK)
		printf(_("Backup written to %s.\n"), path);
	free(path);
	return st;
}

/* --- partner history ------------------------------------------------------------ */

static void history_text(const struct kz_steps *s, struct kz_buf *out)
{
	for (size_t i = 0; i < s->n; i++) {
		const char *detail = s->v[i].detail;
		kz_buf_printf(out, "%s\t%s%s%s\n", s->v[i].date,
			      kz_step_label(s->v[i].kind), detail ? ": " : "",
			      detail ? detail : "");
	}
}

static void history_json(const struct kz_steps *s, struct kz_buf *out)
{
	kz_buf_putc(out, '[');
	for (size_t i = 0; i < s->n; i++) {
		kz_buf_puts(out, i ? ",\n{\"kind\":\"membership_step\",\"date\":"
				  : "{\"kind\":\"membership_step\",\"date\":");
		kz_buf_json_string(out, s->v[i].date);
		kz_buf_puts(out, ",\"step\":");
		kz_buf_json_string(out, kz_step_name(s->v[i].kind));
		kz_buf_puts(out, ",\"detail\":");
		if (s->v[i].detail)
			kz_buf_json_string(out, s->v[i].detail);
		else
			kz_buf_puts(out, "null");
		kz_buf_putc(out, '}');
	}
	kz_buf_puts(out, "]\n");
}

enum kz_status kz_cmd_partner(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	struct kz_steps steps = { 0 };
	struct kz_buf out = KZ_BUF_INIT;
	char id[KZ_ID_LEN + 1];
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_JSON, 2, &a, err);

	if (st != KZ_OK)
		return st;
	if (a.npos != 2 || strcmp(a.pos[0], "history") != 0)
		return kz_fail(err, KZ_INVALID, "%s",
			       _("usage: koszyk partner history NAME [--json]"));
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_partner_find_by_name(cli->db, a.pos[1], id, err);
	if (st == KZ_NOT_FOUND)
		st = KZ_INVALID;
	if (st == KZ_OK)
		st = kz_partner_history(cli->db, id, &steps, err);
	if (st == KZ_OK) {
		if (a.json)
			history_json(&steps, &out);
		else
			history_text(&steps, &out);
		st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	}
	kz_steps_free(&steps);
	kz_buf_free(&out);
	return st;
}
