#!/usr/bin/env bash
# What is made from the command table and the key table: --help of the
# program and of every command (whole, against tests/golden/), the bash
# completion and the COMMANDS and KEYS of the man page (made anew here and
# compared with the committed files: run make docs when this fails).
source "$(dirname "$0")/lib.sh"

root=$TESTS_DIR/..
golden=$TESTS_DIR/golden
gendocs=${KZ_GENDOCS:-$(dirname "$KOSZYK_BIN")/tools/kz_gendocs}
[ -x "$gendocs" ] || fail "no $gendocs (make $(basename "$(dirname "$KOSZYK_BIN")")/tools/kz_gendocs)"

# --- the committed generated files are up to date ---
"$gendocs" completion >koszyk.bash || fail "kz_gendocs completion failed"
diff -u "$root/completion/koszyk.bash" koszyk.bash >diff.txt ||
	fail "completion/koszyk.bash is out of date (run make docs): $(head -40 diff.txt)"
"$gendocs" man "$root/man/koszyk.1" >koszyk.1 || fail "kz_gendocs man failed"
diff -u "$root/man/koszyk.1" koszyk.1 >diff.txt ||
	fail "man/koszyk.1 is out of date (run make docs): $(head -40 diff.txt)"
# a page without the markers is refused, not half made
grep -v 'GENERATED KEYS' "$root/man/koszyk.1" >nokeys.1
! "$gendocs" man nokeys.1 >/dev/null 2>err || fail "a page without the KEYS markers was accepted"

