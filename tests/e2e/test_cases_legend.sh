#!/usr/bin/env bash
# The cases list's key legend says what m will show, in Polish too: every
# case while the list shows one person's, only hers while it shows all.
. "$(dirname "$0")/lib.sh"

E2E_LANG=pl
e2e_demo_db
e2e_start
keys 4
wait_for "Moje sprawy"
wait_line 24 "m Wszystkie sprawy"
keys m
wait_for "Wszystkie sprawy ("
wait_line 24 "m Tylko moje"
keys m
wait_for "Moje sprawy"
wait_line 24 "m Wszystkie sprawy"
keys Q
e2e_pass
