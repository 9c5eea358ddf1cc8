/* Meetings and tasks: the rules of saving, the rotation of hosts, closing
 * a task, the task views, and the erasure of a case with its case-team
 * meetings and tasks. Every expectation is written out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/meetings.h"
#include "koszyk/xalloc.h"
#include "testutil.h"

#define TODAY "2026-03-10"

static int setup(void **state)
{
	struct test_db *t = calloc(1, sizeof(*t));

	setenv("KOSZYK_TODAY", TODAY, 1);
	test_db_open(t);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	test_db_close(*state);
	free(*state);
	unsetenv("KOSZYK_TODAY");
	return 0;
}

static void add_partner(struct kz_db *db, const char *name, const char *status,
			char id[KZ_ID_LEN + 1])
{
	struct kz_partner p = { 0 };
	struct kz_error err = { 0 };

	p.name = xstrdup(name);
	p.status = xstrdup(status);
	if (strcmp(status, "declared") == 0)
		p.declaration_date = xstrdup("2025-02-03");
	if (kz_partner_save(db, &p, &err) != KZ_OK)
		fail_msg("partner %s: %s", name, err.msg);
	memcpy(id, p.id, KZ_ID_LEN + 1);
	kz_partner_clear(&p);
}

static void add_contact(struct kz_db *db, const char *partner_id, const char *name,
			char id[KZ_ID_LEN + 1])
{
	struct kz_contact c = { 0 };
	struct kz_error err = { 0 };

	c.partner_id = xstrdup(partner_id);
	c.name = xstrdup(name);
	if (kz_contact_save(db, &c, &err) != KZ_OK)
		fail_msg("contact %s: %s", name, err.msg);
	memcpy(id, c.id, KZ_ID_LEN + 1);
	kz_contact_clear(&c);
}

static enum kz_status add_meeting(struct kz_db *db, const char *kind,
				  const char *case_id, const char *date,
				  const char *time, const char *host_id,
				  char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	struct kz_meeting m = { 0 };
	enum kz_status st;

	m.kind = xstrdup_or_null(kind);
	m.case_id = xstrdup_or_null(case_id);
	m.title = xstrdup("Posiedzenie PZK");
	m.date = xstrdup_or_null(date);
	m.time = xstrdup_or_null(time);
	m.host_id = xstrdup_or_null(host_id);
	st = kz_meeting_save(db, &m, err);
	if (id)
		memcpy(id, m.id, KZ_ID_LEN + 1);
	kz_meeting_clear(&m);
	return st;
}

static enum kz_status add_task(struct kz_db *db, const char *title,
			       const char *partner_id, const char *contact_id,
			       const char *meeting_id, const char *case_id,
			       const char *due, char id[KZ_ID_LEN + 1],
			       struct kz_error *err)
{
	struct kz_task t = { 0 };
	enum kz_status st;

	t.title = xstrdup(title);
	t.partner_id = xstrdup_or_null(partner_id);
	t.contact_id = xstrdup_or_null(contact_id);
	t.meeting_id = xstrdup_or_null(meeting_id);
	t.case_id = xstrdup_or_null(case_id);
	t.due_date = xstrdup_or_null(due);
	st = kz_task_save(db, &t, err);
	if (id)
		memcpy(id, t.id, KZ_ID_LEN + 1);
	kz_task_clear(&t);
	return st;
}

static void test_meeting_rules(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char gops[KZ_ID_LEN + 1], id[KZ_ID_LEN + 1];
	struct kz_meeting m = { 0 };

	add_partner(t->db, "GOPS", "declared", gops);
	/* no date */
	assert_int_equal(add_meeting(t->db, NULL, NULL, NULL, NULL, gops, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "a meeting needs a date"));
	assert_int_equal(add_meeting(t->db, NULL, NULL, "  ", NULL, gops, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "a meeting needs a date"));
	/* not a date, not a time */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-30", NULL, gops, NULL, &err), KZ_INVALID);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-03", "25:00", gops, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "HH:MM"));
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-03", "9:30", gops, NULL, &err), KZ_INVALID);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-03", "10:61", gops, NULL, &err), KZ_INVALID);
	/* a case team needs its case, which must exist */
	assert_int_equal(add_meeting(t->db, "case_team", NULL, "2026-02-03", NULL, NULL, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "needs the case"));
	assert_int_equal(add_meeting(t->db, "case_team", "00000000-0000-4000-8000-000000000000",
				     "2026-02-03", NULL, NULL, NULL, &err), KZ_INVALID);
	/* an unknown host */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-03", NULL,
				     "00000000-0000-4000-8000-000000000000", NULL, &err), KZ_INVALID);
	assert_int_equal(add_meeting(t->db, "weekly", NULL, "2026-02-03", NULL, gops, NULL, &err), KZ_INVALID);
	/* nothing written so far */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM meetings", NULL), 0);

	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-03", "09:30", gops, id, &err), KZ_OK);
	assert_int_equal(kz_meeting_get(t->db, id, &m, &err), KZ_OK);
	assert_string_equal(m.kind, "partnership");
	assert_string_equal(m.date, "2026-02-03");
	assert_string_equal(m.time, "09:30");
	assert_string_equal(m.host_name, "GOPS");
	assert_int_equal(m.stamp.rev, 1);
	/* a stale revision is refused */
	kz_str_set(&m.place, "sala 1");
	assert_int_equal(kz_meeting_save(t->db, &m, &err), KZ_OK);
	assert_int_equal(m.stamp.rev, 2);
	m.stamp.rev = 1;
	kz_str_set(&m.place, "sala 2");
	assert_int_equal(kz_meeting_save(t->db, &m, &err), KZ_CONFLICT);
	kz_meeting_clear(&m);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'meeting'", NULL), 2);
}

