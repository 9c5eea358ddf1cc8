#!/bin/bash
# Issue 12 (friction): the legal-basis form asks only for what the chosen
# basis needs: consent asks when it was given and its scope, a statutory
# basis asks for the duty; choosing the other basis changes the form, and
# the case is saved with what the basis needs.
. "$(dirname "$0")/lib.sh"

E2E_USER=mnowak
e2e_demo_db
e2e_start
wait_for "What needs attention"
wait_for "a New case"

keys a
wait_for "New case"
wait_for "Legal basis *"
assert_screen_contains "Consent given on"
assert_screen_contains "Scope of the consent"
assert_not_contains "Statutory duty"
code=$(line_with "Case code" | awk '{ print $NF }')

# choose the statutory basis: the fourth field (code, status, manager)
keys Tab Tab Tab
keys Enter
wait_for "statutory duty"
type_text "stat"
keys Enter
wait_for "Statutory duty"
assert_not_contains "Consent given on"
assert_not_contains "Scope of the consent"
keys Tab
wait_for "Type the text"
type_text "asystent rodziny"
keys F2
wait_for "Saved: $code"
kz gdpr export "$code" >"$E2E_DIR/case.json" 2>/dev/null || fail "gdpr export of $code"
[ "$(jq -r .legal_basis "$E2E_DIR/case.json")" = statutory ] || fail "the basis is not statutory"
[ "$(jq -r .legal_basis_note "$E2E_DIR/case.json")" = "asystent rodziny" ] || fail "the duty was not saved"
e2e_pass
