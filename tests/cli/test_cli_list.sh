#!/usr/bin/env bash
# koszyk list: services, partners, contacts, as text and as JSON.
source "$(dirname "$0")/lib.sh"

run 0 -d demo.db demo
run 0 -d demo.db list services --json
json_ok
n=$(jq length out)
[ "$n" -ge 140 ] || fail "expected the active and suspended demo services, got $n"
jq -e 'all(.[]; .kind == "service" and (.provider_name | length > 0))' out >/dev/null || fail "services need a provider"
jq -e 'any(.[]; .stale == true) and any(.[]; .stale == false)' out >/dev/null || fail "the demo has stale and fresh entries"
jq -e 'all(.[]; .status != "archived")' out >/dev/null || fail "archived entries are listed only with --all"
run 0 -d demo.db list services --all --json
jq -e 'any(.[]; .status == "archived")' out >/dev/null || fail "--all shows archived entries"

run 0 -d demo.db list partners --json
json_ok
[ "$(jq length out)" -ge 40 ] || fail "expected at least 40 partners"
jq -e 'any(.[]; .status == "declared" and (.declaration_date | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))' out >/dev/null || fail "a declared partner has its date"
jq -e 'any(.[]; .status == "informal")' out >/dev/null || fail "some partners cooperate informally"

run 0 -d demo.db list contacts --json
json_ok
[ "$(jq length out)" -ge 60 ] || fail "expected at least 60 contact persons"
jq -e 'all(.[]; .kind == "contact" and (.partner_name | length > 0))' out >/dev/null || fail "contacts belong to partners"

run 0 -d demo.db list partners
out_has "declaration signed"
run 0 -d demo.db check
out_has "OK:"
exit 0
