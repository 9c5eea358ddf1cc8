#!/usr/bin/env bash
# The spreadsheets partners really send (issue 13): what Polish Excel
# saves as "CSV" (Windows-1250, semicolons, CRLF) is imported and the
# import says how it read it; --encoding and --separator override; the
# basket goes out as a real workbook (export xlsx) and as CSV for Excel
# (export csv --excel).
source "$(dirname "$0")/lib.sh"

KZ_AS=
me=$(config_with_me)
kz() { run "$1" -c "$me" -d new.db "${@:2}"; }
kz 0 init

# --- import: Windows-1250, semicolons, CRLF, detected ---
iconv -f utf-8 -t cp1250 <<'CSV' | sed 's/$/\r/' >partners.csv
name;short_name;kind;sectors;phone
Świetlica Łąka;Łąka;ngo;"ngo;kultura";500 100 200
"Żłobek ""Pszczółka"", Zaułek";Żłobek;ngo;edukacja;
CSV
! iconv -f utf-8 -t utf-8 partners.csv >/dev/null 2>&1 || fail "the test file is not Windows-1250"
grep -q $'\r$' partners.csv || fail "the test file has CRLF line ends"
kz 0 import csv partners partners.csv
out_has "Read as Windows-1250 (cp1250) with ';' between columns."
out_has "2 new, 0 updated"
kz 0 list partners --json
jq -e 'any(.[]; .title == "Świetlica Łąka" and .short_name == "Łąka")' out >/dev/null ||
	fail "a Windows-1250 name arrives as UTF-8"
jq -e 'any(.[]; .title == "Żłobek \"Pszczółka\", Zaułek")' out >/dev/null ||
	fail "a quoted value with a comma and a quote in a semicolon file"

iconv -f utf-8 -t cp1250 <<'CSV' | sed 's/$/\r/' >services.csv
title;provider;target_groups;valid_from
Zajęcia świetlicowe „Łąka”;Łąka;"dzieci;mlodziez";01.09.2026
Żłobek — opieka dzienna;Żłobek;rodziny;
CSV
kz 0 import csv services services.csv
out_has "Read as Windows-1250 (cp1250) with ';' between columns."
kz 0 list services --json
jq -e 'any(.[]; .title == "Zajęcia świetlicowe „Łąka”" and .provider_name == "Świetlica Łąka")' out >/dev/null ||
	fail "services of a Windows-1250 file: title and provider in UTF-8"
jq -e 'any(.[]; .title == "Żłobek — opieka dzienna")' out >/dev/null || fail "a dash of Windows-1250"

# UTF-8 with or without a BOM, commas or semicolons: as today, and said
printf '\xef\xbb\xbfname,phone\r\nKlub Seniora „Jesień”,\r\n' >bom.csv
kz 0 import csv partners bom.csv
out_has "Read as UTF-8 with ',' between columns."
printf 'name;short_name\nDom Sąsiedzki;DS\n' >semi.csv
kz 0 import csv partners semi.csv
out_has "Read as UTF-8 with ';' between columns."
kz 0 list partners --json
jq -e 'any(.[]; .title == "Klub Seniora „Jesień”") and any(.[]; .title == "Dom Sąsiedzki")' out >/dev/null ||
	fail "UTF-8 files with and without a BOM"

# --- the options: told how to read, bad values refused, nothing written ---
kz 0 export csv partners -o before.csv
iconv -f utf-8 -t cp1250 <<'CSV' >other.csv
name;phone
Świetlica „Promyk”;
CSV
kz 2 import csv partners other.csv --encoding utf-8
err_has "other.csv: row 2"
err_has "not valid UTF-8"
err_has "--encoding cp1250"
kz 2 import csv partners other.csv --separator ','
err_has "semicolons"
kz 2 import csv partners other.csv --encoding latin2
err_has '--encoding "latin2"'
err_has "cp1250"
kz 2 import csv partners other.csv --separator tab
err_has '--separator "tab"'
kz 2 import csv partners other.csv --encoding
err_has "--encoding needs"
kz 0 export csv partners -o after.csv
cmp -s before.csv after.csv || fail "a refused import changed the database"
kz 0 import csv partners other.csv --encoding cp1250 --separator ';'
out_has "Read as Windows-1250 (cp1250) with ';' between columns."
out_has "1 new, 0 updated"

# a byte Windows-1250 does not have either: the line named
printf 'name\nDobra\nZ\x98a\n' >neither.csv
kz 2 import csv partners neither.csv
err_has "neither.csv: line 3"
err_has "CSV UTF-8"

