#!/bin/bash
# v marks an entry as verified today by the current user; the stale mark
# goes away and the detail view shows who and when.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
import_service "Kwerendowa usługa do sprawdzenia" "$(first_partner)"

e2e_start
wait_for "Basket of services"
search "kwerendowa"
wait_for "Kwerendowa usługa"
keys Enter
wait_for "f Filter"
# Never verified: stale, marked with "!".
line=$(line_with "Kwerendowa usługa")
case $line in
"!"*never*) ;;
*) fail "a never verified entry should start with ! and say never: $line" ;;
esac
keys v
wait_for "Marked as verified on $E2E_TODAY by $E2E_USER"
wait_for "$E2E_TODAY"
line=$(line_with "Kwerendowa usługa")
case $line in
"!"*) fail "still marked stale: $line" ;;
*"$E2E_TODAY"*) ;;
*) fail "the list does not show the date: $line" ;;
esac
keys Enter
wait_for "Last verified on"
keys End
wait_for "Verified by"
line_with "Last verified on" | grep -qF "$E2E_TODAY" || fail "detail: $(line_with 'Last verified on')"
line_with "Verified by" | grep -qF "$E2E_USER" || fail "detail: $(line_with 'Verified by')"
# Verifying again from the detail view works as well.
keys v
wait_for "Marked as verified on $E2E_TODAY"
e2e_pass
