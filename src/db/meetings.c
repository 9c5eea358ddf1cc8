/* Meetings, attendees, decisions and tasks: saving through the generic
 * record machinery (records.c), the rotation of hosts, the task views. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/fold.h"
#include "koszyk/i18n.h"
#include "koszyk/meetings.h"
#include "koszyk/xalloc.h"
#include "records.h"


#define MEETINGS KZ_KIND_MEETING
#define ATTENDEES KZ_KIND_ATTENDEE
#define DECISIONS KZ_KIND_DECISION
#define TASKS KZ_KIND_TASK

static bool exists(struct kz_db *db, const char *sql, const char *id)
{
	char *v;

	if (!id)
		return false;
	v = kz_query_text(db, sql, id);
	free(v);
	return v != NULL;
}


static bool time_valid(const char *s)
{
	return strlen(s) == 5 && isdigit((unsigned char)s[0]) &&
	       isdigit((unsigned char)s[1]) && s[2] == ':' &&
	       isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
	       (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
}

/* --- read-only names ------------------------------------------------------------- */

static void fill_meeting(struct kz_db *db, struct kz_meeting *m)
{
	free(m->host_name);
	free(m->case_code);
	free(m->chair_name);
	m->host_name = kz_query_text(db, "SELECT name FROM partners WHERE id = ?1", m->host_id);
	m->chair_name = kz_query_text(db, "SELECT name FROM partners WHERE id = ?1", m->chair_id);
	m->case_code = kz_query_text(db, "SELECT code FROM cases WHERE id = ?1", m->case_id);
}

static void fill_attendee(struct kz_db *db, struct kz_attendee *a)
{
	free(a->contact_name);
	free(a->partner_name);
	a->contact_name = kz_query_text(db, "SELECT name FROM contacts WHERE id = ?1", a->contact_id);
	a->partner_name = kz_query_text(db, "SELECT p.name FROM contacts c JOIN partners p"
				     " ON p.id = c.partner_id WHERE c.id = ?1", a->contact_id);
}

static void fill_task(struct kz_db *db, struct kz_task *t)
{
	free(t->partner_name);
	free(t->partner_short);
	free(t->contact_name);
	free(t->decision_text);
	t->decision_text = kz_query_text(db, "SELECT text FROM decisions WHERE id = ?1", t->decision_id);
	t->partner_name = kz_query_text(db, "SELECT name FROM partners WHERE id = ?1", t->partner_id);
	t->partner_short = kz_query_text(db, "SELECT nullif(short_name, '') FROM partners"
					 " WHERE id = ?1", t->partner_id);
	t->contact_name = kz_query_text(db, "SELECT name FROM contacts WHERE id = ?1", t->contact_id);
}

/* --- saving ---------------------------------------------------------------------- */

/* Insert or update; the audit summary of an insert is short and never
 * names a person. */
static enum kz_status save_rec(struct kz_db *db, enum kz_kind t, void *rec,
			       void *stored, const char *summary,
			       struct kz_error *err)
{
	const char *id = kz_record_id(t, rec);

	if (!*id)
		return kz_record_insert(db, t, rec, summary, err);
	return kz_record_update(db, t, rec, stored, err);
}

enum kz_status kz_meeting_save(struct kz_db *db, struct kz_meeting *m,
			       struct kz_error *err)
{
	enum kz_status st;

