/* Cases, their household members and team: saving through the generic
 * record machinery (records.c), case codes, lists, retention, and the
 * data-protection export and erasure of one case. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/audit.h"
#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/i18n.h"
#include "koszyk/xalloc.h"
#include "records.h"
#include "sync_internal.h"


#define CASES KZ_KIND_CASE
#define MEMBERS KZ_KIND_MEMBER
#define TEAM KZ_KIND_TEAM

#define DEFAULT_CODE_FORMAT "R/{year}/{seq:03}"

/* --- small queries --------------------------------------------------------- */

static int current_year(void)
{
	char today[11];

	kz_today(today);
	return atoi(today);
}

/* --- case codes -------------------------------------------------------------- */

enum part_type { PART_TEXT, PART_YEAR, PART_SEQ };

struct part {
	enum part_type type;
	const char *text;  /* PART_TEXT: into the format */
	size_t len;
	int width;         /* PART_SEQ: zero padded to width */
};

struct code_format {
	struct part v[32];
	size_t n;
};

static enum kz_status bad_format(const char *format, struct kz_error *err)
{
	return kz_fail(err, KZ_INVALID,
		       _("The case code format \"%s\" (case_code_format in the configuration) is not valid: use text with {year} and {seq} or {seq:03}, e.g. R/{year}/{seq:03}."),
		       format);
}

static enum kz_status parse_format(const char *format, struct code_format *f,
				   struct kz_error *err)
{
	const char *s = format;
	int nseq = 0;

	f->n = 0;
	while (*s) {
		struct part p = { PART_TEXT, s, 0, 0 };

		if (f->n == sizeof(f->v) / sizeof(f->v[0]))
			return bad_format(format, err);
		if (*s != '{') {
			const char *e = strchr(s, '{');
			p.len = e ? (size_t)(e - s) : strlen(s);
			s += p.len;
			f->v[f->n++] = p;
			continue;
		}
		const char *close = strchr(s, '}');
		if (!close)
			return bad_format(format, err);
		size_t len = (size_t)(close - s - 1);
		const char *name = s + 1;
		if (len == 4 && strncmp(name, "year", 4) == 0) {
			p.type = PART_YEAR;
		} else if (len == 3 && strncmp(name, "seq", 3) == 0) {
			p.type = PART_SEQ;
		} else if (len >= 5 && len <= 6 && strncmp(name, "seq:", 4) == 0 &&
			   isdigit((unsigned char)name[4]) &&
			   (len == 5 || isdigit((unsigned char)name[5]))) {
			p.type = PART_SEQ;
			p.width = atoi(name + 4);
		} else {
			return bad_format(format, err);
		}
		if (p.type == PART_SEQ)
			nseq++;
		f->v[f->n++] = p;
		s = close + 1;
	}
	if (nseq != 1)
		return bad_format(format, err);
	return KZ_OK;
}

/* Does code follow the format with this year? *seq gets its number. */
static bool match_code(const struct part *p, size_t n, const char *code,
		       const char *year, long *seq)
{
	if (n == 0)
		return *code == '\0';
	switch (p->type) {
	case PART_TEXT:
		return strncmp(code, p->text, p->len) == 0 &&
		       match_code(p + 1, n - 1, code + p->len, year, seq);
	case PART_YEAR:
		return strncmp(code, year, 4) == 0 &&
		       match_code(p + 1, n - 1, code + 4, year, seq);
	case PART_SEQ: {
		size_t digits = 0;
		while (isdigit((unsigned char)code[digits]))
			digits++;
		/* The longest run of digits that lets the rest match. */
		for (size_t k = digits; k > 0; k--) {
			if (k > 9 || !match_code(p + 1, n - 1, code + k, year, seq))
				continue;
			long v = 0;
			for (size_t i = 0; i < k; i++)
				v = v * 10 + (code[i] - '0');
			*seq = v;
			return true;
		}
		return false;
	}
	}
	return false;
}

static char *render_code(const struct code_format *f, const char *year, long seq)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = 0; i < f->n; i++) {
		const struct part *p = &f->v[i];
		if (p->type == PART_TEXT)
			kz_buf_add(&b, p->text, p->len);
		else if (p->type == PART_YEAR)
			kz_buf_add(&b, year, 4);
		else
			kz_buf_printf(&b, "%0*ld", p->width, seq);
	}
	return kz_buf_detach(&b);
}

/* The text every code of this year begins with: the format up to its
 * number, rendered (R/2026/ for R/{year}/{seq:03}). */
static char *code_prefix(const struct code_format *f, const char *year)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = 0; i < f->n && f->v[i].type != PART_SEQ; i++) {
		if (f->v[i].type == PART_TEXT)
			kz_buf_add(&b, f->v[i].text, f->v[i].len);
		else
			kz_buf_add(&b, year, 4);
	}
	return kz_buf_detach(&b);
}

