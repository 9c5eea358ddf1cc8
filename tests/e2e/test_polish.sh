#!/bin/bash
# In Polish (KOSZYK_LANG=pl) Polish letters are drawn correctly, typed
# Polish letters search, and the screen speaks Polish: the title, the
# column headings, the key legend and the messages come from the
# catalogue (po/pl.po, built next to the binary).
. "$(dirname "$0")/lib.sh"

E2E_LANG=pl
e2e_demo_db
title=$(kz list services 2>/dev/null | cut -f1 | sed 's/^! //' | grep -m1 '[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]')
[ -n "$title" ] || fail "no entry with Polish letters in the demo database"
word=$(printf '%s\n' "$title" | tr ' ' '\n' | grep -m1 '[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]' | tr -d '„”"(),.:;–')
mo=$(dirname "$KOSZYK_BIN")/locale/pl/LC_MESSAGES/koszyk.mo
[ -f "$mo" ] || fail "no Polish catalogue at $mo (make all builds it from po/pl.po)"

# legend_has WORD...: each "key label" is on the legend line
legend_has() {
	local legend w
	legend=$(screen_line 24)
	for w in "$@"; do
		case $legend in
		*"$w"*) ;;
		*) fail "the legend lacks \"$w\": $legend" ;;
		esac
	done
}

e2e_start
# A demo database: the header names the demo user, not the gmina (issue 9).
wait_line 1 "DEMO: $(e2e_user_name)"
# The screen title and the counts in Polish.
wait_line 1 "Lokalny Koszyk Usług"
screen_line 1 | grep -qE '[0-9]+ z [0-9]+' || fail "no Polish counts on the header line: $(screen_line 1)"
# Column headings, fitted to their columns at 80x24.
screen_line 3 | grep -qE '^  Usługa lub aktywność +Realizator +Kategoria +Sprawdzono$' ||
	fail "the column headings are not Polish or do not fit: $(screen_line 3)"
# The key legend: every word Polish, and the whole list up to "q Wróć"
# (the basket is not the coordinator's first screen: q goes back) fits in
# 80 columns (nothing dropped that the English legend shows).
wait_line 24 "Szukaj"
legend_has "F1 Pomoc" "/ Szukaj" "f Filtr" "Enter Otwórz" "a Dodaj" "e Edytuj" "v Sprawdź" "q Wróć"
case $(screen_line 24) in
*Search* | *Help* | *Quit*) fail "English words left in the legend: $(screen_line 24)" ;;
esac

keys /
wait_line 23 ":"
wait_line 23 "Szukaj:"
legend_has "Enter Zachowaj wynik" "Esc Wyczyść"
type_text "$word"
wait_for "$(prefix "$title" 25)"
keys Enter
wait_line 24 "Szukaj"
legend_has "F1 Pomoc" "/ Szukaj"
# The Polish letters of the title come through unchanged.
line_with "$(prefix "$title" 10)" | grep -qF "$(prefix "$title" 25)" ||
	fail "the title is not drawn as \"$(prefix "$title" 25)\""
# A message of the program in Polish.
keys c
wait_line 23 "Wyczyszczono wyszukiwanie i filtry."
e2e_pass
