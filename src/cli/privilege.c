/* The office server: several people work on one database that none of
 * them may read or copy around koszyk. The established Unix pattern of
 * crontab and mail spools: a group (koszyk) owns the server folder
 * (mode 2770, owned by root), and the koszyk binary is setgid to that
 * group. Nobody is a member of the group; only the program holds it.
 *
 * The least privilege this allows:
 *   - at the very start the group is set aside (effective = real group);
 *   - it is taken up only to open a database whose folder is a server
 *     folder (owned by root, group koszyk, nothing for others), with the
 *     configuration that lies next to it (owned by root; -c and
 *     KOSZYK_CONFIG may not replace it: the roles are written there);
 *   - as soon as the database is open (with its write-ahead log), it is
 *     given up for good, so -o, exports, imports, backups and ssh run
 *     with the person's own rights;
 *   - any other database: given up for good before anything is read.
 * The person is the real user id: nothing of the environment changes it. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"

static gid_t real_gid, program_gid;
static bool capable;  /* setgid and not yet given up */

void kz_priv_init(void)
{
	real_gid = getgid();
	program_gid = getegid();
	if (program_gid == real_gid)
		return;
	/* Set aside at once; taken up again only for a server database. */
	if (setegid(real_gid) != 0) {
		perror("koszyk: setegid");
		exit(3);
	}
	capable = true;
}

void kz_priv_give_up(void)
{
	if (!capable)
		return;
	capable = false;
	if (setresgid(real_gid, real_gid, real_gid) != 0 || getegid() != real_gid) {
		perror("koszyk: setresgid");
		exit(3);
	}
}

static void take_up(void)
{
	if (capable && setegid(program_gid) != 0) {
		perror("koszyk: setegid");
		exit(3);
	}
}

static void set_aside(void)
{
	if (capable && setegid(real_gid) != 0) {
		perror("koszyk: setegid");
		exit(3);
	}
}

/* A server folder: made by root for the program's group, closed to
 * others. Nobody but root can make one (a person cannot give a folder
 * to a group she is not in). */
static bool server_folder(const char *dir)
{
	struct stat sb;

	return stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == 0 &&
	       sb.st_gid == program_gid && (sb.st_mode & S_IRWXO) == 0;
}

/* The folder of path, resolved (symbolic links, ..), and the file name;
 * false when it cannot be resolved. */
static bool split_path(const char *path, char **dir, char **name)
{
	char *copy = xstrdup(path), *slash = strrchr(copy, '/');
	char resolved[PATH_MAX];
	const char *d = ".", *n = copy;

	if (slash) {
		*slash = '\0';
		d = slash == copy ? "/" : copy;
		n = slash + 1;
	}
	if (!*n || strcmp(n, ".") == 0 || strcmp(n, "..") == 0 || !realpath(d, resolved)) {
		free(copy);
		return false;
	}
	*dir = xstrdup(resolved);
	*name = xstrdup(n);
	free(copy);
	return true;
}

enum kz_status kz_priv_choose(struct kz_cli *cli, const char *config_opt,
			      struct kz_error *err)
{
	char *dir = NULL, *name = NULL;
	const char *env_cfg = getenv("KOSZYK_CONFIG");
	bool server;

	if (!capable)
		return KZ_OK;
	/* Root reaches everything anyway: nothing to hold. */
	if (getuid() == 0 || !split_path(cli->db_path, &dir, &name)) {
		kz_priv_give_up();
		return KZ_OK;
	}
	take_up();
	server = server_folder(dir);
	set_aside();
	if (!server) {
		free(dir);
		free(name);
		kz_priv_give_up();
		return KZ_OK;
	}
	cli->server_db = xasprintf("%s/%s", dir, name);
	cli->server_config = xasprintf("%s/koszyk.yaml", dir);
	free(dir);
	free(name);
	if ((config_opt && strcmp(config_opt, cli->server_config) != 0) ||
	    (!config_opt && env_cfg && *env_cfg && strcmp(env_cfg, cli->server_config) != 0))
		return kz_fail(err, KZ_INVALID,
			       _("The database of this server works with its own configuration (%s); another one (-c or KOSZYK_CONFIG) cannot be used with it."),
			       cli->server_config);
	/* A fixed day would date the shared trail. */
	unsetenv("KOSZYK_TODAY");
	return KZ_OK;
}

/* The configuration next to a server database must be root's: the roles
 * of everyone are written there. */
static enum kz_status check_server_config(const char *path, struct kz_error *err)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		return kz_fail(err, KZ_ENV, _("%s: the server's configuration cannot be read: %s"),
			       path, strerror(errno));
	if (sb.st_uid != 0 || (sb.st_mode & (S_IWGRP | S_IWOTH)))
		return kz_fail(err, KZ_ENV,
			       _("%s must belong to root and be writable by root only: it says who may see what."),
			       path);
	return KZ_OK;
}

enum kz_status kz_priv_load_config(struct kz_cli *cli, struct kz_error *err)
{
	enum kz_status st;

	take_up();
	st = check_server_config(cli->server_config, err);
	if (st == KZ_OK)
		st = kz_config_load_file(&cli->cfg, cli->server_config, err);
	set_aside();
	cli->config_path = cli->server_config;
	return st;
}

enum kz_status kz_priv_open_server_db(struct kz_cli *cli, struct kz_error *err)
{
	struct stat sb;
	enum kz_status st;

	take_up();
	/* An existing database only: the server's is made by root. */
	if (stat(cli->server_db, &sb) != 0)
		st = kz_fail(err, KZ_INVALID,
			     _("%s: there is no database here, and only root makes one in the server's folder (tools/server-setup.sh)."),
			     cli->server_db);
	else
		st = kz_cli_open_file(cli->server_db, KZ_OPEN_EXISTING, &cli->db, err);
	/* kz_db_open has read the database, so its write-ahead log and
	 * shared memory are open: from here on the person's own rights. */
	kz_priv_give_up();
	return st;
}
