/* The sync screen: which replica this is, what it holds, and the three
 * ways to exchange changes (sync.h): a change file written for another
 * computer, a change file brought from one, and both ways over ssh. The
 * ssh exchange runs outside curses, so that ssh can ask for a password on
 * the terminal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "koszyk/access.h"
#include "koszyk/sync.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "ui_internal.h"

#define TARGET_KEY "sync_target"

struct sync_screen {
	struct ui_screen base;
	struct ui *ui;
	struct kz_sync_info info;
	bool have_info;
	char *target;  /* the last ssh target, or NULL */
	char *result;  /* what the last exchange did, or NULL */
	bool result_error;
	bool details;  /* show the ids and the clock (D) */
};

static struct sync_screen *SS(struct ui_screen *s)
{
	return (struct sync_screen *)s;
}

static void sync_load(struct sync_screen *ss)
{
	struct kz_error err = { 0 };

	if (ss->have_info)
		kz_sync_info_clear(&ss->info);
	memset(&ss->info, 0, sizeof(ss->info));
	ss->have_info = kz_sync_info(ss->ui->db, &ss->info, &err) == KZ_OK;
	if (!ss->have_info)
		ui_error(ss->ui, "%s", err.msg);
	free(ss->target);
	ss->target = kz_db_meta_get(ss->ui->db, TARGET_KEY);
}

static void set_result(struct sync_screen *ss, bool error, char *text)
{
	free(ss->result);
	ss->result = text;
	ss->result_error = error;
	if (error)
		ui_error(ss->ui, "%s", text);
	else
		ui_message(ss->ui, "%s", text);
}

/* --- paths ------------------------------------------------------------------------ */

/* "~/x" and "~" are in the home directory. */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");

	/* A whole path typed after the "~/" offered. */
	if (path[0] == '~' && path[1] == '/' && path[2] == '/')
		return xstrdup(path + 2);
	if (home && *home && path[0] == '~' && (path[1] == '/' || !path[1]))
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

/* ~/koszyk-changes-DATE.sync, or -2, -3 ... when that file is there. */
static char *default_export_path(void)
{
	const char *home = getenv("HOME");
	char today[11], *path = NULL;

	kz_today(today);
	for (int n = 1; n < 100; n++) {
		char *full;
		free(path);
		path = n == 1 ? xasprintf("~/koszyk-changes-%s.sync", today)
			      : xasprintf("~/koszyk-changes-%s-%d.sync", today, n);
		full = expand_home(path);
		bool taken = access(full, F_OK) == 0;
		free(full);
		if (!taken)
			break;
	}
	if (!home || !*home) {
		char *plain = xstrdup(path + 2);
		free(path);
		path = plain;
	}
	return path;
}

/* --- what an exchange did, in words -------------------------------------------------- */

static char *received_text(const struct kz_sync_stats *st)
{
	char *text = xasprintf(ngettext("received %ld new change (%ld already here)",
					"received %ld new changes (%ld already here)",
					(unsigned long)st->tx_applied),
			       st->tx_applied, st->tx_skipped);
	char *more;

	if (st->conflicts_new > 0) {
		more = xasprintf(ngettext("%s; %ld new conflict: press 8 to settle it.",
					  "%s; %ld new conflicts: press 8 to settle them.",
					  (unsigned long)st->conflicts_new),
				 text, st->conflicts_new);
	} else {
		more = xasprintf(_("%s; no new conflicts."), text);
	}
	free(text);
	if (st->tx_waiting > 0) {
		text = xasprintf(_("%s %ld changes wait for changes from another computer; they will come with a later exchange."),
				 more, st->tx_waiting);
		free(more);
		more = text;
	}
	if (st->tx_refused > 0) {
		text = xasprintf(_("%s %ld changes were refused (their author may not make them): press 8."),
				 more, st->tx_refused);
		free(more);
		more = text;
	}
	if (st->cases_arrived > 0) {
		text = xasprintf(_("%s Cases that arrived whole (shared with you or given to you): %ld."),
				 more, st->cases_arrived);
		free(more);
		more = text;
	}
	if (st->cases_replaced > 0) {
		text = xasprintf(_("%s Cases taken again as the office holds them (a change made here was refused there): %ld."),
				 more, st->cases_replaced);
		free(more);
		more = text;
	}
	if (st->cases_left > 0) {
		text = xasprintf(_("%s Cases that left this computer (no longer shared with you or no longer yours): %ld."),
				 more, st->cases_left);
		free(more);
		more = text;
	}
	return more;
}

