#!/usr/bin/env bash
# The Polish catalogue: complete, used when asked for (KOSZYK_LANG or the
# configuration's language), English when asked for.
source "$(dirname "$0")/lib.sh"

po=$TESTS_DIR/../po/pl.po
pot=$TESTS_DIR/../po/koszyk.pot
cfg_src=$TESTS_DIR/../config/koszyk.yaml

# run_lang LANG EXPECTED_EXIT ARGS...: like run, with KOSZYK_LANG=LANG
# ("-" leaves KOSZYK_LANG unset, so the configuration decides).
run_lang() {
	local lang=$1 want=$2
	shift 2
	if [ "$lang" = - ]; then
		env -u KOSZYK_LANG "$KOSZYK_BIN" "$@" >out 2>err
	else
		KOSZYK_LANG=$lang "$KOSZYK_BIN" "$@" >out 2>err
	fi
	local got=$?
	[ "$got" -eq "$want" ] || fail "KOSZYK_LANG=$lang koszyk $* exited $got, expected $want"
}

# --- the catalogue is complete: nothing untranslated, nothing fuzzy ---
[ -f "$po" ] || fail "no catalogue at $po"
msgfmt --check --statistics -o /dev/null "$po" 2>stats || fail "msgfmt --check fails: $(cat stats)"
grep -q "translated messages" stats || fail "no statistics from msgfmt: $(cat stats)"
! grep -q "untranslated" stats || fail "untranslated messages: $(cat stats)"
! grep -q "fuzzy" stats || fail "fuzzy translations: $(cat stats)"
# and it has every message of the template (msgcmp counts untranslated
# and fuzzy entries as missing), and of the sources as they are now
msgcmp "$po" "$pot" 2>cmp || fail "the catalogue lacks messages of koszyk.pot: $(head -20 cmp)"
make -s -C "$TESTS_DIR/.." potfile POT="$WORK/fresh.pot" >/dev/null 2>&1 || fail "cannot extract the messages of the sources"
msgcmp "$po" "$WORK/fresh.pot" 2>cmp || fail "the catalogue lacks messages of the sources (run make pot and translate): $(head -20 cmp)"
# the header is not fuzzy and names the team
! grep -B1 '^msgid ""$' "$po" | grep -q fuzzy || fail "the header of pl.po is marked fuzzy"
grep -q '^"Language-Team: Polish\\n"' "$po" || fail "Language-Team is not Polish"
grep -q '^"Last-Translator: koszyk developers\\n"' "$po" || fail "Last-Translator is not set"

# --- --help in Polish and in English ---
run_lang pl 0 --help
out_has "Użycie: koszyk"
out_has "Bez polecenia koszyk otwiera program pełnoekranowy."
out_has "Sprawy i plany:"
# command names and options stay as they are typed
out_has "  search [--json] [--network NAZWA] [--own] ZAPYTANIE"
out_has "                                     szukaj usług, partnerów, osób do kontaktu,"
out_has "  import csv services|partners PLIK [--separator ;|,] [--encoding KODOWANIE]"
out_has "  -h, --help  ta pomoc"
out_lacks "Cases and plans:"
out_lacks "Usage"
# and the help of one command
run_lang pl 0 search --help
out_has "Użycie:"
out_has "  koszyk search [--json] [--network NAZWA] [--own] ZAPYTANIE"
out_has "szukaj usług"
out_lacks "Usage"
run_lang en 0 --help
out_has "Usage: koszyk"
out_has "Cases and plans:"
out_lacks "Sprawy i plany:"

# --- the language of the configuration when KOSZYK_LANG is not set ---
sed 's/^language:.*/language: en/' "$cfg_src" > en.yaml
grep -q '^language: en$' en.yaml || fail "cannot make an English configuration"
run_lang - 2 -c en.yaml -d none.db list gadgets
err_has 'cannot list "gadgets"'
run_lang - 2 -c en.yaml -d none.db search zlobek
err_has "there is no database here"

# the built-in configuration says language: pl
grep -q '^language: pl' "$cfg_src" || fail "the example configuration is not Polish"
run_lang - 2 -d none.db list gadgets
err_has "nie można wypisać „gadgets”"
run_lang - 2 -d none.db search zlobek
err_has "nie ma tu bazy danych"
[ ! -e none.db ] || fail "a search must not create a database"

# KOSZYK_LANG wins over the configuration
run_lang pl 2 -c en.yaml -d none.db list gadgets
err_has "nie można wypisać „gadgets”"

# --- messages in Polish: bad input names the file, row and column ---
# (as the demo's coordinator, who may import: a refusal exits 2 too)
run_lang pl 0 -d pl.db demo
out_has "Utworzono demonstracyjną bazę danych"
printf 'title,provider,valid_from\nŻłobek nocny,"Urząd Gminy Brzozowa Wola",31.04.2026\n' > dates.csv
run_lang pl 2 --as akowalska -d pl.db import csv services dates.csv
err_has "dates.csv: wiersz 2, kolumna „valid_from”: „31.04.2026” to nie jest data"
err_has "RRRR-MM-DD"
printf 'title;provider\nA;B\n' > semi.csv
run_lang pl 2 --as akowalska -d pl.db import csv services semi.csv
# Semicolons are what Polish Excel writes: read as such, and said so.
out_has "Odczytano jako UTF-8, kolumny rozdzielone znakiem ';'."
err_has "semi.csv: wiersz 2, kolumna „provider”: nie ma partnera o nazwie „B”"
printf 'title,provider,color\nA,B,red\n' > unknown.csv
run_lang pl 2 --as akowalska -d pl.db import csv services unknown.csv
err_has "unknown.csv: wiersz 1, kolumna 3: nie ma kolumny o nazwie „color”"
run_lang pl 2 --as akowalska -d pl.db frobnicate
err_has "nieznane polecenie „frobnicate” (zob. koszyk --help)"
# a message with reordered (positional) arguments keeps every value
run_lang pl 0 --as akowalska -d pl.db check
out_has "OK: pl.db — partnerzy: "
out_has ", osoby do kontaktu: "
grep -Eq 'niezweryfikowane od ponad [0-9]+ dni: [0-9]+\), wpisy w dzienniku zmian: [0-9]+\.' out ||
	fail "the check summary lost a number: $(cat out)"
# the same data in English
run_lang en 2 --as akowalska -d pl.db import csv services dates.csv
err_has 'dates.csv: row 2, column "valid_from"'

# no language key: the locale decides, even when the Polish locale is not
# installed on the machine
grep -v '^language:' "$cfg_src" > nolang.yaml
LANG=pl_PL.UTF-8 LC_ALL= LC_MESSAGES= run_lang - 2 -c nolang.yaml -d none.db list gadgets
err_has "nie można wypisać „gadgets”"
LANG=en_GB.UTF-8 LC_ALL= LC_MESSAGES= run_lang - 2 -c nolang.yaml -d none.db list gadgets
err_has 'cannot list "gadgets"'
LANG=en_GB.UTF-8 LC_ALL=pl_PL.UTF-8 run_lang - 2 -c nolang.yaml -d none.db list gadgets
err_has "nie można wypisać „gadgets”"
exit 0