static void test_attendees_and_decisions(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char gops[KZ_ID_LEN + 1], pup[KZ_ID_LEN + 1], anna[KZ_ID_LEN + 1],
	     jan[KZ_ID_LEN + 1], mid[KZ_ID_LEN + 1], aid[KZ_ID_LEN + 1];
	struct kz_attendee a = { 0 };
	struct kz_decision d = { 0 };
	struct kz_meeting_full full;

	add_partner(t->db, "GOPS", "declared", gops);
	add_partner(t->db, "PUP", "informal", pup);
	add_contact(t->db, gops, "Anna Kowalska", anna);
	add_contact(t->db, pup, "Jan Zieliński", jan);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-03", NULL, gops, mid, &err), KZ_OK);

	/* not in the registry */
	a.meeting_id = xstrdup(mid);
	a.contact_id = xstrdup("00000000-0000-4000-8000-000000000000");
	assert_int_equal(kz_attendee_save(t->db, &a, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "not in the partner registry"));
	kz_attendee_clear(&a);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM attendees", NULL), 0);

	a.meeting_id = xstrdup(mid);
	a.contact_id = xstrdup(jan);
	assert_int_equal(kz_attendee_save(t->db, &a, &err), KZ_OK);
	assert_string_equal(a.attended, "0");
	memcpy(aid, a.id, sizeof(aid));
	kz_attendee_clear(&a);
	/* the same person twice */
	a.meeting_id = xstrdup(mid);
	a.contact_id = xstrdup(jan);
	assert_int_equal(kz_attendee_save(t->db, &a, &err), KZ_INVALID);
	kz_attendee_clear(&a);
	a.meeting_id = xstrdup(mid);
	a.contact_id = xstrdup(anna);
	a.attended = xstrdup("1");
	assert_int_equal(kz_attendee_save(t->db, &a, &err), KZ_OK);
	kz_attendee_clear(&a);
	assert_int_equal(kz_attendee_mark(t->db, aid, true, &err), KZ_OK);

	d.meeting_id = xstrdup(mid);
	assert_int_equal(kz_decision_save(t->db, &d, &err), KZ_INVALID);
	d.text = xstrdup("Pierwsze ustalenie.");
	assert_int_equal(kz_decision_save(t->db, &d, &err), KZ_OK);
	kz_decision_clear(&d);
	d.meeting_id = xstrdup(mid);
	d.text = xstrdup("Drugie ustalenie.");
	assert_int_equal(kz_decision_save(t->db, &d, &err), KZ_OK);
	kz_decision_clear(&d);
	assert_int_equal(add_task(t->db, "Zadanie", pup, jan, mid, NULL, "2026-04-01", NULL, &err), KZ_OK);

	assert_int_equal(kz_meeting_load(t->db, mid, &full, &err), KZ_OK);
	assert_int_equal(full.nattendees, 2);
	/* by partner name: GOPS before PUP */
	assert_string_equal(full.attendees[0].contact_name, "Anna Kowalska");
	assert_string_equal(full.attendees[0].partner_name, "GOPS");
	assert_string_equal(full.attendees[1].contact_name, "Jan Zieliński");
	assert_string_equal(full.attendees[1].attended, "1");
	assert_int_equal(full.ndecisions, 2);
	assert_string_equal(full.decisions[0].text, "Pierwsze ustalenie.");
	assert_string_equal(full.decisions[1].text, "Drugie ustalenie.");
	assert_int_equal(full.ntasks, 1);
	assert_string_equal(full.tasks[0].partner_name, "PUP");
	kz_meeting_full_free(&full);
}

