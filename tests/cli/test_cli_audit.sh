#!/usr/bin/env bash
# The audit trail on the command line: koszyk audit by role, readings of a
# family's file as entries, received changes keeping their author, and
# tampering with sqlite3 (a changed, deleted or reordered entry) named by
# koszyk check; an erased case leaves a chain that still verifies.
source "$(dirname "$0")/lib.sh"

export KOSZYK_TODAY=2026-05-15
run 0 -d demo.db demo
run 0 -d demo.db check
out_has "OK: demo.db"

# --- a coordinator reads the whole trail ----------------------------------------
run 0 -d demo.db --as akowalska audit
all=$(wc -l <out)
[ "$all" -ge 100 ] || fail "expected a long demo trail, got $all lines"
out_has "R/2026/001"
head -1 out | grep -q "^1	" || fail "the trail begins with entry 1"
run 0 -d demo.db --as akowalska audit --json
json_ok
[ "$(jq length out)" -eq "$all" ] || fail "--json lists the same entries"
jq -e 'all(.[]; .kind == "audit" and (.id | type) == "number")' out >/dev/null || fail "entries are of kind audit, numbered"
jq -e 'any(.[]; .record_kind == "partner" and .case == null)' out >/dev/null || fail "basket entries have no case"
jq -e 'any(.[]; .case == "R/2026/001" and .user == "mnowak")' out >/dev/null || fail "case entries name the case code"
# no names of a family in the trail
out_lacks "Przykładow"
out_lacks "Wzorcow"

# --- a worker reads the trail of their own cases only ------------------------------
run 0 -d demo.db --as mnowak list cases --json
mine=$(jq -c '[.[].title]' out)
jq -e 'any(.[]; .title == "R/2026/001")' out >/dev/null || fail "mnowak manages R/2026/001"
run 0 -d demo.db --as akowalska list cases --json
other=$(jq -r --argjson mine "$mine" '[.[] | select(.manager == "pwisniewski") | .title | select(. as $t | $mine | index($t) | not)][0]' out)
[ -n "$other" ] && [ "$other" != null ] || fail "no case of pwisniewski that mnowak does not see"
run 0 -d demo.db --as mnowak audit --json
json_ok
n=$(jq length out)
[ "$n" -gt 0 ] && [ "$n" -lt "$all" ] || fail "a worker sees some entries, not all ($n of $all)"
jq -e --argjson mine "$mine" 'all(.[]; .case as $c | $c != null and ($mine | index($c)))' out >/dev/null || fail "a worker sees only entries of their own cases"
jq -e --arg o "$other" 'all(.[]; .case != $o)' out >/dev/null || fail "a worker sees nothing of $other"
run 0 -d demo.db --as mnowak audit R/2026/001
out_has "R/2026/001"
out_lacks "$other"
run 2 -d demo.db --as mnowak audit "$other"
err_has "There is no case $other."

# --- a viewer is refused ---------------------------------------------------------------
run 2 -d demo.db --as kzielinska audit
err_has "Only a coordinator may read the whole audit trail"
run 2 -d demo.db --as kzielinska audit R/2026/001
run 2 -d demo.db --as akowalska audit R/2026/001 R/2026/002
err_has "usage: koszyk audit"
run 2 -d demo.db --as akowalska audit --csv
err_has "--csv"

# --- reading a family's file is an entry ---------------------------------------------
reads() {
	run 0 -d demo.db --as akowalska audit R/2026/001 --json
	jq --arg w "$1" '[.[] | select(.action == "read" and .summary == $w and .user == "mnowak")] | length' out
}
[ "$(reads plan)" -eq 0 ] || fail "no reading before"
run 0 -d demo.db --as mnowak plan R/2026/001
[ "$(reads plan)" -eq 1 ] || fail "printing the plan is an entry"
run 0 -d demo.db --as mnowak gdpr export R/2026/001 -o case.json
[ "$(reads "gdpr export")" -eq 1 ] || fail "gdpr export is an entry"
run 0 -d demo.db --as akowalska audit R/2026/001 --json
jq -e 'all(.[]; .summary == null or (.summary | test("Przykładow") | not))' out >/dev/null || fail "an entry names a member of the family"
run 0 -d demo.db check

# --- received changes keep their author ------------------------------------------------
run 0 -d lap.db --as mnowak sync clone demo.db
run 0 -d lap.db --as mnowak case add member R/2026/001 role=syn birth_year=2015
run 0 -d lap.db --as mnowak sync export changes.kzs
run 0 -d demo.db --as akowalska sync import changes.kzs
run 0 -d demo.db --as akowalska audit R/2026/001 --json
jq -e 'any(.[]; .action == "sync" and .user == "mnowak" and .record_kind == "member")' out >/dev/null || fail "the received change is in the trail under its author"
run 0 -d demo.db check
run 0 -d lap.db check

# --- tampering with sqlite3: koszyk check names the entry -----------------------------------
cp demo.db t.db
sqlite3 t.db "UPDATE audit SET user = 'mallory' WHERE seq = 57"
run 1 -d t.db check
out_has "audit trail: entry 57 was changed"
err_has "problem(s) found"

cp demo.db t.db
sqlite3 t.db "DELETE FROM audit WHERE seq = 57"
run 1 -d t.db check
out_has "audit trail: entry 57 is missing (entries 56 and 58 do not link)"

cp demo.db t.db
sqlite3 t.db "UPDATE audit SET seq = -1 WHERE seq = 57; UPDATE audit SET seq = 57 WHERE seq = 58; UPDATE audit SET seq = 58 WHERE seq = -1"
run 1 -d t.db check
out_has "audit trail: entries out of order at entry 57"

cp demo.db t.db
last=$(sqlite3 t.db "SELECT max(seq) FROM audit")
sqlite3 t.db "DELETE FROM audit WHERE seq = $last"
run 1 -d t.db check
out_has "audit trail: entry $last is missing (the last entry of the trail)"

# --- erasing a case keeps the chain verifiable ---------------------------------------------
run 0 -d demo.db --as akowalska list cases --json
id=$(jq -r '.[] | select(.title == "R/2026/006") | .id' out)
[ -n "$id" ] || fail "no demo case R/2026/006"
[ "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE case_id = '$id'")" -gt 0 ] || fail "R/2026/006 has entries"
run 0 -d demo.db --as akowalska gdpr erase R/2026/006 --yes
run 0 -d demo.db check
[ "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE '$id' IN (ref, case_id)")" -eq 0 ] || fail "the erased case's id is still in the trail"
[ "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE summary = 'R/2026/006' AND action <> 'erase'")" -eq 0 ] || fail "the erased case's code is still in the trail"
[ "$(sqlite3 demo.db "SELECT count(*) FROM audit WHERE redacted IS NOT NULL")" -gt 0 ] || fail "the erased case's entries keep their place"
run 0 -d demo.db --as akowalska audit R/2026/006
[ "$(wc -l <out)" -eq 1 ] || fail "an erased case's trail is its erase entry"
out_has "R/2026/006"
run 2 -d demo.db --as mnowak audit R/2026/006
# and tampering after the erasure is still seen
cp demo.db t.db
first=$(sqlite3 t.db "SELECT min(seq) FROM audit WHERE redacted IS NOT NULL")
sqlite3 t.db "UPDATE audit SET redacted = NULL WHERE seq = $first"
run 1 -d t.db check
out_has "audit trail: entry $first was changed"
exit 0
