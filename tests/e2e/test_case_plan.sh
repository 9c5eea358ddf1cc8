#!/bin/bash
# A case manager opens a case, starts the plan, adds a goal and an action
# whose service is picked from the basket by typing part of its name
# without Polish letters ("zlob" finds "Żłobek"), records a review with
# the progress of the goal, and prints the plan for the family.
. "$(dirname "$0")/lib.sh"

E2E_USER=mnowak
e2e_demo_db
e2e_start
# A case manager (a worker of the configuration) starts on the cases.
wait_for "What needs attention"
wait_for "a New case"

# A new case: the code is proposed, the consent needs its scope.
keys a
wait_for "New case"
wait_for "Case code *"
code=$(line_with "Case code" | awk '{ print $NF }')
case $code in
R/2026/[0-9][0-9][0-9]) ;;
*) fail "the proposed case code is \"$code\", not R/2026/NNN" ;;
esac
keys F2
wait_for "Scope of the consent"
wait_for "Not saved"
type_text "wsparcie w opiece nad dziećmi"
keys F2
wait_for "Saved: $code"
wait_for "Case $code"
wait_for "This case has no plan yet"

# The household: a role and a year of birth; the name stays hidden.
keys h
wait_for "New household member"
type_text "matka"
keys Tab
type_text "1990"
keys Tab
type_text "Zofia Próbna"
keys F2
wait_for "matka, born 1990"
assert_not_contains "Zofia Próbna"
keys N
wait_for "Zofia Próbna"
keys N
wait_gone "Zofia Próbna"

# The plan, then a goal.
keys p
wait_for "New plan"
keys F2
wait_for "plan: draft"
keys o
wait_for "New goal"
type_text "Dzieci uczęszczają do żłobka"
keys Tab
type_text "obecność co najmniej 4 dni w tygodniu"
keys Tab
type_text "2026-09-30"
keys F2
wait_for "1. Dzieci uczęszczają do żłobka"

# An action: the service from the basket, found by "zlob".
keys w
wait_for "New action"
keys Tab
type_text "zlob"
wait_for "Type to narrow: zlob"
wait_for "Żłobek"
keys Enter
wait_gone "Type to narrow"
line_with "Service from the basket" | grep -qF "Żłobek" ||
	fail "the action's service is not the Żłobek chosen"
service=$(line_with "Service from the basket" | sed 's/^ *Service from the basket *//; s/ *$//')
keys F2
wait_for "Saved: $(prefix "$service" 20)"
wait_for "Actions (1)"

# A review: who took part, then the progress of the goal.
keys r
wait_for "New review"
keys Tab
type_text "matka, asystent rodziny"
keys F2
wait_for "Goal 1 of 1: Dzieci uczęszczają do żłobka"
type_text "Syn chodzi do żłobka od kwietnia"
keys F2
wait_for "The review and the progress of every goal are saved."
wait_for "Reviews (1)"
# The version kept at the review holds its progress (issue 12, item 5).
kz gdpr export "$code" -o "$E2E_DIR/export.json" 2>/dev/null || fail "gdpr export $code failed"
jq -r '.plans[].versions[] | select(.note == "review") | .snapshot' "$E2E_DIR/export.json" |
	grep -qF "how it went: Syn chodzi do żłobka od kwietnia" ||
	fail "the version kept at the review lacks its progress"

# The plan as printed for the family shows the goal and the service.
keys P
wait_for "Printed plan $code"
wait_for "Dzieci uczęszczają do żłobka"
# The service may be further down: look through the pages.
for i in 1 2 3 4 5 6; do
	screen | grep -qF "$(prefix "$service" 15)" && break
	keys NPage
	sleep 0.3
done
screen | grep -qF "$(prefix "$service" 15)" ||
	fail "the printed plan does not show the service $service"
# It ends with the lines to sign.
keys End
wait_for "We agree to this plan"
wait_for "For the family"
# Saved to a file typed by the user.
keys F2
wait_for "Save as"
keys C-u
type_text "$E2E_DIR/plan.html"
keys Enter
wait_for "The plan was saved to"
grep -qF "Dzieci uczęszczają do żłobka" "$E2E_DIR/plan.html" ||
	fail "the saved plan does not hold the goal"
keys q
wait_for "Case $code"
keys q
wait_for "My cases"
wait_for "$code"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
e2e_pass
