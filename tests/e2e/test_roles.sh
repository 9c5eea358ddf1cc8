#!/bin/bash
# Who may see and change what (issue 9), on a demo database: started
# without --as by a login that is no configured user, the program asks
# whom to be and then shows that user's start screen and cases only; a
# viewer is offered no change and is refused one, and sees no cases; a
# worker's lookup does not find another worker's case.
. "$(dirname "$0")/lib.sh"

e2e_demo_db

# The cases of each user, as the data layer gives them to that user.
e2e_env "$KOSZYK_BIN" --as mnowak -d "$E2E_DB" list cases >"$E2E_DIR/mnowak.txt" 2>/dev/null ||
	fail "koszyk list cases as mnowak failed"
kz list cases >"$E2E_DIR/all.txt" 2>/dev/null || fail "koszyk list cases as the coordinator failed"
mine=$(awk -F '\t' '$3 ~ /\(mnowak\)$/ { n++ } END { print n + 0 }' "$E2E_DIR/mnowak.txt")
[ "$mine" -gt 0 ] || fail "the demo has no case of mnowak"
# A case of another worker that mnowak may not see (not shared with her).
other=$(awk -F '\t' '$3 ~ /\(pwisniewski\)$/ && $2 != "closed" { print $1 }' "$E2E_DIR/all.txt" |
	while read -r code; do
		cut -f1 "$E2E_DIR/mnowak.txt" | grep -qxF "$code" || { echo "$code"; break; }
	done)
[ -n "$other" ] || fail "no case of pwisniewski hidden from mnowak in the demo"
own=$(awk -F '\t' '$3 ~ /\(mnowak\)$/ && $2 != "closed" { print $1; exit }' "$E2E_DIR/mnowak.txt")

# (1) No --as: the login of the operating system (root or whoever runs
# the tests; not one of the fictional users) gets the demo pick list.
E2E_NO_AS=1
e2e_start
wait_for "Demo with a fictional gmina: who do you want to be?"
wait_for "Marta Nowak"
assert_screen_contains "Anna Kowalska"
assert_screen_contains "Katarzyna Zielińska"
type_text "Marta"
wait_gone "Anna Kowalska"
keys Enter
# A worker starts on her cases.
wait_line 1 "DEMO: Marta Nowak"
wait_line 1 "Cases"
wait_for "Demo: you act as Marta Nowak. Press U to be someone else."
wait_for "My cases ($mine)"
# Every case of hers is listed (two screens: the top and the end), all
# of them hers, and nothing of pwisniewski.
screen >"$E2E_DIR/cases-screen.txt"
keys End
wait_for "$(awk -F '\t' '$3 ~ /\(mnowak\)$/ { c = $1 } END { print c }' "$E2E_DIR/mnowak.txt")"
screen >>"$E2E_DIR/cases-screen.txt"
for code in $(awk -F '\t' '$3 ~ /\(mnowak\)$/ { print $1 }' "$E2E_DIR/mnowak.txt"); do
	grep -qF "$code" "$E2E_DIR/cases-screen.txt" || fail "her case $code is not on the cases screen"
done
grep -qF "$other" "$E2E_DIR/cases-screen.txt" && fail "the case $other of pwisniewski is on her screen"
grep -qF "Piotr Wiśniewski" "$E2E_DIR/cases-screen.txt" && fail "a case of Piotr Wiśniewski is on her screen"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
E2E_NO_AS=

# (2) The viewer starts on the basket; no change is offered or allowed,
# and the cases stay closed to her.
E2E_USER=kzielinska
e2e_start
wait_line 1 "DEMO: Katarzyna Zielińska"
wait_line 1 "Basket of services"
wait_line 24 "q Quit"
legend=$(screen_line 24)
for word in "a Add" "e Edit" "v Verify"; do
	case $legend in
	*"$word"*) fail "the viewer is offered \"$word\": $legend" ;;
	esac
done
keys a
wait_for "kzielinska may only look"
assert_not_contains "New service"
assert_not_contains "F2 Save"
wait_line 1 "Basket of services"
keys 4
wait_for "kzielinska sees no cases"
assert_not_contains "What needs attention"
wait_line 1 "Basket of services"
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"

# (3) A worker's lookup: her own case is found, another worker's is not.
E2E_USER=mnowak
e2e_start
wait_line 1 "DEMO: Marta Nowak"
wait_for "My cases ("
keys s
wait_line 1 "Look up everything"
wait_for "Search:"
type_text "$own"
wait_for "Search: $own"
# the results are on lines 2-22, the search line below them
found() {
	screen | sed -n '2,22p' | grep -F -- "$1" | grep -qF "case"
}
deadline=$(($(date +%s) + E2E_TIMEOUT))
until found "$own"; do
	[ "$(date +%s)" -ge "$deadline" ] && fail "her own case $own is not found"
	sleep 0.1
done
keys C-u
wait_gone "$own"
type_text "$other"
wait_for "Search: $other"
wait_for "Nothing found."
screen | sed -n '2,22p' | grep -qF -- "$other" && fail "the case $other of another worker is found"
keys Escape
wait_for "My cases ("
keys Q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end with 0"
e2e_pass
