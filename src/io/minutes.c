/* The minutes of a meeting as a printable document (printdoc.h), and the
 * meeting as an iCalendar event (see minutes.h). */
#include "koszyk/minutes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/audit.h"
#include "koszyk/basket.h"
#include "koszyk/i18n.h"
#include "koszyk/meetings.h"
#include "koszyk/model.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"
#include "printdoc.h"

/* --- the minutes ------------------------------------------------------------ */

static bool came(const struct kz_attendee *a)
{
	return a->attended && strcmp(a->attended, "1") == 0;
}

static void header(struct kz_doc *d, const struct kz_meeting *m)
{
	kz_doc_add(d, B_TITLE, NULL, m->title);
	kz_doc_add_date(d, B_META, _("Date"), m->date);
	kz_doc_add(d, B_META, _("Time"), m->time);
	kz_doc_add(d, B_META, _("Place"), m->place);
	kz_doc_add(d, B_META, _("Meeting of"), _(kz_enum_label(m->kind)));
	kz_doc_add(d, B_META, _("Case"), m->case_code);
	kz_doc_add(d, B_META, _("Host partner"), m->host_name);
	kz_doc_add(d, B_META, _("Chair partner"), m->chair_name);
}

/* Present, then invited but absent: one line each, the person and her
 * partner. */
static void attendance(struct kz_doc *d, const struct kz_meeting_full *f)
{
	for (int present = 1; present >= 0; present--) {
		size_t n = 0;
		for (size_t i = 0; i < f->nattendees; i++)
			n += came(&f->attendees[i]) == (bool)present;
		char *head = xasprintf(present ? _("Present (%zu)") : _("Invited but absent (%zu)"), n);
		kz_doc_add(d, B_HEAD, NULL, head);
		free(head);
		for (size_t i = 0; i < f->nattendees; i++) {
			const struct kz_attendee *a = &f->attendees[i];
			if (came(a) != (bool)present)
				continue;
			char *line = xasprintf("%s%s%s", a->contact_name ? a->contact_name : "",
					       a->partner_name ? ", " : "",
					       a->partner_name ? a->partner_name : "");
			kz_doc_add(d, B_ITEM, NULL, line);
			free(line);
		}
		if (n == 0)
			kz_doc_add(d, B_PARA, NULL, _("(nobody)"));
	}
}

static size_t decision_number(const struct kz_meeting_full *f, const char *id)
{
	for (size_t i = 0; id && i < f->ndecisions; i++)
		if (strcmp(f->decisions[i].id, id) == 0)
			return i + 1;
	return 0;
}

static void decisions(struct kz_doc *d, const struct kz_meeting_full *f)
{
	char *head = xasprintf(_("Decisions (%zu)"), f->ndecisions);

	kz_doc_add(d, B_HEAD, NULL, head);
	free(head);
	for (size_t i = 0; i < f->ndecisions; i++) {
		char *line = xasprintf("%zu. %s", i + 1, f->decisions[i].text ? f->decisions[i].text : "");
		kz_doc_add(d, B_ITEM, NULL, line);
		free(line);
	}
	if (f->ndecisions == 0)
		kz_doc_add(d, B_PARA, NULL, _("(none)"));
}

static void tasks(struct kz_doc *d, const struct kz_meeting_full *f)
{
	char *head = xasprintf(_("Tasks (%zu)"), f->ntasks);

	kz_doc_add(d, B_HEAD, NULL, head);
	free(head);
	for (size_t i = 0; i < f->ntasks; i++) {
		const struct kz_task *t = &f->tasks[i];
		char *who = xasprintf("%s%s%s", t->partner_name ? t->partner_name : "",
				      t->contact_name ? ", " : "", t->contact_name ? t->contact_name : "");
		size_t from = decision_number(f, t->decision_id);
		char num[32] = "";
		if (from)
			snprintf(num, sizeof(num), _("decision %zu"), from);
		kz_doc_add(d, B_ITEM, NULL, t->title);
		kz_doc_add(d, B_FIELD, _("Who"), who);
		kz_doc_add_date(d, B_FIELD, _("Due"), t->due_date);
		kz_doc_add(d, B_FIELD, _("Status"), _(kz_enum_label(t->status)));
		kz_doc_add(d, B_FIELD, _("From decision"), num);
		free(who);
	}
	if (f->ntasks == 0)
		kz_doc_add(d, B_PARA, NULL, _("(none)"));
}

static void build(struct kz_doc *d, const struct kz_meeting_full *f)
{
	const struct kz_meeting *m = &f->meeting;

	header(d, m);
	if (!kz_str_empty(m->agenda)) {
		kz_doc_add(d, B_HEAD, NULL, _("Agenda"));
		kz_doc_add(d, B_PARA, NULL, m->agenda);
	}
	if (!kz_str_empty(m->minutes)) {
		kz_doc_add(d, B_HEAD, NULL, _("Minutes"));
		kz_doc_add(d, B_PARA, NULL, m->minutes);
	}
	attendance(d, f);
	decisions(d, f);
	tasks(d, f);
}

