#!/bin/bash
# Text from data never drives the terminal in the full-screen program:
# services imported with a window-title escape, a bell, a C1 control and
# a right-to-left override are listed, searched and opened while every
# byte the program writes is captured (tmux pipe-pane); none of those
# sequences reaches the terminal, and the screen shows '?' in their place.
# A right-to-left override typed into a field is refused.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
provider=$(first_partner)
[ -n "$provider" ] || fail "the demo has no partner"
ESC=$'\033' BEL=$'\007' RLO=$'\u202e' CSI1=$'\u009b'
{
	printf 'title,provider,description\n'
	printf '"EVIL1 %s]0;pwned%s title","%s","opis %s[2J czyszczenie"\n' "$ESC" "$BEL" "$provider" "$ESC"
	printf '"EVIL2 %s gnalb %s31m x","%s","bez znaczenia"\n' "$RLO" "$CSI1" "$provider"
} >"$E2E_DIR/evil.csv"
kz import csv services "$E2E_DIR/evil.csv" >/dev/null 2>&1 || fail "cannot import the hostile services"

e2e_start
wait_for "Basket"
e2e_tmux pipe-pane -o -t "$E2E_SESSION" "cat >>'$E2E_DIR/raw.bytes'"
keys /
wait_for "Search:"
type_text "evil"
wait_for "EVIL2"
assert_screen_contains "EVIL1 ?]0;pwned? title"
keys Enter
keys Enter
wait_for "opis ?[2J czyszczenie"
keys Escape
wait_gone "opis ?[2J czyszczenie"
# the second one, with the override, opened too
keys /
wait_for "Search:"
keys C-u
type_text "evil2"
wait_for "EVIL2 ? gnalb"
keys Enter
keys Enter
wait_for "bez znaczenia"
# a typed override is refused: the search line does not take it
keys Escape
wait_gone "bez znaczenia"
keys /
wait_for "Search:"
keys C-u
type_text "ev${RLO}il"
wait_for 'Search: "evil"'
keys Escape
keys Escape
keys Q
e2e_tmux pipe-pane -t "$E2E_SESSION" 2>/dev/null
[ "$(wait_exit)" = 0 ] || fail "koszyk did not end well"
[ -s "$E2E_DIR/raw.bytes" ] || fail "nothing was captured (the test proves nothing)"
python3 - "$E2E_DIR/raw.bytes" <<'PY' || fail "the program wrote a sequence from data to the terminal"
import sys
data = open(sys.argv[1], 'rb').read()
bad = []
for seq, what in ((b'\x1b]', 'OSC (window title)'), (b'\x07', 'BEL'),
                  (b'\xc2\x9b', 'C1 CSI'), (b'\xe2\x80\xae', 'right-to-left override'),
                  (b']0;pwned\x07', 'the title escape')):
    if seq in data:
        bad.append(what)
if bad:
    print('found:', ', '.join(bad), file=sys.stderr)
    sys.exit(1)
PY
e2e_pass