static void test_next_host(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char a[KZ_ID_LEN + 1], b[KZ_ID_LEN + 1], c[KZ_ID_LEN + 1], d[KZ_ID_LEN + 1],
	     e[KZ_ID_LEN + 1], next[KZ_ID_LEN + 1];

	assert_int_equal(kz_meeting_next_host(t->db, next, &err), KZ_NOT_FOUND);
	add_partner(t->db, "Biblioteka", "declared", a);
	add_partner(t->db, "Apteka", "informal", b);
	add_partner(t->db, "Caritas", "declared", c);
	add_partner(t->db, "Bank", "left", d);       /* never suggested */
	add_partner(t->db, "Aaa zaproszony", "invited", e); /* neither */
	/* history: Biblioteka hosted in January, Apteka in February, Caritas
	 * never; a case team's meeting does not count. */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-01-13", NULL, a, NULL, &err), KZ_OK);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-02-10", NULL, b, NULL, &err), KZ_OK);
	assert_int_equal(kz_meeting_next_host(t->db, next, &err), KZ_OK);
	assert_string_equal(next, c);
	/* Caritas hosts in March: now Biblioteka hosted longest ago */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-03-03", NULL, c, NULL, &err), KZ_OK);
	assert_int_equal(kz_meeting_next_host(t->db, next, &err), KZ_OK);
	assert_string_equal(next, a);
	/* Biblioteka hosts in April: Apteka (February) is next */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-04-07", NULL, a, NULL, &err), KZ_OK);
	assert_int_equal(kz_meeting_next_host(t->db, next, &err), KZ_OK);
	assert_string_equal(next, b);
	/* Apteka and Caritas both host on 5 May, Biblioteka on 2 June: a
	 * tie between Apteka and Caritas, by name */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-05-05", NULL, b, NULL, &err), KZ_OK);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-05-05", NULL, c, NULL, &err), KZ_OK);
	assert_int_equal(kz_meeting_next_host(t->db, next, &err), KZ_OK);
	assert_string_equal(next, a);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-06-02", NULL, a, NULL, &err), KZ_OK);
	assert_int_equal(kz_meeting_next_host(t->db, next, &err), KZ_OK);
	assert_string_equal(next, b);
	/* an earlier meeting recorded late changes nothing: the last counts */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2025-12-01", NULL, c, NULL, &err), KZ_OK);
	assert_int_equal(kz_meeting_next_host(t->db, next, &err), KZ_OK);
	assert_string_equal(next, b);
	/* a partner that left or is only invited is never suggested */
	assert_string_not_equal(next, d);
	assert_string_not_equal(next, e);
}