	if (kz_str_empty(m->kind))
		kz_str_set(&m->kind, "partnership");
	if (m->date)
		kz_trim(m->date);
	if (kz_str_empty(m->date))
		return kz_fail_field(err, KZ_INVALID, "date",
			       _("Date: a meeting needs a date (YYYY-MM-DD)."));
	st = kz_record_validate(MEETINGS, m, err);
	if (st != KZ_OK)
		return st;
	if (m->time && !time_valid(m->time))
		return kz_fail_field(err, KZ_INVALID, "time",
			       _("Time: \"%s\" is not a time; write it as HH:MM, e.g. 10:00"),
			       m->time);
	if (strcmp(m->kind, "case_team") == 0) {
		if (!m->case_id)
			return kz_fail_field(err, KZ_INVALID, "case_id",
				       _("Case: a meeting of a case team needs the case."));
		if (!exists(db, "SELECT id FROM cases WHERE id = ?1", m->case_id))
			return kz_fail_field(err, KZ_INVALID, "case_id",
					     _("Case: there is no such case."));
	} else if (m->case_id) {
		return kz_fail_field(err, KZ_INVALID, "case_id",
			       _("Case: a meeting of the partnership belongs to no case; choose the case team kind or clear the case."));
	}
	if (m->host_id && !exists(db, "SELECT id FROM partners WHERE id = ?1", m->host_id))
		return kz_fail_field(err, KZ_INVALID, "host_id",
				     _("Host partner: there is no such partner."));
	if (m->chair_id && !exists(db, "SELECT id FROM partners WHERE id = ?1", m->chair_id))
		return kz_fail_field(err, KZ_INVALID, "chair_id",
				     _("Chair partner: there is no such partner."));
	struct kz_meeting stored = { 0 };
	st = save_rec(db, MEETINGS, m, &stored, m->date, err);
	kz_meeting_clear(&stored);
	if (st == KZ_OK)
		fill_meeting(db, m);
	return st;
}

enum kz_status kz_attendee_save(struct kz_db *db, struct kz_attendee *a,
				struct kz_error *err)
{
	enum kz_status st;
	sqlite3_stmt *q;
	int rc;

	if (kz_str_empty(a->attended))
		kz_str_set(&a->attended, "0");
	if (kz_str_empty(a->contact_id))
		return kz_fail_field(err, KZ_INVALID, "contact_id",
			       _("Contact person: choose an attendee from the partner registry."));
	st = kz_record_validate(ATTENDEES, a, err);
	if (st != KZ_OK)
		return st;
	if (!exists(db, "SELECT id FROM meetings WHERE id = ?1", a->meeting_id))
		return kz_fail_field(err, KZ_INVALID, "meeting_id",
				     _("Meeting: there is no such meeting."));
	if (!exists(db, "SELECT id FROM contacts WHERE id = ?1", a->contact_id))
		return kz_fail_field(err, KZ_INVALID, "contact_id",
			       _("Contact person: this person is not in the partner registry."));
	q = kz_db_stmt(db, "SELECT 1 FROM attendees WHERE meeting_id = ?1 AND contact_id = ?2"
			   " AND id <> coalesce(?3, '')", err);
	if (!q)
		return err ? err->status : KZ_ENV;
	kz_bind_text(q, 1, a->meeting_id);
	kz_bind_text(q, 2, a->contact_id);
	kz_bind_text(q, 3, a->id);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return kz_fail_field(err, KZ_INVALID, "contact_id",
			       _("Contact person: this person is already on the list of the meeting."));
	if (rc != SQLITE_DONE)
		return kz_db_fail(db, rc, err, "attendees");
	struct kz_attendee stored = { 0 };
	st = save_rec(db, ATTENDEES, a, &stored, NULL, err);
	kz_attendee_clear(&stored);
	if (st == KZ_OK)
		fill_attendee(db, a);
	return st;
}

enum kz_status kz_attendee_mark(struct kz_db *db, const char *id,
				bool attended, struct kz_error *err)
{
	struct kz_attendee a = { 0 };
	enum kz_status st = kz_record_load(db, ATTENDEES, id, &a, err);

	if (st == KZ_OK) {
		kz_str_set(&a.attended, attended ? "1" : "0");
		a.stamp.rev = 0;
		st = kz_attendee_save(db, &a, err);
	}
	kz_attendee_clear(&a);
	return st;
}

enum kz_status kz_decision_save(struct kz_db *db, struct kz_decision *d,
				struct kz_error *err)
{
	enum kz_status st;

	if (kz_str_empty(d->text))
		return kz_fail_field(err, KZ_INVALID, "text",
				     _("Decision: write what was decided."));
	st = kz_record_validate(DECISIONS, d, err);
	if (st != KZ_OK)
		return st;
	if (!exists(db, "SELECT id FROM meetings WHERE id = ?1", d->meeting_id))
		return kz_fail_field(err, KZ_INVALID, "meeting_id",
				     _("Meeting: there is no such meeting."));
	struct kz_decision stored = { 0 };
	st = save_rec(db, DECISIONS, d, &stored, NULL, err);
	kz_decision_clear(&stored);
	return st;
}

