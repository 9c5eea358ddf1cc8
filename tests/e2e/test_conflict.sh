#!/bin/bash
# Two people change the same entry: a colleague saves (here through the
# command line) while the form is open. The form's save is refused with a
# message naming who changed it, the typed text stays in the form, and the
# colleague's change is not overwritten.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
provider=$(first_partner)
import_service "Konfliktowa usługa" "$provider"
id=$(kz list services --json | jq -r '.[] | select(.title == "Konfliktowa usługa") | .id')
[ -n "$id" ] || fail "no id for the test service"

e2e_start
wait_for "Basket of services"
search "konfliktowa"
wait_for "Konfliktowa usługa"
keys Enter
wait_for "f Filter"
keys e
wait_for "Edit service or activity"
# change the title in the form (the cursor is in the title field)
keys C-e
type_text " z poprawką"

# meanwhile someone else saves the same entry: a colleague of the demo
# (the login comes from the operating system; --as picks a demo user)
printf 'id,title,provider,cost\n%s,Konfliktowa usługa,"%s",20 zł\n' "$id" "$provider" >"$E2E_DIR/other.csv"
e2e_env "$KOSZYK_BIN" --as mnowak -d "$E2E_DB" import csv services "$E2E_DIR/other.csv" >/dev/null ||
	fail "the colleague's save failed"

keys F2
wait_for "mnowak"
assert_screen_contains "Edit service or activity"
assert_screen_contains "z poprawką"
kz list services --json | jq -e --arg id "$id" '.[] | select(.id == $id) | .cost == "20 zł" and .title == "Konfliktowa usługa"' >/dev/null ||
	fail "the colleague's save was overwritten"
e2e_pass
