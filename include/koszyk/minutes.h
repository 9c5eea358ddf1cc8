/* The minutes of a meeting, printed (text, Markdown, HTML for print), and
 * the meeting as an iCalendar event (RFC 5545) for the partners'
 * calendars. The command line (meeting minutes, meeting ics) and the
 * meeting screen call the same functions. Reading goes through the data
 * layer: a case team's meeting the principal may not see is no meeting. */
#ifndef KOSZYK_MINUTES_H
#define KOSZYK_MINUTES_H

#include <stddef.h>

#include "koszyk/buf.h"
#include "koszyk/config.h"
#include "koszyk/db.h"
#include "koszyk/plan_print.h"

/* Date, time, place, kind, host, chair (and a case team's case code),
 * the agenda, the minutes, the attendance (present; invited but absent),
 * the decisions numbered, the tasks (who, due, status, from which
 * decision); appended to out. */
enum kz_status kz_minutes_print(struct kz_db *db, const struct kz_config *cfg,
				const char *meeting_id, enum kz_plan_format fmt,
				struct kz_buf *out, struct kz_error *err);

/* One VCALENDAR with one VEVENT: UID from the meeting's id, DTSTAMP now
 * (UTC), DTSTART/DTEND in Europe/Warsaw time (a VTIMEZONE included; two
 * hours, or the whole day when the meeting has no time), SUMMARY,
 * LOCATION, DESCRIPTION (kind, host, chair, agenda), ATTENDEE of each
 * invited person with an e-mail address; CRLF line ends, lines folded at
 * 75 octets, text escaped. */
enum kz_status kz_meeting_ics(struct kz_db *db, const char *meeting_id,
			      struct kz_buf *out, struct kz_error *err);

/* The writer's pieces, for its tests: a content line NAME:VALUE (value
 * written as it is) folded at 75 octets, never inside a UTF-8 character,
 * ending in CRLF; and TEXT escaped (backslash, semicolon, comma, line
 * break as \n; other control characters left out). */
void kz_ics_line(struct kz_buf *out, const char *name, const char *value);
void kz_ics_escape(struct kz_buf *out, const char *text);
/* NAME:escaped text, folded. */
void kz_ics_text(struct kz_buf *out, const char *name, const char *text);

#endif