static bool is_closed(const char *status)
{
	return status && (strcmp(status, "done") == 0 || strcmp(status, "dropped") == 0);
}

/* The decision a task came from is one of its meeting's. */
static enum kz_status check_decision(struct kz_db *db, const struct kz_task *t,
				     struct kz_error *err)
{
	char *meeting;
	bool same;

	if (!t->decision_id)
		return KZ_OK;
	if (!t->meeting_id)
		return kz_fail_field(err, KZ_INVALID, "decision_id",
			       _("From decision: only a task of a meeting comes from one of its decisions."));
	meeting = kz_query_text(db, "SELECT meeting_id FROM decisions WHERE id = ?1", t->decision_id);
	same = meeting && strcmp(meeting, t->meeting_id) == 0;
	free(meeting);
	if (!same)
		return kz_fail_field(err, KZ_INVALID, "decision_id",
			       _("From decision: there is no such decision of the task's meeting."));
	return KZ_OK;
}

enum kz_status kz_task_save(struct kz_db *db, struct kz_task *t,
			    struct kz_error *err)
{
	enum kz_status st;

	if (kz_str_empty(t->status))
		kz_str_set(&t->status, "open");
	if (kz_str_empty(t->partner_id))
		return kz_fail_field(err, KZ_INVALID, "partner_id",
			       _("Owner partner: a task needs a partner that owns it."));
	if (t->title)
		kz_trim(t->title);
	if (kz_str_empty(t->title))
		return kz_fail_field(err, KZ_INVALID, "title",
				     _("Task: write what is to be done."));
	/* Closing records when and by whom; reopening forgets it. */
	if (is_closed(t->status)) {
		char today[11];
		char *was = *t->id ? kz_query_text(db, "SELECT status FROM tasks WHERE id = ?1", t->id)
				   : NULL;
		/* A task closed now: today, by the current user. A new task
		 * may bring its own dates (recorded afterwards, imported). */
		if ((*t->id && !is_closed(was)) || kz_str_empty(t->closed_on)) {
			kz_today(today);
			kz_str_set(&t->closed_on, today);
			kz_str_set(&t->closed_by, kz_db_user(db));
		}
		if (kz_str_empty(t->closed_by))
			kz_str_set(&t->closed_by, kz_db_user(db));
		free(was);
	} else {
		free(t->closed_on);
		free(t->closed_by);
		t->closed_on = t->closed_by = NULL;
	}
	st = kz_record_validate(TASKS, t, err);
	if (st != KZ_OK)
		return st;
	if (!exists(db, "SELECT id FROM partners WHERE id = ?1", t->partner_id))
		return kz_fail_field(err, KZ_INVALID, "partner_id",
			       _("Owner partner: there is no partner with this id in the registry."));
	if (t->contact_id &&
	    !exists(db, "SELECT id FROM contacts WHERE id = ?1", t->contact_id))
		return kz_fail_field(err, KZ_INVALID, "contact_id",
			       _("Owner person: this person is not in the partner registry."));
	if (t->contact_id) {
		char *p = kz_query_text(db, "SELECT partner_id FROM contacts WHERE id = ?1", t->contact_id);
		bool same = p && strcmp(p, t->partner_id) == 0;
		free(p);
		if (!same)
			return kz_fail_field(err, KZ_INVALID, "contact_id",
				       _("Owner person: this person is not a contact person of the owner partner."));
	}
	if (t->meeting_id && !exists(db, "SELECT id FROM meetings WHERE id = ?1", t->meeting_id))
		return kz_fail_field(err, KZ_INVALID, "meeting_id",
				     _("Meeting: there is no such meeting."));
	if (t->case_id && !exists(db, "SELECT id FROM cases WHERE id = ?1", t->case_id))
		return kz_fail_field(err, KZ_INVALID, "case_id", _("Case: there is no such case."));
	st = check_decision(db, t, err);
	if (st != KZ_OK)
		return st;
	struct kz_task stored = { 0 };
	st = save_rec(db, TASKS, t, &stored, NULL, err);
	kz_task_clear(&stored);
	if (st == KZ_OK)
		fill_task(db, t);
	return st;
}

