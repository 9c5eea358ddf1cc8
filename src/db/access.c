/* Who may see and change what (see include/koszyk/access.h).
 *
 * The rule is written once, as SQL: temp triggers on every table of
 * records refuse a write the principal may not make, whatever code path
 * makes it (a form, a command, an import, a merge). They live in the
 * connection's temp schema, so they cost nothing on disk and cannot be
 * dropped from the file. Reads are filtered with KZ_SEES_CASE. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_internal.h"
#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

char *kz_os_login(void)
{
	uid_t uid = getuid();
	struct passwd *pw = getpwuid(uid);

	if (pw && pw->pw_name && *pw->pw_name)
		return xstrdup(pw->pw_name);
	return xasprintf("uid %lu", (unsigned long)uid);
}

void kz_db_set_login(struct kz_db *db, const struct kz_config *cfg,
		     const char *login)
{
	const struct kz_user *u = kz_config_user(cfg, login);

	kz_db_set_principal(db, login, u ? u->role : KZ_ROLE_VIEWER);
	kz_db_set_users(db, cfg);
}

bool kz_db_is_demo(struct kz_db *db)
{
	char *v = kz_db_meta_get(db, "demo");
	bool demo = v && strcmp(v, "1") == 0;

	free(v);
	return demo;
}

enum kz_status kz_db_mark_demo(struct kz_db *db, struct kz_error *err)
{
	return kz_db_meta_set(db, "demo", "1", err);
}

enum kz_status kz_db_act_as(struct kz_db *db, const struct kz_config *cfg,
			    const char *login, struct kz_error *err)
{
	const struct kz_user *u;

	if (!kz_db_is_demo(db))
		return kz_fail(err, KZ_INVALID,
			       _("Acting as another user works only in a demo database (made by \"koszyk demo\"). Here you are %s, as the operating system says."),
			       kz_db_user(db));
	u = kz_config_user(cfg, login);
	if (!u)
		return kz_fail(err, KZ_INVALID,
			       _("\"%s\" is not a user of the configuration; the demo's users are listed under users in koszyk.yaml."),
			       login ? login : "");
	kz_db_set_principal(db, u->login, u->role);
	kz_db_set_users(db, cfg);
	return KZ_OK;
}

/* --- refusals ------------------------------------------------------------- */

static enum kz_status refuse_change(struct kz_db *db, struct kz_error *err)
{
	return kz_fail(err, KZ_DENIED,
		       _("%s may only look: changes are made by a worker or a coordinator of the partnership. Ask the coordinator to add your login to the users of koszyk.yaml."),
		       kz_db_user(db));
}

enum kz_status kz_refusal(struct kz_db *db, const char *reason,
			  struct kz_error *err)
{
	if (strcmp(reason, "change") == 0)
		return refuse_change(db, err);
	if (strcmp(reason, "case") == 0)
		return kz_fail(err, KZ_DENIED,
			       _("This case is not among yours: only its case manager, the people it is shared with and a coordinator may see or change it."));
	if (strcmp(reason, "open") == 0)
		return kz_fail(err, KZ_DENIED,
			       _("A worker opens the cases they manage themselves; only a coordinator may open a case for someone else."));
	if (strcmp(reason, "reassign") == 0)
		return kz_fail(err, KZ_DENIED,
			       _("Only a coordinator may give a case to another case manager."));
	if (strcmp(reason, "erase") == 0)
		return kz_fail(err, KZ_DENIED, _("Only a coordinator may erase a case."));
	if (strcmp(reason, "share") == 0)
		return kz_fail(err, KZ_DENIED,
			       _("Only the case manager or a coordinator may share a case or stop sharing it."));
	if (strcmp(reason, "audit") == 0)
		return kz_fail(err, KZ_DENIED, _("The audit trail cannot be changed."));
	return kz_fail(err, KZ_DENIED, _("This change is not allowed for %s."), kz_db_user(db));
}

