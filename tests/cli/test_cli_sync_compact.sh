#!/usr/bin/env bash
# The change log stays small: `sync compact` says what left the log and
# what is kept while a laptop still lacks it; a coordinator retires a
# laptop that will not come back (`sync forget`), after which compaction
# goes on without it; when that laptop comes back anyway, its changes
# still reach the office, but the office's file is refused on it (exit 2,
# nothing changed) with the advice to clone anew; a new clone holds what
# the office holds.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
K() { "$KOSZYK_BIN" ${KZ_AS:+--as "$KZ_AS"} "$@"; }
status() { K -d "$1" sync status | sed -n "s/^$2: //p"; }
in_log() { K -d "$1" sync status | sed -n 's/^Changes written here: .*, in the log: //p'; }
n=0
# xfer FROM TO: a change file from FROM applied on TO
xfer() {
	n=$((n + 1))
	run 0 -d "$1" sync export "f$n.kzs"
	run 0 -d "$2" sync import "f$n.kzs"
}
# services DB TAG: three new services on DB
services() {
	printf 'title,provider\n' >new.csv
	for i in 1 2 3; do printf '"Usługa %s %s","%s"\n' "$2" "$i" "$provider" >>new.csv; done
	run 0 -d "$1" import csv services new.csv
	out_has "3 new"
}

run 0 -d hub.db demo
provider=$(K -d hub.db list partners --json | jq -r '.[0].name')
run 0 -d l1.db sync clone hub.db
run 0 -d l2.db sync clone hub.db
l2=$(status l2.db "This replica")
[ -n "$l2" ] || fail "no replica id for l2.db"

# Both laptops work and exchange twice round: the office's log empties.
services l1.db a
services l2.db b
for round in 1 2; do xfer l1.db hub.db; xfer hub.db l1.db; xfer l2.db hub.db; xfer hub.db l2.db; done
# The office hears that the first laptop holds the second's changes.
xfer l1.db hub.db
run 0 -d hub.db sync compact
out_has "Removed from the change log: 0 changes"
out_has "Kept: 0 changes that some of the 2 computers exchanged with do not hold yet."
[ "$(in_log hub.db)" -le 1 ] || fail "the office's log holds $(in_log hub.db) changes after everyone has everything"

# The second laptop is away: what it lacks stays in the log.
for day in c d e; do services l1.db "$day"; xfer l1.db hub.db; xfer hub.db l1.db; done
run 0 -d hub.db sync compact
out_has "Removed from the change log: 0 changes"
out_has "Kept: 3 changes that some of the 2 computers"
[ "$(in_log hub.db)" -ge 3 ] || fail "the office dropped changes the second laptop lacks"

# Retiring it is a coordinator's decision.
as mnowak 2 -d hub.db sync forget "$l2"
err_has "Only a coordinator may retire"
run 1 -d hub.db sync forget no-such-replica
err_has "No computer with replica no-such-replica"
run 0 -d hub.db sync forget "$l2"
out_has "Replica $l2 is retired"
K -d hub.db sync status | grep -q "retired on 2" || fail "sync status does not show the retired laptop: $(K -d hub.db sync status)"
# The first laptop holds all three, but the office heard it hold the
# last one only from its own file, not yet what the laptop's other
# replicas (itself: the office) hold then: one exchange behind.
run 0 -d hub.db sync compact
out_has "Removed from the change log: 2 changes"
out_has "Kept: 1 change that some of the 1 computers"
out_has "Retired computers, not waited for: 1."
xfer hub.db l1.db
xfer l1.db hub.db
# (The demo's first change stays: it holds the partners' membership.)
[ "$(in_log hub.db)" -le 1 ] || fail "the office's log still holds $(in_log hub.db) changes"
xfer hub.db l1.db
[ "$(in_log l1.db)" -le 1 ] || fail "the first laptop's log holds $(in_log l1.db) changes"

# The retired laptop comes back: its own work still arrives ...
services l2.db z
xfer l2.db hub.db
K -d hub.db list services --json | jq -r '.[].title' | grep -qx "Usługa z 1" || fail "the retired laptop's change did not arrive"
# ... but it cannot catch up: told to clone anew, nothing changed.
run 0 -d hub.db sync export back.kzs
KZ_AS=akowalska K -d l2.db sync dump >before.dump
run 2 -d l2.db sync import back.kzs
err_has "away so long"
err_has "koszyk sync clone"
KZ_AS=akowalska K -d l2.db sync dump >after.dump
cmp -s before.dump after.dump || fail "the refused import changed the laptop"

# A laptop made anew holds what the office holds.
run 0 -d l2new.db sync clone hub.db
KZ_AS=akowalska K -d hub.db sync dump >hub.dump
KZ_AS=akowalska K -d l2new.db sync dump >new.dump
cmp -s hub.dump new.dump || fail "the new clone differs from the office"
# The database's check counts what left the log as held.
run 0 -d hub.db check
echo ok
