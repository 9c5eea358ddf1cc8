#!/bin/bash
# A coordinator (akowalska in the example configuration) starts on the
# dashboard: the counts, the next meeting, what is overdue and what is
# stale; its keys lead to the basket and the reports.
. "$(dirname "$0")/lib.sh"

E2E_USER=akowalska
e2e_demo_db
partners=$(kz list partners 2>/dev/null | wc -l)
contacts=$(kz list contacts 2>/dev/null | wc -l)
[ "$partners" -gt 0 ] || fail "no partners in the demo database"
# The next meeting: the earliest on or after the day of the test (the
# list is newest first).
next=$(kz list meetings 2>/dev/null | awk -F '\t' -v t="$E2E_TODAY" '$1 >= t' | tail -n 1)
[ -n "$next" ] || fail "the demo database has no meeting after $E2E_TODAY"
when=$(printf '%s\n' "$next" | cut -f1)
title=$(printf '%s\n' "$next" | cut -f2)
overdue=$(($(kz report overdue --format csv 2>/dev/null | wc -l) - 1))
overdue_tasks=$(kz task list overdue 2>/dev/null | wc -l)

e2e_start
wait_line 1 "Dashboard"
wait_for "Partners $partners "
assert_screen_contains "Contact persons $contacts "
assert_screen_contains "Active services"
assert_screen_contains "Open cases"
assert_screen_contains "Overdue tasks"
wait_for "Next meeting"
wait_for "$when  $(prefix "$title" 30)"
assert_screen_contains "Host: "
assert_screen_contains "Overdue ($overdue)"
assert_screen_contains "Stale basket entries to verify"
# The keys of the legend lead on, and 0 comes back.
keys 7
wait_line 1 "Reports"
keys q
wait_line 1 "Dashboard"
keys 7
wait_line 1 "Reports"
keys 0
wait_line 1 "Dashboard"
keys 1
wait_line 1 "Basket of services"
keys 0
wait_line 1 "Dashboard"
# Its lines open what they count (issue 12, friction): the first count
# is selected; Enter opens the partners, q comes back.
wait_for "Enter Open"
keys Enter
wait_line 1 "Partners"
keys q
wait_line 1 "Dashboard"
# Down through the counts: contacts, active and stale services, open
# cases, open tasks, overdue tasks.
keys Down Down Down Down Down Down
keys Enter
wait_line 1 "Overdue tasks"
wait_for "$overdue_tasks tasks"
keys q
wait_line 1 "Dashboard"
# The selection stays where it was: three up is the stale services,
# which open the basket narrowed to them.
keys Up Up Up Enter
wait_line 1 "Basket of services"
wait_for "Only: not verified lately"
keys q
wait_line 1 "Dashboard"
# Further down: the next meeting, then the overdue list opens its report.
keys Down Down Down Down Down Down Enter
wait_line 1 "Overdue"
keys q
wait_line 1 "Dashboard"
keys q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end well"
e2e_pass
