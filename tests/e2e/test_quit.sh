#!/bin/bash
# q on the first screen (the coordinator's dashboard) leaves with exit
# status 0; F10 leaves from any screen; SIGTERM ends the program cleanly
# too. Going back from other screens: test_leaving.sh.
. "$(dirname "$0")/lib.sh"

e2e_demo_db

e2e_start
wait_for "Basket of services"
keys 0
wait_line 1 "Dashboard"
keys q
status=$(wait_exit)
[ "$status" = 0 ] || fail "q: exit status $status"

e2e_start
wait_for "Basket of services"
keys 2
wait_for "Membership"
keys Enter
wait_for "Contact persons ("
keys F10
status=$(wait_exit)
[ "$status" = 0 ] || fail "F10: exit status $status"

e2e_start
wait_for "Basket of services"
shell=$(e2e_tmux display-message -p -t "$E2E_SESSION" '#{pane_pid}')
pid=$(pgrep -P "$shell" -x koszyk || ps -o pid= --ppid "$shell")
[ -n "$pid" ] || fail "cannot find the program's process"
kill -TERM $pid
status=$(wait_exit)
[ "$status" = 0 ] || fail "SIGTERM: exit status $status"
e2e_pass
