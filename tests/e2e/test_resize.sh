#!/bin/bash
# The window is resized (larger, smaller, back): no crash, the screen is
# laid out again for the new size, a form keeps what was typed, and a
# window too small says so.
. "$(dirname "$0")/lib.sh"

resize() {
	e2e_tmux resize-window -t "$E2E_SESSION" -x "$1" -y "$2"
	wait_size "$1" "$2"
}

# The header on the first line, the legend on the last, nothing wider.
assert_layout() {
	local w=$1 h=$2
	wait_line "$h" "Help"
	wait_line 1 "koszyk"
	screen | while IFS= read -r line; do
		[ "${#line}" -le "$w" ] || { echo "too long: $line" >&2; exit 1; }
	done || fail "a line is wider than $w columns"
	[ "$(screen | wc -l)" -eq "$h" ] || fail "the screen has not $h lines"
}

e2e_demo_db
e2e_start
wait_for "Basket of services"

resize 100 30
assert_layout 100 30
wait_line 1 "Basket of services"
# The taller window shows more rows: the last list line is used.
[ -n "$(screen_line 28 | tr -d ' ')" ] || fail "the list does not fill the taller window"

resize 60 20
assert_layout 60 20
wait_line 1 "Basket"

resize 80 24
assert_layout 80 24
wait_line 3 "Category"

# A form keeps what was typed through a resize.
keys a
wait_for "New service or activity"
type_text "Tekst przed zmianą"
resize 60 20
assert_layout 60 20
wait_for "Tekst przed zmianą"
resize 80 24
wait_for "Tekst przed zmianą"
wait_line 24 "F2 Save"

# Too small a window says so; growing again brings the screen back.
resize 20 5
wait_for "Make the window"
resize 80 24
wait_for "Tekst przed zmianą"
keys Escape
wait_for "(y/n)"
keys y
wait_for "Basket of services"

keys Q
status=$(wait_exit)
[ "$status" = 0 ] || fail "exit status $status"
e2e_pass
