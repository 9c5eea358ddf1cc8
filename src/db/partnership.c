/* The life of the partnership (partnership.h): a partner's membership
 * history derived from what is recorded, and the partnership report:
 *
 *  who joined when   partners that signed the declaration or left, by the
 *                    declaration's date, with their first meeting attended;
 *  sectors           every configured sector: partners that signed, that
 *                    cooperate informally, that are invited; "missing"
 *                    where none signed, "thin" where one did;
 *  never attended    partners that signed or cooperate informally but none
 *                    of whose contact persons attended a partnership
 *                    meeting, with how often they were invited;
 *  hosting           partnership meetings hosted and chaired by each
 *                    partner (partners that signed are listed with 0
 *                    too): is the work shared?
 *
 * Partnership meetings are the meetings of no case (a case team's meeting
 * says something of a family, and is not counted here). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "koszyk/config.h"
#include "koszyk/i18n.h"
#include "koszyk/model.h"
#include "koszyk/partnership.h"
#include "koszyk/reports.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

static const struct {
	const char *name;
	const char *label;
} steps[] = {
	[KZ_STEP_RECORDED] = { "recorded", N_("Recorded in koszyk") },
	[KZ_STEP_INVITED] = { "invited", N_("Invited to the partnership") },
	[KZ_STEP_FIRST_MEETING] = { "first_meeting", N_("First meeting attended") },
	[KZ_STEP_DECLARED] = { "declared", N_("Declaration signed") },
	[KZ_STEP_LEFT] = { "left", N_("Left the partnership") },
	[KZ_STEP_RETURNED] = { "returned", N_("Returned to the partnership") },
};

const char *kz_step_label(enum kz_step_kind kind)
{
	return _(steps[kind].label);
}

const char *kz_step_name(enum kz_step_kind kind)
{
	return steps[kind].name;
}

void kz_steps_free(struct kz_steps *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].detail);
	free(s->v);
	memset(s, 0, sizeof *s);
}

#define text_at kz_column_str

static enum kz_status done(struct kz_db *db, sqlite3_stmt *st, int rc,
			   struct kz_error *err)
{
	/* A lookup of one row stops at it. */
	return kz_stmt_done(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc,
			    "partnership", err);
}

static void add_step(struct kz_steps *s, const char *date,
		     enum kz_step_kind kind, const char *detail)
{
	struct kz_step *st;

	if (strlen(date) < 10)
		return;
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	st = &s->v[s->n++];
	memcpy(st->date, date, 10);
	st->date[10] = '\0';
	st->kind = kind;
	st->detail = detail && *detail ? xstrdup(detail) : NULL;
}

/* Invited, left and returned: the membership's values in the change log,
 * oldest first. */
static enum kz_status status_steps(struct kz_db *db, const char *id,
				   struct kz_steps *s, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT t.at, json_extract(c.vals, '$.status') FROM sync_change c"
		" JOIN sync_tx t ON t.origin = c.origin AND t.seq = c.seq"
		" WHERE c.tbl = 'partners' AND c.row_id = ?1 AND c.op IN ('I', 'U')"
		" AND json_valid(c.vals)"
		" AND json_extract(c.vals, '$.status') IS NOT NULL"
		" ORDER BY t.lamport, t.at, c.idx", err);
	char prev[16] = "";
	bool invited = false;
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *at = text_at(st, 0), *status = text_at(st, 1);
		if (strcmp(status, prev) == 0)
			continue;
		if (strcmp(status, "invited") == 0 && !invited) {
			add_step(s, at, KZ_STEP_INVITED, NULL);
			invited = true;
		}
		if (strcmp(status, "left") == 0)
			add_step(s, at, KZ_STEP_LEFT, NULL);
		else if (strcmp(prev, "left") == 0)
			add_step(s, at, KZ_STEP_RETURNED, NULL);
		snprintf(prev, sizeof prev, "%s", status);
	}
	return done(db, st, rc, err);
}

