#!/bin/bash
# In Polish (KOSZYK_LANG=pl) Polish letters are drawn correctly, typed
# Polish letters search, and (once the catalogue exists) the legend
# speaks Polish.
. "$(dirname "$0")/lib.sh"

E2E_LANG=pl
e2e_demo_db
title=$(kz list services 2>/dev/null | cut -f1 | sed 's/^! //' | grep -m1 '[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]')
[ -n "$title" ] || fail "no entry with Polish letters in the demo database"
word=$(printf '%s\n' "$title" | tr ' ' '\n' | grep -m1 '[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]' | tr -d '„”"(),.:;–')

e2e_start
wait_line 1 "Gmina Brzozowa Wola"
keys /
wait_line 23 ":"
type_text "$word"
wait_for "$(prefix "$title" 25)"
keys Enter
mo=$(dirname "$KOSZYK_BIN")/locale/pl/LC_MESSAGES/koszyk.mo
if [ -f "$mo" ] && grep -q "Szukaj" "$mo"; then
	wait_line 24 "Szukaj"
fi
# The Polish letters of the title come through unchanged.
line_with "$(prefix "$title" 10)" | grep -qF "$(prefix "$title" 25)" ||
	fail "the title is not drawn as \"$(prefix "$title" 25)\""
e2e_pass
