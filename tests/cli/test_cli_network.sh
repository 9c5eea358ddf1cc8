#!/usr/bin/env bash
# A network of partnerships: network add NAME DIR imports another
# partnership's published HSDS feed as a read-only basket marked with
# NAME; search finds its services with [NAME]; changing them here is
# refused (exit 2, nothing written); network update reads the feed again,
# idempotently, and withdraws (archives, never deletes) a service gone
# from the feed, which a plan that picked it still names; export hsds
# publishes only our own basket, and nothing of cases.
source "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || { echo "SKIP: no jq"; exit 77; }

# B: another partnership, its basket the HSDS example, published
cfg=$(config_with_me)
KZ_AS= run 0 -c "$cfg" -d b.db init
KZ_AS= run 0 -c "$cfg" -d b.db import hsds "$TESTS_DIR/data/hsds-example"
KZ_AS= run 0 -c "$cfg" -d b.db export hsds feed

# A: the demo, adds B's basket as "sasiedzi"
run 0 -d a.db demo
run 0 -d a.db network list
out_has "No networks"
run 2 -d a.db network add 'sąsiedzi!' feed
err_has "is not a network's short name"
run 2 -d a.db network add sasiedzi nowhere
err_has "nowhere: no such folder or file of an HSDS feed"
as kzielinska 2 -d a.db network add sasiedzi feed
err_has "may only look"
run 0 -d a.db network list
out_has "No networks"
run 0 -d a.db network add sasiedzi feed/datapackage.json
out_has "Network sasiedzi from $PWD/feed: 3 new, 0 updated, 0 unchanged, 0 withdrawn, 0 partners left."
run 2 -d a.db network add sasiedzi feed
err_has "the network sasiedzi is already there"
run 0 -d a.db network list
out_has "sasiedzi	1 services, 0 withdrawn, 1 partners, 0 left"

# search and lookup mark it
run 0 -d a.db search counselling
out_has "Community Counselling"
out_has "[sasiedzi]"
run 0 -d a.db search --json counselling
jq -e 'any(.[]; .title == "Community Counselling" and (.detail | endswith("[sasiedzi]")))' out >/dev/null ||
	fail "the JSON hit is not marked with its network"
# JSON names the network: null for our own records
jq -e 'all(.[]; has("network")) and
	any(.[]; .title == "Community Counselling" and .network == "sasiedzi") and
	all(.[]; .title == "Community Counselling" or .network == null)' out >/dev/null ||
	fail "search --json hits do not name their network"
run 0 -d a.db search --json example
jq -e 'any(.[]; .kind == "partner" and .network == "sasiedzi")' out >/dev/null ||
	fail "search --json: the network's partner"
run 0 -d a.db search --json zlobek
jq -e 'length > 0 and all(.[]; .network == null)' out >/dev/null ||
	fail "search --json: our own hits name a network"
for k in services partners contacts; do
	run 0 -d a.db list $k --json
	jq -e 'all(.[]; has("network")) and
		([.[] | select(.network == "sasiedzi")] | length) == 1 and
		([.[] | select(.network == null)] | length) > 10' out >/dev/null ||
		fail "list $k --json does not name the network (or names it for our own)"
done
run 0 -d a.db search zlobek
out_lacks "[sasiedzi]"
# the list marks it; --network lists only that basket
run 0 -d a.db list services
grep -q "Community Counselling \\[sasiedzi\\]	Example Organization Inc." out ||
	fail "list services does not mark the network's service"
[ "$(grep -c '\[sasiedzi\]' out)" = 1 ] || fail "list services marks our own services"
run 0 -d a.db list services --network sasiedzi
[ "$(wc -l <out)" = 1 ] && out_has "Community Counselling [sasiedzi]" ||
	fail "--network lists other services: $(head -3 out)"
run 2 -d a.db list partners --network sasiedzi
err_has "--network filters the list of services as text only"

# changing it here is refused, nothing written
run 0 -d a.db sync dump
cp out before
id=ac148810-d857-441c-9679-408f346de14b
printf 'id;title;provider\n%s;Zmieniona;Example Organization Inc.\n' "$id" >edit.csv
run 2 -d a.db import csv services edit.csv
err_has "belongs to the basket of sasiedzi; it changes there"
as kzielinska 2 -d a.db network update sasiedzi
run 0 -d a.db sync dump
cmp -s out before || fail "a refused change changed the database"