/* The codes given so far that may be of this year: those of the cases,
 * of erased cases (never given again: a paper file may still carry
 * one), and the next free code of the office as a replica holding only
 * its person's cases last heard it (meta office_next_code, marked 1).
 * Read from the indexes, between the year's prefix and the prefix
 * followed by 0xFF, a byte no UTF-8 text holds: every code of 250,000
 * cases read one by one took 70-100 ms. */
static sqlite3_stmt *codes_from(struct kz_db *db, const char *prefix, struct kz_error *err)
{
	char *upper;
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT code, 0 FROM cases WHERE code >= ?1 COLLATE NOCASE AND code < ?2 COLLATE NOCASE"
		" UNION ALL SELECT summary, 0 FROM audit WHERE action = 'erase' AND kind = 'case'"
		" AND summary >= ?1 COLLATE NOCASE AND summary < ?2 COLLATE NOCASE"
		" UNION ALL SELECT value, 1 FROM meta WHERE key = 'office_next_code'"
		" UNION ALL SELECT ukey, 0 FROM sync_row WHERE tbl = 'cases' AND deleted = 2"
		" AND ukey >= ?1 AND ukey < ?2", err);

	if (!q)
		return NULL;
	upper = xasprintf("%s\xff", prefix);
	kz_bind_text(q, 1, prefix);
	sqlite3_bind_text(q, 2, upper, -1, SQLITE_TRANSIENT);
	free(upper);
	return q;
}

enum kz_status kz_case_next_code(struct kz_db *db, const struct kz_config *cfg,
				 char **code_out, struct kz_error *err)
{
	const char *format = cfg && !kz_str_empty(cfg->case_code_format)
		? cfg->case_code_format : DEFAULT_CODE_FORMAT;
	struct code_format f;
	char today[11], *prefix;
	long max = 0;
	enum kz_status st = parse_format(format, &f, err);
	sqlite3_stmt *q;
	int rc;

	*code_out = NULL;
	if (st != KZ_OK)
		return st;
	kz_today(today);
	prefix = code_prefix(&f, today);
	q = codes_from(db, prefix, err);
	free(prefix);
	if (!q)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		long seq;
		if (code && match_code(f.v, f.n, code, today, &seq)) {
			if (sqlite3_column_int(q, 1))
				seq--;
			if (seq > max)
				max = seq;
		}
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "cases");
	*code_out = render_code(&f, today, max + 1);
	return KZ_OK;
}

/* --- cases ------------------------------------------------------------------ */

static enum kz_status check_case(struct kz_db *db, const struct kz_config *cfg,
				 struct kz_case *c, struct kz_error *err)
{
	enum kz_status st = kz_record_validate(CASES, c, err);
	sqlite3_stmt *q;
	int rc;

	if (st != KZ_OK)
		return st;
	q = kz_db_stmt(db, "SELECT 1 FROM cases WHERE code = ?1 COLLATE NOCASE"
			   " AND id <> coalesce(?2, '')", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, c->code);
	kz_bind_text(q, 2, c->id);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return kz_fail_field(err, KZ_INVALID, "code",
			       _("Case code: the case code %s is already used; leave the code empty to get the next free one."),
			       c->code);
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "cases");
	/* A case keeps a manager who has left the configuration until
	 * someone gives it a new one. */
	char *stored = *c->id ? kz_query_text(db, "SELECT manager FROM cases WHERE id = ?1", c->id)
			      : NULL;
	bool kept = stored && strcmp(stored, c->manager) == 0;
	free(stored);
	if (!kept && cfg && cfg->n_users > 0 && !kz_config_user(cfg, c->manager)) {
		struct kz_buf logins = KZ_BUF_INIT;
		for (size_t i = 0; i < cfg->n_users; i++)
			kz_buf_printf(&logins, "%s%s", i ? ", " : "", cfg->users[i].login);
		st = kz_fail_field(err, KZ_INVALID, "manager",
			     _("Case manager: \"%s\" is not a user of the configuration; choose one of: %s."),
			     c->manager, kz_buf_str(&logins));
		kz_buf_free(&logins);
		return st;
	}
	if (strcmp(c->legal_basis, "consent") == 0) {
		if (!c->consent_date)
			return kz_fail_field(err, KZ_INVALID, "consent_date",
				       _("Consent given on: processing based on consent needs the date the consent was given (YYYY-MM-DD)."));
		if (!c->consent_scope)
			return kz_fail_field(err, KZ_INVALID, "consent_scope",
				       _("Scope of the consent: processing based on consent needs what was agreed to."));
	} else if (!c->legal_basis_note) {
		return kz_fail_field(err, KZ_INVALID, "legal_basis_note",
			       _("Statutory duty: a statutory basis needs the duty it rests on, e.g. family assistant or Niebieska Karta."));
	}
	if (strcmp(c->status, "closed") == 0) {
		if (!c->closed_on)
			return kz_fail_field(err, KZ_INVALID, "closed_on",
				       _("Closed on: a closed case needs the date it was closed (YYYY-MM-DD)."));
		if (strcmp(c->closed_on, c->opened_on) < 0)
			return kz_fail_field(err, KZ_INVALID, "closed_on",
				       _("Closed on: the case cannot be closed on %s, before it was opened on %s."),
				       c->closed_on, c->opened_on);
	} else if (c->closed_on) {
		return kz_fail_field(err, KZ_INVALID, "closed_on",
			       _("Closed on: only a closed case has a closing date; set the status to closed or clear the date."));
	}
	return KZ_OK;
}

