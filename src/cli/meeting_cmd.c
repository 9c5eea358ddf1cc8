/* koszyk meeting|task and list meetings|tasks: meetings and tasks from
 * scripts, through the same data layer (and checks) as the screens.
 *
 *   koszyk meeting add FIELD=VALUE...           prints the new meeting id
 *       (host=PARTNER, chair=PARTNER, case=CASE_CODE, kind=, date=, time=, ...)
 *   koszyk meeting attend MEETING_ID contact=NAME [attended=0|1]
 *       (a person already on the list: marks whether the person came)
 *   koszyk meeting decide MEETING_ID text=...
 *   koszyk meeting invite MEETING_ID --partners | --team CASE_CODE
 *   koszyk meeting minutes MEETING_ID [--format text|md|html] [-o PATH]
 *   koszyk meeting ics MEETING_ID [-o PATH]
 *   koszyk meeting next-host                    the partner to host next
 *   koszyk meeting next-chair                   the partner to chair next
 *   koszyk task add FIELD=VALUE...              prints the new task id
 *       (partner=NAME, contact=NAME, meeting=ID, decision=N|ID, case=CASE_CODE, ...)
 *   koszyk task close TASK_ID [status=done|dropped]
 *   koszyk task list [mine|overdue|by-partner] [--json]
 *   koszyk list meetings|tasks [--json]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "koszyk/basket.h"
#include "koszyk/buf.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/meetings.h"
#include "koszyk/minutes.h"
#include "koszyk/plan_print.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

/* --- FIELD=VALUE ------------------------------------------------------------ */

static void field_names(const struct kz_field *fields, size_t n, struct kz_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (b->len)
			kz_buf_puts(b, ", ");
		kz_buf_puts(b, fields[i].name);
	}
}

static enum kz_status case_by_code(struct kz_cli *cli, const char *code,
				   char **slot, struct kz_error *err)
{
	struct kz_case c = { 0 };
	enum kz_status st = kz_case_find(cli->db, code, &c, err);

	if (st == KZ_NOT_FOUND)
		st = KZ_INVALID;
	if (st == KZ_OK)
		kz_str_set(slot, c.id);
	kz_case_clear(&c);
	return st;
}

/* name=value of one record: a field, or an alias by name (host, partner,
 * contact, case, meeting). */
