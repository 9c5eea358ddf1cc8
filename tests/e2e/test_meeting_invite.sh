#!/bin/bash
# Issue 12: on a new partnership meeting's screen, I opens a checklist of
# one contact person of every cooperating partner, all ticked; Space
# unticks one, Enter invites the others at once. S saves the minutes (the
# full path of the file is said; the file holds the attendance) and K the
# meeting as an iCalendar file.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
partners=$(sqlite3 "$E2E_DB" "SELECT count(*) FROM partners p WHERE status IN ('declared', 'informal')
	AND EXISTS (SELECT 1 FROM contacts c WHERE c.partner_id = p.id)")
[ "$partners" -ge 3 ] || fail "the demo has $partners cooperating partners with contacts"
e2e_start
wait_for "Basket"

keys 5
wait_for "newest first"
keys a
wait_for "New meeting"
line_with "Chair partner" | grep -q '[[:alpha:]]' || fail "no chair suggested in the form"
type_text "Posiedzenie z zaproszeniami"
keys F2
wait_for "Saved: Posiedzenie z zaproszeniami"
wait_for "Attendees (0)"
wait_for "Chair: "

# the checklist: everyone ticked; Space unticks the first
keys I
wait_for "Invite one person of every cooperating partner"
wait_for "[x] "
assert_not_contains "[ ] "
keys Space
wait_for "[ ] "
keys Enter
wait_for "$((partners - 1)) persons invited"
wait_for "Attendees ($((partners - 1)))"
[ "$(sqlite3 "$E2E_DB" "SELECT count(*) FROM attendees a JOIN meetings m ON m.id = a.meeting_id
	WHERE m.title = 'Posiedzenie z zaproszeniami'")" = $((partners - 1)) ] ||
	fail "the attendees were not stored"
# a second time only the unticked partner is offered
keys I
wait_for "[x] "
keys Escape
wait_gone "Invite one person"

# the minutes to a file: the full path is said
keys S
wait_for "Save the minutes as"
keys C-u
type_text "$E2E_DIR/protokol.html"
keys Enter
wait_for "The minutes were saved to $E2E_DIR/protokol.html"
grep -qF "Posiedzenie z zaproszeniami" "$E2E_DIR/protokol.html" || fail "the minutes lack the title"
grep -qF "Invited but absent ($((partners - 1)))" "$E2E_DIR/protokol.html" || fail "the minutes lack the attendance"
grep -qF "<!DOCTYPE html>" "$E2E_DIR/protokol.html" || fail "the minutes are not HTML"

# the calendar entry
keys K
wait_for "Save the calendar entry as"
keys C-u
type_text "$E2E_DIR/spotkanie.ics"
keys Enter
wait_for "saved for calendars to $E2E_DIR/spotkanie.ics"
grep -q "^BEGIN:VEVENT" "$E2E_DIR/spotkanie.ics" || fail "no VEVENT in the .ics"
e2e_pass