bool kz_case_field_needed(const struct kz_case *c, const char *field)
{
	bool statutory = kz_str_eq(c->legal_basis, "statutory");

	if (strcmp(field, "legal_basis_note") == 0)
		return statutory;
	if (strcmp(field, "consent_date") == 0 || strcmp(field, "consent_scope") == 0)
		return !statutory;
	return true;
}

enum kz_status kz_case_save(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_case *c, struct kz_error *err)
{
	bool generated = false;
	char today[11];
	enum kz_status st;

	bool is_new = !*c->id;

	/* Defaults of a new case; an existing one keeps what it has. */
	if (is_new && kz_str_empty(c->status))
		kz_str_set(&c->status, "new");
	if (is_new && kz_str_empty(c->opened_on)) {
		kz_today(today);
		kz_str_set(&c->opened_on, today);
	}
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	if (c->code)
		kz_trim(c->code);
	if (is_new && kz_str_empty(c->code)) {
		free(c->code);
		st = kz_case_next_code(db, cfg, &c->code, err);
		generated = true;
	}
	if (st == KZ_OK)
		st = check_case(db, cfg, c, err);
	if (st == KZ_OK) {
		if (is_new) {
			st = kz_record_insert(db, CASES, c, c->code, err);
		} else {
			struct kz_case stored = { 0 };
			st = kz_record_update(db, CASES, c, &stored, err);
			kz_case_clear(&stored);
		}
	}
	if (st != KZ_OK) {
		kz_db_rollback(db);
		if (generated) {
			free(c->code);
			c->code = NULL;
		}
		return st;
	}
	return kz_db_commit(db, err);
}

/* A case the principal may not see is answered like one that does not
 * exist. */
enum kz_status kz_case_get(struct kz_db *db, const char *id,
			   struct kz_case *out, struct kz_error *err)
{
	if (!kz_case_visible(db, id))
		return kz_fail(err, KZ_INVALID, _("There is no such case."));
	return kz_record_load(db, CASES, id, out, err);
}

/* The id of the case with this code (exact, else ignoring case). */
static enum kz_status case_id_of(struct kz_db *db, const char *code,
				 char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	char *trimmed = kz_trim(xstrdup(code ? code : ""));
	char *found = NULL;

	if (*trimmed)
		found = kz_query_text(db, "SELECT id FROM cases WHERE code = ?1 COLLATE NOCASE"
				       " AND " KZ_SEES_CASE_ROW("cases")
				       " ORDER BY code = ?1 DESC LIMIT 1", trimmed);
	if (!found) {
		enum kz_status st = kz_case_unknown(trimmed, err);
		free(trimmed);
		return st;
	}
	free(trimmed);
	memcpy(id, found, KZ_ID_LEN + 1);
	free(found);
	return KZ_OK;
}

enum kz_status kz_case_find(struct kz_db *db, const char *code,
			    struct kz_case *out, struct kz_error *err)
{
	char id[KZ_ID_LEN + 1];
	enum kz_status st = case_id_of(db, code, id, err);

	return st == KZ_OK ? kz_case_get(db, id, out, err) : st;
}

/* --- household members and team ------------------------------------------- */

/* The code of the case, or NULL when there is no such case. */
static char *case_code(struct kz_db *db, const char *case_id)
{
	return kz_query_text(db, "SELECT code FROM cases WHERE id = ?1", case_id);
}

static enum kz_status check_birth_year(const char *year, struct kz_error *err)
{
	int now = current_year();

	if (!year)
		return KZ_OK;
	bool ok = strlen(year) == 4;
	for (size_t i = 0; ok && i < 4; i++)
		ok = isdigit((unsigned char)year[i]) != 0;
	if (ok && (atoi(year) < 1900 || atoi(year) > now))
		ok = false;
	if (!ok)
		return kz_fail_field(err, KZ_INVALID, "birth_year",
			       _("Year of birth: \"%s\" is not a year between 1900 and %d; write four digits, e.g. 1987."),
			       year, now);
	return KZ_OK;
}

/* Insert or update a member or team record; summary of an insert is the
 * case code, never a name. */