# --- export csv --excel: a BOM, semicolons, CRLF; imported back as it is ---
kz 0 export csv partners --excel -o excel.csv
[ "$(head -c 3 excel.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "--excel starts with a UTF-8 BOM"
head -1 excel.csv | tail -c +4 | grep -q '^id;name;short_name;' || fail "--excel separates by semicolons: $(head -1 excel.csv)"
grep -q 'Świetlica Łąka' excel.csv || fail "--excel is UTF-8"
grep -q $'\r$' excel.csv || fail "--excel lines end with CRLF"
grep -qF '"ngo;kultura"' excel.csv || fail "a value with a semicolon is quoted"
kz 0 export csv partners
head -1 out | grep -q '^id,name,' || fail "export csv without --excel stays RFC 4180 with commas"
rows=$(($(grep -c . excel.csv) - 1))
kz 0 import csv partners excel.csv
out_has "Read as UTF-8 with ';' between columns."
out_has "0 new, $rows updated"
kz 0 export csv services --excel
[ "$(head -c 3 out | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "services --excel to stdout"
kz 2 export json --excel
err_has "--excel"

# --- export xlsx: a real workbook, read back with openpyxl ---
py=
for p in /usr/bin/python3 python3; do
	"$p" -c 'import openpyxl' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || fail "python3 with openpyxl is needed (sh tools/install-deps.sh installs python3-openpyxl)"
printf '%s\n' 'title,provider,valid_from,cost' \
	'"=HYPERLINK(""http://x"")",Łąka,2026-09-01,0012' \
	'+48 500 100 200,Łąka,,-5' \
	'@SUM(A1),Łąka,,1e5' >hostile.csv
kz 0 import csv services hostile.csv
mkdir tmp
TMPDIR=$WORK/tmp kz 0 export xlsx -o basket.xlsx
[ -z "$(ls -A tmp)" ] || fail "export xlsx left a temporary file: $(ls -A tmp)"
[ "$(head -c 2 basket.xlsx)" = PK ] || fail "export xlsx writes a zip (xlsx) file"
cat >check.py <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def need(ok, what):
    if not ok:
        print("FAIL: " + what)
        sys.exit(1)
need(wb.sheetnames == ["Services", "Partners", "Contact persons"], "sheet names %r" % wb.sheetnames)
ws = wb["Services"]
head = [c.value for c in ws[1]]
need(head[:2] == ["id", "Title"] and "Provider" in head and "Valid from" in head, "services header %r" % head)
need(all(c.font.b for c in ws[1]), "the header row is bold")
need(ws.freeze_panes == "A2", "the header row is frozen: %r" % ws.freeze_panes)
col = {name: i for i, name in enumerate(head)}
rows = {r[col["Title"]].value: r for r in ws.iter_rows(min_row=2)}
evil = rows.get('=HYPERLINK("http://x")')
need(evil is not None, "the hostile title is there as written: %r" % list(rows)[:5])
need(evil[col["Title"]].data_type == "s", "a title that begins with = is a string, not a formula")
for t in ("+48 500 100 200", "@SUM(A1)"):
    need(t in rows and rows[t][col["Title"]].data_type == "s", "%s stays a string" % t)
need(evil[col["Cost"]].value == "0012" and evil[col["Cost"]].data_type == "s", "a number-like cost stays text")
need(rows["+48 500 100 200"][col["Cost"]].value == "-5", "-5 stays text")
date = evil[col["Valid from"]]
need(isinstance(date.value, datetime.datetime) and date.value.date() == datetime.date(2026, 9, 1),
     "a date is a date: %r" % date.value)
need("yy" in date.number_format, "a date has a date format: %r" % date.number_format)
need(evil[col["Provider"]].value == "Świetlica Łąka", "the provider by name, in UTF-8")
need(all(1 < (ws.column_dimensions[c].width or 0) <= 61 for c in "ABCDE"), "column widths from content, capped")
need(ws.column_dimensions["D"].width > ws.column_dimensions["C"].width, "a long column is wider")
p = wb["Partners"]
need([c.value for c in p[1]][:2] == ["id", "Name"], "partners header")
need(any(r[1].value == "Świetlica Łąka" for r in p.iter_rows(min_row=2)), "partners' names")
c = wb["Contact persons"]
need([c.value for c in c[1]][:3] == ["id", "Full name", "Partner"], "contact persons header")
PY
"$py" check.py basket.xlsx >pyout 2>&1 || { cat pyout; fail "the workbook read back"; }
# in Polish: the sheet names translated (at most 31 characters)
KOSZYK_LANG=pl kz 0 export xlsx -o pl.xlsx
"$py" -c 'import sys, openpyxl; n = openpyxl.load_workbook(sys.argv[1]).sheetnames; sys.exit(not (len(n) == 3 and all(len(s) <= 31 for s in n) and n[0] != "Services"))' pl.xlsx ||
	fail "Polish sheet names"
# a workbook is never written on a terminal; bad arguments change nothing
kz 2 export xlsx services
err_has "usage"
[ ! -e services ] || fail "a file was written"

exit 0
