#!/usr/bin/env bash
# import hsds DIR: the official HSDS 3.0 example (tests/data/hsds-example,
# see its SOURCE.md) arrives with every field koszyk keeps and names what
# it does not; the same feed twice changes nothing; koszyk → HSDS →
# koszyk keeps every service field HSDS can hold; a broken feed exits 2
# and writes nothing.
source "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || { echo "SKIP: no jq"; exit 77; }

example=$TESTS_DIR/data/hsds-example
cfg=$(config_with_me)
KZ_AS=
run 0 -c "$cfg" -d e.db init

# (a) the example
run 0 -c "$cfg" -d e.db import hsds "$example"
out_has "3 new, 0 updated, 0 unchanged"
for w in "services.interpretation_services: 1 values not kept" \
	"organizations.year_incorporated: 1 values not kept" \
	"phones.extension: 1 values not kept" "languages: 1 rows not kept" \
	"locations.latitude: 1 values not kept" "funding: 1 rows not kept" \
	"addresses.attention: 1 values not kept" "addresses.country: 1 values not kept" \
	"addresses.state_province: 1 values not kept" \
	"organization_identifiers: 1 rows not kept"; do
	err_has "$w"
done
run 0 -c "$cfg" -d e.db list partners --json
jq -e '.[0] | .id == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610" and
	.name == "Example Organization Inc." and .short_name == "Example Org" and
	.email == "email@example.com" and .website == "http://example.com" and
	(.role | startswith("Example Org is a non-profit"))' out >/dev/null ||
	fail "the organization"
run 0 -c "$cfg" -d e.db list contacts --json
jq -e '.[0] | .name == "Ann Persona" and .position == "Reception Manager" and
	.phone == "+44 1234 234567" and .email == "email@example.com" and
	.partner_id == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"' out >/dev/null ||
	fail "the contact person and her phone"
run 0 -c "$cfg" -d e.db list services --json
jq -e '.[0] | .id == "ac148810-d857-441c-9679-408f346de14b" and
	.title == "Community Counselling" and .status == "active" and
	.place == "MyCity Civic Center, 1-30 Main Street, MyVillage, ABC 1234 MyCity" and .verified_on == "2005-01-01" and
	.provider_id == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610" and
	(.hours | startswith("The service is available from 10 am")) and
	(.how_to_get | startswith("If you are an NHS patient")) and
	(.cost | startswith("Non-NHS patients")) and .waiting_time == "wait_time" and
	(.area | startswith("The service is available to all residents")) and
	(.access_conditions | contains("Dokumenty: Any official identification"))' \
	out >/dev/null || fail "the service"

# (b) the same feed again changes nothing
run 0 -c "$cfg" -d e.db sync dump
cp out before
run 0 -c "$cfg" -d e.db import hsds "$example"
out_has "0 new, 0 updated, 3 unchanged"
run 0 -c "$cfg" -d e.db sync dump
cmp -s out before || fail "a second import changed the database"

# (c) koszyk → HSDS → koszyk: what HSDS holds survives. Not held by HSDS:
# a service's kind (service/activity), contact person and verified_by,
# "—" standing for nothing (exported as an empty cell), archived services
# (not published); a partner's kind, sectors, membership, resources and
# notes; a contact's reachable and notes.
KZ_AS=akowalska run 0 -d demo.db demo
printf 'name,krs,address\nFundacja Krajowa,0000123456,"ul. Długa 5/7, 00-950 Warszawa"\nFundacja Bez Kodu,123,"ul. Krótka 1, Zagórze"\n' >krs.csv
KZ_AS=akowalska run 0 -d demo.db import csv partners krs.csv
KZ_AS=akowalska run 0 -d demo.db export hsds h
run 0 -c "$cfg" -d r.db init
run 0 -c "$cfg" -d r.db import hsds h
# the records of KIND in demo.db (those published: PUBLISHED) and in r.db,
# each as PROJECTION, in KIND-a.json and KIND-b.json; the same
round_trip() {
	KZ_AS=akowalska run 0 -d demo.db list "$1" --json
	jq -S "[.[] | select($2)] | $3" out >"$1-a.json"
	run 0 -c "$cfg" -d r.db list "$1" --json
	jq -S "$3" out >"$1-b.json"
	[ "$(jq length "$1-a.json")" -gt 50 ] || fail "few $1 in the round trip"
	diff "$1-a.json" "$1-b.json" >d || fail "the round trip changed $1: $(head -20 d)"
}
round_trip services '.status != "archived"' '[.[] | with_entries(if .value == "—" then .value = null else . end) |
	{id, title, description, provider_id, category, sector, target_groups,
	 access_conditions, how_to_get, cost, place, hours, waiting_time, area,
	 status, valid_from, valid_to, verified_on}] | sort_by(.id)'
