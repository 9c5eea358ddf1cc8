#!/bin/bash
# A login is shown as the person's name: in the service's form the
# "Verified by" field reads "Name (login)" and is chosen among the
# configured people by name; the command line's list of cases names the
# case manager first.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
login=$(sqlite3 "$E2E_DB" "SELECT verified_by FROM services WHERE title LIKE 'Żłobek%' AND verified_by IS NOT NULL LIMIT 1")
[ -n "$login" ] || fail "no verified Żłobek service in the demo"
name=$(kz list cases 2>/dev/null | awk -F '\t' -v l="($login)" 'index($3, l) { sub(/ \(.*/, "", $3); print $3; exit }')
[ -n "$name" ] || fail "no case of $login to learn the name from"

e2e_start
wait_for "Basket of services"
search "zlobek"
wait_for "Żłobek"
keys Enter
wait_for "f Filter"
keys e
wait_for "F2 Save"
for i in 1 2 3 4; do
	screen | grep -qF "Verified by" && break
	keys NPage
	sleep 0.3
done
line_with "Verified by" | grep -qF "$name ($login)" ||
	fail "the form shows the verifier as: $(line_with 'Verified by')"
keys Escape
e2e_pass