static void test_task_rules_and_closing(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char gops[KZ_ID_LEN + 1], pup[KZ_ID_LEN + 1], anna[KZ_ID_LEN + 1],
	     jan[KZ_ID_LEN + 1], tid[KZ_ID_LEN + 1];
	struct kz_task task = { 0 };

	add_partner(t->db, "GOPS", "declared", gops);
	add_partner(t->db, "PUP", "informal", pup);
	add_contact(t->db, gops, "Anna Kowalska", anna);
	add_contact(t->db, pup, "Jan Zieliński", jan);

	/* no owner, an owner that does not exist, a person of another partner */
	assert_int_equal(add_task(t->db, "X", NULL, NULL, NULL, NULL, NULL, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "Owner partner"));
	assert_int_equal(add_task(t->db, "X", "00000000-0000-4000-8000-000000000000",
				  NULL, NULL, NULL, NULL, NULL, &err), KZ_INVALID);
	assert_non_null(strstr(err.msg, "no partner"));
	assert_int_equal(add_task(t->db, "X", gops, jan, NULL, NULL, NULL, NULL, &err), KZ_INVALID);
	assert_int_equal(add_task(t->db, "X", gops, anna, NULL, NULL, "31.04.2026", NULL, &err), KZ_INVALID);
	assert_int_equal(add_task(t->db, "X", gops, anna, "00000000-0000-4000-8000-000000000000",
				  NULL, NULL, NULL, &err), KZ_INVALID);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM tasks", NULL), 0);

	assert_int_equal(add_task(t->db, "Ulotka", gops, anna, NULL, NULL, "2026-03-31", tid, &err), KZ_OK);
	assert_int_equal(kz_task_get(t->db, tid, &task, &err), KZ_OK);
	assert_string_equal(task.status, "open");
	assert_null(task.closed_on);
	assert_null(task.closed_by);
	kz_task_clear(&task);

	/* closing records today and the current user */
	kz_db_set_user(t->db, "akowalska");
	setenv("KOSZYK_TODAY", "2026-03-12", 1);
	assert_int_equal(kz_task_close(t->db, tid, "done", 0, &err), KZ_OK);
	assert_int_equal(kz_task_get(t->db, tid, &task, &err), KZ_OK);
	assert_string_equal(task.status, "done");
	assert_string_equal(task.closed_on, "2026-03-12");
	assert_string_equal(task.closed_by, "akowalska");
	/* reopening forgets them */
	kz_str_set(&task.status, "open");
	assert_int_equal(kz_task_save(t->db, &task, &err), KZ_OK);
	assert_null(task.closed_on);
	assert_null(task.closed_by);
	/* closing through a save (status dropped), by someone else, later */
	kz_db_set_user(t->db, "mnowak");
	setenv("KOSZYK_TODAY", "2026-03-20", 1);
	kz_str_set(&task.status, "dropped");
	kz_str_set(&task.closed_on, "2020-01-01");  /* not taken: recorded anew */
	assert_int_equal(kz_task_save(t->db, &task, &err), KZ_OK);
	assert_string_equal(task.closed_on, "2026-03-20");
	assert_string_equal(task.closed_by, "mnowak");
	kz_task_clear(&task);
	assert_int_equal(kz_task_close(t->db, tid, "open", 0, &err), KZ_INVALID);
	setenv("KOSZYK_TODAY", TODAY, 1);
}

