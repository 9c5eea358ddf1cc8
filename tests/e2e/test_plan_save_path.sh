#!/bin/bash
# Saving the printed plan says the full path of the file written (issue
# 12, friction): "~/" is the home folder, and the message names the file
# from the root, so that it can be found again.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
E2E_USER=akowalska
e2e_start
wait_line 1 "Dashboard"
keys 4
wait_for "What needs attention"
keys Enter
wait_for "Case R/2026/005"
keys P
wait_for "Printed plan R/2026/005"
keys F2
wait_for "Save as"
keys C-u
type_text "~/plan.html"
keys Enter
full=$(cd "$E2E_DIR" && pwd -P)/plan.html
wait_for "The plan was saved to"
[ -s "$full" ] || fail "no plan at $full"
screen | tail -n 3 | tr '\n' ' ' | tr -s ' ' | grep -qF "The plan was saved to $full." ||
	fail "the message does not give the full path $full"
e2e_pass
