#!/bin/bash
# Leaving (issue 12, item 2): one rule on every screen. Esc goes back and
# never leaves the program; q goes back too, and leaves only from the
# person's first screen (the dashboard of a coordinator, the cases of a
# worker). A list reached with a number key goes back to the first screen.
. "$(dirname "$0")/lib.sh"

e2e_demo_db

# Still running, on the screen whose header (line 1) shows title.
still_on() {
	wait_line 1 "$1"
	sleep 0.3
	[ -s "$E2E_EXIT" ] && fail "the program ended (after $2)"
	screen_line 1 | grep -qF -- "$1" || fail "not on \"$1\" after $2"
}

# A worker starts on her cases: cases, 1, Esc comes back to the cases.
E2E_USER=mnowak
e2e_start
wait_line 1 "Cases"
wait_for "My cases"
keys 1
wait_line 1 "Basket of services"
keys Escape
still_on "Cases" "cases, 1, Esc"
# Esc on the first screen stays and says how to leave.
keys Escape
still_on "Cases" "Esc on the first screen"
wait_for "press q to leave"
# q on a screen opened over it goes back, not out.
keys 5
wait_line 1 "Meetings"
keys q
still_on "Cases" "cases, 5, q"
# q on the first screen leaves.
keys q
[ "$(wait_exit)" = 0 ] || fail "q on the worker's first screen: exit status not 0"

# A coordinator (the basket after e2e_start's 1, over her dashboard):
# /zlobek Enter Enter Esc Esc Esc ends on her dashboard.
E2E_USER=
e2e_start
wait_for "Basket of services"
search zlobek
keys Enter
wait_line 24 "Enter Open"
keys Enter
wait_for "Provider"
keys Escape
wait_line 1 "Basket of services"
keys Escape
wait_for "157 of 157"
keys Escape
still_on "Dashboard" "/zlobek Enter Enter Esc Esc Esc"
keys Escape Escape
still_on "Dashboard" "Esc on the dashboard"
# The legend says Quit only where q leaves.
wait_line 24 "q Quit"
keys 2
wait_line 1 "Partners"
wait_line 24 "q Back"
keys Enter
wait_for "Contact persons ("
keys q
wait_line 1 "Partners"
keys q
still_on "Dashboard" "partners, Enter, q, q"
keys 4
wait_for "My cases"
keys q
still_on "Dashboard" "cases, q"
keys q
[ "$(wait_exit)" = 0 ] || fail "q on the dashboard: exit status not 0"
e2e_pass
