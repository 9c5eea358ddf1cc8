#!/usr/bin/env bash
# Issue 12, item 5: the version of the plan kept at a review holds that
# review's progress. The review, the progress of its goals and the version
# are one transaction: case add review takes progress.N= and
# goal_status.N= (N: the goal's number as the screen lists them); a bad
# value leaves no review, no progress and no version.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23

# the newest version of the plan of a case as text: its note, then its snapshot
newest_version() {
	run 0 -d d.db gdpr export "$1" -o export.json
	jq -r '[.plans[] | .versions[]] | max_by(.version) | .note, .snapshot' export.json >out
}
count() { jq "[.plans[] | .$1[]] | length" export.json; }

run 0 -d d.db demo
# The demo records its reviews with their progress: the versions kept at
# them hold it.
run 0 -d d.db gdpr export R/2026/001 -o export.json
jq -r '.plans[].versions[] | select(.note == "review") | .snapshot' export.json >out
out_has "how it went: Dwie raty wpłacone w terminie."

# A review with the progress of two goals, from the command line.
newest_version R/2026/001
before=$(head -1 out)
versions=$(count versions)
run 0 -d d.db case add review R/2026/001 review_date=2026-11-23 "participants=Pani A., pracownik socjalny" \
	next_review_date=2027-02-23 "progress.1=Trzecia rata wpłacona." goal_status.1=partly \
	"progress.2=Umowa zlecenie od grudnia." goal_status.2=achieved
newest_version R/2026/001
[ "$(count versions)" -eq $((versions + 1)) ] || fail "no new version was kept at the review"
[ "$(head -1 out)" = review ] || fail "the newest version is not the review's: $(head -1 out)"
out_has "review 2026-11-23: participants: Pani A., pracownik socjalny"
out_has "how it went: Trzecia rata wpłacona. | status: partly"
out_has "how it went: Umowa zlecenie od grudnia. | status: achieved"

# One transaction: a bad goal status of the second goal leaves nothing.
run 0 -d d.db gdpr export R/2026/001 -o export.json
reviews=$(count reviews) versions=$(count versions)
run 2 -d d.db case add review R/2026/001 review_date=2026-11-24 "progress.1=Czwarta rata." \
	goal_status.1=partly "progress.2=Nic." goal_status.2=maybe
err_has "maybe"
run 0 -d d.db gdpr export R/2026/001 -o export.json
[ "$(count reviews)" -eq "$reviews" ] || fail "a refused review was saved"
[ "$(count versions)" -eq "$versions" ] || fail "a refused review kept a version"
run 0 -d d.db plan R/2026/001
out_lacks "Czwarta rata."

# progress of a goal the plan does not have
run 2 -d d.db case add review R/2026/001 review_date=2026-11-24 "progress.99=Nic."
err_has "goal"
run 2 -d d.db case add review R/2026/001 review_date=2026-11-24 "progress.x=Nic."
err_has "progress.x"
echo "ok"