/* The first letter in capitals for a sentence made of parts (ASCII only;
 * the parts start with ASCII in every catalogue we have). */
static char *sentence(char *text)
{
	if (text[0] >= 'a' && text[0] <= 'z')
		text[0] = (char)(text[0] - 'a' + 'A');
	return text;
}

/* --- the three exchanges ---------------------------------------------------------- */

/* A coordinator says whose laptop the file is for: a worker's gets only
 * her cases (the data layer writes what that person may see). false:
 * the question was left with Esc. */
static bool export_for_whom(struct ui *ui, char **login)
{
	struct ui_pick p = { 0 };
	bool chosen;

	*login = NULL;
	if (!kz_may(ui->db, KZ_RIGHT_ALL_CASES) || !ui->cfg)
		return true;
	p.title = _("Who is the file for?");
	ui_pick_add(&p, _("A replica with every case (a coordinator's)"), NULL, NULL);
	for (size_t i = 0; i < ui->cfg->n_users; i++) {
		const struct kz_user *u = &ui->cfg->users[i];
		if (u->role == KZ_ROLE_WORKER)
			ui_pick_add(&p, u->name ? u->name : u->login, u->login,
				    _("laptop: her cases only"));
	}
	if (p.n == 1) {
		ui_pick_free_items(&p);
		return true;
	}
	chosen = ui_pick_run(ui, &p);
	if (chosen && p.items[p.chosen].value)
		*login = xstrdup(p.items[p.chosen].value);
	ui_pick_free_items(&p);
	if (!chosen)
		ui_message(ui, "%s", _("Nothing written."));
	return chosen;
}

static void do_export(struct sync_screen *ss)
{
	struct ui *ui = ss->ui;
	struct kz_sync_stats st;
	struct kz_error err = { 0 };
	struct ui_meter p;
	char *def = default_export_path(), *typed, *path;

	typed = ui_ask(ui, _("Write the changes to the file: "), def);
	free(def);
	if (!typed)
		return;
	kz_trim(typed);
	if (!*typed) {
		free(typed);
		ui_message(ui, "%s", _("Nothing written: no file name given."));
		return;
	}
	path = expand_home(typed);
	free(typed);
	if (access(path, F_OK) == 0) {
		ui_error(ui, _("That file is there already; give the name of a new file: %s"), path);
		free(path);
		return;
	}
	char *login = NULL;
	if (!export_for_whom(ui, &login)) {
		free(path);
		return;
	}
	memset(&st, 0, sizeof(st));
	ui_meter_begin(&p, ui, _("Writing the changes:"), false);
	enum kz_status rc = kz_sync_export_for(ui->db, path, login, &st, ui_meter_fn, &p, &err);
	ui_meter_end(&p);
	if (rc != KZ_OK) {
		set_result(ss, true, xstrdup(err.msg));
	} else {
		char *full = kz_path_full(path);
		char *text = xasprintf(ngettext("Wrote %ld change to %s.",
						"Wrote %ld changes to %s.",
						(unsigned long)st.tx_sent),
				       st.tx_sent, full);
		free(full);
		if (login) {
			char *more = xasprintf(_("%s For the laptop of %s: only the cases %s may see."),
					       text, login, login);
			free(text);
			text = more;
		}
		set_result(ss, false, text);
	}
	free(login);
	free(path);
	sync_load(ss);
}

