#!/usr/bin/env bash
# The field added end to end (issue 11) on the screen: the partner's KRS
# number is in the partner's form and on the partner's screen, with no
# code of the screens written for it.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
first=$(kz list partners --json | jq -r 'sort_by(.name) | .[0] | [.id, .name] | @tsv')
id=${first%%	*}
name=${first#*	}
printf 'id,name,krs\n%s,"%s",0000987654\n' "$id" "${name//\"/\"\"}" >"$E2E_DIR/krs.csv"
kz import csv partners "$E2E_DIR/krs.csv" >/dev/null 2>&1 || fail "import of the KRS number"

e2e_start
keys 2
wait_for "Partners"
keys Enter
wait_for "KRS number"
assert_screen_contains "0000987654"
keys e
wait_for "Edit partner"
wait_for "KRS number"
assert_screen_contains "0000987654"
keys Escape
wait_gone "Edit partner"
keys Q
e2e_pass
