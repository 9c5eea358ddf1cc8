/* koszyk: the Local Basket of Services of a social services partnership.
 * main() parses the global options, reads the configuration, and hands
 * over to a command or to the full-screen program. Only main() exits. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "koszyk/access.h"
#include "koszyk/i18n.h"
#include "koszyk/kinds.h"
#include "koszyk/ui.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

static void usage(FILE *out)
{
	fprintf(out, _(
"Usage: koszyk [-d DB] [-c CONFIG] [COMMAND [ARGS]]\n"
"\n"
"Without a command koszyk opens the full-screen program.\n"
"\n"
"Commands:\n"
"  init                               create an empty database\n"
"  demo                               create a database filled with a fictional gmina\n"
"  search [--json] QUERY              find services, partners and contact persons\n"
"  list KIND [--json] [--all]         KIND: services, partners, contacts\n"
"  import csv services|partners FILE  add rows; a row whose id exists updates it\n"
"  export csv services|partners [-o PATH]\n"
"  export json|md|html [-o PATH]      the whole basket with partners and contacts\n"
"  backup [PATH]                      a consistent copy of the database\n"
"  check                              integrity of the database and its audit trail\n"
"\n"
"Options:\n"
"  -d DB       the database (default $KOSZYK_DB or $XDG_DATA_HOME/koszyk/koszyk.db)\n"
"  -c CONFIG   the configuration (default $KOSZYK_CONFIG or\n"
"              $XDG_CONFIG_HOME/koszyk/koszyk.yaml; built-in example otherwise)\n"
"  -h, --help  this help\n"
"  --version   the version\n"
"\n"
"Exit codes: 0 success, 1 nothing found or a failed check, 2 bad usage or\n"
"bad input, 3 a problem of the environment (locked database, full disk,\n"
"permission denied).\n"));
	/* Kept apart from the text above so that its translation stays valid
	 * until the catalogue has these lines too. */
	fprintf(out, _(
"\n"
"Cases and plans:\n"
"  list cases [--json]                case codes with status and case manager\n"
"  plan CASE_CODE [--format text|md|html] [-o PATH]\n"
"                                     the case's plan, printed for the family\n"
"  gdpr export CASE_CODE [-o PATH]    everything held about one case (JSON)\n"
"  gdpr erase CASE_CODE --yes         erase a case; only an audit entry is left\n"
"  report retention [--format text|csv|json]\n"
"                                     closed cases past the retention period\n"));
	fputs(_(
"  case open FIELD=VALUE...           open a case; prints its code\n"
"  case add KIND CASE_CODE FIELD=VALUE...\n"
"                                     add a member, team, plan, diagnosis, goal,\n"
"                                     action, review or progress; prints its id\n"), out);
	fputs(_(
"\n"
"Meetings and tasks:\n"
"  list meetings|tasks [--json]       meetings newest first; tasks open first\n"
"  meeting add FIELD=VALUE...         e.g. date=2026-12-01 time=10:00 host=PARTNER\n"
"                                     title=...; prints its id\n"
"  meeting attend MEETING_ID contact=NAME [attended=1]\n"
"  meeting decide MEETING_ID text=...\n"
"  meeting next-host                  the partner whose turn it is to host\n"
"  task add FIELD=VALUE...            title=... partner=NAME [contact=NAME]\n"
"                                     [meeting=ID] [due_date=...]; prints its id\n"
"  task close TASK_ID [status=done|dropped]\n"
"  task list [mine|overdue|by-partner] [--json]\n"), out);
	fputs(_(
"\n"
"Offline work and sync:\n"
"  sync clone SOURCE                  a new replica (-d NEW.db) of a database:\n"
"                                     a path or [USER@]HOST:DB; a worker's\n"
"                                     holds only the cases she may see\n"
"  sync export FILE [--for LOGIN]     the changes the other side has not seen\n"
"                                     (--for: for LOGIN's replica, her cases)\n"
"  sync import FILE                   apply a change file (applying it twice is\n"
"                                     harmless)\n"
"  sync ssh [USER@]HOST[:DB]          exchange changes both ways over ssh\n"
"  sync status                        this replica's ids and what it holds\n"
"  list conflicts [--json]            fields changed on two replicas at once\n"
"  list dropped [--json]              changes not applied: the record was deleted\n"
"                                     on another computer at the same time\n"
"  conflict resolve TABLE ID FIELD=VALUE\n"
"                                     settle a conflict with the chosen value\n"), out);
	fputs(_(
"\n"
"Who may see and change what (the login comes from the operating system):\n"
"  case share CASE_CODE LOGIN         let a worker see and change a case\n"
"  case unshare CASE_CODE LOGIN       stop sharing it (the case manager or a\n"
"                                     coordinator)\n"
"  --as LOGIN (before the command)    in a demo database only: act as one of\n"
"                                     the configured users\n"), out);
	fputs(_(
"\n"
"Backups and the partnership's key (change files and backups are locked):\n"
"  restore BACKUP NEW.db [--key KEYFILE]\n"
"                                     bring a backup back as a new database\n"
"  check --backup FILE [--key KEYFILE]\n"
"                                     check a backup without bringing it back\n"
"  key show                           the id of the partnership's key\n"
"  key export FILE                    the key, locked with a passphrase\n"
"                                     (a coordinator)\n"
"  key import FILE [--replace]        bring the key into this database\n"
"  --passphrase-file FILE             read the passphrase from a file, not the\n"
"                                     terminal\n"), out);
	fputs(_(
"\n"
"The audit trail (who changed or read what, and when):\n"
"  audit [CASE_CODE] [--json]         the trail, oldest first: a coordinator\n"
"                                     all of it, a worker that of their cases;\n"
"                                     koszyk check verifies it is unbroken\n"), out);
}

