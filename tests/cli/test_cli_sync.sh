#!/usr/bin/env bash
# Sync on the command line, against real databases: a hub and two laptops
# cloned from it; edits on both (other records, other fields of one record,
# the same field of one record); change files carried through the hub in
# several orders until every replica holds the same data (sync dump) and
# the same single conflict; resolving it; an erased case that no laptop
# brings back; bad change files that exit 2 and change nothing; problems
# of the environment that exit 3.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
# Everyone acts as a user of the demo (--as): akowalska, the coordinator,
# who sees every case (lib.sh: KZ_AS), unless a step says otherwise.
# The configuration in its place, so stderr holds only what the test expects.
# Merging is tested between replicas that hold every case: the laptops'
# people (mnowak, pwisniewski) are coordinators here. A worker's laptop,
# which holds only her cases, is tested in test_cli_need.sh.
mkdir -p "$XDG_CONFIG_HOME/koszyk"
sed -e 's/login: mnowak, name: "Marta Nowak", role: worker/login: mnowak, name: "Marta Nowak", role: coordinator/' \
	-e 's/login: pwisniewski, name: "Piotr Wiśniewski", role: worker/login: pwisniewski, name: "Piotr Wiśniewski", role: coordinator/' \
	"$TESTS_DIR/../config/koszyk.yaml" >"$XDG_CONFIG_HOME/koszyk/koszyk.yaml"
grep -c "role: coordinator" "$XDG_CONFIG_HOME/koszyk/koszyk.yaml" | grep -qx 3 || fail "the test configuration has not 3 coordinators"
command -v python3 >/dev/null || fail "python3 is needed to damage change files"

# K: koszyk without the out/err files of run, acting as $KZ_AS like run
K() { "$KOSZYK_BIN" ${KZ_AS:+--as "$KZ_AS"} "$@"; }
# koszyk's temporary files go here, and none may be left at the end
export TMPDIR=$WORK/tmp
mkdir -p "$TMPDIR"
no_temporary_files() {
	[ -z "$(ls -A "$TMPDIR")" ] || fail "temporary files left behind: $(ls -A "$TMPDIR")"
}

# status DB KEY: one line of `sync status`, e.g. status a.db "This replica"
status() { K -d "$1" sync status | sed -n "s/^$2: //p"; }

# set_service DB ID FIELD VALUE: change one field of a service through a
# CSV import by id (only the columns in the file change)
set_service() {
	K -d "$1" list services --all --json |
		jq -r --arg id "$2" --arg f "$3" --arg v "$4" \
			'"id,title,provider,\($f)", (.[] | select(.id == $id) | [.id, .title, .provider_name, $v] | @csv)' >set.csv
	[ "$(wc -l <set.csv)" -eq 2 ] || fail "no service $2 in $1"
	run 0 -d "$1" import csv services set.csv
	out_has "0 new, 1 updated"
}

# field DB ID FIELD: a service's field as it is now
field() { K -d "$1" list services --all --json | jq -r --arg id "$2" --arg f "$3" '.[] | select(.id == $id) | .[$f]'; }

# xfer FROM TO FILE: export on FROM, import on TO
xfer() {
	rm -f "$3"
	run 0 -d "$1" sync export "$3"
	out_has "Wrote "
	run 0 -d "$2" sync import "$3"
	out_has "Received "
}

# same_everywhere DB...: equal dumps and equal conflict lists
same_everywhere() {
	local first=$1 db
	KZ_AS=akowalska K -d "$first" sync dump >"$first.dump" || fail "sync dump on $first"
	K -d "$first" list conflicts --json >"$first.conf" || fail "list conflicts on $first"
	[ -s "$first.dump" ] || fail "empty dump on $first"
	shift
	for db in "$@"; do
		KZ_AS=akowalska K -d "$db" sync dump >"$db.dump" || fail "sync dump on $db"
		K -d "$db" list conflicts --json >"$db.conf" || fail "list conflicts on $db"
		cmp -s "$first.dump" "$db.dump" || fail "$first and $db hold different data: $(diff "$first.dump" "$db.dump" | head -c 1500)"
		cmp -s "$first.conf" "$db.conf" || fail "$first and $db list different conflicts: $(diff "$first.conf" "$db.conf" | head -c 1500)"
	done
}