enum kz_status kz_task_close(struct kz_db *db, const char *id,
			     const char *status, long rev,
			     struct kz_error *err)
{
	struct kz_task t = { 0 };
	enum kz_status st;

	if (!status)
		status = "done";
	if (!is_closed(status))
		return kz_fail_field(err, KZ_INVALID, "status",
			       _("Status: a task is closed as done or dropped, not \"%s\"."), status);
	st = kz_record_load(db, TASKS, id, &t, err);
	if (st == KZ_OK) {
		if (strcmp(t.status, status) != 0) {
			kz_str_set(&t.status, status);
			free(t.closed_on);
			t.closed_on = NULL;  /* recorded anew: today, by whom */
		}
		t.stamp.rev = rev;
		st = kz_task_save(db, &t, err);
	}
	kz_task_clear(&t);
	return st;
}

enum kz_status kz_meeting_part_delete(struct kz_db *db, const char *kind,
				      const char *id, struct kz_error *err)
{
	static const struct { const char *kind, *check, *del; } parts[] = {
		{ "meeting", "SELECT id FROM meetings WHERE id = ?1",
		  "DELETE FROM meetings WHERE id = ?1" },
		{ "attendee", "SELECT id FROM attendees WHERE id = ?1",
		  "DELETE FROM attendees WHERE id = ?1" },
		{ "decision", "SELECT id FROM decisions WHERE id = ?1",
		  "DELETE FROM decisions WHERE id = ?1" },
		{ "task", "SELECT id FROM tasks WHERE id = ?1",
		  "DELETE FROM tasks WHERE id = ?1" },
	};
	enum kz_status st;

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (strcmp(parts[i].kind, kind) != 0)
			continue;
		st = kz_db_begin(db, err);
		if (st != KZ_OK)
			return st;
		if (!exists(db, parts[i].check, id)) {
			kz_db_rollback(db);
			return kz_fail(err, KZ_NOT_FOUND, _("There is no record with id \"%s\"."),
				       id ? id : "");
		}
		/* The case of a case team's record, while it is there. */
		char *case_id = kz_record_case_id(db, kind, id);
		sqlite3_stmt *q = kz_db_stmt(db, parts[i].del, err);
		if (!q) {
			st = err ? err->status : KZ_ENV;
		} else {
			kz_bind_text(q, 1, id);
			int rc = sqlite3_step(q);
			sqlite3_reset(q);
			st = rc == SQLITE_DONE ? KZ_OK : kz_db_fail(db, rc, err, kind);
		}
		if (st == KZ_OK) {
			struct kz_audit_new n = {
				.action = "delete", .kind = kind, .ref = id, .case_id = case_id,
			};
			st = kz_audit_add(db, &n, err);
		}
		free(case_id);
		if (st != KZ_OK) {
			kz_db_rollback(db);
			return st;
		}
		return kz_db_commit(db, err);
	}
	return kz_fail(err, KZ_INVALID, _("cannot delete \"%s\" of a meeting"), kind);
}

/* --- reading ------------------------------------------------------------------------ */

/* The case a meeting's or task's row belongs to, when the principal may
 * not see it: such a record is answered as if it did not exist. */
#define MEETING_CASE "SELECT case_id FROM meetings WHERE id = ?1"
#define TASK_CASE "SELECT coalesce(t.case_id, m.case_id) FROM tasks t" \
	" LEFT JOIN meetings m ON m.id = t.meeting_id WHERE t.id = ?1"

static bool hidden_case_record(struct kz_db *db, const char *sql, const char *id)
{
	char *case_id = kz_query_text(db, sql, id);
	bool hidden = case_id && !kz_case_visible(db, case_id);

	free(case_id);
	return hidden;
}

enum kz_status kz_meeting_get(struct kz_db *db, const char *id,
			      struct kz_meeting *out, struct kz_error *err)
{
	enum kz_status st;

	if (hidden_case_record(db, MEETING_CASE, id))
		return kz_fail(err, KZ_INVALID, _("There is no such meeting."));
	st = kz_record_load(db, MEETINGS, id, out, err);
	if (st == KZ_OK)
		fill_meeting(db, out);
	return st;
}

