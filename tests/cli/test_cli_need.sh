#!/usr/bin/env bash
# Need-to-know on every device: a worker's laptop holds the basket and only
# her cases. A clone made for her holds none of another worker's cases (the
# raw file is scanned for their text); a case shared with her arrives whole
# with the next change file written for her, and leaves her laptop when it
# is unshared (scanned again); a file written for her fits only her laptop;
# her laptop passes on only its own changes; the same over sync ssh.
source "$(dirname "$0")/lib.sh"
export KOSZYK_TODAY=2026-11-23
mkdir -p "$XDG_CONFIG_HOME/koszyk"
cp "$TESTS_DIR/../config/koszyk.yaml" "$XDG_CONFIG_HOME/koszyk/koszyk.yaml"
export TMPDIR=$WORK/tmp
mkdir -p "$TMPDIR"

# codes LOGIN DB: the case codes LOGIN sees in DB, one per line, sorted
codes() { KZ_AS=$1 "$KOSZYK_BIN" --as "$1" -d "$2" list cases --json | jq -r '.[].title' | sort; }
# in_file DB TEXT: TEXT is somewhere in the database's files (raw bytes)
in_file() { cat "$1" "$1-wal" 2>/dev/null | grep -aqF -- "$2"; }

run 0 -d hub.db demo
# A case of pwisniewski's with words found nowhere else, and one more of
# his that is never shared.
as pwisniewski 0 -d hub.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=pwisniewski \
	"notes=Rodzina Zawadzkich z ulicy Jaskółczej"
P=$(cat out)
as pwisniewski 0 -d hub.db case add member "$P" role=matka birth_year=1985 "name=Genowefa Zawadzka"
as pwisniewski 0 -d hub.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=pwisniewski \
	"notes=Rodzina Wróblewskich spod lasu"
Q=$(cat out)
as pwisniewski 0 -d hub.db case add member "$Q" role=ojciec birth_year=1979 "name=Bonifacy Wróblewski"
# One of mnowak's, for pwisniewski's laptop.
as mnowak 0 -d hub.db case open legal_basis=statutory "legal_basis_note=asystent rodziny" manager=mnowak \
	"notes=Rodzina Malinowskich z Dębowej"
M=$(cat out)
as mnowak 0 -d hub.db case add member "$M" role=ojciec birth_year=1970 "name=Eustachy Malinowski"
in_file hub.db "Genowefa Zawadzka" || fail "the office's file does not hold the test's text (the scan would prove nothing)"

# --- a laptop cloned for a worker -----------------------------------------------------------
as mnowak 0 -d m.db sync clone hub.db
[ "$(codes mnowak m.db)" = "$(codes mnowak hub.db)" ] || fail "mnowak's laptop lists other cases than she sees at the office"
[ "$(codes akowalska m.db)" = "$(codes mnowak hub.db)" ] || fail "mnowak's laptop holds cases she may not see: $(codes akowalska m.db | tr '\n' ' ')"
[ -n "$(codes mnowak m.db)" ] || fail "mnowak's laptop holds none of her cases"
for text in "Genowefa Zawadzka" "Jaskółczej" "Bonifacy Wróblewski" "programem korekcyjnym"; do
	! in_file m.db "$text" || fail "mnowak's laptop file holds \"$text\" of another worker's case"
done
as mnowak 0 -d m.db plan "$(codes mnowak m.db | head -1)"
as mnowak 2 -d m.db plan "$P"
err_has "There is no case $P."
as mnowak 0 -d m.db sync status
out_has "mnowak"
# the basket is whole
[ "$(KZ_AS=mnowak "$KOSZYK_BIN" --as mnowak -d m.db list services --all --json | jq length)" = \
  "$(KZ_AS=mnowak "$KOSZYK_BIN" --as mnowak -d hub.db list services --all --json | jq length)" ] ||
	fail "the laptop lacks services of the basket"
# a coordinator's laptop holds every case
as akowalska 0 -d full.db sync clone hub.db
[ "$(codes akowalska full.db)" = "$(codes akowalska hub.db)" ] || fail "the coordinator's laptop lacks cases"