# snapshot DB / unchanged DB WHAT: the synced data and the sync state
snapshot() {
	KZ_AS=akowalska K -d "$1" sync dump >"$1.snap.dump" || fail "sync dump on $1"
	K -d "$1" sync status >"$1.snap.status" || fail "sync status on $1"
}
unchanged() {
	KZ_AS=akowalska K -d "$1" sync dump >"$1.now.dump" || fail "sync dump on $1"
	K -d "$1" sync status >"$1.now.status" || fail "sync status on $1"
	cmp -s "$1.snap.dump" "$1.now.dump" || fail "$2: the data of $1 changed: $(diff "$1.snap.dump" "$1.now.dump" | head -c 1500)"
	cmp -s "$1.snap.status" "$1.now.status" || fail "$2: sync status of $1 changed: $(diff "$1.snap.status" "$1.now.status")"
}

# --- clones: one partnership, a replica id each ---------------------------------
run 0 -d hub.db demo
# x.db and y.db: replicas that stay as the hub was, to receive files in other orders
# each laptop is cloned by the person it belongs to: its changes must
# carry her name (A: mnowak, B: pwisniewski; x, y: the coordinator)
for db in a b x y; do
	case $db in a) owner=mnowak ;; b) owner=pwisniewski ;; *) owner=akowalska ;; esac
	as $owner 0 -d $db.db sync clone hub.db
	out_has "Created $db.db, a new replica of hub.db."
done
[ "$(stat -c %a a.db)" = 600 ] || fail "a clone is readable by its owner only"
part=$(status hub.db Partnership)
[ -n "$part" ] || fail "no partnership id"
ids=""
for db in hub a b x y; do
	[ "$(status $db.db Partnership)" = "$part" ] || fail "$db.db is not in the hub's partnership"
	id=$(status $db.db "This replica")
	[[ $id =~ ^[0-9a-f-]{36}$ ]] || fail "$db.db: replica id \"$id\""
	ids="$ids$id"$'\n'
done
[ "$(printf '%s' "$ids" | sort -u | wc -l)" -eq 5 ] || fail "replicas share an id: $ids"
same_everywhere hub.db a.db b.db
[ "$(cat hub.db.conf)" = "[]" ] || fail "a fresh demo has conflicts: $(cat hub.db.conf)"
K -d a.db list cases >cases.a
K -d hub.db list cases >cases.hub
cmp -s cases.a cases.hub || fail "a clone lists other cases than its source"

# clone onto an existing file: refused, the file untouched
snapshot a.db
run 2 -d a.db sync clone hub.db
err_has "a.db"
unchanged a.db "clone onto an existing file"
run 2 -d new.db sync clone nosuch.db
[ ! -e new.db ] || fail "a failed clone left new.db behind"

# a file copied with cp is a replica of its own the next time it is opened
a_id=$(status a.db "This replica")
cp a.db copy.db
copy_id=$(status copy.db "This replica")
[[ $copy_id =~ ^[0-9a-f-]{36}$ ]] || fail "copy.db: replica id \"$copy_id\""
[ "$copy_id" != "$a_id" ] || fail "a copied file keeps the replica id of its original"
[ "$(status copy.db "This replica")" = "$copy_id" ] || fail "the copy's new id does not stay"
[ "$(status copy.db Partnership)" = "$part" ] || fail "the copy left the partnership"
[ "$(status a.db "This replica")" = "$a_id" ] || fail "the original's id changed"
rm -f copy.db