enum kz_status kz_task_get(struct kz_db *db, const char *id,
			   struct kz_task *out, struct kz_error *err)
{
	enum kz_status st;

	if (hidden_case_record(db, TASK_CASE, id))
		return kz_fail(err, KZ_INVALID, _("There is no such task."));
	st = kz_record_load(db, TASKS, id, out, err);
	if (st == KZ_OK)
		fill_task(db, out);
	return st;
}

/* Load the records of a list of ids into a new array. */
static enum kz_status load_all(struct kz_db *db, enum kz_kind t,
			       char (*ids)[KZ_ID_LEN + 1], size_t n, size_t size,
			       void **v, size_t *nout, void (*fill)(struct kz_db *, void *),
			       struct kz_error *err)
{
	enum kz_status st = KZ_OK;
	char *arr = n ? xcalloc(n, size) : NULL;

	*nout = 0;
	for (size_t i = 0; i < n && st == KZ_OK; i++) {
		st = kz_record_load(db, t, ids[i], arr + i * size, err);
		*nout = i + 1;
		if (st == KZ_OK && fill)
			fill(db, arr + i * size);
	}
	*v = arr;
	return st;
}

static void fill_meeting_v(struct kz_db *db, void *r) { fill_meeting(db, r); }
static void fill_attendee_v(struct kz_db *db, void *r) { fill_attendee(db, r); }
static void fill_task_v(struct kz_db *db, void *r) { fill_task(db, r); }

void kz_meeting_full_free(struct kz_meeting_full *m)
{
	kz_meeting_clear(&m->meeting);
	for (size_t i = 0; i < m->nattendees; i++)
		kz_attendee_clear(&m->attendees[i]);
	for (size_t i = 0; i < m->ndecisions; i++)
		kz_decision_clear(&m->decisions[i]);
	for (size_t i = 0; i < m->ntasks; i++)
		kz_task_clear(&m->tasks[i]);
	free(m->attendees);
	free(m->decisions);
	free(m->tasks);
	memset(m, 0, sizeof(*m));
}

enum kz_status kz_meeting_load(struct kz_db *db, const char *id,
			       struct kz_meeting_full *out,
			       struct kz_error *err)
{
	char (*ids)[KZ_ID_LEN + 1] = NULL;
	size_t n = 0;
	void *v;
	enum kz_status st;

	memset(out, 0, sizeof(*out));
	st = kz_meeting_get(db, id, &out->meeting, err);
	if (st == KZ_OK)
		st = kz_query_ids(db, "SELECT a.id FROM attendees a JOIN contacts c ON c.id = a.contact_id"
			    " LEFT JOIN partners p ON p.id = c.partner_id WHERE a.meeting_id = ?1"
			    " ORDER BY p.name COLLATE KZ_PL, kz_person_key(c.name) COLLATE KZ_PL, a.rowid",
			    id, NULL, &ids, &n, err);
	if (st == KZ_OK) {
		st = load_all(db, ATTENDEES, ids, n, sizeof(struct kz_attendee), &v,
			      &out->nattendees, fill_attendee_v, err);
		out->attendees = v;
		free(ids);
		ids = NULL;
	}
	if (st == KZ_OK)
		st = kz_query_ids(db, "SELECT id FROM decisions WHERE meeting_id = ?1"
			    " ORDER BY created_at, rowid", id, NULL, &ids, &n, err);
	if (st == KZ_OK) {
		st = load_all(db, DECISIONS, ids, n, sizeof(struct kz_decision), &v,
			      &out->ndecisions, NULL, err);
		out->decisions = v;
		free(ids);
		ids = NULL;
	}
	if (st == KZ_OK)
		st = kz_query_ids(db, "SELECT id FROM tasks WHERE meeting_id = ?1"
			    " ORDER BY coalesce(due_date, '9999'), rowid", id, NULL, &ids, &n, err);
	if (st == KZ_OK) {
		st = load_all(db, TASKS, ids, n, sizeof(struct kz_task), &v,
			      &out->ntasks, fill_task_v, err);
		out->tasks = v;
		free(ids);
		ids = NULL;
	}
	free(ids);
	if (st != KZ_OK)
		kz_meeting_full_free(out);
	return st;
}

