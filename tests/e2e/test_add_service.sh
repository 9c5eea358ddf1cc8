#!/bin/bash
# Add an entry through the form: a required field left empty is named
# and nothing typed is lost; the provider is picked from the partners;
# the new entry is then found by search.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
partner=$(first_partner)
[ -n "$partner" ] || fail "no partners in the demo database"

e2e_start
wait_for "Basket of services"
keys a
wait_for "New service or activity"
wait_for "F2 Save"
type_text "Próbna usługa e2e Źdźbło"
wait_for "Próbna usługa e2e Źdźbło"
# Saving without a provider is refused, and the form goes to that field.
keys F2
wait_for "Provider: this field is required"
assert_screen_contains "Próbna usługa e2e Źdźbło"
keys Enter
wait_for "Type to narrow"
type_text "$partner"
wait_for "Type to narrow: $(prefix "$partner" 20)"
keys Enter
wait_gone "Type to narrow"
wait_for "$(prefix "$partner" 20)"
keys F2
wait_for "Saved: Próbna usługa e2e Źdźbło"
wait_for "f Filter"
search "zdzblo"
wait_for "Próbna usługa e2e"
wait_line 1 "1 of"
kz search zdzblo 2>/dev/null | grep -qF "Próbna usługa e2e Źdźbło" ||
	fail "the command line does not find the new entry"
e2e_pass
