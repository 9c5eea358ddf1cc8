/* Meetings of the partnership and of case teams: the list (newest first)
 * and the screen of one meeting with its attendees, decisions and tasks.
 * Attendees come from the partner registry through a searchable pick list
 * of contact persons; the host of a new meeting is suggested so that
 * hosting rotates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/meetings.h"
#include "koszyk/minutes.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

/* --- the list of meetings ------------------------------------------------------ */

struct mlist {
	struct ui_list list;
	struct kz_meetings m;
	char **host_short;  /* the hosts' short names (NULL: none), m.n of them */
	bool creating;
};

static struct mlist *ML(struct ui_list *l)
{
	return (struct mlist *)l;
}

/* The filter of the list: the meetings of the partnership or of a
 * case's team. */
enum { MF_KIND };

static const struct ui_filter_def mlist_filters[] = {
	[MF_KIND] = { .kind = UI_FILTER_CHOICE, .label = N_("Meeting of"),
		      .pick_title = N_("Filter the meetings by whose they are"),
		      .values = kz_meeting_kinds },
};

/* Leave out the meetings of another kind than the filter's. */
static void keep_kind(struct kz_meetings *m, const char *kind)
{
	size_t kept = 0;

	if (!kind)
		return;
	for (size_t i = 0; i < m->n; i++) {
		if (kz_str_eq(m->v[i].kind, kind))
			m->v[kept++] = m->v[i];
		else
			kz_meeting_clear(&m->v[i]);
	}
	m->n = kept;
}

static void free_host_short(struct mlist *m)
{
	for (size_t i = 0; m->host_short && i < m->m.n; i++)
		free(m->host_short[i]);
	free(m->host_short);
	m->host_short = NULL;
}

/* The short names of the hosts, for a narrow host column. */
static void load_host_short(struct ui *ui, struct mlist *m)
{
	m->host_short = xcalloc(m->m.n ? m->m.n : 1, sizeof(*m->host_short));
	for (size_t i = 0; i < m->m.n; i++) {
		struct kz_partner p = { 0 };
		struct kz_error err = { 0 };
		if (m->m.v[i].host_id && kz_partner_get(ui->db, m->m.v[i].host_id, &p, &err) == KZ_OK &&
		    p.short_name && *p.short_name)
			m->host_short[i] = xstrdup(p.short_name);
		kz_partner_clear(&p);
	}
}

static enum kz_status mlist_load(struct ui_list *l, const char *query, size_t *n,
				 struct kz_error *err)
{
	struct mlist *m = ML(l);
	enum kz_status s;

	(void)query;
	free_host_short(m);
	kz_meetings_free(&m->m);
	s = kz_meeting_list(l->ui->db, NULL, &m->m, err);
	keep_kind(&m->m, ui_list_filter_code(l, MF_KIND));
	load_host_short(l->ui, m);
	*n = m->m.n;
	return s;
}

static const char *mlist_row_id(struct ui_list *l, size_t i)
{
	return ML(l)->m.v[i].id;
}

static void mlist_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
		      bool selected)
{
	const struct kz_meeting *m = &ML(ctx)->m.v[i];
	const char *host_short = ML(ctx)->host_short ? ML(ctx)->host_short[i] : NULL;
	bool team = m->kind && strcmp(m->kind, "case_team") == 0;
	int cx = x + 1, end = x + width - 1, hw = width >= 70 ? 22 : 14;

	wattrset(w, selected ? ui_look(UI_LOOK_SELECTED) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	ui_draw_text(w, y, cx, m->date ? m->date : "", 10);
	cx += 11;
	ui_draw_text(w, y, cx, m->time ? m->time : "", 5);
	cx += 6;
	ui_draw_text(w, y, cx, team ? _("team") : "", 5);
	cx += 6;
	if (end - cx > hw + 1) {
		/* The end of a title tells meetings apart ("nr 8"). */
		ui_draw_text_tail(w, y, cx, m->title ? m->title : "", end - cx - hw - 1);
		/* A case team meets at no partner's: its case code instead. */
		ui_draw_text(w, y, end - hw, m->host_name ? ui_fit_name(m->host_name, host_short, hw)
					     : m->case_code ? m->case_code : "", hw);
	}
	wattrset(w, A_NORMAL);
}

static const char *mlist_empty(struct ui_list *l)
{
	(void)l;
	return _("No meetings yet. Press a to record one.");
}

static void mlist_title(struct ui_list *l, char *name, size_t nn, char *info, size_t ni)
{
	char count[96];

	snprintf(name, nn, "%s", _("Meetings"));
	/* Narrowed, the filter takes the room of "newest first". */
	snprintf(count, sizeof(count), ui_list_filtered(l) ? _("%zu meetings") : _("%zu meetings, newest first"),
		 l->n);
	ui_list_info(l, count, info, ni);
}

static const struct ui_legend mlist_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_OPEN, NULL }, { UI_ACT_ADD, N_("New meeting") },
	{ UI_ACT_EDIT, NULL }, { UI_ACT_FILTER, NULL }, { UI_ACT_TASKS, NULL },
	{ UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};