enum kz_status kz_minutes_print(struct kz_db *db, const struct kz_config *cfg,
				const char *meeting_id, enum kz_plan_format fmt,
				struct kz_buf *out, struct kz_error *err)
{
	struct kz_meeting_full f;
	struct kz_doc d = { NULL, 0, 0 };
	enum kz_status st = kz_meeting_load(db, meeting_id, &f, err);

	if (st != KZ_OK)
		return st;
	/* a case team's minutes are read from the family's file */
	if (f.meeting.case_id)
		st = kz_case_note_read(db, f.meeting.case_id, "minutes", err);
	if (st != KZ_OK) {
		kz_meeting_full_free(&f);
		return st;
	}
	build(&d, &f);
	kz_doc_render(cfg, &d, fmt, out);
	kz_doc_free(&d);
	kz_meeting_full_free(&f);
	return KZ_OK;
}

/* --- iCalendar (RFC 5545) ---------------------------------------------------- */

#define ICS_OCTETS 75

/* The length of the UTF-8 character starting at s (1 for a stray byte). */
static size_t char_len(const unsigned char *s)
{
	size_t n = *s < 0x80 ? 1 : (*s & 0xe0) == 0xc0 ? 2 : (*s & 0xf0) == 0xe0 ? 3
		 : (*s & 0xf8) == 0xf0 ? 4 : 1;

	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

void kz_ics_line(struct kz_buf *out, const char *name, const char *value)
{
	struct kz_buf line = KZ_BUF_INIT;
	const unsigned char *p;
	size_t used = 0;

	kz_buf_puts(&line, name);
	kz_buf_putc(&line, ':');
	kz_buf_puts(&line, value ? value : "");
	/* 75 octets a line; a continuation starts with a space (counted). */
	for (p = (const unsigned char *)kz_buf_str(&line); *p;) {
		size_t n = char_len(p);
		if (used + n > ICS_OCTETS) {
			kz_buf_puts(out, "\r\n ");
			used = 1;
		}
		kz_buf_add(out, (const char *)p, n);
		used += n;
		p += n;
	}
	kz_buf_puts(out, "\r\n");
	kz_buf_free(&line);
}

void kz_ics_escape(struct kz_buf *out, const char *text)
{
	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
		switch (*p) {
		case '\\': kz_buf_puts(out, "\\\\"); break;
		case ';': kz_buf_puts(out, "\\;"); break;
		case ',': kz_buf_puts(out, "\\,"); break;
		case '\n': kz_buf_puts(out, "\\n"); break;
		case '\r': break;
		case 0xc2:
			/* C1 controls (U+0080-U+009F) are left out too */
			if (p[1] >= 0x80 && p[1] <= 0x9f) {
				p++;
				break;
			}
			kz_buf_putc(out, (char)*p);
			break;
		default:
			/* other control characters are not TEXT (RFC 5545 3.3.11) */
			if (*p >= 0x20 && *p != 0x7f)
				kz_buf_putc(out, (char)*p);
			else if (*p == '\t')
				kz_buf_putc(out, ' ');
		}
	}
}

void kz_ics_text(struct kz_buf *out, const char *name, const char *text)
{
	struct kz_buf v = KZ_BUF_INIT;

	kz_ics_escape(&v, text);
	kz_ics_line(out, name, kz_buf_str(&v));
	kz_buf_free(&v);
}

/* Europe/Warsaw: CET, and CEST from the last Sunday of March to the last
 * Sunday of October (the rules in force since 1996). */
static const char *const warsaw[] = {
	"BEGIN:VTIMEZONE", "TZID:Europe/Warsaw",
	"BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
	"DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
	"DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE", NULL
};

static void put_raw(struct kz_buf *out, const char *const *lines)
{
	for (; *lines; lines++) {
		kz_buf_puts(out, *lines);
		kz_buf_puts(out, "\r\n");
	}
}

/* "2026-05-04T10:15:00.123Z" (a stamp) as 20260504T101500Z; now when it
 * is not one. */
static void utc_stamp(const char *iso, char out[17])
{
	char now[32];

	if (!iso || strlen(iso) < 19 || iso[10] != 'T') {
		kz_now_iso(now);
		iso = now;
	}
	snprintf(out, 17, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", iso, iso + 5, iso + 8,
		 iso + 11, iso + 14, iso + 17);
}