# --- edits on both laptops --------------------------------------------------------
mapfile -t S < <(K -d hub.db list services --json | jq -r '[.[].id] | sort | .[0:4][]')
[ "${#S[@]}" -eq 4 ] || fail "the demo has fewer than 4 services"
s1=${S[0]} s2=${S[1]} s3=${S[2]} s4=${S[3]}
hours_before=$(field hub.db "$s2" hours)
cost_before=$(field hub.db "$s2" cost)

# two different people on the two laptops: mnowak (a worker) on A,
# pwisniewski (a worker) on B
KZ_AS=mnowak
set_service a.db "$s1" cost "10 zł (A)"           # the same field on both: a conflict
set_service a.db "$s2" cost "5 zł (A)"            # other fields of one record: merged
set_service a.db "$s3" description "Opis z laptopa A"
run 0 -d a.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak
new_case=$(cat out)
case $new_case in R/2026/*) ;; *) fail "case open printed no code: $new_case" ;; esac
KZ_AS=pwisniewski
set_service b.db "$s1" cost "20 zł (B)"
set_service b.db "$s2" hours "pn–pt 8:00–16:00 (B)"
set_service b.db "$s4" place "Świetlica (B)"
run 0 -d b.db task add "title=Zadanie z laptopa B" "partner=PUP Wierzbnik" due_date=2026-12-15
task_id=$(cat out)
KZ_AS=akowalska
[ "$(status a.db "Changes written here")" = "4, in the log: $(($(status hub.db "Changes written here" | cut -d, -f1) + 4))" ] ||
	fail "a.db: $(status a.db "Changes written here") after 4 edits"
# In plain words: the 4 edits wait to be sent.
[ "$(status a.db "Waiting to be sent")" = 4 ] || fail "a.db: $(status a.db "Waiting to be sent") waiting after 4 edits"

# order 1: A then B to the hub, the hub to both
xfer a.db hub.db a1.kzs
xfer b.db hub.db b1.kzs
out_has "1 new conflicts"
xfer hub.db a.db h1.kzs
# The hub's file says it holds A's edits: nothing waits; B's arrived.
[ "$(status a.db "Waiting to be sent")" = 0 ] || fail "a.db: $(status a.db "Waiting to be sent") waiting after the exchange"
[ "$(status a.db "Arrived from other computers")" -ge 1 ] || fail "a.db: nothing arrived"
status a.db "Last exchange" | grep -q '^20[0-9-]* [0-9:]*$\|^20[0-9-]*T[0-9:]*$' || fail "a.db: last exchange $(status a.db "Last exchange")"
run 0 -d b.db sync import h1.kzs
# order 2: x gets B's file first, then A's; y gets A's, then B's, then the hub's
run 0 -d x.db sync import b1.kzs
run 0 -d x.db sync import a1.kzs
run 0 -d y.db sync import a1.kzs
run 0 -d y.db sync import b1.kzs
run 0 -d y.db sync import h1.kzs
out_has "Received 0 new changes"
same_everywhere hub.db a.db b.db x.db y.db

# exactly one conflict: the cost of s1, with both values, on every replica
jq -e --arg id "$s1" 'length == 1 and .[0].table == "services" and .[0].kind == "service" and .[0].id == $id and .[0].field == "cost"' hub.db.conf >/dev/null ||
	fail "the conflict list is not just the cost of $s1: $(cat hub.db.conf)"
jq -e '[.[0].values[].value] | sort == ["10 zł (A)", "20 zł (B)"]' hub.db.conf >/dev/null || fail "the conflict lacks a value: $(cat hub.db.conf)"
jq -e '[.[0].values[] | select(.value == "10 zł (A)")][0].user == "mnowak" and [.[0].values[] | select(.value == "20 zł (B)")][0].user == "pwisniewski"' hub.db.conf >/dev/null ||
	fail "the conflict's values do not say who wrote them: $(cat hub.db.conf)"
jq -e '[.[0].values[] | select(.current)] | length == 1' hub.db.conf >/dev/null || fail "not exactly one current value: $(cat hub.db.conf)"
current=$(jq -r '.[0].values[] | select(.current) | .value' hub.db.conf)
for db in hub a b; do
	[ "$(field $db.db "$s1" cost)" = "$current" ] || fail "$db.db: the record does not hold the current value $current"
	[ "$(status $db.db Conflicts)" = 1 ] || fail "$db.db: sync status does not count 1 conflict"
done
run 0 -d b.db list conflicts
out_has "$s1"
out_has "10 zł (A)"
out_has "20 zł (B)"
# other fields of one record and other records: merged without a conflict
for db in hub a b; do
	[ "$(field $db.db "$s2" cost)" = "5 zł (A)" ] || fail "$db.db: A's cost of $s2 is lost"
	[ "$(field $db.db "$s2" hours)" = "pn–pt 8:00–16:00 (B)" ] || fail "$db.db: B's hours of $s2 are lost"
	[ "$(field $db.db "$s3" description)" = "Opis z laptopa A" ] || fail "$db.db: A's description of $s3 is lost"
	[ "$(field $db.db "$s4" place)" = "Świetlica (B)" ] || fail "$db.db: B's place of $s4 is lost"
	run 0 -d $db.db list cases
	out_has "$new_case"
	run 0 -d $db.db list tasks --json
	jq -e --arg id "$task_id" 'any(.[]; .id == $id and .title == "Zadanie z laptopa B")' out >/dev/null || fail "$db.db lacks B's task"
done
[ "$hours_before" != "pn–pt 8:00–16:00 (B)" ] && [ "$cost_before" != "5 zł (A)" ] || fail "the test's values were there before"

# --- resolving the conflict on one laptop ---------------------------------------------
as pwisniewski 2 -d b.db conflict resolve services "$s1" "hours=x"
err_has "There is no such conflict"
as pwisniewski 2 -d b.db conflict resolve services 00000000-0000-4000-8000-000000000000 "cost=x"
err_has "There is no such conflict"
as pwisniewski 2 -d b.db conflict resolve services "$s1" "cost"
as pwisniewski 0 -d b.db conflict resolve services "$s1" "cost=15 zł (uzgodnione)"
run 0 -d b.db list conflicts --json
[ "$(jq length out)" = 0 ] || fail "the resolved conflict is still listed on b.db"
[ "$(field b.db "$s1" cost)" = "15 zł (uzgodnione)" ] || fail "b.db does not hold the chosen value"
as pwisniewski 2 -d b.db conflict resolve services "$s1" "cost=again"
err_has "There is no such conflict"
[ "$(field b.db "$s1" cost)" = "15 zł (uzgodnione)" ] || fail "resolving a resolved conflict wrote"
# this time B goes first and A hears it only through the hub
xfer b.db hub.db b2.kzs
xfer hub.db a.db h2.kzs
xfer a.db hub.db a2.kzs
run 0 -d b.db sync import a2.kzs
same_everywhere hub.db a.db b.db
[ "$(cat hub.db.conf)" = "[]" ] || fail "the conflict is still listed after the exchange: $(cat hub.db.conf)"
for db in hub a b; do
	[ "$(field $db.db "$s1" cost)" = "15 zł (uzgodnione)" ] || fail "$db.db does not hold the chosen value"
	[ "$(status $db.db Conflicts)" = 0 ] || fail "$db.db still counts a conflict"
done

# --- an erased case stays erased --------------------------------------------------------
# (erasing is the coordinator's: akowalska erases mnowak's case at the
# office, while mnowak, offline on laptop A, adds someone to its household)
run 0 -d hub.db list cases
out_has "R/2026/006"
run 0 -d hub.db gdpr erase R/2026/006 --yes
as mnowak 0 -d a.db case add member R/2026/006 role=syn birth_year=2010 "name=Zenon Offlinowski"
as mnowak 0 -d a.db gdpr export R/2026/006
out_has "Zenon Offlinowski"
xfer a.db hub.db a3.kzs        # A's edit of the erased case reaches the hub after the erasure
xfer hub.db a.db h3.kzs
run 0 -d b.db sync import h3.kzs
# and in the other order on x: the edit first, then the erasure
run 0 -d x.db sync import h1.kzs
run 0 -d x.db sync import h2.kzs
run 0 -d x.db sync import a3.kzs
run 0 -d x.db gdpr export R/2026/006
out_has "Zenon Offlinowski"
run 0 -d x.db sync import h3.kzs
same_everywhere hub.db a.db b.db x.db
for db in hub a b x; do
	run 0 -d $db.db list cases
	out_lacks "R/2026/006"
	out_has "R/2026/005"
	run 2 -d $db.db gdpr export R/2026/006
	! grep -q "Zenon Offlinowski" $db.db.dump || fail "$db.db: the member added offline to the erased case is in the data"
	! grep -aq "Zenon Offlinowski" $db.db $db.db-wal 2>/dev/null || fail "$db.db: the erased case's member is still in the file"
done

# --- bad change files: exit 2, a clear message, nothing changes -------------------------
KZ_AS=mnowak set_service a.db "$s3" cost "7 zł (A, nowe)"
rm -f good.kzs
run 0 -d a.db sync export good.kzs
out_has "Wrote 1 changes"
size=$(stat -c %s good.kzs)
snapshot b.db
bad() { # FILE EXPECTED-TEXT
	run 2 -d b.db sync import "$1"
	err_has "$1"
	[ -z "$2" ] || err_has "$2"
	unchanged b.db "sync import $1"
}
head -c $((size / 2)) good.kzs >half.kzs
bad half.kzs "damaged or cut short"
head -c $((size - 100)) good.kzs >short.kzs
bad short.kzs "damaged or cut short"
: >empty.kzs
bad empty.kzs ""
printf 'To nie jest plik zmian.\nid,title\n' >text.kzs
bad text.kzs "not a koszyk change file"
bad nosuch.kzs "nosuch.kzs"
mkdir adir.kzs
bad adir.kzs ""
run 0 -d other.db demo
rm -f other.kzs
run 0 -d other.db sync export other.kzs
bad other.kzs "another partnership"
snapshot a.db
run 2 -d a.db sync import good.kzs
err_has "this very database"
unchanged a.db "a file imported into the database that wrote it"
cp good.kzs before.kzs
run 2 -d a.db sync export good.kzs
err_has "already exists"
cmp -s good.kzs before.kzs || fail "sync export overwrote an existing file"
unchanged a.db "sync export to an existing file"

# The file is locked: none of the new value in its bytes, and any byte
# changed anywhere (the clear header included) or the file lengthened is
# refused as damaged, nothing changed.
! grep -aqF "7 zł (A, nowe)" good.kzs || fail "the changed value is in the clear in the change file"
flip_locked() { # OFFSET OUT: good.kzs with the byte at OFFSET flipped
	python3 -c '
import sys
d = bytearray(open("good.kzs", "rb").read())
d[int(sys.argv[1])] ^= 0x01
open(sys.argv[2], "wb").write(d)' "$@"
}
for off in 3 20 40 60 70 $((size / 3)) $((size / 2)) $((size - 20)) $((size - 1)); do
	flip_locked "$off" lock.kzs
	bad lock.kzs ""
	# a changed key id in the clear header names another partnership
	grep -qE "damaged|another partnership" err || fail "a byte flipped at $off: $(cat err)"
done
{ cat good.kzs; printf 'x'; } >long.kzs
bad long.kzs "damaged"

# damaged bytes inside the lock (written by a holder of the key): the
# checksum (or SQLite) must catch them; a damaged file may be taken only
# when what it brings is exactly what the good file brings. The tests'
# helper opens the file with the key and seals what the damage made.
"$KZ_LOCKTOOL" open b.db good.kzs good.plain || fail "the change file does not open with the key"
grep -aqF "7 zł (A, nowe)" good.plain || fail "the opened change file lacks the new value"
cp b.db b-good.db
run 0 -d b-good.db sync import good.kzs
KZ_AS=akowalska K -d b-good.db sync dump >good.dump
flip() { # OFFSET COUNT OUT: good.plain with COUNT bytes from OFFSET flipped, sealed
	python3 -c '
import sys
d = bytearray(open("good.plain", "rb").read())
off, n = int(sys.argv[1]), int(sys.argv[2])
for i in range(off, min(off + n, len(d))):
    d[i] ^= 0x5a
open(sys.argv[3] + ".plain", "wb").write(d)' "$@" &&
	rm -f "$3" && "$KZ_LOCKTOOL" seal b.db "$3.plain" "$3"
}
size=$(stat -c %s good.plain)
damaged() { # FILE WHAT
	cp b.db victim.db
	K -d victim.db sync import "$1" >out 2>err
	local rc=$?
	KZ_AS=akowalska K -d victim.db sync dump >victim.dump
	if [ $rc -eq 2 ]; then
		err_has "$1"
		cmp -s victim.dump b.db.snap.dump || fail "$2: refused, but the data changed"
	elif [ $rc -eq 0 ]; then
		cmp -s victim.dump good.dump || fail "$2: a damaged file was applied and changed the data otherwise than the good file"
	else
		fail "$2: sync import exited $rc (expected 2, or 0 with the good file's result)"
	fi
	return $rc
}
# the new value itself
off=$(grep -abo "7 zł (A, nowe)" good.plain | head -1 | cut -d: -f1)
[ -n "$off" ] || fail "the new value is not in the change file"
flip "$off" 3 value.kzs
damaged value.kzs "flipped bytes in a changed value" || true
[ -s err ] && grep -q "damaged" err || fail "flipped bytes in a changed value were not noticed"
# three bytes in the middle of the file
flip $((size / 2)) 3 middle.kzs
damaged middle.kzs "flipped bytes in the middle" || true
# the number of rows on the page of transactions (this crashed: xstrdup(NULL)
# on a row SQLite could not read whole)
tx_page=$(python3 -c '
import sqlite3
c = sqlite3.connect("file:good.plain?mode=ro", uri=True)
print(c.execute("PRAGMA page_size").fetchone()[0] * (c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", ("tx",)).fetchone()[0] - 1))')
flip $((tx_page + 4)) 1 cells.kzs
damaged cells.kzs "a damaged page of transactions" || true
# the clock in the file's header (what the sender holds): a replica would
# remember a wrong clock for its peer
python3 -c '
import sqlite3, sys
a_id = sys.argv[1]
c = sqlite3.connect("file:good.plain?mode=ro", uri=True)
clock = c.execute("SELECT value FROM header WHERE key = ?", ("clock",)).fetchone()[0]
c.close()
d = bytearray(open("good.plain", "rb").read())
at = d.find(b"clock" + clock.encode())
assert at > 0 and (a_id + ":") in clock
digit = at + 5 + len(clock[:clock.index(a_id + ":")].encode()) + len(a_id) + 1
d[digit] = ord("0") + (d[digit] - ord("0") + 1) % 10   # one digit of our own seq, one more
open("clock.plain", "wb").write(d)' "$a_id" || fail "cannot find the clock in the file's header"
rm -f clock.kzs
"$KZ_LOCKTOOL" seal b.db clock.plain clock.kzs || fail "cannot seal clock.kzs"
damaged clock.kzs "a damaged clock in the header" && fail "a change file with a damaged clock in its header was accepted"
# a sample of every other byte that is not zero
for off in $(python3 -c '
d = open("good.plain", "rb").read()
nz = [i for i, b in enumerate(d) if b]
print(" ".join(str(i) for i in nz[::max(1, len(nz) // 40)]))'); do
	flip "$off" 1 sample.kzs
	damaged sample.kzs "a byte flipped at $off" || true
done
unchanged b.db "damaged files"

# the same file twice: the second time nothing new
run 0 -d b.db sync import good.kzs
out_has "Received 1 new changes (0 already here)"
KZ_AS=akowalska K -d b.db sync dump >once.dump
cmp -s once.dump good.dump || fail "b.db differs from its copy that took the same file"
snapshot b.db
run 0 -d b.db sync import good.kzs
out_has "Received 0 new changes (1 already here), 0 records changed."
unchanged b.db "the same file twice"

# a gap: a file whose changes need changes not received yet waits; they
# come in when the missing ones arrive
xfer a.db hub.db g0.kzs       # the hub gets good.kzs's change
xfer hub.db a.db g1.kzs       # and A learns that the hub holds it
KZ_AS=mnowak set_service a.db "$s3" cost "8 zł (A, po przerwie)"
rm -f gap.kzs
run 0 -d a.db sync export gap.kzs
out_has "Wrote 1 changes"     # only the change the hub has not seen
for f in h1 h2 h3; do run 0 -d y.db sync import $f.kzs; done
snapshot y.db
run 0 -d y.db sync import gap.kzs
out_has "Received 0 new changes"
out_has "need changes from another computer first"
# the data and what y holds stay; y may note what the sender holds
KZ_AS=akowalska K -d y.db sync dump >y.gap.dump
cmp -s y.db.snap.dump y.gap.dump || fail "a file with a gap changed the data: $(diff y.db.snap.dump y.gap.dump | head -c 1500)"
[ "$(status y.db Holds)" = "$(sed -n 's/^Holds: //p' y.db.snap.status)" ] || fail "a file with a gap changed what y.db holds"
[ "$(field y.db "$s3" cost)" != "8 zł (A, po przerwie)" ] || fail "a change was applied before what it needs"
run 0 -d y.db sync import good.kzs
run 0 -d y.db sync import gap.kzs
out_has "Received 1 new changes"
[ "$(field y.db "$s3" cost)" = "8 zł (A, po przerwie)" ] || fail "the waiting change did not come in"

# --- the environment: exit 3 ----------------------------------------------------------
snapshot a.db
run 3 -d a.db sync export /proc/koszyk-test.kzs
err_has "/proc/koszyk-test.kzs"
run 3 -d a.db sync export "$WORK/no/such/dir/f.kzs"
err_has "no/such/dir/f.kzs"
unchanged a.db "export to a place that cannot be written"
if [ "$(id -u)" -ne 0 ]; then
	rm -f locked.kzs
	run 0 -d a.db sync export locked.kzs
	chmod 000 locked.kzs
	snapshot b.db
	run 3 -d b.db sync import locked.kzs
	err_has "locked.kzs"
	unchanged b.db "an unreadable file"
	chmod 600 locked.kzs
	mkdir ro
	run 0 -d ro/r.db sync clone hub.db
	snapshot ro/r.db
	chmod 555 ro
	run 3 -d ro/r.db sync export ro/out.kzs
	run 3 -d ro/r.db sync import g1.kzs
	chmod 755 ro
	unchanged ro/r.db "a read-only folder"
else
	echo "running as root: unreadable files and read-only folders are not tested"
fi
# --- a change its author had no right to make: refused at the office -----------------
# The viewer's laptop, registered at the office as hers when she cloned it.
as kzielinska 0 -d v.db sync clone hub.db
# Her koszyk refuses her a change ...
as kzielinska 2 -d v.db import csv services set.csv
# ... so she forges two: one under her own name with a configuration of
# her own that makes her a coordinator on the laptop, one written on her
# laptop under the coordinator's name.
sed 's/role: viewer}/role: coordinator}/' "$TESTS_DIR/../config/koszyk.yaml" >forge.yaml
before=$(field hub.db "$s4" place)
K -d v.db list services --all --json |
	jq -r --arg id "$s4" '"id,title,provider,place", (.[] | select(.id == $id) | [.id, .title, .provider_name, "Podrobione miejsce"] | @csv)' >forge.csv
as kzielinska 0 -c forge.yaml -d v.db import csv services forge.csv
K -d v.db list services --all --json |
	jq -r --arg id "$s4" '"id,title,provider,cost", (.[] | select(.id == $id) | [.id, .title, .provider_name, "0 zł (podrobione)"] | @csv)' >forge2.csv
as akowalska 0 -d v.db import csv services forge2.csv
KZ_AS=akowalska K -d hub.db sync dump >hub.before.dump
rm -f v1.kzs
run 0 -d v.db sync export v1.kzs
run 0 -d hub.db sync import v1.kzs
out_has "2 changes were refused"
out_has "Received 0 new changes"
KZ_AS=akowalska K -d hub.db sync dump >hub.after.dump
cmp -s hub.before.dump hub.after.dump || fail "a refused change reached the office's data: $(diff hub.before.dump hub.after.dump | head -c 1500)"
[ "$(field hub.db "$s4" place)" = "$before" ] || fail "the forged place was applied"
# kept aside for a coordinator, with who, why and what
as akowalska 0 -d hub.db list dropped --json
jq -e 'map(select(.reason == "refused")) | length == 2' out >/dev/null || fail "the refused changes are not listed: $(cat out)"
jq -e 'any(.[]; .reason == "refused" and .user == "kzielinska" and (.why | test("may only look")))' out >/dev/null ||
	fail "the viewer's change is not listed with why: $(cat out)"
jq -e 'any(.[]; .reason == "refused" and .user == "akowalska" and (.why | test("computer of kzielinska")))' out >/dev/null ||
	fail "the change under another's name is not listed with why: $(cat out)"
jq -e 'any(.[]; .reason == "refused" and (.changes | any(.values.place == "Podrobione miejsce")))' out >/dev/null ||
	fail "the refused change does not say what it would have changed: $(cat out)"
# ... and for nobody else (mnowak as the worker she is in the demo)
as mnowak 0 -c "$TESTS_DIR/../config/koszyk.yaml" -d hub.db list dropped --json
jq -e 'all(.[]; .reason != "refused")' out >/dev/null || fail "a worker sees refused changes"
# the same file again: nothing new, still refused once
run 0 -d hub.db sync import v1.kzs
out_has "Received 0 new changes"
out_lacks "refused"
as akowalska 0 -d hub.db list dropped --json
jq -e 'map(select(.reason == "refused")) | length == 2' out >/dev/null || fail "refused twice: $(cat out)"
# what the laptop writes later under her own right still applies
run 0 -d hub.db sync export h9.kzs
run 0 -d v.db sync import h9.kzs

# --- an import of several batches (issue 14): the change log is written a
# batch at a time, and a replica receives every service, also one the file
# adds and changes again further down --------------------------------------
as akowalska 0 -d z.db sync clone hub.db
prov=$(K -d hub.db list partners --json | jq -r '.[0].name | [.] | @csv')
new_id=0f8fad5b-d9cb-469f-a165-70867728950e
{
	echo "id,title,provider"
	for i in $(seq 1 300); do
		case $i in
		10) echo "$new_id,Dodana w imporcie,$prov" ;;
		290) echo "$new_id,Zmieniona w imporcie,$prov" ;;
		*) echo ",Usługa z importu $i,$prov" ;;
		esac
	done
} >many.csv
run 0 -d hub.db import csv services many.csv
out_has "299 new, 1 updated"
xfer hub.db z.db many.kzs
[ "$(field z.db $new_id title)" = "Zmieniona w imporcie" ] ||
	fail "the service added and changed by one import did not arrive as changed: $(field z.db $new_id title)"
K -d z.db list services --all --json >z.json
[ "$(jq '[.[] | select(.title | startswith("Usługa z importu"))] | length' z.json)" = 298 ] ||
	fail "the replica did not receive every imported service"
no_temporary_files
exit 0