static enum kz_status save_part(struct kz_db *db, enum kz_kind t, void *rec,
				void *stored, const char *code,
				struct kz_error *err)
{
	const char *id = kz_record_id(t, rec);

	if (!*id)
		return kz_record_insert(db, t, rec, code, err);
	return kz_record_update(db, t, rec, stored, err);
}

enum kz_status kz_member_save(struct kz_db *db, struct kz_member *m,
			      struct kz_error *err)
{
	enum kz_status st = kz_record_validate(MEMBERS, m, err);
	char *code;

	if (st != KZ_OK)
		return st;
	st = check_birth_year(m->birth_year, err);
	if (st != KZ_OK)
		return st;
	code = case_code(db, m->case_id);
	if (!code)
		return kz_fail_field(err, KZ_INVALID, "case_id", _("Case: there is no such case."));
	struct kz_member stored = { 0 };
	st = save_part(db, MEMBERS, m, &stored, code, err);
	kz_member_clear(&stored);
	free(code);
	return st;
}

static void fill_team_names(struct kz_db *db, struct kz_team_member *t)
{
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT c.name, p.name, c.phone FROM contacts c"
		" LEFT JOIN partners p ON p.id = c.partner_id WHERE c.id = ?1", NULL);

	free(t->contact_name);
	free(t->partner_name);
	free(t->phone);
	t->contact_name = t->partner_name = t->phone = NULL;
	if (!q)
		return;
	kz_bind_text(q, 1, t->contact_id);
	if (sqlite3_step(q) == SQLITE_ROW) {
		t->contact_name = kz_column_dup(q, 0);
		t->partner_name = kz_column_dup(q, 1);
		t->phone = kz_column_dup(q, 2);
	}
	sqlite3_reset(q);
}

enum kz_status kz_team_save(struct kz_db *db, struct kz_team_member *t,
			    struct kz_error *err)
{
	enum kz_status st = kz_record_validate(TEAM, t, err);
	sqlite3_stmt *q;
	char *code, *contact;
	int rc;

	if (st != KZ_OK)
		return st;
	contact = kz_query_text(db, "SELECT id FROM contacts WHERE id = ?1", t->contact_id);
	if (!contact)
		return kz_fail_field(err, KZ_INVALID, "contact_id",
				     _("Contact person: there is no such person."));
	free(contact);
	q = kz_db_stmt(db, "SELECT 1 FROM team WHERE case_id = ?1 AND contact_id = ?2"
			   " AND id <> coalesce(?3, '')", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, t->case_id);
	kz_bind_text(q, 2, t->contact_id);
	kz_bind_text(q, 3, t->id);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return kz_fail_field(err, KZ_INVALID, "contact_id",
			       _("Contact person: this person is already in the team of the case."));
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "team");
	code = case_code(db, t->case_id);
	if (!code)
		return kz_fail_field(err, KZ_INVALID, "case_id", _("Case: there is no such case."));
	struct kz_team_member stored = { 0 };
	st = save_part(db, TEAM, t, &stored, code, err);
	kz_team_member_clear(&stored);
	free(code);
	if (st == KZ_OK)
		fill_team_names(db, t);
	return st;
}

/* Delete a member or team record; the audit entry names only the case
 * code. */
static enum kz_status delete_part(struct kz_db *db, const char *sql_code,
				  const char *sql_delete, const char *kind,
				  const char *id, struct kz_error *err)
{
	enum kz_status st = kz_db_begin(db, err);
	char *code;

	if (st != KZ_OK)
		return st;
	code = kz_query_text(db, sql_code, id);
	if (!code) {
		kz_db_rollback(db);
		return kz_fail(err, KZ_NOT_FOUND, _("There is no record with id \"%s\"."),
			       id ? id : "");
	}
	/* The case, while the record is there to find it by. */
	char *case_id = kz_record_case_id(db, kind, id);
	sqlite3_stmt *q = kz_db_stmt(db, sql_delete, err);
	if (!q) {
		st = err ? err->status : KZ_ENV;
	} else {
		kz_bind_text(q, 1, id);
		st = kz_db_step(db, q, kind, err);
	}
	if (st == KZ_OK) {
		struct kz_audit_new n = {
			.action = "delete", .kind = kind, .ref = id, .summary = code,
			.case_id = case_id,
		};
		st = kz_audit_add(db, &n, err);
	}
	free(case_id);
	free(code);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}

enum kz_status kz_member_delete(struct kz_db *db, const char *id,
				struct kz_error *err)
{
	return delete_part(db,
		"SELECT c.code FROM members m JOIN cases c ON c.id = m.case_id WHERE m.id = ?1",
		"DELETE FROM members WHERE id = ?1", "member", id, err);
}

enum kz_status kz_team_delete(struct kz_db *db, const char *id,
			      struct kz_error *err)
{
	return delete_part(db,
		"SELECT c.code FROM team t JOIN cases c ON c.id = t.case_id WHERE t.id = ?1",
		"DELETE FROM team WHERE id = ?1", "team", id, err);
}


