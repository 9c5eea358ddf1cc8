#!/usr/bin/env bash
# An HSDS feed larger than one of the import's change-log batches (1,024
# services) imported at the office reaches a laptop whole: the import
# writes its change log in pieces of one transaction, and the laptop
# ends with the office's partners, contact persons and services.
. "$(dirname "$0")/lib.sh"

run 0 -d src.db demo
{
	echo "title,provider,description"
	for i in $(seq 1300); do
		echo "Usługa z sieci $i,Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli,Opis usługi $i"
	done
} >many.csv
run 0 -d src.db import csv services many.csv
run 0 -d src.db export hsds feed
[ "$(($(wc -l <feed/services.csv) - 1))" -gt 1024 ] || fail "the feed has $(wc -l <feed/services.csv) lines"

run 0 -d hub.db demo
run 0 -d lap.db sync clone hub.db
run 0 -d hub.db import hsds feed
out_has "Imported feed:"
run 0 -d hub.db sync export changes.sync
run 0 -d lap.db sync import changes.sync

basket() {
	run 0 -d "$1" sync dump
	grep -E "^(services|partners|contacts)\|" out >"$2"
}
basket hub.db hub.txt
basket lap.db lap.txt
[ "$(grep -c '^services|' hub.txt)" -gt 1300 ] || fail "the office has $(grep -c '^services|' hub.txt) services"
cmp -s hub.txt lap.txt || fail "the laptop's basket differs from the office's: $(diff hub.txt lap.txt | head -5)"
echo PASS
