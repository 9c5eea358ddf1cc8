#!/bin/bash
# A worker's laptop in the full-screen program: at the office the
# coordinator shares a case of pwisniewski's with mnowak and, on the sync
# screen, writes a change file for mnowak's laptop (picked from the
# workers); on the laptop mnowak's sync screen says whose replica it is,
# applies the file, says that a case arrived whole, and her cases screen
# lists it. Unshared at the office, the next file takes it out again.
. "$(dirname "$0")/lib.sh"

HUB=$E2E_DB
LAP=$E2E_DIR/lap.db

# koszyk on one replica as one demo user: kzr DB LOGIN ARGS...
kzr() {
	local db=$1 login=$2
	shift 2
	e2e_env "$KOSZYK_BIN" --as "$login" -d "$db" "$@"
}

e2e_demo_db
kzr "$LAP" mnowak sync clone "$HUB" >/dev/null 2>&1 || fail "sync clone for mnowak failed"
P=$(kzr "$HUB" akowalska list cases --json | jq -r '[.[] | select(.manager == "pwisniewski")][0].title')
[ -n "$P" ] && [ "$P" != null ] || fail "the demo has no case of pwisniewski"
kzr "$LAP" akowalska list cases | cut -f1 | grep -qxF "$P" && fail "mnowak's laptop holds $P before it is shared"
kzr "$HUB" akowalska case share "$P" mnowak >/dev/null 2>&1 || fail "cannot share $P"

# --- at the office: a file for mnowak's laptop ---------------------------------------
e2e_start
wait_for "Basket"
keys 9
wait_line 1 "Sync"
keys x
wait_for "Write the changes to the file: ~/koszyk-changes-2026-05-04.sync"
keys C-u
type_text "$E2E_DIR/for-mnowak.sync"
keys Enter
wait_for "Who is the file for?"
assert_screen_contains "Marta Nowak"
line_with "Marta Nowak" | grep -qF "her cases only" || fail "the pick list does not say what a worker's file holds"
# typing narrows the list to her
type_text "Marta"
wait_gone "A replica with every case"
keys Enter
wait_for "For the laptop of"
assert_screen_contains "mnowak: only the cases mnowak may see."
keys q
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end well at the office"
[ -f "$E2E_DIR/for-mnowak.sync" ] || fail "no file written for mnowak"

# --- on the laptop: it arrives whole ------------------------------------------------
E2E_DB=$LAP
E2E_USER=mnowak
e2e_start
wait_for "koszyk │"
keys 9
wait_line 1 "Sync"
wait_for "Belongs to:"
line_with "Belongs to:" | grep -qF "only the cases mnowak may see" || fail "the sync screen does not say whose replica it is"
keys i
wait_for "Apply the change file: "
keys C-u
type_text "$E2E_DIR/for-mnowak.sync"
keys Enter
wait_for "Cases that arrived"
assert_screen_contains "given to you): 1."
keys q
keys 4
wait_for "$P"
keys q
keys q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end well on the laptop"

# --- unshared at the office: the next file takes it out ------------------------------
kzr "$HUB" akowalska case unshare "$P" mnowak >/dev/null 2>&1 || fail "cannot unshare $P"
kzr "$HUB" akowalska sync export "$E2E_DIR/again.sync" --for mnowak >/dev/null 2>&1 || fail "export for mnowak failed"
e2e_start
wait_for "koszyk │"
keys 9
wait_line 1 "Sync"
keys i
wait_for "Apply the change file: "
keys C-u
type_text "$E2E_DIR/again.sync"
keys Enter
wait_for "Cases that left this"
assert_screen_contains "no longer yours): 1."
keys q
keys q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end well on the laptop"
kzr "$LAP" akowalska list cases | cut -f1 | grep -qxF "$P" && fail "the unshared case $P is still on the laptop"
e2e_pass
