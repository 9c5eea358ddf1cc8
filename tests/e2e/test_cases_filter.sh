#!/usr/bin/env bash
# The cases list filters by status with the lists' one filter mechanism
# (f): the header names the filter, only cases of that status are listed,
# c clears it.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
closed=$(kz list cases | awk -F '\t' '$2 == "closed"' | wc -l)
all=$(kz list cases | wc -l)
[ "$closed" -gt 0 ] && [ "$closed" -lt "$all" ] || fail "the demo needs closed and open cases"

e2e_start
keys 4
wait_for "My cases"
keys m
wait_for "All cases ($all)"
assert_screen_contains "f Filter"
keys f
wait_for "Clear all filters"
keys Enter
wait_for "Filter the cases by status"
type_text "clo"
keys Enter
wait_for "All cases ($closed)"
assert_screen_contains "Status: closed"
screen | grep -E '^   R/' | grep -qv 'closed' && fail "a case of another status is listed"
keys c
wait_for "All cases ($all)"
keys Q
e2e_pass