static enum kz_status set_fields(struct kz_cli *cli, const char *what,
				 const struct kz_field *fields, size_t n,
				 void *rec, int first, struct kz_error *err)
{
	for (int i = first; i < cli->argc; i++) {
		const char *arg = cli->argv[i];
		const char *eq = strchr(arg, '=');
		if (!eq || eq == arg)
			return kz_fail(err, KZ_INVALID,
				       _("\"%s\": write each value as FIELD=VALUE, e.g. date=2026-12-31"),
				       arg);
		char *name = xstrndup(arg, (size_t)(eq - arg));
		const char *value = eq + 1;
		const struct kz_field *f = kz_field_find(fields, n, name);
		char id[KZ_ID_LEN + 1];
		enum kz_status st = KZ_OK;
		const char *target = NULL;

		if (f) {
			kz_str_set(kz_field_slot(rec, f), value);
		} else if (strcmp(name, "host") == 0 || strcmp(name, "partner") == 0 ||
			   strcmp(name, "chair") == 0) {
			target = strcmp(name, "host") == 0 ? "host_id"
				 : strcmp(name, "chair") == 0 ? "chair_id" : "partner_id";
			st = kz_partner_find_by_name(cli->db, value, id, err);
			if (st == KZ_NOT_FOUND)
				st = kz_fail(err, KZ_INVALID,
					     _("there is no partner \"%s\" in the partner registry"), value);
		} else if (strcmp(name, "contact") == 0) {
			const struct kz_field *pf = kz_field_find(fields, n, "partner_id");
			const char *partner = pf ? *kz_field_slot(rec, pf) : NULL;
			target = "contact_id";
			st = kz_contact_find_by_name(cli->db, kz_str_empty(partner) ? NULL : partner,
						     value, id, err);
			if (st == KZ_NOT_FOUND)
				st = kz_fail(err, KZ_INVALID,
					     _("%s is not in the partner registry"), value);
		} else if (strcmp(name, "case") == 0 && kz_field_find(fields, n, "case_id")) {
			f = kz_field_find(fields, n, "case_id");
			st = case_by_code(cli, value, kz_field_slot(rec, f), err);
		} else if ((strcmp(name, "meeting") == 0 || strcmp(name, "decision") == 0) &&
			   (f = kz_field_find(fields, n, name[0] == 'm' ? "meeting_id" : "decision_id"))) {
			kz_str_set(kz_field_slot(rec, f), value);
		} else {
			struct kz_buf names = KZ_BUF_INIT;
			field_names(fields, n, &names);
			st = kz_fail(err, KZ_INVALID, _("a %s has no field \"%s\"; the fields are: %s"),
				     what, name, kz_buf_str(&names));
			kz_buf_free(&names);
		}
		if (st == KZ_OK && target) {
			const struct kz_field *tf = kz_field_find(fields, n, target);
			if (tf)
				kz_str_set(kz_field_slot(rec, tf), id);
			else
				st = kz_fail(err, KZ_INVALID, _("a %s has no field \"%s\""), what, name);
		}
		free(name);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status meeting_must_exist(struct kz_cli *cli, const char *id,
					 struct kz_error *err)
{
	struct kz_meeting m = { 0 };
	enum kz_status st = kz_meeting_get(cli->db, id, &m, err);

	kz_meeting_clear(&m);
	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_INVALID, _("there is no meeting with id \"%s\""), id);
	return st;
}

/* decision=N: the meeting's Nth decision, as the minutes number them
 * (decision=ID names one by its id). */
static enum kz_status decision_by_number(struct kz_cli *cli, struct kz_task *t,
					 struct kz_error *err)
{
	struct kz_meeting_full full;
	char *end;
	long n;
	enum kz_status st;

	if (kz_str_empty(t->decision_id) || strlen(t->decision_id) > 4)
		return KZ_OK;
	n = strtol(t->decision_id, &end, 10);
	if (*end || n < 1)
		return KZ_OK;
	if (!t->meeting_id)
		return kz_fail(err, KZ_INVALID,
			       _("decision=%s: only a task of a meeting (meeting=ID) comes from one of its decisions"),
			       t->decision_id);
	st = kz_meeting_load(cli->db, t->meeting_id, &full, err);
	if (st != KZ_OK)
		return st;
	if ((size_t)n > full.ndecisions)
		st = kz_fail(err, KZ_INVALID,
			     ngettext("decision=%ld: the meeting has %zu decision",
				      "decision=%ld: the meeting has %zu decisions", full.ndecisions),
			     n, full.ndecisions);
	else
		kz_str_set(&t->decision_id, full.decisions[n - 1].id);
	kz_meeting_full_free(&full);
	return st;
}

/* --- meeting ------------------------------------------------------------------ */

/* meeting minutes MEETING_ID [--format text|md|html] [-o PATH] and
 * meeting ics MEETING_ID [-o PATH]. */
static enum kz_status meeting_print(struct kz_cli *cli, bool ics, struct kz_error *err)
{
	struct kz_opts o;
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_plan_format fmt = KZ_PLAN_TEXT;
	enum kz_status st = kz_cli_parse(cli, 2, KZ_OPT_OUTPUT | (ics ? 0 : KZ_OPT_FORMAT), 1, &o, err);

	if (st != KZ_OK)
		return st;
	if (o.npos != 1)
		return kz_fail(err, KZ_INVALID, "%s", ics
			       ? _("usage: koszyk meeting ics MEETING_ID [-o PATH]")
			       : _("usage: koszyk meeting minutes MEETING_ID [--format text|md|html] [-o PATH]"));
	if (o.format && !kz_plan_format_parse(o.format, &fmt))
		return kz_fail(err, KZ_INVALID,
			       _("unknown format \"%s\"; the formats are text, md and html"), o.format);
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = meeting_must_exist(cli, o.pos[0], err);
	if (st == KZ_OK)
		st = ics ? kz_meeting_ics(cli->db, o.pos[0], &out, err)
			 : kz_minutes_print(cli->db, &cli->cfg, o.pos[0], fmt, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output_private(o.output, &out, err);
	kz_buf_free(&out);
	return st;
}

/* meeting invite MEETING_ID --partners | --team CASE_CODE: everyone the
 * screen's checklist would tick, in one transaction. */
static enum kz_status meeting_invite(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_opts o;
	struct kz_invitees inv = { 0 };
	struct kz_case c = { 0 };
	const char **ids = NULL;
	size_t added = 0;
	bool team;
	enum kz_status st = kz_cli_parse(cli, 2, KZ_OPT_PARTNERS | KZ_OPT_TEAM, 1, &o, err);

	if (st != KZ_OK)
		return st;
	team = o.team != NULL;
	if (o.npos != 1 || team == o.partners)
		return kz_fail(err, KZ_INVALID, "%s",
			       _("usage: koszyk meeting invite MEETING_ID --partners | --team CASE_CODE"));
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = meeting_must_exist(cli, o.pos[0], err);
	if (st == KZ_OK && team) {
		st = kz_case_find(cli->db, o.team, &c, err);
		if (st == KZ_NOT_FOUND)
			st = KZ_INVALID;
	}
	if (st == KZ_OK)
		st = kz_meeting_invitees(cli->db, o.pos[0], team ? c.id : NULL, &inv, err);
	if (st == KZ_OK) {
		ids = xcalloc(inv.n + 1, sizeof(*ids));
		for (size_t i = 0; i < inv.n; i++)
			ids[i] = inv.v[i].contact_id;
		st = kz_meeting_invite(cli->db, o.pos[0], ids, inv.n, &added, err);
	}
	if (st == KZ_OK)
		printf(ngettext("%zu person invited\n", "%zu persons invited\n", added), added);
	free(ids);
	kz_invitees_free(&inv);
	kz_case_clear(&c);
	return st;
}

enum kz_status kz_cmd_meeting(struct kz_cli *cli, struct kz_error *err)
{
	const char *sub = cli->argc >= 2 ? cli->argv[1] : "";
	enum kz_status st;

	if (strcmp(sub, "add") == 0) {
		struct kz_meeting m = { 0 };
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK)
			st = set_fields(cli, "meeting", kz_meeting_fields, kz_meeting_nfields,
					&m, 2, err);
		if (st == KZ_OK && m.case_id && kz_str_empty(m.kind))
			kz_str_set(&m.kind, "case_team");
		if (st == KZ_OK)
			st = kz_meeting_save(cli->db, &m, err);
		if (st == KZ_OK)
			printf("%s\n", m.id);
		kz_meeting_clear(&m);
		return st;
	}
	if (strcmp(sub, "attend") == 0 && cli->argc >= 3) {
		struct kz_attendee a = { 0 };
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK)
			st = meeting_must_exist(cli, cli->argv[2], err);
		kz_str_set(&a.meeting_id, cli->argv[2]);
		if (st == KZ_OK)
			st = set_fields(cli, "attendee", kz_attendee_fields, kz_attendee_nfields,
					&a, 3, err);
		/* someone already on the list: mark whether the person came */
		struct kz_meeting_full full;
		if (st == KZ_OK && a.contact_id &&
		    (st = kz_meeting_load(cli->db, a.meeting_id, &full, err)) == KZ_OK) {
			for (size_t i = 0; i < full.nattendees; i++)
				if (strcmp(full.attendees[i].contact_id, a.contact_id) == 0)
					memcpy(a.id, full.attendees[i].id, KZ_ID_LEN + 1);
			kz_meeting_full_free(&full);
		}
		if (st == KZ_OK && *a.id)
			st = kz_attendee_mark(cli->db, a.id, kz_str_eq(a.attended, "1"), err);
		else if (st == KZ_OK)
			st = kz_attendee_save(cli->db, &a, err);
		if (st == KZ_OK)
			printf("%s\n", a.id);
		kz_attendee_clear(&a);
		return st;
	}
	if (strcmp(sub, "decide") == 0 && cli->argc >= 3) {
		struct kz_decision d = { 0 };
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK)
			st = meeting_must_exist(cli, cli->argv[2], err);
		kz_str_set(&d.meeting_id, cli->argv[2]);
		if (st == KZ_OK)
			st = set_fields(cli, "decision", kz_decision_fields, kz_decision_nfields,
					&d, 3, err);
		if (st == KZ_OK)
			st = kz_decision_save(cli->db, &d, err);
		if (st == KZ_OK)
			printf("%s\n", d.id);
		kz_decision_clear(&d);
		return st;
	}
	if (strcmp(sub, "invite") == 0)
		return meeting_invite(cli, err);
	if (strcmp(sub, "minutes") == 0 || strcmp(sub, "ics") == 0)
		return meeting_print(cli, sub[0] == 'i', err);
	if ((strcmp(sub, "next-host") == 0 || strcmp(sub, "next-chair") == 0) && cli->argc == 2) {
		char id[KZ_ID_LEN + 1], host[KZ_ID_LEN + 1];
		struct kz_partner p = { 0 };
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK)
			st = kz_meeting_next_host(cli->db, host, err);
		if (st == KZ_OK && strcmp(sub, "next-chair") == 0)
			st = kz_meeting_next_chair(cli->db, host, id, err);
		else if (st == KZ_OK)
			memcpy(id, host, sizeof(id));
		if (st == KZ_OK)
			st = kz_partner_get(cli->db, id, &p, err);
		if (st == KZ_OK)
			printf("%s\n", p.name);
		kz_partner_clear(&p);
		return st;
	}
	return kz_fail(err, KZ_INVALID,
		       _("usage: koszyk meeting add FIELD=VALUE... | meeting attend MEETING_ID contact=NAME [attended=1] | meeting decide MEETING_ID text=... | meeting invite MEETING_ID --partners|--team CASE_CODE | meeting minutes MEETING_ID | meeting ics MEETING_ID | meeting next-host | meeting next-chair"));
}

