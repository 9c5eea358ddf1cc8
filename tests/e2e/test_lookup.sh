#!/bin/bash
# s looks up services, partners and contact persons at once, as you type;
# Enter opens the record found; q comes back to the results.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
contact=$(kz list contacts 2>/dev/null | head -n 1 | cut -f1)
partner=$(kz list contacts 2>/dev/null | head -n 1 | cut -f2)
[ -n "$contact" ] || fail "no contact persons in the demo database"
surname=${contact##* }

e2e_start
wait_for "Basket of services"
keys s
wait_line 1 "Look up everything"
wait_for "Search:"
type_text "$surname"
wait_for "$contact"
wait_for "contact"
keys Enter
wait_for "/ Search"
# Move to the contact person's line and open it.
n=$(screen | sed -n '3,22p' | grep -nF "$contact" | head -n 1 | cut -d: -f1)
[ -n "$n" ] || fail "no line with $contact"
i=1
while [ "$i" -lt "$n" ]; do
	keys Down
	i=$((i + 1))
done
keys Enter
wait_line 1 "Contact person"
wait_for "When reachable"
wait_for "$(prefix "$partner" 30)"
keys q
wait_line 1 "Look up everything"
keys q
wait_line 1 "Basket of services"
e2e_pass
