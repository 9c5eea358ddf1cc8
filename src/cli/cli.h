/* The command line: shared state of one run and the commands. */
#ifndef KOSZYK_CLI_H
#define KOSZYK_CLI_H

#include <stdbool.h>

#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/status.h"

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
};

/* Open the database (created when create is true) with user and stale
 * days set from the configuration. */
enum kz_status kz_cli_open_db(struct kz_cli *cli, bool create,
			      struct kz_error *err);

enum kz_status kz_cmd_init(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_demo(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_search(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_list(struct kz_cli *cli, struct kz_error *err);
enum kz_status kz_cmd_import(struct kz_cli *cli, struct kz_error *err);
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

#endif
