# Helpers for the end-to-end tests of the full-screen program.
#
# Each test runs the real binary in its own tmux server (80x24), sends
# keys and reads the screen as text. Waiting is by polling the screen
# every 0.1 s against a deadline, never by fixed sleeps.
#
# Usage in a test:   . "$(dirname "$0")/lib.sh"
#                    e2e_demo_db; e2e_start; wait_for "Basket"; ...; e2e_pass
# The binary: $KOSZYK_BIN, else $1/koszyk (the build directory given by
# tests/run.sh), else build/koszyk.

set -u

export LC_ALL=C.UTF-8 LANG=C.UTF-8

if [ -z "${KOSZYK_BIN:-}" ]; then
	if [ -n "${1:-}" ] && [ -x "$1/koszyk" ]; then
		KOSZYK_BIN=$1/koszyk
	else
		KOSZYK_BIN=build/koszyk
	fi
fi
case $KOSZYK_BIN in
/*) ;;
*) KOSZYK_BIN=$(pwd)/$KOSZYK_BIN ;;
esac

E2E_NAME=$(basename "$0" .sh)
E2E_SESSION=kz
E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/koszyk-e2e.XXXXXX")
# The tmux server of this test (kz-PID), its socket inside E2E_DIR so
# that nothing is left behind.
E2E_SOCKET=$E2E_DIR/kz-$$
E2E_DB=$E2E_DIR/koszyk.db
E2E_EXIT=$E2E_DIR/exit-status
E2E_TIMEOUT=${E2E_TIMEOUT:-10}
# A fixed day, so that "verified today" and stale marks do not depend on
# when the tests run.
E2E_TODAY=${E2E_TODAY:-2026-05-04}
# Who the program is used by: a user of the demo, chosen with --as (the
# login itself comes from the operating system). Empty: the coordinator
# akowalska, starting on the basket instead of her dashboard.
E2E_USER=
# Set to 1 before e2e_start: run the program without --as, as the
# operating system's login only (in a demo database the pick list of
# users comes first; in any other the login is what it is). The start
# screen is then left as the program chose it.
E2E_NO_AS=

e2e_tmux() {
	tmux -u -S "$E2E_SOCKET" -f /dev/null "$@"
}

e2e_cleanup() {
	e2e_tmux kill-server >/dev/null 2>&1
	rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT
trap 'exit 2' INT TERM HUP

if ! command -v tmux >/dev/null 2>&1; then
	echo "$E2E_NAME: SKIP (tmux is not installed)"
	exit 77
fi
if [ ! -x "$KOSZYK_BIN" ]; then
	echo "$E2E_NAME: FAIL: no program at $KOSZYK_BIN (build it first)" >&2
	exit 1
fi

# The environment of every koszyk run: English unless the test says
# otherwise, no user configuration, a fixed day and user.
e2e_env() {
	env -u LC_ALL HOME="$E2E_DIR" XDG_CONFIG_HOME="$E2E_DIR/config" \
		XDG_DATA_HOME="$E2E_DIR/data" KOSZYK_LANG="${E2E_LANG:-en}" \
		KOSZYK_TODAY="$E2E_TODAY" LANG=C.UTF-8 \
		"$@"
}

# The demo user the test acts as.
e2e_login() {
	echo "${E2E_USER:-akowalska}"
}

# Run a command of koszyk on the test database (no screen).
kz() {
	e2e_env "$KOSZYK_BIN" --as "$(e2e_login)" -d "$E2E_DB" "$@"
}

e2e_demo_db() {
	kz demo >/dev/null 2>"$E2E_DIR/demo.err" ||
		fail "koszyk demo failed: $(cat "$E2E_DIR/demo.err")"
}

# Start the full-screen program in a new tmux server (80x24 unless
# E2E_COLS/E2E_LINES say otherwise). Extra environment may be given as
# arguments, e.g. NO_COLOR=1. The exit status goes to $E2E_EXIT.
e2e_start() {
	local w=${E2E_COLS:-80} h=${E2E_LINES:-24} a
	{
		echo '#!/bin/sh'
		echo 'unset LC_ALL'
		echo "export HOME='$E2E_DIR' XDG_CONFIG_HOME='$E2E_DIR/config' XDG_DATA_HOME='$E2E_DIR/data'"
		echo "export KOSZYK_LANG='${E2E_LANG:-en}' KOSZYK_TODAY='$E2E_TODAY'"
		echo "export LANG=C.UTF-8 TERM='${E2E_TERM:-screen-256color}'"
		for a in "$@"; do
			echo "export '$a'"
		done
		if [ -n "${E2E_OS_USER:-}" ]; then
			# A real operating-system user, with the given configuration.
			echo "runuser -u '$E2E_OS_USER' -- '$KOSZYK_BIN' -c '$E2E_CONFIG' -d '$E2E_DB'"
		elif [ -n "$E2E_NO_AS" ]; then
			echo "'$KOSZYK_BIN' -d '$E2E_DB'"
		else
			echo "'$KOSZYK_BIN' --as '$(e2e_login)' -d '$E2E_DB'"
		fi
		echo "echo \"EXIT=\$?\" > '$E2E_EXIT'"
	} >"$E2E_DIR/run.sh"
	chmod +x "$E2E_DIR/run.sh"
	rm -f "$E2E_EXIT"
	# E2E_REMAIN=1: the pane stays after the program ends, to read what
	# it said on leaving.
	# A server that fails to start on a busy machine is tried again.
	local try
	for try in 1 2 3; do
		e2e_tmux new-session -d -s "$E2E_SESSION" -x "$w" -y "$h" "$E2E_DIR/run.sh" \; \
			set-option -t "$E2E_SESSION" remain-on-exit "$([ -n "${E2E_REMAIN:-}" ] && echo on || echo off)" &&
			break
		e2e_tmux kill-server 2>/dev/null
		[ "$try" = 3 ] && fail "cannot start tmux"
		sleep 1
	done
	if [ -z "$E2E_USER" ] && [ -z "$E2E_NO_AS" ] && [ -z "${E2E_OS_USER:-}" ]; then
		# The coordinator starts on her dashboard; these tests on the basket.
		wait_for "koszyk │"
		keys 1
	fi
}

# The screen as text.
screen() {
	e2e_tmux capture-pane -p -t "$E2E_SESSION" 2>/dev/null
}

# The screen with colours and attributes as escape sequences.
screen_escapes() {
	e2e_tmux capture-pane -p -e -t "$E2E_SESSION" 2>/dev/null
}

fail() {
	echo "$E2E_NAME: FAIL: $*" >&2
	if e2e_tmux has-session -t "$E2E_SESSION" 2>/dev/null; then
		echo "---- the screen ----" >&2
		screen >&2
		echo "--------------------" >&2
	fi
	exit 1
}

e2e_pass() {
	echo "$E2E_NAME: ok"
	exit 0
}

# Keys by tmux name (Enter, Escape, Down, F2, C-s, ...).
keys() {
	e2e_tmux send-keys -t "$E2E_SESSION" "$@"
}

# Text typed literally, Polish letters included.
type_text() {
	e2e_tmux send-keys -t "$E2E_SESSION" -l "$1"
}

# Wait until the screen shows text (fixed string).
wait_for() {
	local text=$1 timeout=${2:-$E2E_TIMEOUT}
	local deadline=$(($(date +%s) + timeout))
	while :; do
		screen | grep -qF -- "$text" && return 0
		[ "$(date +%s)" -ge "$deadline" ] && fail "waited ${timeout}s for \"$text\""
		sleep 0.1
	done
}

# Wait until the screen no longer shows text.
wait_gone() {
	local text=$1 timeout=${2:-$E2E_TIMEOUT}
	local deadline=$(($(date +%s) + timeout))
	while :; do
		screen | grep -qF -- "$text" || return 0
		[ "$(date +%s)" -ge "$deadline" ] && fail "waited ${timeout}s for \"$text\" to go away"
		sleep 0.1
	done
}

assert_screen_contains() {
	screen | grep -qF -- "$1" || fail "the screen does not show \"$1\""
}

assert_not_contains() {
	if screen | grep -qF -- "$1"; then
		fail "the screen should not show \"$1\""
	fi
}

# Line N (1-based) of the screen.
screen_line() {
	screen | sed -n "${1}p"
}

# Wait for the program to end; its exit status is printed.
wait_exit() {
	local timeout=${1:-$E2E_TIMEOUT}
	local deadline=$(($(date +%s) + timeout))
	while [ ! -s "$E2E_EXIT" ]; do
		[ "$(date +%s)" -ge "$deadline" ] && fail "the program did not end within ${timeout}s"
		sleep 0.1
	done
	sed -n 's/^EXIT=//p' "$E2E_EXIT"
}

# Wait for the size of the pane to be W x H and the screen redrawn
# (the legend on the last line).
wait_size() {
	local w=$1 h=$2 deadline=$(($(date +%s) + E2E_TIMEOUT))
	while :; do
		local size
		size=$(e2e_tmux display-message -p -t "$E2E_SESSION" '#{pane_width}x#{pane_height}')
		[ "$size" = "${w}x${h}" ] && break
		[ "$(date +%s)" -ge "$deadline" ] && fail "the pane is $size, not ${w}x${h}"
		sleep 0.1
	done
}

# The first N characters of a string (by characters, not bytes).
prefix() {
	local s=$1 n=$2
	printf '%s' "${s:0:n}"
}

# Add a service through the command line (CSV import): title, provider.
import_service() {
	printf 'title,provider\n"%s","%s"\n' "$1" "$2" >"$E2E_DIR/service.csv"
	kz import csv services "$E2E_DIR/service.csv" >/dev/null 2>"$E2E_DIR/import.err" ||
		fail "import failed: $(cat "$E2E_DIR/import.err")"
}

# The name of the first partner (alphabetical) that takes part (has not
# left) and whose name has no quotation marks.
first_partner() {
	kz list partners 2>/dev/null |
		awk -F '\t' '$3 !~ /left/ && $1 !~ /[„”"]/ { print $1; exit }'
}

# Wait until line N of the screen shows text.
wait_line() {
	local n=$1 text=$2 deadline=$(($(date +%s) + E2E_TIMEOUT))
	while :; do
		screen_line "$n" | grep -qF -- "$text" && return 0
		[ "$(date +%s)" -ge "$deadline" ] && fail "waited for \"$text\" on line $n"
		sleep 0.1
	done
}

# Open the search line of a list and type a query; waits for the list
# to say it is filtered by it.
search() {
	keys /
	wait_for "Search:"
	type_text "$1"
	wait_for "Search: $1"
}

# The first service title listed by the command line (without the "! "
# of stale entries).
first_service() {
	kz list services 2>/dev/null | head -n 1 | cut -f1 | sed 's/^! //'
}

# The line of the screen that shows text.
line_with() {
	screen | grep -F -- "$1" | head -n 1
}

# The name the screens show for the login of the test (the demo's users).
e2e_user_name() {
	case "$(e2e_login)" in
	akowalska) echo "Anna Kowalska" ;;
	mnowak) echo "Marta Nowak" ;;
	pwisniewski) echo "Piotr Wiśniewski" ;;
	kzielinska) echo "Katarzyna Zielińska" ;;
	*) e2e_login ;;
	esac
}
