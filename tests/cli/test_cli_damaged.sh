#!/usr/bin/env bash
# A damaged database: 8 KB of bytes written into a demo database at
# several places. Every command either works or says the file is damaged
# (exit 2), never "not a koszyk database"; "check" finds the damage (exit
# 1); once the damage is known, nothing is written into the file (its
# bytes stay the same); the mark of damage goes when "check" finds the
# file whole again (a backup copied back over it).
. "$(dirname "$0")/lib.sh"

run 0 -d base.db demo
run 0 -d base.db list cases
code=$(awk -F'\t' '$3 ~ /\(akowalska\)$/ && $2 !~ /zamkn|closed/ {print $1; exit}' out)
[ -n "$code" ] || fail "no open case of akowalska in the demo"
run 0 -d base.db backup good.bak

# The bytes: the same for every run (seeded), different at each place.
junk() { perl -e 'srand(shift); print map { chr(int(rand(256))) } 1..8192' "$1"; }
# The first page in use at or after a place: bytes written over free
# pages lose nothing, and no check can see them (where the free pages lie
# changes with the schema's migrations).
in_use() { sqlite3 base.db "SELECT (min(pageno) - 1) * 4096 FROM dbstat WHERE pageno > $1 / 4096"; }

READS=("list services" "list partners" "list contacts" "list cases" "list meetings"
	"list tasks" "search pomoc" "search --json rodzin" "plan $code"
	"export json" "export md" "report retention" "sync status" "audit")
met_total=0
for place in 0 4096 16384 65536 262144 1048576 2097152; do
	off=$(in_use "$place")
	[ -n "$off" ] || fail "no page in use at or after $place"
	cp base.db d.db && rm -f d.db-damaged
	# Open once, so that the file is this replica's own (a copy would get
	# an id of its own at its first opening, which is a write).
	run 0 -d d.db list services
	junk "$off" | dd of=d.db bs=1 seek="$off" conv=notrunc status=none
	met=""
	for c in "${READS[@]}"; do
		# shellcheck disable=SC2086
		"$KOSZYK_BIN" --as akowalska -d d.db $c >out 2>err
		rc=$?
		grep -q "not a koszyk database" err && fail "at $off, '$c' calls the damaged file foreign"
		case $rc in
		0) ;;
		2) grep -q "d.db is damaged" err || fail "at $off, '$c' exits 2 without saying the file is damaged"
		   grep -q "koszyk restore" err || fail "at $off, '$c' does not say how to bring back a backup"
		   met="$met|$c" ;;
		*) fail "at $off, '$c' exited $rc" ;;
		esac
	done
	before=$(sha256sum <d.db)
	run 1 -d d.db check
	grep -Eq "damaged|problem" out err || fail "at $off, check does not name the damage"
	[ -e d.db-damaged ] || fail "at $off, check left no mark of the damage"
	# Known damage: no write of any kind reaches the file.
	run 2 -d d.db case add goal "$code" "what=Cel po uszkodzeniu" target_date=2027-05-31
	err_has "d.db is damaged"
	run 2 -d d.db import csv services "$TESTS_DIR/data/csv/services.csv"
	run 2 -d d.db sync import /dev/null
	[ "$before" = "$(sha256sum <d.db)" ] || fail "at $off, a write reached the damaged file"
	# Reading still works where the file can be read, and says so.
	"$KOSZYK_BIN" --as akowalska -d d.db list partners >out 2>err
	[ $? -eq 0 ] && { grep -q "was found damaged" err || fail "at $off, a reading does not say the file was found damaged"; }
	n=$(tr -cd '|' <<<"$met" | wc -c)
	met_total=$((met_total + n))
	echo "offset $off: $n of ${#READS[@]} readings met the damage${met:+ (${met#|})}; check 1; writes refused"
done
[ "$met_total" -gt 0 ] || fail "no reading met any damage: the test damages nothing"

# The backup brought back (restore), put in place of the damaged file:
# check finds it whole and the mark goes.
run 0 -d base.db restore good.bak whole.db
cp whole.db d.db
rm -f d.db-wal d.db-shm
run 2 -d d.db case add goal "$code" "what=Cel" target_date=2027-05-31
run 0 -d d.db check
[ ! -e d.db-damaged ] || fail "check of a whole file left the mark of damage"
run 0 -d d.db case add goal "$code" "what=Cel po przywróceniu" target_date=2027-05-31

# A file of something else is still called so.
echo "Lista zakupów: chleb, mleko" > notes.txt
run 2 -d notes.txt list services
err_has "is not a koszyk database"
echo "ok"