static void test_task_views(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char gops[KZ_ID_LEN + 1], pup[KZ_ID_LEN + 1], anna[KZ_ID_LEN + 1],
	     marta[KZ_ID_LEN + 1], jan[KZ_ID_LEN + 1], t4[KZ_ID_LEN + 1];
	struct kz_tasks v;

	add_partner(t->db, "PUP", "informal", pup);
	add_partner(t->db, "GOPS", "declared", gops);
	add_contact(t->db, gops, "Anna Kowalska", anna);
	add_contact(t->db, gops, "Marta Nowak", marta);
	add_contact(t->db, pup, "Jan Zieliński", jan);
	/* today is 2026-03-10 */
	assert_int_equal(add_task(t->db, "T1 zaległe", gops, anna, NULL, NULL, "2026-03-01", NULL, &err), KZ_OK);
	assert_int_equal(add_task(t->db, "T2 na dziś", gops, marta, NULL, NULL, "2026-03-10", NULL, &err), KZ_OK);
	assert_int_equal(add_task(t->db, "T3 zaległe", pup, jan, NULL, NULL, "2026-02-15", NULL, &err), KZ_OK);
	assert_int_equal(add_task(t->db, "T4 zamknięte", pup, jan, NULL, NULL, "2026-01-15", t4, &err), KZ_OK);
	assert_int_equal(add_task(t->db, "T5 bez terminu", gops, anna, NULL, NULL, NULL, NULL, &err), KZ_OK);
	assert_int_equal(kz_task_close(t->db, t4, "done", 0, &err), KZ_OK);

	/* overdue: open and due before today, oldest first */
	assert_int_equal(kz_task_list(t->db, KZ_TASKS_OVERDUE, NULL, &v, &err), KZ_OK);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0].title, "T3 zaległe");
	assert_string_equal(v.v[1].title, "T1 zaległe");
	kz_tasks_free(&v);

	/* mine: the open tasks of the person named like the user (folded) */
	assert_int_equal(kz_task_list(t->db, KZ_TASKS_MINE, "anna  KOWALSKA", &v, &err), KZ_OK);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0].title, "T1 zaległe");
	assert_string_equal(v.v[1].title, "T5 bez terminu");
	kz_tasks_free(&v);
	assert_int_equal(kz_task_list(t->db, KZ_TASKS_MINE, "Jan Zielinski", &v, &err), KZ_OK);
	assert_int_equal(v.n, 1);  /* T4 is closed */
	assert_string_equal(v.v[0].title, "T3 zaległe");
	kz_tasks_free(&v);
	assert_int_equal(kz_task_list(t->db, KZ_TASKS_MINE, NULL, &v, &err), KZ_OK);
	assert_int_equal(v.n, 0);
	kz_tasks_free(&v);

	/* by partner: GOPS then PUP; within a partner open first by due date */
	assert_int_equal(kz_task_list(t->db, KZ_TASKS_BY_PARTNER, NULL, &v, &err), KZ_OK);
	assert_int_equal(v.n, 5);
	assert_string_equal(v.v[0].title, "T1 zaległe");
	assert_string_equal(v.v[1].title, "T2 na dziś");
	assert_string_equal(v.v[2].title, "T5 bez terminu");
	assert_string_equal(v.v[3].title, "T3 zaległe");
	assert_string_equal(v.v[4].title, "T4 zamknięte");
	assert_string_equal(v.v[4].partner_name, "PUP");
	kz_tasks_free(&v);

	/* all: open by due date, then closed */
	assert_int_equal(kz_task_list(t->db, KZ_TASKS_ALL, NULL, &v, &err), KZ_OK);
	assert_int_equal(v.n, 5);
	assert_string_equal(v.v[0].title, "T3 zaległe");
	assert_string_equal(v.v[3].title, "T5 bez terminu");
	assert_string_equal(v.v[4].title, "T4 zamknięte");
	kz_tasks_free(&v);
}

static void test_meeting_list_newest_first(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	char gops[KZ_ID_LEN + 1];
	struct kz_meetings ms;

	add_partner(t->db, "GOPS", "declared", gops);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-01-13", "10:00", gops, NULL, &err), KZ_OK);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-03-03", "09:00", NULL, NULL, &err), KZ_OK);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-03-03", "12:00", gops, NULL, &err), KZ_OK);
	assert_int_equal(kz_meeting_list(t->db, NULL, &ms, &err), KZ_OK);
	assert_int_equal(ms.n, 3);
	assert_string_equal(ms.v[0].time, "12:00");
	assert_string_equal(ms.v[0].host_name, "GOPS");
	assert_string_equal(ms.v[1].time, "09:00");
	assert_null(ms.v[1].host_name);
	assert_string_equal(ms.v[2].date, "2026-01-13");
	kz_meetings_free(&ms);
}

/* Issue 12: the chair beside the host, the four kinds, the decision a
 * task came from. */
