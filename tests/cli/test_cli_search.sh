#!/usr/bin/env bash
# koszyk search: folding, prefixes, all words, JSON, search text as data.
source "$(dirname "$0")/lib.sh"

run 0 -d demo.db demo
out_has "162 services"

run 0 -d demo.db search zlobek
out_has "Żłobek Gminny „Pod Brzozą”"
run 0 -d demo.db search ZŁOBEK
out_has "Żłobek Gminny „Pod Brzozą”"
run 0 -d demo.db search lodz
out_has "w Łodzi"
run 0 -d demo.db search pomoc psych
first=$(sed -n 2p out)
case $first in *"Pomoc psychologiczna"*) ;; *) fail "first hit for 'pomoc psych' is not a 'Pomoc psychologiczna' title: $first" ;; esac
run 0 -d demo.db search --json pomoc psych
json_ok
[ "$(jq '[.[] | select(.kind == "service")] | length' out)" -ge 5 ] || fail "expected at least 5 services for 'pomoc psych'"
jq -e '.[0].title | startswith("Pomoc psychologiczna")' out >/dev/null || fail "title matches must come first"

# every word must match: no entry is about both
run 1 -d demo.db search zlobek schronisko
err_has "nothing found"
run 1 -d demo.db search --json qqqqzz
[ "$(cat out)" = "[]" ] || fail "no hits must give an empty JSON array"

# search text is data: never an error, never SQL
# (as the coordinator, whose search covers the case codes too)
for q in '"' "'" '*' '"zlob' 'NEAR(a b)' '-' 'a OR b' "'; DROP TABLE services; --" '(' ')' '{title}: x' '^' '%' '_'; do
	"$KOSZYK_BIN" --as akowalska -d demo.db search "$q" >out 2>err
	rc=$?
	[ $rc -le 1 ] || fail "search '$q' exited $rc"
	"$KOSZYK_BIN" --as akowalska -d demo.db search --json "$q" >out 2>err
	json_ok
done
run 0 -d demo.db search '"zlob'
out_has "Żłobek"
run 0 -d demo.db list services
out_has "Żłobek Gminny"

# contact persons and partners are found too, with a phone
run 0 -d demo.db search --json gops
jq -e 'any(.[]; .kind == "partner")' out >/dev/null || fail "GOPS partner not found"
# case codes are found, and nothing else of a case (the coordinator sees
# every case)
code=$("$KOSZYK_BIN" --as akowalska -d demo.db list cases --json | jq -r '[.[] | select(.status != "closed")][0].title')
run 0 -d demo.db search --json "$code"
jq -e --arg c "$code" 'any(.[]; .kind == "case" and .title == $c)' out >/dev/null || fail "case $code not found by its code"
run 1 -d demo.db search --json Przykładowa
jq -e 'all(.[]; .kind != "case")' out >/dev/null || fail "a case is found by a name"
exit 0
