#!/usr/bin/env bash
# Cases on the command line: list cases, plan, gdpr export and erase,
# report retention, with the demo cases.
source "$(dirname "$0")/lib.sh"

# Demo dates are relative to today: fix today so the codes are known.
export KOSZYK_TODAY=2026-05-15
run 0 -d demo.db demo

# --- list cases ------------------------------------------------------------
run 0 -d demo.db list cases --json
json_ok
[ "$(jq length out)" -ge 25 ] || fail "expected at least 25 demo cases, got $(jq length out)"
jq -e 'all(.[]; .kind == "case" and (.title | test("^R/[0-9]{4}/[0-9]{3}$")))' out >/dev/null || fail "cases are listed by their codes"
for s in new active review closed; do
	jq -e --arg s "$s" 'any(.[]; .status == $s)' out >/dev/null || fail "no demo case with status $s"
done
for m in mnowak pwisniewski akowalska; do
	jq -e --arg m "$m" 'any(.[]; .manager == $m)' out >/dev/null || fail "no demo case managed by $m"
done
jq -e 'any(.[]; .title == "R/2026/001" and .status == "active" and .manager == "mnowak" and .opened_on == "2026-01-15" and .closed_on == null)' out >/dev/null || fail "R/2026/001: active, mnowak, opened 2026-01-15"
jq -e 'all(.[]; (.status == "closed") == (.closed_on != null))' out >/dev/null || fail "closed cases (and only they) have closed_on"
out_lacks "Przykładow"
out_lacks "Wzorcow"
run 0 -d demo.db list cases
out_has "R/2026/001"
out_has "Marta Nowak"
out_lacks "Przykładow"
out_lacks "Wzorcow"

# --- plan for the family ------------------------------------------------------
run 0 -d demo.db plan R/2026/001
out_has "R/2026/001"
goal=$(grep -n "Pani A. podejmuje stałą pracę." out | head -1 | cut -d: -f1)
commitment=$(grep -n "Udział w 4 spotkaniach, przygotowanie CV." out | head -1 | cut -d: -f1)
service=$(grep -n "^\* Klub Pracy i doradztwo zawodowe" out | head -1 | cut -d: -f1)
[ -n "$goal" ] && [ -n "$commitment" ] && [ -n "$service" ] || fail "plan lacks the goal, the commitment or the service"
[ "$goal" -lt "$service" ] && [ "$commitment" -lt "$service" ] || fail "the family's goals and commitments come before the services"
out_has "Place: PUP, ul. Kościuszki 7, Wierzbnik, sala 12"
out_has "Hours: pn–czw 9:00–13:00"
out_has "Barbara Kozłowska, phone 44 000 20 51"
out_has "We will look at the plan together on 14.06.2026."
# household by role only; no internal notes of the case or of reviews
out_has "matka, córka, syn"
out_lacks "Przykładow"
out_lacks "Nie poruszać przy dzieciach"
out_lacks "jeszcze niezłożony"
[ "$(LC_ALL=C.UTF-8 wc -L <out)" -le 72 ] || fail "text lines are wrapped at 72 columns"

run 0 -d demo.db plan R/2026/001 --format md
grep -q '^# ' out || fail "markdown has a title"
grep -q '^## ' out || fail "markdown has section headings"
grep -q '^- \*\*' out || fail "markdown has lists"

run 0 -d demo.db plan R/2026/001 --format html -o plan.html
[ -s plan.html ] || fail "plan -o wrote no file"
[ "$(stat -c %a plan.html)" = 600 ] || fail "the plan file is readable by its owner only"
grep -q '<html lang="pl">' plan.html || fail "html has the configured language"
grep -q '<style>' plan.html || fail "html has its CSS inline"
! grep -Eq 'src=|<link|url\(' plan.html || fail "html must not load anything from outside"
grep -q 'Klub Pracy i doradztwo zawodowe' plan.html || fail "html lacks a service"
! grep -q 'Przykładow' plan.html || fail "html names a household member"

run 2 -d demo.db plan R/2026/999
err_has "R/2026/999"
run 2 -d demo.db plan R/2026/001 --format pdf
err_has "pdf"
run 1 -d demo.db plan R/2026/016
err_has "no plan yet"

# --- gdpr export ----------------------------------------------------------------
run 0 -d demo.db gdpr export R/2026/001
jq -e '.code == "R/2026/001"' out >/dev/null || fail "gdpr export is not the case's JSON"
jq -e '[.members[].name] | index("Ewa Przykładowa")' out >/dev/null || fail "gdpr export holds the household members"
jq -e '.plans | length >= 1' out >/dev/null || fail "gdpr export holds the plans"
run 0 -d demo.db gdpr export R/2026/001 -o case.json
jq -e '.code == "R/2026/001"' case.json >/dev/null || fail "gdpr export -o wrote no JSON"
[ "$(stat -c %a case.json)" = 600 ] || fail "gdpr export file is readable by its owner only"
run 2 -d demo.db gdpr export R/2026/999
err_has "R/2026/999"

# --- gdpr erase -------------------------------------------------------------------
run 2 -d demo.db gdpr erase R/2026/006
err_has "--yes"
err_has "cannot be undone"
run 0 -d demo.db list cases --json
jq -e 'any(.[]; .title == "R/2026/006")' out >/dev/null || fail "without --yes nothing is erased"
run 0 -d demo.db gdpr erase R/2026/006 --yes
out_has "Erased case R/2026/006: nothing of it is left but an entry in the audit trail."
run 0 -d demo.db list cases --json
jq -e 'all(.[]; .title != "R/2026/006")' out >/dev/null || fail "the erased case is still listed"
run 1 -d demo.db search R/2026/006
run 2 -d demo.db gdpr export R/2026/006
err_has "R/2026/006"
run 2 -d demo.db plan R/2026/006
run 2 -d demo.db gdpr erase R/2026/006 --yes
run 0 -d demo.db check

# --- report retention ---------------------------------------------------------------
run 0 -d demo.db report retention
out_has "R/2012/007"
out_has "R/2012/012"
out_has "R/2013/003"
out_lacks "R/2026/020"
out_lacks "R/2026/001"
run 0 -d demo.db report retention --format json
json_ok
[ "$(jq length out)" -eq 3 ] || fail "three demo cases are past the retention period"
run 0 -d demo.db report retention --format csv
# The same shape as every report (a leading id: the case's), with the
# status and the login for scripts.
head -1 out | grep -q '^id,code,status,manager,opened_on,closed_on' || fail "csv header"
out_has ",R/2013/003,closed,mnowak,2013-10-10,2014-11-14"
run 2 -d demo.db report retention --format xml
run 2 -d demo.db report foo
err_has "unknown report foo; the reports are: retention"
run 2 -d demo.db report
exit 0
