#!/usr/bin/env bash
# Issue 12 (friction): the phone is where it is needed. A service's screen
# shows its contact person with the phone; a partner's screen shows each
# contact person's phone before the position, so a long position does not
# cut it off; the basket's stale entries show whom to call, the never
# verified first.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
e2e_start
wait_for "Basket"
# the stale entries: the never verified first, with a phone
keys f
wait_for "Only entries not verified lately"
type_text "Only"
keys Enter
wait_for "Only: not verified lately"
wait_for "Phone"
line=$(screen | sed -n '5p')
case $line in
*never*) ;;
*) fail "the first stale entry should be a never verified one: $line" ;;
esac
echo "$line" | grep -qE '[0-9]{2,3} [0-9]{3}' || fail "the first stale entry shows no phone: $line"

keys c
wait_gone "Only: not verified lately"
search "Animacja spolecznosci"
wait_for "Animacja społeczności lokalne"
keys Enter
wait_for "Enter Open"
keys Enter
wait_for "Contact person"
assert_screen_contains "Piotr Wiśniewski, phone 44 000 10 13"
keys Escape
wait_for "Basket"



# a partner's screen: the phone before a long position
keys 2
wait_for "Partners"
search "Komenda Powiatowa"
wait_for "Komenda Powiatowa Policji"
keys Enter
wait_for "Enter Open"
keys Enter
wait_for "Contact persons"
for _ in 1 2 3 4; do
	screen | grep -qF "Dariusz Kołodziej" && break
	keys NPage
	sleep 0.3
done
assert_screen_contains "Dariusz Kołodziej, 44 000 22 05, asp. szt."
e2e_pass
