/* The partnership's key (key show|export|import), bringing a backup back
 * (restore) and checking one (check --backup). */
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "koszyk/access.h"
#include "koszyk/i18n.h"
#include "koszyk/locked.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define MIN_PASSPHRASE 8
#define MAX_PASSPHRASE 1024

/* --- the passphrase ---------------------------------------------------------- */

/* One line from the terminal, not shown as it is typed. */
static char *ask_tty(const char *prompt, struct kz_error *err)
{
	struct termios old, quiet;
	char buf[MAX_PASSPHRASE + 2];
	size_t n = 0;
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	bool restore;

	if (fd < 0) {
		kz_fail(err, KZ_INVALID,
			_("The passphrase is read from the terminal, and there is none; give it in a file with --passphrase-file FILE."));
		return NULL;
	}
	kz_write_all(fd, prompt, strlen(prompt));
	restore = tcgetattr(fd, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	while (n < sizeof(buf) - 1) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r <= 0 || c == '\n')
			break;
		buf[n++] = c;
	}
	buf[n] = '\0';
	if (restore)
		tcsetattr(fd, TCSAFLUSH, &old);
	close(fd);
	char *line = xstrdup(buf);
	sodium_memzero(buf, sizeof(buf));
	return line;
}

/* The first line of a file. */
static char *read_passfile(const char *path, struct kz_error *err)
{
	char *data = NULL, *line;
	size_t len = 0;

	if (kz_read_file(path, &data, &len, err) != KZ_OK)
		return NULL;
	data[strcspn(data, "\r\n")] = '\0';
	line = xstrdup(data);
	sodium_memzero(data, len);
	free(data);
	return line;
}

static void drop_passphrase(char *p)
{
	if (p) {
		sodium_memzero(p, strlen(p));
		free(p);
	}
}