enum kz_status kz_meeting_list(struct kz_db *db, const char *case_id,
			       struct kz_meetings *out, struct kz_error *err)
{
	char (*ids)[KZ_ID_LEN + 1];
	size_t n;
	void *v;
	enum kz_status st = kz_query_ids(db,
		"SELECT id FROM meetings WHERE (?1 IS NULL OR case_id = ?1)"
		" AND (case_id IS NULL OR " KZ_SEES_CASE("meetings.case_id") ")"
		" ORDER BY date DESC, coalesce(time, '') DESC, rowid DESC",
		case_id, NULL, &ids, &n, err);

	memset(out, 0, sizeof(*out));
	if (st != KZ_OK)
		return st;
	st = load_all(db, MEETINGS, ids, n, sizeof(struct kz_meeting), &v, &out->n,
		      fill_meeting_v, err);
	out->v = v;
	free(ids);
	if (st != KZ_OK)
		kz_meetings_free(out);
	return st;
}

void kz_meetings_free(struct kz_meetings *m)
{
	for (size_t i = 0; i < m->n; i++)
		kz_meeting_clear(&m->v[i]);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

enum kz_status kz_meeting_next_host(struct kz_db *db,
				    char id_out[KZ_ID_LEN + 1],
				    struct kz_error *err)
{
	/* Never hosted first (last IS NULL sorts first), then the oldest
	 * last hosting, ties by folded name. */
	char *id = kz_query_text(db,
		"SELECT p.id FROM partners p LEFT JOIN"
		" (SELECT host_id, max(date) AS last FROM meetings"
		"  WHERE kind = 'partnership' AND host_id IS NOT NULL GROUP BY host_id) h"
		" ON h.host_id = p.id"
		" WHERE p.status IN ('declared', 'informal')"
		" ORDER BY h.last IS NOT NULL, h.last, p.name COLLATE KZ_PL, p.id LIMIT 1", NULL);

	id_out[0] = '\0';
	if (!id)
		return kz_fail(err, KZ_NOT_FOUND,
			       _("No partner can host: no partner has signed the declaration or cooperates informally."));
	snprintf(id_out, KZ_ID_LEN + 1, "%s", id);
	free(id);
	return KZ_OK;
}

enum kz_status kz_meeting_next_chair(struct kz_db *db, const char *host_id,
				     char id_out[KZ_ID_LEN + 1],
				     struct kz_error *err)
{
	/* As the host's rotation, on the chairs; the host itself last. */
	char *id = kz_query_text(db,
		"SELECT p.id FROM partners p LEFT JOIN"
		" (SELECT chair_id, max(date) AS last FROM meetings"
		"  WHERE kind = 'partnership' AND chair_id IS NOT NULL GROUP BY chair_id) h"
		" ON h.chair_id = p.id"
		" WHERE p.status IN ('declared', 'informal')"
		" ORDER BY p.id IS ?1, h.last IS NOT NULL, h.last, kz_fold(p.name), p.id LIMIT 1",
		host_id);

	id_out[0] = '\0';
	if (!id)
		return kz_fail(err, KZ_NOT_FOUND,
			       _("No partner can chair: no partner has signed the declaration or cooperates informally."));
	snprintf(id_out, KZ_ID_LEN + 1, "%s", id);
	free(id);
	return KZ_OK;
}

/* --- inviting many at once ------------------------------------------------------- */

/* One contact person of every cooperating partner (declared or informal)
 * none of whose people is on the meeting's list yet: the person the
 * partner sent to a meeting most lately, else the first by name. */
#define PARTNER_INVITEES                                                          \
	"SELECT (SELECT c.id FROM contacts c LEFT JOIN"                             \
	"  (SELECT a.contact_id, max(am.date) AS last FROM attendees a"             \
	"   JOIN meetings am ON am.id = a.meeting_id GROUP BY a.contact_id) h"      \
	"  ON h.contact_id = c.id WHERE c.partner_id = p.id"                        \
	"  ORDER BY h.last IS NULL, h.last DESC, kz_fold(c.name), c.id LIMIT 1) AS cid" \
	" FROM partners p WHERE p.status IN ('declared', 'informal')"               \
	" AND NOT EXISTS (SELECT 1 FROM attendees a JOIN contacts c2"               \
	"  ON c2.id = a.contact_id WHERE a.meeting_id = ?1 AND c2.partner_id = p.id)" \
	" AND cid IS NOT NULL ORDER BY kz_fold(p.name), p.id"
/* The case's team, those not on the list yet. */
#define TEAM_INVITEES                                                              \
	"SELECT t.contact_id FROM team t JOIN contacts c ON c.id = t.contact_id"    \
	" LEFT JOIN partners p ON p.id = c.partner_id WHERE t.case_id = ?2"         \
	" AND NOT EXISTS (SELECT 1 FROM attendees a WHERE a.meeting_id = ?1"        \
	"  AND a.contact_id = t.contact_id)"                                        \
	" ORDER BY kz_fold(p.name), kz_fold(c.name), t.rowid"

enum kz_status kz_meeting_invitees(struct kz_db *db, const char *meeting_id,
				   const char *case_id, struct kz_invitees *out,
				   struct kz_error *err)
{
	struct kz_meeting m = { 0 };
	char (*ids)[KZ_ID_LEN + 1] = NULL;
	size_t n = 0;
	enum kz_status st;

	memset(out, 0, sizeof(*out));
	st = kz_meeting_get(db, meeting_id, &m, err);
	kz_meeting_clear(&m);
	if (st != KZ_OK)
		return st;
	if (case_id && !kz_case_visible(db, case_id))
		return kz_fail(err, KZ_INVALID, _("There is no such case."));
	st = kz_query_ids(db, case_id ? TEAM_INVITEES : PARTNER_INVITEES,
			  meeting_id, case_id, &ids, &n, err);
	if (st != KZ_OK)
		return st;
	out->v = n ? xcalloc(n, sizeof(*out->v)) : NULL;
	out->n = n;
	for (size_t i = 0; i < n; i++) {
		struct kz_invitee *v = &out->v[i];
		memcpy(v->contact_id, ids[i], sizeof(v->contact_id));
		v->contact_name = kz_query_text(db, "SELECT name FROM contacts WHERE id = ?1", ids[i]);
		v->partner_name = kz_query_text(db, "SELECT p.name FROM contacts c JOIN partners p"
						" ON p.id = c.partner_id WHERE c.id = ?1", ids[i]);
	}
	free(ids);
	return KZ_OK;
}

void kz_invitees_free(struct kz_invitees *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].contact_name);
		free(v->v[i].partner_name);
	}
	free(v->v);
	memset(v, 0, sizeof(*v));
}

