#!/usr/bin/env bash
# koszyk list partners --status/--sector: the same filter as the f key of
# the partners screen (the data layer's kz_partner_list), as text and JSON.
source "$(dirname "$0")/lib.sh"

run 0 -d demo.db demo
run 0 -d demo.db list partners --json
all=$(jq length out)

run 0 -d demo.db list partners --status declared --json
json_ok
declared=$(jq length out)
[ "$declared" -gt 0 ] && [ "$declared" -lt "$all" ] ||
	fail "--status declared should narrow $all partners, got $declared"
jq -e 'all(.[]; .status == "declared")' out >/dev/null || fail "only declared partners"

run 0 -d demo.db list partners --status declared
[ "$(wc -l <out)" -eq "$declared" ] || fail "text and JSON list the same partners"
out_has "declaration signed"
out_lacks "cooperating informally"

run 0 -d demo.db list partners --sector edukacja --json
json_ok
[ "$(jq length out)" -gt 0 ] || fail "the demo has partners in education"
jq -e 'all(.[]; .sectors | split(";") | index("edukacja"))' out >/dev/null ||
	fail "every partner listed works in education"

# Both together: a partner passes both.
run 0 -d demo.db list partners --sector edukacja --status informal --json
jq -e 'all(.[]; .status == "informal" and (.sectors | split(";") | index("edukacja")))' out >/dev/null ||
	fail "both filters apply"

# A filter that nobody passes lists nobody (not an error).
run 0 -d demo.db list partners --status left --sector kosciol --json
[ "$(jq length out)" -eq 0 ] || fail "no partner of churches has left in the demo"

run 2 -d demo.db list partners --status bogus
err_has 'unknown membership status "bogus"'
run 2 -d demo.db list partners --sector nowhere
err_has 'unknown sector "nowhere"'
run 2 -d demo.db list services --status declared
err_has "filter the partners only"
run 2 -d demo.db list partners --status
err_has "--status needs a membership status"
exit 0