/* The chair of a new meeting: chairing is shared, in turn too. */
static void suggest_chair(struct ui *ui, struct kz_meeting *m)
{
	char chair[KZ_ID_LEN + 1];
	struct kz_error err = { 0 };

	struct kz_partner p;

	memset(&p, 0, sizeof(p));
	if (kz_meeting_next_chair(ui->db, m->host_id, chair, &err) == KZ_OK &&
	    kz_partner_get(ui->db, chair, &p, &err) == KZ_OK) {
		kz_str_set(&m->chair_id, chair);
		kz_str_set(&m->chair_name, p.name);
	}
	kz_partner_clear(&p);
}

/* Open the form of a meeting (NULL id: a new one with the next host). */
static bool edit_meeting(struct ui *ui, const char *id, const char *focus)
{
	struct kz_meeting *m = xcalloc(1, sizeof(*m));
	struct kz_error err = { 0 };
	struct ui_screen *form;
	char *note = NULL;

	if (id && kz_meeting_get(ui->db, id, m, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		ui_rec_free(KZ_KIND_MEETING, m);
		return false;
	}
	if (!id) {
		char today[11], host[KZ_ID_LEN + 1];
		struct kz_partner p;
		kz_today(today);
		kz_str_set(&m->kind, "partnership");
		kz_str_set(&m->date, today);
		memset(&p, 0, sizeof(p));
		if (kz_meeting_next_host(ui->db, host, &err) == KZ_OK &&
		    kz_partner_get(ui->db, host, &p, &err) == KZ_OK) {
			kz_str_set(&m->host_id, host);
			kz_str_set(&m->host_name, p.name);
			note = xasprintf(_("Suggested host (hosting rotates): %s. F2 or Ctrl-S saves."),
					 p.name);
		}
		kz_partner_clear(&p);
		suggest_chair(ui, m);
	}
	form = ui_form_new(ui, KZ_KIND_MEETING, m);
	if (note)
		ui_form_set_note(form, note);
	free(note);
	if (focus)
		ui_form_focus(form, focus);
	ui_push(ui, form);
	return true;
}

bool ui_new_case_meeting(struct ui *ui, const char *case_id, const char *code)
{
	struct kz_meeting *m = xcalloc(1, sizeof(*m));
	char today[11];
	char *title = xasprintf(_("Case team meeting, case %s"), code);

	kz_today(today);
	kz_str_set(&m->kind, "case_team");
	kz_str_set(&m->case_id, case_id);
	kz_str_set(&m->date, today);
	kz_str_set(&m->title, title);
	free(title);
	ui_push(ui, ui_form_new(ui, KZ_KIND_MEETING, m));
	return true;
}

static void mlist_add(struct ui_list *l)
{
	ML(l)->creating = edit_meeting(l->ui, NULL, NULL);
}

static void mlist_open(struct ui_list *l, size_t i)
{
	ui_push(l->ui, ui_meeting_screen_new(l->ui, ML(l)->m.v[i].id));
}

static void mlist_edit(struct ui_list *l, size_t i)
{
	edit_meeting(l->ui, ML(l)->m.v[i].id, NULL);
}

/* A meeting just recorded: go on to its screen. */
static void mlist_reveal(struct ui_list *l)
{
	struct mlist *m = ML(l);
	char created[KZ_ID_LEN + 1];

	snprintf(created, sizeof(created), "%s", m->creating ? l->ui->saved_id : "");
	m->creating = false;
	ui_list_reload(l, true);
	if (created[0])
		ui_push(l->ui, ui_meeting_screen_new(l->ui, created));
}

static void mlist_free(struct ui_list *l)
{
	free_host_short(ML(l));
	kz_meetings_free(&ML(l)->m);
}

static const struct ui_list_ops mlist_ops = {
	.groups = UI_G_MOVE | UI_G_LIST,
	.empty_as_note = true,
	.load = mlist_load,
	.filters = mlist_filters,
	.nfilters = sizeof(mlist_filters) / sizeof(mlist_filters[0]),
	.row_id = mlist_row_id,
	.draw_row = mlist_row,
	.empty = mlist_empty,
	.none_selected = N_("No meeting to open. Press a to record one."),
	.open = mlist_open,
	.edit = mlist_edit,
	.add = mlist_add,
	.reveal = mlist_reveal,
	.title = mlist_title,
	.legend = mlist_legend_items,
	.free = mlist_free,
};

struct ui_screen *ui_meetings_new(struct ui *ui)
{
	struct ui_list *l = ui_list_new(ui, &mlist_ops, sizeof(struct mlist));

	ui_list_reload(l, false);
	return &l->base;
}

/* --- one meeting ------------------------------------------------------------------ */

enum line_kind { L_TEXT, L_HEAD, L_ATTENDEE, L_DECISION, L_TASK };

struct line {
	enum line_kind kind;
	size_t i;    /* into attendees, decisions or tasks */
	char *text;
};

struct meeting {
	struct ui_screen base;
	struct ui *ui;
	char id[KZ_ID_LEN + 1];
	struct kz_meeting_full full;
	bool loaded;
	struct line *v;
	size_t n;
	int width;
	struct ui_listbox lb;
};

static struct meeting *MS(struct ui_screen *s)
{
	return (struct meeting *)s;
}

static void add_line(struct meeting *m, enum line_kind kind, size_t i, char *text)
{
	m->v = xreallocarray(m->v, m->n + 1, sizeof(*m->v));
	m->v[m->n].kind = kind;
	m->v[m->n].i = i;
	m->v[m->n].text = text;
	m->n++;
}

static void add_wrapped(struct meeting *m, enum line_kind kind, size_t i,
			const char *prefix, const char *text)
{
	struct ui_lines lines = { 0 };
	int indent = ui_text_width(prefix);

	ui_wrap(&lines, text, m->width - 2 - indent > 10 ? m->width - 2 - indent : 10);
	for (size_t k = 0; k < lines.n; k++) {
		char *mb = ui_mbs(lines.v[k], wcslen(lines.v[k]));
		add_line(m, kind, i, xasprintf("%*s%s", k == 0 ? 0 : indent,
					       k == 0 ? prefix : "", mb));
		free(mb);
	}
	if (lines.n == 0)
		add_line(m, kind, i, xstrdup(prefix));
	ui_lines_free(&lines);
}

static void free_lines(struct meeting *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].text);
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/* The number of a decision in the meeting's list (1, 2, ...); 0: none. */
static size_t decision_number(const struct meeting *m, const char *id)
{
	for (size_t i = 0; id && i < m->full.ndecisions; i++)
		if (strcmp(m->full.decisions[i].id, id) == 0)
			return i + 1;
	return 0;
}

