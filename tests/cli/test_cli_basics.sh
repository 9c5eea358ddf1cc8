#!/usr/bin/env bash
# Help, version, usage errors, and files that are not koszyk databases.
source "$(dirname "$0")/lib.sh"

run 0 --help
out_has "Usage: koszyk"
out_has "search [--json] [--network NAME] [--own] QUERY"
run 0 --version
out_has "koszyk "

run 2 frobnicate
err_has 'unknown command "frobnicate"'
run 2 --frobnicate
err_has "unknown option"
run 2 -d nowhere.db search zlobek
err_has "there is no database here"
[ ! -e nowhere.db ] || fail "a search must not create a database"
run 2 -d x.db list
run 2 -d x.db list gadgets

# a file that is not a database at all
printf 'Lista zakupów: mleko, chleb\n' > notes.txt
cp notes.txt notes.orig
run 2 -d notes.txt search zlobek
err_has "is not a koszyk database"
cmp -s notes.txt notes.orig || fail "the foreign file was changed"

# an SQLite database of some other program
"$KOSZYK_BIN" -d other.db init >/dev/null 2>&1 || true
rm -f other.db*
run 0 -d k.db init
out_has "Created the database"
[ "$(stat -c %a k.db)" = 600 ] || fail "the database must be readable by its owner only (got $(stat -c %a k.db))"
run 2 -d k.db init
err_has "already exists"

# a damaged database: the middle of the file overwritten
run 0 -d dmg.db demo
size=$(stat -c %s dmg.db)
dd if=/dev/urandom of=dmg.db bs=1024 seek=8 count=$(( size / 1024 - 16 )) conv=notrunc status=none
"$KOSZYK_BIN" -d dmg.db check >out 2>err
rc=$?
[ $rc -ge 1 ] && [ $rc -le 3 ] || fail "check on a damaged database exited $rc (a crash?)"
"$KOSZYK_BIN" -d dmg.db search zlobek >out 2>err
rc=$?
[ $rc -ge 1 ] && [ $rc -le 3 ] || fail "search on a damaged database exited $rc (a crash?)"
[ -s err ] || [ $rc -eq 1 ] || fail "no message for a damaged database"

# the built-in configuration is announced when a database is created
run 0 -d n.db init
err_has "using the example gmina"
exit 0
