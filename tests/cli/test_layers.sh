#!/usr/bin/env bash
# The layer rules hold in the sources, and the check finds a breach of
# each rule when one is planted in a copy (so it cannot pass by not looking).
here=$(cd "$(dirname "$0")/../.." && pwd)
check=$here/tools/check-layers.sh
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! out=$(sh "$check" "$here" 2>&1); then
	echo "FAIL: the sources break the layer rules:"
	echo "$out"
	fail=1
fi

plant() { # NAME FILE LINE
	rm -rf "$tmp/src" "$tmp/include"
	cp -r "$here/src" "$here/include" "$tmp/"
	printf '%s\n' "$3" >>"$tmp/$2"
	if sh "$check" "$tmp" >"$tmp/out" 2>&1; then
		echo "FAIL: $1 planted in $2 was not found"
		fail=1
	elif ! grep -q "^$2:" "$tmp/out"; then
		echo "FAIL: $1: the report does not name $2:"
		cat "$tmp/out"
		fail=1
	fi
}
plant "curses in the data layer" src/db/basket.c '#include <curses.h>'
plant "curses in a public header" include/koszyk/db.h '#include <ncursesw/curses.h>'
plant "a form header in core" src/core/util.c '#  include "form.h"'
plant "SQL in a screen" src/ui/basket.c 'static void f(void) { sqlite3_exec(0, "", 0, 0, 0); }'
plant "sqlite3.h in a command" src/cli/commands.c '#include <sqlite3.h>'
plant "a switch over kinds" src/db/network.c 'static int f(enum kz_kind k) { switch (k) { case KZ_KIND_SERVICE: return 1; default: return 0; } }'

[ $fail -eq 0 ] && echo "PASS: layer rules"
exit $fail