static void build(struct meeting *m)
{
	const struct kz_meeting *mt = &m->full.meeting;
	char *s;

	free_lines(m);
	m->width = ui_body_w(m->ui);
	if (!m->loaded)
		return;
	s = xasprintf("%s %s%s%s", mt->date ? mt->date : "", mt->time ? mt->time : "",
		      mt->case_code ? "  " : "", mt->case_code ? mt->case_code : "");
	add_wrapped(m, L_TEXT, 0, _("When:  "), s);
	free(s);
	add_wrapped(m, L_TEXT, 0, _("Kind:  "), _(kz_enum_label(mt->kind)));
	add_wrapped(m, L_TEXT, 0, _("Host:  "), mt->host_name ? mt->host_name : "");
	add_wrapped(m, L_TEXT, 0, _("Chair: "), mt->chair_name ? mt->chair_name : "");
	add_wrapped(m, L_TEXT, 0, _("Place: "), mt->place ? mt->place : "");
	add_line(m, L_HEAD, 0, xstrdup(_("Agenda")));
	add_wrapped(m, L_TEXT, 0, "  ", kz_str_empty(mt->agenda) ? _("(none)") : mt->agenda);
	add_line(m, L_HEAD, 0, xstrdup(_("Minutes")));
	add_wrapped(m, L_TEXT, 0, "  ", kz_str_empty(mt->minutes)
					      ? _("(none yet: press M to write them)") : mt->minutes);
	add_line(m, L_HEAD, 0, xasprintf(_("Attendees (%zu)"), m->full.nattendees));
	for (size_t i = 0; i < m->full.nattendees; i++) {
		const struct kz_attendee *a = &m->full.attendees[i];
		bool came = a->attended && strcmp(a->attended, "1") == 0;
		s = xasprintf("%s %s, %s", came ? "[x]" : "[ ]",
			      a->contact_name ? a->contact_name : "",
			      a->partner_name ? a->partner_name : "");
		add_wrapped(m, L_ATTENDEE, i, "  ", s);
		free(s);
	}
	add_line(m, L_HEAD, 0, xasprintf(_("Decisions (%zu)"), m->full.ndecisions));
	for (size_t i = 0; i < m->full.ndecisions; i++) {
		char num[32];
		snprintf(num, sizeof(num), "  %zu. ", i + 1);
		add_wrapped(m, L_DECISION, i, num, m->full.decisions[i].text ? m->full.decisions[i].text : "");
	}
	add_line(m, L_HEAD, 0, xasprintf(_("Tasks (%zu)"), m->full.ntasks));
	for (size_t i = 0; i < m->full.ntasks; i++) {
		const struct kz_task *t = &m->full.tasks[i];
		char from[48] = "";
		size_t d = decision_number(m, t->decision_id);
		if (d)
			snprintf(from, sizeof(from), _(" [decision %zu]"), d);
		s = xasprintf("%s  %s  %s (%s%s%s)%s", t->due_date ? t->due_date : "----------",
			      _(kz_enum_label(t->status ? t->status : "")), t->title ? t->title : "",
			      t->partner_name ? t->partner_name : "",
			      t->contact_name ? ", " : "", t->contact_name ? t->contact_name : "", from);
		add_wrapped(m, L_TASK, i, "  ", s);
		free(s);
	}
	ui_lb_set_count(&m->lb, m->n);
}

