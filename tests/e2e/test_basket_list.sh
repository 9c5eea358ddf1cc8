#!/bin/bash
# The program opens on the basket: a list of services with a header line,
# column headings and the key legend on the bottom line.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
first=$(first_service)
[ -n "$first" ] || fail "the demo database has no services"

e2e_start
wait_for "Basket of services"
wait_for "$(prefix "$first" 20)"
wait_line 1 "Gmina Brzozowa Wola"
screen_line 1 | grep -qE '[0-9]+ of [0-9]+' || fail "no counts on the header line"
assert_screen_contains "Service or activity"
assert_screen_contains "Provider"
# The legend comes from the action table.
legend=$(screen_line 24)
for word in "F1 Help" "/ Search" "f Filter" "q Quit"; do
	case $legend in
	*"$word"*) ;;
	*) fail "the legend lacks \"$word\": $legend" ;;
	esac
done
# Paging moves the list and Home brings it back.
keys NPage
wait_gone "$(prefix "$first" 20)"
keys Home
wait_for "$(prefix "$first" 20)"
# An unbound key says so instead of doing something.
keys z
wait_for "That key does nothing here"

keys q
status=$(wait_exit)
[ "$status" = 0 ] || fail "exit status $status"
e2e_pass