enum kz_status kz_members_of(struct kz_db *db, const char *case_id,
			     struct kz_members *out, struct kz_error *err)
{
	char (*ids)[KZ_ID_LEN + 1];
	size_t n;
	enum kz_status st = kz_query_ids(db,
		"SELECT id FROM members WHERE case_id = ?1 ORDER BY created_at, rowid",
		case_id, NULL, &ids, &n, err);

	memset(out, 0, sizeof(*out));
	if (st != KZ_OK)
		return st;
	out->v = n ? xcalloc(n, sizeof(*out->v)) : NULL;
	for (size_t i = 0; i < n && st == KZ_OK; i++) {
		st = kz_record_load(db, MEMBERS, ids[i], &out->v[i], err);
		out->n = i + 1;
	}
	free(ids);
	if (st != KZ_OK)
		kz_members_free(out);
	return st;
}

enum kz_status kz_team_of(struct kz_db *db, const char *case_id,
			  struct kz_team *out, struct kz_error *err)
{
	char (*ids)[KZ_ID_LEN + 1];
	size_t n;
	enum kz_status st = kz_query_ids(db,
		"SELECT t.id FROM team t JOIN contacts c ON c.id = t.contact_id"
		" LEFT JOIN partners p ON p.id = c.partner_id WHERE t.case_id = ?1"
		" ORDER BY p.name COLLATE KZ_PL, kz_person_key(c.name) COLLATE KZ_PL, t.rowid",
		case_id, NULL, &ids, &n, err);

	memset(out, 0, sizeof(*out));
	if (st != KZ_OK)
		return st;
	out->v = n ? xcalloc(n, sizeof(*out->v)) : NULL;
	for (size_t i = 0; i < n && st == KZ_OK; i++) {
		st = kz_record_load(db, TEAM, ids[i], &out->v[i], err);
		out->n = i + 1;
		if (st == KZ_OK)
			fill_team_names(db, &out->v[i]);
	}
	free(ids);
	if (st != KZ_OK)
		kz_team_free(out);
	return st;
}

void kz_members_free(struct kz_members *m)
{
	for (size_t i = 0; i < m->n; i++)
		kz_member_clear(&m->v[i]);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

void kz_team_free(struct kz_team *t)
{
	for (size_t i = 0; i < t->n; i++)
		kz_team_member_clear(&t->v[i]);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* --- lists ---------------------------------------------------------------- */

/* Rows of a case list: id, code, status, manager, opened_on, closed_on. */
static enum kz_status case_rows(struct kz_db *db, sqlite3_stmt *q,
				struct kz_rows *out, struct kz_error *err)
{
	size_t cap = 0;
	int rc;

	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct kz_row *r = kz_rows_push(out, &cap);
		const char *id = (const char *)sqlite3_column_text(q, 0);
		snprintf(r->id, sizeof(r->id), "%s", id ? id : "");
		r->title = kz_column_dup(q, 1);
		r->case_.status = kz_column_dup(q, 2);
		r->case_.manager = kz_column_dup(q, 3);
		r->case_.opened_on = kz_column_dup(q, 4);
		r->case_.closed_on = kz_column_dup(q, 5);
		r->archived = r->case_.status && strcmp(r->case_.status, "closed") == 0;
	}
	sqlite3_reset(q);
	out->total = out->n;
	if (rc != SQLITE_DONE) {
		kz_rows_free(out);
		return kz_db_fail(db, rc, err, "cases");
	}
	return KZ_OK;
}

enum kz_status kz_case_list(struct kz_db *db, const char *manager,
			    const char *query, struct kz_rows *out,
			    struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT id, code, status, manager, opened_on, closed_on FROM cases"
		" WHERE (?1 IS NULL OR manager = ?1) AND " KZ_SEES_CASE_ROW("cases")
		" AND (?2 IS NULL OR instr(lower(code), lower(?2)) > 0)"
		" ORDER BY code", err);
	char *trimmed;

	memset(out, 0, sizeof(*out));
	if (!kz_may(db, KZ_RIGHT_CASES))
		return kz_require(db, KZ_RIGHT_CASES, err);
	trimmed = query ? kz_trim(xstrdup(query)) : NULL;
	if (!q) {
		free(trimmed);
		return err ? err->status : KZ_ENV;
	}
	kz_bind_text(q, 1, manager);
	kz_bind_text(q, 2, trimmed);
	free(trimmed);
	return case_rows(db, q, out, err);
}

