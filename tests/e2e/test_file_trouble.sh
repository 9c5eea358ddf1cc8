#!/bin/bash
# The full-screen program on a file in trouble: a first screen that
# meets damage stops the program with what to do (never an empty basket);
# a file found damaged earlier opens with a warning and refuses changes;
# a read-only file (a read-only mount) shows the "read only" banner, in
# Polish "tylko do odczytu", refuses changes with a message and leaves no
# -wal or -shm beside it.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "$E2E_NAME: SKIP (no sqlite3 shell)"; exit 77; }
E2E_USER=akowalska
e2e_demo_db
kz list services >/dev/null 2>&1 || fail "the demo cannot be read"
cp "$E2E_DB" "$E2E_DIR/whole.db"

# spoil TABLE: 512 bytes of the first page of a table's b-tree.
spoil() {
	local page size
	page=$(sqlite3 "file:$E2E_DB?mode=ro" "SELECT rootpage FROM sqlite_master WHERE name = '$1'")
	size=$(sqlite3 "file:$E2E_DB?mode=ro" "PRAGMA page_size")
	perl -e 'print chr(0x5a ^ ($_ * 37 % 256)) for 0..511' |
		dd of="$E2E_DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc status=none
}

# 1. The first screen (her dashboard) reads the cases: damaged there.
spoil cases
E2E_REMAIN=1 e2e_start
wait_for "is damaged"
wait_for "NEW-FILE"
[ "$(wait_exit)" = 2 ] || fail "the program did not end with exit 2"
assert_not_contains "Dashboard"
e2e_tmux kill-server 2>/dev/null

# 1b. 8 KB of bytes at several places: the first screen is whole, or the
# program ends saying the file is damaged; never an empty screen.
for off in 0 4096 16384 65536 262144 1048576 2097152; do
	cp "$E2E_DIR/whole.db" "$E2E_DB"
	rm -f "$E2E_DB-damaged"
	perl -e 'srand(shift); print map { chr(int(rand(256))) } 1..8192' "$off" |
		dd of="$E2E_DB" bs=1 seek="$off" conv=notrunc status=none
	E2E_REMAIN=1 e2e_start
	deadline=$(($(date +%s) + E2E_TIMEOUT))
	while :; do
		if screen | grep -q "Partners [0-9]"; then
			shown="first screen"
			break
		fi
		if [ -s "$E2E_EXIT" ]; then
			[ "$(wait_exit)" = 2 ] || fail "at $off the program ended with $(wait_exit)"
			wait_for "is damaged"
			shown="damaged"
			break
		fi
		[ "$(date +%s)" -ge "$deadline" ] && fail "at $off: neither the first screen nor a message"
		sleep 0.1
	done
	echo "offset $off: $shown"
	e2e_tmux kill-server 2>/dev/null
done

# 2. Damage the first screen does not meet, found by check earlier: the
# program opens, says so, and refuses a change.
cp "$E2E_DIR/whole.db" "$E2E_DB"
rm -f "$E2E_DB-damaged"
kz list services >/dev/null 2>&1
spoil sync_tx
kz check >/dev/null 2>&1 && fail "check found no damage"
[ -e "$E2E_DB-damaged" ] || fail "check left no mark"
before=$(sha256sum <"$E2E_DB")
e2e_start
wait_for "was found damaged"
keys 1
wait_for "Basket"
keys a
wait_for "is damaged"
keys F10
wait_exit >/dev/null
[ "$before" = "$(sha256sum <"$E2E_DB")" ] || fail "the damaged file changed"
e2e_tmux kill-server 2>/dev/null

# 3. Read-only: a read-only mount (root) of a whole file.
if [ "$(id -u)" -ne 0 ]; then
	echo "$E2E_NAME: SKIP (part 3: needs root to mount read-only)"
	exit 77
fi
mkdir "$E2E_DIR/src" "$E2E_DIR/ro"
cp "$E2E_DIR/whole.db" "$E2E_DIR/src/koszyk.db"
mount --bind "$E2E_DIR/src" "$E2E_DIR/ro" || { echo "$E2E_NAME: SKIP (no bind mount)"; exit 77; }
trap 'e2e_tmux kill-server 2>/dev/null; umount "$E2E_DIR/ro" 2>/dev/null; e2e_cleanup' EXIT
mount -o remount,ro,bind "$E2E_DIR/ro" || fail "cannot make the mount read-only"
E2E_DB=$E2E_DIR/ro/koszyk.db
for lang in en pl; do
	E2E_LANG=$lang e2e_start
	if [ $lang = en ]; then
		wait_line 1 "read only"
		keys 1
		wait_for "Basket"
		keys a
		wait_for "open for reading only"
		assert_not_contains "New service"
	else
		wait_line 1 "tylko do odczytu"
		keys 1
		wait_for "Koszyk"
		keys a
		wait_for "tylko do odczytu"
	fi
	# The banner is drawn reversed, in the error look: not plain text.
	screen_escapes | head -1 | grep -q $'\e\\[' || fail "the banner has no attributes"
	keys F10
	wait_exit >/dev/null
	e2e_tmux kill-server 2>/dev/null
done
ls "$E2E_DIR/ro" | grep -q -- '-wal\|-shm' && fail "-wal or -shm beside the read-only file"
e2e_pass
