#!/bin/bash
# The partners list filtered by membership status and sector (f): the
# header says what narrows the list and how many pass; the rows are
# those the command line lists with --status/--sector; c clears it.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
declared=$(kz list partners --status declared | wc -l)
both=$(kz list partners --status declared --sector edukacja | wc -l)
first=$(kz list partners --status declared --sector edukacja | head -n 1 | cut -f1)
informal=$(kz list partners --status informal | head -n 1 | cut -f1)
[ "$both" -gt 0 ] && [ -n "$informal" ] || fail "the demo needs declared partners in education"

e2e_start
wait_for "Basket of services"
keys 2
wait_line 1 "Partners"
wait_for "f Filter"

# Membership: declaration signed.
keys f
wait_for "Filter the partners by"
wait_for "Membership"
keys Enter
wait_for "Filter by membership"
type_text "declaration"
keys Enter
wait_for "$declared partners match."
wait_line 1 "$declared partners · Membership: declaration"
wait_line 2 "Filter: Membership: declaration signed. Esc or c clears it."
assert_not_contains "$(prefix "$informal" 30)"

# And the sector: education.
keys f
wait_for "Filter the partners by"
keys Down
keys Enter
wait_for "Filter by sector"
type_text "Eduk"
keys Enter
wait_for "$both partners match."
wait_line 1 "$both partners · Membership: declaration"
wait_line 2 "Filter: Membership: declaration signed · Sector: Edukacja. Esc or c"
wait_for "$(prefix "$first" 30)"

# The filter menu shows what is set.
keys f
wait_for "Filter the partners by"
wait_for "declaration signed"
wait_for "Edukacja"
keys Escape
wait_gone "Filter the partners by"

# c clears the filters: every partner again.
keys c
wait_for "Search and filters cleared."
wait_gone "Filter: Membership"
wait_line 1 "partners"
wait_line 2 "Partner"
wait_for "$(prefix "$informal" 30)"

# Esc drops a filter too, before it would leave the list.
keys f
wait_for "Filter the partners by"
keys Enter
wait_for "Filter by membership"
type_text "invited"
keys Enter
wait_line 2 "Filter: Membership: invited. Esc or c clears it."
keys Escape
wait_gone "Filter: Membership"
wait_line 1 "Partners"
assert_screen_contains "$(prefix "$informal" 30)"

keys Q
wait_exit >/dev/null
e2e_pass