static void do_import(struct sync_screen *ss)
{
	struct ui *ui = ss->ui;
	struct kz_sync_stats st;
	struct kz_error err = { 0 };
	struct ui_meter p;
	char *typed, *path;

	typed = ui_ask(ui, _("Apply the change file: "), "~/");
	if (!typed)
		return;
	kz_trim(typed);
	if (!*typed || strcmp(typed, "~/") == 0) {
		free(typed);
		ui_message(ui, "%s", _("Nothing applied: no file name given."));
		return;
	}
	path = expand_home(typed);
	free(typed);
	memset(&st, 0, sizeof(st));
	ui_meter_begin(&p, ui, _("Applying the changes:"), false);
	enum kz_status rc = kz_sync_import(ui->db, path, &st, ui_meter_fn, &p, &err);
	ui_meter_end(&p);
	if (rc != KZ_OK)
		set_result(ss, true, xstrdup(err.msg));
	else
		set_result(ss, false, sentence(received_text(&st)));
	free(path);
	sync_load(ss);
}

/* ssh may ask for a password or a host key on the terminal: curses steps
 * aside while it runs, and the screen is drawn again after. */
static void do_ssh(struct sync_screen *ss)
{
	struct ui *ui = ss->ui;
	struct kz_sync_stats st;
	struct kz_error err = { 0 };
	struct ui_meter p;
	enum kz_status rc;
	char *target;

	target = ui_ask(ui, _("Sync with [USER@]HOST[:DATABASE]: "),
			ss->target ? ss->target : "");
	if (!target)
		return;
	kz_trim(target);
	if (!*target) {
		free(target);
		ui_message(ui, "%s", _("Nothing exchanged: no computer given."));
		return;
	}
	memset(&st, 0, sizeof(st));
	def_prog_mode();
	endwin();
	printf("\n");
	printf(_("Syncing with %s\xe2\x80\xa6"), target);
	printf("\n");
	fflush(stdout);
	ui_meter_begin(&p, ui, _("Exchanging changes:"), true);
	rc = kz_sync_ssh(ui->db, target, &st, ui_meter_fn, &p, &err);
	ui_meter_end(&p);
	printf("\n");
	fflush(stdout);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	ui->dirty = true;
	if (rc != KZ_OK) {
		set_result(ss, true, xstrdup(err.msg));
	} else {
		char *recv = received_text(&st);
		set_result(ss, false, xasprintf(ngettext("Sent %ld change, %s", "Sent %ld changes, %s",
						   (unsigned long)st.tx_sent),
					  st.tx_sent, recv));
		free(recv);
		if (kz_db_meta_set(ui->db, TARGET_KEY, target, &err) != KZ_OK)
			ui_error(ui, "%s", err.msg);
	}
	free(target);
	sync_load(ss);
	ui_draw(ui);
}

/* --- the screen ---------------------------------------------------------------------- */

static void info_line(WINDOW *w, int y, int width, const char *label,
		      const char *value)
{
	int lw = 26;

	if (width < 60)
		lw = 18;
	wattrset(w, ui_look(UI_LOOK_LABEL));
	ui_draw_text(w, y, 1, label, lw - 2);
	wattrset(w, A_NORMAL);
	ui_draw_text(w, y, lw, value, width - lw - 1);
}

static void key_line(WINDOW *w, int y, int width, enum ui_action a, const char *text)
{
	wattrset(w, ui_look(UI_LOOK_KEY));
	ui_draw_text(w, y, 3, ui_action_key(a), 4);
	wattrset(w, A_NORMAL);
	ui_draw_text(w, y, 8, text, width - 9);
}

/* "2026-05-04T14:02:11.000Z" as "2026-05-04 14:02". */
static void when_text(const char *iso, char out[20])
{
	snprintf(out, 20, "%.16s", iso ? iso : "");
	for (char *c = out; *c; c++)
		if (*c == 'T')
			*c = ' ';
}