# --- shared with her: the case arrives whole ----------------------------------------------
as pwisniewski 0 -d hub.db case share "$P" mnowak
as pwisniewski 0 -d hub.db case add plan "$P"
as pwisniewski 0 -d hub.db case add goal "$P" "what=Powrót Genowefy do pracy" target_date=2027-05-31 priority=high
rm -f f1.kzs
as akowalska 0 -d hub.db sync export f1.kzs --for mnowak
out_has "Cases written whole"
# the file is locked: no text of a case in its bytes; opened with the key
# (the tests' helper) it holds her new case and no other worker's
! grep -aqF "Genowefa Zawadzka" f1.kzs || fail "the file for mnowak holds a case's text in the clear"
"$KZ_LOCKTOOL" open m.db f1.kzs f1.plain || fail "mnowak's laptop's key does not open the file for her"
! grep -aqF "Bonifacy" f1.plain || fail "the file for mnowak carries another case she may not see"
in_file f1.plain "Genowefa Zawadzka" || fail "the file for mnowak lacks the case shared with her"
as mnowak 0 -d m.db sync import f1.kzs
out_has "Cases that arrived whole (shared with you or given to you): 1."
# the laptop knows the file as the coordinator's, written for her
as mnowak 0 -d m.db sync status
out_has "Exchanged with akowalska@"
as mnowak 0 -d m.db gdpr export "$P"
out_has "Genowefa Zawadzka"
as mnowak 0 -d hub.db gdpr export "$P"
jq -S 'del(.audit) | walk(if type == "object" then del(.rev) else . end)' out >office.json
as mnowak 0 -d m.db gdpr export "$P"
jq -S 'del(.audit) | walk(if type == "object" then del(.rev) else . end)' out >laptop.json
cmp -s office.json laptop.json || fail "the case arrived otherwise than the office holds it: $(diff office.json laptop.json | head -c 1500)"
# the same file again: nothing new
as mnowak 0 -d m.db sync import f1.kzs
out_lacks "arrived"
# she works on it offline; the office works on it too; both meet
as mnowak 0 -d m.db case add member "$P" role=syn birth_year=2012 "name=Teodor Zawadzki"
as pwisniewski 0 -d hub.db case add member "$P" role=córka birth_year=2014 "name=Klara Zawadzka"
rm -f m1.kzs h1.kzs
as mnowak 0 -d m.db sync export m1.kzs
as akowalska 0 -d hub.db sync import m1.kzs
out_has "Received 1 new changes"
as akowalska 0 -d hub.db sync export h1.kzs --for mnowak
as mnowak 0 -d m.db sync import h1.kzs
for db in hub m; do
	as mnowak 0 -d $db.db gdpr export "$P"
	out_has "Teodor Zawadzki"
	out_has "Klara Zawadzka"
done
# what her laptop passes on is its own: files from the office do not go on
as mnowak 0 -d m.db sync export m2.kzs
out_has "Wrote 0 changes"

# --- a file written for her fits only her laptop --------------------------------------------
as akowalska 2 -d full.db sync import h1.kzs
err_has "written for the replica of mnowak"
as pwisniewski 0 -d p.db sync clone hub.db
as pwisniewski 2 -d p.db sync import h1.kzs
err_has "written for the replica of mnowak"
as mnowak 2 -d hub.db sync export x.kzs --for pwisniewski
err_has "Only a coordinator"
as akowalska 2 -d hub.db sync export x.kzs --for nosuchlogin
err_has "nosuchlogin"
[ ! -e x.kzs ] || fail "a refused export wrote a file"

# --- her laptop brought up to date from an older koszyk ------------------------------------
# The migrations copy the change log and the search index anew (24, 26):
# the pages they free hold the case as well, and are overwritten too, so
# that nothing of it is left once it leaves (below).
sqlite3 m.db "PRAGMA user_version = 23"
as mnowak 0 -d m.db list cases
[ "$(sqlite3 m.db "PRAGMA user_version")" -gt 23 ] || fail "the laptop was not brought up to date"

