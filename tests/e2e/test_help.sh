#!/bin/bash
# ? (and F1) shows every key with what it does, made from the action
# table; q goes back.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
e2e_start
wait_for "Basket of services"
keys '?'
wait_line 1 "Help"
# The basket's own keys come first (issue 12), then every key by where
# it applies.
wait_line 3 "On this screen"
assert_screen_contains "Mark the service as verified today by you"
keys NPage
for text in "Everywhere" "F1, ?" "Show this help" "F10, Q" "PgDn"; do
	assert_screen_contains "$text"
done
# The list of global keys grows; the next section is a line or two down.
# The last global key is U, acting as another user of a demo (issue 9);
# its line wraps, so the next section is two lines further than before.
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
wait_for "In a demo database: act as another"
line_with "In a demo database: act as another" | grep -q '^ U ' ||
	fail "the act-as line does not start with its key U"
wait_for "Up, k"
assert_screen_contains "Moving in lists and views"
for i in $(seq 40); do
	screen | grep -qF "Search as you type" && break
	keys Up
	sleep 0.05
done
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

# Opened from a screen, the help starts with that screen's keys, then
# says how to choose a part of a record before e (issue 12, friction).
keys 4
wait_for "What needs attention"
keys Enter
wait_for "Case R/2026/005"
keys '?'
wait_line 1 "Help"
wait_line 3 "On this screen"
here=$(screen | grep -nF "On this screen" | head -n 1 | cut -d: -f1)
for text in "Add a goal to the plan" "Show the plan as printed for the family"; do
	n=$(screen | grep -nF "$text" | head -n 1 | cut -d: -f1)
	[ -n "$n" ] && [ "$n" -gt "$here" ] || fail "\"$text\" is not among this screen's keys"
done
assert_screen_contains "move to a part"
assert_screen_contains "then press e"
# The rest follows: the keys of everywhere further down.
n=$(screen | grep -nF "Everywhere" | head -n 1 | cut -d: -f1)
[ -z "$n" ] || [ "$n" -gt "$here" ] || fail "the keys of everywhere come before this screen's"
keys End
wait_for "Forms"
keys q
wait_for "Case R/2026/005"
e2e_pass
