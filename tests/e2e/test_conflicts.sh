#!/bin/bash
# The same fields of one service changed on a laptop and on the office
# server while they were apart: after the exchange both are conflicts.
# The coordinator's dashboard says so; on the server's screen (8) the
# person sees both values with who wrote them, keeps the other value of
# the cost and writes a merged one for the opening hours; the choices
# travel to the laptop with the next exchange.
. "$(dirname "$0")/lib.sh"

HUB=$E2E_DB
LAP=$E2E_DIR/lap.db
TITLE="Poradnictwo rodzinne testowe"

# koszyk on one replica as one user of the demo: kzr DB USER ARGS...
# (the login comes from the operating system; --as acts as a configured
# user in a demo database and its copies). The coordinator akowalska
# looks and settles; the workers mnowak (on the laptop) and pwisniewski
# (on the server) write the two sides.
kzr() {
	local db=$1 user=$2
	shift 2
	e2e_env "$KOSZYK_BIN" --as "$user" -d "$db" "$@"
}

# The cost, hours of the test service on a replica.
service_field() {
	kzr "$1" akowalska list services --json 2>/dev/null |
		jq -r --arg t "$TITLE" --arg f "$2" '.[] | select(.title == $t) | .[$f]'
}

e2e_demo_db
provider=$(first_partner)
[ -n "$provider" ] || fail "the demo has no partner"
printf 'title,provider,cost,hours\n"%s","%s",10 zł,pn-pt 8-16\n' "$TITLE" "$provider" >"$E2E_DIR/s.csv"
kz import csv services "$E2E_DIR/s.csv" >/dev/null 2>&1 || fail "cannot add the test service"
id=$(kz list services --json | jq -r --arg t "$TITLE" '.[] | select(.title == $t) | .id')
[ -n "$id" ] || fail "no id for the test service"
# the laptop is mnowak's: she clones it, and the server takes from it
# what is written under her name
kzr "$LAP" mnowak sync clone "$HUB" >/dev/null 2>&1 || fail "sync clone failed"

# Both sides change the cost and the hours while apart.
printf 'id,title,provider,cost,hours\n%s,"%s","%s",20 zł,pn-pt 9-17\n' "$id" "$TITLE" "$provider" >"$E2E_DIR/lap.csv"
printf 'id,title,provider,cost,hours\n%s,"%s","%s",30 zł,sob 10-14\n' "$id" "$TITLE" "$provider" >"$E2E_DIR/hub.csv"
kzr "$LAP" mnowak import csv services "$E2E_DIR/lap.csv" >/dev/null 2>&1 || fail "the laptop's change failed"
kzr "$HUB" pwisniewski import csv services "$E2E_DIR/hub.csv" >/dev/null 2>&1 || fail "the server's change failed"

# Exchange both ways.
kzr "$LAP" mnowak sync export "$E2E_DIR/l1.sync" >/dev/null 2>&1 || fail "export on the laptop failed"
kzr "$HUB" pwisniewski sync import "$E2E_DIR/l1.sync" >/dev/null 2>&1 || fail "import on the server failed"
kzr "$HUB" akowalska sync export "$E2E_DIR/h1.sync" >/dev/null 2>&1 || fail "export on the server failed"
kzr "$LAP" mnowak sync import "$E2E_DIR/h1.sync" >/dev/null 2>&1 || fail "import on the laptop failed"
for db in "$HUB" "$LAP"; do
	n=$(kzr "$db" akowalska list conflicts --json 2>/dev/null | jq length)
	[ "$n" = 2 ] || fail "expected 2 conflicts on $(basename "$db"), found $n"
done

# Which cost the server holds for now (the provisional one) and where it
# is in the list of values: the screen starts on it.
kzr "$HUB" akowalska list conflicts --json >"$E2E_DIR/c.json" 2>/dev/null
current=$(jq -r '.[] | select(.field == "cost") | .values[] | select(.current) | .value' "$E2E_DIR/c.json")
cur_index=$(jq -r '.[] | select(.field == "cost") | .values | map(.current) | index(true)' "$E2E_DIR/c.json")
case $current in
"20 zł") other="30 zł" ;;
"30 zł") other="20 zł" ;;
*) fail "the provisional cost is \"$current\", neither of the two written" ;;
esac
cost_row=$(jq -r 'map(.field) | index("cost")' "$E2E_DIR/c.json")

# A coordinator starts on the dashboard, which says there is something
# to settle (on the blank line under the counts).
E2E_USER=akowalska
e2e_start
wait_line 1 "Dashboard"
wait_line 4 "Conflicts to settle: 2 (press 8)"
assert_screen_contains "Next meeting"
# The record itself is marked where it is read.
keys 1
search "testowe"
keys Enter
wait_for "$TITLE"
keys Enter
wait_for "! 2 fields of this record were changed on two computers at once"
keys 0
wait_line 1 "Dashboard"
keys 8
wait_line 1 "Conflicts"
wait_for "2 to settle"
assert_screen_contains "$TITLE (service)"
assert_screen_contains "Cost"
assert_screen_contains "Opening hours"
line_with "Cost" | grep -qF "2 values" || fail "the cost conflict does not say it has 2 values"

