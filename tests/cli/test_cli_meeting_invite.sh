#!/usr/bin/env bash
# Issue 12, meetings on the command line: a meeting has a chair beside its
# host and one of four kinds; next-chair rotates the chairing; invite
# --partners invites one person of every cooperating partner, --team the
# case's team (need-to-know: a worker may not invite the team of a case
# she does not see); a task points at the decision it came from.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23

run 0 -d d.db demo

# chair and kind
run 0 -d d.db meeting add title=Grupa date=2026-12-01 time=10:00 \
	"host=GOPS Brzozowa Wola" "chair=UG Brzozowa Wola" kind=working_group
mid=$(cat out)
run 0 -d d.db list meetings --json
jq -e --arg id "$mid" '.[] | select(.id == $id) | .meeting_kind == "working_group"
	and (.chair_name | test("Brzozowa Wola")) and .chair_id != null
	and .chair_id != .host_id' out >/dev/null ||
	fail "the chair or the kind was not kept"
run 0 -d d.db meeting add title=Szkolenie date=2026-12-02 kind=training
run 2 -d d.db meeting add title=Piknik date=2026-12-03 kind=picnic
err_has "Meeting of"
run 2 -d d.db meeting add title=X date=2026-12-03 "chair=Nobody at all"
err_has "Nobody at all"
run 0 -d d.db meeting next-chair
[ -s out ] || fail "next-chair named nobody"
run 0 -d d.db meeting next-host
host=$(cat out)
run 0 -d d.db meeting next-chair
[ "$(cat out)" != "$host" ] || fail "the next chair is the next host"

# invite every cooperating partner: one person each, in one go
partners=$(sqlite3 d.db "SELECT count(*) FROM partners p WHERE status IN ('declared', 'informal')
	AND EXISTS (SELECT 1 FROM contacts c WHERE c.partner_id = p.id)")
run 0 -d d.db meeting invite "$mid" --partners
[ "$(cat out)" = "$partners persons invited" ] || fail "invite --partners: $(cat out), expected $partners"
[ "$(sqlite3 d.db "SELECT count(DISTINCT c.partner_id) FROM attendees a JOIN contacts c ON c.id = a.contact_id
	WHERE a.meeting_id = '$mid'")" = "$partners" ] || fail "not one person of each partner"
[ "$(sqlite3 d.db "SELECT count(*) FROM attendees a JOIN contacts c ON c.id = a.contact_id
	JOIN partners p ON p.id = c.partner_id WHERE a.meeting_id = '$mid'
	AND p.status NOT IN ('declared', 'informal')")" = 0 ] || fail "a partner that does not cooperate was invited"
run 0 -d d.db meeting invite "$mid" --partners
[ "$(cat out)" = "0 persons invited" ] || fail "a second invite invited again: $(cat out)"
run 2 -d d.db meeting invite "$mid"
err_has "usage: koszyk meeting invite"
run 2 -d d.db meeting invite "$mid" --partners --team R/2026/001
run 2 -d d.db meeting invite no-such-meeting --partners

# the case's team
run 0 -d d.db meeting add title=Zespol date=2026-12-04 case=R/2026/001
tid=$(cat out)
team=$(sqlite3 d.db "SELECT count(*) FROM team t JOIN cases c ON c.id = t.case_id WHERE c.code = 'R/2026/001'")
[ "$team" -ge 2 ] || fail "the demo case R/2026/001 has a team of $team"
run 0 -d d.db meeting invite "$tid" --team R/2026/001
[ "$(cat out)" = "$team persons invited" ] || fail "invite --team: $(cat out), expected $team"
run 2 -d d.db meeting invite "$tid" --team R/2099/999
# need-to-know: R/2026/001 is mnowak's; pwisniewski neither sees it nor
# invites its team (to a meeting of the partnership he may see)
as pwisniewski 2 -d d.db meeting invite "$mid" --team R/2026/001
as pwisniewski 2 -d d.db meeting invite "$tid" --partners

# a task from a decision: by its number in the minutes, or its id
run 0 -d d.db meeting decide "$mid" "text=Przygotować kalendarz szkoleń"
run 0 -d d.db meeting decide "$mid" "text=Zaprosić kuratorów"
did=$(cat out)
run 0 -d d.db task add "meeting=$mid" decision=2 title=Zaproszenia "partner=GOPS Brzozowa Wola"
t1=$(cat out)
run 0 -d d.db task add "meeting=$mid" "decision=$did" title=Lista "partner=GOPS Brzozowa Wola"
run 0 -d d.db list tasks --json
jq -e --arg id "$t1" --arg d "$did" '.[] | select(.id == $id) | .decision_id == $d
	and .decision_text == "Zaprosić kuratorów"' out >/dev/null || fail "the task does not point at decision 2"
run 2 -d d.db task add "meeting=$mid" decision=3 title=Nic "partner=GOPS Brzozowa Wola"
err_has "the meeting has 2 decisions"
run 2 -d d.db task add decision=1 title=Nic "partner=GOPS Brzozowa Wola"
run 2 -d d.db task add "meeting=$tid" "decision=$did" title=Nic "partner=GOPS Brzozowa Wola"
err_has "From decision"
echo ok
