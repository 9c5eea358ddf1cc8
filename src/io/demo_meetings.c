/* The demo meetings: a year of the Partnerski Zespół Kooperacyjny of the
 * fictional Gmina Brzozowa Wola (every one to two months, hosted in turn
 * by the partners), the next meeting already called, and a few meetings
 * of case teams (Zadaniowy Zespół Kooperacyjny) of demo cases, as
 * data/demo/meetings.yaml writes them (read by demo_data.c). Attendees
 * are demo contact persons (some absent); tasks are done, dropped, open,
 * and some overdue. Dates are relative to today, so the mix is the same
 * whenever the demo runs. Partners are named by their short names,
 * persons by name; a case by a person of its team. */
#include "koszyk/demo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/demo_data.h"
#include "koszyk/i18n.h"
#include "koszyk/meetings.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define GET(r, key) kz_demo_get(r, key)

struct ctx {
	struct kz_db *db;
	char today[11];
};

static enum kz_status partner_id(struct ctx *c, const char *name,
				 char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	enum kz_status st = name ? kz_partner_find_by_name(c->db, name, id, err)
				 : kz_fail(err, KZ_NOT_FOUND,
					   _("no demo partner \"%s\""), "");

	if (st != KZ_OK)
		kz_error_prefix(err, _("demo meeting: "));
	return st == KZ_NOT_FOUND ? KZ_INVALID : st;
}

/* A contact of the partner by name; without a name, its first contact. */
static enum kz_status contact_id(struct ctx *c, const char *partner,
				 const char *name, char id[KZ_ID_LEN + 1],
				 struct kz_error *err)
{
	char pid[KZ_ID_LEN + 1];
	enum kz_status st = partner_id(c, partner, pid, err);

	if (st != KZ_OK)
		return st;
	if (!name) {
		struct kz_rows rows = { 0 };
		st = kz_contact_list(c->db, pid, NULL, 1, &rows, err);
		if (st == KZ_OK && rows.n == 0)
			st = kz_fail(err, KZ_INVALID, _("demo meeting: %s has no contact person"),
				     partner);
		if (st == KZ_OK)
			memcpy(id, rows.v[0].id, KZ_ID_LEN + 1);
		kz_rows_free(&rows);
		return st;
	}
	st = kz_contact_find_by_name(c->db, pid, name, id, err);
	return st == KZ_NOT_FOUND ? KZ_INVALID : st;
}

/* The first case (by code) whose team has this person. */
static enum kz_status case_of(struct ctx *c, const char *person,
			      char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	struct kz_rows rows = { 0 };
	enum kz_status st = kz_case_list(c->db, NULL, NULL, &rows, err);
	bool found = false;

	for (size_t i = 0; st == KZ_OK && i < rows.n && !found; i++) {
		struct kz_team team = { 0 };
		if (rows.v[i].archived)
			continue;
		st = kz_team_of(c->db, rows.v[i].id, &team, err);
		for (size_t k = 0; st == KZ_OK && k < team.n && !found; k++)
			if (team.v[k].contact_name && strcmp(team.v[k].contact_name, person) == 0) {
				memcpy(id, rows.v[i].id, KZ_ID_LEN + 1);
				found = true;
			}
		kz_team_free(&team);
	}
	kz_rows_free(&rows);
	if (st == KZ_OK && !found)
		st = kz_fail(err, KZ_INVALID, _("demo meeting: no case has %s in its team"), person);
	return st;
}

/* decision: N, the meeting's Nth decision the task came from. */
static enum kz_status task_decision(struct ctx *c, const struct kz_demo_rec *dt,
				    struct kz_task *t, struct kz_error *err)
{
	const char *n = GET(dt, "decision");
	struct kz_meeting_full full;
	long k = n ? strtol(n, NULL, 10) : 0;
	enum kz_status st;

	if (!n)
		return KZ_OK;
	st = kz_meeting_load(c->db, t->meeting_id, &full, err);
	if (st != KZ_OK)
		return st;
	if (k < 1 || (size_t)k > full.ndecisions)
		st = kz_fail(err, KZ_INVALID, _("demo task: the meeting has no decision %s"), n);
	else
		t->decision_id = xstrdup(full.decisions[k - 1].id);
	kz_meeting_full_free(&full);
	return st;
}

