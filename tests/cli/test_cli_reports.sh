#!/usr/bin/env bash
# Monitoring reports on the command line: every report in every format on
# the demo data; text fits 80 columns; bad names and formats exit 2.
source "$(dirname "$0")/lib.sh"

export KOSZYK_TODAY=2026-05-15
run 0 -d demo.db demo

reports="retention coverage gaps usage workload stale overdue outcomes partnership"
for r in $reports; do
	run 0 -d demo.db report "$r"
	[ -s out ] || fail "report $r printed nothing"
	while IFS= read -r line; do
		[ "$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m)" -le 80 ] ||
			fail "report $r: a line longer than 80 columns: $line"
	done <out
	run 0 -d demo.db report "$r" --format text
	run 0 -d demo.db report "$r" --format csv
	if [ "$r" != retention ] || [ -s out ]; then
		head -c 100 out | grep -q $'\r$' || head -1 out | grep -q $'\r' || fail "report $r: CSV lines end in CRLF"
	fi
	run 0 -d demo.db report "$r" --format json
	jq -e 'type == "array"' out >/dev/null || fail "report $r: JSON is not an array"
	jq -e --arg r "$r" 'all(.[]; .kind == "report_row" and .report == $r and has("id") and has("title"))' out >/dev/null ||
		fail "report $r: every row has kind report_row, report, id and title"
done

# Coverage lists every configured sector, also the empty ones.
run 0 -d demo.db report coverage --format json
[ "$(jq '[.[] | select(.dimension == "sector")] | length' out)" -eq 13 ] || fail "coverage: 13 sectors"
[ "$(jq '[.[] | select(.dimension == "category")] | length' out)" -eq 17 ] || fail "coverage: 17 categories"
[ "$(jq '[.[] | select(.dimension == "target group")] | length' out)" -ge 13 ] || fail "coverage: 13 target groups"
jq -e 'all(.[]; (.services | type) == "number")' out >/dev/null || fail "coverage: counts are numbers"
run 0 -d demo.db report coverage
out_has "Coverage: active services"
out_has "#"

# Workload explains its unevenness figure in one line.
run 0 -d demo.db report workload
out_has "Unevenness"
out_has "the busiest partner holds"

# Stale names the person to call.
run 0 -d demo.db report stale
out_has "Call"
out_has "Phone"

# Gaps: the demo has needs nothing answers, with case codes.
run 0 -d demo.db report gaps --format csv
head -1 out | grep -q '^id,need_area,gap,cases,case_codes' || fail "gaps CSV header"
grep -q 'R/2026/' out || fail "gaps lists case codes"

# Outcomes: four tables; each row names its part; goals counted by
# need area from the reviews' progress.
run 0 -d demo.db report outcomes
out_has "Outcomes: goals by need area"
out_has "Outcomes: goals by quarter"
out_has "Outcomes: referrals by partner"
out_has "Outcomes: plans within 30 days of opening"
run 0 -d demo.db report outcomes --format json
[ "$(jq '[.[].part] | unique | length' out)" -eq 4 ] || fail "outcomes: four parts"
goals=$(sqlite3 demo.db "SELECT count(*) FROM goals WHERE status <> 'dropped'")
counted=$(jq '[.[] | select(.part == "outcomes") | .reached + .partly + .not_reached + .open] | add' out)
[ "$counted" -le "$goals" ] && [ "$counted" -ge 1 ] ||
	fail "outcomes: $counted goals counted of $goals"
cases=$(sqlite3 demo.db "SELECT count(*) FROM cases")
[ "$(jq '.[] | select(.id == "cases") | .count' out)" -eq "$cases" ] ||
	fail "outcomes: every case is counted for the 30-day rule"
run 0 -d demo.db report outcomes --format csv
head -1 out | grep -q '^part,id,need_area,reached,partly,not_reached,open,' || fail "outcomes CSV header"

# Partnership: who joined, sectors, who never came, hosting.
run 0 -d demo.db report partnership --format json
[ "$(jq '[.[].part] | unique | length' out)" -eq 4 ] || fail "partnership: four parts"
signed=$(sqlite3 demo.db "SELECT count(*) FROM partners WHERE status IN ('declared', 'left') OR coalesce(declaration_date, '') <> ''")
[ "$(jq '[.[] | select(.part == "partnership")] | length' out)" -eq "$signed" ] ||
	fail "partnership: every partner that signed or left is listed"
jq -e '[.[] | select(.part == "partnership_sectors")] | length == 13' out >/dev/null ||
	fail "partnership: every configured sector"
jq -e '[.[] | select(.part == "partnership")][0].status == "declared"' out >/dev/null ||
	fail "partnership: scripts read the status code"

# A partner's membership history on the command line.
partner=$(sqlite3 demo.db "SELECT name FROM partners WHERE declaration_date IS NOT NULL ORDER BY declaration_date LIMIT 1")
date=$(sqlite3 demo.db "SELECT declaration_date FROM partners WHERE name = '$partner'")
run 0 -d demo.db partner history "$partner"
out_has "$date	Declaration signed"
out_has "Recorded in koszyk"
run 0 -d demo.db partner history "$partner" --json
jq -e --arg d "$date" 'any(.[]; .step == "declared" and .date == $d)' out >/dev/null ||
	fail "partner history --json: the declaration"
run 2 -d demo.db partner history "No such partner"
err_has "No such partner"
run 2 -d demo.db partner nonsense

# Overdue: oldest first.
run 0 -d demo.db report overdue --format json
[ "$(jq length out)" -ge 1 ] || fail "overdue: the demo has actions past due"
jq -e 'all(.[]; .days_late > 0)' out >/dev/null || fail "overdue: every row is late"
jq -e '[.[].due] == ([.[].due] | sort)' out >/dev/null || fail "overdue: oldest first"

# Bad input.
run 2 -d demo.db report nosuch
err_has "unknown report nosuch; the reports are: retention, coverage, gaps, usage, workload, stale, overdue"
run 2 -d demo.db report coverage --format xml
err_has "unknown format"
run 2 -d demo.db report
err_has "the reports are:"
exit 0
