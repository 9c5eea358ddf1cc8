#!/bin/bash
# s looks up services, partners and contact persons at once, as you type;
# Enter opens the highlighted record at once, also from the search line;
# q comes back to the results.
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
# The results follow each letter: wait for the whole name on the search
# line before reading them (a slow build may still be at "Kamińsk").
wait_for "Search: $surname"
wait_for "$contact"
wait_for "contact"
# Move to the contact person's line while the search line is open; one
# Enter opens it at once.
n=$(screen | sed -n '3,22p' | grep -nF "$contact" | head -n 1 | cut -d: -f1)
[ -n "$n" ] || fail "no line with $contact"
i=1
while [ "$i" -lt "$n" ]; do
	keys Down
	i=$((i + 1))
done
assert_screen_contains "Search: $surname"
keys Enter
wait_line 1 "Contact person"
wait_for "When reachable"
wait_for "$(prefix "$partner" 30)"
keys q
wait_line 1 "Look up everything"
keys q
wait_line 1 "Basket of services"

# During a meeting: a contact person's phone shows in the result line
# after the first letters of the name, without opening anything.
line=$(kz list contacts 2>/dev/null | awk -F '\t' '$3 != "" { print; exit }')
person=$(printf '%s\n' "$line" | cut -f1)
phone=$(printf '%s\n' "$line" | cut -f3)
[ -n "$phone" ] || fail "no contact person with a phone in the demo database"
keys s
wait_for "Search:"
type_text "$(prefix "${person##* }" 4)"
wait_for "$person"
wait_for "$phone"
line_with "$person" | grep -qF "$phone" || fail "the phone is not on the line of $person"
# Esc goes straight back to where the lookup was opened.
keys Escape
wait_line 1 "Basket of services"
assert_not_contains "Search:"
e2e_pass
