#!/usr/bin/env bash
# A database the person may only read: a 0400 file, a read-only folder,
# a read-only mount (a CD, a locked USB stick) and a full disk. Reading
# commands work and say the file is read-only; every change is refused
# (exit 3) and the file stays as it was; no -wal or -shm is left beside
# it. Needs root: to run koszyk as another operating-system user (root
# may write any file) and to mount.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "SKIP: needs root, useradd and runuser to create a user"
	exit 77
fi
R=kz$$r
MOUNTS=""
cleanup() {
	for m in $MOUNTS; do umount "$m" 2>/dev/null; done
	userdel "$R" >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT
useradd --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$R" || fail "useradd $R"
chmod 755 "$WORK"

run 0 -d base.db demo
run 0 -d base.db list cases
code=$(awk -F'\t' '$3 ~ /\(akowalska\)$/ && $2 !~ /zamkn|closed/ {print $1; exit}' out)
[ -n "$code" ] || fail "no open case of akowalska in the demo"
run 0 -d base.db list services
services=$(wc -l <out)

# reader USER DB EXIT ARGS...: koszyk run by USER (root: as it is).
reader() {
	local user=$1 db=$2 want=$3
	shift 3
	if [ "$user" = root ]; then
		"$KOSZYK_BIN" --as akowalska -d "$db" "$@" >out 2>err
	else
		runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME=/nonexistent KOSZYK_LANG=en \
			"$KOSZYK_BIN" --as akowalska -d "$db" "$@" >out 2>err
	fi
	local got=$?
	[ "$got" -eq "$want" ] || fail "($user) koszyk -d $db $* exited $got, expected $want"
}

# every_reading USER DB WHY: the readings work and say why the file is
# read-only; the changes are refused; the file and its folder are as
# they were.
every_reading() {
	local user=$1 db=$2 why=$3 before
	before=$(sha256sum <"$db")
	reader "$user" "$db" 0 list services
	[ "$(wc -l <out)" -eq "$services" ] || fail "$db: not every service was listed"
	err_has "is open for reading only ($why)"
	reader "$user" "$db" 0 search pomoc
	out_has "Pomoc"
	reader "$user" "$db" 0 list cases
	out_has "$code"
	reader "$user" "$db" 0 plan "$code"
	out_has "$code"
	reader "$user" "$db" 0 export json
	reader "$user" "$db" 0 check
	out_has "OK:"
	out_has "open for reading only"
	reader "$user" "$db" 3 case add goal "$code" "what=Cel" target_date=2027-05-31
	err_has "is open for reading only ($why): nothing can be changed"
	reader "$user" "$db" 3 import csv services "$TESTS_DIR/data/csv/services.csv"
	[ "$before" = "$(sha256sum <"$db")" ] || fail "$db changed"
	[ ! -e "$db-wal" ] && [ ! -e "$db-shm" ] || fail "$db: -wal or -shm left beside it: $(ls "$(dirname "$db")")"
	echo "$why: readings work, changes refused, nothing left beside it"
}

# 1. A 0400 file of the person, in a folder she may write.
mkdir -m 755 own && chown "$R" own
cp base.db own/k.db && chown "$R" own/k.db && chmod 0400 own/k.db
every_reading "$R" own/k.db "you may only read this file"

# 2. Her file in a folder she may not write (no journal can be made).
mkdir -m 755 locked
cp base.db locked/k.db && chown "$R" locked/k.db && chmod 0600 locked/k.db
every_reading "$R" locked/k.db "you may not write in its folder"

# 3. A read-only mount: even root may only read.
mkdir -m 755 src mnt
cp base.db src/k.db
if mount --bind src mnt 2>/dev/null && MOUNTS="$WORK/mnt $MOUNTS" && mount -o remount,ro,bind mnt 2>/dev/null; then
	every_reading root mnt/k.db "it lies on a read-only disk or medium"
	# A file of an older koszyk (schema 9, no key) on such a medium: read
	# through a copy brought up to date in memory; the file stays as it is.
	umount mnt
	cp base.db src/old.db
	sqlite3 src/old.db "$(grep -v '^--' "$TESTS_DIR/data/before_migration_20.sql") DELETE FROM meta WHERE key = 'partnership_key'; ALTER TABLE partners DROP COLUMN krs; ALTER TABLE goals DROP COLUMN need_area; ALTER TABLE meetings DROP COLUMN chair_id; ALTER TABLE tasks DROP COLUMN decision_id; ALTER TABLE partners DROP COLUMN network; ALTER TABLE contacts DROP COLUMN network; ALTER TABLE services DROP COLUMN network; DROP INDEX search_doc_pl; DROP INDEX search_doc_lead1; DROP INDEX search_doc_lead2; ALTER TABLE search_doc DROP COLUMN pl_key; ALTER TABLE search_doc DROP COLUMN lead1; ALTER TABLE search_doc DROP COLUMN lead2; DROP TABLE sync_horizon; ALTER TABLE sync_peer DROP COLUMN retired; ALTER TABLE sync_peer DROP COLUMN floor; PRAGMA user_version = 9" ||
		fail "cannot make an older file"
	mount --bind src mnt && mount -o remount,ro,bind mnt || fail "mount again"
	every_reading root mnt/old.db "it lies on a read-only disk or medium"
	[ "$(sqlite3 "file:$WORK/mnt/old.db?mode=ro&immutable=1" "PRAGMA user_version")" = 9 ] ||
		fail "the older file was changed"
else
	echo "SKIP (part): no read-only bind mount here"
fi

# 4. A full disk: reading works; a change says the disk is full.
mkdir -m 755 small
if mount -t tmpfs -o size=8m tmpfs small 2>/dev/null; then
	MOUNTS="$WORK/small $MOUNTS"
	cp base.db small/k.db
	dd if=/dev/zero of=small/filler bs=1k count=100000 2>/dev/null
	reader root small/k.db 0 search pomoc
	out_has "Pomoc"
	reader root small/k.db 0 list services
	[ "$(wc -l <out)" -eq "$services" ] || fail "full disk: not every service was listed"
	reader root small/k.db 3 case add goal "$code" "what=Cel" target_date=2027-05-31
	err_has "The disk is full"
	[ ! -e small/k.db-wal ] && [ ! -e small/k.db-shm ] || fail "full disk: -wal or -shm left"
	rm small/filler
	reader root small/k.db 0 case add goal "$code" "what=Cel" target_date=2027-05-31
	echo "full disk: readings work, a change says the disk is full; with space it is saved"
else
	echo "SKIP (part): no tmpfs mount here"
fi
echo "ok"
