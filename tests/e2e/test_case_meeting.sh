#!/bin/bash
# A case team's meeting is recorded from the case's screen: the form comes
# with the case and today's date, and the meeting belongs to the case.
. "$(dirname "$0")/lib.sh"

E2E_USER=mnowak
e2e_demo_db
code=$(kz list cases --json | jq -r '[.[] | select(.manager == "mnowak" and .status != "closed")][0].title')
[ -n "$code" ] && [ "$code" != null ] || fail "no open case of mnowak in the demo"

e2e_start
wait_for "What needs attention"
search "$code"
wait_for "$code"
keys Enter
keys Enter
wait_for "Case $code"
keys M
wait_for "New meeting"
wait_for "Case team meeting, case $code"
wait_for "$E2E_TODAY"
keys F2
wait_for "Case $code"
kz list meetings --json | jq -e --arg c "$code" --arg d "$E2E_TODAY" \
	'any(.[]; .meeting_kind == "case_team" and .case_code == $c and .date == $d)' >/dev/null ||
	fail "the case team's meeting was not recorded for $code"
e2e_pass
