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

/* A path under the home folder as "~/...", shorter to read. */
static char *home_as_tilde(const char *path)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		return xasprintf("~%s", path + n);
	return xstrdup(path);
}

/* The example configuration to copy: the installed one when it is there,
 * else the one of the source tree. */
static const char *example_config(void)
{
	static const char installed[] = KZ_DATADIR "/koszyk/koszyk.yaml.example";

	return access(installed, R_OK) == 0 ? installed : "config/koszyk.yaml";
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
		char *shown = home_as_tilde(xdg);
		cli->notice = xasprintf(_("No configuration file: using the example gmina (%s). Copy %s to %s and edit it."),
					cli->cfg.gmina, example_config(), shown);
		free(shown);
	}
	free(xdg);
	return KZ_OK;
}

/* --help speaks as the program would: KOSZYK_LANG, else the language of
 * the configuration (-c, KOSZYK_CONFIG, the default place, else the
 * example), else the locale's. One that cannot be read leaves it to the
 * locale; the command itself will say what is wrong with it. */
static void help_language(const char *config_opt)
{
	struct kz_cli cli = { 0 };
	struct kz_error err = { 0 };

	if (getenv("KOSZYK_LANG") && *getenv("KOSZYK_LANG"))
		return;
	if (load_config(&cli, config_opt, &err) != KZ_OK)
		kz_config_free(&cli.cfg);
	choose_language(&cli.cfg);
	kz_config_free(&cli.cfg);
	free(cli.notice);
}

/* The -c among the options before the command, for --help. */
static const char *config_option(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-c") == 0)
			return argv[i + 1];
	}
	return NULL;
}

static enum kz_status setup_db(struct kz_cli *cli, struct kz_error *err);
static void tell_notices(struct kz_cli *cli);

enum kz_status kz_cli_open_db(struct kz_cli *cli, struct kz_error *err)
{
	/* The command table says which commands make their database; the
	 * full-screen program makes one where there is none. */
	bool create = !cli->command || (cli->command->flags & KZ_CMD_MAKES_DB);
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
	st = kz_cli_open_file(cli->db_path, create ? KZ_OPEN_CREATE : KZ_OPEN_EXISTING, &cli->db,
			      err);
	if (st != KZ_OK)
		return st;
	st = setup_db(cli, err);
	if (st == KZ_OK)
		tell_notices(cli);
	return st;
}

/* Does the command tell the file's notices and damage itself? */
static bool checks_file(const struct kz_cli *cli)
{
	const struct kz_cli_command *c = kz_cli_find(cli->argv[0]);

	return c && (c->flags & KZ_CMD_CHECKS);
}

/* What a person should know about the file as it opens: to the error
 * output for a command (check reports it itself), into the first
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
	} else if (!checks_file(cli)) {
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
	st = kz_cli_open_db(cli, err);
	if (st != KZ_OK)
		return st;
	return kz_ui_run(cli->db, &cli->cfg, cli->notice, err);
}

/* Does the command write a machine format (JSON, HTML, CSV, the sync
 * dump or protocol)? Those escape in their own way and stay as they are. */
static bool machine_output(int argc, char **argv)
{
	static const char *const raw_commands[][2] = {
		{ "export", "json" }, { "export", "html" }, { "export", "csv" },
		{ "export", "xlsx" },
		{ "gdpr", "export" }, { "sync", "dump" }, { "sync", "serve" },
		{ "sync", "serve-clone" }, { "meeting", "ics" },
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
 * the damage is said, whatever SQLite let the command believe. So is a
 * refusal that came of the damage ("There is no case ..." when the page
 * of the case could not be read). */
static enum kz_status after_reading(struct kz_cli *cli, enum kz_status st,
				    struct kz_error *err)
{
	struct kz_error damage = { 0 };

	if (!cli->db || checks_file(cli) || st == KZ_DAMAGED)
		return st;
	fflush(stdout);
	if (st == KZ_OK)
		return kz_db_intact(cli->db, err);
	if (kz_db_intact(cli->db, &damage) == KZ_OK)
		return st;
	*err = damage;
	return damage.status;
}

static enum kz_status dispatch(struct kz_cli *cli, struct kz_error *err)
{
	const struct kz_cli_command *c;

	if (cli->argc == 0)
		return run_ui(cli, err);
	if (machine_output(cli->argc, cli->argv))
		kz_cli_raw_output();
	c = kz_cli_find(cli->argv[0]);
	cli->command = c;
	if (c) {
		enum kz_status st = after_reading(cli, c->run(cli, err), err);
		if (st == KZ_OK)
			kz_search_tidy_after_writes(cli->db);
		return st;
	}
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
			help_language(config_option(argc, argv));
			kz_cli_usage(stdout);
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
	/* koszyk COMMAND --help touches no database. */
	if (cli.argc > 0 && kz_cli_find(cli.argv[0]) && kz_cli_wants_help(cli.argc, cli.argv)) {
		help_language(config_opt);
		kz_cli_command_usage(stdout, cli.argc, cli.argv);
		return 0;
	}
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