bool kz_may(struct kz_db *db, enum kz_right right)
{
	int role = kz_db_effective_role(db);

	switch (right) {
	case KZ_RIGHT_CHANGE:
	case KZ_RIGHT_CASES:
		return role >= KZ_ROLE_WORKER;
	case KZ_RIGHT_ALL_CASES:
	case KZ_RIGHT_ERASE:
	case KZ_RIGHT_RETENTION:
	case KZ_RIGHT_AUDIT_ALL:
		return role >= KZ_ROLE_COORDINATOR;
	}
	return false;
}

enum kz_status kz_require(struct kz_db *db, enum kz_right right,
			  struct kz_error *err)
{
	if (right == KZ_RIGHT_CHANGE || right == KZ_RIGHT_ERASE) {
		enum kz_status st = kz_db_may_change(db, err);
		if (st != KZ_OK)
			return st;
	}
	if (kz_may(db, right))
		return KZ_OK;
	switch (right) {
	case KZ_RIGHT_CHANGE:
		return refuse_change(db, err);
	case KZ_RIGHT_CASES:
		return kz_fail(err, KZ_DENIED,
			       _("%s sees no cases: only workers and coordinators of the partnership work with cases."),
			       kz_db_user(db));
	case KZ_RIGHT_ALL_CASES:
		return kz_fail(err, KZ_DENIED, _("Only a coordinator may see and change every case."));
	case KZ_RIGHT_ERASE:
		return kz_refusal(db, "erase", err);
	case KZ_RIGHT_RETENTION:
		return kz_fail(err, KZ_DENIED,
			       _("Only a coordinator may see the cases past the retention period."));
	case KZ_RIGHT_AUDIT_ALL:
		return kz_fail(err, KZ_DENIED,
			       _("Only a coordinator may read the whole audit trail; a worker may read the trail of the cases they see."));
	}
	return refuse_change(db, err);
}

/* --- visibility ----------------------------------------------------------- */

bool kz_case_visible(struct kz_db *db, const char *case_id)
{
	sqlite3_stmt *q;
	bool yes = false;

	if (kz_str_empty(case_id))
		return false;
	q = kz_db_stmt(db, "SELECT " KZ_SEES_CASE("?1"), NULL);
	if (!q)
		return false;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) == SQLITE_ROW)
		yes = sqlite3_column_int(q, 0) != 0;
	sqlite3_reset(q);
	return yes;
}

enum kz_status kz_case_unknown(const char *code, struct kz_error *err)
{
	return kz_fail(err, KZ_INVALID, _("There is no case %s."),
		       !kz_str_empty(code) ? code : "\"\"");
}

/* --- the triggers ----------------------------------------------------------- */

/* Each table of records: its kind (as in the audit trail and the sync
 * registry) and the case its row belongs to, as an SQL expression over
 * "R." (replaced by new., old. or a table alias); NULL: no case. lookup
 * replaces the generated "which case" query where the key is not id.
 * Cases and shares have triggers of their own (access_sql). */
