#!/bin/bash
# ? (and F1) shows every key with what it does, made from the action
# table; q goes back.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
e2e_start
wait_for "Basket of services"
keys ?
wait_line 1 "Help"
for text in "Everywhere" "F1, ?" "Show this help" "q, Esc" "F10, Q" "PgDn"; do
	assert_screen_contains "$text"
done
# The list of global keys grows; the next section is a line or two down.
keys Down Down Down
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
