#!/bin/bash
# A change that arrives from a replica whose user had no right to make it
# is refused at the office, kept aside and shown to a coordinator on the
# Conflicts screen (8), where Enter marks it seen; a worker is not shown
# it.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
HUB=$E2E_DB
LAP=$E2E_DIR/viewer.db
kzr() { # DB USER ARGS...
	local db=$1 user=$2
	shift 2
	e2e_env "$KOSZYK_BIN" --as "$user" -d "$db" "$@"
}
# The viewer's laptop, registered as hers; a configuration of her own
# that makes her a coordinator there lets her write a change.
kzr "$LAP" kzielinska sync clone "$HUB" >/dev/null 2>&1 || fail "sync clone failed"
sed 's/role: viewer}/role: coordinator}/' "$(dirname "$0")/../../config/koszyk.yaml" >"$E2E_DIR/forge.yaml"
kzr "$LAP" akowalska list services --json 2>/dev/null >"$E2E_DIR/services.json"
id=$(jq -r '.[0].id' "$E2E_DIR/services.json")
jq -r '"id,title,provider,cost", (.[0] | [.id, .title, .provider_name, "0 zł (podrobione)"] | @csv)' \
	"$E2E_DIR/services.json" >"$E2E_DIR/forge.csv"
kzr "$LAP" kzielinska -c "$E2E_DIR/forge.yaml" import csv services "$E2E_DIR/forge.csv" \
	>/dev/null 2>"$E2E_DIR/err" || fail "the forged change was not written: $(cat "$E2E_DIR/err")"
kzr "$LAP" kzielinska sync export "$E2E_DIR/v.sync" >/dev/null 2>&1 || fail "export failed"
kzr "$HUB" akowalska sync import "$E2E_DIR/v.sync" >"$E2E_DIR/import.out" 2>&1 || fail "import failed"
grep -q "1 changes were refused" "$E2E_DIR/import.out" || fail "not refused: $(cat "$E2E_DIR/import.out")"
kzr "$HUB" akowalska list services --json | jq -e --arg id "$id" \
	'.[] | select(.id == $id) | .cost != "0 zł (podrobione)"' >/dev/null || fail "the forged cost was applied"

# A worker's Conflicts screen does not show it.
E2E_USER=mnowak
e2e_start
wait_line 1 "Cases"
keys 8
wait_line 1 "Conflicts"
wait_for "Nothing to settle"
assert_not_contains "Refused"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"

# The coordinator's does, with who and why; Enter marks it seen.
E2E_USER=akowalska
e2e_start
wait_line 1 "Dashboard"
keys 8
wait_line 1 "Conflicts"
wait_for "Refused: kzielinska may only look"
assert_screen_contains "services"
keys Enter
wait_for "Marked as seen"
wait_gone "Refused: kzielinska"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
kzr "$HUB" akowalska list dropped --json | jq -e 'all(.[]; .reason != "refused")' >/dev/null ||
	fail "the refused change is still listed after it was seen"
e2e_pass