static const struct {
	const char *table, *kind, *case_of, *lookup;
	bool own_triggers;
} tables[] = {
	{ "partners", "partner", NULL, NULL, false },
	{ "contacts", "contact", NULL, NULL, false },
	{ "services", "service", NULL, NULL, false },
	{ "cases", "case", "R.id", NULL, true },
	{ "case_shares", "share", "R.case_id", NULL, true },
	{ "members", "member", "R.case_id", NULL, false },
	{ "team", "team", "R.case_id", NULL, false },
	{ "plans", "plan", "R.case_id", NULL, false },
	{ "diagnoses", "diagnosis", "(SELECT case_id FROM main.plans WHERE id = R.plan_id)", NULL, false },
	{ "goals", "goal", "(SELECT case_id FROM main.plans WHERE id = R.plan_id)", NULL, false },
	{ "actions", "action", "(SELECT case_id FROM main.plans WHERE id = R.plan_id)", NULL, false },
	{ "reviews", "review", "(SELECT case_id FROM main.plans WHERE id = R.plan_id)", NULL, false },
	/* named PLAN_ID/VERSION (or by the plan's id alone) */
	{ "plan_versions", "plan_version", "(SELECT case_id FROM main.plans WHERE id = R.plan_id)",
	  "SELECT case_id FROM main.plans WHERE id = substr(?1, 1, instr(?1 || '/', '/') - 1)",
	  false },
	{ "progress", "progress", "(SELECT p.case_id FROM main.reviews r JOIN main.plans p"
		      " ON p.id = r.plan_id WHERE r.id = R.review_id)", NULL, false },
	{ "meetings", "meeting", "R.case_id", NULL, false },
	{ "attendees", "attendee", "(SELECT case_id FROM main.meetings WHERE id = R.meeting_id)",
	  NULL, false },
	{ "decisions", "decision", "(SELECT case_id FROM main.meetings WHERE id = R.meeting_id)",
	  NULL, false },
	{ "tasks", "task", "coalesce(R.case_id, (SELECT case_id FROM main.meetings"
		   " WHERE id = R.meeting_id))", NULL, false },
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* expr with every "R." replaced by row ("new." or "old."). */
static void put_row_expr(struct kz_buf *b, const char *expr, const char *row)
{
	for (const char *p = expr; *p; p++) {
		if (p[0] == 'R' && p[1] == '.') {
			kz_buf_puts(b, row);
			p++;
		} else {
			kz_buf_putc(b, *p);
		}
	}
}

/* The case of row row_id of tables[i], or NULL. */
static char *case_of_row(struct kz_db *db, size_t i, const char *row_id)
{
	static char *sql[NTABLES];

	if (!tables[i].case_of || kz_str_empty(row_id))
		return NULL;
	if (tables[i].lookup)
		return kz_query_text(db, tables[i].lookup, row_id);
	if (!sql[i]) {
		struct kz_buf b = KZ_BUF_INIT;
		kz_buf_puts(&b, "SELECT ");
		put_row_expr(&b, tables[i].case_of, "x.");
		kz_buf_printf(&b, " FROM main.%s x WHERE x.id = ?1", tables[i].table);
		sql[i] = kz_buf_detach(&b);
	}
	return kz_query_text(db, sql[i], row_id);
}

char *kz_row_case_id(struct kz_db *db, const char *table, const char *row_id)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(tables[i].table, table) == 0)
			return case_of_row(db, i, row_id);
	return NULL;
}

char *kz_case_of_sql(const char *table, const char *alias)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = 0; table && i < NTABLES; i++) {
		if (strcmp(tables[i].table, table) != 0)
			continue;
		if (!tables[i].case_of)
			return NULL;
		put_row_expr(&b, tables[i].case_of, alias);
		return kz_buf_detach(&b);
	}
	return NULL;
}

bool kz_kind_of_case(const char *kind)
{
	for (size_t i = 0; kind && i < NTABLES; i++)
		if (strcmp(tables[i].kind, kind) == 0)
			return tables[i].case_of != NULL;
	return false;
}

char *kz_record_case_id(struct kz_db *db, const char *kind, const char *id)
{
	for (size_t i = 0; kind && i < NTABLES; i++)
		if (strcmp(tables[i].kind, kind) == 0)
			return case_of_row(db, i, id);
	return NULL;
}

bool kz_row_visible(struct kz_db *db, const char *table, const char *row_id)
{
	char *case_id = kz_row_case_id(db, table, row_id);
	bool yes = !case_id || kz_case_visible(db, case_id);

	free(case_id);
	return yes;
}