static void test_chair_kinds_and_decision_link(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_meeting m = { 0 };
	struct kz_decision d = { 0 }, other = { 0 };
	struct kz_task task = { 0 };
	char a[KZ_ID_LEN + 1], b[KZ_ID_LEN + 1], mid[KZ_ID_LEN + 1],
	     mid2[KZ_ID_LEN + 1], next[KZ_ID_LEN + 1];

	add_partner(t->db, "Biblioteka", "declared", a);
	add_partner(t->db, "Apteka", "informal", b);
	/* working group and training are kinds; another word is not */
	assert_int_equal(add_meeting(t->db, "working_group", NULL, "2026-02-01", NULL, a, mid2, &err), KZ_OK);
	assert_int_equal(add_meeting(t->db, "training", NULL, "2026-02-02", NULL, a, NULL, &err), KZ_OK);
	assert_int_equal(add_meeting(t->db, "picnic", NULL, "2026-02-03", NULL, a, NULL, &err), KZ_INVALID);
	/* the chair: a partner of the registry, kept and named */
	m.title = xstrdup("Posiedzenie PZK");
	m.date = xstrdup("2026-03-03");
	m.host_id = xstrdup(a);
	m.chair_id = xstrdup("no-such-partner");
	assert_int_equal(kz_meeting_save(t->db, &m, &err), KZ_INVALID);
	assert_string_equal(err.field, "chair_id");
	kz_str_set(&m.chair_id, b);
	assert_int_equal(kz_meeting_save(t->db, &m, &err), KZ_OK);
	memcpy(mid, m.id, sizeof(mid));
	kz_meeting_clear(&m);
	assert_int_equal(kz_meeting_get(t->db, mid, &m, &err), KZ_OK);
	assert_string_equal(m.chair_id, b);
	assert_string_equal(m.chair_name, "Apteka");
	assert_string_equal(m.host_name, "Biblioteka");
	kz_meeting_clear(&m);
	/* shared chairing: Apteka chaired, so Biblioteka is next; with
	 * Biblioteka as host, the chair is still another partner only when
	 * one has chaired longer ago: here Apteka (the host comes last) */
	assert_int_equal(kz_meeting_next_chair(t->db, NULL, next, &err), KZ_OK);
	assert_string_equal(next, a);
	assert_int_equal(kz_meeting_next_chair(t->db, a, next, &err), KZ_OK);
	assert_string_equal(next, b);
	/* a task's decision is one of its meeting's */
	d.meeting_id = xstrdup(mid);
	d.text = xstrdup("Przyjęto plan pracy.");
	assert_int_equal(kz_decision_save(t->db, &d, &err), KZ_OK);
	other.meeting_id = xstrdup(mid2);
	other.text = xstrdup("Inna decyzja.");
	assert_int_equal(kz_decision_save(t->db, &other, &err), KZ_OK);
	task.title = xstrdup("Rozesłać plan");
	task.partner_id = xstrdup(a);
	task.decision_id = xstrdup(d.id);
	assert_int_equal(kz_task_save(t->db, &task, &err), KZ_INVALID);  /* no meeting */
	assert_string_equal(err.field, "decision_id");
	task.meeting_id = xstrdup(mid);
	kz_str_set(&task.decision_id, other.id);
	assert_int_equal(kz_task_save(t->db, &task, &err), KZ_INVALID);  /* another meeting's */
	kz_str_set(&task.decision_id, d.id);
	assert_int_equal(kz_task_save(t->db, &task, &err), KZ_OK);
	assert_string_equal(task.decision_text, "Przyjęto plan pracy.");
	/* the decision deleted: the task stays, pointing at none */
	assert_int_equal(kz_meeting_part_delete(t->db, "decision", d.id, &err), KZ_OK);
	char tid[KZ_ID_LEN + 1];
	memcpy(tid, task.id, sizeof(tid));
	kz_task_clear(&task);
	assert_int_equal(kz_task_get(t->db, tid, &task, &err), KZ_OK);
	assert_null(task.decision_id);
	assert_null(task.decision_text);
	kz_task_clear(&task);
	kz_decision_clear(&d);
	kz_decision_clear(&other);
}

/* Inviting many at once: one person of every cooperating partner, or a
 * case's team; those already invited are left out; one transaction. */
