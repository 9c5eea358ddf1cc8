/* network add NAME DIR|FILE, network update [NAME], network list: the
 * baskets of other partnerships, read-only, from their HSDS feeds. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "koszyk/hsds.h"
#include "koszyk/i18n.h"
#include "koszyk/network.h"
#include "koszyk/xalloc.h"

/* The folder of the feed: DIR itself, or the folder FILE is in (its
 * datapackage.json or any of its tables), as an absolute path. */
static char *feed_dir(const char *source, struct kz_error *err)
{
	struct stat sb;
	char *real;

	if (stat(source, &sb) != 0 || !(real = realpath(source, NULL))) {
		kz_fail(err, KZ_INVALID, _("%s: no such folder or file of an HSDS feed"), source);
		return NULL;
	}
	if (!S_ISDIR(sb.st_mode)) {
		char *dir = xstrdup(dirname(real));

		free(real);
		real = dir;
	}
	return real;
}

static enum kz_status import_network(struct kz_cli *cli, const char *name,
				     const char *source, struct kz_error *err)
{
	struct kz_hsds_import_result res = { 0 };
	char *dir = feed_dir(source, err);
	enum kz_status st = dir ? KZ_OK : KZ_INVALID;

	if (st == KZ_OK)
		st = kz_import_hsds_network(cli->db, &cli->cfg, dir, name, dir, &res, err);
	if (st == KZ_OK) {
		printf(_("Network %s from %s: %zu new, %zu updated, %zu unchanged, %zu withdrawn, %zu partners left.\n"),
		       name, dir, res.inserted, res.updated, res.unchanged, res.withdrawn,
		       res.left);
		for (size_t i = 0; i < res.nwarnings; i++)
			fprintf(stderr, "%s\n", res.warnings[i]);
	}
	kz_hsds_import_result_free(&res);
	free(dir);
	return st;
}

static enum kz_status network_add(struct kz_cli *cli, const struct kz_opts *a,
				  struct kz_error *err)
{
	char *known = kz_network_source(cli->db, a->pos[1]);

	if (known) {
		enum kz_status st = kz_fail(err, KZ_INVALID,
			_("the network %s is already there (from %s): koszyk network update %s"),
			a->pos[1], known, a->pos[1]);
		free(known);
		return st;
	}
	return import_network(cli, a->pos[1], a->pos[2], err);
}

static enum kz_status update_one(struct kz_cli *cli, const char *name,
				 struct kz_error *err)
{
	char *source = kz_network_source(cli->db, name);
	enum kz_status st;

	if (!source)
		return kz_fail(err, KZ_INVALID,
			       _("there is no network %s (koszyk network list names them)"), name);
	st = import_network(cli, name, source, err);
	free(source);
	return st;
}

/* Every network when no name is given. */
static enum kz_status network_update(struct kz_cli *cli, const struct kz_opts *a,
				     struct kz_error *err)
{
	struct kz_network_info *v;
	size_t n;
	enum kz_status st;

	if (a->npos == 2)
		return update_one(cli, a->pos[1], err);
	if ((st = kz_network_list(cli->db, &v, &n, err)) != KZ_OK)
		return st;
	for (size_t i = 0; st == KZ_OK && i < n; i++)
		st = update_one(cli, v[i].name, err);
	kz_network_list_free(v, n);
	return st;
}

static enum kz_status network_list(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_network_info *v;
	size_t n;
	enum kz_status st = kz_network_list(cli->db, &v, &n, err);

	if (st != KZ_OK)
		return st;
	if (n == 0)
		printf("%s\n", _("No networks: koszyk network add NAME DIR adds the basket of another partnership."));
	for (size_t i = 0; i < n; i++)
		printf(_("%s\t%ld services, %ld withdrawn, %ld partners, %ld left\t%s\t%s\n"),
		       v[i].name, v[i].services, v[i].withdrawn, v[i].partners,
		       v[i].partners_left, v[i].imported_at, v[i].source);
	kz_network_list_free(v, n);
	return KZ_OK;
}

enum kz_status kz_cmd_network(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts a;
	enum kz_status st = kz_cli_parse(cli, 1, 0, 3, &a, err);
	const char *sub = a.npos ? a.pos[0] : "";

	if (st != KZ_OK)
		return st;
	if (!((strcmp(sub, "add") == 0 && a.npos == 3) ||
	      (strcmp(sub, "update") == 0 && a.npos <= 2) ||
	      (strcmp(sub, "list") == 0 && a.npos == 1)))
		return kz_fail(err, KZ_INVALID,
			       _("usage: koszyk network add NAME DIR|FILE, network update [NAME] or network list"));
	if ((st = kz_cli_open_db(cli, err)) != KZ_OK)
		return st;
	if (sub[0] == 'a')
		return network_add(cli, &a, err);
	if (sub[0] == 'u')
		return network_update(cli, &a, err);
	return network_list(cli, err);
}
