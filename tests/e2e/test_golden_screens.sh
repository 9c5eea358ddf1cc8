#!/usr/bin/env bash
# Whole 80x24 screens, compared character for character with the files in
# tests/golden/screens (as tig's tests compare whole screens): the basket,
# the partners, a case, its plan, the dashboard (English and Polish) and a
# report, on the demo database with a fixed day (KOSZYK_TODAY, set by
# lib.sh). A change to what a screen shows must change its golden file in
# the same commit. KZ_UPDATE_GOLDEN=1 writes the files from the program
# instead of comparing (then read the diff before committing it).
. "$(dirname "$0")/lib.sh"

GOLDEN=$(cd "$(dirname "$0")/../golden/screens" && pwd)
failed=0

# The screen once it shows TEXT and has stopped changing.
settled_screen() {
	local text=$1 before now tries=0
	wait_for "$text"
	before=$(screen)
	while :; do
		sleep 0.2
		now=$(screen)
		[ "$now" = "$before" ] && break
		before=$now
		tries=$((tries + 1))
		[ $tries -ge 50 ] && fail "the screen did not settle after \"$text\""
	done
	printf '%s\n' "$now"
}

# golden NAME TEXT: compare the settled screen with NAME.txt.
golden() {
	local name=$1 file=$GOLDEN/$1.txt
	settled_screen "$2" >"$E2E_DIR/$name.txt"
	if [ -n "${KZ_UPDATE_GOLDEN:-}" ]; then
		cp "$E2E_DIR/$name.txt" "$file"
		echo "wrote $file"
	elif [ ! -f "$file" ]; then
		echo "$E2E_NAME: no golden screen $file (KZ_UPDATE_GOLDEN=1 writes it)" >&2
		failed=1
	elif ! diff -u "$file" "$E2E_DIR/$name.txt" >&2; then
		echo "$E2E_NAME: the $name screen differs from $file (above: - golden, + now)" >&2
		failed=1
	fi
}

e2e_demo_db
e2e_start
golden basket "157 of 157"
keys 2
golden partners "Partners"
keys 4
golden cases "My cases"
keys Enter
golden case "Case R/2026/005"
keys G
golden plan "Reviews (0)"
keys q 0
golden dashboard "Stale basket entries"
keys 7
golden reports "Retention"
keys Enter
golden report-coverage "lines 1-21"
keys q q Q
wait_exit >/dev/null

E2E_LANG=pl
e2e_start
keys 0
golden dashboard-pl "Pulpit"

[ $failed -eq 0 ] || exit 1
e2e_pass
