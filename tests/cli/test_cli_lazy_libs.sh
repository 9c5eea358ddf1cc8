#!/usr/bin/env bash
# Issue 14, start to first screen: ICU (the Polish alphabetical order)
# and libxlsxwriter (workbooks) cost the dynamic loader more than half of
# every start, and most runs need neither. They are loaded at their first
# use: starting, listing and searching (from the stored order) load
# neither; a new name (its sort key) loads ICU and orders Polish letters
# as ICU does; a workbook loads libxlsxwriter. glibc's LD_DEBUG=files
# says which libraries a run loaded.
source "$(dirname "$0")/lib.sh"

# loaded LIB ARGS...: whether koszyk ARGS loads the library LIB.
loaded() {
	local lib=$1
	shift
	LD_DEBUG=files "$KOSZYK_BIN" ${KZ_AS:+--as "$KZ_AS"} "$@" >/dev/null 2>ld.log
	grep -q "file=$lib[^ ]* .*\(needed\|dynamically loaded\) by" ld.log
}

LD_DEBUG=files "$KOSZYK_BIN" --version >/dev/null 2>ld.log
grep -q "file=libsqlite3" ld.log || { echo "SKIP: this C library does not tell what it loads (LD_DEBUG)"; exit 77; }

run 0 -d demo.db demo
for args in "--version" "-d demo.db list services" "-d demo.db list partners" \
	"-d demo.db search poradnia" "-d demo.db report stale"; do
	# shellcheck disable=SC2086
	! loaded libicu $args || fail "koszyk $args loads ICU"
	# shellcheck disable=SC2086
	! loaded libxlsxwriter $args || fail "koszyk $args loads libxlsxwriter"
done

# A new partner's name gets its sort key from ICU: Łąka between Lody and Mak.
printf 'name\nŁąka\nLody\nMak\n' >p.csv
loaded libicui18n -d demo.db import csv partners p.csv || fail "a new name did not load ICU"
run 0 -d demo.db list partners
grep -E '^(Lody|Łąka|Mak)' out | cut -f1 >order
printf 'Lody\nŁąka\nMak\n' | cmp -s - order || fail "not the Polish order: $(tr '\n' ' ' <order)"

loaded libxlsxwriter -d demo.db export xlsx -o basket.xlsx || fail "a workbook did not load libxlsxwriter"
[ "$(head -c 2 basket.xlsx)" = "PK" ] || fail "export xlsx wrote no workbook"
echo "test_cli_lazy_libs: ok"
