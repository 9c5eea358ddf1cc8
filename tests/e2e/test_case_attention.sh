#!/bin/bash
# The first screen of a case manager: what needs attention in her cases
# (overdue actions first, marked with "!" also without colours), then her
# cases without any name; search by code, opening a case from an
# attention line; the screen is laid out again after a resize. Every case
# is for the coordinator only: a worker is refused.
. "$(dirname "$0")/lib.sh"

E2E_USER=mnowak
e2e_demo_db
kz list cases >"$E2E_DIR/cases.txt" 2>/dev/null || fail "koszyk list cases failed"
grep -q "mnowak" "$E2E_DIR/cases.txt" || fail "the demo has no case of mnowak"
first=$(awk -F '\t' '$3 ~ /\(mnowak\)$/ && $2 != "closed" { print $1; exit }' "$E2E_DIR/cases.txt")
[ -n "$first" ] || fail "cannot read a case code of mnowak from koszyk list cases"

e2e_start NO_COLOR=1
wait_for "What needs attention ("
assert_not_contains "What needs attention (0)"
wait_for "Overdue action"
line_with "Overdue action" | grep -q '^ ! 20[0-9][0-9]-' ||
	fail "an overdue action is not marked with ! and its date"
wait_for "My cases ("
assert_not_contains "My cases (0)"
# No case of another manager in "my cases".
assert_not_contains "Piotr Wiśniewski"

# The first attention line is selected; Enter opens its case.
att_code=$(screen_line 3 | awk '{ print $3 }')
keys Enter
wait_for "Case $att_code"
wait_for "Household ("
keys q
wait_for "What needs attention"

# Search by a part of the code: the attention part goes away.
search "$(prefix "$first" 8)"
wait_for "found for"
wait_gone "What needs attention"
wait_for "$first"
keys Escape
wait_for "What needs attention"

# Every case: only a coordinator may see every case (issue 9), so m is
# not offered to a worker and is refused; her list stays hers.
legend=$(screen_line 24)
case $legend in
*"m Mine"* | *"m All cases"*) fail "m is offered to a worker: $legend" ;;
esac
keys m
wait_for "Only a coordinator may see and change every case."
assert_not_contains "All cases ("
assert_not_contains "Piotr Wiśniewski"
assert_screen_contains "My cases ("

# Resize on the case screen: still laid out, no line too long.
keys End
keys Enter
wait_for "Case R/"
e2e_tmux resize-window -t "$E2E_SESSION" -x 60 -y 20
wait_size 60 20
wait_line 20 "Help"
screen | while IFS= read -r line; do
	[ "${#line}" -le 60 ] || { echo "too long: $line" >&2; exit 1; }
done || fail "a line is wider than 60 columns"
e2e_tmux resize-window -t "$E2E_SESSION" -x 80 -y 24
wait_size 80 24
wait_line 24 "Back"
wait_line 1 "Case R/"
keys q
wait_for "My cases"

# The cases key from the basket.
keys 1
wait_for "Basket of services"
keys F5
wait_for "What needs attention"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"

# The coordinator (empty E2E_USER: akowalska, started on the basket) sees
# her own cases first and, with m, every case. (Before issue 9 a made-up
# user who manages no case saw every case at once; now such a user is a
# viewer and sees no case at all, see test_roles.)
E2E_USER=
e2e_start
wait_for "Basket of services"
keys 4
wait_for "What needs attention"
wait_for "My cases ("
keys m
wait_for "All cases ("
wait_for "Piotr Wiśniewski"
wait_line 1 "every case"
keys m
wait_for "My cases ("
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
e2e_pass