/* $XDG_x_HOME/koszyk/name, with the XDG default under $HOME. */
static char *xdg_path(const char *var, const char *fallback, const char *name)
{
	const char *base = getenv(var);
	const char *home = getenv("HOME");

	if (base && *base == '/')
		return xasprintf("%s/koszyk/%s", base, name);
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : "/tmp";
	}
	return xasprintf("%s/%s/koszyk/%s", home, fallback, name);
}

/* The language of the interface: KOSZYK_LANG, else the configuration,
 * else Polish when the locale is Polish (even if that locale is not
 * installed on the machine), else English. */
static void choose_language(const struct kz_config *cfg)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	if (getenv("KOSZYK_LANG") && *getenv("KOSZYK_LANG"))
		return;  /* applied at start */
	if (cfg->language) {
		kz_i18n_set_language(cfg->language);
		return;
	}
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			kz_i18n_set_language(strncmp(v, "pl", 2) == 0 ? "pl" : "en");
			return;
		}
	}
	kz_i18n_set_language("en");
}

static enum kz_status load_config(struct kz_cli *cli, const char *opt,
				  struct kz_error *err)
{
	const char *env = getenv("KOSZYK_CONFIG");
	char *xdg = NULL;
	enum kz_status st;

	if (opt)
		cli->config_path = opt;
	else if (env && *env)
		cli->config_path = env;
	else {
		struct stat sb;
		xdg = xdg_path("XDG_CONFIG_HOME", ".config", "koszyk.yaml");
		if (stat(xdg, &sb) == 0)
			cli->config_path = xdg;
	}
	if (cli->config_path) {
		st = kz_config_load_file(&cli->cfg, cli->config_path, err);
		if (st != KZ_OK) {
			free(xdg);
			cli->config_path = NULL;
			return st;
		}
		if (cli->config_path == xdg)
			cli->config_path = "";  /* xdg freed below; path only informative */
	} else {
		st = kz_config_load_builtin(&cli->cfg, err);
		if (st != KZ_OK)
			return st;
		choose_language(&cli->cfg);
		cli->notice = xasprintf(_("No configuration file: using the built-in example gmina (%s). Copy config/koszyk.yaml to %s and edit it."),
					cli->cfg.gmina, xdg);
	}
	free(xdg);
	return KZ_OK;
}

static enum kz_status setup_db(struct kz_cli *cli, struct kz_error *err);
static void tell_notices(struct kz_cli *cli);

enum kz_status kz_cli_open_db(struct kz_cli *cli, bool create, struct kz_error *err)
{
	enum kz_status st;

	if (cli->db)
		return KZ_OK;
	if (cli->server_db)  /* opened at the start, or refused then */
		return kz_fail(err, KZ_ENV, _("The database of this server could not be opened."));
	if (create && cli->db_is_default) {
		/* The default place may not exist yet. */
		char *dir = xstrdup(cli->db_path);
		char *slash = strrchr(dir, '/');
		if (slash && slash != dir) {
			*slash = '\0';
			st = kz_mkdir_p(dir, 0700, err);
			if (st != KZ_OK) {
				free(dir);
				return st;
			}
		}
		free(dir);
	}
	st = kz_db_open(cli->db_path, create ? KZ_OPEN_CREATE : KZ_OPEN_EXISTING, &cli->db, err);
	if (st != KZ_OK)
		return st;
	st = setup_db(cli, err);
	if (st == KZ_OK)
		tell_notices(cli);
	return st;
}

