#!/bin/bash
# "/" searches as you type: every key narrows the list, Polish letters
# are folded (zlobek finds Żłobek), Enter keeps the result, Esc clears it.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
first=$(first_service)
case $(printf '%s' "$first" | tr '[:upper:]' '[:lower:]') in
*żłob*|*zlob*) fail "the first entry should not match the search: $first" ;;
esac

e2e_start
wait_for "$(prefix "$first" 20)"
total=$(screen_line 1 | sed -nE 's/.* ([0-9]+) of ([0-9]+) *$/\2/p')
[ -n "$total" ] || fail "no total on the header line"

keys /
wait_for "Search:"
type_text "zlob"
wait_for 'Search: "zlob"'
type_text "ek"
wait_for 'Search: "zlobek"'
wait_for "Żłobek"
assert_not_contains "$(prefix "$first" 20)"
n=$(screen_line 1 | sed -nE 's/.* ([0-9]+) of ([0-9]+) *$/\1/p')
[ -n "$n" ] && [ "$n" -ge 1 ] && [ "$n" -lt "$total" ] ||
	fail "the header should count the matches: $(screen_line 1)"
# Every entry shown matches.
rows=$(screen | sed -n '4,22p' | grep -v '^ *$' | wc -l)
[ "$rows" -eq "$n" ] || [ "$n" -gt 19 ] || fail "$rows rows shown for $n matches"

# Typed Polish letters work as well.
keys C-u
wait_gone 'Search: "zlobek"'
type_text "żłob"
wait_for 'Search: "żłob"'
wait_for "Żłobek"

# Enter keeps the result and gives the keys back to the list.
keys Enter
wait_for "f Filter"
assert_screen_contains 'Search: "żłob"'
assert_not_contains "$(prefix "$first" 20)"

# Esc clears it; the entry found stays selected, Home goes to the top.
keys Escape
wait_for "Search and filters cleared"
keys Home
wait_for "$(prefix "$first" 20)"
assert_not_contains 'Search: "'
wait_line 1 "$total of $total"

# Nothing found says so.
search "qqqxyz"
wait_for "No entry matches"
keys Escape
wait_gone 'Search: "qqqxyz"'
wait_for "$(prefix "$first" 20)"
wait_for "f Filter"
e2e_pass
