#!/bin/bash
# Editing a filled field (issue 12, item 3): the cursor starts at the end
# of the text, as in readline, so Backspace changes the end of a date and
# nothing is typed in front of the old text; a date typed after the old
# one is "not a date", never "too long"; Ctrl-U clears and a date written
# DD.MM.YYYY is saved as YYYY-MM-DD.
. "$(dirname "$0")/lib.sh"

TITLE="Usługa z terminem do zmiany"
e2e_demo_db
printf 'title,provider,valid_from\n"%s","Urząd Gminy Brzozowa Wola",2026-12-15\n' "$TITLE" >"$E2E_DIR/s.csv"
kz import csv services "$E2E_DIR/s.csv" >/dev/null 2>&1 || fail "import failed"

valid_from() {
	kz list services --json 2>/dev/null | jq -r --arg t "$TITLE" '.[] | select(.title == $t) | .valid_from'
}

# Open the service's form and go to its first date field ("Valid from").
edit_valid_from() {
	keys e
	wait_for "Edit service"
	# The dates are on the second page (Tab stays on a page).
	keys NPage
	wait_for "page 2 of 2"
	local i
	for i in $(seq 40); do
		screen | grep -qF "A date as" && return 0
		keys Tab
		sleep 0.2
	done
	fail "no date field in the form"
}

e2e_start
wait_for "Basket of services"
search "terminem do zmiany"
keys Enter
wait_line 24 "Enter Open"
wait_for "$(prefix "$TITLE" 25)"

edit_valid_from
wait_for "2026-12-15"
keys BSpace BSpace
type_text "20"
keys F2
wait_for "Saved:"
[ "$(valid_from)" = 2026-12-20 ] || fail "Backspace and 20 saved \"$(valid_from)\", not 2026-12-20"

edit_valid_from
wait_for "2026-12-20"
type_text "2027-02-01"
wait_for "2026-12-202027-02-01"
keys F2
wait_for "is not a date"
assert_not_contains "too long"
keys C-u
type_text "1.2.2027"
keys F2
wait_for "Saved:"
[ "$(valid_from)" = 2027-02-01 ] || fail "1.2.2027 saved as \"$(valid_from)\", not 2027-02-01"
keys Q
wait_exit >/dev/null
e2e_pass