/* What a person should know about the file as it opens: to the error
 * output for a command ("check" reports it itself), into the first
 * message of the full-screen program. */
static void tell_notices(struct kz_cli *cli)
{
	char *notes = kz_db_notices(cli->db);

	if (!notes)
		return;
	if (cli->argc == 0) {
		for (char *nl; (nl = strchr(notes, '\n')) && nl[1];)
			*nl = ' ';
		notes[strcspn(notes, "\n")] = '\0';
		if (cli->notice) {
			char *both = xasprintf("%s %s", notes, cli->notice);
			free(cli->notice);
			cli->notice = both;
		} else {
			cli->notice = xstrdup(notes);
		}
	} else if (strcmp(cli->argv[0], "check") != 0) {
		for (char *line = strtok(notes, "\n"); line; line = strtok(NULL, "\n"))
			fprintf(stderr, "koszyk: %s\n", line);
	}
	free(notes);
}

/* The person and the settings of an open database. */
static enum kz_status setup_db(struct kz_cli *cli, struct kz_error *err)
{
	enum kz_status st;

	kz_db_set_login(cli->db, &cli->cfg, cli->login);
	if (cli->act_as) {
		st = kz_db_act_as(cli->db, &cli->cfg, cli->act_as, err);
		if (st != KZ_OK) {
			kz_db_close(cli->db);
			cli->db = NULL;
			return st;
		}
	}
	kz_db_set_stale_days(cli->db, cli->cfg.stale_days);
	return KZ_OK;
}

static enum kz_status run_ui(struct kz_cli *cli, struct kz_error *err)
{
	enum kz_status st;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return kz_fail(err, KZ_INVALID,
			       _("The full-screen program needs a terminal. Use a command instead (see koszyk --help)."));
	st = kz_cli_open_db(cli, true, err);
	if (st != KZ_OK)
		return st;
	return kz_ui_run(cli->db, &cli->cfg, cli->notice, err);
}

static const struct {
	const char *name;
	enum kz_status (*run)(struct kz_cli *, struct kz_error *);
} commands[] = {
	{ "init", kz_cmd_init },
	{ "demo", kz_cmd_demo },
	{ "search", kz_cmd_search },
	{ "list", kz_cmd_list },
	{ "import", kz_cmd_import },
	{ "export", kz_cmd_export },
	{ "check", kz_cmd_check },
	{ "backup", kz_cmd_backup },
	{ "restore", kz_cmd_restore },
	{ "key", kz_cmd_key },
	{ "case", kz_cmd_case },
	{ "plan", kz_cmd_plan },
	{ "gdpr", kz_cmd_gdpr },
	{ "report", kz_cmd_report },
	{ "meeting", kz_cmd_meeting },
	{ "task", kz_cmd_task },
	{ "sync", kz_cmd_sync },
	{ "conflict", kz_cmd_conflict },
	{ "audit", kz_cmd_audit },
};

/* Does the command write a machine format (JSON, HTML, CSV, the sync
 * dump or protocol)? Those escape in their own way and stay as they are. */
static bool machine_output(int argc, char **argv)
{
	static const char *const raw_commands[][2] = {
		{ "export", "json" }, { "export", "html" }, { "export", "csv" },
		{ "gdpr", "export" }, { "sync", "dump" }, { "sync", "serve" },
		{ "sync", "serve-clone" },
	};

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			return true;
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc &&
		    (strcmp(argv[i + 1], "json") == 0 || strcmp(argv[i + 1], "csv") == 0 ||
		     strcmp(argv[i + 1], "html") == 0))
			return true;
	}
	for (size_t i = 0; argc >= 2 && i < sizeof(raw_commands) / sizeof(raw_commands[0]); i++)
		if (strcmp(argv[0], raw_commands[i][0]) == 0 && strcmp(argv[1], raw_commands[i][1]) == 0)
			return true;
	return false;
}

/* What a command printed from a file it found damaged may be partial:
 * the damage is said, whatever SQLite let the command believe. */