enum kz_status kz_case_retention(struct kz_db *db, int years,
				 struct kz_rows *out, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT id, code, status, manager, opened_on, closed_on FROM cases"
		" WHERE status = 'closed' AND closed_on < ?1 ORDER BY closed_on, code", err);
	char today[11], limit[11];

	memset(out, 0, sizeof(*out));
	if (!kz_may(db, KZ_RIGHT_RETENTION))
		return kz_require(db, KZ_RIGHT_RETENTION, err);
	if (years < 0)
		return kz_fail(err, KZ_INVALID, _("The retention period cannot be negative."));
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_today(today);
	/* The same day years earlier (29 February becomes 28 February). */
	kz_date_add_months(today, -12 * years, limit);
	kz_bind_text(q, 1, limit);
	return case_rows(db, q, out, err);
}

/* --- export ----------------------------------------------------------------- */

static void json_key(struct kz_buf *b, const char *key)
{
	kz_buf_putc(b, ',');
	kz_buf_json_string(b, key);
	kz_buf_putc(b, ':');
}

static void json_str(struct kz_buf *b, const char *key, const char *v)
{
	json_key(b, key);
	kz_buf_json_string(b, v);
}

/* Writes further "key": value pairs of the object of the record id. */
typedef enum kz_status (*extra_fn)(struct kz_db *db, struct kz_buf *b,
				    const char *id, struct kz_error *err);

/* A JSON array of the records of a table whose parent column is
 * parent_id: each an object with id, the fields, the stamp and what
 * extra adds. */
static enum kz_status json_records(struct kz_db *db, struct kz_buf *b,
				   const char *key, const char *tbl,
				   const struct kz_field *fields, size_t n,
				   const char *parent, const char *parent_id,
				   const char *order, extra_fn extra,
				   struct kz_error *err)
{
	struct kz_buf sql = KZ_BUF_INIT;
	enum kz_status st = KZ_OK;
	sqlite3_stmt *q;
	int rc;

	kz_buf_puts(&sql, "SELECT id, ");
	for (size_t i = 0; i < n; i++)
		kz_buf_printf(&sql, "%s, ", fields[i].name);
	kz_buf_printf(&sql, "created_at, created_by, updated_at, updated_by, rev"
		      " FROM %s WHERE %s = ?1 ORDER BY %s", tbl, parent, order);
	rc = sqlite3_prepare_v2(kz_db_handle(db), kz_buf_str(&sql), -1, &q, NULL);
	kz_buf_free(&sql);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, tbl);
	sqlite3_bind_text(q, 1, parent_id, -1, SQLITE_TRANSIENT);
	json_key(b, key);
	kz_buf_putc(b, '[');
	bool first = true;
	while (st == KZ_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(q, 0);
		char *idcopy = xstrdup(id ? id : "");
		int col = (int)n + 1;

		if (!first)
			kz_buf_putc(b, ',');
		first = false;
		kz_buf_puts(b, "{\"id\":");
		kz_buf_json_string(b, idcopy);
		for (size_t i = 0; i < n; i++)
			json_str(b, fields[i].name, (const char *)sqlite3_column_text(q, (int)i + 1));
		json_str(b, "created_at", (const char *)sqlite3_column_text(q, col));
		json_str(b, "created_by", (const char *)sqlite3_column_text(q, col + 1));
		json_str(b, "updated_at", (const char *)sqlite3_column_text(q, col + 2));
		json_str(b, "updated_by", (const char *)sqlite3_column_text(q, col + 3));
		json_key(b, "rev");
		kz_buf_printf(b, "%lld", (long long)sqlite3_column_int64(q, col + 4));
		if (extra)
			st = extra(db, b, idcopy, err);
		kz_buf_putc(b, '}');
		free(idcopy);
	}
	if (st == KZ_OK && rc != SQLITE_DONE)
		st = kz_db_fail(db, rc, err, tbl);
	sqlite3_finalize(q);
	kz_buf_putc(b, ']');
	return st;
}

static enum kz_status team_extra(struct kz_db *db, struct kz_buf *b,
				 const char *id, struct kz_error *err)
{
	struct kz_team_member t = { 0 };
	char *contact = kz_query_text(db, "SELECT contact_id FROM team WHERE id = ?1", id);

	(void)err;
	t.contact_id = contact;
	fill_team_names(db, &t);
	json_str(b, "contact_name", t.contact_name);
	json_str(b, "partner_name", t.partner_name);
	json_str(b, "phone", t.phone);
	free(t.contact_name);
	free(t.partner_name);
	free(t.phone);
	free(contact);
	return KZ_OK;
}

static enum kz_status review_extra(struct kz_db *db, struct kz_buf *b,
				   const char *id, struct kz_error *err)
{
	return json_records(db, b, "progress", "progress", kz_progress_fields,
			    kz_progress_nfields, "review_id", id,
			    "created_at, rowid", NULL, err);
}