enum kz_status kz_meeting_invite(struct kz_db *db, const char *meeting_id,
				 const char *const *contact_ids, size_t n,
				 size_t *added, struct kz_error *err)
{
	struct kz_meeting m = { 0 };
	enum kz_status st = kz_meeting_get(db, meeting_id, &m, err);

	kz_meeting_clear(&m);
	*added = 0;
	if (st == KZ_OK)
		st = kz_db_begin(db, err);
	if (st != KZ_OK)
		return st;
	for (size_t i = 0; i < n && st == KZ_OK; i++) {
		struct kz_attendee a = { 0 };
		kz_str_set(&a.meeting_id, meeting_id);
		kz_str_set(&a.contact_id, contact_ids[i]);
		st = kz_attendee_save(db, &a, err);
		kz_attendee_clear(&a);
	}
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	st = kz_db_commit(db, err);
	if (st == KZ_OK)
		*added = n;
	return st;
}

/* Tasks of the partnership, and of the case teams whose case the
 * principal may see. */
#define TASK_FROM " FROM tasks t JOIN partners p ON p.id = t.partner_id" \
	" LEFT JOIN contacts c ON c.id = t.contact_id"                    \
	" LEFT JOIN meetings tm ON tm.id = t.meeting_id"                  \
	" WHERE (coalesce(t.case_id, tm.case_id) IS NULL OR "             \
	KZ_SEES_CASE("coalesce(t.case_id, tm.case_id)") ")"

enum kz_status kz_task_list(struct kz_db *db, enum kz_task_view view,
			    const char *user_name, struct kz_tasks *out,
			    struct kz_error *err)
{
	char (*ids)[KZ_ID_LEN + 1] = NULL;
	size_t n = 0;
	char today[11];
	void *v;
	enum kz_status st;

