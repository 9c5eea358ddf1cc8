#!/usr/bin/env bash
# Issue 12 (friction): every list sorts in Polish alphabetical order (Ł
# after L, Ś after S, Ż last), contact persons by surname.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23 LC_ALL=C.UTF-8

# in_order: the first letters of stdin's lines never go back in the
# Polish alphabet (case aside).
alphabet="AĄBCĆDEĘFGHIJKLŁMNŃOÓPQRSŚTUVWXYZŹŻ"
in_order() {
	local what=$1 line letter pos last=-1 lastline=""
	while IFS= read -r line; do
		letter=${line:0:1}
		letter=${letter^^}
		pos=${alphabet%%"$letter"*}
		[ "$pos" = "$alphabet" ] && continue   # a digit, a quote
		pos=${#pos}
		[ "$pos" -ge "$last" ] || fail "$what: \"$line\" comes after \"$lastline\""
		last=$pos lastline=$line
	done
}

run 0 -d d.db demo
run 0 -d d.db list services --json
jq -r '.[].title' out >titles
in_order "services" <titles
grep -n "^Szkoła dla rodziców" titles >/dev/null || fail "the demo lacks Szkoła dla rodziców"
sz=$(grep -n "^Szkoła dla rodziców" titles | cut -d: -f1)
s_acute=$(grep -n "^Środowiskowy Dom Samopomocy" titles | cut -d: -f1)
[ "$sz" -lt "$s_acute" ] || fail "Ś should come after Sz ($sz, $s_acute)"

run 0 -d d.db list partners --json
jq -r '.[].title' out | in_order "partners"

# people by surname (the last word; a note in brackets is no surname)
run 0 -d d.db list contacts --json
jq -r '.[].title | sub(" *\\(.*$"; "") | split(" ") | last' out | in_order "contact persons"
jq -r '.[].title' out >people
borkowski=$(grep -n "Łukasz Borkowski" people | cut -d: -f1)
banas=$(grep -n "Oliwia Banaś" people | cut -d: -f1)
[ -n "$borkowski" ] && [ -n "$banas" ] && [ "$banas" -lt "$borkowski" ] ||
	fail "Banaś should come before Borkowski: by surname, not first name"

# the text output of the same lists keeps the order
run 0 -d d.db list services
cut -f1 out | in_order "services (text)"
echo "ok"
