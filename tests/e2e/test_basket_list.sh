#!/bin/bash
# The program opens on the basket: a list of services with a header line,
# column headings and the key legend on the bottom line. The header names
# the gmina; in a demo database it names the demo user one acts as instead.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
first=$(first_service)
[ -n "$first" ] || fail "the demo database has no services"

e2e_start
wait_for "Basket of services"
wait_for "$(prefix "$first" 20)"
# A demo database: the header says so and who one is (issue 9), not the
# gmina; the gmina is checked on a real database at the end.
wait_line 1 "DEMO: $(e2e_user_name)"
screen_line 1 | grep -qE '[0-9]+ of [0-9]+' || fail "no counts on the header line"
assert_screen_contains "Service or activity"
assert_screen_contains "Provider"
# The legend comes from the action table; q goes back (to the
# coordinator's dashboard), it leaves only from her first screen.
legend=$(screen_line 24)
for word in "F1 Help" "/ Search" "f Filter" "q Back"; do
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
# G goes to the last entry of the basket, not to the last of the rows
# read so far (the list is read a page at a time).
last=$(kz list services 2>/dev/null | tail -n 1 | cut -f1 | sed 's/^! //')
keys G
wait_for "$(prefix "$last" 20)"
keys g
wait_for "$(prefix "$first" 20)"
# An unbound key says so instead of doing something.
keys z
wait_for "That key does nothing here"

keys q
wait_line 1 "Dashboard"
keys q
status=$(wait_exit)
[ "$status" = 0 ] || fail "exit status $status"

# A database that is not a demo, opened by whoever the operating system
# says (no --as there; 1 goes to the basket whatever the login's start
# screen): the header names the gmina.
rm -f "$E2E_DB"
e2e_env "$KOSZYK_BIN" -d "$E2E_DB" init >/dev/null 2>&1 || fail "koszyk init failed"
E2E_NO_AS=1
e2e_start
wait_for "koszyk │"
keys 1
wait_for "Basket of services"
wait_line 1 "Gmina Brzozowa Wola"
assert_not_contains "DEMO:"
keys q
status=$(wait_exit)
[ "$status" = 0 ] || fail "exit status $status"
e2e_pass