static const char *line_id(struct meeting *m, const struct line *l)
{
	switch (l->kind) {
	case L_ATTENDEE: return m->full.attendees[l->i].contact_id;
	case L_DECISION: return m->full.decisions[l->i].id;
	case L_TASK: return m->full.tasks[l->i].id;
	default: return NULL;
	}
}

/* Select the line of a record (a decision or task by id, an attendee by
 * contact); false when there is none. */
static bool select_id(struct meeting *m, const char *id)
{
	for (size_t i = 0; id && id[0] && i < m->n; i++) {
		const char *lid = line_id(m, &m->v[i]);
		if (lid && strcmp(lid, id) == 0) {
			ui_lb_select(&m->lb, i);
			return true;
		}
	}
	return false;
}

static void meeting_reload(struct meeting *m)
{
	struct kz_error err = { 0 };
	size_t sel = m->lb.sel;

	if (m->loaded)
		kz_meeting_full_free(&m->full);
	memset(&m->full, 0, sizeof(m->full));
	m->loaded = kz_meeting_load(m->ui->db, m->id, &m->full, &err) == KZ_OK;
	if (!m->loaded)
		ui_error(m->ui, "%s", err.msg);
	build(m);
	/* A decision or task a form just saved, else the line before. */
	if (!select_id(m, m->ui->saved_id))
		ui_lb_select(&m->lb, sel < m->n ? sel : 0);
}

static void meeting_row(void *ctx, WINDOW *w, int y, int x, int width, size_t i,
			bool selected)
{
	struct meeting *m = ctx;
	const struct line *l = &m->v[i];

	wattrset(w, selected ? ui_look(UI_LOOK_SELECTED)
		 : l->kind == L_HEAD ? ui_look(UI_LOOK_HEADING) : A_NORMAL);
	ui_draw_blank(w, y, x, width);
	ui_draw_text(w, y, x + 1, l->text, width - 2);
	wattrset(w, A_NORMAL);
}

static void meeting_draw(struct ui_screen *s, struct ui *ui)
{
	struct meeting *m = MS(s);

	if (m->width != ui_body_w(ui)) {
		size_t sel = m->lb.sel;
		build(m);
		ui_lb_select(&m->lb, sel < m->n ? sel : 0);
	}
	ui_lb_draw(&m->lb, ui->body, 0, 0, ui_body_w(ui), meeting_row, m);
}

