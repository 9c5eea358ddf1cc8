/* network add NAME DIR|FILE, network update [NAME], network list: the
 * baskets of other partnerships, read-only, from their HSDS feeds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "koszyk/hsds.h"
#include "koszyk/i18n.h"
#include "koszyk/network.h"

/* What came in (stdout), then what was not kept (stderr). */
static void tell(const char *name, const char *dir,
		 const struct kz_hsds_import_result *res)
{
	char *line = kz_network_done_text(name, dir, res);

	printf("%s\n", line);
	free(line);
	for (size_t i = 0; i < res->nwarnings; i++)
		fprintf(stderr, "%s\n", res->warnings[i]);
}

static enum kz_status network_add(struct kz_cli *cli, const struct kz_opts *a,
				  struct kz_error *err)
{
	struct kz_hsds_import_result res = { 0 };
	char *dir;
	enum kz_status st = kz_network_add(cli->db, &cli->cfg, a->pos[1], a->pos[2],
					   &res, &dir, err);

	if (st == KZ_OK)
		tell(a->pos[1], dir, &res);
	kz_hsds_import_result_free(&res);
	free(dir);
	return st;
}

static enum kz_status update_one(struct kz_cli *cli, const char *name,
				 struct kz_error *err)
{
	struct kz_hsds_import_result res = { 0 };
	char *dir;
	enum kz_status st = kz_network_update(cli->db, &cli->cfg, name, &res, &dir, err);

	if (st == KZ_OK)
		tell(name, dir, &res);
	kz_hsds_import_result_free(&res);
	free(dir);
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
