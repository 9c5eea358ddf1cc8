#!/usr/bin/env bash
# Lost USB sticks: a change file and a backup are locked with the
# partnership's key. Their raw bytes hold none of a case's texts (which the
# database and the opened file do hold, so the scan proves something); a
# replica of the partnership reads the file, a replica without the key and
# a database of another partnership refuse it with a clear message and
# change nothing; a file cut short or with one byte changed is refused as
# damaged; restore brings a backup back whole; check --backup verifies
# one; the key travels with every clone and, locked with a passphrase,
# with key export/import; gdpr export stays readable for the person.
source "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || fail "jq is needed"
command -v python3 >/dev/null || fail "python3 is needed to read the database's meta and damage files"
mkdir -p "$XDG_CONFIG_HOME/koszyk"
cp "$TESTS_DIR/../config/koszyk.yaml" "$XDG_CONFIG_HOME/koszyk/koszyk.yaml"

# K: koszyk without the out/err files of run, acting as $KZ_AS like run
K() { "$KOSZYK_BIN" ${KZ_AS:+--as "$KZ_AS"} "$@"; }
# in_raw FILE TEXT: TEXT is in the raw bytes of FILE (and its WAL)
in_raw() { cat "$1" "$1-wal" 2>/dev/null | grep -aqF -- "$2"; }
mode_600() { [ "$(stat -c %a "$1")" = 600 ] || fail "$1 is readable by others: $(stat -c %a "$1")"; }
# the state of a database as its coordinator sees it, to see that nothing changed
dump() { KZ_AS=akowalska K -d "$1" sync dump >"$2" && [ -s "$2" ] || fail "sync dump of $1 failed"; }
key_id() { KZ_AS=${2:-akowalska} K -d "$1" key show | sed -n 's/^The partnership.s key: \([0-9A-F-]*\).*/\1/p'; }
# the same for a database that is not a demo (no --as): the tester is its coordinator
ME=$(config_with_me)
plain_key_id() { KZ_AS= K -c "$ME" -d "$1" key show | sed -n 's/^The partnership.s key: \([0-9A-F-]*\).*/\1/p'; }
# meta SQL DB: run SQL on a database with python's sqlite3 (no sqlite3 shell needed)
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute(sys.argv[2]).fetchall()
c.commit()
print("\n".join(str(x[0]) for x in r))' "$1" "$2"; }
flip() { # IN OFFSET OUT: IN with the byte at OFFSET changed
	python3 -c 'import sys
d = bytearray(open(sys.argv[1], "rb").read())
d[int(sys.argv[2])] ^= 0x01
open(sys.argv[3], "wb").write(d)' "$@"
}

