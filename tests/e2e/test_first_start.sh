#!/usr/bin/env bash
# A first start on an empty database (koszyk init) offers the two ways in:
# koszyk demo to look around, koszyk import to bring the partnership's own
# list; on the basket (a login the configuration does not name) and on a
# coordinator's dashboard, in English and in Polish. Once the database has
# partners or services, the notice is gone.
. "$(dirname "$0")/lib.sh"

rm -f "$E2E_DB"
e2e_env "$KOSZYK_BIN" -d "$E2E_DB" init >/dev/null 2>&1 || fail "koszyk init failed"

# --- the basket: the first screen of a login without a role ---
E2E_NO_AS=1
e2e_start
wait_for "Basket of services"
wait_for "This database is empty"
assert_screen_contains "koszyk demo"
assert_screen_contains "koszyk import csv partners|services"
keys q
status=$(wait_exit)
[ "$status" = 0 ] || fail "exit status $status"

# --- a coordinator's dashboard, in Polish ---
mkdir -p "$E2E_DIR/config/koszyk"
{
	cat "$(dirname "$0")/../../config/koszyk.yaml"
	printf '  - {login: %s, name: "Tester", role: coordinator}\n' "$(id -un)"
} >"$E2E_DIR/config/koszyk/koszyk.yaml"
E2E_LANG=pl
e2e_start
wait_for "Pulpit"
wait_for "koszyk demo"
assert_screen_contains "koszyk import csv partners|services"
keys q
status=$(wait_exit)
[ "$status" = 0 ] || fail "exit status $status"

# --- with the partnership's list, no notice ---
printf 'name\nStowarzyszenie Pierwsze\n' >"$E2E_DIR/partners.csv"
e2e_env "$KOSZYK_BIN" -d "$E2E_DB" import csv partners "$E2E_DIR/partners.csv" >/dev/null 2>"$E2E_DIR/import.err" ||
	fail "import failed: $(cat "$E2E_DIR/import.err")"
E2E_LANG=en
e2e_start
wait_for "Dashboard"
wait_for "Partners 1"
assert_not_contains "koszyk demo"
keys 1
wait_for "Basket of services"
wait_for "The basket is empty"
assert_not_contains "koszyk demo"
keys q q
status=$(wait_exit)
[ "$status" = 0 ] || fail "exit status $status"
e2e_pass
