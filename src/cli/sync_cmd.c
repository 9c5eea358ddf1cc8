/* sync clone|export|import|ssh|status|dump|serve|serve-clone, list
 * conflicts and conflict resolve. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "koszyk/access.h"
#include "koszyk/buf.h"
#include "koszyk/i18n.h"
#include "koszyk/sync.h"
#include "koszyk/xalloc.h"

/* "usage: koszyk sync SYNOPSIS", the synopsis as the command table has it
 * (translated: PLIK, not FILE). */
static enum kz_status usage_of(const char *command, const char *synopsis,
			       struct kz_error *err)
{
	char line[256];

	snprintf(line, sizeof(line), "%s %s", command, _(synopsis));
	return kz_fail(err, KZ_INVALID, _("usage: koszyk %s"), line);
}

static enum kz_status need_args(struct kz_cli *cli, int n, const char *synopsis,
				struct kz_error *err)
{
	if (cli->argc != n)
		return usage_of("sync", synopsis, err);
	return KZ_OK;
}

/* SOURCE is remote when it is HOST:PATH (no slash before the colon). */
static bool is_remote(const char *source)
{
	const char *colon = strchr(source, ':');
	const char *slash = strchr(source, '/');

	return colon && colon != source && (!slash || slash > colon);
}

/* A clone on this computer belongs to the person making it (in a demo,
 * the user acted as, which the source must allow). */
static enum kz_status clone_local(struct kz_cli *cli, struct kz_error *err)
{
	const char *owner = cli->login;

	if (cli->act_as) {
		struct kz_db *src;
		enum kz_status st = kz_db_open(cli->argv[2], KZ_OPEN_EXISTING, &src, err);
		if (st == KZ_OK)
			st = kz_db_act_as(src, &cli->cfg, cli->act_as, err);
		kz_db_close(src);
		if (st != KZ_OK)
			return st;
		owner = cli->act_as;
	}
	return kz_sync_clone(cli->argv[2], cli->db_path, &cli->cfg, owner, err);
}

static enum kz_status cmd_clone(struct kz_cli *cli, struct kz_error *err)
{
	enum kz_status st = need_args(cli, 3, N_("clone SOURCE"), err);

	if (st != KZ_OK)
		return st;
	if (cli->db_is_default && access(cli->db_path, F_OK) == 0)
		return kz_fail(err, KZ_INVALID,
			       _("Give the new database with -d: koszyk -d NEW.db sync clone SOURCE"));
	struct kz_cli_meter cm;
	kz_cli_meter_begin(&cm, _("Cloning:"));
	if (is_remote(cli->argv[2]))
		st = kz_sync_clone_ssh(cli->argv[2], cli->db_path, err);
	else
		st = clone_local(cli, err);
	kz_cli_meter_end(&cm);
	if (st == KZ_OK)
		printf(_("Created %s, a new replica of %s.\n"), cli->db_path, cli->argv[2]);
	return st;
}

static void print_received(const struct kz_sync_stats *s)
{
	printf(_("Received %ld new changes (%ld already here), %ld records changed.\n"),
	       s->tx_applied, s->tx_skipped, s->changes);
	if (s->conflicts_new > 0)
		printf(_("%ld new conflicts: see koszyk list conflicts.\n"), s->conflicts_new);
	if (s->tx_waiting > 0)
		printf(_("%ld changes need changes from another computer first; they will come again with a later exchange (sync with the office server).\n"),
		       s->tx_waiting);
	if (s->cases_arrived > 0)
		printf(_("Cases that arrived whole (shared with you or given to you): %ld.\n"),
		       s->cases_arrived);
	if (s->cases_left > 0)
		printf(_("Cases that left this computer (no longer shared with you or no longer yours): %ld.\n"),
		       s->cases_left);
	if (s->cases_replaced > 0)
		printf(_("Cases taken again as the office holds them (a change made here was refused there): %ld.\n"),
		       s->cases_replaced);
	if (s->tx_refused > 0)
		printf(_("%ld changes were refused: their author may not make them. They are kept aside for a coordinator (koszyk list dropped).\n"),
		       s->tx_refused);
}

/* sync export FILE [--for LOGIN] */
static enum kz_status cmd_export(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_sync_stats s;
	struct kz_opts o;
	const char *file, *login;
	enum kz_status st = kz_cli_parse(cli, 2, KZ_OPT_FOR, 1, &o, err);

	if (st != KZ_OK || o.npos != 1)
		return usage_of("sync", N_("export FILE [--for LOGIN]"), err);
	file = o.pos[0];
	login = o.for_login;
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK) {
		struct kz_cli_meter cm;
		kz_cli_meter_begin(&cm, _("Writing changes:"));
		st = kz_sync_export_for(cli->db, file, login, &s, kz_cli_meter_show, &cm, err);
		kz_cli_meter_end(&cm);
	}
	if (st == KZ_OK)
		printf(_("Wrote %ld changes to %s.\n"), s.tx_sent, file);
	if (st == KZ_OK && s.cases_sent > 0)
		printf(_("Cases written whole (newly shared or given to the person the file is for): %ld.\n"),
		       s.cases_sent);
	return st;
}

