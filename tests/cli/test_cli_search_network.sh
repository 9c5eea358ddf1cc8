#!/usr/bin/env bash
# search --network NAME finds only in the basket of that network (its
# services, partners and contact persons); --own only in our own basket
# (with meetings and cases); without either, every basket. An unknown
# network, or both options, is bad usage (exit 2).
source "$(dirname "$0")/lib.sh"

# B: another partnership, its basket the HSDS example, published
cfg=$(config_with_me)
KZ_AS= run 0 -c "$cfg" -d b.db init
KZ_AS= run 0 -c "$cfg" -d b.db import hsds "$TESTS_DIR/data/hsds-example"
KZ_AS= run 0 -c "$cfg" -d b.db export hsds feed

run 0 -d a.db demo
run 0 -d a.db network add sasiedzi feed

# every basket: the network's service and partner with [sasiedzi]
run 0 -d a.db search counselling
out_has "Community Counselling"
out_has "[sasiedzi]"
run 0 -d a.db search example organization
out_has "Example Organization Inc."

# that network only: its records, none of ours
run 0 -d a.db search --network sasiedzi counselling
out_has "Community Counselling"
run 1 -d a.db search --network sasiedzi pomoc
[ ! -s out ] || fail "--network sasiedzi found our own: $(head -3 out)"
run 0 -d a.db search --network=sasiedzi --json example
grep -q '"title":"Example Organization Inc."' out || fail "--network=NAME --json lacks the partner"
grep -q '"kind":"meeting"\|"kind":"case"' out && fail "a network's basket has no meetings nor cases"

# our own only: the network's service is not found, ours are
run 1 -d a.db search --own counselling
run 0 -d a.db search --own pomoc
out_has "Pomoc psychologiczna"
out_lacks "[sasiedzi]"
# our own meetings are found with --own and never in a network
run 0 -d a.db search posiedzenie
out_has "Posiedzenie"
run 0 -d a.db search --own posiedzenie
out_has "Posiedzenie"
run 1 -d a.db search --network sasiedzi posiedzenie

# bad usage: nothing searched
run 2 -d a.db search --network nowhere pomoc
err_has "there is no network nowhere"
run 2 -d a.db search --network sasiedzi --own pomoc
err_has "give one of them"
run 2 -d a.db search --network
err_has "--network needs the short name of a network"
exit 0