run 0 -d office.db demo
run 0 -d office.db key show
out_has "The partnership's key: "
office_key=$(key_id office.db)
[ -n "$office_key" ] || fail "the demo database holds no partnership key"
KZ_AS= run 0 -c "$ME" -d init.db init
[ -n "$(plain_key_id init.db)" ] || fail "init made no partnership key"
[ "$(plain_key_id init.db)" != "$office_key" ] || fail "two partnerships got the same key"
# key show never prints the key itself
hexkey=$(sql office.db "SELECT value FROM meta WHERE key = 'partnership_key'")
[ ${#hexkey} -eq 64 ] || fail "the key is not 32 bytes in hex: ${#hexkey}"
! grep -qiF "$hexkey" out || fail "key show printed the key"

# --- gdpr export stays readable for the person, 0600 -----------------------------------------
run 0 -d office.db gdpr export R/2026/001 -o gdpr.json
mode_600 gdpr.json
jq -e '.code == "R/2026/001"' gdpr.json >/dev/null || fail "gdpr export is not plain JSON of the case"

# Texts of one case of the demo: a goal, a member's name, the case's notes.
goal=$(jq -r '[.. | objects | select(has("what")) | .what][0]' gdpr.json)
member=$(jq -r '.members[0].name' gdpr.json)
notes=$(jq -r '.notes' gdpr.json)
texts=("$goal" "$member" "$notes" "Nie poruszać przy dzieciach")
for t in "${texts[@]}"; do
	[ -n "$t" ] && [ "$t" != null ] || fail "the demo case lacks a text to look for"
	in_raw office.db "$t" || fail "the office's database does not hold \"$t\" (the scan would prove nothing)"
done

# --- a change file: locked, none of the case in its bytes --------------------------------------
run 0 -d office.db sync export all.kzs
mode_600 all.kzs
[ "$(head -c 16 all.kzs)" = "KOSZYK-LOCKED 1" ] || fail "the change file does not start as a locked file"
grep -aq "^kind changes$" all.kzs || fail "the change file does not say what it is"
grep -aq "^key $office_key$" all.kzs || fail "the change file does not name its key's id"
for t in "${texts[@]}" "R/2026/001"; do
	! grep -aqF -- "$t" all.kzs || fail "the change file holds \"$t\" in its raw bytes"
	[ "$(grep -acF -- "$t" all.kzs)" = 0 ] || fail "grep -c finds \"$t\" in the change file"
done
"$KZ_LOCKTOOL" open office.db all.kzs all.plain || fail "the office's key does not open its change file"
for t in "${texts[@]}"; do
	grep -aqF -- "$t" all.plain || fail "the opened change file lacks \"$t\" (the scan of the locked one would prove nothing)"
done
! grep -aqF -- "$hexkey" all.kzs || fail "the change file carries the key"

# --- a backup: locked, none of the case in its bytes --------------------------------------------
run 0 -d office.db backup office.bak
out_has "Backup written to office.bak"
mode_600 office.bak
[ "$(head -c 16 office.bak)" = "KOSZYK-LOCKED 1" ] || fail "the backup does not start as a locked file"
grep -aq "^kind backup$" office.bak || fail "the backup does not say what it is"
for t in "${texts[@]}" "R/2026/001" "$hexkey"; do
	! grep -aqF -- "$t" office.bak || fail "the backup holds \"$t\" in its raw bytes"
	[ "$(grep -acF -- "$t" office.bak)" = 0 ] || fail "grep -c finds \"$t\" in the backup"
done
ls office.bak.part-* 2>/dev/null && fail "the backup left its temporary file"
as mnowak 2 -d office.db backup worker.bak
[ ! -e worker.bak ] || fail "a worker's refused backup left a file"
# a backup is not a database, and says what to do
run 2 -d office.bak list cases
err_has "koszyk restore"

# --- check --backup ---------------------------------------------------------------------------
run 0 -d office.db check --backup office.bak
out_has "OK: the backup office.bak"
size=$(stat -c %s office.bak)
head -c $((size - 1000)) office.bak >short.bak
run 1 -d office.db check --backup short.bak
err_has "damaged or cut short"
flip office.bak $((size / 2)) flipped.bak
run 1 -d office.db check --backup flipped.bak
err_has "damaged"
flip office.bak 100 header.bak
run 1 -d office.db check --backup header.bak
as mnowak 2 -d office.db check --backup office.bak
err_has "Only a coordinator"
run 2 -d office.db check --backup all.kzs
err_has "change file, not a backup"
run 2 -d office.db sync import office.bak
err_has "backup, not a change file"

# --- restore ------------------------------------------------------------------------------------
run 0 -d office.db restore office.bak restored.db
out_has "restored.db"
mode_600 restored.db
[ "$(sql restored.db 'PRAGMA journal_mode')" = wal ] || fail "the restored database is not in WAL mode"
run 0 -d office.db list cases --json
cp out office.cases.json
run 0 -d restored.db list cases --json
cmp -s out office.cases.json || fail "the restored database lists other cases: $(diff out office.cases.json | head -c 1500)"
run 0 -d restored.db check
[ "$(key_id restored.db)" = "$office_key" ] || fail "the restored database lacks the partnership's key"
run 0 -d restored.db gdpr export R/2026/001
out_has "$member"
# into an existing file: refused, the file as it was
cp init.db existing.db
run 2 -d office.db restore office.bak existing.db
err_has "already exists"
cmp -s existing.db init.db || fail "restore changed an existing file"
# a damaged backup: refused, nothing written
run 2 -d office.db restore flipped.bak broken.db
err_has "damaged"
[ ! -e broken.db ] && [ -z "$(ls broken.db* 2>/dev/null)" ] || fail "a refused restore left a file: $(ls broken.db*)"
# a database of another partnership has not the key
run 0 -d other.db demo
other_key=$(key_id other.db)
[ "$other_key" != "$office_key" ] || fail "two demo databases share a key"
run 2 -d other.db restore office.bak other-restored.db
err_has "belongs to another partnership (key $office_key), not to this one (key $other_key)"
[ ! -e other-restored.db ] || fail "a refused restore left a file"

# --- the change file into a replica, and refused where the key is not held --------------------
run 0 -d lap.db sync clone office.db
[ "$(key_id lap.db)" = "$office_key" ] || fail "the local clone does not carry the office's key"
as mnowak 0 -d worker.db sync clone office.db
[ "$(key_id worker.db mnowak)" = "$office_key" ] || fail "a worker's need-to-know clone does not carry the office's key"
run 0 -d office.db case add goal R/2026/001 "what=Powrót do szkoły po feriach zimowych" target_date=2027-03-31
run 0 -d office.db sync export new.kzs
out_has "Wrote"
! grep -aqF "Powrót do szkoły po feriach" new.kzs || fail "the new goal is in the clear in the change file"
run 0 -d lap.db sync import new.kzs
out_has "Received"
run 0 -d lap.db gdpr export R/2026/001
out_has "Powrót do szkoły po feriach zimowych"

# another partnership's database: refused, nothing changed
dump other.db other.before
run 2 -d other.db sync import new.kzs
err_has "new.kzs belongs to another partnership (key $office_key), not to this one (key $other_key)"
dump other.db other.after
cmp -s other.before other.after || fail "a refused file of another partnership changed the data"

# a replica without the key: as an older worker's replica upgraded (it
# waits for the office's key), it says so and changes nothing
as mnowak 0 -d keyless.db sync clone office.db
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.commit()' \
	keyless.db "$TESTS_DIR/data/before_migration_20.sql"
sql keyless.db "DELETE FROM meta WHERE key = 'partnership_key'" >/dev/null
# schema 9: no key, and no column of the later migrations
sql keyless.db "ALTER TABLE partners DROP COLUMN krs" >/dev/null
sql keyless.db "ALTER TABLE goals DROP COLUMN need_area" >/dev/null
sql keyless.db "ALTER TABLE meetings DROP COLUMN chair_id" >/dev/null
sql keyless.db "ALTER TABLE tasks DROP COLUMN decision_id" >/dev/null
sql keyless.db "ALTER TABLE partners DROP COLUMN network" >/dev/null
sql keyless.db "ALTER TABLE contacts DROP COLUMN network" >/dev/null
sql keyless.db "ALTER TABLE services DROP COLUMN network" >/dev/null
sql keyless.db "DROP TABLE sync_horizon" >/dev/null
sql keyless.db "ALTER TABLE sync_peer DROP COLUMN retired" >/dev/null
sql keyless.db "ALTER TABLE sync_peer DROP COLUMN floor" >/dev/null
sql keyless.db "DROP INDEX search_doc_pl" >/dev/null
sql keyless.db "DROP INDEX search_doc_lead1" >/dev/null
sql keyless.db "DROP INDEX search_doc_lead2" >/dev/null
sql keyless.db "ALTER TABLE search_doc DROP COLUMN pl_key" >/dev/null
sql keyless.db "ALTER TABLE search_doc DROP COLUMN lead1" >/dev/null
sql keyless.db "ALTER TABLE search_doc DROP COLUMN lead2" >/dev/null
sql keyless.db "PRAGMA user_version = 9" >/dev/null
as mnowak 1 -d keyless.db key show
out_has "does not hold the partnership's key"
rm -f for-mnowak.kzs
run 0 -d office.db sync export for-mnowak.kzs --for mnowak
dump keyless.db keyless.before
as mnowak 2 -d keyless.db sync import for-mnowak.kzs
err_has "for-mnowak.kzs is locked with the partnership's key, which this database does not hold"
err_has "koszyk sync clone"
err_has "koszyk key import"
dump keyless.db keyless.after
cmp -s keyless.before keyless.after || fail "a file the replica cannot open changed its data"
# nor can it write one (nothing is written)
as mnowak 2 -d keyless.db sync export from-keyless.kzs
err_has "does not hold the partnership's key"
[ -z "$(ls from-keyless.kzs* 2>/dev/null)" ] || fail "a refused export left a file"
# an older full database gets a key of its own when it is opened
cp init.db old-full.db
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.commit()' \
	old-full.db "$TESTS_DIR/data/before_migration_20.sql"
sql old-full.db "DELETE FROM meta WHERE key = 'partnership_key'" >/dev/null
sql old-full.db "ALTER TABLE partners DROP COLUMN krs" >/dev/null
sql old-full.db "ALTER TABLE goals DROP COLUMN need_area" >/dev/null
sql old-full.db "ALTER TABLE meetings DROP COLUMN chair_id" >/dev/null
sql old-full.db "ALTER TABLE tasks DROP COLUMN decision_id" >/dev/null
sql old-full.db "ALTER TABLE partners DROP COLUMN network" >/dev/null
sql old-full.db "ALTER TABLE contacts DROP COLUMN network" >/dev/null
sql old-full.db "ALTER TABLE services DROP COLUMN network" >/dev/null
sql old-full.db "DROP TABLE sync_horizon" >/dev/null
sql old-full.db "ALTER TABLE sync_peer DROP COLUMN retired" >/dev/null
sql old-full.db "ALTER TABLE sync_peer DROP COLUMN floor" >/dev/null
sql old-full.db "DROP INDEX search_doc_pl" >/dev/null
sql old-full.db "DROP INDEX search_doc_lead1" >/dev/null
sql old-full.db "DROP INDEX search_doc_lead2" >/dev/null
sql old-full.db "ALTER TABLE search_doc DROP COLUMN pl_key" >/dev/null
sql old-full.db "ALTER TABLE search_doc DROP COLUMN lead1" >/dev/null
sql old-full.db "ALTER TABLE search_doc DROP COLUMN lead2" >/dev/null
sql old-full.db "PRAGMA user_version = 9" >/dev/null
[ -n "$(plain_key_id old-full.db)" ] || fail "an older full database got no key"

# --- damaged change files: refused, nothing changed -----------------------------------------------
size=$(stat -c %s new.kzs)
cp lap.db lap2.db
run 0 -d office.db case add goal R/2026/001 "what=Jeszcze jeden cel rodziny" target_date=2027-04-30
run 0 -d office.db sync export more.kzs
size=$(stat -c %s more.kzs)
dump lap2.db lap2.before
head -c $((size - 7)) more.kzs >cut.kzs
run 2 -d lap2.db sync import cut.kzs
err_has "damaged or cut short"
head -c 60 more.kzs >cut2.kzs
run 2 -d lap2.db sync import cut2.kzs
err_has "damaged or cut short"
flip more.kzs $((size / 2)) flip.kzs
run 2 -d lap2.db sync import flip.kzs
err_has "damaged"
flip more.kzs 70 flip2.kzs
run 2 -d lap2.db sync import flip2.kzs
dump lap2.db lap2.after
cmp -s lap2.before lap2.after || fail "a damaged change file changed the data"
run 0 -d lap2.db sync import more.kzs
out_has "Received 1 new changes"

# --- the key with a passphrase: export, import ----------------------------------------------------
printf 'kasztany spadają jesienią\n' >pass
printf 'kasztany spadaja jesienia\n' >wrong
run 0 -d office.db key export office.key --passphrase-file pass
out_has "$office_key"
mode_600 office.key
! grep -qiF "$hexkey" office.key || fail "the key file holds the key in the clear"
run 2 -d office.db key export office.key --passphrase-file pass
err_has "already exists"
as mnowak 2 -d office.db key export worker.key --passphrase-file pass
err_has "Only a coordinator"
[ ! -e worker.key ] || fail "a refused key export left a file"
printf 'krótkie\n' >short-pass
run 2 -d office.db key export short.key --passphrase-file short-pass
err_has "too short"
# never from the command line
run 2 -d office.db key export x.key --passphrase "kasztany spadają jesienią"
[ ! -e x.key ] || fail "a passphrase on the command line was taken"
# a wrong passphrase: refused, the replica still without the key
as mnowak 2 -d keyless.db key import office.key --passphrase-file wrong
err_has "passphrase does not open"
as mnowak 1 -d keyless.db key show
# the right one: the replica reads the office's files
as mnowak 0 -d keyless.db key import office.key --passphrase-file pass
out_has "$office_key"
[ "$(key_id keyless.db mnowak)" = "$office_key" ] || fail "key import did not bring the office's key"
as mnowak 0 -d keyless.db sync import for-mnowak.kzs
as mnowak 0 -d keyless.db key import office.key --passphrase-file pass
out_has "already holds"
# another partnership's database keeps its own key unless a coordinator replaces it
run 2 -d other.db key import office.key --passphrase-file pass
err_has "already holds another partnership key"
[ "$(key_id other.db)" = "$other_key" ] || fail "key import replaced a key without --replace"
# restore onto a new laptop with no database: the key file and passphrase
run 0 -d nothing-here.db restore office.bak laptop.db --key office.key --passphrase-file pass
[ ! -e nothing-here.db ] || fail "restore with --key created the -d database"
run 0 -d laptop.db list cases --json
cmp -s out office.cases.json || fail "the backup restored with the key file differs"
run 2 -d nothing-here.db restore office.bak laptop2.db
err_has "--key"
run 2 -d nothing-here.db restore office.bak laptop3.db --key office.key --passphrase-file wrong
err_has "passphrase does not open"
[ ! -e laptop3.db ] || fail "a wrong passphrase restored a backup"
echo "ok"