	memset(out, 0, sizeof(*out));
	kz_today(today);
	switch (view) {
	case KZ_TASKS_MINE:
		if (kz_str_empty(user_name))
			return KZ_OK;
		st = KZ_OK;  /* below */
		break;
	case KZ_TASKS_OVERDUE:
		st = kz_query_ids(db, "SELECT t.id" TASK_FROM
			    " AND t.status = 'open' AND t.due_date < ?1"
			    " ORDER BY t.due_date, p.name COLLATE KZ_PL, t.rowid",
			    today, NULL, &ids, &n, err);
		break;
	case KZ_TASKS_BY_PARTNER:
		st = kz_query_ids(db, "SELECT t.id" TASK_FROM
			    " ORDER BY p.name COLLATE KZ_PL, p.id, t.status <> 'open',"
			    " coalesce(t.due_date, '9999'), t.rowid",
			    NULL, NULL, &ids, &n, err);
		break;
	case KZ_TASKS_ALL:
	default:
		st = kz_query_ids(db, "SELECT t.id" TASK_FROM
			    " ORDER BY t.status <> 'open', coalesce(t.due_date, '9999'),"
			    " p.name COLLATE KZ_PL, t.rowid",
			    NULL, NULL, &ids, &n, err);
		break;
	}
	if (view == KZ_TASKS_MINE && st == KZ_OK) {
		/* kz_fold in SQL, with the name's blanks evened out here. */
		char *key = kz_fold_key(user_name);
		st = kz_query_ids(db, "SELECT t.id" TASK_FROM
			    " AND t.status = 'open' AND c.name IS NOT NULL"
			    " AND trim(kz_fold(c.name)) = ?1"
			    " ORDER BY coalesce(t.due_date, '9999'), t.rowid",
			    key, NULL, &ids, &n, err);
		free(key);
	}
	if (st != KZ_OK)
		return st;
	st = load_all(db, TASKS, ids, n, sizeof(struct kz_task), &v, &out->n,
		      fill_task_v, err);
	out->v = v;
	free(ids);
	if (st != KZ_OK)
		kz_tasks_free(out);
	return st;
}

enum kz_status kz_task_counts(struct kz_db *db, long *open, long *overdue,
			      struct kz_error *err)
{
	char today[11];
	sqlite3_stmt *st = kz_db_stmt(db, "SELECT count(*), coalesce(sum(t.due_date < ?1), 0)"
				      TASK_FROM " AND t.status = 'open'", err);
	int rc;

	*open = *overdue = 0;
	if (!st)
		return err ? err->status : KZ_ENV;
	kz_today(today);
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*open = (long)sqlite3_column_int64(st, 0);
		*overdue = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? KZ_OK : kz_db_fail(db, rc, err, "tasks");
}

enum kz_status kz_task_list_open(struct kz_db *db, const char *partner_id,
				 const char *case_id, struct kz_tasks *out,
				 struct kz_error *err)
{
	char (*ids)[KZ_ID_LEN + 1] = NULL;
	size_t n = 0;
	void *v;
	enum kz_status st = kz_query_ids(db, "SELECT t.id" TASK_FROM
		" AND t.status = 'open' AND (?1 IS NULL OR t.partner_id = ?1)"
		" AND (?2 IS NULL OR coalesce(t.case_id, tm.case_id) = ?2)"
		" ORDER BY coalesce(t.due_date, '9999'), t.title COLLATE KZ_PL, t.rowid",
		partner_id, case_id, &ids, &n, err);

	memset(out, 0, sizeof(*out));
	if (st != KZ_OK)
		return st;
	st = load_all(db, TASKS, ids, n, sizeof(struct kz_task), &v, &out->n,
		      fill_task_v, err);
	out->v = v;
	free(ids);
	if (st != KZ_OK)
		kz_tasks_free(out);
	return st;
}

void kz_tasks_free(struct kz_tasks *t)
{
	for (size_t i = 0; i < t->n; i++)
		kz_task_clear(&t->v[i]);
	free(t->v);
	memset(t, 0, sizeof(*t));
}
