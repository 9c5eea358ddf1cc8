#!/bin/bash
# NO_COLOR: no colours at all, only attributes (bold, reverse); without it
# the screen has colours.
. "$(dirname "$0")/lib.sh"

colour='\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9]+)*m'

e2e_demo_db
e2e_start
wait_for "Basket of services"
screen_escapes | grep -qE "$colour" || fail "no colours without NO_COLOR"
keys Q
wait_exit >/dev/null

e2e_start NO_COLOR=1
wait_for "Basket of services"
if screen_escapes | grep -qE "$colour"; then
	fail "colours with NO_COLOR: $(screen_escapes | grep -oE "$colour" | sort -u | tr '\n' ' ')"
fi
# The selection and the header still stand out (reverse video), and a
# stale entry still carries its mark.
screen_escapes | grep -q $'\e\\[[0-9;]*7m' || fail "no reverse video with NO_COLOR"
e2e_pass
