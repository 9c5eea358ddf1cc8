#!/bin/bash
# A worker changes a contact person's phone on her laptop while the
# office deletes that person. After the exchange the deletion wins, and
# the worker is told on the Conflicts screen (8) that her change was not
# applied, with the field, who and when; Enter marks it as seen.
. "$(dirname "$0")/lib.sh"

HUB=$E2E_DB
LAP=$E2E_DIR/lap.db
NAME="Elżbieta Pawlak"

# koszyk on one replica as one user of the demo: kzr DB USER ARGS...
# (the login comes from the operating system; --as acts as a configured
# user in a demo database and its copies).
kzr() {
	local db=$1 user=$2
	shift 2
	e2e_env "$KOSZYK_BIN" --as "$user" -d "$db" "$@"
}

# Open the demo contact on the contacts screen (3).
open_contact() {
	keys 3
	wait_line 1 "Contact persons"
	search "pawlak"
	keys Enter
	wait_for "$NAME"
	keys Enter
	wait_for "Contact person"
}

e2e_demo_db
# the laptop is mnowak's: she clones it
kzr "$LAP" mnowak sync clone "$HUB" >/dev/null 2>&1 || fail "sync clone failed"

# On the laptop: a new phone number.
E2E_DB=$LAP E2E_USER=mnowak
e2e_start
open_contact
keys e
wait_for "Edit contact person"
keys Tab Tab Tab
type_text "600 111 222"
keys F2
wait_for "600 111 222"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end cleanly on the laptop"

# At the office: the person is deleted.
E2E_DB=$HUB E2E_USER=akowalska
e2e_start
open_contact
keys d
wait_for "Delete the contact person"
keys y
wait_for "Deleted: $NAME"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end cleanly at the office"

kzr "$LAP" mnowak sync export "$E2E_DIR/l.sync" >/dev/null 2>&1 || fail "export on the laptop failed"
kzr "$HUB" akowalska sync import "$E2E_DIR/l.sync" >/dev/null 2>&1 || fail "import at the office failed"
kzr "$HUB" akowalska sync export "$E2E_DIR/h.sync" >/dev/null 2>&1 || fail "export at the office failed"
kzr "$LAP" mnowak sync import "$E2E_DIR/h.sync" >/dev/null 2>&1 || fail "import on the laptop failed"
n=$(kzr "$LAP" mnowak list contacts --json | jq --arg n "$NAME" '[.[] | select(.title == $n)] | length')
[ "$n" = 0 ] || fail "the deleted person is still on the laptop"

# The laptop says what happened.
E2E_DB=$LAP E2E_USER=mnowak
e2e_start
keys 8
wait_line 1 "Conflicts"
wait_for "Not applied: contact deleted elsewhere"
line_with "Not applied" | grep -qF "Phone" || fail "the row does not name the field"
line_with "Not applied" | grep -qF "Marta Nowak" || fail "the row does not name who made the change"
keys Enter
wait_for "Marked as seen"
wait_for "Nothing to settle"
keys Q
wait_exit >/dev/null

[ "$(kzr "$LAP" mnowak list dropped --json | jq length)" = 0 ] || fail "the laptop still lists the change"
[ "$(kzr "$HUB" akowalska list dropped --json | jq length)" = 1 ] || fail "the office does not list the change"
e2e_pass