static void test_invite_many(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_invitees inv = { 0 };
	struct kz_config cfg;
	struct kz_case c = { 0 };
	struct kz_team_member tm = { 0 };
	char gops[KZ_ID_LEN + 1], bib[KZ_ID_LEN + 1], left[KZ_ID_LEN + 1],
	     invited[KZ_ID_LEN + 1], empty[KZ_ID_LEN + 1], anna[KZ_ID_LEN + 1],
	     ewa[KZ_ID_LEN + 1], jan[KZ_ID_LEN + 1], olga[KZ_ID_LEN + 1],
	     piotr[KZ_ID_LEN + 1], old[KZ_ID_LEN + 1], mid[KZ_ID_LEN + 1],
	     team[KZ_ID_LEN + 1];
	size_t added = 0;

	add_partner(t->db, "GOPS", "declared", gops);
	add_partner(t->db, "Biblioteka", "informal", bib);
	add_partner(t->db, "Bank", "left", left);
	add_partner(t->db, "Apteka", "invited", invited);
	add_partner(t->db, "Caritas", "declared", empty);   /* nobody to invite */
	add_contact(t->db, gops, "Anna Kowalska", anna);
	add_contact(t->db, gops, "Ewa Zawada", ewa);
	add_contact(t->db, bib, "Jan Nowak", jan);
	add_contact(t->db, left, "Olga Bankowa", olga);
	add_contact(t->db, invited, "Piotr Apteczny", piotr);
	/* Ewa went to the last meeting for the GOPS: she is its person */
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-01-10", NULL, gops, old, &err), KZ_OK);
	assert_int_equal(kz_meeting_invite(t->db, old, (const char *const[]){ ewa }, 1, &added, &err), KZ_OK);
	assert_int_equal(added, 1);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-03-10", NULL, gops, mid, &err), KZ_OK);
	assert_int_equal(kz_meeting_invitees(t->db, mid, NULL, &inv, &err), KZ_OK);
	assert_int_equal(inv.n, 2);
	assert_string_equal(inv.v[0].partner_name, "Biblioteka");
	assert_string_equal(inv.v[0].contact_id, jan);
	assert_string_equal(inv.v[1].partner_name, "GOPS");
	assert_string_equal(inv.v[1].contact_id, ewa);
	assert_string_equal(inv.v[1].contact_name, "Ewa Zawada");
	kz_invitees_free(&inv);
	/* invited: all or nothing (a person not in the registry spoils it) */
	assert_int_equal(kz_meeting_invite(t->db, mid, (const char *const[]){ jan, "nobody" }, 2,
					   &added, &err), KZ_INVALID);
	assert_int_equal(added, 0);
	assert_int_equal(kz_meeting_invitees(t->db, mid, NULL, &inv, &err), KZ_OK);
	assert_int_equal(inv.n, 2);
	kz_invitees_free(&inv);
	assert_int_equal(kz_meeting_invite(t->db, mid, (const char *const[]){ jan }, 1, &added, &err), KZ_OK);
	/* the Biblioteka has its person there now: only the GOPS is left */
	assert_int_equal(kz_meeting_invitees(t->db, mid, NULL, &inv, &err), KZ_OK);
	assert_int_equal(inv.n, 1);
	assert_string_equal(inv.v[0].contact_id, ewa);
	kz_invitees_free(&inv);
	/* a case's team */
	memset(&cfg, 0, sizeof(cfg));
	cfg.plan_validity_months = 12;
	c.code = xstrdup("R/2026/001");
	c.manager = xstrdup("anna");
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_OK);
	tm.case_id = xstrdup(c.id);
	tm.contact_id = xstrdup(anna);
	tm.role = xstrdup("pracownik socjalny");
	if (kz_team_save(t->db, &tm, &err) != KZ_OK)
		fail_msg("team: %s", err.msg);
	kz_team_member_clear(&tm);
	tm.case_id = xstrdup(c.id);
	tm.contact_id = xstrdup(piotr);
	tm.role = xstrdup("farmaceuta");
	if (kz_team_save(t->db, &tm, &err) != KZ_OK)
		fail_msg("team: %s", err.msg);
	kz_team_member_clear(&tm);
	assert_int_equal(add_meeting(t->db, "case_team", c.id, "2026-03-11", NULL, NULL, team, &err), KZ_OK);
	assert_int_equal(kz_meeting_invitees(t->db, team, c.id, &inv, &err), KZ_OK);
	assert_int_equal(inv.n, 2);
	assert_string_equal(inv.v[0].contact_id, piotr);  /* Apteka before GOPS */
	assert_string_equal(inv.v[1].contact_id, anna);
	const char *ids[2] = { inv.v[0].contact_id, inv.v[1].contact_id };
	assert_int_equal(kz_meeting_invite(t->db, team, ids, 2, &added, &err), KZ_OK);
	assert_int_equal(added, 2);
	kz_invitees_free(&inv);
	assert_int_equal(kz_meeting_invitees(t->db, team, c.id, &inv, &err), KZ_OK);
	assert_int_equal(inv.n, 0);
	kz_invitees_free(&inv);
	kz_case_clear(&c);
}

