#!/usr/bin/env bash
# What the fuzz targets (tests/fuzz) found, as the commands a person
# would run: each input gives a clear message and exit 2, never a crash,
# and the database stays as it was.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
command -v sqlite3 >/dev/null || fail "sqlite3 is needed to make damaged change files"
run 0 -d d.db demo
run 0 -d d.db sync dump
cp out before.txt
same() { run 0 -d d.db sync dump; cmp -s out before.txt || fail "$1 changed the database"; }

# fuzz_sync_file: a change file whose header holds NULL (its own schema
# without NOT NULL) crashed the reader (xstrdup of NULL).
# The file is locked with the partnership's key, as every change file
# is: the reader behind the lock meets it.
sqlite3 null-header.plain "CREATE TABLE header(key TEXT PRIMARY KEY, value TEXT);
INSERT INTO header VALUES ('format', NULL), ('version', '1');"
"$KZ_LOCKTOOL" seal d.db null-header.plain null-header.sync || fail "cannot lock the file"
run 2 -d d.db sync import null-header.sync
err_has "is not a koszyk change file"
same "a change file with a NULL header"

# fuzz_cli: resolving a conflict that is not there said nothing.
run 2 -d d.db conflict resolve services 00000000-0000-4000-8000-000000000000 cost=x
err_has "There is no such conflict"
same "resolving no conflict"
exit 0
