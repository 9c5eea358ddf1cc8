/* Open Referral HSDS 3.0: the basket in the tabular layout (CSV files and
 * a datapackage.json), for other partnerships' and directories' tools. */
#ifndef KOSZYK_HSDS_H
#define KOSZYK_HSDS_H

#include <stddef.h>

#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/status.h"

/* The tables of the HSDS data package, in the order of its
 * datapackage.json. */
#define KZ_HSDS_NTABLES 21

/* The file of table t ("services.csv"), t < KZ_HSDS_NTABLES. */
const char *kz_hsds_table_file(size_t t);

struct kz_hsds_counts {
	const char *file[KZ_HSDS_NTABLES];  /* e.g. "services.csv" */
	size_t rows[KZ_HSDS_NTABLES];
};

/* Write the published basket (active and suspended services, partners
 * who have not left and every provider of such a service, their contact
 * persons) into dir, which is made when missing: every file the data
 * package names, a header row with all its columns and empty cells for
 * what koszyk does not keep, and datapackage.json. Only those file names
 * are written. Nothing about cases. counts (may be NULL) gets the rows of
 * each file. A dir that cannot be made or written is KZ_INVALID. */
enum kz_status kz_export_hsds(struct kz_db *db, const struct kz_config *cfg,
			      const char *dir, struct kz_hsds_counts *counts,
			      struct kz_error *err);

/* import hsds DIR: what came in, and every column with values (and
 * every table with rows) koszyk does not keep, one line each
 * ("services.interpretation_services: 1 values not kept"). */
struct kz_hsds_import_result {
	size_t inserted, updated, unchanged;
	size_t withdrawn;  /* network update: services gone from the feed */
	size_t left;       /* network update: partners gone from it, marked
			    * as left (their contact persons stay) */
	char **warnings;
	size_t nwarnings;
};
void kz_hsds_import_result_free(struct kz_hsds_import_result *res);

/* Read the HSDS tabular files of dir (organizations.csv is needed; a
 * missing other file is an empty table) into partners, contact persons
 * and services, by id: a record whose id exists is updated in the fields
 * HSDS holds, and only when one differs; a new id is inserted with it.
 * One transaction: a bad cell is KZ_INVALID naming the file, the row and
 * the column, and nothing is written. */
enum kz_status kz_import_hsds(struct kz_db *db, const struct kz_config *cfg,
			      const char *dir,
			      struct kz_hsds_import_result *res,
			      struct kz_error *err);

/* network add/update: the same import as kz_import_hsds into the
 * read-only basket of network name (records marked with it; a record of
 * our own basket or of another network with an id of the feed is
 * KZ_INVALID); services of the network no longer in the feed are
 * withdrawn (archived, never deleted), partners no longer in it are
 * marked as left (never deleted; their contact persons stay, for a plan
 * may name them, and a partner back in the feed is a member again,
 * informal); the network is registered with
 * source (where its feed is read from), in the same transaction. */
enum kz_status kz_import_hsds_network(struct kz_db *db,
				      const struct kz_config *cfg,
				      const char *dir, const char *name,
				      const char *source,
				      struct kz_hsds_import_result *res,
				      struct kz_error *err);

/* "Imported DIR: 3 new, 0 updated, 0 unchanged." (import hsds) and
 * "Network NAME from DIR: ... withdrawn." (network add and update).
 * Allocated. */
char *kz_import_hsds_done_text(const char *dir,
			       const struct kz_hsds_import_result *res);
char *kz_network_done_text(const char *name, const char *dir,
			   const struct kz_hsds_import_result *res);

/* The folder of an HSDS feed: source itself, or the folder the file
 * source is in (its datapackage.json or any of its tables), as an
 * absolute path (allocated); NULL and KZ_INVALID when there is none. */
char *kz_hsds_feed_dir(const char *source, struct kz_error *err);

/* network add NAME SOURCE: refused when the network is there already;
 * network update NAME: its feed again from where it was added. *dir
 * gets the folder read (allocated, may be NULL on an error). */
enum kz_status kz_network_add(struct kz_db *db, const struct kz_config *cfg,
			      const char *name, const char *source,
			      struct kz_hsds_import_result *res, char **dir,
			      struct kz_error *err);
enum kz_status kz_network_update(struct kz_db *db, const struct kz_config *cfg,
				 const char *name,
				 struct kz_hsds_import_result *res, char **dir,
				 struct kz_error *err);

/* Opening hours as HSDS schedule rows: "pn–pt 8:00–16:00",
 * "wtorki 14:00–18:00", "pn 8:00–17:00, wt–pt 7:30–15:30",
 * "pn, śr, pt 9:00–13:00", "codziennie 7:00–22:00", "pon.–pt. 8–16",
 * "sob. 9.00–13.00". Each part of the text (between commas or
 * semicolons) is days, or days followed by one time range (whole hours,
 * H:MM or H.MM), or a time range on the days of the part before it
 * ("pn–pt 8–12, 13–16"); a text with anything else gives no rows (the
 * whole text is kept as the description anyway). */
struct kz_hsds_hours {
	char byday[32];    /* "MO,TU,WE,TH,FR" */
	char opens_at[9];  /* "08:00:00" */
	char closes_at[9];
};

/* The rows (at most max) in out; returns their number, 0 when the text
 * is not understood as a whole. */
size_t kz_hsds_parse_hours(const char *text, struct kz_hsds_hours *out,
			   size_t max);

#endif