/* What waits to be sent, the last exchange, what arrived. */
static int draw_exchange(struct sync_screen *ss, WINDOW *w, int width, int y)
{
	const struct kz_sync_info *in = &ss->info;
	char when[20];
	char *text;

	if (in->unsent == 0)
		text = xstrdup(_("nothing: every change made here has been sent"));
	else if (in->npeers == 0)
		text = xasprintf(ngettext("%ld change made here; this computer has not exchanged yet",
					  "%ld changes made here; this computer has not exchanged yet",
					  (unsigned long)in->unsent), in->unsent);
	else
		text = xasprintf(ngettext("%ld change made here since the last exchange",
					  "%ld changes made here since the last exchange",
					  (unsigned long)in->unsent), in->unsent);
	info_line(w, y++, width, _("Waiting to be sent:"), text);
	free(text);
	if (in->npeers) {
		const struct kz_sync_peer *p = &in->peers[0];
		when_text(p->seen_at, when);
		text = p->name ? xasprintf(_("%s, with %s"), when, p->name)
			       : xstrdup(when);
	} else {
		text = xstrdup(_("never"));
	}
	info_line(w, y++, width, _("Last exchange:"), text);
	free(text);
	when_text(in->received_newest, when);
	text = in->received
		? xasprintf(ngettext("%ld change from other computers, the newest written %s",
				     "%ld changes from other computers, the newest written %s",
				     (unsigned long)in->received), in->received, when)
		: xstrdup(_("nothing yet"));
	info_line(w, y++, width, _("Arrived:"), text);
	free(text);
	return y;
}

/* The state of this copy in plain words; its ids only when asked (D). */
static int draw_state(struct sync_screen *ss, WINDOW *w, int width, int y)
{
	char *text;

	y = draw_exchange(ss, w, width, y);
	text = ss->info.conflicts > 0
	       ? xasprintf(_("%ld to settle (press 8)"), ss->info.conflicts)
	       : xstrdup(_("none"));
	if (ss->info.conflicts > 0)
		wattron(w, ui_look(UI_LOOK_STALE));
	info_line(w, y++, width, _("Conflicts:"), text);
	free(text);
	if (ss->info.need_to_know) {
		text = xasprintf(_("%s: only the cases %s may see (%ld)"),
				 ss->info.owner ? ss->info.owner : "?",
				 ss->info.owner ? ss->info.owner : "?", ss->info.cases_held);
		info_line(w, y++, width, _("Belongs to:"), text);
		free(text);
	}
	if (!ss->details)
		return y;
	info_line(w, y++, width, _("This computer's copy:"),
		  ss->info.replica_id ? ss->info.replica_id : "");
	info_line(w, y++, width, _("Partnership:"),
		  ss->info.partnership_id ? ss->info.partnership_id : "");
	text = xasprintf(_("%ld written here, %ld in all"), ss->info.tx_local,
			 ss->info.tx_total);
	info_line(w, y++, width, _("Changes:"), text);
	free(text);
	info_line(w, y++, width, _("Holds:"), ss->info.clock ? ss->info.clock : "");
	return y;
}

static void sync_draw(struct ui_screen *s, struct ui *ui)
{
	struct sync_screen *ss = SS(s);
	WINDOW *w = ui->body;
	int width = ui_body_w(ui), h = ui_body_h(ui), y = 0;
	char *text;

	if (ss->have_info)
		y = draw_state(ss, w, width, y);
	y++;
	wattrset(w, ui_look(UI_LOOK_HEADING));
	ui_draw_text(w, y++, 1, _("Exchange changes"), width - 2);
	wattrset(w, A_NORMAL);
	key_line(w, y++, width, UI_ACT_SYNC_EXPORT,
		 _("write the changes to a file for another computer (USB stick, e-mail)"));
	key_line(w, y++, width, UI_ACT_SYNC_IMPORT,
		 _("apply a change file brought from another computer"));
	if (ss->target && *ss->target) {
		text = xasprintf(_("exchange both ways over ssh (last time with %s)"), ss->target);
		key_line(w, y++, width, UI_ACT_SYNC_SSH, text);
		free(text);
	} else {
		key_line(w, y++, width, UI_ACT_SYNC_SSH,
			 _("exchange both ways over ssh, e.g. with the office server"));
	}
	if (ss->have_info && ss->info.npeers > 0 && y + 3 < h) {
		/* Who this copy has exchanged with: a coordinator sees which
		 * laptop has not synced for a while. */
		y++;
		wattrset(w, ui_look(UI_LOOK_HEADING));
		ui_draw_text(w, y++, 1, _("Exchanged with"), width - 2);
		wattrset(w, A_NORMAL);
		for (size_t i = 0; i < ss->info.npeers && i < 3 && y < h; i++) {
			const struct kz_sync_peer *p = &ss->info.peers[i];
			char when[20];
			snprintf(when, sizeof(when), "%.16s", p->seen_at ? p->seen_at : "");
			for (char *c = when; *c; c++)
				if (*c == 'T')
					*c = ' ';
			text = xasprintf(_("%s, %s: it lacked %ld changes then"),
					 p->name ? p->name : p->replica, when, p->behind);
			ui_draw_text(w, y++, 3, text, width - 4);
			free(text);
		}
	}
	if (!ss->result || y + 2 >= h)
		return;
	y++;
	wattrset(w, ui_look(UI_LOOK_HEADING));
	ui_draw_text(w, y++, 1, _("Last exchange"), width - 2);
	wattrset(w, ss->result_error ? ui_look(UI_LOOK_STALE) : A_NORMAL);
	{
		struct ui_lines lines = { 0 };
		ui_wrap(&lines, ss->result, width - 2);
		for (size_t i = 0; i < lines.n && y < h; i++)
			ui_draw_wtext(w, y++, 1, lines.v[i], wcslen(lines.v[i]), width - 2);
		ui_lines_free(&lines);
	}
	wattrset(w, A_NORMAL);
}

