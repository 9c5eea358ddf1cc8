#!/bin/bash
# ? (and F1) shows every key with what it does, made from the action
# table; q goes back.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
e2e_start
wait_for "Basket of services"
keys '?'
wait_line 1 "Help"
for text in "Everywhere" "F1, ?" "Show this help" "q, Esc" "F10, Q" "PgDn"; do
	assert_screen_contains "$text"
done
# The list of global keys grows; the next section is a line or two down.
# The last global key is U, acting as another user of a demo (issue 9);
# its line wraps, so the next section is two lines further than before.
keys Down Down Down Down Down
wait_for "In a demo database: act as another"
line_with "In a demo database: act as another" | grep -q '^ U ' ||
	fail "the act-as line does not start with its key U"
wait_for "Up, k"
assert_screen_contains "Moving in lists and views"
keys NPage
wait_for "Search as you type"
keys End
wait_for "Forms"
assert_screen_contains "F2, Ctrl-S"
keys q
wait_for "f Filter"
wait_line 1 "Basket of services"
keys F1
wait_line 1 "Help"
keys Escape
wait_line 1 "Basket of services"
e2e_pass