/* Recorded, declared and the first partnership meeting attended. */
static enum kz_status record_steps(struct kz_db *db, const char *id,
				   struct kz_steps *s, struct kz_error *err)
{
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT p.created_at, p.declaration_date,"
		" (SELECT m.date || ' ' || m.title FROM attendees a"
		"  JOIN contacts c ON c.id = a.contact_id"
		"  JOIN meetings m ON m.id = a.meeting_id"
		"  WHERE c.partner_id = p.id AND a.attended = 1 AND m.case_id IS NULL"
		"  ORDER BY m.date, m.time LIMIT 1)"
		" FROM partners p WHERE p.id = ?1", err);
	int rc;

	if (!st)
		return err ? err->status : KZ_ENV;
	kz_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return kz_fail(err, KZ_NOT_FOUND, _("There is no such partner."));
	}
	if (rc == SQLITE_ROW) {
		const char *meeting = text_at(st, 2);
		add_step(s, text_at(st, 0), KZ_STEP_RECORDED, NULL);
		add_step(s, text_at(st, 1), KZ_STEP_DECLARED, NULL);
		if (strlen(meeting) > 11)
			add_step(s, meeting, KZ_STEP_FIRST_MEETING, meeting + 11);
	}
	return done(db, st, rc, err);
}

static int by_date(const void *a, const void *b)
{
	const struct kz_step *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	return c ? c : (int)x->kind - (int)y->kind;
}

enum kz_status kz_partner_history(struct kz_db *db, const char *partner_id,
				  struct kz_steps *out, struct kz_error *err)
{
	enum kz_status st;

	memset(out, 0, sizeof *out);
	st = record_steps(db, partner_id, out, err);
	if (st == KZ_OK)
		st = status_steps(db, partner_id, out, err);
	if (st != KZ_OK) {
		kz_steps_free(out);
		return st;
	}
	/* Stable for equal keys: a left and a return on one day stay in order. */
	for (size_t i = 1; i < out->n; i++)
		for (size_t j = i; j > 0 && by_date(&out->v[j - 1], &out->v[j]) > 0; j--) {
			struct kz_step t = out->v[j];
			out->v[j] = out->v[j - 1];
			out->v[j - 1] = t;
		}
	return KZ_OK;
}

/* --- the report --------------------------------------------------------------- */

/* Partners by the name people read, in Polish order. */
#define NAME_ORDER "coalesce(nullif(p.short_name, ''), p.name) COLLATE KZ_PL"

static const char *status_label(const char *status)
{
	return _(kz_enum_label(status));
}

/* A row of four columns: the partner's name, its membership (people read
 * the label, scripts the status) and two more as they are. */
static void add_partner_row(struct kz_report *r, sqlite3_stmt *st)
{
	const char *cells[4] = {
		text_at(st, 1), status_label(text_at(st, 2)), text_at(st, 3),
		text_at(st, 4),
	};
	const char *values[4] = {
		text_at(st, 1), text_at(st, 2), text_at(st, 3), text_at(st, 4),
	};

	kz_report_add(r, text_at(st, 0), 0, cells);
	kz_report_set_values(r, values);
}

static enum kz_status joined(struct kz_db *db, struct kz_report *r,
			     struct kz_error *err)
{
	static const char *const keys[] = {
		"partner", "status", "declared_on", "first_meeting",
	};
	static const char *const heads[] = {
		N_("Partner"), N_("Membership"), N_("Declared on"),
		N_("First meeting"),
	};
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT p.id, coalesce(nullif(p.short_name, ''), p.name), p.status,"
		" coalesce(p.declaration_date, ''),"
		" coalesce((SELECT min(m.date) FROM attendees a"
		"  JOIN contacts c ON c.id = a.contact_id"
		"  JOIN meetings m ON m.id = a.meeting_id"
		"  WHERE c.partner_id = p.id AND a.attended = 1 AND m.case_id IS NULL), '')"
		" FROM partners p WHERE p.status IN ('declared', 'left')"
		" OR coalesce(p.declaration_date, '') <> ''"
		" ORDER BY coalesce(p.declaration_date, '9999'), " NAME_ORDER, err);
	int rc;

	kz_report_init(r, "partnership", _("Partnership: who joined when"),
		       _("Partners that signed the declaration (or left), by the date they signed, with the first partnership meeting one of their people attended."),
		       false, keys, heads, 4);
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_partner_row(r, st);
	return done(db, st, rc, err);
}

