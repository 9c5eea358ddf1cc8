#!/bin/bash
# X on the basket exports it as koszyk export does: a workbook, the page
# to publish, an HSDS folder (valid HSDS), CSV for Excel; a name in the
# current folder is offered and the message says the whole path; a file
# that is there already is replaced only when the person says so.
. "$(dirname "$0")/lib.sh"

py=/usr/bin/python3
validate=$(cd "$(dirname "$0")/.." && pwd)/tools/hsds_validate.py
e2e_demo_db
cd "$E2E_DIR" || fail "no folder $E2E_DIR"
e2e_start
wait_for "Basket of services"

# export FILTER: choose the format typed, accept the name offered
export_as() {
	keys X
	wait_for "Export the basket as"
	type_text "$1"
	keys Enter
	wait_for "$2"
	keys Enter
}

export_as "workbook" "Save the export as: koszyk.xlsx"
wait_for "The basket was saved to $E2E_DIR/koszyk.xlsx."
unzip -l koszyk.xlsx >list 2>&1 || fail "koszyk.xlsx is not a zip: $(head -3 list)"
grep -q "xl/worksheets/sheet1.xml" list || fail "koszyk.xlsx has no sheet: $(cat list)"
kz export xlsx -o cli.xlsx || fail "export xlsx failed"
unzip -p koszyk.xlsx xl/worksheets/sheet1.xml >screen.xml
unzip -p cli.xlsx xl/worksheets/sheet1.xml >cli.xml
cmp -s screen.xml cli.xml || fail "the screen's workbook differs from koszyk export xlsx"

export_as "publish" "Save the export as: koszyk.html"
wait_for "The basket was saved to $E2E_DIR/koszyk.html."
grep -q "<html" koszyk.html || fail "koszyk.html is not a page"
kz export html -o cli.html || fail "export html failed"
cmp -s koszyk.html cli.html || fail "the screen's page differs from koszyk export html"

export_as "HSDS" "Write the HSDS folder: koszyk-hsds"
wait_for "The basket was written into the folder $E2E_DIR/koszyk-hsds."
[ -f koszyk-hsds/datapackage.json ] || fail "no datapackage.json"
[ -f koszyk-hsds/services.csv ] || fail "no services.csv"
if [ -x "$py" ]; then
	"$py" "$validate" koszyk-hsds >val 2>&1 || fail "the folder is not valid HSDS: $(head -5 val)"
fi

export_as "Services as CSV for Excel" "Save the export as: koszyk-uslugi-excel.csv"
wait_for "The basket was saved to $E2E_DIR/koszyk-uslugi-excel.csv."
head -c 3 koszyk-uslugi-excel.csv | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM for Excel"
head -n 1 koszyk-uslugi-excel.csv | grep -q "^.*id;title;kind" || fail "not semicolons: $(head -n 1 koszyk-uslugi-excel.csv)"

# There already: n keeps it
echo keep >koszyk-uslugi-excel.csv
export_as "Services as CSV for Excel" "Save the export as: koszyk-uslugi-excel.csv"
wait_for "That file is there already. Replace it?"
keys n
wait_for "Not saved."
[ "$(cat koszyk-uslugi-excel.csv)" = keep ] || fail "a file there already was replaced"
# y replaces it
export_as "Services as CSV for Excel" "Save the export as: koszyk-uslugi-excel.csv"
wait_for "That file is there already. Replace it?"
keys y
wait_for "The basket was saved to $E2E_DIR/koszyk-uslugi-excel.csv."
grep -q "id;title" koszyk-uslugi-excel.csv || fail "the file was not replaced"

export_as "Partners as CSV (UTF-8" "Save the export as: koszyk-partnerzy.csv"
wait_for "The basket was saved to $E2E_DIR/koszyk-partnerzy.csv."
head -n 1 koszyk-partnerzy.csv | grep -q "^id,name,short_name" || fail "not the partners' CSV"
# A folder that is not there: the reason, nothing made
keys X
wait_for "Export the basket as"
type_text "publish"
keys Enter
wait_for "Save the export as:"
keys C-u
type_text "nowhere/at/all.html"
keys Enter
wait_for "Not saved:"
[ ! -e nowhere ] || fail "a folder was made for a refused page"
e2e_pass
