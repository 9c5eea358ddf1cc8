/* The one parser of the commands' options: each command names the
 * options it takes (enum kz_opt); the rest are positional arguments. */
#include <stddef.h>
#include <string.h>

#include "cli.h"
#include "koszyk/i18n.h"

static const struct {
	unsigned bit;
	const char *name;
	const char *alias;     /* another spelling, or NULL */
	size_t flag;           /* offset of the bool it sets, or ... */
	size_t value;          /* ... of the string it takes (need != NULL) */
	const char *need;      /* the message when the value is missing */
} options[] = {
	{ KZ_OPT_JSON, "--json", NULL, offsetof(struct kz_opts, json), 0, NULL },
	{ KZ_OPT_ALL, "--all", NULL, offsetof(struct kz_opts, all), 0, NULL },
	{ KZ_OPT_YES, "--yes", NULL, offsetof(struct kz_opts, yes), 0, NULL },
	{ KZ_OPT_REPLACE, "--replace", NULL, offsetof(struct kz_opts, replace), 0, NULL },
	{ KZ_OPT_BACKUP, "--backup", NULL, offsetof(struct kz_opts, backup), 0, NULL },
	{ KZ_OPT_OUTPUT, "-o", NULL, 0, offsetof(struct kz_opts, output),
	  N_("-o needs a file name") },
	{ KZ_OPT_FORMAT, "--format", "-f", 0, offsetof(struct kz_opts, format),
	  N_("--format needs a format") },
	{ KZ_OPT_KEY, "--key", NULL, 0, offsetof(struct kz_opts, key),
	  N_("--key needs a key file") },
	{ KZ_OPT_PASSFILE, "--passphrase-file", NULL, 0, offsetof(struct kz_opts, passfile),
	  N_("--passphrase-file needs a file name") },
	{ KZ_OPT_FOR, "--for", NULL, 0, offsetof(struct kz_opts, for_login),
	  N_("--for needs a login") },
	{ KZ_OPT_STATUS, "--status", NULL, 0, offsetof(struct kz_opts, status),
	  N_("--status needs a membership status") },
	{ KZ_OPT_SECTOR, "--sector", NULL, 0, offsetof(struct kz_opts, sector),
	  N_("--sector needs a sector code") },
	{ KZ_OPT_PARTNERS, "--partners", NULL, offsetof(struct kz_opts, partners), 0, NULL },
	{ KZ_OPT_TEAM, "--team", NULL, 0, offsetof(struct kz_opts, team),
	  N_("--team needs a case code") },
	{ KZ_OPT_SEPARATOR, "--separator", NULL, 0, offsetof(struct kz_opts, separator),
	  N_("--separator needs the character between columns: ';' or ','") },
	{ KZ_OPT_ENCODING, "--encoding", NULL, 0, offsetof(struct kz_opts, encoding),
	  N_("--encoding needs an encoding: utf-8 or cp1250") },
	{ KZ_OPT_EXCEL, "--excel", NULL, offsetof(struct kz_opts, excel), 0, NULL },
	{ KZ_OPT_NETWORK, "--network", NULL, 0, offsetof(struct kz_opts, network),
	  N_("--network needs the short name of a network") },
	{ KZ_OPT_OWN, "--own", NULL, offsetof(struct kz_opts, own), 0, NULL },
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

/* The option s is, among the allowed ones; its value after '=' (only
 * "--name=value") in *inline_value. */
static int find_option(const char *s, unsigned allowed, const char **inline_value)
{
	*inline_value = NULL;
	for (size_t i = 0; i < NOPTIONS; i++) {
		size_t n = strlen(options[i].name);
		if (!(options[i].bit & allowed))
			continue;
		if (strcmp(s, options[i].name) == 0 ||
		    (options[i].alias && strcmp(s, options[i].alias) == 0))
			return (int)i;
		if (options[i].need && strncmp(s, options[i].name, n) == 0 && s[n] == '=' &&
		    s[1] == '-') {
			*inline_value = s + n + 1;
			return (int)i;
		}
	}
	return -1;
}

static enum kz_status add_positional(const struct kz_cli *cli, struct kz_opts *o,
				     int max_pos, const char *s, struct kz_error *err)
{
	if (o->npos >= max_pos || o->npos >= KZ_MAX_POS)
		return kz_fail(err, KZ_INVALID,
			       _("too many arguments for \"%s\" (see koszyk %s --help)"),
			       cli->argv[0], cli->argv[0]);
	o->pos[o->npos++] = s;
	return KZ_OK;
}

enum kz_status kz_cli_parse(const struct kz_cli *cli, int from, unsigned allowed,
			    int max_pos, struct kz_opts *o, struct kz_error *err)
{
	enum kz_status st = KZ_OK;
	bool only_positional = false;

	memset(o, 0, sizeof(*o));
	for (int i = from; st == KZ_OK && i < cli->argc; i++) {
		const char *s = cli->argv[i];
		const char *inline_value;
		int k;

		if (only_positional || s[0] != '-' || !s[1]) {
			st = add_positional(cli, o, max_pos, s, err);
			continue;
		}
		if (strcmp(s, "--") == 0) {
			only_positional = true;
			continue;
		}
		k = find_option(s, allowed, &inline_value);
		if (k < 0 && (allowed & KZ_OPT_DASH_WORDS)) {
			st = add_positional(cli, o, max_pos, s, err);
		} else if (k < 0) {
			st = kz_fail(err, KZ_INVALID,
				     _("unknown option \"%s\" for \"%s\" (see koszyk %s --help)"),
				     s, cli->argv[0], cli->argv[0]);
		} else if (!options[k].need) {
			*(bool *)((char *)o + options[k].flag) = true;
		} else if (inline_value || i + 1 < cli->argc) {
			*(const char **)((char *)o + options[k].value) =
				inline_value ? inline_value : cli->argv[++i];
		} else {
			st = kz_fail(err, KZ_INVALID, "%s", _(options[k].need));
		}
	}
	return st;
}
