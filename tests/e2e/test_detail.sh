#!/bin/bash
# Enter opens the detail view of an entry with every field, long text
# wrapped to the window; q goes back to the list as it was.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
e2e_start
wait_for "Basket of services"
search "zlobek"
wait_for "Żłobek"
keys Enter
wait_for "f Filter"
keys Enter
wait_for "Access conditions"
wait_line 1 "Service or activity"
for label in "Kind" "Description" "Provider" "Category" "Target groups" "How to get it"; do
	assert_screen_contains "$label"
done
assert_screen_contains "Żłobek"
# Long text is wrapped under its label, not cut.
n=$(screen | grep -n "Access conditions" | cut -d: -f1)
screen_line $((n + 1)) | grep -qE '^ {20,}[^ ]' || fail "access conditions are not wrapped"
# Nothing is drawn past the right edge: every line fits 80 columns.
screen | while IFS= read -r line; do
	[ "${#line}" -le 80 ] || { echo "too long: $line" >&2; exit 1; }
done || fail "a line is wider than the window"
# The view scrolls to the rest of the fields and to who added the entry.
keys NPage
wait_for "Area served"
for label in "Place" "Opening hours" "Waiting time" "Contact person" "Valid from"; do
	assert_screen_contains "$label"
done
keys End
wait_for "Verified by"
wait_for "Last verified on"
wait_for "Added on"
keys Home
wait_for "Access conditions"
keys q
wait_for 'Search: "zlobek"'
wait_for "f Filter"
e2e_pass