/* Characters, not bytes, of UTF-8 text. */
static size_t characters(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* The passphrase from --passphrase-file or the terminal (twice for a new
 * one). Never from the environment or the command line. */
static char *get_passphrase(const char *passfile, bool twice, struct kz_error *err)
{
	char *p, *again;

	p = passfile ? read_passfile(passfile, err) : ask_tty(_("Passphrase: "), err);
	if (!p)
		return NULL;
	if (!*p || strlen(p) > MAX_PASSPHRASE) {
		kz_fail(err, KZ_INVALID, _("The passphrase is empty or too long; nothing was done."));
		drop_passphrase(p);
		return NULL;
	}
	if (twice && characters(p) < MIN_PASSPHRASE) {
		kz_fail(err, KZ_INVALID,
			_("The passphrase is too short: use at least %d characters (a few words are best); nothing was written."),
			MIN_PASSPHRASE);
		drop_passphrase(p);
		return NULL;
	}
	if (twice && !passfile) {
		again = ask_tty(_("The same passphrase again: "), err);
		if (!again || strcmp(again, p) != 0) {
			if (again)
				kz_fail(err, KZ_INVALID, _("The two passphrases differ; nothing was written."));
			drop_passphrase(p);
			drop_passphrase(again);
			return NULL;
		}
		drop_passphrase(again);
	}
	return p;
}

/* --- key show|export|import -------------------------------------------------------- */

enum kz_status kz_cmd_key(struct kz_cli *cli, struct kz_error *err)
{
	const char *verb = cli->argc > 1 ? cli->argv[1] : "";
	unsigned char key[KZ_KEY_BYTES];
	char id[KZ_KEY_ID_LEN], *pass;
	struct kz_opts a;
	enum kz_status st;

	if (strcmp(verb, "show") == 0) {
		st = kz_cli_parse(cli, 2, 0, 0, &a, err);
		if (st == KZ_OK)
			st = kz_cli_open_db(cli, err);
		if (st != KZ_OK)
			return st;
		if (!kz_key_load(cli->db, key)) {
			printf(_("This database does not hold the partnership's key: it cannot open change files or backups. Clone this replica again from the office (\"koszyk sync clone\"), or bring the key with \"koszyk key import\".\n"));
			return KZ_NOT_FOUND;
		}
		kz_key_id(key, id);
		sodium_memzero(key, sizeof(key));
		printf(_("The partnership's key: %s (its id; the key itself is never shown)\n"), id);
		return KZ_OK;
	}
	if (strcmp(verb, "export") == 0 || strcmp(verb, "import") == 0) {
		bool exporting = verb[0] == 'e', same = false;
		struct stat sb;
		st = kz_cli_parse(cli, 2, exporting ? KZ_OPT_PASSFILE : KZ_OPT_PASSFILE | KZ_OPT_REPLACE,
				  1, &a, err);
		if (st == KZ_OK && a.npos != 1)
			st = kz_fail(err, KZ_INVALID, exporting
				     ? _("usage: koszyk key export FILE [--passphrase-file FILE]")
				     : _("usage: koszyk key import FILE [--passphrase-file FILE] [--replace]"));
		if (st == KZ_OK)
			st = kz_cli_open_db(cli, err);
		if (st != KZ_OK)
			return st;
		/* Refused before the passphrase is asked for. */
		if (exporting && !kz_may(cli->db, KZ_RIGHT_ALL_CASES))
			return kz_fail(err, KZ_DENIED,
				       _("Only a coordinator may take the partnership's key out of the database."));
		if (exporting && stat(a.pos[0], &sb) == 0)
			return kz_fail(err, KZ_INVALID, _("%s already exists; give a new file name for the key."),
				       a.pos[0]);
		pass = get_passphrase(a.passfile, exporting, err);
		if (!pass)
			return err->status != KZ_OK ? err->status : KZ_INVALID;
		st = exporting ? kz_key_export(cli->db, a.pos[0], pass, err)
			       : kz_key_import(cli->db, a.pos[0], pass, a.replace, &same, err);
		drop_passphrase(pass);
		if (st != KZ_OK)
			return st;
		if (!kz_key_load(cli->db, key))
			return KZ_OK;
		kz_key_id(key, id);
		sodium_memzero(key, sizeof(key));
		if (exporting)
			printf(_("The partnership's key %s is saved in %s, locked with the passphrase. Keep the file and the passphrase apart.\n"),
			       id, a.pos[0]);
		else if (same)
			printf(_("This database already holds the key %s; nothing was changed.\n"), id);
		else
			printf(_("This database now holds the partnership's key %s: it opens the partnership's change files and backups.\n"),
			       id);
		return KZ_OK;
	}
	return kz_fail(err, KZ_INVALID,
		       _("usage: koszyk key show | key export FILE [--passphrase-file FILE] | key import FILE [--passphrase-file FILE] [--replace]"));
}

/* --- backups -------------------------------------------------------------------------- */

/* A backup opened in memory, with the key of a key file (--key) or else
 * of the database -d (a coordinator's). */
static enum kz_status open_backup(struct kz_cli *cli, const struct kz_opts *a,
				  const char *backup, struct kz_db **image,
				  struct kz_error *err)
{
	unsigned char key[KZ_KEY_BYTES], *img = NULL;
	size_t len = 0;
	bool held = false;
	enum kz_status st = KZ_OK;
	struct stat sb;

	*image = NULL;
	if (stat(backup, &sb) != 0 || !S_ISREG(sb.st_mode))
		return kz_fail(err, KZ_INVALID, _("%s: there is no backup file here."), backup);
	if (!kz_locked_file(backup))
		return kz_fail(err, KZ_INVALID,
			       _("%s is not a locked koszyk backup (a backup is written by \"koszyk backup\")."),
			       backup);
	if (a->key) {
		char *pass = get_passphrase(a->passfile, false, err);
		if (!pass)
			return err->status != KZ_OK ? err->status : KZ_INVALID;
		st = kz_key_unwrap(a->key, pass, key, err);
		drop_passphrase(pass);
		held = st == KZ_OK;
	} else if (stat(cli->db_path, &sb) != 0) {
		return kz_fail(err, KZ_INVALID,
			       _("To open %s koszyk needs the partnership's key: run it with -d on a database of the partnership, or give the key file with --key FILE."),
			       backup);
	} else {
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK && !kz_may(cli->db, KZ_RIGHT_ALL_CASES))
			st = kz_fail(err, KZ_DENIED,
				     _("Only a coordinator may open a backup of the whole database."));
		if (st == KZ_OK)
			held = kz_key_load(cli->db, key);
	}
	if (st == KZ_OK)
		st = kz_locked_read(held ? key : NULL, KZ_LOCKED_BACKUP, backup, &img, &len, err);
	sodium_memzero(key, sizeof(key));
	if (st == KZ_OK)
		st = kz_db_open_image(backup, img, len, image, err);
	return st;
}

