#!/usr/bin/env bash
# Issue 12, item 8: the open tasks of a partner (SPEC 3.2), and those of a
# case and its team's meetings, from the command line; a worker is shown
# none of a case she may not see.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
school="Szkoła Podstawowa im. Marii Konopnickiej w Brzozowej Woli"
task="Informacja o frekwencji córki na zajęciach wyrównawczych"

run 0 -d d.db demo
run 0 -d d.db task list partner "$school"
out_has "$task"
out_has "Magdalena Sowa"
run 0 -d d.db task list partner "$school" --json
json_ok
jq -e 'all(.[]; .status == "open")' out >/dev/null || fail "a closed task is listed"
run 0 -d d.db task list case R/2026/001
out_has "$task"
out_lacks "Przygotować porozumienie o spłacie"   # done
out_lacks "Zaświadczenie o zameldowaniu"        # another case's
# a worker who may not see R/2026/001 sees neither it nor its tasks
manager=$(jq -r '.manager' <<<"$(KZ_AS=akowalska "$KOSZYK_BIN" --as akowalska -d d.db gdpr export R/2026/001 2>/dev/null)")
[ "$manager" = mnowak ] || fail "R/2026/001 of the demo is managed by $manager"
as pwisniewski 0 -d d.db task list partner "$school"
out_lacks "$task"
as pwisniewski 2 -d d.db task list case R/2026/001
run 2 -d d.db task list partner "Nikt Taki"
run 2 -d d.db task list sometimes R/2026/001
err_has "usage"
echo "ok"