# --- unshared: the case leaves her laptop ---------------------------------------------------
as pwisniewski 0 -d hub.db case unshare "$P" mnowak
rm -f h2.kzs
as akowalska 0 -d hub.db sync export h2.kzs --for mnowak
as mnowak 0 -d m.db sync import h2.kzs
out_has "Cases that left this computer (no longer shared with you or no longer yours): 1."
as mnowak 2 -d m.db gdpr export "$P"
err_has "There is no case $P."
[ "$(codes akowalska m.db)" = "$(codes mnowak hub.db)" ] || fail "mnowak's laptop holds cases she may no longer see"
for text in "Genowefa Zawadzka" "Teodor Zawadzki" "Klara Zawadzka" "Jaskółczej"; do
	! in_file m.db "$text" || fail "the unshared case's \"$text\" is still in mnowak's laptop file"
done
# the trail says it left, without the family's data
as akowalska 0 -d m.db audit --json
jq -e --arg c "$P" 'any(.[]; .action == "forget" and .summary == $c)' out >/dev/null || fail "the laptop's trail does not say the case left: $(head -c 800 out)"
run 0 -d m.db check
# shared again: back whole, with what was added meanwhile
as pwisniewski 0 -d hub.db case share "$P" mnowak
as pwisniewski 0 -d hub.db case add member "$P" role=babcia birth_year=1950 "name=Leokadia Zawadzka"
rm -f h3.kzs
as akowalska 0 -d hub.db sync export h3.kzs --for mnowak
as mnowak 0 -d m.db sync import h3.kzs
out_has "Cases that arrived whole (shared with you or given to you): 1."
as mnowak 0 -d m.db gdpr export "$P"
out_has "Leokadia Zawadzka"
out_has "Teodor Zawadzki"

# --- over sync ssh: the office answers for the login that connects ------------------------------
# A stand-in for ssh that runs the far side's command here; the far side
# acts as pwisniewski (demo).
printf '#!/bin/sh\nshift 2\nexec sh -c "$1"\n' >fake-ssh
chmod 755 fake-ssh
printf '#!/bin/sh\nexec "%s" -c "%s" --as pwisniewski "$@"\n' "$KOSZYK_BIN" \
	"$XDG_CONFIG_HOME/koszyk/koszyk.yaml" >remote-koszyk
chmod 755 remote-koszyk
export KOSZYK_SSH=$WORK/fake-ssh KOSZYK_REMOTE=$WORK/remote-koszyk
as pwisniewski 0 -d ps.db sync clone "office:$WORK/hub.db"
[ "$(codes akowalska ps.db)" = "$(codes pwisniewski hub.db)" ] || fail "the laptop cloned over ssh holds cases pwisniewski may not see"
! in_file ps.db "Eustachy Malinowski" || fail "the ssh clone holds a case of mnowak's"
# a worker's laptop cloned over ssh holds the partnership's key
run 0 -d hub.db key show
hub_key=$(cat out)
as pwisniewski 0 -d ps.db key show
[ "$(cat out)" = "$hub_key" ] || fail "the need-to-know clone over ssh lacks the office's key"
[ -z "$(ls -A "$TMPDIR")" ] || fail "temporary files left behind: $(ls -A "$TMPDIR")"
as mnowak 0 -d hub.db case share "$M" pwisniewski
as pwisniewski 0 -d ps.db sync ssh "office:$WORK/hub.db"
out_has "Cases that arrived whole (shared with you or given to you): 1."
as pwisniewski 0 -d ps.db gdpr export "$M"
out_has "Eustachy Malinowski"
as mnowak 0 -d hub.db case unshare "$M" pwisniewski
as pwisniewski 0 -d ps.db sync ssh "office:$WORK/hub.db"
out_has "Cases that left this computer (no longer shared with you or no longer yours): 1."
as pwisniewski 2 -d ps.db gdpr export "$M"
! in_file ps.db "Eustachy Malinowski" || fail "the unshared case is still in the ssh laptop's file"
[ "$(codes akowalska ps.db)" = "$(codes pwisniewski hub.db)" ] || fail "after the exchanges the ssh laptop holds other cases than pwisniewski sees"
[ -z "$(ls -A "$TMPDIR")" ] || fail "temporary files left behind: $(ls -A "$TMPDIR")"
exit 0