# a partner's name, short name, role, email, website, phone, address and KRS
round_trip partners '.status != "left"' '[.[] |
	{id, name, short_name, role, email, website, phone, address, krs}] | sort_by(.id)'
pb=partners-b.json
[ "$(jq '[.[] | select(.address != null)] | length' $pb)" -gt 50 ] || fail "few addresses"
jq -e 'any(.[]; .krs == "0000123456" and .address == "ul. Długa 5/7, 00-950 Warszawa")' $pb >/dev/null ||
	fail "the KRS number or the address did not come back"
# the address rows: the street, the postal code and the town apart
grep -q ',ul. Długa 5/7,,Warszawa,,łódzkie,00-950,PL,physical' h/addresses.csv ||
	fail "no address row for ul. Długa: $(grep Długa h/addresses.csv)"
grep -q 'Krótka' h/addresses.csv && fail "an address without a postal code as an address row"
grep -q ',PL-KRS,KRS,0000123456' h/organization_identifiers.csv ||
	fail "no organization identifier for the KRS number"
# the feed holds the KRS numbers: one it no longer has is gone; a bad one
# is refused
run 0 -c "$cfg" -d r.db import hsds h
out_has " 0 updated,"
sed -i 's/,PL-KRS,KRS,0000123456/,PL-KRS,KRS,12A/' h/organization_identifiers.csv
run 2 -c "$cfg" -d r.db import hsds h
err_has "organization_identifiers.csv: row 3, column identifier: \"12A\" is not a KRS number"
head -1 h/organization_identifiers.csv >oi && mv oi h/organization_identifiers.csv
run 0 -c "$cfg" -d r.db import hsds h
out_has " 2 updated,"
run 0 -c "$cfg" -d r.db list partners --json
jq -e 'all(.[]; .krs == null)' out >/dev/null || fail "a KRS number the feed no longer has"

# (d) broken feeds: exit 2, the file, row and column named, nothing written
run 0 -c "$cfg" -d e.db sync dump
cp out before
mkdir -p bad1 bad2 bad3
cp "$example"/*.csv bad2/ && cp "$example"/*.csv bad3/
cp "$example"/services.csv bad1/
run 2 -c "$cfg" -d e.db import hsds bad1
err_has "organizations.csv: missing"
rm bad2/contacts.csv
sed -i 's/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,e7ec/00000000-0000-4000-8000-000000000000,e7ec/' bad2/services.csv
run 2 -c "$cfg" -d e.db import hsds bad2
err_has "services.csv: row 2, column organization_id"
sed -i 's/,2005-01-01,email@example.com/,2005-13-45,email@example.com/' bad3/services.csv
run 2 -c "$cfg" -d e.db import hsds bad3
err_has "services.csv: row 2, column assured_date"
# A service given twice, met after the partners and the first service
# were saved: they are rolled back with it.
mkdir -p bad4 && cp "$example"/*.csv bad4/
n=$(wc -l <bad4/services.csv)
tail -n 1 bad4/services.csv >>bad4/services.csv
run 2 -c "$cfg" -d e.db import hsds bad4
err_has "services.csv: row $((n + 1)), column id: $(tail -n 1 bad4/services.csv | cut -d, -f1) is also the id of row $n"
run 0 -c "$cfg" -d e.db sync dump
cmp -s out before || fail "a refused import changed the database"
echo PASS