static void meeting_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
			  char *info, size_t ni)
{
	struct meeting *m = MS(s);

	(void)ui;
	snprintf(name, nn, "%s", m->loaded && m->full.meeting.title ? m->full.meeting.title
								       : _("Meeting"));
	snprintf(info, ni, "%s", m->loaded && m->full.meeting.date ? m->full.meeting.date : "");
}

static const struct ui_legend meeting_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_ATTENDEE, NULL }, { UI_ACT_INVITE, NULL },
	{ UI_ACT_ATTENDED, NULL }, { UI_ACT_DECISION, NULL }, { UI_ACT_TASK, NULL },
	{ UI_ACT_MINUTES, NULL }, { UI_ACT_SAVE_MINUTES, NULL }, { UI_ACT_SAVE_ICS, NULL },
	{ UI_ACT_CLOSE_TASK, NULL }, { UI_ACT_BACK, NULL }, { UI_ACT_NONE, NULL }
};

static const struct ui_legend *meeting_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return meeting_legend_items;
}

/* Contact persons of every partner for the attendee pick list. */
static void load_contacts(struct ui *ui, void *ctx, const char *query, struct ui_pick *p)
{
	struct kz_rows rows;
	struct kz_error err = { 0 };

	(void)ctx;
	ui_pick_free_items(p);
	if (kz_contact_list(ui->db, NULL, query, 300, &rows, &err) != KZ_OK) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < rows.n; i++)
		ui_pick_add(p, rows.v[i].title, rows.v[i].id, rows.v[i].contact.partner);
	kz_rows_free(&rows);
}

static void add_attendee(struct meeting *m)
{
	struct ui_pick p = { .title = N_("Attendee: a contact person"), .load = load_contacts };
	struct kz_error err = { 0 };

	if (ui_pick_run(m->ui, &p) && p.items[p.chosen].value) {
		struct kz_attendee a;
		memset(&a, 0, sizeof(a));
		kz_str_set(&a.meeting_id, m->id);
		kz_str_set(&a.contact_id, p.items[p.chosen].value);
		if (kz_attendee_save(m->ui->db, &a, &err) != KZ_OK)
			ui_error(m->ui, _("Not saved: %s"), err.msg);
		else
			ui_message(m->ui, _("Attendee added: %s"), p.items[p.chosen].label);
		kz_attendee_clear(&a);
		meeting_reload(m);
		select_id(m, p.items[p.chosen].value);
	}
	ui_pick_free_items(&p);
}

/* Invite many at once: a checklist, all ticked, of one person of every
 * cooperating partner or, for a case team's meeting, of the case's team;
 * Space unticks, Enter invites the ticked ones (one transaction). */
static void invite_many(struct meeting *m)
{
	const char *case_id = m->full.meeting.case_id;
	struct ui_pick p = { .multi = true };
	struct kz_invitees inv;
	struct kz_error err = { 0 };
	const char **ids;
	size_t n = 0, added = 0;

	if (kz_meeting_invitees(m->ui->db, m->id, case_id, &inv, &err) != KZ_OK) {
		ui_error(m->ui, "%s", err.msg);
		return;
	}
	if (inv.n == 0) {
		ui_message(m->ui, "%s", case_id ? _("Everyone of the case's team is invited already.")
					       : _("Every cooperating partner has someone invited already."));
		kz_invitees_free(&inv);
		return;
	}
	p.title = case_id ? N_("Invite the case's team") : N_("Invite one person of every cooperating partner");
	for (size_t i = 0; i < inv.n; i++) {
		ui_pick_add(&p, inv.v[i].contact_name ? inv.v[i].contact_name : "",
			    inv.v[i].contact_id, inv.v[i].partner_name);
		p.items[i].marked = true;
	}
	ids = xcalloc(p.n + 1, sizeof(*ids));
	if (ui_pick_run(m->ui, &p)) {
		for (size_t i = 0; i < p.n; i++)
			if (p.items[i].marked)
				ids[n++] = p.items[i].value;
		if (kz_meeting_invite(m->ui->db, m->id, ids, n, &added, &err) != KZ_OK)
			ui_error(m->ui, _("Not saved: %s"), err.msg);
		else
			ui_message(m->ui, ngettext("%zu person invited.", "%zu persons invited.", added),
				   added);
		meeting_reload(m);
	}
	free(ids);
	ui_pick_free_items(&p);
	kz_invitees_free(&inv);
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);

	return n >= k && strcmp(s + n - k, end) == 0;
}