static enum kz_status plan_versions_json(struct kz_db *db, struct kz_buf *b,
					 const char *plan_id, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db,
		"SELECT version, created_at, created_by, note, snapshot"
		" FROM plan_versions WHERE plan_id = ?1 ORDER BY version", err);
	bool first = true;
	int rc;

	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, plan_id);
	json_key(b, "versions");
	kz_buf_putc(b, '[');
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!first)
			kz_buf_putc(b, ',');
		first = false;
		kz_buf_printf(b, "{\"version\":%lld", (long long)sqlite3_column_int64(q, 0));
		json_str(b, "created_at", (const char *)sqlite3_column_text(q, 1));
		json_str(b, "created_by", (const char *)sqlite3_column_text(q, 2));
		json_str(b, "note", (const char *)sqlite3_column_text(q, 3));
		json_str(b, "snapshot", (const char *)sqlite3_column_text(q, 4));
		kz_buf_putc(b, '}');
	}
	sqlite3_reset(q);
	kz_buf_putc(b, ']');
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "plan_versions");
}

/* A case-team meeting: who was invited and came, decisions, tasks. */
static enum kz_status meeting_extra(struct kz_db *db, struct kz_buf *b,
				   const char *id, struct kz_error *err)
{
	enum kz_status st = json_records(db, b, "attendees", "attendees",
		kz_attendee_fields, kz_attendee_nfields, "meeting_id", id,
		"created_at, rowid", NULL, err);
	if (st == KZ_OK)
		st = json_records(db, b, "decisions", "decisions", kz_decision_fields,
				  kz_decision_nfields, "meeting_id", id,
				  "created_at, rowid", NULL, err);
	if (st == KZ_OK)
		st = json_records(db, b, "tasks", "tasks", kz_task_fields,
				  kz_task_nfields, "meeting_id", id,
				  "created_at, rowid", NULL, err);
	return st;
}

static enum kz_status plan_extra(struct kz_db *db, struct kz_buf *b,
				 const char *id, struct kz_error *err)
{
	enum kz_status st = json_records(db, b, "diagnoses", "diagnoses",
		kz_diagnosis_fields, kz_diagnosis_nfields, "plan_id", id,
		"need_area, rowid", NULL, err);
	if (st == KZ_OK)
		st = json_records(db, b, "goals", "goals", kz_goal_fields,
				  kz_goal_nfields, "plan_id", id,
				  "target_date, rowid", NULL, err);
	if (st == KZ_OK)
		st = json_records(db, b, "actions", "actions", kz_action_fields,
				  kz_action_nfields, "plan_id", id,
				  "due_date, rowid", NULL, err);
	if (st == KZ_OK)
		st = json_records(db, b, "reviews", "reviews", kz_review_fields,
				  kz_review_nfields, "plan_id", id,
				  "review_date, rowid", review_extra, err);
	if (st == KZ_OK)
		st = plan_versions_json(db, b, id, err);
	return st;
}

static enum kz_status audit_json(struct kz_db *db, struct kz_buf *b,
				 const struct kz_case *c, struct kz_error *err)
{
	sqlite3_stmt *q = kz_db_stmt(db, CASE_IDS_CTE
		"SELECT at, user, action, kind, ref, summary FROM audit"
		CASE_AUDIT_WHERE " ORDER BY seq", err);
	bool first = true;
	int rc;

	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, c->id);
	kz_bind_text(q, 2, c->code);
	json_key(b, "audit");
	kz_buf_putc(b, '[');
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		static const char *const keys[] = { "at", "user", "action", "kind", "ref", "summary" };
		if (!first)
			kz_buf_putc(b, ',');
		first = false;
		kz_buf_putc(b, '{');
		for (int i = 0; i < 6; i++) {
			if (i)
				kz_buf_putc(b, ',');
			kz_buf_json_string(b, keys[i]);
			kz_buf_putc(b, ':');
			kz_buf_json_string(b, (const char *)sqlite3_column_text(q, i));
		}
		kz_buf_putc(b, '}');
	}
	sqlite3_reset(q);
	kz_buf_putc(b, ']');
	return rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, "audit");
}

enum kz_status kz_case_export_json(struct kz_db *db, const char *code,
				   struct kz_buf *out, struct kz_error *err)
{
	struct kz_case c = { 0 };
	struct kz_buf b = KZ_BUF_INIT;
	enum kz_status st = kz_db_begin(db, err);

