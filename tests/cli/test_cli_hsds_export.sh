#!/usr/bin/env bash
# export hsds DIR: the published basket as Open Referral HSDS 3.0 files,
# checked against the data package's own schemas by
# tests/tools/hsds_validate.py (types, formats, required, enumerations,
# primary and foreign keys), which must also fail on broken copies.
source "$(dirname "$0")/lib.sh"

validate=$TESTS_DIR/tools/hsds_validate.py
py=/usr/bin/python3
[ -x "$py" ] || { echo "SKIP: no /usr/bin/python3 to validate the export"; exit 77; }

run 0 -d demo.db demo
printf 'name,krs,address\nFundacja Krajowa,0000123456,"ul. Długa 5/7, 00-950 Warszawa"\n' >krs.csv
run 0 -d demo.db import csv partners krs.csv
run 0 -d demo.db export hsds hsds
out_has "services.csv"
out_has "datapackage.json"
for f in organizations services locations service_at_location contacts phones \
	schedules service_areas cost_options taxonomies taxonomy_terms attributes \
	required_documents programs addresses; do
	[ -f "hsds/$f.csv" ] || fail "no hsds/$f.csv"
done
"$py" "$validate" hsds >val 2>&1 || fail "the export is not valid HSDS: $(head -20 val)"
# A partner's KRS number is an organization identifier (org-id.guide's
# PL-KRS); an address "street, NN-NNN town" an address row of the
# partner's location (the configuration's wojewodztwo its province).
grep -q ',PL-KRS,KRS,0000123456' hsds/organization_identifiers.csv ||
	fail "no organization identifier for the KRS number"
[ "$(grep -c ',łódzkie,[0-9][0-9]-[0-9][0-9][0-9],PL,physical' hsds/addresses.csv)" -gt 50 ] ||
	fail "few address rows: $(head -3 hsds/addresses.csv)"

# column N of a CSV file's rows (header left out), via python's reader;
# it stops quietly when a reader (grep -q) has seen enough
col() {
	"$py" -c 'import csv,signal,sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")): print(r[sys.argv[2]])' "$1" "$2"
}

# Published: active and suspended services, as the published page.
run 0 -d demo.db export csv services
published=$(col out status | grep -cE '^(active|suspended)$')
[ "$published" -gt 100 ] || fail "the demo has $published published services"
[ "$(col hsds/services.csv id | wc -l)" -eq "$published" ] ||
	fail "services.csv: $(col hsds/services.csv id | wc -l) rows, $published active or suspended"
col hsds/services.csv status | sort -u >statuses
[ "$(tr '\n' ' ' <statuses)" = "active temporarily closed " ] ||
	fail "service statuses: $(tr '\n' ' ' <statuses)"

# assured_date is "verified on", last_modified the last save.
cp out services.csv
col out id >ids
col out verified_on >verified
id=$(head -1 ids)
want=$(head -1 verified)
got=$("$py" -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    if r["id"] == sys.argv[2]: print(r["assured_date"] + " " + r["last_modified"])' hsds/services.csv "$id")
[ "${got%% *}" = "$want" ] || fail "assured_date of $id is \"${got%% *}\", verified_on \"$want\""
# An ordinary save changes last_modified, never assured_date.
"$py" -c 'import csv,sys
rows=list(csv.DictReader(open("services.csv", newline="", encoding="utf-8")))
w=csv.DictWriter(open("change.csv", "w", newline="", encoding="utf-8"), fieldnames=["id","title","provider","description"])
w.writeheader()
r=rows[0]
w.writerow({"id": r["id"], "title": r["title"], "provider": r["provider"], "description": "Opis zmieniony w teście."})'
run 0 -d demo.db import csv services change.csv
run 0 -d demo.db export hsds hsds
got2=$("$py" -c 'import csv,sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    if r["id"] == sys.argv[2]: print(r["assured_date"] + " " + r["last_modified"])' hsds/services.csv "$id")
[ "${got2%% *}" = "$want" ] || fail "a save changed assured_date: $got2"
[ "${got2#* }" != "${got#* }" ] || fail "a save left last_modified: $got2"

# Opening hours: parsed into weekly rows where they can be, the text kept.
grep -q 'WEEKLY' hsds/schedules.csv || fail "no schedule row was parsed"
grep -q 'MO,TU,WE,TH,FR' hsds/schedules.csv || fail "no pn–pt schedule"
! col hsds/schedules.csv description | grep -qx '' || fail "a schedule without its text"
# The taxonomy: stable codes.
col hsds/taxonomy_terms.csv code | grep -q '^category:' || fail "no category term"
col hsds/taxonomy_terms.csv code | grep -q '^target_group:' || fail "no target group term"
# Ids are stable: the same export twice gives the same files.
cp -r hsds hsds-before
run 0 -d demo.db export hsds hsds
diff -r hsds-before hsds >/dev/null || fail "a second export differs"

# Nothing about cases.
! grep -rq 'R/20' hsds || fail "a case code in the export: $(grep -rl 'R/20' hsds)"

# A required value missing, a broken foreign key, a wrong header, a bad
# enumeration: each is found.
broken() {
	rm -rf bad && cp -r hsds bad
	"$py" -c "$1" bad
	! "$py" "$validate" bad >val 2>&1 || fail "the validator passed a broken copy ($2)"
	grep -q "$3" val || fail "the validator did not name $2: $(head -5 val)"
}
edit='import csv,sys
p=sys.argv[1]+"/services.csv"
rows=list(csv.reader(open(p, newline="", encoding="utf-8")))
'
save='
csv.writer(open(p, "w", newline="", encoding="utf-8")).writerows(rows)'
broken "${edit}rows[1][3]=\"\"${save}" "an empty name" "name is required"
broken "${edit}rows[1][1]=\"00000000-0000-4000-8000-000000000000\"${save}" \
	"a broken foreign key" "not in organization"
broken "${edit}rows[0][3]=\"title\"${save}" "a wrong header" "header"
broken "${edit}rows[1][8]=\"suspended\"${save}" "a bad status" "not in"
broken "${edit}rows[2][0]=rows[1][0]${save}" "a repeated id" "not unique"
broken 'import csv,sys
p=sys.argv[1]+"/addresses.csv"
rows=list(csv.reader(open(p, newline="", encoding="utf-8")))
rows[1][7]=""
csv.writer(open(p, "w", newline="", encoding="utf-8")).writerows(rows)' "an address without its province" "state_province is required"
broken 'import csv,sys
p=sys.argv[1]+"/organization_identifiers.csv"
rows=list(csv.reader(open(p, newline="", encoding="utf-8")))
rows[1][1]="00000000-0000-4000-8000-000000000000"
csv.writer(open(p, "w", newline="", encoding="utf-8")).writerows(rows)' "an identifier of no organization" "not in organization"

# A DIR that cannot be a folder.
: >plain
run 2 -d demo.db export hsds plain
err_has "not a folder"
run 2 -d demo.db export hsds plain/sub
err_has "plain/sub"
run 2 -d demo.db export hsds hsds -o x.csv
exit 0