static enum kz_status add_tasks(struct ctx *c, const struct kz_demo_rec *d,
				const struct kz_meeting *m, struct kz_error *err)
{
	const struct kz_demo_list *l = kz_demo_sub(d, "tasks");
	enum kz_status st = KZ_OK;

	for (size_t i = 0; st == KZ_OK && l && i < l->n; i++) {
		const struct kz_demo_rec *dt = &l->v[i];
		const char *partner = GET(dt, "partner");
		struct kz_task t = { 0 };
		char pid[KZ_ID_LEN + 1], cid[KZ_ID_LEN + 1];

		st = partner_id(c, partner, pid, err);
		if (st == KZ_OK)
			st = contact_id(c, partner, GET(dt, "contact"), cid, err);
		if (st == KZ_OK) {
			kz_demo_set_fields(dt, &t, kz_task_fields,
					   kz_task_nfields, c->today);
			t.meeting_id = xstrdup(m->id);
			if (m->case_id)
				t.case_id = xstrdup(m->case_id);
			t.partner_id = xstrdup(pid);
			t.contact_id = xstrdup(cid);
			st = task_decision(c, dt, &t, err);
		}
		if (st == KZ_OK) {
			st = kz_task_save(c->db, &t, err);
		}
		kz_task_clear(&t);
		if (st != KZ_OK)
			kz_error_prefix(err, "%s:%zu: ", dt->file, dt->line);
	}
	return st;
}

/* "{case}" in a title becomes the case code. */
static char *title_with_case(const char *title, const char *code)
{
	const char *p = title ? strstr(title, "{case}") : NULL;

	if (!p)
		return xstrdup_or_null(title);
	return xasprintf("%.*s%s%s", (int)(p - title), title, code, p + 6);
}

static enum kz_status add_meeting(struct ctx *c, const struct kz_demo_rec *d,
				  struct kz_error *err)
{
	const struct kz_demo_list *l;
	struct kz_meeting m = { 0 };
	char id[KZ_ID_LEN + 1];
	enum kz_status st = KZ_OK;

	kz_demo_set_fields(d, &m, kz_meeting_fields, kz_meeting_nfields,
			   c->today);
	if (kz_str_eq(m.kind, "case_team")) {
		st = GET(d, "case") ? case_of(c, GET(d, "case"), id, err)
			: kz_fail(err, KZ_INVALID, _("demo meeting: a meeting "
						     "of a case team needs its "
						     "case"));
		if (st == KZ_OK) {
			struct kz_case k = { 0 };
			m.case_id = xstrdup(id);
			st = kz_case_get(c->db, id, &k, err);
			if (st == KZ_OK) {
				char *title = title_with_case(m.title, k.code);
				free(m.title);
				m.title = title;
			}
			kz_case_clear(&k);
		}
	} else if (GET(d, "host")) {
		st = partner_id(c, GET(d, "host"), id, err);
		if (st == KZ_OK)
			m.host_id = xstrdup(id);
	}
	if (st == KZ_OK && GET(d, "chair")) {
		st = partner_id(c, GET(d, "chair"), id, err);
		if (st == KZ_OK)
			m.chair_id = xstrdup(id);
	}
	if (st == KZ_OK)
		st = kz_meeting_save(c->db, &m, err);
	if (st != KZ_OK)
		kz_error_prefix(err, "%s:%zu: ", d->file, d->line);
	l = kz_demo_sub(d, "attendees");
	for (size_t i = 0; st == KZ_OK && l && i < l->n; i++) {
		const struct kz_demo_rec *da = &l->v[i];
		struct kz_attendee a = { 0 };
		st = contact_id(c, GET(da, "partner"), GET(da, "contact"), id,
				err);
		if (st == KZ_OK) {
			kz_demo_set_fields(da, &a, kz_attendee_fields,
					   kz_attendee_nfields, c->today);
			a.meeting_id = xstrdup(m.id);
			a.contact_id = xstrdup(id);
			st = kz_attendee_save(c->db, &a, err);
		}
		kz_attendee_clear(&a);
		if (st != KZ_OK)
			kz_error_prefix(err, "%s:%zu: ", da->file, da->line);
	}
	l = kz_demo_sub(d, "decisions");
	for (size_t i = 0; st == KZ_OK && l && i < l->n; i++) {
		struct kz_decision dec = { 0 };
		dec.meeting_id = xstrdup(m.id);
		dec.text = xstrdup(l->v[i].scalar);
		st = kz_decision_save(c->db, &dec, err);
		kz_decision_clear(&dec);
		if (st != KZ_OK)
			kz_error_prefix(err, "%s:%zu: ", l->v[i].file,
					l->v[i].line);
	}
	if (st == KZ_OK)
		st = add_tasks(c, d, &m, err);
	kz_meeting_clear(&m);
	return st;
}

enum kz_status kz_demo_meetings_fill(struct kz_db *db, const struct kz_config *cfg,
				     const struct kz_demo_data *data,
				     struct kz_error *err)
{
	struct ctx c = { db, "" };
	enum kz_status st = kz_db_begin(db, err);

	(void)cfg;
	kz_today(c.today);
	for (size_t i = 0; st == KZ_OK && i < data->meetings.n; i++)
		st = add_meeting(&c, &data->meetings.v[i], err);
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}
