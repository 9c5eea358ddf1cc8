#!/bin/bash
# A partner's screen shows its membership step by step: the declaration
# with its date and the first partnership meeting one of its people
# attended (the same steps as koszyk partner history).
. "$(dirname "$0")/lib.sh"

e2e_demo_db
partner=$(sqlite3 "$E2E_DB" "SELECT p.name FROM partners p WHERE p.declaration_date IS NOT NULL AND EXISTS (SELECT 1 FROM attendees a JOIN contacts c ON c.id = a.contact_id JOIN meetings m ON m.id = a.meeting_id WHERE c.partner_id = p.id AND a.attended = 1 AND m.case_id IS NULL) ORDER BY p.declaration_date LIMIT 1")
[ -n "$partner" ] || fail "no partner in the demo that signed and attended"
declared=$(sqlite3 "$E2E_DB" "SELECT declaration_date FROM partners WHERE name = '$partner'")
meeting=$(kz partner history "$partner" 2>/dev/null | awk -F '\t' '/First meeting attended/ { print $1; exit }')
[ -n "$meeting" ] || fail "partner history shows no first meeting of $partner"

e2e_start
wait_for "Basket of services"
keys 2
wait_line 1 "Partners"
search "$(prefix "$partner" 12)"
wait_for "$(prefix "$partner" 30)"
keys Enter
wait_for "/ Search"
keys Enter
wait_line 1 "Partner"
keys End
wait_for "Membership history"
wait_for "$declared  Declaration signed"
wait_for "$meeting  First meeting attended"
e2e_pass