/* --- lists --------------------------------------------------------------------- */

static void json_field(struct kz_buf *b, const char *key, const char *v)
{
	kz_buf_putc(b, ',');
	kz_buf_json_string(b, key);
	kz_buf_putc(b, ':');
	kz_buf_json_string(b, v);
}

static void json_record(struct kz_buf *b, const char *kind, const char *id,
			const char *title, const struct kz_field *fields, size_t n,
			void *rec)
{
	kz_buf_puts(b, "{\"kind\":");
	kz_buf_json_string(b, kind);
	json_field(b, "id", id);
	json_field(b, "title", title);
	/* "kind" names the kind of record; a meeting's own kind (partnership
	 * or case team) is "meeting_kind". */
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[i].name, "title") != 0)
			json_field(b, strcmp(fields[i].name, "kind") == 0 ? "meeting_kind"
				   : fields[i].name, *kz_field_slot(rec, &fields[i]));
}

static enum kz_status list_meetings(struct kz_cli *cli, bool json,
				    struct kz_buf *out, struct kz_error *err)
{
	struct kz_meetings ms;
	enum kz_status st = kz_meeting_list(cli->db, NULL, &ms, err);

	if (st != KZ_OK)
		return st;
	if (json)
		kz_buf_putc(out, '[');
	for (size_t i = 0; i < ms.n; i++) {
		struct kz_meeting *m = &ms.v[i];
		if (json) {
			if (i)
				kz_buf_puts(out, ",\n");
			json_record(out, "meeting", m->id, m->title, kz_meeting_fields,
				    kz_meeting_nfields, m);
			json_field(out, "host_name", m->host_name);
			json_field(out, "chair_name", m->chair_name);
			json_field(out, "case_code", m->case_code);
			kz_buf_putc(out, '}');
		} else {
			kz_buf_printf(out, "%s %s\t%s\t%s\n", m->date, m->time ? m->time : "     ",
				      m->title, m->host_name ? m->host_name
				      : (m->case_code ? m->case_code : ""));
		}
	}
	if (json)
		kz_buf_puts(out, "]\n");
	kz_meetings_free(&ms);
	return KZ_OK;
}

