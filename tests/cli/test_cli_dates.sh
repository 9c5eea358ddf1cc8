#!/usr/bin/env bash
# Dates as people write them (issue 12, item 3): FIELD=VALUE (and CSV
# import) takes
# DD.MM.YYYY and D.M.YYYY as well as YYYY-MM-DD and stores YYYY-MM-DD;
# what is no date (too long, two dates run together, 31 February) exits 2
# saying it is not a date, never that the text is too long.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
KZ_AS=mnowak

run 0 -d d.db demo
run 0 -d d.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak
code=$(cat out)
run 0 -d d.db case add plan "$code" valid_from=1.12.2026
run 0 -d d.db case add goal "$code" "what=Cel z kropkami" target_date=15.12.2026
run 0 -d d.db case add goal "$code" "what=Cel krótko" target_date=5.3.2027
run 0 -d d.db case add goal "$code" "what=Cel ISO" target_date=2027-04-30
run 0 -d d.db gdpr export "$code" -o case.json
[ "$(jq -r '.plans[0].valid_from' case.json)" = 2026-12-01 ] ||
	fail "valid_from=1.12.2026 is stored as $(jq -r '.plans[0].valid_from' case.json)"
# the plan's end is counted from its start written with dots
[ "$(jq -r '.plans[0].valid_to' case.json)" \> 2026-12-01 ] || fail "no valid_to from a start with dots"
dates=$(jq -r '[.plans[0].goals[].target_date] | sort | join(" ")' case.json)
[ "$dates" = "2026-12-15 2027-03-05 2027-04-30" ] || fail "target dates stored as: $dates"

# a task of a meeting, with its due date written with dots
run 0 -d d.db task add "title=Zadanie z datą z kropkami" "partner=PUP Wierzbnik" due_date=24.12.2026
run 0 -d d.db list tasks --json
[ "$(jq -r '.[] | select(.title == "Zadanie z datą z kropkami") | .due_date' out)" = 2026-12-24 ] ||
	fail "the task's due date is not stored as 2026-12-24"

# no date: exit 2, "not a date" with how to write it, never "too long"
for bad in 2027-02-012026-12-15 31.02.2027 15.12.26 32.1.2027 "15.12.2026 r" 2026-13-01; do
	run 2 -d d.db case add goal "$code" what=x "target_date=$bad"
	err_has "is not a date"
	err_has "DD.MM.YYYY"
	grep -qF "too long" err && fail "target_date=$bad: says too long, not that it is no date"
done

# a spreadsheet's DD.MM.YYYY in an imported file too (the coordinator)
printf 'title,provider,valid_from\nUsługa z datą z kropkami,"Urząd Gminy Brzozowa Wola",1.9.2026\n' >dates.csv
KZ_AS=akowalska run 0 -d d.db import csv services dates.csv
KZ_AS=akowalska run 0 -d d.db list services --json
[ "$(jq -r '.[] | select(.title == "Usługa z datą z kropkami") | .valid_from' out)" = 2026-09-01 ] ||
	fail "the imported valid_from 1.9.2026 is not stored as 2026-09-01"
exit 0
