#!/usr/bin/env bash
# Writing cases and plans from scripts: koszyk case open / case add, with
# the same checks as the screens; bad input exits 2 and writes nothing.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
# mnowak, a worker of the demo, opens a case of her own and writes it
KZ_AS=mnowak

run 0 -d d.db demo
run 0 -d d.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak
code=$(cat out)
case $code in R/2026/*) ;; *) fail "case open printed no code: $code" ;; esac
run 0 -d d.db case add member "$code" role=matka birth_year=1990 name=Przykładowa
run 0 -d d.db case add team "$code" "contact=Anna Kowalska" "role=prowadząca sprawę"
run 0 -d d.db case add plan "$code"
run 0 -d d.db case add diagnosis "$code" need_area=praca "situation=Pani szuka pracy od roku." "family_view=„Chcę pracować w sklepie.”"
run 0 -d d.db case add goal "$code" "what=Pani podejmuje pracę" target_date=2027-05-31 priority=high
run 0 -d d.db case add action "$code" "service=Żłobek Gminny „Pod Brzozą”" goal=1 due_date=2026-12-15 "family_commitment=Pani składa wniosek do 5 grudnia."
run 0 -d d.db case add review "$code" review_date=2026-11-23 "participants=Pani, pracownik socjalny" next_review_date=2027-02-23
run 0 -d d.db case add progress "$code" goal=1 "progress=Złożyła dwa CV." goal_status=partly

run 0 -d d.db plan "$code"
out_has "Pani podejmuje pracę"
out_has "Pani składa wniosek do 5 grudnia."
out_has "ul. Kwiatowa 6"
out_lacks "Przykładowa"
run 0 -d d.db list cases
out_has "$code"
out_lacks "Przykładowa"

# bad input: exit 2, a clear message, nothing written
# (every export is itself a reading in the case's audit trail: those
# entries are left out of the comparison)
unread() { jq 'del(.audit[] | select(.action == "read"))' "$1"; }
run 0 -d d.db gdpr export "$code" -o before.json
bad() { # EXPECTED-TEXT ARGS...
	local want=$1
	shift
	run 2 -d d.db "$@"
	err_has "$want"
	run 0 -d d.db gdpr export "$code" -o after.json
	[ "$(unread before.json)" = "$(unread after.json)" ] || fail "koszyk $*: something was written"
	rm -f after.json
}
bad "a goal needs a target date" case add goal "$code" "what=Bez terminu"
bad "is not a date" case add goal "$code" what=x target_date=31.02.2027
bad "There is no case R/2099/999" case add goal R/2099/999 what=x target_date=2027-01-01
bad "dated before the plan starts" case add review "$code" review_date=2020-01-01
bad "has no field \"colour\"" case add goal "$code" colour=red
bad "FIELD=VALUE" case add goal "$code" nonsense
bad "no service titled" case add action "$code" "service=Usługa, której nie ma"
# an action pointing at an archived service
archived=$(jq -r '[.[] | select(.status == "archived")][0].title' <("$KOSZYK_BIN" --as "$KZ_AS" -d d.db list services --all --json))
[ -n "$archived" ] && [ "$archived" != null ] || fail "the demo has no archived service"
bad "archived" case add action "$code" "service=$archived"
run 2 -d d.db case add nonsense "$code"
err_has "the kinds are"
exit 0