	if (st != KZ_OK)
		return st;
	st = kz_case_find(db, code, &c, err);
	if (st == KZ_OK)
		st = kz_case_note_read(db, c.id, "gdpr export", err);
	if (st == KZ_OK) {
		kz_buf_puts(&b, "{\"kind\":\"case\"");
		json_str(&b, "id", c.id);
		json_str(&b, "title", c.code);
		for (size_t i = 0; i < kz_case_nfields; i++)
			json_str(&b, kz_case_fields[i].name,
				 *kz_field_slot(&c, &kz_case_fields[i]));
		json_str(&b, "created_at", c.stamp.created_at);
		json_str(&b, "created_by", c.stamp.created_by);
		json_str(&b, "updated_at", c.stamp.updated_at);
		json_str(&b, "updated_by", c.stamp.updated_by);
		json_key(&b, "rev");
		kz_buf_printf(&b, "%ld", c.stamp.rev);
		st = json_records(db, &b, "members", "members", kz_member_fields,
				  kz_member_nfields, "case_id", c.id,
				  "created_at, rowid", NULL, err);
	}
	if (st == KZ_OK)
		st = json_records(db, &b, "team", "team", kz_team_fields,
				  kz_team_nfields, "case_id", c.id,
				  "created_at, rowid", team_extra, err);
	if (st == KZ_OK)
		st = json_records(db, &b, "plans", "plans", kz_plan_fields,
				  kz_plan_nfields, "case_id", c.id,
				  "valid_from, created_at, rowid", plan_extra, err);
	if (st == KZ_OK)
		st = json_records(db, &b, "meetings", "meetings", kz_meeting_fields,
				  kz_meeting_nfields, "case_id", c.id,
				  "date, rowid", meeting_extra, err);
	if (st == KZ_OK)
		st = json_records(db, &b, "tasks", "tasks", kz_task_fields,
				  kz_task_nfields, "case_id", c.id,
				  "created_at, rowid", NULL, err);
	if (st == KZ_OK)
		st = audit_json(db, &b, &c, err);
	kz_case_clear(&c);
	if (st != KZ_OK) {
		kz_buf_free(&b);
		kz_db_rollback(db);
		return st;
	}
	kz_buf_puts(&b, "}\n");
	st = kz_db_commit(db, err);
	if (st == KZ_OK)
		kz_buf_add(out, b.data, b.len);
	kz_buf_free(&b);
	return st;
}

/* --- erasure ---------------------------------------------------------------- */

/* author: who erased it (NULL: the principal; an erasure received by sync
 * keeps its author). */
static enum kz_status erase_rows(struct kz_db *db, const char *id,
				 const char *code, const char *author,
				 struct kz_error *err)
{
	struct kz_audit_redaction redaction;
	sqlite3_stmt *q;
	char now[32];
	enum kz_status st;

	kz_now_iso(now);
	/* Tombstones first, while the records are still there to find. */
	q = kz_db_stmt(db, CASE_IDS_CTE
		"INSERT OR REPLACE INTO erased(id, kind, erased_at, erased_by)"
		" SELECT id, kind, ?2, ?3 FROM ids", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, id);
	kz_bind_text(q, 2, now);
	kz_bind_text(q, 3, kz_db_user(db));
	st = kz_db_step(db, q, "erased", err);
	if (st == KZ_OK)
		st = kz_sync_erase_note(db, id, err);
	if (st != KZ_OK)
		return st;

	/* The case's audit entries keep their place in the chain, without
	 * their details. */
	st = kz_audit_redact_case(db, id, code, &redaction, err);
	if (st != KZ_OK)
		return st;

	/* ON DELETE CASCADE removes the rest, the trigger the search entry. */
	q = kz_db_stmt(db, "DELETE FROM cases WHERE id = ?1", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, id);
	st = kz_db_step(db, q, "cases", err);
	if (st != KZ_OK)
		return st;
	/* Merge the full-text index so that no deleted entry lingers in it. */
	int rc = sqlite3_exec(kz_db_handle(db),
			      "INSERT INTO search_fts(search_fts) VALUES('optimize')",
			      NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return kz_db_fail(db, rc, err, "search_fts");
	return kz_audit_erased(db, code, author, &redaction, err);
}

enum kz_status kz_case_erase_id_by(struct kz_db *db, const char *case_id,
				   const char *author, struct kz_error *err)
{
	char *code = kz_query_text(db, "SELECT code FROM cases WHERE id = ?1", case_id);
	enum kz_status st;

	if (!code)
		return KZ_NOT_FOUND;
	st = erase_rows(db, case_id, code, author, err);
	free(code);
	return st;
}

enum kz_status kz_case_erase_id(struct kz_db *db, const char *case_id,
				struct kz_error *err)
{
	return kz_case_erase_id_by(db, case_id, NULL, err);
}

enum kz_status kz_case_erase(struct kz_db *db, const char *code,
			     struct kz_error *err)
{
	struct kz_case c = { 0 };
	enum kz_status st;
	int secure = kz_db_secure_begin(db);

	st = kz_db_begin(db, err);
	if (st == KZ_OK) {
		st = kz_case_find(db, code, &c, err);
		if (st == KZ_OK)
			st = kz_require(db, KZ_RIGHT_ERASE, err);
		if (st == KZ_OK)
			st = erase_rows(db, c.id, c.code, NULL, err);
		kz_case_clear(&c);
		if (st != KZ_OK)
			kz_db_rollback(db);
		else
			st = kz_db_commit(db, err);
	}
	kz_db_secure_end(db, secure, st == KZ_OK);
	return st;
}