# a plan picks it
run 0 -d a.db list cases --json
code=$(jq -r '[.[] | select(.status == "active")][0].title' out)
run 0 -d a.db case add action "$code" "service=Community Counselling"

# the same feed again changes nothing
run 0 -d a.db sync dump
cp out before
run 0 -d a.db network update sasiedzi
out_has "0 new, 0 updated, 3 unchanged, 0 withdrawn, 0 partners left."
run 0 -d a.db sync dump
cmp -s out before || fail "the same feed again changed the basket"

# B withdraws the service: A archives it, the plan keeps it
head -1 feed/services.csv >s.csv && mv s.csv feed/services.csv
run 0 -d a.db network update
out_has "1 withdrawn, 0 partners left."
run 0 -d a.db list services --all --json
jq -e --arg id "$id" 'any(.[]; .id == $id and .status == "archived")' out >/dev/null ||
	fail "the withdrawn service is not kept archived"
run 0 -d a.db network update sasiedzi
out_has "0 new, 0 updated, 2 unchanged, 0 withdrawn, 0 partners left."
run 0 -d a.db plan "$code"
out_has "Community Counselling"
run 0 -d a.db network list
out_has "sasiedzi	0 services, 1 withdrawn, 1 partners, 0 left"

# B's partner leaves the feed: A marks it as left, never deletes it, and
# keeps its contact person (contact persons have no status)
cp feed/organizations.csv org.csv
for f in organizations contacts phones; do
	head -1 "feed/$f.csv" >x.csv && mv x.csv "feed/$f.csv"
done
run 0 -d a.db network update sasiedzi
out_has "0 new, 0 updated, 0 unchanged, 0 withdrawn, 1 partners left."
run 0 -d a.db list partners --json
jq -e 'any(.[]; .name == "Example Organization Inc." and .status == "left")' out >/dev/null ||
	fail "the partner gone from the feed is not kept as left"
run 0 -d a.db list contacts --json
jq -e 'any(.[]; .name == "Ann Persona")' out >/dev/null || fail "the contact person was deleted"
run 0 -d a.db network list
out_has "sasiedzi	0 services, 1 withdrawn, 0 partners, 1 left"
run 0 -d a.db network update sasiedzi
out_has "0 new, 0 updated, 0 unchanged, 0 withdrawn, 0 partners left."
# back in the feed: a member again
cp org.csv feed/organizations.csv
run 0 -d a.db network update sasiedzi
out_has "0 new, 1 updated, 0 unchanged, 0 withdrawn, 0 partners left."
run 0 -d a.db list partners --json
jq -e 'any(.[]; .name == "Example Organization Inc." and .status == "informal")' out >/dev/null ||
	fail "the partner back in the feed is not a member again"

# a partnership publishes its own basket only, nothing of cases
run 0 -d a.db export hsds pub
grep -rq --include="*.csv" "Example Organization\|Counselling\|$id" pub && fail "export hsds republished the network's basket"
grep -rq "R/20" pub && fail "a case code in the HSDS files"
grep -rq "R/20" feed && fail "a case code in B's feed"
# nor as a page, a spreadsheet or a file for another program
run 0 -d a.db list services --all --json
jq -e --arg id "$id" 'any(.[]; .id == $id)' out >/dev/null || fail "the network's service is not in the list to begin with"
for f in "html" "md" "json" "csv services" "csv partners" "csv services --excel" "xlsx"; do
	run 0 -d a.db export $f -o "mine.${f%% *}"
	if [ "$f" = xlsx ]; then unzip -p mine.xlsx >mine.txt; else cp "mine.${f%% *}" mine.txt; fi
	grep -q "Example Organization\|Counselling\|$id" mine.txt && fail "export $f carries the network's basket"
	grep -q "Brzozowa\|Wierzbnik" mine.txt || fail "export $f lacks our own basket"
done
# our own basket is never taken over by a feed that holds its ids
run 0 -d a.db sync dump
cp out before
run 2 -d a.db network add echo pub
err_has "is a record of our own basket, not of echo"
run 0 -d a.db sync dump
cmp -s out before || fail "a refused feed changed the database"
exit 0