static void put_trigger(struct kz_buf *b, const char *table, const char *event,
			const char *name, const char *when, const char *reason)
{
	kz_buf_printf(b, "CREATE TEMP TRIGGER kz_acl_%s_%s BEFORE %s ON main.%s"
		      " WHEN %s BEGIN SELECT RAISE(ABORT, '" KZ_REFUSED_PREFIX "%s'); END;\n",
		      table, name, event, table, when, reason);
}

/* "kz_role() < 2 AND E IS NOT NULL AND NOT sees(E)" for row. */
static char *case_condition(const char *case_of, const char *row)
{
	struct kz_buf e = KZ_BUF_INIT, w = KZ_BUF_INIT;
	char *expr;

	put_row_expr(&e, case_of, row);
	expr = kz_buf_detach(&e);
	kz_buf_printf(&w, "kz_role() < 2 AND %s IS NOT NULL AND NOT ", expr);
	kz_buf_printf(&w, KZ_SEES_CASE("(%s)"), expr, expr);
	free(expr);
	return kz_buf_detach(&w);
}

static void guard_table(struct kz_buf *b, const char *table, const char *case_of)
{
	static const struct {
		const char *event, *name, *rows[2];
	} events[] = {
		{ "INSERT", "i", { "new.", NULL } },
		{ "UPDATE", "u", { "old.", "new." } },
		{ "DELETE", "d", { "old.", NULL } },
	};

	for (size_t e = 0; e < sizeof(events) / sizeof(events[0]); e++) {
		char name[8];
		snprintf(name, sizeof(name), "%sv", events[e].name);
		put_trigger(b, table, events[e].event, name, "kz_role() < 1", "change");
		if (!case_of)
			continue;
		for (int r = 0; r < 2 && events[e].rows[r]; r++) {
			char *when = case_condition(case_of, events[e].rows[r]);
			snprintf(name, sizeof(name), "%sc%d", events[e].name, r);
			put_trigger(b, table, events[e].event, name, when, "case");
			free(when);
		}
	}
}

static char *access_sql(void)
{
	struct kz_buf b = KZ_BUF_INIT;
	char *visible_old = xasprintf(KZ_SEES_CASE("%s"), "old.id", "old.id");
	char *w;

	for (size_t i = 0; i < NTABLES; i++)
		if (!tables[i].own_triggers)
			guard_table(&b, tables[i].table, tables[i].case_of);
	/* Cases: a worker opens their own; only a coordinator reassigns or
	 * deletes (erasure). */
	put_trigger(&b, "cases", "INSERT", "iv", "kz_role() < 1", "change");
	put_trigger(&b, "cases", "INSERT", "io",
		    "kz_role() < 2 AND new.manager IS NOT kz_login()", "open");
	put_trigger(&b, "cases", "UPDATE", "uv", "kz_role() < 1", "change");
	w = xasprintf("kz_role() < 2 AND NOT %s", visible_old);
	put_trigger(&b, "cases", "UPDATE", "uc", w, "case");
	free(w);
	put_trigger(&b, "cases", "UPDATE", "um",
		    "kz_role() < 2 AND new.manager IS NOT old.manager", "reassign");
	put_trigger(&b, "cases", "DELETE", "d", "kz_role() < 2", "erase");
	/* Sharing: the case's manager or a coordinator. */
	for (int e = 0; e < 3; e++) {
		static const char *const ev[] = { "INSERT", "UPDATE", "DELETE" };
		static const char *const nm[] = { "i", "u", "d" };
		const char *row = e == 2 ? "old" : "new";
		w = xasprintf("kz_role() < 2 AND NOT EXISTS (SELECT 1 FROM main.cases"
			      " WHERE id = %s.case_id AND manager = kz_login()"
			      " AND kz_role() = 1)", row);
		put_trigger(&b, "case_shares", ev[e], nm[e], w, "share");
		free(w);
	}
	/* The audit trail is only ever appended to (an erasure's redaction
	 * is the program's own work). */
	put_trigger(&b, "audit", "UPDATE", "u", "kz_role() < 3", "audit");
	put_trigger(&b, "audit", "DELETE", "d", "kz_role() < 3", "audit");
	free(visible_old);
	return kz_buf_detach(&b);
}

