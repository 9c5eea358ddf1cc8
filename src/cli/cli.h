/* The command line: shared state of one run and the commands. */
#ifndef KOSZYK_CLI_H
#define KOSZYK_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "koszyk/meter.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/status.h"

struct kz_cli_command;

struct kz_cli {
	const char *db_path;      /* resolved */
	bool db_is_default;       /* the XDG place, created on demand */
	const char *config_path;  /* NULL: built-in */
	struct kz_config cfg;
	char *notice;             /* said once: built-in configuration in use */
	struct kz_db *db;
	char *login;              /* from the operating system */
	const char *act_as;       /* --as: a demo database's user */
	char *server_db;          /* the office server's database (privilege.c) */
	char *server_config;      /* and its configuration, next to it */
	int argc;                 /* the command and its arguments */
	char **argv;
	const struct kz_cli_command *command;  /* its row; NULL: the program */
};

/* --- the commands' options (options.c) ---------------------------------
 * One parser for every command: each names the options it takes; the
 * rest are positional arguments ("--" ends the options). */
enum kz_opt {
	KZ_OPT_JSON = 1 << 0,        /* --json */
	KZ_OPT_ALL = 1 << 1,         /* --all */
	KZ_OPT_YES = 1 << 2,         /* --yes */
	KZ_OPT_REPLACE = 1 << 3,     /* --replace */
	KZ_OPT_BACKUP = 1 << 4,      /* --backup */
	KZ_OPT_OUTPUT = 1 << 5,      /* -o PATH */
	KZ_OPT_FORMAT = 1 << 6,      /* --format X, -f X, --format=X */
	KZ_OPT_KEY = 1 << 7,         /* --key KEYFILE */
	KZ_OPT_PASSFILE = 1 << 8,    /* --passphrase-file FILE */
	KZ_OPT_FOR = 1 << 9,         /* --for LOGIN */
	KZ_OPT_DASH_WORDS = 1 << 10, /* other words with '-' are arguments */
	KZ_OPT_STATUS = 1 << 11,     /* --status STATUS (list partners) */
	KZ_OPT_SECTOR = 1 << 12,     /* --sector CODE (list partners) */
	KZ_OPT_PARTNERS = 1 << 13,   /* --partners (meeting invite) */
	KZ_OPT_TEAM = 1 << 14,       /* --team CASE_CODE (meeting invite) */
	KZ_OPT_SEPARATOR = 1 << 15,  /* --separator ';'|',' (import csv) */
	KZ_OPT_ENCODING = 1 << 16,   /* --encoding utf-8|cp1250 (import csv) */
	KZ_OPT_EXCEL = 1 << 17,      /* --excel (export csv) */
	KZ_OPT_NETWORK = 1 << 18,    /* --network NAME (list services, search) */
	KZ_OPT_OWN = 1 << 19,        /* --own (search: our own basket only) */
};

#define KZ_MAX_POS 4

struct kz_opts {
	bool json, all, yes, replace, backup, partners, excel, own;
	const char *output, *format, *key, *passfile, *for_login;
	const char *status, *sector, *team, *separator, *encoding;
	const char *network;
	const char *pos[KZ_MAX_POS];
	int npos;
};

/* Parse cli->argv[from..]: the options of allowed (enum kz_opt), at most
 * max_pos (<= KZ_MAX_POS) positional arguments. */
enum kz_status kz_cli_parse(const struct kz_cli *cli, int from, unsigned allowed,
			    int max_pos, struct kz_opts *o, struct kz_error *err);

/* --- the command table (cmdtable.c) -------------------------------------
 * Every command line koszyk understands, one row a synopsis: dispatch,
 * koszyk --help, koszyk COMMAND --help, the bash completion and the
 * COMMANDS section of the man page (make docs) all come from it. */
enum kz_cli_group {
	KZ_GROUP_BASKET,
	KZ_GROUP_CASES,
	KZ_GROUP_MEETINGS,
	KZ_GROUP_SYNC,
	KZ_GROUP_ACCESS,
	KZ_GROUP_BACKUP,
	KZ_GROUP_AUDIT,
	KZ_GROUP_COUNT
};

enum kz_cmd_flag {
	KZ_CMD_HIDDEN = 1 << 0,   /* between two koszyk programs: not shown */
	KZ_CMD_CHECKS = 1 << 1,   /* tells the notices and damage of the
				   * database file itself (check) */
	KZ_CMD_MAKES_DB = 1 << 2, /* makes its database (init, demo); every
				   * other command needs one that exists */
};

typedef enum kz_status (*kz_cmd_fn)(struct kz_cli *cli, struct kz_error *err);

struct kz_cli_command {
	const char *name;      /* the word typed; rows of one name share run */
	const char *synopsis;  /* what follows the name ("" for none; N_()
				* when it has words in capitals to translate) */
	const char *help;      /* one line for --help (N_()) */
	enum kz_cli_group group;
	unsigned flags;        /* enum kz_cmd_flag */
	const char *words;     /* the values of the first placeholder of the
				* synopsis, for the completion, or NULL */
	kz_cmd_fn run;
	const char *man;       /* its text in the man page (roff, English) */
};