/* The configured name of the user the database acts for: the OS login,
 * or the demo user of --as. */
static const char *user_name(struct kz_cli *cli)
{
	const struct kz_user *u = kz_config_user(&cli->cfg, kz_db_user(cli->db));
	return u ? u->name : NULL;
}

/* Whose open tasks: a partner's or a case's (NULL: a view's). */
struct task_owner { const char *partner_id, *case_id; };

static enum kz_status list_tasks(struct kz_cli *cli, enum kz_task_view view,
				 const struct task_owner *owner, bool json,
				 struct kz_buf *out, struct kz_error *err)
{
	struct kz_tasks ts;
	char today[11];
	enum kz_status st = owner
		? kz_task_list_open(cli->db, owner->partner_id, owner->case_id, &ts, err)
		: kz_task_list(cli->db, view, user_name(cli), &ts, err);

	if (st != KZ_OK)
		return st;
	kz_today(today);
	if (json)
		kz_buf_putc(out, '[');
	for (size_t i = 0; i < ts.n; i++) {
		struct kz_task *t = &ts.v[i];
		bool overdue = strcmp(t->status, "open") == 0 && t->due_date &&
			       strcmp(t->due_date, today) < 0;
		if (json) {
			if (i)
				kz_buf_puts(out, ",\n");
			json_record(out, "task", t->id, t->title, kz_task_fields,
				    kz_task_nfields, t);
			json_field(out, "partner_name", t->partner_name);
			json_field(out, "contact_name", t->contact_name);
			json_field(out, "decision_text", t->decision_text);
			kz_buf_printf(out, ",\"overdue\":%s}", overdue ? "true" : "false");
		} else {
			kz_buf_printf(out, "%s%s\t%s\t%s\t%s\t%s\n", overdue ? "! " : "",
				      t->due_date ? t->due_date : "-", _(kz_enum_label(t->status)),
				      t->title, t->partner_name ? t->partner_name : "",
				      t->contact_name ? t->contact_name : "");
		}
	}
	if (json)
		kz_buf_puts(out, "]\n");
	kz_tasks_free(&ts);
	return KZ_OK;
}

