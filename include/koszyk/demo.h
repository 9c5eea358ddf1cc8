/* A fictional gmina for demonstrations and tests. */
#ifndef KOSZYK_DEMO_H
#define KOSZYK_DEMO_H

#include "koszyk/config.h"
#include "koszyk/db.h"

struct kz_demo_data;

/* Fill an empty database: partners of every sector, their contact
 * persons, the basket, cases and meetings, as the YAML files of data/demo/ (compiled
 * in, see demo_data.h) describe them. Deterministic (same data every
 * time, apart from ids and timestamps). One transaction. */
enum kz_status kz_demo_fill(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_error *err);

/* The same with demo data read by the caller (kz_demo_data_parse): a
 * record that names another one that is not there fails with the file
 * and line of the record. */
enum kz_status kz_demo_fill_data(struct kz_db *db, const struct kz_config *cfg,
				 const struct kz_demo_data *data,
				 struct kz_error *err);

/* Add the demo cases and their plans (src/io/demo_cases.c) to a database
 * that holds the demo basket; called by kz_demo_fill. Deterministic apart
 * from ids and timestamps; dates are relative to today. One transaction. */
enum kz_status kz_demo_cases_fill(struct kz_db *db, const struct kz_config *cfg,
				  const struct kz_demo_data *data,
				  struct kz_error *err);

/* Add a year of partnership meetings, some case-team meetings of demo
 * cases, their attendees, decisions and tasks (src/io/demo_meetings.c);
 * called by kz_demo_fill after the cases. Deterministic apart from ids and
 * timestamps; dates relative to today. One transaction. */
enum kz_status kz_demo_meetings_fill(struct kz_db *db, const struct kz_config *cfg,
				     const struct kz_demo_data *data,
				     struct kz_error *err);

#endif
