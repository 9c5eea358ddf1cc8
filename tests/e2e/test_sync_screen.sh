#!/bin/bash
# The sync screen (9) of the office server: it shows the replica, writes
# the server's changes to a change file (offered in the home directory,
# never over an existing file) that a laptop applies with the command
# line, applies a change file written by the laptop, and exchanges over
# "ssh" (a stand-in that runs the far end here) with the target
# remembered for the next time. Afterwards both hold the same data.
. "$(dirname "$0")/lib.sh"

HUB=$E2E_DB
LAP=$E2E_DIR/lap.db

# koszyk on one replica: kzr DB ARGS... As the demo user of the test
# (the login comes from the operating system, which is no configured user
# and may change nothing).
kzr() {
	local db=$1
	shift
	e2e_env "$KOSZYK_BIN" --as "$(e2e_login)" -d "$db" "$@"
}

# Add a service on a replica: DB TITLE.
add_service() {
	printf 'title,provider\n"%s","%s"\n' "$2" "$provider" >"$E2E_DIR/add.csv"
	kzr "$1" import csv services "$E2E_DIR/add.csv" >/dev/null 2>&1 ||
		fail "cannot add \"$2\" on $(basename "$1")"
}

has_service() {
	kzr "$1" list services --json 2>/dev/null |
		jq -e --arg t "$2" 'any(.[]; .title == $t)' >/dev/null
}