/* Save the minutes (ics false: by the file's ending, .html, .md or text)
 * or the calendar entry to a file the person names; the full path of the
 * file written is said. */
static void save_file(struct meeting *m, bool ics)
{
	struct ui *ui = m->ui;
	struct kz_error err = { 0 };
	struct kz_buf b = KZ_BUF_INIT;
	char *initial = xasprintf(ics ? "meeting-%s.ics" : "minutes-%s.html",
				  m->full.meeting.date ? m->full.meeting.date : "");
	char *path = ui_ask(ui, ics ? _("Save the calendar entry as (.ics): ")
				    : _("Save the minutes as (.html, .md or text): "), initial);
	enum kz_plan_format fmt = KZ_PLAN_TEXT;
	enum kz_status st;

	free(initial);
	if (!path || !*path) {
		free(path);
		ui_message(ui, "%s", _("Not saved."));
		return;
	}
	if (ends_with(path, ".html") || ends_with(path, ".htm"))
		fmt = KZ_PLAN_HTML;
	else if (ends_with(path, ".md"))
		fmt = KZ_PLAN_MD;
	st = ics ? kz_meeting_ics(ui->db, m->id, &b, &err)
		 : kz_minutes_print(ui->db, ui->cfg, m->id, fmt, &b, &err);
	if (st == KZ_OK)
		st = kz_write_file_atomic(path, kz_buf_str(&b), b.len, 0600, &err);
	if (st != KZ_OK) {
		ui_error(ui, _("Not saved: %s"), err.msg);
	} else {
		char *full = realpath(path, NULL);
		ui_message(ui, ics ? _("The meeting was saved for calendars to %s.")
				   : _("The minutes were saved to %s."), full ? full : path);
		free(full);
	}
	kz_buf_free(&b);
	free(path);
}

static const struct line *selected(struct meeting *m, enum line_kind kind)
{
	const struct line *l = m->lb.sel < m->n ? &m->v[m->lb.sel] : NULL;

	return l && l->kind == kind ? l : NULL;
}

static void toggle_attended(struct meeting *m)
{
	const struct line *l = selected(m, L_ATTENDEE);
	struct kz_error err = { 0 };

	if (!l) {
		ui_message(m->ui, "%s", _("Choose an attendee first."));
		return;
	}
	const struct kz_attendee *a = &m->full.attendees[l->i];
	bool came = !(a->attended && strcmp(a->attended, "1") == 0);
	if (kz_attendee_mark(m->ui->db, a->id, came, &err) != KZ_OK)
		ui_error(m->ui, "%s", err.msg);
	else
		ui_message(m->ui, came ? _("Marked as attended.") : _("Marked as absent."));
	meeting_reload(m);
}

static void close_task(struct ui *ui, const char *id, const char *title, long rev)
{
	struct kz_error err = { 0 };

	if (!ui_confirm(ui, _("Mark the task done?")))
		return;
	if (kz_task_close(ui->db, id, "done", rev, &err) != KZ_OK)
		ui_error(ui, "%s", err.msg);
	else
		ui_message(ui, _("Task done: %s"), title ? title : "");
}

/* Delete the selected attendee, decision or task (asks first). */
static void delete_part(struct meeting *m)
{
	const struct line *l = m->lb.sel < m->n ? &m->v[m->lb.sel] : NULL;
	struct kz_error err = { 0 };
	const struct kz_kind_info *k;
	const char *id;

	if (!l || (l->kind != L_ATTENDEE && l->kind != L_DECISION && l->kind != L_TASK)) {
		ui_message(m->ui, "%s", _("Choose an attendee, a decision or a task to delete."));
		return;
	}
	if (l->kind == L_ATTENDEE) {
		k = kz_kind_of(KZ_KIND_ATTENDEE);
		id = m->full.attendees[l->i].id;
	} else if (l->kind == L_DECISION) {
		k = kz_kind_of(KZ_KIND_DECISION);
		id = m->full.decisions[l->i].id;
	} else {
		k = kz_kind_of(KZ_KIND_TASK);
		id = m->full.tasks[l->i].id;
	}
	if (!ui_confirm(m->ui, _(k->remove_question)))
		return;
	if (k->remove(m->ui->db, id, &err) != KZ_OK)
		ui_error(m->ui, "%s", err.msg);
	else
		ui_message(m->ui, "%s", _("Deleted."));
	meeting_reload(m);
}