static const char *const task_list_usage =
	N_("usage: koszyk task list [all|mine|overdue|by-partner] [--json] | task list partner NAME | task list case CASE_CODE");

/* task list partner NAME | task list case CASE_CODE: the open tasks of a
 * partner, or of a case and its team's meetings (a case the user may not
 * see is no case). */
static enum kz_status owner_tasks(struct kz_cli *cli, const char *what, const char *name,
				  bool json, struct kz_error *err)
{
	struct task_owner owner = { 0 };
	char id[KZ_ID_LEN + 1];
	struct kz_case c = { 0 };
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st;

	if (strcmp(what, "partner") != 0 && strcmp(what, "case") != 0)
		return kz_fail(err, KZ_INVALID, "%s", _(task_list_usage));
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK && what[0] == 'p') {
		st = kz_partner_find_by_name(cli->db, name, id, err);
		owner.partner_id = id;
	} else if (st == KZ_OK) {
		st = kz_case_find(cli->db, name, &c, err);
		owner.case_id = c.id;
	}
	if (st == KZ_NOT_FOUND)
		st = KZ_INVALID;
	if (st == KZ_OK)
		st = list_tasks(cli, KZ_TASKS_ALL, &owner, json, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	kz_case_clear(&c);
	return st;
}

enum kz_status kz_cmd_list_meetings(struct kz_cli *cli, const char *kind,
				    bool json, struct kz_error *err)
{
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st = kz_cli_open_db(cli, err);

	if (st == KZ_OK)
		st = strcmp(kind, "tasks") == 0
			? list_tasks(cli, KZ_TASKS_ALL, NULL, json, &out, err)
			: list_meetings(cli, json, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	return st;
}

/* --- task ------------------------------------------------------------------------ */

enum kz_status kz_cmd_task(struct kz_cli *cli, struct kz_error *err)
{
	const char *sub = cli->argc >= 2 ? cli->argv[1] : "";
	enum kz_status st;

	if (strcmp(sub, "add") == 0) {
		struct kz_task t = { 0 };
		st = kz_cli_open_db(cli, err);
		/* partner= first, so that contact= is looked up among its people */
		for (int i = 2; st == KZ_OK && i < cli->argc; i++)
			if (strncmp(cli->argv[i], "partner=", 8) == 0) {
				char id[KZ_ID_LEN + 1];
				st = kz_partner_find_by_name(cli->db, cli->argv[i] + 8, id, err);
				if (st == KZ_NOT_FOUND)
					st = kz_fail(err, KZ_INVALID,
						     _("there is no partner \"%s\" in the partner registry"),
						     cli->argv[i] + 8);
				if (st == KZ_OK)
					kz_str_set(&t.partner_id, id);
			}
		if (st == KZ_OK)
			st = set_fields(cli, "task", kz_task_fields, kz_task_nfields, &t, 2, err);
		if (st == KZ_OK && t.meeting_id)
			st = meeting_must_exist(cli, t.meeting_id, err);
		if (st == KZ_OK)
			st = decision_by_number(cli, &t, err);
		if (st == KZ_OK)
			st = kz_task_save(cli->db, &t, err);
		if (st == KZ_OK)
			printf("%s\n", t.id);
		kz_task_clear(&t);
		return st;
	}
	if (strcmp(sub, "close") == 0 && (cli->argc == 3 || cli->argc == 4)) {
		const char *status = "done";
		if (cli->argc == 4) {
			if (strncmp(cli->argv[3], "status=", 7) != 0)
				return kz_fail(err, KZ_INVALID,
					       _("usage: koszyk task close TASK_ID [status=done|dropped]"));
			status = cli->argv[3] + 7;
		}
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK)
			st = kz_task_close(cli->db, cli->argv[2], status, 0, err);
		if (st == KZ_NOT_FOUND)
			st = kz_fail(err, KZ_INVALID, _("there is no task with id \"%s\""), cli->argv[2]);
		return st;
	}
	if (strcmp(sub, "list") == 0) {
		static const struct {
			const char *word;
			enum kz_task_view view;
		} views[] = {
			{ "all", KZ_TASKS_ALL }, { "mine", KZ_TASKS_MINE },
			{ "overdue", KZ_TASKS_OVERDUE }, { "by-partner", KZ_TASKS_BY_PARTNER },
		};
		enum kz_task_view view = KZ_TASKS_ALL;
		struct kz_opts o;
		size_t v = 0;
		st = kz_cli_parse(cli, 2, KZ_OPT_JSON, 2, &o, err);
		if (st != KZ_OK)
			return st;
		if (o.npos == 2)
			return owner_tasks(cli, o.pos[0], o.pos[1], o.json, err);
		while (o.npos && v < sizeof(views) / sizeof(views[0]) &&
		       strcmp(o.pos[0], views[v].word) != 0)
			v++;
		if (v == sizeof(views) / sizeof(views[0]))
			return kz_fail(err, KZ_INVALID, "%s", _(task_list_usage));
		if (o.npos)
			view = views[v].view;
		bool json = o.json;
		struct kz_buf out = KZ_BUF_INIT;
		st = kz_cli_open_db(cli, err);
		if (st == KZ_OK)
			st = list_tasks(cli, view, NULL, json, &out, err);
		if (st == KZ_OK)
			st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
		kz_buf_free(&out);
		return st;
	}
	return kz_fail(err, KZ_INVALID,
		       _("usage: koszyk task add FIELD=VALUE... | task close TASK_ID [status=done|dropped] | task list [mine|overdue|by-partner|partner NAME|case CASE_CODE] [--json]"));
}