# Page down and wait for the screen to show the next page.
page_down() {
	local before deadline=$(($(date +%s) + E2E_TIMEOUT))
	before=$(screen)
	keys NPage
	while [ "$(screen)" = "$before" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "PgDn did not scroll"
		sleep 0.1
	done
}

e2e_demo_db
provider=$(first_partner)
[ -n "$provider" ] || fail "the demo has no partner"
kzr "$LAP" sync clone "$HUB" >/dev/null 2>&1 || fail "sync clone failed"
replica=$(kz sync status 2>/dev/null | sed -n 's/^This replica: //p')
[ -n "$replica" ] || fail "no replica id from sync status"
add_service "$HUB" "Usługa z serwera"
add_service "$LAP" "Usługa z laptopa"
kzr "$LAP" sync export "$E2E_DIR/from-laptop.sync" >/dev/null 2>&1 || fail "export on the laptop failed"

# A stand-in for ssh: drops the options and the host, runs the command.
cat >"$E2E_DIR/fake-ssh" <<'EOF'
#!/bin/sh
while [ $# -gt 0 ] && [ "$1" != "--" ]; do shift; done
shift 2
exec sh -c "$1"
EOF
chmod +x "$E2E_DIR/fake-ssh"

# The far end acts as the same demo user (over ssh it would be the login
# of the key): a coordinator's exchange carries every case.
printf '#!/bin/sh\nexec "%s" --as "%s" "$@"\n' "$KOSZYK_BIN" "$(e2e_login)" >"$E2E_DIR/remote-koszyk"
chmod +x "$E2E_DIR/remote-koszyk"
e2e_start "KOSZYK_SSH=$E2E_DIR/fake-ssh" "KOSZYK_REMOTE=$E2E_DIR/remote-koszyk"
wait_for "Basket"
keys 9
wait_line 1 "Sync"
# In plain words first: what waits to be sent (the server wrote one
# service since the laptop's copy was made), the last exchange, what
# arrived; the ids only on D.
wait_for "Waiting to be sent:      1 change made here since the last exchange"
assert_screen_contains "Last exchange:           "
assert_screen_contains "Arrived:                 nothing yet"
assert_screen_contains "Conflicts:               none"
assert_not_contains "$replica"
keys D
wait_for "This computer's copy:    $replica"
assert_screen_contains "x    write the changes to a file"
screen_line 24 | grep -qF "x Export" || fail "the legend does not offer x Export"
# The help lists 8 and 9 among the keys of everywhere, and x, i, y.
keys '?'
wait_line 1 "Help"
for i in 1 2 3 4 5 6; do
	screen | grep -qF "Write the changes of this computer to a file" && break
	page_down
done
# then line by line until the last of the three is on the screen too
for i in 1 2 3 4 5 6 7 8; do
	screen | grep -qF "Exchange changes both ways with another computer over" && break
	keys Down
	sleep 0.1
done
assert_screen_contains "Write the changes of this computer to a file"
assert_screen_contains "Apply a change file brought from another computer"
assert_screen_contains "Exchange changes both ways with another computer over"
keys Home
wait_for "Settle the fields changed on two computers at once"
for i in 1 2 3 4 5 6; do
	screen | grep -qF "Exchange changes with other computers (file or ssh)" && break
	page_down
done
assert_screen_contains "Exchange changes with other computers (file or ssh)"
keys q
wait_line 1 "Sync"

# Export through the screen: the file offered is in the home directory.
keys x
wait_for "Write the changes to the file: ~/koszyk-changes-2026-05-04.sync"
keys Enter
# The coordinator says whose laptop it is for: a replica with every case.
wait_for "Who is the file for?"
wait_for "A replica with every case"
keys Enter
wait_for "Wrote "
wait_for "to $E2E_DIR/koszyk-changes-2026-05-04.sync."
[ -f "$E2E_DIR/koszyk-changes-2026-05-04.sync" ] || fail "no change file written"
[ "$(stat -c %a "$E2E_DIR/koszyk-changes-2026-05-04.sync")" = 600 ] ||
	fail "the change file can be read by others"
kzr "$LAP" sync import "$E2E_DIR/koszyk-changes-2026-05-04.sync" >/dev/null 2>&1 ||
	fail "the laptop cannot apply the file written on the screen"
has_service "$LAP" "Usługa z serwera" || fail "the server's service did not arrive on the laptop"

# The next file is offered under a new name; an existing one is refused.
keys x
wait_for "Write the changes to the file: ~/koszyk-changes-2026-05-04-2.sync"
keys C-u
type_text "~/koszyk-changes-2026-05-04.sync"
keys Enter
wait_for "That file is there already; give the name of a new file"

# Import through the screen.
has_service "$HUB" "Usługa z laptopa" && fail "the laptop's service is on the server before the import"
keys i
wait_for "Apply the change file: ~/"
keys C-u
type_text "$E2E_DIR/from-laptop.sync"
keys Enter
wait_for "Received 1 new change (0 already here); no new conflicts."
assert_screen_contains "Last exchange"
wait_for "Arrived:                 1 change from other computers, the newest written 20"
has_service "$HUB" "Usługa z laptopa" || fail "the laptop's service did not arrive on the server"
# A damaged file: a clear message, nothing applied.
printf 'not a change file\n' >"$E2E_DIR/bad.sync"
keys i
wait_for "Apply the change file: ~/"
keys C-u
type_text "$E2E_DIR/bad.sync"
keys Enter
wait_for "not a koszyk change file"
assert_not_contains "Received 1 new change"

# Over "ssh": the laptop's next change comes, the target is remembered.
add_service "$LAP" "Druga usługa z laptopa"
keys y
wait_for "Sync with [USER@]HOST[:DATABASE]:"
type_text "koordynator@laptop:$LAP"
keys Enter
wait_for "received 1 new change (0 already here); no new conflicts."
wait_line 1 "Sync"
assert_screen_contains "last time with koordynator@laptop:"
has_service "$HUB" "Druga usługa z laptopa" || fail "the change over ssh did not arrive on the server"
keys y
wait_for "@laptop:$LAP"
line_with "@laptop:$LAP" | grep -qF "Sync with" || fail "the last target is not offered"
keys Escape
keys q
wait_line 1 "Basket"
keys q
wait_line 1 "Dashboard"
keys q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end well"

kzr "$HUB" sync dump >"$E2E_DIR/hub.dump" 2>/dev/null || fail "sync dump failed on the server"
kzr "$LAP" sync dump >"$E2E_DIR/lap.dump" 2>/dev/null || fail "sync dump failed on the laptop"
cmp -s "$E2E_DIR/hub.dump" "$E2E_DIR/lap.dump" || fail "the server and the laptop do not hold the same data"
e2e_pass