static bool meeting_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct meeting *m = MS(s);
	const struct line *l;

	if (ui_lb_action(&m->lb, a))
		return true;
	if (!m->loaded && a != UI_ACT_BACK && a != UI_ACT_QUIT && a != UI_ACT_HELP)
		return false;
	switch (a) {
	case UI_ACT_ATTENDEE: add_attendee(m); return true;
	case UI_ACT_INVITE: invite_many(m); return true;
	case UI_ACT_SAVE_MINUTES: save_file(m, false); return true;
	case UI_ACT_SAVE_ICS: save_file(m, true); return true;
	case UI_ACT_ATTENDED: toggle_attended(m); return true;
	case UI_ACT_EDIT: edit_meeting(ui, m->id, NULL); return true;
	case UI_ACT_MINUTES: edit_meeting(ui, m->id, "minutes"); return true;
	case UI_ACT_DECISION: {
		struct kz_decision *d = xcalloc(1, sizeof(*d));
		kz_str_set(&d->meeting_id, m->id);
		ui_push(ui, ui_form_new(ui, KZ_KIND_DECISION, d));
		return true;
	}
	case UI_ACT_TASK: {
		struct kz_task *t = xcalloc(1, sizeof(*t));
		kz_str_set(&t->meeting_id, m->id);
		kz_str_set(&t->case_id, m->full.meeting.case_id);
		kz_str_set(&t->status, "open");
		/* on a decision's line: the task comes from it */
		if ((l = selected(m, L_DECISION))) {
			kz_str_set(&t->decision_id, m->full.decisions[l->i].id);
			kz_str_set(&t->decision_text, m->full.decisions[l->i].text);
		}
		ui_push(ui, ui_form_new(ui, KZ_KIND_TASK, t));
		return true;
	}
	case UI_ACT_CLOSE_TASK:
		if (!(l = selected(m, L_TASK))) {
			ui_message(ui, "%s", _("Choose a task first."));
			return true;
		}
		close_task(ui, m->full.tasks[l->i].id, m->full.tasks[l->i].title,
			   m->full.tasks[l->i].stamp.rev);
		meeting_reload(m);
		return true;
	case UI_ACT_ARCHIVE:
		delete_part(m);
		return true;
	case UI_ACT_OPEN:
		if ((l = selected(m, L_TASK))) {
			ui_edit_task(ui, m->full.tasks[l->i].id);
		} else if ((l = selected(m, L_DECISION))) {
			struct kz_decision *d = xcalloc(1, sizeof(*d));
			const struct kz_decision *src = &m->full.decisions[l->i];
			memcpy(d->id, src->id, sizeof(d->id));
			kz_str_set(&d->meeting_id, src->meeting_id);
			kz_str_set(&d->text, src->text);
			d->stamp.rev = src->stamp.rev;
			ui_push(ui, ui_form_new(ui, KZ_KIND_DECISION, d));
		} else {
			edit_meeting(ui, m->id, NULL);
		}
		return true;
	default:
		return false;
	}
}

static void meeting_resize(struct ui_screen *s, struct ui *ui)
{
	ui_lb_set_height(&MS(s)->lb, ui_body_h(ui));
}

static void meeting_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	meeting_reload(MS(s));
}

static void meeting_destroy(struct ui_screen *s)
{
	struct meeting *m = MS(s);

	if (m->loaded)
		kz_meeting_full_free(&m->full);
	free_lines(m);
	free(m);
}

static const struct ui_screen_ops meeting_ops = {
	.draw = meeting_draw,
	.action = meeting_action,
	.resize = meeting_resize,
	.reveal = meeting_reveal,
	.title = meeting_title,
	.legend = meeting_legend,
	.destroy = meeting_destroy,
	.groups = UI_G_MOVE | UI_G_LIST | UI_G_MEET,
};

struct ui_screen *ui_meeting_screen_new(struct ui *ui, const char *id)
{
	struct meeting *m = xcalloc(1, sizeof(*m));

	m->base.ops = &meeting_ops;
	m->ui = ui;
	snprintf(m->id, sizeof(m->id), "%s", id);
	ui_lb_init(&m->lb, true);
	meeting_reload(m);
	return &m->base;
}