static enum kz_status cmd_import(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_sync_stats s;
	enum kz_status st = need_args(cli, 3, N_("import FILE"), err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st == KZ_OK) {
		struct kz_cli_meter cm;
		kz_cli_meter_begin(&cm, _("Applying changes:"));
		st = kz_sync_import(cli->db, cli->argv[2], &s, kz_cli_meter_show, &cm, err);
		kz_cli_meter_end(&cm);
	}
	if (st == KZ_OK)
		print_received(&s);
	return st;
}

static enum kz_status cmd_ssh(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_sync_stats s;
	enum kz_status st = need_args(cli, 3, N_("ssh [USER@]HOST[:DB]"), err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st == KZ_OK) {
		struct kz_cli_meter cm;
		kz_cli_meter_begin(&cm, _("Syncing:"));
		st = kz_sync_ssh(cli->db, cli->argv[2], &s, kz_cli_meter_show, &cm, err);
		kz_cli_meter_end(&cm);
	}
	if (st == KZ_OK) {
		printf(_("Sent %ld changes.\n"), s.tx_sent);
		print_received(&s);
	}
	return st;
}

static enum kz_status cmd_status(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_sync_info info;
	enum kz_status st = need_args(cli, 2, "status", err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_sync_info(cli->db, &info, err);
	if (st != KZ_OK)
		return st;
	printf(_("Waiting to be sent: %ld\n"), info.unsent);
	printf(_("Last exchange: %.16s\n"), info.npeers && info.peers[0].seen_at
	       ? info.peers[0].seen_at : _("never"));
	printf(_("Arrived from other computers: %ld\n"), info.received);
	printf(_("Partnership: %s\n"), info.partnership_id ? info.partnership_id : "");
	printf(_("This replica: %s\n"), info.replica_id);
	printf(_("Changes written here: %ld, in the log: %ld\n"), info.tx_local, info.tx_total);
	printf(_("Holds: %s\n"), info.clock);
	printf(_("Conflicts: %ld\n"), info.conflicts);
	if (info.need_to_know)
		printf(_("Belongs to: %s (holds the basket and only the cases %s may see: %ld)\n"),
		       info.owner ? info.owner : "?", info.owner ? info.owner : "?", info.cases_held);
	else if (info.owner)
		printf(_("Belongs to: %s (holds every case)\n"), info.owner);
	for (size_t i = 0; i < info.npeers; i++) {
		const struct kz_sync_peer *p = &info.peers[i];
		/* TRANSLATORS: a replica exchanged with: its name or id, when,
		 * and how many changes held here it had not received then. */
		printf(_("Exchanged with %s on %.16s; it lacked %ld changes then\n"),
		       p->name ? p->name : p->replica, p->seen_at ? p->seen_at : "", p->behind);
		if (p->retired)
			printf(_("  retired on %.10s (replica %s)\n"), p->retired, p->replica);
	}
	kz_sync_info_clear(&info);
	return KZ_OK;
}

/* sync compact: what left the log and why the rest stays. */
static enum kz_status cmd_compact(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_sync_compact_stats c;
	enum kz_status st = need_args(cli, 2, "compact", err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_sync_compact(cli->db, &c, err);
	if (st != KZ_OK)
		return st;
	printf(ngettext("Removed from the change log: %ld change (%ld field changes, %lld bytes).\n",
			"Removed from the change log: %ld changes (%ld field changes, %lld bytes).\n",
			(unsigned long)c.tx_removed),
	       c.tx_removed, c.changes_removed, c.bytes_removed);
	printf(ngettext("Kept: %ld change that some of the %ld computers exchanged with do not hold yet.\n",
			"Kept: %ld changes that some of the %ld computers exchanged with do not hold yet.\n",
			(unsigned long)c.tx_left),
	       c.tx_left, c.peers);
	if (c.tx_pinned > 0)
		printf(ngettext("Kept as well: %ld change a conflict, a dropped change or a partner's membership history refers to.\n",
				"Kept as well: %ld changes a conflict, a dropped change or a partner's membership history refers to.\n",
				(unsigned long)c.tx_pinned),
		       c.tx_pinned);
	if (c.peers_retired > 0)
		printf(_("Retired computers, not waited for: %ld.\n"), c.peers_retired);
	return KZ_OK;
}

static enum kz_status cmd_forget(struct kz_cli *cli, struct kz_error *err)
{
	enum kz_status st = need_args(cli, 3, N_("forget REPLICA"), err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_sync_forget(cli->db, cli->argv[2], err);
	if (st == KZ_OK)
		printf(_("Replica %s is retired: its changes are no longer waited for.\n"),
		       cli->argv[2]);
	return st;
}

static enum kz_status cmd_dump(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st = need_args(cli, 2, "dump", err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_sync_dump(cli->db, &out, err);
	if (st == KZ_OK)
		st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	return st;
}

static enum kz_status cmd_serve(struct kz_cli *cli, bool clone, struct kz_error *err)
{
	enum kz_status st = need_args(cli, 2, clone ? "serve-clone" : "serve", err);

	if (st == KZ_OK)
		st = kz_cli_open_db(cli, err);
	if (st != KZ_OK) {
		/* The near end reads our answer, not our stderr. */
		printf("ERR %d %s\n", (int)st, err->msg);
		fflush(stdout);
		return st;
	}
	return clone ? kz_sync_serve_clone(cli->db, STDOUT_FILENO, err)
		     : kz_sync_serve(cli->db, STDIN_FILENO, STDOUT_FILENO, err);
}

enum kz_status kz_cmd_sync(struct kz_cli *cli, struct kz_error *err)
{
	const char *verb = cli->argc > 1 ? cli->argv[1] : "";

	if (strcmp(verb, "clone") == 0)
		return cmd_clone(cli, err);
	if (strcmp(verb, "export") == 0)
		return cmd_export(cli, err);
	if (strcmp(verb, "import") == 0)
		return cmd_import(cli, err);
	if (strcmp(verb, "ssh") == 0)
		return cmd_ssh(cli, err);
	if (strcmp(verb, "status") == 0)
		return cmd_status(cli, err);
	if (strcmp(verb, "dump") == 0)
		return cmd_dump(cli, err);
	if (strcmp(verb, "compact") == 0)
		return cmd_compact(cli, err);
	if (strcmp(verb, "forget") == 0)
		return cmd_forget(cli, err);
	if (strcmp(verb, "serve") == 0)
		return cmd_serve(cli, false, err);
	if (strcmp(verb, "serve-clone") == 0)
		return cmd_serve(cli, true, err);
	return kz_fail(err, KZ_INVALID,
		       _("sync needs one of: clone SOURCE, export FILE, import FILE, ssh [USER@]HOST[:DB], status, compact, forget REPLICA"));
}

/* --- conflicts ----------------------------------------------------------------- */

static void conflicts_json(struct kz_db *cli_db, const struct kz_conflict_list *l,
			   struct kz_buf *b)
{
	kz_buf_putc(b, '[');
	for (size_t i = 0; i < l->n; i++) {
		const struct kz_conflict *c = &l->items[i];
		kz_buf_puts(b, i ? ",\n {" : "\n {");
		kz_buf_puts(b, "\"table\": ");
		kz_buf_json_string(b, c->table);
		kz_buf_puts(b, ", \"kind\": ");
		kz_buf_json_string(b, c->kind);
		kz_buf_puts(b, ", \"id\": ");
		kz_buf_json_string(b, c->row_id);
		kz_buf_puts(b, ", \"label\": ");
		kz_buf_json_string(b, c->label);
		kz_buf_puts(b, ", \"field\": ");
		kz_buf_json_string(b, c->field);
		kz_buf_puts(b, ", \"note\": ");
		kz_buf_json_string(b, c->note);
		kz_buf_puts(b, ", \"values\": [");
		for (size_t v = 0; v < c->nvalues; v++) {
			const struct kz_conflict_value *x = &c->values[v];
			char *ref = kz_conflict_ref_label(cli_db, c, x->value);
			kz_buf_puts(b, v ? ", {\"value\": " : "{\"value\": ");
			kz_buf_json_string(b, x->value);
			if (ref) {
				/* The record the value refers to, for people. */
				kz_buf_puts(b, ", \"refers_to\": ");
				kz_buf_json_string(b, ref);
				free(ref);
			}
			kz_buf_puts(b, ", \"replica\": ");
			kz_buf_json_string(b, x->replica);
			kz_buf_puts(b, ", \"user\": ");
			kz_buf_json_string(b, x->user);
			kz_buf_puts(b, ", \"at\": ");
			kz_buf_json_string(b, x->at);
			kz_buf_printf(b, ", \"current\": %s}", x->current ? "true" : "false");
		}
		kz_buf_puts(b, "]}");
	}
	kz_buf_puts(b, l->n ? "\n]\n" : "]\n");
}

static void conflicts_text(struct kz_db *cli_db, const struct kz_conflict_list *l,
			   struct kz_buf *b)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct kz_conflict *c = &l->items[i];
		kz_buf_printf(b, "%s %s \"%s\" %s: %s\n", c->table, c->row_id,
			      c->label ? c->label : "", c->field,
			      c->note ? _("two cases got the same code while offline") : "");
		for (size_t v = 0; v < c->nvalues; v++) {
			const struct kz_conflict_value *x = &c->values[v];
			char *ref = kz_conflict_ref_label(cli_db, c, x->value);
			kz_buf_printf(b, "  %s %s", x->current ? "*" : " ", ref ? ref : x->value ? x->value : "");
			free(ref);
			if (x->user)
				kz_buf_printf(b, "  (%s, %s)", x->user, x->at ? x->at : "");
			kz_buf_putc(b, '\n');
		}
	}
}

enum kz_status kz_cmd_list_conflicts(struct kz_cli *cli, bool json, struct kz_error *err)
{
	struct kz_conflict_list l;
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st = kz_cli_open_db(cli, err);

	if (st == KZ_OK)
		st = kz_conflicts_list(cli->db, &l, err);
	if (st != KZ_OK)
		return st;
	if (json)
		conflicts_json(cli->db, &l, &out);
	else
		conflicts_text(cli->db, &l, &out);
	st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	kz_conflict_list_free(&l);
	return st;
}

enum kz_status kz_cmd_list_dropped(struct kz_cli *cli, bool json, struct kz_error *err)
{
	struct kz_dropped_list l;
	struct kz_buf out = KZ_BUF_INIT;
	enum kz_status st = kz_cli_open_db(cli, err);

	if (st == KZ_OK)
		st = kz_dropped_list(cli->db, &l, err);
	if (st != KZ_OK)
		return st;
	if (json)
		kz_buf_putc(&out, '[');
	for (size_t i = 0; i < l.n; i++) {
		const struct kz_dropped *d = &l.items[i];
		if (!json && d->detail) {
			kz_buf_printf(&out, _("refused change %s#%lld of %s (%s): %s; it would have changed %s\n"),
				      d->replica, d->seq, d->user ? d->user : "", d->at ? d->at : "",
				      d->detail, d->fields ? d->fields : "");
			continue;
		}
		if (!json) {
			kz_buf_printf(&out, "%s %s %s: %s (%s, %s)\n", d->table, d->row_id,
				      strcmp(d->reason, "deleted") == 0
					      ? _("changed on one computer, deleted on another")
					      : _("a second row where only one may be"),
				      d->fields ? d->fields : "", d->user ? d->user : "",
				      d->at ? d->at : "");
			continue;
		}
		kz_buf_puts(&out, i ? ",\n {\"table\": " : "\n {\"table\": ");
		kz_buf_json_string(&out, d->table);
		kz_buf_puts(&out, ", \"kind\": ");
		kz_buf_json_string(&out, d->kind);
		kz_buf_puts(&out, ", \"id\": ");
		kz_buf_json_string(&out, d->row_id);
		kz_buf_puts(&out, ", \"reason\": ");
		kz_buf_json_string(&out, d->reason);
		kz_buf_puts(&out, ", \"fields\": ");
		kz_buf_json_string(&out, d->fields);
		kz_buf_puts(&out, ", \"replica\": ");
		kz_buf_json_string(&out, d->replica);
		kz_buf_puts(&out, ", \"user\": ");
		kz_buf_json_string(&out, d->user);
		kz_buf_puts(&out, ", \"at\": ");
		kz_buf_json_string(&out, d->at);
		if (d->detail) {
			kz_buf_printf(&out, ", \"seq\": %lld, \"why\": ", d->seq);
			kz_buf_json_string(&out, d->detail);
			kz_buf_printf(&out, ", \"changes\": %s", d->changes ? d->changes : "[]");
		}
		kz_buf_putc(&out, '}');
	}
	if (json)
		kz_buf_puts(&out, l.n ? "\n]\n" : "]\n");
	st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_buf_free(&out);
	kz_dropped_list_free(&l);
	return st;
}

/* conflict resolve TABLE ID FIELD=VALUE */
enum kz_status kz_cmd_conflict(struct kz_cli *cli, struct kz_error *err)
{
	const char *eq;
	char *field;
	enum kz_status st;

	if (cli->argc != 5 || strcmp(cli->argv[1], "resolve") != 0 ||
	    !(eq = strchr(cli->argv[4], '=')))
		return usage_of("conflict", N_("resolve TABLE ID FIELD=VALUE"), err);
	st = kz_cli_open_db(cli, err);
	if (st != KZ_OK)
		return st;
	field = xstrndup(cli->argv[4], (size_t)(eq - cli->argv[4]));
	st = kz_conflict_resolve(cli->db, cli->argv[2], cli->argv[3], field, eq + 1, err);
	/* Bad input (exit 2), with the message as it is: formatting it into
	 * itself left it empty. */
	if (st == KZ_NOT_FOUND && err)
		err->status = KZ_INVALID;
	if (st == KZ_NOT_FOUND)
		st = KZ_INVALID;
	free(field);
	return st;
}