extern const struct kz_cli_command kz_cli_commands[];
extern const size_t kz_cli_ncommands;
/* The headings of the groups (N_()). */
extern const char *const kz_cli_group_titles[KZ_GROUP_COUNT];

/* The first row of the command name, or NULL. */
const struct kz_cli_command *kz_cli_find(const char *name);
/* koszyk --help */
void kz_cli_usage(FILE *out);
/* koszyk COMMAND [SUB] --help: the rows of argv[0] (of SUB when it
 * names some). */
void kz_cli_command_usage(FILE *out, int argc, char **argv);
/* Does the command line ask for help ("-h" or "--help" before "--")? */
bool kz_cli_wants_help(int argc, char **argv);

/* Open the database with user and stale days set from the
 * configuration; made anew only for a command whose row says
 * KZ_CMD_MAKES_DB (and for the full-screen program). */
enum kz_status kz_cli_open_db(struct kz_cli *cli, struct kz_error *err);

enum kz_status kz_cmd_init(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_demo(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_search(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_list(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_partner(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_import(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_network(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_export(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_check(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_backup(struct kz_cli *cli, struct kz_error *err);
/* The partnership's key, restore, check --backup (src/cli/key_cmd.c). */
enum kz_status kz_cmd_key(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_restore(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_check_backup(struct kz_cli *cli, struct kz_error *err);
/* Cases (src/cli/cases_cmd.c). */
enum kz_status kz_cmd_list_cases(struct kz_cli *cli, bool json,
				 struct kz_error *err);
enum kz_status kz_cmd_plan(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_gdpr(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_report(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_case(struct kz_cli *cli, struct kz_error *err);
/* Meetings and tasks (src/cli/meeting_cmd.c); kind "meetings" or "tasks". */
enum kz_status kz_cmd_list_meetings(struct kz_cli *cli, const char *kind,
				    bool json, struct kz_error *err);
enum kz_status kz_cmd_meeting(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_task(struct kz_cli *cli, struct kz_error *err);
/* Sync and conflicts (src/cli/sync_cmd.c). */
enum kz_status kz_cmd_sync(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_conflict(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_list_conflicts(struct kz_cli *cli, bool json,
				     struct kz_error *err);
enum kz_status kz_cmd_list_dropped(struct kz_cli *cli, bool json,
				   struct kz_error *err);

/* The audit trail (src/cli/audit_cmd.c). */
enum kz_status kz_cmd_audit(struct kz_cli *cli, struct kz_error *err);

/* The office server (privilege.c): a setgid koszyk sets its group aside
 * at the start (kz_priv_init), takes it up only to open a database in a
 * server folder with that folder's configuration (kz_priv_choose decides,
 * kz_priv_load_config, kz_priv_open_server_db), and gives it up for good
 * right after, or at once for any other database. */
void kz_priv_init(void);
void kz_priv_give_up(void);
enum kz_status kz_priv_choose(struct kz_cli *cli, const char *config_opt,
			      struct kz_error *err);
enum kz_status kz_priv_load_config(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_priv_open_server_db(struct kz_cli *cli, struct kz_error *err);

/* Write text to PATH atomically, or to stdout when path is NULL or "-". */
/* Text from data never drives the terminal (guard.c): stdout and stderr
 * show controls and bidirectional overrides as '?', except where the
 * command writes a machine format (kz_cli_raw_output, before writing). */
void kz_cli_guard_output(void);
void kz_cli_raw_output(void);
bool kz_cli_output_is_raw(void);

enum kz_status kz_cli_output(const char *path, const char *data, size_t len,
			     struct kz_error *err);

/* Write b to path (or stdout for NULL or "-"), readable by its owner only
 * (0600): the plan, the minutes, a GDPR export (cases_cmd.c). */
struct kz_buf;
enum kz_status kz_cli_output_private(const char *path, const struct kz_buf *b,
				     struct kz_error *err);

/* The progress line of long work on stderr (meter_line.c): begin sets
 * the process's meter (koszyk/meter.h) to it, so that the data and io
 * layers' reports show; kz_cli_meter_show is also the callback for the
 * sync functions; end puts the previous meter back and ends the line. */
struct kz_cli_meter {
	struct kz_meter m;
	const char *label;
	bool tty;
	bool shown;
	size_t width;
	kz_meter_fn prev;
	void *prev_ctx;
};
void kz_cli_meter_begin(struct kz_cli_meter *cm, const char *label);
void kz_cli_meter_show(void *ctx, long done, long total);
void kz_cli_meter_end(struct kz_cli_meter *cm);
/* kz_db_open with the progress line of the migrations it runs. */
enum kz_status kz_cli_open_file(const char *path, enum kz_open_mode mode, struct kz_db **db,
			      struct kz_error *err);

#endif
