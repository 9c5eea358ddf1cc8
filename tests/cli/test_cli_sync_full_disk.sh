#!/usr/bin/env bash
# A full disk while a change file is applied: exit code 3, a message that
# says so, nothing half-applied; after space is freed the same file
# applies. A backup onto a full disk leaves nothing under its name. Needs a small file system of its own: a tmpfs mounted by root.
# Where mounting is not allowed (not root, no privilege) the test says
# SKIP (exit 77, never counted as passed); CI runs as root.
. "$(dirname "$0")/lib.sh"

MNT=$WORK/small
mkdir -p "$MNT"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=24m tmpfs "$MNT" 2>/dev/null; then
	echo "SKIP: cannot mount a small file system here (needs root)"
	exit 77
fi
trap 'umount "$MNT" 2>/dev/null; rm -rf "$WORK"' EXIT

run 0 -d hub.db demo
run 0 -d "$MNT/lap.db" sync clone hub.db
# Many new services on the office server: a change file of some size.
{
	echo "title,provider,description"
	for i in $(seq 1500); do
		echo "Usługa próbna $i,Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli,\"Opis usługi numer $i — zajęcia, porady i wsparcie dla rodzin z gminy\""
	done
} > many.csv
run 0 -d hub.db import csv services many.csv
run 0 -d hub.db sync export changes.sync

"$KOSZYK_BIN" --as akowalska -d "$MNT/lap.db" sync dump > before.txt || fail "dump before"
# Fill the small disk, then give back 300 KB: enough to open the
# database, not enough for the changes.
dd if=/dev/zero of="$MNT/filler" bs=1k count=100000 2>/dev/null || true
truncate -s -300K "$MNT/filler"

run 3 -d "$MNT/lap.db" sync import changes.sync
err_has "disk is full"
"$KOSZYK_BIN" --as akowalska -d "$MNT/lap.db" sync dump > after.txt || fail "dump after"
cmp -s before.txt after.txt || fail "the database changed although the import failed"

rm -f "$MNT/filler"
run 0 -d "$MNT/lap.db" sync import changes.sync
out_has "Received 1 new changes"
"$KOSZYK_BIN" --as akowalska -d "$MNT/lap.db" sync dump > lap.txt || fail "dump lap"
"$KOSZYK_BIN" --as akowalska -d hub.db sync dump > hub.txt || fail "dump hub"
cmp -s lap.txt hub.txt || fail "after the retry the laptop differs from the office"
run 0 -d "$MNT/lap.db" check

# A backup onto a full disk: exit 3, and nothing under its name (no
# partial file, no journal); with space, a whole backup.
mkdir -p "$MNT/backups"
dd if=/dev/zero of="$MNT/filler" bs=1k count=100000 2>/dev/null || true
run 3 -d hub.db backup "$MNT/backups/kopia.db"
err_has "disk is full"
[ -z "$(ls -A "$MNT/backups")" ] || fail "a failed backup left files: $(ls -A "$MNT/backups")"
rm -f "$MNT/filler"
run 0 -d hub.db backup "$MNT/backups/kopia.db"
[ "$(ls -A "$MNT/backups")" = kopia.db ] || fail "the backup left other files: $(ls -A "$MNT/backups")"
[ "$(stat -c %a "$MNT/backups/kopia.db")" = 600 ] || fail "the backup is readable by others"
run 0 -d hub.db check --backup "$MNT/backups/kopia.db"
out_has "OK: the backup"
echo "ok"