/* Whether code is one of the ';'-separated codes of list. */
static bool in_list(const char *list, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, ";");
		if (len == n && strncmp(p, code, n) == 0)
			return true;
		p += len;
		if (*p == ';')
			p++;
	}
	return false;
}

struct sector_count { long declared, informal, invited; };

static enum kz_status sectors(struct kz_db *db, const struct kz_config *cfg,
			      struct kz_report *r, struct kz_error *err)
{
	static const char *const keys[] = {
		"sector", "declared", "informal", "invited", "verdict",
	};
	static const char *const heads[] = {
		N_("Sector"), N_("Signed"), N_("Informal"), N_("Invited"), N_("Verdict"),
	};
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT coalesce(sectors, ''), status FROM partners", err);
	struct sector_count *n = xcalloc(cfg->sectors.n + 1, sizeof *n);
	enum kz_status ret;
	int rc;

	kz_report_init(r, "partnership_sectors", _("Partnership: sectors"),
		       _("Every sector of the configuration: partners that signed the declaration, cooperate informally or are invited. Missing: no partner signed; thin: one did. The bar shows the partners that signed."),
		       true, keys, heads, 5);
	if (!st) {
		free(n);
		return err ? err->status : KZ_ENV;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *list = text_at(st, 0), *status = text_at(st, 1);
		for (size_t i = 0; i < cfg->sectors.n; i++) {
			if (!in_list(list, cfg->sectors.v[i].code))
				continue;
			if (strcmp(status, "declared") == 0)
				n[i].declared++;
			else if (strcmp(status, "informal") == 0)
				n[i].informal++;
			else if (strcmp(status, "invited") == 0)
				n[i].invited++;
		}
	}
	ret = done(db, st, rc, err);
	for (size_t i = 0; ret == KZ_OK && i < cfg->sectors.n; i++) {
		char num[3][24];
		const char *verdict = n[i].declared == 0 ? _("missing")
				     : n[i].declared == 1 ? _("thin") : "";
		const char *cells[5];
		snprintf(num[0], sizeof num[0], "%ld", n[i].declared);
		snprintf(num[1], sizeof num[1], "%ld", n[i].informal);
		snprintf(num[2], sizeof num[2], "%ld", n[i].invited);
		cells[0] = cfg->sectors.v[i].label;
		cells[1] = num[0];
		cells[2] = num[1];
		cells[3] = num[2];
		cells[4] = verdict;
		kz_report_add(r, cfg->sectors.v[i].code, (double)n[i].declared, cells);
	}
	free(n);
	return ret;
}

static enum kz_status never_attended(struct kz_db *db, struct kz_report *r,
				     struct kz_error *err)
{
	static const char *const keys[] = {
		"partner", "status", "invitations", "last_invited",
	};
	static const char *const heads[] = {
		N_("Partner"), N_("Membership"), N_("Invitations"), N_("Last invited"),
	};
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT p.id, coalesce(nullif(p.short_name, ''), p.name), p.status,"
		" (SELECT count(*) FROM attendees a JOIN contacts c ON c.id = a.contact_id"
		"  JOIN meetings m ON m.id = a.meeting_id"
		"  WHERE c.partner_id = p.id AND m.case_id IS NULL),"
		" coalesce((SELECT max(m.date) FROM attendees a"
		"  JOIN contacts c ON c.id = a.contact_id"
		"  JOIN meetings m ON m.id = a.meeting_id"
		"  WHERE c.partner_id = p.id AND m.case_id IS NULL), '')"
		" FROM partners p WHERE p.status IN ('declared', 'informal')"
		" AND NOT EXISTS (SELECT 1 FROM attendees a"
		"  JOIN contacts c ON c.id = a.contact_id"
		"  JOIN meetings m ON m.id = a.meeting_id"
		"  WHERE c.partner_id = p.id AND a.attended = 1 AND m.case_id IS NULL)"
		" ORDER BY p.status, " NAME_ORDER, err);
	int rc;

	kz_report_init(r, "partnership_absent",
		       _("Partnership: partners who never attended"),
		       _("Partners that signed or cooperate informally, none of whose people attended a partnership meeting, with how often they were invited: whom to call before the next meeting."),
		       false, keys, heads, 4);
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_partner_row(r, st);
	return done(db, st, rc, err);
}

