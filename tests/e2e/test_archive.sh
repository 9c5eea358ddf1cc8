#!/bin/bash
# d archives an entry after a y/n question; n keeps it. The archived entry
# leaves the list but can still be shown with the status filter.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
import_service "Usługa do archiwum Qwerty" "$(first_partner)"

e2e_start
wait_for "Basket of services"
search "qwerty"
wait_for "Usługa do archiwum Qwerty"
keys Enter
wait_for "f Filter"
keys d
wait_for 'Archive "Usługa do archiwum Qwerty"?'
wait_for "(y/n)"
keys n
wait_for "Nothing was archived"
assert_screen_contains "Usługa do archiwum Qwerty"
keys d
wait_for "(y/n)"
keys y
wait_for "Archived: Usługa do archiwum Qwerty"
wait_for "No entry matches"
# The status filter shows archived entries, marked with x.
keys f
wait_for "Filter the basket by"
type_text "status"
keys Enter
wait_for "Filter by status"
type_text "also archived"
keys Enter
wait_for "Status: all"
wait_for "Usługa do archiwum Qwerty"
case $(line_with "Usługa do archiwum Qwerty") in
x*) ;;
*) fail "an archived entry should be marked x: $(line_with 'Usługa do archiwum')" ;;
esac
kz list services --all 2>/dev/null | grep -F "Usługa do archiwum Qwerty" | grep -qF archived ||
	fail "the command line does not list the entry as archived"
e2e_pass
