#!/bin/bash
# A refused save keeps what was typed; approving the plan keeps a
# version; what changed since is shown as "+ " lines; a case is erased
# only after its code is typed, and only by the coordinator.
. "$(dirname "$0")/lib.sh"

E2E_USER=mnowak
e2e_demo_db
e2e_start
wait_for "What needs attention"

# A case on a statutory basis (no consent needed).
keys a
wait_for "New case"
code=$(line_with "Case code" | awk '{ print $NF }')
keys Down Down Down
keys Enter
wait_for "Type to narrow"
type_text "stat"
keys Enter
wait_gone "Type to narrow"
keys Down
type_text "Niebieska Karta"
keys F2
wait_for "Saved: $code"
wait_for "statutory duty: Niebieska Karta"

keys p
wait_for "New plan"
keys F2
wait_for "plan: draft"

# A goal without a target date is refused; the text typed stays.
keys o
wait_for "New goal"
type_text "Bezpieczeństwo dzieci w domu"
keys F2
wait_for "Not saved"
assert_screen_contains "Bezpieczeństwo dzieci w domu"
assert_screen_contains "New goal"
keys Escape
wait_for "Discard the changes"
keys y
wait_for "Case $code"
keys o
wait_for "New goal"
type_text "Bezpieczeństwo dzieci w domu"
keys Tab Tab
type_text "2026-08-31"
keys F2
wait_for "1. Bezpieczeństwo dzieci w domu"

# Approve: a version is kept.
keys A
wait_for "Approve the plan now"
keys y
wait_for "plan: approved"
keys o
wait_for "New goal"
type_text "Mama kończy terapię"
keys Tab Tab
type_text "2026-10-31"
keys F2
wait_for "2. Mama kończy terapię"
keys V
wait_for "Versions of the plan"
wait_for "now: the plan as it is"
keys End
keys Enter
wait_for "Changes from version"
line_with "Mama kończy terapię" | grep -q '^ + ' ||
	fail "the new goal is not shown as an added line"
assert_not_contains "+ goal: Bezpieczeństwo"
keys q
wait_for "Versions of the plan"
keys q
wait_for "Case $code"

# Only a coordinator may erase a case (issue 9): the case manager is not
# offered E and is refused; nothing is asked.
case $(screen_line 24) in
*"E Erase"*) fail "erasing is offered to a worker: $(screen_line 24)" ;;
esac
keys E
wait_for "Only a coordinator may erase a case."
assert_not_contains "Type its code"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
kz list cases 2>/dev/null | grep -qF "$code" || fail "the refused erase erased $code"

# The coordinator (akowalska, started on the basket) finds the case among
# every case and erases it.
E2E_USER=
e2e_start
wait_for "Basket of services"
keys 4
wait_for "My cases ("
keys m
wait_for "All cases ("
search "$code"
wait_for "1 found for"
keys Enter
wait_gone "Search:"
keys Enter
wait_for "Case $code"

# Erase: a wrong code erases nothing; the right one erases the case.
keys E
wait_for "Type its code"
type_text "R/0000/000"
keys Enter
wait_for "nothing was erased"
keys E
wait_for "Type its code"
type_text "$code"
keys Enter
wait_for "was erased"
# Back on the cases, still searched by the code: nothing left.
wait_for "All cases (0)"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
if kz list cases 2>/dev/null | grep -qF "$code"; then
	fail "the erased case $code is still listed"
fi
e2e_pass
