#!/usr/bin/env bash
# Issue 12 (friction): a case becomes active when its first plan is
# approved; a referral's "referred by" is the person who records it; an
# action's responsible person is its service's contact person unless told
# otherwise. Rules of the data layer: the screen, the commands and sync
# obey them alike.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
KZ_AS=mnowak
service="Animacja społeczności lokalnej w Dębowej Górze"   # contact: Piotr Wiśniewski

run 0 -d d.db demo
status_of() { # CODE
	"$KOSZYK_BIN" --as mnowak -d d.db gdpr export "$1" 2>/dev/null | jq -r .status
}
run 0 -d d.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak
code=$(cat out)
[ "$(status_of "$code")" = new ] || fail "a case opens as new"
run 0 -d d.db case add plan "$code"
[ "$(status_of "$code")" = new ] || fail "a draft plan leaves the case new"

# the first approved plan makes the case active
run 0 -d d.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak
code2=$(cat out)
run 0 -d d.db case add plan "$code2" status=approved approved_by=mnowak approved_on=2026-11-23
[ "$(status_of "$code2")" = active ] || fail "approving the first plan should make the case active, it is $(status_of "$code2")"

# action defaults
run 0 -d d.db case add action "$code" "service=$service" referral_date=2026-11-20 status=accepted
id=$(cat out)
action() { # FIELD
	"$KOSZYK_BIN" --as mnowak -d d.db gdpr export "$code" 2>/dev/null |
		jq -r --arg id "$id" --arg f "$1" '[.plans[].actions[] | select(.id == $id)][0][$f] // "null"'
}
[ "$(action referred_by)" = mnowak ] || fail "referred_by should default to the user, is $(action referred_by)"
contact=$(action contact_id)
[ "$contact" != null ] || fail "the responsible person should default to the service's contact"
run 0 -d d.db plan "$code"
out_has "Piotr Wiśniewski"
# told otherwise: kept
run 0 -d d.db case add action "$code" "free_text=Rozmowa z pedagogiem" referral_date=2026-11-21 referred_by=akowalska
id=$(cat out)
[ "$(action referred_by)" = akowalska ] || fail "a given referred_by is kept"
echo "ok"
