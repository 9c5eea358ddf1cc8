#!/usr/bin/env bash
# Issue 12: the minutes of a meeting (text, Markdown, HTML for print) with
# the attendance (present, invited but absent), the decisions and the
# tasks (who, due, from which decision); the meeting as iCalendar (.ics).
# Text from the data is escaped in HTML and iCalendar; a file written with
# -o is readable by its owner only; a case team's meeting is no meeting for
# a worker who may not see the case.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23

run 0 -d d.db demo
run 0 -d d.db meeting add "title=Posiedzenie <b>PZK</b> & \"goście\"" date=2026-12-01 time=09:30 \
	"host=GOPS Brzozowa Wola" "chair=UG Brzozowa Wola" "place=Sala 2; parter, ul. Lipowa" \
	"agenda=1. Otwarcie
2. Wolne wnioski" kind=working_group
mid=$(cat out)
run 0 -d d.db meeting attend "$mid" "contact=Anna Kowalska" attended=1
run 0 -d d.db meeting attend "$mid" "contact=Agnieszka Kubiak"
run 0 -d d.db meeting decide "$mid" "text=Przyjąć <script>alert(1)</script> plan"
run 0 -d d.db meeting decide "$mid" "text=Zaprosić kuratorów"
run 0 -d d.db task add "meeting=$mid" decision=2 "title=Wysłać zaproszenia" \
	"partner=GOPS Brzozowa Wola" "contact=Anna Kowalska" due_date=2026-12-15

# text
run 0 -d d.db meeting minutes "$mid"
out_has "Posiedzenie <b>PZK</b> & \"goście\""
out_has "Date: 01.12.2026"
out_has "Time: 09:30"
out_has "Place: Sala 2; parter, ul. Lipowa"
out_has "Meeting of: a working group"
out_has "Host partner: "
out_has "Chair partner: "
out_has "Present (1)"
out_has "Invited but absent (1)"
out_has "Anna Kowalska"
out_has "Agnieszka Kubiak"
out_has "1. Przyjąć"
out_has "2. Zaprosić kuratorów"
out_has "Wysłać zaproszenia"
out_has "Due: 15.12.2026"
out_has "From decision: decision 2"
# present before absent
[ "$(grep -n 'Present (1)' out | cut -d: -f1)" -lt "$(grep -n 'Agnieszka Kubiak' out | cut -d: -f1)" ] ||
	fail "the absent are not after the present"

# Markdown
run 0 -d d.db meeting minutes "$mid" --format md
out_has "# Posiedzenie \\<b\\>PZK\\</b\\>"
out_has "## Invited but absent (1)"

# HTML: one page, no outside requests, every text escaped, A4
run 0 -d d.db meeting minutes "$mid" --format html -o minutes.html
[ ! -s out ] || fail "-o also wrote to stdout"
[ "$(stat -c %a minutes.html)" = 600 ] || fail "the minutes are readable by others"
grep -qF "<!DOCTYPE html>" minutes.html || fail "not an HTML page"
grep -qF "size:A4" minutes.html || fail "not for A4"
grep -qF "Posiedzenie &lt;b&gt;PZK&lt;/b&gt; &amp; &quot;goście&quot;" minutes.html || fail "the title is not escaped"
grep -qF "&lt;script&gt;alert(1)&lt;/script&gt;" minutes.html || fail "a decision is not escaped"
! grep -qF "<script" minutes.html || fail "a script in the page"
! grep -qiE "(src|href)=|@import|url\(" minutes.html || fail "the page asks for something outside"
run 2 -d d.db meeting minutes "$mid" --format pdf
err_has "unknown format"
run 2 -d d.db meeting minutes no-such-meeting
run 2 -d d.db meeting minutes

# iCalendar
run 0 -d d.db meeting ics "$mid" -o m.ics
[ "$(stat -c %a m.ics)" = 600 ] || fail "the .ics is readable by others"
[ "$(grep -c $'\r$' m.ics)" = "$(wc -l <m.ics)" ] || fail "not every line ends in CRLF"
awk '{ sub(/\r$/, ""); if (length($0) > 75) exit 1 }' LC_ALL=C m.ics || fail "a line longer than 75 octets"
# unfolded, as a calendar reads it
tr -d '\r' <m.ics | sed ':a;N;$!ba;s/\n //g' >unfolded
grep -qx "BEGIN:VCALENDAR" unfolded || fail "no VCALENDAR"
[ "$(grep -c '^BEGIN:VEVENT$' unfolded)" = 1 ] || fail "not one VEVENT"
grep -qx "UID:$mid@koszyk" unfolded || fail "the UID is not the meeting's"
grep -qE "^DTSTAMP:[0-9]{8}T[0-9]{6}Z$" unfolded || fail "no DTSTAMP in UTC"
grep -qx "DTSTART;TZID=Europe/Warsaw:20261201T093000" unfolded || fail "DTSTART"
grep -qx "DTEND;TZID=Europe/Warsaw:20261201T113000" unfolded || fail "DTEND"
grep -qx "TZID:Europe/Warsaw" unfolded || fail "no VTIMEZONE"
grep -qxF 'SUMMARY:Posiedzenie <b>PZK</b> & "goście"' unfolded || fail "SUMMARY"
grep -qxF 'LOCATION:Sala 2\; parter\, ul. Lipowa' unfolded || fail "LOCATION not escaped"
grep -qF '1. Otwarcie\n2. Wolne wnioski' unfolded || fail "the agenda's line break"
grep -qE "^ATTENDEE;.*CN=\"Anna Kowalska\":mailto:" unfolded || fail "no attendee with an e-mail"
cp m.ics first.ics
run 0 -d d.db meeting ics "$mid" -o m.ics
cmp -s m.ics first.ics || fail "written twice, the .ics differs"
run 2 -d d.db meeting ics "$mid" --format html

# need-to-know: a case team's meeting of mnowak's case
run 0 -d d.db meeting add title=Zespol date=2026-12-04 case=R/2026/001
tid=$(cat out)
as mnowak 0 -d d.db meeting minutes "$tid"
out_has "R/2026/001"
as pwisniewski 2 -d d.db meeting minutes "$tid"
out_lacks "R/2026/001"
as pwisniewski 2 -d d.db meeting ics "$tid"
out_lacks "R/2026/001"
echo ok
