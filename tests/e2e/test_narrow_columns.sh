#!/bin/bash
# Columns at 80x24 and at 200 columns (issue 12, friction): a narrow
# provider or partner column shows the partner's short name; the list of
# meetings keeps the end of a title ("nr 8") beside its date; statuses
# have short forms that fit their column (Polish too); the notice of a
# missing configuration file is read whole; at 200 columns the provider
# and the category get room as well as the title.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
E2E_USER=akowalska
e2e_start
# No configuration file: the notice wraps onto a second line above the
# legend (taken from the body while it shows) instead of being cut.
wait_line 1 "Dashboard"
wait_for "and edit it."
assert_screen_contains "F1 Help"
screen | tail -n 3 | tr '\n' ' ' | tr -s ' ' | grep -qF "Copy config/koszyk.yaml to ~/config/koszyk/koszyk.yaml and edit it." ||
	fail "the notice of the missing configuration is not read whole"
keys 1
wait_line 1 "Basket of services"
wait_for "f Filter"
line_with "Asystent rodziny" | grep -qF "GOPS Brzozowa Wola" ||
	fail "the basket's provider column does not use the short name"
keys 3
wait_line 1 "Contact persons"
# People are sorted by surname: find her, wherever the page is.
search "Kowalska"
wait_for "found for \"Kowalska\""
screen | sed -n '3,$p' | grep -F "Anna Kowalska" | grep -qF "GOPS Brzozowa Wola" ||
	fail "the contacts' partner column does not use the short name"
keys Enter
wait_gone "Search:"
keys 5
wait_line 1 "Meetings"
line_with "2026-05-25" | grep -qF "nr 8" ||
	fail "the meeting's title lost its number"
line_with "2026-05-25" | grep -qF "Olszynianki" ||
	fail "the meeting's host is not shown by its short name"
# The tasks' owner column: the partner's short name with the person.
keys 6
wait_for "Zestawienie luk"
line_with "Zestawienie luk" | grep -qF "GOPS Brzozowa Wola, Anna" ||
	fail "the task's owner is not shown by the partner's short name: $(line_with 'Zestawienie luk')"
e2e_tmux kill-server

# Polish: the status of a task fits its column.
E2E_LANG=pl e2e_start
wait_line 1 "Pulpit"
keys 6
wait_line 1 "Moje zadania"
wait_for "2026-05-11"
if screen | sed -n '2,22p' | cut -c 12-20 | grep -q '…'; then
	fail "a task's status is cut in Polish"
fi
e2e_tmux kill-server

# 200 columns: the provider and the category whole.
E2E_COLS=200 e2e_start
wait_line 1 "Dashboard"
keys 1
wait_line 1 "Basket of services"
wait_for "f Filter"
line_with "Asystent rodziny" | grep -qF "Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli" ||
	fail "at 200 columns the provider is cut"
line_with "Akcja „Zima”" | grep -qF "Mieszkanie i kryzys bezdomności" ||
	fail "at 200 columns the category is cut"
e2e_pass