/* Before the triggers are made, no statement may write to the database
 * (main; what it writes elsewhere, such as a copy made by VACUUM INTO or
 * the temp schema where the triggers go, is not the data they guard). */
static int unguarded_writes_denied(void *arg, int action, const char *a1,
				   const char *a2, const char *dbname,
				   const char *inner)
{
	struct kz_db *db = arg;

	(void)a1;
	(void)a2;
	(void)inner;
	if (kz_db_access(db) != KZ_ACCESS_ARMED)
		return SQLITE_OK;
	switch (action) {
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		/* SQLite's own schema table is written by statements that
		 * are authorized as what they are (CREATE, DROP, a pragma);
		 * the rows the triggers guard are in koszyk's tables. */
		if (a1 && strncmp(a1, "sqlite_", 7) == 0)
			return SQLITE_OK;
		return dbname && strcmp(dbname, "main") == 0 ? SQLITE_DENY : SQLITE_OK;
	default:
		return SQLITE_OK;
	}
}

enum kz_status kz_access_install(struct kz_db *db, struct kz_error *err)
{
	int rc = sqlite3_set_authorizer(kz_db_handle(db), unguarded_writes_denied, db);

	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "access");
	kz_db_set_access(db, KZ_ACCESS_ARMED);
	return KZ_OK;
}

enum kz_status kz_access_ensure(struct kz_db *db, struct kz_error *err)
{
	static char *sql;
	int rc;

	if (kz_db_access(db) != KZ_ACCESS_ARMED)
		return KZ_OK;
	/* Made inside a transaction, the triggers would go with its
	 * rollback while this connection believed itself guarded: only
	 * between transactions (kz_db_begin makes them first). */
	if (!sqlite3_get_autocommit(kz_db_handle(db)))
		return kz_fail(err, KZ_ENV, "koszyk: the access checks were not made before a change began");
	if (!sql)
		sql = access_sql();
	/* Making a temp trigger on a table of main counts as a write to
	 * main's schema: the authorizer steps aside while they are made. */
	sqlite3_set_authorizer(kz_db_handle(db), NULL, NULL);
	/* All of them or none. */
	rc = sqlite3_exec(kz_db_handle(db), "SAVEPOINT kz_access", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(kz_db_handle(db), sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum kz_status st = kz_db_fail(db, rc, err, "access");

		sqlite3_exec(kz_db_handle(db), "ROLLBACK TO kz_access; RELEASE kz_access",
			     NULL, NULL, NULL);
		sqlite3_set_authorizer(kz_db_handle(db), unguarded_writes_denied, db);
		return st;
	}
	rc = sqlite3_exec(kz_db_handle(db), "RELEASE kz_access", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "access");
	/* From here the triggers decide. */
	kz_db_set_access(db, KZ_ACCESS_GUARDED);
	return KZ_OK;
}

/* --- sharing ----------------------------------------------------------------- */

/* Whom a case may be shared with: a listed worker or coordinator other
 * than its manager. */
static enum kz_status check_share_target(const struct kz_config *cfg,
					 const struct kz_case *c, const char *login,
					 struct kz_error *err)
{
	const struct kz_user *u = kz_config_user(cfg, login);

	if (!u)
		return kz_fail(err, KZ_INVALID,
			       _("\"%s\" is not a user of koszyk.yaml: a case can be shared only with a listed worker or coordinator."),
			       login ? login : "");
	if (u->role < KZ_ROLE_WORKER)
		return kz_fail(err, KZ_INVALID,
			       _("%s is a viewer and sees no cases; share the case with a worker or a coordinator."),
			       login);
	if (strcmp(c->manager, login) == 0)
		return kz_fail(err, KZ_INVALID, _("%s manages case %s already."), login, c->code);
	return KZ_OK;
}

enum kz_status kz_case_share(struct kz_db *db, const struct kz_config *cfg,
			     const char *code, const char *login,
			     struct kz_error *err)
{
	struct kz_case c = { 0 };
	char id[KZ_ID_LEN + 1], now[32];
	sqlite3_stmt *q;
	enum kz_status st = kz_case_find(db, code, &c, err);

