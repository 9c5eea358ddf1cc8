/* Who is at the keyboard and what they may see and change. Decided here,
 * in the data layer, so that the screens, the command line, imports and
 * sync all obey one rule; the screens only hide what would be refused.
 *
 * Identity comes from the operating system (the real user id's login),
 * never from an environment variable. The configuration's users map a
 * login to a person and a role; a login not listed is a viewer.
 *
 *   viewer       reads the basket, partners, contacts, meetings and
 *                reports without case data; changes nothing;
 *   worker       changes the basket, partners, contacts, meetings and
 *                tasks; opens cases; sees and changes only the cases they
 *                manage or that are shared with them;
 *   coordinator  everything: erasing a case, the retention report,
 *                sharing and reassigning cases, the whole audit trail.
 *
 * Every write to a table of records passes a check of the connection
 * (SQLite triggers in the temp schema, made at open), so no code path can
 * go around the rule; the functions below give the same answer earlier,
 * with a message that says who may do it. */
#ifndef KOSZYK_ACCESS_H
#define KOSZYK_ACCESS_H

#include <stdbool.h>

#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/status.h"

/* The login of the real user id, from the password database; "uid N"
 * when the id has no entry. Caller frees. */
char *kz_os_login(void);

/* The person using this connection: login (created_by, updated_by, the
 * audit trail) and role. A new connection is a viewer with no login. */
void kz_db_set_principal(struct kz_db *db, const char *login,
			 enum kz_role role);
enum kz_role kz_db_role(const struct kz_db *db);

/* The principal for login from the configuration: a listed user's role,
 * else a viewer. */
void kz_db_set_login(struct kz_db *db, const struct kz_config *cfg,
		     const char *login);

/* A database made by "koszyk demo" (or cloned from one): fictional data,
 * where the person at the keyboard may act as any configured user. */
bool kz_db_is_demo(struct kz_db *db);
enum kz_status kz_db_mark_demo(struct kz_db *db, struct kz_error *err);
/* Act as a configured user: only in a demo database; an unknown login or
 * a real database is refused (KZ_INVALID). */
enum kz_status kz_db_act_as(struct kz_db *db, const struct kz_config *cfg,
			    const char *login, struct kz_error *err);

/* What a role may do beyond reading the basket. */
enum kz_right {
	KZ_RIGHT_CHANGE,        /* basket, partners, contacts, meetings, tasks */
	KZ_RIGHT_CASES,         /* open cases, see one's own and shared ones */
	KZ_RIGHT_ALL_CASES,     /* see and change every case, reassign */
	KZ_RIGHT_ERASE,         /* gdpr erase */
	KZ_RIGHT_RETENTION,     /* the retention report's case codes */
	KZ_RIGHT_AUDIT_ALL,     /* the whole audit trail */
};
bool kz_may(struct kz_db *db, enum kz_right right);
/* KZ_OK, or KZ_INVALID with a message saying who may do it. */
enum kz_status kz_require(struct kz_db *db, enum kz_right right,
			  struct kz_error *err);

/* May the principal see (and so change, if they may change at all) the
 * case with this id? A coordinator every case; a worker the cases they
 * manage or that are shared with them; a viewer none. */
bool kz_case_visible(struct kz_db *db, const char *case_id);
/* The same refusal as for a case that does not exist, so that nobody
 * learns that a family is in the system. */
enum kz_status kz_case_unknown(const char *code, struct kz_error *err);

/* Share a case with a configured login (worker or coordinator), or stop
 * sharing it: by the case's manager or a coordinator. */
enum kz_status kz_case_share(struct kz_db *db, const struct kz_config *cfg,
			     const char *code, const char *login,
			     struct kz_error *err);
enum kz_status kz_case_unshare(struct kz_db *db, const char *code,
			       const char *login, struct kz_error *err);
/* The logins a case is shared with, sorted; *n of them. Caller frees
 * with kz_strv_free. */
enum kz_status kz_case_shares(struct kz_db *db, const char *case_id,
			      char ***logins, size_t *n, struct kz_error *err);
void kz_strv_free(char **v, size_t n);

/* Internal work of the program itself (creating the demo, migrations,
 * removing a case a replica may no longer hold) passes the checks; the
 * previous state is returned for kz_db_system_end. */
int kz_db_system_begin(struct kz_db *db);
void kz_db_system_end(struct kz_db *db, int previous);

#endif