static enum kz_status hosting(struct kz_db *db, struct kz_report *r,
			      struct kz_error *err)
{
	static const char *const keys[] = {
		"partner", "hosted", "chaired", "last_hosted",
	};
	static const char *const heads[] = {
		N_("Partner"), N_("Hosted"), N_("Chaired"), N_("Last hosted"),
	};
	sqlite3_stmt *st = kz_db_stmt(db,
		"SELECT p.id, coalesce(nullif(p.short_name, ''), p.name),"
		" (SELECT count(*) FROM meetings m WHERE m.host_id = p.id"
		"  AND m.case_id IS NULL) AS hosted,"
		" (SELECT count(*) FROM meetings m WHERE m.chair_id = p.id"
		"  AND m.case_id IS NULL) AS chaired,"
		" coalesce((SELECT max(m.date) FROM meetings m WHERE m.host_id = p.id"
		"  AND m.case_id IS NULL), '')"
		" FROM partners p WHERE p.status = 'declared' OR EXISTS (SELECT 1"
		"  FROM meetings m WHERE (m.host_id = p.id OR m.chair_id = p.id)"
		"  AND m.case_id IS NULL)"
		" ORDER BY hosted + chaired DESC, hosted DESC, " NAME_ORDER, err);
	long total = 0, most = 0, hosts = 0, rows = 0, chairs = 0;
	enum kz_status ret;
	int rc;

	kz_report_init(r, "partnership_hosting",
		       _("Partnership: hosting and chairing"), NULL, true, keys,
		       heads, 4);
	if (!st)
		return err ? err->status : KZ_ENV;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long n = (long)sqlite3_column_int64(st, 2);
		long c = (long)sqlite3_column_int64(st, 3);
		const char *cells[4] = {
			text_at(st, 1), text_at(st, 2), text_at(st, 3), text_at(st, 4),
		};
		kz_report_add(r, text_at(st, 0), (double)n, cells);
		total += n;
		most = n > most ? n : most;
		hosts += n > 0;
		chairs += c > 0;
		rows++;
	}
	ret = done(db, st, rc, err);
	if (ret == KZ_OK) {
		char note[640];
		snprintf(note, sizeof note,
			 _("Partnership meetings hosted and chaired by each partner (partners that signed, with 0 too); the seeds recommend sharing both. %ld meeting(s) hosted by %ld of %ld partner(s) listed, the busiest host holding %ld%%; %ld partner(s) chaired. The bar shows the meetings hosted."),
			 total, hosts, rows, total ? (most * 100 + total / 2) / total : 0,
			 chairs);
		free(r->note);
		r->note = xstrdup(note);
	}
	return ret;
}

enum kz_status kz_report_partnership(struct kz_db *db,
				     const struct kz_config *cfg,
				     struct kz_report *r, struct kz_error *err)
{
	struct kz_report *tail;
	enum kz_status ret = joined(db, r, err);

	if (ret != KZ_OK)
		return ret;
	tail = r->next = xcalloc(1, sizeof *r);
	ret = sectors(db, cfg, tail, err);
	if (ret == KZ_OK) {
		tail = tail->next = xcalloc(1, sizeof *r);
		ret = never_attended(db, tail, err);
	}
	if (ret == KZ_OK) {
		tail = tail->next = xcalloc(1, sizeof *r);
		ret = hosting(db, tail, err);
	}
	return ret;
}
