#!/bin/sh
# The layer rules, checked on the sources (run by make check through
# tests/cli/test_layers.sh):
#   - only src/ui knows curses: no file elsewhere includes a curses header;
#   - the screens and the commands issue no SQL: no file in src/ui or
#     src/cli includes sqlite3.h or calls sqlite3_*;
#   - kinds of record are described once (src/db/kinds.c): no file
#     elsewhere switches over them (case KZ_KIND_...).
# Usage: tools/check-layers.sh [SOURCE-ROOT]   (default: the current folder)
# Prints each breach as FILE:LINE: text and exits 1 when there is one.
root=${1:-.}
cd "$root" || exit 2
status=0

curses='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](n?cursesw?/)?(n?curses|ncursesw|curses|form|menu|panel|term|termcap)\.h[>"]'
found=$(find src include -name '*.[ch]' ! -path 'src/ui/*' -print0 |
	xargs -0 grep -nE "$curses" /dev/null)
if [ -n "$found" ]; then
	echo "curses outside src/ui (only the screens may draw):"
	echo "$found"
	status=1
fi

sql='(^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h[>"])|sqlite3_'
found=$(find src/ui src/cli -name '*.[ch]' -print0 |
	xargs -0 grep -nE "$sql" /dev/null)
if [ -n "$found" ]; then
	echo "SQL in src/ui or src/cli (only the data layer, src/db, talks to SQLite):"
	echo "$found"
	status=1
fi

found=$(find src include -name '*.[ch]' ! -path 'src/db/kinds.c' -print0 |
	xargs -0 grep -nE 'case[[:space:]]+KZ_KIND_' /dev/null)
if [ -n "$found" ]; then
	echo "a switch over the kinds of record outside src/db/kinds.c (read the kind table instead):"
	echo "$found"
	status=1
fi
exit $status