# The cost: the other value is chosen.
[ "$cost_row" = 1 ] && keys Down
keys Enter
wait_line 1 "Conflict"
wait_for "Field:       Cost"
assert_screen_contains "Record:      $TITLE (service)"
wait_for "Values (2)"
# The writers are configured users: shown by their names.
line_with "20 zł" | grep -qF "Marta Nowak" || fail "the laptop's value does not say who wrote it"
line_with "30 zł" | grep -qF "Piotr Wiśniewski" || fail "the server's value does not say who wrote it"
line_with "$current" | grep -qF "(provisional)" || fail "the provisional value is not marked"
line_with "$current" | grep -qF ">" || fail "the cursor does not start on the provisional value"
if [ "$cur_index" = 0 ]; then keys Down; else keys Up; fi
wait_for "> $other"
keys Enter
wait_for "Settled: Cost of $TITLE is now “$other”."
wait_line 1 "Conflicts"
wait_for "1 to settle"
line_with "$TITLE (service)" | grep -qF "Cost" && fail "the cost is still listed"

# The hours: a value that joins both, typed over the current one.
keys Enter
wait_for "Field:       Opening hours"
keys e
wait_for "Value to keep: "
keys C-u
type_text "pn-pt 9-17, sob 10-14"
keys Enter
wait_for "Settled: Opening hours of $TITLE is now “pn-pt 9-17, sob"
wait_for "Nothing to settle"
wait_for "0 to settle"

# Meanwhile both open a case offline and get the same code: after the
# exchange one keeps it, the other is listed as a clash; 8 reads the
# list again, and the clash gets a new code typed on the screen.
for side in "$LAP:mnowak" "$HUB:akowalska"; do
	who=${side##*:}
	kzr "${side%:*}" "$who" case open legal_basis=consent consent_date=2026-05-01 \
		consent_scope=all manager="$who" >"$E2E_DIR/code" 2>&1 ||
		fail "cannot open a case: $(cat "$E2E_DIR/code")"
done
code=$(cat "$E2E_DIR/code")
kzr "$LAP" mnowak sync export "$E2E_DIR/l2.sync" >/dev/null 2>&1 || fail "export on the laptop failed"
kzr "$HUB" akowalska sync import "$E2E_DIR/l2.sync" >/dev/null 2>&1 || fail "import on the server failed"
clash=$(kzr "$HUB" akowalska list conflicts --json 2>/dev/null | jq -r '.[] | select(.note == "clash") | .label')
case $clash in
"$code"-????) ;;
*) fail "the clash of $code is listed as \"$clash\"" ;;
esac
keys 8
wait_for "1 to settle"
line_with "$clash (case)" | grep -qF "same code" || fail "the clash is not shown as the same code"
keys Enter
wait_for "Field:       Case code"
wait_for "Two cases got the same code while offline"
assert_screen_contains "> $clash"
keys e
wait_for "New code: $clash"
keys C-u
type_text "R/2026/900"
keys Enter
wait_for "Settled: Case code of $clash is now “R/2026/900”."
wait_for "0 to settle"
kzr "$HUB" akowalska list cases 2>/dev/null | cut -f1 | grep -qx "R/2026/900" ||
	fail "the new code is not in the list of cases"
kzr "$HUB" akowalska list cases 2>/dev/null | cut -f1 | grep -qx "$code" ||
	fail "the other case lost its code $code"
keys Escape
wait_line 1 "Dashboard"
wait_for "Next meeting"
assert_not_contains "Conflicts to settle"
keys q
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end well"

# The server: nothing to settle, the chosen values.
[ "$(kzr "$HUB" akowalska list conflicts --json 2>/dev/null | jq length)" = 0 ] ||
	fail "the server still lists conflicts"
[ "$(service_field "$HUB" cost)" = "$other" ] || fail "the server's cost is not $other"
[ "$(service_field "$HUB" hours)" = "pn-pt 9-17, sob 10-14" ] || fail "the server's hours are not the merged ones"
# The laptop, before the next exchange, still has them; after it, not.
[ "$(kzr "$LAP" akowalska list conflicts --json 2>/dev/null | jq length)" = 2 ] ||
	fail "the laptop lost its conflicts before any exchange"
kzr "$HUB" akowalska sync export "$E2E_DIR/h2.sync" >/dev/null 2>&1 || fail "export on the server failed"
kzr "$LAP" akowalska sync import "$E2E_DIR/h2.sync" >/dev/null 2>&1 || fail "import on the laptop failed"
[ "$(kzr "$LAP" akowalska list conflicts --json 2>/dev/null | jq length)" = 0 ] ||
	fail "the laptop still lists conflicts after the exchange"
[ "$(service_field "$LAP" cost)" = "$other" ] || fail "the laptop's cost is not $other"
[ "$(service_field "$LAP" hours)" = "pn-pt 9-17, sob 10-14" ] || fail "the laptop's hours are not the merged ones"
# mnowak's laptop holds her cases only: hers of the two, with its code
# as the office settled it.
codes=$(kzr "$LAP" akowalska list cases 2>/dev/null | cut -f1 | sort)
[ "$codes" = "$(kzr "$HUB" mnowak list cases 2>/dev/null | cut -f1 | sort)" ] ||
	fail "the laptop holds other cases than mnowak sees at the office"
printf '%s\n' "$codes" | grep -qx -e "R/2026/900" -e "$code" || fail "the laptop lost mnowak's new case"
printf '%s\n' "$codes" | grep -qF -- "$clash" && fail "the laptop still shows the code $clash"
e2e_pass
