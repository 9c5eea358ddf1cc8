#!/bin/bash
# N on the basket shows the networks (koszyk network list): a adds one
# (its short name, then its published HSDS folder or datapackage.json),
# u reads its feed again, Enter shows its services in the basket. f
# narrows the basket and the lookup to one network or to our own basket.
# A network's service is read-only here: e, x and v show the data
# layer's refusal and write nothing.
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)
# B: another partnership, its basket the HSDS example, published
{
	cat "$root/config/koszyk.yaml"
	printf '  - {login: %s, name: "Tester", role: coordinator}\n' "$(id -un)"
} >"$E2E_DIR/b.yaml"
kzb() { e2e_env "$KOSZYK_BIN" -c "$E2E_DIR/b.yaml" -d "$E2E_DIR/b.db" "$@"; }
kzb init >/dev/null 2>&1 || fail "init of b.db failed"
kzb import hsds "$root/tests/data/hsds-example" >/dev/null 2>&1 || fail "import of b.db failed"
kzb export hsds "$E2E_DIR/feed" >/dev/null 2>&1 || fail "export hsds of b.db failed"

e2e_demo_db
e2e_start
wait_for "Basket of services"
keys N
wait_line 1 "Networks"
wait_for "No networks yet. Press a to add"

# a: a bad name is refused in the CLI's words
keys a
wait_for "Short name of the network"
type_text "sąsiedzi!"
keys Enter
wait_for "Its published basket"
type_text "$E2E_DIR/feed"
keys Enter
wait_for "is not a network's short name"
kz network list | grep -q "No networks" || fail "a refused name added a network"

# a: the short name, the feed's datapackage.json
keys a
wait_for "Short name of the network"
type_text "sasiedzi"
keys Enter
wait_for "Its published basket"
type_text "$E2E_DIR/feed/datapackage.json"
keys Enter
wait_line 1 "Network added"
wait_for "Network sasiedzi from $E2E_DIR/feed: 3 new, 0 updated, 0"
wait_for "What could not be kept"
keys q
wait_line 1 "Networks"
wait_for "1 network"
line=$(line_with "sasiedzi")
echo "$line" | grep -qE "sasiedzi +1 +0 +1 " || fail "the line of the network: $line"
kz network list | grep -q "^sasiedzi	1 services" || fail "the network is not listed by the command"

# u: its feed again, nothing changes
keys u
wait_line 1 "Network updated"
wait_for "0 new, 0 updated, 3"
keys q
wait_line 1 "Networks"

# Enter: its services in the basket
keys Enter
wait_line 1 "Basket of services"
wait_for "Network: sasiedzi"
# a long title is shortened, never the network's mark
wait_line 4 "Community Counsell… [sasiedzi]"
[ -z "$(screen_line 5 | tr -d ' ')" ] || fail "another service in the network's basket: $(screen_line 5)"
# the networks screen opened anew lists what is in the database
keys N
wait_line 1 "Networks"
wait_for "1 network"
line_with "sasiedzi" | grep -qE "sasiedzi +1 +0 +1 " || fail "the networks screen opened anew: $(screen)"
keys Enter
wait_for "Network: sasiedzi"

# Its service is read-only here: the data layer's refusal, nothing written
kz sync dump >"$E2E_DIR/before" || fail "sync dump failed"
keys e
wait_for "belongs to the basket of sasiedzi; it changes there"
assert_not_contains "Save"
keys x
wait_for "belongs to the basket of sasiedzi; it changes there"
assert_not_contains "Archive \""
keys v
wait_for "belongs to the basket of sasiedzi; it changes there"
kz sync dump >"$E2E_DIR/after" || fail "sync dump failed"
cmp -s "$E2E_DIR/before" "$E2E_DIR/after" || fail "a refused change changed the database"

# f: our own basket only
keys f
wait_for "Filter the basket by"
type_text "Network"
keys Enter
wait_for "Filter by network"
type_text "own"
keys Enter
wait_for "Network: our own basket only"
assert_not_contains "[sasied"
search "Community"
wait_for "No entry matches."
keys Escape
keys c
wait_for "All active and suspended entries."

# the lookup: every basket, then one network (F4 while typing), then ours
keys s
wait_line 1 "Look up everything"
type_text "counselling"
wait_for "Community Counselling"
keys F4
wait_for "Look up in"
keys Enter
wait_for "Filter by network"
type_text "sasiedzi"
keys Enter
wait_line 2 "Network: sasiedzi"
wait_for "Community Counselling"
keys s
wait_for "Search: counselling"
keys C-u
type_text "pomoc"
wait_for "Search: pomoc"
wait_for "Nothing found."
keys F4
wait_for "Look up in"
keys Enter
wait_for "Filter by network"
type_text "own"
keys Enter
wait_line 2 "Network: our own basket only"
wait_for "Gminny Ośrodek Pomocy Społecznej"
assert_not_contains "[sasied"
e2e_pass
