#!/usr/bin/env bash
# Meetings and tasks on the command line: the demo has them, list
# meetings|tasks (--json), recording a meeting with attendees, two
# decisions and a task from a script, closing a task; bad input exits 2
# and writes nothing.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
# run acts as akowalska, the demo's coordinator (lib.sh: KZ_AS)

run 0 -d d.db demo

# the demo: a year of partnership meetings, case-team meetings, tasks
run 0 -d d.db list meetings --json
json_ok
[ "$(jq '[.[] | select(.kind == "meeting")] | length' out)" -ge 10 ] || fail "too few demo meetings"
[ "$(jq '[.[] | select(.meeting_kind == "partnership" and .case_id == null)] | length' out)" -ge 7 ] || fail "too few partnership meetings"
[ "$(jq '[.[] | select(.meeting_kind == "case_team" and .case_id != null and .case_code != null)] | length' out)" -ge 2 ] || fail "too few case-team meetings"
[ "$(jq '[.[] | .host_name] | unique | length' out)" -ge 6 ] || fail "hosting does not rotate"
jq -e '.[0].date >= .[1].date and .[1].date >= .[2].date' out >/dev/null || fail "meetings are not newest first"
run 0 -d d.db list meetings
out_has "Posiedzenie Partnerskiego Zespołu Kooperacyjnego nr 1"
out_has "Zadaniowy Zespół Kooperacyjny – sprawa R/2026/"

run 0 -d d.db list tasks --json
json_ok
jq -e 'all(.[]; .kind == "task")' out >/dev/null || fail "tasks not of kind task"
[ "$(jq '[.[] | select(.overdue)] | length' out)" -ge 3 ] || fail "the demo should have overdue tasks"
[ "$(jq '[.[] | select(.status == "done")] | length' out)" -ge 3 ] || fail "the demo should have done tasks"
[ "$(jq '[.[] | select(.status == "open" and .overdue == false)] | length' out)" -ge 2 ] || fail "the demo should have open tasks not yet due"
jq -e 'all(.[] | select(.status == "done"); .closed_on != null and .closed_by != null)' out >/dev/null \
	|| fail "done tasks need closed_on and closed_by"
run 0 -d d.db task list overdue --json
json_ok
jq -e 'length >= 3 and all(.[]; .status == "open" and .due_date < "2026-11-23")' out >/dev/null || fail "overdue view"
run 0 -d d.db task list mine
out_has "Anna Kowalska"
out_lacks "Marcin Zając"

# record a meeting from a script
run 0 -d d.db meeting next-host
host=$(cat out)
[ -n "$host" ] || fail "no next host"
run 0 -d d.db meeting add "title=Posiedzenie testowe PZK" date=2026-12-01 time=10:00 "host=$host" "place=sala 1" "agenda=1. Otwarcie"
mid=$(cat out)
run 0 -d d.db meeting attend "$mid" "contact=Marta Nowak" attended=1
run 0 -d d.db meeting attend "$mid" "contact=Michał Jankowski"
aid=$(cat out)
run 0 -d d.db meeting attend "$mid" "contact=Michał Jankowski" attended=1
[ "$(cat out)" = "$aid" ] || fail "marking attendance added a second row"
run 0 -d d.db meeting decide "$mid" "text=Pierwsze ustalenie testowe."
run 0 -d d.db meeting decide "$mid" "text=Drugie ustalenie testowe."
run 0 -d d.db task add "title=Zadanie testowe z posiedzenia" "partner=PUP Wierzbnik" "contact=Michał Jankowski" "meeting=$mid" due_date=2026-12-15
tid=$(cat out)
run 0 -d d.db list meetings --json
jq -e --arg id "$mid" --arg host "$host" '[.[] | select(.id == $id)] | length == 1 and .[0].title == "Posiedzenie testowe PZK" and .[0].time == "10:00"' out >/dev/null \
	|| fail "the new meeting is not listed"
run 0 -d d.db list meetings
out_has "2026-12-01 10:00	Posiedzenie testowe PZK"
run 0 -d d.db list tasks --json
jq -e --arg id "$tid" --arg mid "$mid" '[.[] | select(.id == $id)][0] | .title == "Zadanie testowe z posiedzenia" and .meeting_id == $mid and .contact_name == "Michał Jankowski" and .status == "open"' out >/dev/null \
	|| fail "the new task is not listed"
run 0 -d d.db search "Posiedzenie testowe"
out_has "Posiedzenie testowe PZK"
run 0 -d d.db task close "$tid"
run 0 -d d.db list tasks --json
jq -e --arg id "$tid" '[.[] | select(.id == $id)][0] | .status == "done" and .closed_on == "2026-11-23" and .closed_by == "akowalska"' out >/dev/null \
	|| fail "closing did not record when and by whom"
run 0 -d d.db task close "$tid" status=dropped

# bad input: exit 2, a clear message, nothing written
# every save writes an audit entry: check counts them
# (as the coordinator, who sees every case's meetings and tasks)
snapshot() { "$KOSZYK_BIN" --as akowalska -d d.db list meetings --json; "$KOSZYK_BIN" --as akowalska -d d.db list tasks --json; "$KOSZYK_BIN" --as akowalska -d d.db check; }
snapshot >before
bad() { # EXPECTED-TEXT ARGS...
	local want=$1
	shift
	run 2 -d d.db "$@"
	err_has "$want"
	snapshot >after
	cmp -s before after || fail "koszyk $*: something was written"
}
bad "a meeting needs a date" meeting add "title=Bez daty" "host=GOPS Brzozowa Wola"
bad "is not a date" meeting add "title=Zła data" date=2026-13-01
bad "is not a time" meeting add "title=Zła godzina" date=2026-12-01 time=25:99
bad "there is no partner \"Nieistniejący Partner\"" meeting add "title=X" date=2026-12-01 "host=Nieistniejący Partner"
bad "Jan Nieznany is not in the partner registry" meeting attend "$mid" "contact=Jan Nieznany"
bad "there is no meeting" meeting attend 00000000-0000-4000-8000-000000000000 "contact=Marta Nowak"
bad "there is no partner \"Firma Krzak\"" task add "title=Zadanie" "partner=Firma Krzak"
bad "a task needs a partner" task add "title=Zadanie bez właściciela"
bad "is not in the partner registry" task add "title=Zadanie" "partner=PUP Wierzbnik" "contact=Marta Nowak"
bad "there is no meeting" task add "title=Zadanie" "partner=PUP Wierzbnik" meeting=00000000-0000-4000-8000-000000000000
bad "there is no task" task close 00000000-0000-4000-8000-000000000000
bad "done or dropped" task close "$tid" status=open
bad "has no field" meeting add date=2026-12-01 title=X colour=red
bad "usage" meeting
bad "usage" task frobnicate
# a case's team meetings and tasks are part of what is held about the case
code=$("$KOSZYK_BIN" --as akowalska -d d.db list meetings --json 2>/dev/null | jq -r '[.[] | select(.meeting_kind == "case_team")][0].case_code')
if [ -n "$code" ] && [ "$code" != null ]; then
	"$KOSZYK_BIN" --as akowalska -d d.db gdpr export "$code" >export.json 2>err || fail "gdpr export $code"
	jq -e '(.meetings | length) > 0 and ([.meetings[].decisions[]] | length) > 0' export.json >/dev/null ||
		fail "gdpr export of $code lacks its case-team meetings"
fi
exit 0
