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

exit 0
