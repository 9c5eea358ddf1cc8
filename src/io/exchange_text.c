/* What an import or a network's feed did, in the words both the command
 * line and the screens use, and the network operations both call: add
 * a network (its feed a folder, or a file in it) and read its feed again. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "koszyk/buf.h"
#include "koszyk/defang.h"
#include "koszyk/exchange.h"
#include "koszyk/hsds.h"
#include "koszyk/i18n.h"
#include "koszyk/network.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

char *kz_import_csv_format_text(const struct kz_import_result *res)
{
	if (!res->decoded)
		return NULL;
	return xasprintf(_("Read as %s with '%c' between columns."),
			 kz_csv_encoding_name(res->format.encoding), res->format.separator);
}

char *kz_import_csv_done_text(const char *path, const struct kz_import_result *res)
{
	return xasprintf(_("Imported %s: %zu new, %zu updated."), path, res->inserted,
			 res->updated);
}

char *kz_import_hsds_done_text(const char *dir, const struct kz_hsds_import_result *res)
{
	return xasprintf(_("Imported %s: %zu new, %zu updated, %zu unchanged."), dir,
			 res->inserted, res->updated, res->unchanged);
}

char *kz_network_done_text(const char *name, const char *dir,
			   const struct kz_hsds_import_result *res)
{
	return xasprintf(_("Network %s from %s: %zu new, %zu updated, %zu unchanged, %zu withdrawn, %zu partners left."),
			 name, dir, res->inserted, res->updated, res->unchanged,
			 res->withdrawn, res->left);
}

char *kz_hsds_feed_dir(const char *source, struct kz_error *err)
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

/* The feed of source into the basket of network name; *dir the folder
 * it was read from. */
static enum kz_status import_feed(struct kz_db *db, const struct kz_config *cfg,
				  const char *name, const char *source,
				  struct kz_hsds_import_result *res, char **dir,
				  struct kz_error *err)
{
	*dir = kz_hsds_feed_dir(source, err);
	if (!*dir)
		return KZ_INVALID;
	return kz_import_hsds_network(db, cfg, *dir, name, *dir, res, err);
}

enum kz_status kz_network_add(struct kz_db *db, const struct kz_config *cfg,
			      const char *name, const char *source,
			      struct kz_hsds_import_result *res, char **dir,
			      struct kz_error *err)
{
	char *known = kz_network_source(db, name);

	*dir = NULL;
	if (known) {
		enum kz_status st = kz_fail(err, KZ_INVALID,
			_("the network %s is already there (from %s): koszyk network update %s"),
			name, known, name);
		free(known);
		return st;
	}
	return import_feed(db, cfg, name, source, res, dir, err);
}

enum kz_status kz_network_update(struct kz_db *db, const struct kz_config *cfg,
				 const char *name, struct kz_hsds_import_result *res,
				 char **dir, struct kz_error *err)
{
	char *source = kz_network_source(db, name);
	enum kz_status st;

	*dir = NULL;
	if (!source)
		return kz_fail(err, KZ_INVALID,
			       _("there is no network %s (koszyk network list names them)"), name);
	st = import_feed(db, cfg, name, source, res, dir, err);
	free(source);
	return st;
}

enum kz_status kz_export_write(const char *path, const char *data, size_t len,
			       bool text, struct kz_error *err)
{
	struct kz_buf safe = KZ_BUF_INIT;
	enum kz_status st;

	if (!text)
		return kz_write_file_atomic(path, data, len, 0644, err);
	/* A text file is read on a terminal too. */
	kz_defang(&safe, data, len, false);
	st = kz_write_file_atomic(path, safe.data ? safe.data : "", safe.len, 0644, err);
	kz_buf_free(&safe);
	return st;
}