	if (st == KZ_OK)
		st = check_share_target(cfg, &c, login, err);
	if (st != KZ_OK) {
		kz_case_clear(&c);
		return st;
	}
	st = kz_db_begin(db, err);
	q = st == KZ_OK ? kz_db_stmt(db,
		"INSERT INTO case_shares(id, case_id, login, created_at, created_by,"
		" updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?4, ?5)"
		" ON CONFLICT(case_id, login) DO UPDATE SET revoked = 0,"
		" updated_at = excluded.updated_at, updated_by = excluded.updated_by"
		" WHERE revoked <> 0", err) : NULL;
	if (st == KZ_OK && !q)
		st = err ? err->status : KZ_ENV;
	if (st == KZ_OK) {
		kz_uuid(id);
		kz_now_iso(now);
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 2, c.id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 3, login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 4, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 5, kz_db_user(db), -1, SQLITE_TRANSIENT);
		st = kz_db_step(db, q, "share", err);
	}
	if (st == KZ_OK)
		st = kz_audit(db, "share", "case", c.id, login, err);
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	kz_case_clear(&c);
	return st;
}

enum kz_status kz_case_unshare(struct kz_db *db, const char *code,
			       const char *login, struct kz_error *err)
{
	struct kz_case c = { 0 };
	sqlite3_stmt *q;
	enum kz_status st = kz_case_find(db, code, &c, err);

	if (st != KZ_OK)
		return st;
	st = kz_db_begin(db, err);
	/* Marked, not deleted: see migration 9. */
	q = st == KZ_OK ? kz_db_stmt(db,
		"UPDATE case_shares SET revoked = 1, updated_at = ?3, updated_by = ?4"
		" WHERE case_id = ?1 AND login = ?2 AND revoked = 0", err) : NULL;
	if (st == KZ_OK && !q)
		st = err ? err->status : KZ_ENV;
	if (st == KZ_OK) {
		char now[32];
		kz_now_iso(now);
		sqlite3_bind_text(q, 1, c.id, -1, SQLITE_TRANSIENT);
		kz_bind_text(q, 2, login);
		sqlite3_bind_text(q, 3, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 4, kz_db_user(db), -1, SQLITE_TRANSIENT);
		st = kz_db_step(db, q, "unshare", err);
	}
	if (st == KZ_OK && sqlite3_changes(kz_db_handle(db)) == 0)
		st = kz_fail(err, KZ_INVALID, _("Case %s is not shared with %s."), code,
			     login ? login : "\"\"");
	if (st == KZ_OK)
		st = kz_audit(db, "unshare", "case", c.id, login, err);
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	kz_case_clear(&c);
	return st;
}

enum kz_status kz_case_shares(struct kz_db *db, const char *case_id,
			      char ***logins, size_t *n, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT login FROM case_shares WHERE case_id = ?1 AND revoked = 0 AND "
		KZ_SEES_CASE("?1") " ORDER BY login", err);
	size_t cap = 0;
	int rc;

	*logins = NULL;
	*n = 0;
	if (!q)
		return err ? err->status : KZ_ENV;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 4;
			*logins = xreallocarray(*logins, cap, sizeof(**logins));
		}
		(*logins)[(*n)++] = kz_column_dup(q, 0);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		kz_strv_free(*logins, *n);
		*logins = NULL;
		*n = 0;
		return kz_db_fail(db, rc, err, "shares");
	}
	return KZ_OK;
}

void kz_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
