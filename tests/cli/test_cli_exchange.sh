#!/usr/bin/env bash
# Import and export: RFC 4180 CSV round trip, updates by id, bad files
# that write nothing, and the published HTML page.
source "$(dirname "$0")/lib.sh"

services_header='id,title,kind,description,provider,category,sector,target_groups,access_conditions,how_to_get,cost,place,hours,waiting_time,area,contact,status,valid_from,valid_to,verified_on,verified_by'
partners_header='id,name,short_name,kind,sectors,address,phone,email,website,krs,status,declaration_date,role,resources,notes'

run 0 -d demo.db demo
run 0 -d demo.db export csv services -o all.csv
[ "$(head -1 all.csv | tr -d '\r')" = "$services_header" ] || fail "services CSV header: $(head -1 all.csv)"
run 0 -d demo.db export csv partners
[ "$(head -1 out | tr -d '\r')" = "$partners_header" ] || fail "partners CSV header"
grep -q $'\r$' all.csv || fail "CSV lines end with CRLF (RFC 4180)"

# importing the export again updates every row and changes nothing
rows=$(jq -R . < /dev/null; "$KOSZYK_BIN" -d demo.db list services --all --json | jq length)
run 0 -d demo.db import csv services all.csv
out_has "0 new, $rows updated"
run 0 -d demo.db export csv services -o again.csv
cmp -s all.csv again.csv || fail "export → import → export is not stable"

# a new gmina from CSV files written by hand: a database made by init is
# no demo, so no --as; the login running the tests is its coordinator
KZ_AS=
me=$(config_with_me)
run 0 -d new.db init
cat > partners.csv <<'CSV'
name,short_name,kind,sectors,status,declaration_date,phone
"Stowarzyszenie „Razem”, Olszynka",Razem,ngo,ngo;kultura,declared,2026-03-02,500 000 111
Parafia św. Józefa,,parafia,kosciol,informal,,
CSV
run 0 -c "$me" -d new.db import csv partners partners.csv
out_has "2 new, 0 updated"
cat > services.csv <<'CSV'
title,provider,category,target_groups,access_conditions,cost
"Korepetycje z matematyki ""Plus""",Razem,edukacja,dzieci;mlodziez,"Uczniowie klas 4–8.
Zapisy u wychowawcy.",bezpłatnie
Paczki żywnościowe,Parafia św. Józefa,Pomoc materialna i żywnościowa,rodziny,Skierowanie z GOPS,
CSV
run 0 -c "$me" -d new.db import csv services services.csv
out_has "2 new, 0 updated"
run 0 -c "$me" -d new.db search --json korepetycje
jq -e '.[0].title == "Korepetycje z matematyki \"Plus\""' out >/dev/null || fail "quoted title"
run 0 -c "$me" -d new.db list services --json
jq -e 'any(.[]; .title == "Paczki żywnościowe" and .category == "pomoc_materialna" and .provider_name == "Parafia św. Józefa")' out >/dev/null \
	|| fail "a category given by its label is stored as its code"
jq -e 'any(.[]; .access_conditions == "Uczniowie klas 4–8.\nZapisy u wychowawcy.")' out >/dev/null || fail "a line break inside a quoted field"

# update by id: only the columns in the file change
id=$(jq -r '.[] | select(.title == "Paczki żywnościowe") | .id' out)
printf 'id,title,provider,cost\n%s,Paczki żywnościowe,Parafia św. Józefa,5 zł\n' "$id" > update.csv
run 0 -c "$me" -d new.db import csv services update.csv
out_has "0 new, 1 updated"
run 0 -c "$me" -d new.db list services --json
jq -e --arg id "$id" '.[] | select(.id == $id) | .cost == "5 zł" and .access_conditions == "Skierowanie z GOPS"' out >/dev/null || fail "update by id"

# bad files: exit 2, the file and row named, nothing written
run 0 -c "$me" -d new.db export csv services -o before.csv
bad() { # NAME CONTENT EXPECTED-TEXT
	printf '%b' "$2" > "$1"
	run 2 -c "$me" -d new.db import csv services "$1"
	err_has "$1"
	err_has "$3"
	run 0 -c "$me" -d new.db export csv services -o after.csv
	cmp -s before.csv after.csv || fail "$1: the database changed after a failed import"
}
bad quote.csv 'title,provider\nDobra usługa,Razem\n"Zła usługa,Razem\n' 'row 3'
bad count.csv 'title,provider\nDobra usługa,Razem\nZła,Razem,nadmiar\n' 'row 3'
bad utf8.csv 'title,provider\nDobra usługa,Razem\nZ\xb3a us\xb3uga,Razem\n' 'row 3'
bad partner.csv 'title,provider\nDobra usługa,Razem\nUsługa,Fundacja Nieistniejąca\n' 'Fundacja Nieistniejąca'
bad column.csv 'title,provider,colour\nDobra usługa,Razem,red\n' 'colour'
bad date.csv 'title,provider,valid_from\nDobra usługa,Razem,2026-13-01\n' 'row 2'
long=$(head -c 400 /dev/zero | tr '\0' 'x')
bad long.csv "title,provider\nDobra usługa,Razem\n$long,Razem\n" 'row 3'
bad missing.csv 'title,cost\nDobra usługa,0\n' 'provider'
run 2 -c "$me" -d new.db import csv services nosuchfile.csv
err_has "nosuchfile.csv"

# publishing (the demo again, as its coordinator): JSON, Markdown, one
# self-contained HTML page
KZ_AS=akowalska
run 0 -d demo.db export json -o basket.json
jq -e 'type == "array" and any(.[]; .kind == "service") and any(.[]; .kind == "partner") and any(.[]; .kind == "contact") and all(.[]; has("id") and has("title"))' basket.json >/dev/null || fail "JSON export"
run 0 -d demo.db export md -o basket.md
grep -q '^# ' basket.md || fail "Markdown has a title"
grep -q 'Żłobek Gminny' basket.md || fail "Markdown lists the services"
run 0 -d demo.db export html -o basket.html
grep -q '<meta name="viewport"' basket.html || fail "HTML is readable on a phone"
grep -q 'Żłobek Gminny' basket.html || fail "HTML lists the services"
grep -q 'Opieka nad dziećmi' basket.html || fail "HTML groups by category"
! grep -Eiq '<(link|img|iframe)|src=|@import|url\(' basket.html || fail "HTML must not load anything from outside"
[ "$(stat -c %a basket.html)" = 644 ] || fail "the published page is readable by the web server"
# A Content-Security-Policy: nothing loaded, only the page's own style and
# script (by their SHA-256), in every HTML koszyk writes.
if [ -x /usr/bin/python3 ]; then
	csp() { /usr/bin/python3 "$TESTS_DIR/tools/csp_check.py" "$1" >csp.out 2>&1 ||
		fail "$1 against its Content-Security-Policy: $(head -5 csp.out)"; }
	csp basket.html
	grep -q "script-src 'sha256-" basket.html || fail "the page's script is not named by its hash"
	run 0 -d demo.db report coverage --format html -o report.html
	csp report.html
	run 0 -d demo.db plan R/2026/001 --format html -o plan.html
	csp plan.html
	run 0 -d demo.db list meetings --json
	mid=$(jq -r '.[0].id' out)
	run 0 -d demo.db meeting minutes "$mid" --format html -o minutes.html
	csp minutes.html
fi
exit 0
