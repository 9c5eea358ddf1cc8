#!/bin/bash
# The outcomes report on the reports screen (7): goals by need area first,
# the referrals and the 30-day rule further down the same page.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
e2e_start
wait_for "Basket of services"
keys 7
wait_line 1 "Reports"
wait_for "Outcomes"
# Down from the first entry (Coverage) to Outcomes.
first=$(screen | grep -n " Coverage " | head -n 1 | cut -d: -f1)
n=$(screen | grep -n " Outcomes " | head -n 1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$n" ] || fail "no Outcomes entry in the menu"
i=$first
while [ "$i" -lt "$n" ]; do
	keys Down
	i=$((i + 1))
done
keys Enter
wait_line 1 "Report: Outcomes"
wait_for "Outcomes: goals by need area"
wait_for "Reached"
wait_for "Still open"
# The first need area of the command line's table is on the screen.
area=$(kz report outcomes --format csv 2>/dev/null | sed -n 2p | cut -d, -f3)
[ -n "$area" ] || fail "the demo has no goals with a need area"
wait_for "$(prefix "$area" 20)"
keys End
wait_for "Outcomes: plans within 30 days of opening"
wait_for "First plan approved within 30 days"
keys q
wait_line 1 "Reports"
e2e_pass