static enum kz_status after_reading(struct kz_cli *cli, enum kz_status st,
				    struct kz_error *err)
{
	if (st != KZ_OK || !cli->db || strcmp(cli->argv[0], "check") == 0)
		return st;
	fflush(stdout);
	return kz_db_intact(cli->db, err);
}

static enum kz_status dispatch(struct kz_cli *cli, struct kz_error *err)
{
	if (cli->argc == 0)
		return run_ui(cli, err);
	if (machine_output(cli->argc, cli->argv))
		kz_cli_raw_output();
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(cli->argv[0], commands[i].name) == 0)
			return after_reading(cli, commands[i].run(cli, err), err);
	return kz_fail(err, KZ_INVALID, _("unknown command \"%s\" (see koszyk --help)"),
		       cli->argv[0]);
}

static void cleanup(struct kz_cli *cli)
{
	kz_db_close(cli->db);
	kz_config_free(&cli->cfg);
	free(cli->notice);
	free(cli->login);
	free(cli->server_db);
	free(cli->server_config);
}

/* The configuration, and on the office server its database (see
 * privilege.c): what may be read with the program's group is settled
 * before anything else is read. */
static enum kz_status prepare(struct kz_cli *cli, const char *config_opt,
			      struct kz_error *err)
{
	enum kz_status st = kz_priv_choose(cli, config_opt, err);

	if (st != KZ_OK)
		return st;
	if (!cli->server_db)
		return load_config(cli, config_opt, err);
	if (cli->act_as)
		return kz_fail(err, KZ_INVALID,
			       _("--as works only in a demo database, never on the server."));
	st = kz_priv_load_config(cli, err);
	if (st == KZ_OK)
		st = kz_priv_open_server_db(cli, err);
	if (st == KZ_OK)
		st = setup_db(cli, err);
	if (st == KZ_OK)
		tell_notices(cli);
	return st;
}

/* A kind of record the kind table does not describe whole is a fault of
 * this build: nothing runs on it. */
static bool kinds_whole(void)
{
	char why[256];

	if (kz_kinds_check(why, sizeof(why)))
		return true;
	fprintf(stderr, "koszyk: this build is faulty: %s\n", why);
	return false;
}

int main(int argc, char **argv)
{
	struct kz_cli cli = { 0 };
	struct kz_error err = { 0 };
	const char *db_opt = NULL, *config_opt = NULL;
	char *default_db = NULL;
	enum kz_status st;
	int i;

	/* Before anything: a setgid koszyk sets its group aside. */
	kz_priv_init();
	kz_i18n_init(getenv("KOSZYK_LANG"));
	if (!kinds_whole())
		return 3;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(a, "--version") == 0) {
			printf("koszyk %s\n", KZ_VERSION);
			return 0;
		}
		if ((strcmp(a, "-d") == 0 || strcmp(a, "-c") == 0) && i + 1 < argc) {
			*(a[1] == 'd' ? &db_opt : &config_opt) = argv[++i];
			continue;
		}
		if (strcmp(a, "--as") == 0 && i + 1 < argc) {
			cli.act_as = argv[++i];
			continue;
		}
		if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("koszyk: unknown option \"%s\" (see koszyk --help)\n"), a);
			return 2;
		}
		break;
	}
	cli.argc = argc - i;
	cli.argv = argv + i;
	/* A command's text never drives the terminal; the full-screen
	 * program draws through curses, which shows it harmlessly. */
	if (cli.argc > 0)
		kz_cli_guard_output();
	/* Who is at the keyboard: the operating system says, nothing else. */
	cli.login = kz_os_login();

	if (db_opt)
		cli.db_path = db_opt;
	else if (getenv("KOSZYK_DB") && *getenv("KOSZYK_DB"))
		cli.db_path = getenv("KOSZYK_DB");
	else
		cli.db_path = default_db = xdg_path("XDG_DATA_HOME", ".local/share", "koszyk.db");
	cli.db_is_default = default_db != NULL;
	st = prepare(&cli, config_opt, &err);
	/* Whatever happened, nothing more is done with the program's group. */
	kz_priv_give_up();
	if (st == KZ_OK) {
		choose_language(&cli.cfg);
		st = dispatch(&cli, &err);
	}
	if (st != KZ_OK && err.msg[0])
		fprintf(stderr, "koszyk: %s\n", err.msg);
	cleanup(&cli);
	free(default_db);
	return kz_status_exit_code(st);
}
