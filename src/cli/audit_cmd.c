/* koszyk audit [CASE_CODE] [--json]: the audit trail, oldest first. A
 * coordinator reads all of it, a worker the entries of the cases they see
 * (the data layer decides). Entries hold no names, only kinds, ids and
 * case codes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "koszyk/audit.h"
#include "koszyk/buf.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"

#define EM_DASH "\xe2\x80\x94"

/* "2026-05-15 12:11:09" in local time from the stored UTC time. */
static void local_time(const char *iso, char out[32])
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (!iso || sscanf(iso, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon,
			   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, 32, "%s", iso ? iso : "");
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm);
}

static void text_entry(struct kz_buf *b, const struct kz_audit_entry *e)
{
	char when[32];

	local_time(e->at, when);
	kz_buf_printf(b, "%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", e->seq, when,
		      e->user ? e->user : "", kz_audit_word(e->action),
		      kz_audit_word(e->kind),
		      !kz_str_empty(e->case_code) ? e->case_code : EM_DASH,
		      e->redacted ? _("(details removed when the case was erased)")
				  : e->summary ? e->summary : "");
}

static void json_field(struct kz_buf *b, const char *key, const char *value)
{
	kz_buf_putc(b, ',');
	kz_buf_json_string(b, key);
	kz_buf_putc(b, ':');
	kz_buf_json_string(b, value);
}

static void json_entry(struct kz_buf *b, const struct kz_audit_entry *e)
{
	struct kz_buf title = KZ_BUF_INIT;

	kz_buf_printf(&title, "%s %s %s %s", e->at ? e->at : "", e->user ? e->user : "",
		      e->action ? e->action : "", e->kind ? e->kind : "");
	if (!kz_str_empty(e->case_code))
		kz_buf_printf(&title, " %s", e->case_code);
	kz_buf_printf(b, "{\"kind\":\"audit\",\"id\":%lld", e->seq);
	json_field(b, "title", kz_buf_str(&title));
	kz_buf_printf(b, ",\"seq\":%lld", e->seq);
	json_field(b, "at", e->at);
	json_field(b, "user", e->user);
	json_field(b, "action", e->action);
	json_field(b, "record_kind", e->kind);
	json_field(b, "ref", e->ref);
	json_field(b, "case", kz_str_empty(e->case_code) ? NULL : e->case_code);
	json_field(b, "summary", e->summary);
	kz_buf_printf(b, ",\"redacted\":%s}", e->redacted ? "true" : "false");
	kz_buf_free(&title);
}

enum kz_status kz_cmd_audit(struct kz_cli *cli, struct kz_error *err)
{
	struct kz_audit_entries entries = { 0 };
	struct kz_buf out = KZ_BUF_INIT;
	struct kz_opts o;
	const char *code;
	bool json;
	enum kz_status st;

	st = kz_cli_parse(cli, 1, KZ_OPT_JSON, 2, &o, err);
	if (st != KZ_OK)
		return st;
	if (o.npos > 1)
		return kz_fail(err, KZ_INVALID, _("usage: koszyk audit [CASE_CODE] [--json]"));
	json = o.json;
	code = o.npos ? o.pos[0] : NULL;
	st = kz_cli_open_db(cli, err);
	if (st == KZ_OK)
		st = kz_audit_list(cli->db, code, &entries, err);
	if (st != KZ_OK)
		return st;
	if (json)
		kz_buf_putc(&out, '[');
	for (size_t i = 0; i < entries.n; i++) {
		if (json) {
			if (i)
				kz_buf_puts(&out, ",\n");
			json_entry(&out, &entries.v[i]);
		} else {
			text_entry(&out, &entries.v[i]);
		}
	}
	if (json)
		kz_buf_puts(&out, "]\n");
	st = kz_cli_output(NULL, kz_buf_str(&out), out.len, err);
	kz_audit_entries_free(&entries);
	kz_buf_free(&out);
	return st;
}