# --- --help, whole ---
golden_is() {
	local file=$1
	shift
	run 0 "$@"
	diff -u "$golden/$file" out >diff.txt ||
		fail "koszyk $* differs from tests/golden/$file: $(head -40 diff.txt)"
}
KZ_AS=
golden_is help.txt --help
golden_is help.txt -h
golden_is help-search.txt search --help
golden_is help-search.txt search zlobek -h
golden_is help-sync.txt sync --help
# nothing longer than a terminal
awk 'length > 80 { print; bad = 1 } END { exit bad }' "$golden"/*.txt >long.txt ||
	fail "help lines over 80 columns: $(cat long.txt)"

# --- every command answers --help and -h, before any database ---
commands=$(awk '/^  [a-z]/ { print $1 }' "$golden/help.txt" | sort -u)
[ "$(echo "$commands" | wc -l)" -ge 19 ] || fail "too few commands in --help: $commands"
for c in $commands; do
	for h in --help -h; do
		run 0 -d "$WORK/none.db" "$c" "$h"
		out_has "Usage:"
		out_has "  koszyk $c"
		[ ! -s err ] || fail "koszyk $c $h wrote to stderr"
	done
	# after other arguments too, and with a sub-command
	run 0 -d "$WORK/none.db" "$c" x --json --help
done
[ ! -e "$WORK/none.db" ] || fail "--help of a command made a database"
[ ! -e "$WORK/data" ] || fail "--help of a command made the default database folder"
# a sub-command's help is its own rows
run 0 export csv --help
out_has "koszyk export csv services|partners [--excel] [-o PATH]"
out_lacks "json|md|html"
run 0 list cases -h
out_has "koszyk list cases [--json]"
out_lacks "conflicts"
# the hidden commands between two koszyk programs are not shown
run 0 sync serve --help
out_lacks "serve"
! grep -q serve "$golden/help.txt" "$root/completion/koszyk.bash" ||
	fail "sync serve is shown"
# "--" keeps --help a word: search looks for it (no database here)
run 2 -d "$WORK/none.db" search -- --help
err_has "there is no database here"
# options a command does not take stay an error, naming the command's help
run 2 -d "$WORK/none.db" list services --bogus
err_has 'unknown option "--bogus" for "list" (see koszyk list --help)'
run 2 -d "$WORK/none.db" plan -o
err_has "-o needs a file name"
run 2 -d "$WORK/none.db" restore a.bak new.db --key
err_has "--key needs a key file"
run 2 -d "$WORK/none.db" backup a b
err_has 'too many arguments for "backup" (see koszyk backup --help)'
# unknown commands stay unknown, --help or not
run 2 frobnicate --help
err_has 'unknown command "frobnicate"'
# in Polish too (the words of the catalogue are checked by test_cli_i18n.sh)
KOSZYK_LANG=pl "$KOSZYK_BIN" --help >out 2>err || fail "koszyk --help in Polish failed"
[ "$(awk '/^  [a-z]/ { print $1 }' out | sort -u)" = "$commands" ] ||
	fail "the Polish --help lists other commands: $(cat out)"
KOSZYK_LANG=pl "$KOSZYK_BIN" search --help >out 2>err || fail "koszyk search --help in Polish failed"
out_has "  koszyk search [--json] "

# --- the bash completion ---
# complete WORDS...: the completions of the last word (may be "")
complete_words() {
	bash -c '
		source "$1"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_koszyk
		printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$root/completion/koszyk.bash" "$@" >out 2>err ||
		fail "the completion failed for: $*"
	[ ! -s err ] || fail "the completion wrote errors for: $*"
}
completes() {
	local want=$1
	shift
	complete_words "$@"
	[ "$(tr '\n' ' ' <out)" = "$want " ] || fail "completing \"$*\" gave \"$(tr '\n' ' ' <out)\", expected \"$want\""
}
complete_words koszyk ""
for c in $commands; do grep -qx "$c" out || fail "the completion lacks the command $c"; done
[ "$(grep -c '^[a-z]' out)" -eq "$(echo "$commands" | wc -l)" ] || fail "the completion has other commands: $(cat out)"
completes "list" koszyk li
completes "--as --help --version" koszyk --
completes "search" koszyk -d x.db --as akowalska sea
completes "cases conflicts contacts" koszyk list c
completes "--all --help --json --network" koszyk list services --
completes "--sector --status" koszyk list partners --s
completes "services" koszyk -d x.db export csv s
completes "csv hsds" koszyk import ""
completes "partners services" koszyk import csv ""
completes "html md text" koszyk plan R/2026/001 --format ""
completes "csv html json text" koszyk report stale --format ""
completes "coverage gaps outcomes overdue partnership retention stale usage workload" koszyk report ""
completes "action diagnosis goal member plan progress review team" koszyk case add ""
completes "all by-partner case mine overdue partner" koszyk task list --json ""
completes "show" koszyk key sh
completes "--replace" koszyk key import k.key --r
# a file where a file is given
touch plik-zmian.kzs
completes "plik-zmian.kzs" koszyk sync import plik
completes "plik-zmian.kzs" koszyk -d x.db backup pl
completes "plik-zmian.kzs" koszyk check --backup pl
touch "kopia z piątku.bak"
complete_words koszyk restore kop
[ "$(cat out)" = "kopia z piątku.bak" ] || fail "a file name with spaces is not one completion: $(cat out)"
# the report names are the program's
run 2 -d "$WORK/none.db" report nosuch
names=$(sed -n 's/.*the reports are: //p' err | tr -d ',' | tr ' ' '\n' | sort | tr '\n' ' ')
complete_words koszyk report ""
[ "$(tr '\n' ' ' <out)" = "$names" ] || fail "completion of report names \"$(tr '\n' ' ' <out)\", the program has \"$names\""

# --- the man page shows every command and every key ---
command -v man >/dev/null || { echo "no man here: rendering not checked"; exit 0; }
MANWIDTH=80 man -l "$root/man/koszyk.1" 2>manerr | sed 's/‐/-/g' >man.txt
[ ! -s manerr ] || fail "man warns: $(cat manerr)"
awk '/^  [a-z]/ { line = $0; sub(/^  /, "", line); sub(/  +.*/, "", line); print line }' \
	"$golden/help.txt" >synopses
while read -r s; do
	grep -qF -- "$s" man.txt || fail "the man page lacks: $s"
done <synopses
for key in "Home, g" "End, G" "PgUp, Ctrl-B" "PgDn, Ctrl-F" "S-Tab, Up" "F2, Ctrl-S" "F2, S" \
	"Space" "Ctrl-U" "Ctrl-W" "F10, Q" "Ctrl-L"; do
	grep -qF -- "$key" man.txt || fail "the man page lacks the key $key"
done
exit 0