/* Check an opened backup: the report on stdout; KZ_NOT_FOUND (exit 1)
 * when something is wrong. */
static enum kz_status check_image(struct kz_db *image, struct kz_error *err)
{
	char *report = NULL;
	enum kz_status st = kz_db_check(image, &report, err);

	if (report)
		fputs(report, stdout);
	free(report);
	if (st == KZ_CORRUPT) {
		fprintf(stderr, "koszyk: %s\n", err->msg);
		err->msg[0] = '\0';
		return KZ_NOT_FOUND;
	}
	return st;
}

enum kz_status kz_cmd_check_backup(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	struct kz_db *image = NULL;
	struct kz_db_counts c;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_BACKUP | KZ_OPT_KEY | KZ_OPT_PASSFILE, 1, &a, err);

	if (st == KZ_OK && (!a.backup || a.npos != 1))
		st = kz_fail(err, KZ_INVALID,
			     _("usage: koszyk check --backup FILE [--key KEYFILE [--passphrase-file FILE]]"));
	if (st == KZ_OK)
		st = open_backup(cli, &a, a.pos[0], &image, err);
	/* A backup that is damaged (it does not open) fails its check. */
	if (st == KZ_CORRUPT) {
		fprintf(stderr, "koszyk: %s\n", err->msg);
		err->msg[0] = '\0';
		return KZ_NOT_FOUND;
	}
	if (st != KZ_OK)
		return st;
	st = check_image(image, err);
	if (st == KZ_OK && kz_db_counts(image, &c, err) == KZ_OK)
		printf(_("OK: the backup %s — %ld partners, %ld contact persons, %ld services, %ld open cases, %ld audit entries.\n"),
		       a.pos[0], c.partners, c.contacts, c.services, c.cases_open, c.audit);
	kz_db_close(image);
	return st;
}

enum kz_status kz_cmd_restore(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	struct kz_db *image = NULL, *db = NULL;
	struct stat sb;
	enum kz_status st = kz_cli_parse(cli, 1, KZ_OPT_KEY | KZ_OPT_PASSFILE, 2, &a, err);

	if (st == KZ_OK && a.npos != 2)
		st = kz_fail(err, KZ_INVALID,
			     _("usage: koszyk restore BACKUP NEW.db [--key KEYFILE [--passphrase-file FILE]]"));
	if (st == KZ_OK && stat(a.pos[1], &sb) == 0)
		st = kz_fail(err, KZ_INVALID,
			     _("%s already exists; a backup is brought back only into a new file. Give a new name."),
			     a.pos[1]);
	if (st == KZ_OK)
		st = open_backup(cli, &a, a.pos[0], &image, err);
	if (st == KZ_OK) {
		st = check_image(image, err);
		if (st == KZ_NOT_FOUND)
			fprintf(stderr, _("koszyk: the backup %s is damaged; nothing was written.\n"), a.pos[0]);
	}
	if (st == KZ_OK)
		st = kz_db_write_image(image, a.pos[1], err);
	kz_db_close(image);
	/* Opened once: WAL, and an id of its own as a replica. */
	if (st == KZ_OK) {
		st = kz_db_open(a.pos[1], KZ_OPEN_EXISTING, &db, err);
		kz_db_close(db);
		if (st != KZ_OK)
			unlink(a.pos[1]);
	}
	if (st == KZ_OK)
		printf(_("The backup %s is back as the database %s.\n"), a.pos[0], a.pos[1]);
	return st;
}