static void when(struct kz_buf *out, const struct kz_meeting *m)
{
	char d[9], end[11], v[64];
	int h, min;

	snprintf(d, sizeof(d), "%.4s%.2s%.2s", m->date, m->date + 5, m->date + 8);
	if (kz_str_empty(m->time) || sscanf(m->time, "%d:%d", &h, &min) != 2) {
		/* no time: the whole day */
		kz_date_add_days(m->date, 1, end);
		kz_ics_line(out, "DTSTART;VALUE=DATE", d);
		snprintf(v, sizeof(v), "%.4s%.2s%.2s", end, end + 5, end + 8);
		kz_ics_line(out, "DTEND;VALUE=DATE", v);
		return;
	}
	snprintf(v, sizeof(v), "%sT%02d%02d00", d, h, min);
	kz_ics_line(out, "DTSTART;TZID=Europe/Warsaw", v);
	/* two hours; past midnight the next day */
	if (h + 2 >= 24) {
		kz_date_add_days(m->date, 1, end);
		snprintf(v, sizeof(v), "%.4s%.2s%.2sT%02d%02d00", end, end + 5, end + 8,
			 h + 2 - 24, min);
	} else {
		snprintf(v, sizeof(v), "%sT%02d%02d00", d, h + 2, min);
	}
	kz_ics_line(out, "DTEND;TZID=Europe/Warsaw", v);
}

static void description(struct kz_buf *out, const struct kz_meeting *m)
{
	struct kz_buf t = KZ_BUF_INIT;

	kz_buf_printf(&t, "%s: %s", _("Meeting of"), _(kz_enum_label(m->kind)));
	if (m->case_code)
		kz_buf_printf(&t, "\n%s: %s", _("Case"), m->case_code);
	if (m->host_name)
		kz_buf_printf(&t, "\n%s: %s", _("Host partner"), m->host_name);
	if (m->chair_name)
		kz_buf_printf(&t, "\n%s: %s", _("Chair partner"), m->chair_name);
	if (!kz_str_empty(m->agenda))
		kz_buf_printf(&t, "\n\n%s:\n%s", _("Agenda"), m->agenda);
	kz_ics_text(out, "DESCRIPTION", kz_buf_str(&t));
	kz_buf_free(&t);
}

/* A parameter value: quoted, without the quotes and control characters
 * it may not hold. */
static void param_value(struct kz_buf *out, const char *s)
{
	kz_buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		if (*p >= 0x20 && *p != '"' && *p != 0x7f)
			kz_buf_putc(out, (char)*p);
	kz_buf_putc(out, '"');
}

/* Invited persons with an e-mail address; one without a plain address
 * (no '@', or characters an address does not hold) is left out. */
static void attendees(struct kz_db *db, struct kz_buf *out, const struct kz_meeting_full *f)
{
	for (size_t i = 0; i < f->nattendees; i++) {
		struct kz_contact c = { 0 };
		struct kz_error err = { 0 };
		if (kz_contact_get(db, f->attendees[i].contact_id, &c, &err) == KZ_OK &&
		    !kz_str_empty(c.email) && strchr(c.email, '@') &&
		    strcspn(c.email, " \t\r\n\";:,<>\\") == strlen(c.email)) {
			struct kz_buf name = KZ_BUF_INIT, value = KZ_BUF_INIT;
			kz_buf_puts(&name, "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=");
			param_value(&name, c.name);
			kz_buf_printf(&value, "mailto:%s", c.email);
			kz_ics_line(out, kz_buf_str(&name), kz_buf_str(&value));
			kz_buf_free(&name);
			kz_buf_free(&value);
		}
		kz_contact_clear(&c);
	}
}

enum kz_status kz_meeting_ics(struct kz_db *db, const char *meeting_id,
			      struct kz_buf *out, struct kz_error *err)
{
	struct kz_meeting_full f;
	const struct kz_meeting *m;
	char stamp[17], v[96];
	enum kz_status st = kz_meeting_load(db, meeting_id, &f, err);

	if (st != KZ_OK)
		return st;
	m = &f.meeting;
	kz_ics_line(out, "BEGIN", "VCALENDAR");
	kz_ics_line(out, "VERSION", "2.0");
	kz_ics_line(out, "PRODID", "-//koszyk//Lokalny Koszyk Uslug//PL");
	kz_ics_line(out, "CALSCALE", "GREGORIAN");
	if (!kz_str_empty(m->time))
		put_raw(out, warsaw);
	kz_ics_line(out, "BEGIN", "VEVENT");
	snprintf(v, sizeof(v), "%s@koszyk", m->id);
	kz_ics_line(out, "UID", v);
	/* when the meeting was last changed (RFC 5545 3.8.7.2, no METHOD) */
	utc_stamp(m->stamp.updated_at ? m->stamp.updated_at : m->stamp.created_at, stamp);
	kz_ics_line(out, "DTSTAMP", stamp);
	snprintf(v, sizeof(v), "%ld", m->stamp.rev > 0 ? m->stamp.rev - 1 : 0);
	kz_ics_line(out, "SEQUENCE", v);
	when(out, m);
	kz_ics_text(out, "SUMMARY", m->title);
	if (!kz_str_empty(m->place))
		kz_ics_text(out, "LOCATION", m->place);
	description(out, m);
	attendees(db, out, &f);
	kz_ics_line(out, "END", "VEVENT");
	kz_ics_line(out, "END", "VCALENDAR");
	kz_meeting_full_free(&f);
	return KZ_OK;
}
