#!/usr/bin/env bash
# The cases and the tasks filter by status, the meetings by whose they are,
# the contact persons by partner, with the lists' one filter mechanism
# (f): the header names the filter, only records that match are listed,
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

# The tasks of every partner, then the done ones only.
tasks=$(kz task list by-partner | wc -l)
done_tasks=$(kz task list by-partner | awk -F '\t' '$2 == "done"' | wc -l)
[ "$done_tasks" -gt 0 ] && [ "$done_tasks" -lt "$tasks" ] || fail "the demo needs done and open tasks"
keys 6
wait_for "My tasks"
keys Tab
wait_for "Overdue tasks"
keys Tab
wait_for "Tasks by partner"
wait_for "$tasks tasks"
keys f
wait_for "Clear all filters"
keys Enter
wait_for "Filter the tasks by status"
type_text "done"
keys Enter
wait_for "$done_tasks tasks · Status: done"
screen | sed -n '2,22p' | grep -E '^ [0-9]{4}-' | grep -qv ' done ' && fail "a task of another status is listed"
keys c
wait_for "$tasks tasks"

# The meetings of the cases' teams only.
meetings=$(kz list meetings --json | jq length)
team=$(kz list meetings --json | jq '[.[] | select(.meeting_kind == "case_team")] | length')
[ "$team" -gt 0 ] && [ "$team" -lt "$meetings" ] || fail "the demo needs both kinds of meeting"
keys 5
wait_for "$meetings meetings, newest first"
keys f
wait_for "Clear all filters"
keys Enter
wait_for "Filter the meetings by whose they are"
type_text "team"
keys Enter
wait_for "$team meetings · Meeting of: a case's team"
keys c
wait_for "$meetings meetings, newest first"

# The contact persons of the social welfare centre.
gops="Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli"
people=$(kz list contacts | wc -l)
of_gops=$(kz list contacts | awk -F '\t' -v p="$gops" '$2 == p' | wc -l)
[ "$of_gops" -gt 1 ] && [ "$of_gops" -lt "$people" ] || fail "the demo needs contacts of several partners"
keys 3
wait_for "$people persons"
keys f
wait_for "Clear all filters"
keys Enter
wait_for "Filter by partner"
type_text "Ośrodek Pomocy Społecznej"
wait_for "$gops"
keys Down Enter
wait_for "$of_gops persons · Partner: $(prefix "$gops" 15)"
keys c
wait_for "$people persons"
keys Q
e2e_pass