static void sync_title(struct ui_screen *s, struct ui *ui, char *name, size_t nn,
		       char *info, size_t ni)
{
	struct sync_screen *ss = SS(s);

	(void)ui;
	snprintf(name, nn, "%s", _("Sync"));
	if (ss->have_info && ss->info.conflicts > 0)
		snprintf(info, ni, _("%ld conflicts"), ss->info.conflicts);
	else
		info[0] = '\0';
}

static const struct ui_legend sync_legend_items[] = {
	{ UI_ACT_HELP, NULL }, { UI_ACT_SYNC_EXPORT, NULL }, { UI_ACT_SYNC_IMPORT, NULL },
	{ UI_ACT_SYNC_SSH, NULL }, { UI_ACT_SYNC_DETAILS, NULL }, { UI_ACT_CONFLICTS, NULL },
	{ UI_ACT_BACK, NULL },
	{ UI_ACT_NONE, NULL }
};

static const struct ui_legend *sync_legend(struct ui_screen *s, struct ui *ui)
{
	(void)s;
	(void)ui;
	return sync_legend_items;
}

static bool sync_action(struct ui_screen *s, struct ui *ui, enum ui_action a)
{
	struct sync_screen *ss = SS(s);

	(void)ui;
	switch (a) {
	case UI_ACT_SYNC:  /* already here: read again */
		sync_load(ss);
		return true;
	case UI_ACT_SYNC_EXPORT: do_export(ss); return true;
	case UI_ACT_SYNC_IMPORT: do_import(ss); return true;
	case UI_ACT_SYNC_SSH: do_ssh(ss); return true;
	case UI_ACT_SYNC_DETAILS:
		ss->details = !ss->details;
		return true;
	default:
		return false;
	}
}

static void sync_reveal(struct ui_screen *s, struct ui *ui)
{
	(void)ui;
	sync_load(SS(s));
}

static void sync_destroy(struct ui_screen *s)
{
	struct sync_screen *ss = SS(s);

	if (ss->have_info)
		kz_sync_info_clear(&ss->info);
	free(ss->target);
	free(ss->result);
	free(ss);
}

static const struct ui_screen_ops sync_ops = {
	.draw = sync_draw,
	.action = sync_action,
	.reveal = sync_reveal,
	.title = sync_title,
	.legend = sync_legend,
	.destroy = sync_destroy,
	.groups = UI_G_SYNC,
};

struct ui_screen *ui_sync_new(struct ui *ui)
{
	struct sync_screen *ss = xcalloc(1, sizeof(*ss));

	ss->base.ops = &sync_ops;
	ss->ui = ui;
	sync_load(ss);
	return &ss->base;
}
