#!/bin/bash
# 7 opens the menu of the monitoring reports; Enter on "Gaps" shows the
# need areas that no active service answers with their case codes, and
# Enter there opens one of the cases. Coverage draws its bars in text and
# draws them again for a wider window.
. "$(dirname "$0")/lib.sh"

e2e_demo_db
# The first gap as the command line reports it (CSV: id, need area, ...).
first=$(kz report gaps --format csv 2>/dev/null | sed -n 2p)
area=$(printf '%s\n' "$first" | cut -d, -f2)
code=$(printf '%s\n' "$first" | grep -o 'R/[0-9]*/[0-9]*' | head -n 1)
[ -n "$area" ] && [ -n "$code" ] || fail "the demo database has no gaps"

e2e_start
wait_for "Basket of services"
keys 7
wait_line 1 "Reports"
wait_for "Coverage"
wait_for "Retention"
assert_screen_contains "Workload"
# The second entry is the gaps report.
keys Down Enter
wait_line 1 "Report: Gaps"
wait_for "Gaps: needs in diagnoses that no active service answers"
wait_for "Need area"
wait_for "$(prefix "$area" 20)"
wait_for "$code"

# Enter lists the case codes; the first is the first gap's first case.
keys Enter
wait_for "Open which case?"
keys Enter
wait_for "$code"
wait_gone "Open which case?"
wait_gone "Report: Gaps"
keys q
wait_line 1 "Report: Gaps"
keys q
wait_line 1 "Reports"

# Coverage: bars of # beside the numbers; wider window, longer bars.
keys Up Enter
wait_line 1 "Report: Coverage"
wait_for "Coverage: active services by sector, category and target group"
bar=$(screen | grep "^ sector " | grep -o '#*' | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
[ "$bar" -ge 1 ] || fail "no bar in the coverage report"
e2e_tmux resize-window -t "$E2E_SESSION" -x 110 -y 24
wait_size 110 24
deadline=$(($(date +%s) + E2E_TIMEOUT))
while :; do
	wide=$(screen | grep "^ sector " | grep -o '#*' | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
	[ "$wide" -gt "$bar" ] && break
	[ "$(date +%s)" -ge "$deadline" ] && fail "the bars did not grow with the window ($bar, $wide)"
	sleep 0.1
done
keys q
wait_line 1 "Reports"
keys q
wait_line 1 "Basket of services"
e2e_pass