static void test_erase_case_removes_its_meetings(void **state)
{
	struct test_db *t = *state;
	struct kz_error err = { 0 };
	struct kz_config cfg;
	struct kz_case c = { 0 };
	struct kz_attendee a = { 0 };
	struct kz_decision d = { 0 };
	char gops[KZ_ID_LEN + 1], anna[KZ_ID_LEN + 1], mid[KZ_ID_LEN + 1],
	     pzk[KZ_ID_LEN + 1];

	memset(&cfg, 0, sizeof(cfg));
	cfg.plan_validity_months = 12;
	add_partner(t->db, "GOPS", "declared", gops);
	add_contact(t->db, gops, "Anna Kowalska", anna);
	c.code = xstrdup("R/2026/001");
	c.manager = xstrdup("anna");
	c.legal_basis = xstrdup("statutory");
	c.legal_basis_note = xstrdup("asystent rodziny");
	assert_int_equal(kz_case_save(t->db, &cfg, &c, &err), KZ_OK);

	/* a partnership meeting with a case id is refused */
	assert_int_equal(add_meeting(t->db, "partnership", c.id, "2026-03-01", NULL, NULL, NULL, &err), KZ_INVALID);
	assert_int_equal(add_meeting(t->db, "case_team", c.id, "2026-03-01", NULL, NULL, mid, &err), KZ_OK);
	assert_int_equal(add_meeting(t->db, NULL, NULL, "2026-03-02", NULL, gops, pzk, &err), KZ_OK);
	a.meeting_id = xstrdup(mid);
	a.contact_id = xstrdup(anna);
	assert_int_equal(kz_attendee_save(t->db, &a, &err), KZ_OK);
	kz_attendee_clear(&a);
	d.meeting_id = xstrdup(mid);
	d.text = xstrdup("Ustalenie zespołu.");
	assert_int_equal(kz_decision_save(t->db, &d, &err), KZ_OK);
	kz_decision_clear(&d);
	assert_int_equal(add_task(t->db, "Z zespołu", gops, anna, mid, NULL, NULL, NULL, &err), KZ_OK);
	assert_int_equal(add_task(t->db, "Ze sprawy", gops, anna, NULL, c.id, NULL, NULL, &err), KZ_OK);
	assert_int_equal(add_task(t->db, "Z PZK", gops, anna, pzk, NULL, NULL, NULL, &err), KZ_OK);

	/* the export names the case's meeting records in its audit trail */
	struct kz_buf out = KZ_BUF_INIT;
	assert_int_equal(kz_case_export_json(t->db, "R/2026/001", &out, &err), KZ_OK);
	assert_non_null(strstr(kz_buf_str(&out), mid));
	kz_buf_free(&out);

	assert_int_equal(kz_case_erase(t->db, "R/2026/001", &err), KZ_OK);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM meetings", NULL), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM attendees", NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM decisions", NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM tasks", NULL), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM tasks WHERE title = 'Z PZK'", NULL), 1);
	/* their audit entries keep their place in the chain, without their
	 * details; tombstones were left */
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind IN"
			       " ('attendee', 'decision') AND redacted IS NULL", NULL), 0);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind IN"
			       " ('attendee', 'decision') AND ref IS NULL AND summary IS NULL"
			       " AND case_id IS NULL", NULL), 2);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'meeting'"
			       " AND redacted IS NULL", NULL), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM audit WHERE kind = 'task'"
			       " AND redacted IS NULL", NULL), 1);
	assert_int_equal(test_db_count(t->db, "SELECT count(*) FROM erased WHERE kind IN"
			       " ('meeting', 'attendee', 'decision', 'task')", NULL), 5);
	kz_case_clear(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_meeting_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attendees_and_decisions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_host, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_rules_and_closing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_views, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meeting_list_newest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_case_removes_its_meetings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chair_kinds_and_decision_link, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invite_many, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
